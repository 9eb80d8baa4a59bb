"""Whole extractions of the gold plans, kept so that any change to what planparse outputs shows as a diff.

    .venv/bin/python tests/snapshots.py          # rewrite tests/data/snapshots/ after a change you meant

A speed-up must leave these files as they are; a change to the extraction rewrites
them on purpose, and the diff of the rewritten files is what the change does.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from planparse.pipeline import extract

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))
from conftest import DATA, GOLD_DOCS, SAMPLES, gold_text_path  # noqa: E402

SNAPSHOTS = DATA / "snapshots"
SHAPES = ("lined", "flat")  # as the file gives its lines, and every line joined (a crawler's copy)
OTHER_FORMATS = (SAMPLES / "jieyang-2022.docx", SAMPLES / "jinjiang-2022.pdf", SAMPLES / "web-page-sample.html")


def plan_text(stem: str, shape: str) -> str:
    text = gold_text_path(stem).read_text(encoding="utf-8")
    return text if shape == "lined" else "".join(text.splitlines()) + "\n"


def snapshot(path: Path) -> str:
    """The extraction of ``path`` as JSON, without the path it was read from."""
    document = extract(path).model_dump(mode="json")
    document["source"].pop("path")
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def snapshot_name(path: Path) -> str:
    return f"{path.name}.json"


def write_all(folder: Path) -> None:
    """Rewrite every snapshot; the plans in their two shapes are written to ``folder`` first."""
    SNAPSHOTS.mkdir(exist_ok=True)
    for stem in GOLD_DOCS:
        for shape in SHAPES:
            plan = folder / f"{stem}.{shape}.txt"
            plan.write_text(plan_text(stem, shape), encoding="utf-8")
            (SNAPSHOTS / snapshot_name(plan)).write_text(snapshot(plan), encoding="utf-8")
    for path in OTHER_FORMATS:
        (SNAPSHOTS / snapshot_name(path)).write_text(snapshot(path), encoding="utf-8")


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as work:
        write_all(Path(work))
