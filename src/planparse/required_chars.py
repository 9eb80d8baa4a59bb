"""What a pattern's matches cannot do without: a pre-filter worked out from the pattern itself.

Most sentences of a plan hold no quantity, yet a target rule's pattern costs
as much to run over them as over one that does: the engine tries every
position. ``required_clauses`` reads a pattern's source and returns clauses
that every match (its lookaheads and lookbehinds included) satisfies. A clause
is a set of options, each a character (百分之 and 3分之 both need 分 and 之) or a
pair of adjacent characters (a Chinese numeral directly before a measure word:
一 and 个 apart are in most sentences, 一个 or 三所 are not). ``Prefilter.may_match``
is False for a text that satisfies no option of some clause: the pattern
cannot match it, and is not run.

The reading is conservative: what it does not know for certain (``\\w``,
``\\p{Han}``, a negated set, a cased letter under ``(?i)`` beyond ASCII)
requires nothing, and syntax it does not know gives no clause at all, so a
user's pattern of any form is still run wherever it might match.
"""
from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache, reduce
from itertools import repeat
from operator import or_
from pathlib import Path
from typing import Callable, Generic, Iterable, Optional, Sequence, TypeVar, Union

import regex

from . import patterns

Pair = tuple[frozenset[str], frozenset[str]]  # a character of the first set directly before one of the second
Option = Union[str, Pair]
Clause = frozenset[Option]  # every match holds one of these
Clauses = tuple[Clause, ...]
Item = TypeVar("Item")
Chars = Optional[frozenset[str]]  # the characters a piece may start (or end) with; None: any

MAX_CHAR_TESTS, MAX_PAIR_TESTS = 3, 4  # tests kept of each kind, the least likely satisfied
# (four pairs, not two: a pair test runs only where those before it passed, and the third and fourth rule out what the
# first two let by: a verb directly before the numeral of count-listed-after-a-built-count, where 党的十九大和十九届 holds
# its 和十 and 开展 elsewhere; over the gold plans the rules ran 932 times instead of 1,182, the pre-filters and runs
# together took 0.9x the time; five or six pairs gain little more)
FEW_CHARS = 16  # a clause of at most this many characters leads a pre-filter: one search finds those of every rule
# or of at most this many pairs of characters: the pairs are looked up in a dict, and a pre-filter that searches
# every paragraph finds where they start with Python's re (a set of any size tested in one step), so that a word
# list's clause leads too (a Chinese numeral before a measure word: 8,206 pairs, and more with each measure word a
# lexicon adds: 8,192 left chinese-amount unled once 卷, 页, 画幅 and 空方 came in) rather than testing every paragraph
LEAD_PAIRS = 32768
MAX_CLAUSES = 6  # kept per pattern and per group: each costs a test per sentence
_FEW_BRANCHES = 8  # alternatives whose clauses are combined pair by pair
PAIR_SHARE = 0.25  # of the paragraphs holding the rarer character of a pair, the share taken to hold the pair (only chooses leads)
PAIR_RARITY = 1000  # how much rarer a pair of characters is than the rarer of them (only orders clauses)
# Stands for what \d matches beyond 0-9 (Arabic-Indic, Devanagari… digits): a set holding it is written with them all (``_char_set``).
OTHER_DIGIT = "\U0010fffd"
_DIGITS = frozenset("0123456789" + OTHER_DIGIT)
# The clause of a digit (\d) is always kept and tested when a pattern requires one: digits are in most paragraphs, so
# rarity ranks it last and it was dropped, yet most sentences that hold a rule's words hold no number (value-of-an-index,
# led by 值 and 比, ran on 44 sentences of the gold texts without a digit out of 52, nine tenths of its time)
_NUMBER: Clause = _DIGITS
_LARGEST_RANGE = 512  # a set's range wider than this ([一-龥]) is taken as matching anything
# Under (?i) a letter matches its other case and, for i, k and s, the dotted capital I, the Kelvin sign and the
# long s (the regex module's case-insensitive matching: every character beyond ASCII an ASCII letter matches).
_CASE_PARTNERS = {"i": "\u0130", "k": "\u212a", "s": "\u017f"}

@lru_cache(maxsize=None)
def _syntax() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The token, capturing-group and back-reference patterns of a pattern's source: compiled only when a
    pattern is read (rules.py caches what is read), with Python's re (quicker to compile; plain ASCII syntax)."""
    token = patterns.compile_python(
        r"""(?P<group>\((?:\?(?:[:>=!]|<[=!]|P?<\w+>|[aimsuw-]+:|\((?!DEFINE\))\w+\))|(?!\?)))
      | (?P<backref>\(\?P=\w+\)|\\g<\w+>|\\[1-9][0-9]*)
      | (?P<comment>\(\?\#[^)]*\))
      | (?P<close>\))
      | (?P<bar>\|)
      | (?P<set>\[\^?\]?(?:\\.|[^\]\\\[])*\])
      | (?P<quantifier>(?:[*+?]|\{\d*(?:,\d*)?\})[?+]?)
      | (?P<escape>\\(?:[pP]\{\w+(?:=\w+)?\}|[pP]\w|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.))
      | (?P<anchor>[\^$])
      | (?P<any>\.)
      | (?P<chars>[^\\()|\[{*+?.^$]+)
    """, re.VERBOSE | re.DOTALL)
    capture_name = patterns.compile_python(r"\((?:\?P?<(\w+)>)?")  # a capturing group's opening, and its name
    backref_name = patterns.compile_python(r"\(\?P=(\w+)\)|\\g<(\w+)>|\\(\d+)")  # (?P=name), \g<name>, \1, \10
    return token, capture_name, backref_name


_ESCAPED_CHARS = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_ZERO_WIDTH_ESCAPES = set("bBAZGKmM")
_ANY_CHAR_ESCAPES = set("DSwWXpPhHN")  # one character of a class too wide to list
# What \s matches (Unicode's White_Space, the regex module's \s), and the separators Python's str.isspace adds (\x1c-\x1f):
# a short list, read as it is where it is required: a range's \s*至\s* (unit-range: 5万亩至10万亩) no longer hides
# the measure word before the 至, which with it is far rarer than 至 alone (到2025年 in most sentences)
_SPACES = frozenset("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                    "\u200a\u2028\u2029\u202f\u205f\u3000")


_BACKWARDS = "(?r)"  # the flag of a pattern sought backwards


class _Unknown(Exception):
    """Syntax this reading does not know: the pattern gets no pre-filter."""


@dataclass(frozen=True)
class _Piece:
    """What a piece of pattern requires, and how it may start and end."""

    clauses: Clauses = ()
    empty: bool = True  # may match without consuming a character
    first: Chars = frozenset()
    last: Chars = frozenset()
    ahead: Chars = None  # a lookahead's: what the character after it may be (None: not known)
    behind: Chars = None  # a lookbehind's: what the character before it may be


_ZERO_WIDTH = _Piece()
_ANY_ONE = _Piece((), False, None, None)


def required_clauses(source: str) -> Clauses:
    """The clauses every match of ``source`` (the `regex` module's syntax, default flags) satisfies. A pattern sought
    backwards (``(?r)``, from a number back over the words before it) is read as written: the engine seeks its matches
    from the end, and each holds what it would hold sought forwards."""
    return _clauses_read(source)[0]


def read_prefilter(source: str) -> tuple[Plan, BranchTests]:
    """``prefilter_plan`` of ``source``'s clauses, and the tests of each of its alternatives beyond the plan's
    (``Prefilter.branches``; none where an alternative would have none). Of a pattern of one alternative, those are
    the clauses the plan leaves out (past MAX_CHAR_TESTS and MAX_PAIR_TESTS): tested only where the plan's pass."""
    whole, branches = _clauses_read(source)
    plan = prefilter_plan(whole)
    own = tuple(tuple(test for test in map(_pattern, clauses) if test not in plan[0]) for clauses in branches)
    return plan, own if all(own) else ()


def _clauses_read(source: str) -> tuple[Clauses, tuple[Clauses, ...]]:
    """``required_clauses``, and the clauses of each alternative at the pattern's top level (every match is a match of
    one of them, and holds its every clause; of a pattern of one, its clauses): none where an alternative requires nothing."""
    try:
        branches = _Reading(source.removeprefix(_BACKWARDS)).branches(0, ignore_case=False, until=None)
    except _Unknown:
        return (), ()
    own = tuple(_either([branch]).clauses for branch in branches)
    return _fewest(_either(branches).clauses), own if all(own) else ()


def _finder_of_what_every_match_holds(source: str) -> str | None:
    """A pattern for Python's re that finds, at each place where it starts, an option (a character or a pair) of the
    clause that every match of ``source`` satisfies between where a search starts and where it may end (``pos``,
    ``endpos``), the least likely such clause: a search between two places where none starts finds nothing. None where
    no clause is known or a lookbehind may find one before the search's start. Overlapping options are each found (the
    finder looks ahead only): 全年度 holds 全年 at its first place and 年度 at its second."""
    clauses = () if "(?<=" in source else required_clauses(source)
    return f"(?={_pattern(clauses[0])})" if clauses else None


@lru_cache(maxsize=None)  # the files are the same for the whole process; a start asked six times, 70-90 µs each
def reading_version() -> str:
    """This module's own digest and its frequency tables': clauses kept by an earlier process (rules.py caches them) are read again when it changes."""
    return hashlib.blake2b(Path(__file__).read_bytes() + _FREQUENCY_TABLE.read_bytes() + _PAIR_FREQUENCY_TABLE.read_bytes(),
                           digest_size=8).hexdigest()


# Kept across processes with the compiled patterns: reading the fragments the target stage searches sentence by sentence
# (the deadline and frequency words, three of them) was a fortieth of an extract's start, at every start.
finder_of_what_every_match_holds = patterns.kept_reading(_finder_of_what_every_match_holds, depends_on=reading_version)


# a pre-filter's tests (pattern sources), its lead, how many pairs the clause of pairs it might have led with spells
# when that is more than LEAD_PAIRS and it has no lead (0 else): a lexicon that outgrew the limit (``outgrown_lead``),
# and the tests a text its lead was found in still needs (``Prefilter.after_lead``)
Plan = tuple[tuple[str, ...], Optional[frozenset[str]], int, tuple[str, ...]]
BranchTests = tuple[tuple[str, ...], ...]  # the tests of each of a pattern's alternatives (``Prefilter.branches``)


def prefilter_plan(clauses: Clauses) -> Plan:
    """The tests a pre-filter runs for ``clauses`` (each clause's pattern, least likely satisfied first:
    sets of characters, then pairs), its lead (``Prefilters``), the pairs of a lead it outgrew and the tests the
    lead does not settle: worked out once, kept with the clauses."""
    with_pairs = [clause for clause in clauses if not all(isinstance(option, str) for option in clause)]
    # a clause with pairs implies two clauses of characters: its characters and the first (the
    # second) of each pair's; one of a few characters can lead
    implied = [frozenset().union(*({option} if isinstance(option, str) else option[side] for option in clause))
               for clause in with_pairs for side in (0, 1)]
    char_sets = sorted({clause for clause in clauses if clause not in with_pairs} | set(implied), key=_sort_key)
    number = [_NUMBER] if _NUMBER in char_sets[MAX_CHAR_TESTS:] else []
    tested = [*char_sets[:MAX_CHAR_TESTS], *number, *with_pairs[:MAX_PAIR_TESTS]]
    lead = _lead([*char_sets, *with_pairs])
    outgrown = 0 if lead is not None else max((_pairs_spelled(clause) for clause in with_pairs
                                               if _pairs_spelled(clause) > LEAD_PAIRS), default=0)
    after_lead = tuple(_pattern(clause) for clause in tested if lead is None or not _settled_by(lead, clause))
    return tuple(map(_pattern, tested)), lead, outgrown, after_lead


def _settled_by(lead: frozenset[str], clause: Clause) -> bool:
    """Whether every text that holds a string of ``lead`` satisfies ``clause``: each string holds one of its characters
    (a digit, of OTHER_DIGIT) or spells one of its pairs. Half the tests of the target rules and the cues are so settled
    (of stock-stated-now's five, 全|我|本, 乡|区|县…, and the pair 全省|本市… that leads it)."""
    chars = {char for option in clause if isinstance(option, str) for char in (_DIGITS if option == OTHER_DIGIT else option)}
    pairs = [option for option in clause if not isinstance(option, str)]
    return all(not chars.isdisjoint(string) or len(string) == 2 and any(string[0] in first and string[1] in second
                                                                        for first, second in pairs)
               for string in lead)


def _pairs_spelled(clause: Clause) -> int:
    """How many two-character strings the pairs of ``clause`` spell out."""
    return sum(len(option[0]) * len(option[1]) for option in clause if not isinstance(option, str))


def outgrown_lead(rule_id: str, pairs: int) -> str:
    """The warning that a rule lost its lead to a lexicon grown past LEAD_PAIRS: one line, naming the rule."""
    return (f"planparse: rule {rule_id}: its lead spells {pairs:,} pairs of characters, more than {LEAD_PAIRS:,}: "
            f"it is tested on every paragraph (the same results, slower); fewer measure words or a larger LEAD_PAIRS lead it again")


@dataclass(frozen=True)
class Need:
    """A pattern every text a rule matches holds where the characters it needs are everywhere (a change word right before a
    digit; a body counted after a size): the rule's own misses parse each number and reject it by a lookahead, a search
    for the need reads the text once. ``source`` names it (rules needing the same share one search of a text),
    ``holds(text)`` seeks it."""

    source: str
    holds: Callable[[str], bool]


class Prefilter:
    """A pattern's clauses as quick tests (``prefilter_plan``): a set of characters, or a pair of sets,
    searched for (the engine scans for them without leaving C), each compiled when first needed.

    A test that rules a text out moves one place forward: the tests that rule out most texts come
    to be run first. The order changes only the time taken, never the answer.
    """

    def __init__(self, tests: Sequence[str] = (), lead: Optional[frozenset[str]] = None,
                 compile: Callable[[str], "regex.Pattern | re.Pattern"] = regex.compile, after_lead: Optional[Sequence[str]] = None,
                 read_branches: Callable[[], BranchTests] = tuple):
        self.tests: list["regex.Pattern | re.Pattern | str"] = list(tests)
        self.lead = lead  # characters or pairs of which a match holds one; None: none worth leading with
        # the tests a text its lead was found in still needs (``Prefilters``): those the lead does not settle
        self.after_lead: list["regex.Pattern | re.Pattern | str"] = list(tests if after_lead is None else after_lead)
        self.compile = compile
        self._read_branches = read_branches
        self.need: Optional[Need] = None  # what every text a match is in holds, which its characters cannot tell (``Need``)

    @cached_property
    def branches(self) -> list[list["regex.Pattern | re.Pattern | str"]]:
        """Each alternative's own tests, of which a text passes those of one (none: every text passes), read when first
        asked for: the tests of the whole hold only what every alternative requires, so that 比例 (one's) and 公 (another's,
        公益金) passed rule-standard's, and its pattern, of 25,000 characters, was compiled and run on 到2025年，公民具备科学
        素质的比例超过16%. A rule's are read only where its other tests pass a text (``rules._branch_tests``): few do."""
        return [list(own) for own in self._read_branches()]

    @classmethod
    def of(cls, source: str, compile: Callable[[str], "regex.Pattern | re.Pattern"] = regex.compile) -> "Prefilter":
        """The pre-filter of a pattern's source."""
        (tests, lead, _, after_lead), branches = read_prefilter(source)
        return cls(tests, lead, compile, after_lead, lambda: branches)

    def compile_tests(self) -> None:
        """Every test compiled now, where each is otherwise compiled when first run (``may_match``)."""
        self.tests, self.after_lead = self._compiled(self.tests), self._compiled(self.after_lead)
        self.branches = [self._compiled(tests) for tests in self.branches]

    def _compiled(self, tests: list["regex.Pattern | re.Pattern | str"]) -> list["regex.Pattern | re.Pattern | str"]:
        return [self.compile(test) if isinstance(test, str) else test for test in tests]

    def may_match(self, text: str) -> bool:
        """False when ``text`` cannot hold a match."""
        return self._passes(self.tests, text) and self._passes_a_branch(text) and self.holds_need(text, {})

    def holds_need(self, text: str, held: dict[str, bool]) -> bool:
        """Whether ``text`` holds the pre-filter's need (True without one); ``held``: the needs sought in ``text`` so far,
        by their source, so that a need many patterns share is sought once a text."""
        if self.need is None:
            return True
        found = held.get(self.need.source)
        if found is None:
            found = held[self.need.source] = self.need.holds(text)
        return found

    def may_match_after_lead(self, text: str) -> bool:
        """False when ``text``, which holds a string of the lead, cannot hold a match: the tests the lead settles are
        not run (they took two thirds of the pre-filters' tests' time over the gold plans, the cues' and the targets')."""
        return self._passes(self.after_lead, text) and self._passes_a_branch(text)

    def _passes_a_branch(self, text: str) -> bool:
        return not self.branches or any(self._passes(tests, text) for tests in self.branches)

    def _passes(self, tests: list["regex.Pattern | re.Pattern | str"], text: str) -> bool:
        for index, test in enumerate(tests):
            if isinstance(test, str):
                test = tests[index] = self.compile(test)
            if test.search(text) is None:
                if index:
                    tests[index - 1], tests[index] = test, tests[index - 1]
                return False
        return True


def _lead(clauses: list[Clause]) -> frozenset[str] | None:
    """The clause to lead with, as the characters and two-character strings of which a match holds one:
    the least likely of those with at most FEW_CHARS characters or LEAD_PAIRS pairs spelled out."""
    leads = []
    for clause in clauses:
        strings = {option for option in clause if isinstance(option, str)}
        pairs = [option for option in clause if not isinstance(option, str)]
        if _pairs_spelled(clause) > LEAD_PAIRS or any(OTHER_DIGIT in first | second for first, second in pairs):
            continue
        strings.update(before + after for first, second in pairs for before in first for after in second)
        if sum(len(string) == 1 for string in strings) <= FEW_CHARS:
            leads.append(frozenset(strings))
    return min(leads, key=lambda lead: (_lead_weight(lead), sorted(lead)), default=None)


def _lead_weight(lead: frozenset[str]) -> float:
    """How likely a text holds a string of ``lead``, roughly: a pair as PAIR_SHARE as common as the rarer of its characters,
    and all the pairs as no more common than the characters they open (or close) with. A pair counted as a thousandth
    of a character whatever it spelled (PAIR_RARITY) led milestone-every-one with 53 verbs (开展, 建成…), in two fifths
    of a plan's sentences, and it was tested there, where 都, 均, 全部 or 所有, which it also needs, are in few."""
    chars = [string for string in lead if len(string) == 1]
    pairs = [string for string in lead if len(string) == 2]
    pairs_weight = min(math.fsum(map(pair_commonness, pairs)),
                       *(math.fsum(map(commonness, {pair[side] for pair in pairs})) for side in (0, 1))) if pairs else 0.0
    return math.fsum(map(commonness, chars)) + pairs_weight


class Prefilters(Generic[Item]):
    """The pre-filters of a list of items (rules), tested together on a text: an item led by a clause of
    a few characters or pairs (``Prefilter.lead``) is tested only where one of them is in the text (one
    search finds those of every item); any other is tested whole (its tests reorder themselves)."""

    def __init__(self, items: Sequence[Item], filters: Sequence[Prefilter], compile: Callable[[str], regex.Pattern] = regex.compile,
                 compile_finders: Optional[Callable[[str], "regex.Pattern | re.Pattern"]] = None):
        self.items = list(zip(items, filters))
        # Sets of items are bits of an int (item i: 1 << i): a text's leads are or-ed together in C, where a set of
        # indices took a Python step for each lead found and a sort after (a tenth of the target rules' pre-filters)
        self.always = 0  # items without a lead
        self.by_lead: dict[str, int] = {}  # a character or two -> the items whose lead holds it
        for index, prefilter in enumerate(filters):
            for string in prefilter.lead or ():
                self.by_lead[string] = self.by_lead.get(string, 0) | 1 << index
            if prefilter.lead is None:
                self.always |= 1 << index
        self.by_char = {string: led for string, led in self.by_lead.items() if len(string) == 1}
        self.by_pair = {(string[0], string[1]): led for string, led in self.by_lead.items() if len(string) == 2}
        # a character the chars finder finds but the leads do not list is a digit beyond 0-9, or one beyond the
        # Basic Multilingual Plane that the digits' set holds (``_char_set``): it leads what OTHER_DIGIT leads
        self.other_digit = self.by_char.get(OTHER_DIGIT, 0)
        # Each finder's findall lists every lead of a text (each lead character, each pair as its two characters:
        # pairs may overlap, 一个人), and the items they lead are looked up in C (``_led``): the text is scanned
        # twice and no Python step is taken per place. ``compile_finders`` may compile them with Python's re,
        # which tests a set of characters in one step where the regex module tries its members in turn: the
        # same characters (the digits written out, ``_char_set``; a pair of other digits leads nothing).
        compile_finder = compile_finders or compile
        firsts, seconds = (frozenset(pair[side] for pair in self.by_pair) for side in (0, 1))
        self.finders = [compile_finder(_char_set(frozenset(self.by_char))) if self.by_char else None,
                        compile_finder(f"({_char_set(firsts)})(?=({_char_set(seconds)}))") if self.by_pair else None]

    def possible(self, text: str) -> list[Item]:
        """The items that may match ``text``, in their order: those led within it, tested whole."""
        led = self._led(text)
        return self._tested(led, text) if led else []

    def possible_in(self, texts: Sequence[str]) -> list[list[Item]]:
        """``possible`` of each text, each need sought through every text that asks for it in turn, need after need
        (as the rules are run: targets._found_in_texts): a need's pattern, built of word lists, stays in the processor's
        caches, where sought text by text among the other tests it was read cold each time, six times as long."""
        asked = [self._after_lead(led, text) if (led := self._led(text)) else [] for text in texts]
        texts_of_need: dict[str, tuple[Need, dict[int, None]]] = {}  # each need, and the texts (their indices) that ask for it
        for index, passed in enumerate(asked):
            for _, prefilter in passed:
                if prefilter.need is not None:
                    texts_of_need.setdefault(prefilter.need.source, (prefilter.need, {}))[1][index] = None
        held = {(source, index): need.holds(texts[index]) for source, (need, indices) in texts_of_need.items() for index in indices}
        return [[item for item, prefilter in passed if prefilter.need is None or held[prefilter.need.source, index]]
                for index, passed in enumerate(asked)]

    def _tested(self, led: int, text: str) -> list[Item]:
        """The items of ``led`` (their bits: led within ``text``, or without a lead) whose pre-filter passes ``text``, in their order."""
        held: dict[str, bool] = {}  # each need sought once in the text, for every item that names it
        return [item for item, prefilter in self._after_lead(led, text) if prefilter.holds_need(text, held)]

    def _after_lead(self, led: int, text: str) -> list[tuple[Item, Prefilter]]:
        """The items of ``led`` (their bits) whose tests the lead leaves pass ``text``, with their pre-filters, in their order."""
        passed = []
        while led:
            lowest = led & -led
            item, prefilter = self.items[lowest.bit_length() - 1]
            if prefilter.may_match_after_lead(text):
                passed.append((item, prefilter))
            led ^= lowest
        return passed

    def _led(self, text: str) -> int:
        """The items led within ``text`` (a lead of theirs is in it), and those without a lead, as bits."""
        chars, pairs = self.finders
        led = self.always
        if chars is not None:
            led |= reduce(or_, map(self.by_char.get, chars.findall(text), repeat(self.other_digit)), 0)
        if pairs is not None:
            led |= reduce(or_, map(self.by_pair.get, pairs.findall(text), repeat(0)), 0)
        return led


def lead_pattern(lead: frozenset[str]) -> str:
    """A pattern for Python's re finding any string of ``lead`` (``Prefilter.lead``: characters and pairs of them) in a text.

    Beside pairs, the characters are alternatives of their own (|©|｜|AL|…|主办), not one set: re skips in C to the
    characters the alternatives open with only when each opens with one character, and a set among them ([|©｜]|AL|…)
    had it try every alternative at every place (metadata.yaml's web_chrome, sought through every text of a plan, took
    fourteen times as long). The digits' set (OTHER_DIGIT) is too large to write out so. The pairs with one first character
    are one alternative, their second characters a set (\\n[>»主…]): web_chrome's lead holds each of six marks after each of
    sixteen spaces, and re tried its 315 alternatives one by one at every line end of a plan's lines joined."""
    chars = frozenset(string for string in lead if len(string) == 1)
    pairs = _pairs_by_first_character([string for string in lead if len(string) > 1])
    if pairs and OTHER_DIGIT not in chars:
        return "|".join(sorted(map(re.escape, chars)) + pairs)
    return "|".join([_char_set(chars)] * bool(chars) + pairs)


def _pairs_by_first_character(pairs: list[str]) -> list[str]:
    """For Python's re, the ``pairs`` of characters with one first character as one alternative (X[ab]), each still
    opening with its character, found where it starts."""
    seconds: dict[str, set[str]] = {}
    for pair in pairs:
        seconds.setdefault(pair[0], set()).add(pair[1:])
    return [re.escape(first) + (_char_set(frozenset(after)) if len(after) > 1 else re.escape(*after))
            for first, after in sorted(seconds.items())]


def _pattern(clause: Clause) -> str:
    """A pattern that finds an option of ``clause`` in a text: its characters as one set, its pairs
    with the same first characters (then second) as one; with pairs, every character an option opens with
    as one set first, each option then told by a look back at it (a search of Python's re, which tests runs
    with, scans for a pattern's opening set in one step a character, where it tries an alternation of
    sets whole at each place)."""
    chars = frozenset(option for option in clause if isinstance(option, str))
    pairs = [option for option in clause if not isinstance(option, str)]
    for side in (0, 1):
        merged: dict[frozenset[str], set[str]] = {}
        for pair in pairs:
            merged.setdefault(pair[side], set()).update(pair[1 - side])
        pairs = [(kept, frozenset(other)) if side == 0 else (frozenset(other), kept) for kept, other in merged.items()]
    if not pairs:
        return _char_set(chars)
    pieces = sorted(f"(?<={_char_set(first)}){_char_set(second)}" for first, second in pairs)
    opening = _char_set(chars.union(*(first for first, _ in pairs)))
    return f"{opening}(?:{'|'.join(([f'(?<={_char_set(chars)})'] if chars else []) + pieces)})"


def _char_set(chars: frozenset[str]) -> str:
    """A set of ``chars`` for Python's re, which compiles every pre-filter's test and finder: OTHER_DIGIT stands for
    every digit the regex module's \\d matches, written out (``patterns.python_opening_class``). Python's \\d lacks
    those its Unicode is too old for (Garay, U+10D40…), and is tested as a category, a call for each character of
    a text; the digits written out are tested in one step with the rest, and beyond the Basic Multilingual Plane
    the set holds every character: a text holding one may only be tested further, never ruled out."""
    listed = "".join(regex.escape(char, special_only=False) for char in sorted(chars - _DIGITS))
    digits = patterns.python_opening_class(r"\d")[1:-1] if OTHER_DIGIT in chars else "".join(sorted(chars & _DIGITS))
    return f"[{listed}{digits}]"


class _Reading:
    """One pattern's tokens, and where each group closes."""

    def __init__(self, source: str):
        self.source = source
        self.tokens: list[re.Match] = []
        self.closing: dict[int, int] = {}  # token index of each ( -> of its )
        self.numbers: dict[str, int] = {}  # a capturing group's name or number -> its number
        self.capturing: dict[int, int] = {}  # token index of each capturing ( -> its group's number
        self.captured: dict[int, list[_Piece]] = {}  # a group's number -> what each group of that number matches
        opened: list[int] = []
        position = 0
        while position < len(source):
            token = _syntax()[0].match(source, position)
            if token is None:
                raise _Unknown(f"syntax at {position}")
            if token.lastgroup == "group":
                opened.append(len(self.tokens))
                name = _syntax()[1].fullmatch(token.group())
                if name:  # a name used again is the same group (the regex module allows it)
                    number = self.numbers.setdefault(name.group(1) or str(len(set(self.numbers.values())) + 1), len(set(self.numbers.values())) + 1)
                    self.numbers.setdefault(str(number), number)
                    self.capturing[len(self.tokens)] = number
            elif token.lastgroup == "close":
                if not opened:
                    raise _Unknown("an unopened )")
                self.closing[opened.pop()] = len(self.tokens)
            self.tokens.append(token)
            position = token.end()
        if opened:
            raise _Unknown("an unclosed (")

    def kind(self, at: int) -> str | None:
        return self.tokens[at].lastgroup if at < len(self.tokens) else None

    def alternatives(self, at: int, ignore_case: bool, until: int | None) -> _Piece:
        """``a|b|…`` from token ``at`` up to token ``until`` (the group's ``)``; None: the end)."""
        return _either(self.branches(at, ignore_case, until))

    def branches(self, at: int, ignore_case: bool, until: int | None) -> list[_Piece]:
        """Each of ``a|b|…`` from token ``at`` up to token ``until``."""
        branches = []
        while True:
            pieces, at = self.sequence(at, ignore_case)
            branches.append(_sequence(pieces))
            if self.kind(at) != "bar":
                if (until if until is not None else len(self.tokens)) != at:
                    raise _Unknown("a group that does not end at its )")
                return branches
            at += 1

    def sequence(self, at: int, ignore_case: bool) -> tuple[list[_Piece], int]:
        pieces: list[_Piece] = []
        while self.kind(at) not in (None, "bar", "close"):
            found, at = self.atom(at, ignore_case)
            if self.kind(at) == "quantifier":
                if _may_repeat_none(self.tokens[at].group()):
                    found[-1] = _Piece((), True, found[-1].first, found[-1].last)
                at += 1
            pieces += found
        return pieces, at

    def atom(self, at: int, ignore_case: bool) -> tuple[list[_Piece], int]:
        """The pieces at token ``at`` (a run of characters gives one each: a quantifier after it
        repeats only the last), and the token after them."""
        token = self.tokens[at]
        kind, text = token.lastgroup, token.group()
        if kind == "group":
            close = self.closing[at]
            return [self.group(at, close, ignore_case)], close + 1
        if kind == "chars":
            return [_one_of(matched_by(char, ignore_case)) for char in text], at + 1
        if kind in ("comment", "anchor"):
            return [_ZERO_WIDTH], at + 1
        if kind == "backref":
            return [self.backref(text, ignore_case)], at + 1
        if kind == "any":
            return [_ANY_ONE], at + 1
        if kind == "set":
            return [_one_of(_set_chars(text, ignore_case))], at + 1
        if kind == "escape":
            return [_escape(text, ignore_case)], at + 1
        raise _Unknown(f"{text!r} where a pattern piece should be")

    def group(self, at: int, close: int, ignore_case: bool) -> _Piece:
        opening = self.tokens[at].group()
        key = (self.source[self.tokens[at].start():self.tokens[close].end()], ignore_case)
        piece = _GROUPS.get(key)
        if piece is None:
            piece = self.alternatives(at + 1, _group_ignores_case(opening, ignore_case), close)
            if opening in ("(?!", "(?<!"):
                piece = _ZERO_WIDTH
            elif opening.startswith("(?(") and not self._has_bar(at + 1, close):
                # (?(name)yes): yes where the group matched, nothing where it did not (where-possible's 可, a span's 累计)
                piece = _Piece((), True, piece.first, piece.last)
            elif opening in ("(?=", "(?<="):  # what it looks at is in the text, but takes no place in the match
                near = None if piece.empty else piece.first if opening == "(?=" else piece.last
                piece = _Piece(piece.clauses, ahead=near) if opening == "(?=" else _Piece(piece.clauses, behind=near)
            if not any(self.kind(inside) == "backref" or inside in self.capturing for inside in range(at + 1, close)):
                # (what a back reference matches depends on the pattern around it, and a group inside is
                # read only when this one is: a back reference to its name needs its every reading)
                _GROUPS[key] = piece
        if at in self.capturing:
            self.captured.setdefault(self.capturing[at], []).append(piece)
        return piece

    def _has_bar(self, at: int, close: int) -> bool:
        """Whether the tokens from ``at`` to the group's ``close`` hold a | of their own (not one inside a group of theirs)."""
        while at < close:
            if self.kind(at) == "bar":
                return True
            at = self.closing[at] + 1 if self.kind(at) == "group" else at + 1
        return False

    def backref(self, text: str, ignore_case: bool) -> _Piece:
        """What a back reference matches: the characters its group matched, when that is one group, already read."""
        number = self.numbers.get(next(filter(None, _syntax()[2].fullmatch(text).groups())))
        groups = self.captured.get(number, []) if number is not None else []
        if ignore_case or len(groups) != 1:
            return _Piece((), True, None, None)
        return _Piece((), groups[0].empty, groups[0].first, groups[0].last)


# A group's reading by its source and case mode: rules share their fragments (the unit words), read once.
_GROUPS: dict[tuple[str, bool], _Piece] = {}


def _one_of(chars: Chars) -> _Piece:
    """One character of ``chars`` (None: of a class too wide to list)."""
    return _Piece(((frozenset(chars),) if chars else ()), False, chars, chars)


def _escape(escape: str, ignore_case: bool) -> _Piece:
    letter = escape[1]
    if letter == "d":
        return _one_of(_DIGITS)
    if letter == "s":
        return _one_of(_SPACES)
    if letter in _ZERO_WIDTH_ESCAPES:
        return _ZERO_WIDTH
    if letter in _ANY_CHAR_ESCAPES:
        return _ANY_ONE
    if letter in "xuU":
        return _one_of(matched_by(chr(int(escape[2:], 16)), ignore_case))
    if letter in _ESCAPED_CHARS:
        return _one_of(matched_by(_ESCAPED_CHARS[letter], ignore_case))
    if letter.isalnum():
        raise _Unknown(f"escape {escape}")
    return _one_of(matched_by(letter, ignore_case))


def _group_ignores_case(opening: str, ignore_case: bool) -> bool:
    """Whether the group's pattern ignores case: ``(?i:`` turns it on, ``(?-i:`` off, other groups inherit."""
    if opening.startswith("(?") and opening.endswith(":") and opening != "(?:":
        on, _, off = opening[2:-1].partition("-")
        return (ignore_case or "i" in on) and "i" not in off
    return ignore_case


def matched_by(char: str, ignore_case: bool) -> Chars:
    """The characters ``char`` matches: itself, or under (?i) its cases (None for a cased letter beyond ASCII)."""
    if not ignore_case or char.lower() == char == char.upper() == char.casefold():
        return frozenset(char)
    if not char.isascii():
        return None
    return frozenset({char.lower(), char.upper(), *_CASE_PARTNERS.get(char.lower(), "")})


def _set_chars(text: str, ignore_case: bool) -> Chars:
    """The characters a set ``[…]`` matches, when it lists them; None for a negated or open-ended one."""
    if text.startswith("[^"):
        return None
    members = [member.group() for member in regex.finditer(r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)|.", text[1:-1], regex.DOTALL)]
    pieces = [_set_member(member) for member in members]
    chars: set[str] = set()
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        # a range's dash is written bare: an escaped one (\-) is the character itself, as in [.\-/]
        if index + 2 < len(pieces) and members[index + 1] == "-" and isinstance(piece, str) and isinstance(pieces[index + 2], str):
            low, high = ord(piece), ord(pieces[index + 2])  # type: ignore[arg-type]
            if high - low > _LARGEST_RANGE:
                return None
            chars.update(map(chr, range(low, high + 1)))
            index += 3
            continue
        if piece is None:
            return None
        chars.update(piece)
        index += 1
    matched = [matched_by(char, ignore_case) for char in chars]
    return None if None in matched else frozenset().union(*matched)  # type: ignore[arg-type]


def _set_member(member: str) -> str | frozenset[str] | None:
    """One member of a set: a character, the digits of ``\\d``, the spaces of ``\\s``, or None for a class of unknown extent."""
    if len(member) == 1:
        return member
    if member[1] == "d":
        return _DIGITS
    if member[1] == "s":
        return _SPACES
    if member[1] in "xu":
        return chr(int(member[2:], 16))
    if member[1] in _ESCAPED_CHARS:
        return _ESCAPED_CHARS[member[1]]
    return None if member[1].isalnum() else member[1]


def _may_repeat_none(quantifier: str) -> bool:
    """Whether a quantifier (``*``, ``{0,6}?``, ``+``…) lets its piece match no time."""
    base = quantifier if quantifier.endswith("}") or len(quantifier) == 1 else quantifier[:-1]
    if base in ("*", "?"):
        return True
    if base == "+":
        return False
    least = base[1:-1].partition(",")[0]
    return not least or int(least) == 0


def _sequence(pieces: list[_Piece]) -> _Piece:
    """Pieces one after another: each one's clauses, and at each place where the match before and
    the match after both hold a character, the pair of the last character before and the first after."""
    clauses = [clause for piece in pieces for clause in piece.clauses]
    ends: list[tuple[bool, Chars]] = []  # per place: whether the match up to it holds a character, and its last ones
    empty, last = True, frozenset()  # type: tuple[bool, Chars]
    for piece in pieces:
        last = piece.last if not piece.empty else _union(last, piece.last)
        empty = empty and piece.empty
        ends.append((empty, last))
    empty_after, first = True, frozenset()  # type: tuple[bool, Chars]
    for index in range(len(pieces) - 1, -1, -1):
        piece = pieces[index]
        if piece.behind and not empty_after and first:  # (?<=成)五: 成 before what follows
            clauses.append(frozenset({(piece.behind, first)}))
        first = piece.first if not piece.empty else _union(first, piece.first)
        empty_after = empty_after and piece.empty
        empty_before, last_before = ends[index - 1] if index else (True, frozenset())
        if not empty_before and last_before and piece.ahead:  # 的(?=，): what comes before, and the character looked at
            clauses.append(frozenset({(last_before, piece.ahead)}))
        if index and not empty_before and not empty_after and first and last_before:
            clauses.append(frozenset({(last_before, first)}))
    first_of_all = frozenset()  # type: Chars
    for piece in pieces:
        first_of_all = _union(first_of_all, piece.first)
        if not piece.empty:
            break
    return _Piece(_fewest(clauses), empty, first_of_all, last)


def _union(mine: Chars, theirs: Chars) -> Chars:
    return None if mine is None or theirs is None else mine | theirs


def _either(branches: list[_Piece]) -> _Piece:
    """One of the branches. Of a few, each clause joined with the most alike clause of every other
    branch (a numeral before a measure word in one, in another); of many (a word list), each one's
    least likely clause joined; and the characters they all start, and end, with."""
    first: Chars = frozenset()
    last: Chars = frozenset()
    for branch in branches:
        first, last = _union(first, branch.first), _union(last, branch.last)
    empty = any(branch.empty for branch in branches)
    clauses: list[Clause] = [frozenset(chars) for chars in (first, last) if chars and not empty]
    if len(branches) == 1:
        clauses += branches[0].clauses
    elif all(branch.clauses for branch in branches) and len(branches) <= _FEW_BRANCHES:
        clauses += [frozenset().union(*(max(branch.clauses, key=lambda clause: _alike(seed, clause)) for branch in branches))
                    for seed in {clause for branch in branches for clause in branch.clauses}]
    elif all(branch.clauses for branch in branches):
        clauses.append(frozenset().union(*(branch.clauses[0] for branch in branches)))
    return _Piece(_fewest(clauses), empty, first, last)


def _alike(mine: Clause, theirs: Clause) -> tuple[int, float]:
    """How alike two clauses are (the characters they name, in the same places), then how unlikely the second."""
    return len(_named(mine) & _named(theirs)), -_sort_key(theirs)[0]


def _named(clause: Clause) -> frozenset[tuple[str, str]]:
    if clause not in _NAMED:
        _NAMED[clause] = frozenset(named for option in clause for named in (
            [("", option)] if isinstance(option, str) else [*(("<", char) for char in option[0]), *((">", char) for char in option[1])]))
    return _NAMED[clause]


_NAMED: dict[Clause, frozenset[tuple[str, str]]] = {}


def _weight(clause: Clause) -> float:
    """How likely a text satisfies the clause, roughly: its characters by how common each is, its pairs as rarer ones."""
    # summed exactly: a float sum follows the set's order, which changes with the hash seed, and so did which
    # of two clauses of the same weight was kept (the pre-filters differed from one process to the next)
    return math.fsum(commonness(option) if isinstance(option, str) else _pair_weight(*option) for option in clause)


def _pair_weight(first: frozenset[str], second: frozenset[str]) -> float:
    """How likely a text holds a character of ``first`` directly before one of ``second``: each pair PAIR_RARITY times
    rarer than the rarer of its characters. Counted alike whatever they spelled, the years' digits (20, 19) were as rare
    as 事故 or 返贫, and opened milestone-zero's lead: it ran on every sentence holding a year."""
    return math.fsum(min(commonness(before), commonness(after)) for before in first for after in second) / PAIR_RARITY


def commonness(char: str) -> float:
    """How common ``char`` is in a plan's paragraphs, against a character of middling frequency (1):
    ``）`` about 50, ``亿`` under 1 (char_frequency.txt); one the table does not list is rare."""
    shares, rare = _frequencies()
    return shares.get(char, rare)


def pair_commonness(pair: str) -> float:
    """How common the two characters ``pair`` are, one after the other, in a plan's paragraphs (as ``commonness``): as
    pair_frequency.txt counts it, else PAIR_SHARE as common as the rarer of them, but no more than the pairs it lists."""
    listed, least = _pair_frequencies()
    return listed.get(pair) or min(min(commonness(pair[0]), commonness(pair[1])) * PAIR_SHARE, least)


_FREQUENCY_TABLE = Path(__file__).with_name("char_frequency.txt")
_PAIR_FREQUENCY_TABLE = Path(__file__).with_name("pair_frequency.txt")


def _counts(table: Path) -> dict[str, int]:
    """A frequency table's counts of paragraphs, by character or pair."""
    rows = [line.split("\t") for line in table.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return {string: int(count) for string, count in rows}


@lru_cache(maxsize=None)
def _frequencies() -> tuple[dict[str, float], float]:
    """The table's shares of paragraphs, each over the median share, and the weight of a character not listed."""
    counts = _counts(_FREQUENCY_TABLE)
    middle = sorted(counts.values())[len(counts) // 2]
    return {char: count / middle for char, count in counts.items()}, min(counts.values()) / middle / 2


@lru_cache(maxsize=None)
def _pair_frequencies() -> tuple[dict[str, float], float]:
    """The pair table's shares of paragraphs over the characters' median share, and the least of them."""
    counts, shares = _counts(_FREQUENCY_TABLE), _counts(_PAIR_FREQUENCY_TABLE)
    middle = sorted(counts.values())[len(counts) // 2]
    return {pair: count / middle for pair, count in shares.items()}, min(shares.values()) / middle


def plan_characters() -> frozenset[str]:
    """The characters plans use (char_frequency.txt): of the Chinese characters of a plan, 90 to 99.5%."""
    return frozenset(_frequencies()[0])


def _option_key(option: Option) -> tuple:
    if isinstance(option, str):
        return (0, option)
    if option not in _PAIR_KEYS:
        _PAIR_KEYS[option] = (1, "".join(sorted(option[0])), "".join(sorted(option[1])))
    return _PAIR_KEYS[option]


_PAIR_KEYS: dict[Pair, tuple] = {}


def _fewest(clauses: Iterable[Clause]) -> Clauses:
    """The clauses least likely satisfied, at most MAX_CLAUSES, without one that another implies (holds all its options);
    and the clause of a digit past them, when required (``_NUMBER``)."""
    kept: list[Clause] = []
    ranked = sorted(set(clauses), key=_sort_key)
    for clause in ranked:
        if not any(other <= clause for other in kept):
            kept.append(clause)
            if len(kept) == MAX_CLAUSES:
                break
    if _NUMBER in ranked and _NUMBER not in kept:
        kept.append(_NUMBER)
    return tuple(kept)


def _sort_key(clause: Clause) -> tuple[float, list]:
    if clause not in _SORT_KEYS:
        _SORT_KEYS[clause] = (_weight(clause), sorted(map(_option_key, clause)))
    return _SORT_KEYS[clause]


_SORT_KEYS: dict[Clause, tuple[float, list]] = {}
