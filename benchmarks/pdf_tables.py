"""Finding ruled tables: PDFium's rulings with pdfplumber's grid search, against pdfplumber alone.

    .venv/bin/python benchmarks/pdf_tables.py [PDF ...]

For every page that draws rulings, both ways find the tables; the script prints the CPU
time of each, their ratio, and whether they read the same cells. Without arguments it uses
the samples (and the 92-page annual plan of the real corpus when ../shared is there).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import pypdfium2 as pdfium

from planparse.readers import pdf

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [*sorted((ROOT / "samples").glob("*.pdf")),
           ROOT.parent / "shared/corpus/real/shenzhen-2016-jianshe-tudi-liyong-shishi-jihua.pdf"]


def measure(path: Path) -> tuple[float, float, int, int]:
    data = path.read_bytes()
    document = pdfium.PdfDocument(data)
    ruled_pages = [index for index in range(len(document))
                   if pdf._survey_page(document[index]).path_segments >= pdf._MIN_TABLE_SEGMENTS]
    start = time.process_time()
    ours = [pdf._ruled_tables(document[index]) for index in ruled_pages]
    ours_time = time.process_time() - start
    plumber = pdf._Plumber(data)
    start = time.process_time()
    theirs = [plumber.tables(index) for index in ruled_pages]
    theirs_time = time.process_time() - start
    same = sum(1 for a, b in zip(ours, theirs) if [t.rows for t in a] == [t.rows for t in b])
    return ours_time, theirs_time, same, len(ruled_pages)


def main(paths: list[Path]) -> None:
    total_ours = total_theirs = 0.0
    for path in paths:
        if not path.exists():
            continue
        ours, theirs, same, pages = measure(path)
        total_ours, total_theirs = total_ours + ours, total_theirs + theirs
        print(f"{path.name:60} pages {pages:3}  PDFium {ours:6.2f}s  pdfplumber {theirs:6.2f}s  same cells on {same}/{pages}")
    if total_ours:
        print(f"pdfplumber / PDFium rulings: {total_theirs / total_ours:.1f}x")


if __name__ == "__main__":
    main([Path(arg) for arg in sys.argv[1:]] or DEFAULT)
