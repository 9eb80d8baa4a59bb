"""How well planparse reads the quantities of a peer's test suite, as a new user would meet them.

    .venv/bin/python benchmarks/peer_suite.py PEER_FOLDER [--show]

PEER_FOLDER holds the Chinese specification files of Microsoft Recognizers-Text
(PercentModel.json, CurrencyModel.json, DimensionModel.json, AgeModel.json,
TemperatureModel.json): each case is an ``Input`` sentence and the quantities
(``Results``) the peer expects in it. Each sentence is wrapped as a plan's
target sentence (``到2025年，…。``; a bare quantity as ``到2025年，该项指标达到….``),
run through normalisation and the target rules, and each expected quantity is
counted as

* right: a target carries its value and unit,
* wrong: a target over its words carries another value or unit, with no review flag,
* flagged: the same, but the target says it needs review,
* missed: no target over its words.

Cases that are not plan-like are skipped, each with its reason (``SKIPS``),
and so are cases where the peer expects nothing. ``--show`` lists every
counted quantity that is not right.
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import regex

from planparse.models import SourceLine
from planparse.normalize import normalize
from planparse.targets import targets_in_text

FILES = ("PercentModel.json", "CurrencyModel.json", "DimensionModel.json", "AgeModel.json", "TemperatureModel.json")
GOAL_FILES = FILES[:3]  # the files the quantity grammar answers for

# Why a quantity is not plan-like: the first pattern that finds its text (or
# its case's sentence, for the sentence-wide ones) names the reason.
SKIPS = (
    ("text", r"折", "a retail discount (八折)"),
    ("text", r"[毛角]|美分|块|銭|元\d|元[一二三四五六七八九]", "small change (五元三毛, 三块)"),
    ("text", r"[kK]", "a spoken k for thousands (百分之15k)"),
    ("text", r"兆", "兆 as 10^12 or as a data-size prefix (四十九兆, 五十兆字节)"),
    ("text", r"比特|字节|^一位$", "data sizes in bits and bytes"),
    ("text", r"[百千万]万分之", "parts per million and beyond (百万分之五), which plans do not write in words"),
    ("unit", r"^Liang$", "两 as a weight (二两), which plans never use and which reads as two"),
    ("unit", r"^Bitcoin$", "cryptocurrency holdings"),
    ("unit", r"^(?:Month|Week|Day)$", "an infant's age (十个月大, 三周大)"),
    ("input", r"订单号|\d{15,}", "an order number, not an amount"),
    ("input", r"百分位", "a percentile rank, not a percentage"),
    ("input", r"之间", "the peer reads only the upper end of a range (5-20%之间)"),
    ("value", r"^$", "a currency or unit name without an amount"),
)

# The peer's unit names and the measure words planparse writes for them.
PEER_UNITS = {
    "Chinese yuan": {"元", "人民币", "元人民币", "¥", "￥"},
    "United States dollar": {"美元", "美圆"},
    "Dollar": {"美元", "$"},
    "Euro": {"欧元"},
    "Swiss franc": {"瑞士法郎"},
    "Hong Kong dollar": {"港元", "港币"},
    "New Taiwan dollar": {"台币", "新台币"},
    "Japanese yen": {"日元"},
    "Nigerian naira": {"奈拉"},
    "Mu": {"亩"},
    "Kilogram": {"公斤", "千克", "kg"},
    "Gram": {"克", "g"},
    "Microgram": {"微克", "μg"},
    "Ton": {"吨"},
    "Jin": {"斤"},
    "Meter": {"米", "m"},
    "Centimeter": {"公分", "厘米", "cm"},
    "Kilometer": {"千米", "公里", "km"},
    "Kilowatt": {"千瓦", "kw"},
    "Hertz": {"赫兹", "hz"},
    "Kilocalorie": {"千卡"},
    "Year": {"岁", "周岁"},
    "Degree": {"度"},
    "C": {"摄氏度", "℃", "°c"},
    "F": {"华氏度", "℉", "°f"},
}
# Percentages: the peer gives every one in %, planparse keeps the unit written.
PERCENT_UNITS = {"%": 1.0, "个百分点": 1.0, "‰": 0.1, "/万": 0.01, "/10万": 0.001}  # 万分之三 and 3‱ read 3 /万


@dataclass(frozen=True)
class Expected:
    file: str
    sentence: str
    text: str
    value: str | None
    unit: str | None


def squash(text: str) -> str:
    return regex.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def skip_reason(expected: Expected) -> str | None:
    fields = {"text": expected.text, "unit": expected.unit or "", "input": expected.sentence, "value": expected.value or ""}
    return next((reason for field, pattern, reason in SKIPS if regex.search(pattern, fields[field])), None)


def wrapped(case: dict) -> str:
    """The case's sentence as a plan writes a target: with a deadline, and a verb before a bare quantity."""
    sentence = case["Input"].strip()
    bare = len(case["Results"]) == 1 and squash(case["Results"][0]["Text"]) == squash(sentence)
    return f"到2025年，该项指标达到{sentence}。" if bare else f"到2025年，{sentence}。"


def reads_right(target, expected: Expected) -> bool:
    unit = (target.unit or "").lower()
    if target.value is None:
        return False
    if expected.file == "PercentModel.json":
        wanted = float(expected.value.rstrip("%"))
        return unit in PERCENT_UNITS and abs(target.value * PERCENT_UNITS[unit] - wanted) <= 1e-9 * max(1, abs(wanted))
    wanted = float(expected.value)
    return unit in PEER_UNITS.get(expected.unit, set()) and abs(target.value - wanted) <= 1e-9 * max(1, abs(wanted))


def over(target, text: str, where: str) -> bool:
    """Whether the target's quote covers words of the expected quantity in the text ``where``."""
    quote, wanted = squash(target.quote), squash(text)
    if not quote or not wanted:
        return False
    start, quote_at = where.find(wanted), where.find(quote)
    if start < 0 or quote_at < 0:
        return wanted in quote or quote in wanted
    return quote_at < start + len(wanted) and start < quote_at + len(quote)


def verdict(expected: Expected, targets: list, where: str) -> str:
    if any(reads_right(target, expected) for target in targets):
        return "right"
    near = [target for target in targets if over(target, expected.text, where)]
    if not near:
        return "missed"
    return "flagged" if all(getattr(target, "review", None) for target in near) else "wrong"


def run_file(path: Path, show: bool) -> tuple[Counter, Counter]:
    counts: Counter = Counter()
    skipped: Counter = Counter()
    for case in json.loads(path.read_text(encoding="utf-8-sig")):
        if not case["Results"]:
            skipped["the peer expects no quantity"] += 1
            continue
        sentence = wrapped(case)
        paragraphs = normalize([SourceLine(text=sentence, line=1)])
        text = paragraphs[0].text if paragraphs else sentence
        targets = targets_in_text(text)
        for result in case["Results"]:
            resolution = result.get("Resolution") or {}
            expected = Expected(path.name, case["Input"], result["Text"], resolution.get("value"), resolution.get("unit"))
            reason = skip_reason(expected)
            if reason:
                skipped[reason] += 1
                continue
            outcome = verdict(expected, targets, squash(text))
            counts[outcome] += 1
            if show and outcome != "right":
                found = [(t.quote, t.value, t.unit, t.comparator, getattr(t, "review", None)) for t in targets]
                print(f"  {outcome:7} {case['Input'][:40]!r} wants {expected.text} = {expected.value} {expected.unit}; read {found}")
    return counts, skipped


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("peer", type=Path, help="folder of the peer's Chinese specification files")
    parser.add_argument("--show", action="store_true", help="list the quantities not read right")
    args = parser.parse_args()
    missing = [name for name in FILES if not (args.peer / name).is_file()]
    if missing:
        print(f"{args.peer}: no {', '.join(missing)}", file=sys.stderr)
        return 2
    goal: Counter = Counter()
    for name in FILES:
        counts, skipped = run_file(args.peer / name, args.show)
        total = sum(counts.values())
        share = counts["right"] / total if total else 0.0
        print(f"{name:22} plan-like {total:3}: right {counts['right']:3} ({share:.0%}), wrong {counts['wrong']:2}, "
              f"flagged {counts['flagged']:2}, missed {counts['missed']:2}; skipped {sum(skipped.values())}")
        for reason, count in sorted(skipped.items()):
            print(f"    skipped {count:3}: {reason}")
        if name in GOAL_FILES:
            goal.update(counts)
    total = sum(goal.values())
    print(f"{'Percent+Currency+Dimension':22} plan-like {total:3}: right {goal['right']:3} ({goal['right'] / total:.0%}), "
          f"wrong {goal['wrong']:2}, flagged {goal['flagged']:2}, missed {goal['missed']:2}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
