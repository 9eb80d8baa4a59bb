"""Which files are plan documents, and what reading each kind needs."""
from __future__ import annotations

DOCUMENT_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")

# The modules a reader imports only at its first document of the kind (readers/): a batch imports
# those of the kinds in its folder once, before it forks its workers, instead of every worker on its own.
FIRST_USE_LIBRARIES = {
    ".docx": ("planparse.readers.docx",),  # python-docx and lxml
    # pypdfium2; pdfplumber for pages with tables or rulings, and pdfminer's maps of Chinese characters it reads them with
    ".pdf": ("planparse.readers.pdf", "pdfplumber", "pdfplumber.table", "planparse.readers.chinese_pdf_maps"),
    ".html": ("planparse.readers.html", "readability"),  # lxml; the article of a web page
    ".htm": ("planparse.readers.html", "readability"),
}


def is_hidden(name: str) -> bool:
    """Hidden files, and the lock file (``~$plan.docx``) Word leaves beside an open document."""
    return name.startswith((".", "~$"))

