"""Write the real-looking prints and pastes that tests/test_page_furniture.py reads.

    .venv/bin/python tests/data/print/make_prints.py

Each file copies one kind of damage seen in plans as people have them
(../shared/corpus/real, SOURCES.md): a browser's print of a gov.cn page
(two columns with the sidebar drawn first, a frame of ruled boxes around the
text, Kangxi radicals for common characters, the address and "第1页 共2页"
with the print time on every page); a reposted plan printed from a site
("1 of 2" and the print date, mixed ASCII and full-width indents); an office
PDF with page numbers in three styles; one with a red masthead and a seal
stamped over its signature; one whose glyphs are drawn one by one, set apart; a web page pasted into WPS (one-cell
layout tables, an INCLUDEPICTURE field, an image); a two-page browser print of another plan, the print time over each
page, whose duty table a page break parts, its last row alone atop page 2. Re-running gives the same PDFs.
"""
from __future__ import annotations

import io
import math
import struct
import zlib
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

HERE = Path(__file__).resolve().parent
FONT = "STSong-Light"
TITLE = "某省人民政府关于推进城乡供水一体化的实施意见"
# The plan every file carries: (kind, text); kind "h" is a heading line.
PLAN = [
    ("h", "⼀、总体要求"),
    ("p", "到2025年，全省城乡供水一体化覆盖率达到85%以上，农村自来水普及率达到98%。城乡供水实现同源、同网、同质、同服务，群众饮水安全保障水平明显提升。"),
    ("h", "⼆、重点任务"),
    ("h", "（⼀）建设骨干水源工程。"),
    ("p", "新建和改扩建水厂120座，新增日供水能力200万吨。优先利用水库等优质水源，推进规模化供水工程建设，逐步替代分散式小型供水设施。"),
    ("h", "（⼆）完善管网体系。"),
    ("p", "到2023年底，改造老旧供水管网3000公里，管网漏损率控制在10%以内。推动城市管网向乡镇和农村延伸，实现城乡供水管网互联互通。"),
    ("h", "三、保障措施"),
    ("p", "各地要加强组织领导，落实属地责任，建立考核机制，确保各项任务按期完成。"),
]
SIDEBAR = ["相关报道", "某省召开城乡供水", "一体化推进会", "图解", "图解：城乡供水一体", "化实施意⻅", "解读", "五年内农村自来水", "普及率达98%"]


def _font() -> None:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _wrap(text: str, width: int) -> list[str]:
    return [text[start:start + width] for start in range(0, len(text), width)]


def _pdf(pages: list[list[tuple[str, str]]], draw) -> bytes:
    """A PDF of one page per group of plan items, each drawn by ``draw(canvas, number, items)``."""
    _font()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    for number, items in enumerate(pages, 1):
        draw(canvas, number, items)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def browser_print() -> bytes:
    """A two-page browser print of a gov.cn article: sidebar first, frame boxes, radicals, URL and 第N页 共2页."""
    def draw(canvas: Canvas, number: int, items: list[tuple[str, str]]) -> None:
        canvas.setFont(FONT, 8)
        canvas.drawString(18, 825, f"{TITLE[:16]}... http://www.example.gov.cn/zhengce/content/2016-07/11/content_5090298.htm")
        canvas.drawString(18, 12, f"第{number}⻚ 共2⻚ 2016年07⽉13日 05:06")
        top = 760
        if number == 1:
            canvas.setFont(FONT, 10)
            for index, line in enumerate(SIDEBAR):  # drawn first, as the page's source has it
                canvas.drawString(400, 620 - 16 * index, line)
            canvas.drawString(140, 800, "国务院 总理 新闻 政策 互动")
            canvas.drawString(72, 782, "⾸⻚ > 信息公开 > 政策⽂件")
            canvas.setFont(FONT, 14)
            canvas.drawString(120, 740, TITLE)
            top = 710
        canvas.setLineWidth(0.5)
        for box in range(4):  # the page's frame: ruled boxes that hold no table
            canvas.rect(86 - 2 * box, 60 - 2 * box, 260 + 4 * box, top + 20 - 60 + 4 * box)
        canvas.setFont(FONT, 10)
        y = top
        for _, text in items:
            for index, line in enumerate(_wrap(text, 21)):
                canvas.drawString(94 + (20 if index == 0 else 0), y, line)
                y -= 14
        if number == 2:
            canvas.drawString(94, y - 40, "版权所有：某省人民政府办公厅　网站标识码：3300000001　某ICP备05001234号")

    return _pdf([PLAN[:5], PLAN[5:]], draw)


def repost_print() -> bytes:
    """A plan reposted on another site and printed: site header, "1 of 2" footer, ASCII and full-width indents."""
    def draw(canvas: Canvas, number: int, items: list[tuple[str, str]]) -> None:
        canvas.setFont(FONT, 8)
        canvas.drawString(18, 825, "某市公立医院管理中心 http://www.example.com/main?fid=open&fun=show")
        canvas.drawString(18, 12, f"{number} of 2 11/18/2015 05:28 PM")
        canvas.setFont(FONT, 10)
        y = 780
        if number == 1:
            canvas.drawString(62, y, "您的位置： 首页 > 政策法规")
            canvas.drawString(150, y - 30, TITLE)
            y -= 60
        for position, (_, text) in enumerate(items):
            lead = "　　" if position % 2 else "    "  # full-width spaces, then ASCII spaces
            for index, line in enumerate(_wrap(text, 30)):
                canvas.drawString(84, y, (lead if index == 0 else "") + line)
                y -= 14

    return _pdf([PLAN[:4], PLAN[4:]], draw)


# A plan's duty table (water, health) whose last row a page break carries over alone, as browsers print a long table
DUTY_TITLE = "某县城乡供水和卫生健康重点任务实施方案"
DUTY_PLAN = [
    ("h", "一、重点任务"),
    ("p", "到2025年，全县农村自来水普及率达到98%，每千人口执业（助理）医师数达到3.2人。各项任务分工如下："),
]
DUTY_TABLE = [
    ["序号", "重点任务", "牵头单位", "配合单位"],
    ["1", "实施农村供水保障工程", "县水利局", "县财政局、各乡镇人民政府"],
    ["2", "推进县域医共体建设", "县卫生健康局", "县医保局、县财政局"],
    ["3", "开展饮用水水质监测", "县卫生健康局", "县水利局、市生态环境局某县分局"],
]
DUTY_CLOSING = [("h", "二、保障措施"), ("p", "各乡镇、各部门要加强组织领导，确保各项任务按期完成。")]
LINKS_BOX = ["热词", "", "省政府权责清单", "政府工作报告"]  # a printed page's box of links: one ruled row, no table
_CELL_WIDTHS = (40, 150, 90, 180)


def _ruled_row(canvas: Canvas, cells: list[str], top: float, height: float = 22) -> None:
    """One row of ruled cells from ``top`` down, at the article column's left."""
    x = 70
    for text, width in zip(cells, _CELL_WIDTHS):
        canvas.rect(x, top - height, width, height)
        canvas.drawString(x + 4, top - 15, text)
        x += width


def browser_table_print() -> bytes:
    """A two-page browser print whose duty table runs over the page break, its last row alone atop page 2: the time
    and the page's title over each page, the address and "1/2" under it; a box of links closes the article."""
    def draw(canvas: Canvas, number: int, items: list[tuple[str, str]]) -> None:
        canvas.setFont(FONT, 8)
        canvas.drawString(18, 825, f"2023/5/6 10:21  {DUTY_TITLE}")
        canvas.drawString(18, 12, "http://www.example.gov.cn/zwgk/ghjh/202305/t20230506_123456.html")
        canvas.drawRightString(578, 12, f"{number}/2")
        canvas.setFont(FONT, 10)
        y = 790
        if number == 1:
            canvas.drawString(120, y, DUTY_TITLE)
            y -= 30
            for _, text in items:
                for index, line in enumerate(_wrap(text, 34)):
                    canvas.drawString(70 + (20 if index == 0 else 0), y, line)
                    y -= 16
            for row in DUTY_TABLE[:3]:
                _ruled_row(canvas, row, y)
                y -= 22
            return
        _ruled_row(canvas, DUTY_TABLE[3], y)
        y -= 40
        for _, text in items:
            canvas.drawString(70 + (20 if text.endswith("。") else 0), y, text)
            y -= 16
        _ruled_row(canvas, LINKS_BOX, y - 20)

    return _pdf([DUTY_PLAN, DUTY_CLOSING], draw)


def _draw_paragraphs(canvas: Canvas, items: list[tuple[str, str]], y: float) -> float:
    """An office document's paragraphs from ``y`` down, first lines indented; where the last line ended."""
    for _, text in items:
        for index, line in enumerate(_wrap(text, 28)):
            canvas.drawString(90 + (24 if index == 0 else 0), y, line)
            y -= 18
    return y


def office_pdf() -> bytes:
    """An office's own PDF, its page numbers in three styles."""
    def draw(canvas: Canvas, number: int, items: list[tuple[str, str]]) -> None:
        canvas.setFont(FONT, 12)
        _draw_paragraphs(canvas, items, 760)
        canvas.drawString(280, 40, ["— 1 —", "- 2 -", "第 3 页"][number - 1])

    return _pdf([PLAN[:3], PLAN[3:6], PLAN[6:]], draw)


# Sentences of three real plans naming things in Latin letters: air (tests/data/unseen/huayang-daqi-wuran-fangzhi-2024),
# water supply (wild 14, 平潭 城市供水), intellectual property (tests/data/unseen/yanhu-zhishichanquan-guihua-2021, its
# indicator table's row as a sentence)
LATIN_PLAN = [
    ("h", "一、主要目标"),
    ("p", "2024年，全市PM2.5平均浓度控制在34微克/立方米以下，优良天数比率达到84%以上。"),
    ("p", "根据今后的原水水质逐步增加：化学需氧量(COD)、高锰酸盐指数、总有机碳(TOC)。"),
    ("p", "到2025年，专利密集型产业增加值占GDP比重达到12%。"),
]
_GLYPH_GAP = 6  # points between glyphs drawn one by one: wider than a quarter of the 12-point font, a word's gap


def spaced_office_pdf() -> bytes:
    """An office's PDF whose converter drew each glyph on its own, set apart (a line spaced out to its width): a
    reader puts a space between every two of them, Latin letters too (G D P, P M 2 . 5)."""
    def draw(canvas: Canvas, number: int, items: list[tuple[str, str]]) -> None:
        canvas.setFont(FONT, 12)
        y = 760
        for _, text in items:
            for index, line in enumerate(_wrap(text, 20)):
                x = 90 + (24 if index == 0 else 0)
                for glyph in line:
                    canvas.drawString(x, y, glyph)
                    x += pdfmetrics.stringWidth(glyph, FONT, 12) + _GLYPH_GAP
                y -= 18

    return _pdf([LATIN_PLAN], draw)


def sealed_office_pdf() -> bytes:
    """An office's one-page PDF with a red masthead and, over its signature, a red seal: its name set round the ring glyph by glyph, a star inside."""
    def draw(canvas: Canvas, number: int, items: list[tuple[str, str]]) -> None:
        canvas.setFillColorRGB(0.8, 0, 0)
        canvas.setFont(FONT, 26)
        canvas.drawCentredString(297, 760, "某省人民政府办公厅文件")
        canvas.setStrokeColorRGB(0.8, 0, 0)
        canvas.setLineWidth(2)
        canvas.line(72, 735, 523, 735)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont(FONT, 12)
        y = _draw_paragraphs(canvas, items, 700)
        canvas.drawString(380, y - 30, "某省人民政府办公厅")
        canvas.drawString(390, y - 50, "2016年4月25日")
        centre_x, centre_y, radius = 430, y - 40, 42
        canvas.setStrokeColorRGB(0.8, 0, 0)
        canvas.circle(centre_x, centre_y, radius)
        canvas.setFillColorRGB(0.8, 0, 0)
        canvas.setFont(FONT, 11)
        name = "某省人民政府办公厅"
        for index, glyph in enumerate(name):
            angle = 150 - index * 120 / (len(name) - 1)
            canvas.saveState()
            canvas.translate(centre_x + (radius - 12) * math.cos(math.radians(angle)),
                             centre_y + (radius - 12) * math.sin(math.radians(angle)))
            canvas.rotate(angle - 90)
            canvas.drawCentredString(0, 0, glyph)
            canvas.restoreState()
        canvas.drawCentredString(centre_x, centre_y - 4, "★")

    return _pdf([PLAN], draw)


def _png() -> bytes:
    """A 1x1 red PNG: the tiny images a pasted page brings along."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")


def _box(document: docx.Document, lines: list[str]) -> None:
    """A one-cell layout table holding lines, as a pasted web page gives them."""
    table = document.add_table(rows=1, cols=1)
    cell = table.cell(0, 0)
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def web_paste_docx() -> bytes:
    """A gov page pasted into WPS: the 文号, the notice and the body each in a one-cell table; a picture field; an image."""
    document = docx.Document()
    picture = document.add_paragraph()
    picture._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>'))
    picture._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> INCLUDEPICTURE "http://www.example.gov.cn/images/banner.png" \\* MERGEFORMATINET </w:instrText></w:r>'))
    picture._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'))
    document.add_picture(io.BytesIO(_png()))
    _box(document, ["某教〔2016〕13号"])
    _box(document, [TITLE])
    _box(document, ["各市、县人民政府，省政府各部门：", "　　现将本意见印发给你们，请认真贯彻执行。"])
    _box(document, ["　　" + text for _, text in PLAN])
    _box(document, ["某省人民政府办公厅 2016年4月25日印发"])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def main() -> None:
    for name, make in (("browser-print.pdf", browser_print), ("repost-print.pdf", repost_print),
                       ("office-page-numbers.pdf", office_pdf), ("sealed-office.pdf", sealed_office_pdf),
                       ("spaced-office.pdf", spaced_office_pdf), ("web-paste.docx", web_paste_docx),
                       ("browser-table-print.pdf", browser_table_print)):
        (HERE / name).write_bytes(make())


if __name__ == "__main__":
    main()
