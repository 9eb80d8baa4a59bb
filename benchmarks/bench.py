"""Speed of planparse on the repository's samples, as ratios to baselines timed in the same run.

    .venv/bin/python benchmarks/bench.py

Each measurement is a function in ``MEASUREMENTS`` returning one printed
line; add one there to measure something new. Ratios, not absolute times,
are what compare across machines: no pass/fail is printed.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from planparse.pipeline import extract

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
REPEATS = 3  # the best of a few runs: the least disturbed by other processes


def best_time(task: Callable[[], object], repeats: int = REPEATS) -> float:
    """The shortest wall time of ``repeats`` runs of ``task``, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        task()
        times.append(time.perf_counter() - start)
    return min(times)


def samples(suffix: str) -> list[Path]:
    return sorted(SAMPLES.glob(f"*.{suffix}"))


def txt_documents_per_second() -> str:
    documents = samples("txt")
    extract(documents[0])  # first-use imports and rule loading are not per-document costs
    seconds = best_time(lambda: [extract(path) for path in documents])
    return f"TXT full extraction: {len(documents) / seconds:.1f} documents/s ({len(documents)} documents)"


def _pdfplumber_text(paths: list[Path]) -> None:
    import pdfplumber

    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()


def pdf_extraction_vs_pdfplumber_text() -> str:
    documents = samples("pdf")
    extract(documents[0])
    ours = best_time(lambda: [extract(path) for path in documents])
    baseline = best_time(lambda: _pdfplumber_text(documents), repeats=1)  # slow and steady
    return (
        f"PDF full extraction / pdfplumber extract_text: {ours / baseline:.3f} "
        f"({len(documents)} documents, target <= 0.2)"
    )


MEASUREMENTS: list[Callable[[], str]] = [
    txt_documents_per_second,
    pdf_extraction_vs_pdfplumber_text,
]


def main() -> None:
    for measure in MEASUREMENTS:
        print(measure(), flush=True)


if __name__ == "__main__":
    main()
