"""JSON output: the document model, deterministic byte for byte."""
from __future__ import annotations

import json

from pydantic import BaseModel
from pydantic_core import PydanticSerializationError

from .. import patterns
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


# pydantic writes a float below 1e-4 otherwise than json.dumps (0.00001 and 1.5e-7 for 1e-05 and 1.5e-07), and U+FFFD for
# a lone surrogate in a dictionary's key (a file name that is not UTF-8). Looked for by ``in`` and a pattern opening with
# its letters, which Python's re finds in C: a search for a digit before them took most of what pydantic's encoder saves.
_SMALL_FLOAT = "0.0000"
_EXPONENT = patterns.compile_python(r"e-(?<=\de-)")
_REPLACED = "\ufffd"


def dumped_json_bytes(model: BaseModel) -> bytes:
    """``json_bytes(model.model_dump())``, by pydantic's encoder where it writes the same text: json.dumps runs Python's
    own encoder when it indents, at a third of the speed (manifest.json, written at the end of every batch: some 15 ms
    for a hundred plans). NaN and infinity are written as json.dumps writes them only by a model configured so
    (``ser_json_inf_nan``); a text that may read otherwise, or a string holding what looks so (1e-3), is json.dumps'."""
    try:
        text = model.model_dump_json(indent=2)
    except PydanticSerializationError:  # a lone surrogate in a value
        return json_bytes(model.model_dump())
    if _REPLACED in text or _SMALL_FLOAT in text or ("e-" in text and _EXPONENT.search(text)):
        return json_bytes(model.model_dump())
    return (text + "\n").encode("utf-8")


def document_json(document: Document) -> bytes:
    return model_json(document).encode("utf-8")
