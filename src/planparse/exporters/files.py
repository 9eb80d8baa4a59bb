"""Output files that appear whole or not at all.

Here rather than in ``cli/`` because ``batch`` (which ``cli`` imports) writes
files too; one writer serves both without a circular import.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import PlanparseError


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder and rename it into place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise PlanparseError(path, f"cannot write output ({exc.strerror or exc})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise PlanparseError(path, f"cannot write output ({exc.strerror or exc})") from None
