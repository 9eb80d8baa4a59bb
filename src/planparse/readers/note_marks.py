"""Marks of notes set above the line (a superscript run in a DOCX, ``<sup>`` in a page), shared by the readers that see
them: a plan that explains its indicators in footnotes marks them after the figure (森林覆盖率达到59%¹, 每年完成森林抚育
1.5万亩[3]以上, 护理型床位占比达到60%①), where the mark, read as text, parted a value from its 以上 or stood as a number."""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import patterns

# A note's mark: its number in brackets, a circled number, a bare number, asterisks, daggers, a reference mark
_NOTE_MARK = patterns.compile(r"\s*(?:[\[［【(（]\s*\d{1,3}\s*[\]］】)）]|[①-⑳]|[*＊※†‡]{1,3}|(?P<bare>\d{1,3}))\s*")
_OPENING_BRACKETS = "（([［【〔《〈“‘「『"  # what a mark never follows: it follows what it marks
# the ten a raised number after a figure is a power of (10⁴, 1.2×10⁶), or a lone 0 where a reader shows one character
_POWER_BASE = patterns.compile(r"(?:^|(?<![\d.])1)0$")
_SHOWN = 3  # characters a reader keeps of what it showed last: enough to tell a power's 10 from another figure


def is_note_mark(raised: str, before: str) -> bool:
    """Whether ``raised``, set above the line right after ``before``, is a note's mark, no text of the plan's: a bare
    number raised after a Latin letter or a power's 10 is an exponent (100m², 10⁴), the rest is a mark wherever it stands
    but after an opening bracket, whose text it opens (变电站（09单元）, its digits set smaller and higher than the
    bracket's glyph): a mark follows what it marks."""
    found = _NOTE_MARK.fullmatch(raised)
    last = before.rstrip()[-1:]
    if found is None or (last and last in _OPENING_BRACKETS):
        return False
    if found.group("bare") is None:
        return True
    if last.isdigit():  # a power of ten (10⁴); after another figure a mark (a table cell's 59², its note under the table)
        return _POWER_BASE.search(before.rstrip()) is None
    return not (last.isascii() and last.isalpha())


def shown_after(text: str, before: str) -> str:
    """The last characters shown (_SHOWN) once ``text`` follows what showed ``before`` last: a reader keeps them as it
    goes, so that a paragraph of many runs is read in time linear in them."""
    shown = text.rstrip()
    return (before + shown)[-_SHOWN:] if shown else before


@dataclass
class RaisedRun:
    """Where a run set above the line opens in a paragraph's pieces of text read so far, while it runs (a reader that
    meets the text character by character, RTF's, Word 97's): closed, the run is taken out of the pieces where it is
    a note's mark (达到59%¹, 10个²以上), kept where it is an exponent (5000m²)."""

    start: int | None = None
    # the last character shown by the first `read` pieces of the paragraph `of`: kept as runs close, so that a
    # paragraph of many raised runs is read in time linear in them
    shown: str = ""
    read: int = 0
    of: list[str] | None = field(default=None, repr=False)

    @property
    def open(self) -> bool:
        return self.start is not None

    def goes_on(self, pieces: list[str], raised: bool) -> None:
        """The text goes on above the line or on it: a run opens, or one closes."""
        if raised and not self.open:
            self.start = len(pieces)
        elif not raised:
            self.close(pieces)

    def close(self, pieces: list[str]) -> None:
        start, self.start = self.start, None
        if start is not None and is_note_mark("".join(pieces[start:]), self._shown_before(pieces, start)):
            del pieces[start:]

    def _shown_before(self, pieces: list[str], end: int) -> str:
        """The last character the first ``end`` pieces show, read on from where the last run closed (a new paragraph's
        pieces, or pieces cut back before it, are read from their start)."""
        if pieces is not self.of or self.read > end:
            self.of, self.read, self.shown = pieces, 0, ""
        for index in range(self.read, end):
            self.shown = shown_after(pieces[index], self.shown)
        self.read = end
        return self.shown
