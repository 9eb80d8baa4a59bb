"""Export stage: a ``Document`` to bytes in one of the output formats."""
from __future__ import annotations

from enum import Enum

from ..models import Document
from .csv import CSV_TABLES
from .json import document_json


class OutputFormat(str, Enum):
    json = "json"
    csv = "csv"


DEFAULT_CSV_TABLE = "targets"  # a user who asks for CSV wants the targets


def export(document: Document, fmt: OutputFormat, table: str = DEFAULT_CSV_TABLE) -> bytes:
    """JSON holds everything; CSV holds one table of it (``CSV_TABLES``)."""
    if fmt is OutputFormat.json:
        return document_json(document)
    return CSV_TABLES[table](document)
