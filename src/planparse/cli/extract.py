"""``planparse extract``: one document to JSON or CSV."""
from __future__ import annotations

from pathlib import Path

import click

from ..exporters import OutputFormat, export
from ..pipeline import extract
from .output import emit


@click.command("extract")
@click.argument("file", type=click.Path(dir_okay=True, allow_dash=True, path_type=str))
@click.option("--format", "fmt", type=click.Choice([f.value for f in OutputFormat]), default="json", show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of standard output.")
def extract_command(file: str, fmt: str, output: Path | None) -> None:
    """Extract metadata, headings, targets and responsibilities from FILE (.txt, .docx, .pdf, or - for stdin)."""
    document = extract(file)
    emit(export(document, OutputFormat(fmt)), output)
