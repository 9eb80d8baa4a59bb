"""Rich Text Format: the paragraphs and tables Word and WPS show.

Sites offer RTF as 附件.doc (Word keeps the name it opened when it saves as RTF), and WPS saves .rtf. It is a text of
groups and control words whose Chinese is bytes of a code page (\\'b9\\'d8, the document's \\ansicpg936 or a
font's \\fcharset134) or Unicode escapes (\\u20851 followed by a fallback to skip, \\ucN characters long). A reader of
its own, with no dependency: striprtf, the library kept up on PyPI, gives the text alike but a table's rows as text
joined by |, their cells merged down left empty, where a plan's 分工表 must come out as a table.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import ReaderResult
from .cells import Blocks
from .note_marks import RaisedRun

# A control word and its number (the space after it is part of it), a byte in hexadecimal, a control symbol, a brace, line
# ends (no text in RTF), a run of text; anything else (a backslash ending the file, \' with no digits) is passed over
_TOKEN = re.compile(rb"\\([a-z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-z'])|([{}])|[\r\n]+|([^\\{}\r\n]+)|.",
                       re.DOTALL)
# A backslash before a line end is \par; a nested table's cell ends a paragraph of the outer table's cell
_PARAGRAPH_ENDS = frozenset((b"par", b"sect", b"\n", b"\r", b"nestcell"))
# Destinations that are no text of the body: tables of fonts, colours, styles and lists, the document's information,
# pictures and objects, headers and footers (their page numbers), footnotes and comments, a field's instruction (its
# result is what is shown), bookmarks, the text a reader that knows no nested tables shows in their place. A group opened with \* is one a reader may skip, and is.
_SKIPPED = frozenset(b"""fonttbl colortbl stylesheet info pict object header headerl headerr headerf footer footerl footerr
    footerf footnote annotation atnid atnauthor fldinst listtable listoverridetable rsidtbl generator xmlnstbl themedata
    colorschememapping datastore latentstyles pgdsctbl filetbl revtbl bkmkstart bkmkend shp nonshppict nonesttables""".split())
_MARKERS = frozenset((b"listtext", b"pntext"))  # the number a list shows before its paragraph, as shown: read
_SHOWN = {b"tab": " ", b"line": " ", b"emdash": "—", b"endash": "–", b"bullet": "•", b"lquote": "‘", b"rquote": "’",
          b"ldblquote": "“", b"rdblquote": "”", b"emspace": " ", b"enspace": " ", b"~": "\u00a0", b"_": "-",
          b"-": "", b"{": "{", b"}": "}", b"\\": "\\"}
# Code pages of a font's character set (\fcharset): 134 GB2312, 136 Big5, 128 Shift-JIS, 129 Hangul; a font of any
# other (0, ANSI) writes in the document's \ansicpg
_CHARSET_CODE_PAGES = {134: "gb18030", 136: "cp950", 128: "cp932", 129: "cp949"}
_GBK_CODE_PAGES = {936: "gb18030"}  # GB18030 reads all GBK and more
# What sets characters above the line (\super, a rise \upN) and back on it (\nosupersub, \sub, \plain; \up0)
_RAISING = frozenset((b"super", b"up"))
_LOWERING = frozenset((b"nosupersub", b"sub", b"dn"))


@dataclass(frozen=True)
class _Group:
    skipped: bool = False
    in_fonts: bool = False
    in_marker: bool = False
    font: int | None = None
    skip_after_unicode: int = 1  # \ucN: the fallback characters after each \uN
    raised: bool = False  # set above the line, as a note's mark or an exponent is
    hidden: bool = False  # hidden text (\v), which Word neither shows nor prints


@dataclass
class _Reader:
    code_page: str = "cp1252"
    default_font: int | None = None
    fonts: dict[int, str] = field(default_factory=dict)  # font number -> the code page of its character set
    font_defined: int | None = None  # in the font table: the font being defined
    pieces: list[str] = field(default_factory=list)  # the paragraph's text so far
    raised_run: RaisedRun = field(default_factory=RaisedRun)  # a run set above the line, while it runs
    pending: bytearray = field(default_factory=bytearray)  # code page bytes not yet decoded
    pending_code_page: str = "cp1252"
    to_skip: int = 0  # fallback characters of a \uN still to skip
    high_surrogate: int | None = None  # the first half of a character beyond U+FFFF, read from a \uN
    in_table: bool = False
    continued: set[int] = field(default_factory=set)  # the row's cells that continue a vertical merge
    defined_cells: int = 0
    continues: bool = False  # the next \cellx closes a cell continuing a vertical merge
    blocks: Blocks = field(default_factory=Blocks)

    def characters(self, written: bytes, in_hexadecimal: bool, group: _Group) -> None:
        """A run of text or a byte written in hexadecimal: the first characters a \\uN's fallback skipped, bytes
        beyond ASCII in the code page of the font in use."""
        skipped = min(self.to_skip, len(written))
        self.to_skip -= skipped
        written = written[skipped:]
        if in_hexadecimal or not written.isascii():
            for value in written:
                self.byte(value, group)
        elif written:
            self.text(written.decode("ascii"), group)

    def text(self, text: str, group: _Group) -> None:
        if group.skipped or group.hidden:
            return
        self.run_in(group)
        self.flush()
        self.pieces.append(text)

    def unicode(self, unit: int, group: _Group) -> None:
        """A UTF-16 code unit written as \\uN: a character beyond the first 65,536 (an ideograph of extension B, 𬌗) is
        written as two, a high surrogate then a low one; a surrogate alone is no character."""
        high, self.high_surrogate = self.high_surrogate, None
        if 0xD800 <= unit < 0xDC00:
            self.high_surrogate = unit
        elif 0xDC00 <= unit < 0xE000:
            self.text(chr(0x10000 + (high - 0xD800) * 0x400 + unit - 0xDC00) if high is not None else "", group)
        else:
            self.text(chr(unit), group)

    def byte(self, value: int, group: _Group) -> None:
        if group.skipped or group.hidden:
            return
        self.run_in(group)
        code_page = self.fonts.get(group.font if group.font is not None else self.default_font, self.code_page)
        if self.pending and code_page != self.pending_code_page:
            self.flush()
        self.pending_code_page = code_page
        self.pending.append(value)

    def flush(self) -> None:
        if self.pending:
            self.pieces.append(self.pending.decode(self.pending_code_page, errors="replace"))
            self.pending.clear()

    def run_in(self, group: _Group) -> None:
        """Text goes on in ``group``, above the line (达到59%{\\super [1]}以上) or on it: the bytes read before it are
        decoded first, where a run set above the line opens or closes."""
        if group.raised != self.raised_run.open:
            self.flush()
            self.raised_run.goes_on(self.pieces, group.raised)

    def paragraph_text(self) -> str:
        self.flush()
        self.raised_run.close(self.pieces)
        text, self.pieces = "".join(self.pieces).strip(), []
        return text

    def end_paragraph(self) -> None:
        text = self.paragraph_text()
        if self.in_table:
            self.blocks.cell.append(text)
        else:
            self.blocks.paragraph(text)

    def end_cell(self) -> None:
        if self.pieces or self.pending:
            self.end_paragraph()
        self.blocks.end_cell()

    def control(self, word: bytes, parameter: int | None, group: _Group) -> _Group:
        """What control word ``word`` does; the group as it leaves it."""
        if word == b"u" and parameter is not None:
            self.unicode(parameter % 0x10000, group)
            self.to_skip = group.skip_after_unicode
        elif word == b"uc" and parameter is not None:
            return replace(group, skip_after_unicode=max(parameter, 0))
        elif word in _SKIPPED or word == b"*":
            return replace(group, skipped=True, in_fonts=word == b"fonttbl")
        elif word in _MARKERS:
            return replace(group, in_marker=True)
        elif word == b"f" and parameter is not None:
            if group.in_fonts:
                self.font_defined = parameter
            return replace(group, font=parameter)
        elif word == b"fcharset" and parameter in _CHARSET_CODE_PAGES and self.font_defined is not None:
            self.fonts[self.font_defined] = _CHARSET_CODE_PAGES[parameter]
        elif word == b"ansicpg" and parameter is not None:
            self.code_page = _code_page(parameter)
        elif word == b"deff":
            self.default_font = parameter
        elif word == b"plain":
            return replace(group, font=None, raised=False, hidden=False)
        elif word == b"v":  # hidden text: a template's notes to its writer, keywords (达到90%。{\v 新建水厂999座。} gave 999 座)
            return replace(group, hidden=parameter != 0)
        elif word in _RAISING or word in _LOWERING:
            return replace(group, raised=word in _RAISING and parameter != 0)
        else:
            self.layout(word, group)
        return group

    def layout(self, word: bytes, group: _Group) -> None:
        """Paragraphs, table rows and cells, and the signs written as control words."""
        if group.skipped:
            return
        if word in _PARAGRAPH_ENDS:
            self.end_paragraph()
        elif word == b"pard":
            self.in_table = False
        elif word == b"intbl":
            self.in_table = True
        elif word == b"cell":
            self.end_cell()
        elif word == b"row":
            self.blocks.end_row(self.continued)
            self.continued = set()
        elif word == b"trowd":
            self.defined_cells, self.continued = 0, set()
        elif word == b"clvmrg":
            self.continues = True
        elif word == b"cellx":
            if self.continues:
                self.continued.add(self.defined_cells)
            self.defined_cells, self.continues = self.defined_cells + 1, False
        elif word in _SHOWN and not (group.in_marker and word == b"tab"):
            self.text(_SHOWN[word], group)


def _code_page(number: int) -> str:
    name = _GBK_CODE_PAGES.get(number, f"cp{number}")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "cp1252"


def read_rtf(path: Path, data: bytes) -> ReaderResult:
    reader = _Reader()
    groups = [_Group()]
    position = 0
    while match := _TOKEN.match(data, position):
        position = match.end()
        word, parameter, hex_byte, symbol, brace, run = match.groups()
        if word == b"bin" and parameter:
            position += max(int(parameter), 0)  # binary data (a picture's): no text, and may hold any byte
        elif brace:
            _open_or_close(groups, brace)
        elif hex_byte or run:
            reader.characters(run or bytes([int(hex_byte, 16)]), bool(hex_byte), groups[-1])
        elif word or symbol:
            groups[-1] = reader.control(word or symbol, int(parameter) if parameter else None, groups[-1])
    reader.end_paragraph()
    reader.blocks.end_table()
    return reader.blocks.lines, reader.blocks.tables


def _open_or_close(groups: list[_Group], brace: bytes) -> None:
    """A group opens with the state of the one around it, and closing it restores that (an unbalanced } is passed over)."""
    if brace == b"{":
        groups.append(groups[-1])
    elif len(groups) > 1:
        groups.pop()
