"""Metamorphic tests over every gold target sentence: change the words a reader should not care about
(topic words, the years, 到2025年 ↔ 到“十四五”末, Arabic ↔ Chinese numerals, comparator synonyms) and the
target must come out transformed the same way, never lost or doubled.

The sentences, their headings, the plan's years and the gold's fields are in
tests/data/metamorphic/gold_sentences.yaml (from the fifteen gold plans).
"""
from __future__ import annotations

from pathlib import Path

import cn2an
import pytest
import regex
import yaml

from planparse.targets import PlanFrame, targets_in_text

DATA = Path(__file__).resolve().parent / "data" / "metamorphic" / "gold_sentences.yaml"
SENTENCES = yaml.safe_load(DATA.read_text(encoding="utf-8"))["sentences"]
FIELDS = ("value", "value_max", "unit", "comparator", "deadline", "frequency", "kind")

_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})(?=\s*年|\s*[-—–至]\s*(?:19|20)\d{2}\s*年)")
_RELATIVE = regex.compile(r"\d+年内|[一二三四五六七八九十]年内|用.{1,2}年|今后|规划期末")
_PLAN_PERIOD = regex.compile(r"十[一二三四五六七八九]五")
_FIVE_YEAR_END = {2010: "十一五", 2015: "十二五", 2020: "十三五", 2025: "十四五", 2030: "十五五"}
# Words of one field put in place of another's: no cue or rule may hang on a topic noun.
TOPICS = {"人才": "医生", "科技": "卫生", "教师": "护士", "学校": "医院", "企业": "农场", "学生": "居民",
          "科普": "健康", "环卫": "供水", "公路": "管网", "文化": "体育", "精神": "口腔"}
# Words that say the same comparison.
SYNONYMS = [("不少于", "不低于"), ("超过", "高于"), ("左右", "上下"), ("不超过", "不高于"), ("达到", "达")]
CN_UNITS = set("个所座间家场次期名项支台套件门天")


def _years_moved(text: str, by: int) -> str:
    return _YEAR.sub(lambda m: str(int(m.group(1)) + by), text)


def _moved(entry: dict) -> dict | None:
    """All years +2: the deadline moves with them, unless a five-year plan's name (“十四五”) gives it."""
    text, headings = _years_moved(entry["text"], 2), [_years_moved(h, 2) for h in entry["headings"]]
    deadline = entry["deadline"]
    words = entry["text"] + "".join(entry["headings"])
    if deadline is not None and (str(deadline) in words or entry.get("lead_year") or _RELATIVE.search(words)):
        deadline += 2
    elif deadline is not None and not _PLAN_PERIOD.search(words):
        return None
    plan = [year + 2 if year else year for year in entry["plan"]]
    return {**entry, "text": text, "headings": headings, "plan": plan, "deadline": deadline,
            "lead_year": entry["lead_year"] + 2 if entry.get("lead_year") else None}


def _five_year_name(entry: dict) -> dict | None:
    """到2025年 -> 到“十四五”末 (and 到2020年 -> 到“十三五”末): the same deadline."""
    deadline = entry["deadline"]
    written = f"到{deadline}年"
    if deadline not in _FIVE_YEAR_END or written not in entry["text"]:
        return None
    return {**entry, "text": entry["text"].replace(written, f"到“{_FIVE_YEAR_END[deadline]}”末")}


def _from_five_year_name(entry: dict) -> dict | None:
    """“十四五”期间 -> 到2025年: the same deadline."""
    found = regex.search(r"[“\"]?(十[一二三四五六七八九]五)[”\"]?期间", entry["text"])
    if not found or entry["deadline"] is None:
        return None
    return {**entry, "text": entry["text"].replace(found.group(), f"到{entry['deadline']}年", 1)}


def _chinese_numeral(entry: dict) -> dict | None:
    """建成12个 -> 建成十二个, where a verb or comparator stands before a whole number of a Chinese measure word."""
    value, unit = entry["value"], entry["unit"]
    if not isinstance(value, int) or not 2 <= value < 10000 or unit not in CN_UNITS or entry["value_max"] is not None:
        return None
    spot = regex.search(rf"(?:达到|不少于|超过|不低于|至少|建成|建设|新建|培训|培育|引进|打造|新增|开展|组织|举办)(?<!\d){value}{unit}", entry["text"])
    if spot is None:
        return None
    written = spot.group().replace(f"{value}{unit}", f"{cn2an.an2cn(value)}{unit}")
    return {**entry, "text": entry["text"].replace(spot.group(), written, 1)}


def _arabic_numeral(entry: dict) -> dict | None:
    """建成十二个 -> 建成12个: a target written in Chinese numerals read back from Arabic ones."""
    value, unit = entry["value"], entry["unit"]
    if not isinstance(value, int) or unit is None:
        return None
    written = f"{cn2an.an2cn(value)}{unit}"
    if written not in entry["text"]:
        return None
    return {**entry, "text": entry["text"].replace(written, f"{value}{unit}", 1)}


def _synonym(entry: dict) -> dict | None:
    """不少于 <-> 不低于, 超过 -> 高于, 左右 -> 上下…: the same comparator."""
    quote = entry["quote"]
    for word, other in SYNONYMS:
        if word in quote and quote in entry["text"]:
            return {**entry, "text": entry["text"].replace(quote, quote.replace(word, other, 1), 1)}
    return None


def _topic_swapped(entry: dict) -> dict | None:
    """The field's nouns replaced by another field's: the same target."""
    def swap(text: str) -> str:
        for word, other in TOPICS.items():
            text = text.replace(word, other)
        return text
    text = swap(entry["text"])
    if text == entry["text"]:
        return None
    return {**entry, "text": text, "headings": [swap(h) for h in entry["headings"]]}


TRANSFORMS = {"same": lambda entry: entry, "years+2": _moved, "to-five-year-name": _five_year_name,
              "from-five-year-name": _from_five_year_name, "chinese-numeral": _chinese_numeral,
              "arabic-numeral": _arabic_numeral, "comparator-synonym": _synonym, "topic-swapped": _topic_swapped}


def _variants() -> list:
    cases = []
    for index, entry in enumerate(SENTENCES):
        for name, transform in TRANSFORMS.items():
            variant = transform(entry)
            if variant is not None:
                cases.append(pytest.param(variant, id=f"{name}:{entry['doc'][:12]}:{index}"))
    return cases


VARIANTS = _variants()


@pytest.mark.parametrize("entry", VARIANTS)
def test_a_gold_target_survives_the_change(entry):
    frame = PlanFrame(*entry["plan"])
    targets = targets_in_text(entry["text"], tuple(entry["headings"]), frame=frame, lead_year=entry.get("lead_year"))
    expected = {field: entry[field] for field in FIELDS}
    if entry["kind"] == "milestone":
        found = [t for t in targets if t.kind == "milestone"]
        assert found, [t.quote for t in targets]
        assert any(t.deadline == entry["deadline"] for t in found) or entry["deadline"] is None
        return
    same = [t for t in targets if t.value == entry["value"] and (t.unit or None) == entry["unit"] and t.kind != "baseline"]
    assert same, f"lost: {[(t.quote, t.value, t.unit) for t in targets]}"
    got = [{field: getattr(t, field) for field in FIELDS} for t in same]
    assert expected in got, got


def test_every_transform_applies_to_many_gold_sentences():
    counts = {name: sum(1 for case in VARIANTS if case.id.startswith(name + ":")) for name in TRANSFORMS}
    assert counts["same"] == len(SENTENCES) >= 230
    assert all(count >= 4 for count in counts.values()), counts  # few gold targets are written in Chinese numerals
