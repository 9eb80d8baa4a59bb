"""The extract and schema commands, run as a user runs them."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import DATA, SAMPLES, run_bounded

from planparse import __version__
from planparse.cli import cli
from planparse.models import Document


def run_planparse(*args: str, seed: str = "0") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return run_bounded([sys.executable, "-m", "planparse", *args], 120, env=env, text=False)


def test_output_is_the_same_bytes_whatever_the_hash_seed():
    for sample in ("jieyang-2022.pdf", "yangzhou-2022.docx"):
        first, second = run_planparse("extract", str(SAMPLES / sample), seed="1"), run_planparse("extract", str(SAMPLES / sample), seed="2")
        assert first.returncode == second.returncode == 0
        assert first.stdout == second.stdout


@pytest.mark.parametrize("command", [["extract"], ["explain"], ["compare"]])
def test_output_dash_means_standard_output(tmp_path, command):
    result = run_bounded([sys.executable, "-m", "planparse", *command, str(SAMPLES / "jieyang-2022.txt"), "-o", "-"], 120, cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.strip()
    assert list(tmp_path.iterdir()) == []


def test_json_output_validates_against_the_models():
    result = CliRunner().invoke(cli, ["extract", str(SAMPLES / "qingcheng-2021.txt")])
    assert result.exit_code == 0
    document = Document.model_validate_json(result.output)
    assert document.source.format == "txt" and document.targets and document.sections


def test_standard_input_reads_like_a_file():
    text = (SAMPLES / "jinjiang-2022.txt").read_bytes()
    from_stdin = run_bounded([sys.executable, "-m", "planparse", "extract", "-"], 60, input=text, text=False)
    from_file = run_planparse("extract", str(SAMPLES / "jinjiang-2022.txt"))
    assert json.loads(from_stdin.stdout)["targets"] == json.loads(from_file.stdout)["targets"]


def test_schema_describes_the_output_fields():
    result = CliRunner().invoke(cli, ["schema"])
    schema = json.loads(result.output)
    assert result.exit_code == 0
    assert {"metadata", "sections", "targets", "responsibilities", "tables"} <= set(schema["properties"])


def _batch_file(name: str) -> Callable[[Path], object]:
    """A batch over a plan and a broken file; ``name`` is the JSON file it leaves in its output folder."""
    def written(work: Path) -> object:
        (work / "in").mkdir()
        shutil.copy(SAMPLES / "jinjiang-2022.txt", work / "in")
        shutil.copy(DATA / "broken" / "truncated.docx", work / "in")
        run_planparse("batch", str(work / "in"), "-o", str(work / "out"), "-q")
        return json.loads((work / "out" / name).read_text(encoding="utf-8"))
    return written


def _printed(*args: str) -> Callable[[Path], object]:
    return lambda work: json.loads(run_planparse(*args).stdout)


_PLAN, _EDITED = str(SAMPLES / "jieyang-2022.txt"), str(DATA / "edits" / "jieyang-2022.value.txt")
OUTPUTS = {
    "extract": _printed("extract", _PLAN),
    "diff": _printed("diff", _PLAN, _EDITED, "--format", "json"),
    "compare": _printed("compare", _PLAN, str(SAMPLES / "jinjiang-2022.txt"), "--format", "json"),
    "explain": _printed("explain", _PLAN, "--format", "json"),
    "batch-manifest": _batch_file("manifest.json"),
    "batch-errors": _batch_file("errors.json"),
}


@pytest.mark.parametrize("output", OUTPUTS)
def test_every_json_output_is_valid_under_its_printed_schema(tmp_path, output):
    data = OUTPUTS[output](tmp_path)
    assert data, f"{output} wrote nothing to check"
    schema = json.loads(run_planparse("schema", output).stdout)
    jsonschema.validate(data, schema)
    if output == "batch-errors":  # the broken file is there, so the check saw a failure's fields
        assert [failure["file"] for failure in data] == ["truncated.docx"]


def test_schema_of_an_output_it_does_not_write_is_refused():
    result = run_planparse("schema", "report")
    error = result.stderr.decode("utf-8").strip()
    assert result.returncode == 2 and "report" in error and len(error.splitlines()) == 1


def test_version_and_help():
    assert __version__ in CliRunner().invoke(cli, ["--version"]).output
    help_text = CliRunner().invoke(cli, ["--help"]).output
    assert all(command in help_text for command in ("extract", "batch", "diff", "schema", "rules"))


def test_sections_csv_has_a_byte_order_mark_and_the_tree():
    result = CliRunner().invoke(cli, ["extract", str(SAMPLES / "zhanjiang-2016.txt"), "--format", "csv", "--table", "sections"])
    assert result.exit_code == 0
    lines = result.stdout_bytes.decode("utf-8").splitlines()
    assert lines[0].startswith("\ufeffid,level,style,number")
    assert lines[1].split(",")[:6] == ["1", "1", "cn_dun", "1", "一、", "背景和意义"]
