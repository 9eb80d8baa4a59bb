"""Every numbering style in rules/headings.yaml matches its examples and none of its counter-examples."""
from __future__ import annotations

import pytest

from planparse.numerals import numeral_value
from planparse.rules import heading_styles

CASES = [(style.style.value, example.text, example.number) for style in heading_styles() for example in style.rule.examples]
COUNTER = [(style.style.value, text) for style in heading_styles() for text in style.rule.not_examples]


@pytest.mark.parametrize("style,text,number", CASES, ids=[f"{s}:{t}" for s, t, _ in CASES])
def test_style_matches_its_examples(style, text, number):
    rule = next(s for s in heading_styles() if s.style.value == style)
    match = rule.match(text)
    assert match is not None and numeral_value(match.group("number")) == number


@pytest.mark.parametrize("style,text", COUNTER, ids=[f"{s}:{t}" for s, t in COUNTER])
def test_style_rejects_its_counter_examples(style, text):
    rule = next(s for s in heading_styles() if s.style.value == style)
    assert rule.match(text) is None
