"""Word 97-2003 binary documents (.doc): plans saved so by a real writer, and streams built as the format lays them out.

The .doc files in tests/data/doc were saved by LibreOffice from DOCX written by samples/make_samples.py
(tests/data/doc/make_doc.py says how); each gives the plan its DOCX gives.
"""
from __future__ import annotations

import shutil
import struct

import pytest
from conftest import DATA, SAMPLES, run_planparse, saved_and_as_docx, word_95_document, word_document_with

from planparse.errors import PlanparseError
from planparse.pipeline import extract
from planparse.readers import read_document
from planparse.readers.doc import read_streams

DOC = DATA / "doc"
SOURCES = {  # each .doc: the plan's text, and whether its DOCX numbered its headings with Word's lists
    "qingcheng-2021.doc": (SAMPLES / "qingcheng-2021.txt", False),
    "bochuan-yanglao-2021.doc": (DATA / "unseen/bochuan-yanglao-fuwu-guihua-2021.txt", False),
    "shiquan-nongcunlu-2023.doc": (DATA / "unseen/shiquan-sihao-nongcunlu-2023.txt", False),
    "jieyang-2022.doc": (SAMPLES / "jieyang-2022.txt", True),
    "linxi-weisheng-2022.doc": (DATA / "unseen/linxi-weisheng-jiankang-guihua-2022.txt", True),
    "heyang-xiaoqu-gaizao-2023.doc": (DATA / "unseen/heyang-laojiu-xiaoqu-gaizao-2023.txt", True),
}


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_a_plan_saved_as_word_97_gives_the_plan_of_its_docx(tmp_path, name):
    # science popularisation with its 分工表 merged down, elderly care and rural roads with tables of indicators; science
    # popularisation, health and housing numbered by Word's lists (一、（二）1. shown, in no paragraph's text)
    (saved_format, *saved), (_, *expected) = saved_and_as_docx(DOC / name, *SOURCES[name], tmp_path)
    assert saved_format == "doc" and saved == expected


def test_the_merged_cells_of_a_word_97_table_hold_the_text_they_continue():
    table = read_document(DOC / "qingcheng-2021.doc").tables[0]
    assert table.header[:2] == ["序号", "工作内容"]
    assert [row[1] for row in table.rows[:6]] == ["提升行动"] * 5 + ["重点工程"]


def test_a_word_97_plan_edited_with_changes_tracked_is_read_as_the_changes_accepted():
    # education and health figures replaced (3 by 5 schools, 80% by 90%, 60% by 65%): Word keeps the deleted figures,
    # marked; a paragraph whose mark was deleted runs on into the next (saved by LibreOffice from a DOCX so edited)
    assert [line.text for line in read_document(DOC / "tracked-changes.doc").lines] == [
        "某县教育卫生事业发展实施方案", "一、工作目标", "到2025年，新建中小学5所，基层医疗卫生机构达标率达到90%。",
        "每年培训乡村医生200人次，家庭医生签约服务覆盖率达到65%以上。"]


def test_the_text_boxes_of_a_word_97_plan_are_read_after_the_paragraph_they_are_anchored_in():
    # health and education: the issuers' red head set in a box, a heading in a box anchored in the paragraph before it;
    # both were left out (saved by LibreOffice from an ODT so made: tests/data/doc/make_doc.py)
    document = extract(DOC / "text-boxes.doc")
    assert [line.text for line in read_document(DOC / "text-boxes.doc").lines][:1] == ["某县卫生健康局 某县教育局文件"]
    assert [(s.number, s.title) for s in document.sections] == [(1, "基层卫生"), (2, "学校卫生")]
    assert [(t.value, t.section) for t in document.targets] == [(90, "1"), (1, "2"), (92, "2")]
    assert document.metadata.issuer == "某县卫生健康局、某县教育局"  # the red head is the issuers'


@pytest.mark.parametrize("name", ["附件1.doc", "附件1.wps", "plan.docx", "plan.txt", "plan"])
@pytest.mark.parametrize("saved", [DOC / "shiquan-nongcunlu-2023.doc", DATA / "odt/shiquan-nongcunlu-2023.odt"])
def test_a_word_97_or_odt_file_is_read_as_one_whatever_its_name(tmp_path, name, saved):
    # sites offer 附件.doc and .wps; a Word 97 file renamed .docx was refused as a damaged DOCX, an ODT as a ZIP archive
    renamed = tmp_path / name
    shutil.copy(saved, renamed)
    document = read_document(renamed)
    assert document.format == saved.suffix[1:]
    assert document.lines[0].text == read_document(saved).lines[0].text


# --- streams built as [MS-DOC] lays them out: a file information block, the text's pieces, the piece table ---

_FIB_SIZE = 0x400  # the file information block: where the streams' parts are, and the text's length


def _streams(pieces: list[tuple[str, bool]]) -> tuple[bytes, bytes]:
    """A WordDocument and a 1Table stream holding ``pieces`` (text, 8-bit or not) in the text's order, written in the
    stream in the reverse order, as a fast save appends its edits at the stream's end."""
    word = bytearray(_FIB_SIZE)
    struct.pack_into("<HHH", word, 0, 0xA5EC, 0x00C1, 0)
    struct.pack_into("<H", word, 0x0A, 0x0200)  # the table stream is 1Table
    struct.pack_into("<H", word, 0x98, 93)  # pairs of (offset, size) of the table stream's parts: Word 97 writes 93
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


def test_a_short_file_information_block_has_no_parts_past_its_end():
    # a writer may give fewer pairs than Word 97's 93 (34 reach the piece table): what lies after them is text, not
    # the place of lists, which were read from it (elderly care, transport)
    word, clx = _streams([("养老机构护理型床位占比达到55%\r", False), ("农村公路优良中等路率达到85%\r", False)])
    word = bytearray(word)
    struct.pack_into("<H", word, 0x98, 34)
    struct.pack_into("<II", word, 0x2E2, 0, 0x7FFF)  # no pair: its bytes are the block's text
    assert [line.text for line in read_streams(bytes(word), clx)[0]] == ["养老机构护理型床位占比达到55%", "农村公路优良中等路率达到85%"]


def test_fields_nest_and_a_second_separator_changes_nothing():
    # a page number's field inside a hyperlink's result shows its result; a contents field inside a field's result
    # hides its entries until it ends; a second separator in a result is text of no instruction (elderly care, roads)
    text = ("\x13 HYPERLINK \"x\" \x14养老服务第\x13 PAGE \x142\x15页\x15\r\x13 IF 1 \x14\x13 TOC \\o \x14一、总体要求\t3\r\x15"
            "新改建农村公路\x1450公里\x15\r")
    assert _texts([(text, False)]) == ["养老服务第2页", "新改建农村公路50公里"]


def test_word_marks_are_read_as_word_shows_them():
    # a non-breaking hyphen keeps a range (2023‑2025年), a line break and a tab are spaces, an optional hyphen and a
    # picture's anchor nothing
    assert _texts([("（2023\x1e2025年）农村公路\x1f建设\x01\x0b每年新改建50公里\t以上\r", False)]) == \
        ["（2023-2025年）农村公路建设 每年新改建50公里 以上"]


def _list_level(start: int, number_format: int, text: str) -> bytes:
    """A list level: its start, number format (MSONFC), the places of the levels' numbers (characters 0-8) in its text."""
    places = bytes(i + 1 for i, character in enumerate(text) if ord(character) < 9).ljust(9, b"\0")
    return (struct.pack("<iBB", start, number_format, 0) + places + bytes(13)
            + struct.pack("<H", len(text)) + text.encode("utf-16-le"))


def _numbered(paragraphs: list[tuple], lists: list[list[tuple[int, int, str]]], overrides: list[tuple[int, dict[int, int]]],
              styles: bytes = b"") -> list[str]:
    """Paragraphs (text, override number from 1 or 0 for none, level, and their style's number or 0) of ``lists``
    (each its levels: start, format, text), named through ``overrides`` (a list's index, the levels started again) or
    through ``styles`` (a style sheet), read from streams laid out so."""
    text = "".join(paragraph[0] + "\r" for paragraph in paragraphs)
    word, clx = _streams([(text, False)])
    first = len(word) + (-len(word)) % 512  # the page of paragraph properties, after the text
    page, bounds = bytearray(512), [_FIB_SIZE]  # the text's first byte
    for i, (paragraph, override, level, *style) in enumerate(paragraphs):
        bounds.append(bounds[-1] + 2 * len(paragraph) + 2)
        codes = struct.pack("<HBHH", 0x260A, level, 0x460B, override) if override is not None else b"\0"
        place = 510 - 16 * (i + 1)  # each paragraph's properties: a size in words (2 n - 1 bytes), a style, the codes
        page[place:place + 3 + len(codes)] = bytes([(len(codes) + 3) // 2]) + struct.pack("<H", *style or [0]) + codes
        page[4 * (len(paragraphs) + 1) + 13 * i] = place // 2
    struct.pack_into(f"<{len(bounds)}I", page, 0, *bounds)
    page[511] = len(paragraphs)
    levels = b"".join(_list_level(*level) for levels in lists for level in levels)
    heads = b"".join(struct.pack("<iI", 100 + i, 0) + bytes(18) + bytes([len(levels) == 1, 0])
                     for i, levels in enumerate(lists))
    data = b"".join(struct.pack("<iII", 100 + list_index, 0, 0) + bytes([len(starts), 0, 0, 0]) for list_index, starts in overrides)
    data += b"".join(bytes(4) + b"".join(struct.pack("<iI", start, level | 0x10) for level, start in starts.items())
                     for _, starts in overrides)
    lists_part = struct.pack("<H", len(lists)) + heads + levels
    overrides_part = struct.pack("<I", len(overrides)) + data
    table = clx + struct.pack("<2II", bounds[0], bounds[-1], first // 512) + lists_part + overrides_part + styles
    word = bytearray(word + bytes(first - len(word)) + page)
    struct.pack_into("<II", word, 0x102, len(clx), 12)
    struct.pack_into("<II", word, 0x2E2, len(clx) + 12, 2 + len(heads))
    struct.pack_into("<II", word, 0x2EA, len(clx) + 12 + len(lists_part), len(overrides_part))
    struct.pack_into("<II", word, 0xA2, len(table) - len(styles), len(styles))
    return [line.text for line in read_streams(bytes(word), table)[0]]


_PLAN_LEVELS = [(1, 0x25, "\x00、"), (1, 0x25, "（\x01）"), (1, 0x00, "\x02.")] + [(1, 0x00, "")] * 6  # 一、（一）1.


def test_headings_numbered_by_word_97_lists_show_their_markers():
    # education and health: levels counted and started again under their parent, a list started again at 5 by a
    # second override, a financial format (壹) and circled numbers of a single-level list, a paragraph of no list
    assert _numbered(
        [("总体要求", 1, 0), ("工作目标", 1, 1), ("学前教育毛入园率达到95%", 1, 2), ("义务教育巩固率达到97%", 1, 2),
         ("保障措施", 1, 1), ("重点任务", 1, 0), ("加强组织领导", 1, 1), ("实施健康行动", 2, 0), ("说明", 0, 0),
         ("基层首诊", 3, 0), ("双向转诊", 3, 0), ("孕产妇死亡率控制在10/10万以下", 4, 0)],
        [_PLAN_LEVELS, [(1, 0x26, "\x00、")], [(1, 0x12, "\x00")]],
        [(0, {}), (0, {0: 5}), (1, {}), (2, {})],
    ) == ["一、总体要求", "（一）工作目标", "1.学前教育毛入园率达到95%", "2.义务教育巩固率达到97%", "（二）保障措施", "二、重点任务",
          "（一）加强组织领导", "五、实施健康行动", "说明", "壹、基层首诊", "贰、双向转诊", "①孕产妇死亡率控制在10/10万以下"]


def _style_sheet(styles: list[tuple[str, int, bytes]]) -> bytes:
    """A style sheet of paragraph styles (name, the style it is based on or 0xFFF, its own property codes): a header's
    size and header (the count, the size of a style's fixed part), then each style's size and style."""
    def style(name: str, base: int, codes: bytes) -> bytes:
        fixed = struct.pack("<5H", 0, 1 | base << 4, 0, 0, 0)  # a paragraph style and its base
        written = struct.pack("<H", len(name)) + name.encode("utf-16-le") + b"\0\0"
        paragraph = struct.pack("<H", 2 + len(codes)) + b"\0\0" + codes + b"\0" * (len(codes) % 2)
        return fixed + written + paragraph + struct.pack("<H", 0)
    written = [style(*entry) for entry in styles]
    return struct.pack("<3H", 4, len(written), 10) + b"".join(struct.pack("<H", len(entry)) + entry for entry in written)


def _listed(override: int, level: int) -> bytes:
    return struct.pack("<HBHH", 0x260A, level, 0x460B, override)


def test_headings_numbered_through_their_style_show_their_markers():
    # Word's heading styles linked to a list (标题 1 一、, 标题 2 （一）): the paragraphs name only their style; a style
    # based on 标题 2 numbers as it does, and a paragraph whose own properties take the list off shows none (health,
    # education)
    styles = _style_sheet([("正文", 0xFFF, b""), ("标题 1", 0, _listed(1, 0)), ("标题 2", 1, _listed(1, 1)),
                           ("标题 2 附", 2, b"")])
    assert _numbered(
        [("总体要求", None, 0, 1), ("工作目标", None, 0, 2), ("到2025年，孕产妇死亡率控制在10/10万以下", None, 0, 0),
         ("基本原则", None, 0, 3), ("重点任务", None, 0, 1), ("提升学前教育普惠水平", None, 0, 2), ("附表", 0, 0, 1)],
        [_PLAN_LEVELS], [(0, {})], styles,
    ) == ["一、总体要求", "（一）工作目标", "到2025年，孕产妇死亡率控制在10/10万以下", "（二）基本原则", "二、重点任务",
          "（一）提升学前教育普惠水平", "附表"]


def _with_symbols(text: str, symbols: dict[int, bytes], fonts: list[str]) -> str:
    """``text`` read from streams whose characters at ``symbols`` (their index) have those properties (codes and
    operands), the fonts named ``fonts``: a symbol ``(`` and its font and code, a run's font."""
    word, clx = _streams([(text + "\r", False)])
    first = len(word) + (-len(word)) % 512
    places = sorted({_FIB_SIZE, _FIB_SIZE + 2 * len(text) + 2} | {_FIB_SIZE + 2 * i + step for i in symbols for step in (0, 2)})
    page = bytearray(512)
    for run, start in enumerate(places[:-1]):
        index = (start - _FIB_SIZE) // 2
        if index in symbols:
            at = 510 - 16 * (run + 1)
            page[at:at + 1 + len(symbols[index])] = bytes([len(symbols[index])]) + symbols[index]
            page[4 * len(places) + run] = at // 2
    struct.pack_into(f"<{len(places)}I", page, 0, *places)
    page[511] = len(places) - 1
    named = b"".join(bytes([39 + 2 * len(name) + 2]) + bytes(39) + name.encode("utf-16-le") + b"\0\0" for name in fonts)
    table = clx + struct.pack("<3I", places[0], places[-1], first // 512) + struct.pack("<HH", len(fonts), 0) + named
    word = bytearray(word + bytes(first - len(word)) + page)
    struct.pack_into("<II", word, 0xFA, len(clx), 12)
    struct.pack_into("<II", word, 0x112, len(clx) + 12, 4 + len(named))
    return read_streams(bytes(word), table)[0][0].text


def _symbol(font: int, code: int) -> bytes:
    return struct.pack("<HHH", 0x6A09, font, code)


@pytest.mark.parametrize("text, raised, read", [
    ("到2026年，每年新增用人单位办托点10个2以上", "2", "到2026年，每年新增用人单位办托点10个以上"),  # childcare: a bare number
    ("到2026年，森林覆盖率达到59%[1]。", "[1]", "到2026年，森林覆盖率达到59%。"),  # forestry: in brackets
    ("到2026年，新建口袋公园绿地面积5000m2。", "2", "到2026年，新建口袋公园绿地面积5000m2。")])  # greening: an exponent
def test_a_note_mark_set_above_the_line_in_word_97_is_no_text(text, raised, read):
    """A run Word 97 sets superscript (sprmCIss 1) after a figure is a note's mark, as in a DOCX: 10个²以上 read 10个2以上
    (10 个 exactly, its 以上 parted from it); 5000m² keeps its exponent."""
    at = text.rindex(raised)
    assert _with_symbols(text, {index: struct.pack("<HB", 0x2A48, 1) for index in range(at, at + len(raised))}, []) == read


@pytest.mark.parametrize("text, hidden, read", [
    ("到2025年，农村自来水普及率达到90%。新建水厂999座。", "新建水厂999座。", "到2025年，农村自来水普及率达到90%。"),  # water
    ("到2025年，全市新建幼儿园30所（此处填写：新建学校888所）。", "（此处填写：新建学校888所）", "到2025年，全市新建幼儿园30所。")])  # education
def test_hidden_text_in_word_97_is_no_text(text, hidden, read):
    """A run Word 97 sets hidden (sprmCFVanish 1), which Word neither shows nor prints, is left out, as in a DOCX: it was
    read as the plan's (999 座 a target)."""
    at = text.index(hidden)
    assert _with_symbols(text, {index: struct.pack("<HB", 0x083C, 1) for index in range(at, at + len(hidden))}, []) == read


def test_signs_inserted_as_symbols_are_read_as_word_shows_them():
    # health and education: Word writes a symbol as ( with its font and code; in the Symbol font F0B3 is ≥ and F0A3
    # ≤, a picture font's sign (Wingdings ✓) is nothing, and a ( of no symbol is a bracket. LibreOffice writes the
    # font's code itself in a run of that font.
    fonts = ["Times New Roman", "Symbol", "Wingdings"]
    assert _with_symbols("规范管理率(65%，每班(45人(，经费(含培训)", {5: _symbol(1, 0xF0B3), 12: _symbol(1, 0xF0A3),
                                                            16: _symbol(2, 0xF0FC)}, fonts) == "规范管理率≥65%，每班≤45人，经费(含培训)"
    assert _with_symbols("高血压患者规范管理率\uf0b360%", {10: struct.pack("<HH", 0x4A4F, 1)}, fonts) == "高血压患者规范管理率≥60%"


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


def _compound_file_with(stream: str) -> bytes:
    """A Word 97 plan's compound file with its WordDocument stream renamed ``stream``: the stream another program's
    file holds its content in."""
    data = bytearray((DOC / "bochuan-yanglao-2021.doc").read_bytes())
    entry = data.index("WordDocument".encode("utf-16-le"))  # its directory entry: the name, then its length in bytes
    name = f"{stream}\0".encode("utf-16-le")
    data[entry:entry + 64] = name.ljust(64, b"\0")
    data[entry + 64:entry + 66] = len(name).to_bytes(2, "little")
    return bytes(data)


@pytest.mark.parametrize("name, stream, said", [
    # a 分工表 saved by Excel as .xls or by WPS as .et (its streams are Excel's), or named .doc: an OLE2 file too
    ("分工表.et", "Workbook", "an Excel 97-2003 or WPS spreadsheet (.xls, .et) is not read; convert it first: "
                             "soffice --headless --convert-to xlsx "),
    ("分工表.doc", "Book", "an Excel 97-2003 or WPS spreadsheet (.xls, .et) is not read; convert it first: "
                          "soffice --headless --convert-to xlsx "),
    ("汇报.dps", "PowerPoint Document", "a PowerPoint or WPS presentation (.ppt, .dps), not a plan document"),
    ("附件.doc", "Contents", "an OLE2 compound file with no Word document in it"),
])
def test_an_ole_file_holding_no_word_document_says_what_it_is(tmp_path, name, stream, said):
    other = tmp_path / name
    other.write_bytes(_compound_file_with(stream))
    with pytest.raises(PlanparseError) as raised:
        read_document(other)
    assert raised.value.problem.startswith(said)


@pytest.mark.parametrize("name", ["工作方案.docx", "分工表.xlsx"])
def test_a_docx_or_xlsx_protected_by_a_password_is_refused_saying_so(name: str, tmp_path):
    """Word and Excel save a file with a password as a compound file holding it encrypted (EncryptedPackage), whatever
    its name: it was refused as an OLE2 file with no Word document in it (an Excel or PowerPoint file?)."""
    protected = tmp_path / name
    protected.write_bytes(_compound_file_with("EncryptedPackage"))
    run = run_planparse("extract", str(protected))
    assert (run.returncode, run.stderr) == (2, f"planparse: {protected}: the document is protected by a password (an encrypted DOCX or "
                                               "XLSX); open it in Word, WPS or Excel and save it without one\n")


@pytest.mark.parametrize("size", [600, 4096, 20000])
def test_a_cut_word_file_is_refused_in_one_line(tmp_path, size):
    cut = tmp_path / "附件.doc"
    cut.write_bytes((DOC / "bochuan-yanglao-2021.doc").read_bytes()[:size])
    with pytest.raises(PlanparseError) as raised:
        read_document(cut)
    assert raised.value.problem.startswith(("not a valid Word 97-2003 document", "an OLE2 compound file with no Word"))


@pytest.mark.parametrize("name", ["附件1.doc", "附件1.wps"])
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-8-sig"])
def test_a_text_named_doc_is_read_as_the_text_it_is(tmp_path, name, encoding):
    # a site's 附件.doc that is its text (health, education): it was refused as "a Word or WPS format older than Word 97"
    path = tmp_path / name
    path.write_bytes("一、工作目标\n到2025年，全县新建乡镇卫生院3所，公办幼儿园在园幼儿占比达到55%以上。\n".encode(encoding))
    document = read_document(path)
    assert document.format == "txt" and document.lines[0].text == "一、工作目标"
    assert [t.value for t in extract(path).targets] == [3, 55]


@pytest.mark.parametrize("head, problem", [
    (b"\xdb\xa5\x2d\x00" + bytes(60), "a Word format older than Word 97 is not read; convert it first: soffice --headless --convert-to docx "),
    (b"\x31\xbe\x00\x00\x00\xab" + bytes(60), "a Word format older than Word 97 is not read; convert it first"),
    (bytes(range(256)) * 4, "no Word or WPS document: its 1,024 bytes are neither Word 97-2003 or WPS (OLE2), an older Word, RTF, "
                            "a web page nor text"),
    (b"\x00\x00\x00\x00\x00", "no Word or WPS document: its 5 bytes are neither"),
])
def test_a_doc_that_is_no_word_97_file_is_refused_saying_what_it_is(tmp_path, head, problem):
    # Word 2.0 and Word for DOS (older than Word 97), and bytes of no format at all (all were "older than Word 97")
    path = tmp_path / "附件.doc"
    path.write_bytes(head)
    with pytest.raises(PlanparseError) as raised:
        read_document(path)
    assert raised.value.problem.startswith(problem)
