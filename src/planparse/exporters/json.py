"""JSON output: the document model, deterministic byte for byte."""
from __future__ import annotations

import json

from ..models import Document


def document_json(document: Document) -> bytes:
    data = document.model_dump(mode="json")
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
