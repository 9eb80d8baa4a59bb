"""``planparse explain``: every number of a seed plan, each with a decision and a reason."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import regex
from click.testing import CliRunner

from planparse import extract
from planparse.cli import cli
from planparse.explain import explain_document
from planparse.pipeline import prepare

from conftest import SAMPLES

SEED = SAMPLES / "jieyang-2022.txt"
ARABIC = regex.compile(r"\d+(?:[.,]\d+)*")


def _decisions():
    doc = prepare(SEED)
    return explain_document(doc.outline, doc.rule_set, doc.metadata)


def test_every_arabic_number_of_the_seed_is_listed_with_a_decision_and_a_reason():
    decisions = _decisions()
    text = SEED.read_text(encoding="utf-8")
    listed = "".join(item.text for item in decisions)
    for number in ARABIC.findall(text):
        assert number in listed, number
    assert all(item.reason and item.decision for item in decisions)
    assert sum(len(ARABIC.findall(item.text)) for item in decisions) >= len(ARABIC.findall(text))


def test_explain_agrees_with_extract():
    decisions = _decisions()
    targets = [t for t in extract(SEED).targets if t.rule != "indicator-table"]
    explained = [item for item in decisions if item.decision in ("target", "baseline")]
    assert [(item.value, item.unit, item.deadline) for item in explained] == [(t.value, t.unit, t.deadline) for t in targets]
    assert [item.cue for item in explained] == [t.decided_by for t in targets]


def test_a_rejected_number_names_its_rule_and_cue():
    rejected = [item for item in _decisions() if item.decision == "not_target"]
    assert rejected and all(item.rule and item.cue and item.reason for item in rejected)
    structural = next(item for item in rejected if item.cue == "structural-count")
    assert structural.rule == "arabic-amount" and "structure" in structural.reason


def test_a_number_left_out_is_explained_by_the_cue_that_says_what_it_is(tmp_path):
    """A share before 的比例 is no count of a share's members, and a firm's size before 的企业…给予奖励 no reward: the cue
    named is the one whose reason fits the number (housing, transport, commerce); the size a fund is set up with is money
    the plan commits, no size that picks out a group, and is not listed (industry, science)."""
    plan = tmp_path / "plan.txt"
    plan.write_text("某市产业发展三年行动方案（2024-2026年）\n二、重点任务\n设立总规模5亿元的产业引导基金。\n"
                    "市财政出资组建规模2亿元的科技成果转化基金。\n按照不低于10%的比例配建保障性住房。\n"
                    "新建商品住宅小区按照不低于5%的比例配建公共充电车位。\n对年营业收入首次超过5亿元的企业给予奖励。\n",
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["explain", str(plan), "--format", "json", "--only", "not_target"])
    assert [(item["text"], item["cue"]) for item in json.loads(result.output)] == [
        ("10", "rule-standard"), ("5", "rule-standard"),
        ("5亿", "size-class")]


def test_years_and_document_numbers_are_listed_as_not_read_with_why():
    decisions = [item for item in _decisions() if item.decision == "unread"]
    assert any(item.text == "2025" and "year" in item.reason for item in decisions)
    assert any(item.text == "55" and item.reason == "a document number" for item in decisions)


def test_explain_command_prints_one_entry_per_number_and_a_summary(tmp_path):
    result = CliRunner().invoke(cli, ["explain", str(SEED)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[-1].startswith("-- ") and "target" in lines[-1]
    assert any("TARGET" in line and "arabic-amount / default" in line for line in lines)
    as_json = CliRunner().invoke(cli, ["explain", str(SEED), "--format", "json", "--only", "target"])
    items = json.loads(as_json.output)
    assert items and all(item["decision"] == "target" for item in items)


def test_explain_of_a_missing_file_is_one_line_and_exit_2(tmp_path):
    result = subprocess.run([sys.executable, "-c", "from planparse.cli import main; main()", "explain", str(tmp_path / "none.txt")],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "none.txt" in result.stderr


def test_wild_report_counts_every_decision_of_a_folder_of_plans(tmp_path):
    sys.path.insert(0, str(SAMPLES.parent / "benchmarks"))
    import wild_report

    for name in ("jieyang-2022.txt", "qingcheng-2021.txt"):
        (tmp_path / name).write_bytes((SAMPLES / name).read_bytes())
    (tmp_path / "jieyang-2022.html").write_text("<p>到2025年，建成3个。</p>", encoding="utf-8")  # the .txt twin is read instead
    report = wild_report.live_report(tmp_path, sample=1)
    assert report["documents"] == 2 and not report["failed"]
    assert report["decisions"]["target"] == sum(len([t for t in extract(tmp_path / n).targets if t.kind != "baseline"])
                                                for n in ("jieyang-2022.txt", "qingcheng-2021.txt"))
    assert report["cues"]["not_target:structural-count"] >= 1
    assert all(len(lines) == 1 for lines in report["samples"].values())


def _explained(plan: Path, text: str) -> list:
    """What explain decides on each number of ``text``, written as ``plan``."""
    plan.write_text(text, encoding="utf-8")
    doc = prepare(plan)
    return explain_document(doc.outline, doc.rule_set, doc.metadata, tables=doc.tables)


def test_explain_lists_the_cells_an_indicator_table_gives(tmp_path):
    decisions = _explained(tmp_path / "plan.txt", "某市节水行动方案（2021—2025年）\n一、主要目标\n序号\t指标\t单位\t2020年（基期）\t2023年\t2025年\n"
                           "1\t万元GDP用水量\t立方米\t25\t≤22\t≤20\n二、重点任务\n到2025年，建成节水型企业30家。\n")
    cells = [(item.value, item.deadline) for item in decisions if item.rule == "indicator-table"]
    assert cells == [(25, 2020), (22, 2023), (20, 2025)]  # the base year's, a baseline
    assert [item.value for item in decisions if item.decision == "target"] == [30, 22, 20]


def test_explain_lists_every_number_of_a_table_and_why_it_was_or_was_not_taken(tmp_path):
    """An indicator table's base-year cell and row numbers, and a 分工表's task cells (what extract takes from
    them, due by the row's 时限) and time limits: each number of a table is listed once, with its own reason."""
    plan = tmp_path / "plan.txt"
    plan.write_text("某市节水行动方案（2021—2025年）\n一、主要目标\n序号\t指标\t单位\t2020年（基期）\t2025年\n"
                    "1\t万元GDP用水量\t立方米\t25\t≤20\n二、重点任务\n到2025年，建成节水型企业30家。\n"
                    "附件\n任务分工表\n序号\t工作任务\t牵头单位\t完成时限\n"
                    "1\t新建污水处理厂3座，对每座补助50万元\t市住建局\t2023年底前\n", encoding="utf-8")
    doc = prepare(plan)
    decisions = explain_document(doc.outline, doc.rule_set, doc.metadata, tables=doc.tables)
    by_text = {(item.line, item.text): item for item in decisions}
    assert by_text[(4, "25")].decision == "baseline" and "where the plan starts" in by_text[(4, "25")].reason
    assert by_text[(4, "≤20")].decision == "target" and by_text[(4, "≤20")].deadline == 2025
    task, grant = by_text[(10, "3")], by_text[(10, "50万")]
    assert (task.decision, task.value, task.deadline) == ("target", 3, 2023) and "分工表" in task.reason
    assert grant.decision == "not_target" and grant.cue
    assert "time limit" in by_text[(10, "2023")].reason
    explained = [(item.value, item.deadline) for item in decisions if item.decision == "target"]
    assert explained == [(30, 2025), (20, 2025), (3, 2023)]
    assert sorted(explained) == sorted((t.value, t.deadline) for t in extract(plan).targets if t.kind != "baseline")
    assert len([item for item in decisions if item.text == "25"]) == 1  # not listed with the text as well


def test_explain_says_a_total_row_of_a_table_of_yearly_rows_is_left_out(tmp_path):
    decisions = _explained(tmp_path / "plan.txt", "某县义务教育薄弱学校改造方案（2024—2025年）\n一、年度安排\n年度\t改造学校（所）\n"
                           "2024年\t12\n2025年\t9\n合计\t21\n")
    total = next(item for item in decisions if item.text == "21")
    assert total.decision == "unread" and "total row" in total.reason
    assert [(item.value, item.deadline) for item in decisions if item.decision == "target"] == [(12, 2024), (9, 2025)]


def test_explain_says_what_a_task_split_over_places_leaves_out(tmp_path):
    """A 分县任务表's 合计 row, an 指标分解表's 全市 column and a place's 0 give nothing, and explain says why; the places'
    cells are due the plan's last year, as extract makes them."""
    rows = _explained(tmp_path / "rows.txt", "某县学位建设方案（2024—2026年）\n一、任务\n附件：分县任务表\n县（区）\t新建学校（所）\n"
                      "甲县\t6\n乙区\t4\n合计\t10\n")
    assert "total row of a task split over places" in next(item for item in rows if item.text == "10").reason
    assert [(item.value, item.deadline) for item in rows if item.decision == "target"] == [(6, 2026), (4, 2026)]
    columns = _explained(tmp_path / "columns.txt", "某市寄递物流方案（2024—2026年）\n一、任务\n附件：主要指标分解表\n指标\t单位\t甲区\t乙县\t全市\n"
                         "建成冷链集配中心\t个\t0\t3\t3\n")
    assert [item.reason.split("(")[0] for item in columns if item.line == 5 and item.decision == "unread"] == [
        "a target column's cell that is not one value ", "column “全市” is no target column "]
    assert [(item.value, item.deadline) for item in columns if item.decision == "target"] == [(3, 2026)]


def test_explain_says_a_base_row_and_a_row_before_the_plan_of_a_table_of_yearly_rows_are_baselines(tmp_path):
    """What extract makes a baseline, explain says is one: the row its year cell notes as the base (2023年（基期）)
    and a year before the plan's first (2022年 in a 2023–2025 plan), not targets."""
    decisions = _explained(tmp_path / "plan.txt", "某市托育服务体系建设方案（2023—2025年）\n一、年度安排\n年度\t普惠性托位（个）\n"
                           "2022年\t800\n2023年（基期）\t1000\n2024年\t1500\n2025年（目标）\t2000\n")
    assert [(item.value, item.decision, item.cue) for item in decisions if item.rule == "indicator-table"] == [
        (800, "baseline", "year-before-plan"), (1000, "baseline", "base-year-row"), (1500, "target", "default"),
        (2000, "target", "default")]
    assert "base" in next(item for item in decisions if item.value == 1000).reason
    plan = tmp_path / "plan.txt"
    assert [(t.value, t.kind) for t in extract(plan).targets] == [(800, "baseline"), (1000, "baseline"), (1500, "count"), (2000, "count")]


def test_each_cell_of_a_table_is_listed_at_its_rows_line_and_once(tmp_path):
    """A pipe table's delimiter row and a blank line between a tab table's rows are no row (health, transport): each row
    after one was listed at the line before its own, and the last row again, at its line, as a row no table was read from."""
    pipe = _explained(tmp_path / "health.txt", "某县卫生健康事业发展规划（2021—2025年）\n一、主要指标\n| 指标 | 2020年 | 2025年 |\n"
                      "|---|---|---|\n| 每千人口执业（助理）医师数（人） | 2.8 | 3.2 |\n| 孕产妇死亡率（/10万） | <10 | <9 |\n")
    assert [(item.line, item.text) for item in pipe if item.decision == "target"] == [(5, "3.2"), (6, "<9")]
    assert not [item for item in pipe if "no table was read from" in item.reason]
    spaced = _explained(tmp_path / "transport.txt", "某县农村公路提升方案（2024—2026年）\n一、年度任务\n年度\t新改建农村公路（公里）\n\n"
                        "2024年\t80\n\n2025年\t90\n\n2026年\t100\n")
    assert [(item.line, item.value) for item in spaced if item.decision == "target"] == [(5, 80), (7, 90), (9, 100)]


def test_explain_says_what_a_reader_should_check(tmp_path):
    # a target flagged for review (a full-width comma between digit groups) says so in its reason
    plan = tmp_path / "plan.txt"
    plan.write_text("某县干部教育培训实施方案（2024—2026年）\n一、主要目标\n到2025年，考核合格率达到百分之9，999。\n", encoding="utf-8")
    doc = prepare(plan)
    [decision] = [d for d in explain_document(doc.outline, doc.rule_set, doc.metadata) if d.decision == "target"]
    assert "check: a full-width comma between digit groups" in decision.reason
