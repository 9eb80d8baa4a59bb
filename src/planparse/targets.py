"""Targets stage: quantitative commitments found by the rules under ``rules/``.

Each paragraph is cut into sentences; on each sentence the rules run by role
(``exclude``, then ``baseline``, then ``target``; see rules/README.md). A
deadline or frequency word reaches the targets after it in the same sentence
(GUIDE.md §2: "when the sentence or its heading says so").
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator, Optional, Sequence

import regex

from .indicator import find_indicator
from .models import COMMITMENT_FIELDS, Paragraph, TableData, Target
from .normalize import fold
from .numerals import digit_year
from .rules import CompiledRule, RuleSet, load_rule_set
from .structure import Block, Outline
from .target_tables import table_targets
from .values import Amount, json_number, parse_amount

_SENTENCE = regex.compile(r"[^。！？!?]+[。！？!?]*")
_ITEM_BREAK = set("；;")
# 年均增长6.5%，突破1万亿元: an average rate belongs to its own clause, not to the amounts after it.
_RATE_WORDS = {"年均"}
_RESPECTIVELY = "分别"
# A heading "title" with a number in it is a numbered commitment whose numbers are targets
# (1.到2025年，充电桩达到5万个；, 2.培育示范工厂20家); a title without one (推行绿色生产，促进
# 废弃物全量利用) names a task, and its milestone words are counted where the text states them.
_SENTENCE_TITLE = regex.compile(r"\d")
# Trimmed from a quote's ends: punctuation, and the conjunction joining it to the target before.
_QUOTE_EDGES = " ，,、；;。！？!?：:和及与"
QUOTE_REACH = 24  # how far after the number the indicator may start and still be quoted
MILESTONE = "milestone"
BASELINE = "baseline"


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def inside(self, other: "Span") -> bool:
        return other.start <= self.start and self.end <= other.end


@dataclass
class Finding:
    """A target found in one sentence, before it is placed in the document."""

    rule: CompiledRule
    span: Span  # the whole match
    anchor: Span  # the number (or the milestone words): what exclusions and scopes test
    amount: Optional[Amount]
    unit: Optional[str]
    comparator: str
    kind: str
    clause: Span
    quote_start: int = 0  # where a quote may start: the clause less a leading 到2025年
    deadline: Optional[int] = None
    frequency: Optional[str] = None


class SentenceReader:
    """Runs a rule set over one sentence (with the titles of the headings above it)."""

    def __init__(self, rule_set: RuleSet):
        self.rules = rule_set
        self.clause_break = rule_set.fragment("clause_break")
        self.deadline_year = rule_set.fragment("deadline_year")
        self.plan_period = rule_set.fragment("plan_period")
        self.frequency_word = rule_set.fragment("frequency_word")
        self.year = rule_set.fragment("year")
        self.exclude = rule_set.by_role("exclude")
        self.baseline = [rule for rule in rule_set.by_role("baseline") if rule.rule.scope != "heading"]
        self.baseline_headings = [rule for rule in rule_set.by_role("baseline") if rule.rule.scope == "heading"]
        self.targets = rule_set.by_role("target")

    def read(self, sentence: str, headings: list[str]) -> list[Finding]:
        text = fold(sentence)
        if not any(rule.matches(text) for rule in self.targets):
            return []  # most sentences hold none: spare them the exclude and baseline rules
        clauses = self._clauses(text)
        excluded = list(self._spans(self.exclude, text, clauses))
        baseline = list(self._spans(self.baseline, text, clauses))
        if any(rule.matches(title) for rule in self.baseline_headings for title in headings):
            baseline.append(Span(0, len(text)))
        findings = self._findings(text, clauses, excluded)
        for finding in findings:
            finding.quote_start = self._quote_start(text, finding.clause)
            if any(finding.anchor.inside(span) for span in baseline):
                finding.kind = BASELINE
            finding.deadline = self._deadline(text, finding.anchor.start, headings, [f.anchor.start for f in findings])
            finding.frequency = self._frequency(text, finding.anchor.start)
        self._pair_respectively(text, findings)
        return findings

    def _pair_respectively(self, text: str, findings: list[Finding]) -> None:
        """到2023年、2025年，…分别达到1万个、2万个: the n-th value is due in the n-th year, and the
        comparator word before the first value holds for them all."""
        respectively = text.find(_RESPECTIVELY)
        if respectively < 0:
            return
        years = [year for start, year in self._years(text) if start < respectively]
        values = [finding for finding in findings if finding.anchor.start > respectively and finding.amount is not None]
        if len(values) < 2:
            return
        if len(years) == len(values):
            for finding, year in zip(values, years):
                finding.deadline = year
        for finding in values[1:]:
            if finding.comparator == "=" and finding.amount and finding.amount.value_max is None:
                finding.comparator = values[0].comparator

    # --- spans ---------------------------------------------------------------

    def _clauses(self, text: str) -> list[Span]:
        spans, start = [], 0
        for mark in self.clause_break.finditer(text):
            spans.append(Span(start, mark.end()))
            start = mark.end()
        if start < len(text):
            spans.append(Span(start, len(text)))
        return spans

    def _spans(self, rules: list[CompiledRule], text: str, clauses: list[Span]) -> Iterator[Span]:
        for rule in rules:
            for match in rule.finditer(text):
                span = Span(*match.span())
                if rule.rule.scope == "sentence":
                    yield Span(0, len(text))
                elif rule.rule.scope == "clause":
                    yield from (clause for clause in clauses if clause.overlaps(span))
                else:
                    yield span

    # --- targets -------------------------------------------------------------

    def _findings(self, text: str, clauses: list[Span], excluded: list[Span]) -> list[Finding]:
        findings: list[Finding] = []
        for rule in self.targets:
            for match in rule.finditer(text):
                span = Span(*match.span())
                anchor = Span(*match.span("amount")) if "amount" in rule.regex.groupindex and match.group("amount") else span
                if any(anchor.overlaps(other) for other in excluded):
                    continue
                if any(span.overlaps(other.span) for other in findings):
                    continue  # an earlier rule already read these words
                finding = self._finding(rule, match, span, anchor, clauses)
                if finding is not None:
                    findings.append(finding)
        numeric_clauses = {finding.clause for finding in findings if finding.amount is not None}
        # 均开设 with a count is the count's target, not a milestone as well
        findings = [f for f in findings if f.amount is not None or f.clause not in numeric_clauses]
        return sorted(findings, key=lambda finding: finding.anchor.start)

    def _finding(self, rule: CompiledRule, match: regex.Match, span: Span, anchor: Span, clauses: list[Span]) -> Finding | None:
        clause = next((c for c in clauses if c.start <= anchor.start < c.end), Span(0, len(match.string)))
        groups = {name: match.group(name) for name in rule.regex.groupindex}
        if rule.rule.kind == MILESTONE:
            return Finding(rule, span, anchor, None, None, "=", MILESTONE, clause)
        if groups.get("amount"):
            amount = parse_amount(groups["amount"])
        else:
            amount = Amount(rule.rule.value) if rule.rule.value is not None else None
        if amount is None:
            return None  # words that look like a number but read as none
        unit = groups.get("unit") or rule.rule.unit
        kind = rule.rule.kind or self.rules.unit_kinds.get(unit or "", "count")
        return Finding(rule, span, anchor, amount, unit, self._comparator(amount, groups), kind, clause)

    def _comparator(self, amount: Amount, groups: dict[str, Optional[str]]) -> str:
        if amount.value_max is not None:
            return "range"
        if amount.at_least:
            return ">"
        for word in (groups.get("cmp_after"), groups.get("cmp_more"), groups.get("cmp_before")):
            if word and word in self.rules.comparators:
                return self.rules.comparators[word]
        return "="

    def _quote_start(self, text: str, clause: Span) -> int:
        """A clause opening with its deadline (到2025年全区…) is quoted from after it."""
        opening = self.deadline_year.match(text, clause.start, clause.end) or self.plan_period.match(text, clause.start, clause.end)
        return opening.end() if opening and opening.end() < clause.end else clause.start

    # --- deadline and frequency ----------------------------------------------

    def _years(self, text: str) -> list[tuple[int, int]]:
        """(position, year) of every deadline phrase in ``text``."""
        found = [(m.start(), digit_year(self.year.search(m.group()).group())) for m in self.deadline_year.finditer(text)]
        for match in self.plan_period.finditer(text):
            plan = self.rules.five_year_plan(match.group())
            if plan is not None:
                found.append((match.start(), plan.end))  # “十三五”期间 is due by 2020
        return sorted(found)

    def _deadline(self, text: str, position: int, headings: list[str], anchors: list[int]) -> Optional[int]:
        years = self._years(text)
        before = [year for start, year in years if start < position]
        if before:
            return before[-1]
        # A year after the number, in the same item, is its deadline (建成10个，2025年前完成)
        # unless it opens another target's clause (达到150万亩，其中2023年新建10万亩).
        item_end = next((i for i in range(position, len(text)) if text[i] in _ITEM_BREAK), len(text))
        after = [year for start, year in years
                 if start < item_end and not any(start < anchor for anchor in anchors if anchor > position)]
        if after:
            return after[0]
        for title in reversed(headings):
            in_title = self._years(fold(title))
            if in_title:
                return in_title[0][1]
        return None

    def _frequency(self, text: str, position: int) -> Optional[str]:
        # A frequency reaches the numbers after it up to the next ；: items of
        # an enumeration each say their own (每年培训300名…；每年新增…10名).
        words = [m.group() for m in self.frequency_word.finditer(text) if m.start() < position and not _ITEM_BREAK & set(text[m.end():position])
                 and not (m.group() in _RATE_WORDS and self.clause_break.search(text, m.end(), position))]
        return self.rules.frequencies.get(words[-1]) if words else None


# --- document ------------------------------------------------------------------


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """Each sentence of ``text`` with its offset."""
    for match in _SENTENCE.finditer(text):
        if match.group().strip():
            yield match.start(), match.group()


def block_text(block: Block) -> tuple[int, str]:
    """The text of a paragraph that may hold targets, and its offset: a heading's title is left out."""
    if block.paragraph.in_table:
        return 0, ""  # table rows (分工表, 序号) are not commitments
    text = block.paragraph.text
    if block.heading is not None:
        title = text[block.title_start:block.body_start]
        start = block.title_start if _SENTENCE_TITLE.search(title) else block.body_start  # an item, not a label
        return start, text[start:]
    return 0, text


def find_targets(outline: Outline, rule_set: RuleSet | None = None, start_year: int | None = None,
                 tables: Sequence[TableData] = ()) -> list[Target]:
    """Every target in the text and in indicator tables, in document order, with unique stable ids.

    A target due before ``start_year`` (the plan's first year) reports the
    past: ``2020年，全市…达到10.5%`` in a 2021–2025 plan is a baseline.
    """
    rule_set = rule_set or load_rule_set()
    reader = SentenceReader(rule_set)
    targets: list[Target] = []
    for block in outline.blocks:
        offset, text = block_text(block)
        place = Place([section.title for section in block.trail], block.section.id if block.section else None,
                      block.paragraph, offset)
        targets += _text_targets(text, place, reader)
    for target in table_targets(list(tables), outline, rule_set, start_year):
        target.id = stable_id(target.headings, target.indicator, target.unit)
        targets.append(target)
    targets.sort(key=lambda target: target.line)  # stable: text order holds within a paragraph
    if start_year is not None:
        for target in targets:
            if target.deadline is not None and target.deadline < start_year:
                target.kind = BASELINE
    return _with_unique_ids(targets)


def targets_in_text(text: str, headings: tuple[str, ...] = (), rule_set: RuleSet | None = None) -> list[Target]:
    """The targets of a piece of text under the given heading titles (rule examples, test cases)."""
    reader = SentenceReader(rule_set or load_rule_set())
    place = Place(list(headings), None, Paragraph(text=fold(text), written=text, line=1), 0)
    return _with_unique_ids(_text_targets(place.paragraph.text, place, reader))


@dataclass(frozen=True)
class Place:
    """Where a text sits: the headings above it, its section, its paragraph and offset there."""

    headings: list[str]
    section: Optional[str]
    paragraph: Paragraph
    offset: int


def _text_targets(text: str, place: Place, reader: SentenceReader) -> list[Target]:
    targets: list[Target] = []
    for start, sentence in sentences(text):
        quoted_to: dict[Span, int] = {}  # per clause: where the last target's quote ended
        last: dict[Span, Target] = {}  # per clause: its last target
        written = place.paragraph.as_written[place.offset + start:place.offset + start + len(sentence)]
        for finding in reader.read(sentence, place.headings):
            target, quoted_to[finding.clause] = _target(finding, sentence, written, place,
                                                        quoted_to.get(finding.clause, finding.quote_start), last.get(finding.clause))
            last[finding.clause] = target
            target.line, target.page = place.paragraph.position(place.offset + start + finding.span.start)
            targets.append(target)
    return targets


def _target(finding: Finding, sentence: str, written: str, place: Place, quote_from: int,
            previous: Target | None) -> tuple[Target, int]:
    """The target, and where its quote ends in ``sentence``; ``previous`` is the last target of its clause.

    ``written`` is the sentence as written (``sentence`` is folded, of the same length): the text and quote come from it.
    """
    clause = sentence[finding.clause.start:finding.clause.end]
    match_end = finding.span.end - finding.clause.start
    number_at, quote_start = finding.anchor.start - finding.clause.start, quote_from - finding.clause.start
    if previous is not None and not clause[quote_start:number_at].strip(_QUOTE_EDGES):
        # 分别达到90%和95%: a value joined to the one before by 和 or 、 measures the same thing,
        # unless the thing follows it (100名正职后备人才、200名副职后备人才)
        rest = clause[quote_start:]
        indicator = find_indicator(rest, number_at - quote_start, match_end - quote_start) or previous.indicator
    else:
        indicator = find_indicator(clause, number_at, match_end)
    quote_end = _quote_end(clause, match_end, indicator)
    amount = finding.amount
    return Target(
        id=stable_id(place.headings, indicator, finding.unit),
        text=written.strip(),
        quote=_quote(clause, written[finding.clause.start:finding.clause.end], quote_start, quote_end),
        value=json_number(amount.value) if amount else None,
        value_max=json_number(amount.value_max) if amount else None,
        unit=finding.unit,
        comparator=finding.comparator,  # type: ignore[arg-type]
        deadline=finding.deadline,
        frequency=finding.frequency,  # type: ignore[arg-type]
        kind=finding.kind,
        indicator=indicator,
        section=place.section,
        headings=place.headings,
        rule=finding.rule.id,
        line=place.paragraph.line,
    ), finding.clause.start + quote_end


def _quote(clause: str, written: str, start: int, end: int) -> str:
    """The words from ``start`` to ``end`` as written, less the punctuation and conjunctions
    that the folded ``clause`` has at their edges."""
    cut = clause[start:end]
    trimmed = cut.strip(_QUOTE_EDGES)
    lead = start + len(cut) - len(cut.lstrip(_QUOTE_EDGES))
    return written[lead:lead + len(trimmed)]


def _quote_end(clause: str, match_end: int, indicator: str | None) -> int:
    """The shortest quote runs to the end of the match, or on to the indicator when it follows the number."""
    found = clause.find(indicator, match_end) if indicator else -1
    return found + len(indicator) if 0 <= found - match_end <= QUOTE_REACH and indicator else match_end


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
    return failures


def _example_problem(rule: CompiledRule, text: str, expect: dict, rule_set: RuleSet) -> str | None:
    if rule.rule.role == "exclude" or rule.rule.scope == "heading":
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


def _fires(rule: CompiledRule, text: str, rule_set: RuleSet) -> bool:
    if rule.rule.role == "exclude" or rule.rule.scope == "heading":
        return rule.matches(fold(text))
    return bool(_produced(rule, text, rule_set))


def _comparable(key: str, value: object) -> object:
    """Values compare as floats, so that 6000 written in YAML equals 6000.0 read from a target."""
    return float(value) if key.startswith("value") and isinstance(value, (int, float, Decimal)) else value


def comparable_fields(target: Target) -> dict:
    return {key: _comparable(key, value) for key, value in target.model_dump(include=set(COMMITMENT_FIELDS)).items()}
