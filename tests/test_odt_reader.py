"""OpenDocument text (.odt): plans saved so by a real writer, and archives of other programs told apart.

The .odt files in tests/data/odt were saved by LibreOffice from DOCX written by samples/make_samples.py
(tests/data/doc/make_doc.py says how); each gives the plan its DOCX gives, its list numbers (一、（二）3.) rebuilt from
the list styles as LibreOffice shows them.
"""
from __future__ import annotations

import zipfile

import pytest
from conftest import DATA, SAMPLES, saved_and_as_docx, zipped

from planparse.errors import PlanparseError
from planparse.readers import read_document

ODT = DATA / "odt"
SOURCES = {  # each .odt: the plan's text, and whether its DOCX numbered its headings with Word's lists
    "qingcheng-2021.odt": (SAMPLES / "qingcheng-2021.txt", False),  # science popularisation, a 分工表 merged down
    "shiquan-nongcunlu-2023.odt": (DATA / "unseen/shiquan-sihao-nongcunlu-2023.txt", False),  # rural roads
    "jieyang-2022.odt": (SAMPLES / "jieyang-2022.txt", True),  # science popularisation
    "linxi-weisheng-2022.odt": (DATA / "unseen/linxi-weisheng-jiankang-guihua-2022.txt", True),  # health
}


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_a_plan_saved_as_odt_gives_the_plan_of_its_docx(tmp_path, name):
    (saved_format, *saved), (_, *expected) = saved_and_as_docx(ODT / name, *SOURCES[name], tmp_path)
    assert saved_format == "odt" and saved == expected


def test_list_numbers_are_shown_though_in_no_paragraphs_text():
    # 一、 （一） 1. are the list styles' (style:num-format 一, 二, 三, ...; 1), continued from list to list
    content = zipfile.ZipFile(ODT / "jieyang-2022.odt").read("content.xml").decode()
    assert ">总体要求<" in content and "一、总体要求" not in content
    texts = [line.text for line in read_document(ODT / "jieyang-2022.odt").lines]
    assert {"一、总体要求", "（一）指导思想", "（二）基本原则", "二、突出“五类人员”科学素质提升"} <= set(texts)


def test_the_merged_cells_of_an_odt_table_hold_the_text_they_continue():
    table = read_document(ODT / "qingcheng-2021.odt").tables[0]
    assert table.header[:2] == ["序号", "工作内容"]
    assert [row[1] for row in table.rows[:6]] == ["提升行动"] * 5 + ["重点工程"]


def test_an_odt_edited_with_changes_tracked_is_read_as_the_changes_accepted():
    # education and health figures replaced (3 by 5 schools, 80% by 90%, 60% by 65%), kept apart in text:tracked-changes;
    # a paragraph whose mark was deleted runs on into the next: the lines of the same edits saved as Word 97
    lines = [line.text for line in read_document(ODT / "tracked-changes.odt").lines]
    assert lines == [line.text for line in read_document(DATA / "doc/tracked-changes.doc").lines]
    assert "到2025年，新建中小学5所，基层医疗卫生机构达标率达到90%。" in lines


@pytest.mark.parametrize("parts, said", [
    ({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}, "an OpenDocument file other than a text"),
    ({"mimetype": "application/epub+zip", "OEBPS/content.opf": "<package/>"}, "an EPUB e-book"),
    ({"data.csv": "a,b"}, "a ZIP archive, not a document"),
])
@pytest.mark.parametrize("name", ["plan.docx", "plan.odt", "附件"])
def test_another_programs_archive_is_refused_saying_what_it_is(tmp_path, parts, said, name):
    path = tmp_path / name
    path.write_bytes(zipped(parts))
    with pytest.raises(PlanparseError) as refused:
        read_document(path)
    assert said in str(refused.value) or (name == "plan.docx" and said.startswith("a ZIP") and "DOCX" in str(refused.value))
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize("broken, said", [
    (lambda data: data[: len(data) // 2], "not a valid ODT file"),
    (lambda data: data.replace(b"content.xml", b"contents.xml"), "not a valid ODT file"),
])
def test_a_damaged_odt_is_refused_in_one_line(tmp_path, broken, said):
    path = tmp_path / "plan.odt"
    path.write_bytes(broken((ODT / "qingcheng-2021.odt").read_bytes()))
    with pytest.raises(PlanparseError) as refused:
        read_document(path)
    assert said in str(refused.value)


def test_an_odt_nested_too_deep_is_refused_naming_its_part(tmp_path):
    deep = "<text:span>" * 300 + "十" + "</text:span>" * 300
    content = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
               f"<text:p>{deep}</text:p></office:text></office:body></office:document-content>")
    path = tmp_path / "deep.odt"
    path.write_bytes(zipped({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content}))
    with pytest.raises(PlanparseError, match="content.xml, line 1: elements nested more than 256 deep"):
        read_document(path)
