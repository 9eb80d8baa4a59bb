"""Worker processes: how they start, warm, from a fork server started early; and how they end
with the batch that started them, leaving Ctrl-C to it.

Without the lifeline, ``kill -9`` of ``planparse batch`` leaves its fork server and
workers running (and the resource tracker, which waits for them), and Ctrl-C
reaches every process of the terminal's group, each printing its own traceback.

Kept light (no pipeline imports): ``batch`` starts the fork server before it loads the pipeline.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import multiprocessing.forkserver
import os
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Iterator

_PR_SET_PDEATHSIG = 1  # linux/prctl.h


# The process id each new worker (or fork server) must find as its parent, handed down the
# environment: a parent that died before its child asked to die with it is seen at once.
PARENT_VARIABLE = "PLANPARSE_BATCH_PARENT"


def adopt_workers() -> None:
    """Called by a process before it starts workers: they are to die with it."""
    os.environ[PARENT_VARIABLE] = str(os.getpid())


def die_with_parent() -> None:
    """Ask Linux to kill this process when its parent ends (elsewhere, a no-op); end now if it
    already has. Then this process adopts its own children (a fork server's workers)."""
    if sys.platform.startswith("linux"):
        # The symbols already loaded, libc's among them: ``find_library("c")`` would run ``ldconfig``
        # in every worker as it starts.
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if str(os.getppid()) != os.environ.get(PARENT_VARIABLE, str(os.getppid())):
            os._exit(1)
    adopt_workers()


def worker_context(libraries: tuple[str, ...] = ()) -> multiprocessing.context.BaseContext:
    """How workers start: never by fork of the batch's process, which would copy the
    progress bar's thread into them.

    Where it exists, a fork server started clean loads and warms the pipeline
    once (``worker_preload``), with the ``libraries`` its documents will need, and
    each worker is forked from it warm; elsewhere each worker is spawned and loads
    it itself.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["planparse.lifeline_preload", *libraries, "planparse.worker_preload"])
    return context


def start_fork_server(libraries: tuple[str, ...] = ()) -> None:
    """Start the workers' fork server now (where workers start from one), to be used by the next pool.

    It takes about a third of a second to load and warm the pipeline. Started before
    ``batch`` loads its own modules, rules and manifest, the two run side by side (on a
    second core), instead of one after the other.
    """
    if worker_context(libraries).get_start_method() != "forkserver":
        return
    adopt_workers()
    with interrupts_held():
        multiprocessing.forkserver.ensure_running()


def start_worker() -> None:
    """Run first in each worker and in the fork server: die with the parent, ignore Ctrl-C
    (the main process stops the workers itself, and reports the interruption once)."""
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C back until the block ends, then raise it.

    Around the start of workers: a worker or fork server started in the
    block begins with Ctrl-C blocked (a signal mask passes to children), so
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
