"""Python's cyclic garbage collector held off while a huge document is extracted.

Extraction builds objects that live as long as the document (lines, paragraphs, sections,
targets) and leaves next to no cyclic garbage: a 50 MB text peaks at the same memory with the
collector off. On such an input the collector's full passes walk that whole heap again and
again, and each walk is slower the larger the heap, so the time grew faster than the input
(a 50 MB text took 5.0-5.5 times a 10 MB one; 4.7 times with the collector paused).

A small input is left alone: its passes are cheap, and a library caller's other threads keep
their collector. The collector is one per process, so the pause lasts from the first huge
extraction that starts to the last that ends (threads), and then the state found at its start
is restored: a caller who had turned the collector off finds it off.
"""
from __future__ import annotations

import gc
import os
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

HUGE_INPUT_BYTES = 2**20  # a text file this large holds about thirty plans
# files whose bytes are mostly images and compressed streams: 1 MB of them is one ordinary plan, and
# the PDF and Word libraries' own objects are not known to leave no cycles
_PACKED_SUFFIXES = (".pdf", ".docx")

_lock = threading.Lock()
_pauses = 0  # the extractions under way that hold the collector off
_was_enabled = False  # the collector's state when the first of them started


def is_huge(path: str | Path) -> bool:
    """A text or web page of ``HUGE_INPUT_BYTES`` or more; standard input (``-``), a PDF or Word
    file, and a file that cannot be looked at are not (the reader reports the latter)."""
    try:
        if str(path) == "-" or Path(path).suffix.lower() in _PACKED_SUFFIXES:
            return False
        return os.stat(path).st_size >= HUGE_INPUT_BYTES
    except (OSError, ValueError):  # ValueError: a name holding a NUL byte
        return False


@contextmanager
def paused(pause: bool = True) -> Iterator[None]:
    """The collector off for the block when ``pause``, then as it was before the first pause began."""
    global _pauses, _was_enabled
    if not pause:
        yield
        return
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()
