"""The one error type the CLI turns into a one-line message and exit code 2."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .names import shown_name, shown_text

if TYPE_CHECKING:  # the CLI imports this module before it knows whether anything needs pydantic
    from pydantic import ValidationError


class PlanparseError(Exception):
    """A problem with an input or a rule file, named so a user can fix it."""

    def __init__(self, path: object, problem: str):
        super().__init__(f"{shown_name(str(path))}: {problem}")
        self.path = str(path)
        self.problem = problem


class ReaderGone(Exception):
    """The reader of a pipe planparse writes its output into closed its end (``planparse extract plan.txt | head``,
    ``-o /dev/stdout``): not the command's failure; it ends silently, as a closed pipe ends the Unix tools."""


def validation_problem(exc: ValidationError) -> str:
    """The first problem pydantic found, as ``where: what`` for a one-line error."""
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"]) or "top level"
    return f"{where}: {error['msg']}"


def one_line(text: str) -> str:
    """``text`` with every run of white space (newlines too) made one space, and every other control character
    escaped: errors are one line, and may quote a file's own words (a part's name, a key)."""
    return shown_text(" ".join(text.split()))
