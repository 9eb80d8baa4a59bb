"""Metadata: the gold fields of the eight annotated plans, the rule examples, and absent fields."""
from __future__ import annotations

from pathlib import Path

import pytest
import regex
from conftest import SAMPLES, gold_text_path, load_gold, write_lined_and_flat, write_plan

from planparse.errors import PlanparseError
from planparse.metadata import check_metadata_rules, example_problem, extract_metadata, iso_date
from planparse.metadata_rules import CompiledMetadataRules, metadata_rules, read_information_box
from planparse.models import Document, Paragraph
from planparse.normalize import normalize
from planparse.pipeline import extract
from planparse.readers import read_document
from planparse.structure import build_outline

SCORED = ("title", "doc_number", "issuer", "date", "period")


def metadata_of_file(path):
    return extract_metadata(build_outline(normalize(read_document(path).lines)))


def metadata_of(texts: list[str]):
    return extract_metadata(build_outline([Paragraph(text=text, line=i) for i, text in enumerate(texts, 1)]))


def test_gold_metadata_fields_are_right(gold_doc):
    gold = load_gold(gold_doc, "targets")["metadata"]
    found = metadata_of_file(gold_text_path(gold_doc)).model_dump()
    assert {key: found[key] for key in SCORED} == {key: gold[key] for key in SCORED}


RULES = metadata_rules()
EXAMPLES = [(name, example) for name, rule in RULES.rules.patterns.items() for example in rule.examples]
NOT_EXAMPLES = [(name, text) for name, rule in RULES.rules.patterns.items() for text in rule.not_examples]


@pytest.mark.parametrize(("name", "example"), EXAMPLES, ids=[f"{n}:{e.text[:12]}" for n, e in EXAMPLES])
def test_rule_examples_match_with_their_groups(name, example):
    assert example_problem(RULES, name, example) is None


@pytest.mark.parametrize(("name", "text"), NOT_EXAMPLES, ids=[f"{n}:{t[:12]}" for n, t in NOT_EXAMPLES])
def test_rule_not_examples_do_not_match(name, text):
    assert RULES.match(name, text) is None


def test_only_the_texts_holding_a_patterns_lead_are_searched_and_none_of_them_is_passed_over():
    rules = metadata_rules()
    texts = ["抄送：市委办公室", "此件公开发布", "抄送：县委", "抄送", ""]
    assert list(rules.holding_lead("cc", texts)) == [0, 2, 3]  # cc's lead is 抄送
    assert [rules.first("publicity", texts)[0], rules.first("cc", texts[1:])[0]] == [1, 1]
    assert rules.first("cc", ["抄", "送：市委"]) is None  # a lead is never found across two texts
    assert list(rules.holding_lead("cc", ["无\n抄送：市委", "无"])) == [0, 1]  # a text holding a line break: each searched


def test_the_rule_check_reports_a_broken_example():
    assert check_metadata_rules(RULES) == []
    broken = RULES.rules.patterns["doc_number"].examples[0].model_copy(update={"groups": {"serial": "56"}})
    assert example_problem(RULES, "doc_number", broken) == "groups differ: {'serial': '55'}"


def with_pattern(pattern: str, **fragments: str) -> CompiledMetadataRules:
    rule = RULES.rules.patterns["masthead"].model_copy(update={"pattern": pattern})
    rules = RULES.rules.model_copy(update={"fragments": {**RULES.rules.fragments, **fragments}, "patterns": {"probe": rule}})
    return CompiledMetadataRules(rules, Path("metadata.yaml"))


def test_fragments_nest_and_an_unknown_one_stops_with_the_file_and_pattern():
    assert with_pattern("^{signed}$", signed="{date}签发").match("probe", "2022年9月30日签发").group("day") == "30"
    with pytest.raises(PlanparseError) as error:
        with_pattern("^{sign}$")
    assert "rule probe: unknown fragment {sign}" in str(error.value)


def test_chinese_numeral_dates_become_iso():
    assert iso_date(RULES.match("signing_date", "二〇二二年九月三十日")) == "2022-09-30"
    assert iso_date(RULES.match("signing_date", "2016年10月12日")) == "2016-10-12"


def test_notice_footer_and_publicity_of_a_full_notice():
    meta = metadata_of_file(SAMPLES / "zhanjiang-2016.txt")
    assert meta.notice_title == "湛江市人民政府办公室关于印发湛江市全民科学素质行动计划纲要实施方案(2016—2020年)的通知"
    assert meta.recipients == ["各县（市、区）人民政府（管委会）", "市府直属各单位"]
    assert meta.cc[0] == "市委各部委办" and meta.cc[-1] == "各新闻单位" and "中央、省驻湛各单位" in meta.cc
    assert (meta.printed_by, meta.printed_date, meta.publicity) == ("湛江市人民政府办公室", "2016-10-12", "主动公开")


def test_masthead_names_the_issuer_when_the_notice_title_abbreviates_it():
    meta = metadata_of(["某某市人民政府办公室文件", "某府办发〔2023〕5号", "市政府办公室关于印发《某某市科普行动方案》的通知",
                        "为贯彻落实有关部署，制定本方案。", "一、总体要求"])
    assert meta.issuer == "某某市人民政府办公室"
    assert meta.title == "某某市科普行动方案"  # taken from the notice when the plan title is not printed
    assert meta.date is None


def test_a_draft_without_notice_has_no_issuer_number_or_date():
    meta = metadata_of_file(SAMPLES / "qingcheng-2021.txt")
    assert (meta.doc_number, meta.issuer, meta.date, meta.notice_title, meta.recipients) == (None, None, None, None, [])
    assert meta.title == "清远市清城区全民科学素质行动规划纲要实施方案（2021—2025年）"  # （稿） dropped
    assert meta.attachments == ["清远市清城区全民科学素质行动规划纲要实施方案（2021-2025年）工作分工表"]


def test_signature_and_chinese_date_on_one_line_and_period_from_five_year_plan():
    meta = metadata_of(["某某县“十四五”科普规划", "为推进科普工作，制定本规划。", "一、总体要求", "加强领导。",
                        "某某县人民政府二〇二二年九月三十日"])
    assert (meta.issuer, meta.date) == ("某某县人民政府", "2022-09-30")
    assert (meta.period.start, meta.period.end) == (2021, 2025)


def test_a_plan_with_no_period_and_no_notice_keeps_them_null():
    meta = metadata_of(["科普工作方案", "为推进科普工作，制定本方案：", "一、总体要求", "2021年，启动实施。"])
    assert meta.model_dump() | {"title": None} == type(meta)().model_dump()
    assert meta.title == "科普工作方案"


@pytest.mark.parametrize("lines, title, period", [
    # a plan with no notice whose title names its kind otherwise than 方案 or 要点 (finding 1: housing fund and customs,
    # rural environment, education, employment): its title and its year, which dates its 全年 targets
    (["某市知识产权、公积金、口岸等领域重点工作任务（2026年）", "一、工作目标", "全年归集住房公积金120亿元。"],
     "某市知识产权、公积金、口岸等领域重点工作任务（2026年）", (2026, 2026)),
    (["某县2026年农村人居环境整治工作安排", "一、重点任务", "全年新建农村卫生户厕3000座。"], "某县2026年农村人居环境整治工作安排", (2026, 2026)),
    (["某区推进义务教育优质均衡发展若干举措（2025—2027年）", "一、扩大优质学位供给", "新建中小学5所。"],
     "某区推进义务教育优质均衡发展若干举措（2025—2027年）", (2025, 2027)),
    (["某市稳就业工作任务分工", "一、重点任务", "全年城镇新增就业5万人。"], "某市稳就业工作任务分工", None),
    # a contingency plan (预案) with no notice, of forest fires and of public health (stop 40's lead probes)
    (["某市森林火灾应急预案（2024年修订）", "1 总则", "1.1 编制目的", "为有效预防和扑救森林火灾，制定本预案。"],
     "某市森林火灾应急预案（2024年修订）", None),
    (["某县突发公共卫生事件应急预案", "一、总则", "（一）编制目的", "为有效预防、及时控制突发公共卫生事件，制定本预案。"],
     "某县突发公共卫生事件应急预案", None),
])
def test_a_plan_titled_by_its_tasks_or_measures_has_its_title_and_period(lines, title, period):
    meta = metadata_of(lines)
    assert (meta.title, (meta.period.start, meta.period.end) if meta.period else None) == (title, period)


@pytest.mark.parametrize("example", RULES.rules.front_breaks.examples, ids=lambda e: e.text[:12])
def test_front_break_examples_split_as_given(example):
    assert RULES.front_pieces(example.text) == example.pieces


def test_title_run_on_with_the_preamble_is_cut_where_the_notice_names_it():
    meta = metadata_of(["某市人民政府关于印发某市科普行动方案(2022-2025年)的通知某府〔2022〕5号各县人民政府：",
                        "现将方案印发给你们，请认真组织实施。", "某市人民政府", "2022年9月30日",
                        "某市科普行动方案（2022—2025年）为贯彻落实有关部署，制定本方案。", "一、总体要求"])
    assert (meta.doc_number, meta.recipients, meta.title) == ("某府〔2022〕5号", ["各县人民政府"], "某市科普行动方案（2022—2025年）")


def test_the_plan_title_below_an_attachment_marker_and_contact_line():
    meta = metadata_of(["某市人民政府关于印发某市科普行动方案的通知", "各区人民政府：", "现将方案印发给你们，请认真贯彻执行。",
                        "某市人民政府", "2023年3月1日", "（联系人：张三，电话：12345678）", "附件", "某市科普行动方案",
                        "（2023—2025年）", "为推进科普工作，制定本方案。", "一、总体要求"])
    assert (meta.title, meta.issuer, meta.date, meta.recipients) == (
        "某市科普行动方案（2023—2025年）", "某市人民政府", "2023-03-01", ["各区人民政府"])


def test_a_long_notice_title_on_one_line():
    notice = "某某省人民政府办公厅关于印发某某省全民科学素质行动规划纲要实施方案（2021—2025年）和重点任务分工的通知"
    meta = metadata_of([notice, "某府办〔2021〕9号", "各市人民政府：", "现将方案印发给你们。", "某某省人民政府办公厅",
                        "2021年9月1日", "为提升全民科学素质，制定本方案。", "一、总体要求"])
    assert (meta.notice_title, meta.issuer, meta.title) == (
        notice, "某某省人民政府办公厅", "某某省全民科学素质行动规划纲要实施方案（2021—2025年）和重点任务分工")


NOTICE_WITH_ITEMS = (
    "某市人民政府关于印发某市养老服务体系建设实施方案的通知\n某府〔2022〕9号\n各县（市、区）人民政府：\n"
    "现将《某市养老服务体系建设实施方案》印发给你们，并就有关事项通知如下：\n"
    "一、提高思想认识。各地要充分认识养老服务的重要性。\n二、抓好贯彻落实。各地要于2022年6月底前制定具体措施。\n"
    "某市人民政府\n2022年3月1日\n某市养老服务体系建设实施方案\n一、主要目标\n到2025年，护理型床位占比达到55%。\n二、重点任务\n"
)


def test_a_notices_own_numbered_paragraphs_are_not_headings_of_the_plan(tmp_path):
    plan = write_plan(tmp_path, NOTICE_WITH_ITEMS)
    document = extract(plan)
    assert [(s.number, s.title) for s in document.sections] == [(1, "主要目标"), (2, "重点任务")]
    assert (document.metadata.title, document.metadata.issuer, document.metadata.date) == (
        "某市养老服务体系建设实施方案", "某市人民政府", "2022-03-01")
    assert [t.headings for t in document.targets] == [["主要目标"]]



@pytest.mark.parametrize("notice_title, signer, plan_title", [
    # family education, waste sorting: a 公告 that puts a draft out for comments, the draft named in it or before 公开征求
    ("关于公开征求《某市家庭教育促进三年行动方案（2025—2027年）（征求意见稿）》意见的公告", "某市教育局", "某市家庭教育促进三年行动方案（2025—2027年）"),
    ("某区城市管理局关于《某区生活垃圾分类工作实施方案（2025—2027年）（草案）》公开征求意见的公告", "某区城市管理局",
     "某区生活垃圾分类工作实施方案（2025—2027年）"),
])
def test_a_drafts_call_for_comments_is_its_notice_whose_own_items_are_no_headings(tmp_path, notice_title, signer, plan_title):
    """The 公告 that puts a draft out for comments is the draft's notice: its 一、征求意见时间 and 二、意见反馈方式 are its own, as a
    notice's 通知如下：一、… are, and the draft's title is the plan's without the （征求意见稿） line under it."""
    plan = write_plan(tmp_path, f"{notice_title}\n为广泛听取社会各界意见，现将全文公布，公开征求社会公众意见。\n一、征求意见时间\n"
                      "2025年4月7日至2025年5月6日。\n二、意见反馈方式\n（一）电子邮件：发送至abc@163.com。\n（二）信函：寄至某市滨江路88号。\n"
                      f"{signer}\n2025年4月3日\n{plan_title}\n（征求意见稿）\n一、主要目标\n到2027年，覆盖率达到100%。\n二、重点任务\n")
    document = extract(plan)
    assert [(s.number, s.title) for s in document.sections] == [(1, "主要目标"), (2, "重点任务")]
    metadata = document.metadata
    assert (metadata.title, metadata.period.end, metadata.issuer, metadata.date) == (plan_title, 2027, signer, "2025-04-03")


# --- web copies and plans issued without a notice ---------------------------------


@pytest.mark.parametrize("signers, expected", [
    (["某市农业农村局", "某市财政局"], "某市农业农村局、某市财政局"),  # agriculture fund plan
    (["某县教育局", "某县卫生健康局", "某县公安局"], "某县教育局、某县卫生健康局、某县公安局"),  # school health campaign
])
def test_joint_issuers_signing_one_under_the_other_are_all_named_in_order(signers, expected):
    metadata = metadata_of(["某市高标准农田建设实施方案", "一、目标任务", "到2025年，建成高标准农田10万亩。", *signers, "2023年3月1日"])
    assert metadata.issuer == expected and metadata.date == "2023-03-01"


@pytest.mark.parametrize("number_lines, numbers", [
    # education and finance issue one plan together, their 文号 on one line (parted by a space, or by 、)
    (["某教发〔2023〕5号 某财教〔2023〕12号"], ["某教发〔2023〕5号", "某财教〔2023〕12号"]),
    (["某教发〔2023〕5号、某财教〔2023〕12号"], ["某教发〔2023〕5号", "某财教〔2023〕12号"]),
    # health and medical insurance: each 文号 on a line of its own
    (["某卫发〔2024〕8号", "某医保发〔2024〕3号"], ["某卫发〔2024〕8号", "某医保发〔2024〕3号"]),
    # one issuer's: a notice title citing another 文号 is not a second one of its own
    (["某卫发〔2024〕8号"], ["某卫发〔2024〕8号"]),
])
@pytest.mark.parametrize("shape", ["lined", "flat"])
def test_a_joint_notice_keeps_every_issuers_number(tmp_path, number_lines, numbers, shape):
    lined, flat = write_lined_and_flat(tmp_path, [
        "某省教育厅 某省卫生健康委员会", *number_lines, "关于转发国卫办发〔2022〕3号文件的通知", "各市教育局、卫生健康委：",
        "现将方案印发给你们，请认真贯彻执行。", "2023年3月1日", "某省学校卫生工作提升方案", "一、工作目标",
        "到2025年，学校卫生室配备率达到100%。"])
    metadata = extract(lined if shape == "lined" else flat).metadata
    assert (metadata.doc_number, metadata.doc_numbers) == (numbers[0], numbers)


@pytest.mark.parametrize("issuer_lines, notice, issuer", [
    # joint issuers parted by a space in a web copy, read as a line end: the last one runs into 关于 (finding 6)
    (["某市人力资源和社会保障局"], "某市人力资源和社会保障局某市财政局关于印发《某市职业技能提升行动方案》的通知",
     "某市人力资源和社会保障局、某市财政局"),
    (["某县卫生健康局", "某县医疗保障局"], "某县卫生健康局某县医疗保障局某县民政局关于印发《某县医养结合服务提升方案》的通知",
     "某县卫生健康局、某县医疗保障局、某县民政局"),
    # the notice's own issuer over its title is no second issuer
    (["某市财政局"], "某市财政局关于印发《某市职业技能提升行动方案》的通知", "某市财政局"),
])
def test_a_joint_notice_title_keeps_every_issuer_above_its_last(issuer_lines, notice, issuer):
    last_issuer = notice[len("".join(issuer_lines)):] if len(issuer_lines) < len(issuer.split("、")) else notice
    metadata = metadata_of([*issuer_lines, last_issuer, "各有关单位：", "现将方案印发给你们，请认真贯彻执行。", "2024年2月28日",
                            notice.partition("《")[2].partition("》")[0], "一、工作目标", "到2025年，培训5万人次。"])
    assert (metadata.notice_title, metadata.issuer) == (notice, issuer)


@pytest.mark.parametrize("signature, issuer", [
    # a leading group's office sealed by the bureau that houses it (anti-pyramid-selling notice, 平潭 2016)
    (["平潭综合实验区打击传销领导小组办公室", "平潭综合实验区市场监督管理局（代章）"], "平潭综合实验区打击传销领导小组办公室"),
    # a science-literacy plan's office sealed by the 科协
    (["某市全民科学素质工作领导小组办公室", "某市科学技术协会(代章)"], "某市全民科学素质工作领导小组办公室"),
    # the sealing body alone signs for itself
    (["某县应急管理局（代章）"], "某县应急管理局"),
])
def test_a_body_sealing_on_anothers_behalf_signs_for_the_issuer_above_it(signature, issuer):
    metadata = metadata_of(["某市创建活动实施方案", "一、工作目标", "到2025年，创建示范社区10个。", *signature,
                            "2016年5月16日", "（联系人：江某，电话：12345678）"])
    assert (metadata.issuer, metadata.date) == (issuer, "2016-05-16")


def test_a_plan_issued_without_notice_takes_its_title_from_the_lines_above_its_number():
    # A 实施意见 printed as its own document: title over three lines, the 文号 under it (河南 2014).
    metadata = metadata_of(["某省人民政府", "关于深化户籍制度改革的", "实施意见", "某政〔2014〕83号", "各市、县人民政府：", "一、总体要求"])
    assert metadata.title == "某省人民政府关于深化户籍制度改革的实施意见"
    assert metadata.doc_number == "某政〔2014〕83号"


@pytest.mark.parametrize("page, title, number", [
    # a web page on one line whose box holds the 文号 and whose font-size tool stands right before a plan issued with no
    # notice, the 文号 printed again under its title (village economy, rural doctors; stop 55's gen item 1)
    ("索引号：431126000/2025-00018 发布机构：某县人民政府 成文日期：2025-03-12 文号：某政发〔2025〕6号 发布日期：2025-03-14 "
     "【字体：大 中 小】 某县人民政府关于发展壮大农村集体经济的实施意见 某政发〔2025〕6号 各乡镇人民政府，县政府各部门：　　"
     "为发展壮大农村集体经济，现提出如下实施意见。　　一、总体目标　　到2027年，村级集体经济收入全部达到10万元以上。",
     "某县人民政府关于发展壮大农村集体经济的实施意见", "某政发〔2025〕6号"),
    ("文号：某政发〔2025〕9号 发布日期：2025-04-10 浏览次数：312 【字号：大 中 小】【打印】 某县人民政府关于进一步加强乡村医生"
     "队伍建设的实施意见 某政发〔2025〕9号 各乡镇人民政府，县政府各部门：　　为稳定乡村医生队伍，提出如下实施意见。　　"
     "一、工作目标　　到2027年，全县乡村医生总数稳定在420人以上。",
     "某县人民政府关于进一步加强乡村医生队伍建设的实施意见", "某政发〔2025〕9号"),
])
def test_a_web_pages_box_number_leaves_the_title_to_the_number_under_it(tmp_path, page, title, number):
    metadata = extract(write_plan(tmp_path, page)).metadata
    assert (metadata.title, metadata.doc_number) == (title, number)


@pytest.mark.parametrize("page, title", [
    # a web page on one line whose box holds the 文号 and the readers' count, a plan issued with no notice under it and its
    # number not printed again: its title runs into the addressees (birth support, farmland; stop 59's luming)
    ("索引号：431126000/2025-00042 发布机构：某县人民政府 成文日期：2025-05-12 文号：某政发〔2025〕6号 发布日期：2025-05-14 "
     "浏览次数：3126 【字号：大 中 小】【打印】 某县人民政府关于优化生育支持政策促进人口长期均衡发展的实施意见各乡镇人民政府，县直各单位："
     "　　为加快构建生育友好型社会，提出如下实施意见。　　一、总体目标　　到2027年，全县每千人口拥有3岁以下婴幼儿托位数达到4.5个。",
     "某县人民政府关于优化生育支持政策促进人口长期均衡发展的实施意见"),
    ("文号：某政发〔2025〕11号 发布日期：2025-06-03 阅读次数：208 【打印】【关闭】 某县人民政府关于加强耕地保护的实施意见各乡镇人民政府，"
     "县直各单位：　　为严守耕地保护红线，提出如下实施意见。　　一、工作目标　　到2027年，全县耕地保有量稳定在52万亩以上。",
     "某县人民政府关于加强耕地保护的实施意见"),
])
def test_a_title_under_a_web_pages_box_runs_into_its_addressees(tmp_path, page, title):
    metadata = extract(write_plan(tmp_path, page)).metadata
    assert (metadata.title, metadata.recipients) == (title, ["各乡镇人民政府", "县直各单位"])


def test_a_forwarded_plan_title_stops_at_its_drafting_departments():
    metadata = metadata_of([
        "国务院办公厅关于转发卫生计生委等部门全国精神卫生工作规划（2015—2020年）的通知", "国办发〔2015〕44号",
        "各省、自治区、直辖市人民政府：", "国务院办公厅", "2015年6月4日",
        "全国精神卫生工作规划（2015—2020年）", "卫生计生委中央综治办发展改革委教育部公安部", "一、规划背景"])
    assert metadata.title == "全国精神卫生工作规划（2015—2020年）"


@pytest.mark.parametrize("title, expected", [
    ("（本文有删减）某市农村人居环境整治三年行动方案", "某市农村人居环境整治三年行动方案"),
    ("某县消防安全专项整治工作方案.docx", "某县消防安全专项整治工作方案"),
    ("某省职业教育改革实施方案（节选）", "某省职业教育改革实施方案"),
])
def test_a_web_copys_clutter_is_no_part_of_the_title(title, expected):
    assert metadata_of([title, "一、工作目标", "到2025年，完成改造任务。"]).title == expected


def test_traditional_document_numbers_and_breadcrumbs():
    metadata = metadata_of(["首页 > 政策文件 > 规划计划", "某市交通运输三年行动计划", "某府辦〔2015〕12號", "一、主要目标"])
    assert metadata.doc_number == "某府辦〔2015〕12号"
    assert metadata.title == "某市交通运输三年行动计划"


def test_a_traditional_copy_gives_the_simplified_metadata(tmp_path):
    plan = write_plan(tmp_path, "\n".join([
        "某市人民政府辦公室關於印發某市農村人居環境整治三年行動方案的通知", "某府辦發〔2019〕12號", "各區人民政府：",
        "現將《某市農村人居環境整治三年行動方案》印發給你們，請認真貫徹執行。", "某市人民政府辦公室", "2019年3月8日",
        "某市農村人居環境整治三年行動方案", "一、目標任務", "到2020年，全市農村生活垃圾有效處理的行政村比例達到90%以上。"]))
    metadata = extract(plan).metadata
    assert (metadata.title, metadata.doc_number, metadata.issuer, metadata.date) == (
        "某市农村人居环境整治三年行动方案", "某府办发〔2019〕12号", "某市人民政府办公室", "2019-03-08")


@pytest.mark.parametrize("text, title, period", [
    # A plan printed without any notice, crawled onto one line: its title runs into its preamble.
    ("关于推进人才集聚工程的实施意见为深入贯彻科学发展观，提出以下实施意见。一、总体目标", "关于推进人才集聚工程的实施意见", None),
    ("某县农村生活污水治理实施方案（2021—2025年）（稿）根据省市部署，制定本方案。一、工作目标", "某县农村生活污水治理实施方案（2021—2025年）", (2021, 2025)),
    ("某市中小学校园安全专项整治行动计划（2023—2024年）按照市委部署，结合实际制定。一、整治重点", "某市中小学校园安全专项整治行动计划（2023—2024年）", (2023, 2024)),
    # a year's 工作要点 or 方案 whose preamble opens with the year it speaks of (health, forestry; finding 6), on one line
    # or with its line breaks turned into spaces
    ("某县卫生健康局2024年工作要点2024年是全面推进健康某县建设的关键之年。一、提升基层服务能力1.全年完成家庭医生签约5万人。",
     "某县卫生健康局2024年工作要点", (2024, 2024)),
    ("某市林业局2025年森林防火工作方案2025年以来，全市森林防火形势严峻。一、工作目标全年森林火灾受害率控制在0.9‰以内。",
     "某市林业局2025年森林防火工作方案", (2025, 2025)),
    ("某县卫生健康局2024年工作要点  2024年是全面推进健康某县建设的关键之年。 一、提升基层服务能力 1.全年完成家庭医生签约5万人。",
     "某县卫生健康局2024年工作要点", (2024, 2024)),
])
def test_a_title_run_into_the_preamble_of_a_plan_without_notice(tmp_path, text, title, period):
    metadata = extract(write_plan(tmp_path, text)).metadata
    assert metadata.title == title
    assert ((metadata.period.start, metadata.period.end) if metadata.period else None) == period


@pytest.mark.parametrize("preamble, number", [
    ("日前，我区管委会办公室印发了《某区非物质文化遗产振兴行动方案》（某综管办〔2021〕105 号）。方案具体如下：", "某综管办〔2021〕105号"),
    ("近日，市卫健委印发《某区非物质文化遗产振兴行动方案》(某卫发〔2022〕8号)，全文如下。", "某卫发〔2022〕8号"),
])
def test_a_web_copy_states_the_plans_number_after_its_title_in_its_preamble(preamble, number):
    metadata = metadata_of(["某区管委会办公室关于印发《某区非物质文化遗产振兴行动方案》的通知", preamble, "某区非物质文化遗产振兴行动方案", "一、工作目标"])
    assert (metadata.title, metadata.doc_number) == ("某区非物质文化遗产振兴行动方案", number)


def test_a_number_after_another_documents_title_is_not_the_plans():
    metadata = metadata_of(["某市科普行动方案", "按照《某省科普行动方案》（某府〔2021〕76号）要求，制定本方案。", "一、工作目标"])
    assert (metadata.title, metadata.doc_number) == ("某市科普行动方案", None)


def test_a_crawled_web_copy_on_one_line_keeps_its_number_title_issuer_and_date(tmp_path):
    # Page title, 文号, the title with its issuer, addressees and body, all on one line.
    text = ("关于加强城市供水安全保障工作的实施意见某综管〔2015〕92号某区管委会关于加强城市供水安全保障工作的实施意见"
            "区直各单位，各乡镇人民政府：为了贯彻落实省政府要求，制定本意见。一、总体要求到2020年，城市供水水质达标率达到100%。"
            "二、主要任务（一）改造老旧管网。各乡镇要落实责任。（二）加强水质监测。三、保障措施各乡镇要落实责任。")
    metadata = extract(write_plan(tmp_path, text)).metadata
    assert (metadata.title, metadata.doc_number, metadata.issuer, metadata.recipients) == (
        "某区管委会关于加强城市供水安全保障工作的实施意见", "某综管〔2015〕92号", "某区管委会", ["区直各单位", "各乡镇人民政府"])


def test_a_notice_named_only_by_its_web_page_keeps_its_numbered_paragraphs_out_of_the_plan(tmp_path):
    # The page's title is the notice's: the text under it opens with the addressees.
    notice_title, body = NOTICE_WITH_ITEMS.split("\n", 1)
    paragraphs = "".join(f"<p>{line}</p>" for line in body.splitlines() if "〔" not in line)
    page = tmp_path / "plan.html"
    page.write_text(f"<html><head><title>{notice_title}</title></head><body>{paragraphs}</body></html>", encoding="utf-8")
    document = extract(page)
    assert [(s.number, s.title) for s in document.sections] == [(1, "主要目标"), (2, "重点任务")]
    assert (document.metadata.notice_title, document.metadata.title) == (notice_title, "某市养老服务体系建设实施方案")


@pytest.mark.parametrize("texts, period", [
    # a two-year plan's years listed in its title (environmental sanitation)
    (["某区环卫设施建设两年行动计划实施方案（2015、2016）", "一、工作目标", "至2016年底建成17座垃圾转运站。"], (2015, 2016)),
    # a campaign's dates beside its length, in its goals (road building) or its preamble (school traffic)
    (["某区交通建设工程标准化管理实施方案", "一、总体目标", "通过开展为期6个月（2013年12月16日至2014年6月15日）的标准化管理活动，实现工地整洁。"], (2013, 2014)),
    (["某县“平安上学路”交通专项整治工作方案", "自2015年4月20日至2015年6月19日在全县开展为期两个月的专项整治，制定方案如下：", "一、整治重点"], (2015, 2015)),
    # a length and its dates (hazardous chemicals), a first year and a number of years (talent, public culture)
    (["某市危险化学品安全综合治理实施方案", "一、工作目标", "通过三年综合治理（2019年2月至2021年12月），安全风险得到有效管控。"], (2019, 2021)),
    (["关于推进人才集聚工程的实施意见", "一、总体目标", "1.目标。2012年起5年内，大力实施六大人才行动计划。"], (2012, 2016)),
    (["某市公共文化服务体系建设实施方案", "一、工作目标", "从2022年起，用3年时间，全市建成城市书房50间。"], (2022, 2024)),
    # a campaign's dates with no year are the notice's year's, from now on too (traffic, food safety); with no date, no period
    (["某县农村道路交通安全整治方案", "经研究，决定从9月1日起至11月30日在全县开展农村道路交通安全整治。", "一、整治重点", "整治无牌无证车辆。",
      "某县公安局", "2024年8月20日"], (2024, 2024)),
    (["某市教育局关于开展校园食品安全专项整治的通知", "各县（区）教育局：", "为保障师生饮食安全，决定从即日起至2025年底在全市开展专项整治行动。",
      "一、整治内容", "排查学校食堂。", "某市教育局", "2024年5月10日"], (2024, 2025)),
    (["某县农村道路交通安全整治方案", "经研究，决定从即日起至2025年底在全县开展农村道路交通安全整治。", "一、整治重点", "整治无牌无证车辆。"], None),
    # a stage's own dates, and a start year with no length, state no period
    (["某县食品安全整治方案", "一、实施步骤", "2.集中整治阶段：自2024年5月至2025年9月，在全县开展拉网式排查。"], None),
    (["某区宅基地确权登记发证工作实施方案", "一、实施步骤", "（一）推进实施阶段（2015年5月—2020年6月）", "完成登记发证。"], None),
    (["某省职业教育改革实施方案", "一、主要任务", "从2019年起，在有条件的地区探索实施试点工作。"], None),
    # a campaign's start and end each with its word (road safety, rural living environment); a past round's span told in
    # the review, after the notice's year (soil) or as the last round (rural living environment), is no period
    (["某县农村道路交通安全专项整治行动实施方案", "一、工作安排", "本次专项行动从2024年3月开始，至2025年12月结束。"], (2024, 2025)),
    (["某县农村人居环境整治提升方案", "一、工作安排", "本轮农村人居环境整治自2025年4月起，2026年6月底止。"], (2025, 2026)),
    # a task's own months are no period, and the deadline of the plan's end stays unknown (sewage, a review)
    (["某县农村生活污水治理方案", "（一）排查摸底", "排查工作从2024年4月开始，至2024年6月结束，摸清底数。", "（二）集中治理",
      "到方案期末，全县农村生活污水治理率达到60%。", "某县人民政府", "2024年3月1日"], None),
    (["某县土壤污染防治行动方案", "一、工作基础", "全县土壤污染治理工作自2016年起，2020年底止，累计治理耕地2万亩。",
      "二、目标", "受污染耕地安全利用率达到93%。", "某县人民政府", "2024年3月1日"], None),
    (["某县农村人居环境整治提升方案", "一、工作基础", "上一轮农村人居环境整治工作从2018年开始，至2020年结束，村庄面貌明显改善。"], None),
    # the plan's own span after a past one refused (rural living environment, road safety)
    (["某县农村人居环境整治专项行动方案", "一、工作基础", "全县农村人居环境整治三年行动从2018年开始，至2020年结束。", "二、工作安排",
      "本次专项行动从2024年3月开始，至2025年12月结束。", "某县人民政府", "2024年3月1日"], (2024, 2025)),
    # a plan for one year names it in its title (environment, education, housing); a span stated in the text is finer
    (["某市2025年深入打好污染防治攻坚战工作要点", "一、大气污染防治", "推进超低排放改造。"], (2025, 2025)),
    (["某县义务教育招生入学工作实施方案（2024年）", "一、招生对象", "适龄儿童免试就近入学。"], (2024, 2024)),
    (["2023年度某区农村危房改造工作方案", "一、工作目标", "完成改造300户。"], (2023, 2023)),
    (["2019年某市危险化学品安全综合治理实施方案", "一、工作目标", "通过三年综合治理（2019年2月至2021年12月），安全风险得到有效管控。"], (2019, 2021)),
    # years in Chinese digits, as formal texts write them, in the title or the text (sport, ecology, agriculture)
    (["某某省全民健身实施计划（二〇二六—二〇三〇年）", "第一章 总则", "第一条 为深入实施全民健身国家战略，制定本计划。",
      "第二条 本计划自二〇二六年一月一日起施行。"], (2026, 2030)),
    (["某市生态环境保护行动方案", "一、实施期限", "本行动方案实施期限为二〇二五年至二〇二七年。"], (2025, 2027)),
    (["某县二〇二四年高标准农田建设实施方案", "一、建设任务", "新建高标准农田2万亩。"], (2024, 2024)),
    # a deadline in the title is no plan year
    (["某县到2025年基本消除城市黑臭水体行动方案", "一、工作目标", "消除黑臭水体。"], None),
    # stages that together span a plan stating no period: each stage a heading with its dates (land registry, drugs) or
    # after its colon (water supply); one stage (above), a first stage with no year, or stages ending before the notice was
    # signed (a past round's, in the review: schools) state none
    (["某区宅基地确权登记发证工作实施方案", "三、实施步骤", "（一）准备阶段（2015年5月）", "成立工作机构。", "（二）推进实施阶段（2015年5月—2020年6月）",
      "完成登记发证。", "（三）检查验收阶段（2020年6-12月）", "组织检查验收。"], (2015, 2020)),
    (["某区药品流通领域综合整治行动工作实施方案", "三、整治步骤", "（一）企业自查阶段（2016年4月5日至4月20日）。组织企业开展自查自纠。",
      "（二）检查整治阶段（2016年4月21日至6月5日）。加大日常检查力度。", "（三）总结阶段（2016年7月1日至8月15日）。认真分析总结。"], (2016, 2016)),
    (["某县农村供水工程建设实施方案", "三、实施步骤", "第一阶段：2024年，完成规划设计。", "第二阶段：2025—2026年，全面推进工程建设。"], (2024, 2026)),
    (["某县学校食堂整治方案", "三、实施步骤", "（一）排查阶段（5月1日—5月31日）", "（二）整治阶段（6月1日—2024年9月30日）"], None),
    # …but stages of months alone in a signed plan are of the year it was signed, and pass into the next across the new year,
    # as a campaign's span of months alone is (food safety, schools, gas safety: wild 32); so is its time set out (城乡环境: wild 27)
    (["某区食品添加剂专项整治方案", "三、工作步骤", "（一）宣传发动阶段（6月16日-7月15日）。", "（二）清理整顿阶段（7月16日-10月15日）。",
      "（三）规范巩固阶段（10月16日-11月15日）。", "某区市场监督管理局", "2017年6月22日"], (2017, 2017)),
    (["某县校园周边环境整治方案", "三、实施步骤", "（一）排查阶段（3月1日—3月31日）", "（二）整治阶段（4月1日—6月30日）", "某县教育局",
      "2024年2月20日"], (2024, 2024)),
    (["某县燃气安全冬季整治方案", "三、实施步骤", "（一）排查阶段（11月1日—12月31日）", "（二）整治阶段（1月1日—2月28日）",
      "某县住房和城乡建设局", "2024年10月20日"], (2024, 2025)),
    (["某区城乡环境综合整治实施意见", "时间安排：5月20日至11月1日。", "一、整治内容", "开展老城区环境卫生整治。", "某区人民政府",
      "2015年5月25日"], (2015, 2015)),
    # …of the next year where they open after the new year, months before the month it was signed (forest fire, December:
    # reader Z11), its stages, its time set out and its campaign's dates alike
    (["某县春季森林防火专项整治方案", "三、实施步骤", "（一）排查阶段（1月1日—1月31日）", "开展隐患排查。", "（二）整治阶段（2月1日—3月31日）",
      "全面整治。", "某县林业局", "2023年12月20日"], (2024, 2024)),
    (["某县春季森林防火专项整治方案", "一、时间安排：1月10日至3月31日。", "二、整治内容", "开展隐患排查。", "某县林业局", "2023年12月20日"],
     (2024, 2024)),
    (["某县春季森林防火专项整治方案", "自1月10日起至3月31日，在全县开展森林防火专项整治行动。", "一、整治内容", "2月底前完成隐患排查300处。",
      "某县林业局", "2023年12月20日"], (2024, 2024)),
    # …but of the year signed where the span runs on past the month signed: a campaign signed after it opened (gas safety,
    # sanitation: reader Z18), its stages and its time set out alike
    (["某县燃气安全专项整治方案", "三、实施步骤", "（一）排查阶段（5月1日—5月31日）", "（二）整治阶段（6月1日—10月31日）",
      "（三）巩固阶段（11月1日—12月31日）", "9月底前完成燃气用户安全检查5000户。", "某县住房和城乡建设局", "2023年8月15日"], (2023, 2023)),
    (["某县城乡环境卫生整治方案", "一、时间安排：5月1日至12月31日。", "二、整治内容", "9月底前完成垃圾清运点改造20个。", "某县人民政府",
      "2023年8月15日"], (2023, 2023)),
    (["某县校园安全提升方案", "一、工作基础", "（一）第一阶段（2018年3月—2019年6月）", "完成校园视频监控全覆盖。", "（二）第二阶段（2019年7月—2020年12月）",
      "完成校园安保力量配备。", "二、主要任务", "某县人民政府", "2024年3月1日"], None),
    # the stages of one task, not under the plan's steps, are that task's (sponge city, education: reader Y6)
    (["某市海绵城市建设实施方案", "一、工作目标", "到2025年，城市建成区20%以上的面积达到海绵城市建设要求；到2030年，城市建成区80%以上的面积达到要求。",
      "二、重点任务", "（一）推进老旧小区海绵化改造。", "1.第一阶段（2025年）：完成试点小区改造10个。", "2.第二阶段（2026年）：完成老旧小区改造30个。"], None),
    (["某县义务教育优质均衡发展实施方案", "一、工作目标", "到2030年，全县义务教育实现优质均衡。", "二、重点任务", "（一）推进集团化办学。",
      "1.试点阶段（2025年）：组建教育集团3个。", "2.推广阶段（2026—2027年）：集团化办学覆盖全县城区学校。"], None),
    # …a task's own lead of stages too (sponge city), while one right under the plan's heading of steps is the plan's (drugs); a
    # stage's number before its name (civilisation)
    (["某市海绵城市建设实施方案", "一、工作目标", "到2030年，城市建成区80%以上的面积达到要求。", "二、重点任务", "（一）推进老旧小区海绵化改造。",
      "老旧小区改造分两个阶段推进：", "1.第一阶段（2025年）：完成试点小区改造10个。", "2.第二阶段（2026年）：完成老旧小区改造30个。"], None),
    # …under a task's heading of the plan's own level too, where the plan numbers its tasks 一、二、 (sanitation, education:
    # the last read's S4)
    (["某县城乡人居环境整治提升实施方案", "一、实施农村改厕工程", "农村改厕分两个阶段推进：", "（一）试点阶段（2025年）：完成试点村改厕500户。",
      "（二）推广阶段（2026年）：全县农村卫生厕所普及率达到90%。"], None),
    (["某县义务教育优质均衡发展实施方案", "二、推进集团化办学", "集团化办学分三个阶段推进：", "（一）试点阶段（2025年）：组建教育集团3个。",
      "（二）推广阶段（2026年）：集团化办学覆盖城区学校。", "（三）巩固阶段（2027年）：集团化办学覆盖全县。"], None),
    (["某区药品流通领域综合整治行动工作实施方案", "三、工作步骤", "综合整治行动分为四阶段进行：", "（一）企业自查阶段（2016年4月5日至4月20日）。组织自查。",
      "（二）检查整治阶段（2016年4月21日至6月5日）。加大检查力度。"], (2016, 2016)),
    (["某市创建全国文明城市工作方案", "一、创建目标", "到2027年，成功创建全国文明城市。", "二、工作步骤", "第一阶段：启动阶段（2024年1月—3月）。",
      "第二阶段：全面创建阶段（2024年4月—2026年12月）。", "第三阶段：迎检巩固阶段（2027年）。"], (2024, 2027)),
    # numeral characters in no numeral's order (hostile or garbled text) state no length: no error either
    (["某市节水行动方案", "一、总体要求", "自2012年起十十年内，全市用水总量控制在5亿立方米以内。"], None),
])
def test_the_period_a_plan_states_for_itself(texts, period):
    metadata = metadata_of(texts)
    assert ((metadata.period.start, metadata.period.end) if metadata.period else None) == period


@pytest.mark.parametrize("signature, issuer", [
    # agriculture and finance sign one line, their spaces lost when the line was cleaned
    ("清远市农业农村局　　　　清远市财政局", "清远市农业农村局、清远市财政局"),
    # the party committee's and the government's offices
    ("中共韶关市委办公室  韶关市人民政府办公室", "中共韶关市委办公室、韶关市人民政府办公室"),
    # health and education sign one notice
    ("某省卫生健康委员会办公室\u3000\u3000某省教育厅办公厅", "某省卫生健康委员会办公室、某省教育厅办公厅"),
    # one body whose name holds its place once stays whole
    ("清远市清城区人民政府", "清远市清城区人民政府"),
    # three signers one under the other, the third the League's (science popularisation) or another place's (water)
    ("禾阳市科学技术协会\n禾阳市教育局\n共青团禾阳市委员会", "禾阳市科学技术协会、禾阳市教育局、共青团禾阳市委员会"),
    ("禾阳市生态环境局\n禾阳市水利局\n青山县人民政府", "禾阳市生态环境局、禾阳市水利局、青山县人民政府"),
    # a branch named after its place is one body with the bureau it belongs to (public security)
    ("某市公安局高新区分局", "某市公安局高新区分局"),
    # national bodies' local offices, a bank's branch among them, sign with the city's own (finance, farm credit, taxes)
    ("中国人民银行枫林市分行\n国家金融监督管理总局枫林监管分局", "中国人民银行枫林市分行、国家金融监督管理总局枫林监管分局"),
    ("中国农业发展银行禾阳市分行\n禾阳市农业农村局", "中国农业发展银行禾阳市分行、禾阳市农业农村局"),
    ("禾阳市财政局\n国家税务总局禾阳市税务局", "禾阳市财政局、国家税务总局禾阳市税务局"),
])
def test_joint_issuers_signing_one_line_are_parted_as_given_and_with_their_line_breaks_lost(tmp_path, signature, issuer):
    lines = ["关于印发某市高标准农田建设实施方案的通知", "某农〔2021〕116号", "各县（市、区）农业农村局：",
             "现将《某市高标准农田建设实施方案》印发给你们，请遵照执行。", signature, "2021年6月3日",
             "某市高标准农田建设实施方案", "一、建设目标", "新建高标准农田15万亩。", "二、建设任务", "（一）完善灌排设施。",
             "（二）提升耕地质量。", "三、保障措施", "加强组织领导。"]
    lined, flat = tmp_path / "lined.txt", tmp_path / "flat.txt"
    lined.write_text("\n".join(lines), encoding="utf-8")
    flat.write_text("".join(lines).replace("\n", ""), encoding="utf-8")  # the spaces between the signers read as a line end
    assert (extract(lined).metadata.issuer, extract(flat).metadata.issuer) == (issuer, issuer)


@pytest.mark.parametrize("texts, title, issuer", [
    # public culture: a department's plan with no notice, its name over the title
    (["惠州市文化广电旅游体育局", "惠州市公共文化服务体系建设实施方案", "为加快构建现代公共文化服务体系，制定本方案。", "一、工作目标", "建成城市书房50间。"],
     "惠州市公共文化服务体系建设实施方案", "惠州市文化广电旅游体育局"),
    # work safety: the plan after its notice, the issuer printed again over its title
    (["某区市场监督管理局关于印发2017年“安全生产月”活动方案的通知", "各处（室）、分局：", "特制定本方案，请认真贯彻执行。",
      "某区市场监督管理局", "2017年6月8日", "某区市场监督管理局", "2017年“安全生产月”活动方案", "根据区安委会部署，特制定本方案。", "一、指导思想"],
     "2017年“安全生产月”活动方案", "某区市场监督管理局"),
    # the issuer opening a title wrapped before 关于 is part of it
    (["某市农业农村局", "关于加快发展设施农业的实施意见", "为加快发展设施农业，提出如下意见。", "一、总体要求"],
     "某市农业农村局关于加快发展设施农业的实施意见", "某市农业农村局"),
])
def test_an_issuer_over_the_plans_title_is_no_part_of_it(texts, title, issuer):
    metadata = metadata_of(texts)
    assert (metadata.title, metadata.issuer) == (title, issuer)


@pytest.mark.parametrize("signed, date", [
    ("二0二三年四月一日", "2023-04-01"),  # eldercare: a zero typed as a digit among Chinese numerals
    ("二0二二年三月十八日", "2022-03-18"),  # water conservancy
])
def test_a_signing_date_mixing_a_digit_zero_with_chinese_numerals(signed, date):
    metadata = metadata_of(["关于印发某市养老服务三年行动方案的通知", "各镇人民政府：", "现将方案印发给你们，请认真贯彻落实。",
                            "某市人民政府办公室", signed, "某市养老服务三年行动方案", "一、发展目标"])
    assert (metadata.issuer, metadata.date) == ("某市人民政府办公室", date)


@pytest.mark.parametrize("issuers, issuer", [
    (["中共东莞市委办公室", "东莞市人民政府办公室"], "中共东莞市委办公室、东莞市人民政府办公室"),  # eldercare, party and government
    (["汕头市人力资源和社会保障局", "汕头市财政局"], "汕头市人力资源和社会保障局、汕头市财政局"),  # employment training
])
def test_joint_issuers_each_on_a_line_over_the_notices_title(issuers, issuer):
    metadata = metadata_of([*issuers, "关于印发某市职业技能提升行动实施方案的通知", "某办发〔2023〕5号", "各区人民政府：",
                            "现将方案印发给你们，请认真贯彻执行。", "某市职业技能提升行动实施方案", "一、目标任务"])
    assert (metadata.issuer, metadata.doc_number) == (issuer, "某办发〔2023〕5号")


@pytest.mark.parametrize("texts, date", [
    # community governance: the date alone closes the plan, its seal an image
    (["某市社区治理能力提升三年行动方案", "为提升社区治理能力，制定本方案。", "一、工作目标", "到2025年，社区综合服务设施全覆盖。",
      "二、保障措施", "各地要加强组织领导。", "2023年2月14日"], "2023-02-14"),
    # fire safety: the date before the list of attachments
    (["某县消防安全专项整治工作方案", "一、整治范围", "全县人员密集场所。", "二、工作要求", "请各单位按时完成自查。", "2023年5月8日",
      "附件：重点场所清单"], "2023-05-08"),
    # a date alone inside the body, with body after it, is no signing date
    (["某县防汛工作方案", "一、时间安排", "2023年5月1日", "全面进入汛期值守。", "二、工作要求", "加强值班。"], None),
])
def test_a_date_alone_closing_the_plan_is_its_signing_date(texts, date):
    assert metadata_of(texts).date == date


@pytest.mark.parametrize("lines", [
    # a notice whose plan follows under 附件 on a line of its own: school enrolment, environmental disclosure
    ["某教〔2016〕13号", "关于印发《2016年某区小学招生入学工作实施意见》的通知", "各小学：",
     "现将《2016年某区小学招生入学工作实施意见》印发给你们，请遵照执行。", "附件：2016年某区小学招生入学工作实施意见",
     "2016年4月25日", "(此件主动公开)", "附件", "2016年某区小学招生入学工作实施意见",
     "为促进依法办学，制定本意见。", "一、指导思想", "坚持免试就近入学。", "二、工作安排", "全区小学于6月完成招生。"],
    ["某市环境保护局关于印发建设项目环境影响评价信息公开机制方案的通知", "各区环境保护局：",
     "现将方案印发给你们，请认真贯彻执行。", "附件：1.建设项目环境影响评价信息公开机制方案", "2016年1月5日", "（此件公开发布）",
     "附件2", "建设项目环境影响评价信息公开机制方案",
     "一、总体要求", "（一）指导思想", "全面推进环评信息公开。", "二、公开内容", "公开环评报告书全本。"],
], ids=["enrolment", "disclosure"])
def test_a_plan_under_its_attachment_heading_keeps_its_title_with_its_line_breaks_lost(tmp_path, lines):
    lined, flat = write_lined_and_flat(tmp_path, lines)
    heading = next(index for index, line in enumerate(lines) if line in ("附件", "附件2"))
    assert extract(flat).metadata.title == extract(lined).metadata.title == lines[heading + 1]


@pytest.mark.parametrize("lines, attachments", [
    # a numbered list of attachments run onto one line (environment)
    (["各区生态环境分局：", "现将方案印发给你们，请认真组织实施。", "附件：1.重点行业超低排放改造任务表2.企业治理设施清单",
      "某市生态环境局", "2024年3月5日", "某市大气污染防治工作方案", "一、工作目标", "完成改造。",
      "二、主要任务", "（一）推进超低排放改造。", "（二）治理扬尘污染。", "三、保障措施", "加强督查。"],
     ["重点行业超低排放改造任务表", "企业治理设施清单"]),
    # three items, the second holding a version number and the third opening with a year (elderly care)
    (["各县民政局：", "现将方案印发给你们，请遵照执行。", "附件：1.养老服务设施建设任务分解表2.智慧养老2.0版指标表3.2025年重点项目清单",
      "某市民政局", "2024年6月1日", "某市养老服务体系建设实施方案", "一、发展目标", "完善服务体系。",
      "二、主要任务", "（一）建设养老设施。", "（二）发展智慧养老。", "三、保障措施", "加强资金保障。"],
     ["养老服务设施建设任务分解表", "智慧养老2.0版指标表", "2025年重点项目清单"]),
], ids=["environment", "elderly-care"])
def test_a_list_of_attachments_on_one_line_is_parted_as_given_and_with_its_line_breaks_lost(tmp_path, lines, attachments):
    lined, flat = write_lined_and_flat(tmp_path, lines)
    assert extract(lined).metadata.attachments == attachments
    assert extract(flat).metadata.attachments == attachments


@pytest.mark.parametrize("closing, attachment", [
    # transport (web pingtan): the penalty schedule a plan appends, named on its 附录： line
    (["附录：平潭综合实验区交通建设工程标准化管理相关处罚规定", "附录", "平潭综合实验区交通建设工程", "标准化管理相关处罚规定"],
     "平潭综合实验区交通建设工程标准化管理相关处罚规定"),
    # health (wild 18): the forms a plan appends, named on its 附表： line
    (["附表：福建省疾病应急救助患者身份确认及医疗费用审批表（1）、（2）", "附表", "福建省疾病应急救助患者身份确认及医疗", "费用审批表（1）"],
     "福建省疾病应急救助患者身份确认及医疗费用审批表（1）、（2）"),
], ids=["transport", "health"])
def test_a_table_or_appendix_line_after_the_plan_names_what_it_appends(tmp_path, closing, attachment):
    lined = tmp_path / "plan.txt"
    lined.write_text("\n".join(["某区实施办法", "一、总体要求", "规范管理。", "二、其他事项", "本办法自公布之日起实施。"] + closing) + "\n",
                     encoding="utf-8")
    assert extract(lined).metadata.attachments == [attachment]


@pytest.mark.parametrize("lines, attachments", [
    # a printed notice's numbered attachments, a long name cut at the line's end before its last word (water supply,
    # the rest a line; education, the last character alone)
    (["附件：1.某县农村供水工程建设与运行管理实施", "方案（2024—2026年）", "2.某县农村供水保障工作联络员名单", "某县水利局",
      "2024年3月1日"], ["某县农村供水工程建设与运行管理实施方案（2024—2026年）", "某县农村供水保障工作联络员名单"]),
    (["附件：1.2016年南开区小学招生入学工作实施意", "见", "2.2016年南开区小学招生入学信息登记", "表", "天津市南开区教育局",
      "2016年4月25日"], ["2016年南开区小学招生入学工作实施意见", "2016年南开区小学招生入学信息登记表"]),
], ids=["water-supply", "education"])
def test_a_numbered_attachment_wrapped_at_a_lines_end_keeps_its_whole_name_and_the_items_after_it(tmp_path, lines, attachments):
    lined = tmp_path / "plan.txt"
    lined.write_text("\n".join(["某县农村供水保障实施方案", "一、工作目标", "到2026年，农村自来水普及率达到95%。"] + lines) + "\n", encoding="utf-8")
    assert extract(lined).metadata.attachments == attachments


@pytest.mark.parametrize("lines, attachment", [
    # the plan's signature under its attachment line, the attachment's name ending in no word a name ends with
    # (education: real/shanghai's 附件：2016年…工作日程安排 / 上海市教育委员会 / 2016年2月1日; animal epidemics)
    (["（八）实施“双减”措施。民办学校在招生录取过程中未兑现“三个承诺”的，减少招生计划数。", "附件：2016年义务教育阶段学校招生入学工作日程安排",
      "上海市教育委员会", "2016年2月1日", "2016年义务教育阶段学校招生入学工作日程安排", "日期\t内容", "2月初\t公布招生入学工作实施意见"],
     "2016年义务教育阶段学校招生入学工作日程安排"),
    (["（三）加强督查。对工作不力的乡镇予以通报。", "附件：2024年春季动物集中免疫进度安排", "某县农业农村局", "2024年3月1日",
      "2024年春季动物集中免疫进度安排", "时间\t工作内容", "3月1日—3月31日\t集中免疫"], "2024年春季动物集中免疫进度安排"),
], ids=["education", "animal-epidemics"])
def test_an_attachment_line_above_the_signature_keeps_its_name(tmp_path, lines, attachment):
    lined = tmp_path / "plan.txt"
    lined.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert extract(lined).metadata.attachments == [attachment]


@pytest.mark.parametrize("lines, attachment", [
    # one attachment, the attached document's own 附件 marker and title run on after it (health, land)
    (["区直各单位：", "现将办法印发给你们，请认真贯彻执行。", "附件：某区疾病应急救助基金管理实施办法", "某区管委会", "2015年8月3日",
      "附件", "某区疾病应急救助基金管理实施办法", "一、为了规范开展疾病应急救助工作，制定本办法。", "二、基金来源", "区财政安排专项资金。",
      "三、救助对象", "在我区发生急危重伤病的患者。", "四、附则", "本办法自印发之日起施行。"], "某区疾病应急救助基金管理实施办法"),
    (["各乡镇人民政府：", "现将名单印发给你们。", "附件：某片区美丽乡村示范整治工作领导小组", "附件",
      "根据工作任务清单相关要求，我局制定《某片区美丽乡村示范整治工作方案》，现印发给你们，请认真贯彻落实。", "一、工作目标", "整治村庄10个。",
      "二、工作任务", "（一）整治农村垃圾。", "（二）改造农村厕所。", "三、保障措施", "加强督查考核。"],
     "某片区美丽乡村示范整治工作领导小组"),
], ids=["health", "countryside"])
def test_one_attachment_ends_before_the_attached_document_with_its_line_breaks_lost(tmp_path, lines, attachment):
    flat = tmp_path / "flat.txt"
    flat.write_text("".join(lines) + "\n", encoding="utf-8")
    assert extract(flat).metadata.attachments == [attachment]


@pytest.mark.parametrize("texts, expected", [
    # a plan printed without a notice, its department's seal and a month alone closing it (养老)
    (["某市“十四五”时期养老服务体系建设规划", "为积极应对人口老龄化，制定本规划。", "一、发展目标", "完善服务体系。",
      "某市民政局", "2025年1月"],
     {"title": "某市“十四五”时期养老服务体系建设规划", "issuer": "某市民政局", "date": "2025-01", "period": {"start": 2021, "end": 2025}}),
    # a notice signed by month in Chinese numerals, the plan's term stated in its text (城市更新)
    (["某区人民政府办公室关于印发某区", "城市更新行动实施方案的通知", "各街道办事处：", "现将方案印发给你们，请认真抓好落实。",
      "某区人民政府办公室", "二〇二五年六月", "某区城市更新行动实施方案", "本方案实施期限为2025年至2027年。", "一、工作目标", "改造老旧小区。"],
     {"title": "某区城市更新行动实施方案", "issuer": "某区人民政府办公室", "date": "2025-06", "period": {"start": 2025, "end": 2027}}),
    # an attachment's name in 《》 is given without them; a name in 《》 inside another keeps its marks (扶贫)
    (["某片区管理局关于印发某片区防止返贫集中排查实施方案的通知", "各村委会：", "现将方案印发给你们，请认真贯彻落实。",
      "附件：1.《脱贫户信息采集表》", "2.《脱贫户信息采集表》填表说明", "某片区管理局", "2023年11月2日", "某片区防止返贫集中排查实施方案",
      "一、工作目标", "完成排查。"],
     {"attachments": ["脱贫户信息采集表", "《脱贫户信息采集表》填表说明"]}),
    # a 函 issuing a plan, its title wrapped over two lines (环保)
    (["某市人民政府办公室", "关于印发某市2025年深入打好污染防治攻坚战", "工作要点的函", "某府办函〔2025〕7号", "市生态环境局：",
      "现将《工作要点》印发给你们，请认真组织实施。", "某市人民政府办公室", "2025年2月18日", "某市2025年深入打好污染防治攻坚战工作要点",
      "一、大气污染防治", "推进超低排放改造。"],
     {"title": "某市2025年深入打好污染防治攻坚战工作要点", "issuer": "某市人民政府办公室", "date": "2025-02-18",
      "notice_title": "某市人民政府办公室关于印发某市2025年深入打好污染防治攻坚战工作要点的函"}),
    # a title printed in 《》 over two lines (旅游)
    (["《某县全域旅游发展三年行动方案", "（2025—2027年）》", "为加快全域旅游发展，制定本方案。", "一、总体要求", "完善设施。",
      "某县文化和旅游局", "2025年5月6日"],
     {"title": "某县全域旅游发展三年行动方案（2025—2027年）", "issuer": "某县文化和旅游局", "date": "2025-05-06"}),
    # a plan ending with its last stage's month, no signer above it: a stage's date, no signing date (人居环境, 教育)
    (["某县农村人居环境整治实施方案", "一、目标任务", "到2025年，农村卫生厕所普及率达到90%。", "二、实施步骤",
      "（一）动员部署阶段", "2024年3月", "（二）总结验收阶段", "2025年12月"], {"date": None}),
    (["某市义务教育优质均衡发展行动方案", "一、工作目标", "到2026年，义务教育学校标准化建设达标率100%。", "二、进度安排",
      "（一）自查整改阶段", "2025年9月", "（二）评估验收阶段", "2026年6月"], {"date": None}),
])
def test_unseen_metadata_forms(texts, expected):
    meta = metadata_of(texts).model_dump()
    assert {field: meta[field] for field in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # 卫生: a chain of notices forwarding one another, its line breaks lost: the plan is the innermost one's
    ("某县人民政府办公室关于转发某市卫生健康委员会关于印发某市基层医疗卫生服务能力提升行动方案的通知的通知某县政办〔2025〕"
     "3号各乡镇人民政府，县直有关单位：现将《某市卫生健康委员会关于印发某市基层医疗卫生服务能力提升行动方案的通知》转发给你们"
     "，请认真贯彻执行。某县人民政府办公室2025年3月20日某市基层医疗卫生服务能力提升行动方案一、工作目标到2026年，基"
     "层诊疗量占比达到65%。抄送：县委办公室，县人大常委会办公室。某县人民政府办公室　　　　2025年3月21日印发",
     {"title": "某市基层医疗卫生服务能力提升行动方案", "doc_number": "某县政办〔2025〕3号"}),
    # 环保: a 函, its line breaks lost
    ("某市人民政府办公室关于印发某市2025年深入打好污染防治攻坚战工作要点的函某府办函〔2025〕7号市生态环境局：《工作要点》已经市政府同意，"
     "现印发给你们，请认真组织实施。某市人民政府办公室2025年2月18日某市2025年深入打好污染防治攻坚战工作要点一、大气污染防治"
     "（一）推进超低排放改造。（二）加强扬尘管控。二、水污染防治（一）推进截污纳管。",
     {"title": "某市2025年深入打好污染防治攻坚战工作要点", "doc_number": "某府办函〔2025〕7号"}),
])
def test_a_flattened_notice_chain_or_letter_gives_the_plan_title_and_number(tmp_path, text, expected):
    meta = extract(write_plan(tmp_path, text + "\n")).metadata.model_dump()
    assert {field: meta[field] for field in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # 教育: signed by a date alone in Chinese numerals, run into the plan's title
    ("某县教育局关于印发某县义务教育优质均衡发展实施方案的通知各中小学：现将《某县义务教育优质均衡发展实施方案》印发给你们，"
     "请认真组织实施。二〇二三年五月十日某县义务教育优质均衡发展实施方案为推进义务教育优质均衡发展，制定本方案。一、工作目标"
     "到2025年，全县义务教育学校全部达标。二、主要任务（一）改善办学条件。（二）加强教师队伍建设。三、保障措施加强督导。",
     {"title": "某县义务教育优质均衡发展实施方案", "date": "2023-05-10"}),
    # 城建: a month alone in Chinese numerals under the signer, run into the plan's title
    ("某区人民政府办公室关于印发某区城市更新行动实施方案的通知各街道办事处：现将方案印发给你们，请认真抓好落实。"
     "某区人民政府办公室二〇二五年六月某区城市更新行动实施方案本方案实施期限为2025年至2027年。一、工作目标改造老旧小区。"
     "二、主要任务（一）改造管网。（二）完善设施。三、保障措施加强领导。",
     {"title": "某区城市更新行动实施方案", "issuer": "某区人民政府办公室", "date": "2025-06"}),
    # 安全生产: the issuer's line over the plan's title joined to it: the title is what the notice issues
    ("某县应急管理局关于印发2024年“安全生产月”活动方案的通知各乡镇：现将方案印发给你们，请认真贯彻执行。某县应急管理局"
     "2024年6月3日某县应急管理局2024年“安全生产月”活动方案根据上级部署，制定本方案。一、活动主题人人讲安全。二、活动安排"
     "（一）开展宣传咨询日。（二）组织应急演练。三、工作要求加强领导。",
     {"title": "2024年“安全生产月”活动方案", "issuer": "某县应急管理局", "date": "2024-06-03"}),
    ("某市文化和旅游局关于印发2025年文化惠民活动方案的通知各区文化和旅游局：现将方案印发给你们，请认真组织实施。某市文化和旅游局"
     "2025年2月10日某市文化和旅游局2025年文化惠民活动方案为丰富群众文化生活，制定本方案。一、活动内容开展送戏下乡。"
     "二、工作安排（一）春节期间。（二）暑期。三、工作要求加强保障。",
     {"title": "2025年文化惠民活动方案", "issuer": "某市文化和旅游局"}),
    # 农业, 环保: a web copy's page title over its 文号, printed again under it after the issuer and run into the addressees
    # or the preamble: the title as the document prints it
    ("关于引导农村土地经营权有序流转的实施意见某综管〔2015〕45号某区管委会关于引导农村土地经营权有序流转的实施意见"
     "区直有关单位、各乡镇人民政府农村土地经营权有序流转，是发展现代农业的迫切需要。一、总体要求（一）指导思想。（二）基本原则。"
     "二、主要任务（一）规范流转。三、保障措施加强领导。",
     {"title": "某区管委会关于引导农村土地经营权有序流转的实施意见", "issuer": "某区管委会"}),
    ("关于加快推进城区黑臭水体治理的实施意见某政〔2019〕12号某市人民政府关于加快推进城区黑臭水体治理的实施意见为改善城区水环境，"
     "提出以下意见。一、总体目标到2020年，城区黑臭水体全部消除。二、主要任务（一）控源截污。（二）清淤疏浚。三、保障措施加强领导。",
     {"title": "某市人民政府关于加快推进城区黑臭水体治理的实施意见", "issuer": "某市人民政府"}),
    # 消防, 产业: the addressees before a preamble opening with 经…研究/同意
    ("某县人民政府办公室关于印发《冬春火灾防控专项行动方案》的通知某政办〔2013〕9号各乡镇人民政府，县直各有关单位：经研究同意，"
     "现将《冬春火灾防控专项行动方案》印发给你们，请认真贯彻执行。某县人民政府办公室2013年1月7日冬春火灾防控专项行动方案"
     "一、工作目标火灾起数明显下降。二、工作措施（一）排查隐患。（二）整改落实。三、工作要求加强领导。",
     {"recipients": ["各乡镇人民政府", "县直各有关单位"], "date": "2013-01-07"}),
    ("某区管委会办公室关于印发《某区重点产业链长制工作方案》的通知某管办〔2020〕100号各片区管理局，区直各单位，各区属国企："
     "经2020年区党工委第39次委员会议研究同意，现将方案印发给你们，请认真抓好落实。某区管委会办公室2020年10月30日"
     "某区重点产业链长制工作方案一、工作目标培育产业链5条。二、主要任务（一）建立链长制。（二）强化招商。三、保障措施加强领导。",
     {"recipients": ["各片区管理局", "区直各单位", "各区属国企"], "date": "2020-10-30"}),
    # 养老, 交通: the notice's title words the plan otherwise than the plan does; its text names the plan as titled
    ("关于印发《某区农村幸福院建设项目工作实施方案》的通知某管办〔2015〕64号各乡镇人民政府：现将《某区农村幸福院建设工作实施方案》"
     "印发给你们，请认真抓好落实。某区管委会办公室2015年4月7日某区农村幸福院建设工作实施方案农村幸福院，是指由村民委员会主办的"
     "公益性活动场所。一、目标任务建成幸福院20所。二、主要措施（一）选好场所。（二）配齐设施。三、工作要求加强督查。",
     {"title": "某区农村幸福院建设工作实施方案"}),
    ("关于印发《某县农村公路提升工程实施方案》的通知某政办〔2016〕12号各乡镇人民政府：现将《某县农村公路提升改造工程实施方案》"
     "印发给你们，请认真组织实施。某县人民政府办公室2016年3月2日某县农村公路提升改造工程实施方案农村公路是农民群众出行的基础"
     "设施。一、目标任务改造农村公路100公里。二、主要措施（一）加强养护。（二）落实资金。三、工作要求加强督查。",
     {"title": "某县农村公路提升改造工程实施方案"}),
], ids=["chinese-date-alone", "chinese-month-under-signer", "issuer-over-title-safety", "issuer-over-title-culture",
        "echoed-title-agriculture", "echoed-title-environment", "addressees-fire", "addressees-industry",
        "named-in-notice-elderly-care", "named-in-notice-roads"])
def test_a_flattened_notice_keeps_its_date_and_the_plans_own_title(tmp_path, text, expected):
    metadata = extract(write_plan(tmp_path, text)).metadata.model_dump()
    assert {field: metadata[field] for field in expected} == expected


@pytest.mark.parametrize("signature", [
    ["           某区打击传销领导小组办公室", "               某区市场监督管理局（代章）", "                       2016年5月16日"],
    ["某县农村人居环境整治工作领导小组办公室", "某县住房和城乡建设局（代章）", "2023年4月6日"],
], ids=["market-campaign", "countryside"])
def test_joint_signers_sealed_by_one_keep_the_issuer_and_date_with_their_line_breaks_lost(tmp_path, signature):
    body = ["某区关于深入开展创建活动的通知", "各乡镇人民政府：", "现就有关工作通知如下：", "一、工作目标", "创建达标率达到90%。",
            "二、工作措施", "（一）加强宣传。", "（二）强化督查。", "三、工作要求", "各单位于10月15日前上报至区打传办（区市场监督管理局）。"]
    lined, flat = tmp_path / "lined.txt", tmp_path / "flat.txt"
    lined.write_text("\n".join(body + signature) + "\n", encoding="utf-8")
    flat.write_text("".join(body + signature) + "\n", encoding="utf-8")
    expected = (signature[0].strip(), "-".join(f"{int(part):02d}" for part in regex.findall(r"\d+", signature[2])))
    assert (extract(lined).metadata.issuer, extract(lined).metadata.date) == expected
    assert (extract(flat).metadata.issuer, extract(flat).metadata.date) == expected

@pytest.mark.parametrize("sentence", ["各乡镇按要求填报整治台账（附件：某县农村垃圾整治台账）。",
                                      "各校于6月底前报送统计表（附件:某区学生体质健康统计表），逾期不候。"], ids=["countryside", "school-sport"])
def test_an_attachment_named_in_brackets_in_flat_text_is_no_list_of_attachments(tmp_path, sentence):
    text = ("某县农村垃圾治理工作方案一、工作目标到2025年，农村生活垃圾收运处置体系覆盖率达到100%。二、工作措施（一）建立台账。"
            + sentence + "（二）加强督查。三、保障措施加强领导。")
    metadata = extract(write_plan(tmp_path, text)).metadata
    assert metadata.attachments == []


def assert_metadata_as_given_and_flat(folder, lines: list[str], expected: dict) -> None:
    """The metadata fields of ``expected`` read from ``lines`` as given and with every line break lost."""
    for copy in write_lined_and_flat(folder, lines):
        metadata = extract(copy).metadata.model_dump()
        assert {field: metadata[field] for field in expected} == expected, copy.name


@pytest.mark.parametrize("lines, expected", [
    # a market regulator's notice whose task is a two-column table (方案名称 | …, 牵头单位 | …)
    (["某区市场监督管理局关于印发校园周边食品安全专项整治工作方案的通知", "各分局：",
      "根据省局部署，特制定《校园周边食品安全专项整治工作方案》，现印发给你们，请认真组织实施。",
      "方案名称\t校园周边食品安全专项整治", "牵头单位\t食品处", "配合单位\t各分局", "时间安排\t通知下发之日起至2017年10月",
      "落实反馈\t请各分局于10月30日前报送工作情况。", "附件：校园周边食品安全专项整治工作情况表", "某区市场监督管理局", "2017年6月15日"],
     {"date": "2017-06-15", "issuer": "某区市场监督管理局", "attachments": ["校园周边食品安全专项整治工作情况表"]}),
    # an education bureau's notice of enrolment dates as a table (事项 | 时间)
    (["某县教育局关于做好2024年秋季学期中小学招生工作的通知", "各中小学：", "现将今年招生工作有关事项通知如下。",
      "事项\t时间", "网上报名\t7月1日至7月10日", "资格审核\t7月15日至7月20日", "结果公布\t7月25日",
      "附件：某县2024年秋季学期招生计划表", "某县教育局", "2024年6月20日"],
     {"date": "2024-06-20", "issuer": "某县教育局", "attachments": ["某县2024年秋季学期招生计划表"]}),
], ids=["food-safety", "enrolment"])
def test_a_short_notice_with_a_table_keeps_its_signature_and_attachments_with_its_line_breaks_lost(tmp_path, lines, expected):
    assert_metadata_as_given_and_flat(tmp_path, lines, expected)



@pytest.mark.parametrize("text, title", [
    # 养老: a quoted word in the title of a plan without notice, its line breaks lost
    ("某市“十四五”时期养老服务体系建设规划为积极应对人口老龄化，制定本规划。一、发展目标到2025年，护理型床位占比达到55%。"
     "二、重点任务（一）完善居家养老服务。（二）发展普惠养老。某市民政局2025年1月", "某市“十四五”时期养老服务体系建设规划"),
    # 旅游: a title printed in 《》
    ("《某县全域旅游发展三年行动方案（2025—2027年）》为加快全域旅游发展，制定本方案。一、总体要求坚持全域统筹。"
     "二、重点任务（一）完善旅游设施。（二）丰富旅游产品。某县文化和旅游局2025年5月6日", "某县全域旅游发展三年行动方案（2025—2027年）"),
])
def test_a_flattened_plan_without_notice_keeps_a_title_with_quotes_or_name_brackets(tmp_path, text, title):
    assert extract(write_plan(tmp_path, text + "\n")).metadata.title == title


@pytest.mark.parametrize("lines, expected", [
    # 就业, 教育: a plan without notice whose preamble cites a 文号 for its will to carry it out (为落实, 贯彻落实)
    (["某市就业促进三年行动方案（2024—2026年）", "为落实省政府某政发（2023）1号精神，促进高质量充分就业，制定本方案。",
      "一、工作目标", "到2026年，全市每年新增城镇就业2万人以上。", "二、保障措施", "落实就业补助资金。"],
     {"title": "某市就业促进三年行动方案（2024—2026年）", "doc_number": None}),
    (["某县中小学教师培训提升计划", "贯彻落实省教育厅关于印发某省教师培训方案的通知某教发〔2023〕1号精神，制定本计划。",
      "一、目标任务", "每年培训中小学教师3000人次。", "二、保障措施", "落实培训经费。"],
     {"title": "某县中小学教师培训提升计划", "doc_number": None}),
    # 交通, 卫生: a masthead that is the issuer's name alone, without 文件, over the notice's 文号
    (["某市人民政府", "某政发〔2023〕9号", "某市人民政府关于印发某市农村公路提质改造实施方案的通知", "各县（市、区）人民政府：",
      "现将《某市农村公路提质改造实施方案》印发给你们，请认真贯彻执行。", "某市人民政府", "2023年3月15日",
      "某市农村公路提质改造实施方案", "一、工作目标", "到2025年，完成农村公路提质改造1200公里。", "二、重点任务", "实施路面改造。"],
     {"title": "某市农村公路提质改造实施方案", "doc_number": "某政发〔2023〕9号", "issuer": "某市人民政府", "date": "2023-03-15"}),
    (["某县卫生健康局", "某卫函（2024）21号", "某县卫生健康局关于印发某县2024年基本公共卫生服务项目实施方案的函", "各乡镇卫生院：",
      "现将《某县2024年基本公共卫生服务项目实施方案》印发给你们，请遵照执行。", "某县卫生健康局", "二〇二四年四月二日",
      "某县2024年基本公共卫生服务项目实施方案", "一、项目目标", "居民电子健康档案建档率达到90%以上。", "二、工作要求", "按时报送。"],
     {"title": "某县2024年基本公共卫生服务项目实施方案", "doc_number": "某卫函〔2024〕21号", "issuer": "某县卫生健康局",
      "date": "2024-04-02", "period": {"start": 2024, "end": 2024}}),
], ids=["cited-for-employment", "cited-for-education", "masthead-transport", "masthead-health"])
def test_a_front_page_keeps_its_own_number_as_written_and_with_its_line_breaks_lost(tmp_path, lines, expected):
    assert_metadata_as_given_and_flat(tmp_path, lines, expected)


@pytest.mark.parametrize("lines, expected", [
    # a date in digits under the signer (water: dots; education, three bureaus: dashes)
    (["某县人民政府办公室关于印发某县城乡供水一体化建设实施方案的通知", "各乡镇人民政府，县直各单位：", "现将方案印发给你们，请认真贯彻执行。",
      "某县人民政府办公室", "2024.3.5", "某县城乡供水一体化建设实施方案", "一、工作目标", "到2026年，农村自来水普及率达到98%。",
      "二、主要任务", "（一）建设水厂。", "（二）改造管网。"],
     {"date": "2024-03-05", "issuer": "某县人民政府办公室", "title": "某县城乡供水一体化建设实施方案"}),
    (["某县教育局　某县财政局　某县人力资源和社会保障局关于印发某县乡村教师支持计划实施办法的通知", "各乡镇中心学校，县直各学校：",
      "现将办法印发给你们，请认真贯彻落实。", "某县教育局　　某县财政局　　某县人力资源和社会保障局", "2024-03-05", "某县乡村教师支持计划实施办法",
      "一、总体目标", "到2025年，乡村教师培训覆盖率达到100%。", "二、主要措施", "（一）提高待遇。", "（二）加强培训。"],
     {"date": "2024-03-05", "issuer": "某县教育局、某县财政局、某县人力资源和社会保障局", "title": "某县乡村教师支持计划实施办法"}),
    # the notice's 文号 under its date at the end of a notice that is the plan (health), after the 公开 note (housing)
    (["某市卫生健康委员会关于开展基层卫生人才能力提升培训工作的通知", "各县（市、区）卫生健康局，委直各单位：", "现就有关事项通知如下：",
      "一、培训目标", "每年培训乡村医生500名。", "二、工作要求", "各单位要高度重视。", "某市卫生健康委员会", "二〇二四年三月五日", "某卫发〔2024〕12号"],
     {"date": "2024-03-05", "doc_number": "某卫发〔2024〕12号"}),
    (["某县住房和城乡建设局关于开展城镇燃气安全排查整治的通知", "各乡镇人民政府，县直有关单位：", "现就有关事项通知如下：",
      "一、排查范围", "全县城镇燃气经营企业。", "二、工作要求", "发现隐患立即整改。", "某县住房和城乡建设局", "2023年8月1日", "（此件公开发布）",
      "某建〔2023〕31号"],
     {"date": "2023-08-01", "doc_number": "某建〔2023〕31号"}),
], ids=["water-dots", "education-dashes", "health-number-under-date", "housing-number-under-note"])
def test_a_date_in_digits_and_a_number_under_the_date_as_given_and_with_their_line_breaks_lost(tmp_path, lines, expected):
    assert_metadata_as_given_and_flat(tmp_path, lines, expected)


def test_a_date_in_digits_alone_over_the_title_is_no_signing_date():
    # a web copy prints its own date so over the text; no signer signs it (environment)
    assert metadata_of(["2024-03-05", "某市扬尘污染防治工作方案", "一、工作目标", "建筑工地扬尘治理达标率100%。"]).date is None


@pytest.mark.parametrize("lines, title, recipients", [
    # a web page's headline over a notice with no title of its own, which names the plan it issues (business climate, health)
    (["某县优化营商环境攻坚行动方案", "各乡镇人民政府，县直各单位：", "现将《某县优化营商环境攻坚行动方案》印发给你们，请认真贯彻落实。",
      "某县人民政府办公室", "2024年3月5日", "一、总体目标", "企业开办时间压缩至1个工作日以内。", "二、主要任务", "1.深化商事制度改革。"],
     "某县优化营商环境攻坚行动方案", ["各乡镇人民政府", "县直各单位"]),
    (["某区基层卫生健康服务能力提升工作方案", "各街道办事处，区直各医疗卫生单位：", "现将《某区基层卫生健康服务能力提升工作方案》印发给你们，请遵照执行。",
      "某区卫生健康局", "2024年5月8日", "一、工作目标", "家庭医生签约覆盖率达到75%以上。", "二、重点任务", "（一）加强基层人才培养。"],
     "某区基层卫生健康服务能力提升工作方案", ["各街道办事处", "区直各医疗卫生单位"]),
], ids=["business-climate", "health"])
def test_a_headline_over_a_notice_without_a_title_is_the_plans_title_as_given_and_with_its_line_breaks_lost(tmp_path, lines, title, recipients):
    for copy in write_lined_and_flat(tmp_path, lines):
        metadata = extract(copy).metadata
        assert (metadata.title, metadata.recipients) == (title, recipients), copy.name


@pytest.mark.parametrize("lines, number", [
    # a web copy's line of particulars under the notice's title (transport: a spaced-out label; health: a bracketed one)
    (["某县人民政府办公室关于印发某县城区停车秩序整治工作方案的通知", "文　　号：某政办发〔2023〕19号　　发布日期：2023年4月18日",
      "各镇人民政府，县政府各工作部门：", "现将《某县城区停车秩序整治工作方案》印发给你们，请认真组织实施。", "某县人民政府办公室", "2023年4月17日",
      "某县城区停车秩序整治工作方案", "一、工作目标", "城区新增停车泊位500个。", "二、主要任务", "（一）规范路内停车。"], "某政办发〔2023〕19号"),
    (["某市卫生健康委员会关于印发某市基层慢病管理提升工作方案的通知", "【发文字号】某卫发〔2024〕3号", "各县（区）卫生健康局：",
      "现将《某市基层慢病管理提升工作方案》印发给你们，请遵照执行。", "某市卫生健康委员会", "2024年2月1日", "某市基层慢病管理提升工作方案",
      "一、工作目标", "高血压患者规范管理率达到65%。", "二、重点任务", "（一）加强筛查。"], "某卫发〔2024〕3号"),
], ids=["transport", "health"])
def test_a_labelled_number_on_a_web_copys_particulars_line_as_given_and_with_its_line_breaks_lost(tmp_path, lines, number):
    for copy in write_lined_and_flat(tmp_path, lines):
        assert extract(copy).metadata.doc_number == number, copy.name


@pytest.mark.parametrize("addressees, recipients", [
    # addressees of one kind joined by 、, kinds parted by ， (countryside, health, education, finance)
    ("各乡镇人民政府、县直各单位：", ["各乡镇人民政府", "县直各单位"]),
    ("各乡镇卫生院、社区卫生服务中心，县直各医疗卫生单位：", ["各乡镇卫生院", "社区卫生服务中心", "县直各医疗卫生单位"]),
    ("各中小学、幼儿园，局机关各科室：", ["各中小学", "幼儿园", "局机关各科室"]),
    ("人民银行某县支行、县税务局，各商业银行：", ["人民银行某县支行", "县税务局", "各商业银行"]),
    # levels or places sharing the name after them, and a 、 in brackets, join (administration, transport)
    ("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：", ["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"]),
    ("各县（市、区）交通运输局、市直有关单位：", ["各县（市、区）交通运输局", "市直有关单位"]),
    # bodies each place has, the place named once before them (party and government, community affairs)
    ("各乡镇党委、人民政府，县直各单位：", ["各乡镇党委", "各乡镇人民政府", "县直各单位"]),
    ("各街道党工委、办事处，区直各部门：", ["各街道党工委", "各街道办事处", "区直各部门"]),
    # kinds of body named by one character after the first, sharing its name (education: real/daxing; a city's
    # standing addressees, in every field)
    ("各镇人民政府，区政府各委、办、局（公司）、中心，各街道办事处：", ["各镇人民政府", "区政府各委、办、局（公司）、中心", "各街道办事处"]),
    ("各区人民政府，市政府各委、办、局，各市属机构：", ["各区人民政府", "市政府各委、办、局", "各市属机构"]),
], ids=["countryside", "health", "education", "finance", "administration", "transport", "party-and-government", "community",
        "district-bodies", "city-bodies"])
def test_addressees_joined_by_a_list_mark_are_each_an_item_as_given_and_with_its_line_breaks_lost(tmp_path, addressees, recipients):
    lines = ["某县人民政府办公室关于印发某县冬季安全生产工作方案的通知", "某政办〔2024〕21号", addressees,
             "现将《某县冬季安全生产工作方案》印发给你们，请认真贯彻执行。", "某县人民政府办公室", "2024年11月5日",
             "某县冬季安全生产工作方案", "一、工作目标", "全年较大事故起数下降10%。", "二、主要任务", "（一）开展隐患排查。"]
    for copy in write_lined_and_flat(tmp_path, lines):
        assert extract(copy).metadata.recipients == recipients, copy.name


@pytest.mark.parametrize("lines, title, period", [
    # a plan's title typed as a sentence, over its preamble (water conservancy) or under its notice (health)
    (["某县2024年农田水利建设实施方案。", "为加快农田水利建设，制定本方案。", "一、建设目标", "新建高标准农田2万亩。", "二、建设任务",
      "（一）新建灌溉渠道50公里。"], "某县2024年农田水利建设实施方案", {"start": 2024, "end": 2024}),
    (["某区卫生健康局关于印发某区家庭医生签约服务提质工作方案的通知", "各街道社区卫生服务中心：",
      "现将《某区家庭医生签约服务提质工作方案》印发给你们，请认真组织实施。", "某区卫生健康局", "2025年2月10日",
      "某区家庭医生签约服务提质工作方案（2025—2026年）。", "根据省卫生健康委部署，制定本方案。", "一、工作目标", "重点人群签约率达到80%。",
      "二、主要任务", "（一）扩大签约覆盖面。"], "某区家庭医生签约服务提质工作方案（2025—2026年）", {"start": 2025, "end": 2026}),
], ids=["water", "health"])
def test_a_plans_title_closed_by_a_full_stop_is_its_title_as_given_and_with_its_line_breaks_lost(tmp_path, lines, title, period):
    for copy in write_lined_and_flat(tmp_path, lines):
        metadata = extract(copy).metadata
        assert (metadata.title, metadata.period and metadata.period.model_dump()) == (title, period), copy.name


@pytest.mark.parametrize("cover, title", [
    # fishery: a 规划 with no notice, its title over its issuer and the month it was issued
    (["某市“十四五”海洋与渔业发展规划", "某市海洋与渔业局", "2022年4月"], "某市“十四五”海洋与渔业发展规划"),
    # sport: the issuer and a full date under a 实施方案's title
    (["某县全民健身设施补短板实施方案", "某县文化和旅游体育局", "2024年3月15日"], "某县全民健身设施补短板实施方案"),
], ids=["fishery", "sport"])
def test_a_plan_without_a_notice_is_titled_over_its_issuer_and_date(tmp_path, cover, title):
    plan = write_plan(tmp_path, "\n".join([*cover, "为推动高质量发展，制定本方案。", "一、发展目标", "到2025年，建成示范点10个。"]) + "\n")
    metadata = extract(plan).metadata
    assert (metadata.title, metadata.issuer) == (title, cover[1])


@pytest.mark.parametrize("lines, expected", [
    # a plan signed by no one: its title over the date it was made (business climate), or over the date it was adopted in
    # brackets (funerals, water supply); the note is no part of the title and dates it (reader W8)
    (["某县营商环境优化三年行动方案（2024—2026年）", "2024年3月1日", "一、重点任务", "（一）压缩审批时限。企业开办时间压缩至1个工作日。"],
     {"title": "某县营商环境优化三年行动方案（2024—2026年）", "date": "2024-03-01", "period": {"start": 2024, "end": 2026}}),
    (["某县公益性公墓管理办法", "（2024年3月1日县政府第10次常务会议审议通过）", "第一条　为规范公益性公墓管理，制定本办法。",
      "第二条　本办法适用于本县行政区域内的公益性公墓。"], {"title": "某县公益性公墓管理办法", "date": "2024-03-01"}),
    (["某县农村供水工程运行管理办法（2025—2027年）", "（2025年2月10日）", "一、工作目标", "到2027年，农村自来水普及率达到98%。"],
     {"title": "某县农村供水工程运行管理办法（2025—2027年）", "date": "2025-02-10", "period": {"start": 2025, "end": 2027}}),
], ids=["business-climate", "funerals", "water"])
def test_a_date_or_a_dated_note_under_a_title_signed_by_no_one_dates_it_as_given_and_with_its_line_breaks_lost(tmp_path, lines, expected):
    assert_metadata_as_given_and_flat(tmp_path, lines, expected)


@pytest.mark.parametrize("lines, expected", [
    # a campaign over a winter: its dates in brackets under its title are its period, no date it was made (fire safety)
    (["某县2024年冬春火灾防控工作方案", "（2024年11月1日至2025年3月31日）", "一、工作目标", "到2025年3月底，全县火灾起数较上年下降10%。"],
     {"title": "某县2024年冬春火灾防控工作方案（2024年11月1日至2025年3月31日）", "date": None,
      "period": {"start": 2024, "end": 2025, "months": (11, 3)}}),
    # its months alone (water supply), in Chinese digits (air quality): a campaign across the new year, its months the period's
    # (Period.months)
    (["某市农村饮水安全巩固提升攻坚方案", "（2024年10月—2025年6月）", "一、工作目标", "完成农村供水工程维修养护120处。"],
     {"date": None, "period": {"start": 2024, "end": 2025, "months": (10, 6)}}),
    (["某县秋冬季大气污染综合治理攻坚行动方案", "（二〇二四年十月至二〇二五年三月）", "一、工作目标", "完成散煤替代3000户。"],
     {"date": None, "period": {"start": 2024, "end": 2025, "months": (10, 3)}}),
    # the months of a plan of two years after a label of its time in its text (farm water works), or of two whole years
    # (sanitation); a work's months in its body are no plan's (fire safety)
    (["某县冬春农田水利建设攻坚方案（2024—2025年）", "一、工作安排", "行动时间：2024年11月至2025年2月。完成渠道清淤300公里。"],
     {"period": {"start": 2024, "end": 2025, "months": (11, 2)}}),
    (["某县城乡环境卫生整治两年行动方案", "（2024年1月—2025年12月）", "一、工作目标", "6月底前，完成全县农贸市场改造20个。"],
     {"period": {"start": 2024, "end": 2025, "months": (1, 12)}}),
    (["某县消防安全两年行动方案（2024—2025年）", "一、工作目标", "2024年10月至2025年3月，开展冬春火灾防控专项行动。"],
     {"period": {"start": 2024, "end": 2025}}),
    # an adoption note that says how long the plan runs dates it, no span of the plan's own (rural living, funerals: reader P7)
    (["某县农村人居环境整治提升三年行动方案", "（2024年3月1日县政府第10次常务会议审议通过，有效期至2027年2月28日）", "一、工作目标",
      "元旦前，完成村庄清洁行动示范村30个。"], {"title": "某县农村人居环境整治提升三年行动方案", "date": "2024-03-01"}),
    (["某县公益性公墓管理办法", "（2024年3月15日县政府常务会议审议通过，有效期至2029年3月31日）", "第一条　为规范公益性公墓管理，制定本办法。"],
     {"title": "某县公益性公墓管理办法", "date": "2024-03-15"}),
    # …and from when to when it is in force, its second date far into the bracket (water supply), or its term alone, whose
    # dates are no date it was made (schools: was 2027-12-31, and every target due by 2026 a baseline; fire safety)
    (["某县农村供水保障三年行动方案", "（2024年3月15日县政府第8次常务会议审议通过，自2024年4月1日起至2029年3月31日止施行）", "一、工作目标",
      "到2026年，全县农村自来水普及率达到95%。"], {"title": "某县农村供水保障三年行动方案", "date": "2024-03-15"}),
    (["某县中小学校园安全提升行动方案", "（本方案自印发之日起施行，有效期至2027年12月31日）", "一、工作目标",
      "到2026年，全县中小学校视频监控覆盖率达到100%。"], {"title": "某县中小学校园安全提升行动方案", "date": None}),
    (["某县消防安全专项整治三年行动方案", "（自2025年2月1日起施行，有效期至2027年1月31日）", "一、工作目标",
      "到2026年，全县新建微型消防站50个。"], {"title": "某县消防安全专项整治三年行动方案", "date": None}),
    # stages that span a campaign across its new year, each stage's time on the line under it (rural renewal) or in brackets, the
    # later ones' year left out where it goes on (fireworks): the campaign's months, not those of a stage's labelled time
    (["苏平片区美丽乡村示范整治工作方案", "一、总体目标", "选择3个村庄进行示范整治。", "二、时间安排", "（一）前期准备阶段", "时间：2023年9月-10月",
      "任务：制定工作方案。", "（二）整治实施阶段", "时间：2023年11月-2024年1月", "任务：开展示范创建。", "（三）筹备迎检阶段", "时间：2024年2月-3月",
      "任务：总结提炼经验。"], {"period": {"start": 2023, "end": 2024, "months": (9, 3)}}),
    (["某县烟花爆竹安全专项整治方案", "一、整治步骤", "（一）排查摸底阶段（2024年10月1日—10月31日）。全面排查经营单位。",
      "（二）集中整治阶段（11月1日—2025年2月28日）。依法查处非法经营。", "（三）总结提升阶段（3月1日—3月31日）。形成工作总结。"],
     {"period": {"start": 2024, "end": 2025, "months": (10, 3)}}),
], ids=["fire", "water", "air", "labelled-farm-water", "two-whole-years-sanitation", "a-work-in-the-body-fire", "adopted-valid-until-rural", "adopted-valid-until-funerals", "adopted-in-force-from-to-water",
        "term-alone-schools", "term-from-a-date-fire", "stages-rural-renewal", "stages-fireworks"])
def test_a_span_of_dates_under_a_title_is_its_period_as_given_and_with_its_line_breaks_lost(tmp_path, lines, expected):
    assert_metadata_as_given_and_flat(tmp_path, lines, expected)


def test_the_months_a_plans_stages_span_date_a_month_it_names_bare(tmp_path):
    # 苏平 (rural renewal, wild/17) and a winter's fireworks campaign: 12月底前 falls in the first year, 3月底前 in the last
    for lines, due in ((["某片区美丽乡村示范整治工作方案", "一、工作目标", "12月底前，完成示范村庭院整治30户。", "3月底前，完成村庄微景观建设10处。",
                         "二、时间安排", "（一）前期准备阶段", "时间：2023年9月-10月", "（二）整治实施阶段", "时间：2023年11月-2024年1月",
                         "（三）筹备迎检阶段", "时间：2024年2月-3月"], [2023, 2024]),
                       (["某县烟花爆竹安全专项整治方案", "一、工作目标", "12月底前，查处非法经营案件20起。", "3月底前，完成经营网点规范提升50家。",
                         "二、整治步骤", "（一）排查摸底阶段（2024年10月1日—10月31日）", "（二）集中整治阶段（11月1日—2025年2月28日）",
                         "（三）总结提升阶段（3月1日—3月31日）"], [2024, 2025])):
        for copy in write_lined_and_flat(tmp_path, lines):
            assert [target.deadline for target in extract(copy).targets] == due, copy.name


def test_a_plan_that_lost_its_line_breaks_keeps_a_form_s_notes_among_its_attachments_not_in_its_printer(planparse, tmp_path):
    # 苏平 (poverty monitoring): 附件：…2.《脱贫户和监测户信息采集表》填表说明和指标解释|平潭综合实验区…党政办公室 2023年11月2日印发:
    # the notes' name runs on past the form's in 《》 up to the printer, as in the lined text
    lined = Path(__file__).parent / "data" / "web" / "24-suping-fangzhi-fanpin-jizhong-paicha-shishifangan-2023.txt"
    flat = tmp_path / lined.name
    flat.write_text("".join(lined.read_text(encoding="utf-8").splitlines()) + "\n", encoding="utf-8")
    found = []
    for path in (lined, flat):
        assert planparse("extract", path, "-o", tmp_path / "plan.json").code == 0
        metadata = Document.model_validate_json((tmp_path / "plan.json").read_text("utf-8")).metadata
        found.append((metadata.attachments, metadata.printed_by))
    assert found[0] == found[1] == (["2023年度脱贫户和监测户信息采集表", "《脱贫户和监测户信息采集表》填表说明和指标解释"],
                                     "平潭综合实验区苏平片区管理局党政办公室")


@pytest.mark.parametrize("copy", ["yangzhou-2022.docx", "jinjiang-2022.docx"])
def test_a_docx_footer_typed_as_a_table_gives_its_copies_and_its_printer(planparse, tmp_path, copy):
    # 扬州 and 晋江 (science literacy) with their 版记 typed as Word's template for official documents lays it out, in a
    # table: 抄送：… across a row, the printing office and the date in two cells below; read as the lines it replaces
    import docx

    document = docx.Document(SAMPLES / copy)
    footer = next(index for index, paragraph in enumerate(document.paragraphs) if paragraph.text.startswith("抄送"))
    copies, printer, printed = (paragraph.text for paragraph in document.paragraphs[footer:] if paragraph.text.strip())
    for paragraph in document.paragraphs[footer:]:
        paragraph._element.getparent().remove(paragraph._element)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = copies
    table.cell(1, 0).text, table.cell(1, 1).text = printer, printed
    tabled = tmp_path / copy
    document.save(tabled)
    found = []
    for path in (SAMPLES / copy, tabled):
        assert planparse("extract", path, "-o", tmp_path / "plan.json").code == 0
        metadata = Document.model_validate_json((tmp_path / "plan.json").read_text("utf-8")).metadata
        found.append((metadata.cc, metadata.printed_by, metadata.printed_date))
    assert found[1] == found[0] and found[0][1].endswith("人民政府办公室")


def test_a_real_docx_whose_footer_is_a_table_gives_its_printer(planparse, tmp_path):
    # 南开 (primary school enrolment), a web page pasted into Word: its 版记 row holds the office and the date in two cells
    plan = Path(__file__).parent / "data" / "real" / "nankai-2016-xiaoxue-zhaosheng-shishi-yijian.docx"
    assert planparse("extract", plan, "-o", tmp_path / "plan.json").code == 0
    metadata = Document.model_validate_json((tmp_path / "plan.json").read_text("utf-8")).metadata
    assert (metadata.printed_by, metadata.printed_date) == ("天津市南开区教育局办公室", "2016-04-25")


def test_a_note_s_line_ends_its_list_of_bodies(planparse, tmp_path):
    # 禾桥 (statistics): its last item's 责任股室：综合股、核算股 / 禾桥县统计局 / 2024年2月5日: the bureau signs the plan,
    # no body of the note's; “比服务” (public service): 责任单位：…，下属事业单位 / 完成时限：5月20日, the time limit a line of
    # its own; a name a wrap cuts goes on (责任单位：…，各片区管理 / 局)
    data = Path(__file__).parent / "data"
    assert planparse("extract", data / "unseen" / "heqiao-tongji-gongzuo-yaodian-2024.txt", "-o", tmp_path / "plan.json").code == 0
    metadata = Document.model_validate_json((tmp_path / "plan.json").read_text("utf-8")).metadata
    assert (metadata.issuer, metadata.date) == ("禾桥县统计局", "2024-02-05")
    assert planparse("extract", data / "web" / "35-bifuwu-huodong-shishifangan-2016.txt", "-o", tmp_path / "plan.json").code == 0
    notes = Document.model_validate_json((tmp_path / "plan.json").read_text("utf-8")).responsibilities
    assert notes[0].text == "责任单位：机关各处（室）、分局，下属事业单位"
    wrapped = write_plan(tmp_path, "一、总体要求\n加强保护。\n责任单位：区旅游文体局，区旅游文化中心，各片区管理\n局，各非遗保护单位\n")
    assert extract(wrapped).responsibilities[0].support[-2:] == ["各片区管理局", "各非遗保护单位"]



@pytest.mark.parametrize(("lines", "fields"), [
    # community services, a 繁體 copy in Hong Kong's forms: the spans of a box on one line
    (["索引號：11341700003158624K/2026-00112 發佈機構：池陽市人民政府辦公室 成文日期：2026-03-20 文號：池政辦發〔2026〕7號 發佈日期：2026-03-25"],
     {"issuer": "池阳市人民政府办公室", "date": "2026-03-20", "doc_number": "池政办发〔2026〕7号", "published": "2026-03-25"}),
    # fire brigades, in Taiwan's forms: a cell a line
    (["索引號：", "000123/2024-01102", "發文機關：", "丹溪市人民政府辦公室", "文號：", "丹政辦發〔2024〕15號"],
     {"issuer": "丹溪市人民政府办公室", "doc_number": "丹政办发〔2024〕15号"}),
], ids=["community-services-hk", "fire-brigades-tw"])
def test_a_traditional_web_page_s_information_box_is_read_by_its_labels_folded(lines, fields):
    assert read_information_box(lines) == fields


@pytest.mark.parametrize("title, number, plain", [
    ("南京市高淳区2016年义务教育阶段学校入学工作实施方案", "高 教〔2016〕55号", "高教〔2016〕55号"),  # education: real/gaochun-2016
    ("某县2024年农村供水保障工作方案", "某 水 发〔2024〕7号", "某水发〔2024〕7号"),  # water supply
])
def test_a_doc_numbers_prefix_spaced_out_is_read_whole_in_a_flat_copy(tmp_path, title, number, plain):
    """A 文号 whose prefix a Word file spaces out (real/gaochun-2016: 高 教〔2016〕55号): a copy with its line breaks lost,
    its paragraphs indented with ideographic spaces, cut it at the space as at a line end (教〔2016〕55号, the title
    …实施方案高)."""
    lines = [title, number, *(f"\u3000\u3000{line}\u00a0" for line in [
        "为全面贯彻落实上级部署，结合本地实际，特制定本方案。", "一、组织领导", "各项工作由县政府统一领导，县直有关部门负责统一实施。",
        "二、工作安排", "（一）宣传发动。各单位要广泛宣传。", "（二）组织实施。各单位要按时完成。", "三、工作要求",
        "各单位要加强协作，确保各项任务落实到位。"])]
    lined, flat = write_lined_and_flat(tmp_path, lines)
    assert [(copy.metadata.doc_number, copy.metadata.title) for copy in map(extract, (lined, flat))] == [(plain, title)] * 2


@pytest.mark.parametrize("lines, notice", [
    # a crawled copy opens with the page's headline, the notice's title from 关于 on, over the notice itself (animal
    # husbandry: wild/41's text; water supply)
    (["关于印发某区畜禽养殖场整治拆除补偿方案的通知", "某综管办〔2015〕93号", "某区管委会办公室关于", "印发某区畜禽养殖场整治拆除补偿方案的通知",
      "区直各单位，各乡镇人民政府：", "《某区畜禽养殖场整治拆除补偿方案》已经研究通过，现印发给你们，请认真贯彻执行。", "某区管委会办公室",
      "2015年5月26日", "某区畜禽养殖场整治拆除补偿方案", "一、适用范围", "本方案适用于列入整治拆除范围的畜禽养殖场。"],
     "某区管委会办公室关于印发某区畜禽养殖场整治拆除补偿方案的通知"),
    (["关于印发《某县城乡供水一体化实施方案》的通知", "某政办〔2024〕12号", "某县人民政府办公室关于印发", "《某县城乡供水一体化实施方案》的通知",
      "各乡镇人民政府，县直各单位：", "现将《某县城乡供水一体化实施方案》印发给你们，请认真贯彻执行。", "某县人民政府办公室", "2024年3月1日",
      "某县城乡供水一体化实施方案", "一、工作目标", "到2026年，农村自来水普及率达到95%。"],
     "某县人民政府办公室关于印发《某县城乡供水一体化实施方案》的通知"),
    # the issuer and its verb of issuing on a line over 关于… (road safety: wild/08's page; school safety), under a
    # headline of the whole title or with none
    (["某综实管办〔2012〕40号", "某区管委会办公室印发", "关于继续深入开展道路交通安全", "综合整治工作实施方案的通知", "区直各单位，各乡镇人民政府：",
      "为加强道路交通安全管理，现将方案印发给你们。", "一、工作目标", "全年道路交通事故死亡人数下降10%。"],
     "某区管委会办公室印发关于继续深入开展道路交通安全综合整治工作实施方案的通知"),
    (["某县教育局转发关于做好校园安全工作方案的通知", "某教〔2023〕8号", "某县教育局转发", "关于做好校园安全工作方案的通知", "各中小学校：",
      "现将方案转发给你们，请遵照执行。", "一、工作目标", "全县中小学校安全隐患整改率达到100%。"],
     "某县教育局转发关于做好校园安全工作方案的通知"),
])
def test_a_notices_own_title_is_its_title_under_a_web_headline_and_with_its_issuer_on_the_line_over_it(lines, notice):
    """A text copy of a web page gave the page's headline (关于印发…的通知) where its web page gave the notice's own title
    with its issuer (13 of the 42 wild plans), and a page whose title's first line is the issuer and 印发 lost that line."""
    assert metadata_of(lines).notice_title == notice


@pytest.mark.parametrize("title, recipients, body", [
    # a notice that issues no other document, named only by the page's title (market order: wild/31's page; fire safety)
    ("某区打击传销领导小组办公室关于2016年继续深入开展创建“无传销社区”活动的通知", "区直各有关单位，各乡镇人民政府：",
     ["为深入贯彻落实上级部署，现就有关工作通知如下：", "一、工作目标", "创建无传销社区的覆盖率达到90%。"]),
    ("某县消防安全委员会关于开展冬春火灾防控工作的通知", "各乡镇人民政府，县直各单位：",
     ["为做好冬春火灾防控工作，现通知如下：", "一、工作目标", "全县火灾起数同比下降5%。"]),
])
def test_a_page_titled_by_a_notice_that_is_the_plan_gives_that_notice_and_its_addressees(tmp_path, title, recipients, body):
    page = tmp_path / "notice.html"
    paragraphs = "".join(f"<p>{line}</p>" for line in [recipients, *body])
    page.write_text(f"<html><head><title>{title}</title></head><body>{paragraphs}</body></html>", encoding="utf-8")
    metadata = extract(page).metadata
    assert (metadata.notice_title, metadata.title, metadata.recipients) == (title, title, recipients.rstrip("：").split("，"))
