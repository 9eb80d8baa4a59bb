"""Word documents: body paragraphs and tables in document order.

Headings numbered by Word's automatic list numbering hold no marker in their
text; the marker shown on screen is rebuilt from ``numbering.xml`` so that a
DOCX gives the same lines as the same plan saved as text.
"""
from __future__ import annotations

import io
import posixpath
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import unquote

import docx
from docx.document import Document as WordDocument
from docx.oxml import ns
from docx.enum.style import WD_STYLE_TYPE
from docx.styles.style import ParagraphStyle
from lxml import etree

from ..errors import PlanparseError
from ..limits import part_name_key, xml_limit_problem
from ..models import SourceLine, TableData
from ..normalize import is_contents_title
from . import ReaderResult
from .cells import holds_a_page, opens_heading, typed_tables, vertical_merges_filled
from .crawled import cell_text
from .list_numbers import LEVELS, MAX_START, Level, ListCounters
from .note_marks import is_note_mark, shown_after
from .symbols import symbol_shown
from .xml_text import parsed_xml, text_held

_MAX_COLUMNS = 63  # Word's widest table
# python-docx's qn splits its prefix and looks it up on every call: some twenty calls a paragraph were a third of
# a long document's reading. The tags are few.
qn = lru_cache(maxsize=None)(ns.qn)


_LAYOUT_HEADINGS = 2  # rows of a heading beside its text that make a plan laid out in two columns, not a table
_LAYOUT_HEADING_LENGTH = 40  # characters: a heading in the left column is shorter; a cell of data may be longer


def _val(element: etree._Element | None, tag: str) -> str | None:
    """The ``w:val`` of the child ``tag`` of ``element``, if both exist."""
    child = element.find(qn(tag)) if element is not None else None
    return child.get(qn("w:val")) if child is not None else None


def _whole_number(text: str | None, largest: int) -> int | None:
    """A numbering attribute (a start, a level) Word can show: a whole number from 0 to ``largest``, else None.
    A hostile file's -5 or 10^5000 would make the counters run for ever or past what a number can print."""
    text = (text or "").strip()
    if not (text.isascii() and text.isdigit() and len(text) <= len(str(largest))):
        return None
    return int(text) if int(text) <= largest else None


# Formats that show a list's numbers as one character each, in order, for as many numbers as the sequence holds
@dataclass
class _List:
    """One ``w:num``: the abstract list it shows and its start overrides."""

    abstract_id: str
    starts: dict[int, int] = field(default_factory=dict)


class _Styles:
    """Paragraph styles by id, each looked up once: python-docx searches every
    style for the default one on each ``paragraph.style``, most of a DOCX's reading time."""

    def __init__(self, document: WordDocument):
        self.part = document.part
        self.by_id: dict[str | None, ParagraphStyle | None] = {}
        self.contents_entries: dict[str | None, bool] = {}

    def with_id(self, style_id: str | None) -> ParagraphStyle | None:
        if style_id not in self.by_id:
            self.by_id[style_id] = self.part.get_style(style_id, WD_STYLE_TYPE.PARAGRAPH)
        return self.by_id[style_id]

    def of_contents_entry(self, style_id: str | None) -> bool:
        """Whether the style is one of a table of contents' lines (TOC 1, toc 2): a contents typed without a control."""
        if style_id not in self.contents_entries:
            style = self.with_id(style_id)
            self.contents_entries[style_id] = style is not None and (style.name or "").lower().startswith("toc ")
        return self.contents_entries[style_id]


def _style_id(paragraph: etree._Element) -> str | None:
    """The id of a paragraph's style (python-docx's ``CT_P.style``, without the objects it makes on the way)."""
    style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style.get(qn("w:val")) if style is not None else None


class Numbering:
    """Word's automatic numbering: which marker each numbered paragraph shows."""

    def __init__(self, document: WordDocument, styles: _Styles):
        self.styles = styles
        self.levels: dict[str, dict[int, Level]] = {}
        self.lists: dict[str, _List] = {}
        self.style_levels: dict[str, tuple[str, int]] = {}
        self.style_numbering: dict[str | None, tuple[str, int] | None] = {}  # by paragraph style id
        self.counters = ListCounters()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return  # no numbering part: nothing is numbered
        borrowed: dict[str, str] = {}  # abstract list -> the numbering style it takes its levels from
        for abstract in root.iterfind(qn("w:abstractNum")):
            abstract_id = abstract.get(qn("w:abstractNumId"))
            self.levels[abstract_id] = {}
            style_link = _val(abstract, "w:numStyleLink")
            if style_link:
                borrowed[abstract_id] = style_link
            for lvl in abstract.iterfind(qn("w:lvl")):
                level = _whole_number(lvl.get(qn("w:ilvl"), "0"), LEVELS - 1)
                if level is None:
                    continue  # a level Word does not have
                self.levels[abstract_id][level] = Level(
                    start=_whole_number(_val(lvl, "w:start") or "1", MAX_START) or 1,
                    fmt=_val(lvl, "w:numFmt") or "decimal",
                    text=_val(lvl, "w:lvlText") or "",
                )
                style_id = _val(lvl, "w:pStyle")
                if style_id:
                    self.style_levels[style_id] = (abstract_id, level)
        for num in root.iterfind(qn("w:num")):
            entry = _List(_val(num, "w:abstractNumId") or "")
            for override in num.iterfind(qn("w:lvlOverride")):
                start = _whole_number(_val(override, "w:startOverride"), MAX_START)
                level = _whole_number(override.get(qn("w:ilvl"), "0"), LEVELS - 1)
                if start is not None and level is not None:
                    entry.starts[level] = start
            self.lists[num.get(qn("w:numId"))] = entry
        self._follow_style_links(document, borrowed)

    def _follow_style_links(self, document: WordDocument, borrowed: dict[str, str]) -> None:
        """Point lists whose abstract list only names a numbering style at the list that style uses."""
        for abstract_id, style_id in borrowed.items():
            style = document.styles.element.get_by_id(style_id)
            num_pr = style.pPr.find(qn("w:numPr")) if style is not None and style.pPr is not None else None
            target = self.lists.get(_val(num_pr, "w:numId") or "")
            for entry in self.lists.values():
                if target is not None and entry.abstract_id == abstract_id:
                    entry.abstract_id = target.abstract_id

    def marker(self, paragraph: etree._Element) -> str:
        """The marker Word shows before ``paragraph``, advancing the counters."""
        shown = self._shown_level(paragraph)
        if shown is None:
            return ""
        num_id, entry, levels, level = shown
        return self.counters.marker(entry.abstract_id, num_id, entry.starts, levels, level)

    def shows_number(self, paragraph: etree._Element) -> bool:
        """Whether Word shows a number before ``paragraph`` (not a bullet), without counting it."""
        return self._shown_level(paragraph) is not None

    def _shown_level(self, paragraph: etree._Element) -> tuple[str, _List, dict[int, Level], int] | None:
        """The list numbering ``paragraph`` and its level, when that level shows a number: ``(numId, list, levels, level)``."""
        found = self._num_pr(paragraph)
        if found is None:
            return None
        num_id, level = found
        entry = self.lists.get(num_id)
        levels = self.levels.get(entry.abstract_id) if entry else None
        if not levels or level not in levels or levels[level].fmt in ("bullet", "none"):
            return None
        return num_id, entry, levels, level

    def _num_pr(self, paragraph: etree._Element) -> tuple[str, int] | None:
        """``(numId, level)`` from the paragraph's own properties, else its style's."""
        p_pr = paragraph.find(qn("w:pPr"))
        own = p_pr.find(qn("w:numPr")) if p_pr is not None else None
        if own is not None and _val(own, "w:numId") is not None:
            return self._listed(_val(own, "w:numId"), _val(own, "w:ilvl"), None)
        style_id = _style_id(paragraph)
        if style_id not in self.style_numbering:
            self.style_numbering[style_id] = self._style_num_pr(self.styles.with_id(style_id))
        return self.style_numbering[style_id]

    def _style_num_pr(self, style: ParagraphStyle | None) -> tuple[str, int] | None:
        """``(numId, level)`` from ``style`` or the styles it is based on: the same for each of its paragraphs."""
        seen = set()  # a hostile file's styles may be based on each other in a circle
        while style is not None and style.style_id not in seen:
            seen.add(style.style_id)
            style_pr = style.element.pPr
            inherited = style_pr.find(qn("w:numPr")) if style_pr is not None else None
            if _val(inherited, "w:numId") is not None:
                return self._listed(_val(inherited, "w:numId"), _val(inherited, "w:ilvl"), style.style_id)
            style = style.base_style
        return None

    def _listed(self, num_id: str, ilvl: str | None, style_id: str | None) -> tuple[str, int] | None:
        # numId 0 switches numbering off; a style's level comes from the list
        # level that names the style when the style itself does not say.
        if num_id == "0":
            return None
        if ilvl is None and style_id in self.style_levels:
            return num_id, self.style_levels[style_id][1]
        level = _whole_number(ilvl or "0", LEVELS - 1)
        return None if level is None else (num_id, level)


def _open(path: Path, data: bytes) -> WordDocument:
    try:
        return docx.Document(io.BytesIO(data))
    except KeyError:  # zipfile's, for a part a relationship names and the file does not hold
        repaired = _without_missing_parts(path, data)
        if repaired is data:
            raise PlanparseError(path, "not a valid DOCX file (truncated or corrupt)") from None
        return _open(path, repaired)
    except etree.XMLSyntaxError as exc:
        problem = xml_limit_problem(exc, "DOCX")
        if problem is None:
            raise PlanparseError(path, "not a valid DOCX file (truncated or corrupt)") from None
        raise PlanparseError(path, f"{_part_at_limit(data)}, line {exc.lineno}: {problem}") from None
    except RecursionError:  # python-docx follows the relationships from part to part, one call deeper for each
        raise PlanparseError(path, "its parts link each other in a chain longer than planparse follows") from None
    except Exception:  # zipfile, zlib, lxml and python-docx each raise their own kind on a damaged file
        raise PlanparseError(path, "not a valid DOCX file (truncated or corrupt)") from None


_MAIN_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_EXTERNAL = "External"


def _without_missing_parts(path: Path, data: bytes) -> bytes:
    """The DOCX with every relationship to a part it does not hold left out, as Word opens it (an image it
    lacks shown as a broken one, a settings part as the defaults): python-docx stops at the first. A part named in
    another case than the relationship writes it is that part, as Word reads a package's names (Word/Document.xml is
    word/document.xml): python-docx found none. Its parts' sizes and number are checked already (``check_docx_parts``);
    rewritten unzipped, in memory. ``data`` itself when it cannot be read so far."""
    import zipfile

    repaired = io.BytesIO()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        held = {part_name_key(name): name for name in archive.namelist()}
        changed = False
        with zipfile.ZipFile(repaired, "w", zipfile.ZIP_STORED) as copy:
            for part in archive.infolist():
                written = content = archive.read(part)
                name = part.filename
                if name.endswith(".rels"):
                    content, name = _held_relationships(path, name, written, held), _relationships_named_as_held(name, held)
                    changed = changed or content is not written or name != part.filename
                copy.writestr(name, content)
    except PlanparseError:
        raise
    except Exception:  # a part damaged besides: zipfile, zlib and lxml each raise their own kind; the file is invalid
        return data
    return repaired.getvalue() if changed else data


def _held_relationships(path: Path, name: str, content: bytes, held: dict[str, str]) -> bytes:
    """The relationship part ``name`` without the relationships whose target the file does not hold (``held``: the
    names it holds by ``part_name_key``), each other target written as the part's name; a main document missing is
    no document."""
    root = parsed_xml(content)
    source_folder = posixpath.dirname(posixpath.dirname(name))  # word/_rels/document.xml.rels: word
    missing, renamed = [], False
    for relationship in root:
        target = unquote(relationship.get("Target", ""))
        if relationship.get("TargetMode") == _EXTERNAL:
            continue
        part = posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join(source_folder, target))
        if part_name_key(part) not in held:
            if relationship.get("Type") == _MAIN_DOCUMENT:
                raise PlanparseError(path, f"not a valid DOCX file (its main part, {part}, is missing)")
            missing.append(relationship)
        elif held[part_name_key(part)] != part:
            relationship.set("Target", "/" + held[part_name_key(part)])
            renamed = True
    for relationship in missing:
        root.remove(relationship)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) if missing or renamed else content


def _relationships_named_as_held(name: str, held: dict[str, str]) -> str:
    """The relationship part ``name`` named after its part as the file holds it (word/_rels/document.xml.rels of a
    part held as WORD/Document.XML: WORD/_rels/Document.XML.rels, where python-docx looks for it)."""
    folder, file = posixpath.split(name)
    part = posixpath.join(posixpath.dirname(folder), file.removesuffix(".rels"))
    part = held.get(part_name_key(part), part)
    return posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")


def _part_at_limit(data: bytes) -> str:
    """The part the parser stopped reading at a limit, which python-docx's error does not name: each part read
    again (their sizes checked already by ``check_docx_parts``), as python-docx reads them."""
    import zipfile

    archive = zipfile.ZipFile(io.BytesIO(data))
    for part in archive.infolist():
        try:
            parsed_xml(archive.read(part))
        except etree.XMLSyntaxError as exc:
            if xml_limit_problem(exc, "DOCX"):
                return part.filename
    return "a part"


# What Word shows for a run's marks that hold no text: a tab is kept (a table typed with tabs keeps it, other tabs are
# spaces: cells.typed_tables), an absolute position tab and line breaks become spaces; a non-breaking hyphen (Ctrl+Shift+-, typed to keep a
# range such as 60-70% on one line) is a hyphen.
_SHOWN = {qn("w:tab"): "\t", qn("w:ptab"): " ", qn("w:br"): " ", qn("w:cr"): " ", qn("w:noBreakHyphen"): "-"}
# Not part of the paragraph's own text: drawings and text boxes (which
# Word stores twice, as DrawingML and as a VML fallback), embedded objects; text moved away with changes tracked
# (stored again where it went, in w:moveTo).
_NOT_TEXT = {qn("w:drawing"), qn("w:pict"), qn("w:object"), qn("w:moveFrom"),
             "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}
# A paragraph mark deleted or moved away with changes tracked: Word shows the paragraph run on into the next.
_MARK_REMOVED = (qn("w:del"), qn("w:moveFrom"))
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_TOC_GALLERY = "Table of Contents"
_TEXT_BOX = qn("w:txbxContent")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _text(element: etree._Element, before: str = "") -> str:
    """The text Word shows: runs in hyperlinks, fields, content controls and
    tracked insertions included (deletions are ``w:delText``, so left out, as are moves away); ``before``, the character
    shown before ``element``, tells a raised run's exponent (5000m, then an insertion of ²) from a note's mark."""
    parts: list[str] = []
    for child in element:
        if child.tag == qn("w:t"):
            text = text_held(child)
        elif child.tag in _SHOWN:
            text = _SHOWN[child.tag]
        elif child.tag == qn("w:sym"):
            text = _symbol(child)
        elif child.tag not in _NOT_TEXT:
            if child.tag == qn("w:r") and _hidden(child):
                continue
            text = _text(child, before)
            if child.tag == qn("w:r") and _raised(child) and is_note_mark(text, before):
                continue
        else:
            continue
        parts.append(text)
        before = shown_after(text, before)
    return "".join(parts)


def _hidden(run: etree._Element) -> bool:
    """Whether a run is hidden text (Font > Hidden, w:vanish), which Word neither shows nor prints: a template's notes
    to its writer, keywords (新建水厂999座 so hidden after a water plan's goal was read as its target)."""
    vanish = run.find(f"{qn('w:rPr')}/{qn('w:vanish')}")
    return vanish is not None and vanish.get(qn("w:val")) not in ("0", "false", "off")


def _raised(run: etree._Element) -> bool:
    """Whether a run is set above the line (superscript), as a note's mark or an exponent is."""
    position = run.find(f"{qn('w:rPr')}/{qn('w:vertAlign')}")
    return position is not None and position.get(qn("w:val")) == "superscript"


def _set_runs_as_their_character_styles(document: WordDocument) -> None:
    """Set on each run what its character style sets, themselves or through the styles they are based on, unless the
    run sets its own, so that the run is read as one so set directly: superscript (a note's mark typed in a style such
    as 脚注引用, the footnote reference's, or a style of the writer's own: ``_raised``) and hidden text (``_hidden``)."""
    styles = document.styles.element
    raised = {name for name, value in _character_style_values(styles, "w:vertAlign").items() if value == "superscript"}
    hidden = {name for name, value in _character_style_values(styles, "w:vanish").items() if value not in (None, "0", "false", "off")}
    if not raised and not hidden:
        return
    for style in document.element.body.iter(qn("w:rStyle")):
        properties, name = style.getparent(), style.get(qn("w:val"))
        if name in raised and properties.find(qn("w:vertAlign")) is None:
            properties.append(properties.makeelement(qn("w:vertAlign"), {qn("w:val"): "superscript"}))
        if name in hidden and properties.find(qn("w:vanish")) is None:
            properties.append(properties.makeelement(qn("w:vanish"), {}))


def _character_style_values(styles: etree._Element, tag: str) -> dict[str, str | None]:
    """What each character style sets its runs' property ``tag`` to (its w:val, "on" where it has none), itself or
    through the styles it is based on; None where none of them sets it."""
    values: dict[str, str | None] = {}
    bases: dict[str, str | None] = {}
    for style in styles.iterfind(qn("w:style")):
        if style.get(qn("w:type")) == "character":
            style_id = style.get(qn("w:styleId"))
            setting = style.find(f"{qn('w:rPr')}/{qn(tag)}")
            values[style_id] = setting.get(qn("w:val"), "on") if setting is not None else None
            bases[style_id] = _val(style, "w:basedOn")
    inherited = {}
    for style_id in values:
        seen, at = set(), style_id
        while at in values and values[at] is None and at not in seen:  # a hostile file's bases may go round
            seen.add(at)
            at = bases[at]
        inherited[style_id] = values.get(at)
    return inherited


def _symbol(sym: etree._Element) -> str:
    """The character a ``w:sym`` (Insert > Symbol) shows."""
    code = _symbol_code(sym.get(qn("w:char")))
    return "" if code is None else symbol_shown(code, sym.get(qn("w:font")) or "")


def _symbol_code(text: str | None) -> int | None:
    """A ``w:char``: four hexadecimal digits at most (a hostile file's may be thousands)."""
    text = (text or "").strip()
    return int(text, 16) if 0 < len(text) <= 4 and all(char in _HEX_DIGITS for char in text) else None


def _mark_removed(paragraph: etree._Element) -> bool:
    """Whether the paragraph's mark was deleted or moved away with changes tracked."""
    marks = paragraph.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
    return marks is not None and any(marks.find(tag) is not None for tag in _MARK_REMOVED)


def _is_contents(element: etree._Element) -> bool:
    """A table of contents: its lines repeat the headings, with page numbers."""
    if element.tag == qn("w:sdt"):
        gallery = element.find(f"{qn('w:sdtPr')}/{qn('w:docPartObj')}/{qn('w:docPartGallery')}")
        return gallery is not None and (gallery.get(qn("w:val")) or "").startswith(_TOC_GALLERY)
    return False


def _drop_contents_fields(body: etree._Element) -> None:
    """Remove the text of a table of contents that is a TOC field (WPS's, or Word's without its content control):
    its entries (一、总体要求 → 3) would be read as headings twice, their page numbers glued to the titles. A field is
    its instruction between fldChar begin and separate, its result between separate and end; fields nest (each
    entry's page number is a PAGEREF field inside the TOC's result) and may run over paragraphs."""
    fields: list[list] = []  # open fields, innermost last: [instruction, in its result]
    in_contents = False
    shown: list[etree._Element] = []  # the runs and simple fields the contents show, removed after the walk
    for element in body.iter(qn("w:r"), qn("w:fldChar"), qn("w:instrText"), qn("w:fldSimple")):
        if element.tag == qn("w:fldSimple") and _is_contents_field(element.get(qn("w:instr"))):
            shown.append(element)
        elif element.tag == qn("w:fldChar"):
            kind = element.get(qn("w:fldCharType"))
            if kind == "begin":
                fields.append(["", False])
            elif fields and kind == "separate":
                fields[-1][1] = True
                shown += _contents_title_before(element) if _is_contents_field(fields[-1][0]) else []
            elif fields and kind == "end":
                fields.pop()
            in_contents = any(result and _is_contents_field(instruction) for instruction, result in fields)
        elif element.tag == qn("w:instrText") and fields:
            fields[-1][0] += text_held(element)  # a comment inside cuts .text short
        elif element.tag == qn("w:r") and in_contents and element.find(qn("w:fldChar")) is None:
            shown.append(element)
    for element in shown:
        element.getparent().remove(element)


def _contents_title_before(separator: etree._Element) -> list[etree._Element]:
    """The paragraph before the one where a TOC field's result starts, when it is the contents' title (目录): with no
    entry after it, it would be read as the end of the plan's title."""
    first = next(separator.iterancestors(qn("w:p")), None)
    before = first.getprevious() if first is not None else None
    return [before] if before is not None and before.tag == qn("w:p") and is_contents_title(_text(before).strip()) else []


def _is_contents_field(instruction: str | None) -> bool:
    return (instruction or "").split(maxsplit=1)[:1] == ["TOC"]


def _body_blocks(container: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs and tables in document order, also inside content controls."""
    for child in container:
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag == qn("w:sdt") and not _is_contents(child):
            content = child.find(qn("w:sdtContent"))
            yield from _body_blocks(content if content is not None else ())


def _row_cells(row_element: etree._Element, numbering: Numbering) -> list[str]:
    """A row's cell texts, one per grid column, numbered as Word shows them.

    A cell merged across columns gives its text once, the columns it covers
    stay empty; a cell continuing a vertical merge is empty, as in a TXT copy.
    """
    cells: list[str] = []
    for tc in row_element.iterfind(qn("w:tc")):
        if tc.vMerge == "continue":
            text = ""
        else:
            # a tab separates a source line's cells; the paragraphs are parted by their kinds (units by 、)
            text = cell_text([(numbering.marker(p) + _text(p)).replace("\t", " ") for p in tc.iter(qn("w:p"))])
        cells.extend([text] + [""] * (_grid_span(tc) - 1))
    return cells


def _grid_span(tc: etree._Element) -> int:
    """The columns a cell spans, at most Word's widest table: a hostile file may ask for millions, or for
    what is no whole number (1e9, which python-docx's own reading fails on)."""
    text = (_val(tc.find(qn("w:tcPr")), "w:gridSpan") or "1").strip()
    if not (text.isascii() and text.isdigit()):
        return 1
    return max(1, min(int(text) if len(text) <= len(str(_MAX_COLUMNS)) else _MAX_COLUMNS, _MAX_COLUMNS))


def _continued_columns(row_element: etree._Element) -> set[int]:
    columns, column = set(), 0
    for tc in row_element.iterfind(qn("w:tc")):
        if tc.vMerge == "continue":
            columns.add(column)
        column += _grid_span(tc)
    return columns


def _text_boxes(paragraph: etree._Element) -> list[etree._Element]:
    """The text boxes anchored in a paragraph (a title or heading set in a box), each once: Word writes a box
    twice, as a drawing and as its VML fallback for older readers; a box inside a box is read with it."""
    return [box for box in paragraph.iter(_TEXT_BOX) if not _inside_another_box(box, paragraph)]


def _inside_another_box(box: etree._Element, paragraph: etree._Element) -> bool:
    """Whether ``box`` sits in another box or a fallback within ``paragraph`` (the boxes ``paragraph``
    itself stands in are not looked at: their own paragraphs read the boxes inside them)."""
    for ancestor in box.iterancestors():
        if ancestor is paragraph:
            return False
        if ancestor.tag in (_FALLBACK, _TEXT_BOX):
            return True
    return False


def _is_layout(table: etree._Element, numbered: Callable[[etree._Element], bool]) -> bool:
    """A table of one column, or whose rows fill one cell each: a web page's frame
    pasted into Word (the 文号, the body, the 版记 each in a box), read as paragraphs; a plan laid out in two
    columns, its headings on the left and their text on the right; or a frame whose one cell holds the plan's body
    beside boxes of its 索引号 and 文号 or a column of links. ``numbered``: whether Word's lists number a paragraph."""
    rows = [[(text, tc) for tc in tr.iterfind(qn("w:tc")) if (text := _text(tc).strip())] for tr in table.iterfind(qn("w:tr"))]
    return all(len(cells) <= 1 for cells in rows) or _headings_beside_text(rows, numbered) or _holds_a_page(rows, numbered)


def _headings_beside_text(rows: list[list[tuple[str, etree._Element]]], numbered: Callable[[etree._Element], bool]) -> bool:
    """Rows of a heading and its text (一、总体要求 | 为贯彻…。（一）…): each filled row holds a short heading that opens
    with a heading's marker, typed or shown by Word's numbering, and a text of sentences, a row alone a text that goes
    on. A table of data (序号 | 任务 | 责任单位, 事项 | 时间) has no sentences beside its numbers, or more columns."""
    pairs = [cells for cells in rows if len(cells) == 2]
    return (
        len(pairs) >= _LAYOUT_HEADINGS
        and all(len(cells) <= 2 for cells in rows)
        and all((opens_heading(left) or _opens_numbered(left_cell, numbered)) and len(left) <= _LAYOUT_HEADING_LENGTH
                and "。" not in left and "。" in right for (left, left_cell), (right, _) in pairs)
    )


def _opens_numbered(cell: etree._Element, numbered: Callable[[etree._Element], bool]) -> bool:
    """Whether the first paragraph of table cell ``cell`` is numbered by Word's lists."""
    first = cell.find(qn("w:p"))
    return first is not None and numbered(first)


def _holds_a_page(rows: list[list[tuple[str, etree._Element]]], numbered: Callable[[etree._Element], bool]) -> bool:
    """Whether a cell holds most of the table's text as paragraphs under headings, typed or shown by Word's numbering,
    as a plan's body does (cells.holds_a_page)."""
    def paragraphs(row: int, place: int) -> list[tuple[str, bool]]:
        texts = [(paragraph, _text(paragraph).strip()) for paragraph in rows[row][place][1].iter(qn("w:p"))]
        return [(text, numbered(paragraph) or opens_heading(text)) for paragraph, text in texts if text]

    return holds_a_page([[text for text, _ in cells] for cells in rows], paragraphs)


class _Reader:
    """The document's lines and tables, in order."""

    def __init__(self, document: WordDocument):
        self.document = document
        self.styles = _Styles(document)
        self.numbering = Numbering(document, self.styles)
        self.lines: list[SourceLine] = []
        self.tables: list[TableData] = []
        self.runs_on = False  # the last line's paragraph mark was removed: the next paragraph goes on in it

    def read(self, container: etree._Element) -> None:
        for element in _body_blocks(container):
            if element.tag == qn("w:p"):
                self.paragraph(element)
                continue
            self.runs_on = False
            if _is_layout(element, self.numbering.shows_number):
                for tc in element.iter(qn("w:tc")):
                    if next(tc.iterancestors(qn("w:tbl"))) is element:
                        self.read(tc)
            else:
                self.table(element)

    def paragraph(self, element: etree._Element) -> None:
        if self.styles.of_contents_entry(_style_id(element)):
            return  # a line of a table of contents typed without a content control
        runs_on, self.runs_on = self.runs_on, False
        text = _text(element)
        if runs_on:  # its marker is the one of the paragraph it joins
            self.lines[-1] = SourceLine(text=self.lines[-1].text + text, line=self.lines[-1].line)
        else:
            self.lines.append(SourceLine(text=self.numbering.marker(element) + text, line=len(self.lines) + 1))
        boxes = _text_boxes(element)
        for box in boxes:
            self.read(box)
        # a paragraph removed whole (moved away: no text left) joins nothing; after a box, the box's line is the last
        self.runs_on = bool(text) and not boxes and _mark_removed(element)

    def table(self, element: etree._Element) -> None:
        read = [(tr, _row_cells(tr, self.numbering)) for tr in element.tr_lst]
        read = [(tr, cells) for tr, cells in read if any(cells)]
        rows = [cells for _, cells in read]
        if not rows:
            return
        first = len(self.lines) + 1
        meant = vertical_merges_filled(rows, [_continued_columns(tr) for tr, _ in read])
        self.tables.append(TableData(header=meant[0], rows=meant[1:], line=first))
        self.lines.extend(SourceLine(text="\t".join(cells), line=first + i, in_table=True) for i, cells in enumerate(rows))


def read_docx(path: Path, data: bytes) -> ReaderResult:
    reader = _Reader(_open(path, data))
    _drop_contents_fields(reader.document.element.body)
    _set_runs_as_their_character_styles(reader.document)
    reader.read(reader.document.element.body)
    return typed_tables(reader.lines), reader.tables
