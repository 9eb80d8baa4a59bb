"""A PDF whose end is lost, read from the objects that are left.

A PDF ends with its table of where each object starts (the cross-reference table) and the trailer naming its catalog,
the root of its page tree. A download stopped short, a mail client's cut or a full disk loses that end first: PDFium
then refused the whole file ("not a valid PDF file (truncated or corrupt)") though every page but the last few was in
it, where Acrobat reads what is left. PDFium rebuilds the table itself by scanning the objects (``n 0 obj``), once it
has a trailer to start from: one naming the catalog is added; where the catalog was lost too (Word writes it last), a
catalog is added over a page tree of the pages found, in the order the file holds them. An object cut short at the
end is left out: PDFium's scan read all that followed its ``stream`` keyword as the stream, the added trailer with it.
Catalogs and pages inside object streams are found too, as PDFium's scan finds them (a file whose pages all sat in them
was refused), where every object stream is one read here (zipped with Flate, not encrypted).
"""
from __future__ import annotations

from typing import Iterator

import regex

from .pdf_streams import END_OF_OBJECT, PdfObjects, object_streams

_CATALOG = regex.compile(rb"/Type\s*/Catalog\b")
_PAGE = regex.compile(rb"/Type\s*/Page(?![A-Za-z0-9])")


def is_cut_short(data: bytes) -> bool:
    """Whether the PDF lacks the end-of-file mark it closes with: it was cut short."""
    return b"%%EOF" not in data[-1024:]


def with_trailers(data: bytes) -> Iterator[bytes]:
    """The PDF's whole objects with a trailer for PDFium to rebuild its cross-reference table from: first one naming
    the catalog it holds, then one naming a catalog added over the pages it holds; none when it holds neither. Each
    is built when asked for: a PDF PDFium loads as it is needs none, and scanning and copying one costs a tenth of a
    second for each 2 MB."""
    end = data.rfind(END_OF_OBJECT)
    if end < 0:
        return
    whole = data[:end + len(END_OF_OBJECT)] + b"\n"
    catalogs, pages, last = _objects_of_kinds(whole)
    if catalogs:
        yield whole + _trailer(catalogs[-1])
    if pages:
        catalog, tree = last + 1, last + 2
        kids = b" ".join(b"%d 0 R" % page for page in pages)
        added = (b"%d 0 obj\n<< /Type /Catalog /Pages %d 0 R >>\nendobj\n" % (catalog, tree)
                 + b"%d 0 obj\n<< /Type /Pages /Kids [%s] /Count %d >>\nendobj\n" % (tree, kids, len(pages)))
        yield whole + added + _trailer(catalog)


def _objects_of_kinds(data: bytes) -> tuple[list[int], list[int], int]:
    """The numbers of the catalogs and of the pages among the objects of ``data``, each once and in the order the file
    first holds it (those in object streams after those in its text, in the streams' order), and the highest object
    number."""
    catalogs: dict[int, None] = {}
    pages: dict[int, None] = {}
    last = 0
    objects = PdfObjects(data)
    # a page's /Type stands before its content streams
    in_text = [(int(header[1]), objects.opening(header).split(b"stream", 1)[0]) for header in objects.headers]
    held = object_streams(data, objects)
    compressed = held.objects if held else {}
    for number, dictionary in [*in_text, *compressed.items()]:
        last = max(last, number)
        if _CATALOG.search(dictionary):
            catalogs[number] = None
        elif _PAGE.search(dictionary):
            pages[number] = None
    return list(catalogs), list(pages), last


def _trailer(catalog: int) -> bytes:
    return b"trailer\n<< /Root %d 0 R >>\n%%%%EOF\n" % catalog
