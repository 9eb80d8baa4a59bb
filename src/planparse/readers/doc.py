"""Word 97-2003 binary documents (.doc; WPS's .wps is the same format): the paragraphs and tables Word shows.

A .doc is an OLE2 compound file, whose streams olefile reads. The text is in the WordDocument stream in pieces, each
8-bit (cp1252, "compressed") or UTF-16, listed in the text's order by the piece table in the table stream (0Table or
1Table): a fast save appends edits at the stream's end, so the stream's order is not the text's. A paragraph ends in
\\r, a table's cell and row in \\x07; which of the two a \\x07 ends, whether a paragraph is in a table and which cells
continue a merge down are paragraph properties, read from the pages of them ([MS-DOC] 2.4.1, 2.8.x, 2.9.x). A field
shows its result, not its instruction; a table of contents field nothing (its entries would be headings twice).
Headers, footers, footnotes and comments are texts of their own after the body's: not read, as in a DOCX. Text boxes
are a text of their own too (after the endnotes'), each read after the paragraph its shape is anchored in, as in a DOCX.
"""
from __future__ import annotations

import bisect
import io
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

import olefile

from ..errors import PlanparseError
from ..normalize import is_contents_title
from . import ReaderResult, convert_first
from .cells import Blocks, typed_tables
from .list_numbers import LEVELS, MAX_START, Level, ListCounters
from .note_marks import RaisedRun
from .symbols import symbol_shown

_WORD_IDENT = 0xA5EC
_WORD_97 = 0x00C1  # the format's number from Word 97 on; Word 6 and 95 wrote 101-106, another layout
_ENCRYPTED, _OBFUSCATED, _TABLE_STREAM_1 = 0x0100, 0x8000, 0x0200  # flags of the file information block
# Offsets in the file information block: the body's length in characters, then pairs of (offset, size) in the table
# stream of the paragraph properties' pages, of the piece table, of the lists and of the lists' overrides
_BODY_LENGTH, _PARAGRAPH_PAGES, _PIECE_TABLE, _LISTS, _LIST_OVERRIDES = 0x4C, 0x102, 0x1A2, 0x2E2, 0x2EA
_CHARACTER_PAGES, _FONTS, _STYLES = 0xFA, 0x112, 0xA2  # the pages of the characters' properties, fonts, styles
_PAIRS, _PAIRS_COUNT = 0x9A, 0x98  # where those pairs begin, and where their count is: a writer may write fewer
# The lengths of the texts before the text boxes' (the body's, the footnotes', the headers', a reserved one, the comments',
# the endnotes'); the pairs of the shapes anchored in the body (their anchors, and 26 bytes of each from its id) and of
# the text boxes (where each begins in their text, and 22 bytes of each, the id of its shape at 14)
_STORY_LENGTHS, _TEXT_BOXES_LENGTH = (0x4C, 0x50, 0x54, 0x58, 0x5C, 0x60), 0x64
_SHAPES, _SHAPE_SIZE, _TEXT_BOXES, _TEXT_BOX_SIZE, _TEXT_BOX_SHAPE = 0x1DA, 26, 0x25A, 22, 14
_DRAWN = "\x08"  # a shape's anchor in the text
_PAGE = 512  # bytes of a page of paragraphs' or characters' properties
_COMPRESSED = 0x40000000  # a piece's bit: its characters are 8-bit

_PARAGRAPH_END, _CELL_END = "\r", "\x07"
_BREAKS = {"\x0c": _PARAGRAPH_END, "\x0e": _PARAGRAPH_END}  # page and section breaks, column breaks
_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
# What Word shows for its marks, as the DOCX reader reads them: a tab kept (cells.typed_tables), a line break a space, a non-breaking hyphen
# a hyphen; an optional hyphen, a picture's or a drawing's anchor, a footnote's or a comment's reference nothing
_SHOWN = {"\t": "\t", "\x0b": " ", "\x1e": "-", "\x1f": "", "\x01": "", "\x08": "", "\x02": "", "\x05": ""}

# Paragraph properties (sprm codes): in a table; the mark ends a row (its table properties, the cells' merges, with it)
_IN_TABLE, _ROW_END, _TABLE_CELLS, _VERTICAL_MERGE = 0x2416, 0x2417, 0xD608, 0xD62B
_CELL_SIZE = 20  # bytes of a cell's description in the row's table definition
_MERGED_DOWN, _MERGE_STARTS = 0x20, 0x40  # its flags: in a vertical merge; the merge's first cell
_SYMBOL, _FONT = 0x6A09, 0x4A4F  # a character's: a symbol (its font's number, its code), its font (ASCII's)
_DELETED = 0x0800  # a character's: deleted with changes tracked
_VANISHED = 0x083C  # a character's: hidden text (sprmCFVanish), which Word neither shows nor prints
# its values that hide: on, and the opposite of the style's (taken as not hiding); 0 is off, 0x80 the style's own
_HIDDEN = (b"\x01", b"\x81")
# a character's: set above or below the line (1 superscript, 2 subscript), raised or lowered (in half points, signed)
_SUPER_OR_SUBSCRIPT, _SUPERSCRIPT, _RAISED_BY = 0x2A48, b"\x01", 0x4845
_SYMBOL_MARK, _PRIVATE_SYMBOLS = "(", 0xF000  # what Word writes for a symbol; where a symbol font's codes are put
_LIST, _LIST_LEVEL = 0x460B, 0x260A  # the paragraph's list (an override's number, from 1) and its level
_NO_STYLE = 0x0FFF  # a style's base when it has none
# Word's number formats by their code in a list level ([MS-OSHARED] MSONFC), named as DOCX names them; others are digits
_NUMBER_FORMATS = {0x01: "upperRoman", 0x02: "lowerRoman", 0x03: "upperLetter", 0x04: "lowerLetter",
                   0x0A: "ideographDigital", 0x0B: "japaneseCounting", 0x0E: "decimalFullWidth", 0x12: "decimalEnclosedCircle",
                   0x13: "decimalFullWidth", 0x17: "bullet", 0x1A: "decimalEnclosedFullstop", 0x1B: "decimalEnclosedParen",
                   0x1C: "decimalEnclosedCircleChinese", 0x1E: "ideographTraditional", 0x21: "taiwaneseCounting",
                   0x22: "ideographLegalTraditional", 0x23: "taiwaneseCountingThousand", 0x24: "taiwaneseDigital",
                   0x25: "chineseCounting", 0x26: "chineseLegalSimplified", 0x27: "chineseCountingThousand", 0xFF: "none"}
_LEVEL_SIZE = 28  # bytes of a list level's fixed part
_OPERAND_SIZES = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # by a property code's top three bits; 6 says its own


class _Damaged(Exception):
    """A structure points outside its stream, or is not what its place says it is."""


class _Piece(NamedTuple):
    start: int  # the position of its first character in the text
    end: int
    offset: int  # in the WordDocument stream
    width: int  # bytes a character: 1 compressed, 2 UTF-16


_DAMAGED = "not a valid Word 97-2003 document (truncated or corrupt)"


def read_doc(path: Path, data: bytes) -> ReaderResult:
    word, table = _streams(path, data)
    try:
        return read_streams(word, table)
    except (_Damaged, struct.error, IndexError):  # a part pointing past its stream
        raise PlanparseError(path, _DAMAGED) from None


def _streams(path: Path, data: bytes) -> tuple[bytes, bytes]:
    """The document's WordDocument stream and its table stream (empty when missing: the piece table is then wanting)."""
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if ole.exists("EncryptedPackage"):  # Office's encryption: the DOCX or XLSX inside, encrypted, in a compound file
                raise PlanparseError(path, "the document is protected by a password (an encrypted DOCX or XLSX); open it in Word, WPS "
                                           "or Excel and save it without one")
            if not ole.exists("WordDocument"):
                raise PlanparseError(path, _no_word_document(path, ole))
            word = _stream(path, ole, "WordDocument")
            _check_version(path, word)
            table_name = "1Table" if _u16(word, 0x0A) & _TABLE_STREAM_1 else "0Table"
            return word, _stream(path, ole, table_name) if ole.exists(table_name) else b""
    except (OSError, ValueError, struct.error):  # olefile's errors are OSErrors, and a cut header's a ValueError
        raise PlanparseError(path, _DAMAGED) from None


# The streams that hold the content of Office's other binary formats, as WPS writes them too
_SPREADSHEET_STREAMS = ("Workbook", "Book")  # Excel 97-2003's and WPS's (.xls, .et); Excel 5's
_PRESENTATION_STREAM = "PowerPoint Document"  # PowerPoint 97-2003's and WPS's (.ppt, .dps)


def _no_word_document(path: Path, ole: olefile.OleFileIO) -> str:
    """What a compound file holding no Word document is, and what to do with it: a spreadsheet (a 分工表 saved as .xls or
    .et) converted to XLSX is read."""
    if any(ole.exists(name) for name in _SPREADSHEET_STREAMS):
        return convert_first(path, "an Excel 97-2003 or WPS spreadsheet (.xls, .et)", "xlsx")
    if ole.exists(_PRESENTATION_STREAM):
        return "a PowerPoint or WPS presentation (.ppt, .dps), not a plan document"
    return "an OLE2 compound file with no Word document in it (an Excel or PowerPoint file?)"


def _stream(path: Path, ole: olefile.OleFileIO, name: str) -> bytes:
    """The stream ``name``, refused when its chain of sectors comes back to one it passed: olefile follows the chain
    round the loop to the stream's size, and the document read that way is pieces of itself, repeated."""
    entry = next(entry for entry in ole.direntries if entry is not None and entry.name == name)
    if entry.size < ole.minisectorcutoff:
        ole.loadminifat()
    chain = ole.minifat if entry.size < ole.minisectorcutoff else ole.fat
    passed, sector = set(), entry.isectStart
    while 0 <= sector < len(chain) and sector not in passed:  # an end or a free mark is past the table
        passed.add(sector)
        sector = chain[sector]
    if sector in passed:
        raise PlanparseError(path, f"not a valid Word 97-2003 document (the sectors of its {name} stream run in a loop)")
    return ole.openstream(name).read()


def _check_version(path: Path, word: bytes) -> None:
    if len(word) < _PIECE_TABLE + 8 or _u16(word, 0) != _WORD_IDENT:
        raise PlanparseError(path, "not a valid Word 97-2003 document (its WordDocument stream does not open as one)")
    if _u16(word, 2) < _WORD_97:
        raise PlanparseError(path, convert_first(path, "a Word 6/95 document"))
    if _u16(word, 0x0A) & (_ENCRYPTED | _OBFUSCATED):
        raise PlanparseError(path, "the document is protected by a password; open it in Word or WPS and save it without one")


def read_streams(word: bytes, table: bytes) -> ReaderResult:
    """The body's lines and tables from a document's WordDocument and table streams."""
    pieces = _pieces(_part(table, word, _PIECE_TABLE))
    body_length = _u32(word, _BODY_LENGTH)
    paragraphs = _PropertyPages(word, _part(table, word, _PARAGRAPH_PAGES), 13, _paragraph_properties)
    characters = _PropertyPages(word, _part(table, word, _CHARACTER_PAGES), 1, _character_properties)
    reader = _Reader(paragraphs, _Styles(_part(table, word, _STYLES)), _Lists(word, table),
                     _Symbols(characters, _font_names(_part(table, word, _FONTS))), _Runs(characters, _not_shown),
                     _Runs(characters, _raised),
                     _text_boxes(word, table), lambda start, end: _read_range(reader, word, pieces, start, end))
    _read_range(reader, word, pieces, 0, body_length)
    reader.end_paragraph(_PARAGRAPH_END, None)
    reader.blocks.end_table()
    return typed_tables(reader.blocks.lines), reader.blocks.tables


def _read_range(reader: "_Reader", word: bytes, pieces: list[_Piece], start: int, end: int) -> None:
    """Read the characters from ``start`` to ``end`` (places in the text) into ``reader``."""
    read = 0
    for piece in pieces:
        if piece.end <= start:
            continue
        if piece.start >= end:
            break
        begin, stop = max(piece.start, start), min(piece.end, end)
        read += max(stop - begin, 0) * piece.width
        if read > len(word):  # pieces overlap, which Word's never do: a crafted file would repeat the stream for ever
            raise _Damaged
        reader.piece(word, piece, begin, stop)


def _text_boxes(word: bytes, table: bytes) -> dict[int, list[tuple[int, int]]]:
    """The text boxes by the place of their anchor in the body: where each box's text begins and ends in the text. A
    shape is anchored at a place; a box names the shape it is in by its id; boxes' texts follow the endnotes'."""
    anchors, boxes = _part(table, word, _SHAPES), _part(table, word, _TEXT_BOXES)
    shape_count, box_count = (len(anchors) - 4) // (4 + _SHAPE_SIZE), (len(boxes) - 4) // (4 + _TEXT_BOX_SIZE)
    if shape_count <= 0 or box_count <= 0:
        return {}
    story, length = sum(_u32(word, at) for at in _STORY_LENGTHS), _u32(word, _TEXT_BOXES_LENGTH)
    box_starts = struct.unpack_from(f"<{box_count + 1}I", boxes)
    by_shape, read_to = {}, 0
    for i in range(box_count):
        # each box's text after the one before, within their text: a crafted table would read it again and again
        start, end = box_starts[i], min(box_starts[i + 1], length)
        if read_to <= start < end:
            by_shape[_u32(boxes, 4 * (box_count + 1) + _TEXT_BOX_SIZE * i + _TEXT_BOX_SHAPE)] = (story + start, story + end)
            read_to = end
    found: dict[int, list[tuple[int, int]]] = {}
    for i, place in enumerate(struct.unpack_from(f"<{shape_count}I", anchors)):
        box = by_shape.pop(_u32(anchors, 4 * (shape_count + 1) + _SHAPE_SIZE * i), None)  # read once, at its first anchor
        if box is not None:
            found.setdefault(place, []).append(box)
    return found


def _part(table: bytes, word: bytes, where: int) -> bytes:
    """The table stream's part whose offset and size the file information block gives at ``where``; none when the
    block ends before."""
    offset, size = _pair(word, where)
    if offset + size > len(table):
        raise _Damaged
    return table[offset:offset + size]


def _pair(word: bytes, where: int) -> tuple[int, int]:
    """The offset and size the file information block gives at ``where``, (0, 0) past the pairs it holds."""
    return struct.unpack_from("<II", word, where) if where + 8 <= _PAIRS + 8 * _u16(word, _PAIRS_COUNT) else (0, 0)


def _pieces(clx: bytes) -> list[_Piece]:
    """The piece table: after formatting changes a fast save left (type 1, a size, properties), type 2, a size, the
    positions of the pieces' first characters and the text's end, then each piece's descriptor (8 bytes)."""
    position = 0
    while position < len(clx) and clx[position] == 1:
        position += 3 + _u16(clx, position + 1)
    if position >= len(clx) or clx[position] != 2:
        raise _Damaged
    plc = clx[position + 5:position + 5 + _u32(clx, position + 1)]
    count = (len(plc) - 4) // 12
    starts = struct.unpack_from(f"<{count + 1}I", plc)
    pieces = []
    for i in range(count):
        written = _u32(plc, 4 * (count + 1) + 8 * i + 2)
        compressed = bool(written & _COMPRESSED)
        offset = written & (_COMPRESSED - 1)
        pieces.append(_Piece(starts[i], starts[i + 1], offset // 2 if compressed else offset, 1 if compressed else 2))
    return pieces


class _PropertyPages:
    """The properties of runs of the WordDocument stream, found by a place in it: pages of 512 bytes, each holding runs
    (their bounds first, their count in the last byte), each run's place of its properties in the page (in words,
    the first byte of an entry of ``entry_size``) and the properties. Paragraphs' and characters' pages differ in
    those entries and in how their properties are written (``properties``)."""

    def __init__(self, word: bytes, page_table: bytes, entry_size: int, properties: Callable[[bytes, int], bytes]):
        count = (len(page_table) - 4) // 8
        if count > len(word) // _PAGE:  # each page is one of the stream's: a crafted table would read one for ever
            raise _Damaged
        pages = struct.unpack_from(f"<{count}I", page_table, 4 * (count + 1)) if count > 0 else ()
        self.starts: list[int] = []
        self.runs: list[tuple[int, bytes]] = []  # each run's end and its property codes
        for number in pages:
            self._read_page(word[(number & 0x3FFFFF) * _PAGE:][:_PAGE], entry_size, properties)
        order = sorted(range(len(self.starts)), key=self.starts.__getitem__)
        self.starts = [self.starts[i] for i in order]
        self.runs = [self.runs[i] for i in order]

    def _read_page(self, page: bytes, entry_size: int, properties: Callable[[bytes, int], bytes]) -> None:
        if len(page) < _PAGE:
            raise _Damaged
        count = page[-1]
        if 4 * (count + 1) + entry_size * count > _PAGE - 1:  # the runs' bounds and entries fill the page at most
            raise _Damaged
        bounds = struct.unpack_from(f"<{count + 1}I", page)
        for i in range(count):
            at = 2 * page[4 * (count + 1) + entry_size * i]
            self.starts.append(bounds[i])
            self.runs.append((bounds[i + 1], properties(page, at) if at else b""))

    def at(self, place: int) -> bytes:
        i = bisect.bisect_right(self.starts, place) - 1
        return self.runs[i][1] if i >= 0 and place < self.runs[i][0] else b""


def _paragraph_properties(page: bytes, at: int) -> bytes:
    """A paragraph's style's number and its property codes: a size in words (0: the size is the next byte's, doubled)."""
    size = 2 * page[at] - 1 if page[at] else 2 * page[at + 1]
    start = at + 1 if page[at] else at + 2
    return page[start:start + size]


def _character_properties(page: bytes, at: int) -> bytes:
    """A run of characters' property codes: a size in bytes, the codes."""
    return page[at + 1:at + 1 + page[at]]


def _codes(properties: bytes) -> Iterator[tuple[int, bytes]]:
    """The property codes and their operands; an operand's size is told by its code's top bits, or written first."""
    position = 0
    while position + 2 <= len(properties):
        code = _u16(properties, position)
        position += 2
        kind = code >> 13
        if code == _TABLE_CELLS:  # its size in two bytes, which count themselves less one
            size = _u16(properties, position) + 1
        elif kind == 6:
            if position >= len(properties):
                return
            size, position = properties[position], position + 1
        else:
            size = _OPERAND_SIZES[kind]
        yield code, properties[position:position + size]
        position += size


def _merged_down(properties: bytes) -> set[int]:
    """The cells of a row that continue a merge down, from its table definition and any later merge property."""
    continued: set[int] = set()
    for code, operand in _codes(properties):
        if code == _TABLE_CELLS and len(operand) > 2:
            cells = operand[2]
            descriptions = operand[3 + 2 * (cells + 1):]
            for i in range(min(cells, len(descriptions) // _CELL_SIZE)):
                flags = _u16(descriptions, i * _CELL_SIZE)
                if flags & _MERGED_DOWN and not flags & _MERGE_STARTS:
                    continued.add(i)
        elif code == _VERTICAL_MERGE and len(operand) >= 3:
            cell, merge = operand[1], operand[2]  # 3: continues a merge; 1 starts one, 0 none
            continued.add(cell) if merge == 3 else continued.discard(cell)
    return continued


def _has(properties: bytes, wanted: int) -> bool:
    return any(code == wanted and operand[:1] not in (b"", b"\0") for code, operand in _codes(properties))


def _not_shown(properties: bytes) -> bool:
    """Whether a run is deleted with changes tracked or hidden (Font > Hidden): Word shows neither (but for hidden
    text on demand), and a paragraph whose mark is either runs on into the next."""
    hidden = any(code == _VANISHED and operand[:1] in _HIDDEN for code, operand in _codes(properties))
    return hidden or _has(properties, _DELETED)


def _raised(properties: bytes) -> bool:
    """Whether a run is set above the line, as a note's mark or an exponent is: superscript, or raised."""
    return any(code == _SUPER_OR_SUBSCRIPT and operand == _SUPERSCRIPT
               or code == _RAISED_BY and len(operand) == 2 and struct.unpack("<h", operand)[0] > 0
               for code, operand in _codes(properties))


class _Styles:
    """The paragraph styles' list numbering: Word's heading styles linked to a list (标题 1 shows 一、) give their
    paragraphs a list and a level that no paragraph's own properties give. A style's properties are the changes from
    the style it is based on, so its list is its own or the nearest base's."""

    def __init__(self, sheet: bytes):
        self.bases: list[int] = []  # by style number: the style it is based on
        self.lists: list[bytes] = []  # by style number: its own list's property codes
        self.found: dict[int, bytes] = {}  # by style number: the list codes it takes, once looked up
        if len(sheet) >= 6:
            self._read(sheet)

    def _read(self, sheet: bytes) -> None:
        """A style sheet: its header's size and header (the count of styles, the size of a style's fixed part), then
        each style's size and style: its fixed part (its kind and base at 2), its name, its properties' parts."""
        header = _u16(sheet, 0)
        count, fixed = _u16(sheet, 2), _u16(sheet, 4)
        position = 2 + header
        for _ in range(count):
            size = _u16(sheet, position)
            style = sheet[position + 2:position + 2 + size]
            position += 2 + size
            kind_and_base = _u16(style, 2) if len(style) >= 4 else 0
            self.bases.append(kind_and_base >> 4 if kind_and_base & 0xF == 1 else _NO_STYLE)
            self.lists.append(_listed(_style_properties(style, fixed)) if kind_and_base & 0xF == 1 else b"")

    def list_codes(self, number: int) -> bytes:
        """The list property codes paragraphs of style ``number`` take from it or the styles it is based on, found
        once a style (a crafted sheet may chain four thousand styles, or base them on each other in a circle)."""
        if number not in self.found:
            chain, seen = number, set()
            while 0 <= chain < len(self.lists) and chain not in seen and not self.lists[chain]:
                seen.add(chain)
                chain = self.bases[chain]
            self.found[number] = self.lists[chain] if 0 <= chain < len(self.lists) else b""
        return self.found[number]


def _style_properties(style: bytes, fixed: int) -> bytes:
    """A paragraph style's own property codes: after its fixed part and its name (a length, UTF-16, a zero), the
    paragraph's part (a size, the style's number, the codes)."""
    at = fixed + 2 + 2 * _u16(style, fixed) + 2 if len(style) >= fixed + 2 else len(style)
    size = _u16(style, at) if at + 2 <= len(style) else 0
    return style[at + 4:at + 2 + size]


def _listed(properties: bytes) -> bytes:
    """The list property codes among ``properties``, as written."""
    return b"".join(struct.pack("<H", code) + operand for code, operand in _codes(properties) if code in (_LIST, _LIST_LEVEL))


class _Lists:
    """Word's list numbering: the lists, each with its levels (start, number format, text with the levels' numbers in
    it), and the overrides by which paragraphs name a list (restarting some of its levels)."""

    def __init__(self, word: bytes, table: bytes):
        self.levels: dict[int, dict[int, Level]] = {}  # by the list's id
        self.overrides: list[tuple[int, dict[int, int]]] = []  # each: its list's id, the levels it starts again
        self.counters = ListCounters()
        lists, size = _pair(word, _LISTS)
        if size:
            self._read_lists(table, lists)
        overrides, size = _pair(word, _LIST_OVERRIDES)
        if size:
            self._read_overrides(table, overrides)

    def _read_lists(self, table: bytes, position: int) -> None:
        """The lists (28 bytes each: the id, the single level flag at 26), then every list's levels, in order."""
        count = _u16(table, position)
        heads = [(struct.unpack_from("<i", table, position + 2 + 28 * i)[0], table[position + 2 + 28 * i + 26] & 1)
                 for i in range(count)]
        position += 2 + 28 * count
        for list_id, single in heads:
            levels = self.levels.setdefault(list_id, {})
            for level in range(1 if single else LEVELS):
                levels[level], position = _list_level(table, position)

    def _read_overrides(self, table: bytes, position: int) -> None:
        """The overrides (16 bytes each: the list's id, the count of levels overridden at 12), then each one's data:
        4 bytes, and per level overridden its start and flags (the level, 'starts again', 'a level of its own follows')."""
        count = _u32(table, position)
        heads = [(struct.unpack_from("<i", table, position + 4 + 16 * i)[0], table[position + 4 + 16 * i + 12])
                 for i in range(min(count, len(table) // 16))]
        position += 4 + 16 * len(heads) + 4
        for list_id, overridden in heads:
            starts: dict[int, int] = {}
            for _ in range(overridden):
                start, flags = struct.unpack_from("<iI", table, position)
                position += 8
                if flags & 0x10 and flags & 0xF < LEVELS:
                    starts[flags & 0xF] = start if 0 < start <= MAX_START else 1
                if flags & 0x20:
                    position = _list_level(table, position)[1]
            self.overrides.append((list_id, starts))
            position += 4

    def marker(self, properties: bytes) -> str:
        """The marker a paragraph of these properties shows, advancing its list's counters; "" for none."""
        codes = dict(_codes(properties))
        override, level = codes.get(_LIST, b""), codes.get(_LIST_LEVEL, b"\0")[0]
        number = _u16(override, 0) if len(override) == 2 else 0
        if not 1 <= number <= len(self.overrides) or level >= LEVELS:
            return ""
        list_id, starts = self.overrides[number - 1]
        levels = self.levels.get(list_id, {})
        if level not in levels or levels[level].fmt in ("bullet", "none"):
            return ""
        return self.counters.marker(list_id, number, starts, levels, level)


def _list_level(table: bytes, position: int) -> tuple[Level, int]:
    """A list level at ``position`` and where the next begins: its start, number format, the places of the levels'
    numbers in its text (9 bytes at 6), its properties' sizes (at 24 and 25), then those properties and its text."""
    start, code = struct.unpack_from("<iB", table, position)
    places = {place - 1 for place in table[position + 6:position + 15] if place}
    position += _LEVEL_SIZE + table[position + 24] + table[position + 25]
    length = _u16(table, position)
    written = table[position + 2:position + 2 + 2 * length].decode("utf-16-le", errors="replace")
    text = "".join(f"%{ord(character) + 1}" if i in places and ord(character) < LEVELS else character
                   for i, character in enumerate(written))
    return Level(start if 0 < start <= MAX_START else 1, _NUMBER_FORMATS.get(code, "decimal"), text), position + 2 + 2 * length


class _Symbols:
    """Signs inserted as symbols (Insert > Symbol): Word writes a ( whose properties name the symbol's font and code,
    or the font's code itself (U+F0xx, as LibreOffice writes one) in a run of that font."""

    def __init__(self, characters: _PropertyPages, fonts: list[str]):
        self.characters = characters
        self.fonts = fonts

    def shown(self, character: str, place: int) -> str:
        codes = dict(_codes(self.characters.at(place)))
        symbol = codes.get(_SYMBOL, b"")
        if character == _SYMBOL_MARK:
            return symbol_shown(_u16(symbol, 2), self.font(_u16(symbol, 0))) if len(symbol) == 4 else character
        font = codes.get(_FONT, b"")
        return symbol_shown(ord(character), self.font(_u16(font, 0)) if len(font) == 2 else "")

    def font(self, number: int) -> str:
        return self.fonts[number] if number < len(self.fonts) else ""


def _font_names(table: bytes) -> list[str]:
    """The names of the document's fonts, by number: a count, then each font's size and description, its name from
    byte 39 on (UTF-16, ended by a zero)."""
    if len(table) < 4:
        return []
    names, position = [], 4
    for _ in range(_u16(table, 0)):
        size = table[position] if position < len(table) else 0
        name = table[position + 1 + 39:position + 1 + size].decode("utf-16-le", errors="replace")
        names.append(name.partition("\0")[0])
        position += 1 + size
    return names


class _Runs:
    """The runs of characters whose properties ``marked`` says are so: text deleted with changes tracked (Word keeps
    it, marked, until the changes are accepted; read as accepted, as the DOCX reader reads w:del, a paragraph whose
    mark is deleted running on into the next) or hidden, text set above the line."""

    def __init__(self, characters: _PropertyPages, marked: Callable[[bytes], bool]):
        found = [(start, end) for start, (end, codes) in zip(characters.starts, characters.runs) if marked(codes)]
        self.starts = [start for start, _ in found]
        self.ends = [end for _, end in found]

    def holds(self, place: int) -> bool:
        i = bisect.bisect_right(self.starts, place) - 1
        return i >= 0 and place < self.ends[i]


@dataclass
class _Field:
    instruction: list[str] = field(default_factory=list)
    in_result: bool = False
    hides: bool = True  # what is read now: its instruction, or the entries of a table of contents

    def show_result(self) -> None:
        self.in_result = True
        self.hides = "".join(self.instruction).split(maxsplit=1)[:1] == ["TOC"]


@dataclass
class _Reader:
    paragraphs: _PropertyPages
    styles: _Styles
    lists: _Lists
    symbols: _Symbols
    not_shown: _Runs  # deleted with changes tracked, or hidden
    raised: _Runs
    boxes: dict[int, list[tuple[int, int]]]  # by the place of their anchor: the text boxes' places in the text
    read_boxes: Callable[[int, int], None]  # reads a box's text, from a place to another, into this reader
    blocks: Blocks = field(default_factory=Blocks)
    anchored: list[tuple[int, int]] = field(default_factory=list)  # the boxes anchored in the paragraph so far
    text: list[str] = field(default_factory=list)  # the paragraph's so far
    fields: list[_Field] = field(default_factory=list)  # open, innermost last
    hiding: int = 0  # the open fields that hide what is read: counted, as a crafted file may open thousands
    raised_run: RaisedRun = field(default_factory=RaisedRun)

    def piece(self, word: bytes, piece: _Piece, begin: int, end: int) -> None:
        """The piece's characters from place ``begin`` to ``end`` in the text."""
        skipped = (begin - piece.start) * piece.width
        written = word[piece.offset + skipped:piece.offset + (end - piece.start) * piece.width]
        characters = written.decode("cp1252" if piece.width == 1 else "utf-16-le", errors="replace")
        for i, character in enumerate(characters, skipped // piece.width):
            character = _BREAKS.get(character, character)
            if character == _DRAWN:
                self.anchored += self.boxes.pop(piece.start + i, [])  # popped: a box is read once, in no box of its own
            if character != _CELL_END and self.not_shown.starts and self.not_shown.holds(piece.offset + i * piece.width):
                continue  # a table's cells stay: a row deleted whole is a row of empty cells, left out
            if character in (_PARAGRAPH_END, _CELL_END):
                self.end_paragraph(character, piece.offset + i * piece.width)
            elif character in (_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END):
                self.field_mark(character)
            elif self.fields and not self.fields[-1].in_result:
                self.fields[-1].instruction.append(character)
            elif not self.hiding:
                raised = bool(self.raised.starts) and self.raised.holds(piece.offset + i * piece.width)
                self.raised_run.goes_on(self.text, raised)
                self.text.append(self.shown(character, piece.offset + i * piece.width))

    def shown(self, character: str, place: int) -> str:
        """What Word shows for ``character`` at ``place``: a symbol's sign, a mark's text, a character itself."""
        if character == _SYMBOL_MARK or _PRIVATE_SYMBOLS <= ord(character) < _PRIVATE_SYMBOLS + 0x100:
            return self.symbols.shown(character, place)
        return _SHOWN.get(character, character if character >= " " else "")

    def field_mark(self, mark: str) -> None:
        if mark == _FIELD_BEGIN:
            self.fields.append(_Field())
            self.hiding += 1
        elif self.fields and mark == _FIELD_SEPARATOR and not self.fields[-1].in_result:
            self.fields[-1].show_result()
            self.hiding -= not self.fields[-1].hides
            if self.fields[-1].hides and self.blocks.lines and is_contents_title(self.blocks.lines[-1].text):
                self.blocks.lines.pop()  # the contents' title (目录): with no entry after it, it would end the plan's title
        elif self.fields and mark == _FIELD_END:
            self.hiding -= self.fields.pop().hides

    def end_paragraph(self, mark: str, place: int | None) -> None:
        styled = self.paragraphs.at(place) if place is not None else b""
        # the style's list first: the paragraph's own codes come after and are read over it
        properties = self.styles.list_codes(_u16(styled, 0)) + styled[2:] if len(styled) >= 2 else b""
        self.raised_run.close(self.text)
        text, self.text = (self.lists.marker(properties) + "".join(self.text)).strip(), []
        if mark == _CELL_END and _has(properties, _ROW_END):
            self.blocks.end_row(_merged_down(properties))
        elif mark == _CELL_END:
            self.blocks.cell.append(text)
            self.blocks.end_cell()
        elif _has(properties, _IN_TABLE):
            self.blocks.cell.append(text)
        else:
            self.blocks.paragraph(text)
        if mark == _CELL_END or _has(properties, _IN_TABLE):
            return  # a box anchored in a table's cell is read after the table, with the next paragraph out of it
        anchored, self.anchored = self.anchored, []
        for start, end in anchored:
            self.read_boxes(start, end)
            self.end_paragraph(_PARAGRAPH_END, None)  # a box's last paragraph may have no mark of its own


def _u16(data: bytes, at: int) -> int:
    return struct.unpack_from("<H", data, at)[0]


def _u32(data: bytes, at: int) -> int:
    return struct.unpack_from("<I", data, at)[0]
