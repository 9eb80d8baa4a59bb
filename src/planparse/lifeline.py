"""Worker processes end with the batch that started them, and leave Ctrl-C and SIGTERM to it.

Without the lifeline, ``kill -9`` of ``planparse batch`` leaves its workers running,
and Ctrl-C reaches every process of the terminal's group, each printing its own traceback.
SIGTERM (a CI job cancelled, ``timeout``, a service manager) ended the command at once,
by default: no summary of what it had finished, its temporary files left behind. It is
handled as Ctrl-C is (``Terminated``), and named as what it is.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Iterator

_PR_SET_PDEATHSIG = 1  # linux/prctl.h


# The signals that stop a command: a worker ignores both, the command acts on them itself.
STOPPING_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Python acts on it: every ``except KeyboardInterrupt`` that keeps finished work and
    removes the unfinished handles it as it does a Ctrl-C."""


def _raise_terminated(_number: int, _frame: object) -> None:
    raise Terminated


@contextmanager
def sigterm_raised() -> Iterator[None]:
    """In this block (the command's run), SIGTERM raises ``Terminated``; a program running the command in its
    own process has its handler back after. Only the main thread may set one: elsewhere, nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def stop_exception(number: int) -> KeyboardInterrupt:
    """What a stopping signal raises."""
    return Terminated() if number == signal.SIGTERM else KeyboardInterrupt()


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
        import ctypes  # here: every command imports this module, only a worker needs ctypes (a hundredth of a second)

        # The symbols already loaded, libc's among them: ``find_library("c")`` would run ``ldconfig``
        # in every worker as it starts.
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if str(os.getppid()) != os.environ.get(PARENT_VARIABLE, str(os.getppid())):
            os._exit(1)


def start_worker() -> None:
    """Run first in each worker: die with the parent, ignore Ctrl-C and SIGTERM (the main process
    stops the workers itself, and reports the interruption once)."""
    die_with_parent()
    for number in STOPPING_SIGNALS:
        signal.signal(number, signal.SIG_IGN)


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM back until the block ends, then raise the first that came.

    Around the start of workers: a worker started in the block begins
    with both blocked (a signal mask passes to children), so
    none dies of one half-started with a traceback, and one interrupted between
    its fork and the pool's note of it cannot escape being stopped. Python runs
    signal handlers in the main thread only, so elsewhere this holds nothing back.
    """
    handled = [number for number in STOPPING_SIGNALS if signal.getsignal(number) not in (signal.SIG_IGN, signal.SIG_DFL)]
    if threading.current_thread() is not threading.main_thread() or not handled:
        yield
        return
    held: list[int] = []
    previous = {number: signal.getsignal(number) for number in handled}
    mask = None
    try:
        # Inside the try: a SIGTERM as Ctrl-C's handler is already swapped (a signal before a handler is swapped
        # is raised at once) leaves no handler swapped behind it. Once both are, none is raised till the end.
        for number in handled:
            signal.signal(number, lambda number, _frame: held.append(number))
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, handled) if hasattr(signal, "pthread_sigmask") else None
        yield
    finally:
        if mask is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # a signal that came meanwhile is handled now: held
        for number, handler in previous.items():
            signal.signal(number, handler)
    if held:
        raise stop_exception(held[0])
