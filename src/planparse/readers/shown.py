"""What every reader read, as a reader of the page sees it: without controls and escape sequences (controls.py), a
crawler's character references and odd spaces as the characters they show, a line its tags part as its lines
(crawled.py), without invisible characters (normalize.py's)."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from .. import patterns
from ..models import PageInfo, SourceLine, TableData
from ..normalize import MAY_BE_INVISIBLE, without_invisible
from .controls import ANY_CONTROL, without_controls
from .crawled import ODD_CHARACTER, as_read, lines_of, unshown_spans

# A character one of the steps of ``shown`` reads, or may (MAY_BE_INVISIBLE): a text holding none (most) is shown as it
# is. The three sets' members as one set of Python's re: a document's text searched once, not once for each step, and at
# each place by one lookup, not by a choice of three sets.
_READ_BY_A_STEP = patterns.compile_python(f"[{ANY_CONTROL.pattern[1:-1]}{MAY_BE_INVISIBLE}{ODD_CHARACTER.pattern[1:-1]}]")
# A table kept with its tags over many lines (a site's source, or Word's, written a tag or a wrapped run of words a line:
# <td width="200">, <p>指标名称</p>, </td>): its opening and its closing, looked for within so many lines.
_TABLE_OPENING = patterns.compile_python(r"(?i)<table[\s/>]")
_TABLE_CLOSING = patterns.compile_python(r"(?i)</table\s*>")
_TABLE_LINES = 2000
# Unicode's line and paragraph separators, which a text taken from a script's string or a word processor's copy may
# hold for its line breaks (…实施方案\u2028一、主要目标\u2028…): each ends a line as a line break does
_LINE_SEPARATOR = patterns.compile_python("[\u2028\u2029]")


def shown(text: str) -> str:
    """``text`` as shown; the very string when nothing in it needs reading (most lines). Its invisible characters (a
    soft hyphen, a zero-width space inside a number: 1\u200b000) are left out here, before the line-break restorer reads
    a text that lost its breaks, where they hid a heading's number and cut its title."""
    return as_read(without_invisible(without_controls(text)))


def lines_shown(lines: list[SourceLine]) -> list[SourceLine]:
    """``lines`` as shown, a line that a page's tags kept in it (…<br/>…) or line separators part parted: lines of its number."""
    joined = "\n".join([line.text for line in lines])
    if (not _READ_BY_A_STEP.search(joined) or shown(joined) is joined) and _parted(joined)[0] is joined:
        return lines  # most documents: each step searches the text once, not each of its lines (a quarter of the time)
    lines = _without_unshown_across(lines, joined)
    if _TABLE_OPENING.search(joined):
        lines = _tables_on_a_line(lines)
    return [piece for line in lines for piece in _line_shown(line)]


def _without_unshown_across(lines: list[SourceLine], joined: str) -> list[SourceLine]:
    """``lines`` (``joined``, a line break between each two) without what a page does not show where it runs over several
    of them (a page's source saved as text: <script> on a line, its code on the next, </script> after): its first and
    last lines cut, those between left out. What lies inside one line is left out by reading that line."""
    spans = [(start, end) for start, end in unshown_spans(joined) if "\n" in joined[start:end]]
    kept, line_start, span = [], 0, 0
    for line in lines:
        line_end = line_start + len(line.text)
        pieces, at = [], line_start
        while span < len(spans) and spans[span][0] <= line_end:
            if spans[span][0] > at:
                pieces.append(joined[at:spans[span][0]])
            at = max(at, spans[span][1])
            if at > line_end:
                break
            span += 1
        pieces.append(joined[at:line_end])
        text = "".join(pieces)
        if text or at == line_start:  # a line all inside one is left out, an empty line outside kept
            kept.append(line if text == line.text else replace(line, text=text))
        line_start = line_end + 1
    return kept


def _tables_on_a_line(lines: list[SourceLine]) -> list[SourceLine]:
    """``lines`` with each table kept with its tags over many lines joined into its first line, from its opening tag to
    its closing: only its rows part it into lines (crawled.lines_of), not the lines its cells and tags were written on
    (a cell's <td>, <p>指标名称</p> and </td> each on a line of its own gave three lines, no row). A table never closed
    within _TABLE_LINES lines is left as written."""
    closings = [index for index, line in enumerate(lines) if _TABLE_CLOSING.search(line.text)]
    kept: list[SourceLine] = []
    at = 0
    while at < len(lines):
        opening = _TABLE_OPENING.search(lines[at].text)
        after = bisect_right(closings, at)  # the first closing on a line after this one
        end = closings[after] if after < len(closings) and closings[after] < at + _TABLE_LINES else None
        if opening is None or end is None or _TABLE_CLOSING.search(lines[at].text, opening.end()):
            kept.append(lines[at])
            at += 1
            continue
        kept.append(replace(lines[at], text=_joined([line.text for line in lines[at:end + 1]])))
        at = end + 1
    return kept


def _joined(texts: list[str]) -> str:
    """The lines of a table kept with its tags as one: a line's end is a space inside a tag (<span⏎style=…>), nothing
    beside a tag (<td>⏎<p>…), and a break between words (一、总体要求⏎以…, a frame's article written without tags),
    which parts its cell as a <br> does."""
    pieces, inside = [], False
    for text, after in zip(texts, [*texts[1:], ""]):
        opening, closing = text.rfind("<"), text.rfind(">")
        inside = opening > closing if opening >= 0 or closing >= 0 else inside
        pieces.append(text + (" " if inside else "" if text.rstrip().endswith(">") or after.lstrip().startswith("<") else "<br>"))
    return "".join(pieces)
def _parted(text: str) -> list[str]:
    """The lines ``text`` holds as shown: parted by line separators and by a page's tags (crawled.lines_of); the very
    text alone when nothing parts it."""
    return [piece for part in _LINE_SEPARATOR.split(text) for piece in lines_of(part)]


def _line_shown(line: SourceLine) -> list[SourceLine]:
    texts = _parted(shown(line.text))
    if len(texts) == 1 and texts[0] is line.text:
        return [line]
    first, *rest = texts
    return [replace(line, text=first)] + [replace(line, text=text, opens_paragraph=None) for text in rest]


def table_shown(table: TableData) -> TableData:
    header, *rows = [[shown(cell) for cell in row] for row in (table.header, *table.rows)]
    if header == table.header and rows == table.rows:
        return table
    return table.model_copy(update={"header": header, "rows": rows})


def page_shown(page: PageInfo | None) -> PageInfo | None:
    if page is None:
        return None
    return page.model_copy(update={name: shown(value) for name, value in page if isinstance(value, str)})
