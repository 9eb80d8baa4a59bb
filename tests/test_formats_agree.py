"""One plan as TXT, DOCX and PDF gives one heading tree.

The DOCX and PDF files are written from the TXT by ``samples/make_samples.py``:
the PDFs hard-wrap sentences across lines and pages, two DOCX number their
headings with Word's automatic numbering.
"""
from __future__ import annotations

from functools import lru_cache

import pytest
from conftest import SAMPLES, SEEDS, sample_writer

from planparse.models import Document, Section
from planparse.normalize import normalize
from planparse.pipeline import extract
from planparse.readers import read_document


def heading_tree(sections: list[Section]) -> list[tuple]:
    return [(s.level, s.style.value, s.number, s.title, heading_tree(s.children)) for s in sections]


@lru_cache(maxsize=None)
def extracted(name: str) -> Document:
    return extract(SAMPLES / name)


@pytest.mark.parametrize("fmt", ["docx", "pdf", "md"])
@pytest.mark.parametrize("seed", SEEDS)
def test_docx_and_pdf_give_the_heading_tree_of_the_text(seed, fmt):
    expected = heading_tree(extracted(f"{seed}.txt").sections)
    assert len(expected) >= 3
    assert heading_tree(extracted(f"{seed}.{fmt}").sections) == expected


_PARENS = str.maketrans("()", "（）")  # Word numbering shows （一） where the text typed (一)


@lru_cache(maxsize=None)
def body_paragraphs(name: str) -> list[str]:
    return [p.text.translate(_PARENS) for p in normalize(read_document(SAMPLES / name).lines) if not p.in_table]


@pytest.mark.parametrize("fmt", ["docx", "pdf", "md"])
@pytest.mark.parametrize("seed", SEEDS)
def test_docx_and_pdf_give_the_paragraphs_of_the_text(seed, fmt):
    # PDF lines are rejoined across wraps and pages, also where a sentence
    # ends at the end of a full line or a title fills one without a full stop.
    assert body_paragraphs(f"{seed}.{fmt}") == body_paragraphs(f"{seed}.txt")


@pytest.mark.parametrize("seed", SEEDS)
def test_pdf_headings_know_their_pages(seed):
    def pages(sections: list[Section]) -> list[int | None]:
        return [page for s in sections for page in [s.page, *pages(s.children)]]

    found = pages(extracted(f"{seed}.pdf").sections)
    assert None not in found and found == sorted(found) and found[-1] > 1


@pytest.mark.parametrize("seed", ["jieyang-2022", "qingcheng-2021"])
def test_docx_and_pdf_give_the_same_tables(seed):
    docx_tables = extracted(f"{seed}.docx").tables
    pdf_tables = extracted(f"{seed}.pdf").tables
    assert len(docx_tables) == 1
    assert [(t.header, t.rows) for t in pdf_tables] == [(t.header, t.rows) for t in docx_tables]


@pytest.mark.parametrize("seed", ["qingcheng-2021", "zhanjiang-2016"])
def test_a_plan_saved_by_wps_gives_the_plan_of_its_text(seed):
    # WPS's own parts and namespaces, runs split by script, and a single-level list per heading level, （一） started
    # again under each 一、 by a new list overriding its start: its markers are in no paragraph's text
    import docx

    assert not any(p.text.startswith(("一、", "（一）", "1.")) for p in docx.Document(SAMPLES / f"{seed}.wps.docx").paragraphs)
    plan, saved = extracted(f"{seed}.txt"), extracted(f"{seed}.wps.docx")
    assert heading_tree(saved.sections) == heading_tree(plan.sections)
    assert [(t.value, t.unit, t.comparator, t.deadline) for t in saved.targets] == \
        [(t.value, t.unit, t.comparator, t.deadline) for t in plan.targets]
    assert [(t.header, t.rows) for t in saved.tables] == [(t.header, t.rows) for t in plan.tables]


@pytest.mark.parametrize("seed", ["jieyang-2022", "qingcheng-2021"])
@pytest.mark.parametrize("name", ["{seed}.rtf", "附件1.doc"])
def test_a_plan_saved_as_rtf_gives_the_plan_of_its_text(tmp_path, seed, name):
    # Word's RTF in code page 936 (GBK bytes, jieyang) or in \uN escapes with GBK fallbacks (qingcheng), its 一、 a
    # list's shown number, a footer's PAGE field, a 分工表 merged down; saved under the name it opened (附件1.doc)
    saved = tmp_path / name.format(seed=seed)
    saved.write_bytes((SAMPLES / f"{seed}.rtf").read_bytes())
    plan, document = extracted(f"{seed}.txt"), extract(saved)
    assert document.source.format == "rtf"
    assert heading_tree(document.sections) == heading_tree(plan.sections)
    assert [(t.value, t.unit, t.comparator, t.deadline) for t in document.targets] == \
        [(t.value, t.unit, t.comparator, t.deadline) for t in plan.targets]
    assert [(t.header, t.rows) for t in document.tables] == [(t.header, t.rows) for t in extracted(f"{seed}.docx").tables]
    assert (document.metadata.title, document.metadata.doc_number) == (plan.metadata.title, plan.metadata.doc_number)


@pytest.mark.parametrize("seed", sorted(path.stem for path in SAMPLES.glob("*.txt")))
def test_the_script_writes_the_committed_samples_byte_for_byte(seed):
    # what the script writes from the seed is what is committed: every sample can be made again from its text
    written = sample_writer().written_samples(SAMPLES / f"{seed}.txt")
    assert {f"{seed}.docx", f"{seed}.pdf"} <= set(written)
    assert {name: data == (SAMPLES / name).read_bytes() for name, data in written.items()} == dict.fromkeys(written, True)
