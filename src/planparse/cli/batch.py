"""``planparse batch``: a folder of plans, converted in parallel."""
from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..batch_options import FORMATS, BatchOptions
from ..documents import DOCUMENT_SUFFIXES, MAX_DOCUMENT_SECONDS
from .options import NumberRange, PathParam, comma_choices, rules_option
from .stdout import EXIT_SOME_FAILED, Command

if TYPE_CHECKING:
    from ..batch import Reporter


def usable_cores() -> int:
    """The cores this process may run on (a container or ``taskset`` may allow fewer than the machine has)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# The most workers -j gives, per core: the work is bound by the cores, so more only share them, while each worker
# costs a process, its memory and its pipes (-j 100000 forked one per document, until the system refused).
JOBS_PER_CORE = 2


def capped_jobs(_ctx: click.Context, _param: click.Parameter, jobs: int) -> int:
    return min(jobs, JOBS_PER_CORE * usable_cores())


def output_folder(_ctx: click.Context, _param: click.Parameter, out_dir: str) -> Path:
    """-o - is standard output to every other command: batch, which writes a folder of files, made a folder named -
    in the current one without a word. Read as typed: a Path makes ./- the same -."""
    if out_dir == "-":
        raise click.BadParameter("batch writes a folder of outputs, not standard output; for a folder named -, give ./-")
    return Path(out_dir)


# The longest --time-limit, a week: the wait for the first document to overrun it is in milliseconds of a C int
# (some 24.8 days), and --time-limit inf or 1e308 was an internal error (OverflowError).
MAX_TIME_LIMIT = 7 * 24 * 3600


@click.command("batch", cls=Command, epilog="""\b
Exit codes:
  0  every document was converted (or was unchanged since the last run)
  1  some documents failed; they are listed in OUT_DIR/errors.json
  2  nothing could run: no such folder, no documents, a bad option or rule file""")
@click.argument("in_dir", type=PathParam(file_okay=False, path_type=Path))
@click.option("-o", "--output", "out_dir", required=True, type=PathParam(file_okay=False, path_type=str), callback=output_folder,
              help="Folder for the outputs; created if missing.")
@click.option("--format", "formats", default=",".join(FORMATS), show_default=True, callback=comma_choices(FORMATS),
              help="json: one JSON per document, mirroring IN_DIR; csv: targets.csv and documents.csv over all documents.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=usable_cores(), show_default="the number of cores", callback=capped_jobs,
              help=f"Worker processes; at most {JOBS_PER_CORE} per core, more only share the cores.")
@click.option("-r", "--recursive", is_flag=True, help="Also convert documents in subfolders.")
@click.option("--glob", "pattern", metavar="PATTERN", help=f"Convert the files whose name matches PATTERN (default: {', '.join(f'*{suffix}' for suffix in DOCUMENT_SUFFIXES)}).")
@rules_option
@click.option("--force", is_flag=True, help="Convert every document, even those unchanged since the last run.")
@click.option("--time-limit", type=NumberRange(min=0, min_open=True, max=MAX_TIME_LIMIT), default=MAX_DOCUMENT_SECONDS, show_default=True,
              metavar="SECONDS",
              help="Stop reading a document after this many seconds of CPU (or ten times as many on the clock); it fails, the others go on.")
@click.option("-q", "--quiet", is_flag=True, help="Plain log lines instead of a progress bar.")
@click.option("--report", "write_report", is_flag=True, help="Also write OUT_DIR/report.html over the plans' JSON (see `planparse report`).")
@click.pass_context
def batch_command(ctx: click.Context, in_dir: Path, out_dir: Path, formats: tuple[str, ...], jobs: int,
                  recursive: bool, pattern: str | None, rules_dir: Path | None, force: bool, time_limit: float, quiet: bool,
                  write_report: bool) -> None:
    """Convert every plan in IN_DIR into OUT_DIR, in parallel.

    A re-run converts only the documents whose content or rules changed
    (see OUT_DIR/manifest.json); one broken file never stops the others.
    """
    if write_report and "json" not in formats:
        raise click.UsageError("--report reads each plan's JSON: keep json in --format")
    options = BatchOptions(in_dir, out_dir, formats, jobs, recursive, pattern, rules_dir, force, time_limit)
    from .. import collector

    # The pipeline and the display load when the command runs, not for its --help. What they build
    # lives as long as the run: the collector is held off while they load (a twentieth of a batch's
    # start-up went on walking them), and they are frozen, never walked again.
    with collector.paused():
        from ..batch import BatchResult, run_batch
        from .batch_display import LogLines, print_summary, say

        gc.freeze()  # before the collector is back: its first pass would walk them all

    reporter = LogLines() if quiet else _bar_on_a_terminal()
    result = BatchResult()
    stopped: KeyboardInterrupt | None = None
    try:
        run_batch(options, reporter, result)
    except KeyboardInterrupt as stop:  # Ctrl-C or SIGTERM: what was finished is kept, and said below
        stopped = stop
    finally:
        reporter.close()
    print_summary(options, result, stopped=stopped is not None)
    if stopped is not None:
        raise stopped
    report_failed: list[tuple[str, str]] = []
    if write_report:
        from .report import write_folder_report  # the page's templates and charts load only when asked for

        page, report_failed = write_folder_report(out_dir, rules_dir)
        say(f"report -> {page}")
    if result.failures or report_failed:
        ctx.exit(EXIT_SOME_FAILED)


def _bar_on_a_terminal() -> Reporter:
    """A progress bar where rich sees a terminal, else plain lines; -q never loads rich."""
    from rich.console import Console

    from .batch_display import LogLines
    from .progress_bar import ProgressBar

    console = Console(stderr=True)
    return ProgressBar(console) if console.is_terminal else LogLines()
