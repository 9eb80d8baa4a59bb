"""CSV output for spreadsheets: UTF-8 with BOM so Excel shows Chinese.

Every CSV planparse writes goes through ``to_csv``, which neutralises cells a
spreadsheet would run as a formula (``spreadsheet_cell``): write new CSV
tables with it, never with ``csv.writer`` directly.
"""
from __future__ import annotations

import csv
import io
import itertools
from typing import Callable, Iterable, Iterator

import regex

from .. import patterns
from ..atomic_file import text_parts
from ..models import Document, Metadata, Target, walk_sections
from ..names import terminal_text

BOM = "\ufeff"
SECTION_COLUMNS = ["id", "level", "style", "number", "marker", "title", "page", "line"]


# A text cell starting with one of these is a formula to Excel, LibreOffice
# and Google Sheets (``=HYPERLINK(…)`` from a plan's sentence): OWASP's CSV
# injection advice is to put a ' before it, which shows the text as written.
# Every sign NFKC folds to one (Excel in Chinese and Japanese takes ＝ for =),
# and any sign behind what an import may trim or pass over first: blanks of
# any width (a web page's no-break space, the ideographic space), control
# characters and invisible ones (a zero-width space, a byte order mark, a
# direction mark).
FORMULA_SIGNS = "=+-@＝＋－＠﹦﹢﹣﹫⁼₌⁺₊﬩"
FORMULA_START = patterns.compile(rf"[\t\r]|[\p{{White_Space}}\p{{Cc}}\p{{Cf}}]*[{regex.escape(FORMULA_SIGNS)}]")


def spreadsheet_cell(cell: object) -> object:
    """A cell as a spreadsheet should show it: text that would start a formula gets a leading '."""
    if cell is None:
        return ""
    if isinstance(cell, str) and len(cell) > 1 and FORMULA_START.match(cell):
        return "'" + cell
    # Numbers stay numbers (-5 is a value), and a lone character is no formula: the comparator "=" stays.
    return cell


def to_csv(header: list[str], rows: Iterable[list[object]]) -> bytes:
    """A table as CSV bytes, every text cell made safe to open in a spreadsheet."""
    return b"".join(csv_parts(header, rows))


def csv_parts(header: list[str], rows: Iterable[list[object]]) -> Iterator[bytes]:
    """A table as CSV bytes in parts, each made as its rows come: a table larger than what it is made from is
    never held whole (compare's matrix, a column per plan, grows as plans times indicators)."""
    yield BOM.encode("utf-8")
    yield from text_parts(terminal_text(csv_lines([row])) for row in itertools.chain([header], rows))


def csv_lines(rows: Iterable[list[object]]) -> str:
    """Rows as CSV text, every cell made safe: a table made in parts (``batch``'s, a document's rows
    at a time) is ``csv_file`` of their lines joined."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([spreadsheet_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def csv_file(header: list[str], lines: str) -> bytes:
    return (BOM + terminal_text(csv_lines([header]) + lines)).encode("utf-8")


def sections_csv(document: Document) -> bytes:
    rows = (
        [s.id, s.level, s.style.value, s.number, s.marker, s.title, s.page, s.line]
        for s in walk_sections(document.sections)
    )
    return to_csv(SECTION_COLUMNS, rows)


TARGET_COLUMNS = ["document", "id", "section", "headings", "indicator", "value", "value_max", "unit", "comparator",
                  "deadline", "frequency", "change", "kind", "quote", "page", "line", "rule", "review"]
HEADING_SEPARATOR = " > "
REVIEW_SEPARATOR = "；"  # the reasons a reading needs a reader's check


def target_rows(document: str, targets: list[Target]) -> Iterator[list[object]]:
    """One row per target; the heading titles above it joined outermost first (``planparse batch`` shares them)."""
    return (
        [document, t.id, t.section, HEADING_SEPARATOR.join(t.headings), t.indicator, t.value, t.value_max,
         t.unit, t.comparator, t.deadline, t.frequency, t.change, t.kind, t.quote, t.page, t.line, t.rule, REVIEW_SEPARATOR.join(t.review)]
        for t in targets
    )


def targets_csv(document: Document) -> bytes:
    return to_csv(TARGET_COLUMNS, target_rows(document.source.path, document.targets))


RESPONSIBILITY_COLUMNS = ["section", "heading", "source", "lead", "support", "page", "line"]
# Units are joined with ；, never 、, which also stands inside names: 各县（市、区）政府.
UNIT_SEPARATOR = "；"


_METADATA_FIELDS = [name for name in Metadata.model_fields if name != "period"]
DOCUMENT_COLUMNS = ["document", "format", *_METADATA_FIELDS, "period_start", "period_end", "targets", "sha256"]


def document_row(relative: str, document: Document) -> list[object]:
    """One row of ``documents.csv`` (``planparse batch``): the document's metadata, lists of units joined as in the other tables."""
    metadata = document.metadata.model_dump(mode="json")
    period = document.metadata.period
    return [
        relative, document.source.format,
        *(UNIT_SEPARATOR.join(value) if isinstance(value, list) else value for value in (metadata[name] for name in _METADATA_FIELDS)),
        period.start if period else None, period.end if period else None,
        len(document.targets), document.source.sha256,
    ]


def responsibilities_csv(document: Document) -> bytes:
    """One row per annotation or 分工表 row: the section, its lead and support units."""
    rows = (
        [r.section, r.heading, r.source, UNIT_SEPARATOR.join(r.lead), UNIT_SEPARATOR.join(r.support), r.page, r.line]
        for r in document.responsibilities
    )
    return to_csv(RESPONSIBILITY_COLUMNS, rows)


def tables_csv(document: Document) -> bytes:
    """Every table's cells, one row per table row; row 0 is the header."""
    width = max((len(row) for table in document.tables for row in [table.header] + table.rows), default=0)
    rows = (
        [number, index, *row]
        for number, table in enumerate(document.tables, 1)
        for index, row in enumerate([table.header] + table.rows)
    )
    return to_csv(["table", "row"] + [f"cell_{column}" for column in range(1, width + 1)], rows)


# One writer per table a user can ask for with ``--table``.
CSV_TABLES: dict[str, Callable[[Document], bytes]] = {
    "sections": sections_csv,
    "targets": targets_csv,
    "responsibilities": responsibilities_csv,
    "tables": tables_csv,
}
