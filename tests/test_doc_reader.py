"""Word 97-2003 binary documents (.doc): plans saved so by a real writer, and streams built as the format lays them out.

The .doc files in tests/data/doc were saved by LibreOffice from DOCX written by samples/make_samples.py
(tests/data/doc/make_doc.py says how); each gives the plan its DOCX gives.
"""
from __future__ import annotations

import shutil
import struct

import pytest
from conftest import DATA, SAMPLES, sample_writer, word_95_document, word_document_with

from planparse.errors import PlanparseError
from planparse.pipeline import extract
from planparse.readers import read_document
from planparse.readers.doc import read_streams

DOC = DATA / "doc"
SOURCES = {path.name: text for path, text in [
    (DOC / "qingcheng-2021.doc", SAMPLES / "qingcheng-2021.txt"),
    (DOC / "bochuan-yanglao-2021.doc", DATA / "unseen/bochuan-yanglao-fuwu-guihua-2021.txt"),
    (DOC / "shiquan-nongcunlu-2023.doc", DATA / "unseen/shiquan-sihao-nongcunlu-2023.txt"),
]}


def _plan(document) -> tuple:
    def tree(sections):
        return [(s.level, s.style.value, s.number, s.title, tree(s.children)) for s in sections]
    return (tree(document.sections), [(t.quote, t.value, t.unit, t.comparator, t.deadline, t.section) for t in document.targets],
            [(t.header, t.rows) for t in document.tables], document.metadata.model_dump(),
            [r.model_dump() for r in document.responsibilities])


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_a_plan_saved_as_word_97_gives_the_plan_of_its_docx(tmp_path, name):
    # science popularisation with its 分工表 merged down, elderly care and rural roads with tables of indicators
    make_samples = sample_writer()
    docx = tmp_path / "plan.docx"
    docx.write_bytes(make_samples.write_docx(make_samples.seed_blocks(SOURCES[name]), False))
    document, expected = extract(DOC / name), extract(docx)
    assert document.source.format == "doc"
    assert len(document.targets) >= 20 and document.tables
    assert _plan(document) == _plan(expected)


def test_the_merged_cells_of_a_word_97_table_hold_the_text_they_continue():
    table = read_document(DOC / "qingcheng-2021.doc").tables[0]
    assert table.header[:2] == ["序号", "工作内容"]
    assert [row[1] for row in table.rows[:6]] == ["提升行动"] * 5 + ["重点工程"]


@pytest.mark.parametrize("name", ["附件1.doc", "附件1.wps", "plan.docx", "plan.txt", "plan"])
def test_a_word_97_file_is_read_as_one_whatever_its_name(tmp_path, name):
    # sites offer 附件.doc and .wps; a Word 97 file renamed .docx was refused as a damaged DOCX
    renamed = tmp_path / name
    shutil.copy(DOC / "shiquan-nongcunlu-2023.doc", renamed)
    document = read_document(renamed)
    assert document.format == "doc"
    assert document.lines[0].text == read_document(DOC / "shiquan-nongcunlu-2023.doc").lines[0].text


# --- streams built as [MS-DOC] lays them out: a file information block, the text's pieces, the piece table ---

def _streams(pieces: list[tuple[str, bool]]) -> tuple[bytes, bytes]:
    """A WordDocument and a 1Table stream holding ``pieces`` (text, 8-bit or not) in the text's order, written in the
    stream in the reverse order, as a fast save appends its edits at the stream's end."""
    word = bytearray(0x200)
    struct.pack_into("<HHH", word, 0, 0xA5EC, 0x00C1, 0)
    struct.pack_into("<H", word, 0x0A, 0x0200)  # the table stream is 1Table
    offsets = {}
    for i in reversed(range(len(pieces))):
        text, compressed = pieces[i]
        offsets[i] = len(word)
        word += text.encode("cp1252" if compressed else "utf-16-le")
    starts = [0]
    for text, _ in pieces:
        starts.append(starts[-1] + len(text))
    descriptors = b"".join(struct.pack("<HIH", 0, offsets[i] * 2 | 0x40000000 if compressed else offsets[i], 0)
                           for i, (_, compressed) in enumerate(pieces))
    plc = struct.pack(f"<{len(starts)}I", *starts) + descriptors
    clx = b"\x01\x02\x00\x08\x24" + b"\x02" + struct.pack("<I", len(plc)) + plc  # a fast save's formatting change first
    struct.pack_into("<I", word, 0x4C, starts[-1])
    struct.pack_into("<II", word, 0x1A2, 0, len(clx))
    struct.pack_into("<II", word, 0x102, len(clx), 0)  # no paragraph properties
    return bytes(word), clx


def _texts(pieces: list[tuple[str, bool]]) -> list[str]:
    lines, _ = read_streams(*_streams(pieces))
    return [line.text for line in lines]


def test_8_bit_and_utf_16_pieces_are_read_in_the_order_of_the_text():
    # health and education: Latin text saved 8-bit ("compressed"), Chinese in UTF-16, the stream's order reversed
    assert _texts([("WHO ", True), ("标准：基层医疗卫生机构达标率达到90%以上。\r", False), ("2025 ", True),
                   ("年前，义务教育巩固率保持在96%以上。\r", False)]) == \
        ["WHO 标准：基层医疗卫生机构达标率达到90%以上。", "2025 年前，义务教育巩固率保持在96%以上。"]


def test_a_field_shows_its_result_and_a_table_of_contents_nothing():
    # a hyperlink's address and a page number's instruction are no text; the contents' entries would be headings twice
    text = ("目录\r\x13 TOC \\o \"1-3\" \\h \x14一、总体要求\t\x13 PAGEREF _Toc1 \\h \x143\x15\r二、重点任务\t5\r\x15"
            "一、总体要求\r详见\x13 HYPERLINK \"http://www.example.gov.cn\" \x14市卫生健康委网站\x15，每年更新\x13 PAGE \x14\x15。\r")
    assert _texts([(text, False)]) == ["一、总体要求", "详见市卫生健康委网站，每年更新。"]


def test_word_marks_are_read_as_word_shows_them():
    # a non-breaking hyphen keeps a range (2023‑2025年), a line break and a tab are spaces, an optional hyphen and a
    # picture's anchor nothing
    assert _texts([("（2023\x1e2025年）农村公路\x1f建设\x01\x0b每年新改建50公里\t以上\r", False)]) == \
        ["（2023-2025年）农村公路建设 每年新改建50公里 以上"]


# --- files that are no Word 97 document, or one planparse does not read ---

@pytest.mark.parametrize("change, problem", [
    (lambda word: struct.pack_into("<H", word, 0x0A, 0x0300), "protected by a password"),
    (lambda word: struct.pack_into("<I", word, 0x1A6, 0x7FFFFFFF), "not a valid Word 97-2003 document (truncated or corrupt)"),
    (lambda word: struct.pack_into("<H", word, 0, 0), "its WordDocument stream does not open as one"),
])
def test_a_word_file_planparse_does_not_read_is_refused_saying_why(tmp_path, change, problem):
    with pytest.raises(PlanparseError) as raised:
        read_document(word_document_with(tmp_path / "附件.doc", change))
    assert problem in raised.value.problem


def test_a_word_95_file_names_the_conversion_to_run(tmp_path):
    with pytest.raises(PlanparseError) as raised:
        read_document(word_95_document(tmp_path / "附件.doc"))
    assert raised.value.problem.startswith("a Word 6/95 document is not read; convert it first: soffice --headless --convert-to docx ")


def test_an_ole_file_holding_no_word_document_says_so(tmp_path):
    # an Excel workbook saved as .xls (or named .doc) is an OLE2 file too
    workbook = tmp_path / "分工表.doc"
    workbook.write_bytes((DOC / "bochuan-yanglao-2021.doc").read_bytes().replace("WordDocument".encode("utf-16-le"),
                                                                                  "Workbook\0\0\0\0".encode("utf-16-le")))
    with pytest.raises(PlanparseError) as raised:
        read_document(workbook)
    assert raised.value.problem.startswith("an OLE2 compound file with no Word document in it")


@pytest.mark.parametrize("size", [600, 4096, 20000])
def test_a_cut_word_file_is_refused_in_one_line(tmp_path, size):
    cut = tmp_path / "附件.doc"
    cut.write_bytes((DOC / "bochuan-yanglao-2021.doc").read_bytes()[:size])
    with pytest.raises(PlanparseError) as raised:
        read_document(cut)
    assert raised.value.problem.startswith(("not a valid Word 97-2003 document", "an OLE2 compound file with no Word"))
