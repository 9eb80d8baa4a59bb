"""The code of Python source that libraries write and compile at every start, kept in the cache.

dataclasses writes each class's methods (``__init__``, ``__repr__``, ``__eq__``, a frozen class's
``__setattr__`` and ``__delattr__``) as Python source and compiles it as the class is made, and typing
compiles each annotation written as a string (``ForwardRef``) as pydantic reads a model: some 630 compiles
of the same texts at every start of ``planparse extract`` (planparse's own dataclasses, pydantic's,
annotated_types', pydantic_core's typed dicts). Compiled once, their code objects are kept with marshal
in the user's cache folder, keyed by their text; a later process compiles only what no process compiled
before it, and saves the whole set again only then.

The two modules find ``exec`` and ``compile`` among their globals before the builtins: what they call is
swapped there by ``keep_compiled`` when a command's modules are first imported (the batch workers forked
from its process have it too); planparse used as a library leaves them as they are. The code is what the builtins would give: the
modules compile with no ``__future__`` flags, and so does this one (``dont_inherit``).
"""
from __future__ import annotations

import builtins
import dataclasses
import marshal
import sys
import typing
from typing import Any

from .cache import read_marshalled, save_cache

CACHE_NAME = f"generated-code-{sys.implementation.cache_tag}.marshal"  # marshal's format is one Python's
MOST_KEPT = 4096  # texts: past it, a save keeps those its process used (the code of planparse's older versions goes)

Key = tuple[str, str, str]  # the source, its file name, the mode it is compiled in


class CompiledSource:
    """Code objects by their source text: those kept by earlier processes, and those compiled since."""

    def __init__(self, kept: dict[Key, Any]):
        self.kept = kept
        self.used: set[Key] = set()
        self.compiled_any = False

    def code(self, source: str, filename: str, mode: str) -> Any:
        key = (source, filename, mode)
        found = self.kept.get(key)
        if found is None:
            found = self.kept[key] = compile(source, filename, mode, dont_inherit=True)
            self.compiled_any = True
        self.used.add(key)
        return found

    def exec(self, source: Any, globals: dict[str, Any] | None = None, locals: Any = None, /) -> None:
        """``exec`` of the source's kept code (dataclasses' call: the text, its globals, a namespace)."""
        builtins.exec(self.code(source, "<string>", "exec") if isinstance(source, str) else source, globals, locals)

    def compile(self, source: Any, filename: str, mode: str, *more: Any, **options: Any) -> Any:
        """``compile``, from the kept code when called as typing calls it (a text, a name, a mode)."""
        if isinstance(source, str) and not more and not options:
            return self.code(source, filename, mode)
        return builtins.compile(source, filename, mode, *more, **options)

    def save(self) -> None:
        """Saved when this process compiled anything (once past ``MOST_KEPT`` texts, only those it used)."""
        if not self.compiled_any:
            return
        kept = self.kept if len(self.kept) <= MOST_KEPT else {key: self.kept[key] for key in self.used}
        save_cache(CACHE_NAME, marshal.dumps(kept))
        self.compiled_any = False


def load() -> CompiledSource:
    """The code kept in the cache; none when it is missing, damaged or not a mapping of texts to code."""
    kept = read_marshalled(CACHE_NAME)
    return CompiledSource(kept if isinstance(kept, dict) else {})


_kept: CompiledSource | None = None  # the process's, once ``keep_compiled`` is called


def keep_compiled() -> None:
    """From now on (once a process), dataclasses' ``exec`` and typing's ``compile`` come from the kept code."""
    global _kept
    if _kept is None:
        _kept = load()
        dataclasses.exec = _kept.exec  # type: ignore[attr-defined]
        typing.compile = _kept.compile  # type: ignore[attr-defined]


def save_compiled() -> None:
    """What this process compiled, kept for the next (``CompiledSource.save``)."""
    if _kept is not None:
        _kept.save()
