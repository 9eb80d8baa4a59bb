"""Whole plans of fields the corpus does not hold (tests/data/unseen/), each answered by hand before planparse
read it: river chiefs, old housing estates, fitness for all, veterans' services, grain security, digital government, gas
safety, health, carbon peaking, education, science literacy, farmland, elderly care, rural roads, culture and tourism,
business environment, flood control, fire safety, childcare, medical insurance payment (a web page on one line), weather
disasters (a traditional copy), digital countryside, food safety, intellectual property, employment, rental housing,
waste sorting, maternal and child health (a traditional web page on one line), forests (林长制, a yearly task
table whose cells hold their units), consumption (a city's web page), water security (a traditional copy),
disability (a 办法 in articles), rural revitalisation (a one-year 工作要点),
civil air defence, energy, statistics (a bureau's 工作要点 signed at its end), air pollution (a one-year 工作方案 in half-width
(一) and 1、 with 【牵头单位】 notes and a task list), women's development (a ten-year 规划 whose goals are its headings),
animal health (a notice's 附件1 with notes at its top level),
science and technology innovation (spaces around every number).

Each plan is read as written (lined) and with its line breaks lost (flat, as crawlers keep it); what it
gets right may grow but not shrink, and what it wrongly gives may shrink but not grow. After a change that
improves them, rewrite tests/data/unseen/figures.json with ``.venv/bin/python tests/test_unseen_plans.py``.
"""
from __future__ import annotations

import dataclasses
import json
import tempfile
from pathlib import Path

import pytest

from conftest import DATA
from gold_score import Score, score
from planparse.models import Document
from planparse.pipeline import extract

UNSEEN = DATA / "unseen"

# What each plan gets right, lined and flat: (found, given, wanted) of headings, numeric targets, milestones and
# responsibilities, the agreeing fields of found numeric targets, and the agreeing metadata fields.
FIGURES = {(stem, shape): Score(**{part: tuple(value) if isinstance(value, list) else value for part, value in figures.items()})
           for stem, shapes in json.loads((UNSEEN / "figures.json").read_text(encoding="utf-8")).items()
           for shape, figures in shapes.items()}


def plan_text(stem: str, shape: str) -> str:
    text = (UNSEEN / f"{stem}.txt").read_text(encoding="utf-8")
    return text if shape == "lined" else "".join(text.splitlines()) + "\n"


def read(stem: str, shape: str, folder: Path) -> Document:
    plan = folder / f"{stem}.txt"
    plan.write_text(plan_text(stem, shape), encoding="utf-8")
    return extract(plan)


def scored_against_gold(stem: str, document: Document) -> Score:
    gold = json.loads((UNSEEN / f"{stem}.targets.json").read_text(encoding="utf-8"))
    headings = json.loads((UNSEEN / f"{stem}.headings.json").read_text(encoding="utf-8"))["headings"]
    return score(document, headings, gold)


@pytest.mark.parametrize(("stem", "shape"), list(FIGURES), ids=[f"{stem}-{shape}" for stem, shape in FIGURES])
def test_an_unseen_plan_keeps_what_it_gets_right(stem, shape, tmp_path):
    reached, now = FIGURES[stem, shape], scored_against_gold(stem, read(stem, shape, tmp_path))
    for part in ("headings", "numeric", "milestones", "responsibilities"):
        (found, given, _), (found_now, given_now, _) = getattr(reached, part), getattr(now, part)
        assert found_now >= found, f"{part}: {found_now} found, {found} before"
        assert given_now - found_now <= given - found, f"{part}: {given_now - found_now} wrongly given, {given - found} before"
    assert now.fields >= reached.fields and now.metadata >= reached.metadata


def test_the_score_counts_a_lost_target_and_a_spurious_one(tmp_path):
    """The test above can fail: a target dropped from an extraction is one fewer found, one added one more wrongly given."""
    stem = "songling-quanmin-jianshen-2022"
    document = read(stem, "lined", tmp_path)
    whole = scored_against_gold(stem, document).numeric
    first = next(t for t in document.targets if t.kind != "milestone")
    lost = scored_against_gold(stem, document.model_copy(update={"targets": [t for t in document.targets if t is not first]})).numeric
    spurious = first.model_copy(update={"value": 7, "text": "", "quote": "七"})
    added = scored_against_gold(stem, document.model_copy(update={"targets": [*document.targets, spurious]})).numeric
    assert lost == (whole[0] - 1, whole[1] - 1, whole[2]) and added == (whole[0], whole[1] + 1, whole[2])


def write_figures() -> None:
    """figures.json from what planparse gets right now, one line a plan and shape."""
    with tempfile.TemporaryDirectory() as folder:
        figures = {stem: {shape: dataclasses.asdict(scored_against_gold(stem, read(stem, shape, Path(folder)))) for shape in ("lined", "flat")}
                   for stem in sorted(path.stem for path in UNSEEN.glob("*.txt"))}
    lines = [f' "{stem}": {{' + ", ".join(f'"{shape}": {json.dumps(figures[stem][shape])}' for shape in shapes) + "}"
             for stem, shapes in figures.items()]
    (UNSEEN / "figures.json").write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")


if __name__ == "__main__":
    write_figures()
