"""Numerals as plans write them: Arabic, full-width, circled and Chinese.

The one place that knows Chinese numerals: a number's value (``两百`` -> 200),
a year written digit by digit (``二〇二五`` -> 2025), the value of each digit, and
a number written out (11 -> 十一, as Word numbers a list).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal

from . import patterns
from .folding import fold

CN_DIGIT_VALUES = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
                   # the financial forms contracts and cheques use
                   "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿点壹贰叁肆伍陆柒捌玖拾佰仟"  # what a Chinese amount is written with
# The units that close a group of four places, as rules/quantities.yaml's multipliers give them by default;
# a reader passes the multipliers in force (a user's 兆) instead.
DEFAULT_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_FINANCIAL_PLACES = str.maketrans("拾佰仟", "十百千")
_DECIMAL_POINT = "点"
# What a number is mostly written with (1., 一、, 十一): characters no fold changes (tests/test_values.py holds the fold
# to that), read as they are: folding a marker's number took longer than reading it
PLAIN_NUMERAL_CHARS = "0123456789" + CN_NUMERAL_CHARS + "".join(CN_DIGIT_VALUES)
_DIGIT_BY_DIGIT = str.maketrans({char: str(value) for char, value in CN_DIGIT_VALUES.items()})


def numeral_value(text: str) -> int:
    """The integer a marker numeral stands for: ``十一`` -> 11, ``⑩`` -> 10, ``１２`` -> 12."""
    folded = fold(text) if text.strip(PLAIN_NUMERAL_CHARS) else text
    if folded.isascii() and folded.isdigit():
        return int(folded)
    if len(folded) == 1 and unicodedata.numeric(folded, None) is not None:
        return int(unicodedata.numeric(folded))
    value = chinese_number(folded)
    if value is None:
        raise ValueError(f"{text!r} is not a numeral")
    return value


def chinese_number(text: str, big_units: Mapping[str, int] = DEFAULT_BIG_UNITS) -> int | None:
    """The value of a Chinese number (``两百`` -> 200, ``一千五百万`` -> 15000000, ``两万五`` -> 25000,
    ``三万五千亿`` -> 3.5 × 10^12, ``二〇二五`` -> 2025); None when it is none (``万亿``, ``十十``).
    ``big_units`` are the units that close a group (万, 亿, and a user's 兆)."""
    if text and all(char in CN_DIGIT_VALUES for char in text):
        return digit_year(text)
    return _ChineseNumber(big_units).read(text)


def integer_written(text: str) -> int | None:
    """A small integer written in digits or in Chinese (a month, a count of years): ``12`` and ``十二`` -> 12; None
    when the Chinese is no number (``十十``)."""
    return int(text) if text.isdigit() else chinese_number(text)


_ARABIC_OR_CHAR = patterns.compile_python(r"\d+|.", re.DOTALL)


def mixed_number(text: str, big_units: Mapping[str, int] = DEFAULT_BIG_UNITS) -> int | None:
    """An integer written with Arabic digits before Chinese places, as Chinese numerals are read: ``3百万``
    -> 3000000, ``1千2百万`` -> 12000000 (万 closes both places), ``12万3千`` -> 123000, ``13万2`` -> 132000;
    None when it is none (``3百4百``)."""
    return _ChineseNumber(big_units).read([int(token) if token.isdigit() else token for token in _ARABIC_OR_CHAR.findall(text)])


class _ChineseNumber:
    """Reads units from the largest down: a big unit (亿, 万) closes a group, 千百十 place a digit within it.
    A big unit larger than every one before multiplies all read so far (十二万亿, 三万五千亿); a smaller one
    adds its group (一亿三千万). Spoken shorthand: a last digit right after a unit is worth a tenth of it
    (两万五 = 25000, 三百五 = 350)."""

    def __init__(self, big_units: Mapping[str, int]) -> None:
        self.big_units = big_units
        self.total = 0  # groups closed by a big unit
        self.group = 0  # the value below the last big unit
        self.digit: int | None = None  # a digit waiting for its unit
        self.small_unit = 10_000  # the last of 千百十 placed in this group: the next must be smaller
        self.big_unit = 0  # the last big unit, 0 before any: the next must be smaller, or larger than all
        self.largest = 0  # the largest big unit so far
        self.last_unit = 0  # the unit just before the pending digit, 0 after a 零

    def read(self, tokens: Iterable[str | int]) -> int | None:
        """The value of ``tokens``: characters, and Arabic integers that stand where a digit would (1千2百)."""
        read_any = False
        for token in tokens:
            if not self._step(token):
                return None
            read_any = True
        if not read_any:
            return None
        tail = self.digit or 0
        if self.digit is not None and self.last_unit >= 10:
            tail *= self.last_unit // 10
        return self.total + self.group + tail

    def _step(self, char: str | int) -> bool:
        if isinstance(char, int) or char in CN_DIGIT_VALUES:
            if self.digit:  # 一二百: two digits with no unit between
                return False
            self.digit = char if isinstance(char, int) else CN_DIGIT_VALUES[char]
            if self.digit == 0:
                self.last_unit = 0
            return True
        unit = _SMALL_UNITS.get(char)
        if unit is not None:
            if unit >= self.small_unit or (self.digit is None and unit != 10) or self.digit == 0:
                return False  # 十十, 百 alone, 零十
            self.group += (1 if self.digit is None else self.digit) * unit
            self.small_unit = self.last_unit = unit
            self.digit = None
            return True
        big = self.big_units.get(char)
        if big is None:
            return False
        group = self.group + (self.digit or 0)
        if big > self.largest and (group or self.total):  # 十二万亿: 亿 scales the 十二万 before it
            self.total = (self.total + group) * big
            self.largest = big
        elif big < self.big_unit and group:  # 一亿三千万: 万 closes its own group
            self.total += group * big
        else:
            return False  # 万 alone, 万万, 一亿万
        self.group, self.digit = 0, None
        self.small_unit, self.big_unit, self.last_unit = 10_000, big, big
        return True


_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_decimal(text: str, big_units: Mapping[str, int] = DEFAULT_BIG_UNITS) -> Decimal | None:
    """A Chinese number with a decimal part read digit by digit: ``一百二十点五`` -> 120.5, ``百`` -> 100."""
    whole, point, fraction = text.translate(_FINANCIAL_PLACES).partition(_DECIMAL_POINT)
    if point and (not fraction or any(char not in CN_DIGIT_VALUES for char in fraction)):
        return None
    value = 100 if whole == "百" else chinese_number(whole, big_units) if whole else None  # 百分之百
    if value is None:
        return None
    digits = "".join(str(CN_DIGIT_VALUES[char]) for char in fraction)
    return Decimal(f"{value}.{digits}") if digits else Decimal(value)


def digit_year(text: str) -> int:
    """A year written digit by digit, in Chinese or Arabic digits: ``二〇二五`` -> 2025."""
    return int(text.translate(_DIGIT_BY_DIGIT))


_WRITTEN_DIGITS = {False: "零一二三四五六七八九", True: "零壹贰叁肆伍陆柒捌玖"}
_WRITTEN_PLACES = {False: ("", "十", "百", "千"), True: ("", "拾", "佰", "仟")}


def write_chinese(value: int, financial: bool = False) -> str:
    """``value`` (0 up to 10^16) in Chinese numerals, as cn2an's ``an2cn`` writes it: 110 -> 一百一十,
    10 -> 十 (no 一 before a leading 十), 100000001 -> 一亿零一; ``financial``: 壹佰壹拾."""
    digits, places = _WRITTEN_DIGITS[financial], _WRITTEN_PLACES[financial]
    groups = []  # four places each, the lowest first
    while value:
        value, group = divmod(value, 10_000)
        groups.append(group)
    written = ""
    for index in reversed(range(len(groups))):
        group = groups[index]
        # Zeros inside a group are read 零, and so are those that open one after a higher group;
        # those that end a group are closed by its unit (六千零一十万八千), as are whole groups of them.
        gap = bool(written) and group < 1000
        for place in reversed(range(4)):
            digit = group // 10**place % 10
            if digit:
                written += (digits[0] if gap else "") + digits[digit] + places[place]
            gap = not digit and bool(written)
        if index % 2 and group:
            written += "万"  # closes the four places above each 亿 and above the ones
        if index == 2 and (groups[2] or groups[3]):
            written += "亿"  # the eight places above it are one number (一万亿, 一万零一亿)
    if not financial and written.startswith("一十"):
        written = written[1:]
    return written or digits[0]
