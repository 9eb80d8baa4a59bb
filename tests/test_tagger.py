"""The compact tagger gives jieba's own tags, and so the same indicators, as full jieba in the same run."""
from __future__ import annotations

import json
import marshal
import os
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATA, GOLD_DOCS, SAMPLES, gold_text_path, run_measuring_memory, run_planparse
from planparse import cache, indicator, tagger
from planparse.exporters.json import document_json
from planparse.pipeline import extract
from planparse.tagger import build_tables, jieba_posseg, load_tagger

WORDS = indicator.indicator_words().plan_words


def jieba_tags(text: str) -> list[tuple[str, str]]:
    return [(pair.word, pair.flag) for pair in jieba_posseg(WORDS).lcut(text, HMM=True)]


def plan_lines() -> list[str]:
    files = sorted(SAMPLES.glob("*.txt")) + sorted((DATA / "extra").glob("*.txt"))
    return [line for path in files for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_line_of_the_plans_is_tagged_as_jieba_tags_it():
    ours = load_tagger(WORDS)
    lines = plan_lines()
    assert len(lines) > 1000
    assert [line for line in lines if ours.lcut(line) != jieba_tags(line)] == []


# Han characters common in plans and rare ones, digits, Latin letters, the punctuation and spaces jieba splits on.
_ALPHABET = st.sampled_from(list("的比例达到以上全市新增就业万人科技辅导员培训占比床位率提高年底前完成龘䶮鿕〇")
                            + list("0123456789.%+#&_ab PMGx，。、（）《》“”\t\r\n-"))


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=40))
def test_any_text_is_tagged_as_jieba_tags_it(text):
    assert load_tagger(WORDS).lcut(text) == jieba_tags(text)


# Texts made of a few shared pieces, so that runs of ideographs come again in later texts.
_SHARING_TEXTS = st.lists(st.text(_ALPHABET, max_size=12), min_size=1, max_size=4).flatmap(
    lambda pieces: st.lists(st.lists(st.sampled_from(pieces), max_size=3).map("，".join), max_size=6))


@settings(max_examples=200, deadline=None)
@given(_SHARING_TEXTS)
def test_texts_cut_with_the_runs_cut_before_are_tagged_as_jieba_tags_them(texts):
    ours, cuts = load_tagger(WORDS), {}
    assert [ours.lcut(text, cuts) for text in texts] == [jieba_tags(text) for text in texts]


class _FullJieba:
    def lcut(self, text: str, cuts: dict | None = None) -> list[tuple[str, str]]:
        return jieba_tags(text)


@pytest.mark.parametrize("stem", GOLD_DOCS)
def test_indicators_are_those_full_jieba_gives(stem, monkeypatch):
    path = gold_text_path(stem)
    ours = [(target.quote, target.indicator) for target in extract(path).targets]
    monkeypatch.setattr(indicator, "_tagger", lambda: _FullJieba())
    theirs = [(target.quote, target.indicator) for target in extract(path).targets]
    assert any(found for _, found in ours)
    assert ours == theirs


def test_a_damaged_cache_is_built_again_and_an_unwritable_one_only_costs_time(tmp_path, monkeypatch):
    whole = build_tables(WORDS)
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(tmp_path))
    copy = tmp_path / tagger._cache_name(WORDS)
    copy.write_bytes(whole[: len(whole) // 2])  # a copy cut short
    (tmp_path / "jieba-tags-0000000000000000.bin").write_bytes(b"built from another jieba")
    load_tagger.cache_clear()
    try:
        assert load_tagger(WORDS).lcut("床位占比达到55%") == jieba_tags("床位占比达到55%")
        assert copy.read_bytes() == whole
        blocked = tmp_path / "a-file"
        blocked.write_text("not a folder")
        monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(blocked / "cache"))
        load_tagger.cache_clear()
        assert load_tagger(WORDS).lcut("科技辅导员") == jieba_tags("科技辅导员")
    finally:
        load_tagger.cache_clear()



def test_the_tables_are_built_beside_jiebas_own_without_a_copy_of_them():
    """A new cache builds the tables from jieba's (about 150 MB in memory): one slice at a time, the whole written
    once. With a table of every word beside them and the slices copied twice at the end, a process building them
    peaked at 372 MB (the first extraction with a new cache at 443 MB); now at 271 MB."""
    build = "from planparse import indicator, tagger; tagger.build_tables(indicator.indicator_words().plan_words)"
    run, peak_kb = run_measuring_memory([sys.executable, "-c", build])
    assert run.returncode == 0, run.stderr
    assert peak_kb < 320_000


def _tables(folder: Path) -> set[str]:
    return {path.name for path in folder.glob("jieba-tags-*.bin")}


def test_tables_of_other_jiebas_and_rule_folders_are_kept_the_least_recently_used_dropped(tmp_path, monkeypatch):
    """Two installs on different jieba versions, or two folders of a user's rules, take turns: each keeps
    its table (21 MB, a second to build) rather than deleting the other's and building its own again."""
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(tmp_path))
    now = time.time()
    others = [tmp_path / f"jieba-tags-{number:016x}.bin" for number in range(tagger.MOST_TABLES)]  # oldest first
    for age, other in enumerate(reversed(others), start=1):
        other.write_bytes(b"built from another jieba")
        os.utime(other, (now - 100 * age, now - 100 * age))
    ours = tmp_path / tagger._cache_name(WORDS)
    load_tagger.cache_clear()
    try:
        load_tagger(WORDS)
        assert _tables(tmp_path) == {ours.name} | {other.name for other in others[1:]}  # it was: {ours.name}
        built = ours.stat().st_ino
        os.utime(ours, (now - 1000, now - 1000))  # unused since before the others
        load_tagger.cache_clear()
        load_tagger(WORDS)  # read, and so the most recently used
        assert ours.stat().st_ino == built
        load_tagger((*WORDS, ("科普辅导员", "n")))  # another folder of rules: another table
        assert ours.name in _tables(tmp_path) and others[1].name not in _tables(tmp_path)
        assert len(_tables(tmp_path)) == tagger.MOST_TABLES
    finally:
        load_tagger.cache_clear()


@pytest.mark.parametrize("planted", ["folder", "dictionary"])
def test_what_another_user_left_as_jiebas_cache_in_the_shared_temporary_folder_is_neither_read_nor_replaced(planted: str,
                                                                                                           tmp_path: Path):
    """jieba keeps its dictionary as read in /tmp/jieba.cache, which every user shares: a dictionary planted there was
    read as its own (a target of the plan changed, and stayed so in the user's cache), one the user could not replace
    (here a folder) printed "Dump cache file failed." and a traceback. A user's first extraction builds the tagger."""
    shared = tmp_path / "tmp"
    shared.mkdir()
    if planted == "folder":
        (shared / "jieba.cache").mkdir()
    else:
        (shared / "jieba.cache").write_bytes(marshal.dumps(({"全": 1, "市": 1}, 2)))
    plan = SAMPLES / "jieyang-2022.txt"
    environment = {**os.environ, "TMPDIR": str(shared), cache.CACHE_DIR_VARIABLE: str(tmp_path / "cache")}
    run = run_planparse("extract", str(plan), "-o", str(tmp_path / "plan.json"), env=environment, timeout=120)
    assert (run.returncode, run.stderr) == (0, "")
    assert json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))["targets"] == json.loads(document_json(extract(plan)))["targets"]
    assert [path.name for path in shared.iterdir()] == ["jieba.cache"]
