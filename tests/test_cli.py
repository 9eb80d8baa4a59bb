"""The extract and schema commands, run as a user runs them."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from click.testing import CliRunner
from conftest import SAMPLES

from planparse import __version__
from planparse.cli import cli
from planparse.models import Document


def run_planparse(*args: str, seed: str = "0") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run([sys.executable, "-m", "planparse", *args], capture_output=True, env=env, timeout=120)


def test_output_is_the_same_bytes_whatever_the_hash_seed():
    for sample in ("jieyang-2022.pdf", "yangzhou-2022.docx"):
        first, second = run_planparse("extract", str(SAMPLES / sample), seed="1"), run_planparse("extract", str(SAMPLES / sample), seed="2")
        assert first.returncode == second.returncode == 0
        assert first.stdout == second.stdout


def test_json_output_validates_against_the_models():
    result = CliRunner().invoke(cli, ["extract", str(SAMPLES / "qingcheng-2021.txt")])
    assert result.exit_code == 0
    document = Document.model_validate_json(result.output)
    assert document.source.format == "txt" and document.targets and document.sections


def test_standard_input_reads_like_a_file():
    text = (SAMPLES / "jinjiang-2022.txt").read_bytes()
    from_stdin = subprocess.run([sys.executable, "-m", "planparse", "extract", "-"], input=text, capture_output=True, timeout=60)
    from_file = run_planparse("extract", str(SAMPLES / "jinjiang-2022.txt"))
    assert json.loads(from_stdin.stdout)["targets"] == json.loads(from_file.stdout)["targets"]


def test_schema_describes_the_output_fields():
    result = CliRunner().invoke(cli, ["schema"])
    schema = json.loads(result.output)
    assert result.exit_code == 0
    assert {"metadata", "sections", "targets", "responsibilities", "tables"} <= set(schema["properties"])


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
