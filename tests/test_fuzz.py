"""Fuzzing ``extract`` with random and mutated plan text: exit 0 or 2, one line on stderr at most,
never a traceback, and a JSON output valid against ``planparse schema``."""
from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from conftest import SAMPLES
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from planparse.pipeline import NOTHING_OF_A_PLAN

UNREADABLE = re.compile(r"\d+ unreadable characters? \(�\) on lines? \d")  # the readers' warning of a text holding �

# Pieces of the genre, and of what a hostile file holds: markers, amounts, units, comparators, punctuation,
# full-width and Arabic-Indic digits, formula starts, controls, surrogate-free astral characters.
PIECES = ["一、", "（二）", "3.", "（4）", "⑤", "第六章", "到2025年", "超过", "以上", "不少于", "%", "万", "亿", "个", "名",
          "人次", "元", "每年", "全覆盖", "。", "，", "；", "、", "\n", "\r\n", "\t", "牵头单位：", "责任单位：", "市科协",
          "２０２５", "٣", "1%", "9" * 30, "〔2022〕55号", "=", "+", "-", "@", "\x00", "\x0b", "\u200b", "\ufeff", "𠀀", "  "]
SEED_TEXT = (SAMPLES / "jieyang-2022.txt").read_text(encoding="utf-8")
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "utf-16"]


@st.composite
def random_text(draw) -> str:
    return "".join(draw(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=300)))


@st.composite
def mutated_plan(draw) -> str:
    """A slice of a real plan, cut, doubled and spliced with random pieces at random places."""
    start = draw(st.integers(0, len(SEED_TEXT) - 1))
    text = SEED_TEXT[start:start + draw(st.integers(1, 3000))]
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "double"]))
        if action == "insert":
            text = text[:at] + draw(random_text()) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(0, 200)):]
        else:
            text = text[:at] + text[at:at + draw(st.integers(0, 200))] * 2 + text[at:]
    return text


@pytest.fixture(scope="module")
def schema() -> dict:
    from planparse.models import Document

    return Document.model_json_schema()


def test_the_schema_command_prints_the_schema_the_fuzzing_checks_against(planparse, schema: dict):
    assert json.loads(planparse("schema").stdout) == schema


@settings(max_examples=80, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=st.one_of(random_text(), mutated_plan()), encoding=st.sampled_from(ENCODINGS), suffix=st.sampled_from([".txt", ".txt", ".txt", ".docx", ".pdf"]))
def test_extract_survives_any_text(planparse, schema: dict, tmp_path_factory, text: str, encoding: str, suffix: str):
    plan = tmp_path_factory.mktemp("fuzz") / f"plan{suffix}"
    plan.write_bytes(text.encode(encoding, errors="surrogatepass" if encoding == "utf-16" else "replace"))
    run = planparse("extract", plan)
    event(f"{suffix}: exit {run.code} {run.stderr.split(': ')[-1][:40] if run.code else ''}")  # --hypothesis-show-statistics: how many extracted, how many refused
    assert run.code in (0, 2), run.stderr
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr
    if run.code == 2:
        assert run.stderr.count("\n") == 1 and run.stderr.startswith(f"planparse: {plan}: ") and run.stdout == ""
    else:  # a text that gives nothing of a plan (random letters) is said so, and one holding � (a byte its encoding
        # does not read, or the character itself) says on which lines; any other says nothing
        for line in run.stderr.splitlines():
            said = line.removeprefix(f"planparse: {plan}: ")
            assert said == NOTHING_OF_A_PLAN.message or UNREADABLE.match(said), run.stderr
        jsonschema.validate(json.loads(run.stdout), schema)
