"""Worker processes that end with the batch that started them, and leave Ctrl-C to it.

Without this, ``kill -9`` of ``planparse batch`` leaves its fork server and
workers running (and the resource tracker, which waits for them), and Ctrl-C
reaches every process of the terminal's group, each printing its own traceback.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Iterator

_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent() -> None:
    """Ask Linux to kill this process when its parent ends (elsewhere, a no-op).

    A parent that ended before the request is seen by a changed parent id.
    """
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def start_worker() -> None:
    """Run first in each worker and in the fork server: die with the parent, ignore Ctrl-C
    (the main process stops the workers itself, and reports the interruption once)."""
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C back until the block ends, then raise it.

    Around the start of workers: one interrupted between its fork and the
    pool's note of it could not be stopped, and would print a traceback when
    it found its parent gone. Python runs signal handlers in the main thread
    only, so elsewhere this holds nothing back.
    """
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        yield
        return
    held: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, _frame: held.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if held:
        raise KeyboardInterrupt
