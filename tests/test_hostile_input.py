"""Hostile files the other bad-input tests do not reach: each is one line naming the file and its
problem, exit code 2 (or a failed document in a batch), in bounded time and memory."""
from __future__ import annotations

import base64
import codecs
import dataclasses
import hashlib
import io
import json
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import warnings
import zipfile
import zlib
from pathlib import Path
from typing import Callable

import pytest
import regex
from conftest import DATA, SAMPLES, planparse_reading_at_most, run_measuring_memory, run_planparse, run_python
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from planparse.errors import PlanparseError
from planparse.exporters.json import document_json
from planparse.limits import MAX_JSON_VALUES, MAX_PLAN_ENTRIES, MAX_TABLE_CELLS, MAX_TEXT_LINES, check_plan_entries, json_values_past
from planparse.pipeline import NOTHING_OF_A_PLAN, extract
from planparse.readers import pdf as pdf_reader
from planparse.readers import pdf_streams, read_document
from planparse.readers.pdf_encryption import rc4
from planparse.readers.txt import decode_text, read_txt

EXIT_ERROR = 2
EXIT_SOME_FAILED = 1  # compare's and report's: some plans could not be read, the others compared
BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE]


@settings(max_examples=300)
@given(bom=st.sampled_from(BOMS), rest=st.binary(max_size=64))
def test_any_bytes_after_a_byte_order_mark_are_read_or_refused_as_bad_input(bom: bytes, rest: bytes):
    try:
        read_txt(Path("plan.txt"), bom + rest)
    except PlanparseError as exc:
        assert exc.path == "plan.txt"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        pytest.param(codecs.BOM_UTF16_LE + b"\x00\xd8" * 4, "not valid UTF-16 text", id="utf-16-lone-surrogates"),
        pytest.param(codecs.BOM_UTF16_LE + "到2025年".encode("utf-16-le") + b"\x00\xd8" + "，新建".encode("utf-16-le"), "not valid UTF-16 text",
                     id="utf-16-lone-surrogate-inside"),
    ],
)
def test_text_broken_after_its_byte_order_mark_is_one_line(data: bytes, problem: str, tmp_path: Path):
    plan = tmp_path / "plan.txt"
    plan.write_bytes(data)
    run = run_planparse("extract", str(plan))
    assert run.returncode == EXIT_ERROR and run.stdout == ""
    assert run.stderr.startswith(f"planparse: {plan}: {problem}") and run.stderr.count("\n") == 1


@pytest.mark.parametrize("mark", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE], ids=["utf-16", "utf-16-be", "utf-32"])
@pytest.mark.parametrize(("stem", "encoding"), [("jieyang-2022", "utf-8"), ("yangzhou-2022", "gbk")], ids=["science-utf-8", "science-gbk"])
def test_a_text_after_a_mark_of_utf_16_or_32_that_holds_no_nul_is_read_in_its_own_encoding(mark: bytes, stem: str, encoding: str):
    """A UTF-8 or GBK file with a UTF-16 or UTF-32 mark before it (joined to a UTF-16 file, a mark added by a tool) was
    refused as 'not a text file (binary content)' or as not valid UTF-32: read as UTF-16, its bytes are CJK of no plan."""
    data = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8").encode(encoding, errors="ignore")
    assert [line.text for line in read_txt(Path("plan.txt"), mark + data)] == [line.text for line in read_txt(Path("plan.txt"), data)]


_CUT_PLAN = "某县教育发展实施方案\n一、主要目标\n到2025年，新建学校12所，新增学位3000个。\n二、保障措施\n加强组织领导"


@pytest.mark.parametrize(("encoding", "mark", "cut"), [
    ("utf-16-le", b"", 1), ("utf-16-be", b"", 1), ("utf-16-le", codecs.BOM_UTF16_LE, 1), ("utf-16-le", b"", -1),
    ("utf-32-le", b"", 3), ("utf-32-be", codecs.BOM_UTF32_BE, 2), ("utf-8", codecs.BOM_UTF8, 2), ("utf-8", b"", 2), ("gbk", b"", 1),
], ids=["utf-16", "utf-16-be", "utf-16-after-its-mark", "utf-16-and-a-stray-byte", "utf-32", "utf-32-after-its-mark",
        "utf-8-after-its-mark", "utf-8", "gbk"])
def test_a_text_cut_inside_its_last_character_is_read_saying_so(encoding: str, mark: bytes, cut: int, tmp_path: Path):
    """A download cut off, or a stray byte after UTF-16's pairs: a UTF-16 text was refused as binary (an odd count of
    bytes), and one after its mark as not UTF-16 text, where a UTF-8 or GBK text cut so is read, the cut said."""
    data = _CUT_PLAN.encode(encoding)
    plan = tmp_path / "plan.txt"
    plan.write_bytes(mark + (data[:-cut] if cut > 0 else data + b"\x00"))
    run = run_planparse("extract", str(plan))
    assert run.returncode == 0 and run.stderr == (f"planparse: {plan}: 1 unreadable character (�) on line 5: bytes the text's encoding "
                                                  "does not read, the rest read\n")
    assert [(target["value"], target["unit"]) for target in json.loads(run.stdout)["targets"]] == [(12, "所"), (3000, "个")]


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be-with-mark", "utf-32-le", "utf-32-be"])
def test_a_utf_32_text_is_read_as_its_utf_8_copy_is(encoding: str):
    """It was refused as 'not a text file (binary content)', with its mark or without."""
    text = (SAMPLES / "jieyang-2022.txt").read_text(encoding="utf-8")
    data = codecs.BOM_UTF32_BE + text.encode("utf-32-be") if encoding == "utf-32-be-with-mark" else text.encode(encoding)
    assert [line.text for line in read_txt(Path("plan.txt"), data)] == [line.text for line in read_txt(Path("plan.txt"), text.encode())]


@pytest.mark.parametrize("encoding", ["hz", "utf-7"])
@pytest.mark.parametrize("stem", ["gongshui-2015", "canzhuo-2015"], ids=["water", "food-safety"])
def test_a_text_of_chinese_in_seven_bits_is_read_as_its_utf_8_copy_is(encoding: str, stem: str):
    """HZ (~{…~}) and UTF-7 (+…-) were read as ASCII: a title of ~{D3OXE)4e9… and its digits' targets. The plan's
    characters HZ's GB2312 does not hold (—, ·) are left out of both copies."""
    text = "".join(char for char in (DATA / "forms" / f"{stem}.txt").read_text(encoding="utf-8") if char.encode("hz", "ignore") or char in "\r\n")
    assert [line.text for line in read_txt(Path("plan.txt"), text.encode(encoding))] == [line.text for line in read_txt(Path("plan.txt"), text.encode())]


def test_an_english_text_holding_a_shift_of_seven_bit_chinese_is_read_as_ascii():
    text = "Budget: C++ tools ~{draft~} +10% in 2025, see notes+comments.\n"
    assert "\n".join(line.text for line in read_txt(Path("notes.txt"), text.encode())).strip() == text.strip()


def test_an_iso_2022_cn_text_is_read_saying_which_characters_of_another_set_it_could_not(tmp_path: Path):
    """ISO-2022-CN has no Python codec and was read as ASCII: 75DM(V*a0W[9\\0l read as 0 l, "V85<K<Ok… as 5 $. glibc's
    iconv writes 釆 and 鰺, which GB2312 lacks, in CNS 11643's sets (ESC $ ) G, ESC N): those two are U+FFFD, said so."""
    plan = tmp_path / "canzhuo.txt"
    shutil.copy(DATA / "forms" / "canzhuo-2015.iso2022cn.txt", plan)
    run = run_planparse("extract", str(plan))
    assert run.returncode == 0 and run.stderr == (f"planparse: {plan}: 2 unreadable characters (�) on line 43: bytes the text's encoding "
                                                  "does not read, the rest read\n")
    output = json.loads(run.stdout)
    assert output["metadata"]["title"] == "2015年全区治理“餐桌污染”实施“食品放心工程”工作方案"
    assert len(output["targets"]) == 21 and ("0.5", "%") in {(str(target["value"]), target["unit"]) for target in output["targets"]}


# 平潭綜合實驗區農村幸福院建設實施方案 / 一、工作目標 / 到2016年，建成農村幸福院30所。 as iconv -t ISO-2022-CN-EXT writes it
_ISO_2022_CN_IN_CNS = (b'\x1b$)A\x0eF=L6\x1b$)Gj7GYhR|SY4g)JZM1i}XaPz]ChRQLEIUy\x0f\n\x1b$)A\x0eR;!"9$WwD?\x1b$)Gm:\x0f\n'
                       b'\x1b$)A\x0e5=\x0f2016\x0eDj#,=(3I\x1b$)Gg)JZM1i}Xa\x0f30\x0eMT!$\x0f\n')


def test_an_iso_2022_cn_text_in_cns_11643_is_refused_in_one_line_naming_its_encoding(tmp_path: Path):
    """Its 繁體 characters are in CNS 11643, which no table here reads: refused, where ASCII's reading gave 30 所 named
    )JZM1i}Xa and a title of garbage."""
    plan, out = tmp_path / "plan.txt", tmp_path / "plan.json"
    plan.write_bytes(_ISO_2022_CN_IN_CNS * 3)
    run = run_planparse("extract", str(plan), "-o", str(out))
    assert run.returncode == EXIT_ERROR and run.stdout == "" and not out.exists()
    assert run.stderr == (f"planparse: {plan}: the text is ISO-2022-CN with characters in CNS 11643 (繁體) or damaged, which planparse "
                          "cannot read: convert it first (iconv -f ISO-2022-CN-EXT -t UTF-8)\n")


_ISO_2022_CN_CODES = st.sampled_from([b"\x1b$)A", b"\x1b$)G", b"\x1b$*H", b"\x1bN", b"\x1bO", b"\x1b", b"\x0e", b"\x0f", b"\n"])


@settings(max_examples=300)
@given(pieces=st.lists(_ISO_2022_CN_CODES | st.binary(max_size=12).map(lambda data: bytes(byte & 0x7F for byte in data)), max_size=30))
def test_any_ascii_bytes_with_iso_2022_cn_shifts_are_read_or_refused_as_bad_input(pieces: list[bytes]):
    try:
        decode_text(b"\x1b$)A" + b"".join(pieces), "plan.txt")
    except PlanparseError as exc:
        assert exc.path == "plan.txt"


def test_a_plan_grown_past_the_size_limit_since_the_last_batch_fails_alone_without_being_read_whole(tmp_path: Path):
    plans, out = tmp_path / "plans", tmp_path / "out"
    plans.mkdir()
    plan = plans / "plan.txt"
    plan.write_bytes((SAMPLES / "jieyang-2022.txt").read_bytes())
    assert run_planparse("batch", str(plans), "-o", str(out), "-q", "-j", "1").returncode == 0
    os.truncate(plan, 4 * 2**30)  # sparse: four gigabytes of zeros on disk in no space
    run = run_planparse("batch", str(plans), "-o", str(out), "-q", "-j", "1", address_space=2**30)
    assert run.returncode == 1, run.stderr
    assert "plan.txt: FAILED (bad input): the file has more than 100 MB" in run.stderr and "internal error" not in run.stderr


@pytest.mark.parametrize("command", ["extract", "explain", "compare", "report"])
@pytest.mark.parametrize("through_link", [False, True], ids=["by-name", "through-a-link"])
def test_an_output_that_is_an_input_is_refused_and_the_plan_kept(command: str, through_link: bool, tmp_path: Path):
    plan = tmp_path / "plan.txt"
    original = (SAMPLES / "jieyang-2022.txt").read_bytes()
    plan.write_bytes(original)
    output = plan
    if through_link:
        output = tmp_path / "result.json"
        output.symlink_to(plan.name)
    inputs = [str(plan)] if command in ("extract", "explain") else [str(SAMPLES / "jinjiang-2022.txt"), str(plan)]
    run = run_planparse(command, *inputs, "-o", str(output))
    assert run.returncode == EXIT_ERROR and run.stdout == ""
    assert run.stderr == f"planparse: {output}: cannot write output over the input {plan}; choose another output file\n"
    assert plan.read_bytes() == original
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted({plan.name, output.name})  # no temporary file left


@pytest.mark.parametrize("command", ["compare", "report"])
def test_an_output_that_is_a_plan_of_an_input_folder_is_refused_and_the_plan_kept(command: str, tmp_path: Path):
    folder = tmp_path / "plans"
    folder.mkdir()
    for stem in ("jieyang-2022", "jinjiang-2022"):
        (folder / f"{stem}.txt").write_bytes((SAMPLES / f"{stem}.txt").read_bytes())
    plan = folder / "jinjiang-2022.txt"
    original = plan.read_bytes()
    run = run_planparse(command, str(folder), "-o", str(plan))
    assert run.returncode == EXIT_ERROR and run.stdout == ""
    assert run.stderr == f"planparse: {plan}: cannot write output over the input {folder}; choose another output file\n"
    assert plan.read_bytes() == original


def _pdf_of(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF file of these objects, numbered from 1 (the catalog), with its cross-reference table and ``trailer``'s entries."""
    data, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    data += b"trailer<</Size %d/Root 1 0 R%s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(data)


def _pdf_drawing_one_content_on_every_page(pages: int, content: bytes) -> bytes:
    """A PDF whose pages all draw one shared content stream: the file stays as small as one page."""
    stream = zlib.compress(content)
    objects = [b"<</Type/Catalog/Pages 2 0 R>>",
               b"<</Type/Pages/Kids[%s]/Count %d>>" % (b" ".join(b"%d 0 R" % (4 + page) for page in range(pages)), pages),
               b"<</Length %d/Filter/FlateDecode>>stream\n%s\nendstream" % (len(stream), stream)]
    font = b"/Resources<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>"
    objects += [b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 600 800]/Contents 3 0 R%s>>" % font] * pages
    return _pdf_of(objects)


_TEXT = b"BT /F1 12 Tf 50 %d Td (Page text 2025 90%%) Tj ET\n"


def test_a_small_pdf_drawing_a_dense_pattern_on_every_page_is_read_in_bounded_time(tmp_path: Path):
    # 6,000 small squares (30,000 path segments) on each of 120 pages, in a file of 60 KB: looking for
    # ruled tables among them took about a second a page
    squares = b"".join(b"%d %d 4 4 re S\n" % (index % 590, index * 7 % 790) for index in range(6000))
    plan = tmp_path / "pattern.pdf"
    plan.write_bytes(_pdf_drawing_one_content_on_every_page(120, _TEXT % 700 + squares))
    assert plan.stat().st_size < 100_000
    run = run_planparse("extract", str(plan), timeout=30)  # two minutes before
    # the one line of text, on every page, is a running header: what is left is no text
    assert run.returncode == EXIT_ERROR and run.stderr == f"planparse: {plan}: the document has no text\n"


def test_the_pages_of_a_pdf_past_its_objects_as_pdfium_counts_them_are_left_out_the_survey_bounded(tmp_path: Path, monkeypatch):
    """Where the count before PDFium loads the pages has nothing to go by (pdfminer cannot walk the page tree), PDFium's
    count of each page loaded leaves a page past the limit out, as the count before would: the whole PDF was refused at
    the page crossing it. The objects surveyed, on pages read or left out, are bounded at twice the limit: the pages
    after are left out unloaded."""
    for module in (pdf_reader, pdf_streams):  # the page's count and the problem's words
        monkeypatch.setattr(module, "MAX_PDF_OBJECTS", 100)  # the limit itself takes a million objects to cross
    surveyed = []
    monkeypatch.setattr(pdf_reader, "_survey_page", lambda page, survey=pdf_reader._survey_page: surveyed.append(survey(page)) or surveyed[-1])
    plan = tmp_path / "plan.pdf"
    data = _pdf_drawing_one_content_on_every_page(30, b"".join(_TEXT % (700 - 20 * line) for line in range(10)))
    _lines, _tables, _page, warnings = pdf_reader.read_pdf(plan, data)  # 10 objects a page
    assert [warning.message for warning in warnings] == [
        "pages 11–30 not read (the PDF draws more than 100 objects; planparse reads PDFs of at most 100); the other pages are read"]
    assert sum(survey.objects for survey in surveyed) == 210  # pages 1–21: past 200 surveyed, page 22 on are not loaded
    for module in (pdf_reader, pdf_streams):
        monkeypatch.setattr(module, "MAX_PDF_OBJECTS", 300)
    assert pdf_reader.read_pdf(plan, data)[3] == []
    for module in (pdf_reader, pdf_streams):
        monkeypatch.setattr(module, "MAX_PDF_OBJECTS", 9)  # none read: refused at the first page
    with pytest.raises(PlanparseError) as refused:
        pdf_reader.read_pdf(plan, data)
    assert str(refused.value) == f"{plan}: page 1: the PDF draws more than 9 objects; planparse reads PDFs of at most 9"


def _pdf_of_one_page(filters: bytes, stream: bytes, objects: tuple[bytes, ...] = ()) -> bytes:
    """A PDF of one page drawn by ``stream``, whose dictionary names ``filters``; ``objects`` follow, numbered from 5."""
    font = b"/Resources<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>"
    return _pdf_of([b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[4 0 R]/Count 1>>",
                    b"<<%s/Length %d>>stream\n%s\nendstream" % (filters, len(stream), stream),
                    b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 600 800]/Contents 3 0 R%s>>" % font, *objects])


def _lzw(data: bytes) -> bytes:
    """LZW as PDF reads it: codes of 9 to 12 bits, each width taken one code early (EarlyChange 1)."""
    table = {bytes([byte]): byte for byte in range(256)}
    codes, word = [256], b""
    for byte in data:
        if word + bytes([byte]) in table:
            word += bytes([byte])
            continue
        codes.append(table[word])
        table[word + bytes([byte])] = len(table) + 2  # after the clear and end codes
        if len(table) + 2 >= 4000:
            codes.append(256)
            table = {bytes([value]): value for value in range(256)}
        word = bytes([byte])
    codes += [table[word], 257]
    return _packed(codes)


def _packed(codes: list[int]) -> bytes:
    """LZW codes as bits, each as wide as the reader's table then needs."""
    bits = written = 0
    size, follows_a_code = 258, False  # the reader's table, which grows by one at each code after the first
    for code in codes:
        width = min(12, max(9, (size + 1).bit_length()))
        bits, written = (bits << width) | code, written + width
        size, follows_a_code = (258, False) if code == 256 else (size + follows_a_code, True)
    bits <<= -written % 8
    return bits.to_bytes((written + 7) // 8, "big")


def _run_length(data: bytes) -> bytes:
    out = bytearray()
    for at in range(0, len(data), 128):
        run = data[at:at + 128]
        out += bytes([257 - len(run), run[0]]) if run == run[:1] * len(run) and len(run) > 1 else bytes([len(run) - 1]) + run
    return bytes(out + b"\x80")


_PADDED = b" " * 2**20 + _TEXT % 700  # spaces first: a decoder that loses its way garbles the text after them


@pytest.mark.parametrize(("filters", "encode"), [
    pytest.param(b"/Filter/FlateDecode", zlib.compress, id="flate"),
    pytest.param(b"/Filter[/FlateDecode/FlateDecode]", lambda data: zlib.compress(zlib.compress(data)), id="flate-twice"),
    pytest.param(b"/Filter[/ASCII85Decode/FlateDecode]", lambda data: base64.a85encode(zlib.compress(data)) + b"~>", id="ascii85-flate"),
    pytest.param(b"/Filter[/ASCIIHexDecode/FlateDecode]", lambda data: zlib.compress(data).hex().encode() + b">", id="hex-flate"),
    pytest.param(b"/Filter/LZWDecode", _lzw, id="lzw"),
    pytest.param(b"/Filter/RunLengthDecode", _run_length, id="run-length"),
    pytest.param(b"/Length 9/Filter/FlateDecode", zlib.compress, id="length-that-lies"),
    pytest.param(b"/Subtype/Image/Filter/FlateDecode", zlib.compress, id="called-an-image"),
    # written in an object of their own (read as zipped data, an LZW or run-length stream was not counted)
    pytest.param(b"/Filter 5 0 R", _lzw, id="lzw-by-reference"),
    pytest.param(b"/Filter 6 0 R", _run_length, id="run-length-in-a-list-by-reference"),
    pytest.param(b"/Filter[7 0 R]", _lzw, id="lzw-in-a-list-of-references"),
    pytest.param(b"/Filter 6 0 R" + b" " * 5000, _run_length, id="dictionary-longer-than-a-page"),
    pytest.param(b"/Length 9/Filter/RunLengthDecode", _run_length, id="run-length-of-a-length-that-lies"),
    # decoys: a /Filter the stream's dictionary has, or one PDFium reads, which the check did not take for its filters
    pytest.param(b"/Filter/ASCIIHexDecode/Filter/FlateDecode", zlib.compress, id="written-twice-the-last-kept"),
    pytest.param(b"/Filter 5 0 R/Filter/FlateDecode", zlib.compress, id="a-reference-then-a-name"),
    pytest.param(b"/DecodeParms<</Filter/ASCIIHexDecode>>/Filter/FlateDecode", zlib.compress, id="one-in-a-dictionary-within"),
    pytest.param(b"/Note(a \\) /Filter/ASCIIHexDecode)/Filter/FlateDecode", zlib.compress, id="one-in-a-string"),
    pytest.param(b"/Filter[/AHx/Fl#61teDecode]", lambda data: zlib.compress(data).hex().encode() + b">", id="a-name-escaped"),
    pytest.param(b"/Filter[/RunLengthDecode/RunLengthDecode]", lambda data: _run_length(_run_length(data)), id="run-length-twice"),
])
def test_a_pdf_whose_streams_inflate_past_the_limit_is_refused_whatever_its_filters(filters: bytes, encode, tmp_path: Path, monkeypatch):
    plan = tmp_path / "plan.pdf"
    filter_objects = (b" /LZWDecode ", b"[/RunLengthDecode]", b" /LZWDecode ")
    plan.write_bytes(_pdf_of_one_page(filters, encode(_PADDED), filter_objects))
    monkeypatch.setattr(pdf_streams, "MAX_PDF_INFLATED_BYTES", 2 * 2**20)
    assert [line.text for line in read_document(plan).lines] == ["Page text 2025 90%"]  # as PDFium decodes the stream
    monkeypatch.setattr(pdf_streams, "MAX_PDF_INFLATED_BYTES", 2**19)
    with pytest.raises(PlanparseError) as refused:
        read_document(plan)
    assert str(refused.value) == f"{plan}: its streams inflate to more than 524,288 bytes; planparse reads PDFs whose streams inflate to at most 524,288 bytes"


_PASSWORD_PADDING = bytes.fromhex("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a")  # the standard security handler's
_DOCUMENT_ID = b"0123456789abcdef"
_PERMISSIONS = -3904  # printing and copying allowed, as a plan's owner password leaves them


def _rc4(key: bytes, data: bytes) -> bytes:
    return rc4(key)(data)  # PDFium, reading what it encrypts, tells whether it is RC4


def _aes_128(key: bytes, data: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    from cryptography.hazmat.primitives.padding import PKCS7

    padder = PKCS7(128).padder()
    iv = bytes(16)
    return iv + Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor().update(padder.update(data) + padder.finalize())


def _iterated_rc4(key: bytes, data: bytes) -> bytes:
    """Revision 3 and later: RC4 twenty times, with the key's bytes XORed with 0 to 19."""
    for round_number in range(20):
        data = _rc4(bytes(byte ^ round_number for byte in key), data)
    return data


def _hashed_51_times(data: bytes, size: int) -> bytes:
    """Revision 3 and later: MD5, then 50 times MD5 of the first ``size`` bytes of the last, cut to ``size``."""
    digest = hashlib.md5(data).digest()
    for _ in range(50):
        digest = hashlib.md5(digest[:size]).digest()
    return digest[:size]


def _rc4_40_keys() -> tuple[bytes, bytes, bytes]:
    """Revision 2 (RC4 of 40 bits): the file's key, and its /O and /U entries."""
    owner = _rc4(hashlib.md5(b"owner" + _PASSWORD_PADDING[:27]).digest()[:5], _PASSWORD_PADDING)
    key = hashlib.md5(_PASSWORD_PADDING + owner + _PERMISSIONS.to_bytes(4, "little", signed=True) + _DOCUMENT_ID).digest()[:5]
    return key, owner, _rc4(key, _PASSWORD_PADDING)


_HELVETICA = b"/Resources<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>"
_CIPHER_BITS = {"rc4-40": 40, "rc4-64": 64, "aes-128": 128}


def _encrypted_pdf_of_one_page(filters: bytes, stream: bytes, cipher: str, font: bytes = _HELVETICA) -> bytes:
    """``_pdf_of_one_page`` encrypted as a plan with only an owner password is: anyone opens it, PDFium decrypts its streams.
    RC4 of 40 bits (revision 2) or 64 (revision 3), AES of 128 (revision 4), as the PDF reference's algorithms 3.1 to 3.5
    write them."""
    size = _CIPHER_BITS[cipher] // 8
    revision = 2 if size == 5 else 3 if cipher.startswith("rc4") else 4
    permissions = _PERMISSIONS.to_bytes(4, "little", signed=True)
    if revision == 2:
        key, owner, user = _rc4_40_keys()
    else:
        owner = _iterated_rc4(_hashed_51_times(b"owner" + _PASSWORD_PADDING[:27], 16)[:size], _PASSWORD_PADDING)
        key = _hashed_51_times(_PASSWORD_PADDING + owner + permissions + _DOCUMENT_ID, size)
        user = _iterated_rc4(key, hashlib.md5(_PASSWORD_PADDING + _DOCUMENT_ID).digest()) + bytes(16)
    if revision == 4:
        handler = b"/V 4/R 4/Length 128/CF<</StdCF<</CFM/AESV2/AuthEvent/DocOpen/Length 16>>>>/StmF/StdCF/StrF/StdCF"
        stream = _aes_128(hashlib.md5(key + b"\x03\x00\x00\x00\x00sAlT").digest(), stream)  # the stream is object 3, generation 0
    else:
        handler = b"/V 1/R 2" if revision == 2 else b"/V 2/R 3/Length %d" % (8 * size)
        stream = _rc4(hashlib.md5(key + b"\x03\x00\x00\x00\x00").digest()[:min(size + 5, 16)], stream)
    return _pdf_of([b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[4 0 R]/Count 1>>",
                    b"<<%s/Length %d>>stream\n%s\nendstream" % (filters, len(stream), stream),
                    b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 600 800]/Contents 3 0 R%s>>" % font,
                    b"<</Filter/Standard%s/O<%s>/U<%s>/P %d>>" % (handler, owner.hex().encode(), user.hex().encode(), _PERMISSIONS)],
                   trailer=b"/Encrypt 5 0 R/ID[<%s><%s>]" % (_DOCUMENT_ID.hex().encode(), _DOCUMENT_ID.hex().encode()))


@pytest.mark.parametrize("cipher", list(_CIPHER_BITS))
def test_an_encrypted_pdf_anyone_opens_is_refused_when_its_streams_inflate_past_the_limit(cipher: str, tmp_path: Path, monkeypatch):
    """Its streams were counted as written, encrypted: no zip data, nothing counted, and PDFium inflated them whole. A key
    of 64 bits makes an object's key of 13 bytes, a size ``cryptography``'s RC4 refuses: nothing was counted either."""
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(_encrypted_pdf_of_one_page(b"/Filter/FlateDecode", zlib.compress(_PADDED), cipher))
    monkeypatch.setattr(pdf_streams, "MAX_PDF_INFLATED_BYTES", 2 * 2**20)
    assert [line.text for line in read_document(plan).lines] == ["Page text 2025 90%"]
    monkeypatch.setattr(pdf_streams, "MAX_PDF_INFLATED_BYTES", 2**19)
    with pytest.raises(PlanparseError) as refused:
        read_document(plan)
    assert str(refused.value) == f"{plan}: its streams inflate to more than 524,288 bytes; planparse reads PDFs whose streams inflate to at most 524,288 bytes"


_UNINSTALLED_CHINESE_FONT = (b"/Resources<</Font<</F1<</Type/Font/Subtype/Type0/BaseFont/SimSun/Encoding/Identity-H/DescendantFonts"
                             b"[<</Type/Font/Subtype/CIDFontType2/BaseFont/SimSun/CIDSystemInfo<</Registry(Adobe)/Ordering(GB1)/Supplement 2>>>>]>>>>>>")


@pytest.mark.parametrize("cipher", ["rc4-40", "rc4-64"])
def test_an_encrypted_page_pdfminer_reads_is_decrypted_in_time_linear_in_its_drawing(cipher: str, tmp_path: Path):
    """PDFium has no outlines for a Chinese font neither embedded nor installed, so pdfminer reads the page, decrypting
    its drawing with its own RC4, which copies its output once for every byte: 5 s for 200 KB, an hour for 2 MB."""
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(_encrypted_pdf_of_one_page(b"", b"BT /F1 12 Tf 50 700 Td <4e2d> Tj ET\n" + b" " * 2 * 2**20, cipher, _UNINSTALLED_CHINESE_FONT))
    read = "import sys; from planparse.readers import read_document; print([line.text for line in read_document(sys.argv[1]).lines])"
    run = run_python("-c", read, str(plan), timeout=30)
    assert (run.returncode, run.stdout) == (0, "['(cid:20013)']\n"), run.stderr  # the glyph, as pdfminer names it


def test_a_pdf_encrypted_for_a_certificate_is_refused_saying_so(tmp_path: Path):
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(_pdf_of_one_page(b"/Filter/FlateDecode", zlib.compress(_TEXT % 700), (b"<</Filter/Adobe.PubSec/V 4/R 4>>",))
                     .replace(b"/Root 1 0 R", b"/Root 1 0 R/Encrypt 5 0 R"))
    run = run_planparse("extract", str(plan))
    assert run.returncode == EXIT_ERROR
    assert run.stderr == f"planparse: {plan}: the PDF is encrypted in a way planparse cannot read; remove the encryption first\n"


@pytest.mark.parametrize("encode", [_lzw, _run_length, zlib.compress], ids=["lzw", "run-length", "flate"])
def test_a_stream_whose_filters_are_in_an_object_not_found_is_counted_as_the_decoder_that_expands_it_most(encode, monkeypatch):
    """The object may be inside a compressed object stream, which PDFium reads and this check does not."""
    monkeypatch.setattr(pdf_streams, "MAX_PDF_INFLATED_BYTES", 2**19)
    with pytest.raises(PlanparseError) as refused:
        pdf_streams.check_pdf_streams(Path("plan.pdf"), _pdf_of_one_page(b"/Filter 9 0 R", encode(_PADDED)))
    assert "its streams inflate to more than 524,288 bytes" in str(refused.value)
    pdf_streams.check_pdf_streams(Path("plan.pdf"), _pdf_of_one_page(b"/Filter 9 0 R", encode(_PADDED[-2**18:])))


@pytest.mark.parametrize(("filters", "megabyte"), [
    pytest.param(b"/Filter/FlateDecode", b" " * 2**20, id="flate"),
    # the check itself joined what Flate made, 2 GB, before decoding the hex digits
    pytest.param(b"/Filter[/FlateDecode/ASCIIHexDecode]", b"20" * 2**19, id="flate-then-hex"),
])
def test_a_pdf_of_two_megabytes_inflating_to_two_gigabytes_is_refused_in_bounded_memory(filters: bytes, megabyte: bytes, tmp_path: Path):
    """PDFium held the page's 2 GB whole: 3.2 GB of memory, and a file of 100 MB could ask for 100 GB."""
    deflate = zlib.compressobj(9)
    stream = b"".join(deflate.compress(megabyte) for _ in range(2048)) + deflate.flush()
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(_pdf_of_one_page(filters, stream))
    assert plan.stat().st_size < 3 * 2**20
    # some 9 s of CPU: bounded by the test's CPU limit, not planparse's own of the wall clock, which a loaded machine
    # (eight test runs on two cores) stretched past 120 s
    run, peak_kb = run_measuring_memory([sys.executable, *planparse_reading_at_most(3600), "extract", str(plan)], timeout=120)
    assert run.returncode == EXIT_ERROR and run.stderr == f"planparse: {plan}: its streams inflate to more than 512 MB; planparse reads PDFs whose streams inflate to at most 512 MB\n"
    assert peak_kb < 400_000  # some 140 MB; PDFium held the 2 GB whole


_RUNS = b"BT /F1 1 Tf 50 50 Td %s ET"  # one-letter runs at 1 pt, each shown by an operator of its own


@pytest.mark.parametrize(("filters", "shown"), [
    pytest.param(b"/Filter/FlateDecode", zlib.compress, id="zipped"),  # 10 KB
    pytest.param(b"", lambda drawing: drawing, id="as-written"),  # 7 MB
    # a drawing whose dictionary calls it a form or anything else: the page names it, PDFium draws it (second reader, stop 51)
    pytest.param(b"/Filter/FlateDecode/Type/XObject/Subtype/Form", zlib.compress, id="called-a-form"),
    pytest.param(b"/Filter/FlateDecode/Length1 5/Type/Foo", zlib.compress, id="called-a-font-file"),
])
def test_a_pdf_page_of_a_million_runs_of_text_is_refused_naming_its_page_before_pdfium_loads_it(filters: bytes, shown, tmp_path: Path):
    """PDFium's page load took 314 MB and its text page 305 MB more (770 MB in all) before the objects were counted."""
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(_pdf_of_one_page(filters, shown(_RUNS % (b"(a) Tj " * 1_000_000))))
    run, peak_kb = run_measuring_memory([sys.executable, "-m", "planparse", "extract", str(plan)], timeout=120)
    assert run.returncode == EXIT_ERROR
    assert run.stderr == f"planparse: {plan}: page 1: a page shows more than 100,000 runs of text; planparse reads PDF pages of at most 100,000\n"
    assert peak_kb < 400_000  # some 90 MB


def test_a_pdf_page_of_ten_million_paths_is_refused_before_pdfium_loads_it(tmp_path: Path):
    """A file of 300 KB: PDFium held 2.8 GB loading the page, before its objects could be counted."""
    zipper = zlib.compressobj(9)
    drawing = b"".join(zipper.compress(b"0 0 m 1 1 l S\n" * 100_000) for _ in range(100)) + zipper.flush()
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(_pdf_of_one_page(b"/Filter/FlateDecode", drawing))
    run, peak_kb = run_measuring_memory([sys.executable, "-m", "planparse", "extract", str(plan)], timeout=120)
    assert run.returncode == EXIT_ERROR
    assert run.stderr == f"planparse: {plan}: page 1: the PDF draws more than 1,000,000 objects; planparse reads PDFs of at most 1,000,000\n"
    assert peak_kb < 400_000


@pytest.mark.parametrize("drawn", [
    pytest.param(b"0 0 m 10 10 l S 20 20 m 30 30 l s 1 1 10 10 re f 2 2 10 10 re F 3 3 10 10 re f* 4 4 10 10 re B 5 5 10 10 re B*"
                 b" 6 6 10 10 re b 7 7 10 10 re b*", id="paths-painted"),
    pytest.param(b"q 10 0 0 10 0 0 cm BI /W 1 /H 1 /BPC 8 /CS /G ID \x80 EI Q", id="inline-images"),
    pytest.param(b"/Sh0 sh", id="shadings"),
    pytest.param(b"0 0 m 10 10 l[]S(a)Tj", id="delimited"),
])
def test_the_objects_a_pdf_page_draws_are_counted_before_pdfium_loads_it(drawn: bytes, tmp_path: Path, monkeypatch):
    """Each painted path, inline image and shading is an object PDFium holds; a path ended unpainted (n) is none."""
    monkeypatch.setattr(pdf_streams, "MAX_PDF_OBJECTS", 99)
    plan = tmp_path / "plan.pdf"
    pdf_streams.check_pdf_streams(plan, _pdf_of_one_page(b"", b"0 0 10 10 re W n " * 1_000 + (drawn + b"\n") * 10))
    with pytest.raises(PlanparseError, match="page 1: the PDF draws more than 99 objects"):
        pdf_streams.check_pdf_streams(plan, _pdf_of_one_page(b"", (drawn + b"\n") * 100))


def _pdf_drawing_xobjects(page: bytes, xobjects: bytes, form_runs: int, indirect: bool, filters: bytes = b"/Filter/FlateDecode") -> bytes:
    """A PDF of one page drawn by ``page`` (decoded by ``filters``), naming its XObjects as ``xobjects`` (in its resources, or in a dictionary of
    its own when ``indirect``): object 5 a form of ``form_runs`` one-letter runs, object 6 an image of one gray pixel."""
    form = zlib.compress(_RUNS % (b"(a) Tj " * form_runs))
    resources = b"7 0 R" if indirect else xobjects
    return _pdf_of([b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[4 0 R]/Count 1>>",
                    b"<<%s/Length %d>>stream\n%s\nendstream" % (filters, len(page), page),
                    b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 600 800]/Contents 3 0 R/Resources<</XObject %s>>>>" % resources,
                    b"<</Type/XObject/Subtype/Form/BBox[0 0 600 800]%s/Filter/FlateDecode/Length %d>>stream\n%s\nendstream"
                    % (_HELVETICA, len(form), form),
                    b"<</Type/XObject/Subtype/Image/Width 1/Height 1/ColorSpace/DeviceGray/BitsPerComponent 8/Length 1>>stream\n\x80\nendstream",
                    xobjects])


@pytest.mark.parametrize("indirect", [False, True], ids=["named-in-the-page", "named-in-an-object"])
@pytest.mark.parametrize("form_runs", [1_000, 100])
def test_a_pdf_page_drawing_a_form_of_text_ten_thousand_times_is_refused_before_pdfium_loads_it(form_runs: int, indirect: bool,
                                                                                                 tmp_path: Path):
    """A file of 1 KB: PDFium loads the form's runs once for each use, 10,000,000 of them, and aborted at 2.8 GB (under a
    3 GB limit, exit 134, no line of ours); 1,000,000 were refused by the count of objects once loaded, at 460 MB."""
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(_pdf_drawing_xobjects(zlib.compress(b"q /Fm0 Do Q\n" * 10_000), b"<</Fm0 5 0 R/Im0 6 0 R>>", form_runs, indirect))
    run, peak_kb = run_measuring_memory([sys.executable, "-m", "planparse", "extract", str(plan)], timeout=120)
    assert run.returncode == EXIT_ERROR
    assert run.stderr == f"planparse: {plan}: page 1: a page shows more than 100,000 runs of text; planparse reads PDF pages of at most 100,000\n"
    assert peak_kb < 400_000


@pytest.mark.parametrize(("filters", "page", "xobjects"), [
    # a drawing read as written came in views of the file, in which no use was found: PDFium aborted at 2.8 GB (stop 53)
    pytest.param(b"", b"q /Fm0 Do Q\n" * 10_000, b"<</Fm0 5 0 R>>", id="as-written"),
    # PDFium reads a name's # escapes, in a drawing and in a resource dictionary
    pytest.param(b"/Filter/FlateDecode", zlib.compress(b"q /F#6d0 Do Q\n" * 10_000), b"<</Fm#30 5 0 R>>", id="names-escaped"),
    pytest.param(b"/Filter/FlateDecode", zlib.compress(b"q /Fm0 Do Q\n" * 10_000), b"<</Fm0 5 0 R %<\n>>", id="a-comment-in-the-names"),
])
def test_the_uses_of_a_form_are_counted_however_the_page_writes_them(filters: bytes, page: bytes, xobjects: bytes, tmp_path: Path):
    plan = tmp_path / "plan.pdf"
    with pytest.raises(PlanparseError, match="page 1: a page shows more than 100,000 runs of text"):
        pdf_streams.check_pdf_streams(plan, _pdf_drawing_xobjects(page, xobjects, 1_000, indirect=False, filters=filters))


def test_a_pdf_page_drawing_an_image_ten_thousand_times_and_a_form_of_text_once_is_read(tmp_path: Path):
    """Each form's runs count as often as its own name is drawn: an image's uses are no runs of text."""
    plan = tmp_path / "plan.pdf"
    page = zlib.compress(b"q /Im0 Do Q\n" * 10_000 + b"/Fm0 Do\n")
    plan.write_bytes(_pdf_drawing_xobjects(page, b"<</Fm0 5 0 R/Im0 6 0 R>>", 1_000, indirect=False))
    run = run_planparse("extract", str(plan), timeout=120)
    assert "runs of text" not in run.stderr and "Traceback" not in run.stderr


def _pdf_of_two_pages(second: list[bytes]) -> bytes:
    """A PDF whose first page shows a line of text, and whose second draws the ``second`` streams in turn."""
    font = b"/Resources<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>"
    streams = [b"<</Length %d>>stream\n%s\nendstream" % (len(drawing), drawing) for drawing in [_TEXT % 700, *second]]
    contents = b" ".join(b"%d 0 R" % number for number in range(6, 6 + len(second)))
    return _pdf_of([b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R 4 0 R]/Count 2>>",
                    b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 600 800]/Contents 5 0 R%s>>" % font,
                    b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 600 800]/Contents[%s]%s>>" % (contents, font), *streams])


def test_the_runs_of_text_of_a_page_drawn_in_several_streams_are_counted_together(tmp_path: Path, monkeypatch):
    """Each operator counts (Tj, TJ, and ' and " after their strings, with white space or none); a page's streams
    add up, and the page past the limit is named."""
    monkeypatch.setattr(pdf_streams, "MAX_PDF_PAGE_TEXTS", 7)
    plan = tmp_path / "plan.pdf"
    runs = [b"BT /F1 12 Tf 50 700 Td (a) Tj [(b) 2 (c)] TJ (d)' 1 2 (e)\" ET", b"BT /F1 12 Tf 50 600 Td <0041> Tj\n(f)\n' ET"]
    assert pdf_streams.check_pdf_streams(plan, _pdf_of_two_pages(runs)).problems == {}  # 4 and 2, and the first page's 1: no page past 7
    assert pdf_streams.check_pdf_streams(plan, _pdf_of_two_pages([*runs, runs[1]])).problems == {  # 8 on page 2
        2: "a page shows more than 7 runs of text; planparse reads PDF pages of at most 7"}


def _pdf_of_pages(drawings: list[bytes]) -> bytes:
    """A PDF whose pages each draw one of ``drawings``, zipped."""
    font = b"/Resources<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>"
    count = len(drawings)
    objects = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[%s]/Count %d>>" % (b" ".join(b"%d 0 R" % (3 + page) for page in range(count)), count)]
    objects += [b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 600 800]/Contents %d 0 R%s>>" % (3 + count + page, font) for page in range(count)]
    objects += [b"<</Length %d/Filter/FlateDecode>>stream\n%s\nendstream" % (len(zipped), zipped) for zipped in map(zlib.compress, drawings)]
    return _pdf_of(objects)


def _shown_line(words: bytes) -> bytes:
    return b"BT /F1 12 Tf 50 700 Td (%s) Tj ET\n" % words


@pytest.mark.parametrize(("drawing", "problem"), [
    # a map exported from GIS draws a path for each parcel or pipe: 10 million took PDFium 2.8 GB
    pytest.param(b"0 0 m 1 1 l S\n" * 10_000_000, "the PDF draws more than 1,000,000 objects; planparse reads PDFs of at most 1,000,000", id="paths"),
    pytest.param(_RUNS % (b"(a) Tj " * 1_000_000), "a page shows more than 100,000 runs of text; planparse reads PDF pages of at most 100,000", id="runs-of-text"),
])
def test_a_pdf_page_past_the_limits_is_left_out_naming_it_and_the_other_pages_are_read(tmp_path: Path, drawing: bytes, problem: str):
    """One heavy page refused the whole plan (second reader, stop 53): now it alone is left unloaded, and said."""
    plan, output = tmp_path / "plan.pdf", tmp_path / "plan.json"
    plan.write_bytes(_pdf_of_pages([_shown_line(b"Build 12 schools by 2025."), drawing, _shown_line(b"Train 300 teachers by 2025.")]))
    run, peak_kb = run_measuring_memory([sys.executable, "-m", "planparse", "extract", str(plan), "-o", str(output)], timeout=120)
    left_out = f"page 2 not read ({problem}); the other pages are read"
    assert run.returncode == 0 and run.stderr.startswith(f"planparse: {plan}: {left_out}\n"), run.stderr
    assert {"message": left_out} in json.loads(output.read_bytes())["warnings"] and peak_kb < 400_000
    assert [line.text for line in read_document(plan).lines] == ["Build 12 schools by 2025.", "Train 300 teachers by 2025."]


def test_the_pages_that_would_take_a_pdf_past_its_objects_are_left_out_and_those_after_them_read(tmp_path: Path, monkeypatch):
    """The document's objects are a budget the pages read spend in turn: a page drawing more than is left is left out,
    a lighter one after it is read."""
    monkeypatch.setattr(pdf_streams, "MAX_PDF_OBJECTS", 100)
    data = _pdf_of_pages([_shown_line(b"a") + b"0 0 m 1 1 l S\n" * 10, b"0 0 m 1 1 l S\n" * 95, _shown_line(b"b") + b"0 0 m 1 1 l S\n" * 80])
    assert pdf_streams.check_pdf_streams(tmp_path / "plan.pdf", data) == pdf_streams.PagesPastLimits(3, {
        2: "the PDF draws more than 100 objects; planparse reads PDFs of at most 100"})  # 11 + 95 > 100; 11 + 81 is not


@pytest.mark.parametrize(("objects", "form", "problem"), [
    # 85 MB: 3 s and 980 MB in the index of objects alone
    pytest.param(2_000_000, b"1", "the PDF holds more than 500,000 objects (5 0 obj … endobj); planparse reads PDFs of at most 500,000",
                 id="two-million-numbers"),
    # 1,000,000 forms took 24 s and 860 MB, 100,000 drawing a name none gives 3.3 s
    pytest.param(50_001, b"<</Subtype/Form/Length 6>>stream\n/Q Do\nendstream",
                 "the PDF holds more than 50,000 streams (drawings, forms, fonts, images); planparse reads PDFs of at most 50,000",
                 id="forms-drawing-a-name-none-gives"),
])
def test_a_pdf_of_more_numbered_objects_or_streams_than_the_limits_is_refused_as_they_are_found(tmp_path: Path, objects: int, form: bytes,
                                                                                                 problem: str):
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(_pdf_of_pages([_shown_line(b"Build 12 schools by 2025.")]).replace(b"%%EOF", b"") + b"".join(
        b"%d 0 obj\n%s\nendobj\n" % (number, form) for number in range(10, 10 + objects)))
    run, peak_kb = run_measuring_memory([sys.executable, "-m", "planparse", "extract", str(plan)], timeout=30)
    assert run.returncode == EXIT_ERROR and run.stderr == f"planparse: {plan}: {problem}\n"
    assert peak_kb < 400_000


def _tagged_pdf(lines: list[bytes], cells: int) -> bytes:
    """A tagged PDF, as Word and WPS save one: a page showing ``lines``, each as marked content (/P <</MCID n>> BDC … EMC),
    and its structure tree: a document of the lines' paragraphs and a table of ``cells`` cells in rows of ten (TR, TD,
    each cell's paragraph: a structure element for each), as an attached task table is tagged."""
    shown = b"".join(b"/P <</MCID %d>> BDC BT /F1 12 Tf 50 %d Td (%s) Tj ET EMC\n" % (mcid, 700 - 20 * mcid, line) for mcid, line in enumerate(lines))
    font = b"/Resources<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>"
    zipped = zlib.compress(shown)
    objects = [b"<</Type/Catalog/Pages 2 0 R/MarkInfo<</Marked true>>/StructTreeRoot 5 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
               b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 600 800]/Contents 4 0 R/StructParents 0%s>>" % font,
               b"<</Length %d/Filter/FlateDecode>>stream\n%s\nendstream" % (len(zipped), zipped)]
    paragraphs = range(8, 8 + len(lines))  # objects 5: the tree's root, 6: its parent tree, 7: the document, then these
    table = 8 + len(lines)
    rows = range(table + 1, table + 1 + cells // 10)
    objects += [b"<</Type/StructTreeRoot/K 7 0 R/ParentTree 6 0 R>>",
                b"<</Nums[0[%s]]>>" % b" ".join(b"%d 0 R" % number for number in paragraphs),
                b"<</Type/StructElem/S/Document/P 5 0 R/K[%s %d 0 R]>>" % (b" ".join(b"%d 0 R" % number for number in paragraphs), table)]
    objects += [b"<</Type/StructElem/S/P/P 7 0 R/Pg 3 0 R/K %d>>" % mcid for mcid in range(len(lines))]
    objects.append(b"<</Type/StructElem/S/Table/P 7 0 R/K[%s]>>" % b" ".join(b"%d 0 R" % row for row in rows))
    cell = rows.stop  # each row's ten cells, each cell's paragraph after it
    for row in rows:
        objects.append(b"<</Type/StructElem/S/TR/P %d 0 R/K[%s]>>" % (table, b" ".join(b"%d 0 R" % (cell + 2 * index) for index in range(10))))
        cell += 20
    for row in rows:
        for index in range(10):
            number = len(objects) + 1
            objects += [b"<</Type/StructElem/S/TD/P %d 0 R/K %d 0 R>>" % (row, number + 1), b"<</Type/StructElem/S/P/P %d 0 R/K[]>>" % number]
    return _pdf_of(objects)


def test_a_tagged_pdf_of_many_structure_elements_is_read(tmp_path: Path):
    """A tagged PDF holds a structure element for each paragraph, table cell and span: 60,000 numbered objects, past
    the 50,000 that refused the whole plan (second reader, stop 54), cost nothing to read; streams are what costs."""
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(_tagged_pdf([b"Build 12 schools by 2025.", b"Train 300 teachers by 2025."], 30_000))
    assert plan.read_bytes().count(b"/Type/StructElem") > 60_000
    run, peak_kb = run_measuring_memory([sys.executable, "-m", "planparse", "extract", str(plan)], timeout=30)
    assert run.returncode == 0, run.stderr  # (its English text is no plan: said, and read)
    assert [line.text for line in read_document(plan).lines] == ["Build 12 schools by 2025.", "Train 300 teachers by 2025."]
    assert peak_kb < 300_000


def test_object_streams_holding_more_objects_than_the_limit_are_not_read():
    """3,000,000 objects in 51 MB inflated (under the bytes read of object streams) took 3.7 s and 950 MB to hold."""
    def with_object_stream(count: int) -> bytes:
        head = b" ".join(b"%d %d" % (10 + index, 2 * index) for index in range(count)) + b" "
        zipped = zlib.compress(head + b"1 " * count)
        return _pdf_of_pages([_shown_line(b"a")]).replace(b"%%EOF", b"") + (
            b"9 0 obj\n<</Type/ObjStm/N %d/First %d/Filter/FlateDecode/Length %d>>stream\n%s\nendstream\nendobj\n" % (count, len(head), len(zipped), zipped))
    for count, held in [(100, 100), (500_000, None)]:
        data = with_object_stream(count)
        found = pdf_streams.object_streams(data, pdf_streams.PdfObjects(data))
        assert (len(found.objects) if found else None) == held


def test_a_pdf_whose_pages_with_text_are_all_left_out_is_refused_naming_them(tmp_path: Path):
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(_pdf_of_pages([_RUNS % (b"(a) Tj " * 100_001), b"", _RUNS % (b"(a) Tj " * 100_001)]))
    with pytest.raises(PlanparseError) as refused:
        read_document(plan)
    assert str(refused.value) == (f"{plan}: the pages read hold no text; pages 1, 3 not read (a page shows more than 100,000 runs of text; "
                                  "planparse reads PDF pages of at most 100,000); the other pages are read")


def test_the_letters_of_a_text_operator_inside_an_image_or_a_font_program_are_no_runs_of_text(tmp_path: Path, monkeypatch):
    """Only a stream that may be a page's drawing is counted: an image's or a font program's bytes may hold Tj by chance,
    and scanning their megabytes doubled the check on large plans. Where the pages cannot be told apart, any one stream
    past the limit is refused: a drawing is, an image is not."""
    monkeypatch.setattr(pdf_streams, "MAX_PDF_PAGE_TEXTS", 7)
    monkeypatch.setattr(pdf_streams, "_page_contents", lambda _data: None)  # a page tree pdfminer cannot read
    plan = tmp_path / "plan.pdf"
    shown = b"(a) Tj " * 10
    image = b"<</Type/XObject/Subtype/Image/Width 70/Height 1/ColorSpace/DeviceGray/BitsPerComponent 8/Length %d>>stream\n%s\nendstream"
    font_program = b"<</Length1 %d/Length %d>>stream\n%s\nendstream" % (len(shown), len(shown), shown)
    pdf_streams.check_pdf_streams(plan, _pdf_of_one_page(b"", _TEXT % 700, (image % (len(shown), shown), font_program)))
    with pytest.raises(PlanparseError):
        pdf_streams.check_pdf_streams(plan, _pdf_of_one_page(b"", _RUNS % shown))


def test_the_streams_a_page_draws_are_found_by_its_contents_however_the_name_is_written():
    """A page's /Contents, its name written with # escapes or a comment before its value, or a list object of streams:
    each stream named is a drawing; in a file's object streams too, which were not read (every stream of a file with
    one counted as a drawing, 6 to 9 ms more on two real PDFs of images); where one cannot be read here, all are."""
    page = b"<</Type/Page/Cont#65nts %% the drawing\n 2 0 R>>"
    listed = [b"<</Type/Catalog>>", b"<</Length 1>>stream\nq\nendstream", page, b"<</Type/Page/Contents 5 0 R>>", b"[7 0 R 8 0 R]"]
    objects = b"".join(b"%d 0 obj\n%s\nendobj\n" % (number, body) for number, body in enumerate(listed, 1))
    assert _page_drawings(objects) == {2, 5, 7, 8}
    commented = b"1 0 obj\n<</Type/Page/Contents[2 0 R %]\n 3 0 R]>>\nendobj\n"  # a comment holding ] inside the list
    assert _page_drawings(commented) == {2, 3}
    page, listed = b"<</Type/Page/Contents 12 0 R>>", b"[13 0 R 14 0 R]"
    head = b"10 0 12 %d " % len(page)
    held = zlib.compress(head + page + listed)
    for filters, drawn in [(b"/Filter/FlateDecode", {2, 5, 7, 8, 12, 13, 14}), (b"/Filter/LZWDecode", None)]:
        with_object_stream = objects + b"9 0 obj\n<</Type/Obj#53tm/N 2/First %d%s/Length %d>>stream\n%s\nendstream\nendobj\n" % (
            len(head), filters, len(held), held)
        assert _page_drawings(with_object_stream) == drawn


def _page_drawings(data: bytes) -> frozenset[int] | None:
    """The streams ``data``'s pages name as their drawing; None where an object stream is not read."""
    objects = pdf_streams.PdfObjects(data)
    held = pdf_streams.object_streams(data, objects)
    return None if held is None else pdf_streams._page_drawings(data, objects, held.objects)


def _pdf_of_pages_in_an_object_stream(pages: list[bytes], streams: list[bytes], encrypted: bool) -> tuple[bytes, int]:
    """A PDF 1.5 whose catalog, page tree and ``pages`` sit in a zipped object stream, the ``streams`` (dictionary and
    data) from object 3 + len(pages) on, found through a cross-reference stream; encrypted (RC4 of 40 bits, to the empty
    password) where ``encrypted``. And where the object stream's data starts."""
    key, owner, user = _rc4_40_keys()

    def written(number: int, data: bytes) -> bytes:
        return _rc4(hashlib.md5(key + number.to_bytes(3, "little") + b"\0\0").digest()[:10], data) if encrypted else data

    held = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[%s]/Count %d>>"
            % (b" ".join(b"%d 0 R" % (3 + index) for index in range(len(pages))), len(pages)), *pages]
    offsets = [sum(len(text) + 1 for text in held[:index]) for index in range(len(held))]
    head = b" ".join(b"%d %d" % (number, offset) for number, offset in enumerate(offsets, 1)) + b"\n"
    bodies = [(dictionary, written(number, data)) for number, (dictionary, data) in enumerate(streams, 3 + len(pages))]
    object_stream = 3 + len(pages) + len(streams)
    bodies.append((b"/Type/ObjStm/N %d/First %d/Filter/FlateDecode" % (len(held), len(head)),
                   written(object_stream, zlib.compress(head + b"\n".join(held) + b"\n"))))
    data, starts = b"%PDF-1.5\n", {}
    for number, (dictionary, stream) in enumerate(bodies, 3 + len(pages)):
        starts[number] = len(data)
        data += b"%d 0 obj\n<<%s/Length %d>>stream\n%s\nendstream\nendobj\n" % (number, dictionary, len(stream), stream)
    held_at = starts[object_stream] + data[starts[object_stream]:].index(b"stream\n") + len(b"stream\n")
    if encrypted:
        starts[object_stream + 1] = len(data)
        data += b"%d 0 obj\n<</Filter/Standard/V 1/R 2/O<%s>/U<%s>/P %d>>\nendobj\n" % (object_stream + 1, owner.hex().encode(), user.hex().encode(), _PERMISSIONS)
    table = len(data)
    rows = b"".join(b"\1" + starts[number].to_bytes(4, "big") + b"\0\0" if number in starts
                    else b"\2" + object_stream.to_bytes(4, "big") + (number - 1).to_bytes(2, "big") if 0 < number <= len(held)
                    else b"\0\0\0\0\0\xff\xff" for number in range(object_stream + 3))
    encryption = b"/Encrypt %d 0 R/ID[<%s><%s>]" % (object_stream + 1, _DOCUMENT_ID.hex().encode(), _DOCUMENT_ID.hex().encode()) if encrypted else b""
    data += b"%d 0 obj\n<</Type/XRef/Size %d/W[1 4 2]/Root 1 0 R%s/Length %d>>stream\n%s\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % (
        object_stream + 2, object_stream + 3, encryption, len(rows), rows, table)
    return data, held_at


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_a_form_the_page_in_an_object_stream_names_is_counted_as_often_as_it_draws_it(encrypted: bool, monkeypatch):
    """The names of a page's resources were looked for in the file's text alone, and an encrypted object stream was not
    read: a page in an object stream drew its form uncounted (PDFium aborted at 2.8 GB). Each object stream is inflated
    once, for its objects and its size (twice before)."""
    form, drawing = zlib.compress(_RUNS % (b"(a) Tj " * 1_000)), zlib.compress(b"q /Fm0 Do Q\n" * 10_000)
    page = b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 600 800]/Contents 4 0 R/Resources<</XObject<</Fm0 5 0 R>>>>>>"
    data, held_at = _pdf_of_pages_in_an_object_stream([page], [
        (b"/Filter/FlateDecode", drawing), (b"/Type/XObject/Subtype/Form/BBox[0 0 600 800]%s/Filter/FlateDecode" % _HELVETICA, form)],
        encrypted)
    read_from = []
    pieces = pdf_streams._pieces
    monkeypatch.setattr(pdf_streams, "_pieces", lambda data, start, end: read_from.append(start) or pieces(data, start, end))
    with pytest.raises(PlanparseError, match="page 1: a page shows more than 100,000 runs of text"):
        pdf_streams.check_pdf_streams(Path("plan.pdf"), data)
    assert read_from.count(held_at) == 1


def test_the_pages_sharing_one_drawing_read_it_once_to_find_it_is_no_list():
    """A page's /Contents object was copied up to its endobj for each page that names it: 5,000 pages sharing a drawing
    of 4 MB written as it is, a file of 4.5 MB, took 16 s of CPU to check (0.05 s now)."""
    drawing = b"q Q " * 1_000_000
    data = _pdf_of([b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[%s]/Count 5000>>" % b" ".join(b"%d 0 R" % (4 + page) for page in range(5_000)),
                    b"<</Length %d>>stream\n%s\nendstream" % (len(drawing), drawing),
                    *[b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 600 800]/Contents 3 0 R>>"] * 5_000])
    started = time.process_time()
    pdf_streams.check_pdf_streams(Path("plan.pdf"), data)
    assert time.process_time() - started < 4


def test_pages_repeating_one_drawing_are_read_once_and_counted_once(tmp_path: Path, monkeypatch):
    """5,000 pages naming one drawing of 900 lines: PDFium parsed it and planparse surveyed its objects on every page
    (4,500,000), and the PDF was refused at page 1,112 for drawing more than 1,000,000 objects, where pdf_streams had
    counted 900; 1,200 such pages took 5 s of CPU to say the document has no text. A page repeating an earlier one is read
    as that page was, its objects counted once."""
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(_pdf_drawing_one_content_on_every_page(5_000, b"".join(b"%d 0 m %d 10 l S\n" % (x, x) for x in range(900))))
    surveyed = []
    survey_page = pdf_reader._survey_page
    monkeypatch.setattr(pdf_reader, "_survey_page", lambda page: surveyed.append(page) or survey_page(page))
    with pytest.raises(PlanparseError, match=r": the document has no text$"):
        read_document(plan)
    assert len(surveyed) == 1


def _pdf_of_pages_drawing(drawings: list[bytes], order: list[int], shared: bool) -> bytes:
    """A PDF whose pages draw ``drawings`` in ``order``: each drawing one object that pages repeating it name, or a copy
    of its own for each page."""
    font = b"/Resources<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>"
    drawn = [drawings[index] for index in (range(len(drawings)) if shared else order)]
    contents = order if shared else range(len(order))
    objects = [b"<</Type/Catalog/Pages 2 0 R>>",
               b"<</Type/Pages/Kids[%s]/Count %d>>" % (b" ".join(b"%d 0 R" % (3 + len(drawn) + page) for page in range(len(order))), len(order)),
               *(b"<</Length %d>>stream\n%s\nendstream" % (len(drawing), drawing) for drawing in drawn),
               *(b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 600 800]/Contents %d 0 R%s>>" % (3 + index, font) for index in contents)]
    return _pdf_of(objects)


def test_a_page_repeating_an_earlier_one_reads_as_its_own_copy_of_the_drawing_reads(tmp_path: Path):
    drawings = [b"BT /F1 14 Tf 50 750 Td (Plan of schools 2021-2025) Tj ET BT /F1 12 Tf 50 700 Td (1. Build 12 schools) Tj ET",
                b"BT /F1 12 Tf 50 700 Td (2. Reach 95% by 2025) Tj ET", b"BT /F1 12 Tf 50 700 Td (3. Train 300 teachers) Tj ET"]
    order = [0, 1, 2, 1, 0, 2, 1]
    shared, copies = tmp_path / "shared.pdf", tmp_path / "copies.pdf"
    shared.write_bytes(_pdf_of_pages_drawing(drawings, order, shared=True))
    copies.write_bytes(_pdf_of_pages_drawing(drawings, order, shared=False))
    assert pdf_streams.check_pdf_streams(shared, shared.read_bytes()).repeats == {4: 2, 5: 1, 6: 3, 7: 2}
    read = [dataclasses.replace(read_document(plan), path="", sha256="") for plan in (shared, copies)]
    assert read[0] == read[1] and read[0].lines


def test_a_page_written_again_by_a_later_revision_names_its_drawing_once(tmp_path: Path):
    """An incremental save (a stamp, a signature: real/shenzhen-2016 holds 5 %%EOF) writes a page object again after the
    first revision: its last writing is the page, which names its drawing once; two pages naming one drawing still do
    (last read L11: every such PDF took pdfminer's page walk)."""
    drawing = b"BT /F1 12 Tf 50 700 Td (1. Build 12 schools) Tj ET"
    base = _pdf_of([b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[4 0 R]/Count 1>>",
                    b"<</Length %d>>stream\n%s\nendstream" % (len(drawing), drawing),
                    b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 600 800]/Contents 3 0 R>>"])
    page_again = b"4 0 obj\n<</Type/Page/Parent 2 0 R/MediaBox[0 0 600 800]/Contents 3 0 R/Annots[]>>\nendobj\n"
    update = base + page_again + b"xref\n4 1\n%010d 00000 n \ntrailer<</Size 5/Root 1 0 R/Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(base), base.rindex(b"xref"), len(base) + len(page_again))
    second_page = base.replace(b"/Kids[4 0 R]/Count 1", b"/Kids[4 0 R 5 0 R]/Count 2").replace(
        b"trailer", b"5 0 obj\n<</Type/Page/Parent 2 0 R/MediaBox[0 0 600 800]/Contents 3 0 R>>\nendobj\ntrailer")
    assert [pdf_streams._drawing_named_twice(data, pdf_streams.PdfObjects(data), None) for data in (update, second_page)] == [False, True]


def test_a_pdf_of_more_pages_than_the_limit_is_refused_before_any_is_loaded(tmp_path: Path):
    # 18 MB listing 100,000 pages that share one drawing took a minute and a half to load page by page
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(_pdf_drawing_one_content_on_every_page(5_001, _TEXT % 700))
    run = run_planparse("extract", str(plan), timeout=60)
    assert run.returncode == EXIT_ERROR
    assert run.stderr == f"planparse: {plan}: the PDF has 5,001 pages; planparse reads PDFs of at most 5,000\n"


def _pdf_of_nested_forms(depth: int, fan: int = 10, innermost: bytes = b"BT /F1 12 Tf 50 700 Td (2025 90%) Tj ET\n") -> bytes:
    """A one-page PDF of 2.5 KB whose page draws a form that draws the next ``fan`` times, ``depth`` deep, the last
    drawing ``innermost``: PDFium parses all fan ** depth drawings as it loads the page, in C."""
    font = b"/Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>"
    objects = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
               b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 600 800]/Contents 4 0 R/Resources<<%s/XObject<</X %d 0 R>>>>>>" % (font, 5 + depth),
               b"<</Length 6>>stream\n/X Do\nendstream"]
    for level in range(depth + 1):
        body = b"/X Do\n" * fan if level else innermost
        drawn = b"/XObject<</X %d 0 R>>" % (4 + level) if level else b""
        objects.append(b"<</Type/XObject/Subtype/Form/BBox[0 0 600 800]/Resources<<%s%s>>/Length %d>>stream\n%sendstream" % (font, drawn, len(body), body))
    return _pdf_of(objects)


def _pdf_of_a_type3_glyph(glyph: bytes, shown: int, forms: list[bytes] = ()) -> bytes:
    """A one-page PDF showing the one glyph of a Type 3 font ``shown`` times, the glyph drawn by ``glyph``; ``forms``
    from object 7 on, the last named /X in the font's resources, each form naming the one before it /X."""
    drawing = b"BT /T3 12 Tf 50 700 Td " + b"(a) Tj " * shown + b"ET\n" + _TEXT % 600
    font = (b"<</Type/Font/Subtype/Type3/FontBBox[0 0 1000 1000]/FontMatrix[0.001 0 0 0.001 0 0]/CharProcs<</a 6 0 R>>"
            b"/Encoding<</Type/Encoding/Differences[97/a]>>/FirstChar 97/LastChar 97/Widths[1000]/Resources<</XObject<</X %d 0 R>>>>>>"
            % (6 + len(forms)))
    named = [b"/Resources<</XObject<</X %d 0 R>>>>" % (6 + index) if index else b"" for index in range(len(forms))]
    return _pdf_of([b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
                    b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 600 800]/Contents 4 0 R/Resources<</Font<</T3 5 0 R/F1"
                    b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>>>",
                    b"<</Length %d>>stream\n%s\nendstream" % (len(drawing), drawing), font,
                    b"<</Length %d>>stream\n1000 0 d0 %s\nendstream" % (len(glyph) + 10, glyph),
                    *(b"<</Type/XObject/Subtype/Form/BBox[0 0 600 800]%s/Length %d>>stream\n%s\nendstream" % (names, len(form), form)
                      for names, form in zip(named, forms))])


def test_a_type3_glyph_drawing_forms_nested_in_forms_is_refused_before_pdfium_loads_it(tmp_path: Path):
    """PDFium parses a Type 3 glyph as it reads the page's text: one drawing forms nested eight deep, ten times each,
    aborted at 2.8 GB (a file of 2 KB). A glyph is parsed once however often the page shows it: one of 10,000 paths,
    shown 10,000 times, is read in 80 MB."""
    plan = tmp_path / "plan.pdf"
    pdf_streams.check_pdf_streams(plan, _pdf_of_a_type3_glyph(b"0 0 m 10 10 l S\n" * 10_000, 10_000))
    with pytest.raises(PlanparseError, match="the glyphs of its Type 3 fonts: the PDF draws more than 1,000,000 objects"):
        pdf_streams.check_pdf_streams(plan, _pdf_of_a_type3_glyph(b"/X Do", 1, [b"0 0 m 10 10 l S"] + [b"/X Do\n" * 10] * 8))


def _pdf_parsing_a_form_for_hours() -> bytes:
    """A one-page PDF of 3 KB whose page draws a form 100,000 times, a megabyte of drawing that draws nothing (it sets
    the width of lines): PDFium parses the form again for each use, 100 GB of drawing, in C, and holds little. Within
    every limit planparse sets: only the time limit on reading a document stops it."""
    page, form = zlib.compress(b"/X Do\n" * 100_000), zlib.compress(b"1 w\n" * 250_000)
    return _pdf_of([b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
                    b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 600 800]/Contents 4 0 R/Resources<</XObject<</X 5 0 R>>>>>>",
                    b"<</Filter/FlateDecode/Length %d>>stream\n%s\nendstream" % (len(page), page),
                    b"<</Type/XObject/Subtype/Form/BBox[0 0 600 800]/Filter/FlateDecode/Length %d>>stream\n%s\nendstream" % (len(form), form)])


def test_a_pdf_of_forms_nested_in_forms_is_refused_before_pdfium_loads_it(tmp_path: Path):
    """A file of 1 KB: the page draws a form 100 times that draws another 100 times, of 1,000 runs of text each.
    Only the page's uses of forms were counted, not a form's: PDFium aborted at 2.8 GB (exit 134, no line of ours)."""
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(_pdf_of_nested_forms(2, 100, _RUNS % (b"(a) Tj " * 1_000)))
    run, peak_kb = run_measuring_memory([sys.executable, "-m", "planparse", "extract", str(plan)], timeout=120)
    assert run.returncode == EXIT_ERROR
    assert run.stderr == f"planparse: {plan}: page 1: a page shows more than 100,000 runs of text; planparse reads PDF pages of at most 100,000\n"
    assert peak_kb < 400_000


def _pdf_of_forms_drawing_each_other(forms: list[tuple[bytes, bytes]], page: bytes = b"/X Do\n") -> bytes:
    """A one-page PDF whose page draws ``page``, naming form 5 /X; forms from object 5 on, each its drawing and its
    /XObject resources (none when empty)."""
    font = b"/Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>"
    streams = [b"<</Type/XObject/Subtype/Form/BBox[0 0 600 800]/Resources<<%s%s>>/Length %d>>stream\n%s\nendstream"
               % (font, b"/XObject" + names if names else b"", len(drawing), drawing) for drawing, names in forms]
    return _pdf_of([b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
                    b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 600 800]/Contents 4 0 R/Resources<<%s/XObject<</X 5 0 R>>>>>>" % font,
                    b"<</Length %d>>stream\n%s\nendstream" % (len(page), page), *streams])


@pytest.mark.parametrize(("forms", "problem"), [
    # 10 ** 8 forms drawn, a run of text in none: PDFium aborted at 2.8 GB as it does for runs of text
    pytest.param(None, "page 1: the PDF draws more than 1,000,000 objects", id="nested-eight-deep-of-paths"),
    # PDFium parses a form inside itself forty deep: 2 ** 40 drawings (PDFium held 1.5 GB and aborted)
    pytest.param([(b"/X Do /X Do", b"<</X 5 0 R>>")], "page 1: the PDF draws more than 1,000,000 objects", id="drawing-itself-twice"),
    pytest.param([(_RUNS % (b"(a) Tj " * 3_000) + b" /X Do", b"<</X 5 0 R>>")], "page 1: a page shows more than 100,000 runs of text",
                 id="of-3000-runs-drawing-itself-once"),
    pytest.param([(_RUNS % b"(a) Tj" + b" /Y Do /Y Do", b"<</Y 6 0 R>>"), (b"/X Do /X Do", b"<</X 5 0 R>>")],
                 "page 1: a page shows more than 100,000 runs of text", id="two-drawing-each-other"),
    # a form of no /XObject resources of its own names the page's: PDFium draws the page's /X, the form itself
    pytest.param([(b"/X Do /X Do", b"")], "page 1: the PDF draws more than 1,000,000 objects", id="drawing-the-page-s-name-of-itself"),
])
def test_a_pdf_of_forms_drawn_in_forms_is_refused_counting_each_use_as_pdfium_parses_them(forms, problem: str, tmp_path: Path):
    plan = tmp_path / "plan.pdf"
    data = _pdf_of_nested_forms(8, innermost=b"0 0 m 10 10 l S\n") if forms is None else _pdf_of_forms_drawing_each_other(forms)
    with pytest.raises(PlanparseError, match=problem):
        pdf_streams.check_pdf_streams(plan, data)


@pytest.mark.parametrize("forms", [
    pytest.param([(_RUNS % (b"(a) Tj " * 2_000) + b" /X Do", b"<</X 5 0 R>>")], id="of-2000-runs-drawing-itself-once"),  # 80,000 in all
    # its own /X is an image: the page's /X, a form, is not the one it draws
    pytest.param([(b"/X Do\n" * 10_000, b"<</X 6 0 R>>"), (b"", b"")], id="drawing-its-own-x"),
])
def test_a_pdf_of_forms_drawn_in_forms_within_the_limits_is_checked_as_pdfium_draws_them(forms, tmp_path: Path):
    pdf_streams.check_pdf_streams(tmp_path / "plan.pdf", _pdf_of_forms_drawing_each_other(forms))


_PAGE_OBJECT = b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 600 800]>>"


@pytest.mark.parametrize(("objects", "problem"), [
    # the tree lists itself among its kids, beside its one page
    pytest.param([b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[2 0 R 3 0 R]/Count 2>>", _PAGE_OBJECT],
                 "page 2 is damaged (corrupt PDF)", id="itself-a-kid"),
    # two nodes each the other's kid, claiming a billion pages between them and holding none
    pytest.param([b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1000000000>>",
                  b"<</Type/Pages/Kids[2 0 R]/Count 1000000000/Parent 2 0 R>>"], "the PDF has no pages", id="two-in-a-circle"),
])
def test_a_pdf_whose_page_tree_loops_is_one_line_in_bounded_time(objects: list[bytes], problem: str, tmp_path: Path):
    plan = tmp_path / "loop.pdf"
    plan.write_bytes(_pdf_of(objects))
    run = run_planparse("extract", str(plan), timeout=60)
    assert (run.returncode, run.stdout, run.stderr) == (EXIT_ERROR, "", f"planparse: {plan}: {problem}\n")


def test_a_pdf_object_stream_claiming_a_hundred_million_objects_is_read_in_bounded_time(tmp_path: Path):
    """Its header says /N 100000000 over a stream of a few bytes: the reader must not make room for them."""
    content, listed = b"BT /F1 12 Tf 72 700 Td (2025 90%) Tj ET", zlib.compress(b"6 0 << >>")
    plan = tmp_path / "objects.pdf"
    plan.write_bytes(_pdf_of([
        b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 600 800]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>",
        b"<</Length %d>>stream\n%s\nendstream" % (len(content), content), b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
        b"<</Type/ObjStm/N 100000000/First 4/Filter/FlateDecode/Length %d>>stream\n%s\nendstream" % (len(listed), listed)]))
    run = run_planparse("extract", str(plan), timeout=60)
    assert run.returncode == 0 and json.loads(run.stdout)["source"]["format"] == "pdf", run.stderr


def test_a_pdf_parsing_a_form_for_hours_fails_at_the_batch_time_limit_and_the_other_plans_are_converted(tmp_path: Path):
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "slow.pdf").write_bytes(_pdf_parsing_a_form_for_hours())
    (plans / "plan.txt").write_bytes((SAMPLES / "jieyang-2022.txt").read_bytes())
    run = run_planparse("batch", str(plans), "-o", str(tmp_path / "out"), "-q", "-j", "1", "--time-limit", "3", timeout=60)
    assert run.returncode == 1, run.stderr
    assert "slow.pdf: FAILED (bad input): reading it took more than 3 s, the most planparse gives one document (batch --time-limit)" in run.stderr
    assert (tmp_path / "out" / "plan.txt.json").exists() and not (tmp_path / "out" / "slow.pdf.json").exists()


def test_extract_of_a_pdf_parsing_a_form_for_hours_stops_at_the_time_limit_with_one_line_and_no_output(tmp_path: Path):
    plan, output = tmp_path / "slow.pdf", tmp_path / "out.json"
    plan.write_bytes(_pdf_parsing_a_form_for_hours())
    run = run_python(*planparse_reading_at_most(2), "extract", str(plan), "-o", str(output))
    assert run.returncode == EXIT_ERROR and run.stdout == ""
    assert run.stderr == f"planparse: {plan}: reading it took more than 2 s, the most planparse gives one document\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["slow.pdf"]


@pytest.mark.parametrize("command", ["compare", "report"])
def test_a_pdf_parsing_a_form_for_hours_is_left_out_of_compare_and_report_at_the_time_limit_and_the_others_shown(tmp_path: Path,
                                                                                                                  command: str):
    """The time limit ended the whole command, as extract's: a compare of a folder of plans gave nothing for one such
    PDF. Each plan to extract is read on a process of its own now, stopped past the limit as batch stops its worker."""
    plans, output = tmp_path / "plans", tmp_path / "out"
    plans.mkdir()
    (plans / "slow.pdf").write_bytes(_pdf_parsing_a_form_for_hours())
    (plans / "plan.txt").write_bytes((SAMPLES / "jieyang-2022.txt").read_bytes())
    run = run_python(*planparse_reading_at_most(3), command, str(plans), "-o", str(output), timeout=120)
    assert (run.returncode, run.stderr) == (1, f"planparse: {plans / 'slow.pdf'}: reading it took more than 3 s, the most planparse "
                                               "gives one document\n")
    assert "公民具备科学素质的比例" in output.read_text(encoding="utf-8")  # the plan.txt read, an indicator of it shown


@pytest.mark.parametrize("command", ["compare", "report"])
def test_a_pdf_parsing_a_form_for_hours_on_standard_input_is_left_out_of_compare_and_report_as_a_file_is(tmp_path: Path,
                                                                                                        command: str):
    """Standard input was read in the command's own process (a process of its own has none): at the time limit the
    whole command ended, the other plans not shown. It is read within the size limit first, and extracted apart."""
    output = tmp_path / "out"
    run = run_python(*planparse_reading_at_most(3), command, "-", str(SAMPLES / "jieyang-2022.txt"), "-o", str(output),
                     input=_pdf_parsing_a_form_for_hours(), text=False, timeout=120)
    assert (run.returncode, run.stderr) == (1, b"planparse: <stdin>: reading it took more than 3 s, the most planparse gives one document\n")
    assert "公民具备科学素质的比例" in output.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["compare", "report"])
def test_standard_input_that_never_ends_ends_compare_and_report_at_the_time_limit_with_one_line(command: str):
    """Read ahead of the plans' process, standard input was read with no limit: a pipe that never ends (a writer that
    hangs) kept compare - waiting for ever, where extract - stops at the time limit."""
    with subprocess.Popen([sys.executable, *planparse_reading_at_most(3), command, "-", str(SAMPLES / "jieyang-2022.txt")],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as run:
        run.stdin.write("某市养老服务实施方案\n".encode())
        run.stdin.flush()  # and never closed
        try:
            run.wait(timeout=120)  # (communicate would close standard input)
        except subprocess.TimeoutExpired:
            run.kill()
            raise
        assert (run.returncode, run.stdout.read(), run.stderr.read()) == (2, b"", b"planparse: <stdin>: reading it took more than 3 s, the most planparse gives one document\n")


def test_a_pdf_parsing_a_form_for_hours_in_two_folders_diffed_is_said_and_the_other_plans_diffed(tmp_path: Path):
    """diff of two folders goes on past a plan it cannot read, as diff -r does; past the time limit it ended, the others
    not shown. Each version past the limit is said: the new one was read all the same, and its problem kept back."""
    old, new = tmp_path / "old", tmp_path / "new"
    for folder in (old, new):
        folder.mkdir()
        (folder / "slow.pdf").write_bytes(_pdf_parsing_a_form_for_hours())
        (folder / "plan.txt").write_bytes((SAMPLES / "jieyang-2022.txt").read_bytes())
    run = run_python(*planparse_reading_at_most(3), "diff", str(old), str(new), timeout=120)
    assert (run.returncode, run.stderr) == (2, "".join(f"planparse: {folder / 'slow.pdf'}: reading it took more than 3 s, the most "
                                                       "planparse gives one document\n" for folder in (old, new)))
    assert f"{old / 'plan.txt'} → {new / 'plan.txt'}" in run.stdout


def test_the_time_limit_holds_while_a_command_runs_and_not_after(planparse):
    """A program (or a test) that runs the command in its process keeps no timer armed past it."""
    from planparse import time_limit

    assert planparse("extract", SAMPLES / "jieyang-2022.txt").code == 0
    assert not time_limit._armed


_PAGE = '<html><head><meta charset="utf-8"><title>某市教育提升行动方案</title></head><body><p>一、总体目标</p><p>到2025年，全市学前教育普及率达到95%。</p>{}</body></html>'


@pytest.mark.parametrize(
    "table",
    [
        # one row of 20,000 cells over 20,000 rows: a grid of 400 million places from 400 KB
        pytest.param("<table><tr><td>指标</td><td>目标</td>" + "<td></td>" * 20_000 + "</tr>" + "<tr><td></td></tr>" * 20_000 + "</table>", id="wide-over-tall"),
        # every cell merged down the whole table and across 100 columns
        pytest.param("<table>" + ("<tr>" + '<td rowspan="999999" colspan="999">x</td>' * 100 + "</tr>") * 100 + "</table>", id="merged-cells"),
    ],
)
def test_a_web_page_table_of_a_grid_too_large_to_lay_out_is_read_as_text(table: str, tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text(_PAGE.format(table), encoding="utf-8")
    run = run_planparse("extract", str(page), timeout=30)  # minutes, or memory exhausted, before
    assert run.returncode == 0, run.stderr
    assert '"unit": "%"' in run.stdout and '"value": 95' in run.stdout


def test_a_web_page_element_with_too_many_attributes_is_refused_naming_its_line(tmp_path: Path):
    page = tmp_path / "page.html"
    crowded = "<p " + " ".join(f'data-{index}="x"' for index in range(100_000)) + ">x</p>"
    page.write_text(_PAGE.format("\n" + crowded), encoding="utf-8")
    run = run_planparse("extract", str(page), timeout=30)  # minutes in the HTML parser before
    assert run.returncode == EXIT_ERROR
    assert run.stderr == f"planparse: {page}: line 2: an element with 100,000 attributes; planparse reads elements of at most 1,000\n"


def test_a_web_page_element_with_too_many_bare_attributes_is_refused(tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text(_PAGE.format("\n<div " + " ".join(f"a{index}" for index in range(20_000)) + ">x</div>"), encoding="utf-8")
    run = run_planparse("extract", str(page), timeout=30)  # seconds growing with their square before
    assert run.returncode == EXIT_ERROR
    assert run.stderr == f"planparse: {page}: line 2: an element with 20,000 attributes; planparse reads elements of at most 1,000\n"


def test_a_script_full_of_assignments_is_no_element_with_attributes(tmp_path: Path):
    page = tmp_path / "page.html"
    script = "<script>if (i < n) {\n" + "".join(f"cfg.x{index} = {index};\n" for index in range(1_200)) + "} if (n > 0) {}</script>"
    page.write_text(_PAGE.format(script), encoding="utf-8")
    run = run_planparse("extract", str(page), timeout=30)
    assert run.returncode == 0, run.stderr


def _sample_docx_with(folder: Path, part: str, opening: str, inserted: str) -> Path:
    """A sample DOCX with ``inserted`` after the first ``opening`` of ``part``."""
    return _sample_docx_changed(folder, part, lambda content: content.replace(opening, opening + inserted, 1))


def _sample_docx_renamed(folder: Path, part: str, name: str) -> Path:
    plan = folder / "plan.docx"
    with zipfile.ZipFile(SAMPLES / "jieyang-2022.docx") as original, zipfile.ZipFile(plan, "w", zipfile.ZIP_DEFLATED) as renamed:
        for held in original.namelist():
            renamed.writestr(name if held == part else held, original.read(held))
    return plan


def _sample_docx_changed(folder: Path, part: str, change: Callable[[str], str], sample: Path = SAMPLES / "jieyang-2022.docx") -> Path:
    """A copy of a sample zip of XML parts (a DOCX, by default 揭阳's) whose ``part`` is rewritten by ``change``."""
    plan = folder / f"plan{sample.suffix}"
    with zipfile.ZipFile(sample) as original, zipfile.ZipFile(plan, "w", zipfile.ZIP_DEFLATED) as hostile:
        for name in original.namelist():
            data = original.read(name)
            hostile.writestr(name, change(data.decode("utf-8")).encode("utf-8") if name == part else data)
    return plan


def test_diff_of_crafted_json_with_quotes_of_a_megabyte_ends_in_bounded_time(tmp_path: Path):
    """Each quote was compared character by character with difflib, whose time grows with the product of their
    lengths: a repetitive quote of a thousand characters took seconds, of a megabyte for ever."""
    extracted = run_planparse("extract", str(SAMPLES / "jieyang-2022.txt"))
    for name, value, phrase in (("old.json", 16, "到2025年全市建成"), ("new.json", 18, "到2026年全区建成")):
        document = json.loads(extracted.stdout)
        document["targets"][0].update(value=value, indicator=None, quote=phrase * 100_000)  # paired by its id
        (tmp_path / name).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    run = run_planparse("diff", str(tmp_path / "old.json"), str(tmp_path / "new.json"), timeout=60)
    assert run.returncode == 1, run.stderr  # changed
    assert "value 16 → 18" in run.stdout


def _plan_json_grown(extracted: dict, name: str, count: int) -> dict:
    """A copy of an extracted plan whose list ``name`` holds ``count`` entries, copies of its own: the sections as
    its first heading with the rest as its children (nested ones count as the top ones do)."""
    grown = json.loads(json.dumps(extracted))
    first = grown[name][0]
    if name == "sections":
        first["children"] = [{**first, "children": []}] * (count - 1)
        grown[name] = [first]
    else:
        grown[name] = [{**first, "id": f"{first.get('id')}-{index}"} for index in range(count)]
    return grown


@pytest.fixture(scope="module")
def extracted_plan() -> dict:
    return json.loads(run_planparse("extract", str(SAMPLES / "jieyang-2022.txt")).stdout)


@pytest.mark.parametrize("listed", ["targets", "sections", "responsibilities"])
def test_a_plan_json_at_the_entries_limit_is_read(listed: str, extracted_plan: dict, tmp_path: Path):
    check_plan_entries(tmp_path / "plan.json", _plan_json_grown(extracted_plan, listed, MAX_PLAN_ENTRIES))


def _plan_json_with_a_long_list(extracted: dict, where: str, count: int) -> dict:
    """A copy of an extracted plan one of whose lists holds ``count`` copies of one short entry."""
    grown = json.loads(json.dumps(extracted))
    if where == "table rows":
        grown["tables"] = [{"header": ["指标"], "rows": [["x"]] * count}]
    elif where == "warnings":
        grown["warnings"] = [{"message": "x"}] * count
    else:  # a target's headings
        grown["targets"][0]["headings"] = ["x"] * count
    return grown


def test_a_plan_json_whose_tables_hold_as_many_rows_and_cells_as_the_limit_is_read(extracted_plan: dict, tmp_path: Path):
    check_plan_entries(tmp_path / "plan.json", _plan_json_with_a_long_list(extracted_plan, "table rows", MAX_TABLE_CELLS - 1))  # and its header


_TOO_MANY_ENTRIES = "a plan of more than {:,} {}; planparse reads plans of at most {:,} of each"
_TOO_MANY_CELLS = f"tables of more than {MAX_TABLE_CELLS:,} rows and cells; planparse reads plans whose tables hold at most {MAX_TABLE_CELLS:,}"
_TOO_MANY_VALUES = (f"the JSON holds more than {MAX_JSON_VALUES:,} values; planparse reads JSON files of at most {MAX_JSON_VALUES:,} "
                    "(strings, numbers, lists and objects, and the names in objects)")


@pytest.mark.parametrize(("command", "grow", "problem"), [
    *(pytest.param(command, lambda plan, listed=listed: _plan_json_grown(plan, listed, MAX_PLAN_ENTRIES + 1),
                   _TOO_MANY_ENTRIES.format(MAX_PLAN_ENTRIES, listed, MAX_PLAN_ENTRIES), id=listed)
      for command, listed in [("compare", "targets"), ("diff", "sections"), ("report", "responsibilities")]),
    *(pytest.param(command, lambda plan, where=where: _plan_json_with_a_long_list(plan, where, MAX_JSON_VALUES), _TOO_MANY_VALUES, id=where)
      for command, where in [("compare", "table rows"), ("diff", "warnings"), ("report", "a target's headings")]),
    pytest.param("compare", lambda plan: _plan_json_with_a_long_list(plan, "table rows", MAX_TABLE_CELLS), _TOO_MANY_CELLS, id="table cells"),
])
def test_a_plan_json_holding_more_than_any_plan_is_refused_before_it_is_read(
        command: str, grow: Callable[[dict], dict], problem: str, extracted_plan: dict, tmp_path: Path):
    """A crafted file of 200,000 targets (80 MB, under the size limit) took compare 29 s and 1 GB: each entry read
    into the plan's models costs some 5 KB; one of 2,000,000 one-cell table rows (14 MB) 11 s and 706 MB, and a
    target's headings and the plan's warnings were as unbounded. The largest plans we know of hold under a hundred
    targets, headings or responsibilities, and write 16,497 values."""
    crafted, plain = tmp_path / "crafted.json", tmp_path / "plain.json"
    crafted.write_text(json.dumps(grow(extracted_plan), ensure_ascii=False), encoding="utf-8")
    plain.write_text(json.dumps(extracted_plan, ensure_ascii=False), encoding="utf-8")
    run, peak_kb = run_measuring_memory([sys.executable, "-m", "planparse", command, str(plain), str(crafted)], timeout=20)
    if command == "diff":
        assert run.returncode == EXIT_ERROR and run.stdout == ""
    else:  # the plain plan compared without it
        assert run.returncode == EXIT_SOME_FAILED and "plain" in run.stdout
    assert run.stderr == f"planparse: {crafted}: {problem}\n"
    assert peak_kb < 300_000


def test_a_text_whose_tables_hold_more_rows_and_cells_than_the_limit_is_refused_in_one_line(tmp_path: Path):
    """Extraction writes no table compare could not read back: a plan JSON of 1,000,000 one-cell rows passed the limit
    of values and took compare 381 MB. A table of 20,001 rows of ten cells (a statistical annex, no plan's: the largest
    we know of has 651 rows) is refused as its JSON would be."""
    stems = "甲乙丙丁戊己庚辛壬癸"
    rows = "\n".join("\t".join(f"数据{stem}" for stem in stems) for _ in range(20_001))
    plan = tmp_path / "annex.txt"
    plan.write_text(f"某市统计资料\n\n一、数据\n{chr(9).join(f'项目{stem}' for stem in stems)}\n{rows}\n", encoding="utf-8")
    run = run_planparse("extract", str(plan))
    assert (run.returncode, run.stdout, run.stderr) == (EXIT_ERROR, "", f"planparse: {plan}: {_TOO_MANY_CELLS}\n")


def _json_values(value: object) -> int:
    """As json.loads makes them: the value, each item of a list, each member of an object and its name."""
    if isinstance(value, dict):
        return 1 + sum(1 + _json_values(item) for item in value.values())
    if isinstance(value, list):
        return 1 + sum(map(_json_values, value))
    return 1


_JSON_TEXTS = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
                           | st.text(alphabet=' ,[]{}":\\ab指标', max_size=6),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(alphabet=',[]{}"\\a', max_size=3), inner, max_size=4))


@settings(max_examples=300)
@given(value=_JSON_TEXTS, indent=st.sampled_from([None, 1]))
def test_the_values_of_a_json_text_are_counted_as_json_loads_makes_them(value: object, indent: int | None):
    """Counted on the bytes, before they are parsed: commas, brackets and quotes inside strings, escaped or not, are
    text; an empty list or object holds nothing."""
    data = json.dumps(value, indent=indent, ensure_ascii=False).encode("utf-8")
    count = _json_values(value)
    assert json_values_past(data, count - 1) and not json_values_past(data, count)


def test_a_plan_json_at_the_values_limit_is_read(extracted_plan: dict):
    plan = _plan_json_with_a_long_list(extracted_plan, "table rows", 0)
    rows = (MAX_JSON_VALUES - _json_values(plan)) // 2  # a row and its cell
    plan["tables"][0]["rows"] = [["x"]] * rows
    values = _json_values(plan)
    data = json.dumps(plan, ensure_ascii=False).encode("utf-8")
    assert values >= MAX_JSON_VALUES - 1 and not json_values_past(data, MAX_JSON_VALUES) and json_values_past(data, values - 1)


def _sample_docx_without(folder: Path, part: str) -> Path:
    plan = folder / "plan.docx"
    with zipfile.ZipFile(SAMPLES / "jieyang-2022.docx") as original, zipfile.ZipFile(plan, "w", zipfile.ZIP_DEFLATED) as broken:
        for name in original.namelist():
            if name != part:
                broken.writestr(name, original.read(name))
    return plan


_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


@pytest.mark.parametrize("make", [
    pytest.param(lambda folder: _sample_docx_with(folder, "word/_rels/document.xml.rels", 'relationships">',
                                                  f'<Relationship Id="rId99" Type="{_IMAGE}" Target="media/image1.png"/>'),
                 id="image-not-in-the-file"),
    pytest.param(lambda folder: _sample_docx_with(folder, "_rels/.rels", 'relationships">',
                                                  f'<Relationship Id="rId99" Type="{_IMAGE}" Target="/docProps/thumbnail.jpeg"/>'),
                 id="thumbnail-not-in-the-file"),
    pytest.param(lambda folder: _sample_docx_without(folder, "word/webSettings.xml"), id="settings-part-left-out"),
    # a package's names are alike whatever their case, as Word reads them: the main part named in another case
    pytest.param(lambda folder: _sample_docx_changed(folder, "_rels/.rels", lambda rels: rels.replace('Target="word/document.xml"',
                                                                                                    'Target="Word/Document.xml"')),
                 id="main-part-named-in-another-case"),
    pytest.param(lambda folder: _sample_docx_renamed(folder, "word/document.xml", "WORD/Document.XML"), id="main-part-held-in-another-case"),
])
def test_a_docx_whose_relationship_names_a_part_it_does_not_hold_is_read_as_word_opens_it(make, tmp_path: Path):
    """It was refused as not a valid DOCX: python-docx stops at the first part it cannot find."""
    expected = [line.text for line in read_document(SAMPLES / "jieyang-2022.docx").lines]
    assert [line.text for line in read_document(make(tmp_path)).lines] == expected


_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def test_a_docx_whose_relationships_point_outside_it_is_read_fetching_nothing(tmp_path: Path):
    """A template, a linked picture, a sub-document and a hyperlink on a server and on disk (TargetMode External, as
    Word writes them): a reader that followed one would call home or read a file the plan names. Already so."""
    import socket

    with socket.create_server(("127.0.0.1", 0)) as server:
        url = f"http://127.0.0.1:{server.getsockname()[1]}"
        outside = "".join(f'<Relationship Id="rIdOut{number}" Type="{_RELATIONSHIPS}/{kind}" Target="{target}" TargetMode="External"/>'
                          for number, (kind, target) in enumerate([("attachedTemplate", f"{url}/normal.dotm"), ("image", f"{url}/seal.png"),
                                                                   ("subDocument", "file:///etc/passwd"), ("hyperlink", f"{url}/x")]))
        plan = _sample_docx_with(tmp_path, "word/_rels/document.xml.rels", 'relationships">', outside)
        run = run_planparse("extract", str(plan), "-o", str(tmp_path / "out.json"), timeout=120)
        server.setblocking(False)
        with pytest.raises(BlockingIOError):
            server.accept()  # no one called
    assert run.returncode == 0 and run.stderr == ""
    assert json.loads((tmp_path / "out.json").read_bytes())["targets"] == json.loads(document_json(extract(SAMPLES / "jieyang-2022.docx")))["targets"]


def test_a_pdf_of_as_many_empty_pages_as_planparse_reads_is_refused_as_holding_no_text(tmp_path: Path):
    """5,000 pages drawing nothing (600 KB): each page is loaded and surveyed, then one line. Already so."""
    import pypdfium2 as pdfium

    from planparse.limits import MAX_PDF_PAGES

    empty = pdfium.PdfDocument.new()
    for _ in range(MAX_PDF_PAGES):
        empty.new_page(595, 842)
    empty.save(tmp_path / "empty.pdf")
    run = run_planparse("extract", str(tmp_path / "empty.pdf"), "-o", str(tmp_path / "out.json"), timeout=120)
    assert (run.returncode, run.stdout, run.stderr) == (EXIT_ERROR, "", f"planparse: {tmp_path / 'empty.pdf'}: the document has no text\n")
    assert not (tmp_path / "out.json").exists()


def test_a_docx_without_its_main_document_part_is_refused_saying_so(tmp_path: Path):
    plan = _sample_docx_without(tmp_path, "word/document.xml")
    run = run_planparse("extract", str(plan))
    assert run.returncode == EXIT_ERROR
    assert run.stderr == f"planparse: {plan}: not a valid DOCX file (its main part, word/document.xml, is missing)\n"


@pytest.mark.parametrize(("sample", "form"), [(SAMPLES / "jieyang-2022.docx", "DOCX"), (SAMPLES / "jinjiang-2022.ofd", "OFD"),
                                               (DATA / "odt" / "jieyang-2022.odt", "ODT"), (DATA / "xlsx" / "lanshan-tuoyu-fengong.xlsx", "XLSX")])
@pytest.mark.parametrize("rename", [str, str.upper, lambda name: name.title().replace(".Xml", ".XML")], ids=["same", "upper", "title"])
def test_a_package_holding_a_part_twice_is_refused_naming_it(sample: Path, form: str, rename: Callable[[str], str], tmp_path: Path):
    # zipfile reads a name's last copy: a second main part holding other words was read as the plan, where a reader
    # taking the first shows the plan; a copy named alike but for its case (WORD/Document.XML) was read silently, the
    # first copy's words (OPC calls the two one name; a reader folding case may take the second)
    plan = tmp_path / sample.name
    with zipfile.ZipFile(sample) as original, zipfile.ZipFile(plan, "w", zipfile.ZIP_DEFLATED) as crafted:
        for name in original.namelist():
            crafted.writestr(name, original.read(name))
        main = max(original.infolist(), key=lambda part: part.file_size).filename
        second = rename(main)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns of a name written twice
            crafted.writestr(second, original.read(main).replace("2025".encode(), "2035".encode()))
    once = "" if second == main else f", once as {main}"
    run = run_planparse("extract", str(plan))
    assert run.returncode == EXIT_ERROR and run.stderr == (
        f"planparse: {plan}: {second} is held twice{once} (no office program writes a part twice, and readers take either copy); "
        f"planparse reads {form} files holding each part once\n")


def test_a_package_holding_names_alike_but_for_letters_past_ascii_is_read(tmp_path: Path):
    # OPC compares names as ASCII whatever their case: Straße.xml and STRASSE.xml are two (str.casefold made them one)
    plan = tmp_path / "plan.docx"
    with zipfile.ZipFile(SAMPLES / "jieyang-2022.docx") as original, zipfile.ZipFile(plan, "w", zipfile.ZIP_DEFLATED) as crafted:
        for name in original.namelist():
            crafted.writestr(name, original.read(name))
        crafted.writestr("customXml/Straße.xml", "<a/>")
        crafted.writestr("customXml/STRASSE.xml", "<b/>")
    run = run_planparse("extract", str(plan))
    assert run.returncode == 0 and run.stderr == ""


@pytest.mark.skipif(shutil.which("zip") is None, reason="Info-ZIP's zip encrypts the part")
@pytest.mark.parametrize(("sample", "form", "main"), [(SAMPLES / "jieyang-2022.docx", "DOCX", "word/document.xml"),
                                                       (DATA / "odt" / "jieyang-2022.odt", "ODT", "content.xml")])
def test_a_package_whose_part_a_zip_password_encrypts_is_refused_saying_so(sample: Path, form: str, main: str, tmp_path: Path):
    # was "not a valid DOCX file (truncated or corrupt)": zipfile's "password required" read as damage
    unpacked, plan = tmp_path / "parts", tmp_path / sample.name
    with zipfile.ZipFile(sample) as original:
        original.extractall(unpacked)
    subprocess.run(["zip", "-q", "-r", str(plan), "."], cwd=unpacked, check=True)
    subprocess.run(["zip", "-q", "-e", "-P", "secret", str(plan), main], cwd=unpacked, check=True)  # the main part replaced, encrypted
    run = run_planparse("extract", str(plan))
    assert (run.returncode, run.stdout) == (EXIT_ERROR, "") and run.stderr == (
        f"planparse: {plan}: {main} is encrypted by a password set on the zip (no office program encrypts a {form} so, and none opens it); "
        "unzip it with the password and zip its parts again without one\n")


def test_a_docx_cell_spanning_millions_of_columns_is_read_as_words_widest_table(tmp_path: Path):
    cell = '<w:tc><w:tcPr><w:gridSpan w:val="100000000"/></w:tcPr><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>'
    table = "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid>" + "".join(
        f"<w:tr>{cell.format('指标')}{cell.format(row)}</w:tr>" for row in range(3)) + "</w:tbl>"
    plan = _sample_docx_with(tmp_path, "word/document.xml", "<w:body>", table)
    run = run_planparse("extract", str(plan), timeout=120)  # memory exhausted before
    assert run.returncode == 0, run.stderr


def test_a_symbolic_link_loop_is_named_as_such(tmp_path: Path):
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    run = run_planparse("extract", str(tmp_path / "a.txt"))
    assert run.returncode == EXIT_ERROR
    assert run.stderr == f"planparse: {tmp_path / 'a.txt'}: a symbolic link to nothing, or in a loop\n"


def test_a_batch_into_its_own_input_folder_is_refused_saying_so(tmp_path: Path):
    (tmp_path / "plan.txt").write_bytes((SAMPLES / "jieyang-2022.txt").read_bytes())
    run = run_planparse("batch", str(tmp_path), "-o", str(tmp_path), "-q")  # said there were no documents
    assert run.returncode == EXIT_ERROR
    assert run.stderr == f"planparse: {tmp_path}: the output folder is the input folder; choose another (a subfolder will do)\n"
    assert [path.name for path in tmp_path.iterdir()] == ["plan.txt"]


@pytest.mark.parametrize(("command", "name"), [("extract", "plan.txt"), ("explain", "plan.txt"), ("diff", "old.json"), ("compare", "plan.txt")])
def test_a_named_pipe_no_one_writes_to_is_refused_at_once_saying_what_it_is(command: str, name: str, tmp_path: Path):
    fifo = tmp_path / name
    os.mkfifo(fifo)
    run = run_planparse(command, str(fifo), *([] if command in ("extract", "explain") else [str(SAMPLES / "jieyang-2022.txt")]), timeout=20)
    # compare says it and lines up the other plan
    assert (run.returncode, bool(run.stdout)) == ((EXIT_SOME_FAILED, True) if command == "compare" else (EXIT_ERROR, False))
    assert run.stderr == f"planparse: {fifo}: is a named pipe (FIFO), not a file; to read what is written into it, give it as standard input: - < {fifo}\n"


def _plant(path: Path, planted: str) -> None:
    if planted == "named pipe":
        os.mkfifo(path)
    elif planted == "link to /dev/zero":
        path.symlink_to("/dev/zero")
    else:
        path.write_bytes(b"rules: []\n# \xb9\xe6\xbb\xae (GBK)\n")


@pytest.mark.parametrize("command", ["extract", "batch"])
@pytest.mark.parametrize(("planted", "problem"), [
    ("named pipe", "cannot read rule file (it is no file: a named pipe or a device)"),
    ("link to /dev/zero", "cannot read rule file (it is no file: a named pipe or a device)"),
    ("text not UTF-8", "cannot read rule file (not UTF-8 text: byte 13 is 0xb9)"),
])
def test_a_rule_file_that_is_no_file_or_no_utf_8_text_is_refused_in_one_line(command: str, planted: str, problem: str, tmp_path: Path):
    """A named pipe among a user's rule files held the command up for ever, a link to /dev/zero filled its memory,
    and a file saved in GBK was an internal error (UnicodeDecodeError)."""
    plans, rules = tmp_path / "plans", tmp_path / "rules"
    plans.mkdir()
    rules.mkdir()
    shutil.copy(SAMPLES / "jieyang-2022.txt", plans / "plan.txt")
    _plant(rules / "mine.yaml", planted)
    arguments = [str(plans / "plan.txt")] if command == "extract" else [str(plans), "-o", str(tmp_path / "out"), "-q"]
    run = run_planparse(command, *arguments, "--rules", str(rules), timeout=30, address_space=2**30)
    assert run.returncode == EXIT_ERROR and run.stdout == ""
    assert run.stderr == f"planparse: {rules / 'mine.yaml'}: {problem}\n"


@pytest.mark.parametrize("command", ["extract", "batch"])
@pytest.mark.parametrize("target", ["rules", "gone"], ids=["loop", "to-nothing"])
def test_a_rules_folder_that_is_a_link_in_a_loop_or_to_nothing_is_named_as_such(command: str, target: str, tmp_path: Path):
    """click said the folder does not exist, as if nothing stood there."""
    rules = tmp_path / "rules"
    rules.symlink_to(target)
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(SAMPLES / "jieyang-2022.txt", plans / "plan.txt")
    arguments = [str(plans / "plan.txt")] if command == "extract" else [str(plans), "-o", str(tmp_path / "out")]
    run = run_planparse(command, *arguments, "--rules", str(rules), timeout=30)
    assert (run.returncode, run.stdout) == (EXIT_ERROR, "") and run.stderr == (
        f"planparse {command}: Invalid value for '--rules': {str(rules)!r} is a symbolic link to nothing, or in a loop (see planparse {command} --help)\n")


@pytest.mark.parametrize(("path", "kind"), [("/dev/null", "a character device"), ("/dev/zero", "a character device")])
def test_a_device_named_as_a_plan_is_refused_saying_what_it_is(path: str, kind: str):
    run = run_planparse("extract", path, timeout=20)
    assert run.returncode == EXIT_ERROR and run.stderr == f"planparse: {path}: is {kind}, not a document\n"


def test_a_socket_named_as_a_plan_is_refused_saying_what_it_is(tmp_path: Path):
    import socket

    path = tmp_path / "plan.txt"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        run = run_planparse("extract", str(path), timeout=20)
    assert run.returncode == EXIT_ERROR and run.stderr == f"planparse: {path}: is a socket, not a document\n"


def test_a_plan_handed_over_by_process_substitution_or_as_dev_stdin_is_read():
    plan = SAMPLES / "jieyang-2022.txt"
    by_file = run_planparse("extract", str(plan)).stdout
    substituted = subprocess.run(["bash", "-c", f'"$0" -m planparse extract <(cat "$1")', sys.executable, str(plan)],
                                 capture_output=True, text=True, timeout=600)  # a guard against a hang only
    assert substituted.returncode == 0, substituted.stderr
    with plan.open("rb") as stream:
        as_stdin = run_planparse("extract", "/dev/stdin", stdin=stream)
    for run in (substituted, as_stdin):
        assert run.returncode == 0, run.stderr
        assert json.loads(run.stdout)["targets"] == json.loads(by_file)["targets"]


@pytest.mark.parametrize(("part", "opening", "level", "inner"), [
    pytest.param("word/document.xml", "<w:body>", ("<w:hyperlink>", "</w:hyperlink>"), "<w:r><w:t>到2025年</w:t></w:r>", id="links-in-links"),
    pytest.param("word/document.xml", "<w:body>", ("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>"), "<w:p/>", id="tables-in-tables"),
    pytest.param("word/numbering.xml", '<w:abstractNum w:abstractNumId="0">', ("<w:x>", "</w:x>"), "", id="numbering"),
])
def test_a_docx_part_nested_deeper_than_the_parser_reads_is_refused_naming_the_part(part: str, opening: str, level: tuple[str, str],
                                                                                    inner: str, tmp_path: Path):
    """It was 'not a valid DOCX file (truncated or corrupt)': it is whole, only too deep."""
    nested = level[0] * 300 + inner + level[1] * 300
    plan = _sample_docx_with(tmp_path, part, opening, nested if part == "word/numbering.xml" else f"<w:p>{nested}</w:p>")
    run = run_planparse("extract", str(plan))
    assert run.returncode == EXIT_ERROR and run.stdout == ""
    assert run.stderr == f"planparse: {plan}: {part}, line 2: elements nested more than 256 deep; planparse reads DOCX parts nested at most 256 deep\n"


# Entities each ten of the one before: the last expands to a billion characters.
_ENTITY_BOMB = "<!DOCTYPE bomb [<!ENTITY a0 \"ha\">" + "".join(f'<!ENTITY a{level} "{f"&a{level - 1};" * 10}">' for level in range(1, 10)) + "]>"


def _after_root_opened(content: str, inserted: str) -> str:
    """``content`` (a part's XML) with ``inserted`` first in its root element."""
    root_opened = content.index(">", content.index("?>") + 2) + 1
    return content[:root_opened] + inserted + content[root_opened:]


@pytest.mark.parametrize(("part", "opening", "filler", "closing"), [
    pytest.param("word/document.xml", "<w:p><w:r><w:t>", "教", "</w:t></w:r></w:p>", id="text"),  # 3 bytes of UTF-8 a character
    pytest.param("word/styles.xml", "<!--", "x", "-->", id="comment"),
    pytest.param("word/numbering.xml", '<w:x w:val="', "x", '"/>', id="attribute"),
])
def test_a_docx_part_with_a_run_longer_than_the_parser_reads_is_refused_naming_the_part(part: str, opening: str, filler: str,
                                                                                       closing: str, tmp_path: Path):
    """It was 'not a valid DOCX file (truncated or corrupt)': it is whole, only longer than the parser reads."""
    long_run = opening + filler * (11_000_000 // len(filler.encode())) + closing
    plan = _sample_docx_changed(tmp_path, part, lambda content: _after_root_opened(content, "\n" + long_run))
    run = run_planparse("extract", str(plan), timeout=120)
    assert run.returncode == EXIT_ERROR and run.stdout == ""
    assert run.stderr == (f"planparse: {plan}: {part}, line 3: a run of more than 10,000,000 bytes with no tag in it (text, a comment "
                          "or an attribute's value); planparse reads DOCX parts whose runs are at most 10,000,000 bytes\n")


def _using_entity_bomb(content: str) -> str:
    """``content`` (a part's XML) declaring the bomb after its XML declaration, and using it in its first element."""
    using = _after_root_opened(content, "&a9;")
    declared = using.index("?>") + 2
    return using[:declared] + _ENTITY_BOMB + using[declared:]


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml", "word/numbering.xml", "docProps/core.xml"])
def test_a_docx_part_using_an_entity_bomb_is_refused_naming_the_part(part: str, tmp_path: Path):
    """Entities are never expanded; a part using one past what the parser allows was 'not a valid DOCX file
    (truncated or corrupt)'."""
    plan = _sample_docx_changed(tmp_path, part, _using_entity_bomb)
    run = run_planparse("extract", str(plan), timeout=120)
    assert run.returncode == EXIT_ERROR and run.stdout == ""
    assert run.stderr == (f"planparse: {plan}: {part}, line 1: entities that expand past what the parser allows (an XML bomb); "
                          "planparse reads DOCX parts whose entities expand at most fivefold\n")


def test_a_docx_naming_an_external_entity_reads_nothing_of_what_it_names(tmp_path: Path):
    """An entity declared SYSTEM "file:///…" (XXE), used at the end of the notice's first run of text: had the parser
    resolved it, a file of the machine that extracts would be read into the plan's title and its JSON."""
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-OF-THE-MACHINE", encoding="utf-8")

    def using_external_entity(content: str) -> str:
        declared = content.index("?>") + 2
        declaration = f'<!DOCTYPE w:document [<!ENTITY outside SYSTEM "{secret.as_uri()}">]>'
        return content[:declared] + declaration + content[declared:].replace("</w:t>", "&outside;</w:t>", 1)

    plan = _sample_docx_changed(tmp_path, "word/document.xml", using_external_entity)
    run = run_planparse("extract", str(plan), timeout=120)
    assert run.returncode == 0, run.stderr
    assert "SECRET" not in run.stdout
    assert json.loads(run.stdout)["metadata"]["notice_title"] == "揭阳市人民政府关于印发揭阳市全民科学素质行动规划纲要实施方案(2022-2025年)的通知"


_NOTICE_TITLE = "揭阳市人民政府关于印发揭阳市全民科学素质行动规划纲要实施方案(2022-2025年)的通知"


@pytest.mark.parametrize(("sample", "part", "written", "changed", "shown"), [
    # a comment, which no office program writes but a generator may
    pytest.param(SAMPLES / "jieyang-2022.docx", "word/document.xml", "科学素质行动", "科学素质<!-- 注 -->行动", _NOTICE_TITLE, id="docx-comment"),
    # an entity of the DTD, unresolved: the text after it is the notice's all the same
    pytest.param(SAMPLES / "jieyang-2022.docx", "word/document.xml", "科学素质行动", "科学素质&act;行动", _NOTICE_TITLE, id="docx-entity"),
    pytest.param(SAMPLES / "jinjiang-2022.ofd", "Doc_0/Pages/Page_0/Content.xml", "科学素质行动", "科学素质<?pi?>行动",
                 "晋江市人民政府办公室关于印发晋江市全民科学素质行动规划纲要实施方案（2021—2025年）的通知", id="ofd-instruction"),
])
def test_a_node_inside_a_run_of_text_loses_none_of_the_text_after_it(tmp_path: Path, sample: Path, part: str, written: str, changed: str, shown: str):
    """A run of text read as its text alone (lxml's ``.text``) stopped at the first node inside it: 揭阳's notice title
    was cut at 科学素质, and no longer read as one."""
    def with_node(content: str) -> str:
        declared = content.index("?>") + 2
        return content[:declared] + '<!DOCTYPE root [<!ENTITY act "">]>' + content[declared:].replace(written, changed, 1)

    run = run_planparse("extract", str(_sample_docx_changed(tmp_path, part, with_node, sample)), timeout=120)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["metadata"]["notice_title"] == shown


def test_a_comment_inside_a_spreadsheet_cell_loses_none_of_its_text(tmp_path: Path):
    plan = _sample_docx_changed(tmp_path, "xl/sharedStrings.xml", lambda content: content.replace("青少年科学素质", "青少年<!-- 注 -->科学素质", 1),
                                DATA / "xlsx" / "qingcheng-2021-fengong.xlsx")
    run = run_planparse("extract", str(plan), timeout=120)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["responsibilities"][0]["heading"] == "实施青少年科学素质提升行动"


def _odt_of(content: str) -> bytes:
    written = io.BytesIO()
    with zipfile.ZipFile(written, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return written.getvalue()


_ODT_CONTENT = ('<?xml version="1.0" encoding="UTF-8"?>\n{}<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>\n'
                "<text:p>到2025年，全市学前教育普及率达到95%。</text:p><text:p>{}</text:p></office:text></office:body></office:document-content>")


@pytest.mark.parametrize(("declared", "used", "line", "problem"), [
    pytest.param("", "教" * 3_500_000, 3, "a run of more than 10,000,000 bytes with no tag in it (text, a comment or an attribute's value); "
                 "planparse reads ODT parts whose runs are at most 10,000,000 bytes", id="long-text"),
    pytest.param(_ENTITY_BOMB, "&a9;", 1, "entities that expand past what the parser allows (an XML bomb); planparse reads ODT parts "
                 "whose entities expand at most fivefold", id="entity-bomb"),
])
def test_an_odt_part_the_parser_stops_reading_at_one_of_its_limits_is_refused_naming_the_part(declared: str, used: str, line: int,
                                                                                             problem: str, tmp_path: Path):
    """It was 'not a valid ODT file (content.xml is damaged)': it is whole, only too long, or a bomb."""
    plan = tmp_path / "plan.odt"
    plan.write_bytes(_odt_of(_ODT_CONTENT.format(declared, used)))
    run = run_planparse("extract", str(plan), timeout=120)
    assert run.returncode == EXIT_ERROR and run.stdout == ""
    assert run.stderr == f"planparse: {plan}: content.xml, line {line}: {problem}\n"


def _numbered_docx(level_xml: str) -> bytes:
    from test_readers import numbered_document

    return numbered_document(level_xml, '<w:num w:numId="77"><w:abstractNumId w:val="77"/></w:num>',
                             [("总体要求", "77", 0), ("到2025年，城乡居民健康素养水平达到30%。", None, 0)])


def _level(fmt: str, start: str, ilvl: str = "0") -> str:
    return f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1、"/></w:lvl>'


@pytest.mark.parametrize(("level_xml", "marker"), [
    pytest.param(_level("chineseCounting", "-5"), "一、", id="negative-start"),  # wrote Chinese numerals for ever
    pytest.param(_level("lowerLetter", str(10**11)), "a、", id="start-of-a-hundred-billion-letters"),  # 3.8e9 letters
    pytest.param(_level("decimalFullWidth", "9" * 5000), "１、", id="start-of-5000-digits"),  # past what int() reads
    pytest.param(_level("decimal", "x1"), "1、", id="start-that-is-no-number"),
    pytest.param(_level("decimal", "1", ilvl="99999999"), "", id="level-word-has-not"),
])
def test_a_docx_list_numbered_past_what_word_shows_is_read_as_numbered_from_one(level_xml: str, marker: str, tmp_path: Path):
    plan = tmp_path / "plan.docx"
    plan.write_bytes(_numbered_docx(level_xml))
    run = run_planparse("extract", str(plan), timeout=120)
    assert run.returncode == 0, run.stderr
    from planparse.readers.docx import read_docx

    lines, _tables = read_docx(plan, plan.read_bytes())
    assert lines[0].text == f"{marker}总体要求"


def test_a_docx_whose_styles_are_based_on_each_other_in_a_circle_is_read(tmp_path: Path):
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    first, second = (document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH) for name in ("PlanA", "PlanB"))
    first.base_style, second.base_style = second, first
    document.add_paragraph("一、总体要求", style=first)
    document.add_paragraph("到2025年，全市森林覆盖率达到45%。", style=second)
    plan = tmp_path / "plan.docx"
    document.save(plan)
    run = run_planparse("extract", str(plan), timeout=120)
    assert run.returncode == 0, run.stderr
    assert [target["value"] for target in json.loads(run.stdout)["targets"]] == [45]


@pytest.mark.parametrize("nesting", [
    pytest.param("<div>" * 300 + "<p>其他</p>" + "</div>" * 300, id="closed"),
    pytest.param("<div><span>" * 5000, id="never-closed"),
    pytest.param("<table><tr><td>" * 300, id="tables-in-cells"),
])
def test_a_web_page_nested_deeper_than_the_parser_reads_is_refused_saying_so(nesting: str, tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text(_PAGE.format(nesting), encoding="utf-8")  # the parser stopped there, and the whole page was lost
    run = run_planparse("extract", str(page), timeout=120)
    assert run.returncode == EXIT_ERROR
    assert run.stderr == f"planparse: {page}: line 1: elements nested more than 256 deep; planparse reads web pages nested at most 256 deep\n"


_SLOPPY_PLAN = ["某县教育和水利民生实事方案", "一、工作目标", "到2025年，全县新建中小学校3所，改造病险水库8座。", "二、重点任务",
                *(f"（{n}）第{n}项任务。每年开展培训{n}次。" for n in range(1, 10)), "三、保障措施",
                *(f"{n}.各乡镇要落实第{n}项措施。" for n in range(1, 300))]
_SLOPPY_TARGETS = [(3, "所"), (8, "座"), *((n, "次") for n in range(1, 10))]
_UNCLOSED_FONT = '<p><font face="仿宋_GB2312">{}'


def _extracted_pages(bodies: list[str], tmp_path: Path) -> list[dict]:
    """What planparse gives for a web page of each body, as a command."""
    read = []
    for number, body in enumerate(bodies):
        page = tmp_path / f"page-{number}.html"
        page.write_text(f'<html><head><meta charset="utf-8"><title>{_SLOPPY_PLAN[0]}</title></head><body>{body}</body></html>',
                        encoding="utf-8")
        run = run_planparse("extract", str(page), timeout=120)
        assert run.returncode == 0, run.stderr
        read.append(json.loads(run.stdout))
    return read


def _closed(lines: list[str]) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


def _targets(document: dict) -> list[tuple[float, str]]:
    return [(target["value"], target["unit"]) for target in document["targets"]]


@pytest.mark.parametrize("opened", [_UNCLOSED_FONT, '<font face="仿宋_GB2312">{}<br>', '<p><span style="font-size:16pt"><b>{}'],
                         ids=["font-in-paragraphs", "font-and-breaks", "span-and-bold"])
def test_a_web_page_opening_a_formatting_element_on_each_paragraph_and_never_closing_it_is_read_as_its_closed_twin(opened: str, tmp_path: Path):
    """An old site's page opening <font> on every paragraph and never closing it shows every paragraph in a browser (it
    keeps at most three alike open); libxml2 nested them, and a plan of three hundred paragraphs passed its depth: the
    page was refused as nested more than 256 deep. Read without them, it gives what its closed twin gives."""
    read = _extracted_pages(["".join(opened.format(line) for line in _SLOPPY_PLAN), _closed(_SLOPPY_PLAN)], tmp_path)
    assert _targets(read[0]) == _targets(read[1]) == _SLOPPY_TARGETS
    assert [len(document["sections"][2]["children"]) for document in read] == [299, 299]


@pytest.mark.parametrize("hidden", ['<span style="display:none">{}</span>', '<span style="visibility: hidden">{}</span>',
                                    '<font style="font-size:0px">{}</font>', '<b style="DISPLAY: NONE">{}</b>',
                                    '<span style="color:#fff">{}</span>'],
                         ids=["display-none", "visibility-hidden", "font-size-0", "bold-display-none", "white-on-white"])
def test_text_a_sloppy_pages_closed_elements_hide_stays_out_when_its_unclosed_ones_are_left_out(hidden: str, tmp_path: Path):
    """The lead's read of the fallback above: it left out every formatting tag, and with them their styles, so the
    keywords a page hides for search engines (到2025年，建成公园777个。 in a closed <span style="display:none">) were read
    as the plan's. Only the tags left unclosed go: what a closed one hides stays out, as on a page read whole."""
    keywords = ["到2025年，建成城市公园777个。", "全县新增养老床位888张。"]  # urban greening, elderly care
    lines = [*_SLOPPY_PLAN[:3], hidden.format(keywords[0]), *_SLOPPY_PLAN[3:40], hidden.format(keywords[1]), *_SLOPPY_PLAN[40:]]
    read = _extracted_pages(["".join(_UNCLOSED_FONT.format(line) for line in lines), _closed(lines)], tmp_path)
    assert _targets(read[0]) == _targets(read[1]) == _SLOPPY_TARGETS


@pytest.mark.parametrize("hidden", ['<p><span style="display:none">{}</p>', '<p><font style="visibility:hidden">{}',
                                    '<div><b hidden>{}</div>', '<p><font color="#ffffff">{}</p>',
                                    '<div style="background-color:#eeeeee"><span style="color:#eee">{}</div>'],
                         ids=["ended-by-its-paragraph", "never-closed", "hidden-attribute", "white-font-ended-by-its-paragraph",
                              "colour-of-its-block-background"])
def test_text_a_sloppy_pages_unclosed_element_hides_stays_out_to_the_end_of_its_block(hidden: str, tmp_path: Path):
    """The second reader's X12: on the same fallback, a hiding element closed by its paragraph's </p> alone, or never,
    was left out with its style, and the text it hides read (<p><span style="display:none">到2025年，建成城市公园888个。</p>
    → 888 个 a target). It is closed where its block ends, as the parser's implied end tags close it, and its text stays
    out; the paragraphs after it are read (parks, elderly care)."""
    keywords = ["到2025年，建成城市公园888个。", "全县新增养老床位999张。"]
    opened = [_UNCLOSED_FONT.format(line) for line in _SLOPPY_PLAN]
    (read,) = _extracted_pages(["".join([*opened[:3], hidden.format(keywords[0]), *opened[3:40], hidden.format(keywords[1]),
                                          *opened[40:]])], tmp_path)
    assert _targets(read) == _SLOPPY_TARGETS
    assert len(read["sections"][2]["children"]) == 299


@pytest.mark.parametrize("elements", ["<b></b>", "<div><i></i></div>"], ids=["empty", "nested-pairs"])
def test_a_web_page_of_more_elements_than_the_limit_is_refused_before_it_is_parsed(elements: str, tmp_path: Path):
    """A page of 10 MB of empty elements took 3 GB and 22 s to read (the parser, readability and the walk: some 2 KB an
    element), and a page of the file size limit would have taken ten times as much."""
    page = tmp_path / "page.html"
    page.write_text(_PAGE.format("\n" + elements * 200_000), encoding="utf-8")
    run = run_planparse("extract", str(page), timeout=120)
    assert (run.returncode, run.stderr) == (EXIT_ERROR, f"planparse: {page}: line 2: more than 200,000 elements; planparse reads web pages of at most 200,000\n")


def test_a_web_page_of_more_text_than_the_limit_is_refused_before_its_article_is_sought(tmp_path: Path, monkeypatch):
    """150,000 short paragraphs, under the elements' limit: readability and the walk took 5 s of CPU and 490 MB (90 s
    on a loaded machine) before the article's text was counted; the page's is counted as it is parsed (0.5 s)."""
    from planparse.readers import html

    monkeypatch.setattr(html, "_article", lambda root: pytest.fail("the article of a page past the limit was sought"))
    page = tmp_path / "page.html"
    page.write_text(_PAGE.format("".join(f"<p>第{number}条建成社区养老服务站十个</p>" for number in range(150_000))), encoding="utf-8")
    with pytest.raises(PlanparseError, match=r"the text has 2,738,9\d\d characters; planparse reads documents of at most 2,000,000$"):
        read_document(page)


@pytest.mark.parametrize(("opening", "filler", "closing"), [
    pytest.param("<p>", "二", "</p>", id="paragraph"),  # 3 bytes of UTF-8 a character
    pytest.param("<!--", "x", "-->", id="comment"),
    pytest.param("<script>", "x", "</script>", id="script"),
    pytest.param('<img alt="', "x", '">', id="attribute"),
])
def test_a_web_page_with_a_run_longer_than_the_parser_reads_is_refused_saying_so(opening: str, filler: str, closing: str, tmp_path: Path):
    """The parser stops at such a run and the rest of the page is lost: a page of one such paragraph said it had
    no text, and the plan's lines after a long comment or script were dropped without a word."""
    page = tmp_path / "page.html"
    long_run = opening + filler * (11_000_000 // len(filler.encode())) + closing
    page.write_text(_PAGE.format("\n" + long_run + "<p>到2027年，全市学前教育普及率达到98%。</p>"), encoding="utf-8")
    run = run_planparse("extract", str(page), timeout=120)
    assert run.returncode == EXIT_ERROR and run.stdout == ""
    assert run.stderr == (f"planparse: {page}: line 2: a run of more than 10,000,000 bytes with no tag in it (text, a comment, "
                          "a script or an attribute's value); planparse reads web pages whose runs are at most 10,000,000 bytes\n")


def test_a_web_page_of_styles_of_long_figures_is_read_in_bounded_time(tmp_path: Path):
    # readers/html.py reads each inline style for a font size too small to be read, on a page that sets one (font-size:0):
    # 500 sizes of 9,000 digits took a quarter to half a second each going back through their digits
    page = tmp_path / "page.html"
    page.write_text(_PAGE.format('<p style="font-size:0">x</p>' + f'<p style="font-size:{"1" * 9_000}x">x</p>' * 500), encoding="utf-8")
    run = run_planparse("extract", str(page), timeout=60)
    assert run.returncode == 0, run.stderr
    assert [target["value"] for target in json.loads(run.stdout)["targets"]] == [95]


def test_a_web_page_of_utf_8_declaring_utf_16_is_read_as_utf_8_as_a_browser_reads_it(tmp_path: Path):
    page = tmp_path / "page.html"
    text = _PAGE.replace("utf-8", "utf-16").format("")
    page.write_bytes((text + " " * (len(text.encode()) % 2)).encode())  # an even number of bytes: read as UTF-16, garbage
    run = run_planparse("extract", str(page), timeout=120)
    assert run.returncode == 0, run.stderr
    assert [target["value"] for target in json.loads(run.stdout)["targets"]] == [95]


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_a_markdown_file_of_lines_of_markup_characters_is_read_in_bounded_time(tmp_path: Path, suffix: str):
    # readers/markdown.py: links, images, rules, delimiter rows and closing hashes looked for in lines of 300,000 of
    # their marks; each took seconds to minutes of backtracking, quadratic in the line's length. A text file is read
    # for Markdown's headings and pipe tables too, a table run onto one line as well (readers/markdown_blocks.py)
    length = 300_000
    lines = ["某市实施方案", "[" * length, "![" * (length // 2), "-" + " -" * (length // 2) + "x", "|" + "-|" * (length // 2) + "x",
             "# " + " " * length + "x", "[x](" * (length // 4), "| 指标 | " + "|---" * (length // 16) + "x", "| |" + "| x |" * (length // 40)]
    plan = tmp_path / f"marks{suffix}"
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = run_planparse("extract", str(plan), timeout=30)
    assert run.returncode == EXIT_ERROR and run.stderr.startswith(f"planparse: {plan}: line 2: a sentence of") and run.stderr.count("\n") == 1


@pytest.mark.parametrize("line", [
    "Normal 0 " * 40_000 + "false false",  # Word's settings as a crawler keeps them (readers/crawled.py), none closed
    "style rules " * 30_000 + "{x}",  # Latin words before a brace, as a style sheet's selector
    "x {name:" + "value " * 60_000,  # a style rule never closed
    "<script>" + "x<script " * 100_000,  # scripts never closed, each body read to the next <
    "<!" * 300_000 + "'><svg/" * 100_000,  # declarations and tags never closed
    "<style>" + "<![CDATA[<script>if (a<b) {}" * 60_000,  # a style sheet and scripts never closed, each looked for once
    "<!--<svg><p>" * 80_000,  # comments and drawings never closed, each looked for once, between blocks
    "[img][url=" * 100_000 + "[*]" * 100_000,  # a forum's pictures and links never closed, list items
    "<span" + " a=b/c 'x'\"y\"" * 60_000,  # a tag's attributes never closed, values and slashes read either way
    '"><b ' * 100_000,  # values breaking out before tags never closed
])
def test_a_line_that_opens_like_a_word_pages_settings_or_style_rules_is_read_in_bounded_time(tmp_path: Path, line: str):
    # each was read again from each of its letters: 32,000 characters took 4 s, 360,000 minutes
    plan = tmp_path / "page.txt"
    plan.write_text(f"某市实施方案\n一、工作目标\n{line}\n到2025年，全市新建幼儿园12所。\n", encoding="utf-8")
    run = run_planparse("extract", str(plan), "-o", str(tmp_path / "page.json"), timeout=60)
    assert run.returncode in (0, EXIT_ERROR) and "Traceback" not in run.stderr


def test_a_text_of_a_heading_marker_on_every_line_is_read_in_bounded_time(tmp_path: Path):
    # metadata.plan_title joined the short lines under a notice again at each line to ask whether they named a plan:
    # 20,000 lines of （一） took 12 s of CPU, 450,000 (1.8 million characters, under the limit) over an hour; as many as
    # the limit on lines now
    plan = tmp_path / "markers.txt"
    plan.write_text("（一）\n" * (MAX_TEXT_LINES - 1), encoding="utf-8")
    run = run_planparse("extract", str(plan), "-o", str(tmp_path / "markers.json"), timeout=120)
    assert (run.returncode, run.stderr) == (0, f"planparse: {plan}: {NOTHING_OF_A_PLAN.message}\n")  # markers of nothing
    assert json.loads((tmp_path / "markers.json").read_bytes())["targets"] == []


def _word_document_looping(copy: Path, back_to: int) -> Path:
    """``copy``: a committed Word 97 plan whose WordDocument stream's sector ``back_to`` (0: its first) is followed by
    its first sector again in the file's allocation table."""
    import olefile

    data = bytearray((DATA / "doc" / "bochuan-yanglao-2021.doc").read_bytes())
    ole = olefile.OleFileIO(bytes(data))
    sector = next(entry for entry in ole.direntries if entry is not None and entry.name == "WordDocument").isectStart
    first = sector
    for _ in range(back_to):
        sector = ole.fat[sector]
    per_fat_sector = ole.sectorsize // 4
    fat_sector = struct.unpack_from("<I", data, 0x4C + 4 * (sector // per_fat_sector))[0]  # the header's first 109
    struct.pack_into("<I", data, ole.sectorsize * (fat_sector + 1) + 4 * (sector % per_fat_sector), first)
    copy.write_bytes(bytes(data))
    return copy


@pytest.mark.parametrize("back_to", [0, 3], ids=["first-sector-on-itself", "fourth-back-to-first"])
def test_a_word_97_document_whose_stream_sectors_run_in_a_loop_is_refused_saying_so(back_to: int, tmp_path: Path):
    """It was read round the loop: 19 lines of pieces of the plan, repeated, instead of its 54, without a word."""
    plan = _word_document_looping(tmp_path / "plan.doc", back_to)
    run = run_planparse("extract", str(plan))
    assert run.returncode == EXIT_ERROR and run.stdout == ""
    assert run.stderr == f"planparse: {plan}: not a valid Word 97-2003 document (the sectors of its WordDocument stream run in a loop)\n"


# --- control characters ------------------------------------------------------

EDUCATION_PLAN = ("某市中小学科学教育提质行动方案\n一、发展目标\n到2025年，全市中小学科学教师培训覆盖率达到100%，建成科普示范学校30所。\n"
                  "（牵头单位：市教育局）\n二、重点任务\n（一）建设科学实验室\n每年新建标准化科学实验室20间。\n")
HEALTH_PLAN = ("某县胸痛救治能力提升实施方案\n一、主要目标\n到2026年，每千人口执业（助理）医师数达到3.2人，建成胸痛中心5家。\n"
               "（责任单位：县卫生健康局）\n二、工作措施\n（一）培训基层医生\n每年培训乡村医生不少于300人次。\n")
TERMINAL_CONTROLS = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _in_colour(plan: str) -> str:
    """``plan`` as a terminal shows it coloured: a window title, bold headings, numbers in red, a line cleared."""
    coloured = regex.sub(r"\d+(?:\.\d+)?", lambda number: f"\x1b[1;31m{number.group()}\x1b[39;22m", plan)
    coloured = regex.sub(r"(?m)^([一二]、.*)$", "\x1b[1m\\1\x1b[0m", coloured)
    return "\x1b]0;plan.txt\x07\x1b[2K" + coloured.replace("（牵头", "\x1b[33m（牵头").replace("（责任", "\x1bM（责任")


def _with_stray_controls(plan: str) -> str:
    """``plan`` with the controls a copy picks up: a bell, a backspace, DEL, a form feed between pages, C1 codes."""
    strays = "\x0c\x07\x7f\x85\x9b\x08\x1f"
    return "\n".join(f"{line[:3]}{strays[index % len(strays)]}{line[3:]}" for index, line in enumerate(plan.split("\n")))


def _read_as_people_see_it(path: Path) -> tuple:
    document = extract(path)
    return ([(target.quote, target.value, target.unit, target.deadline) for target in document.targets],
            [(section.marker, section.title) for section in document.sections],
            [(entry.lead, entry.support) for entry in document.responsibilities], document.metadata.title)


@pytest.mark.parametrize("plan", [EDUCATION_PLAN, HEALTH_PLAN], ids=["education", "health"])
@pytest.mark.parametrize("controlled", [_in_colour, _with_stray_controls], ids=["in-colour", "stray-controls"])
def test_a_plan_with_terminal_colours_or_stray_controls_reads_as_its_plain_text(plan: str, controlled, tmp_path: Path):
    (tmp_path / "plain.txt").write_text(plan, encoding="utf-8")
    (tmp_path / "controlled.txt").write_text(controlled(plan), encoding="utf-8")
    plain = _read_as_people_see_it(tmp_path / "plain.txt")
    assert plain[0] and plain[2]
    assert _read_as_people_see_it(tmp_path / "controlled.txt") == plain


@pytest.mark.parametrize("plan", [EDUCATION_PLAN, HEALTH_PLAN], ids=["education", "health"])
def test_a_web_page_with_escape_sequences_in_its_text_reads_as_its_plain_copy(plan: str, tmp_path: Path):
    for name, text in (("plain", plan), ("coloured", _in_colour(plan))):
        paragraphs = "".join(f"<p>{line}</p>" for line in text.split("\n"))
        (tmp_path / f"{name}.html").write_text(f"<html><head><meta charset='utf-8'></head><body>{paragraphs}</body></html>", encoding="utf-8")
    assert _read_as_people_see_it(tmp_path / "coloured.html") == _read_as_people_see_it(tmp_path / "plain.html")


@pytest.mark.parametrize("output_format", ["json", "csv"])
def test_no_control_character_of_a_plan_reaches_the_output(output_format: str, tmp_path: Path):
    (tmp_path / "plan.txt").write_text(_with_stray_controls(_in_colour(EDUCATION_PLAN)), encoding="utf-8")
    result = run_planparse("extract", str(tmp_path / "plan.txt"), "--format", output_format)
    assert result.returncode == 0, result.stderr
    assert "30所" in result.stdout and not TERMINAL_CONTROLS.search(result.stdout.replace("\r\n", "\n"))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("到2025年建成基地5个。\n\t\x1b[]0;m\x07\x08\x0c\x7f\x85\x9b\x9c"), min_size=1, max_size=60))
def test_no_control_character_but_tab_reaches_the_lines_read(text: str):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "plan.txt").write_text("一、目标\n" + text, encoding="utf-8")
        try:
            lines = read_document(Path(folder) / "plan.txt").lines
        except PlanparseError:
            return  # refused as binary: mostly controls
    assert not any(TERMINAL_CONTROLS.search(line.text) for line in lines)
    assert len(lines) == text.count("\n") + 2  # an escape sequence never takes a line end with it


# --- stray NUL bytes ---------------------------------------------------------


@pytest.mark.parametrize("plan", [EDUCATION_PLAN, HEALTH_PLAN], ids=["education", "health"])
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
@pytest.mark.parametrize("suffix", [".txt", ".doc"])  # a site's 附件.doc that is its text
def test_a_plan_with_a_stray_nul_reads_as_its_copy_without(plan: str, encoding: str, suffix: str, tmp_path: Path):
    data = plan.encode(encoding)
    after_title = data.index(b"\n") + 1
    (tmp_path / f"plain{suffix}").write_bytes(data)
    (tmp_path / f"nul{suffix}").write_bytes(data[:after_title] + b"\x00" + data[after_title:] + b"\x00")  # a C string's end
    plain = _read_as_people_see_it(tmp_path / f"plain{suffix}")
    assert plain[0] and _read_as_people_see_it(tmp_path / f"nul{suffix}") == plain


# The repository's files of binary formats that hold NULs (its PDFs are ReportLab's, in ASCII and Latin-1 bytes).
BINARIES = sorted(path for folder in ("samples", "tests", "docs") for suffix in ("pdf", "docx", "odt", "doc", "png")
                  for path in (SAMPLES.parent / folder).glob(f"**/*.{suffix}") if b"\x00" in path.read_bytes())


@pytest.mark.parametrize("path", BINARIES, ids=lambda path: path.name)
def test_every_binary_file_of_the_repository_with_nuls_read_as_text_is_refused_as_binary(path: Path):
    with pytest.raises(PlanparseError, match="binary content"):
        read_txt(Path("plan.txt"), path.read_bytes())


# --- a PDF's header after a few bytes ----------------------------------------


@pytest.mark.parametrize("before", [b"\r\n", b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n"], ids=["line", "http-headers"])
@pytest.mark.parametrize("suffix", [".pdf", ".txt"])
@pytest.mark.parametrize("stem", ["jieyang-2022", "qingcheng-2021"])
def test_a_pdf_whose_header_follows_a_few_bytes_is_read_as_the_pdf_it_is(before: bytes, suffix: str, stem: str, tmp_path: Path):
    """Acrobat and pdfium read a header anywhere in the first kilobyte: named .pdf it was refused (no %PDF header),
    named .txt its streams were read as text and their ASCII85 as targets."""
    (tmp_path / f"plan{suffix}").write_bytes(before + (SAMPLES / f"{stem}.pdf").read_bytes())
    assert _read_as_people_see_it(tmp_path / f"plan{suffix}") == _read_as_people_see_it(SAMPLES / f"{stem}.pdf")


def _damaged_past_its_header(pdf: bytes, seed: int) -> bytes:
    """``pdf`` with one byte in a thousand past its first kilobyte changed (never to NUL), as a bad disk or
    transfer leaves it: the copies of seed 11 still open and read, their fonts' maps to characters broken."""
    chooser, data = random.Random(seed), bytearray(pdf)
    for index in range(1024, len(data)):
        if chooser.random() < 0.001:
            data[index] = chooser.randrange(1, 256)
    return bytes(data)


# Copies of seed 7 break the fonts of two pages (15 and 17: none of their characters are ones plans use) and leave
# the others' as they were: 93% of the whole document's characters were ones plans use, and it was read with no word.
PARTLY_DAMAGED_PAGES = "pages 15, 17"
MOJIBAKE = regex.compile(r"[\u00c0-\u024f\ue000-\uf8ff]")  # what a damaged map reads Chinese characters as


GARBAGE_LEFT_OUT = f"the text of {PARTLY_DAMAGED_PAGES} is garbage, left out (the PDF's fonts' character maps are damaged; OCR would read it)"


@pytest.mark.parametrize("stem", ["jieyang-2022", "zhanjiang-2016"])
def test_the_pages_of_a_pdf_that_read_as_garbage_are_left_out_saying_so_in_one_line(stem: str, tmp_path: Path):
    plan, output = tmp_path / f"{stem}.pdf", tmp_path / "out.json"
    plan.write_bytes(_damaged_past_its_header((SAMPLES / f"{stem}.pdf").read_bytes(), 7))
    run = run_planparse("extract", str(plan), "-o", str(output), timeout=120)
    assert run.returncode == 0 and run.stderr == f"planparse: {plan}: {GARBAGE_LEFT_OUT}\n"
    document = json.loads(output.read_bytes())
    assert document["warnings"] == [{"message": GARBAGE_LEFT_OUT}]  # the output says what it lacks, as the command did
    assert document["targets"] and not any(MOJIBAKE.search(target["quote"]) for target in document["targets"])
    assert {target["page"] for target in document["targets"]}.isdisjoint({15, 17})
    assert not any(MOJIBAKE.search(section["title"] or "") for section in document["sections"])


def test_a_batch_lists_the_pages_of_a_pdf_left_out_as_garbage_in_its_manifest_and_log_and_again_after_a_re_run(tmp_path: Path):
    """A worker's reader wrote its warning to the terminal, under the progress bar, and nowhere else: no file of the
    batch said that the document's output lacks two of its pages."""
    plans, out = tmp_path / "plans", tmp_path / "out"
    plans.mkdir()
    (plans / "damaged.pdf").write_bytes(_damaged_past_its_header((SAMPLES / "jieyang-2022.pdf").read_bytes(), 7))
    shutil.copy(SAMPLES / "jieyang-2022.txt", plans / "whole.txt")
    run = run_planparse("batch", str(plans), "-o", str(out), "-q", "--jobs", "1", timeout=300)
    assert run.returncode == 0, run.stderr
    *finished, summary = [regex.sub(r"^\[\d/2\] ", "", line) for line in run.stderr.splitlines()]  # in the order they finish
    assert sorted(finished) == [f"damaged.pdf: ok, read in part: {GARBAGE_LEFT_OUT}", "whole.txt: ok"]
    assert summary == (f"converted 2, 1 of them read in part (see the warnings in {out / 'manifest.json'}) -> {out}; "
                       "targets.csv and documents.csv cover all documents")
    for _ in range(2):  # the re-run skips both, and keeps what the first said
        manifest = json.loads((out / "manifest.json").read_bytes())["documents"]
        assert manifest["damaged.pdf"]["warnings"] == [{"message": GARBAGE_LEFT_OUT}] and manifest["whole.txt"]["warnings"] == []
        assert json.loads((out / "damaged.pdf.json").read_bytes())["warnings"] == [{"message": GARBAGE_LEFT_OUT}]
        assert "warnings" not in json.loads((out / "whole.txt.json").read_bytes())  # a document read whole: no word of it
        rerun = run_planparse("batch", str(plans), "-o", str(out), "-q", timeout=120)
        assert rerun.returncode == 0 and "nothing to convert" in rerun.stderr


@pytest.mark.parametrize(("command", "output"), [("compare", "matrix.csv"), ("report", "report.html")])
def test_compare_and_report_say_the_pages_of_a_pdf_left_out_as_garbage_as_they_read_it(command: str, output: str, tmp_path: Path):
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(_damaged_past_its_header((SAMPLES / "jieyang-2022.pdf").read_bytes(), 7))
    run = run_planparse(command, str(damaged), str(SAMPLES / "jinjiang-2022.txt"), "-o", str(tmp_path / output), timeout=300)
    assert (run.returncode, run.stderr) == (0, f"planparse: {damaged}: {GARBAGE_LEFT_OUT}\n")


def test_diff_says_the_pages_of_a_pdf_left_out_as_garbage_and_its_json_holds_them(tmp_path: Path):
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(_damaged_past_its_header((SAMPLES / "jieyang-2022.pdf").read_bytes(), 7))
    run = run_planparse("diff", str(SAMPLES / "jieyang-2022.txt"), str(damaged), "--format", "json", timeout=300)
    assert (run.returncode, run.stderr) == (1, f"planparse: {damaged}: {GARBAGE_LEFT_OUT}\n")
    [document] = json.loads(run.stdout)["documents"]
    assert document["new_warnings"] == [{"message": GARBAGE_LEFT_OUT}] and "old_warnings" not in document


def test_a_page_partly_garbage_is_kept_and_named():
    """Seed 10 breaks a font of the gazette's first page, half of whose characters read as garbage."""
    lines, _tables, _box, warnings = pdf_reader.read_pdf(Path("gazette.pdf"), _damaged_past_its_header((SAMPLES / "jinjiang-2022.gazette.pdf").read_bytes(), 10))
    assert 1 in {line.page for line in lines}
    assert [warning.message for warning in warnings] == ["the text of page 1 is partly garbage, kept (the PDF's fonts' character maps are damaged; "
                                                         "OCR would read it)"]


# Every PDF of the repository with a text layer: plans of education, health, science and land use, printed by browsers and
# office programs, sealed, typed with tabs.
WHOLE_PDFS = sorted(path for path in (*SAMPLES.glob("*.pdf"), *DATA.glob("*/*.pdf"), *DATA.glob("*/*/*.pdf")) if path.parent.name != "broken")


@pytest.mark.parametrize("pdf", WHOLE_PDFS, ids=lambda path: path.name)
def test_no_page_of_a_whole_pdf_is_taken_for_garbage(pdf: Path):
    lines, _tables, _box, warnings = pdf_reader.read_pdf(pdf, pdf.read_bytes())
    assert lines and warnings == []


@pytest.mark.parametrize("stem", ["jieyang-2022", "zhanjiang-2016"])
def test_a_pdf_whose_text_reads_as_garbage_is_refused_saying_so(stem: str, tmp_path: Path):
    """It was extracted: a document of no headings and no targets, its text the codes of Chinese characters read
    as Latin letters (cí–3^ Nºle?^œQsNŽSpSÑ)."""
    plan = tmp_path / f"{stem}.pdf"
    plan.write_bytes(_damaged_past_its_header((SAMPLES / f"{stem}.pdf").read_bytes(), 11))
    run = run_planparse("extract", str(plan), timeout=120)
    assert run.returncode == EXIT_ERROR and run.stdout == "" and run.stderr.count("\n") == 1
    problem = regex.escape(f"planparse: {plan}: the PDF's text is not Chinese as plans write it (")
    assert regex.fullmatch(problem + r"\d% of its [\d,]+ Chinese, accented or private-use characters and glyphs of no character are ones "
                           r"plans use\): its fonts' character maps are damaged; OCR is needed\n", run.stderr), run.stderr


_NO_MAP_FONT = _UNINSTALLED_CHINESE_FONT.replace(b"/Ordering(GB1)", b"/Ordering(Identity)")  # pdfminer names its glyphs (cid:NN)
# A font whose map gives every code a character of the private use area
_PRIVATE_USE_MAP = zlib.compress(b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def\n"
                                 b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <20> <7E> <E020> endbfrange\n"
                                 b"endcmap CMapName currentdict /CMap defineresource pop end end")


def _page_of_glyphs(font: bytes, glyph: Callable[[int], bytes], *objects: bytes) -> bytes:
    """A PDF of one page of 40 lines of 30 glyphs, each drawn on its own (a glyph PDFium has no outlines for is then
    read by pdfminer)."""
    drawing = zlib.compress(b"".join(b"BT /F1 12 Tf %d %d Td %s Tj ET\n" % (50 + 16 * (index % 30), 780 - 18 * (index // 30), glyph(index))
                                     for index in range(1_200)))
    return _pdf_of([b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[4 0 R]/Count 1>>",
                    b"<</Length %d/Filter/FlateDecode>>stream\n%s\nendstream" % (len(drawing), drawing),
                    b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 600 800]/Contents 3 0 R%s>>" % font, *objects])


@pytest.mark.parametrize(("plan", "count"), [
    pytest.param(lambda: _page_of_glyphs(_NO_MAP_FONT, lambda index: b"<%04x>" % (0x4E2D + index % 7)), 1_200, id="glyphs-of-no-character"),
    pytest.param(lambda: _page_of_glyphs(b"/Resources<</Font<</F1 5 0 R>>>>", lambda index: b"(%s)" % bytes([0x41 + index % 26]),
                                         b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/ToUnicode 6 0 R>>",
                                         b"<</Length %d/Filter/FlateDecode>>stream\n%s\nendstream" % (len(_PRIVATE_USE_MAP), _PRIVATE_USE_MAP)),
                 1_200, id="private-use"),
])
def test_a_pdf_whose_text_is_all_glyphs_of_no_character_or_private_use_ones_is_refused_as_damaged_maps(plan: Callable[[], bytes], count: int,
                                                                                                       tmp_path: Path):
    """Glyphs of no character, as pdfminer names them ((cid:20013)), were read as ASCII and judged on nothing: the
    page was refused as "a sentence with 1,200 numbers". Private-use characters were judged so already."""
    path = tmp_path / "plan.pdf"
    path.write_bytes(plan())
    run = run_planparse("extract", str(path), timeout=120)
    assert (run.returncode, run.stdout) == (EXIT_ERROR, "") and run.stderr == (
        f"planparse: {path}: the PDF's text is not Chinese as plans write it (0% of its {count:,} Chinese, accented or private-use characters "
        "and glyphs of no character are ones plans use): its fonts' character maps are damaged; OCR is needed\n")


# --- Chinese text read as Latin-1 or Windows-1252 and saved again ------------


def _misread(text: str, encoding: str, reading: str) -> bytes:
    """``text`` in ``encoding`` as a program knowing no Chinese reads it (``reading``, each byte one character; a byte
    Windows-1252 has no character for kept as Latin-1's control, as Windows keeps it) and saves it again, in UTF-8."""
    return "".join(bytes([byte]).decode(reading, errors="ignore") or chr(byte) for byte in text.encode(encoding)).encode("utf-8")


@pytest.mark.parametrize("plan", [EDUCATION_PLAN, HEALTH_PLAN], ids=["education", "health"])
@pytest.mark.parametrize("encoding", ["utf-8", "gbk", "big5"])
@pytest.mark.parametrize("reading", ["latin-1", "cp1252"])
def test_a_plan_read_as_latin_1_and_saved_again_reads_as_the_plan(plan: str, encoding: str, reading: str, tmp_path: Path):
    """Read as written, the UTF-8 copy was refused as binary (its C1 controls) and the GBK one gave ¡ª… garbage targets."""
    from opencc import OpenCC

    plan = OpenCC("s2t").convert(plan) if encoding == "big5" else plan
    (tmp_path / "plain.txt").write_text(plan, encoding="utf-8")
    (tmp_path / "misread.txt").write_bytes(_misread(plan, encoding, reading))
    plain = _read_as_people_see_it(tmp_path / "plain.txt")
    assert plain[0] and _read_as_people_see_it(tmp_path / "misread.txt") == plain


def test_a_plan_read_as_windows_1252_losing_bytes_is_refused_saying_so(tmp_path: Path):
    """The bytes Windows-1252 has no character for, lost to U+FFFD, left garbage targets (â€”â€”…16 %)."""
    plan, misread = tmp_path / "plan.txt", HEALTH_PLAN.encode("utf-8").decode("cp1252", errors="replace")
    plan.write_text(misread, encoding="utf-8")
    result = run_planparse("extract", str(plan))
    assert result.returncode == EXIT_ERROR and not result.stdout
    assert result.stderr.splitlines() == [f"planparse: {plan}: Chinese text read as Latin-1 or Windows-1252 and saved again, "
                                          f"{misread.count(chr(0xFFFD))} of its bytes lost in that reading (� in their place); "
                                          "give planparse the file it was made from"]


@settings(max_examples=200, deadline=None)
@given(text=st.text(st.sampled_from("，。、；：０１２３４５６７８９ \n0123456789%abc" + "".join(map(chr, range(0x4E00, 0x4E00 + 400)))), max_size=80))
def test_no_text_of_chinese_and_ascii_is_taken_for_a_western_misreading(text: str):
    """A text holding any character past Windows-1252's is never read again from bytes: only a misread one is."""
    if regex.search(r"\p{Han}", text):
        assert decode_text(text.encode("utf-8"), "plan.txt") == text.lstrip("\ufeff")


# --- a text of two encodings --------------------------------------------------


def _lines_in(plan: str, encoding: str, lines: slice, rest: str) -> bytes:
    """``plan`` in ``rest``, its ``lines`` in ``encoding``: files of both joined, a paragraph pasted so."""
    split = plan.split("\n")
    return b"\n".join(line.encode(encoding if index in range(len(split))[lines] else rest) for index, line in enumerate(split))


@pytest.mark.parametrize("plan", [EDUCATION_PLAN, HEALTH_PLAN], ids=["education", "health"])
@pytest.mark.parametrize(("encoding", "rest"), [("gbk", "utf-8"), ("utf-8", "gbk")], ids=["gbk-in-utf-8", "utf-8-in-gbk"])
@pytest.mark.parametrize("lines", [slice(0, 1), slice(2, 4), slice(4, None)], ids=["title", "targets", "tasks"])
def test_a_plan_some_of_whose_lines_are_in_another_encoding_reads_as_the_plan(plan: str, encoding: str, rest: str, lines: slice,
                                                                             tmp_path: Path):
    """GBK lines in UTF-8 were refused ("no known encoding decodes it") or read as U+FFFD; UTF-8 lines in GBK as 鍏ㄥ競."""
    (tmp_path / "plain.txt").write_text(plan, encoding="utf-8")
    (tmp_path / "mixed.txt").write_bytes(_lines_in(plan, encoding, lines, rest))
    plain = _read_as_people_see_it(tmp_path / "plain.txt")
    assert plain[0] and _read_as_people_see_it(tmp_path / "mixed.txt") == plain


@pytest.mark.parametrize("plan", [EDUCATION_PLAN, HEALTH_PLAN], ids=["education", "health"])
@pytest.mark.parametrize("utf_8_lines", [0, 1], ids=["gbk-file", "utf-8-title-then-gbk-file"])
def test_a_gbk_file_given_utf_8s_byte_order_mark_reads_as_the_plan(plan: str, utf_8_lines: int, tmp_path: Path):
    """A converter that only adds the mark, or files joined after a marked one: it was refused as "not valid UTF-8 text,
    which its byte-order mark says it is"; a UTF-8 file broken inside still is (test_text_broken_after_its_…)."""
    lines = plan.splitlines(keepends=True)
    (tmp_path / "plain.txt").write_text(plan, encoding="utf-8")
    (tmp_path / "marked.txt").write_bytes(codecs.BOM_UTF8 + "".join(lines[:utf_8_lines]).encode("utf-8") + "".join(lines[utf_8_lines:]).encode("gbk"))
    plain = _read_as_people_see_it(tmp_path / "plain.txt")
    assert plain[0] and _read_as_people_see_it(tmp_path / "marked.txt") == plain


@pytest.mark.parametrize(("plan", "target"), [(EDUCATION_PLAN, (30, "所")), (HEALTH_PLAN, (5, "家"))], ids=["education", "health"])
def test_a_line_utf_8_reads_whole_as_letters_no_plan_writes_over_gbk_lines_is_read_not_an_internal_error(plan: str, target: tuple,
                                                                                                         tmp_path: Path):
    """A line of Cyrillic letters alone (ДНК, a test's name) between a UTF-8 title and a GBK body: a join of the two was
    sought in it at the last byte UTF-8 does not read, of which it has none (IndexError, an internal error)."""
    title, body = plan.split("\n", 1)
    mixed = tmp_path / "plan.txt"
    mixed.write_bytes(f"{title}\nДНК\n".encode("utf-8") + body.encode("gbk"))
    run = run_planparse("extract", str(mixed), timeout=60)
    assert run.returncode == 0, run.stderr
    assert target in [(found["value"], found["unit"]) for found in json.loads(run.stdout)["targets"]]


@pytest.mark.parametrize("phrase", ["全市", "科学素质", "（一）"])
def test_a_phrase_in_gbk_inside_a_utf_8_sentence_reads_as_the_sentence(phrase: str):
    sentence = f"到2025年，{phrase}新建普惠性幼儿园3所，每年培训乡村医生不少于300人次。\n"
    data = EDUCATION_PLAN.encode("utf-8") + sentence.replace(phrase, "\0").encode("utf-8").replace(b"\0", phrase.encode("gbk"))
    assert decode_text(data, "plan.txt") == EDUCATION_PLAN + sentence


@pytest.mark.parametrize(("title", "body"), [
    ("澄陽縣水利局關於印發澄陽縣農村供水保障三年行動方案的通知", "一、工作目標\n農村自來水普及率\t≥95%\t2026年\n"),
    ("鶴溪縣教育局關於印發鶴溪縣學前教育普及普惠攻堅方案的通知", "一、主要目標\n幼兒園每班幼兒數\t≤30人\t2025年\n"),
], ids=["water", "education"])
def test_a_traditional_title_in_gbk_over_a_utf_8_body_reads_as_the_plan(title: str, body: str):
    """It was refused ("not a text file (no known encoding decodes it)"): 縣 is BF 68 in GBK, its second byte the letter h,
    which cut the title's pieces in GBK where they stood, and the body's ≥ between ASCII is no UTF-8 run of Chinese."""
    assert decode_text(title.encode("gbk") + b"\n" + body.encode("utf-8"), "plan.txt") == f"{title}\n{body}"


@pytest.mark.parametrize("text", [
    "一、工作目標\n到2025年，全縣鄉鎮檔案館數字化率達到90%，村級檔案規範化管理覆蓋率達到80%以上。\n",
    "二、重點任務\n推進廣電網絡整合，到2025年全縣鄉鎮綜合文化站達標率達到95%，行政村有線電視通達率達到98%。\n",
    "二、重點任務\n全縣鄉鎮綜合執法隊伍100%完成組建，每個鄉鎮組建應急救援隊伍1支。\n",
], ids=["archives", "culture", "emergency"])
def test_a_traditional_plan_in_gbk_reads_as_written(text: str):
    """Three of its bytes that UTF-8 reads as a Chinese character, between the letter ending a GBK character and one
    beginning the next, were taken for a UTF-8 piece: 鄉鎮檔案 read as 鄉悙n案, 鄉鎮綜合 as 鄉悾C合."""
    assert decode_text(text.encode("gbk"), "plan.txt") == text


@pytest.mark.parametrize("text", [
    "一、工作目標\n到2025年，深水埗區新增資助安老宿位300個，長者日間護理中心服務名額增加至600個。\n（一）改善公共屋邨設施。每年完成10個屋邨無障礙通道改善工程。\n",
    "一、主要目標\n鰂魚涌海濱長廊於2026年前全面開放，沿線新增單車泊位200個。\n（二）加強社區體育設施。天水圍、深水埗各新建社區會堂1座。\n",
], ids=["elderly-care", "culture-and-sport"])
def test_a_hong_kong_plan_in_big5_hkscs_reads_as_written(text: str):
    """Its characters Big5 lacks were U+FFFD, with the character after: 深水�鶧牁s增 for 深水埗區新增."""
    assert decode_text(text.encode("big5hkscs"), "plan.txt") == text


@pytest.mark.parametrize("lines", [
    ["(一)推进充电设施建设", "公共充电桩\t1800台\t2025年底", "(二)优化公交线路", "更新新能源公交车\t120台"],
    ["(一)提升急救能力", "乡镇卫生院配备负压救护车\t1台", "(二)加强基层医疗", "村卫生室配备数字化检查设备\t1台"],
], ids=["transport", "health"])
def test_gbk_lines_whose_characters_utf_8_reads_whole_in_a_utf_8_plan_read_as_the_plan(lines: list[str]):
    """(一) in GBK is (һ) read as UTF-8, 台 a combining mark: runs past ASCII UTF-8 reads whole were taken for UTF-8."""
    head = "一、重点任务\n到2025年，全县完成年度任务的95%以上。\n"
    data = head.encode("utf-8") + "\n".join(lines).encode("gbk") + "\n三、保障措施\n".encode("utf-8")
    assert decode_text(data, "plan.txt") == head + "\n".join(lines) + "\n三、保障措施\n"


@settings(max_examples=200, deadline=None)
@given(text=st.text(st.sampled_from("，。、；：（） \n0123456789%" + "".join(map(chr, range(0x4E00, 0x4E00 + 3000)))), min_size=40, max_size=200))
def test_a_gbk_text_is_read_as_written(text: str):
    """No run of a GBK text of a sentence or more is taken for UTF-8 (none of 162 plans so encoded holds one); one UTF-8
    reads whole is UTF-8's."""
    data = text.encode("gbk")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        assert decode_text(data, "plan.txt") == text


@settings(max_examples=200, deadline=None)
@given(text=st.text(st.sampled_from("，。、；：（）0123456789%" + "".join(map(chr, range(0x4E00, 0x4E00 + 3000)))), min_size=20, max_size=200),
       at=st.integers(0, 199), cut=st.integers(1, 2))
def test_a_utf_8_character_cut_short_is_read_as_one_unreadable_character_not_a_gbk_one(text: str, at: int, cut: int):
    """A file cut and joined mid-character: its two or three bytes of no character are U+FFFD, never read as GB18030."""
    at = at % len(text)
    assume(not text[at].isascii())
    data = text[:at].encode("utf-8") + text[at].encode("utf-8")[:-cut] + text[at + 1:].encode("utf-8")
    assert decode_text(data, "plan.txt") == text[:at] + "\ufffd" + text[at + 1:]


def _cpu_seconds(task: Callable[[], object]) -> float:
    """The least CPU time of three runs of ``task``: the others' load on the machine left out."""
    times = []
    for _ in range(3):
        start = time.process_time()
        task()
        times.append(time.process_time() - start)
    return min(times)


@pytest.mark.parametrize("words", [["全市", "医生"], ["公路", "站点"], ["学校", "教师"], ["水位", "道路"]],
                         ids=["health", "transport", "education", "water"])
def test_a_gbk_text_of_many_short_lines_is_read_in_the_time_of_one_of_long_lines(words: list[str]):
    """Each short line was read as a GBK piece in a UTF-8 text, one at a time (全市 is C8 AB CA D0, ȫ and two bytes UTF-8
    does not read): 500,000 lines of it took 30 s, where the same words on long lines took one. A line UTF-8 reads whole
    was read so: 学校 (D1 A7 D0 A3) as ѧУ, 水位 as ˮλ."""
    short = "\n".join(words * 100_000).encode("gbk")
    long = "\n".join("".join(words * 50) for _ in range(2_000)).encode("gbk")
    assert decode_text(short, "plan.txt") == short.decode("gbk")
    assert _cpu_seconds(lambda: decode_text(short, "plan.txt")) < 3 * _cpu_seconds(lambda: decode_text(long, "plan.txt")) + 0.1



@pytest.mark.parametrize("plan", [EDUCATION_PLAN, HEALTH_PLAN], ids=["education", "health"])
@pytest.mark.parametrize(("first", "then"), [("gbk", "utf-8"), ("utf-8", "gbk")], ids=["gbk-then-utf-8", "utf-8-then-gbk"])
def test_a_plan_joined_mid_line_from_two_encodings_reads_as_the_plan(plan: str, first: str, then: str):
    """Files joined with no line end between them (a copy cut short mid-line, its rest from a copy in the other encoding):
    the line of the join was read whole in GB18030, its UTF-8 part as 鍩硅鏁, or the plan refused. Cut at every place
    with two Chinese characters of its line on each side: of one, a part is not told from GBK bytes UTF-8 reads."""
    for cut in range(1, len(plan)):
        before, after = plan[plan.rfind("\n", 0, cut) + 1:cut], plan[cut:plan.find("\n", cut)]
        if len(regex.findall(r"\p{Han}", before)) >= 2 and len(regex.findall(r"\p{Han}", after)) >= 2:
            assert decode_text(plan[:cut].encode(first) + plan[cut:].encode(then), "plan.txt") == plan, cut
