"""Targets in indicator tables (主要指标表): one row an indicator, one column its target.

A table is an indicator table when one header names the indicator (指标,
指标名称) and another the target (目标, 规划值, 预期值, or a year in the plan's
period such as 2025年). The unit comes from the cell (``110个``), a 单位 column or
the indicator's own brackets (``公民具备科学素质比例（%）``), with 万/亿 folded into
the value; a target column no year heads (目标值, 预期值) is due the year its caption
names or the plan's last. A task split over places by measure (分县任务表: 县（市、区） | 新增学位（个） | 数字化率（%）) gives each
place's cell of each measure, due the year its caption names (（到2026年底）) or the plan's end. A table of yearly rows (年度计划表: a 年度 column of years, each other
column a measure) is one turned round: each cell is its column's target for its row's year.
A task table (分工表: a task column beside a lead or support unit column) gives
the numbers of its task cells, read as the body's text is, each due in the
year of its row's 时限 cell.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Callable, Iterator, Literal, Optional

import regex

from . import patterns
from .models import Section, TableData, Target
from .folding import fold
from .indicator import indicator_rules, things_shared
from .responsibilities import named_task_column, task_column
from .rules import Lexicon, RuleSet, rules_cache
from .outline import Outline
from .tables import (UNIT_IN_NAME, folded_table, unit_in_name, group_year, names_a_column, note_label, spaceless, total_row_label,
                     value_header_words)
from .values import json_number, parse_amount, read_quantity

RULE_ID = "indicator-table"
BEFORE_PLAN = "year-before-plan"  # the cue of a target due before the plan's first year
BASE_ROW = "base-year-row"  # the cue of a table's yearly row its year cell notes as the base (2023年（基期）)
BASE_COLUMN = "base-year-column"  # the cue of a cell of a column of the plan's base (2020年 in a 2021–2025 plan, 现状值)
# a span's column is due by its last year: 2024—2026年 (a plan's three years together) by 2026
_YEAR_HEADER = r"(?:(?:19|20)\d{2}\s*年?\s*[—–－\-~～至]\s*)?(?P<year>(?:19|20)\d{2})\s*年?"
_BRACKETED_YEAR = patterns.compile(r"[（(]\s*(?:19|20)\d{2}\s*年?\s*[）)]")  # a column's year after its name: 年度筹集任务（2024年）
_YEAR_IN_HEADER = patterns.compile(_YEAR_HEADER)  # 规划目标年（2025年）: a target word first, its year after it
_HAN_WORDS = patterns.compile(r"\p{Han}{2,}")  # what a year column's header names after its year: words alone, no note
# the year cell of a table of yearly rows, with its note if any (2023年（基期）, 2025年(目标))
_ROW_YEAR = patterns.compile(r"\s*(?P<year>(?:19|20)\d{2})\s*(?:年度?)?\s*(?:[（(](?P<note>[^（）()]{1,8})[）)])?\s*")

# what a column's cells measure beside a target's level: nothing, the row's yearly change (年均增长（%）) or its change
# over the whole plan ("十四五"累计)
ChangeColumn = Literal["", "yearly", "total"]
# reads a task cell: its text, the headings above the table, the year its row is due (or None)
CellReader = Callable[[str, tuple[str, ...], Optional[int]], list[Target]]
# reads a time limit cell: the frequency and the ISO 8601 period of the repeat it says (每年, 每季度), or (None, None)
CadenceReader = Callable[[str], tuple[Optional[str], Optional[str]]]
# reads a time limit (a 时限 cell, a note's 完成时限：…, a table's caption) as the text's words of time are read
# (SentenceReader.time_limit): the last year it writes (2025年底前, 2022—2025年: 2025; 2025年元旦前: 2024; none for a start,
# 2025年7月起), and the year its time says in the plan where it writes none (全年, 6月底前 of a one-year plan), or None
TimeLimitReader = Callable[[str], tuple[Optional[int], Optional[int]]]


def _no_time_read(time_limit: str) -> tuple[Optional[int], Optional[int]]:
    return None, None


@dataclass(frozen=True)
class _Headers:
    """What the header words of rules/indicators.yaml make of a header cell."""

    indicator: regex.Pattern
    place: regex.Pattern  # fullmatch: the column of the places a task is split over (区域, 县（市、区）)
    target: regex.Pattern
    not_value: regex.Pattern
    unit: regex.Pattern
    deadline: regex.Pattern
    content: regex.Pattern  # a 分工表's columns of what each task builds or reaches (建设内容及目标)
    year_row: regex.Pattern
    total_row: regex.Pattern
    place_name: regex.Pattern  # fullmatch: a place's name heading its column (东川区, 临溪县), never the whole (全市)
    base_row: regex.Pattern
    yearly_change: regex.Pattern  # a column of each row's yearly change over the plan (年均增长（%）)
    period_total: regex.Pattern  # a column of each row's change over the whole plan ("十四五"累计)


@rules_cache
def _headers() -> _Headers:
    rules = indicator_rules()
    return _Headers(_any_word(rules.indicator_headers), _place_header(rules.place_headers, rules.place_levels), patterns.compile(f"{patterns.any_word(rules.target_headers)}|{_YEAR_HEADER}"),
                    _not_value_header(rules.not_value_headers, rules.value_word_endings), _any_word(rules.unit_headers), _deadline_header(rules.deadline_headers, rules.deadline_cells),
                    _any_word(rules.content_headers), _any_word(rules.year_row_headers), total_row_label(),
                    patterns.compile(rf"(?!全)\p{{Han}}{{1,6}}(?:{patterns.any_word(rules.place_name_endings)})"),
                    _any_word(rules.base_row_notes), _any_word(rules.yearly_change_headers), _any_word(rules.period_total_headers))


_NOTE_COLONS = ("：", ":")  # what _due_note's label is followed by: in its pattern, and tested for before it


@rules_cache
def _due_note() -> regex.Pattern:
    """A time-limit note in the text, labelled as a 分工表's 时限 column is headed (完成时限：…), to its clause's end."""
    return patterns.compile(rf"(?:{patterns.any_word(indicator_rules().deadline_headers)})\s*[{''.join(_NOTE_COLONS)}](?P<due>[^，,；;。）)]*)")


def due_note_year(text: str, read_time: TimeLimitReader) -> Optional[int]:
    """The year a time-limit note in ``text`` says, as a 分工表 row's 时限 cell does (完成时限：2025年12月底前, 完成时限:2025年6月
    in a responsibility note): the last it writes, read by ``read_time``; None where ``text`` holds no note or one of no year
    (完成时限：持续推进).
    A note's label is followed by a colon: a text without one (five paragraphs of six) is not searched for the labels."""
    if not any(colon in text for colon in _NOTE_COLONS):
        return None
    note = _due_note().search(text, None, None, patterns.NOT_CONCURRENT)
    return read_time(note.group("due"))[0] if note else None


def _place_header(headers: list[str], levels: list[str]) -> regex.Pattern:
    """A place column's header (rules/indicators.yaml place_headers, place_levels): 区域, 区县, 各县（市、区）, 市（州）,
    its brackets full-width or not (乡(镇), as a crawled page's table may write them)."""
    level = patterns.any_word(levels)
    return patterns.compile(f"{patterns.any_word(headers)}|各?(?:{level})+(?:[（(](?:{level})(?:、(?:{level}))*[）)](?:{level})*)?")


def _deadline_header(words: list[str], cells: list[str]) -> regex.Pattern:
    """A time limit's header: one of ``words`` anywhere in it (完成时限, 时间节点), or one of ``cells`` as the whole of it (时间)."""
    return patterns.compile(f"{patterns.any_word(words)}|^\\s*(?:{patterns.any_word(cells)})\\s*$")


def _not_value_header(words: list[str], value_word_endings: list[str]) -> regex.Pattern:
    """A header of no values (属性, 单位, 指标: rules/indicators.yaml not_value_headers), unless a value's word closes its
    word (value_word_endings): 指标值 over 2020年 | 2025年 heads the values of each year, 指标 the indicators."""
    return patterns.compile(f"(?:{patterns.any_word(words)})(?!{patterns.any_word(value_word_endings)})")


def _any_word(words: list[str]) -> regex.Pattern:
    return patterns.compile(patterns.any_word(words))
# the unit a caption or a note gives every cell of its table: 套（间）, 万元 (its note in brackets dropped)
_TABLE_UNIT = r"(?P<unit>[^（）()：:，,。；\s]{1,6})(?:[（(][^（）()]{1,4}[）)])?"
# a caption's: …任务分解表（单位：套（间））, 单位：万元
_CAPTION_UNIT = patterns.compile(rf"(?:计量)?单位\s*[：:]\s*{_TABLE_UNIT}\s*[）)]?\s*$")
# a note under a table giving the unit of all its cells (注：单位为公里。 注：表中数据单位均为万元，…), after its label (note_label)
_NOTE_UNIT = rf"\s*(?:本表|表中|上表)?(?:数据|数值|指标)?(?:计量)?单位均?\s*(?:为|是|[：:])\s*{_TABLE_UNIT}\s*(?:[。；，,]|$)"
# the caption of an attached table: 附件：…, 附表1：…, or 附件 run into a table's title (附件重点任务分工表)
_ATTACHED = patterns.compile(r"\s*附(?:件|表)\s*\d*\s*(?:[:：]|[^。；:：]*表\s*(?:[（(].*[）)])?\s*$)")
_TOTAL_BRACKET = patterns.compile(r"\s*[\[［〔【]")  # a target cell's opening bracket: a total over the plan
_NO_UNIT = patterns.compile(r"[—－\-/／]*")  # a unit cell left blank by a dash: the value has no unit
# A space between two words' characters in a row's name (规模化供水工程覆盖 农村人口比例): where its cell's lines were joined
# (a page's <br>, a cell's second paragraph) or its glyphs spaced out, no part of the name; Latin words keep theirs
_WRAP_IN_A_NAME = patterns.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")
# A target cell: ≥95, >16, 95以上, 约10, 2-3, and [18] (national plans bracket a five-year total)
# and a ratio, 1:1.2 (医护比), read as the text's ratios are: the second term is the unit; a cell of a yearly column
# may say when in its year and what is done, before the value (2024年底前完成80, 6月底前建成10): the column's year is its deadline
_CELL = (r"(?:(?:19|20)\d{2}\s*年\s*(?:\d{1,2}\s*月)?\s*(?:底|末)?\s*(?:前|以前|之前)?\s*(?:完成|建成|达到|实现|新增|新建|改造|累计完成)?)?"
         r"[\[［〔【]?(?P<sign>{comparator_sign})?\s*(?P<cmp_before>{comparator_before})?(?P<amount>{arabic_amount})"
         r"(?:\s*[:：∶]\s*(?P<second_term>\d+(?:\.\d+)?))?\s*(?:%|(?P<unit>{unit}))?\s*(?P<cmp_after>{comparator_after})?[\]］〕】]?(?:{cell_note_mark})?(?:{cell_note})?")


@dataclass(frozen=True)
class Columns:
    """An indicator table's columns: the indicator's, each target column with its year, the unit's."""

    indicator: int  # the column naming each row's indicator; in a table of yearly rows, each row's year
    targets: tuple[tuple[int, Optional[int]], ...]  # each target column and its year (the deadline of its cells)
    unit: Optional[int]
    yearly_rows: bool = False  # 年度计划表: the indicator is the target column's header, the deadline the row's year
    # a task split over places, due the year its caption names: "rows" (分县任务表: each row a place, in the indicator
    # column, each target column a measure its header names with its unit) or "columns" (指标分解表: each row an
    # indicator, each target column a place its header names); a place's cell of 0 is no share of the task
    places: str = ""
    # the indicator column names places (区县 | 年度筹集任务（2024年）（套） | …): a row of their total (合计) adds up theirs, and a
    # cell is named by its place and what its column measures
    place_named: bool = False
    bases: tuple[tuple[int, Optional[int]], ...] = ()  # each column of where the plan starts (2020年, 基期值) and its year
    # each column of the yearly change of its row's indicator (年均增长（%）), due by the last target column's year
    changes: tuple[tuple[int, Optional[int]], ...] = ()
    # each column of its row's change over the whole plan ("十四五"累计, 【14】), due by the last target column's year
    totals: tuple[tuple[int, Optional[int]], ...] = ()

    @property
    def measured(self) -> tuple[tuple[int, Optional[int]], ...]:
        """Each column whose cells are targets, with its year: the target columns, and those of a change."""
        return self.targets + self.changes + self.totals


@dataclass(frozen=True)
class TableLayout:
    """What a table's header makes of it: an indicator table (``indicator``), a 分工表 (``task``, its column of
    tasks, ``due``, its column of time limits, and ``content``, its columns of what each task builds or reaches), or
    neither (both None: its numbers give no targets)."""

    indicator: Optional[Columns] = None
    task: Optional[int] = None
    due: Optional[int] = None
    content: tuple[int, ...] = ()
    # the year each content column names (2025年目标 beside 建设内容), its cells due then rather than the row's 时限
    content_years: tuple[Optional[int], ...] = ()
    # how a 时限 cell is read: as the text's words of time (2025年元旦前, 2025年7月起, 全年, 6月底前 of a one-year plan)
    read_time: TimeLimitReader = _no_time_read

    def due_year(self, row: list[str], group: Optional[int] = None) -> Optional[int]:
        """The year a 分工表 row is due by: the last year its 时限 cell writes (2022—2025年 is due by 2025, 2025年元旦前 by
        2024); where it writes none, the year of the row's ``group`` (第二阶段（2025—2026年） over it), else the year its time
        says in the plan (全年 in a one-year plan): both as ``read_time`` reads them."""
        written, said = self.read_time(self.due_cell(row))
        return written or group or said

    def content_due(self, row: list[str], group: Optional[int] = None) -> Iterator[tuple[int, Optional[int]]]:
        """Each content column of a 分工表 row with the year its cell is due by: its column's year, else the row's 时限
        (or its ``group``'s year)."""
        row_year = self.due_year(row, group)
        for column, year in zip(self.content, self.content_years or (None,) * len(self.content)):
            yield column, year or row_year

    def due_cell(self, row: list[str]) -> str:
        """The 时限 cell of a 分工表 row, folded as the text is (２０２４年６月底前 typed full-width is 2024年6月底前), empty
        when the table has none or the row is short."""
        return fold(row[self.due]) if self.due is not None and self.due < len(row) else ""


def table_layout(table: TableData, start_year: int | None, rule_set: RuleSet, taiwan: bool | None = None,
                 unit_given: bool = False) -> TableLayout:
    """The layout of a table, as written or folded: its header and cells are read folded (時限 is 时限) in the
    document's wording (``taiwan``); ``rule_set`` knows the periods a header may name (the five-year plans);
    ``unit_given``: whether its caption splits a task and gives its cells a unit (splits_a_task)."""
    table = folded_table(table, taiwan)
    columns = _columns(table.header, start_year, rule_set) or _measures_by_place(table.header, unit_given)
    if columns is not None:
        return TableLayout(indicator=columns)  # read cell by cell, even with a task column beside it
    task = task_column(table)
    headers = _headers()
    yearly_rows = _yearly_columns(table) if task is None else None
    if task is None and yearly_rows is None and any(headers.deadline.search(name) or headers.content.search(name) for name in table.header):
        # a list of tasks or projects that names no unit but when each is done or what it builds (重点任务 | 完成时限,
        # 项目名称 | 建设内容 | 建设年限) is read as a 分工表; a list of names alone (项目名称 | 面积) sets no task
        task = named_task_column(table)
    if task is None:
        return TableLayout(indicator=yearly_rows or _content_by_year(table, start_year, rule_set))
    content = tuple(i for i, name in enumerate(table.header) if i != task and headers.content.search(name))
    yearly = _columns(table.header, start_year, rule_set, task)
    years = dict(yearly.targets) if yearly is not None and all(year is not None for _, year in yearly.targets) else {}
    if years and all(column in years for column in content):
        # a 年度任务分解表 (任务 | 单位 | 2024年 | 2025年 | 2026年 | 牵头单位): the task names each row, each year's cell its target
        return TableLayout(indicator=yearly)
    measured = [column for column in content if column not in years and (yearly.unit is not None or _names_its_unit(table, column))
                ] if yearly is not None and years else []
    if measured and _holds_figures(table, years, rule_set):
        # a project's yearly figures (项目名称 | 建设内容 | 2024年 | 2025年 | 2024—2026年): what it builds, its unit in
        # brackets (新建集中供水工程（处）) or in a 单位 column, names each of its year's figures
        return TableLayout(indicator=replace(yearly, indicator=measured[0]))
    # a project list (项目名称 | 建设内容 | 2025年目标 | 责任单位): beside what each project builds, a year's column says,
    # in words, what it does by then; its rows are projects, not indicators
    content = tuple(sorted({*content, *years}))
    return TableLayout(task=task, due=next((i for i, name in enumerate(table.header) if i != task and headers.deadline.search(name)), None),
                       content=content, content_years=tuple(years.get(column) for column in content))


def _names_its_unit(table: TableData, column: int) -> bool:
    """Whether every written cell of ``column`` ends with its unit in brackets (新改建农村公路（公里）)."""
    cells = [row[column] for row in table.rows if column < len(row) and row[column].strip()]
    return bool(cells) and all(UNIT_IN_NAME.search(cell) for cell in cells)


def _holds_figures(table: TableData, columns: dict[int, Optional[int]], rule_set: RuleSet) -> bool:
    """Whether every written cell of ``columns`` is a value alone (10, ≥95, 3万), not words of what is done by then."""
    cell = cell_pattern(rule_set)
    cells = [row[column] for row in table.rows for column in columns if column < len(row) and row[column].strip()]
    return bool(cells) and all(cell.fullmatch(text.strip()) for text in cells)


def table_targets(tables: list[TableData], outline: Outline, rule_set: RuleSet, start_year: int | None,
                  taiwan: bool | None = None, end_year: int | None = None, read_time: TimeLimitReader = _no_time_read) -> list[Target]:
    """The targets of every indicator table, placed under the headings above the table (``taiwan``: the document's
    wording, in which its cells are read; ``end_year``: the plan's last, when neither a target column's header nor the
    table's caption names a year, as ``read_time`` reads it)."""
    cell = cell_pattern(rule_set)
    targets: list[Target] = []
    for table in tables:
        unit = caption_unit(table, outline)
        columns = table_layout(table, start_year, rule_set, taiwan, splits_a_task(table, outline, unit)).indicator
        if columns is not None:
            lines, trail = outline.row_lines(table), table_trail(table, outline)
            targets += [placed(target, table, trail, lines[row] if lines else None) for row, _, target
                        in indicator_cells(table, columns, cell, rule_set, start_year, unit, taiwan,
                                           caption_year(table, outline, read_time) or end_year)]
    return targets


def caption_unit(table: TableData, outline: Outline) -> str:
    """The unit the caption above ``table`` (…任务分解表（单位：套（间））: 套), its corner or a note gives all its cells,
    else "": its corner's 单位：万元 in a row of its own over the header or in a header cell (指标名称（单位：万元））, the
    note (注：单位为公里) under the table, or in a row of its own, written across it (a web page's colspan cell)."""
    header = "\t".join(table.header)
    at = outline.header_block(table.line or 0, header)
    above = [outline.blocks[at - 1].paragraph.text] if at > 0 else []
    if at < len(outline.blocks) and outline.blocks[at].paragraph.in_table:  # the header as written, or a row over it
        above += outline.blocks[at].paragraph.text.split("\t")
    after = outline.paragraph_after(table.line or 0, header, len(table.rows))
    notes = [row[0] for row in table.rows if not any(row[1:])] + ([after.text] if after is not None else [])
    # a unit that names a column is a corner's 单位：万元 run into the header's 序号 (the line breaks lost): no unit
    found = next((unit for unit in map(_CAPTION_UNIT.search, above + table.header) if unit and not names_a_column(unit["unit"])), None) \
        or next(filter(None, map(_note_unit().match, notes)), None)
    return found["unit"] if found else ""


@rules_cache
def _note_unit() -> regex.Pattern:
    return patterns.compile(note_label() + _NOTE_UNIT)


def splits_a_task(table: TableData, outline: Outline, unit: str) -> bool:
    """Whether the caption above ``table`` says it splits a task (rules/indicators.yaml split_caption_words: …任务分解表,
    …指标分解表) and its cells have a ``unit`` (caption_unit): its measures' headers need name none. The caption may
    stand over the corner's unit on a line of its own (…任务分解表 / 单位：公里). A caption of what there is or was
    (…现状指标统计表, …任务完成情况表: present_caption_words) splits none (reader T19)."""
    caption = fold(_caption(table, outline))
    return bool(unit) and _split_caption().search(caption) is not None and _present_caption().search(caption) is None


def _caption(table: TableData, outline: Outline) -> str:
    """The caption above ``table``, over the corner's unit on a line of its own if any (…任务分解表 / 单位：公里); with the
    line breaks lost the caption closes the paragraph above it, after its last 。."""
    at = outline.header_block(table.line or 0, "\t".join(table.header))
    above = [block.paragraph.text for block in outline.blocks[max(0, at - 2):at]]
    caption = above[-1] if above and not _CAPTION_UNIT.match(above[-1].lstrip("（( ")) else "".join(above)
    return caption.rsplit("。", 1)[-1]


@rules_cache
def _split_caption() -> regex.Pattern:
    return _any_word(indicator_rules().split_caption_words)


@rules_cache
def _present_caption() -> regex.Pattern:
    return _any_word(indicator_rules().present_caption_words)


def _whole_before(names: list[str], at: int, taiwan: bool | None, first: int = 0) -> str:
    """The measure that the part named at ``at`` of ``names`` (the rows' names, or a header's from its ``first`` measure)
    is of: the last name before it that no part word opens (养老机构床位数 | 其中：护理型床位), less its unit, folded; ""
    where ``at`` holds no part."""
    if not _part_opener().match(names[at]):
        return ""
    whole = next((name for name in reversed(names[first:at]) if not _part_opener().match(name)), "")
    return _measure_named(fold(whole.strip(), taiwan))


def _column_measure(name: str) -> str:
    """What a year's column of a table of places measures, where its header names it with its unit (年度筹集任务（2024年）（套）
    → 年度筹集任务) or in words after its year (2016年建设用地清退计划 → 建设用地清退计划); "" for a year alone or a value's
    word (2024年, 目标值（2025年）, 2025年目标)."""
    measure = _BRACKETED_YEAR.sub("", _measure_named(name)).strip()
    if unit_in_name(name):
        return measure
    year = _YEAR_IN_HEADER.match(measure)
    words = measure[year.end():].strip() if year else ""
    return words if _HAN_WORDS.fullmatch(words) and not _value_words().fullmatch(words) else ""


@rules_cache
def _value_words() -> regex.Pattern:
    """A header's word of the value its column holds, no measure (目标, 目标值, 预期值, 基期值; after a year 计划, 任务)."""
    return patterns.compile(f"{value_header_words()}|{patterns.any_word(indicator_rules().year_value_words)}")


def _first_measure(columns: Columns) -> int:
    """The first column of a table whose columns are measures (a 分县任务表's, a table of yearly rows')."""
    return min(column for column, _ in columns.measured + columns.bases)


def _measure_named(name: str) -> str:
    """``name`` less the unit it closes on in brackets (养老机构床位数（张）)."""
    bracket = UNIT_IN_NAME.search(name)
    return name[:bracket.start()] if bracket else name


def _part_named(name: str, whole: str) -> str:
    """The name of a part of a row or column of ``whole``, ``name`` its own less the word that opens it (其中：, 其中): the part
    alone where it names the whole's things itself (其中：护理型床位 under 养老机构床位数, 其中 高校毕业生就业 under 城镇新增
    就业人数), else the whole with the part in brackets, as a part that says only which of them names nothing alone
    (其中：省外 under 农村劳动力转移就业 -> 农村劳动力转移就业（省外）; 其中新建 beside 筹集任务 -> 筹集任务（新建）)."""
    part = _part_opener().sub("", name)
    return part if not whole or part == name or things_shared(part, whole) else f"{whole}（{part}）"


@rules_cache
def _part_opener() -> regex.Pattern:
    """The word opening a part's row or column (其中：, 其中), its colon and spaces: no part of the part's name."""
    return patterns.compile(rf"^\s*(?:{patterns.any_word(indicator_rules().part_openers)})\s*[：:]?\s*")


def caption_year(table: TableData, outline: Outline, read_time: TimeLimitReader) -> int | None:
    """The last year the caption above ``table`` names (…分县任务表（到2026年底）: 2026) as ``read_time`` reads it, else None."""
    return read_time(_caption(table, outline))[0]


def indicator_cells(table: TableData, columns: Columns, cell: regex.Pattern, rule_set: RuleSet,
                    start_year: int | None, table_unit: str = "", taiwan: bool | None = None,
                    table_year: int | None = None) -> Iterator[tuple[int, int, Target]]:
    """Each target (or baseline) an indicator table's cells give, with its row and column; ``table_unit`` is the
    unit its caption gives the cells that name none, ``table_year`` the year the cells of a target column no year
    heads are due by (目标值, 预期值, a 分县任务表's measures: its caption's year, else the plan's last);
    ``taiwan`` the document's wording, in which they are read."""
    row_names = [row[columns.indicator] if columns.indicator < len(row) else "" for row in table.rows]
    for row_number, row in enumerate(table.rows):
        base = columns.yearly_rows and _is_base_row(row, columns)
        whole_row = _whole_before(row_names, row_number, taiwan)
        for column, year in sorted(columns.measured + columns.bases):
            base_column = (column, year) in columns.bases
            change_column: ChangeColumn = "yearly" if (column, year) in columns.changes else "total" if (column, year) in columns.totals else ""
            due = year if year is not None or base_column else table_year
            target = cell_target(row, columns, column, due, cell, rule_set, table.header,
                                 table_unit, taiwan, change_column, whole_row)
            if target is not None:
                yield row_number, column, _as_reported(target, start_year, base, base_column)


def _as_reported(target: Target, start_year: int | None, base_row: bool, base_column: bool) -> Target:
    """A cell of the row or column the plan starts from (2023年（基期）, 现状值, 2020年 in a 2021–2025 plan) or due
    before the plan's first year (2022年 in a 2023–2025 plan) reports where the plan starts: a baseline."""
    if base_column:
        target.kind, target.decided_by, target.time_anchor = "baseline", BASE_COLUMN, "past"
    elif base_row:
        target.kind, target.decided_by, target.time_anchor = "baseline", BASE_ROW, "past"
    elif start_year is not None and target.deadline is not None and target.deadline < start_year:
        target.kind, target.decided_by, target.time_anchor = "baseline", BEFORE_PLAN, "past"
    return target


def cell_pattern(rule_set: RuleSet) -> regex.Pattern:
    """What an indicator table's target cell holds: one value (≥95, 95以上, 约10, 2-3, 1:1.2); its fragments
    expanded once for the rule set, not at each document."""
    return rule_set.kept("cell_pattern", lambda: rule_set.compile(_CELL, RULE_ID))


def table_trail(table: TableData, outline: Outline) -> list[Section]:
    """The headings ``table`` stands under: those its header row's paragraph follows, found by its text where a flat
    copy has every paragraph at line 1 (the last heading before that line would be the document's last); none for a
    table attached to the plan (附件：重点任务分工表), as after a 附件 line alone, its header written over one row or two; a
    table at a line no block stands at stands under the headings above that line."""
    line = table.line or 0
    header = outline.header_block(line, "\t".join(table.header))
    if header >= len(outline.blocks) or outline.blocks[header].paragraph.line != line:
        return outline.trail_above(line)
    caption = outline.blocks[header - 1].paragraph.text if header > 0 else ""
    # with the line breaks lost the caption closes the paragraph above (…加强组织领导。附件重点任务分工表)
    return [] if _ATTACHED.match(caption.rsplit("。", 1)[-1]) else outline.blocks[header].trail


def placed(target: Target, table: TableData, trail: list[Section], line: int | None) -> Target:
    """``target`` of a cell of ``table``, under the headings ``trail``, at its row's ``line``: where the number sits (reader
    P5: all a 40-row table's targets were at its header's line); at the table's where its rows' lines are not known."""
    target.headings = [section.title for section in trail]
    target.section = trail[-1].id if trail else None
    target.line, target.page = line or table.line or 0, table.page
    return target


def task_table_targets(tables: list[TableData], outline: Outline, read: CellReader, start_year: int | None,
                       cadence: CadenceReader, read_time: TimeLimitReader, rule_set: RuleSet,
                       taiwan: bool | None = None) -> list[Target]:
    """The numbers in the task cells of every 分工表, and in the cells beside them that say what the task builds or
    reaches (建设内容及目标), count as the body's do (GUIDE §2), due in the year of
    the row's 时限 cell unless the task names its own (``read`` decides them as the text's sentences), and repeated
    as that cell says when it is a cadence (每年, 每季度: ``cadence``) and the task says none of its own."""
    targets: list[Target] = []
    for table in tables:
        layout = table_layout(table, start_year, rule_set, taiwan, splits_a_task(table, outline, caption_unit(table, outline)))
        if layout.task is None:
            continue  # no 分工表, or an indicator table (read cell by cell)
        layout = replace(layout, read_time=read_time)
        trail = table_trail(table, outline)
        headings = tuple(section.title for section in trail)
        line_of = dict(zip(map(id, table.rows), outline.row_lines(table) or ()))  # a task's rows are the table's own lists
        for task, rows, group in _tasks(table.rows, layout.task):
            frequency, recurrence = next((repeat for row in rows if (repeat := cadence(layout.due_cell(row))) != (None, None)), (None, None))
            targets += [placed(_repeated(target, frequency, recurrence), table, trail, line_of.get(id(rows[0])))
                        for cell, due in _task_cells(task, rows, layout, group)
                        for target in _cell_targets(read, task, cell, headings, due)]
    return targets


def _cell_targets(read: CellReader, task: str, cell: str, headings: tuple[str, ...], due: Optional[int]) -> list[Target]:
    """The targets of a 分工表 cell: one that names nothing it counts (新建村卫生室 | 20个, 开展应急演练 | 每年2次) is read
    after its task, as the text writes 新建村卫生室20个, for its name and, where the cell says none, its frequency (每年培训
    乡村医生 | 300人次); all else is the cell's own reading, due by the row's time, not by a year in the task (到2027年… |
    200个 | 2025年底 is the year's step of a longer task). A name is kept only where the task's words lead to the cell:
    a reading whose quote opens at the tab took its name from before the task's own number (累计建成口袋公园50个 |
    15个), and one across both cells (…提升项目 | 2025年底前全部建成: 项目\t底前) is a misreading."""
    alone = read(cell, headings, due)
    if cell == task or not alone or any(target.indicator for target in alone):
        return alone
    joined = [target for target in read(f"{task}\t{cell}", headings, due) if "\t" in target.quote.lstrip("\t")
              and target.quote.endswith(cell.strip()) and "\t" not in (target.indicator or "").strip()]
    if len(joined) != len(alone):
        return alone
    return [own.model_copy(update={"indicator": named.indicator and _counted_by_task(named.indicator.strip(), own.unit),
                                   "frequency": own.frequency or named.frequency,
                                   "recurrence": own.recurrence or named.recurrence})
            for own, named in zip(alone, joined)]


def _counted_by_task(name: str, unit: Optional[str]) -> str:
    """A task named as a project counts what the project builds (乡镇公共充电站建设项目 | 2024年建成40座: 充电站), unless
    its measure word counts projects (实施乡村振兴建设项目 | 5个): indicators.yaml project_endings, project_units."""
    rules = indicator_rules()
    if unit in rules.project_units:
        return name
    ending = max((ending for ending in rules.project_endings if name.endswith(ending)), key=len, default="")
    return name.removesuffix(ending) or name


def _task_cells(task: str, rows: list[list[str]], layout: TableLayout, group: Optional[int] = None) -> list[tuple[str, Optional[int]]]:
    """A task's text, due by the last of its rows' time limits, and the cells of its rows that say what it builds or
    reaches (建设内容及目标), each due by its own rows' (or the task's, where they say none): a task grouping rows
    (工业固废 | 完成10家…审核 | 2026年底 / 工业固废 | 建成1个…项目 | 2027年) sets each row's own time. Each text once: a
    cell merged down over the task's rows is filled down in a text's table, due by the last of the rows it covers.
    Rows that state no time are due by ``group``, the year of the row over the task's group (2024年), if any."""
    due: dict[str, list[int]] = {task: [year for row in rows if (year := layout.due_year(row, group)) is not None]}
    for row in rows:
        for column, year in layout.content_due(row, group):
            if column < len(row):
                due.setdefault(row[column], []).extend([] if year is None else [year])
    last = max(due[task], default=None)
    return [(cell, max(years, default=last)) for cell, years in due.items()]


def _tasks(rows: list[list[str]], column: int) -> list[tuple[str, list[list[str]], Optional[int]]]:
    """Each task of a 分工表 once, with the rows it covers and the year of the row over its group (2024年 written
    across the table, over that year's tasks), if any: a task cell merged down over several rows (one task, a
    unit or a stage a row; the cells below it repeat it or are empty) is one task, due by the last of their years; a
    task written across the column before its own (a merged cell of 重点任务 | 具体内容), that cell empty or, in a
    text's table, filled down from the row above, is that column's text."""
    tasks: list[tuple[str, list[list[str]], Optional[int]]] = []
    above: list[str] | None = None
    group: Optional[int] = None
    for row in rows:
        if column >= len(row):
            continue  # a short row (a merged cell) has no task
        if (year := group_year(row)) is not None:
            group, above = year, None  # a new group: its first task is no lower part of the one above
            continue
        across = _written_across(row, above, column)
        if tasks and across is None and above is not None and row[column] in ("", above[column]):
            tasks[-1][1].append(row)  # the lower part of a merged cell, filled down or left empty
        else:
            tasks.append((across or row[column], [row], group))
        above = row
    return tasks


def _written_across(row: list[str], above: list[str] | None, column: int) -> str | None:
    """The text of the cell before ``column`` when the row's task is written across both: that cell is the row's own
    (it does not repeat the row above's: no merged cell) and the task cell is empty or repeats the row above's (no
    task spans two of the groups beside it); a row's number is never a task."""
    before = row[column - 1] if column > 0 else ""
    if not _WORDS.search(before) or (above is not None and before == above[column - 1]):
        return None
    return before if not row[column] or (above is not None and row[column] == above[column]) else None


_WORDS = patterns.compile(r"[^\P{Han}一二三四五六七八九十〇零]")  # a row number 一, 二 holds none


def _repeated(target: Target, frequency: Optional[str], recurrence: Optional[str]) -> Target:
    """The target repeated as its row's time limit says, unless its own words say a repeat (or it reports the past)."""
    if recurrence is None or target.recurrence is not None or target.kind == "baseline":
        return target
    return target.model_copy(update={"frequency": frequency, "recurrence": recurrence})


def _columns(header: list[str], start_year: int | None, rule_set: RuleSet, indicator: int | None = None) -> Columns | None:
    """The columns of an indicator table, its indicator's named by its header (指标, a place) unless ``indicator`` is given;
    ``rule_set`` knows the periods a total's header may name ("十三五"累计)."""
    headers = _headers()
    if indicator is None:
        indicator = next((i for i, name in enumerate(header)
                          if headers.indicator.search(name) or headers.place.fullmatch(regex.sub(r"\s+", "", name))), None)
    targets, bases, changes, totals = [], [], [], []
    for i, name in enumerate(header):
        if i == indicator:
            continue
        dated = _YEAR_IN_HEADER.search(name)
        year = int(dated["year"]) if dated else None
        if _is_base_column(name, year, start_year):
            bases.append((i, year))
        elif headers.yearly_change.search(name):
            changes.append(i)
        elif headers.period_total.search(name) and not headers.not_value.search(name):
            totals.append((i, _period_end(name, rule_set)))
        elif headers.target.search(name) and not headers.not_value.search(name):
            targets.append((i, year))
    places = [] if targets or indicator is None else _place_columns(header, indicator)
    if indicator is None or not (targets or places):
        return None
    # the unit of measure's column is headed by its word alone: 牵头单位 names who leads, not what is measured
    unit = next((i for i, name in enumerate(header) if headers.unit.fullmatch(regex.sub(r"\s+", "", name))), None)
    if places:
        return Columns(indicator, tuple((i, None) for i in places), unit, places="columns")
    last = max((year for _, year in targets if year is not None), default=None)
    # a total of a period that ends before the plan's ("十三五"累计, 截至2023年累计完成 in a 2021–2025 plan) is history
    plan_end = last if last is not None else start_year
    earlier = [(i, end) for i, end in totals if end is not None and plan_end is not None and end < plan_end]
    return Columns(indicator, tuple(targets), unit, place_named=bool(headers.place.fullmatch(regex.sub(r"\s+", "", header[indicator]))),
                   bases=tuple(bases + earlier),  # yearly columns (2021年 … 2025年): one target per cell
                   changes=tuple((i, last) for i in changes), totals=tuple((i, last) for i, end in totals if (i, end) not in earlier))


def _content_by_year(table: TableData, start_year: int | None, rule_set: RuleSet) -> Columns | None:
    """The columns of a yearly task table that no unit leads (建设内容 | 2024年 | 2025年 | 2026年, each row what is built with
    its unit in brackets: 新改建农村公路（公里） | 300 | 320 | 350; 项目 | 2024年 | … under a caption's 单位：万元): its
    content column, else its task column, names each row, every other column of values is a year's, whose cells are
    the row's targets."""
    content = next((i for i, name in enumerate(table.header) if _headers().content.search(name)), named_task_column(table))
    columns = _columns(table.header, start_year, rule_set, content) if content is not None else None
    return columns if columns is not None and all(year is not None for _, year in columns.targets) else None


def _period_end(name: str, rule_set: RuleSet) -> Optional[int]:
    """The last year of the period a total column's header names: 2020 for "十三五"累计 (a five-year plan of
    ``rule_set``), 2023 for 截至2023年累计完成 and 2021—2023年累计完成; None for 累计 alone."""
    plan = rule_set.five_year_plan(name)
    years = [int(year.group("year")) for year in _YEAR_IN_HEADER.finditer(name)]
    return plan.end if plan is not None else max(years, default=None)


def _is_base_column(name: str, year: Optional[int], start_year: Optional[int]) -> bool:
    """Whether a header names a column of where the plan starts: a base or present value (基期值, 现状值, 2023年基数)
    or a year before the plan's first (2020年 in a 2021–2025 plan) that is no note or unit."""
    headers = _headers()
    if headers.base_row.search(name):
        return True
    return year is not None and start_year is not None and year < start_year and not headers.not_value.search(name)


def _place_columns(header: list[str], indicator: int) -> list[int]:
    """The columns of an indicator table split over places (指标 | 单位 | 东川区 | 临溪县 | 全市), each headed by a
    place's name; a column of the whole (全市, 合计) adds them up and is none."""
    headers = _headers()
    names = [regex.sub(r"\s+", "", fold(name)) for name in header]
    return [i for i, name in enumerate(names) if i != indicator and headers.place_name.fullmatch(name)
            and not headers.total_row.search(name) and not headers.not_value.search(name)]


def _measures_by_place(header: list[str], unit_given: bool = False) -> Columns | None:
    """The columns of a task split over places by measure (分县任务表: 县（市、区） | 新增学位（个） | 数字化率（%） |
    牵头单位): the column of places, and each column whose header names a measure with its unit in brackets, or names
    one at all where the caption gives the unit (``unit_given``: …任务分解表（单位：套） over 辖区 | 筹集任务 | 其中新建) and
    the header is one row, each name written once (a name spread over the columns below it leaves them unnamed); a time
    limit's column is none, and so is a column of the whole (合计) that adds up the row's measures."""
    headers = _headers()
    names = [regex.sub(r"\s+", "", fold(name)) for name in header]
    place = next((i for i, name in enumerate(names) if headers.place.fullmatch(name)), None)
    named_once = unit_given and len(set(names)) == len(names)
    measures = tuple((i, None) for i, name in enumerate(names)
                     if i != place and (UNIT_IN_NAME.search(name) or named_once and _WORDS.search(name))
                     and not headers.not_value.search(name) and not headers.deadline.search(name) and not headers.total_row.search(name))
    return Columns(place, measures, None, places="rows") if place is not None and measures else None


def _yearly_columns(table: TableData) -> Columns | None:
    """The columns of a table of yearly rows: a header names the year (年度, 年份) and every row's cell under it
    is one (2023年); every other column but a note, a row number or a time limit is a measure."""
    headers = _headers()
    header = [fold(name) for name in table.header]
    year = next((i for i, name in enumerate(header) if headers.year_row.search(name)), None)
    if year is None or not _rows_of_years(table.rows, year, headers.total_row):
        return None
    measures = tuple((i, None) for i, name in enumerate(header)
                     if i != year and name.strip() and not headers.not_value.search(name) and not headers.deadline.search(name))
    return Columns(year, measures, None, yearly_rows=True) if measures else None


def _rows_of_years(rows: list[list[str]], year: int, total_row: regex.Pattern) -> bool:
    """Every row's cell in column ``year`` is a year (2023年, 2023年（基期）), but for total rows adding up the years
    above them, in the middle of the table or closing it (小计, 合计, and those that name what they add up:
    2024—2025年合计, 合计（三年）)."""
    cells = [_folded_cell(row, year) or "" for row in rows]
    years = [cell for cell in cells if not total_row.search(cell)]
    return bool(years) and all(_ROW_YEAR.fullmatch(cell) for cell in years)


def _folded_cell(row: list[str], column: int) -> Optional[str]:
    """The cell of ``row`` in ``column``, folded and without spaces (合 计), or None past a short row's end."""
    return spaceless(row[column]) if column < len(row) else None


def row_year(row: list[str], columns: Columns) -> Optional[int]:
    """The year of a row of a table of yearly rows; None for a total row (合计, 小计)."""
    found = _ROW_YEAR.fullmatch(_folded_cell(row, columns.indicator) or "")
    return int(found["year"]) if found else None


def place_total_row(row: list[str], columns: Columns) -> bool:
    """Whether a row of a table of places (a 分县任务表, places by year) adds up the places' cells above it (合计, 小计)."""
    return (columns.places == "rows" or columns.place_named) and bool(_headers().total_row.search(_folded_cell(row, columns.indicator) or ""))


def _is_base_row(row: list[str], columns: Columns) -> bool:
    """Whether the year cell of a row of a table of yearly rows notes it as the base (2023年（基期）, 2023年（现状）)."""
    found = _ROW_YEAR.fullmatch(_folded_cell(row, columns.indicator) or "")
    return bool(found and found["note"] and _headers().base_row.search(found["note"]))


def cell_target(written: list[str], columns: Columns, column: int, year: Optional[int], cell: regex.Pattern,
                 rule_set: RuleSet, header: list[str], table_unit: str = "", taiwan: bool | None = None,
                 change_column: ChangeColumn = "", whole_row: str = "") -> Target | None:
    """The target (or baseline) of a row's cell in ``column``, due by ``year``; a cell of a column of the change of the
    row's indicator (``change_column``: "yearly", 年均增长（%）, a rate that repeats each year, in its header's unit, or
    "total", "十四五"累计, the change over the whole plan) rises or falls as its header or else the indicator says;
    ``whole_row``: the measure of the row above that the row is a part of (其中：…), "" where it is none."""
    row = [fold(cell_text, taiwan) for cell_text in written]  # read like the text, in its wording; quoted as written
    if max(columns.indicator, column) >= len(row):
        return None  # a short row (a merged cell) has no value in this column
    if columns.yearly_rows:
        year = row_year(written, columns)
        if year is None:
            return None  # a total row (合计) adds up the years' cells, each already a target
        written_name, whole = header[column].strip(), _whole_before(header, column, taiwan, _first_measure(columns))
    elif place_total_row(written, columns):
        return None  # a 合计 row adds up the places' cells, each already a target
    elif columns.places == "rows":
        written_name, whole = header[column].strip(), _whole_before(header, column, taiwan, _first_measure(columns))
    else:
        written_name, whole = written[columns.indicator].strip(), whole_row
    name, text = _WRAP_IN_A_NAME.sub("", fold(written_name, taiwan)), row[column].strip()
    if name and (_milestone_cell(rule_set).fullmatch(text) or _none_of_a_harm(rule_set, name, text)):
        return _milestone_target(written, written_name, column, name, year)
    # [10.8], 【14】: a five-year total, as national plans mark it
    repeats = change_column == "yearly" and not _TOTAL_BRACKET.match(text)
    match = cell.fullmatch(text)
    amount = parse_amount(match["amount"], rule_set) if match else None
    if not name or amount is None or (columns.places and amount.value == 0):
        return None
    # an empty 单位 cell leaves the unit to the indicator's brackets where they hold one (个人卫生支出占比（%）, not （可比价）),
    # then to the column's (年度筹集任务（2025年）（套）, a place's row); a cell's own unit (1万亩, 43.8%) decides over its column's
    unit = (match["unit"] or ("%" if "%" in text else "") or _change_unit(header[column], change_column)
            or _unit_cell(row, columns) or unit_in_name(name) or unit_in_name(fold(header[column], taiwan)) or table_unit)
    indicator = _part_named(_measure_named(name), whole)
    if columns.places == "rows":  # named by the row's place and the column's measure; quoted by the place
        written_name = written[columns.indicator].strip()
        indicator = fold(written_name, taiwan) + indicator
    elif columns.places == "columns":  # named by the column's place and the row's indicator
        indicator = fold(header[column].strip(), taiwan) + indicator
    elif columns.place_named:  # named by the row's place and what the column measures
        indicator += _column_measure(fold(header[column], taiwan))
    ratio = read_quantity({"amount": match["amount"], "second_term": match["second_term"]}, rule_set) if match["second_term"] else None
    if ratio is not None:
        amount, unit = ratio.amount, ratio.unit or ""
    unit, factor = _multipliers_in_unit(rule_set.lexicon.spelled(unit), rule_set.lexicon)
    value, value_max = amount.value * factor, amount.value_max * factor if amount.value_max is not None else None
    word = match["sign"] or match["cmp_after"] or match["cmp_before"]
    comparator = "range" if value_max is not None else rule_set.comparator(word or "", unit) or "="
    return Target(
        id="", text="\t".join(written), quote=f"{written_name}\t{written[column].strip()}", value=json_number(value), value_max=json_number(value_max),
        unit=unit or None, comparator=comparator, deadline=year, frequency="annual" if repeats else None,  # type: ignore[arg-type]
        recurrence="P1Y" if repeats else None, change=_column_change(rule_set, fold(header[column], taiwan), name) if change_column else None,
        kind=ratio.kind if ratio is not None else rule_set.unit_kinds.get(unit, "count"), indicator=indicator, rule=RULE_ID, line=0,
        time_anchor="future" if year is not None else "none",
    )


def _milestone_cell(rule_set: RuleSet) -> regex.Pattern:
    """What a target cell says instead of a value when the row's goal is all or nothing (全覆盖, 全部达标, 动态清零:
    fragment milestone_cell); compiled once for the rule set."""
    return rule_set.kept("milestone_cell", lambda: rule_set.compile(r"\s*(?:{milestone_cell})\s*", RULE_ID))


def _none_of_a_harm(rule_set: RuleSet, name: str, text: str) -> bool:
    """Whether a cell says 无 in a row that names a harm (重大安全事故 | 无, 较大以上火灾事故 | 无): none of it, as 不发生 says;
    in a row of what is built or had (5A级景区 | 无 | 1) 无 says there was none, which is no goal (fragment harm_named)."""
    harm = rule_set.kept("harm_named", lambda: rule_set.compile("{harm_named}", RULE_ID))
    return text == "无" and bool(harm.search(name))


def _milestone_target(written: list[str], written_name: str, column: int, name: str, year: Optional[int]) -> Target:
    """The milestone a row's cell in ``column`` sets for the row's indicator ``name``, due by ``year``: 城乡供水一体化 |
    全覆盖 is the milestone the text writes 实现城乡供水一体化全覆盖."""
    bracket = UNIT_IN_NAME.search(name)
    return Target(
        id="", text="\t".join(written), quote=f"{written_name}\t{written[column].strip()}", value=None, value_max=None,
        unit=None, comparator="=", deadline=year, frequency=None, recurrence=None, kind="milestone",  # type: ignore[arg-type]
        indicator=name[:bracket.start()] if bracket else name, rule=RULE_ID, line=0,
        time_anchor="future" if year is not None else "none",
    )


def _unit_cell(row: list[str], columns: Columns) -> str:
    """The row's cell in the column of units, or "" where there is none or it is a dash (a coefficient, an index: —); less
    a note in brackets after the unit that names no measure (亿元（2020年价） → 亿元, as 地区生产总值（亿元，2020年价） names)."""
    cell = row[columns.unit].strip() if columns.unit is not None and columns.unit < len(row) else ""
    if _NO_UNIT.fullmatch(cell):
        return ""
    return cell if unit_in_name(cell) else _measure_named(cell)


def _change_unit(name: str, change_column: ChangeColumn) -> str:
    """The unit of a change column's cells: its header's brackets (年均增长（%）, 年均减少（万吨）, 累计（万人）), else % for
    a yearly change; a total's cells take the row's unit where the header names none."""
    if not change_column:
        return ""
    bracket = UNIT_IN_NAME.search(fold(name))
    return bracket["unit"] if bracket else "%" if change_column == "yearly" else ""


def _column_change(rule_set: RuleSet, header: str, name: str) -> Optional[str]:
    """Whether a change column's cell is a rise or a fall: the change word of its header (年均增长, 年均下降), else the one
    in the row's indicator (单位地区生产总值能源消耗降低 under "十四五"累计), as the text's 能耗降低14% is read."""
    words = rule_set.kept("change_word", lambda: rule_set.compile("{change_word}", RULE_ID))
    found = words.search(header) or words.search(name)
    return rule_set.lexicon.changes[found.group()] if found else None


def _multipliers_in_unit(unit: str, lexicon: Lexicon) -> tuple[str, Decimal]:
    """The unit a unit cell names and the factor of the multipliers it opens with, which go into the value
    (万人, 亿元, 百万元, 万千瓦 -> 千瓦); a measure word that opens with one (千瓦, 千米, 百分点) keeps it."""
    factor = Decimal(1)
    while len(unit) > 1 and lexicon.entry(unit) is None and unit[0] in lexicon.multipliers:
        factor *= lexicon.multipliers[unit[0]]
        unit = unit[1:]
    return unit, factor
