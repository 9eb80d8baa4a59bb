"""Worker processes end with the batch that started them, and leave Ctrl-C to it.

Without the lifeline, ``kill -9`` of ``planparse batch`` leaves its workers running,
and Ctrl-C reaches every process of the terminal's group, each printing its own traceback.
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Iterator

_PR_SET_PDEATHSIG = 1  # linux/prctl.h


# The process id each new worker must find as its parent, handed down the
# environment: a parent that died before its child asked to die with it is seen at once.
PARENT_VARIABLE = "PLANPARSE_BATCH_PARENT"


def adopt_workers() -> None:
    """Called by a process before it starts workers: they are to die with it."""
    os.environ[PARENT_VARIABLE] = str(os.getpid())


def die_with_parent() -> None:
    """Ask Linux to kill this process when its parent ends (elsewhere, a no-op); end now if it
    already has."""
    if sys.platform.startswith("linux"):
        # The symbols already loaded, libc's among them: ``find_library("c")`` would run ``ldconfig``
        # in every worker as it starts.
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if str(os.getppid()) != os.environ.get(PARENT_VARIABLE, str(os.getppid())):
            os._exit(1)


def start_worker() -> None:
    """Run first in each worker: die with the parent, ignore Ctrl-C (the main process
    stops the workers itself, and reports the interruption once)."""
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C back until the block ends, then raise it.

    Around the start of workers: a worker started in the block begins
    with Ctrl-C blocked (a signal mask passes to children), so
    none dies of it half-started with a traceback, and one interrupted between
    its fork and the pool's note of it cannot escape being stopped. Python runs
    signal handlers in the main thread only, so elsewhere this holds nothing back.
    """
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        yield
        return
    held: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, _frame: held.append(number))
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}) if hasattr(signal, "pthread_sigmask") else None
    try:
        yield
    finally:
        if mask is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # a Ctrl-C that came meanwhile is handled now: held
        signal.signal(signal.SIGINT, previous)
    if held:
        raise KeyboardInterrupt
