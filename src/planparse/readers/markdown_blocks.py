"""Markdown's marks of blocks a text file keeps when Markdown is pasted into it (from a Markdown editor, a chat or a
wiki), read there as in a .md file: pipe tables (| 序号 | 牵头单位 |, a |---| row under the header, or rows framed by pipes
with as many cells where a copy lost it) and headings set
with hashes (## 一、总体要求)."""
from __future__ import annotations

from dataclasses import replace

from .. import patterns
from ..models import SourceLine

# Repeats possessive (*+, ++): a line that is almost a delimiter row fails at once, not after going back through every repeat
_TABLE_DELIMITER = patterns.compile(r"^[ \t]*+\|?[ \t]*+:?-++:?[ \t]*+(?:\|[ \t]*+:?-++:?[ \t]*+)*+\|?[ \t]*+$")
_CELL_EDGE = patterns.compile(r"^[ \t]*\||(?<!\\)\|[ \t]*$")
_CELL_BORDER = patterns.compile(r"(?<!\\)\|")
_HEADING = patterns.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*)|[ \t]*)$")
# A delimiter row inside a line, after the header's cells (| 指标 | 2025年 | |---|---| | …): a pipe table whose line
# breaks were lost, as a crawler stores a page or a chat copies a table. Possessive repeats, as in _TABLE_DELIMITER.
_SENTENCE_END = patterns.compile(r"[。！？!?]")
_INLINE_DELIMITER = patterns.compile(r"(?<=\|[ \t]*+)\|(?:[ \t]*+:?-++:?[ \t]*+\|){2,}")


def _delimits_table(following: list[str]) -> bool:
    """Whether the line after a line with a | is a table's delimiter row (|---|:---:|), not a rule (---)."""
    return bool(following) and "|" in following[0] and bool(_TABLE_DELIMITER.match(following[0]))


def _framed_cells(line: str) -> int:
    """How many cells a line framed by pipes holds (| 城市污水处理率（%） | 98 |: 2); 0 for a line that is not framed."""
    framed = line.strip()
    return len(cells(framed)) if len(framed) > 1 and framed[0] == "|" and framed[-1] == "|" and framed[-2] != "\\" else 0


def table_rows_start(lines: list[str], header_index: int) -> int | None:
    """Where the rows start of the pipe table whose header is the line at ``header_index`` (holding a |): after its
    delimiter row, or right under the header where a copy lost that row (a chat's, a notes app's, a site editor's:
    | 指标 | 2025年 | over | 城市污水处理率（%） | 98 |), the header and the line under it framed by pipes with as many
    cells, two at least; None where no table starts there. A line of prose with a | in it (指标口径|说明) is framed by none."""
    following = lines[header_index + 1:header_index + 2]
    if _delimits_table(following):
        return header_index + 2
    width = _framed_cells(lines[header_index])
    return header_index + 1 if width > 1 and following and _framed_cells(following[0]) == width else None


def table_end(lines: list[str], rows_start: int) -> int:
    """Where the pipe table whose rows start at ``rows_start`` ends: at the first line from there that is blank or
    holds no |."""
    end = rows_start
    while end < len(lines) and "|" in lines[end] and lines[end].strip():
        end += 1
    return end


def cells(row: str) -> list[str]:
    """A row's cells as written, an escaped \\| in them kept as such."""
    return _CELL_BORDER.split(_CELL_EDGE.sub("", row))


def heading_title(line: str) -> str | None:
    """The title of a heading set with hashes (## 一、工作目标 ##: 一、工作目标), None for a line that is no such heading."""
    heading = _HEADING.match(line) if line.lstrip(" ")[:1] == "#" else None
    return None if heading is None else _without_closing_hashes(heading.group(1) or "")


def _without_closing_hashes(title: str) -> str:
    """An ATX heading's title without the hashes that may close it (## 一、工作目标 ##), found by stripping, not by a
    pattern (one tried at every space of a hostile line of spaces takes quadratic time)."""
    title = title.rstrip(" \t")
    opened = title.rstrip("#")
    return opened.rstrip(" \t") if opened != title and (not opened or opened[-1] in " \t") else title


def markdown_blocks_as_text(text: str, lines: list[SourceLine]) -> list[SourceLine]:
    """The ``lines`` of ``text`` with Markdown's blocks in them read as a text's: a heading as its title (## 一、发展目标:
    一、发展目标, which opened no section, nor did ### （一）… under it; # 关于印发…的通知 was read as the notice's title with
    its #), a pipe table as a table typed with tabs, its rows' cells joined by tabs, which the tables stage reads as a
    text's table, the delimiter row blank (the cells parted by | were one line of words, and the table's figures gave
    no target)."""
    if "#" in text:
        lines = [line if (title := heading_title(line.text)) is None else replace(line, text=title) for line in lines]
    return _pipe_tables_as_rows(_inline_pipe_tables_as_lines(lines)) if "|" in text else lines


def _pipe_tables_as_rows(lines: list[SourceLine]) -> list[SourceLine]:
    texts = [line.text for line in lines]
    rows = list(lines)
    index = 0
    while index < len(texts) - 1:
        start = table_rows_start(texts, index) if "|" in texts[index] else None
        if start is not None:
            end = table_end(texts, start)
            rows[index + 1:start] = [replace(line, text="") for line in lines[index + 1:start]]  # the delimiter row
            for row in (index, *range(start, end)):
                rows[row] = replace(lines[row], text="\t".join(cell.strip().replace("\\|", "|") for cell in cells(texts[row])))
            index = end
        else:
            index += 1
    return rows


def pipe_tables_in_restored_lines(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines of a text whose line breaks were restored (linebreaks) with each pipe table run onto one of them cut
    out and read as a tab table, whatever sentences the prose around it ends."""
    return _pipe_tables_as_rows(_inline_pipe_tables_as_lines(lines, restored=True)) if any("|" in line.text for line in lines) else lines


def _inline_pipe_tables_as_lines(lines: list[SourceLine], restored: bool = False) -> list[SourceLine]:
    """The lines with a pipe table run onto one (…主要指标如下：| 指标 | 2025年 | |---|---| | 人均预期寿命（岁） | 79.5 |二、重点任务…)
    cut into the prose before it, its header, delimiter and rows, one a line, and the prose after it (a line of its own
    too): the table read as one typed in lines (the line gave no target, or false ones read across its cells)."""
    return [piece for line in lines for piece in (_inline_pipe_table(line, restored) if "-" in line.text and "|" in line.text else [line])]


def _inline_pipe_table(line: SourceLine, restored: bool = False) -> list[SourceLine]:
    text = line.text
    delimiter = _INLINE_DELIMITER.search(text)
    if delimiter is None:
        return [line]
    width = delimiter.group().count("|") - 1
    before = _CELL_BORDER.split(text[:delimiter.start()].rstrip(" \t"))
    if len(before) < width + 2 or before[-1].strip():
        return [line]  # no header's cells right before it
    header = "|" + "|".join(before[-width - 1:])
    rows, end = [], delimiter.end()
    row = patterns.compile(r"[ \t]*+\|(?:(?:\\.|[^|\\\n])*+\|){%d}" % width)  # a row of as many cells, run on after the last
    while (found := row.match(text, end)) is not None:
        rows.append(found.group().strip(" \t"))
        end = found.end()
    prose, after = "|".join(before[:-width - 1]), text[end:]
    if not restored and (_SENTENCE_END.search(prose) or _SENTENCE_END.search(after)):
        return [line]  # a text whose every line break was lost: its lines are found first (linebreaks), cut then
    pieces = [replace(line, text=piece) for piece in (prose, header, delimiter.group(), *rows) if piece.strip()]
    if after.strip():  # the prose after may run on into a table of its own (…| 40 | 二、重点任务 | 任务 | 时限 | |---|---| …)
        pieces += _inline_pipe_table(replace(line, text=after), restored)
    return [replace(piece, opens_paragraph=True) if index else piece for index, piece in enumerate(pieces)]
