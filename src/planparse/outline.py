"""The outline a structured document hands on: its sections, and each paragraph with the sections it sits in.

Below the stages that build it (structure) and read it (metadata, targets, responsibilities), so that each imports it
without importing the other.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from itertools import islice, takewhile

from .models import Paragraph, Section, TableData


@dataclass
class Block:
    """A paragraph with the sections it sits in (outermost first)."""

    paragraph: Paragraph
    trail: list[Section]
    heading: Section | None = None
    title_start: int = 0  # where a heading's title and body begin in the paragraph's text
    body_start: int = 0
    names_attachments: bool = False  # a paragraph of the list of the documents attached, whose figures are their names'

    @property
    def section(self) -> Section | None:
        return self.trail[-1] if self.trail else None


@dataclass
class Outline:
    sections: list[Section]
    blocks: list[Block]

    @cached_property
    def _block_lines(self) -> list[int]:
        return [block.paragraph.line for block in self.blocks]

    def paragraph_before(self, line: int, text: str) -> Paragraph | None:
        """The paragraph before the one at ``line`` that reads ``text`` (a table's caption above its header row); a
        text whose line breaks were lost has every paragraph at line 1, so the line alone does not find it."""
        at = self.header_block(line, text)
        return self.blocks[at - 1].paragraph if at > 0 else None

    def paragraph_after(self, line: int, text: str, rows: int) -> Paragraph | None:
        """The paragraph after the ``rows`` rows of the table whose header row at ``line`` reads ``text`` (a note under
        it); None where another table follows them: a note under the second of two tables is not the first's. A row
        repeating the header goes on with the table on another page, its rows there not counted: the note under its
        last part is the table's. A header over two rows, which no paragraph reads, has its lower row in a paragraph
        of its own."""
        at = self.header_block(line, text) + 1
        end = at + rows + (self.block_reading(line, text) is None)
        while at < len(self.blocks) and self.blocks[at].paragraph.in_table:
            if text in (self.blocks[at].paragraph.text, self.blocks[at].paragraph.written):
                end = len(self.blocks)
            elif at >= end:
                return None
            at += 1
        return self.blocks[at].paragraph if at < len(self.blocks) else None

    def header_block(self, line: int, text: str) -> int:
        """The index of the block of a table's header row at ``line`` reading ``text``, else of the first at ``line``: a header
        over two rows (责任单位 over 牵头单位 | 配合单位) is read as one, which no paragraph reads."""
        at = self.block_reading(line, text)
        return bisect_left(self._block_lines, line) if at is None else at

    def row_lines(self, table: TableData) -> list[int] | None:
        """The line of each of ``table``'s rows: those of the paragraphs after its header's, when they are one a row (a
        Markdown table's delimiter row, a blank line between rows are no row); None where they are not (a table of one
        cell a line, rows left out as notes, a table right under another)."""
        header = self.header_block(table.line or 0, "\t".join(table.header))
        if header >= len(self.blocks) or not self.blocks[header].paragraph.in_table:
            return None
        rows = [block.paragraph.line for block in takewhile(lambda block: block.paragraph.in_table, islice(self.blocks, header + 1, None))]
        return rows if len(rows) == len(table.rows) else None

    def block_reading(self, line: int, text: str) -> int | None:
        """The index of the block at ``line`` whose paragraph reads ``text`` (a table's header row), folded or as written
        (a traditional copy's 序號, as the table is written, is the paragraph's 序号 folded), None if none does.
        Only the blocks at ``line`` are read: a table whose header row no paragraph reads as written (a merged cell's
        text repeated in the table, once in the paragraph) read them all to the document's end, and a document of
        many such tables grew as the square of its length."""
        lines = self._block_lines
        return next((index for index in range(bisect_left(lines, line), bisect_right(lines, line))
                     if text in (self.blocks[index].paragraph.text, self.blocks[index].paragraph.written)), None)

    def trail_above(self, line: int) -> list[Section]:
        """The headings that text at ``line`` stands under: those of the last paragraph before it
        (the line list built once: a document of many tables asks for each)."""
        index = bisect_right(self._block_lines, line) - 1
        return self.blocks[index].trail if index >= 0 else []
