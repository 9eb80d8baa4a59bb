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


def find_documents(options: BatchOptions) -> tuple[list[Path], dict[Path, str]]:
    """The documents under IN_DIR, sorted, leaving out OUT_DIR and hidden or lock files; and the folders under it
    that could not be listed, with why (one that cannot be entered, a path past the system's length limit).

    A folder that cannot be listed was left out without a word (PermissionError), or stopped the whole run (a path
    of more than 4,096 bytes: File name too long). Links to folders are not followed (they could loop)."""
    if not options.in_dir.is_dir():
        from .readers import why_no_folder  # here: the readers' models are the workers' to load

        raise PlanparseError(options.in_dir, why_no_folder(options.in_dir))
    out_dir = options.out_dir.resolve()
    if out_dir == options.in_dir.resolve():  # its documents would all be left out as outputs
        raise PlanparseError(options.out_dir, "the output folder is the input folder; choose another (a subfolder will do)")
    unlisted: dict[Path, str] = {}
    found = []
    for folder, _folders, names in os.walk(options.in_dir, onerror=lambda exc: unlisted.setdefault(Path(exc.filename), exc.strerror)):
        found += [Path(folder, name) for name in names if _wanted(name, options.pattern)]
        if not options.recursive:
            break
    if options.in_dir in unlisted:
        raise PlanparseError(options.in_dir, f"cannot be listed ({unlisted[options.in_dir]})")
    # An earlier run's outputs are among the documents where OUT_DIR is inside IN_DIR; an OUT_DIR holding IN_DIR
    # holds every document, and none of them is an output (each was left out, and the run said there were none).
    outputs = None if _inside(options.in_dir, out_dir) else out_dir
    documents = [path for path in found if not _inside(path, outputs)]
    return sorted(documents, key=lambda path: path.relative_to(options.in_dir).as_posix()), \
        {folder: why for folder, why in unlisted.items() if not _inside(folder, outputs)}


def _inside(path: Path, folder: Path | None) -> bool:
    return folder is not None and folder in Path(os.path.realpath(path)).parents  # (realpath: a link in a loop is no error here)


def _wanted(name: str, pattern: str | None) -> bool:
    if is_hidden(name):
        return False
    return fnmatch.fnmatch(name, pattern) if pattern else name.lower().endswith(DOCUMENT_SUFFIXES)
