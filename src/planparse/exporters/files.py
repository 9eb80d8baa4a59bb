"""Output files that appear whole or not at all, and never replace what they should not.

Here rather than in ``cli/`` because ``batch`` (which ``cli`` imports) writes
files too; one writer serves both without a circular import.

What ``-o PATH`` does depends on what is at PATH:

- nothing, or a regular file: the data goes to a temporary file beside it,
  renamed over it, so a reader never sees half a file. A new file gets the
  mode the umask allows; an existing file keeps its mode.
- a symbolic link: the same, at the file the link points to; the link stays.
- a FIFO, a character device (``/dev/null``, a terminal) or a descriptor
  (``/dev/stdout``, ``/dev/fd/N``): written directly, as ``>`` in a shell would;
  a rename would replace the FIFO or device with a plain file.
- anything else (a folder, a socket, a block device): refused.
- a name in a folder that does not exist: refused, as ``cp`` and ``>`` refuse it; a
  mistyped folder is not made (batch makes its output folder, not the folders above).
- one of the command's inputs: refused before the command starts (``cli/output.py``).

A file in a folder planparse fills with its own outputs (batch's) is written by
``replace_own_file``: whatever stands at its name is replaced, never written
through (a symbolic link planted there, to a user's file; a FIFO no one reads).
"""
from __future__ import annotations

import errno
import os
import stat
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

try:
    import fcntl
except ImportError:  # Windows: batches into one folder are not locked against each other
    fcntl = None  # type: ignore[assignment]

from ..atomic_file import Chunks, chunks, replace_whole
from ..documents import is_descriptor
from ..errors import PlanparseError, ReaderGone
from ..names import shown_name

# Temporary files are named after the process writing them, so that a later
# run can tell the ones a killed process left (``remove_stale_parts``) from
# those a live one is writing.
PART_PREFIX = ".planparse-"
PART_SUFFIX = ".part"


class OutputError(PlanparseError):
    """An output could not be written: the output's fault, not the input's."""


def write_atomic(path: Path, data: Chunks) -> None:
    """Write ``data`` to ``path`` as described in the module's docstring."""
    target = Path(os.path.realpath(path))  # through symbolic links, to what they point at
    mode = _mode_standing(path, os.stat)  # the path itself: /proc/self/fd/1 links to "pipe:[…]", which realpath cannot follow
    if mode is not None and (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or is_descriptor(path)):
        _write_directly(path, data)
    elif mode is None:
        check_output_folder(path)
        _replace(path, target, data, None)
    elif stat.S_ISREG(mode):
        _replace(path, target, data, stat.S_IMODE(mode))
    else:
        kind = "a folder" if stat.S_ISDIR(mode) else "neither a file, a FIFO nor a character device"
        raise OutputError(path, f"cannot write output (it is {kind})")


def _mode_standing(path: Path, status: Callable[[Path], os.stat_result]) -> int | None:
    """The mode of what stands at the output ``path``, as ``status`` reads it (os.stat through links, os.lstat of the
    name itself); None where nothing does. Any other problem looking is the output's error."""
    try:
        return status(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _output_error(path, exc) from None


def check_output_folder(path: Path) -> None:
    """Refuse an output whose folder (through symbolic links) does not exist."""
    folder = Path(os.path.realpath(path)).parent
    try:
        missing = _missing_folder(folder)
    except OSError as exc:  # a path past the system's length limit
        raise _output_error(path, exc) from None
    if missing:
        why = "not a folder but a file" if os.path.isfile(folder) else "no such folder"  # out.json/x.json, a link to a file
        raise OutputError(path, f"cannot write output ({why}: {shown_name(str(folder))})")


def _missing_folder(folder: Path) -> bool:
    """Whether ``folder`` is no folder; another problem looking at it is raised."""
    try:
        return not stat.S_ISDIR(os.stat(folder).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return True


def replace_own_file(path: Path, data: Chunks) -> None:
    """Write ``data`` as the file ``path`` in an output folder of planparse's own, replacing what stands there:
    a file keeps its mode, a symbolic link or a FIFO gives way to the file (its target left as it was)."""
    mode = _mode_standing(path, os.lstat)  # the name itself, not what a link there points at
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputError(path, "cannot write output (it is a folder)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)  # a plan's folder under batch --recursive
    except OSError as exc:
        raise _output_error(path, exc) from None
    _replace(path, path, data, stat.S_IMODE(mode) if mode is not None and stat.S_ISREG(mode) else None)


def read_own_file(path: Path, most_bytes: int | None = None) -> bytes | None:
    """The bytes of the plain file standing at ``path`` in an output folder of planparse's own, or None where none
    does: a symbolic link, a FIFO or a device there is nothing planparse wrote (a FIFO no one wrote to hung the
    run that read it, a link to /dev/zero filled its memory), and ``replace_own_file`` replaces it. None too for a
    file of more than ``most_bytes``, which is not read."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:  # missing, a link (O_NOFOLLOW), unreadable
        return None
    with os.fdopen(handle, "rb") as stream:
        status = os.fstat(stream.fileno())
        return stream.read() if stat.S_ISREG(status.st_mode) and (most_bytes is None or status.st_size <= most_bytes) else None


def linked_folder(folder: Path, path: Path) -> Path | None:
    """The first of ``path``'s folders below ``folder`` that is a symbolic link, or None: batch writes no output
    through one (it would land outside the output folder)."""
    inside = folder
    for part in path.relative_to(folder).parts[:-1]:
        inside = inside / part
        if os.path.islink(inside):  # False where it cannot be looked at (a path past the length limit): nothing is written there
            return inside
    return None


def _write_directly(path: Path, data: Chunks) -> None:
    try:
        with open(path, "ab") as stream:  # append: a descriptor a shell opened with >> keeps what it holds
            for part in chunks(data):
                stream.write(part)
    except BrokenPipeError:  # -o /dev/stdout | head, as standard output
        raise ReaderGone from None
    except OSError as exc:
        raise _output_error(path, exc) from None


def _replace(shown: Path, target: Path, data: Chunks, mode: int | None) -> None:
    """Write a temporary file beside ``target`` and rename it over ``target``."""
    try:
        replace_whole(target, data, f"{PART_PREFIX}{os.getpid()}-", PART_SUFFIX, _new_file_mode() if mode is None else mode)
    except OSError as exc:
        if _is_own_part(exc.filename):
            raise _folder_error(shown, target.parent, exc) from None
        raise _output_error(shown, exc) from None


def _is_own_part(name: object) -> bool:
    """Whether ``name`` (an error's file) is a temporary file of ours: the folder refused to make it."""
    return isinstance(name, str) and os.path.basename(name).startswith(PART_PREFIX)


def _folder_error(path: Path, folder: Path, exc: OSError) -> OutputError:
    """The folder is named, not the temporary file: a system folder (/proc) says "No such file or directory" of
    a new name in a folder that is there, which read as if the output's folder were missing."""
    why = "" if exc.errno == errno.ENOENT else f": {exc.strerror or exc}"
    return OutputError(path, f"cannot write output (no new file can be made in {shown_name(str(folder))}{why})")


def _new_file_mode() -> int:
    """0666 less the umask, as ``open`` gives a new file (mkstemp's 0600 would hide it from everyone else)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _output_error(path: Path, exc: OSError) -> OutputError:
    return OutputError(path, f"cannot write output ({exc.strerror or exc})")


def remove_stale_parts(folder: Path, recursive: bool = False) -> None:
    """Remove the temporary files that processes killed mid-write left in ``folder``.

    A file whose writer is still running is left alone. Best effort: a file
    that cannot be removed now is removed by a later run.
    """
    candidates = folder.rglob(f"{PART_PREFIX}*{PART_SUFFIX}") if recursive else folder.glob(f"{PART_PREFIX}*{PART_SUFFIX}")
    try:
        parts = list(candidates)
    except OSError:  # a folder that cannot be listed (a path past the system's length limit): nothing was written there
        return
    for part in parts:
        if _is_stale(part):
            try:
                part.unlink()
            except OSError:
                pass


# A temporary file no process holds may be its writer's for a moment yet (made and not locked yet, or closed and not
# renamed yet): its process id decides then. Not past a minute since it was last written: by then the id may name
# another process (Linux gives 32,768 by default, used up in minutes on a busy machine).
_WRITER_STEP_SECONDS = 60


def _is_stale(part: Path) -> bool:
    """Whether ``part`` is a temporary file no process writes any more: none holds its lock (its writer's, taken as
    it was made: ``atomic_file``) and its writer's process id names no running process, or has not for a minute.
    Where locks cannot be told (Windows), the process id alone."""
    held = _lock_held(part)
    if held is None:
        return not _writer_running(part.name)
    if held:
        return False
    try:
        idle = time.time() - part.lstat().st_mtime
    except OSError:
        return False  # gone already
    return not _writer_running(part.name) or idle > _WRITER_STEP_SECONDS


def _lock_held(part: Path) -> bool | None:
    """Whether a process holds the lock on ``part``; None where that cannot be told."""
    if fcntl is None:
        return None
    try:  # never through a link, nor waiting for a writer of a FIFO
        handle = os.open(part, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    except OSError:  # a file system without locks
        return None
    finally:
        os.close(handle)  # lets go of the lock taken


def _writer_running(name: str) -> bool:
    """Whether the process whose id the temporary file's name holds is running: a process killed and not yet
    reaped (a zombie, for as long as its new parent takes) writes nothing, though its id still answers."""
    pid = name[len(PART_PREFIX):].split("-", 1)[0]
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, owned by someone else
        pass
    return not _is_zombie(int(pid))


def _is_zombie(pid: int) -> bool:
    """Whether ``pid`` has ended and waits to be reaped, as Linux's /proc tells (elsewhere: no)."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return status[status.rindex(")") + 2:].startswith("Z")


LOCK_NAME = ".planparse.lock"


@contextmanager
def folder_lock(folder: Path, holder: str) -> Iterator[None]:
    """Hold ``folder`` for one writer (``holder`` names it in the refusal); another is refused at once.

    The lock is the kernel's (``flock``): it goes with the process that held
    it, however that process ends, so a killed run never leaves a stale lock.
    """
    try:
        if _missing_folder(folder.parent):  # planparse makes its output folder, not a mistyped path to it
            raise OutputError(folder, f"cannot write to the output folder (no such folder: {shown_name(str(folder.parent))})")
        folder.mkdir(exist_ok=True)
        handle = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o666)
    except FileExistsError:  # a name that stands there and is no folder (click refuses a file, but not one named out/)
        kind = "a file" if os.path.isfile(folder) else "a device, a named pipe or a socket"
        raise OutputError(folder, f"cannot write to the output folder (it is no folder: {kind})") from None
    except OSError as exc:
        raise OutputError(folder, f"cannot write to the output folder ({exc.strerror or exc})") from None
    try:
        if fcntl is not None:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise OutputError(folder, f"another {holder} is writing to this folder; wait for it to end, or choose another folder") from None
        yield
    finally:
        os.close(handle)  # releases the lock
