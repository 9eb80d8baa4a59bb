"""Write the Excel workbooks (.xlsx) of this folder: the 分工表 of a plan alone, a sheet of its own, as Excel saves it;
and a plan's table of its main indicators alone (主要指标.xlsx), its caption the title row, as statistics offices publish it.

    .venv/bin/python tests/data/xlsx/make_xlsx.py

Each plan's last table and the 附件 title above it (as samples/make_samples.py reads them from the plan's text) are
written as Excel writes a workbook: the title a row merged across the table, the text in shared strings, a cell merged
down over the empty ones below it (mergeCells), 序号 as formulas (=ROW()-2) with the values Excel cached, the lists a
sheet's cells may choose from on a hidden sheet. Re-running the script gives the committed files byte for byte
(tests/test_xlsx_reader.py).
"""
from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # plan_files: run as a script or loaded by a test

from plan_files import sample_writer, write_all  # noqa: E402

TESTS = HERE.parents[1]
SAMPLES = TESTS.parent / "samples"
PLANS = {  # name of the workbook -> the plan's text
    "qingcheng-2021-fengong.xlsx": SAMPLES / "qingcheng-2021.txt",  # science popularisation, its category merged down
    "lanshan-tuoyu-fengong.xlsx": TESTS / "data/unseen/lanshan-tuoyu-fuwu-2024.txt",  # childcare
    "shiquan-nongcunlu-fengong.xlsx": TESTS / "data/unseen/shiquan-sihao-nongcunlu-2023.txt",  # rural roads
}
INDICATOR_TABLES = {  # name of the workbook -> the plan's text, whose first table of yearly columns it holds
    "bochuan-yanglao-zhibiao.xlsx": TESTS / "data/unseen/bochuan-yanglao-fuwu-guihua-2021.txt",  # care of the elderly, “十四五”
    "yunling-liangshi-zhibiao.xlsx": TESTS / "data/unseen/yunling-liangshi-anquan-guihua-2021.txt",  # grain security
}
WORKBOOKS = [*PLANS, *INDICATOR_TABLES]
FIXED_DATE = (2024, 1, 1, 0, 0, 0)
_MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_RELATIONSHIPS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_PACKAGE = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
_UNITS = ["市委宣传部", "市教育局", "市科技局", "市卫生健康委", "市交通运输局"]  # the hidden sheet's list


def division_of_work(text: Path) -> tuple[str, list[list[str]]]:
    """The plan's last table and the paragraph above it (附件：…分工表)."""
    make_samples = sample_writer()
    blocks = make_samples.seed_blocks(text)
    last = max(index for index, block in enumerate(blocks) if isinstance(block, make_samples.Grid))
    return blocks[last - 1].text, blocks[last].rows


def indicator_table(text: Path) -> tuple[str, list[list[str]]]:
    """The plan's first table with a year's column (2020年|2025年) and its caption above it (表1  …主要指标)."""
    make_samples = sample_writer()
    blocks = make_samples.seed_blocks(text)
    first = next(index for index, block in enumerate(blocks) if isinstance(block, make_samples.Grid)
                 and any(cell.endswith("年") and cell[:4].isdigit() for cell in block.rows[0]))
    return blocks[first - 1].text, blocks[first].rows


def _column(index: int) -> str:
    return chr(ord("A") + index)


class _Strings:
    """The workbook's shared strings, each once, in the order first written."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.uses = 0

    def cell(self, reference: str, text: str) -> str:
        self.uses += 1
        number = self.index.setdefault(text, len(self.index))
        return f'<c r="{reference}" s="1" t="s"><v>{number}</v></c>'

    def xml(self) -> str:
        items = "".join(f'<si><t xml:space="preserve">{escape(text)}</t></si>' for text in self.index)
        return f'{_HEAD}<sst {_MAIN} count="{self.uses}" uniqueCount="{len(self.index)}">{items}</sst>'


def _sheet(title: str, rows: list[list[str]], strings: _Strings) -> str:
    """The title row merged across, the header, then the rows: a 序号 as a formula with its value cached, an empty cell
    under a merge written as no cell."""
    spans = sample_writer().merged_spans(rows)
    written = [f'<row r="1">{strings.cell("A1", title)}</row>']
    for index, row in enumerate(rows):
        number = index + 2
        cells = []
        for column, text in enumerate(row):
            reference = f"{_column(column)}{number}"
            if index and column == 0 and text.isdigit():
                cells.append(f'<c r="{reference}" s="1"><f>ROW()-2</f><v>{text}</v></c>')
            elif text:
                cells.append(strings.cell(reference, text))
        written.append(f'<row r="{number}">{"".join(cells)}</row>')
    merges = [f"A1:{_column(len(rows[0]) - 1)}1"] + [f"{_column(c0)}{r0 + 2}:{_column(c1)}{r1 + 2}" for c0, r0, c1, r1 in spans]
    merged = "".join(f'<mergeCell ref="{ref}"/>' for ref in merges)
    return (f'{_HEAD}<worksheet {_MAIN} {_RELATIONSHIPS}><sheetData>{"".join(written)}</sheetData>'
            f'<mergeCells count="{len(merges)}">{merged}</mergeCells></worksheet>')


def _lists(strings: _Strings) -> str:
    rows = "".join(f'<row r="{number}">{strings.cell(f"A{number}", unit)}</row>' for number, unit in enumerate(_UNITS, 1))
    return f"{_HEAD}<worksheet {_MAIN}><sheetData>{rows}</sheetData></worksheet>"


_STYLES = (f'{_HEAD}<styleSheet {_MAIN}><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>'
           '<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>'
           '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
           '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
           '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="center"/></xf>'
           '</cellXfs></styleSheet>')


def written(name: str) -> bytes:
    """The workbook ``name`` of this folder, written from its plan's text."""
    strings = _Strings()
    table, sheet_name = (division_of_work(PLANS[name]), "分工表") if name in PLANS else (indicator_table(INDICATOR_TABLES[name]), "主要指标")
    sheets = {"xl/worksheets/sheet1.xml": _sheet(*table, strings),
              "xl/worksheets/sheet2.xml": _lists(strings)}
    sheet_types = "".join(f'<Override PartName="/{part}" ContentType="application/vnd.openxmlformats-officedocument.'
                          'spreadsheetml.worksheet+xml"/>' for part in sheets)
    parts = {
        "[Content_Types].xml": (f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                                '<Default Extension="xml" ContentType="application/xml"/>'
                                '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                                f'officedocument.spreadsheetml.sheet.main+xml"/>{sheet_types}</Types>'),
        "_rels/.rels": (f'{_HEAD}<Relationships {_PACKAGE}><Relationship Id="rId1" Type="{_OFFICE}/officeDocument" '
                        'Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (f'{_HEAD}<workbook {_MAIN} {_RELATIONSHIPS}><sheets>'
                            f'<sheet name="{sheet_name}" sheetId="1" r:id="rId1"/><sheet name="单位" sheetId="2" state="hidden" r:id="rId2"/>'
                            '</sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (f'{_HEAD}<Relationships {_PACKAGE}>'
                                       f'<Relationship Id="rId1" Type="{_OFFICE}/worksheet" Target="worksheets/sheet1.xml"/>'
                                       f'<Relationship Id="rId2" Type="{_OFFICE}/worksheet" Target="worksheets/sheet2.xml"/>'
                                       f'<Relationship Id="rId3" Type="{_OFFICE}/styles" Target="styles.xml"/>'
                                       f'<Relationship Id="rId4" Type="{_OFFICE}/sharedStrings" Target="sharedStrings.xml"/>'
                                       '</Relationships>'),
        **sheets,
        "xl/styles.xml": _STYLES,
        "xl/sharedStrings.xml": strings.xml(),
    }
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, xml in parts.items():
            archive.writestr(zipfile.ZipInfo(part, FIXED_DATE), xml.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return output.getvalue()


def main() -> None:
    write_all(HERE, WORKBOOKS, written)


if __name__ == "__main__":
    main()
