"""Numbers and quantities as plans write them, read exactly.

``1,500``, ``１２``, ``0.6万``, ``1.2亿``, ``13万2``, ``1千2百万``, ``三十``, ``两百``, ``一千多万``,
``百分之十五``, ``百分之九十五点五``, ``-3.9``, ``负3.9``, ``2-3``, ``1万至1.5万``, ``两三``,
``半``. Values stay ``Decimal`` inside so that ``1.57`` never becomes
``1.5699999999999998``; ``json_number`` turns them into the int or float the
JSON output carries. ``read_quantity`` turns the parts a rule matched (number,
measure word, 百分之, a trailing 半) into a ``Quantity``: value, unit, kind and
the review flags of a reading that is not certain.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

import regex

from . import patterns
from .folding import fold
from .numerals import CN_DIGIT_VALUES, CN_NUMERAL_CHARS, chinese_decimal, mixed_number

if TYPE_CHECKING:
    from .rules import Lexicon, RuleSet

# The mark normalize sets between two digit groups after 分别 that it reads as one number's thousands, where they may be
# the two values of its list (分别完成造林 12 800 亩): the narrow no-break space, as SI groups digits; a number's groups
# when read, and flagged (competing_readings).
THOUSANDS_MARK = "\u202f"
_ARABIC = patterns.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
# Two rising digits (``两三个``, ``五六所``, ``三五家``) are a rough range, not 23 nor 35, where fragment cn_pair takes
# them (``_is_rough_range``; two bare digits it refuses, 二五, are no number of a rule: fragment cn_two_digits). The
# place after them is both ends' (二三百: 200-300). A third
# digit makes them a number written digit by digit (一二三, 五六七).
_CN_PAIR = patterns.compile(r"([一两二三四五六七八])([二两三四五六七八九])([十百千万亿]*)")
_PERCENT_WORDS = "百分之"
_MINUS = patterns.compile(r"^(?:[-−]|负|零下)")  # -3.9, 负3.9, 零下18 (degrees below zero)
_HALF = Decimal("0.5")
_TEN_THOUSAND = 10_000
_THOUSAND = 1_000
_HUNDRED = Decimal(100)
_SHARE_PLACES = Decimal("0.0001")  # a share of a fraction in %: 1/3 is 33.3333 %
_RATIO_KIND = "percentage"
_RATIO_UNIT_OPENING = ":"  # 17:1's unit is :1, its second term
_LOWER_BOUNDS = patterns.compile("[多余几]")  # 一千多万, 2000余万, 十几万
_BARE_PLACES = "百千"  # the places a round number is written with alone (百余家, 千万人次), as 万 and 亿 are
_RANGE_SEPARATOR = patterns.compile(r"(?<=[\d%\p{Han}])\s*(?:[-—–～~]+|至|到)\s*")  # 2-3, 2至3万, 60%—70%


class _MultiplierGrammar:
    """The patterns that read multipliers (rules/quantities.yaml ``multipliers``) inside a number."""

    def __init__(self, multipliers: tuple[tuple[str, Decimal], ...]):
        self.factors = dict(multipliers)
        # the multipliers a Chinese numeral closes a group with (万, 亿, a user's 兆): 三万五千亿, 三兆
        self.big_units = {word: int(factor) for word, factor in self.factors.items()
                          if len(word) == 1 and factor >= 10_000 and factor == factor.to_integral_value()}
        self.numeral_chars = CN_NUMERAL_CHARS + "".join(self.big_units)
        words = "|".join(regex.escape(word) for word in sorted(self.factors, key=lambda word: (-len(word), word)))
        # ``13万2`` is spoken shorthand for 13万2千: one digit after the multiplier is
        # worth a tenth of it, unless it names its own place (``1亿2千万``).
        self.scaled = patterns.compile(rf"(?P<number>\d+(?:,\d{{3}})*(?:\.\d+)?)(?P<multiplier>{words})(?:(?P<tail>\d)(?P<tail_multiplier>(?:{words})+)?)?")
        self.word = patterns.compile(words)
        self.run_at_end = patterns.compile(rf"(?:{words})+$")
        self.with_decimal = patterns.compile(rf"(\d+(?:\.\d+)?|[^点]+?点[^点]+?)((?:{words})+)")  # 1.2千万, 一点五万
        self.chinese_head = patterns.compile(rf"([{CN_NUMERAL_CHARS}]+?)((?:{words})+)")  # 三千瓦: a multiplier the numerals do not close a group with
        # Arabic integers in the places of a Chinese numeral (3百万, 1千2百万, 12万3千), read as the numeral is
        places = regex.escape("十百千" + "".join(self.big_units))
        self.mixed = patterns.compile(rf"(?:\d+[{places}]+)+\d?")

    def place(self, multipliers: str) -> Decimal:
        """The value of a run of multipliers: ``千万`` -> 10 000 000."""
        value = Decimal(1)
        for word in self.word.findall(multipliers):
            value *= self.factors[word]
        return value


@lru_cache(maxsize=8)
def _grammar(multipliers: tuple[tuple[str, Decimal], ...]) -> _MultiplierGrammar:
    return _MultiplierGrammar(multipliers)


def _multipliers(lexicon: "Lexicon | None") -> _MultiplierGrammar:
    """The multiplier grammar of ``lexicon``, or of the rules in force (a user's --rules folder)."""
    return _grammar(tuple((_rule_set_in_force().lexicon if lexicon is None else lexicon).multipliers.items()))


def _rule_set_in_force() -> "RuleSet":
    from .rules import load_rule_set, rules_dir_in_force  # rules loads the shipped lexicons, which values serves

    return load_rule_set(rules_dir_in_force())


def _is_rough_range(folded: str, rule_set: "RuleSet") -> bool:
    """Whether the two digits ``folded`` are a pair the grammar of ``rule_set`` reads as a range (fragment cn_pair:
    两三, 三五, 二三百); the fragment is expanded and compiled once per rule set, not on every amount read."""
    return bool(rule_set.kept("cn_pair", lambda: rule_set.fragment("cn_pair")).fullmatch(folded))


@dataclass(frozen=True)
class Amount:
    """A number read from text: ``value``, and ``value_max`` for a range.

    ``at_least`` marks amounts written with 多 (``一千多万``): the text gives a
    floor, so the target's comparator becomes ``>``.
    """

    value: Decimal
    value_max: Decimal | None = None
    at_least: bool = False


def parse_number(text: str, lexicon: "Lexicon | None" = None) -> Decimal | None:
    """One number, Arabic or Chinese, with the lexicon's multipliers (千/万/亿) folded in; None when
    ``text`` is not a number. Without ``lexicon``, the multipliers of the rules in force.

    >>> parse_number("0.6万"), parse_number("两百"), parse_number("13万2")
    (Decimal('6000.0'), Decimal('200'), Decimal('132000'))
    """
    return _parse_number(_folded_figure(text), _multipliers(lexicon))


def _folded_figure(text: str) -> str:
    """``text`` folded as numbers are read (full-width digits as ASCII, 繁體 as simplified), its digit groups joined
    across the thousands mark normalize sets (12\u202f800 is 12800)."""
    return fold(text).strip().replace(THOUSANDS_MARK, "")


def _parse_number(folded: str, grammar: _MultiplierGrammar) -> Decimal | None:
    minus = _MINUS.match(folded, None, None, patterns.NOT_CONCURRENT)
    if minus:
        value = _parse_number(folded[minus.end():], grammar)
        return None if value is None else -value
    if not folded:
        return None
    if folded == "半":
        return _HALF
    if _ARABIC.fullmatch(folded, None, None, patterns.NOT_CONCURRENT):
        return Decimal(folded.replace(",", ""))
    if grammar.mixed.fullmatch(folded):
        mixed = mixed_number(folded, grammar.big_units)
        return None if mixed is None else Decimal(mixed)
    scaled = grammar.scaled.fullmatch(folded)
    if scaled:
        multiplier = grammar.place(scaled["multiplier"])
        tail_place = grammar.place(scaled["tail_multiplier"]) if scaled["tail_multiplier"] else multiplier / 10
        tail = Decimal(scaled["tail"]) * tail_place if scaled["tail"] else Decimal(0)
        return Decimal(scaled["number"].replace(",", "")) * multiplier + tail
    mixed = grammar.with_decimal.fullmatch(folded)
    if mixed:  # 1.2千万, 一点五万
        head = Decimal(mixed[1]) if mixed[1][0].isdigit() else chinese_decimal(mixed[1], grammar.big_units)
        return None if head is None else head * grammar.place(mixed[2])
    if all(char in grammar.numeral_chars for char in folded):
        if folded[0] in _BARE_PLACES or folded[0] in grammar.big_units:  # 百余家, 近千名, 逾万人: no 一 before the place
            return chinese_decimal("一" + folded, grammar.big_units)
        return chinese_decimal(folded, grammar.big_units)
    chinese = grammar.chinese_head.fullmatch(folded)
    if chinese:  # a multiplier after a Chinese numeral that is no unit of its groups
        head = chinese_decimal(chinese[1], grammar.big_units)
        return None if head is None else head * grammar.place(chinese[2])
    return None


def parse_amount(text: str, rule_set: "RuleSet | None" = None) -> Amount | None:
    """A number, a range (``2-3``, ``2至3``, ``60%—70%``, ``两三``) or a floor (``一千多万``, ``2000余万``, ``十几``),
    read with the multipliers and fragment cn_pair of ``rule_set``, else of the rules in force."""
    rule_set = rule_set or _rule_set_in_force()
    grammar = _multipliers(rule_set.lexicon)
    # 60%—70%, 20万元至50万元: the unit on both ends; 1，200人: digit groups a full-width comma parts (fragment arabic)
    folded = _folded_figure(text).replace("%", "").replace("元", "").replace("，", ",")
    if folded.startswith(_PERCENT_WORDS):
        folded = folded[len(_PERCENT_WORDS):]
    bound = _LOWER_BOUNDS.search(folded, None, None, patterns.NOT_CONCURRENT)
    if bound:
        head, tail = folded[:bound.start()], folded[bound.end():]
        base = _parse_number(head, grammar)
        if base is None or (tail and not grammar.run_at_end.fullmatch(tail)):
            return None
        return Amount(base * grammar.place(tail), at_least=True)
    pair = _CN_PAIR.fullmatch(folded, None, None, patterns.NOT_CONCURRENT)
    if pair and _is_rough_range(folded, rule_set):
        place = chinese_decimal("一" + pair[3], grammar.big_units) if pair[3] else Decimal(1)
        return None if place is None else Amount(CN_DIGIT_VALUES[pair[1]] * place, CN_DIGIT_VALUES[pair[2]] * place)
    parts = _RANGE_SEPARATOR.split(folded, 0, patterns.NOT_CONCURRENT)
    if len(parts) == 2:
        low, high = _parse_number(parts[0], grammar), _parse_number(parts[1], grammar)
        if low is None or high is None:
            return None
        high_multiplier = grammar.run_at_end.search(parts[1])
        scaled = _parse_number(parts[0] + high_multiplier.group(), grammar) if high_multiplier and not grammar.run_at_end.search(parts[0]) else None
        # 2-3万: the 万 scales both ends, unless the low end is already the right size (8000-1万, 九千至一万)
        return Amount(scaled if scaled is not None and scaled <= high else low, high)
    value = _parse_number(folded, grammar)
    return None if value is None else Amount(value)


@dataclass(frozen=True)
class Quantity:
    """A quantity as read: the amount, the measure word as the lexicons name it, and the target kind it gives."""

    amount: Amount
    unit: Optional[str]
    kind: str


def read_quantity(groups: dict[str, Optional[str]], rule_set: "RuleSet", value: Decimal | None = None,
                  unit: str | None = None) -> Quantity | None:
    """The quantity a rule matched: groups ``amount``, ``unit``, ``per_before`` (the 吨 of 每吨1.2元), ``per_head`` and
    ``per_period`` (the 人 and 月 of 每人每月200元), ``prefix`` (百分之),
    ``tail`` (一吨半, 九成五: a half or a tenth of the unit), ``denominator`` (三分之二), ``second_term`` (the 1
    of a ratio 17:1) and ``tolerance`` (the margin of 6‰±1‰); ``value`` and ``unit`` stand in for a rule
    without those groups, read with the lexicons and fragments of ``rule_set``. None when the words that looked like a
    number read as none."""
    lexicon = rule_set.lexicon
    scale = groups.get("scale") or ""  # (50±5)万吨: the 万 of both numbers, unless the level has its own (50万±5万吨)
    level = groups.get("amount") or ""
    amount = parse_amount(level + (scale if level[-1:].isdigit() else ""), rule_set) if level else (Amount(value) if value is not None else None)
    if amount is not None and groups.get("amount_max"):  # 1万人次至1.5万人次
        high = parse_number(groups["amount_max"], lexicon)
        amount = None if high is None else Amount(amount.value, high)
    if amount is not None and (groups.get("tolerance") or groups.get("tolerance_share")):
        amount = _within_margin(amount.value, groups, scale, lexicon)
    if amount is None:
        return None
    tail, word_rest = _tail_value(groups.get("tail"))
    if tail:
        amount = replace(amount, value=amount.value + tail, value_max=None if amount.value_max is None else amount.value_max + tail)
    prefix = lexicon.entry(groups.get("prefix") or "")
    denominator = parse_number(groups["denominator"], lexicon) if groups.get("denominator") else None
    if denominator is not None:
        high_denominator = parse_number(groups["denominator_max"], lexicon) if groups.get("denominator_max") else denominator
        return _fraction(amount, denominator, high_denominator or denominator, groups.get("unit"), lexicon)
    second_term = parse_number(groups["second_term"], lexicon) if groups.get("second_term") else None
    if second_term is not None:  # 师生比17:1: 17 to 1, unit :1, the second term kept as a denominator is
        return Quantity(amount, f"{_RATIO_UNIT_OPENING}{json_number(second_term)}", _RATIO_KIND)
    word = (groups.get("unit") or (next(iter(prefix.words)) if prefix else unit) or "") + word_rest or None
    per = per_written(groups)
    if word and per:  # 每吨1.2元, 每亩500公斤, 每人每月200元: per what is written before the number, as 1.2元/吨 writes it
        word = f"{word}/{per}"
    word = word and lexicon.spelled(word)
    if groups.get("part_unit"):
        amount, word = _in_the_smaller_unit(amount, word or "", groups, lexicon)
        if amount is None:
            return None
    whole = lexicon.entry(word or "")
    head, slash, per = (word or "").partition("/")
    entry = whole or lexicon.entry(head)  # 元/亩 is money like 元
    written, per_part = (word, "") if whole else (head, slash + per)
    if entry is not None and entry.report_as and written != entry.report_as:
        amount = _scaled(amount, entry.factor(written or "") or Decimal(1))  # 九成 -> 90 %
        word = entry.report_as + per_part  # m3/日 -> m³/日: what it is per kept
    kind = entry.kind if entry is not None else "count"
    return Quantity(amount, word, kind)


def per_written(groups: dict[str, Optional[str]]) -> str:
    """What the groups ``per_before``, ``per_head`` and ``per_period`` say a level is per, as a unit's per part
    writes it (每人每月: 人·月), or ''."""
    return "·".join(groups[part] for part in ("per_before", "per_head", "per_period") if groups.get(part))


def _within_margin(level: Decimal, groups: dict[str, Optional[str]], scale: str, lexicon: "Lexicon") -> Amount | None:
    """6‰±1‰: the range the level may stray over, by a margin in its unit (group ``tolerance``, scaled by ``scale``)
    or in % of it (``tolerance_share``: 30万头±10% is 27万–33万头); None when the margin reads as no number."""
    if groups.get("tolerance"):
        margin = parse_number(groups["tolerance"] + scale, lexicon)
    else:
        share = parse_number(groups["tolerance_share"] or "", lexicon)
        margin = None if share is None else level * share / 100
    return None if margin is None else Amount(level - margin, level + margin)


def _in_the_smaller_unit(amount: Amount, word: str, groups: dict[str, Optional[str]], lexicon: "Lexicon") -> tuple[Amount | None, str]:
    """1小时30分钟: the amount in the smaller unit (groups ``part_amount``, ``part_unit``) with that part added, 90 分钟;
    None when the units share no base, or the part is not less than one larger unit (7天24小时 is a service's hours,
    around the clock every day, no sum)."""
    part_unit = groups["part_unit"] or ""
    larger, smaller = lexicon.entry(word), lexicon.entry(part_unit)
    part = parse_number(groups.get("part_amount") or "", lexicon)
    if larger is None or smaller is None or part is None or larger.base is None or larger.base != smaller.base:
        return None, word
    # the factors are decimals of thirds and sixtieths (小时 0.0416…): their ratio is rounded to what it is, 60
    ratio = round((larger.factor(word) or Decimal(0)) / (smaller.factor(part_unit) or Decimal(1)), 6)
    if part >= ratio:
        return None, word
    return Amount(amount.value * ratio + part), part_unit


def _fraction(amount: Amount, denominator: Decimal, high_denominator: Decimal, word: str | None, lexicon: "Lexicon") -> Quantity:
    """A fraction: of a whole (a denominator under 100: 三分之一以上的行政村, 占比达到1/4) the share in %, as 九成 is 90 %,
    so that it compares with 30%以上 (三分之一 is 33.3333 %, to four places); of a thousand or more a rate per it, as
    plans write one (十万分之十 is 10/10万, 千分之三 3 ‰); followed by its own measure word, an amount in it
    (人均1/2平方米 is 0.5 平方米). The high end of a range of fractions is over its own denominator (五分之一至三分之一
    is 20–33.3333 %)."""
    if word:
        entry = lexicon.entry(word)
        return Quantity(_over(amount, denominator, high_denominator, Decimal(1)), word, entry.kind if entry else "count")
    if denominator >= _HUNDRED:
        return Quantity(amount, _per_unit(denominator), _RATIO_KIND)
    return Quantity(_over(amount, denominator, high_denominator, _HUNDRED), "%", _RATIO_KIND)


def _over(amount: Amount, denominator: Decimal, high_denominator: Decimal, whole: Decimal) -> Amount:
    """Each end of a fraction's amount over its denominator, in parts of ``whole``, to four places."""
    def share(number: Decimal, over: Decimal) -> Decimal:
        return (number * whole / over).quantize(_SHARE_PLACES).normalize()
    return replace(amount, value=share(amount.value, denominator),
                   value_max=None if amount.value_max is None else share(amount.value_max, high_denominator))


def _scaled(amount: Amount, factor: Decimal) -> Amount:
    """The amount times ``factor``, both ends of a range."""
    return replace(amount, value=amount.value * factor, value_max=None if amount.value_max is None else amount.value_max * factor)


def _per_unit(denominator: Decimal) -> str:
    """The unit of a rate per ``denominator`` (100 or more): /500, ten thousands counted in 万 as plans write them
    (十万分之十 is 10/10万, 万车死亡率1.5 is 1.5/万), so that both forms give one unit, and a thousand as ‰
    (每千名活产儿5人 is 5‰)."""
    if denominator == _THOUSAND:
        return "‰"
    tens, rest = divmod(denominator, _TEN_THOUSAND)
    if tens and not rest:
        return f"/{'' if tens == 1 else json_number(tens)}万"
    return f"/{json_number(denominator)}"


def _tail_value(tail: str | None) -> tuple[Decimal, str]:
    """What a word after the measure word adds: 半 a half, a digit its tenth (九成五 = 9.5成); and the rest of a
    period's word the half split (1个半月: 个 and 月 are the word 个月)."""
    if not tail:
        return Decimal(0), ""
    if tail.startswith("半"):
        return _HALF, tail[1:]
    return Decimal(CN_DIGIT_VALUES.get(tail, tail)) / 10, ""


# 9，999: a full-width comma between digit groups may part thousands or list two numbers.
_COMMA_GROUP_AFTER = patterns.compile(r"，\d{3}(?!\d)")
# figures a space parts in a list after 分别 (800 1 200, 1 200 800): a group of three after a figure of one or two digits
# may be that figure's thousands; figures of three digits each (200 300 500) are a list
_SPACED_GROUP_AFTER = patterns.compile(r" \d{3}(?![\d.])")
_SHORT_FIGURE_BEFORE = patterns.compile(r"(?<![\d.])\d{1,2} $")
_COMMA_GROUP_BEFORE = patterns.compile(r"\d，$")
_THREE_DIGITS = patterns.compile(r"^\d{3}(?![\d,.])")
# 两米五: a lone numeral right after the measure word may continue the number.
_NUMERAL_AFTER = patterns.compile(r"[零〇一二两三四五六七八九](?!\p{Han})")


def competing_readings(text: str, amount_start: int, amount_end: int, match_end: int) -> tuple[str, ...]:
    """Why the quantity read at ``text[amount_start:amount_end]`` (its match ending at ``match_end``)
    may be read another way: each reason one line, none when the reading is certain."""
    reasons = []
    amount = text[amount_start:amount_end]
    if (amount[-1:].isdigit() and _COMMA_GROUP_AFTER.match(text, amount_end)) or (
            _THREE_DIGITS.match(amount) and _COMMA_GROUP_BEFORE.search(text[:amount_start])):
        reasons.append("a full-width comma between digit groups may part thousands (9，999 = 9999) or two numbers")
    if THOUSANDS_MARK in amount or amount.isdigit() and (
            len(amount) < 3 and _SPACED_GROUP_AFTER.match(text, amount_end)
            or len(amount) == 3 and _SHORT_FIGURE_BEFORE.search(text, 0, amount_start)):
        reasons.append("digit groups a space parts after 分别 may be one number (1 200 = 1200) or values of its list")
    if _NUMERAL_AFTER.match(text, match_end, None, patterns.NOT_CONCURRENT):
        reasons.append("the numeral after the measure word may continue the number (两米五 = 2.5米)")
    return tuple(reasons)


def json_number(value: Decimal | None) -> int | float | None:
    """An int when the value is integral, else the float of its exact decimal string."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(format(value.normalize(), "f"))


def of_one_unit(unit: str | None, other: str | None) -> bool:
    """Whether two values are in one unit: the same, or ratios whatever their second terms (师幼比1:15, then 1:12)."""
    return unit == other or (unit or "").startswith(_RATIO_UNIT_OPENING) and (other or "").startswith(_RATIO_UNIT_OPENING)
