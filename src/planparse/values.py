"""Numbers as plans write them, read exactly.

``1,500``, ``１２``, ``0.6万``, ``1.2亿``, ``13万2``, ``三十``, ``两百``, ``一千多万``,
``百分之十五``, ``2-3``, ``两三``. Values stay ``Decimal`` inside so that ``1.57``
never becomes ``1.5699999999999998``; ``json_number`` turns them into the int
or float the JSON output carries.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from .normalize import fold
from .numerals import CN_DIGIT_VALUES, CN_NUMERAL_CHARS, chinese_number

MULTIPLIERS = {"千": Decimal(1000), "万": Decimal(10_000), "亿": Decimal(100_000_000)}

_ARABIC = regex.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
# ``13万2`` is spoken shorthand for 13万2千: one digit after the multiplier is
# worth a tenth of it, unless it names its own place (``1亿2千万``).
_ARABIC_SCALED = regex.compile(r"(?P<number>\d+(?:,\d{3})*(?:\.\d+)?)(?P<multiplier>[千万亿])(?:(?P<tail>\d)(?P<tail_multiplier>千万?)?)?")
# Two neighbouring digits (``两三个``, ``五六所``) are a rough range, not 23.
_CN_PAIR = regex.compile(r"([一两二三四五六七八])([二三四五六七八九])")
_PERCENT_WORDS = "百分之"
_LOWER_BOUNDS = regex.compile("[多余]")  # 一千多万, 2000余万


@dataclass(frozen=True)
class Amount:
    """A number read from text: ``value``, and ``value_max`` for a range.

    ``at_least`` marks amounts written with 多 (``一千多万``): the text gives a
    floor, so the target's comparator becomes ``>``.
    """

    value: Decimal
    value_max: Decimal | None = None
    at_least: bool = False


def parse_number(text: str) -> Decimal | None:
    """One number, Arabic or Chinese, with 千/万/亿 folded in; None when ``text`` is not a number.

    >>> parse_number("0.6万"), parse_number("两百"), parse_number("13万2")
    (Decimal('6000.0'), Decimal('200'), Decimal('132000'))
    """
    folded = fold(text).strip()
    if not folded:
        return None
    if _ARABIC.fullmatch(folded):
        return Decimal(folded.replace(",", ""))
    scaled = _ARABIC_SCALED.fullmatch(folded)
    if scaled:
        multiplier = MULTIPLIERS[scaled["multiplier"]]
        tail_place = _place(scaled["tail_multiplier"]) if scaled["tail_multiplier"] else multiplier / 10
        tail = Decimal(scaled["tail"]) * tail_place if scaled["tail"] else Decimal(0)
        return Decimal(scaled["number"].replace(",", "")) * multiplier + tail
    mixed = regex.fullmatch(r"(\d+(?:\.\d+)?)([千万亿]+)", folded)
    if mixed:  # 1.2千万
        return Decimal(mixed[1]) * _place(mixed[2])
    if all(char in CN_NUMERAL_CHARS for char in folded) and folded[0] not in "万亿":
        value = chinese_number(folded)
        return None if value is None else Decimal(value)
    return None


def _place(multipliers: str) -> Decimal:
    """The value of a run of multipliers: ``千万`` -> 10 000 000."""
    value = Decimal(1)
    for char in multipliers:
        value *= MULTIPLIERS[char]
    return value


def parse_amount(text: str) -> Amount | None:
    """A number, a range (``2-3``, ``2至3``, ``60%—70%``, ``两三``) or a floor (``一千多万``, ``2000余万``)."""
    folded = fold(text).strip().replace("%", "")
    if folded.startswith(_PERCENT_WORDS):
        folded = folded[len(_PERCENT_WORDS):]
    bound = _LOWER_BOUNDS.search(folded)
    if bound:
        head, tail = folded[:bound.start()], folded[bound.end():]
        base = parse_number(head)
        if base is None or any(char not in MULTIPLIERS for char in tail):
            return None
        for char in tail:
            base *= MULTIPLIERS[char]
        return Amount(base, at_least=True)
    pair = _CN_PAIR.fullmatch(folded)
    if pair and CN_DIGIT_VALUES[pair[2]] == CN_DIGIT_VALUES[pair[1]] + 1:
        return Amount(Decimal(CN_DIGIT_VALUES[pair[1]]), Decimal(CN_DIGIT_VALUES[pair[2]]))
    parts = regex.split(r"\s*(?:[-—–～~]+|至|到)\s*", folded)
    if len(parts) == 2:
        high_multiplier = regex.search(r"[千万亿]$", parts[1])
        if high_multiplier and parse_number(parts[0] + high_multiplier.group()) is not None:
            parts[0] += high_multiplier.group()  # 2-3万: the 万 scales both ends
        low, high = parse_number(parts[0]), parse_number(parts[1])
        if low is None or high is None:
            return None
        return Amount(low, high)
    value = parse_number(folded)
    return None if value is None else Amount(value)


def json_number(value: Decimal | None) -> int | float | None:
    """An int when the value is integral, else the float of its exact decimal string."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(format(value.normalize(), "f"))
