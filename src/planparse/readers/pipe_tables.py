"""Pipe tables (| 序号 | 牵头单位 |, a |---| row under the header), as Markdown writes a table: in a .md file, and pasted
from a Markdown editor, a chat or a wiki into a text file."""
from __future__ import annotations

from dataclasses import replace

from .. import patterns
from ..models import SourceLine

# Repeats possessive (*+, ++): a line that is almost a delimiter row fails at once, not after going back through every repeat
_TABLE_DELIMITER = patterns.compile(r"^[ \t]*+\|?[ \t]*+:?-++:?[ \t]*+(?:\|[ \t]*+:?-++:?[ \t]*+)*+\|?[ \t]*+$")
_CELL_EDGE = patterns.compile(r"^[ \t]*\||(?<!\\)\|[ \t]*$")
_CELL_BORDER = patterns.compile(r"(?<!\\)\|")


def delimits_table(following: list[str]) -> bool:
    """Whether the line after a line with a | is a table's delimiter row (|---|:---:|), not a rule (---)."""
    return bool(following) and "|" in following[0] and bool(_TABLE_DELIMITER.match(following[0]))


def table_end(lines: list[str], header_index: int) -> int:
    """Where the pipe table whose header is at ``header_index`` ends: at the first line after its delimiter row that
    is blank or holds no |."""
    end = header_index + 2  # past the delimiter row
    while end < len(lines) and "|" in lines[end] and lines[end].strip():
        end += 1
    return end


def cells(row: str) -> list[str]:
    """A row's cells as written, an escaped \\| in them kept as such."""
    return _CELL_BORDER.split(_CELL_EDGE.sub("", row))


def pipe_tables_as_rows(lines: list[SourceLine]) -> list[SourceLine]:
    """``lines`` of a text file with each pipe table in them read as a table typed with tabs: its rows' cells joined by
    tabs, which the tables stage reads as a text's table, the delimiter row blank. Left as written, the cells parted by |
    were one line of words, and the table's figures gave no target."""
    texts = [line.text for line in lines]
    rows = list(lines)
    index = 0
    while index < len(texts) - 1:
        if "|" in texts[index] and delimits_table(texts[index + 1:index + 2]):
            end = table_end(texts, index)
            rows[index + 1] = replace(lines[index + 1], text="")
            for row in (index, *range(index + 2, end)):
                rows[row] = replace(lines[row], text="\t".join(cell.strip().replace("\\|", "|") for cell in cells(texts[row])))
            index = end
        else:
            index += 1
    return rows
