"""The heading tree, on the eight annotated plans and on sentences built to trap it."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from conftest import gold_text_path, load_gold
from pydantic import ValidationError

from planparse.exporters.csv import walk_sections
from planparse.models import Paragraph, Section, validated
from planparse.normalize import normalize
from planparse.pipeline import extract
from planparse.readers import read_document
from planparse.rules import heading_styles
from planparse.structure import build_outline, parse_heading


def outline_of(texts: list[str]):
    return build_outline([Paragraph(text=text, line=i) for i, text in enumerate(texts, 1)])


def flat(sections):
    return [(s.level, s.style.value, s.number, s.title) for s in walk_sections(sections)]


def test_gold_heading_trees_match_exactly(gold_doc):
    gold = load_gold(gold_doc, "headings")["headings"]
    outline = build_outline(normalize(read_document(gold_text_path(gold_doc)).lines))
    found = [(s.line, s.level, s.style.value, s.number, s.title[:6]) for s in walk_sections(outline.sections)]
    expected = [(h["line"], h["level"], h["style"], h["number"], h["title"].replace(" ", "")[:6]) for h in gold]
    assert found == expected


def test_title_is_split_from_body_at_the_first_full_stop():
    heading = parse_heading("1.加强科学教育。在学前教育中渗透科学教育。", heading_styles())
    assert (heading.style.style.value, heading.number, heading.title) == ("arabic_dot", 1, "加强科学教育")
    assert heading.body == "在学前教育中渗透科学教育。"


def test_depth_follows_how_the_document_nests_styles():
    outline = outline_of(["一、总体要求", "1.坚持科学精神", "2.坚持协同推进", "二、重点任务", "（一）青少年行动", "1.加强科学教育", "（二）农民行动"])
    assert flat(outline.sections) == [
        (1, "cn_dun", 1, "总体要求"), (2, "arabic_dot", 1, "坚持科学精神"), (2, "arabic_dot", 2, "坚持协同推进"),
        (1, "cn_dun", 2, "重点任务"), (2, "cn_paren", 1, "青少年行动"), (3, "arabic_dot", 1, "加强科学教育"),
        (2, "cn_paren", 2, "农民行动"),
    ]
    assert [s.id for s in walk_sections(outline.sections)] == ["1", "1.1", "1.2", "2", "2.1", "2.1.1", "2.2"]


def test_articles_keep_counting_across_chapters():
    outline = outline_of(["第一章 总则", "第一条 为规范管理制定本办法。", "第二条 适用范围。", "第二章 职责", "第三条 市科协牵头。"])
    assert flat(outline.sections)[-1] == (2, "article", 3, "市科协牵头")


def test_a_title_may_open_with_a_number_when_the_list_continues():
    outline = outline_of(["一、任务", "1.百人计划项目。内容。", "2.121人才梯队项目。重点培养院士后备人才。", "1.500名教师参加培训。"])
    assert flat(outline.sections) == [(1, "cn_dun", 1, "任务"), (2, "arabic_dot", 1, "百人计划项目"),
                                      (2, "arabic_dot", 2, "121人才梯队项目")]


@pytest.mark.parametrize("items", [
    # health: the third item opens with its month and 底前; water: the second with a month and its day
    ["1.推进家庭医生签约。全年签约率达到75%。", "2.2025年底前建成胸痛中心2个。", "3.6月底前建成区域医疗中心1个。", "4.加强培训。每年培训乡村医生500人次。"],
    ["1.加强水库巡查。汛期每周巡查1次。", "2.9月30日前完成小型水库除险加固40座。", "3.10月份起开展汛后安全检查。", "4.完善预警。新建雨量站15个。"],
], ids=["health", "water"])
def test_an_item_opening_with_a_month_is_an_item_of_its_list_not_a_decimal(tmp_path, items):
    lined = tmp_path / "lined.txt"
    lined.write_text("\n".join(["某县重点工作方案", "一、重点任务", *items]) + "\n", encoding="utf-8")
    plan = extract(lined)
    assert [(section.level, section.number) for section in walk_sections(plan.sections)] == [(1, 1), (2, 1), (2, 2), (2, 3), (2, 4)]
    # the targets of the items after it stay in their items, not in the one before
    assert [target.section for target in plan.targets][-1] == "1.4"


@pytest.mark.parametrize("items, title", [
    # digital economy: the fourth item opens with 5G; culture and tourism: the third with 5A (a decimal before a letter)
    (["1.推进千兆光网建设。新增10G-PON端口5000个。", "2.推进数据中心建设。", "3.推进工业互联网建设。", "4.5G基站建设加快推进。新建5G基站300个。"],
     "5G基站建设加快推进"),
    (["1.推进全域旅游示范区创建。", "2.推进智慧景区建设。", "3.5A级景区创建取得突破。新增4A级景区2家。"], "5A级景区创建取得突破"),
], ids=["digital", "tourism"])
def test_an_item_opening_with_a_number_and_a_letter_is_its_lists_next_item_as_given_and_flat(tmp_path, items, title):
    lines = ["某市2025年重点工作要点", "一、重点任务", *items, "二、保障措施", "1.加强组织领导。"]
    for name, text in (("lined.txt", "\n".join(lines)), ("flat.txt", "".join(lines))):
        path = tmp_path / name
        path.write_text(text + "\n", encoding="utf-8")
        sections = list(walk_sections(extract(path).sections))
        assert [(section.level, section.number) for section in sections] == [
            (1, 1), *((2, number) for number in range(1, len(items) + 1)), (1, 2), (2, 1)], name
        assert sections[len(items)].title[:6] == title[:6]  # as GUIDE scores it: a flat copy's title may end sooner


@pytest.mark.parametrize(
    "stray",
    [
        "3.5万人次参加活动。",  # a decimal, not a marker
        "5.加强宣传",  # out of sequence: no list is open at 4
        "4.5G网络覆盖全市。",  # a decimal before a letter, read as an item only as an open list's next
        "2025年，全市建成科普基地。",
        "1\t提升行动\t实施青少年科学素质提升行动",  # a table row
    ],
)
def test_stray_numbers_are_not_headings(stray):
    texts = ["一、总体要求", stray]
    paragraphs = [Paragraph(text=t, line=i, in_table="\t" in t) for i, t in enumerate(texts, 1)]
    assert flat(build_outline(paragraphs).sections) == [(1, "cn_dun", 1, "总体要求")]


def test_paragraphs_know_their_section():
    outline = outline_of(["一、总体要求", "正文一。", "（一）指导思想", "正文二。"])
    assert [block.section.id if block.section else None for block in outline.blocks] == ["1", "1", "1.1", "1.1"]
    assert outline.sections[0].children[0].body == "正文二。"


def test_sections_built_by_their_validator_are_checked_as_by_their_constructor():
    fields = {"id": "1", "level": 1, "style": "cn_dun", "number": 1, "marker": "一、", "title": "总体要求", "line": 3}
    assert validated(Section, **fields) == Section(**fields)
    with pytest.raises(ValidationError):
        validated(Section, **{**fields, "number": "one"})
    with pytest.raises(ValidationError):
        validated(Section, **fields, column=1)  # extra fields are refused


@pytest.mark.parametrize("closing, headings", [
    # water: the list opens on the 附件 line, its 4. goes on from the section's 1.–3.
    (["三、保障措施", "1.加强组织领导。", "2.加大资金投入。", "3.严格考核问责。", "",
      "附件：1.重点任务分工表", "2.重点项目清单", "3.水质目标一览表", "4.考核办法"],
     [(1, 3, "保障措施"), (2, 1, "加强组织领导"), (2, 2, "加大资金投入"), (2, 3, "严格考核问责")]),
    # sport: the list opens on the line after 附件：, at 1. again
    (["三、保障措施", "（一）加强组织领导。", "（二）加强经费保障。", "", "附件：", "1.全民健身重点项目表", "2.全民健身工作任务分工表"],
     [(1, 3, "保障措施"), (2, 1, "加强组织领导"), (2, 2, "加强经费保障")]),
])
def test_a_numbered_list_of_attachments_holds_no_headings(tmp_path, closing, headings):
    plan = tmp_path / "plan.txt"
    plan.write_text("\n".join(["某市工作方案", "", "一、工作目标", "到2025年，全市优良水体比例达到80%。", "二、主要任务",
                               "1.加强工业污染防治。"] + closing) + "\n", encoding="utf-8")
    document = extract(plan)
    found = [(s.level, s.number, s.title) for s in walk_sections(document.sections)]
    assert found == [(1, 1, "工作目标"), (1, 2, "主要任务"), (2, 1, "加强工业污染防治")] + headings
    assert document.metadata.attachments == [text.lstrip("附件：1234.") for text in closing[closing.index("") + 1:] if text != "附件："]


@pytest.mark.parametrize("text, title, body", [
    # a stage's dates close the title (transport, waste sorting)
    ("（一）动员部署阶段（2023年3月-4月）各乡镇制定具体实施方案，明确责任分工。", "动员部署阶段（2023年3月-4月）", "各乡镇制定具体实施方案，明确责任分工。"),
    ("2.全面实施阶段（2023年5月至12月）全镇推行生活垃圾分类，回收利用率达到35%。", "全面实施阶段（2023年5月至12月）",
     "全镇推行生活垃圾分类，回收利用率达到35%。"),
    # a title word, then the sentence's grounds or subject (business parks, health)
    ("（二）入驻项目根据企业发展需要可申请贴息贷款，按基准利率给予贴息。", "入驻项目", "根据企业发展需要可申请贴息贷款，按基准利率给予贴息。"),
    ("（三）基金监管体系区社会事业局要会同区财政局每年开展专项审计，确保基金安全。", "基金监管体系",
     "区社会事业局要会同区财政局每年开展专项审计，确保基金安全。"),
    # an item that is one sentence keeps it as its title (transport, prices)
    ("2.因工作落实不到位在专项整治期间发生交通死亡事故的，将严格倒查问责。", "因工作落实不到位在专项整治期间发生交通死亡事故的，将严格倒查问责", ""),
    ("1.政府按照先开办后补的原则对平价商店给予补助，每家补助1.5万元。", "政府按照先开办后补的原则对平价商店给予补助，每家补助1.5万元", ""),
    ("（四）加强组织领导。各部门要明确分工。", "加强组织领导", "各部门要明确分工。"),
    # the subject is each place or level, named by no body (education, rivers, health)
    ("（一）加强组织领导各地要把学前教育纳入重要议事日程，层层压实责任。", "加强组织领导", "各地要把学前教育纳入重要议事日程，层层压实责任。"),
    ("（二）强化督查考核各区应当建立河湖长制定期督查制度，每季度通报一次。", "强化督查考核", "各区应当建立河湖长制定期督查制度，每季度通报一次。"),
    ("3.健全基层卫生服务体系各县（市、区）要按照常住人口规模设置社区卫生服务中心，实现全覆盖。", "健全基层卫生服务体系",
     "各县（市、区）要按照常住人口规模设置社区卫生服务中心，实现全覆盖。"),
    # whatever word closes the title (education, health)
    ("（二）扩大普惠性学前教育资源各地要按照常住人口规模规划建设幼儿园，每个乡镇至少建成1所公办中心园。", "扩大普惠性学前教育资源",
     "各地要按照常住人口规模规划建设幼儿园，每个乡镇至少建成1所公办中心园。"),
    ("2.推进家庭医生签约服务各区应当组建家庭医生团队，重点人群签约率达到75%以上。", "推进家庭医生签约服务",
     "各区应当组建家庭医生团队，重点人群签约率达到75%以上。"),
    # but not after a time or a clause of the sentence: the item is one sentence (work safety, countryside, finance)
    ("1.2025年底前各乡镇要完成隐患排查，建立整改台账。", "2025年底前各乡镇要完成隐患排查，建立整改台账", ""),
    ("（三）对未按期完成村庄整治的各地要严肃问责，并通报批评。", "对未按期完成村庄整治的各地要严肃问责，并通报批评", ""),
    ("3.自2024年起区财政局负责安排专项奖补资金，每年500万元。", "自2024年起区财政局负责安排专项奖补资金，每年500万元", ""),
    # a short title a section word closes, run into a sentence as short as a title that its subject opens (elder care,
    # water, health: the reader's Z2), not a short sentence with no such title (transport, work safety)
    ("（二）资金保障县财政局负责落实养老服务资金。", "资金保障", "县财政局负责落实养老服务资金。"),
    ("（三）水质监测县水利局负责定期抽检。", "水质监测", "县水利局负责定期抽检。"),
    ("2.技术培训区卫健局牵头组织实施。", "技术培训", "区卫健局牵头组织实施。"),
    ("（二）分级挂牌整治重点乡（镇）交通安全问题。", "分级挂牌整治重点乡（镇）交通安全问题", ""),
    ("（四）安全监管工作由县应急管理局负责。", "安全监管工作由县应急管理局负责", ""),
    # the next item of the heading's own list run into it after a ；ends its title (housing, archives, culture)
    ("①启动城中村改造项目8个，惠及群众2万户；②筹集保障性租赁住房1.5万套（间）；③完成危旧房改造3000户。",
     "启动城中村改造项目8个，惠及群众2万户", "②筹集保障性租赁住房1.5万套（间）；③完成危旧房改造3000户。"),
    ("（1）新建县级综合档案馆3个；（2）建设档案库房2万平方米。", "新建县级综合档案馆3个", "（2）建设档案库房2万平方米。"),
    ("1）新建乡镇综合文化站12个；2）建成农家书屋300家。", "新建乡镇综合文化站12个", "2）建成农家书屋300家。"),
    # a marker of another list, or not the next number, is the title's own (a sub-list, a cited item)
    ("（1）健全档案工作体系：①建立档案工作联席会议制度；②完善考核。", "健全档案工作体系：①建立档案工作联席会议制度；②完善考核", ""),
    ("①落实住房保障政策；③款所列情形除外。", "落实住房保障政策；③款所列情形除外", ""),
])
def test_a_title_run_into_its_body_without_a_full_stop_ends_where_its_sentence_or_the_next_item_opens(text, title, body):
    heading = parse_heading(text, heading_styles())
    assert (heading.title, heading.body) == (title, body)


def test_a_part_whose_number_the_document_left_out_is_skipped_over():
    # fisheries: 四、 then 六、 on a line of its own; health: 二、 then 四、; an item run into a paragraph or a
    # second-level number skipping one stays text
    found = flat(outline_of(["一、申报条件", "（一）申报对象", "二、办理流程", "（一）申请受理", "（三）现场勘验。区农业农村局组织勘验。",
                             "四、有关要求", "（一）各有关单位要依法履职尽责。"]).sections)
    assert [(level, number, title) for level, _, number, title in found] == [
        (1, 1, "申报条件"), (2, 1, "申报对象"), (1, 2, "办理流程"), (2, 1, "申请受理"), (1, 4, "有关要求"), (2, 1, "各有关单位要依法履职尽责")]
    found = flat(outline_of(["一、总体要求", "二、基金管理", "四、基金监管。区卫健委每年开展专项审计。", "四、保障措施"]).sections)
    assert [(number, title) for _, _, number, title in found] == [(1, "总体要求"), (2, "基金管理"), (4, "保障措施")]


def test_parts_hold_chapters_numbered_apart_from_them():
    # land use and transport plans: 第二篇 comes after 第三章, its chapters count on across the parts
    found = flat(outline_of(["第一篇 总体战略", "第一章 发展基础", "第一节 现状特征", "一、人口与经济", "第二节 面临形势", "第二章 目标定位",
                             "第二篇 空间格局", "第三章 国土空间开发保护格局", "第一节 主体功能区", "第三篇 实施保障", "第四章 规划传导"]).sections)
    assert [(level, number, title) for level, _, number, title in found] == [
        (1, 1, "总体战略"), (2, 1, "发展基础"), (3, 1, "现状特征"), (4, 1, "人口与经济"), (3, 2, "面临形势"), (2, 2, "目标定位"),
        (1, 2, "空间格局"), (2, 3, "国土空间开发保护格局"), (3, 1, "主体功能区"), (1, 3, "实施保障"), (2, 4, "规划传导")]
    found = flat(outline_of(["第一部分 总体要求", "一、指导思想", "二、发展目标", "第二部分 重点任务", "第一章 构建现代综合交通网络",
                             "一、铁路", "第二章 提升运输服务品质", "第三部分 保障措施"]).sections)
    assert [(level, number) for level, _, number, _ in found] == [(1, 1), (2, 1), (2, 2), (1, 2), (2, 1), (3, 1), (2, 2), (1, 3)]


@pytest.mark.parametrize("lines", [
    # water supply and land use plans: a bare number and a space (or none, once normalised) over 1.1 and 1.1.1
    ["1 规划总则", "1.1 规划目的", "为保障城乡供水安全，编制本规划。", "1.2 规划范围", "2 现状分析", "2.1 供水设施现状", "2.1.1 水源",
     "全县现有水源地5处，日供水能力3万立方米。", "3 规划目标", "3.1 总体目标"],
    ["1　总则", "1.1　规划定位", "1.2　规划期限", "2　国土空间开发保护格局", "2.1　三条控制线", "2.1.1　耕地和永久基本农田",
     "到2035年，全县耕地保有量不低于45万亩。", "3　支撑体系", "3.1　综合交通"],
])
def test_bare_numbers_head_chapters_over_decimal_numbers(tmp_path, lines):
    plan = tmp_path / "plan.txt"
    plan.write_text("\n".join(["某县城乡专项规划（2021—2035年）", ""] + lines) + "\n", encoding="utf-8")
    found = [(s.id, s.style.value, s.number) for s in walk_sections(extract(plan).sections)]
    assert found == [("1", "arabic_dot", 1), ("1.1", "decimal_2", 1), ("1.2", "decimal_2", 2), ("2", "arabic_dot", 2),
                     ("2.1", "decimal_2", 1), ("2.1.1", "decimal_3", 1), ("3", "arabic_dot", 3), ("3.1", "decimal_2", 1)]


@pytest.mark.parametrize("line", ["3 个工作日内完成审核", "12处污水处理厂", "1 提升行动 实施青少年科学素质提升行动", "2 规划目标……………5"])
def test_a_number_and_its_measure_word_or_a_row_heads_nothing(line):
    assert flat(outline_of(["一、主要任务", line]).sections) == [(1, "cn_dun", 1, "主要任务")]


@pytest.mark.parametrize("attachment, headings", [
    # water supply: the attachment's （一） after the plan's 三、（一）（二）
    (["附件", "", "某县农村供水工程建设任务说明", "（一）工作内容", "各乡镇负责供水管网建设。", "（二）完成时限", "2025年底前全部完成。"],
     [("4", 1, "cn_paren", 1, "工作内容"), ("5", 1, "cn_paren", 2, "完成时限")]),
    # education: an attachment numbered 2 whose 1. 2. would have gone on under the plan's last （二）
    (["附件2", "某县中小学课后服务考核细则", "1.服务时间", "每天课后服务时间不少于2小时。", "2.服务内容", "以作业辅导和兴趣活动为主。"],
     [("4", 1, "arabic_dot", 1, "服务时间"), ("5", 1, "arabic_dot", 2, "服务内容")]),
])
def test_an_attached_document_is_a_tree_of_its_own(tmp_path, attachment, headings):
    plan = tmp_path / "plan.txt"
    plan.write_text("\n".join(["某县人民政府办公室关于印发某县民生实事实施方案的通知", "", "一、总体目标", "到2025年，群众满意度达到90%。",
                               "二、主要任务", "（一）加强设施建设", "（二）完善服务体系", "三、保障措施", "（一）加强组织领导", "（二）强化资金保障", "",
                               "某县人民政府办公室", "2023年3月1日", ""] + attachment) + "\n", encoding="utf-8")
    document = extract(plan)
    found = [(s.id, s.level, s.style.value, s.number, s.title) for s in walk_sections(document.sections)]
    assert found[-2:] == headings
    assert "课后服务考核细则" not in document.sections[2].children[-1].body


@pytest.mark.parametrize("closing, annex", [
    # health (wild 18): the approval forms under 附表 after the plan's last 七、
    (["六、基金监管", "审计机关依法对疾病应急救助基金的筹集、使用情况进行审计。", "七、其他事项", "本实施办法自公布之日起实施。"],
     ["附表", "福建省疾病应急救助患者身份确认及医疗", "费用审批表（1）", "医疗机构（盖章）：", "注：以上病人信息请医疗机构尽力调查并填写，如确实无法获取，请注明。"]),
    # land use (real/shenzhen): the plan's tables and glossary after its last article
    (["第三十一条 本计划由各区政府（新区管委会）、市直相关部门组织实施", "第三十二条 本计划由深圳市规划和国土资源委员会（市海洋局）负责解释"],
     ["附表", "附表1：2016年度实施计划土地利用指标分解表（单位：公顷）", "附录：名词解释",
      "新增建设用地：在土地利用总体规划中规划为建设用地，现状为农用地或未利用地，年度内将完成现状农用地或未利用地转为建设用地手续的土地。"]),
    # transport (web pingtan): the penalty schedule under 附录
    (["一、组织机构", "成立交通建设工程标准化管理领导小组。", "二、推进措施", "标准化管理工作应作为项目业主年度综合考核的重要内容。"],
     ["附录", "平潭综合实验区交通建设工程", "标准化管理相关处罚规定", "交通与建设工程标准化管理存在以下问题时，相关部门、机构应按照有关规定处罚。"]),
])
def test_a_table_or_appendix_marker_after_the_last_heading_closes_its_body(tmp_path, closing, annex):
    plan = tmp_path / "plan.txt"
    plan.write_text("\n".join(["某市实施方案", ""] + closing + annex) + "\n", encoding="utf-8")
    *_, last = walk_sections(extract(plan).sections)
    assert last.body == "\n".join(closing[3:])


def _tested_word_lists() -> list[tuple[tuple[str, ...], object]]:
    from planparse.glued_titles import _leading_words, _tested_words
    from planparse.rules import task_verbs, title_ends

    tested, verbs = _tested_words(), task_verbs()
    return [(tuple(title_ends().words), tested.title_word), (verbs.verbs, tested.task_verb), (verbs.adverbs, tested.task_adverb),
            (verbs.verbs + verbs.adverbs, tested.task_verb_or_adverb), (_leading_words().words, tested.leading_word)]


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_the_words_a_title_is_tested_for_are_found_where_startswith_and_endswith_find_them(data) -> None:
    # glued_titles looks for the rule words at a title's places with Python's re, where str.startswith and str.endswith
    # tried them in turn: the same answers at every place of a text of the words, pieces of them and other characters
    for words, found in _tested_word_lists():
        pieces = st.sampled_from([*words, *(word[1:] for word in words), *(word[:-1] for word in words), *"的了，。年"])
        text = "".join(data.draw(st.lists(pieces, max_size=8)))
        for place in range(len(text) + 2):
            assert found.at(text, place) == text.startswith(words, place)
            assert found.before(text, place) == text.endswith(words, 0, place)
            assert found.longest_at(text, place) == max((len(word) for word in words if text.startswith(word, place)), default=0)


@pytest.mark.parametrize("task", [
    # housing: a list of the estates a district renews; health: of the clinics a county builds, each with its count
    lambda number: f"{number}、完成第{number}批老旧小区改造。改造住宅楼{number % 9 + 2}栋。",
    lambda number: f"{number}．建成第{number}个村卫生室标准化项目。配备乡村医生{number % 3 + 1}名。",
], ids=["housing", "health"])
def test_a_list_of_more_than_ninety_nine_items_reads_its_hundredth_and_after_as_items(tmp_path, task):
    lines = ["某区2025年民生实事项目清单", "一、项目清单", *(task(number) for number in range(1, 106)), "二、保障措施", "1.加强组织领导。"]
    for name, text in (("lined.txt", "\n".join(lines)), ("flat.txt", "".join(lines))):
        path = tmp_path / name
        path.write_text(text + "\n", encoding="utf-8")
        plan = extract(path)
        assert [(section.level, section.number) for section in walk_sections(plan.sections)] == [
            (1, 1), *((2, number) for number in range(1, 106)), (1, 2), (2, 1)], name
        assert [target.section for target in plan.targets if target.section.startswith("1.10")][-3:] == ["1.103", "1.104", "1.105"], name


def test_a_number_of_three_digits_opens_no_list_of_its_own():
    texts = ["一、总体要求", "1.加强领导。", "120、130、150人次参加培训。"]
    paragraphs = [Paragraph(text=t, line=i) for i, t in enumerate(texts, 1)]
    assert flat(build_outline(paragraphs).sections) == [(1, "cn_dun", 1, "总体要求"), (2, "arabic_dot", 1, "加强领导")]
