"""Writing results: to stdout, or to a file that appears whole or not at all."""
from __future__ import annotations

import sys
from pathlib import Path

from ..exporters.files import write_atomic

__all__ = ["emit", "write_atomic"]


def emit(data: bytes, output: Path | None) -> None:
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomic(output, data)
