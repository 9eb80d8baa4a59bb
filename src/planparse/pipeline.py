"""The extraction pipeline: read -> normalise -> structure -> extract.

Each stage is its own module; this one only wires them together so that the
CLI, ``batch`` and ``diff`` all extract a document the same way.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from .limits import check_text
from .linebreaks import restore_line_breaks
from .metadata import extract_metadata, plan_body_start, plan_start
from .models import Document, Paragraph, Source, Target
from .normalize import normalize
from .readers import read_document
from .responsibilities import extract_responsibilities
from .rules import RuleTimeout, load_rule_set
from .structure import build_outline
from .tables import document_tables
from .targets import find_targets


def extract(path: str | Path, rules_dir: Path | None = None) -> Document:
    """Extract one plan document (``-`` reads standard input); ``rules_dir`` adds a user's rule files."""
    rule_set = load_rule_set(rules_dir)  # a broken rule file stops before any reading
    raw = read_document(path)
    raw = raw.model_copy(update={"lines": restore_line_breaks(raw.lines)})
    paragraphs = normalize(raw.lines)
    check_text(raw.path, paragraphs)
    outline = build_outline(paragraphs)
    tables = document_tables(raw)
    metadata = extract_metadata(outline, raw.page)
    body_start = plan_body_start(outline, metadata)
    if body_start:  # the notice's own 一、二、 are not the plan's headings
        outline = build_outline(paragraphs, body_start)
        metadata = extract_metadata(outline, raw.page)
    return Document(
        source=Source(path=raw.path, format=raw.format, sha256=raw.sha256),
        metadata=metadata,
        sections=outline.sections,
        targets=_where_rules_time_out(raw.path, paragraphs, lambda: find_targets(
            outline, rule_set, plan_start(metadata), tables, metadata.period.end if metadata.period else None)),
        responsibilities=extract_responsibilities(outline, tables),
        tables=tables,
    )


def _where_rules_time_out(path: str, paragraphs: list[Paragraph], find: Callable[[], list[Target]]) -> list[Target]:
    """``find()``; a rule that times out is reported naming the document and the sentence's line."""
    try:
        return find()
    except RuleTimeout as exc:
        raise exc.in_document(path, paragraphs) from None
