"""Signs inserted as symbols (Insert > Symbol), shared by the DOCX and Word 97 readers."""
from __future__ import annotations

# The Symbol font's codes of the signs plans write in figures (Adobe's Symbol encoding)
_SYMBOL_FONT = {0x25: "%", 0x2B: "+", 0x2D: "-", 0x3C: "<", 0x3D: "=", 0x3E: ">", 0xA3: "≤", 0xB0: "°", 0xB1: "±",
                0xB3: "≥", 0xB4: "×", 0xB8: "÷", 0xB9: "≠", 0xBB: "≈", 0xD7: "·"}


def symbol_shown(code: int, font: str) -> str:
    """The character a symbol of ``code`` in ``font`` shows: in a text font its code is the character's own; in the
    Symbol font it is F0 and the font's own code, whose signs of comparison and arithmetic a target may carry
    (覆盖率≥90%); a picture font's (Wingdings ✓) is no text, nor is a code that is no character."""
    if 0xD800 <= code < 0xE000:
        return ""
    if not 0xF000 <= code <= 0xF0FF:
        return chr(code)
    return _SYMBOL_FONT.get(code - 0xF000, "") if font.strip().lower() == "symbol" else ""
