"""File names that are not valid UTF-8, in outputs that must be.

On POSIX a file name is bytes; Python hands a name that is not valid UTF-8
over with each undecodable byte as a lone surrogate (U+DC80–U+DCFF, the
``surrogateescape`` error handler), which no UTF-8 output can hold as is.
"""
from __future__ import annotations

import re
import shlex

_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Characters a terminal does not show as themselves (C0 and C1 controls, DEL, the marks and overrides of the
# direction of writing, the line and paragraph separators): a newline cuts the one line a message is, an escape
# sequence recolours or retitles the terminal, a right-to-left override shows the rest of the line reversed
# (plan\u202etxt.exe as planexe.txt), a line separator ends a line where a viewer reads Unicode's lines and was made a
# space with the message's other white space (a\u2028b.txt named as a b.txt).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SHELL_ESCAPES = {"\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v", "\f": "\\f", "\r": "\\r",
                  "\\": "\\\\", "'": "\\'"}


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


def shown_text(text: str) -> str:
    """Text from a file (a part's name, a key) in a message: each control character written as its UTF-8 bytes
    (``\\x1b``), so that it cannot drive the terminal."""
    return _CONTROL.sub(lambda match: _bytes_escaped(match[0]), text)


def terminal_text(text: str) -> str:
    """Text an output a terminal may show holds (CSV, Markdown): ``shown_text`` but for tabs and line ends, which
    a table's cells and lines hold, and an undecodable byte of a name as ``\\xff`` (``display_text``)."""
    if text.isprintable():  # none of those, each unprintable: most text, told in C (report called this 200 times a plan)
        return text
    return _CONTROL.sub(lambda match: match[0] if match[0] in "\t\n\r" else _bytes_escaped(match[0]), display_text(text))


def shown_name(name: str) -> str:
    """A file's name in a message: as it is (an undecodable byte as ``\\xff``), or, when it holds a control
    character, quoted as bash quotes it (``$'bad\\nname.txt'``, ``$'\\x1b[31mred.txt'``): the message stays
    one line, and the name cannot drive the terminal."""
    return _ansi_c_quoted(name) if _CONTROL.search(name) else display_text(name)


def shell_word(name: str) -> str:
    """``name`` as a word to paste into a shell command: quoted where it holds spaces or the shell's own
    characters (``'关于 印发.doc'``), in bash's ``$'…'`` where it holds a control character."""
    return _ansi_c_quoted(name) if _CONTROL.search(name) or not is_utf8_name(name) else shlex.quote(name)


def shell_argument(name: str) -> str:
    """``name`` as a file argument of a command to paste into a shell (``shell_word``): one opening with a dash as
    ./-plan.doc, which the command would take for its options."""
    return shell_word(f"./{name}" if name.startswith("-") else name)


def _ansi_c_quoted(name: str) -> str:
    return "$'" + "".join(_ansi_c_escaped(character) for character in name) + "'"


def _ansi_c_escaped(character: str) -> str:
    if character in _SHELL_ESCAPES:
        return _SHELL_ESCAPES[character]
    if _SURROGATE.match(character):
        return _shown(character)
    if _CONTROL.match(character):
        return _bytes_escaped(character)  # the name's bytes, as $'\x..' writes them
    return character


def _bytes_escaped(character: str) -> str:
    return "".join(f"\\x{byte:02x}" for byte in character.encode("utf-8"))


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
