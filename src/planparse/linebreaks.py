"""Text whose line breaks were lost: where its lines and paragraphs began.

Crawlers store a page's body on one line; text copied out of a PDF viewer has
its line breaks turned into spaces. Both come here before normalising, so that
the normalise stage and everything after it see the paragraphs a lined copy
gives:

* breaks turned into spaces: each space is a line break again (except inside
  Latin text and after a bare heading marker), and the normalise stage joins
  the wrapped lines as it does for any hard-wrapped text;
* breaks dropped outright: a paragraph opens where a heading marker
  (``rules/headings.yaml``) follows a sentence end, or ends the title of the
  heading before it, and its number continues the document's numbering.
  A marker inside a sentence or a cross-reference (``按照本条第（一）款``) opens
  nothing.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice

import regex

from . import limits, patterns
from .metadata_rules import metadata_rules
from .models import SourceLine
from .normalize import without_glued_page_marks, without_page_counts
from .folding import fold, fold_texts
from .indicator import indicator_rules
from .glued_titles import (LATIN_OR_DIGIT, LEADERS, LONG_TITLE, NOTE_BRACKETS, SPACE, TITLE_LENGTH,
                           TITLE_STOPS, dash_insertion, glued_title_end, indented_title_end, reads_as_sentence, sibling_title_end, usual_title_end,
                           usual_title_length)
from .numerals import numeral_value
from .responsibility_notes import bracket_groups, parse_annotation, responsibility_rules
from .rules import (CompiledHeadingStyle, block_list_intros, box_pattern, box_rule, heading_styles, inline_list_intros,
                    load_rule_set, rules_cache, rules_dir_in_force, title_ends)
from .structure import any_marker, decimal_parent, heading_label, markers_in, sits_under, style_of

_SENTENCE_END = set("。！？!?…")
_CLAUSE_END = set("；：;:")
_CLOSING = set("）)〕]】》〉」』”’")  # 〉: a note typed with a closing angle bracket, （区市场监管局〉
_OPENING = set("（(〔[【《〈「『“‘第")
_QUOTATION_MARKS = ("“”", "「」", "『』")
_OPENING_ROUND, _CLOSING_ROUND = set("（("), set("）)")  # either closes either: notes are typed half in each width
_BOOK_TITLE_WINDOW = 100  # characters before a space searched for the 《 of a cited document's title: a title is shorter
_PAGE_TOOL_WINDOW = 8  # characters either side of a space searched for the brackets of a web page's tool (【字号：大 中 小】)
_BRACKETED_WINDOW = 60  # characters before a marker searched for the bracket it closes: a note, a formula is shorter
_TITLE_STOP = patterns.compile(f"[{''.join(sorted(TITLE_STOPS))}]")  # sorted: the cache is keyed by the source
_PART_TITLE = patterns.compile(r"[^\s\d。！？!?；;，,、：:（(]{2,12}(?=[ \u3000\u00a0（(\d一二三四五六七八九十①-⑳⑴-⒇])")  # a part's title: 有关要求
_FIRST_DECIMAL = patterns.compile(r"(?P<parent>[1-9]\d?)[.．]1(?![\d.．])")  # 2.1: the first item below chapter 2
_BARE_TITLE_WINDOW = 30  # characters: a bare chapter number and its title before its first item are no longer
# A number right after a sentence end, before a Chinese character: where a bare chapter with no items may open
# (…应急处置。2 组织指挥体系…)
_NUMBER_AFTER_SENTENCE_END = patterns.compile(r"(?<=[。！？!?][ \u3000\u00a0]*)(?P<number>[1-9]\d?)(?![\d.．])(?=[ \u3000\u00a0]*\p{Han})")
_SENTENCE_WINDOW = 2000  # characters: a sentence before a marker is read no further back (a plan's are shorter)
# characters: a signature closing a text (up to three signers of 28 characters and their endings, a seal, a date) and
# the note before it that its lookbehind reads (rules/metadata.yaml signature_run) are shorter
_SIGNATURE_REACH = 300
_NAME_LENGTH = 100  # characters: a document's title, with the signature and date run into it, is no longer
# Short labels and their lists since the last sentence end: 组长：张三副组长：李四 / 责任单位：区教育局，区科协
_LABEL_LINE = patterns.compile(r"(?:^|[。！？!?）)])(?P<label>[^，,；;。！？!?：:]{2,8})[：:][^。！？!?]+$")
_NUMERAL_CHARS = set("零〇一二两三四五六七八九十百")
_CROSS_REFERENCE = patterns.compile(r"[款项条](?:[的规定所中之内、，。；和或及与]|$)")
# After a number cited in a sentence, never a heading's title: a list mark or a stop (审批表（1）、（2）), or, after a
# bracketed number, the note in brackets that follows a form's or an article's name (审批表（1）（详见附表）)
_CITED_NUMBER_END = patterns.compile(r"[、，,。；;：:）)]")
_BRACKETED_NUMBER_NOTE = patterns.compile(r"(?<=[）)])[（(]")
# Words a bare number after names a table or a figure (表1  …主要指标, 附表2…, 图3…布局图): a caption's number, no chapter's
_CAPTIONED = ("表", "图")
_LAST_NON_SPACE = patterns.compile(r"(?r)[^ \t\u3000\u00a0]")  # searched backwards
# A page's number between dashes (— 1 —, - 2 -) right before a place, searched backwards
_PAGE_MARK_WINDOW = 16  # characters: a page's number between dashes, spaces included, is no longer
_PAGE_MARK_BEFORE = patterns.compile(r"(?r)[-—–－―‒]+[ \u3000]*\d{1,4}[ \u3000]*[-—–－―‒]+[ \t\u3000\u00a0]*$")
_LAST_SENTENCE_END = patterns.compile(r"(?r)[。！？!?]")
# Compiled here: the regex module's own cache is looked up in Python, ten times the cost of a short match
_SENTENCE_ENDS = patterns.compile(r"[。！？!?]")
_NAME_PART = 3  # ideographs: a place's name between two dots of a name (中国•黄山•徽州)
_HAN = patterns.compile(r"\p{Han}")
_HAN_PART = patterns.compile(r"\p{Han}+")
_TITLE_WORDS = _HAN_PART  # a heading's short title before a dash: words, no mark
_MARKER_REACH = 6  # characters: a heading's marker is no longer (（十二）)
_CLAUSE_ENDS = patterns.compile(r"[。！？!?；;，,]")
_TAB = patterns.compile(r"\t|(?<!\\)\|")  # a cell's border: a tab, or a pipe table's | (its row ends lost too)
_SIGNER_RUN_BEFORE = patterns.compile(r"(?r)[\p{Han}\s（()）]*")  # a signature's signers and seal, before its date
# 附件说明 (GB/T 9704) after a sentence or a table's last cell; not the body's reference to it (详见附件：…, （附件：…）)
_ATTACHMENT_LIST = patterns.compile(r"(?<![见详按照据如的及和与、，,；;：:（(〔【\[])附件[：:]")
_WORD_BEFORE_SPACE = patterns.compile(r"\p{Han}[ \u3000\u00a0]+(?![\d A-Za-z\u3000\u00a0])")  # 指导思想 以…, not 到 2025年
_CONTENTS_PAGE = patterns.compile(LEADERS + r"\s*\d{1,3}$")
_CONTENTS_TITLE = patterns.compile(r"目\s*录|目\s*次")
_CONTENTS_ENTRY = patterns.compile(r"[^。；！？\n]{1,80}?" + LEADERS + r"\s*\d{1,3}(?!\d)")  # 一、总体要求……3
# Two characters spaced out between list marks (成  员：李  平、林剑飞): one word, no line break
_SPACED_OUT_WORD = patterns.compile(r"[：:、，,（(]?\p{Han}[ \u3000\u00a0]+\p{Han}(?:[：:、，,；;）)]|[ \u3000\u00a0])?")
_CAPTION_ENDS = ("。", "；", "：", "）", "表", " ")
# The first header cell a caption with no end mark runs into (…主要指标序号, …年度任务指标), longest first
FIRST_HEADER_CELLS = ("指标名称", "序号", "编号", "指标", "年度", "类别")
# A first header cell that holds a caption's end mark itself, the column of places a task is split over
# (…（单位：个）县（市、区）, …任务表（到2026年底）县（区）, 市（州）, 乡（镇）, 乡镇（街道）): a kind of place with the other
# kinds it counts in brackets, cut off whatever runs into it
_PLACE_KIND = "(?:乡镇|街道|园区|县|市|区|乡|镇|州|旗|盟)"
_BRACKETED_FIRST_CELL = patterns.compile(rf"(?r){_PLACE_KIND}[（(]{_PLACE_KIND}(?:[、，,]{_PLACE_KIND})*[）)]$")
_FIRST_ROW_NUMBERS = ("1.1", "1")  # a task list's first row: its first part's first task, or the first task
_CELL_REACH = 120  # characters between two tabs of a flattened table: a task's cell is no longer
_CAPTION_WINDOW = 12  # characters before a table's first tab searched for its first cell: 乡镇（街道、园区） is shorter
_UNIT_LABEL = patterns.compile(r"单位\s*[：:]$")  # a table's corner unit, before the unit itself (单位：万元)
_CAPTION_MIN = 4  # characters of a caption before a glued header cell: 主要指标 alone is a header cell, not 主要 + 指标
# A row's last cell, a value, glued to the next row's first, a name (…2025年新建高标准农田, 2025 年新建… as a spaced copy has it,
# …3.3改造提升高标准农田);
# not a date going on (2025年底2: a time limit and a row's number)
_VALUE_THEN_NAME = patterns.compile(r"(?P<value>[\[［〔【]?[≥≤><＞＜]?\d+(?:\.\d+)?(?:%|‰|\s*年(?:[（(][^（）()]{1,6}[）)])?)?"
                                 r"(?:以上|以下|左右)?[\]］〕】]?)(?P<name>(?![底末前内以月度起中]|年)[\p{Han}（(].*)")
# The header's last cell glued to the first row's name: a column's unit in brackets (…服务量占比（%）沅城区) or the
# whole's column of a table of places (…云岭县\t全市新建村级寄递物流综合服务站)
_HEADER_THEN_NAME = patterns.compile(r"(?P<value>.*?[）)]|.*?(?:全市|全县|全区|全省|全州|合计|总计|小计))(?P<name>\p{Han}.*)")
# A yearly plan's row opens with its year, glued to the cell closing the row before, its time limit or the header's last
# (…2023年12月底2024年, 完成时限2023年: 年度 | 改造小区数 | … | 完成时限, a row a year)
_CELL_THEN_YEAR = patterns.compile(r"(?P<value>.*\D)(?P<name>(?:19|20)\d{2}\s*年度?)")  # a space may part 2023 年
_APART_ROWS = 2  # rows at least under the header of a table read by its width alone: one row beside a figure is a note
_YEAR_CELL = patterns.compile(r"(?:19|20)\d{2}\s*年度?")
_YEAR_ROW_BLANKS = 2  # empty cells at least after a year row's year: a task's cells are filled
_ANY_ROW_NUMBER = patterns.compile(r"\d{1,3}(?:\.\d{1,3})?")  # a row's number, alone in its cell (3, 1.2)
_FORM_NAME_END = "表"  # a form's name ends so (审批表, 申报表): a bracketed number right after it is the form's (审批表（1）)
_LIST_LABEL = patterns.compile(r"\p{Han}{2,8}[：:][ \u3000\u00a0]*$")  # 主要任务：, 具体措施如下：
_LIST_LABEL_WINDOW = 12  # characters: such a label, its colon and spaces are no longer
_LABEL_LENGTH = 4  # characters: 牵头单位, 责任部门; a bare 牵头： or 配合： is rarer as a note's opening
_FLAT_MIN_BREAKS = 3  # paragraph breaks found inside lines before a text counts as flattened
_FLAT_SHARE = 0.8  # of a text's characters: so many in lines with breaks inside make it flattened, however few the breaks
_SPACED_SHARE = 0.8  # of the breaks found: so many with a space before them mean breaks became spaces
_TITLED_SIBLINGS = 2  # items of a list whose titles were found: the list is one of titled items
_SIBLING_TITLE_SPREAD = 2  # times the longest title of its siblings: an item's title is no longer
_SENTENCE_ITEMS = 2  # items of a list with no title: they are sentences, not titles none was found for


@dataclass
class _Marker:
    start: int
    end: int
    style: CompiledHeadingStyle
    number: int
    parent: str | None = None  # a decimal's number of the heading it sits under (structure.decimal_parent)
    title_end: int | None = None  # a bare chapter's with no items: where its title runs into its body (_itemless_chapters)


@dataclass
class _Numbering:
    """The last number of each style: a marker continues a list or starts one at 1."""

    last: dict[str, int] = field(default_factory=dict)  # in the order the styles first came: outer first
    parents: dict[str, str | None] = field(default_factory=dict)  # a decimal list's: the number of the heading it sits under

    def fits(self, marker: _Marker) -> bool:
        """Whether ``marker`` continues its list, or starts one (a marker read so only in an open list never does), a
        decimal under a heading its number names (structure.sits_under)."""
        if marker.parent and not self._under_parent(marker):
            return False
        if marker.style.rule.continuing:
            return marker.style.numbering in self.last and self.continues(marker)
        return marker.number == 1 or self.continues(marker)

    def continues(self, marker: _Marker) -> bool:
        return marker.number == self.last.get(marker.style.numbering, 0) + 1

    def skips_one(self, marker: _Marker) -> bool:
        """Whether ``marker`` is of the outermost list, numbered one past the next (四、 then 六、: a part the plan left out),
        or opens the text's list at 2 (二、重点任务 after the title: a copy cut before its 一、)."""
        outermost = next(iter(self.last), None)
        after = self.last[outermost] if outermost is not None else 0
        return outermost in (marker.style.numbering, None) and marker.number == after + 2 and not marker.style.rule.continuing

    def opens_inner_list(self, marker: _Marker, heading: _Marker) -> bool:
        """Whether a 1 starts a list below ``heading`` (not an outer list over again: 知行合一、工学结合)."""
        styles = list(self.last)
        style, parent = marker.style.numbering, heading.style.numbering
        return style not in styles or (parent in styles and styles.index(style) > styles.index(parent))

    def _under_parent(self, marker: _Marker) -> bool:
        return sits_under(marker.parent, [heading_label(self.parents.get(numbering), last)
                                          for numbering, last in self.last.items() if numbering != marker.style.numbering])

    def take(self, marker: _Marker) -> None:
        self.last[marker.style.numbering] = marker.number
        self.parents[marker.style.numbering] = marker.parent


def restore_line_breaks(lines: list[SourceLine], taiwan: bool | None = None) -> list[SourceLine]:
    """The lines, with those that hold many paragraphs cut where their paragraphs began (``taiwan``: whether the
    document is in Taiwan's wording, ``folding.taiwan_wording``; None to judge by the lines out of tables).

    Only a text whose paragraphs mostly open inside its lines has lost its
    breaks: in a lined text, a marker after a sentence end inside a line is
    an item of a list run into its paragraph, and stays there.
    """
    styles = heading_styles()
    lines = _without_page_counts(lines)
    # Read folded (第一條 as 第一条, ⼀、 as 一、: traditional text, a PDF's radicals), cut as written at the same offsets:
    # words folded one for one (網際網路 as its characters fold), as no marker or label holds one of another length
    # A row of a table kept in lines (a tab line beside another) shows the text kept its breaks: the steps its task cell
    # numbers (推进…工程。1.新建…。2.实施…) are no paragraphs run together, and are looked at as a reader's table's are
    alone = _tab_rows_alone(lines)
    texts = fold_texts(["" if line.in_table or ("\t" in line.text and not lone) else line.text for line, lone in zip(lines, alone)],
                       taiwan, one_for_one=True)
    # Every marker in each line, the longest at each place (十一、, not its 一、); matches, not markers:
    # most lines have none inside, and their number and style are never read.
    matches = markers_in(texts, styles, limits.MAX_RUN_IN_MARKERS)  # read when called: a benchmark lifts the limits
    openers = [_opener(text, found, styles) if found else None for text, found in zip(texts, matches)]
    breaks = [_paragraph_breaks(text, found, styles) if found else [] for text, found in zip(texts, matches)]
    inside = sum(len(found) for found in breaks)
    if not _is_flattened(texts, breaks) or inside <= len(openers) - openers.count(None):
        order: list[str] = []  # styles in the order lines first open with them: outer first
        return _without_page_marks([piece for line, text, opener, lone in zip(lines, texts, openers, alone)
                                    for piece in (_same_line_items(line, text, opener, order, styles) if opener
                                                  else _split(line, text, []) if lone and _prose_run_into_table(text)
                                                  else _rows_of_a_table_on_one_line(line) if lone else [line])], lined=True)
    restored: list[SourceLine] = []
    for line, text, found in zip(lines, texts, breaks):
        restored.extend(_split(line, text, found, opens_text=not restored) if found else [line])
    return _without_page_marks(restored, lined=False)


def _without_page_counts(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines without the footers counting pages glued inside them (normalize.without_page_counts), tables' rows
    aside. A text with no 页 (2 of the corpus' 57 hold one) holds none, told by one look, not one for each line."""
    if "页" not in "\n".join([line.text for line in lines]):
        return lines
    return [line if line.in_table else _replaced_text(line, without_page_counts(line.text)) for line in lines]


def _without_page_marks(lines: list[SourceLine], lined: bool) -> list[SourceLine]:
    """The lines without the page numbers glued inside them (normalize.without_glued_page_marks), tables' rows aside."""
    return [line if line.in_table else _replaced_text(line, without_glued_page_marks(line.text, lined)) for line in lines]


def _replaced_text(line: SourceLine, text: str) -> SourceLine:
    return line if text == line.text else replace(line, text=text)


def _is_flattened(texts: list[str], breaks: list[list[int]]) -> bool:
    """Whether the text lost its line breaks: paragraph breaks found inside its lines, a few (a plan's parts), or
    fewer in lines that hold the text (a short notice crawled onto one line: 一、…。二、…)."""
    inside = sum(len(found) for found in breaks)
    if inside >= _FLAT_MIN_BREAKS:
        return True
    broken = sum(len(text) for text, found in zip(texts, breaks) if found)
    return inside > 0 and broken >= _FLAT_SHARE * sum(len(text) for text in texts)


def _tab_rows_alone(lines: list[SourceLine]) -> list[bool]:
    """Whether each line holds a tab with no tabbed line beside it: a table run onto one line with its notice. The rows
    of a table kept in lines (工作任务\t牵头单位, then a row a line) are rows, whatever sentences their first cell holds."""
    tabbed = [False, *("\t" in line.text for line in lines), False]
    return [tabbed[i] and not tabbed[i - 1] and not tabbed[i + 1] for i in range(1, len(tabbed) - 1)]


def _rows_of_a_table_on_one_line(line: SourceLine) -> list[SourceLine]:
    """A lone line of tabs holding a whole table, its rows run together (序号\t指标名称\t…\t2026年1\t学前教育毛入园率\t…, a
    page's table copied with its cells' tabs and no row ends, or a table saved with spaces run into one line): a row a
    line, where its rows are told (flattened_table_rows); else the line as it is. The heading after the table may be
    glued to its last cell (…益农信息社覆盖率\t%\t85\t92\t98二、重点任务): a line of its own after the rows."""
    cells_end = _heading_after_a_figure(line.text)
    rows = flattened_table_rows(line.text[:cells_end])
    if len(rows) <= 1:
        return [line]
    heading = [replace(line, text=line.text[cells_end:].replace("\t", " "))] if cells_end < len(line.text) else []
    return [replace(line, text=row) for row in rows] + heading


def _heading_after_a_figure(text: str) -> int:
    """Where a heading glued to the figure closing ``text``'s cells opens (98二、重点任务, 100（三）保障措施, and 95第二章
    parted from its title as the cells are: 95第二章\t重点任务), else the text's end: a marker holding no digit (a
    digit's would read on as the figure's), its title after it."""
    last_cell = text.rfind("\t") + 1
    for cell_start in (last_cell, text.rfind("\t", 0, max(last_cell - 1, 0)) + 1):
        figure = _figure_cell().match(text, cell_start)
        marker = figure and any_marker(heading_styles()).match(text, figure.end())
        if marker and not any(character.isdigit() for character in marker.group()) \
                and _HAN.match(text, marker.end() + text.startswith("\t", marker.end())):
            return marker.start()
    return len(text)


def _prose_run_into_table(text: str) -> bool:
    """A line whose sentences run into a table's cells (…请认真组织实施。方案名称\t…\t分管领导\t…): a short text with
    its line breaks lost, too few markers in it to be told by them; its table, signature and attachments are cut apart."""
    prose = text.lstrip("\t")
    tab = prose.find("\t")
    return tab > 0 and _LAST_SENTENCE_END.search(prose, 0, tab) is not None


def _opener(text: str, matches: list[regex.Match], styles: tuple[CompiledHeadingStyle, ...]) -> _Marker | None:
    """The marker ``text`` opens with after its indent, from the ``matches`` of markers in the line (one at least)."""
    indent = len(text) - len(text.lstrip(" \t\u3000\u00a0"))
    if matches[0].start() < indent:  # a user's style whose marker may open with a space
        return _marker_at(text, indent, styles)
    return _marker(matches[0], styles) if matches[0].start() == indent else None


def _same_line_items(line: SourceLine, text: str, opener: _Marker, order: list[str],
                     styles: tuple[CompiledHeadingStyle, ...]) -> list[SourceLine]:
    """A heading line (opening with ``opener``; ``text``: the line folded) that holds its first item's heading too
    (一、总体要求（一）指导思想), cut before the item, or its body after the indent that ends its title (_indented_body);
    not a table's row, nor a line indented with tabs or no-break spaces.

    The item opens a list below the heading (a style not seen yet, or seen below
    it): the 一、 of 坚持知行合一、工学结合 under （九） is no item.
    """
    indented_with_spaces = opener.start == len(text) - len(text.lstrip(" \u3000"))
    heading = opener if indented_with_spaces and "\t" not in text.strip() else None
    cuts: list[int] = []
    while heading is not None:
        if heading.style.numbering not in order:
            order.append(heading.style.numbering)
        item = _first_item(text[heading.end:], styles)
        title = text[heading.end: heading.end + item.start] if item else ""
        if item is None or not _ends_title(title) or _CLAUSE_END & set(title) or title[-1] in _OPENING | _CLOSING \
                or _closes_open_bracket(text[heading.end:], item):
            break
        style, parent = item.style.numbering, heading.style.numbering
        if style == parent or (style in order and order.index(style) < order.index(parent)):
            break
        cuts.append(heading.end + item.start)
        heading = _Marker(cuts[-1], heading.end + item.end, item.style, 1, item.parent)
    body = _indented_body(text, heading) if heading is not None else None
    cuts += [body] if body else []
    if not cuts:
        return [line]
    pieces = [line.text[start:end] for start, end in zip([0] + cuts, cuts + [len(text)])]
    return [replace(line, text=piece, **({"opens_paragraph": True} if index else {})) for index, piece in enumerate(pieces)]


def _indented_body(text: str, heading: _Marker) -> int | None:
    """Where the body opens in a ``heading``'s line after the paragraph's indent that ends its title
    (（一）加强城市绿化　　新增绿地10公顷。): a title ends there in a flat text too (glued_titles.indented_title_end)."""
    start = _after_spaces(text, heading.end)
    end = indented_title_end(text[start:])
    return start + end if end else None


def _first_item(text: str, styles: tuple[CompiledHeadingStyle, ...]) -> _Marker | None:
    """The first marker numbered 1 in ``text`` (what follows a heading's marker), when a title can stand
    before it: short, and no sentence end in it. The text past that is searched only from a marker
    that can open there (searching every heading's whole line was most of the cost)."""
    stop = _TITLE_STOP.search(text, None, None, patterns.NOT_CONCURRENT)
    limit = min(TITLE_LENGTH, stop.start() if stop else len(text))
    opening = _marker_opening(styles)
    if opening is not None and not opening.search(text, 0, limit + 1, patterns.NOT_CONCURRENT):
        return None
    for match in any_marker(styles).finditer(text):
        if match.start() > limit:
            return None
        marker = _marker(match, styles)
        if marker.number == 1:
            return marker
    return None


@lru_cache(maxsize=2)  # per set of heading styles in force
def _marker_opening(styles: tuple[CompiledHeadingStyle, ...]) -> regex.Pattern | None:
    """The characters a heading marker can open with (None: any may)."""
    opening = patterns.opening_class(any_marker(styles).pattern)
    return patterns.compile(opening) if opening else None


def _prose_and_cells(piece: str, reading: str) -> tuple[str, str]:
    """A paragraph and the cells of the table it runs into: a flattened page keeps its tables' tabs, not their rows
    (found in ``reading``, the piece folded: a traditional caption runs into 序號 as a simplified one into 序号)."""
    cut = _cells_start(reading)
    return (piece[:cut], piece[cut:]) if cut is not None else (piece, "")


def _cells_start(piece: str) -> int | None:
    """Where the cells of a table start in ``piece`` (folded), None when it holds none."""
    text = piece.lstrip("\t")
    if "\t" not in text.rstrip():
        return None
    first_tab = piece.index("\t", len(piece) - len(text))
    places = _BRACKETED_FIRST_CELL.search(piece, max(0, first_tab - _CAPTION_WINDOW), first_tab)
    if places:
        return places.start()
    # The first cell (序号) may be glued to the table's caption (…工作分工表序号, 表1  …主要指标序号).
    caption_end = max(piece.rfind(mark, 0, first_tab) for mark in _CAPTION_ENDS) + 1
    first_cell = piece[caption_end:first_tab]
    # after the corner's 单位： the unit is glued to the first cell (…任务表单位：万元序号): its own part, however short
    least = 1 if _UNIT_LABEL.search(piece, 0, caption_end) else _CAPTION_MIN
    glued = next((word for word in FIRST_HEADER_CELLS if first_cell.endswith(word)
                  and len(first_cell) - len(word) >= least), None)
    return first_tab - len(glued) if glued else caption_end or first_tab


def flattened_table_rows(cells_text: str) -> list[str]:
    """Rows of a table whose row ends were lost: cells parted by tabs, rows opening with 1, 2, 3….

    A row's number may be glued to the previous row's last cell (…政府2), even to a
    number closing it where that cell is the last of a row as wide as the header (…2025|3); a
    header repeated on a new page comes back glued the same way and is dropped.
    Without row numbers, a row's last cell, a value, is glued to the next row's first, a name (_rows_by_width);
    else the cells stay one row: a table, never prose.
    """
    # a page's number printed between two rows runs into a cell (牵头单位— 1 —1, 县文化旅游局— 1 —2): the footer goes
    written = [without_glued_page_marks(cell.strip()) for cell in cells_text.strip("\t\n").split("\t")]
    cells, parted_years = _year_rows_apart(written)
    # read folded, one character for one (約束性 is 约束性, a row's number typed full-width, …完成时限１, is 1), cut as
    # written
    readings = fold_texts(cells, one_for_one=True)
    by_property = _rows_closed_by_a_property(cells, readings)
    if by_property:
        return ["\t".join(row) for row in by_property]
    by_width = _rows_by_width(cells, readings)
    if by_width:
        return ["\t".join(row) for row in by_width]
    # A row's number opens it where the row before is as wide as the header (…\t5\t市住房城乡建设局3\t…); a cell of a
    # row not yet so wide that holds the next number is a value (2\t改造城中村\t个\t3\t4\t5\t…: its yearly counts). A
    # table with a row wider than its header is split at every next number; a row left short (its last cells empty) is
    # one.
    whole = _numbered_rows(cells, readings, True, parted_years)
    if any(len(row) > len(whole[0]) for row in whole[1:]):
        # a note column closing the header (备注) that rows leave blank: a row is as wide as the header less it
        unnoted = _numbered_rows(cells, readings, True, parted_years, notes_blank=True)
        whole = unnoted if all(len(row) <= len(unnoted[0]) for row in unnoted[1:]) else whole
    rows = (whole if all(len(row) <= len(whole[0]) for row in whole[1:])
            else _numbered_rows(cells, readings, False, parted_years))
    if len(rows) == 1:  # no row numbered
        rows = _rows_apart_by_width(rows[0]) or rows
    header = [cell for cell in rows[0] if cell.strip()]
    rows = rows[:1] + [_without_repeated_header(row, header) for row in rows[1:]]
    return ["\t".join(row) for row in rows if any(cell.strip() for cell in row)]


def _year_rows_apart(cells: list[str]) -> tuple[list[str], set[int]]:
    """``cells`` with each year of a row over a 分工表's tasks of that year parted from the cell it is glued to, the
    header's last or the time limit closing the row before (完成时限2024年, 2024年底前2025年, then the year row's empty
    cells and the next row's number), and the places of the years so parted: a time limit 到2024年 followed by
    optional columns left blank (配合单位, 备注) is joined again where its row is not yet as wide as the header."""
    parted: list[str] = []
    years: set[int] = set()
    for index, cell in enumerate(cells):
        glued = _CELL_THEN_YEAR.fullmatch(cell)
        if glued and _is_year_row(glued["name"], cells, index + 1, _ANY_ROW_NUMBER):
            parted.append(glued["value"])
            years.add(len(parted))
            parted.append(glued["name"])
        else:
            parted.append(cell)
    return parted, years


def _is_year_row(year: str, cells: list[str], after: int, numbers: regex.Pattern | tuple[str, ...]) -> bool:
    """Whether ``year``, followed by ``cells`` from ``after`` on, opens a row of a year over the tasks below it: the
    year, then empty cells, then the next row's number (one of ``numbers``, or the table's first where each year
    numbers its tasks anew)."""
    blanks = cells[after:after + _YEAR_ROW_BLANKS]
    if not (_YEAR_CELL.fullmatch(year) and len(blanks) == _YEAR_ROW_BLANKS and not any(blanks)):
        return False
    following = next((fold(cell) for cell in islice(cells, after + _YEAR_ROW_BLANKS, None) if cell), "")
    if isinstance(numbers, tuple):
        return following in numbers or following in _FIRST_ROW_NUMBERS
    return bool(numbers.fullmatch(following))


def _numbered_rows(cells: list[str], readings: list[str], whole_rows: bool,
                   parted_years: set[int] = frozenset(), notes_blank: bool = False) -> list[list[str]]:
    """The header and the rows of ``cells`` (read as ``readings``), each row opened by its number (1, 2, 3…, or 1.1,
    1.2, 2.1… as a task list numbers its tasks under its parts), alone or glued to the cell closing the row before;
    with ``whole_rows``, only where that row is as wide as the header (less its last note columns, ``notes_blank``).
    A year row opens only where a row may: after the header or a row as wide as it; a year parted from the cell before
    (``parted_years``) that opens none is joined to that cell again."""
    rows: list[list[str]] = [[]]
    numbers = _FIRST_ROW_NUMBERS
    for index, (cell, read) in enumerate(zip(cells, readings)):
        filled = _filled_width(rows[0], notes_blank)
        width = filled if whole_rows and len(rows) > 1 else 0
        closes_row = len(rows) > 1 and len(rows[-1]) == filled - 1 and index < len(cells) - 1
        if _is_year_row(cell, cells, index + 1, numbers) and (len(rows) == 1 or len(rows[-1]) >= len(rows[0])):
            rows.append([cell])
            continue
        if index in parted_years:
            rows[-1][-1] += cell
            continue
        name_follows = _name_under_figures(rows[0], len(rows[-1]) + 1, readings[index + 1] if index + 1 < len(cells) else "")
        number = next((number for number in numbers
                       if _opens_row(read, number, closes_row or name_follows, len(rows[-1]) - width, name_follows)), None)
        if number is None:
            rows[-1].append(cell)
            continue
        head = cell[: -len(number)].rstrip()
        if head:
            rows[-1].append(head)
        rows.append([cell[-len(number):]])  # as written (１ typed full-width)
        numbers = _row_numbers_after(number)
    return rows


def _filled_width(header: list[str], notes_blank: bool) -> int:
    """How many cells a row of ``header`` fills: all, or with ``notes_blank`` all but the note columns closing it
    (备注, 说明: a column for what a row needs said, often said of none)."""
    if not notes_blank:
        return len(header)
    notes = indicator_rules().note_headers
    return len(header) - next((count for count, cell in enumerate(reversed(header)) if cell not in notes), len(header))


def _opens_row(cell: str, number: str, closes_row: bool, width_over: int, cells_left_empty: bool = False) -> bool:
    """Whether ``cell`` is the row ``number`` opens, alone (the row before as wide as the table: ``width_over`` 0 or
    more) or glued to the cell closing the row before (one cell short of it at most, or more where the row before
    left cells empty: ``cells_left_empty``), not to a number going on."""
    if cell == number:
        return width_over >= 0
    return (cell.endswith(number) and (closes_row or not cell[: -len(number)][-1:] in "0123456789.")
            and (width_over >= -1 or cells_left_empty))


def _name_under_figures(header: list[str], column: int, cell: str) -> bool:
    """Whether ``cell`` (folded), were it the row's ``column``, is a name where the header has a column of figures (a
    year's or a target's: 2025年, 目标值): the row before left its last cells empty, and its number is glued to the
    value it holds last (…新增公办学位 个 3000 25003 每千人口医疗卫生机构床位数…: row 2 ends at 2500, its 2026 empty)."""
    if not cell or column >= len(header) or not _HAN.search(cell) or any(character.isdigit() for character in cell):
        return False
    return bool(_YEAR_CELL.search(header[column]) or _target_header().search(header[column])) and not measure_word().fullmatch(cell)


@rules_cache
def _target_header() -> regex.Pattern:
    """A header over a column of figures by its word (目标值, 规划值: rules/indicators.yaml target_headers)."""
    return patterns.compile(patterns.any_word(indicator_rules().target_headers))


def _row_numbers_after(number: str) -> tuple[str, ...]:
    """The numbers the row after row ``number`` may open with: the next (3 after 2), or below a part the next task
    of the part or the next part's first (1.3 or 2.1 after 1.2), the longer tried first."""
    part, _, task = number.partition(".")
    if not task:
        return (str(int(part) + 1),)
    return f"{part}.{int(task) + 1}", f"{int(part) + 1}.1"


def _rows_closed_by_a_property(cells: list[str], readings: list[str]) -> list[list[str]] | None:
    """The rows of an indicator table whose last column is each row's property (约束性, 预期性): the header ends at its
    property cell, glued to the first row's first cell (属性基础设施), and each row at its property, glued to the next
    row's first cell where it has one (约束性运输服务); a row that left its first cell blank (a category named once
    for the rows under it) is one cell short and gets it back empty. None when the cells do not fall so."""
    rules = indicator_rules()
    headers = tuple(rules.property_headers)
    header_end = next((index for index, cell in enumerate(readings) if cell.startswith(headers)), None)
    if header_end is None or header_end < 2:
        return None
    header_length = max(len(word) for word in headers if readings[header_end].startswith(word))
    width = header_end + 1
    rows, row = [[*cells[:header_end], cells[header_end][:header_length]]], [cells[header_end][header_length:]]
    for cell, reading in zip(cells[header_end + 1:], readings[header_end + 1:]):
        closing = max((len(word) for word in rules.property_cells if reading.startswith(word)), default=None)
        if closing is None:
            row.append(cell)
            continue
        row.append(cell[:closing])
        if len(row) not in (width, width - 1):
            return None
        rows.append([""] * (width - len(row)) + row)
        row = [cell[closing:]]
    if any(row) or len(rows) < 2:
        return None
    return rows


def _rows_by_width(cells: list[str], readings: list[str]) -> list[list[str]] | None:
    """The rows of a table with no row numbers (指标, 单位, 2023年…2025年 of a yearly task table, 县（区） and its
    measures, 指标 and its places, a yearly plan's years), where each row's last cell, a value, is glued to the next row's
    first, a name or a year: the
    glued cells stand one row's width less one apart, the first the header's last cell (a year, a unit in brackets, a
    whole's column) glued to the first row's name. None when no width puts a value and a name at each of those places.
    The cells are matched as read (``readings``: ２０２３年 is 2023年), and cut where their reading is."""
    for step in range(2, len(cells) // 2 + 1):  # a row's width less one
        if (len(cells) - 1) % step:
            continue
        places = range(step, len(cells) - 1, step)
        glued = [(_value_then_name(readings[index]) or (index == step and _HEADER_THEN_NAME.fullmatch(readings[index]))
                  or _CELL_THEN_YEAR.fullmatch(readings[index])) for index in places]
        if glued and all(glued):
            rows, row = [], cells[:step]
            for match, index in zip(glued, places):
                rows.append([*row, cells[index][:match.start("name")]])
                row = [cells[index][match.start("name"):], *cells[index + 1:index + step]]
            return [*rows, [*row, cells[-1]]]
    return None


def _rows_apart_by_width(cells: list[str]) -> list[list[str]] | None:
    """The rows of a table with no row numbers (``cells``, as written) whose cells each stand apart (指标名称 单位 2024年
    2025年 2026年 学前教育毛入园率 % 92 93 95 新增公办学位 个 …: a table saved with a space between its cells, its line
    breaks lost): the width at which the header holds no figure but years, each row opens with a name (no figure, no
    measure word alone) and a column or more holds a figure in every row, two rows at least. None when no width does."""
    readings, figure = fold_texts(cells, one_for_one=True), _figure_cell()
    for width in range(2, len(cells) // (_APART_ROWS + 1) + 1):
        if len(cells) % width:
            continue
        rows = [readings[start:start + width] for start in range(0, len(cells), width)]
        figures = [all(figure.fullmatch(row[column]) for row in rows[1:]) for column in range(width)]
        if (any(figures) and not any(figure.fullmatch(cell) for cell in rows[0])
                and all(_is_row_name(row[0]) for row in rows)):
            return [cells[start:start + width] for start in range(0, len(cells), width)]
    return None


def _is_row_name(cell: str) -> bool:
    """Whether ``cell`` may name a row: words, a figure among them or not (行政村5G网络通达率, PM2.5年均浓度), not a measure
    word alone nor a year."""
    return bool(_HAN.search(cell)) and not measure_word().fullmatch(cell) and not _YEAR_CELL.fullmatch(cell)


def _value_then_name(cell: str) -> regex.Match | None:
    """A value glued to the next row's name (95县级以上医院数), not a value and its own unit (2000人以上, 500张: the name
    would be a measure word, with its comparator if any)."""
    glued = _VALUE_THEN_NAME.fullmatch(cell)
    return glued if glued and not measure_word().fullmatch(glued["name"]) else None


@rules_cache
def measure_word() -> regex.Pattern:
    """A cell of a measure word alone (个, 万亩, %, 人以上): a row's unit, never a name."""
    return patterns.compile(load_rule_set(rules_dir_in_force()).expanded("(?:{multiplier})?{unit}(?:{comparator_after})?",
                                                                          "fragment-unit"))


def _without_repeated_header(row: list[str], header: list[str]) -> list[str]:
    """A row minus the header of the next page glued to its end (…政府序号, 工作内容, 牵头单位…)."""
    if len(header) < 2:
        return row
    rest = header[1:]
    # The row's last filled cells are the header's rest, the filled cell before them ends in its first cell
    # (found from the end: comparing every cell's following cells made a long flattened row quadratic).
    filled = [index for index, cell in enumerate(row) if cell.strip()]
    if len(filled) <= len(rest) or [row[index] for index in filled[-len(rest):]] != rest:
        return row
    glued = filled[-len(rest) - 1]
    if not row[glued].endswith(header[0]):
        return row
    return row[:glued] + [row[glued][: -len(header[0])]]


def _split(line: SourceLine, reading: str, breaks: list[int], opens_text: bool = False) -> list[SourceLine]:
    """The line cut at ``breaks``, found in ``reading`` (the line folded); the plan's title apart where the line
    ``opens_text``."""
    text = line.text
    spaced = [start for start in breaks if _space_before(text, start)]
    # Breaks became spaces: each space may be a line end, the normalise stage decides; then a title's end is one too
    # (一、指导思想 以…). Spaces only after marks (…工作。&nbsp;二、…，&nbsp;…) are a page's typography.
    # Else the breaks found are paragraph ends, and so is a responsibility note's start.
    as_spaces = (len(spaced) >= _FLAT_MIN_BREAKS and len(spaced) >= _SPACED_SHARE * len(breaks)
                 and _WORD_BEFORE_SPACE.search(reading) is not None)
    breaks = spaced if as_spaces else sorted(set(breaks) | set(_label_breaks(reading)) | set(_contents_title_breaks(reading))
                                             | set(_list_label_breaks(reading, breaks)) | set(_item_bullets(reading)))
    breaks = sorted(set(breaks) | set(_signature_breaks(reading)) | set(_attachment_breaks(reading))
                    | set(_title_break(reading, breaks[0] if breaks else len(reading)) if opens_text else ()))
    pieces = [_prose_and_cells(text[start:end], reading[start:end]) + (start,) for start, end in zip([0] + breaks, breaks + [len(text)])]
    readings = [reading[start: start + len(prose)] for prose, _, start in pieces]
    cuts = [None] * len(pieces) if as_spaces else _glued_title_ends(readings)
    restored: list[SourceLine] = []
    for (prose, cells, _), prose_reading, cut in zip(pieces, readings, cuts):
        if as_spaces:
            restored += [replace(line, text=piece) for piece in _spaced_lines(prose, prose_reading)]
        else:
            parts = [prose[:cut], prose[cut:]] if cut else [prose]
            restored += [replace(line, text=part, opens_paragraph=True) for part in parts]
        restored += [replace(line, text=row) for row in flattened_table_rows(cells)] if cells else []
    return [piece for piece in restored if piece.text.strip()]


_TITLE_HEAD = 200  # characters of a flattened text's opening looked at for its title: a title is shorter, its first words too


def _title_break(reading: str, end: int) -> list[int]:
    """After the plan's title opening a flattened text, run into its first sentence (…工作方案全县已建成乡镇污水处理厂12座。,
    …实施意见为深入贯彻…), where the metadata's front reads it apart (metadata.yaml front_breaks): its own paragraph, so that
    the sentence's numbers are not named and quoted with the title."""
    rules = metadata_rules()
    head = reading[:min(end, _TITLE_HEAD)]
    title = rules.front_pieces(head)[0]
    plan_word = patterns.compile(f"(?:{patterns.any_word(rules.rules.plan_words)})(?:[（(][^（）()]{{1,20}}[）)])*[》。]?\\s*$")
    return [len(title)] if len(title) < len(head) and plan_word.search(title) else []


def _contents_title_breaks(reading: str) -> list[int]:
    """Around a contents page's title glued to the plan's title and its first entry (…实施方案目录一、总体要求……1), and
    after each of the entries that follow it one after another: the last one's page number is glued to the text after
    the page (…三、保障措施……7为贯彻落实…), which no marker opens."""
    styles = heading_styles()
    breaks = []
    for match in _CONTENTS_TITLE.finditer(reading):
        if _marker_at(reading, match.end(), styles):
            breaks += [position for position in (match.start(), match.end()) if position > 0]
            breaks += _contents_entry_ends(reading, match.end())
    return breaks


def _contents_entry_ends(reading: str, start: int) -> list[int]:
    """Where each contents entry from ``start`` on ends, its page number read (一、总体要求……3|二、目标任务……5|)."""
    ends = []
    while (entry := _CONTENTS_ENTRY.match(reading, start)) and entry.end() < len(reading):
        ends.append(start := entry.end())
    return ends


def _signature_breaks(reading: str) -> list[int]:
    """Around a signature and its date (…执行。某市教育局2022年3月2日“…): on a line of their own, as the
    metadata reads them (rules/metadata.yaml signature_run)."""
    # a seal set on another's behalf closes the signers' line, the date has one of its own (…管理局（代章） / 2016年5月16日)
    return [position for match in _signature_runs(reading) if not _is_table_cell(reading, match.start("signer"))
            for position in (*match.span(), match.end("seal")) if 0 < position < len(reading)]


def _signature_runs(reading: str, start: int = 0) -> list[regex.Match]:
    """signature_run's matches in ``reading`` from ``start`` on, as its finditer finds them, tried only at the places of
    the run of ideographs, spaces and brackets before each place its date may open: a match's signers and seal are such
    a run, its date right after them. Searched from every place of a flattened plan, it was a seventh of extracting one."""
    rules = metadata_rules()
    pattern = rules.patterns["signature_run"]
    if rules.signature_date is None:
        return list(pattern.finditer(reading, start))
    found: list[regex.Match] = []
    tried_to = start  # the places before this were tried, or lie inside a match found
    for date in rules.signature_date.finditer(reading, start, None, True):  # overlapped: every place a date opens
        run = _SIGNER_RUN_BEFORE.match(reading, tried_to, date.start())
        for place in range(run.start(), date.start()):
            if place >= tried_to and (match := pattern.match(reading, place)):
                found.append(match)
                tried_to = match.end()
        tried_to = max(tried_to, date.start())
    return found


def _is_table_cell(reading: str, start: int) -> bool:
    """Whether the text at ``start`` is a cell of a table run onto the line: a tab before it, and another between it
    and the sentence before (…\t市政务服务数据管理局\t市财政局\t2025年6月, a task table's last row: its units and
    time limit, not a signature and its date)."""
    # looked back from the tab, no further than a sentence, without copying: a flat text has many signs
    if reading[start - 1: start] != "\t":
        return False
    tab = reading.rfind("\t", max(0, start - _SENTENCE_WINDOW), start - 1)
    return tab >= 0 and all(reading.find(mark, tab, start) < 0 for mark in "。！？")


def _in_table_run(text: str, sign: regex.Match) -> bool:
    """Whether the bullet ``sign`` is a mark inside a row of a table run onto the line: a cell's tab before it and one
    after it in its sentence (…1\t森林覆盖率（%）▲\t45\t46\t约束性: ▲ marks a binding indicator). A tab right after a
    sign parts the sign from its item (…：•\t新建社区食堂10个•\t改造…), no cell."""
    before = text.rfind("\t", max(0, sign.start() - _SENTENCE_WINDOW), sign.start())
    if before < 0 or _SENTENCE_ENDS.search(text, before, sign.start()) or _run_bullet().search(text, max(0, before - 2), before):
        return False
    after = text.find("\t", sign.end() + 1, sign.end() + _SENTENCE_WINDOW)
    return after >= 0 and not _SENTENCE_ENDS.search(text, sign.end(), after)


def _attachment_breaks(reading: str) -> list[int]:
    """Before the list of attachments after the notice's last sentence or table (…请认真贯彻执行。附件：1.…): in lined
    text it has a line of its own, where the metadata reads it."""
    return [match.start() for match in _ATTACHMENT_LIST.finditer(reading) if match.start()]


def _label_breaks(text: str) -> list[int]:
    """Where a responsibility note (责任单位：…, （牵头单位：…）) opens after a sentence end in ``text`` (folded:
    責任單位 as 责任单位): in lined text it has a line of its own, and which section it closes depends on it. A note
    with no label (（区教育局、区科协牵头，团区委配合）) has one when a heading follows it: one a sentence follows ends
    that sentence's paragraph, in lined text as well."""
    rules = responsibility_rules()
    labelled = [match.start() - (text[match.start() - 1: match.start()] in NOTE_BRACKETS)
                for match in rules.label.finditer(text) if len(match.group("word")) >= _LABEL_LENGTH]
    unlabelled = [start for start, end in bracket_groups(text) if _after_sentence_end(text, start) and _before_heading(text, end)
                  and parse_annotation(text[start + 1: end - 1], rules)]
    return sorted({start for start in labelled + unlabelled if _after_sentence_end(text, start)})


@rules_cache
def _figure_cell() -> regex.Pattern:
    """A cell of a figure alone: 92, 6.5, ≥95, 55% (fragment figure_cell)."""
    return patterns.compile(load_rule_set(rules_dir_in_force()).expanded("{figure_cell}", "fragment-figure_cell"))


@rules_cache
def _run_bullet() -> regex.Pattern:
    return patterns.compile(load_rule_set(rules_dir_in_force()).expanded("{run_bullet}", "fragment-run_bullet"))


def _item_bullets(text: str) -> list[int]:
    """Where the bulleted items of a list run onto the line open (fragment run_bullet): a sign after an end mark
    (…民生实事：•120个…, …80公里。——新增…), or next to another of the same sign with no sentence end between (…工程▪新建…
    ▪培训…: items without end marks); not a dash inside a sentence (“市场监管——公安”), nor a sign in a flattened
    table's cell or row (森林覆盖率（%）▲\t45), nor a sign named (注：带▲的为约束性指标, fragment run_bullet), nor the dot
    of a name, which is no other sign's partner either (中国•东盟博览会、中国•海南•博鳌论坛), nor a pair of dashes setting
    off a part of a sentence."""
    signs = [sign for sign in _run_bullet().finditer(text) if not _is_name_dot(text, sign)]
    inserted = _inserted_by_dashes(text, signs)
    signs = [sign for sign in signs if sign.start() not in inserted]
    starts = []
    for before, sign, after in zip([None, *signs[:-1]], signs, [*signs[1:], None]):
        if (_after_end(text, sign) or _same_item_list(text, before, sign) or _same_item_list(text, sign, after)) \
                and not _is_table_cell(text, sign.start()) and not _in_table_run(text, sign) \
                and not _inside_quotation(text, sign.start()):
            starts.append(sign.start())
    return [start for start in starts if start > 0]


def _after_end(text: str, sign: regex.Match) -> bool:
    """Whether ``sign`` opens the text or follows an end mark, a semicolon or a colon, spaces aside."""
    last_seen = _LAST_NON_SPACE.search(text, 0, sign.start())
    return last_seen is None or last_seen.group() in _SENTENCE_END | _CLAUSE_END


def _inserted_by_dashes(text: str, signs: list[regex.Match]) -> set[int]:
    """Where the two dashes stand that set off a part inserted in a sentence (glued_titles.dash_insertion: 坚持两手抓——
    既抓疫情防控——又抓经济发展，新增…): a lone pair of dashes, neither after an end mark, and no heading's marker before
    the comma after them. Items without end marks run to the next item or heading instead (一、工作目标——农村自来水普及率
    达到98%——新建改建农村供水工程35处二、保障措施各县要落实资金，…)."""
    found: set[int] = set()
    for before, first, second, after in zip([None, None, *signs], [None, *signs], signs, [*signs[1:], None]):
        if first is None or _same_item_list(text, before, first) or _same_item_list(text, second, after) \
                or _after_end(text, first) or _after_end(text, second):
            continue
        inserted = dash_insertion(text, first.start(), _title_before(text, first.start()))
        if inserted and not any_marker(heading_styles()).search(text, second.end(), inserted.end()):
            found |= {first.start(), second.start()}
    return found


def _title_before(text: str, position: int) -> str:
    """The words between a heading's marker and ``position`` when they are no longer than a title and hold no mark
    (二、基本原则|——坚持…), or none."""
    window = max(0, position - LONG_TITLE - _MARKER_REACH)
    marker = None
    for marker in any_marker(heading_styles()).finditer(text, window, position):
        pass
    title = text[marker.end(): position] if marker else ""
    return title if _TITLE_WORDS.fullmatch(title) else ""


def _is_name_dot(text: str, sign: regex.Match) -> bool:
    """Whether the bullet ``sign`` is a dot between the parts of a name (举办中国•黄山•徽州文化旅游节): ideographs on
    both sides, no more than a place's name between it and the same sign before or after it, and the name's first part
    inside a clause, not opening one (…：•控烟•新建无烟单位50个, …。•体育•建成…: a short item opening a list). An item is
    longer (…：•新建社区食堂10个•改造…)."""
    dot, start, end = sign.group(), sign.start(), sign.end()
    opening = _dotted_run_opening(text, dot, start)
    if not opening or not (_HAN.match(text, opening - 1) and _HAN.match(text, end)):
        return False
    before = text.rfind(dot, max(0, start - _NAME_PART - 1), start)
    after = text.find(dot, end, end + _NAME_PART + 1)
    return bool(before >= 0 and _HAN_PART.fullmatch(text, before + 1, start) or after >= 0 and _HAN_PART.fullmatch(text, end, after))


def _dotted_run_opening(text: str, dot: str, start: int) -> int:
    """Where the run of ``dot`` signs that holds the one at ``start`` opens: back from sign to sign while no more than a
    place's name stands between them (中国•|黄山•|徽州, •|控烟•|新建…)."""
    before = text.rfind(dot, max(0, start - _NAME_PART - 1), start)
    while before >= 0 and _HAN_PART.fullmatch(text, before + 1, start):
        start, before = before, text.rfind(dot, max(0, before - _NAME_PART - 1), before)
    return start


def _inside_quotation(text: str, position: int) -> bool:
    """Whether a quotation opened in the sentence before ``position`` is still open there (“市场监管——公安”)."""
    sentence_end = _LAST_SENTENCE_END.search(text, max(0, position - _SENTENCE_WINDOW), position)
    quoted = text[sentence_end.end() if sentence_end else max(0, position - _SENTENCE_WINDOW): position]
    return any(quoted.count(opening) > quoted.count(closing) for opening, closing in _QUOTATION_MARKS)


def _same_item_list(text: str, sign: regex.Match | None, following: regex.Match | None) -> bool:
    """Whether two bullets are of one list: the same sign, no sentence end between them."""
    return (sign is not None and following is not None and sign.group() == following.group()
            and not _SENTENCE_ENDS.search(text, sign.end(), following.start()))


def _list_label_breaks(text: str, breaks: list[int]) -> list[int]:
    """Where a label announcing the items below ends its paragraph after a sentence end (…全覆盖。主要任务：|1.…,
    …。工作措施：|（1）…): in lined text it stands on a line of its own, the list's, not the sentence's before it (whose
    year would reach the list's items)."""
    labels = (_LIST_LABEL.search(text, max(0, end - _LIST_LABEL_WINDOW), end) for end in breaks)
    return [label.start() for label in labels if label and _after_sentence_end(text, label.start())]


def _before_heading(text: str, end: int) -> bool:
    """Whether a heading's marker or the text's end follows ``end``, spaces aside."""
    after = end
    while after < len(text) and text[after].isspace():
        after += 1
    return after == len(text) or _marker_at(text, after, heading_styles()) is not None


def _after_sentence_end(text: str, start: int) -> bool:
    """Whether a sentence ends before ``start``, spaces aside (looked back without copying: a flat text has many brackets)."""
    before = start
    while before > 0 and text[before - 1] in " \u3000\u00a0":
        before -= 1
    return before > 0 and text[before - 1] in _SENTENCE_END


def _glued_title_ends(readings: list[str]) -> list[int | None]:
    """Where the title of each paragraph's heading ends when it runs into its first sentence (``readings``: the
    paragraphs folded, in order; None: no heading, or no title run on).

    An item whose siblings have titles (found running into their bodies, or standing alone before their first item)
    has one too, no more than twice as long as theirs: where nothing the genre marks a body with follows its title, a
    sentence's opening ends it (glued_titles.sibling_title_end: 调整供水价格，实施阶梯水价|要按照…, among
    编制完成专项规划|要按照…); where none does, and most of its siblings' titles are of one short length, a set form
    (指导思想, 基本原则, 目标任务), its title is as long (glued_titles.usual_title_end: 项目实施|农村幸福院建设分…).
    A list whose items are mostly sentences, titled neither so nor alone, is cut as a lined text's titles are
    (_as_sentences).
    """
    styles = heading_styles()
    markers = [_marker_at(reading, 0, styles) for reading in readings]
    # the title opens after the spaces a page may keep after its marker (五、 平价商品差价补助标准平价商品…)
    starts = [_after_spaces(reading, marker.end) if marker else 0 for reading, marker in zip(readings, markers)]
    texts = [reading[start:] if marker else "" for reading, marker, start in zip(readings, markers, starts)]  # after each marker
    # an article is a sentence: a title word before a sentence's opening ends no title in it (千人以上供水工程|由…)
    cuts = [glued_title_end(text, by_words=marker.style.style != "article") if marker else None
            for text, marker in zip(texts, markers)]
    titles = [cut or (_title_alone_length(text) if marker else None) for text, marker, cut in zip(texts, markers, cuts)]
    for siblings in _lists(markers):
        _sibling_titles(siblings, markers, texts, cuts, titles)
        _as_sentences(siblings, texts, cuts, titles)
    return [start + cut if cut else None for start, cut in zip(starts, cuts)]


def _sibling_titles(siblings: list[int], markers: list[_Marker | None], texts: list[str], cuts: list[int | None],
                    titles: list[int | None]) -> None:
    """The ``cuts`` of the items of the list ``siblings`` whose title was not found, where its other items have titles
    (``titles``): see _glued_title_ends."""
    found = [titles[index] for index in siblings if titles[index]]
    # an article is a sentence with no title (第一条为了规范…，更好地保障…), whatever its siblings
    if markers[siblings[0]].style.style == "article" or len(found) < _TITLED_SIBLINGS:
        return
    longest = max(LONG_TITLE, _SIBLING_TITLE_SPREAD * max(found))
    usual = usual_title_length([texts[index][:titles[index]] for index in siblings if titles[index]])
    for index in siblings:
        if titles[index] is None:
            cuts[index] = sibling_title_end(texts[index], longest) or (usual_title_end(texts[index], usual) if usual else None)


def _as_sentences(siblings: list[int], texts: list[str], cuts: list[int | None], titles: list[int | None]) -> None:
    """Where more items of the list ``siblings`` have no title, even among their siblings, than have one where a lined
    text's ends too, they are sentences, which hold a title word and a sentence's opening after it: an item cut only
    there (``cuts``) is not (落实优抚对象抚恤补助标准|自然增长机制…, 因工作落实不到位在专项整治|开展期间…). One item with
    no title may be a title not found (检疫监督产地检疫率… beside 疫病监测|全年完成…): beside it, only a title that reads
    as a sentence is not cut so (glued_titles.reads_as_sentence: 清明节前完成全区23处零散烈士纪念设施|集中管护…)."""
    untitled = sum(1 for index in siblings if titles[index] is None and cuts[index] is None)
    if not untitled:
        return  # most lists: each item's title found
    strict = {index: glued_title_end(texts[index], by_words=False) for index in siblings if cuts[index]}
    if untitled <= sum(1 for index in siblings if titles[index] and strict.get(index, titles[index])):
        return
    for index, cut in strict.items():
        if cut != cuts[index] and (untitled >= _SENTENCE_ITEMS or reads_as_sentence(texts[index], cuts[index])):
            cuts[index] = cut


def _after_spaces(text: str, position: int) -> int:
    return len(text) - len(text[position:].lstrip(" \u3000\u00a0"))


def _title_alone_length(text: str) -> int | None:
    """The length of ``text`` (what follows a heading marker) when it is a title alone, before its first item."""
    title = text.strip()
    return len(title) if _ends_title(title) else None


def _lists(markers: list[_Marker | None]) -> list[list[int]]:
    """The indexes of ``markers`` in each list: markers of one style numbered on from 1, closed by a marker of a style
    that came before theirs (an outer list's next item)."""
    order: list[str] = []  # styles as they first came: outer first
    open_lists: dict[str, list[int]] = {}
    lists: list[list[int]] = []
    for index, marker in enumerate(markers):
        if marker is None:
            continue
        style = marker.style.numbering
        if style not in order:
            order.append(style)
        for inner in order[order.index(style) + 1:]:
            open_lists.pop(inner, None)
        current = open_lists.get(style)
        if current is None or marker.number != markers[current[-1]].number + 1:
            current = open_lists[style] = []
            lists.append(current)
        current.append(index)
    return lists


def check_title_rules() -> list[str]:
    """Every example of headings.yaml's title_ends and boxes; one line per failure."""
    failures = []
    for example in title_ends().examples:
        marker = _marker_at(example.text, 0, heading_styles())
        after = example.text[marker.end:] if marker else example.text
        cut = glued_title_end(after)
        if after[:cut] != example.title:
            failures.append(f"headings.yaml: title_ends: example {example.text!r} gives the title {after[:cut]!r}")
    box = box_pattern()
    rules = box_rule()
    failures += [f"headings.yaml: boxes: example {text!r} does not match" for text in rules.examples if not box.match(text)]
    failures += [f"headings.yaml: boxes: not_example {text!r} matches" for text in rules.not_examples if box.match(text)]
    return failures


def _space_before(text: str, position: int) -> bool:
    return position > 0 and text[position - 1] in " \u3000\u00a0"


def _spaced_lines(written: str, text: str) -> list[str]:
    """``written`` cut at every run of spaces but those beside Latin text or numbers, or after a bare heading marker
    (read in ``text``, the same folded)."""
    pieces: list[str] = []
    start = 0
    marker = _marker_at(text, start, heading_styles())  # the marker the current piece opens with
    dates = _dates_alone(text)
    in_doc_numbers = [match.span() for match in metadata_rules().patterns["spaced_doc_number"].finditer(text)]
    for space in SPACE.finditer(text):
        before, after = text[space.start() - 1: space.start()], text[space.end(): space.end() + 1]
        if not before or not after:
            continue
        if any(start < space.start() < end for start, end in in_doc_numbers):
            continue  # 高 教〔2016〕55号: a 文号's prefix spaced out, no line ends
        beside_number = LATIN_OR_DIGIT.match(before) or LATIN_OR_DIGIT.match(after)
        beside_date = space.start() in dates or space.end() in dates
        if beside_number and not beside_date and not _opens_heading(text, start, space.end(), marker) and not _ends_heading_title(text, marker, space.start()):
            continue  # VR and AR, 建立 6 所, 2020 年: a number keeps its words (a lone 6 would pass for a page number)
        if marker and marker.end >= space.start():
            continue  # 第一章 总则: a marker keeps its title
        if _inside_book_title(text, space.start()):
            continue  # 《中共中央 国务院关于…》: the space parts two issuers of a cited document, no paragraphs
        if _inside_page_tool(text, space.start()):
            continue  # 【字号：大 中 小】: the spaces part a web page's choices of one tool, no paragraphs
        if _SPACED_OUT_WORD.fullmatch(text, max(space.start() - 2, start), min(space.end() + 2, len(text))) or (
                marker and marker.end + 1 == space.start() and _SPACED_OUT_WORD.fullmatch(text[space.start() - 1: space.end() + 2])):
            continue  # 组  长：, 李  平、: a word of two characters spaced out to the width of three
        pieces.append(written[start:space.start()])
        start = space.end()
        marker = _marker_at(text, start, heading_styles())
    pieces.append(written[start:])
    return [piece for piece in pieces if piece]


def _opens_heading(text: str, piece_start: int, position: int, piece_marker: _Marker | None) -> bool:
    """Whether a heading's marker opens at ``position``, after the piece of ``text`` from ``piece_start``: a decimal one
    (1.5) only after a piece that a marker opens or a sentence ends, not inside prose (专项资金不少于 1.5 亿元)."""
    opener = _marker_at(text, position, heading_styles())
    if opener is None or opener.parent is None or piece_marker is not None:
        return opener is not None
    before = _LAST_NON_SPACE.search(text, piece_start, position)
    return before is None or before.group() in _SENTENCE_END or before.group() in _CLAUSE_END


def _inside_book_title(text: str, position: int) -> bool:
    """Whether ``position`` falls inside a 《…》 opened in its sentence, at most _BOOK_TITLE_WINDOW characters back."""
    opened = text.rfind("《", max(0, position - _BOOK_TITLE_WINDOW), position)
    return opened >= 0 and "》" not in text[opened:position] and not _SENTENCE_END.intersection(text[opened:position])


def _inside_page_tool(text: str, position: int) -> bool:
    """Whether ``position`` falls inside a 【…】 that opens and closes within _PAGE_TOOL_WINDOW characters of it, as a web
    page's tools are bracketed (【字体：大 中 小】)."""
    opened = text.rfind("【", max(0, position - _PAGE_TOOL_WINDOW), position)
    closed = text.find("】", position, position + _PAGE_TOOL_WINDOW)
    return opened >= 0 and closed >= 0 and "】" not in text[opened:position] and "【" not in text[position:closed]


def _dates_alone(text: str) -> set[int]:
    """The edges of each date standing between spaces (上海市教育委员会 2016年2月1日 2016年…日程安排): a signature's
    date has a line of its own, and the number after it opens the next."""
    edges: set[int] = set()
    start = 0
    for space in (*SPACE.finditer(text), None):
        end = space.start() if space else len(text)
        if metadata_rules().match("signing_date", text[start:end]):
            edges |= {start, end}
        start = space.end() if space else end
    return edges


def _ends_heading_title(text: str, marker: _Marker | None, end: int) -> bool:
    """Whether ``text[:end]`` is a heading whose title ends in a title word (（三）主要目标), so that a number after it
    opens the next line (2025年，…), as it does after a line break."""
    title = text[marker.end:end] if marker else ""
    return 0 < len(title) <= LONG_TITLE and title.endswith(tuple(title_ends().words) + tuple(title_ends().whole_titles))


def _marker_at(text: str, position: int, styles: tuple[CompiledHeadingStyle, ...]) -> _Marker | None:
    match = any_marker(styles).match(text, position)
    return _marker(match, styles) if match else None


def _marker(match: regex.Match, styles: tuple[CompiledHeadingStyle, ...]) -> _Marker:
    return _Marker(match.start(), match.end(), style_of(match, styles), numeral_value(match.group("number")), decimal_parent(match))


def _paragraph_breaks(text: str, matches: list[regex.Match], styles: tuple[CompiledHeadingStyle, ...]) -> list[int]:
    """Offsets in ``text`` (the ``matches`` of its heading markers, one at least) where a paragraph opening with a
    heading marker begins."""
    if matches[-1].start() == 0:
        return []  # most lines: no marker inside
    markers = [_marker(match, styles) for match in matches]
    markers = sorted(markers + _bare_chapters(text, markers, styles), key=lambda marker: marker.start)
    numbering = _Numbering()
    breaks: list[int] = []
    heading: _Marker | None = None  # the marker opening the current paragraph
    tabs = [tab.start() for tab in _TAB.finditer(text)]  # looked up, not searched for at every marker
    for marker in markers:
        skipped_to = numbering.skips_one(marker) and _title_alone(text, marker, styles)
        if not (numbering.fits(marker) or skipped_to) or _is_cited(text, marker) or _row_number_cell(text, tabs, marker):
            continue
        # After a flattened table, the next heading of the list the table sits in (not a cell's own 1.)
        first_tab = bisect_left(tabs, breaks[-1] if breaks else 0)
        after_cells = first_tab < len(tabs) and tabs[first_tab] < marker.start and numbering.continues(marker)
        if after_cells or _opens_paragraph(text, marker, heading, numbering):
            numbering.take(marker)
            page = _page_mark_before(text, marker.start)
            breaks += [page.start(), marker.start] if page else [marker.start]  # the page's number a line of its own
            breaks += [marker.title_end] if marker.title_end else []
            heading = marker
    return [start for start in breaks if start > 0]


def _row_number_cell(text: str, tabs: list[int], marker: _Marker) -> bool:
    """Whether ``marker`` is a flattened table's row number (…完成时限1.1\t新建…, …12月底前2.1\t完成…; ``tabs``: where
    the text's tabs are): a cell of its own, glued to the cell before it, a tab after the number and a tab before it
    as near as a cell is long, no sentence ended between. A title between two tables (…\t200（二）…补偿标准序号\t…)
    is no cell of its own."""
    after = bisect_left(tabs, marker.start)
    if after == 0 or after == len(tabs) or text[marker.end:tabs[after]].strip():
        return False
    before = tabs[after - 1]
    return marker.start - before <= _CELL_REACH and not _SENTENCE_ENDS.search(text, before, marker.start)


def _bare_chapters(text: str, markers: list[_Marker], styles: tuple[CompiledHeadingStyle, ...]) -> list[_Marker]:
    """Chapters numbered by a bare number whose style wants its title alone on its line (1 规划总则, as 国土空间规划
    number them), run into the first item below them (…）1 规划总则1.1 规划目的…): found before each N.1, where a line
    end before it lets the chapter's style match with the number N."""
    chapters = []
    for marker in markers:
        first = _FIRST_DECIMAL.match(text, marker.start, marker.end)
        parent = first.group("parent") if first else None
        for start in range(max(0, marker.start - _BARE_TITLE_WINDOW), marker.start) if parent else ():
            if text.startswith(parent, start) and not text[start - 1: start].isdigit():
                chapter = _marker_at(text[:marker.start].rstrip(" \u3000\u00a0"), start, styles)
                if chapter and chapter.number == int(parent) and chapter.style.numbering != marker.style.numbering:
                    chapters.append(chapter)
                    break
    return chapters + _itemless_chapters(text, chapters, styles)


def _itemless_chapters(text: str, chapters: list[_Marker], styles: tuple[CompiledHeadingStyle, ...]) -> list[_Marker]:
    """The bare chapters with no items after each of the ``chapters`` found before their first items, up to the next
    (…应急处置。2 组织指挥体系市防汛抗旱指挥部负责…。3 应急响应3.1…, as an 应急预案 has chapters of one paragraph):
    the next number right after a sentence end, and a title a body's opening ends (glued_titles.glued_title_end),
    where its style's line end was (its ``title_end``)."""
    found: list[_Marker] = []
    bounds = sorted(chapters, key=lambda chapter: chapter.start)
    for chapter, following in zip(bounds, [*bounds[1:], None]):
        last, end = chapter, following.start if following else len(text)
        while following is None or last.number + 1 < following.number:
            marker = _itemless_chapter(text, last, end, styles)
            if marker is None:
                break
            found.append(marker)
            last = marker
    return found


def _itemless_chapter(text: str, chapter: _Marker, end: int, styles: tuple[CompiledHeadingStyle, ...]) -> _Marker | None:
    """The chapter numbered after ``chapter``, of its style, opening after a sentence end before ``end`` with a title
    run into its body."""
    numbers = _NUMBER_AFTER_SENTENCE_END.finditer(text, chapter.end, end)
    number = next((found for found in numbers if int(found.group("number")) == chapter.number + 1), None)
    if number is None:
        return None
    title_start = _after_spaces(text, number.end())
    title = glued_title_end(text[title_start:end])
    marker = _marker_at(text[:title_start + title], number.start(), styles) if title else None
    if marker is None or marker.style.numbering != chapter.style.numbering:
        return None
    return replace(marker, title_end=title_start + title)


def _title_alone(text: str, marker: _Marker, styles: tuple[CompiledHeadingStyle, ...]) -> bool:
    """Whether a short title follows ``marker``, closed by what its line end became: spaces, or the marker of its
    first item (六、有关要求    （一）…, 四、工作要求1.…), as a part's title stands alone on its line."""
    title = _PART_TITLE.match(text, marker.end)
    if title is None:
        return False
    after = _marker_at(text, title.end(), styles)
    return _space_before(text, title.end() + 1) or (after is not None and after.number == 1)


def _page_mark_before(text: str, position: int) -> regex.Match | None:
    """A page's number between dashes right before ``position`` (— 1 —), looked for in a window: a search back over the
    whole text for every marker made a flattened text quadratic."""
    return _PAGE_MARK_BEFORE.search(text, max(0, position - _PAGE_MARK_WINDOW), position)


def _is_cited(text: str, marker: _Marker) -> bool:
    """Whether ``marker`` is a number a sentence cites: a cross-reference (按照本条第（一）款), a form's number
    (《…审批表》（1）（详见附表）, 审批表（1）、（2））; a form's own number in brackets after its name, run into its
    first cell (附表…审批表（1）医疗机构（盖章）：…); the number closing a note or a formula (（见附件1）, SUM(1+1)); a
    table's or a figure's caption number (表1柏川市“十四五”…主要指标, a workbook's title row: no chapter 1 after 表)."""
    # (a marker opening the text has nothing before it: a negative start would read the text's end)
    return (marker.start >= len(_FORM_NAME_END) and text.startswith(_FORM_NAME_END, marker.start - len(_FORM_NAME_END))
            and text[marker.start] in NOTE_BRACKETS
            or marker.style.numbering == "bare" and marker.start > 0 and text.startswith(_CAPTIONED, marker.start - 1)
            or any(pattern.match(text, marker.end) for pattern in (_CROSS_REFERENCE, _CITED_NUMBER_END, _BRACKETED_NUMBER_NOTE))
            or _closes_open_bracket(text, marker))


def _closes_open_bracket(text: str, marker: _Marker) -> bool:
    """Whether ``marker`` ends with a bracket (1）, 1)) that closes one opened before it in its sentence and left
    open: a list's item opens its own brackets or none."""
    written = text[marker.start:marker.end].rstrip()
    if not written or written[-1] not in _CLOSING_ROUND or _OPENING_ROUND & set(written):
        return False
    depth = 0  # brackets closed between the marker and the one looked at
    for character in reversed(text[max(0, marker.start - _BRACKETED_WINDOW):marker.start]):
        if character in TITLE_STOPS:
            return False
        if character in _OPENING_ROUND:
            if not depth:
                return True
            depth -= 1
        depth += character in _CLOSING_ROUND
    return False


def _opens_paragraph(text: str, marker: _Marker, heading: _Marker | None, numbering: _Numbering) -> bool:
    # What comes before the marker, spaces aside, from the last sentence end on: all that the tests
    # below read, found backwards from the marker and within a window (the whole text before it, or all
    # back to a sentence end a flattened table never has, made a flattened text quadratic).
    # A PDF's page number glued before the marker (…达到100%。— 1 —2.建设…) stood on a line of its own: read what is before it
    page = _page_mark_before(text, marker.start)
    last_seen = _LAST_NON_SPACE.search(text, 0, page.start() if page else marker.start)
    if last_seen is None:
        return True
    end = last_seen.end()
    window = max(0, end - _SENTENCE_WINDOW)
    sentence_end = _LAST_SENTENCE_END.search(text, window, end)
    before = text[sentence_end.start() if sentence_end else window: end]
    whole = sentence_end is not None or window == 0  # else ``before`` opens inside a sentence
    spaced = end < marker.start
    last = before[-1]
    if _CONTENTS_PAGE.search(before):
        return True  # 一、总体要求……1（一）指导思想……1: the entries of a contents page
    if last in _OPENING or LATIN_OR_DIGIT.match(last):
        return False
    if spaced and marker.parent is not None and last not in _SENTENCE_END and measure_word().match(text, _after_spaces(text, marker.end)):
        return False  # 在校学员 1.1 万人: a spaced copy's amount in a sentence, not item 1 under 1
    if spaced or last in _SENTENCE_END or last in _CLOSING:
        return True
    if last in _CLAUSE_END and marker.style.rule.inline_lists:
        return _announces_paragraphs(before) and _items_are_titled_paragraphs(text, marker)
    # An article's conditions are clauses of its sentence (第九条…应当符合下列条件：（一）年满16周岁…；（二）…), each closed by ；
    in_article = heading is not None and heading.style.style == "article"
    if last in "；;":
        return not (in_article or _goes_on_inline_list(before))
    if last in _CLAUSE_END:
        return not (in_article or _introduces_inline_list(before)) or _items_are_paragraphs(text, marker)
    if last in _NUMERAL_CHARS:
        return False  # the 一、 of 十一、
    if (marker.number == 1 or not numbering.last and numbering.skips_one(marker)) and (_is_title(before) or _closes_with_signature(before)):
        # 某市城市绿化管理办法第一章总则…: the plan's title runs into its first heading; …执行。某县人民政府办公室2024年3月5日
        # 一、总体要求: the plan opens after the notice's signature and date; 某市…行动方案二、重点任务（一）…: a copy cut before its 一、
        return True
    if (whole and _ends_label_line(before)) or _after_responsibility_note(before):
        return True  # 责任单位：区文旅局，区文化中心2.开展…: a label's list has no full stop
    # the numbering first, told at once: the bullets are read through all the window before the marker where no sentence
    # ends near it (一、一、… on one line)
    if (numbering.continues(marker) or heading is not None and numbering.opens_inner_list(marker, heading)) and _item_bullets(before):
        return True  # …：•120个行政村完成…•城镇新增就业2500人二、重点任务: a bulleted item has no end mark
    return heading is not None and end - heading.end <= TITLE_LENGTH and _ends_title(text[heading.end: end]) and (
        numbering.continues(marker) or numbering.opens_inner_list(marker, heading)
    )


def _closes_with_signature(before: str) -> bool:
    """Whether the text since the last sentence end is a signature and its date (…执行。某县人民政府办公室2024年3月5日),
    as the metadata reads them (rules/metadata.yaml signature_run)."""
    # searched in the tail such a signature can span, whose lookbehind still reads what is before it: ``before`` may
    # run back a whole window inside a sentence (一、一、… on one line: each marker searched 2,000 characters)
    return any(match.end() == len(before) for match in _signature_runs(before, max(0, len(before) - _SIGNATURE_REACH)))


def _ends_label_line(before: str) -> bool:
    """Whether the text since the last sentence end is a label and its list (责任单位：区文旅局，区文化中心), not a
    label announcing a list run into it (附件：1.…2.…: rules/headings.yaml inline_list_intros), whose items open nothing."""
    line = _LABEL_LINE.search(before)
    return line is not None and not any(word in fold(line.group("label")) for word in inline_list_intros())


def _is_title(before: str) -> bool:
    """Whether the text since the last sentence end is a document's title (…管理办法, …实施方案（2021—2025年）):
    no clause in it, and a name's last word at its end (rules/metadata.yaml name_endings)."""
    title = before.lstrip("。！？!?")
    return len(title) <= _NAME_LENGTH and not _CLAUSE_ENDS.search(title) and bool(metadata_rules().name_end.search(title))


def _after_responsibility_note(before: str) -> bool:
    """Whether the sentence before ends in a responsibility note (…牵头单位：区经发局配合单位：区交建局)."""
    sentence = before.lstrip("。！？!?")  # ``before`` opens at the last sentence end, if any: no other is in it
    return bool(responsibility_rules().label.search(fold(sentence)))


def _items_are_paragraphs(text: str, marker: _Marker) -> bool:
    """Whether the list a colon announces is one of paragraphs, not an enumeration run into its sentence: its next
    item follows a sentence end (分为四个阶段：（一）企业自查阶段（…）。…。（二）…), where an enumeration parts its
    items with ；or 、 (主要包括以下六类：（一）传统口头文学；（二）…)."""
    item_end = _item_end(text, marker)
    return item_end is not None and text[item_end - 1] in _SENTENCE_END


def _items_are_titled_paragraphs(text: str, marker: _Marker) -> bool:
    """Whether the items of a style plans run into their sentence (inline_lists) are paragraphs after a colon: each
    a title and its body, its next item after a sentence end (程序如下：（1）信息采集。各部门收集…信息。（2）…), where
    an item run into its sentence is one sentence (具体做到：（1）严格实行首件分析制度。（2）推行…；)."""
    item_end = _item_end(text, marker)
    if item_end is None or text[item_end - 1] not in _SENTENCE_END:
        return False
    title_end = _SENTENCE_ENDS.search(text, marker.end, item_end)
    return title_end is not None and title_end.end() < item_end and len(text[marker.end:title_end.start()]) <= TITLE_LENGTH


def _item_end(text: str, marker: _Marker) -> int | None:
    """Where the item ``marker`` opens ends, spaces aside: before the next number of its list, looked for within a
    sentence window (linear); None when none follows there."""
    styles = heading_styles()
    for match in any_marker(styles).finditer(text, marker.end, marker.end + _SENTENCE_WINDOW):
        found = _marker(match, styles)
        if found.style.numbering == marker.style.numbering and found.number == marker.number + 1:
            last_seen = _LAST_NON_SPACE.search(text, marker.end, found.start)
            return last_seen.end() if last_seen else None
    return None


def _goes_on_inline_list(before: str) -> bool:
    """Whether a marker after a ；opens the next item of an enumeration its sentence announced (成果包括：1、…；2、…；
    3、…；4、…), whose number may go on from the heading above (3.开展调查 … 4、 is no heading 4)."""
    colon = max(before.rfind("："), before.rfind(":"))
    return colon >= 0 and _introduces_inline_list(before[:colon + 1])


def _introduces_inline_list(before: str) -> bool:
    """Whether the clause before a colon announces an enumeration run into its sentence (主要包括以下六类：)."""
    return any(word in _colon_clause(before) for word in inline_list_intros())


def _announces_paragraphs(before: str) -> bool:
    """Whether the clause before a colon announces a block of paragraphs (一般遵循以下程序：, 具体要求如下：), not an
    enumeration run into its sentence (包括以下几类：, 具体做到：)."""
    clause = _colon_clause(before)
    return any(word in clause for word in block_list_intros()) and not _introduces_inline_list(before)


def _colon_clause(before: str) -> str:
    """The clause ``before`` closes with its colon, folded; empty when it closes with none."""
    return fold(_CLAUSE_ENDS.split(before)[-1]) if before[-1] in "：:" else ""


def _ends_title(title: str) -> bool:
    """Whether ``title`` is a whole heading title: short, and no sentence in it."""
    return 0 < len(title) <= TITLE_LENGTH and not TITLE_STOPS & set(title)
