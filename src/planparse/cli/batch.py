"""``planparse batch``: a folder of plans, converted in parallel."""
from __future__ import annotations

import os
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from ..batch import DOCUMENTS_CSV, ERRORS, FORMATS, TARGETS_CSV, BatchOptions, BatchResult, Outcome, run_batch
from ..names import display_text
from .options import comma_choices, rules_option

EXIT_SOME_FAILED = 1


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:.1f} files/s")


class ProgressBar:
    """Files done, failures, rate and ETA, redrawn in place on a terminal."""

    def __init__(self, console: Console):
        self.progress = Progress(
            TextColumn("converting"), BarColumn(), MofNCompleteColumn(),
            TextColumn("[red]{task.fields[failed]} failed"), _RateColumn(), TimeRemainingColumn(),
            console=console, transient=True,
        )
        self.task = self.progress.add_task("convert", total=0, failed=0)
        self.failed = 0

    def start(self, to_run: int) -> None:
        self.progress.update(self.task, total=to_run)
        self.progress.start()

    def finished(self, outcome: Outcome) -> None:
        self.failed += outcome.failure is not None
        self.progress.update(self.task, advance=1, failed=self.failed)

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


@click.command("batch", epilog="""\b
Exit codes:
  0  every document was converted (or was unchanged since the last run)
  1  some documents failed; they are listed in OUT_DIR/errors.json
  2  nothing could run: no such folder, no documents, a bad option or rule file""")
@click.argument("in_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder for the outputs; created if missing.")
@click.option("--format", "formats", default=",".join(FORMATS), show_default=True, callback=comma_choices(FORMATS),
              help="json: one JSON per document, mirroring IN_DIR; csv: targets.csv and documents.csv over all documents.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="the number of cores", help="Worker processes.")
@click.option("-r", "--recursive", is_flag=True, help="Also convert documents in subfolders.")
@click.option("--glob", "pattern", metavar="PATTERN", help="Convert the files whose name matches PATTERN (default: *.txt, *.docx, *.pdf).")
@rules_option
@click.option("--force", is_flag=True, help="Convert every document, even those unchanged since the last run.")
@click.option("-q", "--quiet", is_flag=True, help="Plain log lines instead of a progress bar.")
@click.option("--report", "write_report", is_flag=True, help="Also write OUT_DIR/report.html over the plans' JSON (see `planparse report`).")
@click.pass_context
def batch_command(ctx: click.Context, in_dir: Path, out_dir: Path, formats: tuple[str, ...], jobs: int,
                  recursive: bool, pattern: str | None, rules_dir: Path | None, force: bool, quiet: bool, write_report: bool) -> None:
    """Convert every plan in IN_DIR into OUT_DIR, in parallel.

    A re-run converts only the documents whose content or rules changed
    (see OUT_DIR/manifest.json); one broken file never stops the others.
    """
    if write_report and "json" not in formats:
        raise click.UsageError("--report reads each plan's JSON: keep json in --format")
    options = BatchOptions(in_dir, out_dir, formats, jobs, recursive, pattern, rules_dir, force)
    console = Console(stderr=True)
    reporter = ProgressBar(console) if console.is_terminal and not quiet else LogLines(console)
    try:
        result = run_batch(options, reporter)
    finally:
        reporter.close()
    _print_summary(console, options, result)
    if write_report:
        from .report import write_folder_report  # the page's templates and charts load only when asked for

        console.print(f"report -> {write_folder_report(out_dir, rules_dir)}", highlight=False, soft_wrap=True)
    if result.failures:
        ctx.exit(EXIT_SOME_FAILED)


def _documents(count: int) -> str:
    return f"{count} document" if count == 1 else f"{count} documents"


def _print_summary(console: Console, options: BatchOptions, result: BatchResult) -> None:
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
