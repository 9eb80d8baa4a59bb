"""Numerals as plans write them: Arabic, full-width, circled and Chinese."""
from __future__ import annotations

import unicodedata

from .normalize import fold_width


def numeral_value(text: str) -> int:
    """The integer a marker numeral stands for: ``十一`` -> 11, ``⑩`` -> 10, ``１２`` -> 12."""
    folded = fold_width(text)
    if folded.isascii() and folded.isdigit():
        return int(folded)
    if len(folded) == 1 and unicodedata.numeric(folded, None) is not None:
        return int(unicodedata.numeric(folded))
    import cn2an  # imported on first use: it costs a fifth of a second

    return int(cn2an.cn2an(folded, "smart"))
