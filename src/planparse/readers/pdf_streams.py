"""What a PDF's streams inflate to, counted before PDFium or pdfminer inflates one.

A PDF stores each page's drawing, its fonts and its images as streams, most of
them zipped (FlateDecode): a file of 2 MB can hold a page that inflates to
2 GB, which PDFium holds whole in memory (3.2 GB for that one), and the limit on
a file's size bounds nothing (100 MB zipped at a thousand to one is 100 GB).
Each stream is inflated here once more, its output counted and thrown away,
until the document's total crosses the limit.

A stream is found by its ``stream`` keyword and decoded through the filters
its dictionary names (Flate, LZW, run-length, ASCII hex and 85, as PDF
applies them). A zipped stream is inflated from where it starts to where the
zip data itself ends, not to an ``endstream`` or a ``/Length`` that could lie;
one whose filters are written elsewhere (``/Filter 7 0 R``, which pdfminer
follows) is inflated as zipped data if it is. Images are counted too: a stream
called an image can be drawn as a page.
"""
from __future__ import annotations

import base64
import binascii
import zlib
from pathlib import Path
from typing import Callable, Iterable, Iterator

import regex

from ..errors import PlanparseError
from ..limits import MAX_PDF_INFLATED_BYTES, size_text

_STREAM = regex.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_DICTIONARY_WINDOW = 4096  # bytes before a stream's keyword searched for its dictionary
_OBJECT = regex.compile(rb"\d+\s+\d+\s+obj\b")
_FILTERS = regex.compile(rb"/Filter\s*(\[[^\]]*\]|/[^\s/\[\]<>()]+)")
_FILTER_NAME = regex.compile(rb"/([^\s/\[\]<>()]+)")
_LENGTH = regex.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
_CHUNK = 2**20  # bytes of output decoded at a time
_PIECE = 2**16  # bytes of input


def check_pdf_streams(path: Path, data: bytes) -> None:
    """Refuse a PDF whose streams inflate to more than ``MAX_PDF_INFLATED_BYTES`` together."""
    budget = MAX_PDF_INFLATED_BYTES
    for keyword in _STREAM.finditer(data):
        for chunk in _decoded(data, keyword.start(), keyword.end()):
            budget -= len(chunk)
            if budget < 0:
                raise PlanparseError(path, f"its streams inflate to more than {size_text(MAX_PDF_INFLATED_BYTES)}; "
                                           f"planparse reads PDFs whose streams inflate to at most {size_text(MAX_PDF_INFLATED_BYTES)}")


def _decoded(data: bytes, keyword: int, start: int) -> Iterator[bytes]:
    """The stream starting at ``start`` decoded through its filters, in chunks; empty where a filter finds
    no data of its kind (what PDFium says of it is the PDF reader's to report)."""
    head = data[max(0, keyword - _DICTIONARY_WINDOW):keyword]
    objects = list(_OBJECT.finditer(head))
    dictionary = head[objects[-1].end():] if objects else b""
    filters = _filter_names(dictionary)
    if not filters or filters[0] not in _DECODERS:  # not written here (an indirect /Filter), or an image's own
        filters = [b"FlateDecode"]
    chunks: Iterable[bytes] = _pieces(data, start, len(data) if filters[0] in _ZIPPED else _end(data, dictionary, start))
    try:
        for name in filters:
            if name not in _DECODERS:
                break  # an image codec's: the decoded bytes before it are what is counted
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


def _filter_names(dictionary: bytes) -> list[bytes]:
    found = _FILTERS.search(dictionary)
    return [name[1] for name in _FILTER_NAME.finditer(found[1])] if found else []


def _end(data: bytes, dictionary: bytes, start: int) -> int:
    """Where the stream's data ends: its direct ``/Length``, else the next ``endstream``."""
    length = _LENGTH.search(dictionary)
    if length:
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
    data = b"".join(chunks)
    output = bytearray()
    at = 0
    while at < len(data) and data[at] != 128:
        length = data[at]
        if length < 128:
            output += data[at + 1:at + 2 + length]
            at += 2 + length
        else:
            output += data[at + 1:at + 2] * (257 - length)
            at += 2
        if len(output) >= _CHUNK:
            yield bytes(output)
            output.clear()
    yield bytes(output)


def _hex_decoded(chunks: Iterable[bytes]) -> Iterator[bytes]:
    digits = b"".join(chunks).split(b">")[0].translate(None, _NOT_HEX)  # white space may stand anywhere
    yield binascii.unhexlify(digits + b"0" * (len(digits) % 2))


def _ascii85_decoded(chunks: Iterable[bytes]) -> Iterator[bytes]:
    text = b"".join(chunks).split(b"~>")[0]
    yield base64.a85decode(text.removeprefix(b"<~"), ignorechars=b" \t\n\r\x0b\x0c\x00")


_NOT_HEX = bytes(sorted(set(range(256)) - set(b"0123456789abcdefABCDEF")))
_ZIPPED = (b"FlateDecode", b"Fl")
_DECODERS: dict[bytes, Callable[[Iterable[bytes]], Iterator[bytes]]] = {
    **dict.fromkeys(_ZIPPED, _inflated),
    **dict.fromkeys((b"LZWDecode", b"LZW"), _lzw_decoded),
    **dict.fromkeys((b"RunLengthDecode", b"RL"), _run_length_decoded),
    **dict.fromkeys((b"ASCIIHexDecode", b"AHx"), _hex_decoded),
    **dict.fromkeys((b"ASCII85Decode", b"A85"), _ascii85_decoded),
}
