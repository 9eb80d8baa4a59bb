"""The pre-filter read from a pattern never rules out a text the pattern matches, and rules out most others."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from planparse.required_chars import OTHER_DIGIT, Prefilter, Prefilters, finder_of_what_every_match_holds, lead_pattern, required_clauses
from planparse.rules import CompiledRule, load_rule_set

PIECES = ["a", "b", "ab", "一", "个", "5", "K", "\\d", "[ab]", "[0-9]", "[^a]", ".", "\\p{Han}", "\\s", "\\b", "^", "$",
          "-", "\\-", "[a\\-]", "\\x41", "\\u4e00", "a{2}", "[一-十]", "(?P=g1)", "(?P=g2)", "\\1", "(?i:\\2)",
          "[5\\-a]", "(?i:i)"]
GROUPS = ["(?:{})", "(?=[^x]*{})", "(?={})", "(?!{})", "(?<={})", "(?<!{})", "(?P<g{}>{})", "(?i:{})", "(?>{})", "(?(g1){})", "(?(g2){})"]
QUANTIFIERS = ["", "*", "+", "?", "{0,2}", "{1,2}", "{2}", "+?", "*+", "{,3}"]


@st.composite
def patterns(draw, depth: int = 0) -> str:
    if depth > 2 or draw(st.booleans()):
        return draw(st.sampled_from(PIECES))
    parts = [draw(patterns(depth + 1)) for _ in range(draw(st.integers(1, 3)))]
    inner = ("|" if draw(st.booleans()) else "").join(parts)
    template = draw(st.sampled_from(GROUPS))
    group = template.format(depth, inner) if "P<g" in template else template.format(inner)
    return group + draw(st.sampled_from(QUANTIFIERS))


TEXTS = st.text(alphabet="ab一二个5AaK\u212ak\u0663 \u3000\t-xi\u0130", max_size=12)


@settings(max_examples=1500, deadline=None)
@given(patterns(), TEXTS)
def test_a_text_the_pattern_matches_is_never_ruled_out(pattern, text):
    _assert_never_ruled_out(pattern, text)


def _assert_never_ruled_out(pattern: str, text: str) -> None:
    try:
        compiled = regex.compile(pattern)
    except regex.error:
        return
    if compiled.search(text):
        assert Prefilter.of(pattern).may_match(text), (pattern, text)


@settings(max_examples=1000, deadline=None)
@given(st.lists(patterns(), min_size=2, max_size=4), TEXTS)
def test_a_text_one_alternative_matches_is_never_ruled_out(alternatives, text):
    """The tests of each alternative at a pattern's top level (``Prefilter.branches``) pass a text one of them matches."""
    _assert_never_ruled_out("|".join(alternatives), text)


@pytest.mark.parametrize("compile_finders", [None, re.compile])  # the leads' finders on either engine
@settings(max_examples=500, deadline=None)
@given(sources=st.lists(patterns(), min_size=1, max_size=5), text=TEXTS)
def test_rules_tested_together_keep_every_one_that_matches(compile_finders, sources, text):
    compiled = []
    for source in sources:
        try:
            compiled.append(regex.compile(source))
        except regex.error:
            pass
    together = Prefilters(compiled, [Prefilter.of(pattern.pattern) for pattern in compiled], compile_finders=compile_finders)
    possible = together.possible(text)
    assert [pattern for pattern in compiled if pattern.search(text)] == [pattern for pattern in possible if pattern.search(text)]


@settings(max_examples=1500, deadline=None)
@given(patterns(), TEXTS, st.integers(0, 12), st.integers(0, 12))
@example("(?<=a)b", "ab", 1, 2)  # the a looked behind for stands before the search's start
@example("ab|ba", "aba", 1, 3)  # the options overlap: ba starts inside the ab found first
def test_a_search_between_two_places_matches_only_where_an_option_every_match_holds_starts_between(pattern, text, start, end):
    try:
        compiled = regex.compile(pattern)
    except regex.error:
        return
    finder = finder_of_what_every_match_holds(pattern)
    if finder is not None and compiled.search(text, start, end):
        starts = [match.start() for match in re.finditer(finder, text)]  # over the whole text, as a sentence's are found
        assert any(start <= place < end for place in starts), (pattern, text, start, end)


def _options_found(finder: str | None, text: str) -> list[str]:
    return [text[match.start():match.start() + 2] for match in re.finditer(finder, text)]


def test_a_year_s_whole_needs_its_pair_and_a_look_behind_is_not_trusted():
    whole_year = finder_of_what_every_match_holds("全年度?(?!龄)|(?<![\\p{Han}\\d])年度(?=新增|$)")
    assert _options_found(whole_year, "服务老年人300人次，全年度新增") == ["全年", "年度"]  # 老年 is none of them
    assert _options_found(finder_of_what_every_match_holds("[保维]持在|稳定在"), "稳步推进，持续开展") == []  # 稳 and 持 alone
    assert finder_of_what_every_match_holds("(?<=累)计|年") is None  # 累 may stand before where a search starts


def test_what_a_pattern_requires():
    percent = Prefilter.of("(?:[百千]分之|[1-9]分之)\\d+")
    assert not percent.may_match("提高到60%")
    assert percent.may_match("百分之30")
    pair = Prefilter.of("[一二三](?:个|所)")  # 一 and 个 apart are everywhere, together they are rare
    assert not pair.may_match("统一建设个人中心")
    assert pair.may_match("建成三所学校")
    assert Prefilter.of("\\d").may_match("\u0663")  # an Arabic-Indic digit
    assert Prefilter.of("(?i:k)m").may_match("\u212am")  # the Kelvin sign


def test_a_number_in_digits_only_the_regex_module_knows_is_still_tested():
    """The shipped rules' tests and finders run on Python's re, whose \\d lacks the digits of scripts its Unicode is too old
    for (Garay, U+10D40…): a number the regex module reads in them keeps the rules that match it."""
    garay = "\U00010D45\U00010D40"
    rules = load_rule_set().by_role("target")
    together = CompiledRule.prefilters(rules)
    for sentence in (f"全市新建口袋公园{garay}个。", f"全省森林覆盖率达到{garay}%以上。"):  # parks, forestry
        matching = [rule for rule in rules if rule.regex.search(sentence)]
        assert matching, sentence
        assert set(matching) <= set(together.possible(sentence)), sentence


def test_a_space_is_one_of_those_the_regex_module_matches_by_escape():
    """\\s is read as the characters it matches: every one the regex module's \\s matches is among them."""
    every_character = "".join(map(chr, range(0x110000)))
    spaces = set(regex.findall("\\s", every_character)) | set(regex.findall("[\\s]", every_character))
    (clause,) = required_clauses("\\s")
    assert spaces <= clause


def test_a_range_is_tried_only_where_a_measure_word_runs_into_its_dash():
    """unit-range (5万亩至10万亩) reads its range mark after the measure word, spaces between or not: a sentence holding
    到 or 至 only before a year (到2025年, in most sentences of a plan) is not tried."""
    rule = next(rule for rule in load_rule_set().rules if rule.id == "unit-range")
    for sentence in ("到2025年，全市新建口袋公园20个，绿道总长度达到300公里。",  # parks
                     "至2027年，全区养老机构护理型床位占比达到60%以上。"):  # elderly care
        assert not rule.prefilter.may_match(sentence), sentence
    for sentence in ("每年新建高标准农田5万亩至10万亩。", "每个社区配备网格员3名 - 5名。"):  # farmland, community work
        assert rule.regex.search(sentence) and rule.prefilter.may_match(sentence), sentence


def test_a_count_listed_after_a_built_one_needs_a_verb_right_before_the_first_numeral():
    """count-listed-after-a-built-count (新建三所初中和五所小学) needs an action verb directly before its first numeral: the
    Party congresses a plan's guiding thoughts cite (十九大和十九届: 和 before a numeral, a measure word after it) beside a
    verb elsewhere are not tried, as they were when only the two rarest pairs were tested."""
    rule = next(rule for rule in load_rule_set().rules if rule.id == "count-listed-after-a-built-count")
    for sentence in ("深入贯彻党的十九大和十九届历次全会精神，开展全民科学素质提升行动。",  # science outreach
                     "深入贯彻党的二十大和二十届二中全会精神，建设安全韧性城市。"):  # emergency management
        assert not rule.prefilter.may_match(sentence), sentence
    for sentence in ("到2025年，新建三所初中和五所小学。", "到2025年，建成两个区域医疗中心、四个县域医共体。"):  # education, health
        assert rule.regex.search(sentence) and rule.prefilter.may_match(sentence), sentence


def test_readings_that_once_ruled_out_a_match():
    cases = [
        ("\\d[.\\-/]\\d", "2025-06"),  # an escaped dash in a set is itself, not a range . to /
        ("(?:[到\\-~]|至)\\d", "3-5"),
        ("(?i:i)", "\u0130"),  # the dotted capital I matches i under (?i)
        ("(?P<n>a)(?:(?P<n>b))(?P=n)", "abb"),  # a name given twice: the back reference matches either group's
        ("".join(f"({char})" for char in "abcdefghij") + "\\10", "abcdefghijj"),  # \10 is group 10, not \1 then 0
    ]
    for pattern, text in cases:
        required_clauses("(?:(?P<n>b))")  # that group read before, alone
        assert regex.search(pattern, text), pattern
        assert Prefilter.of(pattern).may_match(text), (pattern, text)


def test_syntax_not_known_requires_nothing():
    for pattern in ["(?x) a b", "(?i)ab", "a{e<=1}", "(?(DEFINE)(?P<a>b))c", "[[:alpha:]]", "\\L<words>", "(?|a|b)"]:
        assert required_clauses(pattern) == (), pattern


def test_a_conditional_group_requires_one_of_its_branches_and_nothing_without_a_second():
    """(?(name)yes|no) is read as yes|no; (?(name)yes) as yes or nothing (where-possible's (?(may)…), a span's 累计)."""
    either = Prefilter.of("(?P<g>a)?(?(g)xy|xz)")
    assert either.may_match("xz") and either.may_match("axy") and not either.may_match("ay")
    assert required_clauses("(?P<g>a)?(?(1)yz)q") == (frozenset("q"),)
    where_possible = Prefilter.of("有条件的(?:县|村)(?P<may>可)?[^。]*?(?=[，,](?(may)(?!)|实现)|。|$)")
    assert where_possible.lead is not None and not where_possible.may_match("加强基层党组织建设。")


def test_every_shipped_rule_keeps_its_examples():
    for rule in load_rule_set().rules:
        for text in [example.text for example in rule.rule.examples] + list(rule.rule.not_examples):
            if rule.regex.search(text):
                assert rule.prefilter.may_match(text), (rule.id, text)


def test_the_quantity_rules_have_a_prefilter():
    rules = {rule.id: rule for rule in load_rule_set().by_role("target")}
    for rule_id in ("percent-words", "arabic-amount", "chinese-amount", "unit-range"):
        assert rules[rule_id].prefilter.tests, rule_id
    sentence = "坚持以人民为中心的发展思想，统一规划、分类指导，推动各项工作落到实处。"
    together = CompiledRule.prefilters(list(rules.values()))
    assert not together.possible(sentence)
    assert not together.always  # each is led: none is tested on every paragraph (chinese-amount by some 8,000 pairs)


def test_a_rule_that_reads_a_number_is_not_run_on_a_sentence_without_a_digit():
    """The digit is kept among a pattern's clauses past the rarer ones (its words, 值 of 价值观, 比 of 比例), and tested."""
    rule = next(rule for rule in load_rule_set().rules if rule.id == "value-of-an-index")
    assert frozenset("0123456789\U0010fffd") in required_clauses(rule.source)
    for sentence in ("践行社会主义核心价值观，弘扬科学精神和科学家精神，传递科学理念和行为方式。",  # science outreach
                     "到规划期末，全市公民具备科学素质的比例明显提高，各地区科学素质发展不均衡明显改善。",  # education
                     "进一步提高城乡居民收入比值的统计质量，完善指数编制方法。"):  # statistics
        assert not rule.prefilter.may_match(sentence), sentence
    assert rule.prefilter.may_match("到2025年，城乡居民人均可支配收入比缩小到2.2。")


# Each passes the tests of the whole of rule-standard's, setting-of-a-policy's and share-of-a-payment's patterns (比例 of one
# alternative, 公 or 收入 of another, a digit and %), and those of none of their alternatives.
SHARES_OF_A_PLAN = ["到2025年，全市公民具备科学素质的比例超过16%，各地区科学素质发展不均衡明显改善。",  # science outreach
                    "到2025年，全县居民健康素养水平提高到25%，城乡居民具备健康素养的人口比例持续提高。",  # health
                    "到2025年，全县农村生活污水治理率达到60%，畜禽粪污资源化利用比例达到80%以上。"]  # rural environment
RULES_OF_OTHER_SHARES = ("rule-standard", "setting-of-a-policy", "share-of-a-payment")


def test_a_rule_is_ruled_out_where_no_one_alternative_finds_all_it_needs():
    rules = {rule.id: rule for rule in load_rule_set().rules}
    for rule_id in RULES_OF_OTHER_SHARES:
        prefilter = rules[rule_id].prefilter
        for sentence in SHARES_OF_A_PLAN:
            assert all(test.search(sentence) for test in map(re.compile, prefilter.tests)), (rule_id, sentence)
            assert not prefilter.may_match(sentence), (rule_id, sentence)
    assert rules["rule-standard"].prefilter.may_match("用人单位应当按照不低于1.5%的比例安排残疾人就业。")


def test_the_clauses_a_pre_filter_s_tests_leave_out_are_tested_where_they_pass():
    """Of count-of-what-a-body-has-picks-out-who's clauses, six are its tests (MAX_CHAR_TESTS, MAX_PAIR_TESTS): the body
    counted after 以上的 (村, 企业, 人员…), past them, rules out a share of the counties, or of the river reaches."""
    rule = next(rule for rule in load_rule_set().rules if rule.id == "count-of-what-a-body-has-picks-out-who")
    for sentence in ("到2025年，全市40%以上的县（市、区）建成1座以上实体科普馆。",  # science outreach
                     "到2025年，全市60%以上的县（区）建成县域医疗卫生次中心。",  # health
                     "到2025年，全县80%以上的河段达到幸福河湖标准。"):  # water
        assert all(test.search(sentence) for test in map(re.compile, rule.prefilter.tests)), sentence
        assert rule.prefilter.holds_need(sentence, {}) and not rule.prefilter.may_match(sentence), sentence


def test_a_rule_no_sentence_of_a_plan_may_match_is_never_compiled(tmp_path):
    """A rule's pattern (rule-standard's: 25,000 characters) is compiled when first run: a plan of shares of its own is
    read without it (in a process of its own: another test may have compiled it)."""
    plan = tmp_path / "plan.txt"
    plan.write_text("关于印发某县行动方案的通知\n一、主要目标\n" + "\n".join(SHARES_OF_A_PLAN) + "\n", encoding="utf-8")
    program = ("import sys\nfrom planparse.pipeline import extract\nfrom planparse.rules import load_rule_set\n"
               "document = extract(sys.argv[1])\n"
               "print(len(document.targets), *(rule.id for rule in load_rule_set().rules if 'regex' in vars(rule)))")
    printed = subprocess.run([sys.executable, "-c", program, str(plan)], capture_output=True, text=True, check=True).stdout.split()
    assert int(printed[0]) >= 3 and not set(RULES_OF_OTHER_SHARES) & set(printed[1:]), printed


def test_a_lead_of_common_word_pairs_gives_way_to_a_rarer_character():
    """A pair is about as common as the words it spells: 开展 and 建成 are in a third of a plan's sentences, 都 in few; a
    numeral before a measure word (一个, 三项) is still rarer than 年. The lead only chooses where a rule is tested."""
    every_one = Prefilter.of(r"(?:开展|建成|完成)\p{Han}{0,5}都")
    assert every_one.lead == frozenset("都")
    assert Prefilter.of(r"[一二三][个项]\p{Han}{0,3}年").lead == frozenset({"一个", "一项", "二个", "二项", "三个", "三项"})
    together = Prefilters(["every-one"], [every_one])
    for sentence in ("全面开展义务教育优质均衡创建工作，建成一批新优质学校。",  # education
                     "完成国省干线公路改造，开展农村公路安全生命防护工程建设。"):  # transport
        assert not together._led(sentence), sentence  # not even tested: no 都
    assert together.possible("到2025年，全县行政村都建成标准化卫生室。") == ["every-one"]  # health


def test_a_rule_leads_with_the_clause_plans_hold_least_by_the_pairs_counted_in_them():
    """开展 and 完成 are in a tenth of a plan's paragraphs, more than a share of their rarer character says: a rule that
    needs one of many such verbs and 均, 都 or 全部 is led by the latter (pair_frequency.txt), and a sentence of the verbs
    alone is not tested. The lead only chooses where a rule is tested."""
    rule = next(rule for rule in load_rule_set().rules if rule.id == "milestone-every-one")
    every_one = Prefilters(["every-one"], [rule.prefilter])
    for sentence in ("全面开展义务教育优质均衡创建工作，推进集团化办学。",  # education
                     "完成国省干线公路改造，实施农村公路安全生命防护工程。"):  # transport
        assert not every_one._led(sentence), sentence
    assert every_one.possible("到2025年，全县行政村均建成标准化卫生室。") == ["every-one"]  # health


def test_the_tests_a_lead_settles_are_not_run_where_it_was_found():
    """A text a pre-filter's lead was found in holds a string the lead spells: the tests of its characters and of its
    pairs are settled (三所 holds 三, 所 and the pair), the others (a digit) are still run. The same answers, fewer tests."""
    count = Prefilter.of(r"[一二三](?:个|所)\p{Han}{0,4}\d")
    assert count.lead == frozenset({"一个", "一所", "二个", "二所", "三个", "三所"})
    count.compile_tests()
    assert len(count.tests) == 4 and len(count.after_lead) == 1 and count.after_lead[0].search("5")
    together = Prefilters(["count"], [count])
    for sentence, holds in (("新建三所学校，新增学位2000个。", True),  # education
                            ("建成一个物流园区，年吞吐量达到50万吨。", True),  # transport
                            ("建成一个物流园区。", False),  # no digit
                            ("统一建设个人中心，2025年建成。", False)):  # 一 and 个 apart
        assert (together.possible(sentence) == ["count"]) == count.may_match(sentence) == holds, sentence


def test_the_pre_filters_are_the_same_in_every_process():
    """Weights summed over a set in its order (which follows the hash seed) chose between clauses of the
    same weight differently from one process to the next: the same rules, other tests and leads."""
    program = ("from planparse.rules import load_rule_set\n"
               "from planparse.required_chars import read_prefilter\n"
               "plans = [read_prefilter(rule.source) for rule in load_rule_set().rules]\n"
               "print([(tests, sorted(lead or ()), outgrown, branches) for (tests, lead, outgrown, _), branches in plans])")  # a set prints in the order of its seed

    def plans(seed: str) -> str:
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        return subprocess.run([sys.executable, "-c", program], env=environment, capture_output=True, text=True, check=True).stdout

    assert plans("1") == plans("2") == plans("3")


def test_a_rule_whose_lead_outgrew_the_pairs_a_lead_may_have_is_named_in_one_line(tmp_path, capsys):
    """A user's lexicon that adds measure words grows the pairs of a Chinese numeral and a measure word: past
    LEAD_PAIRS the rule is tested on every paragraph, which the user is told in one line naming it (not silently)."""
    firsts, seconds = ("".join(chr(start + index) for index in range(182)) for start in (0x4E00, 0x5100))  # 33,124 pairs
    (tmp_path / "mine.yaml").write_text(
        "rules:\n  - id: my-pairs\n    description: a clause of more pairs than a lead may have\n"
        f"    kind: count\n    pattern: '[{firsts}][{seconds}]'\n    value: 1\n    unit: 个\n"
        f"    examples:\n      - text: '{firsts[0]}{seconds[0]}'\n        expect: {{value: 1}}\n", encoding="utf-8")
    rule = next(rule for rule in load_rule_set(tmp_path).rules if rule.id == "my-pairs")
    lines = capsys.readouterr().err.splitlines()
    assert rule.prefilter.lead is None
    assert lines == ["planparse: rule my-pairs: its lead spells 33,124 pairs of characters, more than 32,768: it is tested "
                     "on every paragraph (the same results, slower); fewer measure words or a larger LEAD_PAIRS lead it again"]


@pytest.mark.parametrize("lead", [
    frozenset({"|", "©", "AL", "主办", "信息"}),  # a web page's chrome: characters beside pairs, each its own alternative
    frozenset({"月", "19", "20"}),  # a signing date
    frozenset({"|", " ©", " 2", " |", "AL", "AR"}),  # pairs of one first character: one alternative, found where they start
    frozenset({OTHER_DIGIT, "万", "亿元"}),  # the digits' set stays a set
])
def test_a_lead_pattern_finds_each_of_its_strings_where_it_starts(lead):
    text = "主办单位：信息中心 | © 2024 ALL，2025年3月，投资1.5亿元，共5万人。"
    strings = {string.replace(OTHER_DIGIT, "") for string in lead} - {""}
    digits = OTHER_DIGIT in lead
    starts = [at for at in range(len(text))
              if any(text.startswith(string, at) for string in strings) or (digits and text[at].isdigit())]
    found, at = [], 0
    while match := re.compile(lead_pattern(lead)).search(text, at):  # as metadata_rules.holding_lead reads it
        found.append(match.start())
        at = match.start() + 1
    assert found == starts
