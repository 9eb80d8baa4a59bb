"""``planparse extract``: one document to JSON or CSV."""
from __future__ import annotations

from pathlib import Path

import click

from ..documents import InputPlans
from ..exporters import DEFAULT_CSV_TABLE, OutputFormat, export
from ..exporters.csv import CSV_TABLES
from ..pipeline import extract
from .output import check_output, emit, say_warnings
from .stdout import Command
from .options import PathParam, rules_option


@click.command("extract", cls=Command)
@click.argument("file", type=PathParam(dir_okay=True, allow_dash=True, path_type=str))
@click.option("--format", "fmt", type=click.Choice([f.value for f in OutputFormat]), default="json", show_default=True, help="Output format.")
@click.option("--table", type=click.Choice(sorted(CSV_TABLES)), default=DEFAULT_CSV_TABLE, show_default=True, help="Which table --format csv writes.")
@click.option("-o", "--output", type=PathParam(dir_okay=False, path_type=Path), help="Write here instead of standard output.")
@rules_option
def extract_command(file: str, fmt: str, table: str, output: Path | None, rules_dir: Path | None) -> None:
    """Extract metadata, headings, targets and responsibilities from FILE (.txt, .docx, .pdf, .html, or - for stdin)."""
    check_output(output, [InputPlans.alone(file)])
    document = extract(file, rules_dir)
    say_warnings(document.source.path, document.warnings)
    emit(export(document, OutputFormat(fmt), table), output)
