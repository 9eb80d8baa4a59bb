"""Modules that the PDF's and the web page's libraries import with themselves and planparse seldom or never uses:
each is loaded at its first use instead.

A batch imports those libraries before it forks the workers that need them, and meanwhile only one worker
converts (plain texts): with ``--jobs 2`` that import is a share of both cores' work. These three were a fifth
of it (about 40 ms of 210 ms of CPU), and a PDF or a web page as a command paid them too.
"""
from __future__ import annotations

import importlib.util
import sys
import types

UNUSED_AT_IMPORT = (
    "urllib.request",  # readability, for its own command line's download of a page (with http.client and ssl)
    "chardet",  # readability, for the encoding of a page given as bytes: planparse gives it a parsed page
    # pdfminer, for a PDF's string of no declared encoding; planparse's text reader, for a text in no strict one
    "charset_normalizer",
)


def defer_unused_imports() -> None:
    """Each of ``UNUSED_AT_IMPORT`` not imported yet is put in ``sys.modules`` unloaded: a library's ``import``
    of it finds it there, and its first attribute looked up loads it."""
    for name in UNUSED_AT_IMPORT:
        if name not in sys.modules:
            _defer(name)


class _Deferred(types.ModuleType):
    """A module not loaded yet. importlib's ``LazyLoader`` loads one at any attribute looked up, and an ``import``
    of a module found in ``sys.modules`` looks up its ``__spec__``: this one has it, and its other attributes
    missing, which loads it when first looked up (``__getattr__``)."""

    def __getattr__(self, attribute: str) -> object:
        self.__class__ = types.ModuleType  # a plain module from now on: what its code looks up in itself is found
        self.__spec__.loader.exec_module(self)
        return getattr(self, attribute)


def _defer(name: str) -> None:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return  # not installed: the import that needs it says so, as it would have
    module = importlib.util.module_from_spec(spec)
    module.__class__ = _Deferred
    sys.modules[name] = module
    package, _, attribute = name.rpartition(".")
    if package:  # as an import of the module sets it: ``urllib.request`` is looked up through ``urllib``
        setattr(sys.modules[package], attribute, module)
