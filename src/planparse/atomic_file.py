"""The one way planparse replaces a file: whole or not at all (outputs, and the user's cache)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator, Union

try:
    import fcntl
except ImportError:  # Windows: a temporary file is told abandoned by its writer's process id alone
    fcntl = None  # type: ignore[assignment]

# What a file is written from: its bytes, or its parts as they are made (a page too large to hold whole)
Chunks = Union[bytes, Iterable[bytes]]


def chunks(data: Chunks) -> Iterable[bytes]:
    """``data``'s parts in order: bytes are one part."""
    return (data,) if isinstance(data, (bytes, bytearray, memoryview)) else data


_PART_CHARACTERS = 1 << 16


def text_parts(texts: Iterable[str]) -> Iterator[bytes]:
    """Pieces of text (a tag, a cell, a row) joined into UTF-8 parts of some 64 KiB as they come: a write
    each, not one per piece, and never the whole output held."""
    part: list[str] = []
    length = 0
    for text in texts:
        part.append(text)
        length += len(text)
        if length >= _PART_CHARACTERS:
            yield "".join(part).encode("utf-8")
            part, length = [], 0
    if part:
        yield "".join(part).encode("utf-8")


def replace_whole(target: Path, data: Chunks, prefix: str, suffix: str, mode: int | None = None) -> None:
    """Write ``data`` to a temporary file beside ``target`` (named ``prefix…suffix``), then rename it over
    ``target``: a reader sees the old file or the new one, never half of one. ``mode``: the new file's
    (None: 0600, as mkstemp's). On any failure, a Ctrl-C too, the temporary file is removed and the error raised."""
    handle, temporary = _new_file_beside(target, prefix, suffix)
    try:
        with os.fdopen(handle, "wb") as stream:
            _lock_while_written(handle)
            for part in chunks(data):
                stream.write(part)
            if mode is not None:
                os.fchmod(stream.fileno(), mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _new_file_beside(target: Path, prefix: str, suffix: str) -> tuple[int, str]:
    """A file made beside ``target``, named ``prefix…suffix`` with a random part no other has, open to write and its
    owner's alone (0600), as tempfile.mkstemp makes one: importing tempfile (shutil, and the compression modules
    shutil reads) was some 12 million instructions of the 1,700 million a plan's extract command takes."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOINHERIT", 0)
    while True:
        name = os.path.join(target.parent, f"{prefix}{os.urandom(6).hex()}{suffix}")
        try:
            return os.open(name, flags, 0o600), name
        except FileExistsError:
            continue  # another writer's (one chance in 2**48)


def _lock_while_written(handle: int) -> None:
    """Lock the temporary file open at ``handle`` (``flock``) until it is closed: the kernel lets the lock go as its
    writer ends, however it ends, so a later run tells a file a killed process left from one being written
    (``exporters.files.remove_stale_parts``) even when the writer's process id names another process by then, or
    a dead one not yet reaped. Best effort: a file system without locks leaves that to the process id."""
    if fcntl is not None:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
        except OSError:
            pass
