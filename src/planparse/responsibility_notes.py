"""Reading who is responsible in a text: a responsibility note (（市教育局牵头）, 责任单位：…, 由市住建局牵头，…配合),
a list of units and their roles, whether a table's cell names units; brackets and what they enclose.

The knowledge (``rules/responsibilities.yaml``) and the reading of one text, below the stages that need them:
normalising (a note closes a paragraph a lost line break joined to the next), structure (a title's closing note,
a table's column of units) and the responsibilities stage, which finds the notes of a document and attaches them.
Unit names are kept as written, split outside brackets so that ``各县（市、区）政府`` stays one unit.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

import regex

from . import patterns
from .models import FOR_CHECKS, Model
from .required_chars import required_clauses
from .rules import compile_pattern, load_rule_file, rules_cache

Role = Literal["lead", "support"]
_OPENERS, _CLOSERS = "（(〔【[", "）)〕】]"
# Depth changes only at brackets: a regex finds them, so a long text costs one scan in C (Python's re:
# the regex module scans for a set of characters at a third of its speed).
_BRACKET = patterns.compile_python(f"[{re.escape(_OPENERS + _CLOSERS)}]")
_SENTENCE_END = "。"
_SENTENCE_MARKS = "。；;"  # where a sentence (or a clause of a list of tasks) ends
SENTENCE_CUT = patterns.compile(f"[{_SENTENCE_MARKS}]")
_UNIT_LENGTH = 100  # characters: a unit's name is shorter; a longer part is read without keeping it
_LAST_BRACKETS = patterns.compile(r"[（(][^）)]*[）)]$")
# 各县（市、区）教育局; a service's number inside a body's name (市12345热线中心, 市公安局110指挥中心), never a year; a group
# of units counted in digits as in words (8个区直单位 as 八个区直单位)
_IDEOGRAPHS_AND_BRACKETS = patterns.compile(r"(?:\d{1,2}个(?=\p{Han}))?(?:\p{Han}|\d{3,6}(?![\d年月日])(?=\p{Han})|[（(][\p{Han}、]*[）)])+")


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


class ListedDuty(Model):
    """A duty as a rule file's example lists it: its work and its units by role."""

    work: str
    lead: list[str]
    support: list[str]


class Duty(ListedDuty):
    """A duty a sentence states (``duties``), with its words there: its units and its work."""

    text: str

    def listed(self) -> ListedDuty:
        return ListedDuty(work=self.work, lead=self.lead, support=self.support)


class DutyExample(Model):
    text: str
    duties: list[ListedDuty]


class TableHeaders(Model):
    lead_headers: list[str]
    support_headers: list[str]
    action_headers: list[str] = []
    not_action_headers: list[str] = []


class ResponsibilityRules(Model):
    labels: list[Label]
    role_words: list[RoleWord]
    separators: str
    strip: list[str]
    drop: list[str]
    unit_endings: list[str]
    division_endings: list[str] = []
    not_in_unit: list[str]
    joiners: list[str] = []
    support_opener: str = "(?!)"
    unit_actions: list[str] = []
    unnamed_units: str = "(?!)"
    local_bodies: str = "(?!)"
    examples: Annotated[list[AnnotationExample], FOR_CHECKS]
    not_examples: Annotated[list[str], FOR_CHECKS] = []
    office_endings: list[str] = []
    bare_note_examples: Annotated[list[AnnotationExample], FOR_CHECKS] = []
    bare_note_not_examples: Annotated[list[str], FOR_CHECKS] = []
    clause_openers: list[str] = []
    clause_subject: str = "(?!)"
    clause_separators: str = "[，,]"
    sentence_examples: Annotated[list[AnnotationExample], FOR_CHECKS] = []
    leads_beside_helpers: list[str] = []
    first_leads: str = "(?!)"
    helper_words: list[str] = []
    persons_named: str = "(?!)"
    duty_section: str = "(?!)"
    duty_words: list[str] = []
    duty_examples: Annotated[list[DutyExample], FOR_CHECKS] = []
    duty_not_examples: Annotated[list[str], FOR_CHECKS] = []
    table: TableHeaders


_LABEL_COLONS, _LABEL_CLOSE = "：:", "】"  # what closes a label: its colon, or the lenticular bracket it stands in


def _units_and_their_role(roles: str, path: Path, field: str) -> regex.Pattern:
    """Units alone and one of the words ``roles`` opening a clause, its action or nothing after it (group ``role``): not a
    word of a degree or a kind (配合度, 协调性)."""
    return compile_pattern(f"\\s*(?P<units>[^，,。；;：:]{{2,60}}?)(?P<role>{roles})(?=\\p{{Han}}|[，,；;]|$)(?!度|性)", path, field)


class CompiledResponsibilityRules:
    def __init__(self, rules: ResponsibilityRules, path: Path):
        self.rules = rules
        self.unit_endings = tuple(rules.unit_endings)  # a name's ending tried in one call, built once
        self.role_unit_endings = (*rules.unit_endings, *rules.division_endings)  # where a role word names the unit's role
        self.office_endings = tuple(rules.office_endings)
        words = sorted((label.word for label in rules.labels), key=len, reverse=True)
        self.label_role = {label.word: label.role for label in rules.labels}
        self.leads_beside_helpers = frozenset(rules.leads_beside_helpers)
        self.helper_words = tuple(rules.helper_words)
        # a label closes with a colon (责任单位：…) or stands in lenticular brackets, a colon after them or none
        # (【牵头单位】市生态环境局【配合单位】…): the word is group ``word``
        self.label = compile_pattern(f"(?P<open>【\\s*)?(?P<word>{'|'.join(map(regex.escape, words))})"
                                     f"(?(open)\\s*{_LABEL_CLOSE}\\s*[{_LABEL_COLONS}]?|\\s*[{_LABEL_COLONS}])", path, "labels")
        # a label opening a sentence or a clause of one (…。责任单位：…, …科普活动，牵头单位：…), or run into a field naming
        # no unit before it with no mark between, as a note's lines joined have it (链长：陈善光（区党工委书记）牵头单位：…,
        # 责任领导：王强（副区长）牵头单位：…: a copy with its line breaks lost or lines a wrap joined): a label opens its field
        # wherever it stands; a field of units reads on to the next label (牵头单位：区经发局配合单位：…)
        naming_units = "|".join(map(regex.escape, (label.word for label in rules.labels if label.role != "person")))
        field = f"(?<!(?:{naming_units})\\s*)[{_LABEL_COLONS}](?:[^。，,；;：:（(）)]|[（(][^（(）)]*[）)])+?"
        self.clause_label = compile_pattern(f"(?:[。，,；;]\\s*|{field})(?={self.label.pattern})", path, "labels")
        # what every label holds (``label``): its colon, or the 】 closing it; a text without any holds no label
        self.label_mark = patterns.compile_python(f"[{_LABEL_COLONS}{_LABEL_CLOSE}]")
        roles = sorted(rules.role_words, key=lambda role: len(role.word), reverse=True)
        self.role_word = {role.word: role.role for role in roles}  # longest first
        # role words closing a part, or in brackets after its unit: 市发展改革委（牵头）
        words = patterns.any_word(role.word for role in roles)  # none (a user's file may empty the list) match nowhere
        self.role_suffix = compile_pattern(f"{words}+$|[（(〔【〈<]{words}+[）)〕】〉>]$", path, "role_words")
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
        self.local_bodies = compile_pattern(rules.local_bodies, path, "local_bodies")
        # the opening of a clause before who leads it: 由…, 身份认定工作由…
        self.opening = compile_pattern(f"\\s*(?:{rules.clause_subject})?(?={openers})", path, "clause_subject")
        # who leads, then at once the action: 由各县教育局牵头组建教育集团
        self.lead_then_action = compile_pattern(f"^\\s*(?:{openers}).+?(?:{leads})(?=\\p{{Han}})", path, "clause_openers")
        self.first_leads = compile_pattern(rules.first_leads, path, "first_leads")
        self.persons_named = compile_pattern(rules.persons_named, path, "persons_named")
        self.duty_section = compile_pattern(rules.duty_section, path, "duty_section")
        duty_words = "|".join(map(regex.escape, rules.duty_words)) or "(?!)"
        # units alone, then the word of their duty or a colon, and the work: 县卫健局、县市场监管局负责学校食品安全监督检查;
        # 教育部门：组织、指导和督促…
        self.duty_opening = compile_pattern(f"\\s*(?P<units>[^，,。；;：:]{{2,60}}?)(?:(?P<word>{duty_words})(?=\\p{{Han}})|(?P<colon>[：:]))",
                                            path, "duty_words")
        # units alone and a helper's word opening a clause, its action or nothing after it: …牵头实施，区数字办配合制定技术方案
        helpers = "|".join(map(regex.escape, rules.helper_words)) or "(?!)"
        self.helper_opening = _units_and_their_role(helpers, path, "helper_words")
        # units alone and any role word opening a clause of a note, its action or nothing after it (…，县财政局配合落实资金;
        # …，各乡镇人民政府具体负责组织实施; …，各景区落实主体责任): where the note's units end
        self.role_opening = _units_and_their_role(words, path, "role_words")
        # a table cell's units one a line (Word) come with spaces between them: 市体育局 市教育局
        self.space_between_units = compile_pattern(f"(?<=\\p{{Han}}(?:{endings}))\\s+(?=\\p{{Han}})", path, "unit_endings")
        # in a line of text, only a space between two whole units of a labelled note parts them (责任单位：县教育局 县公安局）:
        # a masthead's or a signature's bodies stay as they are); the endings' last characters gate it (normalize)
        labelled = f"(?:{'|'.join(map(regex.escape, sorted(self.label_role, key=len, reverse=True)))})\\s*[{_LABEL_COLONS}】][^。！？!?；;\\n]{{0,80}}?"
        self.units_parted_by_space = compile_pattern(
            f"(?<={labelled}\\p{{Han}}{{2}}(?:{endings}))\\s+(?=\\p{{Han}}{{1,15}}?(?:{endings})(?:[\\s、，,；;）)〕】。]|$))", path, "unit_endings")
        self.unit_last_characters = frozenset(ending[-1] for ending in rules.unit_endings)


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


def split_outside_brackets(text: str, separator: regex.Pattern) -> list[str]:
    """Split on separators (characters that match ``separator``) at bracket depth 0: 各县（市、区）政府 stays whole.

    Only the places of the separators are visited (testing every character cost as much as the rest of
    reading the units)."""
    cuts = _separator_places(text, separator)
    if not cuts:
        return [text]
    walk = bracket_depths(text)
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
    """Units of one labelled list, with role words deciding lead or support (``_units_by_role``), where no label has named
    the leads: units a word of who answers for the work claims lead beside helpers (县教育局负责，县公安局配合), as 责任单位
    beside 配合单位 (``roles_beside_helpers``)."""
    lead, support, answering = _units_by_role(text, default, rules)
    if answering:
        return answering, [unit for unit in support if unit not in answering]
    return lead, support


def _units_by_role(text: str, default: Role, rules: CompiledResponsibilityRules) -> tuple[list[str], list[str], list[str]]:
    """Units of one labelled list, with role words deciding lead or support, and the units a word of who answers for the
    work claims where a helper's word claims others and no role word names a lead (县教育局负责，县公安局配合: 县教育局).

    A role word closes a run of units: in ``市教育局，市科协牵头，市工信局等参加``
    the first two lead and the third supports. Units no role word claims
    take the label's role; under a label of leads a role word of the helpers' side claims the units of its clause, in the
    label's first clause only a helper's word (``_role_under_leads``).
    """
    lead: list[str] = []
    support: list[str] = []
    pending: list[str] = []
    answering: list[str] = []  # units a word of who answers for the work claims (县教育局负责): they lead beside helpers
    helped = False  # a helper's role word claims units (…，县公安局配合)
    listed = text.strip().rstrip("。；;")
    at = 0  # where the part starts in ``listed``
    clause_from = 0  # the first of ``pending`` in the part's clause: under leads, its role word claims those (…，县财政局、各乡镇配合)
    first_clause = True
    for part in split_outside_brackets(listed, rules.separator):
        if at and _CLAUSE_END.match(listed, at - 1):
            clause_from, first_clause = len(pending), False
        at += len(part) + 1
        led = rules.lead_with.search(part, None, None, patterns.NOT_CONCURRENT)
        if led:  # 由市卫生健康委会同市医保局: the units so far and the one before 会同 lead
            lead += pending + list(_read_part(part[: led.start()], rules)[0])
            pending, part, clause_from = [], part[led.end():], 0
        units, word = _read_part(part, rules) if len(part) <= _UNIT_LENGTH else _read_part.__wrapped__(part, rules)
        role = rules.role_word[word] if word else None
        if role == "support" and default == "lead":
            # a later clause's units help (…，县财政局配合，各乡镇具体落实); the label's first clause names one lead at least
            # (牵头单位：县教育局、县财政局配合), the clauses before lead
            role = _role_under_leads(part, rules) if first_clause else role
            cut = len(pending) if first_clause else clause_from
            if role:
                lead += pending[:cut]
                pending = pending[cut:]
        pending += units
        if role:
            (lead if role == "lead" else support).extend(pending)
            answering += pending if word in rules.leads_beside_helpers else []
            helped = helped or any(helper in word for helper in rules.helper_words)
            pending, clause_from = [], 0
    (lead if default == "lead" else support).extend(pending)
    return lead, support, answering if helped and not lead else []


def _role_under_leads(part: str, rules: CompiledResponsibilityRules) -> Role | None:
    """The role a part's role word of the helpers' side gives under a label of leads, the label having said who leads: a
    helper's word (``helper_words``) claims the part's units alone (牵头单位：县教育局，县财政局配合: 县教育局 leads);
    a word of who answers for the work claims none, so every unit leads (牵头单位：县水利局、县农业农村局按职责分工负责)."""
    return "support" if _names_helpers(part, rules) else None


@lru_cache(maxsize=1024)  # a plan names the same few units again and again
def _read_part(part: str, rules: CompiledResponsibilityRules) -> tuple[tuple[str, ...], str | None]:
    """A part of a list of units: its units, and the role word that gives their role (None without)."""
    role_match = rules.role_suffix.search(part)
    unit = _clean_unit(part[: role_match.start()] if role_match else part, rules)
    return _joined_units(unit, rules), _first_role_word(role_match.group(), rules) if role_match else None


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
        text = pattern.sub("", text, 0, None, None, patterns.NOT_CONCURRENT)
    return text.strip()


def parse_annotation(content: str, rules: CompiledResponsibilityRules, first_leads: bool = False) -> tuple[list[str], list[str]] | None:
    """Lead and support of an annotation's text (without its brackets), or None if it is prose. ``first_leads``: the plan
    has said once that the unit named first leads (注：各项任务中排在第一位的单位为牵头单位). A clause of the note's own saying
    so (…，排在第一位的为牵头单位) names no unit. Either way the first unit leads where no role word names a lead, unless a
    word of the note names its units helpers (``helper_words``: 配合单位：…, …配合)."""
    if not _may_annotate(content, rules):
        return None  # most brackets: a number, a year, a place (（一）, （2022—2025年）, （市、区）)
    said = rules.first_leads.search(content, None, None, patterns.NOT_CONCURRENT)
    if said is not None:
        content = content[: said.start()].rstrip("，,；; ") + content[said.end():]
    found = _read_annotation(content, rules, roled=said is not None)
    if (said or first_leads) and found and not found[0] and found[1] and not _names_helpers(content, rules):
        return found[1][:1], found[1][1:]
    return found


def _names_helpers(content: str, rules: CompiledResponsibilityRules) -> bool:
    """Whether the note's first clause, which names the unit a plan's "first unit leads" speaks of (or a part of a list under
    a label of leads: ``_role_under_leads``), names its units helpers: its label (配合单位：…) or the role word closing it
    (县财政局、县人社局配合) holds one of ``helper_words``.
    责任单位： and …负责 say who answers for the task; a later clause's helpers (县民政局、县卫健局，各乡镇配合) are others."""
    first = split_outside_brackets(content, _CLAUSE_END)[0].strip()
    label, role = rules.label.match(first), rules.role_suffix.search(first)
    words = ([label.group("word")] if label else []) + ([role.group()] if role else [])
    return any(helper in word for word in words for helper in rules.helper_words)


def _read_annotation(content: str, rules: CompiledResponsibilityRules, roled: bool = False) -> tuple[list[str], list[str]] | None:
    """``parse_annotation``'s reading; ``roled``: the note said who leads in words of its own, so units alone are a note."""
    for pattern in rules.drop:
        content = pattern.sub("", content, 0, None, None, patterns.NOT_CONCURRENT)
    labels = list(rules.label.finditer(content, None, None, False, patterns.NOT_CONCURRENT))
    if labels and not content[: labels[0].start()].strip("，,；; "):
        lead: list[str] = []
        support: list[str] = []
        words = [label.group("word") for label in labels]
        own_roles = [rules.label_role[word] for word in words]
        roles = roles_beside_helpers(words, own_roles, rules)
        for label, following, role in zip(labels, labels[1:] + [None], roles):
            if role == "person":  # 责任领导：王副市长 names who answers for it, no unit
                continue
            # a label's units end with its sentence: …人民政府。以下均需…落实，不再列出
            text = _label_without_units_actions(content[label.end(): following.start() if following else len(content)].split(_SENTENCE_END)[0], rules)
            found = units_under_word(label.group("word"), role, text, rules)
            lead += found[0]
            support += found[1]
        return (lead, support) if lead or support else None
    opening = rules.opening.match(content)  # 此项工作由县民政局牵头…: the work named before who leads it is no unit
    return _parse_note(content[opening.end():] if opening else content, rules, roled)


def units_under_word(word: str, role: str, text: str, rules: CompiledResponsibilityRules) -> tuple[list[str], list[str]]:
    """The leads and the helpers ``text`` names under a note's label or a 分工表's column word ``word`` of ``role``: under a
    word of the leads, or of who answers for the work beside helpers of its own, the leads (``leading_units``); under
    any other, helpers unless role words in ``text`` say otherwise (``parse_units``)."""
    leads = role == "lead" or answers_beside_its_helpers(word, text, rules)
    return leading_units(text, rules) if leads else parse_units(text, "support", rules)


def answers_beside_its_helpers(word: str, text: str, rules: CompiledResponsibilityRules) -> bool:
    """Whether a label of who answers for the work (``leads_beside_helpers``: 责任单位) names its helpers in a later clause
    of its own, its first clause naming none (责任单位：县农业农村局，县财政局配合): the first clause's units lead, as they
    do beside a label of helpers (责任单位：县农业农村局，配合单位：县财政局; ``roles_beside_helpers``)."""
    if word not in rules.leads_beside_helpers:
        return False
    later = split_outside_brackets(text, _CLAUSE_END)[1:]
    return any(_names_helpers(clause, rules) for clause in later) and not _names_helpers(text, rules)


def roles_beside_helpers(words: list[str], roles: list[str], rules: CompiledResponsibilityRules) -> list[str]:
    """The roles of a note's labels or a 分工表's unit columns (``words``, each of role ``roles``): a word of
    ``leads_beside_helpers`` (责任单位), which alone names every unit of it a helper, names the leads where no word names
    them and another names the helpers (责任单位：县农业农村局，配合单位：县卫健局)."""
    helped = "lead" not in roles and any(role == "support" and word not in rules.leads_beside_helpers for word, role in zip(words, roles))
    return ["lead" if helped and word in rules.leads_beside_helpers else role for word, role in zip(words, roles)]


def leading_units(text: str, rules: CompiledResponsibilityRules) -> tuple[list[str], list[str]]:
    """The units of a label or a column that names the leads (牵头单位, or a 责任单位 beside helpers: ``roles_beside_helpers``):
    all of them lead, unless one is marked the lead itself (责任单位：县交通运输局（牵头）、县财政局，配合单位：…; 牵头单位：
    县教育局（牵头）、县人社局), when the others help; a word of who answers for the work names no lead among them."""
    lead, support, _ = _units_by_role(text, "support", rules)
    if lead:
        return lead, support
    # the list is the label's: local bodies closing it (牵头单位：县水利局，各乡镇人民政府) lead too, unlike a note's (``_note_units``)
    return parse_units(text, "lead", rules)


def _before_local_bodies(text: str, rules: CompiledResponsibilityRules) -> str:
    """``text`` without the clauses of local bodies alone, no role word, that close it after a clause of others (…，各学校;
    …，各乡镇、各村: ``local_bodies``): they carry the work out where it is done, helping those named before them, and need
    no role word to say so; the text whole where none close it or nothing comes before them."""
    clauses = split_outside_brackets(text, _CLAUSE_END)
    kept = len(clauses)
    while kept > 1 and _names_local_bodies_alone(clauses[kept - 1], rules):
        kept -= 1
    return text[: sum(len(clause) + 1 for clause in clauses[:kept]) - 1] if kept < len(clauses) else text


def _parse_note(content: str, rules: CompiledResponsibilityRules, roled: bool = False) -> tuple[list[str], list[str]] | None:
    """An unlabelled note: （生态环境部牵头，…参与）, （市住建局牵头，会同市自然资源局…）. Every unit must look like a body.
    ``roled``: the note said who leads in words of its own (``first_leads``), so it needs no role word."""
    if not (roled or _may_annotate(content, rules)):
        return None  # most clauses of a sentence that may hold a note
    sentence, names_with = _without_action(content.split(_SENTENCE_END)[0].strip(), rules)
    found = _note_units(sentence, names_with or roled, rules)
    if found is None:
        without = _note_without_units_actions(sentence, rules)
        found = _note_units(without, names_with or roled, rules) if without != sentence else None
    return found


def _names_local_bodies_alone(clause: str, rules: CompiledResponsibilityRules) -> bool:
    """Whether ``clause`` names local bodies (``local_bodies``) and no role word (…，各片区管理局按职责分工负责 has its own)."""
    if rules.role_opening.match(clause) or rules.role_suffix.search(clause):
        return False
    return all(rules.local_bodies.match(unit.strip()) for unit in split_outside_brackets(clause, rules.separator))


def _note_units(sentence: str, roled: bool, rules: CompiledResponsibilityRules) -> tuple[list[str], list[str]] | None:
    """Lead and support of a note's sentence, its actions cut off, when a role word closes it (or ``roled``) and every
    unit looks like a body."""
    if not (roled or rules.role_suffix.search(_before_local_bodies(sentence, rules), None, None, patterns.NOT_CONCURRENT)):
        return None
    lead, support = parse_units(sentence, "support", rules)
    units = lead + support
    if not units or not all(_looks_like_unit(unit, rules, rules.role_unit_endings) for unit in units):
        return None
    return lead, support


def _label_without_units_actions(text: str, rules: CompiledResponsibilityRules) -> str:
    """A label's text without the action the units of each clause go on to after their role word (县财政局配合落实资金:
    县财政局配合; 各乡镇人民政府具体负责组织实施: …负责; 配合单位：县医保局、县财政局协助做好资金保障: …协助), as a sentence's note
    is cut (``_note_run``). A label's units need not be bodies: those before a helper's word are cut so (物业企业配合做好宣传),
    but a unit that names no body before another role word is a name holding it, whole (业务指导科, a bureau's division)."""
    kept = (_label_clause_without_action(clause, rules) for clause in split_outside_brackets(text, _CLAUSE_END))
    return "，".join(clause for clause in kept if clause is not None)


def _label_clause_without_action(clause: str, rules: CompiledResponsibilityRules) -> str | None:
    """A clause of a label cut after the role word its units open it with (县财政局配合落实资金: 县财政局配合), whole where it
    opens with none or one of its units is no body before a word other than a helper's; None where it names no unit."""
    acting = _units_acting(clause, rules)
    if acting is None:
        return clause
    opening, units, bodies = acting
    if len(bodies) < len(units) and not opening.group("role").startswith(rules.helper_words):
        return clause
    return _cut_after_the_role(units, opening)


def _note_without_units_actions(sentence: str, rules: CompiledResponsibilityRules) -> str:
    """A note with no label without the action the units of each clause after its first, which names the lead, go on to
    after their role word, as a label's are (``_label_without_units_actions``). A note's units must all be bodies: only
    those stay, and a clause of none goes, so that the note keeps the lead it names (县教育局牵头，学生家长配合做好宣传:
    县教育局 leads; 县住建局牵头，县城管局配合，各物业服务企业落实: 县城管局 helps)."""
    naming_the_lead, *clauses = split_outside_brackets(sentence, _CLAUSE_END)
    kept = (_note_clause_without_action(clause, rules) for clause in clauses)
    return "，".join([naming_the_lead, *(clause for clause in kept if clause is not None)])


def _note_clause_without_action(clause: str, rules: CompiledResponsibilityRules) -> str | None:
    """A clause of a note after its first cut after the role word its units open it with, those units that are bodies
    alone kept (县城管局配合做好宣传: 县城管局配合); whole where it opens with none; None where none of its units is a body."""
    acting = _units_acting(clause, rules)
    if acting is None:
        return clause
    opening, _, bodies = acting
    return _cut_after_the_role(bodies, opening)


def _cut_after_the_role(units: list[str], opening: regex.Match) -> str | None:
    """``units`` and the role word after them that ``opening`` matched, the action after it cut off; None for no units."""
    return "、".join(units) + opening.group("role") if units else None


def _units_acting(clause: str, rules: CompiledResponsibilityRules) -> tuple[regex.Match, list[str], list[str]] | None:
    """The role word that opens ``clause`` after its units, those units and the ones of them that are bodies; None where
    no role word opens it so, or where the clause is a body's name holding a role word (县科技协同创新中心)."""
    opening = rules.role_opening.match(clause, None, None, patterns.NOT_CONCURRENT)
    if not opening or _looks_like_unit(_clean_unit(clause, rules), rules, rules.role_unit_endings):
        return None
    units = sum(parse_units(opening.group("units"), "support", rules), [])
    return opening, units, [unit for unit in units if _looks_like_unit(unit, rules, rules.role_unit_endings)]


def parse_bare_note(text: str, start: int, end: int, rules: CompiledResponsibilityRules) -> list[str] | None:
    """The units of a bracket ``text[start:end]`` holding units alone, no label nor role word, that closes ``text`` or a
    sentence of it (…专项抽检（区市场监管局、区农业农村局）; 义诊20场（县卫健局、县人民医院）): all support, as a 责任单位
    note's units; None where the bracket does not open with an office (venues, places, projects: 县文化馆, 甲镇) or holds
    anything but units, or follows a unit's own name (its short name)."""
    if text[end:].strip(_NOTE_CLOSERS) and text[end] not in _NOTE_CLOSERS:
        return None
    if text[:start].endswith(rules.unit_endings):
        return None  # 县食品安全委员会（县食安委）; a sentence closed by 。 is no name (…养老服务中心。（县民政局）)
    parts = [part.strip() for part in split_outside_brackets(text[start + 1:end - 1], rules.separator)]
    if not all(parts) or not parts[0].endswith(rules.office_endings) or not all(_looks_like_unit(part, rules) for part in parts):
        return None
    return [unit for part in parts for unit in _joined_units(_clean_unit(part, rules), rules)]


def _may_annotate(content: str, rules: CompiledResponsibilityRules) -> bool:
    """Whether ``content`` holds a character every annotation holds one of (``_annotation_characters``)."""
    return rules.may_annotate is None or rules.may_annotate.search(content) is not None


def _without_action(sentence: str, rules: CompiledResponsibilityRules) -> tuple[str, bool]:
    """The sentence without the action the units after 会同 go on to (…会同市水利局制定实施细则, to its clause's
    end), and whether it names units working with a lead that way."""
    names_with = rules.names_with.search(sentence, None, None, patterns.NOT_CONCURRENT)
    if not names_with:
        return sentence, False
    action = rules.unit_action.search(sentence, names_with.end())
    if not action:
        return sentence, True
    if sentence.startswith("的", action.end()):  # 采用省国土厅会同省住建厅制定的调查表: what they made, no one's task
        return sentence, False
    rest = _CLAUSE_END.search(sentence, action.end())
    return sentence[: action.start()] + (sentence[rest.start():] if rest else ""), True


_CLAUSE_END = patterns.compile_python("[，,；;]")
_DUTY_CLAUSE_END = patterns.compile_python("[，,；;：:]")
_NOTE_CLOSERS = "。；; "  # what may follow a note closing an item's paragraph or sentence


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
        opening = rules.opening.match(clauses[index], None, None, patterns.NOT_CONCURRENT)
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
            # who helps the lead, then at once their action (…牵头实施，区数字办配合制定技术方案), as many as there are
            helping = rules.helper_opening.match(clause) if taken else None
            if helping and _parse_note(helping.group(), rules):
                taken.append(helping.group())
                continue
            head = rules.lead_then_action.match(clause, None, None, patterns.NOT_CONCURRENT) if not taken else None
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
    if all(rules.unnamed_units.match(unit) for unit in parsed[1]) and not (parsed[0] and rules.names_lead.search(note)):
        # 生态环境部会同有关部门组织评估: a body at its duty, no 由 nor 牵头, naming none to work with it; 具体由各牵头单位
        # 组织实施: how the plan is carried out, naming no unit
        return None
    return (note, *parsed)


def duties(sentence: str, rules: CompiledResponsibilityRules) -> list[Duty]:
    """The duties a sentence of a section on who does what states, each opening a clause with units alone and a duty
    word (县财政局负责落实资金，县审计局负责资金审计) or the sentence with units and a colon (教育部门：组织、指导和督促…; not
    a label: 责任单位：…), its work running to the next duty's units; units and a helper's word opening a clause of its
    work help it (区行政服务中心牵头实施，区数字办配合制定技术方案). A lead line's colon opens a clause too (flat text:
    具体任务分工如下：区纪工委负责监督检查)."""
    openings = []
    for start in [0, *(cut.end() for cut in _DUTY_CLAUSE_END.finditer(sentence))]:
        opening = rules.duty_opening.match(sentence, start)
        if opening and (opening.group("word") or not start and opening.group("units").strip() not in rules.label_role):
            lead, support = parse_units(opening.group("units"), rules.role_word.get(opening.group("word"), "support"), rules)
            if lead + support and all(_looks_like_unit(unit, rules) for unit in lead + support):
                openings.append((opening, lead, support))
                continue
        helping = rules.helper_opening.match(sentence, start) if openings else None
        if helping:
            helpers = sum(parse_units(helping.group("units"), "support", rules), [])
            if helpers and all(_looks_like_unit(unit, rules) for unit in helpers):
                openings[-1][2].extend(unit for unit in helpers if unit not in openings[-1][2])
    ends = [opening.start() for opening, _, _ in openings[1:]] + [len(sentence)]
    return [Duty(text=sentence[opening.start(): end].strip().rstrip("，,。；;"), work=sentence[opening.end(): end].strip().rstrip("，,。；;"),
                 lead=lead, support=support) for (opening, lead, support), end in zip(openings, ends)]


def _looks_like_unit(unit: str, rules: CompiledResponsibilityRules, endings: tuple[str, ...] | None = None) -> bool:
    """Whether ``unit`` is named as a body is (``endings``: those of ``unit_endings``, or with ``role_unit_endings`` where a
    role word names its role), holding no word a name never holds."""
    name = _LAST_BRACKETS.sub("", unit, 0, None, None, patterns.NOT_CONCURRENT)
    return (
        name.endswith(endings or rules.unit_endings)
        and not any(word in name for word in rules.rules.not_in_unit)
        and _IDEOGRAPHS_AND_BRACKETS.fullmatch(unit, None, None, patterns.NOT_CONCURRENT) is not None
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
    for example in rules.rules.bare_note_examples:
        if _last_bare_note(example.text, rules) != example.support:
            failures.append(f"responsibilities.yaml: bare_note_example {example.text!r} gives {_last_bare_note(example.text, rules)}")
    for example in rules.rules.duty_examples:
        if [duty.listed() for duty in duties(example.text, rules)] != example.duties:
            failures.append(f"responsibilities.yaml: duty_example {example.text!r} gives {duties(example.text, rules)}")
    for text in rules.rules.duty_not_examples:
        if duties(text, rules):
            failures.append(f"responsibilities.yaml: duty_not_example {text!r} is read as a duty")
    for text in rules.rules.bare_note_not_examples:
        if _last_bare_note(text, rules) is not None:
            failures.append(f"responsibilities.yaml: bare_note_not_example {text!r} is read as a note")
    return failures


def _last_bare_note(text: str, rules: CompiledResponsibilityRules) -> list[str] | None:
    """The units of the last bracket of a paragraph read as a note of units alone (``parse_bare_note``), or None."""
    groups = outer_groups(bracket_depths(text))
    return parse_bare_note(text, *groups[-1], rules) if groups else None


def _inside_brackets(text: str) -> str:
    spans = bracket_groups(text)
    return text[1:-1] if spans == [(0, len(text))] else text


# --- brackets ----------------------------------------------------------------


def bracket_depths(text: str, depth: int = 0) -> list[tuple[int, int]]:
    """Each bracket's place with the depth after it, starting from ``depth``; a closing bracket
    with none open counts for nothing."""
    walk = []
    for match in _BRACKET.finditer(text):
        depth = depth + 1 if match.group() in _OPENERS else max(depth - 1, 0)
        walk.append((match.start(), depth))
    return walk


def bracket_groups(text: str) -> list[tuple[int, int]]:
    """Spans of the outermost bracketed groups, brackets included."""
    return outer_groups(bracket_depths(text))


def outer_groups(walk: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of the outermost bracketed groups of a text walked by ``bracket_depths``, brackets included."""
    spans, start, before = [], 0, 0
    for index, depth in walk:
        if before == 0 < depth:
            start = index
        elif depth == 0 < before:
            spans.append((start, index + 1))
        before = depth
    return spans


def open_depth(text: str, depth: int = 0) -> int:
    """How many brackets are still open at the end of ``text``, with ``depth`` open at its start."""
    walk = bracket_depths(text, depth)
    return walk[-1][1] if walk else depth
