"""patterns: lookaheads for a pattern's opening characters, possessive digit runs and a pattern parted at a text's start,
which never change a match."""
from __future__ import annotations

import marshal
import re
from functools import lru_cache
from typing import Callable
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st
from conftest import SAMPLES, run_planparse

from planparse.patterns import Presence, branches_led, gated, matches_alike_anywhere, possessive_digit_runs, searchable
from planparse import patterns
from planparse.metadata_rules import metadata_rules
from planparse.rules import expand_fragments, heading_styles, load_rule_set
from planparse.structure import any_marker, markers_in

MARKERS = "|".join(f"(?:{style.rule.pattern})" for style in heading_styles())
# Heading markers, the numbers and brackets they are made of, and prose around them.
PIECES = st.sampled_from(["第", "章", "一", "十", "二、", "（", "）", "(", "1", "2.", "3．", "12", "①", "节", "条",
                          "发展", "。", "，", "%", " ", "\u3000", "年", "a", "\uffff"])


def matches(pattern: str, text: str) -> list[tuple[int, int]]:
    return [match.span() for match in regex.finditer(pattern, text)]


@pytest.mark.parametrize(("pattern", "opening"), [
    (r"[1-9]\d?[.．]", "(?=[1-9])"),  # the lone range the regex module finds no set for
    (r"第(?P<number>\d+)章|(?P<number>[①②])", "(?=[①-②第])"),  # a name given to two groups; ranges merged
    (r"(?=\p{Han})[1-9]", "(?=[1-9])"),  # a lookahead opens nothing
    (r"\s*(?:一|二)、", "(?=[一二\\s])"),  # what may be skipped adds what follows it
    (r"[1-3]|[2-5]|[①②④]", "(?=[1-5①-②④])"),  # overlapping and adjacent ranges merged
])
def test_a_pattern_is_led_by_the_characters_it_opens_with(pattern: str, opening: str) -> None:
    assert searchable(pattern).startswith(opening)


@pytest.mark.parametrize("pattern", [r"a*", r"(?i)a", r"\p{Han}x", r"[\p{Han}1]", r"[^a]", r".", r"(a)?\1", r"(?i:a)b",
                                     r"[[:alpha:]]、"])  # Python reads the POSIX class as a nested set
def test_a_pattern_whose_opening_cannot_be_told_stays_as_it_is(pattern: str) -> None:
    assert searchable(pattern) == pattern


@pytest.mark.parametrize(("pattern", "text"), [
    (r"(?:第一){e<=1}章", "弟一章"),  # a fuzzy match (a user's heading style) may open with any character
    (r"\(?P<x>", "P<x>"),  # an escaped bracket: no group name, P may open the match
])
def test_a_lookahead_never_rules_out_a_match(pattern: str, text: str) -> None:
    assert matches(searchable(pattern), text) == matches(pattern, text) != []


def test_heading_markers_are_found_where_they_were_in_the_sample_plans() -> None:
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert matches(searchable(MARKERS), text) == matches(MARKERS, text)


@given(st.lists(PIECES, max_size=30).map("".join))
def test_heading_markers_are_found_where_they_were_in_any_text(text: str) -> None:
    assert matches(searchable(MARKERS), text) == matches(MARKERS, text)


def markers_line_by_line(texts: list[str]) -> list[list[tuple[int, int]]]:
    pattern = any_marker(heading_styles())
    return [[match.span() for match in pattern.finditer(text)] for text in texts]


def markers_found_at_openings(texts: list[str]) -> list[list[tuple[int, int]]]:
    return [[match.span() for match in found] for found in markers_in(texts, heading_styles())]


def test_heading_markers_tried_at_their_openings_are_those_searched_for_in_the_sample_plans() -> None:
    for path in sorted(SAMPLES.glob("*.txt")):
        texts = path.read_text(encoding="utf-8").split("\n")
        assert markers_found_at_openings(texts) == markers_line_by_line(texts)


@given(st.lists(st.lists(PIECES | st.sampled_from(["\U00011f50", "٣", "⒈", "㈠", "\t"]), max_size=20).map("".join), max_size=6))
def test_heading_markers_tried_at_their_openings_are_those_searched_for_in_any_lines(texts: list[str]) -> None:
    assert markers_found_at_openings(texts) == markers_line_by_line(texts)


def test_python_opening_class_holds_every_character_the_regex_module_opens_with() -> None:
    everything = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))
    for source in (r"\d", r"[①-⑳（]|\s", r"\D"):
        python_class = patterns.python_opening_class(source)
        assert set(regex.findall(source, everything)) <= set(re.findall(python_class, everything))
    assert patterns.python_opening_class(r"\w+") is None  # Python's \w lacks marks the regex module's holds


@pytest.mark.parametrize(("pattern", "text", "places"), [
    (r"[（(](?:[一二三]|十[一二]?)[）)]", "（市）（二）（十）", [3, 6]),  # a bracket before a numeral only
    (r"\s*(?:一|二)、", " 一批 二、", [0, 3, 4]),  # what may be skipped, then what must follow the numeral
    (r"ab?", "ac", [0]),  # a match may end after its first character: anything may follow it
    (r"(?:ab){2,3}c", "aab", [1]),  # a repeat goes on with itself
    (r"(?=x)ab", "ab", [0]),  # a lookahead before the first character is passed over: more places, never fewer
])
def test_opening_pairs_find_the_places_a_match_may_open_at(pattern: str, text: str, places: list[int]) -> None:
    assert [found.start() for found in re.finditer(patterns.python_opening_pairs(pattern), text)] == places


@pytest.mark.parametrize("pattern", [r"a*", r"\p{Han}x", r"(?i:a)b", r".b"])
def test_opening_pairs_are_not_told_where_the_first_character_cannot_be(pattern: str) -> None:
    assert patterns.python_opening_pairs(pattern) is None


@given(st.lists(PIECES, max_size=30).map("".join))
def test_opening_pairs_find_every_place_a_heading_marker_opens_at(text: str) -> None:
    pairs = re.compile(patterns.python_opening_pairs(MARKERS))
    marker = regex.compile(MARKERS)
    assert {at for at in range(len(text)) if marker.match(text, at)} <= {found.start() for found in pairs.finditer(text)}


@pytest.fixture
def new_process(tmp_path, monkeypatch) -> Callable[[], None]:
    """Makes the patterns module start over as in a new process (what it compiled forgotten, the cache
    file read again), after saving what the last one compiled, as its exit does; the cache in ``tmp_path``."""
    from planparse import cache, patterns

    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(tmp_path))

    def start(saving: bool = True) -> None:
        if saving and patterns._save_due:
            patterns._save()
        monkeypatch.setattr(patterns, "_kept", None)
        monkeypatch.setattr(patterns, "_compiled", {})
        monkeypatch.setattr(patterns, "_read", {})
        monkeypatch.setattr(patterns, "_python_compiled", {})
        monkeypatch.setattr(patterns, "_asked", {})
        monkeypatch.setattr(patterns, "_fresh", {})
        monkeypatch.setattr(patterns, "_save_due", False)
        monkeypatch.setattr(patterns, "_every_rule", None)
        monkeypatch.setattr(patterns, "_every_rule_of", None)
        monkeypatch.setattr(patterns, "_save_at_exit", lambda: monkeypatch.setattr(patterns, "_save_due", True))

    start(saving=False)  # what the tests before this one compiled is no earlier process's of this cache
    return start


def kept_digests(folder: Path) -> list[bytes]:
    """The digests of the sources and readings the cache file in ``folder`` keeps, in its order."""
    from planparse import cache

    return list(cache.read_entries((folder / patterns._CACHE_NAME).name).keys())


def refile(changes: dict[bytes, bytes | None]) -> None:
    """The cache file saved again with ``changes``: an entry (marshalled) filed under each digest, or none (None)."""
    from planparse import cache

    kept = patterns._kept_entries()
    entries = {**{digest: kept.raw(digest) for digest in kept.keys()}, **changes}
    cache.save_entries(patterns._CACHE_NAME, {digest: entry for digest, entry in entries.items() if entry is not None})
    patterns._kept = None  # read again when next asked


def key_of(source: str) -> patterns.Key:
    """The key of a pattern of Python's re or a reading of ``source`` this process asked for."""
    return next(key for key in patterns._digests if isinstance(key, tuple) and key[-1] == source)


def test_a_process_that_compiles_nothing_leaves_the_cache_file_as_it_was(tmp_path, new_process) -> None:
    """Where a process used more patterns than the file kept at most (a fixed number), it was written again at every exit."""
    from planparse import patterns

    sources = [f"x{number}y" for number in range(300)]

    def one_process() -> None:
        for source in sources:
            patterns.compile(source)
        new_process()

    one_process()
    written = tmp_path / patterns._CACHE_NAME
    assert {patterns._digest(source) for source in sources} <= set(kept_digests(tmp_path))
    before = written.stat().st_ino, written.stat().st_mtime_ns
    one_process()
    assert (written.stat().st_ino, written.stat().st_mtime_ns) == before


def test_a_process_asking_for_fewer_keeps_every_pattern_one_asking_for_more_asked_for(tmp_path, new_process) -> None:
    """The file keeps room for twice the most a process asked for: the rules may grow past any fixed number (4,500
    were kept, and a batch asking for more lost the rest at every extract's exit, compiling them again from source)."""
    from planparse import patterns

    many = [f"m{number}n" for number in range(5000)]
    for source in many:
        patterns.compile(source)
    new_process()
    patterns.compile("a new one")  # compiled: the process saves
    new_process()
    assert {patterns._digest(source) for source in many} <= set(kept_digests(tmp_path))


def test_a_file_noting_no_most_asked_for_keeps_all_it_holds(tmp_path, new_process) -> None:
    """A file an earlier planparse wrote notes nothing: its first save after the upgrade (an extract's) kept room for
    twice its own patterns alone, and the next batch compiled the rest from source."""
    from planparse import patterns

    sources = [f"s{number}t" for number in range(300)]
    for source in sources:
        patterns.compile(source)
    new_process()
    refile({patterns._digest(patterns._NOTE): None})
    patterns.compile("one new")
    new_process()
    assert {patterns._digest(source) for source in sources} <= set(kept_digests(tmp_path))


def test_a_batch_asking_for_every_rule_bounds_the_file_to_room_for_them(tmp_path, new_process) -> None:
    """Rules that shrank: the patterns of a batch's warm-up, every rule's, are what the file keeps room for, where
    the most a process once asked for would keep the patterns of rules since changed for ever."""
    from planparse import patterns

    for source in (f"old{number}" for number in range(300)):
        patterns.compile(source)
    new_process()
    every_rule = [f"rule{number}" for number in range(50)]
    for source in every_rule:
        patterns.compile(source)
    patterns.asked_for_every_rule("rules")
    new_process()
    kept = kept_digests(tmp_path)
    assert len(kept) == patterns._ROOM * len(every_rule) + 1  # the note among them
    assert {patterns._digest(source) for source in every_rule} <= set(kept)
    for source in every_rule[:10]:  # an extract after it
        patterns.compile(source)
    patterns.compile("new")
    new_process()
    assert {patterns._digest(source) for source in every_rule} <= set(kept_digests(tmp_path))


def test_the_file_keeps_every_rule_of_the_rules_a_batch_asked_for_until_a_save_drops_an_entry(tmp_path, new_process) -> None:
    """A batch's warm-up compiles every rule's pattern only where the file does not keep them all: it must not say it
    keeps them once a save dropped one (a worker would compile it from its source in every batch)."""
    from planparse import patterns

    every_rule = [f"rule{number}" for number in range(50)]
    for source in every_rule:
        patterns.compile(source)
    patterns.asked_for_every_rule("these rules")
    new_process()
    assert patterns.keeps_every_rule("these rules") and not patterns.keeps_every_rule("other rules")
    patterns.compile("rule0")
    patterns.compile("an extract's")  # a save dropping nothing
    new_process()
    assert patterns.keeps_every_rule("these rules")
    for process in range(2):  # extracts of other plans, till the file holds more than room for the most asked for
        for source in (f"more{process}-{number}" for number in range(60)):
            patterns.compile(source)
        new_process()
    assert not patterns.keeps_every_rule("these rules")


def test_an_extract_after_a_batch_keeps_what_the_batch_compiled(tmp_path, monkeypatch) -> None:
    """A batch asks for every rule's patterns, an extract for those its plan reaches: where the file kept fewer than
    a batch asks for, an extract's exit dropped the batch's, and the next batch compiled them from source again."""
    from planparse import cache

    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "jieyang-2022.txt").write_bytes((SAMPLES / "jieyang-2022.txt").read_bytes())
    assert run_planparse("batch", str(plans), "-o", str(tmp_path / "out"), "-q", timeout=300).returncode == 0
    after_batch = set(kept_digests(tmp_path / "cache"))
    assert run_planparse("extract", str(plans / "jieyang-2022.txt"), "-o", str(tmp_path / "plan.json"),
                         timeout=300).returncode == 0
    assert after_batch <= set(kept_digests(tmp_path / "cache"))


@pytest.mark.parametrize("source,names", [
    (r"(?P<amount>\d+)(?P<unit>个|所)", {"amount", "unit"}),
    (r"(?<year>\d{4})年(?P<month>\d+)月", {"year", "month"}),
    (r"(?<=到)(?P<amount>\d+)(?<!\d)(?P=amount)", {"amount"}),  # lookbehinds and a back reference name no group
    (r"\(?P<not>x\)[(?P<in_a_set>]]|[^]](?P<after_a_set>y)(?#(?P<comment>z)", {"after_a_set"}),
    (r"(?P<twice>a)|(?P<twice>b)(?:c)", {"twice"}),
])
def test_a_patterns_group_names_are_read_from_its_source_as_the_compiled_pattern_names_them(source, names) -> None:
    """A shipped rule is compiled when a text first reaches it: at load, its groups are named from its source."""
    from planparse import patterns

    assert patterns.written_group_names(source) == names == set(regex.compile(source).groupindex)


def test_every_shipped_rule_is_named_from_its_source_as_its_compiled_pattern_names_it() -> None:
    assert [(rule.id, rule.group_names) for rule in load_rule_set().rules] == \
           [(rule.id, frozenset(rule.regex.groupindex)) for rule in load_rule_set().rules]


def test_a_pattern_read_otherwise_under_its_flags_is_not_named_from_its_source() -> None:
    from planparse import patterns

    assert patterns.written_group_names("(?x) a # (?P<comment>b)") is None
    assert patterns.written_group_names("(?V1)[[a-z]--[(?P<in_a_set>]]") is None


def test_a_kept_pattern_filed_under_another_source_is_compiled_from_its_own(tmp_path, new_process, monkeypatch) -> None:
    """A cache entry is used only for the source it was compiled from."""
    from planparse import patterns

    patterns.compile("(?P<name>abcd)")
    new_process()
    refile({patterns._digest("wxyz"): patterns._kept_entries().raw(patterns._digest("(?P<name>abcd)"))})
    assert patterns.compile("wxyz").search("abcd wxyz").group() == "wxyz"


# Python's re: a large class of characters (the fold table's), words with a named group, a verbose pattern with flags
PYTHON_PATTERNS = [("[\u4e07\u842c\u9054-\u9058]|[\U00010000-\U0010ffff]", 0, "一萬人", "萬"),
                   ("(?P<lead>牵头|负责)|由", 0, "市教育局负责", "负责"),
                   (r"(?P<word>[a-z]+) \s* (?P=word)  # twice", re.VERBOSE | re.IGNORECASE, "run Go go", "Go go")]


def test_a_pattern_of_pythons_re_an_earlier_process_compiled_is_built_from_its_code(new_process, monkeypatch) -> None:
    """Python's re parses and compiles in Python: 4 ms for the fold table's class at every start."""
    compiled = [re.compile(source, flags) for source, flags, _, _ in PYTHON_PATTERNS]
    for source, flags, _, _ in PYTHON_PATTERNS:
        patterns.compile_python(source, flags)
    new_process()
    monkeypatch.setattr(patterns.sre_parse, "parse", lambda *args: pytest.fail(f"{args} parsed again"))
    for (source, flags, text, found), python in zip(PYTHON_PATTERNS, compiled):
        rebuilt = patterns.compile_python(source, flags)
        assert (rebuilt.pattern, rebuilt.flags, rebuilt.groupindex) == (python.pattern, python.flags, python.groupindex)
        assert rebuilt.search(text).group() == found == python.search(text).group()


@pytest.mark.parametrize("kept_as", ["damaged code", "another source's code", "not code"])
def test_a_pattern_of_pythons_re_kept_damaged_or_for_another_source_is_compiled_again(new_process, kept_as: str) -> None:
    source, flags, text, found = PYTHON_PATTERNS[1]
    other, other_flags, _, _ = PYTHON_PATTERNS[0]
    patterns.compile_python(source, flags)
    patterns.compile_python(other, other_flags)
    new_process()
    digest = patterns._digest(key_of(source))
    entry = patterns._kept_entry(key_of(source))  # flags, code, groups, group index, index group
    kept = {"damaged code": marshal.dumps((digest, entry[0], [1, 2, 3], *entry[2:])),
            "another source's code": patterns._kept_entries().raw(patterns._digest(key_of(other))),
            "not code": marshal.dumps((digest, "[x]"))}[kept_as]
    refile({digest: kept})
    assert patterns.compile_python(source, flags).search(text).group() == found


# a split before a heading marker, or after a date; heading markers; a list's separator
READINGS = [(patterns.gated, r"(?<=\d日)|(?=[一二三四]、)"), (patterns.searchable, r"[1-9]\d?\.|第[一二三]条"),
            (patterns.opening_class, r"(?:第|[（(])[一二三]"), (patterns.one_character_class, "[、，,]")]


def test_what_a_process_read_from_a_pattern_the_next_takes_from_the_cache(new_process, monkeypatch) -> None:
    """Python's parser, which reads them, runs in Python: a start read 45 sources so, a twentieth of its work on patterns."""
    read = [reading(source) for reading, source in READINGS]
    new_process()
    monkeypatch.setattr(patterns, "_python_parse", lambda readable: pytest.fail(f"{readable} parsed again"))
    assert [reading(source) for reading, source in READINGS] == read
    assert all(found is not None for found in read)


@pytest.mark.parametrize("kept_by", ["other code", "damaged"])
def test_a_reading_kept_by_other_code_or_damaged_is_read_again(new_process, kept_by: str) -> None:
    read = [reading(source) for reading, source in READINGS]
    new_process()
    for reading, source in READINGS:
        key = (patterns._code_version(), reading.__name__, source)
        if kept_by == "other code":  # what the readings of another version of this module gave
            other = patterns._digest(("another version", *key[1:]))
            refile({other: marshal.dumps((other, "[x]")), patterns._digest(key): None})
        else:
            refile({patterns._digest(key): marshal.dumps((patterns._digest(key), "[x]", 1))})
    assert [reading(source) for reading, source in READINGS] == read


def test_the_finder_a_process_read_from_a_fragment_the_next_takes_from_the_cache(new_process, monkeypatch) -> None:
    """The target stage searches its deadline and frequency words sentence by sentence behind a finder of what each
    match holds (``targets._Sought``): reading the three fragments for it, in Python, was a fortieth of an extract's start."""
    from planparse import required_chars
    from planparse.rules import load_rule_set

    sources = [load_rule_set().fragment(name).pattern for name in ("whole_year", "period_total", "keeping_word")]
    found = [required_chars.finder_of_what_every_match_holds(source) for source in sources]
    new_process()
    monkeypatch.setattr(required_chars, "required_clauses", lambda source: pytest.fail(f"{source} read again"))
    assert [required_chars.finder_of_what_every_match_holds(source) for source in sources] == found
    assert any(finder is not None for finder in found)


@pytest.mark.parametrize(("pattern", "led"), [
    (r"至少(?P<n>\d+)个|(?P<n>[一二])所", r"(?=[至])(?:至少(?P<n>\d+)个)|(?=[一二])(?:(?P<n>[一二])所)"),
    (r"(?:每年)?(?P<n>\d+)次", r"(?:(?=[每])(?:每年))?(?P<n>\d+)次"),  # an optional group it opens with
    (r"(?:不少于|(?<=\p{Han})约)\d+", r"(?:(?=[不])(?:不少于)|(?=[约])(?:(?<=\p{Han})约))\d+"),
    # an alternative opening with a lookbehind is led by what the lookbehind can end with, what may be skipped at
    # its end adding what comes before it; one that may match nothing, or end with any character, is not
    (r"(?<=(?:局|委)\d{4}年\d{1,2}月(?:\d{1,2}日)?)(?=\p{Han})|(?<=[：:])(?=现将)|(?<=^|附件)x|(?<=\p{Han})y",
     r"(?<=[日月])(?<=(?:局|委)\d{4}年\d{1,2}月(?:\d{1,2}日)?)(?=\p{Han})|(?<=[\U0000003a\U0000ff1a])(?<=[：:])(?=现将)"
     r"|(?=[x])(?:(?<=^|附件)x)|(?=[y])(?:(?<=\p{Han})y)"),
])
def test_the_alternatives_a_pattern_opens_with_are_led_by_their_characters(pattern: str, led: str) -> None:
    assert branches_led(pattern) == led


@pytest.mark.parametrize(("pattern", "led"), [
    # 上下 (U+4E0A, U+4E0B), 2 to 9, ①②③: a range in any alternative's lead left the regex module trying every
    # alternative at every place; a range wider than _WIDEST_LISTED (every ideograph) stays one
    (r"(?:上限|下限)为\d+|(?:报销|支付)比例\d+%", r"(?=[上下])(?:(?:上限|下限)为\d+)|(?=[报支])(?:(?:报销|支付)比例\d+%)"),
    (r"每[2-9]年|[①-③]项", r"(?=[每])(?:每[2-9]年)|(?=[①②③])(?:[①-③]项)"),
    (r"[一-龥]{2}率|\d+%", r"(?=[一-龥])(?:[一-龥]{2}率)|(?=[\d])(?:\d+%)"),
])
def test_an_alternative_is_led_by_its_characters_listed_one_by_one(pattern: str, led: str) -> None:
    assert branches_led(pattern) == led
    text = "医疗费用报销比例75%，上限为30万元，每3年一次，③项，城乡覆盖率90%"
    assert matches(led, text) == matches(pattern, text)


@pytest.mark.parametrize("pattern", [r"(?i)km|m", r"a(?i)b|c", r"(?<=x)(?:a|b)", r"(?>a|b)c", r"\d*|x", r"(?:a|b"])
def test_a_pattern_whose_alternatives_cannot_be_led_stays_as_it_is(pattern: str) -> None:
    assert branches_led(pattern) in (pattern, pattern.replace("|x", "|(?=[x])(?:x)"))


def test_the_target_rules_find_what_they_found_before_in_the_sample_plans() -> None:
    sentences = [sentence for path in sorted(SAMPLES.glob("*.txt")) for sentence in path.read_text(encoding="utf-8").split("。")]
    for rule in load_rule_set().rules:
        written = regex.compile(expand_fragments(rule.rule.pattern, load_rule_set().engine_fragments, rule.path, rule.id))
        assert [match.span() for text in sentences for match in rule.regex.finditer(text)] == \
               [match.span() for text in sentences for match in written.finditer(text)], rule.id


@pytest.mark.parametrize(("fragment", "led"), [
    # 全市人口, 本县总面积: a place's statistic, not after 为 or 对 (size_of_a_place's lookbehinds, tried at every place)
    (r"(?<![为对])(?:{whole_place})(?:人口|总面积)", r"(?=[全][市]|[本][县])(?:(?<![为对])(?:{whole_place})(?:人口|总面积))"),
    (r"(?<=\p{Han})\d+(?:个|家)", r"(?=[\d][个家\d])(?:(?<=\p{Han})\d+(?:个|家))"),
    (r"(?<!为)(?:全市)?人口", r"(?=[人][口]|[全][市])(?:(?<!为)(?:全市)?人口)"),
    # a match that may end after its first character: that character alone
    (r"(?<!为)[市县]", r"(?=[县市])(?:(?<!为)[市县])"),
    # each alternative of the group the fragment is (frequency_word's 年均 of a work, not of a head's 人均年均)
    (r"(?:(?<![人户])年均(?:新增|增长)|每年)", r"(?:(?=[年][均])(?:(?<![人户])年均(?:新增|增长))|每年)"),
    # no lookbehind first, or an opening that may be any character or nothing: as written
    (r"全市\d+个", r"全市\d+个"),
    (r"(?<!为)\p{Han}{2}人口", r"(?<!为)\p{Han}{2}人口"),
    (r"(?<!为)(?:全市)?", r"(?<!为)(?:全市)?"),
    (r"(?:(?<!为)(?:全市)?)?人口", r"(?:(?<!为)(?:全市)?)?人口"),
])
def test_an_alternative_of_a_fragment_opening_with_a_lookbehind_is_led_by_the_two_characters_it_opens_with(fragment: str, led: str) -> None:
    def expand(part: str) -> str:
        return part.replace("{whole_place}", "全市|本县")

    assert patterns.opening_looked_at(fragment, expand) == led
    text = "全市人口120万人，为全市人口总数的一半，本县总面积3000平方公里，新建社区食堂10个、养老机构2家，年均新增就业5000人，人均年均增长3%"
    assert matches(expand(led), text) == matches(expand(fragment), text)


def test_the_rules_read_their_fragments_led_and_find_what_they_find_with_them_as_written() -> None:
    rule_set = load_rule_set()
    assert rule_set.engine_fragments["size_of_a_place"].startswith("(?=[")
    assert rule_set.engine_fragments["frequency_word"].startswith("(?:(?=[")
    sentences = [sentence for path in sorted(SAMPLES.glob("*.txt")) for sentence in path.read_text(encoding="utf-8").split("。")]
    led = [name for name, source in rule_set.fragments.items() if "(?<" in source]
    for rule in [rule for rule in rule_set.rules if any(f"{{{name}}}" in rule.rule.pattern for name in led)]:
        written = regex.compile(expand_fragments(rule.rule.pattern, rule_set.fragments, rule.path, rule.id))
        assert [match.span() for text in sentences for match in rule.regex.finditer(text)] == \
               [match.span() for text in sentences for match in written.finditer(text)], rule.id


@pytest.mark.parametrize(("pattern", "gate"), [
    # a lookbehind's last characters, a lookahead's first ones, an alternative's own first ones
    (r"(?<=的通知|的函)(?!的)|(?=现将)(?<=：)|第\d+条", r"(?:(?<=[函知])|(?=[现第]))"),
    (r"(?<=[：:])(?=在)|(?<=文件)", r"(?:(?<=[\U0000003a件\U0000ff1a]))"),
])
def test_the_alternatives_of_a_pattern_split_at_every_place_are_gated_by_what_they_need_there(pattern: str, gate: str) -> None:
    assert gated(pattern) == f"{gate}(?:{branches_led(pattern)})"


@pytest.mark.parametrize("pattern", [r"(?<=\p{Han})(?=年)|(?<=：)", r"(?i)(?<=a)|(?=b)", r"(?<=a)x"])
def test_a_pattern_with_an_alternative_needing_any_character_or_with_flags_or_one_alternative_is_not_gated(pattern: str) -> None:
    assert gated(pattern) == branches_led(pattern)


@pytest.mark.parametrize(("pattern", "text"), [
    (r"(?<=的通知|的函)(?!的)|(?=现将)(?<=：)|(?<=\d日)(?=\p{Han})", "某县关于印发方案的通知各乡镇：现将方案印发。某县2024年5月6日附件"),
    (r"(?<=。)|，(?=\p{Han})", "某县关于方案。各乡镇，现将方案印发。"),  # a break that takes its comma: split as written
    (r"(?<=^附件)(?=\d)|(?<=\s)(?=[（(])", "附件2 （此件公开发布）附件3"),
])
def test_cuts_give_the_pieces_the_pattern_splits_a_text_into(pattern: str, text: str) -> None:
    assert patterns.Cuts(pattern).pieces(text) == [piece for piece in regex.split(pattern, text) if piece]


@lru_cache(maxsize=1)
def front_breaks_written() -> regex.Pattern:
    """metadata.yaml's front_breaks compiled as written, its alternatives not led."""
    rules = metadata_rules()
    fragments = {**rules.rules.fragments, "issuer_ending": patterns.any_word(rules.rules.issuer_endings),
                 "name_ending": patterns.any_word(rules.name_words)}
    return regex.compile(expand_fragments(rules.rules.front_breaks.pattern, fragments, Path("metadata.yaml"), "front_breaks"))


def pieces_written(text: str) -> list[str]:
    return [piece for piece in front_breaks_written().split(text) if piece]


# The parts of a notice's front: signers, dates, numbers, plans' names, attachments, and prose around them.
FRONT_PIECES = st.sampled_from(["市教育局", "卫生健康委", "人民政府", "2024年", "二〇二三年", "9月", "十二月", "30日", "1日", "〔2022〕",
                                "15号", "实施方案", "意见", "的通知", "附件", "2", "（此件公开发布）", "（2021—2025年）", "为", "根据",
                                "现将", "。", "：", "，", "《", "》", " ", "各县", "印发"])


def test_a_notice_run_into_one_line_breaks_where_it_broke_before_in_the_sample_plans() -> None:
    assert metadata_rules().front_breaks.whole is None  # cut by its alternatives one by one
    texts = [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt"))]
    for text in texts + ["".join(text.splitlines()) for text in texts]:
        assert metadata_rules().front_breaks.pieces(text) == pieces_written(text)


@given(st.lists(FRONT_PIECES, max_size=30).map("".join))
def test_a_notice_run_into_one_line_breaks_where_it_broke_before_in_any_text(text: str) -> None:
    assert metadata_rules().front_breaks.pieces(text) == pieces_written(text)


@pytest.mark.parametrize(("pattern", "possessive"), [
    (r"\d+年", r"\d++年"),
    # what follows may be skipped up to a character that is no digit: a share (1,200.5万), a unit of the Han script
    (r"\d+(?:,\d{3})*(?:\.\d+)?[万亿]", r"\d++(?:,\d{3})*(?:\.\d++)?[万亿]"),
    (r"(?P<amount>\d{1,3})(?=\p{Han})(?!人)\p{Han}", r"(?P<amount>\d{1,3}+)(?=\p{Han})(?!人)\p{Han}"),
    (r"(?:\d+[-~])+\d*%", r"(?:\d++[-~])+\d*+%"),  # a repeated group: its next round, or what follows it
])
def test_a_run_of_digits_is_possessive_where_what_follows_it_takes_no_digit(pattern: str, possessive: str) -> None:
    assert possessive_digit_runs(pattern) == possessive


@pytest.mark.parametrize(("pattern", "text"), [
    (r"\d+(?!年)", "2025年"),  # what follows may take nothing: 202 is a match
    (r"\d+(?:万)?(?=\d)", "2025"),  # a lookahead at a digit, after what may take nothing
    (r"\d+\d", "12"),  # what follows takes a digit
    (r"\d+\p{N}", "12"),  # a class that holds digits
    (r"\d+[^年]", "123"),
    (r"(?P<n>\d+)x?(?P=n)", "1212"),  # a back reference takes what its group took
    (r"(?<=\d+)x|\d*y", "1x1y"),  # a lookbehind's run (a run that may take nothing, then a letter, is possessive)
    (r"(a)?\d+(?(1)x|y)", "1y"),  # a conditional group: the pattern is left as it is
    (r"[\d+]a|\d+?b", "+a1b"),  # a set's members and a lazy run
])
def test_a_run_of_digits_that_may_give_some_back_stays_as_it_is(pattern: str, text: str) -> None:
    kept = possessive_digit_runs(pattern)
    assert kept == pattern.replace(r"\d*y", r"\d*+y")
    assert matches(kept, text) == matches(pattern, text) != []


PIECE = r"\d+(?:\.\d+)?(?:万)?"  # a number that may end in a unit of the Han script, or at its digits
PIECE_IN_A_PIECE = rf"第(?:{PIECE})批|(?:{PIECE})\d*"


@pytest.mark.parametrize("pattern", [
    rf"(?:{PIECE})个",  # a character that is no digit follows: possessive
    rf"(?:{PIECE})(?:\d|个)",  # one that may be a digit: as it is
    rf"达到(?:{PIECE})",  # the pattern's end: as it is
    rf"(?:{PIECE})?(?:{PIECE})人|(?=(?:{PIECE})元)\d",  # twice, each read with what follows it; in a lookahead, as it is
    rf"(?:(?:{PIECE})、)+(?:{PIECE_IN_A_PIECE})元",  # a repeated group; a piece holding a piece
    rf"\\(?:{PIECE})年|(?:第\(?:{PIECE})年",  # after an escaped backslash, a piece; after a backslash, no piece
    rf"(?:{PIECE})(?P<n>年)(?P=n)|(?:{PIECE})\p{{Han}}",  # a back reference, a property
])
def test_a_patterns_pieces_read_once_make_the_runs_possessive_that_reading_it_whole_does(monkeypatch, pattern: str) -> None:
    """The rules' fragments are read once each, standing in the rules that name them (``PossessiveRuns``): every
    rule's whole pattern was read, its fragments with it, an eighth of the first run's CPU."""
    monkeypatch.setattr(patterns, "_LEAST_PIECE", 1)
    made = patterns.PossessiveRuns([PIECE, PIECE_IN_A_PIECE])
    assert made(pattern) == made(pattern) == possessive_digit_runs(pattern)  # the second from what it read the first time


def test_the_target_rules_make_runs_of_digits_possessive() -> None:
    arabic_amount = next(rule for rule in load_rule_set().rules if rule.id == "arabic-amount")
    assert r"\d++" in arabic_amount.regex.pattern


# Numbers and the words around them: units, multipliers, years, ranges, comparators.
NUMBER_PIECES = st.sampled_from(["1", "20", "2025", "0.5", ",000", ".", "年", "万", "亿", "%", "个", "人次", "元", "-", "至", "到",
                                 "达到", "不少于", "以上", "，", "。", "、", "新建", "每年", "第", "约", "a"])


@given(st.lists(NUMBER_PIECES, max_size=25).map("".join))
def test_the_target_rules_find_what_they_found_before_in_any_text(text: str) -> None:
    for rule, written in _rules_as_written():
        assert [match.span() for match in rule.regex.finditer(text)] == [match.span() for match in written.finditer(text)], rule.id


OPENING_DIGITS = [
    (r"\d{1,2}[.．、]", 2),  # a list item's number: 12、 opens at the 1 of 312、, never at its 3
    (r"[1-9]\d?[ \u3000]*(?=\p{Han})", 2),  # a lookahead that takes no digit next ends the run
    (r"(?=\p{Han})\d|第\d{1,3}章", 0),
    (r"(?:19|20)\d{2}年", 4),
]


@pytest.mark.parametrize(("pattern", "most"), [
    *OPENING_DIGITS,
    (r"\d{1,2}", None),  # a match may end inside a run: 12 opens 123
    (r"\d{2}(?:\d|年)", None),
    (r"\d+年", None),  # a run of any length
    (r"\d{1,2}(?![\d.])", None),  # a negative lookahead is read as allowing anything
    (r"(a)?\d(?(1)x|y)", None),  # a conditional group is not worked out
])
def test_the_most_digits_a_match_opens_with_where_more_follow(pattern: str, most: int | None) -> None:
    assert patterns.most_opening_digits(pattern) == most


@given(st.lists(NUMBER_PIECES | st.sampled_from(["、", "．", "章", "１２", "٣"]), max_size=25).map("".join))
def test_no_match_opens_where_more_digits_follow_than_it_opens_with_in_any_text(text: str) -> None:
    for pattern, most in [*OPENING_DIGITS, (any_marker(heading_styles()).pattern, 4)]:
        longer = regex.compile(rf"\d{{{most + 1}}}")
        assert patterns.most_opening_digits(pattern) == most
        assert not any(longer.match(text, match.start()) for match in regex.finditer(pattern, text, overlapped=True))


@lru_cache(maxsize=1)
def _rules_as_written() -> list:
    rule_set = load_rule_set()
    return [(rule, regex.compile(expand_fragments(rule.rule.pattern, rule_set.engine_fragments, rule.path, rule.id)))
            for rule in rule_set.rules if "++" in rule.regex.pattern or "*+" in rule.regex.pattern or "}+" in rule.regex.pattern]


@pytest.mark.parametrize(("pattern", "at_start", "anywhere"), [
    (r"^\s*版权所有|ICP备\d|^(?:首页|主页)\s*$", r"^(?:\s*版权所有|(?:首页|主页)\s*$)", r"ICP备\d"),
    (r"^首页|^主页", r"^(?:首页|主页)", None),  # every alternative anchored: matched at the start only
    (r"(?:^|\s)首页|[|｜]", None, r"(?:^|\s)首页|[|｜]"),  # an anchor inside a group: searched whole
])
def test_a_pattern_is_parted_into_its_alternatives_at_a_texts_start_and_the_others(pattern: str, at_start: str | None, anywhere: str | None) -> None:
    presence = Presence(pattern)
    assert [part.pattern if part else None for part in (presence.at_start, presence.anywhere)] == [at_start, anywhere]


@pytest.mark.parametrize("pattern", [r"(?m)^首页|网站", r"^(首页)|\1网站", r"^(?P<site>首页)|(?P=site)网站", r"^(?&x)|(?P<x>网站)"])
def test_a_pattern_with_flags_for_all_of_it_or_a_reference_to_a_group_is_searched_whole(pattern: str) -> None:
    presence = Presence(pattern)
    assert presence.at_start is None and presence.anywhere.pattern == pattern


# Lines of a site around an article, and of a plan: the words web_chrome's alternatives look for, in and out of place.
CHROME_PIECES = st.sampled_from(["首页", "您的位置", "：", " ", "\u3000", ">", "|", "版权所有", "Copyright", "©", "粤ICP备", "0",
                                 "主办单位", "承办单位", "公网安备", "网站地图", "联系我们", "政务公开", "建议使用", "浏览器",
                                 "All Rights Reserved", "到2025年", "，", "。", "建设", "【", "】", "\n"])


@given(st.lists(CHROME_PIECES, max_size=12).map("".join))
def test_a_site_line_is_told_as_the_whole_web_chrome_pattern_tells_it(text: str) -> None:
    rules = metadata_rules()
    assert rules.web_chrome.found_in(text) == (rules.patterns["web_chrome"].search(text) is not None)


def test_the_web_chrome_examples_are_told_as_before() -> None:
    rules = metadata_rules()
    examples = [example.text for example in rules.rules.patterns["web_chrome"].examples]
    lines = [line for path in sorted(SAMPLES.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    for text in examples + lines + [f"政策 {text}" for text in examples]:
        assert rules.web_chrome.found_in(text) == (rules.patterns["web_chrome"].search(text) is not None), text
    assert all(rules.web_chrome.found_in(text) for text in examples)


@pytest.mark.parametrize(("pattern", "alike"), [
    (r"(?:19|20)\d{2}|(?:一九|二〇)[〇零一二三四五六七八九]{2}", True),  # a year: the same characters wherever they stand
    (r"(?P<year>20\d{2})年", True),
    (r"(?<!\d)20\d{2}", False),  # 2025 in 12025 is no year in the whole text, yet one in its part 2025
    (r"20\d{2}(?!\d)", False), (r"\b20\d{2}", False), (r"^20\d{2}", False), (r"20\d{2}$", False),
    (r"[^年]20", False),  # a negated set read as an anchor: erring towards no
])
def test_a_pattern_matches_alike_anywhere_when_nothing_in_it_reads_the_text_around_a_match(pattern: str, alike: bool) -> None:
    assert matches_alike_anywhere(pattern) is alike


@given(st.lists(NUMBER_PIECES, max_size=25).map("".join), st.integers(0, 25), st.integers(0, 25))
def test_a_year_found_in_no_text_is_found_in_none_of_its_parts(text: str, start: int, end: int) -> None:
    year = load_rule_set().fragment("year")
    assert matches_alike_anywhere(year.pattern)
    if year.search(text) is None:
        assert year.search(text[start:end]) is None


def test_no_words_match_nowhere():
    """A user's rule file may empty a list of words: its alternation was empty, and matched every text (total_row_words
    read every table row as a total)."""
    assert regex.search(patterns.any_word([]), "合计") is None
    assert re.search(patterns.python_any_word([]), "合计") is None
