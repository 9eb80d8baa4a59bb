"""Readers: TXT in any encoding, DOCX with Word numbering and merged cells, PDF pages."""
from __future__ import annotations

import codecs
import io
import re
from pathlib import Path

import docx
import pytest
from conftest import DATA, SAMPLES
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph as TableCell
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from planparse.errors import PlanparseError
from planparse.metadata_rules import _NO_FOOTER_MARKS, metadata_rules, site_footer_start
from planparse.normalize import normalize
from planparse.pipeline import extract
from planparse.readers import read_document
from planparse.readers.docx import read_docx
from planparse.readers.pdf import read_pdf
from planparse.readers.rtf import read_rtf
from planparse.readers.txt import read_txt

SEED = SAMPLES / "jieyang-2022.txt"


# --- TXT -------------------------------------------------------------------


def texts(lines) -> list[str]:
    return [line.text for line in lines]


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda text: codecs.BOM_UTF8 + text.encode("utf-8"), id="utf-8-bom"),
        pytest.param(lambda text: text.encode("gb18030"), id="gb18030"),
        pytest.param(lambda text: text.encode("gbk"), id="gbk"),
        pytest.param(lambda text: text.encode("utf-16"), id="utf-16-bom"),
        pytest.param(lambda text: text.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
        pytest.param(lambda text: text.replace("\n", "\r").encode("utf-8"), id="cr"),
        pytest.param(lambda text: text.replace("\n", "\r\n").encode("gb18030"), id="gb18030-crlf"),
    ],
)
def test_every_encoding_and_line_end_gives_the_same_lines(encode):
    text = SEED.read_text(encoding="utf-8")
    expected = texts(read_txt(SEED, text.encode("utf-8")))
    assert texts(read_txt(SEED, encode(text))) == expected
    assert "一、总体要求" in expected


# --- DOCX ------------------------------------------------------------------


def docx_lines(name: str) -> list[str]:
    path = SAMPLES / name
    return texts(read_docx(path, path.read_bytes())[0])


def test_word_automatic_numbering_gives_the_markers_shown_on_screen():
    path = SAMPLES / "jieyang-2022.docx"
    body = docx.Document(path).paragraphs
    assert "总体要求" in [p.text for p in body]  # the marker is not in the text…
    lines = docx_lines("jieyang-2022.docx")
    # …but the reader rebuilds it, nested levels restarting under their parent.
    for heading in ("一、总体要求", "（一）指导思想", "二、突出“五类人员”科学素质提升", "1.提升基础教育阶段科学教育水平"):
        assert any(line.startswith(heading) for line in lines), heading
    second_part = lines[lines.index("二、突出“五类人员”科学素质提升"):]
    assert second_part[2].startswith("（一）实施青少年科学素质提升行动")


def numbered_document(levels: str, nums: str, paragraphs: list[tuple[str, str | None, int]]) -> bytes:
    """A DOCX with one abstract list of ``levels`` and the ``nums`` using it.

    Each paragraph is (text, numId or None, level).
    """
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.find(parse_xml(f'<w:num {nsdecls("w")}/>').tag).addprevious(
        parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="77">{levels}</w:abstractNum>')
    )
    for num in parse_xml(f'<w:numbering {nsdecls("w")}>{nums}</w:numbering>'):
        numbering.append(num)
    for text, num_id, level in paragraphs:
        paragraph = document.add_paragraph(text)
        if num_id is not None:
            paragraph._p.get_or_add_pPr().append(
                parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
            )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def level(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'


def test_numbering_counts_per_level_restarts_deeper_levels_and_honours_overrides():
    levels = level(0, "chineseCounting", "%1、", start=10) + level(1, "decimal", "（%2）") + level(2, "decimalEnclosedCircle", "%3")
    nums = '<w:num w:numId="77"><w:abstractNumId w:val="77"/></w:num>' \
           '<w:num w:numId="78"><w:abstractNumId w:val="77"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    data = numbered_document(levels, nums, [
        ("总体要求", "77", 0), ("目标", "77", 1), ("细则", "77", 2), ("细则二", "77", 2), ("原则", "77", 1),
        ("正文段落", None, 0), ("重点任务", "77", 0), ("任务一", "77", 1), ("新的清单", "78", 0),
    ])
    lines = texts(read_docx(Path("numbered.docx"), data)[0])
    assert lines == ["十、总体要求", "（1）目标", "①细则", "②细则二", "（2）原则", "正文段落", "十一、重点任务", "（1）任务一", "一、新的清单"]


# Number formats Word and WPS offer for a plan's levels beside 一、（一）1.: digits as ideographs (ideographDigital),
# Japanese and Taiwanese counting, numbers in parentheses or with a full stop as one character
# (⑴, ⒈, ㈠): each read as the marker it shows, they were digits with nothing to tell the levels
FORMATTED_PLANS = {
    "education": ([level(0, "ideographDigital", "%1、"), level(1, "ideographParenthetical", "%2"),
                   level(2, "decimalEnclosedFullstop", "%3")],
                  [("总体要求", 0), ("工作目标", 1), ("到2025年，全县中小学体质健康达标率达到95%。", None),
                   ("主要任务", 0), ("开展课后体育服务", 1), ("新建塑胶跑道5条", 2), ("新建篮球场10个", 2), ("保障措施", 1)],
                  [(1, "cn_dun", 1, "总体要求", [(2, "cn_paren", 1, "工作目标", [])]),
                   (1, "cn_dun", 2, "主要任务", [(2, "cn_paren", 1, "开展课后体育服务", [
                       (3, "arabic_dot", 1, "新建塑胶跑道5条", []), (3, "arabic_dot", 2, "新建篮球场10个", [])]),
                                               (2, "cn_paren", 2, "保障措施", [])])]),
    "health": ([level(0, "taiwaneseCountingThousand", "%1、"), level(1, "japaneseCounting", "（%2）"),
                level(2, "decimalEnclosedParen", "%3")],
               [("总体要求", 0), ("主要目标", 1), ("到2026年，每千人口执业医师数达到3.2人。", None), ("重点任务", 0),
                ("强化基层医疗", 1), ("建设村卫生室", 2), ("培训乡村医生", 2)],
               [(1, "cn_dun", 1, "总体要求", [(2, "cn_paren", 1, "主要目标", [])]),
                (1, "cn_dun", 2, "重点任务", [(2, "cn_paren", 1, "强化基层医疗", [
                    (3, "arabic_paren", 1, "建设村卫生室", []), (3, "arabic_paren", 2, "培训乡村医生", [])])])]),
}


@pytest.mark.parametrize("field", FORMATTED_PLANS)
def test_every_number_format_of_word_and_wps_gives_the_heading_tree_shown(tmp_path, field):
    levels, paragraphs, tree = FORMATTED_PLANS[field]
    nums = '<w:num w:numId="77"><w:abstractNumId w:val="77"/></w:num>'
    plan = tmp_path / "plan.docx"
    plan.write_bytes(numbered_document("".join(levels), nums, [(text, None if depth is None else "77", depth or 0)
                                                                for text, depth in paragraphs]))

    def headings(sections):
        return [(s.level, s.style.value, s.number, s.title, headings(s.children)) for s in sections]

    assert headings(extract(plan).sections) == tree


def test_numbered_table_cells_show_their_numbers():
    levels = level(0, "decimal", "%1")
    nums = '<w:num w:numId="77"><w:abstractNumId w:val="77"/></w:num>'
    document = docx.Document(io.BytesIO(numbered_document(levels, nums, [])))
    table = document.add_table(rows=3, cols=2)
    for row, cells in zip(table.rows, [("序号", "工作内容"), ("", "实施青少年科学素质提升行动"), ("", "实施农民科学素质提升行动")]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    for row in table.rows[1:]:
        row.cells[0].paragraphs[0]._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="77"/></w:numPr>')
        )
    buffer = io.BytesIO()
    document.save(buffer)
    _, [found] = read_docx(Path("numbered-cells.docx"), buffer.getvalue())
    assert found.rows == [["1", "实施青少年科学素质提升行动"], ["2", "实施农民科学素质提升行动"]]


def test_numbering_borrowed_from_a_numbering_style():
    # Word writes a multi-level list as an abstract list that only names a
    # numbering style; the style points at the list holding the levels.
    levels = '<w:styleLink w:val="PlanList"/>' + level(0, "chineseCounting", "%1、") + level(1, "chineseCounting", "（%2）")
    nums = '<w:num w:numId="77"><w:abstractNumId w:val="77"/></w:num>' \
           '<w:abstractNum w:abstractNumId="78"><w:numStyleLink w:val="PlanList"/></w:abstractNum>' \
           '<w:num w:numId="79"><w:abstractNumId w:val="78"/></w:num>'
    data = numbered_document(levels, nums, [("总体要求", "79", 0), ("指导思想", "79", 1), ("重点任务", "79", 0)])
    document = docx.Document(io.BytesIO(data))
    document.styles.element.append(parse_xml(
        f'<w:style {nsdecls("w")} w:type="numbering" w:styleId="PlanList"><w:name w:val="Plan List"/>'
        '<w:pPr><w:numPr><w:numId w:val="77"/></w:numPr></w:pPr></w:style>'
    ))
    buffer = io.BytesIO()
    document.save(buffer)
    assert texts(read_docx(Path("linked.docx"), buffer.getvalue())[0]) == ["一、总体要求", "（一）指导思想", "二、重点任务"]


def test_numbering_through_a_paragraph_style():
    document = docx.Document()
    style = document.styles["List Number"]  # the default template numbers this style with "%1."
    for text in ("加强领导", "强化保障"):
        document.add_paragraph(text, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    assert texts(read_docx(Path("styled.docx"), buffer.getvalue())[0]) == ["1.加强领导", "2.强化保障"]


def body_docx(body_xml: str) -> bytes:
    """A DOCX whose body holds ``body_xml`` (WordprocessingML, ``w:`` prefix)."""
    document = docx.Document()
    body = document.element.body
    for element in parse_xml(f'<w:body {nsdecls("w", "wp")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">{body_xml}</w:body>'):
        body.insert(len(body) - 1, element)  # before the section properties
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_text_as_word_shows_it():
    data = body_docx(
        # A table of contents in a content control repeats the headings: left out.
        '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
        '<w:sdtContent><w:p><w:r><w:t>一、总体要求……1</w:t></w:r></w:p></w:sdtContent></w:sdt>'
        # A content control around body paragraphs keeps them.
        '<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p></w:sdtContent></w:sdt>'
        # Tracked insertions count, tracked deletions do not; inline controls and links keep their text.
        '<w:p><w:r><w:t>到</w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:t>2025年</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="a"><w:r><w:delText>2024年</w:delText></w:r></w:del>'
        '<w:sdt><w:sdtContent><w:r><w:t>建成</w:t></w:r></w:sdtContent></w:sdt>'
        '<w:hyperlink><w:r><w:t>科普基地</w:t></w:r></w:hyperlink><w:r><w:tab/><w:t>10个。</w:t></w:r></w:p>'
        # A text box is stored twice (DrawingML and VML): neither copy joins the paragraph.
        '<w:p><w:r><w:t>（一）指导思想</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice>'
        '<mc:Fallback><w:pict><w:p><w:r><w:t>印章</w:t></w:r></w:p></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>'
    )
    assert texts(read_docx(Path("controls.docx"), data)[0]) == ["一、总体要求", "到2025年建成科普基地 10个。", "（一）指导思想"]


@pytest.mark.parametrize("runs, shown", [
    # a range kept on one line by non-breaking hyphens (health, education); an absolute position tab before a page's
    # number is a space
    ('<w:r><w:t>到2025年，孕产妇系统管理率达到90</w:t><w:noBreakHyphen/><w:t>95%。</w:t></w:r>', "到2025年，孕产妇系统管理率达到90-95%。"),
    ('<w:r><w:t>每校配备心理健康教师1</w:t></w:r><w:r><w:noBreakHyphen/><w:t>2名</w:t><w:ptab w:relativeTo="margin" '
     'w:alignment="right" w:leader="none"/><w:t>（2023</w:t><w:noBreakHyphen/><w:t>2025年）</w:t></w:r>',
     "每校配备心理健康教师1-2名 （2023-2025年）"),
    # signs inserted as symbols: of the Symbol font (its code after F0), of a text font (the character's own code); a
    # picture font's check mark is no text (health, education, environment)
    ('<w:r><w:t>到2025年，高血压患者规范管理率</w:t><w:sym w:font="Symbol" w:char="F0B3"/><w:t>65%。</w:t></w:r>',
     "到2025年，高血压患者规范管理率≥65%。"),
    ('<w:r><w:t>班额</w:t><w:sym w:font="Symbol" w:char="F0A3"/><w:t>45人，</w:t><w:sym w:font="Wingdings" w:char="F0FC"/>'
     '<w:t>生均面积</w:t><w:sym w:font="宋体" w:char="2265"/><w:t>8平方米。</w:t></w:r>', "班额≤45人，生均面积≥8平方米。"),
    ('<w:r><w:t>PM2.5浓度下降10%</w:t><w:sym w:font="Symbol" w:char="F0B1"/><w:t>2%</w:t><w:sym w:char="D800"/>'
     '<w:sym w:font="Symbol" w:char="F0B3F0B3F0"/><w:t>。</w:t></w:r>', "PM2.5浓度下降10%±2%。"),
])
def test_docx_marks_of_no_text_show_as_word_shows_them(runs, shown):
    assert texts(read_docx(Path("marks.docx"), body_docx(f"<w:p>{runs}</w:p>"))[0]) == [shown]


def test_docx_with_tracked_changes_gives_the_text_as_accepted():
    # A paragraph moved with changes tracked is stored twice, where it was (w:moveFrom) and where it went (w:moveTo):
    # read once, where it went. A paragraph mark deleted joins its paragraph to the next, as Word shows it.
    moved = '<w:r><w:t>新增公共充电桩500个。</w:t></w:r>'
    data = body_docx(
        '<w:p><w:r><w:t>一、发展目标</w:t></w:r></w:p><w:moveFromRangeStart w:id="1" w:name="move1"/>'
        f'<w:p><w:pPr><w:rPr><w:moveFrom w:id="2" w:author="a"/></w:rPr></w:pPr><w:moveFrom w:id="3" w:author="a">{moved}</w:moveFrom></w:p>'
        '<w:moveFromRangeEnd w:id="1"/>'
        '<w:p><w:pPr><w:rPr><w:del w:id="4" w:author="a"/></w:rPr></w:pPr><w:r><w:t>到2025年，全市改扩建幼儿园</w:t></w:r></w:p>'
        '<w:p><w:r><w:t>20所。</w:t></w:r></w:p><w:moveToRangeStart w:id="5" w:name="move1"/>'
        f'<w:p><w:pPr><w:rPr><w:moveTo w:id="6" w:author="a"/></w:rPr></w:pPr><w:moveTo w:id="7" w:author="a">{moved}</w:moveTo></w:p>'
        '<w:moveToRangeEnd w:id="5"/>'
    )
    lines = texts(read_docx(Path("tracked.docx"), data)[0])
    assert [line for line in lines if line] == ["一、发展目标", "到2025年，全市改扩建幼儿园20所。", "新增公共充电桩500个。"]


def test_merged_table_cells_are_given_once():
    path = SAMPLES / "jieyang-2022.docx"
    lines, tables = read_docx(path, path.read_bytes())
    [table] = tables
    assert table.header == ["序号", "工作内容", "", "牵头单位", "责任单位"]  # 工作内容 spans two columns
    # The table holds a cell merged down in every row it covers (Word knows the merge); the text gives it once.
    assert [row[1] for row in table.rows[:6]] == ["提升行动"] * 5 + ["重点工程"]
    rows = [line for line in lines if line.in_table]
    assert len(rows) == 1 + len(table.rows)
    assert [row.text.split("\t")[1] for row in rows[1:7]] == ["提升行动", "", "", "", "", "重点工程"]
    assert rows[1].text.split("\t")[:4] == ["1", "提升行动", "实施青少年科学素质提升行动", "市教育局"]


def test_a_word_cells_paragraphs_are_parted_by_their_kinds(tmp_path):
    """A 分工表's cell of one unit a paragraph (县教育局 / （牵头） / 县财政局) or one task a paragraph is read as a page's
    cell of such lines is: the units parted by 、, the note with the unit before it, a task closing with its figure parted
    by ；. Joined by spaces, the units were one name and the lead was lost."""
    document = docx.Document()
    document.add_paragraph("某县教育提质三年行动方案（2024—2026年）")
    document.add_paragraph("附件：重点任务分工表")
    table = document.add_table(rows=2, cols=4)
    for row, cells in zip(table.rows, [("序号", "工作任务", "责任单位", "完成时限"),
                                       ("1", "新建幼儿园3所\n改扩建小学5所", "县教育局\n（牵头）\n县财政局\n县自然资源局", "2025年底")]):
        for cell, text in zip(row.cells, cells):
            first, *more = text.split("\n")
            cell.text = first
            for paragraph in more:
                cell.add_paragraph(paragraph)
    plan = tmp_path / "plan.docx"
    document.save(plan)
    _, [found] = read_docx(plan, plan.read_bytes())
    assert found.rows == [["1", "新建幼儿园3所；改扩建小学5所", "县教育局（牵头）、县财政局、县自然资源局", "2025年底"]]
    read = extract(plan)
    assert [(duty.lead, duty.support) for duty in read.responsibilities] == [(["县教育局"], ["县财政局", "县自然资源局"])]
    assert [(target.value, target.unit, target.indicator) for target in read.targets] == [(3, "所", "幼儿园"), (5, "所", "小学")]


_TASK_CELLS = [
    # employment: two tasks with no figure, then a task and one closing with its figure
    ("加强职业院校建设\n推动校企合作", "加强职业院校建设；推动校企合作", []),
    ("健全公共就业服务体系\n建立零工市场3个", "健全公共就业服务体系；建立零工市场3个", [("建立零工市场3个", 3, "个")]),
    # water: a river chief's tasks, the last with its figure
    ("健全河湖长制\n完善巡河制度\n开展河道清淤20公里", "健全河湖长制；完善巡河制度；开展河道清淤20公里", [("开展河道清淤20公里", 20, "公里")]),
    # transport: one task a narrow cell wraps, its figure on the wrapped line, however its first line opens (reader P22)
    ("完成县乡道安全生命防护\n工程120公里", "完成县乡道安全生命防护工程120公里", [("完成县乡道安全生命防护工程120公里", 120, "公里")]),
    ("推进农村客运站点改造\n升级20个", "推进农村客运站点改造升级20个", [("推进农村客运站点改造升级20个", 20, "个")]),
    # employment and education: a work's verb opening the line under a task's own (headings.yaml work_verbs)
    ("健全公共就业服务体系\n新建零工市场3个", "健全公共就业服务体系；新建零工市场3个", [("新建零工市场3个", 3, "个")]),
    ("完善学前教育资助制度\n改扩建公办幼儿园5所", "完善学前教育资助制度；改扩建公办幼儿园5所", [("改扩建公办幼儿园5所", 5, "所")]),
    # …but a line that is no task's own wraps on into the work (culture, roads)
    ("全县各乡镇\n新建综合文化站12个", "全县各乡镇新建综合文化站12个", [("全县各乡镇新建综合文化站12个", 12, "个")]),
    ("推进农村公路\n改造提升30公里", "推进农村公路改造提升30公里", [("推进农村公路改造提升30公里", 30, "公里")]),
]


@pytest.mark.parametrize("form", ["docx", "html"])
def test_a_cells_task_lines_with_no_figure_are_parted_as_tasks(tmp_path, form):
    """A 分工表's task cell of one task a paragraph (Word) or a line (a page's <br>), the first with no figure, was read as
    one sentence: 加强职业院校建设推动校企合作, and a figure's quote ran over both (健全公共就业服务体系新建零工市场3个). A line
    opening with a task's verb is a task of its own; a wrapped task's last line, closing with its figure, is not."""
    header = ("序号", "工作任务", "牵头单位")
    rows = [(str(number), cell, "县交通运输局") for number, (cell, _, _) in enumerate(_TASK_CELLS, 1)]
    plan = tmp_path / f"plan.{form}"
    if form == "docx":
        document = docx.Document()
        document.add_paragraph("某县就业、河湖和农村公路工作方案（2024—2026年）")
        document.add_paragraph("附件：重点任务分工表")
        table = document.add_table(rows=len(rows) + 1, cols=3)
        for row, cells in zip(table.rows, [header, *rows]):
            for cell, text in zip(row.cells, cells):
                first, *more = text.split("\n")
                cell.text = first
                for paragraph in more:
                    cell.add_paragraph(paragraph)
        document.save(plan)
    else:
        body = "".join("<tr>" + "".join(f"<td>{cell.replace(chr(10), '<br>')}</td>" for cell in cells) + "</tr>" for cells in [header, *rows])
        plan.write_text("<html><body><div><p>某县就业、河湖和农村公路工作方案（2024—2026年）</p><p>附件：重点任务分工表</p>"
                        f"<table>{body}</table></div></body></html>", encoding="utf-8")
    read = extract(plan)
    assert [row[1] for table in read.tables for row in table.rows] == [joined for _, joined, _ in _TASK_CELLS]
    assert [(target.quote, target.value, target.unit) for target in read.targets] == [found for _, _, wanted in _TASK_CELLS for found in wanted]


def test_paragraph_and_row_numbers_count_in_document_order():
    path = SAMPLES / "jieyang-2022.docx"
    lines, _ = read_docx(path, path.read_bytes())
    assert [line.line for line in lines] == list(range(1, len(lines) + 1))
    assert all(line.page is None for line in lines)


_ODT_NAMESPACES = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                   'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
                   'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"')


@pytest.mark.parametrize("goal, hidden", [
    ("到2025年，农村自来水普及率达到90%。", "新建水厂999座。"),  # water
    ("到2025年，全市新建幼儿园30所。", "（此处填写：新建学校888所）"),  # education
], ids=["water", "education"])
def test_odt_hidden_text_is_no_text_of_the_plan(tmp_path, goal, hidden):
    # a span in a style set hidden (text:display none: T1), or inheriting it from a named style (T2 over Hidden_20_Note),
    # which LibreOffice neither shows nor prints: it was read as the plan's (999 座 a target); the text after it is read
    import zipfile

    content = (f'<office:document-content {_ODT_NAMESPACES}><office:automatic-styles>'
               '<style:style style:name="T1" style:family="text"><style:text-properties text:display="none"/></style:style>'
               '<style:style style:name="T2" style:family="text" style:parent-style-name="Hidden_20_Note">'
               '<style:text-properties style:font-name="SimSun"/></style:style></office:automatic-styles><office:body><office:text>'
               f'<text:p>一、工作目标</text:p><text:p>{goal}<text:span text:style-name="T1">{hidden}</text:span></text:p>'
               f'<text:p><text:span text:style-name="T2">{hidden}</text:span>每年培训200名。</text:p>'
               '<text:p>二、保障措施</text:p></office:text></office:body></office:document-content>')
    styles = (f'<office:document-styles {_ODT_NAMESPACES}><office:styles><style:style style:name="Hidden_20_Note" '
              'style:family="text"><style:text-properties text:display="none"/></style:style></office:styles></office:document-styles>')
    path = tmp_path / "plan.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
        archive.writestr("styles.xml", styles)
    assert [line.text for line in read_document(path).lines] == ["一、工作目标", goal, "每年培训200名。", "二、保障措施"]


# --- RTF -------------------------------------------------------------------


def rtf_lines(body: bytes, fonts: bytes = rb"{\f0\froman\fcharset0 Times New Roman;}", code_page: bytes = b"1252") -> list[str]:
    data = rb"{\rtf1\ansi\ansicpg" + code_page + rb"\deff0{\fonttbl" + fonts + b"}" + body + b"}"
    return texts(read_rtf(Path("plan.rtf"), data)[0])


def hexadecimal(text: str, encoding: str) -> bytes:
    return b"".join(b"\\'%02x" % byte for byte in text.encode(encoding))


@pytest.mark.parametrize("goal, hidden", [
    ("到2025年，农村自来水普及率达到90%。", "新建水厂999座。"),  # water
    ("到2025年，全市新建幼儿园30所。", "（此处填写：新建学校888所）"),  # education
], ids=["water", "education"])
def test_rtf_hidden_text_is_no_text_of_the_plan(goal, hidden):
    # \v (Font > Hidden), which Word neither shows nor prints, in a group and up to \v0 or \plain: it was read as the
    # plan's (999 座 a target)
    shown, unseen, task, heading = (hexadecimal(text, "gbk") for text in (goal, hidden, "每年培训200名", "二、保障措施"))
    body = shown + rb"{\v " + unseen + rb"}\par \v " + unseen + rb"\v0 " + task + rb"\par \v " + unseen + rb"\plain " + heading + rb"\par "
    assert rtf_lines(body, rb"{\f0\fnil\fcharset134 SimSun;}") == [goal, "每年培训200名", "二、保障措施"]


def test_rtf_reads_chinese_in_the_code_page_of_its_font():
    # an English Word's RTF (\ansicpg1252) writes Chinese as bytes of the font's character set: GB2312 (134), Big5 (136)
    fonts = rb"{\f0\froman\fcharset0 Times New Roman;}{\f1\fnil\fcharset134 \'cb\'ce\'cc\'e5;}{\f2\fnil\fcharset136 MingLiU;}"
    body = (rb"\pard\plain {\f1 " + hexadecimal("到2025年，学生体质健康达标率达到95%。", "gbk") + rb"}\par"
            + rb"\pard\plain {\f2 " + hexadecimal("每千人口執業醫師數達到3.2人。", "cp950") + rb"}\par")
    assert rtf_lines(body, fonts) == ["到2025年，学生体质健康达标率达到95%。", "每千人口執業醫師數達到3.2人。"]


@pytest.mark.parametrize("escaped, shown", [
    (rb"\uc1\u20840?\u21439?\u26032\'d0\u24314?", "全县新建"),  # one fallback character each, ? or a code page byte
    (rb"\uc2\u21307\'d2\'bd\u30103\'c1\'c6", "医疗"),  # two: a GBK character's two bytes
    (rb"\uc0\u25945\u32946", "教育"),  # none
    (rb"\u-3913?", "\uf0b7"),  # a negative number is the code unit's 16 bits
])
def test_rtf_unicode_escapes_skip_their_fallback(escaped, shown):
    assert rtf_lines(rb"\pard " + escaped + rb"\par") == [shown]


def unicode_escaped(text: str) -> bytes:
    """``text`` as Word writes it in \\uN escapes: a UTF-16 code unit each (negative past 32767), a ? fallback each."""
    units = [int.from_bytes(pair, "little") for pair in zip(*[iter(text.encode("utf-16-le"))] * 2)]
    return b"".join(rb"\u%d?" % (unit - 0x10000 if unit > 0x7FFF else unit) for unit in units)


@pytest.mark.parametrize("text", ["开展儿童错\U0002C317畸形筛查1万人次", "\U0002B5AF坑村新建农村公路3公里"])
def test_rtf_reads_characters_beyond_the_first_plane(text):
    # health (错𬌗畸形) and a village's name in rural roads: an ideograph of extension B is two escapes, a surrogate pair
    assert rtf_lines(rb"\uc1\pard " + unicode_escaped(text) + rb"\par") == [text]


def test_rtf_shows_the_body_only():
    # a header's and a footer's page numbers, a footnote, a picture (hexadecimal or \bin bytes), a field's instruction
    # and bookmarks are no text of the body; a field's result, a list's shown number and a backslash ending a line are
    body = (rb"{\header \pard \u31532?1\u39029?\par}{\footer \pard {\field{\*\fldinst PAGE}{\fldrslt 3}}\par}"
            rb"{\listtext\pard " + hexadecimal("一、", "gbk") + rb"\tab}\pard\ls1 " + hexadecimal("工作目标", "gbk") + rb"\par"
            rb"\pard " + hexadecimal("新增养老床位", "gbk") + rb"{\field{\*\fldinst HYPERLINK \"x\"}{\fldrslt 2000}}"
            + hexadecimal("张", "gbk") + rb"{\footnote \pard 1\par}{\*\bkmkstart a}{\*\bkmkend a}"
            rb"{\pict\pngblip 89504e47}{\*\shppict{\pict\bin4 " + b"}{\\}" + b"}}\\\n" + hexadecimal("培训教师500人", "gbk")
            + rb"\par")
    assert rtf_lines(body, code_page=b"936") == ["一、工作目标", "新增养老床位2000张", "培训教师500人"]


def test_rtf_tables_give_their_rows_merged_cells_filled_down():
    def cell(text: str) -> bytes:
        return rb"\pard\intbl " + hexadecimal(text, "gbk") + rb"\cell "

    first = rb"\trowd \clvmgf\cellx1500\cellx3000\cellx4500 "
    second = rb"\trowd \clvmrg\cellx1500\cellx3000\cellx4500 "
    body = (rb"\trowd \cellx1500\cellx3000\cellx4500 " + cell("行动") + cell("工作任务") + cell("牵头单位") + rb"\row "
            + first + cell("教育") + cell("新建学校3所") + cell("市教育局") + rb"\row "
            + second + cell("") + cell("培训教师500人") + rb"\pard\intbl " + hexadecimal("市教育局", "gbk")
            + rb"\par " + hexadecimal("市人社局", "gbk") + rb"\cell \row \pard " + hexadecimal("三、保障措施", "gbk") + rb"\par")
    lines, [table] = read_rtf(Path("plan.rtf"), rb"{\rtf1\ansi\ansicpg936 " + body + b"}")
    assert (table.header, table.rows) == (["行动", "工作任务", "牵头单位"],
                                          [["教育", "新建学校3所", "市教育局"], ["教育", "培训教师500人", "市教育局 市人社局"]])
    assert [(line.text, line.in_table) for line in lines][-1] == ("三、保障措施", False)


def test_rtf_nested_table_cells_are_parts_of_the_cell_holding_them():
    # a 分工表 of education and health whose cell holds a table of its own (\\itap2, \\nestcell, \\nestrow): its cells are
    # parts of the outer cell, and the text given to readers that know no nested tables is not read twice
    def row(*cells: bytes) -> bytes:
        return rb"\trowd \cellx3000\cellx6000 " + b"".join(cells) + rb"\row "

    def nested(*texts: str) -> bytes:
        return (rb"\pard\intbl\itap2 " + b"".join(hexadecimal(text, "gbk") + rb"\nestcell " for text in texts)
                + rb"{\*\nesttableprops\trowd \cellx1000\cellx2000 \nestrow}{\nonesttables " + hexadecimal("（见下表）", "gbk")
                + rb"\par}\pard\intbl\itap1 \cell ")

    def cell(text: str) -> bytes:
        return rb"\pard\intbl " + hexadecimal(text, "gbk") + rb"\cell "

    body = (row(cell("牵头单位"), cell("任务")) + row(cell("市教育局"), nested("新建学校", "3所"))
            + row(cell("市卫生健康委"), nested("培训全科医生", "200人")))
    _, [table] = read_rtf(Path("plan.rtf"), rb"{\rtf1\ansi\ansicpg936 " + body + b"}")
    assert table.rows == [["市教育局", "新建学校 3所"], ["市卫生健康委", "培训全科医生 200人"]]


@pytest.mark.parametrize("data", [b"{\\rtf1 {\\*\\generator x;}}", b"{\\rtf1\\ansi {\\info{\\title \\'b7\\'bd\\'b0\\'b8}}}"])
def test_an_rtf_document_with_no_text_is_refused_by_name(tmp_path, data):
    empty = tmp_path / "附件2.doc"
    empty.write_bytes(data)
    with pytest.raises(PlanparseError, match="the document has no text"):
        read_document(empty)


# --- PDF -------------------------------------------------------------------


def test_pdf_lines_keep_their_pages_without_page_numbers():
    document = read_document(SAMPLES / "jieyang-2022.pdf")
    pages = [line.page for line in document.lines]
    assert pages[0] == 1 and pages == sorted(pages) and pages[-1] > 20
    assert [line.line for line in document.lines] == list(range(1, len(document.lines) + 1))
    assert not any("—" in line.text and line.text.strip("— 0123456789") == "" for line in document.lines)
    # The fake bold heading is read once; its indent shows it opens a paragraph.
    heading = next(line for line in document.lines if line.text == "一、总体要求")
    assert heading.page == 1 and heading.opens_paragraph is True
    paragraphs = [p.text for p in normalize(document.lines)]
    # A sentence broken across a page boundary is rejoined, and starts on its first page.
    broken = next(p for p in normalize(document.lines) if "以提高全民科学素质服务高质量发展为目标" in p.text)
    assert broken.page == 1 and broken.text.endswith("提供基础支撑。")
    # A full line without a full stop (a title) does not swallow the indented paragraph after it,
    # and a sentence ending at the end of a full line does not end its paragraph.
    assert "揭阳市全民科学素质行动规划纲要实施方案（2022—2025年）" in paragraphs
    assert any("强化农村中学科技馆、乡村学校少年宫" in text and "调动农村基层组织积极性" in text for text in paragraphs)


def test_pdf_table_rows_replace_the_table_text():
    document = read_document(SAMPLES / "jieyang-2022.pdf")
    [table] = document.tables
    assert table.header == ["序号", "工作内容", "", "牵头单位", "责任单位"]
    assert [row[0] for row in table.rows] == [str(number) for number in range(1, 12)]  # the repeated header dropped
    rows = [line for line in document.lines if line.in_table]
    assert len(rows) == 1 + len(table.rows)
    assert len({line.page for line in rows}) == 2  # the table runs over two pages
    assert not any("市教育局" in line.text for line in document.lines if not line.in_table)


def test_only_pages_with_rulings_are_searched_for_tables(monkeypatch):
    from planparse.readers import pdf

    searched: list[int] = []  # tables found on each page searched, by PDFium's rulings or by pdfminer
    ruled, plumbed = pdf._ruled_tables, pdf._Plumber.tables
    monkeypatch.setattr(pdf, "_ruled_tables", lambda page: searched.append(len(ruled(page))) or ruled(page))
    monkeypatch.setattr(pdf._Plumber, "tables", lambda self, index: searched.append(len(plumbed(self, index))) or plumbed(self, index))
    read_document(SAMPLES / "jinjiang-2022.pdf")
    assert searched == []
    lines = read_document(SAMPLES / "jieyang-2022.pdf").lines
    assert len(searched) == len({line.page for line in lines if line.in_table}) and all(searched)


def long_table_pdf(repeat_header: bool) -> bytes:
    """A 40-row table that runs over two pages, its header repeated or not."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    cell = ParagraphStyle("cell", fontName="STSong-Light", fontSize=10, leading=13, wordWrap="CJK")
    rows = [["序号", "工作内容", "牵头单位"]] + [[str(n), f"实施第{n}项工程", "市科协"] for n in range(1, 41)]
    table = Table([[TableCell(text, cell) for text in row] for row in rows], repeatRows=1 if repeat_header else 0)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, invariant=1).build([TableCell("附件：工作分工表", cell), table])
    return buffer.getvalue()


@pytest.mark.parametrize("repeat_header", [True, False], ids=["header-repeated", "header-once"])
def test_a_table_broken_across_pages_is_one_table(repeat_header):
    lines, tables, _, _ = read_pdf(Path("long.pdf"), long_table_pdf(repeat_header))
    [table] = tables
    assert table.header == ["序号", "工作内容", "牵头单位"] and table.page == 1
    assert [row[0] for row in table.rows] == [str(n) for n in range(1, 41)]
    assert {line.page for line in lines if line.in_table} == {1, 2}
    assert lines[0].text == "附件：工作分工表" and not lines[0].in_table


def running_header_pdf(last_line: str = "") -> bytes:
    """Four pages with a running header, a page number over a footer and a fake-bold title."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    for page in range(1, 5):
        if last_line:
            canvas.setFont("STSong-Light", 16)
            canvas.drawString(72, 680, last_line)
        canvas.setFont("STSong-Light", 10)
        canvas.drawString(72, 800, "某某市人民政府办公室文件")
        canvas.drawString(280, 50, f"- {page} -")
        canvas.drawString(72, 30, f"{2022 + page % 2}年印发 内部资料")  # a footer whose number changes
        canvas.setFont("STSong-Light", 16)
        for shift in (0, 0.4):
            canvas.drawString(72 + shift, 740, f"{'一二三四'[page - 1]}、第{page}部分")
        canvas.drawString(72, 700, f"这是第{page}页的正文内容。")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def body_lines(page: int) -> list[str]:
    return [f"{'一二三四'[page - 1]}、第{page}部分", f"这是第{page}页的正文内容。"]


def test_running_headers_footers_and_fake_bold_are_cleaned():
    lines, tables, _, _ = read_pdf(Path("header.pdf"), running_header_pdf())
    assert [(line.page, line.text) for line in lines] == [(page, text) for page in range(1, 5) for text in body_lines(page)]
    assert tables == []


def test_a_line_of_one_glyph_in_an_unembedded_font_is_kept():
    # PDFium skips it when no font on the machine has the glyph's outline.
    lines, _, _, _ = read_pdf(Path("glyph.pdf"), running_header_pdf(last_line="完"))
    assert [(line.page, line.text) for line in lines] == [
        (page, text) for page in range(1, 5) for text in [*body_lines(page), "完"]
    ]


# A font PDFium asks the machine for, a system font mapper recording each ask, is set before the reader is imported.
_FONTS_ASKED_FOR = """
import ctypes, sys
from pathlib import Path
import pypdfium2.raw as pdfium_c
asked = []
fields = dict(pdfium_c.FPDF_SYSFONTINFO._fields_)
record = fields["EnumFonts"](lambda info, mapper: asked.append("fonts listed"))
info = pdfium_c.FPDF_SYSFONTINFO(version=1, EnumFonts=record)
pdfium_c.FPDF_SetSystemFontInfo(ctypes.byref(info))
from planparse.readers import read_document
read_document(Path(sys.argv[1]))
print(len(asked))
"""


def test_a_pdf_reads_the_same_whatever_fonts_the_machine_has():
    # sealed-office.pdf leaves its CJK font out: with one installed (wqy-zenhei), PDFium read its seal's ring over the
    # signature and the signature lost 省 and 办. The reader gives PDFium no fonts of the machine to look for.
    import subprocess
    import sys

    pdf = DATA / "print" / "sealed-office.pdf"
    done = subprocess.run([sys.executable, "-c", _FONTS_ASKED_FOR, str(pdf)], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0"]


def hidden_text_pdf(plan: list[str], hidden: str, last_line: str = "") -> bytes:
    """``plan`` printed a line each, its last line set in a font of size 1 scaled up by its matrix and its second last
    in a scaled form (as browsers and some converters draw all their text), and ``hidden`` drawn in 1 and 0.5 point
    type below: text a page hides (keywords for search engines, a tracing mark); ``last_line`` under it all."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    for number, line in enumerate(plan[:-2]):
        canvas.setFont("STSong-Light", 14)
        canvas.drawString(72, 760 - 24 * number, line)
    canvas.beginForm("scaled")
    canvas.setFont("STSong-Light", 1)
    canvas.drawString(0, 0, plan[-2])
    canvas.endForm()
    canvas.saveState()
    canvas.transform(14, 0, 0, 14, 72, 400)
    canvas.doForm("scaled")
    canvas.restoreState()
    text = canvas.beginText()
    text.setTextTransform(14, 0, 0, 14, 72, 376)
    text.setFont("STSong-Light", 1)
    text.textLine(plan[-1])
    canvas.drawText(text)
    for size, top in ((1, 300), (0.5, 290)):
        canvas.setFont("STSong-Light", size)
        canvas.drawString(72, top, hidden)
    if last_line:
        canvas.setFont("STSong-Light", 14)
        canvas.drawString(72, 200, last_line)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.mark.parametrize("last_line", ["", "完"], ids=["pdfium", "pdfminer"])  # a one-glyph line: PDFium loses it
@pytest.mark.parametrize("plan, hidden", [
    (["某县农村供水保障行动方案", "一、工作目标", "到2025年，农村自来水普及率达到90%。", "二、保障措施", "每年培训管水员200名。"],
     "到2025年，新建水厂999座。"),
    (["某市学前教育提升行动方案", "一、主要目标", "到2025年，全市新建幼儿园30所。", "二、重点任务", "每年培训园长200名。"],
     "学前教育 幼儿园 入园率 新建学校888所"),
], ids=["water", "education"])
def test_text_drawn_too_small_to_be_read_is_no_text_of_the_plan(plan, hidden, last_line):
    # it was read as the plan's (999 座 a target); a font of size 1 that its matrix or its form scales up is read
    lines, _, _, _ = read_pdf(Path("hidden.pdf"), hidden_text_pdf(plan, hidden, last_line))
    assert [line.text for line in lines] == plan + ([last_line] if last_line else [])


# --- Markdown --------------------------------------------------------------

# Plans as notes apps and site editors export them: the markup is no part of the text
MARKDOWN_PLANS = {
    "health": ("""---
title: 某县基层医疗卫生服务能力提升行动方案
---
某县基层医疗卫生服务能力提升行动方案
=====================================

> 为提升基层医疗卫生服务能力，制定本方案。

## 一、工作目标

到2025年，村卫生室标准化建设达标率达到**100%**，[家庭医生](https://example.gov.cn/jtys)签约服务覆盖率达到*75%*以上。

![图片](banner.png)

## 二、重点任务

1\\. 建设县域医共体。每年培训乡村医生\\*200人次。

- 完善远程会诊系统`（二期）`。

| 序号 | 任务 | 牵头单位 |
|:---:|---|---|
| 1 | 建设医共体 | 县卫生健康局 |
| 2 | 完善系统 \\| 二期 | 县医保局<br>县财政局 |

***
""", ["某县基层医疗卫生服务能力提升行动方案", "为提升基层医疗卫生服务能力，制定本方案。", "一、工作目标",
      "到2025年，村卫生室标准化建设达标率达到100%，家庭医生签约服务覆盖率达到75%以上。", "二、重点任务",
      "1. 建设县域医共体。每年培训乡村医生*200人次。", "完善远程会诊系统（二期）。", "序号\t任务\t牵头单位",
      "1\t建设医共体\t县卫生健康局", "2\t完善系统 | 二期\t县医保局 县财政局"]),
    "education": ("""# 某区学前教育普惠发展行动方案 #

### 一、工作目标 ###
到2024年，全区学前三年毛入园率达到95%，
普惠性幼儿园覆盖率达到85%。

```
（一）扩大普惠资源
```

+ 新建公办幼儿园5所。
* 开展园长培训200人次。
- 3 -
""", ["某区学前教育普惠发展行动方案", "一、工作目标", "到2024年，全区学前三年毛入园率达到95%，", "普惠性幼儿园覆盖率达到85%。",
      "（一）扩大普惠资源", "新建公办幼儿园5所。", "开展园长培训200人次。", "- 3 -"]),
}


@pytest.mark.parametrize("field", MARKDOWN_PLANS)
def test_markdown_gives_its_text_without_the_markup(tmp_path, field):
    # a front matter, setext and closed ATX headings, a quote, emphasis, a link, an image, an escaped list number and
    # star, a bullet, inline code, a fenced block, a pipe table with an escaped | and a <br> in a cell, a rule; a
    # paragraph's lines without a blank line between are left for normalise, a page number is no bullet
    text, expected = MARKDOWN_PLANS[field]
    path = tmp_path / "plan.md"
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    assert document.format == "md"
    assert [line.text for line in document.lines] == expected
    assert [(table.header, table.rows) for table in document.tables] == (
        [(["序号", "任务", "牵头单位"], [["1", "建设医共体", "县卫生健康局"], ["2", "完善系统 | 二期", "县医保局 县财政局"]])]
        if field == "health" else [])
    headings = [line.text for line in document.lines if line.opens_paragraph]
    assert "一、工作目标" in headings and "普惠性幼儿园覆盖率达到85%。" not in headings


def test_markdown_pasted_into_a_text_file_gives_its_tables_and_headings_the_rest_as_written(tmp_path):
    # water's indicator table and education's task table pasted from a Markdown editor into a .txt (one with no outer
    # pipes, an escaped | in a cell), a heading set with hashes; the rest stays as written, for normalise to read as a
    # text's: bold in a cell, a line with a | and no delimiter row under it (after the table's blank line), a rule, a
    # hash that sets no heading (an energy plan's #2机组)
    path = tmp_path / "plan.txt"
    path.write_text("\n".join([
        "一、主要目标", "| 指标 | 2025年 | 属性 |", "|:---|:---:|---:|", "| 城市污水处理率（%） | **98** | 约束性 |",
        "| 农村自来水普及率（%） | 90 | 预期性 |", "", "指标口径|说明", "二、重点任务", "序号 | 任务 | 牵头单位", "--- | --- | ---",
        "1 | 新建公办幼儿园5所 | 县教育局", "2 | 完善学位预警系统 \\| 二期 | 县教育局", "---", "## 三、保障措施 ##",
        "#2机组年内完成超低排放改造。"]), encoding="utf-8")
    document = read_document(path)
    assert document.format == "txt"
    assert [line.text for line in document.lines] == [
        "一、主要目标", "指标\t2025年\t属性", "", "城市污水处理率（%）\t**98**\t约束性", "农村自来水普及率（%）\t90\t预期性", "", "指标口径|说明",
        "二、重点任务", "序号\t任务\t牵头单位", "", "1\t新建公办幼儿园5所\t县教育局", "2\t完善学位预警系统 | 二期\t县教育局", "---",
        "三、保障措施", "#2机组年内完成超低排放改造。"]


@pytest.mark.parametrize("lines, hidden", [
    (["某县农村供水保障行动方案", "一、工作目标", "到2025年，农村自来水普及率达到90%。", "二、保障措施"], "新建水厂999座。"),
    (["某市学前教育提升行动方案", "一、主要目标", "到2025年，全市新建幼儿园30所。", "二、重点任务"], "（此处填写：新建学校888所）"),
], ids=["water", "education"])
def test_hidden_text_in_a_docx_is_no_text_of_the_plan(tmp_path, lines, hidden):
    # Font > Hidden (w:vanish), which Word neither shows nor prints, after a goal, in a table's cell and in a character
    # style based on one that hides: it was read as the plan's (999 座 a target); a run that sets vanish off is shown
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    hiding = document.styles.add_style("Writer Note", WD_STYLE_TYPE.CHARACTER)
    hiding.font.hidden = True
    document.styles.add_style("Writer Note Bold", WD_STYLE_TYPE.CHARACTER).base_style = hiding
    for text in lines[:2]:
        document.add_paragraph(text)
    goal = document.add_paragraph(lines[2])
    goal.add_run(hidden).font.hidden = True
    cell = document.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0]
    cell.add_run(hidden, style="Writer Note Bold")
    cell.add_run("每年培训200名").font.hidden = False
    document.add_paragraph(lines[3])
    path = tmp_path / "plan.docx"
    document.save(path)
    assert [line.text for line in read_document(path).lines] == [*lines[:3], "每年培训200名", lines[3]]


def test_a_tab_in_a_docx_paragraph_is_a_space_unless_its_paragraphs_are_a_typed_table(tmp_path):
    # headings typed 一、<tab>总体要求 and notes 牵头单位：<tab>… are no table; three paragraphs of three cells and more are
    # (health and transport)
    document = docx.Document()
    for text in ["一、\t总体要求", "（一）\t工作目标", "牵头单位：\t县卫生健康局", "序号\t指标\t2025年",
                 "1\t家庭医生签约率（%）\t75", "2\t农村公路优良路率（%）\t85", "二、\t保障措施"]:
        document.add_paragraph(text)
    path = tmp_path / "plan.docx"
    document.save(path)
    assert [line.text for line in read_document(path).lines] == [
        "一、 总体要求", "（一） 工作目标", "牵头单位： 县卫生健康局", "序号\t指标\t2025年", "1\t家庭医生签约率（%）\t75",
        "2\t农村公路优良路率（%）\t85", "二、 保障措施"]


_SITE_FOOTERS = [
    # vocational training on a city's site, health on a county's: who runs the site, its code and registration
    ("某市职业技能提升行动方案\n一、目标任务\n到2025年，全市开展补贴性职业技能培训5万人次以上。\n二、保障措施\n"
     "（一）加强资金保障。2024年安排资金1.2亿元。\n附件：1.补贴标准 2.申报材料清单\n",
     "扫一扫在手机打开当前页\n主办单位：某市人民政府办公室\n网站标识码：3301000001\nICP备案：浙ICP备12345678号\n"),
    ("某县基层卫生服务能力提升方案\n一、工作目标\n到2025年，乡镇卫生院达到服务能力基本标准的比例达到90%以上。\n"
     "二、组织保障\n各乡镇卫生院要明确专人负责。\n",
     "【打印本页】【关闭窗口】\n主办单位：某县卫生健康局\n承办单位：某县卫生健康信息中心\n版权所有 某县卫生健康局\n"),
    # sport on a city bureau's site, water on a county's: who keeps the site running, or its map, and no code
    ("某市2025年全民健身工作方案\n一、工作目标\n到2025年，新建社区健身中心10个。\n二、保障措施\n（一）加强组织领导。各部门要密切配合。\n",
     "主办单位：某市体育局\n运维单位：某市大数据中心\n"),
    ("某县农村供水保障工作方案\n一、工作目标\n到2025年，农村自来水普及率达到95%。\n二、保障措施\n各乡镇要落实管护责任。\n",
     "主办：某县水利局 运行维护：某县信息中心 网站地图\n"),
]


@pytest.mark.parametrize("flat", [False, True], ids=["lined", "flat"])
@pytest.mark.parametrize("plan, footer", _SITE_FOOTERS, ids=["employment", "health", "sport", "water"])
def test_the_footer_of_the_site_a_text_was_saved_from_is_not_the_plans(tmp_path, plan, footer, flat):
    # finding 5: 主办单位：某市人民政府办公室 of the footer was the lead unit of the last section, lined or all on one line
    text = plan + footer
    path = tmp_path / "plan.txt"
    path.write_text(text.replace("\n", " ") if flat else text, encoding="utf-8")
    document = extract(path)
    assert [r.lead for r in document.responsibilities] == []
    kept = " ".join(line.text for line in read_document(path).lines)
    assert "主办单位" not in kept and plan.splitlines()[-1] in kept


@pytest.mark.parametrize("plan, box, values", [
    # rural roads and elderly care pages: the files the page offers for download under its article, and the link to
    # report an error, above its footer
    ("某县“四好农村路”三年行动方案\n一、工作目标\n到2025年，新改建农村公路300公里。\n二、保障措施\n县财政三年安排配套资金不少于1.5亿元。\n",
     "\n相关附件：\n某县推进“四好农村路”高质量发展三年行动方案.docx\n2024年全县50个农村公路重点项目清单.xlsx\n\n【我要纠错】　【打印本页】　【关闭窗口】\n",
     [300, 150000000]),
    ("某区养老服务体系建设实施方案\n一、主要目标\n到2025年，护理型床位占比达到60%以上。\n二、组织保障\n各街道要明确专人负责。\n",
     "附件下载\n某区养老服务体系建设实施方案（2023—2025年）.pdf\n全区120家养老机构名单.xls\n【我要纠错】\n", [60]),
], ids=["transport", "elderly-care"])
def test_the_download_box_of_the_page_a_text_was_saved_from_is_not_the_plans(tmp_path, plan, box, values):
    # the files' names ran on into the last section's text, their figures read as its targets (50 个, 120 家)
    path = tmp_path / "plan.txt"
    path.write_text(plan + box + "扫一扫在手机打开当前页\n主办单位：某县人民政府办公室\n网站标识码：3610250002\n", encoding="utf-8")
    document = extract(path)
    *_, last = document.sections
    assert last.body == plan.splitlines()[-1]
    assert [target.value for target in document.targets] == values


@pytest.mark.parametrize("text, footer", [
    # a science-week notice whose own sentences name who runs the event, and a county health page's footer on one line
    ("主办单位：市科协。承办单位：市科技馆，网站标识码见页脚。", "扫一扫在手机打开当前页 主办单位：某市人民政府办公室 网站标识码：3301000001"),
    ("二、组织保障\n各乡镇卫生院要明确专人负责；", "主办单位：某县卫生健康局 版权所有 某县卫生健康局"),
    ("", "【打印本页】【关闭窗口】 版权所有：某市教育局 技术支持：某网络公司"),
])
def test_a_site_footer_starts_after_the_last_sentence_where_its_first_mark_is(text, footer):
    # sought after the last sentence end only: the footer's words in the sentences before it open none
    assert site_footer_start(text + footer) == len(text)


def test_the_marks_a_footer_is_sought_after_are_those_each_run_of_the_footer_pattern_leaves_out():
    # site_footer_start searches only after the last of them: rules/metadata.yaml's web_footer must hold none, its runs
    # of any character ([^。；！？]*) leave each out, and no other part of it takes any character
    source = metadata_rules().patterns["web_footer"].pattern
    runs = re.findall(r"\[\^([^\]]*)\]", source)
    assert runs and all(set(_NO_FOOTER_MARKS) <= set(run) for run in runs)
    outside_runs = re.sub(r"\[\^[^\]]*\]", "", source)
    assert not set(_NO_FOOTER_MARKS) & set(outside_runs) and not re.search(r"(?<!\\)\.|\\[DSWP]", outside_runs)


@pytest.mark.parametrize("box, number, published", [
    # a page's information box copied with its cells parted by tabs, over the notice (the lead's finding 9b: environment,
    # and education)
    (["索引号：\t11360981MB1234567X/2025-00123\t发布机构：\t丰城市人民政府办公室", "发文字号：\t丰府办发〔2025〕21号\t发布日期：\t2025-06-12"],
     "丰府办发〔2025〕21号", "2025-06-12"),
    (["索引号：\t000014349/2024-00088\t主题分类：\t教育", "发文机关：\t某县教育局\t发文字号：\t某教发〔2024〕5号", "发布日期：\t2024-03-02"],
     "某教发〔2024〕5号", "2024-03-02"),
])
def test_a_texts_information_box_in_tabbed_cells_gives_the_documents_number_and_publishing_day(tmp_path, box, number, published):
    notice = ["关于印发《某县课后服务提质行动方案》的通知", "各学校：", "现将方案印发给你们，请认真组织实施。", "某县教育局", "2024年2月28日",
              "某县课后服务提质行动方案", "一、工作目标", "到2025年，课后服务覆盖率达到100%。"]
    plan = tmp_path / "plan.txt"
    plan.write_text("\n".join([*box, *notice]) + "\n", encoding="utf-8")
    document = extract(plan)
    assert (document.metadata.doc_number, document.metadata.published) == (number, published)
    assert [target.value for target in document.targets] == [100]  # the box's index number is no target


WORD_XML = DATA / "wordxml"


def test_a_word_xml_document_gives_the_extraction_of_its_docx():
    """Word's Save As, Word XML Document (*.xml): the DOCX's parts inline in one XML file (tests/data/wordxml, written
    by its make_word_xml.py). It was read as text, its XML one sentence past the limit, and refused."""
    plan, docx_file = extract(WORD_XML / "zhanjiang-2016.xml"), extract(SAMPLES / "zhanjiang-2016.docx")
    assert plan.source.format == "docx"
    assert (plan.metadata, plan.sections, plan.targets, plan.responsibilities, plan.tables) == \
        (docx_file.metadata, docx_file.sections, docx_file.targets, docx_file.responsibilities, docx_file.tables)


def test_the_word_xml_document_is_written_the_same_every_time():
    from importlib.util import module_from_spec, spec_from_file_location

    spec = spec_from_file_location("make_word_xml", WORD_XML / "make_word_xml.py")
    make = module_from_spec(spec)
    spec.loader.exec_module(make)
    assert make.word_xml((SAMPLES / "zhanjiang-2016.docx").read_bytes()) == (WORD_XML / "zhanjiang-2016.xml").read_bytes()


@pytest.mark.parametrize(("damage", "problem"), [
    (lambda data: data[: len(data) // 2], "not a valid Word XML document"),
    (lambda data: data.replace(b"</pkg:package>", b'<pkg:part pkg:name="/word/media/image1.png" pkg:contentType="image/png">'
                                                  b"<pkg:binaryData>iVBO*w0KGgo=</pkg:binaryData></pkg:part></pkg:package>"),
     "the part /word/media/image1.png is damaged"),
])
def test_a_damaged_word_xml_document_is_one_line(damage, problem, tmp_path):
    data = (WORD_XML / "zhanjiang-2016.xml").read_bytes()
    plan = tmp_path / "plan.xml"
    plan.write_bytes(damage(data))
    with pytest.raises(PlanparseError, match=problem):
        extract(plan)


def test_a_word_2003_xml_document_is_refused_saying_how_to_convert_it(tmp_path):
    plan = tmp_path / "plan.xml"
    plan.write_text('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
                    '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body><w:p><w:r>'
                    '<w:t>一、工作目标</w:t></w:r></w:p></w:body></w:wordDocument>', encoding="utf-8")
    with pytest.raises(PlanparseError, match="a Word 2003 XML document is not read; convert it first: soffice"):
        extract(plan)
