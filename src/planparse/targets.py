"""Targets stage: quantitative commitments found by the rules under ``rules/``.

Reading, then deciding. Each paragraph is cut into sentences; on each sentence
the ``target`` rules read candidates (every quantity or milestone phrase they
match). Then cues decide each candidate: an ``exclude`` cue (a fine, a
per-case grant, a specification, a condition…) makes it *not a target*, a
``baseline`` cue (截至, 已…, a review section) makes it a *baseline*, and a
candidate no cue objects to is a *target* (``decided_by: default``). A
deadline comes from the candidate's clause, else its sentence, else a lead
line (到2020年：) or a heading above it; the plan's frame (its first and last
year) turns 5年内, 用三年时间, 到规划期末 into years. See rules/README.md.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache, lru_cache, partial
from itertools import groupby, takewhile
from typing import Iterable, Iterator, Optional, Sequence

import regex

from . import patterns
from .indicator import things_counted_end, act_done, fund_named_by_its_use, activity_named_before, said_once, aims_higher, ends_a_word, all_of_them_do, another_act_on, changes_the_level_before, indicator_rules, per_head_after_a_kind, works_each_done, things_acting_again, capacity_of_the_things, things_named_before, find_indicator, fund_given, fund_used_for, indicator_words, clause_marks, kinds_after_their_measure, kinds_end_alike, measure_changed_before, measure_of_the_thing_before, per_head_of_the_measure_before, kinds_joined, kinds_opened_and_headed_alike, measures_of_one_thing, kinds_with_their_head, last_clause, measures_of, of_another_stage, measures_per_one_output, names_a_thing, names_a_level, is_a_part_word, per_closing_a_name, new_ones_of, new_ones_picked, of_another_rank, names_only_a_place, part_picked, ranking_named, what_is_ranked, rate_of_the_thing_before, reach_of_the_act, share_of_bodies_checked, substances_with_their_measure, things_of_the_act_again, texts_tagged_once, valued_goals_end, verb_before, whole_names_open_alike, without_a_part, without_the_units_per, without_the_manner, without_who_makes_it_up, measure_in_another_place, part_of_the_whole, places_listed
from .metadata import plan_start, signed_month, signed_year
from .models import COMMITMENT_FIELDS, DEFAULT_DECISION, Metadata, Paragraph, Section, TableData, Target, Written
from .folding import fold, folded
from .numerals import digit_year, integer_written
from .required_chars import finder_of_what_every_match_holds
from .rules import CompiledRule, RuleSet, TurnsOfTheYear, gated_patterns, load_rule_set, rules_cache
from .outline import Block, Outline
from .tables import note_row
from .target_tables import BEFORE_PLAN, TimeLimitReader, due_note_year, table_targets, task_table_targets
from .values import Amount, competing_readings, json_number, of_one_unit, per_written, read_quantity

# Python's re: a run of a set of characters, found in half the time the regex module takes (every paragraph a rule may match)
_SENTENCE_MARKS = "。！？!?"
_SENTENCE = patterns.compile_python(f"[^{_SENTENCE_MARKS}]+[{_SENTENCE_MARKS}]*")
_ITEM_BREAKS = patterns.compile("[；;]")
# 年均增长6.5%，突破1万亿元: a rate per year (年均, 年增长) belongs to its own clause, not to the amounts after it.
_RATE_WORD = "年"
_RATE_QUALIFIER_ROOM = 5  # 年均 + 实际/名义/可比价 + a change word
_MEAN_OF_YEARS = "年均"  # of a work it repeats as 每年 does (年均植树造林5万亩，森林抚育10万亩); of a change it is a rate
# 、2025年 between two values, perhaps with the link word the value before took (2026年完成10部、2027年完成15部)
_ONLY_ITS_YEAR = patterns.compile(r"[、和及与\s]*(?:(?:19|20)\d{2}\s*年[底末]?前?)?\s*(?P<link>\p{Han}{0,3})")
_YEARLY = "每年"  # the repeat word whose frequency a multi-year plan's 全年 has
_EVERY = "每"  # what makes the period a unit is per its repeat word: 人/年 is 人 每年
_SHARE = "占"  # 占GDP比重: the word a share of what the clause before measured opens with (fragment share_of_the_last)
# the period of a repeat within a year (P3M, P1M, P1W, P10D, P6M, PT2H), as the table of recurrences writes it
_WITHIN_A_YEAR = patterns.compile(r"P(?:\d+[MWD]|T\d+H)")
_RESPECTIVELY = "分别"
# where an item of a list ends: of the measures named before 分别 (比例、浓度分别…), of the years listed (2025年、2026年分别…),
# of the parts of a whole (其中…、…), of the objects of a work (村卫生室和乡镇卫生院, 改造和管护: each item its own head)
_LIST_JOIN = patterns.compile("[、和及与]")
# between the things a sentence names before 分别, and after a span of years: no 及, which a word holds as often as it
# joins two (城市燃气普及率、农村自来水普及率分别…: each its own; 2025—2027年，全县涉及民生的实事项目分别…: one a year)
_NAME_JOIN = patterns.compile("[和、与]")
_REACHED_BY = ("到", "至")  # 到2025年: a level reached by, framing its sentence
_SET_DATE = ("于", "在")  # 要于…前, 在…前: the date a subject is set for a task, not a level reached by (到…)
_OPENS_RESPECTIVELY = patterns.compile(r"[^\p{Han}\d]*分别")
_OF = "的"
_LABEL_ENDS = ("：", ":")  # 新增停车泊位：5000个: a label, which names the amounts after it
_NAMING_REACH = 1000  # characters: far more than any name or quote reads, before or after its number
_MONEY = "元"  # a sum of money: its fund may be named in the clause before (fund_given)
_MORE = "increase"  # the change of 增加, 提高: before what it adds and a count (增加床位1200张), new things are counted
_SHARE_KIND = "percentage"  # a share after what an increase raises (提高粮食单产5%) is the change of its level
# a clause that opens with 其中 counts a part of what the clause before counted (建成幸福河湖50条，其中省级12条), the
# part picked out by the words after 其中 or after the part listed before it (其中国家级5所、省级15所)
_BEFORE_A_WORD = patterns.compile(r"[^\p{Han}\d]*")
_CLAUSE_MARKS = "，,；;。：:"  # what ends a clause before the next opens
_ITEM_MARKS = "；;"  # what ends an item of a sentence's list of goals before the next opens


def _opens_part(text: str, start: int = 0) -> bool:
    """A clause opening with 其中, marks aside. Not one pattern ending in 其中: the regex module seeks a pattern's literal
    through all the text after ``start`` before it tries the match, so a sentence of many targets was quadratic."""
    return text.startswith("其中", _BEFORE_A_WORD.match(text, start, None, patterns.NOT_CONCURRENT).end())


def _start_of_clause(text: str, position: int, marks: str = _CLAUSE_MARKS) -> int:
    """Where the stretch of ``text`` before ``position`` that holds none of ``marks`` starts."""
    return max(text.rfind(mark, 0, position) for mark in marks) + 1


def _end_of_clause(text: str, position: int) -> int:
    """Where the clause of ``text`` that holds ``position`` ends: its next clause mark, else the text's end."""
    return min((at for mark in _CLAUSE_MARKS if (at := text.find(mark, position)) >= 0), default=len(text))


def _in_a_part(text: str, position: int) -> bool:
    """Whether ``position`` lies in a clause that opens with 其中 (…600户，其中2024年200户), or follows a 其中 standing
    alone before a comma (…600户，其中，2024年200户; 其中： opens a list of parts, each its own clause)."""
    start = _start_of_clause(text, position)
    return _opens_part(text, start) or (start > 1 and text[start - 1] in "，," and text.endswith("其中", 0, start - 1))


# a year with its own part, a number in it, then 、 (2023年完成120个、): one of years listed each with its part, not of
# years listed together before their parts (2024年、2025年分别提高1%、2%). Read as the part between two list marks, not as
# one pattern with a gap on each side of the number: searched from the clause's start to each year, that pattern tried
# every number of a long clause with no 、 against all the clause after it, cubic in the clause's length.
_LIST_MARKS = _CLAUSE_MARKS + "、"
_A_YEAR = patterns.compile(r"(?:19|20)\d{2}年")
_YEAR_AT = patterns.compile(r"[^\d]{0,2}(?:19|20)\d{2}年")  # a year's start may stand up to 2 characters before it
_A_NUMBER = patterns.compile(r"\d")
_NAME_OF_TWO_WORDS = 4  # 农村公路, 老旧小区: the length of a thing's name that says the same thing, where 管网 alone does not
_MEASURE_WORD = patterns.compile(r"[\d.]+\s*[万亿]?(\p{Han})")  # the first character of a number's measure word (20公里: 公)
_NEXT_LIST_MARK = patterns.compile(f"[{_LIST_MARKS}]")


def _listed_after(text: str, start: int) -> bool:
    """Whether a year with its own part and a 、 stand right before ``start``, in the same clause."""
    if start == 0 or text[start - 1] != _ENUMERATION_COMMA:
        return False
    year = _A_YEAR.search(text, _start_of_clause(text, start - 1, _LIST_MARKS), start - 1)
    return year is not None and _A_NUMBER.search(text, year.end(), start - 1) is not None


def _listed_before(text: str, start: int) -> bool:
    """Whether the year at ``start`` has its own part, then a 、 and another year."""
    year = _YEAR_AT.match(text, start)
    mark = year and _NEXT_LIST_MARK.search(text, year.end())
    return (bool(mark) and mark.group() == _ENUMERATION_COMMA and _A_NUMBER.search(text, year.end(), mark.start()) is not None
            and _A_YEAR.match(text, mark.end()) is not None)


_FIGURES = patterns.compile(r"\d+(?:\.\d+)?")
_SCALE_REACH = 10  # how many times larger or smaller than the last value of a list a value in its 万 or 亿 may be


def _in_the_last_scale(text: str, finding: Candidate, last: Candidate) -> None:
    """分别为3.2、3.4、3.5万人, 分别达到120、80、60亿元: a value of a list written with no 万 or 亿 before a last value
    written with one is in that scale, where it then is of the last value's size; one written in full is not
    (分别为9000、9500、1万人: 9000 人, as 9000万 against 1万 would be)."""
    figures = _FIGURES.match(text, last.anchor.start, last.anchor.end)
    if not (finding.amount and last.amount and figures and _FIGURES.fullmatch(text, finding.anchor.start, finding.anchor.end)):
        return
    scale = last.amount.value / Decimal(figures.group())
    if scale > 1 and 1 / _SCALE_REACH <= finding.amount.value * scale / last.amount.value <= _SCALE_REACH:
        high = finding.amount.value_max
        finding.amount = replace(finding.amount, value=finding.amount.value * scale, value_max=high * scale if high else None)


def _in_a_list_of_years(text: str, start: int) -> bool:
    """Whether the year at ``start`` is one of years listed each with its own part (2023年完成120个、2024年完成150个、
    2025年完成130个): each dates its part alone, as a 其中 part's year does."""
    return _listed_after(text, start) or _listed_before(text, start)




# 其中5A级2家: a grade written with a letter; 县级河湖长每季度巡河不少于1次，乡级每月不少于1次: a part opening its clause
# (a level may stand with the other it stands for in brackets: 其中乡镇（街道）6所)
_PART_WORDS = patterns.compile(rf"(?:其中|{_LIST_JOIN.pattern}|(?<=[，,；;]))([\p{{Han}}A-Z\d]{{1,12}}(?:（[\p{{Han}}、]{{1,6}}）)?)$")
_DESCRIPTION_REACH = 24  # characters before a number that a part's description of 的 and a comparator may take
_PART_WORDS_REACH = 22  # the longest match of _PART_WORDS: it is sought that far before a number, not from its clause's start
# the head of a completion's object, its last word once the work done on it is left off (…村卫生室标准化建设: 卫生室 ends
# in 生室; …绿道标识系统建设: 系统), which a number's clause names when the completion is that number's work
_OBJECT_HEAD = patterns.compile(r"\p{Han}{2}(?=[”\"」’』]*$)")
_OBJECT_NOTE = patterns.compile(r"[（(][^（()）]*[）)]")  # 村卫生室（所）: a note on the object, not its head
# 新建村卫生室12所、乡镇卫生院3所: an item listed with its own number before the one counted
_LISTED_BEFORE = patterns.compile(r"(?r)\d[^\d、，,]{0,4}、")
# a year written right before a value (由2023年的40%, 从2020年底的35%): the year the value is of
_OWN_YEAR = patterns.compile(r"(?P<year>(?:19|20)\d{2})年(?:底|末)?的?$")
_YEAR_SPANNED = patterns.compile("[至到—\\-－~～]")  # 2024年至2026年: the ends of a span
# 2024—2026年, 2024年至2026年: a span of years written by its ends, each year of it counted
_YEAR_SPAN = patterns.compile(r"(?P<first>(?:19|20)\d{2})\s*年?\s*[至到—\-－–~～]\s*(?P<last>(?:19|20)\d{2})\s*年")
_SHORTEST_SHARED_NAME = 3
_SHORTEST_ENDING = 2  # characters of the ending of a milestone's name sought after its words (_things_reached_end)
# A line holding only a label (策略措施：, 主要目标：), as 妇女/儿童发展规划 set one before each list of items
_LABEL_LINE = patterns.compile(r"(?m)^\s*[^\s：:，,。；;]{2,10}[：:]\s*$")
_SENTENCE_MARK = patterns.compile_python("[，,。；;]")  # what a label line never holds
_SLASHES = ("/", "／")  # between a power and an energy (2GW/4GWh): two measures of one thing
# Trimmed from a quote's ends: punctuation, the conjunction joining it to the target before, the slash of a pair (the
# value after it is named as the one before: 2GW/4GWh, both 新型储能装机规模).
_PUNCTUATION_EDGES = " ，,、；;。！？!?：:" + "".join(_SLASHES)
_CONJUNCTIONS = "和及与或"
_QUOTE_EDGES = _PUNCTUATION_EDGES + _CONJUNCTIONS
# 县级城市, 中西部地区, 抵押登记: a place or kind opening a clause of a level alone, ideographs only (no time or quote marks)
_PLACE_OR_KIND = patterns.compile(r"\p{Han}{2,8}")
# Trimmed from the start of a quote that opens its clause: 或 opens another level of the goal (达到70%以上，或比2020年提高
# 5个百分点); 和, 及, 与 there open a word (及时反馈的…, 和谐…), and join no target before
_CLAUSE_OPENING_EDGES = _PUNCTUATION_EDGES + "或"
_ENUMERATION_COMMA = "、"
# between two milestones of one clause, each its own: a list (村村通客车、户户通电视) or a conjunction, of things (和, 及, 与,
# 以及) or of works (全部通硬化路并实现村村通客车, 全部实现远程会诊同时全部接入…平台)
_MILESTONES_JOINED = patterns.compile("[、和及与并]|同时")
_QUOTATION_MARKS = (("“", "”"), ("‘", "’"), ("「", "」"), ("《", "》"))  # what opens a quotation, and what closes it
_LINK = "的"  # a share before the things it counts: 90%以上的行政村
QUOTE_REACH = 24  # how far after the number the indicator may start and still be quoted
_DIGIT = patterns.compile(r"\d")
_NOTE_OPENINGS, _NOTE_CLOSINGS = "（(", "）)"  # a note's brackets, into which no quote runs
_NUMERAL = patterns.compile(r"[\d零〇一二两三四五六七八九十百千万]")  # a number in words or digits
# A target's text is its sentence; in a longer sentence, the clause around it, at most this long:
# a sentence of a thousand numbers would otherwise be written out a thousand times.
TEXT_REACH = 300
MILESTONE = "milestone"
BEFORE_AIM = "year-before-an-aim"  # the cue of a level stated for a year before the one its paragraph aims at
LEVEL_BEFORE_ITS_CHANGE = "level-stated-before-its-change"  # the cue of a level a later clause of its sentence changes
RESTATED = "milestone-restating-the-goal-before"  # the cue of a milestone that says again what the target before it says
BASELINE = "baseline"
PERCENTAGE = "percentage"
COUNT = "count"
_MONEY_MEASURE = "money"
_PERCENT = "%"
_WHOLE = 100  # the share that is all of them (接入率100%): a milestone of the same things says it again
_DONE_EACH_PERIOD = (COUNT, _MONEY_MEASURE)  # the measures a unit per a year, quarter or month repeats (1.5万人/年, 5000万元/年)
TARGET = "target"
NOT_TARGET = "not_target"
UNKNOWN_YEAR = ("due relative to a year the plan does not name (年底前, 3年内 in a plan with neither date nor period; "
                "6月底前, 汛期前 in a plan of several years; 春节前, 采暖季, 冬春季, which may fall in the year after a plan "
                "of one year): deadline unknown")  # each case _unknown_years flags
# the years a relative deadline counts (5年内, 用三年时间, 第3个年度), not a quarter's number (第三季度前: the year written)
_NUMBER_IN_PHRASE = patterns.compile(r"(?:\d{1,2}|[一二两三四五六七八九十]+)(?=\s*个?年)")
_LABEL_LENGTH = 30  # a heading longer than this, with a comma in it, is a sentence rather than a label
# What a comparator becomes after a negating verb (消除56人以上…: under 56).
_OPPOSITE = {">=": "<", ">": "<=", "<=": ">", "<": ">="}


CueMatches = list[tuple[CompiledRule, list[regex.Match]]]  # cues that may match a sentence, each with its matches there


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def inside(self, other: "Span") -> bool:
        return other.start <= self.start and self.end <= other.end


@dataclass(frozen=True)
class _FallingMeasure:
    """A measure a plan brings down (quantities.yaml falling_measures), and what a bare word of reaching means of it."""

    reached: regex.Pattern  # the measure and the word, right before the number (浓度力争达到30微克/立方米)
    reach: regex.Pattern  # the word alone, right before the number (…，到2025年力争达到30微克/立方米)
    named: regex.Pattern  # a name that says the measure (PM2.5年均浓度)
    means: str


@dataclass(frozen=True)
class Mark:
    """Where a cue fired in a sentence, and which cue."""

    span: Span
    cue: CompiledRule
    year: Optional[int] = None  # the year the cue speaks of (its pattern's `year` group: 截至2020年底, 到2026年，…近三年累计)
    words: Optional[Span] = None  # where a sentence cue's own words stand (its span is the sentence)
    month: Optional[tuple[int, int]] = None  # the year and month of a date before the year's end it speaks of (截至2026年6月30日)

    def in_plan(self, frame: "PlanFrame") -> bool:
        """Whether the cue's year is one of the plan's, not before it was signed: 截至2025年底 in a 2021–2025
        plan sets a target, not a baseline; 截至2021年底 in one signed in 2022 reports the past. A date before its year's
        end is one of the plan's where it is after the plan was signed: 截至2026年6月30日 in a 2024–2026 plan signed in 2024,
        截至2024年9月底 in one signed 2024年3月; 截至2024年6月 in one signed that year with no month, or later, reports the past."""
        if self.month is not None:
            year, month = self.month
            return (frame.signed is not None and frame.present is not None and year >= frame.present
                    and (year > frame.signed or frame.signed_month is not None and month > frame.signed_month))
        return self.year is not None and frame.present is not None and self.year >= frame.present

    @property
    def due(self) -> Optional[int]:
        """The year the cue dates what it speaks of, at its year's end or before it."""
        return self.month[0] if self.month is not None else self.year

    def decides(self, candidate: "Candidate", touching: bool) -> bool:
        """Whether this cue speaks of the candidate: its kind applies, and the number lies in (or,
        ``touching``, overlaps) the span."""
        applies = self.cue.rule.applies_to
        if applies != "all" and (applies == "numeric") != (candidate.amount is not None):
            return False
        return candidate.anchor.overlaps(self.span) if touching else candidate.anchor.inside(self.span)


class _MarksByPlace:
    """The exclude marks of a sentence by the places they cover: each place of the text holds the first mark (in the
    order the cues were read) that covers it and speaks of numbers, and the first that speaks of milestones. Which mark
    decides a candidate then costs the length of its number, not a question to every mark (a sentence of 2,400 quoted
    goals asked 13 million). A match, and so a mark and a number, is never empty: a mark overlaps a number where they
    share a place."""

    def __init__(self, marks: list[Mark], length: int) -> None:
        self.marks = marks
        self.length = length
        self.firsts: dict[bool, list[int]] = {}  # for numbers (True) and milestones: each place's first mark, built when asked

    def first_deciding(self, candidate: "Candidate") -> Optional[Mark]:
        """The first mark that speaks of ``candidate`` (Mark.decides, touching), or None."""
        if not self.marks:
            return None
        numeric = candidate.amount is not None
        if numeric not in self.firsts:
            self.firsts[numeric] = self._first_at_each_place(numeric)
        first = min(self.firsts[numeric][candidate.anchor.start:candidate.anchor.end], default=len(self.marks))
        return self.marks[first] if first < len(self.marks) else None

    def _first_at_each_place(self, numeric: bool) -> list[int]:
        speaking: dict[Span, int] = {}  # each span of a mark, with the first mark of it: a later one is never the first
        for index, mark in enumerate(self.marks):
            if mark.cue.rule.applies_to == "all" or (mark.cue.rule.applies_to == "numeric") == numeric:
                speaking.setdefault(mark.span, index)
        firsts = [len(self.marks)] * self.length
        for span, index in sorted(speaking.items(), key=lambda item: -item[1]):  # the first marks written last, over the others
            end = min(span.end, self.length)
            firsts[span.start:end] = [index] * (end - span.start)
        return firsts


@dataclass
class Candidate:
    """A quantity (or milestone phrase) a rule read in one sentence, and what was decided of it."""

    rule: CompiledRule
    span: Span  # the whole match
    anchor: Span  # the number (or the milestone words): what cues and scopes test
    amount: Optional[Amount]
    unit: Optional[str]
    comparator: str
    kind: str
    clause: Span
    quote_start: int = 0  # where a quote may start: the clause less a leading 到2025年
    item_start: int = 0  # where the item of a 、 list it is in opens, when that item is quoted alone (加强队伍建设、|培训…)
    deadline: Optional[int] = None
    frequency: Optional[str] = None
    recurrence: Optional[str] = None
    change: Optional[str] = None  # increase or decrease: the number is a change of a level (下降8%), not the level
    # the frequency and period of a count written per one (1.5万人/年, 3次/周): its own, whatever words stand before it
    own_repeat: tuple[Optional[str], Optional[str]] = (None, None)
    reached: bool = False  # its comparator is a word of a level reached (达到90%, 降至5%), which of a baseline is the level
    # a bare word of reaching right before it (达到, 为) with no measure before the word: a falling measure's if its name says one
    falls_if_named: Optional[_FallingMeasure] = None
    decision: str = TARGET
    cue: str = DEFAULT_DECISION
    time_anchor: str = "none"
    review: list[str] = field(default_factory=list)  # why the reading needs a reader's check

    @property
    def unbounded(self) -> bool:
        """Whether it is one value with no comparator word of its own, which a word shared by its list may bound."""
        return self.comparator == "=" and self.amount is not None and self.amount.value_max is None

    def decide(self, decision: str, cue: str) -> None:
        self.decision, self.cue = decision, cue
        if decision == BASELINE:
            self.kind, self.time_anchor = BASELINE, "past"
            if self.reached:  # 2020年，全市人均预期寿命达到78.6岁 says what the level was: 78.6, not at least 78.6
                self.comparator = "="


@dataclass(frozen=True)
class PlanFrame:
    """The plan's own years: what 5年内, 用三年时间 and 到规划期末 count from and to; the year it was signed; and the level
    of government that issued it itself (省 for 某省人民政府 or its 办公厅), whose own bodies' goals are the plan's."""

    start: Optional[int] = None
    end: Optional[int] = None
    signed: Optional[int] = None
    level: Optional[str] = None
    months: Optional[tuple[int, int]] = None  # a campaign across a new year: its first month (of start) and last (of end)
    signed_month: Optional[int] = None  # the month of ``signed``, where its date gives it

    @property
    def present(self) -> Optional[int]:
        """The first year the plan looks ahead to: its first year, or the year it was signed if later
        (2021年，全市GDP达到5000亿元 in a 2021–2025 plan signed in 2022 reports the past)."""
        return None if self.start is None else max(self.start, self.signed or self.start)

    def year_of_month(self, month: int) -> Optional[int]:
        """The year a month named without one falls in, in a campaign across a new year: the one year whose part of the
        campaign holds it (12月 and 3月 of 2024年11月—2025年3月: 2024, 2025); none for a month outside it, or one both years'
        parts hold (6月 of 2024年1月—2025年12月, a plan of two whole years: reader S13)."""
        if self.months is None:
            return None
        first, last = self.months
        in_first, in_last = month >= first, month <= last
        return self.start if in_first and not in_last else self.end if in_last and not in_first else None

    @property
    def written(self) -> Optional[int]:
        """The year the plan was written, which 明年 and 去年 count from: the year it was signed, else its first year (a
        2024–2026 plan signed in December 2023 says 明年底前 of 2024)."""
        return self.signed or self.start

    def next_spring(self, turns: TurnsOfTheYear) -> Optional[int]:
        """The year of the spring after this winter (今冬明春, 明春前): the year after the plan was written, but the year it
        was signed in where it was signed in the winter the words speak of (January to ``turns.winter_until``, March:
        今冬明春 in a plan signed 2025年1月10日 is the winter of 2024–2025, its spring 2025's; reader T25)."""
        if self.written is None:
            return None
        return self.written if self.signed_month is not None and self.signed_month <= turns.winter_until else self.written + 1

    def first_half(self, turns: TurnsOfTheYear) -> Optional[int]:
        """The year of the first half said bare (上半年, 年中, 一季度, 二季度): the first year the plan acts in, but the next one
        in a plan of several years signed in that year after its first half, which is past (上半年 in a 2025—2026 plan signed
        2025年10月20日 is 2026's: reader W8); a plan of one year speaks of its own year's, however late it was signed."""
        if self.present is None:
            return None
        past = (self.signed == self.present and self.signed_month is not None and self.signed_month > turns.first_half_until
                and self.end is not None and self.end > self.present)
        return self.present + 1 if past else self.present

    def school_year_end(self, turns: TurnsOfTheYear) -> Optional[int]:
        """The year the school year, or its term, running or next to open when the plan was signed ends in (本学年内, 本学期末前): the
        year after it was signed from ``turns.school_year_from`` (July) to December (2024年8月20日, before the school year opens,
        and 2024年9月5日: 2025), else the year it was signed (2025年3月12日: the spring term's); none where its date gives no month."""
        if self.signed is None or self.signed_month is None:
            return None
        return self.signed + 1 if self.signed_month >= turns.school_year_from else self.signed


def _named_year(match: regex.Match) -> Optional[int]:
    """The year a cue's `year` group names, if its pattern has one and it matched."""
    named = match.groupdict().get("year")
    return digit_year(named) if named else None


def _named_month(match: regex.Match) -> Optional[tuple[int, int]]:
    """The year and month a cue's `year_of_a_month` and `month` groups name, if its pattern has them and they matched."""
    named = match.groupdict()
    if not named.get("month"):
        return None
    return digit_year(named["year_of_a_month"]), integer_written(named["month"])


def _said_by_the_issuer(match: regex.Match, frame: PlanFrame) -> bool:
    """Whether a cue's `speaker_level` group names the level of government that issued the plan itself: 省委省政府提出，
    到2025年… in a plan of 某省人民政府 states its own goal, which in a city's plan is a higher level's."""
    speaker = match.groupdict().get("speaker_level")
    return bool(speaker) and frame.level is not None and speaker.startswith(frame.level)


def _listed_apart(text: str, starts: list[int]) -> bool:
    """Whether the years at ``starts`` in ``text`` are listed one by one (2025年、2026年; 2024年和2025年), not as the ends
    of a span (2024年至2026年, 2024—2026年)."""
    between = [text[start:end] for start, end in zip(starts, starts[1:])]
    return all(_LIST_JOIN.search(words) and not _YEAR_SPANNED.search(words) for words in between)


def _years_of_a_span(text: str, start: int, end: int) -> list[int]:
    """Each year of the last span written by its ends in ``text[start:end]`` (2024—2026年 -> 2024, 2025, 2026), where
    no things are listed after it (2024—2026年，市、县、乡分别建成…: the values are the places')."""
    spans = list(_YEAR_SPAN.finditer(text, start, end))
    if not spans or _NAME_JOIN.search(text, spans[-1].end(), end):
        return []
    return list(range(int(spans[-1].group("first")), int(spans[-1].group("last")) + 1))


def _due_in_its_year(finding: Candidate, year: int) -> None:
    """2024—2026年每年分别新建100公里、120公里、150公里: each value is one year's, due in it; 每年 lists the years, it
    repeats no value."""
    finding.deadline = year
    if finding.frequency == "annual" and finding.recurrence == "P1Y":
        finding.frequency = finding.recurrence = None


def _before_it(start: Optional[int], end: int) -> bool:
    """Whether a phrase found at ``start`` (None: none found) stands before ``end``."""
    return start is not None and start < end


def _before(year: Optional[int], start: Optional[int]) -> bool:
    return year is not None and start is not None and year < start


@dataclass(frozen=True)
class Context:
    """What a sentence inherits: the headings above it (folded), a lead line's year (到2020年：) or cue, the plan's frame."""

    headings: tuple[str, ...] = ()
    lead_year: Optional[int] = None
    frame: PlanFrame = PlanFrame()
    lead_cue: Optional[CompiledRule] = None  # a cue the lead line states for its list (有下列情形之一的：)
    aim: Optional[int] = None  # the paragraph's earliest year a level is due by (到2025年), where the plan's years are unknown
    reads_its_title: bool = False  # the paragraph's text opens with its own heading's title, read as its words (block_text)
    preamble: bool = False  # the paragraph stands above the plan's first heading (its background, before its aims and tasks)


@dataclass
class _SentenceMarks:
    """What every candidate of a sentence looks up, found once per sentence: a sentence of many
    numbers costs each number a lookup, not a scan."""

    years: list[tuple[int, int]]  # (position, year) of each deadline phrase, in order
    repeats: list[regex.Match]  # the frequency words (每年, 每季度) and each-time words (每期), in order
    breaks: list[int]  # where items end (；)
    anchors: list[int]  # where the kept candidates' numbers stand, in order
    excluded: list[int]  # where the numbers decided not targets stand, in order
    unknown_years: list[int]  # where each deadline phrase ends whose year the plan does not give (年底前 in an undated plan)
    futures: list[int]  # where the words of an aim (力争, 计划) stand, in order
    # where a clause runs from a year (2016年起, 自2024年开始) or after the one before (，之后…: None), and from when, in order
    starts: list[tuple[int, Optional[int]]]
    # for each fragment searched between its places, where the options start of which its matches need one (_Sought)
    needed_places: dict[str, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.repeat_starts = [match.start() for match in self.repeats]
        self.last_anchor = self.anchors[-1] if self.anchors else -1

    def number_between(self, start: int, end: int) -> bool:
        """Whether a kept candidate's number stands in ``text[start:end]``."""
        return _any_between(self.anchors, start, end)

    def only_excluded_between(self, start: int, end: int) -> bool:
        """Whether numbers stand in ``text[start:end]`` and every one is decided not a target."""
        return _any_between(self.excluded, start, end) and not self.number_between(start, end)

    def repeat_between(self, start: int, end: int) -> bool:
        """Whether a frequency or each-time word stands in ``text[start:end]``."""
        return _any_between(self.repeat_starts, start, end)

    def year_between(self, start: int, end: int) -> bool:
        """Whether a deadline phrase stands in ``text[start:end]``."""
        at = bisect_left(self.years, (start,))
        return at < len(self.years) and self.years[at][0] < end

    def runs_past(self, year: int, start: int, end: int) -> bool:
        """Whether a clause in ``text[start:end]`` runs from after ``year``: from a later year (2015年…，2016年起…) or
        after the clause before (…，之后…); not from a year the sentence's deadline comes after (到2025年，…从2023年开始…)."""
        at = bisect_left(self.starts, (start,))
        return any(begun is None or begun > year for position, begun in self.starts[at:] if position < end)

    def unknown_year_before(self, position: int) -> bool:
        """Whether a deadline phrase whose year the plan does not give stands before ``position``."""
        return bool(self.unknown_years) and self.unknown_years[0] <= position

    def next_break(self, position: int, default: int) -> int:
        """The first item break at or after ``position``, else ``default``."""
        at = bisect_left(self.breaks, position)
        return self.breaks[at] if at < len(self.breaks) else default


@dataclass(frozen=True)
class _Sought:
    """A fragment searched between places of one sentence again and again (from each number back to its item's start): not
    run where none of the options (characters or pairs) of which each match holds one starts between. In a sentence of
    thousands of numbers and no ；, each search ran over all the numbers before its own and made the target stage
    quadratic; a pair, not a character alone, where each item holds the character (全年 or 年度 of a year's whole, where
    each item names 老年人)."""

    name: str
    pattern: regex.Pattern
    needed: Optional[re.Pattern]  # finds the options (finder_of_what_every_match_holds); None: none known, searched everywhere

    @classmethod
    def of(cls, rule_set: RuleSet, name: str) -> "_Sought":
        pattern = rule_set.fragment(name)
        finder = finder_of_what_every_match_holds(pattern.pattern)
        return cls(name, pattern, patterns.compile_python(finder) if finder else None)

    def search(self, text: str, start: int, end: int, marks: _SentenceMarks) -> Optional[regex.Match]:
        """The first match in ``text[start:end]``, ``text`` being the sentence of ``marks``."""
        if self.needed is not None:
            places = marks.needed_places.get(self.name)
            if places is None:
                places = marks.needed_places[self.name] = [match.start() for match in self.needed.finditer(text)]
            if not _any_between(places, start, end):
                return None
        return self.pattern.search(text, start, end)


def _item_start(text: str, candidate: Candidate, acts_listed: list[int]) -> int:
    """Where the item of a 、 list that holds the candidate's number opens, when the item is its own: an act listed after
    another (``acts_listed``, fragment act_listed_opening: 加强队伍建设、培训基层干部2000人次) or the amount a rule read whole
    (实行每季度一抽查并通报、半年一总结; not a milestone's words, 全过程、全覆盖, whose things come before); else its clause's
    start. A quote of the number opens there, not at the clause."""
    read_whole = candidate.amount is not None and text[candidate.span.start - 1:candidate.span.start] == _ENUMERATION_COMMA
    start = candidate.span.start if read_whole else candidate.clause.start
    before = bisect_right(acts_listed, candidate.anchor.start)
    return max(start, acts_listed[before - 1]) if before else start


def _aim_shared(before: "Candidate", after: "Candidate") -> tuple[Optional[str], Optional[str], Optional[str], str]:
    """The change, frequency, recurrence and comparator of ``after``, the other aim of a pair after ``before``: the
    change of ``before`` where it has none (with its repeat, where it has none of its own), and its bound where it has none."""
    change, frequency, recurrence = after.change, after.frequency, after.recurrence
    if before.change and not change:
        change = before.change
        if frequency is None and recurrence is None:
            frequency, recurrence = before.frequency, before.recurrence
    comparator = before.comparator if after.comparator == "=" and before.comparator != "range" else after.comparator
    return change, frequency, recurrence, comparator


def _any_between(positions: list[int], start: int, end: int) -> bool:
    """Whether one of the sorted ``positions`` lies in ``[start, end)``."""
    at = bisect_left(positions, start)
    return at < len(positions) and positions[at] < end


def _pair_of_measures(text: str, findings: list["Candidate"]) -> None:
    """新型储能装机规模达到2GW/4GWh以上, 装机10万千瓦/20万千瓦时: two values parted by a slash alone are two measures of
    one thing (its power and its energy), bounded alike: the comparator word of either holds for the other that has none."""
    for first, second in zip(findings, findings[1:]):
        if first.amount is None or second.amount is None or text[first.span.end:second.span.start].strip() not in _SLASHES:
            continue
        if first.comparator == "=":
            first.comparator = second.comparator
        elif second.comparator == "=":
            second.comparator = first.comparator


def _whole_repeat(part: "Candidate", candidates: list["Candidate"], text: str) -> tuple[Optional[str], Optional[str]]:
    """The frequency and period of the whole a clause opening with 其中 counts a part of: the last value before the
    part's clause (每年培训乡村医生500人次，其中中医药适宜技术培训不少于200人次: yearly; 每年招聘新教师150名，交流轮岗比例
    不低于10%，其中骨干教师不低于20%: none, as the 10%'s)."""
    whole = None
    for candidate in takewhile(lambda candidate: candidate is not part, candidates):
        if candidate.amount is not None and candidate.clause.end <= part.clause.start:
            whole = candidate
    # a count of the bodies a size of their yearly sum picks out is of the bodies, once (村级集体经济年经营性收入全部达到10万元
    # 以上，其中30万元以上的村不少于40个; 规上工业年产值达到100亿元，其中产值超亿元的企业不少于20家): no part of the year's
    # money, as what the money does is (每年发放创业担保贷款5亿元，其中扶持返乡创业人员1000人: yearly)
    if whole is None or (whole.kind == _MONEY_MEASURE and part.kind == COUNT
                         and indicator_words().description_before_a_thing.search(text, part.clause.start, part.anchor.start)):
        return None, None
    return whole.frequency, whole.recurrence


def _as_of(speaking: list[Mark], candidate: "Candidate") -> Optional[Mark]:
    """The date a number is reported as of: the nearest cue before it that may name a year (截至…), in
    a sentence of several (截至2023年6月，…8000个；…截至2023年底，…1万个: each its own)."""
    number = candidate.anchor.start
    dated = [mark for mark in speaking if mark.words is not None and mark.words.end <= number
             and "year" in mark.cue.regex.groupindex]
    return max(dated, key=lambda mark: mark.words.end, default=None)  # type: ignore[union-attr]


def _outlived(mark: Mark, candidate: "Candidate", marks: _SentenceMarks, frame: PlanFrame, as_of_plan: bool) -> bool:
    """Whether a sentence's cue of the past (已建成, 以来, 截至2020年底) stops short of a number the sentence
    puts later, in the plan's years: one after a deadline that follows the cue (截至2020年底已建成8000个，
    到2025年达到2万个; 在已有基础上，到2025年新增…), one due in the plan before a cue that follows it
    (到2025年建成2万个，目前已建成5000个); and any cue without a year (已建成150所), one as of a date in
    the plan (截至2025年底，全市已建成…: 已 is then done by that date, but under a heading that reviews the past, 一、工作基础,
    it is what was done: reader V14); and one after a word of an aim that follows
    the cue (截至目前，已培育龙头企业28家，力争新增10家) or a deadline whose year the plan leaves unsaid, one of its
    years all the same (全县现有贫困户320户，今年实现脱贫200户 in an undated plan), or in a clause after the cue's that
    has either after its number (…，剩余6座于2025年底前建成). With the plan's years unknown, every deadline later than
    the cue's year counts as in them. A year in the cue's own words is the time it speaks of, not a later one
    (完成全年目标任务的60% in a plan of the year: the year whose plan the share is of)."""
    if mark.year is None and as_of_plan and mark.cue.rule.scope != "heading":
        return True
    words = mark.words
    if words is None:
        return False
    number = candidate.anchor.start
    cue_first = words.end <= number
    # a clause after the cue's that turns to what is to be looks ahead as a whole, its aim or deadline after its number
    # as well (目前全县已有12个乡镇完成…，其余6个乡镇力争2025年底前完成)
    ahead = candidate.clause.end if cue_first and words.end <= candidate.clause.start else number
    if cue_first and (_any_between(marks.futures, words.end, ahead) or _any_between(marks.unknown_years, words.end, ahead)):
        return True
    return any(position < ahead and (position >= words.end or not cue_first) and not words.start <= position < words.end
               for position, year in marks.years
               if not _before(year, frame.present) and (mark.year is None or year > mark.year))


@lru_cache(maxsize=256)  # the sentences of a section share its headings: each title is tried once, not once per sentence
def _heading_cue(rules: tuple[CompiledRule, ...], headings: tuple[str, ...]) -> CompiledRule | None:
    """The first of the heading cues ``rules`` that a heading title matches. A title of clauses is an item's sentence run
    in after its number (1.严格执行环评审批制度，环评执行率达到100%，对未批先建的依法予以处罚。), not a section's name:
    its 处罚 or 基础 names no kind of section (罚则, 发展基础), so no heading cue reads it."""
    titles = [title for title in headings if not _RUN_IN_SENTENCE.search(title)]  # searched once, not once a cue
    return next((rule for rule in rules for title in titles if rule.matches(title)), None)


_RUN_IN_SENTENCE = patterns.compile(r"[，,；;]")
_SENTENCE_ENDS = "。；;！!？? "


@lru_cache(maxsize=256)  # the sentences of a section share its headings: they are searched once, not once per sentence
def _aims_above(future_heading: regex.Pattern, headings: tuple[str, ...]) -> bool:
    """Whether a heading of ``headings`` names the plan's aims (fragment future_heading: 目标, 任务)."""
    return any(future_heading.search(title) for title in headings)


def _clauses_over(clauses: list[Span], starts: list[int], span: Span) -> list[Span]:
    """The clauses ``span`` overlaps; ``clauses`` follow one another, ``starts`` are their starts. Only the clauses
    from the one ``span`` starts in are looked at: a sentence of many clauses, each with a cue of its clause, looked
    at every clause for each."""
    first = max(bisect_right(starts, span.start) - 1, 0)
    return [clause for clause in clauses[first:bisect_left(starts, span.end)] if clause.overlaps(span)]


def _uncovered(whole: Span, parts: list[Span]) -> list[Span]:
    """The stretches of ``whole`` that none of ``parts`` (in order, not overlapping) covers."""
    starts, ends = [whole.start, *(part.end for part in parts)], [*(part.start for part in parts), whole.end]
    return [Span(start, end) for start, end in zip(starts, ends) if start < end]


def _item(breaks: list[int], span: Span, length: int) -> Span:
    """The item of a sentence of ``length`` characters that holds ``span``: from after the last item break (；) before
    it to the first at or after its end (``breaks``: where they stand, in order). Looked up, as a sentence of many cues
    of their item (有条件的县…) read the whole sentence before each of them again, character by character."""
    before, after = bisect_left(breaks, span.start), bisect_left(breaks, span.end)
    return Span(breaks[before - 1] + 1 if before else 0, breaks[after] if after < len(breaks) else length)


def _anchor(match: regex.Match, groups: dict[str, Optional[str]], span: Span) -> Span:
    """Where a match's number is written: its amount, with the word that reaches or passes a round number read as part
    of it (上百个, 过百亿元: group ``reach``), or the whole match of a milestone."""
    if not groups.get("amount"):
        return span
    return Span(match.start("reach") if groups.get("reach") else match.start("amount"), match.end("amount"))


def _clause_at(clauses: list[Span], starts: list[int], position: int) -> Span | None:
    """The clause holding ``position``; ``starts`` are the clauses' starts, in order."""
    at = bisect_right(starts, position) - 1
    return clauses[at] if at >= 0 and position < clauses[at].end else None


class SentenceReader:
    """Reads candidates in one sentence and decides each, in its context."""

    def __init__(self, rule_set: RuleSet):
        self.rules = rule_set
        # where the target stage's clauses end: a mark, or a level's joint to the next clause written with none (…稳定在45%|的同时,
        # …达到97%|的基础上, …300万亩|其中: fragment clause_end), which every clause this reader reads ends at
        self.clause_end = rule_set.fragment("clause_end")
        self.deadline_year = rule_set.fragment("deadline_year")
        self.run_in_title = rule_set.fragment("run_in_title")
        self.relative_deadline = rule_set.fragment("relative_deadline")
        # the deadline and start-year phrases a sentence with a target is scanned for whole: scanned only where their
        # pre-filters pass (of the gold plans' 1,520 sentences, 41 hold all relative_deadline needs and 4 one of its
        # phrases; scanning each sentence with a target for it was a seventieth of their extraction)
        self.deadline_year_scan, self.relative_deadline_scan, self.start_year = gated_patterns(
            self.deadline_year, self.relative_deadline, rule_set.fragment("start_year"))
        self.next_year_word, self.year_after_next = rule_set.fragment("next_year_word"), rule_set.fragment("year_after_next")
        self.next_spring_word = rule_set.fragment("next_spring_word")
        self.the_plans_end = rule_set.fragment("the_plans_end")
        self.round_said_alone, self.round_doer = rule_set.fragment("round_said_alone"), rule_set.fragment("round_doer")
        self.plans_first_years, self.plans_last_years = rule_set.fragment("plans_first_years"), rule_set.fragment("plans_last_years")
        self.time_said_between = rule_set.compile("{year}|{relative_deadline}|{word_of_now}", "fragment-time_said_between")
        self.this_school_year = rule_set.fragment("this_school_year")
        self.whole_year = rule_set.fragment("whole_year")
        self.whole_year_between = _Sought.of(rule_set, "whole_year")
        self.time_in_the_year = rule_set.fragment("time_in_the_year")
        self.month_number = rule_set.compile("{month_number}(?=月)", "fragment-month_number")
        self.time_within_a_named_year = rule_set.fragment("time_within_a_named_year")
        self.new_year_day, self.year_after_the_one_named, self.the_year_named = (
            rule_set.fragment(name) for name in ("new_year_day", "year_after_the_one_named", "the_year_named"))
        # 春节前, and a work done in 采暖季 or 春节期间: in or across the new year, which a plan of one year leaves unsaid
        self.across_the_new_year = rule_set.compile("{new_year_feast}|{winter_a_work_is_done_in}", "fragment-across_the_new_year")
        self.by_then = rule_set.fragment("by_then")
        self.task_after_date = rule_set.fragment("task_after_date")
        self.completion_over_a_place = rule_set.fragment("completion_over_a_place")
        self.size_described = rule_set.fragment("size_described")
        # 鉴定复核: the whole check; 的比例淘汰…, 的进度改造…: a stock the plan turns over, named as the bodies it checks are
        self.share_checked = rule_set.compile("的(?:比例|进度)(?P<check>{share_checked}(?:{a_check})*|{turning_over_a_stock})", "fragment-share_checked")
        self.work_on_an_object = rule_set.compile("(?r)(?:{work_on_an_object})", "fragment-work_on_an_object")
        self.manner_of_work = rule_set.fragment("manner_of_work")
        self.hedged_completion = rule_set.fragment("hedged_completion")
        self.hedged_outcome = rule_set.compile("{hedged_outcome}|{judged_outcome}", "fragment-judged_outcome")
        self.period_total = _Sought.of(rule_set, "period_total")
        self.years_summed = _Sought.of(rule_set, "years_summed")
        self.due_by = rule_set.fragment("due_by")
        # the years a sentence opens with, lists with 分别, or names in the object of a work, and its frequency words
        (self.stage_opening, self.years_before_respectively, self.years_after_respectively, self.year_worked_on,
         self.frequency_word) = (rule_set.fragment(name) for name in ("stage_opening", "years_before_respectively",
                                                                      "years_after_respectively", "year_worked_on",
                                                                      "frequency_word"))
        self.each_of_the_years = rule_set.compile("(?<={years_listed}|{this_year_and_next})(?:{each_of_the_years})",
                                                  "fragment-each_of_the_years")
        self.this_year_and_next, self.first_half_of_the_year = (rule_set.fragment(name) for name in ("this_year_and_next",
                                                                                                     "first_half_of_the_year"))
        self.completion_of_the_counted = rule_set.fragment("completion_of_the_counted")
        # words of a work or a change (新建, 提高, 培训): a clause with one does something rather than state a level;
        # in a rate's or a place's name (治理率, 监测站) they name a thing
        self.acting_word = rule_set.compile("(?:{doing_verb}|{changing_word}|{work_verb})(?![率度量站点所])", "fragment-acting_word")
        self.last_acting_word = rule_set.compile("(?r)(?:{doing_verb}|{changing_word}|{work_verb})(?![率度量站点所])",
                                                 "fragment-acting_word")
        self.plan_period = rule_set.fragment("plan_period")
        self.doer_before_its_year = rule_set.fragment("doer_before_its_year")
        self.glued_list = rule_set.fragment("glued_list")
        self.list_marker = rule_set.fragment("list_marker")
        # each sentence decided is scanned for it, and most lack the 、 it needs (57 of the 91 a round of the gold plans),
        # where a scan took the engine 23 µs: gated. (repeat_word is not: its pre-filter passes 76 of them and took as
        # long as the scans it saved.)
        self.act_listed, = gated_patterns(rule_set.fragment("act_listed_opening"))
        self.repeat_word = rule_set.compile("{frequency_word}|{per_occurrence}|{total_word}", "fragment-repeat_word")
        # 不低于交流轮岗教师总数的20%: a measure followed by 的 is what a comparator takes the value of, not the clause's own
        # (a count of the act before it, 培训人数, is matched first and is none: fragment flow_measure)
        self.own_measure = rule_set.compile("{flow_measure}|(?P<own>{measure_name}|{per_population})(?!的)", "fragment-measure_name")
        self.keeping_word = _Sought.of(rule_set, "keeping_word")
        self.per_in_name = rule_set.fragment("per_in_name")
        self.item_of_its_own = rule_set.compile("{item_of_its_own}", "fragment-item_of_its_own")
        self.each_one_has = rule_set.fragment("each_one_has")
        # the verb may be followed by what it sets and the comparator (每千名老年人配备养老护理员不少于5名, 每千名老年人拥有养老床位
        # 达到35张: 张/千名老年人), but not by a measure's name, which its per opens (每千名老年人拥有养老床位数达到35张: 张,
        # fragment density_things). Matched backwards from
        # the number (a reversed pattern's match is anchored at its end), so the pattern alone bounds how far back it reads;
        # gated: of the 120 numbers a round of the gold plans reads it before, none is in a sentence holding what it needs
        # (每, a verb of setting, a population or an extent), where each took 16 µs
        self.density_set, = gated_patterns(rule_set.compile(r"(?r)(?:{per_population}|{per_extent_set})"
                                            r"\p{Han}{0,3}?(?:{comparator_before})?(?:{density_verb})(?:{density_listed_before})?"
                                            r"(?:{density_things}(?:{comparator_before})?)?\s*$", "fragment-density_verb"))
        self.sum_worked = rule_set.compile("{sum_worked}", "fragment-sum_worked")
        self.stock_reached = rule_set.compile("{stock_reached}", "fragment-stock_reached")
        self.place_opening_a_clause = rule_set.compile("{place_opening_a_clause}", "fragment-place_opening_a_clause")
        self.stock_verb = rule_set.compile("{stock_verb}", "fragment-stock_verb")
        self.all_of_the_counted = rule_set.compile("{all_of_the_counted}", "fragment-all_of_the_counted")
        self.service_time = rule_set.compile("{service_time}", "fragment-service_time")
        self.sum_of_a_year = rule_set.compile("{sum_of_a_year}", "fragment-sum_of_a_year")
        self.comparator_before = rule_set.fragment("comparator_before")
        self.closing_comparator = rule_set.compile("(?:{comparator_after})$", "fragment-comparator_after")
        # what joins the values of a list (提高到15%和35%), each perhaps with its place (达到乡镇100%、行政村95%)
        self.list_join = rule_set.compile(r"(?:、|和|及|与)(?:{level_scope})?(?:{per_base})?$", "fragment-list_join")
        self.year = rule_set.fragment("year")
        self.year_opening = rule_set.fragment("year_opening")
        self.issuing_government = rule_set.fragment("issuing_government")
        self.future_word = rule_set.fragment("future_word")
        self.duty_to_do = rule_set.fragment("duty_to_do")
        self.goal_named = rule_set.fragment("goal_named")
        self.future_heading = rule_set.fragment("future_heading")
        self.goal_heading = rule_set.fragment("goal_heading")
        self.places_bound = rule_set.fragment("places_bound_to_work")
        self.higher_aim = rule_set.fragment("higher_aim")
        self.aim_before = rule_set.compile(r"(?r)(?:{aim_of_a_level})$", "fragment-aim_of_a_level")
        # read backwards from the number (match of a reverse pattern): searching forwards from the
        # clause's start cost the clause's length per number, quadratic in a long list of targets
        # (the size of a boiler may be written per hour before its number: fragment size_per_time_before)
        self.negated = rule_set.compile(r"(?r)(?:{negating_verb})(?:{size_per_time_before})?\s*$", "fragment-negating_verb")
        # 较2023年下降8%, 下降不少于10%: a change word right before the number, perhaps with a comparator word between
        # the unit or a fraction's denominator may be written between the change word and the number (提高百分之五, 提高三分之一)
        # or with what changes between (压减化肥施用量10%, 减少渔船30艘, 减船30艘, 提高粮食产量5万吨): fragment changed_object
        self.change_before = rule_set.compile(r"(?r)(?P<change>{change_word})(?:了?(?:{comparator_before})?\s*(?:{unit_prefix}|(?:{denominator})分之)?|(?P<changed>{changed_object})(?:{comparator_before})?)$",
                                              "fragment-change_word")
        # the words a change is written with: a number with none of them before it in its clause changes nothing, and
        # change_before's reverse match (13 µs a number, through every length of what may change) is not tried for it
        self.change_words = patterns.compile_python(patterns.any_word(rule_set.lexicon.changes))
        # 增加5万吨至30万吨, 提高2个百分点至45%: the word alone between a change by an amount and the level it brings, matched
        # back from where the level starts
        self.share_of_the_last = rule_set.fragment("share_of_the_last")
        self.level_brought_to = rule_set.compile("(?r)(?:{level_brought_to})", "fragment-level_brought_to")
        # a measure that falls and a bare word of reaching, right before the number (浓度力争达到30微克/立方米: at most)
        self.falling = tuple(_FallingMeasure(rule_set.compile("(?r)" + entry.reached_before(), "falling_measures"),
                                             rule_set.compile("(?r)" + entry.reach(), "falling_measures"),
                                             rule_set.compile(f"(?r)(?:{entry.named()})$", "falling_measures"), entry.means)
                             for entry in rule_set.lexicon.falling_measures)
        self.level_reached = rule_set.compile(r"(?r)(?:{level_after_object}|(?P<comparator>{comparator_before}){event_after}|(?P<margin>{margin_from_base}))$",
                                              "fragment-level_after_object")
        self.exclude = [rule for rule in rule_set.by_role("exclude") if rule.rule.scope not in ("heading", "lead", "form")]
        self.leads = [rule for rule in (*rule_set.by_role("exclude"), *rule_set.by_role("baseline")) if rule.rule.scope == "lead"]
        self.exclude_forms = [rule for rule in rule_set.by_role("exclude") if rule.rule.scope == "form"]
        self.possible_forms = CompiledRule.prefilters(self.exclude_forms)
        self.attachment_marker = rule_set.fragment("attachment_marker")
        self.exclude_headings = tuple(rule for rule in rule_set.by_role("exclude") if rule.rule.scope == "heading")
        self.baseline = [rule for rule in rule_set.by_role("baseline") if rule.rule.scope not in ("heading", "lead")]
        self.baseline_headings = tuple(rule for rule in rule_set.by_role("baseline") if rule.rule.scope == "heading")
        # the cues by which a sentence reports what was, whatever its other sentences say (review_opening)
        self.reporting = [rule for rule in self.baseline if rule.rule.scope == "sentence" and rule.rule.holds == "always"]
        self.targets = rule_set.by_role("target")
        self.possible_targets = CompiledRule.prefilters(self.targets)
        # one pre-filter for both kinds of cue: a sentence is searched for their leads once, not once for each kind
        self.possible_cues = CompiledRule.prefilters([*self.exclude, *self.baseline])

    def read(self, text: str, context: Context = Context()) -> list[Candidate]:
        """Every candidate of the sentence ``text`` (folded, as a paragraph's ``text``), decided; the targets
        are those with decision ``target`` or ``baseline``."""
        found = self.matches(text)
        return self.decide(text, found, context) if found else []

    def matches(self, text: str, possible: Optional[list[CompiledRule]] = None) -> list[tuple[CompiledRule, list[regex.Match]]]:
        """The target rules that match the sentence ``text`` (folded), each with its matches: most sentences have none.
        ``possible``: the rules that may match it (``possible_targets``), when known."""
        possible = self.possible_targets.possible(text) if possible is None else possible
        return [(rule, matches) for rule in possible if (matches := rule.finditer(text))]

    def decide_all(self, sentences: list[tuple[str, list[tuple[CompiledRule, list[regex.Match]]], Context]]) -> list[list[Candidate]]:
        """``decide`` of each (sentence, found, context), each cue run over all the sentences it may match in turn
        (as the target rules are: ``_found_in_texts``)."""
        cues = self._cues([text for text, _, _ in sentences])
        return [self.decide(text, found, context, cue) for (text, found, context), cue in zip(sentences, cues)]

    def _cues(self, texts: list[str]) -> list[tuple[CueMatches, CueMatches]]:
        """The exclude and the baseline cues that may match each text, with their matches, rule after rule."""
        possible = [self._exclude_and_baseline(cues) for cues in self.possible_cues.possible_in(texts)]
        by_rule: dict[CompiledRule, list[int]] = {}
        for index, (exclude, baseline) in enumerate(possible):
            for rule in (*exclude, *baseline):
                by_rule.setdefault(rule, []).append(index)
        matched = {(index, rule): rule.finditer(texts[index]) for rule, indices in by_rule.items() for index in indices}
        return [([(rule, matched[index, rule]) for rule in exclude], [(rule, matched[index, rule]) for rule in baseline])
                for index, (exclude, baseline) in enumerate(possible)]

    @staticmethod
    def _exclude_and_baseline(cues: list[CompiledRule]) -> tuple[list[CompiledRule], list[CompiledRule]]:
        """The exclude cues of ``cues``, then the baseline ones, each in their order."""
        return [cue for cue in cues if cue.rule.role == "exclude"], [cue for cue in cues if cue.rule.role == "baseline"]

    def decide(self, text: str, found: list[tuple[CompiledRule, list[regex.Match]]], context: Context,
               cues: Optional[tuple[CueMatches, CueMatches]] = None) -> list[Candidate]:
        """The candidates of what the rules ``found`` in the sentence ``text`` (``matches``), decided in ``context``;
        ``cues``: the exclude and baseline cues' matches in ``text`` (``_cues``), when found already."""
        clauses = self._clauses(text)
        breaks = [mark.start() for mark in _ITEM_BREAKS.finditer(text)]
        exclude_cues, baseline_cues = self._cues([text])[0] if cues is None else cues
        excluded = [*self._marks(exclude_cues, text, clauses, breaks, context.frame),
                    *self._heading_marks(self.exclude_headings, text, context, self._duties_of_places(text, clauses))]
        reviewed = self._heading_marks(self.baseline_headings, text, context)  # 发展基础, 规划背景: what is, not what shall be
        baseline = [*self._marks(baseline_cues, text, clauses, breaks, context.frame), *reviewed]
        relative = list(self.relative_deadline_scan.finditer(text))  # read by _years and _unknown_years alike
        if reviewed or self._years_of_work_done(text, relative, baseline):
            relative = [match for match in relative if not self._the_plans_own_years(match)]
        years = self._years(text, context.frame, relative)
        # 有下列情形之一的： (exclude), 目前…共4类23种： (baseline); an item of a year of the plan under a lead of what is now
        # (目前…尚有30所…未达标，具体安排如下： / 1.2024年，改造薄弱学校15所) is the plan's schedule, no part of that state
        scheduled = any(not _before(year, context.frame.present) for _, year in years)
        if context.lead_cue is not None and not (context.lead_cue.rule.role == BASELINE and scheduled):
            (excluded if context.lead_cue.rule.role == "exclude" else baseline).append(Mark(Span(0, len(text)), context.lead_cue))
        due = next((start for start, year in years if self.due_by.match(text, start) and not _before(year, context.frame.present)), None)
        # a year of the plan opening the sentence (2026年，…抽查比例不低于5%) lifts a rule stated for no year as a year due by
        # does, but not a step of a procedure, a wage or a plot's terms the year runs (holds: until_due)
        lifted_by = {"undated": self._stage_opened(text, context.frame) if due is None else due, "until_due": due}
        if reviewed or any(start is not None for start in lifted_by.values()):
            # 到2025年，农村低保标准不低于每人每年6000元: a standard due by a year of the plan is a level to reach (暂按2015年
            # 标准…每生每年1150元 in a 2016 plan names the rule in force, 2024年内，…每人每天补助50元 the rule the year
            # runs), but not one the year comes after (每名护林员管护面积不超过3000亩，到2026年…); in a section that reviews
            # what is, the standard in force (规划背景：…报销比例为72%) is a baseline
            excluded = [mark for mark in excluded if mark.cue.rule.holds not in lifted_by
                        or not (reviewed or _before_it(lifted_by[mark.cue.rule.holds], (mark.words or mark.span).end))]
        candidates = self._candidates(found, text, clauses, excluded, [mark for mark in baseline if mark.cue.rule.scope == "match"])
        if "其中" in text:
            self._parts_as_their_whole(text, candidates)
        kept = [c for c in candidates if c.decision != NOT_TARGET]
        marks = _SentenceMarks(years, list(self.repeat_word.finditer(text)), breaks, sorted(c.anchor.start for c in kept),
                               sorted(c.anchor.start for c in candidates if c.decision == NOT_TARGET),
                               self._unknown_years(context.frame, relative),
                               [match.start() for match in self.future_word.finditer(text)],
                               [(match.start(), self._year_in(match.group())) for match in self.start_year.finditer(text)])
        future = self._speaks_of_future(marks, context)
        acts_listed = [match.start() for match in self.act_listed.finditer(text)]
        for candidate in candidates:
            candidate.quote_start = self._quote_start(text, candidate.clause)
            candidate.item_start = _item_start(text, candidate, acts_listed)
            candidate.deadline = self._deadline(text, candidate.anchor, context, marks, candidate.clause.start)
            if candidate.deadline is None and marks.unknown_year_before(candidate.anchor.start):
                candidate.review.append(UNKNOWN_YEAR)
            repeat = candidate.own_repeat
            if repeat == (None, None):
                repeat = self._frequency(text, candidate.anchor.start, candidate.clause.start, marks, candidate.kind == MILESTONE)
            if repeat == (None, None) and _opens_part(text, candidate.clause.start):
                repeat = _whole_repeat(candidate, candidates, text)
            candidate.frequency, candidate.recurrence = (repeat if repeat != (None, None)
                                                         else self._each_whole_year(text, candidate, marks, context.frame))
            if candidate.decision == TARGET:
                # a plan's body, under any heading not of its background, sets what is to be: 全区普惠性托位3000个 under
                # （一）普惠托育 is a level to reach; what is now is said before the first heading or under 基本情况
                ahead = future or candidate.deadline is not None or bool(context.headings)
                speaking = [mark for mark in baseline if mark.decides(candidate, touching=False)
                            and not (ahead and mark.cue.rule.holds == "now")
                            and not (mark.cue.rule.holds == "outside_aims" and _aims_above(self.goal_heading, context.headings))]
                as_of = _as_of(speaking, candidate)
                as_of_plan = as_of is not None and as_of.in_plan(context.frame)
                cue = next((mark.cue.id for mark in speaking if not mark.in_plan(context.frame)
                            and not _outlived(mark, candidate, marks, context.frame, as_of_plan)), None)
                if candidate.deadline is None and as_of_plan:  # 截至2025年底，累计建成… is due then
                    candidate.deadline = as_of.due
                if (cue is None and _before(candidate.deadline, context.frame.present)
                        and not self._due_since_written(text, candidate.deadline, years, context.frame)):
                    worked_on = self._counted_for_a_later_work(text, candidate, candidates, clauses, context.frame)
                    if worked_on is None:
                        cue = BEFORE_PLAN  # 2020年，全市…达到10.5% in a 2021–2025 plan
                    candidate.deadline = worked_on or candidate.deadline
                if cue is None and self._stated_before_the_aim(text, candidate, years, context):
                    cue = BEFORE_AIM
                if cue is not None:
                    candidate.decide(BASELINE, cue)
        self._stated_with_the_level(text, candidates)
        due = {candidate.deadline for candidate in kept if candidate.decision == TARGET}
        for before, candidate in zip([None, *candidates], candidates):
            if candidate.time_anchor == "none" and (candidate.deadline is not None or future):
                candidate.time_anchor = "future"
            if candidate.decision == BASELINE:
                as_of = _as_of([mark for mark in baseline if mark.decides(candidate, touching=False)], candidate)
                self._date_the_baseline(text, candidate, before, as_of.year if as_of else None, due, context.frame)
        earlier = self._pair_respectively(text, kept, context.frame)
        if earlier:  # before the one due last, in the order of the years
            at = next(index for index, candidate in enumerate(candidates) if candidate.span == earlier[0].span)
            candidates[at:at] = earlier
        self._aim_higher_in_the_same_measure(text, kept)
        _pair_of_measures(text, kept)
        self._share_comparator_in_a_list(text, kept)
        self._share_a_per_written_before_in_a_list(text, kept)
        self._close_a_list_with_its_last_word(text, kept)
        _drop_restatements(text, candidates)
        return candidates

    def _the_plans_own_years(self, phrase: regex.Match) -> bool:
        """Whether a deadline phrase is the plan's first or last years (前两年, 后三年: plans_first_years, plans_last_years)."""
        return bool(self.plans_first_years.match(phrase.group()) or self.plans_last_years.match(phrase.group()))

    def _years_of_work_done(self, text: str, relative: list[regex.Match], baseline: list[Mark]) -> bool:
        """Whether the plan's first or last years opening a sentence are the years before it, whose work the sentence says is
        done: the first cue after them is one a sentence reports by (``reporting``: 已建成, 完成了, 打下了…基础), with no
        other time between (前两年，全县已建成…; 前两年，我县累计投入…，为行动打下了基础), nor in its own words: not after a
        time of its own (前两年完成改造100个，目前已完成50个, …，截至2023年底已完成50个: the time of the 50, not of the 100)."""
        own = next((match for match in relative if self._the_plans_own_years(match)), None)
        if own is None:
            return False
        cue = min((mark for mark in baseline if mark.words is not None and mark.words.start >= own.end()),
                  key=lambda mark: mark.words.start, default=None)
        return (cue is not None and cue.cue in self.reporting and cue.year is None
                and self.time_said_between.search(text, own.end(), cue.words.start) is None)

    def _due_since_written(self, text: str, year: int, years: list[tuple[int, int]], frame: PlanFrame) -> bool:
        """Whether ``text`` says ``year`` as a time a work is due by (2023年底前, 到2023年) that is no earlier than the year
        the plan was written: in a 2024–2026 plan signed in 2023, 2023年底前…新建社区食堂10个 is work it sets, while
        2023年，新建社区食堂10个 reports the year it was written in."""
        return (frame.signed is not None and year >= frame.signed
                and any(due == year and self.due_by.match(text, start) for start, due in years))

    def _stage_opened(self, text: str, frame: PlanFrame) -> Optional[int]:
        """Where the year stands of a sentence that opens with a year of the plan after its first alone in its clause
        (2026年，…抽查比例不低于5% in a 2024–2026 plan): a stage of the plan, due in that year as 2026年底前 says; None for
        any other opening, and for the plan's first year or the year it was signed, which may be the year it reports."""
        opening = self.stage_opening.match(text)
        if opening is None or frame.present is None or frame.end is None:
            return None
        return opening.start("year") if frame.present < digit_year(opening.group("year")) <= frame.end else None

    def _counted_for_a_later_work(self, text: str, candidate: Candidate, candidates: list[Candidate], clauses: list[Span],
                                  frame: PlanFrame) -> Optional[int]:
        """The year of the plan by which the clause right after ``candidate``'s, with no number or milestone of its own,
        has a work done on what ``candidate`` counts (2023年因灾倒塌房屋320户，2024年6月底前完成重建: the houses of a year
        before the plan are what its work rebuilds); None where that clause says no such work, or where ``candidate`` is no
        count of things (2020年全市森林覆盖率为45%，2025年基本完成国土绿化: a level, which no work is done on)."""
        after = next((clause for clause in clauses if clause.start == candidate.clause.end), None)
        if candidate.kind != COUNT or after is None or any(after.overlaps(other.anchor) for other in candidates):
            return None
        opening = len(text[after.start:after.end]) - len(text[after.start:after.end].lstrip())
        phrase = (self.deadline_year.match(text, after.start + opening, after.end)
                  or self.relative_deadline.match(text, after.start + opening, after.end))
        if phrase is None or not self.completion_of_the_counted.fullmatch(text, phrase.end(), after.end):
            return None
        year = next((year for _, year in self._years(phrase.group(), frame)), None)
        return None if _before(year, frame.present) else year

    def _parts_as_their_whole(self, text: str, candidates: list[Candidate]) -> None:
        """对全县86家危化企业开展检查，其中重大危险源企业7家: the parts after 其中 of a count a cue takes for no target (the set
        an action covers, a place's divisions, a standard) are of that set, no more a target than it is; a part that does
        a work of its own (全市18个乡镇，其中12个乡镇率先建成…) is counted by that work, in its own words: a part listed after
        it is another's (按每人每年90元的标准筹资，其中个人缴纳30元、财政补助60元: 补助 is the 60's)."""
        for part in candidates:
            if part.decision != TARGET or part.amount is None or not _opens_part(text, part.clause.start):
                continue
            whole = next((c for c in reversed(candidates) if c.amount is not None and c.anchor.start < part.clause.start), None)
            listed_next = _NEXT_LIST_MARK.search(text, part.anchor.end, part.clause.end)
            if (whole is not None and whole.decision == NOT_TARGET and _measure(whole.unit) == _measure(part.unit)
                    and self.acting_word.search(text, part.clause.start, listed_next.start() if listed_next else part.clause.end) is None):
                part.decide(NOT_TARGET, whole.cue)

    def earliest_aim(self, text: str, frame: PlanFrame) -> Optional[int]:
        """The earliest year ``text`` says a level is due by (到2025年, 2025年底前), where the plan's own years are unknown."""
        if frame.present is not None:
            return None
        return min(self._years_due(text, frame), default=None)

    def latest_aim(self, text: str, frame: PlanFrame) -> Optional[int]:
        """The latest year ``text`` says in its own words its aims are due by (到2025年，基本建成…体系), none before the plan;
        never the year it states what is as of (截至2023年底，已建成…), which is no time a work is due by."""
        return max(self._years_due(text, frame), default=None)

    def _years_due(self, text: str, frame: PlanFrame) -> list[int]:
        """Each year ``text`` says a level is due by (到2025年, 2025年底前), none before the plan."""
        return [year for start, year in self._years(text, frame) if self.due_by.match(text, start) and not _before(year, frame.present)]

    @staticmethod
    def _stated_with_the_level(text: str, candidates: list[Candidate]) -> None:
        """市图书馆总藏量120万册，人均藏书0.8册，到2025年人均藏书达到1.2册: the clauses of its item before a level stated
        before its change, which that cue finds to state only what there is (no year, aim or verb of work), state it as
        the level does: baselines too."""
        changed = next((c for c in candidates if c.cue == LEVEL_BEFORE_ITS_CHANGE), None)
        if changed is None:
            return
        item_start = _start_of_clause(text, changed.clause.start, "；;：:")
        for before in candidates:
            if before.anchor.start >= changed.clause.start:
                break
            if before.anchor.start >= item_start and before.decision == TARGET and before.cue == DEFAULT_DECISION:
                before.decide(BASELINE, LEVEL_BEFORE_ITS_CHANGE)

    def _stated_before_the_aim(self, text: str, candidate: Candidate, years: list[tuple[int, int]], context: Context) -> bool:
        """Whether the candidate is a level stated for a year, with no work or change in its clause, before the year its
        paragraph aims at (2020年全市科普示范学校数量为12所。到2025年…; 2021年全县农村生活污水治理率为45%，到2025年
        提高到70%): in a plan whose years are unknown, what was. A year due by (到2023年) or a work (2024年新建…)
        sets what is to be. A plan whose years are known has no such aim: a level of a year before it was signed is
        past already (``year-before-plan``), while one of the year it was signed in, or of its first year where the
        date is unknown (2023年全县学前三年毛入园率为92%，到2025年提高到95%以上 in a plan signed in March 2023), could not
        yet be measured when it was written: that year's aim. A year listed each with its part in a clause before
        (2024年改造老旧小区20个、2025年改造25个，同步安装路灯300盏，到2026年全面完成) dates work done within the years
        listed, no level stated for it."""
        if context.aim is None or candidate.deadline is None or candidate.deadline >= context.aim:
            return False
        stated_at = [start for start, year in years if year == candidate.deadline and start < candidate.anchor.start]
        return (bool(stated_at) and not self.due_by.match(text, stated_at[-1])
                and not (stated_at[-1] < candidate.clause.start and _in_a_list_of_years(text, stated_at[-1]))
                and self.acting_word.search(text, candidate.clause.start, candidate.anchor.start) is None)

    def _date_the_baseline(self, text: str, baseline: Candidate, before: Optional[Candidate], as_of: Optional[int],
                           due: set[Optional[int]], frame: PlanFrame) -> None:
        """A baseline's year (its ``deadline``) is the one written right before it (由2023年的40%提高到2025年的70%: 40% is
        2023's), that of the baseline it is listed after (分别由2020年的95%、90%提高到…: 90% is 2020's too), or the date
        its sentence reports it as of (截至2023年底，全市已建成…). A year a target of its sentence is due by is that
        target's, never the year of what it is reached from (到2025年，…由60%提高到62%; 到2025年建成2万个，目前已建成5000个),
        and so is a year of the plan after its first that the sentence looks ahead to after it with no target of its own
        (截至目前，全区共有托育机构8家，今后三年计划：: 8 家 is of now, not of 2026)."""
        own_year = _OWN_YEAR.search(text, baseline.clause.start, baseline.anchor.start)
        if own_year:
            baseline.deadline = int(own_year.group("year"))
        elif (before is not None and before.decision == BASELINE and before.clause == baseline.clause
              and self.list_join.fullmatch(text, before.span.end, baseline.span.start)):
            baseline.deadline = before.deadline
        elif as_of is not None:
            baseline.deadline = as_of
        elif baseline.deadline in due or self._looked_ahead_to(text, baseline, frame):
            baseline.deadline = None

    def _looked_ahead_to(self, text: str, baseline: Candidate, frame: PlanFrame) -> bool:
        """Whether ``baseline``'s year is a year of the plan after its first that its sentence names only after it (…8家，
        今后三年计划：), not before (预计到2025年，全市老年人口将突破85万人: a forecast for that year)."""
        return (frame.present is not None and (baseline.deadline or 0) > frame.present
                and not any(year == baseline.deadline and start < baseline.anchor.start for start, year in self._years(text, frame)))

    def _speaks_of_future(self, marks: _SentenceMarks, context: Context) -> bool:
        """Future without a year: the sentence's own words (力争, 今后: ``marks.futures``), else a heading of the plan's aims
        (目标, 任务)."""
        return bool(marks.futures) or self._under_aims(context)

    def _under_aims(self, context: Context) -> bool:
        """Whether a heading above the sentence names the plan's aims (目标, 任务: fragment future_heading)."""
        return _aims_above(self.future_heading, context.headings)

    def _pair_respectively(self, text: str, findings: list[Candidate], frame: PlanFrame) -> list[Candidate]:
        """到2023年、2025年，…分别达到1万个、2万个: the n-th value is due in the n-th year, and the
        comparator word before the first value, or after the last (分别稳定在80%、70%左右), holds for them all. The list
        is the values of the clause 分别 is in: a clause after it (…分别增长5.5%、6%；到2026年，网络零售额突破3000亿元)
        neither takes its words nor gives it its own. One value after years listed (2025年、2026年分别完成100个) is due
        in each: it keeps the last year, and the copies it returns, one for each year before, are due in theirs. A year
        before those listed (到2026年，全县2024年和2025年分别新建…3所、4所) is the sentence's, no value's. This year and the
        next (今年和明年分别…, 今明两年各…: fragment this_year_and_next) are two years listed, of the year the plan was written."""
        each_year = self.each_of_the_years.search(text)
        respectively = text.find(_RESPECTIVELY) if each_year is None else each_year.start()
        if respectively < 0:
            return []
        values = [finding for finding in findings if finding.anchor.start > respectively and finding.amount is not None
                  and finding.clause.start <= respectively]
        # 2023年完成3000户，2024年、2025年分别完成2500户和2000户: the years listed after the last value before 分别
        listed_from = max((finding.span.end for finding in findings if finding.span.end <= respectively), default=0)
        listed = [(start, year) for start, year in self._years(text) if listed_from <= start < respectively]
        years = [year for _, year in listed]
        apart = _listed_apart(text, [start for start, _ in listed])
        both = self.this_year_and_next.search(text, listed_from, respectively)
        if both is not None and not years and frame.written is not None:
            listed, years, apart = [(both.start(), frame.written), (both.end(), frame.written + 1)], [frame.written, frame.written + 1], True
        if len(values) == 1 and len(years) > 1 and apart:
            values[0].deadline = years[-1]  # 2025年、2026年分别完成100个: 100 each year, one target a year
            return [replace(values[0], deadline=year, review=list(values[0].review)) for year in years[:-1]]
        if len(values) < 2:
            return []
        if len(years) < len(values) and (after := self.years_after_respectively.match(text, respectively)):
            listed = [(start, year) for start, year in self._years(text) if respectively <= start < after.end()]
            years = [year for _, year in listed]
        run = listed[-len(values):]  # 到2026年，全县2024年和2025年分别…: the years listed together right before 分别
        if len(years) == len(values) or (len(years) > len(values) and _listed_apart(text, [start for start, _ in run])):
            for finding, (_, year) in zip(values, run):
                finding.deadline = year
        elif len(span := _years_of_a_span(text, listed_from, respectively)) == len(values):
            for finding, year in zip(values, span):
                _due_in_its_year(finding, year)
        closed = self.closing_comparator.search(text, values[-1].anchor.end, values[-1].span.end) is not None
        for finding in values[:-1]:
            _in_the_last_scale(text, finding, values[-1])
            self._share_the_last_measure(finding, values[-1])
            # 分别稳定在80%、70%左右: the word after the list holds for each, and wins over the word before it as a value's
            # own does (分别提升至15分钟、30分钟、10分钟以内: all three '<=')
            if finding.unbounded or (closed and finding.unit == values[-1].unit
                                     and self.closing_comparator.search(text, finding.anchor.end, finding.span.end) is None):
                finding.comparator = values[-1].comparator
        for finding in values[1:]:
            if finding.unbounded:
                finding.comparator = values[0].comparator
            finding.change = finding.change or values[0].change  # 分别增长8%、10%: both rises
        return []

    def _aim_higher_in_the_same_measure(self, text: str, findings: list[Candidate]) -> None:
        """确保…年均增长6%，力争达到7%; 确保增加2万吨、力争3万吨; 确保达到5万人、力争5.5万人; 力争达到1500亿元、确保1400亿元: a
        value after the other aim of a pair (fragment higher_aim) that opens its clause or follows the value before, naming
        no measure of its own, is the same change as that value, in the same unit and repeat, and bounded as it is where it
        has no comparator word of its own (力争5.5万人 after 确保达到5万人 is at least 5.5万 too): the verb left out is the
        first's. A level right after 确保, 力争 or 争取 that shares no verb (粮食产量确保45万吨、力争50万吨) has left out the
        verb of reaching: at least that level, as 确保达到 is (fragment aim_of_a_level)."""
        numeric = [finding for finding in findings if finding.amount is not None]
        for index, finding in enumerate(numeric):
            if index and self._the_other_aim(text, numeric[index - 1], finding):
                finding.change, finding.frequency, finding.recurrence, finding.comparator = _aim_shared(numeric[index - 1], finding)
                continue
            if finding.unbounded and finding.change is None and self.aim_before.match(text, finding.clause.start, finding.anchor.start):
                finding.comparator = ">="

    def _the_other_aim(self, text: str, before: Candidate, after: Candidate) -> bool:
        """Whether ``after`` is the other aim of a pair after ``before`` (fragment higher_aim), in its unit and naming no measure."""
        aim = after.clause.start if after.clause != before.clause else before.span.end
        return (after.unit == before.unit and self.higher_aim.match(text, aim) is not None
                and not self._names_a_measure(text, aim, after.anchor.start))

    def _share_the_last_measure(self, finding: Candidate, last: Candidate) -> None:
        """分别压缩至5个、3个、4个工作日以内: a value listed before the last whose measure word is only the first of the
        last's (个 of 个工作日) is in the last's measure, with its comparator word after it (以内) when it has none; a word
        of its own that opens a measure word of another (人 of 人次, 家 of 家次: counts of no base) is its own."""
        if (finding.unit and last.unit != finding.unit and (last.unit or "").startswith(finding.unit) and finding.clause == last.clause
                and measures_of([last.unit]) != {last.unit}):
            finding.unit, finding.kind = last.unit, self.rules.unit_kinds.get(last.unit, last.kind)
            if finding.unbounded:
                finding.comparator = last.comparator

    def _share_comparator_in_a_list(self, text: str, findings: list[Candidate]) -> None:
        """至少建成1个图书馆、1个文化馆: a comparator word before the first value of a list whose items open with
        their value (、1个…, 和35%) holds for the values after it that have none of their own; in 文化馆不少于2个、博物馆1个
        each item says its own. The word may stand anywhere between the match's start and its number (after the frequency
        word a match opens with: 每年至少组织一次…、两次…)."""
        numeric = [finding for finding in findings if finding.amount is not None]
        shared = False  # whether the value before holds a comparator word's, its own or the list's
        for before, after in zip(numeric, numeric[1:]):
            shared = shared or bool(self.comparator_before.search(text, before.span.start, before.anchor.start))
            if shared and after.unbounded and self._listed_next(text, before, after):
                after.comparator = before.comparator
            else:
                shared = False

    def _share_a_per_written_before_in_a_list(self, text: str, findings: list[Candidate]) -> None:
        """分别达到每人每月900元和700元, 每生每年1200元、1500元; 每吨1.2元、1.5元: what the first value of a list is per,
        written before its number, holds for the values listed after it that carry only its measure word (元), as a
        comparator word before the first does. One written after the first (1.2元/吨、1.5元) is that value's own."""
        numeric = [finding for finding in findings if finding.amount is not None]
        shared = False  # whether the value before is per what was written before the list's first number
        for before, after in zip(numeric, numeric[1:]):
            shared = shared or "每" in text[before.span.start:before.anchor.start]
            if shared and after.unit and (before.unit or "").startswith(f"{after.unit}/") and self._listed_next(text, before, after):
                after.unit = before.unit
            else:
                shared = False

    def _listed_next(self, text: str, before: Candidate, after: Candidate) -> bool:
        """Whether ``after`` is the next item of a list in ``before``'s clause (fragment list_join: 、, 和, 及, 与, perhaps
        with its place)."""
        return before.clause == after.clause and self.list_join.search(text, before.span.end, after.span.start) is not None

    def _close_a_list_with_its_last_word(self, text: str, findings: list[Candidate]) -> None:
        """城区10分钟、农村20分钟内到达; 压缩至城区3个、农村5个工作日以内: the values of a list in one clause, each after its
        place (fragment list_join), share the last one's measure where they name only its first word (个 of 个工作日),
        and a comparator word after the last (内, 以内, 以上) closes the list, bounding each value of its measure that
        has no word of its own.
        A value with its own word (文化馆不少于2个、博物馆3个以上) or of another measure (新建学校3所、床位200张以上) keeps it."""
        numeric = [finding for finding in findings if finding.amount is not None]
        run: list[Candidate] = []
        for finding in numeric:
            if run and not self._listed_next(text, run[-1], finding):
                self._bound_by_the_last(text, run)
                run = []
            run.append(finding)
        self._bound_by_the_last(text, run)

    def _bound_by_the_last(self, text: str, listed: list[Candidate]) -> None:
        if len(listed) < 2:
            return
        last = listed[-1]
        closed = self.closing_comparator.search(text, last.anchor.end, last.span.end) is not None
        for finding in listed[:-1]:
            self._share_the_last_measure(finding, last)
            if closed and finding.unit == last.unit and finding.unbounded:
                finding.comparator = last.comparator

    # --- spans ---------------------------------------------------------------

    def _clauses(self, text: str) -> list[Span]:
        spans, start = [], 0
        for mark in self.clause_end.finditer(text):
            spans.append(Span(start, mark.end()))
            start = mark.end()
        if start < len(text):
            spans.append(Span(start, len(text)))
        return spans

    def _marks(self, cues: CueMatches, text: str, clauses: list[Span], breaks: list[int], frame: PlanFrame) -> Iterator[Mark]:
        """Where each cue fires (``cues``: each with its matches in ``text``), widened to its scope (clause, item up to ；, sentence);
        ``breaks``: where the items of ``text`` end (；), in order. A cue that reports the plan's own level (``frame``) fires nowhere."""
        clause_starts = [clause.start for clause in clauses]
        for rule, matches in cues:
            for match in (match for match in matches if not _said_by_the_issuer(match, frame)):
                span = Span(*match.span())
                if rule.rule.scope == "sentence":
                    yield Mark(Span(0, len(text)), rule, _named_year(match), span, _named_month(match))
                elif rule.rule.scope == "clause":
                    yield from (Mark(clause, rule, _named_year(match)) for clause in _clauses_over(clauses, clause_starts, span))
                elif rule.rule.scope == "item":
                    yield Mark(_item(breaks, span, len(text)), rule)
                else:
                    yield Mark(span, rule, _named_year(match))

    def _duties_of_places(self, text: str, clauses: list[Span]) -> Iterator[Span]:
        """The clauses of ``text`` that bind the plan's places to a work (fragment places_bound_to_work)."""
        return (clause for clause in clauses if self.places_bound.match(text, clause.start))

    @staticmethod
    def _heading_marks(rules: tuple[CompiledRule, ...], text: str, context: Context, kept: Iterable[Span] = ()) -> list[Mark]:
        """A cue of `scope: heading` (发展基础, 补助标准) speaks of the whole sentence under a heading it matches, but for
        the clauses ``kept`` (read lazily: most sentences stand under no such heading)."""
        # an item that is one sentence is its own heading (（一）每月向县政府报送1次工作进展。): its title is this
        # sentence, which names no kind of section
        headings = tuple(title for title in context.headings if title != text.rstrip(_SENTENCE_ENDS))
        cue = _heading_cue(rules, headings)
        return [] if cue is None else [Mark(span, cue) for span in _uncovered(Span(0, len(text)), list(kept))]

    # --- targets -------------------------------------------------------------

    def _candidates(self, found: list[tuple[CompiledRule, list[regex.Match]]], text: str, clauses: list[Span],
                    excluded: list[Mark], bases: list[Mark]) -> list[Candidate]:
        """What the rules read (``found``: each rule that matched, with its matches), in text order; a candidate
        an exclude cue speaks of is decided *not a target* and leaves its words to the rules after it. A milestone
        gives way to a count of its clause, but not to the base of a change (``bases``: 在2022年4000个的基础上翻一番)."""
        candidates: list[Candidate] = []
        read: list[tuple[int, int]] = []  # spans of the candidates kept so far, in order: they never overlap
        clause_starts = [clause.start for clause in clauses]
        exclusions = _MarksByPlace(excluded, len(text))
        listed = bytearray(len(text))  # 1 where a listed candidate's number stands
        # 1 after the low end of a range decided not a target: its high end is no number of its own for a rule after it to
        # read (农村低保标准每年提高200元至300元: no 300 元 alone)
        range_rest = bytearray(len(text))
        for rule, matches in found:
            for match in matches:
                span = Span(*match.span())
                before = bisect_left(read, (span.end,))  # the kept spans that start before this one ends
                if before and span.start < read[before - 1][1]:
                    continue  # an earlier rule already read these words
                groups = match.groupdict()  # in one call: a group looked up by its name costs a call of its own
                anchor = _anchor(match, groups, span)
                if range_rest.find(1, anchor.start, anchor.end) >= 0:
                    continue
                candidate = self._candidate(rule, match, groups, span, anchor, _clause_at(clauses, clause_starts, anchor.start))
                if candidate is None:
                    continue
                mark = exclusions.first_deciding(candidate)
                if mark is not None:
                    if listed.find(1, anchor.start, anchor.end) >= 0:
                        continue  # already listed as rejected by an earlier rule
                    candidate.decide(NOT_TARGET, mark.cue.id)
                    if candidate.amount is not None and candidate.amount.value_max is not None:
                        range_rest[anchor.end:span.end] = b"\x01" * (span.end - anchor.end)
                else:
                    insort(read, (span.start, span.end))
                listed[anchor.start:anchor.end] = b"\x01" * (anchor.end - anchor.start)
                candidates.append(candidate)
        counts = [c for c in candidates if c.amount is not None and c.decision != NOT_TARGET
                  and not any(mark.decides(c, touching=False) for mark in bases)]
        # 均开设 with a count is the count's target, not a milestone as well, and so is 全部建成 in the clause after the
        # count of what it covers (全县14个乡镇，全部建成综合文化站), whose clause the count then runs on to: quoted and
        # named with what they all do, as 165个活动室均开设… is
        for milestone in [c for c in candidates if c.amount is None]:
            counting = next((count for count in counts if self._counts_what_follows(text, count, milestone)), None)
            if counting is not None:
                counting.clause = Span(counting.clause.start, milestone.clause.end)
        candidates = [c for c in candidates if c.amount is not None
                      or not any((count.clause.start <= c.anchor.start < count.clause.end and not _listed_apart_from(text, count, c))
                                 for count in counts)]
        return _one_milestone_a_phrase(sorted(candidates, key=lambda candidate: candidate.anchor.start), text)

    def _counts_what_follows(self, text: str, count: Candidate, milestone: Candidate) -> bool:
        """Whether ``count`` is the subject of the clause after its own, which opens with every one of them and holds
        ``milestone`` (全区32所中小学，全部配备心理健康教师: fragment all_of_the_counted); a count its own clause acts on
        (新建村级卫生室30个，全部实现医保联网结算) is a work of its own, and the milestone another."""
        every = self.all_of_the_counted.match(text, count.span.end)
        return (every is not None and milestone.clause.start <= every.end() <= milestone.anchor.end
                and self.acting_word.search(text, count.clause.start, count.anchor.start) is None)

    def _candidate(self, rule: CompiledRule, match: regex.Match, groups: dict[str, Optional[str]], span: Span, anchor: Span,
                   clause: Span | None) -> Candidate | None:
        """The candidate a rule's match reads (``groups``: its named groups), or None for words that read as no number."""
        clause = clause or Span(0, len(match.string))
        if rule.rule.kind == MILESTONE:  # a bound after it (翻一番以上) is its comparator
            bound = groups.get("cmp_after")
            return Candidate(rule, span, anchor, None, None, (self.rules.comparator(bound, None) if bound else None) or "=", MILESTONE, clause)
        worded = rule.rule.values.get(groups.get("amount") or "")  # 三位数: a word whose value the rule gives
        quantity = (read_quantity(groups, self.rules, rule.rule.value, rule.rule.unit) if worded is None
                    else read_quantity({**groups, "amount": None}, self.rules, worded, rule.rule.unit))
        if quantity is None:
            return None  # words that look like a number but read as none
        if groups.get("brought_to") and _brings_a_level(quantity.amount, rule.rule.level_over_change):
            return None  # 日供水能力增加5万吨至30万吨: no range but a change and the level it brings, which the rules after read
        kind = rule.rule.kind or self.rules.unit_kinds.get(quantity.unit or "", quantity.kind)
        unit, own_repeat = self._count_per_period(self._per_said_once(match.string, Span(clause.start, span.start), anchor.start, quantity.unit),
                                                  match.string[clause.start:span.start])
        review = [rule.rule.review] if rule.rule.review else []
        review += competing_readings(match.string, anchor.start, anchor.end, span.end)
        comparator, word = self._comparator(quantity.amount, quantity.unit, groups)
        if comparator is None:
            comparator, word = (rule.rule.comparator, None) if rule.rule.comparator else self._level_reached(match.string, clause, span)
        reached = word in self.rules.lexicon.reached_words
        going_down, falls_if_named = (self._reached_going_down(match.string, clause, anchor)
                                      if comparator in ("=", ">=") and not groups.get("cmp_after") else (None, None))
        if going_down:  # not 达到30以下, which says its way itself
            comparator, reached = going_down, True
        if self.negated.match(match.string, clause.start, anchor.start, patterns.NOT_CONCURRENT):
            comparator = _OPPOSITE.get(comparator, comparator)
        return Candidate(rule, span, anchor, quantity.amount, unit, comparator, kind, clause, review=review, own_repeat=own_repeat,
                         change=self._change(match.string, clause, anchor.start, kind), reached=reached, falls_if_named=falls_if_named)

    def _per_said_once(self, text: str, name: Span, number: int, unit: Optional[str]) -> Optional[str]:
        """``unit`` with what it is per said once with the ``name`` before the ``number``: a per closing the name before the
        comparator or 拥有 is the unit's, as one written after it (社会体育指导员每千人达到3名: 名/千人, as 达到每千人3名), and so is
        the per a density's things are set by, whatever stands before it (城区每5万人配置1个消防站: 个/5万人; 沿线每50公里
        至少设置1座: 座/50公里); the
        same per as the unit's opening the name is the name's (人均公园绿地面积达到15平方米/人: 平方米, as 达到15平方米 writes it;
        亩产达到450公斤/亩: 公斤; 日均客运量达到100万人次/天: 人次), but for what flows per day (日均供水量30万吨/日)."""
        head, slash, _ = (unit or "").partition("/")
        closing = (per_closing_a_name(text, name.start, name.end, compared=bool(self.comparator_before.match(text, name.end, None, patterns.NOT_CONCURRENT)))
                   or self.density_set.match(text, name.start, number))
        if closing and head:
            return unit if slash else self.rules.lexicon.spelled(f"{head}/{per_written(closing.groupdict())}")
        opening = self.per_in_name.search(text, name.start, name.end) if slash else None
        if opening is None or self.rules.lexicon.spelled(f"{head}/{per_written(opening.groupdict())}") != unit:
            return unit
        entry = self.rules.lexicon.entry(head)
        return head if not opening.group("per_period") or entry is not None and entry.measure == COUNT else unit

    def _count_per_period(self, unit: Optional[str], before: str) -> tuple[Optional[str], tuple[Optional[str], Optional[str]]]:
        """A count per a period with a frequency (1.5万人/年, 2000人次/年, 1次/季度, 2次/月) is that count done each
        period, as 每年新增就业1.5万人 writes it: its measure word, and the frequency and period of 每年, 每季度, 每月.
        A count per a period with no frequency (5000人次/日, 3次/周, 2次/旬, 2次/学期) keeps its unit as written: folded,
        a daily capacity or cap would read as a total in every field of the output. So is a sum of money per such a
        period a work verb ``before`` it spends or raises (安排资金5000万元/年, as 每年安排5000万元); a level of income or
        output counted per year is one level, a work in its name too (人均可支配收入达到2.5万元/年, 销售收入达到5亿元/年:
        元/年, no yearly sum). What flows keeps its rate, a
        physical unit (30万吨/年, 500万千瓦时/年), and so does a count or sum per head and period (1次/人·年, 元/人·年) or
        per hour (30人次/小时)."""
        head, slash, per = (unit or "").partition("/")
        entry = self.rules.lexicon.entry(head)
        if (not slash or entry is None or entry.measure not in _DONE_EACH_PERIOD
                or self.rules.lexicon.entry(unit or "") is not None
                or entry.measure == _MONEY_MEASURE and not self.sum_worked.search(before)):
            return unit, (None, None)
        repeat = self.rules.repeat(_EVERY + per)
        return (head, repeat) if repeat[0] is not None else (unit, (None, None))

    def _change(self, text: str, clause: Span, number: int, kind: str) -> Optional[str]:
        """The change the words before the number say (下降8%, 压减化肥施用量10%, 减少渔船30艘); a count after an increase
        and what it adds is a count of new things, no change of a level (增加普惠性养老床位1200张)."""
        if not self._change_word_before(text, clause, number):
            return None  # the change group is one of the words, within the match (lexicon.changes is looked up with it)
        change = self.change_before.match(text, clause.start, number)
        if change is None:
            return None
        meaning = self.rules.lexicon.changes[change.group("change")]
        return None if change.group("changed") and meaning == _MORE and kind != _SHARE_KIND else meaning

    def _change_word_before(self, text: str, clause: Span, number: int) -> bool:
        """Whether a change word may stand between the clause's start and the number. The clause's first one is
        found once for all its values (sought again for each value, many values in one clause took time as the
        square of their number); only a first word that runs past the number needs the search bounded by it. The search
        ends with the clause: searched to the sentence's end, each of a sentence's many clauses took time as its length."""
        first = _first_match_span(self.change_words, text, clause.start, clause.end)
        if first is None or first[0] >= number:
            return False
        return first[1] <= number or self.change_words.search(text, clause.start, number) is not None

    def _level_reached(self, text: str, clause: Span, span: Span) -> tuple[str, Optional[str]]:
        """The comparator of a change word and 到 or 至 with what it changes between them (提高覆盖率到90%: at least,
        as 提高到 is; 降低空置率至5%: at most), or of a comparator word with the event a time is counted from between
        (缩短至震后5分钟: at most), or of a margin off a base (高于全省平均水平1个百分点, 低于全国平均水平1个百分点: at
        least that far above or below), else ``=``; and the word that says it."""
        reached = self.level_reached.match(text, clause.start, span.start)
        if reached is None:
            return "=", None
        if reached.group("margin"):
            return ">=", None
        word = reached.group("comparator") or reached.group("change") + reached.group("to")
        return self.rules.comparators.get(word, "="), word

    def _reached_going_down(self, text: str, clause: Span, number: Span) -> tuple[Optional[str], Optional[_FallingMeasure]]:
        """What a bare word of reaching right before the ``number`` means of a measure that falls written before it
        (孕产妇死亡率达到10/10万, 失业率为5.5%: at most), else the falling measure whose name the word would take if the
        target's name says it (…浓度为35微克/立方米，到2025年力争达到30微克/立方米: going_down_by_name)."""
        # matched backwards from the number only (a reversed pattern's match is anchored at the end): a search would try
        # every start back through a long clause, for every number in it
        respectively = text.rfind(_RESPECTIVELY, clause.start, number.start)
        first_value = _DIGIT.search(text, respectively, number.end) if respectively >= 0 else None
        if first_value and any(falling.reach.match(text, respectively, first_value.start()) for falling in self.falling):
            # 空气质量优良天数比例、PM2.5平均浓度分别达到90%、30微克/立方米: each value of a list before 分别 is of the measure
            # it is named by, which decides (going_down_by_name), not the last measure written before the word
            return None, _falling_named_in_list(self.falling, text, clause.start, respectively)
        for falling in self.falling:
            if falling.reach.match(text, clause.start, number.start):
                return (falling.means, None) if falling.reached.match(text, clause.start, number.start) else (None, falling)
        return None, None

    @staticmethod
    def going_down_by_name(targets: list[Target], candidates: list[Candidate]) -> None:
        """A level reached with a bare word and named in a clause before (2020年，全市PM2.5年均浓度为35微克/立方米，到
        2025年力争达到30微克/立方米: the 30 takes the name PM2.5年均浓度) is at most that level when the name says a
        measure that falls, as the measure written before the word says it."""
        for target, candidate in zip(targets, candidates):
            falling = candidate.falls_if_named
            if falling and target.kind != BASELINE and target.indicator and falling.named.search(target.indicator):
                target.comparator = falling.means

    def _comparator(self, amount: Amount, unit: Optional[str], groups: dict[str, Optional[str]]) -> tuple[Optional[str], Optional[str]]:
        """The comparator the words around the amount say (of its ``unit``'s measure, for a word whose meaning
        depends on it: 优于0.5米) and the word that says it, or None when they say none."""
        if amount.value_max is not None:
            return "range", None
        if amount.at_least:
            return ">", None
        for word in (groups.get("cmp_after"), groups.get("cmp_more"), groups.get("cmp_before")):
            means = self.rules.comparator(word, unit) if word else None
            if means:
                return means, word
        return None, None

    def _quote_start(self, text: str, clause: Span) -> int:
        """A clause opening with a list item's marker (…；②筹集…) or its deadline (到2025年全区…, 2025年汛期前完成…), the
        deadline's doer before it too (县水利局不晚于2025年6月完成…), is quoted from after them; not from after the first of a
        list of years, each the year of its own value (2026年、2027年…分别完成120个、150个…)."""
        marker = self.list_marker.match(text, clause.start, clause.end, patterns.NOT_CONCURRENT)
        start = marker.end() if marker else clause.start
        doer = self.doer_before_its_year.match(text, start, clause.end, patterns.NOT_CONCURRENT)
        due_from = doer.end() if doer else start
        opening = self.deadline_year.match(text, due_from, clause.end, patterns.NOT_CONCURRENT) or self.plan_period.match(text, start, clause.end, patterns.NOT_CONCURRENT)
        if not opening or opening.end() >= clause.end or text[opening.end()] == _ENUMERATION_COMMA:
            return start
        within = self.time_within_a_named_year.match(text, opening.end(), clause.end)  # 2025年|汛期前完成…: the year's too
        return within.end() if within else opening.end()

    # --- deadline and frequency ----------------------------------------------

    def _year_in(self, phrase: str) -> Optional[int]:
        """The year a phrase names (2016年起 -> 2016), or None (之后)."""
        named = self.year.search(phrase)
        return digit_year(named.group()) if named else None

    def _years(self, text: str, frame: PlanFrame = PlanFrame(), relative: Optional[list[regex.Match]] = None) -> list[tuple[int, int]]:
        """(position, year) of every deadline phrase in ``text``, relative ones (5年内) counted in ``frame``; ``relative``:
        the matches of relative_deadline in ``text``, when found already."""
        relative = list(self.relative_deadline_scan.finditer(text)) if relative is None else relative
        scanned = list(self.deadline_year_scan.finditer(text))
        # what times a work: a relative deadline (6月底前，…) or a year of the plan (2024年，…; 2024年底前，…: reader Y11)
        timed = [m.start() for m in relative] + [m.start() for m in scanned if not _before(self._year_of(m), frame.present)]
        dated = [m for m in scanned if not self._worked_on_before(text, m, frame, timed)]
        found = [(m.start(), self._year_of(m)) for m in dated]
        # 到2025年，…达到2020年的70%: a year with 的 after it, earlier than a year before it, is the base the value
        # is measured against; 提高到2025年的70%, 到2025年的目标 are due then (a multiple's year, 2020年的1.5倍, is never a deadline)
        of_year = {m.start() for m in dated if text.startswith(_OF, m.end())}
        for match in self.plan_period.finditer(text, None, None, False, patterns.NOT_CONCURRENT):
            plan = self.rules.five_year_plan(match.group())
            if plan is not None:
                found.append((match.start(), plan.end))  # “十三五”期间 is due by 2020
        for match in relative:
            year = self.relative_year(match.group(), frame)
            if year is not None:
                found.append((match.start(), year))
        # 2024年完成摸底排查，次年完成…改造300户: the year after the last one named before it; 2025年，…，当年底前完成…: that year
        for after, pattern in ((1, self.year_after_the_one_named), (0, self.the_year_named)):
            for match in pattern.finditer(text, None, None, False, patterns.NOT_CONCURRENT):
                named = [(start, year) for start, year in found if start < match.start()]
                if named:
                    found.append((match.start(), max(named)[1] + after))
        kept: list[tuple[int, int]] = []
        latest = 0  # the latest year kept so far
        for start, year in sorted(found):
            if start in of_year and year < latest:
                continue
            kept.append((start, year))
            latest = max(latest, year)
        return kept

    def _year_of(self, dated: regex.Match) -> int:
        """The year a deadline phrase names (2025年底前 -> 2025), and the year before it where the day that opens it follows
        (2025年元旦前 -> 2024)."""
        year = digit_year(self.year.search(dated.group()).group())
        return year - 1 if self.new_year_day.match(dated.string, dated.end()) else year

    def _worked_on_before(self, text: str, dated: regex.Match, frame: PlanFrame, timed: list[int]) -> bool:
        """Whether the deadline phrase ``dated`` is a year before the plan that the object of a work names, where the work
        is the plan's: the work's clause, or a clause before it, is timed by a phrase of its own (6月底前，完成2024年度教师
        考核…; 2024年，全县完成2023年度遗留的…任务120户; ``timed``: where the sentence's relative deadlines and years of the plan
        start) or a repeat (每年完成2023年度以前遗留问题整改100件), or
        the work's clause counts nothing and a level of it follows (完成2024年度学员跟踪回访，回访率达到100% in a plan of 2025).
        A count of the year's work in its own clause (完成2023年度农村危房改造任务520户) reports what was done that year,
        whatever a later clause repeats (…，今后每年新增改造300户: reader W21)."""
        named = self.year_worked_on.match(text, dated.start())
        if named is None or not _before(digit_year(self.year.search(named.group()).group()), frame.present):
            return False
        clause_end = _end_of_clause(text, named.end())
        return (any(start < clause_end for start in timed) or self.frequency_word.search(text, 0, clause_end) is not None
                or _A_NUMBER.search(text, named.end(), clause_end) is None)

    def relative_year(self, phrase: str, frame: PlanFrame) -> Optional[int]:
        """2012年起5年内 -> 2016; 5年内, 用三年时间 -> the plan's first year + 4, + 2; 到规划期末 -> its last year;
        前三年, 后两年 (of the plan's span) -> its first year + 2, its last year;
        年内, 今年底前 -> the first year it acts in (its first year, or the year it was signed if later); 明年 the one after
        the year it was written (a plan signed before its period says 明年 of its first year), 后年 the one after that, 今冬明春 the spring after
        this winter (PlanFrame.next_spring), 本学年内 the year the school year ends in (PlanFrame.school_year_end);
        全年, 6月底前, 汛期前 -> the year of a one-year plan, or of a plan that gives no period (a yearly work plan dated 2024年3月
        says 全年 of 2024, as its 今年); none of a plan of several years; but a month (3月底前), and 春节前, in a campaign
        across a new year whose months it gives -> the year the month falls in (PlanFrame.year_of_month), the last of a
        stage's months (（11月—12月）) too."""
        if frame.months is not None and not self.whole_year.match(phrase):
            months = [month.group() for month in self.month_number.finditer(phrase)]  # a stage's (11月—12月): its last
            if months and self.time_in_the_year.fullmatch(phrase):
                return frame.year_of_month(integer_written(months[-1]))
            if self.across_the_new_year.match(phrase):
                return frame.end  # the feast, and a winter's work, fall in or end in the campaign's last year
        if self.across_the_new_year.match(phrase):
            return None  # in a plan of one year named by its first (2024年冬季…专项行动), it may be of the next (reader P15)
        if self.whole_year.match(phrase) or self.time_in_the_year.fullmatch(phrase) or self.the_year_named.fullmatch(phrase):
            return frame.start if frame.end in (None, frame.start) else None
        if self.the_plans_end.match(phrase) or self.plans_last_years.match(phrase):
            return frame.end  # 后两年新建…: the plan's last years end with it
        if self.plans_first_years.match(phrase):
            *_, count = _NUMBER_IN_PHRASE.finditer(phrase)  # 三年行动前两年: the count of its first years, not of the plan's
            return None if frame.start is None else frame.start + integer_written(count.group()) - 1
        if self.next_spring_word.match(phrase):
            return frame.next_spring(self.rules.turns_of_the_year)
        if self.this_school_year.match(phrase):
            return frame.school_year_end(self.rules.turns_of_the_year)
        if self.next_year_word.match(phrase):
            return None if frame.written is None else frame.written + 1
        if self.year_after_next.match(phrase):
            return None if frame.written is None else frame.written + 2
        if self.first_half_of_the_year.search(phrase):
            return frame.first_half(self.rules.turns_of_the_year)
        start = self.year.search(phrase)
        base = digit_year(start.group()) if start else frame.start
        count = _NUMBER_IN_PHRASE.search(phrase[start.end():] if start else phrase)
        if count is None:
            return frame.present
        years = integer_written(count.group())
        return base + int(years) - 1 if base is not None and years else None

    def _unknown_years(self, frame: PlanFrame, relative: list[regex.Match]) -> list[int]:
        """Where each deadline phrase (``relative``: the matches of relative_deadline in a sentence) ends that counts from
        years the plan does not give (年底前, 3年内 in a plan with no date nor period; a month or a season, 6月底前, 汛期前, in a
        plan of several years, of which it names none; 春节前, which may be of the year after a plan of one year): a number after
        one is due in a year left unknown rather than guessed, and flagged. (全年 in a plan of several years is no
        deadline: 全年空气质量优良天数比例 measures each year.)"""
        if frame.present is not None and frame.end is not None:
            return [match.end() for match in relative
                    if (self.time_in_the_year.fullmatch(match.group()) or self.across_the_new_year.match(match.group()))
                    and self.relative_year(match.group(), frame) is None]
        return [match.end() for match in relative if self.relative_year(match.group(), frame) is None]

    def _deadline(self, text: str, anchor: Span, context: Context, marks: _SentenceMarks, clause_start: int) -> Optional[int]:
        """The candidate's own clause and sentence first, then the lead line above it, then its headings. A time word
        within a milestone's own words (确保全年不发生重大事故，实现“零事故”) is its own, though a target follows it."""
        position = anchor.start
        years = marks.years
        first_after = bisect_left(years, (position,))
        before = self._year_before(text, position, context, marks, clause_start)
        if before is not None:
            return before
        # A year after the number, in the same item, is its deadline (建成10个，2025年前完成)
        # unless it opens another target's clause (达到150万亩，其中2023年新建10万亩) or a task of its own.
        item_end = marks.next_break(position, len(text))
        for start, year in years[first_after:]:
            if start < anchor.end:
                return year
            if start >= item_end or self._opens_a_task(text, start, clause_start, position):
                break
            if not position < marks.last_anchor or start >= marks.last_anchor:
                return year
        summed = self.years_summed.search(text, self._summed_from(text, clause_start, position, marks), position, marks)
        if summed is not None and self.relative_year(summed.group(), context.frame) == context.frame.end:
            # 三年累计完成改造100个 in a plan of three years sums the plan's years: due by its end, as "十四五"期间 is by 2025;
            # a count of other years (三年累计 in a plan of five, or of one) names no year of the plan
            return context.frame.end
        if context.lead_year is not None:
            return context.lead_year
        for at, title in reversed(list(enumerate(context.headings))):
            if ("，" in title and context.reads_its_title and at == len(context.headings) - 1
                    and (len(title) > _LABEL_LENGTH or text.startswith(title))):
                # a sentence read as the paragraph's words, taken for its title (推进公共数据开放共享 2024年底前建成…平台，
                # …编制率达到100%。每年新增…300个 on a page of one line) or an item that is one sentence ((三)2024年底前完成城市
                # 体检，2025年起每年开展1次), is read as its first sentence, whose years date it alone, as any sentence's do; a
                # label's date (实施阶段（2014年6月至2015年5月）) dates its words
                continue
            in_title = _years_in_title(self, title, context.frame)
            if marks.unknown_year_before(position):
                # a sentence with a time of its own whose year the plan leaves unknown (春节前开展…3次 under （一）6月底前完成…
                # in a plan of 2025: reader W9) takes a year its heading writes (（一）2025年重点工作), not the heading's own time
                in_title = tuple((start, year) for start, year in in_title if not self.relative_deadline.match(title, start))
            if len(title) > _LABEL_LENGTH and "，" in title:
                # a sentence taken for a title (flattened text) gives its items only a year of its opening
                # words (2015年，建设…；…, 集中整改问题（2014年2-5月）各单位…，), not one further on
                # (…，在“十四五”时期实施5项提升行动)
                opening = title.find("，")
                in_title = tuple((start, year) for start, year in in_title if start < opening)
            if in_title:
                return max(year for _, year in in_title)  # 实施阶段（2013年12月-2014年5月） is due by its end
        return None

    def _year_before(self, text: str, position: int, context: Context, marks: _SentenceMarks, clause_start: int) -> Optional[int]:
        """The year before the number at ``position`` in its sentence that it is due by, if any."""
        own_repeats = marks.repeats[bisect_left(marks.repeat_starts, clause_start):bisect_left(marks.repeat_starts, position)]
        yearly = any(not self._within_a_year(repeat.group()) for repeat in own_repeats)
        summed = self.years_summed.search(text, clause_start, position, marks) is not None
        last_listed = None  # the last of years listed each with its part, in the item of the number
        for start, year in reversed(marks.years[:bisect_left(marks.years, (position,))]):
            if marks.runs_past(year, start + 1, position):
                break  # 2015年新建12所，2016年起每年新建10所: a clause that runs from after a year is not due by it
            if start < clause_start and _in_a_part(text, start):
                continue  # 完成改造600户，其中2024年200户；…比例达到60%: the year of a part dates that part alone
            if own_repeats and start < clause_start and self.year_worked_on.match(text, start):
                continue  # 完成2024年度改造任务480户，每季度开展一次“回头看”: the year of a work's object, no time of a rhythm after
            if start < clause_start and self._listed_for_respectively(text, start, clause_start):
                # …分别新建…，新建5万吨级泊位2个: the clause goes on within the years listed, due the last of them, unless a year
                # before them frames the sentence (到2026年，全县2024年、2025年分别…), or it stands for every year, repeated or
                # of what each one has (…，中小学校每学期开展…不少于4课时; …，每个服务站配备…不少于1名): no year's
                if last_listed is None and not (own_repeats or self.each_one_has.match(text, clause_start)):
                    last_listed = year
                continue
            if start < clause_start and _in_a_list_of_years(text, start):
                # …2025年完成130个，同步建设管网50公里: the item goes on within the years listed, due the last of them, unless
                # a year before them frames the sentence (到2026年，…2024年建成3所、2025年建成2所，新增学位2400个) or the
                # item ends between (…2025年完成130个；二是…15条)
                if last_listed is None and marks.next_break(start, position) >= position:
                    last_listed = year
                continue
            if start < clause_start and _before(year, context.frame.present) and self._aims(text, clause_start, position, marks):
                break  # 2020年全市污水处理率为92%，力争达到98%: a later clause that aims looks past a year before the plan
            if not ((own_repeats or summed) and start < clause_start
                    and self._dates_a_task_of_its_own(text, start, yearly, clause_start, position, summed)):
                return year
        return last_listed

    def _summed_from(self, text: str, clause_start: int, position: int, marks: _SentenceMarks) -> int:
        """Where the stretch opens that a total over the plan's years before the number at ``position`` dates it from: its
        item (to the last ；), when its clause repeats nothing of its own, for a part of the total (三年新建养老服务中心30个，
        其中街道综合养老服务中心10个) and a level reached with it (三年累计完成造林绿化5万亩，森林覆盖率稳定在62%以上) run over the same
        years (conventions in tests/data/unseen/README.md); else ``clause_start``. A part paid each year (其中市级财政每年
        安排…) is a year's, no sum, and what each one has (…，每个设施配备…不少于3名) a standard of no year."""
        if marks.repeat_between(clause_start, position) or self.each_one_has.match(text, clause_start):
            return clause_start
        return _start_of_clause(text, clause_start, _ITEM_MARKS)

    def _listed_for_respectively(self, text: str, start: int, clause_start: int) -> bool:
        """Whether the year at ``start`` is one of years listed together before the 分别 of a clause that ends before
        ``clause_start`` (2026年、2027年分别新增示范学校20所、25所，中小学校每学期开展…不少于4课时): the list's values share them
        out, and the clause after takes none (its 4 课时 is due in no one of them)."""
        return any(match.start() - 2 <= start < match.end() <= clause_start
                   for match in self.years_before_respectively.finditer(text, 0, clause_start))

    def _aims(self, text: str, start: int, end: int, marks: _SentenceMarks) -> bool:
        """Whether ``text[start:end]`` holds a word of an aim (力争, 计划新建) or names the goal (目标值为)."""
        return _any_between(marks.futures, start, end) or self.goal_named.search(text, start, end) is not None

    def _opens_a_task(self, text: str, start: int, clause_start: int, number: int) -> bool:
        """Whether the date phrase at ``start`` opens a task of its own (…，2025年开展中期评估) or an outcome set hedged
        (…，到2025年基本消除老年人“数字鸿沟”), not the completion of what the number at ``number``, in its clause from
        ``clause_start``, counts (…，2025年前完成; 新建农村公厕50座，2025年底前完成全县农村公厕改造)."""
        phrase = (self.deadline_year.match(text, start) or self.relative_deadline.match(text, start)
                  or self.plan_period.match(text, start))
        if phrase is None:
            return False
        if self.task_after_date.match(text, phrase.end()) is not None:
            return True
        counting = text[clause_start:number]
        over_a_place = self.completion_over_a_place.match(text, phrase.end())
        if over_a_place is not None:
            clause_end = self.clause_end.search(text, over_a_place.end())
            return not self._names_the_counted(text[over_a_place.end():clause_end.start() if clause_end else len(text)], counting)
        return self._sets_a_hedged_outcome(text, phrase, counting)

    def _sets_a_hedged_outcome(self, text: str, phrase: regex.Match, counting: str) -> bool:
        """Whether the year reached by (到2025年) of ``phrase`` opens a clause that sets an outcome hedged (…，到2025年基本
        实现乡镇公办中心园全覆盖): a goal of its own, as one taken would be, which the year dates rather than the number
        before; not a hedged completion of the work the words ``counting`` count, its object written after it or before
        (改造老旧小区45个，到2025年基本完成改造任务; …，到2025年，全市老旧小区改造基本完成; 新建农村公厕50座，到2025年农村公厕
        基本实现全覆盖)."""
        if not (phrase.group().lstrip().startswith("到") or text[phrase.start() - 1:phrase.start()] == "到"):
            return False
        opening = phrase.end()
        clause_end = self.clause_end.search(text, opening)
        if clause_end is not None and not text[opening:clause_end.start()].strip():  # 到2025年，基本…
            opening = clause_end.end()
            clause_end = self.clause_end.search(text, opening)
        end = clause_end.start() if clause_end else len(text)
        hedged = self.hedged_outcome.search(text, opening, end)
        if hedged is None:
            return False
        completion = self.hedged_completion.match(text, hedged.start(), end)
        if completion is None:
            return True
        return not self._names_the_counted(text[opening:hedged.start()] + text[completion.end():end], counting)

    def _names_the_counted(self, words: str, counting: str) -> bool:
        """Whether the object ``words`` of a completion has as the head of one of its items what the words ``counting`` (a
        number's clause up to it) count, or names nothing but the number's own work (改造农村危房300户，…完成全县改造任务):
        完成全县农村公厕改造和管护 after 农村公厕新建50座 (公厕), not 完成全市绿道标识系统建设 after 新建城市绿道40公里 (系统: the
        signs are a task of their own), nor 完成全县村卫生室标准化建设 after 依托村卫生室培训乡村医生800名 (the doctors are counted).
        An object whose work is said by its manner (全市停车泊位智能化改造) names what is counted if it holds its head."""
        counted, verb = self._counted_noun(counting)
        items = [self._without_the_work(item.strip()) for item in _LIST_JOIN.split(_OBJECT_NOTE.sub("", words))]
        if not any(items):
            return verb is not None and verb.group() in words
        counted_head = _OBJECT_HEAD.search(counted)
        for named in filter(None, items):
            if self.manner_of_work.search(named) is not None:
                if counted_head is not None and counted_head.group() in named:
                    return True
            elif (head := _OBJECT_HEAD.search(named)) is not None and head.group() in counted:
                return True
        return False

    def _counted_noun(self, counting: str) -> tuple[str, Optional[regex.Match]]:
        """What the number after the words ``counting`` counts, and the verb of its work: the words after the last verb
        (依托村卫生室培训乡村医生: 乡村医生), after an item listed before with its own number (新建村卫生室12所、乡镇卫生院:
        乡镇卫生院), or before the verb the number follows (农村公厕新建: 农村公厕)."""
        verb = self.last_acting_word.search(counting)
        if verb is None:
            return counting, None
        if not counting[verb.end():].strip():
            return counting[:verb.start()], verb
        listed = _LISTED_BEFORE.search(counting, verb.end())
        return counting[listed.end() if listed else verb.end():], verb

    def _without_the_work(self, words: str) -> str:
        """``words`` with the words of work that end them left off, one at a time from the end (全县村卫生室标准化建设:
        全县村卫生室), so that a long run of them takes time in its length, not in its square."""
        end = len(words)
        while end and (work := self.work_on_an_object.match(words, 0, end)) is not None:
            end = work.start()
        return words[:end]

    def _dates_a_task_of_its_own(self, text: str, start: int, yearly: bool, clause_start: int, position: int, summed: bool = False) -> bool:
        """Whether the date at ``start`` is a due date a subject is set, 于 or 在 it, for a task the clause goes on with
        (各乡镇要于2024年6月30日前制定实施方案，…; 要于3月15日前…): it dates that task, not a later clause's standing repeat (…，县卫生
        健康局每半年通报一次工作进展); so does a date a task is due before (2026年底前完成…全覆盖，每年培育…10家; 2024年底前完成城区
        管网改造20公里，每年新改建供水管网10公里) for a later clause repeated each year (``yearly``, its number at
        ``position``), which runs over the plan, while a yearly pace of a total the task counts (2025年前完成老旧小区改造300个，
        自2023年起每年改造100个以上) or a repeat within a year (…开设心理门诊1个，门诊每周开诊不少于5天: the rhythm of what the
        task set up) is due with it; and so does a date a task is due by or done in for a later clause that sums the plan's years
        (``summed``: 2026年完成改造30个，三年累计完成改造100个; 2026年底前完成…摸底排查，三年盘活…8万平方米), a total over the
        plan however it paces. A date reached by (到2025年，…每年培训…; 到2020年每年…) frames the whole sentence."""
        phrase = self.deadline_year.match(text, start)
        if phrase is None or not (summed or self.due_by.match(text, start)):
            phrase = self.time_in_the_year.match(text, start)  # 于3月15日前制定…: by a day of the plan's year
        if phrase is None:
            return False
        rest = self.clause_end.search(text, phrase.end())
        task = text[phrase.end():rest.start() if rest else len(text)]
        return bool(task.strip()) and (phrase.group().startswith(_SET_DATE) or (
            (yearly or summed) and not phrase.group().lstrip().startswith(_REACHED_BY)
            and (summed or not self._paces(task, text, clause_start, position))))

    def _paces(self, task: str, text: str, clause_start: int, position: int) -> bool:
        """Whether the number at ``position``, in its clause from ``clause_start``, counts the work of ``task`` at a pace:
        the same measure word as a number of the task, and the thing it counts named there (…完成农村公路提档升级150公里，
        每年提档升级农村公路50公里: 农村公路) or left unsaid (…完成老旧小区改造300个，每年改造100个; …新建村级光伏电站120座，
        每年建成40座); not another work of the same unit (…完成城区管网改造20公里，每年新改建供水管网10公里)."""
        measure = _MEASURE_WORD.match(text, position)
        if measure is None or measure.group(1) not in {unit.group(1) for unit in _MEASURE_WORD.finditer(task)}:
            return False
        counting = text[clause_start:position]
        verb = self.last_acting_word.search(counting)
        repeats = [repeat.end() for repeat in self.repeat_word.finditer(counting)] if verb is None else [verb.end()]
        counted = counting[repeats[-1] if repeats else 0:][-_DESCRIPTION_REACH:]  # a thing's name, not the whole clause before it
        # the thing left unsaid (每年改造100个) is the task's; a thing named is, or a name of two words of it (农村公路 of
        # 提档升级农村公路), stands in the task
        return not counted or any(counted[at:at + _NAME_OF_TWO_WORDS] in task for at in range(max(1, len(counted) - _NAME_OF_TWO_WORDS + 1)))

    def _frequency(self, text: str, position: int, clause_start: int, marks: _SentenceMarks,
                   milestone: bool = False) -> tuple[Optional[str], Optional[str]]:
        """The frequency (annual/quarterly/monthly) and the ISO 8601 period of the repeat word before ``position``
        (the number, or the words of a ``milestone``, in the clause from ``clause_start``)."""
        # A frequency reaches the numbers after it up to the next ；: items of
        # an enumeration each say their own (每年培训300名…；每年新增…10名).
        # A clause that names a measure of its own, a level or an amount (率, 数量, 面积), or reaches a stock with no act
        # of its own (每年组织茶企参加展会不少于5次，授权使用企业达到40家), or is a time a service is done within
        # (每年汛前开展1次应急演练，确保接警后30分钟内到达现场), takes none from a clause before it whose
        # frequency a number already had (每年新增就业5000人，失业率控制在4.5%以内;
        # 每年招收学员200名，全科医生数量达到每万人口4名), while a frequency that had none sets the stage for it
        # (每年年底前完成考核，考核合格率达到95%). A milestone is such a level (全覆盖, 零发生): 每年新建改造农村户厕1万户，
        # 行政村公共厕所实现全覆盖 covers the villages once; 每年…全覆盖 in its own clause covers them each year.
        # asked only when a repeat word stands in a clause before: a clause of many values searched itself again for each
        own_level: Optional[bool] = None
        for index in range(bisect_right(marks.repeat_starts, position) - 1, -1, -1):
            match = marks.repeats[index]
            if marks.next_break(match.end(), position) < position or marks.year_between(match.end(), position):
                break  # an item ends between, or a deadline (每年培训…，到2025年…达到90%): for every earlier word too
            if match.start() < clause_start and self._acts_before_a_new_subject(text, match.end(), clause_start, position, milestone):
                break  # 每年开展考核，全县选派驻村第一书记150名; 每年开展消防演练2次，全县建成微型消防站50个: the act's, not the new subject's
            if match.start() < clause_start and marks.number_between(match.end(), clause_start):
                if own_level is None:
                    own_level = self._names_its_own_level(text, clause_start, position, milestone)
                if own_level or self._keeps_a_level_after(text, match.end(), position, marks):
                    break
            if self._within_a_year(match.group()) and self._past_its_cadence(text, match, position, clause_start, marks):
                break
            if match.start() < clause_start and marks.only_excluded_between(match.end(), clause_start):
                break  # 对…示范企业每年给予奖励10万元，培育…30家: the repeat of a rule, no target, reaches no further
            if match.start() < clause_start and self._summed_since(text, match.end(), position, marks):
                break  # 每年新增就业3万人，五年累计15万人: the sum of the years
            if match.start() < clause_start and _opens_part(text, clause_start):
                break  # 其中骨干教师不低于20%: a part is counted as its whole is (_whole_repeat), not by a clause before it
            if self._rate_per_year(text, match) and (self.clause_end.search(text, match.end(), position)
                                                      or self._level_a_yearly_change_brings(text, match, position)):
                continue
            return self.rules.repeat(match.group())
        return None, None

    def _names_its_own_level(self, text: str, clause_start: int, position: int, milestone: bool) -> bool:
        """Whether the clause from ``clause_start`` to the number at ``position`` names a level of its own (a measure, a
        stock reached, a time a service is done within, or a milestone), which takes no repeat from a clause before it."""
        return (milestone or self._names_a_measure(text, clause_start, position)
                or self.stock_reached.fullmatch(text, clause_start, position) is not None
                or self.service_time.match(text, position) is not None)

    def _rate_per_year(self, text: str, repeat: regex.Match) -> bool:
        """Whether the repeat word is a yearly rate or total (年均增长, 年增长, 年产值), which its own clause holds; 年均 of a
        work (年均植树造林5万亩，森林抚育10万亩) repeats into the clauses after it, as 每年 does."""
        if not repeat.group().startswith(_RATE_WORD):
            return False
        # a word of how growth is counted may stand between (年均实际增长6%, 年均名义增长, 年均可比价增长): a change word ending
        # within a few characters; one further on is a work's own (年均造林面积增加…)
        change = self.change_words.search(text, repeat.end(), repeat.end() + _RATE_QUALIFIER_ROOM)
        return repeat.group() != _MEAN_OF_YEARS or change is not None

    def _level_a_yearly_change_brings(self, text: str, repeat: regex.Match, position: int) -> bool:
        """Whether the number at ``position`` is the level a yearly change brings, after 至 or 到 (旅游总收入年均增长15%至80亿元:
        80亿元 is due once, by the deadline), not a yearly work's (年接待游客增加50万人次至300万人次: a year's visitors)."""
        return (self.level_brought_to.match(text, 0, position) is not None
                and self.change_words.search(text, repeat.start(), repeat.end() + _RATE_QUALIFIER_ROOM) is not None)

    def _each_whole_year(self, text: str, candidate: Candidate, marks: _SentenceMarks, frame: PlanFrame) -> tuple[Optional[str], Optional[str]]:
        """A plan of several years that counts a year's whole (全年开展执法检查不少于1200家次, 全年培训…) counts each year's:
        yearly, as 每年; a year named before it is the one it counts (到2026年，全年接待游客达到800万人次). A one-year
        plan's 全年 is that year (its deadline, relative_year), and a plan of no known years leaves it unknown."""
        position, clause_start = candidate.anchor.start, candidate.clause.start
        before = bisect_left(marks.breaks, position)
        item_start = marks.breaks[before - 1] if before else 0
        if None in (frame.start, frame.end) or frame.start == frame.end or bisect_left(marks.years, (position,)):
            return None, None
        whole = self.whole_year_between.search(text, item_start, position, marks)
        if not whole:
            return None, None
        if (whole.start() < clause_start and marks.number_between(whole.end(), clause_start)
                and self._names_its_own_level(text, clause_start, position, candidate.kind == MILESTONE)
                and not (candidate.kind == _MONEY_MEASURE and self.sum_of_a_year.search(text, clause_start, position))):
            # 全年新增造林1.5万亩，森林覆盖率稳定在60%以上: the rate is a level of its own, not the year's; money the year
            # brings in (全年接待游客500万人次，实现旅游综合收入45亿元) is the year's as the visits are
            return None, None
        if whole.start() < clause_start and self.period_total.search(text, clause_start, position, marks):
            return None, None  # 全年接待游客500万人次，三年累计实现旅游收入120亿元: a sum of the years, not the year's
        return self.rules.repeat(_YEARLY)

    def cadence(self, time_limit: str) -> tuple[Optional[str], Optional[str]]:
        """The frequency and the ISO 8601 period of the first repeat a 分工表 time limit cell says (每年, 每季度,
        2024年起每半年), or (None, None): a cell that dates the task (2025年底前) or says it goes on (长期坚持) says none."""
        repeat = self.repeat_word.search(fold(time_limit))
        if repeat is None:
            return None, None
        return self.rules.repeat(repeat.group())

    def time_limit(self, time_limit: str, frame: PlanFrame) -> tuple[Optional[int], Optional[int]]:
        """A time limit (a 分工表's 时限 cell, a note's 完成时限：…, a table's caption) read in the plan's ``frame`` as the
        time opening its task's sentence is (2025年底前，完成…): the last year it writes (2025年底前, 2022—2025年 -> 2025;
        2025年元旦前 -> 2024; a start, 2025年7月起, none), and the year its time says where it writes none (全年, 6月底前,
        汛期前 -> the year of a one-year plan; 年底前 -> the year it acts in), each None where it says none (长期坚持, 每季度)."""
        opening = f"{fold(time_limit)}，"
        written = self._years(opening, frame, relative=[])
        phrase = self.relative_deadline_scan.search(opening)
        return written[-1][1] if written else None, None if phrase is None else self.relative_year(phrase.group(), frame)

    def _summed_since(self, text: str, repeat_end: int, position: int, marks: _SentenceMarks) -> bool:
        """Whether a clause after the repeat word's own, up to the number at ``position``, sums the plan's years (五年累计
        15万人, or before it: 每年…，三年累计开展讲座300场次以上，培育基地3个): the repeat reaches no number past the sum.
        In the repeat word's own clause 累计 is a year's total (每年累计培训2000人次)."""
        own_clause_end = self.clause_end.search(text, repeat_end, position)
        return own_clause_end is not None and self.period_total.search(text, own_clause_end.end(), position, marks) is not None

    def _names_a_measure(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` names a measure of its own (率, 数量, 面积, 每千人口), not a count of a repeated act (培训人数)."""
        return any(match.group("own") for match in self.own_measure.finditer(text, start, end))

    def _acts_before_a_new_subject(self, text: str, repeat_end: int, clause_start: int, position: int, milestone: bool) -> bool:
        """Whether the repeat word's own clause does something (每年开展驻村帮扶工作考核, or a counted act: 每年开展消防演练2次,
        whose number the repeat already had) and the clause from ``clause_start``
        opens with a subject of its own (全县, 各乡镇: fragment place_opening_a_clause) that builds or places a stock (fragment
        stock_verb: 全县选派驻村第一书记150名) or names a level of its own (全县经常参加体育锻炼人数比例达到40%). A flow of work
        the yearly sentence sets (每年组织开展技能竞赛，全市培训技能人才5000人次) stays yearly; a repeat word alone in its clause
        (每年，全县新建…) or with no act (每年年底前，全县…) sets the stage for the clauses after it, and one whose act is counted
        (每年安排专项资金2000万元，全县改造农村危房500户) gives its rhythm to the amounts listed after it."""
        own_clause_end = self.clause_end.search(text, repeat_end, clause_start)
        return (own_clause_end is not None and self.acting_word.search(text, repeat_end, own_clause_end.start()) is not None
                and self.place_opening_a_clause.match(text, clause_start) is not None
                and (self.stock_verb.search(text, clause_start, position) is not None
                     or self._names_its_own_level(text, clause_start, position, milestone)))

    def _keeps_a_level_after(self, text: str, repeat_end: int, position: int, marks: _SentenceMarks) -> bool:
        """Whether a clause after the repeat word's own, up to ``position``, keeps a level where it is (fragment
        keeping_word: 气象信息员队伍稳定在1.2万人左右, 监测点保持16个): a state held, which ends the repeat's reach. The
        search sees the number's first character, which tells a bare 保持 of an amount from 保持高压态势."""
        next_clause = self.clause_end.search(text, repeat_end, position)
        return bool(next_clause and self.keeping_word.search(text, next_clause.end(), position + 1, marks))

    def _within_a_year(self, word: str) -> bool:
        """Whether the repeat word ``word`` repeats within a year (每月, 每季度, 每周, 每半年), not yearly or less often."""
        return bool(_WITHIN_A_YEAR.fullmatch(self.rules.recurrence(word) or ""))

    def _past_its_cadence(self, text: str, repeat: regex.Match, position: int, clause_start: int, marks: _SentenceMarks) -> bool:
        """Whether the number at ``position`` lies past the reach of a cadence shorter than a year (``repeat``): such a
        cadence is the rhythm of the act it opens, so a later clause once the act has its number (每季度开展1次应急演练，培训
        基层应急人员800人次以上) or a whole year named after it (每月定期巡查，全年巡查不少于100次) counts a total, not
        one month's or quarter's; 每年 reaches the whole sentence (GUIDE's notes: 每年培训…，认定100人 are all yearly)."""
        after_its_number = repeat.start() < clause_start and marks.number_between(repeat.end(), clause_start)
        return after_its_number or self.whole_year_between.search(text, repeat.end(), position, marks) is not None

    def lead(self, text: str, frame: PlanFrame) -> tuple[Optional[int], Optional[CompiledRule]]:
        """The year (到2020年：) and the cue (出现下列情形之一的，启动…：) a lead line (folded text) gives the list after it."""
        text = text.strip()
        if not text.endswith(("：", ":")):
            return None, None
        years = self._years(text, frame)
        cue = next((rule for rule in self.leads if rule.matches(text)), None)
        return (years[-1][1] if years else None), cue


    def lead_within(self, text: str, frame: PlanFrame) -> Optional[tuple[int, Optional[int], Optional[CompiledRule]]]:
        """Where the lead of a list run on after it in ``text`` ends, and the year and the cue it gives the list, as
        ``lead`` gives the lines after a lead line: 到2026年，…深度融合。具体目标为：——行政村5G网络通达率达到100%；——…
        (a text whose line breaks are lost) is due in 2026 item by item. The lead is the sentence of the colon and
        the one before it (具体目标为： says no year of its own)."""
        colon = self.glued_list.search(text)
        if colon is None:
            return None
        starts = [start for start, _ in sentences(text[:colon.end()])]
        year, cue = self.lead(text[starts[-2] if len(starts) > 1 else 0:colon.end()], frame)
        return None if (year, cue) == (None, None) else (colon.start(), year, cue)

    def issuing_level(self, issuer: Optional[str]) -> Optional[str]:
        """The level of government (省, 市, 县…) whose government or party committee itself, or its general office, issued
        the plan (fragment issuing_government: 某省人民政府, 中共某市委办公室), else None (a department's plan: 某省卫生健康委员会)."""
        found = self.issuing_government.search(issuer) if issuer else None
        return found.group("level") if found else None

    def review_opening(self, text: str, context: Context) -> Optional[tuple[int, Optional[int], Optional[CompiledRule]]]:
        """Where the first sentence of a paragraph that opens with a year before the plan's own ends, and that year, as
        ``lead_within`` gives a lead's: 2023年，全县教育系统…取得新成效。全县新建改扩建中小学校5所，… in a plan for 2024 reviews
        2023 to the paragraph's end (fragment year_opening), its numbers with no year of their own baselines; not where
        a sentence after it turns to what is to be (a future word, a word of duty: 各乡镇要新建…, a year of the plan's), nor under a heading of the
        plan's aims (二、主要目标: 2020年，…。每千人口执业医师数达到3.2人 sets its goals from where it starts). An opening
        of the time up to now in the plan's own year (今年以来，) reviews it alike, by the cue it is (``_reviewing_cue``), and
        so does, above the first heading, a first sentence that reports what was (我县已建成…。全县建成集中供水工程120处。;
        截至2023年底，…。), by the cue it reports by (``_reporting_cue``)."""
        frame = context.frame
        opening = self.year_opening.match(text)
        if (opening is None and not context.preamble) or self._under_aims(context):
            return None
        first = _SENTENCE.match(text)  # the paragraph's first sentence, which a mark may open (。): only its end is sought
        if first is None:
            return None
        rest_start = first.end()
        if opening is not None:
            year = self._year_opened(opening, frame)
            cue = None if _before(year, frame.present) else self._reviewing_cue(opening.group())
            looked_at = text[rest_start:]
        else:  # a report that turns to what is to be within its first sentence (…8个，到2026年达到15个) opens no review
            year, cue = None, self._reporting_cue(text[:rest_start], frame)
            looked_at = text
        if cue is None and not _before(year, frame.present):
            return None
        if (not text[rest_start:].strip() or self.future_word.search(looked_at) or self.duty_to_do.search(looked_at)
                or any(not _before(due, frame.present) for _, due in self._years(looked_at, frame))):
            return None
        return rest_start, year, cue

    def _reviewing_cue(self, opening: str) -> Optional[CompiledRule]:
        """The baseline cue an opening of the time up to now is itself (今年以来，2024年以来，: baseline-history's 以来),
        which the paragraph's later sentences take on where the year it names is no year before the plan's and so makes
        none of them a baseline: 今年以来，全县接待游客120万人次。实现旅游收入10亿元。 in a plan for 2024 reviews both."""
        return next((cue for cue in self.baseline if cue.matches(opening)), None)

    def _reporting_cue(self, sentence: str, frame: PlanFrame) -> Optional[CompiledRule]:
        """The cue by which ``sentence`` reports what was (已建成, 截至2023年底, 目前): one that speaks of a whole sentence
        and holds at any time, as of no year of the plan (截至2025年底 in a 2024–2026 plan says when a level is due)."""
        return next((cue for cue in self.reporting for match in cue.finditer(sentence)
                     if not (year := _named_year(match)) or _before(year, frame.present)), None)

    def _year_opened(self, opening: regex.Match, frame: PlanFrame) -> Optional[int]:
        """The year a paragraph's opening (fragment year_opening) reviews from: the year it names (2023年，2021年以来，),
        the one before the plan was written (去年，上年，; 近年来，, the years up to it), the one it was written in (今年以来，),
        or the first year of the five-year plan it names up to now
        (“十四五”以来，) or the last of one it names whole (“十三五”期间，: past only when the plan comes after it)."""
        if opening.group("year"):
            return digit_year(opening.group("year"))
        if opening.group("last_year"):
            return None if frame.written is None else frame.written - 1
        if opening.group("this_year"):
            return frame.present
        plan = self.rules.five_year_plan(opening.group("plan"))
        return None if plan is None else plan.start if opening.group("since") else plan.end

    def forms(self, text: str) -> list[CompiledRule]:
        """The form cues (…承诺书) that may match a paragraph (folded text) or a sentence of it: tested once on the
        paragraph (a sentence holds no character its paragraph lacks), most paragraphs are split for none."""
        return self.possible_forms.possible(text)

    def forms_in(self, texts: list[str]) -> list[list[CompiledRule]]:
        """``forms`` of each paragraph of a document: none of any when none may match the whole text (a paragraph's
        characters are all in it), as in most plans, which attach no form: one test rather than one a paragraph."""
        if not self.possible_forms.possible("\n".join(texts)):
            return [[] for _ in texts]
        return [self.forms(text) for text in texts]

    def form(self, text: str, open_form: Optional[CompiledRule], forms: list[CompiledRule]) -> Optional[CompiledRule]:
        """The cue of the form (…承诺书) a paragraph (folded text) is in: one its title opens, else the one open
        above it, closed by a 附件 marker. ``forms``: the form cues that may match it (``forms``)."""
        if not forms and open_form is None:
            return None  # no form opens here, nor is one open to close (most paragraphs)
        text = text.strip()
        if self.attachment_marker.match(text):
            return None
        return next((rule for rule in forms if rule.matches(text)), open_form)

    def form_opening(self, text: str, forms: list[CompiledRule]) -> Optional[tuple[int, CompiledRule]]:
        """Where a form opens within a paragraph (folded text), past its first sentence, and the form's cue: in text
        with its line breaks lost, a form's title runs on after the plan's last sentence (…维护正常运营秩序。…建设项目
        承诺书（乡镇级）我乡（镇）承诺…), and its terms may run on with it (附件1企业安全生产承诺书本企业承诺：1.…；2.…).
        ``forms``: the form cues that may match its paragraph (``forms``)."""
        if not forms:
            return None
        later = sentences(text)[1:]
        return next(((start, rule) for start, sentence in reversed(later) for rule in forms if rule.matches(sentence.strip())), None)


@lru_cache(maxsize=256)  # a section's titles are looked up again by each candidate under them with no year of its own
def _years_in_title(reader: SentenceReader, title: str, frame: PlanFrame) -> tuple[tuple[int, int], ...]:
    return tuple(reader._years(title, frame))


def sentence_reader(rule_set: RuleSet) -> SentenceReader:
    """The reader of a rule set, made once and kept with the set (not past it)."""
    return rule_set.kept("sentence_reader", lambda: SentenceReader(rule_set))


# --- document ------------------------------------------------------------------


def sentences(text: str) -> list[tuple[int, str]]:
    """Each sentence of ``text`` with its offset. A sentence runs on to the next one's start (its marks close it), and
    only marks before the first are no sentence's: the offsets are counted from the strings found (a match object for
    each of the 1,541 sentences of a round of the gold plans took 1.2 ms, the strings 0.8)."""
    at = len(text) - len(text.lstrip(_SENTENCE_MARKS))
    found = []
    for sentence in _SENTENCE.findall(text):
        if sentence.strip():
            found.append((at, sentence))
        at += len(sentence)
    return found


@rules_cache
def _place_opening() -> regex.Pattern:
    """The places a coverage may open with (村级, 乡镇, 全县, 行政村, 城市社区), which the goal before names as its set (所有行政村,
    各乡镇): indicators.yaml place_levels, each captured (group ``level``), perhaps after a place_settings word (group
    ``setting``)."""
    rules = indicator_rules()
    levels, settings = (_any_of(words) for words in (rules.place_levels, rules.place_settings))
    # 全县 of 全县行政村 is the plan's whole place, which the goal before need not name (行政村5G网络通达率达到100%)
    return patterns.compile(f"(?:全(?:{levels})(?=(?:{levels}))|各)?(?P<setting>{settings})?(?P<level>{levels})+级?")


def _any_of(words: list[str]) -> str:
    """An alternation of ``words``, the longest first, or one that matches nothing."""
    return "|".join(sorted(map(regex.escape, words), key=len, reverse=True)) or "(?!)"


@rules_cache
def _places_reaching() -> regex.Pattern:
    """The places a milestone's clause opens with as the subject of its 实现, every one perhaps (全县行政村实现通5G网络,
    全县行政村均实现…): what reaches the state, which the goal before may name as its set."""
    return patterns.compile(f"(?:{_place_opening().pattern})(?:{_EVERY_ONE})?(?={regex.escape(indicator_rules().reaching_a_state)})")
_MARKS_AROUND_A_STATE = "".join(map("".join, _QUOTATION_MARKS)) + '"'  # 实现“全覆盖、无盲区”: the marks around the state reached
_VILLAGE = "村"  # the ending of a village's level (行政村, 自然村), which the countryside takes in
_EVERY_ONE = "均|都|全部|全面"  # 全县行政村均实现…: every one of the places reaches the state
_QUALIFIER_LONGEST = 4  # 视频 in 校园安全视频监控: a word or two, not another thing's name
_PART_SHORTEST = 2
_IDEOGRAPHS = patterns.compile(r"\p{Han}+")
_THINGS_AFTER = patterns.compile(r"[\p{Han}\dA-Za-z]*")  # the words after a milestone's own up to a mark (、无盲区: another state)


def _drop_restatements(text: str, candidates: list[Candidate]) -> None:
    """Decide each milestone of ``candidates`` (in text order) that says again the goal before it in its sentence no
    target (cue RESTATED): every one done (所有行政村均建成综合服务站，实现村级综合服务站全覆盖) or all of a level reached
    (视频监控接入率100%，实现“全覆盖、无盲区”; 5G网络覆盖率达到100%，实现5G网络全覆盖) is one commitment, said twice, when
    the milestone's clause opens with the verb of reaching (实现), no subject of its own, and the things it covers are
    those the clause before names, in its places; a milestone of other things (入园率达到100%，实现义务教育全覆盖), of
    other places (…全部建成污水处理设施，实现农村污水处理设施全覆盖), or with a subject of its own (农村学校实现…,
    使农村学校学生都能…) is its own."""
    before: Candidate | None = None
    for candidate in candidates:
        if candidate.decision == NOT_TARGET:
            continue
        if before is not None and before.clause != candidate.clause and _restates(text, candidate, before):
            candidate.decide(NOT_TARGET, RESTATED)
            continue
        before = candidate


def _restates(text: str, milestone: Candidate, before: Candidate) -> bool:
    """Whether ``milestone``, opening its clause with 实现 or with the places ``before`` names and 实现 (全县行政村实现通5G网络
    after 行政村5G网络通达率达到100%), covers the things ``before`` sets all of, due the same year: the words around the
    milestone's own (通, 全覆盖) up to its clause's mark."""
    verb = indicator_rules().reaching_a_state
    opens = max(milestone.quote_start, milestone.item_start)
    said = text[before.clause.start:before.clause.end]
    subject = _places_reaching().match(text, opens)
    if subject and _names_the_places(said, subject):
        opens = subject.end()
    if (milestone.kind != MILESTONE or before.deadline != milestone.deadline or not text.startswith(verb, opens)
            or not (before.kind == MILESTONE or before.unit == _PERCENT and before.amount and before.amount.value == _WHOLE)):
        return False
    after = _THINGS_AFTER.match(text, milestone.anchor.end).group()  # 通|5G网络: the things a service reaches follow it
    covered = (text[opens + len(verb):milestone.anchor.start] + after).strip(_MARKS_AROUND_A_STATE)
    if not covered:  # 接入率100%，实现“全覆盖、无盲区”: all of the level before; after a milestone, a state of its own (零拖欠)
        return before.kind != MILESTONE
    places = _place_opening().match(covered)
    if places and places.end() < len(covered) and _names_the_places(said, places):
        covered = covered[places.end():]
    return covered in said or _said_with_a_qualifier(covered, said)


def _said_with_a_qualifier(covered: str, said: str) -> bool:
    """Whether the goal ``said`` names the things ``covered`` with a qualifier of a few characters inside their name
    (校园安全监控 in 校园安全视频监控接入率, 农村污水处理 in 农村生活污水处理率), each part two characters at least."""
    for cut in range(_PART_SHORTEST, len(covered) - _PART_SHORTEST + 1):
        head, tail = covered[:cut], covered[cut:]
        at = said.find(head)
        while at >= 0:
            between = said.find(tail, at + cut + 1, at + cut + _QUALIFIER_LONGEST + len(tail))
            if between >= 0 and _IDEOGRAPHS.fullmatch(said, at + cut, between):
                return True
            at = said.find(head, at + 1)
    return False


def _names_the_places(said: str, places: regex.Match) -> bool:
    """Whether the goal ``said`` names every level of ``places`` (_place_opening), and no setting but theirs where they
    name one (城市社区 are some of 所有社区, not of 所有农村社区)."""
    rules = indicator_rules()
    setting = places.group("setting")
    countryside = any(word in said for word in rules.village_settings)  # 农村自来水普及率: the villages (行政村, 自然村)
    return all(level in said or countryside and level.endswith(_VILLAGE) for level in places.captures("level")) and not (
        setting and any(word in said for word in rules.place_settings if word != setting))


def _listed_apart_from(text: str, count: Candidate, milestone: Candidate) -> bool:
    """Whether ``count`` is an item of a list of goals that ``milestone`` is another of (实现适龄儿童入学率100%、残疾儿童
    少年入学应入尽入): a 、 parts them, and a count before ends its item there; not the count of the things the milestone
    says all of (165个活动室均开设…, 全县12个乡镇、86个行政村全部通硬化路: 86 is of the milestone's item)."""
    if count.span.end <= milestone.anchor.start:
        return text.startswith(_ENUMERATION_COMMA, count.span.end)
    return _ENUMERATION_COMMA in text[milestone.anchor.end:count.span.start]


def _one_milestone_a_phrase(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` (in text order) less a milestone read again in the phrase of one before it: two rules' words of
    one commitment (全部实现“班班通”: every one of a set, and every place) make one milestone, the first. Milestones
    listed with 、 or a conjunction (村村通客车、户户通电视, 不发生…事故和不发生…事件, 通硬化路并实现村村通客车) or in clauses
    of their own are each one."""
    kept: list[Candidate] = []
    last: Candidate | None = None  # the last milestone kept
    for candidate in candidates:
        if candidate.amount is None and candidate.decision != NOT_TARGET:
            if (last is not None and last.clause == candidate.clause
                    and not _MILESTONES_JOINED.search(text, last.anchor.end, candidate.anchor.start)):
                continue
            last = candidate
        kept.append(candidate)
    return kept


def block_text(block: Block, run_in_title: regex.Pattern) -> tuple[int, str]:
    """The text of a paragraph that may hold targets, and its offset: a heading's title is left out, but for one that is
    read as its words (``run_in_title``, fragment run_in_title) or stands alone."""
    if block.paragraph.in_table:
        return 0, ""  # table rows (分工表, 序号) are not commitments
    text = block.paragraph.text
    if block.heading is not None:
        title = text[block.title_start:block.body_start]
        start = block.title_start if run_in_title.search(title, None, None, patterns.NOT_CONCURRENT) or _stands_alone(block.heading) else block.body_start
        return start, text[start:]
    return 0, text


def _stands_alone(heading: Section) -> bool:
    """Whether a heading holds nothing, neither text nor headings: it labels no task stated below it, so it is
    the item itself (（三）全县二级以上医院全部接入省级远程医疗平台。 between two such items), and its words count.
    A label closing its text (策略措施：, 主要任务：) opens the items after it and is none of its own.
    (The body, which may be long, is read last, for its labels only when it holds a colon.)"""
    if heading.children:
        return False
    body = heading.body
    if _SENTENCE_MARK.search(body):
        return False  # a mark no label line holds: more than labels (the body, a section's text, need not be copied)
    return not (_LABEL_LINE.sub("", body) if "：" in body or ":" in body else body).strip()


@dataclass
class Reading:
    """A candidate placed in the document: its sentence, line, and the target it gives (none when rejected)."""

    candidate: Candidate
    sentence: str
    line: int
    target: Optional[Target]
    paragraph: Paragraph
    at: Span  # where the number (or milestone phrase) sits in the paragraph's text


def find_targets(outline: Outline, rule_set: RuleSet | None = None, metadata: Metadata | None = None,
                 tables: Sequence[TableData] = (), taiwan: bool | None = None) -> list[Target]:
    """Every target in the text, in task tables (分工表) and in indicator tables, in document order, with unique stable ids.

    A target due before the plan's first year (its ``metadata``'s period, else the year it was signed) reports the
    past: ``2020年，全市…达到10.5%`` in a 2021–2025 plan is a baseline. ``tables`` as written, their cells read in
    the document's wording (``taiwan``; None to judge each text alone) and quoted as written.
    """
    rule_set = rule_set or load_rule_set()
    frame = document_frame(outline, rule_set, metadata)
    read_time = time_reading(rule_set, frame)
    readings = read_document(outline, rule_set, frame, read_time)
    targets = [reading.target for reading in readings if reading.target]
    reader = sentence_reader(rule_set)
    targets += task_table_targets(list(tables), outline, lambda text, headings, year: targets_in_text(
        text, headings, rule_set, frame, year, taiwan), frame.start, reader.cadence, read_time, rule_set, taiwan)
    for target in table_targets(list(tables), outline, rule_set, frame.start, taiwan, frame.end, read_time):
        target.id = stable_id(target.headings, target.indicator, target.unit)
        targets.append(target)
    targets.sort(key=lambda target: target.line)  # stable: text order holds within a paragraph
    return _with_unique_ids(targets)


def document_frame(outline: Outline, rule_set: RuleSet, metadata: Metadata | None = None) -> PlanFrame:
    """The frame of the whole document, as its ``metadata`` gives it (its period, the year and month it was signed, who
    issued it, a campaign's months), made once for its text and its tables alike: a 分工表's task cell citing 省委省政府提出
    in a province's plan states the plan's own goal as the body's sentence does."""
    reader = sentence_reader(rule_set)
    given = PlanFrame()
    if metadata is not None:
        period = metadata.period
        given = PlanFrame(plan_start(metadata), period.end if period else None, signed_year(metadata),
                          reader.issuing_level(metadata.issuer), period.months if period else None, signed_month(metadata))
    return plan_frame(outline, reader, given)


def time_reading(rule_set: RuleSet, frame: PlanFrame) -> TimeLimitReader:
    """How the document's time limits read in the plan's ``frame`` (SentenceReader.time_limit), made once for its text's
    notes and its tables alike: a 分工表's 时限 column and the notes closing its items repeat their words (2025年底前)."""
    return cache(partial(sentence_reader(rule_set).time_limit, frame=frame))


def read_document(outline: Outline, rule_set: RuleSet, frame: PlanFrame, read_time: TimeLimitReader) -> list[Reading]:
    """Every candidate of the document's text, decided, in document order (what ``explain`` shows), in the plan's
    ``frame`` (document_frame's), its time limits read by ``read_time`` (time_reading's)."""
    reader = sentence_reader(rule_set)
    leads: dict[str, tuple[Optional[int], Optional[CompiledRule]]] = {}  # section id -> its lead line's year and cue
    form: Optional[CompiledRule] = None  # the cue of an attached form (…承诺书) the text is in
    placed = [(0, "") if _notes_the_table_above(outline.blocks, index) else block_text(block, reader.run_in_title)
              for index, block in enumerate(outline.blocks)]
    due_by_notes = _due_by_closing_notes(outline.blocks, read_time)
    every_found = _found_in_texts([text for _, text in placed], reader)
    every_forms = reader.forms_in([block.paragraph.text for block in outline.blocks])
    first_heading = next((index for index, block in enumerate(outline.blocks) if block.heading is not None), None)
    found_in: list[tuple[Found, Place, Context, int]] = []  # the paragraphs a rule matched, where they sit, what they inherit, their block
    for index, (block, (offset, text), found, forms, due) in enumerate(zip(outline.blocks, placed, every_found, every_forms, due_by_notes)):
        form = reader.form(block.paragraph.text, form, forms)
        opening = reader.form_opening(text, forms)
        if found and not block.names_attachments:  # most paragraphs hold nothing: their headings and lead lines are not looked up
            year, cue = next((leads[section.id] for section in reversed(block.trail) if section.id in leads), (due, None))
            context = Context(tuple(section.title for section in block.trail), year, frame, cue or form, reader.earliest_aim(text, frame),
                              block.heading is not None and offset == block.title_start, first_heading is not None and index < first_heading)
            place = Place(list(context.headings), block.section.id if block.section else None, block.paragraph, offset)
            list_lead = reader.lead_within(text, frame) or reader.review_opening(text, context)
            for part, part_context in _parted_at_a_lead(found, context, list_lead):
                found_in += [(*parted, index) for parted in _parted_at_a_form(part, place, part_context, opening)]
        form = opening[1] if opening else form
        lead = reader.lead(block.paragraph.text, frame)
        if lead != (None, None) and block.section is not None:
            leads[block.section.id] = lead
    # every sentence decided first, then the targets read: each step keeps its patterns in the caches
    decided = iter(reader.decide_all([(sentence, matches, context) for found, _, context, _ in found_in for _, sentence, matches in found]))
    readings: list[Reading] = []
    closing: dict[int, list[Candidate]] = {}  # block index -> the candidates of the sentence that closes its paragraph
    with texts_tagged_once():
        for found, place, context, index in found_in:
            candidates = [next(decided) for _ in found]
            before = _paragraph_before(outline.blocks, index)
            readings += _readings(found, place, reader, context, candidates,
                                  ("", []) if before is None else (placed[before][1], closing.get(before, [])))
            last_start, last_sentence, _ = found[-1]
            if not placed[index][1][last_start + len(last_sentence):].strip():
                closing[index] = candidates[-1]
    return readings


def _notes_the_table_above(blocks: list[Block], index: int) -> bool:
    """Whether the paragraph at ``index`` is a note under a table's last row (注：＊含1所改扩建; 备注：*含2家民营医院…): it
    says what a cell's figure holds or where it comes from, a part of a figure the table gives, no commitment of its own."""
    paragraph = blocks[index].paragraph
    return index > 0 and blocks[index - 1].paragraph.in_table and not paragraph.in_table and note_row().match(paragraph.text) is not None


def _paragraph_before(blocks: list[Block], index: int) -> Optional[int]:
    """The block right before the paragraph at ``index`` in its section, which a sentence opening it with 届时 goes on from
    (到2025年，…达到10%。 then a paragraph 届时，全市5G基站总数达到1.2万个。); None for a heading's or a section's first."""
    if index == 0 or blocks[index].heading is not None or blocks[index - 1].section is not blocks[index].section:
        return None
    return index - 1


def _due_by_closing_notes(blocks: list[Block], read_time: TimeLimitReader) -> list[Optional[int]]:
    """The year each block's item is due by as the time-limit note closing it says (完成时限：2025年12月底前 on a line of its
    own after the item and its 责任单位, or in its note: (责任单位:…;完成时限:2025年6月)): the first such note at or after
    the block within its section, as a 分工表 row's 时限 cell dates the row's task (GUIDE §2); None where none does."""
    due: list[Optional[int]] = []
    year, section = None, None
    for block in reversed(blocks):
        if block.section is not section:
            year, section = None, block.section
        year = due_note_year(block.paragraph.text, read_time) or year
        due.append(year)
    return due[::-1]


def plan_frame(outline: Outline, reader: SentenceReader, given: PlanFrame) -> PlanFrame:
    """The plan's frame as its metadata ``given`` it, its first and last year, where that lacks them, from a 2012年起5年内
    in its text."""
    if given.start is not None and given.end is not None:
        return given
    # a paragraph holding no year holds no phrase with one: passed over without the phrases' search (a plan with no
    # period of its own is searched through, 150 ns a character), when a year is found alike in a phrase and in its text
    # (told from the fragment as written: the lookahead that leads each alternative as compiled reads no further than its match)
    year_in = reader.year.search if patterns.matches_alike_anywhere(reader.rules.expanded("{year}", "fragment-year")) else None
    for block in outline.blocks:
        text = block.paragraph.text
        if year_in is not None and year_in(text, None, None, patterns.NOT_CONCURRENT) is None:
            continue
        for match in reader.relative_deadline_scan.finditer(text):
            start = reader.year.search(match.group())
            if start is not None:
                first = digit_year(start.group())
                last = reader.relative_year(match.group(), PlanFrame(first))
                return replace(given, start=given.start or first, end=given.end or last)
    return given


def targets_in_text(text: str, headings: tuple[str, ...] = (), rule_set: RuleSet | None = None,
                    frame: PlanFrame = PlanFrame(), lead_year: int | None = None, taiwan: bool | None = None) -> list[Target]:
    """The targets of a piece of text under the given heading titles (rule examples, test cases, 分工表 task
    cells), in a plan of ``frame``'s years, under a lead line of ``lead_year`` (到2020年：) when given, read in the
    wording of Taiwan or not (``taiwan``; None to judge by the text)."""
    readings = readings_in_text(text, headings, rule_set or load_rule_set(), frame, lead_year, taiwan)
    return _with_unique_ids([reading.target for reading in readings if reading.target])


def readings_in_text(text: str, headings: tuple[str, ...], rule_set: RuleSet, frame: PlanFrame = PlanFrame(),
                     lead_year: int | None = None, taiwan: bool | None = None) -> list[Reading]:
    """Every candidate of a piece of text, decided as ``targets_in_text`` decides them (what ``explain`` shows of a task cell);
    a list run on after a lead's colon in it read in the context the lead gives (its year), as in a document."""
    reader = sentence_reader(rule_set)
    read = folded(text, taiwan)
    place = Place(list(headings), None, Paragraph(text=read.text, written=text, written_at=read.written_at, line=1), 0)
    context = Context(tuple(map(fold, headings)), lead_year, frame, aim=reader.earliest_aim(read.text, frame))
    list_lead = reader.lead_within(read.text, frame) or reader.review_opening(read.text, context)
    return [reading for part, part_context in _parted_at_a_lead(_found(read.text, reader), context, list_lead)
            for reading in _readings(part, place, reader, part_context)]


@dataclass(frozen=True)
class Place:
    """Where a text sits: the headings above it, its section, its paragraph and offset there."""

    headings: list[str]
    section: Optional[str]
    paragraph: Paragraph
    offset: int


Found = list[tuple[int, str, list[tuple[CompiledRule, list[regex.Match]]]]]


def _found(text: str, reader: SentenceReader) -> Found:
    """Each sentence of ``text`` a target rule matches: its offset, its text and what the rules found."""
    return _found_in_texts([text], reader)[0]


def _parted_at_a_lead(found: Found, context: Context,
                      lead: Optional[tuple[int, Optional[int], Optional[CompiledRule]]]) -> list[tuple[Found, Context]]:
    """What the rules found in a paragraph, the sentences that run past a lead's colon (``lead``: where it stands,
    the year and the cue it gives) in the context the lead gives its list."""
    if lead is None:
        return [(found, context)]
    colon, year, cue = lead
    listed = replace(context, lead_year=year if year is not None else context.lead_year, lead_cue=cue or context.lead_cue)
    parts = [([item for item in found if item[0] + len(item[1]) <= colon], context), ([item for item in found if item[0] + len(item[1]) > colon], listed)]
    return [(part, part_context) for part, part_context in parts if part]


def _parted_at_a_form(found: Found, place: Place, context: Context,
                      opening: Optional[tuple[int, CompiledRule]]) -> list[tuple[Found, Place, Context]]:
    """What the rules found in a paragraph, in its context; the sentences from a form's title on (``opening``: where
    it opens, its cue), in the form's: its terms are no targets."""
    if opening is None:
        return [(found, place, context)]
    start, form = opening
    parts = [([item for item in found if item[0] < start], context), ([item for item in found if item[0] >= start], replace(context, lead_cue=form))]
    return [(part, place, part_context) for part, part_context in parts if part]


def _found_in_texts(texts: list[str], reader: SentenceReader) -> list[Found]:
    """``_found`` of each text. Each rule is run over all the sentences it may match, one rule after another
    (rather than sentence by sentence): a rule's compiled pattern, some thousands of nodes, stays in the
    processor's caches, and a plan's matching takes about half the time. The order of the matches is the same."""
    every = [(index, start, sentence) for index, text in enumerate(texts) for start, sentence in sentences(text)]
    tried: list[tuple[int, int, str, list[CompiledRule]]] = [  # text, offset and sentence, and the rules that may match it
        (*placed, rules) for placed, rules in zip(every, reader.possible_targets.possible_in([sentence for _, _, sentence in every])) if rules]
    by_rule: dict[CompiledRule, list[int]] = {}  # in the rules' order: the sentences each may match
    for place, (_, _, _, rules) in enumerate(tried):
        for rule in rules:
            by_rule.setdefault(rule, []).append(place)
    matched: dict[tuple[int, CompiledRule], list[regex.Match]] = {}
    for rule in [rule for rule in reader.targets if rule in by_rule]:
        for place in by_rule[rule]:
            matched[place, rule] = rule.finditer(tried[place][2])
    found: list[Found] = [[] for _ in texts]
    for place, (index, start, sentence, rules) in enumerate(tried):
        matches = [(rule, hits) for rule in rules if (hits := matched[place, rule])]
        if matches:
            found[index].append((start, sentence, matches))
    return found


def _readings(found: Found, place: Place, reader: SentenceReader, context: Context,
              decided: Optional[list[list[Candidate]]] = None, before: tuple[str, list[Candidate]] = ("", [])) -> list[Reading]:
    """The candidates of what the rules ``found`` in a text at ``place``, decided in ``context`` (``decided``:
    each sentence's candidates, when ``SentenceReader.decide_all`` decided them already; ``before``: the paragraph
    before, and the candidates of the sentence closing it, which a sentence opening the text goes on from)."""
    readings: list[Reading] = []
    if decided is None:
        decided = [reader.decide(sentence, matches, context) for _, sentence, matches in found]
    last_of_sentence_before: Target | None = None
    decided_before: tuple[int, list[Candidate]] = (0, before[1])  # where the last sentence found ended, and its candidates
    for (start, sentence, matches), candidates in zip(found, decided):
        if reader.by_then.match(sentence):
            said_before = _sentence_before(place.paragraph.text[place.offset:], start) or _sentence_before(before[0], len(before[0]))
            named = reader.latest_aim(said_before, context.frame)
            _due_by_then(candidates, named, decided_before[1] if decided_before[0] == start else [])
        quoted_to: dict[Span, int] = {}  # per clause: where the last target's quote ended
        last: dict[Span, Target] = {}  # per clause: its last target
        last_in_sentence: Target | None = None
        in_sentence: list[Target] = []
        found_by: list[Candidate] = []  # the candidate of each target in_sentence
        written = place.paragraph.written_part(place.offset + start, place.offset + start + len(sentence))
        quoted_from: dict[Span, int] = {}  # per match: where its quote started (a value due in each of years listed, quoted alike)
        for candidate in candidates:
            line, page = place.paragraph.position(place.offset + start + candidate.span.start)
            at = Span(place.offset + start + candidate.anchor.start, place.offset + start + candidate.anchor.end)
            if candidate.decision == NOT_TARGET:
                if candidate.cue == RESTATED:  # …实现通硬化路、通客车: a milestone listed after the one said again quotes from its end
                    quoted_to[candidate.clause] = _THINGS_AFTER.match(sentence, candidate.anchor.end).end()
                readings.append(Reading(candidate, _context(written, candidate), line, None, place.paragraph, at))
                continue
            quote_from = quoted_from.setdefault(candidate.span, quoted_to.get(candidate.clause, candidate.quote_start))
            target, quoted_to[candidate.clause] = _target(candidate, sentence, written, place, quote_from,
                                                          last.get(candidate.clause), last_in_sentence, reader)
            last[candidate.clause] = last_in_sentence = target
            target.line, target.page = line, page
            readings.append(Reading(candidate, target.text, line, target, place.paragraph, at))
            in_sentence.append(target)
            found_by.append(candidate)
        clauses = [candidate.clause for candidate in found_by]  # the clause of each target in_sentence
        anchors = [candidate.anchor.start for candidate in found_by]  # where the number of each target in_sentence starts
        for run, run_clauses in _runs_of_one_name(in_sentence, clauses):
            _share_out_respectively(sentence[run_clauses[0].start:run_clauses[-1].end], run, place.headings)
        _share_out_over_clauses(sentence, in_sentence, clauses, place.headings)
        _name_the_places_listed(sentence, in_sentence, clauses, place.headings)
        _name_the_parts(sentence, in_sentence, clauses, anchors, place.headings)
        _parts_share_the_per(sentence, in_sentence, clauses, anchors, reader.item_of_its_own)
        _name_the_parts_of_a_share(sentence, in_sentence, clauses, anchors, place.headings)
        _name_the_rest(sentence, in_sentence, clauses, anchors, place.headings)
        _name_ranks_by_the_next(in_sentence, clauses, place.headings)
        _name_kinds_after_a_measure(in_sentence, place.headings)
        _name_measures_of_the_thing_before(in_sentence, place.headings)
        _name_a_part_of_the_sentence_before(sentence, in_sentence, anchors, last_of_sentence_before, place.headings)
        reader.going_down_by_name(in_sentence, found_by)
        last_of_sentence_before = in_sentence[-1] if in_sentence else None
        decided_before = (start + len(sentence), candidates)
    return readings


def _sentence_before(text: str, start: int) -> str:
    """The sentence of ``text`` that ends where the one at ``start`` begins; "" at the text's start."""
    before = sentences(text[:start])
    return before[-1][1] if before else ""


def _due_by_then(candidates: list[Candidate], named: Optional[int], before: list[Candidate]) -> None:
    """届时，全市5G基站总数达到1.2万个 after 到2025年，基本建成…体系。: the targets of a sentence that opens with the time the
    sentence right before it reaches are due by the year that sentence ``named`` its aims due by (SentenceReader.latest_aim),
    else by the latest its targets (``before``: its candidates) are due by (2025年，…达到8000张), where their own words give
    none; never by the year a baseline of it is stated as of (截至2023年底，已建成…)."""
    year = named if named is not None else max((c.deadline for c in before if c.decision == TARGET and c.deadline), default=None)
    if year is None or year in {c.deadline for c in before if c.decision == BASELINE}:
        return
    for candidate in candidates:
        if candidate.decision == TARGET and candidate.deadline is None:
            candidate.deadline, candidate.time_anchor = year, "future"


def _name_a_part_of_the_sentence_before(sentence: str, targets: list[Target], anchors: list[int], whole: Target | None,
                                        headings: list[str]) -> None:
    """新建幼儿园10所。其中，2025年完成3所: a sentence that opens with 其中 and names nothing before its first value (or only
    describes which of the things it counts: 其中，营业收入超过1亿元的10家) counts a part of what the last value of the
    sentence before counted, in its measure (the kindergartens due in 2025); its own words name it where they do (其中农村
    地区20所: _name_the_parts), and so do the values after it that name nothing."""
    if whole is None or not whole.indicator or not _opens_part(sentence):
        return
    for target, at in zip(targets, anchors):
        if target.indicator is not None and not _describes_a_part(sentence[max(0, at - _DESCRIPTION_REACH):at]):
            break  # 其中，2025年完成3所、2026年完成4所: the values before the first that names a thing of its own
        if len(measures_of([target.unit, whole.unit])) == 1:
            _rename(target, whole.indicator, headings)


def _runs_of_one_name(targets: list[Target], clauses: list[Span]) -> Iterator[tuple[list[Target], list[Span]]]:
    """The runs of targets one after the other with one name, each with their clauses: a list before 分别 names the run
    of its values, whatever the clauses before it name (冷藏车保有量突破2500辆；果蔬、肉类、水产品冷链流通率分别达到…)."""
    pairs = list(zip(targets, clauses))
    for _, run in groupby(pairs, key=lambda pair: pair[0].indicator):
        run_targets, run_clauses = map(list, zip(*run))
        yield run_targets, run_clauses


def _share_out_respectively(sentence: str, targets: list[Target], headings: list[str]) -> None:
    """孕产妇死亡率和婴儿死亡率分别控制在10/10万和5‰以下: as many things named before 分别 as values after it, the
    n-th value measures the n-th thing. Names that are kinds of one thing, written before the head they share (城镇和农村
    居民人均可支配收入, 高血压、糖尿病患者规范管理率), each take that head (indicator.kinds_with_their_head), and are left
    whole where the kinds are not plain enough to tell where the last one ends."""
    shared = targets[0].indicator if len(targets) > 1 and _RESPECTIVELY in sentence else None
    if not shared or any(target.indicator != shared for target in targets):
        return
    # 单位GDP能耗和二氧化碳排放: the second is per GDP too, no kind of a measure named after (万元工业增加值|用水量)
    names: list[str] | None = measures_per_one_output(_NAME_JOIN.split(shared))
    # 分别由2020年的25%、15%提高到30%、20%: the values a change starts from name the things in the same order as the levels
    baselines = [target for target in targets if target.kind == BASELINE]
    groups = [group for group in (baselines, [target for target in targets if target.kind != BASELINE]) if group]
    # 城镇和农村居民人均可支配收入分别达到5万元和2.5万元，年均分别增长6%和8%: each clause of 分别 gives the things their values
    # again, in the same order
    rounds = sentence.count(_RESPECTIVELY) if len(groups[-1]) % max(sentence.count(_RESPECTIVELY), 1) == 0 else 1
    each_round = len(groups[-1]) // rounds
    if len(names) == 1:  # 城乡低保标准分别达到900元、700元: 城市…, 农村…; 新建和改造农村供水工程分别为20处和35处: each work's
        names = kinds_joined(shared, each_round) or works_each_done(sentence, shared, each_round) or names
    if any(len(group) not in {len(names), len(names) * rounds} for group in groups):
        return
    if substances := substances_with_their_measure(names):
        names = substances
    elif opened_alike := kinds_opened_and_headed_alike(names):
        names = opened_alike  # 食品生产、经营企业: each kind is of 食品 and a 企业
    elif of_one_thing := measures_of_one_thing(names):
        names = of_one_thing  # 统计数据报送及时率、准确率: each a measure of 统计数据
    elif (min(map(len, names)) < _SHORTEST_SHARED_NAME or not _each_named(names, groups[-1][:each_round])
          or kinds_end_alike(names)):
        names = kinds_after_their_measure(names) or kinds_with_their_head(names)
    if names is None:
        return
    for group in groups:
        for target, name in zip(group, names * (len(group) // len(names))):
            _rename(target, name, headings)


def _name_the_places_listed(sentence: str, targets: list[Target], clauses: list[Span], headings: list[str]) -> None:
    """城区、农村分别新建幼儿园3所和10所: places or ranks alone listed before 分别 and its act are where the values are, as
    many as they, the n-th value the things of the n-th place (城区幼儿园, 农村幼儿园; 城镇、农村分别新增就业5000人和3000人:
    城镇新增就业, 农村新增就业; 市、县、乡分别建成应急物资储备库…: 县应急物资储备库), as a place after 其中 names a part; a
    level reached in places (覆盖率城市、农村分别达到…) keeps its name."""
    for clause in dict.fromkeys(clauses):
        respectively = sentence.find(_RESPECTIVELY, clause.start, clause.end)
        places = _NAME_JOIN.split(sentence[clause.start:respectively].strip()) if respectively > clause.start else []
        own = [target for target, at in zip(targets, clauses) if at == clause]
        if not places_listed(places) or len(own) != len(places) or len({target.indicator for target in own}) != 1 or not own[0].indicator:
            continue
        thing = own[0].indicator.removeprefix("".join(places))  # 城镇农村新增就业: the places the act was read with
        if thing and not names_a_level(thing):
            for target, place in zip(own, places):
                _rename(target, part_of_the_whole(place, thing), headings)


def _share_out_over_clauses(sentence: str, targets: list[Target], clauses: list[Span], headings: list[str]) -> None:
    """游客接待人次突破5000万人次，旅游总收入达到600亿元，分别年均增长10%和12%: a clause that opens with 分别 and names
    nothing (its values all took the name of the clause before) measures, value by value, the things the clauses before
    it named, the n-th value the n-th of the last as many."""
    for clause in dict.fromkeys(clauses):
        if not _OPENS_RESPECTIVELY.match(sentence, clause.start):
            continue
        own = [target for target, at in zip(targets, clauses) if at == clause]
        named = list({at: target.indicator for target, at in zip(targets, clauses) if at.end <= clause.start}.values())[-len(own):]
        if len(own) < 2 or len(named) < len(own) or len(set(named)) < len(own) or {t.indicator for t in own} != {named[-1]}:
            continue
        for target, name in zip(own, named):
            _rename(target, name, headings)


def _name_the_parts(sentence: str, targets: list[Target], clauses: list[Span], anchors: list[int], headings: list[str]) -> None:
    """建成幸福河湖50条，其中省级12条: a clause that opens with 其中 counts parts of the whole the clause before counted,
    and a list item of a rank or a place alone (培育省级数字乡村示范村3个、市级10个) counts the kind the item before named
    with its own rank or place. Such a part is named by its words and the whole's name, less a rank or a place of the
    whole's own (省级幸福河湖; 其中国家级5所、省级15所: 国家级示范学校, 省级示范学校; 市级数字乡村示范村, was 省级…), as
    after 其中 a sort or a stage of schooling is (新增学位8000个，其中公办5000个、小学3000个: 公办学位, 小学学位: part_picked);
    其中企业25万户 names its own, and a measure reached in a place keeps its name (覆盖率城市达到100%、农村达到80%) unless
    其中 says the place's level is a part's (卫生厕所普及率达到95%，其中农村不低于90%: 农村卫生厕所普及率). A count word
    alone after 其中 picks out the new ones (公共停车泊位总数达到10万个，其中新增3万个: 新增公共停车泊位)."""
    for index, (target, clause, anchor) in enumerate(zip(targets, clauses, anchors)):
        words = _PART_WORDS.search(sentence, max(clause.start, anchor - _PART_WORDS_REACH), anchor)
        opens_part = _opens_part(sentence, clause.start)
        part = part_picked(words.group(1), target.unit, opens_part) if words else None
        described = sentence[max(clause.start, anchor - _DESCRIPTION_REACH):anchor]
        if not part and opens_part and _describes_a_part(described):
            whole = _whole_counted_before(targets, clauses, clause)
            if whole and whole.indicator and len(measures_of([target.unit, whole.unit])) == 1:
                _rename(target, whole.indicator, headings)  # (培训30万人次，其中…取得证书的10万人: people of another count)
            continue
        new = words and not part and new_ones_picked(words.group(1))  # 其中新增3万个, 其中新增通车里程120公里
        if not part and not new or _names_its_own_part(target, part):
            continue
        if opens_part:
            counted = _whole_counted_before(targets, clauses, clause)
            whole = counted.indicator if counted else None
        else:
            listed = bool(_LIST_JOIN.match(words.group())) or words.start() == clause.start
            whole = targets[index - 1].indicator if index and listed else None
        if not whole:
            continue
        if new:
            name = new_ones_of(words.group(1), whole) if opens_part else None
        else:  # 覆盖率城市达到100%、农村达到80%: one rate, by place; after 其中 the rate of a part (…其中农村不低于90%)
            name = part_of_the_whole(part, whole) if opens_part or not names_a_level(whole) else None
        if name:
            _rename(target, name, headings)


def _parts_share_the_per(sentence: str, targets: list[Target], clauses: list[Span], anchors: list[int],
                         item_of_its_own: regex.Pattern) -> None:
    """每千名老年人拥有养老床位35张，其中护理型床位20张: a part after 其中 of a whole counted per so many people, places or
    lengths is counted per as many (张/千名老年人 both), as the whole's things are; a part in another measure is its own, and
    so is one with its own place or work of building (其中新建护理型床位500张, 其中全县乡村医生达到120名: totals, as a
    listed item's are; fragment item_of_its_own)."""
    for target, clause, anchor in zip(targets, clauses, anchors):
        if not _opens_part(sentence, clause.start) or item_of_its_own.search(sentence, sentence.index("其中", clause.start) + 2, anchor):
            continue
        whole = _whole_counted_before(targets, clauses, clause)
        head, slash, _ = (whole.unit or "").partition("/") if whole else ("", "", "")
        if slash and head and head == target.unit:
            target.unit = whole.unit


def _measure(unit: str | None) -> str:
    """A unit's measure, without what it is per: a part after 其中 of 90 元/人·年 is in 元 (其中个人缴纳30元)."""
    return (unit or "").partition("/")[0]


def _whole_counted_before(targets: list[Target], clauses: list[Span], clause: Span) -> Target | None:
    """The last value before ``clause``, the whole a part after 其中 is of."""
    return next((t for t, at in zip(reversed(targets), reversed(clauses)) if at.end <= clause.start), None)


def _describes_a_part(words: str) -> bool:
    """Whether ``words``, from 其中 to a number, say only which of the whole's things the part is, in a phrase of 的 with
    no noun after it (其中营业收入超过1亿元的10家, 其中床位超过200张的不少于4所, 其中被县领导批示的不少于5篇): the
    things counted are the whole's (高新技术企业, 养老机构, 统计分析报告), not the words of the description. A 的 closing
    what a level is a share of names no part (其中骨干教师不低于交流轮岗教师总数的20%: 骨干教师 names it)."""
    words_of = indicator_words()
    return words_of.comparator_and_scope.sub("", words.rstrip()).endswith(_OF) and not words_of.share_of.search(words)


def _names_its_own_part(target: Target, part: str | None) -> bool:
    """堤防不决口、城区不受淹: a value whose own name opens with the place or rank listed and says more (城区受淹, the
    harm denied in it) names what it is of; the whole named before is another thing."""
    return bool(part and target.indicator and target.indicator != part and target.indicator.startswith(part))


def _name_the_parts_of_a_share(sentence: str, targets: list[Target], clauses: list[Span], anchors: list[int],
                               headings: list[str]) -> None:
    """农村生活污水治理率达到60%，其中重点村达到80%: a share after 其中 named by the things it is reached in alone is the
    share of the whole before reached in them (重点村农村生活污水治理率), as a place's is (其中农村不低于90%: _name_the_parts);
    a share of a count (高素质农民1000人，其中女性不少于30%) or of an object after its comparator (其中骨干教师不低于交流
    总数的20%) names its own."""
    for whole, target, clause, anchor in zip(targets, targets[1:], clauses[1:], anchors[1:]):
        words = sentence[clause.start:anchor]
        if (target.kind == whole.kind == PERCENTAGE and target.indicator and whole.indicator and _opens_part(words)
                and target.indicator in words and not names_a_level(target.indicator)
                and not indicator_words().share_of.search(words)):
            name = said_once(target.indicator, whole.indicator)  # 公办养老机构 of 养老机构护理型床位占比: the 养老机构 once
            _rename(target, name, headings)


def _name_the_rest(sentence: str, targets: list[Target], clauses: list[Span], anchors: list[int], headings: list[str]) -> None:
    """城区自来水普及率达到100%，其余乡镇达95%以上: a clause opening with 其余 or 其他 (indicators.yaml rest_words) gives the
    level the measure before reaches in the rest of its things, which the words after it name, or all the rest: named
    by them and that measure less the place or rank it was of there (其余乡镇自来水普及率; 其他医院达到3级以上 after
    县级医院电子病历应用水平达到4级: 其他医院电子病历应用水平; 其余达97%以上: 其余主次干道亮灯率), not by the measure of
    the first things or by the rest's things alone. A clause naming a measure of its own keeps it, and so do things counted.
    So does a clause that opens with another place or kind and its level alone (城区义务教育巩固率达到99%，农村达到97%:
    农村义务教育巩固率; 东部地区每10万人口…医师数量不低于3.8名，中西部地区不低于2.8名: indicator.measure_in_another_place)."""
    for whole, target, whole_clause, clause, anchor in zip(targets, targets[1:], clauses, clauses[1:], anchors[1:]):
        opening = _BEFORE_A_WORD.match(sentence, clause.start).end()
        rest = next((word for word in indicator_rules().rest_words if sentence.startswith(word, opening)), "")
        if not rest and clause == whole_clause:
            continue  # another place opens a clause of its own; and its words are not read again for each of a list's levels
        if not whole.indicator or not of_one_unit(whole.unit, target.unit) or not names_a_level(whole.indicator):
            continue  # (培训农民1000人，其他人员500人: things counted, not a level reached in the rest)
        things = indicator_words().comparator_and_scope.sub("", sentence[opening + len(rest):anchor])
        if not things and not rest or target.indicator not in (None, whole.indicator, things) or names_a_level(things):
            continue  # 其他地区自来水普及率达到85%, 其他乡镇污水处理率达到80%: a measure of its own
        if not rest and not _PLACE_OR_KIND.fullmatch(things) or indicator_words().repeat_word.search(things):
            continue  # “十四五”期间年均新增5万人: a time and how often, no place
        name = said_once(rest + things, without_a_part(whole.indicator)) if rest else measure_in_another_place(whole.indicator, things)
        if name:
            _rename(target, name, headings)


def _name_ranks_by_the_next(targets: list[Target], clauses: list[Span], headings: list[str]) -> None:
    """建设3个国家级、5个省级物流枢纽: a value named by a rank or a place alone, before another of its clause that names
    the kind with its own rank (省级物流枢纽), counts that kind of its rank (国家级物流枢纽); read from the last, so that a
    list of three ranks names each (3个国家级、5个省级、10个市级示范基地)."""
    for index in range(len(targets) - 2, -1, -1):
        target, following = targets[index], targets[index + 1]
        if clauses[index] != clauses[index + 1] or not target.indicator or not is_a_part_word(target.indicator):
            continue
        kind = without_a_part(following.indicator or "")
        if kind and kind != following.indicator and following.unit == target.unit:
            name = target.indicator + kind
            _rename(target, name, headings)


def _name_kinds_after_a_measure(targets: list[Target], headings: list[str]) -> None:
    """县域义务教育学校校际差异系数小学不高于0.50、初中不高于0.45: a value named by a measure and a kind after it (小学), then
    values of its unit after it named by a kind alone (初中), measure that measure of each kind (小学…差异系数, 初中…差异系数),
    as kinds listed after a measure before 分别 do (indicator.kinds_after_their_measure)."""
    for index, first in enumerate(targets):
        run, names = [first], None
        for later in range(index + 1, len(targets)):  # indexed, not targets[index + 1:]: a copy of the rest at each index
            target = targets[later]
            longer = kinds_after_their_measure([t.indicator for t in (*run, target)]) if target.unit == first.unit and first.indicator and target.indicator else None
            if longer is None:
                break
            run, names = [*run, target], longer
        for target, name in zip(run, names or ()):
            _rename(target, name, headings)


def _name_measures_of_the_thing_before(targets: list[Target], headings: list[str]) -> None:
    """粮食播种面积稳定在100万亩以上、产量稳定在40万吨以上: a value named by a measure alone measures the thing the value
    before named with another measure (粮食产量: indicator.measure_of_the_thing_before), or by a per head word alone the
    measure before per head (人均体育场地面积: indicator.per_head_of_the_measure_before)."""
    for before, target in zip(targets, targets[1:]):
        name = (measure_of_the_thing_before(before.indicator, target.indicator)
                or per_head_of_the_measure_before(before.indicator, target.indicator, before.unit == target.unit and "/" in (target.unit or "")))
        if name:
            _rename(target, name, headings)


def _each_named(names: list[str], targets: list[Target]) -> bool:
    """Whether each of ``names`` is a thing of its own rather than a kind of the last one's head: the names end
    alike (森林覆盖率和湿地保护率), each names a whole measure (湿地保护率、草原综合植被盖度) or a whole thing
    (社区养老服务站、老年食堂), or the values are of different measures, which no one name is (体育公园、健身步道分别达到20个和300公里;
    1小时、30分钟 are both times), or the names open alike, each with words of its own after (单位GDP能耗、单位GDP二氧化碳排放)."""
    if per_head_after_a_kind(names[-1]) and not any(map(per_head_after_a_kind, names[:-1])):
        return False  # 普通高中、中等职业学校、特殊教育学校生均公用经费: a measure per head of each kind
    return (len({name[-1] for name in names}) == 1 or all(indicator_words().whole_measure.search(name) for name in names)
            or all(map(names_a_thing, names)) or len(measures_of(target.unit for target in targets)) > 1
            or whole_names_open_alike(names))


def _target(finding: Candidate, sentence: str, written: Written, place: Place, quote_from: int,
            previous: Target | None, previous_in_sentence: Target | None, reader: SentenceReader) -> tuple[Target, int]:
    """The target, and where its quote ends in ``sentence``; ``previous`` is the last target of its clause,
    ``previous_in_sentence`` the last of the sentence; ``reader`` holds the fragments the name and the quote are read with.

    ``written`` is the sentence as written (``sentence`` is folded): the text and quote come from it.
    """
    start, end = _naming_window(finding, sentence)
    clause, written_clause = _clause_texts(sentence, written, start, end)
    match_end = finding.span.end - start
    number_at = finding.anchor.start - start
    # a quote starts after the last one of its clause, unless that one ran on past this number to its indicator
    quote_start = max(0, min(quote_from - start, number_at), min(finding.item_start - start, number_at))
    if finding.kind == MILESTONE:  # nor in a goal listed before it with its value (…利用系数0.58、|受污染耕地安全利用全覆盖)
        quote_start = max(quote_start, valued_goals_end(clause[:number_at]))
    framed = indicator_words().frame.match(clause, quote_start)  # nor in the base the one before is (…3000张|的基础上|增加1000张)
    quote_start = framed.end() if framed and framed.end() <= number_at else quote_start
    between = clause[quote_start:number_at].strip(_QUOTE_EDGES)
    brought_to = previous is not None and reader.level_brought_to.fullmatch(between) is not None
    if previous is not None and finding.kind != MILESTONE and (not between or brought_to):
        # 分别达到90%和95%: a value joined to the one before by 和 or 、 measures the same thing,
        # unless the thing follows it (100名正职后备人才、200名副职后备人才); a milestone has no value to join
        # (建制村全部通硬化路、通客车: the villages reached by the bus are the list's); so does the level a change by the
        # value before brings, after 至 or 到 alone (日供水能力增加5万吨至30万吨)
        rest = clause[quote_start:]
        naming = find_indicator(rest, number_at - quote_start, match_end - quote_start)
        naming = naming._replace(read_to=quote_start + naming.read_to) if naming.read_to else naming
        indicator = naming.name or previous.indicator
    else:
        naming = find_indicator(clause, number_at, match_end, clause_marks(sentence, start, end))
        indicator = naming.name
    indicator = without_the_units_per(indicator, finding.unit)  # 脱贫户每户年增收2000元: 脱贫户增收, 元/户·年
    if indicator is not None and previous is None and previous_in_sentence is not None and reader.share_of_the_last.match(clause):
        indicator = _share_of(previous_in_sentence.indicator, indicator)
    before = previous or previous_in_sentence
    if indicator is not None and before is not None and names_only_a_place(indicator) and indicator in clause[:number_at]:
        # 覆盖率城市达到100%、农村达到80%: 80% is the same level's, in the villages; a place after the number is
        # what its share counts (90%以上的行政村达到…)
        indicator = before.indicator
    if previous is not None:
        indicator = of_another_stage(previous.indicator, indicator) or indicator  # 达到小学99%、初中97%
    if previous is None:
        indicator = activity_named_before(last_clause(sentence, finding.clause.start), indicator, clause[:number_at]) or indicator
    if previous is None and reader.round_said_alone.fullmatch(clause, quote_start, number_at) and not clause[match_end:].strip(_CLAUSE_MARKS + " "):
        # 每月一次，县水利局对重点水库开展安全检查: a clause of how often alone (and who), its round the next clause's work
        after = sentence[finding.clause.end:].lstrip(_CLAUSE_MARKS + " ")
        doer = reader.round_doer.match(after)
        indicator = act_done(clause[number_at:match_end], after[doer.end() if doer else 0:]) or indicator
    if (previous is None and previous_in_sentence is not None and _MONEY not in (previous_in_sentence.unit, finding.unit)
            and (indicator is None or indicator in clause[:number_at])):
        # 竣工投产30个: the verbs before the number are all the clause names (支持50家企业 names the firms after it); a sum
        # before names no things that act (研发投入达到5亿元，新增就业800人: 新增就业), nor does a sum after them (开展职业技能
        # 鉴定5000人次，实现旅游收入50亿元: 旅游收入, jieba tagging 旅游|收入 verbs)
        # 新建应急避难场所20处，可容纳5万人: what the things counted before can take in (应急避难场所容纳人数)
        indicator = (things_acting_again(previous_in_sentence.indicator, clause[:number_at])
                     or capacity_of_the_things(previous_in_sentence.indicator, clause[:number_at], finding.unit) or indicator)
    if previous is None and previous_in_sentence is not None and previous_in_sentence.unit == finding.unit:
        # 县级林长每年巡林不少于4次，乡级林长每季度不少于1次: the other rank's chiefs do what the clause before counted
        indicator = of_another_rank(previous_in_sentence.indicator, indicator) or indicator
        # 建设高标准农田30万亩，其中每年建设10万亩: the same act done to the same things, in part or again
        # (the quote as read: a traditional copy's 高標準農田 holds its name 高标准农田)
        indicator = (things_of_the_act_again(fold(previous_in_sentence.quote), previous_in_sentence.indicator, indicator, clause[:number_at])
                     or indicator)
    ranked = finding.unit in indicator_rules().rank_units  # 居全省第5位, 排名第3名: a place in a ranking
    if ranked:
        indicator = ranking_named(indicator, previous_in_sentence.indicator if previous_in_sentence else None) or indicator
    names_a_change = indicator is None or (what_is_ranked(indicator) if ranked else indicator) in indicator_rules().change_names
    unit = _per_of_the_level_before(previous.unit, finding.unit) if brought_to else finding.unit
    if names_a_change and previous is None and previous_in_sentence is not None:
        # 地区生产总值达到5000亿元，年均增长6.5%左右 (or 年均增幅6.5%): a clause that names nothing, only how it
        # changes, goes on with the thing of the clause before; a rank of the change is the change's (增速居全省第5位)
        named_before = previous_in_sentence.indicator
        if named_before and indicator and ranked:
            indicator = named_before + indicator
        elif indicator is None and previous_in_sentence.unit == finding.unit:
            # 新增高标准农田5万亩，改造提升2万亩: another act done to the things the clause before counts, as after 、
            indicator = another_act_on(fold(previous_in_sentence.quote), named_before, clause[quote_start:number_at]) or named_before
        else:
            indicator = named_before
            unit = _per_of_the_level_before(previous_in_sentence.unit, unit)
    elif (indicator is None and previous is not None and previous.unit == finding.unit
          and (_only_its_year(clause[quote_start:number_at], previous) or aims_higher(clause[quote_start:number_at]))):
        # 其中2024年2.4万人次、2025年2.6万人次: a value after another of its measure, with only its year or a higher aim
        # between (确保达到1万亩、力争达到1.2万亩; 认定100人 after 培训科技辅导员200人 is another act)
        indicator = previous.indicator
    elif indicator is None and previous is not None and changes_the_level_before(clause[quote_start:number_at]):
        indicator = previous.indicator  # 达到70%以上或比2020年提高5个百分点: the change of the level the value before sets
    elif indicator is None and previous is not None and previous.unit == finding.unit:
        # 新建高标准农田4.5万亩、改造提升2万亩: another act done to the things the value before counts
        indicator = another_act_on(fold(previous.quote), previous.indicator, clause[quote_start:number_at])
    if indicator is None and clause[number_at:number_at + 1].isdigit():
        indicator = verb_before(clause[:number_at])  # 其中2024年完成改造1200户: what is done, all it says
    if (finding.kind == MILESTONE and previous is None and previous_in_sentence is not None
            and clause.lstrip().startswith(tuple(indicator_rules().remainder_words))):
        indicator = previous_in_sentence.indicator  # 已完成65%，剩余部分…全部完成: the rest of the work named before
    if previous_in_sentence is None:
        labelled = sentence[:finding.clause.start].rstrip().endswith(_LABEL_ENDS)
        clause_before = last_clause(sentence, finding.clause.start)
        indicator = (things_named_before(clause_before, clause[:number_at], indicator, labelled, said_before=sentence[:finding.clause.start])
                     or rate_of_the_thing_before(clause_before, indicator)
                     or measure_changed_before(clause_before, clause[:number_at], indicator, finding.unit) or indicator)
    # 累计培训10万人次: 培训人次; 每年帮扶2000户: 帮扶户数
    indicator = reach_of_the_act(indicator, finding.unit, clause[:number_at], clause[match_end:]) or indicator
    if previous is None and finding.unit == _MONEY:
        indicator = fund_given(indicator, last_clause(sentence, finding.clause.start)) or indicator
    if finding.unit == _MONEY:  # each sum of a list given for one use (300万元、400万元…用于人居环境整治)
        indicator = fund_used_for(indicator, sentence, finding.span.end) or fund_named_by_its_use(indicator, clause[:number_at]) or indicator
    # where the name is still the one read from words it no longer says as written, the quote runs on over them
    read_to = naming.read_to if naming.read_to and indicator == naming.name else match_end
    checked = reader.share_checked.match(sentence, finding.span.end) if finding.unit == _PERCENT else None
    if checked:  # 按照不低于10%的比例对药品经营企业开展飞行检查: the share of the bodies the plan's check reaches, quoted to its check
        named, read_after = share_of_bodies_checked(checked.group("check"), sentence[checked.end():])
        indicator = named or indicator
        read_to = min(checked.end() + read_after, end) - start
    quote_end = max(_quote_end(clause, match_end, indicator, reader), read_to)
    if quote_end == match_end and (finding.kind == MILESTONE or all_of_them_do(indicator, clause, match_end)):
        quote_end = _things_reached_end(clause, match_end, indicator)
    if quote_end == match_end:
        quote_end = things_counted_end(indicator, clause, match_end)
    quote_end = _with_its_closing_mark(clause, quote_start, quote_end)
    indicator = without_the_manner(indicator)  # 开展2次全覆盖安全检查: quoted as written, named 安全检查
    amount = finding.amount
    return Target(
        id=stable_id(place.headings, indicator, unit),
        text=_context(written, finding),
        quote=_quote(clause, written_clause, quote_start, quote_end),
        value=json_number(amount.value) if amount else None,
        value_max=json_number(amount.value_max) if amount else None,
        unit=unit,
        comparator=finding.comparator,  # type: ignore[arg-type]
        deadline=finding.deadline,
        frequency=finding.frequency,  # type: ignore[arg-type]
        change=finding.change,  # type: ignore[arg-type]
        kind=finding.kind,
        indicator=indicator,
        section=place.section,
        headings=place.headings,
        rule=finding.rule.id,
        decided_by=finding.cue,
        time_anchor=finding.time_anchor,  # type: ignore[arg-type]
        recurrence=finding.recurrence,
        review=finding.review,
        line=place.paragraph.line,
    ), start + quote_end


def _naming_window(finding: Candidate, sentence: str) -> tuple[int, int]:
    """Where in its sentence a finding's name and quote are read: its clause, but where the clause runs on for more than
    ``_NAMING_REACH`` characters before or after the number, only its items (parted by 、 outside brackets) within that
    reach of it, or that reach itself inside an item longer still. A clause of thousands of values listed with 、 was read
    whole again for each of them, so that its time grew with the square of its length."""
    clause, number_at, match_end = finding.clause, finding.anchor.start, finding.span.end
    if number_at - clause.start <= _NAMING_REACH and clause.end - match_end <= _NAMING_REACH:
        return clause.start, clause.end
    items = clause_marks(sentence, clause.start, clause.end).item_starts  # from the clause's start
    number_at, match_end = number_at - clause.start, match_end - clause.start
    first = bisect_left(items, number_at - _NAMING_REACH)
    start = items[first] if first < len(items) and items[first] <= number_at else number_at - _NAMING_REACH
    last = bisect_right(items, match_end + _NAMING_REACH) - 1
    end = items[last] - 1 if last >= 0 and items[last] > match_end else match_end + _NAMING_REACH  # the 、 closing an item
    return clause.start + max(0, start), min(clause.end, clause.start + end)


def _brings_a_level(amount: Amount, level_over_change: Decimal) -> bool:
    """Whether a range after a change word, 至 or 到 parting its ends, is the change and the level it brings: a high end
    at least ``level_over_change`` times the low (the rule's: 增加5万吨至30万吨); ends nearer are a range of the change
    (增加2平方米至3平方米)."""
    return amount.value_max is not None and amount.value > 0 and amount.value_max >= level_over_change * amount.value


def _per_of_the_level_before(unit_before: str | None, unit: str | None) -> str | None:
    """``unit``, or the unit of the level before when it is ``unit`` per something: a clause that names nothing goes on with
    that level, and what it is per (每千名老年人拥有养老床位32张，到2026年提高到35张: 张/千名老年人 both)."""
    head, slash, _ = (unit_before or "").partition("/")
    return unit_before if slash and head == unit else unit


def _only_its_year(between: str, previous: Target) -> bool:
    """Whether the words between a value and the one before are only its year, perhaps with the link word the one before
    took (其中2026年完成10部、2027年完成15部: 完成), not another act (认定100人 after 培训…200人)."""
    year = _ONLY_ITS_YEAR.fullmatch(between)
    link = year.group("link") if year else None
    return year is not None and (not link or link in indicator_words().link and link in previous.quote)


@lru_cache(maxsize=4)  # the values of a clause ask in turn: the clause is searched once, not once a value
def _first_match_span(pattern: re.Pattern[str], text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where ``pattern`` first matches ``text[start:end]``, if anywhere."""
    found = pattern.search(text, start, end)
    return found.span() if found else None


@lru_cache(maxsize=4)  # the values after one 分别 ask in turn: its list is read once, not once a value
def _falling_named_in_list(falling: tuple[_FallingMeasure, ...], text: str, start: int, respectively: int) -> Optional[_FallingMeasure]:
    """The first of the ``falling`` measures a name of the list ``text[start:respectively]`` (its names parted by 、和及与)
    ends with. Each name's end is matched back from (a reversed pattern's match is anchored there): searched, each name
    took time as the list's length, and a list of many names as its square."""
    ends = [*(mark.start() for mark in _LIST_JOIN.finditer(text, start, respectively)), respectively]
    return next((measure for measure in falling for end in ends if measure.named.match(text, start, end)), None)


@lru_cache(maxsize=4)
def _clause_texts(sentence: str, written: Written, start: int, end: int) -> tuple[str, Written]:
    """The clause ``sentence[start:end]``, folded and as written: cut once a clause (the last few kept; the sentences'
    hashes are kept by Python), as each of its values asks for it: a clause of thousands of values was cut for each."""
    return sentence[start:end], written.part(start, end)


def _share_of(whole: Optional[str], part: str) -> str:
    """体育产业总规模 and GDP比重 -> 体育产业总规模占GDP比重: what the clause before measured, as a share of the object;
    a share that says 占 itself (占比) is not said twice (新能源汽车保有量占比)."""
    return f"{whole}{'' if part.startswith(_SHARE) else _SHARE}{part}" if whole else part


def _context(written: Written, finding: Candidate) -> str:
    """The sentence as written, or in a sentence over TEXT_REACH the candidate's clause, cut around its number when longer."""
    if len(written.text) <= TEXT_REACH:
        return written.text.strip()
    start, end = finding.clause.start, finding.clause.end
    if end - start > TEXT_REACH:
        start = max(start, min(finding.anchor.start - TEXT_REACH // 2, end - TEXT_REACH))
        end = start + TEXT_REACH
    return written.cut(start, end).strip()


def _quote(clause: str, written: Written, start: int, end: int) -> str:
    """The words from ``start`` to ``end`` as written, less the punctuation and conjunctions
    that the folded ``clause`` has at their edges."""
    cut = clause[start:end]
    opened = cut.lstrip(_QUOTE_EDGES if start else _CLAUSE_OPENING_EDGES)
    trimmed = opened.rstrip(_QUOTE_EDGES)
    # only where a conjunction was trimmed: a quote trimmed of nothing (its empty edge is "in" any string) was tagged for
    # nothing, 3% of the extraction's CPU
    if trimmed and len(opened) > len(trimmed) and opened[len(trimmed)] in _CONJUNCTIONS and ends_a_word(opened[:len(trimmed) + 1]):
        trimmed = opened[:len(trimmed) + 1]  # 全部普及: the last character of a word, no conjunction
    lead = start + len(cut) - len(opened)
    return written.cut(lead, lead + len(trimmed))


def _quote_end(clause: str, match_end: int, indicator: str | None, reader: SentenceReader) -> int:
    """The shortest quote runs to the end of the match, or on to the indicator when it follows the number
    with no other number between (50家以及20家规上企业: 规上企业 is the 20's) or only a size described before it
    (fragment size_described: 组建1支|不少于30人的|救援队伍); not to its next mention when the match
    ends with it (每月一小结（工作小结每月2日前报…: the quote is 每月一小结)."""
    # (nor to a mention after it when the name is written before the number: 全年开展培训30期、培训人员3000人次, the
    # second 培训 is the next count's)
    said_before = indicator and (clause.endswith(indicator, 0, match_end) or len(indicator) > 1 and indicator in clause[:match_end])
    found = clause.find(indicator, match_end) if indicator and not said_before else -1
    # (not inside a note's brackets after it: 新建充电桩2000个（其中公共充电桩500个）, the 2000's quote ends at 个; a note
    # closed before the name is passed over: 建成5个（含续建）乡镇综合文化站)
    # (nor to a name a count after it counts too: 每三年一次对小型水库开展安全鉴定30座, …安全鉴定不少于30座: the words before
    # the count are its quote; but over the set a test covers to the test it names: 每年开展1次|109项|全分析监测)
    if (indicator and 0 <= found - match_end <= QUOTE_REACH
            and (not _DIGIT.search(clause, match_end, found) or reader.size_described.fullmatch(clause, match_end, found)
                 or _covers_the_set(clause[match_end:], found - match_end))
            and not _inside_a_note(clause[match_end:found]) and not _counted_after(clause, found + len(indicator), reader)):
        return found + len(indicator)
    # 覆盖90%以上的行政村 (5G网络覆盖行政村), 不少于30个专题 (重大活动档案专题): the end of the name closes the clause, perhaps
    # with who makes up a body set up left out of it (70%的乡镇（街道）建立由…部门参与的精神卫生综合管理小组)
    tail_at = match_end + len(_LINK) * clause.startswith(_LINK, match_end)
    tail = clause[tail_at:].rstrip(_QUOTE_EDGES)
    if indicator and tail and indicator.endswith(without_who_makes_it_up(tail)):
        return tail_at + len(tail)
    return match_end


def _covers_the_set(after: str, name_at: int) -> bool:
    """Whether ``after`` a count of times opens with the set a test covers, right before the name at ``name_at``
    (1次|109项|全分析监测: fragment parameters_of_a_test)."""
    tested = indicator_words().parameters_tested.match(after)
    return tested is not None and tested.end() == name_at


def _counted_after(clause: str, position: int, reader: SentenceReader) -> bool:
    """Whether a count opens ``clause`` at ``position``, perhaps after its comparator (30座, 不少于30座)."""
    comparator = reader.comparator_before.match(clause, position)
    return _DIGIT.match(clause, comparator.end() if comparator else position) is not None


def _inside_a_note(words: str) -> bool:
    """Whether ``words`` open a note's bracket they do not close: what follows them is inside the note."""
    return sum(map(words.count, _NOTE_OPENINGS)) > sum(map(words.count, _NOTE_CLOSINGS))


def _with_its_closing_mark(clause: str, start: int, end: int) -> int:
    """A quote that opens a quotation mark runs on over the mark that closes it after its end (实现“零填埋”,
    实现“应援尽援”: the match ends inside the words quoted, not 实现“零填埋), over the other words quoted with it when
    they hold no numeral (实现“全覆盖、无盲区”; not 实行“一月一调度、一季一通报”: the second is a target of its own)."""
    quoted = clause[start:end]
    for opening, closing in _QUOTATION_MARKS:
        closed_at = clause.find(closing, end, end + QUOTE_REACH)
        if quoted.count(opening) > quoted.count(closing) and closed_at >= 0 and not _NUMERAL.search(clause, end, closed_at):
            return closed_at + 1
    return end


def _things_reached_end(clause: str, match_end: int, indicator: str | None) -> int:
    """Where the things a milestone reaches end, after its words, when its name ends with them (DIP付费方式覆盖全部|符合条件的
    定点医疗机构, named DIP付费方式覆盖定点医疗机构: a condition between); ``match_end`` where they are not found near."""
    rest = clause[match_end:match_end + QUOTE_REACH + len(indicator or "")]
    rest = rest[:rest.find(_ENUMERATION_COMMA)] if _ENUMERATION_COMMA in rest else rest  # …应入尽入、|适龄儿童入学率: the next goal's
    for length in range(len(indicator or ""), _SHORTEST_ENDING - 1, -1):
        found = rest.find(indicator[-length:])  # type: ignore[index]
        if 0 <= found <= QUOTE_REACH and not _DIGIT.search(rest, 0, found):
            return match_end + found + length
    return match_end


def _rename(target: Target, name: str, headings: list[str]) -> None:
    """Names ``target`` ``name``, and gives it the id that name makes under ``headings``."""
    target.indicator, target.id = name, stable_id(headings, name, target.unit)


def stable_id(headings: list[str], indicator: str | None, unit: str | None) -> str:
    """An id from where the target sits and what it measures, not from its position.

    A later version of the plan that changes only the value keeps the id, so a
    diff can tell "value changed" from "removed and added".
    """
    key = "\u241f".join(["/".join(headings), indicator or "", unit or ""])
    return "t-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _with_unique_ids(targets: list[Target]) -> list[Target]:
    """Targets with the same section, indicator and unit get -2, -3… in document order."""
    seen: dict[str, int] = {}
    for target in targets:
        count = seen.get(target.id, 0) + 1
        seen[target.id] = count
        if count > 1:
            target.id = f"{target.id}-{count}"
    return targets


# --- checking the rules' own examples ------------------------------------------

def check_rules(rule_set: RuleSet) -> list[str]:
    """Run every rule's examples and not_examples through the whole rule set; one line per failure."""
    failures: list[str] = []
    for rule in rule_set.rules:
        for example in rule.rule.examples:
            problem = _example_problem(rule, example.text, example.expect, rule_set)
            if problem:
                failures.append(f"{rule.path.name}: rule {rule.id}: example {example.text!r}: {problem}")
        for text in rule.rule.not_examples:
            if _fires(rule, text, rule_set):
                failures.append(f"{rule.path.name}: rule {rule.id}: not_example {text!r} matches")
    for example in rule_set.turns_of_the_year.examples:
        frame = PlanFrame(*(example.period or (None, None)), signed=example.signed.year, signed_month=example.signed.month)
        due = [target.deadline for target in targets_in_text(example.text, rule_set=rule_set, frame=frame)]
        if due != [example.due]:
            failures.append(f"turns_of_the_year: example {example.text!r} signed {example.signed}: due {due}, expected [{example.due}]")
    return failures


def _example_problem(rule: CompiledRule, text: str, expect: dict, rule_set: RuleSet) -> str | None:
    if _matched_alone(rule):
        return None if _fires(rule, text, rule_set) else "the pattern does not match"
    found = [comparable_fields(target) for target in _produced(rule, text, rule_set)]
    if not found:
        return "no target from this rule"
    wanted = {key: _comparable(key, value) for key, value in expect.items()}
    if any(all(fields.get(key) == value for key, value in wanted.items()) for fields in found):
        return None
    return f"expected {wanted}, got {found}"


def _produced(rule: CompiledRule, text: str, rule_set: RuleSet) -> list[Target]:
    targets = targets_in_text(text, rule_set=rule_set)
    if rule.rule.role == "baseline":
        return [target for target in targets if target.kind == BASELINE]
    return [target for target in targets if target.rule == rule.id]


def _matched_alone(rule: CompiledRule) -> bool:
    """Whether a rule's examples are checked by its pattern alone: cues that exclude, and cues whose examples are
    headings or lead lines, which give no target of their own."""
    return rule.rule.role == "exclude" or rule.rule.scope in ("heading", "lead")


def _fires(rule: CompiledRule, text: str, rule_set: RuleSet) -> bool:
    if _matched_alone(rule):
        return rule.matches(fold(text))
    return bool(_produced(rule, text, rule_set))


def _comparable(key: str, value: object) -> object:
    """Values compare as floats, so that 6000 written in YAML equals 6000.0 read from a target."""
    return float(value) if key.startswith("value") and isinstance(value, (int, float, Decimal)) else value


def comparable_fields(target: Target) -> dict:
    return {key: _comparable(key, value) for key, value in target.model_dump(include=set(COMMITMENT_FIELDS)).items()}
