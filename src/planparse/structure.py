"""Structure stage: paragraphs to the typed heading tree.

A paragraph opening with a numbering marker (``rules/headings.yaml``) is a
heading when its number continues a list the document has open, or starts a
new one at 1. Depth follows how the document nests the styles: a style seen
inside another opens a level below it.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

import regex

from . import patterns
from .glued_titles import glued_title_end
from .limits import MarkersPastLimit
from .models import Paragraph, Section, validated
from .numerals import numeral_value
from .outline import Block, Outline
from .rules import CompiledHeadingStyle, box_pattern, heading_styles, title_ends, title_openers

_TITLE_END = "。"
_RUN_ON_LENGTH = 20  # characters: a title without a clause is no longer
_SHORT_TITLE = 4  # characters: a title cut from a short sentence is no shorter (保障|县财政局… is no title)
_SECTION_WORD_TITLE = 6  # characters: a title a section word closes (资金保障, 组织领导) run into a short sentence is no longer
_PART_TITLE_LENGTH = 12  # characters: a part's title on a line alone is no longer (有关要求, 保障措施)
_CLAUSE = patterns.compile(r"[，,；;]")
_ITEM_END = patterns.compile(r"[；;]\s*")  # what ends an item run into its paragraph before the next
_CLOSING_NOTE = "）)"


@dataclass
class HeadingMatch:
    style: CompiledHeadingStyle
    number: int
    marker: str
    title: str
    body: str
    title_start: int
    body_start: int
    parent: str | None = None  # a decimal's number of the heading it sits under (2 of 2.3, 2.1 of 2.1.3)


@dataclass
class _OpenList:
    """A list of headings of one numbering at one depth, and its last number."""

    numbering: str  # the list its numbers count in (its style's, rules/headings.yaml)
    last: int
    section: Section | None = None
    parent: str | None = None  # a decimal list's: the number of the heading it sits under

    @property
    def label(self) -> str:
        return heading_label(self.parent, self.last)


@lru_cache(maxsize=2)  # per set of heading styles in force
def any_marker(styles: tuple[CompiledHeadingStyle, ...]) -> regex.Pattern:
    """One pattern for all the styles, tried in their order, each in a group of its own (style0, style1…):
    one match finds the marker that trying each style's pattern in turn finds, at a fraction of the cost."""
    alternatives = "|".join(f"(?P<{group}>{style.rule.pattern})" for group, style in zip(_style_groups(len(styles)), styles))
    return patterns.compile(patterns.searchable(alternatives))


def markers_in(texts: list[str], styles: tuple[CompiledHeadingStyle, ...], most_inside: int | None = None) -> list[list[regex.Match]]:
    """Every marker in each of ``texts``: ``any_marker(styles)``'s matches, as its finditer finds them (the longest
    at each place). Tried only at the characters a marker can open with, found in all the texts at once by Python's
    re: the regex module tests each character against such a set member by member, and searching every line so took
    half of restoring a text's line breaks. More than ``most_inside`` markers inside the texts (not opening one) raise
    MarkersPastLimit as soon as found."""
    pattern, openings, joined = any_marker(styles), _marker_openings(styles), "\n".join(texts)
    inside = _InsideCount(most_inside)
    if openings is None or joined.count("\n") != len(texts) - 1:  # a text holding a line end would shift the rest
        return [[inside.counted(index, match) for match in pattern.finditer(text, None, None, False, patterns.NOT_CONCURRENT)]
                if text else [] for index, text in enumerate(texts)]
    found: list[list[regex.Match]] = [[] for _ in texts]
    starts = list(accumulate([len(text) + 1 for text in texts], initial=0))  # where each text starts in the joined
    taken_to = 0  # where the last marker found ends in the joined texts: the next is found from there
    for opening in openings.finditer(joined):
        if opening.start() < taken_to:
            continue
        line = bisect_right(starts, opening.start()) - 1
        match = pattern.match(texts[line], opening.start() - starts[line], None, patterns.NOT_CONCURRENT)
        if match:
            found[line].append(inside.counted(line, match))
            taken_to = starts[line] + match.end()
    return found


@dataclass
class _InsideCount:
    """The markers found inside texts so far, against the most a caller reads (None: no limit)."""

    most: int | None
    count: int = 0

    def counted(self, index: int, match: regex.Match) -> regex.Match:
        """``match``, found in the text ``index``, counted."""
        self.count += match.start() > 0
        if self.most is not None and self.count > self.most:
            raise MarkersPastLimit(index)
        return match


@lru_cache(maxsize=2)  # per set of heading styles in force
def _marker_openings(styles: tuple[CompiledHeadingStyle, ...]) -> re.Pattern | None:
    """Python's re finding every character a heading marker can open with before one it can go on with (None: any
    may; the （ of （市…）, the 一 of 一批 and the 0 of 20年 are passed over), but a digit a longer run of digits than a
    marker opens with follows (the 2 and 0 of 2025年): a third of the places tried at digits."""
    source = any_marker(styles).pattern
    opening = patterns.python_opening_pairs(source) or patterns.python_opening_class(source)
    return patterns.compile_python(opening + (patterns.longer_digit_run(source) or "")) if opening else None


@lru_cache(maxsize=2)
def _style_groups(count: int) -> tuple[str, ...]:
    return tuple(f"style{index}" for index in range(count))


def style_of(match: regex.Match, styles: tuple[CompiledHeadingStyle, ...]) -> CompiledHeadingStyle:
    """The style whose marker ``any_marker(styles)`` matched: of the style groups, the one that matched holds the whole
    match, the others nothing (None), asked in one call (a call for each group's start in turn cost up to 14 a marker)."""
    return styles[match.group(*_style_group_numbers(match.re, len(styles))).index(match.group())]


@lru_cache(maxsize=2)
def _style_group_numbers(pattern: regex.Pattern, count: int) -> tuple[int, ...]:
    """The numbers of ``any_marker``'s style groups: the regex module looks a group's name up at
    every ``start(name)``, six times the cost of a number (a third of the cost of finding markers)."""
    return tuple(pattern.groupindex[group] for group in _style_groups(count))


def parse_heading(text: str, styles: tuple[CompiledHeadingStyle, ...]) -> HeadingMatch | None:
    """Split ``1. 加强科学教育。在学前…`` into style, number, title and body."""
    match = any_marker(styles).match(text, None, None, patterns.NOT_CONCURRENT)
    if not match:
        return None
    title, stop, body = text[match.end():].partition(_TITLE_END)
    if not title.strip("：:，, "):
        return None  # a bare marker, as in a table or a list of numbers
    style, number = style_of(match, styles), numeral_value(match.group("number"))
    if next_item := _next_item(title, style, number):
        title, stop, body = title[:next_item.start()], next_item.group(), text[match.end() + next_item.end():]
    elif run_on := _run_on_title_end(title):
        title, stop, body = title[:run_on], "", text[match.end() + run_on:]
    return HeadingMatch(
        style, number, match.group().strip(), title.strip(), body.strip(),
        title_start=match.end(), body_start=match.end() + len(title) + len(stop), parent=decimal_parent(match),
    )


def decimal_parent(match: regex.Match) -> str | None:
    """The number of the heading a decimal marker (an ``any_marker`` match) sits under (5 of 5.12, 2.1 of 2.1.3;
    rules/headings.yaml ``parent``), None for a marker of another style."""
    group = _parent_group_number(match.re)
    parent = match.group(group) if group else None
    return parent.replace("．", ".") if parent else None


@lru_cache(maxsize=2)
def _parent_group_number(pattern: regex.Pattern) -> int | None:
    """The number of ``any_marker``'s ``parent`` group, None where no style has one: the regex module's ``groupdict()``
    looks up every group of the pattern, each name first tried as a number (a TypeError raised and cleared), which
    cost 10 of the 130 million instructions of restoring the gold texts' line breaks."""
    return pattern.groupindex.get("parent")


def heading_label(parent: str | None, number: int) -> str:
    """A heading's whole number, as a decimal under it names it (2, 2.1): its ``number`` under its decimal ``parent``."""
    return f"{parent}.{number}" if parent else str(number)


def sits_under(parent: str, outer_labels: list[str]) -> bool:
    """Whether a decimal of ``parent`` sits under one of the headings open in other lists (``outer_labels``: 2.3 under
    二、, 第二章 or 2; 2.1.3 under 2.1), or under none where no other list is open: a date in a sentence (5.12防灾减灾日,
    9.1开学第一课 under 4.) names no heading of the document's."""
    return not outer_labels or parent in outer_labels


def _next_item(title: str, style: CompiledHeadingStyle, number: int) -> regex.Match | None:
    """The ；that ends the heading's item where the next of its own list is run into its title
    (①启动城中村改造项目8个，惠及群众2万户；②筹集…: the title ends at 2万户, the body opens at ②)."""
    for item_end in _ITEM_END.finditer(title, None, None, False, patterns.NOT_CONCURRENT):
        marker = style.regex.match(title, item_end.end())
        if marker and numeral_value(marker.group("number")) == number + 1:
            return item_end
    return None


def _run_on_title_end(title: str) -> int | None:
    """Where a title ends that runs into its body with no full stop between (（二）入园项目根据企业发展需要…,
    （一）动员部署阶段（2013年12月-2014年1月）12月中下旬…): in a sentence of clauses or one too long for a
    title, where text that lost its line breaks would cut it, and only after a stage's dates or a title
    word followed by the sentence's grounds, subject or label (an item that is a sentence has no title:
    2.因工作落实不到位在专项整治开展期间…, 1.政府按照先开办后补的原则对…)."""
    if len(title) <= _RUN_ON_LENGTH and not _CLAUSE.search(title, None, None, patterns.NOT_CONCURRENT):
        return _section_word_title_end(title)
    end = glued_title_end(title)
    if not end or title[end - 1] in _CLOSING_NOTE:
        return end
    label, grounds, subject, _ = title_openers()
    ends_word = title[:end].endswith(tuple(title_ends().words))
    return end if subject.match(title, end) or (ends_word and (label.match(title, end) or grounds.match(title, end))) else None


def _section_word_title_end(title: str) -> int | None:
    """Where a short title ends that a section word closes and its body's subject follows, in a sentence as short as a
    title (（二）资金保障|县财政局负责落实养老服务资金。, （三）组织领导|区卫健局牵头…): a short sentence is read as a title
    whole (（二）分级挂牌整治重点乡（镇）交通安全问题。), but none holds a body of the administration and its duty after
    such a word."""
    words, subject = tuple(title_ends().words), title_openers()[2]
    return next((end for end in range(_SHORT_TITLE, _SECTION_WORD_TITLE + 1)
                 if title.endswith(words, 0, end) and subject.match(title, end, None, patterns.NOT_CONCURRENT)), None)


class _TreeBuilder:
    def __init__(self, first: HeadingMatch | None = None) -> None:
        self.roots: list[Section] = []
        self.stack: list[_OpenList] = []
        # An excerpt's list may start above 1: its first heading is taken as the list's next number.
        self.last_seen: dict[str, int] = {first.style.numbering: first.number - 1} if first else {}

    def continues_open_list(self, found: HeadingMatch) -> bool:
        return any(open_list.numbering == found.style.numbering and found.number == open_list.last + 1 for open_list in self.stack)

    def place(self, found: HeadingMatch) -> Section | None:
        """Add a heading to the tree, or refuse it when its number is out of sequence."""
        numbering = found.style.numbering
        depth = next((i for i, open_list in enumerate(self.stack) if open_list.numbering == numbering), None)
        if not self._in_sequence(found, depth):
            return None
        if depth is None:
            depth = len(self.stack)
        del self.stack[depth:]
        parent = self.stack[-1].section if self.stack else None
        siblings = parent.children if parent else self.roots
        path = f"{parent.id}.{len(siblings) + 1}" if parent else str(len(siblings) + 1)
        section = validated(
            Section,
            id=path, level=depth + 1, style=found.style.style, number=found.number,
            marker=found.marker, title=found.title, body=found.body, line=0,
        )
        siblings.append(section)
        self.stack.append(_OpenList(numbering, found.number, section, found.parent))
        self.last_seen[numbering] = found.number
        return section

    def _in_sequence(self, found: HeadingMatch, depth: int | None) -> bool:
        """Whether ``found`` continues its open list (at ``depth``), or starts one: at 1, or where a list of its
        numbering left off (a marker read so only in an open list: its next item alone, rules/headings.yaml continuing)."""
        if found.parent and not self._under_parent(found):
            return False
        next_item = depth is not None and found.number == self.stack[depth].last + 1
        if found.style.rule.continuing:
            return next_item
        restarting = found.number == 1 or found.number == self.last_seen.get(found.style.numbering, 0) + 1
        return next_item or restarting or (depth is not None and self._skips_one(found, depth))

    def _under_parent(self, found: HeadingMatch) -> bool:
        return sits_under(found.parent, [open_list.label for open_list in self.stack if open_list.numbering != found.style.numbering])

    def _skips_one(self, found: HeadingMatch, depth: int) -> bool:
        """Whether ``found`` is a title line alone, of the outermost list, numbered one past the next (四、 then
        六、有关要求: a number the document left out), not an item run into a paragraph."""
        return depth == 0 and found.number == self.stack[0].last + 2 and not found.body and len(found.title) <= _PART_TITLE_LENGTH

    def close_lists(self) -> None:
        """End every open list: what follows opens lists of its own at the top (an attached document)."""
        self.stack.clear()
        self.last_seen.clear()

    def trail(self) -> list[Section]:
        return [open_list.section for open_list in self.stack if open_list.section]


def find_headings(paragraphs: list[Paragraph]) -> list[HeadingMatch | None]:
    """Each paragraph's heading marker, title and body; None for a table row or a paragraph without a marker."""
    styles = heading_styles()
    return [None if paragraph.in_table else parse_heading(paragraph.text, styles) for paragraph in paragraphs]


def build_outline(paragraphs: list[Paragraph], body_start: int = 0, headings: list[HeadingMatch | None] | None = None,
                  attachments: Collection[int] = (), attachment_names: Collection[int] = ()) -> Outline:
    """Find the headings (or take ``headings``: ``find_headings(paragraphs)``), nest them, and place
    every paragraph in its section.

    Paragraphs before ``body_start`` (a notice's own 一、…二、… above the plan's
    title) hold no headings of the plan. A 专栏 box's own numbering makes no
    heading: the box belongs to the heading before it, up to the next heading
    that continues the tree. A document attached to the plan (its paragraph in
    ``attachments``: the 附件 line over it) sits under none of the plan's
    headings; its own start at the top again, whatever their style. The paragraphs of a list of attachments'
    names (``attachment_names``) hold no sentence of the plan, but where one holds a sentence's end (a list run
    into the text after it).
    """
    found = find_headings(paragraphs) if headings is None else headings
    candidates = [None if index < body_start else heading for index, heading in enumerate(found)]
    builder = _TreeBuilder(_excerpt_start(candidates))
    attached = set(attachments)
    box = box_pattern()
    in_box = False
    blocks: list[Block] = []
    bodies: dict[int, tuple[Section, list[str]]] = {}  # joined once at the end: linear however long a section
    trail: list[Section] = []  # the sections a paragraph sits in: built when a heading is placed, shared by the paragraphs under it
    for index, (paragraph, found) in enumerate(zip(paragraphs, candidates)):
        if index in attached:
            builder.close_lists()
            in_box, trail = False, []
        if not paragraph.in_table and box.match(paragraph.text, None, None, patterns.NOT_CONCURRENT):
            in_box, found = True, None
        if found is not None and in_box and not builder.continues_open_list(found):
            found = None
        section = builder.place(found) if found else None
        if section is not None:
            in_box = False
            section.line, section.page = paragraph.line, paragraph.page
            trail = builder.trail()
            blocks.append(Block(paragraph, trail, section, found.title_start, found.body_start))
            continue
        if trail and not paragraph.in_table:
            section = trail[-1]
            _, parts = bodies.setdefault(id(section), (section, [section.body] if section.body else []))
            if parts or paragraph.text:  # an empty body takes the first text as it is
                parts.append(paragraph.text)
        blocks.append(Block(paragraph, trail, names_attachments=index in attachment_names and not _holds_a_sentence(paragraph.text)))
    for section, parts in bodies.values():
        section.body = "\n".join(parts)
    return Outline(builder.roots, blocks)


_SENTENCE_ENDS = frozenset("。；！？")


def _holds_a_sentence(text: str) -> bool:
    """Whether a sentence ends in ``text`` before its end: a list of names may close with a full stop, no more."""
    return not _SENTENCE_ENDS.isdisjoint(text.rstrip("。"))


def _excerpt_start(candidates: list[HeadingMatch | None]) -> HeadingMatch | None:
    """The first heading when it starts its list above 1 and the next number of that list follows (an excerpt)."""
    found = [candidate for candidate in candidates if candidate is not None]
    if not found or found[0].number == 1:
        return None
    first = found[0]
    follows = any(later.style is first.style and later.number == first.number + 1 for later in found[1:])
    return first if follows else None
