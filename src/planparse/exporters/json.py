"""JSON output: the document model, deterministic byte for byte."""
from __future__ import annotations

import json

from ..models import Document
from ..names import json_escape_surrogates


def json_bytes(data: object) -> bytes:
    """Indented UTF-8 JSON; a file name that is not UTF-8 kept losslessly (``names``)."""
    return (json_escape_surrogates(json.dumps(data, ensure_ascii=False, indent=2)) + "\n").encode("utf-8")


def document_json(document: Document) -> bytes:
    return json_bytes(document.model_dump(mode="json"))
