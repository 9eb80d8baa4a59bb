"""Tables: rows found in plain text, and every table tidied the same way.

DOCX and PDF readers hand over their tables; a text file only has lines. A
text table comes in two layouts: one row a line with cells parted by tabs,
or one cell a line, each indented by a tab, with a blank line between rows.
Whatever the source, merged cells are filled down, a header row repeated
on each page is dropped, and a second header row naming the columns a header
cell spans (责任单位 over 牵头单位 | 配合单位) names them, so that one table
reads the same from every format.
"""
from __future__ import annotations

from itertools import combinations

import regex

from . import patterns
from .models import RawDocument, SourceLine, TableData
from .folding import fold
from .indicator import indicator_rules
from .normalize import clean_line, table_rows
from .responsibility_notes import names_units
from .rules import rules_cache

# Columns whose empty cells are really empty, not the lower part of a merged cell.
_NOTE_HEADERS = ("备注", "说明")
_NOTE_ROW = patterns.compile(r"\s*(?:注|备注|说明|附注|数据来源|资料来源)\s*\d*\s*[:：]")
# A row's number (1, 一, （二）, 3.) and a time a task is due by (2026年底, 2025年6月前, 2024年第三季度): the kinds of
# cell that, with a list of units, say where a pasted row that lost a merged cell stands.
ROW_NUMBER = patterns.compile(r"[（(]?[\d一二三四五六七八九十〇零]{1,3}[）)]?[.、．]?")
_DUE_TIME = patterns.compile(r"[^，,。；;]{0,6}(?:\d{4}\s*年|\d{1,2}\s*月|年底|年末|季度)[^，,。；;]{0,8}")
# Words are in most columns, and empty cells where a form has blanks to fill: only these kinds tell a column.
# a second header row's cell dating the column above it (2025年 under 目标值)
_HEADER_YEAR = patterns.compile(r"\s*(?:19|20)\d{2}\s*年?\s*")
_TELLING_KINDS = ("number", "time", "units")
_MISSING_CELLS = 3  # at most: the ways to place a row's cells grow as the columns' combinations
# a line that is a year alone (2024年, 2024年度, 2025—2026年): between two rows, the row over a 分工表's group of tasks
# that a text copy writes without the tabs of its merged cell
_YEARS = patterns.compile(r"(?:19|20)\d{2}")
_GROUP_YEAR = patterns.compile(r"\s*(?:19|20)\d{2}(?:\s*年?\s*[—–－\-~～至]\s*(?:19|20)\d{2})?\s*年度?\s*")


def document_tables(raw: RawDocument) -> list[TableData]:
    """Each table once, as written: a DOCX or PDF reader's own tables (their rows also come as
    tab-joined lines, which must not count again), else the tables in the text."""
    if raw.format == "txt":
        return find_text_tables(raw.lines)
    # HTML and DOCX readers know the grid and fill vertical merges themselves; a PDF's cells are guessed, and a
    # Markdown table has no merged cells: an empty cell under a written one is its lower part, as in a text's table.
    tables = [tidy_table(table, fill_down=raw.format in ("pdf", "md")) for table in raw.tables]
    # A text file's table shown as it is written (a page's <pre>): its rows are lines with tabs, none of a reader's table
    tables += find_text_tables([line for line in raw.lines if not line.in_table])
    return sorted(tables, key=lambda table: table.line or 0)


def folded_table(table: TableData, taiwan: bool | None = None) -> TableData:
    """The table's cells read as the paragraphs are (``folding.fold``: a traditional 牽頭單位 is 牵头单位; ``taiwan``: whether
    the document is in Taiwan's wording, 專案名稱 then 项目名称; None to judge each cell alone)."""
    return table.model_copy(update={"header": [fold(cell, taiwan) for cell in table.header],
                                    "rows": [[fold(cell, taiwan) for cell in row] for row in table.rows]})


def _is_one_cell_line(text: str) -> bool:
    return text.startswith("\t") and "\t" not in text[1:].rstrip("\t")


def find_text_tables(lines: list[SourceLine]) -> list[TableData]:
    """Tables in plain text: runs of tab lines, blank lines allowed between rows."""
    if "\t" not in "".join([line.text for line in lines]) and True not in [line.in_table for line in lines]:
        return []  # most texts: no row, and no line to go through one by one
    runs: list[list[SourceLine]] = []
    in_run = False
    rows = table_rows(lines)
    for index, line in enumerate(lines):
        if rows[index] or (in_run and _is_year_between_rows(lines, rows, index)):
            if not in_run:
                runs.append([])
            in_run = True
        elif line.text.strip():
            in_run = False
        if in_run:
            runs[-1].append(line)
    tables = [_text_table(run) for run in runs]
    # Prose indented by tabs is no table: a table has a body and two columns at least.
    return [tidy_table(table) for table in tables if table.rows and len(table.header) >= 2]


def _is_year_between_rows(lines: list[SourceLine], rows: list[bool], index: int) -> bool:
    """Whether line ``index`` is a year alone (2024年) between a row of cells parted by tabs and the next one, blank
    lines aside: a row across the table, as a caption between two tables never is."""
    if not _GROUP_YEAR.fullmatch(lines[index].text):
        return False
    before = next((i for i in range(index - 1, -1, -1) if lines[i].text.strip()), None)
    after = next((i for i in range(index + 1, len(lines)) if lines[i].text.strip()), None)
    return all(i is not None and rows[i] and "\t" in lines[i].text.strip() for i in (before, after))


def _is_cell_line(text: str) -> bool:
    # A tab alone is an empty cell; a blank line (spaces at most) parts rows.
    return text.startswith("\t") or bool(text.strip())


def _text_table(run: list[SourceLine]) -> TableData:
    cell_lines = [line for line in run if _is_cell_line(line.text)]
    rows: list[list[str]] = []
    if all(_is_one_cell_line(line.text) for line in cell_lines):
        row: list[str] = []
        for line in run + [SourceLine(text="", line=0)]:
            if _is_cell_line(line.text):
                row.append(clean_line(line.text))
            elif row:
                rows.append(row)
                row = []
    else:
        rows = [[clean_line(cell) for cell in line.text.split("\t")] for line in cell_lines]
    first = cell_lines[0]
    return TableData(header=rows[0], rows=_placed_rows(rows[1:], len(rows[0])), page=first.page, line=first.line)


def _placed_rows(rows: list[list[str]], header_width: int) -> list[list[str]]:
    """Each row's cells in their columns. A table pasted from a web page leaves out the lower parts of a merged cell
    (a 重点任务 over two rows): the row below has a cell fewer and its cells moved left. Such a short row is placed
    by the kinds of its cells (a row's number, a list of units, a time), as the table's whole rows have them in each
    column; an empty cell stands for the merged one, filled down later."""
    width = max([header_width] + [len(row) for row in rows])
    whole = [row for row in rows if len(row) == width]
    if not whole or len(whole) == len(rows):
        return rows
    kinds = [_column_kind([row[column] for row in whole]) for column in range(width)]
    # a row of one cell is written across the table (a year over a group of tasks), in its first column
    return [row if len(row) in (1, width) else _placed_row(row, kinds) for row in rows]


def _cell_kind(cell: str) -> str:
    if not cell:
        return "empty"
    if ROW_NUMBER.fullmatch(cell):
        return "number"
    if _DUE_TIME.fullmatch(cell):
        return "time"
    return "units" if names_units(cell) else "words"


def _column_kind(cells: list[str]) -> str:
    """The kind most of a column's written cells have."""
    kinds = [_cell_kind(cell) for cell in cells if cell] or ["empty"]
    return max(sorted(set(kinds)), key=kinds.count)


def _placed_row(row: list[str], kinds: list[str]) -> list[str]:
    """The short row with an empty cell in each column left out, where its cells' kinds fit the columns' best; as
    written (the missing cells last: empty at the row's end) unless another place fits better. Of places that fit as
    well, the leftmost columns are left out: a cell merged over rows is a group's, and groups stand left."""
    missing = len(kinds) - len(row)
    if missing > _MISSING_CELLS:
        return row
    row_kinds = [_cell_kind(cell) for cell in row]

    def fit(left_out: tuple[int, ...]) -> int:
        columns = [column for column in range(len(kinds)) if column not in left_out]
        return sum(kind == kinds[column] for kind, column in zip(row_kinds, columns) if kind in _TELLING_KINDS)

    as_written = tuple(range(len(row), len(kinds)))
    best = max(combinations(range(len(kinds)), missing), key=fit)
    if fit(best) <= fit(as_written):
        return row
    cells = iter(row)
    return ["" if column in best else next(cells) for column in range(len(kinds))]


def tidy_table(table: TableData, fill_down: bool = True) -> TableData:
    """Align the header with the columns, drop repeated headers, and (where the source has no grid) fill
    merged cells down."""
    width = max([len(table.header)] + [len(row) for row in table.rows])
    header = _aligned_header(table.header, width)
    rows = [row + [""] * (width - len(row)) for row in table.rows]
    rows = [row for row in rows if not _repeats_header(row, table.header)]
    if rows and _refines_header(header, rows[0]):
        header, rows = [_refined_cell(above, below) for above, below in zip(header, rows[0])], rows[1:]
    if fill_down:
        _fill_down(header, rows)
    return TableData(header=header, rows=rows, page=table.page, line=table.line)


def _fill_down(header: list[str], rows: list[list[str]]) -> None:
    """An empty cell below a written one is the lower part of a merged cell, except in a note column
    and in a row written across the whole table: a note (注：…, 说明：…) or a year over a group of tasks."""
    for column, name in enumerate(header):
        if name in _NOTE_HEADERS or not rows or not rows[0][column]:
            continue
        for above, row in zip(rows, rows[1:]):
            across = _is_note_row(row) or group_year(row) is not None
            if not row[column] and not across:
                row[column] = above[column]


def _is_note_row(row: list[str]) -> bool:
    return _NOTE_ROW.match(row[0]) is not None and not any(row[1:])


def group_year(row: list[str]) -> int | None:
    """The year a row written across the table says alone (2024年 over that year's tasks, in any one of its cells, or
    in all of them where a reader repeats a merged cell), its last where it spans years (2025—2026年); else None."""
    written = {cell.strip() for cell in row if cell.strip()}
    if len(written) != 1 or not _GROUP_YEAR.fullmatch(cell := written.pop()):
        return None
    return int(_YEARS.findall(cell)[-1])


def _aligned_header(header: list[str], width: int) -> list[str]:
    """One header cell per column: a cell spanning columns is repeated over them.

    A spanned cell reads as an empty cell after it (a Word or tab layout) or as
    a header shorter than the rows (one cell a line); in the latter, the first
    cell keeps the first column, the last cells the last columns, and the
    second cell spans what is left.
    """
    cells = list(header)
    while cells and not cells[-1]:
        cells.pop()
    if 2 <= len(cells) < width:
        cells = cells[:1] + [cells[1]] * (width - len(cells) + 1) + cells[2:]
    for index in range(1, len(cells)):
        cells[index] = cells[index] or cells[index - 1]
    return cells + [""] * (width - len(cells))


def _refines_header(header: list[str], row: list[str]) -> bool:
    """A second header row naming the columns a header cell spans (责任单位 over 牵头单位 | 配合单位) or dating the columns
    above it (基期值 | 目标值 over 2020年 | 2025年): under a spanning cell it names each column anew, under another it
    dates it, elsewhere it repeats the header (a merged cell) or is empty."""
    spanned = {index for index in range(len(header)) if header[index] and header[index] in header[index + 1: index + 2] + header[max(index - 1, 0): index]}
    dated = {index for index in range(len(header)) if index not in spanned and row[index] != header[index]
             and _HEADER_YEAR.fullmatch(row[index]) and _value_header().fullmatch(header[index])}
    renamed = {row[index] for index in spanned if row[index] and row[index] != header[index]}
    return (
        (len(renamed) > 1 or (bool(dated) and not renamed))
        and all(row[index] in ("", header[index]) for index in range(len(header)) if index not in spanned | dated)
    )


@rules_cache
def _value_header() -> regex.Pattern:
    """A header cell of values a year below it dates: 目标值, 基期值, 现状值, 预期值, 指标值, or a target or base word of
    rules/indicators.yaml whole (目标, 现状); not 序号, 重点任务 or 目标任务, whose year row opens a group of tasks."""
    rules = indicator_rules()
    words = "|".join(regex.escape(word) for word in [*rules.target_headers, *rules.base_row_notes])
    return patterns.compile(rf"\s*(?:\p{{Han}}{{0,4}}值|{words})\s*")


def _refined_cell(above: str, below: str) -> str:
    """A header cell and the second header row's cell under it: the column's own name under a spanning cell (牵头单位
    under 责任单位), a year dating the cell above (目标值 over 2025年: 目标值（2025年）), else the cell above."""
    if below and below != above and _HEADER_YEAR.fullmatch(below):
        return f"{above}（{below}）" if above else below
    return below or above


def _repeats_header(row: list[str], header: list[str]) -> bool:
    return [cell for cell in row if cell] == [cell for cell in header if cell]
