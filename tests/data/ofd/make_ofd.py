"""Write the OFD files of this folder: plans of fields the seeds have not, laid out as samples/make_samples.py lays out
a seed's OFD (its PDF's pages, lines and page numbers, each line a text object).

    .venv/bin/python tests/data/ofd/make_ofd.py

Re-running the script gives the committed files byte for byte (tests/test_ofd_reader.py).
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parents[1]
SAMPLES = TESTS.parent / "samples"
PLANS = {"qingyuan-wen-jiuye-2024.ofd": TESTS / "data/unseen/qingyuan-wen-jiuye-2024.txt"}  # employment


def _sample_writer():
    spec = importlib.util.spec_from_file_location("make_samples", SAMPLES / "make_samples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def written(name: str) -> bytes:
    """The OFD ``name`` of this folder, written from its plan's text."""
    from planparse.pipeline import extract

    make_samples = _sample_writer()
    text = PLANS[name]
    return make_samples.write_ofd(make_samples.seed_blocks(text), extract(text).metadata.title)


def main() -> None:
    for name in PLANS:
        (HERE / name).write_bytes(written(name))
        print(f"wrote {name}")


if __name__ == "__main__":
    main()
