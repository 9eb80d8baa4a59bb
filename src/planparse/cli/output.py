"""Writing results: to stdout, or to a file that appears whole or not at all."""
from __future__ import annotations

import os
import sys
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


def emit(data: bytes, output: Path | None) -> None:
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomic(output, data)
