"""Which content-extraction library keeps every paragraph and table of a plan's web page?

For each saved page with a line-per-paragraph text copy beside it (NAME.html + NAME.txt),
each candidate extracts the article; a line of the text copy is kept when its text (spaces
ignored) appears in the extraction; table rows are counted apart. Noise is the share of the
extraction's characters that lie outside the text copy (navigation, footer, related links).

    python benchmarks/html_extractors.py ../shared/corpus/wild ../shared/corpus/extra ../shared/corpus/web
"""
from __future__ import annotations

import sys
from pathlib import Path

import regex


def _squash(text: str) -> str:
    return regex.sub(r"[\s\u3000\xa0]+", "", text)


def with_trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_tables=True, include_comments=False, favor_recall=True) or ""


def with_readability(html: str) -> str:
    import lxml.html
    from readability import Document

    summary = Document(html).summary(html_partial=True)
    return lxml.html.fromstring(summary).text_content() if summary.strip() else ""


def with_justext(html: str) -> str:
    import justext

    paragraphs = justext.justext(html.encode("utf-8"), frozenset(), length_low=10, length_high=60)
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def with_planparse(html: str) -> str:
    from planparse.readers.html import read_html

    lines, _, _ = read_html(Path("page.html"), html.encode("utf-8"))
    return "\n".join(line.text for line in lines)


CANDIDATES = {"trafilatura": with_trafilatura, "readability-lxml": with_readability,
              "justext": with_justext, "planparse": with_planparse}


def measure(pairs: list[tuple[Path, Path]], extract) -> dict[str, float]:
    kept = total = rows_kept = rows = noise = extracted = pages_complete = 0
    for html_path, txt_path in pairs:
        html = html_path.read_bytes().decode("utf-8", "replace")
        got = _squash(extract(html))
        expected = [line for line in txt_path.read_text(encoding="utf-8").splitlines()[1:] if _squash(line)]
        whole = _squash("".join(expected))
        missing = 0
        for line in expected:
            cells = [_squash(cell) for cell in line.split("\t") if _squash(cell)]
            found = all(cell in got for cell in cells)
            if "\t" in line:
                rows += 1
                rows_kept += found
            else:
                total += 1
                kept += found
            missing += not found
        pages_complete += missing == 0
        extracted += len(got)
        noise += sum(1 for chunk in regex.findall(r".{1,12}", got) if chunk not in whole) * 12
    return {
        "paragraphs kept": kept / max(total, 1),
        "table rows kept": rows_kept / max(rows, 1),
        "pages complete": pages_complete / len(pairs),
        "noise share": noise / max(extracted, 1),
    }


def main(folders: list[str]) -> None:
    pairs = sorted((html, html.with_suffix(".txt")) for folder in folders for html in Path(folder).glob("*.html")
                   if html.with_suffix(".txt").exists())
    print(f"{len(pairs)} pages")
    for name, extract in CANDIDATES.items():
        try:
            figures = measure(pairs, extract)
        except ImportError as exc:
            print(f"{name:18} not installed ({exc.name})")
            continue
        print(f"{name:18} " + "  ".join(f"{key} {value:.3f}" for key, value in figures.items()))


if __name__ == "__main__":
    main(sys.argv[1:] or ["../shared/corpus/wild", "../shared/corpus/extra", "../shared/corpus/web"])
