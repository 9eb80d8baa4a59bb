"""Every extraction of the gold plans is what tests/data/snapshots/ holds (see tests/snapshots.py)."""
from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from conftest import GOLD_DOCS
from snapshots import OTHER_FORMATS, SHAPES, SNAPSHOTS, plan_text, snapshot, snapshot_name


def assert_as_kept(path: Path) -> None:
    kept = (SNAPSHOTS / snapshot_name(path)).read_text(encoding="utf-8")
    now = snapshot(path)
    if now != kept:
        diff = "".join(list(difflib.unified_diff(kept.splitlines(True), now.splitlines(True), "kept", "now", n=2))[:60])
        pytest.fail(f"{path.name} no longer extracts as kept; if meant, run tests/snapshots.py\n{diff}")


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("stem", GOLD_DOCS)
def test_a_gold_plan_extracts_as_kept(tmp_path, stem, shape):
    plan = tmp_path / f"{stem}.{shape}.txt"
    plan.write_text(plan_text(stem, shape), encoding="utf-8")
    assert_as_kept(plan)


@pytest.mark.parametrize("path", OTHER_FORMATS, ids=lambda path: path.name)
def test_a_docx_pdf_and_web_page_extract_as_kept(path):
    assert_as_kept(path)
