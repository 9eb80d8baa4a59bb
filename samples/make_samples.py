"""Write a DOCX and a PDF version of every seed text in this folder.

    .venv/bin/python samples/make_samples.py

The PDFs are laid out like printed government documents (GB/T 9704): A4,
28 characters a line, 22 lines a page, ``— N —`` page numbers, headings of
the top level in fake bold (each line drawn twice, slightly shifted), text
hard-wrapped so that sentences break across lines and pages. Tab-separated
rows in a text become real tables. Some DOCX files number their headings with
Word's automatic numbering instead of typed markers; two are saved as WPS Office saves a .docx too, numbered by its
own lists (<seed>.wps.docx). Two seeds are printed as a
government gazette sets them too, in two columns (<seed>.gazette.pdf); one plan alone, as
the attachment of its notice, its 分工表 on pages turned sideways (<seed>.attachment.pdf).
Each seed is exported as Markdown too (<seed>.md: a front matter, # headings, bold titles, pipe tables, characters
that would be markup escaped). Re-running the script gives the committed files byte for byte (tests/test_formats_agree.py).
"""
from __future__ import annotations

import datetime
import io
import re
import zipfile
from xml.sax.saxutils import escape
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph as TableCell
from reportlab.platypus import Table, TableStyle

from planparse.models import HeadingStyle, Paragraph, SourceLine
from planparse.normalize import is_table_row, normalize
from planparse.pipeline import extract
from planparse.readers.txt import read_txt
from planparse.structure import build_outline

SAMPLES = Path(__file__).resolve().parent
# Seeds whose DOCX numbers headings with Word's list numbering.
AUTO_NUMBERED = {"jieyang-2022", "yangzhou-2022"}
# Seeds printed in a gazette's two columns too (GazetteWriter): <seed>.gazette.pdf
GAZETTE_PRINTED = {"jinjiang-2022", "yangzhou-2022"}
# Seeds whose plan is printed alone too, as the attachment after its notice's two pages, its 分工表 on pages
# turned sideways (SidewaysTablesWriter): <seed>.attachment.pdf; the plan's title
ATTACHMENT_PRINTED = {"jieyang-2022": "揭阳市全民科学素质行动规划纲要实施方案（2022—2025年）"}

FONT = "STSong-Light"  # a CID font every PDF reader knows: no font file shipped
FONT_SIZE = 15.75  # 3号: 28 characters fill the 156 mm text width
CHARS_PER_LINE = 28
LINES_PER_PAGE = 22
TEXT_WIDTH = CHARS_PER_LINE * FONT_SIZE
TEXT_LEFT = (A4[0] - TEXT_WIDTH) / 2
TEXT_TOP = A4[1] - 37 * mm
LINE_PITCH = 225 * mm / LINES_PER_PAGE
FAKE_BOLD_SHIFT = 0.35
# Punctuation that may not open a line: it hangs at the end of the previous one.
NO_LINE_START = set("，。、；：？！）》」』”’%％")
FIXED_DATE = (2024, 1, 1, 0, 0, 0)

# Word list levels for the heading styles, as plans nest them.
WORD_LEVELS = {
    HeadingStyle.cn_dun: ("chineseCounting", "%{n}、"),
    HeadingStyle.cn_paren: ("chineseCounting", "（%{n}）"),
    HeadingStyle.arabic_dot: ("decimal", "%{n}."),
    HeadingStyle.arabic_paren: ("decimal", "（%{n}）"),
    HeadingStyle.circled: ("decimalEnclosedCircle", "%{n}"),
}
NUM_ID = "90"


@dataclass
class Text:
    text: str
    heading_level: int | None = None
    heading_style: HeadingStyle | None = None
    marker: str = ""
    number: int = 0


@dataclass
class Grid:
    rows: list[list[str]]


Block = Text | Grid


# --- the seed text as paragraphs and tables --------------------------------


def _table_rows(lines: list[str]) -> list[list[str]]:
    """Rows from tab-separated lines, or from one tab-indented cell a line with
    blank lines between rows; a header repeated further down is dropped."""
    rows: list[list[str]] = []
    if all(line.startswith("\t") or not line.strip() for line in lines):
        row: list[str] = []
        for line in lines + [""]:
            if line.strip() or line.startswith("\t"):
                row.append(line.strip())
            elif row:
                rows.append(row)
                row = []
    else:
        rows = [line.split("\t") for line in lines if line.strip()]
    width = max(len(row) for row in rows)
    rows = [[cell.strip() for cell in row] for row in rows]
    if len(rows[0]) < width:
        # A header shorter than the body spans two columns with one cell:
        # in a 分工表, the one over the category column merged down the body.
        sparse = max(range(width), key=lambda column: sum(len(row) <= column or not row[column] for row in rows[1:]))
        rows[0][sparse + 1:sparse + 1] = [""] * (width - len(rows[0]))
    rows = [row + [""] * (width - len(row)) for row in rows]
    return [row for index, row in enumerate(rows) if index == 0 or row != rows[0]]


def seed_blocks(path: Path) -> list[Block]:
    """The seed's paragraphs (wrapped lines rejoined) and tables, in order."""
    lines = read_txt(path, path.read_bytes())
    runs: list[tuple[bool, list[SourceLine]]] = []
    for line in lines:
        in_table = is_table_row(line, tab_indents=False) or (not line.text.strip() and bool(runs) and runs[-1][0])
        if not runs or runs[-1][0] != in_table:
            runs.append((in_table, []))
        runs[-1][1].append(line)
    blocks: list[Block] = []
    for in_table, run in runs:
        if in_table:
            blocks.append(Grid(_table_rows([line.text for line in run])))
        else:
            # as written: normalise folds what it reads (1． to 1.), and the samples print what the seed says
            blocks.extend(Text(paragraph.as_written) for paragraph in normalize(run))
    texts = [block for block in blocks if isinstance(block, Text)]
    outline = build_outline([Paragraph(text=block.text, line=number) for number, block in enumerate(texts, 1)])
    for block, found in zip(texts, outline.blocks, strict=True):
        if found.heading is not None:
            heading = found.heading
            block.heading_level, block.heading_style = heading.level, heading.style
            block.marker, block.number = heading.marker, heading.number
    return blocks


# --- DOCX ------------------------------------------------------------------


def _word_levels(blocks: list[Block]) -> dict[int, HeadingStyle]:
    """The heading style at each depth, where the document keeps one."""
    styles: dict[int, set[HeadingStyle]] = {}
    for block in blocks:
        if isinstance(block, Text) and block.heading_style is not None:
            styles.setdefault(block.heading_level, set()).add(block.heading_style)
    return {level - 1: style.pop() for level, style in styles.items() if len(style) == 1 and next(iter(style)) in WORD_LEVELS}


def _add_numbering(document: docx.document.Document, levels: dict[int, HeadingStyle]) -> None:
    lvls = "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{WORD_LEVELS[style][0]}"/>'
        f'<w:lvlText w:val="{WORD_LEVELS[style][1].format(n=ilvl + 1)}"/><w:lvlJc w:val="left"/>'
        f'<w:suff w:val="nothing"/></w:lvl>'
        for ilvl, style in sorted(levels.items())
    )
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{NUM_ID}"><w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{NUM_ID}"><w:abstractNumId w:val="{NUM_ID}"/></w:num>'))


def _number_paragraph(paragraph: docx.text.paragraph.Paragraph, ilvl: int) -> None:
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{NUM_ID}"/></w:numPr>')
    )


def merged_spans(rows: list[list[str]]) -> list[tuple[int, int, int, int]]:
    """Cells to merge, as (first column, first row, last column, last row).

    An empty header cell belongs to the header cell on its left; an empty
    body cell under a filled one belongs to the cell above, as in the printed
    分工表 these seeds were copied from.
    """
    spans = []
    header = rows[0]
    for column, text in enumerate(header):
        end = column
        while text and end + 1 < len(header) and not header[end + 1]:
            end += 1
        if end > column:
            spans.append((column, 0, end, 0))
    for column in range(len(header)):
        row = 1
        while row < len(rows):
            end = row
            while rows[row][column] and end + 1 < len(rows) and not rows[end + 1][column]:
                end += 1
            if end > row:
                spans.append((column, row, column, end))
            row = end + 1
    return spans


def _docx_table(document: docx.document.Document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for row, cells in zip(table.rows, rows):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    for first_column, first_row, last_column, last_row in merged_spans(rows):
        table.cell(first_row, first_column).merge(table.cell(last_row, last_column))


def write_docx(blocks: list[Block], auto_numbered: bool) -> bytes:
    document = docx.Document()
    levels = _word_levels(blocks) if auto_numbered else {}
    if levels:
        _add_numbering(document, levels)
    counters = [0] * 9  # what Word will show, to number only headings it shows right
    for block in blocks:
        if isinstance(block, Grid):
            _docx_table(document, block.rows)
            continue
        ilvl = (block.heading_level or 0) - 1
        if levels.get(ilvl) == block.heading_style and block.number == counters[ilvl] + 1:
            counters[ilvl] += 1
            counters[ilvl + 1:] = [0] * (len(counters) - ilvl - 1)
            _number_paragraph(document.add_paragraph(block.text[len(block.marker):].lstrip()), ilvl)
        else:
            document.add_paragraph(block.text)
    _drop_unused_parts(document)
    properties = document.core_properties
    properties.author = properties.last_modified_by = "planparse samples"
    properties.created = properties.modified = datetime.datetime(*FIXED_DATE)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip_dates(buffer.getvalue())


def _drop_unused_parts(document: docx.document.Document) -> None:
    """Leave out the template's thumbnail and second style sheet: a third of the file."""
    for owner in (document.part, document.part.package):
        for rel_id, rel in list(owner.rels.items()):
            if rel.reltype.endswith(("/stylesWithEffects", "/thumbnail")):
                owner.rels.pop(rel_id)


def _fixed_zip_dates(data: bytes) -> bytes:
    """The same archive with fixed member dates, so that re-runs give the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(zipfile.ZipInfo(item.filename, FIXED_DATE), source.read(item), zipfile.ZIP_DEFLATED)
    return output.getvalue()


# --- DOCX as WPS Office writes it ---------------------------------------------
#
# WPS (Kingsoft) writes its own parts and namespaces (wpsCustomData, docProps/custom.xml naming its build), a w14:paraId
# on every paragraph, runs split where the script changes (eastAsia hints: 黑体 over Chinese, default over digits), and
# numbers headings with one single-level list per heading style: 一、 through the heading style, （一） and 1. through
# each paragraph's numPr, started again under each parent by a new w:num overriding its start. The markers are in no
# run's text: Word and WPS show them from numbering.xml.

WPS_MADE = {"qingcheng-2021", "zhanjiang-2016"}
_WPS_NAMESPACES = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" '
    'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData" mc:Ignorable="w14 w15 wp14"'
)
_WPS_HEADING_STYLE = "2"  # WPS names its styles by number: 2 is 标题 1
_WPS_FONTS = {True: ("黑体", "eastAsia"), False: ("仿宋_GB2312", "eastAsia")}  # heading of the top level, other text
_WPS_LATIN_RUN = re.compile(r"([0-9A-Za-z.%％\-]+)")
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


class WpsNumbering:
    """WPS's lists: one single-level abstract list per heading depth, a w:num per run of headings under one parent."""

    def __init__(self, levels: dict[int, HeadingStyle]):
        self.levels = levels
        self.nums: list[tuple[int, int]] = []  # (numId, depth): numIds count from 1 in the order written
        self.current: dict[int, int] = {}  # depth -> the numId its headings use under the present parent

    def num_id(self, depth: int) -> int:
        """The list numbering a heading at ``depth``: the top level's one list; a deeper level's list of its parent."""
        if depth not in self.current:
            self.nums.append((len(self.nums) + 1, depth))
            self.current[depth] = len(self.nums)
        return self.current[depth]

    def parent_numbered(self, depth: int) -> None:
        """A heading at ``depth`` is shown: its children's numbering starts again."""
        for deeper in [level for level in self.current if level > depth]:
            del self.current[deeper]

    def xml(self) -> str:
        abstracts = "".join(
            f'<w:abstractNum w:abstractNumId="{depth}"><w:nsid w:val="{0x5A3C0000 + depth:08X}"/>'
            f'<w:multiLevelType w:val="singleLevel"/><w:tmpl w:val="{0x0E1B0000 + depth:08X}"/>'
            f'<w:lvl w:ilvl="0" w:tentative="0"><w:start w:val="1"/><w:numFmt w:val="{WORD_LEVELS[style][0]}"/>'
            + (f'<w:pStyle w:val="{_WPS_HEADING_STYLE}"/>' if depth == 0 else "")
            + f'<w:suff w:val="nothing"/><w:lvlText w:val="{WORD_LEVELS[style][1].format(n=1)}"/><w:lvlJc w:val="left"/>'
            '<w:rPr><w:rFonts w:hint="default"/></w:rPr></w:lvl></w:abstractNum>'
            for depth, style in sorted(self.levels.items()))
        nums = "".join(
            f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{depth}"/>'
            + ('<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if depth else "") + "</w:num>"
            for num_id, depth in self.nums)
        return f"{_XML_HEAD}<w:numbering {_WPS_NAMESPACES}>{abstracts}{nums}</w:numbering>"


def _wps_runs(text: str, heading: bool) -> str:
    """The runs WPS writes for ``text``: Chinese in the paragraph's font with an eastAsia hint, digits and Latin
    letters in runs of their own with the default hint."""
    font, _ = _WPS_FONTS[heading]
    runs = []
    for piece in _WPS_LATIN_RUN.split(text):
        if piece:
            hint = "default" if _WPS_LATIN_RUN.fullmatch(piece) else "eastAsia"
            runs.append(f'<w:r><w:rPr><w:rFonts w:hint="{hint}" w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" '
                        f'w:cs="{font}"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/>'
                        f'</w:rPr><w:t xml:space="preserve">{escape(piece)}</w:t></w:r>')
    return "".join(runs)


def _wps_paragraph(index: int, text: str, numbered: tuple[int, int] | None, top: bool) -> str:
    """A paragraph as WPS writes it; ``numbered``: (numId, depth) of an automatic marker, ``top`` for the top level's
    headings, numbered through their style."""
    properties = f'<w:pStyle w:val="{_WPS_HEADING_STYLE}"/>' if top else ""
    if numbered and not top:
        properties += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{numbered[0]}"/></w:numPr>'
    properties += '<w:ind w:firstLine="640" w:firstLineChars="200"/><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
    return f'<w:p w14:paraId="{0x1A000000 + index:08X}"><w:pPr>{properties}</w:pPr>{_wps_runs(text, top)}</w:p>'


def _wps_table(rows: list[list[str]]) -> str:
    """A table as WPS writes one, merged cells as gridSpan across and vMerge down (``merged_spans``)."""
    spans = merged_spans(rows)
    across = {(row, column): last_column - column + 1 for column, row, last_column, last_row in spans if last_column > column}
    covered = {(row, other) for column, row, last_column, _ in spans for other in range(column + 1, last_column + 1)}
    down = {(row, column): "restart" for column, row, last_column, last_row in spans if last_row > row}
    down.update({(other, column): "continue" for column, row, _, last_row in spans for other in range(row + 1, last_row + 1)})
    grid = "".join('<w:gridCol w:w="1500"/>' for _ in rows[0])
    body = []
    for row_index, row in enumerate(rows):
        cells = []
        for column, text in enumerate(row):
            if (row_index, column) in covered:
                continue
            span = across.get((row_index, column))
            merge = down.get((row_index, column))
            properties = ('<w:tcW w:w="1500" w:type="dxa"/>' + (f'<w:gridSpan w:val="{span}"/>' if span else "")
                          + (f'<w:vMerge w:val="{merge}"/>' if merge == "restart" else "<w:vMerge/>" if merge else ""))
            shown = "" if merge == "continue" else text
            cells.append(f'<w:tc><w:tcPr>{properties}</w:tcPr><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
                         f'{_wps_runs(shown, False)}</w:p></w:tc>')
        body.append(f'<w:tr>{"".join(cells)}</w:tr>')
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="5"/><w:tblW w:w="0" w:type="auto"/><w:tblBorders>'
            + "".join(f'<w:{side} w:val="single" w:color="auto" w:sz="4" w:space="0"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
            + f'</w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(body)}</w:tbl>')


def _wps_body(blocks: list[Block], numbering: WpsNumbering) -> str:
    counters = [0] * 9  # what WPS will show, to number only headings it shows right
    parts = []
    for index, block in enumerate(blocks):
        if isinstance(block, Grid):
            parts.append(_wps_table(block.rows))
            continue
        depth = (block.heading_level or 0) - 1
        if numbering.levels.get(depth) == block.heading_style and block.number == counters[depth] + 1:
            counters[depth] += 1
            counters[depth + 1:] = [0] * (len(counters) - depth - 1)
            numbered = (numbering.num_id(depth), depth)
            numbering.parent_numbered(depth)
            parts.append(_wps_paragraph(index, block.text[len(block.marker):].lstrip(), numbered, depth == 0))
        else:
            parts.append(_wps_paragraph(index, block.text, None, False))
    return "".join(parts)


def _wps_styles() -> str:
    top_style, _ = _WPS_FONTS[True]
    return (f'{_XML_HEAD}<w:styles {_WPS_NAMESPACES}><w:docDefaults><w:rPrDefault><w:rPr>'
            '<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" w:cstheme="minorBidi"/>'
            '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault></w:docDefaults>'
            '<w:style w:type="paragraph" w:default="1" w:styleId="1"><w:name w:val="Normal"/><w:qFormat/>'
            '<w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr><w:rPr><w:kern w:val="2"/><w:sz w:val="21"/></w:rPr></w:style>'
            f'<w:style w:type="paragraph" w:styleId="{_WPS_HEADING_STYLE}"><w:name w:val="heading 1"/><w:basedOn w:val="1"/>'
            '<w:next w:val="1"/><w:qFormat/><w:pPr><w:keepNext/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
            f'<w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="{top_style}"/><w:sz w:val="32"/></w:rPr></w:style>'
            '<w:style w:type="table" w:styleId="5"><w:name w:val="Table Grid"/><w:basedOn w:val="4"/></w:style>'
            '<w:style w:type="table" w:default="1" w:styleId="4"><w:name w:val="Normal Table"/><w:semiHidden/></w:style>'
            '</w:styles>')


_WPS_PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
        '</Types>'),
    "_rels/.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
        '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>'
        '</Relationships>'),
    "docProps/app.xml": (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template>Normal</Template>'
        '<Application>WPS Office_11.1.0.11194_F1E327BC-269C-435d-A152-05C5408002CA</Application><DocSecurity>0</DocSecurity></Properties>'),
    "docProps/core.xml": (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>planparse samples</dc:creator>'
        '<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created></cp:coreProperties>'),
    "docProps/custom.xml": (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer">'
        '<vt:lpwstr>2052-11.1.0.11194</vt:lpwstr></property></Properties>'),
    "word/_rels/document.xml.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
        '</Relationships>'),
}


def write_wps_docx(blocks: list[Block]) -> bytes:
    """The plan as WPS Office saves it as .docx, its headings numbered automatically (see above)."""
    numbering = WpsNumbering(_word_levels(blocks))
    body = _wps_body(blocks, numbering)
    section = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" '
               'w:left="1587" w:header="851" w:footer="992" w:gutter="0"/><w:cols w:space="425" w:num="1"/>'
               '<w:docGrid w:type="lines" w:linePitch="579" w:charSpace="0"/></w:sectPr>')
    parts = {**{name: _XML_HEAD + xml for name, xml in _WPS_PARTS.items()},
             "word/document.xml": f"{_XML_HEAD}<w:document {_WPS_NAMESPACES}><w:body>{body}{section}</w:body></w:document>",
             "word/styles.xml": _wps_styles(), "word/numbering.xml": numbering.xml()}
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in parts.items():
            archive.writestr(zipfile.ZipInfo(name, FIXED_DATE), xml.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return output.getvalue()


# --- RTF as Word writes it ---------------------------------------------------
#
# Word on a Chinese Windows saves RTF in its code page: \ansicpg936, fonts of \fcharset134, Chinese as GBK bytes
# (\'d7\'dc), each run switching its fonts (\loch\af13\hich\af13\dbch\f13); or, for characters its code page lacks and
# in WPS's and LibreOffice's RTF, as \uN with the code page bytes after it for older readers to show (\uc2). Headings it
# numbers itself carry the marker shown in a {\listtext} group; tables are rows of \cell between \trowd and \row, a
# cell merged down \clvmgf then \clvmrg; the footer holds a PAGE field, the info group the author.

RTF_SAVED = {"jieyang-2022": False, "qingcheng-2021": True}  # seed -> Chinese written as \uN (else as GBK bytes)
_RTF_RUN = r"\rtlch\fcs1 \af0 \ltrch\fcs0 \lang1033\langfe2052\loch\af13\hich\af13\dbch\f13 "
_RTF_HEADER = (
    r"{\rtf1\adeflang1025\ansi\ansicpg936\uc2\adeff0\deff0\stshfdbch13\stshfloch0\stshfhich0\deflang1033\deflangfe2052"
    r"{\fonttbl{\f0\fbidi \froman\fcharset0\fprq2{\*\panose 02020603050405020304}Times New Roman;}"
    r"{\f13\fbidi \fnil\fcharset134\fprq2{\*\panose 02010600030101010101}\'cb\'ce\'cc\'e5{\*\falt SimSun};}}"
    r"{\colortbl;\red0\green0\blue0;}{\stylesheet{\ql \li0\ri0\widctlpar\wrapdefault\aspalpha\aspnum\faauto\adjustright"
    r"\rin0\lin0\itap0 \rtlch\fcs1 \af0\afs24\alang1025 \ltrch\fcs0 \fs21\lang1033\langfe2052\kerning2\loch\f0\hich\af0"
    r"\dbch\af13\cgrid\langnp1033\langfenp2052 \snext0 \sqformat \spriority0 Normal;}}"
    r"{\*\listtable{\list\listtemplateid1{\listlevel\levelnfc39\leveljc0\levelstartat1{\leveltext\'02\'00\'a1\'a2;}"
    r"{\levelnumbers\'01;}\fi-420\li420}{\listname ;}\listid1}}{\*\listoverridetable{\listoverride\listid1\ls1}}"
    r"{\*\rsidtbl \rsid1}{\*\generator Microsoft Word 16.0;}{\info{\author planparse samples}"
    r"{\creatim\yr2024\mo1\dy1\hr0\min0}}\paperw11906\paperh16838\margl1587\margr1474\margt2098\margb1984"
    "\r\n"
    r"{\footer \pard\plain \qc \li0\ri0\widctlpar\wrapdefault {\field{\*\fldinst {\rtlch\fcs1 \af0 \ltrch\fcs0 PAGE }}"
    r"{\fldrslt {\rtlch\fcs1 \af0 \ltrch\fcs0 \lang1024\langfe1024\noproof 1}}}\par }"
    "\r\n"
)


def _rtf_chars(text: str, as_unicode: bool) -> str:
    r"""``text`` as Word writes it into RTF: ASCII as itself (braces and backslashes escaped), the rest as GBK bytes, or as
    \uN with its two GBK bytes after it (\uc2), a character GBK lacks with ?? instead."""
    written = []
    for char in text:
        if char in "\\{}":
            written.append("\\" + char)
        elif ord(char) < 128:
            written.append(char)
        else:
            try:
                fallback = "".join(f"\\'{byte:02x}" for byte in char.encode("gbk"))
            except UnicodeEncodeError:
                fallback = "??"
            code = ord(char) if ord(char) < 0x8000 else ord(char) - 0x10000
            written.append(f"\\u{code}{fallback}" if as_unicode or fallback == "??" else fallback)
    return "".join(written)


def _rtf_paragraph(text: str, as_unicode: bool, marker: str = "") -> str:
    shown = (r"{\listtext\pard\plain " + _RTF_RUN + _rtf_chars(marker, as_unicode) + r"\tab}") if marker else ""
    numbered = r"\ls1\ilvl0" if marker else ""
    return (shown + r"\pard\plain \ltrpar\qj \fi640\li0\ri0\widctlpar\wrapdefault\aspalpha\aspnum\faauto\adjustright"
            + numbered + r"\rin0\lin0\itap0 {" + _RTF_RUN + _rtf_chars(text, as_unicode) + "}\\par\r\n")


def _rtf_table(rows: list[list[str]], as_unicode: bool) -> str:
    r"""Rows of cells as Word writes a table, a cell merged down to the rows below as \clvmgf over \clvmrg (``merged_spans``;
    a header cell spanning columns is written over each, the ones after it empty)."""
    downs = [(column, row, last_row) for column, row, last_column, last_row in merged_spans(rows) if last_row > row]
    written = []
    for index, row in enumerate(rows):
        definition = r"\trowd \irow" + str(index) + r"\trgaph108\trleft0\trbrdrt\brdrs\brdrw10 \trbrdrb\brdrs\brdrw10 "
        for column in range(len(row)):
            first = any(c == column and r == index for c, r, _ in downs)
            continued = any(c == column and r < index <= last for c, r, last in downs)
            definition += (r"\clvmgf" if first else r"\clvmrg" if continued else "") + rf"\cellx{(column + 1) * 1500}"
        cells = "".join(r"\pard\plain \ltrpar\qc \intbl {" + _RTF_RUN + _rtf_chars("" if any(
            c == column and r < index <= last for c, r, last in downs) else text, as_unicode) + r"}\cell "
            for column, text in enumerate(row))
        written.append(definition + "\r\n" + cells + r"\pard\plain \ltrpar\intbl {" + definition + r"\row }" + "\r\n")
    return "".join(written)


def write_rtf(blocks: list[Block], as_unicode: bool) -> bytes:
    """The plan as Word saves it as RTF (see above); its headings of the top level numbered by Word's list."""
    parts = [_RTF_HEADER]
    counter = 0
    for block in blocks:
        if isinstance(block, Grid):
            parts.append(_rtf_table(block.rows, as_unicode))
        elif block.heading_style == HeadingStyle.cn_dun and block.number == counter + 1:
            counter += 1
            parts.append(_rtf_paragraph(block.text[len(block.marker):].lstrip(), as_unicode, block.marker))
        else:
            parts.append(_rtf_paragraph(block.text, as_unicode))
    return ("".join(parts) + "}").encode("ascii")


# --- Markdown --------------------------------------------------------------

# What Markdown would read as its own markup at a line's start (1. a list, - a bullet, # a heading, > a quote) or
# anywhere (* _ ` [ ] | \\): escaped with a backslash, as pandoc escapes it.
_MARKUP_START = re.compile(r"^(\d+)([.)])|^([-+#>])")
_MARKUP = re.compile(r"([*_`\[\]|\\])")


def _escaped(text: str) -> str:
    return _MARKUP_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", _MARKUP.sub(r"\\\1", text))


def write_markdown(blocks: list[Block], title: str) -> bytes:
    """The plan as a Markdown export gives it: a front matter naming it, the title a # heading, the top two
    heading levels ## and ###, deeper titles in bold, blank lines between paragraphs, tables as pipe tables."""
    out = ["---", f"title: {title}", "---", ""]
    for block in blocks:
        if isinstance(block, Grid):
            out += ["| " + " | ".join(_escaped(cell) for cell in row) + " |" for row in block.rows[:1]]
            out += ["|" + "---|" * len(block.rows[0])]
            out += ["| " + " | ".join(_escaped(cell) for cell in row) + " |" for row in block.rows[1:]] + [""]
        elif block.text == title:
            out += [f"# {_escaped(block.text)}", ""]
        elif block.heading_level in (1, 2):
            out += [f"{'#' * (block.heading_level + 1)} {_escaped(block.text)}", ""]
        elif block.heading_level and "。" not in block.text:
            out += [f"**{_escaped(block.text)}**", ""]
        else:
            out += [_escaped(block.text), ""]
    return "\n".join(out).encode("utf-8")


# --- PDF -------------------------------------------------------------------


def wrap(text: str, first_indent: float, text_width: float = TEXT_WIDTH, size: float = FONT_SIZE) -> list[str]:
    """Break ``text`` into lines of ``text_width``, first line indented."""
    lines, line, width = [], "", first_indent
    for char in text:
        char_width = pdfmetrics.stringWidth(char, FONT, size)
        if line and width + char_width > text_width + 0.01 and char not in NO_LINE_START:
            lines.append(line)
            line, width = "", 0.0
        line += char
        width += char_width
    lines = lines + [line] if line else lines
    # No lone character on a last line: PDFium drops a one-glyph text object
    # whose font it lacks outlines for, as with the unembedded STSong-Light.
    while len(lines) > 1 and (len(lines[-1]) < 2 or lines[-1][0] in NO_LINE_START):
        lines[-2], lines[-1] = lines[-2][:-1], lines[-2][-1] + lines[-1]
    return lines


@dataclass(frozen=True)
class Frame:
    """A page's size and where its text goes: the block's left edge, top, width and bottom."""

    size: tuple[float, float]
    left: float
    top: float
    width: float
    bottom: float

    @property
    def lines(self) -> int:
        """How many lines of LINE_PITCH the block holds."""
        return round((self.top - self.bottom) / LINE_PITCH)


PORTRAIT = Frame(A4, TEXT_LEFT, TEXT_TOP, TEXT_WIDTH, TEXT_TOP - 225 * mm)
# A4 turned sideways, its margins turned with it (37 mm left, 28 mm top, 26 mm bottom): where Word prints a
# section of wide tables
SIDEWAYS = Frame(landscape(A4), 37 * mm, A4[0] - 28 * mm, 225 * mm, 26 * mm)


def _grid(rows: list[list[str]], width: float) -> Table:
    """A ruled table of ``rows`` as wide as ``width``, its merged cells spanned."""
    style = ParagraphStyle("cell", fontName=FONT, fontSize=10.5, leading=14, wordWrap="CJK")
    weights = [max(4, min(12, max(len(row[column]) for row in rows[1:] or rows))) for column in range(len(rows[0]))]
    widths = [width * weight / sum(weights) for weight in weights]
    table = Table([[TableCell(cell, style) for cell in row] for row in rows], colWidths=widths, repeatRows=1)
    commands = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                # CJK wrapping lets punctuation hang past the text width: keep it in the cell.
                ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), style.fontSize + 2)]
    commands += [("SPAN", (c0, r0), (c1, r1)) for c0, r0, c1, r1 in merged_spans(rows)]
    table.setStyle(TableStyle(commands))
    return table


class PdfWriter:
    """Lays lines and tables out page by page on a reportlab canvas; ``first_page``: the number the first page
    is printed with (3 for a plan printed as the attachment after its two-page notice)."""

    size = FONT_SIZE
    columns = 1
    column_gap = 0.0
    pitch = LINE_PITCH

    def __init__(self, first_page: int = 1) -> None:
        self.buffer = io.BytesIO()
        self.canvas = Canvas(self.buffer, pagesize=A4, invariant=1, pageCompression=1)
        self.canvas.setTitle("planparse sample")
        self.canvas.setAuthor("planparse samples")
        self.canvas.setCreator("planparse samples/make_samples.py")
        self.frame = PORTRAIT
        self.page = first_page
        self.line = 0
        self.column = 0
        # whole characters a column's line holds
        self.column_width = (TEXT_WIDTH - self.column_gap * (self.columns - 1)) / self.columns // self.size * self.size
        self.lines_per_column = round(225 * mm / self.pitch)

    def _baseline(self) -> float:
        return TEXT_TOP - (self.line + 1) * self.pitch + (self.pitch - self.size) / 2

    def _next_page(self) -> None:
        self.canvas.setFont(FONT, 14)
        self.canvas.drawCentredString(self.frame.size[0] / 2, self.frame.bottom - 12 * mm, f"— {self.page} —")
        self.canvas.showPage()
        self.page += 1
        self.line = 0
        self.column = 0

    def _next_column(self) -> None:
        if self.column + 1 == self.columns:
            self._next_page()
        else:
            self.column += 1
            self.line = 0

    def paragraph(self, text: str, bold: bool) -> None:
        for index, line in enumerate(wrap(text, 2 * self.size, self.column_width, self.size)):
            if self.line == self.lines_per_column:
                self._next_column()
            self.canvas.setFont(FONT, self.size)
            left = TEXT_LEFT + self.column * (self.column_width + self.column_gap) + (2 * self.size if index == 0 else 0)
            for shift in (0.0, FAKE_BOLD_SHIFT) if bold else (0.0,):
                self.canvas.drawString(left + shift, self._baseline(), line)
            self.line += 1

    def table(self, rows: list[list[str]]) -> None:
        frame = self.frame
        parts = [_grid(rows, frame.width)]
        while parts:
            part = parts.pop(0)
            room = (frame.lines - self.line) * LINE_PITCH
            _, height = part.wrapOn(self.canvas, frame.width, room)
            if height > room:
                pieces = part.split(frame.width, room)
                if len(pieces) < 2:  # not even one row fits: start a page
                    self._next_page()
                    parts.insert(0, part)
                    continue
                parts[:0] = pieces
                continue
            part.drawOn(self.canvas, frame.left, frame.top - self.line * LINE_PITCH - height)
            self.line += int(-(-height // LINE_PITCH))
            if parts:
                self._next_page()

    def finish(self) -> bytes:
        self._next_page()
        self.canvas.save()
        return self.buffer.getvalue()


class GazetteWriter(PdfWriter):
    """A government gazette's (政府公报) page: 五号 type in two columns two characters apart; a table spans both,
    on pages of its own."""

    size = 10.5
    columns = 2
    column_gap = 2 * 10.5
    pitch = 1.6 * 10.5

    def table(self, rows: list[list[str]]) -> None:
        if self.line or self.column:
            self._next_page()
        super().table(rows)  # in the lines of a page of one column
        self._next_page()


class SidewaysTablesWriter(PdfWriter):
    """Tables on pages of their own turned sideways (a Word section in landscape, as a 分工表 is printed)."""

    def table(self, rows: list[list[str]]) -> None:
        if self.line:
            self._next_page()
        self.frame = SIDEWAYS
        self.canvas.setPageSize(SIDEWAYS.size)
        super().table(rows)
        self._next_page()
        self.frame = PORTRAIT
        self.canvas.setPageSize(PORTRAIT.size)


def attachment_only(blocks: list[Block], title: str) -> list[Block]:
    """The plan as printed attached to its notice, without it: 附件 over the plan's title, and what follows."""
    first = next(index for index, block in enumerate(blocks) if isinstance(block, Text) and block.text == title)
    return [Text("附件")] + blocks[first:]


def write_pdf(blocks: list[Block], writer: PdfWriter | None = None) -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    writer = writer or PdfWriter()
    for block in blocks:
        if isinstance(block, Grid):
            writer.table(block.rows)
        else:
            writer.paragraph(block.text, bold=block.heading_level == 1)
    return writer.finish()


# --- OFD ---------------------------------------------------------------------
#
# GB/T 33190, as an OFD converter writes a plan laid out as the PDF is (PdfWriter's page, lines and page numbers): a ZIP
# of OFD.xml (the document's information and root), Doc_0/Document.xml (the page size in mm, the fonts, the pages in
# order), Doc_0/PublicRes.xml (the fonts) and a Doc_0/Pages/Page_N/Content.xml a page: a layer of text objects, one a
# line, each set from its boundary's corner by a TextCode whose DeltaX gives each character's advance (runs of equal
# ones written "g N D"), in millimetres.

OFD_PRINTED = {"jinjiang-2022"}  # seeds written as OFD too: <seed>.ofd
_OFD_NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
_OFD_FONT_ID = 2


def _mm(points: float) -> str:
    return f"{points / mm:.3f}".rstrip("0").rstrip(".")


def _advances(text: str, size: float) -> str:
    """The DeltaX of ``text``: each character's advance to the next, runs of equal ones as "g N D"."""
    steps = [_mm(pdfmetrics.stringWidth(char, FONT, size)) for char in text[:-1]]
    runs: list[str] = []
    index = 0
    while index < len(steps):
        end = index
        while end < len(steps) and steps[end] == steps[index]:
            end += 1
        runs.append(f"g {end - index} {steps[index]}" if end - index > 1 else steps[index])
        index = end
    return " ".join(runs)


class OfdWriter(PdfWriter):
    """The plan's pages laid out as PdfWriter lays them out, each line a text object of an OFD page."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.pages: list[list[str]] = [[]]
        self.objects = _OFD_FONT_ID
        self.page = 1
        self.line = 0
        self.column = 0
        self.frame = PORTRAIT
        self.column_width = TEXT_WIDTH
        self.lines_per_column = round(225 * mm / self.pitch)

    def draw(self, left: float, baseline: float, text: str, size: float) -> None:
        """A text object: ``text`` from ``left`` on the ``baseline`` (reportlab's points, from the page's bottom)."""
        self.objects += 1
        width = pdfmetrics.stringWidth(text, FONT, size)
        top = self.frame.size[1] - baseline - size
        self.pages[-1].append(
            f'<ofd:TextObject ID="{self.objects}" Boundary="{_mm(left)} {_mm(top)} {_mm(width)} {_mm(1.2 * size)}" '
            f'Font="{_OFD_FONT_ID}" Size="{_mm(size)}"><ofd:FillColor Value="0 0 0"/>'
            f'<ofd:TextCode X="0" Y="{_mm(size)}" DeltaX="{_advances(text, size)}">{escape(text)}</ofd:TextCode></ofd:TextObject>')

    def _next_page(self) -> None:
        text = f"— {self.page} —"
        self.draw((self.frame.size[0] - pdfmetrics.stringWidth(text, FONT, 14)) / 2, self.frame.bottom - 12 * mm, text, 14)
        self.pages.append([])
        self.page += 1
        self.line = 0
        self.column = 0

    def paragraph(self, text: str, bold: bool) -> None:
        for index, line in enumerate(wrap(text, 2 * self.size, self.column_width, self.size)):
            if self.line == self.lines_per_column:
                self._next_page()
            self.draw(TEXT_LEFT + (2 * self.size if index == 0 else 0), self._baseline(), line, self.size)
            self.line += 1

    def finish(self) -> bytes:
        self._next_page()
        pages = self.pages[:-1]
        listed = "".join(f'<ofd:Page ID="{1000 + number}" BaseLoc="Pages/Page_{number}/Content.xml"/>' for number in range(len(pages)))
        parts = {
            "OFD.xml": (f'<ofd:OFD {_OFD_NS} Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocInfo>'
                        f'<ofd:DocID>planparse-sample</ofd:DocID><ofd:Title>{escape(self.title)}</ofd:Title>'
                        '<ofd:CreationDate>2024-01-01</ofd:CreationDate><ofd:Creator>planparse samples/make_samples.py</ofd:Creator>'
                        '</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>'),
            "Doc_0/Document.xml": (f'<ofd:Document {_OFD_NS}><ofd:CommonData><ofd:MaxUnitID>{self.objects}</ofd:MaxUnitID>'
                                   '<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>'
                                   '<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>'
                                   f'<ofd:Pages>{listed}</ofd:Pages></ofd:Document>'),
            "Doc_0/PublicRes.xml": (f'<ofd:Res {_OFD_NS} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="{_OFD_FONT_ID}" '
                                    'FontName="仿宋_GB2312" FamilyName="仿宋_GB2312"/></ofd:Fonts></ofd:Res>'),
            **{f"Doc_0/Pages/Page_{number}/Content.xml": (f'<ofd:Page {_OFD_NS}><ofd:Content><ofd:Layer ID="{number + 1}">'
                                                          f'{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')
               for number, objects in enumerate(pages)},
        }
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, xml in parts.items():
                archive.writestr(zipfile.ZipInfo(name, FIXED_DATE), (_XML_HEAD + xml).encode("utf-8"), zipfile.ZIP_DEFLATED)
        return output.getvalue()


def write_ofd(blocks: list[Block], title: str) -> bytes:
    """The plan as an OFD, laid out as its PDF (see above)."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    writer = OfdWriter(title)
    for block in blocks:
        if isinstance(block, Grid):
            writer.table(block.rows)
        else:
            writer.paragraph(block.text, bold=False)
    return writer.finish()


def written_samples(seed: Path) -> dict[str, bytes]:
    """The files written from ``seed`` (a seed text of this folder), by name."""
    blocks = seed_blocks(seed)
    files = {f"{seed.stem}.docx": write_docx(blocks, seed.stem in AUTO_NUMBERED), f"{seed.stem}.pdf": write_pdf(blocks),
             f"{seed.stem}.md": write_markdown(blocks, extract(seed).metadata.title)}
    if seed.stem in OFD_PRINTED:
        files[f"{seed.stem}.ofd"] = write_ofd(blocks, extract(seed).metadata.title)
    if seed.stem in RTF_SAVED:
        files[f"{seed.stem}.rtf"] = write_rtf(blocks, RTF_SAVED[seed.stem])
    if seed.stem in WPS_MADE:
        files[f"{seed.stem}.wps.docx"] = write_wps_docx(blocks)
    if seed.stem in GAZETTE_PRINTED:
        files[f"{seed.stem}.gazette.pdf"] = write_pdf(blocks, GazetteWriter())
    if seed.stem in ATTACHMENT_PRINTED:
        attached = attachment_only(blocks, ATTACHMENT_PRINTED[seed.stem])
        files[f"{seed.stem}.attachment.pdf"] = write_pdf(attached, SidewaysTablesWriter(first_page=3))
    return files


def main() -> None:
    for seed in sorted(SAMPLES.glob("*.txt")):
        for name, data in written_samples(seed).items():
            (SAMPLES / name).write_bytes(data)
            print(f"wrote {name}")


if __name__ == "__main__":
    main()
