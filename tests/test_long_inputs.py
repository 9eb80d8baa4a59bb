"""Inputs of pathological shape: the same answers as a plain reading, and outputs that stay bounded.

The scanning functions here were rewritten to stay linear (benchmarks/bench.py
times them); each is checked against the character-by-character reading it replaced.
"""
from __future__ import annotations

from types import SimpleNamespace

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from conftest import run_planparse, write_plan

from planparse.indicator import _bare_verb, _last_item, _names_a_list, _tag, _verb_right_before, clause_marks, last_clause
from planparse.pipeline import extract
from planparse.responsibility_notes import bracket_groups, open_depth, responsibility_rules, split_outside_brackets
from planparse.rules import load_rule_set
from planparse.targets import _PART_WORDS, _PART_WORDS_REACH, TEXT_REACH, Mark, Span, _clauses_over, _item, _MarksByPlace, sentence_reader

_OPENERS, _CLOSERS = "（(〔【[", "）)〕】]"
_TEXT = st.text(st.sampled_from(list("（）()〔〕【】[]、，,市局政府和")), max_size=30)


def plain_depths(text: str) -> list[int]:
    """The depth after each character; a closing bracket with none open counts for nothing."""
    depths, depth = [], 0
    for char in text:
        depth += char in _OPENERS
        depth -= char in _CLOSERS and depth > 0
        depths.append(depth)
    return depths


@given(_TEXT)
def test_bracket_groups_and_open_depth_read_as_character_by_character(text):
    depths = plain_depths(text)
    spans, start, before = [], 0, 0
    for index, depth in enumerate(depths):
        if before == 0 < depth:
            start = index
        elif depth == 0 < before:
            spans.append((start, index + 1))
        before = depth
    assert bracket_groups(text) == spans
    assert open_depth(text) == (depths[-1] if depths else 0)
    assert open_depth(text[len(text) // 2:], open_depth(text[:len(text) // 2])) == open_depth(text)


@pytest.mark.parametrize("separator", [responsibility_rules().separator, regex.compile("(?<=市)、|[，局]")],
                         ids=["a class of listed characters", "any other pattern"])
@given(_TEXT)
def test_split_outside_brackets_reads_as_character_by_character(separator, text):
    parts, start = [], 0
    for index, (char, depth) in enumerate(zip(text, plain_depths(text))):
        if depth == 0 and char not in _CLOSERS and separator.fullmatch(char):
            parts.append(text[start:index])
            start = index + 1
    assert split_outside_brackets(text, separator) == [*parts, text[start:]]


@given(st.text(st.sampled_from(list("（）()“”《》、科技a1")), max_size=30))
def test_the_last_item_is_found_reading_backwards(text):
    depth, cut = 0, 0
    for index, char in enumerate(text):
        depth += (char in "（(“《") - (char in "）)”》")
        if char == "、" and depth == 0:
            cut = index + 1
    assert _last_item(text) == text[cut:]


@given(st.text(st.sampled_from(list("（）()“”《》、科技a1")), max_size=30), st.integers(min_value=0, max_value=30),
       st.text(st.sampled_from(list("（）、，科")), max_size=5))
def test_the_last_item_is_found_from_the_items_its_clause_begins(clause, end, around):
    """Where a clause's items begin, read once for all its values (clause_marks), gives each value's text before it
    the last item reading it backwards gives, whatever the sentence holds around the clause."""
    end %= len(clause) + 1
    sentence = around + clause + around
    assert _last_item(clause[:end], clause_marks(sentence, len(around), len(around) + len(clause)).item_starts) == _last_item(clause[:end])


@given(st.text(st.sampled_from(list("分别均达到、科")), max_size=30), st.integers(min_value=0, max_value=30),
       st.text(st.sampled_from(list("分别、，")), max_size=4))
def test_respectively_is_looked_up_where_the_clause_first_says_it(clause, end, around):
    """Where 分别 first stands in a clause, read once for all its values (clause_marks), tells each value whether the
    words before it say 分别, as seeking it in them does, whatever the sentence holds around the clause."""
    end %= len(clause) + 1
    marks = clause_marks(around + clause + around, len(around), len(around) + len(clause))
    assert _names_a_list(clause[:end], marks) == _names_a_list(clause[:end])


@given(st.text(st.sampled_from(list("，、；。：（( 科技经费培训")), max_size=30), st.integers(min_value=0, max_value=30))
def test_the_last_clause_is_found_reading_backwards(text, end):
    end %= len(text) + 1
    before = text[:end].rstrip("，,、：:；;。 ")
    assert last_clause(text, end) == regex.split("[，,；;。！!：:（(]", before)[-1]


@given(st.text(st.sampled_from(list("其中省级市、和及与科普1，")), max_size=40))
def test_the_words_of_a_part_are_sought_only_as_far_back_as_they_reach(text):
    bounded = _PART_WORDS.search(text, max(0, len(text) - _PART_WORDS_REACH), len(text))
    whole = _PART_WORDS.search(text, 0, len(text))
    assert (bounded and bounded.span()) == (whole and whole.span())


_SPAN = st.tuples(st.integers(min_value=0, max_value=30), st.integers(min_value=0, max_value=4))


@given(st.text(st.sampled_from(list("；;，科技")), max_size=30), _SPAN)
def test_the_item_a_cue_speaks_of_is_looked_up_among_the_item_breaks(text, span):
    """A cue of its item (有条件的县…) speaks from after the last ； before it to the first at or after its end."""
    start = span[0] % (len(text) + 1)
    end = min(start + span[1], len(text))
    breaks = [index for index, char in enumerate(text) if char in "；;"]
    opening = max((index + 1 for index in range(start) if text[index] in "；;"), default=0)
    closing = next((index for index in range(end, len(text)) if text[index] in "；;"), len(text))
    assert _item(breaks, Span(start, end), len(text)) == Span(opening, closing)


@given(st.lists(st.integers(min_value=1, max_value=5), min_size=1, max_size=8), _SPAN)
def test_the_clauses_a_cue_overlaps_are_looked_up_from_the_one_it_starts_in(lengths, span):
    """A cue of its clause speaks of every clause its words overlap, an empty match of none it only touches."""
    ends = [sum(lengths[:count + 1]) for count in range(len(lengths))]
    clauses = [Span(start, end) for start, end in zip([0, *ends], ends)]
    start = span[0] % (ends[-1] + 1)
    cue = Span(start, min(start + span[1], ends[-1]))
    assert _clauses_over(clauses, [clause.start for clause in clauses], cue) == [clause for clause in clauses if clause.overlaps(cue)]


def test_a_sentence_of_many_targets_writes_each_its_clause_not_the_sentence(tmp_path):
    items = "、".join(f"设施覆盖率达到{index % 90 + 5}%" for index in range(190))  # limits.py: 200 numbers a sentence
    document = extract(write_plan(tmp_path, f"一、发展目标\n到2025年，{items}。\n"))
    assert len(document.targets) == 190
    assert all(len(target.text) <= TEXT_REACH and target.quote in target.text for target in document.targets)
    assert all(target.deadline == 2025 for target in document.targets)


def test_a_bracket_left_open_over_many_paragraphs_is_read_when_it_closes(tmp_path):
    filler = "\n".join(["推进科学教育与培训，完善科普基础设施。"] * 300)
    plan = f"一、重点任务\n（一）加强科学教育\n推进科普工作（责任单位：市教育局\n{filler}\n市科协）\n（二）完善设施\n建设科普基地。\n"
    document = extract(write_plan(tmp_path, plan))
    (found,) = document.responsibilities
    assert found.text.startswith("（责任单位：市教育局") and found.text.endswith("市科协）") and found.section == "1.1"
    assert document.sections[0].children[0].body.count("\n") >= 300  # the long section's body, whole



@given(st.lists(st.sampled_from(["培训", "帮扶", "宣讲", "改造", "新（改）建", "设施", "医生", "全县", "每年", "5G", "基站",
                                  "开展", "、", "，", "；", "（", "）"]), max_size=14))
def test_the_verb_right_before_a_count_is_read_from_the_words_after_the_last_mark_as_from_the_whole_text(words):
    text = "".join(words)  # no comparator among the words: the whole text was tagged before each count
    assert _verb_right_before(text) == (_bare_verb(_tag(text)[-1][0]) if text else None)


_RULES = load_rule_set()
_WORK = _RULES.expanded("{work_on_an_object}", "test")  # one word of work


@given(st.lists(st.sampled_from(["建设", "改造", "标准化", "任务", "全覆盖", "覆盖", "村", "卫生室", "设", "全县"]), max_size=12))
def test_the_work_done_on_an_object_is_left_off_its_end_as_a_repeat_anchored_there_would(words):
    object_words = "".join(words)
    assert sentence_reader(_RULES)._without_the_work(object_words) == regex.sub(f"(?:{_WORK})+$", "", object_words)


def test_a_completion_over_a_place_of_nine_thousand_words_of_work_is_read_in_bounded_time(tmp_path):
    plan = write_plan(tmp_path, "一、工作目标\n新建村卫生室12所，2024年底前完成全县" + "建设" * 9000 + "X。\n")
    run = run_planparse("extract", str(plan), timeout=30)  # minutes before: the work left off by a repeat anchored at the end
    assert run.returncode == 0 and '"value": 12' in run.stdout


_SPANS = st.tuples(st.integers(0, 40), st.integers(1, 12)).map(lambda place: Span(place[0], place[0] + place[1]))


@given(st.lists(st.tuples(_SPANS, st.sampled_from(["all", "numeric", "milestone"]), st.sampled_from(["fine", "quoted"])), max_size=12),
       _SPANS, st.booleans())
def test_the_mark_deciding_a_candidate_is_looked_up_by_its_places_as_by_asking_each_mark(marks, anchor, numeric):
    """Marks of any span, nested or overlapping, cues speaking of numbers, milestones or both: the first that decides."""
    written = [Mark(span, SimpleNamespace(id=name, rule=SimpleNamespace(applies_to=applies))) for span, applies, name in marks]
    candidate = SimpleNamespace(anchor=anchor, amount=1 if numeric else None)
    expected = next((mark for mark in written if mark.decides(candidate, touching=True)), None)
    assert _MarksByPlace(written, 52).first_deciding(candidate) is expected
