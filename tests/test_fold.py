"""Folding for reading: traditional and compatibility characters read as their simplified forms,
one character for one, so quotes keep the text as written."""
from __future__ import annotations

from functools import lru_cache

from conftest import gold_text_path, write_plan

from planparse.models import COMMITMENT_FIELDS
from planparse.normalize import fold
from planparse.pipeline import extract


@lru_cache(maxsize=1)
def _to_traditional():
    from opencc import OpenCC  # the package whose data the fold reads

    return OpenCC("s2t")


def traditional_twin(text: str) -> str:
    """``text`` in traditional characters, with OpenCC's own phrase-aware conversion."""
    return _to_traditional().convert(text)


def _read(targets) -> list[tuple]:
    return [(target.line, target.rule, fold(target.quote), *(getattr(target, name) for name in COMMITMENT_FIELDS))
            for target in targets]


def test_a_traditional_twin_of_a_gold_text_gives_the_same_targets(gold_doc, tmp_path):
    text = gold_text_path(gold_doc).read_text(encoding="utf-8")
    twin = traditional_twin(text)
    assert twin != text and len(twin) == len(text)
    original, traditional = extract(gold_text_path(gold_doc)), extract(write_plan(tmp_path, twin))
    assert original.targets
    assert _read(traditional.targets) == _read(original.targets)


def test_quotes_keep_the_traditional_text_as_written(tmp_path):
    plan = write_plan(tmp_path, "一、主要目標\n到2025年，全市建成5G基站1.2萬個，醫療機構覆蓋率達到95%以上。\n")
    targets = extract(plan).targets
    assert [(t.quote, t.value, t.unit, t.comparator) for t in targets] == [
        ("全市建成5G基站1.2萬個", 12000, "个", "="), ("醫療機構覆蓋率達到95%以上", 95, "%", ">=")]


def test_compatibility_characters_fold_one_for_one():
    # Kangxi radicals (⼀, ⼗) as some PDF converters write them, full-width digits and ％
    text = "培训⼀⼗名教师，达到９５．５％。①②"
    assert fold(text) == "培训一十名教师，达到95.5%。①②"
    assert len(fold(text)) == len(text)


def test_full_width_punctuation_is_not_folded():
    assert fold("（一）目标：达到，；") == "（一）目标：达到，；"


def test_a_character_folds_alone_as_it_does_beside_others():
    # fold leaves a text whole when its pre-filter finds no character that folds; a character beyond
    # the Basic Multilingual Plane always passes that filter, so the text beside it is translated
    characters = [chr(code) for code in range(0x10000) if not 0xD800 <= code < 0xE000]
    assert [char for char in characters if fold(char) != fold(char + "\U00020000")[0]] == []
    assert fold("萬") == "万" and fold("⼗") == "十"
