"""Compiled regular expressions kept from one process to the next.

The regex module parses a pattern in Python: the rule files' patterns take a
tenth of a second or more to compile, in every process. A compiled pattern's
code (what it pickles as) rebuilds it without parsing, so a cache keyed by the
pattern's source gives the next process the same pattern in a tenth of the
time. Rebuilding is still most of a start's work on patterns (a megabyte of
code for the shipped rules): each is rebuilt when a process first asks for it,
and a rule's own pattern when it is first matched (its groups' names read from
its source, ``written_group_names``), so a plan pays only for the patterns its
text reaches. The modules compile their own patterns here too: parsing them was
a tenth of importing planparse.

What planparse reads from a pattern's source (the characters its matches open
with, read by Python's own parser, ``kept_reading``) is kept in the same file:
a start read 45 sources so, a twentieth of its work on patterns. So is the code
of the patterns planparse compiles with Python's re (``compile_python``: large
classes of characters, sets of words), whose parser and compiler run in Python too.
"""
from __future__ import annotations

import atexit
import copyreg
import functools
import hashlib
import json
import marshal
import os
import re
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple, Optional, TypeVar, Union, cast

import _sre

import regex
from regex import _regex

try:  # Python's re, its parser and compiler written in Python: what compile_python keeps of a pattern
    from re import _compiler as sre_compile, _parser as sre_parse  # Python 3.11 and later
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

if TYPE_CHECKING:
    from .cache import KeptEntries

# Another regex or Python may compile to other code: another file.
_CACHE_NAME = f"patterns-{regex.__version__}-py{sys.version_info[0]}{sys.version_info[1]}.entries"
# Kept: the patterns this process asked for first, then earlier ones up to this many times the most a process asks
# for (``_most_asked``); the file's index is read at every start, so patterns of rule files since changed must drop out.
# A batch compiles every rule's pattern and pre-filter tests before it forks (``RuleSet.compile_all``): 3,022 with its
# warm-up plan, where an extract of a seed plan asks for 1,315. Where the file kept a fixed number (2,000, then 4,500),
# an extract's exit trimmed what the batch had asked for once the rules grew past it, and every batch after an extract
# compiled some 700 of them again from source (2.6 s where 0.9 s for the samples).
_ROOM = 2
# What the file notes: the most a process asked for (every pattern of the rules in force, a batch's warm-up,
# ``asked_for_every_rule``, else the most any process asked for since), and which rules' every pattern it keeps.
_NOTE = ("planparse", "the most a process asked for")

AnySource = Union[str, bytes]  # a pattern's source, of text or of bytes
Code = tuple  # a compiled pattern as the regex module pickles it: the arguments that rebuild it
Digest = bytes  # what a source or reading is filed under in the cache file (``_digest``)

# The ``concurrent`` argument of the regex module's matches where planparse matches most often (the rules, their
# pre-filters' tests, heading markers, the metadata's searches of every paragraph): by default the module lets go of
# Python's GIL around every match of a str, and takes it back for each block of memory a match asks for (its backtrack
# stack, its guards), some 200,000 times a round of the eight gold texts, 4.7% of the round's instructions (callgrind),
# for other threads an extraction has none of. Passed by position (``search(text, None, None, NOT_CONCURRENT)``):
# a keyword costs a call more than the GIL does. Not in the readers: their time limit's thread must run while a
# library's C code reads (``time_limit``).
NOT_CONCURRENT = False

ReadingKey = tuple[str, str, str]  # (the version of this module's code, the reading's name, the source read)
PythonKey = tuple[str, str]  # (the version of Python's compiled code and the flags, the source) of a pattern of Python's re
Key = Union[str, bytes, ReadingKey, PythonKey]  # a pattern's source (of text or of bytes), or a reading's or Python's

_kept: KeptEntries | None = None  # what earlier processes compiled or read, each entry read when asked for
_compiled: dict[str | bytes, regex.Pattern] = {}  # what this process compiled or rebuilt
_read: dict[ReadingKey, str | None] = {}  # what this process read from sources (``kept_reading``)
_python_compiled: dict[PythonKey, re.Pattern] = {}
_digests: dict[Key, Digest] = {}  # each key's digest, worked out once a process
_asked: dict[Digest, None] = {}  # every source or reading this process asked for, in order: the first kept at the save
_fresh: dict[Digest, tuple] = {}  # the entries this process compiled or read itself, to keep at the save
_save_due = False  # whether the cache is to be written at exit
_every_rule: int | None = None  # how many this process had asked for when it had asked for every rule's (a batch's)
_every_rule_of: str | None = None  # and the key of those rules (``asked_for_every_rule``)


def _digest(key: Key) -> Digest:
    """What ``key`` is filed under: a digest of its text, of a pattern's bytes after a byte UTF-8 never has (0xFE), or of
    a reading's or Python pattern's parts (none but the source, the last, holds a NUL) after another (0xFF). The entries hold no source: a start unmarshalled
    the sources of every entry (4 MB of text, 2,000 of them), where it asks for fewer than half."""
    found = _digests.get(key)
    if found is None:
        if isinstance(key, bytes):
            data = b"\xfe" + key
        else:
            text = key if isinstance(key, str) else "\0".join(key)
            data = (b"" if isinstance(key, str) else b"\xff" * len(key)) + text.encode("utf-8", "surrogatepass")
        found = _digests[key] = source_digest(data)
    return found


def source_digest(utf8: bytes) -> Digest:
    """What a pattern whose source is ``utf8`` (its text in UTF-8) is filed under: ``compile``'s ``digest``."""
    return hashlib.sha1(utf8, usedforsecurity=False).digest()


def _kept_entries() -> KeptEntries:
    global _kept
    if _kept is None:
        from .cache import KeptEntries, read_entries

        _kept = read_entries(_CACHE_NAME) or KeptEntries({}, memoryview(b""))  # none, or damaged: compile again
        if len(_kept) > _ROOM * _noted_most_asked() + 1:  # (the note is an entry)
            _save_at_exit()  # trimmed, so that the next start reads less
    return _kept


def _noted_most_asked() -> int:
    """The most a process asked for, as the file notes it; where it notes none (a file an earlier planparse wrote), all
    it holds: the first save after an upgrade dropped a batch's patterns an extract did not ask for."""
    noted = _kept_entry(_NOTE)
    return noted[0] if noted and isinstance(noted[0], int) else len(_kept_entries())


def _noted_every_rule_of() -> str | None:
    """The key of the rules whose every pattern the file keeps, as it notes it (None: none)."""
    noted = _kept_entry(_NOTE)
    return noted[1] if noted and len(noted) > 1 and isinstance(noted[1], str) else None


def _most_asked() -> int:
    """How many the file keeps room for, ``_ROOM`` times: every rule's patterns where this process asked for them, as a
    batch does (the rules in force may have shrunk since the file noted more), else the most the file notes or this
    process asked for, whichever is more. It grows with the rules: no fixed number that rules grown past it thrash."""
    return _every_rule if _every_rule is not None else max(len(_asked), _noted_most_asked())


def asked_for_every_rule(rules: str) -> None:
    """What this process has asked for is every pattern and pre-filter test of the rules ``rules`` names (a key of
    their sources: a batch's warm-up, after ``RuleSet.compile_all``): the file notes how many, keeps room for them
    past any other process's save, and notes that it keeps every one of those rules' (``keeps_every_rule``)."""
    global _every_rule, _every_rule_of
    _every_rule, _every_rule_of = len(_asked), rules
    if (_every_rule, rules) != (_noted_most_asked(), _noted_every_rule_of()):
        _save_at_exit()


def keeps_every_rule(rules: str) -> bool:
    """Whether the file keeps the code of every pattern and pre-filter test of the rules ``rules`` names, as the last
    process to ask for all of them noted (``asked_for_every_rule``), and no save has dropped any entry since: a process
    that forks workers then leaves each to rebuild those its documents reach, none compiled from its source."""
    return _noted_every_rule_of() == rules


def _kept_entry(key: Key) -> tuple | None:
    """What an earlier process kept for ``key``: its entry less the digest it is filed under."""
    digest = _digest(key)
    entry = _kept_entries().get(digest)
    return entry[1:] if isinstance(entry, tuple) and entry[:1] == (digest,) else None


def _kept_code(source: AnySource) -> Code | None:
    """What an earlier process kept of ``source``'s compiled pattern: the arguments that rebuild it."""
    code = _kept_entry(source)
    return (source, *code) if code else None


def _ask(key: Key, fresh: tuple | None = None) -> None:
    """``key`` asked for, to keep at the save; ``fresh``: what this process built for it (its source left out)."""
    digest = _digest(key)
    _asked[digest] = None
    if fresh is not None:
        _fresh[digest] = (digest, *fresh)
        _save_at_exit()


def compile(source: AnySource, digest: Digest | None = None) -> regex.Pattern:
    """``regex.compile(source)``, rebuilt from its code when an earlier process compiled it; a pattern of bytes too (the
    readers' tests of a file's first bytes, compiled from their source at every start: a millisecond). ``digest``: the
    source's ``source_digest``, where the caller keeps it (a rule's, with its expansion): the source is then neither
    encoded nor digested again (the rules a plan reaches, 2 MB of UTF-8, were a twentieth of an extract's start)."""
    if digest is not None:
        _digests.setdefault(source, digest)
    found = _compiled.get(source)
    if found is None:
        found = _compiled[source] = _rebuilt(source) or _compiled_now(source)
        _ask(source)
    return found


def written_group_names(source: str) -> frozenset[str] | None:
    """The names of ``source``'s groups, as ``compile(source).groupindex`` holds them, read from the source without
    compiling it: each (?P<name> or (?<name> outside a set, an escape and a comment. None where flags change how
    the source reads ((?x): a comment to the line's end; (?V1): sets in sets)."""
    if compile_python(_READ_OTHERWISE).search(source):
        return None
    return frozenset(filter(None, compile_python(_NAMED_GROUP_OPENING).findall(source)))


_READ_OTHERWISE = r"\(\?[a-zA-Z0-9-]*[xV]"
# what may hold a named group's opening and is none (an escape, a set, a comment), and the opening with its name
_NAMED_GROUP_OPENING = r"(?s:\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|\(\?#[^)]*\))|\(\?P?<(\w+)>"


def _compiled_now(source: AnySource) -> regex.Pattern:
    found = regex.compile(source)
    _ask(source, _code(found)[1:])
    return found


def _rebuilt(source: AnySource) -> regex.Pattern | None:
    code = _kept_code(source)
    try:
        found = _regex.compile(*code) if code else None
    except Exception:  # a damaged or foreign entry: compile again
        return None
    return found if isinstance(found, regex.Pattern) and found.pattern == source else None


def compile_python(source: str, flags: int = 0) -> re.Pattern:
    """Python's ``re.compile(source, flags)``, its compiled code kept across processes as the regex module's is:
    Python's re parses and compiles in Python (4 ms for the fold table's class of 4,000 characters, at every
    start, 10 to 20 ms for all of a start's), and builds the pattern from that code in a hundredth of the time."""
    key = (f"sre-{_sre.MAGIC}-{int(flags)}", source)  # re.S and 16 are one pattern
    found = _python_compiled.get(key)
    if found is None:
        kept = _kept_entry(key)
        found = _python_rebuilt(source, (source, *kept) if kept else None)
        if found is None:
            code = _python_compiled_code(source, flags)
            found = _python_rebuilt(source, code) or re.compile(source, flags)
            _ask(key, code[1:])
        _python_compiled[key] = found
        _ask(key)
    return found


def _python_compiled_code(source: str, flags: int) -> Code:
    """What ``_sre.compile`` builds ``re.compile(source, flags)`` from: the steps of ``re.compile``."""
    parsed = sre_parse.parse(source, flags)
    group_index = parsed.state.groupdict
    index_group: list[str | None] = [None] * parsed.state.groups
    for name, index in group_index.items():
        index_group[index] = name
    # Its opcodes as the bytes of 32-bit numbers (``_sre.CODESIZE``): a list of ints takes marshal six times as long to
    # read, at every start (771 patterns, most of them the pre-filters' tests: 3.3 ms as lists, 0.5 as bytes).
    code = array("I", sre_compile._code(parsed, flags)).tobytes()
    return source, int(flags | parsed.state.flags), code, parsed.state.groups - 1, dict(group_index), tuple(index_group)


def _python_rebuilt(source: str, code: Code | None) -> re.Pattern | None:
    """The pattern built from ``code`` when it is the code of ``source``; a damaged entry (which ``_sre`` refuses),
    or one filed under another source, is None: compiled again."""
    try:
        kept = isinstance(code, tuple) and len(code) == 6 and code[0] == source
        found = _sre.compile(*code[:2], array("I", code[2]).tolist(), *code[3:]) if kept else None
    except Exception:
        return None
    return found if isinstance(found, re.Pattern) else None


def _code(pattern: regex.Pattern) -> Code:
    """What rebuilds ``pattern``: the arguments the regex module pickles it with."""
    _, code = copyreg.dispatch_table[regex.Pattern](pattern)
    return code


def _save_at_exit() -> None:
    global _save_due
    if not _save_due:
        _save_due = True
        atexit.register(_save)


def _save() -> None:
    """The entries asked for, then earlier ones up to ``_ROOM`` times ``_most_asked``: those this process built
    marshalled, the others copied as the file holds them; and the note of the most asked for."""
    from .cache import save_entries

    kept = _kept_entries()
    most, note = _most_asked(), _digest(_NOTE)
    earlier = [digest for digest in kept.keys() if digest not in _asked and digest != note]
    room = max(0, _ROOM * most - len(_asked))
    # the rules whose every pattern is kept: none once any entry is dropped, which may be one of theirs
    every_rule_of = _every_rule_of or (_noted_every_rule_of() if len(earlier) <= room else None)
    chosen = [*_asked, *earlier[:room]]
    if not _fresh and set(chosen) | {note} == set(kept.keys()) and (most, every_rule_of) == (_noted_most_asked(), _noted_every_rule_of()):
        return  # nothing compiled, dropped or noted anew: the file holds these already
    try:
        entries = {digest: marshal.dumps(_fresh[digest]) if digest in _fresh else kept.raw(digest) for digest in chosen}
        entries[note] = marshal.dumps((note, most, every_rule_of))
    except ValueError:  # a pattern marshal cannot keep: compiled again next time
        return
    kept.close()
    save_entries(_CACHE_NAME, {digest: entry for digest, entry in entries.items() if entry is not None})


Reading = TypeVar("Reading", str, Optional[str])  # what a reading gives: a source, or a class that may not be told
FoundT = TypeVar("FoundT")  # what a sequence's items give, read one after another (``_through``)


def kept_reading(reading: Callable[[str], Reading], depends_on: Optional[Callable[[], str]] = None) -> Callable[[str], Reading]:
    """``reading``, a function of a pattern's source alone, kept across processes with the compiled patterns:
    Python's parser, which reads the source, runs in Python, a millisecond or more for a long pattern. What
    was kept is used only while this module's code is the same (``_code_version``), and the version of the
    other code ``reading`` runs (``depends_on()``, worked out once a process), where it runs any."""
    version = functools.lru_cache(maxsize=None)(lambda: _code_version() + (depends_on() if depends_on else ""))

    @functools.wraps(reading)
    def kept(source: str) -> Reading:
        key = (version(), reading.__name__, source)
        if key not in _read:
            found = _kept_entry(key)
            if isinstance(found, tuple) and len(found) == 1 and isinstance(found[0], (str, type(None))):
                _read[key] = found[0]
            else:  # never read, or a damaged or foreign entry
                _read[key] = reading(source)
                _ask(key, (_read[key],))
        _ask(key)
        return cast(Reading, _read[key])

    return kept


@functools.lru_cache(maxsize=None)
def _code_version() -> str:
    """A digest of this module's code, on which every reading depends; where the code cannot be read (a
    package run from an archive), one of this process alone: nothing kept is used."""
    try:
        with open(__file__, "rb") as code:
            return hashlib.blake2b(code.read(), digest_size=8).hexdigest()
    except OSError:
        return os.urandom(8).hex()


def any_word(words: Iterable[str]) -> str:
    """A pattern matching any of ``words``, the longest first; words of one length in their order as text, which
    matches the same (two such words never fit at one place) and writes the same pattern whatever order ``words``
    came in: a set's order changes from one process to the next, and with it the cached patterns' key. No words match
    nowhere (a user's rule file may empty a list), where an empty alternation matched everywhere."""
    return "(?:" + ("|".join(regex.escape(word) for word in sorted(words, key=lambda word: (-len(word), word))) or "(?!)") + ")"


def python_any_word(words: Iterable[str]) -> str:
    """A pattern for Python's re matching any of ``words``, the longest of them at a place: the words of one first
    character as one branch, longest first (資(?:訊科技|訊|料共享|…)), which Python's re tries where it tried each word in
    turn. Words of different first characters never fit at the same place, so the first that fits is the same word."""
    branches: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        branches.setdefault(word[:1], []).append(re.escape(word[1:]))
    return "|".join(re.escape(first) + (rests[0] if len(rests) == 1 else f"(?:{'|'.join(rests)})") for first, rests in branches.items()) or "(?!)"


@kept_reading
def searchable(source: str) -> str:
    """``source`` led by a lookahead for the characters a match can open with, when they can be told.

    The regex module skips fast to where such a set matches, but finds no set
    itself when a pattern opens with a lone range (``[1-9]``): searching every
    line for heading markers took ten times as long. Matches are unchanged.
    """
    opening = _opening_class(source)
    return f"(?={opening})(?:{source})" if opening else source


# The regex module's own syntax that Python's parser does not read: \p{Han} stands in as a
# character no pattern opens with; a name given to two groups as no name. Python reads a brace
# that opens no count ({2,3}) as itself, where the regex module may read a fuzzy match ({e<=1}),
# which opens with any character: such a pattern is left as it is.
_UNESCAPED = r"(?<=(?:^|[^\\])(?:\\\\)*)"  # after an even number of backslashes
_PROPERTY = compile(_UNESCAPED + r"\\[pP]\{[^}]*\}")
_GROUP_NAME = compile(_UNESCAPED + r"\(\?P<\w+>")
_NOT_A_COUNT = compile(_UNESCAPED + r"\{(?!\d*(?:,\d*)?\})")
_STAND_IN = "\uffff"
_CLASS_ESCAPES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
                  "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}


@kept_reading
def branches_led(source: str) -> str:
    """``source`` with each alternative of the alternation it opens with (``A|B``, ``(?:A|B)…``), or the optional
    group it opens with (``(?:A)?B``), led by a lookahead for the characters that alternative can open with.

    The regex module tries every alternative at every place of a text, each with its first words, where a
    lookahead that fails at once costs little: chinese-amount's eight alternatives took a third more time
    than with theirs. An alternative whose opening cannot be told (``opening_class``) stays as it is, and
    so does a pattern with flags for all of it. Matches are the same. Kept across processes: the rules' own
    patterns are led once with their expansions (``rules._expanded``), but the patterns of tables and fragments
    (``RuleSet.compile``, 59 a plan) were led again at every start, a fifth of batch's warm-up."""
    if _GLOBAL_FLAGS.search(source):
        return source
    branches = _top_level_branches(source)
    if len(branches) > 1:
        return "|".join(_led(branch) for branch in branches)
    opener = _GROUP_OPENER.match(source)
    end = _group_end(source, 0) if opener else None
    if end is None:
        return source
    inside, rest = source[opener.end():end - 1], source[end:]
    branches = _top_level_branches(inside)
    if len(branches) > 1:
        inside = "|".join(_led(branch) for branch in branches)
    elif rest.startswith(("?", "*")):
        inside = _led(inside)
    return source[:opener.end()] + inside + ")" + rest


_GLOBAL_FLAGS = compile(r"\(\?[a-zA-Z0-9]+\)")  # (?i), (?x), (?V1): flags for the whole pattern, wherever written
_GROUP_OPENER = compile(r"\((?:\?:|\?P<\w+>|\?<\w+>|(?!\?))")  # a capturing or plain group, not a lookaround


def _led(branch: str) -> str:
    opening = _edge_parts(branch, backwards=False)
    led = f"(?={_listed_class(opening)})(?:{branch})" if opening else branch
    return _lookbehind_led(branch, led)


# The widest range of characters a lead's class lists one by one (``_listed_class``)
_WIDEST_LISTED = 64


def _listed_class(parts: list[Part]) -> str:
    """A class of ``parts`` as ``_class`` writes it, but for its ranges of up to _WIDEST_LISTED characters, listed one by one.

    The regex module scans a text for the places an alternation of led alternatives may open at in one step,
    when every lead's class lists its characters; a range in any of them (上-下, 2-9, ①-⑳) turned that off, and
    every alternative was tried at every place: setting-of-a-policy, eleven alternatives, one led by [上-下], took
    fifteen times as long on the sentences its pre-filter let through."""
    listed = [part for part in parts if not isinstance(part, tuple) or part[1] - part[0] >= _WIDEST_LISTED]
    codes = sorted({code for part in parts if isinstance(part, tuple) and part[1] - part[0] < _WIDEST_LISTED
                    for code in range(part[0], part[1] + 1)})
    wide = _class(listed)[1:-1] if listed else ""
    return "[" + "".join(map(_char, codes)) + wide + "]"


def opening_looked_at(source: str, expand: Callable[[str], str]) -> str:
    """``source`` (a fragment; ``expand``: a part of it with the fragments it names written out) with each of its
    alternatives that opens with a lookbehind (those of the group it is, when it is one) behind a lookahead for the
    characters its matches open with (``opening_pairs``).

    The regex module tries a lookbehind at every place it reaches, before the characters after it: size_of_a_place's
    two, back over a deadline year or a plan period, were tried at each character statistics-of-a-place's lookahead
    passed on its way to 全市 or 本县, eight times the time of its search; frequency_word's, back over a head and a
    comparator, at the 年 of every 2025年 and the 一 of every 一批 (two thirds of repeat_word's search). A look at two
    characters fails at most places at once. Matches are the same."""
    if source.startswith("(?:") and _group_end(source, 0) == len(source):
        return "(?:" + opening_looked_at(source[3:-1], expand) + ")"
    return "|".join(_looked_at(branch, expand) for branch in _top_level_branches(source))


def _looked_at(branch: str, expand: Callable[[str], str]) -> str:
    if not branch.startswith("(?<"):
        return branch
    opening = opening_pairs(expand(branch))
    return f"(?={opening})(?:{branch})" if opening else branch


def _lookbehind_led(branch: str, led: str) -> str:
    """``led`` behind a one-character lookbehind for what ``branch``'s opening lookbehind can end with, when
    that can be told: the regex module matches a lookbehind backwards from every place of a text, through
    all its alternatives (a signer's endings before a date), where a look at one character fails at once."""
    closing = _lookaround_edge(branch, "(?<=", backwards=True)
    return f"(?<={_class(closing)}){led}" if closing else led


def _lookaround_edge(branch: str, opening: str, backwards: bool) -> list[Part] | None:
    """What the lookaround ``branch`` opens with (``opening``: ``(?=`` or ``(?<=``) can open with (``backwards``:
    end with); None when ``branch`` opens otherwise or that cannot be told."""
    if not branch.startswith(opening):
        return None
    end = _group_end(branch, 0)
    return None if end is None else _edge_parts(branch[len(opening):end - 1], backwards)


@kept_reading
def gated(source: str) -> str:
    """``branches_led(source)`` behind one look at the characters on either side of each place, when each
    alternative of ``source`` needs one of some there: ``(?:(?<=[…])|(?=[…]))``, every opening lookbehind's
    last characters, every other alternative's first (``_needed_edge``). A pattern tried at every place of a
    text (a split: metadata.yaml's front_breaks, eleven alternatives) then costs one look at most places rather
    than one an alternative, a third of the time. Not for a target rule: the engine tries a large set's members
    in turn, and arabic-amount searched behind one set for all its openings took half as long again. Matches are
    the same."""
    branches = _top_level_branches(source)
    edges = [_needed_edge(branch) for branch in branches]
    if len(branches) < 2 or None in edges or _GLOBAL_FLAGS.search(source):
        return branches_led(source)
    behind = [part for backwards, parts in edges if backwards for part in parts]
    ahead = [part for backwards, parts in edges if not backwards for part in parts]
    looks = [f"(?<={_class(behind)})"] * bool(behind) + [f"(?={_class(ahead)})"] * bool(ahead)
    return f"(?:{'|'.join(looks)})(?:{branches_led(source)})"


class Cuts:
    """The pieces a pattern cuts a text into at every place it matches (its ``split``, empty pieces left out).

    metadata.yaml's front_breaks is fifteen alternatives of lookarounds alone, tried at every place of the lines
    above a plan's first heading; behind ``gated``'s look the regex module still tried each alternative's own look
    at each place that look let through, a quarter of them, and that was most of the time. Here Python's re finds
    those places (its set tested in one step), and at each only the alternatives that need the characters beside
    it are tried. An alternative of lookarounds alone matches nothing but a place, and any that matches at one cuts
    there: the places are the pattern's, whatever the order. A pattern of other alternatives, or whose needs cannot
    be read, is split as ``gated`` reads it."""

    def __init__(self, source: str):
        read = json.loads(_cutting_branches(source) or "null")
        try:
            self.branches = [compile(branch) for _, _, branch in read["branches"]] if read else []
            self.whole = None if read else compile(gated(source))
        except regex.error:  # an alternative referring to another's group, or a gated form that does not compile
            read, self.branches, self.whole = None, [], compile(source)
        edges = read["branches"] if read else []
        self.places = compile_python(read["places"] if read else "(?!)")
        # which alternatives need each character just before a place, and just after it: filled as characters are met,
        # as the fold table is (a function of the rules alone)
        self.behind = _BranchesNeeding([(index, compile_python(edge)) for index, (behind, edge, _) in enumerate(edges) if behind])
        self.ahead = _BranchesNeeding([(index, compile_python(edge)) for index, (behind, edge, _) in enumerate(edges) if not behind])

    def pieces(self, text: str) -> list[str]:
        if self.whole is not None:
            return [piece for piece in self.whole.split(text) if piece]
        cuts = [0, *self._cuts(text), len(text)]
        return [text[start:end] for start, end in zip(cuts, cuts[1:]) if start < end]

    def _cuts(self, text: str) -> list[int]:
        cuts = []
        branches, ahead, behind = self.branches, self.ahead, self.behind
        for place in self.places.finditer(text):
            at = place.start()
            for index in ahead[text[at:at + 1]] + (behind[text[at - 1]] if at else ()):
                if branches[index].match(text, at):
                    cuts.append(at)
                    break
        return cuts


class _BranchesNeeding(dict):
    """For a character, the alternatives (their index) whose class of needed characters holds it."""

    def __init__(self, classes: list[tuple[int, re.Pattern]]):
        super().__init__()
        self.classes = classes

    def __missing__(self, char: str) -> tuple[int, ...]:
        self[char] = found = tuple(index for index, needed in self.classes if char and needed.match(char))
        return found


@kept_reading
def _cutting_branches(source: str) -> str | None:
    """For ``Cuts``, as JSON: each alternative of ``source`` with whether the characters it needs (``_needed_edge``)
    are before its place and their class for Python's re, and a pattern finding the places where any is needed;
    None unless there are several alternatives, each of lookarounds alone."""
    branches = _top_level_branches(source)
    if len(branches) < 2 or _GLOBAL_FLAGS.search(source):
        return None
    read, needed = [], {True: [], False: []}
    for branch in branches:
        edge, parsed = _needed_edge(branch), _parsed(branch)
        python = _python_class(edge[1]) if edge else None
        if python is None or parsed is None or any(str(op) not in ("AT", "ASSERT", "ASSERT_NOT") for op, _ in parsed):
            return None
        read.append((edge[0], python, branch))
        needed[edge[0]] += edge[1]
    behind, ahead = (_python_class(needed[True]), _python_class(needed[False]))
    places = [f"(?<={behind})"] * bool(needed[True]) + [f"(?={ahead})"] * bool(needed[False])
    return json.dumps({"branches": read, "places": "|".join(places)})


class Presence:
    """Whether a pattern is found in a text: its alternatives anchored at the text's start (``^…``) matched there
    as one pattern, the others searched for as another. The regex module tries every alternative at every place
    of a text, the anchored ones too: a line of a plan cost metadata.yaml's web_chrome (twelve alternatives, seven
    of them anchored) a third of a microsecond a character, parted a third of that. The answer is the same."""

    def __init__(self, source: str):
        at_start, anywhere = _parted_at_start(source)
        self.at_start = compile(at_start) if at_start is not None else None
        self.anywhere = compile(anywhere) if anywhere is not None else None

    def found_in(self, text: str) -> bool:
        return ((self.at_start is not None and self.at_start.match(text) is not None)
                or (self.anywhere is not None and self.anywhere.search(text) is not None))


def _parted_at_start(source: str) -> tuple[str | None, str | None]:
    """The alternatives of ``source`` anchored at the text's start as one pattern, and the others as another (None:
    there are none). ``source`` whole is the other when it has none anchored, flags for all of it or a reference to
    a group (which another alternative may hold)."""
    branches = _top_level_branches(source)
    at_start = [branch[1:] for branch in branches if branch.startswith("^")]
    anywhere = [branch for branch in branches if not branch.startswith("^")]
    if not at_start or _GLOBAL_FLAGS.search(source) or _GROUP_REFERENCE.search(source):
        return None, source
    return "^(?:" + "|".join(at_start) + ")", "|".join(anywhere) if anywhere else None


# \1, \g<name>, (?P=name), (?P>name), (?&name), (?1), (?R): a group's number or name
_GROUP_REFERENCE = compile(_UNESCAPED + r"(?:\\(?:[1-9]|g<)|\(\?(?:P[=>]|&|R\)|[+-]?\d))")


def matches_alike_anywhere(source: str) -> bool:
    """Whether a match of ``source`` is one wherever it stands: no lookaround, anchor or word boundary reads the
    text around it. Found in a part of a text, it is then found in the whole (a text where it is not found holds
    no part where it is). Told from the source's characters, erring towards False (a ``^`` negating a set)."""
    return _CONTEXT.search(source) is None


_CONTEXT = compile(_UNESCAPED + r"(?:\(\?<?[=!]|\\[bBAZzGmMKY]|[\^$])")  # (?=, (?!, (?<=, (?<!, \b, \A…, ^ and $


def _needed_edge(branch: str) -> tuple[bool, list[Part]] | None:
    """The characters one of which a match of ``branch`` needs just before its place (True: its opening
    lookbehind's last ones), else just after it (False: its opening lookahead's first ones, or its own);
    None when neither can be told."""
    behind = _lookaround_edge(branch, "(?<=", backwards=True)
    if behind:
        return True, behind
    ahead = _lookaround_edge(branch, "(?=", backwards=False) or _edge_parts(branch, backwards=False)
    return (False, ahead) if ahead else None


def _top_level_branches(source: str) -> list[str]:
    """``source`` cut at each | outside any group and set."""
    branches, start = [], 0
    for index, char, depth in _outside_sets(source):
        if char == "|" and depth == 0:
            branches.append(source[start:index])
            start = index + 1
    return [*branches, source[start:]]


def _outside_sets(source: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """Each character of ``source`` from ``start`` that is neither escaped nor in a set, with its place and
    the depth of groups after it."""
    depth, index = 0, start
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = _set_end(source, index)
            continue
        depth += (char == "(") - (char == ")")
        yield index, char, depth
        index += 1


def _set_end(source: str, start: int) -> int:
    """The place after the set that opens at ``start`` (a ] first in it is one of its members)."""
    index = start + 1
    if source.startswith("^", index):
        index += 1
    if source.startswith("]", index):
        index += 1
    while index < len(source) and source[index] != "]":
        index += 2 if source[index] == "\\" else 1
    return index + 1


def _group_end(source: str, start: int) -> int | None:
    """The place after the group that opens at ``start``; None when it does not close."""
    return next((index + 1 for index, _, depth in _outside_sets(source, start) if depth == 0), None)


def _opening_class(source: str) -> str | None:
    """A character class of every character a match of ``source`` can open with; None when a match
    may be empty, open with any character or the pattern cannot be read."""
    parts = _edge_parts(source, backwards=False)
    return None if parts is None else _class(parts)


opening_class = kept_reading(_opening_class)


@kept_reading
def python_opening_class(source: str) -> str | None:
    """A class, for Python's re, of every character a match of ``source`` can open with, as the regex module reads
    it (perhaps with a few more); None where ``opening_class`` is, or the class holds \\w, \\W or \\S. Python's re
    tests a character against a large set in one step, where the regex module tries its members in turn."""
    parts = _edge_parts(source, backwards=False)
    return None if parts is None else _python_class(parts)


@kept_reading
def python_opening_pairs(source: str) -> str | None:
    """For Python's re, a pattern finding (one character long) every place a match of ``source`` may open at, told by
    the character there and the one after it: ``[…](?:(?<=[a])(?=[x…])|(?<=[b…]))``, the characters each first one may
    be followed by within a match (a lookahead of the pattern's own is passed over, and a match that may end after its
    first character lets any follow). None where ``python_opening_class`` is, or what follows cannot be told. A heading
    marker's opening bracket is then tried before 一 to 十 only, not before 市 of （市…）."""
    ways = _opening_ways(source)
    if ways is None:
        return None
    by_following: dict[str | None, list[Part]] = {}
    for first, following in ways:
        by_following.setdefault(None if following is None else _python_class(following), []).extend(first)
    openings = {following: _python_class(first) for following, first in by_following.items()}
    if None in openings.values():
        return None
    looks = sorted(f"(?<={opening})" + (f"(?={following})" if following else "") for following, opening in openings.items())
    return _python_class([part for first in by_following.values() for part in first]) + f"(?:{'|'.join(looks)})"


def opening_pairs(source: str) -> str | None:
    """For the regex module, a pattern matching the first two characters of every match of ``source``, or its first
    alone where a match may end after it or what follows cannot be told: ``[每][年月]|[一][次]|[半]``, each first
    character with all that may follow it. None where the first cannot be told (``_first_characters``)."""
    ways = _opening_ways(source)
    if ways is None:
        return None
    following_of: dict[Part, list[Part] | None] = {}
    for first, following in ways:
        for part in first:
            known = following_of.get(part, [])
            following_of[part] = None if known is None or following is None else known + following
    firsts_by_following: dict[str, list[Part]] = {}
    for part, following in following_of.items():
        firsts_by_following.setdefault("" if following is None else _class(following), []).append(part)
    return "|".join(sorted(_listed_class(firsts) + following for following, firsts in firsts_by_following.items()))


def _opening_ways(source: str) -> list[tuple[list[Part], list[Part] | None]] | None:
    """Each way a match of ``source`` may open (``_first_characters``): the class parts of its first character and of
    the one after it within the match (None: any may follow, as where a match may end after its first); None where
    the first cannot be told."""
    parsed = _parsed(source)
    firsts = None if parsed is None else _first_characters(parsed)
    if not firsts:
        return None
    ways = []
    for first, rest in firsts:
        following = _openers(rest, backwards=False)
        ways.append((first, None if following is None or following[1] else following[0]))
    return ways


def _first_characters(items: list) -> list[tuple[list[Part], list]] | None:
    """Each way a match of the parsed sequence ``items`` may take its first character: the class parts of that
    character and the parsed items the match goes on with after it; None when any character may be first, or a match
    may be empty. Lookarounds and anchors before the first character are passed over (a match is then only more
    likely): the answer may let through more, never less."""
    found = _inner_first_characters(items, [])
    return None if found is None or found[1] else found[0]


def _item_first_characters(op: str, argument, after: list) -> tuple[list[tuple[list[Part], list]], bool] | None:  # type: ignore[no-untyped-def]
    """``_first_characters`` of one item followed by ``after``, and whether the item may take nothing."""
    if op in ("LITERAL", "IN"):
        opening = _item_openers(op, argument, backwards=False)
        return None if opening is None else ([(opening[0], after)], False)
    if op in ("AT", "ASSERT", "ASSERT_NOT"):
        return [], True
    if op == "SUBPATTERN" and not argument[1] & 2:  # 2: re.IGNORECASE
        return _inner_first_characters(list(argument[3]), after)
    if op == "ATOMIC_GROUP":
        return _inner_first_characters(list(argument), after)
    if op == "BRANCH":
        found = [_inner_first_characters(list(branch), after) for branch in argument[1]]
        if None in found:
            return None
        return [way for ways, _ in found for way in ways], any(empty for _, empty in found)  # type: ignore[misc]
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        least, most, inner = argument[0], argument[1], list(argument[2])
        again = [("MAX_REPEAT", (max(least - 1, 0), most - 1, inner))] if most > 1 else []
        found = _inner_first_characters(inner, again + after)
        return None if found is None else (found[0], found[1] or least == 0)
    return None


def _inner_first_characters(inner: list, after: list) -> tuple[list[tuple[list[Part], list]], bool] | None:
    """``_first_characters`` of a group's ``inner`` sequence followed by ``after``, and whether the group may take nothing."""
    return _through(len(inner), lambda index: _item_first_characters(str(inner[index][0]), inner[index][1], inner[index + 1:] + after))


def _through(count: int, read: Callable[[int], tuple[list[FoundT], bool] | None]) -> tuple[list[FoundT], bool] | None:
    """What ``read`` finds at each of ``count`` items of a sequence in turn, up to the first that cannot take nothing,
    and whether all may take nothing; None when ``read`` cannot tell one."""
    found: list[FoundT] = []
    for index in range(count):
        read_here = read(index)
        if read_here is None:
            return None
        found += read_here[0]
        if not read_here[1]:
            return found, False
    return found, True


def _python_class(parts: list[Part]) -> str | None:
    """A class of ``parts`` for Python's re (``_python_parts``), None when one has no such reading."""
    python_parts = [_python_parts(part) if isinstance(part, str) else [part] for part in parts]
    return None if None in python_parts else _class([part for found in python_parts for part in found])


def _python_parts(escape: str) -> list[Part] | None:
    """A class escape's parts for Python's re, holding all the characters the regex module's holds, whose Unicode is
    newer: Python's \\d lacks the digits of scripts since added, all beyond the Basic Multilingual Plane (its \\s holds
    \\x1c-\\x1f too). \\d as its characters: tested as a category, each character of a text cost a call more."""
    if escape == r"\d":
        return [(ord(digit), ord(digit)) for digit in re.findall(r"\d", "".join(map(chr, range(0x10000))))] + [(0x10000, 0x10FFFF)]
    return [escape] if escape in (r"\D", r"\s") else None


def _edge_parts(source: str, backwards: bool) -> list[Part] | None:
    """The class parts of every character a match of ``source`` can open with (``backwards``: end with); None
    when a match may be empty, hold any character there or the pattern cannot be read."""
    parsed = _parsed(source)
    found = None if parsed is None else _openers(parsed, backwards)
    return None if found is None or found[1] or not found[0] else found[0]


@kept_reading
def one_character_class(source: str) -> str | None:
    """The class ``source`` is, when it is one character of a listed set and nothing else (``[、，,；;]``,
    ``、``): what it matches in a text is then what it matches in each character alone. None for any other
    pattern (a lookaround, a property, a negated set, more than one character)."""
    parsed = _parsed(source)
    if parsed is None or len(parsed) != 1 or str(parsed[0][0]) not in ("LITERAL", "IN"):
        return None
    return _opening_class(source)


def _parsed(source: str) -> list | None:
    """``source`` parsed by Python's parser, its regex-only syntax stood in; None when it cannot be
    read alike (or ignores case)."""
    parsed = _python_parse(_GROUP_NAME.sub("(?:", _PROPERTY.sub(_STAND_IN, source)))
    return None if parsed is None or parsed.state.flags & re.IGNORECASE else list(parsed)


def _python_parse(readable: str):  # type: ignore[no-untyped-def]
    """``readable`` (a pattern with the regex module's own syntax stood in) parsed by Python's parser; None when
    it cannot be read alike."""
    import warnings

    if _NOT_A_COUNT.search(readable):
        return None
    try:
        with warnings.catch_warnings():
            # Python warns where the regex module reads otherwise: a POSIX class [[:alpha:]] is a nested set to it
            warnings.simplefilter("error")
            return sre_parse.parse(readable)
    except (re.error, RecursionError, OverflowError, Warning):
        return None


# --- digit runs that give nothing back -----------------------------------------

_DIGIT_RUN = compile(_UNESCAPED + r"\\d(?:[+*]|\{\d*,\d*\})(?![?+])")  # \d+, \d*, \d{1,3}: greedy, giving back
_RUN_MARK = "_digit_run"  # the name of the group each run is marked with while the pattern is read
_PIECE_MARK = "_piece_stood_in"  # and each piece stood in (``PossessiveRuns``)
_RUN_GROUP_NAME = compile(_UNESCAPED + rf"\(\?P<(?!{_RUN_MARK}|{_PIECE_MARK})\w+>")
_BACKREF_NAME = compile(_UNESCAPED + r"\(\?P=\w+\)")
_HAN = compile(_UNESCAPED + r"\\p\{Han\}")
_NO_DIGIT = "\ufffe"  # stands in for a class no digit is of (\p{Han})
_WIDEST_RANGE = 0x10000  # a range wider than this in a set is taken to hold a digit, unread
Reach = tuple[bool, bool]  # what may come next: whether its first character may be a digit, whether it may be nothing


def possessive_digit_runs(source: str) -> str:
    """``source`` with each greedy run of digits (``\\d+``, ``\\d*``, ``\\d{1,3}``) possessive (``\\d++``) where
    what follows the run in the pattern must take a character, and never a digit: the engine then does not
    give the run's digits back one by one, each time trying all that follows again (in 2025年，, arabic-amount
    tried its units after 2025, 202, 20 and 2; unit-range spent two thirds of its time so). Giving a digit back
    leaves a digit next, which what follows cannot take: the matches are the same. A run inside a lookaround,
    or in a pattern Python's parser cannot read alike, stays as it is."""
    return PossessiveRuns()(source)


class PossessiveRuns:
    """``possessive_digit_runs`` of many patterns that hold the same long pieces (a rule set's fragments, written
    out as ``(?:piece)``): each piece is read once, standing in the patterns that hold it for a group of one
    character of its reach, and made possessive once for each reach of what follows it. Python's parser read every
    rule's whole pattern, its fragments as many times as rules name them: an eighth of a first run's CPU."""

    def __init__(self, pieces: Iterable[str] = ()):
        self.pieces = [(piece, f"(?:{piece})") for piece in sorted({piece for piece in pieces if len(piece) >= _LEAST_PIECE},
                                                                    key=len, reverse=True)]
        self.read_pieces: dict[str, _RunsRead | None] = {}
        self.reaches: dict[str, Reach | None] = {}
        self.made: dict[tuple[str, Reach], str] = {}

    def __call__(self, source: str) -> str:
        try:
            return self.made_possessive(source, self.read(source), (False, True))
        except _Unreadable:
            return source

    def made_possessive(self, source: str, read: _RunsRead | None, after: Reach) -> str:
        """``source`` (``read``), followed by what reaches ``after``, with its runs possessive where they may be."""
        if read is None:
            return source
        reader = _RunReader(read.names)
        reader.mark(read.parsed, after)
        made = read.reduced
        for number in sorted(reader.safe, reverse=True):
            made = made[:read.run_ends[number]] + "+" + made[read.run_ends[number]:]
        for number, (piece, stand_in) in enumerate(read.held):
            follow = reader.follows.get(number)  # none: in a lookaround, whose runs stay as they are
            if follow and (piece, follow) not in self.made:
                self.made[piece, follow] = self.made_possessive(piece, self.read_piece(piece), follow)
            made = made.replace(stand_in, f"(?:{self.made[piece, follow] if follow else piece})", 1)
        return made

    def read_piece(self, piece: str) -> _RunsRead | None:
        if piece not in self.read_pieces:
            self.read_pieces[piece] = self.read(piece)
        return self.read_pieces[piece]

    def read(self, source: str) -> _RunsRead | None:
        """``source`` parsed with its runs marked and the pieces it holds stood in; None when it holds no run (nor do
        its pieces). Raises ``_Unreadable`` where Python's parser cannot read it alike."""
        if not _DIGIT_RUN.search(source):
            return None
        reduced, held = self.pieces_stood_in(source)
        sets = _set_spans(reduced)
        runs = [match for match in _DIGIT_RUN.finditer(reduced) if not any(start < match.start() < end for start, end in sets)]
        marked, end = [], 0
        for number, run in enumerate(runs):
            marked += [reduced[end:run.start()], f"(?P<{_RUN_MARK}{number}>", run.group(), ")"]
            end = run.end()
        parsed = _parsed_for_runs("".join([*marked, reduced[end:]]))
        return _RunsRead(reduced, [run.end() for run in runs], held, list(parsed), {number: name for name, number in parsed.state.groupdict.items()})

    def pieces_stood_in(self, source: str) -> tuple[str, list[tuple[str, str]]]:
        """``source`` with each piece it holds (but where its ( is escaped) as a group of one character of the piece's
        reach, and the pieces so stood in with their stand-ins, by their numbers."""
        held: list[tuple[str, str]] = []
        for piece, wrapped in self.pieces:
            if wrapped not in source or len(wrapped) == len(source) or self.reach(piece) is None:
                continue
            parts = source.split(wrapped)
            source = parts[0]
            for part in parts[1:]:
                if (len(source) - len(source.rstrip("\\"))) % 2:
                    source += wrapped + part
                    continue
                held.append((piece, f"(?P<{_PIECE_MARK}{len(held)}>{_REACH_STAND_INS[self.reach(piece)]})"))
                source += held[-1][1] + part
        return source, held

    def reach(self, piece: str) -> Reach | None:
        """Whether a match of ``piece`` may open with a digit and may be empty; None where that is not read."""
        if piece not in self.reaches:
            try:
                read = self.read_piece(piece)
                self.reaches[piece] = _RunReader({}).reach(read.parsed if read else list(_parsed_for_runs(piece)))
            except _Unreadable:
                self.reaches[piece] = None
        return self.reaches[piece]


class _RunsRead(NamedTuple):
    reduced: str  # the pattern with its pieces stood in
    run_ends: list[int]  # where each run of digits ends in it
    held: list[tuple[str, str]]  # each piece stood in, and its stand-in
    parsed: list  # the reduced pattern as Python's parser reads it, each run and stand-in a named group
    names: dict[int, str]  # those groups' names by number


def _parsed_for_runs(marked: str):  # type: ignore[no-untyped-def]
    """A pattern, its runs and pieces marked, as Python's parser reads it; the regex module's own syntax stood in."""
    readable = _PROPERTY.sub(_STAND_IN, _HAN.sub(_NO_DIGIT, marked))
    parsed = _python_parse(_RUN_GROUP_NAME.sub("(?:", _BACKREF_NAME.sub("(?:.)?", readable)))
    if parsed is None:
        raise _Unreadable
    return parsed


_LEAST_PIECE = 500  # a shorter piece costs more to look for in every pattern than it spares reading
# a group's pattern of one character, or perhaps none, for each reach: no digit, a digit
_REACH_STAND_INS = {(False, False): "\ue000", (True, False): r"\d", (False, True): "(?:\ue000)?", (True, True): r"\d?"}


class _Unreadable(Exception):
    """A construct whose reach is not worked out here (a conditional group): no run is made possessive."""


def _set_spans(source: str) -> list[tuple[int, int]]:
    spans, index = [], 0
    while index < len(source):
        if source[index] == "\\":
            index += 2
        elif source[index] == "[":
            spans.append((index, _set_end(source, index)))
            index = spans[-1][1]
        else:
            index += 1
    return spans


_COMPOUND = {"SUBPATTERN", "ATOMIC_GROUP", "BRANCH", "MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}


class _RunReader:
    """Finds the marked runs of a parsed pattern that may be possessive; each piece's reach worked out once."""

    def __init__(self, names: dict[int, str]):
        self.names = names  # group number -> name: the runs' marks
        self.safe: set[int] = set()  # the numbers of the runs that may be possessive
        self.follows: dict[int, Reach] = {}  # what follows each piece stood in (``PossessiveRuns``), by its number
        self.reaches: dict[int, Reach] = {}  # a parsed piece's id -> its reach

    def mark(self, items: list, after: Reach) -> None:
        """Add to ``safe`` each marked run in ``items`` (a parsed sequence) whose continuation, what follows it in
        the sequence and then ``after``, must take a character that is no digit."""
        follow = after
        for op, argument in reversed(items):
            self.mark_in(str(op), argument, follow)
            follow = _then(self.item_reach(str(op), argument), follow)

    def mark_in(self, op: str, argument, follow: Reach) -> None:  # type: ignore[no-untyped-def]
        if op == "SUBPATTERN":
            name = self.names.get(argument[0], "")
            if name.startswith(_PIECE_MARK):
                self.follows[int(name[len(_PIECE_MARK):])] = follow
            elif not name.startswith(_RUN_MARK):
                self.mark(list(argument[3]), follow)
            elif follow == (False, False):
                self.safe.add(int(name[len(_RUN_MARK):]))
        elif op == "ATOMIC_GROUP":
            self.mark(list(argument), follow)
        elif op == "BRANCH":
            for branch in argument[1]:
                self.mark(list(branch), follow)
        elif op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            inner = list(argument[2])
            again = self.reach(inner)[0] if argument[1] > 1 else False  # another time round, then what follows the repeat
            self.mark(inner, (again or follow[0], follow[1]))
        elif op == "GROUPREF_EXISTS":
            raise _Unreadable

    def reach(self, items: list) -> Reach:
        """Whether a match of the parsed sequence ``items`` may open with a digit, and whether it may be empty."""
        found: Reach = (False, True)
        for op, argument in items:
            found = _then(found, self.item_reach(str(op), argument))
            if not found[1]:
                break
        return found

    def item_reach(self, op: str, argument) -> Reach:  # type: ignore[no-untyped-def]
        if op not in _COMPOUND:  # (a literal's argument is a number, the same object for another op)
            return self._item_reach(op, argument)
        if id(argument) not in self.reaches:
            self.reaches[id(argument)] = self._item_reach(op, argument)
        return self.reaches[id(argument)]

    def _item_reach(self, op: str, argument) -> Reach:  # type: ignore[no-untyped-def]
        if op == "LITERAL":
            return chr(argument) == _STAND_IN or chr(argument).isdecimal(), False
        if op in ("NOT_LITERAL", "ANY"):
            return True, False
        if op == "IN":
            return _set_may_hold_digit(argument), False
        if op in ("AT", "ASSERT", "ASSERT_NOT"):
            return False, True  # takes no character: a lookahead's digit is not taken
        if op == "SUBPATTERN":
            return self.reach(list(argument[3]))
        if op == "ATOMIC_GROUP":
            return self.reach(list(argument))
        if op == "BRANCH":
            reaches = [self.reach(list(branch)) for branch in argument[1]]
            return any(digit for digit, _ in reaches), any(empty for _, empty in reaches)
        if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            digit, empty = self.reach(list(argument[2]))
            return digit and argument[1] > 0, empty or argument[0] == 0
        if op == "GROUPREF":
            return True, True  # the text a group took: anything, perhaps nothing
        raise _Unreadable


def _then(first: Reach, second: Reach) -> Reach:
    """The reach of one piece then another."""
    return first[0] or (first[1] and second[0]), first[1] and second[1]


def _set_may_hold_digit(items: list) -> bool:
    negated = any(str(op) == "NEGATE" for op, _ in items)
    if negated:  # [^…] holds a digit unless it leaves out every digit ([^\d])
        return not any(str(op) == "CATEGORY" and str(argument) == "CATEGORY_DIGIT" for op, argument in items)
    return any(_member_may_be_digit(str(op), argument) for op, argument in items)


def _member_may_be_digit(op: str, argument) -> bool:  # type: ignore[no-untyped-def]
    if op == "LITERAL":
        return chr(argument) == _STAND_IN or chr(argument).isdecimal()
    if op == "RANGE":
        low, high = argument
        return high - low > _WIDEST_RANGE or any(chr(code).isdecimal() for code in range(low, high + 1))
    if op == "CATEGORY":
        return str(argument) not in ("CATEGORY_NOT_DIGIT", "CATEGORY_SPACE", "CATEGORY_NOT_WORD")
    return True


# --- digits a match may open with ----------------------------------------------

_MOST_OPENING_DIGITS = 4  # worked out up to so many: a heading marker's number takes two at most


def most_opening_digits(source: str) -> int | None:
    """The most digits a match of ``source`` may open with where a run of more follows: no match opens at a place
    a longer run follows (the 2 and 0 of 2025年 for a marker of two digits at most). None when more than
    ``_MOST_OPENING_DIGITS`` or not worked out. A lookahead that cannot open with a digit (…(?=\\p{Han})) ends the
    run; lookbehinds, negative lookaheads and anchors are read as allowing anything: the answer may be too high,
    never too low."""
    parsed = _parsed(_HAN.sub(_NO_DIGIT, source))
    if parsed is None:
        return None
    try:
        return next((digits for digits in range(_MOST_OPENING_DIGITS + 1) if not _RunOpening(digits + 1).may_open(parsed)), None)
    except _Unreadable:
        return None


@kept_reading
def longer_digit_run(source: str) -> str | None:
    """For Python's re, after a class of the characters a match of ``source`` may open with (searched in one step):
    a lookahead failing at a digit that more digits follow than a match opens with (``most_opening_digits``); None
    when that is not worked out."""
    digits = most_opening_digits(source)
    return None if digits is None else f"(?!(?<=\\d)\\d{{{digits}}})"


class _RunTaken(Exception):
    """A match may take every digit of the run."""


class _RunOpening:
    """Whether a match may open at a place ``run`` digits follow: the parsed pattern read with the counts of the
    run's digits a match may have taken so far, each character it took a digit."""

    def __init__(self, run: int):
        self.run = run
        self.reader = _RunReader({})

    def may_open(self, items: list) -> bool:
        try:
            return bool(self.after(items, {0}))  # a match may end inside the run
        except _RunTaken:
            return True

    def after(self, items: list, taken: set[int]) -> set[int]:
        for op, argument in items:
            if not taken:
                break
            taken = self.after_item(str(op), argument, taken)
        return taken

    def after_item(self, op: str, argument, taken: set[int]) -> set[int]:  # type: ignore[no-untyped-def]
        if op in ("LITERAL", "NOT_LITERAL", "ANY", "IN"):
            if not self.reader.item_reach(op, argument)[0]:
                return set()  # a character no digit is: taken nowhere in the run
            if self.run - 1 in taken:
                raise _RunTaken
            return {count + 1 for count in taken}
        if op == "ASSERT" and argument[0] == 1:  # a lookahead: the run's next digit must open what it looks for
            return taken if any(self.reader.reach(list(argument[1]))) else set()
        if op in ("AT", "ASSERT", "ASSERT_NOT"):
            return taken
        if op == "SUBPATTERN":
            return self.after(list(argument[3]), taken)
        if op == "ATOMIC_GROUP":
            return self.after(list(argument), taken)
        if op == "BRANCH":
            return set().union(*(self.after(list(branch), taken) for branch in argument[1]))
        if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            return self._repeated(argument[0], argument[1], list(argument[2]), taken)
        raise _Unreadable

    def _repeated(self, least: int, most: int, items: list, taken: set[int]) -> set[int]:
        """The counts after ``least`` to ``most`` times ``items``: until a time round adds no count."""
        found = set(taken) if least == 0 else set()
        times = 0
        while taken and times < most:
            taken, times = self.after(items, taken), times + 1
            if times >= least:
                if taken <= found:
                    break
                found |= taken
        return found


Part = tuple[int, int] | str  # a range of code points, or a class escape (\\d)


def _class(parts: list[Part]) -> str:
    """A character class of ``parts``, its ranges merged: the regex module tries a set's members one by
    one, and merging a marker's ①…⑳ and its digits made searching lines for markers a third quicker."""
    merged: list[list[int]] = []
    for first, last in sorted(part for part in parts if isinstance(part, tuple)):
        if merged and first <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    ranges = [_char(first) + (f"-{_char(last)}" if last > first else "") for first, last in merged]
    return "[" + "".join(ranges + list(dict.fromkeys(part for part in parts if isinstance(part, str)))) + "]"


def _openers(items: list, backwards: bool) -> tuple[list[Part], bool] | None:
    """The class parts a sequence of parsed items can open with (``backwards``: end with), and whether it can
    match nothing."""
    ordered = items[::-1] if backwards else items
    return _through(len(ordered), lambda index: _item_openers(str(ordered[index][0]), ordered[index][1], backwards))


def _item_openers(op: str, argument, backwards: bool) -> tuple[list[Part], bool] | None:
    if op == "LITERAL":
        return None if chr(argument) == _STAND_IN else ([(argument, argument)], False)
    if op == "IN":
        parts = _set_parts(argument)
        return None if parts is None else (parts, False)
    if op in ("AT", "ASSERT", "ASSERT_NOT"):
        return [], True  # zero width: what follows opens the match
    if op == "SUBPATTERN":
        add_flags = argument[1]
        return None if add_flags & 2 else _openers(list(argument[3]), backwards)  # 2: re.IGNORECASE
    if op == "ATOMIC_GROUP":
        return _openers(list(argument), backwards)
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        found = _openers(list(argument[2]), backwards)
        return None if found is None else (found[0], found[1] or argument[0] == 0)
    if op == "BRANCH":
        branches = [_openers(list(branch), backwards) for branch in argument[1]]
        if any(found is None for found in branches):
            return None
        return [part for found in branches for part in found[0]], any(found[1] for found in branches)
    return None  # any character, a back reference, a conditional: anything may open


def _set_parts(items: list) -> list[Part] | None:
    parts: list[Part] = []
    for op, argument in items:
        op = str(op)
        if op == "LITERAL" and chr(argument) != _STAND_IN:
            parts.append((argument, argument))
        elif op == "RANGE":
            parts.append((argument[0], argument[1]))
        elif op == "CATEGORY" and str(argument) in _CLASS_ESCAPES:
            parts.append(_CLASS_ESCAPES[str(argument)])
        else:
            return None  # a negated set, a property
    return parts


def _char(code: int) -> str:
    char = chr(code)
    return char if char.isalnum() else f"\\U{code:08x}"
