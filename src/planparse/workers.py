"""Worker processes for ``batch``: each item worked on a process of its own, forked warm from the batch's.

The caller has loaded and warmed what every item needs before it calls ``run_on_workers``; the
first worker is forked at once. Only then are the libraries of the other kinds of item imported
(``needs``: a PDF's, a web page's), once, and the other workers forked with them. Until they
come, the first worker takes the items it can do without those libraries: it works while they
load, instead of waiting for them or importing them a second time.

Forking the batch's own process is safe as long as it runs no other thread (a thread's locks
would be copied held): the progress bar redraws from the batch's loop, not from a thread of its
own. Where there is no safe fork (Windows, macOS), each worker is spawned and loads what it needs.

Each worker is sent the number of its next item down a pipe and sends back the result; the first
number it has not answered is the item it is working on, so a worker that dies fails that item
only, and a new worker takes the rest of its queue.
"""
from __future__ import annotations

import gc
import importlib
import multiprocessing
import pickle
import sys
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Callable, Generic, Iterator, TypeVar

from .lifeline import adopt_workers, interrupts_held, start_worker

Item = TypeVar("Item")
Result = TypeVar("Result")

QUEUED_PER_WORKER = 2  # the item under way and the next: a worker never waits for the batch between two


class WorkerDied(Exception):
    """The worker's process ended while working on the item (a crash in a library, a kill)."""


class WorkFailed(Exception):
    """The work raised, or its result could not be sent back: ``type: message`` of what went wrong."""


@dataclass
class _Worker:
    process: BaseProcess
    tasks: Connection
    results: Connection
    loaded: frozenset[str]  # the modules it was forked with
    taken: deque[int] = field(default_factory=deque)  # the numbers sent and not answered, in order


def run_on_workers(items: list[Item], work: Callable[[Item], Result], workers: int,
                   needs: Callable[[Item], tuple[str, ...]] = lambda item: ()) -> Iterator[tuple[Item, Result | Exception]]:
    """Each item with its result (or ``WorkerDied``, ``WorkFailed``), in the order they finish.

    Stopped early (Ctrl-C, or a caller that stops reading), the workers are killed at once.
    """
    count = min(workers, len(items))
    pool = _Pool(items, work, needs, others_to_come=count > 1)
    try:
        pool.start_worker()
        if pool.others_to_come:
            for module in _missing(items, needs):  # the other kinds' libraries, the first worker busy meanwhile
                importlib.import_module(module)
                yield from pool.collect(timeout=0)
            gc.freeze()  # forked workers then share those pages instead of copying them (see worker_preload)
            pool.others_to_come = False
            for _ in range(count - 1):
                if pool.queue:
                    pool.start_worker()
            pool.feed_all()  # the first worker may have been left waiting for them
        while pool.busy():
            yield from pool.collect()
    except BaseException:
        pool.kill()
        raise
    pool.close()


def _missing(items: list[Item], needs: Callable[[Item], tuple[str, ...]]) -> list[str]:
    return [name for name in dict.fromkeys(name for item in items for name in needs(item)) if name not in sys.modules]


class _Pool(Generic[Item, Result]):
    def __init__(self, items: list[Item], work: Callable[[Item], Result], needs: Callable[[Item], tuple[str, ...]], others_to_come: bool):
        self.items, self.work, self.needs = items, work, needs
        self.queue = deque(range(len(items)))
        self.workers: list[_Worker] = []
        self.others_to_come = others_to_come  # workers yet to be forked, with the libraries the first lacks
        self.context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")

    def start_worker(self) -> None:
        tasks_out, tasks_in = self.context.Pipe(duplex=False)
        results_out, results_in = self.context.Pipe(duplex=False)
        # Forked, a worker has the items already; spawned, it is sent them once.
        process = self.context.Process(target=_serve, args=(tasks_out, results_in, self.work, self.items), daemon=True)
        adopt_workers()
        with interrupts_held():  # it starts with Ctrl-C blocked, then ignores it (lifeline); a Ctrl-C meanwhile finds it listed
            process.start()
            worker = _Worker(process, tasks_in, results_out, frozenset(sys.modules))
            self.workers.append(worker)
        tasks_out.close()  # the worker's ends: its death then closes its results pipe
        results_in.close()
        self._feed(worker)

    def busy(self) -> bool:
        return any(worker.taken for worker in self.workers)

    def collect(self, timeout: float | None = None) -> Iterator[tuple[Item, Result | Exception]]:
        """The results ready (waiting up to ``timeout`` for one), each worker fed again."""
        by_pipe = {worker.results: worker for worker in self.workers}
        by_sentinel = {worker.process.sentinel: worker for worker in self.workers}
        for ready in wait([*by_pipe, *by_sentinel], timeout):
            worker = by_pipe[ready] if ready in by_pipe else by_sentinel[ready]  # type: ignore[index]
            if worker in self.workers:  # (both of a dead worker's may be ready)
                yield from self._receive(worker)

    def _receive(self, worker: _Worker) -> Iterator[tuple[Item, Result | Exception]]:
        if worker.process.is_alive():
            yield from self._results(worker)
            self._feed(worker)
            return
        yield from self._results(worker)  # what it sent before it ended
        self._end(worker)
        if worker.taken:  # it died: its item under way fails, the items queued behind it go to a new worker
            yield self.items[worker.taken.popleft()], WorkerDied()
            self.queue.extendleft(reversed(worker.taken))
            if self.queue:
                self.start_worker()

    def _results(self, worker: _Worker) -> Iterator[tuple[Item, Result | Exception]]:
        while worker.taken and worker.results.poll():
            try:
                result = pickle.loads(worker.results.recv_bytes())
            except (EOFError, OSError):  # the end of a worker that died
                return
            yield self.items[worker.taken.popleft()], result

    def feed_all(self) -> None:
        for worker in self.workers:
            self._feed(worker)

    def _feed(self, worker: _Worker) -> None:
        while len(worker.taken) < QUEUED_PER_WORKER and self.queue:
            number = self._next_for(worker)
            if number is None:
                return
            try:
                worker.tasks.send(number)
            except OSError:  # it died: the items it took are seen to when its end is
                self.queue.appendleft(number)
                return
            worker.taken.append(number)
        if not self.queue and not self.others_to_come:
            self._release(worker)

    def _next_for(self, worker: _Worker) -> int | None:
        """The first queued item; while other workers are still to come, the first this one can do
        with what it was forked with, or none: it would import the others' libraries a second time,
        taking as long as waiting for them."""
        if not self.others_to_come:
            return self.queue.popleft()
        for number in self.queue:
            if set(self.needs(self.items[number])) <= worker.loaded:
                self.queue.remove(number)
                return number
        return None

    @staticmethod
    def _release(worker: _Worker) -> None:
        """Nothing left to give: the worker ends after its last items, while the others finish theirs."""
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
        worker.process.join()
        worker.tasks.close()
        worker.results.close()
        worker.process.close()
        self.workers.remove(worker)


def _serve(tasks: Connection, results: Connection, work: Callable[[Item], Result], items: list[Item]) -> None:
    """A worker: work on each item sent until told to end (``None``)."""
    start_worker()
    sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__  # its own, not the batch's progress display forked with it
    while (number := tasks.recv()) is not None:
        results.send_bytes(_result(work, items[number]))


def _result(work: Callable[[Item], Result], item: Item) -> bytes:
    """The result pickled; what went wrong instead when the work raised or its result cannot be pickled."""
    try:
        return pickle.dumps(work(item))
    except Exception as exc:  # a bug on one item must not stop the others
        return pickle.dumps(WorkFailed(f"{type(exc).__name__}: {exc}"))
