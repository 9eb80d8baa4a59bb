"""The indicator matrix of ``planparse compare`` as CSV (with BOM), Markdown or JSON."""
from __future__ import annotations

import itertools
import re
from enum import Enum
from typing import Callable, Iterator, Union

from ..atomic_file import Chunks, text_parts
from ..compare import Cell, Matrix, MatrixRow
from ..models import Target
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


def _number(value: Union[int, float]) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


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
    if target.value is None:
        text = target.quote
    else:
        amount = _number(target.value) + (f"–{_number(target.value_max)}" if target.value_max is not None else "")
        sign = CHANGE_SIGNS.get(target.change or "", "")
        text = f"{repeat_words(target)}{_COMPARATOR_SIGNS[target.comparator]}{sign}{amount}{target.unit or ''}"
    return f"{text} ({target.deadline})" if target.deadline else text


def row_cells(comparison: Matrix, row: MatrixRow) -> list[str]:
    """The row's cell for each plan, in the plans' order; empty where a plan has no such target."""
    return [CELL_SEPARATOR.join(cell_text(target) for target in row.cells.get(plan.id, [])) for plan in comparison.plans]


def _header(comparison: Matrix) -> list[str]:
    return ["indicator", "unit", "kind", "plans", "names", *(plan.id for plan in comparison.plans)]


def _row(comparison: Matrix, row: MatrixRow) -> list[object]:
    return [row.indicator, row.unit, row.kind, len(row.cells), CELL_SEPARATOR.join(row.names), *row_cells(comparison, row)]


def comparison_csv(comparison: Matrix) -> Iterator[bytes]:
    return csv_parts(_header(comparison), (_row(comparison, row) for row in comparison.rows))


def comparison_markdown(comparison: Matrix) -> Iterator[bytes]:
    """The plans, then the matrix a line at a time: a line per indicator, a cell per plan."""
    header = _header(comparison)
    plans = [f"- {markdown_code(plan.id)}: {markdown_text(plan.metadata.title or plan.file)}\n" for plan in comparison.plans]
    return text_parts(itertools.chain(
        ["### Plans\n\n", *plans, "\n### Indicators\n\n", _markdown_line(header), "|" + "---|" * len(header) + "\n"],
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
