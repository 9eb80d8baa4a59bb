"""Plans as published or printed: page furniture, columns, frames and pasted layout never reach the text.

The files are made by tests/data/print/make_prints.py, each after a kind of
file in the real corpus; every one but browser-table-print.pdf (a duty table over a page break) carries the same plan.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import DATA, ROOT

from planparse.models import walk_sections
from planparse.folding import fold
from planparse.normalize import normalize
from planparse.pipeline import extract
from planparse.readers import read_document
from planparse.readers.pdf import _is_frame

PRINTS = DATA / "print"
HEADINGS = ["一、总体要求", "二、重点任务", "（一）建设骨干水源工程", "（二）完善管网体系", "三、保障措施"]
TARGETS = [(85, "%"), (98, "%"), (120, "座"), (2000000, "吨/日"), (3000, "公里"), (10, "%")]
# What each file adds around the plan, none of which may reach the text.
FURNITURE = {
    "browser-print.pdf": ["http://", "content_5090298", "共2", "05:06", "相关报道", "图解", "五年内农村自来水", "版权所有", "ICP备"],
    "repost-print.pdf": ["http://", "1 of 2", "2 of 2", "05:28 PM", "公立医院管理中心", "您的位置"],
    "office-page-numbers.pdf": ["— 1 —", "- 2 -", "第 3 页"],
    "sealed-office.pdf": ["★", "人民政府办\n", "\n政\n"],
    "web-paste.docx": ["INCLUDEPICTURE", "banner.png", "MERGEFORMAT"],
}


@pytest.mark.parametrize("name", sorted(FURNITURE))
def test_the_plan_comes_through_its_print_or_paste_whole(name):
    document = extract(PRINTS / name)
    assert [section.marker + section.title for section in walk_sections(document.sections)] == HEADINGS
    assert [(target.value, target.unit) for target in document.targets] == TARGETS


@pytest.mark.parametrize("name", sorted(FURNITURE))
def test_page_furniture_never_reaches_the_text(name):
    text = "\n".join(line.text for line in read_document(PRINTS / name).lines)
    for furniture in FURNITURE[name]:
        assert furniture not in text


def test_a_browser_print_keeps_the_article_column_in_reading_order():
    lines = [fold(line.text) for line in read_document(PRINTS / "browser-print.pdf").lines]
    title = lines.index("某省人民政府关于推进城乡供水一体化的实施意见")
    assert lines.index("一、总体要求") == title + 1  # the sidebar, drawn first, is not read at all
    assert not read_document(PRINTS / "browser-print.pdf").tables  # the frame around the text is no table


def test_a_two_page_browser_print_drops_the_time_it_was_printed_and_its_address():
    """Chrome prints the time (2023/5/6 10:21) and the page's title over each page, the address and 1/2 under it: on
    two pages nothing repeats often enough to tell, the time and the address do."""
    text = "\n".join(line.text for line in read_document(PRINTS / "browser-table-print.pdf").lines)
    for furniture in ("2023/5/6", "10:21", "t20230506", "1/2"):
        assert furniture not in text
    assert extract(PRINTS / "browser-table-print.pdf").metadata.title == "某县城乡供水和卫生健康重点任务实施方案"


def test_a_tables_last_row_a_page_break_carries_over_alone_goes_on_with_the_table():
    """The duty table's third row (water, health) stands alone atop page 2, the time and title over it dropped: one
    ruled row, which alone would be a frame, goes on with the table page 1 ended with, as its row; the box of links
    closing the article, one ruled row too, is no table: its text is read as before (its label 热词 dropped as chrome)."""
    raw = read_document(PRINTS / "browser-table-print.pdf")
    assert [(table.header, [row[0] for row in table.rows]) for table in raw.tables] == [
        (["序号", "重点任务", "牵头单位", "配合单位"], ["1", "2", "3"])]
    assert [line.text for line in raw.lines if not line.in_table][-2:] == ["各乡镇、各部门要加强组织领导，确保各项任务按期完成。",
                                                                          "省政府权责清单 政府工作报告"]
    duties = [(duty.heading, duty.lead, duty.support) for duty in extract(PRINTS / "browser-table-print.pdf").responsibilities]
    assert duties[-1] == ("开展饮用水水质监测", ["县卫生健康局"], ["县水利局", "市生态环境局某县分局"])


def test_boxes_around_text_are_frames_and_grids_of_cells_are_tables():
    page = "各地要按照城镇化规划和常住人口规模编制城镇义务教育学校布局规划。" * 12
    assert _is_frame([["", page]])
    assert _is_frame([["国务院", "总理", "新闻"], ["", page]])
    assert not _is_frame([["指标", "2023年", "2025年"], ["回收利用率", "30%", "35%"]])
    assert not _is_frame([["", "", "出租车专用充电站12座", "", ""]])  # the rest of a row a page break parted
    assert _is_frame([["热词", "", "省政府权责清单", "政府工作报告"]])  # a box of links in a printed page's text


def test_a_pasted_page_gives_its_layout_boxes_as_paragraphs():
    raw = read_document(PRINTS / "web-paste.docx")
    assert not raw.tables and not any(line.in_table for line in raw.lines)
    assert extract(PRINTS / "web-paste.docx").metadata.doc_number == "某教〔2016〕13号"


def test_radicals_are_read_as_the_ideographs_they_stand_for():
    rules = yaml.safe_load((ROOT / "rules" / "radicals.yaml").read_text(encoding="utf-8"))
    for example in rules["examples"]:
        assert fold(example["text"]) == example["folded"]
    assert fold("⼀体化改⾰") == "一体化改革"  # Kangxi radicals, which NFKC folds
    assert len(fold("⾸⻚ > 信息公开")) == len("⾸⻚ > 信息公开")  # one character for one


def test_the_prints_are_made_by_the_script_beside_them(tmp_path, monkeypatch):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_prints", PRINTS / "make_prints.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, make in (("browser-print.pdf", module.browser_print), ("repost-print.pdf", module.repost_print),
                       ("office-page-numbers.pdf", module.office_pdf), ("sealed-office.pdf", module.sealed_office_pdf),
                       ("spaced-office.pdf", module.spaced_office_pdf), ("browser-table-print.pdf", module.browser_table_print)):
        assert make() == (PRINTS / name).read_bytes(), name


def test_a_seal_over_the_signature_leaves_signature_date_and_masthead_to_the_metadata():
    lines = [fold(line.text) for line in read_document(PRINTS / "sealed-office.pdf").lines]
    assert lines[-2:] == ["某省人民政府办公厅", "2016年4月25日"]  # nothing of the seal between or after them
    metadata = extract(PRINTS / "sealed-office.pdf").metadata
    assert (metadata.issuer, metadata.date) == ("某省人民政府办公厅", "2016-04-25")


def test_latin_letters_drawn_apart_read_as_the_words_they_spell(planparse, tmp_path):
    # spaced-office.pdf: every glyph drawn on its own, set apart, so the reader parts each two by a space; PM2.5, COD,
    # TOC and GDP (the G and the D at a line's end, the P on the next) are words again, as in the plan's text
    run = planparse("extract", PRINTS / "spaced-office.pdf", "-o", tmp_path / "plan.json")
    assert run.code == 0, run.stderr
    plan = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    assert [(t["quote"], t["indicator"]) for t in plan["targets"]] == [
        ("全市PM2.5平均浓度控制在34微克/立方米以下", "PM2.5平均浓度"), ("优良天数比率达到84%以上", "优良天数比率"),
        ("专利密集型产业增加值占GDP比重达到12%", "专利密集型产业增加值占GDP比重")]
    assert "化学需氧量(COD)、高锰酸盐指数、总有机碳(TOC)" in normalize(read_document(PRINTS / "spaced-office.pdf").lines)[2].text
