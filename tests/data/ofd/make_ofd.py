"""Write the OFD files of this folder: plans of fields the seeds have not, laid out as samples/make_samples.py lays out
a seed's OFD (its PDF's pages, lines and page numbers, each line a text object).

    .venv/bin/python tests/data/ofd/make_ofd.py

Re-running the script gives the committed files byte for byte (tests/test_ofd_reader.py).
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # plan_files: run as a script or loaded by a test

from plan_files import sample_writer, write_all  # noqa: E402

TESTS = HERE.parents[1]
PLANS = {"qingyuan-wen-jiuye-2024.ofd": TESTS / "data/unseen/qingyuan-wen-jiuye-2024.txt"}  # employment


def written(name: str) -> bytes:
    """The OFD ``name`` of this folder, written from its plan's text."""
    from planparse.pipeline import extract

    make_samples = sample_writer()
    text = PLANS[name]
    return make_samples.write_ofd(make_samples.seed_blocks(text), extract(text).metadata.title)


def main() -> None:
    write_all(HERE, list(PLANS), written)


if __name__ == "__main__":
    main()
