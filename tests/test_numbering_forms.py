"""Numbering as plans write it: contents pages, excerpts, running numbers, same-line items, decimals, 专栏 boxes."""
from __future__ import annotations

import pytest
from conftest import write_plan

from planparse.models import walk_sections
from planparse.pipeline import extract
from planparse.linebreaks import check_title_rules
from planparse.rules import box_rule


def outline(tmp_path, *lines: str) -> list[tuple[int, str, int, str]]:
    document = extract(write_plan(tmp_path, "\n".join(lines) + "\n"))
    return [(section.level, section.style.value, section.number, section.title) for section in walk_sections(document.sections)]


def test_a_contents_page_gives_neither_headings_nor_targets(tmp_path):
    plan = write_plan(tmp_path, "\n".join([
        "某市生态环境保护“十四五”规划", "目  录",
        "一、发展基础……………………………1", "（一）主要成效……………………1", "二、主要目标 3", "三、重点任务………………………5",
        "一、发展基础", "（一）主要成效", "空气质量优良天数比例达到90%。",
        "二、主要目标", "到2025年，地表水国控断面优良比例达到85%以上。", "三、重点任务", "推进工业污染治理。",
    ]) + "\n")
    document = extract(plan)
    assert [(s.number, s.title) for s in walk_sections(document.sections)] == [
        (1, "发展基础"), (1, "主要成效"), (2, "主要目标"), (3, "重点任务")]
    assert all(target.value not in (1, 3, 5) for target in document.targets)


def test_a_contents_page_on_one_line_is_dropped_too(tmp_path):
    text = ("某县义务教育优质均衡发展实施方案目录一、总体要求…………1二、主要任务…………2三、保障措施…………4"
            "一、总体要求以习近平新时代中国特色社会主义思想为指导。二、主要任务到2025年新建学校5所。"
            "三、保障措施各乡镇要加强组织领导。")
    assert [(level, number, title) for level, _, number, title in outline(tmp_path, text)] == [
        (1, 1, "总体要求"), (1, 2, "主要任务"), (1, 3, "保障措施")]


@pytest.mark.parametrize("text, titles", [
    # food safety (canzhuo-2015's plan, its contents page as a PDF prints it, the line breaks lost)
    ("2015年全区治理“餐桌污染”实施“食品放心工程”工作方案目  录一、总体要求……………………3二、目标任务……………………5"
     "三、保障措施……………………7为贯彻落实《国务院办公厅关于印发2015年食品安全重点工作安排的通知》精神，制定本方案。"
     "一、总体要求全面贯彻落实保障食品安全的重要指示精神。二、目标任务到2015年底，全区生猪定点屠宰率达到98%以上。三、保障措施各部门要加强组织领导。",
     ["总体要求", "目标任务", "保障措施"]),
    # care of the elderly (xingfuyuan-2015's), its entries led by ellipses
    ("平潭综合实验区农村幸福院建设工作实施方案目  录一、指导思想……………1二、基本原则……………1三、目标任务……………2"
     "为进一步推进我区农村幸福院建设，特制定本实施方案。一、指导思想以满足老年人生活照料需求为出发点。"
     "二、基本原则坚持实事求是。三、目标任务力争2020年底前全区实现60%的农村建有农村幸福院。",
     ["指导思想", "基本原则", "目标任务"]),
])
def test_a_contents_page_on_one_line_before_the_plans_opening_sentence_is_dropped(tmp_path, text, titles):
    # …三、保障措施……7为贯彻落实…: the last entry's page number glued to the text after the page, no marker opening it;
    # under a contents title set with spaces (目  录) the entries stayed one paragraph, a heading 总体要求……3二、目标任务……
    assert [(level, number, title) for level, _, number, title in outline(tmp_path, text)] == [
        (1, number, title) for number, title in enumerate(titles, 1)]


def test_an_excerpt_may_start_its_list_above_one(tmp_path):
    found = outline(tmp_path, "（三）加强农村公路养护。每年完成养护里程200公里。", "（四）提升客运服务。新增客运班线5条。",
                    "（五）强化安全监管。")
    assert [(number, title) for _, _, number, title in found] == [(3, "加强农村公路养护"), (4, "提升客运服务"), (5, "强化安全监管")]


def test_a_stray_number_above_one_starts_nothing(tmp_path):
    assert outline(tmp_path, "3.项目实施后由县卫健局验收。", "其余事项另行通知。") == []


def test_items_numbered_on_across_parents(tmp_path):
    found = outline(tmp_path, "一、人才引进", "1.高层次人才引进项目。", "2.青年英才项目。", "二、人才培养",
                    "3.企业家培养项目。", "4.技能人才项目。")
    assert [(level, number) for level, _, number, _ in found] == [(1, 1), (2, 1), (2, 2), (1, 2), (2, 3), (2, 4)]


def test_an_item_heading_on_its_parent_headings_line(tmp_path):
    found = outline(tmp_path, "一、总体要求（一）指导思想", "以习近平新时代中国特色社会主义思想为指导。", "（二）基本原则",
                    "二、重点任务（一）加强水源保护1.划定饮用水水源保护区", "完成划定工作。")
    assert [(level, number, title) for level, _, number, title in found] == [
        (1, 1, "总体要求"), (2, 1, "指导思想"), (2, 2, "基本原则"), (1, 2, "重点任务"), (2, 1, "加强水源保护"),
        (3, 1, "划定饮用水水源保护区")]


def test_a_number_inside_a_title_is_no_item(tmp_path):
    found = outline(tmp_path, "一、育人方式", "（一）坚持知行合一、工学结合", "（二）推进产教融合", "二、办学格局")
    assert [(level, number) for level, _, number, _ in found] == [(1, 1), (2, 1), (2, 2), (1, 2)]


def test_decimal_numbering_makes_levels(tmp_path):
    found = outline(tmp_path, "1.发展目标", "1.1 总体目标", "到2025年，基本建成现代农业产业体系。", "1.2 具体指标",
                    "1.2.1 粮食生产", "粮食播种面积稳定在50万亩以上。", "2.重点任务", "2.1 推进高标准农田建设", "新建高标准农田3万亩。")
    assert [(level, style, number) for level, style, number, _ in found] == [
        (1, "arabic_dot", 1), (2, "decimal_2", 1), (2, "decimal_2", 2), (3, "decimal_3", 1),
        (1, "arabic_dot", 2), (2, "decimal_2", 1)]


def test_parts_are_chapters_and_yishi_erhsi_is_prose(tmp_path):
    found = outline(tmp_path, "第一部分 发展环境", "一是基础设施明显改善，二是公共服务持续提升。", "第二部分 总体要求",
                    "一、指导思想", "第三部分 主要任务")
    assert [(level, style, number, title) for level, style, number, title in found] == [
        (1, "chapter", 1, "发展环境"), (1, "chapter", 2, "总体要求"), (2, "cn_dun", 1, "指导思想"), (1, "chapter", 3, "主要任务")]


def test_a_box_keeps_its_numbering_out_of_the_tree_and_its_targets_in(tmp_path):
    plan = write_plan(tmp_path, "\n".join([
        "一、主要任务", "（一）完善公共文化设施", "推进县级图书馆、文化馆达标建设。",
        "专栏1 公共文化设施重点工程", "1.图书馆提升工程。新建乡镇图书分馆12个。", "2.文化广场工程。建设村级文化广场100个。",
        "（二）丰富文化产品供给", "每年开展送戏下乡200场次。", "二、保障措施",
    ]) + "\n")
    document = extract(plan)
    sections = list(walk_sections(document.sections))
    assert [(s.level, s.number, s.title) for s in sections] == [
        (1, 1, "主要任务"), (2, 1, "完善公共文化设施"), (2, 2, "丰富文化产品供给"), (1, 2, "保障措施")]
    boxed = {target.value: target.section for target in document.targets}
    assert boxed[12] == boxed[100] == "1.1"


def test_title_ends_and_box_examples_hold():
    assert check_title_rules() == []


def test_a_box_example_that_fails_is_reported(monkeypatch):
    rule = box_rule().model_copy(update={"examples": ["专栏目录"]})
    monkeypatch.setattr("planparse.linebreaks.box_rule", lambda: rule)
    assert check_title_rules() == ["headings.yaml: boxes: example '专栏目录' does not match"]


def test_a_word_processors_numbering_characters_are_markers(tmp_path):
    # water saving: 一． for 一、, ⑴ for (1), ⒈ for 1.; childcare: ㈠ for （一）; lined and with its line breaks lost
    water = ["某市节水型社会建设实施方案", "一．总体目标", "到2025年，全市万元GDP用水量下降16%。", "二．主要任务",
             "⑴推进农业节水增效。新增高效节水灌溉面积5万亩。", "⑵推进工业节水减排。", "⒈开展节水型企业创建。", "⒉推进园区循环用水。"]
    childcare = ["某县托育服务发展实施方案", "一、发展目标", "到2025年，每千人口拥有托位数达到4.5个。", "二、重点任务",
                 "㈠扩大普惠托育服务供给。新增普惠托位1000个。", "㈡加强托育人才队伍建设。"]
    for lines in (water, [("".join(water))]):
        assert outline(tmp_path, *lines) == [
            (1, "cn_dun", 1, "总体目标"), (1, "cn_dun", 2, "主要任务"), (2, "arabic_paren", 1, "推进农业节水增效"),
            (2, "arabic_paren", 2, "推进工业节水减排"), (3, "arabic_dot", 1, "开展节水型企业创建"), (3, "arabic_dot", 2, "推进园区循环用水")]
    for lines in (childcare, ["".join(childcare)]):
        assert outline(tmp_path, *lines) == [
            (1, "cn_dun", 1, "发展目标"), (1, "cn_dun", 2, "重点任务"), (2, "cn_paren", 1, "扩大普惠托育服务供给"),
            (2, "cn_paren", 2, "加强托育人才队伍建设")]


def test_a_date_in_a_sentence_opens_no_decimal_heading(tmp_path):
    # disaster reduction (5.12 after an open list at 4.), education (9.1 a school year's first day), market regulation
    # (3.15 under 二、): a decimal whose first number names no open heading is a date, as given and with the line breaks lost
    lines = ["一、工作目标", "全县防灾减灾科普宣传覆盖率达到90%以上。", "二、主要任务", "1.开展科普进校园。每学期开展防灾演练1次。",
             "2.开展科普进社区。每年举办社区讲座20场。", "3.开展科普进企业。每年培训企业安全员200人。", "4.开展集中宣传。",
             "5.12防灾减灾日期间，全县集中开展宣传活动，发放宣传资料1万份。", "9.1开学第一课，全县中小学开展安全教育。",
             "3.15消费者权益日，开展放心消费宣传。", "三、保障措施", "加强组织领导。"]
    wanted = [(1, "cn_dun", 1, "工作目标"), (1, "cn_dun", 2, "主要任务"), (2, "arabic_dot", 1, "开展科普进校园"),
              (2, "arabic_dot", 2, "开展科普进社区"), (2, "arabic_dot", 3, "开展科普进企业"), (2, "arabic_dot", 4, "开展集中宣传"),
              (1, "cn_dun", 3, "保障措施")]
    assert outline(tmp_path, *lines) == wanted
    assert outline(tmp_path, "".join(lines)) == wanted


def test_a_decimal_sits_under_the_heading_its_number_names(tmp_path):
    # agriculture: 2.1 under 二、 and 第二章 alike, 2.1.1 under 2.1
    found = outline(tmp_path, "第一章 发展基础", "1.1 主要成效", "第二章 重点任务", "2.1 推进高标准农田建设", "2.1.1 新建农田",
                    "新建高标准农田3万亩。", "2.2 发展特色产业")
    assert [(level, style, number) for level, style, number, _ in found] == [
        (1, "chapter", 1), (2, "decimal_2", 1), (1, "chapter", 2), (2, "decimal_2", 1), (3, "decimal_3", 1), (2, "decimal_2", 2)]
