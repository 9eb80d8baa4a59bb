"""planparse diff: pairing logic on constructed documents, then real edits of the seed plans."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from planparse.diff import diff_documents, document_key, documents_in, has_differences, load_document, pair_targets
from planparse.errors import PlanparseError
from planparse.models import DiffReport, Document, Metadata, Source, Target

EDITS = Path(__file__).resolve().parent / "data" / "edits"
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def target(quote: str, value: float | None, unit: str | None = "名", *, section: str = "2.1.4",
           heading: str = "落实教师科学素质提升计划", indicator: str | None = "科技辅导员", line: int = 79, **fields) -> Target:
    return Target(
        id=f"{section}/{indicator}/{unit}", text=f"……{quote}。", quote=quote, value=value, unit=unit,
        kind="count", indicator=indicator, section=section, headings=["主要任务", heading], rule="test", line=line, **fields,
    )


def document(*targets: Target, title: str = "揭阳市实施方案") -> Document:
    return Document(source=Source(path="plan.txt", format="txt", sha256="0"), metadata=Metadata(title=title), targets=list(targets))


def test_value_change_is_one_changed_target():
    diff = diff_documents(document(target("每年培训250名科技辅导员", 250)), document(target("每年培训300名科技辅导员", 300)))
    assert not diff.added and not diff.removed and not diff.moved
    [change] = diff.changed
    assert [(c.field, c.old, c.new) for c in change.changes] == [("value", 250, 300)]


def test_renumbered_section_is_a_move_not_removed_and_added():
    old = target("建成1座以上实体科普馆", 1, "座", section="3.3.1", heading="创新构建现代科技馆体系", indicator="实体科普馆")
    new = old.model_copy(update={"id": "3.4.1/实体科普馆/座", "section": "3.4.1", "line": 120})
    diff = diff_documents(document(old), document(new))
    assert (diff.added, diff.removed, diff.changed) == ([], [], [])
    assert [(m.old.section, m.new.section) for m in diff.moved] == [("3.3.1", "3.4.1")]


def test_deleting_one_of_several_alike_targets_removes_that_one():
    # Three targets under one heading with no indicator share every key: the
    # values, not the order, must decide which one went.
    kwargs = {"unit": "个", "indicator": None, "section": "3.3.2", "heading": "大力加强科普教育基地"}
    national, provincial, city = (target(q, v, **kwargs) for q, v in (("国家级科普教育基地4个以上", 4), ("省级科普教育基地40个以上", 40), ("市级科普教育基地100个以上", 100)))
    diff = diff_documents(document(national, provincial, city), document(national, city))
    assert [t.value for t in diff.removed] == [40]
    assert not diff.added and not diff.changed


def test_unrelated_targets_under_one_heading_are_not_paired():
    kwargs = {"unit": "个", "indicator": None, "heading": "大力加强科普教育基地"}
    diff = diff_documents(document(target("国家级科普教育基地4个以上", 4, **kwargs)), document(target("新建社区科普站点12个", 12, **kwargs)))
    assert [t.value for t in diff.removed] == [4] and [t.value for t in diff.added] == [12]
    assert not diff.changed


def test_changed_unit_and_comparator_pair_by_indicator():
    old = target("每年培训250名科技辅导员", 250, comparator=">=")
    new = target("每年培训250人次科技辅导员", 250, unit="人次")
    diff = diff_documents(document(old), document(new))
    assert [(c.field, c.old, c.new) for c in diff.changed[0].changes] == [("unit", "名", "人次"), ("comparator", ">=", "=")]


def test_metadata_change_counts_as_changed():
    diff = diff_documents(document(title="旧标题"), document(title="新标题"))
    assert [(c.field, c.old, c.new) for c in diff.metadata] == [("title", "旧标题", "新标题")]
    report = DiffReport(old="a", new="b", documents=[diff])
    assert has_differences(report, ["changed"]) and not has_differences(report, ["added", "removed"])


def test_pairs_follow_the_new_document_order():
    a, b = target("甲100名", 100, indicator="甲", line=5), target("乙200名", 200, indicator="乙", line=9)
    pairs, removed, added = pair_targets([a, b], [b.model_copy(update={"line": 1}), a])
    assert [old.quote for old, _ in pairs] == ["乙200名", "甲100名"] and not removed and not added


def test_document_key_pairs_plans_with_their_json():
    assert {document_key(Path(p)) for p in ("a/plan.docx", "a/plan.json", "a/plan.docx.json")} == {"a/plan"}


def test_folder_with_two_versions_of_one_plan_is_an_error(tmp_path):
    (tmp_path / "plan.txt").write_text("x", encoding="utf-8")
    (tmp_path / "plan.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(PlanparseError, match="two versions of plan"):
        documents_in(tmp_path)


def test_json_that_is_not_a_document_is_an_error(tmp_path):
    path = tmp_path / "errors.json"
    path.write_text('[{"file": "x"}]', encoding="utf-8")
    with pytest.raises(PlanparseError, match="not a planparse JSON file"):
        load_document(path)
