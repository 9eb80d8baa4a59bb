"""``planparse compare``: several plans' targets as one indicator × plan matrix."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from ..compare import DEFAULT_THRESHOLD, compare_documents, compared_inputs, load_inputs
from ..exporters.compare import RENDERERS, SUFFIX_FORMATS, CompareFormat
from ..rules import load_indicator_name_rules
from .options import NumberRange, PathParam, rules_option
from .output import check_output, emit, say_skipped, saying_warnings
from .stdout import Command


@click.command("compare", cls=Command)
@click.argument("inputs", nargs=-1, required=True, type=PathParam(path_type=Path))
@click.option("-o", "--output", type=PathParam(dir_okay=False, path_type=Path), help="Write here instead of standard output.")
@click.option("--format", "fmt", type=click.Choice([f.value for f in CompareFormat]),
              help="Output format [default: from OUTPUT's suffix (.csv, .md, .json), else csv].")
@click.option("--threshold", type=NumberRange(0, 100), default=DEFAULT_THRESHOLD, show_default=True,
              help="How alike (0-100) two folded indicator names must be to share a row.")
@rules_option
def compare_command(inputs: tuple[Path, ...], output: Optional[Path], fmt: Optional[str], threshold: float, rules_dir: Optional[Path]) -> None:
    """Line up the targets of several plans by indicator: one row per indicator, one column per plan.

    INPUTS are plans (.txt, .docx, .pdf, .html; extracted now; - reads one from
    standard input), planparse JSON files, or folders of them (a `planparse batch`
    output folder). Targets share a row
    only with the same kind and unit, or units counting the same things (人, 名);
    names are compared after the folds and synonyms of rules/synonyms.yaml (add
    your own with --rules).
    """
    chosen = CompareFormat(fmt) if fmt else SUFFIX_FORMATS.get(output.suffix.lower() if output else "", CompareFormat.csv)
    found = compared_inputs(inputs)
    check_output(output, found)
    say_skipped(found)
    rules = load_indicator_name_rules(rules_dir)  # a broken rule file stops before any reading
    emit(RENDERERS[chosen](compare_documents(saying_warnings(load_inputs(found, rules_dir)), rules, threshold)), output)
