"""Terminal escape sequences and control characters out of what a reader read.

A text captured from a terminal or a log keeps its colours (``\\x1b[31m…\\x1b[0m``): the digits of
``31m`` were read as a count in metres, and an escape before 一、 hid the heading. A control character
is no part of a plan's words, and one that reached the output would drive the terminal it is shown on.
"""
from __future__ import annotations

from .. import patterns

# ECMA-48's escape sequences: a control sequence (ESC [, parameters, intermediates, a final byte), a string (OSC,
# DCS, SOS, PM, APC: a window title) up to BEL or the string terminator and never past its line, or ESC and one
# character. C1's one-byte forms are only removed, as any C1 character is: U+0080–U+009F in a text is more often a
# Windows quote decoded as Latin-1 than a terminal's code, and taken as an opener it would take the words after it.
_ESCAPE_SEQUENCE = patterns.compile_python(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[\]PX^_][^\x07\x1b\n\r]*(?:\x07|\x1b\\)?|\x1b[ -/]*[0-~]?")
# What is left of C0 and C1 after them, and DEL (Python's re: these sets are searched at three times the regex
# module's speed); a tab parts a table's cells, and a vertical tab or a form feed (a page break in a text a PDF
# tool wrote) parts words as a space does. At a line's edge it parts nothing: pdftotext ends each page with one, which
# opens the next page's first line, and a space there indented a wrapped line and moved a table's cell line
# (\t区教育局) off its column.
_CONTROL = patterns.compile_python(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SPACING_CONTROL = patterns.compile_python(r"[\x0b\x0c]")
_SPACING_CONTROL_AT_EDGE = patterns.compile_python(r"(?m)^[\x0b\x0c]+|[\x0b\x0c]+$")
ANY_CONTROL = patterns.compile_python(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def without_escape_sequences(text: str) -> str:
    """``text`` without its terminal escape sequences (colours, titles, cursor moves)."""
    return _ESCAPE_SEQUENCE.sub("", text) if "\x1b" in text else text


def without_controls(text: str) -> str:
    """``text`` without escape sequences and control characters but tabs and line ends."""
    if not ANY_CONTROL.search(text):
        return text
    text = _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))
    return _SPACING_CONTROL.sub(" ", _SPACING_CONTROL_AT_EDGE.sub("", text))
