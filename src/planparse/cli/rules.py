"""``planparse rules``: the target rules in force, and a check that runs their examples."""
from __future__ import annotations

from pathlib import Path

import click

from ..compare import check_indicator_name_rules
from ..linebreaks import check_title_rules
from ..metadata import check_metadata_rules
from ..metadata_rules import metadata_rules
from ..responsibility_notes import check_responsibility_rules, responsibility_rules
from ..names import shown_name
from ..rules import check_heading_rules, heading_styles, load_indicator_name_rules, load_rule_set, replaced_fragments, use_rules_dir
from ..targets import check_rules
from .options import rules_option
from .stdout import Group, writing_stdout

EXIT_FAILED = 1  # a rule example failed: "found something", not "could not run" (2)


@click.group("rules", cls=Group)
def rules_group() -> None:
    """Show the target rules in force, and check every shipped rule file."""


@rules_group.command("list")
@rules_option
def list_command(rules_dir: Path | None) -> None:
    """List the rules in force, in the order they run."""
    rule_set = load_rule_set(rules_dir)
    with writing_stdout():
        for rule in rule_set.rules:
            kind = rule.rule.kind or ("by unit" if rule.rule.role == "target" else "-")
            click.echo(f"{rule.id}\t{rule.rule.role}\t{kind}\t{rule.path.name}\t{rule.rule.description}")


@rules_group.command("check")
@rules_option
@click.pass_context
def check_command(ctx: click.Context, rules_dir: Path | None) -> None:
    """Validate the rules and run every example; exit 1 when one fails.

    Target rules come from the shipped files plus --rules DIR; the heading,
    metadata, responsibility and indicator rules are checked too, with your
    files of the same name merged in, and so are the name folds, contrasts
    and same units of synonyms.yaml (plus yours). A fragment a file defines
    again, replacing the shipped one for every rule, is said on standard error.
    """
    use_rules_dir(rules_dir)
    rule_set = load_rule_set(rules_dir)
    failures = (
        check_rules(rule_set)
        + check_heading_rules(heading_styles())
        + check_title_rules()
        + check_metadata_rules(metadata_rules())
        + check_responsibility_rules(responsibility_rules())
        + check_indicator_name_rules(load_indicator_name_rules(rules_dir))
    )
    if failures:  # with standard output closed (>&-), a check that passes has nothing to say there
        with writing_stdout():
            for failure in failures:
                click.echo(failure)
    for path, problem in replaced_fragments(rule_set):
        click.echo(f"planparse: {shown_name(str(path))}: {problem}", err=True)
    examples = sum(len(rule.rule.examples) + len(rule.rule.not_examples) for rule in rule_set.rules)
    click.echo(f"{len(rule_set.rules)} target rules, {examples} target examples, {len(failures)} failed (all rule files checked)", err=True)
    ctx.exit(EXIT_FAILED if failures else 0)
