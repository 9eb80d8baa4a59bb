"""Makes the copies of unseen plans as people have them: ``python make_copies.py`` (soffice on the PATH).

huayang-….docx: the plan in Word, its 重点任务清单 a real table (python-docx, then saved again by LibreOffice as Word
saves it); zean-….web.txt: the plan as a crawler keeps a county site's page, on one line between the site's menu and
footer; hechuan-….tw.txt: the plan in Taiwan's forms and words (OpenCC s2twp: 信息 becomes 資訊), with its answer's
quotes converted alike (hechuan-….tw.targets.json); liuxi-….pdf: the plan printed to PDF from Word by LibreOffice;
qingshi-….docx (its 责任分工表 a real table), xiyuan-….web.txt (a district site's page) and dongtang-….tw.txt (its
indicator table in Taiwan's words) likewise, and xianglan-….pdf (its indicator table ruled, printed by LibreOffice);
jiawan-….docx (its 重点项目表 a real table), tonghu-….web.txt (a 爱卫会 site's page) and yuanan-….tw.txt (its 分县任务表 in
Taiwan's words) likewise. chengzhou-….framed.docx, lanshan-….framed.docx and chengzhou-….framed.html: the plan laid out in a
table, as 红头 templates and sites' pages pasted into Word have it, and as old sites' pages do: its body, tables and all,
in one cell, under boxes of its 索引号, 发布机构 and 文号 or beside a column of links (``framed_copy``). qiyuan-….docx,
luyuan-….docx and yuehe-….docx (a yearly target table) as python-docx writes them, as the systems that generate offices' files do.
pingtang-….xlsx and shuanghe-….xlsx: the 任务清单 alone as a workbook (its title in the first row, then the list), as offices send a list
out with the notice that prints it (``sheet_copy``). guitang-….pdf, shanxi-….docx and anlan-….wps.docx as samples/make_samples.py writes a
seed (``sample_copy``): a PDF laid out as 公文 (28 characters a line, hard wraps, — N — page numbers, its 分工表 ruled), a Word file whose
headings Word's own lists number, and a .docx as WPS Office saves one, its headings numbered by WPS's own lists;
bojiang-….pdf, tanshan-….docx and fengxi-….pdf likewise; meichuan-….docx (its 分工表 a real table) as python-docx writes it;
lanhu-….pdf (a 公文 PDF) and weitang-….docx (its 分工表 a real table) likewise; songbai-….tw.txt (its 分工表 in Taiwan's words),
yunbei-….web.txt (a county site's page on one line) and qinghu-….pdf (a 公文 PDF) likewise. bailing-….print.pdf: a county
site's page printed to PDF by Chromium, the browser's header and footer (the date, the page's title, its address, 1/3) on each
page (``printed_page``); meigang-….tw.html: a city site's page as its 繁體 switch serves it, every character converted (OpenCC
s2t), its 分工表 a real table, with its answer's quotes converted alike (``site_page``); guichuan-….docx: its 分工表 a real
table whose 牵头单位 cell is merged down over the rows one unit leads, as offices type it (``word_copy``'s ``merged``).
wangchuan-….table.html: a city bureau's page as an old CMS lays it out, every paragraph a row of a table, in GB2312
(``table_page``); hetang-….tw.txt: the plan in the traditional forms with its line breaks lost (``flat_traditional_copy``);
cenjiang-….gazette.pdf: the plan as a government gazette prints it, in two columns (``sample_copy``'s ``gazette.pdf``).
"""
from __future__ import annotations

import html
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import docx
import opencc

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from plan_files import sample_writer  # noqa: E402  (samples/make_samples.py as a module)

HERE = Path(__file__).resolve().parent
UNSEEN = HERE.parent
# the menu and breadcrumb before a plan and the footer after it, as each site's page has them
SITES = {
    "zean-funv-fazhan-guihua-2021": (
        "首页 政务公开 政策文件 规划计划 互动交流 您当前的位置：首页 > 政务公开 > 规划计划 发布时间：2022-04-20 09:30 "
        "来源：县妇儿工委办 浏览次数：1263 【字体：大 中 小】 ",
        " 【打印本页】 【关闭窗口】 相关链接 泽安县“十四五”卫生健康规划 泽安县儿童发展规划（2021—2030年） "
        "主办单位：泽安县人民政府办公室 承办单位：泽安县大数据中心 网站标识码：4331270001 湘ICP备12003456号 联系电话：0743-5221001"),
    "xiyuan-gonggong-falv-fuwu-2024": (
        "网站首页 走进西源 政务公开 政务服务 政民互动 当前位置：首页 > 政务公开 > 区政府文件 "
        "索引号：11330104MB1234567X/2024-00031 发布机构：西源区人民政府办公室 发布日期：2024-04-10 阅读次数：856 【字号：大 中 小】 ",
        " 【打印】 【关闭】 上一篇：西源区2024年优化营商环境工作要点 下一篇：西源区关于进一步加强农村人居环境整治的通知 "
        "主办：西源区人民政府办公室 地址：西源区府前路1号 电话：0579-86011234 滨ICP备10023456号-2 网站标识码：3301040015"),
    "tonghu-aiguo-weisheng-yaodian-2024": (
        "桐湖市卫生健康委员会 首页 机构概况 新闻动态 信息公开 爱国卫生 健康桐湖 您现在的位置：首页 > 爱国卫生 > 通知公告 "
        "发布时间：2024-03-08 16:20 来源：市爱卫办 浏览次数：2317 【字号：大 中 小】 ",
        " 附件下载：桐湖市2024年爱国卫生工作考核评分表.xlsx 【打印】 【关闭】 上一篇：关于开展2024年春季爱国卫生运动的通知 "
        "下一篇：桐湖市病媒生物防制技术指南 主办单位：桐湖市卫生健康委员会 技术支持：桐湖市大数据中心 地址：桐湖市健康路18号 "
        "联系电话：0571-88012320 浙ICP备05012345号 网站标识码：3301000023"),
    "yunbei-liushou-ertong-2025": (
        "云贝县人民政府 首页 走进云贝 政务公开 办事服务 互动交流 当前位置：首页 > 政务公开 > 政府文件 > 县政府办文件 "
        "索引号：431122000/2025-00042 发布机构：云贝县人民政府办公室 生成日期：2025-03-12 浏览次数：1086 【字体：大 中 小】 ",
        " 【打印本页】 【关闭窗口】 上一篇：云贝县2025年春季农村人居环境整治工作方案 下一篇：云贝县困难群众救助资金管理办法 "
        "主办单位：云贝县人民政府办公室 承办单位：云贝县融媒体中心 地址：云贝县府前街9号 联系电话：0746-3321001 "
        "湘ICP备13004567号 网站标识码：4311220003"),
    "bailing-gushu-mingmu-2025": (
        "柏岭县人民政府 首页 政务公开 政策文件 县政府办文件 当前位置：首页 > 政务公开 > 政策文件 "
        "索引号：431024000/2025-00057 发布机构：柏岭县人民政府办公室 成文日期：2025-04-16 发布日期：2025-04-18 ",
        "【打印本页】 【关闭窗口】 主办单位：柏岭县人民政府办公室 地址：柏岭县人民路1号 联系电话：0739-6221001 "
        "湘ICP备14005678号 网站标识码：4310240002"),
    "wangchuan-yuanqian-jijiu-2025": (
        "望川市卫生健康委员会 网站首页 机构概况 政务公开 政策法规 卫生应急 您现在的位置：首页 >> 政务公开 >> 政策文件 ",
        "【打印此页】 【关闭窗口】 版权所有：望川市卫生健康委员会 地址：望川市健康大道66号 电话：0797-8123120 赣ICP备09001234号"),
    "meigang-zhichao-2025": (
        "梅岗市人民政府 首页 政务公开 政策文件 市政府办文件 简体版 繁體版 当前位置：首页 > 政务公开 > 政策文件 "
        "发布时间：2025-03-10 来源：市政府办公室 浏览次数：742 【字体：大 中 小】 ",
        "【打印】 【关闭】 上一篇：梅岗市2025年普通公路养护工作要点 下一篇：梅岗市农村公路管理养护办法 "
        "主办：梅岗市人民政府办公室 联系电话：0762-2281001 粤ICP备11006789号 网站标识码：4416000004"),
}


def plan_lines(stem: str) -> list[str]:
    return (UNSEEN / f"{stem}.txt").read_text(encoding="utf-8").splitlines()


def word_copy(stem: str, printed: bool = False, ruled: bool = False, by_office: bool = True, merged: int | None = None) -> None:
    """The plan as a Word file, or (``printed``) as the PDF Word prints of it; its table ``ruled`` (Word's 网格型, as
    offices print indicator tables) or bare, the column ``merged`` (if any) one cell down each run of rows that repeat it;
    saved again by LibreOffice as Word saves it, or (not ``by_office``) as python-docx writes it, as the systems that
    generate offices' files do."""
    lines = plan_lines(stem)
    rows = [line.split("\t") for line in lines if "\t" in line]
    document = docx.Document()
    for line in lines:
        if line.strip() and "\t" not in line:
            document.add_paragraph(line)
        elif rows and line.split("\t") == rows[0]:  # the table where its header stood
            table = document.add_table(rows=len(rows), cols=len(rows[0]), style="Table Grid" if ruled else None)
            for cells, row in zip(table.rows, rows):
                for cell, text in zip(cells.cells, row):
                    cell.text = text
            if merged is not None:
                merge_runs_down(table, merged)
    if not by_office:
        document.save(HERE / f"{stem}.docx")
        return
    with tempfile.TemporaryDirectory() as folder:
        document.save(Path(folder) / f"{stem}.docx")
        kind = "pdf" if printed else "docx:MS Word 2007 XML"
        subprocess.run(["soffice", "--headless", "--convert-to", kind, "--outdir", str(HERE), str(Path(folder) / f"{stem}.docx")],
                       check=True, capture_output=True)


def merge_runs_down(table, column: int) -> None:
    """Each run of body rows repeating the cell of ``column`` above it made one cell, its text written once."""
    cells = [row.cells[column] for row in table.rows[1:]]
    first = 0
    for number in range(1, len(cells) + 1):
        if number == len(cells) or cells[number].text != cells[first].text:
            if number - first > 1:
                text = cells[first].text
                cells[first].merge(cells[number - 1]).text = text
            first = number


def site_page(stem: str, convert=lambda text: text) -> str:
    """The plan as its site's page: the menu and breadcrumb, the article (a paragraph a line, its tab rows a table) and
    the footer, every character through ``convert`` (a site's 繁體 switch)."""
    top, foot = SITES[stem]
    article = "".join(f"<p>{html.escape(block)}</p>" if isinstance(block, str) else
                      "<table border='1'>" + "".join("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
                                                     for row in block) + "</table>" for block in framed_rows(stem))
    title = next(line for line in plan_lines(stem) if line.strip())
    page = (f"<html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head><body><div class='nav'>{html.escape(top)}</div>"
            f"<div class='article'><h1>{html.escape(title)}</h1>{article}</div><div class='footer'>{html.escape(foot)}</div></body></html>\n")
    return convert(page)


def printed_page(stem: str) -> None:
    """The site's page printed to PDF by Chromium with the browser's own header and footer."""
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / f"{stem}.html"
        page.write_text(site_page(stem), encoding="utf-8")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={HERE / f'{stem}.print.pdf'}",
                        page.as_uri()], check=True, capture_output=True)


def traditional_page(stem: str) -> None:
    """The site's page as its 繁體 switch serves it (OpenCC s2t), and the answer's quotes converted alike."""
    convert = opencc.OpenCC("s2t").convert
    (HERE / f"{stem}.tw.html").write_text(site_page(stem, convert), encoding="utf-8")
    converted_answer(stem, convert)


def table_page(stem: str) -> None:
    """The site's page as an old CMS lays it out: tables all the way, the article's every paragraph a row of its own
    table (its 　　 indent kept, its tab rows a table in a row), under a row of the article's 发布日期, 来源 and 点击数, all
    in a layout table beside a column of links."""
    top, foot = SITES[stem]
    title = next(line for line in plan_lines(stem) if line.strip())
    rows = "".join(f"<tr><td class='p' style='line-height:28px'>{html.escape(block) if isinstance(block, str) else ''}"
                   + ("" if isinstance(block, str) else
                      "<table border='1' cellspacing='0' width='100%'>" + "".join(
                          "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in block) + "</table>")
                   + "</td></tr>" for block in framed_rows(stem))
    article = (f"<table width='100%' cellpadding='0' cellspacing='0'><tr><td align='center' class='title'><b>{html.escape(title)}</b></td></tr>"
               "<tr><td align='center' class='info'>发布日期：2025-04-10　来源：市卫生健康委　点击数：1358</td></tr>"
               f"{rows}</table>")
    links = "<table><tr><td><a href='/zwgk/'>政策文件</a></td></tr><tr><td><a href='/jd/'>政策解读</a></td></tr></table>"
    (HERE / f"{stem}.table.html").write_text(
        f"<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'><title>{html.escape(title)}</title></head>"
        f"<body><table width='1000' align='center'><tr><td colspan='2'>{html.escape(top)}</td></tr>"
        f"<tr><td width='200' valign='top'>{links}</td><td width='800' valign='top'>{article}</td></tr>"
        f"<tr><td colspan='2' align='center'>{html.escape(foot)}</td></tr></table></body></html>\n", encoding="gb18030")


def flat_traditional_copy(stem: str) -> None:
    """The plan in the traditional forms (OpenCC s2t) with its line breaks lost, as a crawler keeps a site's 繁體 page's
    text, and the answer's quotes converted alike."""
    convert = opencc.OpenCC("s2t").convert
    (HERE / f"{stem}.tw.txt").write_text(convert("".join(plan_lines(stem))) + "\n", encoding="utf-8")
    converted_answer(stem, convert)


def web_copy(stem: str) -> None:
    top, foot = SITES[stem]
    (HERE / f"{stem}.web.txt").write_text(top + "".join(plan_lines(stem)) + foot + "\n", encoding="utf-8")


def taiwan_copy(stem: str) -> None:
    convert = opencc.OpenCC("s2twp").convert
    (HERE / f"{stem}.tw.txt").write_text(convert((UNSEEN / f"{stem}.txt").read_text(encoding="utf-8")), encoding="utf-8")
    converted_answer(stem, convert)


def converted_answer(stem: str, convert) -> None:
    """The answer of a 繁體 copy: the plan's, its quotes converted as the copy's text is."""
    answer = json.loads((UNSEEN / f"{stem}.targets.json").read_text(encoding="utf-8"))
    for target in answer["targets"]:
        target["quote"] = convert(target["quote"])
    (HERE / f"{stem}.tw.targets.json").write_text(json.dumps(answer, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# The boxes over a framed plan's body, row by row: a site's 索引号, 发布机构 and 文号 (each label beside its value), or
# (a row alone) a column of links beside the body
FRAMES = {
    "chengzhou-baozhang-zufang-2024": [["索引号", "11440800MB2C45678K/2024-00106", "主题分类", "住房保障"],
                                       ["发布机构", "澄州市人民政府办公室", "成文日期", "2024-06-03"],
                                       ["文号", "澄政办规〔2024〕6号", "发布日期", "2024-06-05"]],
    "lanshan-tuoyu-fuwu-2024": [["相关文件 岚山市托育机构设置标准 政策解读 一图读懂托育服务三年行动"]],
}


def framed_rows(stem: str) -> list[list[str] | str]:
    """The plan's paragraphs, each run of tab-separated rows one table (a list of rows)."""
    blocks: list[list[str] | str] = []
    for line in plan_lines(stem):
        if "\t" in line:
            if not blocks or isinstance(blocks[-1], str):
                blocks.append([])
            blocks[-1].append(line.split("\t"))
        elif line.strip():
            blocks.append(line)
    return blocks


def framed_copy(stem: str, form: str) -> None:
    """The plan's body in one cell of a layout table: under its boxes (a .docx or an old site's .html page), or beside
    them when they are one row's."""
    boxes, blocks = FRAMES[stem], framed_rows(stem)
    if form == "html":
        body = "".join(f'<p style="text-indent:2em">{html.escape(block)}</p>' if isinstance(block, str) else
                       "<table border=1>" + "".join("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
                                                    for row in block) + "</table>" for block in blocks)
        info = "".join("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in boxes)
        (HERE / f"{stem}.framed.html").write_text(
            "<html><head><meta charset='utf-8'></head><body><div class='nav'><a href='/'>首页</a> <a href='/zwgk/'>政务公开</a></div>"
            f"<table width='900' align='center'>{info}<tr><td colspan='{len(boxes[0])}' class='content'>{body}</td></tr></table>"
            "<div class='footer'>版权所有：澄州市人民政府办公室 网站标识码：4408000012</div></body></html>\n", encoding="utf-8")
        return
    document = docx.Document()
    beside = len(boxes) == 1
    table = document.add_table(rows=1 if beside else len(boxes) + 1, cols=2 if beside else len(boxes[0]))
    for cells, row in zip(table.rows, [] if beside else boxes):
        for cell, text in zip(cells.cells, row):
            cell.text = text
    if beside:
        table.rows[0].cells[0].text = boxes[0][0]
    body = table.rows[-1].cells[-1] if beside else table.rows[-1].cells[0].merge(table.rows[-1].cells[-1])
    for number, block in enumerate(blocks):
        if isinstance(block, str):
            paragraph = body.paragraphs[0] if number == 0 else body.add_paragraph()
            paragraph.text = block
        else:
            inner = body.add_table(rows=len(block), cols=len(block[0]))
            for cells, row in zip(inner.rows, block):
                for cell, text in zip(cells.cells, row):
                    cell.text = text
    document.save(HERE / f"{stem}.framed.docx")


SHEET_PARTS = {
    "[Content_Types].xml": ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                            '<Default Extension="xml" ContentType="application/xml"/>'
                            '<Override PartName="/xl/workbook.xml" '
                            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                            '<Override PartName="/xl/worksheets/sheet1.xml" '
                            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    "_rels/.rels": ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    '<Relationship Id="rId1" Target="xl/workbook.xml" '
                    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'),
    "xl/_rels/workbook.xml.rels": ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                   '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
                                   'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>'),
    "xl/workbook.xml": ('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                        '<sheets><sheet name="任务清单" sheetId="1" r:id="rId1"/></sheets></workbook>'),
}


def sheet_copy(stem: str) -> None:
    """The plan's list (its lines typed with tabs) as a workbook of one sheet, the list's title in its first row: cells
    of inline text, as the systems that export a list write them."""
    lines = plan_lines(stem)
    first = next(index for index, line in enumerate(lines) if "\t" in line)
    rows = [[lines[first - 1]], *(line.split("\t") for line in lines[first:] if line.strip())]
    cells = "".join(f'<row r="{number}">' + "".join(f'<c r="{chr(65 + column)}{number}" t="inlineStr"><is><t>{html.escape(text)}</t></is></c>'
                                                    for column, text in enumerate(row)) + "</row>"
                    for number, row in enumerate(rows, 1))
    sheet = f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{cells}</sheetData></worksheet>'
    with zipfile.ZipFile(HERE / f"{stem}.xlsx", "w", zipfile.ZIP_DEFLATED) as book:
        for name, text in {**SHEET_PARTS, "xl/worksheets/sheet1.xml": sheet}.items():
            book.writestr(name, text)


def sample_copy(stem: str, suffix: str) -> None:
    """The plan written as samples/make_samples.py writes its seeds: ``pdf``, ``docx`` (headings numbered by Word's lists),
    ``wps.docx`` or ``gazette.pdf`` (a government gazette's page: two columns, a table on a page of its own)."""
    writer = sample_writer()
    blocks = writer.seed_blocks(UNSEEN / f"{stem}.txt")
    written = {"pdf": lambda: writer.write_pdf(blocks), "docx": lambda: writer.write_docx(blocks, auto_numbered=True),
               "wps.docx": lambda: writer.write_wps_docx(blocks),
               "gazette.pdf": lambda: writer.write_pdf(blocks, writer.GazetteWriter())}
    (HERE / f"{stem}.{suffix}").write_bytes(written[suffix]())


if __name__ == "__main__":
    word_copy("huayang-daqi-wuran-fangzhi-2024")
    web_copy("zean-funv-fazhan-guihua-2021")
    taiwan_copy("hechuan-dongwu-fangyi-2024")
    word_copy("liuxi-gonggong-wenhua-2024", printed=True)
    word_copy("qingshi-jiceng-yingji-nengli-2024")
    web_copy("xiyuan-gonggong-falv-fuwu-2024")
    taiwan_copy("dongtang-minzheng-guihua-2021")
    word_copy("xianglan-yiliao-baozhang-guihua-2021", printed=True, ruled=True)
    word_copy("jiawan-chongdian-sheshi-2024")
    web_copy("tonghu-aiguo-weisheng-yaodian-2024")
    taiwan_copy("yuanan-zhongyiyao-2024")
    framed_copy("chengzhou-baozhang-zufang-2024", "docx")
    framed_copy("lanshan-tuoyu-fuwu-2024", "docx")
    framed_copy("chengzhou-baozhang-zufang-2024", "html")
    word_copy("qiyuan-zhuanjing-texin-2026", by_office=False)
    word_copy("luyuan-huafei-nongyao-2025", by_office=False)
    sheet_copy("pingtang-laonian-zhucan-2025")
    word_copy("yuehe-yijiu-huanxin-2024", by_office=False)
    sheet_copy("shuanghe-zhiliang-qiangxian-2025")
    sample_copy("guitang-gonggong-jigou-jieneng-2025", "pdf")
    sample_copy("shanxi-xiaoche-anquan-2025", "docx")
    sample_copy("anlan-cailanzi-gongcheng-2025", "wps.docx")
    sample_copy("bojiang-gangkou-wuliu-2025", "pdf")
    sample_copy("tanshan-songcai-xianchong-2025", "docx")
    word_copy("meichuan-hedao-caisha-2025", by_office=False)
    sample_copy("fengxi-linxia-jingji-2025", "pdf")
    sample_copy("lanhu-yanhua-baozhu-2025", "pdf")
    word_copy("weitang-shuiku-yimin-2025", by_office=False)
    taiwan_copy("songbai-xianyu-shangye-2025")
    web_copy("yunbei-liushou-ertong-2025")
    sample_copy("qinghu-shuiyuandi-baohu-2025", "pdf")
    printed_page("bailing-gushu-mingmu-2025")
    traditional_page("meigang-zhichao-2025")
    word_copy("guichuan-changqi-huli-baoxian-2025", by_office=False, merged=2)
    table_page("wangchuan-yuanqian-jijiu-2025")
    flat_traditional_copy("hetang-dukou-duchuan-2025")
    sample_copy("cenjiang-jiating-nongchang-2025", "gazette.pdf")
