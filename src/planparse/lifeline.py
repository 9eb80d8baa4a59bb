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
