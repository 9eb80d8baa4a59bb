"""Compiled regular expressions kept from one process to the next.

The regex module parses a pattern in Python: the rule files' patterns take a
tenth of a second or more to compile, in every process. A compiled pattern
pickles as its compiled code, so a cache keyed by the pattern's source gives
the next process the same pattern in about a millisecond, without parsing.
"""
from __future__ import annotations

import atexit
import io
import pickle
import sys

import regex

# Another regex or Python may compile to other code: another file.
_CACHE_NAME = f"patterns-{regex.__version__}-py{sys.version_info[0]}{sys.version_info[1]}.pickle"
# Kept: this process's patterns first, then earlier ones up to this many; the whole file is read
# at every start, so patterns of rule files since changed must drop out.
_MAX_PATTERNS = 200
_REBUILD = ("regex._regex", "compile")  # what a pickled pattern calls; nothing else may be loaded

_cached: dict[str, regex.Pattern] | None = None  # what earlier processes compiled
_used: dict[str, regex.Pattern] = {}  # what this process compiled or took from the cache
_save_due = False  # whether the cache is to be written at exit


class _PatternUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> object:
        if (module, name) != _REBUILD:
            raise pickle.UnpicklingError(f"{module}.{name} is not a compiled pattern")
        return super().find_class(module, name)


def _load() -> dict[str, regex.Pattern]:
    from .cache import read_cache

    data = read_cache(_CACHE_NAME)
    try:
        found = _PatternUnpickler(io.BytesIO(data)).load() if data else {}
    except Exception:  # a damaged or foreign file: compile again
        found = {}
    return found if isinstance(found, dict) else {}


def compile(source: str) -> regex.Pattern:
    """``regex.compile(source)``, from the cache when an earlier process compiled it."""
    global _cached
    if _cached is None:
        _cached = _load()
        if len(_cached) > _MAX_PATTERNS:
            _save_at_exit()  # trimmed, so that the next start reads less
    found = _used.get(source) or _cached.get(source)
    if not isinstance(found, regex.Pattern) or found.pattern != source:
        found = regex.compile(source)
        _save_at_exit()
    _used[source] = found
    return found


def _save_at_exit() -> None:
    global _save_due
    if not _save_due:
        _save_due = True
        atexit.register(_save)


def _save() -> None:
    from .cache import save_cache

    known = {**_used, **{source: found for source, found in (_cached or {}).items() if source not in _used}}
    save_cache(_CACHE_NAME, pickle.dumps(dict(list(known.items())[:max(_MAX_PATTERNS, len(_used))])))
