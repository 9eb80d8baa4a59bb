"""The ``planparse`` command: a thin layer that wires pipeline stages together."""
from __future__ import annotations

import os
import sys

import click

from .. import __version__
from ..errors import PlanparseError
from .batch import batch_command
from .compare import compare_command
from .diff import diff_command
from .extract import extract_command
from .rules import rules_group
from .schema import schema_command

EXIT_ERROR = 2  # click's own ClickException exits 1, which diff uses for "changed"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="planparse")
def cli() -> None:
    """Turn Chinese government plan documents (实施方案, 行动方案, 规划) into structured data."""


cli.add_command(extract_command)
cli.add_command(batch_command)
cli.add_command(diff_command)
cli.add_command(compare_command)
cli.add_command(schema_command)
cli.add_command(rules_group)


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
