"""Normalise stage: source lines to clean logical paragraphs.

Applied to every format, so that TXT, DOCX and PDF versions of one plan give
the same paragraphs. Lines broken by hard wraps or page breaks are rejoined;
page numbers, ``**`` markup and spaces between CJK characters are dropped.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import replace
from functools import lru_cache

import regex

from . import patterns
from .folding import Folded, folded, lines_folded, taiwan_wording
from .metadata_rules import metadata_rules
from .models import LineStart, Paragraph, SourceLine
from .responsibility_notes import responsibility_rules
from .rules import heading_styles, load_rule_set, rules_cache, rules_dir_in_force
from .values import THOUSANDS_MARK

# Characters after which a paragraph may end. A line ending in anything else
# (a CJK character cut mid-word, a comma) continues on the next line.
_TERMINAL = set("。！？；：!?;:")
_CLAUSE_MARK = patterns.compile_python("[，。；、,;]")  # Python's re: the regex module scans for a set of characters at a third of its speed
_CLOSING = set("）)〕]》」”’")
_GOES_ON = "、，,—-"  # a line ending in one of these goes on with the next
_SENTENCE_MARK = patterns.compile_python("[。！？!?]")
_OPENING = set("（(〔[《「“‘")
_NAME_BRACKETS = ("《》", "（）", "“”")  # a name quoted in a sentence (根据《…行动 / 方案》) goes on to its closing mark
_PARAGRAPH_LENGTH = 20  # characters: a typical paragraph is longer, a table cell shorter
_LONGER_SHARE = 0.25  # of the lines at a wrapped text's width: so few may be longer (a title, a URL)
_GOING_ON_SHARE = 0.5  # of the lines at a wrapped text's width: so many at least go on in the next line
_GOAL_REACH = 16  # characters: a figure closing a line, its unit and bound (1.5万平方米以上, 10/10万以下), or a result, are shorter
_NUMERALS = set("零〇一二两三四五六七八九十百千万亿")

_PAGE_NUMBER = patterns.compile(
    r"^(?:[-—–－―‒]+\s*\d{1,4}\s*[-—–－―‒]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,3}|\d{1,4}\s*/\s*\d{1,4})$"
)
_PAGE_NUMBER_OPENINGS = set("-—–－―‒第")  # what a page number opens with, a digit aside
# A page's number between dashes glued inside a sentence of a PDF's text whose line breaks were lost (接报后2小时— 1 —内响应):
# spaces around the number, as a page's footer has them, tell it from a range or a date. A footer's dashes are few (one
# to six a side: - 1 -, ———— 3 ————), and a run of them is matched only from its first: a separator line of 60,000
# dashes was tried from each, giving back one dash at a time (minutes on a hostile file).
_PAGE_DASH = "[-—–－―‒]"
_PAGE_MARK_INSIDE = rf"(?<=\S)[ \u3000]*(?<!{_PAGE_DASH}){_PAGE_DASH}{{1,6}}[ \u3000]+\d{{1,4}}[ \u3000]+{_PAGE_DASH}{{1,6}}(?!{_PAGE_DASH})[ \u3000]*"
# a line holding no dash holds no page mark: told by Python's re in one step, where the regex module's sub tried every place
_HOLDS_PAGE_DASH = patterns.compile_python(_PAGE_DASH)
# A footer that counts the pages (第 2 页 共 5 页, 第2页/共5页) glued inside a sentence of a PDF's text whose line breaks
# were lost: its 共…页 tells it, spaced or not; a page the text names alone (详见附件第3页) is the text's
_PAGES_COUNTED = patterns.compile(r"第[ \u3000]*\d{1,4}[ \u3000]*页[ \u3000]*[,，/]?[ \u3000]*共[ \u3000]*\d{1,4}[ \u3000]*页")
# Before words, or ending the piece a flattened text was cut into where the next paragraph's indent stood (二、主要目标— 1 —
# |　　到2027年…: the heading's line would keep it in its title)
_GLUED_PAGE_MARK = patterns.compile(_PAGE_MARK_INSIDE + r"(?=\S|$)")
# Before words, no number after it to close a range (养老服务站30 — 3 — 个): a footer even inside a line of a lined text
_PAGE_MARK_BEFORE_WORDS = patterns.compile(_PAGE_MARK_INSIDE + r"(?=\p{Han})")
# Matched backwards (?r): from the page number at the end, so that a paragraph without one fails at once.
_CONTENTS_ENTRY = patterns.compile(r"(?r)^[^。；]{1,80}?(?:[.．·・…⋯_]{3,}|…{2,}|[—-]{4,})\s*\d{1,3}$")
_ENDS_IN_DIGIT = patterns.compile(r"\d$")  # $: at the end, or before a line break ending the text
_CONTENTS_TITLE = patterns.compile(r"^(?:目\s*录|目\s*次)$")
_LEADERS_AND_PAGE = patterns.compile(r"(?:[.．·・…⋯_—-]+)?\s*\d{1,3}$")
# The style sheet of a Word page that a crawler kept as text (/*Style Definitions*/table.MsoNormalTable{mso-…}):
# rules only, its numbers (0cm, 10.0pt) no amounts.
_STYLE_SHEET = patterns.compile(r"(?:/\*[^*]*\*/)?(?:[A-Za-z0-9_.#:*>, -]+\{[^{}]*\})+$")
_CONTENTS_MAX_ENTRIES = 300  # paragraphs: a contents page is no longer
_PAGE_AT_END = patterns.compile(r"[^\d.．]\s*\d{1,3}$")
_ATTACHMENTS = "附件"
_LIST_SIGNS = "-*+－＊＋"  # a Markdown list's bullets, as typed or full width
_SPACE_RUN = patterns.compile(patterns.searchable(r"(?<=[^\s])[ \t\u3000\u00a0]+(?=[^\s])"))  # opening with its lookbehind, searched slowly
_LATIN_PAIR = patterns.compile(r"[A-Za-z][A-Za-z]")
_LATIN_LETTER = patterns.compile(r"[A-Za-z]")
# a run of figures parted by spaces: three or more of two digits at least are as many figures (3000 2500 2000, 92 93 95, 6.5
# 6.8 7.0: a list or a table's row run into a line); fewer are one number a wrap or a spacing parted (a table cell's 12 / 55号,
# 2 0 2 5), and so are groups of thousands (12 000 000)
_FIGURES_BEFORE = patterns.compile(r"(?:[\d.]+[ \u3000\u00a0]+){0,8}[\d.]+$")
_FIGURES_AFTER = patterns.compile(r"[\d.]+(?:[ \u3000\u00a0]+[\d.]+){0,8}")
_LISTED_FIGURES = 3
_LISTED_FIGURES_OPENING = 16  # characters before a run of figures where what opens their list is looked for
_THOUSANDS = patterns.compile(r"\d{1,3}(?: \d{3})+")
_NEXT_VALUE_LISTED = patterns.compile(r"[\s\p{Han}%]{0,6}?[、和与及]\s*\d")  # 1 500 万元、900 万元: a list's values, each with its unit
_ODD_BRACKETS = {"„": "〔", "‟": "〕", "﹝": "〔", "﹞": "〕"}
_ODD_BRACKET = patterns.compile(f"[{''.join(_ODD_BRACKETS)}]")  # translating every line took half the cleaning
_EDGE_SPACES = " \t\u3000\u00a0\ufeff"
# Invisible format characters: pages that guard against copying put a zero-width space after every
# character, chat apps add bidi marks and word joiners, a phone's text a variation selector after a sign or a figure
# (新建学校12\ufe0f所 lost its count); none of them is part of the text read. Unicode's characters ignorable by default:
# the soft hyphen, joiners and bidi marks, fillers, Mongolian's selectors, invisible operators, variation selectors, the
# byte order mark, tags.
_INVISIBLE_IN_BMP = "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0"
_INVISIBLE = _INVISIBLE_IN_BMP + "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
# Marks Unicode sets over the character before (an accent, a stroke; an emoji's skin tone, left behind when a chat's
# 👍🏻 loses its hand): over a figure, a Han character or another such mark none is the plan's (1\u03012所 read as 2 所 of
# 学校1́, 12🏻所 as no count); over a Latin letter, pinyin's tone (a\u0304) is kept.
_MARKS_OVER_IN_BMP = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20dc\u20e1\u20e5-\u20f0\ufe20-\ufe2f"
_MARKS_OVER = _MARKS_OVER_IN_BMP + "\U0001f3fb-\U0001f3ff"
_MARKED = f"0-9\uff10-\uff19\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f{_MARKS_OVER}"
INVISIBLE_CHAR = patterns.compile_python(f"[{_INVISIBLE}{_MARKS_OVER}]")
# The members of INVISIBLE_CHAR's set of the Basic Multilingual Plane, and any character past it: what a text holding an
# invisible character or a mark over one holds (a set's body, for a search of it with others). Python's re tests a set
# of that plane by one lookup for each character, but its ranges past it one by one: a plan was scanned for the exact
# set at a quarter of this one's speed, which it holds nothing of (most) or of the rare characters past the plane.
MAY_BE_INVISIBLE = f"{_INVISIBLE_IN_BMP}{_MARKS_OVER_IN_BMP}\U00010000-\U0010ffff"
_MAY_BE_INVISIBLE = patterns.compile_python(f"[{MAY_BE_INVISIBLE}]")
_UNREAD_CHAR = patterns.compile_python(f"[{_INVISIBLE}]|[{_MARKS_OVER}](?<=[{_MARKED}].)")
# Signs an article copied from WeChat sets before a heading (📌一、, ▶️（一）) or brackets it in (【一、总体要求】): arrows,
# shapes, dingbats, pictographs and the joiners of an emoji; the search for them, in Python's re, passes a plain text by.
_DECORATIONS = "\u2190-\u21ff\u2500-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f\u200d"
_DECORATED = patterns.compile_python(f"[【{_DECORATIONS}\u20e3]")
# A keycap a phone's list numbers its items by (1️⃣新建…, 2⃣…, 🔟): a digit, maybe its emoji selector, the enclosing
# keycap; at a line's start or after a sentence's or a lead's end, as a typed list number is
_KEYCAP_NUMBER = patterns.compile(r"(?m)(?:^|(?<=[。！？!?；;：:]))(?P<indent>[ \t\u3000\u00a0]*)(?:(?P<digit>[0-9])\ufe0f?\u20e3|\U0001f51f)")
# at a line's start or after a sentence's, a lead's or a note's end (a copy whose line breaks were lost: …安全。【二、目标任务】（一）…)
_DECORATED_HEADING = patterns.compile(
    f"(?m)(?:^|(?<=[。！？!?；;：:）)]))[ \\t\u3000\u00a0]*(?:【(?P<bracketed>[^【】\\n]{{1,60}})】|[{_DECORATIONS}][{_DECORATIONS} \\t\u3000\u00a0]*)")
_MARKER_REACH = 12  # characters: a heading's marker is shorter (第一百二十三章)
# A 文号's year typed in square brackets (国发[2019]4号), as 〔2019〕: a year of the last two centuries only. An
# indicator table's [5000], [3000] is a total over the plan's years (注：[ ]内为五年累计数), kept as written, as DOCX keeps it.
_SQUARE_YEAR = patterns.compile(r"[\[［]((?:19|20|１９|２０)\d{2})[\]］]")  # a year in full-width digits too (［２０１９］)
_MARK_OPENING = patterns.compile_python(r"[\[［【①-⑳]")  # how a note's mark opens; Python's re scans for a set fast
# Every character a step of _without_markup reads (** markup's, the odd brackets, a bracketed year's and a note mark's
# openings) or may (MAY_BE_INVISIBLE): a text holding none (most plans) is as written, told by one scan of one set
_MARKUP_CHAR = patterns.compile_python(f"[*{''.join(_ODD_BRACKETS)}{_MARK_OPENING.pattern[1:-1]}{MAY_BE_INVISIBLE}]")


@rules_cache
def _opener() -> regex.Pattern:
    """Heading markers and bullets: a paragraph break always precedes them."""
    markers = [style.rule.pattern for style in heading_styles()] + [_bullets()]
    return patterns.compile(patterns.searchable("^(?:" + "|".join(f"(?:{marker})" for marker in markers) + ")"))


@rules_cache
def _bullets() -> str:
    """Besides the heading markers of rules/headings.yaml, what opens a paragraph: a dash (——新建…), 附件, and a
    bullet of a list copied as text (● 培训…, - 120个行政村…: fragment line_bullet). The sentence after it may wrap,
    where a heading's title ends with its line."""
    line_bullet = load_rule_set(rules_dir_in_force()).expanded("{line_bullet}", "fragment-line_bullet")
    return f"——|{_ATTACHMENTS}|{line_bullet}"


@rules_cache
def _bullet() -> regex.Pattern:
    return patterns.compile(f"^(?:{_bullets()})")


@rules_cache
def _goal_patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """The figure a goal list's line closes on, the all-or-nothing result it may close on instead, and what opens a
    line going on with the figure (rules/fragments.yaml figure_closing_line, milestone_closing_line, figure_going_on)."""
    rule_set = load_rule_set(rules_dir_in_force())
    return (rule_set.compile("{figure_closing_line}", "fragment-figure_closing_line"),
            rule_set.compile("{milestone_closing_line}", "fragment-milestone_closing_line"),
            rule_set.compile("{figure_going_on}", "fragment-figure_going_on"))


def closes_goal_list(text: str, following: str) -> bool:
    """Whether ``text`` and the line after it (both cleaned and folded) are items of a goal list with no end marks,
    each closing on its figure or its all-or-nothing result (全县新建农村公路120公里以上 / 改造农村公路危桥15座以上;
    行政村5G网络实现全覆盖 / 农村学校全部接入千兆宽带): not one sentence a wrap cut, however alike their lengths."""
    figure, milestone, going_on = _goal_patterns()
    return (_closes_on_goal(text, figure, milestone) and _closes_on_goal(following, figure, milestone)
            and not going_on.match(following, None, None, patterns.NOT_CONCURRENT))


@lru_cache(maxsize=1024)  # a line is asked of as the one before and as the one after, by wrap_width and by rejoining
def _closes_on_goal(text: str, figure: regex.Pattern, milestone: regex.Pattern) -> bool:
    # looked for only near the end, a figure only where a digit or a numeral is there: most lines have none
    start = max(0, len(text) - _GOAL_REACH)
    tail = text[start:]
    return ((not _NUMERALS.isdisjoint(tail) or any(map(str.isdigit, tail))) and bool(figure.search(text, start, None, patterns.NOT_CONCURRENT))
            or bool(milestone.search(text, start, None, patterns.NOT_CONCURRENT)))


def _name_end() -> regex.Pattern:
    """The end of a document's or an attachment's name (…实施方案, …的通知, …工作分工表》): rules/metadata.yaml."""
    return metadata_rules().name_end


@rules_cache
def _inline_note_mark() -> regex.Pattern:
    """A note's mark typed in the line between a figure and the word that bounds it (每年完成森林抚育1.5万亩[3]以上,
    新建养老服务设施12个［4］以上, 分担率达到60%①左右), as a page's <sup> leaves it when copied as text: it parted the
    value from its bound (1.5万亩 read as exactly so). The words are those a comparator is read from after a number
    (rules/quantities.yaml), the figure's unit a few characters at most; a mark is a number of one or two digits in
    brackets (a table's [5000], a total, stands alone) or a circled one (a list's ①内容… follows no figure)."""
    bounds = [word for group in load_rule_set(rules_dir_in_force()).lexicon.comparator_groups for word in group.after]
    return patterns.compile(f"(?={_MARK_OPENING.pattern})(?<=\\d[%‰/\\p{{Han}}A-Za-z]{{0,8}})(?:[\\[［【]\\d{{1,2}}[\\]］】]|[①-⑳])"
                            f"(?={patterns.any_word(bounds)})")


@rules_cache
def _note_line() -> regex.Pattern:
    """A responsibility note's line whose list ends in a body's name (责任股室：综合股、核算股, 责任单位：…，下属事业单位;
    not 责任单位：…，各片区管理, a name cut by a wrap): rules/responsibilities.yaml's labels, rules/metadata.yaml's endings."""
    names = metadata_rules().rules
    bodies = patterns.any_word(names.issuer_endings + names.addressee_endings)
    return patterns.compile(f"^(?:{responsibility_rules().label.pattern})[^。！？!?；;]*{bodies}$")


def _drop_space(match: regex.Match) -> str:
    text = match.string
    before, after = match.start() - 1, match.end()
    # Spaces between Latin words carry meaning ("VR and AR"); any other space
    # in a plan is an artefact of PDF extraction or justification, as is one between
    # letters standing alone, a word spaced out glyph by glyph (G D P, P M 2 . 5).
    if text[before] in _LIST_SIGNS and (before == 0 or text[before - 1] == "\n"):
        return " "  # a Markdown list's bullet (- 120个行政村…): without its space, a minus (-120)
    if text[before].isdigit() and text[after].isdigit():
        return _between_figures(text, before + 1, after)
    if _parts_two_units(text, before):
        return "、"  # 责任单位：县教育局 县公安局: a page or a PDF copy parts a note's units by spaces
    if not _LATIN_PAIR.fullmatch(text[before] + text[after], None, None, patterns.NOT_CONCURRENT):
        return ""
    return "" if _lone_letter(text, before - 1) and _lone_letter(text, after + 1) else match.group()


def _between_figures(text: str, start: int, end: int) -> str:
    """What the spaces from ``start`` to ``end``, between two digits, become: a space where they part two figures of a
    run of them (2024—2026年新增公办学位分别为3000 2500 2000个: three figures, not 300025002000), nothing where the
    figures are one number, and the thousands mark where two groups after 分别 are read as one number but may be the two
    values of its list (分别完成造林 12 800 亩: 12800, which values.competing_readings flags)."""
    before = _FIGURES_BEFORE.search(text, max(0, start - 80), start)
    after = _FIGURES_AFTER.match(text, end)
    figures = before.group().split() + after.group().split()
    listed = _figures_listed().search(text, max(0, before.start() - _LISTED_FIGURES_OPENING), before.start())
    if (listed and len(figures) < _LISTED_FIGURES and _THOUSANDS.fullmatch(" ".join(figures)) and figures[-1][0] != "0"
            and not _NEXT_VALUE_LISTED.match(text, after.end())):
        return THOUSANDS_MARK  # (not where the list's next value follows with its unit: 分别安排资金 1 500 万元、900 万元)
    return " " if _parts_two_figures(figures, len(before.group().split()), bool(listed)) else ""


def _parts_two_figures(figures: list[str], after: int, listed: bool) -> bool:
    """Whether the space before ``figures[after]`` parts two figures of the run, ``listed`` after 分别, or goes inside
    one number."""
    if _THOUSANDS.fullmatch(" ".join(figures)):
        # 1 200, 12 000, 12 000 000: shaped as one number's groups of thousands, read as one, 分别 or not; but three
        # figures or more after 分别, none opening with 0 (200 300 500 万元), are the list 分别 asks for: a sum of
        # 200300500万 (two 万亿) would be no plan's
        return listed and len(figures) >= _LISTED_FIGURES and not any(figure.startswith("0") for figure in figures)
    if listed and _numbers_grouped_in_thousands(figures):
        return len(figures[after]) != 3  # 分别完成 1 200 1 500 1 800 亩: three figures, 1200, 1500, 1800
    # 三个乡镇分别安排资金 800 1200 1500 万元, 分别为 12 8 所: after 分别, each figure is a value of its own
    return listed or len(figures) >= _LISTED_FIGURES and all(sum(map(str.isdigit, figure)) >= 2 for figure in figures)


def _numbers_grouped_in_thousands(figures: list[str]) -> bool:
    """Whether ``figures`` (digit groups parted by spaces) read as several numbers each grouped in thousands, as many
    groups to each: a group of fewer than three digits opens a number, one of three goes on with it (1 200 1 500 1 800,
    12 000 8 000); not 12 8 (one group each: two figures) nor 12 8 100."""
    if not all(figure.isdigit() and len(figure) <= 3 for figure in figures) or all(len(figure) == 3 for figure in figures[1:]):
        return False
    opened = [index for index, figure in enumerate(figures) if index == 0 or len(figure) < 3]
    lengths = {end - start for start, end in zip(opened, [*opened[1:], len(figures)])}
    return len(lengths) == 1 and lengths.pop() > 1


def _parts_two_units(text: str, before: int) -> bool:
    """Whether the spaces after ``before`` part two whole units' names (县教育局 县公安局)."""
    units = responsibility_rules()
    return text[before] in units.unit_last_characters and units.units_parted_by_space.match(text, before + 1) is not None


@rules_cache
def _figures_listed() -> regex.Pattern:
    """What opens a list of figures right before its first (rules/fragments.yaml figures_listed)."""
    return load_rule_set(rules_dir_in_force()).compile("(?:{figures_listed})[ \\u3000\\u00a0]*$", "fragment-figures_listed")


def _lone_letter(text: str, beside: int) -> bool:
    """Whether the letter next to ``beside`` stands alone on that side: no Latin letter there."""
    return not 0 <= beside < len(text) or not _LATIN_LETTER.match(text[beside])


def _year_in_brackets(match: regex.Match) -> str:
    return f"〔{match.group(1)}〕"  # a function: regex reads a template string again at every call


def clean_line(text: str) -> str:
    """One line's markup, odd brackets and stray spaces removed."""
    return _SPACE_RUN.sub(_drop_space, _without_markup(text).strip(_EDGE_SPACES), 0, None, None, patterns.NOT_CONCURRENT)


def clean_lines(texts: list[str]) -> list[str]:
    """``clean_line`` of each text, each step run once over the texts joined (a call for each line cost
    more than its work). Texts holding a line break are cleaned one by one: its edges would be stripped."""
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:
        return [clean_line(text) for text in texts]
    stripped = "\n".join([line.strip(_EDGE_SPACES) for line in _without_markup(joined).split("\n")])
    return _SPACE_RUN.sub(_drop_space, stripped).split("\n")


def without_invisible(text: str) -> str:
    """``text`` without its invisible format characters; the very string when it holds none."""
    return _UNREAD_CHAR.sub("", text) if _MAY_BE_INVISIBLE.search(text) and INVISIBLE_CHAR.search(text) else text


def _without_markup(text: str) -> str:
    """``**`` markup and notes' marks typed inline dropped, odd brackets and bracketed years as the rules read them (looked for by
    ``in`` first: searching a text with the regex module costs ten times as much)."""
    if not _MARKUP_CHAR.search(text):
        return text  # where each step's own look for its characters scanned the text again
    text = without_invisible(text.replace("**", ""))
    if any(bracket in text for bracket in _ODD_BRACKETS):
        text = _ODD_BRACKET.sub(_even_bracket, text)
    if "[" in text or "［" in text:
        text = _SQUARE_YEAR.sub(_year_in_brackets, text)
    return _inline_note_mark().sub("", text) if _MARK_OPENING.search(text) else text


def without_glued_page_marks(text: str, lined: bool = False) -> str:
    """``text`` without the page numbers between dashes glued inside its sentences (接报后2小时- 1 -内响应). In a
    ``lined`` text a footer mostly has a line of its own, and dashes around a number with spaces inside a line before
    another number are a range (气温变化幅度为 - 5 - 35℃): there only a mark before words is dropped (30 — 3 — 个)."""
    if " " not in text and "\u3000" not in text or not _HOLDS_PAGE_DASH.search(text):
        return text
    return (_PAGE_MARK_BEFORE_WORDS if lined else _GLUED_PAGE_MARK).sub("", text)


def without_page_counts(text: str) -> str:
    """``text`` without the footers counting pages glued inside it (…300个以上。第 1 页 共 3 页二、主要任务): dropped
    before its paragraphs are found, which the footer would cut (三、保障措施第2页 / 共3页). A footer on a line of its
    own stays for the lines' reading to pass over (is_page_number)."""
    if "共" not in text or "页" not in text or is_page_number(text):
        return text
    return _PAGES_COUNTED.sub("", text)


def undecorated_lines(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines with each heading's signs and brackets dropped (【一、总体要求】, 📌二、重点任务), as WeChat sets them,
    before line breaks are restored: they open a paragraph only at a marker after a sentence's end. Signs and brackets
    with no heading marker inside stay (【权威发布】, ★★★). A keycap numbering an item is its typed number (1️⃣ as 1.: kept,
    its quote held the keycap: 1⃣新建乡镇卫生院3所)."""
    return [replace(line, text=_DECORATED_HEADING.sub(_undecorated_heading, _KEYCAP_NUMBER.sub(_typed_number, line.text)))
            if not line.in_table and _DECORATED.search(line.text) else line for line in lines]


def _typed_number(keycap: regex.Match) -> str:
    return f"{keycap['indent']}{keycap['digit'] or 10}."


def _undecorated_heading(match: regex.Match) -> str:
    inside = match.group("bracketed")
    heading = inside if inside is not None else match.string[match.end(): match.end() + _MARKER_REACH]
    # an indent in their place: a text whose line breaks were lost opens its paragraphs where its indents are
    return f"\u3000{inside or ''}" if _opener().match(heading) else match.group()


def _even_bracket(match: regex.Match) -> str:
    return _ODD_BRACKETS[match.group()]


def is_page_number(text: str) -> bool:
    text = text.strip(" \t\u3000")
    # opened by a dash, 第 or a digit: most lines are told by their first character, without a match
    return (text[:1] in _PAGE_NUMBER_OPENINGS or text[:1].isdigit()) and bool(_PAGE_NUMBER.match(text, None, None, patterns.NOT_CONCURRENT))


def _starts_paragraph(text: str) -> bool:
    """Whether the line is indented as a paragraph's first line: two characters.

    Spaces count half a character, as text converted from print writes them;
    a deeper indent is centring or right alignment, which says nothing.
    """
    if text[:1] not in (" ", "\u3000"):
        return False  # most lines: no indent to measure
    leading = text[: len(text) - len(text.lstrip(" \u3000"))]
    return 1 <= leading.count("\u3000") + leading.count(" ") / 2 < 3


def is_table_row(line: SourceLine, tab_indents: bool) -> bool:
    # Tab-separated rows, or the one-cell-per-line layout where each cell is
    # indented by a tab, come from tables; they are never joined. In a text
    # that indents its paragraphs with tabs, a leading tab is only indentation.
    return line.in_table or "\t" in line.text.strip() or (line.text.startswith("\t") and not tab_indents)


def table_rows(lines: list[SourceLine]) -> list[bool]:
    """``is_table_row`` of each line: in a text without a tab, the rows a reader found. A line whose tabs all follow
    its text is a row beside another (the line before or after it, blank lines aside): its cells after the first are
    empty (2024年 under 序号, over that year's tasks; a form's 常住地址 and the blanks after it)."""
    if "\t" not in "".join([line.text for line in lines]):
        return [line.in_table for line in lines]
    tab_indents = indents_with_tabs(lines)
    rows = [is_table_row(line, tab_indents) for line in lines]
    written = [index for index, line in enumerate(lines) if line.text.strip()]
    for before, index, after in zip([None, *written], written, [*written[1:], None]):
        if not rows[index] and lines[index].text.rstrip(" \r\n").endswith("\t"):
            rows[index] = any(near is not None and rows[near] for near in (before, after))
    return rows


def indents_with_tabs(lines: list[SourceLine]) -> bool:
    """Whether the text indents its paragraphs with tabs, rather than laying out table cells.

    Most lines open with a tab, and they are as long as paragraphs: cells of a
    one-cell-a-line table are short.
    """
    texts = [line.text for line in lines if line.text.strip()]
    tabbed = sorted(len(text.strip()) for text in texts if text.startswith("\t"))
    return len(tabbed) > len(texts) / 2 and tabbed[len(tabbed) // 2] >= _PARAGRAPH_LENGTH


def display_width(text: str) -> int:
    """How wide ``text`` prints, in ideographs: a half-width character (a digit, a Latin letter, a space) is half as
    wide, and a word processor wraps a line by its width, so a line rich in digits holds more characters."""
    return len(text) - len(text.encode("ascii", "ignore")) // 2


def wrap_width(texts: list[str]) -> int | None:
    """The width at which a hard-wrapped (PDF) text breaks its lines, if it does.

    Hard-wrapped text has many lines of nearly the same width; text with one
    line per paragraph (Word, HTML) has no such peak.
    """
    lengths = Counter(filter((12).__le__, map(display_width, texts)))  # the widths of 12 and more
    if not lengths:
        return None
    # The peak is the length of full lines, whose window holds the first lines two characters shorter (their indent
    # cleaned off): a short text of short paragraphs has as many first lines as full ones.
    peak = max(lengths, key=lambda length: (_near(lengths, length), lengths[length]))
    near_peak = _near(lengths, peak)
    longer = sum(count for length, count in lengths.items() if length > peak + 1)
    # A short wrapped text (a notice, a text with tables) has few full lines, but hardly a line longer.
    wrapped = near_peak >= max(5, 0.3 * len(texts)) or (near_peak >= 5 and longer <= near_peak * _LONGER_SHARE)
    # Its full lines mostly go on in the next: lines of one length that end a sentence or come before a heading
    # are short paragraphs and titles (a short plan of one-line items: （一）加强组织领导 / 新建运动场10个。).
    wrapped = wrapped and _going_on(texts, peak) >= _GOING_ON_SHARE * near_peak
    # Lines that open a paragraph are indented two characters, so are shorter.
    return peak - 4 if wrapped else None


def _near(lengths: Counter, peak: int) -> int:
    """How many lines are within a wrap's reach of ``peak`` characters: as long, one longer, or up to two shorter."""
    return sum(lengths[length] for length in range(peak - 2, peak + 2))


def _going_on(texts: list[str], peak: int) -> int:
    """How many lines within a wrap's reach of ``peak`` characters end in no full stop and have a next line
    that opens with no heading marker or bullet."""
    lines = [text for text in texts if text]
    opener = _opener()
    return sum(1 for text, following in zip(lines, lines[1:])
               if peak - 2 <= display_width(text) <= peak + 1 and text[-1] not in _TERMINAL and not opener.match(following, None, None, patterns.NOT_CONCURRENT)
               and not closes_goal_list(text, following))


class _Rejoined:
    """A paragraph being rejoined from its lines: its text is joined once, when it is complete
    (joined at every line, a long paragraph took quadratic time)."""

    def __init__(self, line: SourceLine, reading: Folded, written: str, opener: regex.Pattern, name_end: regex.Pattern,
                 in_table: bool = False):
        self.first = line
        text = reading.text
        self.reading = reading  # the first line folded, where its offsets fall as written
        self.readings, self.written = [text], [written]  # each line folded, and as written
        self.continuations: list[LineStart] = []  # their offsets as written until the paragraph is folded whole
        self.length = len(written)
        self.opener = opener
        self.name_end = name_end
        self.in_table = in_table
        heading = None if in_table else opener.match(text, None, None, patterns.NOT_CONCURRENT)
        self.is_heading = heading is not None
        self.has_clause = bool(_CLAUSE_MARK.search(text, heading.end() if heading else 0))
        # A heading line with no sentence in it yet is a title, ending with its line (a body begun after 。 may
        # wrap; so may a —— bullet's or an 附件 line's sentence)
        self.title_only = self.is_heading and not _bullet().match(text, None, None, patterns.NOT_CONCURRENT) and not _SENTENCE_MARK.search(text)
        # each name bracket's openings less its closings in the lines counted so far: counted only when a wrapped
        # line's end is in question (counting every line cost more than the rest of rejoining it), each line once
        self._brackets_open = [0] * len(_NAME_BRACKETS)
        self._brackets_counted = 0  # how many of ``readings`` are counted in ``_brackets_open``

    def joins(self, line: SourceLine, text: str, width: int | None) -> bool:
        """Whether ``line`` (cleaned and folded: ``text``) continues this paragraph."""
        if self.in_table or line.opens_paragraph or _starts_paragraph(line.text):
            return False
        if line.opens_paragraph is False:  # the layout shows a wrapped line, even after a full stop
            return not self.opener.match(text)
        return self._continued_by(text, width)

    def _continued_by(self, following: str, width: int | None) -> bool:
        """Whether ``following`` continues the sentence that this paragraph left open."""
        last_line = self.readings[-1]
        # as many characters as the wrap is wide: a line rich in figures, wider in characters than in print, is full too
        full_line = width is not None and len(last_line) >= width
        if full_line and last_line[-1].isdigit() and following[0].isdigit():
            return True  # a number cut by the wrap (建标143-201 / 0）建设要求) is no heading marker
        if last_line[-1] in _OPENING:
            return True  # 审批表》（ / 1）（详见附表）: a bracket opened at a line's end closes on the next, no marker there
        if last_line[-1] in _TERMINAL or self.opener.match(following, None, None, patterns.NOT_CONCURRENT):
            return False
        if closes_goal_list(last_line, following):
            return False
        if full_line:
            return not self._name_ends(following)  # a full line of hard-wrapped text, but for a title as wide
        if self.is_heading and (not self.has_clause or (self.title_only and last_line[-1] not in _GOES_ON)):
            return False  # a heading line stands alone, a title of clauses too (（七）广泛宣传，营造氛围)
        if last_line[-1] in _CLOSING:
            return False  # a title, a 〔2022〕 number or a footer item ends here
        if len(self.readings) == 1 and following[0] not in _GOES_ON and _note_line().match(last_line):
            return False  # a note's list of bodies ends with its line (责任股室：综合股、核算股 / 禾桥县统计局), not cut in a name
        return self.has_clause or last_line[-1] in _GOES_ON

    def _name_ends(self, following: str) -> bool:
        """Whether the last line, in a paragraph with no clause yet, ends a title or an attachment's name
        (…实施意见, 附件：…实施方案) that ``following`` does not go on with (的通知, （试行）, 》).
        A list item's name goes on (2.…预先核准通知 / 书): its heading is read by its own rules."""
        list_item = self.is_heading and not self.readings[0].startswith(_ATTACHMENTS)  # 2.…预先核准通知 / 书
        if list_item or self.has_clause or following[0] in "的（(》”」" or not self.name_end.search(self.readings[-1]):
            return False
        return all(balance <= 0 for balance in self._name_brackets_open())  # not inside 《…

    def _name_brackets_open(self) -> list[int]:
        """Each name bracket's openings less its closings in the lines so far."""
        for reading in self.readings[self._brackets_counted:]:
            self._brackets_open = [kept + reading.count(opening) - reading.count(closing)
                                   for kept, (opening, closing) in zip(self._brackets_open, _NAME_BRACKETS)]
        self._brackets_counted = len(self.readings)
        return self._brackets_open

    def add(self, line: SourceLine, text: str, written: str) -> None:
        """Add ``line``, cleaned and folded (``text``) and as written."""
        self.continuations.append(LineStart(self.length, line.line, line.page))
        self.readings.append(text)
        self.written.append(written)
        self.length += len(written)
        self.has_clause = self.has_clause or bool(_CLAUSE_MARK.search(text))

    def paragraph(self, taiwan: bool) -> Paragraph:
        """The paragraph, its lines folded whole when any folds (``taiwan``: in Taiwan's wording or not): a word a
        wrap cut (智慧財 / 產權, 資訊 / 科技) is read as one; its lines' starts are where the whole's fold has them."""
        written = "".join(self.written)
        read = self.reading
        if len(self.readings) > 1:
            text = "".join(self.readings)
            read = folded(written, taiwan) if text != written else Folded(text)
        if read.written_at:
            for start in self.continuations:
                start.offset = bisect_left(read.written_at, start.offset)
        return Paragraph(text=read.text, written=written, written_at=read.written_at, line=self.first.line,
                         page=self.first.page, in_table=self.in_table, continuations=self.continuations)


def normalize(lines: list[SourceLine], taiwan: bool | None = None) -> list[Paragraph]:
    """Rejoin wrapped lines into paragraphs of clean text, folded for reading (``fold``) with the text as written kept;
    ``taiwan``: whether the document is in Taiwan's wording (None: judged by the lines, table rows too)."""
    rows = table_rows(lines)
    taiwan = taiwan_wording([line.text for line in lines]) if taiwan is None else taiwan
    written_texts = clean_lines([line.text for line, row in zip(lines, rows) if not row])
    folds = lines_folded(written_texts, taiwan)  # the few lines the fold changes: no Folded made for the others
    prose = iter(enumerate(written_texts))
    cleaned = [None if row else next(prose) for row in rows]  # None for a table row: its cells are cleaned one by one
    width = wrap_width(written_texts)
    opener, name_end = _opener(), _name_end()
    rejoined: list[_Rejoined] = []
    open_paragraph: _Rejoined | None = None  # the paragraph the next line may continue
    for line, texts in zip(lines, cleaned):
        if texts is None:
            text = "\t".join(clean_line(cell) for cell in line.text.split("\t")).strip("\t")
            if text:
                rejoined.append(_Rejoined(line, folded(text, taiwan), text, opener, name_end, in_table=True))
            open_paragraph = None
            continue
        index, written = texts
        if not written or is_page_number(written):
            continue  # blank lines and page numbers may fall inside a sentence
        fold = folds.get(index)
        text = fold.text if fold else written
        if open_paragraph and open_paragraph.joins(line, text, width):
            open_paragraph.add(line, text, written)
        else:
            open_paragraph = _Rejoined(line, fold or Folded(written), written, opener, name_end)
            rejoined.append(open_paragraph)
    return _without_contents([paragraph.paragraph(taiwan) for paragraph in rejoined])


def is_contents_entry(text: str) -> bool:
    """A line of a contents page: a title, dot leaders and a page number (一、总体要求……………1)."""
    # Only a text ending in a digit is read whole: the end is found at its last two places.
    return bool(_ENDS_IN_DIGIT.search(text, max(len(text) - 2, 0), None, patterns.NOT_CONCURRENT) and _CONTENTS_ENTRY.search(text))


def is_contents_title(text: str) -> bool:
    """The title of a contents page: 目录, 目 录, 目次."""
    # asked of every paragraph: one that does not open with 目 (all but a few) is told without the engine's call
    return text.startswith("目") and bool(_CONTENTS_TITLE.match(text, None, None, patterns.NOT_CONCURRENT))


def _without_contents(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs minus a contents page (its entries would be headings twice, their page numbers targets)
    and minus a page's style sheet kept as text.

    Under a 目录 line, an entry may lack leaders (一、总体要求 1); elsewhere only leaders tell one.
    """
    kept: list[Paragraph] = []
    under_contents = False
    body_start = 0  # after a contents page: the paragraph where its first entry opens the body
    for index, paragraph in enumerate(paragraphs):
        if index < body_start:
            continue
        text = paragraph.text
        if is_contents_title(text) and index + 1 < len(paragraphs) and _is_entry(paragraphs[index + 1].text, True):
            under_contents = True
            body_start = _first_entry_again(paragraphs, index + 1)
            continue
        if not paragraph.in_table and (_is_entry(text, under_contents) or ("{" in text and _STYLE_SHEET.match(text, None, None, patterns.NOT_CONCURRENT))):
            continue
        under_contents = False
        kept.append(paragraph)
    return kept


def _first_entry_again(paragraphs: list[Paragraph], first_entry: int) -> int:
    """Where the body repeats the first entry of a contents page (第一章 总则……1, then 第一章 总则), or 0.

    All between is the contents page, also an entry whose page number went to a line of
    its own or whose leaders run into the next entry's (第六章 附则……19附表………).
    """
    heading = _LEADERS_AND_PAGE.sub("", paragraphs[first_entry].text)
    end = min(len(paragraphs), first_entry + _CONTENTS_MAX_ENTRIES)
    return next((index for index in range(first_entry + 1, end) if paragraphs[index].text == heading), 0)


def _is_entry(text: str, under_contents: bool) -> bool:
    return is_contents_entry(text) or (under_contents and bool(_opener().match(text)) and bool(_PAGE_AT_END.search(text)))
