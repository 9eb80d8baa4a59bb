"""Word's automatic list numbering, shared by the DOCX and Word 97 readers: the counters of each list and the marker
a numbered paragraph shows (一、, （二）, 3.), written in the list level's number format."""
from __future__ import annotations

from dataclasses import dataclass

from ..numerals import write_chinese

LEVELS = 9  # Word numbers at most nine levels
MAX_START = 32767  # the largest number Word lets a list start at
# Letters past z repeat (aa, bbb): past this many, a hostile list's counter would write thousands a marker.
_MAX_LETTER_REPEAT = 10

_SEQUENCES = {
    "decimalEnclosedCircle": "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳",
    "decimalEnclosedCircleChinese": "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳",
    "decimalEnclosedParen": "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇",  # ⑴ reads (1), as typed
    "decimalEnclosedFullstop": "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛",  # ⒈ reads 1.
    "ideographParenthetical": "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩",  # ㈠ reads (一)
    "ideographTraditional": "甲乙丙丁戊己庚辛壬癸",
}
# Formats counting in Chinese numerals (十一, 二十): Word's 一, 二, 三 (简), its Japanese and Taiwanese kin, and 壹, 贰
_COUNTING = {"chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
             "taiwaneseCountingThousand", "chineseLegalSimplified"}
_IDEOGRAPH_DIGITS = "〇一二三四五六七八九"  # ideographDigital and taiwaneseDigital write each digit: 10 is 一〇


def format_number(value: int, fmt: str) -> str:
    """``value`` written in a ``w:numFmt``: ``chineseCounting`` 11 -> 十一, ``decimalEnclosedCircle`` 3 -> ③."""
    if fmt in _COUNTING:
        return write_chinese(value, financial=fmt == "chineseLegalSimplified")
    sequence = _SEQUENCES.get(fmt, "")
    if 1 <= value <= len(sequence):
        return sequence[value - 1]
    if fmt in ("ideographDigital", "taiwaneseDigital"):
        return "".join(_IDEOGRAPH_DIGITS[int(digit)] for digit in str(value))
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(digit) + 0xFEE0) for digit in str(value))
    if fmt in ("upperLetter", "lowerLetter") and value <= 26 * _MAX_LETTER_REPEAT:
        letter = chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    return str(value)  # decimal, a sequence's numbers past its end, and the formats plans do not use


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."  # %1 … %9: the numbers of the levels down to this one


class ListCounters:
    """Where each list's levels have counted to, as Word counts them."""

    def __init__(self) -> None:
        self.counters: dict[object, list[int]] = {}
        self.current_list: dict[object, object] = {}

    def marker(self, shared: object, instance: object, starts: dict[int, int], levels: dict[int, Level], level: int) -> str:
        """The marker the next paragraph at ``level`` of list ``instance`` shows, advancing the counters: ``shared``
        is the list of levels it shows (DOCX's abstract list, Word 97's list), ``starts`` the levels it starts again."""
        counters = self._advance(shared, instance, starts, levels, level)
        marker = levels[level].text
        for shown in range(level + 1):
            marker = marker.replace(f"%{shown + 1}", format_number(counters[shown], levels.get(shown, Level()).fmt))
        return marker

    def restart(self, shared: object, levels: dict[int, Level], level: int, value: int) -> None:
        """The next number at ``level`` of list ``shared`` is ``value`` (an OpenDocument list item's start value)."""
        counters = self.counters.setdefault(shared, [levels.get(at, Level()).start - 1 for at in range(LEVELS)])
        counters[level] = value - 1
        self.current_list[shared] = shared

    def _advance(self, shared: object, instance: object, starts: dict[int, int], levels: dict[int, Level], level: int) -> list[int]:
        """Step ``level`` of the list on; deeper levels start again."""
        def start(at: int) -> int:
            return starts.get(at, levels.get(at, Level()).start)

        counters = self.counters.get(shared)
        # Lists sharing their levels continue each other, unless the new one overrides the start of its levels
        # (Word's "restart numbering").
        if counters is None or (self.current_list.get(shared) != instance and starts):
            counters = [start(at) - 1 for at in range(LEVELS)]
        self.current_list[shared] = instance
        for shallower in range(level):
            counters[shallower] = max(counters[shallower], start(shallower))
        counters[level] += 1
        for deeper in range(level + 1, LEVELS):
            counters[deeper] = start(deeper) - 1
        self.counters[shared] = counters
        return counters
