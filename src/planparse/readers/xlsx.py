"""An Excel workbook (XLSX) of a plan's 分工表 (任务分解表.xlsx), read as the table of a DOCX is: each visible sheet's rows
of cells, a cell merged down filled as in DOCX, the title rows above a sheet's table its paragraphs.

An XLSX is a ZIP of XML parts: ``xl/workbook.xml`` lists the sheets in order, ``xl/worksheets/sheetN.xml`` holds each
one's cells, most of their text in ``xl/sharedStrings.xml``. A cell is read as written or as last shown: a formula is
never run, its cached value taken (a ``=HYPERLINK(...)`` saved without one gives nothing); a number as its format
shows it (a percentage 85%, a date 2025年12月31日).
"""
from __future__ import annotations

import datetime
import io
import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from .. import patterns
from ..errors import PlanparseError
from ..limits import MAX_TABLE_CELLS, LinesPastLimit, too_many_table_cells
from . import ReaderResult
from .cells import Blocks
from .xml_text import missing_part, package_part, text_held

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PACKAGE_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MAX_COLUMNS = 63  # as Word's widest table: a 分工表 has a handful; a hostile sheet may write a cell at XFD1
_PERCENT_FORMATS = {9, 10}  # Excel's own number formats (numFmtId) showing a percentage: 0%, 0.00%
# and those showing a date: m/d/yyyy…, and a Chinese Excel's yyyy"年"m"月"d"日"…
_DATE_FORMATS = {*range(14, 18), 22, *range(27, 37), *range(50, 59)}
_DATE_CODE = patterns.compile(r"(?i)[yd]|m+(?![^\[]*\])")  # a custom format's year, day or month, not in [colour]
_QUOTED = patterns.compile(r'"[^"]*"|\\.|\[[^\]]*\]')  # text a format shows as written
_EXCEL_EPOCH = datetime.date(1899, 12, 30)  # day 0 of Excel's (1900) date system
_CELL_REFERENCE = patterns.compile(r"([A-Za-z]{1,3})(\d{1,7})")
_MAX_INDEX_DIGITS = 7  # an index into a sheet's rows (1,048,576 at most), shared strings, styles or number formats


def _index(written: str) -> int:
    """A row's number or an index into the workbook's lists (its shared strings, cell styles, number formats) as a cell
    writes it; -1 for none, or one of more digits than any list holds (int() refuses past 4,300: a crafted cell's index
    of 5,000 digits refused the whole workbook as corrupt)."""
    return int(written) if written.isascii() and written.isdigit() and len(written) <= _MAX_INDEX_DIGITS else -1


def _column(letters: str) -> int:
    """A column's index (0 for A) from its letters."""
    index = 0
    for letter in letters.upper():
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def _place(reference: str | None) -> tuple[int, int] | None:
    """(row, column) of a cell reference (B3 -> (3, 1)); None for none or a damaged one."""
    found = _CELL_REFERENCE.fullmatch((reference or "").strip())
    return (int(found.group(2)), _column(found.group(1))) if found else None


def _text(element: etree._Element | None) -> str:
    """A string item's text (``<si>``, ``<is>``): its runs' texts, not the phonetic guide (``rPh``) above them."""
    if element is None:
        return ""
    return "".join(text_held(text) for text in element.iter(f"{_MAIN}t")
                   if not any(ancestor.tag == f"{_MAIN}rPh" for ancestor in text.iterancestors()))


class _Workbook:
    """The parts of an XLSX, parsed, entities left unresolved; its shared strings and its cells' number formats."""

    def __init__(self, path: Path, archive: zipfile.ZipFile):
        self.path = path
        self.archive = archive
        strings = self.part("xl/sharedStrings.xml", required=False)
        self.strings = [_text(item) for item in strings.iterfind(f"{_MAIN}si")] if strings is not None else []
        self.formats = self._formats()

    def part(self, name: str, required: bool = True) -> etree._Element | None:
        part = package_part(self.path, self.archive, name, "XLSX")
        if part is None and required:
            raise missing_part(self.path, name, "XLSX")
        return part

    def _formats(self) -> list[str]:
        """What each cell style (``s``) shows a number as: "percent", "date" or "general"."""
        styles = self.part("xl/styles.xml", required=False)
        if styles is None:
            return []
        codes = {format_.get("numFmtId"): _QUOTED.sub("", format_.get("formatCode") or "")
                 for format_ in styles.iter(f"{_MAIN}numFmt")}
        cell_styles = styles.find(f"{_MAIN}cellXfs")
        return [_shown_as(style.get("numFmtId") or "0", codes) for style in (cell_styles if cell_styles is not None else ())]

    def sheets(self) -> list[str]:
        """The parts of the visible sheets, in the workbook's order."""
        relationships = self.part("xl/_rels/workbook.xml.rels")
        targets = {link.get("Id"): link.get("Target") or "" for link in relationships.iter(_PACKAGE_RELATIONSHIP)}
        listed = self.part("xl/workbook.xml").iter(f"{_MAIN}sheet")
        return [_located(targets[sheet.get(_RELATIONSHIP_ID)]) for sheet in listed
                if sheet.get("state", "visible") == "visible" and sheet.get(_RELATIONSHIP_ID) in targets]

    def value(self, cell: etree._Element) -> str:
        """What a cell shows: its text, or its value (a formula's cached one) as its number format shows it."""
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            return _text(cell.find(f"{_MAIN}is"))
        value = (cell.findtext(f"{_MAIN}v") or "").strip()
        if kind == "s":
            index = _index(value)
            return self.strings[index] if 0 <= index < len(self.strings) else ""
        if kind == "e" or not value:
            return ""  # an error (#N/A, #REF!) shows no value of the plan's
        if kind != "n":
            return value  # a formula's text (str), a boolean
        style = _index(cell.get("s", "0"))
        shown = self.formats[style] if 0 <= style < len(self.formats) else "general"
        return _number(value, shown)


def _shown_as(format_id: str, codes: dict[str | None, str]) -> str:
    number = _index(format_id)
    code = codes.get(format_id, "")
    if number in _PERCENT_FORMATS or "%" in code:
        return "percent"
    if number in _DATE_FORMATS or (code and _DATE_CODE.search(code)):
        return "date"
    return "general"


def _number(value: str, shown: str) -> str:
    """A number as a cell shows it: as a percentage, a date, or as Excel's General format shows it (15 digits)."""
    try:
        number = float(value)
    except ValueError:
        return value
    if shown == "percent":
        return f"{number * 100:.15g}%"
    if shown == "date" and 1 <= number < 2958466:  # day 1 (1900-01-01) to Excel's last (9999-12-31)
        date = _EXCEL_EPOCH + datetime.timedelta(days=int(number))
        return f"{date.year}年{date.month}月{date.day}日"
    return f"{number:.15g}"


def _located(target: str) -> str:
    """A sheet's part, named from xl/ (sheet1.xml is xl/worksheets/sheet1.xml) or from the package's root (/xl/…)."""
    return posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target))


def _merged_down(sheet: etree._Element) -> dict[int, list[tuple[int, int]]]:
    """The cells merged down from a row: row -> (column, last row) of each merge starting there."""
    merges: dict[int, list[tuple[int, int]]] = {}
    for merge in sheet.iter(f"{_MAIN}mergeCell"):
        first, _, last = (merge.get("ref") or "").partition(":")
        start, end = _place(first), _place(last)
        if start and end and end[0] > start[0] and start[1] < _MAX_COLUMNS:
            merges.setdefault(start[0], []).append((start[1], end[0]))
    return merges


def _rows(workbook: _Workbook, sheet: etree._Element) -> list[tuple[list[str], set[int]]]:
    """A sheet's rows with text, each its cells up to its last filled one and the columns continuing a merge down."""
    merges = _merged_down(sheet)
    merged_to: dict[int, int] = {}  # column -> the last row of a merge down that covers it
    read: list[tuple[list[str], set[int]]] = []
    number = 0
    for row in sheet.iter(f"{_MAIN}row"):
        written = _index(row.get("r", ""))
        number = written if written >= 0 else number + 1
        continued = {column for column, last in merged_to.items() if last >= number}
        for column, last in merges.get(number, []):
            merged_to[column] = max(last, merged_to.get(column, 0))
        cells: dict[int, str] = {}
        column = -1
        for cell in row.iterfind(f"{_MAIN}c"):
            place = _place(cell.get("r"))
            column = place[1] if place else column + 1
            if column < _MAX_COLUMNS:
                cells[column] = workbook.value(cell).replace("\t", " ").strip()
        filled = [column for column, text in cells.items() if text]
        if filled:
            read.append(([cells.get(column, "") for column in range(max(filled) + 1)], continued))
    return read


def _read_sheet(blocks: Blocks, rows: list[tuple[list[str], set[int]]]) -> None:
    """A sheet as a document's lines: the rows of one filled cell above its table (a title, 附件1) paragraphs, the rest
    its table, as wide as its widest row."""
    heading = 0
    while heading < len(rows) and sum(1 for text in rows[heading][0] if text) == 1:
        blocks.paragraph(next(text for text in rows[heading][0] if text))
        heading += 1
    width = max((len(cells) for cells, _ in rows[heading:]), default=0)
    for cells, continued in rows[heading:]:
        for text in cells + [""] * (width - len(cells)):
            blocks.cell.append(text)
            blocks.end_cell()
        blocks.end_row(continued)
    blocks.end_table()


def read_xlsx(path: Path, data: bytes) -> ReaderResult:
    """Each sheet's part read once, however many sheets the workbook lists it as (Excel opens no such workbook: one of
    24 KB listing a sheet of 2,000 cells 2,000 times ran past the time limit), and refused once the cells read pass the
    limit on a plan's tables (a sheet's part of some 20 bytes a cell holds millions)."""
    blocks = Blocks()
    cells = 0
    try:
        workbook = _Workbook(path, zipfile.ZipFile(io.BytesIO(data)))
        for name in dict.fromkeys(workbook.sheets()):
            rows = _rows(workbook, workbook.part(name))
            cells += sum(max(1, len(row)) for row, _ in rows)
            if cells > MAX_TABLE_CELLS:
                raise too_many_table_cells(path)
            _read_sheet(blocks, rows)
    except (PlanparseError, LinesPastLimit):
        raise
    except Exception:  # zipfile and zlib each raise their own kind on a damaged file
        raise PlanparseError(path, "not a valid XLSX file (truncated or corrupt)") from None
    return blocks.lines, blocks.tables
