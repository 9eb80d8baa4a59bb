"""Text whose line breaks were lost: one line as crawlers store it, or breaks turned into spaces."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from conftest import DATA, GOLD_DOCS, SAMPLES, gold_text_path, load_gold, write_lined_and_flat, write_plan

from planparse.glued_titles import glued_title_end
from planparse.linebreaks import _closes_with_signature, _signature_runs, flattened_table_rows, restore_line_breaks
from planparse.metadata_rules import metadata_rules
from planparse.models import Document, SourceLine, walk_sections
from planparse.pipeline import extract


def headings(path) -> list[tuple[int, int, str]]:
    return [(section.level, section.number, section.title) for section in walk_sections(extract(path).sections)]


def flat_keeps_headings(folder, lines: list[str]):
    """The lined and flat copies of ``lines``, once the flat one is checked to restore the lined one's headings."""
    lined, flat = write_lined_and_flat(folder, lines)
    assert headings(flat) == headings(lined)
    return lined, flat


def restored(text: str) -> list[str]:
    return [line.text for line in restore_line_breaks([SourceLine(text=text, line=1)])]


def _heading_key(level: int, number: int, title: str) -> tuple[int, int, str]:
    return level, number, "".join(title.split())[:6]


def heading_f1(found: list[tuple[int, int, str]], gold: list[dict]) -> float:
    """As the scorer counts: level, number and the first six characters of the title."""
    wanted = [_heading_key(h["level"], h["number"], h["title"]) for h in gold]
    got = [_heading_key(*heading) for heading in found]
    hits = sum(min(got.count(key), wanted.count(key)) for key in set(got))
    return 2 * hits / (len(got) + len(wanted)) if got or wanted else 1.0


# A county health plan, a transport campaign and a school-safety plan, each on one line.
HEALTH = (
    "为提升基层医疗服务能力，制定本方案。一、总体要求以习近平新时代中国特色社会主义思想为指导，坚持以人民健康为中心。"
    "二、主要任务（一）加强基层医疗卫生机构建设1.完善村卫生室布局。每个行政村设置1所村卫生室，到2025年达标率达到100%。"
    "责任单位：县卫生健康局，各乡镇人民政府2.提升乡镇卫生院服务能力。每年培训乡村医生200人次以上。"
    "（二）推进家庭医生签约服务签约服务覆盖率达到75%以上。三、保障措施（一）加强组织领导各乡镇要把基层医疗工作列入议事日程。"
)


def test_a_body_on_one_line_gets_its_headings_back(tmp_path):
    found = headings(write_plan(tmp_path, "某县基层医疗服务能力提升行动方案\n" + HEALTH + "\n"))
    assert [(level, number, title[:6]) for level, number, title in found] == [
        (1, 1, "总体要求"), (1, 2, "主要任务"), (2, 1, "加强基层医疗"), (3, 1, "完善村卫生室"),
        (3, 2, "提升乡镇卫生"), (2, 2, "推进家庭医生"), (1, 3, "保障措施"), (2, 1, "加强组织领导"),
    ]


def test_breaks_turned_into_spaces_give_the_lined_result(tmp_path):
    lined = ["某市道路交通安全综合整治实施方案", "一、工作目标", "到2024年，道路交通事故死亡人数下降10%。",
             "二、整治内容", "（一）排查治理隐患路段。", "全面排查急弯陡坡、临水临崖路段。", "（二）严查交通违法行为。",
             "（牵头单位：市公安局；配合单位：市交通运输局）", "三、工作步骤", "（一）动员部署阶段（2023年3月）", "制定方案，召开动员会。"]
    one = tmp_path / "lined"
    one.mkdir()
    spaced = tmp_path / "spaced"
    spaced.mkdir()
    assert headings(write_plan(spaced, " ".join(lined) + "\n")) == headings(write_plan(one, "\n".join(lined) + "\n"))


def test_markers_inside_sentences_and_cross_references_open_nothing():
    text = ("一、适用范围本办法适用于全市校园周边食品经营者。按照本条第（一）款规定，依照第三条处理；"
            "违反（二）项的，责令改正。符合下列条件之一：（1）持有许可证；（2）从业人员持健康证明。"
            "二、监督检查市场监管部门每季度检查1次。三、工作要求各校要明确专人负责。四、附则本方案自印发之日起施行。")
    headed = [piece[:2] for piece in restored(text) if piece[0] in "一二三四（第"]
    assert headed == ["一、", "二、", "三、", "四、"]


@pytest.mark.parametrize("text", [
    # medical aid: a form's number, then the note naming where it is
    "一、申请程序（一）申请。申请时应提交以下材料：1.《某市医疗救助审批表》（1）（详见附表）。2.患者身份证明复印件。"
    "（二）审核。经办机构填报《某市医疗救助审批表》（2）（详见附件）。二、基金管理专款专用。",
    # student aid: two forms' numbers cited in a list
    "一、资助对象家庭经济困难学生。二、工作要求（一）各校填报《某县学生资助申请表》（1）、（2），于9月底前报送。（二）严格审核。三、保障措施加强领导。",
], ids=["medical-aid", "student-aid"])
def test_a_forms_number_cited_in_a_sentence_opens_nothing(text):
    assert not [piece for piece in restored(text) if piece.startswith(("（1）", "（2）"))]


@pytest.mark.parametrize("text", [
    # medical aid and farmland subsidies: an attached form's title and its number run into its first cell
    "某县疾病应急救助实施办法为规范疾病应急救助工作，制定本办法。一、救助对象在本县发生急危重伤病的患者。二、基金管理"
    "（一）加强内部督查。经办机构每季度自查1次。（二）委托中介组织审计。每年审计1次。三、其他事项本办法自公布之日起实施。"
    "附表：某县医疗救助患者身份确认及费用审批表（1）、（2）附表某县医疗救助患者身份确认及费用审批表（1）医疗机构（盖章）：患者姓名性别年龄",
    "某县耕地地力保护补贴实施方案为做好补贴发放工作，制定本方案。一、补贴对象全县承包耕地的农户。二、补贴标准（一）补贴面积。"
    "以确权面积为准。（二）补贴资金。按每亩100元发放。三、附则本方案由县农业农村局负责解释。"
    "附件某县耕地地力保护补贴申报汇总表（1）申报单位（盖章）：乡镇名称补贴面积",
], ids=["medical-aid", "farmland-subsidy"])
def test_a_forms_own_number_after_its_name_opens_no_heading(tmp_path, text):
    assert headings(write_plan(tmp_path, text))[-1][:2] == (1, 3)


_NOTED_TITLES = {
    "education": ["一、主要任务", "（一）建设智慧校园（见附件1）", "到2025年，全市中小学智慧校园覆盖率达到80%。",
                  "（二）加强教师培训（见附件2）", "每年培训教师500名。"],
    "health": ["一、重点工作", "（一）完善基层医疗卫生服务（附表1）", "到2025年，家庭医生签约服务覆盖率达到75%以上。",
               "（二）提升急救能力(详见附表2）", "每年开展急救培训2次。"],
}


@pytest.mark.parametrize("field", sorted(_NOTED_TITLES))
def test_a_number_closing_a_note_in_a_title_opens_no_item(field, tmp_path):
    """The 1） of （见附件1） was taken for the first item of a list under the heading, its title cut before it."""
    lines = _NOTED_TITLES[field]
    assert [title for _level, _number, title in headings(write_plan(tmp_path, "\n".join(lines) + "\n"))] == \
        [line[2:] if line[0] == "一" else line[3:] for line in lines if line[0] in "一（"]
    assert not [piece for piece in restored("".join(lines)) if piece.startswith(("1）", "2）"))]


def test_an_item_opening_with_an_age_group_opens_its_paragraph_and_keeps_its_age():
    # 3.65岁以上老年人… is item 3 about people aged 65 and over, not a number 3.65 (a health and a civil-affairs list)
    text = ("一、主要目标到2025年，实现以下目标。1.二级以上综合医院设立老年医学科的比例达到60%以上。"
            "2.老年人健康素养水平提高到30%。3.65岁以上老年人健康管理率达到70%以上。4.老年友善医疗机构占比达到80%。"
            "二、重点任务1.建立高龄津贴制度。2.80周岁以上老年人高龄津贴发放率达到100%。3.人均预期寿命提高1.5岁。")
    items = restored(text)
    assert [item[:5] for item in items] == ["一、主要目", "到2025", "1.二级以", "2.老年人", "3.65岁", "4.老年友",
                                             "二、重点任", "1.建立高", "2.80周", "3.人均预"]


def test_a_lined_text_with_lists_run_into_paragraphs_is_left_alone():
    lines = [SourceLine(text=text, line=number) for number, text in enumerate([
        "一、工作内容",
        "具体做到：（1）严格实行首件分析制度。（2）推行路基机械化施工。（3）规范桥梁施工。",
        "二、保障措施",
        "加强督查。1.每月通报一次。2.年底考核。",
    ], 1)]
    assert restore_line_breaks(lines) == lines


def test_a_responsibility_note_after_a_sentence_opens_a_paragraph():
    text = ("一、工作任务（一）实施青少年科学素质提升行动1.完善科学教育体系。开展科学教育。2.加强师资队伍建设。"
            "培训科学教师500人次。（牵头单位：区教育局，配合单位：区科协）（二）实施农民科学素质提升行动"
            "1.开展农民技术培训。每年培训1000人次。责任单位：区农业农村局牵头，区妇联参加2.建设农村科普阵地。")
    notes = [piece for piece in restored(text) if "单位：" in piece]
    assert notes == ["（牵头单位：区教育局，配合单位：区科协）", "责任单位：区农业农村局牵头，区妇联参加"]


@pytest.mark.parametrize("text, note, section", [
    # 科普: a note naming who leads by role words alone, after the section's last item
    ("一、重点任务（一）实施青少年科学素质提升行动1.加强学校科学教育。每学期开展科学探究活动不少于2次。2.开展校外科学教育活动。"
     "每年组织科技馆进校园活动不少于40场次。（区教育局、区科协牵头，团区委、区科技局配合）（二）实施农民科学素质提升行动"
     "1.开展农业科技培训。每年培训高素质农民500人以上。（区农业农村局牵头，区妇联配合）二、组织实施（一）加强领导。明确分工。",
     "（区教育局、区科协牵头，团区委、区科技局配合）", "实施青少年科学素质提升行动"),
    # water: the same note in a river plan; a bracket of prose after a sentence (（以下简称“河长办”）) opens nothing
    ("一、主要任务（一）加强河湖水域岸线管护1.清理整治“四乱”问题。设立县河长制办公室。（以下简称“河长办”）2.划定管理范围。"
     "完成12条河流管理范围划定。（县水利局牵头，县自然资源局、各乡镇人民政府配合）（二）推进水污染防治。加强排污口监管。",
     "（县水利局牵头，县自然资源局、各乡镇人民政府配合）", "加强河湖水域岸线管护"),
])
def test_an_unlabelled_note_after_a_sentence_opens_a_paragraph_and_closes_the_section(tmp_path, text, note, section):
    """In lined text a note of who leads stands on a line of its own, after the section's last item it closes the section;
    with the line ends lost it opens a paragraph, as a labelled note does (责任单位：…)."""
    pieces = restored(text)
    assert note in pieces and not any(piece.startswith("（以下简称") for piece in pieces)
    [first, *_] = extract(write_plan(tmp_path, text + "\n")).responsibilities
    assert first.heading == section


@pytest.mark.parametrize("text, titles", [
    # 农村环境: a labelled note, its line end lost before the section's first sentence
    ("一、重点任务（一）推进农村厕所革命（责任单位：县农业农村局、县卫生健康局）因地制宜选择改厕模式，稳步提高普及率。"
     "（二）提升村容村貌。持续开展清洁行动。（三）健全长效机制。落实管护责任。",
     ["（一）推进农村厕所革命（责任单位：县农业农村局、县卫生健康局）", "（二）提升村容村貌。持续开展清洁行动。",
      "（三）健全长效机制。落实管护责任。"]),
    # 交通: an unlabelled note naming who leads
    ("一、主要任务（一）完善农村客运网络（县交通运输局牵头，县财政局、各乡镇人民政府配合）到2026年建制村通客车率保持100%。"
     "（二）加强农村公路养护。落实养护资金。（三）提升安全水平。排查道路隐患。",
     ["（一）完善农村客运网络（县交通运输局牵头，县财政局、各乡镇人民政府配合）", "（二）加强农村公路养护。落实养护资金。",
      "（三）提升安全水平。排查道路隐患。"]),
])
def test_a_heading_closed_by_a_responsibility_note_ends_there_when_its_line_end_is_lost(text, titles):
    assert [line for line in restored(text) if line.startswith("（")] == titles


def test_a_flattened_table_is_cut_into_its_numbered_rows():
    cells = ("序号\t工作内容\t牵头单位\t责任单位1\t实施青少年科学素质提升行动\t市教育局\t市科协、团市委2\t实施农民科学素质提升行动"
             "\t市农业农村局\t市妇联序号\t工作内容\t牵头单位\t责任单位3\t实施老年人科学素质提升行动\t市卫生健康局\t市民政局")
    assert flattened_table_rows(cells) == [
        "序号\t工作内容\t牵头单位\t责任单位",
        "1\t实施青少年科学素质提升行动\t市教育局\t市科协、团市委",
        "2\t实施农民科学素质提升行动\t市农业农村局\t市妇联",
        "3\t实施老年人科学素质提升行动\t市卫生健康局\t市民政局",
    ]


@pytest.mark.parametrize("text, last_row", [
    # digital government: a task table closing the text, its last row ending in a unit and a month, as a signature would
    ("一、提升政务服务效能（一）深化一网通办。高频事项免证办比例达到90%。二、夯实数字底座（三）建设大数据平台。完成政务云扩容。"
     "（四）强化网络安全。每季度开展1次网络安全检查。附件重点任务分工表序号\t工作任务\t牵头单位\t配合单位\t完成时限"
     "1\t网上可办率保持在99%以上\t市政务服务数据管理局\t市直各部门\t2025年12月2\t新增存储能力2PB\t市政务服务数据管理局"
     "\t市财政局\t2025年6月",
     "2\t新增存储能力2PB\t市政务服务数据管理局\t市财政局\t2025年6月"),
    # education: the same with a full date
    ("一、主要任务（一）扩大学位供给。新增公办学位2000个。二、保障措施（二）改善办学条件。新建幼儿园3所。"
     "三、工作要求（一）加强督导。每学期开展1次督导。附件：任务分工表序号\t任务\t牵头单位\t责任单位\t完成时间1\t新建幼儿园3所"
     "\t区教育局\t区住建局\t2024年8月31日2\t改造农村学校厕所20所\t区教育局\t区卫生健康局\t2024年9月1日",
     "2\t改造农村学校厕所20所\t区教育局\t区卫生健康局\t2024年9月1日"),
], ids=["digital-government", "education"])
def test_a_tables_last_row_ending_in_a_unit_and_a_date_is_a_row_not_a_signature(text, last_row):
    assert restored(text)[-1] == last_row


@pytest.mark.parametrize("cells, rows", [
    # sport: a deadline's year closing a row, the next row's number glued to it (2025|3)
    ("序号\t工作任务\t牵头单位\t完成时限1\t建设体育公园\t区体育局\t2024年底2\t新建健身步道\t区住建局\t20253\t举办全民健身赛事"
     "\t区文旅局\t2024",
     ["序号\t工作任务\t牵头单位\t完成时限", "1\t建设体育公园\t区体育局\t2024年底", "2\t新建健身步道\t区住建局\t2025",
      "3\t举办全民健身赛事\t区文旅局\t2024"]),
    # housing: a count closing a row (改造户数 300|2, 1200|3)
    ("序号\t乡镇\t改造户数1\t城关镇\t3002\t河口镇\t12003\t青山乡\t85",
     ["序号\t乡镇\t改造户数", "1\t城关镇\t300", "2\t河口镇\t1200", "3\t青山乡\t85"]),
], ids=["sport", "housing"])
def test_a_row_number_glued_to_a_number_closing_the_row_before_opens_its_row(cells, rows):
    # the table's last cell keeps its digits (2024 is no 202 and a row 4)
    assert flattened_table_rows(cells) == rows


@pytest.mark.parametrize("cells, rows", [
    # education: the header's 属性 glued to the first row's first cell, each row closed by its property (预期性, 约束性)
    ("指标\t2020年\t2025年\t属性学前三年毛入园率（%）\t92\t95\t预期性九年义务教育巩固率（%）\t95\t97\t约束性",
     ["指标\t2020年\t2025年\t属性", "学前三年毛入园率（%）\t92\t95\t预期性", "九年义务教育巩固率（%）\t95\t97\t约束性"]),
    # ecology: the longer header 指标属性, not 属性 inside it
    ("指标\t2020年\t2025年\t指标属性森林覆盖率（%）\t45\t46\t约束性地表水优良比例（%）\t80\t85\t预期性",
     ["指标\t2020年\t2025年\t指标属性", "森林覆盖率（%）\t45\t46\t约束性", "地表水优良比例（%）\t80\t85\t预期性"]),
    # grain: 指标性质 and a row that only guides (指导性)
    ("序号\t指标\t2025年\t指标性质1\t粮食产量（万吨）\t50\t约束性2\t高标准农田（万亩）\t30\t指导性",
     ["序号\t指标\t2025年\t指标性质", "1\t粮食产量（万吨）\t50\t约束性", "2\t高标准农田（万亩）\t30\t指导性"]),
], ids=["education", "ecology", "grain"])
def test_an_indicator_tables_rows_close_with_their_property(cells, rows):
    """indicators.yaml property_headers and property_cells: the header of an indicator table's last column and the properties
    that close its rows when the line breaks are lost."""
    assert flattened_table_rows(cells) == rows


@pytest.mark.parametrize("cells, rows", [
    # education and health: a yearly task table whose counts are the next rows' numbers (2, 3, 4): a value where its row
    # is not yet as wide as the header
    ("序号\t任务\t单位\t2024年\t2025年\t2026年\t牵头单位1\t新建公办幼儿园\t所\t2\t3\t4\t县教育局2\t改扩建乡镇寄宿制学校"
     "\t所\t1\t2\t2\t县教育局",
     ["序号\t任务\t单位\t2024年\t2025年\t2026年\t牵头单位", "1\t新建公办幼儿园\t所\t2\t3\t4\t县教育局",
      "2\t改扩建乡镇寄宿制学校\t所\t1\t2\t2\t县教育局"]),
    ("序号\t任务\t单位\t2024年\t2025年\t牵头单位1\t建设中心村卫生室\t个\t5\t6\t县卫生健康局2\t组建医共体\t个\t2\t3"
     "\t县卫生健康局3\t新建急救站点\t个\t4\t5\t县卫生健康局",
     ["序号\t任务\t单位\t2024年\t2025年\t牵头单位", "1\t建设中心村卫生室\t个\t5\t6\t县卫生健康局",
      "2\t组建医共体\t个\t2\t3\t县卫生健康局", "3\t新建急救站点\t个\t4\t5\t县卫生健康局"]),
], ids=["education", "health"])
def test_a_count_that_is_the_next_rows_number_stays_in_its_row(cells, rows):
    assert flattened_table_rows(cells) == rows


@pytest.mark.parametrize("text", ["负责标准化管理活动的总体规划和实施方案的编制；", "加强科学教育。在学前教育中渗透科学教育，",
                                  # a word its full stop closes ends the title, not a body (儿童友好, 献血, 应急)
                                  "发展环境友好。全市中小学校“护学岗”设置实现全覆盖。", "开展宣传动员。每年开展主题宣传活动不少于20场。",
                                  "组织领导有力。各乡镇要成立工作专班。"])
def test_a_title_that_stops_at_a_full_stop_or_semicolon_is_not_cut(text):
    assert glued_title_end(text) is None


@pytest.mark.parametrize("joiner", ["", " "], ids=["flat", "spaces"])
def test_gold_documents_with_lines_joined_keep_their_headings(tmp_path, joiner):
    for stem in GOLD_DOCS:
        text = gold_text_path(stem).read_text(encoding="utf-8")
        flat = write_plan(tmp_path, joiner.join(text.splitlines()) + "\n")
        assert heading_f1(headings(flat), load_gold(stem, "headings")["headings"]) >= 0.95, stem


@pytest.mark.parametrize("stem", ["jieyang-2022", "jinjiang-2022", "yangzhou-2022", "wufei-chengshi-2018", "zhiye-jiaoyu-gaige-2019"])
def test_a_notice_on_one_line_gives_the_lined_metadata(tmp_path, stem):
    text = gold_text_path(stem).read_text(encoding="utf-8")
    lined = extract(gold_text_path(stem)).metadata
    flat = extract(write_plan(tmp_path, "".join(text.splitlines()) + "\n")).metadata
    fields = ("title", "doc_number", "issuer", "date", "period")
    assert [getattr(flat, name) for name in fields] == [getattr(lined, name) for name in fields]


@pytest.mark.parametrize("flat", sorted((DATA / "crawled").glob("*.flat.txt")), ids=lambda path: path.name.split(".")[0])
def test_plans_as_a_crawler_stored_them_keep_their_headings(flat):
    gold = json.loads(flat.with_name(flat.name.replace(".flat.txt", ".headings.json")).read_text(encoding="utf-8"))
    assert heading_f1(headings(flat), gold["headings"]) >= 0.95


def flat_headings(planparse, tmp_path, lined) -> list[tuple[int, int, str]]:
    """The headings the command line gives of the plan ``lined`` with its lines joined into one, as a text that lost them."""
    flat = tmp_path / lined.name
    flat.write_text("".join(lined.read_text(encoding="utf-8").splitlines()) + "\n", encoding="utf-8")
    run = planparse("extract", flat, "-o", tmp_path / "plan.json")
    assert run.code == 0, run.stderr
    plan = Document.model_validate_json((tmp_path / "plan.json").read_text("utf-8"))
    return [(s.level, s.number, s.title) for s in walk_sections(plan.sections)]


def test_a_plan_that_lost_its_line_breaks_keeps_a_title_whose_body_opens_with_an_adverb_and_its_verb(planparse, tmp_path):
    # 平潭 (transport), as the site gave it with its line breaks lost: 2.舆论推动|充分发挥舆论宣传推动作用。 (not
    # 舆论推动充分发挥舆论宣传|推动作用, at the title word 宣传 and the opener 推动); every heading of the hand-checked tree
    found = flat_headings(planparse, tmp_path, DATA / "crawled" / "pingtan-jiaotong-biaozhunhua-2013.txt")
    assert (3, 2, "舆论推动") in found
    gold = json.loads((DATA / "crawled" / "pingtan-jiaotong-biaozhunhua-2013.headings.json").read_text(encoding="utf-8"))
    assert heading_f1(found, gold["headings"]) == 1.0


def test_a_plan_that_lost_its_line_breaks_ends_a_title_where_its_body_restates_its_opening_word(planparse, tmp_path):
    # 平潭 (fishery licences) with its line breaks lost: （二）办理条件|办理本事项前应符合以下条件：
    found = flat_headings(planparse, tmp_path, DATA / "crawled" / "shuiyu-tantu-yangzhi-2022.txt")
    assert found[:4] == [(1, 1, "政策依据"), (1, 2, "水域滩涂养殖证申报对象及条件"), (2, 1, "申报对象"), (2, 2, "办理条件")]


@pytest.mark.parametrize("stem, title", [
    # fisheries: 第二节 保障水产品质量安全|每年开展水产品质量安全监督抽检不少于800批次; medical insurance: 第二节
    # 常态化开展药品耗材集中带量采购|每年开展省级药品集中带量采购不少于1批: the cadence and the work done at it open the body
    ("haiwan-haiyang-yuye-guihua-2022", "保障水产品质量安全"),
    ("xianglan-yiliao-baozhang-guihua-2021", "常态化开展药品耗材集中带量采购"),
])
def test_a_plan_that_lost_its_line_breaks_ends_a_title_where_a_cadence_and_its_work_open_the_body(planparse, tmp_path, stem, title):
    found = flat_headings(planparse, tmp_path, DATA / "unseen" / f"{stem}.txt")
    assert title in [found_title for _, _, found_title in found]


@pytest.mark.parametrize("item", [
    "（二）退役军人服务站按每千名退役军人配备2名专职工作人员。",  # veterans
    "（二）退役军人服务站按照每千名退役军人配备2名专职工作人员。",
    "（二）农村公路养护站按每百公里农村公路配备5名养护工。",  # transport
    "（二）社区卫生服务中心每万名社区居民配备2名全科医生。",  # health
], ids=["veterans", "veterans-anzhao", "roads", "health"])
def test_a_title_word_repeated_after_a_count_of_mei_ends_no_title_inside_the_count(tmp_path, item):
    """Reader T16: a flat copy's item was cut inside 每千名 / 每百公里 where the subject's word came again after it
    (退役军人服务站按每 | 千名退役军人配备…), and its 2 名 read as a target the lined copy does not give."""
    lines = ["某县基层服务体系建设实施方案", "为加强基层服务体系建设，结合我县实际，制定本方案。", "一、主要任务",
             "（一）加强服务站建设。", item, "（三）健全工作机制。"]
    lined, flat = (extract(copy) for copy in write_lined_and_flat(tmp_path, lines))
    titles = [[section.title for section in walk_sections(doc.sections)] for doc in (lined, flat)]
    assert titles[0] == titles[1] and item[3:-1] in titles[1]
    assert [t.quote for t in flat.targets] == [t.quote for t in lined.targets]


def test_a_plan_that_lost_its_line_breaks_ends_a_title_where_a_province_body_opens_the_body(planparse, tmp_path):
    # medical insurance: 第二节 强化监测评估|省医疗保障局会同…: a body of the province and what it does, as a district's
    found = flat_headings(planparse, tmp_path, DATA / "unseen" / "xianglan-yiliao-baozhang-guihua-2021.txt")
    assert (2, 2, "强化监测评估") in found


def test_a_plan_that_lost_its_line_breaks_ends_a_title_where_a_list_of_bodies_opens_the_body(planparse, tmp_path):
    # 平潭 (work safety): 1.激励企业安全生产诚实守信|区管委会、各乡镇人民政府及有关部门对…: the bodies listed are the
    # subject of the body's sentence; every title is the one the lined text gives
    plan = DATA / "web" / "20-qiye-anquan-shengchan-chengxin-tixi-shishifangan-2015.txt"
    found = flat_headings(planparse, tmp_path, plan)
    assert (3, 1, "激励企业安全生产诚实守信") in found and found == headings(plan)


@pytest.mark.parametrize("rows", [
    # 禾阳 (old housing estates): a row a year, each year glued to the time limit closing the row before (…2023年12月底2024年)
    [line for line in (DATA / "unseen" / "heyang-laojiu-xiaoqu-gaizao-2023.txt").read_text(encoding="utf-8").splitlines() if "\t" in line],
    # farmland: the header's last cell glued to the first year (完成时限2023年), a year's end to the next year
    ["年度\t新建高标准农田\t完成时限", "2023年\t2万亩\t2023年底", "2024年\t3万亩\t2024年底", "2025年\t3万亩\t2025年底"],
])
def test_a_yearly_plan_table_that_lost_its_line_breaks_keeps_a_row_a_year(rows):
    glued = "".join(rows)  # each row's last cell runs into the next row's first, as the text's line breaks are lost
    assert flattened_table_rows(glued) == rows


def test_line_breaks_become_spaces_around_a_year_and_inside_a_spaced_label(tmp_path):
    # 扬州 (science literacy): （三）主要目标 / 2025年，…: the year opens the goal's sentence, not the heading's title
    text = (SAMPLES / "yangzhou-2022.txt").read_text(encoding="utf-8")
    found = headings(write_plan(tmp_path, " ".join(text.splitlines()) + "\n"))
    assert (2, 3, "主要目标") in found and heading_f1(found, load_gold("yangzhou-2022", "headings")["headings"]) == 1.0
    # 平潭 (transport): （一）组  长：王进足, a label spaced out, is one heading line
    crawled = DATA / "crawled" / "pingtan-jiaotong-biaozhunhua-2013.flat.txt"
    titles = [title for _, _, title in headings(crawled)]
    assert "组长：王进足" in titles and any(title.startswith("成员：李平、林剑飞") for title in titles)


def test_a_duty_statement_run_into_its_sentence_opens_no_heading(tmp_path):
    # 办公室主任由…兼任。具体负责：1、…；2.…: the duties of the office, not headings (environment sanitation, crawled)
    flat = DATA / "crawled" / "pingtan-huanwei-sheshi-2015.flat.txt"
    gold = json.loads(flat.with_name("pingtan-huanwei-sheshi-2015.headings.json").read_text(encoding="utf-8"))
    assert heading_f1(headings(flat), gold["headings"]) == 1.0
    # and in a health plan: the office's duties after 主要负责：, the plan's next heading after them
    text = ("某县慢性病综合防控实施方案为做好慢性病防控工作，制定本方案。一、组织领导。成立县慢性病防控工作领导小组。"
            "领导小组办公室设在县卫健局，主要负责：（一）制定年度工作计划；（二）督促检查各项任务落实。二、工作措施。"
            "（一）建设慢病管理中心。到2025年，建成慢病管理中心5个。（二）开展筛查。每年开展筛查2次。三、保障措施。加强经费保障。")
    found = [(level, number, title[:4]) for level, number, title in headings(write_plan(tmp_path, text + "\n"))]
    assert found == [(1, 1, "组织领导"), (1, 2, "工作措施"), (2, 1, "建设慢病"), (2, 2, "开展筛查"), (1, 3, "保障措施")]


TITLES = ["总体要求", "加强组织领导", "完善基层医疗服务体系", "推进农村公路提档升级", "强化生态环境监管", "工作目标", "实施步骤"]
SENTENCES = ["到2025年，全县建成标准化村卫生室120所。", "各乡镇要明确专人负责，按月报送进展情况。",
             "新建农村公路50公里，改造危桥8座。", "责任单位：县交通运输局，各乡镇人民政府。",
             "空气质量优良天数比例稳定在95%以上。", "按照《实施办法》第（二）项规定执行。"]
CN = "一二三四五六七八九"


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3), min_size=0, max_size=4),
                min_size=3, max_size=6), st.randoms(use_true_random=False), st.sampled_from(["", " "]))
def test_any_plan_joined_keeps_its_heading_tree(tmp_path_factory, plan, random, joiner):
    lines = ["某县民生实事工作方案", "为做好民生实事工作，制定本方案。"]
    for top, children in enumerate(plan):
        lines += [f"{CN[top]}、{random.choice(TITLES)}", random.choice(SENTENCES)]
        for index, sentences in enumerate(children):
            lines += [f"（{CN[index]}）{random.choice(TITLES)}", *sentences]
    folder = tmp_path_factory.mktemp("plan")
    lined = [(level, number) for level, number, _ in headings(write_plan(folder, "\n".join(lines) + "\n"))]
    joined = [(level, number) for level, number, _ in headings(write_plan(folder, joiner.join(lines) + "\n"))]
    assert joined == lined


_ARTICLES = {
    # rules in chapters, sections and articles (第一章, 第一节, 第一条): urban greening, school enrolment
    "greening": ["某市城市绿化管理办法", "第一章　总则", "第一条　为了加强城市绿化管理，改善生态环境，结合本市实际，制定本办法。",
                 "第二条　本办法适用于本市城市规划区内的绿化规划、建设、保护和管理。", "第二章　规划和建设", "第一节　绿化规划",
                 "第三条　到2025年，全市建成区绿地率达到38%以上。", "第四条　新建居住区绿地率不低于30%。", "第二节　绿化建设",
                 "第五条　每年新增城市绿地100公顷以上。", "第三章　附则", "第六条　本办法自发布之日起施行。"],
    "enrolment": ["某区义务教育学校招生入学实施细则（试行）", "第一章　招生原则", "第一条　坚持免试就近入学原则，保障适龄儿童依法接受义务教育。",
                  "第二条　公办学校不得以任何形式举行入学考试。", "第二章　招生对象", "第三条　年满6周岁的本区户籍儿童。",
                  "第四条　符合条件的随迁子女，按积分安排入学。", "第三章　附则", "第五条　本细则由区教育局负责解释。"],
}


@pytest.mark.parametrize("plan", sorted(_ARTICLES))
@pytest.mark.parametrize("form", ["flat", "traditional flat", "traditional spaces"])
def test_a_title_run_into_its_first_chapter_and_articles_gets_its_breaks_back(tmp_path, plan, form):
    # 某市城市绿化管理办法第一章总则第一条为了…: the title ends in a kind of document, a 1 opens there; and 第一節/第一條
    # of a traditional copy are read as 第一节/第一条
    import opencc

    lines = _ARTICLES[plan]
    text = opencc.OpenCC("s2t").convert("\n".join(lines)) if form.startswith("traditional") else "\n".join(lines)
    joined = ("" if form.endswith("flat") else " ").join(text.split("\n"))
    lined, flat = tmp_path / "lined.txt", tmp_path / "flat.txt"
    lined.write_text("\n".join(lines) + "\n", encoding="utf-8")
    flat.write_text(joined + "\n", encoding="utf-8")
    assert len(headings(lined)) >= 8
    assert [(level, number) for level, number, _ in headings(flat)] == [(level, number) for level, number, _ in headings(lined)]


@pytest.mark.parametrize("lines", [
    ["某县农村饮水工程运行管理办法", "第一章　总则", "第一条　为加强农村饮水工程管理，制定本办法。", "第二章　管理责任",
     "第二条　千人以上供水工程由县水务公司统一管理，其他工程由乡镇人民政府负责管理。", "第三条　供水单位应当建立水质检测制度。"],
    ["某县公益性公墓管理办法", "第一章　规划建设", "第一条　公益性公墓建设项目由乡镇人民政府组织实施，县民政局负责业务指导。",
     "第二条　公墓建设应当节约用地。"],
    ["某县职业技能培训补贴实施细则", "第一章　组织实施", "第一条　职业技能培训计划由县人力资源社会保障局统一制定，每年向社会公布。",
     "第二条　培训机构应当如实记录学员出勤情况。"],
], ids=["water", "cemetery", "training"])
def test_an_article_naming_its_subject_keeps_its_sentence_whole_in_flat_text(tmp_path, lines):
    # an article is a sentence: a title word its subject ends with (工程, 项目, 计划) and the 由 after it end no title there
    flat_keeps_headings(tmp_path, lines)


@pytest.mark.parametrize("text, before, line", [
    # the notice's signature and date, then the plan's first part with no title between (sport, maternal health)
    ("请认真贯彻执行。某县人民政府办公室2024年3月5日一、总体要求以习近平新时代中国特色社会主义思想为指导。"
     "二、主要目标到2025年，经常参加体育锻炼人数比例达到38%。", "请认真贯彻执行。某县人民政府办公室2024年3月5日", "一、总体要求"),
    ("现将方案印发给你们。某区卫生健康局2023年11月20日一、工作目标到2025年，全区孕产妇系统管理率达到90%以上。"
     "二、重点任务（一）加强孕产期保健。", "现将方案印发给你们。某区卫生健康局2023年11月20日", "一、工作目标"),
    # a table's caption and number below a part's title (education: 表1, health: 附表2)
    ("第一章发展基础“十三五”期间，全市教育事业取得显著成效。第二章发展目标表1“十四五”教育发展主要指标指标\t2020年\t2025年\t属性"
     "学前三年毛入园率（%）\t92\t95\t预期性第三章主要任务第一节推进学前教育普惠发展。", "第二章发展目标", "表1“十四五”教育发展主要指标"),
    ("一、发展基础全县医疗卫生服务能力明显提升。二、卫生健康发展目标附表2主要健康指标指标\t2020年\t2025年人均预期寿命（岁）\t78\t79"
     "三、主要任务（一）加强公共卫生体系建设。", "二、卫生健康发展目标", "附表2主要健康指标"),
    # food safety and rural water: a page keeps a space after each marker; the body restates the title's opening
    ("为加强食品安全监管，制定本方案。一、 工作目标全面提升食品安全水平。二、 食品抽检标准食品抽检合格率稳定在98%以上，抽检覆盖"
     "所有食品类别。三、 保障措施各乡镇要加强组织领导。", "二、 食品抽检标准", "食品抽检合格率稳定在98%以上，抽检覆盖所有食品类别。"),
    ("为推进农村供水保障，制定本方案。一、 总体要求坚持城乡统筹。二、 农村供水工程建设标准农村供水工程应当按照集中供水的要求建设，"
     "每处工程日供水规模不低于200吨。三、 保障措施各乡镇要落实管护责任。", "二、 农村供水工程建设标准",
     "农村供水工程应当按照集中供水的要求建设，每处工程日供水规模不低于200吨。"),
])
def test_a_line_opens_where_the_lined_copy_has_one(text, before, line):
    lines = restored(text)
    assert lines[lines.index(line) - 1] == before


def test_markers_in_a_pdfs_radical_forms_open_paragraphs_in_flat_text():
    # A PDF's text layer may write 一 as the Kangxi radical ⼀ (U+2F00): 国务院 2016 40号 as extracted
    text = ("为落实全⾯建成⼩康社会要求，现提出如下意⻅。⼀、指导思想全⾯贯彻党的⼗⼋⼤精神。⼆、基本原则坚持统筹规划。"
            "三、⼯作⽬标到2020年，城乡义务教育⼀体化改⾰发展各项政策措施基本落实。")
    assert restored(text) == ["为落实全⾯建成⼩康社会要求，现提出如下意⻅。", "⼀、指导思想", "全⾯贯彻党的⼗⼋⼤精神。", "⼆、基本原则",
                              "坚持统筹规划。", "三、⼯作⽬标", "到2020年，城乡义务教育⼀体化改⾰发展各项政策措施基本落实。"]


@pytest.mark.parametrize("text, title", [
    # a stage's dates in brackets close its title (government transparency, civil affairs, road safety)
    ("推广阶段（2016年1月-6月）该阶段重点在于利用前一阶段的工作成果", "推广阶段（2016年1月-6月）"),
    ("组织实施阶段（4月1日至4月7日）各参祭单位要做好现场秩序维护", "组织实施阶段（4月1日至4月7日）"),
    ("动员部署阶段(2013年12月-2014年1月)12月中下旬召开动员部署会", "动员部署阶段(2013年12月-2014年1月)"),
    # titles ending in 建设, 环节, 监管, 整顿, 模式 before a sentence's verb (推进, 拓展, 探索, 继续, 集中…)
    ("目的和意义推进宅基地和集体建设用地使用权确权登记发证是维护农民合法权益的重要措施", "目的和意义"),
    ("实施科学素质国际交流与合作工程拓展科学素质建设交流渠道，搭建开放合作平台", "实施科学素质国际交流与合作工程"),
    ("信息化建设依托政务云平台建成全区统一的监管系统", "信息化建设"),
    ("事中事后监管强化日常巡查和随机抽查", "事中事后监管"),
    ("创新服务模式探索建立“互联网+医疗”服务体系", "创新服务模式"),
    # a task's title, a verb and its object, before its body's own verb, after the body's adverbs or modal
    # (health, education, agriculture, environment, transport, employment, housing)
    ("推进家庭医生签约服务扩面提质落实签约居民分级诊疗优惠政策，引导居民基层首诊", "推进家庭医生签约服务扩面提质"),
    ("扩大优质学前教育资源供给鼓励社会力量举办普惠性幼儿园，支持国有企事业单位办园", "扩大优质学前教育资源供给"),
    ("培育新型农业经营主体重点支持家庭农场和农民合作社发展壮大，到2025年", "培育新型农业经营主体"),
    ("严格控制工业污染排放督促重点排污单位安装在线监测设备，确保达标排放", "严格控制工业污染排放"),
    ("加快农村公路提档升级统筹推进县乡道改造和村道延伸，2024年底前完成", "加快农村公路提档升级"),
    ("强化就业困难人员帮扶切实做好零就业家庭动态清零，每户至少一人就业", "强化就业困难人员帮扶"),
    ("规范老旧小区改造流程应当组织居民议定改造内容，公示改造方案", "规范老旧小区改造流程"),
    # the body restating the title's opening after a verb or a modifier of its own (education, environment), not after a
    # title word the title ends with (childcare: 托育服务补助|标准托育服务…)
    ("校车安全管理加强校车安全管理，每学期开展1次校车安全检查", "校车安全管理"),
    ("农村生活污水治理推进农村生活污水治理，到2025年治理率达到40%", "农村生活污水治理"),
    ("托育服务补助标准托育服务补助按每名幼儿每月200元发放", "托育服务补助标准"),
    # not inside a chain of verbs (扶持发展), nor between an adverb and its verb (重点|围绕), nor at a verb joined to
    # another by a conjunction, a noun in the title (激励和保障机制, 激励与考核制度)
    ("完善基层卫生人才激励和保障机制落实乡村医生待遇，稳定村医队伍", "完善基层卫生人才激励和保障机制"),
    ("健全教师培训激励与考核制度推动教师参加继续教育，每年不少于72学时", "健全教师培训激励与考核制度"),
    ("扶持发展特色种养业鼓励村集体领办合作社，带动农户增收", "扶持发展特色种养业"),
    ("抓好一批健康村镇示范典型重点围绕慢性病防控开展创建，以点带面", "抓好一批健康村镇示范典型"),
    # a review of the plan's base opening with a past year and its comma (health, rural environment; finding 16)
    ("医疗卫生资源现状2023年，全区每千人口执业医师数达到3.2人", "医疗卫生资源现状"),
    ("农村人居环境整治成效2022年以来，全县卫生厕所普及率提高到92%", "农村人居环境整治成效"),
    # nor at grounds after a modal: an article's or an item's sentence names its subject before them (employment, health;
    # finding 17)
    ("机关、事业单位、国有企业应当按照不低于本单位在职职工总数1.5%的比例安排残疾人就业", None),
    ("各医疗机构应当根据服务人口配备家庭医生团队，每个团队不少于3人", None),
    # nor inside a title its full stop closes, whatever verbs it holds (health, transport)
    ("加强对老年健康服务的统筹规划与宏观指导。将医养结合纳入卫生健康发展规划", None),
    ("推动与周边城市开展交通运输合作。积极对接省际客运班线", None),
    # the opening sections of a contingency plan and of a spatial plan: why and on what grounds it was written
    # (emergency, natural resources; stop 40's lead probes)
    ("编制目的做好水旱灾害突发事件防范与处置工作，制定本预案", "编制目的"),
    ("编制依据依据《中华人民共和国突发事件应对法》等法律法规，制定本预案", "编制依据"),
    ("规划期限本规划期限为2021—2035年，近期至2025年", "规划期限"),
    # not a title's end: a month in a date inside a long sentence, a word before a quote that the title goes on with
    ("低碳日“低碳出行”活动倡导全区各级各部门工作人员低碳日当天（6月15日，星期一）绿色出行", None),
    # a task's title before a verb of building or doing and the count of what it does, however short the sentence (tourism,
    # health, emergency, elderly care, legal services, water), not at a grade, a count or a word of the object restated
    ("培育旅游品牌新创建国家AAAA级旅游景区2家。", "培育旅游品牌"),
    ("推进医院提质创建2家三级医院，新增床位500张。", "推进医院提质"),
    ("健全应急预案体系修订专项应急预案12部。", "健全应急预案体系"),
    ("提升养老服务新增养老床位500张。", "提升养老服务"),
    ("健全公共法律服务体系建成村级法律服务室150个。", "健全公共法律服务体系"),
    ("加强水利设施建设新建小型水库3座。", "加强水利设施建设"),
    ("提升教育设施新建改扩建公办幼儿园24所。", "提升教育设施"),
    # not a verb a title word makes a noun (建设项目), nor one closing its object as a noun before a count (公路建设300公里),
    # nor a chain of verbs (组织开展), nor after a time (transport, rural revitalisation, emergency, science literacy)
    ("实施乡村振兴建设项目30个。", None),
    ("完成农村公路建设300公里，改造危桥10座。", None),
    ("组织开展应急演练20次。", None),
    # a title word that no object follows is the title's last (education)
    ("加强教师队伍建设每年招聘新教师不少于150名，教师交流轮岗比例不低于10%。", "加强教师队伍建设"),
    ("突出“五类人员”科学素质提升在“十四五”期间实施5项提升行动，重点围绕", None),
])
def test_a_glued_title_ends_at_a_stage_note_or_a_title_word_before_a_verb(text, title):
    cut = glued_title_end(text)
    assert (text[:cut] if cut else None) == title


def _without_header_by_every_start(row: list[str], header: list[str]) -> list[str]:
    """The definition: the first cell after which the row's filled cells are the header's rest, glued to its first."""
    if len(header) < 2:
        return row
    for start in range(1, len(row)):
        if [cell for cell in row[start:] if cell.strip()] == header[1:] and row[start - 1].endswith(header[0]):
            return row[: start - 1] + [row[start - 1][: -len(header[0])]]
    return row


@settings(max_examples=200)
@given(st.lists(st.sampled_from(["", "序号", "内容", "单位", "政府序号", "1", "区政府", " "]), max_size=9),
       st.lists(st.sampled_from(["序号", "内容", "单位"]), min_size=0, max_size=3))
def test_a_repeated_header_is_found_from_the_rows_end_as_by_its_definition(row, header):
    # found from the end in one pass (every start's following cells made a flattened row quadratic)
    from planparse.linebreaks import _without_repeated_header

    assert _without_repeated_header(row, header) == _without_header_by_every_start(row, header)


def test_a_title_of_two_parallel_phrases_ends_where_its_subject_opens_the_sentence():
    # health and rivers, line breaks lost: the title's comma is no sentence's; a short phrase's 督查 is its verb
    text = ("三、保障措施（一）加强宣传，营造氛围各级医疗机构要通过多种形式宣传家庭医生签约服务。（二）压实责任，强化考核各区要将河湖长制"
            "落实情况纳入年度考核。（三）统一调度，督查落实各乡镇按要求报送进展。")
    assert restored(text) == ["三、保障措施", "（一）加强宣传，营造氛围", "各级医疗机构要通过多种形式宣传家庭医生签约服务。",
                              "（二）压实责任，强化考核", "各区要将河湖长制落实情况纳入年度考核。", "（三）统一调度，督查落实各乡镇按要求报送进展。"]


@pytest.mark.parametrize("text, part", [
    # licensing: 四、 left out, the title closed by the spaces its line end became
    ("一、申报条件（一）申报对象。本市户籍居民。二、办理流程（一）申请受理。提交申请材料。（二）现场勘验。区农业农村局组织勘验。"
     "三、办理时限自受理之日起20个工作日内办结。五、有关要求    （一）各有关单位要依法履职尽责。（二）加强监督检查。", "五、有关要求"),
    # education: 四、 left out, the title closed by its first item's marker
    ("一、总体要求坚持公益普惠。二、主要任务（一）扩大普惠性资源供给。新建幼儿园10所。三、保障措施（一）加强组织领导。"
     "各地要落实责任。五、工作要求1.各学校要按时报送数据。2.加强督查。", "五、工作要求"),
])
def test_a_part_whose_number_the_plan_left_out_opens_its_paragraph_in_flat_text(text, part):
    pieces = [piece.strip() for piece in restored(text)]
    assert part in pieces and pieces[pieces.index(part) + 1].startswith(("（一）", "1."))


@pytest.mark.parametrize("text, pieces", [
    # culture: a copy cut before its 一、, the plan's title running into 二、
    ("某市文化和开放发展行动方案二、重点任务（一）办好节会平台。举办国际文化旅游节1届。（二）扩大招商引资。引进亿元以上项目40个。"
     "三、保障措施加强组织领导。", ["某市文化和开放发展行动方案", "二、重点任务", "（一）办好节会平台。举办国际文化旅游节1届。",
                           "（二）扩大招商引资。引进亿元以上项目40个。", "三、保障措施", "加强组织领导。"]),
    # rural living: the same after a notice's title, its items numbered 1.
    ("某县农村人居环境整治提升工作要点二、重点工作1.推进农村厕所革命。新改建农村户厕1200户。2.治理生活污水。建成污水处理站15座。",
     ["某县农村人居环境整治提升工作要点", "二、重点工作", "1.推进农村厕所革命。新改建农村户厕1200户。", "2.治理生活污水。建成污水处理站15座。"]),
])
def test_a_flat_plan_whose_first_part_is_numbered_two_opens_its_paragraphs(text, pieces):
    assert [piece.strip() for piece in restored(text)] == pieces


def test_a_two_inside_a_flat_sentence_opens_no_list():
    # a sentence's 二、 with no title alone after it (no first item's marker) is no part a copy lost the 一、 of
    text = "某县养老服务工作方案各乡镇要做好以下工作：二、三季度完成摸底。四季度完成改造。"
    assert restored(text) == [text]


def test_a_number_one_past_the_next_inside_a_sentence_opens_nothing():
    text = ("一、总体要求坚持公益普惠。二、主要任务（一）扩大普惠性资源供给。新建幼儿园10所。（二）加强师资建设。培训教师500人。"
            "三、保障措施（一）加强组织领导。五、三年以上教龄的教师优先参加培训。")
    assert not any(piece.startswith("五、") for piece in restored(text))


@pytest.mark.parametrize("text", [
    # water: a plan's 1.-3. then its attachment list run into one line, 4. going on from them
    "一、总体要求到2025年，农村自来水普及率达到95%。二、主要任务1.加强水源保护。划定保护区。2.完善供水设施。新建水厂2座。"
    "3.强化水质监测。每月检测一次。三、保障措施加强组织领导。附件：1.水源地名录（县级）2.水厂建设任务表3.水质监测点位表"
    "4.农村供水工程示意图5.供水应急预案",
    # culture: the same after a note closing the last item
    "一、工作目标到2025年，建成公共文化服务体系。二、重点工作1.保护文物古迹。开展普查。2.传承非遗项目。建立名录。3.繁荣文艺创作。"
    "推出精品。（区文旅局）三、工作要求各单位要加强协作。附件：1.文物保护单位名录2.非遗项目名录3.精品创作扶持办法4.重点文艺项目表",
])
def test_an_attachment_list_run_into_the_text_opens_no_paragraphs(text):
    pieces = restored(text)
    assert "附件：1." in pieces[-1]
    assert not any(piece.startswith(("4.", "5.")) for piece in pieces)


@pytest.mark.parametrize("text, titles", [
    # industry chains and a leading group: a label spaced out to three characters' width after the title (链  长：, 组  长：)
    ("一、产业链链长工作专班（一）物流贸易产业链链    长：陈善光（区党工委书记）牵头单位：区经发局（二）数字经济产业链链    长：林文耀"
     "牵头单位：区审批局二、工作机制（一）定期会商。每季度召开一次会议。", ["（一）物流贸易产业链", "（二）数字经济产业链"]),
    ("一、组织机构（一）领导小组组  长：王进足副组长：李平（二）工作专班组  长：林荣成员：各乡镇分管领导二、工作任务（一）全面排查。"
     "各乡镇要在6月底前完成排查。", ["（一）领导小组", "（二）工作专班"]),
])
def test_a_spaced_out_label_after_a_title_opens_the_next_line(text, titles):
    pieces = restored(text)
    assert [piece for piece in pieces if piece.startswith(("（一）", "（二）"))][:2] == titles


@pytest.mark.parametrize("text, items", [
    # drug safety: stages announced by 分为…：, each a paragraph closed by a full stop
    ("一、工作目标全面规范药品经营秩序。二、工作步骤综合整治行动分为三个阶段进行：（一）企业自查阶段（4月1日至4月20日）。组织企业对照"
     "整治内容开展自查。（二）检查整治阶段（4月21日至6月5日）。开展全覆盖检查。（三）总结阶段（7月）。全面总结整治工作。三、工作要求加强领导。",
     ["（一）企业自查阶段（4月1日至4月20日）。组织企业对照整治内容开展自查。", "（二）检查整治阶段（4月21日至6月5日）。开展全覆盖检查。"]),
    # medical relief: who is covered, announced by 包括：, each item a sentence
    ("一、救助对象（一）救助范围包括：1.城乡低保对象、特困供养人员。按规定给予全额救助。2.因突发事件造成人身伤害的城乡居民。"
     "按规定给予补助。（二）认定程序由医疗机构提出申请。二、基金管理专款专用。",
     ["1.城乡低保对象、特困供养人员。按规定给予全额救助。", "2.因突发事件造成人身伤害的城乡居民。按规定给予补助。"]),
])
def test_a_list_of_paragraphs_announced_by_a_colon_opens_its_paragraphs(text, items):
    pieces = restored(text)
    assert all(item in pieces for item in items)


@pytest.mark.parametrize("text, items", [
    # work safety: a blacklist's procedure, announced by 以下程序：, each step a title and its body
    ("二、工作措施（一）建立黑名单制度。列入黑名单一般遵循以下程序：（1）信息采集。各部门通过执法检查收集违法信息。（2）信息告知。"
     "相关部门要提前告知当事单位。（3）信息公布。在10个工作日内向社会公布。（二）强化联合惩戒。", ["（1）信息采集。", "（2）信息告知。", "（3）信息公布。"]),
    # school admission: its steps, announced by 如下：
    ("三、实施步骤招生工作具体程序如下：（1）网上报名。家长登录平台填报信息。（2）资格审核。各校对报名材料进行审核。（3）结果公示。"
     "公示期为5个工作日。四、工作要求加强领导。", ["（1）网上报名。", "（2）资格审核。", "（3）结果公示。"]),
    # transport: what a site must do, run into its sentence as given, each item a title and its body too
    ("三、活动内容（一）工地建设标准化具体做到：（1）场地硬化。拌合站场地全部硬化。（2）标志清晰。设置统一标志牌。（二）管理行为标准化加强培训。", []),
])
def test_items_of_a_style_run_into_sentences_open_paragraphs_after_a_colon_announcing_a_block(text, items):
    assert [piece for piece in restored(text) if piece.startswith(("（1）", "（2）", "（3）"))] == [
        next(piece for piece in restored(text) if piece.startswith(item)) for item in items]


@pytest.mark.parametrize("conditions", [
    # an article's conditions, each closed by ；, are clauses of its sentence (employment, health; finding 17)
    "申请就业帮扶的残疾人应当符合下列条件：（一）年满16周岁至法定退休年龄；（二）具有劳动能力和就业意愿；（三）在本县连续居住满1年。",
    "申请补助的机构应当具备下列条件：（一）取得医疗机构执业许可证；（二）配备全科医生2名以上；（三）开展签约服务满1年。",
])
def test_an_articles_conditions_stay_in_its_sentence(conditions):
    text = f"第一条为规范补助管理，制定本办法。第二条本办法适用于本县。第三条{conditions}第四条本办法自发布之日起施行。"
    assert restored(text) == ["第一条为规范补助管理，制定本办法。", "第二条本办法适用于本县。", f"第三条{conditions}", "第四条本办法自发布之日起施行。"]


def test_an_enumeration_run_into_its_sentence_stays_there():
    # culture: items parted by ；
    text = ("一、普查范围非物质文化遗产主要包括以下三类：（一）传统口头文学；（二）传统美术、书法；（三）传统技艺。二、普查方法实地调查。"
            "三、工作要求（一）加强领导。（二）落实经费。")
    assert not any(piece.startswith("（二）传统") for piece in restored(text))


@pytest.mark.parametrize("text, item, heading", [
    # environment: the outfalls' survey lists what it gives, its 4、 one past the heading above
    ("一、主要任务1.开展污染源普查。摸清排放底数。2.建立排查台账。逐一登记。3.开展入河排污口排查。排查成果包括：1、排污口位置图；"
     "2、监测数据表；3、问题清单；4、整治方案。4.推进整治提升。对排查发现的问题限期整改。二、保障措施加强领导。", "4、整治方案", "4.推进整治提升"),
    # health: a team's services, its 3. one past the heading above
    ("二、重点任务（一）完善服务网络。1.建设社区卫生服务中心。每个街道建成1所。2.配备家庭医生团队。服务内容包括：1.健康档案管理；"
     "2.慢病随访；3.预约转诊。3.推进医防融合。建立协作机制。（二）加强人才培养。", "3.预约转诊", "3.推进医防融合"),
])
def test_an_enumeration_item_numbered_after_the_heading_above_stays_in_its_sentence(text, item, heading):
    pieces = restored(text)
    assert not any(piece.startswith(item) for piece in pieces) and any(piece.startswith(heading) for piece in pieces)


@pytest.mark.parametrize("text, item", [
    # food safety and health: a note closed by an angle bracket (typed for ）) before the next item
    ("一、主要任务1.开展餐饮服务标准化建设。创建示范店10家。（区市场监管局〉2.开展餐饮业食品监督抽检。加大抽检力度。"
     "3.开展食品安全宣传。每年举办宣传周活动。二、保障措施加强组织领导。", "2.开展餐饮业食品监督抽检。加大抽检力度。"),
    ("一、重点任务1.推进家庭医生签约服务。重点人群签约率达到70%。〈区卫健局〉2.加强慢性病管理。规范管理率达到65%。"
     "3.提升基层服务能力。每个乡镇卫生院配备全科医生2名。二、保障措施强化考核。", "2.加强慢性病管理。规范管理率达到65%。"),
])
def test_an_item_after_a_note_in_angle_brackets_opens_its_paragraph(text, item):
    assert item in restored(text)


def test_a_title_word_then_a_sentence_opened_by_now_a_plan_or_a_partner_ends_the_title():
    # agriculture, science, environment, childcare: 种类|目前, 奖励|由, 机制|配合, 对象|拟
    text = ("一、补贴种类目前补贴对象以农机购置为主。二、科技成果转化奖励由区科技局按年度认定。三、联合执法机制配合市生态环境局开展"
            "执法检查。四、申报对象拟在本区开办托育机构的企业。")
    assert [piece for piece in restored(text) if piece[1] == "、"] == ["一、补贴种类", "二、科技成果转化奖励", "三、联合执法机制", "四、申报对象"]


@pytest.mark.parametrize("lines", [
    # 教育: a joint notice and a plan of two parts; 农业: a bureau's notice and its plan, crawled onto one line
    ["某市教育局 某市财政局", "某教发[2024]6号", "关于印发《某市中小学教师培训提升计划（2024—2026年）》的通知", "各县（市、区）教育局、财政局：",
     "现将《某市中小学教师培训提升计划（2024—2026年）》印发给你们，请认真贯彻落实。", "某市教育局　　某市财政局", "2024年2月20日",
     "某市中小学教师培训提升计划（2024—2026年）", "一、目标任务", "到2026年，每年培训中小学教师3000人次。", "二、保障措施", "各地要落实培训经费。"],
    ["某市农业农村局文件", "某农发〔2023〕31号", "关于印发某市高标准农田建设实施方案的通知", "各县（市、区）农业农村局：",
     "现将《某市高标准农田建设实施方案》印发给你们，请认真抓好落实。", "某市农业农村局", "2023年7月12日",
     "某市高标准农田建设实施方案", "一、建设目标", "到2025年，全市累计建成高标准农田120万亩。", "二、保障措施", "各县要落实建设资金。"],
], ids=["education", "agriculture"])
def test_a_short_notice_on_one_line_gets_its_two_parts_and_its_number_back(tmp_path, lines):
    # two markers inside one line that holds the whole text: few breaks, but no lined text runs its parts into one line
    lined, flat = write_lined_and_flat(tmp_path, lines)
    assert headings(flat) == headings(lined) and len(headings(lined)) == 2
    assert extract(flat).metadata == extract(lined).metadata


@pytest.mark.parametrize("lines", [
    # land use and transport plans number their chapters by a bare number, the sections below them 1.1, 1.1.1
    ["某市国土空间总体规划（2021—2035年）", "1 规划总则", "1.1 规划目的", "为落实国家战略，编制本规划。", "1.2 规划期限",
     "规划期限为2021—2035年。", "2 发展目标", "2.1 总体目标", "到2035年，建成区域中心城市。", "2.2 主要指标", "2.2.1 耕地保有量",
     "耕地保有量不低于120万亩。", "2.2.2 森林覆盖率", "森林覆盖率达到65%以上。", "3 规划实施", "3.1 加强组织领导", "各县要建立实施机制。"],
    ["某县综合交通运输发展规划", "1 发展基础", "1.1 主要成效", "新改建农村公路300公里。", "2 总体要求", "2.1 发展目标",
     "到2025年，建制村通双车道比例达到80%。", "2.2 重点任务", "完善路网结构。", "3 保障措施", "3.1 强化资金保障", "落实养护资金。"],
], ids=["land-use", "transport"])
def test_bare_chapter_numbers_run_into_their_first_section_get_their_breaks_back(tmp_path, lines):
    # …）1 规划总则1.1 规划目的…: the chapter's number wants its title alone on its line; its first section N.1 ends that
    # line, with its line break lost or turned into a space (…） 1 规划总则 1.1 规划目的 …)
    lined, flat = write_lined_and_flat(tmp_path, lines)
    spaced = tmp_path / "spaced.txt"
    spaced.write_text(" ".join(lines) + "\n", encoding="utf-8")
    for copy in (flat, spaced):
        assert [(level, number) for level, number, _ in headings(copy)] == [(level, number) for level, number, _ in headings(lined)], copy.name
        assert [title for level, _, title in headings(copy) if level == 1] == [title for level, _, title in headings(lined) if level == 1]


@pytest.mark.parametrize("text", [
    # a PDF copy's page numbers between dashes, glued before the items they stood over (transport, water)
    "某县新能源汽车充电基础设施建设实施方案一、工作目标到2025年，全县建成充电桩500个。二、重点任务1.建设居住区充电设施。"
    "新建小区充电设施安装率达到100%。— 1 —2.建设集中充电设施。每个乡镇建成集中充电站1座。3.完善公共充电网络。— 2 —"
    "三、保障措施（一）加强组织领导。成立工作专班。",
    "某县农村生活污水治理实施方案一、工作目标到2025年，农村生活污水治理率达到60%。二、重点任务1.推进管网建设。新建污水管网50公里。"
    "- 1 -2.建设处理设施。新建处理站20座。3.加强运行维护。- 2 -三、保障措施（一）强化资金保障。县财政每年安排资金500万元。",
], ids=["charging", "sewage"])
def test_a_page_number_glued_before_a_heading_leaves_it_a_heading_and_goes(tmp_path, text):
    plan = extract(write_plan(tmp_path, text))
    assert [(section.level, section.number) for section in walk_sections(plan.sections)] == [
        (1, 1), (1, 2), (2, 1), (2, 2), (2, 3), (1, 3), (2, 1)]
    assert not any(mark in section.body for section in walk_sections(plan.sections) for mark in ("— 1 —", "- 1 -", "— 2 —", "- 2 -"))


def test_a_page_number_after_a_heading_before_an_indent_leaves_its_title(tmp_path):
    """A PDF copy's page number after a heading, before the indented paragraph under it, its line breaks lost (energy,
    water): the flattened text is cut at the indent, and the number goes with it, not into the heading's title."""
    texts = ("某市新型储能产业发展三年行动方案一、发展现状　　截至2024年底，全市建成储能电站9座。二、主要目标— 1 —　　到2027年，"
             "全市新型储能装机规模达到150万千瓦以上。三、重点任务　　（一）推进电源侧储能建设。新建储能项目20万千瓦。",
             "某县农村供水保障三年行动方案一、工作基础　　全县农村自来水普及率为92%。二、主要目标- 3 -　　到2026年，农村自来水普及率"
             "达到98%。三、重点任务　　（一）实施水源工程。新建水厂2座。")
    folders = [tmp_path / name for name in ("storage", "water")]
    for folder in folders:
        folder.mkdir()
    titles = [[section.title for section in walk_sections(extract(write_plan(folder, text)).sections) if section.level == 1]
              for folder, text in zip(folders, texts)]
    assert titles == [["发展现状", "主要目标", "重点任务"], ["工作基础", "主要目标", "重点任务"]]


@pytest.mark.parametrize("text, items", [
    # health: a time (在2024年底前) and a modal before the body's grounds (要根据) open the bodies of two items whose
    # titles end in no title word, among siblings whose bodies open with their subjects
    ("为提升基层医疗服务能力，制定本方案。一、总体要求坚持以人民健康为中心。二、重点任务（一）加强基层医疗卫生服务体系建设"
     "各乡镇卫生院要配齐全科医生。（二）提升家庭医生签约服务质量在2024年底前实现重点人群签约覆盖率达到80%以上，逐步扩大签约范围。"
     "（三）调整医疗服务价格，实施分级诊疗要根据省级部署推进医疗服务价格改革，逐步理顺比价关系。（四）推进医疗卫生人才培养工程"
     "各县级医院要每年选派骨干医师进修。",
     ["（二）提升家庭医生签约服务质量", "（三）调整医疗服务价格，实施分级诊疗"]),
    # education: a time, and a task's opening verb (鼓励) after a title of 发展, which is no task verb
    ("为发展学前教育，制定本方案。一、总体要求坚持公益普惠。二、主要任务1.扩大普惠性学前教育资源各县（市、区）要新建、改扩建"
     "一批公办幼儿园。2.加强幼儿园教师队伍建设各地要按标准配齐保教人员。3.补齐农村学前教育短板在2025年底前实现每个乡镇至少有"
     "1所公办中心幼儿园，逐步覆盖大村独立建园。4.发展多种形式的普惠托育服务鼓励社会力量举办普惠性托育机构，支持用人单位办托。",
     ["3.补齐农村学前教育短板", "4.发展多种形式的普惠托育服务"]),
    # housing: the same, in a list of four
    ("为推进老旧小区改造，制定本方案。一、工作目标改善居住条件。二、工作任务（一）全面摸清城镇老旧小区底数各街道要对辖区内2000年"
     "前建成的老旧小区进行全面排查。（二）多渠道筹措改造资金鼓励社会资本参与老旧小区改造，探索居民合理共担机制。（三）加快推进"
     "加装电梯工作在2025年底前完成既有住宅加装电梯500部，优先支持老年人多的楼栋。（四）完善小区物业管理制度各街道要指导业主"
     "委员会选聘物业服务企业。",
     ["（二）多渠道筹措改造资金", "（三）加快推进加装电梯工作"]),
    # science popularisation and health: the occasion a body opens with (科技活动周期间，), after a title of 重点, a noun
    ("为办好科技活动周，制定本方案。一、活动时间2024年5月20日至26日。二、活动主题科技创新，美好生活。三、宣传重点科技活动周期间，"
     "以“科技创新”为主题，组织开展科普展览和科普讲座。四、工作要求各单位要加强组织。", ["三、宣传重点"]),
    ("为做好世界卫生日宣传，制定本方案。一、活动时间2024年4月7日。二、活动主题健康中国，你我同行。三、工作重点世界卫生日期间，"
     "各医疗机构要开展义诊咨询活动，发放健康宣传资料。四、工作要求各单位要加强组织。", ["三、工作重点"]),
    # countryside and education: a title opening with a verb whose first character opens sentences too (因, 对), and an
    # adverbial idiom before its verb (因地制宜推进…), which ends no title
    ("为改善农村人居环境，制定本方案。一、总体要求坚持因地制宜。二、重点任务（一）推进农村生活垃圾治理各乡镇要建立收运处置体系。"
     "（二）因地制宜推进农村改厕在2025年底前完成户厕改造3000座，逐步提高卫生厕所普及率。（三）加强村容村貌整治各村要开展村庄清洁行动。",
     ["（二）因地制宜推进农村改厕"]),
    ("为推进义务教育均衡发展，制定本方案。一、总体要求坚持城乡统筹。二、重点任务（一）改善乡村学校办学条件各县（市、区）要加快薄弱"
     "学校改造。（二）对口帮扶乡村薄弱学校在2025年底前实现城乡学校结对全覆盖，每年选派骨干教师50名支教。（三）加强乡村教师队伍建设"
     "各地要落实乡村教师生活补助。", ["（二）对口帮扶乡村薄弱学校"]),
    # agriculture and health: a title as long as most of its siblings', of a set form, whose body opens with a bare
    # subject (农田建设亩均…, 签约服务由…)
    ("为推进高标准农田建设，制定本方案。一、总体目标到2025年建成高标准农田5万亩。二、年度任务2024年建成高标准农田1.5万亩。三、资金"
     "筹措农田建设亩均财政投入不低于3000元，县级财政足额配套。四、保障措施各乡镇要落实责任。", ["三、资金筹措"]),
    ("为做实家庭医生签约服务，制定本方案。一、工作目标到2025年重点人群签约率达到75%。二、服务方式签约服务由家庭医生团队每月入户随访"
     "1次，提供基本医疗和公共卫生服务。三、保障措施各乡镇卫生院要配齐人员。", ["二、服务方式"]),
])
def test_an_item_among_titled_siblings_has_its_title_cut_where_a_sentence_opens(text, items):
    lines = restored(text)
    assert all(item in lines and not lines[lines.index(item) + 1].startswith("（") for item in items)


def test_an_item_that_opens_as_a_sentence_keeps_it_whole_among_titled_siblings():
    # employment: the measures' purpose and a definition are items of one sentence, not a title and its body
    text = ("某县就业补助资金管理办法一、为了规范就业补助资金管理，更好地发挥资金使用效益，根据有关规定，制定本办法。二、适用范围本办法"
            "适用于全县就业补助资金的管理。三、本办法所称就业补助资金，是指县级财政安排用于促进就业创业的专项资金。四、监督管理县财政局"
            "要会同县人社局加强资金监管。五、本办法自发布之日起施行。")
    lines = restored(text)
    assert "一、为了规范就业补助资金管理，更好地发挥资金使用效益，根据有关规定，制定本办法。" in lines
    assert "三、本办法所称就业补助资金，是指县级财政安排用于促进就业创业的专项资金。" in lines
    assert {"二、适用范围", "四、监督管理"} <= set(lines)  # its siblings' titles, which make the list one of titled items


@pytest.mark.parametrize("text, item", [
    # social assistance and culture: among siblings whose titles are of one length, an item opened by a verb is one
    # sentence, its object longer than their titles (实施临时救助|的…, not 实施临时)
    ("为规范临时救助，制定本办法。一、救助对象因火灾、交通事故等导致生活困难的家庭。二、救助标准按照每户每次不超过3000元给予救助。"
     "三、实施临时救助的乡镇人民政府应当在五个工作日内完成审核，并将救助资金发放到户。四、资金管理区财政局负责资金保障。",
     "三、实施临时救助的乡镇人民政府应当在五个工作日内完成审核，并将救助资金发放到户。"),
    ("为繁荣乡村文化，制定本方案。一、活动时间2024年全年。二、活动内容每村每年放映公益电影12场。三、开展送戏下乡的演出团体由县文旅局"
     "统一选定，每场演出补助2000元。四、保障措施各乡镇要做好场地保障。",
     "三、开展送戏下乡的演出团体由县文旅局统一选定，每场演出补助2000元。"),
])
def test_an_item_opened_by_a_verb_among_set_form_titles_stays_one_sentence(text, item):
    assert item in restored(text)


@pytest.mark.parametrize("text, caption", [
    # health and education in traditional characters, on one line: the caption ends where its table's first header cell
    # (序號) opens, as a simplified copy's ends at 序号
    ("為提升全民健康水準，制定本方案。一、發展目標到2025年，主要健康指標達到全省平均水準。表1主要健康指標序號\t指標名稱\t2025年目標"
     "\t1\t人均預期壽命（歲）\t79\t2\t孕產婦死亡率（/10萬）\t≤10二、主要任務（一）加強公共衛生體系建設。", "表1主要健康指標"),
    ("為推進教育現代化，制定本方案。一、發展目標到2025年，學前教育毛入園率達到95%。表2教育發展主要指標序號\t指標\t2025年\t1\t"
     "學前三年毛入園率（%）\t95\t2\t九年義務教育鞏固率（%）\t98二、主要任務（一）擴大普惠性學前教育資源。", "表2教育發展主要指標"),
])
def test_a_traditional_caption_glued_to_its_tables_first_header_cell_ends_before_it(text, caption):
    lines = restored(text)
    header = next(index for index, line in enumerate(lines) if line.startswith("序號\t"))
    assert lines[header - 1].endswith(caption) and lines[header + 1].startswith("1\t")


@pytest.mark.parametrize("lines, year", [
    # 教育: an action's goal announces its list numbered （1）, kept in the goal's paragraph when the breaks are lost
    (["某县学前教育提升行动方案", "一、重点行动", "（一）普惠扩容行动", "行动目标：到2025年，实现以下目标：",
     "（1）新建普惠性幼儿园12所。", "（2）每年培训乡村幼儿教师800人次。", "（二）保障措施", "落实建设资金。"], 2025),
    # 卫生: the goal's sentence states more than its year before its colon
    (["某县基层卫生能力提升方案", "一、工作目标", "到2026年，基层医疗服务能力明显提升，具体为：",
     "（1）建成县域医疗次中心5个。", "（2）乡镇卫生院服务能力达标率达到95%。", "二、保障措施", "落实人员编制。"], 2026),
], ids=["education", "health"])
def test_a_list_run_into_the_goal_that_announces_it_is_due_in_the_goals_year(tmp_path, lines, year):
    lined, flat = write_lined_and_flat(tmp_path, lines)
    due = [(target.value, target.unit, target.deadline) for target in extract(lined).targets]
    assert [deadline for _, _, deadline in due] == [year, year]
    assert [(target.value, target.unit, target.deadline) for target in extract(flat).targets] == due


@pytest.mark.parametrize("lines", [
    # 工业: a class's bound after a title word (规模|以上) in an item that is one sentence
    ["某市制造业创新发展方案", "一、主要目标", "1.到2027年，全市规模以上工业企业研发机构覆盖率达到50%。",
     "2.全市高新技术企业数量达到500家。", "二、保障措施", "加强统筹。"],
    # 卫生: a grade's bound (标准|以上) after a title word
    ["某县医疗服务提升方案", "一、工作目标", "1.全县二级标准以上医院数量增加5家。", "2.乡镇卫生院达标率达到95%。",
     "二、保障措施", "落实经费。"],
], ids=["industry", "health"])
def test_an_item_of_one_sentence_is_not_cut_at_a_bound_after_a_title_word(tmp_path, lines):
    flat_keeps_headings(tmp_path, lines)


@pytest.mark.parametrize("lines", [
    # 教育: each break after a full stop, two titles run into a sentence opened after a title word (领导|成立, 机制|建立)
    ["某县学前教育三年行动方案", "为推进学前教育普及普惠发展，制定本方案。", "一、发展目标。到2027年，全县学前三年毛入园率达到92%以上。",
     "二、主要任务。围绕普及普惠，重点抓好以下工作。", "（一）加强组织领导", "成立学前教育工作领导小组，统筹推进各项工作。",
     "（二）完善投入机制", "建立生均公用经费标准动态调整机制，每年安排资金500万元。"],
    # 卫生: the same in another field (体系|加强, 制度|建立)
    ["某市基层卫生服务能力提升实施方案", "为提升基层卫生服务能力，制定本方案。", "一、工作目标。到2026年底，每个乡镇卫生院至少配备1名全科医生。",
     "二、重点工作。围绕人才和考核，抓好以下工作。", "（一）完善培养体系", "加强农村订单定向医学生培养，每年培养30名。",
     "（二）健全考核制度", "建立年度绩效考核制度，考核结果与经费挂钩。"],
], ids=["education", "health"])
def test_spaces_a_page_sets_after_its_marks_are_no_line_ends_with_the_line_breaks_lost(tmp_path, lines):
    # a page that writes &nbsp; after each comma and full stop (…所。&nbsp;二、…): its breaks follow a mark, not a
    # title's word (一、指导思想 以…) as where breaks became spaces, so its titles run into their bodies as without them
    flat = "".join(lines)
    typeset = write_plan(tmp_path, flat.replace("，", "，\u00a0").replace("。", "。\u00a0") + "\n")
    (tmp_path / "plain").mkdir()
    assert headings(typeset) == headings(write_plan(tmp_path / "plain", flat + "\n"))


@pytest.mark.parametrize("lines", [
    # 创业: a PDF's space between a number and its measure word (纳税6 个月) in an item that is one sentence
    ["某区青年创业扶持实施意见", "一、创业资金扶持", "1.创业项目正常运营满一周年、连续纳税6 个月以上的，给予5万元创业资金扶持。",
     "2.吸纳就业10人以上的，给予2万元奖励。", "二、附则", "本意见自印发之日起施行。"],
    # 交通: a year so spaced (2025 年底前)
    ["某县公交站点建设方案", "一、建设任务", "1.新建城乡公交候车亭2025 年底前完成，全县新建候车亭120个。",
     "2.改造公交首末站3座。", "二、保障措施", "落实经费。"],
], ids=["enterprise", "transport"])
def test_a_number_keeps_its_words_across_a_space_with_the_line_breaks_lost(tmp_path, lines):
    flat_keeps_headings(tmp_path, lines)


@pytest.mark.parametrize(("words", "quote", "comparator"), [
    ("市财政三年安排专项资金不少于 1.5 亿元。", "市财政三年安排专项资金不少于1.5亿元", ">="),  # 数据要素: a budget
    ("每千人口执业（助理）医师数达到 3.2 人。", "每千人口执业（助理）医师数达到3.2人", ">="),  # 卫生: a level per head
    ("普惠小微贷款余额突破 1.2 万亿元。", "普惠小微贷款余额突破1.2万亿元", ">"),  # 金融: a balance
], ids=["data", "health", "finance"])
def test_a_decimal_inside_a_sentence_is_no_heading_of_a_spaced_page_on_one_line(tmp_path, words, quote, comparator):
    """A web page on one line whose numbers are spaced (达到 3.2 人) reads each space as a line end but beside a number, unless
    a heading's marker opens there; a decimal such as 1.5 or 3.2 passed for one (item 5 under 1) in the middle of a
    sentence, and the number was cut from the words that measure it (1.5亿元 '=', not 不少于…1.5亿元 '>=')."""
    plan = write_plan(tmp_path, "首页 政务公开 当前位置：首页 > 政策文件 某市某某工作实施方案 一、主要目标 到 2026 年，全市完成各项任务。 "
                                "二、重点任务 （一）推进重点工作。建成平台 1 个。 三、保障措施 " + words + " 某市人民政府办公室 2024 年 6 月 26 日印发\n")
    target = next(t for t in extract(plan).targets if t.value in (1.5e8, 3.2, 1.2e12))
    assert (target.quote, target.comparator) == (quote, comparator)


@pytest.mark.parametrize(("stem", "title"), [
    # 医疗保障: a province's 规划 citing 《中共中央 国务院关于深化医疗保障制度改革的意见》
    ("xianglan-yiliao-baozhang-guihua-2021", "湘澜省“十四五”全民医疗保障规划"),
    # 中医药: a city's plan citing 《中共中央 国务院关于促进中医药传承创新发展的意见》
    ("yuanan-zhongyiyao-2024", "沅安市中医药传承创新发展三年行动方案（2024—2026年）"),
], ids=["medical-security", "chinese-medicine"])
def test_a_space_inside_a_cited_title_is_no_line_end_of_an_indented_page_on_one_line(tmp_path, stem, title):
    """A web page's paragraphs indented with 　　 and run onto one line read each space as a line end, but the space
    between two issuers inside a cited title (《中共中央 国务院关于…》) parts no paragraphs: the plan's title ran on to the
    preamble's words before it (…全民医疗保障规划为深入贯彻落实《中共中央)."""
    lines = (DATA / "unseen" / f"{stem}.txt").read_text(encoding="utf-8").splitlines()
    plan = write_plan(tmp_path, "".join(f"\u3000\u3000{line}" if line.strip() and "\t" not in line else line for line in lines) + "\n")
    assert extract(plan).metadata.title == title


@pytest.mark.parametrize("lines", [
    # 退役军人: 工作要点 items written as sentences, a title word then a sentence's opening inside one (纪念设施|集中管护)
    ["某区2025年退役军人事务工作要点", "一、强化褒扬纪念", "1.清明节前完成全区23处零散烈士纪念设施集中管护，烈士纪念设施保护单位挂牌率达到95%。",
     "2.组织开展“老兵宣讲团”进校园活动，全年宣讲不少于30场。", "二、加强自身建设", "落实经费。"],
    # 交通安全: 工作要求 written as sentences (专项整治|开展期间…), one opened by its subject, one by a unit's
    ["某区平安上学路交通整治工作方案", "一、工作要求", "1.各单位要启动各种宣传工具，大力宣传交通整治声势。",
     "2.因工作落实不到位在专项整治开展期间发生学生交通死亡事故，将进行倒查并严格落实问责制度。",
     "3.整治领导小组办公室将抽调相关人员对各单位工作开展情况进行督导。", "二、附则", "本方案自印发之日起施行。"],
    # 水利: 水库监测设施|集中改造
    ["某县2025年水利工作要点", "一、水旱灾害防御", "1.汛期前完成全县38座水库监测设施集中改造，水库安全鉴定完成率达到100%。",
     "2.全县山洪灾害监测预警覆盖率达到100%。", "二、保障措施", "落实经费。"],
], ids=["veterans", "traffic-safety", "water"])
def test_items_written_as_sentences_are_not_cut_at_a_title_word_with_the_line_breaks_lost(tmp_path, lines):
    """Where most items of a list are sentences with no title, a title word and a sentence's opening after it
    (设施|集中, 整治|开展) ends no title: only what ends one in a lined text does (a subject, a label, grounds)."""
    flat_keeps_headings(tmp_path, lines)


@pytest.mark.parametrize("lines", [
    # 教育: titles among sentences; two of four titles are found by nothing but a title word (队伍建设|每年…) or their
    # siblings
    ["某县教育高质量发展三年行动方案", "一、主要任务", "（一）扩充优质学位", "新建、改扩建中小学校12所，新增学位8000个。",
     "（二）加强教师队伍建设", "每年招聘新教师不少于150名，教师交流轮岗比例不低于10%。", "（三）推进教育信息化",
     "到2026年底，全县中小学多媒体教室覆盖率达到100%。", "（四）提升学生综合素质", "确保中小学生每天校园体育活动时间不少于2小时。",
     "二、保障措施", "落实经费。"],
    # 海域采砂: set-form titles (…制度), one followed by its subject (属地乡镇、码头管理部门要…)
    ["某区海域采砂管理实施方案", "一、工作机制", "1.联席会议制度", "工作小组及其办公室建立定期会议制度，及时总结情况。",
     "2.联合执法制度", "属地乡镇、码头管理部门要加强对港口、岸带的日常监管。", "3.案件移交制度",
     "各执法单位除参加联合执法行动外，要按照各自职责，依法查处违法行为。", "二、附则", "本方案自印发之日起施行。"],
], ids=["education", "sea-sand"])
def test_titled_items_among_their_siblings_keep_their_titles_with_the_line_breaks_lost(tmp_path, lines):
    flat_keeps_headings(tmp_path, lines)


# Tables attached to a plan in the shapes a task is split over: places down the first column, their kinds in brackets
# (县（区）, 市（州）) and the header's units in brackets (…（万亩）); places across the header closed by the whole's
# column (全县, 合计) glued to the first row's name; tasks numbered under their parts (1.1, 1.2, 2.1)
TABLES_BY_SHAPE = {
    "farmland-by-county": ["某市高标准农田建设三年行动方案", "一、工作目标", "到2026年，全市累计建成高标准农田50万亩。",
                           "附件：某市高标准农田建设分县任务表（到2026年底）", "县（区）\t新建高标准农田（万亩）\t高效节水灌溉（万亩）",
                           "城关区\t2.5\t0.8", "河西县\t3.5\t1.2", "合计\t6\t2"],
    "stroke-centres-by-county": ["某市卒中防治能力提升方案", "一、工作目标", "到2025年，全市二级以上医院卒中中心覆盖率达到80%。",
                                "附件：各县（区）卒中中心建设任务表", "县（区）\t新建卒中中心（个）\t新建胸痛中心（个）",
                                "东城区\t3\t2", "西山县\t2\t1", "合计\t5\t3"],
    "kindergartens-by-town": ["某县学前教育普及普惠行动方案", "一、主要目标", "到2025年，全县学前三年毛入园率达到95%。",
                              "附件：主要指标分解表", "指标\t单位\t城关镇\t河口镇\t青山乡\t全县", "新建公办幼儿园\t所\t2\t1\t1\t4",
                              "普惠性幼儿园覆盖率\t%\t95\t90\t90\t≥92"],
    "water-supply-by-district": ["某市城乡供水一体化实施方案", "一、工作目标", "到2026年，城乡供水一体化覆盖率达到90%。",
                                 "附件：供水指标分解表", "指标\t单位\t东区\t西区\t合计", "新建改造供水管网\t公里\t40\t35\t75",
                                 "农村自来水普及率\t%\t99\t98\t≥98"],
    "bus-tasks-by-part": ["某市公交优先发展行动计划", "一、工作目标", "到2026年，中心城区公交站点500米覆盖率达到100%。",
                          "附件：重点任务清单", "序号\t重点任务\t责任单位\t完成时限", "1.1\t新建公交首末站3个\t市交通运输局\t2025年底前",
                          "1.2\t更新新能源公交车120辆\t市公交集团\t2024年底前", "2.1\t建设公交专用道20公里\t市公安局\t2026年底前"],
    "air-tasks-by-part": ["某市大气污染防治攻坚方案", "一、工作目标", "到2025年，全市空气质量优良天数比率达到85%。",
                          "附件：重点任务清单", "序号\t重点任务\t责任单位\t完成时限", "1.1\t淘汰燃煤锅炉35台\t市生态环境局\t2024年6月底前",
                          "2.1\t新建空气质量监测站5个\t市生态环境局\t2025年底前", "2.2\t建成扬尘监测点位60个\t市住房城乡建设局\t2025年底前"],
}


@pytest.mark.parametrize("lines", TABLES_BY_SHAPE.values(), ids=TABLES_BY_SHAPE.keys())
def test_a_table_split_over_places_or_numbered_by_parts_keeps_its_rows_with_the_line_breaks_lost(tmp_path, lines):
    lined, flat = write_lined_and_flat(tmp_path, lines)
    read = [(target.value, target.unit, target.deadline, target.indicator) for target in extract(lined).targets]
    assert len(read) >= 4
    assert [(target.value, target.unit, target.deadline, target.indicator) for target in extract(flat).targets] == read


@pytest.mark.parametrize("caption, header", [
    # health and agriculture: the column of places names their kinds in brackets, its caption's end bracket before it
    ("附件：各市（州）卒中中心建设任务表（到2025年底）", "市（州）\t新建卒中中心（个）\t新建胸痛中心（个）"),
    ("附件：高标准农田建设分乡镇任务表（2024—2026年）", "乡（镇）\t新建（万亩）\t改造提升（万亩）"),
], ids=["health", "agriculture"])
def test_a_column_of_places_opens_its_flattened_tables_header_whatever_kinds_it_names(caption, header):
    lines = restored(f"某市某项工作方案。一、工作目标按期完成任务。{caption}{header}江城\t3\t2北山\t2\t1")
    assert lines[lines.index(header) - 1].endswith(caption)


@pytest.mark.parametrize("lines", [
    # environment: a rate (利用率) opens the body of a set-form title, among titles of its length
    ["某市生态环境保护行动方案", "一、主要目标", "（一）清洁空气", "到2025年，全市空气质量优良天数比例达到90%以上。", "（二）碧水清流",
     "到2025年，地表水国控断面水质优良比例达到85%以上。", "（三）健康环境", "城市生活垃圾回收利用率达到35%以上，受污染耕地安全利用率达到93%以上。", "（四）生态安全",
     "到2025年，森林覆盖率稳定在45%以上。", "二、保障措施", "加强组织领导。"],
    # land: 利用率 after a noun
    ["某县节约集约用地和节水行动方案", "一、工作目标", "（一）集约用地", "到2025年，全县批而未供土地处置率达到60%以上。", "（二）节约用水",
     "到2025年，农田灌溉水有效利用系数达到0.58以上。", "（三）存量盘活", "闲置土地利用率达到90%以上，低效用地再开发面积达到500亩。", "二、保障措施", "加强组织领导。"],
])
def test_a_verb_opening_a_noun_is_no_body_after_its_titles_siblings(tmp_path, lines):
    flat_keeps_headings(tmp_path, lines)


@pytest.mark.parametrize("text, lines", [
    # a contingency plan's chapter of one paragraph between numbered ones, and its last (floods, earthquakes)
    ("1 总则1.1 编制目的为做好水旱灾害防范与处置工作，制定本预案。2 组织指挥体系市防汛抗旱指挥部负责组织、协调全市防汛抗旱工作。"
     "3 应急响应3.1 Ⅳ级应急响应当预报将发生一般洪水时，市防指启动Ⅳ级应急响应。",
     ["1 总则", "1.1 编制目的", "为做好水旱灾害防范与处置工作，制定本预案。", "2 组织指挥体系", "市防汛抗旱指挥部负责组织、协调全市防汛抗旱工作。",
      "3 应急响应", "3.1 Ⅳ级应急响应", "当预报将发生一般洪水时，市防指启动Ⅳ级应急响应。"]),
    ("1 总则1.1 适用范围本预案适用于本市地震灾害的应对工作。2 应急响应2.1 响应措施市地震局负责在震后30分钟内速报震情。"
     "3 应急保障市应急管理局储备帐篷不少于500顶。4 附则本预案自印发之日起施行。",
     ["1 总则", "1.1 适用范围", "本预案适用于本市地震灾害的应对工作。", "2 应急响应", "2.1 响应措施", "市地震局负责在震后30分钟内速报震情。",
      "3 应急保障", "市应急管理局储备帐篷不少于500顶。", "4 附则", "本预案自印发之日起施行。"]),
    # a sentence opening with a count is no chapter (archives)
    ("1 发展基础1.1 发展现状全市馆藏档案达到120万卷。2 家单位完成数字化改造。1.2 面临形势档案工作面临新要求。2 总体要求2.1 发展目标"
     "到2025年，档案数字化率达到90%。",
     ["1 发展基础", "1.1 发展现状", "全市馆藏档案达到120万卷。2 家单位完成数字化改造。", "1.2 面临形势", "档案工作面临新要求。",
      "2 总体要求", "2.1 发展目标", "到2025年，档案数字化率达到90%。"]),
])
def test_a_bare_chapter_with_no_items_run_into_its_body_gets_its_title_line(text, lines):
    assert restored(text) == lines


@pytest.mark.parametrize("ending", ["附图", "附表"])
def test_a_flat_plan_opening_with_its_first_chapter_keeps_its_headings_whatever_it_ends_with(tmp_path, ending):
    # the marker at the text's start has nothing before it: the caption test (表1, 图3) read the text's last character
    # there, and a flat 应急预案 ending in 附图 or 附表 lost every heading
    text = ("1 总则1.1 编制目的为做好水旱灾害防范工作，制定本预案。1.2 适用范围本预案适用于全市。2 组织指挥体系市防汛抗旱指挥部负责"
            "组织、协调全市防汛抗旱工作。3 应急响应3.1 Ⅳ级应急响应当预报将发生一般洪水时，启动Ⅳ级应急响应。4 保障措施4.1 物资保障"
            "各县储备编织袋不少于10万条。") + ending
    document = extract(write_plan(tmp_path, text))
    assert [section.id for section in walk_sections(document.sections)] == ["1", "1.1", "1.2", "2", "3", "3.1", "4", "4.1"]
    assert [target.section for target in document.targets] == ["4.1"]


@pytest.mark.parametrize("lines, titles", [
    # 农村人居环境: a review opened by its subject, not a sentence's opening word, after 工作基础 (基础|　　农村…以来)
    (["某县农村人居环境整治提升五年行动实施方案", "一、工作基础", "　　农村人居环境整治三年行动实施以来，全县累计改造农村户用卫生厕所2.36万户。",
     "二、主要目标", "　　到2025年，农村卫生厕所普及率达到95%以上。", "三、保障措施", "　　落实经费。"],
     ["工作基础", "主要目标", "保障措施"]),
    # 就业: a span of years opening the goals after 目标任务 (任务|　　2022—2024年，…)
    (["某市职业技能提升行动实施方案（2022—2024年）", "一、目标任务", "　　2022—2024年，全市开展各类补贴性职业技能培训30万人次以上。",
     "二、主要任务", "（一）大力开展重点群体培训", "　　1.开展农村转移劳动力培训。每年培训农村转移劳动力3万人次以上。",
     "三、保障措施", "　　落实经费。"],
     ["目标任务", "主要任务", "大力开展重点群体培训", "开展农村转移劳动力培训", "保障措施"]),
    # 无障碍: a span of years after the indent of a title that ends in no title word (改造|　　2024年至2026年，…)
    (["某县无障碍环境建设三年行动方案（2024—2026年）", "一、重点任务", "（一）推进公共设施无障碍改造", "　　新增缘石坡道1200处。",
      "（二）实施困难残疾人家庭无障碍改造", "　　2024年至2026年，每年完成困难重度残疾人家庭无障碍改造不少于200户。",
      "二、保障措施", "　　落实经费。"],
     ["重点任务", "推进公共设施无障碍改造", "实施困难残疾人家庭无障碍改造", "保障措施"]),
    # 森林防火, 粮食: what a task stocks (物资储备, 粮食储备) is a title word as what it builds is
    (["某省森林草原防灭火规划", "一、加强装备物资储备", "　　建成省级森林防灭火物资储备库3个、市级储备库21个。", "二、保障措施", "　　落实经费。"],
     ["加强装备物资储备", "保障措施"]),
    (["某县粮食安全保障实施方案", "一、健全地方粮食储备", "　　全县地方储备粮规模稳定在5万吨以上。", "二、保障措施", "　　落实经费。"],
     ["健全地方粮食储备", "保障措施"]),
], ids=["rural-living", "skills", "accessibility", "forest-fire-stocks", "grain-stocks"])
def test_a_title_word_before_the_indent_of_the_next_paragraph_ends_the_title_with_the_line_breaks_lost(tmp_path, lines, titles):
    """A crawler's copy keeps each paragraph's indent (　　): after a title word it is where the title ended, even where
    a title word and a sentence's opening stand further on (三年行动|实施以来) or a year opens the body; before a year,
    after any word."""
    lined, flat = write_lined_and_flat(tmp_path, lines)
    assert [title for _, _, title in headings(flat)] == titles
    assert headings(flat) == headings(lined)


@pytest.mark.parametrize("lines", [
    # 园林绿化, 交通: a task's title, then its body with no full stop between, each title a verb and its object
    ["某市2025年城市园林绿化工作方案", "一、重点任务", "（一）加强城市绿化", "　　全年新增城市绿地10公顷，建成口袋公园5个。",
     "（二）完善绿道网络", "　　2025年底前建成城市绿道20公里。", "二、保障措施", "（一）落实资金保障", "　　市财政安排专项资金500万元。"],
    ["某县农村公路提档升级行动方案", "一、工作目标", "　　到2026年，全县等级公路比例达到98%以上。", "二、重点任务",
     "（一）实施提档升级工程", "　　新改建农村公路120公里，改造危旧桥梁15座。", "（二）完善客运站点", "　　建设农村客运招呼站60个。"],
    # 卫生健康, 应急: set forms (总体目标, 基本情况) and a year opening the body
    ["某县基层卫生服务能力提升方案（2024—2026年）", "一、基本情况", "　　2023年全县共有乡镇卫生院14个、村卫生室210个。",
     "二、总体目标", "　　到2026年，乡镇卫生院服务能力达标率达到100%。", "三、主要任务", "1.加强全科医生培养",
     "　　每年定向培养农村订单医学生30名。"],
    ["某区应急避难场所建设实施方案", "一、建设目标", "　　2025年底前建成Ⅱ类以上应急避难场所12处。", "二、重点任务",
     "（一）规范场所管理", "　　每季度对全区避难场所开展1次检查。"],
    # 教育: a title of a bracketed note closed before the indent
    ["某县学前教育普惠发展行动计划", "一、主要目标", "　　到2025年，学前三年毛入园率达到95%以上。", "二、重点任务",
     "（一）扩大普惠资源（县教育局负责）", "　　新建、改扩建公办幼儿园8所，新增学位2400个。"],
], ids=["greening", "rural-roads", "health", "emergency", "preschool"])
def test_a_title_and_its_body_on_one_line_parted_by_an_indent_read_as_the_title_above_its_body(tmp_path, lines):
    """A web page's or Word text's line that keeps a heading's title and its body apart by the paragraph's indent
    (（一）加强城市绿化　　全年新增城市绿地10公顷…) gives the heading and the targets of the copy where the body has a
    line of its own, as a flat copy does: the whole line was the title."""
    apart = tmp_path / "apart.txt"
    apart.write_text("\n".join(lines) + "\n", encoding="utf-8")
    joined_lines = []
    for line in lines:
        if line.startswith("\u3000\u3000") and joined_lines:
            joined_lines[-1] += line
        else:
            joined_lines.append(line)
    joined, flat = write_lined_and_flat(tmp_path, joined_lines)
    given, read = extract(apart), extract(joined)
    assert headings(joined) == headings(apart) == headings(flat)
    assert ([(t.value, t.unit, t.deadline, t.frequency, t.quote, t.indicator, t.section) for t in read.targets]
            == [(t.value, t.unit, t.deadline, t.frequency, t.quote, t.indicator, t.section) for t in given.targets])


# Signatures run into the text (education, health, statistics, environment: rules/metadata.yaml signature_run's own
# examples), one with a seal and spaces before its date, one dated in digits, and a date no signer precedes.
_SIGNED_TEXTS = [
    "请认真贯彻执行。某县教育局 某县财政局（代章）  2022年3月2日某县学前教育发展提升行动计划一、总体目标",
    "各单位认真落实。某市卫生健康委员会2024.3.5（此件公开发布）某市基层医疗服务能力提升方案",
    "到2025年12月，全市学前教育普及率达到95%。某市统计局2024年2月5日印发",
]


@pytest.mark.parametrize("text", [
    *_SIGNED_TEXTS, *(example.text for example in metadata_rules().rules.patterns["signature_run"].examples),
    *(gold_text_path(name).read_text(encoding="utf-8").replace("\n", "") for name in GOLD_DOCS),
])
def test_signatures_are_found_at_the_runs_before_dates_as_the_pattern_finds_them_anywhere(text):
    """Only the places of a run of ideographs before each date are tried (a seventh of extracting a flattened plan
    was trying every place): the same matches as the rule's own finditer."""
    pattern = metadata_rules().patterns["signature_run"]
    assert [match.span() for match in _signature_runs(text)] == [match.span() for match in pattern.finditer(text)]
    # and from a place inside the text, as a marker's tail is searched (its lookbehind reading what is before)
    for start in (len(text) // 3, max(0, len(text) - 40)):
        assert [match.span() for match in _signature_runs(text, start)] == [match.span() for match in pattern.finditer(text, start)]


@pytest.mark.parametrize("before", [
    # a signature after a long sentence with no full stop, a space between (a crawled page's), or its signers'
    # lookbehind reading the labelled note before them (health, transport)
    "各单位结合实际认真贯彻落实" + "，抓好各项工作任务的落实" * 60 + "　某县卫生健康局2024年3月5日",
    "责任单位：县交通运输局、县公安局" + "、县应急管理局" * 10 + "某县人民政府办公室2025年1月10日",
])
def test_a_signature_closing_a_long_run_on_sentence_is_found_in_its_tail(before):
    """A marker numbered 1 after it opens the plan: the signature is searched in the tail it can span, not the whole
    window before the marker (一、一、… on one line took 0.5 ms a marker)."""
    assert _closes_with_signature(before)
    assert not _closes_with_signature(before + "，抓好落实")


def test_a_signature_run_into_the_text_has_its_signers_and_its_date_on_lines_of_their_own():
    lines = [line.strip() for line in restored(_SIGNED_TEXTS[0])]
    assert "某县财政局（代章）" in lines and "2022年3月2日" in lines and "某县学前教育发展提升行动计划" in lines


@pytest.mark.parametrize("lines", [
    # 民生实事 (health, employment, education): items set as bullets, without end marks, the next heading after one
    ["某县2025年民生实事工作方案", "一、工作目标", "到2025年底，完成以下民生实事：", "•120个行政村完成农村人居环境整治",
     "•95%以上的乡镇卫生院达到服务能力基本标准", "•城镇新增就业2500人", "二、重点任务", "（一）教育提升工程", "▪新建普惠性幼儿园3所",
     "▪培训中小学教师3000名", "（二）交通改善工程", "——新改建农村公路80公里", "——新增城乡公交线路5条"],
    # ecology and emergency: diamonds and dots after a title, one item closed by 。
    ["某市生态环境保护和应急能力提升行动方案（2024—2026年）", "一、生态保护", "◆完成营造林8万亩", "◆新增湿地保护面积1200公顷。",
     "◆森林覆盖率达到46%以上", "二、应急能力", "●每个乡镇建成应急物资储备点1个", "●培训基层应急救援人员2000人次", "三、保障措施",
     "各部门要落实责任。"],
], ids=["livelihood", "ecology-emergency"])
def test_bulleted_items_run_onto_one_line_come_apart_as_in_the_lined_copy(tmp_path, lines):
    # a crawled copy of a list bulleted in Word or on a web page: each sign opens an item, and a heading after an item
    # with no end mark opens its part (二、重点任务 ran into the quote of 城镇新增就业2500人)
    lined, flat = flat_keeps_headings(tmp_path, lines)
    read = [[(t.value, t.unit, t.deadline, t.section, t.quote) for t in extract(copy).targets] for copy in (flat, lined)]
    assert read[0] == read[1] and len(read[0]) == len([line for line in lines if line[0] in "•▪—◆●"])


@pytest.mark.parametrize("lines", [
    # ecology: ▲ after an indicator's name marks a binding one, and the note under the table names the sign
    ["某县生态环境保护规划（2021—2025年）", "一、主要指标", "序号\t指标名称\t2020年\t2025年\t属性",
     "1\t森林覆盖率（%）▲\t45\t46\t约束性", "2\t地表水达到或好于Ⅲ类水体比例（%）▲\t80\t85\t约束性",
     "3\t城市空气质量优良天数比率（%）\t90\t92\t预期性", "注：带▲的为约束性指标。", "二、保障措施", "加强组织领导。"],
    # education and health: ★ the same, set before the unit in its cell, and a note naming 标★号的
    ["某市教育和卫生健康事业发展规划（2021—2025年）", "一、发展指标", "序号\t指标\t2020年\t2025年\t属性",
     "1\t学前教育毛入园率★（%）\t88\t92\t约束性", "2\t每千人口执业（助理）医师数★（人）\t2.6\t3.2\t约束性",
     "3\t每千人口托位数（个）\t1.2\t4.5\t预期性", "标★号的为约束性指标。", "二、重点任务", "各部门要落实责任。"],
], ids=["ecology", "education-health"])
def test_a_sign_marking_an_indicator_in_a_flattened_table_opens_no_item(tmp_path, lines):
    # a 规划's indicator table crawled onto one line: ▲ or ★ in a row's cell, between its tabs, and one a note names
    # are marks of the indicator, not bullets (each tore the rows apart, and no target was left)
    lined, flat = flat_keeps_headings(tmp_path, lines)
    read = [[(t.value, t.unit, t.deadline, t.kind) for t in extract(copy).targets] for copy in (flat, lined)]
    assert read[0] == read[1] and len(read[0]) == 6


def test_a_dash_inside_a_sentence_opens_no_item():
    # 文旅, 市场监管: a dash between two words of a sentence (a chain of units, a theme and its part) is no bullet
    text = ("某区文明城市创建工作方案一、工作目标到2025年建成示范街区5个，建立“市场监管——公安——社区”联动机制。"
            "二、重点任务组织开展主题活动，叫响“文明旅游——从我做起”品牌。")
    assert restored(text) == ["某区文明城市创建工作方案", "一、工作目标", "到2025年建成示范街区5个，建立“市场监管——公安——社区”联动机制。",
                              "二、重点任务", "组织开展主题活动，叫响“文明旅游——从我做起”品牌。"]


@pytest.mark.parametrize("lines", [
    # 人居环境 and 教育: a 分工表's rows of a year (2024年, 2025年度) over that year's tasks, the year row's cells empty
    ["某县农村人居环境整治三年行动方案（2024—2026年）", "一、重点任务", "序号\t重点任务\t牵头单位\t配合单位\t完成时限", "2024年\t\t\t\t",
     "1\t新建农村公厕30座\t县农业农村局\t各乡镇\t2024年底前", "2\t清理村庄垃圾死角200处\t县住建局\t各乡镇\t2024年底前", "2025年\t\t\t\t",
     "3\t改造农村户厕1500户\t县农业农村局\t县卫健局\t2025年底前", "二、保障措施", "各乡镇要落实责任。"],
    ["某区教育高质量发展三年行动计划（2024—2026年）", "一、年度任务", "序号\t任务内容\t责任单位\t完成时间", "2024年度\t\t\t",
     "1\t新建公办幼儿园4所\t区教育局\t2024年9月", "2\t培训中小学骨干教师600人次\t区教育局\t2024年12月", "2025年度\t\t\t",
     "3\t改扩建义务教育学校3所\t区教育局\t2025年8月", "4\t新增学位2700个\t区教育局\t2025年底", "二、保障措施", "各单位要落实责任。"],
], ids=["sanitation", "education"])
def test_the_year_rows_of_a_task_table_with_its_line_breaks_lost_date_its_tasks_as_in_the_lined_copy(tmp_path, lines):
    # the year was glued to the header's last cell (完成时限2024年) and to a time limit (2024年底前2025年): no row was
    # numbered, and the table gave no target and responsibilities headed by the time limit with no unit
    lined, flat = write_lined_and_flat(tmp_path, lines)
    read = [[(t.value, t.unit, t.deadline, t.quote) for t in extract(copy).targets] for copy in (flat, lined)]
    assert read[0] == read[1] and len(read[0]) == len([line for line in lines if line.split("\t")[0].isdigit()])
    units = [[(r.heading, r.lead, r.support) for r in extract(copy).responsibilities] for copy in (flat, lined)]
    assert units[0] == units[1]
    assert flattened_table_rows("序号\t重点任务\t牵头单位\t完成时限2024年\t\t\t1\t新建农村公厕30座\t县农业农村局\t2024年底前"
                                "2\t清理村庄垃圾死角200处\t县住建局\t2024年底前2025年\t\t\t3\t改造农村户厕1500户\t县农业农村局\t2025年底前") == [
        "序号\t重点任务\t牵头单位\t完成时限", "2024年\t\t", "1\t新建农村公厕30座\t县农业农村局\t2024年底前",
        "2\t清理村庄垃圾死角200处\t县住建局\t2024年底前", "2025年\t\t", "3\t改造农村户厕1500户\t县农业农村局\t2025年底前"]


@pytest.mark.parametrize("lines", [
    # 人居环境 and 文化: a 分工表 whose 完成时限 is followed by optional columns left blank (配合单位, 备注), a time limit
    # a year alone (2024年) or a year after a word (到2025年)
    ["某县农村人居环境整治三年行动方案（2024—2026年）", "一、重点任务", "序号\t重点任务\t牵头单位\t完成时限\t配合单位\t备注",
     "1\t新建农村公厕30座\t县农业农村局\t2024年\t\t", "2\t改造农村户厕1500户\t县农业农村局\t2025年\t\t",
     "3\t新建污水管网20公里\t县住建局\t2026年\t县财政局\t", "二、保障措施", "各乡镇要落实责任。"],
    ["某市公共文化服务体系建设实施方案（2024—2026年）", "一、主要任务", "序号\t工作任务\t责任单位\t完成时间\t协办单位\t备注",
     "1\t建设城市书房12个\t市文广旅局\t到2025年\t\t", "2\t开展送戏下乡演出600场\t市文广旅局\t2024年\t\t",
     "3\t建成村级综合文化服务中心80个\t市文广旅局\t2026年\t各县区政府\t", "二、保障措施", "各单位要落实责任。"],
], ids=["sanitation", "culture"])
def test_a_time_limit_followed_by_blank_columns_in_a_flattened_task_table_is_no_year_row(tmp_path, lines):
    # the time limit and its row's two blank cells were torn off as a year row over the row below it: the first task
    # had no deadline and the second the first's
    lined, flat = write_lined_and_flat(tmp_path, lines)
    read = [[(t.value, t.unit, t.deadline) for t in extract(copy).targets] for copy in (flat, lined)]
    assert read[0] == read[1] and [deadline for _, _, deadline in read[0]] == [
        int(line.split("\t")[3][-5:-1]) for line in lines if line[:1].isdigit()]
    assert flattened_table_rows("序号\t工作任务\t责任单位\t完成时间\t协办单位\t备注1\t建设城市书房12个\t市文广旅局\t到2025年\t\t\t2"
                                "\t开展送戏下乡演出600场\t市文广旅局\t2024年\t\t") == [
        "序号\t工作任务\t责任单位\t完成时间\t协办单位\t备注", "1\t建设城市书房12个\t市文广旅局\t到2025年\t\t",
        "2\t开展送戏下乡演出600场\t市文广旅局\t2024年"]


@pytest.mark.parametrize("sentence", [
    # 文旅 and 开放: a festival's or a fair's name dotted between its country, province and place (中国•黄山•徽州), as
    # the organisers write it
    "举办中国•黄山•徽州文化旅游节系列活动20场，吸引游客50万人次。",
    "组织企业参加中国•东盟博览会、中国•海南•博鳌论坛等展会活动30批次。",
])
def test_a_dot_between_the_parts_of_a_name_opens_no_item_with_the_line_breaks_lost(sentence):
    # a crawled plan: the dot before 黄山 and 徽州 opened items, and the heading's title ran up to 中国
    lines = restored(f"某市文化和开放发展行动方案一、重点任务（一）办好节会平台{sentence}（二）扩大招商引资引进亿元以上项目40个。")
    assert any(line.endswith(sentence) for line in lines), lines


def test_dots_before_items_of_a_list_still_open_them_with_the_line_breaks_lost():
    # 乡村振兴: a list's items of a few words each, each after the same sign, still come apart
    assert restored("某县乡村振兴工作方案一、工作目标到2025年，实现以下目标：•新建农村公路30公里•改造农村危房200户•建成示范村5个"
                    "二、保障措施加强组织领导。")[2:6] == ["到2025年，实现以下目标：", "•新建农村公路30公里", "•改造农村危房200户",
                                                      "•建成示范村5个"]


@pytest.mark.parametrize("lines", [
    # 卫生 and 应急: a heading's sentence with a part set off by two dashes, and a theme with a dash inside its quotation
    ["某县基层卫生健康工作方案", "一、工作目标", "到2025年，居民健康素养水平达到30%。", "二、重点任务",
     "（一）坚持预防为主——把健康融入所有政策——推进防治结合，每年开展健康巡讲200场。", "（二）提升基层服务能力，每年培训乡村医生500人次。",
     "三、保障措施", "各部门要落实责任。"],
    ["某区应急管理工作要点", "一、主要任务", "（一）推动关口前移——从事后救援——转向事前预防，每年开展应急演练120场次。",
     "（二）加强队伍建设，组建乡镇应急救援队15支。", "（三）开展“平安——共建”主题宣传活动30场。", "二、保障措施", "落实经费保障。"],
], ids=["health", "emergency"])
def test_dashes_setting_off_a_part_of_a_sentence_open_no_items_with_the_line_breaks_lost(tmp_path, lines):
    # the pair of dashes opened two items, cutting the heading's title before the first, and the dash inside the
    # quotation cut its title at 开展“平安 (the quote lost its head)
    lined, flat = flat_keeps_headings(tmp_path, lines)
    read = [[(t.value, t.unit, t.quote) for t in extract(copy).targets] for copy in (flat, lined)]
    assert read[0] == read[1]


def test_dash_items_without_end_marks_one_holding_a_comma_still_come_apart_with_the_line_breaks_lost():
    # 教育: the items' run reaches the next heading, not a sentence going on after a pair of dashes
    assert restored("某区教育工作方案一、工作目标——新建幼儿园5所——改造薄弱学校10所，新增学位1500个二、保障措施加强组织领导，落实经费。")[2:5] == [
        "——新建幼儿园5所", "——改造薄弱学校10所，新增学位1500个", "二、保障措施"]


@pytest.mark.parametrize("lines", [
    # 水利: a principles list under 基本原则, its items opening alike, one holding a comma
    ["某县农村饮水安全巩固提升实施方案", "一、基本原则", "——坚持政府主导", "——坚持因地制宜，分类推进。", "二、工作目标",
     "到2025年，农村自来水普及率达到98%。"],
    # 体育 and 养老: a list under a title naming it (工作原则, 完善设施), its items opening unalike
    ["某市全民健身实施方案", "一、总体要求", "（一）工作原则", "——政府主导", "——社会参与，共建共享。", "（二）工作目标",
     "到2025年，新建社区健身路径120条。", "二、主要任务", "（一）完善设施", "——新建体育公园", "——改造健身步道，新建体育公园5个。"],
    ["某区居家养老服务实施方案", "一、工作原则", "——政府引导", "——多方参与，统筹推进。", "二、主要任务",
     "（一）健全服务体系", "——建设社区养老服务站", "——培育专业服务队伍，新建社区养老服务站30个。"],
], ids=["water", "sport", "elderly-care"])
def test_a_dash_list_under_its_title_is_no_part_set_off_with_the_line_breaks_lost(tmp_path, lines):
    # the two items were read as a part set off inside a sentence: the title ran on to 基本原则—— or to the whole list
    flat_keeps_headings(tmp_path, lines)


@pytest.mark.parametrize("text, quotes", [
    # 卫生: short items after a colon (•控烟), the first of a list that opens a clause
    ("某县健康促进工作方案一、重点任务（一）健康促进。主要任务：•控烟•新建无烟单位50个•培训控烟志愿者200名。"
     "（二）三减三健。•减盐•减油•减糖•建成健康食堂40个。",
     ["新建无烟单位50个", "培训控烟志愿者200名", "建成健康食堂40个"]),
    # 体育 and 交通: a short item after a full stop, and the dots of names inside a clause, after their verbs
    ("某市全民健身和交通运输工作要点一、重点任务（一）全民健身。•体育•建成全民健身中心5个•新建社区健身路径120条。"
     "（二）交通运输。开通中国•西部•陆海新通道班列30列，组织企业参加中国•东盟•博览会等展会15批次。",
     ["建成全民健身中心5个", "新建社区健身路径120条", "开通中国•西部•陆海新通道班列30列",
      "组织企业参加中国•东盟•博览会等展会15批次"]),
], ids=["health", "sport-and-transport"])
def test_a_short_item_opening_a_list_of_dots_is_no_part_of_a_name_with_the_line_breaks_lost(tmp_path, text, quotes):
    # •控烟 was read as the first part of a name (控烟•新建无烟单位50个), glued onto the item after it
    flat = tmp_path / "flat.txt"
    flat.write_text(text + "\n", encoding="utf-8")
    assert [target.quote for target in extract(flat).targets] == quotes


def test_a_page_number_glued_before_a_measure_word_is_dropped_in_a_lined_plan(tmp_path):
    # 养老 and 教育: a footer glued inside a line before the count's measure word cost the target; a number after the
    # second dash (- 5 - 35℃) is still a range's
    plan = tmp_path / "lined.txt"
    plan.write_text("\n".join(["某县民生实事工作方案", "一、工作目标", "新建养老服务站30 — 3 — 个。",
                               "新建改扩建公办幼儿园12 - 5 - 所，新增学位1500个。", "全县气温变化幅度为 - 5 - 35℃。"]) + "\n",
                    encoding="utf-8")
    assert [(target.value, target.unit) for target in extract(plan).targets][:3] == [(30, "个"), (12, "所"), (1500, "个")]


@pytest.mark.parametrize("rows", [
    # rental housing: a spaced copy's header year glued to the first row's place (2026 年东城区)
    ["区域\t2024 年\t2025 年\t2026 年", "东城区\t1200\t1500\t1300", "西城区\t900\t1100\t1000"],
    # new-energy vehicles: the same in an indicator table with a unit column
    ["指标名称\t单位\t2024 年\t2025 年", "公共充电桩\t个\t1800\t2300", "换电站\t座\t6\t10"],
    # old housing estates: a spaced copy's years glued to the time limit closing the row before (…12 月底2024 年)
    ["年度\t改造小区数\t完成时限", "2023 年\t110 个\t2023 年 12 月底", "2024 年\t120 个\t2024 年 12 月底", "2025 年\t90 个\t2025 年 12 月底"],
    # farmland and school places: numbers typed full-width (２０２５年新建…, 完成时限２０２３年)
    ["指标\t单位\t２０２４年\t２０２５年", "新建高标准农田\t万亩\t３\t３.２", "高效节水灌溉面积\t万亩\t０.６\t０.７"],
    ["年度\t新增学位\t完成时限", "２０２３年\t９００个\t２０２３年８月底", "２０２４年\t１２００个\t２０２４年８月底", "２０２５年\t６００个\t２０２５年８月底"],
], ids=["housing-spaced", "vehicles-spaced", "estates-spaced", "farmland-full-width", "schools-full-width"])
def test_a_table_of_spaced_or_full_width_numbers_that_lost_its_line_breaks_keeps_its_rows(rows):
    assert flattened_table_rows("".join(rows)) == rows


@pytest.mark.parametrize("glued, rows", [
    # cultural relics: the page's number after the header's last cell, then after a row's unit (a PDF's footer)
    ("序号\t任务指标\t单位\t2025年\t牵头单位— 1 —1\t文物保护维修工程\t处\t5\t县文化旅游局— 2 —2\t新增乡村博物馆\t个\t1\t县文化旅游局",
     ["序号\t任务指标\t单位\t2025年\t牵头单位", "1\t文物保护维修工程\t处\t5\t县文化旅游局", "2\t新增乡村博物馆\t个\t1\t县文化旅游局"]),
    # rural water: a footer of another dash between a row's time limit and the next row's number
    ("序号\t工作任务\t责任单位\t完成时限1\t新建农村供水工程12处\t县水利局\t2025年底－ 3 －2\t改造供水管网80公里\t县水利局\t2026年底",
     ["序号\t工作任务\t责任单位\t完成时限", "1\t新建农村供水工程12处\t县水利局\t2025年底", "2\t改造供水管网80公里\t县水利局\t2026年底"]),
], ids=["relics", "water"])
def test_a_page_number_run_into_a_flattened_table_is_dropped_from_its_cell(glued, rows):
    assert flattened_table_rows(glued) == rows


@pytest.mark.parametrize(("words", "value", "quote", "comparator"), [
    ("到 2025 年，全县老年大学在校学员达到 1.1 万人。", 11000, "全县老年大学在校学员达到1.1万人", ">="),  # 老年教育: a count
    ("到 2025 年，全县普惠小微贷款余额突破 1.1 亿元。", 1.1e8, "全县普惠小微贷款余额突破1.1亿元", ">"),  # 金融: a balance
    ("到 2025 年，全县新增城镇就业 1.1 万人以上。", 11000, "全县新增城镇就业1.1万人以上", ">="),  # 就业: new jobs
], ids=["elderly-education", "finance", "employment"])
def test_a_decimal_amount_in_a_sentence_opens_no_item_of_a_spaced_copy_with_its_line_breaks_lost(tmp_path, words, value, quote, comparator):
    """A copy with a space around every number (在校学员 1.1 万人) whose line breaks are lost: a decimal with a measure word
    after it, in a sentence, is an amount, not item 1 under 1 opening a paragraph (the amount lost its name and its bound)."""
    plan = write_plan(tmp_path, "某县某某工作三年行动计划（2023—2025 年）一、发展目标截至 2022 年底，全县共有各类机构 68 所。" + words
                                + "二、主要任务（一）扩大资源供给。三年新建服务网点 12 个。（二）丰富服务内容。每年开展活动 200 场。"
                                  "三、保障措施（一）加强组织领导。建立联席会议制度。\n")
    target = next(t for t in extract(plan).targets if t.value == value)
    assert (target.quote, target.comparator) == (quote, comparator)


@pytest.mark.parametrize("opening, table_line", [
    # digital villages: cells parted by spaces, 二、 glued to the last figure
    ("一、主要指标", "指标 单位 2025年 2026年 行政村5G网络通达率 % 90 100 益农信息社覆盖率 % 92 98二、重点任务"),
    # environment: a chapter's marker glued to the last figure, its title parted from it as the cells are
    ("第一章 主要指标", "指标 单位 2025年 2026年 城市空气质量优良天数比率 % 86 88 地表水达到或好于Ⅲ类水体比例 % 92 95第二章 重点任务"),
], ids=["digital-cn-dun", "environment-chapter"])
def test_a_heading_glued_to_a_one_line_tables_last_figure_is_a_heading_of_a_lined_plan(tmp_path, opening, table_line):
    """A lined text's table run onto one line, the next heading glued to its last figure (…98二、重点任务): the heading is a
    line of its own after the rows (was lost with the table's last figure, read as one cell)."""
    plan = write_plan(tmp_path, f"某县某某行动方案（2024—2026年）\n{opening}\n{table_line}\n加快建设。\n")
    assert [(number, title) for _, number, title in headings(plan)] == [(1, "主要指标"), (2, "重点任务")]
    assert len(extract(plan).targets) == 4
