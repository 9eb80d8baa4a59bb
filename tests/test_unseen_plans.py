"""Whole plans of fields the corpus does not hold (tests/data/unseen/), each answered by hand before planparse
read it: river chiefs, old housing estates, fitness for all, veterans' services, grain security, digital government.

Each plan is read as written (lined) and with its line breaks lost (flat, as crawlers keep it); what it
gets right may grow but not shrink, and what it wrongly gives may shrink but not grow.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import DATA
from gold_score import Score, score
from planparse.pipeline import extract

UNSEEN = DATA / "unseen"

# (found, given, wanted) per part, then the fields of found numeric targets and the metadata fields that agree
FIGURES = {
    ("heyang-laojiu-xiaoqu-gaizao-2023", "lined"): Score(headings=(21, 21, 21), numeric=(19, 21, 19), milestones=(0, 0, 0), fields=95, metadata=5, responsibilities=(5, 5, 5)),
    ("heyang-laojiu-xiaoqu-gaizao-2023", "flat"): Score(headings=(20, 21, 21), numeric=(13, 15, 19), milestones=(0, 0, 0), fields=65, metadata=4, responsibilities=(4, 5, 5)),
    ("lanxi-shuzi-zhengfu-2023", "lined"): Score(headings=(17, 17, 17), numeric=(17, 17, 17), milestones=(2, 2, 2), fields=85, metadata=5, responsibilities=(2, 2, 2)),
    ("lanxi-shuzi-zhengfu-2023", "flat"): Score(headings=(17, 17, 17), numeric=(17, 17, 17), milestones=(2, 2, 2), fields=85, metadata=5, responsibilities=(2, 2, 2)),
    ("ningchuan-xingfu-hehu-2024", "lined"): Score(headings=(21, 21, 21), numeric=(23, 23, 23), milestones=(3, 3, 3), fields=115, metadata=5, responsibilities=(9, 9, 9)),
    ("ningchuan-xingfu-hehu-2024", "flat"): Score(headings=(20, 21, 21), numeric=(23, 23, 23), milestones=(3, 3, 3), fields=115, metadata=5, responsibilities=(9, 9, 9)),
    ("qinghe-tuiyi-junren-fuwu-2024", "lined"): Score(headings=(11, 11, 11), numeric=(14, 14, 14), milestones=(2, 2, 2), fields=70, metadata=5, responsibilities=(4, 4, 4)),
    ("qinghe-tuiyi-junren-fuwu-2024", "flat"): Score(headings=(11, 11, 11), numeric=(14, 14, 14), milestones=(2, 2, 2), fields=70, metadata=5, responsibilities=(4, 4, 4)),
    ("songling-quanmin-jianshen-2022", "lined"): Score(headings=(19, 19, 19), numeric=(23, 23, 23), milestones=(1, 1, 1), fields=115, metadata=5, responsibilities=(4, 4, 4)),
    ("songling-quanmin-jianshen-2022", "flat"): Score(headings=(19, 19, 19), numeric=(23, 23, 23), milestones=(1, 1, 1), fields=115, metadata=5, responsibilities=(4, 4, 4)),
    ("yunling-liangshi-anquan-guihua-2021", "lined"): Score(headings=(16, 16, 16), numeric=(20, 20, 20), milestones=(0, 0, 0), fields=99, metadata=5, responsibilities=(0, 0, 0)),
    ("yunling-liangshi-anquan-guihua-2021", "flat"): Score(headings=(15, 16, 16), numeric=(16, 16, 20), milestones=(0, 0, 0), fields=79, metadata=5, responsibilities=(0, 0, 0)),
}


def plan_text(stem: str, shape: str) -> str:
    text = (UNSEEN / f"{stem}.txt").read_text(encoding="utf-8")
    return text if shape == "lined" else "".join(text.splitlines()) + "\n"


def scored(stem: str, shape: str, folder: Path) -> Score:
    plan = folder / f"{stem}.txt"
    plan.write_text(plan_text(stem, shape), encoding="utf-8")
    gold = json.loads((UNSEEN / f"{stem}.targets.json").read_text(encoding="utf-8"))
    headings = json.loads((UNSEEN / f"{stem}.headings.json").read_text(encoding="utf-8"))["headings"]
    return score(extract(plan), headings, gold)


@pytest.mark.parametrize(("stem", "shape"), list(FIGURES), ids=[f"{stem}-{shape}" for stem, shape in FIGURES])
def test_an_unseen_plan_keeps_what_it_gets_right(stem, shape, tmp_path):
    reached, now = FIGURES[stem, shape], scored(stem, shape, tmp_path)
    for part in ("headings", "numeric", "milestones", "responsibilities"):
        (found, given, _), (found_now, given_now, _) = getattr(reached, part), getattr(now, part)
        assert found_now >= found, f"{part}: {found_now} found, {found} before"
        assert given_now - found_now <= given - found, f"{part}: {given_now - found_now} wrongly given, {given - found} before"
    assert now.fields >= reached.fields and now.metadata >= reached.metadata


def test_the_score_counts_a_lost_target_and_a_spurious_one(tmp_path):
    """The test above can fail: a target dropped from an extraction is one fewer found, one added one more wrongly given."""
    stem = "songling-quanmin-jianshen-2022"
    plan = tmp_path / f"{stem}.txt"
    plan.write_text(plan_text(stem, "lined"), encoding="utf-8")
    gold = json.loads((UNSEEN / f"{stem}.targets.json").read_text(encoding="utf-8"))
    headings = json.loads((UNSEEN / f"{stem}.headings.json").read_text(encoding="utf-8"))["headings"]
    document = extract(plan)
    whole = score(document, headings, gold).numeric
    first = next(t for t in document.targets if t.kind != "milestone")
    lost = score(document.model_copy(update={"targets": [t for t in document.targets if t is not first]}), headings, gold).numeric
    spurious = first.model_copy(update={"value": 7, "text": "", "quote": "七"})
    added = score(document.model_copy(update={"targets": [*document.targets, spurious]}), headings, gold).numeric
    assert lost == (whole[0] - 1, whole[1] - 1, whole[2]) and added == (whole[0], whole[1] + 1, whole[2])
