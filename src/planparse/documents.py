"""Which files are plan documents, and what reading each kind needs."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DOCUMENT_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm", ".mht", ".mhtml", ".rtf", ".doc", ".wps", ".odt", ".ofd", ".xlsx")

# The modules a reader imports only at its first document of the kind (readers/): a batch imports
# those of the kinds in its folder once, before it forks its workers, instead of every worker on its own.
FIRST_USE_LIBRARIES = {
    ".docx": ("planparse.readers.docx",),  # python-docx and lxml
    # pypdfium2; pdfplumber for pages with tables or rulings, and pdfminer's maps of Chinese characters it reads them with;
    # the count of what a PDF's streams inflate to (its patterns compiled at import, in each worker when not listed)
    ".pdf": ("planparse.readers.pdf", "pdfplumber", "pdfplumber.table", "planparse.readers.chinese_pdf_maps",
             "planparse.readers.pdf_streams"),
    ".html": ("planparse.readers.html", "readability"),  # lxml; the article of a web page
    ".htm": ("planparse.readers.html", "readability"),
    ".mht": ("planparse.readers.html", "readability", "email"),  # a web archive: the page inside a MIME message
    ".mhtml": ("planparse.readers.html", "readability", "email"),
    ".doc": ("planparse.readers.doc",),  # olefile
    ".wps": ("planparse.readers.doc",),
    ".odt": ("planparse.readers.odt",),  # lxml
    ".ofd": ("planparse.readers.ofd",),  # lxml
    ".xlsx": ("planparse.readers.xlsx",),  # lxml
}

# The limits on what a document holds are in limits.py. What remains unbounded is in libraries' C code, which
# Python cannot interrupt: PDFium parses a page's forms whole before any is counted (a 3 KB PDF nesting forms
# eight deep takes it hours). The largest plan we know of is read in seconds; one still being read after this
# many is stopped (here, not in limits.py: ``batch --help`` shows it without loading what limits.py needs).
MAX_DOCUMENT_SECONDS = 120


@dataclass(frozen=True)
class InputPlans:
    """An input of compare, report or diff (a plan, standard input, a folder) and what it stands for, from one walk
    of a folder: the files to read, and what is named as a plan but is no file to read (a named pipe, a socket, a
    device, a link to nothing) with why, left out as batch fails it. Each command walks a folder once and hands this on."""

    path: Path
    files: list[Path]
    skipped: list[tuple[Path, str]] = field(default_factory=list)

    @classmethod
    def alone(cls, path: str | Path) -> InputPlans:
        """A plan named on its own (extract's, explain's)."""
        return cls(Path(path), [Path(path)])


def is_hidden(name: str) -> bool:
    """Hidden files, and the lock file (``~$plan.docx``) Word leaves beside an open document."""
    return name.startswith((".", "~$"))


# Names of this process's open descriptors (/dev/stdout -> /proc/self/fd/1 -> the file a shell opened).
_DESCRIPTORS = ("/proc/", "/dev/fd/", "/dev/stdin", "/dev/stdout", "/dev/stderr")
_MAX_LINKS = 40  # as the kernel follows at most 40 links


def is_descriptor(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` or a link it leads through names an open descriptor: writing it must write
    that descriptor, not replace the file it happens to be open on; reading it (``<(cmd)``) reads a pipe."""
    name = os.path.abspath(path)
    for _ in range(_MAX_LINKS):
        if name.startswith(_DESCRIPTORS):
            return True
        if not os.path.islink(name):
            return False
        name = os.path.join(os.path.dirname(name), os.readlink(name))
    return False
