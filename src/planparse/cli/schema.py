"""``planparse schema [OUTPUT]``: the JSON Schema of any JSON file planparse writes, from its models."""
from __future__ import annotations

import json

import click
from pydantic import TypeAdapter

from ..models import BatchFailure, BatchManifest, Comparison, DiffReport, Document, NumberDecision
from .output import emit
from .stdout import Command

# Each JSON output, by the command (or batch file) that writes it, and the model it is dumped from.
OUTPUT_MODELS = {
    "extract": Document,
    "diff": DiffReport,
    "compare": Comparison,
    "explain": list[NumberDecision],
    "batch-manifest": BatchManifest,
    "batch-errors": list[BatchFailure],
}


@click.command("schema", cls=Command)
@click.argument("output", type=click.Choice(list(OUTPUT_MODELS)), default="extract")
def schema_command(output: str) -> None:
    """Print the JSON Schema of OUTPUT (default: extract's), generated from the models.

    OUTPUT is extract, diff, compare or explain (with --format json), or batch's
    manifest or errors.json file."""
    emit((json.dumps(TypeAdapter(OUTPUT_MODELS[output]).json_schema(), ensure_ascii=False, indent=2) + "\n").encode("utf-8"), None)
