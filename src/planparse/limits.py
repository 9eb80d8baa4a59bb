"""The largest inputs planparse reads, checked before they can cost time or memory.

A plan is tens or hundreds of kilobytes of text; these limits are far above
any real one (the largest sentence in the 57 plans of our corpus has 1,082
characters and 44 numbers) and far below what would exhaust a machine. An
input that crosses one is refused with one line naming the file and the limit.
"""
from __future__ import annotations

import io
import os
import stat
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Iterable

import regex

from . import patterns
from .errors import PlanparseError
from .models import Paragraph, SourceLine
from .numerals import CN_NUMERAL_CHARS

if TYPE_CHECKING:
    from zipfile import ZipFile, ZipInfo

MAX_FILE_BYTES = 100 * 2**20
# A DOCX is a zip: its parts are inflated in memory, so a small file can be a bomb.
MAX_DOCX_PART_BYTES = 64 * 2**20
MAX_DOCX_TOTAL_BYTES = 256 * 2**20
# python-docx loads every part the relationships reach, checking each against every part loaded before
# it: a plan's DOCX has 12 to 20 parts besides its relationship parts (*.rels), and as many relationships
# (a part per image, a relationship per link); 5,000 parts took 13 s to load, 200,000 relationships
# (half a megabyte zipped) 77 s.
MAX_DOCX_PARTS = 2_000
MAX_DOCX_RELATIONSHIPS = 10_000
# Each element of a part costs the parser and the library reading it memory and time (python-docx: some 400 bytes),
# and a part of kilobytes zipped can open millions: a DOCX of 63 KB holding 3 million empty paragraphs took 1.2 GB
# and 22 s. The parts of the plans we know of hold 12,000 tags at most; a document of as much text as planparse reads
# (MAX_TEXT_CHARS), in runs of a few words, some 400,000.
MAX_XML_TAGS = 2_000_000
# Past 300 digits a value is no longer a finite float; no measure needs 100.
MAX_NUMBER_DIGITS = 100
# Reading a sentence costs time that grows faster than its length and number of amounts, in digits or in Chinese numerals
# (_ANY_NUMBER): a sentence of 4,750 amounts in words (二三十个二三十个…) ran past ten minutes. The plans we know of have 33 at most.
MAX_SENTENCE_CHARS = 20_000
MAX_SENTENCE_NUMBERS = 200
MAX_TEXT_CHARS = 2_000_000  # ten times the longest plan we know of
# Each line costs every stage after reading time and memory, whatever it holds (its SourceLine, its Paragraph, its block
# of the outline, its reading for targets and responsibilities: some 15 µs and 850 bytes): 950,000 lines of one
# character (1.9 MB, under MAX_TEXT_CHARS) took 15 s of CPU and 980 MB, 1.9 million blank lines 8 s and 680 MB. The plan
# of most lines we know of has 1,358 (Zhanjiang's text, half of them blank); MAX_TEXT_CHARS in lines of 20 characters
# (a table's cells a line each) makes 100,000, read in some 2 s and 170 MB.
MAX_TEXT_LINES = 100_000
# Each number of a text may be a target, and each target costs time and memory to read (some 0.3 ms and 5 KB, far
# more than its characters): a line of 1.9 M characters in 95,000 short sentences, a target each, took 222 s and
# 813 MB. Ten times the plan of most numbers we know of (Shenzhen's land use, a PDF of tables: 2,810).
MAX_TEXT_NUMBERS = 30_000
# A heading marker run into a line (…完成。二、重点任务…, as a crawler stores a page) is read with the sentence before it,
# up to 2,000 characters (linebreaks._opens_paragraph: some 0.3 ms a marker): 900,000 一、 on one line ran past 300 s
# and 913 MB. The texts we know of run 120 at most into their lines (a flattened copy of Pingtan's transport standards).
MAX_RUN_IN_MARKERS = 5_000
# A planparse JSON file is read twice (as JSON, then as a plan's models), and each target, heading or responsibility
# read costs some 4-5 KB: a crafted file of 200,000 targets (80 MB, under MAX_FILE_BYTES) took compare 29 s and 1 GB,
# one of 120,000 headings 470 MB. The plans we know of hold at most 74 targets (Shenzhen's land use), 81 headings
# (Qingcheng) and 44 responsibilities (Guangzhou's talent plan); extraction writes at most a target a number.
MAX_PLAN_ENTRIES = MAX_TEXT_NUMBERS
_PLAN_LISTS = ("targets", "sections", "responsibilities")
# Every value of a JSON file read (a plan's, by compare, diff and report; a batch's manifest) costs memory twice, as
# JSON and as a model: a crafted plan of 2,000,000 one-cell table rows (4 million values, 14 MB) took compare 11 s and
# 706 MB, and a file under MAX_FILE_BYTES can hold 50 million. Counted with the names of objects' members: the plans we
# know of write at most 16,497 (Shenzhen's land use, 74 targets and 651 table rows), a plan of as many targets as
# extraction writes (MAX_TEXT_NUMBERS) 1,289,619.
MAX_JSON_VALUES = 2_000_000
# A table's every row and cell is a list or a string, held as a reader made it and read back from a plan's JSON twice
# (as JSON, then as a model): a plan JSON of 1,000,000 one-cell rows, within MAX_JSON_VALUES, took compare 381 MB. The
# plans we know of hold 651 rows at most (Shenzhen's land use, some ten cells each), a thirtieth of this.
MAX_TABLE_CELLS = 200_000
# A PDF page is drawn from objects (runs of text, paths, images; a form draws others), and reading
# costs time for each; the largest plan we know of draws 24,458 on its 92 pages. A file of kilobytes
# can draw one page's content on a thousand pages, or nest forms each drawing the next ten times.
MAX_PDF_OBJECTS = 1_000_000
# Each run of text a page's drawing shows (its operators Tj, TJ, ' and ") is an object PDFium holds once the page is
# loaded, with its glyphs: a page of 1,000,000 one-letter runs, 10 KB zipped, took 770 MB, most of it inside PDFium,
# before MAX_PDF_OBJECTS could be counted. Counted in each page's content streams before PDFium loads any; the plan of
# most objects we know of draws 24,458 on all its 92 pages.
MAX_PDF_PAGE_TEXTS = 100_000
# A PDF's streams (pages' drawings, fonts, images) are mostly zipped, and PDFium inflates each whole in
# memory: a 2 MB file inflating one page to 2 GB took 3.2 GB. The plans we know of inflate to 10 MB at most.
MAX_PDF_INFLATED_BYTES = 512 * 2**20
# Each page costs time to load even when it draws nothing new; the longest plan we know of has 92 pages,
# and a file of 18 MB can list 100,000 pages sharing one drawing.
MAX_PDF_PAGES = 5_000
# A PDF's numbered objects (5 0 obj … endobj: pages, fonts, drawings, images, and a tagged PDF's structure elements) are
# each found and indexed before PDFium loads the file (readers.pdf_streams, some 320 bytes and 2 µs each): a file of 85 MB
# holding 2,000,000 objects took 3 s and 980 MB in that index alone. A tagged PDF (Word's and WPS's "save as PDF") holds a
# structure element for each paragraph, table cell and span, tens of thousands in a long plan with its tables, which cost
# nothing else: a plan of 92 pages with 480,000 of them added read in 2.2 s and 315 MB.
MAX_PDF_INDIRECT_OBJECTS = 500_000
# Each stream of a PDF (a page's drawing, a form, a font, an image) is read to count what it inflates to and draws, and a
# form's drawing is followed wherever it is drawn: 1,000,000 small forms took 24 s and 860 MB, 100,000 of them 2.5 s. The
# plan of most we know of holds 460 objects in all (Shenzhen's land use); this is ten for each page of the longest PDF read
# (MAX_PDF_PAGES): its drawing, its images and their masks, a form or two.
MAX_PDF_STREAMS = 50_000
# libxml2's (web pages, a DOCX's parts): it stops at an element nested deeper, and the rest is lost.
MAX_XML_DEPTH = 256
# A web archive's page sits among its top parts, or one level down (an email's text and page in a multipart/alternative);
# a crafted one can nest thousands of multiparts.
MAX_ARCHIVE_DEPTH = 16
# libxml2's too: it stops at a longer run with no tag in it (a paragraph's text, a comment, a script, an attribute's
# value), and the rest is lost. A plan's longest paragraph has a few thousand characters.
MAX_XML_RUN_BYTES = 10_000_000

# in digits, with the Chinese place after them (1万 is one number), or in Chinese numerals before the word they
# count (十二所 is a target as 12所 is): not a heading's marker (（一）, 二、), which a text may hold on every line;
# 点 alone is 重点's, not a number. Something other than a number follows each: a text holds at most half its length.
_CN_NUMERALS = CN_NUMERAL_CHARS.replace("点", "")
_ANY_NUMBER = patterns.compile(rf"\d+[{_CN_NUMERALS}]*+|[{_CN_NUMERALS}]++(?=\p{{Han}})")
# What json.loads makes a value of: a string (a member's name too), a number, true, false, null, a list, an object
_JSON_VALUE = patterns.compile(rb'"(?:[^"\\]++|\\.)*+"|-?[0-9][0-9.eE+-]*+|true|false|null|[\[{]')
_ZIP_ENCRYPTED = 0x1  # a zip entry's general purpose flag: its bytes encrypted by the zip's own password
_RELATIONSHIP = patterns.compile(rb"<(?:[\w.-]+:)?Relationship[\s/>]")
# Found whole: no run of digits, nor of Chinese numerals, starts inside another. A longer run of numerals than any
# amount is written in costs the rules reading Chinese amounts time growing with its square (a run of 十二万三千…
# or 一二三… of 5,000 took 2 s, past which a rule is stopped and the plan refused as planparse's bug), and one of
# 零, 两 or 〇 is a value past what Python converts (4,300 digits: an internal error).
_LONG_NUMBER = patterns.compile(rf"\d{{{MAX_NUMBER_DIGITS + 1},}}|(?<![{_CN_NUMERALS}])[{_CN_NUMERALS}]{{{MAX_NUMBER_DIGITS + 1},}}")
# Whether there is such a run (not where it starts: no look behind), and a character one is made of
_LONG_RUN = patterns.compile(rf"\d{{{MAX_NUMBER_DIGITS + 1}}}|[{_CN_NUMERALS}]{{{MAX_NUMBER_DIGITS + 1}}}")
_NUMBER_CHAR = patterns.compile(rf"[\d{_CN_NUMERALS}]")
_SENTENCE = patterns.compile(r"[^。！？!?]+")  # as targets.py reads them
_CELL = patterns.compile(r"[^\t。！？!?]+")  # a table row's cells are read one by one (a flattened table's rows run together)


def size_text(count: int) -> str:
    return f"{count / 2**20:,.0f} MB" if count >= 2**20 else f"{count:,} bytes"


def read_limited(stream: BinaryIO, path: Path) -> bytes:
    """All of ``stream``, refused past the limit before it fills memory (``/dev/zero`` never ends). A file is asked for
    its size and a byte more, a stream with no size of its own for the limit and a byte more: each call allocates what
    it asks for, 100 MB for every document when every read asked for the limit (31 µs of CPU a plan, 4.7 by its size)."""
    stated = _stated_size(stream)
    data = stream.read(stated + 1) if stated <= MAX_FILE_BYTES else b""
    if len(data) > stated:  # a file that grew since it was measured: read on, up to the limit
        data += stream.read(MAX_FILE_BYTES - stated)
    if stated > MAX_FILE_BYTES or len(data) > MAX_FILE_BYTES:
        raise PlanparseError(path, f"the file has more than {size_text(MAX_FILE_BYTES)}; planparse reads files of at most {size_text(MAX_FILE_BYTES)}")
    return data


def _stated_size(stream: BinaryIO) -> int:
    """The size of the regular file ``stream`` reads; the limit for a pipe, a device or a stream of no file."""
    try:
        status = os.fstat(stream.fileno())
    except (OSError, ValueError):  # io.UnsupportedOperation is both
        return MAX_FILE_BYTES
    return status.st_size if stat.S_ISREG(status.st_mode) else MAX_FILE_BYTES


def check_docx_parts(path: Path, data: bytes, form: str = "DOCX") -> None:
    """Refuse a DOCX (or another ZIP of XML parts, ``form``: ODT, OFD, XLSX) whose parts would inflate past the limits,
    before any is parsed.

    The sizes come from the zip's directory, each checked against what its part inflates to (``_check_stated_size``):
    ``zipfile`` never returns more of a part than the size written there, but inflates all of it first.
    Only a part larger than MAX_XML_TAGS bytes can hold more tags: those alone are inflated, to count them.
    """
    import zipfile  # here: a text plan needs neither it nor the compressors it imports

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError):
        return  # the DOCX reader says what is wrong with it
    _check_parts_held_once(path, parts, form)
    for part in parts:
        if part.flag_bits & _ZIP_ENCRYPTED:  # zipfile's message, "password required", read as damage
            raise PlanparseError(path, f"{part.filename} is encrypted by a password set on the zip (no office program encrypts a {form} so, "
                                       f"and none opens it); unzip it with the password and zip its parts again without one")
        if part.file_size > MAX_DOCX_PART_BYTES:
            raise PlanparseError(path, f"{part.filename} inflates to {size_text(part.file_size)}; planparse reads {form} parts of at most {size_text(MAX_DOCX_PART_BYTES)}")
        _check_stated_size(path, data, part, form)
    total = sum(part.file_size for part in parts)
    if total > MAX_DOCX_TOTAL_BYTES:
        raise PlanparseError(path, f"the {form} inflates to {size_text(total)}; planparse reads {form} files of at most {size_text(MAX_DOCX_TOTAL_BYTES)} inflated")
    relationship_parts = [part for part in parts if part.filename.endswith(".rels")]
    if len(parts) - len(relationship_parts) > MAX_DOCX_PARTS:
        raise PlanparseError(path, f"the {form} has {len(parts) - len(relationship_parts):,} parts; planparse reads {form} files of at most {MAX_DOCX_PARTS:,}")
    _check_relationships(path, archive, relationship_parts)
    for part in parts:  # a tag takes a byte at least: a smaller part (every part of the plans we know of) is not inflated to count
        if part.file_size > MAX_XML_TAGS and part.filename.endswith((".xml", ".rels")) and _tags_past_limit(archive, part):
            raise PlanparseError(path, f"{part.filename} holds more than {MAX_XML_TAGS:,} tags; planparse reads {form} parts of at most {MAX_XML_TAGS:,}")


def _check_parts_held_once(path: Path, parts: list[ZipInfo], form: str) -> None:
    """Refuse a zip holding a part twice under one name: a package names each of its parts once (OPC's rule), no office
    program writes one, and readers take different copies. zipfile reads the last: a DOCX whose second
    word/document.xml held other words was read as those, where a reader taking the first shows the plan. Names are
    compared as OPC compares them (``part_name_key``): word/document.xml and WORD/Document.XML are one name (Word
    reads either), and a package unpacked where names are alike whatever their case (Windows, macOS) keeps one."""
    seen: dict[str, str] = {}
    for part in parts:
        folded = part_name_key(part.filename)
        if folded in seen and not part.is_dir():
            alike = "" if seen[folded] == part.filename else f", once as {seen[folded]}"
            raise PlanparseError(path, f"{part.filename} is held twice{alike} (no office program writes a part twice, and readers take "
                                       f"either copy); planparse reads {form} files holding each part once")
        seen[folded] = part.filename


# OPC compares part names as ASCII strings whatever their case: Straße.xml and STRASSE.xml are two names, where
# str.casefold makes them one (and the Kelvin sign a K)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def part_name_key(name: str) -> str:
    """A package part's name as OPC compares names: WORD/Document.XML is word/document.xml."""
    return name.translate(_ASCII_LOWER)


def _check_stated_size(path: Path, data: bytes, part: ZipInfo, form: str) -> None:
    """Refuse a part that inflates to more than the zip's directory states, or that is compressed as no office program
    writes (bzip2, LZMA: zipfile inflates each read of them whole). ``zipfile`` inflates all of a deflated part at
    once before cutting it at the stated size: an ODT of 1.5 MB whose directory stated 1,000 bytes for a part
    inflating to 800 MB took 1.7 GB of memory and 17 s before it was found damaged. Inflated here a byte past the
    stated size at most, from the part's bytes in the file (after its local header, whose name and extra field it
    measures)."""
    import zipfile
    import zlib

    if part.compress_type == zipfile.ZIP_STORED:
        return
    if part.compress_type != zipfile.ZIP_DEFLATED:
        raise PlanparseError(path, f"{part.filename} is compressed as no {form} writer compresses (method {part.compress_type}); planparse reads parts stored or deflated")
    header = part.header_offset
    start = header + 30 + int.from_bytes(data[header + 26:header + 28], "little") + int.from_bytes(data[header + 28:header + 30], "little")
    try:
        inflated = zlib.decompressobj(-zlib.MAX_WBITS).decompress(memoryview(data)[start:start + part.compress_size], part.file_size + 1)
    except zlib.error:
        return  # damaged: the reader says what is wrong
    if len(inflated) > part.file_size:
        raise PlanparseError(path, f"{part.filename} inflates to more than the {part.file_size:,} bytes the {form}'s directory states (a zip bomb); "
                                   f"planparse reads {form} files whose parts are as large as they say")


def _check_relationships(path: Path, archive: ZipFile, relationship_parts: list[ZipInfo]) -> None:
    """Counted in the relationship parts (``*.rels``) as they are, before python-docx reads them."""
    try:
        count = sum(len(_RELATIONSHIP.findall(archive.read(part))) for part in relationship_parts)
    except Exception:  # zipfile and zlib each raise their own kind on a damaged part: the DOCX reader says what is wrong
        return
    if count > MAX_DOCX_RELATIONSHIPS:
        raise PlanparseError(path, f"the DOCX has {count:,} relationships between its parts; planparse reads DOCX files of at most {MAX_DOCX_RELATIONSHIPS:,}")


def _tags_past_limit(archive: ZipFile, part: ZipInfo) -> bool:
    """Whether ``part`` holds more tags than the limit, counted as it inflates (a megabyte at a time)."""
    tags = 0
    try:
        with archive.open(part) as stream:
            while tags <= MAX_XML_TAGS and (chunk := stream.read(2**20)):
                tags += chunk.count(b"<")
    except Exception:  # zipfile and zlib each raise their own kind on a damaged part: the reader says what is wrong
        return False
    return tags > MAX_XML_TAGS


def xml_limit_problem(error: Exception, kind: str) -> str | None:
    """What is wrong with a part of a ``kind`` of file (DOCX, ODT) that libxml2 stopped reading at one of its limits
    (``error``, an lxml ``XMLSyntaxError``): it is whole, not damaged. None for a part that is damaged."""
    from lxml import etree  # here: a text plan needs no XML parser

    message = str(error)
    if "amplification" in message:
        return f"entities that expand past what the parser allows (an XML bomb); planparse reads {kind} parts whose entities expand at most fivefold"
    if getattr(error, "code", None) != etree.ErrorTypes.ERR_RESOURCE_LIMIT and "too big" not in message:  # a comment's limit has a code of its own
        return None
    if "depth" in message:
        return f"elements nested more than {MAX_XML_DEPTH} deep; planparse reads {kind} parts nested at most {MAX_XML_DEPTH} deep"
    return (f"a run of more than {MAX_XML_RUN_BYTES:,} bytes with no tag in it (text, a comment or an attribute's value); "
            f"planparse reads {kind} parts whose runs are at most {MAX_XML_RUN_BYTES:,} bytes")


def check_text_size(path: Path, total: int) -> None:
    """Refuse more text than any plan holds (``total`` characters), as soon as it is read: the stages after (a web
    site's lines blanked, line breaks restored, the text normalised) each work over all of it, and a file of 65 MB
    of text on one line ran past ten minutes in them before its size was counted."""
    if total > MAX_TEXT_CHARS:
        raise PlanparseError(path, f"the text has {total:,} characters; planparse reads documents of at most {MAX_TEXT_CHARS:,}")


def check_line_count(path: Path, count: int) -> None:
    """Refuse more lines than any plan holds (``count``, blank ones too), as soon as a reader has split them."""
    if count > MAX_TEXT_LINES:
        raise too_many_lines(path, f"{count:,}")


def too_many_lines(path: Path, count: str, parted: str = "") -> PlanparseError:
    """The refusal of a text of ``count`` lines, ``parted`` saying what parted them where the file's own breaks did not."""
    return PlanparseError(path, f"the text has {count} lines{parted}; planparse reads documents of at most {MAX_TEXT_LINES:,}")


class LinesPastLimit(Exception):
    """More lines than MAX_TEXT_LINES met by a reader that meets a document's paragraphs and table rows one by one
    (readers.cells.Blocks: RTF, Word 97, ODT, XLSX), raised as soon as found, before a file of 100 MB of short paragraphs
    fills memory with them (a 48 MB RTF of 8 million took 21 s and 1 GB); read_document names the file."""


class MarkersPastLimit(Exception):
    """More heading markers inside a text's lines than MAX_RUN_IN_MARKERS, the last found in the line ``index`` (of
    those a reader returned): raised as soon as found, before any is read."""

    def __init__(self, index: int):
        super().__init__(index)
        self.index = index

    def in_document(self, path: Path, lines: list[SourceLine]) -> PlanparseError:
        """The same refusal naming the document and the line."""
        return PlanparseError(path, f"line {lines[self.index].line}: more than {MAX_RUN_IN_MARKERS:,} heading numbers (一、, （二）, "
                                    f"3.) inside lines; planparse reads documents of at most {MAX_RUN_IN_MARKERS:,}")


def check_text(path: Path, paragraphs: list[Paragraph]) -> None:
    """Refuse text no plan holds: a number too long to be an amount, a sentence too long to read, more numbers
    than a document's targets are read from."""
    long_number = _first_long_number(paragraphs)
    for paragraph in paragraphs[: long_number[0] if long_number else len(paragraphs)]:
        text = paragraph.text
        # More numbers than the limit take twice as many characters (1、2、…, 二所三所…)
        if len(text) > MAX_SENTENCE_CHARS or (len(text) > 2 * MAX_SENTENCE_NUMBERS and len(_ANY_NUMBER.findall(text)) > MAX_SENTENCE_NUMBERS):
            _check_sentences(path, paragraph)  # else no sentence of it can cross a limit
    if long_number:
        index, number = long_number
        kind = "digits" if number.group()[0].isdigit() else "Chinese numerals"
        raise _text_error(path, paragraphs[index], number.start(), f"a number of {len(number.group()):,} {kind}; planparse reads numbers of at most {MAX_NUMBER_DIGITS} {kind}")
    _check_number_count(path, paragraphs)


def _check_number_count(path: Path, paragraphs: list[Paragraph]) -> None:
    """Refuse a text of more numbers than the limit. A shorter text than twice the limit cannot hold more (something
    else follows each number: _ANY_NUMBER) and is not searched: every plan we know of. The count stops past the limit."""
    if sum(len(paragraph.text) + 1 for paragraph in paragraphs) <= 2 * MAX_TEXT_NUMBERS:
        return
    numbers = chain.from_iterable(_ANY_NUMBER.finditer(paragraph.text) for paragraph in paragraphs)
    if sum(1 for _ in islice(numbers, MAX_TEXT_NUMBERS + 1)) > MAX_TEXT_NUMBERS:
        raise PlanparseError(path, f"the text has more than {MAX_TEXT_NUMBERS:,} numbers; planparse reads documents of at most {MAX_TEXT_NUMBERS:,}")


def check_plan_entries(path: Path, content: dict) -> None:
    """Refuse a plan's JSON (``content``, as json.loads read it) holding more targets, headings (nested ones
    counted) or responsibilities, or table rows and cells, than the limits, before its models are built."""
    for name in _PLAN_LISTS:
        if _entries(content.get(name)) > MAX_PLAN_ENTRIES:
            raise PlanparseError(path, f"a plan of more than {MAX_PLAN_ENTRIES:,} {name}; planparse reads plans of at most {MAX_PLAN_ENTRIES:,} of each")
    tables = content.get("tables")
    check_table_cells(path, ((table.get("header"), table.get("rows")) for table in tables if isinstance(table, dict)) if isinstance(tables, list) else ())


def check_table_cells(path: Path, tables: Iterable[tuple[object, object]]) -> None:
    """Refuse tables (each its header and rows) of more rows and cells than the limit, as a reader found them or as a
    plan's JSON holds them (before its models are built); a row of no cell still costs a list."""
    cells = 0
    for header, rows in tables:
        cells += len(header) if isinstance(header, list) else 0
        cells += sum(max(1, len(row)) if isinstance(row, list) else 1 for row in rows) if isinstance(rows, list) else 0
        if cells > MAX_TABLE_CELLS:
            raise too_many_table_cells(path)


def too_many_table_cells(path: Path) -> PlanparseError:
    return PlanparseError(path, f"tables of more than {MAX_TABLE_CELLS:,} rows and cells; planparse reads plans whose tables hold "
                                f"at most {MAX_TABLE_CELLS:,}")


def check_json_values(path: Path, data: bytes) -> None:
    """Refuse a JSON file (``data``) of more values than the limit, before it is parsed."""
    if json_values_past(data, MAX_JSON_VALUES):
        raise PlanparseError(path, f"the JSON holds more than {MAX_JSON_VALUES:,} values; planparse reads JSON files of at "
                                   f"most {MAX_JSON_VALUES:,} (strings, numbers, lists and objects, and the names in objects)")


def json_values_past(data: bytes, most: int) -> bool:
    """Whether the JSON text ``data`` holds more than ``most`` values (the names of objects' members counted), counted up
    to just past it. A string takes two quotes, and any other value but the whole is an item of a list or an object,
    followed by a comma or is its last; a file of fewer quotes, commas and brackets than would hold more is not searched
    (every plan's)."""
    if data.count(b'"') // 2 + data.count(b",") + 2 * (data.count(b"[") + data.count(b"{")) < most:
        return False
    return _JSON_VALUE.subn(b"", data, count=most + 1)[1] > most  # regex's subn counts in C, and keeps only what is left


def _entries(listed: object) -> int:
    """How many entries ``listed`` holds, with their children's (a section's), counted up to just past the limit."""
    count, pending = 0, [listed]
    while pending and count <= MAX_PLAN_ENTRIES:
        entries = pending.pop()
        if isinstance(entries, list):
            count += len(entries)
            pending += [entry["children"] for entry in entries if isinstance(entry, dict) and "children" in entry]
    return count


def _first_long_number(paragraphs: list[Paragraph]) -> tuple[int, regex.Match] | None:
    """The first paragraph with a number too long, and the number in it: one search over the paragraphs
    joined (a line break ends a run of digits), a paragraph searched alone only when it has one."""
    if not _holds_long_run("\n".join(paragraph.text for paragraph in paragraphs)):
        return None
    return next((index, number) for index, paragraph in enumerate(paragraphs) if (number := _LONG_NUMBER.search(paragraph.text)))


def _holds_long_run(text: str) -> bool:
    """Whether ``text`` holds a run of digits or of Chinese numerals longer than MAX_NUMBER_DIGITS. Such a run covers
    one of every MAX_NUMBER_DIGITS + 1 places, so only the stretches around those of them holding a digit or a numeral
    are searched: the whole text searched for a run took 2% of an extraction, tried at each of its places."""
    step = MAX_NUMBER_DIGITS + 1
    return any(_LONG_RUN.search(text, max(0, place - step + 1), place + step)
               for place in (step * found.start() + step - 1 for found in _NUMBER_CHAR.finditer(text[step - 1::step])))


def _check_sentences(path: Path, paragraph: Paragraph) -> None:
    """Refuse a sentence of ``paragraph`` too long, or with too many numbers, to read."""
    for sentence in (_CELL if paragraph.in_table else _SENTENCE).finditer(paragraph.text):
        if len(sentence.group()) > MAX_SENTENCE_CHARS:
            raise _text_error(path, paragraph, sentence.start(), f"a sentence of {len(sentence.group()):,} characters; planparse reads sentences of at most {MAX_SENTENCE_CHARS:,}")
        numbers = len(_ANY_NUMBER.findall(sentence.group()))
        if numbers > MAX_SENTENCE_NUMBERS:
            raise _text_error(path, paragraph, sentence.start(), f"a sentence with {numbers:,} numbers; planparse reads sentences of at most {MAX_SENTENCE_NUMBERS}")


def _text_error(path: Path, paragraph: Paragraph, offset: int, problem: str) -> PlanparseError:
    line, _page = paragraph.position(offset)
    return PlanparseError(path, f"line {line}: {problem}")
