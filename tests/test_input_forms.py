"""One plan in the forms people have it gives one extraction.

The forms (tests/data/forms, written by its make_forms.py) are the plan hard-wrapped as text copied out of a PDF,
in traditional characters, in GB18030 and UTF-16, with full-width digits, with its line breaks lost; the pages
(tests/data/pages/make_pages.py) are a seed plan as Word, a TRS site, layout tables, <br/> lines and two columns write it. Quotes and titles keep the text as
written, so they are compared folded (NFKC, traditional to simplified) as a reader would compare them.
"""
from __future__ import annotations

import html
import importlib.util
import json
import re
import sys
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from conftest import DATA, SAMPLES, sample_writer, write_lined_and_flat, write_plan

from planparse import readers
from planparse.readers import crawled, shown
from planparse.models import Document, Section, SourceLine, walk_sections
from planparse.folding import fold
from planparse.pipeline import extract, prepare
from planparse.targets import document_frame, read_document, time_reading

FORMS = DATA / "forms"
UNSEEN = DATA / "unseen"


def _module(path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAKE_FORMS = _module(FORMS / "make_forms.py")
MAKE_PAGES = _module(DATA / "pages" / "make_pages.py")
CASES = [(stem, kind) for stem, kinds in MAKE_FORMS.PLANS.items() for kind in kinds]


def _read(text: str | None) -> str | None:
    return None if text is None else fold(unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=None)
def extracted(name: str) -> Document:
    return extract(FORMS / name)


def headings(sections: list[Section]) -> list[tuple]:
    return [(s.level, s.style.value, s.number, _read(s.title), headings(s.children)) for s in sections]


def targets(doc: Document) -> list[tuple]:
    return sorted(((t.kind, t.value, t.unit, t.comparator, t.deadline, _read(t.quote)) for t in doc.targets), key=repr)


def responsibilities(doc: Document) -> list[tuple]:
    return [(r.heading, r.lead, r.support) for r in doc.responsibilities]


def metadata(doc: Document) -> tuple:
    meta = doc.metadata
    return _read(meta.title), _read(meta.doc_number), _read(meta.issuer), meta.date, meta.period


@pytest.mark.parametrize("stem, kind", CASES)
def test_every_form_gives_the_headings_and_targets_of_the_plan(stem, kind):
    plan, form = extracted(f"{stem}.txt"), extracted(f"{stem}.{kind}.txt")
    assert len(plan.sections) >= 3 and (plan.targets or stem in ("xuqin-2015", "jieneng-2015"))  # a compensation plan, a campaign
    assert headings(form.sections) == headings(plan.sections)
    assert targets(form) == targets(plan)


@pytest.mark.parametrize("stem, kind", CASES)
def test_every_form_gives_the_metadata_of_the_plan(stem, kind):
    # A title, notice title or 附件 line as wide as the wrap stays whole: its issuer prefix and the signature after it kept
    assert metadata(extracted(f"{stem}.{kind}.txt")) == metadata(extracted(f"{stem}.txt"))


def test_a_text_with_a_few_bytes_its_encoding_does_not_read_is_read_saying_where(tmp_path):
    # canzhuo-2015.damaged.txt (GB18030 with four bytes 0xFF) and a UTF-8 copy cut short inside its last character
    # (xingfuyuan): each was refused whole, "not a text file (no known encoding decodes it)"
    assert [w.message for w in extracted("canzhuo-2015.damaged.txt").warnings] == [
        "4 unreadable characters (�) on lines 73, 75, 76, 77: bytes the text's encoding does not read, the rest read"]
    written = (FORMS / "xingfuyuan-2015.txt").read_text(encoding="utf-8").rstrip()
    cut = tmp_path / "xingfuyuan-2015.txt"
    cut.write_bytes(written.encode("utf-8")[:-1])
    lines = readers.read_document(cut).lines
    assert [line.text for line in lines[:-1]] == written.split("\n")[:-1] and lines[-1].text.endswith("\ufffd")


@pytest.mark.parametrize("stem", ["canzhuo-2015", "xingfuyuan-2015"])  # food safety, care of the elderly
def test_a_docx_holding_characters_lost_before_it_was_made_is_read_saying_where(tmp_path, stem):
    # a damaged text pasted into Word keeps its �s as characters of the file: the text said where they are, the DOCX nothing
    import docx

    damaged = MAKE_FORMS.damaged((FORMS / f"{stem}.txt").read_text(encoding="utf-8")).decode("gb18030", errors="replace")
    document = docx.Document()
    for line in damaged.split("\n"):
        document.add_paragraph(line)
    document.save(tmp_path / "plan.docx")
    (tmp_path / "plan.txt").write_text(damaged, encoding="utf-8")
    copy, text = extract(tmp_path / "plan.docx"), extract(tmp_path / "plan.txt")
    [said], [said_of_text] = [w.message for w in copy.warnings], [w.message for w in text.warnings]
    assert said == said_of_text and said.endswith("characters lost before the file was made (it holds � in their place), the rest read")
    assert headings(copy.sections) == headings(text.sections) and targets(copy) == targets(text)


@pytest.mark.parametrize("stem", ["canzhuo-2015", "xingfuyuan-2015"])  # food safety, care of the elderly
def test_a_text_says_whether_its_unreadable_characters_were_lost_decoding_it_or_before(tmp_path, stem):
    # the damaged GB18030 copy saved again (its �s now the file's own), and a copy holding one � with a byte damaged
    # after it: all were said to be bytes its encoding does not read
    damaged = MAKE_FORMS.damaged((FORMS / f"{stem}.txt").read_text(encoding="utf-8"))
    (tmp_path / "saved.txt").write_bytes(damaged.decode("gb18030", errors="replace").encode("gb18030"))
    holding = (FORMS / f"{stem}.txt").read_text(encoding="utf-8").replace("工作", "工\ufffd作", 1).encode("gb18030")
    (tmp_path / "both.txt").write_bytes(holding.replace("工作".encode("gb18030"), b"\xff", 1))
    [saved], [both] = [[w.message for w in extract(tmp_path / name).warnings] for name in ("saved.txt", "both.txt")]
    assert saved.endswith(": characters lost before the file was made (it holds � in their place), the rest read")
    assert both.endswith(": bytes the text's encoding does not read, and characters lost before the file was made "
                         "(it holds � in their place), the rest read")


def test_a_number_cut_by_a_hard_wrap_opens_no_paragraph():
    # 建标143-201 / 0）建设要求…: the 0） is the end of a year, not a heading; the area after it stays in its sentence
    # (read, then decided no target: it is a term of the plan's 承诺书 forms)
    doc = prepare(FORMS / "xingfuyuan-2015.wrap.txt")
    frame = document_frame(doc.outline, doc.rule_set)
    readings = read_document(doc.outline, doc.rule_set, frame, time_reading(doc.rule_set, frame))
    areas = [r.sentence for r in readings if r.candidate.unit == "平方米" and r.paragraph.text[:r.at.start].endswith("房屋（或土地）面积不低于")]
    assert len(areas) == 2 and all("（建标143-2010）建设要求提供房屋" in sentence for sentence in areas)


@pytest.mark.parametrize("stem", MAKE_FORMS.FLAT_PLANS)
def test_a_plan_with_its_line_breaks_lost_keeps_its_signature_and_date(stem):
    # …联系电话：13705025786平潭综合实验区管委会办公室2015年6月19日 / 附件：…实施方案平潭综合实验区管委会办公室2015年6月12日2015年…
    plan, flat = extracted(f"{stem}.txt").metadata, extracted(f"{stem}.flat.txt").metadata
    assert plan.date and (flat.date, flat.issuer, flat.doc_number) == (plan.date, plan.issuer, plan.doc_number)


SIGNED_BEFORE_A_TABLE = {  # a plan signed at its end, its table attached after the signature (education, health)
    "education": ["某县2024年学校建设工作方案", "一、工作目标", "全年新建、改扩建中小学校6所，新增学位3600个。", "二、保障措施",
                  "县财政安排学校建设资金不少于8000万元，纳入年度考核。", "某县教育局", "2024年3月1日", "附表",
                  "某县2024年学校建设任务表", "序号\t项目名称\t建设规模\t完成时限", "1\t城东小学新建工程\t36个班\t2024年8月",
                  "2\t第二中学改扩建工程\t新增学位900个\t2024年12月"],
    "health": ["某区基层医疗服务能力提升工作方案", "一、工作目标", "到2025年，全区社区卫生服务中心全部达到服务能力基本标准。",
               "二、保障措施", "各街道按月报送工作进展。", "某区卫生健康局", "2024年5月8日", "附件", "基层医疗机构建设项目表",
               "项目名称\t2024年\t2025年", "社区卫生服务中心提标改造\t3个\t5个", "村卫生室标准化建设\t20个\t30个"],
}


@pytest.mark.parametrize("field", SIGNED_BEFORE_A_TABLE)
def test_a_plan_with_its_line_breaks_lost_keeps_its_signature_before_its_attached_table(tmp_path, field):
    # …纳入年度考核。某县教育局2024年3月1日附表某县2024年学校建设任务表序号\t项目名称…: the table's name and its header's
    # first cell after the date, where the lined copy has the signer and the date on lines of their own
    lined, flat = (extract(path).metadata for path in write_lined_and_flat(tmp_path, SIGNED_BEFORE_A_TABLE[field]))
    assert lined.issuer and lined.date and (flat.issuer, flat.date) == (lined.issuer, lined.date)


def test_a_title_run_into_the_sentence_of_the_unit_that_does_it_comes_apart():
    # （一）完善辖区主干道交通指示标志区交通与建设局要牵头… / （四）严格查处涉三轮车违法区公安局交警部门要联合…
    assert headings(extracted("yingqingyun-2015.flat.txt").sections) == headings(extracted("yingqingyun-2015.txt").sections)


def test_a_title_is_not_cut_at_a_word_that_only_opens_like_what_a_unit_must_do(tmp_path):
    # 应急, 应用, 要素, 负责人: the first character is a modal verb only as a word of its own
    plan = tmp_path / "flat.txt"
    plan.write_text("某市安全生产实施方案一、主要任务（一）全面提升县医院应急救治能力督促医院完善预案。"
                    "（二）加快推进市民服务中心应用场景建设拓展服务事项。（三）积极保障中小企业要素供给落实用地指标。"
                    "（四）明确各社区负责人职责建立台账。二、保障措施\n", encoding="utf-8")
    titles = [child.title for child in extract(plan).sections[0].children]
    assert len(titles) == 4 and all(len(title) > 4 for title in titles)  # cut: 全面提升, 加快推进, 积极保障, 明确各社区


def test_an_attachment_list_run_into_the_last_section_opens_no_heading():
    # …严格按照时间节点推进工作落实。附件：1.2023年度脱贫户和监测户信息采集表 2.《…》填表说明和指标解释: as in the lined
    # text, where 附件：1. is a line of the notice's end, not a list of items under （四）
    assert headings(extracted("fanpin-2023.flat.txt").sections) == headings(extracted("fanpin-2023.txt").sections)


def test_a_title_run_into_a_label_comes_apart():
    # （一）畜禽生产环节治理指标：全区生猪定点屠宰率达到98%以上 / （六）食品流通环节治理目标：… (水产养殖业治理指标： stays
    # whole: 养殖业 is no word a title ends with)
    titles = {s.title for s in extracted("canzhuo-2015.flat.txt").sections[1].children}
    assert {"畜禽生产环节", "种植环节", "食品生产环节", "食品流通环节"} <= titles


@pytest.mark.parametrize("lines, title, period, deadlines", [
    (["某县2024年农村污水治理工作方案", "全县已建成乡镇污水处理厂12座。全年新建农村污水管网80公里，农村生活污水治理率达到40%。", "一、工作目标",
      "6月底前，完成乡镇污水处理厂提标改造3座。"], "某县2024年农村污水治理工作方案", (2024, 2024), [2024, 2024, 2024]),
    (["某县2024—2025学年校园安全专项整治方案", "行动时间为2024年9月至2025年7月。", "一、工作目标", "10月底前，完成全县中小学校园安全隐患排查120所。"],
     "某县2024—2025学年校园安全专项整治方案", (2024, 2025), [2024]),
    (["某县2024年医疗卫生服务能力提升工作方案", "截至2023年底，全县共有乡镇卫生院15所。", "一、工作目标", "年内新建村卫生室20个，6月底前完成乡镇卫生院改造5所。"],
     "某县2024年医疗卫生服务能力提升工作方案", (2024, 2024), [2024, 2024]),
], ids=["water", "schools", "health"])
def test_a_title_run_into_a_first_sentence_of_the_place_its_state_or_its_time_comes_apart(tmp_path, lines, title, period, deadlines):
    """Reader S17: with its line breaks lost, the title ran into 全县…, 截至…, 行动时间为…: no title, no period, and every
    6月底前, 年内, 全年 lost its year."""
    for copy in write_lined_and_flat(tmp_path, lines):
        document = extract(copy)
        assert (document.metadata.title, (document.metadata.period.start, document.metadata.period.end)) == (title, period)
        assert [target.deadline for target in document.targets if target.kind != "baseline"] == deadlines


@pytest.mark.parametrize("lines", [
    ["某县2025年农村供水保障工作方案", "全县农村自来水普及率达到93%。", "一、工作目标", "到2025年底，新建供水管网50公里。", "二、保障措施", "加强组织领导。"],
    ["某市2025年全民健身工作要点", "目前全市经常参加体育锻炼人数比例为38%。", "一、主要任务", "年内新建社区健身点30个。", "二、工作要求", "加强组织领导。"],
], ids=["water", "sport"])
def test_a_flat_copys_first_sentence_after_the_title_gives_the_targets_of_the_lined_copy(tmp_path, lines):
    """Reader T20: the title was read apart for the metadata only; its paragraph stayed joined to the first sentence, whose
    number was named and quoted with it (93 % named 农村供水保障工作方案全县农村自来水普及率, quoted from 某县2025年…)."""
    lined, flat = (extract(copy) for copy in write_lined_and_flat(tmp_path, lines))
    assert targets(flat) == targets(lined) and [t.indicator for t in flat.targets] == [t.indicator for t in lined.targets]
    assert not any(lined.metadata.title in t.quote for t in flat.targets)


@pytest.mark.parametrize("name, date", [("henan-2014-huji-zhidu-gaige-shishi-yijian.docx", "2014-11-04"),
                                        ("nankai-2016-xiaoxue-zhaosheng-shishi-yijian.docx", "2016-04-25"),
                                        ("shanghai-2016-yiwu-jiaoyu-zhaosheng-shishi-yijian.docx", "2016-02-01")])
def test_a_real_docx_with_its_line_breaks_lost_keeps_its_date(tmp_path, name, date):
    # Its paragraphs joined as a crawler gives them: the signer glued to the sentence before (…推进。河南省人民政府2014年11月4日),
    # a date set apart by no-break spaces alone, or a signature between full-width indents before the next table's caption
    # (…日程安排　　上海市教育委员会　　2016年2月1日2016年义务教育阶段…)
    lines = readers.read_document(DATA / "real" / name).lines
    flat = tmp_path / "flat.txt"
    flat.write_text("".join(line.text for line in lines) + "\n", encoding="utf-8")
    assert extract(DATA / "real" / name).metadata.date == date
    assert extract(flat).metadata.date == date


def test_forms_are_written_the_same_every_time():
    for stem in MAKE_FORMS.FLAT_PLANS:
        assert MAKE_FORMS.forms((FORMS / f"{stem}.txt").read_text(encoding="utf-8"))["flat"] == (FORMS / f"{stem}.flat.txt").read_bytes()
    for stem, kinds in MAKE_FORMS.PLANS.items():
        written = MAKE_FORMS.forms((FORMS / f"{stem}.txt").read_text(encoding="utf-8"))
        for kind in kinds:
            assert written[kind] == (FORMS / f"{stem}.{kind}.txt").read_bytes()


@pytest.mark.parametrize("stem, joiner", [("jieyang-2022", None), ("qingcheng-2021", None), ("yangzhou-2022", ""),
                                          ("qingcheng-2021", ""), ("yangzhou-2022", " ")])
def test_a_plan_in_traditional_characters_gives_the_plan(tmp_path, stem, joiner):
    # Its 分工表 (牽頭單位 | 責任單位) and, with its line breaks lost, its titles (工作目標, 主要目標) read as in simplified
    import opencc

    from conftest import SAMPLES

    text = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
    if joiner is not None:
        text = joiner.join(text.splitlines()) + "\n"
    simplified, traditional = tmp_path / "simplified.txt", tmp_path / "traditional.txt"
    simplified.write_text(text, encoding="utf-8")
    traditional.write_text(opencc.OpenCC("s2t").convert(text), encoding="utf-8")
    plan, form = extract(simplified), extract(traditional)
    assert headings(form.sections) == headings(plan.sections)
    assert targets(form) == targets(plan)
    assert [(r.lead, r.support) for r in form.responsibilities] == [(r.lead, r.support) for r in plan.responsibilities]


def test_a_plan_as_pdftotext_writes_its_pages_gives_the_plan(tmp_path):
    # Windows line ends and a form feed ending each page of 40 lines, so opening the next page's first line: one
    # opening a cell line of the 分工表 (\f\t区教育局) read as a space moved the cell off its column, and the
    # table's 9 tasks after it lost their lead units (qingcheng: 20 responsibilities read 11)
    from conftest import SAMPLES

    plan = extract(SAMPLES / "qingcheng-2021.txt")
    lines = (SAMPLES / "qingcheng-2021.txt").read_text(encoding="utf-8").split("\n")
    paged = tmp_path / "qingcheng-2021.txt"
    paged.write_text("\r\n".join("\f" + line if number and number % 40 == 0 else line for number, line in enumerate(lines)),
                     encoding="utf-8", newline="")
    form = extract(paged)
    assert headings(form.sections) == headings(plan.sections)
    assert targets(form) == targets(plan)
    assert responsibilities(form) == responsibilities(plan)


@pytest.mark.parametrize("stem", ["jieyang-2022", "jinjiang-2022"])
def test_a_pdfs_text_parted_by_form_feeds_gives_each_target_and_heading_the_pdfs_page(tmp_path, stem):
    """pdftotext's copy of a PDF ends each page with a form feed: its targets and headings are on the pages of the PDF
    (were page null), the same targets read."""
    import pypdfium2
    from conftest import SAMPLES

    pdf = extract(SAMPLES / f"{stem}.pdf")
    pages = [page.get_textpage().get_text_range().replace("\r\n", "\n").rstrip("\n") + "\n"
             for page in pypdfium2.PdfDocument(SAMPLES / f"{stem}.pdf")]
    copy = tmp_path / f"{stem}.txt"
    copy.write_text("\f".join(pages) + "\f", encoding="utf-8")
    text = extract(copy)
    assert [(t.value, t.unit, t.page) for t in text.targets] == [(t.value, t.unit, t.page) for t in pdf.targets]
    assert [s.page for s in walk_sections(text.sections)] == [s.page for s in walk_sections(pdf.sections)]


def test_a_plan_whose_windows_line_ends_were_written_again_gives_the_plan(tmp_path):
    # \r\r\n, as Python's text mode on Windows writes a text holding \r\n: read as \r and \r\n, a blank line parted
    # every line, and the 分工表's cell lines from each other (qingcheng: 20 responsibilities read 10)
    from conftest import SAMPLES

    plan = extract(SAMPLES / "qingcheng-2021.txt")
    written_again = tmp_path / "qingcheng-2021.txt"
    written_again.write_bytes((SAMPLES / "qingcheng-2021.txt").read_bytes().replace(b"\n", b"\r\r\n"))
    form = extract(written_again)
    assert headings(form.sections) == headings(plan.sections)
    assert targets(form) == targets(plan)
    assert responsibilities(form) == responsibilities(plan)


def test_a_plan_libreoffice_printed_to_pdf_gives_the_plan():
    # tests/data/libreoffice: LibreOffice draws the quotes of a line (in a Western font) after its Chinese text, and
    # PDFium reads them where they are drawn: “十四五”期间 read 十四五 “ ”期间 (the deadline of the training target
    # lost) and the heading 实施“互联网+科普”行动 实施“互联网+科普行动
    from conftest import SAMPLES

    plan, form = extract(SAMPLES / "jinjiang-2022.txt"), extract(DATA / "libreoffice" / "jinjiang-2022.pdf")
    assert form.source.format == "pdf"
    assert headings(form.sections) == headings(plan.sections)
    assert targets(form) == targets(plan)


def test_a_wechat_copy_gives_the_headings_it_sets_in_brackets_or_after_a_sign(planparse, tmp_path):
    # canzhuo-2015.wechat.txt: 【一、总体要求】 and 📌（四）饮用水 were no headings, the 1. items under them taking their place
    run = planparse("extract", FORMS / "canzhuo-2015.wechat.txt", "-o", tmp_path / "plan.json")
    assert run.code == 0, run.stderr
    copied = Document.model_validate_json((tmp_path / "plan.json").read_text("utf-8"))
    assert [s.title for s in copied.sections] == ["总体要求", "目标任务", "保障措施"]
    assert "饮用水" in [s.title for s in copied.sections[1].children]


@pytest.mark.parametrize("stem", ["canzhuo-2015", "xingfuyuan-2015"])
def test_a_wechat_copy_with_its_line_breaks_lost_gives_the_headings_and_metadata_of_the_plan_so_flattened(tmp_path, stem):
    # …安全。【二、目标任务】…, …（区经济发展局海洋渔业处）📌（四）饮用水…, …如下：【一、总体要求】…: a marker inside 【 or after a
    # sign opened no paragraph where the line breaks were restored. The account's byline run on to the notice's title
    # (…的通知原创 平潭发布 平潭发布 2015-04-30 18:30 发表于福建　　岚综管办〔2015〕64号) made the notice's title the plan's, and the
    # buttons run on to the 印发 line (…2015年4月7日印发阅读原文分享收藏点赞在看) lost its printer and date. The byline's day is the
    # day the article was posted, lined or not
    copy, plan = tmp_path / f"{stem}.wechat.txt", tmp_path / f"{stem}.txt"
    copy.write_text((FORMS / f"{stem}.wechat.txt").read_text(encoding="utf-8").replace("\n", "") + "\n", encoding="utf-8")
    plan.write_text((FORMS / f"{stem}.txt").read_text(encoding="utf-8").replace("\n", "") + "\n", encoding="utf-8")
    copied, flattened = extract(copy), extract(plan)
    assert headings(copied.sections) == headings(flattened.sections)
    assert copied.metadata == flattened.metadata.model_copy(update={"published": "2015-04-30"})
    assert copied.metadata.title == extracted(f"{stem}.txt").metadata.title
    assert extracted(f"{stem}.wechat.txt").metadata.published == "2015-04-30"


@pytest.mark.parametrize("headline, title", [
    # water: the account's headline over the byline, the plan's own title under it
    ("重磅！我县出台农村供水保障三年行动方案", "某县农村供水保障三年行动方案（2024—2026年）"),
    # education: a headline of good news, the year's plan under it
    ("好消息！我县今年义务教育招生政策出炉", "某县2024年义务教育招生工作方案"),
], ids=["water", "education"])
def test_a_share_platforms_headline_over_its_byline_is_not_the_plans_title(tmp_path, headline, title):
    # the headline and the plan's title under the byline were read as one title: 重磅！我县出台…行动方案某县…（2024—2026年）
    lines = [headline, "原创 某县发布 某县发布 2024-05-12 09:05 发表于广东", title, "一、工作目标",
             "到2026年，全县新建集中供水工程12处，新建中小学校3所。", "二、保障措施", "加强组织领导，落实工作责任。"]
    copy = tmp_path / "copy.txt"
    copy.write_text("\n".join(lines), encoding="utf-8")
    read = extract(copy).metadata
    assert (read.title, read.published) == (title, "2024-05-12")


def test_a_notices_title_over_a_byline_stays_the_notices(tmp_path):
    # the article's headline is the notice's own title: the document's, kept
    lines = ["关于印发某县2024年义务教育招生工作方案的通知", "原创 某县教育局 某县教育发布 2024-05-12 09:05 发表于广东", "某县2024年义务教育招生工作方案",
             "一、工作目标", "全县新建中小学校3所，新增学位2400个。"]
    copy = tmp_path / "copy.txt"
    copy.write_text("\n".join(lines), encoding="utf-8")
    read = extract(copy).metadata
    assert (read.notice_title, read.title) == (lines[0], lines[2])



@pytest.mark.parametrize("issuer, plan, number", [
    # health, culture: a notice posted on an account, its byline, the request to follow it and its 文号 run together
    ("某县卫生健康局", "某县预防接种服务能力提升三年行动方案（2025—2027年）", "某卫发〔2025〕9号"),
    ("某县文化旅游局", "某县乡村旅游提升三年行动方案（2025—2027年）", "某文旅发〔2025〕3号"),
], ids=["health", "culture"])
def test_the_request_to_follow_under_a_byline_is_no_part_of_the_number_under_it_with_the_line_breaks_lost(tmp_path, issuer, plan, number):
    # …17:30 湖南点击蓝字 关注我们某卫发〔2025〕9号: the region's lookahead wanted a space, so the byline was cut before 湖南 and the
    # number, run on to the request, was lost
    lines = [f"{issuer}关于印发{plan}的通知", "原创 某县发布 某县发布 2025年03月18日 17:30 湖南", "点击蓝字 关注我们", number,
             "各乡镇人民政府：", "现将方案印发给你们，请认真组织实施。", issuer, "2025年3月14日", plan, "一、工作目标",
             "到2027年，全县新建服务站点20个。", "二、保障措施", "加强组织领导。"]
    copy = tmp_path / "copy.txt"
    copy.write_text("".join(lines) + "\n", encoding="utf-8")
    read = extract(copy).metadata
    assert (read.doc_number, read.title, read.issuer, read.date) == (number, plan, issuer, "2025-03-14")


_WATER = ("某县农村供水保障三年行动方案（2024—2026年）", ["一、工作目标", "到2026年，全县农村自来水普及率达到95%，新建集中供水工程12处。",
                                                    "二、保障措施", "加强组织领导，落实工作责任。（牵头单位：县水利局，县财政局配合）"])
_SCHOOLS = ("某县2024年义务教育招生工作方案", ["一、工作目标", "全县新建中小学校3所，新增学位2400个。", "二、保障措施",
                                          "强化经费保障。（牵头单位：县教育局、县财政局按职责分工负责）"])


@pytest.mark.parametrize("plan", [_WATER, _SCHOOLS], ids=["water", "education"])
@pytest.mark.parametrize("head", [
    # the account's card over the headline: its name over its follow button (titled 某县发布关注某县…)
    lambda title: ["某县发布", "关注", title, "原创 某县发布 2024-05-12 09:05 发表于云南"],
    # a column's label before a bar (titled 权威发布｜某县…)
    lambda title: [f"权威发布｜{title}", "原创 某县发布 2024-05-12 09:05 云南"],
    # the byline's fields a line each (titled 某县…原创, and no day)
    lambda title: [title, "原创", "某县融媒体中心", "某县发布", "2024-05-12 09:05", "云南"],
    # the line asking to follow the account, under the byline (titled 某县…点击上方蓝字关注我们)
    lambda title: [title, "原创 某县发布 2024-05-12 09:05 云南", "点击上方蓝字关注我们"],
], ids=["account-card", "column-label", "byline-lined", "follow-line"])
@pytest.mark.parametrize("form", ["txt", "docx"])
def test_a_share_platforms_furniture_around_the_title_is_no_part_of_it(tmp_path, plan, head, form):
    title, body = plan
    copy, given = tmp_path / f"copy.{form}", tmp_path / "plan.txt"
    if form == "docx":
        _word_copy(head(title) + body, copy)
    else:
        copy.write_text("\n".join(head(title) + body), encoding="utf-8")
    given.write_text("\n".join([title, *body]), encoding="utf-8")
    copied, plain = extract(copy), extract(given)
    assert (copied.metadata.title, copied.metadata.published) == (title, "2024-05-12")
    assert headings(copied.sections) == headings(plain.sections) and targets(copied) == targets(plain)


@pytest.mark.parametrize("title", ["某县禁毒工作实施方案", "某县河长制工作方案（2024—2026年）"], ids=["drugs", "water"])
@pytest.mark.parametrize("form", ["txt", "html"])
def test_a_pages_title_over_its_sites_name_after_a_bar_is_the_plans_title(tmp_path, title, form):
    # the plan's title before a bar is no column's label (reader S10: titled 某某县人民政府门户网站 when the label was cut)
    page_title, body = f"{title}|某某县人民政府门户网站", ["一、工作目标", "到2026年，全县新建幸福河湖10条。", "二、保障措施", "加强组织领导。"]
    copy = tmp_path / f"copy.{form}"
    if form == "html":
        copy.write_text(f"<html><head><title>{page_title}</title></head><body><div>{''.join(f'<p>{line}</p>' for line in body)}</div></body></html>",
                        encoding="utf-8")
    else:
        copy.write_text("\n".join([page_title, *body]), encoding="utf-8")
    assert extract(copy).metadata.title == title


def _word_copy(lines: list[str], path: Path) -> None:
    """The lines pasted into Word, a paragraph each."""
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)


@pytest.mark.parametrize("date_line, published", [
    ("发布时间：2015-06-26", "2015-06-26"),  # a browser's print of a ministry's page (health)
    ("发布日期：2024年05月06日 10:21:36　来源：某县水利局　浏览次数：321", "2024-05-06"),  # a county's page copied (water)
], ids=["health", "water"])
@pytest.mark.parametrize("form", ["txt", "docx"])
def test_a_sites_date_line_under_the_title_gives_the_day_it_was_published(tmp_path, date_line, published, form):
    # the site's date line under the page's title was read as no part of the page: the day it was published was lost
    lines = ["某县农村供水保障三年行动方案（2024—2026年）", date_line, "一、工作目标", "到2026年，全县农村自来水普及率达到95%，新建集中供水工程12处。",
             "二、保障措施", "加强组织领导，落实工作责任。"]
    copy, plan = tmp_path / f"copy.{form}", tmp_path / "plan.txt"
    if form == "docx":
        _word_copy(lines, copy)
    else:
        copy.write_text("\n".join(lines), encoding="utf-8")
    plan.write_text("\n".join(lines[:1] + lines[2:]), encoding="utf-8")
    copied, given = extract(copy), extract(plan)
    assert copied.metadata.published == published
    assert metadata(copied) == metadata(given) and headings(copied.sections) == headings(given.sections)
    assert targets(copied) == targets(given)


@pytest.mark.parametrize("stem", ["canzhuo-2015", "xingfuyuan-2015"])  # food safety, care of the elderly
@pytest.mark.parametrize("form", ["docx", "html"])
def test_a_wechat_article_pasted_into_word_or_saved_as_a_page_gives_the_metadata_of_its_text_copy(tmp_path, stem, form):
    # the byline (原创 平潭发布 平潭发布 2015-04-30 18:30 发表于福建) was read in a text file only: a Word copy and a page
    # of the article lost the day it was posted
    lines = (FORMS / f"{stem}.wechat.txt").read_text(encoding="utf-8").split("\n")
    copy = tmp_path / f"{stem}.{form}"
    if form == "docx":
        _word_copy(lines, copy)
    else:
        paragraphs = "".join(f"<p>{line}</p>" for line in lines)
        copy.write_text(f"<html><head><meta charset='utf-8'></head><body><div>{paragraphs}</div></body></html>", encoding="utf-8")
    copied, text = extract(copy), extracted(f"{stem}.wechat.txt")
    assert copied.metadata.published == "2015-04-30"
    assert metadata(copied) == metadata(text) and headings(copied.sections) == headings(text.sections)


# A keyboard's ASCII punctuation in place of the full-width marks (the full stop too, which NFKC leaves alone)
_ASCII_PUNCTUATION = str.maketrans({"，": ",", "。": ".", "；": ";", "：": ":", "（": "(", "）": ")"})


@pytest.mark.parametrize("stem", ["canzhuo-2015", "xingfuyuan-2015"])  # food safety, care of the elderly
def test_a_plan_typed_with_ascii_punctuation_gives_the_headings_and_metadata_of_the_plan_lined_and_flat(tmp_path, stem):
    # （一）建设标准.以满足老年人生活照料…: a title ended at no ASCII full stop and ran on into its sentence; with the line
    # breaks lost too, …工作领导小组.组 长:… and the 1. items after …100%. opened no paragraph
    written = (FORMS / f"{stem}.txt").read_text(encoding="utf-8").split("\n")
    plan_lined, plan_flat = write_lined_and_flat(tmp_path, written)
    (tmp_path / "typed").mkdir()
    typed_lined, typed_flat = write_lined_and_flat(tmp_path / "typed", [line.translate(_ASCII_PUNCTUATION) for line in written])
    for typed, plan in ((typed_lined, plan_lined), (typed_flat, plan_flat)):
        copy, original = extract(typed), extract(plan)
        assert headings(copy.sections) == headings(original.sections) and len(original.sections) >= 3
        assert metadata(copy) == metadata(original)


@pytest.mark.parametrize("plan", ["samples/qingcheng-2021.txt", "tests/data/extra/wufei-chengshi-2018.txt"])
def test_a_plan_typed_with_ascii_punctuation_gives_the_targets_of_the_plan(tmp_path, plan):
    # science literacy, waste: a title ended at no ASCII full stop before a year (（一）启动实施.2021年,制定…;
    # （四）开展评估总结.2021年3月底前,…) and ran on into its sentence
    from conftest import ROOT

    written = (ROOT / plan).read_text(encoding="utf-8")
    typed = tmp_path / "typed.txt"
    typed.write_text(written.translate(_ASCII_PUNCTUATION), encoding="utf-8")
    copy, original = extract(typed), extract(ROOT / plan)
    assert headings(copy.sections) == headings(original.sections)
    assert targets(copy) == targets(original)


@pytest.mark.parametrize("lines", [  # health, transport: a bracketed marker typed with its own full stop, as 一. is
    ["一.总体要求", "(一).基本原则", "坚持预防为主.到2025年,全市居民健康素养水平达到30%."],
    ["一.工作目标", "（1）.公路建设", "加快农村公路建设.到2025年,全县农村公路总里程达到1200公里."],
])
def test_a_bracketed_heading_marker_typed_with_a_full_stop_opens_its_heading(tmp_path, lines):
    page = tmp_path / "page.txt"
    page.write_text("\n".join(["某县工作方案", *lines]) + "\n", encoding="utf-8")
    assert len(list(walk_sections(extract(page).sections))) == 2


def test_a_bracketed_line_with_no_heading_marker_stays_as_written(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("某县农村供水工作方案\n【权威发布】\n一、工作目标\n★★★\n全县农村自来水普及率达到95%。\n", encoding="utf-8")
    texts = [paragraph.text for paragraph in prepare(page).paragraphs]
    assert "【权威发布】" in texts and "★★★" in texts and "一、工作目标" in texts


def test_a_table_row_libreoffice_broke_across_a_page_is_one_row(planparse, tmp_path):
    # tests/data/libreoffice/qingcheng-2021.pdf: row 6 of the 分工表 goes on at the top of the next page, its number cell
    # empty; read as a row of its own it was filled down from row 6 and cut a unit's name in two (区文化广电旅游体|育局)
    from conftest import SAMPLES

    run = planparse("extract", DATA / "libreoffice" / "qingcheng-2021.pdf", "-o", tmp_path / "plan.json")
    assert run.code == 0, run.stderr
    printed, plan = Document.model_validate_json((tmp_path / "plan.json").read_text("utf-8")), extract(SAMPLES / "qingcheng-2021.docx")
    assert [(t.header, t.rows) for t in printed.tables] == [(t.header, t.rows) for t in plan.tables]
    assert responsibilities(printed) == responsibilities(plan)
    assert "区文化广电旅游体育局" in dict((r.heading, r.support) for r in printed.responsibilities)["实施科普基础设施建设工程"]


def test_the_last_row_of_a_table_a_page_break_parted_is_one_row(planparse, tmp_path):
    # tests/data/libreoffice/jiawan-chongdian-sheshi-2024.wps.pdf (EV charging): the 重点项目表's last row ends page 4
    # but for the 座 of 出租车专用充电站12座, alone in its cell at the top of page 5; one row of ruled cells with one
    # filled was taken for a frame, and 座 for a paragraph: the target 出租车专用充电站12座 was lost
    from conftest import ROOT

    run = planparse("extract", DATA / "libreoffice" / "jiawan-chongdian-sheshi-2024.wps.pdf", "-o", tmp_path / "plan.json")
    assert run.code == 0, run.stderr
    printed = Document.model_validate_json((tmp_path / "plan.json").read_text("utf-8"))
    plan = extract(ROOT / "tests" / "data" / "unseen" / "jiawan-chongdian-sheshi-2024.txt")
    assert [(t.header, t.rows) for t in printed.tables] == [(t.header, t.rows) for t in plan.tables]
    assert [(t.value, t.unit, t.deadline) for t in printed.targets] == [(t.value, t.unit, t.deadline) for t in plan.targets]
    assert "出租车专用充电站12座" in {t.quote for t in printed.targets}


def test_a_signature_set_to_the_right_of_a_printed_page_ends_its_paragraph(planparse, tmp_path):
    # tests/data/libreoffice/shanghai-2016-….pdf, the real DOCX printed: the date under the signature (2016 年 2 月 1 日)
    # ends at the right margin, as a full line does, and the timetable's caption under it was read as its continuation
    # (2016年2月1日2016年义务教育阶段…): no date. A line set to the right starts further in than a first line's indent.
    run = planparse("extract", DATA / "libreoffice" / "shanghai-2016-yiwu-jiaoyu-zhaosheng-shishi-yijian.pdf", "-o", tmp_path / "plan.json")
    assert run.code == 0, run.stderr
    printed, plan = json.loads((tmp_path / "plan.json").read_text("utf-8")), extract(DATA / "real" / "shanghai-2016-yiwu-jiaoyu-zhaosheng-shishi-yijian.docx")
    assert printed["metadata"]["date"] == plan.metadata.date == "2016-02-01"
    assert printed["metadata"]["attachments"] == plan.metadata.attachments == ["2016年义务教育阶段学校招生入学工作日程安排"]
    assert outline(printed["sections"]) == [(s.level, s.style.value, s.number, s.title) for s in walk_sections(plan.sections)]


@pytest.mark.parametrize("seed", ["jieyang-2022", "yangzhou-2022", "zhanjiang-2016.wps"])
def test_a_plan_libreoffice_saved_as_a_web_page_gives_the_headings_of_its_docx(planparse, tmp_path, seed):
    # tests/data/libreoffice: the headings are items of nested <ol>s with no marker in their text; a level's number
    # goes on across the lists LibreOffice opens again after each body paragraph. WPS's top level, numbered as an
    # outline, is text (<h1>四、组织实施和保障条件): the lists below it are its （一） items
    from conftest import SAMPLES

    run = planparse("extract", DATA / "libreoffice" / f"{seed}.html", "-o", tmp_path / "plan.json")
    assert run.code == 0, run.stderr
    page, plan = json.loads((tmp_path / "plan.json").read_text("utf-8")), extract(SAMPLES / f"{seed}.docx")
    assert outline(page["sections"]) == [(s.level, s.style.value, s.number, s.title) for s in walk_sections(plan.sections)]
    assert len(outline(page["sections"])) > 15
    assert [(t["value"], t["unit"], t["deadline"]) for t in page["targets"]] == [(t.value, t.unit, t.deadline) for t in plan.targets]


@pytest.mark.parametrize("page, plan", [("qingcheng-2021", "samples/qingcheng-2021.wps.docx"),
                                        ("ningchuan-xingfu-hehu-2024", "tests/data/unseen/ningchuan-xingfu-hehu-2024.txt"),
                                        ("qujiang-fangxun-kanghan-2024", "tests/data/unseen/qujiang-fangxun-kanghan-2024.txt")])
def test_a_wps_plan_libreoffice_saved_as_a_web_page_nests_its_lists_as_their_numbers_go_on(planparse, tmp_path, page, plan):
    # tests/data/libreoffice/*.wps.html: WPS's （一） and 1. lists are all <ol>s at the first depth; the 1. items under
    # （一） lie between its list and the one going on at （二） (<ol start="2">): all had read as （一） items. Science
    # literacy, rivers and lakes, flood control
    from conftest import ROOT

    source = ROOT / plan
    page = DATA / "libreoffice" / f"{page}.wps.html"
    run = planparse("extract", page, "-o", tmp_path / "plan.json")
    assert run.code == 0, run.stderr
    read, written = json.loads((tmp_path / "plan.json").read_text("utf-8")), extract(source)
    assert outline(read["sections"]) == [(s.level, s.style.value, s.number, s.title) for s in walk_sections(written.sections)]
    assert {item[:2] for item in outline(read["sections"])} >= {(2, "cn_paren"), (3, "arabic_dot")}
    assert [(t["value"], t["unit"], t["deadline"]) for t in read["targets"]] == [(t.value, t.unit, t.deadline) for t in written.targets]


def outline(sections: list[dict]) -> list[tuple]:
    return [item for s in sections for item in [(s["level"], s["style"], s["number"], s["title"]), *outline(s["children"])]]


# A mainland plan's own words that Taiwan writes for other things: 专案组 (a case team, Taiwan's 專案 is 项目) and
# 管网 路面 (Taiwan's 網路 is 网络), in a 分工表 of food safety and of housing, beside the mainland's 项目 and 网络
MAINLAND_WORDS_PLAN = """某市食品安全专项整治行动方案
一、工作目标
到2024年底，完成重点项目检查200个，网络订餐平台抽检覆盖率达到100%。
二、任务分工
序号\t工作任务\t牵头单位\t完成时限
1\t开展食品安全专项整治\t市公安局专案组\t2024年12月
2\t完成老旧小区管网路面修复\t市住房城乡建设局\t2024年10月
"""


def test_a_mainland_plan_in_traditional_characters_keeps_its_words_that_taiwan_writes_otherwise(tmp_path):
    # the document's wording is judged whole: a table cell alone (市公安局專案組) has a Taiwan word and no mainland one
    import opencc

    simplified, traditional = tmp_path / "simplified.txt", tmp_path / "traditional.txt"
    simplified.write_text(MAINLAND_WORDS_PLAN, encoding="utf-8")
    traditional.write_text(opencc.OpenCC("s2t").convert(MAINLAND_WORDS_PLAN), encoding="utf-8")
    plan, form = extract(simplified), extract(traditional)
    assert [(r.heading, r.lead) for r in plan.responsibilities] == [("开展食品安全专项整治", ["市公安局专案组"]),
                                                                    ("完成老旧小区管网路面修复", ["市住房城乡建设局"])]
    assert [(r.heading, r.lead) for r in form.responsibilities] == [(r.heading, r.lead) for r in plan.responsibilities]
    assert form.tables[0].rows == plan.tables[0].rows


# mainland plans that write Taiwan's other-sense words (專案組, 管網路面, 健康資訊) and never the mainland's 項目 or 網絡
MAINLAND_PLANS_WITHOUT_COUNTERPARTS = [
    "某市掃黑除惡專項行動方案\n一、工作目標\n到2025年，偵破涉黑涉惡案件50起以上。\n二、重點任務\n（一）組建專案組\n"
    "市公安局牽頭組建專案組，開展專案偵查。\n（二）開展專案行動\n每季度開展集中統一行動1次。\n",
    "某縣城鎮供水管網改造方案\n一、工作目標\n到2025年，完成老舊管網改造80公里。\n二、重點任務\n（一）管網路面同步修復\n"
    "管網路面修復與改造同步實施。\n（二）健康資訊公開\n每月公開供水水質健康資訊。\n",
]


@pytest.mark.parametrize("plan", MAINLAND_PLANS_WITHOUT_COUNTERPARTS, ids=["public-security", "water-supply"])
def test_a_mainland_plan_in_traditional_characters_is_not_taken_for_taiwans_for_lack_of_mainland_words(tmp_path, plan):
    import opencc

    traditional, simplified = tmp_path / "traditional.txt", tmp_path / "simplified.txt"
    traditional.write_text(plan, encoding="utf-8")
    simplified.write_text(opencc.OpenCC("t2s").convert(plan), encoding="utf-8")
    assert headings(extract(traditional).sections) == headings(extract(simplified).sections)


@pytest.mark.parametrize("stem", ["jieyang-2022", "qingcheng-2021", "yangzhou-2022"])
@pytest.mark.parametrize("form", [*MAKE_PAGES.FORMS, "mht", "unversioned-mht"])
def test_a_plan_as_other_sites_and_tools_write_its_page_gives_the_plan(tmp_path, stem, form):
    # Word's web page (<o:p>, list numbers in supportLists blocks), a TRS site (its style sheet inside the article),
    # layout tables in GB18030, <br/> lines under a menu row (首页 | 政府信息公开, no line of the plan's), two columns
    # (a side column of related documents and a 解读 with figures of its own, before the article); Word's page saved
    # as a single file (MHTML, quoted-printable GB2312) and offered as 附件.doc, with or without its MIME-Version (without,
    # it gave nothing: read as text named .doc, as a page of no text named .mht)
    from conftest import SAMPLES

    plan = extract(SAMPLES / f"{stem}.txt")
    page = tmp_path / f"{stem}.{'doc' if form.endswith('mht') else 'html'}"
    page.write_bytes(MAKE_PAGES.pages([p.text for p in prepare(SAMPLES / f"{stem}.txt").paragraphs], plan.metadata.title)[form])
    form_doc = extract(page)
    assert headings(form_doc.sections) == headings(plan.sections)
    assert targets(form_doc) == targets(plan)
    assert metadata(form_doc) == metadata(plan)


@pytest.mark.parametrize("stem", ["jinjiang-2022", "yangzhou-2022"])
def test_a_plan_printed_in_a_gazettes_two_columns_gives_the_plan(stem):
    # 五号 type in two columns two characters apart, tables across both (samples/make_samples.py GazetteWriter): a
    # line whose punctuation hangs into the gap stays in its column, and each column's own edges tell where its
    # paragraphs open (a title as wide as the column ends before the indented line under it)
    from conftest import SAMPLES

    plan, form = extract(SAMPLES / f"{stem}.txt"), extract(SAMPLES / f"{stem}.gazette.pdf")
    assert headings(form.sections) == headings(plan.sections)
    assert targets(form) == targets(plan)
    assert metadata(form) == metadata(plan)


def test_a_plan_printed_alone_as_its_notices_attachment_gives_the_plan():
    # 附件 over the plan's title on a page numbered — 3 —, no notice before it, its 分工表 on pages turned sideways
    # (samples/make_samples.py SidewaysTablesWriter); nothing of the notice is made up
    import pypdfium2

    from conftest import SAMPLES

    attachment = SAMPLES / "jieyang-2022.attachment.pdf"
    pdf = pypdfium2.PdfDocument(attachment)
    assert any(pdf[index].get_width() > pdf[index].get_height() for index in range(len(pdf)))
    pdf.close()
    plan, form = extract(SAMPLES / "jieyang-2022.txt"), extract(attachment)
    assert headings(form.sections) == headings(plan.sections)
    assert targets(form) == targets(plan)
    assert [(r.lead, r.support) for r in form.responsibilities] == [(r.lead, r.support) for r in plan.responsibilities]
    assert [table.rows for table in form.tables] == [table.rows for table in plan.tables]
    assert (form.metadata.title, form.metadata.period) == (plan.metadata.title, plan.metadata.period)
    assert (form.metadata.notice_title, form.metadata.doc_number, form.metadata.date) == (None, None, None)


# Plans whose title is printed only on a cover image: the body opens with its first chapter
COVERED_PLANS = {
    "land use": ("附件：某市2025年度城市建设与土地利用实施计划", "某市2025年度城市建设与土地利用实施计划",
                 ["第一章 总则", "第一条 为加强土地利用计划管理，制定本计划。", "第二条 全市计划供应建设用地1200公顷。"]),
    "health": ("某县基层医疗卫生服务能力提升行动方案.doc", "某县基层医疗卫生服务能力提升行动方案",
               ["一、工作目标", "到2025年，全县村卫生室标准化建设达标率达到100%。", "二、保障措施", "各乡镇要落实主体责任。"]),
}


@pytest.mark.parametrize("field", COVERED_PLANS)
def test_a_pdf_whose_title_is_only_on_its_cover_image_is_titled_by_its_information(tmp_path, field):
    # Word's printer driver titles the PDF 'Microsoft Word - ' and the file's name, which Acrobat Distiller on a
    # Chinese Windows writes as the hex of its GBK bytes inside the string: <4D6963…>
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen.canvas import Canvas

    file_name, title, lines = COVERED_PLANS[field]
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "plan.pdf"
    canvas = Canvas(str(path), invariant=1)
    canvas.setTitle("<" + ("Microsoft Word - " + file_name).encode("gbk").hex().upper() + ">")
    canvas.setFont("STSong-Light", 15.75)
    for number, line in enumerate(lines):
        canvas.drawString(90, 700 - number * 29, line)
    canvas.save()
    assert extract(path).metadata.title == title


_BOX_NAMESPACES = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                   'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                   'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
                   'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
                   'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"')


def _in_text_box(text: str, inside: str = ""):
    """A paragraph holding ``text`` in a text box, as Word writes one: a drawing, and its VML copy for older readers;
    ``inside``: more of the box's content after ``text`` (another box's paragraph)."""
    from xml.sax.saxutils import escape

    from docx.oxml import parse_xml

    content = f'<w:txbxContent><w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>{inside}</w:txbxContent>'
    return parse_xml(
        f'<w:p {_BOX_NAMESPACES}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" '
        'distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:extent cx="5000000" cy="400000"/><wp:docPr id="1" name="Text Box 1"/><a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f'<wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')


@pytest.mark.parametrize("stem", ["jinjiang-2022", "qingcheng-2021"])
def test_a_docx_with_its_title_and_top_headings_in_text_boxes_gives_the_plan(tmp_path, stem):
    # A banner for each 一、 and the title set in a box: read once each (not from the box's VML copy too), in place
    import docx

    from conftest import SAMPLES

    plan = prepare(SAMPLES / f"{stem}.txt")
    document = docx.Document()
    title = plan.metadata.title
    for paragraph in plan.paragraphs:
        if paragraph.in_table:
            continue
        boxed = paragraph.text == title or (any(s.marker == paragraph.text[:len(s.marker)] and s.level == 1 and
                                                paragraph.text == s.marker + s.title for s in plan.outline.sections))
        if boxed:
            document.element.body.insert_element_before(_in_text_box(paragraph.text), "w:sectPr")
        else:
            document.add_paragraph(paragraph.text)
    path = tmp_path / f"{stem}.docx"
    document.save(path)
    form, given = extract(path), extract(SAMPLES / f"{stem}.txt")
    assert headings(form.sections) == headings(given.sections)
    assert metadata(form)[0] == metadata(given)[0]


def test_a_title_of_a_set_form_run_into_its_sentence_comes_apart():
    # 一、活动时间节能宣传周：2015年6月13日至6月19日 / 二、活动主题低碳城市，宜居可持续: a title of a set form closes where
    # it ends, whatever follows (宣传重点 is no such title: its sentence opens with 节能宣传周期间)
    titles = [s.title for s in extracted("jieneng-2015.flat.txt").sections]
    assert titles[:2] == ["活动时间", "活动主题"] and titles[3:] == ["宣传形式和内容", "保障措施"]


@pytest.mark.parametrize("lines", [
    # environment and health: an action's goal of its own year, then the label of its tasks (主要任务：, 工作措施：)
    ["某县大气污染防治三年行动方案（2024—2026年）", "一、重点行动", "（一）燃煤锅炉整治行动",
     "行动目标：到2026年，全县空气质量优良天数比例达到90%以上。", "主要任务：", "1.淘汰燃煤锅炉。每年淘汰10蒸吨以下燃煤锅炉20台。",
     "2.加强监测。新建空气质量监测站3个。", "二、保障措施", "各乡镇要落实属地责任。"],
    ["某区基层医疗服务能力提升三年行动方案（2024—2026年）", "一、重点行动", "（一）家庭医生签约行动",
     "行动目标：到2026年，重点人群签约率达到80%。", "工作措施：", "1.组建签约团队。每个卫生院组建家庭医生团队不少于5个。",
     "2.开展入户随访。每个签约家庭每年入户随访不少于4次。", "二、保障措施", "各卫生院要配齐人员。"],
])
def test_a_goals_year_reaches_no_task_after_the_label_of_its_tasks_in_flat_text(tmp_path, lines):
    # in lined text the label stands on a line of its own; run into the goal's sentence it handed it the goal's year
    lined, flat = tmp_path / "lined.txt", tmp_path / "flat.txt"
    lined.write_text("\n".join(lines) + "\n", encoding="utf-8")
    flat.write_text("".join(lines) + "\n", encoding="utf-8")
    deadlines = [{target.quote: target.deadline for target in extract(plan).targets} for plan in (lined, flat)]
    assert deadlines[0] == deadlines[1] and len(deadlines[0]) >= 3


def test_a_text_box_inside_a_text_box_is_read_once_in_place(tmp_path):
    # a banner box holding the title's own box (养老), then the body
    import docx
    from lxml import etree

    from planparse.readers.docx import read_docx

    document = docx.Document()
    inner = etree.tostring(_in_text_box("某县养老服务体系建设实施方案")).decode()
    document.element.body.insert_element_before(_in_text_box("某县民政局", inside=inner), "w:sectPr")
    document.add_paragraph("一、总体要求")
    document.add_paragraph("到2025年，建成养老服务中心10个。")
    path = tmp_path / "boxed.docx"
    document.save(path)
    lines, _ = read_docx(path, path.read_bytes())
    assert [line.text for line in lines if line.text] == ["某县民政局", "某县养老服务体系建设实施方案", "一、总体要求", "到2025年，建成养老服务中心10个。"]


TWO_COLUMN_PLANS = {
    "environment": ["某县农村生活污水治理实施方案", "为改善农村人居环境，制定本方案。",
                    ("一、总体目标", ["到2025年，全县农村生活污水治理率达到60%以上。", "（一）治理重点", "优先治理水源保护区内的村庄。"]),
                    ("二、主要任务", ["（一）建设治理设施", "新建污水处理站30座。", "（二）完善运维机制", "运维覆盖率达到100%。"]),
                    ("三、保障措施", ["各乡镇要落实主体责任。"])],
    "education": ["某区学前教育普惠发展行动方案", "为推进学前教育普及普惠，制定本方案。",
                  ("一、工作目标", ["到2024年，全区学前三年毛入园率达到95%。"]),
                  ("二、重点任务", ["（一）扩大普惠资源", "新建公办幼儿园5所。", "（二）提升保教质量", "开展园长培训200人次。"]),
                  ("三、组织保障", ["区教育局牵头，各街道配合。"])],
}


def _numbered_by_word(document, paragraph) -> None:
    """``paragraph`` numbered by Word's own list of 一、 二、 (its marker shown, not typed)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element
    if not numbering.xpath('w:num[@w:numId="90"]'):
        numbering.find(parse_xml(f'<w:num {nsdecls("w")}/>').tag).addprevious(parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'))
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'))


@pytest.mark.parametrize("numbered", [False, True], ids=["typed", "word-numbered"])
@pytest.mark.parametrize("field", TWO_COLUMN_PLANS)
def test_a_docx_laid_out_in_two_columns_gives_the_headings_of_its_text(tmp_path, field, numbered):
    # a plan whose top-level headings sit in a table's left column, their text in the right one, each a row; their
    # markers typed, or shown by Word's list numbering (the cell's text is then the title alone: 总体目标)
    import docx

    title, preamble, *parts = TWO_COLUMN_PLANS[field]
    lines = [title, preamble] + [line for heading, text in parts for line in (heading, *text)]
    text_plan = tmp_path / "plan.txt"
    text_plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
    document = docx.Document()
    document.add_paragraph(title)
    document.add_paragraph(preamble)
    table = document.add_table(rows=len(parts), cols=2)
    for row, (heading, text) in zip(table.rows, parts):
        row.cells[0].text = heading.split("、", 1)[1] if numbered else heading
        if numbered:
            _numbered_by_word(document, row.cells[0].paragraphs[0])
        row.cells[1].text = text[0]
        for line in text[1:]:
            row.cells[1].add_paragraph(line)
    path = tmp_path / "plan.docx"
    document.save(path)
    form, given = extract(path), extract(text_plan)
    assert len(given.sections) == 3
    assert headings(form.sections) == headings(given.sections)
    assert [(t.value, t.unit) for t in form.targets] == [(t.value, t.unit) for t in given.targets]


@pytest.mark.parametrize("name", ["chengzhou-baozhang-zufang-2024.framed.docx", "lanshan-tuoyu-fuwu-2024.framed.docx",
                                  "chengzhou-baozhang-zufang-2024.framed.html"],
                         ids=["housing-under-boxes", "childcare-beside-links", "housing-page-under-boxes"])
def test_a_plan_laid_out_in_one_cell_of_a_table_gives_the_plan(name):
    # 红头 templates and sites' pages pasted into Word lay a plan's body, its tables inside, in one cell of a table,
    # under boxes of its 索引号, 发布机构 and 文号 or beside a column of links, and old sites' pages do so in HTML
    # (tests/data/unseen/copies/make_copies.py): the cell is read as the paragraphs it holds, not as one cell of a table
    # (which gave no heading, no target and no metadata)
    plan, form = extract(UNSEEN / f"{name.split('.')[0]}.txt"), extract(UNSEEN / "copies" / name)
    assert len(plan.sections) >= 3 and len(plan.targets) >= 20
    assert headings(form.sections) == headings(plan.sections)
    assert targets(form) == targets(plan)
    assert responsibilities(form) == responsibilities(plan) and metadata(form) == metadata(plan)


@pytest.mark.parametrize("form", ["docx", "html"])
def test_a_plan_framed_under_a_box_of_labels_and_values_gives_its_headings(tmp_path, form):
    # a site's box over the plan's cell, 发布单位 | 某县人民政府办公室 | 责任部门 | 县农业农村局: labels and values, no header
    # of columns, though 责任部门 heads a 分工表's column (agriculture); the plan's cell is its body
    import docx

    box = ["发布单位", "某县人民政府办公室", "责任部门", "县农业农村局"]
    body = ["某县高标准农田建设实施方案", "一、总体目标", "到2025年，全县累计建成高标准农田30万亩，新增高效节水灌溉面积2万亩。" * 3,
            "二、重点任务", "（一）推进农田建设。每年新建高标准农田5万亩，改造提升3万亩，田间道路通达率达到90%以上。" * 3,
            "三、保障措施", "县财政每年安排农田建设配套资金不少于3000万元，各乡镇要落实管护责任。" * 2]
    path = tmp_path / f"plan.{form}"
    if form == "html":
        path.write_text("<html><head><meta charset='utf-8'></head><body><table><tr>" + "".join(f"<td>{cell}</td>" for cell in box)
                        + "</tr><tr><td colspan='4'>" + "".join(f"<p>{text}</p>" for text in body) + "</td></tr></table></body></html>",
                        encoding="utf-8")
    else:
        document = docx.Document()
        table = document.add_table(rows=2, cols=4)
        for cell, text in zip(table.rows[0].cells, box):
            cell.text = text
        cell = table.rows[1].cells[0].merge(table.rows[1].cells[3])
        cell.text = body[0]
        for text in body[1:]:
            cell.add_paragraph(text)
        document.save(path)
    assert [section.title for section in extract(path).sections] == ["总体目标", "重点任务", "保障措施"]


def _plan_beside_its_office(path: Path, office: str, body: list[str]) -> Path:
    """``path`` (.docx or .html) written as a table of one row: the office's cell, then the plan's, its paragraphs ``body``."""
    import docx

    if path.suffix == ".html":
        path.write_text("<html><head><meta charset='utf-8'></head><body><table><tr><td>" + office + "</td><td>"
                        + "".join(f"<p>{text}</p>" for text in body) + "</td></tr></table></body></html>", encoding="utf-8")
        return path
    document = docx.Document()
    left, right = document.add_table(rows=1, cols=2).rows[0].cells
    left.text, right.text = office, body[0]
    for text in body[1:]:
        right.add_paragraph(text)
    document.save(path)
    return path


@pytest.mark.parametrize("form", ["docx", "html"])
@pytest.mark.parametrize("office, body", [
    ("某县农业农村局", ["某县农村人居环境整治实施方案", "一、总体目标", "到2025年，全县农村卫生厕所普及率达到90%以上，生活垃圾无害化处理率达到95%。" * 3,
                   "二、重点任务", "（一）推进农村厕所革命。每年新建改建农村户厕3000户，新建农村公厕50座。" * 3,
                   "三、保障措施", "加强组织领导，落实资金保障，强化督导考核，确保各项任务按期完成。" * 2]),
    ("某市教育局", ["某市学前教育提升行动方案", "一、发展目标", "到2026年，全市学前三年毛入园率达到95%以上，普惠性幼儿园覆盖率达到85%。" * 3,
                "二、主要任务", "（一）扩大普惠资源。新建公办幼儿园20所，新增公办学位6000个。" * 3,
                "三、组织保障", "各县（市、区）要健全工作机制，加大经费投入，按期完成各项任务。" * 2]),
    # headings of one style (一、 二、 三、), each alone over its passages: a plan's, as no task's steps are (culture, safety)
    ("某县文化和旅游局", ["某县公共文化服务提升实施方案", "一、总体目标", "到2025年，全县建成城市书房10个，每年开展送戏下乡演出120场以上。" * 4,
                  "二、重点任务", "新建乡镇综合文化站5个，改造村级综合文化服务中心50个。" * 4,
                  "三、保障措施", "加强组织领导，落实经费保障，强化督导考核，确保各项任务按期完成。" * 3]),
    ("某市应急管理局", ["某市安全生产专项整治实施方案", "一、工作目标", "到2025年，全市每年培训企业安全管理人员3000人次，完成危化品企业自动化改造60家。" * 3,
                 "二、主要任务", "每年开展安全生产执法检查不少于2000家次，重大事故隐患整改率达到100%。" * 3,
                 "三、工作要求", "各地各部门要提高认识，压实责任，确保整治工作取得实效。" * 3]),
], ids=["rural-sanitation", "preschool", "culture-one-style", "safety-one-style"])
def test_a_plan_laid_out_beside_a_cell_naming_its_office_gives_its_headings(tmp_path, form, office, body):
    # an old site's page, or a template pasted into Word, puts the issuing office in a narrow cell left of the plan's:
    # the plan's headings stand alone over their passages (一、总体目标 over 到2025年…。), as no task's steps (1.新建…。) do,
    # so the cell is the plan's body, not a task beside its unit (which gave no heading, no target and no responsibility)
    plan = extract(_plan_beside_its_office(tmp_path / f"plan.{form}", office, body))
    assert [section.title for section in plan.sections] == [body[1][2:], body[3][2:], body[5][2:]]
    assert len(plan.targets) >= 4


@pytest.mark.parametrize("form", ["docx", "html"])
@pytest.mark.parametrize("office, body", [
    ("某县农业农村局", ["某县农村人居环境整治实施方案", "一、总体目标：到2025年，全县农村卫生厕所普及率达到95%以上，农村生活垃圾无害化处理率达到90%。" * 3,
                   "二、重点任务：每年完成农村户厕改造2000户，新建农村污水处理站30座，创建美丽乡村示范村20个。" * 3,
                   "三、保障措施：各乡镇要加强组织领导，县财政每年安排专项资金1000万元。" * 2]),
    ("某县卫生健康局", ["某县基层卫生服务能力提升方案", "一、工作目标。到2025年，全县家庭医生签约服务覆盖率达到75%以上。" * 3,
                   "二、主要任务。每年培训乡村医生500人次，新建村卫生室20个，建成县域医共体1个。" * 3,
                   "三、工作要求。各乡镇卫生院要明确责任，细化措施，按期完成各项任务。" * 2]),
], ids=["rural-sanitation", "health"])
def test_a_plan_whose_headings_run_into_their_text_beside_its_office_gives_its_headings(tmp_path, form, office, body):
    # a web page prints the plan's 一、 二、 三、 with their text on the same line after a colon or a full stop
    # (一、总体目标：到2025年…): a short title, then its text, as no task's step is written (1.新建…，…); beside its office's
    # cell it is the plan's body still (gave no heading and no target)
    plan = extract(_plan_beside_its_office(tmp_path / f"plan.{form}", office, body))
    assert [section.title[:4] for section in plan.sections] == [text[2:6] for text in body[1:]]
    assert len(plan.targets) >= 4


@pytest.mark.parametrize("form", ["docx", "html"])
@pytest.mark.parametrize("office, body", [
    ("某县农业农村局", ["某县农村人居环境整治实施方案", "一、总体目标：到2025年，全县农村卫生厕所普及率达到95%以上。",
                   "二、重点任务：（一）推进农村改厕。每年完成农村户厕改造2000户。（二）治理生活污水。新建农村污水处理站30座。",
                   "三、保障措施：县财政每年安排专项资金1000万元。"]),
    ("某县教育局", ["某县学前教育提升方案", "一、工作目标。到2025年，全县学前教育毛入园率达到92%以上。",
                "二、主要任务。新建公办幼儿园8所，每年培训幼儿教师300人次。", "三、工作要求。各乡镇要明确责任。"]),
], ids=["rural-sanitation", "preschool"])
def test_a_short_plan_beside_its_office_in_a_frame_of_one_row_gives_its_targets(tmp_path, form, office, body):
    # a plan of a few lines (under 300 characters) in a frame of one row beside its office's cell was no page by its
    # length: kept a one-row table of a unit and a task, it gave no heading and no target (stop 53, in.md 1)
    plan = extract(_plan_beside_its_office(tmp_path / f"plan.{form}", office, body))
    assert [section.title[:4] for section in plan.sections] == [text[2:6] for text in body[1:]]
    assert len(plan.targets) >= 3


@pytest.mark.parametrize("form", ["docx", "html"])
@pytest.mark.parametrize("rows", [
    [("城镇新增就业人数", "人", "5000", "5500"), ("开展职业技能培训", "人次", "8000", "9000")],
    [("养老机构护理型床位占比", "%", "55", "60"), ("新建社区老年食堂", "个", "12", "15")],
], ids=["employment", "elderly-care"])
def test_a_value_header_spanning_the_last_columns_over_their_years_dates_each(tmp_path, form, rows):
    # 序号 | 指标名称 | 单位 merged down over two header rows, 目标值 merged across the last two columns over 2025年 | 2026年:
    # the columns 目标值 spans are the empty cells after it in the grid, not a header shorter than the rows (目标值 was
    # moved to the last column alone, 指标名称 spread over two: each row's first value was read as the unit of its last)
    import docx

    path = tmp_path / f"plan.{form}"
    if form == "html":
        cells = "".join(f"<tr><td>{i}</td>" + "".join(f"<td>{text}</td>" for text in row) + "</tr>" for i, row in enumerate(rows, 1))
        path.write_text("<html><head><meta charset='utf-8'></head><body><p>一、主要指标</p><table border=1><tr><td rowspan=2>序号</td>"
                        "<td rowspan=2>指标名称</td><td rowspan=2>单位</td><td colspan=2>目标值</td></tr><tr><td>2025年</td><td>2026年</td></tr>"
                        + cells + "</table><p>二、保障措施</p><p>加强组织领导。</p></body></html>", encoding="utf-8")
    else:
        document = docx.Document()
        document.add_paragraph("一、主要指标")
        table = document.add_table(rows=2 + len(rows), cols=5)
        for column, name in enumerate(["序号", "指标名称", "单位"]):
            table.cell(0, column).merge(table.cell(1, column)).text = name
        table.cell(0, 3).merge(table.cell(0, 4)).text = "目标值"
        table.cell(1, 3).text, table.cell(1, 4).text = "2025年", "2026年"
        for number, row in enumerate(rows, 1):
            for column, text in enumerate([str(number), *row]):
                table.cell(1 + number, column).text = text
        document.add_paragraph("二、保障措施")
        document.save(path)
    expected = [(float(value), unit, year) for _, unit, *values in rows for value, year in zip(values, (2025, 2026))]
    assert [(t.value, t.unit, t.deadline) for t in extract(path).targets] == expected


TASK_ROWS = {  # a task table of one row, its task's cell a page of numbered steps (transport, health)
    "transport": ["新建和改造农村公路。1.新建通自然村硬化路120公里，优先解决30户以上自然村通硬化路问题，路面宽度不低于4.5米，"
                  "同步完善安全防护设施和排水设施。2.实施危旧桥梁改造25座，2025年底前完成全部四类、五类危桥改造，"
                  "确保桥梁技术状况评定每年开展1次。3.建设乡镇综合运输服务站8个，推动客运、货运、邮政快递融合发展，"
                  "到2025年建制村快递服务通达率达到100%。4.实施农村公路生命防护工程300公里，重点整治临水临崖、"
                  "急弯陡坡路段，设置警示标志和防护栏，每年开展一次隐患排查，发现隐患及时整改到位。5.完善农村公路管养机制，"
                  "全面落实县乡村三级路长制，县级财政每年安排农村公路养护资金不少于2000万元，优良中等路率达到85%以上。",
                  "县交通运输局", "2025年底"],
    "health": ["提升基层医疗卫生服务能力。1.推进乡镇卫生院标准化建设，2025年底前全县15个乡镇卫生院全部达到服务能力基本标准，"
               "其中5个达到推荐标准。2.加强村卫生室建设，每个行政村至少设置1个村卫生室，配备乡村医生不少于1名，"
               "村卫生室医保结算覆盖率达到100%。3.实施基层卫生人才培训，每年培训乡村医生500人次，定向培养农村订单医学生30名，"
               "乡镇卫生院全科医生数量达到每万人口3名以上。4.推进县域医共体建设，实现县域内检查检验结果互认，"
               "远程诊疗覆盖全部乡镇卫生院和60%以上的村卫生室。5.提升基层中医药服务能力，2025年底前所有乡镇卫生院建成中医馆，"
               "80%以上的村卫生室能够提供6类以上中医药适宜技术服务，每个乡镇卫生院至少配备1名中医类别医师。",
               "县卫生健康局", "2025年底"],
}


@pytest.mark.parametrize("form", ["docx", "html"])
@pytest.mark.parametrize("field", TASK_ROWS)
@pytest.mark.parametrize("header", [["重点任务", "牵头单位", "完成时限"], ["重点任务", "责任单位"], []], ids=["with-time", "unit-alone", "no-header"])
def test_a_task_table_whose_one_row_holds_a_page_of_numbered_steps_stays_a_table(tmp_path, field, form, header):
    # the task's cell holds most of the table's text in paragraphs opened by 1. 2. 3., as a framed plan's body does,
    # but it stands beside its unit and its time, as no frame's body does, or under a row naming the columns (beside
    # its unit alone, it was read as a frame: the steps were headings and the row's unit was lost); with no header row,
    # the table's one row is read as the task table it is
    import docx

    (task, *steps), rest = re.split(r"(?=\d\.)", TASK_ROWS[field][0]), TASK_ROWS[field][1:max(2, len(header))]
    path = tmp_path / f"plan.{form}"
    if form == "html":
        cell = "".join(f"<p>{html.escape(part)}</p>" for part in [task, *steps])
        path.write_text("<html><head><meta charset='utf-8'></head><body><p>一、重点任务</p><table border=1>"
                        + "".join(f"<tr>{''.join(f'<td>{name}</td>' for name in header)}</tr>" for _ in header[:1]) + f"<tr><td>{cell}</td>"
                        + "".join(f"<td>{text}</td>" for text in rest) + "</tr></table></body></html>", encoding="utf-8")
    else:
        document = docx.Document()
        document.add_paragraph("一、重点任务")
        table = document.add_table(rows=1 + bool(header), cols=1 + len(rest))
        for cell, text in zip(table.rows[0].cells, header):
            cell.text = text
        table.rows[-1].cells[0].text = task
        for step in steps:
            table.rows[-1].cells[0].add_paragraph(step)
        for cell, text in zip(table.rows[-1].cells[1:], rest):
            cell.text = text
        document.save(path)
    raw = readers.read_document(path)
    assert len(raw.tables) == 1 and (not header or raw.tables[0].header == header)
    assert [(r.lead + r.support, r.source) for r in extract(path).responsibilities] == [([rest[0]], "table")]


@pytest.mark.parametrize("stem", ["jieyang-2022", "jinjiang-2022", "qingcheng-2021", "yangzhou-2022", "zhanjiang-2016"])
def test_a_plan_exported_as_markdown_gives_the_plan(stem):
    # samples/make_samples.py write_markdown: a front matter, ## 一、 and ### （一） headings, bold titles, 1\. escaped,
    # the 分工表 a pipe table whose merged cells are empty
    from conftest import SAMPLES

    plan, form = extract(SAMPLES / f"{stem}.txt"), extract(SAMPLES / f"{stem}.md")
    assert form.source.format == "md"
    assert headings(form.sections) == headings(plan.sections)
    assert targets(form) == targets(plan)
    assert metadata(form) == metadata(plan)
    assert responsibilities(form) == responsibilities(plan)
    assert [(t.header, t.rows) for t in form.tables] == [(t.header, t.rows) for t in plan.tables]


def _as_pipe_tables(text: str, row_break: str = "\n", delimited: bool = True) -> str:
    """``text`` with each run of its lines holding tabs (a table typed with tabs) written as a pipe table, as a Markdown
    editor, a chat or a wiki gives one to paste: its first row the header, a |---| row under it (none where not
    ``delimited``: a copy that lost it); ``row_break`` between its rows (a space or nothing: a table whose line breaks
    were lost)."""
    lines, table = [], []
    for line in text.split("\n") + [""]:
        cells = line.split("\t")
        if len(cells) > 1:
            table += ["| " + " | ".join(cells) + " |"] + ([] if table or not delimited else ["|" + "---|" * len(cells)])
            continue
        if table:
            lines.append(row_break.join(table))
            table = []
        lines.append(line)
    return "\n".join(lines[:-1])


@pytest.mark.parametrize("plan", [
    # science literacy's 分工表 (lead units, deadlines), health's and transport's indicator tables with yearly columns
    SAMPLES / "jieyang-2022.txt", UNSEEN / "xianglan-yiliao-baozhang-guihua-2021.txt", UNSEEN / "shiquan-sihao-nongcunlu-2023.txt"],
    ids=lambda path: path.stem)
def test_a_text_with_its_tables_pasted_as_pipe_tables_gives_the_plan(tmp_path, plan):
    # a table as | 指标 | 2025年 | rows under a |---| row was one line of words a row: its figures gave no target, its
    # units no responsibility
    pasted = tmp_path / "plan.txt"
    pasted.write_text(_as_pipe_tables(plan.read_text(encoding="utf-8")), encoding="utf-8")
    form, given = extract(pasted), extract(plan)
    assert given.tables and [(t.header, t.rows) for t in form.tables] == [(t.header, t.rows) for t in given.tables]
    assert targets(form) == targets(given)
    assert responsibilities(form) == responsibilities(given)
    assert headings(form.sections) == headings(given.sections)


@pytest.mark.parametrize("suffix", [".txt", ".md"])
@pytest.mark.parametrize("plan", [SAMPLES / "jieyang-2022.txt", UNSEEN / "xianglan-yiliao-baozhang-guihua-2021.txt"], ids=lambda path: path.stem)
def test_a_pipe_table_that_lost_its_delimiter_row_gives_the_tables_rows(tmp_path, plan, suffix):
    # science literacy's 分工表 and health's indicator table pasted as rows framed by pipes with no |---| row under the
    # header (a chat's or a notes app's copy): each row was a line of words, its figures no target, its units no duty.
    # (A Markdown file's table is the reader's, its header written again over a page's rows a table of its own, as
    # with the |---| row: the rows are compared.)
    pasted = tmp_path / f"plan{suffix}"
    pasted.write_text(_as_pipe_tables(plan.read_text(encoding="utf-8"), delimited=False), encoding="utf-8")
    form, given = extract(pasted), extract(plan)
    assert given.tables and [row for t in form.tables for row in t.rows] == [row for t in given.tables for row in t.rows]
    assert targets(form) == targets(given)
    assert responsibilities(form) == responsibilities(given)


@pytest.mark.parametrize("row_break", [" ", ""], ids=["spaces", "none"])
@pytest.mark.parametrize("plan", [UNSEEN / "xianglan-yiliao-baozhang-guihua-2021.txt", UNSEEN / "shiquan-sihao-nongcunlu-2023.txt"],
                         ids=lambda path: path.stem)
def test_a_pipe_table_run_onto_one_line_gives_the_tables_targets(tmp_path, plan, row_break):
    # health's and transport's indicator tables pasted as pipe tables whose line breaks were lost, each on one line
    # (| 指标 | 2025年 | |---|---| | …): the line gave no target
    pasted = tmp_path / "plan.txt"
    pasted.write_text(_as_pipe_tables(plan.read_text(encoding="utf-8"), row_break), encoding="utf-8")
    form, given = extract(pasted), extract(plan)
    assert given.tables and [(t.header, t.rows) for t in form.tables] == [(t.header, t.rows) for t in given.tables]
    assert targets(form) == targets(given)
    assert headings(form.sections) == headings(given.sections)


@pytest.mark.parametrize("plan", [UNSEEN / "shiquan-sihao-nongcunlu-2023.txt", UNSEEN / "bochuan-yanglao-fuwu-guihua-2021.txt",
                                  UNSEEN / "huayang-daqi-wuran-fangzhi-2024.txt"], ids=lambda path: path.stem)
def test_a_pipe_table_in_a_text_whose_every_line_break_was_lost_gives_the_tables_targets(tmp_path, plan):
    # transport's, elderly care's and air quality's tables pasted as pipe tables, then every line break lost (a crawl
    # of a page, a chat's copy): the prose around each table ends sentences, so the table was left in its line, its
    # figures no target, and the headings after it were not found
    lined, flat = tmp_path / "lined.txt", tmp_path / "flat.txt"
    lined.write_text(_as_pipe_tables(plan.read_text(encoding="utf-8")), encoding="utf-8")
    flat.write_text(_as_pipe_tables(plan.read_text(encoding="utf-8"), " ").replace("\n", ""), encoding="utf-8")
    form, given = extract(flat), extract(lined)
    assert given.tables and [(t.header, t.rows) for t in form.tables] == [(t.header, t.rows) for t in given.tables]
    assert targets(form) == targets(given)
    assert headings(form.sections) == headings(given.sections)


@pytest.mark.parametrize("plan", [SAMPLES / "jieyang-2022.txt", UNSEEN / "linxi-weisheng-jiankang-guihua-2022.txt"],
                         ids=lambda path: path.stem)
def test_a_text_with_its_headings_set_with_hashes_gives_the_plan(tmp_path, plan):
    # Markdown pasted into a .txt (science literacy, health): # over the notice's title, ## 一、, ### （一）, #### 1., the
    # first closed with hashes too. The hashes were read as text: no heading opened a section, the notice's title was
    # #关于印发…, its issuer #
    given = extract(plan)
    lines = plan.read_text(encoding="utf-8").split("\n")
    for section in walk_sections(given.sections):
        lines[section.line - 1] = "#" * (section.level + 1) + " " + lines[section.line - 1] + (" ##" if section.id == "1" else "")
    lines[0] = "# " + lines[0]
    pasted = tmp_path / "plan.txt"
    pasted.write_text("\n".join(lines), encoding="utf-8")
    form = extract(pasted)
    assert len(given.sections) >= 3
    assert headings(form.sections) == headings(given.sections)
    assert targets(form) == targets(given)
    assert metadata(form) == metadata(given)


@pytest.mark.parametrize("bullet", ["- ", "* ", "+ ", "● ", "•", "——"])
def test_items_set_as_bullets_are_quoted_without_their_marks(tmp_path, bullet):
    # a Markdown list pasted into a .txt, or a list bulleted in Word and copied (elder care, water, health): the quotes
    # began with the mark (-新建养老床位300张); the page number - 3 - stays no bullet
    items = ["新建养老床位300张", "全县农村自来水普及率达到95%以上", "培训乡村医生500人次"]
    plan = tmp_path / "plan.txt"
    plan.write_text("关于印发某县民生实事实施方案的通知\n\n一、主要目标\n\n到2025年，实现以下目标：\n\n"
                    + "".join(f"{bullet}{item}；\n" for item in items) + "\n- 3 -\n", encoding="utf-8")
    read = extract(plan)
    assert [(t.value, t.unit, t.deadline, t.quote) for t in read.targets] == [
        (300, "张", 2025, items[0]), (95, "%", 2025, items[1]), (500, "人次", 2025, items[2])]


@pytest.mark.parametrize("bullet", ["- ", "* ", "－ ", "● ", "▪ ", "◆", "• ", "·", "➢ "])
def test_bulleted_lines_without_end_marks_are_items_of_their_own(tmp_path, bullet):
    # a list bulleted in Word or on a web page and copied, each item a line without an end mark, some opening with the
    # figure (ecology, health, education, employment, housing): the lines ran into one paragraph, - 120 was read as
    # -120 and • 3000 joined to the item above; they read as the same items each closed by ；
    items = ["120个行政村完成农村人居环境整治", "95%以上的乡镇卫生院达到服务能力基本标准", "3000名中小学教师完成信息技术应用能力培训",
             "城镇新增就业2.5万人", "新筹集保障性租赁住房1800套"]
    lead = "关于印发某县民生实事实施方案的通知\n\n一、主要目标\n\n到2025年，实现以下目标：\n"
    bulleted, closed = tmp_path / "bulleted.txt", tmp_path / "closed.txt"
    bulleted.write_text(lead + "".join(f"{bullet}{item}\n" for item in items), encoding="utf-8")
    closed.write_text(lead + "".join(f"{item}；\n" for item in items), encoding="utf-8")
    read = [(t.value, t.unit, t.comparator, t.deadline, t.quote) for t in extract(bulleted).targets]
    assert read == [(t.value, t.unit, t.comparator, t.deadline, t.quote) for t in extract(closed).targets]
    assert [value for value, *_ in read] == [120, 95, 3000, 25000, 1800]


def _field(instruction: str, result: str) -> str:
    """A field's runs as Word writes them, open: its instruction, then its result (closed by an end mark)."""
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{result}')


_TOC_INSTRUCTION = 'TOC \\o "1-2" \\h \\z \\u'


def _contents_field(entries: list[str], instruction: str = _TOC_INSTRUCTION):
    """A table of contents as a TOC field over paragraphs of their own (no content control, no TOC style, as WPS and
    a hand-made Word file write it): each entry a link, a tab and its page as a PAGEREF field; ``instruction``, the
    field's, as the instrText holds it."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    for number, entry in enumerate(entries):
        page = _field(f"PAGEREF _Toc{number} \\h", f"<w:r><w:t>{number + 2}</w:t></w:r>") + end
        link = f'<w:hyperlink w:anchor="_Toc{number}"><w:r><w:t>{entry}</w:t></w:r><w:r><w:tab/></w:r>{page}</w:hyperlink>'
        opening = _field(instruction, "") if number == 0 else ""
        yield parse_xml(f'<w:p {nsdecls("w")}>{opening}{link}{end if number == len(entries) - 1 else ""}</w:p>')


@pytest.mark.parametrize("instruction", [_TOC_INSTRUCTION, f"<!-- 目录 -->{_TOC_INSTRUCTION}"], ids=["whole", "after-a-comment"])
@pytest.mark.parametrize("contents_title", [None, "目录"])
@pytest.mark.parametrize("stem", ["jinjiang-2022", "jieyang-2022"])
def test_a_docx_with_a_table_of_contents_field_gives_the_plan(tmp_path, stem, contents_title, instruction):
    # the entries (一、总体要求 → 2) after the plan's title are the field's result: read, they were headings twice,
    # their pages glued to the titles (总体要求2). The instruction's text after a comment inside it is its own: read up
    # to the comment only, the field was no table of contents
    import docx

    from conftest import SAMPLES

    plan = prepare(SAMPLES / f"{stem}.txt")
    document = docx.Document()
    for paragraph in plan.paragraphs:
        if paragraph.in_table:
            continue
        document.add_paragraph(paragraph.as_written)
        if paragraph.text == plan.metadata.title:
            if contents_title:
                document.add_paragraph(contents_title)
            for entry in _contents_field([section.marker + section.title for section in plan.outline.sections], instruction):
                document.element.body.insert_element_before(entry, "w:sectPr")
    path = tmp_path / f"{stem}.docx"
    document.save(path)
    form, given = extract(path), extract(SAMPLES / f"{stem}.txt")
    assert headings(form.sections) == headings(given.sections)
    assert targets(form) == targets(given)
    assert metadata(form) == metadata(given)


@pytest.mark.parametrize("plan, copy", [("zhanjiang-2016", None), ("canzhuo-2015", "wrap")])
def test_a_pdfs_text_saved_as_markdown_gives_the_plan(tmp_path, plan, copy):
    # text copied out of a PDF with a blank line after every wrapped line (as the zhanjiang seed is), or hard-wrapped
    # with blank lines put between (food safety), saved as .md: Markdown would render each line a paragraph of its
    # own, and its sentences would be cut at every wrap
    from conftest import SAMPLES

    given = SAMPLES / f"{plan}.txt" if copy is None else FORMS / f"{plan}.txt"
    text = given.read_text(encoding="utf-8") if copy is None else "\n\n".join(
        (FORMS / f"{plan}.{copy}.txt").read_text(encoding="utf-8").split("\n"))
    exported = tmp_path / f"{plan}.md"
    exported.write_text(text, encoding="utf-8")
    form, expected = extract(exported), extract(given)
    assert headings(form.sections) == headings(expected.sections)
    assert targets(form) == targets(expected)
    assert metadata(form) == metadata(expected)


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".doc", ".pdf"])
@pytest.mark.parametrize("stem", ["linye-zhibiao", "jiaoyu-zhibiao"])
def test_a_text_with_a_table_typed_with_tabs_saved_by_a_word_processor_gives_the_plan_of_the_text(stem, suffix):
    # forestry and education indicator tables typed with tabs, the text opened in LibreOffice and saved (finding 10): the
    # rows are paragraphs with tabs, which became spaces, and the table gave no target. A tab after a heading's marker
    # or a note's colon is still a space (tests/test_readers.py). Printed (tests/data/typed/make_typed_pdf.py, as
    # LibreOffice and Word print: cells on the tab stops, some a hair's breadth after the text before them, 93.596 to the
    # eye), the rows' cells are found on the stops
    text, saved = extract(DATA / "typed" / f"{stem}.txt"), extract(DATA / "typed" / f"{stem}{suffix}")
    assert len(text.tables) == 1 and len(text.targets) >= 5
    assert [(t.header, t.rows) for t in saved.tables] == [(t.header, t.rows) for t in text.tables]
    assert [(t.quote, t.indicator, t.value, t.unit, t.deadline) for t in saved.targets] == \
        [(t.quote, t.indicator, t.value, t.unit, t.deadline) for t in text.targets]


def test_the_generator_prints_the_committed_typed_pdfs_byte_for_byte():
    spec = importlib.util.spec_from_file_location("make_typed_pdf", DATA / "typed" / "make_typed_pdf.py")
    printer = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = printer  # its dataclass looks its module up there
    spec.loader.exec_module(printer)
    assert {name: printer.written(name) == (DATA / "typed" / name).read_bytes() for name in printer.PRINTERS} == \
        dict.fromkeys(printer.PRINTERS, True)


def _printed_line(top: float, cells: list[tuple[float, str]], size: float = 12.0):
    """A printed line of cells, each from its left edge, its characters a size wide (Latin ones half)."""
    from planparse.readers.printed import Glyph, Line

    glyphs = []
    for left, text in cells:
        for char in text:
            width = size if ord(char) > 0x2E80 else size / 2
            glyphs.append(Glyph(char, left, left + width))
            left += width
    return Line(" ".join(text for _, text in cells), top, top + size, glyphs[0].left, glyphs[-1].right, size, glyphs=tuple(glyphs))


@pytest.mark.parametrize("rows, read", [
    # cells on a word processor's stops (every 35.4 points): a table, whatever the gaps
    ([[(57, "序号"), (92.4, "指标"), (127.8, "2025年")], [(57, "1"), (92.4, "城镇新增就业（万人）"), (234, "1.2")]],
     ["序号\t指标\t2025年", "1\t城镇新增就业（万人）\t1.2"]),
    # gaps at places on no grid and shared by no other line: a list of members, as written
    ([[(57, "组长"), (94, "张某某"), (158, "副组长")], [(57, "成员"), (109, "李某某"), (187, "王某某")]],
     ["组长 张某某 副组长", "成员 李某某 王某某"]),
])
def test_printed_lines_are_a_typed_table_only_where_their_cells_stand_on_tab_stops(rows, read):
    from planparse.readers.printed import Page, page_lines

    lines, _, _ = page_lines([Page(1, [_printed_line(100 + 18 * row, cells) for row, cells in enumerate(rows)])], None)
    assert [line.text for line in lines] == read


# Plans printed without a notice: the title over the issuer and the month, then the preamble (fishery, forestry)
COVERS = {
    "fishery": ["某市海洋渔业发展“十四五”规划", "某市海洋与渔业局", "2022年4月",
                "为加快建设现代渔业强市，制定本规划。规划期为2021—2025年。", "第一章  发展目标", "到2025年，全市水产品总产量稳定在80万吨左右。"],
    "forestry": ["某县林业发展“十四五”规划", "某县林业局", "2021年12月", "根据《某省林业发展“十四五”规划》，制定本规划。",
                 "一、发展目标", "到2025年，全县森林覆盖率达到62%以上。"],
}


@pytest.mark.parametrize("lines", COVERS.values(), ids=COVERS.keys())
def test_a_plans_cover_with_its_line_breaks_lost_gives_its_title_and_issuer(tmp_path, lines):
    lined, flat = write_lined_and_flat(tmp_path, lines)
    read = extract(lined).metadata
    assert (read.title, read.issuer) == (lines[0], lines[1])
    assert (extract(flat).metadata.title, extract(flat).metadata.issuer) == (read.title, read.issuer)


# Plans whose conditions to apply (申报条件, 认定标准) stand as an item's title or a label run into their text, by field
PLANS_WITH_CONDITIONS = {
    "elderly-care": ["某县农村幸福院建设实施方案", "一、工作目标", "到2025年，幸福院覆盖率达到80%以上。", "二、建设内容", "1.申报条件",
                     "建筑面积不少于200平方米，日间照料床位不少于10张。", "2.运营管理", "各村要明确专人负责日常管理。"],
    "family-farms": ["某县示范家庭农场培育方案", "一、工作目标", "到2025年，培育县级示范家庭农场50家。", "二、认定办法",
                     "示范家庭农场认定标准：经营土地面积50亩以上，年收入20万元以上。", "三、扶持政策", "对新认定的示范家庭农场给予奖补。"],
}


@pytest.mark.parametrize("lines", PLANS_WITH_CONDITIONS.values(), ids=PLANS_WITH_CONDITIONS.keys())
def test_the_conditions_to_apply_give_no_target_as_given_nor_with_the_line_breaks_lost(tmp_path, lines):
    """The numbers of the conditions to apply are thresholds, whether a title of a set form (申报条件) runs into them, as
    with the line breaks lost, or a label does (认定标准：…): only the plan's goal is a target."""
    lined, flat = write_lined_and_flat(tmp_path, lines)
    goal = [lines[2].removeprefix("到2025年，").removesuffix("。")]
    assert [t.quote for t in extract(lined).targets] == goal and [t.quote for t in extract(flat).targets] == goal


# Two plans' paragraphs (education, health) and what a crawler leaves between any two characters of a page's text:
# character references kept as text, a doubly escaped one, Unicode's other spaces, a soft hyphen, a zero-width space,
# a page's tags of words inside a line (not at a line's start: there a space is an indent, which may open a paragraph).
CRAWLED_PLANS = {
    "education": ["某县学前教育三年行动方案", "一、发展目标", "到2027年，全县学前三年毛入园率达到92%以上，新建幼儿园12所。",
                  "二、主要任务", "（一）扩大普惠资源", "每年培训幼儿园教师500人次，普惠性幼儿园覆盖率达到85%。"],
    "health": ["某市基层卫生服务能力提升实施方案", "一、工作目标", "到2026年底，每个乡镇卫生院至少配备1名全科医生，",
               "家庭医生签约服务覆盖率不低于75%。", "二、重点工作", "（一）加强人才培养", "每年免费培养农村订单定向医学生30名。"],
}
CRAWLER_MARKS = ["&nbsp;", "&amp;nbsp;", "&nbsp", "&amp;nbsp", "&emsp;", "&ensp;", "&#160;", "&#x3000;", "\u2002", "\u2003", "\u2009", "\u202f",
                 "\u00ad", "\u200b", "<span>", "</span>", '<font color="red">', "</font>", "<STRONG>", "&lt;/b&gt;",
                 # what a value written into a page to break out of an attribute or a comment leaves: no text of the plan's
                 "'><svg onload=alert(1)>", '"><svg/onload=alert(1)>', "--><script>alert(1)</script>", "<!-- x -->",
                 "<style>p{color:red}</style>", "<iframe src=javascript:alert(1)></iframe>"]


def _as_compared(path) -> tuple:
    document = extract(path)
    return headings(document.sections), targets(document)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=st.sampled_from(sorted(CRAWLED_PLANS)), data=st.data())
def test_marks_a_crawler_leaves_between_any_characters_change_no_heading_nor_target(tmp_path, plan, data):
    lines = CRAWLED_PLANS[plan]
    text = "\n".join(lines)
    within_lines = [at for at in range(1, len(text) + 1) if text[at - 1] != "\n"]
    _assert_read_as_clean(tmp_path, text, data.draw(st.lists(
        st.tuples(st.sampled_from(within_lines), st.sampled_from(CRAWLER_MARKS)), min_size=1, max_size=8)))


@pytest.mark.parametrize("line", [
    "到2025年，细颗粒物（PM2.5）年均浓度<35微克/立方米，当x<y且y>z时",  # signs of a plan's own, no tag's
    "办理流程：申请-->受理-->审核-->办结，办结率达到95%。",  # an arrow typed in ASCII, no comment's end
    "依据<关于推进养老服务发展的意见>和'十四五'规划>，新增床位300张。",  # a title in ASCII brackets
    "到2025年，农村自来水普及率达到90%<以上>。",
    "溶解氧浓度x<a 时为超标，x>b 时为达标。",  # a formula's < before a tag's name: the words after it name no attribute
    "考核得分s<b 且 s>60时为合格，s<i 或 s>95时复核。",
])
def test_a_plans_own_signs_arrows_and_brackets_are_no_markup(line: str):
    assert crawled.lines_of(line) == [line]


@pytest.mark.parametrize("line, read", [
    ('建成"智慧校园"><b>示范学校</b>30所', '建成"智慧校园"示范学校30所'),  # the plan's quote closed before a tag
    ("创建'健康促进'><script>var n=1;</script>示范医院15家", "创建'健康促进'示范医院15家"),
    ('打造"书香城市"品牌"><img src=x onerror=alert(1)>，建成城市书房40个', '打造"书香城市"品牌，建成城市书房40个'),  # a break-out
    ('关于"十四五"规划"><script>alert(1)</script>的通知', '关于"十四五"规划的通知'),
    ('<span title="a">"良好"><b>等次</b>', '"良好"等次'),  # the quotes of a tag's attribute are paired
], ids=["quote-before-a-tag", "quote-before-a-script", "break-out-after-quotes", "break-out-before-a-script", "after-a-tag"])
def test_a_quote_mark_before_a_tag_is_the_plans_only_where_it_closes_one_opened_on_its_line(line: str, read: str):
    assert crawled.lines_of(line) == [read]


def test_a_formulas_less_and_greater_than_signs_in_markdown_hold_no_tag(tmp_path):
    plan = tmp_path / "plan.md"
    plan.write_text("# 某县生态环境保护实施方案\n\n## 一、主要目标\n\n溶解氧浓度x<a 时为超标，到2025年，新建水质自动监测站15个，"
                    "x>b 时为达标，新建<span style=\"color:red\">空气站</span>8个。\n", encoding="utf-8")
    assert [target.quote for target in extract(plan).targets] == ["新建水质自动监测站15个", "新建空气站8个"]


@pytest.mark.parametrize("comment", ["<!-->", "<!--->", "<!---->"])
def test_a_comment_closed_at_once_hides_no_words_up_to_a_plans_own_arrow(comment: str):
    # a comment is read to its -->: one closed at its opening (<!-->) hid the words up to an arrow typed in ASCII
    assert crawled.lines_of(f"到2025年，{comment}新增城镇就业1.2万人，办理流程：申请-->受理") == ["到2025年，新增城镇就业1.2万人，办理流程：申请-->受理"]


def test_what_a_page_does_not_show_over_several_lines_leaves_the_lines_around_it_with_their_numbers():
    # a page's source saved as text: a script's code and a paragraph commented out were read as the plan's lines
    texts = ["一、主要目标", "到2025年，<script>", 'var tip = "<p>广告</p>";', "", "</script>新增城镇就业1.2万人，", "",
             "新建学校5所<!--", "<p>到2020年，新建学校3所</p>", "-->，改扩建幼儿园8所<!-- 注 -->。"]
    read = shown.lines_shown([SourceLine(text, number) for number, text in enumerate(texts, 1)])
    assert [(line.text, line.line) for line in read] == [("一、主要目标", 1), ("到2025年，", 2), ("新增城镇就业1.2万人，", 5), ("", 6),
                                                         ("新建学校5所", 7), ("，改扩建幼儿园8所。", 9)]


@pytest.mark.parametrize("line, lines", [
    # a 分工表's cells of units and of tasks, a paragraph each: listed (reader W7: glued, they were one unit and one task;
    # parted into lines, the table was lost)
    ("<tr><td><p>1</p></td><td><p>新建幼儿园3所</p><p>改扩建小学5所</p></td><td><p>县财政局</p><p>县自然资源局</p></td></tr>",
     ["", "\t1\t新建幼儿园3所；改扩建小学5所\t县财政局、县自然资源局", ""]),
    # a clause its cell wraps, a part after its whole, a year over its task (reader Y9: 改扩建、小学5所)
    ("<tr><td>新建幼儿园3所，改扩建<br>小学5所</td><td><p>培训教师2000人次</p><p>其中骨干教师200人次</p></td><td>到2025年<br>建成智慧校园30所</td></tr>",
     ["", "\t新建幼儿园3所，改扩建小学5所\t培训教师2000人次；其中骨干教师200人次\t到2025年建成智慧校园30所", ""]),
    # a cell of empty paragraphs (a hostile page's <td rowspan=0><p>)
    ("<td rowspan='0'><p>", ["\t"]),
    # a name its cell wraps, a note in brackets on a line of its own, a unit's role under it: one name, one unit
    ("<tr><td>新改建农村公路<br>（含桥梁）</td><td>规模化供水工程覆盖<br/>农村人口比例</td><td><p>县交通运输局</p><p>（牵头）</p><p>县财政局</p></td></tr>",
     ["", "\t新改建农村公路（含桥梁）\t规模化供水工程覆盖农村人口比例\t县交通运输局（牵头）、县财政局", ""]),
    # a frame's cell holding the article: its paragraphs stay lines, its headings theirs
    ("<table><tr><td><p>一、总体要求</p><p>到2025年，新建学校5所。</p></td></tr></table>",
     ["", "", "\t", "", "一、总体要求", "", "到2025年，新建学校5所。", "", "", ""]),
    # a cell of one paragraph: the row is one line
    ("<tr><td><p align=\"center\"><span>新建幼儿园（所）</span></p></td><td><p>12</p></td></tr>", ["", "\t新建幼儿园（所）\t12", ""]),
], ids=["task-table-cells-of-paragraphs", "wrapped-clause-part-and-year", "empty-paragraphs", "wrapped-names-and-a-role",
         "frame-cell", "cells-of-one-paragraph"])
def test_a_cells_lines_are_one_cell_in_a_tagged_table_but_a_frames_article(line: str, lines: list[str]):
    assert crawled.lines_of(line) == lines


def test_a_frame_kept_with_its_tags_over_many_lines_keeps_its_headings(tmp_path):
    """A frame table written a tag or a paragraph a line, its article's lines without tags: joined into one line for its
    rows, its article's line ends stay breaks (glued, 一、总体要求 ran into its paragraph and the heading was lost)."""
    plan = write_plan(tmp_path, "某县教育发展实施方案\n<table>\n<tr><td>\n一、总体要求\n到2025年，新建学校5所。\n二、保障措施\n"
                                "加强组织领导。\n</td></tr>\n</table>\n")
    assert [section.title for section in extract(plan).sections] == ["总体要求", "保障措施"]


# In a text that lost its line breaks a space may be a paragraph's end: there the marks that show nothing.
INVISIBLE_MARKS = ["\u00ad", "\u200b", "\u2060", "\ufe0f", "\u3164", "\U000e0041", "<span>", "</span>", '<font color="red">', "</font>", "<STRONG>"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=st.sampled_from(sorted(CRAWLED_PLANS)), data=st.data())
def test_marks_that_show_nothing_in_a_text_that_lost_its_line_breaks_change_no_heading_nor_target(tmp_path, plan, data):
    # a soft hyphen or a zero-width space hid a heading's number (2\u200b015年底前) and cut a title (标\u00ad片区选择…)
    text = "".join(CRAWLED_PLANS[plan])
    _assert_read_as_clean(tmp_path, text, data.draw(st.lists(
        st.tuples(st.integers(1, len(text)), st.sampled_from(INVISIBLE_MARKS)), min_size=1, max_size=8)))


def _assert_read_as_clean(folder, text: str, marks: list[tuple[int, str]]) -> None:
    """``text`` with each mark put in at its place gives the headings and targets of ``text``."""
    (folder / "clean.txt").write_text(text + "\n", encoding="utf-8")
    for at, mark in sorted(marks, reverse=True):
        text = text[:at] + mark + text[at:]
    (folder / "crawled.txt").write_text(text + "\n", encoding="utf-8")
    assert _as_compared(folder / "crawled.txt") == _as_compared(folder / "clean.txt")


# What a crawler keeps of the comments a page Word wrote carries, its tags dropped: the settings' values and the style
# sheet's rules, as Word 2003 and Word 2007 write them (平潭's pages: …罚款处理。 Normal 0 7.8 磅 0 2 false false false
# MicrosoftInternetExplorer4 平潭综合实验区管委会办公室 2013年12月14日印发 /* Style Definitions */ table.MsoNormalTable {…})
WORD_COMMENTS = [
    "Normal 0 7.8 磅 0 2 false false false MicrosoftInternetExplorer4 /* Style Definitions */ table.MsoNormalTable "
    "{mso-style-name:普通表格; mso-tstyle-rowband-size:0; mso-padding-alt:0cm 5.4pt 0cm 5.4pt; mso-para-margin:0cm; font-size:10.0pt;}",
    "Normal 0 false 10 磅 0 2 false false false EN-US ZH-CN X-NONE st1\\:*{behavior:url(#ieooui) } /* Style Definitions */ "
    "table.MsoNormalTable {mso-style-name:普通表格; mso-para-margin:0cm;}",
]
_TOP_HEADING = re.compile(r"[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）")


@pytest.mark.parametrize("stem", ["canzhuo-2015", "xingfuyuan-2015"])  # food safety, care of the elderly
@pytest.mark.parametrize("typed", [str.maketrans({}), _ASCII_PUNCTUATION], ids=["full-width", "ascii"])
def test_what_a_crawler_kept_of_a_word_pages_comments_changes_no_heading_target_nor_metadata(tmp_path, stem, typed):
    # each section pasted from Word, its comments after its heading, the page's line breaks lost: the settings ran into
    # the title (目标任务Normal07.8磅02false…), the style sheet gave a target (mso-para-margin:0cm: 0 cm)
    lines = [line.translate(typed) for line in (FORMS / f"{stem}.txt").read_text(encoding="utf-8").split("\n")]
    comments = iter(WORD_COMMENTS * len(lines))
    crawled = [f"{line} {next(comments)} " if _TOP_HEADING.match(line) else line for line in lines]
    (tmp_path / "clean.txt").write_text("".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "crawled.txt").write_text("".join(crawled) + "\n", encoding="utf-8")
    clean, copy = extract(tmp_path / "clean.txt"), extract(tmp_path / "crawled.txt")
    assert headings(copy.sections) == headings(clean.sections) and len(clean.sections) >= 3
    assert targets(copy) == targets(clean) and metadata(copy) == metadata(clean)


def _page_text(page) -> str:
    """The text a crawler keeps of a page: its tags, scripts and style sheets dropped, on one line."""
    written = re.sub(r"(?is)<script.*?</script>|<style.*?</style>|<!--.*?-->", " ", page.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", written))).strip() + "\n"


@pytest.mark.parametrize("stem", ["18-jibing-yingji-jiuzhu-zhidu-shishiyijian-2015",  # health
                                  "28-sange-yipi-zhongda-xiangmu-jianshe-shishiyijian-2015"])  # major projects
def test_a_pages_text_on_one_line_typed_with_ascii_marks_gives_the_plan_of_its_full_width_copy(tmp_path, stem):
    # under the site's menu (首页 政务公开 …) with no full-width sentence end, the whole line was the site's: "the document
    # has no text"; …约245亿元. ——开工一批重大项目25项 named its indicator 投资约245亿元.——重大项目
    text = _page_text(DATA / "web" / f"{stem}.html")
    (tmp_path / "page.txt").write_text(text, encoding="utf-8")
    (tmp_path / "typed.txt").write_text(text.translate(_ASCII_PUNCTUATION), encoding="utf-8")
    copy, page = extract(tmp_path / "typed.txt"), extract(tmp_path / "page.txt")
    assert headings(copy.sections) == headings(page.sections) and len(page.sections) >= 3
    assert targets(copy) == targets(page) and metadata(copy) == metadata(page)
    assert [t.indicator for t in copy.targets] == [t.indicator for t in page.targets]


@pytest.mark.parametrize("lines", [  # transport, elderly care: a title, a heading with no body, run into the next marker
    ["某县农村公路建设实施方案", "一.工作目标", "到2025年,全县农村公路总里程达到1200公里.", "二.重点任务", "三.保障措施",
     "加强组织领导."],
    ["某区居家养老服务提升行动方案", "一.总体要求", "二.主要目标", "到2026年,社区养老服务设施覆盖率达到100%.",
     "三.保障措施", "落实资金保障."],
])
def test_a_plan_typed_with_ascii_marks_that_lost_its_line_breaks_opens_a_heading_after_any_word(tmp_path, lines):
    # …实施方案一.工作目标, …重点任务三.保障措施: the stop after 案一, 务三 was read as a sentence's (as after 统一), the
    # title and the heading lost (no heading at all)
    lined, flat = write_lined_and_flat(tmp_path, lines)
    plan, copy = extract(lined), extract(flat)
    assert headings(copy.sections) == headings(plan.sections) and len(plan.sections) == 3
    assert metadata(copy) == metadata(plan)


# Marks of notes as plans set them above the line after a figure: a bracketed number, a circled one, a bare one
_NOTE_MARKS = ("[1]", "①", "2", "※")
_BOUND_WORD = re.compile(r"(?:以上|以下|以内|左右)$")  # after the figure and its unit, the mark before it (12个[1]以上)


def _noted(quotes: list[str]) -> Callable[[str], list[tuple[str, bool]]]:
    """A paragraph's text as runs, each (text, raised): a note's mark raised after each of ``quotes`` in it, before
    the word of its bound if it ends in one."""
    def runs(text: str) -> list[tuple[str, bool]]:
        pieces, start = [], 0
        ends = sorted({found + len(_BOUND_WORD.sub("", quote)) for quote in quotes if (found := text.find(quote)) >= 0})
        for number, end in enumerate(ends):
            mark = _NOTE_MARKS[number % len(_NOTE_MARKS)]
            pieces += [(text[start:end], False), ("[1]" if mark == "2" and text[end - 1].isascii() else mark, True)]
            start = end
        return [*pieces, (text[start:], False)]
    return runs


# An ODT as LibreOffice writes it, its raised runs in an automatic style set above the line (T1) or in one that
# inherits the position from the named footnote symbol's style (T2: a font over Footnote Symbol)
_ODT_NAMESPACES = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                   'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
                   'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
                   'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3"')
_ODT_CONTENT = (f'<office:document-content {_ODT_NAMESPACES}><office:automatic-styles>'
                '<style:style style:name="T1" style:family="text"><style:text-properties style:text-position="super 58%"/>'
                '</style:style><style:style style:name="T2" style:family="text" style:parent-style-name="Footnote_20_Symbol">'
                '<style:text-properties style:font-name="Times New Roman"/></style:style></office:automatic-styles>'
                '<office:body><office:text>{}</office:text></office:body></office:document-content>')
_ODT_STYLES = (f'<office:document-styles {_ODT_NAMESPACES}><office:styles><style:style style:name="Footnote_20_Symbol" '
               'style:display-name="Footnote Symbol" style:family="text"><style:text-properties '
               'style:text-position="super 58%"/></style:style></office:styles></office:document-styles>')


def _write_runs(path, blocks, runs: Callable[[str], list[tuple[str, bool]]]) -> None:
    """The plan's paragraphs and tables as a DOCX (``.docx``), an ODT (``.odt``), Word's RTF (``.rtf``), a page
    (``.html``) or a page's content field a crawler kept (``.txt``: its <p>s, a table's rows as lines of cells), each
    paragraph's text written as ``runs`` gives it, a raised run as Word (superscript), LibreOffice (a text style's
    position super 58%, its own or its parent style's), RTF (\\super) and a page (<sup>) set it."""
    import zipfile

    import docx as python_docx  # python-docx, as samples/make_samples.py writes DOCX
    make_samples = sample_writer()
    document, page, field, body, rtf = python_docx.Document(), [], [], [], [make_samples._RTF_HEADER]
    for block in blocks:
        if isinstance(block, make_samples.Grid):
            make_samples._docx_table(document, block.rows)
            page.append("<table>" + "".join("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
                                            for row in block.rows) + "</table>")
            field.append("\n" + "\n".join("\t".join(row) for row in block.rows) + "\n")
            body.append(page[-1].replace("<table>", "<table:table>").replace("</table>", "</table:table>")
                        .replace("<tr>", "<table:table-row>").replace("</tr>", "</table:table-row>")
                        .replace("<td>", "<table:table-cell><text:p>").replace("</td>", "</text:p></table:table-cell>"))
            rtf.append(make_samples._rtf_table(block.rows, as_unicode=False))
            continue
        paragraph, shown, spans, rtf_runs = document.add_paragraph(), [], [], []
        for text, raised in runs(block.text):
            paragraph.add_run(text).font.superscript = raised or None
            shown.append(f"<sup>{html.escape(text)}</sup>" if raised else html.escape(text))
            style = f"T{1 + len(spans) % 2}"
            spans.append(f'<text:span text:style-name="{style}">{html.escape(text)}</text:span>' if raised else html.escape(text))
            rtf_runs.append("{" + make_samples._RTF_RUN + ("\\super " if raised else "")
                            + make_samples._rtf_chars(text, as_unicode=False) + "}")
        page.append(f"<p>{''.join(shown)}</p>")
        field.append(page[-1])
        body.append(f"<text:p>{''.join(spans)}</text:p>")
        rtf.append("\\pard\\plain " + "".join(rtf_runs) + "\\par\r\n")
    if path.suffix == ".docx":
        document.save(path)
    elif path.suffix == ".odt":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
            archive.writestr("content.xml", _ODT_CONTENT.format("".join(body)))
            archive.writestr("styles.xml", _ODT_STYLES)
    elif path.suffix == ".rtf":
        path.write_bytes(("".join(rtf) + "}").encode("ascii"))
    elif path.suffix == ".txt":
        path.write_text("".join(field), encoding="utf-8")
    else:
        path.write_text(f"<html><head><meta charset='utf-8'></head><body><div>{''.join(page)}</div></body></html>", encoding="utf-8")


@pytest.mark.parametrize("stem", ["bochuan-yanglao-fuwu-guihua-2021", "yunling-liangshi-anquan-guihua-2021"])  # elderly care, grain
@pytest.mark.parametrize("suffix", [".docx", ".odt", ".rtf", ".html", ".txt"])
def test_a_plan_with_notes_marked_above_its_figures_gives_the_plan(tmp_path, stem, suffix):
    """A plan that marks notes above the line after its figures (达到59%¹, 1.5万亩[3]以上, 占比达到60%①: a superscript run
    in Word, <sup> in a page or the tags a crawler kept) gives the plan of its copy without the marks: they are no
    numbers, nor part of a quote (养老护理员持证上岗率达到90%[1]以上 was quoted to its mark; 每年完成森林抚育1.5万亩[3]以上,
    with no 达到 to say ≥, lost its 以上)."""
    blocks = sample_writer().seed_blocks(DATA / "unseen" / f"{stem}.txt")
    clean, noted = tmp_path / f"clean{suffix}", tmp_path / f"noted{suffix}"
    _write_runs(clean, blocks, _noted([]))
    plan = extract(clean)
    _write_runs(noted, blocks, _noted([target.quote for target in plan.targets if "\t" not in target.text]))
    copy = extract(noted)
    assert (headings(copy.sections), targets(copy), metadata(copy)) == (headings(plan.sections), targets(plan), metadata(plan))
    assert len(plan.targets) > 20


_EXPONENTS = pytest.mark.parametrize("before, exponent, after, unit", [
    ("到2026年，万元工业增加值用水量控制在20m", "3", "以内。", "m³/万元"),  # water: cubic metres
    ("到2026年，新建口袋公园绿地面积5000m", "2", "。", "m²")])  # urban greening: square metres


@pytest.mark.parametrize("stem", ["yunling-liangshi-anquan-guihua-2021", "lanshan-tuoyu-fuwu-2024"])  # grain, childcare
def test_a_plan_copied_as_text_with_its_note_marks_inline_gives_the_plan(tmp_path, stem):
    """A plan copied from a page as plain text keeps its notes' marks inline, between a figure and its bound
    (粮食产后损失率降低到3%[1]以下, 保育人员持证上岗率达到95%①以上, 每年新增用人单位办托点10个［2］以上): the plan's targets,
    each with its bound (每年推广粮食作物主导品种10个[3]以上 read 10 个 exactly, as no 达到 says ≥)."""
    plan = DATA / "unseen" / f"{stem}.txt"
    clean, text = extract(plan), plan.read_text(encoding="utf-8")
    bounded = sorted({t.quote for t in clean.targets if "\t" not in t.text and _BOUND_WORD.search(t.quote) and t.quote in text})
    for number, quote in enumerate(bounded, 1):
        figure = _BOUND_WORD.sub("", quote)
        mark = ("[{}]", "①", "［{}］", "【{}】")[number % 4].format(number)
        text = text.replace(quote, figure + mark + quote[len(figure):])
    copy = tmp_path / f"{stem}.txt"
    copy.write_text(text, encoding="utf-8")
    assert targets(extract(copy)) == targets(clean) and len(bounded) >= 4


def _write_raised_pdf(path, lines: list[list[tuple[str, bool]]], font: str, scaled: bool = False) -> None:
    """A page of ``lines``, each of runs (text, raised), a raised run set as Word prints a superscript: smaller (9 of
    the line's 14 points) and raised by a third of its size; ``scaled``: each run in a font of size 1 that its text
    matrix scales, as Word's PDFs made through Distiller set every glyph."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if font not in pdfmetrics.getRegisteredFontNames() and font != "Helvetica":
        pdfmetrics.registerFont(UnicodeCIDFont(font))
    page = canvas.Canvas(str(path), pagesize=(595, 842))
    for number, runs in enumerate(lines):
        text, left = page.beginText(72, 780 - 28 * number), 72.0
        for run, raised in runs:
            size, rise = (9, 5) if raised else (14, 0)
            if scaled:
                text.setFont(font, 1)
                text.setTextTransform(size, 0, 0, size, left, 780 - 28 * number + rise)
                left += pdfmetrics.stringWidth(run, font, size)
            else:
                text.setFont(font, size)
                text.setRise(rise)
            text.textOut(run)
        page.drawText(text)
    page.save()


@pytest.mark.parametrize("figure, mark, after", [
    ("到2026年，每年完成森林抚育1.5万亩", "[3]", "以上。"),  # forestry: no 达到 says ≥, the mark parted 以上 from the figure
    ("到2026年，每年新增用人单位办托点10个", "2", "以上。"),  # childcare: a bare number raised
    ("到2026年，城市公共交通机动化出行分担率达到60%", "①", "左右。")])  # transport: a circled one
def test_a_pdf_with_a_note_mark_printed_above_a_figure_gives_the_plans_target(tmp_path, figure, mark, after):
    """A printed plan sets a note's mark smaller and raised after its figure (达到59%¹): read as no text, as in
    Word's copy, the figure keeps its bound (10个²以上 read 10 个 exactly); an exponent so set stays (5000m²)."""
    head = [[("某县城市发展实施方案（2024—2026年）", False)], [("一、工作目标", False)]]
    exponent = [("到2026年，新建口袋公园绿地面积5000m", False), ("2", True), ("。", False)]
    _write_raised_pdf(tmp_path / "clean.pdf", [*head, [(figure + after, False)], [("到2026年，新建口袋公园绿地面积5000m2。", False)]],
                      "STSong-Light")
    _write_raised_pdf(tmp_path / "noted.pdf", [*head, [(figure, False), (mark, True), (after, False)], exponent], "STSong-Light")
    plan = extract(tmp_path / "clean.pdf")
    assert targets(extract(tmp_path / "noted.pdf")) == targets(plan) and [t.unit for t in plan.targets][-1] == "m²"


@pytest.mark.parametrize("lines", [
    # land use: 其中新增建设用地² / 200公顷，存量建设用地³ / 1150公顷 was read 2200 and 31150 公顷
    [("到2026年，全市计划供应建设用地1350公顷，其中新增建设用地", "2"), ("200公顷，存量建设用地", "3"), ("1150公顷。", "")],
    # education: 学位¹ / 3000个 would read 13000
    [("到2026年，全县新增公办学前教育学位", "1"), ("3000个，改扩建中小学校", "4"), ("12所。", "")]])
def test_a_note_mark_ending_a_line_of_a_font_scaled_by_its_matrix_is_kept_out_of_the_next_lines_figure(tmp_path, lines):
    """Word's PDFs through Distiller set every glyph in a font of size 1 scaled by the text matrix, so its font size told
    no mark: a footnote's mark closing a line joined the figure opening the next (深圳 土地利用实施计划: 200 → 2200).
    The glyph's box tells its size there, as it tells the line's."""
    head = [[("某市建设用地实施计划（2024—2026年）", False)], [("一、工作目标", False)]]
    _write_raised_pdf(tmp_path / "clean.pdf", [*head, *[[(text, False)] for text, _mark in lines]], "STSong-Light", scaled=True)
    _write_raised_pdf(tmp_path / "noted.pdf", [*head, *[[(text, False), (mark, True)] for text, mark in lines]], "STSong-Light",
                      scaled=True)
    clean = targets(extract(tmp_path / "clean.pdf"))
    assert targets(extract(tmp_path / "noted.pdf")) == clean and len(clean) >= 2


def test_a_note_mark_printed_above_the_line_in_a_font_pdfium_draws_is_no_text(tmp_path):
    """The same read by PDFium (a font it has outlines for, Helvetica): the marks after 59% and 1.5 mu are gone, the
    square metres' 2 stays."""
    path = tmp_path / "plan.pdf"
    _write_raised_pdf(path, [[("Forest cover 59%", False), ("1", True), (", 1.5 mu", False), ("[3]", True),
                              (" above, parks 5000m", False), ("2", True), (".", False)]], "Helvetica")
    assert "".join(line.text for line in readers.read_document(path).lines) == "Forest cover 59%, 1.5 mu above, parks 5000m2."


def _write_ruled_pdf(path, rows: list[list[list[tuple[str, bool]]]]) -> None:
    """A page of one ruled table of ``rows``, each of cells, each of runs (text, raised) in Helvetica, a raised run set
    smaller and above the line as a footnote's mark is printed."""
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=(595, 842))
    columns, rows_top = [72, 200, 330, 460], [700 - 30 * number for number in range(len(rows) + 1)]
    page.grid(columns, rows_top)
    for number, cells in enumerate(rows):
        for column, runs in enumerate(cells):
            text = page.beginText(columns[column] + 6, rows_top[number] - 20)
            for run, raised in runs:
                size, rise = (7, 4) if raised else (12, 0)
                text.setFont("Helvetica", size)
                text.setRise(rise)
                text.textOut(run)
            page.drawText(text)
    page.save()


def test_a_note_mark_printed_above_a_ruled_tables_header_is_no_part_of_its_name(tmp_path):
    """PDFium reads a ruled table's cells by their box, which kept the marks raised after a header (深圳 土地利用实施计划's
    新增建设用地⁶ named every district's figure 新增建设用地6): they are left out as a line's are; a bracket's text set
    small and high after it is its own (Station (09 unit), not Station ( unit)), in a cell as on a line."""
    path = tmp_path / "plan.pdf"
    plain = lambda text: [(text, False)]  # noqa: E731
    _write_ruled_pdf(path, [[plain("District"), [("New land", False), ("[6]", True)], [("Stock land", False), ("*", True)]],
                            [plain("Luohu"), plain("5*"), plain("26.5")],
                            [plain("Futian"), [("Station (", False), ("09", True), (" unit)", False)], plain("19")]])
    [table] = readers.read_document(path).tables
    assert table.header == ["District", "New land", "Stock land"]
    assert table.rows == [["Luohu", "5*", "26.5"], ["Futian", "Station(09unit)", "19"]]


def test_a_number_raised_right_after_an_opening_bracket_is_the_brackets_text(tmp_path):
    """A mark follows what it marks: digits set smaller and higher right after an opening bracket open its text
    (110千伏桃园变电站（09单元）, the digits in a Western font), never a note's mark."""
    path = tmp_path / "plan.pdf"
    _write_raised_pdf(path, [[("Substation (", False), ("09", True), (" unit) 0.4 ha", False)]], "Helvetica")
    assert "".join(line.text for line in readers.read_document(path).lines) == "Substation (09 unit) 0.4 ha"


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".rtf", ".html", ".txt"])
@pytest.mark.parametrize("before, mark, after, value", [
    ("到2026年，全县森林覆盖率达到59", "2", "%。", 59),  # forestry: a note's mark after the figure, its % after the mark
    ("到2026年，每年新增公办学位1200", "3", "个。", 1200)])  # education
def test_a_raised_number_after_a_figure_is_a_note_mark_but_a_power_of_ten(tmp_path, suffix, before, mark, after, value):
    """A note's mark set above the line right after a figure (59², as a table's cell marks its value for a note under
    the table) was read as the figure's exponent and glued to it: 592 %. Only a power of ten (10⁴) keeps it."""
    make_samples = sample_writer()
    path = tmp_path / f"plan{suffix}"
    blocks = [make_samples.Text("某县生态建设实施方案（2024—2026年）"), make_samples.Text("一、工作目标"), make_samples.Text(before + after)]
    _write_runs(path, blocks, lambda text: [(before, False), (mark, True), (after, False)] if text == before + after else [(text, False)])
    assert [t.value for t in extract(path).targets] == [value]


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".rtf", ".html", ".txt"])
@_EXPONENTS
def test_a_raised_number_after_a_unit_in_latin_letters_is_its_exponent(tmp_path, suffix, before, exponent, after, unit):
    make_samples = sample_writer()
    path = tmp_path / f"plan{suffix}"
    blocks = [make_samples.Text("某县城市建设实施方案（2024—2026年）"), make_samples.Text("一、工作目标"), make_samples.Text(before + after)]
    _write_runs(path, blocks, lambda text: [(before, False), (exponent, True), (after, False)] if text == before + after else [(text, False)])
    assert [(t.unit, f"m{exponent}" in t.quote) for t in extract(path).targets] == [(unit, True)]


@pytest.mark.parametrize("figure, mark, after, unit, comparator", [
    ("到2026年，每年新增用人单位办托点10个", "2", "以上。", "个", ">="),  # childcare: a mark in the footnote reference's style
    ("到2026年，城市公共交通机动化出行分担率达到60%", "[1]", "左右。", "%", "~"),  # transport
    ("到2026年，新建口袋公园绿地面积5000m", "2", "。", "m²", "=")])  # greening: an exponent so styled stays
def test_a_note_mark_in_a_raised_character_style_is_no_text(tmp_path, figure, mark, after, unit, comparator):
    """A mark typed in a character style that sets superscript (脚注引用, the footnote reference's style, or one based
    on it) is set above the line as a run set so itself is: 10个²以上 was read 10个2以上, 10 个 exactly."""
    import docx as python_docx
    from docx.enum.style import WD_STYLE_TYPE

    document = python_docx.Document()
    reference = document.styles.add_style("脚注引用", WD_STYLE_TYPE.CHARACTER)
    reference.font.superscript = True
    mine = document.styles.add_style("注释编号", WD_STYLE_TYPE.CHARACTER)
    mine.base_style = reference
    for text in ("某县城市发展实施方案（2024—2026年）", "一、工作目标"):
        document.add_paragraph(text)
    paragraph = document.add_paragraph(figure)
    paragraph.add_run(mark, style=mine if mark == "[1]" else reference)
    paragraph.add_run(after)
    document.save(tmp_path / "plan.docx")
    assert [(t.unit, t.comparator) for t in extract(tmp_path / "plan.docx").targets] == [(unit, comparator)]


@_EXPONENTS
def test_an_exponent_typed_with_changes_tracked_is_read_after_its_unit(tmp_path, before, exponent, after, unit):
    """An exponent Word keeps as a tracked insertion (w:ins around its raised run) follows its unit's letter as shown:
    read alone, the insertion showed nothing before it, and its bare number was taken for a note's mark (m, not m2)."""
    import docx as python_docx
    from docx.oxml import OxmlElement

    document = python_docx.Document()
    for text in ("某县城市建设实施方案（2024—2026年）", "一、工作目标"):
        document.add_paragraph(text)
    paragraph = document.add_paragraph(before)
    raised, inserted = paragraph.add_run(exponent), OxmlElement("w:ins")
    raised.font.superscript = True
    inserted.append(raised._r)
    paragraph._p.append(inserted)
    paragraph.add_run(after)
    document.save(tmp_path / "plan.docx")
    assert [(t.unit, f"m{exponent}" in t.quote) for t in extract(tmp_path / "plan.docx").targets] == [(unit, True)]


@_EXPONENTS
def test_an_exponent_in_a_run_of_words_pages_fonts_is_read_after_its_unit(tmp_path, before, exponent, after, unit):
    """A crawled field of Word's page sets the raised run in a tag of its fonts longer than 80 characters: the
    exponent still follows its unit's letter (the tag was cut, its quote read as the character before: m, not m2)."""
    fonts = "<span style='font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:\"Times New Roman\";color:black'>"
    path = tmp_path / "plan.txt"
    path.write_text(f"某县城市建设实施方案（2024—2026年）\n一、工作目标\n{before}</span>{fonts}<sup>{exponent}</sup></span> "
                    f"{after}</p><p>二、主要任务</p>", encoding="utf-8")
    assert [(t.unit, f"m{exponent}" in t.quote) for t in extract(path).targets] == [(unit, True)]


# Every character of ASCII typed full-width, as an input method left in its full-width mode types it (２０２４年, ＰＭ２．５, ＤＩＰ)
_ALL_FULL_WIDTH = str.maketrans({chr(code): chr(code + 0xFEE0) for code in range(0x21, 0x7F)})


@pytest.mark.parametrize("stem", ["huayang-daqi-wuran-fangzhi-2024", "shiquan-sihao-nongcunlu-2023", "lanshan-tuoyu-fuwu-2024",
                                  "tingzhou-yibao-zhifu-gaige-2023"])
def test_a_plan_typed_full_width_throughout_gives_the_plan(tmp_path, stem):
    """Digits, letters and signs typed full-width (air quality, rural roads, childcare, medical insurance: each with a
    分工表): the plan's headings, metadata and targets, its tasks due by their 时限 cells (２０２４年６月底前 was no year:
    the table's 完成２家钢铁企业超低排放改造 was due by none), and a flat page's 分工表 parted at its rows' numbers (…完成时限１
    \t二级及以上…\t２０２３年底２\t建设… stayed one row: its targets were lost)."""
    plan = DATA / "unseen" / f"{stem}.txt"
    copy = tmp_path / f"{stem}.txt"
    copy.write_text(plan.read_text(encoding="utf-8").translate(_ALL_FULL_WIDTH), encoding="utf-8")
    clean, typed = extract(plan), extract(copy)
    assert (headings(typed.sections), targets(typed), metadata(typed)) == (headings(clean.sections), targets(clean), metadata(clean))
    assert [t.deadline for t in typed.targets] == [t.deadline for t in clean.targets]


@pytest.mark.parametrize("stem", ["yunling-liangshi-anquan-guihua-2021", "bochuan-yanglao-fuwu-guihua-2021"])  # grain, elderly care
def test_a_flat_plan_in_traditional_characters_gives_its_table_of_indicators(tmp_path, stem):
    """With its line breaks lost, a table of indicators whose rows close on their property (…72\t80\t預期性) is parted
    into its rows in traditional characters as in simplified: yunling's 耕种收综合机械化率 80% and five more were lost,
    the rows closed by 約束性 read as no property."""
    import opencc

    text = "".join((DATA / "unseen" / f"{stem}.txt").read_text(encoding="utf-8").splitlines()) + "\n"
    simplified, traditional = tmp_path / "simplified.txt", tmp_path / "traditional.txt"
    simplified.write_text(text, encoding="utf-8")
    traditional.write_text(opencc.OpenCC("s2t").convert(text), encoding="utf-8")
    assert targets(extract(traditional)) == targets(extract(simplified))


@pytest.mark.parametrize("rows", [
    [("每年开展村庄清洁行动4次", "各乡镇人民政府", "县农业农村局", "长期坚持"), ("建成垃圾转运站8座", "县住建局", "", "2024年6月底前")],
    [("新建村卫生室20个", "县卫健局", "各乡镇人民政府", "2025年底前"), ("培训乡村医生500人次", "县卫健局", "", "2024年底前"),
     ("建成县域医共体2个", "", "", "2025年底前")],
], ids=["village-environment", "health"])
def test_an_empty_support_cell_beside_a_rows_own_lead_is_no_merged_cell(tmp_path, rows):
    # a tab-typed 分工表: a row writing its own lead and leaving 配合单位 empty has no support (it took the row above's);
    # a row leaving its lead empty too continues the merged block above it, both cells filled down
    lines = ["某县2024年重点工作方案", "一、重点任务", "序号\t重点任务\t牵头单位\t配合单位\t完成时限",
             *("\t".join([str(number), *row]) for number, row in enumerate(rows, 1)), "二、保障措施", "加强组织领导。"]
    found = extract(write_plan(tmp_path, "\n".join(lines) + "\n")).responsibilities
    expected = []
    for task, lead, support, _ in rows:
        merged = not lead
        expected.append((task, [lead or expected[-1][1][0]], [support] if support else (expected[-1][2] if merged else [])))
    assert [(r.heading, r.lead, r.support) for r in found] == expected


@pytest.mark.parametrize("form", ["docx", "html"])
@pytest.mark.parametrize("rows", [
    [("完成农村户厕改造5000户", "县农业农村局", "2025年底前"), ("建成垃圾转运站8座", "县住建局", "2024年6月底前")],
    [("新增公办学位2000个", "县教育局", "2025年8月底前"), ("培训乡村教师600人次", "县教育局", "2024年12月底前")],
], ids=["village-environment", "education"])
def test_an_unlabelled_last_column_of_times_dates_each_rows_task(tmp_path, form, rows):
    # 序号 | 重点任务 | 牵头单位 | (empty): the empty header cell over times was read as the span of 牵头单位, so the
    # times dated nothing; a column of times is a 时限 column whatever spans it
    import docx

    path = tmp_path / f"plan.{form}"
    header = ["序号", "重点任务", "牵头单位", ""]
    body = [[str(number), *row] for number, row in enumerate(rows, 1)]
    if form == "html":
        cells = "".join("<tr>" + "".join(f"<td>{text}</td>" for text in row) + "</tr>" for row in [header, *body])
        path.write_text("<html><head><meta charset='utf-8'></head><body><p>一、重点任务</p><table border=1>" + cells
                        + "</table><p>二、保障措施</p><p>加强组织领导。</p></body></html>", encoding="utf-8")
    else:
        document = docx.Document()
        document.add_paragraph("一、重点任务")
        table = document.add_table(rows=1 + len(body), cols=4)
        for number, row in enumerate([header, *body]):
            for column, text in enumerate(row):
                table.cell(number, column).text = text
        document.add_paragraph("二、保障措施")
        document.save(path)
    expected = [int(re.match(r"\d{4}", due).group()) for _, _, due in rows]
    assert [t.deadline for t in extract(path).targets] == expected


def test_a_table_of_places_under_a_caption_of_no_task_gives_no_targets(tmp_path):
    # population by township (单位：人) states what there is: its caption splits no task, its measures name no unit
    lines = ["某县人口与公共服务工作方案", "一、基本情况", "附表", "各乡镇人口情况表（单位：人）", "乡镇\t户籍人口\t常住人口",
             "城关镇\t42000\t39000", "河口镇\t31000\t28000"]
    assert extract(write_plan(tmp_path, "\n".join(lines) + "\n")).targets == []


@pytest.mark.parametrize("lines", [
    ["某县2026年农村供水保障工作要点", "一、工作目标", "全年新建农村集中供水工程12处。", "二、时间安排", "1.3月底前完成水源地排查。",
     "2.4月底前启动管网改造，改造供水管网80公里。", "3.6月底前完成水质检测，检测水样500份。", "4.10月底前完成工程验收。",
     "三、保障措施", "加强组织领导。"],
    ["某区2025年校园安全工作要点", "一、工作目标", "全年开展校园安全检查200次。", "二、工作安排", "1.2025年3月底前完成隐患排查。",
     "2.5月底前开展防溺水专题教育，覆盖学生3万人次。", "3.9月底前完成校园监控改造50所。", "三、保障措施", "强化督导考核。"],
], ids=["water", "school-safety"])
def test_a_copy_spacing_every_number_out_with_its_line_breaks_lost_keeps_items_opening_with_a_month(tmp_path, lines):
    # …。3.6 月底前完成…: a space around every number, and the item's marker glued to its month (2.4 月 read as the
    # decimal 2.4, under no heading 2.: the items after the first were lost)
    spaced = re.sub(r"(?<=\d)(?=[^\d.．、\s])|(?<=[^\d.．、\s])(?=\d)", " ", "".join(lines))
    lined, flat = tmp_path / "lined.txt", tmp_path / "flat.txt"
    lined.write_text("\n".join(lines) + "\n", encoding="utf-8")
    flat.write_text(spaced + "\n", encoding="utf-8")
    assert headings(extract(flat).sections) == headings(extract(lined).sections)
