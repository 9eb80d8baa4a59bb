"""Plain text in any of the encodings Chinese plans arrive in."""
from __future__ import annotations

import codecs
import math
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Iterator, NamedTuple

import regex

from .. import patterns
from ..errors import PlanparseError
from ..folding import fold
from ..limits import MAX_TEXT_CHARS, check_line_count, check_text_size
from ..models import PageInfo, SourceLine, TableData
from ..required_chars import commonness, plan_characters
from .controls import without_escape_sequences
from .markdown_blocks import markdown_blocks_as_text

# Tried in order before falling back to detection: a strict decode that
# succeeds is far more reliable than a statistical guess on short texts.
# UTF-32's marks before UTF-16's: UTF-32 LE's (FF FE 00 00) opens with UTF-16 LE's.
_BOMS = ((codecs.BOM_UTF8, "utf-8", "UTF-8"), (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
         (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"))
# Text with NUL bytes and no mark. UTF-32 first: UTF-16 text is almost never valid UTF-32 (two of
# its characters make a number past U+10FFFF), where UTF-32 text is valid UTF-16 of NULs.
_WIDE = ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be")
# cp950: Big5 as Windows writes it (Taiwan, Hong Kong, 繁體 copies); Big5-HKSCS: Hong Kong's, with the characters its
# place names and housing take that Big5 lacks (深水埗, 鰂魚涌, 屋邨), which cp950 read as U+FFFD and the bytes after as garbage
_STRICT = ("utf-8", "gb18030", "cp950", "big5hkscs")


def decode_text(data: bytes, path: object) -> str:
    """Decode bytes, detecting (never assuming) the encoding; a text read once already as Latin-1 is read again."""
    return _without_western_misreading(_decoded(data, path), path)


def _decoded(data: bytes, path: object) -> str:
    if not data.strip():
        raise PlanparseError(path, "the file is empty")
    for bom, encoding, name in _BOMS:
        if data.startswith(bom):
            return _decode_after_mark(data, bom, encoding, name, path)
    if b"\x00" in data:
        return _decode_wide_or_fail(data, path)
    return _detected(data, path)


def _detected(data: bytes, path: object) -> str:
    """Bytes with no mark and no NUL decoded in the encoding, or the encodings a line at a time, that reads them."""
    text = (_seven_bit_chinese(data, path) or _only_line_in_two_encodings(data) or _strict_text(data, _STRICT[:1]) or _lines_each_in_utf_8_or_gb18030(data)
            or _gb18030_read_as_no_chinese_by_utf_8(data) or _utf_8_with_pieces_in_gb18030(data) or _gb18030_with_pieces_in_utf_8(data) or _strict_text(data, _STRICT[1:]) or _text_with_a_few_bad_bytes(data))
    if text is not None:
        return text
    from charset_normalizer import from_bytes  # a fifth of start-up, needed only by text in no strict encoding

    best = from_bytes(data).best()
    if best is None:
        raise PlanparseError(path, "not a text file (no known encoding decodes it)")
    return str(best)


# ISO-2022-CN (RFC 1922), which Python has no codec for: ESC $ ) A names GB2312 for the bytes that SO (0x0E) shifts in
# and SI (0x0F) or the line's end shifts out, each character two bytes of 0x21-0x7E. Its other sets, CNS 11643's planes
# (ESC $ ) G, and ESC $ * H for the one character after ESC N), have no table here: their characters are read as U+FFFD,
# as bytes no encoding reads are, and a text of more than a few of them (繁體 in ISO-2022-CN-EXT) is refused.
_ISO_2022_CN_PIECE = patterns.compile(rb"\x1b\$\)(.)|\x1b\$[*+].|\x1b[NO]..|[\x0e\x0f\r\n]|[^\x1b\x0e\x0f\r\n]+|\x1b")
_SHIFT_IN, _SINGLE_SHIFT = b"\x0e", (b"\x1bN", b"\x1bO")
_SHIFT_OUT = (b"\x0f", b"\r", b"\n")


def _iso_2022_cn(data: bytes, path: object) -> str:
    read, gb2312, shifted = [], False, False
    for count, piece in enumerate(_ISO_2022_CN_PIECE.finditer(data)):
        if count > MAX_TEXT_CHARS:  # each piece is a character at least as ASCII reads it: shifts alone read in seconds a MB
            check_text_size(path, len(data))
        code = piece.group()
        if piece.group(1) is not None:
            gb2312 = piece.group(1) == b"A"
        elif code.startswith(_SINGLE_SHIFT):
            read.append("\ufffd")
        elif code == _SHIFT_IN or code in _SHIFT_OUT:
            shifted = code == _SHIFT_IN
            if code in b"\r\n":
                read.append(code.decode("ascii"))
        elif not code.startswith(b"\x1b"):
            read.append(code.decode("ascii") if not shifted else bytes(byte | 0x80 for byte in code).decode("gb2312", "replace")
                        if gb2312 else "\ufffd" * (len(code) // 2))
    text = "".join(read)
    if text.count("\ufffd") > _few_bad_bytes(data):
        raise PlanparseError(path, "the text is ISO-2022-CN with characters in CNS 11643 (繁體) or damaged, which planparse cannot read: "
                                   "convert it first (iconv -f ISO-2022-CN-EXT -t UTF-8)")
    return text


# Chinese in ASCII's 7 bits, as old mail, news and their archives keep it: HZ (~{…~}, RFC 1843), UTF-7 (+…-) and
# ISO-2022-CN, each told by its shift; read as ASCII, their bytes gave a title of ~{D3OXE)4e9… and its digits' targets
_SEVEN_BIT = ((b"~{", lambda data, path: data.decode("hz")), (b"+", lambda data, path: data.decode("utf-7")),
              (b"\x1b$)", _iso_2022_cn))
_SEVEN_BIT_CHINESE = 10  # Chinese characters at least a reading holds: a shift in English text reads as a few, if any


def _seven_bit_chinese(data: bytes, path: object) -> str | None:
    """``data``, ASCII's bytes alone, read in the 7-bit encoding of Chinese whose shift it holds when that reads Chinese;
    else None."""
    if not data.isascii():
        return None
    for shift, decode in _SEVEN_BIT:
        if shift in data:
            try:
                text = decode(data, path)
            except UnicodeDecodeError:
                continue
            if len(_CHINESE.findall(text)) >= _SEVEN_BIT_CHINESE and _is_chinese(text):
                return text
    return None


def _strict_text(data: bytes, encodings: tuple[str, ...] = _STRICT) -> str | None:
    """The bytes decoded in the first of the strict ``encodings`` that decodes them, else None."""
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # GB18030 decodes almost any byte pairs: Big5 text comes out as kana, box drawing and
        # private-use characters, which the printable test tells from Chinese.
        if encoding == "utf-8" or _mostly_printable(text):
            return text
    return None


# A text may be texts joined line to line, each in its own encoding: a UTF-8 body under a title typed again in GBK, a GBK
# table row pasted into a UTF-8 plan, files joined (type a.txt b.txt > plan.txt). Each line is read whole in the encoding
# that reads it as Chinese, where the pieces read below cut a GBK line at the ASCII bytes its characters hold (縣 is BF 68,
# 'h', in GBK; GB18030's four-byte characters hold digits) and took a GBK line that UTF-8 reads whole for UTF-8 ((一) in
# GBK is (һ), 台 is a combining mark). Of the two-byte characters of UTF-8 a plan writes Latin-1's and Greek's (± ° × μ),
# never those read so (Cyrillic to Arabic, combining marks): a line UTF-8 reads only as those is GBK's.
_NOT_A_PLAN_SCRIPT = patterns.compile("[\u0100-\u036f\u0400-\u07ff]")


# A line that UTF-8 does not read whole, or reads as letters no plan writes; its end \n or \r, which GBK's bytes never hold
_ODD_LINE = patterns.compile_python("^[^\r\n]*[\udc80-\udcff\u0100-\u036f\u0400-\u07ff][^\r\n]*", re.MULTILINE)
_UTF_8_CHINESE_LINE = patterns.compile_python("^[^\r\n\udc80-\udcff]*[\u4e00-\u9fff]", re.MULTILINE)
# Two Chinese characters that UTF-8 reads at the end of a line, after the last byte it does not read (a file joined to a GBK
# one with no line end between): no GBK text of 112 plans read as UTF-8 holds them
_UTF_8_LINE_END = patterns.compile_python("[\udc80-\udcff][^\r\n\udc80-\udcff\u4e00-\u9fff]*[\u4e00-\u9fff][^\r\n\udc80-\udcff\u4e00-\u9fff]*"
                             "[\u4e00-\u9fff][^\r\n\udc80-\udcff]*$", re.MULTILINE)  # tried at each byte not read: linear
_CJK = patterns.compile_python("[\u4e00-\u9fff]")


def _lines_each_in_utf_8_or_gb18030(data: bytes) -> str | None:
    """``data`` read a line at a time, each line in UTF-8 or in GB18030, when it holds lines of both; else None."""
    with_bytes = data.decode("utf-8", errors="surrogateescape")  # each byte UTF-8 does not read as U+DC80 + byte
    across_a_join = _ends_across_a_join(with_bytes)
    if not (_UTF_8_CHINESE_LINE.search(with_bytes) or _UTF_8_LINE_END.search(with_bytes) or across_a_join):
        return None  # a GBK or Big5 text: told in one pass, not line by line
    parts, position = [], 0
    for odd in _ODD_LINE.finditer(with_bytes):
        line, across = odd.group(), across_a_join.get(odd.start())
        read_whole = not _NOT_READ.search(line)
        if read_whole and _CHINESE.search(line) and across is None:
            continue  # UTF-8's: its odd letters among Chinese
        read = (None if read_whole else _line_in_two_encodings(line)) or across or _line_in_gb18030(line)
        if read is None and not read_whole:
            return None
        parts += [with_bytes[position:odd.start()], read or line]
        position = odd.end()
    return "".join([*parts, with_bytes[position:]]) if parts else None


def _line_in_two_encodings(line: str) -> str | None:
    """A line as UTF-8 reads it, where two files were joined with no line end between them: its GBK part read in GB18030
    and its UTF-8 part as read, when each reads whole, the UTF-8 part holds two Chinese characters and the GBK part, as
    UTF-8 reads it, no Chinese character or mark (a UTF-8 character cut short among them); else None (of one, a part is
    not told from GBK). The GBK part
    runs to the last byte UTF-8 does not read (人民银行澄 in GBK then 州市分行 in UTF-8) or from the first (the other way
    round), and takes the characters beside it that UTF-8 reads as no Chinese (全, C8 AB, reads as ȫ; 园 as ԰), and the
    ASCII between, which both read alike."""
    not_read = [found.start() for found in _NOT_READ.finditer(line)]
    cut = not_read[-1] + 1
    while cut < len(line) and not _CHINESE.match(line[cut]):
        cut += 1
    if _in_one_encoding(line[cut:], line[:cut]):
        return _parts_read(line[:cut], line[cut:])
    cut = not_read[0]
    while cut and not _CHINESE.match(line[cut - 1]):
        cut -= 1
    if _in_one_encoding(line[:cut], line[cut:]):
        return _parts_read(line[cut:], line[:cut], gbk_first=False)
    return None


def _in_one_encoding(utf_8: str, gbk: str) -> bool:
    return len(_CJK.findall(utf_8)) >= 2 and not _CHINESE.search(gbk)


def _parts_read(gbk: str, utf_8: str, gbk_first: bool = True) -> str | None:
    """The GBK part of a line (as UTF-8 reads it) read in GB18030, joined to its UTF-8 part, when it reads as Chinese and
    is two GBK characters or more (of one, a UTF-8 character cut short: E3 80 of 、 reads as 銆)."""
    data = gbk.encode("utf-8", errors="surrogateescape")
    read = _read_as("gb18030", data)
    if read is None or not _is_chinese(read) or not _is_chinese(utf_8) or _non_ascii(data.decode("latin-1")) < _SHORTEST_PIECE:
        return None
    return read + utf_8 if gbk_first else utf_8 + read


def _line_in_gb18030(line: str) -> str | None:
    """A line as UTF-8 reads it (its bytes it does not read as U+DC80 + byte) read in GB18030 when that reads it as
    Chinese; else None, and for a line UTF-8 reads as Chinese, most of it (its characters cut short, which GB18030 reads
    as 鍏ㄥ競), or of less than two GBK characters (a UTF-8 one cut short)."""
    data = line.encode("utf-8", errors="surrogateescape")
    as_gb18030, past_ascii = _read_as("gb18030", data), _non_ascii(data.decode("latin-1"))
    if as_gb18030 is None or not _is_chinese(as_gb18030) or past_ascii < _SHORTEST_PIECE:
        return None
    return None if 2 * _CHINESE_IN_UTF_8 * len(_CHINESE.findall(line)) > past_ascii else as_gb18030


# A file of one line may be two files joined too (a title cut short, its rest typed in the other encoding), as may the
# line two files of lines meet in, and there no other line tells the encodings apart: a UTF-8 part of a mark or a
# character (（ then 一）推进… in GBK, 一、 then 工作目标) was read with the rest in GB18030 (嚗�珨ㄘ…) or left unread
# (一、����Ŀ��), one of two characters (全市 then 新建… in GBK) read in GB18030 as 鍏ㄥ競, and a GBK part that UTF-8
# reads whole as letters no plan writes (一 then 、工作目标 in UTF-8) as һ、工作目标. The line is read cut at each byte near the first and the last byte UTF-8 does not read (or reads so),
# UTF-8 before the cut and GB18030 after it or the other way round, and the reading whose characters plans use most is
# kept if they are as many as in a plan: the line read whole in GB18030 if it is one of those (a GBK line opening with
# bytes UTF-8 reads, 全 as ȫ, stays GBK's), else the one most like a plan's (_plan_likeness: 胸痛 over 胸ʹ, where 痛 is
# in no plan's list). The cuts are a constant number, each a reading of the line.
_ODD_CHARACTER = patterns.compile_python("[\udc80-\udcff\u0100-\u036f\u0400-\u07ff]")  # as _ODD_LINE's
_JOIN_REACH = 8  # bytes: a join is sought so far before the first odd character or after the last (four GBK characters)
_PLAN_SHARE = 0.9  # of a reading's characters past ASCII, the least plans use for it to be taken: a plan's are 90 to 99.5%


def _only_line_in_two_encodings(data: bytes) -> str | None:
    """``data``, a file of one line, read as ``_line_across_a_join`` reads it; else None."""
    line = data.rstrip(b"\r\n")
    if b"\n" in line or b"\r" in line:
        return None
    read = _line_across_a_join(line)
    return None if read is None else read + data[len(line):].decode("ascii")


def _ends_across_a_join(with_bytes: str) -> dict[int, str]:
    """The first and the last odd line of a text as UTF-8 reads it (``_ODD_LINE``) as ``_line_across_a_join`` reads
    them, by where they start, when that is more like a plan's than UTF-8's reading: two files joined meet inside the
    first (a UTF-8 file then a GBK one: （ then 一）推进… and more lines) or the last (the other way round), and no line
    each side tells the encodings apart within it. Empty unless one of them is read across a join: a GBK text's lines
    are read whole in GB18030, in one pass. Found by their odd characters, the last searched for in the text reversed:
    a GBK text of 200,000 short lines is as many odd lines."""
    first, last = _ODD_CHARACTER.search(with_bytes), _ODD_CHARACTER.search(with_bytes[::-1])
    if first is None:
        return {}
    read, joins = {}, False
    for start, line in dict([_line_around(with_bytes, first.start()), _line_around(with_bytes, len(with_bytes) - last.end())]).items():
        encoded = line.encode("utf-8", errors="surrogateescape")
        across = _line_across_a_join(encoded)
        if across is not None and _plan_likeness(across) > _plan_likeness(line):
            read[start] = across
            joins = joins or across != _read_as("gb18030", encoded)
    return read if joins else {}


def _line_around(text: str, position: int) -> tuple[int, str]:
    """Where the line holding ``position`` starts, and the line without its end."""
    start = max(text.rfind("\n", 0, position), text.rfind("\r", 0, position)) + 1
    ends = [found for found in (text.find("\n", position), text.find("\r", position)) if found >= 0]
    return start, text[start:min(ends, default=len(text))]


def _line_across_a_join(line: bytes) -> str | None:
    """A line read whole in GB18030 or in UTF-8 and GB18030 on either side of a cut, whichever reading holds the most
    characters plans use, when they are as many as in a plan; else None."""
    with_bytes = line.decode("utf-8", errors="surrogateescape")  # each byte UTF-8 does not read as U+DC80 + byte
    odd = [found.start() for found in _ODD_CHARACTER.finditer(with_bytes)]
    if not odd:
        return None
    first = len(with_bytes[:odd[0]].encode("utf-8", errors="surrogateescape"))  # in bytes: where the first odd one starts
    last = len(line) - len(with_bytes[odd[-1] + 1:].encode("utf-8", errors="surrogateescape"))  # where the last ends
    whole = _read_as("gb18030", line)  # first: of readings as many of whose characters plans use, it is kept
    readings = [whole, *(_joined(_read_as("utf-8", line[:cut]), _read_as("gb18030", line[cut:])) for cut in range(max(1, first - _JOIN_REACH), first + 1))]
    readings += [_joined(_read_as("gb18030", line[:cut]), _read_as("utf-8", line[cut:])) for cut in range(last, min(len(line), last + _JOIN_REACH))]
    chinese = {reading: _share_plans_use(reading) for reading in readings if reading is not None and _is_chinese(reading)}
    share = max(chinese.values(), default=0.0)
    if share < _PLAN_SHARE:
        return None
    alike = [reading for reading, its_share in chinese.items() if its_share == share]
    return alike[0] if alike[0] == whole else max(alike, key=_plan_likeness)


def _joined(before: str | None, after: str | None) -> str | None:
    return before + after if before is not None and after is not None else None


def _share_plans_use(text: str) -> float:
    """Of ``text``'s characters past ASCII, the share plans use (char_frequency.txt)."""
    past_ascii = _non_ascii(text)
    return _plan_character().subn("", text)[1] / past_ascii if past_ascii else 0.0


@lru_cache(maxsize=1)
def _plan_character() -> re.Pattern:
    """A character plans use, past ASCII: Python's re counts them in a line of megabytes in milliseconds."""
    return re.compile("[" + "".join(sorted(re.escape(char) for char in plan_characters() if not char.isascii())) + "]")


def _plan_likeness(text: str) -> tuple[float, int, float]:
    """How like a plan's a reading is: the share of its characters plans use, then the fewer letters of a script no plan
    writes (某, in no plan's list, and ĳ, what UTF-8 reads of its GBK bytes, are alike by the first), then how common
    its characters are."""
    return _share_plans_use(text), -len(_NOT_A_PLAN_SCRIPT.findall(text)), _mean_commonness(text)


def _mean_commonness(text: str) -> float:
    past_ascii = [char for char in text if not char.isascii()]
    return math.fsum(map(commonness, past_ascii)) / len(past_ascii)


# A UTF-8 text may hold pieces in GB18030 (GBK): files of both joined (type a.txt b.txt > plan.txt), a phrase pasted by
# a program that wrote it in the system's encoding. Read as UTF-8 they were bytes no encoding reads, and past a few of
# them the whole was refused ("no known encoding decodes it"). A piece lies in a run of characters past ASCII, from its
# first byte UTF-8 does not read to its last, with what UTF-8 reads of GBK pairs around them as no Chinese (C8 AB, 全,
# reads as ȫ; EA A3 A9, the end of 年）, as ꣩), or else the run whole when UTF-8 reads at most half of it as Chinese
# (B0 D9 B7 D6 B5 E3 A1 A3, 百分点。, as ٷֵ㡣); it is read as GB18030 when that reads it whole. Told from a GBK text, of
# whose bytes past ASCII UTF-8 reads 1% at most, by the share it reads; from a UTF-8 character cut short (two or three
# bytes, 鍏 read as GB18030), by a piece of two Chinese characters or more in the text: then a piece of one (年 in
# 2021—2025年, ≥ in ≥35) is GB18030's too.
_CHINESE_IN_UTF_8 = 3  # bytes of a Chinese character; a UTF-8 text's past ASCII are more than those not read, and more
                       # than a few characters' worth: of a GBK plan's 1% at most are read (丰 reads as ؼ)
_SHORTEST_PIECE = 4  # bytes: two GBK characters; a UTF-8 character cut short is three at most
_NOT_READ = patterns.compile_python("[\udc80-\udcff]")  # a byte UTF-8 does not read, as its surrogateescape reading holds it
_ASCII_CHARACTER = patterns.compile_python("[\x00-\x7f]")


def _gb18030_read_as_no_chinese_by_utf_8(data: bytes) -> str | None:
    """``data`` read as GB18030 when that reads it whole as Chinese and UTF-8 reads no Chinese of it and more than a few
    bytes not at all: a GBK text, whose pieces the reader below took one at a time (a line of 全市, C8 AB CA D0, is ȫ and
    two bytes UTF-8 does not read: 500,000 such lines took 30 s, where one reading takes a tenth of a second); else None.
    A UTF-8 text with GBK pieces in it reads as Chinese in UTF-8; one of European letters with a few bad bytes is left to
    that reader."""
    with_bytes = data.decode("utf-8", errors="surrogateescape")
    if _CHINESE.search(with_bytes) or len(data) - len(with_bytes.encode("utf-8", errors="ignore")) <= _few_bad_bytes(data):
        return None
    text = _read_as("gb18030", data)
    return text if text is not None and _is_chinese(text) and _mostly_printable(text) else None


class _Piece(NamedTuple):
    start: int  # where its run starts and ends in the text read as UTF-8
    end: int
    read: str  # the run, its piece read as GB18030 when that reads it; else as UTF-8 reads it
    piece: str  # the piece as GB18030 reads it, '' when it does not
    size: int  # the piece's bytes


def _utf_8_with_pieces_in_gb18030(data: bytes) -> str | None:
    """``data`` read as UTF-8, its pieces that UTF-8 does not read read as GB18030, when they are a small part of it
    and no more than a few bytes are left that neither reads; else None."""
    with_bytes = data.decode("utf-8", errors="surrogateescape")  # each byte UTF-8 does not read as U+DC80 + byte
    read = len(with_bytes.encode("utf-8", errors="ignore"))
    read_past_ascii = read - len(with_bytes.encode("ascii", errors="ignore"))
    if len(data) - read > read_past_ascii or read_past_ascii < _CHINESE_IN_UTF_8 * _FEW_BAD_BYTES:
        return None
    pieces = list(_pieces(with_bytes))
    shortest = 1 if any(piece.size >= _SHORTEST_PIECE and _is_chinese(piece.piece) for piece in pieces) else _SHORTEST_PIECE
    parts, position = [], 0
    for piece in pieces:
        run = with_bytes[piece.start:piece.end]
        parts += [with_bytes[position:piece.start], piece.read if piece.piece and piece.size >= shortest else _as_utf_8(run)]
        position = piece.end
    text = "".join([*parts, with_bytes[position:]])
    return text if text.count("\ufffd") <= _few_bad_bytes(data) else None


def _pieces(with_bytes: str) -> Iterator[_Piece]:
    """Each run of characters past ASCII holding bytes UTF-8 does not read, in a text so read."""
    position = 0
    while (bad := _NOT_READ.search(with_bytes, position)) is not None:
        start = bad.start()
        while start and not with_bytes[start - 1].isascii():
            start -= 1
        after = _ASCII_CHARACTER.search(with_bytes, bad.start())
        position = after.start() if after else len(with_bytes)
        yield _Piece(start, position, *_run_with_a_piece_in_gb18030(with_bytes[start:position]))


def _run_with_a_piece_in_gb18030(run: str) -> tuple[str, str, int]:
    """A run of characters past ASCII holding bytes UTF-8 does not read, its piece in GB18030 read so, that piece so
    read and its size in bytes; else the run as UTF-8 reads it, '' and 0."""
    not_read = [found.start() for found in _NOT_READ.finditer(run)]
    start, end = not_read[0], not_read[-1] + 1
    while start and not _CHINESE.match(run[start - 1]):
        start -= 1
    while end < len(run) and not _CHINESE.match(run[end]):
        end += 1
    read_as_chinese = _CHINESE_IN_UTF_8 * len(_CHINESE.findall(run))
    whole = [(0, len(run))] if 2 * read_as_chinese <= len(run.encode("utf-8", errors="surrogateescape")) else []
    for begin, finish in [(start, end), *whole]:
        data = run[begin:finish].encode("utf-8", errors="surrogateescape")
        piece = _read_as("gb18030", data)
        if piece is not None and _mostly_printable(piece):
            return run[:begin] + piece + run[finish:], piece, len(data)
    return _as_utf_8(run), "", 0


def _as_utf_8(with_bytes: str) -> str:
    """Characters read as UTF-8 with the bytes it does not read among them, those bytes as U+FFFD."""
    return with_bytes.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="replace")


# A GB18030 (GBK) text may hold pieces in UTF-8 likewise (a title typed again over a GBK body, a paragraph pasted from a
# web page), which GB18030 read as 鍏ㄥ競 or not at all. A run past ASCII that UTF-8 reads whole as Chinese, each of its
# characters of three bytes, is no GBK text's: none of 162 plans so encoded holds one. But for one of one character after
# an ASCII byte that ends a GBK character: of 繁體 in GBK, whose characters' second bytes are often letters (鄉鎮檔 is E0 6C
# E6 82 99 6E, 鄉 悙 n). (The regex module's look behind: Python's re tries it at every byte, at three times the time.)
_UTF_8_RUN = patterns.compile(rb"(?<![\x80-\xff])(?:(?<![\x81-\xfe][\x40-\x7e])[\xe0-\xef][\x80-\xbf]{2}|(?:[\xe0-\xef][\x80-\xbf]{2}){2})"
                           rb"(?:[\xe0-\xef][\x80-\xbf]{2})*(?![\x80-\xff])")


def _gb18030_with_pieces_in_utf_8(data: bytes) -> str | None:
    """``data`` read as GB18030, its runs that UTF-8 reads as Chinese read as UTF-8, when it holds such a run and
    GB18030 reads the rest; else None."""
    parts, position = [], 0
    for run in _UTF_8_RUN.finditer(data):
        piece = _read_as("utf-8", run.group())
        if piece is not None and _is_chinese(piece):
            parts += [data[position:run.start()], piece]
            position = run.end()
    if not parts:
        return None
    try:
        text = "".join(part if isinstance(part, str) else part.decode("gb18030") for part in [*parts, data[position:]])
    except UnicodeDecodeError:
        return None
    return text if _mostly_printable(text) else None


def _read_as(encoding: str, data: bytes) -> str | None:
    """``data`` read in ``encoding`` when it reads whole, else None."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


# A copy may hold a few bytes its encoding does not read (a character cut where a file was cut short or pieces of
# it were joined, a byte a transfer changed): it is text in that encoding all the same, those bytes read as U+FFFD.
# Refused whole, or guessed another encoding (GB18030 read as Big5), the plan was lost for a few characters.
_FEW_BAD_BYTES, _BAD_BYTE_SHARE = 8, 0.001


def _few_bad_bytes(data: bytes) -> float:
    return max(_FEW_BAD_BYTES, _BAD_BYTE_SHARE * len(data))


def _text_with_a_few_bad_bytes(data: bytes) -> str | None:
    """The bytes decoded in the first of the strict encodings that reads all but a few of them, else None."""
    few = _few_bad_bytes(data)
    for encoding in _STRICT:
        text = data.decode(encoding, errors="replace")
        if text.count("\ufffd") <= few and _mostly_printable(text):
            return text
    return None


# A Chinese text that a program knowing no Chinese read as Latin-1 or Windows-1252 and saved again (as UTF-8, most
# often) holds one character of U+0080-U+00FF, or one of the 27 that Windows-1252 puts at 0x80-0x9F, for each byte of
# the plan's encoding: ¡ª¡ªÈ«Ãñ… (GBK), å\x85¨å¸\x82… (UTF-8). Read as written it was refused as binary (the C1 controls
# of UTF-8 so read) or read as garbage (…±ÈÀý³¬¹ý16% a target of 16 %). Those characters are the plan's bytes again; a
# byte Windows-1252 has no character for was lost to U+FFFD by some such programs, which makes it a byte no encoding reads.
_WINDOWS_1252_BYTES = {ord(bytes([byte]).decode("cp1252")): byte for byte in range(0x80, 0xA0) if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_LOST_BYTE = 0xFF  # no byte of a character in UTF-8, GB18030 or Big5
_NOT_A_BYTE = patterns.compile("[^\\x00-\\xff\ufffd" + "".join(map(chr, _WINDOWS_1252_BYTES)) + "]")
# Chinese characters of common use (not the rare ones of extension A, 䡣, which is 间。 in GBK read as UTF-8) and marks (—, 。, （)
_CHINESE = patterns.compile(r"[\u4e00-\u9fff\u2010-\u2027\u3000-\u303f\uff01-\uff5e]")
_CHINESE_SHARE = 0.5  # of a text's characters past ASCII
_MISREAD_SHARE = 0.2  # of a text's characters: two or three for each of a plan's, where a French text has an é in thirty


def _without_western_misreading(text: str, path: object) -> str:
    """``text`` read again from the bytes its characters stand for when each stands for one byte, as a Latin-1 or
    Windows-1252 reading of Chinese leaves it, and those bytes are Chinese text; else as it is. A text whose every
    character past ASCII is one plans write (·, ×, —, “, ‰) is as written: a misreading of Chinese holds Ã, å, ¡ and their
    like, where ·@ (a mark before an address) is as much 稝 read as Latin-1 (B7 40) by its bytes alone."""
    if _non_ascii(text) < _MISREAD_SHARE * len(text) or _NOT_A_BYTE.search(text) or _share_plans_use(text) == 1.0:
        return text
    data = text.translate({**_WINDOWS_1252_BYTES, 0xFFFD: _LOST_BYTE}).encode("latin-1")
    again = _strict_text(data) or _text_with_a_few_bad_bytes(data)
    if again is not None and _is_chinese(again):
        return again
    if _is_chinese(data.decode("utf-8", errors="replace")) or _is_chinese(data.decode("gb18030", errors="replace")):
        raise PlanparseError(path, f"Chinese text read as Latin-1 or Windows-1252 and saved again, {text.count(chr(0xFFFD)):,} of its "
                                   "bytes lost in that reading (� in their place); give planparse the file it was made from")
    return text


def _is_chinese(text: str) -> bool:
    return len(_CHINESE.findall(text)) >= _CHINESE_SHARE * _non_ascii(text)


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


def is_plain_text(data: bytes) -> bool:
    """Whether bytes are text decoded strictly (after a byte-order mark in its encoding, else as UTF-8, GB18030 or
    Big5) and mostly printable, no guess made: told so from a binary format's bytes."""
    marked = [(len(bom), encoding) for bom, encoding, _ in _BOMS if data.startswith(bom)][:1]
    if not marked and b"\x00" in data:  # UTF-16 or UTF-32 with no mark is told from binary only by a guess
        without_nuls = _without_stray_nuls(data)
        if without_nuls is None:
            return False
        data = without_nuls
    for start, encoding in marked or [(0, encoding) for encoding in _STRICT]:
        try:
            text = data[start:].decode(encoding)
        except UnicodeDecodeError:
            continue
        if text.strip() and _mostly_printable(text):
            return True
    return False


def _decode_after_mark(data: bytes, bom: bytes, encoding: str, name: str, path: object) -> str:
    """The text after a byte-order mark: a bad sequence there (a file cut mid-character, a lone surrogate) is a broken
    file in the encoding the mark names, not a reason to guess another; unless, after UTF-8's mark, the text read as
    one with no mark is read as a plan is (``_in_another_encoding``). A file cut inside its last character is read.
    UTF-16's and UTF-32's line ends and digits each hold a NUL byte: after their mark, text with none is in another
    encoding, the mark put before it by a program that did not write it (a UTF-8 or GBK file joined to a UTF-16 one)."""
    if bom != codecs.BOM_UTF8 and b"\x00" not in data[len(bom):]:
        read = _in_another_encoding(data[len(bom):], path)
        if read is not None:
            return read
    try:
        return _read_to_a_cut(data[len(bom):], encoding)
    except UnicodeDecodeError as exc:
        problem = f"not valid {name} text, which its byte-order mark says it is ({exc.reason} at byte {exc.start + len(bom):,})"
    read = _in_another_encoding(data[len(bom):], path) if bom == codecs.BOM_UTF8 else None
    if read is None:
        raise PlanparseError(path, problem)
    return read


def _in_another_encoding(data: bytes, path: object) -> str | None:
    """Text after UTF-8's mark that UTF-8 does not read, read as text with no mark when that reads it with as many
    characters plans use as a plan holds: a GBK file given UTF-8's mark by a program that did not write it (a converter
    that only adds the mark, files joined after a marked one); else None. A UTF-8 file cut mid-character reads so as
    鍒2025骞 (到2025年) or not at all, and stays a broken file."""
    try:
        text = _detected(data, path) if data.strip() and b"\x00" not in data else None
    except PlanparseError:
        return None
    return text if text is not None and _share_plans_use(text) >= _PLAN_SHARE else None


def _decode_wide_or_fail(data: bytes, path: object) -> str:
    """NUL bytes mean UTF-32 or UTF-16 without a BOM, a text with a stray NUL or two, or a binary file."""
    for encoding in _WIDE:
        try:
            text = _read_to_a_cut(data, encoding)
        except UnicodeDecodeError:
            continue
        if _mostly_printable(text):
            return text
    without_nuls = _without_stray_nuls(data)
    text = _strict_text(without_nuls) if without_nuls is not None else None
    if text is None:
        raise PlanparseError(path, "not a text file (binary content)")
    return text


def _read_to_a_cut(data: bytes, encoding: str) -> str:
    """``data`` decoded strictly, but for a last character cut short (a download cut off, a stray byte after UTF-16's
    pairs), read as � as UTF-8 and GBK texts cut so are read: a UTF-16 text of an odd count of bytes was refused as
    binary, one after its byte-order mark as not UTF-16."""
    decoder = codecs.getincrementaldecoder(encoding)()
    text = decoder.decode(data)  # not final: the bytes of a character cut short are kept back, not an error
    return text + "\ufffd" if decoder.getstate()[0] else text


# A NUL a copy left in a text (a C string pasted whole, a field padded in a database) is one or a few among
# thousands of bytes. The binaries of a machine hold more (427 measured, ELF, PNG, JPEG, gzip, fonts, .mo, .pyc,
# PDF, DOCX, ODT, Word 97: one byte in 1,400 at the least, a PDF's compressed streams) and, more to the point,
# none of them decodes in a strict encoding once its NULs are out.
_STRAY_NULS, _STRAY_NUL_SHARE = 8, 0.001


def _without_stray_nuls(data: bytes) -> bytes | None:
    """The bytes without their NULs, when they are so few that a copy may have left them; else None."""
    return data.replace(b"\x00", b"") if data.count(b"\x00") <= max(_STRAY_NULS, _STRAY_NUL_SHARE * len(data)) else None


# Control, private-use and unassigned characters, less the whitespace among them: no-break
# and full-width spaces (web copies indent with them) are not \p{C}; tabs and line ends are excluded
# (as a set difference: the regex module tests a negated set of a negated property at twice the cost).
# Format characters (\p{Cf}) are text: pages that guard against copying put a zero-width space
# after every character, and bidi marks come with copies from chat apps.
_UNPRINTABLE = patterns.compile(r"(?V1)[\p{C}--[\p{Cf}\t\n\x0b\x0c\r\x1c-\x1f\x85]]")


def _mostly_printable(text: str) -> bool:
    # Python's printable characters, less its whitespace (of which are the controls let through here), are none of
    # the unprintable ones, as the regex module reads them (its Unicode newer, it assigns characters Python has not):
    # a text of those alone (most) needs no count, which tried each character against the set member by member.
    if "".join(text.split()).isprintable():
        return True
    unprintable = sum(1 for _ in _UNPRINTABLE.finditer(text))  # one pass in C; a loop only over the odd ones
    return unprintable <= 0.05 * len(text)


_PAGE_BREAK = "\f"


def split_lines(path: Path, text: str) -> list[SourceLine]:
    """Number lines 1-based, accepting \\r\\n, \\r and \\n line ends. A text whose every line ends \\r\\r\\n is a
    Windows text a tool wrote again turning each \\n into \\r\\n (Python's text mode on Windows does): one line end
    each, where read as \\r and \\r\\n they parted every line by a blank one and a table's cell lines from each other.
    Refused past the limit on lines (of the file ``path``) before they are numbered."""
    if "\r\r\n" in text and text.count("\r\r\n") == text.count("\n"):
        text = text.replace("\r\r\n", "\n")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    check_line_count(path, len(lines))
    if _PAGE_BREAK not in text:
        return [SourceLine(line, number) for number, line in enumerate(lines, 1)]
    # A PDF's text as pdftotext writes it: a form feed ends each page, opening the next one's first line, so each line
    # is on the page the form feeds opening it and the lines before say, as in the PDF (one inside a line is a stray
    # control, no page's end)
    read, page = [], 1
    for number, line in enumerate(lines, 1):
        page += len(line) - len(line.lstrip(_PAGE_BREAK))
        read.append(SourceLine(line.replace(_PAGE_BREAK, ""), number, page))
    return read


def read_txt(path: Path, data: bytes) -> list[SourceLine]:
    # A terminal's colours are a text's formatting, not a sign of binary content: out before the count.
    text = without_escape_sequences(decode_text(data, path))
    check_text_size(path, len(text))
    if not _mostly_printable(text):
        raise PlanparseError(path, "not a text file (binary content)")
    return without_site_lines(markdown_blocks_as_text(text, split_lines(path, text)))


# characters: a byline sits under the article's title, which with its notice's 文号 and issuer rarely runs past 200
_BYLINE_REACH = 300
_BYLINE_FIELDS = 6  # lines at most a byline's fields take, one a line: the mark, the author, the account, the day, the region
_SENTENCE_ENDS = patterns.compile_python("[。；！？]")  # Python's re: it searches a line for a set of characters at twice the regex module's speed
_CLAUSE_MARKS = patterns.compile_python("[。，；：！？]")
_TITLE_LENGTH = 50  # characters at most of a title on one line


def without_site_lines(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines, those of the site a text was copied from with the page left blank (a breadcrumb over the text, a
    footer of 主办单位, 版权所有, ICP numbers under it: rules/metadata.yaml web_chrome), as a saved page or a printed
    one loses them (the footer's 主办单位：… was read as the last task's lead unit). Only lines that are no sentence and no
    table row: a plan's own lines (主办单位：市科协, a row of 首页 and 网站 words in a table) are never the site's.
    Blank, not dropped: the lines keep their numbers in the file."""
    from ..metadata_rules import web_chrome_lines  # the rules loader: it reads text through this package

    # the footer first: its marks (网站标识码) are chrome lines of their own, which tell it
    lines = _without_site_footer(lines)
    candidates = [index for index, line in enumerate(lines) if _may_be_site_line(line.text)]
    chrome = web_chrome_lines([lines[index].text for index in candidates])  # read together: most hold nothing to fold
    site = {index for index, is_chrome in zip(candidates, chrome) if is_chrome and not _ends_a_sentence_as_read(lines[index].text)}
    return [SourceLine("", line.line) if index in site else line for index, line in enumerate(lines)]


def _without_site_footer(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines without the footer of the site they were saved from, which follows the document's last sentence
    (metadata_rules.site_footer_start): the line it starts in is cut there, the lines after it are blanked. A text kept on
    one line (a crawler's copy) loses its tail: …附件：1.补贴标准 扫一扫在手机打开当前页 主办单位：…办公室 网站标识码：…"""
    from ..metadata_rules import site_footer_start

    text = "\n".join(line.text for line in lines)
    start = site_footer_start(text)
    return lines if start is None else _without_span(lines, start, len(text))


def without_byline(lines: list[SourceLine]) -> tuple[list[SourceLine], str | None]:
    """The lines without the byline of the share platform's article they were copied from (rules/metadata.yaml
    share_byline), under its title: its line blanked, or cut out of the title's line where the line breaks were lost
    (…的通知原创 平潭发布 平潭发布 2015-04-30 18:30 发表于福建　　岚综管办〔2015〕78号); and the day it says the article was posted.
    Of any format: an article is pasted into Word or saved as a page as often as into a text file."""
    from ..metadata_rules import metadata_rules

    byline, offset = metadata_rules().patterns["share_byline"], 0
    for index, line in enumerate(lines):
        if offset >= _BYLINE_REACH:
            break
        # the fields after the platform's mark may each stand on a line (原创 / 某县水利局 / 2024-05-12 09:05 / 云南); without
        # the mark only a byline on one line is one: a short title over a date line would be taken for the account's name
        head = "\n".join(following.text for following in lines[index: index + _BYLINE_FIELDS])
        found = byline.search(head, 0, _BYLINE_REACH - offset)
        if found and (found.group("original") or "\n" not in found.group()):
            at = index + head.count("\n", 0, found.start())
            kept = _without_span(lines, offset + found.start(), offset + found.end())
            return _without_headline(_without_account_card(kept, at), at), found.group("published")
        offset += len(line.text) + 1
    return lines, None


def _without_account_card(lines: list[SourceLine], byline: int) -> list[SourceLine]:
    """The lines without the account's card around the byline at ``byline`` (rules/metadata.yaml share_follow): its name
    over its follow button, every line down to the button blanked (某县发布 / 关注 / 某县…行动方案 / 原创 … was titled
    某县发布关注某县…行动方案), and the line under the byline asking to follow it (原创 … / 点击上方蓝字关注我们 was
    run on to the title above)."""
    from ..metadata_rules import metadata_rules

    rules = metadata_rules()
    button = next((index for index in range(byline - 1, -1, -1) if rules.match("share_follow", lines[index].text)), -1)
    asking = next((index for index in range(byline + 1, len(lines)) if lines[index].text.strip()), None)
    return [replace(line, text="") if index <= button or index == asking and rules.match("share_follow", line.text) else line
            for index, line in enumerate(lines)]


def _without_headline(lines: list[SourceLine], byline: int) -> list[SourceLine]:
    """The lines without the headline a share platform or a site set over the byline or date line at ``byline``, which
    took its line whole, where the text under it opens with a title of its own (重磅！我县出台农村供水保障三年行动方案 /
    原创 某县发布 … / 某县农村供水保障三年行动方案（2024—2026年）): the headline is the article's, and the two were read as
    one title. A notice's title or a 文号 over it is the document's own, and stays. Blank, not dropped."""
    from ..metadata_rules import metadata_rules

    if lines[byline].text.strip():
        return lines  # the byline was cut out of a line: the line breaks were lost, and with them where a headline ends
    rules = metadata_rules()
    following = next((line.text.strip() for line in lines[byline + 1:] if line.text.strip()), "")
    own_title = (len(following) <= _TITLE_LENGTH and not _CLAUSE_MARKS.search(following) and rules.name_end.search(following)
                 and any(word in following for word in rules.rules.plan_words))
    above = lines[:byline]
    if not own_title or any(rules.match(name, line.text.strip()) for line in above for name in ("notice_title", "doc_number")):
        return lines  # a notice's title or 文号 over it
    return [replace(line, text="") for line in above] + lines[byline:]


def _without_span(lines: list[SourceLine], start: int, end: int) -> list[SourceLine]:
    """The lines without the characters from ``start`` to ``end`` of their text joined by line breaks; a line the span
    takes whole is left blank, keeping its number in the file."""
    kept, offset = [], 0
    for line in lines:
        line_end = offset + len(line.text)
        if line_end < start or offset > end:
            kept.append(line)
        else:
            kept.append(replace(line, text=(line.text[:max(start - offset, 0)] + line.text[max(end - offset, 0):]).rstrip()))
        offset = line_end + 1
    return kept


def _may_be_site_line(text: str) -> bool:
    return bool(text.strip()) and "\t" not in text and not _SENTENCE_ENDS.search(text)


def _ends_a_sentence_as_read(text: str) -> bool:
    """Whether ``text`` ends a sentence in the marks an English keyboard types (达到95%.到2025年,…): the fold reads them.
    A crawler's whole page kept on one line so typed, under its site's menu (首页 政务公开 …), was blanked whole: "the
    document has no text"."""
    return bool(_SENTENCE_ENDS.search(fold(text)))


def without_information_box(lines: list[SourceLine]) -> tuple[list[SourceLine], list[TableData], PageInfo | None]:
    """The lines without the information box of the page they were copied from, its rows of label and value cells parted
    by tabs (索引号：\t…\t发布机构：\t… / 发文字号：\t…\t发布日期：\t…), and what it says of the document, as a web page's
    box says it (its 文号 and the day it was published, which the text states nowhere else). Blank, not dropped."""
    from ..metadata_rules import metadata_rules, read_information_box, typed_box_cells  # the labels are metadata rules

    label = metadata_rules().box_label
    run: list[int] = []  # lines one after the other that open with a label and hold tabs
    for index, line in enumerate([*lines, SourceLine("", 0)]):  # the blank line ends the last run
        if "\t" in line.text and label.match(line.text.strip()):
            run.append(index)
            continue
        cells = typed_box_cells([lines[inside].text for inside in run]) if run else None
        fields = read_information_box(cells) if cells else None
        if fields:
            return [SourceLine("", kept.line) if inside in run else kept for inside, kept in enumerate(lines)], [], PageInfo(**fields)
        run = []
    return lines, [], None
