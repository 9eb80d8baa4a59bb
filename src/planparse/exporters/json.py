"""JSON output: the document model, deterministic byte for byte."""
from __future__ import annotations

import json

from pydantic import BaseModel
from pydantic_core import PydanticSerializationError

from ..models import Document
from ..names import json_escape_surrogates


def json_bytes(data: object) -> bytes:
    """Indented UTF-8 JSON; a file name that is not UTF-8 kept losslessly (``names``)."""
    return (json_escape_surrogates(json.dumps(data, ensure_ascii=False, indent=2)) + "\n").encode("utf-8")


def model_json(model: BaseModel) -> str:
    """Indented JSON text of a model (a document, a comparison, a diff), by pydantic's own encoder: three times
    the speed of ``json.dumps``, the same text. It refuses the lone surrogates of a file name that is not UTF-8,
    which ``json_bytes`` writes as escapes."""
    try:
        return model.model_dump_json(indent=2) + "\n"
    except PydanticSerializationError:
        return json_bytes(model.model_dump(mode="json")).decode("utf-8")


def document_json(document: Document) -> bytes:
    return model_json(document).encode("utf-8")
