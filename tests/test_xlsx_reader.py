"""A plan's 分工表 as an Excel workbook of its own (任务分解表.xlsx): read as the table of a DOCX is.

The workbooks of tests/data/xlsx are written by tests/data/xlsx/make_xlsx.py as Excel writes them (shared strings, the
title merged across, a category merged down, 序号 as formulas with their cached values, a hidden sheet of lists).
"""
from __future__ import annotations

import importlib.util
import sys
import zipfile

import pytest
from conftest import DATA, cut_before_part, run_planparse, zipped

from planparse.errors import PlanparseError
from planparse.pipeline import extract
from planparse.readers import read_document

XLSX = DATA / "xlsx"


def _make_xlsx():
    spec = importlib.util.spec_from_file_location("make_xlsx", XLSX / "make_xlsx.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _read(document) -> tuple:
    return ([(t.quote, t.value, t.unit, t.comparator, t.deadline, t.section) for t in document.targets],
            [r.model_dump(exclude={"line", "page"}) for r in document.responsibilities],
            [(t.header, t.rows) for t in document.tables], document.metadata.model_dump())


@pytest.mark.parametrize("name", sorted(_make_xlsx().PLANS))
def test_a_division_of_work_as_a_workbook_gives_what_its_docx_gives(tmp_path, name):
    # science popularisation (its category merged down), childcare and rural roads
    make_xlsx = _make_xlsx()
    make_samples = make_xlsx.sample_writer()
    title, rows = make_xlsx.division_of_work(make_xlsx.PLANS[name])
    docx = tmp_path / "fengong.docx"
    docx.write_bytes(make_samples.write_docx([make_samples.Text(title), make_samples.Grid(rows)], False))
    workbook = extract(XLSX / name)
    assert workbook.source.format == "xlsx" and len(workbook.responsibilities) >= 3
    assert _read(workbook) == _read(extract(docx))
    # titled by its title row, without the attachment's label (附件：岚山市托育服务发展重点任务分工表)
    assert workbook.metadata.title == title.split("：")[-1]


def _table_targets(document) -> list[tuple]:
    return [(t.value, t.unit, t.comparator, t.deadline, t.kind, t.indicator) for t in document.targets if t.rule == "indicator-table"]


@pytest.mark.parametrize("name", sorted(_make_xlsx().INDICATOR_TABLES))  # care of the elderly, grain security
@pytest.mark.parametrize("form", ["xlsx", "docx"])
def test_a_plans_table_of_indicators_alone_is_dated_and_titled_by_its_caption(tmp_path, name, form):
    """A workbook (or a page) holding only the plan's 主要指标 under its caption (表1  某县“十四五”…主要指标): the
    caption, its number dropped, is its title and gives the period, so the 2020年 column reports the plan's base as in
    the plan's text (it was a target due 2020, the caption split into 表 and a chapter 1柏川市…)."""
    make_xlsx = _make_xlsx()
    plan = extract(make_xlsx.INDICATOR_TABLES[name])
    if form == "xlsx":
        table = extract(XLSX / name)
    else:
        make_samples = make_xlsx.sample_writer()
        caption, rows = make_xlsx.indicator_table(make_xlsx.INDICATOR_TABLES[name])
        (tmp_path / "zhibiao.docx").write_bytes(make_samples.write_docx([make_samples.Text(caption), make_samples.Grid(rows)], False))
        table = extract(tmp_path / "zhibiao.docx")
    assert table.metadata.title.endswith("主要指标") and not table.metadata.title.startswith(("表", "1"))
    assert table.metadata.period == plan.metadata.period and not table.sections
    assert _table_targets(table) == _table_targets(plan) and any(t.kind == "baseline" for t in table.targets)


def test_the_generator_writes_the_committed_workbooks_byte_for_byte():
    make_xlsx = _make_xlsx()
    assert {name: make_xlsx.written(name) == (XLSX / name).read_bytes() for name in make_xlsx.WORKBOOKS} == dict.fromkeys(make_xlsx.WORKBOOKS, True)


def test_a_hidden_sheet_of_lists_is_not_read():
    texts = [line.text for line in read_document(XLSX / "lanshan-tuoyu-fengong.xlsx").lines]
    assert texts[0] == "附件：岚山市托育服务发展重点任务分工表" and not any(text == "市教育局" for text in texts)


_MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_REL = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def _workbook(sheet_data: str, styles: str = "", strings: str = "", merges: str = "") -> dict[str, str]:
    """The parts of a workbook of one sheet holding ``sheet_data``'s rows."""
    parts = {
        "[Content_Types].xml": "<Types/>",
        "xl/workbook.xml": f'<workbook {_MAIN} {_REL}><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                       '<Relationship Id="rId1" Target="/xl/worksheets/sheet1.xml" Type="worksheet"/></Relationships>'),
        "xl/worksheets/sheet1.xml": f"<worksheet {_MAIN}><sheetData>{sheet_data}</sheetData>{merges}</worksheet>",
    }
    if styles:
        parts["xl/styles.xml"] = f"<styleSheet {_MAIN}>{styles}</styleSheet>"
    if strings:
        parts["xl/sharedStrings.xml"] = f"<sst {_MAIN}>{strings}</sst>"
    return parts


def _inline(reference: str, text: str) -> str:
    return f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'


def _lines(tmp_path, parts: dict[str, str], name: str = "plan.xlsx") -> list[str]:
    path = tmp_path / name
    path.write_bytes(zipped(parts))
    return [line.text for line in read_document(path).lines]


_HEADER = f'<row r="1">{_inline("A1", "重点任务")}{_inline("B1", "牵头单位")}{_inline("C1", "目标")}</row>'


def test_a_formula_gives_the_value_excel_cached_never_its_text(tmp_path):
    # a link to the unit's page saved without a cached value gives nothing; a sum gives the sum Excel showed
    rows = (_HEADER + f'<row r="2">{_inline("A2", "新增普惠性托位")}<c r="B2" t="str"><f>HYPERLINK("http://wsjkw.example.gov.cn","市卫生健康委")</f>'
            '<v>市卫生健康委</v></c><c r="C2"><f>SUM(D2:E2)</f><v>3000</v></c></row>'
            f'<row r="3">{_inline("A3", "新改建农村公路")}<c r="B3" t="str"><f>HYPERLINK("http://jtj.example.gov.cn","县交通运输局")</f></c>'
            '<c r="C3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>')
    assert _lines(tmp_path, _workbook(rows)) == ["重点任务\t牵头单位\t目标", "新增普惠性托位\t市卫生健康委\t3000", "新改建农村公路\t\t"]


def test_a_number_is_read_as_its_format_shows_it(tmp_path):
    # a share formatted as a percentage (Excel's 0%, a custom 0.0%), a deadline as a date (Excel's own, a custom
    # yyyy"年"m"月"d"日"), any other number as Excel's General shows it
    styles = ('<numFmts><numFmt numFmtId="176" formatCode="0.0%"/><numFmt numFmtId="177" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
              '<numFmt numFmtId="178" formatCode="[Red]0.00"/></numFmts>'
              '<cellXfs><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="176"/><xf numFmtId="14"/><xf numFmtId="177"/><xf numFmtId="178"/></cellXfs>')
    rows = (_HEADER + f'<row r="2">{_inline("A2", "家庭医生签约服务覆盖率")}<c r="B2" s="3"><v>46022</v></c><c r="C2" s="1"><v>0.85</v></c></row>'
            f'<row r="3">{_inline("A3", "学前教育毛入园率")}<c r="B3" s="4"><v>45838</v></c><c r="C3" s="2"><v>0.925</v></c></row>'
            f'<row r="4">{_inline("A4", "城镇新增就业")}<c r="B4" s="5"><v>2.5</v></c><c r="C4" s="0"><v>0.30000000000000004</v></c></row>')
    assert _lines(tmp_path, _workbook(rows, styles)) == [
        "重点任务\t牵头单位\t目标", "家庭医生签约服务覆盖率\t2025年12月31日\t85%", "学前教育毛入园率\t2025年6月30日\t92.5%",
        "城镇新增就业\t2.5\t0.3"]


def test_shared_strings_without_their_phonetic_guide_and_cells_with_no_reference(tmp_path):
    strings = ("<si><r><t>市教育</t></r><r><t>局</t></r><rPh sb=\"0\" eb=\"1\"><t>シ</t></rPh></si>"
               "<si><t>新建中小学5所</t></si><si><t>2025年底</t></si>")
    rows = (_HEADER + '<row><c t="s"><v>1</v></c><c t="s"><v>0</v></c><c t="s"><v>2</v></c><c t="s"><v>99</v></c></row>')
    assert _lines(tmp_path, _workbook(rows, strings=strings)) == ["重点任务\t牵头单位\t目标", "新建中小学5所\t市教育局\t2025年底"]


def test_an_index_of_more_digits_than_any_list_holds_points_at_nothing_and_the_workbook_is_read(tmp_path):
    # a shared string's, a style's, a number format's index or a row's number of 5,000 digits (int() refuses past 4,300)
    # refused the whole workbook as corrupt; it is read as an index past the list (no text, Excel's General)
    huge = "9" * 5000
    styles = f'<numFmts><numFmt numFmtId="{huge}" formatCode="0.0%"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="{huge}"/></cellXfs>'
    rows = (_HEADER + f'<row r="{huge}">{_inline("A2", "适龄儿童免疫规划疫苗接种率")}<c r="B2" t="s"><v>{huge}</v></c>'
            f'<c r="C2" s="{huge}"><v>0.95</v></c></row>'
            f'<row>{_inline("A3", "农村自来水普及率")}<c r="B3" t="s"><v>0</v></c><c r="C3" s="1"><v>0.92</v></c></row>')
    assert _lines(tmp_path, _workbook(rows, styles, strings="<si><t>县水利局</t></si>")) == [
        "重点任务\t牵头单位\t目标", "适龄儿童免疫规划疫苗接种率\t\t0.95", "农村自来水普及率\t县水利局\t92%"]


def test_a_cell_past_any_table_and_a_merge_over_the_whole_sheet_are_bounded(tmp_path):
    rows = (_HEADER + f'<row r="2">{_inline("A2", "建设乡镇综合运输服务站9个")}{_inline("B2", "县交通运输局")}{_inline("XFD2", "远")}</row>'
            f'<row r="1048576">{_inline("A1048576", "改造危旧桥梁45座")}</row>')
    merges = '<mergeCells><mergeCell ref="B2:XFD1048576"/><mergeCell ref="bogus"/></mergeCells>'
    path = tmp_path / "plan.xlsx"
    path.write_bytes(zipped(_workbook(rows, merges=merges)))
    document = read_document(path)
    assert [line.text for line in document.lines] == [
        "重点任务\t牵头单位\t目标", "建设乡镇综合运输服务站9个\t县交通运输局\t", "改造危旧桥梁45座\t\t"]
    assert document.tables[0].rows[-1] == ["改造危旧桥梁45座", "县交通运输局", ""]  # merged down: filled as in DOCX


def _listing(sheets: int, part: int = 0) -> dict[str, str]:
    """A workbook's list of ``sheets`` sheets, each its own part or, where ``part`` is given, all that one."""
    listed = "".join(f'<sheet name="表{number}" sheetId="{number}" r:id="rId{part or number}"/>' for number in range(1, sheets + 1))
    links = "".join(f'<Relationship Id="rId{number}" Target="/xl/worksheets/sheet{number}.xml" Type="worksheet"/>'
                    for number in range(1, sheets + 1))
    return {"xl/workbook.xml": f"<workbook {_MAIN} {_REL}><sheets>{listed}</sheets></workbook>",
            "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{links}</Relationships>'}


def test_a_sheet_listed_many_times_is_read_once(tmp_path):
    """A workbook of 24 KB listing one sheet of 2,000 cells 2,000 times was read 2,000 times, past the time limit
    (Excel opens no such workbook)."""
    rows = _HEADER + "".join(f'<row r="{row}">{_inline(f"A{row}", f"新建中小学{row}所")}{_inline(f"B{row}", "市教育局")}</row>'
                             for row in range(2, 1_001))
    parts = {**_workbook(rows), **_listing(2_000, part=1)}
    assert len(_lines(tmp_path, parts)) == 1_000


def test_sheets_of_more_cells_than_a_plans_tables_hold_are_refused_as_they_are_read(tmp_path):
    """A cell of a shared string takes some 20 bytes of a sheet's part: a file of 1 MB, 1,000 sheets of 6,000 cells,
    was read whole before its tables were counted (6,000,000 cells)."""
    row = '<row>' + '<c t="s"><v>0</v></c>' * 60 + '</row>'
    sheet = f"<worksheet {_MAIN}><sheetData>{row * 100}</sheetData></worksheet>"
    parts = {**_workbook(""), **_listing(1_000), "xl/sharedStrings.xml": f"<sst {_MAIN}><si><t>新建中小学5所</t></si></sst>",
             **{f"xl/worksheets/sheet{number}.xml": sheet for number in range(1, 1_001)}}
    path = tmp_path / "plan.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    run = run_planparse("extract", str(path), timeout=60)
    assert (run.returncode, run.stderr) == (2, f"planparse: {path}: tables of more than 200,000 rows and cells; planparse reads "
                                               "plans whose tables hold at most 200,000\n")


@pytest.mark.parametrize("name", ["plan.docx", "任务分解表", "plan.zip"])
def test_a_workbook_is_read_as_one_whatever_its_name(tmp_path, name):
    assert _lines(tmp_path, _workbook(_HEADER), name) == ["重点任务\t牵头单位\t目标"]


@pytest.mark.parametrize("broken, said", [
    (lambda parts: {name: text for name, text in parts.items() if name != "xl/_rels/workbook.xml.rels"},
     "not a valid XLSX file (it has no xl/_rels/workbook.xml.rels)"),
    (lambda parts: {**parts, "xl/worksheets/sheet1.xml": parts["xl/worksheets/sheet1.xml"][:-5]},
     "not a valid XLSX file (xl/worksheets/sheet1.xml is damaged)"),
    (lambda parts: {**parts, "xl/worksheets/sheet1.xml": "<x>" * 300 + "</x>" * 300},
     "xl/worksheets/sheet1.xml, line 1: elements nested more than 256 deep"),
])
def test_a_damaged_workbook_is_refused_in_one_line(tmp_path, broken, said):
    with pytest.raises(PlanparseError) as refused:
        _lines(tmp_path, broken(_workbook(_HEADER)))
    assert said in str(refused.value) and "\n" not in str(refused.value)


def test_a_truncated_workbook_is_refused_in_one_line(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(cut_before_part(XLSX / "lanshan-tuoyu-fengong.xlsx", "xl/worksheets/"))
    with pytest.raises(PlanparseError, match="not a valid XLSX file"):
        read_document(path)
