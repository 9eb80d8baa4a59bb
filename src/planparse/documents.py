"""Which files are plan documents, and what reading each kind needs; light, so that ``batch`` can
look at its folder before the pipeline loads."""
from __future__ import annotations

from pathlib import Path

DOCUMENT_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")

# The libraries a reader imports only at its first document of the kind (readers/): a batch's
# fork server loads those of the kinds in its folder, once, instead of every worker on its own.
FIRST_USE_LIBRARIES = {
    ".pdf": ("pdfplumber", "pdfplumber.table"),  # pages with tables or rulings (readers/pdf.py)
    ".html": ("readability",),  # the article of a web page (readers/html.py)
    ".htm": ("readability",),
}


def is_hidden(name: str) -> bool:
    """Hidden files, and the lock file (``~$plan.docx``) Word leaves beside an open document."""
    return name.startswith((".", "~$"))


def first_use_libraries(documents: list[Path]) -> tuple[str, ...]:
    """The libraries reading ``documents`` will import (``FIRST_USE_LIBRARIES``), each once."""
    suffixes = {path.suffix.lower() for path in documents}
    return tuple(dict.fromkeys(name for suffix, names in FIRST_USE_LIBRARIES.items() if suffix in suffixes for name in names))
