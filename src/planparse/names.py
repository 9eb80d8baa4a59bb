"""File names that are not valid UTF-8, in outputs that must be.

On POSIX a file name is bytes; Python hands a name that is not valid UTF-8
over with each undecodable byte as a lone surrogate (U+DC80–U+DCFF, the
``surrogateescape`` error handler), which no UTF-8 output can hold as is.
"""
from __future__ import annotations

import re

_SURROGATE = re.compile(r"[\ud800-\udfff]")


def json_escape_surrogates(text: str) -> str:
    """JSON text with each lone surrogate written as a ``\\udcXX`` escape.

    Lossless: a JSON reader gives the surrogate back and ``os.fsencode`` the
    name's bytes. A lone surrogate can only stand inside a JSON string, where
    the escape means the same character.
    """
    return _SURROGATE.sub(lambda match: f"\\u{ord(match[0]):04x}", text)


def display_text(text: str) -> str:
    """Text for people (CSV, messages): an undecodable byte of a name shown as ``\\xff``."""
    return _SURROGATE.sub(lambda match: _shown(match[0]), text)


def _shown(character: str) -> str:
    code = ord(character)
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else "\ufffd"


# An undecodable byte as Python's repr writes it (\udcff), not behind a backslash of its own (\\udcff).
_REPR_ESCAPED_BYTE = re.compile(r"(?<!\\)((?:\\\\)*)\\udc([89a-f][0-9a-f])")


def display_repr_text(text: str) -> str:
    """``display_text`` of a message quoting names with ``repr`` (click's): ``'csv\\udcff'`` shown ``'csv\\xff'``."""
    return display_text(_REPR_ESCAPED_BYTE.sub(r"\1\\x\2", text))


def is_utf8_name(name: str) -> bool:
    return _SURROGATE.search(name) is None
