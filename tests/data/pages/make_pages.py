"""A plan as web pages of other sites and tools give it, written from its paragraphs (tab-separated cells a
table row). tests/test_input_forms.py reads each page against the text the paragraphs come from.

* word: Word's "Save as Web Page": MsoNormal paragraphs in spans, <o:p> marks and empty &nbsp; paragraphs between,
  the heading markers of Word's own list numbering in <![if !supportLists]> blocks with their tab as &nbsp; spans;
* trs: a government site run on TRS WCM: menus and a breadcrumb around the article, the editor's style sheet inside
  the article's TRS_Editor block, ArticleTitle and PubDate meta tags, a footer with the site's registration;
* layout: a site of nested layout tables, one cell a paragraph, saved in GB18030 (declared gb2312);
* br: the whole text one block, its paragraphs parted by <br/> and indented with full-width spaces, under a menu
  row (首页 | 政府信息公开);
* mht: the word page as Word saves a single file web page, the web archive sites offer as 附件.doc; unversioned-mht
  the same without its MIME-Version header, as some tools that save pages write it;
* columns: a page of two columns, the side column first in the page's source: related documents named as plans are
  named, a 解读 quoting the plan's targets and a news item's figures, topics; the article in the other column.
"""
from __future__ import annotations

import html
import re
from typing import Callable

MARKER = re.compile(r"^(?P<marker>[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])(?P<title>.*)$")
_WORD_SPAN = "<span style='font-size:16.0pt;font-family:仿宋_GB2312'>"


def _blocks(lines: list[str], paragraph: Callable[[str], str], table: tuple[str, str]) -> str:
    """The lines as ``paragraph`` writes them, each run of tab-separated rows one table (``table``: its tags)."""
    out: list[str] = []
    in_table = False
    for line in lines:
        if "\t" in line:
            out += [] if in_table else [table[0]]
            out.append("<tr>" + "".join(f"<td><p>{html.escape(cell)}</p></td>" for cell in line.split("\t")) + "</tr>")
            in_table = True
            continue
        out += [table[1]] if in_table else []
        in_table = False
        out.append(paragraph(line))
    return "\n".join(out + ([table[1]] if in_table else []))


def _word_paragraph(line: str) -> str:
    numbered = MARKER.match(line)
    if numbered:
        return (f"<p class=MsoListParagraph style='text-indent:32.0pt'><![if !supportLists]>{_WORD_SPAN}"
                f"{html.escape(numbered['marker'])}<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span>"
                f"<![endif]>{_WORD_SPAN}{html.escape(numbered['title'])}<o:p></o:p></span></p>")
    return (f"<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'>{_WORD_SPAN}{html.escape(line)}<o:p></o:p>"
            "</span></p>\n<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>")


def word(lines: list[str], title: str) -> str:
    body = _blocks(lines, _word_paragraph, ("<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>", "</table>"))
    return f"""<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15"><title>{html.escape(title)}</title>
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>user</o:Author></o:DocumentProperties></xml><![endif]-->
<style><!-- p.MsoNormal {{margin:0cm;text-align:justify;font-size:10.5pt;font-family:等线;}}
@page WordSection1 {{size:595.3pt 841.9pt;}} div.WordSection1 {{page:WordSection1;}} --></style>
</head><body lang=ZH-CN style='text-justify-trim:punctuation'><div class=WordSection1>
{body}
</div></body></html>"""


def trs(lines: list[str], title: str) -> str:
    body = _blocks(lines, lambda line: f'<p style="text-indent: 2em; text-align: justify;">{html.escape(line)}</p>',
                   ("<table border=1>", "</table>"))
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)}_政府信息公开_某市人民政府门户网站</title>
<meta name="ArticleTitle" content="{html.escape(title)}"><meta name="PubDate" content="2022-10-08 16:30"></head>
<body><div class="header"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/bsfw/">办事服务</a></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政策文件</div>
<div class="article"><h1 class="title">{html.escape(title)}</h1>
<div class="info">来源：市政府办公室 发布时间：2022-10-08 字号：[ 大 中 小 ]</div>
<div class="TRS_Editor"><style type="text/css">.TRS_Editor P{{margin-top:0;margin-bottom:12px;line-height:1.8;font-family:宋体;
font-size:12pt;}}.TRS_Editor DIV,.TRS_Editor TD,.TRS_Editor TH{{font-family:宋体;font-size:12pt;}}</style>
<div class="Custom_UnionStyle">
{body}
</div></div></div>
<div class="share">分享到：</div><div class="footer">主办：某市人民政府办公室 网站标识码：4400000001 粤ICP备00000000号</div>
</body></html>"""


def layout(lines: list[str], title: str) -> str:
    body = _blocks(lines, lambda line: f'<tr><td class="content" style="text-indent:2em">{html.escape(line)}</td></tr>',
                   ("<tr><td><table border=1>", "</table></td></tr>"))
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>{html.escape(title)}</title></head>
<body><table width="1000" align="center"><tr><td><table><tr><td><a href="/">首页</a></td><td><a href="/xxgk/">信息公开</a></td>
</tr></table></td></tr>
<tr><td><table width="100%"><tr><td align="center" class="bt">{html.escape(title)}</td></tr>
{body}
</table></td></tr><tr><td>版权所有：某县人民政府 技术支持：某某网络公司</td></tr></table></body></html>"""


def br(lines: list[str], title: str) -> str:
    text = "<br/>\n".join(html.escape(line.replace("\t", " ") if "\t" in line else "　　" + line) for line in lines)
    return f"""<html><head><meta charset="utf-8"><title>{html.escape(title)}</title></head><body>
<div class="nav"><a href="/">首页</a> | <a href="/gk">政府信息公开</a></div><div id="zoom">{text}</div>
<div class="bottom">打印本页 关闭窗口</div></body></html>"""


_SIDE_COLUMN = """<div class="related"><h3>相关文件</h3><ul>
<li><a href="/zwgk/1.html">某市人民政府办公室关于印发某市养老服务体系建设三年行动方案（2023—2025年）的通知</a></li>
<li><a href="/zwgk/2.html">某市全民健身实施计划（2021—2025年）</a></li></ul></div>
<div class="jd"><h3>政策解读</h3><p><a href="/jd/1.html">一图读懂：到2025年全市新建幼儿园30所</a></p>
<p>《方案》提出，到2025年，全市5G基站达到1.2万个，公共充电桩覆盖率达到100%。</p>
<p>记者从市发展改革委获悉，2023年全市完成固定资产投资1500亿元，同比增长8.5%。</p></div>
<div class="hot"><h3>热点专题</h3><a href="/zt/1">优化营商环境</a> <a href="/zt/2">乡村振兴</a></div>"""


def columns(lines: list[str], title: str) -> str:
    body = _blocks(lines, lambda line: f'<p style="text-indent:2em">{html.escape(line)}</p>', ("<table border=1>", "</table>"))
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)}_某市人民政府</title></head>
<body><div class="header"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>
<div class="container"><div class="side" style="float:left;width:28%">{_SIDE_COLUMN}</div>
<div class="main" style="float:right;width:70%"><h1>{html.escape(title)}</h1>
<div class="info">发布时间：2022-10-08 来源：市政府办公室</div><div class="content">
{body}
</div></div></div>
<div class="footer">主办：某市人民政府办公室 网站标识码：4400000001</div></body></html>"""


FORMS = {"word": word, "trs": trs, "layout": layout, "br": br, "columns": columns}


def web_archive(page: str) -> bytes:
    """``page`` as Word saves a "single file web page" (.mht), which sites offer as 附件.doc: a MIME message of related
    parts, the page declared GB2312 and written in what Windows means by it (GBK: — and 〔 are not GB2312's) as
    quoted-printable, then an image of its own (the seal)."""
    import quopri
    from email.message import Message
    from email.mime.image import MIMEImage
    from email.mime.multipart import MIMEMultipart

    archive = MIMEMultipart("related", boundary="----=_NextPart_01D8A1B2.3C4D5E60")
    archive.preamble = "This document is a Single File Web Page, also known as a Web Archive file."
    html_part = Message()
    html_part["Content-Location"] = "file:///C:/D8A1B23C/plan.htm"
    html_part["Content-Transfer-Encoding"] = "quoted-printable"
    html_part["Content-Type"] = 'text/html; charset="gb2312"'
    html_part.set_payload(quopri.encodestring(page.replace("charset=utf-8", "charset=gb2312").encode("gbk")).decode("ascii"))
    image = MIMEImage(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "gif")
    image["Content-Location"] = "file:///C:/D8A1B23C/plan.files/image001.gif"
    archive.attach(html_part)
    archive.attach(image)
    return archive.as_bytes().replace(b"\n", b"\r\n")


def pages(lines: list[str], title: str) -> dict[str, bytes]:
    """Each form of the plan of paragraphs ``lines`` whose title is ``title``, as the bytes of its file."""
    written = {name: make(lines, title).encode("gb18030" if name == "layout" else "utf-8") for name, make in FORMS.items()}
    archive = web_archive(word(lines, title))
    # as tools that save pages outside a browser or Word write it: no MIME-Version header
    return {**written, "mht": archive, "unversioned-mht": archive.replace(b"MIME-Version: 1.0\r\n", b"", 1)}
