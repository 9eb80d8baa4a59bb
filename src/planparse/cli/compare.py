"""``planparse compare``: several plans' targets as one indicator × plan matrix."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Optional

import click

from ..compare import DEFAULT_THRESHOLD, compare_documents, compared_inputs, plan_readings
from ..documents import InputPlans
from ..exporters.compare import RENDERERS, SUFFIX_FORMATS, CompareFormat
from ..rules import IndicatorNameRules, load_indicator_name_rules
from .options import NumberRange, PathParam, rules_option
from .output import PlanReader, check_output, emit, say_skipped
from .stdout import EXIT_SOME_FAILED, Command


@click.command("compare", cls=Command, epilog=f"""\b
Exit codes:
  0  every plan was read and lined up
  {EXIT_SOME_FAILED}  some plans could not be read (each said on standard error); the others are lined up
  2  nothing could be compared: no such input, no plan read, a bad option or rule file""")
@click.argument("inputs", nargs=-1, required=True, type=PathParam(path_type=Path))
@click.option("-o", "--output", type=PathParam(dir_okay=False, path_type=Path), help="Write here instead of standard output.")
@click.option("--format", "fmt", type=click.Choice([f.value for f in CompareFormat]),
              help="Output format [default: from OUTPUT's suffix (.csv, .md, .json), else csv].")
@click.option("--threshold", type=NumberRange(0, 100), default=DEFAULT_THRESHOLD, show_default=True,
              help="How alike (0-100) two folded indicator names must be to share a row.")
@rules_option
@click.pass_context
def compare_command(ctx: click.Context, inputs: tuple[Path, ...], output: Optional[Path], fmt: Optional[str], threshold: float, rules_dir: Optional[Path]) -> None:
    """Line up the targets of several plans by indicator: one row per indicator, one column per plan.

    INPUTS are plans (.txt, .docx, .pdf, .html; extracted now; - reads one from
    standard input), planparse JSON files, or folders of them (a `planparse batch`
    output folder). Targets share a row
    only with the same kind and unit, or units counting the same things (人, 名);
    names are compared after the folds and synonyms of rules/synonyms.yaml (add
    your own with --rules).
    """
    chosen = CompareFormat(fmt) if fmt else SUFFIX_FORMATS.get(output.suffix.lower() if output else "", CompareFormat.csv)
    found, rules = plans_to_line_up(inputs, output, rules_dir)
    reader = PlanReader()
    matrix = compare_documents(reader.read(plan_readings(found, rules_dir)), rules, threshold)
    emit(RENDERERS[chosen](replace(matrix, unread=reader.failed)), output)  # every plan read: the matrix holds them
    if reader.failed:
        ctx.exit(EXIT_SOME_FAILED)


def plans_to_line_up(inputs: tuple[Path, ...], output: Optional[Path], rules_dir: Optional[Path]) -> tuple[list[InputPlans], IndicatorNameRules]:
    """The plans ``inputs`` stand for, checked against ``output`` and those skipped said, and the rules their indicator
    names are lined up by (``compare``, ``report``): a broken rule file stops before any reading."""
    found = compared_inputs(inputs)
    check_output(output, found)
    say_skipped(found)
    return found, load_indicator_name_rules(rules_dir)
