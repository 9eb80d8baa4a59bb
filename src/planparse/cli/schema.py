"""``planparse schema``: the JSON Schema of ``extract``'s output."""
from __future__ import annotations

import json

import click

from ..models import Document


@click.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the extract output, generated from the models."""
    click.echo(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2))
