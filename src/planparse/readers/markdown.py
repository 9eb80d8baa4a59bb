"""Markdown (.md), as pandoc, Typora, notes apps and site editors export a plan: its text without the markup.

A heading's hashes (## 一、总体要求), a quote's >, a bullet's -, emphasis (**…**), links ([名称](url)), images,
inline code and the backslashes that keep a character from being markup (pandoc writes 1\\. for a line
that would open a list) are no part of the plan's text. A pipe table (| 序号 | 牵头单位 |, its |---| row under
the header, or rows framed by pipes with as many cells where a copy lost that row) is a table, its rows tab-joined
as a reader's table rows are. A heading, a bullet, a rule, a fence or a table opens a paragraph; other lines are left for normalise to join or part, as in a text file, blank lines
between them too: an export may be a text with a paragraph a line, or text copied out of a PDF with a blank line
after every wrapped line, which Markdown would render as paragraphs of their own.
"""
from __future__ import annotations

from pathlib import Path

import regex

from ..limits import check_text_size
from ..models import SourceLine, TableData
from ..normalize import is_page_number
from .crawled import ATTRIBUTES
from .markdown_blocks import cells, heading_title, table_end, table_rows_start
from .txt import decode_text, split_lines

_FENCE = regex.compile(r"^ {0,3}(?:`{3,}|~{3,})")
_FRONT_MATTER = regex.compile(r"^---[ \t]*$")
# Repeats possessive (*+, ++): a line that is almost a rule or a delimiter row (- - - … x) fails at once, not after
# going back through every repeat
_RULE_OR_UNDERLINE = regex.compile(r"^ {0,3}(?:(?:[-*_][ \t]*+){3,}+|=++[ \t]*+)$")  # --- *** ___ and a setext heading's ===
_QUOTE = regex.compile(r"^(?: {0,3}>[ ]?)+")
_BULLET = regex.compile(r"^[ \t]*[-*+][ \t]+")
# Inline markup, found in one pass so that an escaped character is never read as markup: an escape, inline code, an
# image, a link, strong emphasis, emphasis by single stars, an HTML line break or tag (its attributes' names in ASCII:
# a plan's x<s 且 y>0 holds none). No part runs past the next mark that would open another of its kind ([, (, *, `, <): a
# line of thousands of [ is read in linear time.
_INLINE = regex.compile(
    r"\\(?P<escaped>[!-/:-@\[-`{-~])|`(?P<code>[^`]*)`|!\[[^\[\]]*\]\([^()\s]*\)|\[(?P<linked>[^\[\]]*)\]\([^()\s]*\)"
    f"|\\*\\*|__|\\*(?=[^\\s*])(?P<stressed>[^*]*?[^\\s*\\\\])\\*|<br[ \\t]*/?>|</?[A-Za-z][A-Za-z0-9:-]*{ATTRIBUTES}>"
)


def _inline(match: regex.Match) -> str:
    for group in ("escaped", "code", "linked", "stressed"):
        if match.group(group) is not None:
            return _plain(match.group(group)) if group in ("linked", "stressed") else match.group(group)
    return " " if match.group().lower().startswith("<br") else ""


def _plain(text: str) -> str:
    """``text`` without its inline markup."""
    return _INLINE.sub(_inline, text)


def _cells(row: str) -> list[str]:
    return [_plain(cell).strip() for cell in cells(row)]


def _block_text(line: str) -> tuple[str, bool]:
    """A line's text without its block markup, and whether the markup opens a block (a heading, a bullet)."""
    if is_page_number(line):
        return line, False  # - 3 - is no bullet
    title = heading_title(line)
    if title is not None:
        return title, True
    line = _QUOTE.sub("", line)
    bulleted = _BULLET.sub("", line)
    return bulleted, bulleted != line


def _front_matter_end(lines: list[str]) -> int:
    """Where the text starts after a YAML front matter block (--- / title: … / ---), which a notes app writes first."""
    if not lines or not _FRONT_MATTER.match(lines[0]):
        return 0
    return next((index + 1 for index, line in enumerate(lines[1:], 1) if _FRONT_MATTER.match(line)), 0)


class _Reader:
    def __init__(self, lines: list[str]):
        self.source = lines
        self.lines: list[SourceLine] = []
        self.tables: list[TableData] = []
        # the next line opens a paragraph: a rule, a fence, a table or markup with no text came before. A blank line
        # does not tell: a text copied out of a PDF and saved as Markdown has one between every wrapped line.
        self.after_break = True

    def read(self) -> None:
        index, fenced = _front_matter_end(self.source), False
        while index < len(self.source):
            line = self.source[index]
            if _FENCE.match(line):
                fenced, self.after_break = not fenced, True
            elif fenced:
                self.add(line, index)
            elif "|" in line and (rows_start := table_rows_start(self.source, index)) is not None:
                index = self.table(index, rows_start)
                continue
            elif _RULE_OR_UNDERLINE.match(line):
                self.after_break = True
            elif line.strip():
                self.block_line(line, index)
            index += 1

    def block_line(self, line: str, index: int) -> None:
        text, opens = _block_text(line)
        text = _plain(text)
        if text.strip():
            self.add(text, index, opens)
        else:  # an image alone, an empty heading: a break between paragraphs
            self.after_break = True

    def add(self, text: str, index: int, opens: bool = False) -> None:
        self.lines.append(SourceLine(text=text, line=index + 1, opens_paragraph=True if opens or self.after_break else None))
        self.after_break = False

    def table(self, header_index: int, rows_start: int) -> int:
        """Read the table whose header is at ``header_index`` and rows start at ``rows_start``; where the text goes on
        after it."""
        end = table_end(self.source, rows_start)
        rows = [_cells(self.source[header_index])] + [_cells(row) for row in self.source[rows_start:end]]
        self.tables.append(TableData(header=rows[0], rows=rows[1:], line=header_index + 1))
        numbers = [header_index] + list(range(rows_start, end))
        self.lines.extend(SourceLine(text="\t".join(row), line=number + 1, in_table=True) for number, row in zip(numbers, rows))
        self.after_break = True
        return end


def read_markdown(path: Path, data: bytes) -> tuple[list[SourceLine], list[TableData]]:
    text = decode_text(data, path)
    check_text_size(path, len(text))
    reader = _Reader([line.text for line in split_lines(path, text)])
    reader.read()
    return reader.lines, reader.tables
