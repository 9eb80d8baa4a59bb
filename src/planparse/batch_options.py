"""What a ``batch`` run is asked to do; light, so that the command reads its options before the
pipeline loads (``lifeline.start_fork_server``)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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
