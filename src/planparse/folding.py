"""Folding: text as the rules read it.

Compatibility characters become their plain forms (⼀ -> 一, ５ -> 5), traditional characters and words their
simplified ones (萬 -> 万, 批覆 -> 批复), and in a document worded as Taiwan words it, Taiwan's words the mainland's
(軟體 -> 软件, 網際網路 -> 互联网). Every stage reads folded text and quotes the text as written: a word folded to
one of another length (最佳化 -> 优化) comes with where each folded offset falls in the text as written (``Folded``).
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from importlib.util import find_spec
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

import regex

from . import patterns
from .cache import parsed
from .models import PageInfo
from .rule_files import default_rules_dir, load_yaml

# OpenCC's table of traditional characters and their simplified forms, first candidate first
_TRADITIONAL_TABLE = ("opencc", "dictionary/TSCharacters.txt")
# OpenCC's table of traditional words whose simplified form a character fold gets wrong (牴觸 抵触, 反覆 反复)
_TRADITIONAL_PHRASES = "dictionary/TSPhrases.txt"
# OpenCC's tables of the forms Hong Kong and Taiwan write some traditional characters in (衞生 for 衛生), and the form
# of its own table each stands for
_VARIANT_TABLES = ("dictionary/HKVariantsRev.txt", "dictionary/TWVariantsRev.txt")
# What a compatibility character may fold to: letters, digits, ideographs, and the
# signs numbers and their units carry (．％－, ／ in 万吨／日). Full-width punctuation (，：；) stays: the rules are
# written with it.
_NUMBER_SIGNS = ".%-/"


class _FoldTable(dict):
    """What each character reads as, worked out the first time the character is seen.

    A compatibility character becomes its NFKC form when that is one letter,
    digit or ideograph (Kangxi radical ⼀ -> 一, full-width ５ -> 5, ％ -> %);
    circled and superscript numbers (①, ²) keep their meaning as markers. A
    traditional character becomes its simplified form (萬 -> 万, 達 -> 达).
    """

    def __init__(self, simplified: dict[str, str], radicals: dict[str, str]):
        super().__init__()
        self.simplified = simplified
        self.radicals = radicals  # radicals NFKC leaves alone (⻅, ⺠): rules/radicals.yaml

    def __missing__(self, code: int) -> str:
        char = chr(code)
        compatible = self.radicals.get(char) or unicodedata.normalize("NFKC", char)
        if len(compatible) != 1 or unicodedata.category(char) == "No" or not (compatible.isalnum() or compatible in _NUMBER_SIGNS):
            compatible = char
        self[code] = folded = self.simplified.get(compatible, compatible)
        return folded


@lru_cache(maxsize=1)
def _fold_table() -> tuple[_FoldTable, re.Pattern]:
    """The table, and a pattern finding the characters it changes, each in its group (``split`` parts a text at
    them): a line without them is folded already (translating every line, character by character, took a quarter
    of normalising)."""
    table, changed = _table_and_changed()
    # Python's re, not regex: regex tries the members of a large set one by one. Characters beyond
    # the Basic Multilingual Plane (rare, and in re a list too) all count as changed.
    return table, patterns.compile_python(f"([{changed}]|[\U00010000-\U0010ffff])")


@lru_cache(maxsize=1)
def _kept_words() -> tuple[str, dict[str, str], re.Pattern]:
    """rules/regional_words.yaml's ``word_characters`` (Taiwan's 著, which the table keeps), and the words written with
    one and characters the table keeps alone, with what they read as (著力 着力; 显著, across an edge, as written), and a
    pattern finding them: read in any line that holds one (a Taiwan-standard heading 著力保障 holds no other traditional
    character), where every traditional word is read only in a line holding a traditional character (a simplified plan's
    显著 built the pattern of them all)."""
    table, _ = _table_and_changed()
    regional = regional_words()
    marks = "".join(regional["word_characters"])
    words = {**regional["words"], **{across: across for across in regional["across_edges"]}}
    kept = {word: read for word, read in words.items()
            if len(word) == len(read) and any(mark in word for mark in marks) and word.translate(table) == word}
    return marks, kept, _any_of(kept)


def _with_kept_words(text: str, characters: str) -> str:
    """``characters`` (``text`` folded, of its length) with the words of ``_kept_words`` in ``text`` read so."""
    marks, kept, finder = _kept_words()
    if not any(mark in text for mark in marks):
        return characters
    pieces, last = [], 0
    for match in finder.finditer(text):  # joined once: a piece rebuilt per word made a long text's fold quadratic
        pieces += [characters[last:match.start()], kept[match.group()]]
        last = match.end()
    return "".join(pieces) + characters[last:]


@lru_cache(maxsize=1)
def _foldable() -> re.Pattern:
    """A finder of every character ``folded`` may change: those the table changes, the ASCII marks it may read as
    full-width (``_CHINESE_PUNCTUATION``), any beyond the Basic Multilingual Plane. One set: re skips to its members
    in C, where it tries a choice between sets at every place."""
    _, changed = _table_and_changed()
    marks, _, _ = _kept_words()  # built with the finder: a batch's warm-up builds both, and no worker compiles them
    return patterns.compile_python(f"[{changed}{re.escape(marks)}{re.escape(''.join(_FULL_WIDTH_MARKS))}\U00010000-\U0010ffff]")


@lru_cache(maxsize=1)
def _table_and_changed() -> tuple[_FoldTable, str]:
    """The table, and the characters of the Basic Multilingual Plane it changes as the ranges of a character class."""
    package, name = _TRADITIONAL_TABLE
    path = _package_file(package, name)
    text, radicals = path.read_text(encoding="utf-8"), radical_forms()
    variants = "\n".join(_package_file(package, table).read_text(encoding="utf-8") for table in _VARIANT_TABLES)
    simplified = parsed(path, text, _one_for_one)
    table = _FoldTable({**_variant_forms(variants, simplified), **simplified}, radicals)
    # The candidates come from the regex module's tables, the folds from Python's: both versions in the key
    key = "\n".join([unicodedata.unidata_version, regex.__version__, _NUMBER_SIGNS, repr(sorted(radicals.items())), text, variants])
    return table, parsed(Path(f"folding:{path}"), key, lambda _: _folding_class(table))


def _folding_class(table: _FoldTable) -> str:
    """The characters of the Basic Multilingual Plane that ``table`` changes, as the ranges of a character class:
    found among those NFKC may change, the traditional ones and the radicals (the table changes no other)."""
    plane = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))  # no surrogates
    candidates = {*regex.findall(r"[\p{NFKC_QC=N}\p{NFKC_QC=M}]", plane), *table.simplified, *table.radicals}
    ranges: list[list[int]] = []
    for code in sorted(ord(char) for char in candidates if ord(char) < 0x10000 and table[ord(char)] != char):
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(re.escape(chr(first)) + (f"-{re.escape(chr(last))}" if last > first else "") for first, last in ranges)


def _one_for_one(table: str) -> dict[str, str]:
    """Simplified forms from OpenCC's table: a character whose first candidate is itself (覆) is already simplified."""
    simplified = {}
    for line in table.splitlines():
        traditional, _, candidates = line.partition("\t")
        first = candidates.split(" ")[0]
        if len(traditional) == 1 and len(first) == 1 and first != traditional:
            simplified[traditional] = first
    return simplified


def _variant_forms(table: str, simplified: dict[str, str]) -> dict[str, str]:
    """The simplified form of each regional variant (衞 -> 衛 -> 卫, 敍 -> 敘 -> 叙) whose standard form has one: not
    a variant that is itself a simplified character (著, Taiwan's 着, is simplified 著 of 显著), which folds to itself."""
    forms = {}
    for line in table.splitlines():
        variant, _, standard = line.partition("\t")
        target = simplified.get(standard.split(" ")[0])
        if len(variant) == 1 and target and variant not in simplified:
            forms[variant] = target
    return forms


@lru_cache(maxsize=4)  # Taiwan's words read or not, words of another length or not
def _traditional_words(taiwan: bool, one_for_one: bool) -> tuple[dict[str, str], re.Pattern]:
    """Traditional words a character fold gets wrong and the simplified word each stands for (``one_for_one``: only
    a word as long as it): OpenCC's phrases, then rules/regional_words.yaml (批覆 批复, 軟體 软件, 網際網路 互联网; in
    Taiwan's wording 資訊 信息 too; text across a word's edge, 解釋出, as its characters fold); and a pattern finding them
    in text as written. Built the first time a text has a traditional character."""
    table, _ = _fold_table()
    package, _ = _TRADITIONAL_TABLE
    words = {}
    for line in _package_file(package, _TRADITIONAL_PHRASES).read_text(encoding="utf-8").splitlines():
        traditional, _, candidates = line.partition("\t")
        words[traditional] = candidates.split(" ")[0]
    regional = regional_words()
    words.update({**regional["words"], **regional["taiwan_words"], **(regional["taiwan_senses"] if taiwan else {}),
                  **(_senses_beside(regional["taiwan_senses_beside"], table) if taiwan else {})})
    # one for one, a word of another length reads as its characters fold, and so does each word inside it (智慧財產 in 智慧財產權)
    words = {word: simplified if len(simplified) == len(word) or not one_for_one else word.translate(table)
             for word, simplified in words.items() if word.translate(table) != simplified}
    words.update({across: across.translate(table) for across in regional["across_edges"]})
    return words, _any_of(words)


def _senses_beside(senses: list[dict], table: dict) -> dict[str, str]:
    """Each word of ``senses`` beside each of its neighbours, before or after it (政務資料, 資料共享), or on one side
    only (``before``: 權力執行; ``after``: 資料庫), and what the two stand for: the neighbour as its characters fold and
    the word's sense (政务数据, 数据共享, 权力运行, 数据库)."""
    return {phrase: folded for sense in senses for phrase, folded in _phrases_beside(sense, table)}


def _phrases_beside(sense: dict, table: dict) -> Iterator[tuple[str, str]]:
    word, meant = sense["word"], sense["sense"]
    for neighbour in [*sense.get("neighbours", ()), *sense.get("before", ())]:
        yield neighbour + word, neighbour.translate(table) + meant
    for neighbour in [*sense.get("neighbours", ()), *sense.get("after", ())]:
        yield word + neighbour, meant + neighbour.translate(table)


def _any_of(words: Iterable[str]) -> re.Pattern:
    """A pattern finding any of ``words``, the longest of them at a place (``patterns.python_any_word``: the 182 of
    Taiwan's senses were tried in turn at every place holding the first character of one, 政, 公, 資…: a sixtieth of an
    extraction)."""
    return patterns.compile_python(patterns.python_any_word(words))


class _WordFinder(NamedTuple):
    """``_any_of`` words, found in a text as written. A text holding none of the words' traditional characters (most
    mainland texts) can hold only the words written without one (人工智慧, 社群), so their pattern alone is tried there:
    the first characters of all the words (人, 分, 新, 共…) stand at 13,700 places of the gold texts, where the whole
    pattern was tried, three quarters of judging a text's wording. Without the others, the first that fits at a place
    is the same word."""

    every: re.Pattern
    plain: re.Pattern  # the words with none of them

    def findall(self, written: str, traditional: bool) -> list[str]:
        """The words in ``written``; ``traditional``: whether it holds a traditional character of the words (the whole
        pattern finds what the plain one does)."""
        return (self.every if traditional else self.plain).findall(written)


_NOTHING = patterns.compile_python("(?!)")


def _word_finder(words: Iterable[str], table: dict) -> _WordFinder:
    words = list(words)
    plain = [word for word in words if word.translate(table) == word]
    return _WordFinder(_any_of(words), _any_of(plain) if plain else _NOTHING)


def _traditional_characters(words: list[str], table: dict) -> re.Pattern:
    """A finder of the characters of ``words`` that the fold changes."""
    traditional = sorted({char for word in words for char in word if char.translate(table) != char})
    return patterns.compile_python(f"[{re.escape(''.join(traditional))}]") if traditional else _NOTHING


class _TaiwanEvidence(NamedTuple):
    own_words: _WordFinder  # Taiwan's own words (軟體, 計畫, 智慧財產) in text as written
    enough_own: int  # how many of them tell Taiwan's wording
    senses: _WordFinder  # Taiwan's senses of the mainland's words (資訊, 專案, 社群, 政務資料) in text as written
    sense_of: dict[str, str]  # the mainland word each stands for (政務資料 and 資料共享: 数据), one sense however written
    enough_senses: int  # how many different ones tell it, written ``ratio`` times as often as the mainland's own words
    mainland: re.Pattern  # the mainland's words for what Taiwan names so (信息, 项目, 发布), in text folded character by character
    ratio: int
    enough_unopposed_senses: int  # how many different ones tell it in a text of ``long_text`` characters or more
    long_text: int  # that writes none of the mainland's words
    traditional: re.Pattern  # the characters of both kinds of words that the fold changes: a text holding none
    # (most) is searched for the plain words of each, where each kind's search for its own characters scanned it twice


@lru_cache(maxsize=1)
def _taiwan_evidence() -> _TaiwanEvidence:
    regional = regional_words()
    table, _ = _fold_table()
    beside = {phrase: sense["sense"] for sense in regional["taiwan_senses_beside"] for phrase in _senses_beside([sense], table)}
    sense_of = {**regional["taiwan_senses"], **beside}
    own_words, senses = _word_finder(regional["taiwan_words"], table), _word_finder(sense_of, table)
    return _TaiwanEvidence(own_words, regional["taiwan_evidence"], senses, sense_of, regional["taiwan_sense_evidence"],
                           _any_of(regional["mainland_marks"]), regional["sense_ratio"], regional["unopposed_sense_evidence"],
                           regional["unopposed_length"], _traditional_characters(list(regional["taiwan_words"]) + list(sense_of), table))


def taiwan_wording(texts: list[str]) -> bool:
    """Whether the texts, one document, are worded as Taiwan words a plan: they write enough of Taiwan's own words
    (軟體, 網際網路, 計畫), which no mainland text writes; or enough of Taiwan's senses of words of both (專案, 網路,
    資訊), and many times as many as of the mainland's own words for what those name (信息, 項目, 網絡): a mainland
    plan's traditional copy writes 專案組 and 管網路面, but 項目 and 網絡 beside them."""
    return _taiwan_worded("\n".join(texts))


def _taiwan_worded(written: str) -> bool:
    """``taiwan_wording`` of a text as written."""
    evidence = _taiwan_evidence()
    traditional = evidence.traditional.search(written) is not None
    if len(evidence.own_words.findall(written, traditional)) >= evidence.enough_own:
        return True
    senses = evidence.senses.findall(written, traditional)
    different = len({evidence.sense_of[sense] for sense in senses})
    if different < evidence.enough_unopposed_senses:
        return False  # one word of both written often (專案組, 專案偵查) is a mainland text's own
    table, _ = _fold_table()
    mainland = len(evidence.mainland.findall(written.translate(table)))
    if not mainland and len(written) >= evidence.long_text:
        return True  # a plan this long that writes none of the mainland's words for what Taiwan's senses name
    return different >= evidence.enough_senses and len(senses) >= evidence.ratio * mainland


def regional_words() -> dict:
    """rules/regional_words.yaml: traditional words and the simplified words they stand for, ``words`` read in
    any traditional text with ``taiwan_words``, ``taiwan_senses`` in Taiwan's wording only."""

    return load_yaml(default_rules_dir() / "regional_words.yaml")


def radical_forms() -> dict[str, str]:
    """rules/radicals.yaml: CJK Radicals Supplement characters and the ideographs they stand for."""

    return load_yaml(default_rules_dir() / "radicals.yaml")["radicals"]


def _package_file(package: str, name: str) -> Path:
    """A data file of an installed package, found without importing the package or importlib.resources
    (together a twentieth of a second at every start)."""
    spec = find_spec(package)
    folder = next(iter(spec.submodule_search_locations or [])) if spec else None
    if folder is None:
        raise ModuleNotFoundError(f"{package} is not installed")
    return Path(folder) / name


class Folded(NamedTuple):
    """A text as the rules read it, and where each of its offsets (its end too) falls in the text as written: None
    where every fold kept its length (most texts), and the offsets are the same."""

    text: str
    written_at: tuple[int, ...] | None = None


def fold(text: str, taiwan: bool | None = None, one_for_one: bool = False) -> str:
    """The text as the rules read it: compatibility and traditional characters and words folded. ``taiwan``: whether
    the document is in Taiwan's wording (``taiwan_wording``); None to judge by ``text`` alone. ``one_for_one``: only
    words folded to words of their length (網際網路 read as its characters fold), for a reader that cuts the text as
    written where it finds a place in the folded text; else ``folded`` tells where. A text holding no character the fold
    may change (``_foldable``: most cells, amounts and titles folded one by one) is itself, found in one search."""
    return folded(text, taiwan, one_for_one).text if _foldable().search(text) else text


# １，２００: a full-width comma between full-width digits with three after it parts thousands, as 1,200 writes it; the
# digits say how it was typed (between ASCII digits, 9，999 may part thousands or list two numbers: values.competing_readings)
_FULL_WIDTH_THOUSANDS = patterns.compile_python("(?<=[０-９])，(?=[０-９]{3}(?![０-９．]))")


def _grouped_thousands(text: str, characters: str) -> str:
    """``characters`` (``text`` folded character by character) with each full-width comma that parts thousands in
    ``text`` read as the comma of 1,200."""
    if "，" not in text:
        return characters
    for comma in _FULL_WIDTH_THOUSANDS.finditer(text):
        characters = characters[:comma.start()] + "," + characters[comma.end():]
    return characters


# A plan typed or pasted with ASCII punctuation (到2025年,全市…达到10%.培育…; 责任单位:市教育局): a mark touching an
# ideograph is the full-width mark the rules are written with, so that clauses part where the writer parted them. A
# full stop only after a word or a number's unit and before a word, a number, a dash's item or the line's end
# (启动阶段.2021年起…; 完成投资约245亿元.——开工一批…; 一.总体要求, (一).基本原则 and 1.5 keep theirs), the other marks
# on either side of an ideograph (1,200 and 8:30 between digits keep theirs). A word ending in a numeral character
# (统一, 之一, 清零: the few of the language) ends its sentence (标准统一.强化…); after any other word a numeral and its
# stop open a heading whose line break was lost (…实施方案一.工作目标, 二.重点任务三.保障措施).
_HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff"
_WORD_END = f"[{_HAN}%％）)”’》」』]"
_NUMERALS = "一二三四五六七八九十百千〇零"
_WORDS_ENDING_IN_A_NUMERAL = ("统一", "之一", "唯一", "单一", "同一", "专一", "划一", "合一", "归一", "逐一", "万一", "不一", "如一",
                              "其一", "不二", "无二", "其二", "再三", "其三", "其四", "其五", "其六", "其七", "其八", "其九",
                              "其十", "合十", "之百", "万千", "大千", "清零", "归零", "为零", "凋零")
# One set of the marks opens the pattern, each reading of a mark looking back at it: re skips to the marks in C where a
# pattern opens with a set, but not with a choice between a mark and a set of marks ([.]…|[,;:?!]…), which it tried
# at every place of every line (a third of the fold's time on a plan's lines)
_CHINESE_PUNCTUATION = patterns.compile_python(
    f"(?m)[.,;:?!](?:(?<=[.])(?<={_WORD_END}.)"
    f"(?:(?<![{_NUMERALS}].)|(?<=(?:{'|'.join(_WORDS_ENDING_IN_A_NUMERAL)}).))"
    f"(?<![一二三四五六七八九十〇零0-9][)）].)"
    f"(?=\\s*[{_HAN}“（(《「—0-9０-９]|\\s*$)"
    f"|(?<=[,;:?!])(?:(?<={_WORD_END}.)|(?=[{_HAN}“（(《「])))")
_FULL_WIDTH_MARKS = {".": "。", ",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


def _in_context(text: str, characters: str) -> str:
    """``characters`` (``text`` folded character by character) with the marks whose reading depends on the characters
    beside them in ``text`` read so."""
    return _chinese_punctuation(text, _grouped_thousands(text, characters))


def _chinese_punctuation(text: str, characters: str) -> str:
    """``characters`` (``text`` folded character by character) with each ASCII mark of a Chinese sentence in ``text``
    read as its full-width form."""
    pieces, last = [], 0
    for mark in _CHINESE_PUNCTUATION.finditer(text):
        pieces += [characters[last:mark.start()], _FULL_WIDTH_MARKS[mark.group()]]
        last = mark.end()
    return "".join(pieces) + characters[last:] if pieces else characters


# The characters the fold changes are folded alone (``_characters_folded``) when a text holds a few, or one in so many
# characters at most: a text denser with them (traditional, or full-width throughout) costs less translated whole, and
# holds no piece for each
_FEW_FOLDS, _SPARSE_FOLDS = 8, 64


def folded(text: str, taiwan: bool | None = None, one_for_one: bool = False) -> Folded:
    """``fold`` of the text, with where its offsets fall in ``text``."""
    table, folding = _fold_table()
    most = _FEW_FOLDS + len(text) // _SPARSE_FOLDS
    parts = folding.split(text, most)  # the text between the characters the fold changes, and those characters
    if len(parts) == 1:
        return Folded(_chinese_punctuation(text, _with_kept_words(text, text)))
    # only a text with a traditional character (an ideograph folded: not a full-width digit, nor a radical) is read for
    # words; 影片 and 程式 are also words of simplified text. Looked for among the characters folded, not by comparing
    # every character with its fold: that took three quarters of normalising a plan whose numbers are written 1．5.
    every_fold = len(parts) // 2 < most  # all of them split off: a few
    if every_fold and not any("\u4e00" <= char <= "\u9fff" for char in parts[1::2]):
        return Folded(_in_context(text, _with_kept_words(text, _characters_folded(parts, table))))
    characters = _in_context(text, text.translate(table))
    if not every_fold and not any("\u4e00" <= match.group() <= "\u9fff" for match in folding.finditer(text)):
        return Folded(_with_kept_words(text, characters))
    words, found = _traditional_words(_taiwan_worded(text) if taiwan is None else taiwan, one_for_one)
    pieces, resized, last = [], [], 0
    for match in found.finditer(text):  # words read as written: 幹道 folds to 干道 by its characters, 乾道 stays 乾道
        word = words[match.group()]
        pieces += [characters[last:match.start()], word]
        if len(word) != len(match.group()):
            resized.append((match.start(), match.end(), len(word)))
        last = match.end()
    if not pieces:
        return Folded(characters)
    return Folded("".join(pieces) + characters[last:], _written_offsets(resized, len(text)) if resized else None)


def _characters_folded(parts: list[str], table: _FoldTable) -> str:
    """``text.translate(table)`` of the text ``split`` into ``parts`` by the characters the table changes (it changes
    no other): the few of a simplified text (full-width digits) folded alone, where translating looked every character
    of a whole text up in the table (most of reading a plan whose numbers are written １．５)."""
    parts[1::2] = [table[ord(char)] for char in parts[1::2]]
    return "".join(parts)


def _written_offsets(resized: list[tuple[int, int, int]], length: int) -> tuple[int, ...]:
    """Where each offset of a folded text falls in the text as written (``length`` characters), whose words
    ``resized`` (where each starts and ends as written, and its folded length) were folded to words of another length:
    an offset inside such a word falls as far into it, or at its end (最佳化 -> 优化: 优 at 最, 化 at 佳)."""
    offsets: list[int] = []
    written = 0  # where the text as written goes on after the last word resized
    for start, end, folded_length in resized:
        offsets += range(written, start)
        offsets += (min(start + inside, end) for inside in range(folded_length))
        written = end
    return (*offsets, *range(written, length + 1))


def _texts_to_fold(texts: list[str]) -> set[int]:
    """Which of ``texts`` hold a character ``folded`` may change (``_foldable``), found in all of them at once: most
    lines of a plan hold none, and folding them leaves them as they are."""
    joined, finder = "\n".join(texts), _foldable()
    if joined.count("\n") != len(texts) - 1:  # a text holding a line end would shift the rest: each searched alone
        return {index for index, text in enumerate(texts) if finder.search(text)}
    starts = list(accumulate([len(text) + 1 for text in texts], initial=0))  # where each text starts in the joined
    found: set[int] = set()
    match = finder.search(joined)
    while match:  # one search a text that holds one: a traditional text holds one at every other character
        index = bisect_right(starts, match.start()) - 1
        found.add(index)
        match = finder.search(joined, starts[index + 1])
    return found


def fold_each(texts: list[str]) -> list[str]:
    """``fold`` of each text, each judged by itself alone (its wording); only those that may change are folded."""
    to_fold = _texts_to_fold(texts)
    return [fold(text) if index in to_fold else text for index, text in enumerate(texts)] if to_fold else texts


def fold_texts(texts: list[str], taiwan: bool | None = None, one_for_one: bool = False) -> list[str]:
    """``fold`` of each text, the texts one document (``taiwan``: None to judge its wording by them): the very list
    when none may change (most plans' lines), where a ``Folded`` made for each line only to be taken apart again was
    half of folding them."""
    changed = lines_folded(texts, taiwan, one_for_one)
    return [changed[index].text if index in changed else text for index, text in enumerate(texts)] if changed else texts


def lines_folded(texts: list[str], taiwan: bool | None = None, one_for_one: bool = False) -> dict[int, Folded]:
    """``folded`` of each of ``texts`` (one document) that may change, by its index: only those are folded."""
    to_fold = _texts_to_fold(texts)
    if not to_fold:
        return {}
    taiwan = taiwan_wording(texts) if taiwan is None else taiwan
    return {index: folded(texts[index], taiwan, one_for_one) for index in sorted(to_fold)}


def fold_page(page: PageInfo, taiwan: bool) -> PageInfo:
    """What a web page says of its document (its <meta> title, its information box), read as the document's text is
    read (``fold`` in the document's wording, ``taiwan``): a traditional page's 關於…印發 is 关于…印发, and a Taiwan
    page's 資訊專案 is 信息项目 though its title alone writes none of Taiwan's own words."""
    return page.model_copy(update={name: fold(value, taiwan) for name, value in page if isinstance(value, str)})
