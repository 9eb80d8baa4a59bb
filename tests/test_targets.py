"""Targets on the eight gold plans, their ids, CSV export and jieba's lazy loading."""
from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
import unicodedata

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from planparse import extract
from planparse.cli import cli
from planparse.models import Document
from planparse.targets import sentences, targets_in_text

from conftest import SAMPLES, gold_text_path, load_gold, write_lined_and_flat, write_plan

FIELDS = ("comparator", "deadline", "frequency", "value_max", "kind")


def squash(text: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def matches(gold: dict, target) -> bool:
    """The evaluation's rule: the gold quote lies in the target's text, and value and unit agree."""
    if squash(gold["quote"]) not in squash(target.text) + "\0" + squash(target.quote):
        return False
    if gold["kind"] == "milestone":
        return target.kind == "milestone"
    return target.value == gold["value"] and (target.unit or "") == (gold["unit"] or "")


_DOCUMENTS: dict[str, Document] = {}


def document(stem: str) -> Document:
    if stem not in _DOCUMENTS:
        _DOCUMENTS[stem] = extract(gold_text_path(stem))
    return _DOCUMENTS[stem]


def test_every_gold_target_is_found_with_its_fields(gold_doc):
    predicted = [t for t in document(gold_doc).targets if t.kind != "baseline"]
    unused = list(predicted)
    for gold in load_gold(gold_doc, "targets")["targets"]:
        found = next((t for t in unused if matches(gold, t)), None)
        assert found is not None, f"missed {gold['quote']}"
        unused.remove(found)
        if gold["kind"] != "milestone":
            assert {f: getattr(found, f) for f in FIELDS} == {f: gold[f] for f in FIELDS}, gold["quote"]
    assert [t.quote for t in unused] == []  # nothing spurious


def test_ids_are_unique_and_deterministic(gold_doc):
    ids = [t.id for t in document(gold_doc).targets]
    assert len(ids) == len(set(ids))
    assert ids == [t.id for t in extract(gold_text_path(gold_doc)).targets]


def test_id_survives_a_changed_value_and_a_moved_paragraph(tmp_path):
    first = "一、主要目标\n到2025年，全市公民具备科学素质的比例超过16%。\n二、重点任务\n（一）科普基地\n每年新建科普基地5个。\n"
    second = "一、主要目标\n全市开展科普活动。\n到2025年，全市公民具备科学素质的比例超过18%。\n二、重点任务\n（一）科普基地\n每年新建科普基地5个。\n"
    (tmp_path / "a.txt").write_text(first, encoding="utf-8")
    (tmp_path / "b.txt").write_text(second, encoding="utf-8")
    before, after = extract(tmp_path / "a.txt").targets, extract(tmp_path / "b.txt").targets
    assert [t.value for t in before] == [16, 5] and [t.value for t in after] == [18, 5]
    assert [t.id for t in before] == [t.id for t in after]


def test_targets_carry_section_headings_line_and_indicator():
    first = document("jieyang-2022").targets[2]
    assert first.quote == "每年培训250名科技辅导员"
    assert first.indicator == "科技辅导员"
    assert first.headings[-1] == "落实教师科学素质提升计划"
    assert first.section == "2.1.4" and first.rule == "arabic-amount" and first.line > 0
    share = document("jieyang-2022").targets[0]
    assert share.indicator == "公民具备科学素质的比例"


def test_history_comes_out_as_baseline():
    baselines = [t for t in document("yangzhou-2022").targets if t.kind == "baseline"]
    assert sorted(t.value for t in baselines) == [8.2, 10.56, 12.7]


def test_csv_is_one_row_per_target_with_bom(tmp_path):
    result = CliRunner().invoke(cli, ["extract", str(gold_text_path("jieyang-2022")), "--format", "csv"])
    assert result.exit_code == 0
    data = result.stdout_bytes
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == len(document("jieyang-2022").targets)
    assert rows[0]["value"] == "16" and rows[0]["comparator"] == ">" and rows[0]["deadline"] == "2025"
    assert rows[0]["headings"] == "总体要求 > 工作目标"


def test_jieba_loads_only_when_a_target_needs_it(tmp_path):
    plan = write_plan(tmp_path, "一、总体要求\n坚持问题导向，加强统筹协调。\n")
    probe = (
        "import sys; from planparse import extract; "
        f"d = extract({str(plan)!r}); assert d.targets == []; print('jieba' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
    assert "prefix dict" not in result.stderr  # jieba's own logging stays quiet


def test_jieba_is_silent_when_it_loads():
    probe = f"from planparse import extract; extract({str(gold_text_path('jieyang-2022'))!r})"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stderr == ""


def test_a_part_s_kind_of_place_is_named_alike_whatever_the_hash_seed():
    # 江河湖泊 and 湖泊 are both kinds of place: which one a set gave first, and so the part's name, went with the seed
    probe = ("from planparse.targets import targets_in_text; "
             "print([t.indicator for t in targets_in_text('到2025年，全县整治水域120处，其中江河湖泊45处。')])")
    names = {subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3", "4")}
    assert names == {"['水域', '江河湖泊水域']\n"}


@pytest.mark.parametrize("sentence,quotes", [
    ("规范科技教育辅导员培训，每年培训科技辅导员200人、认定100人。", ["每年培训科技辅导员200人", "认定100人"]),
    ("到2025年，全市40%以上的县（市、区）建成1座以上实体科普馆。", ["全市40%以上的县（市、区）", "建成1座以上实体科普馆"]),
    ("到2022年，建设50所高水平高等职业学校和150个骨干专业（群）。", ["建设50所高水平高等职业学校", "150个骨干专业（群）"]),
    ("到2025年全区农业科普基地达20个以上。", ["全区农业科普基地达20个以上"]),
])
def test_quote_is_the_shortest_span_with_number_and_thing(sentence, quotes):
    assert [t.quote for t in targets_in_text(sentence)] == quotes


@pytest.mark.parametrize("sentence,value,name", [
    ("到2026年，绿色食品认证率达到50%以上的合作社达到100家。", 100, "绿色食品认证率达到50%以上的合作社"),  # agriculture
    ("其中机械化率达到90%以上的制种田不少于1万亩。", 10000, "机械化率达到90%以上的制种田"),  # seed industry
    ("推动70%以上的村庄建成2个以上文化活动场所。", 70, "村庄"),  # culture: a work of the things with its own count
    ("到2026年，70%以上的乡镇建成1个以上标准化避难场所。", 70, "乡镇"),  # emergency
    ("到2026年，90%以上的村（社区）建成标准化儿童之家。", 90, "村（社区）建成标准化儿童之家"),  # children: a work, no count
])
def test_a_count_of_the_things_a_share_picks_out_is_named_by_them_and_holds_no_value_of_its_own(sentence, value, name):
    """(reader U11) A share before the things it picks out, then a count of those things (…50%以上的合作社达到100家): the
    count is of the things the share picks out, whether the share is a target or a threshold, and no name holds it (was
    合作社达到100家 for both); a work the things do with a count of its own is that count's, and the share names the
    things alone, as the gold quotes jieyang-2022's 全市40%以上的县（市、区）| 建成1座以上实体科普馆."""
    assert [t.indicator for t in targets_in_text(sentence) if t.value == value] == [name]


def test_a_value_due_before_the_plan_starts_is_history(tmp_path):
    plan = write_plan(tmp_path, "某市全民健康行动实施方案（2021—2025年）\n一、主要目标\n"
                      "2020年，全市居民健康素养水平达到20.5%。到2025年，全市居民健康素养水平达到25%以上。\n")
    targets = extract(plan).targets
    assert [(t.value, t.deadline, t.kind) for t in targets] == [(20.5, 2020, "baseline"), (25, 2025, "percentage")]


def test_as_of_a_date_before_the_plan_was_signed_is_history(tmp_path):
    """A 2021–2025 plan signed in 2022: 截至2021年底 reports the past although 2021 is a year of the plan, and
    is the year of what it reports; 截至2025年底 is a date ahead, and its 已建成 is done by then."""
    plan = write_plan(tmp_path, "某市人民政府关于印发某市教育发展规划（2021—2025年）的通知\n某府〔2022〕12号\n"
                      "某市人民政府\n2022年4月19日\n某市教育发展规划（2021—2025年）\n一、主要目标\n"
                      "截至2021年底，全市建成普惠性幼儿园260所，到2025年达到300所。截至2025年底，全市已建成智慧校园150所。\n")
    targets = extract(plan).targets
    assert [(t.value, t.deadline, t.kind) for t in targets] == [(260, 2021, "baseline"), (300, 2025, "count"), (150, 2025, "count")]


@pytest.mark.parametrize("issuer,kept", [("某省人民政府", [55, 90]), ("中共某省委办公厅", [55, 90]),
                                          ("某省卫生健康委员会", []), ("某市人民政府", [])])
def test_a_goal_of_the_provinces_own_bodies_is_a_provincial_plans_own(tmp_path, issuer, kept):
    """省委省政府提出，到2025年… restates the goal of the level that issued a province's own plan (elderly care,
    sanitation): its target; in a department's or a city's plan it is a higher level's goal, and no target."""
    plan = write_plan(tmp_path, f"{issuer}关于印发某省养老服务体系建设实施方案（2021—2025年）的通知\n某发〔2021〕12号\n"
                      f"{issuer}\n2021年6月1日\n某省养老服务体系建设实施方案（2021—2025年）\n一、总体要求\n"
                      "省委省政府提出，到2025年，全省养老机构护理型床位占比达到55%。"
                      "省委、省政府明确要求，到2025年全省农村卫生厕所普及率达到90%以上。\n"
                      "附件\n重点任务分工表\n序号\t重点任务\t牵头单位\t完成时限\n"
                      "1\t省委省政府提出，全省新增普惠托位2万个。\t省卫生健康委\t2025年\n")
    document = extract(plan)
    assert document.metadata.issuer == issuer
    assert [t.value for t in document.targets] == kept + [20000] * bool(kept)  # a 分工表's cell as the text's sentence


def test_a_month_in_a_plan_of_several_years_leaves_its_year_unknown_and_says_so(tmp_path):
    """6月底前 names no one year of a 2024–2026 plan (sanitation, fire safety): the deadline stays null and the target
    asks a reader to check; a heading's year dates it, and 全年 of a yearly rate is no deadline to flag."""
    plan = write_plan(tmp_path, "某县农村人居环境整治三年行动方案（2024—2026年）\n一、重点任务\n"
                      "6月底前，完成农村户厕改造500户。全年空气质量优良天数比例达到95%。\n"
                      "二、2025年工作安排\n10月底前完成消防安全隐患排查120处。\n")
    targets = extract(plan).targets
    assert [(t.value, t.deadline, bool(t.review)) for t in targets] == [(500, None, True), (95, None, False), (120, 2025, False)]


def test_a_month_of_a_campaign_across_the_new_year_falls_in_the_year_of_its_months_and_is_not_flagged(tmp_path):
    """A winter's campaign of 2024年11月—2025年3月 (fire safety, air quality): 12月底前 is 2024's, 3月底前 2025's, each
    certain; 6月底前 falls in neither of its months, unknown and flagged as in a plan of several years."""
    plan = write_plan(tmp_path, "某县2024年冬春火灾防控工作方案\n（2024年11月—2025年3月）\n一、工作目标\n"
                      "12月底前，完成高层住宅消防设施检测120栋。3月底前，淘汰燃煤小锅炉30台。6月底前，完成餐饮油烟治理100家。\n")
    targets = extract(plan).targets
    assert [(t.value, t.deadline, bool(t.review)) for t in targets] == [(120, 2024, False), (30, 2025, False), (100, None, True)]


def test_a_section_that_states_what_there_is_holds_baselines(tmp_path):
    """基本情况 and 概况 sections state the county's or the project's present state; the aims after them are targets."""
    plan = write_plan(tmp_path, "某县养老服务体系建设实施方案\n一、基本情况\n"
                      "全县常住人口45万人，60岁以上老年人口9.8万人。全县有养老机构18家，床位2100张。\n"
                      "二、项目概况\n新建县城至高铁站快速路12公里，总投资8亿元。\n"
                      "三、主要目标\n到2025年，全县养老床位达到3000张，护理型床位占比达到55%。\n")
    targets = extract(plan).targets
    assert [t.value for t in targets if t.kind != "baseline"] == [3000, 55]
    assert [t.value for t in targets if t.kind == "baseline"] == [450_000, 98_000, 18, 2100, 12]


def test_a_heading_written_as_a_whole_sentence_keeps_its_milestone_and_a_short_label_does_not(tmp_path):
    """（一）…，应发尽发，实现发证登记全覆盖。 is a run-in paragraph: its commitment counts; a short
    label with a comma (推行绿色生产，促进废弃物全量利用) names a task, as the gold reads it."""
    plan = write_plan(tmp_path, "某区水域滩涂养殖发证登记实施方案\n一、工作任务\n"
                      "（一）水域滩涂养殖发证登记是确立养殖权的法定程序，各有关单位要加快开展发证登记工作，实现发证登记全覆盖。\n"
                      "（二）推行绿色养殖，实现尾水处理全覆盖\n各乡镇做好宣传。\n")
    assert [(t.kind, t.quote) for t in extract(plan).targets] == [("milestone", "实现发证登记全覆盖")]



@pytest.mark.parametrize("items,quotes", [
    # health: items under a task, each a whole commitment with nothing below it
    ("1.全县二级以上医院全部接入省级远程医疗平台。\n2.乡镇卫生院均设立中医馆。\n3.加强乡村医生队伍建设。\n",
     ["全县二级以上医院全部接入省级远程医疗平台", "乡镇卫生院均设立中医馆"]),
    # education: the same as bracketed items, the last one before the next part of the plan
    ("（一）义务教育学校全部建成标准化食堂。\n（二）推进课后服务提质扩容。\n（三）乡镇中心幼儿园均达到省级示范标准。\n",
     ["义务教育学校全部建成标准化食堂", "乡镇中心幼儿园均达到省级示范标准"]),
])
def test_a_heading_that_holds_nothing_is_an_item_and_its_milestone_counts(tmp_path, items, quotes):
    """A heading with neither text nor headings below it labels no task stated elsewhere: it is the item itself."""
    plan = write_plan(tmp_path, f"某县社会事业实施方案\n一、重点任务\n{items}二、保障措施\n各部门加强协作。\n")
    assert [t.quote for t in extract(plan).targets if t.kind == "milestone"] == quotes


@pytest.mark.parametrize("items,quotes", [
    # women's development: a goal item, then the label of the measures after it
    ("主要目标：\n1.女性基本养老保险参保率达到95%以上。\n2.对符合条件的困难妇女实现应保尽保。\n策略措施：\n1.完善妇女维权服务。\n",
     ["对符合条件的困难妇女实现应保尽保"]),
    # children's development: the same with bracketed items
    ("主要目标：\n（1）儿童基本医疗保险参保率达到98%以上。\n（2）适龄残疾儿童实现应助尽助。\n工作措施：\n（1）加强儿童医疗保障。\n",
     ["适龄残疾儿童实现应助尽助"]),
])
def test_a_heading_whose_text_is_only_the_next_label_is_an_item(tmp_path, items, quotes):
    """A label (策略措施：) closing a goal item opens the measures below it: the item holds nothing of its own."""
    plan = write_plan(tmp_path, f"某县妇女儿童发展规划\n一、发展领域\n（一）社会保障\n{items}二、组织实施\n各部门加强协作。\n")
    assert [t.quote for t in extract(plan).targets if t.kind == "milestone"] == quotes


@pytest.mark.parametrize("item,wanted", [
    # housing fund: a change by a multiple in words (the lead's finding 3); one times is 翻一番 said otherwise, a milestone
    ("4.灵活就业人员缴存人数较上年增长一倍。住房公积金业务跨省通办事项达到13项。", [(None, None), (13, "项")]),
    ("4.灵活就业人员缴存人数较上年增长两倍。住房公积金业务跨省通办事项达到13项。", [(2, "倍"), (13, "项")]),
    # commerce: a doubling, the milestone GUIDE makes of 翻一番, and a share in tenths
    ("4.农村电商交易额较上年翻一番。快递进村比例提高到八成。", [(None, None), (80, "%")]),
])
def test_a_run_in_item_sentence_that_changes_a_level_in_words_is_read(tmp_path, item, wanted):
    """An item whose first sentence is its title (up to 。) and holds no digit is read as a sentence when it states a
    multiple or a tenth in words, as one with a digit is: it was taken for a task's name and its number lost."""
    plan = write_plan(tmp_path, f"某市2026年重点工作任务\n一、重点任务\n（一）住房和商务\n{item}\n")
    assert [(t.value, t.unit) for t in extract(plan).targets] == wanted


@pytest.mark.parametrize("title,quote", [
    ("（二）具体任务：城区公办中小学、幼儿园全面推行课后延时服务；民办学校参照执行。", "城区公办中小学、幼儿园全面推行"),
    ("（二）重点任务：二级以上公立医院、妇幼保健院全面实行分时段预约诊疗；其他医疗机构逐步推开。",
     "二级以上公立医院、妇幼保健院全面实行"),
])
def test_a_label_run_on_by_what_it_labels_is_read_as_text(tmp_path, title, quote):
    """具体任务：… is a label and the statement it labels, printed as one heading: the statement's milestone counts."""
    plan = write_plan(tmp_path, f"某区实施方案\n一、目标任务\n（一）总体要求\n各单位做好宣传。\n{title}\n各乡镇做好宣传。\n")
    assert [(t.kind, t.quote[:len(quote)]) for t in extract(plan).targets] == [("milestone", quote)]

INDICATOR_TABLE = (
    "某市全民健康行动规划（2021—2025年）\n一、主要目标\n（一）主要指标\n"
    "序号\t指标名称\t2020年\t2025年\t属性\n"
    "1\t居民健康素养水平（%）\t20.5\t≥25\t预期性\n"
    "2\t家庭医生签约人数（万人）\t120\t150以上\t预期性\n"
    "3\t财政卫生投入（亿元）\t12.5\t15-18\t约束性\n"
    "二、重点任务\n到2025年，建成3个区域医疗中心。\n"
)


def test_indicator_table_rows_are_targets(tmp_path):
    plan = write_plan(tmp_path, INDICATOR_TABLE)
    targets = [target for target in extract(plan).targets if target.kind != "baseline"]  # the 2020年 column's
    assert [(t.indicator, t.value, t.value_max, t.unit, t.comparator, t.deadline, t.kind) for t in targets[:3]] == [
        ("居民健康素养水平", 25, None, "%", ">=", 2025, "percentage"),
        ("家庭医生签约人数", 1_500_000, None, "人", ">=", 2025, "count"),
        ("财政卫生投入", 1_500_000_000, 1_800_000_000, "元", "range", 2025, "money"),
    ]
    assert {t.rule for t in targets[:3]} == {"indicator-table"} and targets[0].headings == ["主要目标", "主要指标"]
    assert targets[3].value == 3  # the text after the table follows it


@pytest.mark.parametrize("table,baselines", [
    # forestry: the year before the plan's first is where it starts
    ("某县林业发展规划（2021—2025年）\n一、主要指标\n序号\t指标名称\t单位\t2020年\t2025年\t属性\n"
     "1\t森林覆盖率\t%\t62.5\t65\t约束性\n2\t林木蓄积量\t万立方米\t850\t950\t预期性\n",
     [("森林覆盖率", 62.5, "%", 2020), ("林木蓄积量", 8_500_000, "立方米", 2020)]),
    # health: a column of the present value
    ("某市卫生健康规划（2021—2025年）\n一、主要指标\n指标名称\t现状值\t2025年目标\n"
     "每千人口执业（助理）医师数（人）\t2.8\t3.2\n",
     [("每千人口执业（助理）医师数", 2.8, "人", None)]),
    # childcare: a base year named so
    ("某区托育服务行动方案（2024—2026年）\n一、主要指标\n指标\t2023年基数\t2026年目标值\n每千人口托位数（个）\t3.1\t4.5\n",
     [("每千人口托位数", 3.1, "个", 2023)]),
])
def test_an_indicator_table_s_base_column_gives_baselines(tmp_path, table, baselines):
    """A column of where the plan starts (a year before its first, 现状值, 基数) reports the past: its cells are
    baselines (they gave nothing), and the target columns' cells stay targets."""
    targets = extract(write_plan(tmp_path, table)).targets
    assert [(t.indicator, t.value, t.unit, t.deadline) for t in targets if t.kind == "baseline"] == baselines
    assert all(t.deadline is not None and t.deadline >= 2025 for t in targets if t.kind != "baseline")
    assert len(targets) == 2 * len(baselines)


@pytest.mark.parametrize("table,milestones", [
    # water: coverage and water quality met, beside a value and a baseline column
    ("某县水利发展实施方案（2024—2026年）\n一、主要目标\n指标名称\t单位\t2023年\t2026年\t指标属性\n"
     "农村自来水普及率\t%\t88\t95\t约束性\n城乡供水一体化\t—\t—\t全覆盖\t预期性\n国控断面水质\t—\t—\t全部达标\t约束性\n",
     [("城乡供水一体化", 2026), ("国控断面水质", 2026)]),
    # employment and culture: none left, a level doubled, and a hedge that is no milestone
    ("某市就业促进规划（2021—2025年）\n一、主要指标\n指标\t现状值\t2025年目标\n零就业家庭\t—\t动态清零\n"
     "文化产业增加值\t—\t翻一番\n乡镇综合文化站\t—\t基本全覆盖\n",
     [("零就业家庭", 2025), ("文化产业增加值", 2025)]),
    # medical insurance and wages: everyone eligible served, coverage of a level of places, none of a wrong; a level
    # of places hedged is none
    ("某市医疗保障规划（2021—2025年）\n一、主要指标\n指标\t2020年\t2025年\n困难群众参保资助\t—\t应保尽保\n"
     "医保经办服务网点\t—\t乡镇（街道）、村（社区）全覆盖\n农民工工资\t—\t零拖欠\n医保服务站\t—\t基本乡镇全覆盖\n",
     [("困难群众参保资助", 2025), ("医保经办服务网点", 2025), ("农民工工资", 2025)]),
    # husbandry and work safety: none of an event, beside a count
    ("某县畜牧业发展规划（2021—2025年）\n一、主要指标\n指标\t2020年\t2025年\n重大动物疫情\t—\t不发生\n"
     "较大以上生产安全事故\t—\t确保不发生\n规模养殖场\t80\t120\n",
     [("重大动物疫情", 2025), ("较大以上生产安全事故", 2025)]),
    # work safety and food safety: 无 in a row that names a harm denies it; in a row of what is had (5A级景区) it is none
    ("某市安全发展规划（2021—2025年）\n一、主要指标\n指标\t2020年\t2025年\n较大以上生产安全事故\t—\t无\n"
     "重大食品安全事件\t—\t无\n5A级景区（个）\t无\t1\n新增违法建设\t—\t无\n",
     [("较大以上生产安全事故", 2025), ("重大食品安全事件", 2025), ("新增违法建设", 2025)]),
])
def test_an_indicator_table_s_all_or_nothing_cell_is_a_milestone(tmp_path, table, milestones):
    """A target cell that says the row's goal is all or nothing instead of a value (全覆盖, 全部达标, 动态清零, 翻一番:
    fragment milestone_cell; 无 in a row that names a harm) is its milestone, due by its column's year, as 实现…全覆盖 in
    the text is; a hedge is none."""
    targets = extract(write_plan(tmp_path, table)).targets
    assert [(t.indicator, t.deadline) for t in targets if t.kind == "milestone"] == milestones
    assert all(t.value is None and t.unit is None and t.rule == "indicator-table" for t in targets if t.kind == "milestone")


@pytest.mark.parametrize("row,value,unit,year", [
    # urban renewal: when in the year and what is done, before the value
    ("新建改造地下管网（公里）\t2024年底前完成80\t2025年底前完成70\t市住建局\n", 80, "公里", 2024),
    # water: a month of the year
    ("改造农村供水管网（公里）\t2024年6月底前完成120\t2025年6月底前完成90\t县水利局\n", 120, "公里", 2024),
])
def test_a_yearly_task_cell_that_says_when_gives_its_value(tmp_path, row, value, unit, year):
    """A 年度任务分解表 cell holding when as well as how much (2024年底前完成80) is its column's target."""
    plan = write_plan(tmp_path, f"某市城市更新行动方案（2024—2025年）\n一、年度任务\n序号\t任务\t2024年\t2025年\t牵头单位\n1\t{row}")
    first = extract(plan).targets[0]
    assert (first.value, first.unit, first.deadline, first.kind) == (value, unit, year, "count")


def test_a_user_fragment_that_breaks_the_table_cell_pattern_stops_with_one_line(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "mine.yaml").write_text("fragments:\n  comparator_sign: '[≥'\n", encoding="utf-8")
    plan = write_plan(tmp_path, INDICATOR_TABLE)
    result = subprocess.run([sys.executable, "-m", "planparse", "extract", str(plan), "--rules", str(rules)],
                            capture_output=True, text=True)
    assert result.returncode == 2 and result.stdout == ""
    # the first rule compiled that reads the fragment names it: arabic-amount reads comparator_sign too since safe's e6260c80
    assert result.stderr.count("\n") == 1 and re.search(r"rule (?:indicator-table|arabic-amount): bad pattern", result.stderr)


def test_task_tables_give_no_targets():
    document = extract(gold_text_path("jieyang-2022"))  # its 分工表 has 序号 1…11
    assert document.tables and all(t.rule != "indicator-table" for t in document.targets)


def test_numbers_in_the_task_cells_of_a_task_table_are_targets_due_in_the_row_s_time_limit(tmp_path):
    """GUIDE §2: numbers in an attached 分工表 count like the body's, with the deadline of the row's 时限 cell;
    a year in the task itself is its own, and the 序号 and 时限 cells give nothing."""
    plan = write_plan(tmp_path, "某县城乡建设三年行动方案（2023—2025年）\n一、主要任务\n（一）扩大学前教育资源。\n"
                      "附件\n重点任务分工表\n序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
                      "1\t新建、改扩建公办幼儿园12所，新增学位3600个。\t县教育局\t县财政局\t2025年底前\n"
                      "2\t每年培训乡村教师500人次。\t县教育局\t县人社局\t持续推进\n"
                      "3\t到2024年，完成农村黑臭水体治理20条。\t县生态环境局\t各乡镇\t2025年\n"
                      "4\t完善生活垃圾分类收运体系。\t县住建局\t各乡镇\t2023年12月\n")
    targets = extract(plan).targets
    assert [(t.quote, t.value, t.unit, t.deadline, t.frequency) for t in targets] == [
        ("新建、改扩建公办幼儿园12所", 12, "所", 2025, None), ("新增学位3600个", 3600, "个", 2025, None),
        ("每年培训乡村教师500人次", 500, "人次", None, "annual"), ("完成农村黑臭水体治理20条", 20, "条", 2024, None)]
    assert all(t.headings == [] for t in targets)  # the attached table sits under none of the plan's headings


@pytest.mark.parametrize("attachment", [["附件：重点任务分工表"], ["附件", "重点任务分工表"]], ids=["one-line", "two-lines"])
@pytest.mark.parametrize(("lines", "values"), [
    # rural environment: a 分工表 after the last task of 二、
    (["某县农村人居环境整治提升行动方案（2024—2026年）", "一、总体目标", "到2026年，农村卫生厕所普及率达到90%以上。", "二、重点任务",
      "（一）推进农村厕所革命。", "（二）治理农村生活污水。", "序号\t重点任务\t牵头单位\t完成时限",
      "1\t新建农村卫生户厕1万户\t县农业农村局\t2025年底", "2\t完成30个行政村生活污水治理\t县生态环境局\t2026年底"], [10000, 30]),
    # health: the same after a 保障措施 section
    (["某县健康促进行动方案（2024—2026年）", "一、重点任务", "（一）建设健康场所。", "二、保障措施", "（一）加强组织领导。",
      "序号\t重点任务\t牵头单位\t完成时限", "1\t创建省级健康促进学校5所\t县教育局\t2025年底", "2\t建成健康步道10公里\t县住建局\t2026年底"],
     [5, 10]),
], ids=["rural-environment", "health"])
def test_an_attached_table_sits_under_none_of_the_plan_s_headings_however_its_attachment_line_is_written(tmp_path, lines, values, attachment):
    """附件 over the table's title, or 附件：and the title on one line: the table is the plan's attachment, not part of
    its last section, and its targets stand under no heading either way, lined and with the line breaks lost."""
    lined, flat = write_lined_and_flat(tmp_path, lines[:-3] + attachment + lines[-3:])
    for plan in (lined, flat):
        table = [t for t in extract(plan).targets if t.deadline is not None and t.headings != ["总体目标"]]
        assert [(t.value, t.headings, t.section) for t in table] == [(value, [], None) for value in values]


@pytest.mark.parametrize("attachments, names", [
    # rural revitalisation: the list opens on the 附件 line; education: on the line after 附件：, each name's figures
    # (50 个, 100 所, 20 项) a count of what the attached document lists
    (["附件：1.2024年全县50个美丽乡村示范村名单", "2.重点任务分工表"], ["2024年全县50个美丽乡村示范村名单", "重点任务分工表"]),
    (["附件：", "1.全市100所义务教育优质均衡发展学校名单", "2.2024年20项教育民生实事清单。"],
     ["全市100所义务教育优质均衡发展学校名单", "2024年20项教育民生实事清单"]),
], ids=["rural", "education"])
def test_the_names_of_the_documents_attached_hold_no_targets(tmp_path, attachments, names):
    # the notice's list of attachments above its signature: each name was read as a sentence of the plan's
    lines = ["某县人民政府关于印发某县乡村振兴实施方案的通知", "各乡镇人民政府：", "现将《某县乡村振兴实施方案》印发给你们，请认真贯彻执行。",
             *attachments, "某县人民政府", "2024年3月1日", "某县乡村振兴实施方案", "一、工作目标", "到2025年，建成美丽乡村示范村80个。"]
    for plan in write_lined_and_flat(tmp_path, lines):
        document = extract(plan)
        assert document.metadata.attachments == names
        assert [t.value for t in document.targets] == [80]


@pytest.mark.parametrize("own_list", [
    # rural environment: the plan's own list at its end, opening on the 附件 line; education: on the line after it
    ["附件：1.全县30个重点村整治任务清单", "2.2025年新建20座污水处理站点位表"],
    ["附件：", "1.全市100所义务教育优质均衡发展学校名单", "2.2024年20项教育民生实事清单"],
], ids=["rural", "education"])
def test_the_names_in_the_plan_s_own_list_of_attachments_hold_no_targets(tmp_path, own_list):
    # a second list after the notice's: only the first was found, and 2025年新建20座… gave 20 座 due 2025
    lines = ["某县人民政府关于印发某县乡村振兴实施方案的通知", "各乡镇人民政府：", "现将《某县乡村振兴实施方案》印发给你们，请认真贯彻执行。",
             "附件：某县乡村振兴实施方案", "某县人民政府", "2024年3月1日", "某县乡村振兴实施方案", "一、工作目标",
             "到2025年，建成美丽乡村示范村80个。", "二、保障措施", "加强组织领导。", *own_list]
    for plan in write_lined_and_flat(tmp_path, lines):
        document = extract(plan)
        assert document.metadata.attachments == ["某县乡村振兴实施方案"]
        assert [t.value for t in document.targets] == [80]


@pytest.mark.parametrize("rows,repeats", [
    # sport: a yearly task, a dated one, and one that goes on with no cadence
    ("1\t培训社会体育指导员300名\t县教育体育局\t每年\n2\t建成健身步道50公里\t县教育体育局\t2025年底前\n"
     "3\t举办农民运动会1届\t县教育体育局\t长期坚持\n", [("annual", "P1Y"), (None, None), (None, None)]),
    # health: a cadence shorter than a year, one from a year on, and a task that names its own repeat
    ("1\t开展家庭医生签约服务培训2期\t县卫健局\t每半年\n2\t开展基层医疗机构督导检查1次\t县卫健局\t2024年起每季度\n"
     "3\t每月开展健康讲座不少于1场\t县卫健局\t每年\n", [(None, "P6M"), ("quarterly", "P3M"), ("monthly", "P1M")]),
])
def test_a_task_table_row_whose_time_limit_is_a_cadence_repeats_its_targets(tmp_path, rows, repeats):
    """A 分工表 row's 时限 cell may say how often the task recurs (每年, 每季度) rather than when it is due: its
    targets recur so, as they are due in its year when it names one; a task's own repeat word comes first."""
    plan = write_plan(tmp_path, "某县社会事业三年行动方案（2024—2026年）\n一、主要任务\n（一）完善服务体系。\n附件\n"
                      f"重点任务分工表\n序号\t工作任务\t牵头单位\t完成时限\n{rows}")
    assert [(t.frequency, t.recurrence) for t in extract(plan).targets] == repeats


@pytest.mark.parametrize("lines,deadlines", [
    # market regulation: a note on a line of its own after the item's 责任单位, and one inside its responsibility note;
    # an item with none, after them, is due by no year
    (["某县2025—2027年市场监管重点任务分工方案", "一、食品安全",
      "（一）学校食堂“互联网+明厨亮灶”覆盖率达到100%。", "责任单位：县市场监管局、县教育局", "完成时限：2026年12月底前",
      "（二）气瓶充装单位追溯系统覆盖率达100%。(责任单位:县市场监管局;完成时限:2025年6月)",
      "（三）A级食品生产企业占比提高5个百分点。", "牵头单位：县市场监管局"], [2026, 2025, None]),
    # environment: a note that names no year (持续推进) dates nothing; a year of the item's own comes first
    (["某县2025—2027年生态环境保护工作方案", "一、主要任务",
      "（一）新建乡镇污水处理站12座。", "完成时间：持续推进",
      "（二）2025年底前完成入河排污口整治80个。", "时间要求：2027年底前",
      "（三）县城黑臭水体消除比例达到100%。", "（责任单位：县生态环境局、县住建局，完成时限：2027年底前）"],
     [None, 2025, 2027]),
], ids=["market-regulation", "environment"])
def test_an_item_s_targets_are_due_by_the_time_limit_note_closing_it(tmp_path, lines, deadlines):
    """A time-limit note that closes an item (完成时限：…, inline or on its own line) dates its targets as a 分工表 row's
    时限 cell dates the row's task (GUIDE §2), lined and with the line breaks lost."""
    for plan in write_lined_and_flat(tmp_path, lines):
        assert [t.deadline for t in extract(plan).targets] == deadlines


@pytest.mark.parametrize("row,deadline", [
    # the day that opens a year ends the year before (heating, transport); a month or a school term a task runs from is its
    # start, no deadline (culture, education); a span of years is due by its last (water supply)
    ("完成城区供热管网改造30公里\t县住建局\t2025年元旦前", 2024),
    ("完成农村客运站改造12个\t县交通运输局\t2026年元旦前", 2025),
    ("每月开展城市书房阅读活动不少于2场\t县文旅局\t2025年7月起", None),
    ("新增公办幼儿园学位600个\t县教育局\t2025年秋季学期起", None),
    ("新建农村供水工程20处\t县水利局\t2024—2025年", 2025),
], ids=["new-year-day-heating", "new-year-day-transport", "month-a-task-runs-from-culture", "school-term-from-education",
        "span-water"])
def test_a_task_table_s_time_limit_is_read_as_the_text_reads_its_time(tmp_path, row, deadline):
    """A 分工表's 时限 cell is read as the words of time opening a sentence of the text are (SentenceReader.time_limit), in
    the row and in a note closing an item (完成时限：…) alike: 2025年元旦前 is due 2024, 2025年7月起 is a start (they were
    2025, the cell's last year, by a pattern of the tables' own)."""
    task, lead, limit = row.split("\t")
    in_table = write_plan(tmp_path, "某县民生实事三年行动方案（2024—2026年）\n一、主要任务\n（一）完善民生服务。\n附件\n"
                          f"重点任务分工表\n序号\t工作任务\t牵头单位\t完成时限\n1\t{row}\n")
    assert [t.deadline for t in extract(in_table).targets] == [deadline]
    in_a_note = write_plan(tmp_path, "某县民生实事三年行动方案（2024—2026年）\n一、主要任务\n"
                           f"（一）{task}。（责任单位：{lead}，完成时限：{limit}）\n")
    assert [t.deadline for t in extract(in_a_note).targets] == [deadline]


# A 分工表 with merged cells, each cell (text, rows, columns) at the place it starts; None where a merge covers
MERGED_TASK_TABLES = {
    # rural environment: a task over two rows, a unit and a time limit each; a task written across 重点任务 | 具体内容
    "rural-environment": ([["序号", "重点任务", "具体内容", "牵头单位", "配合单位", "完成时限"],
                           [("1", 2, 1), ("农村厕所革命", 2, 1), ("新建农村公厕150座", 2, 1), "县农业农村局", "各乡镇", "2025年底"],
                           [None, None, None, "县住建局", "县财政局", "2026年底"],
                           ["2", ("建设垃圾转运站12座", 1, 2), None, "县住建局", "各乡镇", "2025年"],
                           ["3", "污水治理", "完成60个行政村生活污水治理", "县生态环境局", "各乡镇", "2026年"]],
                          [(150, "座", 2026), (12, "座", 2025), (60, "个", 2026)]),
    # health: the same shapes, the task across its two columns first
    "health": ([["序号", "工作类别", "工作任务", "牵头单位", "配合单位", "完成时限"],
                ["1", ("培训乡村医生500人次", 1, 2), None, "县卫健局", "县人社局", "2024年"],
                [("2", 2, 1), ("基层医疗", 2, 1), ("建成县域医疗次中心3个", 2, 1), "县卫健局", "县财政局", "2025年底"],
                [None, None, None, "县发改局", "各乡镇", "2026年"]],
               [(500, "人次", 2024), (3, "个", 2026)]),
}


def _spans(cell) -> tuple[str, int, int]:
    return cell if isinstance(cell, tuple) else (cell, 1, 1)


def _merged_table_as_html(rows, header_rows: int = 1) -> str:
    """A web page's table: its first ``header_rows`` rows in <thead>, each cell with its spans."""
    def html_rows(part, tag: str) -> str:
        return "".join("<tr>" + "".join(f"<{tag} rowspan='{down}' colspan='{across}'>{text}</{tag}>"
                                        for text, down, across in map(_spans, filter(None, row))) + "</tr>" for row in part)
    return (f"<table border='1'><thead>{html_rows(rows[:header_rows], 'th')}</thead>"
            f"<tbody>{html_rows(rows[header_rows:], 'td')}</tbody></table>")


def _merged_table_as_text(rows) -> list[str]:
    """As a text copy prints it: a merged cell's text once, the places it covers empty."""
    return ["\t".join("" if cell is None else _spans(cell)[0] for cell in row) for row in rows]


def _plan_with_merged_table(tmp_path, form: str, lines: list[str], rows, header_rows: int = 1):
    """A plan of ``lines`` then the table ``rows`` (its first ``header_rows`` the header), as a text copy ("txt"), a web
    page ("html") or a Word file ("docx") writes it."""
    if form == "txt":
        return write_plan(tmp_path, "\n".join(lines + _merged_table_as_text(rows)) + "\n")
    if form == "html":
        plan = tmp_path / "plan.html"
        plan.write_text("<html><head><meta charset='utf-8'></head><body>" + "".join(f"<p>{line}</p>" for line in lines)
                        + _merged_table_as_html(rows, header_rows) + "</body></html>", encoding="utf-8")
        return plan
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    _merged_table_into_docx(document, rows)
    plan = tmp_path / "plan.docx"
    document.save(plan)
    return plan


def _merged_table_into_docx(document, rows) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell is not None:
                text, down, across = _spans(cell)
                table.cell(r, c).merge(table.cell(r + down - 1, c + across - 1)).text = text


@pytest.mark.parametrize("form", ["txt", "html", "docx"])
@pytest.mark.parametrize("rows,wanted", MERGED_TASK_TABLES.values(), ids=MERGED_TASK_TABLES.keys())
def test_a_task_table_s_merged_cells_give_each_task_s_targets_once_in_every_form(tmp_path, form, rows, wanted):
    """A task cell merged down over rows of its units gives its targets once, due by the last of their time limits,
    and a task written across the column before its own gives its targets: on a web page (rowspan, colspan, thead),
    in Word and in a text copy alike."""
    lines = ["某县民生实事三年行动方案（2024—2026年）", "一、主要任务", "（一）改善人居环境。", "附件", "重点任务分工表"]
    plan = _plan_with_merged_table(tmp_path, form, lines, rows)
    assert [(t.value, t.unit, t.deadline) for t in extract(plan).targets] == wanted


# 分工表s whose header runs over two rows: 责任单位 over 牵头单位 | 配合单位, the other headers merged down over both
TWO_ROW_HEADER_TASK_TABLES = {
    "water": ([[("序号", 2, 1), ("重点任务", 2, 1), ("责任单位", 1, 2), None, ("完成时限", 2, 1)],
               [None, None, "牵头单位", "配合单位", None],
               ["1", "改造农村供水管网300公里", "县水利局", "县财政局", "2025年底前"],
               ["2", "建设水质检测中心1个", "县卫生健康局", "县水利局", "2024年6月底前"]],
              [(300, "公里", 2025), (1, "个", 2024)]),
    "education": ([[("序号", 2, 1), ("重点任务", 2, 1), ("责任单位", 1, 2), None, ("完成时限", 2, 1)],
                   [None, None, "牵头单位", "责任单位", None],
                   ["1", "新建改扩建幼儿园20所", "县教育局", "县自然资源局", "2026年底前"]],
                  [(20, "所", 2026)]),
}


@pytest.mark.parametrize("form", ["txt", "html", "docx"])
@pytest.mark.parametrize("rows,wanted", TWO_ROW_HEADER_TASK_TABLES.values(), ids=TWO_ROW_HEADER_TASK_TABLES.keys())
def test_an_attached_task_table_with_a_header_over_two_rows_sits_under_none_of_the_plan_s_headings(tmp_path, form, rows, wanted):
    """A header over two rows is read as one (序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限), which no paragraph reads:
    the table's caption (附件：重点任务分工表) was then not found above it, and in Word and on a web page its targets stood
    under the plan's last heading, where a header of one row puts them under none (GUIDE §2: an attachment's)."""
    lines = ["某县民生实事工作方案（2024—2026年）", "一、主要任务", "到2026年，农村自来水普及率达到95%。", "附件：重点任务分工表"]
    plan = _plan_with_merged_table(tmp_path, form, lines, rows, header_rows=2)
    table = [t for t in extract(plan).targets if t.value != 95]
    assert [(t.value, t.unit, t.deadline, t.section, t.headings) for t in table] == [(*target, None, []) for target in wanted]


# 主要指标表s whose second header row dates the columns above it: 基期值 | 目标值 over 2020年 | 2025年
DATED_HEADER_INDICATOR_TABLES = {
    "transport": ([[("序号", 2, 1), ("指标名称", 2, 1), ("单位", 2, 1), "基期值", "目标值", ("属性", 2, 1)],
                   [None, None, None, "2020年", "2025年", None],
                   ["1", "高速公路通车里程", "公里", "520", "680", "预期性"],
                   ["2", "城市公共交通出行分担率", "%", "38", "≥45", "预期性"]],
                  [("高速公路通车里程", 520, "=", 2020, "baseline"), ("高速公路通车里程", 680, "=", 2025, "count"),
                   ("城市公共交通出行分担率", 38, "=", 2020, "baseline"), ("城市公共交通出行分担率", 45, ">=", 2025, "percentage")]),
    "ecology": ([[("指标", 2, 1), ("单位", 2, 1), "现状值", "目标值", ("属性", 2, 1)],
                 [None, None, "2020年", "2025年", None],
                 ["森林覆盖率", "%", "38.5", "40", "约束性"]],
                [("森林覆盖率", 38.5, "=", 2020, "baseline"), ("森林覆盖率", 40, "=", 2025, "percentage")]),
    # 指标值 spanning the years under it: a column of values, though it opens with 指标 (the indicators' column)
    "environment-spanning-values": ([[("类别", 2, 1), ("指标", 2, 1), ("单位", 2, 1), ("指标值", 1, 2), None, ("属性", 2, 1)],
                                     [None, None, None, "2020年", "2025年", None],
                                     [("环境质量", 2, 1), "空气质量优良天数比率", "%", "92.1", "≥93", "约束性"],
                                     [None, "地表水达到或好于Ⅲ类水体比例", "%", "80", "85", "约束性"]],
                                    [("空气质量优良天数比率", 92.1, "=", 2020, "baseline"), ("空气质量优良天数比率", 93, ">=", 2025, "percentage"),
                                     ("地表水达到或好于Ⅲ类水体比例", 80, "=", 2020, "baseline"),
                                     ("地表水达到或好于Ⅲ类水体比例", 85, "=", 2025, "percentage")]),
}


@pytest.mark.parametrize("form", ["txt", "html", "docx"])
@pytest.mark.parametrize("rows,wanted", DATED_HEADER_INDICATOR_TABLES.values(), ids=DATED_HEADER_INDICATOR_TABLES.keys())
def test_an_indicator_table_s_second_header_row_of_years_dates_its_columns(tmp_path, form, rows, wanted):
    """基期值 | 目标值 over a second header row 2020年 | 2025年: the years date the columns (目标值（2025年）), so the
    targets are due 2025 and the base values are baselines of 2020; the year row was read as a row of the table and
    the targets were due by no year."""
    plan = _plan_with_merged_table(tmp_path, form, ["某市“十四五”发展规划（2021—2025年）", "一、主要指标"], rows, header_rows=2)
    assert [(t.indicator, t.value, t.comparator, t.deadline, t.kind) for t in extract(plan).targets] == wanted


# 主要指标表s whose target column names no year (目标值, 预期值): due by the caption's year, else the plan's last
UNDATED_TARGET_COLUMN_TABLES = {
    "health": (["某市卫生健康事业发展规划（2021—2025年）", "一、主要指标"],
               [["序号", "指标", "单位", "基期值", "目标值", "属性"],
                ["1", "每千人口执业（助理）医师数", "人", "2.9", "3.4", "预期性"],
                ["2", "孕产妇死亡率", "/10万", "10", "≤9", "约束性"]],
               [("每千人口执业（助理）医师数", 2.9, None, "baseline"), ("每千人口执业（助理）医师数", 3.4, 2025, "count"),
                ("孕产妇死亡率", 10, None, "baseline"), ("孕产妇死亡率", 9, 2025, "percentage")]),
    "culture-caption-year": (["某县公共文化服务体系建设实施方案（2023—2027年）", "一、主要指标", "表1 到2026年主要指标"],
                             [["指标名称", "现状值", "预期值"],
                              ["行政村综合性文化服务中心覆盖率（%）", "92", "100"],
                              ["年人均到馆次数（次）", "0.6", "1"]],
                             [("行政村综合性文化服务中心覆盖率", 92, None, "baseline"), ("行政村综合性文化服务中心覆盖率", 100, 2026, "percentage"),
                              ("年人均到馆次数", 0.6, None, "baseline"), ("年人均到馆次数", 1, 2026, "count")]),
}


@pytest.mark.parametrize("form", ["txt", "html", "docx"])
@pytest.mark.parametrize("lines,rows,wanted", UNDATED_TARGET_COLUMN_TABLES.values(), ids=UNDATED_TARGET_COLUMN_TABLES.keys())
def test_an_indicator_table_s_target_column_of_no_year_is_due_by_the_caption_s_year_or_the_plan_s_end(tmp_path, form, lines,
                                                                                                       rows, wanted):
    """A target column headed 目标值 or 预期值 with no year sets what the plan reaches by its end (or the year its caption
    names, 到2026年主要指标), as a 分县任务表's cells are due; its cells were due by no year. The base column's cells stay
    baselines of no year."""
    plan = _plan_with_merged_table(tmp_path, form, lines, rows)
    assert [(t.indicator, t.value, t.deadline, t.kind) for t in extract(plan).targets] == wanted


@pytest.mark.parametrize("plan, wanted", [
    # 污水治理
    ("某县农村生活污水治理三年行动方案\n一、重点任务\n序号\t重点任务\t责任单位\t完成时限\n\t2024年\t\t\n"
     "1\t新建农村生活污水处理站点20座\t县住建局\t2024年底前\n\t2025年\t\t\n2\t改造农村污水管网120公里\t县住建局\t2025年底前\n",
     [("新建农村生活污水处理站点20座", ["县住建局"]), ("改造农村污水管网120公里", ["县住建局"])]),
    # 教育
    ("某市学前教育提升行动方案（2024—2025年）\n一、重点任务\n序号\t主要任务\t牵头单位\t完成时限\n\t2024年\t\t\n"
     "1\t新建公办幼儿园8所\t市教育局\t2024年12月底前\n\t2025年\t\t\n2\t新增公办学位3000个\t市教育局\t2025年12月底前\n",
     [("新建公办幼儿园8所", ["市教育局"]), ("新增公办学位3000个", ["市教育局"])]),
], ids=["sewage", "education"])
def test_a_year_row_opening_a_task_table_s_group_is_no_second_header_row(tmp_path, plan, wanted):
    """The second reader's finding 7 on e1721ad4: a year row under 序号 | 重点任务 | 责任单位 | 完成时限 opens the
    year's group of tasks; it dates no column (only a column of values, 目标值 or 基期值, is dated), so it was taken for
    a second header row (重点任务（2024年）) and the next year's row, filled down, became a task of 县住建局. A year row
    is no task either: it gives no responsibility (it gave one of no unit)."""
    path = tmp_path / "plan.txt"
    path.write_text(plan, encoding="utf-8")
    assert [(r.heading, r.lead + r.support) for r in extract(path).responsibilities] == wanted


# 分工表s whose tasks fall in groups by year, each group under a row written across the table (2024年 in 序号)
YEAR_GROUPED_TASK_TABLES = {
    # 农村人居环境: each row's own 完成时限 beside the year rows
    "sanitation": (["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
                   [[("2024年", 1, 5), None, None, None, None],
                    ["1", "新建农村公厕30座", "县农业农村局", "各乡镇", "2024年底前"],
                    ["2", "清理村庄垃圾死角200处", "县住建局", "各乡镇", "2024年底前"],
                    [("2025年", 1, 5), None, None, None, None],
                    ["3", "改造农村户厕1500户", "县农业农村局", "县卫健局", "2025年底前"]],
                   [(30, "座", 2024), (200, "处", 2024), (1500, "户", 2025)],
                   [("新建农村公厕30座", ["县农业农村局"]), ("清理村庄垃圾死角200处", ["县住建局"]),
                    ("改造农村户厕1500户", ["县农业农村局"])]),
    # 养老服务: no 时限 column, the year row dates its tasks
    "elderly-care": (["序号", "重点任务", "牵头单位", "配合单位"],
                     [[("2024年", 1, 4), None, None, None],
                      ["1", "新建街道综合养老服务中心5个", "市民政局", "各区政府"],
                      ["2", "培训养老护理员800人次", "市人社局", "市民政局"],
                      [("2025年", 1, 4), None, None, None],
                      ["3", "新增家庭养老床位1000张", "市民政局", "市财政局"]],
                     [(5, "个", 2024), (800, "人次", 2024), (1000, "张", 2025)],
                     [("新建街道综合养老服务中心5个", ["市民政局"]), ("培训养老护理员800人次", ["市人社局"]),
                      ("新增家庭养老床位1000张", ["市民政局"])]),
}


def _year_grouped_plan(tmp_path, form: str, header, rows):
    """A three-year plan with the table as a text copy ("txt": a year row's empty cells kept as tabs, "txt-lines": the
    year row a line without tabs, as a copy of a merged cell may be), a web page or a Word file writes it."""
    lines = ["某县民生实事三年行动计划（2024—2026年）", "一、年度任务"]
    if form == "txt-lines":
        text_rows = ["\t".join(header)] + [_spans(row[0])[0] if row[1] is None else "\t".join(row) for row in rows]
        return write_plan(tmp_path, "\n".join(lines + text_rows) + "\n")
    return _plan_with_merged_table(tmp_path, form, lines, [header] + rows)


@pytest.mark.parametrize("form", ["txt", "txt-lines", "html", "docx"])
@pytest.mark.parametrize("header,rows,targets,units", YEAR_GROUPED_TASK_TABLES.values(), ids=YEAR_GROUPED_TASK_TABLES.keys())
def test_a_task_table_s_year_rows_date_the_tasks_below_them(tmp_path, form, header, rows, targets, units):
    """A row written across a 分工表 saying a year alone (2024年 under 序号) is the year of the tasks below it, due then
    unless their 时限 cell says otherwise. In a text copy its empty cells (trailing tabs) or its tabs lost made it no
    row: the table was cut there and its header, read alone, dropped, so the tasks gave neither targets nor units; a
    year row under a task was filled down with that task and gave its units twice."""
    document = extract(_year_grouped_plan(tmp_path, form, header, rows))
    assert [(t.value, t.unit, t.deadline) for t in document.targets] == targets
    assert [(r.heading, r.lead) for r in document.responsibilities] == units


@pytest.mark.parametrize("lines, wanted", [
    # 交通: a 主要指标表 lined up in width (a Chinese character two wide), as a copy on screen shows it
    (["序号  指标名称                    单位      2020年    2025年    属性",
      "1     高速公路通车里程            公里      520       680       预期性",
      "2     新能源公交车占比            %         60        ≥90       约束性"],
     [("高速公路通车里程", 520, "公里", "=", 2020, "baseline"), ("高速公路通车里程", 680, "公里", "=", 2025, "count"),
      ("新能源公交车占比", 60, "%", "=", 2020, "baseline"), ("新能源公交车占比", 90, "%", ">=", 2025, "percentage")]),
    # 医保: lined up in characters (each one column), a cell left empty only a wider gap, given no value from above
    (["指标                单位   2020年   2025年   属性",
      "城乡居民基本医疗保险参保率     %    95      ≥95     约束性",
      "每千人口医疗机构床位数       张    5.8             预期性"],
     [("城乡居民基本医疗保险参保率", 95, "%", "=", 2020, "baseline"), ("城乡居民基本医疗保险参保率", 95, "%", ">=", 2025, "percentage"),
      ("每千人口医疗机构床位数", 5.8, "张", "=", 2020, "baseline")]),
], ids=["transport-in-width", "medical-insurance-in-characters"])
def test_an_indicator_table_lined_up_with_spaces_is_read_as_a_table(tmp_path, lines, wanted):
    """A table whose columns are lined up with spaces (a PDF's table copied as text) was prose: its lines were joined
    into one paragraph, which gave one target of 90 read across 约束性 (约, "about"), or none."""
    plan = write_plan(tmp_path, "\n".join(["某市“十四五”发展规划（2021—2025年）", "一、主要指标", *lines, "二、主要任务",
                                           "（一）完善基础设施网络。"]) + "\n")
    assert [(t.indicator, t.value, t.unit, t.comparator, t.deadline, t.kind) for t in extract(plan).targets] == wanted


def test_a_task_table_lined_up_with_spaces_gives_its_tasks_and_units(tmp_path):
    """农村人居环境: a 分工表 lined up with spaces, a task's cell wrapped onto a line of its own (joined to the task), a
    配合单位 left empty in a row that writes its own lead (a wider gap: the cell of the column its place says; no merged
    cell, so no support: 6c898df9's convention)."""
    plan = write_plan(tmp_path, "\n".join([
        "某县农村人居环境整治提升行动方案（2024—2026年）", "一、重点任务",
        "序号   重点任务                         牵头单位        配合单位      完成时限",
        "1      新建农村公厕30座，配套建设       县农业农村局    各乡镇        2024年底前",
        "       污水处理设施12套",
        "2      建设垃圾中转站5座                县住建局                      2026年底前", "二、保障措施", "（一）加强组织领导。"]) + "\n")
    document = extract(plan)
    assert [(t.quote, t.value, t.deadline) for t in document.targets] == [
        ("新建农村公厕30座", 30, 2024), ("配套建设污水处理设施12套", 12, 2024), ("建设垃圾中转站5座", 5, 2026)]
    assert [(r.heading, r.lead, r.support) for r in document.responsibilities] == [
        ("新建农村公厕30座，配套建设污水处理设施12套", ["县农业农村局"], ["各乡镇"]), ("建设垃圾中转站5座", ["县住建局"], [])]


@pytest.mark.parametrize("text", [
    "某县政府\n关于印发实施方案的通知\n各乡镇人民政府：\n现将方案印发给你们。\n\n某县人民政府办公室        某县教育局        某县财政局\n某县卫生健康局      某县民政局        某县住建局\n",
    "实  施  方  案\n一、工作目标\n到2025年，新建公办幼儿园5所。\n",
], ids=["joint-signature", "spaced-title"])
def test_lines_parted_by_spaces_that_name_no_columns_stay_prose(tmp_path, text):
    """Issuers signed side by side and a title spaced out are no table: their first line names no columns."""
    assert extract(write_plan(tmp_path, text)).tables == []


@pytest.mark.parametrize("rows, wanted", [
    # 全民健身: 重点任务 | 完成时限, no unit named
    (["序号\t重点任务\t完成时限", "1\t新建社区健身步道15公里\t2024年底前", "2\t每年举办全民健身赛事活动20场以上\t2026年底前"],
     [(15, "公里", 2024, None), (20, "场", 2026, "annual")]),
    # 水利: a 专栏 of projects, what each builds in 建设内容及规模, due by the last year of its 建设年限
    (["序号\t项目名称\t建设内容及规模\t总投资（亿元）\t建设年限",
      "1\t市区第二水源工程\t新建取水泵站1座，铺设输水管线42公里\t12.5\t2021—2024年",
      "2\t农村供水保障工程\t新建改造农村供水管网860公里\t6.8\t2022—2025年"],
     [(1, "座", 2024, None), (42, "公里", 2024, None), (860, "公里", 2025, None)]),
], ids=["fitness", "water-projects"])
def test_a_list_of_tasks_or_projects_naming_no_unit_gives_its_targets(tmp_path, rows, wanted):
    """A table of tasks or projects with no 牵头单位 or 责任单位 column is a task table all the same (GUIDE §2: its numbers
    count like the body's, due by the row's time limit); it gave no target."""
    plan = write_plan(tmp_path, "\n".join(["某市民生实事实施方案（2021—2026年）", "二、主要任务", *rows]) + "\n")
    assert [(t.value, t.unit, t.deadline, t.frequency) for t in extract(plan).targets] == wanted


def test_a_target_reports_the_source_line_it_sits_on():
    document = extract(SAMPLES / "jieyang-2022.txt")
    assert {target.quote: target.line for target in document.targets}["建成2座以上县（市、区）级科技馆"] == 51


def test_a_numbered_sentence_gives_its_targets_and_a_heading_title_does_not(tmp_path):
    plan = write_plan(tmp_path, "一、主要目标\n1.到2025年，全市公共充电桩达到5万个，其中快充桩占比不低于30%；\n"
                      "2.到2025年，全市人均体育场地面积达到2.8平方米。\n二、重点任务\n（一）实施3项提升行动，完善机制。内容。\n"
                      "（二）培育示范工厂20家。\n（三）推行绿色生产，促进废弃物全量利用。内容。\n")
    targets = extract(plan).targets
    assert [(t.quote, t.value, t.unit, t.deadline, t.headings) for t in targets] == [
        ("全市公共充电桩达到5万个", 50000, "个", 2025, ["主要目标", "到2025年，全市公共充电桩达到5万个，其中快充桩占比不低于30%；"]),
        ("其中快充桩占比不低于30%", 30, "%", 2025, ["主要目标", "到2025年，全市公共充电桩达到5万个，其中快充桩占比不低于30%；"]),
        ("全市人均体育场地面积达到2.8平方米", 2.8, "平方米", 2025, ["主要目标", "到2025年，全市人均体育场地面积达到2.8平方米"]),
        ("培育示范工厂20家", 20, "家", None, ["重点任务", "培育示范工厂20家"]),
    ]


def test_a_bracketed_five_year_total_in_an_indicator_table_is_a_target(tmp_path):
    plan = write_plan(tmp_path, "某市生态环境保护规划（2021—2025年）\n一、主要目标\n"
                      "序号\t指标\t单位\t2020年\t2025年\t指标属性\n"
                      "1\t单位地区生产总值二氧化碳排放降低\t%\t—\t[18]\t约束性\n"
                      "2\t森林覆盖率\t%\t45.2\t46\t约束性\n")
    targets = extract(plan).targets
    assert [(t.indicator, t.value, t.unit, t.comparator, t.deadline, t.kind) for t in targets] == [
        ("单位地区生产总值二氧化碳排放降低", 18, "%", "=", 2025, "percentage"), ("森林覆盖率", 45.2, "%", "=", 2020, "baseline"),
        ("森林覆盖率", 46, "%", "=", 2025, "percentage")]


@pytest.mark.parametrize("lines", [
    # farmland: a yearly task table with no row numbers, its caption's last word the header's first (…年度任务指标)
    ["某县高标准农田建设三年行动方案（2024—2026年）", "一、年度任务", "表1  某县高标准农田建设年度任务",
     "指标\t单位\t2023年（基期）\t2024年\t2025年\t2026年", "新建高标准农田\t万亩\t2.8\t3\t3.2\t3.5",
     "改造提升高标准农田\t万亩\t1.1\t1.5\t2\t2", "二、保障措施", "加强组织领导。"],
    # water: the same with percentages, and a caption ending in the table's first header cell (…主要指标序号)
    ["某县农村生活污水治理行动方案（2024—2026年）", "一、主要目标", "表1  某县农村生活污水治理主要指标",
     "序号\t指标名称\t2024年\t2025年\t2026年", "1\t农村生活污水治理率（%）\t45\t50\t≥55",
     "2\t新建污水管网（公里）\t30\t35\t40", "二、保障措施", "加强组织领导。"],
    # transport: each row closed by its property (预期性, 约束性), a category named once for the rows under it
    ["某县“十四五”交通运输发展规划", "第一章 发展目标", "表1 “十四五”交通运输发展主要指标", "类别\t指标名称\t2020年\t2025年\t属性",
     "基础设施\t公路总里程（公里）\t2860\t3100\t预期性", "\t高速公路里程（公里）\t86\t≥120\t预期性",
     "\t建制村通双车道公路比例（%）\t62\t>85\t约束性", "运输服务\t城乡公交一体化率（%）\t—\t100\t预期性",
     "\t农村客运班线通达率（%）\t95\t100\t约束性", "安全绿色\t道路运输安全事故死亡人数下降率（%）\t—\t15\t约束性",
     "第二章 主要任务", "加强组织领导。"],
    # education: the same under the property header 指标属性, categories over two and three rows
    ["某县教育事业发展“十四五”规划", "一、主要目标", "表1  某县教育事业发展主要指标", "类别\t指标名称\t2020年\t2025年\t指标属性",
     "普及水平\t学前教育毛入园率（%）\t88\t≥92\t预期性", "\t九年义务教育巩固率（%）\t96\t≥97\t约束性",
     "\t高中阶段教育毛入学率（%）\t91\t≥93\t预期性", "教师队伍\t专任教师本科以上学历比例（%）\t75\t85\t预期性",
     "\t乡村教师培训覆盖率（%）\t90\t100\t约束性", "办学条件\t普惠性幼儿园覆盖率（%）\t85\t90\t约束性",
     "二、主要任务", "加强组织领导。"],
], ids=["farmland", "water", "transport", "education"])
def test_an_indicator_table_with_its_line_breaks_lost_gives_the_targets_of_its_lined_copy(tmp_path, lines):
    """A flattened table keeps its tabs, not its rows: a row with no number of its own is found by its last cell, a
    value, glued to the next row's first, a name (…3.2改造提升高标准农田); a caption with no end mark runs into the
    header's first cell (…主要指标序号), which is then no indicator column; a row of an indicator table whose last
    column is each row's property (约束性, 预期性) ends at it, its first cell perhaps left blank under a category."""
    lined, flat = write_lined_and_flat(tmp_path, lines)
    def cells(plan):
        return [(t.indicator, t.value, t.unit, t.comparator, t.deadline, t.kind) for t in extract(plan).targets if t.rule == "indicator-table"]
    assert len([cell for cell in cells(lined) if cell[-1] != "baseline"]) == 6 and cells(flat) == cells(lined)


@pytest.mark.parametrize(("lines", "heading"), [
    # transport: an indicator table under 第二章, the chapters after it opening 第一节 items
    (["某县“十四五”综合交通运输发展规划", "第一章 发展基础", "第一节 发展现状", "交通网络不断完善。", "第二章 发展目标",
     "到2025年，基本建成现代综合交通运输体系。", "表1 主要指标", "指标名称\t2020年\t2025年", "公路总里程（公里）\t2860\t3100",
     "建制村通客车率（%）\t95\t100", "第三章 主要任务", "第一节 完善路网", "加快国省道改造。"], "发展目标"),
    # education: the same under 二、 with （一） items after it
    (["某县教育事业发展“十四五”规划", "一、发展基础", "教育事业稳步发展。", "二、主要目标", "表1 主要指标",
     "指标\t2020年\t2025年", "学前教育毛入园率（%）\t88\t92", "新增义务教育学位（个）\t—\t3000", "三、主要任务",
     "（一）扩大学前教育资源", "新建幼儿园。"], "主要目标"),
], ids=["transport", "education"])
def test_an_indicator_table_s_targets_sit_under_the_heading_above_it_lined_and_flat(tmp_path, lines, heading):
    """With the line breaks lost every paragraph is on line 1: the table's targets stand under the heading its rows
    follow (第二章, 二、), as in the lined copy, not under the document's last heading."""
    lined, flat = write_lined_and_flat(tmp_path, lines)
    def sections(plan):
        return [(t.indicator, t.value, t.headings) for t in extract(plan).targets if t.rule == "indicator-table" and t.kind != "baseline"]
    assert [headings for _, _, headings in sections(lined)] == [[heading]] * 2 and sections(flat) == sections(lined)


def test_an_indicator_table_with_yearly_columns_gives_one_target_per_cell(tmp_path):
    plan = write_plan(tmp_path, "某市节水型社会建设行动方案（2021—2025年）\n一、主要目标\n"
                      "序号\t指标\t单位\t2020年（基期）\t2021年\t2022年\t2023年\t2025年\n"
                      "1\t万元GDP用水量\t立方米\t25\t≤24\t≤23\t≤22\t≤20\n"
                      "2\t城市公共交通分担率\t%\t40\t≥42\t≥44\t—\t≥50\n")
    targets = [target for target in extract(plan).targets if target.kind != "baseline"]  # the 2020年（基期） column's
    assert [(t.indicator, t.value, t.unit, t.comparator, t.deadline) for t in targets] == [
        ("万元GDP用水量", 24, "立方米", "<=", 2021), ("万元GDP用水量", 23, "立方米", "<=", 2022),
        ("万元GDP用水量", 22, "立方米", "<=", 2023), ("万元GDP用水量", 20, "立方米", "<=", 2025),
        ("城市公共交通分担率", 42, "%", ">=", 2021), ("城市公共交通分担率", 44, "%", ">=", 2022),
        ("城市公共交通分担率", 50, "%", ">=", 2025)]
    assert len({t.id for t in targets}) == len(targets)


@pytest.mark.parametrize("header, rows, wanted", [
    # 林业: cells holding their units (1万亩, 43.8%) beside the column of who leads each row
    ("序号\t任务指标\t2024年\t2025年\t牵头单位", ["1\t人工造林\t1万亩\t1.2万亩\t市林业局", "2\t森林覆盖率\t43.8%\t44.1%\t市林业局"],
     [(10000, "亩", 2024), (12000, "亩", 2025), (43.8, "%", 2024), (44.1, "%", 2025)]),
    # 商务: the same with its units' column headed 责任单位 and a count in 家
    ("序号\t指标名称\t2024年\t2025年\t责任单位", ["1\t社会消费品零售总额增速\t7%\t7.5%\t市商务局", "2\t新增限额以上商贸企业\t60家\t80家\t市商务局"],
     [(7, "%", 2024), (7.5, "%", 2025), (60, "家", 2024), (80, "家", 2025)]),
    # 水利: a coefficient has no unit, its 单位 cell a dash
    ("序号\t指标\t单位\t2024年\t2025年\t属性", ["1\t农田灌溉水有效利用系数\t—\t0.57\t0.58\t预期性", "2\t用水总量\t亿立方米\t≤2.2\t≤2.3\t约束性"],
     [(0.57, None, 2024), (0.58, None, 2025), (220000000, "立方米", 2024), (230000000, "立方米", 2025)]),
    # 生态环境: an index, its 单位 cell a slash
    ("序号\t指标名称\t单位\t2024年\t2025年\t牵头单位", ["1\t环境空气质量综合指数\t/\t3.9\t3.8\t市生态环境局", "2\t空气质量优良天数比率\t%\t88\t90\t市生态环境局"],
     [(3.9, None, 2024), (3.8, None, 2025), (88, "%", 2024), (90, "%", 2025)]),
], ids=["forestry", "commerce", "water", "environment"])
def test_a_yearly_cell_s_own_unit_decides_and_a_column_of_who_leads_is_no_unit(tmp_path, header, rows, wanted):
    """牵头单位 and 责任单位 name who leads a row, not its unit of measure: a cell of a percentage (43.8%) is in %; a
    dash in the 单位 column (a coefficient, an index) says the value has none."""
    plan = write_plan(tmp_path, "某市年度任务方案（2024—2025年）\n一、年度任务\n" + header + "\n" + "\n".join(rows) + "\n二、保障措施\n加强领导。\n")
    assert [(t.value, t.unit, t.deadline) for t in extract(plan).targets if t.rule == "indicator-table"] == wanted


@pytest.mark.parametrize("header, rows, wanted", [
    # 城市更新: a 年度任务分解表 whose rows are tasks, their unit in a 单位 column, beside who leads each
    ("序号\t任务\t单位\t2024年\t2025年\t牵头单位", ["1\t改造城镇老旧小区\t个\t50\t70\t市住房城乡建设局", "2\t建设口袋公园\t处\t10处\t12处\t市城市管理局"],
     [("改造城镇老旧小区", 50, "个", 2024), ("改造城镇老旧小区", 70, "个", 2025), ("建设口袋公园", 10, "处", 2024), ("建设口袋公园", 12, "处", 2025)]),
    # 卫生: the same headed 重点任务 and 责任单位, the unit in each cell
    ("重点任务\t2024年\t2025年\t责任单位", ["新建社区卫生服务中心\t3个\t4个\t市卫生健康委", "培训家庭医生\t200名\t300名\t市卫生健康委"],
     [("新建社区卫生服务中心", 3, "个", 2024), ("新建社区卫生服务中心", 4, "个", 2025), ("培训家庭医生", 200, "名", 2024), ("培训家庭医生", 300, "名", 2025)]),
], ids=["urban-renewal", "health"])
def test_a_task_table_with_yearly_columns_gives_each_cell_named_by_its_task(tmp_path, header, rows, wanted):
    """A 分工表 whose columns are the plan's years is a yearly split of its tasks: each cell is its row's target for its
    column's year, named by the task, as an indicator table's cells are by the indicator."""
    plan = write_plan(tmp_path, "某市年度任务方案（2024—2025年）\n一、年度任务\n" + header + "\n" + "\n".join(rows) + "\n二、保障措施\n加强领导。\n")
    assert [(t.indicator, t.value, t.unit, t.deadline) for t in extract(plan).targets if t.rule == "indicator-table"] == wanted


def test_a_task_table_with_a_goal_column_and_no_years_keeps_its_tasks_numbers_due_their_time_limit(tmp_path):
    """A 工作目标 column is no year's: the table stays a 分工表, the numbers of its task cells due their 完成时限 (housing)."""
    plan = write_plan(tmp_path, "某市城市更新实施方案（2024—2025年）\n一、重点任务\n加快改造。\n附件：重点任务分工表\n"
                      "重点任务\t工作目标\t牵头单位\t完成时限\n改造老旧小区50个\t提升居住品质\t市住房城乡建设局\t2024年底\n")
    assert [(t.value, t.unit, t.deadline) for t in extract(plan).targets] == [(50, "个", 2024)]


@pytest.mark.parametrize("header, row, wanted", [
    # 民生实事: a project list whose numbers stand in the column of what each project builds, due its time limit
    ("序号\t项目名称\t建设内容及目标\t牵头单位\t完成时限", "1\t新建改扩建中小学\t新建、改扩建中小学5所，新增学位3600个\t县教育局\t2024年8月底前",
     [(5, "所", 2024), (3600, "个", 2024)]),
    # 水利: a works list, its size in a 建设规模 column
    ("项目名称\t建设规模\t牵头单位\t完成时限", "灌区续建配套与节水改造\t改造渠道35公里，恢复灌溉面积2万亩\t县水利局\t2025年底前",
     [(35, "公里", 2025), (20000, "亩", 2025)]),
], ids=["livelihood-projects", "irrigation"])
def test_a_task_table_s_column_of_what_each_task_builds_gives_its_numbers_due_the_row_s_time_limit(tmp_path, header, row, wanted):
    """项目名称 names the row; the numbers of 建设内容及目标 (or 建设规模) beside it count as a task cell's do (GUIDE §2)."""
    plan = write_plan(tmp_path, "某县2024年民生实事工作方案\n一、项目安排\n具体项目见附件。\n附件：项目清单\n" + header + "\n" + row + "\n")
    assert [(t.value, t.unit, t.deadline) for t in extract(plan).targets] == wanted


@pytest.mark.parametrize("table, wanted", [
    # 商务: a yearly growth in % beside the 2025 column; a bracketed cell is a five-year total, no yearly rate
    ("某市“十四五”商务发展规划（2021—2025年）\n一、发展目标\n序号\t指标名称\t单位\t2020年\t2025年\t年均增长（%）\t属性\n"
     "1\t社会消费品零售总额\t亿元\t1200\t1600\t6\t预期性\n2\t网络零售额\t亿元\t300\t500\t[10.8]\t预期性\n"
     "3\t限额以上商贸企业\t家\t300\t450\t—\t预期性\n",
     [("社会消费品零售总额", 6, "%", 2025, "annual", "increase"), ("网络零售额", 10.8, "%", 2025, None, "increase")]),
    # 交通: a yearly rate of its own unit in the header's brackets; 增速 is a rate, no word of a rise (as in the text)
    ("某县综合交通运输发展规划（2021—2025年）\n一、主要指标\n指标\t单位\t2025年目标\t年均增速（%）\n"
     "公路货运量\t万吨\t3200\t5.5\n",
     [("公路货运量", 5.5, "%", 2025, "annual", None)]),
    # 生态环境: a yearly fall, as 年均下降2% in the text
    ("某市“十四五”生态环境保护规划（2021—2025年）\n一、主要指标\n| 指标 | 2020年 | 2025年 | 年均下降（%） |\n| --- | --- | --- | --- |\n"
     "| 化学需氧量排放量（万吨） | 3.2 | 3.0 | 1.3 |\n",
     [("化学需氧量排放量", 1.3, "%", 2025, "annual", "decrease")]),
], ids=["commerce", "transport", "environment-md"])
def test_an_indicator_table_s_column_of_yearly_growth_gives_yearly_rates_due_by_its_last_year(tmp_path, table, wanted):
    """The lead's finding 10: a 年均增长（%） column beside the year columns was unread; each cell is the row's
    indicator growing by so much a year (frequency annual, as 年均增长6% in the text), due by the table's last year,
    in the header's unit, not the row's 亿元, and a rise or fall as its header says (change: the text's 年均增长6% is an
    increase); [10.8] marks a five-year total; — gives nothing."""
    targets = extract(write_plan(tmp_path, table)).targets
    assert [(t.indicator, t.value, t.unit, t.deadline, t.frequency, t.change) for t in targets if t.unit == "%"] == wanted


@pytest.mark.parametrize("table, wanted", [
    # 节能减排: the five-year falls stand in the 累计 column alone, bracketed; the year columns hold a dash
    ("某市“十四五”节能减排综合工作方案（2021—2025年）\n一、主要目标\n序号\t指标\t单位\t2020年\t2025年\t“十四五”累计\t属性\n"
     "1\t单位地区生产总值能源消耗降低\t%\t—\t—\t【14】\t约束性\n"
     "2\t单位地区生产总值二氧化碳排放降低\t%\t—\t—\t[18]\t约束性\n",
     [("单位地区生产总值能源消耗降低", 14, "%", 2025, None, "decrease"), ("单位地区生产总值二氧化碳排放降低", 18, "%", 2025, None, "decrease")]),
    # 就业, 农业: counts over the five years in the row's unit; what is added (新增) is counted, no level rises
    ("某县“十四五”经济社会发展规划（2021—2025年）\n一、主要指标\n| 指标 | 单位 | 2020年 | 2025年 | 累计 | 属性 |\n|---|---|---|---|---|---|\n"
     "| 城镇新增就业人数 | 万人 | 1.1 | 1.2 | 〔6〕 | 预期性 |\n| 新建高标准农田 | 万亩 | — | — | 15 | 约束性 |\n",
     [("城镇新增就业人数", 11000, "人", 2020, None, None), ("城镇新增就业人数", 12000, "人", 2025, None, None),
      ("城镇新增就业人数", 60000, "人", 2025, None, None), ("新建高标准农田", 150000, "亩", 2025, None, None)]),
], ids=["energy-saving", "employment-and-farmland-md"])
def test_an_indicator_table_s_column_of_the_plan_s_total_gives_a_target_due_by_its_last_year(tmp_path, table, wanted):
    """A 累计 column ("十四五"累计) was unread, and in a 规划's 主要指标表 it holds the five-year changes (能耗降低【14】)
    that the year columns leave to a dash: each cell is a target due by the table's last year, repeated by no year, in
    the row's unit, and a fall where the row's indicator closes with one (as the text's 能耗降低14%)."""
    targets = extract(write_plan(tmp_path, table)).targets
    assert [(t.indicator, t.value, t.unit, t.deadline, t.frequency, t.change) for t in targets] == wanted


@pytest.mark.parametrize("table, wanted", [
    # 就业, 节能: the last plan's totals ("十三五"累计) beside the plan's own ("十四五"累计)
    ("某县“十四五”就业促进规划（2021—2025年）\n一、主要指标\n| 序号 | 指标 | 单位 | 2020年 | 2025年 | “十三五”累计 | “十四五”累计 | 属性 |\n"
     "|---|---|---|---|---|---|---|---|\n| 1 | 城镇新增就业人数 | 万人 | — | — | 〔5.2〕 | 〔6〕 | 预期性 |\n"
     "| 2 | 单位地区生产总值能源消耗降低 | % | — | — | 〔16〕 | 〔14〕 | 约束性 |\n",
     [("城镇新增就业人数", 52000, 2020, "baseline"), ("城镇新增就业人数", 60000, 2025, "count"),
      ("单位地区生产总值能源消耗降低", 16, 2020, "baseline"), ("单位地区生产总值能源消耗降低", 14, 2025, "percentage")]),
    # 卫生: "十三五"累计 alone, before the target year's column
    ("某县“十四五”卫生健康发展规划\n一、主要指标\n序号\t指标\t单位\t2020年\t“十三五”累计\t2025年\t属性\n"
     "1\t新建改建村卫生室\t个\t180\t45\t220\t预期性\n2\t培训乡村医生\t人次\t—\t3200\t—\t预期性\n",
     [("新建改建村卫生室", 180, 2020, "baseline"), ("新建改建村卫生室", 45, 2020, "baseline"),
      ("新建改建村卫生室", 220, 2025, "count"), ("培训乡村医生", 3200, 2020, "baseline")]),
    # 交通, 水利: what is done so far (截至2023年累计完成, 2021—2023年累计完成) is where the plan stands, not its end
    ("某县交通运输发展规划（2021—2025年）\n一、主要指标\n指标\t单位\t2025年\t截至2023年累计完成\n"
     "新改建农村公路\t公里\t800\t520\n",
     [("新改建农村公路", 800, 2025, "count"), ("新改建农村公路", 520, 2023, "baseline")]),
    ("某县水利发展规划（2021—2025年）\n一、主要指标\n指标\t单位\t2025年\t2021—2023年累计完成\n"
     "新增恢复灌溉面积\t万亩\t3\t1.8\n",
     [("新增恢复灌溉面积", 30000, 2025, "count"), ("新增恢复灌溉面积", 18000, 2023, "baseline")]),
], ids=["employment-and-energy-md", "health", "transport", "water"])
def test_an_indicator_table_s_total_of_an_earlier_period_or_so_far_gives_baselines(tmp_path, table, wanted):
    """The second reader's finding 2 on 8331d475: a total column naming a period that ends before the plan's
    ("十三五"累计, 截至2023年累计完成 in a 2021–2025 plan) was read as targets due 2025; it is what was done (GUIDE §2:
    the last period's totals are history), a baseline dated by its period's last year, as a 2020年 column is."""
    targets = extract(write_plan(tmp_path, table)).targets
    assert [(t.indicator, t.value, t.deadline, t.kind) for t in targets] == wanted


@pytest.mark.parametrize("lines, wanted", [
    # 邮政: 处罚 in the run-in sentence of the item is no 罚则 section
    (["某县寄递安全工作方案", "一、主要任务", "（一）强化安全监管。",
      "1.严格落实实名收寄制度，实名收寄率保持在100%，对1个月内2次被查出违规收寄的企业，依法从严处罚。",
      "2.开展安全检查。每季度至少开展1次寄递安全联合检查。"], [(100, "%"), (1, "次")]),
    # 生态环境, 食品安全: 处罚 and 计分 in items' sentences
    (["某县环境和食品安全工作方案", "一、主要任务", "（一）强化环评管理。",
      "1.严格执行环评审批制度，建设项目环评执行率达到100%，对未批先建的依法予以处罚。", "（二）加强食品安全。",
      "1.落实食品安全主体责任，食品抽检合格率稳定在98%以上，对违法企业实行惩戒并纳入计分管理。"], [(100, "%"), (98, "%")]),
    # 环卫: 现状 in an item's sentence is no section reviewing the past
    (["某县环卫设施建设方案（2024—2026年）", "一、重点任务", "（一）补齐设施短板。",
      "1.针对农村垃圾收运现状，新建垃圾中转站5座，配备收运车辆20辆。"], [(5, "座"), (20, "辆")]),
], ids=["postal", "environment-and-food", "sanitation"])
def test_a_heading_cue_reads_a_section_s_name_not_an_item_s_sentence_run_in_as_its_title(tmp_path, lines, wanted):
    """The lead's finding 1: a run-in item with no title of its own (1.严格执行…，…达到100%，对…予以处罚。) is a heading
    whose title is its sentence; 处罚, 计分 or 现状 in it named no section's kind (罚则, 评分, 现状), yet the heading cues
    excluded, or made baselines of, every target under it, lined and flat."""
    for plan in write_lined_and_flat(tmp_path, lines):
        assert [(t.value, t.unit) for t in extract(plan).targets if t.kind != "baseline"] == wanted


@pytest.mark.parametrize("header, row, wanted", [
    # 水利: the years a works is built in, its last the deadline
    ("序号\t项目名称\t建设内容\t总投资（万元）\t建设期限\t责任单位",
     "1\t城乡供水一体化工程\t新建水厂2座，铺设供水管网120公里\t35000\t2024-2026年\t县水利局",
     [(2, "座", 2026), (120, "公里", 2026)]),
    # 交通: the years a road is built in
    ("项目名称\t建设规模\t实施年限\t牵头单位", "农村公路提质改造\t改造农村公路80公里\t2025年\t县交通运输局",
     [(80, "公里", 2025)]),
], ids=["water-works", "rural-roads"])
def test_a_project_list_s_column_of_the_years_it_is_built_in_is_its_time_limit(tmp_path, header, row, wanted):
    """建设期限, 实施年限 say when a project is done as 完成时限 does (indicators.yaml deadline_headers): its 建设内容's numbers
    are due by the last year of the cell; they were due by none."""
    plan = write_plan(tmp_path, "某县重点项目建设三年行动方案（2024—2026年）\n一、重点项目\n各项目按期建成。\n附件：重点项目清单\n"
                      + header + "\n" + row + "\n")
    assert [(t.value, t.unit, t.deadline) for t in extract(plan).targets] == wanted


@pytest.mark.parametrize("header, row, wanted", [
    # 水利: what a works builds, and the year's column saying, in words, what it does by then
    ("序号\t项目名称\t建设内容\t总投资（万元）\t2025年目标\t责任单位",
     "1\t城乡供水一体化工程\t新建水厂2座，铺设供水管网120公里\t35000\t完成管网铺设80公里\t县水利局",
     [(2, "座", None), (120, "公里", None), (80, "公里", 2025)]),
    # 教育: the projects' own 完成时限 for what they build, the year's column for its part
    ("项目名称\t建设内容\t2024年目标\t牵头单位\t完成时限",
     "公办幼儿园扩容\t新建幼儿园6所，新增学位2700个\t建成幼儿园2所\t县教育局\t2025年底前",
     [(6, "所", 2025), (2700, "个", 2025), (2, "所", 2024)]),
], ids=["water-works", "kindergartens"])
def test_a_project_list_with_a_year_s_column_reads_what_each_project_builds_and_does_by_then(tmp_path, header, row, wanted):
    """A project list (项目名称 | 建设内容 | 2025年目标 | 责任单位) is no 年度任务分解表: its year's cells say in words what
    each project does by then (no one value, so they gave nothing), and 建设内容 beside them, unread, says what it builds:
    both count as a task cell's numbers do (GUIDE §2), 建设内容 due by the row's 时限 (none in the first), the year's
    cells by their column's year."""
    plan = write_plan(tmp_path, "某县重点项目建设三年行动方案（2024—2026年）\n一、重点项目\n到2026年底，各项目全部建成。\n附件：重点项目清单\n"
                      + header + "\n" + row + "\n")
    got = [(t.value, t.unit, t.deadline) for t in extract(plan).targets if t.kind != "milestone"]
    assert sorted(got, key=str) == sorted(wanted, key=str)


@pytest.mark.parametrize("form", ["txt", "html"])
@pytest.mark.parametrize("rows,wanted", [
    # environment: two rows under one 重点任务, each with its own 具体目标 and 完成时限
    ([["序号", "重点任务", "具体目标", "牵头单位", "完成时限"], ["1", "工业固废", "完成10家重点企业清洁生产审核", "市工信局", "2026年底"],
      ["2", "工业固废", "建成1个工业固废综合利用项目", "市发改委", "2027年"]], [(10, "家", 2026), (1, "个", 2027)]),
    # education: the same task merged down over two rows
    ([["序号", "重点任务", "具体目标", "牵头单位", "完成时限"], ["1", ("学前教育", 2, 1), "新建幼儿园5所", "县教育局", "2025年"],
      ["2", None, "学前教育普惠率达到90%", "县教育局", "2026年"]], [(5, "所", 2025), (90, "%", 2026)]),
], ids=["environment", "education"])
def test_the_rows_of_a_task_grouping_them_are_each_due_their_own_time_limit(tmp_path, form, rows, wanted):
    """A 重点任务 cell shared by rows (repeated, or merged down) groups them: each row's 具体目标 is due by its own 完成时限."""
    lines = ["某市重点工作方案（2025—2027年）", "一、主要任务", "各部门抓好落实。", "附件：重点任务分工表"]
    if form == "txt":
        plan = write_plan(tmp_path, "\n".join(lines + _merged_table_as_text(rows)) + "\n")
    else:
        plan = tmp_path / "plan.html"
        plan.write_text("<html><head><meta charset='utf-8'></head><body>" + "".join(f"<p>{line}</p>" for line in lines)
                        + _merged_table_as_html(rows) + "</body></html>", encoding="utf-8")
    assert [(t.value, t.unit, t.deadline) for t in extract(plan).targets] == wanted


@pytest.mark.parametrize("lines", [
    # 住房: a task split over districts, its unit in its caption with a note (套（间）: each 套)
    ["某市保障性租赁住房实施方案（2024—2025年）", "一、目标任务", "筹集房源。", "附件：各区保障性租赁住房筹集任务分解表（单位：套（间））",
     "区域\t2024年\t2025年", "东城区\t1200\t1500", "西城区\t900\t1100"],
    # 教育: new school places by county, the unit alone on the line above the table
    ["某市学位建设行动方案（2024—2025年）", "一、目标任务", "新增公办学位。", "表1  各县（市、区）新增学位任务", "单位：个",
     "县（市、区）\t2024年\t2025年", "甲县\t1200\t1500", "乙区\t900\t1100"],
    # 托育: the same with the unit in the caption's brackets, which flat run into the header's bracketed first cell
    ["某市托育服务行动方案（2024—2025年）", "一、目标任务", "新增托位。", "表1  各县（市、区）新增普惠托位任务（单位：个）",
     "县（市、区）\t2024年\t2025年", "甲县\t1200\t1500", "乙区\t900\t1100"],
    # 养老: a province's beds by prefecture, its places' column headed by their level and its other name (市（州）)
    ["某省养老服务体系建设规划（2024—2025年）", "一、目标任务", "新增护理型床位。", "附件：各市（州）护理型床位建设任务表（单位：张）",
     "市（州）\t2024年\t2025年", "甲市\t1200\t1500", "乙州\t900\t1100"],
    # 卫生: a county's public toilets by township (乡（镇）)
    ["某县农村厕所革命实施方案（2024—2025年）", "一、目标任务", "新建农村公厕。", "附件：各乡（镇）农村公厕建设任务表（单位：座）",
     "乡（镇）\t2024年\t2025年", "城关镇\t1200\t1500", "河口乡\t900\t1100"],
    # 水利: a county's village water works by township, the header's brackets half-width as a crawled page writes them
    ["某县农村供水保障行动方案（2024—2025年）", "一、目标任务", "新建供水工程。", "附件：各乡镇农村供水工程建设任务表（单位：处）",
     "乡(镇)\t2024年\t2025年", "城关镇\t1200\t1500", "河口乡\t900\t1100"],
    # 土地: a city's land to clear by district, its column of places headed 辖区 (as Shenzhen's tables head it)
    ["某市建设用地清退实施方案（2024—2025年）", "一、目标任务", "清退建设用地。", "附表4：建设用地清退计划（单位：亩）",
     "辖区\t2024年\t2025年", "福田区\t1200\t1500", "罗湖区\t900\t1100"],
    # 消防: fire hydrants by district, the same
    ["某市消防安全能力提升方案（2024—2025年）", "一、目标任务", "新建市政消火栓。", "附件：各区市政消火栓建设任务表（单位：个）",
     "辖区\t2024年\t2025年", "南山区\t1200\t1500", "宝安区\t900\t1100"],
], ids=["housing", "education", "childcare", "elderly-care", "sanitation", "water-supply", "land", "fire-safety"])
def test_a_task_split_over_places_gives_each_cell_in_the_unit_its_caption_says(tmp_path, lines):
    """A table whose rows are places (区域, 县（市、区）) and columns the plan's years gives one target per cell, named by
    its place, due its column's year, in the unit of the caption above it; the same with the line breaks lost."""
    lined, flat = write_lined_and_flat(tmp_path, lines)
    def cells(plan):
        return [(t.indicator, t.value, t.unit, t.deadline) for t in extract(plan).targets if t.rule == "indicator-table"]
    unit = lines[3].split("单位：")[1][0] if "单位：" in lines[3] else "个"
    places = [row.split("\t")[0] for row in lines[-2:]]
    wanted = [(places[0], 1200, unit, 2024), (places[0], 1500, unit, 2025), (places[1], 900, unit, 2024), (places[1], 1100, unit, 2025)]
    assert cells(lined) == wanted and cells(flat) == wanted


@pytest.mark.parametrize("lines, wanted", [
    # 教育: school places by county, beside who leads each county, closed by a 合计 row; no year in the caption: the plan's end
    (["某市学位建设三年行动方案（2024—2026年）", "一、目标任务", "新增公办学位。", "附件：各县（市、区）学位建设任务表",
      "县（市、区）\t新建学校（所）\t新增学位（个）\t牵头单位", "甲县\t3\t2700\t甲县人民政府", "乙区\t≥2\t1800\t乙区人民政府",
      "合计\t5\t4500\t"],
     [("甲县新建学校", 3, "所", "=", 2026), ("甲县新增学位", 2700, "个", "=", 2026),
      ("乙区新建学校", 2, "所", ">=", 2026), ("乙区新增学位", 1800, "个", "=", 2026)]),
    # 农业: farmland by town in 万亩 and a share, due the year its caption names
    (["某县高标准农田建设规划（2023—2030年）", "一、建设任务", "任务分解到乡镇。", "表1  高标准农田建设任务分解表（到2025年底）",
      "乡镇\t新建高标准农田（万亩）\t高效节水灌溉面积占比（%）", "城关镇\t1.2\t30", "河口镇\t0.8\t25以上"],
     [("城关镇新建高标准农田", 12000, "亩", "=", 2025), ("城关镇高效节水灌溉面积占比", 30, "%", "=", 2025),
      ("河口镇新建高标准农田", 8000, "亩", "=", 2025), ("河口镇高效节水灌溉面积占比", 25, "%", ">=", 2025)]),
    # 交通: a county's rural roads by township, the header's brackets half-width (县(市、区) as crawled)
    (["某市农村公路提质改造方案（2024—2026年）", "一、建设任务", "任务分解到县。", "附件：各县(市、区)建设任务表",
      "县(市、区)\t新改建农村公路（公里）\t新建候车亭（个）", "甲县\t120\t40", "乙区\t80\t25"],
     [("甲县新改建农村公路", 120, "公里", "=", 2026), ("甲县新建候车亭", 40, "个", "=", 2026),
      ("乙区新改建农村公路", 80, "公里", "=", 2026), ("乙区新建候车亭", 25, "个", "=", 2026)]),
    # 医疗: a province's hospitals and beds by prefecture (市（州）)
    (["某省县域医疗卫生服务能力提升方案（2024—2026年）", "一、建设任务", "任务分解到市（州）。", "附件：各市（州）建设任务表",
      "市（州）\t新建县域医疗次中心（个）\t新增床位（张）", "甲市\t4\t600", "乙州\t2\t300"],
     [("甲市新建县域医疗次中心", 4, "个", "=", 2026), ("甲市新增床位", 600, "张", "=", 2026),
      ("乙州新建县域医疗次中心", 2, "个", "=", 2026), ("乙州新增床位", 300, "张", "=", 2026)]),
], ids=["education", "agriculture", "roads", "health"])
def test_a_task_split_over_places_by_measure_gives_each_place_s_cell_due_the_caption_s_year(tmp_path, lines, wanted):
    """A 分县任务表 whose rows are places and whose columns are measures, each with its unit in brackets, gives one target
    per place and measure, in that unit, due the year its caption names or the plan's last (the lead's finding 9);
    its 合计 row adds the places up and gives none."""
    plan = write_plan(tmp_path, "\n".join(lines) + "\n")
    assert [(t.indicator, t.value, t.unit, t.comparator, t.deadline) for t in extract(plan).targets if t.rule == "indicator-table"] == wanted


@pytest.mark.parametrize("lines, wanted", [
    # 邮政快递: an indicator a row, its unit in a 单位 column, a county a column, closed by a 全市 column; a county's 0 is no share
    (["某市农村寄递物流体系建设三年行动方案（2024—2026年）", "一、主要任务", "完善三级寄递网络。", "附件：主要指标分解表",
      "指标\t单位\t甲区\t乙县\t全市", "新建村级寄递物流服务站\t个\t60\t110\t170", "建成产地冷链集配中心\t个\t0\t2\t2"],
     [("甲区新建村级寄递物流服务站", 60, "个", "=", 2026), ("乙县新建村级寄递物流服务站", 110, "个", "=", 2026),
      ("乙县建成产地冷链集配中心", 2, "个", "=", 2026)]),
    # 卫生: the unit in the indicator's brackets, a cell's own comparator, the year the caption names
    (["某市卫生健康事业发展规划（2021—2025年）", "一、主要指标", "指标分解到县。", "表2  主要指标分解表（到2025年）",
      "指标名称\t东城区\t河口镇\t合计", "每千人口执业（助理）医师数（人）\t3.5\t≥2.8\t—", "孕产妇系统管理率（%）\t95\t≥92\t—"],
     [("东城区每千人口执业（助理）医师数", 3.5, "人", "=", 2025), ("河口镇每千人口执业（助理）医师数", 2.8, "人", ">=", 2025),
      ("东城区孕产妇系统管理率", 95, "%", "=", 2025), ("河口镇孕产妇系统管理率", 92, "%", ">=", 2025)]),
], ids=["postal", "health"])
def test_an_indicator_table_split_over_places_in_its_columns_gives_each_place_s_cell(tmp_path, lines, wanted):
    """An indicator table with no target column whose columns are headed by places' names (东川区, 临溪县) gives each
    place's cell of each indicator, named by both, due the year its caption names or the plan's last; a column of the
    whole (全市, 合计) and a place's 0 give none."""
    plan = write_plan(tmp_path, "\n".join(lines) + "\n")
    assert [(t.indicator, t.value, t.unit, t.comparator, t.deadline) for t in extract(plan).targets if t.rule == "indicator-table"] == wanted


def test_a_table_of_yearly_rows_gives_each_cell_as_its_column_s_target_due_in_its_row_s_year(tmp_path):
    """年度计划表: an indicator table turned round, one row a year (a year before the plan's first reports the past);
    the unit is the cell's own (1.2万户) or the header's brackets (新增学位（个）)."""
    housing = write_plan(tmp_path, "某市城镇老旧小区改造实施方案（2023—2025年）\n一、年度计划\n"
                         "年度\t改造小区数\t惠及居民户数\t完成时限\n"
                         "2022年\t80个\t0.9万户\t2022年12月底\n"
                         "2023年\t110个\t1.2万户\t2023年12月底\n"
                         "2024年\t120个\t1.3万户\t2024年12月底\n")
    assert [(t.indicator, t.value, t.unit, t.deadline, t.kind) for t in extract(housing).targets] == [
        ("改造小区数", 80, "个", 2022, "baseline"), ("惠及居民户数", 9000, "户", 2022, "baseline"),
        ("改造小区数", 110, "个", 2023, "count"), ("惠及居民户数", 12000, "户", 2023, "count"),
        ("改造小区数", 120, "个", 2024, "count"), ("惠及居民户数", 13000, "户", 2024, "count")]
    education = write_plan(tmp_path, "某县学前教育发展提升行动计划（2024—2026年）\n一、分年度目标\n"
                           "序号\t年份\t新建公办幼儿园（所）\t新增学位（个）\t备注\n"
                           "1\t2024\t3\t900\t含改扩建\n"
                           "2\t2025\t≥4\t1200以上\t\n")
    assert [(t.indicator, t.value, t.unit, t.comparator, t.deadline) for t in extract(education).targets] == [
        ("新建公办幼儿园", 3, "所", "=", 2024), ("新增学位", 900, "个", "=", 2024),
        ("新建公办幼儿园", 4, "所", ">=", 2025), ("新增学位", 1200, "个", ">=", 2025)]


def test_the_total_row_of_a_table_of_yearly_rows_gives_no_target_of_its_own(tmp_path):
    """A 合计/小计 row closing a 年度计划表 adds up the years' cells, which are each already a target in its
    year (and may add a past year's): the years' cells are read, the total left out."""
    housing = write_plan(tmp_path, "某县农村危房改造实施方案（2024—2026年）\n一、年度安排\n"
                         "年度\t改造危房（户）\t补助资金（万元）\n"
                         "2024年\t40\t120\n2025年\t35\t105\n2024—2025年合计\t75\t225\n")
    assert [(t.indicator, t.value, t.deadline) for t in extract(housing).targets] == [
        ("改造危房", 40, 2024), ("补助资金", 1200000, 2024), ("改造危房", 35, 2025), ("补助资金", 1050000, 2025)]
    health = write_plan(tmp_path, "某市基层医疗卫生服务能力提升方案（2023—2025年）\n一、建设计划\n"
                        "年份\t达标卫生院（家）\n2023\t6\n2024\t8\n2025\t≥10\n总计\t24\n")
    assert [(t.indicator, t.value, t.comparator, t.deadline) for t in extract(health).targets] == [
        ("达标卫生院", 6, "=", 2023), ("达标卫生院", 8, "=", 2024), ("达标卫生院", 10, ">=", 2025)]
    page = tmp_path / "plan.html"
    page.write_text("<html><body><h1>某市基层医疗卫生服务能力提升方案（2023—2025年）</h1><h2>一、建设计划</h2><table>"
                    "<tr><th>年份</th><th>达标卫生院（家）</th></tr><tr><td>2023</td><td>6</td></tr>"
                    "<tr><td>2024</td><td>8</td></tr><tr><td>合 计（两年）</td><td>14</td></tr></table></body></html>", encoding="utf-8")
    assert [(t.indicator, t.value, t.deadline) for t in extract(page).targets] == [("达标卫生院", 6, 2023), ("达标卫生院", 8, 2024)]


def test_a_subtotal_row_in_the_middle_of_a_table_of_yearly_rows_is_left_out_and_the_years_after_it_read(tmp_path):
    """A 小计 row may add up the first years in the middle of the table (two years' subtotal, then the last year,
    then the 合计): the years' rows on both sides of it are read, each total left out."""
    housing = write_plan(tmp_path, "某县农村危房改造实施方案（2024—2026年）\n一、年度安排\n"
                         "年度\t改造危房（户）\t补助资金（万元）\n"
                         "2024年\t40\t120\n2025年\t35\t105\n小计\t75\t225\n2026年\t30\t90\n合计\t105\t315\n")
    assert [(t.indicator, t.value, t.deadline) for t in extract(housing).targets] == [
        ("改造危房", 40, 2024), ("补助资金", 1200000, 2024), ("改造危房", 35, 2025), ("补助资金", 1050000, 2025),
        ("改造危房", 30, 2026), ("补助资金", 900000, 2026)]
    transport = write_plan(tmp_path, "某市农村公路提质改造行动方案（2023—2025年）\n一、建设计划\n"
                           "年份\t改造里程（公里）\n2023\t120\n2024\t150\n2023—2024年小计\t270\n2025\t≥160\n")
    assert [(t.value, t.comparator, t.deadline) for t in extract(transport).targets] == [
        (120, "=", 2023), (150, "=", 2024), (160, ">=", 2025)]


def test_a_year_cell_of_a_table_of_yearly_rows_may_carry_a_note_and_a_base_note_makes_its_row_a_baseline(tmp_path):
    """2023年（基期）, 2023年（现状）: the row the plan starts from, a baseline even in the plan's first year;
    2025年（目标）: a year with a note that keeps it the row's deadline."""
    health = write_plan(tmp_path, "某市基层医疗卫生服务能力提升方案（2023—2025年）\n一、建设计划\n"
                        "年份\t达标卫生院（家）\t家庭医生签约率（%）\n"
                        "2023年（基期）\t6\t40\n2024年\t8\t45\n2025年（目标）\t≥10\t≥50\n")
    assert [(t.indicator, t.value, t.deadline, t.kind) for t in extract(health).targets] == [
        ("达标卫生院", 6, 2023, "baseline"), ("家庭医生签约率", 40, 2023, "baseline"),
        ("达标卫生院", 8, 2024, "count"), ("家庭医生签约率", 45, 2024, "percentage"),
        ("达标卫生院", 10, 2025, "count"), ("家庭医生签约率", 50, 2025, "percentage")]
    education = write_plan(tmp_path, "某县学前教育普及普惠行动计划（2024—2026年）\n一、年度目标\n"
                           "年度\t普惠性幼儿园覆盖率（%）\n2024年(现状)\t82\n2025年(预期)\t86\n2026年(目标)\t90\n")
    assert [(t.value, t.deadline, t.kind) for t in extract(education).targets] == [
        (82, 2024, "baseline"), (86, 2025, "percentage"), (90, 2026, "percentage")]


def test_a_table_with_a_year_column_and_a_task_column_is_a_task_table(tmp_path):
    plan = write_plan(tmp_path, "某区河湖治理三年行动方案（2024—2026年）\n一、任务分解\n"
                      "年度\t重点任务\t牵头单位\n2024年\t整治农村黑臭水体20条。\t区生态环境局\n")
    assert [(t.value, t.unit, t.rule) for t in extract(plan).targets] == [(20, "条", "arabic-amount")]


def test_an_indicator_table_cell_may_carry_its_unit(tmp_path):
    plan = write_plan(tmp_path, "某市全民健身实施计划（2021—2025年）\n一、主要指标\n"
                      "指标\t2020年\t2025年\n体育公园\t5个\t12个\n社会体育指导员\t0.8万名\t1.2万名以上\n")
    assert [(t.indicator, t.value, t.unit, t.comparator, t.deadline) for t in extract(plan).targets] == [
        ("体育公园", 5, "个", "=", 2020), ("体育公园", 12, "个", "=", 2025),
        ("社会体育指导员", 8000, "名", "=", 2020), ("社会体育指导员", 12000, "名", ">=", 2025)]


def test_an_indicator_table_reads_ratios_and_takes_the_unit_from_the_name_when_its_unit_cell_is_empty(tmp_path):
    plan = write_plan(tmp_path, "某市卫生健康事业发展规划（2021—2025年）\n一、主要指标\n"
                      "序号\t指标\t单位\t2020年\t2025年\t属性\n"
                      "1\t医护比\t\t1:1.1\t1:1.2\t预期性\n"
                      "2\t个人卫生支出占卫生总费用比例（%）\t\t28\t27左右\t约束性\n"
                      "3\t普通高中生师比\t\t14:1\t≤13:1\t预期性\n")
    targets = [target for target in extract(plan).targets if target.kind != "baseline"]  # the 2020年 column's
    assert [(t.indicator, t.value, t.unit, t.comparator, t.kind) for t in targets] == [
        ("医护比", 1, ":1.2", "=", "percentage"), ("个人卫生支出占卫生总费用比例", 27, "%", "~", "percentage"),
        ("普通高中生师比", 13, ":1", "<=", "percentage")]


def test_an_indicator_table_folds_the_multipliers_a_unit_cell_opens_with_and_keeps_a_unit_that_opens_with_one(tmp_path):
    plan = write_plan(tmp_path, "某市能源发展规划（2021—2025年）\n一、主要指标\n"
                      "序号\t指标\t单位\t2020年\t2025年\t属性\n"
                      "1\t可再生能源发电装机\t万千瓦\t120\t200\t预期性\n"
                      "2\t储能规模\t千瓦\t500\t800\t预期性\n"
                      "3\t普惠小微贷款余额\t百万元\t350\t600\t预期性\n"
                      "4\t非化石能源消费比重提高\t百分点\t—\t3\t约束性\n")
    targets = [target for target in extract(plan).targets if target.kind != "baseline"]  # the 2020年 column's
    assert [(t.indicator, t.value, t.unit) for t in targets] == [
        ("可再生能源发电装机", 2000000, "千瓦"), ("储能规模", 800, "千瓦"), ("普惠小微贷款余额", 600000000, "元"),
        ("非化石能源消费比重提高", 3, "百分点")]


def test_a_lead_line_gives_its_year_to_the_items_under_it_and_a_dated_stage_heading_to_its_own(tmp_path):
    plan = write_plan(tmp_path, "某县农村供水保障行动方案\n一、工作目标\n（一）具体目标。\n到2022年：\n"
                      "1.供水保障。农村自来水普及率达到90%以上。\n2.水质提升。水质检测合格率达到95%。\n"
                      "二、实施步骤\n（一）集中整治阶段（2021年3-8月）\n建成规模化供水工程12处。\n（二）巩固提升\n每月组织一次专项督查。\n")
    targets = extract(plan).targets
    assert [(t.value, t.deadline, t.time_anchor) for t in targets] == [
        (90, 2022, "future"), (95, 2022, "future"), (12, 2021, "future"), (1, None, "none")]
    assert targets[-1].frequency == "monthly" and targets[-1].recurrence == "P1M"


@pytest.mark.parametrize("lines,year", [
    # employment: dash items under a label of the list, the year in the sentence before it
    (["某县稳就业行动方案", "一、工作目标", "到2026年，全县就业局势保持总体稳定。具体目标为：",
      "——城镇新增就业每年不少于5000人；", "——城镇调查失业率控制在5.5%以内；", "——新增技能人才3000人。",
      "二、重点任务", "（一）落实就业政策"], 2026),
    # ecology: bullets
    (["某区生态保护实施方案", "一、主要目标", "到2025年，全区生态环境质量持续改善。主要指标：",
      "●森林覆盖率达到45%；", "●地表水国控断面优良比例达到90%以上。", "二、保障措施", "（一）加强组织领导"], 2025),
])
def test_a_lead_gives_its_year_to_its_list_on_lines_of_their_own_or_glued_after_it(tmp_path, lines, year):
    """A text whose line breaks are lost glues the list to its lead line (…具体目标为：——城镇新增就业…): the lead's
    year reaches the items after its colon as it reaches the lines after a lead line."""
    lined, flat = write_lined_and_flat(tmp_path, lines)
    due = [[(t.value, t.deadline) for t in extract(plan).targets] for plan in (lined, flat)]
    assert due[0] == due[1] and len(due[0]) >= 2 and {deadline for _, deadline in due[0]} == {year}


def test_n_years_within_counts_from_the_start_year_the_plan_names(tmp_path):
    plan = write_plan(tmp_path, "关于推进医疗人才集聚的实施意见\n一、目标\n2012年起5年内，引进高层次医疗人才200名。\n"
                      "二、项目\n1.基层卫生人才项目。5年内培训乡村医生1000名。建设培训基地3个。\n")
    targets = extract(plan).targets
    assert [(t.value, t.deadline) for t in targets] == [(200, 2016), (1000, 2016), (3, None)]


def test_each_target_says_which_rule_read_it_and_which_cue_decided_it(tmp_path):
    plan = write_plan(tmp_path, "某市交通建设实施方案（2021—2025年）\n一、发展现状\n全市公路通车里程达到8500公里。\n"
                      "二、主要目标\n到2025年，新建农村公路300公里。对超限运输的，处2万元以上5万元以下罚款。\n")
    targets = extract(plan).targets
    assert [(t.value, t.kind, t.rule, t.decided_by, t.time_anchor) for t in targets] == [
        (8500, "baseline", "arabic-amount", "baseline-section", "past"),
        (300, "count", "arabic-amount", "default", "future")]


def test_a_lead_line_that_opens_a_list_of_cases_makes_its_numbers_conditions(tmp_path):
    plan = write_plan(tmp_path, "某市价格补贴联动实施方案\n一、启动条件\n出现下列情形之一的，启动价格临时补贴联动机制：\n"
                      "1.居民消费价格指数单月同比涨幅达到3.5%；\n2.食品价格指数单月同比涨幅达到6%。\n"
                      "二、工作目标\n到2025年，困难群众价格补贴发放率达到100%。\n")
    targets = extract(plan).targets
    assert [(t.value, t.unit) for t in targets] == [(100, "%")]


@pytest.mark.parametrize("text", [
    # retail: the conditions a shop must meet to be recognised
    "某区平价商店建设工作方案\n一、平价商店的设立\n2015年在城关设立5家平价商店。申请设立平价商店须符合如下条件：\n"
    "1.经营面积不低于200平方米；\n2.销售品种需涵盖粮、油、肉、蛋、蔬菜，其中蔬菜品种不得少于10种。\n",
    # schools: the conditions a school must meet to be named a model
    "某县特色学校创建工作方案\n一、创建目标\n到2025年，创建特色学校5所。申报特色学校应具备以下基本条件：\n"
    "（一）开设特色课程不少于3门；\n（二）特色活动参与率达到90%以上。\n",
])
def test_a_lead_line_that_sets_conditions_to_meet_makes_its_numbers_conditions(tmp_path, text):
    targets = extract(write_plan(tmp_path, text)).targets
    assert [t.value for t in targets] == [5]


@pytest.mark.parametrize("text,headings,anchor", [
    ("截至2020年底，全市已建成污水处理厂12座。", (), "past"),            # its own words
    ("全县现有乡镇卫生院18所。", ("发展现状",), "past"),                   # a review section
    ("到2025年，新建污水处理厂3座。", (), "future"),                     # a deadline
    ("力争新建社区卫生服务站10个。", (), "future"),                      # a future word
    ("新建农村供水工程20处。", ("重点任务", "农村供水"), "future"),          # a heading of the plan's tasks
    ("新建农村供水工程20处。", ("组织保障",), "none"),                    # nothing says when
])
def test_every_target_has_a_time_anchor_from_its_words_else_its_context(text, headings, anchor):
    [target] = targets_in_text(text, headings)
    assert target.time_anchor == anchor


def test_a_sentence_taken_for_a_title_gives_its_items_only_a_year_it_opens_with():
    run_on = "提升行动重点围绕践行社会主义核心价值观，大力弘扬科学精神，培育理性思维，在“十四五”时期实施5项提升行动"
    [annual] = targets_in_text("每年培训300名专职科学教师。", (run_on, "实施教师科学素质提升工程"))
    assert annual.deadline is None
    dated = "2015年，建设10座垃圾转运站；建设40座城市一类以上公厕（含景区旅游公厕14座），改造旧公厕"
    [toilets] = targets_in_text("拟建公园附属公厕30座。", ("工作目标", dated))
    assert toilets.deadline == 2015
    stage = "集中整改问题（2014年2-5月）各参建单位应针对自查自纠发现的问题，研究制定整改措施，明确整改期限"
    [checks] = targets_in_text("每月组织一次专项督查。", ("实施阶段", stage))
    assert (checks.deadline, checks.frequency) == (2014, "monthly")


def test_this_year_in_a_plan_with_a_date_but_no_period_is_the_year_it_was_signed(tmp_path):
    """今年4月前, 年底前, 上半年 and 全年 are due in the year the plan was written: with no period, the year of its date."""
    plan = write_plan(tmp_path, "某县人民政府办公室关于印发某县全民健身工作方案的通知\n某政办〔2023〕8号\n某县人民政府办公室\n"
                      "2023年3月2日\n某县全民健身工作方案\n一、工作任务\n今年4月前完成健身路径排查，年底前更新健身器材200套。\n"
                      "上半年完成50个行政村农家书屋补充更新。全年举办全民健身赛事活动不少于30场。\n")
    targets = extract(plan).targets
    assert [(t.value, t.deadline, t.review) for t in targets] == [(200, 2023, []), (50, 2023, []), (30, 2023, [])]


@pytest.mark.parametrize("number,task,value", [
    # major projects (wild 28, a copy that lost its date line) and rural roads
    ("岚综管综〔2015〕59号", "今年4月前先预拨1亿元前期工作经费。", 100000000),
    ("某交〔2015〕12号", "年底前完成农村公路改造120公里。", 120),
])
def test_this_year_in_a_plan_with_a_doc_number_but_no_date_is_the_year_it_was_numbered(tmp_path, number, task, value):
    """A 文号 numbers a document in the year it was issued: with no date line and no period, 今年4月前 and 年底前 are
    due in that year, as in one dated then."""
    plan = write_plan(tmp_path, f"关于加快推进重大项目建设的实施意见\n{number}\n某县人民政府\n关于加快推进重大项目建设的实施意见\n"
                      f"为加快推进重大项目建设，提出以下实施意见。\n一、工作任务\n{task}\n")
    [target] = extract(plan).targets
    assert (target.value, target.deadline, target.review) == (value, 2015, [])


def test_this_year_in_a_plan_with_no_date_nor_period_is_due_in_no_year_and_flagged(tmp_path):
    """With no date and no period the year the plan was written is unknown: 年底前 gives no deadline (a guessed
    year would be a wrong one), and the target says why a reader should check it."""
    plan = write_plan(tmp_path, "某县全民健身工作方案\n一、工作任务\n年底前更新健身器材200套。3年内建成社区运动场10个。"
                      "每年举办运动会1届。\n")
    targets = extract(plan).targets
    assert [(t.value, t.deadline) for t in targets] == [(200, None), (10, None), (1, None)]
    assert [bool(t.review) for t in targets] == [True, True, False]
    assert "year" in targets[0].review[0]


def test_only_the_numbers_after_a_phrase_of_an_unknown_year_are_flagged(tmp_path):
    """The phrase dates what follows it in its sentence, not what came before (科普站点 in science popularisation, a
    school's teachers in education): each number looks up the phrases found once in its sentence."""
    plan = write_plan(tmp_path, "某县科普工作方案\n一、工作任务\n全县新建科普站点5个，年底前建成科普基地3个，"
                      "3年内培训乡村教师200名，选派骨干教师20名。\n")
    targets = extract(plan).targets
    assert [(t.value, t.deadline, bool(t.review)) for t in targets] == [(5, None, False), (3, None, True), (200, None, True),
                                                                        (20, None, True)]


@pytest.mark.parametrize("text,kept", [
    # elderly care: the pledge a township signs to build a care home
    ("某区农村幸福院建设工作实施方案\n一、目标任务\n到2020年，全区60%的行政村建有农村幸福院。\n"
     "某区农村幸福院建设项目承诺书\n（乡镇级）\n我乡（镇）承诺按照如下条款进行建设和管理。\n"
     "一、提供房屋面积不低于100平方米，户外活动场所不低于100平方米。\n"
     "二、项目建成后，配备1名专（兼）职管理人员，不少于3名的志愿者。\n", [60]),
    # work safety: the pledge a firm signs, then an attached list of the plan's own tasks
    ("某县安全生产专项整治实施方案\n一、工作目标\n到2023年，生产安全事故起数下降10%。\n附件1\n"
     "企业安全生产承诺书\n本企业承诺：\n1.全年安全培训不少于24学时；\n2.每月开展隐患自查不少于1次。\n"
     "附件2\n重点任务清单\n完成危化品企业安全改造30家。\n", [10, 30]),
])
def test_a_pledge_form_attached_to_the_plan_holds_no_targets_of_the_plan(tmp_path, text, kept):
    """A 承诺书 (or 申请书, 协议书…) is what a signatory pledges: its numbers are not the plan's targets, up to the
    next 附件 marker."""
    assert [t.value for t in extract(write_plan(tmp_path, text)).targets] == kept


@pytest.mark.parametrize("text,kept", [
    # elderly care: the pledge a township signs to build a care home
    ("某区农村幸福院建设工作实施方案一、目标任务到2020年，全区60%的行政村建有农村幸福院。各乡镇要维护幸福院正常运营秩序。"
     "某区农村幸福院建设项目承诺书（乡镇级）我乡（镇）承诺按照如下条款进行建设和管理。"
     "一、提供房屋面积不低于100平方米，户外活动场所不低于100平方米。二、项目建成后，配备1名专（兼）职管理人员，不少于3名的志愿者。", [60]),
    # agriculture: the application a cooperative fills in for a demonstration base
    ("某县现代农业示范基地建设实施方案一、工作目标到2025年，全县建成现代农业示范基地20个。请各乡镇认真组织申报。"
     "某县现代农业示范基地建设申请书本社申请按照如下条件建设示范基地。一、连片种植面积不少于500亩。二、带动农户不少于100户。", [20]),
    # work safety and food safety: the attachment's label before the title, the numbered terms in the same sentence
    ("某县安全生产专项整治实施方案一、工作目标到2025年，全县规模以上企业安全生产标准化达标率达到90%以上。二、保障措施各乡镇要加强"
     "组织领导。附件1企业安全生产承诺书本企业承诺：1.全年组织安全培训不少于24学时；2.每季度开展应急演练不少于1次；3.隐患整改率达到"
     "100%。承诺人（签字）：", [90]),
    ("某区餐饮质量安全提升行动方案一、主要目标到2025年，全区餐饮服务单位量化分级管理率达到95%。附件2：餐饮服务单位食品安全承诺书"
     "本单位承诺：1.从业人员健康证持证率100%；2.每月开展食品安全自查不少于2次。", [95]),
])
def test_a_pledge_form_whose_title_runs_on_after_the_plan_holds_no_targets(tmp_path, text, kept):
    """With the line breaks lost, a form's title runs on after the plan's last sentence, the signatory's words after
    it: the form opens from there, and its terms are no targets."""
    assert [t.value for t in extract(write_plan(tmp_path, text)).targets] == kept


def test_an_item_opening_with_a_year_is_a_heading_and_gives_its_year_to_no_sibling(tmp_path):
    """4.2026年6月底前… and 8.2025—2027年，… are numbered items (no number has a year's digits after its point): read
    as text, they broke the list, and the items after them took the year of the last item read as a heading."""
    plan = write_plan(tmp_path, "某市社区嵌入式服务设施建设实施方案（2024—2027年）\n一、工作任务\n"
                      "1.到“十五五”末，社区托育覆盖率达到80%。\n2.2026年6月底前，建成运营中心3个。\n"
                      "3.每年至少组织1次综合演练。\n4.2025—2027年，每年新增托位500个。\n5.完成适老化改造1000户。\n")
    targets = extract(plan).targets
    assert [(t.value, t.deadline) for t in targets] == [(80, 2030), (3, 2026), (1, None), (500, 2027), (1000, None)]


@pytest.mark.parametrize("text,kept", [
    # retail: what the shops sell now, item by item
    ("某区平价商店建设工作方案\n一、平价商品种类\n目前平价商品以群众基本生活必需的农副产品为主共4类23种：\n"
     "1.蔬菜类15种；\n2.蛋类2种；\n3.肉类3种。\n二、工作目标\n到2016年，全区平价商店达到20家。\n",
     [(4, "baseline"), (23, "baseline"), (15, "baseline"), (2, "baseline"), (3, "baseline"), (20, "count")]),
    # elderly care: the homes a city has now, by owner
    ("某市养老服务体系建设方案（2024—2026年）\n一、养老机构\n目前，全市共有养老机构85家，其中：\n"
     "（一）公办养老机构32家；\n（二）民办养老机构53家。\n二、发展目标\n到2026年，全市养老机构达到100家。\n",
     [(85, "baseline"), (32, "baseline"), (53, "baseline"), (100, "count")]),
])
def test_a_lead_line_that_states_what_there_is_now_makes_its_list_baselines(tmp_path, text, kept):
    assert [(t.value, t.kind) for t in extract(write_plan(tmp_path, text)).targets] == kept


def test_a_lead_line_of_the_work_to_do_now_keeps_its_list_targets(tmp_path):
    plan = write_plan(tmp_path, "某县农村供水工作方案\n一、重点任务\n当前，重点做好以下3项工作：\n"
                      "1.新建规模化供水工程12处；\n2.改造老旧管网80公里。\n")
    assert [(t.value, t.kind) for t in extract(plan).targets if t.value != 3] == [(12, "count"), (80, "count")]


def test_a_target_column_named_with_its_year_in_brackets_is_due_then(tmp_path):
    """规划目标年（2025年）, 目标值（2035年）: the target word comes first and the year after it; the column is due that year."""
    plan = write_plan(tmp_path, "某县国土空间总体规划（2021—2035年）\n一、规划目标\n"
                      "序号\t指标名称\t单位\t基期年（2020年）\t规划目标年（2025年）\t目标值（2035年）\t属性\n"
                      "1\t耕地保有量\t万亩\t85.6\t≥85.2\t≥85.2\t约束性\n"
                      "2\t非化石能源消费比重\t%\t16\t20\t35\t预期性\n")
    cells = [(t.indicator, t.value, t.deadline, t.kind) for t in extract(plan).targets]
    assert cells == [("耕地保有量", 856000, 2020, "baseline"), ("耕地保有量", 852000, 2025, "count"), ("耕地保有量", 852000, 2035, "count"),
                     ("非化石能源消费比重", 16, 2020, "baseline"), ("非化石能源消费比重", 20, 2025, "percentage"),
                     ("非化石能源消费比重", 35, 2035, "percentage")]  # 基期年（2020年）: where the plan starts


def test_a_rule_sets_reader_is_kept_with_the_set_and_not_past_it():
    """A program that extracts with many folders of rules keeps no reader of a set it no longer holds."""
    import dataclasses
    import gc
    import weakref

    from planparse.rules import load_rule_set
    from planparse.targets import sentence_reader

    rule_set = dataclasses.replace(load_rule_set())  # a set of its own, as another folder's would be
    reader = sentence_reader(rule_set)
    assert sentence_reader(rule_set) is reader
    gone = weakref.ref(reader)
    del rule_set, reader
    gc.collect()
    assert gone() is None


# Change words (of the lexicon and not: 减灾 is none), what they change, comparators, fractions and filler
_CHANGE_PIECES = st.sampled_from(["提高", "下降", "减少", "增加", "压减", "缩短", "减", "减灾", "到", "至", "不低于", "了", " ",
                                  "化肥施用量", "渔船", "覆盖率", "建设", "全市", "百分之", "三分之", "，", "较2020年"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_CHANGE_PIECES, max_size=7).map("".join), st.integers(min_value=0, max_value=4))
def test_a_change_is_read_only_where_one_of_the_change_words_stands_before_the_number(words, clause_start):
    """SentenceReader._change tries its reverse match only where a change word stands between the clause's start and
    the number: wherever that match finds a change, the word it found is one of them."""
    from planparse.rules import load_rule_set
    from planparse.targets import sentence_reader

    reader = sentence_reader(load_rule_set())
    text = words + "30%"
    start = min(clause_start, len(words))
    if reader.change_before.match(text, start, len(words)):
        assert reader.change_words.search(text, start, len(words))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_CHANGE_PIECES, max_size=4).map("".join), min_size=1, max_size=5), st.integers(min_value=0, max_value=4))
def test_the_change_word_looked_up_once_for_a_clause_answers_as_the_search_for_each_value(pieces, clause_start):
    """The first change word of a clause is found once for all its values (SentenceReader._change_word_before): for
    each value of a clause of many, it says a change word may stand before it wherever the search bounded by the value
    finds one, and where it says none the reverse match finds no change."""
    from planparse.rules import load_rule_set
    from planparse.targets import Span, sentence_reader

    reader = sentence_reader(load_rule_set())
    text = "".join(f"{piece}{index + 5}%、" for index, piece in enumerate(pieces))
    start = min(clause_start, len(pieces[0]))
    numbers = [found.start() for found in re.finditer(r"\d+%", text)]
    for number in numbers:
        may_stand = reader._change_word_before(text, Span(start, len(text)), number)
        if reader.change_words.search(text, start, number):
            assert may_stand
        if not may_stand:
            assert reader.change_before.match(text, start, number) is None


def test_better_than_bounds_a_length_or_time_from_above_and_a_rate_from_below_in_text_and_tables(tmp_path):
    """优于 (the lead's finding 18): of an accuracy, a delay or a time taken, better is less; of a rate, more. Surveying
    and telecommunications in the text, weather in an indicator table; the name stops before the word."""
    plan = write_plan(tmp_path, "某市低空经济发展行动方案（2025—2027年）\n一、发展目标\n"
                                "到2027年，重点区域定位精度优于0.5米，城市网络时延优于20毫秒，短临预报准确率优于85%。\n"
                                "二、主要指标\n序号\t指标名称\t单位\t2027年\n1\t数值预报空间分辨率\t公里\t优于1\n2\t灾害性天气预警准确率\t%\t优于90\n")
    assert [(t.indicator, t.value, t.unit, t.comparator) for t in extract(plan).targets] == [
        ("重点区域定位精度", 0.5, "米", "<"), ("城市网络时延", 20, "毫秒", "<"), ("短临预报准确率", 85, "%", ">"),
        ("数值预报空间分辨率", 1, "公里", "<"), ("灾害性天气预警准确率", 90, "%", ">"),
    ]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="。！？!? 　\n建成2所，", max_size=16))
def test_each_sentence_stands_at_its_offset_and_none_is_lost(text):
    """sentences() counts offsets from the strings it finds: each sentence stands where it says, closed by its marks,
    and every character after marks opening the text is in one (only blank sentences are left out)."""
    found = sentences(text)
    assert all(text[start:start + len(sentence)] == sentence and sentence.strip() for start, sentence in found)
    expected = [(match.start(), match.group()) for match in re.finditer("[^。！？!?]+[。！？!?]*", text) if match.group().strip()]
    assert found == expected


@pytest.mark.parametrize("names, values, expected", [
    (["住院分娩率", "孕产妇死亡率", "婴儿死亡率", "5岁以下儿童死亡率"], ["99%", "10/10万", "5‰", "6‰"], [">=", "<=", "<=", "<="]),
    (["空气质量优良天数比例", "细颗粒物年均浓度", "地表水优良水体比例"], ["90%", "30微克/立方米", "80%"], [">=", "<=", ">="]),
    (["城市生活污水集中收集率", "城市公共供水管网漏损率"], ["70%", "9%"], [">=", "<="]),
])
def test_each_value_after_respectively_is_bounded_as_the_measure_its_place_in_the_list_names(names, values, expected):
    """A list before 分别达到 (health, air, water): the n-th value is of the n-th name, and a measure that falls reached
    with a bare word is at most its value while one that rises is at least it."""
    found = targets_in_text(f"到2025年，{'、'.join(names)}分别达到{'、'.join(values)}。")
    assert [(target.indicator, target.comparator) for target in found] == list(zip(names, expected))


@pytest.mark.parametrize("falling_at", [0, 75, 149, None])
@pytest.mark.parametrize("falling", ["孕产妇死亡率", "细颗粒物年均浓度"])
def test_a_falling_measure_anywhere_in_a_long_list_before_respectively_is_found_for_every_value(falling, falling_at):
    """Each of 150 values after 分别达到 learns the falling measure a name of the list ends with (health, air), wherever
    the name stands, and none where no name ends with one (负氧离子浓度 rises): the list is read once for all its values."""
    from planparse.rules import load_rule_set
    from planparse.targets import readings_in_text

    names = [f"{'城镇农村'[index % 4]}设施覆盖率{index}" if index % 7 else "空气负氧离子浓度" for index in range(150)]
    if falling_at is not None:
        names[falling_at] = falling
    text = f"到2025年，{'、'.join(names)}分别达到{'、'.join(f'{index % 90 + 5}%' for index in range(150))}。"
    readings = readings_in_text(text, (), load_rule_set())
    assert len(readings) == 150
    assert {reading.candidate.falls_if_named is not None for reading in readings} == {falling_at is not None}
