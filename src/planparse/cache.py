"""The user's cache folder: what one process builds (tagger tables, compiled patterns) for the next.

A cache only saves time: a folder that cannot be written, or a file that is missing or
damaged, means building again, never an error.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
import time
from pathlib import Path
from typing import Any, Callable

from .atomic_file import replace_whole

CACHE_DIR_VARIABLE = "PLANPARSE_CACHE_DIR"
_ABANDONED_AFTER = 600  # seconds: a temporary file this old was left by a process killed while writing
_MOST_PARSED = 256  # parsed files kept, the least recently used dropped first: one a rules folder a user has used
_MARSHAL_TAG = f"py{sys.version_info[0]}{sys.version_info[1]}"  # marshal's format belongs to one Python version


def cache_dir() -> Path | None:
    """$PLANPARSE_CACHE_DIR, else the user's cache folder; None when there is no home to find it in."""
    if os.environ.get(CACHE_DIR_VARIABLE):
        return Path(os.environ[CACHE_DIR_VARIABLE])
    try:
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "planparse"
    except RuntimeError:
        return None


def read_cache(name: str) -> bytes | None:
    folder = cache_dir()
    try:
        return (folder / name).read_bytes() if folder else None
    except OSError:
        return None


def save_cache(name: str, data: bytes, replaces: str = "") -> None:
    """Written whole (``replace_whole``), so a reader never sees half a file; other files matching the
    glob ``replaces`` (built for another version) are deleted."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        replace_whole(folder / name, data, f".{name}.", ".part")
        for stale in folder.glob(replaces) if replaces else ():
            if stale.name != name:
                stale.unlink(missing_ok=True)
        _remove_abandoned(folder, name)
    except OSError:
        pass  # a cache only saves time


def _remove_abandoned(folder: Path, name: str) -> None:
    now = time.time()
    for part in folder.glob(f".{name}.*.part"):
        if now - part.stat().st_mtime > _ABANDONED_AFTER:
            part.unlink(missing_ok=True)


def parsed(source: Path, text: str, parse: Callable[[str], Any], versions: int = 1) -> Any:
    """``parse(text)``, the text read from ``source``: from the cache when an earlier process parsed
    the same text (a data file's parse, even with libyaml, is a tenth of a short run). ``versions``:
    how many texts of one source are kept side by side (the checkouts of a user, each with its own
    rules, share the cache folder), the least recently used dropped first."""
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    prefix = f"parsed-{hashlib.blake2b(os.fsencode(source), digest_size=8).hexdigest()}"
    name = f"{prefix}-{_MARSHAL_TAG}.marshal" if versions == 1 else f"{prefix}-{digest[:8].hex()}-{_MARSHAL_TAG}.marshal"
    kept = read_cache(name)
    try:
        found = marshal.loads(kept) if kept else None
    except (ValueError, EOFError, TypeError):  # damaged, or written by another Python
        found = None
    if isinstance(found, tuple) and len(found) == 2 and found[0] == digest:
        _touch(name)
        return found[1]
    data = parse(text)
    try:
        save_cache(name, marshal.dumps((digest, data)))
    except ValueError:  # a value marshal cannot keep (a YAML date): parsed again next time
        return data
    if versions > 1:
        _keep_newest(f"{prefix}-*-{_MARSHAL_TAG}.marshal", versions)
    _keep_newest("parsed-*.marshal", _MOST_PARSED)  # each folder of rules adds its own files
    return data


def _touch(name: str) -> None:
    """Marks a cache file as just used (its modification time), so that it is the last dropped."""
    folder = cache_dir()
    try:
        if folder:
            os.utime(folder / name)
    except OSError:
        pass


def _keep_newest(pattern: str, count: int) -> None:
    """Deletes all but the ``count`` most recently used cache files matching the glob ``pattern``."""
    folder = cache_dir()
    try:
        files = sorted(folder.glob(pattern), key=lambda path: path.stat().st_mtime, reverse=True) if folder else []
        for stale in files[count:]:
            stale.unlink(missing_ok=True)
    except OSError:  # another process deleted one first
        pass
