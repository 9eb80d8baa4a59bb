"""Responsibilities: the gold lists of the eight plans, rule examples, where an annotation belongs, formats agree."""
from __future__ import annotations

import csv
import io
from functools import lru_cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES, SEEDS, gold_text_path, load_gold, write_lined_and_flat, write_plan

from planparse.cli import cli
from planparse.models import Document, Paragraph
from planparse.pipeline import extract
from planparse.responsibilities import extract_responsibilities
from planparse.responsibility_notes import (
    CompiledResponsibilityRules,
    RoleWord,
    check_responsibility_rules,
    duties,
    parse_annotation,
    responsibility_rules,
    sentence_notes,
    split_outside_brackets,
)
from planparse.structure import build_outline

RULES = responsibility_rules()


@lru_cache(maxsize=None)
def extracted(path) -> Document:
    return extract(path)


def as_scored(responsibilities: list[dict]) -> list[tuple]:
    """The fields the scorer reads, in order."""
    return [(r["heading"], r["source"], r["lead"], r["support"]) for r in responsibilities]


def scored_of(document: Document) -> list[tuple]:
    return as_scored([r.model_dump() for r in document.responsibilities])


def test_gold_responsibilities_are_found_exactly(gold_doc):
    gold = load_gold(gold_doc, "targets").get("responsibilities") or []
    assert scored_of(extracted(gold_text_path(gold_doc))) == as_scored(gold)


@pytest.mark.parametrize("example", RULES.rules.examples, ids=lambda e: e.text[:14])
def test_rule_examples_give_their_lead_and_support(example):
    assert parse_annotation(example.text.strip("（）()〔〕"), RULES) == (example.lead, example.support)


@pytest.mark.parametrize("text", RULES.rules.not_examples)
def test_rule_not_examples_are_prose(text):
    assert parse_annotation(text[1:-1], RULES) is None


def rules_with(**changes) -> CompiledResponsibilityRules:
    return CompiledResponsibilityRules(RULES.rules.model_copy(update=changes), Path("responsibilities.yaml"))


def test_the_rule_check_reports_an_example_that_gives_other_units():
    assert check_responsibility_rules(RULES) == []
    wrong = RULES.rules.examples[0].model_copy(update={"lead": ["区科协"]})
    assert len(check_responsibility_rules(rules_with(examples=[wrong]))) == 1


def test_the_rule_check_compares_a_duty_examples_work_and_units_alone():
    # the school-meal and audit examples (education, public finance): each duty listed as work, lead and support
    examples = RULES.rules.duty_examples
    meals, audit = examples[1], examples[-1]
    assert check_responsibility_rules(rules_with(duty_examples=[meals, audit])) == []
    other_work = meals.model_copy(update={"duties": [meals.duties[0].model_copy(update={"work": "学校食品安全"})]})
    one_duty = audit.model_copy(update={"duties": audit.duties[:1]})
    assert len(check_responsibility_rules(rules_with(duty_examples=[other_work, one_duty]))) == 2


def test_a_users_role_word_and_opener_are_read_though_no_shipped_word_holds_their_characters():
    # a bracket or clause holding none of the characters every annotation holds one of is passed over unread: those
    # characters come from the rules in force (统筹 and 联手 share none with the shipped role words and 会同)
    assert parse_annotation("市发展改革委统筹", RULES) is None
    users = rules_with(role_words=[*RULES.rules.role_words, RoleWord(word="统筹", role="lead")], support_opener="联手")
    assert parse_annotation("市发展改革委统筹", users) == (["市发展改革委"], [])
    assert parse_annotation("市教育局联手市科协", users) == (["市教育局"], ["市科协"])
    assert parse_annotation("2022—2025年", users) is None


def test_an_opener_whose_matches_cannot_be_told_leaves_every_annotation_read():
    never = rules_with(support_opener="(?!)")
    assert never.may_annotate is None
    assert parse_annotation("市发展改革委牵头，市财政局配合", never) == (["市发展改革委"], ["市财政局"])


def test_units_are_never_split_inside_brackets():
    assert split_outside_brackets("各县（市、区）政府（管委会）、市科协，团市委", RULES.separator) == [
        "各县（市、区）政府（管委会）", "市科协", "团市委"]


def responsibilities_of(texts: list[str]):
    outline = build_outline([Paragraph(text=text, line=i) for i, text in enumerate(texts, 1)])
    return [(r.section, r.heading) for r in extract_responsibilities(outline, [])]


def test_an_annotation_after_the_last_item_closes_the_whole_section():
    found = responsibilities_of(["一、重点任务", "（一）青少年行动", "1.加强科学教育。内容。", "2.加强师资。内容。",
                                 "责任单位：市教育局牵头，市科协参加。", "（二）农民行动", "1.加强培训。内容。"])
    assert found == [("1.1", "青少年行动")]


def test_an_annotation_after_items_nested_deeper_closes_the_section_at_the_level_its_peers_are_noted():
    """Flood control and education plans: a note after the last （2） of the last 3. closes the （一） whose sibling
    sections carry notes, not the 3. (the note is written at one level of the plan)."""
    flood = responsibilities_of(["一、重点任务", "（一）排查隐患", "1.排查水库。内容。", "2.整治易涝点。", "（1）改造易涝点12处。",
                                 "（2）新建雨水管网8公里。", "责任单位：县水利局（牵头），县应急管理局。", "（二）加强预警",
                                 "1.新建雨量站20个。", "责任单位：县气象局。"])
    schools = responsibilities_of(["一、主要任务", "（一）改善办学条件", "1.推进学校建设。", "（1）新建小学2所。",
                                   "（2）改扩建初中1所。", "责任单位：县教育局牵头，县财政局配合。", "（二）加强师资",
                                   "1.招聘教师120名。", "责任单位：县教育局。"])
    assert flood == [("1.1", "排查隐患"), ("1.2", "加强预警")]
    assert schools == [("1.1", "改善办学条件"), ("1.2", "加强师资")]


def test_a_note_after_the_last_items_of_a_top_section_whose_peers_are_noted_closes_it():
    """Animal health and library plans: the top sections are peers too: a note after the last 2. of the last （三） of
    二、 closes 二、 when 三、 carries a note of its own; a top section holding another note is closed by none after it."""
    animals = responsibilities_of(["一、防控目标", "免疫密度保持在90%以上。", "二、免疫工作", "（一）免疫病种", "内容。", "（二）免疫质量",
                                   "1.加强免疫记录。", "2.开展效果评价。", "（牵头单位：县动物疫病预防控制中心；配合单位：各乡镇人民政府）",
                                   "三、检疫监督", "产地检疫率达到100%。", "（牵头单位：县动物卫生监督所）"])
    libraries = responsibilities_of(["一、完善设施网络", "（一）建设分馆", "1.新建乡镇分馆8个。", "2.建设城市书房5个。",
                                     "责任单位：县文化旅游局牵头，县财政局配合。", "二、丰富服务供给", "每年举办阅读活动200场。",
                                     "责任单位：县图书馆。"])
    nearest = responsibilities_of(["一、主要任务", "（一）改善办学条件", "1.新建小学2所。", "责任单位：县教育局。", "（二）加强师资",
                                   "1.充实教师队伍。", "（1）招聘教师120名。", "（2）培训校长30名。", "责任单位：县人社局。",
                                   "二、保障措施", "内容。", "责任单位：县财政局。"])
    assert animals == [("2", "免疫工作"), ("3", "检疫监督")]
    assert libraries == [("1", "完善设施网络"), ("2", "丰富服务供给")]
    assert nearest == [("1.1", "改善办学条件"), ("1.2", "加强师资"), ("2", "保障措施")]


def test_a_note_after_nested_items_with_no_noted_peer_closes_the_item_it_ends():
    """With no sibling noted at any level, the note closes the item whose last part it follows, as before."""
    found = responsibilities_of(["一、主要任务", "（一）改善办学条件", "1.推进学校建设。", "（1）新建小学2所。",
                                 "（2）改扩建初中1所。", "责任单位：县教育局。", "（二）加强师资", "1.招聘教师120名。"])
    assert found == [("1.1.1", "推进学校建设")]


def test_a_note_after_the_one_item_of_a_section_whose_peers_note_each_item_closes_that_item():
    """Credit and tourism plans, their notes on lines of their own (as a flat copy's restored lines have them): where the
    other sections carry a note to each item, the one item of the last section keeps its own note too."""
    credit = responsibilities_of(["一、夯实信用基础", "1.推进信息归集。内容。", "（责任单位：县发展和改革局）", "2.推行信用承诺。内容。",
                                  "（责任单位：县政务服务中心）", "二、强化信用监管", "3.推进分级监管。内容。", "（责任单位：县市场监督管理局）",
                                  "4.实施失信惩戒。内容。", "（责任单位：县人民法院）", "三、加强组织保障", "5.完善推进机制。内容。",
                                  "（责任单位：县发展和改革局）"])
    tourism = responsibilities_of(["一、丰富旅游产品", "（一）打造精品线路。内容。", "（牵头单位：县文化旅游局）", "（二）培育乡村民宿。内容。",
                                   "（牵头单位：县农业农村局）", "二、强化要素保障", "（一）加大资金投入。内容。", "（牵头单位：县财政局）"])
    assert credit == [("1.1", "推进信息归集"), ("1.2", "推行信用承诺"), ("2.1", "推进分级监管"), ("2.2", "实施失信惩戒"),
                      ("3.1", "完善推进机制")]
    assert tourism == [("1.1", "打造精品线路"), ("1.2", "培育乡村民宿"), ("2.1", "加大资金投入")]


def test_an_annotation_inside_an_item_closes_that_item():
    found = responsibilities_of(["一、重点任务", "1.加强科学教育。内容。〔责任单位：市教育局〕", "2.加强师资。内容。",
                                 "〔责任单位：市人社局〕"])
    assert found == [("1.1", "加强科学教育"), ("1.2", "加强师资")]


def test_a_label_ending_an_items_paragraph_closes_that_item():
    texts = ["一、重点任务", "1.加强人才引进。最高给予5000万元资助。责任单位：市委组织部、市科技局。",
             "2.加强培训。每年培训技工500名；责任单位：市人社局", "3.加强宣传。宣传中注明责任单位：市委宣传部"]
    assert responsibilities_of(texts) == [("1.1", "加强人才引进"), ("1.2", "加强培训")]


def test_a_bracket_note_of_prose_is_not_an_annotation():
    assert responsibilities_of(["一、改革", "（一）证书。技工院校内由人力资源社会保障行政部门负责（技工院校内由人力资源社会保障行政部门负责）。"]) == []


def test_table_rows_link_to_the_section_of_their_action():
    document = extracted(SAMPLES / "jieyang-2022.txt")
    rows = [r for r in document.responsibilities if r.source == "table"]
    sections = {s.id: s.title for s in _walk(document.sections)}
    assert len(rows) == 11 and all(r.section for r in rows)
    assert all(sections[r.section] == r.heading for r in rows)


def table_rows(tmp_path, text: str) -> list[tuple]:
    """Each responsibility of the plan ``text``: its heading, section, lead and support."""
    return [(r.heading, r.section, r.lead, r.support) for r in extract(write_plan(tmp_path, text)).responsibilities]


def test_a_row_links_to_the_section_its_task_column_names(tmp_path):
    rows = table_rows(tmp_path, "某市实施方案\n一、重点任务\n（一）加强基层医疗。内容。\n（二）推进智慧医疗。内容。\n附件\n重点任务分工表\n"
                      "序号\t重点任务\t具体措施\t牵头单位\t配合单位\t完成时限\n"
                      "1\t加强基层医疗\t建设社区卫生服务中心\t市卫健委\t市财政局、市发改委\t2023年底\n"
                      "2\t推进智慧医疗\t建设互联网医院\t市卫健委、市大数据局\t各县（市、区）政府\t持续推进\n")
    assert rows == [("建设社区卫生服务中心", "1.1", ["市卫健委"], ["市财政局", "市发改委"]),
                    ("建设互联网医院", "1.2", ["市卫健委", "市大数据局"], ["各县（市、区）政府"])]


def test_a_table_with_its_units_before_an_unnamed_task_column_takes_the_task_not_the_row_number(tmp_path):
    # 数字经济: 序号 | 牵头单位 | 配合单位 | 主要工作 | 完成时间 (主要工作 names no task the rules know)
    rows = table_rows(tmp_path, "某市数字经济行动方案\n一、重点任务\n（一）推进5G网络建设。内容。\n（二）建设算力中心。内容。\n附件\n分工表\n"
                      "序号\t牵头单位\t配合单位\t主要工作\t完成时间\n"
                      "1\t市工业和信息化局\t市通信管理局\t推进5G网络建设\t2025年\n"
                      "2\t市发展改革委\t市财政局\t建设算力中心\t2026年\n")
    assert rows == [("推进5G网络建设", "1.1", ["市工业和信息化局"], ["市通信管理局"]),
                    ("建设算力中心", "1.2", ["市发展改革委"], ["市财政局"])]


def test_a_unit_cell_is_no_section_title(tmp_path):
    # 养老: a plan whose sections are its departments; a row whose task is none of its titles has no section
    rows = table_rows(tmp_path, "某县养老服务行动方案\n一、部门职责\n（一）县民政局\n1.完善居家养老服务网络。\n（二）县卫生健康局\n"
                      "1.推进医养结合。\n附件\n任务分工表\n序号\t牵头单位\t配合单位\t主要工作\n"
                      "1\t县民政局\t县财政局\t建设社区老年食堂20个\n2\t县卫生健康局\t县医保局\t推进医养结合\n")
    assert [row[:2] for row in rows] == [("建设社区老年食堂20个", None), ("推进医养结合", "1.2.1")]


def _walk(sections):
    for section in sections:
        yield section
        yield from _walk(section.children)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("seed", SEEDS)
def test_docx_and_pdf_give_the_metadata_and_responsibilities_of_the_text(seed, fmt):
    text, other = extracted(SAMPLES / f"{seed}.txt"), extracted(SAMPLES / f"{seed}.{fmt}")
    assert text.responsibilities
    assert scored_of(other) == scored_of(text)
    assert other.metadata == text.metadata


def test_csv_writes_one_row_per_responsibility():
    result = CliRunner().invoke(cli, ["extract", str(SAMPLES / "jinjiang-2022.txt"), "--format", "csv", "--table", "responsibilities"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output.lstrip("\ufeff"))))
    assert len(rows) == 10
    assert (rows[0]["heading"], rows[0]["lead"]) == ("青少年科学素质提升行动", "市教育局；市科协")
    assert rows[3]["support"].split("；")[:2] == ["市委组织部（老干局）", "宣传部（网信办）"]


def test_the_rest_of_a_list_is_not_a_unit():
    """等有关部门 / 等区预防办成员单位 close a list: the units before them are the units."""
    texts = ["一、主要任务", "（一）加强重点车辆动态监管工作。推进卫星定位装置安装使用。"
             "（区交通与建设局、区公安局牵头，县教育局、交通局、公安局等有关部门配合）",
             "（二）严格落实事故预防定期分析研判制度。每月召开分析会。"
             "（区预防办牵头，区公安局、区经济发展局等区预防办成员单位配合）"]
    outline = build_outline([Paragraph(text=text, line=i) for i, text in enumerate(texts, 1)])
    assert [(r.lead, r.support) for r in extract_responsibilities(outline, [])] == [
        (["区交通与建设局", "区公安局"], ["县教育局", "交通局", "公安局"]),
        (["区预防办"], ["区公安局", "区经济发展局"])]


@pytest.mark.parametrize("example", RULES.rules.duty_examples, ids=lambda e: e.text[:14])
def test_duty_examples_give_their_work_lead_and_support(example):
    assert [(duty.work, duty.lead, duty.support) for duty in duties(example.text, RULES)] == [
        (duty.work, duty.lead, duty.support) for duty in example.duties]


@pytest.mark.parametrize("text", RULES.rules.duty_not_examples, ids=lambda text: text[:14])
def test_duty_not_examples_state_no_duty(text):
    assert duties(text, RULES) == []


def test_a_section_on_who_does_what_gives_each_duty_sentence_as_a_responsibility(tmp_path):
    """Safety-credit, school-meal and fire-safety plans (reader P3, P14): under 二、职责分工 each clause opening with units
    and 负责, and each line opening with units and a colon, is a responsibility for the work after it, in that section; a
    duty stated in a task section (县教育局负责组织学校自查 under 一、) is prose."""
    plan = write_plan(tmp_path, "\n".join([
        "某县学校食品安全和安全生产诚信体系建设实施方案",
        "一、主要任务",
        "（一）开展专项检查。县教育局负责组织学校自查。",
        "二、职责分工",
        "县教育局负责制定实施细则，统筹推进各项工作。",
        "县卫健局、县市场监管局负责学校食品安全监督检查。",
        "县应急管理局（安监）负责建立危险化学品行业的企业安全生产诚信体系。",
        "民政部门：组织、指导和督促养老院、敬老院的火灾隐患排查整治工作。",
        "县财政局负责落实专项资金，县审计局负责资金使用审计。",
    ]))
    assert [(r.heading, r.section, r.lead, r.support) for r in extract(plan).responsibilities] == [
        ("制定实施细则，统筹推进各项工作", "2", [], ["县教育局"]),
        ("学校食品安全监督检查", "2", [], ["县卫健局", "县市场监管局"]),
        ("建立危险化学品行业的企业安全生产诚信体系", "2", [], ["县应急管理局（安监）"]),
        ("组织、指导和督促养老院、敬老院的火灾隐患排查整治工作", "2", [], ["民政部门"]),
        ("落实专项资金", "2", [], ["县财政局"]),
        ("资金使用审计", "2", [], ["县审计局"]),
    ]


def test_a_duty_under_a_subsection_of_the_section_on_who_does_what_is_a_responsibility_there(tmp_path):
    """Education and water-works plans: a section on who does what may part its duties into subsections (二、职责分工 /
    （一）教育部门): each duty sentence under them is one, in its subsection, as under the section's own title; one under a
    subsection of a task or a safeguard section (一、 / （一）…, 三、 / （一）…) is prose, whichever subsections came before."""
    plan = write_plan(tmp_path, "\n".join([
        "某县义务教育薄弱环节改善和水利工程建设实施方案",
        "一、主要任务", "（一）改善办学条件。", "县教育局负责组织学校自查。",
        "二、职责分工", "（一）教育部门", "县教育局负责制定实施细则。", "（二）水利部门", "县水利局负责水库除险加固。",
        "三、保障措施", "（一）加强督导。", "县政府督查室负责跟踪督办。",
    ]))
    assert [(r.heading, r.section, r.lead, r.support) for r in extract(plan).responsibilities] == [
        ("制定实施细则", "2.1", [], ["县教育局"]),
        ("水库除险加固", "2.2", [], ["县水利局"]),
    ]


def test_a_duty_that_a_lead_and_its_helper_share_is_one_responsibility_lined_or_flat(tmp_path):
    """Reader S6 (wild/13, government services; and water): …牵头实施，区数字办配合制定技术方案 gave two duties, the lead's
    alone twice; with the line breaks lost, the duty after 具体任务分工如下： was dropped."""
    lines = ["某区权力运行网上公开工作方案", "一、主要任务", "开展网上公开试点。", "二、职责分工",
             "由区纪工委、区数字办共同牵头。具体任务分工如下：",
             "区纪工委负责监督检查，督促各单位按照序时进度开展工作。",
             "区行政服务中心作为建设单位牵头实施，区数字办配合制定技术方案，进行统一工作平台建设。",
             "县水利局牵头实施河道清淤，各乡镇配合做好群众工作。"]
    for copy in write_lined_and_flat(tmp_path, lines):
        assert [(r.heading, r.lead, r.support) for r in extract(copy).responsibilities] == [
            ("职责分工", ["区纪工委", "区数字办"], []),
            ("监督检查，督促各单位按照序时进度开展工作", [], ["区纪工委"]),
            ("实施，区数字办配合制定技术方案，进行统一工作平台建设", ["区行政服务中心"], ["区数字办"]),
            ("实施河道清淤，各乡镇配合做好群众工作", ["县水利局"], ["各乡镇"]),
        ], copy.name


def test_a_section_whose_every_item_opens_with_units_and_their_duty_gives_each_duty_lined_or_flat(tmp_path):
    """wild/10 (school traffic) and a health plan: a section of whatever title (五、工作内容) whose every item opens with
    units and 负责 or 牵头 is a list of who does what, as 职责分工 is; a task section with one such item among others
    stays prose."""
    lines = ["某区平安上学路和学校卫生专项整治工作方案",
             "一、主要任务", "1.开展校园周边交通整治。", "2.区卫健局负责开展学校传染病防控督导。",
             "二、工作内容",
             "1.区交通与建设局负责打击面包车、两轮摩托车等非校车的非法营运行为；",
             "2.区公安局负责针对涉重点车辆无牌、无证、超员等违法行为开展重点整治；",
             "3.区卫健局、区市场监管局负责学校食堂食品安全监督检查；",
             "4.各乡镇负责组织辖区内中小学周围路段交通安全专项整治工作。",
             "三、工作要求", "各单位要加强宣传。"]
    for copy in write_lined_and_flat(tmp_path, lines):
        assert [(r.section, r.lead, r.support) for r in extract(copy).responsibilities] == [
            ("2.1", [], ["区交通与建设局"]), ("2.2", [], ["区公安局"]), ("2.3", [], ["区卫健局", "区市场监管局"]),
            ("2.4", [], ["各乡镇"]),
        ], copy.name


def test_a_run_in_title_under_a_duties_section_is_no_part_of_its_first_unit_lined_or_flat(tmp_path):
    """A pension plan (the reader's Z2): under 四、职责分工 an item whose title runs into its body with no stop
    (（一）统筹协调县民政局负责…) gives the body's unit, not the title glued to it (统筹协调县民政局, 资金保障县财政局); a
    title that ends with 。 reads as before."""
    lines = ["某县养老服务体系建设实施方案",
             "四、职责分工",
             "（一）统筹协调县民政局负责统筹协调全县养老服务工作。",
             "（二）资金保障县财政局负责落实养老服务资金。",
             "（三）医养结合。县卫健局负责推进医养结合。",
             "五、保障措施", "各单位要加强宣传。"]
    for copy in write_lined_and_flat(tmp_path, lines):
        supports = [r.support for r in extract(copy).responsibilities]
        assert ["统筹协调县民政局"] not in supports, copy.name
        if copy.name.startswith("lined"):  # flat, the items are no headings and the section no duties section
            assert ["县民政局"] in supports and ["县卫健局"] in supports, copy.name


def test_a_run_in_title_in_a_sentence_as_short_as_a_title_is_no_part_of_its_first_unit(tmp_path):
    """Z2's second form: a short title a section word closes, run into a sentence as short as a title
    (（二）资金保障县财政局负责…), is cut before the body's unit as a longer one is (elder care)."""
    lines = ["某县养老服务体系建设实施方案", "四、职责分工",
             "（一）统筹协调县民政局负责统筹协调全县养老服务工作。", "（二）资金保障县财政局负责落实养老服务资金。",
             "五、保障措施", "各单位要加强宣传。"]
    for copy in write_lined_and_flat(tmp_path, lines):
        supports = [r.support for r in extract(copy).responsibilities]
        assert ["资金保障县财政局"] not in supports, copy.name
        if copy.name.startswith("lined"):
            assert ["县财政局"] in supports, copy.name


@pytest.mark.parametrize("example", RULES.rules.sentence_examples, ids=lambda e: e.text[:14])
def test_sentence_examples_give_their_lead_and_support(example):
    assert sentence_notes(example.text, RULES)[0][1:] == (example.lead, example.support)


@pytest.mark.parametrize("sentence", ["由各县（市、区）人民政府负责组织实施", "由于资金不足，导致进度滞后", "由此，形成工作合力",
                                      # units pointing to those named elsewhere name no one (the second reader's W15)
                                      "具体由各牵头单位组织实施", "各成员单位按职责分工负责", "由各责任单位组织实施"])
def test_a_sentence_naming_no_lead_is_no_note(sentence):
    assert sentence_notes(sentence, RULES) == []


def test_a_sentence_opening_with_who_leads_annotates_its_item():
    """A plan with no bracketed notes names the lead in the item's text (不动产统一登记 2015)."""
    texts = ["二、工作步骤",
             "（一）开展不动产登记现状调研。由区环境与国土资源局牵头，区党群工作部、区经济发展局、区交通与建设局等部门配合，"
             "对区直相关部门不动产登记职责、机构、编制等情况开展调研。",
             "（二）组建统一登记机构。由区党群工作部牵头，在调研的基础上，组建区不动产登记局。",
             "（三）做好工作衔接。各有关部门要积极配合，由此形成工作合力。"]
    outline = build_outline([Paragraph(text=text, line=i) for i, text in enumerate(texts, 1)])
    assert [(r.heading, r.lead, r.support) for r in extract_responsibilities(outline, [])] == [
        ("开展不动产登记现状调研", ["区环境与国土资源局"], ["区党群工作部", "区经济发展局", "区交通与建设局"]),
        ("组建统一登记机构", ["区党群工作部"], [])]


def test_an_items_own_note_wins_over_a_sentence_of_its_text():
    texts = ["一、主要任务", "1.完善非遗名录体系。开展推荐申报工作。由区旅游文体局牵头，规范名录体系建设。",
             "责任单位：区旅游文体局，各片区管理局，区旅游文化中心", "2.完善传承人队伍建设。健全认定和管理制度。"]
    outline = build_outline([Paragraph(text=text, line=i) for i, text in enumerate(texts, 1)])
    assert [(r.heading, r.lead, r.support) for r in extract_responsibilities(outline, [])] == [
        ("完善非遗名录体系", [], ["区旅游文体局", "各片区管理局", "区旅游文化中心"])]


def test_units_joined_by_he_are_two_units_and_names_holding_he_stay_whole():
    texts = ["一、主要任务", "（一）严格道路交通安全执法。开展集中整治。（区公安局牵头，各级政府和各有关部门配合）",
             "（二）强化客货运车辆安全整治。（区交通与建设局、区公安局牵头，区经济发展局和县质监局、县旅游局等有关部门配合）",
             "（三）推进数字化转型。（牵头单位：市工业和信息化局；配合单位：市人力资源和社会保障局、市住房和城乡建设局）"]
    outline = build_outline([Paragraph(text=text, line=i) for i, text in enumerate(texts, 1)])
    assert [(r.lead, r.support) for r in extract_responsibilities(outline, [])] == [
        (["区公安局"], ["各级政府", "各有关部门"]),
        (["区交通与建设局", "区公安局"], ["区经济发展局", "县质监局", "县旅游局"]),
        (["市工业和信息化局"], ["市人力资源和社会保障局", "市住房和城乡建设局"])]


def test_a_role_in_brackets_after_a_unit_is_its_role_and_a_part_it_leads_is_no_part_of_its_name():
    texts = ["一、主要任务", "（一）建立统计监测制度。按季度发布。（责任单位：市发展改革委（牵头）、市财政局、市统计局）",
             "（二）大健康产业链", "牵头单位：区社会事业局（牵头医疗医美板块）、区市场监管局（牵头医药器械板块）",
             "配合单位：各片区管理局，区旅游文体局"]
    outline = build_outline([Paragraph(text=text, line=i) for i, text in enumerate(texts, 1)])
    assert [(r.lead, r.support) for r in extract_responsibilities(outline, [])] == [
        (["市发展改革委"], ["市财政局", "市统计局"]),
        (["区社会事业局", "区市场监管局"], ["各片区管理局", "区旅游文体局"])]


@pytest.mark.parametrize("sentence, lead, support", [
    # disease emergency relief (平潭 2015)
    ("（二）身份认定。身份认定工作由区社会事业局牵头，其他相关部门予以协助。", ["区社会事业局"], ["其他相关部门"]),
    # a sports plan
    ("（三）赛事组织。具体工作由市体育局牵头，市教育局、市卫生健康委配合，确保赛事安全。", ["市体育局"], ["市教育局", "市卫生健康委"]),
])
def test_the_work_a_sentence_names_before_who_leads_it(sentence, lead, support):
    outline = build_outline([Paragraph(text=text, line=i) for i, text in enumerate(["一、工作程序", sentence], 1)])
    assert [(r.lead, r.support) for r in extract_responsibilities(outline, [])] == [(lead, support)]


def test_a_sentence_note_in_a_paragraph_after_a_sections_last_item_closes_the_section():
    texts = ["三、对象范围", "（一）救助对象。在我区行政区域内发生急重危伤病的患者。", "1.城乡低保对象、重度残疾人。",
             "2.因突发事件造成基本生活难以维持的。", "身份认定工作由区社会事业局牵头，其他相关部门予以协助。",
             "（二）基金使用范围。用于支付救助对象的救治费用。"]
    outline = build_outline([Paragraph(text=text, line=i) for i, text in enumerate(texts, 1)])
    assert [(r.heading, r.lead) for r in extract_responsibilities(outline, [])] == [("救助对象", ["区社会事业局"])]


def notes_of(texts: list[str]) -> list[tuple[str, list[str], list[str]]]:
    outline = build_outline([Paragraph(text=text, line=i) for i, text in enumerate(texts, 1)])
    return [(r.heading, r.lead, r.support) for r in extract_responsibilities(outline, [])]


def test_who_leads_named_in_an_items_text_without_brackets_or_labels():
    """Traffic safety, education and health plans: a note opening a sentence without 由, a 由…牵头 inside
    a sentence, a heading that opens or closes with who leads."""
    assert notes_of([
        "一、工作任务",
        "（一）强化宣传教育。区委宣传部牵头，各乡镇配合，开展交通安全宣传。",
        "（二）推进集团化办学。各县（市、区）人民政府要在市教育局指导下，由各县（市、区）教育局牵头组建教育集团。",
        "（三）县卫健局牵头：建设紧密型县域医共体",
        "2023年底前建成医共体2个。",
        "（四）加强基层卫生人才队伍建设，市卫生健康委牵头、市人力资源社会保障局配合",
        "每年招聘医学毕业生50名。",
    ]) == [
        ("强化宣传教育", ["区委宣传部"], ["各乡镇"]),
        ("推进集团化办学", ["各县（市、区）教育局"], []),
        ("县卫健局牵头：建设紧密型县域医共体", ["县卫健局"], []),
        ("加强基层卫生人才队伍建设，市卫生健康委牵头、市人力资源社会保障局配合", ["市卫生健康委"], ["市人力资源社会保障局"]),
    ]


def test_a_sentence_opened_by_a_unit_working_with_others_names_the_lead_and_support():
    """Environment, education and health plans: 会同 with neither 由 nor 牵头. A body at its own duty with 有关部门
    is prose, as the 无废城市 gold reads it; so is a 会同 in what a document was made by (…会同省住建厅制定的调查表)."""
    assert notes_of([
        "一、主要任务",
        "（一）加强工业污染治理。市生态环境局会同市发展改革委、市工业和信息化局制定重点行业超低排放改造计划。",
        "（二）完善课后服务。县教育局会同县财政局、县人社局按照职责分工抓好落实。",
        "（三）做好救助衔接。区社会事业局负责制定工作流程；区卫生健康局会同区医保局研究提出基金规模。",
        "（四）开展房屋调查。调查采用省国土厅会同省住建厅制定的《农村房屋调查表》。",
        "（五）加强指导。教育部会同有关部门加强对地方的指导。",
    ]) == [
        ("加强工业污染治理", ["市生态环境局"], ["市发展改革委", "市工业和信息化局"]),
        ("完善课后服务", ["县教育局"], ["县财政局", "县人社局"]),
        ("做好救助衔接", ["区卫生健康局"], ["区医保局"]),
    ]


def test_labels_parted_by_semicolons_after_an_items_sentence():
    """Health and environment plans: 责任单位：…；配合单位：…；完成时限：… closing the item's paragraph. Beside a label of
    helpers, 责任单位 names the leads (rules/responsibilities.yaml leads_beside_helpers; alone, it names helpers)."""
    assert notes_of([
        "一、重点任务",
        "（一）提升乡镇卫生院服务能力。责任单位：县卫健局；配合单位：县财政局、县人社局；完成时限：2024年底。",
        "（二）开展黑臭水体整治。牵头单位：市生态环境局；配合单位：市水务局、各区人民政府；完成时限：2023年12月底。",
    ]) == [
        ("提升乡镇卫生院服务能力", ["县卫健局"], ["县财政局", "县人社局"]),
        ("开展黑臭水体整治", ["市生态环境局"], ["市水务局", "各区人民政府"]),
    ]


def test_a_notes_units_parted_by_spaces_are_as_many_units(tmp_path):
    """Education, water and transport plans as web pages and PDF copies give them (reader W14): a note's units set apart
    by spaces (half- or full-width) are as many units, as a table cell's are; a unit and its role word stay apart."""
    plan = write_plan(tmp_path, "\n".join([
        "某县基础设施建设行动方案",
        "一、重点任务",
        "（一）开展校园周边环境整治。（责任单位：县教育局 县公安局 县市场监管局）",
        "（二）推进河湖治理。（牵头单位：县水利局 县生态环境局；配合单位：县财政局　县自然资源局）",
        "（三）完善农村公路网。责任单位：县交通运输局  各乡镇人民政府",
        "（四）建设智慧校园。（县教育局 牵头，县工信局 配合）",
    ]))
    assert [(r.heading, r.lead, r.support) for r in extract(plan).responsibilities] == [
        ("开展校园周边环境整治", [], ["县教育局", "县公安局", "县市场监管局"]),
        ("推进河湖治理", ["县水利局", "县生态环境局"], ["县财政局", "县自然资源局"]),
        ("完善农村公路网", [], ["县交通运输局", "各乡镇人民政府"]),
        ("建设智慧校园", ["县教育局"], ["县工信局"]),
    ]


def test_a_plan_saying_once_that_the_first_unit_leads_gives_each_notes_first_unit_as_its_lead(tmp_path):
    """Digital government and rural environment plans (reader Y4): a line of the plan (注：…排在第一位的单位为牵头单位)
    makes the first unit of every note and 分工表 row its lead; a note's 下同 does so from that note on. A note that names
    its lead keeps it, and a plan saying nothing of it keeps a 责任单位 note's units helpers."""
    (tmp_path / "once").mkdir(), (tmp_path / "below").mkdir()
    said_once = write_plan(tmp_path / "once", "\n".join([
        "某市数字政府建设实施方案",
        "一、重点任务",
        "（一）建设政务云。推进政务云平台扩容。（责任单位：市大数据局、市财政局）",
        "（二）推进一网通办。（责任单位：市政务服务中心（牵头）、市大数据局、各区政府）",
        "注：各项任务中排在第一位的单位为牵头单位，其他为配合单位。",
    ]))
    assert [(r.heading, r.lead, r.support) for r in extract(said_once).responsibilities] == [
        ("建设政务云", ["市大数据局"], ["市财政局"]),
        ("推进一网通办", ["市政务服务中心"], ["市大数据局", "各区政府"]),
    ]
    said_below = write_plan(tmp_path / "below", "\n".join([
        "某县农村人居环境整治方案",
        "一、重点任务",
        "（一）治理生活垃圾。建立收运体系。（责任单位：县城管局、县财政局）",
        "（二）治理生活污水。建设污水管网。（责任单位：县生态环境局、县住建局，排名第一的为牵头单位，下同）",
        "（三）改造农村厕所。推进户厕改造。（责任单位：县农业农村局、县卫健局）",
    ]))
    assert [(r.heading, r.lead, r.support) for r in extract(said_below).responsibilities] == [
        ("治理生活垃圾", [], ["县城管局", "县财政局"]),
        ("治理生活污水", ["县生态环境局"], ["县住建局"]),
        ("改造农村厕所", ["县农业农村局"], ["县卫健局"]),
    ]


def test_a_plan_saying_once_that_the_first_unit_leads_leaves_units_a_note_names_helpers_as_helpers(tmp_path):
    """Education, water, commerce and civil affairs plans (last read Z11, reader P5): the plan's 注 makes a note's first
    unit its lead unless its first clause names them helpers (a 配合单位 label, …配合); …负责, …按职责分工负责,
    …负责落实 and …共同推进 say who answers for the task, and a later clause's helpers (…，各乡镇参与) are others."""
    plan = write_plan(tmp_path, "\n".join([
        "某县教育和水利高质量发展实施方案",
        "注：各项任务中排在第一位的单位为牵头单位，其他为配合单位。",
        "一、重点任务",
        "（一）建设智慧校园。推进中小学网络提速。（配合单位：县财政局、县人社局）",
        "（二）治理中小河流。完成河道清淤。（县财政局、县自然资源局配合）",
        "（三）完善养老服务。推进居家养老服务。（县民政局、县财政局）",
        "（四）发展县域商业。建设乡镇商贸中心。（县商务局、县发改局等按职责分工负责）",
        "（五）促进文旅消费。举办消费季活动。（县文旅局、县商务局负责）",
        "（六）健全社会救助。推进救助信息共享。（县民政局、县人社局负责落实）",
        "（七）加强消防安全。开展隐患排查。（县民政局、县消防救援大队共同推进）",
        "（八）繁荣乡村文化。建设村级文化广场。（县委宣传部、县文旅局，各乡镇参与）",
        "（九）关爱困难职工。开展送温暖活动。（县人社局、县民政局，县总工会协助）",
    ]))
    assert [(r.heading, r.lead, r.support) for r in extract(plan).responsibilities] == [
        ("建设智慧校园", [], ["县财政局", "县人社局"]),
        ("治理中小河流", [], ["县财政局", "县自然资源局"]),
        ("完善养老服务", ["县民政局"], ["县财政局"]),
        ("发展县域商业", ["县商务局"], ["县发改局"]),
        ("促进文旅消费", ["县文旅局"], ["县商务局"]),
        ("健全社会救助", ["县民政局"], ["县人社局"]),
        ("加强消防安全", ["县民政局"], ["县消防救援大队"]),
        ("繁荣乡村文化", ["县委宣传部"], ["县文旅局", "各乡镇"]),
        ("关爱困难职工", ["县人社局"], ["县民政局", "县总工会"]),
    ]


@pytest.mark.parametrize("prose", ["由驻村第一书记牵头，制定村级发展规划。", "事发地乡镇人民政府要在第一时间牵头组织先期处置。",
                                   "落实党委书记第一责任人牵头抓总责任。"])
def test_a_first_of_a_word_before_who_leads_says_nothing_of_the_notes_leads(tmp_path, prose):
    """Rural and emergency plans (reader Y12): 第一书记, 第一时间, 第一责任人 are words of their own; a plan saying them keeps
    a 责任单位 note's units helpers."""
    plan = write_plan(tmp_path, "\n".join(["某县乡村振兴实施方案", "一、重点任务", f"（一）加强基层组织。{prose}",
                                             "（二）发展特色产业。（责任单位：县农业农村局、县财政局）"]))
    assert [(r.lead, r.support) for r in extract(plan).responsibilities if r.heading == "发展特色产业"] == [
        ([], ["县农业农村局", "县财政局"])]


def test_a_label_opens_a_note_after_a_comma_or_semicolon_as_after_a_full_stop():
    """Science popularisation and transport plans (the lead's finding 15): the note's first label follows the
    sentence's ，or ；, and keeps its role; a label inside a clause (…中注明责任单位：) or a bracket opens none."""
    assert notes_of([
        "一、重点任务",
        "（一）组织开展科普活动。各地要组织开展科普活动，牵头单位：市科协；配合单位：市教育局。",
        "（二）推进农村公路建设。新改建农村公路300公里；牵头单位：县交通运输局，配合单位：县财政局、各乡镇人民政府。",
        "（三）加强宣传。宣传材料中注明责任单位：市委宣传部。",
        "（四）完善站点。加快建设（含候车亭，责任单位：县交通运输局）。",
    ]) == [
        ("组织开展科普活动", ["市科协"], ["市教育局"]),
        ("推进农村公路建设", ["县交通运输局"], ["县财政局", "各乡镇人民政府"]),
    ]


def test_a_label_run_into_a_field_before_it_opens_its_note():
    """Reader T9 (wild/06, industrial chains; river chiefs, school safety): a note's lines joined, by a wrap or a copy that
    lost its line breaks, run each label into the field before it (链长：陈善光（区党工委书记）牵头单位：区经发局配合单位：…);
    a label opens its field wherever it stands. A label in brackets after a field is the bracket's note, read once."""
    assert notes_of([
        "一、河长设置",
        "（一）清溪河",
        "河长：张建国（县委书记）牵头单位：县水利局配合单位：县生态环境局、沿河各乡镇人民政府",
        "（二）白沙河",
        "河长：李明（县长）责任单位：县水利局配合单位：县自然资源局，县住建局完成时限：2024年底",
        "二、整治内容",
        "（一）校园周边交通秩序整治",
        "包保领导：王强（副区长）牵头单位：区公安分局配合单位：区教育局、区交通运输局",
        "（二）校园食品安全整治",
        "工作要求：加强食堂检查（牵头单位：区市场监管局）",
        "（三）水资源保护",
        "责任领导：张某某（副县长）牵头单位：县水利局配合单位：县自然资源局、各乡镇",
    ]) == [
        ("清溪河", ["县水利局"], ["县生态环境局", "沿河各乡镇人民政府"]),
        ("白沙河", ["县水利局"], ["县自然资源局", "县住建局"]),
        ("校园周边交通秩序整治", ["区公安分局"], ["区教育局", "区交通运输局"]),
        ("校园食品安全整治", ["区市场监管局"], []),
        ("水资源保护", ["县水利局"], ["县自然资源局", "各乡镇"]),
    ]


def test_a_flat_copys_note_labels_after_a_heading_title_or_a_persons_field_give_the_lined_copys_duties(tmp_path):
    """Reader U4 (water, school safety, food safety): a flat line's label glued to its heading's title (（四）食堂检查责任单位：…)
    stayed in the title and opened no note, and one after a person's label's field (责任领导：张某某（副县长）牵头单位：…) lost
    its lead."""
    lines = ["某县水资源保护和校园食品安全工作方案", "为加强水资源保护和校园食品安全工作，结合我县实际，制定本方案。", "一、重点任务",
             "（一）水资源保护", "责任领导：张某某（副县长）", "牵头单位：县水利局", "配合单位：县自然资源局、各乡镇",
             "（二）校园周边整治", "责任人：王某（副局长）", "牵头单位：县公安局", "配合单位：县教育局",
             "（三）食堂检查", "责任单位：县市场监管局", "配合单位：县教育局",
             "二、工作要求", "各单位要加强协作，确保各项任务落实到位。"]
    lined, flat = (extract(copy) for copy in write_lined_and_flat(tmp_path, lines))
    assert [(r.heading, r.lead, r.support) for r in flat.responsibilities] == [
        (r.heading, r.lead, r.support) for r in lined.responsibilities] == [
        ("水资源保护", ["县水利局"], ["县自然资源局", "各乡镇"]), ("校园周边整治", ["县公安局"], ["县教育局"]),
        ("食堂检查", ["县市场监管局"], ["县教育局"])]


def test_a_flat_copys_labelled_lines_give_the_duties_of_the_lined_copy(tmp_path):
    """Reader T9: wild/06 flattened gave none of its 11 duties (链长：… before each 牵头单位：…)."""
    lines = ["某区重点产业链长制工作方案", "为推动产业链高质量发展，结合我区实际，制定本方案。", "一、产业链链长工作专班",
             "（一）物流贸易产业链", "链长：陈善光（区党工委书记）", "牵头单位：区经发局", "配合单位：各片区管理局，区交建局，平潭海关",
             "（二）数字经济产业链", "链长：林文耀（区党工委副书记）", "牵头单位：区审批局", "配合单位：区经发局、宣传办",
             "二、工作要求", "各责任单位要明确分管领导、责任处室和责任人。"]
    lined, flat = (extract(copy) for copy in write_lined_and_flat(tmp_path, lines))
    assert [(r.section, r.lead, r.support) for r in flat.responsibilities] == [
        (r.section, r.lead, r.support) for r in lined.responsibilities] == [
        ("1.1", ["区经发局"], ["各片区管理局", "区交建局", "平潭海关"]), ("1.2", ["区审批局"], ["区经发局", "宣传办"])]


def test_a_sentence_of_units_and_roles_alone_closing_an_item_is_its_note():
    """Commerce, housing and education plans (the lead's finding 11): no brackets, no label, no unit leading; a
    heading's title of the same shape (强化部门协同: 部门 ends like a body, 协同 is a role word) is its task."""
    assert notes_of([
        "一、重点任务",
        "1.支持住房消费，全年新增商品房销售面积100万平方米。市住建局负责，各区政府按职责分工落实。",
        "2.全年举办促消费活动不少于100场。市商务局、市文旅局按职责分工负责。",
        "3.强化部门协同。建立联席会议制度。",
        "4.消费投诉按期办结率达到98%以上。由市市场监管局牵头，市12345热线中心配合。",
    ]) == [
        ("支持住房消费，全年新增商品房销售面积100万平方米", [], ["市住建局", "各区政府"]),
        ("全年举办促消费活动不少于100场", [], ["市商务局", "市文旅局"]),
        ("消费投诉按期办结率达到98%以上", ["市市场监管局"], ["市12345热线中心"]),
    ]


def test_a_sentence_saying_the_leads_named_elsewhere_carry_the_work_out_is_no_note_and_one_naming_a_body_is():
    """The second reader's W15 (civil affairs, water works): 具体由各牵头单位组织实施 in an item's text gave the duty
    具体由各牵头单位; 具体由县水利局组织实施 gave the unit 具体由县水利局."""
    assert notes_of([
        "一、重点任务",
        "（一）实施二十项民生实事。具体由各牵头单位组织实施。",
        "（二）完成病险水库除险加固8座。具体由县水利局组织实施。",
        "（三）新建村级养老服务站30个。各成员单位按职责分工负责。",
    ]) == [("完成病险水库除险加固8座", [], ["县水利局"])]


@pytest.mark.parametrize("text", [
    "（一）组织保障。各级科协牵头协调全民科学素质工作，完善工作机制。",  # who leads in prose: no note
    "（一）组织保障。市科协发挥综合协调作用，牵头沟通联络、搭建联动平台。",
    "（一）加强组织协调。建设期间，由区交通与建设局负责对各建设项目加强检查督促和组织验收。",  # no lead word
    "（一）明确职责。市教育局：负责统筹推进义务教育优质均衡发展。",  # a duty list by unit is no note
])
def test_prose_about_units_is_no_note(text):
    assert notes_of(["一、保障措施", text]) == []


def _table_rows(path) -> list[tuple[str, str | None, list[str], list[str]]]:
    return [(r.heading, r.section, r.lead, r.support) for r in extract(path).responsibilities if r.source == "table"]


def _html_table(rows: list[list[str]]) -> str:
    return "<table border='1'>" + "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows) + "</table>"


def test_a_table_whose_units_stand_left_of_the_action_and_headers_with_notes(tmp_path):
    """Rural environment (units left of the action: 序号 | 牵头部门 | 工作任务 | …) and business environment
    (责任单位（第一个为牵头单位）, 牵头单位（部门） | 协同单位（部门）), as web pages print them."""
    page = tmp_path / "plan.html"
    page.write_text("<html><head><meta charset='utf-8'></head><body>" + "".join(f"<p>{text}</p>" for text in [
        "某县农村人居环境和营商环境提升方案", "一、重点任务", "（一）推进农村厕所革命", "（二）压缩企业开办时间", "（三）提升政务服务效能"])
        + _html_table([["序号", "牵头部门", "工作任务", "目标要求", "配合部门", "完成时限"],
                       ["1", "县农业农村局", "推进农村厕所革命", "新改建户厕2000座", "县卫健局、各乡镇", "2023年12月"]])
        + _html_table([["任务", "责任单位（第一个为牵头单位）", "时间节点"],
                       ["压缩企业开办时间", "县市场监管局、县税务局、县人社局", "2022年6月底"]])
        + _html_table([["序号", "工作内容", "牵头单位（部门）", "协同单位（部门）"],
                       ["1", "提升政务服务效能", "县政务服务中心", "县大数据局"]])
        + "</body></html>", encoding="utf-8")
    assert _table_rows(page) == [
        ("推进农村厕所革命", "1.1", ["县农业农村局"], ["县卫健局", "各乡镇"]),
        ("压缩企业开办时间", "1.2", ["县市场监管局"], ["县税务局", "县人社局"]),
        ("提升政务服务效能", "1.3", ["县政务服务中心"], ["县大数据局"]),
    ]


def test_a_word_table_with_a_merged_category_and_the_first_unit_leading(tmp_path):
    """Digital government: a category cell merged down two rows, 主要任务 right of it, 责任单位（排名第一的为牵头单位）."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in ["某市数字政府建设实施方案", "一、重点任务", "（一）建设一体化政务服务平台", "（二）推进数据共享开放", "附件", "重点任务分工表"]:
        document.add_paragraph(text)
    rows = [["序号", "任务类别", "主要任务", "责任单位（排名第一的为牵头单位）", "完成时间"],
            ["1", "平台建设", "建设一体化政务服务平台", "市政务服务数据管理局、市财政局", "2023年底"],
            ["2", "", "推进数据共享开放", "市政务服务数据管理局、市发展改革委、各区人民政府", "2024年底"]]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    table.cell(1, 1).merge(table.cell(2, 1)).text = "平台建设"
    document.save(tmp_path / "plan.docx")
    assert _table_rows(tmp_path / "plan.docx") == [
        ("建设一体化政务服务平台", "1.1", ["市政务服务数据管理局"], ["市财政局"]),
        ("推进数据共享开放", "1.2", ["市政务服务数据管理局"], ["市发展改革委", "各区人民政府"]),
    ]


def test_a_table_header_of_two_rows_names_the_lead_and_support_columns(tmp_path):
    """责任单位 spanning 牵头单位 | 配合单位 on a second header row: rural revitalisation as a web page prints it
    (rowspan, colspan), public health as tab-parted text (the spanned cell empty)."""
    page = tmp_path / "plan.html"
    page.write_text(
        "<html><head><meta charset='utf-8'></head><body><p>某市乡村振兴行动方案</p><p>一、重点任务</p><p>（一）发展特色产业</p>"
        "<table border='1'><tr><td rowspan='2'>序号</td><td rowspan='2'>重点任务</td><td colspan='2'>责任单位</td><td rowspan='2'>完成时限</td></tr>"
        "<tr><td>牵头单位</td><td>配合单位</td></tr>"
        "<tr><td>1</td><td>发展特色产业</td><td>市农业农村局</td><td>市财政局、市商务局</td><td>2024年底</td></tr></table></body></html>",
        encoding="utf-8")
    text = write_plan(tmp_path, "\n".join([
        "某县公共卫生服务提升方案", "一、主要任务", "（一）加强疾病预防控制", "附件", "任务分工表",
        "序号\t主要任务\t责任单位\t\t完成时限", "\t\t牵头单位\t配合单位\t", "1\t加强疾病预防控制\t县卫健局\t县财政局、各乡镇\t2024年底"]))
    assert _table_rows(page) == [("发展特色产业", "1.1", ["市农业农村局"], ["市财政局", "市商务局"])]
    assert _table_rows(text) == [("加强疾病预防控制", "1.1", ["县卫健局"], ["县财政局", "各乡镇"])]


def test_a_table_cell_with_its_units_one_a_line_or_with_labels(tmp_path):
    """Fitness (a Word cell 牵头：… / 配合：…, and units one a line) and flood control (市水务局（牵头） in a 责任单位 cell)."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in ["某市全民健身和防汛能力提升方案", "一、主要任务", "（一）建设全民健身设施", "（二）开展全民健身活动", "（三）加固病险水库", "附件"]:
        document.add_paragraph(text)
    rows = [["序号", "工作任务", "责任单位", "完成时限"],
            ["1", "建设全民健身设施", "牵头：市体育局\n配合：市自然资源局、市住房城乡建设局", "2025年"],
            ["2", "开展全民健身活动", "市体育局\n市教育局\n市总工会", "每年"],
            ["3", "加固病险水库", "市水务局（牵头）、市财政局", "2024年汛前"]]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    document.save(tmp_path / "plan.docx")
    assert _table_rows(tmp_path / "plan.docx") == [
        ("建设全民健身设施", "1.1", ["市体育局"], ["市自然资源局", "市住房城乡建设局"]),
        ("开展全民健身活动", "1.2", [], ["市体育局", "市教育局", "市总工会"]),
        ("加固病险水库", "1.3", ["市水务局"], ["市财政局"]),
    ]


@pytest.mark.parametrize("header, rows", [
    # 养老: the time limit stands between the units and the task, which no header names
    ("序号\t牵头单位\t配合单位\t完成时间\t主要工作", ["1\t县民政局\t县财政局\t2025年底前\t新建街道综合养老服务中心5个",
                                        "2\t县卫健局\t县民政局\t2024年6月\t培训养老护理员300人次"]),
    # 环保: rows numbered 一, 二 before the units, the task after them
    ("序号\t牵头单位\t配合单位\t工作内容说明", ["一\t县生态环境局\t县水利局\t完成农村黑臭水体治理20条",
                                     "二\t县住建局\t各乡镇\t新建污水管网30公里"]),
])
def test_a_task_table_s_action_is_never_its_time_limit_or_row_number(tmp_path, header, rows):
    document = extract(_plan_with_attached_table(tmp_path, header, rows))
    assert [r.heading for r in document.responsibilities] == [row.split("\t")[-1] for row in rows]
    assert len(document.targets) == 2


@pytest.mark.parametrize("header, rows, wanted", [
    # 文化: who answers for each task headed 责任主体, a label of notes (〔责任主体：…〕) that names no lead
    ("序号\t主要任务\t责任主体\t完成时间", ["1\t新建村级综合性文化服务中心30个\t县文旅局\t2025年底前",
                                      "2\t每年举办全民健身赛事活动20场次\t县体育中心、县教育局\t长期坚持"],
     [([], ["县文旅局"]), ([], ["县体育中心", "县教育局"])]),
    # 应急管理: 主要责任单位 leads, 配合责任单位 supports, as in the notes (（主要责任单位：…；配合责任单位：…）)
    ("序号\t重点任务\t主要责任单位\t配合责任单位\t完成时限", ["1\t建成乡镇应急救援队伍12支\t县应急管理局\t县消防救援大队\t2025年底前"],
     [(["县应急管理局"], ["县消防救援大队"])]),
    # 农业, 住建: 责任单位 beside 配合单位 leads, as in the notes (leads_beside_helpers), and the 配合单位 column is read too
    ("序号\t工作任务\t责任单位\t配合单位\t完成时限", ["1\t每年新建改建农村户厕3000户\t县农业农村局\t县卫健局、各乡镇人民政府\t2025年底",
                                                  "2\t改造农村危房500户\t县住建局\t县财政局\t2025年底"],
     [(["县农业农村局"], ["县卫健局", "各乡镇人民政府"]), (["县住建局"], ["县财政局"])]),
    # 水利: …beside 配合单位, unless its note says its first unit leads (first_leads): then that one alone
    ("序号\t工作任务\t责任单位（排在第一位的为牵头单位）\t配合单位\t完成时限", ["1\t新建小型水库3座\t县水利局、县财政局\t各乡镇人民政府\t2025年底"],
     [(["县水利局"], ["县财政局", "各乡镇人民政府"])]),
    # 交通: …and its cell marking its own lead (（牵头）) leaves the others of the cell helping
    ("序号\t工作任务\t责任单位\t配合单位\t完成时限", ["1\t改造农村公路危桥20座\t县交通运输局（牵头）、县财政局\t各乡镇人民政府\t2025年底"],
     [(["县交通运输局"], ["县财政局", "各乡镇人民政府"])]),
    # 教育, 水利: a 牵头单位 cell marking one of its units the lead (its lines 县教育局 / （牵头） / 县人社局 in a Word cell):
    # the others help (all led)
    ("序号\t工作任务\t牵头单位\t配合单位\t完成时限", ["1\t新建公办幼儿园5所\t县教育局（牵头）、县人社局\t县财政局\t2025年底"],
     [(["县教育局"], ["县人社局", "县财政局"])]),
    ("序号\t重点任务\t牵头部门\t完成时限", ["1\t除险加固小型病险水库12座\t县水利局（牵头）、县应急管理局\t2024年汛前"],
     [(["县水利局"], ["县应急管理局"])]),
    # 农业, 水利, 教育: a 责任单位 cell whose later clause names helpers (…，县财政局配合) names its first clause's units the
    # leads, as the label 责任单位：县农业农村局，县财政局配合 does; a cell of units alone still names none
    ("序号\t工作任务\t责任单位\t完成时限", ["1\t新建农村公共厕所50座\t县农业农村局，县财政局配合\t2026年底",
                                      "2\t新建乡镇污水处理站10座\t县水利局，县生态环境局、各乡镇协助\t2027年底",
                                      "3\t新建公办幼儿园5所\t县教育局、县财政局\t2027年底"],
     [(["县农业农村局"], ["县财政局"]), (["县水利局"], ["县生态环境局", "各乡镇"]), ([], ["县教育局", "县财政局"])]),
], ids=["culture", "emergency-management", "responsible-beside-helpers", "first-of-the-responsible-leads", "responsible-marking-its-lead",
        "education-lead-column-marking-its-lead", "water-lead-column-marking-its-lead", "responsible-cell-naming-its-helpers"])
def test_a_task_table_s_unit_columns_are_headed_as_the_notes_labels_are(tmp_path, header, rows, wanted):
    """A 分工表 headed 责任主体 or 主要责任单位 | 配合责任单位, as the notes of its text are labelled, gave no responsibility and
    its tasks' numbers no target: the column of units was not known, so neither was the table."""
    document = extract(_plan_with_attached_table(tmp_path, header, rows))
    assert [(r.heading, r.lead, r.support) for r in document.responsibilities] == [
        (row.split("\t")[1], *units) for row, units in zip(rows, wanted)]
    assert len(document.targets) == len(rows)


@pytest.mark.parametrize("rows, duties, targets", [
    # 水利: a 分工表 copied without its header row (the second reader's Y7: a second header_word, of a cell, shadowed the one
    # of a kind's words, and every table of no header row stopped the extraction with a TypeError)
    (["1\t新建规模化供水工程12处\t县水利局\t县财政局\t2026年12月底前", "2\t新建改造供水管网300公里\t县水利局\t各乡镇人民政府\t2026年12月底前"],
     [("新建规模化供水工程12处", [], ["县水利局", "县财政局"]), ("新建改造供水管网300公里", [], ["县水利局", "各乡镇人民政府"])],
     [(12, "处", 2026), (300, "公里", 2026)]),
    # 教育
    (["1\t新建公办幼儿园5所\t县教育局\t县财政局、县自然资源局\t2025年底前", "2\t培训幼儿园教师300人次\t县教育局\t各乡镇\t2025年底前"],
     [("新建公办幼儿园5所", [], ["县教育局", "县财政局", "县自然资源局"]), ("培训幼儿园教师300人次", [], ["县教育局", "各乡镇"])],
     [(5, "所", 2025), (300, "人次", 2025)]),
], ids=["water", "education"])
def test_a_task_table_with_no_header_row_gives_its_rows_duties_and_targets(tmp_path, rows, duties, targets):
    document = extract(write_plan(tmp_path, "\n".join(["某县民生实事工作方案", "一、重点任务", "（一）推进民生实事。", "附件", "重点任务分工表", *rows])))
    assert [(r.heading, r.lead, r.support) for r in document.responsibilities] == duties
    assert [(t.value, t.unit, t.deadline) for t in document.targets] == targets


@pytest.mark.parametrize("header, rows", [
    # 数字乡村: an indicator table of yearly columns whose last column names who leads each indicator
    ("序号\t指标名称\t单位\t2023年基数\t2024年\t2025年\t牵头单位", ["1\t5G基站累计数\t个\t420\t620\t820\t县工信局",
                                                          "2\t农业生产信息化率\t%\t22\t26\t30\t县农业农村局"]),
    # 卫生: the indicator's column headed 主要指标, the unit of measure 计量单位, the units 责任单位
    ("序号\t主要指标\t计量单位\t2020年\t2025年\t责任单位", ["1\t每千人口执业（助理）医师数\t人\t2.6\t3.2\t市卫生健康委",
                                                   "2\t孕产妇死亡率\t/10万\t12\t10\t市卫生健康委、市妇联"]),
    # 林业: a yearly task table headed 任务指标, each cell with its unit (1万亩), no column of units
    ("序号\t任务指标\t2024年\t2025年\t2026年\t牵头单位", ["1\t完成人工造林\t1万亩\t1.2万亩\t1万亩\t市林业局",
                                                     "2\t森林覆盖率\t43.8%\t44.1%\t44.5%\t市林业局"]),
    # 商务: the indicators of a consumption plan headed 考核指标, the units 责任单位
    ("序号\t考核指标\t2024年\t2025年\t责任单位", ["1\t社会消费品零售总额增速\t7%\t7.5%\t市商务局",
                                              "2\t新增限额以上商贸企业\t60家\t80家\t市商务局、市统计局"]),
])
def test_an_indicator_table_s_row_is_its_indicator_not_its_unit_of_measure(tmp_path, header, rows):
    document = extract(_plan_with_attached_table(tmp_path, header, rows))
    assert [r.heading for r in document.responsibilities] == [row.split("\t")[1] for row in rows]


def _plan_with_attached_table(tmp_path, header: str, rows: list[str]):
    """A short plan whose attachment is the table of ``header`` and ``rows`` (cells parted by tabs)."""
    return write_plan(tmp_path, "某县重点工作实施方案\n一、重点任务\n推进各项工作。\n附件\n重点任务分工表\n" + header + "\n" + "\n".join(rows) + "\n")


@pytest.mark.parametrize("rows", [
    ["推进垃圾分类。建成示范小区20个。\t区城管局\t2024年底", "完善收运体系。新增分类运输车辆30辆。\t区城管局\t2025年底"],
    ["开展健康义诊。每年义诊4次。\t县卫健局\t2024年底", "培训家庭医生。培训家庭医生200名。\t县卫健局\t2025年底"],
])
def test_a_task_table_kept_in_lines_keeps_its_rows_when_a_task_cell_holds_sentences(tmp_path, rows):
    # (environment, health) each row a line, its task cell two sentences: the rows are a 分工表's rows, not
    # a notice's prose run into a table (second reader: the rows were cut apart, their units and 时限 lost)
    text = "\n".join(["某区工作方案", "一、任务分工", "工作任务\t牵头单位\t完成时限", *rows]) + "\n"
    document = extract(write_plan(tmp_path, text))
    assert [r.lead for r in document.responsibilities] == [[row.split("\t")[1]] for row in rows]
    assert [t.deadline for t in document.targets] == [2024, 2025]


def test_a_bracket_of_units_alone_closing_an_item_names_who_does_it(tmp_path):
    """County plans close each item with its offices in brackets and no role word: 餐桌污染治理 (food safety) and 关爱
    留守儿童 (child welfare). A whole plan of 34 such notes gave no responsibility. They read as a 责任单位 note does (all
    support), where the bracket closes the item's paragraph or a sentence of it; a bracket of places (where) and a
    unit's short name after its full one (县食安委) are no note."""
    plan = write_plan(tmp_path, "\n".join([
        "某区食品安全放心工程工作方案", "一、工作任务",
        "（一）加强食用农产品抽检。每季度开展一次专项抽检，及时公布结果（区市场监管局、区农业农村局）",
        "（二）打击食品犯罪。严厉打击制售假劣食品行为（区公安局）。",
        "（三）建立留守儿童关爱档案，实行动态管理。（区民政局、区教育局、团区委）",
        "（四）推进示范村建设，打造精品线路（甲镇、乙镇、丙乡）",
        "（五）成立区食品安全委员会（区食安委）。",
    ]))
    found = [(duty.section, duty.lead, duty.support) for duty in extract(plan).responsibilities]
    assert found == [("1.1", [], ["区市场监管局", "区农业农村局"]), ("1.2", [], ["区公安局"]),
                     ("1.3", [], ["区民政局", "区教育局", "团区委"])]


# Notes whose helpers go on to their action (education, water works, elderly care, agriculture), read alike lined and flat
_HELPERS_ACTING = [
    pytest.param(["（一）扩充学位供给。全县新建中小学校3所。（县教育局牵头，县财政局配合落实资金）",
                  "（二）水库除险加固。完成病险水库除险加固8座（县水利局牵头，县财政局配合落实资金，各乡镇配合做好群众工作）。",
                  "（三）医养结合。新建村级养老服务站30个。（县民政局牵头，县卫健局、县医保局协助做好医养结合）"],
                 [("扩充学位供给", ["县教育局"], ["县财政局"]), ("水库除险加固", ["县水利局"], ["县财政局", "各乡镇"]),
                  ("医养结合", ["县民政局"], ["县卫健局", "县医保局"])],
                 id="bracketed"),
    pytest.param(["（一）扩充学位供给。全县新建中小学校3所。（牵头单位：县教育局，县财政局配合落实资金）",
                  "（二）水库除险加固。完成病险水库除险加固8座（责任单位：县水利局牵头，县财政局配合落实资金，各乡镇配合做好群众工作）。",
                  "（三）校园安全宣传。每学期开展安全教育1次。（县教育局牵头，学校配合做好宣传）",
                  "（四）家长学校。每学期开展家庭教育讲座1次。（县妇联牵头，学生家长积极参与）",
                  "（五）农田建设。新建高标准农田2万亩（县农业农村局牵头，县财政局、农户配合做好土地平整）。"],
                 [("扩充学位供给", ["县教育局"], ["县财政局"]), ("水库除险加固", ["县水利局"], ["县财政局", "各乡镇"]),
                  ("校园安全宣传", ["县教育局"], ["学校"]), ("家长学校", ["县妇联"], []), ("农田建设", ["县农业农村局"], ["县财政局"])],
                 id="labelled-or-no-body"),
]


@pytest.mark.parametrize("items,duties", _HELPERS_ACTING)
def test_a_notes_helpers_going_on_to_their_action_give_the_duty_and_no_junk_unit(tmp_path, items, duties):
    """Reader U1: a note in brackets whose helper went on to its action (（县教育局牵头，县财政局配合落实资金）) gave no duty,
    where the same note unbracketed gave lead and support. Last stop's in items: a label's helper going on to its action
    (牵头单位：县教育局，县财政局配合落实资金) gave the junk unit 县财政局配合落实资金 among the leads, and a note whose helper is
    no body (县教育局牵头，学校配合做好宣传; 县妇联牵头，学生家长积极参与) gave no duty at all: its lead was lost. Schools and
    customs offices are bodies."""
    lines = ["某县民生实事三年行动方案（2024—2026年）", "为办好民生实事，结合我县实际，制定本方案。", "一、重点任务", *items,
             "二、保障措施", "各单位要加强协作，确保各项任务落实到位。"]
    lined, flat = (extract(copy) for copy in write_lined_and_flat(tmp_path, lines))
    assert [(r.heading, r.lead, r.support) for r in flat.responsibilities] == [
        (r.heading, r.lead, r.support) for r in lined.responsibilities] == duties


def test_a_flat_copys_heading_title_ends_before_a_chiefs_field_or_its_time_limit(tmp_path):
    """Reader U4's rest (river chiefs, forest chiefs, school safety): a flat line's title glued to a field naming a person
    that is no unit's label (（二）河道清淤河长：李某某（副县长）…) or to its time limit (校舍安全排查完成时限：…) kept them in the
    title."""
    lines = ["某县河湖长制和校园安全工作方案", "为全面推行河湖长制，结合我县实际，制定本方案。", "一、重点任务",
             "（一）河道清淤", "河长：李某某（副县长）", "牵头单位：县水利局", "配合单位：县财政局",
             "（二）森林防火", "林长：王某（县长）", "牵头单位：县林业局", "配合单位：县应急管理局",
             "（三）校舍安全排查", "完成时限：2025年底前", "包保领导：赵某（副县长）", "牵头单位：县教育局", "配合单位：县住建局",
             "二、保障措施", "各单位要加强协作，确保各项任务落实到位。"]
    lined, flat = (extract(copy) for copy in write_lined_and_flat(tmp_path, lines))
    assert [(r.heading, r.lead, r.support) for r in flat.responsibilities] == [
        (r.heading, r.lead, r.support) for r in lined.responsibilities] == [
        ("河道清淤", ["县水利局"], ["县财政局"]), ("森林防火", ["县林业局"], ["县应急管理局"]), ("校舍安全排查", ["县教育局"], ["县住建局"])]


def test_a_notes_divisions_ending_in_ke_are_its_units_where_a_role_word_names_their_role(tmp_path):
    """Last stop's left item (a hospital's and a county bureau's own plans): （医政科牵头，药剂科配合） gave no duty, 科 being
    no body's ending, while a bracket of degrees or specialties with no role word (（本科、专科）, （儿科、妇产科）) stays none."""
    lines = ["某县人民医院医疗质量提升行动方案（2024—2026年）", "为提升医疗质量，结合我院实际，制定本方案。", "一、重点任务",
             "（一）合理用药。每月开展处方点评1次。（医政科牵头，药剂科配合）",
             "（二）农机推广。新增农机合作社5家（种植业科牵头，农机科、畜牧科配合做好技术指导）。",
             "（三）重点专科建设。建设县级临床重点专科2个（儿科、妇产科）。",
             "二、保障措施", "各科室要加强协作，确保各项任务落实到位。"]
    lined, flat = (extract(copy) for copy in write_lined_and_flat(tmp_path, lines))
    assert [(r.heading, r.lead, r.support) for r in flat.responsibilities] == [
        (r.heading, r.lead, r.support) for r in lined.responsibilities] == [
        ("合理用药", ["医政科"], ["药剂科"]), ("农机推广", ["种植业科"], ["农机科", "畜牧科"])]


def test_a_second_person_a_chiefs_field_names_on_a_line_of_their_own_keeps_the_labelled_lines_one_note(tmp_path):
    """wild/06's eighth chain (industry chains) and a river with two chiefs (water works): the second chief on a line of
    their own (欧阳晓波（区党工委委员、管委会副主任）) ended the labelled lines, so the note's text and line began at its
    牵头单位： line, not at the chief's field as every other item's do."""
    lines = ["某区重点产业链长制和河长制工作方案", "为推进重点产业发展，结合我区实际，制定本方案。", "一、工作专班",
             "（一）大健康产业链", "链长：黄某某（区党工委副书记）", "欧阳某某（区党工委委员、管委会副主任）", "牵头单位：区社会事业局",
             "配合单位：区市场监管局、区财政局",
             "（二）城关河", "河长：张某（副区长）、李某（城关镇镇长）", "王某某（区水利局局长）", "牵头单位：区水利局", "配合单位：城关镇",
             "二、保障措施", "各单位要加强协作，确保各项任务落实到位。"]
    lined = extract(write_plan(tmp_path, "\n".join(lines)))
    assert [(r.heading, r.lead, r.support, r.line, r.text.split("\n")[:2]) for r in lined.responsibilities] == [
        ("大健康产业链", ["区社会事业局"], ["区市场监管局", "区财政局"], 5, ["链长：黄某某（区党工委副书记）", "欧阳某某（区党工委委员、管委会副主任）"]),
        ("城关河", ["区水利局"], ["城关镇"], 10, ["河长：张某（副区长）、李某（城关镇镇长）", "王某某（区水利局局长）"])]
