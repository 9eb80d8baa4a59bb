"""A time limit on reading one document, for the commands that read documents in their own process.

Python cannot interrupt a library's C code (PDFium parsing a page of forms nested in forms), nor
run a signal handler until that code returns, so the limit is kept by a thread: past it, the
command it was armed for ends the whole process, with one line naming the document, before any
output is written. ``batch`` keeps the limit on its workers itself, stopping the one that overruns.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

# What the command does with a document still being read after so many seconds; nothing armed, no limit
# (a program calling the pipeline decides for itself).
_armed: dict[str, tuple[float, Callable[[str], None]]] = {}


@contextmanager
def armed(seconds: float, on_overrun: Callable[[str], None]) -> Iterator[None]:
    """In this block, ``on_overrun(path)`` runs, on a thread of its own, when reading a document takes more than ``seconds``."""
    _armed["limit"] = (seconds, on_overrun)
    try:
        yield
    finally:
        del _armed["limit"]


@contextmanager
def reading(path: str | Path) -> Iterator[None]:
    """The reading of the document at ``path`` takes place in this block."""
    if "limit" not in _armed:
        yield
        return
    seconds, on_overrun = _armed["limit"]
    timer = threading.Timer(seconds, on_overrun, [str(path)])
    timer.daemon = True  # the process ends without waiting for it
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
