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


# Plans copied off a web page into a text file, with the site's lines around them: a breadcrumb, print buttons, a footer
# of 主办单位 and 承办单位 (read as the last task's lead unit), 版权所有, the site's ICP and 公网安备 numbers
PAGE_COPIES = [
    ("当前位置：首页 > 政务公开 > 通知公告\n",
     "某县基层医疗卫生服务能力提升行动方案\n一、工作目标\n到2025年，全县乡镇卫生院服务能力达标率达到100%。\n二、重点任务\n"
     "（一）加强人才队伍建设\n每年培训乡村医生200人次。\n（二）完善设施设备\n新建村卫生室15个。\n",
     "【打印本页】 【关闭窗口】\n主办单位：某县人民政府办公室　　承办单位：某县大数据中心\n"
     "网站标识码：3301000001　　浙ICP备12345678号-1　　浙公网安备33010002000123号\n"),
    ("您的位置：首页 > 信息公开 > 规划计划\n",
     "某区义务教育优质均衡发展实施方案\n一、工作目标\n到2025年，全区新建中小学5所。\n二、主要任务\n（一）扩充学位资源\n"
     "新增学位3000个。\n（牵头单位：区教育局；配合单位：区财政局）\n（二）加强教师队伍建设\n每年招聘教师200名。\n",
     "版权所有：某区教育局　　主办：某区教育局　　承办：某区信息中心\n"),
]


@pytest.mark.parametrize("above, plan, below", PAGE_COPIES, ids=["health", "education"])
def test_a_page_copied_into_a_text_file_loses_the_sites_lines(tmp_path, above, plan, below):
    copy, text = tmp_path / "copy.txt", tmp_path / "plan.txt"
    copy.write_text(above + plan + below, encoding="utf-8")
    text.write_text(plan, encoding="utf-8")
    copied, expected = extract(copy), extract(text)
    assert [(r.heading, r.lead, r.support) for r in copied.responsibilities] == \
        [(r.heading, r.lead, r.support) for r in expected.responsibilities]
    assert copied.metadata.title == expected.metadata.title
    assert [(s.number, s.title) for s in walk_sections(copied.sections)] == [(s.number, s.title) for s in walk_sections(expected.sections)]
    assert [(t.value, t.unit, t.line - 1) for t in copied.targets] == [(t.value, t.unit, t.line) for t in expected.targets]


# the tools after the page's particulars, its count of readers among them: the page's, no target of the plan's
ONE_LINE_TOOLS = ["【字体：大 中 小】【打印】【关闭】", "浏览次数：256次 【打印】【收藏】【关闭】【我要纠错】", "分享到：微信 微博 QQ空间"]


@pytest.mark.parametrize("tools", ONE_LINE_TOOLS, ids=["text-size", "bare-tools", "share"])
@pytest.mark.parametrize("field, number, plan", [
    ("housing", "某住建发〔2023〕11号", "某县老旧小区改造实施方案"),
    ("sport", "某体发〔2024〕2号", "某县全民健身提升行动方案"),
])
def test_a_one_line_page_reads_the_number_right_after_the_sites_tools(tmp_path, tools, field, number, plan):
    page = tmp_path / f"{field}.txt"
    page.write_text(f"首页 > 政务公开 > 政策文件 关于印发{plan}的通知 发布时间：2024-03-10 来源：县政府办 {tools}{number}"
                    f"各乡镇人民政府，县直各单位：现将《{plan}》印发给你们，请认真贯彻执行。某县人民政府办公室2024年3月8日"
                    f"{plan}一、工作目标到2025年，完成改造任务30个。\n", encoding="utf-8")
    document = extract(page)
    assert (document.metadata.doc_number, document.metadata.title, document.metadata.date) == (number, plan, "2024-03-08")
    assert [(target.value, target.unit) for target in document.targets] == [(30, "个")]


@pytest.mark.parametrize("box, recipients", [
    # forestry: the subject's classes parted by 、 before the next label; education: the labels a county's site prints
    ("索引号： 113715/2025-00123 主题分类： 农业、林业、水利 发布机构： 某县人民政府办公室 成文日期： 2025-03-18",
     "各乡镇人民政府，县直各有关单位："),
    ("索引号： 001-2024-005 分类： 教育、科技 发文机关： 某县教育局 成文日期： 2025-03-18", "各中小学、幼儿园："),
], ids=["forestry", "education"])
def test_a_one_line_pages_information_box_gives_no_addressees(tmp_path, box, recipients):
    page = tmp_path / "page.txt"
    page.write_text(f"首页 > 政务公开 > 政策文件 {box} 标题： 某县人民政府办公室关于印发某县三年行动方案的通知 文号： 某政办发〔2025〕12号 "
                    "发布日期： 2025-03-20 【字体： 大 中 小 】【 打印 】【 关闭 】 某县人民政府办公室关于印发某县三年行动方案的通知 "
                    f"{recipients} 《某县三年行动方案》已经县政府同意，现印发给你们，请认真组织实施。 某县人民政府办公室 2025年3月18日 "
                    "某县三年行动方案 为推进高质量发展，制定本方案。 一、发展基础 近年来，全县各项工作取得明显成效。 二、工作目标 "
                    "到2027年，完成重点任务10项。 三、重点任务 （一）加强基础建设。每年新建示范点5个。 （二）完善服务体系。建成服务中心3个。 "
                    "四、保障措施 （一）加强组织领导。各单位要落实责任。 （二）强化资金保障。县财政每年安排资金500万元。\n", encoding="utf-8")
    assert "、".join(extract(page).metadata.recipients) == recipients.rstrip("：").replace("，", "、")
