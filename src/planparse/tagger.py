"""jieba's part-of-speech tags, from a copy of its data that a process opens in milliseconds.

jieba reads its whole dictionary (350,000 words) and HMM tables at the first
tag: about 0.8 s, in every process. The tags here come from jieba's own
algorithm (a DAG of dictionary words, the most probable route through it, an
HMM over runs of unknown characters), run on a copy of jieba's data cut into
one slice per first character. The copy is built once from jieba into a cache
file; a later process maps the file and reads only the slices its text touches.
tests/test_tagger.py checks the tags against jieba's own, text by text.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import re
import zlib
from array import array
from functools import cached_property, lru_cache
from importlib.util import find_spec
from itertools import groupby, islice
from math import log
from pathlib import Path
from typing import Any, Iterable, Iterator

from . import patterns
from .cache import keep_newest, mapped_cache_file, touch, write_cache_file

Tagged = list[tuple[str, str]]
# (the word's weight, log(frequency) - log(total), as jieba's route weighs it: 0 where the text is only the start of
# words (frequency 0), None where it is no dictionary key; its tag or None)
Entry = tuple[Any, Any]
_NO_ENTRY: Entry = (None, None)  # what a text that is no dictionary key gets

# Bump when the file layout changes: an old cache is then ignored, not misread.
CACHE_FORMAT = 5
# The file: the header's size, the file's size (so that a cut-short file is seen) and the header's CRC-32,
# 8 bytes each; the marshalled header (totals, HMM start and transitions, where each slice is), then the
# slices. Where a slice is: its offset, size and CRC-32, checked as it is read (``DamagedTables``), as
# checking the whole file would read all 20 MB of it at every start, where a text touches a few slices.
_SIZE_BYTES = 8
_HEAD_BYTES = 3 * _SIZE_BYTES

# jieba's own expressions, on the engine jieba uses (``re``), so that every text is cut the same way.
_HAN_BLOCK = patterns.compile_python("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_SKIPPED = patterns.compile_python("\r\n|.", re.S)  # jieba's tokens between blocks: its split on (\r\n|\s), each other character alone
_HAN_DETAIL = patterns.compile_python("([\u4E00-\u9FD5]+)")
_SKIP_DETAIL = patterns.compile_python("([\\.0-9]+|[a-zA-Z0-9]+)")
_ENGLISH = patterns.compile_python("[a-zA-Z0-9]+")
_NUMBER = patterns.compile_python("[\\.0-9]+")
_MIN_FLOAT = -3.14e100  # jieba's floor for a character a state never emits
_MIN_INF = float("-inf")
_LEADS_NOWHERE: tuple[frozenset, dict] = (frozenset(), {})  # the states that lead to a state no state leads to


class DamagedTables(Exception):
    """A slice of the cache file differs from what was written (the disk, or another program)."""


class _Slices:
    """A table cut by character; a slice is unmarshalled on the first lookup that needs it.

    The index is the characters as one string and their slices' offsets and sizes as one
    array: read in microseconds, where a dict of ten thousand entries takes milliseconds."""

    def __init__(self, data: Any, start: int, index: tuple[str, bytes] = ("", b"")):
        self._data = data
        self._start = start
        self._keys = index[0]
        self._places = array("q", index[1])
        self._loaded: dict[str, dict] = {}

    def slice(self, char: str) -> dict:
        found = self._loaded.get(char)
        if found is None:
            at = self._keys.find(char)
            found = self._loaded[char] = self.read(tuple(self._places[3 * at:3 * at + 3])) if at >= 0 else {}
        return found

    def read(self, place: tuple[int, ...]) -> Any:
        offset, size, checksum = place
        blob = self._data[self._start + offset:self._start + offset + size]
        if zlib.crc32(blob) != checksum:
            raise DamagedTables
        return marshal.loads(blob)


class _Words(dict):
    """The words whose first two characters (or first character, for one) are the key -> {word: (weight, tag)},
    a slice loaded on the first lookup of its key (a common first character such as 中 starts thousands of words),
    found through a directory per first character. A dict: the tagger looks up a slice at each character of a
    text, where a method's call costs more than the lookup."""

    def __init__(self, data: Any, start: int, index: tuple[str, bytes]):
        super().__init__()
        self._directories = _Slices(data, start, index)  # first character -> {first two characters: place}
        self._slices = _Slices(data, start)

    def entry(self, word: str) -> Entry:
        return self[word[:2]].get(word, _NO_ENTRY)

    def __missing__(self, key: str) -> dict[str, Entry]:
        place = self._directories.slice(key[0]).get(key)
        found = self[key] = self._slices.read(place) if place else {}
        return found


class _Alone(dict):
    """Each character -> its entry as a word of one character (``_NO_ENTRY`` where it is none), read from its slice
    of ``_Words`` on its first lookup: the route looks up the character at each place, one lookup where the slice and
    the word in it were two."""

    def __init__(self, words: _Words):
        super().__init__()
        self._words = words

    def __missing__(self, char: str) -> Entry:
        found = self[char] = self._words[char].get(char, _NO_ENTRY)
        return found


class Tagger:
    """``lcut`` gives what ``jieba.posseg.lcut(text, HMM=True)`` gives, as (word, tag) pairs. ``data``: the
    tables of jieba with ``extra_words`` added (from ``build_tables``), built again if found damaged."""

    def __init__(self, data: Any, extra_words: tuple[tuple[str, str], ...] = ()):
        self._extra_words = extra_words
        self._open(data)

    def _open(self, data: Any) -> None:
        slices = _HEAD_BYTES + _size(data, 0)
        total, self._hmm_place, word_index, char_index = marshal.loads(data[_HEAD_BYTES:slices])
        self._alone = log(1) - log(total)  # the weight of a character alone that is no word (jieba's FREQ.get(...) or 1)
        self._words = _Words(data, slices, word_index)
        self._alone_words = _Alone(self._words)
        self._chars = _Slices(data, slices, char_index)  # char -> {char: (its HMM states, {state: emission})}
        self._data = data  # keeps the map open

    @cached_property
    def _model(self) -> tuple[dict, dict]:
        """The HMM's start and transition probabilities, read when a run of unknown characters needs them."""
        start, trans = _Slices(self._data, _HEAD_BYTES + _size(self._data, 0)).read(self._hmm_place)
        return start, trans

    def lcut(self, text: str, cuts: dict[str, Tagged] | None = None) -> Tagged:
        """``cuts``: the runs of ideographs (and letters, digits) cut so far, with their words, kept by the caller
        (one document's), each run cut once: its words depend on the run alone, not on the text around it."""
        try:
            return self._lcut(text, cuts)
        except DamagedTables:  # the cache file: built again from jieba, and saved over it (what was read was whole)
            self._open(build_tables(self._extra_words))
            _save(_cache_name(self._extra_words), self._data)
            return self._lcut(text, cuts)

    def _lcut(self, text: str, cuts: dict[str, Tagged] | None) -> Tagged:
        tagged: Tagged = []
        # split on one group: the text between blocks at even places, the blocks at odd ones
        for place, part in enumerate(_HAN_BLOCK.split(text)):
            if place % 2:
                tagged += self._cut_words(part) if cuts is None else self._cut_once(part, cuts)
            elif part:
                # jieba tags a character here m or eng when it is a digit or a Latin letter, but the blocks take
                # all of those: each character (or \r\n) is x
                tagged += [(token, "x") for token in _SKIPPED.findall(part)]
        return tagged

    def _cut_once(self, block: str, cuts: dict[str, Tagged]) -> Tagged:
        found = cuts.get(block)
        if found is None:
            found = cuts[block] = self._cut_words(block)
        return found

    def _cut_words(self, block: str) -> Tagged:
        """Dictionary words along the most probable route; runs of single characters go to the HMM."""
        ends, tags = self._route(block)
        tagged: Tagged = []
        run = start = 0  # the run of single characters before ``start`` starts at ``run``
        while start < len(block):
            end = ends[start] + 1
            if end - start > 1:
                if run < start:
                    tagged += self._cut_run(block[run:start], tags[run:start])
                tagged.append((block[start:end], tags[start] or "x"))
                run = end
            start = end
        return tagged + self._cut_run(block[run:], tags[run:]) if run < len(block) else tagged

    def _cut_run(self, run: str, tags: list[str | None]) -> Tagged:
        """The characters of a run, each with its tag (``tags``, None where jieba's is x), or the HMM's words
        where the run is no dictionary word."""
        if len(run) > 1 and not self._words.entry(run)[0]:
            return self._cut_unknown(run)
        return [(char, tag or "x") for char, tag in zip(run, tags)]

    def _route(self, block: str) -> tuple[list[int], list[str | None]]:
        """For each position, where the best word from it ends (jieba's get_DAG and calc), and that word's tag:
        the most probable route on from each place, from the end backwards, each dictionary word starting there
        looked up once (a word's prefixes are keys of weight 0: a miss ends the words from a place). The weights are
        jieba's, log(frequency) - log(total), worked out once in the table (``build_tables``), not at each place."""
        size = len(block)
        alone = self._alone
        words, alone_words = self._words, self._alone_words
        scores = [0.0] * (size + 1)  # from each place to the end: the best route's log probability
        ends = list(range(size))  # the character alone, where no word from it is better
        tags: list[str | None] = [None] * size
        for start in range(size - 1, -1, -1):
            weight, tags[start] = alone_words[block[start]]
            score = (weight or alone) + scores[start + 1]
            # a word or the start of one: the longer ones share the slice of their first two characters, empty at a
            # third of the places (none starts with them), where none is looked up
            longer = words[block[start:start + 2]] if weight is not None else None
            if longer:
                weighed = bool(weight)  # jieba weighs the character alone only where it is a word or no word starts there
                for end in range(start + 1, size):
                    weight, tag = longer.get(block[start:end + 1], _NO_ENTRY)
                    if weight is None:  # neither a word nor the start of one
                        break
                    if weight:
                        found = weight + scores[end + 1]
                        if found >= score or not weighed:  # a tie goes to the longer word, as jieba's max of (score, end)
                            score, ends[start], tags[start], weighed = found, end, tag, True
            scores[start] = score
        return ends, tags

    def _cut_unknown(self, run: str) -> Tagged:
        tagged: Tagged = []
        for block in _HAN_DETAIL.split(run):
            if _HAN_DETAIL.match(block):
                tagged += self._hmm(block)
                continue
            for part in _SKIP_DETAIL.split(block):
                if part:
                    tagged.append((part, "m" if _NUMBER.match(part) else "eng" if _ENGLISH.match(part) else "x"))
        return tagged

    def _hmm(self, text: str) -> Tagged:
        """Words and tags of characters the dictionary does not join (jieba's posseg viterbi)."""
        states = self._viterbi(text)
        tagged: Tagged = []
        begin = following = 0
        for index, (position, tag) in enumerate(states):
            if position == "B":
                begin = index
            elif position == "E":
                tagged.append((text[begin:index + 1], tag))
                following = index + 1
            elif position == "S":
                tagged.append((text[index], tag))
                following = index + 1
        if following < len(text):
            tagged.append((text[following:], states[following][1]))
        return tagged

    @cached_property
    def _into(self) -> dict[str, tuple[frozenset, dict[str, float]]]:
        """For each state, the states that lead to it, as a set (a step's states that do are found by intersection, at
        C speed), and the log probability of each such step."""
        into: dict[str, dict[str, float]] = {}
        for before, steps in self._model[1].items():
            for state, probability in steps.items():
                into.setdefault(state, {})[before] = probability
        return {state: (frozenset(befores), befores) for state, befores in into.items()}

    @cached_property
    def _leading(self) -> frozenset:
        """The states that lead to some state."""
        return frozenset(state for state, steps in self._model[1].items() if steps)

    def _viterbi(self, text: str) -> list:
        start, trans = self._model
        all_states, leading, into = trans.keys(), self._leading, self._into
        first_states, emit = self._chars.slice(text[0]).get(text[0], (None, {}))
        last = {state: start[state] + emit.get(state, _MIN_FLOAT) for state in first_states or all_states}
        paths: list[dict] = [dict.fromkeys(last, "")]
        for char in text[1:]:
            previous = leading.intersection(last)
            char_states, emit = self._chars.slice(char).get(char, (None, {}))
            # the states the character may be in that a previous state leads to (a state is reached when
            # one that leads to it was there); else any reachable, else any
            candidates = [state for state in char_states or all_states if not previous.isdisjoint(into.get(state, _LEADS_NOWHERE)[0])]
            if not candidates:
                candidates = {state for before in previous for state in trans[before]} or set(all_states)
            step, path = {}, {}
            for state in candidates:
                befores, steps = into.get(state, _LEADS_NOWHERE)
                # only the states that lead here: from any other the step is impossible (-inf), and never the best
                befores = previous.intersection(befores)
                emitted = emit.get(state, _MIN_FLOAT)
                step[state], path[state] = max((last[before] + steps[before] + emitted, before) for before in befores) \
                    if befores else max((last[before] + _MIN_INF, before) for before in previous)
            last = step
            paths.append(path)
        state = max((last[state], state) for state in paths[-1])[1]
        route = [state] * len(text)
        for index in range(len(text) - 1, 0, -1):
            state = paths[index][state]
            route[index - 1] = state
        return route


# --- the cache -----------------------------------------------------------------


_CACHE_PREFIX = "jieba-tags-"
# Tables kept side by side, the least recently used dropped first: two installs on different jiebas, or
# two folders of a user's rules, take turns without building their table (21 MB, a second) at each turn.
MOST_TABLES = 3
_SAMPLE_BYTES = 4096  # of each data file's head and tail, with its size: what tells one jieba's data from another


def _cache_name(extra_words: tuple[tuple[str, str], ...]) -> str:
    """Named after jieba's data files and the added words: another jieba, another file; the same
    jieba installed twice (two virtual environments), the same file."""
    spec = find_spec("jieba")
    package = Path(spec.origin).parent if spec and spec.origin else Path()
    stamps = [_stamp(package / name) for name in ("dict.txt", "posseg/prob_emit.py", "posseg/char_state_tab.py")]
    key = hashlib.sha256(repr((CACHE_FORMAT, stamps, extra_words)).encode()).hexdigest()[:16]
    return f"{_CACHE_PREFIX}{key}.bin"


def _stamp(path: Path) -> tuple[int, bytes, bytes]:
    try:
        with path.open("rb") as stream:
            head = stream.read(_SAMPLE_BYTES)
            size = stream.seek(0, os.SEEK_END)
            stream.seek(max(0, size - _SAMPLE_BYTES))
            return size, head, stream.read()
    except OSError:
        return 0, b"", b""


@lru_cache(maxsize=None)
def load_tagger(extra_words: tuple[tuple[str, str], ...] = ()) -> Tagger:
    """The tagger with ``extra_words`` (word, tag) added to jieba's dictionary, from the cache or built now."""
    name = _cache_name(extra_words)
    data: bytes | memoryview | None = _map(name)
    if data is None:
        data = build_tables(extra_words)
        _save(name, data)
    else:
        touch(name)
    return Tagger(data, extra_words)


def _save(name: str, data: Any) -> None:
    write_cache_file(name, data)
    keep_newest(f"{_CACHE_PREFIX}*.bin", MOST_TABLES)


def _map(name: str) -> memoryview | None:
    """The cache file mapped read-only (``mapped_cache_file``), or None when it is missing or not the user's own, not
    whole, or its header is damaged."""
    data = mapped_cache_file(name)
    if data is None:
        return None
    whole = len(data) > _HEAD_BYTES and _size(data, 1) == len(data)
    return data if whole and zlib.crc32(data[_HEAD_BYTES:_HEAD_BYTES + _size(data, 0)]) == _size(data, 2) else None


def _size(data: Any, field: int) -> int:
    return int.from_bytes(data[field * _SIZE_BYTES:(field + 1) * _SIZE_BYTES], "little")


@lru_cache(maxsize=None)  # jieba's add_word changes the frequencies again if called twice
def jieba_posseg(extra_words: tuple[tuple[str, str], ...] = ()) -> Any:
    """jieba's own tagger with ``extra_words`` added: what the cache is built from and tested against."""
    import logging
    import tempfile

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)  # jieba prints "Building prefix dict…" otherwise
    # jieba keeps its dictionary as read in the temporary folder every user shares (/tmp/jieba.cache): a file another user
    # put there was read as its dictionary (by marshal, which trusts its bytes), and the tags cached from it; one that was
    # not the user's to replace printed a traceback. Read afresh in a folder of the process's own, removed after.
    with tempfile.TemporaryDirectory(prefix="planparse-jieba-") as own:
        jieba.dt.tmp_dir = own
        jieba.initialize()
    for word, tag in extra_words:
        jieba.add_word(word, tag=tag)
    jieba.posseg.dt.makesure_userdict_loaded()
    return jieba.posseg


def build_tables(extra_words: tuple[tuple[str, str], ...] = ()) -> bytes:
    """jieba's dictionary, tags and HMM tables, cut into slices by first character.

    Built from jieba's tables as they are (150 MB of them), one slice at a time, and with no copy of the whole:
    a table of every word beside them, and the slices copied twice at the end, had the first extraction with a
    new cache peak at 443 MB."""
    posseg = jieba_posseg(extra_words)
    chars: dict[str, list] = {char: [states, {}] for char, states in posseg.char_state_tab_P.items()}
    for state, emissions in posseg.emit_P.items():
        for char, probability in emissions.items():
            chars.setdefault(char, [None, {}])[1][state] = probability
    slices = bytearray()
    directories: dict[str, dict[str, tuple[int, int, int]]] = {}
    for key, place in _append_slices(slices, _words_by_first_two(posseg)).items():
        directories.setdefault(key[0], {})[key] = place
    word_index = _compact(_append_slices(slices, sorted(directories.items())))
    char_index = _compact(_append_slices(slices, sorted((char, {char: tuple(entry)}) for char, entry in chars.items())))
    hmm_place = _append_slices(slices, [("", (posseg.start_P, posseg.trans_P))])[""]
    header = marshal.dumps((posseg.dt.tokenizer.total, hmm_place, word_index, char_index))
    head = [len(header), _HEAD_BYTES + len(header) + len(slices), zlib.crc32(header)]
    return b"".join([*(field.to_bytes(_SIZE_BYTES, "little") for field in head), header, slices])


def _words_by_first_two(posseg: Any) -> Iterator[tuple[str, dict[str, Entry]]]:
    """Each word's (weight, tag), grouped by its first two characters, in the order of those: sorted, the
    words sharing them come together (the same bytes from the same jieba). The words are sorted as jieba's
    dictionary lists them, nearly in order already (a tenth of the time of sorting a set of them), and their
    entries made a list at a time: word by word, this was a fifth of the first run's CPU."""
    frequencies, tags = posseg.dt.tokenizer.FREQ, posseg.dt.word_tag_tab
    log_total = log(posseg.dt.tokenizer.total)
    words = sorted([*frequencies, *(word for word in tags if word not in frequencies)])
    # each entry held by its word alone, as marshal wrote them (an object held twice is written as shared: zip's pairs,
    # which it keeps one of, gave other bytes)
    in_order = ((word, (_weight(frequencies.get(word), log_total), tags.get(word))) for word in words)
    for key, same in groupby(word[:2] for word in words):
        yield key, dict(islice(in_order, sum(1 for _ in same)))


def _weight(frequency: int | None, log_total: float) -> float | None:
    """A word's weight on jieba's route, as jieba works it out (None and 0 kept: no key, and only the start of words)."""
    return log(frequency) - log_total if frequency else frequency


def _compact(index: dict[str, tuple[int, int, int]]) -> tuple[str, bytes]:
    """An index of single characters as _Slices reads it."""
    return "".join(index), array("q", [number for place in index.values() for number in place]).tobytes()


def _append_slices(out: bytearray, table: Iterable[tuple[str, Any]]) -> dict[str, tuple[int, int, int]]:
    """Each (key, value) of ``table``, in the order given, marshalled onto ``out``: where each lies."""
    index = {}
    for key, value in table:
        blob = marshal.dumps(value)
        index[key] = (len(out), len(blob), zlib.crc32(blob))
        out += blob
    return index
