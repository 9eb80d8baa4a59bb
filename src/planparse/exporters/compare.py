"""The indicator matrix of ``planparse compare`` as CSV (with BOM), Markdown or JSON."""
from __future__ import annotations

import itertools
import re
from enum import Enum
from typing import Callable, Iterator, Optional, Union

from ..atomic_file import Chunks, text_parts
from ..compare import UNIT_SEPARATOR, Cell, Matrix, MatrixRow
from ..models import Target
from .amounts import written_amount
from .csv import csv_parts
from .json import model_json
from .markdown import markdown_code, markdown_text


class CompareFormat(str, Enum):
    csv = "csv"
    markdown = "markdown"
    json = "json"


# The format an output file's suffix asks for, when --format does not say.
SUFFIX_FORMATS = {".csv": CompareFormat.csv, ".md": CompareFormat.markdown, ".markdown": CompareFormat.markdown, ".json": CompareFormat.json}

_COMPARATOR_SIGNS = {">": ">", ">=": "≥", "<": "<", "<=": "≤", "=": "", "~": "约", "range": ""}
# A repeat's period as a cell says it: the ISO 8601 duration of a target's recurrence (每半年召开1次 -> P6M), or the
# period of its frequency where a table's column gave it no recurrence.
_PERIOD_WORDS = {"P1Y": "每年", "P6M": "每半年", "P3M": "每季度", "P1M": "每月", "P1W": "每周", "P1D": "每天"}
_FREQUENCY_PERIODS = {"annual": "P1Y", "quarterly": "P3M", "monthly": "P1M"}
_PERIOD = re.compile(r"P(?P<count>\d+)(?P<unit>[YMWD])")
_PERIOD_UNITS = {"Y": "年", "M": "个月", "W": "周", "D": "天"}
CHANGE_SIGNS = {"increase": "+", "decrease": "−"}  # 较2023年下降8%: −8%, a fall, no level of 8%
CELL_SEPARATOR = "；"  # several targets of one plan in one cell


def amount_text(target: Union[Cell, Target]) -> str:
    """A target's amount (a range: value–value_max) as its plan writes it (``written_amount``)."""
    return written_amount((target.value, target.value_max), target.quote)


def repeat_words(target: Union[Cell, Target]) -> str:
    """How often a target repeats, in words: 每年, 每半年, 每周, 每天, 每2年, 每10天; empty for a target that does not."""
    period = target.recurrence or _FREQUENCY_PERIODS.get(target.frequency or "")
    if period in _PERIOD_WORDS:
        return _PERIOD_WORDS[period]
    counted = _PERIOD.fullmatch(period or "")
    return f"每{counted['count']}{_PERIOD_UNITS[counted['unit']]}" if counted else ""


def cell_text(target: Union[Cell, Target]) -> str:
    """One target as a cell shows it: ``每年≥250名``, ``每半年1次``, ``>16% (2025)``, ``2–3期``, a change with its sign
    (``−8% (2026)``, ``每年+15%``); a milestone as its quote."""
    return _dated(_undated_text(target), target.deadline)


def _undated_text(target: Union[Cell, Target], row: Optional[MatrixRow] = None) -> str:
    if target.value is None:
        return target.quote
    amount = amount_text(target)
    sign = CHANGE_SIGNS.get(target.change or "", "")
    return f"{repeat_words(target)}{_COMPARATOR_SIGNS[target.comparator]}{sign}{amount}{target.unit or ''}{_converted(target, sign, row)}"


def _converted(target: Union[Cell, Target], sign: str, row: Optional[MatrixRow]) -> str:
    """``≈3333公顷`` of 5万亩 in a row of 公顷 and 亩: the amount in the row's first unit, to four significant
    digits, where the row joins units of different sizes (``MatrixRow.factors``); empty else."""
    factor = row.factors.get(target.unit or "", 1.0) if row else 1.0
    if factor == 1.0 or row is None or row.unit is None:
        return ""
    amounts = [float(f"{number * factor:.4g}") for number in (target.value, target.value_max) if number is not None]
    return f"≈{sign}{written_amount(amounts, '')}{row.unit.split(UNIT_SEPARATOR)[0]}"


def _dated(text: str, deadline: Optional[int]) -> str:
    return f"{text} ({deadline})" if deadline else text


def shown_targets(targets: list[Cell], row: Optional[MatrixRow] = None) -> dict[str, list[str]]:
    """A cell's targets as it shows them: each text once, with the quotes of the targets that read so; a target with
    no deadline as the one target of the cell that is the same but for a deadline. A plan stating a target twice
    showed it twice: 深圳 计划供应建设用地 1350公顷 (2016)；1350公顷 (2016), 桦阳 抽检柴油货车 350辆；350辆 (2024).
    Targets of one place (section and line) that read alike and are quoted apart are two, each shown with its quote
    (``_quoted_apart``)."""
    undated = [_undated_text(target, row) for target in targets]
    deadlines: dict[str, set[int]] = {}
    for text, target in zip(undated, targets):
        if target.deadline:
            deadlines.setdefault(text, set()).add(target.deadline)
    alike: dict[str, list[Cell]] = {}
    for text, target in zip(undated, targets):
        alike.setdefault(_dated(text, target.deadline or _only(deadlines.get(text, set()))), []).append(target)
    shown: dict[str, list[str]] = {}
    for text, group in alike.items():
        apart = _quoted_apart(group)
        for target in group:
            quotes = shown.setdefault(f"{text}「{target.quote}」" if apart else text, [])
            if target.quote not in quotes:
                quotes.append(target.quote)
    return shown


def _quoted_apart(targets: list[Cell]) -> bool:
    """Whether targets that read alike are different things: one sentence or table row does not state a target twice,
    so two of them quoted apart from one place are two (三是抓好白青乡10个美丽乡村和6镇10个美丽乡村: 10个 and 10个);
    from different places they are a target restated (in the goals, again in a section or a table)."""
    quotes: dict[tuple[Optional[str], Optional[int]], set[str]] = {}
    for target in targets:
        quotes.setdefault((target.section, target.line), set()).add(target.quote)
    return any(len(held) > 1 for held in quotes.values())


def _only(deadlines: set[int]) -> Optional[int]:
    return next(iter(deadlines)) if len(deadlines) == 1 else None


def row_cells(comparison: Matrix, row: MatrixRow) -> list[str]:
    """The row's cell for each plan, in the plans' order; empty where a plan has no such target."""
    return [CELL_SEPARATOR.join(shown_targets(row.cells.get(plan.id, []), row)) for plan in comparison.plans]


def _header(comparison: Matrix) -> list[str]:
    return ["indicator", "unit", "kind", "plans", "names", *(plan.id for plan in comparison.plans)]


def _row(comparison: Matrix, row: MatrixRow) -> list[object]:
    return [row.indicator, row.unit, row.kind, len(row.cells), CELL_SEPARATOR.join(row.names), *row_cells(comparison, row)]


def comparison_csv(comparison: Matrix) -> Iterator[bytes]:
    """The matrix, and a column of empty cells for each plan that could not be read, its header saying so and why
    (``not read: plans/揭阳.docx: not a valid DOCX file``): a spreadsheet shows what was left out where the plans are,
    and the table stays a rectangle of one row per indicator for whoever loads it."""
    unread = [f"not read: {file}: {problem}" for file, problem in comparison.unread]
    return csv_parts(_header(comparison) + unread, (_row(comparison, row) + [""] * len(unread) for row in comparison.rows))


def comparison_markdown(comparison: Matrix) -> Iterator[bytes]:
    """The plans (and those that could not be read), then the matrix a line at a time: a line per indicator, a cell per plan."""
    header = _header(comparison)
    plans = [f"- {markdown_code(plan.id)}: {markdown_text(plan.metadata.title or plan.file)}\n" for plan in comparison.plans]
    unread = [f"- {markdown_code(file)}: {markdown_text(problem)}\n" for file, problem in comparison.unread]
    return text_parts(itertools.chain(
        ["### Plans\n\n", *plans, *(["\n### Not read (no column)\n\n", *unread] if unread else []),
         "\n### Indicators\n\n", _markdown_line(header), "|" + "---|" * len(header) + "\n"],
        (_markdown_line(_row(comparison, row)) for row in comparison.rows)))


def _markdown_line(cells: list[object]) -> str:
    return "| " + " | ".join(markdown_text(cell) for cell in cells) + " |\n"


def comparison_json(comparison: Matrix) -> bytes:
    return model_json(comparison.model()).encode("utf-8")


RENDERERS: dict[CompareFormat, Callable[[Matrix], Chunks]] = {
    CompareFormat.csv: comparison_csv,
    CompareFormat.markdown: comparison_markdown,
    CompareFormat.json: comparison_json,
}
