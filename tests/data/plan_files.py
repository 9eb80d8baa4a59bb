"""What the generators of tests/data (make_ofd.py, make_xlsx.py) share: samples/make_samples.py's writers, and writing a
folder's files from their plans' texts."""
from __future__ import annotations

import importlib.util
import sys
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Callable

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@lru_cache(maxsize=None)
def sample_writer() -> ModuleType:
    """samples/make_samples.py as a module: how a plan's text is read into paragraphs and tables, and written."""
    spec = importlib.util.spec_from_file_location("make_samples", SAMPLES / "make_samples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def write_all(folder: Path, names: list[str], written: Callable[[str], bytes]) -> None:
    for name in names:
        (folder / name).write_bytes(written(name))
        print(f"wrote {name}")
