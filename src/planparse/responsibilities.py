"""Responsibilities stage: which units lead and which support each action.

Inline annotations (``rules/responsibilities.yaml``) are attached to the
section they close; rows of a 分工表 to the section whose title is the row's
action. Unit names are kept as written, split outside brackets so that
``各县（市、区）政府`` stays one unit.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

import regex

from . import patterns
from .models import Model, Paragraph, Responsibility, Section, TableData, walk_sections
from .required_chars import required_clauses
from .rules import compile_pattern, load_rule_file, rules_cache
from .outline import Block, Outline

Role = Literal["lead", "support"]
_OPENERS, _CLOSERS = "（(〔【[", "）)〕】]"
# Depth changes only at brackets: a regex finds them, so a long text costs one scan in C (Python's re:
# the regex module scans for a set of characters at a third of its speed).
_BRACKET = re.compile(f"[{re.escape(_OPENERS + _CLOSERS)}]")
_SENTENCE_END = "。"
_SENTENCE_MARKS = "。；;"  # where a sentence (or a clause of a list of tasks) ends
_SENTENCE_CUT = patterns.compile(f"[{_SENTENCE_MARKS}]")
_UNIT_LENGTH = 100  # characters: a unit's name is shorter; a longer part is read without keeping it
_LAST_BRACKETS = patterns.compile(r"[（(][^）)]*[）)]$")
# 各县（市、区）教育局; a service's number inside a body's name (市12345热线中心, 市公安局110指挥中心), never a year
_IDEOGRAPHS_AND_BRACKETS = patterns.compile(r"(?:\p{Han}|\d{3,6}(?![\d年月日])(?=\p{Han})|[（(][\p{Han}、]*[）)])+")


class Label(Model):
    word: str
    role: Literal["lead", "support", "block", "person"]


class RoleWord(Model):
    word: str
    role: Role


class AnnotationExample(Model):
    text: str
    lead: list[str]
    support: list[str]


class TableHeaders(Model):
    lead_headers: list[str]
    support_headers: list[str]
    action_headers: list[str] = []
    not_action_headers: list[str] = []
    first_leads: str = "(?!)"


class ResponsibilityRules(Model):
    labels: list[Label]
    role_words: list[RoleWord]
    separators: str
    strip: list[str]
    drop: list[str]
    unit_endings: list[str]
    not_in_unit: list[str]
    joiners: list[str] = []
    support_opener: str = "(?!)"
    unit_actions: list[str] = []
    unnamed_units: str = "(?!)"
    examples: list[AnnotationExample]
    not_examples: list[str] = []
    clause_openers: list[str] = []
    clause_subject: str = "(?!)"
    clause_separators: str = "[，,]"
    sentence_examples: list[AnnotationExample] = []
    table: TableHeaders


class CompiledResponsibilityRules:
    def __init__(self, rules: ResponsibilityRules, path: Path):
        self.rules = rules
        self.unit_endings = tuple(rules.unit_endings)  # a name's ending tried in one call, built once
        words = sorted((label.word for label in rules.labels), key=len, reverse=True)
        self.label_role = {label.word: label.role for label in rules.labels}
        # a label closes with a colon (责任单位：…) or stands in lenticular brackets, a colon after them or none
        # (【牵头单位】市生态环境局【配合单位】…): the word is group ``word``
        self.label = compile_pattern(f"(?P<open>【\\s*)?(?P<word>{'|'.join(map(regex.escape, words))})(?(open)\\s*】\\s*[：:]?|\\s*[：:])",
                                     path, "labels")
        roles = sorted(rules.role_words, key=lambda role: len(role.word), reverse=True)
        self.role_word = {role.word: role.role for role in roles}  # longest first
        # role words closing a part, or in brackets after its unit: 市发展改革委（牵头）
        words = "|".join(regex.escape(role.word) for role in roles)
        self.role_suffix = compile_pattern(f"(?:{words})+$|[（(〔【〈<](?:{words})+[）)〕】〉>]$", path, "role_words")
        self.separator = compile_pattern(rules.separators, path, "separators")
        self.strip = [compile_pattern(pattern, path, "strip") for pattern in rules.strip]
        self.drop = [compile_pattern(pattern, path, "drop") for pattern in rules.drop]
        endings = "|".join(map(regex.escape, sorted(rules.unit_endings, key=len, reverse=True))) or "(?!)"
        joiners = "|".join(map(regex.escape, rules.joiners)) or "(?!)"
        # a joiner after a unit's ending, not at a name's start (…发展局和县交通局, never 工业和信息化局)
        self.joiner = compile_pattern(f"(?<=\\p{{Han}}{{2}}(?:{endings}))(?:{joiners})(?=\\p{{Han}})", path, "joiners")
        self.clause_separator = compile_pattern(rules.clause_separators, path, "clause_separators")
        leads = "|".join(re.escape(role.word) for role in roles if role.role == "lead") or "(?!)"
        with_word = rules.support_opener
        # 会同 after a unit (由市卫生健康委会同市医保局…, 由区民政局牵头会同…): the unit before it leads, those after it support
        self.lead_with = compile_pattern(f"(?<=\\p{{Han}}{{2}}(?:{endings})[）)]?(?:{leads})?)(?:{with_word})(?=\\p{{Han}})", path, "support_opener")
        # 会同 opening a part of a note (…牵头，会同市财政局…) or after its lead: the note names who works with the lead
        self.names_with = compile_pattern(f"(?:^|(?<=[，,；;]))\\s*(?:{with_word})|{self.lead_with.pattern}", path, "support_opener")
        actions = "|".join(map(regex.escape, rules.unit_actions)) or "(?!)"
        # the action the units after 会同 go on to: …会同市水利局、市财政局制定实施细则
        self.unit_action = compile_pattern(f"(?<=\\p{{Han}}(?:{endings})[）)]?)(?:{actions})", path, "unit_actions")
        openers = "|".join(map(re.escape, rules.clause_openers)) or "(?!)"
        # a sentence that may hold a note names a unit after an opener (由…), before a lead word (…牵头) or
        # before 会同 (生态环境部会同有关部门…): one scan by Python's re, in C, and most paragraphs have none
        self.names_lead = patterns.compile_python(f"{openers}|{leads}")
        # or ends a sentence with a role word: a sentence of units and roles alone (市商务局、市文旅局按职责分工负责。).
        # Each role word with its own lookahead: Python's re scans a text for the characters a pattern's alternatives
        # open with only when each opens with one (a group of the words kept them from it: 2.4 ms a round, now 0.6)
        at_sentence_end = f"(?=[{_SENTENCE_MARKS}]|\\s*$)"
        self.may_hold_note = patterns.compile_python("|".join(
            [openers, leads, with_word, *(f"{regex.escape(role.word)}{at_sentence_end}" for role in roles)]))
        self.may_annotate = _any_character_of(_annotation_characters(rules))
        self.unnamed_units = compile_pattern(rules.unnamed_units, path, "unnamed_units")
        # the opening of a clause before who leads it: 由…, 身份认定工作由…
        self.opening = compile_pattern(f"\\s*(?:{rules.clause_subject})?(?={openers})", path, "clause_subject")
        # who leads, then at once the action: 由各县教育局牵头组建教育集团
        self.lead_then_action = compile_pattern(f"^\\s*(?:{openers}).+?(?:{leads})(?=\\p{{Han}})", path, "clause_openers")
        self.first_leads = compile_pattern(rules.table.first_leads, path, "table.first_leads")
        # a table cell's units one a line (Word) come with spaces between them: 市体育局 市教育局
        self.space_between_units = compile_pattern(f"(?<=\\p{{Han}}(?:{endings}))\\s+(?=\\p{{Han}})", path, "unit_endings")


def _annotation_characters(rules: ResponsibilityRules) -> frozenset[str] | None:
    """Characters of which every annotation holds one: a label's colon (责任单位：), a role word's (…牵头, （配合）)
    or those every match of ``support_opener`` holds (…会同…). Reading one deletes text (the drop and strip
    patterns) and never brings a character in. None when what ``support_opener`` matches cannot be told."""
    opener = required_clauses(rules.support_opener)
    if not opener:
        return None
    held = {char for option in opener[0] for char in ((option,) if isinstance(option, str) else option[0])}
    return frozenset({"：", ":", *"".join(role.word for role in rules.role_words), *held})


def _any_character_of(chars: frozenset[str] | None) -> re.Pattern | None:
    return None if chars is None else patterns.compile_python("[" + "".join(map(re.escape, sorted(chars))) + "]")


@rules_cache
def responsibility_rules() -> CompiledResponsibilityRules:
    return CompiledResponsibilityRules(*load_rule_file(ResponsibilityRules, "responsibilities.yaml"))


# --- reading one annotation ------------------------------------------------


def _bracket_depths(text: str, depth: int = 0) -> list[tuple[int, int]]:
    """Each bracket's place with the depth after it, starting from ``depth``; a closing bracket
    with none open counts for nothing."""
    walk = []
    for match in _BRACKET.finditer(text):
        depth = depth + 1 if match.group() in _OPENERS else max(depth - 1, 0)
        walk.append((match.start(), depth))
    return walk


def split_outside_brackets(text: str, separator: regex.Pattern) -> list[str]:
    """Split on separators (characters that match ``separator``) at bracket depth 0: 各县（市、区）政府 stays whole.

    Only the places of the separators are visited (testing every character cost as much as the rest of
    reading the units)."""
    cuts = _separator_places(text, separator)
    if not cuts:
        return [text]
    walk = _bracket_depths(text)
    brackets = [index for index, _ in walk]
    parts, start = [], 0
    for cut in cuts:
        before = bisect_left(brackets, cut)  # the brackets before the cut: the depth there is after the last of them
        if (before < len(brackets) and brackets[before] == cut) or (before and walk[before - 1][1]):
            continue  # a bracket itself, or inside one
        parts.append(text[start:cut])
        start = cut + 1
    parts.append(text[start:])
    return parts


def _separator_places(text: str, separator: regex.Pattern) -> list[int]:
    """Where in ``text`` the characters that match ``separator`` are, in order."""
    finder = _separator_finder(separator)
    if finder is not None:
        return [match.start() for match in finder.finditer(text)]
    places = []
    for char in set(text):
        if _separates(separator, char):
            at = text.find(char)
            while at >= 0:
                places.append(at)
                at = text.find(char, at + 1)
    return sorted(places)


@lru_cache(maxsize=8)  # per separator in force
def _separator_finder(separator: regex.Pattern) -> re.Pattern | None:
    """A finder of ``separator``'s characters in a text, when it is a class of listed characters (one scan in C)."""
    listed = patterns.one_character_class(separator.pattern)
    return None if listed is None else patterns.compile_python(listed)


@lru_cache(maxsize=4096)  # a plan's units use a few hundred characters: one match each, not one per place
def _separates(separator: regex.Pattern, char: str) -> bool:
    return separator.fullmatch(char) is not None


def parse_units(text: str, default: Role, rules: CompiledResponsibilityRules) -> tuple[list[str], list[str]]:
    """Units of one labelled list, with role words deciding lead or support.

    A role word closes a run of units: in ``市教育局，市科协牵头，市工信局等参加``
    the first two lead and the third supports. Units no role word claims
    take the label's role.
    """
    lead: list[str] = []
    support: list[str] = []
    pending: list[str] = []
    for part in split_outside_brackets(text.strip().rstrip("。；;"), rules.separator):
        led = rules.lead_with.search(part)
        if led:  # 由市卫生健康委会同市医保局: the units so far and the one before 会同 lead
            lead += pending + list(_read_part(part[: led.start()], rules)[0])
            pending, part = [], part[led.end():]
        units, role = _read_part(part, rules) if len(part) <= _UNIT_LENGTH else _read_part.__wrapped__(part, rules)
        pending += units
        if role:
            (lead if role == "lead" else support).extend(pending)
            pending = []
    (lead if default == "lead" else support).extend(pending)
    return lead, support


@lru_cache(maxsize=1024)  # a plan names the same few units again and again
def _read_part(part: str, rules: CompiledResponsibilityRules) -> tuple[tuple[str, ...], Role | None]:
    """A part of a list of units: its units, and the role its role words give (None without)."""
    role_match = rules.role_suffix.search(part)
    unit = _clean_unit(part[: role_match.start()] if role_match else part, rules)
    return _joined_units(unit, rules), rules.role_word[_first_role_word(role_match.group(), rules)] if role_match else None


def _joined_units(unit: str, rules: CompiledResponsibilityRules) -> tuple[str, ...]:
    """Units joined by 和/及 (区经济发展局和县交通局) when each side ends like a body; one name else."""
    if not unit:
        return ()
    pieces = rules.joiner.split(unit)
    if len(pieces) < 2:
        return (unit,)  # most units: no joiner, and the name is clean already
    names = [_clean_unit(name, rules) for name in pieces]
    if all(name.endswith(rules.unit_endings) for name in names):
        return tuple(names)
    return (unit,)


def _first_role_word(words: str, rules: CompiledResponsibilityRules) -> str:
    # 牵头负责 leads: the first role word of a run decides (longest words are tried first).
    return next(word for word in rules.role_word if words.lstrip("（(〔【〈<").startswith(word))


def _clean_unit(text: str, rules: CompiledResponsibilityRules) -> str:
    for pattern in rules.strip:
        text = pattern.sub("", text)
    return text.strip()


def parse_annotation(content: str, rules: CompiledResponsibilityRules) -> tuple[list[str], list[str]] | None:
    """Lead and support of an annotation's text (without its brackets), or None if it is prose."""
    if not _may_annotate(content, rules):
        return None  # most brackets: a number, a year, a place (（一）, （2022—2025年）, （市、区）)
    for pattern in rules.drop:
        content = pattern.sub("", content)
    labels = list(rules.label.finditer(content))
    if labels and not content[: labels[0].start()].strip("，,；; "):
        lead: list[str] = []
        support: list[str] = []
        for label, following in zip(labels, labels[1:] + [None]):
            role = rules.label_role[label.group("word")]
            if role == "person":  # 责任领导：王副市长 names who answers for it, no unit
                continue
            # a label's units end with its sentence: …人民政府。以下均需…落实，不再列出
            text = content[label.end(): following.start() if following else len(content)].split(_SENTENCE_END)[0]
            found = parse_units(text, "lead" if role == "lead" else "support", rules)
            lead += found[0]
            support += found[1]
        return (lead, support) if lead or support else None
    return _parse_note(content, rules)


def _parse_note(content: str, rules: CompiledResponsibilityRules) -> tuple[list[str], list[str]] | None:
    """An unlabelled note: （生态环境部牵头，…参与）, （市住建局牵头，会同市自然资源局…）. Every unit must look like a body."""
    if not _may_annotate(content, rules):
        return None  # most clauses of a sentence that may hold a note
    sentence, names_with = _without_action(content.split(_SENTENCE_END)[0].strip(), rules)
    if not (names_with or rules.role_suffix.search(sentence)):
        return None
    lead, support = parse_units(sentence, "support", rules)
    units = lead + support
    if not units or not all(_looks_like_unit(unit, rules) for unit in units):
        return None
    return lead, support


def _may_annotate(content: str, rules: CompiledResponsibilityRules) -> bool:
    """Whether ``content`` holds a character every annotation holds one of (``_annotation_characters``)."""
    return rules.may_annotate is None or rules.may_annotate.search(content) is not None


def _without_action(sentence: str, rules: CompiledResponsibilityRules) -> tuple[str, bool]:
    """The sentence without the action the units after 会同 go on to (…会同市水利局制定实施细则, to its clause's
    end), and whether it names units working with a lead that way."""
    names_with = rules.names_with.search(sentence)
    if not names_with:
        return sentence, False
    action = rules.unit_action.search(sentence, names_with.end())
    if not action:
        return sentence, True
    if sentence.startswith("的", action.end()):  # 采用省国土厅会同省住建厅制定的调查表: what they made, no one's task
        return sentence, False
    rest = _CLAUSE_END.search(sentence, action.end())
    return sentence[: action.start()] + (sentence[rest.start():] if rest else ""), True


_CLAUSE_END = re.compile("[，,；;]")


# the most clauses one note spans (由A牵头，B、C配合，D参与 is three): a run of note-like clauses naming no lead
# is scanned again from each of its clauses, which a hostile sentence of thousands of them made quadratic
_NOTE_MAX_CLAUSES = 8


def sentence_notes(sentence: str, rules: CompiledResponsibilityRules, closing: bool = True) -> list[tuple[str, list[str], list[str]]]:
    """The notes of one sentence: runs of clauses that each read as a note (由区国土局牵头，区财政局等部门配合),
    naming who leads, that open the sentence, open a clause with 由 (…，由区教育局牵头，…), or close the
    sentence (加强教师队伍建设，市教育局牵头、市人社局配合); the action around them is no part of them. A sentence
    that is a note and nothing else needs no lead (市住建局负责，各区政府按职责分工落实: units and their roles alone)
    when it is ``closing`` what is said (not a heading's title: 强化部门协同 is a task)."""
    clauses = split_outside_brackets(sentence, rules.clause_separator)
    notes = []
    index = 0
    while index < len(clauses):
        opening = rules.opening.match(clauses[index])
        run = [clauses[index][opening.end():] if opening else clauses[index], *clauses[index + 1:index + _NOTE_MAX_CLAUSES]]
        length, taken = _note_run(run, rules)
        closes = index + length == len(clauses)
        parsed = _lead_note(taken, rules, whole=closing and index == 0 and closes) if index == 0 or opening or closes else None
        if parsed:
            notes.append(parsed)
        index += max(length, 1) if parsed else 1
    return notes


def _note_run(clauses: list[str], rules: CompiledResponsibilityRules) -> tuple[int, list[str]]:
    """The first clauses that read as notes: how many, and their texts. A first clause 由…牵头 followed
    at once by its action (由各县教育局牵头组建教育集团) is a note of its own, its action cut off."""
    taken = []
    for clause in clauses:
        if _parse_note(clause, rules) is None:
            head = rules.lead_then_action.match(clause) if not taken else None
            if head:
                taken.append(head.group())
            break
        note, _ = _without_action(clause, rules)
        taken.append(note)
        if note != clause:  # the units went on to their action: the note ends there
            break
    return len(taken), taken


def _lead_note(clauses: list[str], rules: CompiledResponsibilityRules, whole: bool) -> tuple[str, list[str], list[str]] | None:
    note = "，".join(clause.strip() for clause in clauses)
    parsed = _parse_note(note, rules) if clauses else None
    if not parsed or not (parsed[0] or whole):
        return None
    if not rules.names_lead.search(note) and all(rules.unnamed_units.match(unit) for unit in parsed[1]):
        return None  # 生态环境部会同有关部门组织评估: a body at its duty, no 由 nor 牵头, naming none to work with it
    return (note, *parsed)


def _looks_like_unit(unit: str, rules: CompiledResponsibilityRules) -> bool:
    name = _LAST_BRACKETS.sub("", unit)
    return (
        name.endswith(rules.unit_endings)
        and not any(word in name for word in rules.rules.not_in_unit)
        and _IDEOGRAPHS_AND_BRACKETS.fullmatch(unit) is not None
    )


def names_units(cell: str) -> bool:
    """Whether a table's cell names units and nothing else (市发改委、市工信局; 市教育局（牵头）), as a unit column's do."""
    rules = responsibility_rules()
    parts = [part.strip() for part in split_outside_brackets(cell.strip().rstrip("。；;"), rules.separator)]
    return any(parts) and all(_looks_like_unit(rules.role_suffix.sub("", part), rules) for part in parts if part)


def check_responsibility_rules(rules: CompiledResponsibilityRules) -> list[str]:
    """Every example and not_example of responsibilities.yaml; one line per failure."""
    failures = []
    for example in rules.rules.examples:
        found = parse_annotation(_inside_brackets(example.text), rules)
        if found != (example.lead, example.support):
            failures.append(f"responsibilities.yaml: example {example.text!r} gives {found}")
    for example in rules.rules.sentence_examples:
        note = next(iter(sentence_notes(example.text, rules)), None)
        if (note[1:] if note else None) != (example.lead, example.support):
            failures.append(f"responsibilities.yaml: sentence_example {example.text!r} gives {note}")
    for text in rules.rules.not_examples:
        if parse_annotation(_inside_brackets(text), rules) is not None:
            failures.append(f"responsibilities.yaml: not_example {text!r} is read as an annotation")
    return failures


def _inside_brackets(text: str) -> str:
    spans = bracket_groups(text)
    return text[1:-1] if spans == [(0, len(text))] else text


# --- finding annotations in the text ---------------------------------------


@dataclass
class Annotation:
    block: Block
    text: str
    lead: list[str]
    support: list[str]
    standalone: bool
    in_sentence: bool = False  # a sentence's opening clauses (由…牵头，…配合，…), not a note set apart


def bracket_groups(text: str) -> list[tuple[int, int]]:
    """Spans of the outermost bracketed groups, brackets included."""
    return _groups(_bracket_depths(text))


def _groups(walk: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans, start, before = [], 0, 0
    for index, depth in walk:
        if before == 0 < depth:
            start = index
        elif depth == 0 < before:
            spans.append((start, index + 1))
        before = depth
    return spans


def _open_depth(text: str, depth: int = 0) -> int:
    """How many brackets are still open at the end of ``text``, with ``depth`` open at its start."""
    walk = _bracket_depths(text, depth)
    return walk[-1][1] if walk else depth


def _bracket_annotations(block: Block, text: str, walk: list[tuple[int, int]], rules: CompiledResponsibilityRules) -> list[Annotation]:
    """The annotations in brackets and the labelled sentence closing ``text`` (``walk``: its ``_bracket_depths``)."""
    found = []
    for start, end in _groups(walk):
        parsed = parse_annotation(text[start + 1: end - 1], rules)
        if parsed:
            found.append(Annotation(block, text[start:end], *parsed, standalone=(start, end) == (0, len(text))))
    if rules.may_hold_note.search(text):
        found = _sentence_notes(block, text, rules) + found
    return found + _closing_label(block, text, walk, rules)


def _sentence_notes(block: Block, text: str, rules: CompiledResponsibilityRules) -> list[Annotation]:
    """Notes in the sentences of a paragraph (…调研。由区国土局牵头，区财政局配合，对…), a heading's title
    read without its marker."""
    start = block.title_start - (len(block.paragraph.text) - len(block.paragraph.text.lstrip())) if block.heading else 0
    found: list[Annotation] = []
    for place, sentence in enumerate(split_outside_brackets(text[max(start, 0):], _SENTENCE_CUT)):
        if not rules.may_hold_note.search(sentence):
            continue
        for note in sentence_notes(sentence, rules, closing=place > 0 or block.heading is None):
            # in a paragraph after the items, not an item's own, it speaks for the items' section as a note line would
            found.append(Annotation(block, *note, standalone=block.heading is None, in_sentence=True))
    return found


def _closing_label(block: Block, text: str, walk: list[tuple[int, int]], rules: CompiledResponsibilityRules) -> list[Annotation]:
    """A labelled sentence that ends an item's paragraph: …给予资助。责任单位：市委组织部、市科技局。 Its labels
    may be parted by ；: …能力。责任单位：县卫健局；配合单位：县财政局；完成时限：2024年底。"""
    body = text.rstrip("。 ")
    stop = body.rfind("。")
    # the last sentence, then the last of its parts parted by ；, when it has such parts (most: none, read once)
    for cut in dict.fromkeys((stop, max(stop, body.rfind("；")))):
        if cut < 0 or next((depth for index, depth in reversed(walk) if index < cut), 0):  # a bracket open there
            continue
        last = body[cut + 1:].strip()
        parsed = parse_annotation(last, rules) if rules.label.match(last) else None
        if parsed:
            return [Annotation(block, last, *parsed, standalone=False)]
    return []


def _label_line(block: Block, rules: CompiledResponsibilityRules) -> str | None:
    """The label opening a paragraph (责任单位：…), if one does."""
    match = rules.label.match(block.paragraph.text.strip())
    return match.group("word") if match else None


def _bracketed(blocks: list[Block], index: int, rules: CompiledResponsibilityRules) -> tuple[list[Annotation], int]:
    """Bracketed annotations in one paragraph. A bracket left open at its end runs
    on into the next paragraph (a PDF line ending in 〔责任单位： ends one there)."""
    block, texts = blocks[index], [blocks[index].paragraph.text.strip()]
    walk = _bracket_depths(texts[0])
    depth = walk[-1][1] if walk else 0
    while depth and index + 1 < len(blocks) and blocks[index + 1].heading is None:
        index += 1
        texts.append(blocks[index].paragraph.text.strip())
        depth = _open_depth(texts[-1], depth)  # only the new paragraph is read: linear however long the run
    text = "".join(texts)
    return _bracket_annotations(block, text, _bracket_depths(text) if len(texts) > 1 else walk, rules), index + 1


def _labelled(blocks: list[Block], index: int, rules: CompiledResponsibilityRules) -> tuple[list[Annotation], int]:
    """Paragraphs opening with labels (分工： / 牵头部门：… / 责任部门：…), read as one annotation."""
    block = blocks[index]
    seen, texts = set(), []
    while index < len(blocks) and blocks[index].heading is None:
        label = _label_line(blocks[index], rules)
        if label is None or label in seen:
            break
        seen.add(label)
        texts.append(blocks[index].paragraph.text.strip())
        index += 1
    parsed = parse_annotation("".join(texts), rules)
    return ([Annotation(block, "\n".join(texts), *parsed, standalone=True)] if parsed else []), index


def find_annotations(outline: Outline) -> list[Annotation]:
    """Every annotation, in document order, with the paragraph it stands in."""
    rules = responsibility_rules()
    blocks = [block for block in outline.blocks if not block.paragraph.in_table]
    annotations: list[Annotation] = []
    index = 0
    while index < len(blocks):
        labelled = blocks[index].heading is None and _label_line(blocks[index], rules) is not None
        found, index = (_labelled if labelled else _bracketed)(blocks, index, rules)
        annotations += found
    return annotations


def _closed_section(annotation: Annotation, annotated: Counter[int], top: list[Section]) -> Section | None:
    """The section an annotation closes.

    An annotation inside an item's text closes that item. One standing on its
    own after the last item of a section, when no sibling item has one of its
    own, closes the whole section (…4. 加强师资 / 责任单位：… / （二）…); after
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


def _has_noted_sibling(section: Section, siblings: list[Section], annotated: Counter[int]) -> bool:
    return any(annotated[id(sibling)] for sibling in siblings if sibling is not section)


def _annotated_sections(annotations: list[Annotation]) -> Counter[int]:
    """How many annotations stand under each section, by identity (``==`` would compare whole subtrees)."""
    return Counter(id(section) for annotation in annotations for section in annotation.block.trail)


# --- the 分工表 ------------------------------------------------------------


_HEADER_NOTE = patterns.compile(r"[（(][^（）()]*[）)]|\s")


def _columns(header: list[str], names: list[str]) -> list[int]:
    """The columns whose header cell, without its note in brackets (牵头单位（部门）), is one of ``names``."""
    return [index for index, cell in enumerate(header) if _HEADER_NOTE.sub("", cell) in names]


def _action_column(table: TableData, unit_columns: list[int], rules: CompiledResponsibilityRules) -> int | None:
    """The column naming the row's action: the nearest one left of the units whose header names a task
    (重点任务 | 具体措施 | 牵头单位: 具体措施), else one anywhere (序号 | 牵头部门 | 工作任务 | 配合部门), else
    the nearest column left of the units that holds words, else the nearest right of them
    (序号 | 牵头单位 | 配合单位 | 主要工作: the row's number is no action)."""
    named = [column for column in _columns(table.header, rules.rules.table.action_headers) if column not in unit_columns]
    left = [column for column in named if column < min(unit_columns)]
    if left or named:
        return (left or named)[-1 if left else 0]
    never = set(unit_columns) | set(_columns(table.header, rules.rules.table.not_action_headers))
    nearest = [*range(min(unit_columns) - 1, -1, -1), *range(min(unit_columns) + 1, len(table.header))]
    return next((column for column in nearest if column not in never and _holds_words(table, column)), None)


def _holds_words(table: TableData, column: int) -> bool:
    return any(_WORD.search(row[column]) for row in table.rows if column < len(row))


_WORD = patterns.compile(r"[^\P{Han}一二三四五六七八九十〇零]")  # a row number 一, 二 is no word


def task_column(table: TableData) -> int | None:
    """The column of a 分工表 that names each row's task; None for a table with no lead or support column."""
    rules = responsibility_rules()
    units = [columns[0] for names in (rules.rules.table.lead_headers, rules.rules.table.support_headers)
             if (columns := _columns(table.header, names))]
    return _action_column(table, units, rules) if units else None


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


def table_responsibilities(table: TableData, titles: SectionTitles) -> list[Responsibility]:
    """Rows of a 分工表: the action column stands left of the unit columns."""
    rules = responsibility_rules()
    lead_column = next(iter(_columns(table.header, rules.rules.table.lead_headers)), None)
    support_column = next(iter(_columns(table.header, rules.rules.table.support_headers)), None)
    unit_columns = [column for column in (lead_column, support_column) if column is not None]
    action_column = _action_column(table, unit_columns, rules) if unit_columns else None
    if action_column is None:
        return []
    # 责任单位（排在第一位的为牵头单位）: the first unit of each row leads
    first_leads = support_column is not None and lead_column is None and rules.first_leads.search(table.header[support_column])
    found = []
    for row in table.rows:
        action = row[action_column].strip().rstrip("。；;")
        if not action:
            continue
        lead, support = [], []
        for column, role in ((lead_column, "lead"), (support_column, "support")):
            if column is not None:
                units = _cell_units(row[column], role, rules)
                lead, support = lead + units[0], support + units[1]
        if first_leads and support and not lead:
            lead, support = support[:1], support[1:]
        # the cells left of the action that name no unit: a unit is no section's title (…（一）市民政局 / 1.…)
        named_cells = [cell for column, cell in enumerate(row[:action_column]) if column not in unit_columns]
        section = _section_titled(action, titles) or _section_of_row(named_cells, titles)
        found.append(Responsibility(
            heading=action, section=section.id if section else None, source="table",
            lead=lead, support=support, text="\t".join(row), line=table.line, page=table.page,
        ))
    return found


def _cell_units(cell: str, role: Role, rules: CompiledResponsibilityRules) -> tuple[list[str], list[str]]:
    """The units of a table's unit cell, ``role`` theirs unless its role words or labels say otherwise
    (牵头：市体育局 配合：市自然资源局; 市教育局（牵头）、市财政局)."""
    text = rules.space_between_units.sub("、", cell.strip())
    labelled = parse_annotation(text, rules) if rules.label.search(text) else None
    if labelled:
        return labelled
    return parse_units(text, role, rules)


_PUNCTUATION_AND_SPACE = patterns.compile(r"[\s\p{P}]")


def _squash(text: str) -> str:
    return _PUNCTUATION_AND_SPACE.sub("", text)


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
    annotations = find_annotations(outline)
    annotated = _annotated_sections(annotations)
    closed = [(annotation, _closed_section(annotation, annotated, outline.sections)) for annotation in annotations]
    # A section's own note (〔责任单位：…〕) says who is responsible for it over a sentence of its text.
    noted = {id(section) for annotation, section in closed if not annotation.in_sentence}
    found: list[Responsibility] = []
    for annotation, section in closed:
        if section is None or (annotation.in_sentence and id(section) in noted):
            continue
        paragraph: Paragraph = annotation.block.paragraph
        found.append(Responsibility(
            heading=section.title, section=section.id, source="inline", lead=annotation.lead,
            support=annotation.support, text=annotation.text, line=paragraph.line, page=paragraph.page,
        ))
    titles = SectionTitles(outline.sections)  # once per document, not per table
    for table in tables:
        found += table_responsibilities(table, titles)
    return found
