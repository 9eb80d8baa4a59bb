"""The progress bar ``planparse batch`` draws on a terminal (rich loads with it: plain lines need none of it)."""
from __future__ import annotations

import time

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.text import Text

from ..batch import Outcome
from ..names import display_text, shown_name
from .batch_display import said_warnings


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
        for said in said_warnings(outcome):  # above the bar, as a plain line would say it
            self.progress.console.print(Text(display_text(f"{shown_name(outcome.relative)}: {said}")))
        self.progress.update(self.task, advance=1, failed=self.failed)
        if time.monotonic() - self.drawn >= 1 / REFRESHES_PER_SECOND:
            self.progress.refresh()
            self.drawn = time.monotonic()

    def close(self) -> None:
        self.progress.stop()
