"""Paths to the repository's own test material (never ../shared)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DATA = Path(__file__).resolve().parent / "data"
GOLD = DATA / "gold"
SEEDS = ("jieyang-2022", "jinjiang-2022", "qingcheng-2021", "yangzhou-2022", "zhanjiang-2016")
EXTRA = ("wufei-chengshi-2018", "yaopin-caigou-2019", "zhiye-jiaoyu-gaige-2019")
GOLD_DOCS = SEEDS + EXTRA


def gold_text_path(stem: str) -> Path:
    """The text a gold file was annotated on: a seed sample or an extra plan."""
    return SAMPLES / f"{stem}.txt" if stem in SEEDS else DATA / "extra" / f"{stem}.txt"


def load_gold(stem: str, part: str) -> dict:
    return json.loads((GOLD / f"{stem}.{part}.json").read_text(encoding="utf-8"))


@pytest.fixture(params=GOLD_DOCS)
def gold_doc(request) -> str:
    return request.param


def write_plan(folder: Path, text: str) -> Path:
    """A plan made for one test: ``text`` as ``plan.txt`` in ``folder``."""
    plan = folder / "plan.txt"
    plan.write_text(text, encoding="utf-8")
    return plan
