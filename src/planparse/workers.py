"""Worker processes for ``batch``: each item worked on a process of its own, forked warm from the batch's.

The caller has loaded and warmed what every item needs before it calls ``run_on_workers``. The
libraries only some kinds of item need (``needs``: a PDF's, a web page's) are imported next, once,
and the workers forked with them. Meanwhile a first worker, forked before them, takes the items
that need none (plain text): the libraries load while it works. Out of such items, it ends and a
worker forked with every library takes its place: that costs a fork, where importing the
libraries a second time, in the worker, would cost what they took the batch.

Forking the batch's own process is safe as long as it runs no other thread (a thread's locks
would be copied held): the progress bar redraws from the batch's loop, not from a thread of its
own. Where there is no safe fork (Windows, macOS), each worker is spawned and loads what it needs.

Each worker is sent the number of its next item down a pipe and sends back the result; the first
number it has not answered is the item it is working on, so a worker that dies fails that item
only, and a new worker takes the rest of its queue. A worker whose item uses more CPU than the time
limit ends itself (``time_limit.cpu_limited``), and one still on an item after ``WALL_CLOCK_GUARD``
times the limit on the clock is killed; either fails that item the same way: a library's C code
(PDFium loading a page of forms nested in forms) cannot be interrupted from Python, only stopped with
its process.
"""
from __future__ import annotations

import gc
import importlib
import multiprocessing
import os
import pickle
import signal
import sys
import time
from collections import deque
from contextlib import nullcontext
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Callable, Generic, Iterator, TypeVar

from .collector import paused
from .lifeline import adopt_workers, interrupts_held, start_worker
from .time_limit import WALL_CLOCK_GUARD, cpu_limited

Item = TypeVar("Item")
Result = TypeVar("Result")

QUEUED_PER_WORKER = 2  # the item under way and the next: a worker never waits for the batch between two
_TIMED_OUT_EXIT = 124  # a worker's exit status past the time limit's CPU, as timeout(1)'s
# the longest a batch waits at once (multiprocessing's wait takes a C int of milliseconds: some 24 days)
_LONGEST_WAIT_SECONDS = 3600


class WorkerDied(Exception):
    """The worker's process ended while working on the item (a crash in a library, a kill): ``exitcode`` as
    multiprocessing gives it, less the number of the signal that ended it."""

    def __init__(self, exitcode: int | None) -> None:
        super().__init__(exitcode)
        self.exitcode = exitcode

    def how(self) -> str:
        """How it ended: by which signal (SIGKILL: the system's out-of-memory killer, or a user's kill -9), or with
        which status."""
        if self.exitcode is None or self.exitcode >= 0:
            return f"exit status {self.exitcode}"
        try:
            return f"ended by {signal.Signals(-self.exitcode).name}"
        except ValueError:  # a signal Python has no name for (a real-time one)
            return f"ended by signal {-self.exitcode}"


class TimedOut(Exception):
    """The item used more CPU than the time limit (its worker ended itself), or lasted ``WALL_CLOCK_GUARD`` times as long
    on the clock (its worker was killed)."""


class WorkFailed(Exception):
    """The work raised, or its result could not be sent back: ``type: message`` of what went wrong."""


@dataclass
class _Worker:
    process: BaseProcess
    tasks: Connection
    results: Connection
    loaded: frozenset[str] | None  # an early worker's modules, the items it can do limited to those; None: any item
    taken: deque[int] = field(default_factory=deque)  # the numbers sent and not answered, in order
    released: bool = False  # told to end after the items it has taken
    started: float = 0.0  # when it began the item under way (``time.monotonic``)


def run_on_workers(items: list[Item], work: Callable[[Item], Result], workers: int,
                   needs: Callable[[Item], tuple[str, ...]] = lambda item: (),
                   time_limit: float | None = None) -> Iterator[tuple[Item, Result | Exception]]:
    """Each item with its result (or ``WorkerDied``, ``TimedOut``, ``WorkFailed``), in the order they finish;
    ``time_limit``: the seconds one item may take (None: no limit).

    Stopped early (Ctrl-C, or a caller that stops reading), the workers are killed at once.
    """
    pool = _Pool(items, work, needs, max(1, min(workers, len(items))), time_limit)  # fewer than one asked for: one all the same
    missing = _missing(items, needs)
    try:
        if missing and any(not needs(item) for item in items):
            pool.start_worker()  # an early worker, for the items that need none of them
        with paused():  # what the libraries build lives as long as the batch: no collector pass walks it
            for module in missing:
                _import(module)
                yield from pool.collect(timeout=0)
            gc.freeze()  # forked workers share those pages instead of copying them (see worker_preload)
        pool.all_loaded = True
        while pool.working() < pool.count and pool.pending():
            pool.start_worker()
        pool.feed_all()  # the early worker may have been left waiting
        while pool.busy():
            yield from pool.collect()
        pool.close()  # a Ctrl-C while the workers end kills them too
    except BaseException:
        pool.kill()
        raise


def _missing(items: list[Item], needs: Callable[[Item], tuple[str, ...]]) -> list[str]:
    return [name for name in dict.fromkeys(name for item in items for name in needs(item)) if name not in sys.modules]


def _import(module: str) -> None:
    try:
        importlib.import_module(module)
    except ImportError:
        pass  # each item that needs it fails on its worker, saying so, and the others run


class _Pool(Generic[Item, Result]):
    def __init__(self, items: list[Item], work: Callable[[Item], Result], needs: Callable[[Item], tuple[str, ...]], count: int,
                 time_limit: float | None):
        self.items, self.work, self.needs, self.count, self.time_limit = items, work, needs, count, time_limit
        # The items in order, one queue for each set of libraries they need: a worker takes the first
        # item of the queues whose libraries it has (a handful of queues, however many items).
        self.queues: dict[tuple[str, ...], deque[int]] = {}
        for number, item in enumerate(items):
            self.queues.setdefault(needs(item), deque()).append(number)
        self.workers: list[_Worker] = []
        self.all_loaded = False  # the libraries every item needs imported: a worker forked now lacks none
        self.context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")

    def start_worker(self) -> None:
        tasks_out, tasks_in = self.context.Pipe(duplex=False)
        results_out, results_in = self.context.Pipe(duplex=False)
        # Forked, a worker has the items already; spawned, it is sent them once.
        process = self.context.Process(target=_serve, args=(tasks_out, results_in, self.work, self.items, self.time_limit), daemon=True)
        adopt_workers()
        with interrupts_held():  # it starts with Ctrl-C blocked, then ignores it (lifeline); a Ctrl-C meanwhile finds it listed
            process.start()
            worker = _Worker(process, tasks_in, results_out, None if self.all_loaded else frozenset(sys.modules))
            self.workers.append(worker)
        tasks_out.close()  # the worker's ends: its death then closes its results pipe
        results_in.close()
        self._feed(worker)

    def busy(self) -> bool:
        return any(worker.taken for worker in self.workers)

    def working(self) -> int:
        return sum(not worker.released for worker in self.workers)

    def pending(self) -> bool:
        return any(self.queues.values())

    def collect(self, timeout: float | None = None) -> Iterator[tuple[Item, Result | Exception]]:
        """The results ready (waiting up to ``timeout`` for one, or for the first item to overrun the
        time limit), each worker fed again; a worker past the limit killed."""
        by_pipe = {worker.results: worker for worker in self.workers}
        by_sentinel = {worker.process.sentinel: worker for worker in self.workers}
        for ready in wait([*by_pipe, *by_sentinel], self._wait_at_most(timeout)):
            worker = by_pipe[ready] if ready in by_pipe else by_sentinel[ready]  # type: ignore[index]
            if worker in self.workers:  # (both of a dead worker's may be ready)
                yield from self._receive(worker)
        for worker in list(self.workers):
            if self._overdue(worker):
                yield from self._results(worker)  # a result that came meanwhile: the worker is on its next item
                if not self._overdue(worker):
                    self._feed(worker)
                    continue
                worker.process.kill()
                yield from self._bury(worker, TimedOut())

    def _deadline(self, worker: _Worker) -> float | None:
        """When the clock stops the worker's item: its own CPU limit stops it long before, unless it waits on no CPU."""
        return worker.started + WALL_CLOCK_GUARD * self.time_limit if self.time_limit is not None and worker.taken else None

    def _wait_at_most(self, timeout: float | None) -> float | None:
        deadlines = [deadline for worker in self.workers if (deadline := self._deadline(worker)) is not None]
        if not deadlines:
            return timeout
        until_first = min(max(0.0, min(deadlines) - time.monotonic()), _LONGEST_WAIT_SECONDS)
        return until_first if timeout is None else min(timeout, until_first)

    def _overdue(self, worker: _Worker) -> bool:
        deadline = self._deadline(worker)
        return deadline is not None and time.monotonic() >= deadline

    def _receive(self, worker: _Worker) -> Iterator[tuple[Item, Result | Exception]]:
        if not wait([worker.process.sentinel], 0):  # alive
            yield from self._results(worker)
            self._feed(worker)
            return
        _join(worker.process)  # (it has ended: at once) for its exit code
        ended = worker.process.exitcode
        yield from self._bury(worker, TimedOut() if ended == _TIMED_OUT_EXIT else WorkerDied(ended))

    def _bury(self, worker: _Worker, cause: Exception) -> Iterator[tuple[Item, Result | Exception]]:
        """A worker that ended (``cause``: why) fails its item under way; the items queued behind it go to a new worker."""
        yield from self._results(worker)  # what it sent before it ended
        self._end(worker)
        if worker.taken:
            yield self.items[worker.taken.popleft()], cause
            for number in reversed(worker.taken):
                self._put_back(number)
            if self.pending():
                self.start_worker()

    def _results(self, worker: _Worker) -> Iterator[tuple[Item, Result | Exception]]:
        while worker.taken and worker.results.poll():
            try:
                result = pickle.loads(worker.results.recv_bytes())
            except (EOFError, OSError):  # the end of a worker that died
                return
            yield self.items[worker.taken.popleft()], result
            worker.started = time.monotonic()  # on the next, if it has one

    def feed_all(self) -> None:
        for worker in list(self.workers):
            self._feed(worker)

    def _feed(self, worker: _Worker) -> None:
        while not worker.released and self._has_room(worker) and self.pending():
            number = self._next_for(worker)
            if number is None:
                if self.all_loaded and not worker.taken:
                    self._retire(worker)
                return
            try:
                worker.tasks.send(number)
            except OSError:  # it died: the items it took are seen to when its end is
                self._put_back(number)
                return
            if not worker.taken:
                worker.started = time.monotonic()
            worker.taken.append(number)
        if not self.pending() and self.all_loaded:
            self._release(worker)

    def _has_room(self, worker: _Worker) -> bool:
        """A worker with no item takes one; it takes the next ahead of the one under way only while there are items for
        every worker: handed to a busy worker, the last items would wait behind its long one while another idles."""
        return not worker.taken or (len(worker.taken) < QUEUED_PER_WORKER and sum(map(len, self.queues.values())) >= self.count)

    def _next_for(self, worker: _Worker) -> int | None:
        """The first queued item the worker can do with the modules it was forked with, if any."""
        fitting = [queue for needed, queue in self.queues.items() if queue and (worker.loaded is None or worker.loaded.issuperset(needed))]
        return min(fitting, key=lambda queue: queue[0]).popleft() if fitting else None

    def _put_back(self, number: int) -> None:
        self.queues[self.needs(self.items[number])].appendleft(number)

    def _retire(self, worker: _Worker) -> None:
        """An early worker out of items it can do: a worker forked with every library takes its place."""
        self._release(worker)
        self.start_worker()

    @staticmethod
    def _release(worker: _Worker) -> None:
        """Nothing more for it: the worker ends after the items it has taken, while the others work on."""
        if worker.released:
            return
        worker.released = True
        try:
            worker.tasks.send(None)
        except OSError:
            pass  # it has ended already

    def kill(self) -> None:
        for worker in self.workers:
            worker.process.kill()
        for worker in list(self.workers):
            self._end(worker)

    def close(self) -> None:
        for worker in list(self.workers):
            self._release(worker)
            self._end(worker)

    def _end(self, worker: _Worker) -> None:
        _join(worker.process)
        worker.tasks.close()
        worker.results.close()
        worker.process.close()
        self.workers.remove(worker)


def _join(process: BaseProcess) -> None:
    """Wait for ``process`` to end, a Ctrl-C welcome meanwhile, then reap it with Ctrl-C held back. multiprocessing
    reaps a child and then notes its exit code: a Ctrl-C between the two loses the code for good, the process passes
    for running ever after, and ``close`` raises ("Cannot close a process while it is still running", once in CI)."""
    wait([process.sentinel])
    with interrupts_held():
        process.join()


def _serve(tasks: Connection, results: Connection, work: Callable[[Item], Result], items: list[Item], time_limit: float | None) -> None:
    """A worker: work on each item sent until told to end (``None``), ending itself when one uses more than
    ``time_limit`` seconds of CPU."""
    start_worker()
    sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__  # its own, not the batch's progress display forked with it
    while (number := tasks.recv()) is not None:
        with cpu_limited(time_limit, _end_timed_out) if time_limit is not None else nullcontext():
            results.send_bytes(_result(work, items[number]))


def _end_timed_out() -> None:
    os._exit(_TIMED_OUT_EXIT)  # from the limit's thread: the main one may be stuck in a library's C code


def _result(work: Callable[[Item], Result], item: Item) -> bytes:
    """The result pickled; what went wrong instead when the work raised or its result cannot be pickled."""
    try:
        return pickle.dumps(work(item))
    except Exception as exc:  # a bug on one item must not stop the others
        return pickle.dumps(WorkFailed(f"{type(exc).__name__}: {exc}"))
