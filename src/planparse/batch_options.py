"""What a ``batch`` run is asked to do, and the documents it finds."""
from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path

from .documents import DOCUMENT_SUFFIXES, MAX_DOCUMENT_SECONDS, is_hidden
from .errors import PlanparseError

FORMATS = ("json", "csv")


@dataclass(frozen=True)
class BatchOptions:
    in_dir: Path
    out_dir: Path
    formats: tuple[str, ...] = FORMATS
    jobs: int = 1
    recursive: bool = False
    pattern: str | None = None
    rules_dir: Path | None = None
    force: bool = False
    time_limit: float = MAX_DOCUMENT_SECONDS  # seconds one document may take


def find_documents(options: BatchOptions) -> list[Path]:
    """The documents under IN_DIR, sorted, leaving out OUT_DIR and hidden or lock files."""
    if not options.in_dir.is_dir():
        raise PlanparseError(options.in_dir, "no such folder")
    out_dir = options.out_dir.resolve()
    if out_dir == options.in_dir.resolve():  # its documents would all be left out as outputs
        raise PlanparseError(options.out_dir, "the output folder is the input folder; choose another (a subfolder will do)")
    candidates = options.in_dir.rglob("*") if options.recursive else options.in_dir.iterdir()
    found = [
        path for path in candidates
        if not path.is_dir() and _wanted(path.name, options.pattern)
        and out_dir not in Path(os.path.realpath(path)).parents  # (realpath: a link in a loop is no error here)
    ]
    return sorted(found, key=lambda path: path.relative_to(options.in_dir).as_posix())


def _wanted(name: str, pattern: str | None) -> bool:
    if is_hidden(name):
        return False
    return fnmatch.fnmatch(name, pattern) if pattern else name.lower().endswith(DOCUMENT_SUFFIXES)
