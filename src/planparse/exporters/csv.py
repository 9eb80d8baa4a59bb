"""CSV output for spreadsheets: UTF-8 with BOM so Excel shows Chinese."""
from __future__ import annotations

import csv
import io
from typing import Callable, Iterable, Iterator

from ..models import Document, Section

BOM = "\ufeff"
SECTION_COLUMNS = ["id", "level", "style", "number", "marker", "title", "page", "line"]


def to_csv(header: list[str], rows: Iterable[list[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(["" if cell is None else cell for cell in row] for row in rows)
    return (BOM + buffer.getvalue()).encode("utf-8")


def walk_sections(sections: list[Section]) -> Iterator[Section]:
    for section in sections:
        yield section
        yield from walk_sections(section.children)


def sections_csv(document: Document) -> bytes:
    rows = (
        [s.id, s.level, s.style.value, s.number, s.marker, s.title, s.page, s.line]
        for s in walk_sections(document.sections)
    )
    return to_csv(SECTION_COLUMNS, rows)


# One writer per table a user can ask for with ``--table``.
CSV_TABLES: dict[str, Callable[[Document], bytes]] = {
    "sections": sections_csv,
}
