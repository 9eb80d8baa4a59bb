"""A time limit on reading one document, for the commands that read documents in their own process.

The limit is of CPU time, as a document's content costs it: on a loaded machine (9 processes on 2 cores) a reading of
13 s of CPU took past 120 s of the clock, and plans were refused by the load, not by what they hold. The clock stops a
reading too, at WALL_CLOCK_GUARD times the limit: one waiting on no CPU (a pipe that trickles, a network share that
hangs) never reaches its CPU limit.

Python cannot interrupt a library's C code (PDFium parsing a form again for each of its uses on a page), nor
run a signal handler until that code returns, so the limit is kept by a thread: past it, the
command it was armed for ends the whole process, with one line naming the document, before any
output is written. A Ctrl-C or SIGTERM that Python cannot act on while that code runs is seen by a
thread too (``signal.set_wakeup_fd``), which ends the process the same way. ``batch`` keeps the limit on its
workers itself, stopping the one that overruns.
"""
from __future__ import annotations

import os
import signal
import threading
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

from .lifeline import STOPPING_SIGNALS, interrupts_held

# How many seconds of the clock a reading may last for each second of CPU it may use
WALL_CLOCK_GUARD = 10
_CPU_LOOKED_AT_EVERY = 0.25  # seconds

# How long Python has to act on a Ctrl-C itself (it does at once, between two steps of Python code)
# before the reading is taken to be stuck in a library's C code.
_INTERRUPT_GRACE_SECONDS = 1.0


class _Limit(NamedTuple):
    seconds: float
    on_overrun: Callable[[str], None]  # ends the process: the document took more than ``seconds``
    on_stuck_interrupt: Callable[[int], None]  # ends the process: this stopping signal came and Python could not act on it


# What the command does with a document still being read after so many seconds; nothing armed, no limit
# (a program calling the pipeline decides for itself).
_armed: dict[str, _Limit] = {}


@contextmanager
def armed(seconds: float, on_overrun: Callable[[str], None], on_stuck_interrupt: Callable[[int], None]) -> Iterator[None]:
    """In this block, ``on_overrun(path)`` runs, on a thread of its own, when reading a document takes more than
    ``seconds`` of CPU (``cpu_limited``); ``on_stuck_interrupt(signal number)`` when a Ctrl-C or SIGTERM comes while reading one and Python
    cannot act on it."""
    _armed["limit"] = _Limit(seconds, on_overrun, on_stuck_interrupt)
    try:
        yield
    finally:
        del _armed["limit"]


def armed_seconds() -> float | None:
    """The seconds reading a document may take where the command armed a limit; None where none is armed."""
    return _armed["limit"].seconds if "limit" in _armed else None


@contextmanager
def unarmed() -> Iterator[None]:
    """In this block no limit holds: in a process of its own reading a document, which the command stops itself past
    the limit (compare's, report's), its own timer would end it too, saying so from the wrong process."""
    limit = _armed.pop("limit", None)
    try:
        yield
    finally:
        if limit is not None:
            _armed["limit"] = limit


@contextmanager
def reading(path: str | Path) -> Iterator[None]:
    """The reading of the document at ``path`` takes place in this block."""
    if "limit" not in _armed:
        yield
        return
    limit = _armed["limit"]
    with ExitStack() as watches:
        # Set up whole or not at all: a Ctrl-C as a thread starts (it waits for the thread) came before the block
        # that undoes it, and left the process with a timer that would end it as a document read too long.
        with interrupts_held():  # the signal comes once both are set up, and the ExitStack undoes them
            watches.enter_context(cpu_limited(limit.seconds, partial(limit.on_overrun, str(path))))
            watches.enter_context(_interrupts_watched(limit.on_stuck_interrupt))
        yield


@contextmanager
def cpu_limited(seconds: float, on_overrun: Callable[[], None]) -> Iterator[None]:
    """Calls ``on_overrun()``, on a thread of its own, when the process has used more than ``seconds`` of CPU in the
    block (every thread's: a library's C code reading the document is counted), or the block has lasted
    ``WALL_CLOCK_GUARD`` times as long on the clock."""
    limit = _CpuLimit(seconds, time.process_time() + seconds, time.monotonic() + WALL_CLOCK_GUARD * seconds, on_overrun)
    _limits_watched.add(limit)
    try:
        yield
    finally:
        _limits_watched.remove(limit)


@dataclass(frozen=True, eq=False)  # each its own: two set at one instant are two
class _CpuLimit:
    seconds: float
    cpu_end: float  # of the process's CPU time
    clock_end: float  # of the monotonic clock
    on_overrun: Callable[[], None]


class _LimitsWatched:
    """The limits in force in this process, looked at by one thread of its own: a batch's worker reads thousands of
    small files, and a thread started for each (as each limit had) cost its start and its end on every one. The thread
    starts with the first limit, and sleeps while none is in force."""

    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.limits: list[_CpuLimit] = []
        self.watcher: threading.Thread | None = None

    def add(self, limit: _CpuLimit) -> None:
        with self.changed:
            self.limits.append(limit)
            if self.watcher is None:
                # the process ends without waiting for it
                self.watcher = threading.Thread(target=self._watch, name="planparse CPU limits", daemon=True)
                self.watcher.start()
            self.changed.notify()

    def remove(self, limit: _CpuLimit) -> None:
        with self.changed:
            if limit in self.limits:  # not once overrun
                self.limits.remove(limit)

    def _watch(self) -> None:
        while True:
            with self.changed:
                self.changed.wait_for(lambda: self.limits)
                self.changed.wait(min(_CPU_LOOKED_AT_EVERY, *(limit.seconds for limit in self.limits)))
                cpu, clock = time.process_time(), time.monotonic()
                overrun = [limit for limit in self.limits if cpu > limit.cpu_end or clock > limit.clock_end]
                for limit in overrun:
                    self.limits.remove(limit)
            for limit in overrun:  # outside the lock: it may end a block, which takes it
                limit.on_overrun()


def _watched_afresh() -> None:
    """A forked process (a batch's worker) has none of its parent's threads, nor any of its limits in force."""
    global _limits_watched
    _limits_watched = _LimitsWatched()


_limits_watched = _LimitsWatched()
os.register_at_fork(after_in_child=_watched_afresh)


@contextmanager
def _interrupts_watched(on_stuck: Callable[[int], None]) -> Iterator[None]:
    """Calls ``on_stuck(number)`` when a Ctrl-C or SIGTERM in this block is not acted on (the block left) within the
    grace time.

    Python's own handler writes each signal's number to the wakeup pipe as it comes, even while the main
    thread is in C code; a thread reads it. Only the main thread may set the pipe: elsewhere, no watch."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    readable, writable = os.pipe()
    os.set_blocking(writable, False)  # as set_wakeup_fd requires: a full pipe drops a byte, never blocks a signal
    previous = signal.set_wakeup_fd(writable, warn_on_full_buffer=False)
    left = threading.Event()
    watcher = threading.Thread(target=_watch, args=(readable, left, on_stuck), daemon=True)
    watcher.start()
    try:
        yield
    finally:
        left.set()
        signal.set_wakeup_fd(previous)
        os.close(writable)  # the watcher reads the end of the pipe, and stops
        watcher.join()
        os.close(readable)


def _watch(readable: int, left: threading.Event, on_stuck: Callable[[int], None]) -> None:
    while numbers := os.read(readable, 64):
        stopping = [number for number in numbers if number in STOPPING_SIGNALS]
        if stopping and not left.wait(_INTERRUPT_GRACE_SECONDS):
            on_stuck(stopping[0])
