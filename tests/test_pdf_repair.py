"""A PDF whose end is lost (a download stopped short) is read from what is left, saying so; one with nothing of a page
left is refused in one line. Each was refused whole: "not a valid PDF file (truncated or corrupt)"."""
from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest
from conftest import DATA, SAMPLES, run_planparse

from planparse.readers import pdf_repair
from planparse.readers.pdf import page_ranges, read_pdf

EXIT_ERROR = 2
GUANGDONG = DATA / "real" / "guangdong-2016-yiwu-jiaoyu-jingfei-baozhang-tongzhi.pdf"


def _extracted(path: Path, output: Path) -> tuple[dict, list[str]]:
    run = run_planparse("extract", str(path), "--output", str(output))
    assert run.returncode == 0, run.stderr
    return json.loads(output.read_text(encoding="utf-8")), run.stderr.splitlines()


@pytest.mark.parametrize(
    ("whole", "kept", "pages"),
    [
        # cut where its cross-reference table starts (its startxref): reportlab wrote the catalog before it
        pytest.param(SAMPLES / "jinjiang-2022.pdf", 30854, 15, id="catalog-left"),
        # Word writes the catalog last: it is lost with the table, the three pages and their fonts are left
        pytest.param(GUANGDONG, 167750, 3, id="catalog-lost"),
    ],
)
def test_a_pdf_cut_short_is_read_from_what_is_left_with_a_warning(whole: Path, kept: int, pages: int, tmp_path: Path):
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole.read_bytes()[:kept])
    read, said = _extracted(cut, tmp_path / "cut.json")
    expected, _ = _extracted(whole, tmp_path / "whole.json")
    warning = f"the PDF is cut short (its end is lost): read from the {pages} pages found in it; pages or fonts lost with its end are not read"
    assert said == [f"planparse: {cut}: {warning}"]
    assert read["warnings"] == [{"message": warning}]
    assert {part: read[part] for part in ("metadata", "sections", "targets", "responsibilities")} == \
           {part: expected[part] for part in ("metadata", "sections", "targets", "responsibilities")}


def test_a_pdf_cut_short_names_the_pages_found_in_it_that_hold_no_text(tmp_path: Path):
    """Cut at half, qingcheng-2021.pdf keeps all 29 pages in its page tree, but the drawings of pages 13 on are lost."""
    cut = tmp_path / "cut.pdf"
    cut.write_bytes((SAMPLES / "qingcheng-2021.pdf").read_bytes()[:30346])
    read, said = _extracted(cut, tmp_path / "cut.json")
    warning = ("the PDF is cut short (its end is lost): read from the 29 pages found in it; pages or fonts lost with its end "
               "are not read; no text is read on pages 13–29")
    assert said == [f"planparse: {cut}: {warning}"] and read["warnings"] == [{"message": warning}]
    assert {section["title"] for section in read["sections"]} < {section["title"] for section in _extracted(SAMPLES / "qingcheng-2021.pdf", tmp_path / "whole.json")[0]["sections"]}


@pytest.mark.parametrize(("numbers", "said"), [([3], "page 3"), ([3, 5, 6, 7, 8, 9], "pages 3, 5–9"), ([1, 2, 4, 6, 7], "pages 1–2, 4, 6–7")])
def test_pages_are_named_each_run_by_its_first_and_last(numbers: list[int], said: str):
    assert page_ranges(numbers) == said


def test_a_pdf_whose_trailer_names_no_catalog_is_read_saying_its_table_is_damaged(tmp_path: Path):
    data = (SAMPLES / "jieyang-2022.pdf").read_bytes()
    trailer = data.rindex(b"trailer")
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(data[:trailer] + data[trailer:].replace(b"/Root", b"/Rout"))
    read, said = _extracted(damaged, tmp_path / "damaged.json")
    assert said == [f"planparse: {damaged}: the PDF's table of its objects is damaged: read from the 23 pages found in it"]
    assert len(read["targets"]) == len(_extracted(SAMPLES / "jieyang-2022.pdf", tmp_path / "whole.json")[0]["targets"]) > 0


def test_a_pdf_cut_before_any_page_is_drawn_is_refused_in_one_line(tmp_path: Path):
    cut = tmp_path / "cut.pdf"
    cut.write_bytes((SAMPLES / "jinjiang-2022.pdf").read_bytes()[:3000])
    run = run_planparse("extract", str(cut), "--output", str(tmp_path / "cut.json"))
    assert run.returncode == EXIT_ERROR
    assert run.stderr == f"planparse: {cut}: not a valid PDF file (truncated or corrupt): what is left of it holds no text\n"
    assert not (tmp_path / "cut.json").exists()


def test_a_sound_pdf_is_read_without_scanning_its_objects_for_a_repair(monkeypatch: pytest.MonkeyPatch):
    def scanned(_data: bytes):
        raise AssertionError("a sound PDF's objects were scanned for a repair")

    monkeypatch.setattr(pdf_repair, "_objects_of_kinds", scanned)
    whole = SAMPLES / "jinjiang-2022.pdf"
    lines, _tables, _box, warnings = read_pdf(whole, whole.read_bytes())
    assert lines and not warnings


def test_a_scan_cut_short_is_refused_as_a_scan_saying_it_is_cut_short(tmp_path: Path):
    data = (DATA / "broken" / "scanned.pdf").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[:data.rindex(b"trailer")])  # its page and image are left, its trailer is lost
    run = run_planparse("extract", str(cut), "--output", str(tmp_path / "cut.json"))
    assert run.returncode == EXIT_ERROR
    assert run.stderr == (f"planparse: {cut}: the PDF has no text layer (scanned images); OCR is needed; the PDF is cut short (its end is "
                          "lost): read from the 1 page found in it; pages or fonts lost with its end are not read\n")


def _pdf_of_pages_in_an_object_stream(texts: list[bytes]) -> bytes:
    """A PDF 1.5 whose page tree and pages sit in a zipped object stream, each page showing its text, cut before its
    catalog (written last, as Word writes it), its cross-reference stream and its trailer."""
    font = b"/Resources<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>"
    pages = range(3, 3 + len(texts))
    drawings = range(3 + len(texts), 3 + 2 * len(texts))
    held = {2: b"<</Type/Pages/Kids[%s]/Count %d>>" % (b" ".join(b"%d 0 R" % page for page in pages), len(texts))}
    held |= {page: b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 600 800]/Contents %d 0 R%s>>" % (drawing, font) for page, drawing in zip(pages, drawings)}
    head, body = b"", b""
    for number, held_object in held.items():
        head, body = head + b"%d %d " % (number, len(body)), body + held_object + b"\n"
    zipped = zlib.compress(head + body)
    data = b"%PDF-1.5\n"
    for drawing, text in zip(drawings, texts):
        shown = b"BT /F1 12 Tf 50 700 Td (%s) Tj ET" % text
        data += b"%d 0 obj\n<</Length %d>>stream\n%s\nendstream\nendobj\n" % (drawing, len(shown), shown)
    return data + b"%d 0 obj\n<</Type/ObjStm/N %d/First %d/Filter/FlateDecode/Length %d>>stream\n%s\nendstream\nendobj\n" % (
        drawings[-1] + 1, len(held), len(head), len(zipped), zipped)


def test_a_pdf_cut_short_whose_pages_sit_in_an_object_stream_is_read_from_them(tmp_path: Path):
    """PDFium's scan finds the objects of object streams, but the pages there went unfound, and with the catalog lost
    the file was refused: "not a valid PDF file (truncated or corrupt)"."""
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(_pdf_of_pages_in_an_object_stream([b"2025: 95% of schools", b"2026: 3.2 doctors per 1000"]))
    lines, _tables, _box, warnings = read_pdf(cut, cut.read_bytes())
    assert [line.text for line in lines] == ["2025: 95% of schools", "2026: 3.2 doctors per 1000"]
    assert [warning.message for warning in warnings] == [
        "the PDF is cut short (its end is lost): read from the 2 pages found in it; pages or fonts lost with its end are not read"]
