"""A user's --rules folder reaches every kind of rule file: headings, indicators (and the
indicator table headers) through a file of the shipped file's name, replaced or extended."""
from __future__ import annotations

import pytest
from conftest import write_plan

from planparse.errors import PlanparseError
from planparse.indicator import IndicatorWords, indicator_words
from planparse.pipeline import extract
from planparse.rules import use_rules_dir

PLAN = "壹、总体要求\n到2025年，全州森林覆盖率达到70%。\n贰、主要任务\n每年培训200名乡村教师。\n"
TABLE_PLAN = "一、主要指标\n\t指标\t考核值\n\t公共图书馆藏书量（万册）\t30\n"


@pytest.fixture(autouse=True)
def shipped_rules_after():
    yield
    use_rules_dir(None)  # later tests read the shipped rules


def write_rules(folder, name: str, text: str):
    rules = folder / "rules"
    rules.mkdir(exist_ok=True)
    (rules / name).write_text(text, encoding="utf-8")
    return rules


def test_a_user_headings_file_adds_a_numbering_style(tmp_path):
    rules = write_rules(tmp_path, "headings.yaml", """\
extend:
  styles:
    - style: cn_dun
      pattern: '(?P<number>[壹贰叁肆伍陆柒捌玖拾]+)、'
      examples:
        - {text: '贰、主要任务', number: 2}
""")
    plan = write_plan(tmp_path, PLAN)
    assert [s.title for s in extract(plan).sections] == []
    assert [(s.number, s.title) for s in extract(plan, rules).sections] == [(1, "总体要求"), (2, "主要任务")]


def test_a_user_indicators_file_extends_scope_words_and_table_headers(tmp_path):
    rules = write_rules(tmp_path, "indicators.yaml", "extend:\n  scope_words: [全州]\n  target_headers: [考核值]\n")
    plan = write_plan(tmp_path, PLAN)
    assert extract(plan).targets[0].indicator == "全州森林覆盖率"
    assert extract(plan, rules).targets[0].indicator == "森林覆盖率"
    table = tmp_path / "table" / "plan.txt"
    table.parent.mkdir()
    table.write_text(TABLE_PLAN, encoding="utf-8")
    assert extract(table).targets == []
    [target] = extract(table, rules).targets
    assert (target.value, target.unit, target.indicator) == (300_000, "册", "公共图书馆藏书量")


def test_a_user_indicators_file_extends_the_labels_of_a_note_under_a_table(tmp_path):
    """note_labels: a paragraph under a table opening with a note's label is no commitment (注：＊含1所改扩建); a user's
    label (附记：) is one too."""
    plan = write_plan(tmp_path, "一、主要指标\n指标\t单位\t2025年\n新建公办幼儿园\t所\t3＊\n附记：＊含1所改扩建。\n")
    assert [(t.value, t.unit) for t in extract(plan).targets] == [(3, "所"), (1, "所")]
    rules = write_rules(tmp_path, "indicators.yaml", "extend:\n  note_labels: [附记]\n")
    assert [(t.value, t.unit) for t in extract(plan, rules).targets] == [(3, "所")]



def test_a_user_fragment_reaches_the_names_of_targets(tmp_path):
    """Naming reads its fragments from the rules in force (IndicatorWords.rules), a user's among them: the output a
    user's per_output adds opens each measure listed after it, as 单位地区生产总值 opens 能耗 and 二氧化碳排放 (an output
    the shipped rules do not hold: 营业收入)."""
    plan = write_plan(tmp_path, "一、主要目标\n到2025年，全县万元营业收入能耗和用水量分别下降10%、15%。\n")
    rules = write_rules(tmp_path, "outputs.yaml", "fragments:\n  per_output: '(?:单位|万元|亿元)(?:地区生产总值|工业增加值|营业收入)'\n")
    assert [t.indicator for t in extract(plan, rules).targets] == ["万元营业收入能耗", "万元营业收入用水量"]
    assert "万元营业收入用水量" not in [t.indicator for t in extract(plan).targets]

def test_a_naming_pattern_of_the_rules_is_compiled_once_when_asked_and_its_row_read_on_the_class():
    """IndicatorWords compiles a pattern of the rules' fragments when a name first asks for it and keeps it
    (_CompiledWhenAsked); asked of the class (help, inspect), it is the table's row, as a cached_property answers."""
    words = indicator_words()
    assert words.per_output is words.per_output and words.per_output.search("单位地区生产总值能耗")
    assert IndicatorWords.per_output.pattern == "(?:{per_output})"


def test_a_broken_user_file_names_itself_and_the_key(tmp_path):
    rules = write_rules(tmp_path, "indicators.yaml", "extend:\n  scope_words: 全州\n")
    with pytest.raises(PlanparseError) as error:
        extract(write_plan(tmp_path, PLAN), rules)
    assert "indicators.yaml" in str(error.value) and str(rules) in str(error.value) and "scope_words" in str(error.value)


def test_a_broken_user_file_stops_before_any_reading(tmp_path):
    rules = write_rules(tmp_path, "headings.yaml", "extend:\n  styles: {cn_dun: x}\n")
    with pytest.raises(PlanparseError) as error:
        extract(tmp_path / "no such plan.txt", rules)
    assert "headings.yaml" in str(error.value) and "extend.styles" in str(error.value)


@pytest.mark.parametrize("pattern, named", [
    (r"(?P<open>[（(])(?P<number>\d+)\1", r"\1"),  # a group's number counts the other styles' groups too
    (r"(?i)part (?P<number>\d+)\s*", "(?i)"),  # a leading flag would reach every style
])
def test_a_user_style_that_cannot_share_the_styles_pattern_is_refused_with_its_fix(tmp_path, pattern, named):
    rules = write_rules(tmp_path, "headings.yaml", f"extend:\n  styles:\n    - style: cn_dun\n      pattern: '{pattern}'\n      examples: []\n")
    with pytest.raises(PlanparseError) as error:
        extract(write_plan(tmp_path, PLAN), rules)
    message = str(error.value)
    assert "headings.yaml" in message and named in message and "(?P=name)" in message and len(message.splitlines()) == 1


def test_a_user_style_with_a_named_back_reference_and_a_scoped_flag_is_read(tmp_path):
    rules = write_rules(tmp_path, "headings.yaml", """\
extend:
  styles:
    - style: cn_dun
      pattern: '(?i:part)\\s*(?P<open>[<])(?P<number>\\d+)(?P=open)\\s*'
      examples:
        - {text: 'Part <2< 主要任务', number: 2}
""")
    plan = write_plan(tmp_path, "Part <1< 总体要求\n加强科学教育。\nPART <2< 主要任务\n推进科普。\n")
    assert [(s.number, s.title) for s in extract(plan, rules).sections] == [(1, "总体要求"), (2, "主要任务")]


TASK_TABLES = ("一、重点任务\n序号\t重点任务\t牵头单位\t\n1\t新建农村供水工程20处\t县水利局\t2025年底前\n2\t改造城市供水管网50公里\t县住建局\t2024年6月底前\n"
               "二、保障措施\n1\t新建乡镇综合文化站12个\t县文广旅局\t2025年底前\n2\t培训基层文化骨干300人次\t县文广旅局\t2024年12月底前\n")
TABLE_HEADERS = {"lead_headers": "[牵头单位]", "support_headers": "[责任单位]", "action_headers": "[重点任务]", "not_action_headers": "[序号, 时限]"}


@pytest.mark.parametrize(("name", "text"), [
    pytest.param("indicators.yaml", "deadline_headers: []\n", id="deadline_headers"),
    pytest.param("indicators.yaml", "content_headers: []\n", id="content_headers"),
    *(pytest.param("responsibilities.yaml", "table:\n" + "".join(f"  {key}: {'[]' if key == emptied else words}\n" for key, words in TABLE_HEADERS.items()),
                   id=emptied) for emptied in ["support_headers", "action_headers", "not_action_headers"]),
])
def test_a_user_file_emptying_a_list_of_table_headers_reads_the_tables_with_no_column_so_named(tmp_path, name, text):
    """A column read as of a kind (the times under an empty header cell, a header-less table's units, tasks and times) is
    named by the first word of the rule files' list of such headers: a user's file that empties the list was an internal
    error (IndexError; second reader, stop 54, T15). The column now goes unnamed, and the plan is read (what the tables
    give then is the user's words' to say: the shipped ones give all four figures, each in its row's year)."""
    plan = write_plan(tmp_path, TASK_TABLES)
    read = extract(plan, write_rules(tmp_path, name, text))
    assert [section.title for section in read.sections] == ["重点任务", "保障措施"]
    assert {(target.value, target.unit) for target in read.targets} <= {(20, "处"), (50, "公里"), (12, "个"), (300, "人次")}


def test_a_user_headings_file_with_no_numbering_style_is_refused_naming_the_key(tmp_path):
    """Every marker is found by one alternation of the styles: none left made it match everywhere (an internal error)."""
    rules = write_rules(tmp_path, "headings.yaml", "styles: []\n")
    with pytest.raises(PlanparseError) as error:
        extract(write_plan(tmp_path, PLAN), rules)
    assert str(error.value) == f"{rules / 'headings.yaml'}: styles: List should have at least 1 item after validation, not 0"


def test_a_user_responsibilities_file_with_no_role_words_reads_the_units(tmp_path):
    """The role words closing a unit (县水利局牵头) were one alternation: none left matched every unit's end, and finding which
    word it was stopped the plan on StopIteration (an internal error)."""
    plan = write_plan(tmp_path, "一、重点任务\n（一）新建农村供水工程20处。（责任单位：县水利局、县财政局）\n")
    read = extract(plan, write_rules(tmp_path, "responsibilities.yaml", "role_words: []\n"))
    assert [(note.lead, note.support) for note in read.responsibilities] == [([], ["县水利局", "县财政局"])]


@pytest.mark.parametrize(("text", "measure", "reader"), [
    pytest.param("units: []\n", "length", "rule length-of-one-object", id="none"),
    pytest.param("units:\n  - measure: count\n    kind: count\n    words: [所, 个]\n    examples:\n"
                 "      - {field: education, text: 新建学校12所, value: 12, unit: 所}\n"
                 "      - {field: environment, text: 建成公园5个, value: 5, unit: 个}\n",
                 "length", "rule length-of-one-object", id="counts-only"),
])
def test_a_user_units_list_leaving_a_measure_a_rule_reads_is_refused_naming_the_users_file(tmp_path, text, measure, reader):
    """A user's units list replaces the shipped one: a measure the shipped rules read left with no words stopped the
    plan naming the shipped targets.yaml (rule length-of-one-object: unknown fragment {length_unit}), a file the user
    never touched; now the user's file and its field."""
    rules = write_rules(tmp_path, "quantities.yaml", text)
    with pytest.raises(PlanparseError) as error:
        extract(write_plan(tmp_path, PLAN), rules)
    assert str(error.value) == (f"{rules / 'quantities.yaml'}: units: no words of measure {measure}, which {reader} reads "
                                f"({{{measure}_unit}}); list some, or put your entries under extend: to keep the shipped ones")
