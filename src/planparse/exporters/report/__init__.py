"""``planparse report``: one self-contained HTML page about several plans.

Everything the page needs is inside it (CSS, the small sorting script, the
charts as SVG), so it opens from disk with no server and no network. Text from
the documents only ever reaches the page through Jinja's autoescaping, and the
charts' labels through pygal's XML writer.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable, Optional, Union

import jinja2
from markupsafe import Markup

from ... import __version__
from ...models import CellTarget, Comparison, Document, IndicatorRow, Target
from ...names import display_text
from ..compare import CHANGE_SIGNS, cell_text
from .charts import stacked_bar

NO_DEADLINE = "no deadline"
BASELINE = "baseline"  # a level a plan starts from, dated by the year it was measured: no target (GUIDE)
_METADATA_SHOWN = ("doc_number", "issuer", "date", "period", "recipients", "attachments")


@dataclass(frozen=True)
class PlanView:
    """One plan as the page shows it."""

    id: str
    anchor: str
    file: str
    document: Document

    @property
    def title(self) -> str:
        return self.document.metadata.title or self.id

    @property
    def metadata(self) -> list[tuple[str, str]]:
        shown = []
        for name in _METADATA_SHOWN:
            value = getattr(self.document.metadata, name)
            if isinstance(value, list):
                value = "；".join(value)
            elif value is not None and name == "period":
                value = f"{value.start}–{value.end}"
            if value:
                shown.append((name, str(value)))
        return shown

    @property
    def commitments(self) -> list[Target]:
        """The plan's targets, its baselines left out."""
        return [target for target in self.document.targets if target.kind != BASELINE]

    @property
    def baseline_count(self) -> int:
        return len(self.document.targets) - len(self.commitments)

    @property
    def by_section(self) -> dict[Optional[str], list[Target]]:
        grouped: dict[Optional[str], list[Target]] = {}
        for target in self.document.targets:
            grouped.setdefault(target.section, []).append(target)
        return grouped

    @property
    def kinds(self) -> list[str]:
        return sorted({target.kind for target in self.document.targets})

    @property
    def deadlines(self) -> list[str]:
        years = sorted({target.deadline for target in self.document.targets if target.deadline})
        return [str(year) for year in years] + ([NO_DEADLINE] if any(not t.deadline for t in self.document.targets) else [])

    @property
    def top_sections(self) -> list[tuple[str, str]]:
        return [(section.id, section.title) for section in self.document.sections]


def _number(value: Optional[Union[int, float]], value_max: Optional[Union[int, float]]) -> str:
    if value is None:
        return ""
    return f"{value:g}" + (f"–{value_max:g}" if value_max is not None else "")


def _section_key(section: Optional[str]) -> str:
    """A section id that sorts as numbers do: 2.10 after 2.9."""
    return ".".join(part.zfill(4) for part in section.split(".")) if section else ""


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("planparse.exporters", "report"),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=False,
    )
    return environment.get_template("report.html.j2")


def _asset(name: str) -> Markup:
    """Our own CSS or script, inlined as it is (never text from a document)."""
    return Markup(resources.files("planparse.exporters.report").joinpath(name).read_text(encoding="utf-8"))


def _shared_counts(comparison: Comparison) -> dict[str, dict[str, int]]:
    """For each pair of plans, the number of rows both hold targets in (a plan with itself: its rows)."""
    counts = {plan.id: {other.id: 0 for other in comparison.plans} for plan in comparison.plans}
    for row in comparison.rows:
        for plan in row.cells:
            for other in row.cells:
                counts[plan][other] += 1
    return counts


def _row_cells(plans: list[str]) -> Callable[[IndicatorRow], list[tuple[int, list[CellTarget]]]]:
    """A row of the matrix as (columns, targets) cells: each plan holding targets in it a cell, each run of plans
    holding none one empty cell across them. A row then costs what it holds, not the number of plans: 500 plans
    of 50 indicators each, most held by one plan, made a page of a gigabyte of empty cells."""
    def cells(row: IndicatorRow) -> list[tuple[int, list[CellTarget]]]:
        found: list[tuple[int, list[CellTarget]]] = []
        for plan in plans:
            held = row.cells.get(plan, [])
            if held or not found or found[-1][1]:
                found.append((1, held))
            else:
                found[-1] = (found[-1][0] + 1, held)
        return found
    return cells


def _charts(plans: list[PlanView]) -> tuple[Markup, Markup]:
    """Targets by deadline year and by kind, one stacked series per plan; baselines, whose year is when they were
    measured, are no targets and would stand among the deadlines as if they were."""
    years = sorted({str(t.deadline) for plan in plans for t in plan.commitments if t.deadline})
    year_labels = years + ([NO_DEADLINE] if any(not t.deadline for plan in plans for t in plan.commitments) else [])
    kinds = sorted({t.kind for plan in plans for t in plan.commitments})
    by_year = {plan.id: Counter(str(t.deadline) if t.deadline else NO_DEADLINE for t in plan.commitments) for plan in plans}
    by_kind = {plan.id: Counter(t.kind for t in plan.commitments) for plan in plans}
    return (
        stacked_bar("deadlines", year_labels, {plan: [counts[label] for label in year_labels] for plan, counts in by_year.items()}),
        stacked_bar("kinds", kinds, {plan: [counts[kind] for kind in kinds] for plan, counts in by_kind.items()}),
    )


def render_report(documents: list[tuple[str, Document]], comparison: Comparison) -> bytes:
    """The page for ``documents`` (file, document), in the order and with the plan ids of ``comparison``."""
    plans = [PlanView(plan.id, f"p{index}", display_text(file), document)
             for index, (plan, (file, document)) in enumerate(zip(comparison.plans, documents), 1)]
    deadline_chart, kind_chart = _charts(plans)
    html = _template().render(
        version=__version__, css=_asset("report.css"), js=_asset("report.js"),
        plans=plans, comparison=comparison, row_cells=_row_cells([plan.id for plan in plans]), cell_text=cell_text, number=_number, change_signs=CHANGE_SIGNS, section_key=_section_key,
        target_count=sum(len(plan.commitments) for plan in plans), baseline_count=sum(plan.baseline_count for plan in plans),
        shared_rows=sum(1 for row in comparison.rows if len(row.cells) > 1), shared=_shared_counts(comparison),
        deadline_chart=deadline_chart, kind_chart=kind_chart, NO_DEADLINE=NO_DEADLINE,
    )
    return html.encode("utf-8")
