"""A government web page printed to PDF by a browser, as people keep it (tests/data/real, SOURCES.md).

The site's menus, link rows and footer around the article never reach the text or the metadata
(rules/metadata.yaml web_chrome); a notice that issues no other document is itself the plan.
"""
from __future__ import annotations

from functools import lru_cache

import pytest
from conftest import DATA

from planparse.models import Document, walk_sections
from planparse.pipeline import extract, prepare
from planparse.readers import read_document

GUANGDONG = DATA / "real" / "guangdong-2016-yiwu-jiaoyu-jingfei-baozhang-tongzhi.pdf"


@lru_cache(maxsize=None)
def guangdong() -> Document:
    return extract(GUANGDONG)


def test_a_printed_notice_that_is_the_plan_is_titled_by_its_own_title():
    meta = guangdong().metadata
    assert meta.title == "广东省人民政府关于进一步完善城乡义务教育经费保障机制的通知"
    assert (meta.doc_number, meta.issuer, meta.date) == ("粤府〔2016〕68号", "广东省人民政府", "2016-06-24")


@pytest.mark.parametrize("chrome", ["简体", "首页", "政务公开", "热词", "政府工作报告", "移动门户", "联系我们", "使用帮助",
                                    "All Rights Reserved", "ICP备", "主办：", "分辨率", "浏览器", "索引号", "发布机构", "公报期号"])
def test_the_site_around_the_article_never_reaches_the_text(chrome):
    paragraphs = [paragraph.text for paragraph in prepare(GUANGDONG).paragraphs]
    assert not [text for text in paragraphs if chrome in text]


def test_the_printed_plan_keeps_its_headings():
    titles = [section.marker + section.title for section in walk_sections(guangdong().sections) if section.level == 1]
    assert titles == ["一、总体要求", "二、具体政策", "三、工作要求", "四、保障措施"]


def test_the_printed_information_box_is_read_as_the_pages_statement():
    # 索 引 号:…分类: 科技、教育 / 发布机构: 广东省人民政府 发文日期: 2016年06月24日 / 名　　称: … / 文　　号: …公报期号:
    page = read_document(GUANGDONG).page
    assert page is not None
    assert (page.title, page.issuer, page.doc_number, page.date) == (
        "广东省人民政府关于进一步完善城乡义务教育经费保障机制的通知", "广东省人民政府", "粤府〔2016〕68号", "2016年06月24日")
