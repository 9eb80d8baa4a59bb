"""The ``planparse`` command: a thin layer that wires pipeline stages together."""
from __future__ import annotations

import importlib
import os
import sys

import click

from .. import __version__
from ..errors import PlanparseError

# The command uses no pydantic plugins; looking for them imports importlib.metadata and scans
# every installed package (a tenth of a second) at the first model. A user's setting wins.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
EXIT_ERROR = 2  # click's own ClickException exits 1, which diff uses for "changed"
# Each command's module, imported when the command runs: ``--version`` and ``extract`` need not load
# batch's progress display or diff's matcher.
COMMANDS = {
    "extract": "extract:extract_command",
    "batch": "batch:batch_command",
    "diff": "diff:diff_command",
    "compare": "compare:compare_command",
    "report": "report:report_command",
    "schema": "schema:schema_command",
    "rules": "rules:rules_group",
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, name = COMMANDS[cmd_name].split(":")
        return getattr(importlib.import_module(f"{__name__}.{module}"), name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="planparse")
def cli() -> None:
    """Turn Chinese government plan documents (实施方案, 行动方案, 规划) into structured data."""


def main() -> None:
    """Entry point: every error becomes one line on stderr and exit code 2."""
    try:
        sys.exit(cli.main(standalone_mode=False))  # ctx.exit(code) comes back as the return value
    except PlanparseError as exc:
        click.echo(f"planparse: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_ERROR)
    except click.Abort:
        click.echo("planparse: aborted", err=True)
        sys.exit(EXIT_ERROR)
    except Exception as exc:  # never show a user a traceback
        if os.environ.get("PLANPARSE_DEBUG"):
            raise
        click.echo(f"planparse: internal error: {type(exc).__name__}: {exc} (set PLANPARSE_DEBUG=1 for details)", err=True)
        sys.exit(EXIT_ERROR)
