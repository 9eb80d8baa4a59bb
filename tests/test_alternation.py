"""rules._alternation by first character: the word lists as the engine runs them fastest, with the same matches."""
from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from planparse.rules import _alternation, load_rule_set

# Characters that make words collide: shared first and last characters, Latin letters in both cases (and the
# Kelvin sign and long s, which (?i:k) and (?i:s) match), digits after letters (m2), a unit word's neighbours.
# A few characters, so that one word often ends another (平方公里, 公里) or begins it.
ALPHABET = "公里平kK2\u212a\u017f"
WORDS = st.lists(st.text(ALPHABET, min_size=1, max_size=3), min_size=1, max_size=10)
TEXTS = st.text(ALPHABET + "，", max_size=24)


def spans(pattern: str, text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(match.span(), match.groupdict()) for match in regex.finditer(pattern, text)]


@settings(max_examples=400)
@given(WORDS, st.data(), TEXTS)
def test_the_words_grouped_by_first_character_match_as_the_list(words: list[str], data: st.DataObject, text: str) -> None:
    not_before = {word: data.draw(st.lists(st.text(ALPHABET, min_size=1, max_size=2), max_size=2)) for word in words}
    plain, grouped = _alternation(words, not_before), _alternation(words, not_before, by_first_char=True)
    for shape in ("(?P<w>{})", "(?P<w>{})里", "(?r)(?P<w>{})", "(?<=(?P<w>{}))", "(?<=(?P<w>{})平)"):
        # forwards, forwards with a character to backtrack for, backwards, in a lookbehind (read backwards)
        assert spans(shape.format(grouped), text) == spans(shape.format(plain), text), shape


def test_words_of_one_first_character_are_one_branch() -> None:
    """Behind a lookahead for the characters the words open with."""
    assert _alternation(["万吨", "万元", "亿元"], {}, by_first_char=True) == "(?=[万亿])(?:万(?:元|吨)|亿元)"
    assert _alternation(["公顷面积", "平方米", "公里"], {}, by_first_char=True) == "(?=[公平])(?:公(?:顷面积|里)|平方米)"
    # backwards (a lookbehind) 公里 would be read before 平方公里, which ends alike: it stays after it
    assert _alternation(["公顷面积", "平方公里", "公里"], {}, by_first_char=True) == "(?=[公平])(?:公顷面积|平方公里|公里)"
    # (?i:kg) matches the Kelvin sign: a word led by it stays after it
    assert _alternation(["\u212a度量", "kg", "\u212a度"], {}, by_first_char=True) == \
        "(?=[Kk\u212a])(?:\u212a度量|(?i:kg)(?![A-Za-z0-9])|\u212a度)"


def test_the_rules_compile_the_grouped_lists() -> None:
    rule_set = load_rule_set()
    assert rule_set.engine_fragments["comparator_before"].startswith("(?=[<>")
    assert rule_set.fragments["comparator_before"] != rule_set.engine_fragments["comparator_before"]
    assert all(rule.regex.pattern != rule.source for rule in rule_set.rules if "{unit}" in rule.rule.pattern)
