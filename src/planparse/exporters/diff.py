"""Diff reports: a ``DiffReport`` as text for a terminal, Markdown, JSON, or GitHub annotations."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Callable, Iterator, Optional

import click

from ..diff import counts
from ..models import DiffReport, DocumentDiff, FieldChange, Source, Target, TargetChange
from ..names import shown_name, terminal_text
from .amounts import written_amount
from .csv import HEADING_SEPARATOR
from .json import model_json
from .markdown import markdown_text


class DiffFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"
    github = "github"


def _value(value: object) -> str:
    return "none" if value is None else str(value)


def _change(change: FieldChange) -> str:
    return f"{change.field} {_value(change.old)} → {_value(change.new)}"


# The fields of a target that hold an amount, in base units: shown as its quote writes it (8000万 → 9000万).
_AMOUNTS = ("value", "value_max")


def _target_change(field: FieldChange, target: TargetChange) -> str:
    if field.field not in _AMOUNTS or field.old is None or field.new is None:
        return _change(field)
    return f"{field.field} {written_amount([field.old], target.old.quote)} → {written_amount([field.new], target.new.quote)}"


def _where(target: Target) -> str:
    """The heading and line, and the amount: one quote may hold two targets."""
    place = [target.headings[-1]] if target.headings else []
    place.append(f"line {target.line}")
    if target.value is not None:
        place.append(f"{written_amount([target.value, target.value_max], target.quote)}{target.unit or ''}")
    return ", ".join(place)


def _moved(change: TargetChange) -> str:
    old, new = change.old, change.new
    if old.section != new.section:
        return f"section {_value(old.section)} → {_value(new.section)}"
    # The first heading title that differs says where the target now sits.
    before, after = next(((a, b) for a, b in zip(old.headings, new.headings) if a != b), (HEADING_SEPARATOR.join(old.headings), HEADING_SEPARATOR.join(new.headings)))
    return f"heading {before} → {after}"


def _title(document: DocumentDiff) -> str:
    """The two files compared, each as a message names it: a newline in a name cannot cut the line."""
    return " → ".join(shown_name(name) if name else "(none)" for name in (document.old_file, document.new_file))


def _summary(document: DocumentDiff) -> str:
    parts = [f"{count} {name}" for name, count in counts(document).items() if count]
    if document.moved:
        parts.append(f"{len(document.moved)} moved")
    return ", ".join(parts) or "no differences"


def _rows(document: DocumentDiff) -> Iterator[tuple[str, Target, str]]:
    """(kind, target, detail) for each difference, in the order reports list them."""
    for change in document.changed:
        yield "changed", change.new, ", ".join(_target_change(field, change) for field in change.changes)
    for target in document.removed:
        yield "removed", target, ""
    for target in document.added:
        yield "added", target, ""
    for change in document.moved:
        yield "moved", change.new, _moved(change)


# --- text --------------------------------------------------------------------

_COLOURS = {"changed": "yellow", "removed": "red", "added": "green", "moved": "cyan"}


def render_text(report: DiffReport) -> str:
    lines = []
    for document in report.documents:
        lines.append(click.style(_title(document), bold=True))
        for kind, target, detail in _rows(document):
            lines.append(f"  {click.style(f'{kind:<8}', fg=_COLOURS[kind])} {target.quote}  ({_where(target)})" + (f"  {detail}" if detail else ""))
        for change in document.metadata:
            lines.append(f"  {click.style('metadata', fg='yellow')} {_change(change)}")
        lines.append(f"  {_summary(document)}")
    return "\n".join(lines) + "\n"


# --- markdown ----------------------------------------------------------------


def render_markdown(report: DiffReport) -> str:
    lines = ["### planparse diff", ""]
    for document in report.documents:
        lines += [f"**{markdown_text(_title(document))}**: {_summary(document)}", ""]
        rows = list(_rows(document))
        if rows:
            lines += ["| | target | where | change |", "|---|---|---|---|"]
            lines += [f"| {kind} | {markdown_text(target.quote)} | {markdown_text(_where(target))} | {markdown_text(detail)} |" for kind, target, detail in rows]
            lines.append("")
        if document.metadata:
            lines += ["| metadata | old | new |", "|---|---|---|"]
            lines += [f"| {c.field} | {markdown_text(_value(c.old))} | {markdown_text(_value(c.new))} |" for c in document.metadata]
            lines.append("")
    return "\n".join(lines)


# --- github ------------------------------------------------------------------


def _escape(text: str, property_value: bool = False) -> str:
    """Workflow-command escaping, as GitHub's toolkit does it; a file name's other control characters and bytes not
    UTF-8 as ``terminal_text`` shows them (\\x1b, \\xff): written as they were, an escape sequence drove the terminal or
    was cut out with the colours (d2/\\x1b[2Jb.txt as d2/b.txt), a byte not UTF-8 ended the command in an internal error."""
    text = terminal_text(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def _annotation(source: Optional[Source], line: Optional[int], title: str, message: str) -> str:
    properties = [f"file={_escape(_repo_path(source.path), True)}"] if source else []
    if line is not None:
        properties.append(f"line={line}")
    properties.append(f"title={_escape(title, True)}")
    return f"::warning {','.join(properties)}::{_escape(message)}"


def _repo_path(path: str) -> str:
    """GitHub wants paths relative to the checkout, which is the working folder in a workflow."""
    try:
        return Path(path).resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path


def render_github(report: DiffReport) -> str:
    lines = []
    for document in report.documents:
        source = document.new or document.old
        for kind, target, detail in _rows(document):
            if kind == "removed":
                # Its line is the old version's: GitHub would mark an unrelated line of the new
                # plan, so the annotation is on the file and names the old line.
                lines.append(_annotation(source, None, "planparse: target removed", f"{target.quote} (line {target.line} of the old version)"))
            elif kind != "moved":
                lines.append(_annotation(source, target.line, f"planparse: target {kind}", f"{target.quote}" + (f": {detail}" if detail else "")))
        for change in document.metadata:
            lines.append(_annotation(source, None, "planparse: metadata changed", _change(change)))
    return "".join(line + "\n" for line in lines)


def render_json(report: DiffReport) -> str:
    return model_json(report)


RENDERERS: dict[DiffFormat, Callable[[DiffReport], str]] = {
    DiffFormat.text: render_text,
    DiffFormat.markdown: render_markdown,
    DiffFormat.json: render_json,
    DiffFormat.github: render_github,
}
