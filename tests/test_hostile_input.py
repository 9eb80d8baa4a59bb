"""Hostile files the other bad-input tests do not reach: each is one line naming the file and its
problem, exit code 2 (or a failed document in a batch), in bounded time and memory."""
from __future__ import annotations

import codecs
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from planparse.errors import PlanparseError
from planparse.readers.txt import read_txt

EXIT_ERROR = 2
BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE]


def run_planparse(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "planparse", *args], capture_output=True, text=True, timeout=60, cwd=cwd)


@settings(max_examples=300)
@given(bom=st.sampled_from(BOMS), rest=st.binary(max_size=64))
def test_any_bytes_after_a_byte_order_mark_are_read_or_refused_as_bad_input(bom: bytes, rest: bytes):
    try:
        read_txt(Path("plan.txt"), bom + rest)
    except PlanparseError as exc:
        assert exc.path == "plan.txt"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        pytest.param(codecs.BOM_UTF16_LE + "到2025年".encode("utf-16-le") + b"\x00", "not valid UTF-16 text", id="utf-16-cut-mid-character"),
        pytest.param(codecs.BOM_UTF16_LE + b"\x00\xd8" * 4, "not valid UTF-16 text", id="utf-16-lone-surrogates"),
        pytest.param(codecs.BOM_UTF8 + "到2025年".encode("utf-8")[:-1], "not valid UTF-8 text", id="utf-8-cut-mid-character"),
    ],
)
def test_text_broken_after_its_byte_order_mark_is_one_line(data: bytes, problem: str, tmp_path: Path):
    plan = tmp_path / "plan.txt"
    plan.write_bytes(data)
    run = run_planparse("extract", str(plan))
    assert run.returncode == EXIT_ERROR and run.stdout == ""
    assert run.stderr.startswith(f"planparse: {plan}: {problem}") and run.stderr.count("\n") == 1


def _address_space_of_1_gib() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))


def test_a_plan_grown_past_the_size_limit_since_the_last_batch_fails_alone_without_being_read_whole(tmp_path: Path):
    plans, out = tmp_path / "plans", tmp_path / "out"
    plans.mkdir()
    plan = plans / "plan.txt"
    plan.write_bytes((SAMPLES / "jieyang-2022.txt").read_bytes())
    assert run_planparse("batch", str(plans), "-o", str(out), "-q", "-j", "1").returncode == 0
    os.truncate(plan, 4 * 2**30)  # sparse: four gigabytes of zeros on disk in no space
    run = subprocess.run([sys.executable, "-m", "planparse", "batch", str(plans), "-o", str(out), "-q", "-j", "1"],
                         capture_output=True, text=True, timeout=60, preexec_fn=_address_space_of_1_gib)
    assert run.returncode == 1, run.stderr
    assert "plan.txt: FAILED (bad input): the file has more than 100 MB" in run.stderr and "internal error" not in run.stderr


@pytest.mark.parametrize("command", ["extract", "explain", "compare", "report"])
@pytest.mark.parametrize("through_link", [False, True], ids=["by-name", "through-a-link"])
def test_an_output_that_is_an_input_is_refused_and_the_plan_kept(command: str, through_link: bool, tmp_path: Path):
    plan = tmp_path / "plan.txt"
    original = (SAMPLES / "jieyang-2022.txt").read_bytes()
    plan.write_bytes(original)
    output = plan
    if through_link:
        output = tmp_path / "result.json"
        output.symlink_to(plan.name)
    inputs = [str(plan)] if command in ("extract", "explain") else [str(SAMPLES / "jinjiang-2022.txt"), str(plan)]
    run = run_planparse(command, *inputs, "-o", str(output))
    assert run.returncode == EXIT_ERROR and run.stdout == ""
    assert run.stderr == f"planparse: {output}: cannot write output over the input {plan}; choose another output file\n"
    assert plan.read_bytes() == original
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted({plan.name, output.name})  # no temporary file left
