"""Amounts as plans write them: a target's value is in base units (8000万元 -> 80000000), which the outputs people
read show in the plan's own scale (8000万)."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterable, Optional, Union

Number = Union[int, float]

# The scales a plan writes a large amount in (8000万元, 473亿元, 1.2万亿元), the largest first.
_SCALES = ((Decimal(10) ** 12, "万亿"), (Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万"))


def written_amount(numbers: Iterable[Optional[Number]], quote: str) -> str:
    """An amount (a range: its two ends), in base units (80000000, which a reader had to count the zeros of, or
    read as 8e+07), as a plan writes it: in the scale ``quote`` writes it in (2.391亿, 0.959亿, 0.6万; for a range,
    its upper end: 1–2亿), else in the largest scale that leaves it at least 1 with at most two decimals (8000万,
    1.86万 from a table's column in 万件, 5000–10000万), else in its units (14955, 16.5)."""
    amounts = [Decimal(str(number)) for number in numbers if number is not None]
    quoted = [(scale, word) for scale, word in _SCALES if _quotes(quote, amounts[-1] / scale, word)]  # a range's upper end
    fitting = [(scale, word) for scale, word in _SCALES if all(_written_in(amount / scale) for amount in amounts)]
    scale, word = next(iter(quoted + fitting), (Decimal(1), ""))
    return "–".join(_decimal_text(amount / scale) for amount in amounts) + word


def _quotes(quote: str, scaled: Decimal, word: str) -> bool:
    """Whether ``quote`` writes the amount so (2.391亿 in 约2.391亿元, not in 12.391亿)."""
    return re.search(rf"(?<![\d.]){re.escape(_decimal_text(scaled) + word)}", quote) is not None


def _written_in(scaled: Decimal) -> bool:
    return abs(scaled) >= 1 and scaled.normalize().as_tuple().exponent >= -2


def _decimal_text(number: Decimal) -> str:
    return f"{number.normalize():f}"
