"""What ``planparse batch`` shows: plain lines (a progress bar on a terminal: ``progress_bar``), then a summary.

Plain lines are written without rich: importing it took a seventh of the start-up every batch
pays before its first worker starts. It loads only for the progress bar and a table of failures.
"""
from __future__ import annotations

import click

from ..batch import DOCUMENTS_CSV, ERRORS, MANIFEST, TARGETS_CSV, BatchOptions, BatchResult, Outcome
from ..pipeline import NOTHING_OF_A_PLAN
from ..names import display_text, shown_name

# The control characters rich drops from what it prints (bell, backspace, vertical tab, form feed,
# carriage return): a file's name holding one shows as it did in rich's lines.
_DROPPED_CONTROLS = dict.fromkeys([7, 8, 11, 12, 13])


def say(text: str) -> None:
    """One line on standard error, as written (no markup, no emoji codes)."""
    click.echo(text.translate(_DROPPED_CONTROLS), err=True)


class LogLines:
    """One plain line per document, for logs and pipes."""

    def __init__(self) -> None:
        self.done = 0
        self.total = 0

    def start(self, to_run: int) -> None:
        self.total = to_run

    def finished(self, outcome: Outcome) -> None:
        self.done += 1
        say(display_text(f"[{self.done}/{self.total}] {shown_name(outcome.relative)}: {_status(outcome)}"))

    def close(self) -> None:
        pass


def _status(outcome: Outcome) -> str:
    """ok (and what of it was read in part), no plan found, or FAILED and why."""
    if outcome.failure is not None:
        return f"FAILED ({outcome.failure.kind}): {outcome.failure.message}"
    said = said_warnings(outcome)
    return ", ".join(said if outcome.gave_no_plan else ["ok", *said])


def said_warnings(outcome: Outcome) -> list[str]:
    """What of a document was read only in part, a phrase each; a text that gave nothing of a plan (an English page, a
    log renamed .txt) says first that no plan was found, not that a plan was read in part."""
    return [f"{'no plan found' if warning == NOTHING_OF_A_PLAN else 'read in part'}: {warning.message}"
            for warning in sorted(outcome.warnings, key=lambda warning: warning != NOTHING_OF_A_PLAN)]


def _documents(count: int) -> str:
    return f"{count} document" if count == 1 else f"{count} documents"


def print_summary(options: BatchOptions, result: BatchResult, stopped: bool = False) -> None:
    """What the run did; ``stopped``: it was stopped before the end, and the rest is left to a re-run."""
    if result.failures:
        _print_failures(result)
    if not result.converted and not result.failures and not stopped:
        say(f"nothing to convert: {_documents(len(result.unchanged))} unchanged since the last run (--force converts again)")
        return
    parts = [f"converted {len(result.converted)}"]
    warned = [(count, what) for count, what in ((result.read_in_part, "read in part"), (result.no_plan, "gave no plan")) if count]
    if warned:
        said = ", ".join(f"{count}{' of them' if first else ''} {what}" for first, (count, what) in zip((True, False), warned))
        parts.append(f"{said} (see the warnings in {shown_name(str(options.out_dir / MANIFEST))})")
    if stopped:
        done = len(result.converted) + len(result.failures)
        parts.insert(0, f"stopped after {done} of {_documents(result.to_run)} (a re-run converts the others)")
    if result.unchanged:
        parts.append(f"skipped {len(result.unchanged)} unchanged")
    if result.failures:
        parts.append(f"failed {len(result.failures)} (see {shown_name(str(options.out_dir / ERRORS))})")
    # the spreadsheets hold a row for each document converted or unchanged: none for one that failed (a full disk)
    covered = "the documents finished" if stopped else "all documents but those that failed" if result.failures else "all documents"
    outputs = f"; {TARGETS_CSV} and {DOCUMENTS_CSV} cover {covered}" if "csv" in options.formats else ""
    say(f"{', '.join(parts)} -> {shown_name(str(options.out_dir))}{outputs}")


def _print_failures(result: BatchResult) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("file", "error", "message", title=f"{len(result.failures)} of {_documents(result.total)} failed", title_justify="left")
    for failure in result.failures:
        table.add_row(shown_name(failure.file), failure.kind, display_text(failure.message))
    Console(stderr=True).print(table)
