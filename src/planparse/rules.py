"""Rule files: knowledge kept as data under ``rules/``, validated on load.

The default rules ship inside the package (``planparse/rules``); every file is
YAML read with a safe loader and checked by a pydantic model, so that a broken
file stops with its path and the offending key.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex
import yaml
from pydantic import ValidationError

from .errors import PlanparseError
from .models import HeadingStyle, Model


def default_rules_dir() -> Path:
    return Path(str(resources.files("planparse") / "rules"))


def load_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PlanparseError(path, f"cannot read rule file ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        raise PlanparseError(path, f"invalid YAML: {str(exc).splitlines()[0]}") from None


def validate(model: type[Model], data: Any, path: Path) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        raise PlanparseError(path, f"{where}: {error['msg']}") from None


def compile_pattern(pattern: str, path: Path, rule_id: str) -> regex.Pattern:
    try:
        return regex.compile(pattern)
    except regex.error as exc:
        raise PlanparseError(path, f"rule {rule_id}: bad pattern ({exc})") from None


# --- heading styles --------------------------------------------------------


class HeadingExample(Model):
    text: str
    number: int


class HeadingStyleRule(Model):
    style: HeadingStyle
    pattern: str
    examples: list[HeadingExample]
    not_examples: list[str] = []


class HeadingRules(Model):
    styles: list[HeadingStyleRule]


class CompiledHeadingStyle:
    """A heading style with its pattern compiled to match at a paragraph's start."""

    def __init__(self, rule: HeadingStyleRule, path: Path):
        self.rule = rule
        self.style = rule.style
        self.regex = compile_pattern(rule.pattern, path, rule.style.value)

    def match(self, text: str) -> regex.Match | None:
        return self.regex.match(text)


@lru_cache(maxsize=None)
def heading_styles(rules_dir: Path | None = None) -> tuple[CompiledHeadingStyle, ...]:
    path = (rules_dir or default_rules_dir()) / "headings.yaml"
    rules = validate(HeadingRules, load_yaml(path), path)
    return tuple(CompiledHeadingStyle(rule, path) for rule in rules.styles)
