"""``planparse report``: one self-contained HTML page about several plans.

Everything the page needs is inside it (CSS, the small sorting script, the
charts as SVG), so it opens from disk with no server and no network. Text from
the documents only ever reaches the page through Jinja's autoescaping, and the
charts' labels through pygal's XML writer.
"""
from __future__ import annotations

import tempfile
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from heapq import heappush, heapreplace
from importlib import resources
from itertools import chain
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Optional, Sequence

import jinja2
from markupsafe import Markup

from ... import __version__
from ...atomic_file import text_parts
from ...compare import Cell, Matrix, MatrixRow
from ...models import Document, Target
from ...names import display_text, terminal_text
from ..compare import CHANGE_SIGNS, amount_text, cell_text, repeat_words, shown_targets
from .charts import stacked_bar

NO_DEADLINE = "no deadline"
BASELINE = "baseline"  # a level a plan starts from, dated by the year it was measured: no target (GUIDE)
_METADATA_SHOWN = ("doc_number", "issuer", "date", "period", "recipients", "attachments")


@dataclass(frozen=True)
class PlanView:
    """One plan as its section of the page shows it."""

    anchor: str
    file: str
    document: Document

    @property
    def title(self) -> str:
        return self.document.metadata.title or Path(self.file).name

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

    @cached_property
    def by_section(self) -> dict[Optional[str], list[Target]]:
        """The plan's targets by the id of their heading: grouped once, not at each heading the page shows (a crafted
        plan of 20,000 headings and as many targets, 16 MB, took report past five minutes)."""
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

    def summary(self) -> PlanSummary:
        return PlanSummary(
            title=self.title, commitment_count=len(self.commitments), baseline_count=self.baseline_count,
            by_deadline=Counter(str(t.deadline) if t.deadline else NO_DEADLINE for t in self.commitments),
            by_kind=Counter(t.kind for t in self.commitments))


@dataclass(frozen=True)
class PlanSummary:
    """What the top of the page (contents, matrix, charts) shows of a plan whose section is written."""

    title: str
    commitment_count: int
    baseline_count: int
    by_deadline: Counter[str]  # commitments by deadline year, or NO_DEADLINE
    by_kind: Counter[str]


def _section_key(section: Optional[str]) -> str:
    """A section id that sorts as numbers do: 2.10 after 2.9."""
    return ".".join(part.zfill(4) for part in section.split(".")) if section else ""


@lru_cache(maxsize=2)
def _template(name: str) -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("planparse.exporters", "report"),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=False, finalize=_shown,
    )
    return environment.get_template(name)


def _shown(value: object) -> object:
    """Every value the page shows with its control characters written as escapes (``\\xe2\\x80\\xae``), as the CSV and
    Markdown show them: a right-to-left override in a file's name (a plan's text has none: the reading drops them)
    turned the rest of the name around on the page, 规划\u202etxt.exe shown as 规划exe.txt."""
    if isinstance(value, Markup):
        return Markup(terminal_text(value))  # (the escapes hold no character markup would read)
    return terminal_text(value) if isinstance(value, str) else value


def _asset(name: str) -> Markup:
    """Our own CSS or script, inlined as it is (never text from a document)."""
    return Markup(resources.files("planparse.exporters.report").joinpath(name).read_text(encoding="utf-8"))


# Past this many plans the table of every pair of plans (plans² cells: 250,000 for 500 plans, half the page)
# is more than a person reads: the pairs sharing the most indicators are listed instead, with what was left out.
SHARING_TABLE_PLANS = 20
SHARING_PAIRS_LISTED = 100


def _shared_counts(comparison: Matrix) -> dict[str, dict[str, int]]:
    """For each pair of plans, the number of rows both hold targets in (a plan with itself: its rows)."""
    counts = {plan.id: {other.id: 0 for other in comparison.plans} for plan in comparison.plans}
    for row in comparison.rows:
        for plan in row.cells:
            for other in row.cells:
                counts[plan][other] += 1
    return counts


def _pairs_sharing(comparison: Matrix) -> tuple[list[tuple[tuple[str, str], int]], int]:
    """The SHARING_PAIRS_LISTED pairs of plans holding targets in the most same rows (then in the plans' order), with
    how many, and how many pairs share any. Counted a plan at a time, for the plans after it: a count of every pair
    at once held each pair sharing a row, 4.5 million for 3,000 plans sharing one indicator (1.2 GB and 43 s; 10,000
    plans, 50 million)."""
    order = {plan.id: index for index, plan in enumerate(comparison.plans)}
    shared_rows: list[list[list[int]]] = [[] for _plan in comparison.plans]  # each plan's rows held by others: the plans holding each
    for row in comparison.rows:
        if len(row.cells) > 1:
            holding = sorted(map(order.__getitem__, row.cells))
            for plan in holding:
                shared_rows[plan].append(holding)
    most: list[tuple[int, int, int]] = []  # (count, -plan, -other): the pairs sharing most (then first in order), least first
    sharing = 0
    for plan, rows in enumerate(shared_rows):
        later = [holding[bisect_right(holding, plan):] for holding in rows]  # the plans after it in each of its rows
        if len(most) == SHARING_PAIRS_LISTED and len(rows) <= most[0][0]:
            # None of its pairs can rank among those listed: each shares at most its rows, and one sharing as many as the
            # least listed ranks after it (its plan comes later). Only counted, in C: 10,000 plans sharing one
            # indicator took 8.7 s to count and rank their 50 million pairs, one by one.
            sharing += len(set().union(*later))
            continue
        counts = Counter(chain.from_iterable(later))
        sharing += len(counts)
        for other, count in counts.items():
            pair = (count, -plan, -other)
            if len(most) < SHARING_PAIRS_LISTED:
                heappush(most, pair)
            elif pair > most[0]:
                heapreplace(most, pair)
    ids = list(order)
    return [((ids[-plan], ids[-other]), count) for count, plan, other in sorted(most, reverse=True)], sharing


def _sharing(comparison: Matrix) -> dict[str, object]:
    """The page's view of plans sharing indicators: the table of every pair for a few plans, else the pairs
    sharing most and how many share any."""
    if len(comparison.plans) <= SHARING_TABLE_PLANS:
        return {"shared": _shared_counts(comparison)}
    pairs, sharing = _pairs_sharing(comparison)
    return {"shared": None, "pairs": pairs, "pairs_sharing": sharing}


def _row_cells(plans: list[str]) -> Callable[[MatrixRow], list[tuple[int, list[Cell]]]]:
    """A row of the matrix as (columns, targets) cells: each plan holding targets in it a cell, each run of plans
    holding none one empty cell across them. A row then costs what it holds, not the number of plans: 500 plans
    of 50 indicators each, most held by one plan, made a page of a gigabyte of empty cells."""
    def cells(row: MatrixRow) -> list[tuple[int, list[Cell]]]:
        found: list[tuple[int, list[Cell]]] = []
        for plan in plans:
            held = row.cells.get(plan, [])
            if held or not found or found[-1][1]:
                found.append((1, held))
            else:
                found[-1] = (found[-1][0] + 1, held)
        return found
    return cells


def _charts(plans: list[tuple[str, PlanSummary]]) -> tuple[Markup, Markup]:
    """Targets by deadline year and by kind, one stacked series per plan (id, summary); baselines, whose year is
    when they were measured, are no targets and would stand among the deadlines as if they were."""
    years = sorted({year for _id, plan in plans for year in plan.by_deadline if year != NO_DEADLINE})
    year_labels = years + ([NO_DEADLINE] if any(plan.by_deadline[NO_DEADLINE] for _id, plan in plans) else [])
    kinds = sorted({kind for _id, plan in plans for kind in plan.by_kind})
    return (
        stacked_bar("deadlines", "Targets by deadline year", year_labels, _stacked({plan_id: [plan.by_deadline[label] for label in year_labels] for plan_id, plan in plans})),
        stacked_bar("kinds", "Targets by kind", kinds, _stacked({plan_id: [plan.by_kind[kind] for kind in kinds] for plan_id, plan in plans})),
    )


# The most plans a chart stacks one by one: past it each is a sliver of a bar, in colours told apart no more, named in a
# legend no one reads (3,000 plans: 6,000 series, which pygal took half the page's time to draw).
CHART_PLANS = 20


def _stacked(series: dict[str, list[int]]) -> dict[str, list[int]]:
    """A chart's series, a plan each; past CHART_PLANS plans, one series of all of them."""
    if len(series) <= CHART_PLANS:
        return series
    return {f"all {len(series)} plans": [sum(counts) for counts in zip(*series.values())]}


@dataclass(frozen=True)
class WrittenSection:
    """Markup written already, as its UTF-8 bytes."""

    data: bytes

    def __html__(self) -> str:
        return self.data.decode("utf-8")


def _plan_section(index: int, plan: PlanView) -> bytes:
    """A plan's own section of the page: its metadata, headings with their targets, and its targets' table."""
    return _template("plan.html.j2").render(
        index=index, plan=plan, cell_text=cell_text, repeat_words=repeat_words, amount_text=amount_text, change_signs=CHANGE_SIGNS,
        section_key=_section_key, NO_DEADLINE=NO_DEADLINE).encode("utf-8")


class _SpooledSections:
    """The plans' sections, written to a temporary file as each plan comes and read back one by one where the page
    shows them, after the top that needs every plan: held in memory, 400 plans' sections were most of the page's."""

    def __init__(self, spool: BinaryIO):
        self.spool = spool
        self.sizes: list[int] = []

    def add(self, section: bytes) -> None:
        self.sizes.append(self.spool.write(section))

    def __iter__(self) -> Iterator[WrittenSection]:
        self.spool.seek(0)
        for size in self.sizes:
            yield WrittenSection(self.spool.read(size))


def report_page(documents: Iterable[tuple[str, Document]], line_up: Callable[[Iterable[tuple[str, Document]]], Matrix],
                unread: Sequence[tuple[str, str]] = ()) -> Iterator[bytes]:
    """The page for ``documents`` (file, document), in parts as they are made: each plan's section is written as the
    plan comes and the plan handed on to ``line_up``, which makes the comparison (its plans' ids and order those of
    ``documents``) the top of the page shows. Only what the top needs is kept, never every document whole (500 plans
    took 770 MB), nor the sections, nor the page (each plan's section and the page were 6.5 MiB per MB of JSON read).
    Every document is read before the first part is made: a bad one stops the page before any of it is written.
    ``unread``: the plans (file, why) that could not be read, filled as ``documents`` are, named at the top of the page
    (a reader of the page alone saw no sign that a plan was missing)."""
    summaries: list[PlanSummary] = []
    with tempfile.TemporaryFile() as spool:
        sections = _SpooledSections(spool)

        def written(documents: Iterable[tuple[str, Document]]) -> Iterator[tuple[str, Document]]:
            for index, (file, document) in enumerate(documents, 1):
                plan = PlanView(f"p{index}", display_text(file), document)
                sections.add(_plan_section(index, plan))
                summaries.append(plan.summary())
                yield file, document

        comparison = line_up(written(documents))
        plans = [(plan.id, summary) for plan, summary in zip(comparison.plans, summaries)]
        deadline_chart, kind_chart = _charts(plans)
        page = _template("report.html.j2").generate(
            version=__version__, css=_asset("report.css"), js=_asset("report.js"),
            unread=[(display_text(file), display_text(problem)) for file, problem in unread],
            plans=[(plan_id, summary.title) for plan_id, summary in plans], comparison=comparison,
            row_cells=_row_cells([plan_id for plan_id, _summary in plans]), shown_targets=shown_targets,
            target_count=sum(summary.commitment_count for summary in summaries), baseline_count=sum(summary.baseline_count for summary in summaries),
            shared_rows=sum(1 for row in comparison.rows if len(row.cells) > 1), **_sharing(comparison),
            deadline_chart=deadline_chart, kind_chart=kind_chart, plan_sections=sections,
        )
        yield from text_parts(page)
