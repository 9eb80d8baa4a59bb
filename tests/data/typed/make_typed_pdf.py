"""Print the texts of this folder (plans whose indicator table is typed with tabs) to PDF as a word processor prints
them: each tab moves the text on to the next tab stop, so a table's cells stand on the stops, in line with the cells
above them only where the text before them is short enough.

    .venv/bin/python tests/data/typed/make_typed_pdf.py

linye-zhibiao.pdf is printed as LibreOffice prints it (12 pt, a tab stop every 1.25 cm from a 2 cm margin, one font);
jiaoyu-zhibiao.pdf as Word prints a Chinese document (五号 10.5 pt, a tab stop every two characters from a 3.17 cm
margin, digits and Latin letters in Times New Roman). Re-running the script gives the committed files byte for byte
(tests/test_pdf_typed_tables.py).
"""
from __future__ import annotations

import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # plan_files: run as a script or loaded by a test

from plan_files import write_all  # noqa: E402

CJK_FONT = "STSong-Light"
_LATIN_RUN = re.compile(r"([\x21-\x7e]+)")


@dataclass(frozen=True)
class Printer:
    """How a word processor sets the page: the font size, the margin, the tab stops' step, the font of Latin text."""

    size: float
    margin: float
    tab_step: float
    latin_font: str = CJK_FONT

    def runs(self, text: str) -> list[tuple[str, str]]:
        """``text`` as runs of one font each."""
        if self.latin_font == CJK_FONT:
            return [(text, CJK_FONT)] if text else []
        return [(part, self.latin_font if index % 2 else CJK_FONT) for index, part in enumerate(_LATIN_RUN.split(text)) if part]

    def width(self, text: str) -> float:
        return sum(pdfmetrics.stringWidth(part, font, self.size) for part, font in self.runs(text))

    def next_stop(self, x: float) -> float:
        """The first tab stop right of ``x``: text ending on a stop moves on to the next (measured in twips, as Word
        measures, not in sums of floating point widths)."""
        return self.margin + (round((x - self.margin) * 20) // round(self.tab_step * 20) + 1) * self.tab_step


PRINTERS = {
    "linye-zhibiao.pdf": Printer(12, 2 * cm, 1.25 * cm),  # LibreOffice
    "jiaoyu-zhibiao.pdf": Printer(10.5, 3.17 * cm, 21, "Times-Roman"),  # Word
}


def _wrapped(text: str, printer: Printer) -> list[str]:
    """A paragraph's lines: as many characters as the text width holds."""
    lines, line = [], ""
    for char in text:
        if line and printer.width(line + char) > A4[0] - 2 * printer.margin:
            lines.append(line)
            line = ""
        line += char
    return [*lines, line] if line else lines


def _draw(canvas: Canvas, printer: Printer, x: float, y: float, text: str) -> float:
    """``text`` drawn from ``x``, run by run; where it ends."""
    for part, font in printer.runs(text):
        canvas.setFont(font, printer.size)
        canvas.drawString(x, y, part)
        x += pdfmetrics.stringWidth(part, font, printer.size)
    return x


def written(name: str) -> bytes:
    """The PDF ``name`` of this folder, printed from its text."""
    pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    printer = PRINTERS[name]
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1)
    y = A4[1] - 2.54 * cm
    for paragraph in (HERE / name).with_suffix(".txt").read_text(encoding="utf-8").splitlines():
        for line in _wrapped(paragraph, printer) if "\t" not in paragraph else [paragraph]:
            x = printer.margin
            for index, cell in enumerate(line.split("\t")):
                x = _draw(canvas, printer, printer.next_stop(x) if index else x, y, cell)
            y -= 1.5 * printer.size
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def main() -> None:
    write_all(HERE, list(PRINTERS), written)


if __name__ == "__main__":
    main()
