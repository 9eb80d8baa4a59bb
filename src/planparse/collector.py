"""Python's cyclic garbage collector held off while a huge document is extracted.

Extraction builds objects that live as long as the document (lines, paragraphs, sections,
targets) and leaves next to no cyclic garbage: a 50 MB text peaks at the same memory with the
collector off. On such an input the collector's full passes walk that whole heap again and
again, and each walk is slower the larger the heap, so the time grew faster than the input
(a 50 MB text took 5.0-5.5 times a 10 MB one; 4.7 times with the collector paused).

An input of ordinary size is extracted with the young generation's passes spaced out instead
(``YOUNG_PASS_EVERY``): a plan's lines, paragraphs and matches come and go by the thousand, and
the passes every 700 of them (Python's default) walked what was still alive, about 2% of an
extraction; spaced out, next to none runs. The collector stays on, for a library caller's other
threads. The collector is one per process, so a pause or a spacing lasts from the first extraction
that asks for it to the last that ends (threads), and then the state found at its start is
restored: a caller who had turned the collector off finds it off, their thresholds as they were.
"""
from __future__ import annotations

import contextlib
import gc
import os
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

HUGE_INPUT_BYTES = 2**20  # a text file this large holds about thirty plans
# files whose bytes are mostly images and compressed streams: 1 MB of them is one ordinary plan, and
# the PDF and Word libraries' own objects are not known to leave no cycles
_PACKED_SUFFIXES = (".pdf", ".docx")

# objects allocated (less those freed) between two passes over the young generation while an ordinary plan is
# extracted: more than a plan keeps alive at once, so that its passes run seldom if at all
YOUNG_PASS_EVERY = 10_000
State = TypeVar("State")

_lock = threading.Lock()
_holders: dict[str, int] = {}  # for each setting, the extractions under way that hold it
_found: dict[str, Any] = {}  # for each setting held, the collector's state when the first of them started


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
def for_extraction(path: str | Path) -> Iterator[None]:
    """The collector paused while ``path`` is extracted when it is huge, else its young passes spaced out."""
    with paused() if is_huge(path) else young_passes_spaced():
        yield


def paused() -> contextlib.AbstractContextManager[None]:
    """The collector off for the block, then as it was before the first pause began."""
    return _held("paused", gc.isenabled, lambda _: gc.disable(), lambda was_enabled: was_enabled and gc.enable())


def young_passes_spaced() -> contextlib.AbstractContextManager[None]:
    """The young generation passed over every ``YOUNG_PASS_EVERY`` allocations at the most often (a caller's rarer
    passes are kept) for the block, then the thresholds as they were before the first spacing began."""
    return _held("young passes spaced", gc.get_threshold,
                 lambda found: gc.set_threshold(max(found[0], YOUNG_PASS_EVERY), *found[1:]),
                 lambda found: gc.set_threshold(*found))


@contextmanager
def _held(setting: str, read: Callable[[], State], apply: Callable[[State], object],
          restore: Callable[[State], object]) -> Iterator[None]:
    """``setting`` of the process's one collector applied for the block: by the first block that holds it, the
    state found then (``read``) restored when the last ends."""
    with _lock:
        if not _holders.get(setting):
            _found[setting] = read()
            apply(_found[setting])
        _holders[setting] = _holders.get(setting, 0) + 1
    try:
        yield
    finally:
        with _lock:
            _holders[setting] -= 1
            if not _holders[setting]:
                restore(_found.pop(setting))
