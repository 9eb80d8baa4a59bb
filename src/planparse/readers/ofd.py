"""OFD (GB/T 33190), China's fixed-layout format for government documents: the text each page draws, read into lines as
a PDF's is.

An OFD is a ZIP of XML parts: ``OFD.xml`` names the document's root (``Doc_0/Document.xml``), which lists its pages in
order, each a ``Content.xml`` of layers drawing text objects (``TextObject``: a boundary on the page, a size, a matrix)
whose ``TextCode`` runs set characters from a point (X, Y: the first one's baseline) on, each the next ``DeltaX`` to the
right. A page may draw a template's objects under its own (a letterhead, a running footer). Characters on one baseline
make a line; the lines of all pages are read as a PDF's (``printed.page_lines``): page numbers and running lines
dropped, paragraphs told by their first line's indent.
"""
from __future__ import annotations

import io
import math
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from lxml import etree

from ..errors import PlanparseError
from ..limits import MAX_PDF_PAGES, check_text_size
from ..models import PageInfo, SourceLine, TableData
from .printed import COLUMN_GAP_EMS, Glyph, Line, Page, page_lines
from .xml_text import missing_part, package_part, text_held

_NS = "http://www.ofdspec.org/2016"
_POINTS_PER_MM = 72 / 25.4  # OFD measures in millimetres, the layout of printed pages (printed.py) in points
_FIRST_WIDE = 0x2E80  # CJK radicals onwards: full-width characters, as wide as the font's size
_SAME_BASELINE = 0.5  # of a character's size: two characters this near in height are on one line
# of a character's size: a gap this wide between characters on a line is a space (a digit set as wide as a Chinese
# character leaves half of one)
_WORD_GAP = 1.0


def _tag(name: str) -> str:
    return f"{{{_NS}}}{name}"


@dataclass(frozen=True)
class _Glyph:
    """A character drawn on a page, in points: its left edge and baseline, and its font's size."""

    char: str
    x: float
    baseline: float
    size: float

    @property
    def right(self) -> float:
        return self.x + self.size * (1.0 if ord(self.char) >= _FIRST_WIDE else 0.5)


def _number(text: str | None) -> float:
    """A length or coordinate an attribute gives; 0 for none, a damaged one, or one no page has (nan, 1e400)."""
    try:
        value = float(text or 0)
    except ValueError:
        return 0.0
    return value if math.isfinite(value) else 0.0


def _numbers(text: str | None) -> list[float]:
    return [_number(part) for part in (text or "").split()]


def _deltas(text: str | None, count: int) -> list[float]:
    """The ``count`` steps a ``DeltaX`` gives from one character to the next: plain numbers, or ``g N D`` for N steps
    of D. Never more than ``count``: a hostile ``g 1000000000 3`` asks for steps no character takes."""
    parts = (text or "").split()
    steps: list[float] = []
    index = 0
    while index < len(parts) and len(steps) < count:
        if parts[index] == "g" and index + 2 < len(parts):
            repeat = int(min(max(_number(parts[index + 1]), 0), count - len(steps)))
            steps += [_number(parts[index + 2])] * repeat
            index += 3
        else:
            steps.append(_number(parts[index]))
            index += 1
    return steps + [steps[-1] if steps else 0.0] * (count - len(steps))


def _text_glyphs(text_object: etree._Element) -> Iterator[_Glyph]:
    """The characters a ``TextObject`` draws, on the page: its boundary's origin plus each point its matrix (CTM) takes
    the character's to. A ``TextCode`` with no X or Y goes on from where the one before it ended."""
    left, top = (_numbers(text_object.get("Boundary")) + [0.0, 0.0])[:2]
    a, b, c, d, e, f = (_numbers(text_object.get("CTM")) + [0.0] * 6)[:6] if text_object.get("CTM") else (1, 0, 0, 1, 0, 0)
    size = _number(text_object.get("Size")) * math.hypot(a, b) if text_object.get("CTM") else _number(text_object.get("Size"))
    x = y = 0.0
    for code in text_object.iterfind(_tag("TextCode")):
        text = text_held(code)
        x = _number(code.get("X")) if code.get("X") is not None else x
        y = _number(code.get("Y")) if code.get("Y") is not None else y
        steps_x, steps_y = _deltas(code.get("DeltaX"), len(text)), _deltas(code.get("DeltaY"), len(text))
        for char, step_x, step_y in zip(text, steps_x, steps_y):
            yield _Glyph(" " if char.isspace() and char != "\u3000" else char, (left + a * x + c * y + e) * _POINTS_PER_MM,
                         (top + b * x + d * y + f) * _POINTS_PER_MM, size * _POINTS_PER_MM)
            x, y = x + step_x, y + step_y


def _drawn_glyphs(layer: etree._Element) -> Iterator[_Glyph]:
    """The characters a layer (or a block in it) draws; a block's objects are the layer's."""
    for element in layer:
        if element.tag == _tag("TextObject"):
            yield from _text_glyphs(element)
        elif element.tag == _tag("PageBlock"):
            yield from _drawn_glyphs(element)


def _lines(glyphs: list[_Glyph]) -> Iterator[Line]:
    """The glyphs on one baseline, left to right, as lines, cut where they stand columns apart."""
    row: list[_Glyph] = []
    for glyph in [*sorted(glyphs, key=lambda glyph: (glyph.baseline, glyph.x)), None]:  # None ends the last row
        if row and (glyph is None or glyph.baseline - row[0].baseline > _SAME_BASELINE * max(row[0].size, glyph.size)):
            row.sort(key=lambda glyph: glyph.x)
            cuts = [index for index in range(1, len(row)) if row[index].x - row[index - 1].right > COLUMN_GAP_EMS * row[index - 1].size]
            for start, end in zip([0, *cuts], [*cuts, len(row)]):
                line = _line(row[start:end])
                if line is not None:
                    yield line
            row = []
        if glyph is not None:
            row.append(glyph)


def _line(piece: list[_Glyph]) -> Line | None:
    """A piece of a row as a line: the spaces at its ends left out, a space where characters stand a character apart
    (a converter places each run of text; a space it leaves out is a gap)."""
    drawn = [index for index, glyph in enumerate(piece) if not glyph.char.isspace()]
    if not drawn:
        return None
    piece = piece[drawn[0]:drawn[-1] + 1]
    text = piece[0].char
    for before, glyph in zip(piece, piece[1:]):
        apart = glyph.x - before.right > _WORD_GAP * before.size and not (before.char.isspace() or glyph.char.isspace())
        text += (" " if apart else "") + glyph.char
    size = max(glyph.size for glyph in piece)
    placed = tuple(Glyph(glyph.char, glyph.x, glyph.right) for glyph in piece)  # a row of a typed table is read on them
    return Line(text, piece[0].baseline - size, piece[0].baseline, piece[0].x, piece[-1].right, size, glyphs=placed)


class _Package:
    """The parts of an OFD, each parsed once (pages may share a template), entities left unresolved."""

    def __init__(self, path: Path, archive: zipfile.ZipFile):
        self.path = path
        self.archive = archive
        self.parsed: dict[str, etree._Element] = {}

    def part(self, name: str) -> etree._Element:
        name = posixpath.normpath(name.lstrip("/"))
        if name not in self.parsed:
            part = package_part(self.path, self.archive, name, "OFD")
            if part is None:
                raise missing_part(self.path, name, "OFD")
            self.parsed[name] = part
        return self.parsed[name]

    def located(self, base: str, location: str | None) -> str:
        """A part named as a location in ``base``'s folder (or from the package's root, with a leading /)."""
        location = (location or "").strip()
        return location if location.startswith("/") else posixpath.join(posixpath.dirname(base), location)


def _document(package: _Package) -> tuple[str, etree._Element, str | None]:
    """The first document the package holds: its root part's name, the part, and its title."""
    root = package.part("OFD.xml")
    body = root.find(_tag("DocBody"))
    location = body.findtext(_tag("DocRoot")) if body is not None else None
    if not location:
        raise PlanparseError(package.path, "not a valid OFD file (OFD.xml names no document root)")
    title = body.findtext(f"{_tag('DocInfo')}/{_tag('Title')}")
    name = package.located("OFD.xml", location)
    return name, package.part(name), (title or "").strip() or None


def _pages(package: _Package, name: str, document: etree._Element) -> Iterator[Page]:
    """Each page's lines, in the document's page order: its templates' text under its own."""
    templates = {template.get("ID"): package.located(name, template.get("BaseLoc"))
                 for template in document.iterfind(f"{_tag('CommonData')}/{_tag('TemplatePage')}")}
    listed = document.findall(f"{_tag('Pages')}/{_tag('Page')}")
    if len(listed) > MAX_PDF_PAGES:
        raise PlanparseError(package.path, f"the OFD has {len(listed):,} pages; planparse reads documents of at most {MAX_PDF_PAGES:,}")
    drawn = 0
    for number, listing in enumerate(listed, 1):
        content_name = package.located(name, listing.get("BaseLoc"))
        content = package.part(content_name)
        parts = [package.part(templates[used.get("TemplateID")]) for used in content.iterfind(_tag("Template"))
                 if used.get("TemplateID") in templates] + [content]
        glyphs = [glyph for part in parts for layer in part.iter(_tag("Layer")) for glyph in _drawn_glyphs(layer)]
        drawn += len(glyphs)
        check_text_size(package.path, drawn)  # before a page drawn a million times fills memory with its glyphs
        yield Page(number, list(_lines(glyphs)))


def read_ofd(path: Path, data: bytes) -> tuple[list[SourceLine], list[TableData], PageInfo | None]:
    try:
        package = _Package(path, zipfile.ZipFile(io.BytesIO(data)))
        name, document, title = _document(package)
        pages = list(_pages(package, name, document))
    except PlanparseError:
        raise
    except Exception:  # zipfile and zlib each raise their own kind on a damaged file
        raise PlanparseError(path, "not a valid OFD file (truncated or corrupt)") from None
    return page_lines(pages, title)
