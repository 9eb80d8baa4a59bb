"""Errors click finds itself, and unreadable or unwritable paths: one line naming the path, exit 2."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import SAMPLES, as_user, run_bounded

PLAN = SAMPLES / "jinjiang-2022.txt"


def planparse(*args: object, user: bool = False) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "planparse", *map(str, args)]
    return run_bounded(as_user(command) if user else command, timeout=120)


def assert_one_line(run: subprocess.CompletedProcess, *parts: str) -> None:
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr, run.stderr
    for part in parts:
        assert part in run.stderr


def test_output_onto_a_folder_is_one_line(tmp_path: Path):
    run = planparse("extract", PLAN, "-o", tmp_path)
    assert_one_line(run, "planparse extract: ", f"'{tmp_path}' is a directory", "(see planparse extract --help)")


def test_batch_given_a_file_is_one_line(tmp_path: Path):
    assert_one_line(planparse("batch", PLAN, "-o", tmp_path / "out"), "planparse batch: ", f"'{PLAN}' is a file")


def test_an_unknown_option_is_one_line():
    assert_one_line(planparse("extract", PLAN, "--bogus"), "planparse extract: No such option '--bogus'")


def test_an_unreadable_file_is_one_line(tmp_path: Path):
    plan = tmp_path / "plan.txt"
    plan.write_bytes(PLAN.read_bytes())
    plan.chmod(0)
    assert_one_line(planparse("extract", plan, user=True), "planparse extract: ", f"'{plan}' is not readable")


def test_an_unwritable_output_folder_is_one_line_and_leaves_nothing(tmp_path: Path):
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    run = planparse("extract", PLAN, "-o", folder / "plan.json", user=True)
    assert_one_line(run, f"planparse: {folder / 'plan.json'}: cannot write output (no new file can be made in {folder}: "
                         "Permission denied)")
    assert list(folder.iterdir()) == []
