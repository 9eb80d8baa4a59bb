"""Reads that look only near a place give what the pattern over all the text gave (the latter was quadratic in a
sentence of many targets: bench.py scaling's many targets in one sentence)."""
from __future__ import annotations

import regex
from hypothesis import given, strategies as st

from planparse.indicator import _without_notation
from planparse.targets import _opens_part

_TEXTS = st.text(alphabet="其中外M2a，、（ \n5设施%")


@given(_TEXTS, st.integers(min_value=0, max_value=12))
def test_a_part_is_found_opening_a_clause_as_by_the_one_pattern(text, start):
    start = min(start, len(text))
    assert _opens_part(text, start) == bool(regex.compile(r"[^\p{Han}\d]*其中").match(text, start))


@given(_TEXTS)
def test_the_letter_a_value_is_written_with_is_cut_as_by_the_one_pattern(text):
    assert _without_notation(text) == regex.compile(r"(?<![A-Za-z])[A-Za-z]$").sub("", text)


def test_a_magnitude_letter_and_a_part_are_read_in_a_plan_sentence():
    assert _without_notation("地震监测能力达到M") == "地震监测能力达到"
    assert _without_notation("达到PM") == "达到PM"
    assert _opens_part("建成幸福河湖50条，其中省级12条", 10) and not _opens_part("建成幸福河湖50条，其中省级12条", 0)
