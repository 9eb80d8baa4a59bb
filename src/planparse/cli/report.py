"""``planparse report``: one self-contained HTML page about several plans."""
from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Optional

import click

from ..batch import REPORT_HTML
from ..compare import DEFAULT_THRESHOLD, compare_documents, folder_readings, plan_readings
from ..exporters.files import replace_own_file
from ..exporters.report import report_page
from ..rules import load_indicator_name_rules
from .options import NumberRange, PathParam, rules_option
from .compare import plans_to_line_up
from .output import PlanReader, emit
from .stdout import EXIT_SOME_FAILED, Command


@click.command("report", cls=Command, epilog=f"""\b
Exit codes:
  0  every plan was read and is on the page
  {EXIT_SOME_FAILED}  some plans could not be read (each said on standard error); the page holds the others
  2  no page: no such input, no plan read, a bad option or rule file""")
@click.argument("inputs", nargs=-1, required=True, type=PathParam(path_type=Path))
@click.option("-o", "--output", type=PathParam(dir_okay=False, path_type=Path), help="Write the page here (e.g. report.html) instead of standard output.")
@click.option("--threshold", type=NumberRange(0, 100), default=DEFAULT_THRESHOLD, show_default=True,
              help="How alike (0-100) two folded indicator names must be to share a row of the matrix.")
@rules_option
@click.pass_context
def report_command(ctx: click.Context, inputs: tuple[Path, ...], output: Optional[Path], threshold: float, rules_dir: Optional[Path]) -> None:
    """Write one HTML page about several plans: each plan's metadata, headings and targets,
    and across plans the indicator matrix, charts and the indicators they share.

    INPUTS are as for `planparse compare`. The page needs no server and no network.
    """
    found, rules = plans_to_line_up(inputs, output, rules_dir)
    reader = PlanReader()
    emit(report_page(reader.read(plan_readings(found, rules_dir)), partial(compare_documents, rules=rules, threshold=threshold), reader.failed), output)
    if reader.failed:
        ctx.exit(EXIT_SOME_FAILED)


def write_folder_report(folder: Path, rules_dir: Optional[Path]) -> tuple[Path, list[tuple[str, str]]]:
    """``batch --report``: the page over every plan's JSON in a batch output folder, written beside them as
    its other outputs are (a symbolic link standing at its name is replaced, not written through); what of them
    could not be read left out, and named on it."""
    reader = PlanReader(warned=False)
    page = report_page(reader.read(folder_readings(folder)), partial(compare_documents, rules=load_indicator_name_rules(rules_dir)), reader.failed)
    replace_own_file(folder / REPORT_HTML, page)
    return folder / REPORT_HTML, reader.failed
