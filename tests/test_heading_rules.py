"""Every numbering style in rules/headings.yaml matches its examples and none of its counter-examples."""
from __future__ import annotations

import pytest

from planparse.numerals import numeral_value
from planparse.rules import heading_styles

# A style may have several rules, each counting its own numbering (第一篇 and 第一章 are both chapters): by place in the file
CASES = [(index, example.text, example.number) for index, style in enumerate(heading_styles()) for example in style.rule.examples]
COUNTER = [(index, text) for index, style in enumerate(heading_styles()) for text in style.rule.not_examples]


def _name(index: int) -> str:
    return heading_styles()[index].numbering


@pytest.mark.parametrize("index,text,number", CASES, ids=[f"{_name(i)}:{t}" for i, t, _ in CASES])
def test_style_matches_its_examples(index, text, number):
    match = heading_styles()[index].match(text)
    assert match is not None and numeral_value(match.group("number")) == number


@pytest.mark.parametrize("index,text", COUNTER, ids=[f"{_name(i)}:{t}" for i, t in COUNTER])
def test_style_rejects_its_counter_examples(index, text):
    assert heading_styles()[index].match(text) is None
