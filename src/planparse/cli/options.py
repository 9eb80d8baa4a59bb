"""Options several commands share, so that their flags read the same everywhere."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import click


def rules_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--rules DIR``, the same on every command that extracts."""
    return click.option(
        "--rules", "rules_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
        help="A folder of your own rule files (*.yaml): they add rules, fragments and words, and replace a default rule with the same id.",
    )(command)


def comma_choices(choices: tuple[str, ...]) -> Callable[[click.Context, click.Parameter, str], tuple[str, ...]]:
    """A click callback for an option that takes a comma-separated subset of ``choices``."""
    def parse(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[str, ...]:
        picked = tuple(part.strip() for part in value.split(",") if part.strip())
        if not picked or any(part not in choices for part in picked):
            raise click.BadParameter(f"choose from {', '.join(choices)} (comma-separated), got {value!r}")
        return picked

    return parse
