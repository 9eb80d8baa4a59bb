"""Export stage: a ``Document`` to bytes in one of the output formats."""
from __future__ import annotations

from enum import Enum
from typing import Callable

from ..models import Document
from .csv import sections_csv
from .json import document_json


class OutputFormat(str, Enum):
    json = "json"
    csv = "csv"


WRITERS: dict[OutputFormat, Callable[[Document], bytes]] = {
    OutputFormat.json: document_json,
    OutputFormat.csv: sections_csv,
}


def export(document: Document, fmt: OutputFormat) -> bytes:
    return WRITERS[fmt](document)
