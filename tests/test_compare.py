"""planparse compare: the five seed plans lined up by indicator, the name rules, the command."""
from __future__ import annotations

import csv
import gc
import io
import json
import os
import shutil
import sys
import tracemalloc
from pathlib import Path

import pytest
import regex
from click.testing import CliRunner
from conftest import (DATA, MARKDOWN_SYNTAX, SAMPLES, SEEDS, documents_read_one_at_a_time, load_gold, plans_of_own_indicators,
                      run_bounded, run_planparse, run_python, shown_by_markdown)
from hypothesis import given, settings
from rapidfuzz import fuzz
from hypothesis import strategies as st

from planparse.cli import cli
from planparse.errors import PlanparseError
from planparse.compare import (DEFAULT_THRESHOLD, Matrix, MatrixRow, NameIndex, NameMatcher, cell_of, check_indicator_name_rules, compare_documents,
                               plan_ids, plan_places)
from planparse.diff import document_key
from planparse.atomic_file import chunks
from planparse.exporters.compare import comparison_csv, comparison_markdown, row_cells
from planparse.exporters.json import document_json
from planparse.exporters.markdown import markdown_text
from planparse.models import CellTarget, ComparedPlan, Comparison, Document, Metadata, Source, Target
from planparse.pipeline import extract
from planparse.rules import load_indicator_name_rules

EXIT_ERROR = 2
# Indicators the gold files show in several seed plans; each names what a gold quote holds.
SHARED_IN_GOLD = ("科学素质", "国家级科普教育基地", "省级科普教育基地", "市级科普教育基地", "科普讲师")


@pytest.fixture(scope="module")
def seeds() -> list[tuple[str, Document]]:
    return [(str(SAMPLES / f"{stem}.txt"), extract(SAMPLES / f"{stem}.txt")) for stem in SEEDS]


@pytest.fixture(scope="module")
def comparison(seeds) -> Matrix:
    return compare_documents(seeds, load_indicator_name_rules())


@pytest.fixture(scope="module")
def other_fields() -> list[tuple[str, Document]]:
    """Plans of water (揀西's 節水型單位60個 in traditional script, 宁川's 节水型单位20家), of business (青峪's
    新增高技能人才6000人) and of science literacy (兰川's 每学期开展科学探究活动不少于2次)."""
    plans = ("jianxi-shui-anquan-guihua-2022", "ningchuan-xingfu-hehu-2024", "qingyu-yingshang-huanjing-2024", "lanchuan-kexue-suzhi-2021")
    return [(str(DATA / "unseen" / f"{stem}.txt"), extract(DATA / "unseen" / f"{stem}.txt")) for stem in plans]


def units_of(row: MatrixRow) -> set:
    """The units a row says its targets hold: one, or those of a same-units list joined with 、."""
    return set(row.unit.split("、")) if row.unit else {None}


def _gold_groups(phrase: str) -> dict[tuple, dict[str, set]]:
    """The gold targets whose quote holds ``phrase``: by (unit, kind), each plan's values."""
    groups: dict[tuple, dict[str, set]] = {}
    for stem in SEEDS:
        for target in load_gold(stem, "targets")["targets"]:
            if phrase in target["quote"] and target["value"] is not None:
                groups.setdefault((target["unit"], target["kind"]), {}).setdefault(stem, set()).add(target["value"])
    return groups


@pytest.mark.parametrize("phrase", SHARED_IN_GOLD)
def test_an_indicator_the_gold_shares_across_plans_is_one_row(comparison: Matrix, phrase: str):
    groups = _gold_groups(phrase)
    assert groups and any(len(plans) >= 2 for plans in groups.values())  # the gold shares it
    for (unit, kind), plans in groups.items():
        holding = [row for row in comparison.rows if unit in units_of(row) and row.kind == kind
                   and all(values <= {cell.value for cell in row.cells.get(stem, [])} for stem, values in plans.items())]
        assert len(holding) == 1, f"{phrase} ({unit}, {kind}): the gold's {plans} are not in one row"


def test_the_literacy_share_holds_all_five_plans(comparison: Matrix):
    row = next(row for row in comparison.rows if row.indicator == "公民具备科学素质的比例" and row.kind == "percentage")
    assert sorted(row.cells) == sorted(SEEDS)
    assert comparison.rows[0] == row  # the most shared row comes first


def test_no_row_mixes_units_kinds_or_levels(comparison: Matrix, seeds):
    targets = {(plan.id, target.id): target for plan, (_file, document) in zip(comparison.plans, seeds) for target in document.targets}
    placed = [(plan, cell.id) for row in comparison.rows for plan, cells in row.cells.items() for cell in cells]
    assert sorted(placed) == sorted(targets)  # every target in exactly one cell
    levels = ("国家级", "省级", "市级", "区级")
    for row in comparison.rows:
        cells = [(plan, cell) for plan, cells in row.cells.items() for cell in cells]
        assert {cell.unit for _plan, cell in cells} == units_of(row)
        assert {targets[plan, cell.id].kind for plan, cell in cells} == {row.kind}
        assert sum(any(level in name for name in row.names) for level in levels) <= 1, row.names


def test_units_that_count_the_same_things_share_a_row(seeds, other_fields):
    """人 and 名 both count people, 个 and 家 both bases or units: of science literacy and of business, of water;
    人次 counts attendances, not people."""
    rows = {(row.indicator, row.unit): row for row in compare_documents(seeds + other_fields, load_indicator_name_rules()).rows}

    def values(indicator: str, unit: str) -> dict[str, list]:
        return {plan: [(cell.value, cell.unit) for cell in cells] for plan, cells in rows[indicator, unit].cells.items()}

    assert values("高技能人才", "人、名") == {"jinjiang-2022": [(500, "人")], "yangzhou-2022": [(10000, "名")],
                                         "qingyu-yingshang-huanjing-2024": [(6000, "人")]}
    assert values("市级科普教育基地", "个、家") == {"jieyang-2022": [(100, "个")], "yangzhou-2022": [(50, "家")], "zhanjiang-2016": [(30, "个")]}
    assert values("节水型单位", "个、家") == {"jianxi-shui-anquan-guihua-2022": [(60, "个")], "ningchuan-xingfu-hehu-2024": [(20, "家")]}
    assert values("科技辅导员", "人次") == {"jinjiang-2022": [(300, "人次")]}
    assert set(values("科技辅导员", "人、名")) == {"jieyang-2022", "qingcheng-2021", "yangzhou-2022"}


def _plans(*paths: Path) -> list[tuple[str, Document]]:
    return [(str(path), extract(path)) for path in paths]


def test_one_measure_in_units_of_different_sizes_shares_a_row_and_each_cell_shows_the_first_unit():
    """Grain: 云岭 writes its 粮食总产量 in 万吨, 柘川 in 亿斤; forestry: the 2018 plan builds its 国家储备林 in 公顷,
    the 2023 one in 亩; urban greenways: 青湖 in 千米, 蓉溪 in 公里. Each pair was two rows, read side by side by hand."""
    units = DATA / "units"
    plans = _plans(DATA / "unseen" / "yunling-liangshi-anquan-guihua-2021.txt", DATA / "unseen" / "zhechuan-xiangcun-zhenxing-yaodian-2024.txt",
                   units / "guojia-chubeilin-guihua-2018.txt", units / "guojia-chubeilin-shishi-fangan-2023.txt",
                   units / "qinghu-lvdao-jianshe-2023.txt", DATA / "unseen" / "rongxi-chengshi-gengxin-2024.txt")
    comparison = compare_documents(plans, load_indicator_name_rules())
    # a row is a name, a kind and a unit (云岭's 粮食总产量 grew 6.2%, a baseline in % of its own row; it was held at 32万吨
    # 连续五年, a baseline of the grain's too)
    rows = {(row.indicator, row.kind, row.unit): row for row in comparison.rows}
    shown = {key: [cell for cell in row_cells(comparison, row) if cell] for key, row in rows.items()}
    assert rows["粮食总产量", "count", "吨、斤"].factors == {"吨": 1.0, "斤": 0.0005}
    assert shown["粮食总产量", "count", "吨、斤"] == ["≥35万吨 (2025)", "≥6.7亿斤≈33.5万吨 (2024)"]
    assert shown["粮食总产量", "baseline", "吨、斤"] == ["≥32万吨 (2020)；33.8万吨 (2020)", "6.8亿斤≈34万吨 (2023)"]
    assert shown["国家储备林", "count", "公顷、亩"] == ["700万公顷 (2020)；2000万公顷 (2035)", "≥3600万亩≈240万公顷 (2025)"]
    assert rows["城市绿道", "count", "千米、公里"].factors == {}  # one size: nothing to convert
    assert shown["城市绿道", "count", "千米、公里"] == ["120千米 (2025)", "60公里"]
    assert rows["粮食播种面积", "count", "亩"].factors == {}  # both in 亩
    assert json.loads(comparison.model().model_dump_json())["rows"][0]["factors"] == comparison.rows[0].factors


def test_working_days_and_shares_stay_apart_from_the_units_they_are_written_like():
    """3个工作日 may be five calendar days (青峪 business environment); 个百分点 is a change where % is a level: neither is
    of a list that converts."""
    joined = {unit for same in load_indicator_name_rules().same_units for unit in same.units}
    assert {"天", "小时", "公顷", "斤"} <= joined and not {"工作日", "个工作日", "%", "个百分点"} & joined


def test_a_same_units_list_naming_a_base_no_words_convert_to_fails_the_check(tmp_path: Path):
    (tmp_path / "mine.yaml").write_text("same_units:\n  - id: light\n    description: d\n    base: 光年\n", encoding="utf-8")
    checked = CliRunner().invoke(cli, ["rules", "check", "--rules", str(tmp_path)])
    assert checked.exit_code == 1 and "same units light: base 光年 of the quantity lexicons converts fewer than two words" in checked.output


def test_a_same_units_list_both_listing_units_and_naming_a_base_is_refused(tmp_path: Path):
    (tmp_path / "mine.yaml").write_text("same_units:\n  - id: land\n    description: d\n    base: 平方米\n    units: [亩, 公顷]\n",
                                        encoding="utf-8")
    checked = run_planparse("rules", "check", "--rules", str(tmp_path))
    assert checked.returncode == EXIT_ERROR and checked.stderr.count("\n") == 1
    assert "mine.yaml: same_units.0: Value error, a same-units list lists two units or more, or names a base" in checked.stderr


def test_a_cell_says_how_often_its_target_repeats(other_fields):
    """每周巡河 (water) and 每学期开展 (school science) repeat as 每年 does: a cell of 1次 read as once in all."""
    comparison = compare_documents(other_fields, load_indicator_name_rules())
    cells = {row.indicator: row_cells(comparison, row) for row in comparison.rows}
    assert cells["村级河长巡河"] == ["每周≥1次", "每周1次", "", ""]
    assert cells["科学探究活动"] == ["", "", "", "每半年≥2次"]


def test_a_cell_shows_an_amount_as_its_plan_writes_it_and_a_target_said_twice_once():
    """A target's value is in base units: 桦阳's 大气污染防治专项资金不少于8000万元 (air) was shown 80000000元, 揀西's
    需水總量將達到2.1億立方米 (water) 210000000立方米. 桦阳 lists 淘汰…柴油货车350辆 in its text and again in its table of
    tasks with a deadline, 蓉溪 新增公共停车泊位1万个 in its goals and in its section (urban renewal): each was in its
    cell twice (350辆；350辆 (2024)). 扬州's 12万名技能劳动者 reads as written, 揀西's 38.6億元 in simplified script."""
    plans = [DATA / "unseen" / f"{stem}.txt" for stem in ("huayang-daqi-wuran-fangzhi-2024", "rongxi-chengshi-gengxin-2024",
                                                          "jianxi-shui-anquan-guihua-2022")]
    run = run_planparse("compare", *map(str, plans), str(SAMPLES / "yangzhou-2022.txt"), "--format", "csv")
    cells: dict[str, set[str]] = {}
    for row in csv.reader(io.StringIO(run.stdout.lstrip("\ufeff"))):
        cells.setdefault(row[0], set()).update(cell for cell in row[5:] if cell)
    assert run.returncode == 0
    assert cells["大气污染防治专项资金"] == {"≥8000万元 (2024)"}
    assert cells["需水总量"] == {"2.1亿立方米 (2025)"}  # a forecast (預計…將達到), a baseline: the level itself
    assert cells["水利投资"] == {"38.6亿元 (2020)", "60亿元 (2025)"}
    assert cells["技能劳动者"] == {"每年12万名"}
    assert cells["国三及以下排放标准营运柴油货车"] == {"350辆 (2024)"}
    assert cells["新增公共停车泊位"] == {"1万个 (2026)；3000个 (2024)；3500个 (2025)；3500个 (2026)"}


@pytest.mark.parametrize("fmt", ["csv", "markdown"])
def test_two_targets_of_one_sentence_that_read_alike_each_keep_their_quote(fmt: str):
    """三是抓好白青乡10个美丽乡村和6镇10个美丽乡村建设 (rural development) counts 10 villages of one township and 10
    of six towns: they were one 10个, as if the plan said it twice. A target restated elsewhere still shows once."""
    plans = [DATA / "web" / "28-sange-yipi-zhongda-xiangmu-jianshe-shishiyijian-2015.txt", DATA / "unseen" / "huayang-daqi-wuran-fangzhi-2024.txt"]
    run = run_planparse("compare", *map(str, plans), "--format", fmt)
    assert run.returncode == 0, run.stderr
    assert "10个「抓好白青乡10个美丽乡村」；10个「6镇10个美丽乡村」" in run.stdout
    assert "350辆 (2024)" in run.stdout and "350辆 (2024)「" not in run.stdout


def test_a_plan_piped_in_is_compared_with_the_plans_named():
    """- is standard input, as extract reads it: compare, and report, said "no such file or folder". 澄江 (consumption)
    and 枫林 (finance) both count their money in 亿元. Its column is <stdin>, as its source is named (a column "-" read
    as a blank)."""
    piped, named = (DATA / "unseen" / f"{stem}.txt" for stem in ("chengjiang-tizhen-xiaofei-2024", "fenglin-puhui-jinrong-2024"))
    run = run_planparse("compare", "-", str(named), "--format", "json", input=piped.read_text(encoding="utf-8"))
    assert run.returncode == 0, run.stderr
    assert [(plan["id"], plan["file"], plan["source"]["path"], plan["metadata"]["title"]) for plan in json.loads(run.stdout)["plans"]] == [
        ("<stdin>", "<stdin>", "<stdin>", extract(piped).metadata.title),
        ("fenglin-puhui-jinrong-2024", str(named), str(named), extract(named).metadata.title)]
    columns = run_planparse("compare", "-", str(named), "--format", "csv", input=piped.read_text(encoding="utf-8")).stdout
    assert columns.splitlines()[0].endswith(",<stdin>,fenglin-puhui-jinrong-2024")


@pytest.mark.parametrize("command", ["compare", "report", "diff"])
def test_standard_input_given_twice_is_refused_saying_it_is_read_once(command: str):
    """compare - - read the plan piped in, then found standard input at its end: "<stdin>: the file is empty"."""
    piped = DATA / "unseen" / "chengjiang-tizhen-xiaofei-2024.txt"
    run = run_planparse(command, "-", "-", input=piped.read_text(encoding="utf-8"))
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == "planparse: <stdin>: given more than once (-); standard input can be read only once\n"


@pytest.mark.parametrize("command", ["compare", "report"])
def test_a_plan_met_twice_is_compared_once_and_said_skipped(command: str, tmp_path: Path):
    """揭阳's plan named on its own, again in its folder, and through a link (science literacy), beside 枫林's (finance):
    compare made three columns of it (实施方案.txt, 实施方案.txt-2 …) and counted each of its targets as held by three
    plans, without a word. It is one column now, and each time it is met again is a line on standard error."""
    folder = tmp_path / "揭阳"
    folder.mkdir()
    plan = folder / "实施方案.txt"
    plan.write_bytes((SAMPLES / "jieyang-2022.txt").read_bytes())
    (tmp_path / "link.txt").symlink_to(plan)
    other = DATA / "unseen" / "fenglin-puhui-jinrong-2024.txt"
    output = tmp_path / ("matrix.json" if command == "compare" else "report.html")
    run = run_planparse(command, str(plan), str(folder), str(tmp_path / "link.txt"), str(other), "-o", str(output))
    assert run.returncode == 0, run.stderr
    assert run.stderr == (f"planparse: {plan}: skipped: given again: compared once\n"
                          f"planparse: {tmp_path / 'link.txt'}: skipped: given again: compared once\n")
    if command == "compare":
        matrix = json.loads(output.read_text(encoding="utf-8"))
        assert [item["file"] for item in matrix["plans"]] == [str(plan), str(other)]
        assert max(len(row["cells"]) for row in matrix["rows"]) == 1  # the two plans share no indicator
    else:
        assert output.read_text(encoding="utf-8").count('<section class="plan"') == 2


def test_the_rows_of_one_indicator_stand_together(seeds, other_fields):
    """A baseline beside the target it starts from: 扬州's and 兰川's shares of 2015/2020 under the six plans' targets
    (science literacy), 揀西's 用水總量1.86億立方米 of 2020 under its and 宁川's caps (water)."""
    rows = [(row.indicator, row.kind, sorted(row.cells)) for row in compare_documents(seeds + other_fields, load_indicator_name_rules()).rows]
    names = [indicator for indicator, _kind, _plans in rows]
    assert all(names[names.index(name):len(names) - names[::-1].index(name)] == [name] * names.count(name) for name in names)
    assert rows[:2] == [("公民具备科学素质的比例", "percentage", sorted([*SEEDS, "lanchuan-kexue-suzhi-2021"])),
                        ("公民具备科学素质的比例", "baseline", ["lanchuan-kexue-suzhi-2021", "yangzhou-2022"])]
    water = names.index("用水总量")
    assert rows[water:water + 2] == [("用水总量", "count", ["jianxi-shui-anquan-guihua-2022", "ningchuan-xingfu-hehu-2024"]),
                                     ("用水总量", "baseline", ["jianxi-shui-anquan-guihua-2022"])]


def test_names_holding_different_numbers_never_share_a_row():
    """At a threshold low enough to join 风电装机 and 风电装机容量 (75), 博川's 60周岁及以上老年人口 stood with
    东塘's 80周岁及以上高龄老年人 (elderly care), and 嘉湾's 建成12座 and 20座 (charging stations) in one row (its 40座
    is named by its task's 乡镇公共充电站 since a4363e26)."""
    plans = [(str(DATA / "unseen" / f"{stem}.txt"), extract(DATA / "unseen" / f"{stem}.txt"))
             for stem in ("bochuan-yanglao-fuwu-guihua-2021", "dongtang-minzheng-guihua-2021", "jiawan-chongdian-sheshi-2024")]
    rows = compare_documents(plans, load_indicator_name_rules(), threshold=75).rows
    numbers = [{tuple(regex.findall(r"\d+", name)) for name in row.names} for row in rows]
    assert all(len(held) == 1 for held in numbers), [row.names for row, held in zip(rows, numbers) if len(held) > 1]
    assert {("60",), ("80",), ("12",), ("20",)} <= set().union(*numbers)


@pytest.mark.parametrize("words", ["words: [甲]", "words: [甲, 乙]\n    pattern: '\\d+'", ""])
def test_a_contrast_lists_two_words_or_gives_a_pattern(tmp_path: Path, words: str):
    (tmp_path / "mine.yaml").write_text(f"contrasts:\n  - id: odd\n    description: d\n    {words}\n    examples: [[丙, 丁]]\n",
                                        encoding="utf-8")
    with pytest.raises(PlanparseError, match="contrasts.0: Value error, a contrast lists two words or more, or gives a pattern, not both"):
        load_indicator_name_rules(tmp_path)


def test_a_name_closing_on_what_measures_it_meets_the_name_without():
    """利阳's 风电装机20万千瓦 and 丰源's 风电装机容量达到12万千瓦 (energy), 博川's 养老床位总数达到3万张 and 松岩's
    新增养老床位240张 (elderly care): 容量 and 总数 say it is measured, as the unit does."""
    stems = ("liyang-nengyuan-guihua-2022", "fengyuan-tan-dafeng-2023", "bochuan-yanglao-fuwu-guihua-2021", "songyan-minsheng-shishi-2024")
    plans = [(str(DATA / "unseen" / f"{stem}.txt"), extract(DATA / "unseen" / f"{stem}.txt")) for stem in stems]
    rows = {row.indicator: row for row in compare_documents(plans, load_indicator_name_rules()).rows if row.kind == "count"}
    assert rows["风电装机"].names == ["风电装机", "风电装机容量"] and sorted(rows["风电装机"].cells) == sorted(stems[:2])
    assert rows["光伏发电装机"].names == ["光伏发电装机", "光伏发电装机容量"] and sorted(rows["光伏发电装机"].cells) == sorted(stems[:2])
    assert rows["养老床位"].names == ["养老床位", "养老床位总数"] and sorted(rows["养老床位"].cells) == sorted(stems[2:])


def test_a_unit_in_two_same_units_lists_fails_the_check(tmp_path: Path):
    (tmp_path / "mine.yaml").write_text("same_units:\n  - id: ranks\n    description: d\n    units: [名, 位]\n", encoding="utf-8")
    checked = CliRunner().invoke(cli, ["rules", "check", "--rules", str(tmp_path)])
    assert checked.exit_code == 1 and "same units ranks: 名 is in another list too, which would join both" in checked.output


def test_a_users_synonym_file_changes_the_grouping(seeds, tmp_path: Path):
    def rows_holding(comparison: Matrix, name: str) -> list[str]:
        return [row.indicator for row in comparison.rows if name in row.names]

    # 清城区 trains 300名专职科学教师 a year: shipped rules keep them apart from 科技辅导员.
    assert rows_holding(compare_documents(seeds, load_indicator_name_rules()), "专职科学教师") == ["专职科学教师"]
    (tmp_path / "mine.yaml").write_text("synonyms:\n  - indicator: 科技辅导员\n    names: [专职科学教师]\n", encoding="utf-8")
    mine = compare_documents(seeds, load_indicator_name_rules(tmp_path))
    assert rows_holding(mine, "专职科学教师") == ["科技辅导员"]
    row = next(row for row in mine.rows if "专职科学教师" in row.names)
    assert {"jieyang-2022", "qingcheng-2021"} <= row.cells.keys()


def test_a_synonym_file_in_a_rules_folder_leaves_extract_and_rules_check_working(tmp_path: Path):
    (tmp_path / "mine.yaml").write_text("synonyms:\n  - indicator: 科技辅导员\n    names: [专职科学教师]\n", encoding="utf-8")
    assert CliRunner().invoke(cli, ["extract", str(SAMPLES / "jieyang-2022.txt"), "--rules", str(tmp_path)]).exit_code == 0
    assert CliRunner().invoke(cli, ["rules", "check", "--rules", str(tmp_path)]).exit_code == 0
    broken = tmp_path / "broken"  # rule folders are read once per process: another folder
    broken.mkdir()
    (broken / "mine.yaml").write_text("contrasts:\n  - id: odd\n    description: d\n    words: [甲, 乙]\n    examples: [[丙基地, 丁基地]]\n", encoding="utf-8")
    checked = CliRunner().invoke(cli, ["rules", "check", "--rules", str(broken)])
    assert checked.exit_code == 1 and "contrast odd: '丙基地' and '丁基地' are not told apart" in checked.output


def test_a_users_file_may_replace_a_shipped_fold(tmp_path: Path):
    (tmp_path / "folds.yaml").write_text(
        "name_folds:\n  - id: possessive\n    description: keep 的\n    pattern: '(?!)'\n"
        "    examples: [{text: 公民的比例, expect: 公民的比例}]\n", encoding="utf-8")
    assert NameMatcher(load_indicator_name_rules(tmp_path)).fold("公民具备科学素质的比例") == "公民具备科学素质的比例"
    assert NameMatcher(load_indicator_name_rules()).fold("公民具备科学素质的比例") == "公民具备科学素质比例"


def test_every_fold_and_contrast_example_holds():
    assert check_indicator_name_rules(load_indicator_name_rules()) == []


def test_each_shipped_synonym_name_leads_to_its_own_indicator():
    matcher = NameMatcher(load_indicator_name_rules())
    synonyms = matcher.synonyms()
    for synonym in matcher.rules.synonyms:
        assert {synonyms[matcher.fold(name)] for name in synonym.names} == {synonym.indicator}


def _document(name: str, issuer: str, *targets: tuple[str, float, str, str]) -> tuple[str, Document]:
    made = [Target(id=f"t{index}", text=indicator, quote=indicator, value=value, unit=unit, kind=kind, indicator=indicator, rule="test", line=index + 1)
            for index, (indicator, value, unit, kind) in enumerate(targets)]
    return name, Document(source=Source(path=name, format="txt", sha256="0"), metadata=Metadata(issuer=issuer), targets=made)


def test_contrasts_hold_even_when_any_likeness_would_do():
    plans = [_document("a.txt", "甲市人民政府", ("国家级科普教育基地", 4, "个", "count")),
             _document("b.txt", "乙市人民政府", ("省级科普教育基地", 40, "个", "count"), ("科普教育基地", 9, "个", "count"))]
    loose = compare_documents(plans, load_indicator_name_rules(), threshold=0)
    assert len(loose.rows) == 3


@pytest.mark.parametrize(("first", "second"), [
    ("男性劳动力平均受教育年限", "女性劳动力平均受教育年限"),  # education: who
    ("高新技术产品出口额占比", "高新技术产品进口额占比"),  # trade: which way
    ("公办养老机构护理型床位占比", "民办养老机构护理型床位占比"),  # elderly care: whose
    ("居委会成员中女性比例", "村委会成员中女性比例"),  # community governance: where
])
def test_long_names_with_a_word_in_place_of_another_stay_apart(first: str, second: str):
    """One character in place of another scores 91 in names of twelve (past the threshold), yet names another thing:
    only names that differ by words one of them adds share a row."""
    plans = [_document("a.txt", "甲市人民政府", (first, 60, "%", "percentage")),
             _document("b.txt", "乙市人民政府", (second, 40, "%", "percentage"), (f"全市{first}", 50, "%", "percentage"))]
    rows = compare_documents(plans, load_indicator_name_rules()).rows
    assert {frozenset(row.names) for row in rows} == {frozenset([first, f"全市{first}"]), frozenset([second])}


def test_traditional_and_full_width_names_meet_their_simplified_twins():
    plans = [_document("a.txt", "", ("公民具備科學素質的比例", 16, "%", "percentage")),
             _document("b.txt", "", ("“公民具备科学素质的比例”", 19, "%", "percentage"))]
    [row] = compare_documents(plans, load_indicator_name_rules()).rows
    assert row.indicator == "公民具备科学素质的比例" and sorted(row.cells) == ["a", "b"]


def test_the_threshold_decides_how_alike_names_must_be():
    plans = [_document("a.txt", "", ("高技能人才", 500, "人", "count")), _document("b.txt", "", ("技能人才", 300, "人", "count"))]
    assert len(compare_documents(plans, load_indicator_name_rules()).rows) == 2
    assert len(compare_documents(plans, load_indicator_name_rules(), threshold=80).rows) == 1


def test_the_plans_own_place_and_whole_area_words_are_folded_out():
    plans = [_document("a.txt", "揭阳市人民政府", ("揭阳市城镇化率", 60, "%", "percentage")),
             _document("b.txt", "清远市清城区人民政府", ("全区城镇化率", 70, "%", "percentage"))]
    assert set(plan_places(plans[1][1], load_indicator_name_rules())) == {"清远市", "清城区", "清城", "清远"}
    [row] = compare_documents(plans, load_indicator_name_rules()).rows
    assert row.indicator == "常住人口城镇化率" and sorted(row.cells) == ["a", "b"]


NAMES = st.sampled_from(["科技辅导员", "科技辅导员队伍", "国家级科普教育基地", "省级科普教育基地", "全市公民具备科学素质比例", "农技员", "的"])
UNITS = st.sampled_from(["%", "个", "名", "人", None])
KINDS = st.sampled_from(["count", "percentage", "milestone"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.tuples(NAMES, st.integers(0, 99), UNITS, KINDS), max_size=6), min_size=1, max_size=4),
       st.floats(0, 100))
def test_any_targets_land_once_and_rows_never_mix_units_or_kinds(plans, threshold):
    documents = [_document(f"p{number}.txt", "", *targets) for number, targets in enumerate(plans)]
    comparison = compare_documents(documents, load_indicator_name_rules(), threshold)
    by_id = {(f"p{number}", target.id): target for number, (_name, document) in enumerate(documents) for target in document.targets}
    placed = [(plan, cell.id) for row in comparison.rows for plan, cells in row.cells.items() for cell in cells]
    assert sorted(placed) == sorted(by_id)
    for row in comparison.rows:
        assert {(by_id[plan, cell.id].unit, by_id[plan, cell.id].kind) for plan, cells in row.cells.items() for cell in cells} == \
            {(unit, row.kind) for unit in units_of(row)}
    # The rows do not depend on the order the plans were given in.
    reversed_rows = compare_documents(documents[::-1], load_indicator_name_rules(), threshold).rows
    assert [(row.indicator, row.unit, row.kind, {plan: [cell.id for cell in cells] for plan, cells in row.cells.items()}) for row in reversed_rows] == \
        [(row.indicator, row.unit, row.kind, {plan: [cell.id for cell in cells] for plan, cells in row.cells.items()}) for row in comparison.rows]


# Names of a few characters that recur, so that many pairs share some of them and a few reach any threshold.
LIKE_NAMES = st.text(alphabet="科普教育基地率人才数", min_size=0, max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.lists(LIKE_NAMES, max_size=12, unique=True), LIKE_NAMES, st.floats(0, 100))
def test_the_name_index_leads_to_every_name_alike_enough(names, name, threshold):
    index = NameIndex()
    for each in names:
        index.add(each)
    alike = {each for each in names if fuzz.ratio(name, each) >= threshold}
    assert alike <= index.candidates(name, threshold)


def _plan_of_names(number: int, names: list[str]) -> Document:
    targets = [Target(id=f"t{index}", text=name, quote="10个", value=10, unit="个", kind="count", indicator=name, rule="test", line=index + 1)
               for index, name in enumerate(names)]
    return Document(source=Source(path=f"plan{number}.txt", format="txt", sha256="0"), metadata=Metadata(), targets=targets)


def test_names_alike_in_their_first_hundred_characters_share_a_row():
    """Past its 100th character a name is not compared: scoring two names costs the product of their lengths, and crafted
    JSON of names of 20,000 characters took 21 s for 50 a side."""
    head = "建成科普教育基地" * 13  # 104 characters once folded (全市 would be folded out, bringing the tails within 100)
    plans = [(f"plan{number}.json", _plan_of_names(number, [head + tail])) for number, tail in enumerate(["甲" * 50, "乙" * 50])]
    [row] = compare_documents(plans, load_indicator_name_rules()).rows
    assert sorted(row.cells) == ["plan0", "plan1"]


def test_names_too_many_alike_to_score_are_refused_in_one_line(tmp_path: Path):
    """Names of four letters at random, crafted: each shares its characters with most others (hours for 100 MB of them);
    past the limit of pairs scored (lowered here) compare says so, and writes nothing."""
    import random

    chooser = random.Random(0)
    files = []
    for number in range(2):
        files.append(tmp_path / f"plan{number}.json")
        files[-1].write_bytes(document_json(_plan_of_names(number, ["".join(chooser.choice("abcd") for _ in range(12)) for _ in range(2000)])))
    script = "import sys; from planparse import compare; compare.MOST_PAIRS_SCORED = 1_000_000\nfrom planparse.cli import main; main(sys.argv[1:])"
    run = run_bounded([sys.executable, "-c", script, "compare", *map(str, files), "-o", str(tmp_path / "matrix.csv")], 120)
    assert (run.returncode, run.stdout) == (EXIT_ERROR, "")
    assert run.stderr == (f"planparse: {files[0]} and 1 more plan: more than 1,000,000 pairs of indicator names alike enough to score at "
                          "threshold 90; planparse scores at most that many: compare fewer plans at once, or raise --threshold\n")
    assert not (tmp_path / "matrix.csv").exists()


def _reworded(documents: list[tuple[str, Document]], plans: int) -> list[tuple[str, Document]]:
    """``plans`` copies of the seeds' targets, one character of each name replaced in each copy by one of a few."""
    copies = []
    for number in range(plans):
        targets = []
        for index, target in enumerate(target for _file, document in documents for target in document.targets):
            name = target.indicator or target.quote
            at = (number * 7 + index) % len(name)
            targets.append(target.model_copy(update={"indicator": name[:at] + "市县区乡镇村"[(number + index) % 6] + name[at + 1:]}))
        copies.append((f"plan-{number}.txt", Document(source=Source(path="p", format="txt", sha256="0"), metadata=Metadata(), targets=targets)))
    return copies


@pytest.mark.parametrize("threshold", [DEFAULT_THRESHOLD, 75, 40])
def test_the_name_index_changes_no_row(seeds, threshold, monkeypatch):
    plans = seeds + _reworded(seeds, 6)
    indexed = compare_documents(plans, load_indicator_name_rules(), threshold)
    monkeypatch.setattr(NameIndex, "candidates", lambda index, _name, _threshold: set(index.positions))  # every name scored
    assert compare_documents(plans, load_indicator_name_rules(), threshold) == indexed
    assert len(indexed.rows) < len({(target.indicator, target.unit, target.kind) for _file, document in plans for target in document.targets})


# --- the command -------------------------------------------------------------


def test_a_change_shows_its_direction_in_its_cell(tmp_path: Path):
    """较2023年下降8% is a fall of 8%, no level of 8%: its cell says −8%; 年均增长15% says 每年+15% (water, investment)."""
    plans = []
    for name, (fall, base, growth) in {"a.txt": (8, 2023, 15), "b.txt": (10, 2022, 12)}.items():
        (tmp_path / name).write_text(f"一、目标\n到2026年，万元GDP用水量较{base}年下降{fall}%，水利投资年均增长{growth}%。\n", encoding="utf-8")
        plans.append((name, extract(tmp_path / name)))
    comparison = compare_documents(plans, load_indicator_name_rules())
    cells = {row.indicator: row_cells(comparison, row) for row in comparison.rows}
    assert cells == {"万元GDP用水量": ["−8% (2026)", "−10% (2026)"], "水利投资": ["每年+15% (2026)", "每年+12% (2026)"]}


def test_compare_writes_csv_markdown_and_json(tmp_path: Path):
    plans = [str(SAMPLES / f"{stem}.txt") for stem in ("jieyang-2022", "zhanjiang-2016")]
    for name in ("matrix.csv", "matrix.md", "matrix.json"):
        result = CliRunner().invoke(cli, ["compare", *plans, "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    csv_text = (tmp_path / "matrix.csv").read_bytes().decode("utf-8")
    assert csv_text.startswith("\ufeffindicator,unit,kind,plans,names,jieyang-2022,zhanjiang-2016\r\n")
    assert regex.search(r"\n公民具备科学素质的比例,%,percentage,2,[^\n]*>16% \(2025\),≥10.5% \(2020\)\r\n", csv_text)
    assert "| 公民具备科学素质的比例 | % | percentage | 2 |" in (tmp_path / "matrix.md").read_text(encoding="utf-8")
    data = Comparison.model_validate_json((tmp_path / "matrix.json").read_bytes())
    assert [plan.id for plan in data.plans] == ["jieyang-2022", "zhanjiang-2016"] and data.threshold == DEFAULT_THRESHOLD


def test_compare_reads_a_batch_output_folder(tmp_path: Path, seeds):
    for file, document in seeds[:2]:
        (tmp_path / f"{Path(file).name}.json").write_bytes(document_json(document))
    (tmp_path / "errors.json").write_text("[]", encoding="utf-8")
    (tmp_path / "report.html").write_text("<p>公民具备科学素质的比例超过16%</p>", encoding="utf-8")  # batch --report's page is no plan
    result = CliRunner().invoke(cli, ["compare", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [plan["id"] for plan in json.loads(result.output)["plans"]] == ["jieyang-2022", "jinjiang-2022"]


def test_compare_reads_a_folder_of_plans_and_names_two_formats_of_one_plan_apart(tmp_path: Path):
    for name in ("jieyang-2022.txt", "jieyang-2022.docx", "zhanjiang-2016.txt"):
        shutil.copy(SAMPLES / name, tmp_path)
    result = CliRunner().invoke(cli, ["compare", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    comparison = Comparison.model_validate_json(result.output)
    assert [plan.id for plan in comparison.plans] == ["jieyang-2022.docx", "jieyang-2022.txt", "zhanjiang-2016"]
    assert len(comparison.rows[0].cells) == 3  # the literacy share, in every file


@pytest.mark.parametrize(("plans", "shared"), [
    ({"揭阳": SAMPLES / "jieyang-2022.txt", "晋江": SAMPLES / "jinjiang-2022.txt"}, "公民具备科学素质的比例"),
    ({"临溪": DATA / "unseen" / "linxi-weisheng-jiankang-guihua-2022.txt", "鹭川": DATA / "unseen" / "luchuan-fuyou-jiankang-yaodian-2024.txt"},
     "孕产妇系统管理率"),
], ids=["science-literacy", "health"])
@pytest.mark.parametrize("given", ["folder", "files"])
def test_plans_of_one_name_in_folders_of_their_own_are_named_by_their_folders(plans: dict, shared: str, given: str, tmp_path: Path):
    """Each city's plan saved under one name (实施方案.txt, a page's index.html): their columns read 实施方案.txt and
    实施方案.txt-2, which city is which shown nowhere but in the plans' list."""
    for city, plan in plans.items():
        (tmp_path / city).mkdir()
        shutil.copy(plan, tmp_path / city / "实施方案.txt")
    inputs = [str(tmp_path)] if given == "folder" else [str(tmp_path / city / "实施方案.txt") for city in plans]
    result = CliRunner().invoke(cli, ["compare", *inputs, "--format", "json"])
    assert result.exit_code == 0, result.output
    comparison = Comparison.model_validate_json(result.output)
    ids = [f"{city}/实施方案" for city in plans]
    assert [plan.id for plan in comparison.plans] == ids
    assert [sorted(row.cells) for row in comparison.rows if row.indicator == shared and row.kind == "percentage"] == [sorted(ids)]


_PLAN_PATHS = st.lists(st.tuples(st.lists(st.sampled_from(["揭阳", "晋江", "out", "a b"]), max_size=3),
                                  st.sampled_from(["实施方案", "index", "plan.v2"]), st.sampled_from([".txt", ".docx", ".txt.json", ".json", ".JSON"])),
                        min_size=1, max_size=8)


@given(_PLAN_PATHS)
def test_plan_ids_are_unique_each_ends_its_own_path_and_a_name_no_other_plan_has_stands_alone(paths: list[tuple[list[str], str, str]]):
    files = [str(Path(*folders, name + suffix)) for folders, name, suffix in paths]
    ids = plan_ids(files)
    assert len(set(ids)) == len(ids)
    stems = [Path(document_key(Path(file))).name for file in files]
    assert [plan_id for plan_id, stem in zip(ids, stems) if stems.count(stem) == 1] == [stem for stem in stems if stems.count(stem) == 1]
    for file, plan_id in zip(files, ids):
        shown = regex.sub(r"-\d+$", "", plan_id)
        assert file.endswith(shown) or document_key(Path(file)).endswith(shown) or file.lower().endswith(shown.lower() + ".json")


def test_one_plan_given_thousands_of_times_is_numbered_in_linear_time():
    """Each id was sought among the ids given so far, and each number of a name given again tried from 2: one file
    given 2,000 times took 9 s (cubic), 8,000 times would have taken ten minutes."""
    ids = run_python("-c", "from planparse.compare import plan_ids; print(plan_ids(['揭阳/plan.json'] * 20_000 + ['plan-2.json'])[-3:])", timeout=5)
    assert ids.stdout == "['plan-19999', 'plan-20000', 'plan-2-2']\n", ids.stderr


@pytest.mark.parametrize(("make", "problem"), [
    pytest.param(lambda folder: folder / "missing.txt", "no such file or folder", id="missing"),
    pytest.param(lambda folder: folder, "holds no plan", id="empty-folder"),
])
def test_an_input_that_is_not_there_gives_one_line_and_exit_code_2(tmp_path: Path, make, problem: str):
    inputs = tmp_path / "in"
    inputs.mkdir()
    bad = make(inputs)
    output = tmp_path / "out.csv"
    run = run_bounded([sys.executable, "-m", "planparse", "compare", str(SAMPLES / "jieyang-2022.txt"), str(bad), "-o", str(output)], 120)
    assert run.returncode == EXIT_ERROR
    assert run.stderr.count("\n") == 1 and run.stderr.startswith(f"planparse: {bad}: ") and problem in run.stderr
    assert not output.exists()


@pytest.mark.parametrize("command", ["compare", "diff"])
def test_the_plans_to_extract_are_read_in_their_order_on_one_process_kept_across_them(tmp_path: Path, command: str, monkeypatch,
                                                                                      planparse):
    """Each plan was read on a process forked for it from the command's, which grows with the plans compared: 500 small
    plans took compare 47 s (14 ms of the system's time each, seven times what extracting one took), 13 s on one
    process. A planparse JSON file is read in the command's own, between them, in the order given."""
    from planparse import workers

    started: list[int] = []
    start = workers._Pool.start_worker
    monkeypatch.setattr(workers._Pool, "start_worker", lambda pool: started.append(len(pool.items)) or start(pool))
    stems = ["jieyang-2022.txt", "zhanjiang-2016.docx", "yangzhou-2022.txt.json", "jinjiang-2022.txt"]
    folders = [tmp_path / "old", tmp_path / "new"][: 2 if command == "diff" else 1]
    for folder in folders:
        folder.mkdir()
        for stem in stems:
            plan = SAMPLES / stem.removesuffix(".json")
            (folder / stem).write_bytes(document_json(extract(plan)) if stem.endswith(".json") else plan.read_bytes())
    inputs = [*map(str, folders)] if command == "diff" else [str(folders[0] / stem) for stem in stems]
    run = planparse(command, *inputs, "--format", "json")  # in this process, where the command keeps its time limit
    assert run.code == 0, run.stderr
    assert started == [3 * len(folders)]
    if command == "compare":
        assert [plan["id"] for plan in json.loads(run.stdout)["plans"]] == ["jieyang-2022", "zhanjiang-2016", "yangzhou-2022", "jinjiang-2022"]
        assert [plan["metadata"]["title"] for plan in json.loads(run.stdout)["plans"]] == [
            extract(SAMPLES / stem.removesuffix(".json")).metadata.title for stem in stems]


@pytest.mark.parametrize("command", ["compare", "report"])
def test_a_plan_that_cannot_be_read_is_said_in_one_line_and_the_others_are_compared(tmp_path: Path, command: str):
    """compare and report stopped at the first plan they could not read, and lined up none of the others: a folder of
    plans with one damaged .docx gave no table at all. As batch goes on past a document that fails, each is said in one
    line naming it, the output covers the others, and the exit is 1."""
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(SAMPLES / "jieyang-2022.txt", plans / "jieyang-2022.txt")
    shutil.copy(SAMPLES / "zhanjiang-2016.txt", plans / "zhanjiang-2016.txt")
    (plans / "damaged.docx").write_bytes(b"PK\x03\x04 cut short")
    foreign = tmp_path / "x.json"
    foreign.write_text("{}", encoding="utf-8")
    output = tmp_path / "out"
    run = run_bounded([sys.executable, "-m", "planparse", command, str(plans), str(foreign), "-o", str(output)], 240)
    assert run.returncode == 1
    assert run.stderr.splitlines() == [f"planparse: {plans / 'damaged.docx'}: not a valid DOCX file (truncated or corrupt)",
                                       f"planparse: {foreign}: not a planparse JSON file (no schema_version)"]
    written = output.read_text(encoding="utf-8")
    assert "jieyang-2022" in written and "zhanjiang-2016" in written
    assert "damaged" in written  # the page and the matrix name what they left out


def test_compare_s_json_and_markdown_name_the_plans_they_could_not_read(tmp_path: Path):
    """Only standard error and the exit code said a plan was left out: a matrix saved as JSON or Markdown looked
    like the whole of what was asked for. The CSV names each in a column of its own after the plans', its cells empty:
    the header a spreadsheet shows, the table still one row per indicator."""
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(SAMPLES / "jieyang-2022.txt", plans / "jieyang-2022.txt")
    (plans / "damaged.docx").write_bytes(b"PK\x03\x04 cut short")
    (plans / "empty.json").write_text("{}", encoding="utf-8")
    problems = [(str(plans / "damaged.docx"), "not a valid DOCX file (truncated or corrupt)"),
                (str(plans / "empty.json"), "not a planparse JSON file (no schema_version)")]
    written = run_bounded([sys.executable, "-m", "planparse", "compare", str(plans / "jieyang-2022.txt"), str(plans / "damaged.docx"),
                           str(plans / "empty.json"), "--format", "json"], 120)
    assert written.returncode == 1 and [plan["id"] for plan in json.loads(written.stdout)["plans"]] == ["jieyang-2022"]
    assert [(plan["file"], plan["problem"]) for plan in json.loads(written.stdout)["unread"]] == problems
    markdown = run_bounded([sys.executable, "-m", "planparse", "compare", str(plans / "jieyang-2022.txt"), str(plans / "damaged.docx"),
                            str(plans / "empty.json"), "--format", "markdown"], 120).stdout
    assert "### Not read (no column)\n\n" + "".join(f"- `{file}`: {markdown_text(problem)}\n" for file, problem in problems) in markdown
    table = list(csv.reader(io.StringIO(run_bounded([sys.executable, "-m", "planparse", "compare", str(plans / "jieyang-2022.txt"),
                                                      str(plans / "damaged.docx"), str(plans / "empty.json")], 120).stdout.lstrip("\ufeff"))))
    assert table[0][5:] == ["jieyang-2022", *(f"not read: {file}: {problem}" for file, problem in problems)]
    assert len(table) > 1 and all(len(row) == len(table[0]) and row[6:] == ["", ""] for row in table[1:])
    whole = run_bounded([sys.executable, "-m", "planparse", "compare", str(plans / "jieyang-2022.txt"), "--format", "json"], 120)
    assert json.loads(whole.stdout)["unread"] == []


@pytest.mark.parametrize("command", ["compare", "report"])
def test_when_no_plan_can_be_read_there_is_no_output_and_the_exit_is_2(tmp_path: Path, command: str):
    """Alone, a plan that cannot be read is the command's one-line error, as it was; of several, each is said, then that
    none could be read."""
    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    (tmp_path / "b.docx").write_bytes(b"not a zip")
    output = tmp_path / "out"
    alone = run_bounded([sys.executable, "-m", "planparse", command, str(tmp_path / "a.json"), "-o", str(output)], 120)
    assert (alone.returncode, alone.stderr) == (EXIT_ERROR, f"planparse: {tmp_path / 'a.json'}: not a planparse JSON file (no schema_version)\n")
    both = run_bounded([sys.executable, "-m", "planparse", command, str(tmp_path / "a.json"), str(tmp_path / "b.docx"), "-o", str(output)], 120)
    assert both.returncode == EXIT_ERROR and not output.exists()
    assert both.stderr.splitlines()[-1] == f"planparse: {tmp_path / 'a.json'} and 1 more: none of the plans could be read (each is said above)"


def test_a_batch_output_folder_with_a_json_file_cut_short_compares_the_others(tmp_path: Path):
    """A planparse JSON cut short (a disk full, a copy stopped) stopped compare as it walked the folder, before any plan
    was read: now it fails as it is read, the others lined up."""
    folder = tmp_path / "out"
    folder.mkdir()
    for stem in ("jieyang-2022", "zhanjiang-2016"):
        (folder / f"{stem}.txt.json").write_bytes(document_json(extract(SAMPLES / f"{stem}.txt")))
    (folder / "cut.txt.json").write_bytes((folder / "jieyang-2022.txt.json").read_bytes()[:100])
    run = run_bounded([sys.executable, "-m", "planparse", "compare", str(folder), "--format", "json"], 120)
    assert run.returncode == 1 and run.stderr.startswith(f"planparse: {folder / 'cut.txt.json'}: not a planparse JSON file (")
    assert [plan["id"] for plan in json.loads(run.stdout)["plans"]] == ["jieyang-2022", "zhanjiang-2016"]


def test_plans_are_compared_as_they_are_read_never_held_all_at_once(seeds):
    """compare kept every document whole until the last was read: 500 plans took 650 MB. Now each is kept as its
    metadata and its targets' cells (the document before stays held while the next is made: one step behind)."""
    most_alive = [0]
    plans = [(f"{number}-{Path(file).name}", document) for number in range(4) for file, document in seeds]
    streamed = compare_documents(documents_read_one_at_a_time(plans, most_alive), load_indicator_name_rules())
    assert most_alive[0] <= 1
    assert streamed == compare_documents(plans, load_indicator_name_rules())


def test_the_matrix_keeps_of_each_target_a_light_cell(seeds):
    """Each target was kept as a pydantic cell of about 1.8 KB: 2.8 KB held a target of the seeds in all, 1.5 KB now
    (its quote, name and id, its slots, its place in the rows, its plan's metadata shared out)."""
    plans = [(f"{number}-{Path(file).name}", document) for number in range(4) for file, document in seeds]
    compare_documents(plans[:2], load_indicator_name_rules())  # the rules loaded and the matcher's caches filled
    gc.collect()
    tracemalloc.start()
    try:
        before, _peak = tracemalloc.get_traced_memory()
        matrix = compare_documents(documents_read_one_at_a_time(plans, [0]), load_indicator_name_rules())
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert held / sum(len(cells) for row in matrix.rows for cells in row.cells.values()) < 2000


@pytest.mark.parametrize("render", [comparison_csv, comparison_markdown])
def test_the_matrix_is_written_a_part_at_a_time_never_held_whole(render):
    """The CSV and Markdown matrix, a column per plan and a row per indicator, grows as their product and was made
    whole: 800 plans of their own indicators made a CSV of 2 MB, holding 16 MB as it was made (400 plans: 288 MiB)."""
    matrix = compare_documents(plans_of_own_indicators(700), load_indicator_name_rules())
    tracemalloc.start()
    try:
        size = sum(len(part) for part in chunks(render(matrix)))
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < size / 2  # before: eight times its size


def _comparison_of(plan_id: str, title: str, indicator: str, quote: str) -> Matrix:
    cell = cell_of(CellTarget(id="t1", indicator=indicator, quote=quote, line=1))
    return Matrix(threshold=DEFAULT_THRESHOLD, rows=[MatrixRow(indicator=indicator, unit=None, kind="milestone", names=[indicator], cells={plan_id: [cell]})],
                  plans=[ComparedPlan(id=plan_id, file=plan_id, source=Source(path=plan_id, format="txt", sha256="0"), metadata=Metadata(title=title))])


@settings(max_examples=150, deadline=None)
@given(MARKDOWN_SYNTAX, MARKDOWN_SYNTAX, MARKDOWN_SYNTAX, MARKDOWN_SYNTAX)
def test_the_markdown_matrix_shows_names_titles_and_cells_as_they_are(plan_id, title, indicator, quote):
    """A backslash in a code span was doubled (no escapes there: `a\\\\b` shows a\\\\b), a backtick ended it early."""
    plans, rows = shown_by_markdown(b"".join(comparison_markdown(_comparison_of(plan_id, title, indicator, quote))))
    one_line = lambda text: regex.sub(r"\r\n|[\r\n]", " ", text)  # noqa: E731  a cell or a list item is one line
    assert plans == [(one_line(plan_id), one_line(title).rstrip(" "))]
    assert rows == [["indicator", "unit", "kind", "plans", "names", one_line(plan_id).strip(" ")],
                    [one_line(indicator).strip(" "), "", "milestone", "1", one_line(indicator).strip(" "), one_line(quote).strip(" ")]]


def test_compare_to_markdown_shows_a_file_name_of_backticks_and_backslashes_as_it_is(tmp_path: Path):
    """Plans of two fields in files named with a backtick and a backslash: the list of plans shows each name."""
    names = {"教育`规划\\2025.txt": "一、目标\n到2025年，建成科普示范学校30所。\n", "卫生*方案_[2026].txt": "一、目标\n到2026年，建成胸痛中心5家。\n"}
    for name, text in names.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["compare", *(str(tmp_path / name) for name in names), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    plans, rows = shown_by_markdown(result.output.encode("utf-8"))
    assert [plan_id for plan_id, _title in plans] == rows[0][5:] == ["教育`规划\\2025", "卫生*方案_[2026]"]


TERMINAL_CONTROLS = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize("output_format", ["markdown", "csv"])
def test_compare_shows_file_names_that_would_drive_a_terminal_as_escapes(tmp_path: Path, output_format: str):
    """An escape sequence in a file name recoloured the terminal compare printed to; a byte of a name that is not
    UTF-8 made the Markdown an internal error (UnicodeEncodeError)."""
    names = {b"\x1b[31m\xe6\x95\x99\xe8\x82\xb2.txt": "一、目标\n到2025年，建成科普示范学校30所。\n",  # 教育, coloured red
             b"\xe5\x8d\xab\xe7\x94\x9f\xff\xe2\x80\xae.txt": "一、目标\n到2026年，建成胸痛中心5家。\n"}  # 卫生, a bad byte and a right-to-left override
    for name, text in names.items():
        (tmp_path / os.fsdecode(name)).write_text(text, encoding="utf-8")
    run = run_bounded([sys.executable, "-m", "planparse", "compare", str(tmp_path), "--format", output_format], 120, text=False)
    assert run.returncode == 0, run.stderr
    shown = run.stdout.decode("utf-8")
    assert not TERMINAL_CONTROLS.search(shown)
    assert "\\x1b[31m教育" in shown.replace("\\[", "[") and "卫生\\xff\\xe2\\x80\\xae" in shown
