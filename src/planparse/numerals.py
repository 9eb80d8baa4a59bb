"""Numerals as plans write them: Arabic, full-width, circled and Chinese.

The one place that knows Chinese numerals: a number's value (``两百`` -> 200),
a year written digit by digit (``二〇二五`` -> 2025), and the value of each digit.
"""
from __future__ import annotations

import unicodedata

from .normalize import fold

CN_DIGIT_VALUES = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿"  # what a Chinese amount is written with
_DIGIT_BY_DIGIT = str.maketrans({char: str(value) for char, value in CN_DIGIT_VALUES.items()})


def numeral_value(text: str) -> int:
    """The integer a marker numeral stands for: ``十一`` -> 11, ``⑩`` -> 10, ``１２`` -> 12."""
    folded = fold(text)
    if folded.isascii() and folded.isdigit():
        return int(folded)
    if len(folded) == 1 and unicodedata.numeric(folded, None) is not None:
        return int(unicodedata.numeric(folded))
    value = chinese_number(folded)
    if value is None:
        raise ValueError(f"{text!r} is not a numeral")
    return value


def chinese_number(text: str) -> int | None:
    """The value of a Chinese number (``两百`` -> 200, ``一千五百万`` -> 15000000); None when it is none."""
    import cn2an  # imported on first use: it costs a fifth of a second

    try:
        return int(cn2an.cn2an(text, "smart"))
    except ValueError:
        return None


def digit_year(text: str) -> int:
    """A year written digit by digit, in Chinese or Arabic digits: ``二〇二五`` -> 2025."""
    return int(text.translate(_DIGIT_BY_DIGIT))
