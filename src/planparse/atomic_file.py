"""The one way planparse replaces a file: whole or not at all (outputs, and the user's cache)."""
from __future__ import annotations

import os
from pathlib import Path


def replace_whole(target: Path, data: bytes, prefix: str, suffix: str, mode: int | None = None) -> None:
    """Write ``data`` to a temporary file beside ``target`` (named ``prefix…suffix``), then rename it over
    ``target``: a reader sees the old file or the new one, never half of one. ``mode``: the new file's
    (None: mkstemp's 0600). On any failure, a Ctrl-C too, the temporary file is removed and the error raised."""
    import tempfile  # here: a run that writes nothing does not import it

    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=prefix, suffix=suffix)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if mode is not None:
                os.fchmod(stream.fileno(), mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
