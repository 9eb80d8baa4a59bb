"""Standard output, whatever writes to it (an output, a report, a listing, --help, --version): a write that fails
(a full disk, a closed standard output) is one line naming it, not an internal error; a reader that stopped reading
(| head) ends the command silently, as it ends the Unix tools."""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import Any, Iterator

import click

from ..errors import PlanparseError, ReaderGone

STDOUT = "<stdout>"
# batch's exit when some documents failed, compare's and report's when some plans could not be read: the output
# covers the others, and each that failed was said.
EXIT_SOME_FAILED = 1
EXIT_READER_GONE = 141  # 128 + SIGPIPE, as a shell reports a tool that a closed pipe ended


def closed_stdout() -> PlanparseError:
    """The error of a command started with standard output closed (>&-) that has something to write there: descriptor 1
    may since be a file planparse opened, so nothing is written to it."""
    return PlanparseError(STDOUT, "cannot write output (standard output is closed)")


@contextmanager
def writing_stdout() -> Iterator[None]:
    """Standard output written in the block (``emit``'s, and click.echo's lines: rules list, --help): a write that
    fails is one line naming it. Output of more than a line goes through ``emit``, whose writes are checked whole:
    Python's stdout takes a write a full disk or the file size limit cut short for a whole one. Python flushes stdout again on exit: it is pointed at nothing, so that
    the flush cannot fail a second time under that line."""
    if sys.stdout is None:  # click.echo writes nowhere then, and the command would end as if it had written
        raise closed_stdout()
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        _point_stdout_at_nothing()
        raise ReaderGone from None
    except OSError as exc:
        _point_stdout_at_nothing()
        raise PlanparseError(STDOUT, f"cannot write output ({exc.strerror or exc})") from None


def as_echoed(text: str) -> str:
    """``text`` as click.echo would write it to standard output: its colours kept only for a terminal (or as --color
    or a test's runner says), for ``emit`` to write."""
    colour = click.globals.resolve_color_default()
    return text if (colour if colour is not None else _is_terminal()) else click.unstyle(text)


def _is_terminal() -> bool:
    try:
        return sys.stdout is not None and sys.stdout.isatty()
    except ValueError:  # closed
        return False


def _point_stdout_at_nothing() -> None:
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


class Command(click.Command):
    """A command whose --help (and the group's --version), which click writes while it reads the arguments, is
    written as the outputs are: ``planparse --help > /dev/full`` was an internal error (OSError)."""

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any) -> click.Context:
        if sys.stdout is not None:
            with writing_stdout():
                return super().make_context(info_name, args, parent, **extra)
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.exceptions.Exit as done:  # --help or --version, which had nowhere to go
            raise closed_stdout() if done.exit_code == 0 else done from None


class Group(Command, click.Group):
    """A group of such commands, itself one."""

    command_class = Command
