"""Where a heading's title ends when it runs into its body with no full stop between.

Text that lost its line breaks glues each title to the sentence below it (一、指导思想以习近平…); so do writers who
leave out the title's full stop. The title ends where the genre says a body opens: a sentence's grounds, subject or
label (rules/headings.yaml title_ends), a title word and a sentence's opening after it, a closing note, a second
parallel phrase, a space. The structure stage and the line-break restorer both cut titles so; this module lies below
both, reading only rules and responsibility notes.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cached_property, lru_cache
from itertools import accumulate
from typing import NamedTuple

import regex

from . import patterns
from .folding import fold
from .indicator import indicator_words
from .responsibility_notes import bracket_groups, parse_annotation, responsibility_rules
from .tagger import load_tagger
from .rules import (TitleEnds, load_rule_set, rules_cache, rules_dir_in_force, task_verbs, title_closing_note, title_ends,
                    title_openers)

TITLE_STOPS = set("。！？!?；;")
TITLE_LENGTH = 40  # characters: a heading's title is shorter, the first sentence of a paragraph often not
LONG_TITLE = 20  # characters: a title found by a space, a note or a phrase after it is no longer
LEADERS = r"(?:[.．·・…⋯_]{3,}|…{2,})"  # between a contents entry and its page number
NOTE_BRACKETS = "（(〔【["
SPACE = patterns.compile(r"[ \u3000\u00a0]+")
LATIN_OR_DIGIT = patterns.compile(r"[A-Za-z0-9.%]")
_NOTE_WINDOW = 300  # characters: a title and the responsibility note closing it are shorter
_MIN_GLUED_TITLE = 4  # characters: a title cut from the sentence it runs into is no shorter (前言 stands alone: whole_titles)
_WORD_TITLE = 30  # characters: a title found by its last word and a sentence's opening after it is no longer
_PARALLEL_PHRASE = 8  # characters: the first of a title's two parallel phrases (广泛宣传，营造氛围) is no longer
_MIN_PHRASE = 2  # characters: a phrase of a title is no shorter
_MIN_BODY = 3  # characters: a body its full stop closes is longer than a word (发展环境友好。, 开展宣传动员。 are titles)
_OPENING_VERB_LENGTH = 2  # characters: a title's opening verb (加强, 加快), which its body may restate
_OPENING_WORDS_LENGTH = 4  # characters: a title's opening words (轮换对象, 畜禽养殖), which its body may restate
_SET_FORM_SIBLINGS = 2  # titles of one length among siblings: so many make their length a set form's
_SET_FORM_TITLE = 8  # characters: titles of one length no longer than this, nouns, are of a set form (指导思想, 联席会议制度)
_TASK_TITLE = 6  # characters: a task's title, a verb and its object, is no shorter (推进一批扶贫项目)
_TASK_ADVERBS = 2  # adverbs and modals before a task's verb are no more (应当积极…)
_CLAUSE_GOES_ON = ("，", ",")
_TASK_CLAUSE = 40  # characters: the first clause of a task's body, opened by its verb, ends sooner
_OPENING_WORDS = patterns.compile(r"\p{Han}{4}")
_RESTATED_PIECE = 2  # characters: a word of the title's object that its body restates (改造, 管网, 渔业)
_WORD_WINDOW = 8  # characters each side of a place that jieba cuts to read the word there
_RESTATED_AFTER = 2  # words of the body's own before the restated one: its verb, an adverb or a frequency (每年开展|水产品)
_OBJECT_TAGS = ("n", "b", "a", "m")  # jieba's tags of what opens a verb's object: a noun, its modifier, its count
_QUANTITY = patterns.compile(r"\d+(?:\.\d+)?[万亿千百]?(?![\d.年月日])\p{Han}")  # 8.5公里, 120个: no year, no date
_BEFORE_A_NOUN = set("的之及和与或、由对向在将把被从于")  # a phrase goes on after these (关于, 对于)
_PER_NUMERALS = set("0123456789.一二两三四五六七八九十百千万亿")  # between 每 and the measure word of its count (每10万人, 每千名)
_PER_MEASURE = 2  # characters: the measure word after 每 and its numeral (名, 户, 公里) is no longer
_PER_REACH = 10  # characters: 每, its numeral and its measure word are no longer
_NOTE_LABEL_LENGTH = 3  # characters of a note's label opening a body after a title (责任人, 牵头单位), not 牵头 or 配合
_COMMA = patterns.compile(r"[，,]")
_PREPOSITIONS = set("对在")  # what or where a body acts on, opening it (对城区12条黑臭水体实施整治, 在全县推广…)
# a verb or a modifier of one or two characters before the body restates the title's opening (建成|病死畜禽…, 强制|免疫病种…)
_WORD_BEFORE_RESTATEMENT_LENGTH = 2
_WORD_BEFORE_RESTATEMENT = patterns.compile(r"(?:(?![" + "".join(sorted(_BEFORE_A_NOUN)) + r"])\p{Han}){0,%d}" % _WORD_BEFORE_RESTATEMENT_LENGTH)
_CLAUSE_ENDS = patterns.compile(r"[。！？!?；;，,、]")
_TITLE_RUN = patterns.compile(r"[^。！？!?；;，,：:—]*")
# A part set off by a pair of dashes inside a sentence that goes on past a comma after it (坚持两手抓——既抓疫情防控——又抓
# 经济发展，新增…): no bullets, whose items run to the next item or heading, a mark or none at their ends.
_DASH_INSERTION = patterns.compile(r"——(?P<first>[^—。！？!?；;，,：:\d]{1,20})——(?P<second>[^—。！？!?；;，,：:]{1,40})[，,]")
_PARALLEL_OPENING = 1  # character: items of one list open alike (坚持政府主导——坚持因地制宜), a part set off does not
_SENTENCE_RUN = patterns.compile(r"[^。！？!?；;]*")
_GOES_ON = set("，,、：:“《（(")  # a phrase goes on after these
_PAIRS = (("（", "）"), ("(", ")"), ("“", "”"), ("《", "》"))
_OCCASION = patterns.compile(r"[^\s，,。；;：:、“”]{2,8}?(?:期间|时期)[，,]")  # the time of a sentence: 节能宣传周期间，
_MODAL = patterns.compile(r"[要应须]")  # before a body's grounds or verb (要按照)
_TIME = patterns.compile(r"在[^，,。；;：:]{1,12}?(?:期间|时期|以来|之前|之后|前|后|时|中)")  # 在2015年年底前, 在“十四五”期间
_TIME_REACH = 15  # characters: a _TIME is no longer
_TIME_BEFORE = patterns.compile(_TIME.pattern + "$")  # a _TIME closing what is searched
_CONTENTS_LEADER = patterns.compile(r"\s*" + LEADERS)
_INDENT = 2  # spaces: a paragraph's indent as a crawler keeps it (　　), wider than a PDF's space beside a number
_YEAR_OPENING = patterns.compile(r"(?:19|20)\d{2}\s*(?:年|[—\-–~～至])")  # 2022—2024年，… after a spaced title
_SPACED_LABEL = patterns.compile(r"\p{Han}[ \u3000\u00a0]+\p{Han}[：:]")  # 组  长：


def dash_insertion(text: str, start: int, title: str) -> regex.Match | None:
    """The part set off by the pair of dashes at ``start`` inside a sentence (坚持两手抓——既抓疫情防控——又抓经济发展，…),
    after ``title``, the words from a heading's marker to the first dash (none when no marker stands there). Not a
    list's dash items: after a title that names a list (基本原则, 工作原则: rules/headings.yaml whole_titles and title
    words), nor two parts opening alike (——坚持政府主导——坚持因地制宜，…), whose lined copy sets each on its own line."""
    inserted = _DASH_INSERTION.match(text, start)
    if not inserted:
        return None
    rules = title_ends()
    names_a_list = title in rules.whole_titles or title.endswith(tuple(rules.words))
    first, second = inserted.group("first"), inserted.group("second")
    parallel = first[:_PARALLEL_OPENING] == second[:_PARALLEL_OPENING]
    return None if names_a_list or parallel else inserted


def _balanced(text: str) -> bool:
    """Whether each bracket and quotation opened in ``text`` is closed there."""
    return all(text.count(opening) == text.count(closing) for opening, closing in _PAIRS)


def glued_title_end(text: str, by_words: bool = True) -> int | None:
    """Where the title ends in ``text`` (what follows a heading marker) when it runs on into a sentence.

    The title ends before a dash bullet (基本原则——坚持…, not a part set off by dashes, nor one inside a quotation or a
    bracket: 开展“健康——快乐”…) or a space, after a title that
    stands alone (前言), at the first title word that a sentence's opening
    follows (rules/headings.yaml title_ends: 指导思想|以习近平…, not 实施领导|干部…) unless ``by_words`` is False
    (an item written as a sentence holds such words: 纪念设施|集中管护…), or after a closing note
    (实施阶段（2015年4月-6月）|该阶段…).
    """
    text = fold(text)  # the title words of a traditional text (工作目標), at the same offsets
    run = _TITLE_RUN.match(text).group()
    if text.startswith("——", len(run)) and _balanced(run) and not dash_insertion(text, len(run), run):
        return len(run) or None
    rules = title_ends()
    whole = next((word for word in rules.whole_titles if run.startswith(word) and len(run) > len(word)), None) \
        if run.startswith(tuple(rules.whole_titles)) else None  # most titles: none, told in one call
    # a word its full stop closes is no body but the title's end (（五）发展环境友好。)
    closed = text.startswith("。", len(run))
    if whole and not _goes_on_in_title(run, len(whole), rules) and not (closed and len(run) - len(whole) < _MIN_BODY):
        return len(whole)
    note = _closing_note(text, run)  # unless a title word ends the title before it
    label, grounds, subject, particular = title_openers()
    # each tested in one call at every place
    words, openers, noun_openers = tuple(rules.words), tuple(rules.sentence_openers), tuple(rules.noun_openers)
    titles, nouns_after = (*words, *rules.whole_titles), (*words, *rules.conjunctions)
    leading, tested = _leading_words(), _tested_words()
    spaced = _spaced_title_word_end(text, run, tested)
    if spaced:
        return spaced
    title = _TitleReading(text, run, tested)
    # a heading's whole sentence as short as a title, no clause in it (（二）分级挂牌整治重点乡（镇）交通安全问题。)
    short_sentence = len(run) <= LONG_TITLE and closed
    for end in range(_MIN_PHRASE, min(len(run) - (_MIN_BODY - 1 if closed else 1), max(_WORD_TITLE + 1, rules.subject_title_length), note[0] if note else len(run))):
        if run.count("（", 0, end) != run.count("）", 0, end) or run[end - 1] == "、" or _inside_per(run, end):
            continue  # inside a bracket, between the items of a list (区直各部门、|各片区管理局要…) or in a count's 每
        if particular.match(text, end, None, patterns.NOT_CONCURRENT) and not text.startswith(words, end):
            return end  # 饮用水|治理指标：…, …低碳抽查|抽查时间：…, 解释|本方案由… (not 前期准备|阶段时间：, a title word's)
        if _opens_note_label(text, end):
            return end  # 食堂检查|责任单位：县市场监管局…, 水资源保护|责任领导：…: a note's label, its own line in a lined copy
        if end < _MIN_GLUED_TITLE:
            if tested.title_word.before(run, end) and _YEAR_OPENING.match(text, end):
                return end  # a title word as short as 现状 or 目标, and the year its body opens with (现状|2022年全县…)
            if run[:end] in rules.short_titles and _opens_sentence(run, end, openers, titles):
                return end  # a review's title as short as 现状, and its body's opening (现状|全县现有…, 形势|当前…)
            continue
        # grounds after a body of the administration are its sentence's (区环境与国土资源局依据…), not a body's opening
        # nor inside a word jieba keeps whole, a time's (县教育局本学|年内完成…: 本学年 holds 年内)
        opens_grounds = (grounds.match(text, end, None, patterns.NOT_CONCURRENT) and not run.endswith(tuple(rules.agents), 0, end)
                         and end in title.word_starts)
        if (subject.match(text, end, None, patterns.NOT_CONCURRENT) or opens_grounds or _restates_opening(text, end, tested, title)
                or _restates_object_word(run, end, leading, tested, title)):
            return end
        if (_task_body_opens(text, run, end, nouns_after, tested, title) or _counted_work_opens(run, end, nouns_after, tested, title)
                or _adverbial_body_opens(run, end, tested) or _prepositional_body_opens(run, end, tested, title)):
            return end
        ends_word = (end <= _WORD_TITLE and tested.title_word.before(run, end)
                     and not (short_sentence and run.startswith(noun_openers, end)))
        if ends_word and (by_words and _opens_sentence(run, end, openers, titles) or label.match(text, end)):
            return end
    if note:
        return note[1]
    return _second_phrase_end(text, run) or _paragraph_end_kept_as_space(text, run)


def _closing_note(text: str, run: str) -> tuple[int, int] | None:
    """Where a note closing the title stands (实施阶段（2015年4月-6月）该阶段…), a stage's time or who is responsible, in
    ``run``, the title run of ``text``; None where none does, or where a full stop follows it: the title ends there as it
    is (（一）自查阶段（4月）。组织…)."""
    stage = title_closing_note().search(text, 0, TITLE_LENGTH)
    note = (stage.start(), stage.end()) if stage else _responsibility_note(text, len(run))
    return note if note and note[0] <= min(len(run), LONG_TITLE) and note[1] < len(text.rstrip()) and text[note[1]] not in TITLE_STOPS else None


def _paragraph_end_kept_as_space(text: str, run: str) -> int | None:
    """Where a title ends at a space, as a crawler keeps a paragraph's end: 一、定义与范畴 本《方案》… (not 组  长：, 到 2025年,
    纳税6 个月: a number keeps its words); a label spaced out to the width of three characters opens the next line with its
    first (（一）物流产业链链    长：…). None where no such space stands in ``run``, the title run of ``text``."""
    space = SPACE.search(run.rstrip(), _MIN_GLUED_TITLE)
    if (space and space.start() <= LONG_TITLE and not LATIN_OR_DIGIT.match(text, space.end())
            and not LATIN_OR_DIGIT.match(text, space.start() - 1) and run[space.start() - 1] != " "):
        spaced_label = space.start() > _MIN_GLUED_TITLE and _SPACED_LABEL.match(text, space.start() - 1)
        return space.start() - 1 if spaced_label else space.start()
    return None


def _spaced_title_word_end(text: str, run: str, tested: _TestedWords) -> int | None:
    """Where a title word that a space follows ends the title: a crawler keeps a paragraph's end as a space, and no
    word the title goes on with, nor a word of its body that restates it, is more telling (工作基础　　农村人居环境整治
    三年行动实施以来，…: not at 三年行动; 目标任务　　2022—2024年，…: a year opens the body). So does any word before a
    paragraph's indent that a year follows (实施困难残疾人家庭无障碍改造　　2024年至2026年，…), where a PDF's one space
    before a year is the title's (发展目标到 2025年). A number with its measure word after the space is the title's own
    (建设科创平台 5 个)."""
    space = _title_space(run)
    if space is None:
        return None
    after = text[space.end():]
    if _is_indent(run, space):
        return space.start() if after else None
    year = _YEAR_OPENING.match(after) is not None
    if not (tested.title_word.before(run, space.start()) or year and len(space.group()) >= _INDENT):
        return None
    return space.start() if after and (not LATIN_OR_DIGIT.match(after) or year) else None


def indented_title_end(text: str) -> int | None:
    """Where a paragraph's indent ends the title that opens ``text`` (what follows a heading marker), as a web page's
    or a Word text's line keeps a heading's title and its body apart (（一）加强城市绿化　　新增绿地10公顷。), and as a
    flat copy's title ends there too (``_spaced_title_word_end``)."""
    run = _TITLE_RUN.match(text, None, None, patterns.NOT_CONCURRENT).group()
    space = _title_space(run)
    return space.start() if space and _is_indent(run, space) and text[space.end():] else None


def _title_space(run: str) -> regex.Match | None:
    """The first space in a title's ``run`` where a title can end: after its shortest title, within its longest, and
    outside a bracket."""
    space = SPACE.search(run, _MIN_GLUED_TITLE, None, patterns.NOT_CONCURRENT)
    if space is None or space.start() > LONG_TITLE or run.count("（", 0, space.start()) != run.count("）", 0, space.start()):
        return None
    return space


def _is_indent(run: str, space: regex.Match) -> bool:
    """Whether the ``space`` in a title's ``run`` is a paragraph's indent: two ideographic spaces at least, the first
    space of the run (not a title spaced out: 工　　作　　目　　标)."""
    return space.group().count("\u3000") >= _INDENT and not SPACE.search(run, 0, space.start())


def reads_as_sentence(text: str, end: int) -> bool:
    """Whether the title ``text[:end]`` (what follows a heading marker) holds what a sentence holds and a title does not:
    a count (全区23处零散烈士纪念设施, 全县38座水库), its grounds or purpose (政府按照先开办后补的原则), or a time that
    goes on past it (因工作落实不到位在专项整治|开展期间…)."""
    title = text[:end]
    grounds = (word for word in title_ends().sentence_items if len(word) > 1)
    time = _TIME.search(text, max(0, end - _TIME_REACH), end + _TIME_REACH)
    return bool(_QUANTITY.search(title)) or any(word in title for word in grounds) or bool(time and time.start() < end < time.end())


def _restates_opening(text: str, end: int, tested: _TestedWords, title: _TitleReading) -> bool:
    """Whether the text from ``end`` restates the title's opening, as a body opens after its title: its opening verb, one
    that opens sentences (加强饮用水源地…整治工作|加强对…, 加快实现互联互通|加快推进…), or its opening word after a
    title word (办理条件|办理本事项前…, 补助标准|补助资金按…), its first four characters (轮换对象|
    轮换对象为…, 畜禽养殖设施设备补偿标准|畜禽养殖配套…), after a verb or a modifier of its own (免疫病种|强制免疫病种为…,
    病死畜禽无害化处理|建成病死畜禽…; not a title word nor inside one: 补偿|标准畜禽…, 补偿标|准畜禽…), or its object's (_restates_object); not inside a phrase, after 的, a conjunction or a
    preposition (…公安部门出具的|患者身份核查说明, 城市道路及|城市出入口), nor inside a name in 《》, nor after a sentence's length."""
    if (end > LONG_TITLE or not title.opens_with_words or text[end - 1] in _BEFORE_A_NOUN
            or text.count("《", 0, end) > text.count("》", 0, end)):
        return False
    opening = text[:_OPENING_VERB_LENGTH]
    return (_restated_near(text, end, tested)
            or text.startswith(opening, end) and (title.opening_opens_sentences or tested.title_word.before(text, end))
            or _restates_object(text, end, title))


def _restated_near(text: str, end: int, tested: _TestedWords) -> bool:
    """Whether the body restates the title's opening words right at ``end`` or after a word of its own (``_restated_at``);
    the words about ``end`` are read only where the opening stands so near (a few places of a few titles)."""
    opening = text[:_OPENING_WORDS_LENGTH]
    if text.find(opening, end, end + _WORD_BEFORE_RESTATEMENT_LENGTH + len(opening)) < 0:
        return False
    at_word = tested.title_word.at(text, end) or _inside_word(text, end, tested.title_words)
    before = end if at_word else _WORD_BEFORE_RESTATEMENT.match(text, end).end()
    return any(_restated_at(text, end, restated) for restated in range(end, before + 1))


def _restated_at(text: str, end: int, restated: int) -> bool:
    """Whether the body restates the title's opening at ``restated``, right at the title's ``end`` or after a word of its
    own; not after a word that the body restates with the title before it, the title's own (农村危房改造补助|农村危房改造补助
    资金…, not 农村危房改造|补助农村危房…)."""
    return text.startswith(text[:_OPENING_WORDS_LENGTH], restated) and (
        restated == end or not text.startswith(text[:restated], restated))


class _TitleReading:
    """What the predicates of ``glued_title_end`` read of a title (``text``: what follows its marker; ``run``: up to its
    first stop) wherever it ends: read once for a title, where each place tried read it again (its opening words, its
    verb and the object after it, jieba's cut of the run: a third of finding where glued titles end)."""

    def __init__(self, text: str, run: str, tested: _TestedWords):
        self.run = run
        self.opens_with_words = _OPENING_WORDS.match(text) is not None  # its first four characters, that a body restates
        self.opening_opens_sentences = text[:_OPENING_VERB_LENGTH] in tested.sentence_openers
        self.object_start = _object_start(text, tested)
        self.run_verb = _after_adverbs(run, 0)  # where the run's verb may stand, after its adverbs
        self.opens_with_task_verb = tested.task_verb.at(run, self.run_verb)
        # jieba's word there is a leading word only where one is written there: the run is cut for no other title
        self.verb_may_lead = tested.leading_word.at(run, self.run_verb)
        self.runs_on = _runs_on_as_a_sentence(text, len(run))

    @cached_property
    def words(self) -> tuple[tuple[int, str, str], ...]:
        """``_words(run)``: cut when a place first asks for them."""
        return _words(self.run)

    @cached_property
    def opens_with_verb_word(self) -> bool:
        """Whether jieba reads the run's first word as a verb or an adjective of two characters, which a task's title
        may open with as task verbs do (提升养老服务, 改善农村交通, 丰富文化供给)."""
        return bool(self.words) and len(self.words[0][1]) == _OPENING_VERB_LENGTH and self.words[0][2] in ("v", "a")

    @cached_property
    def word_starts(self) -> dict[int, str]:
        """The run's words by where each starts."""
        return {start: word for start, word, _ in self.words}

    @cached_property
    def word_tags(self) -> dict[int, str]:
        """The tags of the run's words by where each starts."""
        return {start: tag for start, _, tag in self.words}


def _object_start(text: str, tested: _TestedWords) -> int | None:
    """Where the object of the task verb ``text`` opens with (after its adverbs) starts, when its first four characters
    are ideographs, a body may restate (_restates_object); None else (most titles: no task verb)."""
    start = _after_adverbs(text, 0)
    verb = tested.task_verb.longest_at(text, start)
    return start + verb if verb and _OPENING_WORDS.match(text, start + verb) else None


class _Leading(NamedTuple):
    """The words before a body's own (``_restates_object_word``): the task verbs, their adverbs, the verbs sentences open
    with; as a tuple and as a set. The longest of them at a place is found by one match of Python's re
    (``_TestedWords.leading_word``), where looking each length up in the set took a tenth of finding where a title ends."""

    words: tuple[str, ...]
    found: frozenset[str]


@rules_cache
def _leading_words() -> _Leading:
    ends, verbs = title_ends(), task_verbs()
    noun_openers = set(ends.noun_openers)
    words = (*verbs.adverbs, *verbs.verbs, *(word for word in ends.sentence_openers if len(word) > 1 and word not in noun_openers))
    return _Leading(words, frozenset(words))


class _Words(NamedTuple):
    """Words looked for at a place in one call of Python's re, the words of one first character one branch, where
    str.startswith and str.endswith given the words as a tuple compare each in turn (a title's every place was tried
    for some hundreds of words so: a third of finding a plan's headings). The same answers."""

    opening: re.Pattern  # one of the words at a place
    closing: re.Pattern  # one of the words ending where the search ends
    longest: int

    def at(self, text: str, place: int) -> bool:
        """``text.startswith(words, place)``."""
        return self.opening.match(text, place) is not None

    def longest_at(self, text: str, place: int) -> int:
        """The length of the longest of the words at ``place``, 0 where none is (the first branch that fits)."""
        found = self.opening.match(text, place)
        return found.end() - place if found else 0

    def before(self, text: str, end: int) -> bool:
        """``text.endswith(words, 0, end)``."""
        end = min(end, len(text))
        return self.closing.search(text, max(0, end - self.longest), end) is not None


def _words_found(words: list[str] | tuple[str, ...]) -> _Words:
    source = patterns.python_any_word(words) or "(?!)"  # no words: none is found
    return _Words(patterns.compile_python(source), patterns.compile_python(f"(?:{source})\\Z"), max(map(len, words), default=0))


class _TestedWords(NamedTuple):
    """The words a title's every place is tested for (rules/headings.yaml title_ends, task_verbs, _leading_words)."""

    title_words: tuple[str, ...]
    title_word: _Words
    sentence_openers: frozenset[str]
    task_verb: _Words
    task_adverb: _Words
    task_verb_or_adverb: _Words
    leading_word: _Words
    counted_work: regex.Pattern  # rules/fragments.yaml counted_work: a verb of building or doing that counts its work


@rules_cache
def _tested_words() -> _TestedWords:
    ends, verbs = title_ends(), task_verbs()
    return _TestedWords(tuple(ends.words), _words_found(ends.words), frozenset(ends.sentence_openers), _words_found(verbs.verbs),
                        _words_found(verbs.adverbs), _words_found(verbs.verbs + verbs.adverbs), _words_found(_leading_words().words),
                        load_rule_set(rules_dir_in_force()).compile("{counted_work}", "fragment-counted_work"))


def _restates_object_word(run: str, end: int, leading: _Leading, tested: _TestedWords, reading: _TitleReading) -> bool:
    """Whether the body opening at ``end`` of ``run`` (the title and its body's first clause) restates a word of the
    object of the verb the title opens with, at once or after its own verb and the adverbs or frequency before it
    (``leading``: the task verbs, their adverbs, the verbs sentences open with): a title names what its body does, and
    the body names it again (稳步实施城中村改造|改造城中村12个, 更新改造地下管网|新建改造地下管网200公里,
    推进城镇老旧小区改造|重点改造…小区, 推进车辆更新和场站建设|更新新能源公交车…).
    Words as jieba cuts the run, so that no cut falls inside one (…省民政厅 is no 省|民政厅); not before a title word,
    which goes on in the title (…安全检查|活动, …建设用地|建设), nor after a verb or an adverb, whose object or verb
    follows (…近岸养殖全面完成|养殖水域…); a title repeats no word of its own but after a conjunction (城市道路及城市出入口),
    nor inside a bracket, a quote or a name in 《》, nor past a title's length, nor after a time, the sentence's whose
    verb restates the object (推进棚户区改造工作在2025年年底前|完成改造任务: one sentence, as its lined copy's title),
    nor after a title holding a count, which counts nothing: the second of a list of counted clauses restates the
    first's things (新建污水处理厂3座、改造|污水处理厂5座, 培育年产值超百亿元企业2家、超十亿元|企业10家, 每个乡镇组织1次
    卫生应急和消防|应急演练: one sentence each, as the lined copy's title)."""
    title = run[:end]
    if end > LONG_TITLE or not reading.verb_may_lead or title[-1] in _BEFORE_A_NOUN:  # most titles: no leading verb
        return False
    if _QUANTITY.search(title):
        return False
    verb, places = reading.run_verb, [end]  # where the body's word may restate one: at once, or after its own words
    for _ in range(_RESTATED_AFTER):
        places.append(places[-1] + tested.leading_word.longest_at(run, places[-1]))
    # a word of the object is written between the verb and the end: no piece of that text there, no word (most places,
    # where the run is then not cut, nor its brackets counted)
    if not any(run[at:at + _RESTATED_PIECE] in run[verb + 1:end] for at in places):
        return False
    if (not _balanced(title) or tested.leading_word.before(title, end) or tested.title_word.at(run, end)
            or _after_time(run, end)):
        return False
    starts = reading.word_starts
    if end not in starts or starts.get(verb) not in leading.found:
        return False
    object_words = {word for start, word, _ in reading.words if verb < start < end and len(word) >= _RESTATED_PIECE}
    return any(starts.get(at) in object_words for at in places)


@lru_cache(maxsize=256)
def _words(run: str) -> tuple[tuple[int, str, str], ...]:
    """The words of ``run`` as jieba cuts it, each with its offset and its tag."""
    tagged = load_tagger(indicator_words().plan_words).lcut(run)
    return tuple((at, word, tag) for at, (word, tag) in zip(accumulate((len(word) for word, _ in tagged), initial=0), tagged))


def _restates_object(text: str, end: int, title: _TitleReading) -> bool:
    """Whether the text from ``end`` restates the first four characters of the object of the task verb the title opens
    with, its subject (加强农村经营管理体系建设|农村经营管理机构承担着…, 提升乡村教师队伍素质|乡村教师队伍建设要…)."""
    thing = title.object_start
    if thing is None:  # most titles
        return False
    return end >= thing + _OPENING_WORDS_LENGTH and text.startswith(text[thing:thing + _OPENING_WORDS_LENGTH], end)


def _second_phrase_end(text: str, run: str) -> int | None:
    """Where a title of two parallel phrases ends (``run``: its first, up to its comma) when the second runs into a
    sentence opened by its subject (广泛宣传，营造氛围|各级各部门要…; 加强管理,确保工作成效|各单位要…), or by a
    sentence's opening after the second phrase's last title word (高度重视，明确职责分工|本次轮换…, not a noun
    phrase's: 坚持落实责任，集中整治重点车辆安全隐患): not at a title
    word alone, for a short phrase's words are its verbs (统一调度，督查落实; 注重过程，督导推进)."""
    if not _MIN_PHRASE <= len(run) <= _PARALLEL_PHRASE or text[len(run): len(run) + 1] not in ("，", ","):
        return None
    start = len(run) + 1
    phrase = _TITLE_RUN.match(text, start).group()
    _, grounds, subject, _ = title_openers()
    rules = title_ends()
    # not a noun phrase's opening, which goes on in the phrase (坚持落实责任，集中整治重点车辆安全隐患)
    words, openers = tuple(rules.words), _sentence_openers_of_no_noun()
    return next((end for end in range(start + _MIN_PHRASE, min(start + len(phrase) - 1, LONG_TITLE + 1))
                 if subject.match(text, end, None, patterns.NOT_CONCURRENT) or grounds.match(text, end, None, patterns.NOT_CONCURRENT)
                 or (text.endswith(words, start + _MIN_PHRASE, end) and _opens_sentence(text, end, openers, words))), None)


def _task_body_opens(text: str, run: str, end: int, nouns_after: tuple[str, ...], tested: _TestedWords,
                     title: _TitleReading) -> bool:
    """Whether a task's body opens at ``end`` with a verb of its own, its subject left out, after a title that is a verb
    and its object (推进一批扶贫项目|谋划生成一批…, 严格惩戒安全生产失信企业|健全失信惩戒制度，): the title opens with a
    task verb (after its adverbs: 大范围开展…), and the body with another (after its: 应当组织开展…, 重点围绕…), whose
    first clause ends soon. Not inside a chain of verbs (扶持发展, 建立健全, 重点|围绕), nor at a verb that a title word or
    a conjunction after it makes a noun (``nouns_after``: …素质提升行动, …诚信激励和失信惩戒机制), nor after 的 or a
    conjunction, nor after a time, the sentence's whose verb follows (…改造工作在2015年年底前|完成…)."""
    if (not title.opens_with_task_verb or len(run) - end > _TASK_CLAUSE or not title.runs_on
            or not _body_verb_may_open(run, end, tested)):
        return False
    body_verb = _after_adverbs(run, end)
    verb = tested.task_verb.longest_at(run, body_verb)
    return bool(verb) and not run.startswith(nouns_after, body_verb + verb)


def _body_verb_may_open(run: str, end: int, tested: _TestedWords) -> bool:
    """Whether a body's verb may open at ``end`` of ``run`` after a task's title: not inside a chain of verbs (扶持发展,
    建立健全, 重点|围绕), nor after 的 or a conjunction, nor after a time, the sentence's whose verb follows
    (…改造工作在2015年年底前|完成…), nor before a task's title is long enough to be one."""
    return not (end < _TASK_TITLE or run[end - 1] in _BEFORE_A_NOUN or tested.task_verb_or_adverb.before(run, end)
                or _after_time(run, end))


def _after_time(run: str, end: int) -> bool:
    """Whether a time closes ``run`` at ``end``: the sentence's, whose verb follows (…改造工作在2015年年底前|完成…)."""
    return _TIME_BEFORE.search(run, max(0, end - _TIME_REACH), end, patterns.NOT_CONCURRENT) is not None


def _counted_work_opens(run: str, end: int, nouns_after: tuple[str, ...], tested: _TestedWords, title: _TitleReading) -> bool:
    """Whether a task's body opens at ``end`` with a verb of building or doing and the count of what it does in its clause
    (rules/fragments.yaml counted_work), after a title that is a verb and its object (a task verb's, or one jieba reads:
    提升, 改善, 丰富), however short the sentence: a title counts nothing (培育旅游品牌|新创建国家AAAA级旅游景区2家,
    健全应急预案体系|修订专项应急预案12部, 推进医院提质|创建2家三级医院，…, 提升养老服务|新增养老床位500张). Not inside
    a chain of verbs, nor after 的 or a conjunction, nor at a verb that a title word after it makes a noun (实施乡村振兴
    建设项目30个), nor at a title word that no object follows, the title's last (加强水利设施建设|新建…, 加强教师队伍建设|
    每年招聘…), nor inside a word as jieba cuts the run, nor after a title holding a count, nor after a time
    (…提升在“十四五”期间|实施…)."""
    if not _body_verb_may_open(run, end, tested):
        return False
    verb = tested.counted_work.match(run, end, None, patterns.NOT_CONCURRENT)
    if not verb or run.startswith(nouns_after, verb.end()) or _QUANTITY.search(run, 0, end):
        return False
    word = title.word_starts.get(end)
    if word is None or len(word) > len(verb.group()) or not (title.opens_with_task_verb or title.opens_with_verb_word):
        return False
    return verb.group() not in tested.title_words or title.word_tags.get(verb.end(), "").startswith(_OBJECT_TAGS)


def _prepositional_body_opens(run: str, end: int, tested: _TestedWords, title: _TitleReading) -> bool:
    """Whether a task's body opens at ``end`` with 对 or 在, what or where it acts on, and its verb in the same clause,
    after a title that is a verb and its object (强化源头治理|在重点行业开展…, 推进水环境综合治理|对城区12条黑臭水体实施
    整治, 推进老旧小区改造|对全县36个老旧小区实施改造): a title names the task, its body where and on what. Not where jieba
    reads no preposition there (存在, 对接), nor at a time, the sentence's (…改造工作在2015年年底前|完成…), nor after a
    verb, 的 or a conjunction (加强对…), nor after a title holding a count."""
    if run[end] not in _PREPOSITIONS or not title.opens_with_task_verb or not _body_verb_may_open(run, end, tested):
        return False
    if title.word_tags.get(end) != "p" or _TIME.match(run, end) or _QUANTITY.search(run, 0, end):
        return False
    comma = _COMMA.search(run, end)  # the clause's end: a list of places (矿山、冶金等…) goes on in it
    return any(end + 1 < start < (comma.start() if comma else len(run)) and tag == "v" for start, _, tag in title.words)


def _adverbial_body_opens(run: str, end: int, tested: _TestedWords) -> bool:
    """Whether a body opens at ``end`` with an adverb and a task's verb and its object (舆论推动|充分发挥舆论宣传推动作用,
    政策扶持|切实加大财政投入) after a title that is a noun phrase, its verb left to the end (舆论推动, 示范带动): a title
    opened by a verb holds adverbs and verbs of its own (全面推进|深入实施…). Not a modal: what must do it is the subject of
    one sentence (施工单位|要制定…, 区科协要|充分发挥…)."""
    if (not tested.task_adverb.at(run, end) or end > LONG_TITLE or run[end - 1] in _BEFORE_A_NOUN  # most places: no adverb
            or tested.task_adverb.before(run, end) or _MODAL.match(run, end) or run.startswith(tuple(title_ends().modals), end)
            or _opens_with_a_verb(run)):
        return False
    verb = _after_adverbs(run, end)
    return tested.task_verb.at(run, verb) and len(run) > verb + _OPENING_VERB_LENGTH  # the verb, and its object after it

def _runs_on_as_a_sentence(text: str, run: int) -> bool:
    """Whether the ``run`` of ``text`` up to its first stop is more than a title: a clause that a comma goes on from
    (…项目谋划生成一批…建设，), or a sentence too long for a title; a title closed by its full stop is one whatever verbs
    it holds (加强对科普基础设施建设的统筹规划与宏观指导。, 加强与…沿线国家开展科技交流。)."""
    return text[run: run + 1] in _CLAUSE_GOES_ON or run > _WORD_TITLE


def _after_adverbs(run: str, start: int) -> int:
    """Where a verb may open after the task adverbs and modals at ``start`` (应当组织…, 大范围开展…, 进一步加强…)."""
    adverb = _tested_words().task_adverb
    for _ in range(_TASK_ADVERBS):
        length = adverb.longest_at(run, start)
        if not length:  # most places
            break
        start += length
    return start


@rules_cache
def _sentence_openers_of_no_noun() -> tuple[str, ...]:
    """The words a sentence opens with that open no noun phrase (title_ends' sentence_openers less its noun_openers):
    worked out once, where both were made sets again for each title of two phrases (24 a round of the gold texts)."""
    ends = title_ends()
    nouns = frozenset(ends.noun_openers)
    return tuple(word for word in ends.sentence_openers if word not in nouns)


def _opens_sentence(text: str, end: int, openers: tuple[str, ...], titles: tuple[str, ...]) -> bool:
    """Whether one of a sentence's ``openers`` starts at ``end``, not the first characters of a title word longer than it
    (``titles``) going on in the title: 对 and 要 open sentences, 对象 and 要求 close titles (重点整治|对象, 年度考核|要求); nor a
    number and its measure word, the quantity of what the title word names (新建改造雨水管网8.5公里: a year or a date opens one),
    nor a bound of what is before it (全市规模|以上工业企业…: title_ends' bound_words)."""
    if not text.startswith(openers, end) or _QUANTITY.match(text, end) or text.startswith(tuple(title_ends().bound_words), end):
        return False
    opener = max(len(word) for word in openers if text.startswith(word, end))
    return not any(len(word) > opener and text.startswith(word, end) for word in titles) and not _noun_from(text, end, opener)


def _noun_from(text: str, end: int, opener: int) -> bool:
    """Whether jieba reads a noun at ``end`` of ``text`` that is the opener (``opener`` characters) and a noun's suffix, going
    on in the title (…垃圾回收|利用率, …土地|利用率); not a longer word (全面推行, 充分利用, 建立健全, which jieba may tag
    as nouns), nor after a one-character opener, a subject's (市级财政…, 各乡镇…). Cut in a window around ``end``."""
    if opener < _RESTATED_PIECE:
        return False
    start = max(0, end - _WORD_WINDOW)
    word, tag = next(((word, tag) for at, word, tag in _words(text[start:end + _WORD_WINDOW]) if at == end - start), ("", ""))
    return len(word) == opener + 1 and tag.startswith("n")


def _responsibility_note(text: str, run: int) -> tuple[int, int] | None:
    """The span of a responsibility note in brackets opening within the title's first ``run`` characters, when
    a sentence follows it: 推进农村厕所革命（责任单位：县农业农村局、县卫生健康局）因地制宜… (its line end lost)."""
    window = text[:_NOTE_WINDOW]
    group = next(iter(bracket_groups(window)), None)
    if group is None or group[0] > run or window[group[1]: group[1] + 1] in TITLE_STOPS:
        return None
    return group if parse_annotation(window[group[0] + 1: group[1] - 1], responsibility_rules()) else None


def _goes_on_in_title(run: str, end: int, rules: TitleEnds) -> bool:
    """Whether the title goes on after ``end``: with a conjunction and the next (主要任务|和分工, 保障措施|及工作要求),
    with another title word that a sentence or a bracketed note follows (工作目标|任务到2025年…, 督查考核|阶段（2014年6月）;
    not 工作目标|保障清明节期间…), or with the leaders of a contents page's entry (总体要求|…………1)."""
    if run.startswith(tuple(rules.conjunctions), end) or _CONTENTS_LEADER.match(run, end):
        return True
    ends = [end + len(word) for word in rules.words if run.startswith(word, end)]
    return any(after == len(run) or run.startswith(tuple(NOTE_BRACKETS), after) or run.startswith(tuple(rules.sentence_openers), after)
               for after in ends)


def sibling_title_end(text: str, longest: int) -> int | None:
    """Where the title ends in ``text`` (what follows a heading marker) of an item whose siblings' titles run into
    their bodies, when nothing glued_title_end reads says so: the first place within ``longest`` characters and before a
    modal (需要, 应当), after a phrase that may end a title, where a sentence opens (_opens_body). Among titled siblings a long first sentence is a title
    and its body, where alone it may be an item that is one sentence (2.因工作落实不到位在专项整治开展期间…)."""
    text = fold(text)
    sentence = _SENTENCE_RUN.match(text).group()
    rules, verbs = title_ends(), task_verbs()
    if len(sentence) <= LONG_TITLE or text.startswith(tuple(rules.sentence_items)):
        return None  # a title its full stop closes, an item of one short sentence, an item opening as a sentence does
    openers = (*(word for word in rules.sentence_openers if len(word) > 1 and word not in rules.noun_openers), *verbs.verbs)
    titles = (*rules.words, *rules.whole_titles)
    # a title ends with no opener of a sentence (以, 通过, 根据) nor adverb, but may with a noun phrase's (工作重点)
    verbal = tuple(word for word in (*rules.sentence_openers, *verbs.adverbs) if not word.isdigit() and word not in rules.noun_openers)
    last = min(len(sentence) - _MIN_PHRASE, _WORD_TITLE, longest, *(sentence.find(word) for word in rules.modals if word in sentence))
    return next((end for end in range(_MIN_GLUED_TITLE, last + 1)
                 if _may_end_title(sentence, end, verbs.verbs + verbal, titles) and _opens_body(text, end, openers, titles)), None)


def usual_title_length(titles: list[str]) -> int | None:
    """The length most of ``titles`` (of titled siblings) have, two or more of them, when they are phrases of a set form:
    nouns, no verb opening them, no longer than _SET_FORM_TITLE (指导思想, 基本原则, 目标任务; 联席会议制度, 案件移交制度;
    not a task's verb and object: 完善城市功能设施)."""
    lengths = Counter(len(title) for title in titles if not _CLAUSE_ENDS.search(title) and not _opens_with_a_verb(title))
    length, count = lengths.most_common(1)[0] if lengths else (0, 0)
    set_form = _MIN_GLUED_TITLE <= length <= _SET_FORM_TITLE
    return length if set_form and count >= _SET_FORM_SIBLINGS and 2 * count > len(titles) else None


def usual_title_end(text: str, length: int) -> int | None:
    """Where the title ends in ``text`` (what follows a heading marker) of an item whose titled siblings' titles are of a
    set form of ``length`` characters (usual_title_length), when nothing else says so: after as many, where a title may
    end (项目实施|农村幸福院建设分…, 资金筹措|高标准农田建设亩均…): the body opens with its subject, a bare noun. A title
    may end in a verb here, a set form's last word (项目实施, 资金筹措, 检疫监督), but not before a title word or a
    conjunction (…管理|制度…, …地籍|和房屋调查…); nor may one opened by a verb, whose object may be longer than its
    siblings' titles (实施疾病|应急救助的医疗机构包括…, an item of one sentence; 稳步实施城中村改|造…)."""
    text = fold(text)
    sentence = _SENTENCE_RUN.match(text).group()
    rules = title_ends()
    if (len(sentence) <= max(length + _MIN_PHRASE, LONG_TITLE) or text.startswith(tuple(rules.sentence_items))
            or _opens_with_a_verb(text) or len(_TITLE_RUN.match(sentence).group()) <= length):
        return None
    going_on = (*rules.words, *rules.whole_titles, *rules.conjunctions)
    return length if _may_end_title(sentence, length, (), going_on) else None


def _opens_with_a_verb(text: str) -> bool:
    """Whether ``text`` opens with a task's verb, its adverb or a sentence's opener, not one that opens a noun phrase."""
    return text.startswith(_verb_openings())


@rules_cache
def _verb_openings() -> tuple[str, ...]:
    """The words ``_opens_with_a_verb`` looks for, gathered once: filtered at every call, some two hundred words each
    looked up in the noun openers' list, they were a fortieth of extracting a text whose line breaks were lost."""
    rules, verbs = title_ends(), task_verbs()
    return tuple(word for word in (*rules.sentence_openers, *verbs.verbs, *verbs.adverbs) if word not in rules.noun_openers)


def _opens_body(text: str, end: int, openers: tuple[str, ...], titles: tuple[str, ...]) -> bool:
    """Whether a body opens at ``end`` of an item among titled siblings: by its grounds or subject (as after any title),
    by the body named by its kind after a title word (…管理模式|城市供水企业要…), by a modal before its grounds or its verb
    (…阶梯水价|要按照…), a time (…改造工作|在2015年年底前…, …素质提升|在“十四五”期间…), an occasion (宣传重点|节能宣传周期间，…), an opener of two characters or more (…规模经营|鼓励…,
    …关闭网店|对于…) or a task's verb (…产品链接|指导…); not by one that opens a noun phrase (各项, 全区)."""
    label, grounds, subject, _ = title_openers()
    if grounds.match(text, end) or subject.match(text, end) or _opens_sentence(text, end, openers, titles):
        return True
    if _OCCASION.match(text, end) or (text.endswith(titles, 0, end) and label.match(text, end)):
        return True
    if _TIME.match(text, end):
        return True
    after_agent = text.endswith(tuple(title_ends().agents), 0, end)
    return bool(_MODAL.match(text, end)) and not after_agent and (
        _opens_sentence(text, end + 1, openers, titles) or grounds.match(text, end + 1) is not None)


def _inside_word(text: str, end: int, words: tuple[str, ...]) -> bool:
    """Whether ``end`` falls inside one of ``words`` in ``text`` (…宣传活|动…, …补偿标|准…): the few pieces of
    ``text`` across ``end`` looked up among the words of their length (each title's every place tried each of some
    hundreds of words at each place inside it, a fortieth of an extraction)."""
    return any(text[start:start + length] in listed for length, listed in _by_length(words)
               for start in range(max(end - length + 1, 0), min(end, len(text) - length + 1)))


@lru_cache(maxsize=4)  # the title words, and with the whole titles
def _by_length(words: tuple[str, ...]) -> tuple[tuple[int, frozenset[str]], ...]:
    """``words`` of two characters or more, by length."""
    lengths = sorted({len(word) for word in words if len(word) > 1})
    return tuple((length, frozenset(word for word in words if len(word) == length)) for length in lengths)


def _opens_note_label(text: str, end: int) -> bool:
    """Whether a responsibility note's label opens at ``end`` (责任单位：, 牵头单位：, 责任领导：, 河长：): it opens the body
    after any title; a bare 牵头： or 配合： may close a clause of the title's own."""
    rules = responsibility_rules()
    label = rules.label.match(text, end, None, patterns.NOT_CONCURRENT)
    return label is not None and (len(label.group("word")) >= _NOTE_LABEL_LENGTH or rules.label_role[label.group("word")] == "person")


def _inside_per(text: str, end: int) -> bool:
    """Whether ``end`` falls inside a count of 每, its numeral and its measure word (按每|千名退役军人配备…, 按每千名|退役
    军人…, 按每百公|里农村公路…, 按每百公里|农村公路…): they are one count, whatever the body repeats of the title after it."""
    per = text.rfind("每", max(0, end - _PER_REACH), end)
    if per < 0:
        return False
    measure = per + 1
    while measure < end and text[measure] in _PER_NUMERALS:
        measure += 1
    return end - measure <= _PER_MEASURE


def _may_end_title(sentence: str, end: int, going_on: tuple[str, ...], titles: tuple[str, ...]) -> bool:
    """Whether a title may end at ``end`` of ``sentence``: every bracket and quote opened before it closed, not after a
    word that another goes on from (a verb, an adverb, a sentence's opener, 的, a preposition, a comma or a list mark:
    …周期间，以|推进…), nor inside a number (现状20|22年全县…), nor before a title word or inside one, which is the title's (…管理|模式城市供水企业要…,
    …宣传活|动节能宣传周期间，…), nor in a count's 每 (_inside_per)."""
    title = sentence[:end]
    return (not (title[-1].isdigit() and sentence[end:end + 1].isdigit()) and title[-1] not in _BEFORE_A_NOUN and title[-1] not in _GOES_ON
            and not _inside_per(sentence, end)
            and not title.endswith(going_on) and not sentence.startswith(titles, end)
            and not _inside_word(sentence, end, titles) and _balanced(title))
