"""What every reader read, as a reader of the page sees it: without controls and escape sequences (controls.py), a
crawler's character references and odd spaces as the characters they show (crawled.py)."""
from __future__ import annotations

from ..models import PageInfo, SourceLine, TableData
from .controls import without_controls
from .crawled import as_read


def shown(text: str) -> str:
    """``text`` as shown; the very string when nothing in it needs reading (most lines)."""
    return as_read(without_controls(text))


def lines_shown(lines: list[SourceLine]) -> list[SourceLine]:
    return [line if (text := shown(line.text)) is line.text else SourceLine(
        text, line.line, line.page, line.in_table, line.opens_paragraph) for line in lines]


def table_shown(table: TableData) -> TableData:
    header, *rows = [[shown(cell) for cell in row] for row in (table.header, *table.rows)]
    if header == table.header and rows == table.rows:
        return table
    return table.model_copy(update={"header": header, "rows": rows})


def page_shown(page: PageInfo | None) -> PageInfo | None:
    if page is None:
        return None
    return page.model_copy(update={name: shown(value) for name, value in page if isinstance(value, str)})
