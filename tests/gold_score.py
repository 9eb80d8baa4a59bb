"""Scores an extraction against a gold answer as the project's evaluation counts (GUIDE.md, output-contract.md).

A heading is found when its level, number and first six characters of title are; a target when a
found target's text or quote holds the gold quote and its value and unit (or, for a milestone, its
kind) agree; a responsibility when a found one under the same heading and source names the same units.
Whitespace, width and ``**`` never count.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from planparse.models import Document, Target, walk_sections

FIELDS = ("comparator", "deadline", "frequency", "value_max", "kind")


def squash(text: str | None) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or "")).replace("**", "")


@dataclass(frozen=True)
class Score:
    """What one document's extraction gets right: found (true positives) of what was given and what was wanted."""

    headings: tuple[int, int, int]  # found, given, wanted
    numeric: tuple[int, int, int]
    milestones: tuple[int, int, int]
    fields: int  # the comparators, deadlines, frequencies, ranges and kinds of found numeric targets that agree
    metadata: int  # metadata fields that agree
    responsibilities: tuple[int, int, int]


def score(document: Document, gold_headings: list[dict], gold: dict) -> Score:
    numeric, milestones, fields = _targets(document.targets, gold["targets"])
    return Score(_headings(document, gold_headings), numeric, milestones, fields, _metadata(document, gold["metadata"]),
                 _responsibilities(document, gold["responsibilities"]))


def _headings(document: Document, gold: list[dict]) -> tuple[int, int, int]:
    found = Counter((s.level, s.number, squash(s.title)[:6]) for s in walk_sections(document.sections))
    wanted = Counter((h["level"], h["number"], squash(h["title"])[:6]) for h in gold)
    return sum((found & wanted).values()), sum(found.values()), sum(wanted.values())


def _same_value(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)), abs(float(b)))


def _matches(gold: dict, target: Target) -> bool:
    quote = squash(gold["quote"])
    found_quote = squash(target.quote)
    if quote not in squash(target.text) + "\0" + found_quote and not (found_quote and found_quote in quote):
        return False
    if gold["kind"] == "milestone":
        return target.kind == "milestone"
    return _same_value(gold["value"], target.value) and (gold["unit"] or "") == (target.unit or "")


def _agreeing_fields(wanted: dict, target: Target) -> int:
    return sum(_same_value(wanted[f], getattr(target, f)) if f == "value_max" else wanted.get(f) == getattr(target, f)
               for f in FIELDS)


def _targets(found: list[Target], gold: list[dict]) -> tuple[tuple[int, int, int], tuple[int, int, int], int]:
    given = [target for target in found if target.kind != "baseline"]
    unused = list(given)
    hits = {False: 0, True: 0}
    fields = 0
    for milestone in (False, True):
        for wanted in (g for g in gold if (g["kind"] == "milestone") == milestone):
            # The best of the matching targets, not the first: two cells of one row (新建口袋公园 40 in 2025 and in 2026)
            # each pair with the target of their own year.
            target = max((t for t in unused if _matches(wanted, t)), default=None,
                         key=lambda t: (wanted.get("deadline") == t.deadline, _agreeing_fields(wanted, t)))
            if target is None:
                continue
            unused.remove(target)
            hits[milestone] += 1
            if not milestone:
                fields += _agreeing_fields(wanted, target)
    count = {m: sum(1 for t in given if (t.kind == "milestone") == m) for m in (False, True)}
    wanted = {m: sum(1 for g in gold if (g["kind"] == "milestone") == m) for m in (False, True)}
    return (hits[False], count[False], wanted[False]), (hits[True], count[True], wanted[True]), fields


def _metadata(document: Document, gold: dict) -> int:
    found = document.metadata.model_dump(mode="json")
    return sum(_meta(key, value) == _meta(key, found.get(key)) for key, value in gold.items())


def _meta(key: str, value):
    if value is None:
        return None
    return (value["start"], value["end"]) if key == "period" else squash(str(value))


def _responsibilities(document: Document, gold: list[dict]) -> tuple[int, int, int]:
    def units(r) -> set[str]:
        return {squash(unit) for unit in [*r["lead"], *r["support"]]}

    found = [r.model_dump() for r in document.responsibilities]
    hits = sum(any(squash(r["heading"])[:6] == squash(g["heading"])[:6] and r["source"] == g["source"] and units(r) == units(g)
                   for r in found) for g in gold)
    return hits, len(found), len(gold)
