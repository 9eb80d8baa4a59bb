"""The user's cache folder: what one process builds (tagger tables, compiled patterns) for the next.

A cache only saves time: a folder that cannot be written, or a file that is missing or
damaged, means building again, never an error. A file is read only when it is the user's own and no
one else can write to it: the folder may be open to others (a umask of 002, a shared folder), whose
files would otherwise be read as ours (compiled patterns, parsed rules).
"""
from __future__ import annotations

import hashlib
import marshal
import mmap
import os
import stat
import sys
import time
import zlib
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Mapping

from .atomic_file import replace_whole

CACHE_DIR_VARIABLE = "PLANPARSE_CACHE_DIR"
_ABANDONED_AFTER = 600  # seconds: a temporary file this old was left by a process killed while writing
_MOST_PARSED = 256  # parsed files kept, the least recently used dropped first: one a rules folder a user has used
_CHECKSUM_BYTES = 4  # a CRC-32 heads each file save_cache writes
_LENGTH_BYTES = 8  # the length of the index that heads a file save_entries writes
_MARSHAL_TAG = f"py{sys.version_info[0]}{sys.version_info[1]}"  # marshal's format belongs to one Python version


def cache_dir() -> Path | None:
    """$PLANPARSE_CACHE_DIR, else the user's cache folder; None when there is no home to find it in."""
    if os.environ.get(CACHE_DIR_VARIABLE):
        return Path(os.environ[CACHE_DIR_VARIABLE])
    try:
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "planparse"
    except RuntimeError:
        return None


def open_cache_file(name: str) -> BinaryIO | None:
    """The cache file ``name`` open for reading; None when it is missing, or not a file of the user's own that
    no one else can write to (checked on the file opened: it cannot be swapped after the check). Opened
    without waiting: a named pipe put in its place would wait for a writer for ever."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        handle = os.open(folder / name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    if not _is_own(os.fstat(handle)):
        os.close(handle)
        return None
    return os.fdopen(handle, "rb")


def _is_own(status: os.stat_result) -> bool:
    owner_is_user = status.st_uid == os.geteuid() if hasattr(os, "geteuid") else True  # Windows: no owners to compare
    return stat.S_ISREG(status.st_mode) and owner_is_user and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read_cache(name: str) -> memoryview | None:
    """What ``save_cache`` saved as ``name``; None when it is missing, not the user's own (``open_cache_file``)
    or damaged (its checksum differs). The file mapped, as the tagger's is (files are replaced whole, never
    written in place), its bytes past the checksum viewed where they lie: read and sliced, each file (the compiled
    patterns' 9 MB) was copied twice into memory new to the process, 11 ms of the CPU of an extract's start."""
    kept = mapped_cache_file(name)
    if kept is None:
        return None
    checksum, data = kept[:_CHECKSUM_BYTES], kept[_CHECKSUM_BYTES:]
    return data if len(checksum) == _CHECKSUM_BYTES and checksum == _checksum(data) else None


def mapped_cache_file(name: str) -> memoryview | None:
    """The cache file ``name`` mapped read-only, when ``open_cache_file`` opens it and it can be mapped (not empty): its
    bytes viewed where they lie, each slice of them too."""
    stream = open_cache_file(name)
    if stream is None:
        return None
    try:
        with stream:
            return memoryview(mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ))
    except (OSError, ValueError):  # unreadable, or empty
        return None


class KeptEntries:
    """A file ``save_entries`` wrote, mapped: each entry unmarshalled when asked for, its checksum checked then.

    Read whole, the compiled patterns' file (8 MB, 2,000 entries, most of it their sources as text) took a start
    15 ms to unmarshal, where an extract asks for fewer than half of the entries; its index of keys' digests
    and where each entry lies is a few kilobytes."""

    def __init__(self, index: dict[bytes, tuple[int, int, int]], entries: memoryview):
        self.index, self.entries = index, entries

    def __len__(self) -> int:
        return len(self.index)

    def keys(self) -> Iterable[bytes]:
        return self.index.keys()

    def raw(self, key: bytes) -> bytes | None:
        """The entry as saved (marshalled); None when there is none, or it was damaged (its checksum differs)."""
        data = self._checked(key)
        return None if data is None else bytes(data)

    def get(self, key: bytes) -> Any:
        """The entry unmarshalled; None when ``raw`` gives none, or it was damaged past its checksum."""
        data = self._checked(key)
        try:
            return None if data is None else marshal.loads(data)
        except (ValueError, EOFError, TypeError):
            return None

    def _checked(self, key: bytes) -> memoryview | None:
        start, size, checksum = self.index.get(key, (0, -1, 0))
        data = self.entries[start:start + size]
        return data if len(data) == size and zlib.crc32(data) == checksum else None

    def close(self) -> None:
        """The file let go of (on Windows, a file mapped cannot be replaced): no entry can be read after."""
        self.entries = memoryview(b"")


def save_entries(name: str, entries: Mapping[bytes, bytes]) -> None:
    """``entries`` (each a key and its value marshalled) saved as one file that ``read_entries`` reads an entry at a
    time: the index of keys (where each entry lies, its checksum) first, after its own checksum and length."""
    index, start = {}, 0
    for key, entry in entries.items():
        index[key] = (start, len(entry), zlib.crc32(entry))
        start += len(entry)
    head = marshal.dumps(index)
    head = len(head).to_bytes(_LENGTH_BYTES, "little") + head
    write_cache_file(name, _checksum(head) + head + b"".join(entries.values()))


def read_entries(name: str) -> KeptEntries | None:
    """What ``save_entries`` saved as ``name``; None when ``read_cache`` would read nothing, or its index is damaged."""
    data = mapped_cache_file(name)
    if data is None:
        return None
    size = int.from_bytes(data[_CHECKSUM_BYTES:_CHECKSUM_BYTES + _LENGTH_BYTES], "little")
    head_end = _CHECKSUM_BYTES + _LENGTH_BYTES + size
    if len(data) < head_end or data[:_CHECKSUM_BYTES] != _checksum(data[_CHECKSUM_BYTES:head_end]):
        return None
    try:
        index = marshal.loads(data[_CHECKSUM_BYTES + _LENGTH_BYTES:head_end])
    except (ValueError, EOFError, TypeError):
        return None
    return KeptEntries(index, data[head_end:]) if isinstance(index, dict) else None


def save_cache(name: str, data: bytes) -> None:
    """Saved with its checksum, which ``read_cache`` checks: a file damaged on disk is never read as data."""
    write_cache_file(name, _checksum(data) + data)


def _checksum(data: bytes | memoryview) -> bytes:
    return zlib.crc32(data).to_bytes(_CHECKSUM_BYTES, "little")


def write_cache_file(name: str, data: bytes) -> None:
    """``data`` as the file ``name``, as it is (for a file that holds its own checks, the tagger's): written
    whole (``replace_whole``), so a reader never sees half a file."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        replace_whole(folder / name, data, f".{name}.", ".part")
        _remove_abandoned(folder)
    except OSError:
        pass  # a cache only saves time


def _remove_abandoned(folder: Path) -> None:
    """Every file's, not only the one saved: the tagger's, 20 MB, is saved again only when jieba changes."""
    now = time.time()
    for part in folder.glob(".*.part"):
        if now - part.stat().st_mtime > _ABANDONED_AFTER:
            part.unlink(missing_ok=True)


def parsed(source: Path, text: str, parse: Callable[[str], Any], versions: int = 1) -> Any:
    """``parse(text)``, the text read from ``source``: from the cache when an earlier process parsed
    the same text (a data file's parse, even with libyaml, is a tenth of a short run). ``versions``:
    how many texts of one source are kept side by side (the checkouts of a user, each with its own
    rules, share the cache folder), the least recently used dropped first."""
    digest = _text_digest(text)
    prefix = f"parsed-{_source_digest(source)}"
    name = f"{prefix}-{_MARSHAL_TAG}.marshal" if versions == 1 else f"{prefix}-{digest[:8].hex()}-{_MARSHAL_TAG}.marshal"
    found = read_marshalled(name)
    if isinstance(found, tuple) and len(found) == 2 and found[0] == digest:
        touch(name)
        return found[1]
    data = parse(text)
    try:
        save_cache(name, marshal.dumps((digest, data)))
    except ValueError:  # a value marshal cannot keep (a YAML date): parsed again next time
        return data
    if versions > 1:
        keep_newest(f"{prefix}-*-{_MARSHAL_TAG}.marshal", versions)
    keep_newest("parsed-*.marshal", _MOST_PARSED)  # each folder of rules adds its own files
    return data


def _text_digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _source_digest(source: Path) -> str:
    return hashlib.blake2b(os.fsencode(source), digest_size=8).hexdigest()


def parsed_in_parts(source: Path, text: str, parse: Callable[[str], tuple[Any, list[bytes]]], versions: int) -> tuple[Any, Parts]:
    """``parse(text)``, data and parts: the data as ``parsed`` keeps it, the parts (bytes) in a file of their own beside
    it, each read when first asked for (``Parts``), for parts of which a process reads few: the target rules' patterns as
    compiled, 2.6 MB read whole with their expansions at every start (1.8 ms, to check and unmarshal), where a plan's
    sentences reach some thirty rules of 275."""
    digest = _text_digest(text)
    parts = Parts(f"parts-{_source_digest(source)}", digest, lambda: parse(text)[1], versions)

    def data_of_parts_kept(text: str) -> Any:
        data, fresh = parse(text)
        parts.keep(fresh)
        return data

    return parsed(source, text, data_of_parts_kept, versions), parts


class Parts:
    """The parts ``parsed_in_parts`` keeps of a text: those its process made, or each read from their file when first
    asked for. A file gone or damaged since (a part whose checksum differs) has them all made again, and saved."""

    def __init__(self, prefix: str, digest: bytes, make: Callable[[], list[bytes]], versions: int):
        self._prefix, self._digest, self._make, self._versions = prefix, digest, make, versions
        self._name = f"{prefix}-{digest[:8].hex()}-{_MARSHAL_TAG}.entries"
        self._made: list[bytes] | None = None
        self._kept: KeptEntries | None = None
        self._opened = False

    def __getitem__(self, index: int) -> bytes:
        if self._made is None:
            kept = self._kept_file()
            found = kept.raw(_part_key(index)) if kept is not None else None
            if found is not None:
                return found
            self.keep(self._make())
        return self._made[index]  # type: ignore[index]

    def keep(self, made: list[bytes]) -> None:
        """``made`` saved as the parts of the text, its digest with them, and used from now on."""
        self._made = made
        if self._kept is not None:
            self._kept.close()  # on Windows, a file mapped cannot be replaced
        save_entries(self._name, {_DIGEST_KEY: self._digest, **{_part_key(index): part for index, part in enumerate(made)}})
        keep_newest(f"{self._prefix}-*-{_MARSHAL_TAG}.entries", self._versions)

    def _kept_file(self) -> KeptEntries | None:
        if not self._opened:
            self._opened = True
            kept = read_entries(self._name)
            if kept is not None and kept.raw(_DIGEST_KEY) == self._digest:
                self._kept = kept
                touch(self._name)
        return self._kept


_DIGEST_KEY = b"digest"  # the entry of a file of parts that holds the digest of the text they are parts of


def _part_key(index: int) -> bytes:
    return index.to_bytes(4, "little")


def read_marshalled(name: str) -> Any:
    """What ``save_cache`` saved as ``name``, unmarshalled; None when ``read_cache`` reads nothing, or it was damaged
    past its checksum or written by another Python. The file's view is let go of here: the file may be saved again."""
    data = read_cache(name)
    try:
        return marshal.loads(data) if data else None
    except (ValueError, EOFError, TypeError):
        return None


def touch(name: str) -> None:
    """Marks a cache file as just used (its modification time), so that it is the last dropped."""
    folder = cache_dir()
    try:
        if folder:
            os.utime(folder / name)
    except OSError:
        pass


def keep_newest(pattern: str, count: int) -> None:
    """Deletes all but the ``count`` most recently used cache files matching the glob ``pattern``."""
    folder = cache_dir()
    try:
        files = sorted(folder.glob(pattern), key=lambda path: path.stat().st_mtime, reverse=True) if folder else []
        for stale in files[count:]:
            stale.unlink(missing_ok=True)
    except OSError:  # another process deleted one first
        pass
