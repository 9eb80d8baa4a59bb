"""Writing results: to stdout, or to a file that appears whole or not at all."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from ..errors import PlanparseError
from ..exporters.files import remove_stale_parts, write_atomic

__all__ = ["emit", "write_atomic"]


STDOUT = "<stdout>"


def emit(data: bytes, output: Path | None) -> None:
    """Write DATA to OUTPUT, or to stdout when there is none or it is ``-`` (as in most tools;
    a file named ``-`` is still ``./-``)."""
    if output is not None and str(output) != "-":
        remove_stale_parts(Path(os.path.realpath(output)).parent)  # what a killed run left beside it
        write_atomic(output, data)
        return
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except OSError as exc:  # a full disk, or a reader that closed the pipe (| head)
        # Python flushes stdout again on exit: point it at nothing so that
        # flush cannot fail a second time under our one line.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise PlanparseError(STDOUT, f"cannot write output ({exc.strerror or exc})") from None
