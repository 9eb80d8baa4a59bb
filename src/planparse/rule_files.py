"""Rule files as data: where the shipped ones are, and their YAML read once and kept in the cache.

Below every stage, so that any module may read a rule file (the folding tables, the rule sets) without
importing the rule sets' models.
"""
from __future__ import annotations

import hashlib
import os
import stat
from functools import cached_property
from pathlib import Path
from typing import Any

from .cache import parsed
from .errors import PlanparseError


def default_rules_dir() -> Path:
    return Path(__file__).parent / "rules"  # not importlib.resources: 15 ms at every start


_read_for_checks = {"examples": True}  # whether the rule files' models keep what only the checks read (models.FOR_CHECKS)


def leave_out_what_checks_read() -> None:
    """The rule files' models read from now on without their examples and descriptions, which only the checks read
    (``models.FOR_CHECKS``): for a command that extracts and checks nothing. Unpickling the snapshots of the validated
    files with them (some 3,700 examples, 181 kB of descriptions) was 15.8 ms of every start, 3.4 ms without."""
    _read_for_checks["examples"] = False


def read_for_checks() -> bool:
    """Whether the rule files' models are read whole, with what only the checks read (the default: a library, the tests)."""
    return _read_for_checks["examples"]


# A rule file is text of kilobytes (the largest shipped, targets.yaml, some 360 kB); a user's list of words may be
# longer, never this long.
MAX_RULE_FILE_BYTES = 16 * 2**20


class RuleSource:
    """A rule file as read: what is kept of it across processes (its data, its validation, the rules expanded from it)
    is keyed by the digest of its bytes, and its text is decoded only when it is parsed. Decoding the shipped files (1.2
    MB, most of it Chinese), then encoding and digesting their texts again for each key, was a third of what loading the
    rules did at every start when all of it was kept."""

    def __init__(self, path: Path, data: bytes):
        self.path = path
        self.data = data
        self.digest = hashlib.blake2b(data, digest_size=16).hexdigest()

    @cached_property
    def text(self) -> str:
        try:
            return self.data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise PlanparseError(self.path, f"cannot read rule file (not UTF-8 text: byte {exc.start + 1:,} is "
                                            f"{self.data[exc.start]:#04x})") from None


def read_rule_file(path: Path) -> RuleSource:
    """The rule file's bytes. Opened without waiting and read only when it is a file: a named pipe in a rules folder
    held the command up for ever waiting for a writer, a link to /dev/zero filled its memory."""
    try:
        with os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                raise PlanparseError(path, "cannot read rule file (it is no file: a named pipe or a device)")
            data = stream.read(MAX_RULE_FILE_BYTES + 1)
    except OSError as exc:
        raise PlanparseError(path, f"cannot read rule file ({exc.strerror or exc})") from None
    if len(data) > MAX_RULE_FILE_BYTES:
        raise PlanparseError(path, f"a rule file of more than {MAX_RULE_FILE_BYTES // 2**20} MB; planparse reads none so long")
    return RuleSource(path, data)


def read_rule_text(path: Path) -> str:
    """The rule file's text (``read_rule_file``)."""
    return read_rule_file(path).text


def load_yaml(path: Path, text: str | None = None) -> Any:
    """The rule file's data; ``text``: the file's text when the caller read it already (and keys on it)."""
    text = read_rule_text(path) if text is None else text
    return parsed(path, text, lambda text: parse_yaml(path, text))


def parse_yaml(path: Path, text: str) -> Any:
    import yaml  # only when the cache has not the file's text: 25 ms at every start

    try:
        # libyaml's loader reads the rule files ten times faster than the pure-Python one; both are safe loaders.
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise PlanparseError(path, f"invalid YAML: {str(exc).splitlines()[0]}") from None
