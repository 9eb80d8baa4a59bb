"""Read stage: a file (or standard input) to numbered source lines.

Each reader takes the path and the file's bytes and returns ``SourceLine``s;
DOCX and PDF readers may also return the tables they found.
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Callable

from ..errors import PlanparseError
from ..models import DocumentFormat, RawDocument, SourceLine, TableData
from .txt import read_txt

ReaderResult = tuple[list[SourceLine], list[TableData]]  # what every reader returns
STDIN = "-"


def _read_docx(path: Path, data: bytes) -> ReaderResult:
    from .docx import read_docx  # python-docx is only imported when needed

    return read_docx(path, data)


def _read_pdf(path: Path, data: bytes) -> ReaderResult:
    from .pdf import read_pdf  # pypdfium2/pdfplumber are only imported when needed

    return read_pdf(path, data)


def _read_text(path: Path, data: bytes) -> ReaderResult:
    return read_txt(path, data), []


READERS: dict[DocumentFormat, Callable[[Path, bytes], ReaderResult]] = {
    "txt": _read_text,
    "docx": _read_docx,
    "pdf": _read_pdf,
}
DOCUMENT_SUFFIXES = tuple(f".{name}" for name in READERS)


def is_hidden(name: str) -> bool:
    """Hidden files, and the lock file (``~$plan.docx``) Word leaves beside an open document."""
    return name.startswith((".", "~$"))


def detect_format(path: Path, data: bytes) -> DocumentFormat:
    """The format from the file's content first, its suffix second."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK") or path.suffix.lower() == ".docx":
        return "docx"
    if path.suffix.lower() == ".pdf":
        raise PlanparseError(path, "not a PDF file (no %PDF header)")
    if path.suffix.lower() == ".doc":
        raise PlanparseError(path, "legacy Word .doc is not supported; save it as .docx")
    return "txt"


def load_bytes(path: str | Path) -> tuple[Path, bytes]:
    if str(path) == STDIN:
        return Path("<stdin>"), sys.stdin.buffer.read()
    path = Path(path)
    if not path.exists():
        raise PlanparseError(path, "no such file")
    if path.is_dir():
        raise PlanparseError(path, "is a directory, not a document (use `planparse batch` for folders)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PlanparseError(path, f"cannot be read ({exc.strerror or exc})") from None
    if not data:
        raise PlanparseError(path, "the file is empty")
    return path, data


def read_document(path: str | Path) -> RawDocument:
    """Read any supported document into numbered lines."""
    path, data = load_bytes(path)
    fmt = detect_format(path, data)
    lines, tables = READERS[fmt](path, data)
    if not any(line.text.strip() for line in lines):
        raise PlanparseError(path, "the document has no text")
    return RawDocument(
        path=str(path),
        format=fmt,
        sha256=hashlib.sha256(data).hexdigest(),
        lines=lines,
        tables=tables,
    )
