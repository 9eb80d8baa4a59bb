"""``planparse explain``: every number of a document, with what was decided of it and why.

This is how a user understands a miss and writes a rule for it: each number the
text holds is listed with the rule that read it (or that none did), the cue that
decided it (a target, a baseline, not a target), and its deadline and time anchor.
Milestone phrases the rules read are listed too, and so is every number of a table, cell by cell:
what an indicator table's target cells and a 分工表's task cells give, and why the other cells give nothing.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterator, Sequence

import regex

from .models import DEFAULT_DECISION, Metadata, NumberDecision, Paragraph, TableData, Target
from .folding import fold
from .rules import RuleSet
from .outline import Outline
from .target_tables import (BASE_COLUMN, BASE_ROW, BEFORE_PLAN, TableLayout, TimeLimitReader, caption_unit, caption_year, cell_pattern,
                            indicator_cells, place_total_row, row_year, splits_a_task, table_layout, table_trail)
from .targets import (BEFORE_AIM, NOT_TARGET, PlanFrame, Reading, Span, document_frame, read_document, readings_in_text,
                      time_reading)

# An Arabic number (2025, 1.5, 1,500) or a run of Chinese numerals (一百五十, 两): what "a number" is here.
_NUMBER = regex.compile(r"\d+(?:[.,]\d+)*|[零〇一二两三四五六七八九十百千]+")
# A Chinese numeral that is a word, not a quantity (一是, 统一, 第一, 一体化): left out unless a rule read it.
_CN_WORD = regex.compile(r"^[一二两三四五六七八九十]$")
_CONTEXT = 14  # characters shown either side of a number
_YEAR_WORDS = regex.compile(r"^\s*年|^\s*[-—–~～至]\s*\d{2,4}\s*年")
_DATE_WORDS = regex.compile(r"^\s*(?:月|日|号|时|点)")
_DOC_NUMBER = regex.compile(r"[〕\]］)）]\s*$")
_PLAN_NAME = regex.compile(r"^十[一二三四五六七八九]五$")


def explain_document(outline: Outline, rule_set: RuleSet, metadata: Metadata | None = None,
                     tables: Sequence[TableData] = ()) -> list[NumberDecision]:
    """Every number and milestone phrase of the document's text, in order, each with a decision and a reason;
    then every number of each table, cell by cell; ``metadata`` as find_targets takes it."""
    frame = document_frame(outline, rule_set, metadata)
    read_time = time_reading(rule_set, frame)
    readings = read_document(outline, rule_set, frame, read_time)
    by_paragraph: dict[int, list[Reading]] = {}
    for reading in readings:
        by_paragraph.setdefault(id(reading.paragraph), []).append(reading)
    row_lines = [_row_lines(table, outline) for table in tables]
    table_lines = {line for table, lines in zip(tables, row_lines) for line in (table.line or 0, *lines)}
    decisions: list[NumberDecision] = []
    for block in outline.blocks:
        paragraph = block.paragraph
        if paragraph.in_table and paragraph.line in table_lines:
            continue  # a table's row: its cells are explained with their table, below
        found = by_paragraph.get(id(paragraph), [])
        decisions += _paragraph_decisions(paragraph, found, block.title_start, rule_set, frame)
    for table, lines in zip(tables, row_lines):
        decisions += _table_decisions(table, lines, outline, rule_set, frame, read_time)
    return decisions


def _row_lines(table: TableData, outline: Outline) -> list[int]:
    """The line of each of the table's rows (``Outline.row_lines``: a Markdown table's delimiter row, a blank line between
    rows are no row: counting on from the header, each row after one was given the line before its own); else counted
    on from the header (a table of one cell a line)."""
    return outline.row_lines(table) or [(table.line or 0) + number + 1 for number in range(len(table.rows))]


def _table_decisions(table: TableData, row_lines: list[int], outline: Outline, rule_set: RuleSet,
                     frame: PlanFrame, read_time: TimeLimitReader) -> Iterator[NumberDecision]:
    """Each number of a table, row by row (at ``row_lines``): the header's, then each cell's, with what its column makes of it."""
    unit = caption_unit(table, outline)
    layout = replace(table_layout(table, frame.start, rule_set, unit_given=splits_a_task(table, outline, unit)),
                     read_time=read_time)
    line = table.line or 0
    given = ({} if layout.indicator is None else
             {(row, column): target for row, column, target in indicator_cells(table, layout.indicator, cell_pattern(rule_set), rule_set, frame.start,
                                                                     unit, None,
                                                                     caption_year(table, outline, layout.read_time) or frame.end)})
    headings = tuple(section.title for section in table_trail(table, outline))
    for column, name in enumerate(table.header):
        yield from _cell_numbers(name, line, _header_reason(layout, column))
    for row_number, (row, row_line) in enumerate(zip(table.rows, row_lines)):
        task_cells = {layout.task: layout.due_year(row), **dict(layout.content_due(row))}  # 建设内容 counts as the task does
        for column, cell in enumerate(row):
            target = given.get((row_number, column))
            if target is not None:
                yield _indicator_cell_decision(target, row_line)
            elif column in task_cells:
                yield from _task_cell_decisions(cell, headings, task_cells[column], row_line, rule_set, frame)
            else:
                yield from _cell_numbers(cell, row_line, _cell_reason(layout, column, table.header, row))


def _indicator_cell_decision(target: Target, line: int) -> NumberDecision:
    return NumberDecision(
        line=line, text=target.quote.split("\t")[-1], context=target.quote.replace("\t", " | "),
        decision="baseline" if target.kind == "baseline" else "target", rule=target.rule,
        cue=target.decided_by, reason=_indicator_cell_reason(target), value=target.value, unit=target.unit,
        deadline=target.deadline, time_anchor=target.time_anchor)


def _indicator_cell_reason(target: Target) -> str:
    if target.decided_by == BASE_COLUMN:
        return "a cell of a table's column of where the plan starts (a year before its first, 基期, 现状): it reports the past"
    if target.decided_by == BASE_ROW:
        return "a cell of a table of yearly rows, in the row its year cell notes as the base (基期, 现状): where the plan starts"
    if target.decided_by == BEFORE_PLAN:
        return f"a cell of a table of yearly rows, in the row of {target.deadline}, before the plan's first year: it reports the past"
    column = f"the year {target.deadline} of its column (or, in a table of yearly rows, its row)" if target.deadline else "its target column"
    return f"a cell of an indicator table; due by {column}"


def _task_cell_decisions(cell: str, headings: tuple[str, ...], due: int | None, line: int, rule_set: RuleSet,
                         frame: PlanFrame) -> Iterator[NumberDecision]:
    """A 分工表's task cell, decided as the text's sentences are (what extract takes from it), due by its row's 时限."""
    readings = readings_in_text(cell, headings, rule_set, frame, due)
    where = f"a 分工表's task cell, due by its row's time limit {due}" if due else "a 分工表's task cell"
    for decision in _paragraph_decisions(Paragraph(text=fold(cell), written=cell, line=line), readings, 0, rule_set, frame):
        yield decision.model_copy(update={"line": line, "reason": f"{where}: {decision.reason}"})


def _header_reason(layout: TableLayout, column: int) -> str:
    if layout.indicator is not None and any(column == target for target, _ in layout.indicator.measured):
        return "a target column's header: its year, if any, is the deadline of the column's cells"
    return "a table's header: it names a column"


def _cell_reason(layout: TableLayout, column: int, header: list[str], row: list[str]) -> str:
    name = header[column] if column < len(header) else ""
    if layout.indicator is not None:
        columns = layout.indicator
        if columns.yearly_rows and row_year(row, columns) is None:
            return "a total row of a table of yearly rows: it adds up the years' cells above it, each already a target"
        if place_total_row(row, columns):
            return "a total row of a task split over places: it adds up the places' cells above it, each already a target"
        if column == columns.indicator and columns.yearly_rows:
            return "the row's year (a table of yearly rows): the deadline of the row's cells"
        if column == columns.indicator:
            return "the indicator's name: a number there names what is measured"
        if column == columns.unit:
            return "a unit cell"
        if any(column == target for target, _ in columns.measured):
            zero = " or a place's 0 (no share of the task)" if columns.places else ""
            return f"a target column's cell that is not one value (≥95, 95以上, 约10, 2-3){zero}: no target"
        return (f"column “{name}” is no target column (a base year or one before the plan, the present value, a note, a row "
                "number, the whole a task is split over: 全市, 合计)")
    if layout.task is not None:
        if column == layout.due:
            return "the row's time limit: the deadline of its task's numbers"
        return f"column “{name}” of a 分工表: only its task column gives targets"
    return ("a table with neither an indicator column beside a target column (目标, 规划值, a year of the plan) nor a task "
            "column beside a lead or support unit column: its numbers give no targets")


def _cell_numbers(cell: str, line: int, reason: str) -> Iterator[NumberDecision]:
    text = fold(cell)
    for match in _NUMBER.finditer(text):
        if not _CN_WORD.match(match.group()):
            yield NumberDecision(line=line, text=match.group(), context=_context(text, Span(*match.span())),
                                 decision="unread", reason=reason)


def _paragraph_decisions(paragraph: Paragraph, readings: list[Reading], marker_end: int, rule_set: RuleSet,
                         frame: PlanFrame) -> Iterator[NumberDecision]:
    text = paragraph.text
    items: list[tuple[int, NumberDecision]] = []
    for reading in readings:
        items.append((reading.at.start, _reading_decision(reading, text, rule_set, frame)))
    for match in _NUMBER.finditer(text):
        span = Span(*match.span())
        if any(span.overlaps(reading.at) or reading.at.inside(span) for reading in readings):
            continue
        if _CN_WORD.match(match.group()):
            continue
        line, _ = paragraph.position(span.start)
        items.append((span.start, NumberDecision(
            line=line, text=match.group(), context=_context(text, span), decision="unread",
            reason=_unread_reason(text, span, marker_end, paragraph.in_table))))
    for _, decision in sorted(items, key=lambda item: item[0]):
        yield decision


def _reading_decision(reading: Reading, text: str, rule_set: RuleSet, frame: PlanFrame) -> NumberDecision:
    candidate = reading.candidate
    decision = "not_target" if candidate.decision == NOT_TARGET else candidate.decision
    reason = "; check: ".join([_reason(candidate.cue, candidate.deadline, rule_set, frame), *candidate.review])  # what a reader checks
    return NumberDecision(
        line=reading.line, text=text[reading.at.start:reading.at.end], context=_context(text, reading.at),
        decision=decision, rule=candidate.rule.id, cue=candidate.cue, reason=reason,
        value=reading.target.value if reading.target else None, unit=candidate.unit, deadline=candidate.deadline,
        time_anchor=candidate.time_anchor,  # type: ignore[arg-type]
    )


def _reason(cue: str, deadline: int | None, rule_set: RuleSet, frame: PlanFrame) -> str:
    if cue == DEFAULT_DECISION:
        return "a rule read it and no cue objects"
    if cue == BEFORE_AIM:
        return f"a level stated for {deadline}, before the year its paragraph aims at, in a plan whose years are unknown: it reports the past"
    if cue == BEFORE_PLAN:
        return f"due {deadline}, before {frame.present}, the plan's first year (or the year it was signed, if later)" if frame.present else f"due {deadline}, before the plan"
    rule = next((rule for rule in rule_set.rules if rule.id == cue), None)
    return _first_sentence(rule.rule.description) if rule else cue


def _first_sentence(description: str) -> str:
    sentence = regex.split(r"(?<=[.;:])\s", " ".join(description.split()), maxsplit=1)[0]
    return sentence.rstrip(".;:")


def _unread_reason(text: str, span: Span, marker_end: int, in_table: bool) -> str:
    after = text[span.end:span.end + 6]
    if in_table:
        return "a table row that no table was read from: it gives no targets"
    if span.end <= marker_end:
        return "a heading's number"
    if _YEAR_WORDS.match(after):
        return "a year or a span of years: a date, a deadline or a period, not an amount"
    before = text[max(0, span.start - 2):span.start]
    if after.startswith("号") and (_DOC_NUMBER.search(before) or "〔" in before):
        return "a document number"
    if _DATE_WORDS.match(after):
        return "part of a date or time"
    if _PLAN_NAME.match(text[span.start:span.end]):
        return "the name of a five-year plan"
    if before.endswith(("“", "\"", "《")):
        return "inside a quoted name"
    return "no rule reads it: no measure word after it, or inside a name or a document number"


def _context(text: str, span: Span) -> str:
    before = text[max(0, span.start - _CONTEXT):span.start]
    after = text[span.end:span.end + _CONTEXT]
    return f"{before}[{text[span.start:span.end]}]{after}".replace("\n", " ")


_LABELS = {"target": "TARGET", "baseline": "BASELINE", "not_target": "NOT", "unread": "-"}


def explain_lines(decisions: list[NumberDecision]) -> Iterator[str]:
    """The decisions as terminal lines: where, what, the decision, rule / cue, and why, then the context."""
    for item in decisions:
        by = f"{item.rule} / {item.cue}" if item.rule else "no rule"
        when = f" due {item.deadline}" if item.deadline else f" ({item.time_anchor})" if item.time_anchor != "none" else ""
        yield f"{item.line:>5}  {item.text:<8} {_LABELS[item.decision]:<8} {by}{when}: {item.reason}"
        yield f"{'':>5}  {item.context}"


def explain_summary(decisions: list[NumberDecision]) -> str:
    counts = {label: sum(1 for item in decisions if item.decision == label) for label in _LABELS}
    return ", ".join(f"{count} {label.replace('_', ' ')}" for label, count in counts.items()) + f" of {len(decisions)}"
