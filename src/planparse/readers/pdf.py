"""PDF text, page by page, without the print furniture.

Text comes from PDFium, tens of times faster than pdfminer. Running headers,
footers and page numbers are dropped; glyphs drawn twice to fake a bold font
are kept once. pdfplumber (pdfminer) is opened only for the pages that need
it, found by one cheap pass over each page's objects: pages drawing ruling
lines, where it finds tables whose rows replace the table's text (so cells
never leak into paragraphs), and pages where PDFium would lose a glyph.
"""
from __future__ import annotations

import copy
import ctypes
import io
import itertools
import logging
import math
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import regex

from .. import patterns
from ..errors import PlanparseError
from ..limits import MAX_PDF_OBJECTS, MAX_PDF_PAGES
from ..models import PageInfo, ReadingWarning, SourceLine, TableData
from ..normalize import clean_line
from .cells import TYPED_CELLS, page_cell
from .deferred_imports import defer_unused_imports
from .garbled_pages import without_garbled_pages
from .note_marks import is_note_mark
from .pdf_repair import is_cut_short, with_trailers
from .pdf_streams import NO_PAGE_PAST_LIMITS, PagesPastLimits, objects_problem
from .printed import COLUMN_GAP_EMS, TAB_GAP_EMS, Box, Glyph, Line, Page, Table, inside, page_lines

defer_unused_imports()  # before pdfplumber (pdfminer) is imported, here or by a batch before it forks

# PDFium draws a font a PDF leaves out with one installed on the machine, and its text page then holds glyphs it skips
# on a machine without (a CJK font neither embedded nor installed: _survey's lost text, which pdfminer reads) in
# another order: a seal's ring over a signature took two of its characters (某人民政府公厅). Without the machine's fonts a
# PDF reads the same everywhere.
pdfium_c.FPDF_SetSystemFontInfo(None)

# A page drawing this many path segments (one path may draw a whole grid)
# may hold a ruled table; fewer is a rule under a letterhead or a signature.
_MIN_TABLE_SEGMENTS = 12
# Looking for ruled tables costs time for each segment. A page drawing more than this is a map or a
# chart (the busiest table page we know of draws 2,560); past the document's budget (the 92 pages of
# our largest plan draw 59,227 on their ruled pages) the remaining pages are read as text.
_MAX_TABLE_SEGMENTS = 20_000
_TABLE_SEGMENTS_BUDGET = 500_000
_ZERO_WIDTH = 0.01
# A line narrower than this share of its glyphs' widths has glyphs drawn over each other.
_OVERLAP_SHARE = 0.8
_FIRST_WIDE = 0x2E80  # CJK radicals onwards: full-width characters
_WORD_GAP_EMS = 0.25  # a gap this wide between two glyphs put in order parts them with a space
_MIN_FONT_SIZE = 2.0
# A note's mark set above the line after a figure (达到59%¹, 10个²以上): the characters it is written in, set smaller
# than the character before it (Word's superscript: two thirds) and raised (its foot above that character's by a sixth
# of its size)
_MARK_CHARACTERS = frozenset("0123456789[]［］【】()（）*＊※†‡①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
_MARK_SIZE_SHARE = 0.8
_MARK_RISE_SHARE = 1 / 6
_MARK_CONTEXT = 4  # characters before a raised mark that find it in its cell's text
_ASKEW_DEGREES = 5  # a glyph turned further than this from the page's text belongs to a seal
_SEAL_MARK_CHARS = 3  # a seal's centre (★, 专用章) is no longer than this
_SEAL_GLYPH = 10.0  # points, where a turned glyph has no width to go by
_SEAL_DEPTH = 4  # a seal's ring runs round its top: its centre lies this many glyphs below the ring's lowest
_STRAIGHT = 0.5  # points a ruling may slant
_CELL_INSET = 0.5  # points inside a cell's rulings where its text is read
# The standard fonts PDFium has its own outlines for (Arial is drawn as Helvetica).
_BUILTIN_FONTS = (b"arial", b"helvetica", b"times", b"courier", b"symbol", b"zapfdingbats")
_FONT_NAME_MAX = 128
# A table has two rows of two filled cells at least; a cell holding a page of text (cells.page_cell) is a frame.
_MIN_TABLE_ROWS = 2
# A single row of this many columns at least, its first cell empty, is a piece of a table: the rest of a row a page
# break parted from it (…出租车专用充电站12|座, its number cell left above). A page's frame has a column of text, maybe
# one of links beside it; a box of links in the text opens with its label (热词).
_MIN_PIECE_COLUMNS = 3
_SURVEYED_PER_OBJECT_READ = 2  # objects surveyed, on pages read or left out, for each the document may draw




def _open(path: Path, data: bytes) -> tuple[pdfium.PdfDocument, bytes, list[ReadingWarning]]:
    """The PDF ``data`` loaded by PDFium itself, and the bytes it was loaded from (which must outlive it): those of a
    PDF whose end is lost (``pdf_repair``) are what is left with a trailer added, and a warning says so. pypdfium2
    refuses a document PDFium loaded but found no page in with PDFium's last error, which is then that of an earlier
    document (an encrypted PDF read before made one with no pages "encrypted" too)."""
    raw = pdfium_c.FPDF_LoadMemDocument64(data, len(data), None)
    if not raw and pdfium_c.FPDF_GetLastError() == pdfium_c.FPDF_ERR_PASSWORD:  # the last error is this load's own
        raise PlanparseError(path, "the PDF is encrypted (password-protected); remove the password first")
    problem = "the PDF has no pages" if raw else "not a valid PDF file (truncated or corrupt)"
    for tried in itertools.chain([data], with_trailers(data)):  # each repair built only if all before it failed
        if tried is not data:
            raw = pdfium_c.FPDF_LoadMemDocument64(tried, len(tried), None)
        if raw and pdfium_c.FPDF_GetPageCount(raw) >= 1:
            return pdfium.PdfDocument(raw), tried, [] if tried is data else [_repair_warning(data, pdfium_c.FPDF_GetPageCount(raw))]
        if raw:
            pdfium_c.FPDF_CloseDocument(raw)
    raise PlanparseError(path, problem)


def _refuse_textless(path: Path, images: int, repaired: list[ReadingWarning], left_out: list[ReadingWarning]) -> None:
    """Refuse a PDF whose pages hold no text: pages of images are a scan, read by OCR, whether its end is lost or not
    (what is left of a scan is a scan); nothing left of a cut-short file otherwise, nor of one whose pages with text were
    left out. A file of empty pages is let through."""
    if images:
        raise PlanparseError(path, "; ".join(["the PDF has no text layer (scanned images); OCR is needed", *(warning.message for warning in [*repaired, *left_out])]))
    if repaired:
        raise PlanparseError(path, "not a valid PDF file (truncated or corrupt): what is left of it holds no text")
    if left_out:
        raise PlanparseError(path, "; ".join(["the pages read hold no text", *(warning.message for warning in left_out)]))


def _left_out_warnings(left_out: dict[int, str]) -> list[ReadingWarning]:
    """A warning naming the pages left out for each problem they have: what the plan read lacks, and why."""
    by_problem: dict[str, list[int]] = {}
    for number, problem in sorted(left_out.items()):
        by_problem.setdefault(problem, []).append(number)
    return [ReadingWarning(message=f"{page_ranges(numbers)} not read ({problem}); the other pages are read")
            for problem, numbers in by_problem.items()]


def _repair_warning(data: bytes, pages: int) -> ReadingWarning:
    found = f"read from the {pages} page{'s' if pages > 1 else ''} found in it"
    if is_cut_short(data):
        return ReadingWarning(message=f"the PDF is cut short (its end is lost): {found}; pages or fonts lost with its end are not read")
    return ReadingWarning(message=f"the PDF's table of its objects is damaged: {found}")


def _naming_pages_without_text(warnings: list[ReadingWarning], pages: list[Page]) -> list[ReadingWarning]:
    """A repaired PDF's warning, naming the pages found in it that hold no text: their drawing or fonts were lost with
    its end (a download stopped at half: pages 13–29 of 29), where the reader would look for what became of them."""
    empty = [number for number, page in enumerate(pages, 1) if not page.items]
    return [ReadingWarning(message=f"{warning.message}; no text is read on {page_ranges(empty)}") for warning in warnings] if empty else warnings


def page_ranges(numbers: list[int]) -> str:
    """``numbers`` in order, each run of pages one after another as its first and last: page 3, pages 3, 5–9."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ("page " if len(numbers) == 1 else "pages ") + ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)


@dataclass
class _Survey:
    """What a page draws, counted without extracting anything."""

    height: float
    objects: int = 0  # those inside forms too
    path_segments: int = 0
    lost_text: list[tuple[float, float]] = field(default_factory=list)  # where PDFium will lose a glyph, top-based
    images: int = 0
    upright_text: int = 0  # text objects drawn level
    # text objects drawn too small to be read, by their addresses: text a PDF hides on its page (keywords for search
    # engines, a tracing mark), which a reader of the page never sees
    unseen_text: set[int] = field(default_factory=set)
    turned_text: list[Box] = field(default_factory=list)  # where text objects are drawn turned, top-based

    def askew(self) -> list[Box]:
        """Where a few glyphs are turned on a page of level text: a seal's name round its ring."""
        return self.turned_text if len(self.turned_text) < self.upright_text else []

    def loses_text(self, tables: list[Table]) -> bool:
        """Whether PDFium loses a glyph outside the tables (whose text pdfplumber reads)."""
        return any(not any(inside(x, y, table.box) for table in tables) for x, y in self.lost_text)


def _turned(a: float, b: float) -> bool:
    """Whether a glyph's matrix turns it off the level by more than a slight slant."""
    return abs(math.degrees(math.atan2(b, a))) > _ASKEW_DEGREES


def _survey(objects: Iterator[ctypes.c_void_p], survey: _Survey, scale: float = 1.0) -> _Survey:
    """``survey`` with what ``objects`` draw added; ``scale``: how much the forms they are inside enlarge them."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for obj in objects:
        survey.objects += 1
        if survey.objects > MAX_PDF_OBJECTS:
            return survey  # the caller refuses the document: a page of forms nested in forms never ends
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            survey.path_segments += pdfium_c.FPDFPath_CountSegments(obj)
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            survey.images += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            # PDFium's text page skips a text object of zero width: a space, or
            # one glyph of a font it has no outlines for (a CJK font neither
            # embedded nor installed). That glyph is lost, so pdfminer reads
            # the page; an embedded font has outlines, so only spaces are skipped.
            pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
            if right.value - left.value < _ZERO_WIDTH and not _has_outlines(pdfium_c.FPDFTextObj_GetFont(obj)):
                survey.lost_text.append((left.value, survey.height - bottom.value))
            matrix = _matrix(obj)
            if _too_small_to_read(obj, scale * _height_scale(matrix), top.value - bottom.value):
                survey.unseen_text.add(_address(obj))
            if _turned(*matrix[:2]):
                survey.turned_text.append((left.value, survey.height - top.value, right.value, survey.height - bottom.value))
            else:
                survey.upright_text += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            count = pdfium_c.FPDFFormObj_CountObjects(obj)
            _survey((pdfium_c.FPDFFormObj_GetObject(obj, index) for index in range(count)), survey, scale * _height_scale(_matrix(obj)))
    return survey


def _too_small_to_read(obj: ctypes.c_void_p, scale: float, height: float) -> bool:
    """Whether a text object is drawn smaller than anyone reads: its font's size enlarged by ``scale`` (its matrix's and
    its forms') and its box's ``height`` both under _MIN_FONT_SIZE points. A font of size 1 scaled by its matrix is drawn
    at the size so scaled; a Type 3 font's glyphs may be drawn larger than its size says, which its box shows (a font
    PDFium has no outlines for gives a box of no height)."""
    size = ctypes.c_float()
    return bool(pdfium_c.FPDFTextObj_GetFontSize(obj, size)) and size.value * scale < _MIN_FONT_SIZE and height < _MIN_FONT_SIZE


def _height_scale(matrix: Matrix) -> float:
    """How much a matrix enlarges what it draws upright: the length it gives a unit's height."""
    return math.hypot(matrix[2], matrix[3])


def _address(obj: ctypes.c_void_p) -> int | None:
    """A page object's address: what tells it again from a character's text object."""
    return ctypes.cast(obj, ctypes.c_void_p).value


def _has_outlines(font: ctypes.c_void_p) -> bool:
    """Whether PDFium can draw the font's glyphs: it is embedded, or one of the standard
    fonts PDFium carries (Word's PDFs hold thousands of empty Arial and Times objects)."""
    if pdfium_c.FPDFFont_GetIsEmbedded(font):
        return True
    name = ctypes.create_string_buffer(_FONT_NAME_MAX)
    pdfium_c.FPDFFont_GetBaseFontName(font, name, _FONT_NAME_MAX)
    return name.value.replace(b" ", b"").lower().startswith(_BUILTIN_FONTS)


@dataclass
class _ObjectBudget:
    """The objects the pages read draw, MAX_PDF_OBJECTS in all, and those surveyed on pages read or left out, twice as
    many: where pdfminer cannot walk the page tree nothing was counted before PDFium loads the pages, and a page past
    the budget is left out as the count before would have left it, the others read; the pages after the survey's budget
    are left out unloaded (a file of kilobytes can name one heavy drawing on each of a thousand pages)."""

    drawn: int = 0
    surveyed: int = 0

    def spent(self) -> bool:
        return self.surveyed > _SURVEYED_PER_OBJECT_READ * MAX_PDF_OBJECTS

    def takes(self, survey: _Survey) -> bool:
        """Whether a page surveyed as ``survey`` is read: its objects within what the pages read before leave."""
        self.surveyed += survey.objects
        if self.drawn + survey.objects > MAX_PDF_OBJECTS:
            return False
        self.drawn += survey.objects
        return True


def _survey_page(page: pdfium.PdfPage) -> _Survey:
    count = pdfium_c.FPDFPage_CountObjects(page.raw)
    return _survey((pdfium_c.FPDFPage_GetObject(page.raw, index) for index in range(count)), _Survey(page.get_height()))




def _cell_text(cell: str | None) -> str:
    # Cells wrap inside their width; the wraps are not breaks in the text.
    return clean_line((cell or "").replace("\r", "").replace("\n", " "))


class _Plumber:
    """pdfplumber (pdfminer) over the file's bytes, opened on first use: tables, and text PDFium loses."""

    def __init__(self, data: bytes):
        self.data = data
        self.document = None

    def _page(self, index: int):
        if self.document is None:
            import pdfplumber  # costly to import and open: only for the pages that need it

            from . import chinese_pdf_maps  # noqa: F401  (loaded as it is imported)
            from .pdf_encryption import linear_rc4_in_pdfminer

            linear_rc4_in_pdfminer()  # an encrypted page's streams are decrypted as pdfminer reads them

            # pdfminer logs what it repairs in a damaged file; without a
            # handler Python would print that on stderr, under our one line.
            logging.getLogger("pdfminer").addHandler(logging.NullHandler())
            self.document = pdfplumber.open(io.BytesIO(self.data))
        return self.document.pages[index]

    def tables(self, index: int) -> list[Table]:
        """The page's ruled tables; none where pdfminer cannot parse the page."""
        try:
            found_tables = self._page(index).find_tables()
            extracted = [(found.bbox, found.extract()) for found in found_tables]
        except Exception:  # pdfminer raises many kinds of error on damaged pages that PDFium reads
            return []
        tables = []
        for box, rows in extracted:
            rows = [row for row in ([_cell_text(cell) for cell in row] for row in rows) if any(row)]
            if rows and not _is_frame(rows):
                tables.append(Table(box, rows))
        return tables

    def read_page(self, index: int, tables: list[Table], unseen: bool = False) -> Page | None:
        """The page's lines from pdfminer's characters, tables in their place, those drawn too small to be read left
        out where PDFium found some (``unseen``); None where pdfminer cannot parse the page."""
        try:
            return self._read_page(index, tables, unseen)
        except Exception:  # as above: PDFium's text, with a glyph lost, is still the better answer
            return None

    def _read_page(self, index: int, tables: list[Table], unseen: bool) -> Page:
        page = self._page(index).dedupe_chars()
        if unseen:
            page = page.filter(lambda obj: obj.get("object_type") != "char" or obj["size"] >= _MIN_FONT_SIZE)
        if tables:
            page = page.filter(lambda obj: obj.get("object_type") != "char" or not _in_any(obj, tables))
        turned = [char for char in page.chars if _turned(*char["matrix"][:2])]
        seal = None
        if 0 < len(turned) < len(page.chars) / 2:  # a seal's name round its ring on a page of level text
            page = page.filter(lambda obj: obj.get("object_type") != "char" or not _turned(*obj["matrix"][:2]))
            seal = _around([(char["x0"], char["top"], char["x1"], char["bottom"]) for char in turned])
        lines = [
            Line(
                found["text"] if len(piece) == len(found["chars"]) else "".join(char["text"] for char in piece),
                found["top"], found["bottom"], piece[0]["x0"], piece[-1]["x1"], piece[0]["size"],
                glyphs=tuple(Glyph(char["text"], char["x0"], char["x1"]) for char in piece),
            )
            for found in page.extract_text_lines()
            for piece in _char_pieces(_without_note_marks(found["chars"]))
        ]
        items: list[Line | Table] = sorted([*lines, *tables], key=lambda item: item.top)
        return _without_seal_marks(Page(index + 1, items), seal)


def _is_frame(rows: list[list[str]]) -> bool:
    """Ruled boxes that are no table: a web page's frame printed around its text,
    where one cell holds most of the text, or no row has two filled cells (but the rest of a table's row)."""
    piece = len(rows) == 1 and len(rows[0]) >= _MIN_PIECE_COLUMNS and not rows[0][0]
    if not piece and sum(1 for row in rows if sum(1 for cell in row if cell) > 1) < _MIN_TABLE_ROWS:
        return True
    return page_cell([len(cell) for row in rows for cell in row]) is not None


def _is_lone_row(rows: list[list[str]]) -> bool:
    """Whether ruled boxes are one row of cells, two filled at least, that _is_frame takes for a frame and is no piece of
    a row: the last row of a table a page break carried over alone (printed._resolve_lone_rows tells)."""
    return len(rows) == 1 and sum(1 for cell in rows[0] if cell) > 1 and _is_frame(rows)


def _without_note_marks(chars: list[dict]) -> list[dict]:
    """pdfminer's line of ``chars`` but for notes' marks set above it (``_note_mark_places``)."""
    texts = [char["text"] for char in chars]
    marks = _note_mark_places(texts, lambda place: chars[place]["size"], lambda place: chars[place]["bottom"])
    return [char for place, char in enumerate(chars) if place not in marks] if marks else chars


def _char_pieces(chars: list[dict]) -> Iterator[list[dict]]:
    """pdfminer's line cut where characters on one baseline are columns apart (as ``_pieces``)."""
    start = 0
    for index in range(1, len(chars)):
        if chars[index]["x0"] - chars[index - 1]["x1"] > COLUMN_GAP_EMS * chars[index - 1]["size"]:
            yield chars[start:index]
            start = index
    yield chars[start:]


def _in_any(char: dict, tables: list[Table]) -> bool:
    middle_x, middle_y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    return any(inside(middle_x, middle_y, table.box) for table in tables)


class _TextPage:
    """A PDFium text page: its characters, each line's in the order they stand, and, asked for, their boxes."""

    def __init__(self, page: pdfium.PdfPage, turned: list[Box] | None = None, unseen: set[int] | None = None):
        self.height = page.get_height()
        self.turned = turned or []  # where the page's few turned glyphs are
        self.unseen = unseen or set()  # the addresses of the text objects drawn too small to be read (_Survey)
        self.textpage = page.get_textpage()
        count = self.textpage.count_chars()
        self.text = self.textpage.get_text_range(0, count)
        if len(self.text) != count:  # characters outside the BMP: index them one by one
            self.text = "".join(self.textpage.get_text_range(index, 1)[:1] or " " for index in range(count))
        self.boxes: dict[int, Box] = {}
        self.indexes: list[int] = list(range(count))  # PDFium's index of the character at each place of the text
        self._lines_in_place()

    def box(self, place: int) -> Box:
        # Boxes cost a call each: only the few characters that need one get it.
        if place not in self.boxes:
            left, bottom, right, top = self.textpage.get_charbox(self.indexes[place], loose=True)
            self.boxes[place] = (left, self.height - top, right, self.height - bottom)
        return self.boxes[place]

    def font_size(self, place: int) -> float:
        return pdfium_c.FPDFText_GetFontSize(self.textpage.raw, self.indexes[place])

    def glyph_size(self, place: int) -> float:
        """The size a character is drawn at: its font's, or where a font scaled by its matrix reports 1 (Word's PDFs
        through Distiller, browser prints), the height of its box."""
        size = self.font_size(place)
        if size >= _MIN_FONT_SIZE:
            return size
        _, top, _, bottom = self.box(place)
        return bottom - top

    def _lines_in_place(self) -> None:
        """Each line's characters in the order they stand on it. PDFium gives a line's characters in the order they
        are drawn, and LibreOffice draws a line's text in another font after its CJK text: “十四五”期间 set with the
        quotes in a Western font read 十四五 “ ”期间, the quotes where PDFium met them and spaces in their gaps."""
        texts: list[str] = []
        indexes: list[int] = []
        boxes: dict[int, Box] = {}
        length = done = 0
        for found in _TEXT_LINE.finditer(self.text):
            placed = self._line_in_place(found.start(), found.end())
            if placed is not None:
                line_text, line_indexes, line_boxes = placed
                texts.append(self.text[done:found.start()])
                indexes.extend(self.indexes[done:found.start()])
                length += found.start() - done
                boxes.update({length + place: box for place, box in line_boxes.items()})
                texts.append(line_text)
                indexes.extend(line_indexes)
                length, done = length + len(line_text), found.end()
        if done:
            self.text = "".join(texts) + self.text[done:]
            self.indexes, self.boxes = indexes + self.indexes[done:], boxes

    def _line_in_place(self, start: int, end: int) -> tuple[str, list[int], dict[int, Box]] | None:
        """The line's glyphs ordered by where they stand, a space where a gap parts two, with the boxes of its
        places; None when they are drawn in that order already, or stand on more than one baseline (nothing to
        put in order)."""
        glyphs = [place for place in range(start, end) if not self.text[place].isspace()]
        if self._drawn_in_order(glyphs):
            return None
        boxes = [self.box(place) for place in glyphs]
        height = max(box[3] - box[1] for box in boxes)
        if max(box[1] for box in boxes) - min(box[1] for box in boxes) > height / 2:
            return None
        ordered = sorted(zip(glyphs, boxes), key=lambda glyph: glyph[1][0])
        texts: list[str] = []
        indexes: list[int] = []
        boxes_at: dict[int, Box] = {}
        for number, (place, box) in enumerate(ordered):
            before = ordered[number - 1][1] if number else None
            if before is not None and box[0] - before[2] > _WORD_GAP_EMS * height:
                boxes_at[len(texts)] = (before[2], before[1], box[0], before[3])
                texts.append(" ")
                indexes.append(self.indexes[place])
            boxes_at[len(texts)] = box
            texts.append(self.text[place])
            indexes.append(self.indexes[place])
        return "".join(texts), indexes, boxes_at

    def _drawn_in_order(self, glyphs: list[int]) -> bool:
        """Whether no glyph of the line stands back from the one drawn before it (by more than half its width). A
        line is drawn out of its order only where its font changes, and the font changes with the glyph's width
        (CJK text in a CJK font; quotes, digits and Latin letters in a Western one): only the glyphs on either side
        of such a change need their boxes, each a call to PDFium."""
        wide = [unicodedata.east_asian_width(self.text[place]) in "WF" for place in glyphs]
        for number in range(1, len(glyphs)):
            if wide[number] != wide[number - 1]:
                earlier, later = self.box(glyphs[number - 1]), self.box(glyphs[number])
                if later[0] < earlier[0] - (earlier[2] - earlier[0]) / 2:
                    return False
        return True

    def too_small(self, place: int) -> bool:
        """Whether the character is drawn too small to be read (_Survey.unseen_text)."""
        return bool(self.unseen) and _address(pdfium_c.FPDFText_GetTextObject(self.textpage.raw, self.indexes[place])) in self.unseen

    def askew(self, index: int) -> bool:
        """Whether the character is one of the page's few turned glyphs."""
        if not self.turned:
            return False
        left, top, right, bottom = self.box(index)
        return any(inside((left + right) / 2, (top + bottom) / 2, box) for box in self.turned)

    def same_spot(self, index: int, other: int) -> bool:
        """Whether two characters are drawn on top of each other, as fake bold does."""
        left, _, right, _ = self.box(index)
        return abs(left - self.box(other)[0]) < max(right - left, 1.0) / 2


def _ems(text: str) -> float:
    """About how wide ``text`` is set, in font sizes: CJK characters are square, others half."""
    return sum(1.0 if ord(char) >= _FIRST_WIDE else 0.5 for char in text)


def _line(textpage: _TextPage, start: int, end: int, gapped: bool = False) -> Line | None:
    """The text line between two character indexes, fake bold copies and glyphs set askew left out; ``gapped``: with
    where each character stands."""
    size = textpage.glyph_size(start)
    span = textpage.box(end - 1)[2] - textpage.box(start)[0]
    # The same glyph again on top of itself is a fake bold stroke; PDFium
    # drops some of these copies, not all. Only a line drawn in less room
    # than its glyphs need can hold one: only there are glyphs compared.
    overlaps = span < _OVERLAP_SHARE * _ems(textpage.text[start:end]) * size
    kept: list[int] = []
    seen: dict[str, list[int]] = {}  # the line's characters, by glyph
    for index in range(start, end):
        char = textpage.text[index]
        if textpage.askew(index) or textpage.too_small(index):
            continue  # a seal's name round its ring (each glyph turned its own way); text hidden on the page
        if overlaps and char in seen and not char.isspace() and any(textpage.same_spot(index, other) for other in seen[char]):
            continue
        seen.setdefault(char, []).append(index)
        kept.append(index)
    marks = _note_mark_places([textpage.text[index] for index in kept], lambda place: textpage.glyph_size(kept[place]),
                              lambda place: textpage.box(kept[place])[3])
    kept = [index for place, index in enumerate(kept) if place not in marks]
    text = "".join(textpage.text[index] for index in kept)
    if not text.strip():
        return None
    left, top, _, bottom = textpage.box(kept[0])
    glyphs = tuple(Glyph(textpage.text[index], textpage.box(index)[0], textpage.box(index)[2]) for index in kept) if gapped else ()
    return Line(text, top, bottom, left, textpage.box(kept[-1])[2], size, glyphs=glyphs)


def _note_mark_places(texts: list[str], size_at: Callable[[int], float], foot_at: Callable[[int], float]) -> set[int]:
    """The places of a line's characters ``texts`` that hold notes' marks set above it: a run of mark characters set
    smaller than the character before it (``size_at`` a place) with its foot above that character's (``foot_at``,
    measured down the page), which note_marks judges a mark (59%¹ was read 59%1, 10个²以上 parted 10个 from its 以上;
    5000m² keeps its exponent). Only mark characters and those before them are measured."""
    places: set[int] = set()
    for place in range(1, len(texts)):
        if texts[place] not in _MARK_CHARACTERS or place - 1 in places:
            continue
        size = size_at(place - 1)
        if not (size_at(place) < _MARK_SIZE_SHARE * size and foot_at(place) < foot_at(place - 1) - _MARK_RISE_SHARE * size):
            continue
        end = next(at for at in range(place, len(texts) + 1)
                   if at == len(texts) or texts[at] not in _MARK_CHARACTERS or size_at(at) >= _MARK_SIZE_SHARE * size)
        if is_note_mark("".join(texts[place:end]), texts[place - 1][-1:]):
            places.update(range(place, end))
    return places


def _pdfium_page(page: pdfium.PdfPage, number: int, tables: list[Table], turned: list[Box] | None = None,
                 unseen: set[int] | None = None) -> Page:
    """The page's lines in reading order, a table's rows where its text was; ``unseen``: the page's text objects drawn
    too small to be read (_Survey)."""
    textpage = _TextPage(page, turned, unseen)
    turned = turned or []
    result = Page(number)
    placed: set[int] = set()
    for found in _TEXT_LINE.finditer(textpage.text):
        if tables:
            # A text line lies in a table or outside it: its first character tells.
            left, top, right, bottom = textpage.box(found.start())
            table = next((i for i, t in enumerate(tables) if inside((left + right) / 2, (top + bottom) / 2, t.box)), None)
            if table is not None:
                if table not in placed:
                    placed.add(table)
                    result.items.append(tables[table])
                if not tables[table].lone:  # a lone row's text is read too, where it is no table (printed._resolve_lone_rows)
                    continue
        spaces = _spaces(textpage, found.start(), found.end())
        # a line with gaps enough for cells may be a row of a table typed with tabs: its glyphs placed
        gapped = sum(space.gap >= TAB_GAP_EMS * space.height for space in spaces) >= TYPED_CELLS - 1
        for start, end in _pieces(found.start(), found.end(), spaces):
            line = _line(textpage, start, end, gapped)
            if line is not None:
                result.items.append(line)
    result.items.extend(table for index, table in enumerate(tables) if index not in placed)
    return _without_seal_marks(result, _around(turned) if turned else None)


def _around(boxes: list[Box]) -> Box:
    """The box round a seal's turned glyphs, widened by a glyph on each side (its level centre glyphs)."""
    size = max(max(box[2] - box[0], box[3] - box[1]) for box in boxes) or _SEAL_GLYPH
    return (min(box[0] for box in boxes) - size, min(box[1] for box in boxes) - size,
            max(box[2] for box in boxes) + size, max(box[3] for box in boxes) + size * _SEAL_DEPTH)


def _without_seal_marks(page: Page, seal: Box | None) -> Page:
    """The page without the level marks inside a seal (its star, the top glyph of its ring); a
    signature or date the seal is stamped over, longer than those, stays."""
    if seal is not None:
        page.items = [
            item for item in page.items
            if not (isinstance(item, Line) and len(item.text.strip()) <= _SEAL_MARK_CHARS
                    and inside(item.left, item.top, seal) and inside(item.right, item.bottom, seal))
        ]
    return page


def _pieces(start: int, end: int, spaces: list[_Space]) -> Iterator[tuple[int, int]]:
    """A PDFium line (its ``spaces``) cut where a space stands for a wide gap: text of two columns on one baseline."""
    for space in spaces:
        if space.gap > COLUMN_GAP_EMS * space.height:
            yield start, space.before + 1
            start = space.after
    yield start, end


class _Space(NamedTuple):
    before: int  # the characters before and after it
    after: int
    gap: float  # how wide the gap between them is
    height: float  # how high the character before it is


def _spaces(textpage: _TextPage, start: int, end: int) -> list[_Space]:
    """The spaces in a PDFium line, read once a line (a line's pieces and whether it is a row typed with tabs read them)."""
    spaces = []
    for space in _SPACES.finditer(textpage.text[start:end]):
        before, after = start + space.start() - 1, start + space.end()
        left, right = textpage.box(before), textpage.box(after)
        spaces.append(_Space(before, after, right[0] - left[2], left[3] - left[1]))
    return spaces


_TEXT_LINE = patterns.compile(r"\S[^\r\n]*")
_SPACES = patterns.compile(r" +(?=\S)")



Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _times(inner: Matrix, outer: Matrix) -> Matrix:
    a, b, c, d, e, f = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2, e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def _matrix(obj: ctypes.c_void_p) -> Matrix:
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
        return _IDENTITY
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


def _path_strokes(obj: ctypes.c_void_p, matrix: Matrix) -> Iterator[tuple[float, float, float, float]]:
    """The straight segments a path draws, in page space: ``(x0, y0, x1, y1)``."""
    x, y = ctypes.c_float(), ctypes.c_float()
    a, b, c, d, e, f = matrix
    start = current = None
    for index in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and current is not None:
            yield (*current, *point)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        current = point
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None and current != start:
            yield (*current, *start)
            current = start


class _View:
    """The page as displayed (its /Rotate applied), top-based like pdfplumber, and back."""

    def __init__(self, page: pdfium.PdfPage):
        self.rotation = page.get_rotation()
        left, bottom, right, top = page.get_mediabox()
        self.width, self.height = right - left, top - bottom
        self.text_height = page.get_height()  # what _TextPage measures its boxes from

    def point(self, x: float, y: float) -> tuple[float, float]:
        """A point of the page's own space as (x, top) on the displayed page."""
        return {0: (x, self.height - y), 90: (y, x), 180: (self.width - x, y)}.get(
            self.rotation, (self.height - y, self.width - x))

    def rect(self, box: Box) -> tuple[float, float, float, float]:
        """A displayed box as (left, bottom, right, top) in the page's own space."""
        left, top, right, bottom = box
        return {
            0: (left, self.height - bottom, right, self.height - top),
            90: (top, left, bottom, right),
            180: (self.width - right, top, self.width - left, bottom),
        }.get(self.rotation, (self.width - bottom, self.height - right, self.width - top, self.height - left))

    def text_box(self, box: Box) -> Box:
        """A displayed box as the text page's boxes are measured."""
        left, bottom, right, top = self.rect(box)
        return left, self.text_height - top, right, self.text_height - bottom


def _rulings(objects: Iterator[ctypes.c_void_p], outer: Matrix, view: _View, found: list[dict]) -> list[dict]:
    """Horizontal and vertical strokes (lines, and the sides of boxes and of thin filled bars)
    on the displayed page, as pdfplumber edges."""
    for obj in objects:
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        matrix = _times(_matrix(obj), outer)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            count = pdfium_c.FPDFFormObj_CountObjects(obj)
            _rulings((pdfium_c.FPDFFormObj_GetObject(obj, index) for index in range(count)), matrix, view, found)
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            for x0, y0, x1, y1 in _path_strokes(obj, matrix):
                (left, top), (right, bottom) = sorted([view.point(x0, y0), view.point(x1, y1)])
                if abs(top - bottom) < _STRAIGHT:
                    found.append(_edge("h", left, right, top, top))
                elif abs(left - right) < _STRAIGHT:
                    found.append(_edge("v", left, left, min(top, bottom), max(top, bottom)))
    return found


def _edge(orientation: str, x0: float, x1: float, top: float, bottom: float) -> dict:
    return {"object_type": "line_edge", "orientation": orientation, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "width": x1 - x0, "height": bottom - top}


def _ruled_tables(page: pdfium.PdfPage) -> list[Table]:
    """The page's ruled tables, found by pdfplumber's grid search on the rulings PDFium reads
    (pdfminer would parse every glyph of the page first); cell text from PDFium."""
    from pdfplumber.table import TableFinder  # only pages with rulings need it

    view = _View(page)
    count = pdfium_c.FPDFPage_CountObjects(page.raw)
    edges = _rulings((pdfium_c.FPDFPage_GetObject(page.raw, index) for index in range(count)), _IDENTITY, view, [])
    vertical = [edge for edge in edges if edge["orientation"] == "v"]
    horizontal = [edge for edge in edges if edge["orientation"] == "h"]
    if len(vertical) < 2 or len(horizontal) < 2:
        return []
    finder = TableFinder(None, {"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
                                "explicit_vertical_lines": vertical, "explicit_horizontal_lines": horizontal})
    textpage = page.get_textpage()
    marks = _raised_marks(_TextPage(page))
    tables = []
    for found in finder.tables:
        rows = [[_without_marks(_bounded_text(textpage, view, cell), cell and view.text_box(cell), marks) for cell in row.cells]
                for row in found.rows]
        rows = [row for row in rows if any(row)]
        lone = _is_lone_row(rows)
        if rows and (lone or not _is_frame(rows)):
            tables.append(Table(view.text_box(found.bbox), rows, lone=lone))
    return tables


def _bounded_text(textpage: pdfium.PdfTextPage, view: _View, cell: Box | None) -> str:
    if cell is None:
        return ""  # a place a merged cell covers
    left, top, right, bottom = cell
    inside = (left + _CELL_INSET, top + _CELL_INSET, right - _CELL_INSET, bottom - _CELL_INSET)
    return _cell_text(textpage.get_text_bounded(*view.rect(inside)))


@dataclass(frozen=True)
class _RaisedMark:
    """A note's mark set above its line (新增建设用地⁶): where its first character stands, what it reads, the text just
    before it."""

    box: Box
    text: str
    before: str


def _raised_marks(textpage: _TextPage) -> list[_RaisedMark]:
    """The page's notes' marks set above their lines (``_note_mark_places``), each with the few characters before it
    that find it in its cell's text: get_text_bounded reads a cell's characters as they are, its marks too."""
    marks = []
    for found in _TEXT_LINE.finditer(textpage.text):
        start = found.start()
        places = sorted(_note_mark_places(list(found.group()), lambda place: textpage.glyph_size(start + place),
                                          lambda place: textpage.box(start + place)[3]))
        for run in _runs(places):
            first, last = start + run[0], start + run[-1]
            marks.append(_RaisedMark(textpage.box(first), textpage.text[first:last + 1],
                                     textpage.text[max(start, first - _MARK_CONTEXT):first]))
    return marks


def _runs(places: list[int]) -> list[list[int]]:
    """``places`` (sorted) in runs of places one after another."""
    runs: list[list[int]] = []
    for place in places:
        if runs and runs[-1][-1] == place - 1:
            runs[-1].append(place)
        else:
            runs.append([place])
    return runs


def _without_marks(text: str, cell: Box | None, marks: list[_RaisedMark]) -> str:
    """A cell's ``text`` without the notes' marks raised inside it (``cell``: its box as the text page measures), each
    found after the characters it follows: a header's 新增建设用地⁶ named each district's figure 新增建设用地6."""
    for mark in marks:
        if cell is None or not inside((mark.box[0] + mark.box[2]) / 2, (mark.box[1] + mark.box[3]) / 2, cell):
            continue
        at = text.find(mark.before + mark.text)
        if at >= 0:
            cut = at + len(mark.before)
            text = text[:cut] + text[cut + len(mark.text):]
    return text


def _load_page(path: Path, document: pdfium.PdfDocument, index: int) -> pdfium.PdfPage:
    try:
        return document[index]
    except pdfium.PdfiumError:
        raise PlanparseError(path, f"page {index + 1} is damaged (corrupt PDF)") from None


# A title Word's printer driver gives the PDF (Microsoft Word - 附件：….doc): the program, and an attachment's label
_TITLE_PREFIX = patterns.compile(r"^(?:Microsoft\s+(?:Office\s+)?(?:Word|Excel|PowerPoint)\s*-\s*)?(?:附件\s*\d{0,2}\s*[：:]?\s*)?")
# A title written as the hex of its GBK bytes inside a string (Acrobat Distiller from a Chinese Windows)
_HEX_TITLE = patterns.compile(r"<((?:[0-9A-Fa-f]{2})+)>")


def _document_title(document: pdfium.PdfDocument) -> str:
    """The title the PDF's own information gives, without what Word's printer driver adds to it: what a plan whose
    title is only on a cover image has of it."""
    title = (document.get_metadata_value("Title") or "").strip()
    hexed = _HEX_TITLE.fullmatch(title)
    if hexed:
        title = bytes.fromhex(hexed.group(1)).decode("gb18030", errors="replace")
    return regex.sub(r"\.(?:docx?|wps)$", "", _TITLE_PREFIX.sub("", title.strip()))


def read_pdf(path: Path, data: bytes, past_limits: PagesPastLimits = NO_PAGE_PAST_LIMITS,
             ) -> tuple[list[SourceLine], list[TableData], PageInfo | None, list[ReadingWarning]]:
    """The PDF's lines, tables, title and warnings, the pages ``past_limits`` names left out (pdf_streams counted what
    they draw before PDFium loads them)."""
    document, data, repaired = _open(path, data)
    if (page_count := len(document)) > MAX_PDF_PAGES:
        document.close()
        raise PlanparseError(path, f"the PDF has {page_count:,} pages; planparse reads PDFs of at most {MAX_PDF_PAGES:,}")
    if past_limits.count != page_count:  # pdfminer's pages are not PDFium's: none can be told
        if past_limits.problems:
            document.close()
            _refuse_naming_the_first(path, past_limits.problems)
        past_limits = NO_PAGE_PAST_LIMITS
    plumber = _Plumber(data)
    left_out, budget = dict(past_limits.problems), _ObjectBudget()
    try:
        title = _document_title(document)
        pages = []
        images = 0
        table_segments = _TABLE_SEGMENTS_BUDGET
        for index in range(len(document)):
            if index + 1 in left_out:
                pages.append(Page(index + 1, []))
                continue
            if (repeated := past_limits.repeats.get(index + 1)) is not None:  # read once, counted once, as pdf_streams counts it
                pages.append(Page(index + 1, copy.deepcopy(pages[repeated - 1].items)))
                if repeated in left_out:
                    left_out[index + 1] = left_out[repeated]
                continue
            survey = None if budget.spent() else _survey_page(page := _load_page(path, document, index))
            if survey is None or not budget.takes(survey):
                left_out[index + 1] = objects_problem()
                pages.append(Page(index + 1, []))
                continue
            images += survey.images
            tables = []
            if _MIN_TABLE_SEGMENTS <= survey.path_segments <= min(_MAX_TABLE_SEGMENTS, table_segments):
                table_segments -= survey.path_segments
                # Where PDFium loses a glyph, cells are read by pdfminer too.
                tables = plumber.tables(index) if survey.lost_text else _ruled_tables(page)
            # (pdfminer reads a lone row's text as the page's: it is no table there)
            read = (plumber.read_page(index, [table for table in tables if not table.lone], bool(survey.unseen_text))
                    if survey.loses_text(tables) else None)
            pages.append(read or _pdfium_page(page, index + 1, tables, survey.askew(), survey.unseen_text))
    finally:
        document.close()  # pdfplumber reads from memory: nothing of it to release
    if pages and len(left_out) == len(pages):  # none read
        _refuse_naming_the_first(path, left_out)
    left_out_warnings = _left_out_warnings(left_out)
    if not any(page.items for page in pages):
        _refuse_textless(path, images, repaired, left_out_warnings)
    repaired = _naming_pages_without_text(repaired, pages)
    lines, tables, box = page_lines(pages, title)
    lines, tables, warnings = without_garbled_pages(path, lines, tables)
    return lines, tables, box, [*repaired, *left_out_warnings, *warnings]


def _refuse_naming_the_first(path: Path, problems: dict[int, str]) -> None:
    """Refuse a PDF naming the first of the pages past a limit and its problem."""
    first = min(problems)
    raise PlanparseError(path, f"page {first}: {problems[first]}")
