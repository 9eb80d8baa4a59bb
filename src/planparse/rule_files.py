"""Rule files as data: where the shipped ones are, and their YAML read once and kept in the cache.

Below every stage, so that any module may read a rule file (the folding tables, the rule sets) without
importing the rule sets' models.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .cache import parsed
from .errors import PlanparseError


def default_rules_dir() -> Path:
    return Path(__file__).parent / "rules"  # not importlib.resources: 15 ms at every start


def read_rule_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PlanparseError(path, f"cannot read rule file ({exc.strerror or exc})") from None


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
