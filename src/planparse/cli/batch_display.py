"""What ``planparse batch`` shows: a progress bar on a terminal (plain lines elsewhere), then a summary."""
from __future__ import annotations

import time

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from ..batch import DOCUMENTS_CSV, ERRORS, TARGETS_CSV, BatchOptions, BatchResult, Outcome
from ..names import display_text


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:.1f} files/s")


# Each redraw takes this process's CPU from the workers: rich's default, 10 a second,
# costs --jobs 2 about 1% of its speed on two cores, and the eye sees no difference.
REFRESHES_PER_SECOND = 4


class ProgressBar:
    """Files done, failures, rate and ETA, redrawn in place on a terminal.

    Redrawn as documents finish, never by a thread of rich's: the workers are forked
    from this process, which must run no other thread then (``workers``).
    """

    def __init__(self, console: Console):
        self.progress = Progress(
            TextColumn("converting"), BarColumn(), MofNCompleteColumn(),
            TextColumn("[red]{task.fields[failed]} failed"), _RateColumn(), TimeRemainingColumn(),
            console=console, transient=True, auto_refresh=False,
        )
        self.task = self.progress.add_task("convert", total=0, failed=0)
        self.failed = 0
        self.drawn = 0.0

    def start(self, to_run: int) -> None:
        self.progress.update(self.task, total=to_run)
        self.progress.start()

    def finished(self, outcome: Outcome) -> None:
        self.failed += outcome.failure is not None
        self.progress.update(self.task, advance=1, failed=self.failed)
        if time.monotonic() - self.drawn >= 1 / REFRESHES_PER_SECOND:
            self.progress.refresh()
            self.drawn = time.monotonic()

    def close(self) -> None:
        self.progress.stop()


class LogLines:
    """One plain line per document, for logs and pipes."""

    def __init__(self, console: Console):
        self.console = console
        self.done = 0
        self.total = 0

    def start(self, to_run: int) -> None:
        self.total = to_run

    def finished(self, outcome: Outcome) -> None:
        self.done += 1
        status = "ok" if outcome.failure is None else f"FAILED ({outcome.failure.kind}): {outcome.failure.message}"
        self.console.print(display_text(f"[{self.done}/{self.total}] {outcome.relative}: {status}"), markup=False, highlight=False, soft_wrap=True)

    def close(self) -> None:
        pass


def _documents(count: int) -> str:
    return f"{count} document" if count == 1 else f"{count} documents"


def print_summary(console: Console, options: BatchOptions, result: BatchResult) -> None:
    if result.failures:
        table = Table("file", "error", "message", title=f"{len(result.failures)} of {_documents(result.total)} failed", title_justify="left")
        for failure in result.failures:
            table.add_row(display_text(failure.file), failure.kind, display_text(failure.message))
        console.print(table)
    if not result.converted and not result.failures:
        console.print(f"nothing to convert: {_documents(len(result.unchanged))} unchanged since the last run (--force converts again)", highlight=False, soft_wrap=True)
        return
    parts = [f"converted {len(result.converted)}"]
    if result.unchanged:
        parts.append(f"skipped {len(result.unchanged)} unchanged")
    if result.failures:
        parts.append(f"failed {len(result.failures)} (see {options.out_dir / ERRORS})")
    outputs = f"; {TARGETS_CSV} and {DOCUMENTS_CSV} cover all documents" if "csv" in options.formats else ""
    console.print(f"{', '.join(parts)} -> {options.out_dir}{outputs}", highlight=False, soft_wrap=True)
