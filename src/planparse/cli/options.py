"""Options several commands share, so that their flags read the same everywhere."""
from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any, Callable

import click


class PathParam(click.Path):
    """``click.Path`` whose messages quote the name as typed, ``repr`` of it: click's own quote (``format_filename``)
    loses each byte that is not UTF-8 as �, where the ``repr`` keeps it (shown ``\\xff`` by ``main``)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, (str, bytes)) and not value:
            # pathlib reads "" as the current folder: batch "$IN" -o "$OUT", $OUT unset, wrote its outputs there, and
            # compare "" read the plans of it
            self.fail("'' is an empty name: it names no file or folder", param, ctx)
        if not self.dir_okay and isinstance(value, str) and _names_a_folder(value):
            # click looks at what stands there, and a file or nothing passes (plan.json/ is not a folder); pathlib then
            # drops the / and the . : extract -o out.json/ replaced the file out.json, -o results/ wrote a file results
            self.fail(f"{value!r} names a folder (it ends in {os.sep}, . or ..), not a file", param, ctx)
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as error:
            error.message = error.message.replace(repr(click.format_filename(value)), repr(os.fsdecode(value)))
            if os.path.islink(value) and not os.path.exists(value):  # click said it does not exist, as if nothing stood there
                error.message = f"{os.fsdecode(value)!r} is a symbolic link to nothing, or in a loop"
            raise


_SEPARATORS = tuple({os.sep, os.altsep or os.sep})


def _names_a_folder(typed: str) -> bool:
    """Whether a path as typed can only name a folder, whatever stands there: it ends in a separator, . or .."""
    return typed.endswith(_SEPARATORS) or os.path.basename(typed) in (".", "..")


class NumberRange(click.FloatRange):
    """``click.FloatRange`` that refuses nan, which passes every range check (nan <= 0 and nan > 100 are both false):
    --threshold nan matched no names and wrote "threshold": null, --time-limit nan held no limit."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if math.isnan(number):
            self.fail(f"{value} is not a number", param, ctx)
        return number


def rules_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--rules DIR``, the same on every command that extracts."""
    return click.option(
        "--rules", "rules_dir", type=PathParam(exists=True, file_okay=False, path_type=Path),
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
