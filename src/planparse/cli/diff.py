"""``planparse diff``: how a plan's targets changed, for people and for CI."""
from __future__ import annotations

from pathlib import Path

import click

from ..diff import CATEGORIES, diff_inputs, diff_paths, has_differences
from ..errors import PlanparseError
from ..exporters.diff import RENDERERS, DiffFormat
from .options import PathParam, comma_choices, rules_option
from .output import emit, say_error, say_skipped, say_warnings
from .stdout import Command, as_echoed

EXIT_DIFFERENT = 1  # like diff(1): 0 same, 1 different, 2 trouble (planparse.cli.main)
EXIT_TROUBLE = 2


@click.command("diff", cls=Command, epilog="""\b
Exit codes (like diff(1)):
  0  no differences (of the kinds --fail-on names)
  1  differences found
  2  error: a file could not be read or extracted (of two folders, the other plans are
     still compared, each plan that could not be read said on standard error)""")
@click.argument("old", type=PathParam(path_type=Path))
@click.argument("new", type=PathParam(path_type=Path))
@click.option("--format", "fmt", type=click.Choice([f.value for f in DiffFormat]), default="text", show_default=True,
              help="text for a terminal, markdown for a pull request or $GITHUB_STEP_SUMMARY, json for machines, github for workflow annotations.")
@click.option("--fail-on", "fail_on", default=",".join(CATEGORIES), show_default=True, callback=comma_choices(CATEGORIES),
              help="Which differences make the exit code 1. Moved targets never do.")
@rules_option
@click.pass_context
def diff_command(ctx: click.Context, old: Path, new: Path, fmt: str, fail_on: tuple[str, ...], rules_dir: Path | None) -> None:
    """Compare the targets and metadata of two versions of a plan.

    OLD and NEW are each a plan (.txt, .docx, .pdf, .html; extracted now; - reads
    one from standard input) or a JSON file from `planparse extract`; or two
    folders of them, paired by name.
    """
    found = diff_inputs(old, new)
    unread: list[PlanparseError] = []
    report = diff_paths(*found, rules_dir, unread.append)
    say_skipped(found)
    for error in unread:
        say_error(error)
    for document in report.documents:
        say_warnings(document.old_file, document.old_warnings)
        say_warnings(document.new_file, document.new_warnings)
    emit(as_echoed(RENDERERS[DiffFormat(fmt)](report)).encode("utf-8"), None)
    if unread:  # trouble, as diff -r's exit says it though it compared the rest
        ctx.exit(EXIT_TROUBLE)
    if has_differences(report, fail_on):
        ctx.exit(EXIT_DIFFERENT)
