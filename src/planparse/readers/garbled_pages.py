"""Pages of a PDF whose text is garbage: the codes of Chinese characters read as Latin letters (cí–3^ Nºle?^œQsNŽ)
where a font's map from glyphs to characters is damaged or made to hide the text.

A bad disk or transfer damages some objects of a file, not all: the pages drawn with a damaged font read as
garbage and the others as they were (a copy of a plan read 0% plan characters on two of its pages, 100% on the
rest, 93% over the whole, and was read with no word). So each page is judged on its own: a page of garbage is left
out, and a warning says so; a document none of whose pages is a plan's text is refused.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .. import patterns
from ..errors import PlanparseError
from ..models import ReadingWarning, SourceLine, TableData
from ..required_chars import plan_characters

# The characters judged: those a damaged map gives (Latin letters with accents, characters of the private use
# area, compatibility ideographs, the replacement character), a glyph of no character as pdfminer names it ((cid:20013):
# a font with no map to characters, neither embedded nor installed) and Chinese characters, which plans use or not.
# A page of glyphs of no character read as ASCII, judged on nothing, was refused as a sentence of 1,200 numbers.
_ODD_CHARACTER = patterns.compile(r"[\u00c0-\u024f\ue000-\uf8ff\uf900-\ufaff\ufffd]|\p{Han}|\(cid:\d+\)")
# A page is judged on this many of them at least (the fewest a page of the real PDFs at hand holds is 16; a share
# of fewer is chance), a document with no page judged on this many in all.
_MIN_PAGE_CHARACTERS = 30
_MIN_DOCUMENT_CHARACTERS = 100
# Of the pages of the real PDFs at hand (tests/data, samples, the real and unseen corpora) 86 to 100% of the
# characters are ones plans use; of pages drawn with a damaged font none to 61%, of pages mixing both 54 to 76%.
_MIN_PLAN_CHARACTER_SHARE = 0.5
_WHOLE_PLAN_CHARACTER_SHARE = 0.7  # a page under it and at least the minimum is partly garbage: kept, and named


@dataclass(frozen=True)
class _Judged:
    """The characters judged on a page or a document, and how many of them plans use."""

    count: int = 0
    plan: int = 0

    @property
    def share(self) -> float:
        return self.plan / self.count if self.count else 1.0

    def __add__(self, other: "_Judged") -> "_Judged":
        return _Judged(self.count + other.count, self.plan + other.plan)


def _judged(text: str, common: frozenset[str]) -> _Judged:
    found = _ODD_CHARACTER.findall(text)
    return _Judged(len(found), sum(character in common for character in found))


def _pages_judged(lines: list[SourceLine]) -> dict[int | None, _Judged]:
    common = plan_characters()
    pages: dict[int | None, _Judged] = defaultdict(_Judged)
    for line in lines:
        pages[line.page] += _judged(line.text, common)
    return pages


def _numbers(pages: list[int | None]) -> str:
    return ("page " if len(pages) == 1 else "pages ") + ", ".join(map(str, pages))


def without_garbled_pages(path: Path, lines: list[SourceLine], tables: list[TableData]) -> tuple[list[SourceLine], list[TableData], list[ReadingWarning]]:
    """The lines and tables of the PDF at ``path`` without its pages of garbage, and a warning naming them (with the
    pages that are partly garbage, kept); refused when no page is a plan's text."""
    pages = _pages_judged(lines)
    judged = {page: shares for page, shares in pages.items() if shares.count >= _MIN_PAGE_CHARACTERS}
    garbled = sorted(page for page, shares in judged.items() if shares.share < _MIN_PLAN_CHARACTER_SHARE)
    whole = sum(pages.values(), _Judged())
    if len(garbled) == len(judged) and (garbled or (whole.count >= _MIN_DOCUMENT_CHARACTERS and whole.share < _MIN_PLAN_CHARACTER_SHARE)):
        raise PlanparseError(path, f"the PDF's text is not Chinese as plans write it ({whole.share:.0%} of its {whole.count:,} Chinese, accented "
                                   "or private-use characters and glyphs of no character are ones plans use): its fonts' character maps are "
                                   "damaged; OCR is needed")
    partly = sorted(page for page, shares in judged.items() if _MIN_PLAN_CHARACTER_SHARE <= shares.share < _WHOLE_PLAN_CHARACTER_SHARE)
    said = ([f"the text of {_numbers(garbled)} is garbage, left out"] if garbled else []) + \
           ([f"the text of {_numbers(partly)} is partly garbage, kept"] if partly else [])
    warnings = [ReadingWarning(message=f"{'; '.join(said)} (the PDF's fonts' character maps are damaged; OCR would read it)")] if said else []
    left_out = set(garbled)
    return [line for line in lines if line.page not in left_out], [table for table in tables if table.page not in left_out], warnings
