"""Instructions executed (callgrind's Ir) by planparse's extraction of the eight gold texts, as given and with their line breaks lost.

    .venv/bin/python benchmarks/extraction_ir.py                  # Ir of each set (about a quarter of an hour)
    .venv/bin/python benchmarks/extraction_ir.py --keep DIR       # and callgrind's files there, for callgrind_annotate

CPU time on a machine shared with other checkouts' tests moves by a third from one run to the next; the count of
instructions does not, so a change of a per cent shows. Each figure is a run that extracts the set (as bench.py's
extraction section times it: every text extracted once before, the memos of texts emptied before each) less a run that
does everything but that. Left out of both, as they are of what the extraction section times:
- the patterns and rules a text first needs, rebuilt from the cache or compiled: a fifth of the count when only one
  sample is extracted before (every text of both sets is, in both runs);
- what the cache folder holds: the runs use a folder of their own, filled by a run before them (another checkout's
  process rewriting the user's folder in between made one of the two runs compile what the other read);
- what the process does at its exit (the caches saved: a tenth of the count where a run had compiled anything).
valgrind must be on the PATH.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = ("gold", "flat")
_SUMMARY = re.compile(r"^summary: (\d+)$", re.MULTILINE)


def flat_copies(paths: list[Path], folder: Path) -> list[Path]:
    """The texts with their line breaks lost, as the gold check makes them (tr -d '\\n', one line end after)."""
    copies = []
    for path in paths:
        copy = folder / path.name
        copy.write_text(path.read_text(encoding="utf-8").replace("\n", "") + "\n", encoding="utf-8")
        copies.append(copy)
    return copies


def extract_in_child(which: str, flat_folder: Path) -> None:
    """What each run does: every text extracted once, then the set ``which`` (or none) again, memos emptied before each."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench import GOLD_TEXTS, forget_our_texts
    from planparse.pipeline import extract

    sets = {"gold": GOLD_TEXTS, "flat": sorted(flat_folder.glob("*.txt")), "none": []}
    for path in sets["gold"] + sets["flat"]:
        extract(path)
    for path in sets[which]:
        forget_our_texts()
        extract(path)
    sys.stdout.flush()
    os._exit(0)  # no exit handlers: the caches saved at exit are no extraction's work


def counted(which: str, flat_folder: Path, environment: dict[str, str], keep: Path) -> int:
    """The Ir of one run of ``extract_in_child``."""
    out = keep / f"callgrind.{which}.out"
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, __file__,
                    "--child", which, "--flat", str(flat_folder)], check=True, env=environment,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return int(_SUMMARY.search(out.read_text(encoding="utf-8", errors="replace")).group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="a folder for callgrind's files (kept)")
    parser.add_argument("--child", choices=("none", *SETS), help=argparse.SUPPRESS)
    parser.add_argument("--flat", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        extract_in_child(options.child, options.flat)
    if shutil.which("valgrind") is None:
        parser.error("valgrind is not on the PATH")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench import GOLD_TEXTS
    from planparse.cache import CACHE_DIR_VARIABLE

    with tempfile.TemporaryDirectory() as work:
        flat_folder, cache, keep = Path(work, "flat"), Path(work, "cache"), options.keep or Path(work)
        flat_folder.mkdir()
        keep.mkdir(parents=True, exist_ok=True)
        flat_copies(GOLD_TEXTS, flat_folder)
        environment = {**os.environ, CACHE_DIR_VARIABLE: str(cache)}
        # the cache filled as a user's is after a first run (this run ends as a process does, saving it)
        subprocess.run([sys.executable, "-c", "import sys; from planparse.pipeline import extract; [extract(p) for p in sys.argv[1:]]",
                        *map(str, GOLD_TEXTS), *map(str, sorted(flat_folder.glob("*.txt")))], check=True, env=environment)
        base = counted("none", flat_folder, environment, keep)
        for which in SETS:
            print(f"{which}: {counted(which, flat_folder, environment, keep) - base:,} Ir", flush=True)


if __name__ == "__main__":
    main()
