"""Pages as printed (a PDF's, an OFD's): the lines and tables placed on each page, read into numbered lines in reading
order, without the print furniture (running headers and footers, page numbers, a printed web page's chrome), a page set
in columns read column by column, a paragraph's first line told by its indent, a table broken over pages one table."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from .. import patterns
from ..folding import fold
from ..models import PageInfo, SourceLine, TableData
from ..normalize import clean_line, is_page_number
from ..tables import ROW_NUMBER
from . import ReaderResult
from .cells import TYPED_CELLS, TYPED_ROWS

Box = tuple[float, float, float, float]  # left, top, right, bottom; top-based like pdfplumber

# A line at the top or bottom of this share of pages is a running header or footer.
_RUNNING_SHARE = 0.5
_MIN_RUNNING_PAGES = 3
# A header or footer and a page number may stack at one edge of a page.
_EDGE_LINES = 2
# A paragraph's first line is indented two characters; more is alignment.
_PARAGRAPH_INDENT = (0.75, 3)
# First-line indents mark paragraphs where this share of lines has one.
_MIN_INDENTED_SHARE = 0.03
_EDGE_SHARE = 0.5  # of the lines at the commonest start, for a start further left to be the block's edge
# What a browser prints at a page's edge: the address, "1 of 5" or "第1页 共5页",
# the date and time of printing (2023/5/6 10:21, 5/6/23, 10:21 AM: read with its spaces cleaned away, 2023/5/610:21).
# Such a line is furniture even on a two-page print.
_PRINT_FURNITURE = patterns.compile(
    r"https?://|www\.\w|^\d{1,4}\s*of\s*\d{1,4}\b|第\s*\d{1,4}\s*[页⻚]\s*[,，]?\s*共\s*\d{1,4}\s*[页⻚]"
    r"|\d{1,4}[/-]\d{1,2}[/-]\d{1,4}[,，]?\s*\d{1,2}:\d{2}"
)
# Columns: a vertical gap this wide that at most this share of a page's lines cross,
# with this many lines on each side.
_COLUMN_GAP = 8.0
_COLUMN_CROSSING_SHARE = 0.1
_MIN_COLUMN_LINES = 5
# A column narrower than this share of the main one, beside it, is a web page's
# sidebar (related links, 图解, 解读) printed with the article.
_SIDEBAR_WIDTH_SHARE = 0.5
# Text on one baseline this many character heights apart belongs to two columns.
COLUMN_GAP_EMS = 3
# A gap this many characters wide on a line may be a tab's: a table typed with tabs (a text opened in Word and printed)
# has its rows' cells on the tab stops, a gap before each but as narrow as the text before it leaves
TAB_GAP_EMS = 0.5
_STOP_SLACK = 1.0  # points: text moved on to a tab stop starts this near it
# points: narrower, a gap is a glyph's width measured short (its font's and the page's sums differ in their last digits)
_LEAST_TAB_GAP = 0.1


class Glyph(NamedTuple):
    char: str
    left: float
    right: float


@dataclass
class Line:
    text: str
    top: float
    bottom: float
    left: float
    right: float
    size: float  # the font size, a CJK character's width
    column: int = 0  # on a page set in two columns, 1 for the second: its text block has its own edges
    # Where each character stands, given for a line that may be a row of a table typed with tabs (a gap in it, or a
    # line cut where its text stands columns apart)
    glyphs: tuple[Glyph, ...] = ()

    def __post_init__(self) -> None:
        self.size = max(self.size, 1.0)  # a broken font matrix may give none: never divide by it


@dataclass
class Table:
    box: Box
    rows: list[list[str]]
    # A ruled row alone (pdf._is_lone_row), its text read as lines too: a table only where it goes on with the table
    # the page before ended with, else its lines (_resolve_lone_rows)
    lone: bool = False

    @property
    def top(self) -> float:
        return self.box[1]


@dataclass
class Page:
    number: int
    items: list[Line | Table] = field(default_factory=list)

    def lines(self) -> list[Line]:
        return [item for item in self.items if isinstance(item, Line)]


def inside(x: float, y: float, box: Box) -> bool:
    left, top, right, bottom = box
    return left <= x <= right and top <= y <= bottom


def page_lines(pages: list[Page], title: str | None) -> tuple[list[SourceLine], list[TableData], PageInfo | None]:
    """The pages' numbered lines and tables, and what a printed web page's information box (or else the document's own
    ``title``, when it names a document: …实施计划, not 'Microsoft Word - 文档1') says of it."""
    from ..metadata_rules import metadata_rules  # the rules loader: imported when a printed document is read

    _drop_furniture(pages)
    _resolve_lone_rows(pages)
    for page in pages:
        _read_typed_tables(page)
    box = _information_box(pages)
    # a printed page's information box names it as the site does
    if title and metadata_rules().name_end.search(fold(title)) and not (box and box.title):
        box = (box or PageInfo()).model_copy(update={"page_title": title})
    for page in pages:
        _read_columns(page)
    return (*_source_lines(pages), box)


def _read_typed_tables(page: Page) -> None:
    """A table typed with tabs, printed: rows of lines next to each other, each with two gaps or more, whose cells start
    on the tab stops (a step's multiples from the margin, or places the rows share), becomes lines of cells joined by
    tabs, as the text it was typed in reads (cells.typed_tables). A row may be cut into pieces where its cells stand
    columns apart: the pieces of one baseline are its row. A cell ends at a stop wherever the text after it starts there,
    however narrow the gap the tab left."""
    rows = _baseline_rows(page.items)
    typed: dict[int, Line] = {}  # the row's first item's id -> the row as one line
    run: list[list[Line]] = []
    for row in [*rows, []]:  # [] ends the last run
        if row and len(_gapped_starts(row)) >= TYPED_CELLS - 1:
            run.append(row)
            continue
        stops = _tab_stops(run) if len(run) >= TYPED_ROWS else []
        for in_run in run if stops else []:
            typed[id(in_run[0])] = _typed_row(in_run, stops)
        run = []
    if typed:
        in_rows = {id(line): row for row in rows for line in row}
        page.items = [typed.get(id(item), item) for item in page.items
                      if id(item) in typed or not (id(item) in in_rows and id(in_rows[id(item)][0]) in typed)]


def _baseline_rows(items: list[Line | Table]) -> list[list[Line]]:
    """The page's lines of glyphs, those next to each other on one baseline (a row cut into pieces) together; a table
    or a line of no glyphs ends a row with nothing."""
    rows: list[list[Line]] = []
    for item in items:
        if not isinstance(item, Line) or not item.glyphs:
            rows.append([])
        elif rows and rows[-1] and abs(item.top - rows[-1][0].top) < 0.5 * item.size:
            rows[-1].append(item)
        else:
            rows.append([item])
    return [row for row in rows if row]


def _glyphs(row: list[Line]) -> list[Glyph]:
    return sorted((glyph for line in row for glyph in line.glyphs if not glyph.char.isspace()), key=lambda glyph: glyph.left)


def _gapped_starts(row: list[Line]) -> list[float]:
    """Where the row's text starts again after a gap a tab may have left."""
    glyphs = _glyphs(row)
    size = max(line.size for line in row)
    return [after.left for before, after in zip(glyphs, glyphs[1:]) if after.left - before.right >= TAB_GAP_EMS * size]


def _tab_stops(run: list[list[Line]]) -> list[float]:
    """The tab stops the rows' gapped cells start at: every step from the margin when they stand on such a grid (a word
    processor's default stops), else the places two rows or more start a cell (stops the writer set); [] when the
    cells stand on neither, as a text's do."""
    margin = min(row[0].left for row in run)
    starts = sorted(start for row in run for start in _gapped_starts(row))
    places = [start for index, start in enumerate(starts) if not index or start - starts[index - 1] > _STOP_SLACK]
    step = min(b - a for a, b in zip([margin, *places], places))
    size = max(line.size for row in run for line in row)
    if step >= size and all(abs((place - margin) / step - round((place - margin) / step)) * step <= _STOP_SLACK for place in places):
        right = max(line.right for row in run for line in row)
        return [margin + step * count for count in range(1, int((right - margin) / step) + 1)]
    shared = [place for place in places if sum(any(abs(start - place) <= _STOP_SLACK for start in _gapped_starts(row)) for row in run) >= 2]
    return shared if len(shared) == len(places) else []


def _typed_row(row: list[Line], stops: list[float]) -> Line:
    """The row as one line, its cells joined by tabs: cut before each glyph that starts on a stop after a gap."""
    cells = [""]
    glyphs = _glyphs(row)
    for before, glyph in zip([None, *glyphs], glyphs):
        on_stop = any(abs(glyph.left - stop) <= _STOP_SLACK for stop in stops)
        if before is not None and on_stop and glyph.left - before.right >= _LEAST_TAB_GAP:
            cells.append("")
        cells[-1] += glyph.char
    return Line("\t".join(cells), min(line.top for line in row), max(line.bottom for line in row), row[0].left,
                row[-1].right, max(line.size for line in row))


def _furniture_key(text: str) -> str:
    # Running headers and footers differ from page to page only in numbers.
    return "".join("#" if char.isdigit() else char for char in clean_line(text))


def _edges(page: Page) -> tuple[list[Line], list[Line]]:
    """The lines nearest the top and nearest the bottom of a page, outermost first."""
    lines = sorted(page.lines(), key=lambda line: line.top)
    return lines[:_EDGE_LINES], lines[::-1][:_EDGE_LINES]


def _drop_furniture(pages: list[Page]) -> None:
    """Drop page numbers, lines repeated at the top or bottom of many pages, and a printed web page's chrome."""
    from ..metadata_rules import is_web_chrome  # the rules loader: imported when a PDF is read

    repeated = Counter(key for page in pages for key in {_furniture_key(line.text) for edge in _edges(page) for line in edge})
    threshold = max(_MIN_RUNNING_PAGES, _RUNNING_SHARE * len(pages))
    for page in pages:
        furniture: set[int] = set()
        for edge in _edges(page):
            for line in edge:  # from the edge inwards, up to the first line of text
                text = clean_line(line.text)
                if not (is_page_number(text) or _PRINT_FURNITURE.search(text) or repeated[_furniture_key(line.text)] >= threshold):
                    break
                furniture.add(id(line))
        furniture |= {id(line) for line in page.lines() if is_web_chrome(line.text)}
        page.items = [item for item in page.items if id(item) not in furniture]


def _column_gap(lines: list[Line]) -> float | None:
    """The x of a vertical gap between two columns of text, if the page has one."""
    edges = sorted({round(line.right) for line in lines})
    for right in edges:
        gap_end = right + _COLUMN_GAP
        left_side = [line for line in lines if line.right <= right + 0.5]
        right_side = [line for line in lines if line.left >= gap_end]
        crossing = len(lines) - len(left_side) - len(right_side)
        if (
            len(left_side) >= _MIN_COLUMN_LINES
            and len(right_side) >= _MIN_COLUMN_LINES
            and crossing <= _COLUMN_CROSSING_SHARE * len(lines)
        ):
            return right + 0.5
    return None


def _width(lines: list[Line]) -> float:
    return max(line.right for line in lines) - min(line.left for line in lines)


def _read_columns(page: Page) -> None:
    """Lines of a page set in columns read column by column; a sidebar beside the text left out.

    PDFium gives lines in drawing order, which for a browser's print puts the
    sidebar first; a gap no line crosses parts the columns."""
    lines = page.lines()
    if len(lines) != len(page.items):
        return  # a page with tables keeps its order: cells in a row are no columns
    gap = _column_gap(lines)
    if gap is None:
        return
    right = [line for line in lines if line.left > gap]
    # a line of the first column whose punctuation hangs into the gap (…的作用，) stays in it: only a line reaching
    # into the second column crosses
    second_left = min(line.left for line in right)
    left = [line for line in lines if line.left <= gap and line.right < second_left]
    crossing = [line for line in lines if line.left <= gap and line.right >= second_left]
    narrow, wide = sorted((left, right), key=_width)
    if _width(narrow) < _SIDEBAR_WIDTH_SHARE * _width(wide):
        page.items = sorted([*wide, *crossing], key=lambda line: line.top)
        return
    # A line across both columns (a title) comes before them if it is above where the second starts.
    second_top = min(line.top for line in right)
    for line in right:
        line.column = 1
    by_top = lambda group: sorted(group, key=lambda line: line.top)
    page.items = [
        *by_top([line for line in crossing if line.top < second_top]),
        *by_top(left),
        *by_top(right),
        *by_top([line for line in crossing if line.top >= second_top]),
    ]


@dataclass
class _Block:
    """Where most lines of a text block (a page's text, or one of its columns) start and end."""

    left: float
    right: float


@dataclass
class _Layout:
    """The text block most lines fill, each column's on pages set in two, and whether paragraphs indent their
    first line."""

    blocks: dict[int, _Block]  # by the lines' column
    indents: bool

    def opens_paragraph(self, line: Line, after_full_line: bool) -> bool | None:
        """Whether the line opens a paragraph, continues one, or (None) the layout cannot tell."""
        indent = (line.left - self.blocks[line.column].left) / line.size
        if not self.indents or (indent >= 1 and abs(indent - self.gap(line)) < 1):
            return None  # no first-line indents to go by, or a centred line
        if _PARAGRAPH_INDENT[0] <= indent < _PARAGRAPH_INDENT[1]:
            return True
        return False if indent < 0.5 and after_full_line else None

    def full(self, line: Line) -> bool:
        """Whether the line fills its block's width, the text going on below it: a line set to the right (a signature,
        its date) reaches the right margin from further in than a paragraph's first line starts."""
        return self.gap(line) < 1 and (line.left - self.blocks[line.column].left) / line.size < _PARAGRAPH_INDENT[1]

    def gap(self, line: Line) -> float:
        """How many characters short of the right margin the line ends."""
        return (self.blocks[line.column].right - line.right) / line.size


def _layout(pages: list[Page]) -> _Layout:
    """Where most lines start and end: the text block of a hard-wrapped page, each column's if pages have two."""
    lines = [line for page in pages for line in page.lines()]
    if not lines:
        return _Layout({0: _Block(0.0, 0.0)}, False)
    blocks = {column: _block([line for line in lines if line.column == column]) for column in {line.column for line in lines}}
    indented = sum(_PARAGRAPH_INDENT[0] <= (line.left - blocks[line.column].left) / line.size < _PARAGRAPH_INDENT[1]
                   for line in lines)
    return _Layout(blocks, indented >= _MIN_INDENTED_SHARE * len(lines))


def _block(lines: list[Line]) -> _Block:
    # The block's left edge: the leftmost place many lines start at (where paragraphs are
    # short, their indented first lines may be as many as the lines at the edge).
    starts = Counter(round(line.left) for line in lines)
    most = starts.most_common(1)[0][1]
    left = min(place for place, count in starts.items() if count >= _EDGE_SHARE * most)
    return _Block(left, Counter(round(line.right) for line in lines).most_common(1)[0][0])


def _resolve_lone_rows(pages: list[Page]) -> None:
    """Keep a ruled row alone as a table, its lines dropped, where it opens its page, the furniture dropped, and the page
    before ended with a table of as many columns (a row a page break carried over: 11 | 实施…工程 | 市科协 | 市外事局…);
    keep the lines of any other, its text (a box of links in a printed page, 热词 | 省政府权责清单 | 政府工作报告)."""
    last: Line | Table | None = None  # the item that ended the page before
    for page in pages:
        for row in [item for item in page.items if isinstance(item, Table) and item.lone]:
            row.lone = False
            if page.items[0] is row and isinstance(last, Table) and len(last.rows[-1]) == len(row.rows[0]):
                page.items = [item for item in page.items if not (isinstance(item, Line) and _centre_inside(item, row.box))]
            else:
                page.items = [item for item in page.items if item is not row]
        last = page.items[-1] if page.items else None


def _centre_inside(line: Line, box: Box) -> bool:
    return inside((line.left + line.right) / 2, (line.top + line.bottom) / 2, box)


def _continuations(pages: list[Page]) -> set[int]:
    """The tables (by ``id``) that continue the table before them.

    A table broken across pages ends its page and starts the next with as
    many columns; a copy of its header there is dropped.
    """
    continuing: set[int] = set()
    header: list[str] = []
    ended_page: int | None = None  # the page the last table ended, if it was the page's last item
    for page in pages:
        for position, item in enumerate(page.items):
            if not isinstance(item, Table):
                continue
            if position == 0 and ended_page == page.number - 1 and len(item.rows[0]) == len(header):
                continuing.add(id(item))
                if item.rows[0] == header:
                    item.rows = item.rows[1:]
            else:
                header = item.rows[0]
            ended_page = page.number if position == len(page.items) - 1 else None
    return continuing



def _rest_of_split_row(rows: list[list[str]], first: list[str]) -> bool:
    """Whether the first row of a table's continuation on a new page is the rest of the row the last page ended with,
    broken across the page break (Word and LibreOffice let a row break): in a table whose every row is numbered (序号),
    a row with no number, its text going on in some cells (…区住房|城乡建设局、…), the others empty."""
    return bool(rows) and not first[0] and any(first) and all(ROW_NUMBER.fullmatch(row[0]) for row in rows)


def _join_split_row(row: list[str], rest: list[str], line: SourceLine) -> None:
    """Each cell of ``row`` goes on with the text of ``rest`` below the break, and so does its line."""
    row[:] = [above + below for above, below in zip(row, rest)] + row[len(rest):]
    line.text = "\t".join(row)


def _information_box(pages: list[Page]) -> PageInfo | None:
    """What a printed web page's information box (索引号, 发布机构, 名称, 文号…) says of the document; its lines are
    dropped from the text, where they would run into the paragraph beside them."""
    from ..metadata_rules import information_box_cells, metadata_rules, read_information_box  # the labels are metadata rules

    label = metadata_rules().box_label
    cells: list[str] = []
    for page in pages:
        run: list[Line] = []  # lines one after the other that open with a label
        for item in [*page.items, None]:  # None ends the last run
            text = clean_line(fold(item.text)) if isinstance(item, Line) else ""
            if text and label.match(text):
                run.append(item)
                continue
            found = information_box_cells([clean_line(fold(line.text)) for line in run])
            if found:
                cells += found
                page.items = [kept for kept in page.items if all(kept is not line for line in run)]
            run = []
    fields = read_information_box(cells)
    return PageInfo(**fields) if fields else None


def _source_lines(pages: list[Page]) -> ReaderResult:
    """Numbered lines of the pages, a table's rows as tab-joined lines; a table broken over pages is one table."""
    continuing = _continuations(pages)
    layout = _layout(pages)
    after_full_line = False
    lines: list[SourceLine] = []
    table_data: list[TableData] = []
    for page in pages:
        for item in page.items:
            if isinstance(item, Line):
                opens = layout.opens_paragraph(item, after_full_line)
                lines.append(SourceLine(text=item.text, line=len(lines) + 1, page=page.number, opens_paragraph=opens))
                after_full_line = layout.full(item)
                continue
            after_full_line = False
            if not item.rows:
                continue
            if id(item) in continuing and table_data:
                if _rest_of_split_row(table_data[-1].rows, item.rows[0]):
                    _join_split_row(table_data[-1].rows[-1], item.rows.pop(0), lines[-1])
                table_data[-1].rows.extend(item.rows)
            else:
                table_data.append(TableData(header=item.rows[0], rows=item.rows[1:], page=page.number, line=len(lines) + 1))
            first = len(lines) + 1
            lines.extend(
                SourceLine(text="\t".join(row), line=first + offset, page=page.number, in_table=True)
                for offset, row in enumerate(item.rows)
            )
    return lines, table_data
