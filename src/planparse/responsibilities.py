"""Responsibilities stage: which units lead and which support each action.

Inline annotations (``rules/responsibilities.yaml``, read by ``responsibility_notes``) are attached to the
section they close; rows of a 分工表 to the section whose title is the row's action.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from . import patterns
from .models import Paragraph, Responsibility, Section, TableData, validated, walk_sections
from .outline import Block, Outline
from .tables import column_label, columns_named, group_year, unit_columns
from .responsibility_notes import (SENTENCE_CUT, CompiledResponsibilityRules, Role, bracket_depths, duties, open_depth, outer_groups, parse_annotation,
                                   parse_bare_note, responsibility_rules, sentence_notes, split_outside_brackets, units_under_word)


# --- finding annotations in the text ---------------------------------------


@dataclass
class Annotation:
    block: Block
    text: str
    lead: list[str]
    support: list[str]
    standalone: bool
    in_sentence: bool = False  # a sentence's opening clauses (由…牵头，…配合，…), not a note set apart
    # a duty's work (县财政局负责落实项目资金。 under 三、职责分工: 落实项目资金), the heading of its responsibility in its
    # block's section (not standalone); None for a note, the heading its section's title
    work: str | None = None


@dataclass(frozen=True)
class _Reading:
    """What a paragraph's notes are read with: the rules, and whether the plan has said by then that the unit named
    first leads (``first_units_lead``), which a note's units alone then say (``parse_annotation``)."""

    rules: CompiledResponsibilityRules
    first_leads: bool


def _bracket_annotations(block: Block, text: str, walk: list[tuple[int, int]], reading: _Reading) -> list[Annotation]:
    """The annotations in brackets and the labelled sentence closing ``text`` (``walk``: its ``bracket_depths``)."""
    rules, found = reading.rules, []
    for start, end in outer_groups(walk):
        parsed = parse_annotation(text[start + 1: end - 1], rules, reading.first_leads)
        bare = None if parsed else parse_bare_note(text, start, end, rules)
        if bare:  # units alone say no roles: helpers, unless the plan said the first leads
            parsed = (bare[:1], bare[1:]) if reading.first_leads else ([], bare)
        if parsed:
            found.append(Annotation(block, text[start:end], *parsed, standalone=(start, end) == (0, len(text))))
    if rules.may_hold_note.search(text):
        found = _sentence_notes(block, text, rules) + found
    return found + _closing_label(block, text, walk, reading)


def _sentence_notes(block: Block, text: str, rules: CompiledResponsibilityRules) -> list[Annotation]:
    """Notes in the sentences of a paragraph (…调研。由区国土局牵头，区财政局配合，对…), a heading's title
    read without its marker."""
    start = block.title_start - (len(block.paragraph.text) - len(block.paragraph.text.lstrip())) if block.heading else 0
    found: list[Annotation] = []
    for place, sentence in enumerate(split_outside_brackets(text[max(start, 0):], SENTENCE_CUT)):
        if not rules.may_hold_note.search(sentence):
            continue
        for note in sentence_notes(sentence, rules, closing=place > 0 or block.heading is None):
            # in a paragraph after the items, not an item's own, it speaks for the items' section as a note line would
            found.append(Annotation(block, *note, standalone=block.heading is None, in_sentence=True))
    return found


def _closing_label(block: Block, text: str, walk: list[tuple[int, int]], reading: _Reading) -> list[Annotation]:
    """A labelled note that ends an item's paragraph: …给予资助。责任单位：市委组织部、市科技局。 A label opens
    the note wherever the last sentence has come to, after a ，or a ； as after its 。 (…组织开展科普活动，牵头单位：
    市科协；配合单位：市教育局); its labels may be parted by ；: …能力。责任单位：县卫健局；配合单位：县财政局；完成时限：2024年底。"""
    rules, body = reading.rules, text.rstrip("。 ")
    last_sentence = max(body.rfind("。"), 0)
    if not rules.label_mark.search(body, last_sentence):
        return []  # most paragraphs: no label's colon in the last sentence, where the label scan tried every clause
    # the first label opening the last sentence or a clause of it outside brackets opens the note, which reads
    # every label after it
    opening = next((mark for mark in rules.clause_label.finditer(body, last_sentence)
                    if not _bracket_open_at(walk, mark.start())), None)
    note = body[opening.end():] if opening else ""
    parsed = parse_annotation(note, rules, reading.first_leads) if note else None
    return [Annotation(block, note, *parsed, standalone=False)] if parsed else []


def _bracket_open_at(walk: list[tuple[int, int]], place: int) -> bool:
    """Whether a bracket is open at ``place`` in a text walked by ``bracket_depths`` (``walk``)."""
    before = bisect_left(walk, (place,))  # the brackets before the place: the depth there is after the last of them
    return bool(before and walk[before - 1][1])


def _label_line(block: Block, rules: CompiledResponsibilityRules) -> str | None:
    """The label opening a paragraph (责任单位：…), if one does."""
    match = rules.label.match(block.paragraph.text.strip(), None, None, patterns.NOT_CONCURRENT)
    return match.group("word") if match else None


def _bracketed(blocks: list[Block], index: int, reading: _Reading) -> tuple[list[Annotation], int]:
    """Bracketed annotations in one paragraph. A bracket left open at its end runs
    on into the next paragraph (a PDF line ending in 〔责任单位： ends one there)."""
    block, texts = blocks[index], [blocks[index].paragraph.text.strip()]
    walk = bracket_depths(texts[0])
    depth = walk[-1][1] if walk else 0
    while depth and index + 1 < len(blocks) and blocks[index + 1].heading is None:
        index += 1
        texts.append(blocks[index].paragraph.text.strip())
        depth = open_depth(texts[-1], depth)  # only the new paragraph is read: linear however long the run
    text = "".join(texts)
    return _bracket_annotations(block, text, bracket_depths(text) if len(texts) > 1 else walk, reading), index + 1


def _labelled(blocks: list[Block], index: int, reading: _Reading) -> tuple[list[Annotation], int]:
    """Paragraphs opening with labels (分工： / 牵头部门：… / 责任部门：…), read as one annotation."""
    block, rules = blocks[index], reading.rules
    seen, texts, label = set(), [], None
    while index < len(blocks) and blocks[index].heading is None:
        text = blocks[index].paragraph.text.strip()
        before, label = label, _label_line(blocks[index], rules)
        if label is None and rules.label_role.get(before) == "person" and rules.persons_named.fullmatch(text):
            label = before  # a second person the field names, on a line of their own (链长：黄建波（…） / 欧阳晓波（…）)
        elif label is None or label in seen:
            break
        seen.add(label)
        texts.append(text)
        index += 1
    parsed = parse_annotation("".join(texts), reading.rules, reading.first_leads)
    return ([Annotation(block, "\n".join(texts), *parsed, standalone=True)] if parsed else []), index


def find_annotations(outline: Outline, first_leads_from: int | None = None) -> list[Annotation]:
    """Every annotation, in document order, with the paragraph it stands in: the notes, and after each paragraph's the
    duties it states (``_duties``); from line ``first_leads_from`` on, the plan has said that the unit named first leads
    (``first_units_lead``)."""
    rules = responsibility_rules()
    blocks = [block for block in outline.blocks if not block.paragraph.in_table]
    in_duties: dict[int, bool] = {}  # by the identity of a paragraph's innermost section (``_in_duties``)
    readings = (_Reading(rules, False), _Reading(rules, True))  # before and after the plan says the first unit leads
    annotations: list[Annotation] = []
    index = 0
    while index < len(blocks):
        labelled = blocks[index].heading is None and _label_line(blocks[index], rules) is not None
        reading = readings[first_leads_from is not None and blocks[index].paragraph.line >= first_leads_from]
        found, end = (_labelled if labelled else _bracketed)(blocks, index, reading)
        stated = [duty for block in blocks[index:end]  # a note's paragraphs: a bracket left open runs on, labels go on in the next
                  if _in_duties(block.trail, rules, in_duties) for duty in _duties(block, rules)]
        # a duty's own sentence read as a note (…牵头实施，区数字办配合) is that duty, said once
        annotations += [note for note in found if not (note.in_sentence and any(note.text in duty.text for duty in stated))] + stated
        index = end
    return annotations


def _in_duties(trail: list[Section], rules: CompiledResponsibilityRules, read: dict[int, bool]) -> bool:
    """Whether a section of ``trail`` (a paragraph's, outermost first) says who does what in its title (三、职责分工), told once
    for each innermost section (``read``: by its identity; its trail is the same for every paragraph under it), a section's
    title searched once for it and the sections under it, not again for every paragraph."""
    if not trail:
        return False
    found = read.get(id(trail[-1]))
    if found is None:
        section = trail[-1]
        found = read[id(section)] = _in_duties(trail[:-1], rules, read) or bool(rules.duty_section.search(section.title, None, None, patterns.NOT_CONCURRENT)) \
            or _items_state_duties(section, rules)
    return found


def _items_state_duties(section: Section, rules: CompiledResponsibilityRules) -> bool:
    """Whether every item of ``section`` (two at least) opens with units and their duty word, whatever its title says (五、工作内容
    / 1.区交通与建设局负责打击…； / 2.区社会事业局负责督促…): a list of who does what, as a 职责分工 section is."""
    return len(section.children) >= 2 and all(_opens_with_a_duty(item.title + item.body, rules) for item in section.children)


def _opens_with_a_duty(text: str, rules: CompiledResponsibilityRules) -> bool:
    """Whether ``text``'s first sentence opens with units and their duty (its title may end inside the units: 区卫健局、区)."""
    sentence = split_outside_brackets(text, SENTENCE_CUT)[0]
    stated = duties(sentence, rules)
    return bool(stated) and sentence.startswith(stated[0].text)


def _duties(block: Block, rules: CompiledResponsibilityRules) -> list[Annotation]:
    """The sentences of a paragraph in a section on who does what (三、职责分工 / 县教育局负责制定实施细则。) stating units'
    duty (``duties``): each an annotation of its work."""
    # an item's title may state the duty itself (1.区交通与建设局负责打击…；); a title naming the part (（二）工作分工。) states none,
    # nor one run into the body with no stop (（一）统筹协调|县民政局负责…: the title alone opens with no duty)
    text = block.paragraph.text
    if block.heading:
        start = block.title_start if _opens_with_a_duty(text[block.title_start:block.body_start], rules) else block.body_start
        text = text[start:]
    return [Annotation(block, duty.text, duty.lead, duty.support, standalone=False, work=duty.work)
            for sentence in split_outside_brackets(text, SENTENCE_CUT) for duty in duties(sentence, rules)]


def _closed_section(annotation: Annotation, annotated: Counter[int], top: list[Section]) -> Section | None:
    """The section an annotation closes.

    An annotation inside an item's text closes that item. One standing on its
    own after the last item of a section, when no sibling item has one of its
    own, closes the whole section (…4. 加强师资 / 责任单位：… / （二）…), but after a section's one item it closes the item
    where the sibling sections carry a note to each of their items (_noted_by_item); after
    the last of items nested deeper (…3. / （1） / （2） / 责任单位：… / （二）…), the
    section among those it ends whose sibling sections carry notes of their own,
    as a plan writes its notes at one level (the top sections are siblings of one another: a note after the
    last item of 二、 whose 三、 and 四、 carry notes closes 二、).
    ``annotated`` counts, by section identity, the annotations under each section; ``top`` are the top sections.
    """
    trail = annotation.block.trail
    if not trail:
        return None
    if not annotation.standalone:
        return trail[-1]
    ended = _sections_ended(trail, annotated, top)
    if len(ended) == 2 and len(ended[0][1]) == 1 and _noted_by_item(*ended[1], annotated):
        return ended[0][0]
    if len(ended) < 3:
        return ended[-1][0]
    noted_level = next((section for section, siblings in reversed(ended[1:]) if _has_noted_sibling(section, siblings, annotated)), None)
    return noted_level or ended[1][0]


def _sections_ended(trail: list[Section], annotated: Counter[int], top: list[Section]) -> list[tuple[Section, list[Section]]]:
    """The innermost section and those a standalone note after it may close, innermost first, each with its
    siblings (its parent's children, or the top sections): each the parent of the one before, which was its last
    item, and holding no other note."""
    ended = [(trail[-1], trail[-2].children if len(trail) > 1 else top)]
    for depth in range(len(trail) - 2, -1, -1):
        section = trail[depth]
        if section.children[-1] is not ended[-1][0] or annotated[id(section)] > 1:
            break
        ended.append((section, trail[depth - 1].children if depth else top))
    return ended


def _noted_by_item(section: Section, siblings: list[Section], annotated: Counter[int]) -> bool:
    """Whether most of the sibling sections of ``section`` that carry notes carry more than one, a note to each of their
    items (一、…1.…（责任单位：…）2.…（责任单位：…）)."""
    noted = [annotated[id(sibling)] for sibling in siblings if sibling is not section and annotated[id(sibling)]]
    return sum(count > 1 for count in noted) * 2 > len(noted)


def _has_noted_sibling(section: Section, siblings: list[Section], annotated: Counter[int]) -> bool:
    return any(annotated[id(sibling)] for sibling in siblings if sibling is not section)


def _annotated_sections(annotations: list[Annotation]) -> Counter[int]:
    """How many annotations stand under each section, by identity (``==`` would compare whole subtrees)."""
    return Counter(id(section) for annotation in annotations for section in annotation.block.trail)


# --- the 分工表 ------------------------------------------------------------


def _action_column(table: TableData, unit_columns: list[int], rules: CompiledResponsibilityRules) -> int | None:
    """The column naming the row's action: the nearest one left of the units whose header names a task
    (重点任务 | 具体措施 | 牵头单位: 具体措施), else one anywhere (序号 | 牵头部门 | 工作任务 | 配合部门), else
    the nearest column left of the units that holds words, else the nearest right of them
    (序号 | 牵头单位 | 配合单位 | 主要工作: the row's number is no action)."""
    named = [column for column in columns_named(table.header, rules.rules.table.action_headers) if column not in unit_columns]
    left = [column for column in named if column < min(unit_columns)]
    if left or named:
        return (left or named)[-1 if left else 0]
    never = set(unit_columns) | set(columns_named(table.header, rules.rules.table.not_action_headers))
    nearest = [*range(min(unit_columns) - 1, -1, -1), *range(min(unit_columns) + 1, len(table.header))]
    return next((column for column in nearest if column not in never and _holds_words(table, column)), None)


def _holds_words(table: TableData, column: int) -> bool:
    return any(_WORD.search(row[column]) for row in table.rows if column < len(row))


_WORD = patterns.compile(r"[^\P{Han}一二三四五六七八九十〇零]")  # a row number 一, 二 is no word


def task_column(table: TableData) -> int | None:
    """The column of a 分工表 that names each row's task; None for a table with no lead or support column."""
    rules = responsibility_rules()
    units = [columns[0] for names in (rules.rules.table.lead_headers, rules.rules.table.support_headers)
             if (columns := columns_named(table.header, names))]
    return _action_column(table, units, rules) if units else None


def named_task_column(table: TableData) -> int | None:
    """The first column whose header names a task (重点任务, 项目名称), with its note in brackets or not; None where none does."""
    return next(iter(columns_named(table.header, responsibility_rules().rules.table.action_headers)), None)


class SectionTitles:
    """Every section's title without punctuation or space, in document order, indexed for exact matches: read
    when a table's row first looks a section up (most plans have no 分工表, and squashing every title cost
    them a seventh of finding their responsibilities)."""

    def __init__(self, sections: list[Section]):
        self._sections = sections

    @cached_property
    def titles(self) -> list[tuple[str, Section]]:
        return [(_squash(section.title), section) for section in walk_sections(self._sections)]

    @cached_property
    def _first(self) -> dict[str, Section]:
        first: dict[str, Section] = {}
        for title, section in self.titles:
            first.setdefault(title, section)
        return first

    def exact(self, wanted: str) -> Section | None:
        return self._first.get(wanted)


def table_responsibilities(table: TableData, titles: SectionTitles, first_leads: bool = False,
                           lines: list[int] | None = None) -> list[Responsibility]:
    """Rows of a 分工表: the action column stands left of the unit columns. ``first_leads``: the plan says the first
    unit named leads (``first_units_lead``); ``lines``: each row's line (``Outline.row_lines``), else the table's."""
    rules = responsibility_rules()
    lead_column, support_columns = unit_columns(table.header)
    columns = sorted([lead_column, *support_columns] if lead_column is not None else support_columns)
    action_column = _action_column(table, columns, rules) if columns else None
    if action_column is None:
        return []
    # 责任单位（排在第一位的为牵头单位）: the first unit of each row leads
    first_leads = first_leads or (support_columns and lead_column is None and rules.first_leads.search(table.header[support_columns[0]]))
    found = []
    for row, line in zip(table.rows, lines or [table.line] * len(table.rows)):
        action = row[action_column].strip().rstrip("。；;")
        if not action or group_year(row) is not None:
            continue  # no task, or a year over a group of tasks (2024年 written across the table)
        lead, support = [], []
        for column in columns:
            units = _cell_units(row[column], "lead" if column == lead_column else "support", column_label(table.header[column]), rules)
            lead, support = lead + units[0], support + units[1]
        if first_leads and support and not lead:
            lead, support = support[:1], support[1:]
        # the cells left of the action that name no unit: a unit is no section's title (…（一）市民政局 / 1.…)
        named_cells = [cell for column, cell in enumerate(row[:action_column]) if column not in columns]
        section = _section_titled(action, titles) or _section_of_row(named_cells, titles)
        found.append(validated(
            Responsibility, heading=action, section=section.id if section else None, source="table",
            lead=lead, support=support, text="\t".join(row), line=line, page=table.page,
        ))
    return found


def _cell_units(cell: str, role: Role, header: str, rules: CompiledResponsibilityRules) -> tuple[list[str], list[str]]:
    """The units of a table's unit cell under the column word ``header``, ``role`` theirs unless its role words or labels
    say otherwise (牵头：市体育局 配合：市自然资源局; 市教育局（牵头）、市财政局). A lead column's units lead unless one is
    marked the lead (``leading_units``): 县教育局（牵头）、县人社局 under 牵头单位 names one lead and a helper, as under a
    责任单位 beside a 配合单位 column; so do a 责任单位 cell's first units where a later clause names helpers
    (县农业农村局，县财政局配合), as under the label 责任单位：."""
    text = rules.space_between_units.sub("、", cell.strip())
    labelled = parse_annotation(text, rules) if rules.label.search(text) else None
    if labelled:
        return labelled
    return units_under_word(header, role, text, rules)


_PUNCTUATION_AND_SPACE = patterns.compile(r"[\s\p{P}]")


def _squash(text: str) -> str:
    return _PUNCTUATION_AND_SPACE.sub("", text, 0, None, None, patterns.NOT_CONCURRENT)


def _section_of_row(cells: list[str], titles: SectionTitles) -> Section | None:
    """The section a cell left of the action names exactly (重点任务 | 具体措施 | 牵头单位…), nearest first."""
    for cell in reversed(cells):
        wanted = _squash(cell)
        exact = titles.exact(wanted) if wanted else None
        if exact is not None:
            return exact
    return None


def _section_titled(action: str, titles: SectionTitles) -> Section | None:
    """The section whose title is the action (or holds it, or is held by it)."""
    wanted = _squash(action)
    exact = titles.exact(wanted)
    if exact is not None:
        return exact
    return next((section for title, section in titles.titles if title and (title in wanted or wanted in title)), None)


# --- the stage ---------------------------------------------------------------


def extract_responsibilities(outline: Outline, tables: list[TableData]) -> list[Responsibility]:
    """Inline annotations in document order, then the rows of every 分工表."""
    first_leads = first_units_lead(outline)
    annotations = find_annotations(outline, first_leads)
    annotated = _annotated_sections([annotation for annotation in annotations if annotation.work is None])
    closed = [(annotation, _closed_section(annotation, annotated, outline.sections)) for annotation in annotations]
    # A section's own note (〔责任单位：…〕) says who is responsible for it over a sentence of its text.
    noted = {id(section) for annotation, section in closed if not annotation.in_sentence and annotation.work is None}
    found: list[Responsibility] = []
    for annotation, section in closed:
        if section is None or (annotation.in_sentence and id(section) in noted):
            continue
        paragraph: Paragraph = annotation.block.paragraph
        found.append(validated(
            Responsibility, heading=section.title if annotation.work is None else annotation.work, section=section.id,
            source="inline", lead=annotation.lead, support=annotation.support, text=annotation.text, line=paragraph.line,
            page=paragraph.page,
        ))
    titles = SectionTitles(outline.sections)  # once per document, not per table
    for table in tables:
        found += table_responsibilities(table, titles, first_leads is not None and table.line >= first_leads, outline.row_lines(table))
    return found


def first_units_lead(outline: Outline) -> int | None:
    """From which line on the plan's notes name their lead first, if it says so once for them all: everywhere when a
    sentence outside notes says it (注：各项任务中排在第一位的单位为牵头单位，其他为配合单位), from its own note on when
    a note's clause adds 下同 (…，排名第一的为牵头单位，下同)."""
    said = responsibility_rules().first_leads
    for block in outline.blocks:
        text, depth, at = block.paragraph.text, 0, 0
        for found in said.finditer(text, None, None, False, patterns.NOT_CONCURRENT):
            depth, at = open_depth(text[at: found.start()], depth), found.start()  # from the last place on: linear
            if not depth:
                return 0
            if found.group().endswith("同"):
                return block.paragraph.line
    return None
