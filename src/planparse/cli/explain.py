"""``planparse explain``: every number of one document, with the decision taken and why."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..documents import InputPlans
from ..explain import explain_document, explain_lines, explain_summary
from ..pipeline import prepare, where_rules_time_out
from .options import PathParam, rules_option
from .output import check_output, emit, say_warnings
from .stdout import Command


@click.command("explain", cls=Command)
@click.argument("file", type=PathParam(dir_okay=True, allow_dash=True, path_type=str))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
@click.option("--only", type=click.Choice(["target", "baseline", "not_target", "unread"]), help="List only numbers with this decision.")
@click.option("-o", "--output", type=PathParam(dir_okay=False, path_type=Path), help="Write here instead of standard output.")
@rules_option
def explain_command(file: str, fmt: str, only: str | None, output: Path | None, rules_dir: Path | None) -> None:
    """List every number of FILE with what was decided (target, baseline, not a target, not read), the rule
    that read it, the cue that decided it, and why: how to understand a miss and write a rule for it."""
    check_output(output, [InputPlans.alone(file)])
    doc = prepare(file, rules_dir)
    say_warnings(doc.raw.path, doc.raw.warnings)
    decisions = where_rules_time_out(doc.raw.path, doc.paragraphs, lambda: explain_document(
        doc.outline, doc.rule_set, doc.metadata, tables=doc.tables))
    shown = [item for item in decisions if only is None or item.decision == only]
    if fmt == "json":
        data = json.dumps([item.model_dump() for item in shown], ensure_ascii=False, indent=1) + "\n"
    else:
        data = "\n".join([*explain_lines(shown), f"-- {explain_summary(decisions)}"]) + "\n"
    emit(data.encode("utf-8"), output)
