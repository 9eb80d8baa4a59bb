"""Speed of planparse on the repository's samples, as ratios to baselines timed in the same run.

    .venv/bin/python benchmarks/bench.py

Each measurement is a function in ``MEASUREMENTS`` returning one printed
line; add one there to measure something new. Ratios, not absolute times,
are what compare across machines: no pass/fail is printed.
"""
from __future__ import annotations

import os
import shutil
import tempfile
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


def targets_per_document() -> str:
    """Full extraction (with targets) of each TXT sample, and the share of it the targets stage takes."""
    from planparse.normalize import normalize
    from planparse.readers import read_document
    from planparse.structure import build_outline
    from planparse.targets import find_targets

    lines = []
    for path in samples("txt"):
        extract(path)  # rules and jieba's dictionary load once per process, not per document
        whole = best_time(lambda: extract(path))
        outline = build_outline(normalize(read_document(path).lines))
        stage = best_time(lambda: find_targets(outline))
        count = len(find_targets(outline))
        lines.append(f"  {path.stem}: {whole * 1000:.0f} ms, {count} targets, targets stage {stage / whole:.0%} of it")
    return "Full extraction with targets, per document:\n" + "\n".join(lines)


class _Silent:
    def start(self, to_run: int) -> None: ...

    def finished(self, outcome: object) -> None: ...


# Copies of every sample (90 documents): enough that starting the workers
# (the fork server loads the pipeline and jieba once) is amortised.
BATCH_COPIES = 6
BATCH_REPEATS = 2  # the best of each: the run least disturbed by other processes


def batch_speed_up() -> str:
    """Throughput of ``planparse batch`` with one and two workers on the same folder."""
    from planparse.batch import BatchOptions, find_documents, run_batch

    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "plans"
        for copy in range(BATCH_COPIES):
            shutil.copytree(SAMPLES, folder / str(copy), ignore=shutil.ignore_patterns("*.py"))
        runs = {jobs: BatchOptions(folder, Path(work) / f"out{jobs}", jobs=jobs, recursive=True, force=True) for jobs in (1, 2)}
        documents = len(find_documents(runs[1]))
        seconds: dict[int, float] = {}
        for _ in range(BATCH_REPEATS):  # alternating, so a busy spell does not hit one side only
            for jobs, options in runs.items():
                start = time.perf_counter()
                run_batch(options, _Silent())
                seconds[jobs] = min(seconds.get(jobs, float("inf")), time.perf_counter() - start)
    return (
        f"batch: {documents / seconds[1]:.1f} documents/s with --jobs 1, {documents / seconds[2]:.1f} with --jobs 2: "
        f"speed-up {seconds[1] / seconds[2]:.2f} ({documents} documents, target >= 1.6 on 2 cores; "
        f"load average {os.getloadavg()[0]:.2f}: other processes take cores from the workers)"
    )




MEASUREMENTS: list[Callable[[], str]] = [
    txt_documents_per_second,
    targets_per_document,
    pdf_extraction_vs_pdfplumber_text,
    batch_speed_up,
]


def main() -> None:
    for measure in MEASUREMENTS:
        print(measure(), flush=True)


if __name__ == "__main__":
    main()
