"""What the readers share of a table's cells: merged cells (DOCX, RTF, Word 97), tables typed with tabs, and the
cell that holds a page, which makes its table a frame (DOCX, HTML, PDF)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .. import patterns
from .. import limits
from ..limits import LinesPastLimit
from ..models import SourceLine, TableData


def vertical_merges_filled(rows: list[list[str]], continued: list[set[int]]) -> list[list[str]]:
    """The rows as the table means them: a cell continuing a vertical merge (its column in ``continued``, row by
    row; written empty) holds the text of the cell it continues; the columns a cell spans across stay empty (a value
    written once over several columns is no value of each)."""
    meant: list[list[str]] = []
    for row, columns in zip(rows, continued):
        above = meant[-1] if meant else []
        meant.append([above[i] if i in columns and i < len(above) else cell for i, cell in enumerate(row)])
    return meant


# A cell holding more than these characters, and most of its table's, holds a page of text: a web page's frame
# printed or pasted around its article, a 红头 template's body laid out in a table beside its 索引号 and 文号 boxes.
PAGE_CELL_CHARS = 300
PAGE_CELL_SHARE = 0.5
# A table's cell of paragraphs holds a plan's body when it opens this many with a heading's marker at least, and shares
# its row with one box at most (a column of links); a task table's cell of numbered steps stands beside its units and time.
PAGE_HEADINGS = 3
_PAGE_ROW_CELLS = 2
# Beside a unit, a plan's body shows this many headings over their passages at least (一、总体目标 alone over its text,
# 二、重点任务 over （一）…。, 三、保障措施：… run in); a task's steps are sentences, each its own marker's (1.新建…，…。).
PAGE_HEADED_PASSAGES = 2
_SENTENCE_END = patterns.compile(r"[。；;！？!?]")
# a heading's title run into its text: a few words, no comma, list mark or figure, then a full stop or a colon and text
_TITLE_RUN_IN = patterns.compile(r"\s*[^，,、；;。：:\d]{2,20}[。：:]\s*\S")


def page_cell(lengths: list[int], least: int = PAGE_CELL_CHARS) -> int | None:
    """Which of a table's cells, given their lengths, holds a page of text (more than ``least`` characters), if one does."""
    if not lengths:
        return None
    longest = max(range(len(lengths)), key=lengths.__getitem__)
    return longest if lengths[longest] > least and lengths[longest] > PAGE_CELL_SHARE * sum(lengths) else None


def body_cell(rows: list[list[str]]) -> tuple[int, int] | None:
    """Where (row, place among the row's filled cells) a table's cell may hold a plan's body, given the texts of its
    filled cells row by row: a page of text, in a row of one box beside it at most, under no row naming columns (a
    task table's one long row under 重点任务 | 责任单位 is no body). A frame of one row may hold a short plan (185
    characters beside its office's box): there, the cell need only hold most of the text; its headings tell it
    (holds_a_page)."""
    from ..tables import names_only_columns  # here: as opens_heading's rules

    places = [(row, place) for row, texts in enumerate(rows) for place in range(len(texts))]
    at = page_cell([len(text) for texts in rows for text in texts], 0 if len(rows) == 1 else PAGE_CELL_CHARS)
    if at is None or len(rows[places[at][0]]) > _PAGE_ROW_CELLS:
        return None
    return None if places[at][0] > 0 and names_only_columns(rows[0]) else places[at]


def holds_a_page(rows: list[list[str]], paragraphs: Callable[[int, int], list[tuple[str, bool]]]) -> bool:
    """Whether a table's cell holds a plan's body, given the texts of its filled cells row by row and ``paragraphs``,
    the paragraphs of the filled cell at (row, place) with whether each opens with a heading's marker: a page of them
    under headings (body_cell). Beside a unit doing it (县水利局), it is a task's row of numbered steps, unless headings
    stand alone over passages of text, as a plan's do (一、总体目标 over 到2025年…。) and no task's steps (1.新建…。)."""
    from ..responsibility_notes import names_units  # here: as opens_heading's rules

    at = body_cell(rows)
    if at is None:
        return False
    read = paragraphs(*at)
    if sum(heading for _, heading in read) < PAGE_HEADINGS:
        return False
    row, place = at
    beside = rows[row][:place] + rows[row][place + 1:]
    return not any(map(names_units, beside)) or _headed_passages(read) >= PAGE_HEADED_PASSAGES


def _headed_passages(paragraphs: list[tuple[str, bool]]) -> int:
    """How many of the paragraphs are a heading over a passage of text: a heading standing alone (a title: no sentence
    ends in it) over a paragraph that is none (text, or a heading that goes on in sentences), or a short title run
    into its text after a full stop or a colon (一、总体目标：到2025年…, （一）推进农村改厕。每年…). A task's step is a
    sentence from its marker on (1.新建通自然村硬化路120公里，…): no title."""
    alone = [heading and not _SENTENCE_END.search(text) for text, heading in paragraphs]
    over = sum(1 for this, after in zip(alone, alone[1:]) if this and not after)
    return over + sum(1 for text, heading in paragraphs if heading and _TITLE_RUN_IN.match(text, _marker_end(text)))


def _marker_end(text: str) -> int:
    """Where a paragraph's typed heading marker ends (0 where Word's numbering shows it, out of the text)."""
    from ..rules import heading_styles
    from ..structure import any_marker

    marker = any_marker(heading_styles()).match(text)
    return marker.end() if marker else 0


def opens_heading(text: str) -> bool:
    """Whether a paragraph opens with a heading's typed marker (一、, （二）, 3.)."""
    from ..rules import heading_styles  # here: the rules loader reads the readers' folded text through normalize
    from ..structure import any_marker

    return any_marker(heading_styles()).match(text) is not None


@dataclass
class Blocks:
    """The lines and tables of a document met paragraph by paragraph, as the RTF and Word 97 formats store them: a
    paragraph out of a table is a line; in a table, paragraphs make a cell, cells a row, rows the table, a line each."""

    lines: list[SourceLine] = field(default_factory=list)
    tables: list[TableData] = field(default_factory=list)
    cell: list[str] = field(default_factory=list)  # the paragraphs of the table cell so far
    row: list[str] = field(default_factory=list)
    rows: list[tuple[list[str], set[int]]] = field(default_factory=list)  # and the columns continuing a merge down

    def paragraph(self, text: str) -> None:
        """A paragraph out of any table: it ends the table before it."""
        self.end_table()
        if text:
            self.lines.append(SourceLine(text=text, line=len(self.lines) + 1))
            self._check_line_count()

    def end_cell(self) -> None:
        self.row.append(" ".join(part for part in self.cell if part).replace("\t", " "))
        self.cell = []

    def end_row(self, continued: set[int]) -> None:
        if any(self.row):
            self.rows.append((self.row, continued))
            self._check_line_count()
        self.row = []

    def _check_line_count(self) -> None:
        """Stop past the limit on a document's lines, a table's rows counted before the table ends."""
        if len(self.lines) + len(self.rows) > limits.MAX_TEXT_LINES:
            raise LinesPastLimit

    def end_table(self) -> None:
        if not self.rows:
            return
        first = len(self.lines) + 1
        meant = vertical_merges_filled([cells for cells, _ in self.rows], [continued for _, continued in self.rows])
        self.tables.append(TableData(header=meant[0], rows=meant[1:], line=first))
        self.lines.extend(SourceLine(text="\t".join(cells), line=first + i, in_table=True)
                          for i, (cells, _) in enumerate(self.rows))
        self.rows = []


TYPED_ROWS, TYPED_CELLS = 2, 3  # at least: a table typed with tabs, not a heading or a note with a tab after its marker


def typed_tables(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines of a document whose paragraphs' tabs were kept: a table typed as paragraphs with tabs between its cells
    (a text opened in Word or LibreOffice and saved, a table typed so) keeps them, its rows then read as a text's rows
    are; elsewhere a tab is a space, as Word shows it (一、<tab>总体要求, 牵头单位：<tab>市教育局). Such a table is a run of
    paragraphs, next to each other, with as many cells each, three at least."""
    typed: set[int] = set()
    run: list[int] = []
    run_cells = 0
    for i, line in enumerate([*lines, SourceLine("", 0)]):
        cells = line.text.strip(" \u3000").count("\t") + 1 if "\t" in line.text and not line.in_table else 0
        if run and cells == run_cells:
            run.append(i)
            continue
        if len(run) >= TYPED_ROWS and run_cells >= TYPED_CELLS:
            typed.update(run)
        run, run_cells = ([i], cells) if cells > 1 else ([], 0)
    return [line if line.in_table or i in typed or "\t" not in line.text else replace(line, text=line.text.replace("\t", " "))
            for i, line in enumerate(lines)]
