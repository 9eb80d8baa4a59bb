"""Writing results: to stdout, or to a file that appears whole or not at all."""
from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import Iterable, Iterator

from ..atomic_file import Chunks, chunks
from ..documents import InputPlans
from ..exporters.files import OutputError, check_output_folder, remove_stale_parts, write_atomic
from ..models import Document, ReadingWarning
from ..names import shown_name
from ..readers import STDIN
from .stdout import writing_stdout

__all__ = ["check_output", "emit", "say_skipped", "say_warnings", "saying_warnings", "write_atomic"]


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


def say_warnings(path: str, warnings: Iterable[ReadingWarning]) -> None:
    """What of the document at ``path`` was read only in part, a line each on standard error."""
    for warning in warnings:
        sys.stderr.write(f"planparse: {shown_name(path)}: {warning.message}\n")


def saying_warnings(documents: Iterable[tuple[str, Document]]) -> Iterator[tuple[str, Document]]:
    """``documents`` (file, document) as they come, what of each was read only in part said as it is read."""
    for file, document in documents:
        say_warnings(file, document.warnings)
        yield file, document


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
