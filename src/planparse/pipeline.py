"""The extraction pipeline: read -> normalise -> structure -> extract.

Each stage is its own module; this one only wires them together so that the
CLI, ``batch`` and ``diff`` all extract a document the same way.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import chain
from pathlib import Path
from typing import Callable

from . import collector, patterns, time_limit
from .limits import MarkersPastLimit, check_table_cells, check_text
from .linebreaks import restore_line_breaks
from .readers.markdown_blocks import pipe_tables_in_restored_lines
from .indicator import indicator_rules
from .metadata import attached_documents, attachment_lists, extract_metadata, plan_body_start
from .metadata_rules import metadata_rules
from .models import Document, Metadata, Paragraph, RawDocument, ReadingWarning, Source, TableData, Target
from .folding import fold_page, taiwan_wording
from .normalize import normalize, undecorated_lines
from .readers import read_document
from .responsibilities import extract_responsibilities
from .responsibility_notes import responsibility_rules
from .rules import RuleSet, RuleTimeout, heading_styles, load_rule_set, rules_dir_in_force, use_rules_dir
from .outline import Outline
from .structure import HeadingMatch, build_outline, find_headings
from .tables import cell_lines_as_tab_rows, document_tables, folded_table, spaced_rows_as_tab_rows
from .targets import find_targets


@dataclass(frozen=True)
class Prepared:
    """A document read, normalised and structured, with its metadata: what the extract stages work on."""

    raw: RawDocument
    paragraphs: list[Paragraph]
    outline: Outline
    tables: list[TableData]  # read as the text is (folded: a traditional 牽頭單位 is 牵头单位)
    written_tables: list[TableData]  # as written: targets are read from their cells folded, and quote them as written
    taiwan: bool  # whether the document is worded as Taiwan words a plan (folding.taiwan_wording)
    metadata: Metadata
    rule_set: RuleSet


def load_rules(rules_dir: Path | None) -> RuleSet:
    """Every rule file in force, the user's folder ``rules_dir`` merged in: the target rules, and the
    heading, metadata, responsibility and indicator rules read with the user's files of their name."""
    in_force = rules_dir_in_force()
    use_rules_dir(rules_dir)
    try:
        heading_styles(), metadata_rules(), responsibility_rules(), indicator_rules()
        return load_rule_set(rules_dir)
    except BaseException:
        use_rules_dir(in_force)  # a folder whose files fail to load is not left in force for the next caller
        raise


def prepare(path: str | Path, rules_dir: Path | None = None) -> Prepared:
    """Read, normalise and structure one document (``-`` reads standard input)."""
    rule_set = load_rules(rules_dir)  # a broken rule file stops before any reading
    with time_limit.reading(path):  # the readers' libraries run C code Python cannot interrupt
        raw = read_document(path)
    # The wording of the whole document, its tables too, judged once: every text of it is read in that wording
    # (a Taiwan page's <meta> title writes 資訊專案, 信息项目, with none of Taiwan's own words to tell it alone).
    taiwan = taiwan_wording([line.text for line in raw.lines])
    lines = cell_lines_as_tab_rows(spaced_rows_as_tab_rows(raw.lines)) if raw.format == "txt" else raw.lines
    try:
        restored = restore_line_breaks(undecorated_lines(lines), taiwan)
    except MarkersPastLimit as exc:
        raise exc.in_document(raw.path, lines) from None
    raw = replace(raw, lines=pipe_tables_in_restored_lines(restored) if raw.format == "txt" else restored)
    paragraphs = normalize(raw.lines, taiwan)
    page = fold_page(raw.page, taiwan) if raw.page is not None else None
    check_text(raw.path, paragraphs)
    listed = attachment_names(paragraphs)
    headings = without_attachment_list(find_headings(paragraphs), listed)
    # The notice's own 一、二、 are not the plan's headings: its body starts at its title.
    body_start, front_reader = plan_body_start(paragraphs, headings, page)
    outline = build_outline(paragraphs, body_start, headings, attached_documents(paragraphs, body_start),
                            frozenset(chain.from_iterable(listed)))
    written_tables = document_tables(raw)
    check_table_cells(raw.path, ((table.header, table.rows) for table in written_tables))
    tables = [folded_table(table, taiwan) for table in written_tables]
    metadata = extract_metadata(outline, page, front_reader)
    return Prepared(raw, paragraphs, outline, tables, written_tables, taiwan, metadata, rule_set)


def attachment_names(paragraphs: list[Paragraph]) -> list[range]:
    """Where the paragraphs of each list of attachments are (附件：…分工表, or 附件：1.…, then 2.…, 3.…): names of
    documents, no text of the plan (metadata.attachment_lists)."""
    return [range(first, last + 1) for first, last, _ in attachment_lists([paragraph.text for paragraph in paragraphs])]


def without_attachment_list(headings: list[HeadingMatch | None], listed: list[range]) -> list[HeadingMatch | None]:
    """``headings`` but for the items of the lists of attachments ``listed`` (attachment_names) after their 附件 lines,
    though their numbers may go on from the plan's own (4.…示意图 after a section's 1.–3.) or start a list again at 1."""
    items = {index for names in listed for index in names[1:]}
    return [None if index in items else heading for index, heading in enumerate(headings)]


def extract(path: str | Path, rules_dir: Path | None = None) -> Document:
    """Extract one plan document (``-`` reads standard input); ``rules_dir`` adds a user's rule files.

    A huge file is extracted with the garbage collector paused (``collector``): its time then
    stays proportional to its size; any other with the collector's young passes spaced out."""
    with collector.for_extraction(path):
        return _extract(path, rules_dir)


def _extract(path: str | Path, rules_dir: Path | None) -> Document:
    doc = prepare(path, rules_dir)
    return warned_if_nothing(Document(
        source=Source(path=doc.raw.path, format=doc.raw.format, sha256=doc.raw.sha256),
        metadata=doc.metadata,
        sections=doc.outline.sections,
        targets=where_rules_time_out(doc.raw.path, doc.paragraphs, lambda: find_targets(
            doc.outline, doc.rule_set, doc.metadata, doc.written_tables, doc.taiwan)),
        responsibilities=extract_responsibilities(doc.outline, doc.tables),
        tables=doc.tables,
        warnings=doc.raw.warnings,
    ))


_CHINESE = patterns.compile(r"\p{Han}")  # in a plan's title: a web page's <title> may be an English site's name
# Said of a document that gave nothing a plan holds (an English page, a binary renamed .txt, a scan with no text): its
# output is a plan of nothing, which diff would read as every target removed and compare as a plan of no targets, without
# a word. A warning, not a refusal: the output still records the file read (its source, sha256, and the warning itself),
# a batch converts its other plans as before, and the readers' own tests of crafted files (an ASCII PDF) still read.
NOTHING_OF_A_PLAN = ReadingWarning(message="nothing of a plan was read from it (no title, heading, target, responsibility or "
                                           "table): is it a plan, and in Chinese?")


def warned_if_nothing(document: Document) -> Document:
    """``document``, with NOTHING_OF_A_PLAN among its warnings when it holds nothing of a plan."""
    if (_CHINESE.search(document.metadata.title or "") or document.sections or document.targets or document.responsibilities
            or document.tables or NOTHING_OF_A_PLAN in document.warnings):
        return document
    return document.model_copy(update={"warnings": [*document.warnings, NOTHING_OF_A_PLAN]})


def where_rules_time_out(path: str, paragraphs: list[Paragraph], find: Callable[[], list[Target]]) -> list[Target]:
    """``find()``; a rule that times out is reported naming the document and the sentence's line."""
    try:
        return find()
    except RuleTimeout as exc:
        raise exc.in_document(path, paragraphs) from None
