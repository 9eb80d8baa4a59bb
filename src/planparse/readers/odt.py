"""OpenDocument text (.odt), as LibreOffice and WPS save it: body paragraphs, headings and tables in document order.

An ODT is a ZIP of XML parts; the body is ``content.xml``. A list's numbers (一、（二）3.) are in no paragraph's text:
they are rebuilt from the list styles (``text:list-style``, and the outline style numbering ``text:h`` headings),
counted as ODF counts them, so that an ODT gives the lines of the same plan saved as text or DOCX.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from lxml import etree

from ..errors import PlanparseError
from . import ReaderResult
from .cells import Blocks, typed_tables
from .crawled import cell_text
from .list_numbers import LEVELS, MAX_START, Level, ListCounters
from .note_marks import is_note_mark, shown_after
from .xml_text import DamagedPart, package_part, parsed_xml

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "xml": "http://www.w3.org/XML/1998/namespace",
    "loext": "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0",
}
_MAX_COLUMNS = 63  # as Word's widest table: a hostile file may repeat a cell a million times
_MAX_REPEATED_ROWS = 100  # rows written once and repeated: a plan's table repeats at most a few empty ones
_MAX_SPACES = 100  # text:s c="N": spaces written as a count


def _tag(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


def _attr(element: etree._Element, name: str, default: str | None = None) -> str | None:
    return element.get(_tag(name), default)


def _count(text: str | None, largest: int) -> int:
    """A count an attribute gives (columns repeated, rows spanned): a whole number from 1 to ``largest``."""
    text = (text or "").strip()
    if not (text.isascii() and text.isdigit()):
        return 1
    return max(1, min(int(text[:6]), largest))


# ODF's number formats (style:num-format), by their first number, as Word names them (list_numbers.format_number):
# LibreOffice writes a sequence as its first numbers (一, 二, 三, ...)
_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman",
            "一": "chineseCounting", "壹": "chineseLegalSimplified", "①": "decimalEnclosedCircle",
            "⑴": "decimalEnclosedParen", "⒈": "decimalEnclosedFullstop", "㈠": "ideographParenthetical",
            "甲": "ideographTraditional", "１": "decimalFullWidth", "〇": "ideographDigital"}


def _level(style: etree._Element, depth: int) -> Level:
    """A list level style as Word's: its start, its number format, and the marker it shows (%1 … %9 the numbers)."""
    first = (_attr(style, "style:num-format") or "").split(",")[0].strip()
    fmt = _FORMATS.get(first, "none") if style.tag != _tag("text:list-level-style-bullet") else "bullet"
    written = _attr(style, "loext:num-list-format")  # LibreOffice's own: %1%、
    if written is not None:
        text = written
        for shown in range(1, LEVELS + 1):
            text = text.replace(f"%{shown}%", f"%{shown}")
    else:
        shown_levels = _count(_attr(style, "text:display-levels"), depth + 1)
        numbers = ".".join(f"%{at + 1}" for at in range(depth + 1 - shown_levels, depth + 1))
        text = (_attr(style, "style:num-prefix") or "") + numbers + (_attr(style, "style:num-suffix") or "")
    return Level(start=_count(_attr(style, "text:start-value"), MAX_START), fmt=fmt, text=text)


def _list_styles(parts: list[etree._Element]) -> dict[str, dict[int, Level]]:
    """Each list style's levels by name; the outline style (numbering headings) under ``None``."""
    styles: dict[str | None, dict[int, Level]] = {}
    for root in parts:
        for style in root.iter(_tag("text:list-style"), _tag("text:outline-style")):
            name = _attr(style, "style:name") if style.tag == _tag("text:list-style") else None
            levels = {}
            for level_style in style:
                depth = _count(_attr(level_style, "text:level"), LEVELS) - 1
                levels[depth] = _level(level_style, depth)
            styles[name] = levels
    return styles


def _raised_styles(content: etree._Element, styles: etree._Element | None) -> frozenset[str]:
    """The names of the text styles the body's spans may name that set their characters above the line
    (style:text-position "super 58%" or a rise, "33% 58%"), themselves or through the style they inherit from (an
    automatic style of a font over 脚注符号, the footnote symbol's), as a note's mark or an exponent is set."""
    positions, parents = _text_style_property(content, styles, "style:text-position")
    return frozenset(name for name in positions if _raises(_own_value(name, positions, parents)))


def _hidden_styles(content: etree._Element, styles: etree._Element | None) -> frozenset[str]:
    """The names of the text styles that hide their characters (text:display "none", Format > Character > Hidden),
    themselves or through the style they inherit from: LibreOffice neither shows nor prints them."""
    displays, parents = _text_style_property(content, styles, "text:display")
    return frozenset(name for name in displays if _own_value(name, displays, parents) == ["none"])


def _text_style_property(content: etree._Element, styles: etree._Element | None,
                         attribute: str) -> tuple[dict[str, list[str]], dict[str, str | None]]:
    """What each text style the body's spans may name sets ``attribute`` of its text properties to, its words (none
    where it sets none), and the style each inherits from: the body's automatic styles and the named ones (styles.xml's
    automatic styles are its headers' and footers', named as the body's are: T1 in both)."""
    values: dict[str, list[str]] = {}
    parents: dict[str, str | None] = {}
    for container in [content, *([] if styles is None else styles.iterfind(_tag("office:styles")))]:
        for style in container.iter(_tag("style:style")):
            if _attr(style, "style:family") == "text":
                properties = style.find(_tag("style:text-properties"))
                name = _attr(style, "style:name")
                values[name] = (_attr(properties, attribute) or "").split() if properties is not None else []
                parents[name] = _attr(style, "style:parent-style-name")
    return values, parents


def _own_value(name: str, values: dict[str, list[str]], parents: dict[str, str | None]) -> list[str]:
    """The value style ``name`` sets, its own or the nearest it inherits (a circle of parents stopped)."""
    seen = set()
    while name in values and not values[name] and name not in seen:
        seen.add(name)
        name = parents[name]
    return values.get(name, [])


def _without_hidden_spans(body: etree._Element, hidden: frozenset[str]) -> None:
    """Empty the spans of ``body`` set in a ``hidden`` style (_hidden_styles), the text after each (its tail) kept: a
    template's notes to its writer, keywords (新建水厂999座 so hidden after a water plan's goal was read as its target).
    Emptied in place, not taken out: a run of thousands of them moves no text."""
    if not hidden:
        return
    for span in [span for span in body.iter(_tag("text:span")) if _attr(span, "text:style-name") in hidden]:
        span.text = None
        for child in list(span):
            span.remove(child)


def _raises(position: list[str]) -> bool:
    return bool(position) and (position[0] == "super" or _rise(position[0]) > 0)


def _rise(position: str) -> float:
    """How far a text position raises the characters, in percent of their height (negative: lowered; 0 unreadable)."""
    try:
        return float(position.removesuffix("%"))
    except ValueError:
        return 0


_OUTLINE = "outline"  # the chain of numbered headings, one in a document


@dataclass
class _Reader:
    styles: dict[str | None, dict[int, Level]]
    raised: frozenset[str] = frozenset()  # text styles set above the line (_raised_styles)
    blocks: Blocks = field(default_factory=Blocks)
    counters: ListCounters = field(default_factory=ListCounters)
    # A list as ODF counts it (a text:list and the lists that continue it) -> the levels of its style
    chains: dict[object, dict[int, Level]] = field(default_factory=dict)
    last_of_style: dict[str | None, object] = field(default_factory=dict)  # the list a next one of its style continues
    by_id: dict[str, object] = field(default_factory=dict)  # xml:id -> its chain, for text:continue-list

    def read(self, container: etree._Element) -> None:
        for element in container:
            if element.tag == _tag("text:p"):
                self.paragraph(element, "")
            elif element.tag == _tag("text:h"):
                self.paragraph(element, self.heading_marker(element))
            elif element.tag == _tag("text:list"):
                self.list(element, self.chain(element), 0)
            elif element.tag == _tag("table:table"):
                self.table(element)
            elif element.tag in _CONTAINERS:
                self.read(element)
            elif element.tag == _tag("draw:frame"):
                self.frames([element])

    def paragraph(self, element: etree._Element, marker: str) -> None:
        self.blocks.paragraph(marker + _text(element, self.raised).strip())
        self.frames(element.iter(_tag("draw:frame")))

    def frames(self, frames: Iterable[etree._Element]) -> None:
        """The text boxes of a paragraph or a page (a title set in a box), after it; a box in a box is read with it."""
        for frame in list(frames):
            if not any(ancestor.tag == _tag("draw:text-box") for ancestor in frame.iterancestors()):
                for box in frame.iterfind(_tag("draw:text-box")):
                    self.read(box)

    def heading_marker(self, heading: etree._Element) -> str:
        """The outline number a heading shows, unless it says it shows none."""
        if _attr(heading, "text:is-list-header") == "true" or None not in self.styles:
            return ""
        depth = _count(_attr(heading, "text:outline-level"), LEVELS) - 1
        if _attr(heading, "text:restart-numbering") == "true":
            self.counters.restart(_OUTLINE, self.styles[None], depth, _count(_attr(heading, "text:start-value"), MAX_START))
        return self.marker(_OUTLINE, self.styles[None], depth)

    def chain(self, element: etree._Element) -> object:
        """The chain a top ``text:list`` counts in: the one it continues, else a new one."""
        style = _attr(element, "text:style-name")
        continued = _attr(element, "text:continue-list")
        if continued in self.by_id:
            chain = self.by_id[continued]
        elif _attr(element, "text:continue-numbering") == "true" and style in self.last_of_style:
            chain = self.last_of_style[style]
        else:
            chain = object()
            self.chains[chain] = self.styles.get(style, {})
        self.last_of_style[style] = chain
        list_id = _attr(element, "xml:id")
        if list_id:
            self.by_id[list_id] = chain
        return chain

    def list(self, element: etree._Element, chain: object, depth: int) -> None:
        for item in element:
            numbered = item.tag == _tag("text:list-item")
            if not numbered and item.tag != _tag("text:list-header"):
                continue
            if numbered and _attr(item, "text:start-value") is not None:
                self.counters.restart(chain, self.chains[chain], depth, _count(_attr(item, "text:start-value"), MAX_START))
            self.item(item, chain, depth, numbered)

    def item(self, item: etree._Element, chain: object, depth: int, numbered: bool) -> None:
        """A list item: its first paragraph shows the number; an item holding only a list below counts no number."""
        first = True
        for child in item:
            if child.tag in (_tag("text:p"), _tag("text:h")):
                marker = self.marker(chain, self.chains[chain], depth) if numbered and first else ""
                self.paragraph(child, marker)
                first = False
            elif child.tag == _tag("text:list"):
                self.list(child, chain, min(depth + 1, LEVELS - 1))
            elif child.tag == _tag("table:table"):
                self.table(child)

    def marker(self, chain: object, levels: dict[int, Level], depth: int) -> str:
        if depth not in levels or levels[depth].fmt in ("bullet", "none"):
            return ""
        return self.counters.marker(chain, chain, {}, levels, depth)

    def table(self, element: etree._Element) -> None:
        if all(sum(1 for text, _ in cells if text) <= 1 for cells in _rows(element, _plain_text)):
            self.layout(element)  # a frame of one column, a web page's pasted into the document: its paragraphs
            return
        spanned: dict[int, int] = {}  # column -> rows still covered by a cell above spanning down
        for cells in _rows(element, self.cell_text):
            continued = {column for column, left in spanned.items() if left > 0}
            spanned = {column: left - 1 for column, left in spanned.items() if left > 1}
            for column, (text, rows_spanned) in enumerate(cells):
                if rows_spanned > 1:
                    spanned[column] = rows_spanned - 1
                self.blocks.cell.append(text)
                self.blocks.end_cell()
            self.blocks.end_row(continued)
        self.blocks.end_table()

    def layout(self, element: etree._Element) -> None:
        for cell in element.iter(_tag("table:table-cell")):
            if next(cell.iterancestors(_tag("table:table"))) is element:
                self.read(cell)

    def cell_text(self, cell: etree._Element) -> str:
        """A cell's paragraphs, numbered as shown, parted by their kinds (crawled.cell_text)."""
        cell_reader = _Reader(self.styles, self.raised, counters=self.counters, chains=self.chains,
                              last_of_style=self.last_of_style, by_id=self.by_id)
        cell_reader.read(cell)
        cell_reader.blocks.end_table()
        return cell_text([line.text.replace("\t", " ") for line in cell_reader.blocks.lines])  # a tab separates a source line's cells


_CONTAINERS = {_tag("text:section")}  # a section's paragraphs are the body's


def _plain_text(cell: etree._Element) -> str:
    """A cell's text with no list numbers (none counted)."""
    return "".join(_text(paragraph, frozenset()) for paragraph in cell.iter(_tag("text:p"), _tag("text:h"))).strip()


def _rows(table: etree._Element, cell_text: Callable[[etree._Element], str]) -> Iterator[list[tuple[str, int]]]:
    """Each row's cells, one per column: (text, rows it spans down); a covered cell is empty."""
    for row in table.iter(_tag("table:table-row")):
        if next(row.iterancestors(_tag("table:table"))) is not table:
            continue  # a row of a table nested in a cell
        cells: list[tuple[str, int]] = []
        for cell in row:
            if cell.tag not in (_tag("table:table-cell"), _tag("table:covered-table-cell")):
                continue
            text = cell_text(cell) if cell.tag == _tag("table:table-cell") else ""
            down = _count(_attr(cell, "table:number-rows-spanned"), _MAX_REPEATED_ROWS) if text else 1
            repeated = _count(_attr(cell, "table:number-columns-repeated"), _MAX_COLUMNS)
            for _ in range(repeated):
                cells.append((text, down))
        for _ in range(_count(_attr(row, "table:number-rows-repeated"), _MAX_REPEATED_ROWS)):
            yield cells[:_MAX_COLUMNS]


# What a paragraph shows for marks that hold no text, as in a DOCX: a tab kept (cells.typed_tables), a line break a space
_SHOWN = {_tag("text:tab"): "\t", _tag("text:line-break"): " "}
# Not the paragraph's own text: notes (their citation and body), comments, frames and shapes (text boxes are read as
# lines of their own after the paragraph), a ruby's reading above its characters
_NOT_TEXT = {_tag("text:note"), _tag("office:annotation"), _tag("draw:frame"), _tag("draw:a"), _tag("text:ruby-text"),
             _tag("draw:custom-shape")}


def _text(element: etree._Element, raised: frozenset[str], before: str = "") -> str:
    """The text ``element`` shows, but for notes' marks set above the line in one of the ``raised`` styles (达到59%¹):
    ``before``, the character shown before ``element``, tells an exponent (5000m²) from a mark."""
    parts = [element.text or ""]
    before = shown_after(parts[0], before)
    for child in element:
        text = ""
        if child.tag == _tag("text:s"):
            text = " " * _count(_attr(child, "text:c"), _MAX_SPACES)
        elif child.tag in _SHOWN:
            text = _SHOWN[child.tag]
        elif child.tag not in _NOT_TEXT and isinstance(child.tag, str):
            text = _text(child, raised, before)
            if _attr(child, "text:style-name") in raised and is_note_mark(text, before):
                text = ""
        parts += (text, child.tail or "")
        before = shown_after(child.tail or "", shown_after(text, before))
    return "".join(parts)


def _part(path: Path, archive: zipfile.ZipFile, name: str) -> etree._Element | None:
    """An XML part parsed, entities left unresolved; None when the file does not hold it."""
    try:
        return package_part(path, archive, name, "ODT")
    except DamagedPart:
        raise _unreadable(path, archive, f"{name} is damaged") from None


_ENCRYPTION_DATA = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}encryption-data"


def _unreadable(path: Path, archive: zipfile.ZipFile, problem: str) -> PlanparseError:
    """Why the ODT's text cannot be read: a password, where its manifest says its parts are encrypted (LibreOffice
    and WPS encrypt content.xml, the newest LibreOffice the whole package, leaving no content.xml), else ``problem``.
    The manifest is read only then: a plan with no password is read without it."""
    if _encrypted(archive):
        return PlanparseError(path, "the document is protected by a password (an encrypted ODT); open it in LibreOffice "
                                    "or WPS and save it without one")
    return PlanparseError(path, f"not a valid ODT file ({problem})")


def _encrypted(archive: zipfile.ZipFile) -> bool:
    try:
        manifest = parsed_xml(archive.read("META-INF/manifest.xml"))
    except Exception:  # no manifest, or a damaged one (zipfile, zlib and lxml each raise their own kind): it says nothing
        return False
    return next(manifest.iter(_ENCRYPTION_DATA), None) is not None


def read_odt(path: Path, data: bytes) -> ReaderResult:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        content = _part(path, archive, "content.xml")
        styles = _part(path, archive, "styles.xml")
    except PlanparseError:
        raise
    except Exception:  # zipfile and zlib each raise their own kind on a damaged file
        raise PlanparseError(path, "not a valid ODT file (truncated or corrupt)") from None
    body = content.find(f"{_tag('office:body')}/{_tag('office:text')}") if content is not None else None
    if body is None:
        raise _unreadable(path, archive, "its content.xml holds no text body")
    _without_hidden_spans(body, _hidden_styles(content, styles))
    reader = _Reader(_list_styles([part for part in (styles, content) if part is not None]), _raised_styles(content, styles))
    reader.read(body)
    reader.blocks.end_table()
    return typed_tables(reader.blocks.lines), reader.blocks.tables
