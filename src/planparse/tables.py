"""Tables: rows found in plain text, and every table tidied the same way.

DOCX and PDF readers hand over their tables; a text file only has lines. A
text table comes in two layouts: one row a line with cells parted by tabs,
or one cell a line, each indented by a tab, with a blank line between rows.
Whatever the source, merged cells are filled down, a header row repeated
on each page is dropped, and a second header row naming the columns a header
cell spans (责任单位 over 牵头单位 | 配合单位) names them, so that one table
reads the same from every format.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import replace
from itertools import accumulate, combinations, groupby, islice

import regex

from . import patterns
from .models import RawDocument, SourceLine, TableData
from .folding import fold
from .indicator import indicator_rules
from .linebreaks import FIRST_HEADER_CELLS, flattened_table_rows, measure_word
from .normalize import clean_line, is_page_number, table_rows
from .responsibility_notes import names_units, responsibility_rules, roles_beside_helpers
from .rules import heading_styles, rules_cache
from .structure import any_marker

_HEADER_NOTE = patterns.compile(r"[（(][^（）()]*[）)]|\s")  # a header cell's note in brackets, and its spaces
# A row's number (1, 一, （二）, 3.) and a time a task is due by (2026年底, 2025年6月前, 2024年第三季度): the kinds of
# cell that, with a list of units, say where a pasted row that lost a merged cell stands.
ROW_NUMBER = patterns.compile(r"[（(]?[\d一二三四五六七八九十〇零]{1,3}[）)]?[.、．]?")
_DUE_TIME = patterns.compile(r"[^，,。；;]{0,6}(?:\d{4}\s*年|\d{1,2}\s*月|年底|年末|季度)[^，,。；;]{0,8}")
# Words are in most columns, and empty cells where a form has blanks to fill: only these kinds tell a column.
# a second header row's cell dating the column above it (2025年 under 目标值)
_HEADER_YEAR = patterns.compile(r"\s*(?:19|20)\d{2}\s*年?\s*")
_TELLING_KINDS = ("number", "time", "units")
# a cell of a list's figure: a number and its measure, a few words around them (每年50场, 98%以上, 稳定在50万亩以上), no
# sentence; not a number alone (26.5: a column's figures whose measure the header says) nor a name's note (新增建设用地6)
_FIGURE_CELL = patterns.compile(r"[^。；;\d]{0,8}\d[\d.]*\s*(?:%|‰|\p{Han})[^。；;]{0,10}")
_NAME_KINDS = ("words", "units")  # a list's names: 科技下乡 and 综合文化站 end as 乡 and 站 a unit's name
_LIST_ROWS = 2  # at least: one row beside a figure is a note, not a list
_MISSING_CELLS = 3  # at most: the ways to place a row's cells grow as the columns' combinations
# a line that is a year alone (2024年, 2024年度, 2025—2026年): between two rows, the row over a 分工表's group of tasks
# that a text copy writes without the tabs of its merged cell
_YEARS = patterns.compile(r"(?:19|20)\d{2}")
_YEAR_SPAN = r"(?:19|20)\d{2}(?:\s*年?\s*[—–－\-~～至]\s*(?:19|20)\d{2})?\s*年度?"
_GROUP_YEAR = patterns.compile(rf"\s*{_YEAR_SPAN}\s*")
# a row written across a table over a group of its tasks, naming the group's year with its number or stage and what it
# holds: （一）2024年重点任务, 第一阶段（2024年）, 一、2025—2026年工作任务, 攻坚阶段：2025年
_GROUP_ROW = patterns.compile(r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、．.]|第[一二三四五六七八九十\d]{1,3}"
                              r"(?:阶段|部分|批次?)|\p{Han}{2}阶段)?\s*[：:]?\s*"
                              rf"(?:[（(]\s*{_YEAR_SPAN}\s*[）)]|{_YEAR_SPAN})\s*(?:(?:重点|主要|年度|工作|建设|目标)?(?:任务|工作|项目|计划|目标))?\s*")
# a cell of one figure: 95, ≥93, 5.8%, [5000], 〔6〕, 95以上
_FIGURE = patterns.compile(r"\s*[≥≤><＞＜~～约]?\s*[\[［〔【]?\s*\d[\d.,]*\s*%?\s*[\]］〕】]?\s*(?:以上|以下|以内|左右)?\s*")
_YEAR_IN_HEADER = patterns.compile(r"(?:19|20)\d{2}\s*年")  # a column of one year's values: 2025年, 2025年目标值
# the gap between two cells of a table whose columns are lined up with spaces (a copy of a PDF's table): two spaces or more
_SPACED_GAP = patterns.compile(r"[ \u3000\u00a0]{2,}")
_SPACE = patterns.compile(r"[ \u3000\u00a0]")
_REPEAT_CELL_LENGTH = 6  # characters at most of a cell saying it repeats another (同上, 同 上。)
_OPENING_BRACKET = patterns.compile(r"\s*[（(]")
_NOTE_AFTER_A_UNIT = patterns.compile(r"[，,、；;]")  # 元，现价: a unit, then what its figures are reckoned at
# a note in brackets closing a name: its unit, maybe, and what its figures are reckoned at after a comma (亿元，2020年可比价):
# the unit is short, the note after it need not be
UNIT_IN_NAME = patterns.compile(r"\s*[（(](?P<unit>[^（）()，,；;]{1,8})(?:[，,；;][^（）()]{1,16})?[）)]\s*$")
_YEAR_ALONE = patterns.compile(r"(?:19|20)\d{2}年")  # a cell of a year, a date's first part where a month follows
_MONTH_OPENING = patterns.compile(r"\d{1,2}月")
_SPACED_HEADER_CELLS = 2  # at least, of a spaced table's first line: column names (序号, 指标名称, 牵头单位, 2025年)
_CELL_LINE_HEADER = 3  # lines at least, each a column's name, open a table copied one cell a line
_CELL_LINE_LENGTH = 60  # characters at most of a cell copied on a line of its own: a task's, not a paragraph
# a single-spaced table run into its line: its cells parted by a space or two, a header of so many column names at least
_SPACE_PARTED = patterns.compile(r"[^ \u3000\u00a0]+")
_RUN_IN_HEADER = 3
_NUMBER_COLUMNS = FIRST_HEADER_CELLS[1:3]  # 序号, 编号: a table's first column, never glued to one before it
_SENTENCE_MARK = patterns.compile(r"[。；;！？!?]")
_CELL_LINE_COLUMNS = 12  # at most: a longer run of lines naming columns is no header (and each line is looked at so often)


def spaced_rows_as_tab_rows(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines with each table whose columns are lined up with spaces (a PDF's table copied as text: 序号  指标名称
    单位  2025年) written as a text's table, its cells parted by tabs. A spaced table opens with a line of three cells
    or more, two of them column names, and runs while its lines hold two cells or more, or one indented between two
    such (the rest of a cell wrapped onto a line of its own); a title spaced out (实  施  方  案) or a signature beside
    a date names no columns. Its lines were joined as prose: a row's 约束性 read 约 as "about", and its figures ran
    together."""
    gapped = _gapped([line.text for line in lines])
    cells = [_spaced_cells(line.text) if index in gapped else [] for index, line in enumerate(lines)]
    rows: dict[int, list[str]] = {}
    taken = 0  # the lines before it are read
    # a table opens only in a line of cells parted by spaces (a plan's every line of prose has none, 19 of 20)
    for index in [index for index, line in enumerate(lines) if _spaced_inside(line.text)]:
        if index < taken:
            continue
        end = index + 1
        if (len(cells[index]) >= 3 and names_columns([cell for _, _, cell in cells[index]])
                or len(cells[index]) == 2 and _dates_the_columns(cells, index + 1)):
            while end < len(lines) and (len(cells[end]) >= 2 or _wraps_a_cell(cells, end)):
                end += 1
        if end - index >= 2:
            rows.update(_spaced_table(cells, index, end))
        elif single := _single_spaced_rows(lines, index):
            rows.update(single)
            end = index + len(single)
        elif run_in := _single_spaced_run_in(lines[index].text):
            rows[index] = [run_in]
        taken = end
    return [replace(line, text="\t".join(rows[index])) if index in rows else line for index, line in enumerate(lines)]


def _spaced_inside(text: str) -> bool:
    """Whether ``text`` holds a space between two of its characters, as a line of cells parted by spaces does."""
    inside = text.strip(" \u3000\u00a0")
    return " " in inside or "\u3000" in inside or "\u00a0" in inside


def _single_spaced_run_in(text: str) -> str:
    """``text`` with the single spaces of the table run into it written as tabs, or "" where it holds none: a table
    saved or copied with a space between its cells, whose line breaks were lost with the text's (…一、主要指标序号 指标名称
    单位 2024年 2025年 2026年1 学前教育毛入园率 % 92 93 952 新增公办学位 …). Its header is three cells at least in a
    row, each naming a column, the caption glued to its first; its rows follow on the same line, figures among them,
    up to the cell a sentence ends in (the row's last cell glued to the text after it, as a flat table's tab-parted
    cells are) or before a heading's marker opening a cell (二、保障措施, where breaks became spaces)."""
    tokens = list(_SPACE_PARTED.finditer(text, None, None, False, patterns.NOT_CONCURRENT))
    if len(tokens) < _RUN_IN_HEADER:
        return ""  # no header's cells: each line of prose was matched whole against the columns' names (2,521 of a round's 2,544 lines)
    named = [names_a_column(token.group()) for token in tokens]
    first = next((at for at in range(len(tokens) - _RUN_IN_HEADER + 1) if all(named[at:at + _RUN_IN_HEADER])), None)
    if first is None:
        return ""
    last = first + _RUN_IN_HEADER - 1
    while last + 1 < len(tokens) and not _opens_heading(tokens[last + 1].group()):
        last += 1
        if _SENTENCE_MARK.search(tokens[last].group()):
            break
    body = [token.group() for token in tokens[first + _RUN_IN_HEADER:last + 1]]
    if len(body) < _RUN_IN_HEADER or not any(character.isdigit() for cell in body for character in cell):
        return ""
    start = first - 1 if _glued_first_cell(tokens, first) else first
    cells = [token.group() for token in tokens[start:last + 1]]
    for gap in range(len(cells) - 1, 0, -1):  # from the right, so that a blank put in leaves the places to its left
        if _may_be_blank(cells, gap, text[tokens[start + gap - 1].end():tokens[start + gap].start()]):
            with_blank = cells[:gap] + [""] + cells[gap:]
            cells = with_blank if _fills_a_row(with_blank, cells) else cells
    return text[:tokens[start].start()] + "\t".join(cells) + text[tokens[last].end():]


def _may_be_blank(cells: list[str], gap: int, spaces: str) -> bool:
    """Whether the spaces before ``cells[gap]`` may hold a blank cell: two or more, before a figure, after a figure or
    a unit (92  95, %  93: a year's value left out), never after a name (a name's trailing space)."""
    return (len(spaces) >= 2 and _FIGURE.match(cells[gap]) is not None
            and (_FIGURE.fullmatch(cells[gap - 1]) is not None or measure_word().fullmatch(cells[gap - 1]) is not None))


def _fills_a_row(with_blank: list[str], cells: list[str]) -> bool:
    """Whether a blank cell makes a row of a run-in table as wide as its header, no row wider, the rows the same
    otherwise: two spaces are one border unless a row then fits. A stray double space (a cell's trailing space, an
    aligned copy) is as common as a cell left blank, and reading one in a full row as a blank put every row after it
    under another name (reader T13); a row short of a cell with no blank read kept its values from the left, one date
    wrong (92  95 with 2025 blank: 95 due 2025)."""
    widths, blank_widths = ([len(row.split("\t")) for row in flattened_table_rows("\t".join(reading))] for reading in (cells, with_blank))
    header = blank_widths[0]
    return (len(blank_widths) == len(widths) and max(blank_widths) == header
            and blank_widths.count(header) == widths.count(header) + 1)


def _glued_first_cell(tokens: list[regex.Match], first: int) -> bool:
    """Whether the token before a run-in table's header run (from ``first``) ends in the header's first cell, glued to
    the caption (…主要指标序号 before 指标名称): a first column's name (FIRST_HEADER_CELLS) after other text, where the run
    does not open with a row number's column itself (一、主要指标 before 序号 is the caption alone)."""
    if first == 0 or tokens[first].group() in _NUMBER_COLUMNS:
        return False
    before = tokens[first - 1].group()
    return any(before.endswith(word) and len(before) > len(word) for word in FIRST_HEADER_CELLS)


def _opens_heading(cell: str) -> bool:
    """Whether a heading's marker opens ``cell``; not a value glued to the marker of the heading after the table
    (5.5二、保障措施: a decimal's digits read as an item 5.5, another marker right after them)."""
    marker = any_marker(heading_styles()).match(cell)
    return marker is not None and any_marker(heading_styles()).match(cell, marker.end()) is None


def cell_lines_as_tab_rows(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines with each table copied one cell a line (a web page's table as some browsers copy it, a PDF's cells
    taken one by one: 序号 / 指标名称 / 单位 / 2025年, then 1 / 人均预期寿命 / 岁 / 79.5) written as a text's table, a row a
    line, its cells parted by tabs; its lines were read as paragraphs of a few characters, and its figures as none."""
    texts = [line.text.strip(" \u3000\u00a0") for line in lines]
    alone = [_is_cell_alone(text) for text in texts]
    names = [cell and names_a_column(text) for cell, text in zip(_in_header_runs(alone), texts)]
    kept: list[SourceLine] = []
    taken = 0  # the lines before it are kept, or written as a table's rows
    for start in [index for index, named in enumerate(names) if named]:
        rows = _cell_line_rows(texts, alone, names, start) if start >= taken else []
        if rows:
            kept += lines[taken:start] + [replace(lines[at], text="\t".join(cells)) for at, cells in rows]
            taken = rows[-1][0] + len(rows[-1][1])  # the line after the last row's last cell
    return kept + lines[taken:]


def _in_header_runs(alone: list[bool]) -> list[bool]:
    """``alone`` but for the lines in runs of fewer than _CELL_LINE_HEADER lines alone, which hold no header: a column's
    name is looked for only where one may be (a plan's headings, each between paragraphs, are short lines alone)."""
    runs = [list(run) for _, run in groupby(alone)]
    return [cell and len(run) >= _CELL_LINE_HEADER for run in runs for cell in run]


def _cell_line_rows(texts: list[str], alone: list[bool], names: list[bool], start: int) -> list[tuple[int, list[str]]]:
    """The rows (the line each opens at, and its cells) of a table copied one cell a line from line ``start`` on, none
    unless it opens there: three lines or more each naming a column (``names``), then rows of as many short lines
    (``alone``), none a sentence, each opened by its number (1, 2, 3) where the first row is, else holding a figure
    alone in a cell."""
    end = start
    while end < len(texts) and end - start <= _CELL_LINE_COLUMNS and names[end]:
        end += 1
    header = _without_a_spanning_value_cell(texts[start:end])
    width = len(header)
    if not _CELL_LINE_HEADER <= width <= _CELL_LINE_COLUMNS:
        return []
    rows = [(start, header)]
    numbered = end < len(texts) and ROW_NUMBER.fullmatch(texts[end]) is not None
    for at in range(end, len(texts) - width + 1, width):
        row = texts[at:at + width]
        if not all(alone[at:at + width]) or not (ROW_NUMBER.fullmatch(row[0]) if numbered else any(map(_FIGURE.fullmatch, row))):
            break
        rows.append((at, row))
    return rows if len(rows) >= 2 else []


def _without_a_spanning_value_cell(header: list[str]) -> list[str]:
    """A header copied one cell a line, less the cell of values written over the years under it (序号 / 指标名称 / 单位 /
    目标值 / 2025年 / 2026年: 目标值 spans the two year columns, and a row is five cells wide, not six)."""
    spanning = next((index for index in range(len(header) - 2) if _value_header().fullmatch(header[index])
                     and all(_HEADER_YEAR.fullmatch(cell) for cell in header[index + 1:index + 3])), None)
    return header if spanning is None else header[:spanning] + header[spanning + 1:]


def _is_cell_alone(text: str) -> bool:
    """Whether a line may be a table's cell copied on a line of its own: short, no sentence, no tab."""
    return 0 < len(text) <= _CELL_LINE_LENGTH and "\t" not in text and "。" not in text


def _header_spanning_columns(cells: list[list[tuple[int, int, str]]], start: int, end: int) -> list[tuple[int, int, str]]:
    """A spaced table's header, a cell spanning columns (指标值 over 2020年  2025年 on the line below, column names
    too) split into one cell a column, each where the name below it starts: measured the way (characters, or width)
    that makes the header as wide as most rows."""
    header, below = cells[start], cells[start + 1] if start + 1 < end else []
    if len(header) == 2 and _dates_the_columns(cells, start + 1):
        return _split_under(header, below, 0)  # 区县 | 年度筹集任务（套） over 2024年 | 2025年 | 合计: the second cell spans them
    if not 2 <= len(below) < len(header) or not all(names_a_column(cell) for _, _, cell in below):
        return header
    widths = Counter(len(cells[row]) for row in range(start + 2, end))
    split = [_split_under(header, below, measure) for measure in (0, 1)]
    return max(split, key=lambda cells: widths[len(cells)])


def _dates_the_columns(cells: list[list[tuple[int, int, str]]], index: int) -> bool:
    """Whether line ``index`` of a spaced table is a second header line of years (2024年  2025年  合计) under a first
    of two cells, a place's column and a measure spanning the years: indented, two years at least, a total beside them."""
    below = cells[index] if index < len(cells) else []
    years = [cell for _, place, cell in below if _HEADER_YEAR.fullmatch(cell)]
    return len(below) >= 2 and below[0][1] > 0 and len(years) >= 2 and all(
        _HEADER_YEAR.fullmatch(cell) or total_row_label().fullmatch(spaceless(cell)) for _, _, cell in below)


def _split_under(header: list[tuple[int, int, str]], below: list[tuple[int, int, str]], measure: int) -> list[tuple[int, int, str]]:
    """``header`` with each cell that two cells or more of ``below`` start nearest (by ``measure``) split into those."""
    under: dict[int, list[tuple[int, int, str]]] = {}
    for cell in below:
        nearest = min(range(len(header)), key=lambda column: abs(header[column][measure] - cell[measure]))
        under.setdefault(nearest, []).append(cell)
    return [piece for column, name in enumerate(header)
            for piece in ([(width, place, name[2]) for width, place, _ in under[column]] if len(under.get(column, ())) >= 2 else [name])]


def _single_spaced_rows(lines: list[SourceLine], start: int) -> dict[int, list[str]]:
    """The rows of a table from line ``start`` on whose cells are parted by one space each (a table saved as text by a
    word processor or copied from a web page: 指标 2025年 属性 / 人均预期寿命（岁） 79.5 预期性; 序号　任务　牵头单位 with
    full-width spaces), none unless it opens there: a header naming columns, rows of as many cells with a figure in each.
    The columns are not lined up, so a row with a cell more or less (a space inside a cell) ends the table; but a line
    of one cell between two rows is the rest of the row above's longest cell, wrapped (a PDF's 分工表 copied: 1 淘汰燃煤小锅炉
    30台，完成工业 县生态环境局 … / 炉窑综合治理10家 / 2 …)."""
    header = _single_spaced_cells(lines[start].text)
    if len(header) < 3 or not names_columns(header):
        return {}
    rows = {start: header}
    above = start
    for index in range(start + 1, len(lines)):
        row = _single_spaced_cells(lines[index].text)
        row = _dates_rejoined(row) if len(row) > len(header) else row
        if len(row) == 1 and above > start and _single_spaced_row_after(lines, index, len(header)):
            wrapped = rows[above]
            wrapped[max(range(len(wrapped)), key=lambda column: len(wrapped[column]))] += row[0]
            rows[index] = []
            continue
        if len(row) != len(header) or not any(character.isdigit() for cell in row for character in cell):
            break
        rows[index] = row
        above = index
    return rows if len(rows) >= 2 else {}


def _single_spaced_row_after(lines: list[SourceLine], index: int, width: int) -> bool:
    """Whether the line after line ``index`` is a single-spaced row of ``width`` cells."""
    return index + 1 < len(lines) and len(_single_spaced_cells(lines[index + 1].text)) == width


def _dates_rejoined(cells: list[str]) -> list[str]:
    """A single-spaced row's cells with each date a space parted made one again (2025年 6月, 2024年 12月底前: a time limit's
    cell), as written."""
    joined: list[str] = []
    for cell in cells:
        if joined and _YEAR_ALONE.fullmatch(joined[-1]) and _MONTH_OPENING.match(cell):
            joined[-1] += " " + cell
        else:
            joined.append(cell)
    return joined


def _single_spaced_cells(text: str) -> list[str]:
    """A line's cells parted by single spaces; none where a cell would be empty (spaces in a row: a spaced table's)."""
    cells = _SPACE.split(text.strip(" \u3000\u00a0"), 0, patterns.NOT_CONCURRENT)
    return cells if all(cells) and "\t" not in text else []


def _spaced_table(cells: list[list[tuple[int, int, str]]], start: int, end: int) -> dict[int, list[str]]:
    """The rows of the spaced table of lines ``start`` to ``end``, each cell in the column whose header starts nearest
    it: a row's empty cell is only a wider gap. Where a cell starts is measured in characters or in the width a
    Chinese character takes twice (a copy lined up on screen), whichever lines the whole rows up under the header."""
    header = _header_spanning_columns(cells, start, end)
    whole = [cells[row] for row in range(start + 1, end) if len(cells[row]) == len(header)]
    measure = min((0, 1), key=lambda measure: sum(abs(cell[measure] - name[measure]) for row in whole
                                                   for cell, name in zip(row, header)))
    starts = [name[measure] for name in header]  # in order: the nearest is found by halving, however wide the table

    def column(cell: tuple[int, int, str]) -> int:
        after = bisect_left(starts, cell[measure])
        return min((near for near in (after - 1, after) if 0 <= near < len(starts)), key=lambda near: abs(starts[near] - cell[measure]))

    rows: dict[int, list[str]] = {}
    above = start
    for row in range(start, end):
        if len(cells[row]) == 1:  # the rest of a cell above, wrapped: joined to that cell
            wrapped = rows[above]
            wrapped[min(column(cells[row][0]), len(wrapped) - 1)] += cells[row][0][2]
            rows[row] = []
            continue
        above = row
        if len(cells[row]) < len(header) and len({column(cell) for cell in cells[row]}) == len(cells[row]):
            placed = {column(cell): cell[2] for cell in cells[row]}
            rows[row] = [placed.get(column, "") for column in range(len(header))]
        else:
            rows[row] = [cell for _, _, cell in cells[row]]
    return rows


def _gapped(texts: list[str]) -> set[int] | range:
    """Which of ``texts`` hold a run of spaces (``_SPACED_GAP``), found in one search of them all joined (a search for
    each cost more than the rest of reading a plan's spaced tables; most lines hold none). All of them when one holds a
    line break."""
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:
        return range(len(texts))
    starts = list(accumulate([len(text) + 1 for text in texts], initial=0))  # where each text starts in the joined
    return {bisect_right(starts, gap.start()) - 1 for gap in _SPACED_GAP.finditer(joined)}


def _spaced_cells(text: str) -> list[tuple[int, int, str]]:
    """The cells of a line parted by runs of spaces (a table lined up with spaces), each with where it starts, in
    characters and in width (a Chinese character two wide); none for a line with a tab (a text's own table) or no such run."""
    gaps = [] if "\t" in text else list(_SPACED_GAP.finditer(text, None, None, False, patterns.NOT_CONCURRENT))
    if not gaps:
        return []
    spans = zip([0] + [gap.end() for gap in gaps], [gap.start() for gap in gaps] + [len(text)])
    spans = [(start, end) for start, end in spans if end > start]
    # measured up to the last cell's start only: most such lines are a paragraph indented by spaces, one cell after them
    measured = text[:spans[-1][0]] if spans else ""
    widths = list(accumulate((2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in measured), initial=0))
    return [(widths[start], start, text[start:end]) for start, end in spans]


def _wraps_a_cell(cells: list[list[tuple[int, int, str]]], index: int) -> bool:
    """Whether line ``index`` is one cell indented (the rest of a cell wrapped onto a line of its own) between two lines
    of two cells or more."""
    return (len(cells[index]) == 1 and cells[index][0][1] > 0 and index + 1 < len(cells)
            and len(cells[index - 1]) >= 2 and len(cells[index + 1]) >= 2)


def names_columns(cells: list[str]) -> bool:
    """Whether a line's cells are a table's header: two of them name columns (序号, 指标名称, 单位, 牵头单位, 2025年)."""
    return sum(map(names_a_column, cells)) >= _SPACED_HEADER_CELLS


def names_a_column(cell: str) -> bool:
    """Whether a cell names a table's column (序号, 指标名称, 牵头单位（部门）, 2025年目标值)."""
    return _column_name().fullmatch(cell, None, None, patterns.NOT_CONCURRENT) is not None


@rules_cache
def _column_name() -> regex.Pattern:
    """A header cell's text: a column's name of rules/indicators.yaml or rules/responsibilities.yaml's table, with a
    note in brackets after it (牵头单位（部门）), or a year (2025年, 2025年目标值)."""
    return patterns.compile(rf"\p{{Han}}{{0,4}}(?:{patterns.any_word(_column_words())}|(?:19|20)\d{{2}}\s*年)\p{{Han}}{{0,4}}(?:[（(][^（）()]{{1,12}}[）)])?")


@rules_cache
def _column_name_alone() -> regex.Pattern:
    """A header cell's text that is a column's name and nothing more: one of the lists' words (牵头单位, not 各有关单位
    nor 县教育局牵头), a value's (目标值, 现状值) or a year with a target's word (2025年, 2025年目标值, not 2025年底前), a
    note in brackets after it."""
    targets = patterns.any_word(indicator_rules().target_headers)
    return patterns.compile(rf"(?:{patterns.any_word(_column_words())}|{value_word()}|(?:19|20)\d{{2}}\s*年度?(?:{targets}|{value_word(2)})?)"
                            r"(?:[（(][^（）()]{1,12}[）)])?")


def value_word(most_before: int = 4) -> str:
    """A header's word of the values its column holds: a word closing it (rules/indicators.yaml value_word_endings: 目标值,
    现状值), after up to ``most_before`` ideographs that say which values."""
    return rf"\p{{Han}}{{0,{most_before}}}{patterns.any_word(indicator_rules().value_word_endings)}"


def _column_words() -> set[str]:
    rules, table = indicator_rules(), responsibility_rules().rules.table
    return {*rules.indicator_headers, *rules.target_headers, *rules.unit_headers, *rules.deadline_headers, *rules.content_headers,
            *rules.year_row_headers, *rules.not_value_headers, *rules.note_headers, *table.lead_headers, *table.support_headers,
            *table.action_headers, *table.not_action_headers}


def _names_a_column_alone(cell: str) -> bool:
    return _column_name_alone().fullmatch(cell.strip()) is not None


def names_only_columns(cells: list[str]) -> bool:
    """Whether a row is a header by its words alone: two written cells or more, each a column's name and nothing more
    (序号 | 重点任务 | 责任单位; not a row of 各有关单位 | 2025年底前, nor a box of 发布单位 | 某县人民政府办公室)."""
    written = [cell.strip() for cell in cells if cell.strip()]
    return len(written) >= _SPACED_HEADER_CELLS and all(map(_names_a_column_alone, written))


def document_tables(raw: RawDocument) -> list[TableData]:
    """Each table once, as written: a DOCX or PDF reader's own tables (their rows also come as
    tab-joined lines, which must not count again), else the tables in the text."""
    if raw.format == "txt":
        return find_text_tables(raw.lines)
    # HTML and DOCX readers know the grid and fill vertical merges themselves; a PDF's cells are guessed, and a
    # Markdown table has no merged cells: an empty cell under a written one is its lower part, as in a text's table.
    tables = [tidy_table(table, fill_down=raw.format in ("pdf", "md")) for table in raw.tables]
    # A text file's table shown as it is written (a page's <pre>): its rows are lines with tabs, none of a reader's table
    tables += find_text_tables([line for line in raw.lines if not line.in_table])
    return sorted(tables, key=lambda table: table.line or 0)


def folded_table(table: TableData, taiwan: bool | None = None) -> TableData:
    """The table's cells read as the paragraphs are (``folding.fold``: a traditional 牽頭單位 is 牵头单位; ``taiwan``: whether
    the document is in Taiwan's wording, 專案名稱 then 项目名称; None to judge each cell alone)."""
    return table.model_copy(update={"header": [fold(cell, taiwan) for cell in table.header],
                                    "rows": [[fold(cell, taiwan) for cell in row] for row in table.rows]})


def _is_one_cell_line(text: str) -> bool:
    return text.startswith("\t") and "\t" not in text[1:].rstrip("\t")


def find_text_tables(lines: list[SourceLine]) -> list[TableData]:
    """Tables in plain text: runs of tab lines, blank lines and page numbers allowed between rows (a page that ends
    inside a table: — 2 — between its header and its first row)."""
    if "\t" not in "".join([line.text for line in lines]) and True not in [line.in_table for line in lines]:
        return []  # most texts: no row, and no line to go through one by one
    runs: list[list[SourceLine]] = []
    in_run = False
    rows = table_rows(lines)
    for index, line in enumerate(lines):
        page_mark = in_run and not rows[index] and is_page_number(line.text)
        if rows[index] or (in_run and _is_year_between_rows(lines, rows, index)):
            if not in_run or _opens_another_table(runs[-1], line):
                runs.append([])
            in_run = True
        elif line.text.strip() and not page_mark:
            in_run = False
        if in_run and not page_mark:
            runs[-1].append(line)
    tables = [_text_table(run) for run in runs]
    # Prose indented by tabs is no table: a table has a body and two columns at least.
    return [tidy_table(table) for table in tables if table.rows and len(table.header) >= 2]


def _opens_another_table(run: list[SourceLine], line: SourceLine) -> bool:
    """Whether row ``line`` is the header of a table of its own, and not the header of the table before it (a header written
    again over a page's rows is the same table's): after a blank line, it names columns only (``names_only_columns``);
    after a blank line or rows of that table's body, it names the rows as that table does and its columns otherwise
    (区县 | 年度筹集任务（套） then 区县 | 城中村改造项目（个）: a table of places after another). A header's second line
    right under it (乡镇 | 新建（所） over 乡镇 | 2024年, a merged cell written twice) is no other table's."""
    cells = [clean_line(cell) for cell in line.text.split("\t")]
    written = list(islice((entry for entry in run if _is_cell_line(entry.text)), 2))  # the header, and a row under it if any
    if not written:
        return False
    header = [clean_line(cell) for cell in written[0].text.split("\t")]
    after_blank = not run[-1].text.strip()
    if cells == header:
        return False
    if after_blank and names_only_columns(cells):
        return True
    return bool(cells[0]) and cells[0] == header[0] and (after_blank or len(written) > 1)


def _is_year_between_rows(lines: list[SourceLine], rows: list[bool], index: int) -> bool:
    """Whether line ``index`` is a year alone (2024年) between a row of cells parted by tabs and the next one, blank
    lines aside: a row across the table, as a caption between two tables never is."""
    if not _GROUP_YEAR.fullmatch(lines[index].text):
        return False
    before = next((i for i in range(index - 1, -1, -1) if lines[i].text.strip()), None)
    after = next((i for i in range(index + 1, len(lines)) if lines[i].text.strip()), None)
    return all(i is not None and rows[i] and "\t" in lines[i].text.strip() for i in (before, after))


def _is_cell_line(text: str) -> bool:
    # A tab alone is an empty cell; a blank line (spaces at most) parts rows.
    return text.startswith("\t") or bool(text.strip())


def _text_table(run: list[SourceLine]) -> TableData:
    cell_lines = [line for line in run if _is_cell_line(line.text)]
    rows: list[list[str]] = []
    if all(_is_one_cell_line(line.text) for line in cell_lines):
        row: list[str] = []
        for line in run + [SourceLine(text="", line=0)]:
            if _is_cell_line(line.text):
                row.append(clean_line(line.text))
            elif row:
                rows.append(row)
                row = []
    else:
        rows = [[clean_line(cell) for cell in line.text.split("\t")] for line in cell_lines]
    first = cell_lines[0]
    header, rows = _spread_over_sub_header(rows[0], rows[1:])
    return TableData(header=header, rows=_placed_rows(rows, len(header)), page=first.page, line=first.line)


def _spread_over_sub_header(header: list[str], rows: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """A header and its rows, a header cell written once over the columns a second header row names (a page's merged
    header pasted as text, which keeps no empty cell: 目标值 over 2024年 2025年 2026年, 责任单位 over 牵头单位 配合单位)
    repeated over them, and the second row's cells put under it, as a Word table has them (``_refines_header``)."""
    sub = [cell for cell in rows[0] if cell] if rows else []
    spanned = _spanned_by(header, sub)
    wider = [row for row in rows[1:] if len(row) == len(header) + len(sub) - 1]
    if spanned is None or len(wider) * 2 <= len(rows) - 1:
        return header, rows
    before, after = header[:spanned], header[spanned + 1:]
    spread = [*before, *[header[spanned]] * len(sub), *after]
    return spread, [[""] * len(before) + sub + [""] * len(after), *rows[1:]]


def _spanned_by(header: list[str], sub: list[str]) -> int | None:
    """Which one header cell a short second header row's cells name the columns of, if one does: years under a cell of
    values (目标值, 年度目标), units' roles under a cell of units (责任单位 over 牵头单位 | 配合单位)."""
    if not 2 <= len(sub) or len(sub) >= len(header):
        return None
    table = responsibility_rules().rules.table
    units = {*table.lead_headers, *table.support_headers}
    if all(_HEADER_YEAR.fullmatch(cell) for cell in sub):
        targets = indicator_rules().target_headers
        spanning = [i for i, cell in enumerate(header) if _value_header().fullmatch(cell) or any(word in cell for word in targets)]
    elif all(cell in units for cell in sub):
        spanning = [i for i, cell in enumerate(header) if cell in units]
    else:
        return None
    return spanning[0] if len(spanning) == 1 else None


def _placed_rows(rows: list[list[str]], header_width: int) -> list[list[str]]:
    """Each row's cells in their columns. A table pasted from a web page leaves out the lower parts of a merged cell
    (a 重点任务 over two rows): the row below has a cell fewer and its cells moved left. Such a short row is placed
    by the kinds of its cells (a row's number, a list of units, a time), as the table's whole rows have them in each
    column; an empty cell stands for the merged one, filled down later."""
    width = max([header_width] + [len(row) for row in rows])
    whole = [row for row in rows if len(row) == width]
    if not whole or len(whole) == len(rows):
        return rows
    kinds = [_column_kind([row[column] for row in whole]) for column in range(width)]
    # a row of one cell is written across the table (a year over a group of tasks), in its first column
    return [row if len(row) in (1, width) else _placed_row(row, kinds) for row in rows]


def _cell_kind(cell: str) -> str:
    if not cell:
        return "empty"
    if ROW_NUMBER.fullmatch(cell):
        return "number"
    if _DUE_TIME.fullmatch(cell):
        return "time"
    return "units" if names_units(cell) else "words"


def _column_kind(cells: list[str]) -> str:
    """The kind most of a column's written cells have."""
    kinds = [_cell_kind(cell) for cell in cells if cell] or ["empty"]
    return max(sorted(set(kinds)), key=kinds.count)


def _placed_row(row: list[str], kinds: list[str]) -> list[str]:
    """The short row with an empty cell in each column left out, where its cells' kinds fit the columns' best; as
    written (the missing cells last: empty at the row's end) unless another place fits better. Of places that fit as
    well, the leftmost columns are left out: a cell merged over rows is a group's, and groups stand left."""
    missing = len(kinds) - len(row)
    if missing > _MISSING_CELLS:
        return row
    row_kinds = [_cell_kind(cell) for cell in row]

    def fit(left_out: tuple[int, ...]) -> int:
        columns = [column for column in range(len(kinds)) if column not in left_out]
        return sum(kind == kinds[column] for kind, column in zip(row_kinds, columns) if kind in _TELLING_KINDS)

    as_written = tuple(range(len(row), len(kinds)))
    best = max(combinations(range(len(kinds)), missing), key=fit)
    if fit(best) <= fit(as_written):
        return row
    cells = iter(row)
    return ["" if column in best else next(cells) for column in range(len(kinds))]


def tidy_table(table: TableData, fill_down: bool = True) -> TableData:
    """Align the header with the columns, drop a caption above it and repeated headers, and (where the source has no
    grid) fill merged cells down."""
    written, below = (table.header, table.rows) if not _is_caption(table) else (table.rows[0], table.rows[1:])
    meant = _headers_of_kinds([written, *below])
    if meant is not None:
        written, below = meant, [written, *below]
    width = max([len(written)] + [len(row) for row in below])
    header = _aligned_header(_time_columns_named(written, below), width, grid=not fill_down)
    rows = [row + [""] * (width - len(row)) for row in below]
    rows = _repeats_written_out([row for row in rows if not _repeats_header(row, written)])
    if rows and _refines_header(header, rows[0]):
        header, rows = [_refined_cell(above, below) for above, below in zip(header, rows[0])], rows[1:]
    if fill_down:
        rows = _wrapped_cells_joined(header, rows)
        _fill_down(header, rows)
    return TableData(header=header, rows=rows, page=table.page, line=table.line)


def _wrapped_cells_joined(header: list[str], rows: list[list[str]]) -> list[list[str]]:
    """The rows with each line a name's words wrap onto joined to the row above (a PDF viewer's copy writes a name's
    second line as a row of its own: 2 | 规模化供水工程覆盖 | % | 65 | 70, then | 农村人口比例 | | |). A table that writes
    such a row right under its header groups its rows by such rows (| 经济发展 | | |): none of its rows is a wrap."""
    values = [column for column, name in enumerate(header) if _is_value_header(name)]
    closed = {*values, *columns_named(header, indicator_rules().unit_headers)}
    if not rows or not values or _is_wrap(values, closed, None, rows[0]):
        return rows
    joined = [rows[0]]
    for row in rows[1:]:
        if _is_wrap(values, closed, joined[-1], row):
            joined[-1] = [above + below for above, below in zip(joined[-1], row)]
        else:
            joined.append(row)
    return joined


def _is_wrap(values: list[int], closed: set[int], above: list[str] | None, row: list[str]) -> bool:
    """Whether ``row`` writes only the lower line of a name in the row ``above`` (None: the header's; a first row so
    shaped): one cell of words, no figure, out of the columns of values and units (``closed``: a row writing its own
    unit or 属性 is a row of its own, its values left blank: reader Y6), under a written cell right of the first one
    written above (a row across the table, a group's, opens at the first cell), or a note in brackets (（含桥梁）), while
    the row above holds a figure in one of the columns of ``values``. A group's name (（一）经济发展) is none."""
    written = [(column, cell.strip()) for column, cell in enumerate(row) if cell.strip()]
    if len(written) != 1:
        return False
    column, cell = written[0]
    if column in closed or _FIGURE.fullmatch(cell) or _opens_heading(cell):
        return False
    if above is None:
        return True
    first_above = next((at for at, text in enumerate(above) if text.strip()), len(above))
    return (bool(above[column].strip()) and (column > first_above or _OPENING_BRACKET.match(cell) is not None)
            and any(_FIGURE.fullmatch(above[at]) for at in values))


def _is_value_header(name: str) -> bool:
    """Whether a header cell names a column of values: a year's (2025年, 2025年目标值) or a value's (目标值, 现状)."""
    return bool(_YEAR_IN_HEADER.search(name) or _value_header().fullmatch(name))


def _repeats_written_out(rows: list[list[str]]) -> list[list[str]]:
    """The rows with each cell that says it holds what another holds (rules/indicators.yaml: 同上 and 同前 the cell above
    it, 同左 the cell on its left) holding that cell's text: 县住建局 | 同上 under 县市场监管局 | 县税务局、县人社局 is
    supported by 县税务局 and 县人社局, not by a unit named 同上 (reader W19)."""
    rules = indicator_rules()
    above, left = set(rules.same_as_above_cells), set(rules.same_as_left_cells)
    written: list[list[str]] = []
    for row in rows:
        cells: list[str] = []
        for column, cell in enumerate(row):
            word = spaceless(cell).rstrip("。") if len(cell) <= _REPEAT_CELL_LENGTH else ""
            if word in above and written and column < len(written[-1]):
                cell = written[-1][column]
            elif word in left and cells:
                cell = cells[-1]
            cells.append(cell)
        written.append(cells)
    return written


def _time_columns_named(header: list[str], rows: list[list[str]]) -> list[str]:
    """The header with each empty cell over a column of times named as a 时限 column is (rules/indicators.yaml
    deadline_headers): 序号 | 重点任务 | 牵头单位 | (empty) over 2025年底前, 2024年6月底前 dates each row's task, where the
    empty cell read as the span of 牵头单位 (a merged header's empty cells are over figures: 目标值 over 2025年 | 2026年)."""
    named = list(header)
    for column, name in enumerate(header):
        cells = [row[column] for row in rows if column < len(row) and row[column]]
        if not name and cells and all(_cell_kind(cell) == "time" for cell in cells):
            named[column] = header_word(indicator_rules().deadline_headers)
    return named


def header_word(words: list[str]) -> str:
    """The header a column read as of a kind is given: the first of the rule files' words over such columns, or none where a
    user's rule file empties the list (then no header says that kind, and the column stays unnamed)."""
    return words[0] if words else ""


def _headers_of_kinds(rows: list[list[str]]) -> list[str] | None:
    """The header a table pasted without one means (or a task table of one row: 推进农村供水保障工程。1.… | 县水利局),
    if its first row is no header: it names no column but units where its columns hold units, and the task's words
    left of them; or, in a list of what is done and its figures (送戏下乡 | 每年50场, 学前教育毛入园率 | 95%), no column at
    all. Its columns are named by what they hold: 序号 over row numbers, 责任单位 over units, 时限 over times, a task's
    header over the column of words nearest left of the first units (or of the first figures), 建设内容 over figures."""
    if any(names_a_column(cell) and _cell_kind(cell) != "time" for cell in rows[0]):
        return None  # a row's time (2025年底) reads as a year's column name too; 牵头单位 names a column, though a unit
    width = max(map(len, rows))
    kinds = [_column_kind([row[column] for row in rows if column < len(row)]) for column in range(width)]
    task = _task_beside_units(rows, kinds) if "units" in kinds else None
    task = _task_before_figures(rows, kinds) if task is None else task
    if task is None:
        return None
    table, indicators = responsibility_rules().rules.table, indicator_rules()
    named = {"number": table.not_action_headers, "units": table.support_headers, "time": indicators.deadline_headers,
             "figures": indicators.content_headers}
    return [header_word(table.action_headers if column == task else named.get(kind, [])) for column, kind in enumerate(kinds)]


def _task_beside_units(rows: list[list[str]], kinds: list[str]) -> int | None:
    """The column of the tasks of a table whose first row holds units (its columns' ``kinds``): the words nearest left of
    the first units. A header naming no column of the lists (所在街道 over 桃源街道) holds none."""
    units = kinds.index("units")
    if units >= len(rows[0]) or not names_units(rows[0][units]):
        return None
    return next((column for column in range(units - 1, -1, -1) if kinds[column] == "words"), None)


def _task_before_figures(rows: list[list[str]], kinds: list[str]) -> int | None:
    """The column of what is done in a list of it and its figures (its columns' ``kinds``, each column of figures
    marked so there): after a row's number, if any, a column of words that are mostly no figure (though they may end as
    a unit's name does: 送书下乡, 建设乡镇综合文化站), then columns each of
    whose written cells holds a figure (每年50场, 95%, 3万亩), or a time, one of figures at least. A header naming
    columns of no list (类别 | 数量) holds no figure, and one of years names its columns."""
    task = 1 if kinds[0] == "number" else 0
    if len(kinds) < task + 2 or kinds[task] not in _NAME_KINDS or len(rows) < _LIST_ROWS or any(map(_names_a_column_alone, rows[0])):
        return None  # a year alone (区域 | 2024年 | 2025年) heads a column, where a row's time says 2025年底
    names = [row[task] for row in rows if task < len(row) and row[task]]
    for column in range(task + 1, len(kinds)):
        cells = [row[column] for row in rows if column < len(row) and row[column]]
        if kinds[column] != "time":
            if not cells or not all(map(_FIGURE_CELL.fullmatch, cells)):
                return None
            kinds[column] = "figures"
    figured = sum(1 for name in names if _FIGURE_CELL.fullmatch(name))
    return task if "figures" in kinds and figured * 2 < len(names) else None


def _is_caption(table: TableData) -> bool:
    """Whether the table's first row is its caption (表1 | 主要发展指标 over 指标 | 2020年 | 2025年, typed on a row of
    its own, or a cell across the table): fewer cells written than the row below, none naming a column, where the row
    below names columns."""
    written = [cell for cell in dict.fromkeys(table.header) if cell.strip()]
    return bool(table.rows) and len(written) < len([cell for cell in table.rows[0] if cell.strip()]) \
        and not names_columns(written) and names_columns(table.rows[0]) and not _merged_down(table.header, table.rows[0])


def _merged_down(row: list[str], below: list[str]) -> bool:
    """Whether a row's first cell, of several written, stands over both rows, the row below repeating it (a page's or
    Word's cell merged down) or, dating the columns right of it, leaving it empty (a text copy of one): 区县 |
    年度筹集任务（套） over 区县 | 2024年 | 2025年 is a header written over two rows, no caption (表1 | 主要发展指标 over 指标 | …)."""
    if len([cell for cell in row if cell.strip()]) < 2 or not row[0].strip():
        return False
    years = sum(1 for cell in below[1:] if _HEADER_YEAR.fullmatch(cell))
    return below[0].strip() == row[0].strip() or not below[0].strip() and years >= 2


def _fill_down(header: list[str], rows: list[list[str]]) -> None:
    """An empty cell below a written one is the lower part of a merged cell, except in a note column, under a figure
    in a column of values (2025年, 目标值: an empty cell there gives no value, as — does) and in a row written across
    the whole table: a note (注：…, 说明：…) or a year over a group of tasks, nor in a 单位 column beside a name that
    closes with its unit in brackets (养老机构床位数（张） under a row of 人). A total row (合计, 小计) takes no cell from the
    rows it sums, and its empty cell does not end a merged cell that goes on below it."""
    totals = {number for number, row in enumerate(rows) if _is_total_row(row)}
    # a figure alone on its row is no merged cell's top (which writes the rest of its row: 1 | 重点任务 | …) but a mark a
    # PDF's header set apart (a footnote's 10 beside a column's name) or a page's number: it neither fills nor is filled
    filled = [(number, row) for number, row in enumerate(rows) if not _is_a_figure_alone(row)]
    own_leads = _rows_with_own_lead(header, rows)
    own_units = {number for number, row in enumerate(rows) if any(unit_in_name(cell) for cell in row)}
    units = columns_named(header, indicator_rules().unit_headers)
    for column, name in enumerate(header):
        if name in indicator_rules().note_headers or not filled or not filled[0][1][column]:
            continue
        values = _is_value_header(name)
        supports = column in own_leads
        above = filled[0][1]
        for number, row in filled[1:]:
            if (number in totals or (column in units and number in own_units)) and not row[column]:
                continue  # no lower part of the merged cell above, which goes on below it
            across = _is_note_row(row) or group_year(row) is not None or (supports and number in own_leads[column])
            if not row[column] and not across and not (values and _FIGURE.fullmatch(above[column])):
                row[column] = above[column]
            above = row


def _is_a_figure_alone(row: list[str]) -> bool:
    written = [cell for cell in row if cell]
    return len(written) == 1 and _FIGURE.fullmatch(written[0]) is not None


def unit_in_name(cell: str) -> str | None:
    """The measure word a cell's closing brackets give its name (养老机构床位数（张） → 张, 居民人均可支配收入（元，现价） → 元,
    its price basis after it, 旅游总收入（全口径，亿元） → 亿元, its scope before it), or None where they hold none (（可比价）,
    （2020年价）, （含经济林）: reader Y15)."""
    name = cell.rstrip()
    if not name.endswith(("）", ")")):
        return None  # most cells; and a cell of spaces is searched for no bracket from each of them
    bracket = UNIT_IN_NAME.search(name)
    # the unit first, its basis after it (元，现价), or a note of scope first (旅游总收入（全口径，亿元）: reader P7)
    parts = _NOTE_AFTER_A_UNIT.split(bracket.group().strip()[1:-1]) if bracket else []
    return next((part.strip() for part in parts if part.strip() and measure_word().fullmatch(part.strip())), None)


def _rows_with_own_lead(header: list[str], rows: list[list[str]]) -> dict[int, set[int]]:
    """Each support column of a 分工表 (配合单位 beside 牵头单位) and the rows that write their own lead: an empty support
    cell there is no merged cell's lower part but a task no one supports (a merged block leaves the lead cell empty too)."""
    lead, supports = unit_columns(header)
    if lead is None:
        return {}
    own = {number for number, row in enumerate(rows) if row[lead].strip()}
    return {column: own for column in supports}


def unit_columns(header: list[str]) -> tuple[int | None, list[int]]:
    """A 分工表's lead column (the first) and its support columns, by their headers, which are the notes' labels: a
    责任单位 column beside a 配合单位 column leads, as the labels do (``roles_beside_helpers``), unless its note says which
    of its units leads (责任单位（排在第一位的为牵头单位）: ``first_leads``)."""
    rules = responsibility_rules()
    roles = {column: "lead" for column in columns_named(header, rules.rules.table.lead_headers)}
    roles.update((column, "support") for column in columns_named(header, rules.rules.table.support_headers) if column not in roles)
    columns = sorted(roles)
    words = [column_label(header[column]) for column in columns]
    roles_read = roles_beside_helpers(words, [roles[column] for column in columns], rules)
    roles_read = [roles[column] if rules.first_leads.search(header[column]) else role for column, role in zip(columns, roles_read)]
    leads = [column for column, role in zip(columns, roles_read) if role == "lead"]
    supports = [column for column, role in zip(columns, roles_read) if role == "support"]
    return (leads[0], supports) if leads else (None, supports)


def columns_named(header: list[str], names: list[str]) -> list[int]:
    """The columns whose header cell, without its note in brackets (牵头单位（部门）), is one of ``names``."""
    return [index for index, cell in enumerate(header) if column_label(cell) in names]


def column_label(cell: str) -> str:
    """A header cell's word without its note in brackets and its spaces (牵头单位（部门） → 牵头单位), as a note's label."""
    return _HEADER_NOTE.sub("", cell, 0, None, None, patterns.NOT_CONCURRENT)


def _is_note_row(row: list[str]) -> bool:
    return note_row().match(row[0]) is not None and not any(row[1:])


@rules_cache
def note_row() -> regex.Pattern:
    """A text opening with a note's label (note_label)."""
    return patterns.compile(note_label())


@rules_cache
def note_label() -> str:
    """The label opening a note (注：, 说明1：, 数据来源：: rules/indicators.yaml note_labels), under a table or in a row
    across it; its number's spaces read one way (\\s*\\d*\\s* read a label of many spaces and no colon in as many ways
    as it has spaces, for each row of each column)."""
    return rf"\s*(?:{patterns.any_word(indicator_rules().note_labels)})\s*(?:\d+\s*)?[:：]"


def _is_total_row(row: list[str]) -> bool:
    """Whether the row sums the rows above it: a total's word (rules/indicators.yaml total_row_words: 合计, 小计, 累计) in
    its label (合 计, 全镇合计, 合计（公里）), the first cell or, under a blank number, the second (a header's lower row
    names 小计 further right)."""
    label = next((cell for cell in row[:2] if cell.strip()), "")
    return total_row_label().search(spaceless(label)) is not None


@rules_cache
def total_row_label() -> regex.Pattern:
    """A total row's label (rules/indicators.yaml total_row_words), searched in its folded, spaceless cell."""
    return patterns.compile(patterns.any_word(indicator_rules().total_row_words))


def spaceless(cell: str) -> str:
    """A cell folded and without spaces (合 计 as 合计), as a label is compared."""
    return regex.sub(r"\s+", "", fold(cell))


def group_year(row: list[str]) -> int | None:
    """The year a row written across the table names over that year's tasks (2024年, （一）2024年重点任务, 第一阶段
    （2024年）, in any one of its cells, or in all of them where a reader repeats a merged cell), its last where it spans
    years (2025—2026年); else None."""
    written = {cell.strip() for cell in row if cell.strip()}
    if len(written) != 1 or not _GROUP_ROW.fullmatch(cell := written.pop()):
        return None
    return int(_YEARS.findall(cell)[-1])


def _aligned_header(header: list[str], width: int, grid: bool) -> list[str]:
    """One header cell per column: a cell spanning columns is repeated over them.

    A spanned cell reads as an empty cell after it (a Word or tab layout) or as
    a header shorter than the rows (one cell a line); in the latter, the first
    cell keeps the first column, the last cells the last columns, and the
    second cell spans what is left. Where the reader knows the ``grid`` (Word,
    a web page), the empty cells closing the header are the columns the last
    written one spans (目标值 over 2025年 | 2026年), never a short header.
    """
    cells = list(header)
    while cells and not cells[-1] and not grid:
        cells.pop()
    if 2 <= len(cells) < width:
        cells = cells[:1] + [cells[1]] * (width - len(cells) + 1) + cells[2:]
    for index in range(1, len(cells)):
        cells[index] = cells[index] or cells[index - 1]
    return cells + [""] * (width - len(cells))


def _refines_header(header: list[str], row: list[str]) -> bool:
    """A second header row naming the columns a header cell spans (责任单位 over 牵头单位 | 配合单位) or dating the columns
    above it (基期值 | 目标值 over 2020年 | 2025年): under a spanning cell it names each column anew, under another it
    dates it, elsewhere it repeats the header (a merged cell) or is empty."""
    spanned = {index for index in range(len(header)) if header[index] and header[index] in header[index + 1: index + 2] + header[max(index - 1, 0): index]}
    dated = {index for index in range(len(header)) if index not in spanned and row[index] != header[index]
             and _HEADER_YEAR.fullmatch(row[index]) and _value_header().fullmatch(header[index])}
    renamed = {row[index] for index in spanned if row[index] and row[index] != header[index]}
    return (
        (len(renamed) > 1 or (bool(dated) and not renamed))
        and all(row[index] in ("", header[index]) for index in range(len(header)) if index not in spanned | dated)
    )


@rules_cache
def _value_header() -> regex.Pattern:
    """A header cell of values a year below it dates: 目标值, 基期值, 现状值, 预期值, 指标值, or a target or base word of
    rules/indicators.yaml whole (目标, 现状); not 序号, 重点任务 or 目标任务, whose year row opens a group of tasks."""
    return patterns.compile(rf"\s*(?:{value_header_words()})\s*")


def value_header_words() -> str:
    """A header's words of the values its column holds, the whole header: a word closing it (目标值, 基期值, 现状值) or a
    word of targets or of the base (目标, 现状: rules/indicators.yaml target_headers, base_row_notes)."""
    rules = indicator_rules()
    return f"{value_word()}|{patterns.any_word([*rules.target_headers, *rules.base_row_notes])}"


def _refined_cell(above: str, below: str) -> str:
    """A header cell and the second header row's cell under it: the column's own name under a spanning cell (牵头单位
    under 责任单位), a year dating the cell above (目标值 over 2025年: 目标值（2025年）; before the unit the cell closes
    with: 年度筹集任务（套） over 2025年: 年度筹集任务（2025年）（套）), else the cell above."""
    if below and below != above and _HEADER_YEAR.fullmatch(below):
        unit = UNIT_IN_NAME.search(above) if unit_in_name(above) else None
        at = unit.start() if unit else len(above)
        return f"{above[:at]}（{below}）{above[at:]}" if above else below
    return below or above


def _repeats_header(row: list[str], header: list[str]) -> bool:
    return [cell for cell in row if cell] == [cell for cell in header if cell]
