"""planparse diff: pairing logic on constructed documents, then real edits of the seed plans."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

import docx
import pytest
import regex
import yaml
from hypothesis import given, settings
from conftest import DATA, MARKDOWN_SYNTAX, SAMPLES, markdown_page, run_bounded, shown_by_markdown

from planparse.diff import diff_documents, document_key, has_differences, load_document, pair_by_name, pair_targets
from planparse.errors import PlanparseError
from planparse.exporters.json import document_json
from planparse.exporters.diff import render_markdown
from planparse.models import DiffReport, DocumentDiff, Document, FieldChange, Metadata, Source, Target, TargetChange
from planparse.pipeline import extract

EDITS = Path(__file__).resolve().parent / "data" / "edits"
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def target(quote: str, value: float | None, unit: str | None = "名", *, section: str = "2.1.4",
           heading: str = "落实教师科学素质提升计划", indicator: str | None = "科技辅导员", line: int = 79, **fields) -> Target:
    return Target(
        id=f"{section}/{indicator}/{unit}", text=f"……{quote}。", quote=quote, value=value, unit=unit,
        kind="count", indicator=indicator, section=section, headings=["主要任务", heading], rule="test", line=line, **fields,
    )


def document(*targets: Target, title: str = "揭阳市实施方案") -> Document:
    return Document(source=Source(path="plan.txt", format="txt", sha256="0"), metadata=Metadata(title=title), targets=list(targets))


def test_value_change_is_one_changed_target():
    diff = diff_documents(document(target("每年培训250名科技辅导员", 250)), document(target("每年培训300名科技辅导员", 300)))
    assert not diff.added and not diff.removed and not diff.moved
    [change] = diff.changed
    assert [(c.field, c.old, c.new) for c in change.changes] == [("value", 250, 300)]


def test_renumbered_section_is_a_move_not_removed_and_added():
    old = target("建成1座以上实体科普馆", 1, "座", section="3.3.1", heading="创新构建现代科技馆体系", indicator="实体科普馆")
    new = old.model_copy(update={"id": "3.4.1/实体科普馆/座", "section": "3.4.1", "line": 120})
    diff = diff_documents(document(old), document(new))
    assert (diff.added, diff.removed, diff.changed) == ([], [], [])
    assert [(m.old.section, m.new.section) for m in diff.moved] == [("3.3.1", "3.4.1")]


def test_deleting_one_of_several_alike_targets_removes_that_one():
    # Three targets under one heading with no indicator share every key: the
    # values, not the order, must decide which one went.
    kwargs = {"unit": "个", "indicator": None, "section": "3.3.2", "heading": "大力加强科普教育基地"}
    national, provincial, city = (target(q, v, **kwargs) for q, v in (("国家级科普教育基地4个以上", 4), ("省级科普教育基地40个以上", 40), ("市级科普教育基地100个以上", 100)))
    diff = diff_documents(document(national, provincial, city), document(national, city))
    assert [t.value for t in diff.removed] == [40]
    assert not diff.added and not diff.changed


def test_unrelated_targets_under_one_heading_are_not_paired():
    kwargs = {"unit": "个", "indicator": None, "heading": "大力加强科普教育基地"}
    diff = diff_documents(document(target("国家级科普教育基地4个以上", 4, **kwargs)), document(target("新建社区科普站点12个", 12, **kwargs)))
    assert [t.value for t in diff.removed] == [4] and [t.value for t in diff.added] == [12]
    assert not diff.changed


def test_changed_unit_and_comparator_pair_by_indicator():
    old = target("每年培训250名科技辅导员", 250, comparator=">=")
    new = target("每年培训250人次科技辅导员", 250, unit="人次")
    diff = diff_documents(document(old), document(new))
    assert [(c.field, c.old, c.new) for c in diff.changed[0].changes] == [("unit", "名", "人次"), ("comparator", ">=", "=")]


def test_metadata_change_is_a_category_of_its_own():
    diff = diff_documents(document(title="旧标题"), document(title="新标题"))
    assert [(c.field, c.old, c.new) for c in diff.metadata] == [("title", "旧标题", "新标题")]
    report = DiffReport(old="a", new="b", documents=[diff])
    assert has_differences(report) and has_differences(report, ["metadata"])
    assert not has_differences(report, ["added", "removed", "changed"])


def test_pairs_follow_the_new_document_order():
    a, b = target("甲100名", 100, indicator="甲", line=5), target("乙200名", 200, indicator="乙", line=9)
    pairs, removed, added = pair_targets([a, b], [b, a])
    assert [old.quote for old, _ in pairs] == ["乙200名", "甲100名"] and not removed and not added


def test_document_key_pairs_plans_with_their_json():
    assert {document_key(Path(p)) for p in ("a/plan.docx", "a/plan.json", "a/plan.docx.json")} == {"a/plan"}


def test_folders_pair_a_plan_with_its_json_and_two_formats_of_one_plan_each_with_its_own():
    old = {"a.docx": Path("old/a.docx"), "b.txt": Path("old/b.txt"), "b.html": Path("old/b.html")}
    new = {"a": Path("new/a.json"), "b.txt": Path("new/b.txt.json"), "b.html": Path("new/b.html.json")}
    assert [(o.name, n.name) for o, n in pair_by_name(old, new)] == [
        ("a.docx", "a.json"), ("b.html", "b.html.json"), ("b.txt", "b.txt.json")]


def test_diff_of_two_batch_outputs_with_html_and_text_copies_of_a_plan(tmp_path, planparse):
    plans = tmp_path / "plans"
    plans.mkdir()
    text = (SAMPLES / "jieyang-2022.txt").read_text(encoding="utf-8")
    (plans / "plan.txt").write_text(text, encoding="utf-8")
    (plans / "plan.html").write_text("<html><body>" + "".join(f"<p>{line}</p>" for line in text.splitlines()) + "</body></html>",
                                     encoding="utf-8")
    for out in ("a", "b"):
        assert planparse("batch", plans, "-o", tmp_path / out, "--format", "json", "-q").code == 0
    result = planparse("diff", tmp_path / "a", tmp_path / "b", "--format", "json")
    assert result.code == 0, result.stderr
    assert len(json.loads(result.stdout)["documents"]) == 2


def test_a_plan_of_two_folders_that_cannot_be_read_is_said_and_the_others_are_diffed_exit_2_as_diff_r(tmp_path, planparse):
    """diff stopped at the first plan of two folders it could not read, and showed none of the others."""
    for side in ("old", "new"):
        (tmp_path / side).mkdir()
        shutil.copy(SAMPLES / "jieyang-2022.txt", tmp_path / side / "plan.txt")
    (tmp_path / "new" / "damaged.docx").write_bytes(b"PK\x03\x04 cut short")
    result = planparse("diff", tmp_path / "old", tmp_path / "new", "--format", "json")
    assert result.code == 2 and result.stderr == f"planparse: {tmp_path / 'new' / 'damaged.docx'}: not a valid DOCX file (truncated or corrupt)\n"
    assert [document["new_file"] for document in json.loads(result.stdout)["documents"]] == [str(tmp_path / "new" / "plan.txt")]


def test_each_version_of_a_pair_of_two_folders_that_cannot_be_read_is_said(tmp_path, planparse):
    """Of a plan that could be read in neither folder, only the old version's problem was said, though the new
    version was read all the same (the plans' process reads ahead): the user fixed one and met the other next run."""
    for side in ("old", "new"):
        (tmp_path / side).mkdir()
        shutil.copy(SAMPLES / "jieyang-2022.txt", tmp_path / side / "plan.txt")
        (tmp_path / side / "damaged.docx").write_bytes(b"PK\x03\x04 cut short")
    result = planparse("diff", tmp_path / "old", tmp_path / "new", "--format", "json")
    assert result.code == 2
    assert result.stderr.splitlines() == [f"planparse: {tmp_path / side / 'damaged.docx'}: not a valid DOCX file (truncated or corrupt)"
                                          for side in ("old", "new")]
    assert [document["new_file"] for document in json.loads(result.stdout)["documents"]] == [str(tmp_path / "new" / "plan.txt")]


def test_json_that_is_not_a_document_is_an_error(tmp_path):
    path = tmp_path / "errors.json"
    path.write_text('[{"file": "x"}]', encoding="utf-8")
    with pytest.raises(PlanparseError, match="not a planparse JSON file"):
        load_document(path)


def test_deleting_the_first_of_two_alike_targets_does_not_shift_the_pairing():
    # Alike targets in one place get ids id, id-2, ...: after deleting the
    # first, the second carries the first's id, but it is still itself.
    first, second = target("每年培训250名科技辅导员", 250), target("每年新增100名科技辅导员", 100)
    second = second.model_copy(update={"id": second.id + "-2"})
    diff = diff_documents(document(first, second), document(second.model_copy(update={"id": first.id})))
    assert [t.value for t in diff.removed] == [250]
    assert not diff.changed and not diff.added


def test_retitled_heading_is_a_move_not_removed_and_added():
    old = target("每年培训250名科技辅导员", 250)
    new = target("每年培训250名科技辅导员", 250, heading="实施教师科学素质提升计划")
    new = new.model_copy(update={"id": "t-retitled"})  # the id is made from the heading titles
    diff = diff_documents(document(old), document(new))
    assert (diff.added, diff.removed, diff.changed) == ([], [], [])
    assert [m.new.headings[-1] for m in diff.moved] == ["实施教师科学素质提升计划"]


# --- real edits of a seed plan, through the command line ---------------------

SEED = SAMPLES / "jieyang-2022.txt"


@pytest.fixture(scope="module")
def seed_json(tmp_path_factory) -> Path:
    """The seed's targets as a user commits them: ``planparse extract plan --format json``."""
    path = tmp_path_factory.mktemp("recorded") / "jieyang-2022.json"
    path.write_bytes(document_json(extract(SEED)))
    return path


@pytest.fixture
def json_diff(planparse) -> Callable[[Path, Path], tuple[int, dict]]:
    def run(old: Path, new: Path) -> tuple[int, dict]:
        result = planparse("diff", old, new, "--format", "json")
        assert result.code in (0, 1), result.stderr
        [document] = json.loads(result.stdout)["documents"]
        return result.code, document

    return run


def summary(document: dict) -> dict[str, list]:
    """Each difference by line, value and unit (quotes are the targets stage's to refine)."""
    return {
        "added": [(t["line"], t["value"], t["unit"]) for t in document["added"]],
        "removed": [(t["line"], t["value"], t["unit"]) for t in document["removed"]],
        "changed": [(c["new"]["line"], [(f["field"], f["old"], f["new"]) for f in c["changes"]]) for c in document["changed"]],
        "metadata": document["metadata"],
    }


def test_value_edit_is_reported_as_one_changed_value(seed_json, json_diff):
    code, document = json_diff(seed_json, EDITS / "jieyang-2022.value.txt")
    assert code == 1
    assert summary(document) == {"added": [], "removed": [], "changed": [(79, [("value", 250, 300)])], "metadata": []}
    assert "培训300名科技辅导员" in document["changed"][0]["new"]["quote"]


def test_deleted_target_is_reported_as_removed(seed_json, json_diff):
    code, document = json_diff(seed_json, EDITS / "jieyang-2022.deleted.txt")
    assert code == 1
    assert summary(document) == {"added": [], "removed": [(191, 100, "个")], "changed": [], "metadata": []}
    assert "市级科普教育基地100个" in document["removed"][0]["quote"]


def test_added_target_is_reported_as_added(seed_json, json_diff):
    code, document = json_diff(seed_json, EDITS / "jieyang-2022.added.txt")
    assert code == 1
    assert summary(document) == {"added": [(213, 5000, "名")], "removed": [], "changed": [], "metadata": []}
    assert "科技志愿者达到5000名" in document["added"][0]["quote"]


def test_swapped_sections_are_moves_not_differences(seed_json, json_diff):
    code, document = json_diff(seed_json, EDITS / "jieyang-2022.renumbered.txt")
    assert code == 0
    assert summary(document) == {"added": [], "removed": [], "changed": [], "metadata": []}
    # （三） became （四）: every target of the swapped sections moved from 3.3.x to 3.4.x.
    moves = {(m["old"]["section"][:3], m["new"]["section"][:3]) for m in document["moved"]}
    assert document["moved"] and moves == {("3.3", "3.4")}


def test_fail_on_restricts_what_exits_1(seed_json, planparse):
    assert planparse("diff", seed_json, EDITS / "jieyang-2022.value.txt", "--fail-on", "added,removed").code == 0
    assert planparse("diff", seed_json, EDITS / "jieyang-2022.deleted.txt", "--fail-on", "added,removed").code == 1


def test_plan_against_its_own_targets_has_no_differences(seed_json, planparse):
    result = planparse("diff", seed_json, SEED)
    assert result.code == 0, result.stderr
    assert "no differences" in result.stdout


def test_github_annotation_points_at_the_changed_line(seed_json, planparse):
    result = planparse("diff", seed_json, EDITS / "jieyang-2022.value.txt", "--format", "github", cwd=EDITS.parent.parent.parent)
    assert result.code == 1
    [annotation] = result.stdout.splitlines()
    assert annotation.startswith("::warning file=tests/data/edits/jieyang-2022.value.txt,line=79,title=planparse%3A target changed::")
    assert annotation.endswith("300名科技辅导员: value 250 → 300")


def test_github_annotation_of_a_removed_target_marks_the_file_not_an_old_line(seed_json, planparse):
    result = planparse("diff", seed_json, EDITS / "jieyang-2022.deleted.txt", "--format", "github", cwd=EDITS.parent.parent.parent)
    assert result.code == 1
    [annotation] = [line for line in result.stdout.splitlines() if "target removed" in line]
    assert annotation.startswith("::warning file=tests/data/edits/jieyang-2022.deleted.txt,title=planparse%3A target removed::")
    assert annotation.endswith("(line 191 of the old version)")


def test_markdown_report_has_a_table_row_per_difference(seed_json, planparse):
    result = planparse("diff", seed_json, EDITS / "jieyang-2022.deleted.txt", "--format", "markdown")
    assert result.code == 1
    [row] = [line for line in result.stdout.splitlines() if line.startswith("| removed |")]
    assert "市级科普教育基地100个" in row and row.endswith("| 大力加强科普教育基地建设, line 191, 100个 |  |")


@settings(max_examples=150, deadline=None)
@given(MARKDOWN_SYNTAX, MARKDOWN_SYNTAX)
def test_the_markdown_report_shows_quotes_and_headings_as_they_are(quote: str, heading: str):
    """Only | and line endings were escaped: a plan's <!-- hid the rest of a pull request's comment, its [text](address)
    became a link, and * or _ set it in italics."""
    old = Target(id="t1", text=quote, quote=quote, value=10, unit="所", kind="count", headings=[heading], rule="arabic-amount", line=4)
    changed = TargetChange(old=old, new=old.model_copy(update={"value": 12}), changes=[FieldChange(field="value", old=10, new=12)])
    report = DiffReport(old="old.json", new="new.json", documents=[DocumentDiff(old_file="old.json", new_file="new.json", changed=[changed])])
    _plans, rows = shown_by_markdown(render_markdown(report).encode("utf-8"))
    one_line = lambda text: regex.sub(r"\r\n|[\r\n]", " ", text).strip(" ")  # noqa: E731  a cell is one line
    assert rows == [["", "target", "where", "change"], ["changed", one_line(quote), one_line(f"{heading}, line 4, 12所"), "value 10 → 12"]]


def test_the_markdown_report_shows_file_names_of_markup_as_they_are(planparse, tmp_path: Path):
    """Plans of two fields in files named with Markdown and HTML: the report's title names both as written."""
    old, new = tmp_path / "教育<!--规划|2025.txt", tmp_path / "交通*[方案](x).txt"
    old.write_text("一、目标\n到2025年，建成科普示范学校30所。\n", encoding="utf-8")
    new.write_text("一、目标\n到2025年，建成科普示范学校32所。\n", encoding="utf-8")
    result = planparse("diff", old, new, "--format", "markdown")
    assert result.code == 1
    assert markdown_page(result.stdout).find(".//strong").text_content() == f"{old} → {new}"


def test_folders_diff_document_by_document(seed_json, planparse, tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir(), new.mkdir()
    shutil.copy(seed_json, old / "jieyang-2022.json")
    shutil.copy(EDITS / "jieyang-2022.value.txt", new / "jieyang-2022.txt")
    shutil.copy(SAMPLES / "jinjiang-2022.txt", new / "jinjiang-2022.txt")
    result = planparse("diff", old, new, "--format", "json")
    assert result.code == 1, result.stderr
    report = json.loads(result.stdout)["documents"]
    assert [(d["old_file"] and Path(d["old_file"]).name, Path(d["new_file"]).name, len(d["changed"])) for d in report] == [
        ("jieyang-2022.json", "jieyang-2022.txt", 1), (None, "jinjiang-2022.txt", 0)]
    assert len(report[1]["added"]) > 0


def test_error_exits_2_not_1(planparse, tmp_path):
    result = planparse("diff", tmp_path / "missing.json", SEED)
    assert result.code == 2
    assert result.stderr.strip() == f"planparse: {tmp_path / 'missing.json'}: no such file or folder"


def test_example_workflow_passes_on_a_recorded_plan_and_fails_on_a_changed_one(tmp_path, monkeypatch):
    """The commands of examples/github-actions.yml, in a checkout holding a plan and its recorded targets."""
    workflow = yaml.safe_load((SAMPLES.parent / "examples" / "github-actions.yml").read_text(encoding="utf-8"))
    commands = [step["run"] for step in workflow["jobs"]["diff"]["steps"] if step.get("run", "").startswith("planparse")]
    assert len(commands) == 2
    plan = docx.Document(str(SAMPLES / "jieyang-2022.docx"))
    plan.save(str(tmp_path / "plan.docx"))
    (tmp_path / "targets").mkdir()
    monkeypatch.chdir(tmp_path)  # recorded as the workflow's comment says: planparse extract plan.docx --format json
    (tmp_path / "targets" / "plan.json").write_bytes(document_json(extract("plan.docx")))
    environment = {**os.environ, "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md")}
    environment["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{environment['PATH']}"  # where pip puts planparse

    def run_steps() -> list[subprocess.CompletedProcess]:
        return [run_bounded(["bash", "-e", "-c", command], 60, cwd=tmp_path, env=environment) for command in commands]

    assert [step.returncode for step in run_steps()] == [0, 0]
    [paragraph] = [p for p in plan.paragraphs if "每年培训250名" in p.text]
    for run in paragraph.runs:
        run.text = run.text.replace("每年培训250名", "每年培训300名")
    plan.save(str(tmp_path / "plan.docx"))
    summary_step, annotate_step = run_steps()
    assert summary_step.returncode == 0, summary_step.stderr  # "differences" must not fail the summary step
    assert annotate_step.returncode == 1  # the job fails here
    assert annotate_step.stdout.startswith("::warning file=plan.docx,line=")
    assert "value 250 → 300" in annotate_step.stdout
    [row] = [line for line in (tmp_path / "summary.md").read_text(encoding="utf-8").splitlines() if line.startswith("| changed |")]
    assert "300名科技辅导员" in row and "value 250 → 300" in row


# --- inputs diff must question -------------------------------------------------


@pytest.mark.parametrize(("version", "problem"), [
    (None, "not a planparse JSON file (no schema_version)"),
    ("2.0", "schema_version 2.0 is not one this planparse reads (1.x); extract the plan again"),
])
def test_a_json_without_this_major_schema_version_is_refused(planparse, seed_json: Path, tmp_path: Path, version, problem):
    data = json.loads(seed_json.read_bytes())
    data.pop("schema_version")
    if version is not None:
        data["schema_version"] = version
    other = tmp_path / "other.json"
    other.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = planparse("diff", seed_json, other)
    assert result.code == 2 and result.stdout == ""
    assert result.stderr == f"planparse: {other}: {problem}\n"


def test_a_planparse_json_without_schema_version_in_a_folder_is_refused_not_skipped(planparse, seed_json: Path, tmp_path: Path):
    for side in ("old", "new"):
        (tmp_path / side).mkdir()
        shutil.copy(seed_json, tmp_path / side / "plan.json")
    data = json.loads(seed_json.read_bytes())
    del data["schema_version"]
    (tmp_path / "new" / "plan.json").write_text(json.dumps(data), encoding="utf-8")
    result = planparse("diff", tmp_path / "old", tmp_path / "new")
    assert result.code == 2 and "no schema_version" in result.stderr and result.stderr.count("\n") == 1


def test_two_folders_without_plans_are_an_error_not_a_pass(planparse, tmp_path: Path):
    for side in ("old", "new"):
        (tmp_path / side).mkdir()
    (tmp_path / "new" / "notes.md").write_text("not a plan", encoding="utf-8")
    result = planparse("diff", tmp_path / "old", tmp_path / "new")
    assert result.code == 2 and result.stdout == ""
    assert result.stderr == f"planparse: {tmp_path / 'old'} and {tmp_path / 'new'}: no plans in either folder\n"


@pytest.mark.parametrize("command", ["diff", "compare", "report"])
@pytest.mark.parametrize("link", ["loop", "dangling"])
def test_a_link_in_a_loop_or_to_nothing_is_said_so_not_said_missing(planparse, command: str, link: str, tmp_path: Path):
    """As extract says it: compare, diff and report said "no such file or folder" of a name that stands there."""
    plan = tmp_path / "plan.txt"
    plan.symlink_to(tmp_path / ("other.txt" if link == "loop" else "gone.txt"))
    if link == "loop":
        (tmp_path / "other.txt").symlink_to(plan)
    result = planparse(command, SAMPLES / "jieyang-2022.txt", plan)
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr == f"planparse: {plan}: a symbolic link to nothing, or in a loop\n"


_NOTHING_OF_A_PLAN = "nothing of a plan was read from it (no title, heading, target, responsibility or table): is it a plan, and in Chinese?"


@pytest.mark.parametrize("command", ["diff", "compare", "report"])
@pytest.mark.parametrize(("name", "content"), [
    ("plan.txt", "By 2025, the share of citizens with basic scientific literacy will exceed 16%.\n"),
    ("plan.html", "<html><head><title>Plan</title></head><body><p>By 2025, build 10 science education bases.</p></body></html>"),
    ("plan.txt.json", None),  # the extraction of an English text
])
def test_a_text_giving_nothing_of_a_plan_is_said_so_not_taken_for_a_plan_whose_targets_were_all_removed(
        planparse, command: str, name: str, content: str | None, tmp_path: Path):
    """An English page or text was read as a plan of no targets: diff said every target of the real plan removed,
    compare lined it up as a plan with nothing, without a word a CI job or a reader would see."""
    if content is None:
        (tmp_path / "english.txt").write_text("Implementation plan. Build 10 science education bases by 2025.\n", encoding="utf-8")
        (tmp_path / name).write_text(planparse("extract", tmp_path / "english.txt").stdout, encoding="utf-8")
    else:
        (tmp_path / name).write_text(content, encoding="utf-8")
    result = planparse(command, SAMPLES / "jieyang-2022.txt", tmp_path / name)
    assert result.code == (1 if command == "diff" else 0)
    assert result.stderr == f"planparse: {tmp_path / name}: {_NOTHING_OF_A_PLAN}\n"


@pytest.mark.parametrize("content", [b"By 2025, build 10 science education bases.\n", b"2024-05-01 12:00:00 INFO server started on port 8080\n"])
def test_extract_and_batch_say_a_text_gave_nothing_of_a_plan_and_record_it_in_the_output(planparse, content: bytes, tmp_path: Path):
    """An English text, or a text of another kind (a server's log), was extracted as an empty plan without a word (exit 0, and
    a batch's "ok", then "ok, read in part", as a plan of which a page was garbage). Still extracted, as diff and compare read
    it: its output records the file, and now the warning; a batch says no plan was found in it."""
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "english.txt").write_bytes(content)
    shutil.copy(SAMPLES / "jieyang-2022.txt", plans / "jieyang-2022.txt")
    result = planparse("extract", plans / "english.txt")
    assert (result.code, result.stderr) == (0, f"planparse: {plans / 'english.txt'}: {_NOTHING_OF_A_PLAN}\n")
    assert json.loads(result.stdout)["warnings"] == [{"message": _NOTHING_OF_A_PLAN}]
    batch = planparse("batch", plans, "-o", tmp_path / "out")
    said = batch.stderr + batch.stdout
    assert batch.code == 0 and f"english.txt: no plan found: {_NOTHING_OF_A_PLAN}" in said  # not "ok, read in part"
    assert f"converted 2, 1 of them gave no plan (see the warnings in {tmp_path / 'out' / 'manifest.json'})" in said
    assert "warnings" not in json.loads((tmp_path / "out" / "jieyang-2022.txt.json").read_bytes())


def test_a_plan_without_headings_or_targets_but_with_a_title_is_a_plan(planparse, tmp_path: Path):
    """A notice of a plan whose body is prose holds its title: nothing to warn of."""
    (tmp_path / "notice.txt").write_text("揭阳市人民政府关于印发揭阳市全民科学素质行动规划纲要实施方案的通知\n各县（市、区）人民政府：现将实施方案印发给你们，请认真贯彻执行。\n",
                                         encoding="utf-8")
    result = planparse("diff", SAMPLES / "jieyang-2022.txt", tmp_path / "notice.txt")
    assert result.code == 1 and result.stderr == ""


# --- crafted JSON ------------------------------------------------------------


def _recorded(path: Path, edit: Callable[[str], str]) -> Path:
    """A planparse JSON file of one target, its text edited as a hand or a program might."""
    path.write_text(edit(document_json(document(target("培训科技辅导员250名", 250))).decode("utf-8")), encoding="utf-8")
    return path


@pytest.mark.parametrize(("edit", "problem"), [
    pytest.param(lambda text: text.replace('"targets": [', '"targets": "none", "was": [', 1),
                 "targets: Input should be a valid array", id="targets-not-a-list"),  # it was: pydantic's whole text and web address
    pytest.param(lambda text: text.replace('"value": 250', '"value": NaN', 1), "NaN is no number planparse writes", id="nan"),
    pytest.param(lambda text: text.replace('"value": 250', '"value": -Infinity', 1), "-Infinity is no number planparse writes", id="infinity"),
    pytest.param(lambda text: text.replace('"value": 250', '"value": 1e999', 1), "1e999 is past the largest number planparse writes", id="past-float"),
    pytest.param(lambda text: text.replace('"value": 250', '"value": 1' + "0" * 5000, 1),
                 "a number of 5,001 digits; planparse writes numbers of at most 100 digits", id="5001-digits"),  # it was: use sys.set_int_max_str_digits()
    pytest.param(lambda text: text.replace('"headings": [', '"headings": [' + "[" * 100_000 + "]" * 100_000 + ",", 1),
                 "arrays and objects nested deeper than planparse reads", id="nested-100000-deep"),  # it was: internal error: RecursionError
])
def test_crafted_json_is_one_line_naming_the_problem(edit: Callable[[str], str], problem: str, tmp_path: Path, planparse):
    crafted = _recorded(tmp_path / "crafted.json", edit)
    run = planparse("diff", _recorded(tmp_path / "recorded.json", lambda text: text), crafted)
    assert run.code == 2 and run.stderr == f"planparse: {crafted}: not a planparse JSON file ({problem})\n"


def test_thousands_of_alike_targets_pair_in_bounded_work(tmp_path: Path):
    """Twins under one heading are paired most alike first, comparing each with each: 27,000 of them took
    more than five minutes of CPU (and a list of 729 million candidates)."""
    twins = document(*[target("培训科技辅导员250名", 250, line=line) for line in range(1, 3001)])
    recorded = tmp_path / "twins.json"
    recorded.write_bytes(document_json(twins))
    run = run_bounded([sys.executable, "-m", "planparse", "diff", recorded, recorded], 60)  # killed past a minute of CPU
    assert run.returncode == 0 and run.stdout.endswith("no differences\n"), run.stderr


# One-sentence items, each the sentence its targets are in: an edit of one target retitles the item its siblings
# stand in (sports; housing provident fund).
@pytest.mark.parametrize(("before", "after", "edited"), [
    pytest.param("1.举办全县乡镇篮球联赛，参赛队伍达到40支，参赛运动员1200人次以上。",
                 "1.举办全县乡镇篮球联赛，参赛队伍达到45支，参赛运动员1200人次以上。", ("参赛队伍达到40支", "参赛队伍达到45支"), id="sports"),
    pytest.param("1.全年归集住房公积金80亿元，新增缴存职工3万人。",
                 "1.全年归集住房公积金85亿元，新增缴存职工3万人。", ("全年归集住房公积金80亿元", "全年归集住房公积金85亿元"),
                 id="housing-provident-fund"),
])
def test_a_target_beside_an_edited_one_in_a_one_sentence_item_has_not_moved(before: str, after: str, edited: tuple, tmp_path: Path):
    """It was reported moved, from the item titled with the old sentence to the item titled with the new one."""
    versions = []
    for name, item in (("old.txt", before), ("new.txt", after)):
        (tmp_path / name).write_text(f"某县2026年工作要点\n一、重点任务\n{item}\n2.新建健身步道20公里。\n", encoding="utf-8")
        versions.append(extract(tmp_path / name))
    diff = diff_documents(*versions)
    assert [(change.old.quote, change.new.quote) for change in diff.changed] == [edited]
    assert (diff.moved, diff.added, diff.removed) == ([], [], [])


# A list whose first item is deleted starts at 2., which is no heading: its items' targets fall under the list's
# parent heading, their commitments unchanged (low-altitude economy; compulsory education).
@pytest.mark.parametrize(("first", "others", "kept"), [
    pytest.param("1.建设起降设施网络。2026年底前建成垂直起降点20个。",
                 "2.构建低空通信网络。新建5G-A基站1200座。\n3.建设飞行服务站。建成县级服务分站6个。",
                 ["新建5G-A基站1200座", "建成县级服务分站6个"], id="low-altitude-economy"),
    pytest.param("1.扩充优质学位。新建中小学校12所。",
                 "2.加强教师队伍建设。每年招聘新教师不少于150名。\n3.推进教育信息化。多媒体教室覆盖率达到100%。",
                 ["每年招聘新教师不少于150名", "多媒体教室覆盖率达到100%"], id="education"),
])
def test_targets_whose_item_lost_its_heading_have_moved_not_been_removed_and_added(first: str, others: str, kept: list, tmp_path: Path):
    """They were removed under their old items and added under the parent, as if the plan had dropped and made them."""
    versions = []
    for name, items in (("old.txt", f"{first}\n{others}"), ("new.txt", others)):
        (tmp_path / name).write_text(f"某市2026年行动方案\n一、重点任务\n（一）完善基础设施\n{items}\n", encoding="utf-8")
        versions.append(extract(tmp_path / name))
    diff = diff_documents(*versions)
    assert [(change.old.quote, change.new.section) for change in diff.moved] == [(quote, "1.1") for quote in kept]
    assert (len(diff.removed), diff.added, diff.changed) == (1, [], [])


@pytest.mark.parametrize(("stem", "before", "after", "line"), [
    pytest.param("huayang-daqi-wuran-fangzhi-2024", "不少于8000万元", "不少于9000万元",
                 "(强化资金保障, line 64, 9000万元)  value 8000万 → 9000万", id="air"),
    pytest.param("fenglin-puhui-jinrong-2024", "贷款余额达到900亿元", "贷款余额达到1000亿元",
                 "(主要目标, line 20, 1000亿元)  value 900亿 → 1000亿", id="finance"),
])
def test_a_changed_amount_reads_as_the_plan_writes_it(stem: str, before: str, after: str, line: str, tmp_path: Path):
    """A value is in base units: 桦阳's 专项资金 raised to 9000万元 read value 80000000 → 90000000, 枫林's 普惠型小微企业
    贷款余额 1000亿元 value 90000000000 → 100000000000, a count of zeros."""
    old = DATA / "unseen" / f"{stem}.txt"
    new = tmp_path / old.name
    new.write_text(old.read_text(encoding="utf-8").replace(before, after, 1), encoding="utf-8")
    run = run_bounded([sys.executable, "-m", "planparse", "diff", old, new], 120)
    assert run.returncode == 1 and [changed for changed in run.stdout.splitlines() if "changed " in changed][0].endswith(line), run.stdout


def test_a_new_version_piped_in_is_diffed_against_the_old(tmp_path: Path):
    """- is standard input, as extract reads it (sed … plan.txt | planparse diff plan.txt -): it was "no such file or
    folder". The edit is 桦阳's 专项资金 (air), raised to 9000万元. The new side is named <stdin>, as its source is (it was
    "-", which read as a dash)."""
    old = DATA / "unseen" / "huayang-daqi-wuran-fangzhi-2024.txt"
    edited = old.read_text(encoding="utf-8").replace("不少于8000万元", "不少于9000万元", 1)
    run = run_bounded([sys.executable, "-m", "planparse", "diff", old, "-"], 120, input=edited)
    assert run.returncode == 1 and run.stdout.splitlines() == [
        f"{old} → <stdin>",
        "  changed  市财政2024年安排大气污染防治专项资金不少于9000万元  (强化资金保障, line 64, 9000万元)  value 8000万 → 9000万", "  1 changed"], run.stderr


@pytest.mark.parametrize(("fail_on", "code"), [(None, 1), ("added,removed,changed", 0), ("metadata", 1)])
def test_a_plan_and_its_web_page_differ_in_metadata_only_which_a_ci_job_may_leave_out(fail_on: str | None, code: int):
    """平潭's plan as text and as its web page: the same targets, and the page's date of publication (its info box). The
    notice's title is the same on both: the text copy's page headline (关于印发…的通知) gives way to the notice's own title
    under it, with its issuer, as on the page."""
    stem = DATA / "web" / "pingtan-huanwei-sheshi-2015"
    run = run_bounded([sys.executable, "-m", "planparse", "diff", f"{stem}.txt", f"{stem}.html",
                       *(["--fail-on", fail_on] if fail_on else [])], 120)
    assert run.returncode == code, run.stderr
    assert run.stdout.splitlines() == [f"{stem}.txt → {stem}.html", "  metadata published none → 2015-06-03", "  1 metadata"]
