"""Standard output, whatever writes to it (an output, a report, a listing, --help, --version): a write that fails
(a full disk, a reader that closed the pipe: | head) is one line naming it, not an internal error."""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import Any, Iterator

import click

from ..errors import PlanparseError

STDOUT = "<stdout>"


@contextmanager
def writing_stdout() -> Iterator[None]:
    """Standard output written in the block (``emit``'s, and click.echo's lines: diff's report, schema, rules): a
    write that fails is one line naming it. Python flushes stdout again on exit: it is pointed at nothing, so that
    the flush cannot fail a second time under that line."""
    try:
        yield
        if sys.stdout is not None:  # started with it closed (>&-): nothing was written (``emit`` refuses to)
            sys.stdout.flush()
    except OSError as exc:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise PlanparseError(STDOUT, f"cannot write output ({exc.strerror or exc})") from None


class Command(click.Command):
    """A command whose --help (and the group's --version), which click writes while it reads the arguments, is
    written as the outputs are: ``planparse --help > /dev/full`` was an internal error (OSError)."""

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any) -> click.Context:
        with writing_stdout():
            return super().make_context(info_name, args, parent, **extra)


class Group(Command, click.Group):
    """A group of such commands, itself one."""

    command_class = Command
