"""Writes src/planparse/char_frequency.txt: how many of a plan's paragraphs hold each character, and
pair_frequency.txt: how many hold each of the common pairs of characters.

The pre-filters (``required_chars``) keep, and lead with, the clauses a text is least likely to
satisfy. Taking every character as equally common keyed some rules on ``）``, ``关`` or ``上``,
which most paragraphs hold; this table says how common each one is in the genre. It is counted
over the plans shipped in the repository (samples/ and tests/data/), each line a paragraph:

    .venv/bin/python benchmarks/char_frequency.py

Only the order of the pre-filters' tests and which clauses they keep depend on it, never a result.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "src" / "planparse" / "char_frequency.txt"
SCALE = 100_000  # shares of paragraphs written as whole numbers per this many
LEAST_PARAGRAPHS = 3  # a character in fewer is left out (taken as rare)
PAIR_TABLE = ROOT / "src" / "planparse" / "pair_frequency.txt"
# a pair in fewer of the paragraphs is left out: the rules' leads are mistaken about the common pairs (开展, 建成), taken
# as a share of their rarer character, and a table of every pair in three paragraphs would hold some 20,000
COMMON_PAIR = 0.005


def plan_texts() -> list[Path]:
    texts = {path.read_bytes(): path for path in sorted(ROOT.glob("samples/*.txt")) + sorted(ROOT.glob("tests/data/**/*.txt"))}
    return [path for data, path in texts.items() if _is_utf8(data)]  # each text once (the samples are copied into tests/data)


def _is_utf8(data: bytes) -> bool:
    """The tests' texts in other encodings (GB 18030, damaged bytes) are left out."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def main() -> None:
    counts: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    paragraphs = 0
    for path in plan_texts():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                paragraphs += 1
                counts.update(set(line))
                pairs.update({line[at:at + 2] for at in range(len(line) - 1)})
    write_table(TABLE, "character", counts, paragraphs, LEAST_PARAGRAPHS)
    write_table(PAIR_TABLE, "pair of characters", pairs, paragraphs, round(COMMON_PAIR * paragraphs))


def write_table(table: Path, held: str, counts: Counter[str], paragraphs: int, least: int) -> None:
    """The strings of ``counts`` held by ``least`` paragraphs or more, each with its share of them, commonest first."""
    rows = [f"{string}\t{round(count * SCALE / paragraphs)}" for string, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            if count >= least and string.isprintable() and not any(char.isspace() for char in string)]
    table.write_text(f"# paragraphs per {SCALE} that hold the {held}, over {paragraphs} paragraphs of the plans in samples/ and tests/data/"
                     " (benchmarks/char_frequency.py)\n" + "\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
