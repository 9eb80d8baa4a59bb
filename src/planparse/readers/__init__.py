"""Read stage: a file (or standard input) to numbered source lines.

Each reader takes the path and the file's bytes and returns ``SourceLine``s;
DOCX and PDF readers may also return the tables they found.
"""
from __future__ import annotations

import errno
import hashlib
import io
import os
import re
import stat
import sys
from pathlib import Path
from typing import BinaryIO, Callable, NamedTuple, Sequence

from ..documents import DOCUMENT_SUFFIXES, is_descriptor, is_hidden  # noqa: F401  (read from here by batch, diff, compare)
from ..errors import PlanparseError
from .. import limits
from ..limits import LinesPastLimit, check_docx_parts, check_line_count, check_text_size, read_limited, too_many_lines
from ..names import shell_argument
from ..models import DocumentFormat, PageInfo, RawDocument, ReadingWarning, SourceLine, TableData
from .shown import lines_shown, page_shown, table_shown
from .sniff import image_format, is_rtf, is_web_archive, is_word_2003_xml, is_word_xml_package, looks_like_html
from .txt import is_plain_text, read_txt, without_byline, without_information_box

ReaderResult = tuple[list[SourceLine], list[TableData]]  # what the PDF and DOCX readers return
STDIN = "-"  # standard input, on the command line
STDIN_NAME = "<stdin>"  # standard input, in messages and outputs: a plan's source, compare's column, diff's side


class Reading(NamedTuple):
    lines: list[SourceLine]
    tables: list[TableData]
    page: PageInfo | None = None
    warnings: Sequence[ReadingWarning] = ()


def _read_docx(path: Path, data: bytes) -> Reading:
    from .docx import read_docx  # python-docx is only imported when needed

    if is_word_xml_package(data):
        from .word_xml import docx_of_package

        data = docx_of_package(path, data)
    check_docx_parts(path, data)
    return Reading(*read_docx(path, data))


def _read_pdf(path: Path, data: bytes) -> Reading:
    from .pdf import read_pdf  # pypdfium2/pdfplumber are only imported when needed
    from .pdf_streams import check_pdf_streams

    data = data[_pdf_header_at(data) or 0:]  # the offsets of its cross-reference table count from its header
    return Reading(*read_pdf(path, data, check_pdf_streams(path, data)))


def _read_html(path: Path, data: bytes) -> Reading:
    from .html import read_html  # lxml and readability are only imported when needed

    return Reading(*read_html(path, data))


def _read_markdown(path: Path, data: bytes) -> Reading:
    from .markdown import read_markdown

    return Reading(*read_markdown(path, data))


def _read_rtf(path: Path, data: bytes) -> Reading:
    from .rtf import read_rtf

    return Reading(*read_rtf(path, data))


def _read_doc(path: Path, data: bytes) -> Reading:
    from .doc import read_doc

    return Reading(*read_doc(path, data))


def _read_odt(path: Path, data: bytes) -> Reading:
    from .odt import read_odt

    check_docx_parts(path, data, "ODT")
    return Reading(*read_odt(path, data))


def _read_ofd(path: Path, data: bytes) -> Reading:
    from .ofd import read_ofd

    check_docx_parts(path, data, "OFD")
    return Reading(*read_ofd(path, data))


def _read_xlsx(path: Path, data: bytes) -> Reading:
    from .xlsx import read_xlsx

    check_docx_parts(path, data, "XLSX")
    return Reading(*read_xlsx(path, data))


def _read_text(path: Path, data: bytes) -> Reading:
    return Reading(*without_information_box(read_txt(path, data)))


READERS: dict[DocumentFormat, Callable[[Path, bytes], Reading]] = {
    "txt": _read_text,
    "docx": _read_docx,
    "pdf": _read_pdf,
    "html": _read_html,
    "md": _read_markdown,
    "rtf": _read_rtf,
    "doc": _read_doc,
    "odt": _read_odt,
    "ofd": _read_ofd,
    "xlsx": _read_xlsx,
}
# Word's and WPS's binary formats: a file so named that is no Word 97-2003 file (OLE2), RTF, web page nor text is refused
_WORD_BINARY = (".doc", ".wps")
_MARKDOWN = (".md", ".markdown")  # by name only: a text file is read as written, its # and * its own (a pipe table aside)
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# A PDF's header may stand anywhere in its first kilobyte, as Acrobat and pdfium read it: a server or a crawler
# may keep a line or its HTTP headers before it. Such a PDF named .txt was read as text (its streams' ASCII85 as
# 97 targets), named .pdf refused.
_PDF_HEADER = re.compile(rb"%PDF-[12]\.\d")
_PDF_HEADER_WITHIN = 1024


def _pdf_header_at(data: bytes) -> int | None:
    found = _PDF_HEADER.search(data, 0, _PDF_HEADER_WITHIN + 8)
    return found.start() if found and found.start() < _PDF_HEADER_WITHIN else None


def detect_format(path: Path, data: bytes) -> DocumentFormat:
    """The format from the file's content first, its suffix second: sites offer web pages as 附件.doc, crawlers keep
    them as .txt, and a Word 97 file may be named .docx."""
    suffix = path.suffix.lower()
    if data.startswith(b"%PDF") or _pdf_header_at(data) is not None:
        return "pdf"
    if data.startswith(b"PK"):
        return _archive_format(path, data)
    if is_rtf(data):
        return "rtf"
    if data.startswith(_OLE_SIGNATURE):
        return "doc"  # Word 97-2003's, WPS's (.wps) or, said so, another program's (.xls)
    if image := image_format(data):  # a scan or a photo saved as an image, whatever its name
        raise PlanparseError(path, f"an image ({image}), not a document: a scan or a photo of a plan has no text; OCR is needed")
    if is_word_xml_package(data):
        return "docx"  # Word's "Word XML Document": a DOCX's parts in one XML file
    if is_word_2003_xml(data):
        raise PlanparseError(path, convert_first(path, "a Word 2003 XML document"))
    if suffix in (".docx", ".pdf"):
        return _broken(path, suffix, data)
    if suffix in _MARKDOWN:
        return "md"  # a Markdown file may open with a tag of its own (<div align="center">)
    if is_web_archive(data) or looks_like_html(data) or suffix in (".html", ".htm", ".mht", ".mhtml"):
        return "html"
    if suffix in _WORD_BINARY and not is_plain_text(data):
        return _not_word_97(path, data)
    return "txt"  # text named .doc (a site's 附件.doc that is its text) is read as the text it is


# The first bytes of Word's formats before Word 97's OLE2: Word for Windows 1.x and 2.0, Word for DOS (and Windows
# 1.0), Word for Macintosh 4 and 5
_OLDER_WORD_SIGNATURES = (b"\x9b\xa5\x21\x00", b"\xdb\xa5\x2d\x00", b"\x31\xbe\x00\x00", b"\xfe\x37\x00\x1c", b"\xfe\x37\x00\x23")


def _not_word_97(path: Path, data: bytes) -> DocumentFormat:
    """Refuse a .doc or .wps that is no file planparse reads, saying what it is: a Word older than Word 97 (to
    convert), else bytes of no document format at all (a download cut short, another program's file so named)."""
    if data.startswith(_OLDER_WORD_SIGNATURES):
        raise PlanparseError(path, convert_first(path, "a Word format older than Word 97"))
    raise PlanparseError(path, f"no Word or WPS document: its {len(data):,} bytes are neither Word 97-2003 or WPS (OLE2), "
                               "an older Word, RTF, a web page nor text")


# What else people are given as a ZIP of parts, told by a part only it holds, and what to do with it
_OTHER_ARCHIVES = {
    "ppt/presentation.xml": "a PowerPoint presentation (PPTX), not a plan document",
}
# A damaged ZIP is read as the format its name says, which says what is wrong with it; as a DOCX by any other name
_DAMAGED_ARCHIVES: dict[str, DocumentFormat] = {".odt": "odt", ".ofd": "ofd", ".xlsx": "xlsx"}
# The part every Office Open XML package holds (DOCX, XLSX): a ZIP without it is an archive, whatever its name (a .docx
# holding the plan's .docx zipped again, or its text)
_PACKAGE_CONTENT_TYPES = "[content_types].xml"
_OPEN_DOCUMENT_TEXT = "application/vnd.oasis.opendocument.text"  # also its template's, ...text-template
_OTHER_MIMETYPES = {
    "application/vnd.oasis.opendocument.": "an OpenDocument file other than a text (a spreadsheet or a presentation), "
                                           "not a plan document",
    "application/epub+zip": "an EPUB e-book, which planparse does not read; convert it first: "
                            "ebook-convert {path} plan.docx",
}


def _archive_format(path: Path, data: bytes) -> DocumentFormat:
    """What a ZIP archive is, whatever its name: a DOCX (it holds Word's main part), an OFD (its ``OFD.xml``), an Excel
    workbook (a 分工表 alone: its ``xl/workbook.xml``), an OpenDocument text (.odt: its ``mimetype`` part says so), or
    another program's file, refused saying what it is. A damaged one, or a package named .docx holding none of these, is
    read as a DOCX (as an ODT, OFD or XLSX when so named), which says what is wrong with it."""
    import zipfile  # here: a text plan needs neither it nor the compressors it imports

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        mimetype = _mimetype(archive)
    except (zipfile.BadZipFile, ValueError, OSError):
        return _DAMAGED_ARCHIVES.get(path.suffix.lower(), "docx")
    if "word/document.xml" in names:
        return "docx"
    if "OFD.xml" in names:
        return "ofd"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if mimetype.startswith(_OPEN_DOCUMENT_TEXT):
        return "odt"
    said = next((said for part, said in _OTHER_ARCHIVES.items() if part in names), None)
    said = said or next((said for kind, said in _OTHER_MIMETYPES.items() if mimetype.startswith(kind)), None)
    if said is None and path.suffix.lower() == ".docx" and _PACKAGE_CONTENT_TYPES in map(str.lower, names):
        return "docx"  # its main part elsewhere, or missing: the DOCX reader says which
    raise PlanparseError(path, (said or "a ZIP archive, not a document (it holds no word/document.xml nor content.xml); "
                                        "unpack it and give planparse the documents in it").format(path=shell_argument(str(path))))


def _mimetype(archive) -> str:
    """The ``mimetype`` part an OpenDocument or EPUB file opens with (a line of text), else ''."""
    try:
        part = archive.getinfo("mimetype")
    except KeyError:
        return ""
    try:
        return archive.read(part).decode("ascii", "replace").strip() if part.file_size <= 100 else ""
    except Exception:  # zipfile and zlib each raise their own kind on a damaged part
        return ""


def _broken(path: Path, suffix: str, data: bytes) -> DocumentFormat:
    """A .docx or .pdf whose content is neither: a DOCX read as one says what is wrong with it. A web page so named is
    most often what a download got instead of the file (a site's error, login or viewer page): said so, not read; so is
    a text (a site's "404 Not Found", or a plan's text saved under the name)."""
    if is_web_archive(data) or looks_like_html(data):
        raise PlanparseError(path, f"a web page (HTML), not a {suffix[1:].upper()} file: the download got the site's page "
                                   "(an error, a login or a viewer) instead of the document; open it in a browser, or "
                                   "name it .html to read it as a page")
    if is_plain_text(data):  # was "not a valid DOCX file (truncated or corrupt)", as if a DOCX were damaged
        raise PlanparseError(path, f"a text file, not a {suffix[1:].upper()} file; name it .txt to read it as text")
    if suffix == ".pdf":
        raise PlanparseError(path, "not a PDF file (no %PDF header)")
    return "docx"


def convert_first(path: Path, form: str, to: str = "docx") -> str:
    return f"{form} is not read; convert it first: soffice --headless --convert-to {to} {shell_argument(str(path))}"


def open_document(path: Path) -> BinaryIO:
    """``path`` opened for reading when it is a file, or a descriptor the shell handed over (``<(cmd)``
    is ``/dev/fd/63``); anything else refused. Opened without waiting, then looked at: a FIFO no
    one writes to would block the open or the read for ever, and a name looked at before it is
    opened may be another file by then."""
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(handle).st_mode
        if not stat.S_ISREG(mode) and not is_descriptor(path):
            raise PlanparseError(path, _not_a_file(mode, path))
        os.set_blocking(handle, True)  # a pipe from <(cmd) is read to its end
        return os.fdopen(handle, "rb")
    except BaseException:
        os.close(handle)
        raise


def _not_a_file(mode: int, path: Path) -> str:
    if stat.S_ISFIFO(mode):
        return f"is a named pipe (FIFO), not a file; to read what is written into it, give it as standard input: - < {path}"
    return f"is {_kind(mode)}, not a document"


def _kind(mode: int) -> str:
    kinds = {stat.S_ISFIFO: "a named pipe (FIFO)", stat.S_ISCHR: "a character device", stat.S_ISBLK: "a block device", stat.S_ISSOCK: "a socket"}
    return next((kind for test, kind in kinds.items() if test(mode)), "no regular file")


def _unreadable(path: Path, exc: OSError) -> str:
    """Why ``path`` could not be read; a socket cannot even be opened (ENXIO): then say what it is."""
    try:
        mode = os.stat(path).st_mode if exc.errno == errno.ENXIO else stat.S_IFREG
    except OSError:
        mode = stat.S_IFREG
    return f"cannot be read ({exc.strerror or exc})" if stat.S_ISREG(mode) else _not_a_file(mode, path)


def why_no_file(path: Path) -> str:
    """Why ``path``, named as a document, is no file to read: what it is instead (a named pipe, a device, a
    socket), or a link to nothing."""
    try:
        return _not_a_file(os.stat(path).st_mode, path)
    except OSError:
        return _missing(path)


def _missing(path: Path, absent: str = "no such file") -> str:
    """Why there is no file (or, as ``absent`` says, nothing else asked for) to read at ``path``."""
    try:
        path.lstat()
    except OSError as exc:
        return absent if exc.errno == errno.ENOENT else f"cannot be read ({exc.strerror or exc})"
    return "a symbolic link to nothing, or in a loop"


def why_no_folder(path: Path) -> str:
    """Why ``path``, named as a folder of documents, is none: nothing there, a link to nothing or in a loop, or what
    stands there instead (a named pipe, a device). Each was said to be no such folder, as if nothing stood there."""
    try:
        return f"is {_kind(os.stat(path).st_mode)}, not a folder"
    except OSError:
        return _missing(path, "no such folder")


def missing_input(path: Path) -> str:
    """Why there is nothing to read at ``path``, an input of compare, diff or report: a file or a folder. A link in a
    loop was said to be no such file or folder, as if nothing stood there."""
    return _missing(path, "no such file or folder")


def input_name(path: str | Path) -> str:
    """``path`` as messages and outputs name it: standard input (-) as ``<stdin>``, as Python names it, not a dash."""
    return STDIN_NAME if str(path) == STDIN else str(path)


def check_stdin_read_once(paths: Sequence[str | Path]) -> None:
    """Refuse standard input named twice (compare - -, diff - -): the second reading found it read to its end and
    said "the file is empty"."""
    if sum(str(path) == STDIN for path in paths) > 1:
        raise PlanparseError(STDIN_NAME, "given more than once (-); standard input can be read only once")


def load_bytes(path: str | Path) -> tuple[Path, bytes]:
    if str(path) == STDIN:
        return Path(STDIN_NAME), read_limited(sys.stdin.buffer, Path(STDIN_NAME))
    path = Path(path)
    if not os.path.exists(path):  # False too for a path past the system's length limit, or through a folder that cannot be entered
        raise PlanparseError(path, _missing(path))
    if path.is_dir():
        raise PlanparseError(path, "is a directory, not a document (use `planparse batch` for folders)")
    try:
        with open_document(path) as stream:
            data = read_limited(stream, path)
    except OSError as exc:
        raise PlanparseError(path, _unreadable(path, exc)) from None
    if not data:
        raise PlanparseError(path, "the file is empty")
    return path, data


def _without_share_byline(reading: Reading) -> Reading:
    """The reading without the byline of the share platform's article it was copied from (``without_byline``), whose
    day of posting is the page's when the page says none of its own."""
    lines, posted = without_byline(reading.lines)
    if posted is None:
        return reading
    page = reading.page or PageInfo()
    return reading._replace(lines=lines, page=page if page.published else page.model_copy(update={"published": posted}))


# Formats whose bytes are decoded as text: a few bytes their encoding does not read are read as U+FFFD (txt.decode_text).
# A file may hold the character itself, written by the program that made it (a page whose site had lost characters
# already, a text pasted into Word so, a PDF whose font says no character for a glyph): every other format's are.
_DECODED_FORMATS = ("txt", "md", "html")
# U+FFFD as a text file holds it, in UTF-8 and in GB18030 (written out: encoding it imported the GB18030 codec at every start)
_WRITTEN_REPLACEMENTS = ("\ufffd".encode("utf-8"), b"\x84\x31\xa4\x37")
_LOST_BY_DECODING = "bytes the text's encoding does not read"
_LOST_BEFORE = "characters lost before the file was made (it holds � in their place)"
_LINES_NAMED = 5  # lines a warning names, the first ones


def _unreadable_characters(lines: list[SourceLine], fmt: DocumentFormat, data: bytes) -> list[ReadingWarning]:
    """A warning naming the lines that hold characters no encoding read (U+FFFD), decoded so or copied so."""
    holding = [line.line for line in lines if "\ufffd" in line.text]
    if not holding:
        return []
    count = sum(line.text.count("\ufffd") for line in lines)
    named = ", ".join(map(str, holding[:_LINES_NAMED])) + (", …" if len(holding) > _LINES_NAMED else "")
    return [ReadingWarning(message=f"{count} unreadable character{'s' if count > 1 else ''} (�) on line{'s' if len(holding) > 1 else ''} "
                                   f"{named}: {_lost_how(fmt, data, count)}, the rest read")]


def _lost_how(fmt: DocumentFormat, data: bytes, count: int) -> str:
    """How the characters read as U+FFFD were lost: in decoding, before the file was made, or some each way."""
    written = sum(data.count(replacement) for replacement in _WRITTEN_REPLACEMENTS) if fmt in _DECODED_FORMATS else count
    if written >= count:
        return _LOST_BEFORE
    return _LOST_BY_DECODING if not written else f"{_LOST_BY_DECODING}, and {_LOST_BEFORE}"


def read_document(path: str | Path) -> RawDocument:
    """Read any supported document into numbered lines."""
    path, data = load_bytes(path)
    fmt = detect_format(path, data)
    try:
        reading = _without_share_byline(READERS[fmt](path, data))
    except LinesPastLimit:
        raise too_many_lines(path, f"more than {limits.MAX_TEXT_LINES:,}") from None
    check_text_size(path, sum(len(line.text) for line in reading.lines))
    check_line_count(path, len(reading.lines))
    if not any(line.text.strip() for line in reading.lines):
        raise PlanparseError(path, "the document has no text")
    lines = lines_shown(reading.lines)
    if len(lines) > limits.MAX_TEXT_LINES:  # a page's tags kept in a line part it (…<p>一、<p>一、…: 2 MB of text, 500,000 lines)
        raise too_many_lines(path, f"{len(lines):,}", " as the tags and line separators it holds part them (<br>, <p>, U+2028…)")
    return RawDocument(
        path=str(path),
        format=fmt,
        sha256=hashlib.sha256(data).hexdigest(),
        lines=lines,
        tables=[table_shown(table) for table in reading.tables],
        page=page_shown(reading.page),
        warnings=[*reading.warnings, *_unreadable_characters(reading.lines, fmt, data)],
    )
