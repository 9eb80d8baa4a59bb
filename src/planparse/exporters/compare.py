"""The indicator matrix of ``planparse compare`` as CSV (with BOM), Markdown or JSON."""
from __future__ import annotations

from enum import Enum
from typing import Callable, Union

from ..models import CellTarget, Comparison, IndicatorRow, Target
from .csv import to_csv
from .json import model_json


class CompareFormat(str, Enum):
    csv = "csv"
    markdown = "markdown"
    json = "json"


# The format an output file's suffix asks for, when --format does not say.
SUFFIX_FORMATS = {".csv": CompareFormat.csv, ".md": CompareFormat.markdown, ".markdown": CompareFormat.markdown, ".json": CompareFormat.json}

_COMPARATOR_SIGNS = {">": ">", ">=": "≥", "<": "<", "<=": "≤", "=": "", "~": "约", "range": ""}
_FREQUENCY_WORDS = {"annual": "每年", "quarterly": "每季度", "monthly": "每月"}
CHANGE_SIGNS = {"increase": "+", "decrease": "−"}  # 较2023年下降8%: −8%, a fall, no level of 8%
CELL_SEPARATOR = "；"  # several targets of one plan in one cell


def _number(value: Union[int, float]) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def cell_text(target: Union[CellTarget, Target]) -> str:
    """One target as a cell shows it: ``每年≥250名``, ``>16% (2025)``, ``2–3期``, a change with its sign (``−8% (2026)``,
    ``每年+15%``); a milestone as its quote."""
    if target.value is None:
        text = target.quote
    else:
        amount = _number(target.value) + (f"–{_number(target.value_max)}" if target.value_max is not None else "")
        sign = CHANGE_SIGNS.get(target.change or "", "")
        text = f"{_FREQUENCY_WORDS.get(target.frequency or '', '')}{_COMPARATOR_SIGNS[target.comparator]}{sign}{amount}{target.unit or ''}"
    return f"{text} ({target.deadline})" if target.deadline else text


def row_cells(comparison: Comparison, row: IndicatorRow) -> list[str]:
    """The row's cell for each plan, in the plans' order; empty where a plan has no such target."""
    return [CELL_SEPARATOR.join(cell_text(target) for target in row.cells.get(plan.id, [])) for plan in comparison.plans]


def _header(comparison: Comparison) -> list[str]:
    return ["indicator", "unit", "kind", "plans", "names", *(plan.id for plan in comparison.plans)]


def _row(comparison: Comparison, row: IndicatorRow) -> list[object]:
    return [row.indicator, row.unit, row.kind, len(row.cells), CELL_SEPARATOR.join(row.names), *row_cells(comparison, row)]


def comparison_csv(comparison: Comparison) -> bytes:
    return to_csv(_header(comparison), (_row(comparison, row) for row in comparison.rows))


def _markdown_cell(value: object) -> str:
    return "" if value is None else str(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def comparison_markdown(comparison: Comparison) -> bytes:
    lines = ["| " + " | ".join(_markdown_cell(name) for name in _header(comparison)) + " |",
             "|" + "---|" * len(_header(comparison))]
    lines += ["| " + " | ".join(_markdown_cell(cell) for cell in _row(comparison, row)) + " |" for row in comparison.rows]
    plans = [f"- `{_markdown_cell(plan.id)}`: {_markdown_cell(plan.metadata.title or plan.file)}" for plan in comparison.plans]
    return ("\n".join(["### Plans", "", *plans, "", "### Indicators", "", *lines]) + "\n").encode("utf-8")


def comparison_json(comparison: Comparison) -> bytes:
    return model_json(comparison).encode("utf-8")


RENDERERS: dict[CompareFormat, Callable[[Comparison], bytes]] = {
    CompareFormat.csv: comparison_csv,
    CompareFormat.markdown: comparison_markdown,
    CompareFormat.json: comparison_json,
}
