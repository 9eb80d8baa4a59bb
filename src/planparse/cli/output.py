"""Writing results: to stdout, or to a file that appears whole or not at all."""
from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from ..atomic_file import Chunks, chunks
from ..documents import InputPlans
from ..errors import PlanparseError, one_line
from ..exporters.files import OutputError, check_output_folder, remove_stale_parts, write_atomic
from ..models import Document, ReadingWarning
from ..names import display_text, shown_name
from ..readers import STDIN
from .stdout import writing_stdout

if TYPE_CHECKING:  # extract writes through this module, and loads none of diff's and compare's matching
    from ..diff import PlanReading

__all__ = ["check_output", "emit", "say_error", "say_skipped", "say_warnings", "write_atomic", "PlanReader"]


def check_output(output: Path | None, inputs: Iterable[InputPlans]) -> None:
    """Refuse, before any work, an output file in a folder that does not exist, or one that is one of the inputs (by
    its name or through a symbolic link): the finished output would replace the plan it was made from."""
    if output is None or str(output) == "-":
        return
    if not os.path.lexists(output):
        check_output_folder(output)
    if not os.path.isfile(output):  # a FIFO or a device is written, never replaced
        return
    target = os.path.realpath(output)
    for source in inputs:
        if str(source.path) != STDIN and target in map(os.path.realpath, source.files):
            raise OutputError(output, f"cannot write output over the input {shown_name(str(source.path))}; choose another output file")


def say_skipped(inputs: Iterable[InputPlans]) -> None:
    """What the folders among ``inputs`` hold named as a plan that is no file (a named pipe, a socket): left out of
    what is read, each said on standard error as batch lists it failed, not passed over without a word."""
    for source in inputs:
        for path, why in source.skipped:
            sys.stderr.write(f"planparse: {shown_name(str(path))}: skipped: {why}\n")


def say_error(error: PlanparseError) -> None:
    """A plan that could not be read, where the command goes on with the others: one line on standard error."""
    sys.stderr.write(f"planparse: {one_line(display_text(str(error)))}\n")


def say_warnings(path: str, warnings: Iterable[ReadingWarning]) -> None:
    """What of the document at ``path`` was read only in part, a line each on standard error."""
    for warning in warnings:
        sys.stderr.write(f"planparse: {shown_name(path)}: {warning.message}\n")


@dataclass
class PlanReader:
    """Plans read one at a time as a command asks for them, as batch converts documents: one that cannot be read is
    said in one line on standard error and passed over, the others read (compare stopped at the first, and lined up
    none of a folder of 40 plans for one damaged .docx). Failing alone, it is the command's error, as it was; when no
    plan of several could be read, the command's error is that."""

    warned: bool = True  # what of each plan was read only in part said as it is read (batch --report's were said already)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, why) of each plan that could not be read

    def read(self, readings: list[PlanReading]) -> Iterator[tuple[str, Document]]:
        """(file, document) of each plan of ``readings`` that could be read, in their order."""
        for file, reading in readings:
            try:
                document = reading()
            except PlanparseError as error:
                if len(readings) == 1:
                    raise
                say_error(error)
                self.failed.append((file, error.problem))
                continue
            if self.warned:
                say_warnings(file, document.warnings)
            yield file, document
        if readings and len(self.failed) == len(readings):
            raise PlanparseError(f"{self.failed[0][0]} and {len(self.failed) - 1} more", "none of the plans could be read (each is said above)")


def emit(data: Chunks, output: Path | None) -> None:
    """Write DATA to OUTPUT, or to stdout when there is none or it is ``-`` (as in most tools;
    a file named ``-`` is still ``./-``)."""
    if output is not None and str(output) != "-":
        remove_stale_parts(Path(os.path.realpath(output)).parent)  # what a killed run left beside it
        write_atomic(output, data)
        return
    with writing_stdout():
        sys.stdout.flush()
        _write_whole(data)


def _write_whole(data: Chunks) -> None:
    """All of ``data`` to stdout, or an error: Python's stdout takes a write the file size limit (ulimit -f)
    cut short for a whole one, where the next write to its descriptor says why it stopped."""
    try:
        descriptor = sys.stdout.fileno()
    except io.UnsupportedOperation:  # a stand-in with no descriptor (click's CliRunner): it takes all at once
        descriptor = None
    for part in chunks(data):
        if descriptor is None:
            sys.stdout.buffer.write(part)
            continue
        unwritten = memoryview(part)
        while unwritten:
            unwritten = unwritten[os.write(descriptor, unwritten):]
