"""The one way planparse replaces a file: whole or not at all (outputs, and the user's cache)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator, Union

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
    (None: mkstemp's 0600). On any failure, a Ctrl-C too, the temporary file is removed and the error raised."""
    import tempfile  # here: a run that writes nothing does not import it

    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=prefix, suffix=suffix)
    try:
        with os.fdopen(handle, "wb") as stream:
            for part in chunks(data):
                stream.write(part)
            if mode is not None:
                os.fchmod(stream.fileno(), mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
