"""What a PDF's streams inflate to, counted before PDFium or pdfminer inflates one.

A PDF stores each page's drawing, its fonts and its images as streams, most of
them zipped (FlateDecode): a file of 2 MB can hold a page that inflates to
2 GB, which PDFium holds whole in memory (3.2 GB for that one), and the limit on
a file's size bounds nothing (100 MB zipped at a thousand to one is 100 GB).
Each stream is inflated here once more, its output counted and thrown away,
until the document's total crosses the limit.

A stream is found by its ``stream`` keyword and decoded through the filters
its dictionary names (Flate, LZW, run-length, ASCII hex and 85, as PDF
applies them), written there or in the object it refers to (``/Filter 7 0 R``,
which PDFium follows). The filters are the dictionary's own entry, as PDFium
reads it: the last ``/Filter`` key of the dictionary itself, not one inside a
string or a dictionary within it, and names with their ``#`` escapes read
(``/Fl#61teDecode`` is Flate). Each decoder works a chunk at a time, so that
decoding a stream holds no more than a chunk of what a filter before it made. A zipped stream is inflated from where it starts to
where the zip data itself ends, not to an ``endstream`` or a ``/Length`` that
could lie. Where the filters cannot be found (their object is inside a
compressed object stream), each reading PDFium could make of the stream is
counted, and the largest kept. Images are counted too: a stream called an image
can be drawn as a page. An encrypted stream is decrypted first
(``pdf_encryption``); read as written too, since PDFium reads a cross-reference
stream, never encrypted, so.
"""
from __future__ import annotations

import base64
import binascii
import bisect
import io
import logging
import re
import zlib
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple

import regex

from .. import patterns
from ..errors import PlanparseError
from ..limits import MAX_PDF_INDIRECT_OBJECTS, MAX_PDF_INFLATED_BYTES, MAX_PDF_OBJECTS, MAX_PDF_PAGE_TEXTS, MAX_PDF_STREAMS, size_text
from .pdf_encryption import StreamDecrypter, stream_decrypter

_STREAM = patterns.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
# Searched from the end: its one literal, ``obj``, then comes first, and the search skips to each (50 times faster)
_OBJECT = patterns.compile(rb"(?r)(?<!\d)(\d+)\s+(\d+)\s+obj\b")
_FILTER_VALUE = patterns.compile(rb"\s*(\[[^\]]*\]|/[^\s/\[\]<>()]+|\d+\s+\d+\s+R\b)")
_FILTER_NAME = patterns.compile(rb"/([^\s/\[\]<>()]+)")
_NAME_ESCAPE = patterns.compile(rb"#([0-9A-Fa-f]{2})")
# What a dictionary's text holds besides its keys, each skipped whole (a hex string, a comment), what opens or closes a
# dictionary within it or a string, and the key looked for; inside a string, what opens or closes a string within it (they
# nest) and an escape, which is neither.
_DICTIONARY_TOKEN = patterns.compile(rb"\(|<<|>>|<[^<>]*>|%[^\r\n]*|/Filter(?![^\s/\[\]<>(){}%])")
_STRING_TOKEN = patterns.compile(rb"(?s)\\.|\(|\)")
_REFERENCE = patterns.compile(rb"(\d+)\s+(\d+)\s+R\b")
# The operators showing a run of text, white space taken out: Tj, TJ, and ' and " after the string they show
_TEXT_SHOWING = (b"Tj", b"TJ", b")'", b">'", b')"', b'>"')
_WHITE_SPACE = b"\x00\t\n\x0c\r "
# The operators drawing an object of their own besides runs of text and XObjects, between spaces once every delimiter is
# made one: a path painted (stroked, filled or both; a path ended unpainted, n, draws nothing), an inline image, a shading.
# In Python's re: twice as fast as counting each operator in C, 5 ms for each megabyte of drawing.
_OTHER_OBJECTS = re.compile(rb" (?:[SsfFBb]\*?|BI|sh)(?= )")
_DELIMITERS_AS_SPACE = bytes.maketrans(_WHITE_SPACE + b"()<>[]{}/%", b" " * (len(_WHITE_SPACE) + 10))
# a stream's dictionary entries that no page's drawing has: an image's, a form's or a font program's /Subtype, a font
# file's /Length1, an object stream's or metadata's /Type (their runs of text are not counted: no page shows them as such)
_NOT_A_DRAWING = patterns.compile(rb"/(?:Subtype|Length[123]|Type)(?![^\s/\[\]<>(){}%])")
_GAP = rb"(?:\s|%[^\r\n]*)*"  # white space and comments, which may stand between a PDF's tokens
_NAME = rb"/([^\s/\[\]<>(){}%]+)"
_OPERATOR_END = rb"(?![^\s/\[\]<>(){}%])"
# A drawing's use of an XObject by its name (/Fm0 Do), and the names a resource dictionary gives them (/XObject<</Fm0 5 0 R>>,
# or the dictionary as an object of its own). The uses are sought in Python's re, with white space alone between: over the
# megabytes of an image read as a drawing (where the pages' contents are out of sight) the regex module took three times
# as long: a real PDF's check took 37 ms with it, 18 with re, 12 before the uses were counted.
_XOBJECT_DRAWN = re.compile(_NAME + rb"\s*Do" + _OPERATOR_END)
_NAMED_REFERENCE = patterns.compile(_NAME + _GAP + rb"(\d+)\s+(\d+)\s+R\b")


def _name(word: bytes) -> bytes:
    """A pattern of the PDF name /``word``, any of its characters perhaps written as a # escape (/Cont#65nts)."""
    return b"/" + b"".join(b"(?:%s|#(?i:%02x))" % (regex.escape(bytes([char])), char) for char in word) + rb"(?![^\s/\[\]<>(){}%])"


_XOBJECT_NAMES = patterns.compile(_name(b"XObject") + _GAP + rb"(<<[^<>]*>>|\d+\s+\d+\s+R\b)")
_GLYPH_PROCEDURES = patterns.compile(_name(b"CharProcs") + _GAP + rb"(<<[^<>]*>>|\d+\s+\d+\s+R\b)")
_RESOURCES_REFERENCE = patterns.compile(_name(b"Resources") + _GAP + rb"(\d+)\s+(\d+)\s+R\b")
# a page's /Contents: a stream, or a list of them written there or as an object of its own
_CONTENTS = patterns.compile(_name(b"Contents") + _GAP + rb"(\[(?:[^\]%]|%[^\r\n]*)*\]|\d+\s+\d+\s+R\b)")  # a comment may hold ]
_OBJECT_STREAM = patterns.compile(_name(b"ObjStm"))
_FORM = patterns.compile(_name(b"Subtype") + _GAP + _name(b"Form"))  # a form XObject: a drawing a page draws by its name
END_OF_OBJECT = b"endobj"
# An object's opening, read no further than this: it holds a filter's name or list, or a page's /Type, which stands
# before its content streams
OBJECT_OPENING_BYTES = 4096
_LENGTH = patterns.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
_ENDSTREAM = patterns.compile(rb"\s*endstream")
_CHUNK = 2**20  # bytes of output decoded at a time
_PIECE = 2**16  # bytes of input


class PdfObjects:
    """Where each object of the file starts, found in one pass (``headers``, in the order the file holds them): a
    stream's dictionary runs from its object's start to its ``stream`` keyword, and a filter written elsewhere is
    looked up by its object's number."""

    def __init__(self, data: bytes):
        self.data = data
        # found from the end, up to just past the limit (check_pdf_streams refuses a file of more)
        self.headers = list(islice(_OBJECT.finditer(data), MAX_PDF_INDIRECT_OBJECTS + 1))[::-1]
        self.starts = [header.start() for header in self.headers]
        self.by_number = {(int(header[1]), int(header[2])): header for header in self.headers}  # a later update wins

    def enclosing(self, offset: int) -> regex.Match | None:
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.headers[index] if index >= 0 else None

    def body(self, number: int, generation: int) -> bytes | None:
        header = self.by_number.get((number, generation))
        return None if header is None else self.opening(header)

    def whole(self, number: int, generation: int) -> bytes | None:
        """What the object holds up to its ``endobj``, read no further than where the next object starts."""
        header = self.by_number.get((number, generation))
        if header is None:
            return None
        index = bisect.bisect_right(self.starts, header.start())
        end = self.starts[index] if index < len(self.starts) else len(self.data)
        return self.data[header.end():end].split(END_OF_OBJECT, 1)[0]

    def opening(self, header: regex.Match) -> bytes:
        """What the object ``header`` starts holds up to its ``endobj``, ``OBJECT_OPENING_BYTES`` at most."""
        return self.data[header.end():header.end() + OBJECT_OPENING_BYTES].split(END_OF_OBJECT, 1)[0]


class _Stream(NamedTuple):
    dictionary: bytes
    start: int  # where its data starts
    object_id: tuple[int, int] | None  # number and generation, the key of its encryption


class PagesPastLimits(NamedTuple):
    """The pages of a PDF of ``count`` (as pdfminer walks its page tree) that draw past a limit, by number from 1, each
    with its problem: left unloaded, the others read (a map exported from GIS draws a path per parcel or pipe). And the
    pages that repeat an earlier one (``repeats``: its dictionary, the drawing it names and its resources, the earlier
    page's number), read as that page is, not drawn again: a file of kilobytes can name one drawing on a thousand pages."""
    count: int
    problems: dict[int, str]
    repeats: dict[int, int] = {}


NO_PAGE_PAST_LIMITS = PagesPastLimits(0, {})


def check_pdf_streams(path: Path, data: bytes) -> PagesPastLimits:
    """Refuse a PDF of more numbered objects than ``MAX_PDF_INDIRECT_OBJECTS`` or more streams than ``MAX_PDF_STREAMS``,
    whose streams inflate to more than ``MAX_PDF_INFLATED_BYTES`` together, or whose Type 3 glyphs draw more than
    ``MAX_PDF_OBJECTS`` objects; the pages that show more than ``MAX_PDF_PAGE_TEXTS`` runs of text or draw more objects
    than are left of ``MAX_PDF_OBJECTS`` (_pages_past_limits)."""
    budget = MAX_PDF_INFLATED_BYTES
    decrypter = stream_decrypter(path, data)
    objects = PdfObjects(data)
    if len(objects.headers) > MAX_PDF_INDIRECT_OBJECTS:
        raise PlanparseError(path, f"the PDF holds more than {MAX_PDF_INDIRECT_OBJECTS:,} objects (5 0 obj … endobj); planparse reads "
                                   f"PDFs of at most {MAX_PDF_INDIRECT_OBJECTS:,}")
    held = object_streams(data, objects, decrypter)
    drawn = None if held is None else _page_drawings(data, objects, held.objects)
    previous_end = 0
    drawings: dict[int, _Drawing] = {}  # what each stream object's drawing shows and draws itself, by its number
    for count, keyword in enumerate(_STREAM.finditer(data), 1):
        if count > MAX_PDF_STREAMS:
            raise PlanparseError(path, f"the PDF holds more than {MAX_PDF_STREAMS:,} streams (drawings, forms, fonts, images); "
                                       f"planparse reads PDFs of at most {MAX_PDF_STREAMS:,}")
        header = objects.enclosing(keyword.start())
        opening = max(header.end() if header else 0, previous_end)  # a dictionary never spans an earlier stream's keyword
        stream = _Stream(data[opening:keyword.start()], keyword.end(), (int(header[1]), int(header[2])) if header else None)
        previous_end = keyword.end()
        # a dictionary's keys are the file author's to write: a stream a page names is its drawing whatever they say
        form = _FORM.search(stream.dictionary) is not None
        drawing = (drawn is None or bool(stream.object_id and stream.object_id[0] in drawn)
                   or form or _NOT_A_DRAWING.search(stream.dictionary) is None)
        chains = _filter_chains(stream.dictionary, objects, drawing)
        if held and not drawing and chains == [[b"FlateDecode"]] and stream.start in held.sizes:
            # an object stream, inflated once already (decrypted: only a cross-reference stream is read as written)
            reading = _Reading(held.sizes[stream.start], _NOTHING_SHOWN, {})
        else:
            reading = _largest_reading(data, stream, chains, decrypter, budget, drawing)
        budget -= reading.size
        if budget < 0:
            raise PlanparseError(path, f"its streams inflate to more than {size_text(MAX_PDF_INFLATED_BYTES)}; "
                                       f"planparse reads PDFs whose streams inflate to at most {size_text(MAX_PDF_INFLATED_BYTES)}")
        if (reading.shown.objects or reading.xobjects) and stream.object_id:
            own = _own_xobjects(stream.dictionary, objects, held) if form else None
            drawings[stream.object_id[0]] = _Drawing(reading.shown, reading.xobjects, own).joined(drawings.get(stream.object_id[0]))
    forms = _FormsDrawn(drawings, _xobjects_named(data, objects, held) if any(d.uses for d in drawings.values()) else {})
    # what each stream a page names shows as its drawing (each where they are out of sight): no page shows more than all
    # of them together, as no plan's does
    shown = {number: forms.page_shown(number) for number in drawings if drawn is None or number in drawn}
    # PDFium parses each glyph of a Type 3 font once, however often it is shown, and keeps what it draws
    glyphs = _Shown.total(forms.page_shown(number) for number in _glyph_drawings(data, objects, held) if number in drawings)
    if glyphs.objects > MAX_PDF_OBJECTS:
        raise too_many_objects(path, "the glyphs of its Type 3 fonts: ")
    if _past_a_limit(_Shown.total(shown.values())) or _drawing_named_twice(data, objects, held):
        return _pages_past_limits(path, data, shown)
    return NO_PAGE_PAST_LIMITS


class _Shown(NamedTuple):
    """What a drawing shows: runs of text, and objects (runs of text, paths, images, shadings and XObjects drawn)."""
    texts: int
    objects: int

    @staticmethod
    def total(shown: Iterable[_Shown]) -> _Shown:
        counts = list(shown)
        return _Shown(sum(count.texts for count in counts), sum(count.objects for count in counts))


_NOTHING_SHOWN = _Shown(0, 0)


def _past_a_limit(shown: _Shown) -> bool:
    return shown.texts > MAX_PDF_PAGE_TEXTS or shown.objects > MAX_PDF_OBJECTS


class _Drawing(NamedTuple):
    """What a stream object's drawing shows and draws itself."""
    shown: _Shown  # but the XObjects it draws
    uses: dict[bytes, int]  # the XObjects it draws, how often, by name
    names: dict[bytes, int] | None  # the XObjects a form's own resources name, by name; None where it names none

    def joined(self, earlier: _Drawing | None) -> _Drawing:
        """This and an object of the same number earlier in the file (an update) counted as one: PDFium draws one of
        them, the count holds both."""
        if earlier is None:
            return self
        uses = dict(earlier.uses)
        for name, count in self.uses.items():
            uses[name] = uses.get(name, 0) + count
        shown = _Shown.total([earlier.shown, self.shown])
        return _Drawing(shown, uses, self.names if self.names is not None else earlier.names)


# PDFium parses a form drawn in a form drawn in a form… this many deep, a form that draws itself too, then draws no more
_FORM_LEVELS = 40
_COUNT_CAP = 2**62  # past every limit: counts of forms nested forty deep would run to numbers of forty digits
# The most counts kept (of a form drawing forms at so many levels left), some 50 MB: past it, a page counts as drawing
# more than any limit. A plan's PDF draws a few forms a page, a level or two deep; a file of 8 MB could hold 100,000
# forms, each drawing a name no resource dictionary gives, and ask for 4 million.
_MOST_COUNTED = 200_000
_PAST_EVERY_LIMIT = _Shown(_COUNT_CAP, _COUNT_CAP)
_Node = int | bytes | None  # a stream object; a name as the page's resources give it; any drawing, for a name none gives


class _FormsDrawn:
    """What each drawing shows with the forms it draws, each as often as it draws it, and forms in those forms
    (PDFium parses a form again for each use: a page drawing a form 100 times that draws another 100 times, of 1,000 runs
    of text, a file of 1 KB, held 2.8 GB when it aborted). A form's name is the object its own resources give it; a
    page's, or a form's that has no /XObject resources of its own (PDFium looks in the page's), the object of most any
    resource dictionary of the file gives that name (``named``), or any drawing where none does (its dictionary may be
    out of sight). Each count is kept by object and levels left: a form may draw itself."""

    def __init__(self, drawings: dict[int, _Drawing], named: dict[bytes, set[int]]):
        self.drawings = drawings
        self.named = named
        self.counted: dict[tuple[_Node, int], _Shown] = {}

    def page_shown(self, number: int) -> _Shown:
        """What a stream shows as a page's drawing, its names the page's."""
        drawing = self.drawings[number]
        return self._with_uses(drawing._replace(names=None), _FORM_LEVELS)

    def shown(self, node: _Node, levels: int) -> _Shown:
        drawing = self.drawings.get(node) if isinstance(node, int) else None
        if isinstance(node, int) and not (drawing and drawing.uses):
            return drawing.shown if drawing else _NOTHING_SHOWN
        key = (node, levels)
        if key not in self.counted:
            if len(self.counted) >= _MOST_COUNTED:
                return _PAST_EVERY_LIMIT
            self.counted[key] = self._with_uses(drawing, levels) if drawing else self._largest(node, levels)
        return self.counted[key]

    def _largest(self, name: bytes | None, levels: int) -> _Shown:
        """What the object of most the resources give ``name`` shows (any drawing's, for None)."""
        texts = objects = 0
        for number in self.drawings if name is None else self.named[name]:
            shown = self.shown(number, levels)
            texts, objects = max(texts, shown.texts), max(objects, shown.objects)
            if shown == _PAST_EVERY_LIMIT:
                break
        return _Shown(texts, objects)

    def _with_uses(self, drawing: _Drawing, levels: int) -> _Shown:
        texts, objects = drawing.shown
        for name, uses in drawing.uses.items():
            inner = self.shown(self._drawn(drawing, name), levels - 1) if levels else _NOTHING_SHOWN
            texts, objects = texts + uses * inner.texts, objects + uses * (1 + inner.objects)
        return _Shown(min(texts, _COUNT_CAP), min(objects, _COUNT_CAP))

    def _drawn(self, drawing: _Drawing, name: bytes) -> _Node:
        """What a drawing's use of a name draws."""
        if drawing.names is not None:
            return drawing.names.get(name, -1)  # -1: nothing (PDFium draws nothing there)
        return name if name in self.named else None


def _own_xobjects(dictionary: bytes, objects: PdfObjects, held: ObjectStreams | None) -> dict[bytes, int] | None:
    """The XObjects a form's own resources name, by name: in its dictionary, or in the object its /Resources refers to;
    None where it names none."""
    found = _XOBJECT_NAMES.search(dictionary)
    if found is None and (resources := _RESOURCES_REFERENCE.search(dictionary)):
        found = _XOBJECT_NAMES.search(_object_text(objects, held, resources) or b"")
    return None if found is None else _names_given(found[1], objects, held)


def _xobjects_named(data: bytes, objects: PdfObjects, held: ObjectStreams | None) -> dict[bytes, set[int]]:
    """The objects each name is given by any resource dictionary of the file, in its text or its object streams."""
    named: dict[bytes, set[int]] = {}
    for text in [data, *(held.objects.values() if held else ())]:
        for resources in _XOBJECT_NAMES.finditer(text):
            for name, number in _names_given(resources[1], objects, held).items():
                named.setdefault(name, set()).add(number)
    return named


def _glyph_drawings(data: bytes, objects: PdfObjects, held: ObjectStreams | None) -> set[int]:
    """The streams drawing the glyphs of the file's Type 3 fonts (their /CharProcs), in its text or object streams."""
    return {number for text in [data, *(held.objects.values() if held else ())] for glyphs in _GLYPH_PROCEDURES.finditer(text)
            for number in _names_given(glyphs[1], objects, held).values()}


def _names_given(names: bytes, objects: PdfObjects, held: ObjectStreams | None) -> dict[bytes, int]:
    """The objects an /XObject dictionary (``names``, or the object it refers to) gives each name."""
    if not names.startswith(b"<<"):
        names = _object_text(objects, held, _REFERENCE.match(names)) or b""
    return {_unescaped(named[1]): int(named[2]) for named in _NAMED_REFERENCE.finditer(names)}


def _object_text(objects: PdfObjects, held: ObjectStreams | None, reference: regex.Match) -> bytes | None:
    """The object a reference (its number and generation, groups 1 and 2) refers to, in the file's text or its object
    streams."""
    number, generation = int(reference[1]), int(reference[2])
    text = objects.whole(number, generation)
    return held.objects.get(number) if text is None and held else text


def _unescaped(name: bytes) -> bytes:
    """A PDF name as PDFium reads it: /F#6d0 is /Fm0."""
    return _NAME_ESCAPE.sub(lambda code: bytes.fromhex(code[1].decode()), name) if b"#" in name else name


def _page_drawings(data: bytes, objects: PdfObjects, held: dict[int, bytes]) -> frozenset[int]:
    """The numbers of the objects the pages name as their /Contents (through a list written as an object of its own
    too), read in the file's text and in its object streams (``held``)."""
    named: set[int] = set()
    read: set[int] = set()  # each object read once, however many pages name it
    for text in [data, *held.values()]:
        for contents in _CONTENTS.finditer(text):
            for reference in _REFERENCE.finditer(contents[1]):
                number = int(reference[1])
                named.add(number)
                if number not in read:
                    read.add(number)
                    listed = _list_object(objects, held, (number, int(reference[2])))
                    named.update(int(inner[1]) for inner in _REFERENCE.finditer(listed or b""))
    return frozenset(named)


_LIST_OPENING = patterns.compile(_GAP + rb"\[")


def _list_object(objects: PdfObjects, held: dict[int, bytes], number: tuple[int, int]) -> bytes | None:
    """The object ``number`` when it is a list (of a page's content streams), in the file's text or an object stream;
    a stream (a page's one drawing) is not read past its opening."""
    header = objects.by_number.get(number)
    if header is not None:
        return objects.whole(*number) if _LIST_OPENING.match(objects.data, header.end()) else None
    body = held.get(number[0], b"")
    return body if _LIST_OPENING.match(body) else None


_OBJECT_STREAM_BYTES = 64 * 2**20  # the most of object streams inflated to find the pages' contents; past it, none is
_OBJECT_STREAM_FIELD = patterns.compile(rb"/(N|First)\s+(\d+)")


class ObjectStreams(NamedTuple):
    """What the file's object streams hold, read once."""
    objects: dict[int, bytes]  # by number (a later one wins, as a later update does)
    sizes: dict[int, int]  # what each stream inflates to, by where its data starts


def object_streams(data: bytes, objects: PdfObjects, decrypter: StreamDecrypter | None = None) -> ObjectStreams | None:
    """The file's object streams read (decrypted by ``decrypter`` where the file is encrypted); None when one of them is
    not zipped or not read whole (past ``_OBJECT_STREAM_BYTES`` in all, or holding more objects with the file's own than
    MAX_PDF_INDIRECT_OBJECTS: 3,000,000 in 51 MB took 3.7 s and 950 MB). This reading finds the pages' /Contents and the
    names of their XObjects in them."""
    found: dict[int, bytes] = {}
    sizes: dict[int, int] = {}
    left, held = _OBJECT_STREAM_BYTES, len(objects.headers)
    for marked in _OBJECT_STREAM.finditer(data):
        header, keyword = objects.enclosing(marked.start()), _STREAM.search(data, marked.end())
        if header is None or keyword is None:
            return None
        dictionary = data[header.end():keyword.start()]
        fields = {name: int(value) for name, value in _OBJECT_STREAM_FIELD.findall(dictionary)}
        if _filter_chains(dictionary, objects, drawing=False) != [[b"FlateDecode"]] or set(fields) != {b"N", b"First"}:
            return None
        held += fields[b"N"]  # what _objects_held reads of it at most
        if held > MAX_PDF_INDIRECT_OBJECTS:
            return None
        chunks = []
        pieces = _pieces(data, keyword.end(), len(data))
        if decrypter:
            pieces = decrypter(int(header[1]), int(header[2]), pieces)
        for chunk in _decoded(pieces, [b"FlateDecode"]):  # of 1 MB at most
            left -= len(chunk)
            if left < 0:
                return None
            chunks.append(chunk)
        inflated = b"".join(chunks)
        sizes[keyword.end()] = len(inflated)
        found.update(_objects_held(inflated, fields[b"N"], fields[b"First"]))
    return ObjectStreams(found, sizes)


def _objects_held(inflated: bytes, count: int, first: int) -> dict[int, bytes]:
    """An object stream's objects by number: its head lists ``count`` pairs of a number and an offset from ``first``."""
    numbers = [int(word) for word in inflated[:first].split()[:2 * count] if word.isdigit()]
    starts = [first + offset for offset in numbers[1::2]]
    return {number: inflated[start:end] for number, start, end in zip(numbers[::2], starts, [*starts[1:], len(inflated)])}


def _pages_past_limits(path: Path, data: bytes, shown: dict[int, _Shown]) -> PagesPastLimits:
    """The pages whose content streams show more runs of text (``shown``, by stream object) or draw more objects than
    a page's limits, or more objects than the pages before them leave of the document's, each with its problem. Refused
    where every page is past a limit, naming the first, and where the pages cannot be told apart (pdfminer cannot read
    the page tree) where any one stream shows or draws more than a page's limits."""
    pages = _page_contents(data)
    if pages is None:
        problem = next(filter(None, (_page_problem(stream_shown, 0) for stream_shown in shown.values())), None)
        if problem:
            raise PlanparseError(path, problem)
        return NO_PAGE_PAST_LIMITS
    problems, repeats, first_of, drawn = {}, {}, {}, 0
    for number, (contents, written) in enumerate(pages, 1):
        if written in first_of:  # read as the page it repeats, with its problem: nothing drawn again
            repeats[number] = first_of[written]
            if repeats[number] in problems:
                problems[number] = problems[repeats[number]]
            continue
        first_of[written] = number
        page = _Shown.total(shown.get(stream, _NOTHING_SHOWN) for stream in contents)
        if problem := _page_problem(page, drawn):
            problems[number] = problem
        else:
            drawn += page.objects
    if pages and len(problems) == len(pages):
        raise PlanparseError(path, f"page 1: {problems[1]}")
    return PagesPastLimits(len(pages), problems, repeats)


def _drawing_named_twice(data: bytes, objects: PdfObjects, held: ObjectStreams | None) -> bool:
    """Whether two pages (or two entries of a page's list) name one drawing as their /Contents: a plan's each name its
    own, and only then are the pages compared (by pdfminer, which takes its time). A page written again by a later
    revision of the file (an incremental save, a stamp or a signature added: 5 %%EOF in real/shenzhen-2016) is one
    page: its last writing is read, as a reader does."""
    pages: dict[int, list[bytes]] = {}  # the drawings each page object names, by its number
    for contents in _CONTENTS.finditer(data):
        header = objects.enclosing(contents.start())
        pages[int(header[1]) if header else -contents.start()] = [reference[1] for reference in _REFERENCE.finditer(contents[1])]
    for number, text in (held.objects.items() if held else ()):
        for contents in _CONTENTS.finditer(text):
            pages[number] = [reference[1] for reference in _REFERENCE.finditer(contents[1])]
    named = [reference for references in pages.values() for reference in references]
    return len(set(named)) < len(named)


def _page_problem(page: _Shown, drawn: int) -> str | None:
    """What keeps a page showing and drawing ``page`` from being loaded after pages drawing ``drawn`` objects."""
    if page.texts > MAX_PDF_PAGE_TEXTS:
        return f"a page shows more than {MAX_PDF_PAGE_TEXTS:,} runs of text; planparse reads PDF pages of at most {MAX_PDF_PAGE_TEXTS:,}"
    if drawn + page.objects > MAX_PDF_OBJECTS:
        return objects_problem()
    return None


def too_many_objects(path: Path, page: str) -> PlanparseError:
    """The refusal of a PDF drawing more objects than planparse reads, ``page`` naming the page where they pass it."""
    return PlanparseError(path, f"{page}{objects_problem()}")


def objects_problem() -> str:
    return f"the PDF draws more than {MAX_PDF_OBJECTS:,} objects; planparse reads PDFs of at most {MAX_PDF_OBJECTS:,}"


def _page_contents(data: bytes) -> list[tuple[list[int], str]] | None:
    """The numbers of the stream objects each page draws as its content, and its dictionary as written (its parent left
    out, what it inherits in), page by page as pdfminer walks the page tree (PDFium's order); None where pdfminer cannot
    read it."""
    from pdfminer.pdfdocument import PDFDocument  # imported for the rare PDF that needs it
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFObjRef

    logging.getLogger("pdfminer").addHandler(logging.NullHandler())  # what it repairs is no message of ours
    try:
        pages = [page.attrs for page in PDFPage.create_pages(PDFDocument(PDFParser(io.BytesIO(data))))]
        written = [repr(sorted((str(key), value) for key, value in attrs.items() if key != "Parent")) for attrs in pages]
    except Exception:  # pdfminer raises many kinds of error on damaged files PDFium reads
        return None
    return [([reference.objid for reference in (listed if isinstance(listed, list) else [listed]) if isinstance(reference, PDFObjRef)], text)
            for listed, text in zip((attrs.get("Contents") for attrs in pages), written)]


def _filter_chains(dictionary: bytes, objects: PdfObjects, drawing: bool) -> list[list[bytes]]:
    """The filters each reading of the stream applies: the ones its dictionary names, directly or through the
    object it refers to; each decoder alone when they cannot be found."""
    found = _filter_entry(dictionary)
    if not found:  # zip data if it is any (an image's), or a page's drawing as written, whose runs of text are counted
        return [[b"FlateDecode"], []] if drawing else [[b"FlateDecode"]]
    value = _resolved(found[1], objects)
    if value is None:
        return [[name] for name in _FALLBACK_DECODERS]
    names = [_NAME_ESCAPE.sub(lambda code: bytes.fromhex(code[1].decode()), name[1]) for name in _FILTER_NAME.finditer(value)]
    return [names if names and names[0] in _DECODERS else [b"FlateDecode"]]  # an image codec's first: nothing to count


def _filter_entry(dictionary: bytes) -> regex.Match | None:
    """The value of the stream dictionary's own ``/Filter`` entry, its last when written twice (PDFium keeps the
    last); a ``/Filter`` in a string or in a dictionary within it (``/DecodeParms<<…>>``) is none of it."""
    depth = string_depth = 0
    last = None
    at = 0
    while token := (_STRING_TOKEN if string_depth else _DICTIONARY_TOKEN).search(dictionary, at):
        at = token.end()
        text = token.group()
        if string_depth or text == b"(":
            string_depth += {b"(": 1, b")": -1}.get(text, 0)
        elif text in (b"<<", b">>"):
            depth += 1 if text == b"<<" else -1
        elif text == b"/Filter" and depth == 1:
            last = token
    return _FILTER_VALUE.match(dictionary, last.end()) if last else None


def _resolved(value: bytes, objects: PdfObjects) -> bytes | None:
    """``value`` with each reference replaced by the object it refers to, two levels deep (a reference to a
    list whose entries are references to names); None when one is not found (it may be in a compressed
    object stream)."""
    for _ in range(2):
        value = value[:OBJECT_OPENING_BYTES]  # a list of filters is a few names: the rest could only multiply the work
        bodies = [objects.body(int(reference[1]), int(reference[2])) for reference in _REFERENCE.finditer(value)]
        if None in bodies:
            return None
        found = iter(bodies)
        value = _REFERENCE.sub(lambda _reference: next(found), value)  # type: ignore[arg-type,return-value]  (none is None)
    return value


class _Reading(NamedTuple):
    size: int  # bytes
    shown: _Shown  # runs of text (_TEXT_SHOWING), and objects drawn besides XObjects (_OBJECTS_DRAWN too)
    xobjects: dict[bytes, int]  # the XObjects drawn, how often, by name


def _largest_reading(data: bytes, stream: _Stream, chains: list[list[bytes]], decrypter: StreamDecrypter | None, budget: int,
                     drawing: bool) -> _Reading:
    """What the stream decodes to, read each way PDFium might (each chain of filters, decrypted and as
    written), the largest kept; no reading is counted past ``budget``, and runs of text only in a ``drawing``."""
    largest = _Reading(0, _NOTHING_SHOWN, {})
    for filters in chains:
        end = len(data) if filters and filters[0] in _ZIPPED else _end(data, stream.dictionary, stream.start)
        readings = [_pieces(data, stream.start, end)]
        if decrypter and stream.object_id:
            readings.append(decrypter(*stream.object_id, _pieces(data, stream.start, end)))
        for reading in readings:
            counted = _counted(_decoded(reading, filters), budget, drawing)
            drawn = max(largest.xobjects, counted.xobjects, key=lambda xobjects: sum(xobjects.values()))
            shown = _Shown(*map(max, largest.shown, counted.shown))
            largest = _Reading(max(largest.size, counted.size), shown, drawn)
    return largest


def _counted(chunks: Iterator[bytes], budget: int, drawing: bool) -> _Reading:
    """The bytes of ``chunks`` up to just past ``budget``, and what they show if they are a ``drawing`` (an operator cut
    between two chunks goes uncounted)."""
    total = texts = others = 0
    xobjects: dict[bytes, int] = {}
    for chunk in chunks:
        total += len(chunk)
        if drawing:
            piece = bytes(chunk)  # a stream read as written comes in views of the file, which ``in`` reads as numbers
            texts += _texts_shown(piece)
            others += _others_drawn(piece)
            _count_xobjects_drawn(piece, xobjects)
        if total > budget:
            break
    return _Reading(total, _Shown(texts, texts + others), xobjects)


def _count_xobjects_drawn(chunk: bytes, xobjects: dict[bytes, int]) -> None:
    """Counts in ``xobjects`` the uses of each XObject a piece of drawing draws; a drawing without Do is passed over
    in C, as most are."""
    if b"Do" in chunk:
        for name in _XOBJECT_DRAWN.findall(chunk):
            name = _unescaped(name)
            xobjects[name] = xobjects.get(name, 0) + 1


def _others_drawn(chunk: bytes) -> int:
    """The objects a piece of drawing draws besides runs of text and XObjects (a page of 10,000,000 paths, 300 KB zipped,
    held 2.8 GB in PDFium before they could be counted); the same letters in a string count too."""
    return len(_OTHER_OBJECTS.findall(chunk.translate(_DELIMITERS_AS_SPACE)))


def _texts_shown(chunk: bytes) -> int:
    """The runs of text a piece of drawing shows, counted in C (a regex took 7 s over 1,000,000); the same letters
    inside a string or binary data count too: a few in a font's or an image's megabytes."""
    tight = chunk.translate(None, _WHITE_SPACE)
    return sum(tight.count(operator) for operator in _TEXT_SHOWING)


def _decoded(chunks: Iterable[bytes], filters: list[bytes]) -> Iterator[bytes]:
    """``chunks`` decoded through ``filters``, in chunks, up to the first filter not decoded here (an image
    codec's: the bytes before it are what is counted); they end where a filter finds no data of its kind
    (what PDFium says of it is the PDF reader's to report)."""
    try:
        for name in filters:
            if name not in _DECODERS:
                break
            chunks = _DECODERS[name](chunks)
        yield from chunks
    except (zlib.error, ValueError, binascii.Error):
        return


def _pieces(data: bytes, start: int, end: int) -> Iterator[bytes]:
    """``data[start:end]`` a piece at a time, uncopied: a zipped stream is read up to where its zip data
    ends, which may be anywhere up to the end of the file."""
    view = memoryview(data)
    for at in range(start, end, _PIECE):
        yield view[at:min(at + _PIECE, end)]  # type: ignore[misc]  (a memoryview reads as bytes do here)


def _end(data: bytes, dictionary: bytes, start: int) -> int:
    """Where the stream's data ends: its direct ``/Length`` when ``endstream`` follows it, else the next
    ``endstream``, as PDFium reads it (a run-length stream is decodable however long it runs)."""
    length = _LENGTH.search(dictionary)
    if length and _ENDSTREAM.match(data, start + int(length[1])):
        return start + int(length[1])
    end = data.find(b"endstream", start)
    return end if end >= 0 else len(data)


def _inflated(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Zipped data inflated a chunk at a time, up to where the zip data ends."""
    inflater = zlib.decompressobj()
    for chunk in chunks:
        while chunk and not inflater.eof:
            yield inflater.decompress(chunk, _CHUNK)
            chunk = inflater.unconsumed_tail
        if inflater.eof:
            return


def _lzw_decoded(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """LZW as PDF writes it: codes of 9 to 12 bits, most significant bit first, each width taken one code
    early (EarlyChange 1); 256 clears the table, 257 ends the data."""
    table, previous = list(_LZW_START), b""
    buffer = held = 0
    output = bytearray()
    for chunk in chunks:
        for byte in chunk:  # a code is 9 bits or more: a byte completes one code at most
            buffer, held = (buffer << 8) | byte, held + 8
            width = min(12, max(9, (len(table) + 1).bit_length()))
            if held < width:
                continue
            held -= width
            code, buffer = buffer >> held, buffer & ((1 << held) - 1)
            if code == 257:
                yield bytes(output)
                return
            if code == 256:
                table, previous = list(_LZW_START), b""
                continue
            entry = table[code] if code < len(table) else previous + previous[:1]
            if previous and len(table) < 4096:
                table.append(previous + entry[:1])
            previous = entry
            output += entry
            if len(output) >= _CHUNK:
                yield bytes(output)
                output.clear()
    yield bytes(output)


_LZW_START = [bytes([byte]) for byte in range(256)] + [b"", b""]  # the literal bytes, then the clear and end codes


def _run_length_decoded(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Runs of a length byte and its data: below 128, that many bytes and one more, as written; above, one byte repeated
    257 less that many times; 128 ends the data. A run cut off at the end gives the bytes written of it."""
    output = bytearray()
    left = b""  # the start of a run the last chunk cut off
    for chunk in chunks:
        data = left + bytes(chunk)
        at = 0
        while at < len(data):
            length = data[at]
            if length == 128:
                yield bytes(output)
                return
            run = 2 + length if length < 128 else 2
            if at + run > len(data):
                break
            output += data[at + 1:at + run] if length < 128 else data[at + 1:at + 2] * (257 - length)
            at += run
            if len(output) >= _CHUNK:
                yield bytes(output)
                output.clear()
        left = data[at:]
    yield bytes(output + left[1:]) if left and left[0] < 128 else bytes(output)


def _hex_decoded(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Pairs of hex digits up to ``>``, white space anywhere; a last digit alone is followed by 0."""
    odd = b""
    for chunk in chunks:
        text, end, _rest = bytes(chunk).partition(b">")
        digits = odd + text.translate(None, _NOT_HEX)
        paired = len(digits) - len(digits) % 2
        yield binascii.unhexlify(digits[:paired])
        odd = digits[paired:]
        if end:
            break
    yield binascii.unhexlify(odd + b"0" * len(odd))


def _ascii85_decoded(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Groups of five characters (``z`` for four zero bytes) up to ``~>``, white space anywhere; a last group cut short
    is padded as base64 pads it."""
    text = b""
    for chunk in chunks:
        text += bytes(chunk).translate(None, _ASCII85_IGNORED)
        text, end, _rest = text.partition(b"~>")
        text = text.removeprefix(b"<~")
        whole = _ASCII85_GROUPS.match(text).end()
        if len(text) - whole > 5:  # more than a group cut short and the ~ of its end
            raise ValueError("not ASCII85 data")
        yield base64.a85decode(text[:whole])
        text = text[whole:]
        if end:
            break
    yield base64.a85decode(text)


_ASCII85_GROUPS = patterns.compile(rb"(?:z|[!-u]{5})*")
_ASCII85_IGNORED = b" \t\n\r\x0b\x0c\x00"
_NOT_HEX = bytes(sorted(set(range(256)) - set(b"0123456789abcdefABCDEF")))
_ZIPPED = (b"FlateDecode", b"Fl")
_FALLBACK_DECODERS = (b"FlateDecode", b"LZWDecode", b"RunLengthDecode")  # the ones that expand: the others at most halve
_DECODERS: dict[bytes, Callable[[Iterable[bytes]], Iterator[bytes]]] = {
    **dict.fromkeys(_ZIPPED, _inflated),
    **dict.fromkeys((b"LZWDecode", b"LZW"), _lzw_decoded),
    **dict.fromkeys((b"RunLengthDecode", b"RL"), _run_length_decoded),
    **dict.fromkeys((b"ASCIIHexDecode", b"AHx"), _hex_decoded),
    **dict.fromkeys((b"ASCII85Decode", b"A85"), _ascii85_decoded),
}
