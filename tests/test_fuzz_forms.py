"""Fuzzing ``extract`` with hostile web pages, DOCX, ODT, OFD, XLSX and PDF files built from the pieces attacks use: deep
nesting, entities, spans and merges past any table, list numbers Word cannot show, styles in a circle,
broken cross-references, pages of no size, forms in forms. Each either extracts or is refused with one
line naming the file; never an internal error."""
from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import pytest
from conftest import SAMPLES, zipped
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

TEXT = ["一、总体目标", "（二）重点任务", "到2025年，全市学前教育普及率达到95%以上。", "每年新增就业5000人，失业率控制在4.5%以内。",
        "牵头单位：市教育局", "2025年底前", "全覆盖", "9" * 120, "&amp;", "&#x4e00;", "&#99999999;", "&#0;", "&nbsp;", "\u3000", "𠀀"]
NUMBERS = ["0", "1", "-5", "3", "99999", "4294967296", "1e9", "x", "", "9" * 400]


def _settings(examples: int):
    return settings(max_examples=examples, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _survives(planparse, path: Path, data: bytes) -> None:
    path.write_bytes(data)
    run = planparse("extract", path)
    event(f"{path.suffix}: exit {run.code} {run.stderr.split(': ')[-1][:40] if run.code else ''}")
    assert run.code in (0, 2), run.stderr
    assert "internal error" not in run.stderr and "Traceback" not in run.stderr, run.stderr
    if run.code:
        assert run.stderr.startswith(f"planparse: {path}: ") and run.stderr.count("\n") == 1, run.stderr


# --- web pages -------------------------------------------------------------------------------------------

@st.composite
def web_page(draw) -> bytes:
    tags = ["<p>", "</p>", "<div>", "</div>", "<table>", "</table>", "<tr>", "<td>", "</td>", "<br>", "<span>", "<!--", "-->",
            "<script>", "</script>", "<![if !supportLists]>", "<![endif]>", "<h1>", "<li>", "<title>", "</title>"]
    pieces = draw(st.lists(st.one_of(st.sampled_from(tags + TEXT),
                                     st.builds(lambda span, value: f"<td {span}='{value}'>", st.sampled_from(["rowspan", "colspan"]), st.sampled_from(NUMBERS))),
                           max_size=60))
    depth = draw(st.sampled_from([0, 10, 255, 300]))
    charset = draw(st.sampled_from(["utf-8", "gb2312", "utf-16", "latin1", "x-bogus", "utf-7"]))
    page = f"<html><head><meta charset='{charset}'></head><body>" + "<div>" * depth + "".join(pieces) + "</div>" * depth
    return page.encode("utf-8") + draw(st.binary(max_size=20))


@_settings(40)
@given(page=web_page())
def test_any_hostile_web_page_extracts_or_is_refused_in_one_line(planparse, tmp_path_factory, page: bytes):
    _survives(planparse, tmp_path_factory.mktemp("fuzz") / "page.html", page)


# --- DOCX ------------------------------------------------------------------------------------------------

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_MERGES = ["", "<w:vMerge/>", "<w:vMerge w:val='restart'/>"]


def _paragraph(text: str, numbered: bool = False, style: str = "") -> str:
    properties = (f'<w:pStyle w:val="{style}"/>' if style else "") + ('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' if numbered else "")
    return f"<w:p><w:pPr>{properties}</w:pPr><w:r><w:t xml:space='preserve'>{text}</w:t></w:r></w:p>"


@st.composite
def docx_file(draw) -> bytes:
    text = st.sampled_from([piece for piece in TEXT if "&" not in piece])
    body = []
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["paragraph", "numbered", "styled", "table", "box"]))
        if kind == "table":
            cells = "".join(f'<w:tc><w:tcPr><w:gridSpan w:val="{draw(st.sampled_from(NUMBERS))}"/>'
                            f'{draw(st.sampled_from(_MERGES))}</w:tcPr>{_paragraph(draw(text))}</w:tc>'
                            for _ in range(draw(st.integers(1, 4))))
            body.append("<w:tbl>" + f"<w:tr>{cells}</w:tr>" * draw(st.integers(1, 5)) + "</w:tbl>")
        elif kind == "box":
            body.append("<w:p><w:r><w:pict><v:textbox xmlns:v='urn:schemas-microsoft-com:vml'><w:txbxContent>"
                        f"{_paragraph(draw(text))}</w:txbxContent></v:textbox></w:pict></w:r></w:p>")
        else:
            body.append(_paragraph(draw(text), kind == "numbered", "Looped" if kind == "styled" else ""))
    level = (f'<w:lvl w:ilvl="{draw(st.sampled_from(NUMBERS))}"><w:start w:val="{draw(st.sampled_from(NUMBERS))}"/>'
             f'<w:numFmt w:val="{draw(st.sampled_from(["decimal", "chineseCounting", "lowerLetter", "decimalFullWidth", "bullet", "x"]))}"/>'
             f'<w:lvlText w:val="{draw(st.sampled_from(["%1、", "（%1）", "%1.%2", "%9", ""]))}"/></w:lvl>')
    parts = {
        "word/document.xml": f"<?xml version='1.0' encoding='UTF-8'?><w:document {_W}><w:body>{''.join(body)}</w:body></w:document>",
        "word/numbering.xml": f"<?xml version='1.0' encoding='UTF-8'?><w:numbering {_W}><w:abstractNum w:abstractNumId='0'>{level}</w:abstractNum>"
                              "<w:num w:numId='1'><w:abstractNumId w:val='0'/></w:num></w:numbering>",
        "word/styles.xml": f"<?xml version='1.0' encoding='UTF-8'?><w:styles {_W}>"
                           "<w:style w:type='paragraph' w:styleId='Looped'><w:name w:val='Looped'/><w:basedOn w:val='Other'/></w:style>"
                           "<w:style w:type='paragraph' w:styleId='Other'><w:name w:val='Other'/><w:basedOn w:val='Looped'/>"
                           "<w:pPr><w:numPr><w:numId w:val='1'/></w:numPr></w:pPr></w:style></w:styles>",
    }
    return _with_parts(parts)


def _with_parts(parts: dict[str, str]) -> bytes:
    """A sample DOCX with these parts in place of its own (its relationships name all three)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(SAMPLES / "jinjiang-2022.docx") as sample, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for item in sample.infolist():
            out.writestr(item.filename, parts.get(item.filename, sample.read(item.filename)))
    return buffer.getvalue()


@_settings(40)
@given(data=docx_file())
def test_any_hostile_docx_extracts_or_is_refused_in_one_line(planparse, tmp_path_factory, data: bytes):
    _survives(planparse, tmp_path_factory.mktemp("fuzz") / "plan.docx", data)


# --- ODT -------------------------------------------------------------------------------------------------

_ODF = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"')


@st.composite
def odt_file(draw) -> bytes:
    """Lists continuing lists that are not there, numbers past any start, spans and repeats past any table, text boxes."""
    text = st.sampled_from([piece for piece in TEXT if "&" not in piece])
    number = st.sampled_from(NUMBERS)
    body = []
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["paragraph", "heading", "list", "table", "box"]))
        if kind == "table":
            cell = (f'<table:table-cell table:number-rows-spanned="{draw(number)}" table:number-columns-repeated="{draw(number)}">'
                    f'<text:p>{draw(text)}</text:p></table:table-cell><table:covered-table-cell/>')
            body.append(f'<table:table><table:table-row table:number-rows-repeated="{draw(number)}">{cell}</table:table-row>'
                        f'<table:table-row>{cell}</table:table-row></table:table>')
        elif kind == "list":
            item = f'<text:list-item text:start-value="{draw(number)}"><text:p>{draw(text)}</text:p><text:list><text:list-item><text:p>{draw(text)}</text:p></text:list-item></text:list></text:list-item>'
            body.append(f'<text:list text:style-name="L1" text:continue-list="{draw(st.sampled_from(["a", "b"]))}" xml:id="a">{item}</text:list>')
        elif kind == "heading":
            body.append(f'<text:h text:outline-level="{draw(number)}" text:restart-numbering="true" text:start-value="{draw(number)}">{draw(text)}</text:h>')
        elif kind == "box":
            body.append(f'<text:p><draw:frame><draw:text-box><text:p>{draw(text)}<text:s text:c="{draw(number)}"/></text:p></draw:text-box></draw:frame></text:p>')
        else:
            body.append(f"<text:p>{draw(text)}</text:p>")
    level = (f'<text:list-level-style-number text:level="{draw(number)}" text:start-value="{draw(number)}" '
             f'style:num-format="{draw(st.sampled_from(["1", "一, 二, 三, ...", "a", "①, ②, ③, ...", "", "x"]))}" '
             f'text:display-levels="{draw(number)}" style:num-suffix="、"/>')
    styles = f'<office:automatic-styles><text:list-style style:name="L1">{level}</text:list-style></office:automatic-styles>'
    outline = f'<office:styles><text:outline-style>{level.replace("list-level-style-number", "outline-level-style")}</text:outline-style></office:styles>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        out.writestr("content.xml", f"<office:document-content {_ODF}>{styles}<office:body><office:text>{''.join(body)}"
                                    "</office:text></office:body></office:document-content>")
        out.writestr("styles.xml", f"<office:document-styles {_ODF}>{outline}</office:document-styles>")
    return buffer.getvalue()


@_settings(40)
@given(data=odt_file())
def test_any_hostile_odt_extracts_or_is_refused_in_one_line(planparse, tmp_path_factory, data: bytes):
    _survives(planparse, tmp_path_factory.mktemp("fuzz") / "plan.odt", data)


# --- OFD -------------------------------------------------------------------------------------------------

_OFD = 'xmlns:ofd="http://www.ofdspec.org/2016"'


@st.composite
def ofd_file(draw) -> dict[str, str]:
    """Text objects of any size, matrix and advances (g N D past any run), blocks in blocks, pages and templates listed
    many times, missing or pointing nowhere."""
    number = st.sampled_from(NUMBERS + ["nan", "inf", "-1e400", "g"])
    objects = []
    for _ in range(draw(st.integers(1, 10))):
        code = (f'<ofd:TextCode X="{draw(number)}" Y="{draw(number)}" DeltaX="{draw(st.sampled_from(["g", "g 4000000000", "g 3 x"]))} {draw(number)}" '
                f'DeltaY="{draw(number)}">{draw(st.sampled_from(TEXT))}</ofd:TextCode>')
        text = (f'<ofd:TextObject ID="1" Boundary="{draw(number)} {draw(number)} 100 10" Size="{draw(number)}" '
                f'CTM="{" ".join(draw(number) for _ in range(draw(st.integers(0, 6))))}">{code}</ofd:TextObject>')
        objects.append(draw(st.sampled_from(["{}", "<ofd:PageBlock>{}</ofd:PageBlock>", "<ofd:PageBlock>" * 300 + "{}"])).format(text))
    page = f"<ofd:Page {_OFD}><ofd:Template TemplateID=\"{draw(number)}\"/><ofd:Content><ofd:Layer>{''.join(objects)}</ofd:Layer></ofd:Content></ofd:Page>"
    listed = draw(st.sampled_from(['<ofd:Page BaseLoc="P.xml"/>', '<ofd:Page BaseLoc="/Doc_0/P.xml"/>', '<ofd:Page BaseLoc="../../P.xml"/>',
                                   '<ofd:Page/>', '<ofd:Page BaseLoc="Missing.xml"/>']))
    document = (f'<ofd:Document {_OFD}><ofd:CommonData><ofd:TemplatePage ID="1" BaseLoc="P.xml"/></ofd:CommonData>'
                f'<ofd:Pages>{listed * draw(st.sampled_from([1, 3, 6000]))}</ofd:Pages></ofd:Document>')
    root = draw(st.sampled_from(["Doc_0/Document.xml", "/Doc_0/Document.xml", "", "Doc_0"]))
    return {"OFD.xml": f"<ofd:OFD {_OFD}><ofd:DocBody><ofd:DocRoot>{root}</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
            "Doc_0/Document.xml": document, "Doc_0/P.xml": page}


# --- XLSX ------------------------------------------------------------------------------------------------

_SPREADSHEET = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


@st.composite
def xlsx_file(draw) -> dict[str, str]:
    """Cells of any kind, style and reference (past any sheet, none, damaged), shared strings out of range, formulas with
    and without values, merges over the whole sheet, rows numbered anyhow, sheets pointing nowhere."""
    number = st.sampled_from(NUMBERS + ["nan", "1e308", "-1"])
    reference = st.sampled_from(["A1", "B2", "XFD1048576", "", "1A", "AAAA1", "C" + "9" * 12])
    cells = []
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["s", "inlineStr", "str", "n", "e", "b", "x"]))
        value = draw(st.sampled_from(TEXT + NUMBERS)) if kind != "n" else draw(number)
        body = f"<is><t>{value}</t></is>" if kind == "inlineStr" else '<f>HYPERLINK("x")</f>' + draw(st.sampled_from(["", f"<v>{value}</v>"]))
        cells.append(f'<c r="{draw(reference)}" t="{kind}" s="{draw(number)}">{body}</c>')
    rows = "".join(f'<row r="{draw(number)}">{cell}</row>' for cell in cells)
    merges = "".join(f'<mergeCell ref="{draw(reference)}:{draw(reference)}"/>' for _ in range(draw(st.integers(0, 3))))
    code = draw(st.sampled_from(["0%", "yyyy", "[", "\\", ""]))
    styles = (f'<styleSheet {_SPREADSHEET}><numFmts><numFmt numFmtId="{draw(number)}" formatCode="{code}"/></numFmts>'
              f'<cellXfs><xf numFmtId="{draw(number)}"/></cellXfs></styleSheet>')
    target = draw(st.sampled_from(["worksheets/sheet1.xml", "/xl/worksheets/sheet1.xml", "../../x.xml", ""]))
    return {"xl/workbook.xml": f'<workbook {_SPREADSHEET} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                               f'<sheets><sheet r:id="{draw(st.sampled_from(["rId1", "rId9"]))}"/></sheets></workbook>',
            "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                          f'<Relationship Id="rId1" Target="{target}"/></Relationships>',
            "xl/worksheets/sheet1.xml": f"<worksheet {_SPREADSHEET}><sheetData>{rows}</sheetData><mergeCells>{merges}</mergeCells></worksheet>",
            "xl/sharedStrings.xml": f"<sst {_SPREADSHEET}><si><t>{draw(st.sampled_from(TEXT))}</t></si></sst>",
            "xl/styles.xml": styles}


@pytest.mark.parametrize("name, parts", [("plan.ofd", ofd_file()), ("plan.xlsx", xlsx_file())])
@_settings(40)
@given(data=st.data())
def test_any_hostile_archive_of_parts_extracts_or_is_refused_in_one_line(planparse, tmp_path_factory, name, parts, data):
    _survives(planparse, tmp_path_factory.mktemp("fuzz") / name, zipped(data.draw(parts)))


# --- PDF -------------------------------------------------------------------------------------------------

_OPERATIONS = [b"BT /F1 12 Tf 50 700 Td (2025 90%) Tj ET", b"BT /F1 0 Tf (x) Tj ET", b"BT /F1 1e30 Tf 1e30 0 0 1e30 0 0 Tm (y) Tj ET",
               b"0 0 600 800 re S", b"10 10 m 590 10 l S", b"q 1e30 0 0 1e30 0 0 cm 0 0 1 1 re f Q", b"/X Do", b"/Missing Do",
               b"BT /F9 12 Tf (z) Tj ET", b"q q q", b"Q Q", b"BT", b"ET", b"[(a) -250 (b)] TJ", b"1 0 0 RG", b"(unclosed"]
_BOXES = [b"[0 0 600 800]", b"[0 0 0 0]", b"[0 0 -600 -800]", b"[0 0 1e30 1e30]", b"[]", b"[0 0 nan inf]"]


@st.composite
def pdf_file(draw) -> bytes:
    content = b"\n".join(draw(st.lists(st.sampled_from(_OPERATIONS), max_size=30)))
    form = b"\n".join(draw(st.lists(st.sampled_from(_OPERATIONS), max_size=5)))
    font = b"/Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>"
    pages = draw(st.integers(1, 8))
    stream = zlib.compress(content) if draw(st.booleans()) else content
    length = len(stream) + draw(st.sampled_from([0, 0, -3, 1000]))
    objects = [b"<</Type/Catalog/Pages 2 0 R>>",
               b"<</Type/Pages/Kids[%s]/Count %d>>" % (b" ".join(b"%d 0 R" % (5 + page) for page in range(pages)), pages + draw(st.sampled_from([0, 0, 3]))),
               b"<</Length %d%s>>stream\n%s\nendstream" % (length, b"/Filter/FlateDecode" if stream is not content else b"", stream),
               # a form that draws itself: PDFium must not follow it round for ever
               b"<</Type/XObject/Subtype/Form/BBox[0 0 600 800]/Resources<<%s/XObject<</X 4 0 R>>>>/Length %d>>stream\n%s\nendstream" % (font, len(form), form)]
    objects += [b"<</Type/Page/Parent 2 0 R/MediaBox%s/Contents 3 0 R/Resources<<%s/XObject<</X 4 0 R>>>>>>" % (draw(st.sampled_from(_BOXES)), font)] * pages
    data, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(data))
        data += b"%d 0 obj%sendobj\n" % (number, body)
    shift = draw(st.sampled_from([0, 0, 7, -9]))  # a cross-reference table pointing beside the objects
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % max(0, offset + shift) for offset in offsets)
    data += b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    cut = draw(st.sampled_from([None, None, None, len(data) // 2]))
    return bytes(data[:cut])


@_settings(40)
@given(data=pdf_file())
def test_any_hostile_pdf_extracts_or_is_refused_in_one_line(planparse, tmp_path_factory, data: bytes):
    _survives(planparse, tmp_path_factory.mktemp("fuzz") / "plan.pdf", data)
