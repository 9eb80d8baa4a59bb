"""Rule files: knowledge kept as data under ``rules/``, validated on load.

The default rules ship inside the package (``planparse/rules``); every file is
YAML read with a safe loader and checked by a pydantic model, so that a broken
file stops with its path and the offending key.
"""
from __future__ import annotations

import hashlib
import io
import marshal
import os
import pickle
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cached_property, lru_cache, partial
from pathlib import Path
from typing import Annotated, Any, Callable, Iterator, Literal, NamedTuple, Optional, TypeVar, Union

import pydantic
import regex
from pydantic import Field, ValidationError, model_validator

from . import patterns, required_chars
from .cache import Parts, parsed, parsed_in_parts
from .errors import PlanparseError, validation_problem
from .names import shown_name
from .models import FOR_CHECKS, Change, Comparator, Frequency, HeadingStyle, Model, Paragraph, TargetKindName, no_entries, no_items
from .numerals import mixed_number, numeral_value
from .required_chars import BranchTests, Need, Plan, Prefilter, Prefilters, outgrown_lead, prefilter_plan, read_prefilter, required_clauses
from .rule_files import RuleSource, default_rules_dir, load_yaml, read_for_checks, read_rule_file

ModelT = TypeVar("ModelT", bound=Model)


def validate(model: type[ModelT], sources: list[RuleSource], path: Path, data: Callable[[], Any]) -> ModelT:
    """The data of rule files (``data()``, read from their ``sources``; errors naming ``path``) validated as
    ``model``: from the cache when an earlier process validated the same files with the same models' code,
    and then the files' data is not even read. pydantic builds a model's validator at its first use in a
    process (deferred at import): building those of the rule files' models, and reading the data they
    validate, was about a third of loading the rules at every start. A process that only extracts reads a snapshot of its
    own, without what only the checks read (``read_for_checks``)."""
    validated: list[ModelT] = []
    whole = read_for_checks()

    def snapshot(_: str) -> bytes:
        validated.append(_validated(model, data(), path))
        pickled = io.BytesIO()
        (pickle.Pickler if whole else _WithoutWhatChecksRead)(pickled, pickle.HIGHEST_PROTOCOL).dump(validated[0])
        return pickled.getvalue()

    code = [_code_digest(name) for name in dict.fromkeys((model.__module__, Model.__module__, __name__))]
    kind = "validated" if whole else "validated to extract"
    kept = parsed(Path(f"{kind}:{model.__module__}.{model.__qualname__}:{path}"), "\0".join([pydantic.VERSION, *code, *(source.digest for source in sources)]),
                  snapshot, versions=PREFILTER_VERSIONS)
    if validated:
        return validated[0]
    try:
        found = _RuleModels(io.BytesIO(kept)).load()
    except Exception:  # damaged, or models changed in a way the code's digest did not tell
        found = None
    return found if type(found) is model else _validated(model, data(), path)


def _validated(model: type[ModelT], data: Any, path: Path) -> ModelT:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise PlanparseError(path, validation_problem(exc)) from None


@lru_cache(maxsize=None)
def _code_digest(module: str) -> str:
    """A digest of a module's code; where it cannot be read, one of this process alone: no snapshot is used."""
    try:
        return hashlib.blake2b(Path(sys.modules[module].__file__ or "").read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return os.urandom(16).hex()


class _WithoutWhatChecksRead(pickle.Pickler):
    """Pickles validated rule models with every field only the checks read (``FOR_CHECKS``: examples, descriptions)
    empty: the snapshot a process that only extracts reads (``rule_files.leave_out_what_checks_read``)."""

    def reducer_override(self, obj: Any) -> Any:
        emptied = _fields_for_checks(type(obj)) if isinstance(obj, Model) else ()
        if not emptied:
            return NotImplemented
        return obj.model_copy(update={name: type(getattr(obj, name))() for name in emptied}).__reduce_ex__(pickle.HIGHEST_PROTOCOL)


@lru_cache(maxsize=None)
def _fields_for_checks(model: type[Model]) -> tuple[str, ...]:
    return tuple(name for name, field in model.model_fields.items() if FOR_CHECKS in field.metadata)


class _RuleModels(pickle.Unpickler):
    """Unpickles what a validated rule file holds and nothing else: planparse's models and enums, decimals, and dates
    (turns_of_the_year's examples). (The cache file is the user's own, but a pickle may name any function to call.)"""

    def find_class(self, module: str, name: str) -> Any:
        if module.partition(".")[0] == "planparse" or (module, name) in (("decimal", "Decimal"), ("datetime", "date")):
            found = super().find_class(module, name)
            if found in (Decimal, date) or isinstance(found, type) and issubclass(found, (Model, Enum)):
                return found
        raise pickle.UnpicklingError(f"{module}.{name}: not part of a rule file")


def compile_pattern(pattern: str, path: Path, rule_id: str, digest: bytes | None = None) -> regex.Pattern:
    try:
        return patterns.compile(pattern, digest)
    except regex.error as exc:
        raise _bad_pattern(path, rule_id, exc) from None


def _bad_pattern(path: Path, rule_id: str, problem: regex.error) -> PlanparseError:
    return PlanparseError(path, f"rule {rule_id}: bad pattern ({problem})")


# --- rule files of their own kind (headings, metadata, responsibilities, indicators) ---
#
# A user's --rules DIR reaches these through a file of the same name: its keys
# replace the shipped file's, and its `extend:` adds to the shipped lists and
# tables. The folder in force is set once per document (``use_rules_dir``);
# the loaders cached on it (``rules_cache``) are cleared when it changes.

OWN_KIND_FILES = ("headings.yaml", "metadata.yaml", "responsibilities.yaml", "indicators.yaml")
EXTEND = "extend"
_in_force: dict[str, Optional[Path]] = {"rules_dir": None}
_rules_caches: list[Any] = []
CachedT = TypeVar("CachedT", bound=Any)
BuiltT = TypeVar("BuiltT")


def rules_cache(function: CachedT) -> CachedT:
    """``lru_cache`` for a loader of rule files: cleared when another user's folder comes in force."""
    cached = lru_cache(maxsize=None)(function)
    _rules_caches.append(cached)
    return cached  # type: ignore[return-value]


def use_rules_dir(rules_dir: Optional[Path]) -> None:
    """Make ``rules_dir`` (None: only the shipped rules) the folder the own-kind rule files are read with."""
    folder = rules_dir.resolve() if rules_dir else None
    if folder != _in_force["rules_dir"]:
        _in_force["rules_dir"] = folder
        for cached in _rules_caches:
            cached.cache_clear()


def rules_dir_in_force() -> Optional[Path]:
    return _in_force["rules_dir"]


@rules_cache
def load_rule_file(model: type[ModelT], name: str) -> tuple[ModelT, Path]:
    """A shipped rule file, with the same-named file of the user's folder in force merged in, read and
    validated; with the path that errors name (the user's file, when there is one)."""
    path = default_rules_dir() / name
    shipped = read_rule_file(path)
    user = _in_force["rules_dir"] / name if _in_force["rules_dir"] else None
    if user is None or not user.is_file():
        return validate(model, [shipped], path, lambda: load_yaml(path, shipped.text)), path
    own = read_rule_file(user)
    return validate(model, [shipped, own], user, lambda: _merged(load_yaml(path, shipped.text), load_yaml(user, own.text), user)), user


def _merged(shipped: Any, user: Any, path: Path) -> Any:
    """The shipped data with the user's keys in place of its own, and the user's ``extend:`` added to its lists and tables."""
    if user is None:
        return shipped
    if not isinstance(user, dict) or not isinstance(user.get(EXTEND, {}), dict):
        raise PlanparseError(path, f"a rule file is a mapping of keys, and `{EXTEND}:` a mapping of the keys it adds to")
    merged = {**shipped, **{key: value for key, value in user.items() if key != EXTEND}}
    for key, added in (user.get(EXTEND) or {}).items():
        present = merged.get(key)
        if isinstance(present, list) and isinstance(added, list):
            merged[key] = present + added
        elif isinstance(present, dict) and isinstance(added, dict):
            merged[key] = {**present, **added}
        else:
            raise PlanparseError(path, f"{EXTEND}.{key}: extends a list with a list or a table with a table")
    return merged


# --- heading styles --------------------------------------------------------


class HeadingExample(Model):
    text: str
    number: int


class HeadingStyleRule(Model):
    style: HeadingStyle
    pattern: str
    examples: Annotated[list[HeadingExample], FOR_CHECKS]
    not_examples: Annotated[list[str], FOR_CHECKS] = []
    # Plans often run this style's items into one paragraph (…：（1）…；（2）…): in a text
    # that lost its line breaks, only a sentence end before the marker opens a paragraph.
    inline_lists: bool = False
    # The list this style's numbers count in, when not its style's own: 第一篇 and 第一章 are both chapters,
    # but a part's 第二篇 comes after its 第一章…第五章, and a bare 1 规划总则 is no 1. of a list
    numbering: Optional[str] = None
    # A marker that reads as something else too (4.5G基站…: the decimal 4.5 before a Latin letter) is a heading only
    # as the next item of a list the document has open (3. before it), never a list's first nor one past the next
    continuing: bool = False


class GluedTitleExample(Model):
    text: str
    title: str


class TitleEnds(Model):
    """Words a heading's title ends with, to find the title in text whose line breaks were lost."""

    words: list[str]
    whole_titles: list[str]
    # the titles of a plan's review as short as two characters (现状, 背景): they close where a sentence opens after them
    short_titles: list[str] = []
    conjunctions: list[str] = []  # a title goes on after a whole title with one of these (保障措施及工作要求)
    sentence_openers: list[str]
    # Openers that also open a noun phrase inside a title (重点乡（镇）…问题, 各项…工作): no sentence opens with one in a
    # heading's sentence short enough to be its title
    noun_openers: list[str] = []
    # Verbs a task opens with, in its title and in its body whose subject is left out (推进…项目|谋划生成…), and the
    # adverbs and modals that may stand before them (应当组织…, 重点围绕…, 大范围开展…)
    task_verbs: list[str] = []
    task_adverbs: list[str] = []
    work_verbs: list[str] = []  # the works a plan counts (新建…3个): a cell's line opening with one after a task is a task
    # Bodies a sentence names as its subject (…码头管理部门要…): a modal after one is its sentence's, no body's opening
    agents: list[str] = []
    # Words an item that is one sentence opens with, never a title (为了规范…，制定本办法; 因工作落实不到位…)
    sentence_items: list[str] = []
    modals: list[str] = []  # a title states no duty: a phrase holding one of these is its sentence's
    # Words opening with an opener's characters that bind to what stands before them, a class's or a quantity's bound or a
    # time's start (规模以上, 二级以下, 3年以内, 2015年以来): no sentence opens at one
    bound_words: list[str] = []
    # A note in brackets that closes a title, whatever follows (a stage's dates: 实施阶段（2015年4月-6月）)
    closing_note: str = "(?!)"
    label_opener: str = "(?!)"  # a short label and its colon (时间：), or a quoted period (“科技活动周”期间), opens a sentence after a title word
    # a set named by its kind and the state all of it reaches (公交车辆全部实现…) opens one after a title word, as a label does,
    # where no title word goes on from it (…保障|水平千吨万人…: the title's)
    set_state_opener: str = "(?!)"
    grounds_opener: str = "(?!)"  # a sentence's grounds (根据…) open one after any title run into it in flat text
    cadence_opener: str = "(?!)"  # a cadence and the work done at it (每年开展…) open one where grounds do
    subject_opener: str = "(?!)"  # a subject and what it must do (区交通运输局要) opens one after any title
    subject_list_opener: str = "(?!)"  # so does a list of bodies as the subject (区教育局、区财政局要)
    # a particular's label (抽检指标：) or the document as a sentence's subject (本细则由) opens one after any title, however short
    particular_opener: str = "(?!)"
    subject_title_length: int = 0
    examples: Annotated[list[GluedTitleExample], FOR_CHECKS]


class BoxRule(Model):
    """How a 专栏 box opens: its own numbering makes no heading."""

    pattern: str
    examples: Annotated[list[str], FOR_CHECKS]
    not_examples: Annotated[list[str], FOR_CHECKS] = []


class HeadingRules(Model):
    styles: list[HeadingStyleRule] = Field(min_length=1)  # markers are found by one alternation of them, which none empties
    boxes: BoxRule
    title_ends: TitleEnds
    inline_list_intros: list[str]
    block_list_intros: list[str] = []
    fragments: dict[str, str] = {}  # read in place of {name} in the styles' patterns


class CompiledHeadingStyle:
    """A heading style with its pattern compiled to match at a paragraph's start."""

    def __init__(self, rule: HeadingStyleRule, path: Path):
        self.rule = rule
        self.style = rule.style
        self.numbering = rule.numbering or rule.style.value  # the list its numbers count in
        self.regex = compile_pattern(rule.pattern, path, rule.style.value)
        _check_shareable(rule, path)

    def match(self, text: str) -> regex.Match | None:
        return self.regex.match(text)


# What would change meaning once the styles share one pattern (structure.any_marker): a group's
# number counts the other styles' groups too, and a flag at the start applies to every style.
_UNSHAREABLE = patterns.compile(r"(?<!\\)(?:\\\\)*(?P<what>\\[1-9]|\\g<\d+>|\(\?\(\d+\)|\(\?[a-zA-Z]+\))")


def _check_shareable(rule: HeadingStyleRule, path: Path) -> None:
    found = _UNSHAREABLE.search(rule.pattern)
    if found:
        raise PlanparseError(path, f"heading style {rule.style.value}: {found.group('what')} in its pattern; the styles are "
                                   "matched as one pattern, so refer to a group by name ((?P=name)) and scope a flag ((?i:…))")


def check_heading_rules(styles: tuple[CompiledHeadingStyle, ...]) -> list[str]:
    """Every example and not_example of headings.yaml; one line per failure."""
    failures = []
    for style in styles:
        for example in style.rule.examples:
            match = style.match(example.text)
            if match is None or numeral_value(match.group("number")) != example.number:
                failures.append(f"headings.yaml: {style.style.value}: example {example.text!r} does not give number {example.number}")
        failures += [f"headings.yaml: {style.style.value}: not_example {text!r} matches" for text in style.rule.not_examples if style.match(text)]
    return failures


@rules_cache
def heading_styles() -> tuple[CompiledHeadingStyle, ...]:
    rules, path = load_rule_file(HeadingRules, "headings.yaml")
    return tuple(CompiledHeadingStyle(rule.model_copy(update={"pattern": expand_fragments(rule.pattern, rules.fragments, path, rule.style.value)}), path)
                 for rule in rules.styles)


@rules_cache
def title_ends() -> TitleEnds:
    return load_rule_file(HeadingRules, "headings.yaml")[0].title_ends


class TaskVerbs(NamedTuple):
    """title_ends' task verbs, the adverbs before them and the verbs of works, as tuples (each tested in one call), longest
    first."""

    verbs: tuple[str, ...]
    adverbs: tuple[str, ...]
    works: tuple[str, ...]


@rules_cache
def task_verbs() -> TaskVerbs:
    ends = title_ends()
    return TaskVerbs(*(tuple(sorted(words, key=len, reverse=True)) for words in (ends.task_verbs, ends.task_adverbs, ends.work_verbs)))


@rules_cache
def title_closing_note() -> regex.Pattern:
    rules, path = load_rule_file(HeadingRules, "headings.yaml")
    return compile_pattern(rules.title_ends.closing_note, path, "title_ends.closing_note")


class TitleOpeners(NamedTuple):
    """The openers of title_ends, compiled; ``grounds`` holds its cadences too, which open a body where grounds do, and
    ``subject`` its lists of bodies (one pattern tried at each place, not two)."""

    label: regex.Pattern
    grounds: regex.Pattern
    subject: regex.Pattern
    particular: regex.Pattern


@rules_cache
def title_openers() -> TitleOpeners:
    rules, path = load_rule_file(HeadingRules, "headings.yaml")
    ends = rules.title_ends
    patterns_by_name = {name: getattr(ends, f"{name}_opener") for name in TitleOpeners._fields}
    patterns_by_name["label"] = f"(?:{ends.label_opener})|(?!{patterns.any_word(ends.words)})(?:{ends.set_state_opener})"
    patterns_by_name["grounds"] = f"(?:{ends.grounds_opener})|(?:{ends.cadence_opener})"
    patterns_by_name["subject"] = f"(?:{ends.subject_opener})|(?:{ends.subject_list_opener})"
    return TitleOpeners(*(compile_pattern(pattern, path, f"title_ends.{name}_opener") for name, pattern in patterns_by_name.items()))


@rules_cache
def inline_list_intros() -> tuple[str, ...]:
    return tuple(load_rule_file(HeadingRules, "headings.yaml")[0].inline_list_intros)


@rules_cache
def block_list_intros() -> tuple[str, ...]:
    return tuple(load_rule_file(HeadingRules, "headings.yaml")[0].block_list_intros)


@rules_cache
def box_rule() -> BoxRule:
    return load_rule_file(HeadingRules, "headings.yaml")[0].boxes


@rules_cache
def box_pattern() -> regex.Pattern:
    rules, path = load_rule_file(HeadingRules, "headings.yaml")
    return compile_pattern(rules.boxes.pattern, path, "boxes")


# --- target rules ----------------------------------------------------------
#
# fragments.yaml holds named pattern pieces and word tables; targets*.yaml hold
# rules that combine the pieces as {name}. A user's --rules DIR adds files of
# the same shape: their fragments and words extend the defaults, a rule with a
# default rule's id replaces it, and new rules run before the defaults.

FRAGMENTS_FILE = "fragments.yaml"
QUANTITIES_FILE = "quantities.yaml"
TARGET_RULE_GLOB = "targets*.yaml"
PATTERN_TIMEOUT = 2.0  # seconds a rule may spend on one sentence
# a repeat's periods, counted (每两年, 两年 of 两年开展一次, 每15日, 每两周, 每6个月, 每2小时), and their ISO 8601 designators
_EVERY_FEW_PERIODS = patterns.compile(r"每?(?P<count>\d+|[两二三四五六七八九十]{1,3})(?P<period>年|个?月|周|星期|天|日|小时)")
_ISO_PERIODS = {"年": "{}Y", "月": "{}M", "个月": "{}M", "周": "{}W", "星期": "{}W", "天": "{}D", "日": "{}D", "小时": "T{}H"}

_FRAGMENT_REFERENCE = patterns.compile(r"(?<!\\[pPN])\{([A-Za-z_][A-Za-z0-9_]*)\}")  # not \p{Han}

RuleId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]


class RuleExample(Model):
    text: str
    expect: dict[str, Any] = Field(default_factory=no_entries, description="fields of the target the rule gives")


class TargetRule(Model):
    id: RuleId
    description: Annotated[str, FOR_CHECKS]
    role: Literal["target", "exclude", "baseline"] = "target"
    scope: Literal["match", "clause", "item", "sentence", "heading", "lead", "form"] = Field(
        default="match", description="what a match covers: its own span, its clause (to ，), its item (to ；), its sentence, "
        "or (cues) a heading title or a lead line (…：) above it in its section, or (exclude "
        "cues) a form's title line (…承诺书) above it, up to the next 附件 marker")
    applies_to: Literal["all", "numeric", "milestone"] = Field(
        default="all", description="which candidates a cue (exclude, baseline) decides: all, numbers only, or milestones only")
    holds: Literal["always", "now", "undated", "until_due", "outside_aims"] = Field(
        default="always", description="when a cue holds: `now`, a statement of what is now (居全省第3位), which a sentence "
        "that looks ahead (a deadline, 力争, a heading of the plan's aims) makes a level to reach; `undated`, a rule stated "
        "for no year (低保标准不低于每人每年6000元), which a sentence naming the year it is due (到2025年) or opening with a "
        "later year of the plan (2026年，) makes one; `until_due`, a step, a wage or a plot's terms, which only a year it is "
        "due by (到2025年, 2025年底前) makes one, not the year a sentence opens with (2025年，…在10个工作日内拨付); "
        "`outside_aims`, a way of speaking a plan also sets its aims in (预计到2025年…将达到), which a heading of the "
        "plan's goals (主要目标, fragment goal_heading) makes a level to reach")
    kind: Optional[TargetKindName] = Field(default=None, description="fixed kind; by default it follows the unit")
    value: Optional[Decimal] = Field(default=None, description="fixed value when the pattern has no `amount` group")
    values: dict[str, Decimal] = Field(default_factory=no_entries, description="fixed values by the words the `amount` group "
                                       "matched, words no number reads (两位数: 10, 三位数: 100)")
    unit: Optional[str] = Field(default=None, description="fixed unit when the pattern has no `unit` group")
    comparator: Optional[Comparator] = Field(default=None, description="fixed comparator when the pattern names no comparator word")
    level_over_change: Optional[Decimal] = Field(
        default=None, gt=1, description="with a `brought_to` group (至 or 到 after a change word and the low end of a range): the "
        "least times the low end the high end is where the low end is the change and the high the level it brings (增加5万吨至"
        "30万吨), read by the rules after, not a range of the change (增加2平方米至3平方米)")
    review: Optional[str] = Field(default=None, description="why every target of this rule needs a reader's check")
    pattern: str
    needs: Optional[str] = Field(default=None, description="a pattern (fragments allowed) that every sentence the rule matches "
                                 "holds, where the characters it needs are in most sentences (a change word right before a "
                                 "digit): the rule is run only on sentences holding it, sought once a sentence for all the "
                                 "rules that need the same")
    groups: dict[str, str] = Field(default_factory=no_entries, description="what each named group means")
    examples: Annotated[list[RuleExample], FOR_CHECKS] = Field(min_length=1)
    not_examples: Annotated[list[str], FOR_CHECKS] = Field(default_factory=no_items)


class FiveYearPlan(Model):
    """A five-year plan as plans name it (“十四五”) and the years it covers."""

    label: str
    start: int
    end: int


Month = Annotated[int, Field(ge=1, le=12)]


class TurnExample(Model):
    """A time word of a plan signed on ``signed`` (a field's), of the years ``period`` where it has them, and the year it is
    due by."""

    field: str
    text: str
    signed: date
    period: Optional[tuple[int, int]] = None
    due: int


class TurnsOfTheYear(Model):
    """The months at which the school year and the winter a plan's time words speak of turn (PlanFrame): the year a plan
    signed in a month is due by for 本学年内 and 今冬明春."""

    school_year_from: Month = Field(description="the first month of the summer before a school year: a plan signed from it on "
                                    "(a school year's plan is signed in July or August, before it opens) speaks of the school year "
                                    "that ends the next summer (本学年内), one signed before it of the one running")
    first_half_until: Month = Field(default=6, description="the last month of the year's first half: a plan of several years signed after it "
                                    "in its first year speaks of the next year's first half (上半年, 年中, 一季度, 二季度), "
                                    "the half of the year it was signed being past")
    winter_until: Month = Field(description="the last month of the winter a plan signed in it calls 今冬 (a winter campaign's "
                                "冬春 runs to March): its spring (今冬明春, 明春前) is of the year signed, not the next")
    examples: Annotated[list[TurnExample], FOR_CHECKS]

    @model_validator(mode="after")
    def _check(self) -> "TurnsOfTheYear":
        if self.examples and len({example.field for example in self.examples}) < 2:
            raise ValueError("examples must come from at least two different fields")
        return self


# --- indicator names (planparse compare) ------------------------------------
#
# synonyms.yaml says when targets of different plans measure the same thing:
# words folded out of a name before names are compared, words that keep two
# alike names apart, measure words that count the same things, and names that
# mean the same indicator. A user's --rules DIR may add all four in any of its
# files.

SYNONYMS_FILE = "synonyms.yaml"


class FoldExample(Model):
    text: str = Field(description="an indicator name as a plan writes it")
    expect: str = Field(description="the name once this fold has run")


class NameFold(Model):
    """Words removed from indicator names before they are compared (全市, 的)."""

    id: RuleId
    description: Annotated[str, FOR_CHECKS]
    pattern: str
    examples: Annotated[list[FoldExample], FOR_CHECKS] = Field(min_length=1)


class PlaceExample(Model):
    text: str = Field(description="a plan's issuer or title")
    expect: list[str] = Field(description="the places read at its start, in order")


class PlaceRule(Model):
    """The place a plan belongs to, read at the start of its issuer or title and folded out of its indicator names."""

    id: RuleId
    description: Annotated[str, FOR_CHECKS]
    pattern: str = Field(description="one place, matched again and again from the start; group `short` is its name without 市/区/县")
    examples: Annotated[list[PlaceExample], FOR_CHECKS] = Field(min_length=1)


class Contrast(Model):
    """Words that tell two otherwise alike names apart: names holding different ones never share a row."""

    id: RuleId
    description: Annotated[str, FOR_CHECKS]
    words: list[str] = Field(default_factory=no_items, description="the words; or a pattern")
    pattern: Optional[str] = Field(default=None, description="what each word looks like, where there are too many to "
                                   "list (a number: 60周岁 is not 80周岁)")
    examples: Annotated[list[tuple[str, str]], FOR_CHECKS] = Field(min_length=1, description="pairs of names kept apart by these words")

    @model_validator(mode="after")
    def _check(self) -> "Contrast":
        if (len(self.words) >= 2) == (self.pattern is not None):
            raise ValueError("a contrast lists two words or more, or gives a pattern, not both")
        return self


class SameUnits(Model):
    """Measure words that count the same things, listed (人, 名), or every word rules/quantities.yaml converts to one
    ``base`` (平方米: 亩, 公顷, 平方公里…) but those kept ``apart``: targets in any of them may share a row, each cell
    keeping its own."""

    id: RuleId
    description: Annotated[str, FOR_CHECKS]
    units: list[str] = Field(default_factory=no_items)
    base: Optional[str] = None
    apart: list[str] = Field(default_factory=no_items, description="words of the base that stay apart (工作日 are no calendar days)")

    @model_validator(mode="after")
    def _check(self) -> "SameUnits":
        if (len(self.units) >= 2) == (self.base is not None):
            raise ValueError("a same-units list lists two units or more, or names a base of the quantity lexicons, not both")
        return self


class Synonym(Model):
    """Names that plans give one indicator; their targets share a row named ``indicator``."""

    indicator: str
    description: Annotated[str, FOR_CHECKS] = ""
    names: list[str] = Field(min_length=1, description="names as plans write them (folds apply to them too)")


class QuantityExample(Model):
    """A sentence of one field (health, transport…) and the quantity read from it."""

    field: str
    text: str
    value: Decimal
    unit: str
    comparator: Optional[Comparator] = None
    change: Optional[Change] = None


def _two_fields(examples: list[QuantityExample]) -> list[QuantityExample]:
    if len({example.field for example in examples}) < 2:
        raise ValueError("examples must come from at least two different fields")
    return examples


class UnitEntry(Model):
    """Measure words of one measure (rules/quantities.yaml describes the fields)."""

    measure: Annotated[str, Field(pattern=r"^[a-z][a-z_ ]*$")]
    kind: TargetKindName
    base: Optional[str] = None
    words: Union[dict[str, Decimal], list[str]] = Field(min_length=1)
    prefixes: list[str] = Field(default_factory=no_items)
    report_as: Optional[str] = None
    not_before: dict[str, list[str]] = Field(default_factory=no_entries)
    shortened: list[str] = Field(default_factory=no_items, description="words no generated fragment holds, read only where a "
                                 "rule's own fragment stands them (算力规模达到5000P: P alone would be any letter, 1080P)")
    chinese_numerals: Literal["alone", "with a cue", "never"] = Field(
        default="with a cue", description="whether a Chinese numeral before these words is an amount on its own "
        "(七十五岁), only with a comparator, frequency or building verb (建成三个: 一支队伍 is rhetoric), or never (一批)")
    examples: Annotated[list[QuantityExample], FOR_CHECKS]

    @model_validator(mode="after")
    def _check(self) -> "UnitEntry":
        _two_fields(self.examples)
        for field in ("not_before", "shortened"):
            unknown = sorted(set(getattr(self, field)) - set(self.words))
            if unknown:
                raise ValueError(f"{field} names words the entry does not have: {', '.join(unknown)}")
        if self.report_as is not None and not isinstance(self.words, dict):
            raise ValueError("report_as needs each word's factor")
        return self

    def factor(self, word: str) -> Optional[Decimal]:
        return self.words.get(word) if isinstance(self.words, dict) else None

    def matched_words(self) -> list[str]:
        """The words the generated fragments hold: all but the shortened."""
        return [word for word in self.words if word not in self.shortened]


class ComparatorGroup(Model):
    """Comparator words of one meaning, before and after the number."""

    means: Comparator
    before: list[str] = Field(default_factory=no_items)
    after: list[str] = Field(default_factory=no_items)
    not_before: dict[str, list[str]] = Field(default_factory=no_entries)
    not_after: dict[str, list[str]] = Field(default_factory=no_entries)
    # The measures (a unit entry's `measure`) of the numbers the words mean this of; none: of any number. A word may
    # mean one thing of some measures and another of the rest: 优于0.5米, 优于20毫秒 (a finer accuracy, a shorter
    # delay) is below, 优于85% above
    measures: list[str] = Field(default_factory=no_items)
    # Words of a level reached (达到, 提高到, 降至): the least or most of a level aimed at, but the level itself of one a
    # plan says was reached (2020年，全市人均预期寿命达到78.6岁: a baseline of 78.6, not at least 78.6)
    reached: bool = False
    examples: Annotated[list[QuantityExample], FOR_CHECKS]

    @model_validator(mode="after")
    def _check(self) -> "ComparatorGroup":
        _two_fields(self.examples)
        unknown = sorted(set(self.not_after) - set(self.before) - set(self.after))
        if unknown:
            raise ValueError(f"not_after names words the group does not have: {', '.join(unknown)}")
        return self


class ChangeGroup(Model):
    """Words of one direction of change right before a number (下降8%, 年均增长15%): the number is a change, not a level."""

    means: Change
    words: list[str] = Field(min_length=1)
    not_before: dict[str, list[str]] = Field(default_factory=no_entries)
    not_after: dict[str, list[str]] = Field(default_factory=no_entries)
    examples: Annotated[list[QuantityExample], FOR_CHECKS]

    @model_validator(mode="after")
    def _check(self) -> "ChangeGroup":
        _two_fields(self.examples)
        unknown = sorted((set(self.not_before) | set(self.not_after)) - set(self.words))
        if unknown:
            raise ValueError(f"not_before or not_after names words the group does not have: {', '.join(unknown)}")
        return self


class MultiplierEntry(Model):
    """Multipliers (万, 亿) with their factors: a number written before one is worth that many times more."""

    words: dict[str, Annotated[Decimal, Field(gt=1)]] = Field(min_length=1)
    examples: Annotated[list[QuantityExample], FOR_CHECKS]

    @model_validator(mode="after")
    def _check(self) -> "MultiplierEntry":
        _two_fields(self.examples)
        return self


class PerSpelling(Model):
    """Words a unit may be per that write one period two ways, and the one spelling they are given in (天 as 日:
    吨/天 reads 吨/日), so that one measure has one unit."""

    spelling: str = Field(min_length=1)
    words: list[str] = Field(min_length=1)
    examples: Annotated[list[QuantityExample], FOR_CHECKS]

    @model_validator(mode="after")
    def _check(self) -> "PerSpelling":
        _two_fields(self.examples)
        return self


class FallingMeasures(Model):
    """Measures a plan brings down (a rate of deaths, a concentration, the energy an output takes): a level of one reached
    with a bare word of reaching (``reached_by``: 达到, 为) is the most it may be, a ceiling reached going down
    (PM2.5年均浓度力争达到30微克/立方米: at most 30), while a word that says a way (提高到, 降至, 以下) keeps its meaning."""

    means: Comparator
    reached_by: list[str] = Field(min_length=1)
    words: list[str] = Field(min_length=1)
    # words of an aim or a manner that may stand between the measure and the word of reaching (浓度力争达到, 死亡率总体为)
    between: list[str] = Field(default_factory=no_items)
    not_after: dict[str, list[str]] = Field(default_factory=no_entries)  # 负氧离子浓度, 溶解氧浓度 rise: another measure
    examples: Annotated[list[QuantityExample], FOR_CHECKS]

    @model_validator(mode="after")
    def _check(self) -> "FallingMeasures":
        _two_fields(self.examples)
        unknown = sorted(set(self.not_after) - set(self.words))
        if unknown:
            raise ValueError(f"not_after names words the entry does not have: {', '.join(unknown)}")
        return self

    def reached_before(self) -> str:
        """A pattern of one of the measures and its word of reaching, ending right before the number."""
        return f"{self.named()}(?:（[^（）]{{0,20}}）)?{self.reach()}"

    def named(self) -> str:
        """A pattern of one of the measures, as a name ends with it (细颗粒物年均浓度, not 负氧离子浓度)."""
        return _alternation(self.words, {}, not_after=self.not_after)

    def reach(self) -> str:
        """A pattern of the bare word of reaching, perhaps after words of an aim, ending right before the number."""
        return f"(?:{_alternation(self.between, {})}){{0,3}}{_alternation(self.reached_by, {})}\\s*$"


class Lexicons(Model):
    """The quantity lexicons: lists a rule file adds entries to."""

    units: list[UnitEntry] = Field(default_factory=no_items)
    multipliers: list[MultiplierEntry] = Field(default_factory=no_items)
    comparator_words: list[ComparatorGroup] = Field(default_factory=no_items)
    change_words: list[ChangeGroup] = Field(default_factory=no_items)
    per_spellings: list[PerSpelling] = Field(default_factory=no_items)
    falling_measures: list[FallingMeasures] = Field(default_factory=no_items)

    def add(self, more: "Lexicons") -> None:
        """Puts the entries of each of ``more``'s lists after this one's."""
        for name in Lexicons.model_fields:
            getattr(self, name).extend(getattr(more, name))


class RuleFile(Lexicons):
    """One YAML file under rules/ or a user's --rules DIR. Its lexicon lists add to those of the files before it; at the
    top of a user's file a list given (even empty) replaces the shipped one, and ``extend:`` adds to it instead."""

    extend: Lexicons = Field(default_factory=Lexicons, description="entries added to the lexicons")
    fragments: dict[str, str] = Field(default_factory=no_entries)
    comparators: dict[str, Comparator] = Field(default_factory=no_entries)
    frequencies: dict[str, Optional[Frequency]] = Field(default_factory=no_entries)
    unit_kinds: dict[str, TargetKindName] = Field(default_factory=no_entries)
    five_year_plans: list[FiveYearPlan] = Field(default_factory=no_items)
    turns_of_the_year: Optional[TurnsOfTheYear] = Field(default=None, description="a later file's replaces an earlier's")
    recurrences: dict[str, str] = Field(
        default_factory=no_entries, description="frequency word -> ISO 8601 duration of its period (每周 -> P1W, 每两年 -> P2Y)")
    rules: list[TargetRule] = Field(default_factory=no_items)
    plan_places: list[PlaceRule] = Field(default_factory=no_items)
    name_folds: list[NameFold] = Field(default_factory=no_items)
    contrasts: list[Contrast] = Field(default_factory=no_items)
    same_units: list[SameUnits] = Field(default_factory=no_items)
    synonyms: list[Synonym] = Field(default_factory=no_items)


class RuleTimeout(PlanparseError):
    """A rule's pattern ran past ``PATTERN_TIMEOUT`` on one sentence.

    A user's rule is theirs to simplify; a shipped rule that times out is
    planparse's bug, reported as such. ``in_document`` says where it happened.
    """

    def __init__(self, rule: CompiledRule, sentence: str):
        self.rule_id = rule.id
        self.shipped = rule.shipped
        self.rule_file = None if rule.path.parent == default_rules_dir() else rule.path
        self.sentence = sentence
        super().__init__(rule.path, self._problem(f"on {sentence[:30]!r}…"))

    def _problem(self, where: str) -> str:
        if self.shipped:
            return f"planparse bug: its rule {self.rule_id} took over {PATTERN_TIMEOUT:g}s {where}; please report it with this file"
        if self.rule_file is None:  # a shipped rule, read with a user's files: their fragment, which it may read, backtracks
            return f"planparse's rule {self.rule_id} took over {PATTERN_TIMEOUT:g}s {where}, read with your rule files; simplify the fragments they give it"
        # the error names the document (``in_document``): the user is told which of their files to mend
        return f"rule {self.rule_id} of {shown_name(str(self.rule_file))} took over {PATTERN_TIMEOUT:g}s {where}; simplify its pattern"

    def in_document(self, path: object, paragraphs: list[Paragraph]) -> PlanparseError:
        """The same error naming the document, and the line where the sentence starts."""
        for paragraph in paragraphs:
            offset = paragraph.text.find(self.sentence)
            if offset >= 0:
                line, _page = paragraph.position(offset)
                return PlanparseError(path, self._problem(f"on the sentence at line {line}, character {offset + 1}"))
        return PlanparseError(path, self._problem(f"on {self.sentence[:30]!r}…"))


class Lexicon:
    """The quantity lexicons in force, and the pattern pieces generated from them.

    A word listed twice takes the meaning of its last entry: a user's
    ``extend:`` comes after the shipped lists.
    """

    # Generated fragments: what each is made of.
    FRAGMENTS = ("unit_word", "physical_unit_word", "measure_unit", "cn_unit", "unit_prefix", "multiplier",
                 "cn_big_unit", "comparator_before", "comparator_after", "change_word", "<measure>_unit")
    # Measures that are not physical quantities: ratio, money, counts, time and age.
    NOT_PHYSICAL = {"ratio", "money", "count", "time", "age"}

    def __init__(self, lists: Lexicons):
        self.units = tuple(lists.units)
        self.per_spellings = tuple(lists.per_spellings)
        self.falling_measures = tuple(lists.falling_measures)
        # a unit's other spelling of its own size (㎡ of m², report_as) is so after the slash too: 千克标准煤/㎡ -> 千克标准煤/m²
        respelled = {word: entry.report_as for entry in self.units if entry.report_as and isinstance(entry.words, dict)
                     for word, factor in entry.words.items() if factor == 1}
        self.per_spelled = {**respelled, **{word: entry.spelling for entry in self.per_spellings for word in entry.words}}
        self.comparator_groups = tuple(lists.comparator_words)
        self.change_groups = tuple(lists.change_words)
        self.changes = {word: group.means for group in self.change_groups for word in group.words}
        self.multiplier_entries = tuple(lists.multipliers)
        self.multipliers = {word: factor for entry in self.multiplier_entries for word, factor in entry.words.items()}
        self.entries: dict[str, UnitEntry] = {}
        for entry in self.units:
            self.entries.update((word, entry) for word in [*entry.words, *entry.prefixes])
        self.comparators = {word: group.means for group in self.comparator_groups if not group.measures
                            for word in [*group.before, *group.after]}
        self.measured_comparators = {(word, measure): group.means for group in self.comparator_groups
                                     for measure in group.measures for word in [*group.before, *group.after]}
        self.reached_words = frozenset(word for group in self.comparator_groups if group.reached for word in [*group.before, *group.after])
        self.unit_kinds = {word: entry.kind for word, entry in self.entries.items()}
        for entry in self.units:
            if entry.report_as:
                self.unit_kinds[entry.report_as] = entry.kind

    def entry(self, word: str) -> Optional[UnitEntry]:
        return self.entries.get(word)

    def spelled(self, unit: str) -> str:
        """``unit`` with what it is per in its one spelling (per_spellings), each part of a head and period so, out of
        brackets, a second slash as the dot: 吨/天 -> 吨/日, 升/（人·天） and 升/人/天 -> 升/人·日."""
        word, slash, per = unit.partition("/")
        if not slash:
            return unit
        parts = per.strip("（）()").replace("•", "·").replace("/", "·").split("·")
        return f"{word}/{'·'.join(self.per_spelled.get(part, part) for part in parts)}"

    def measured_comparator(self, word: str, unit: Optional[str]) -> Optional[Comparator]:
        """What ``word`` means of a number in ``unit`` when a group gives its meaning for the unit's measure
        (优于 of metres: below), else None."""
        entry = self.entries.get(unit or "")
        return self.measured_comparators.get((word, entry.measure)) if entry else None

    def fragments(self, by_first_char: bool = False) -> dict[str, str]:
        """The generated fragments; ``by_first_char``: their word lists as the engine runs them fastest (``_alternation``)."""
        words = [word for entry in self.units for word in entry.matched_words()]
        not_before = {word: after for entry in self.units for word, after in entry.not_before.items()}
        physical = [word for entry in self.units if entry.measure not in self.NOT_PHYSICAL for word in entry.matched_words()]
        alone = [word for entry in self.units if entry.chinese_numerals == "alone" for word in entry.matched_words()]
        with_cue = [word for entry in self.units if entry.chinese_numerals != "never" for word in entry.matched_words()]
        not_after = {word: before for group in self.comparator_groups for word, before in group.not_after.items()}
        comparator_not_before = {word: after for group in self.comparator_groups for word, after in group.not_before.items()}
        by_measure: dict[str, list[str]] = {}
        for entry in self.units:
            by_measure.setdefault(entry.measure, []).extend(entry.matched_words())
        return {
            # one per measure: {length_unit}, {area_unit}, {money_unit}…
            **{f"{measure}_unit": _alternation(words, not_before, by_first_char) for measure, words in by_measure.items()},
            "unit_word": _alternation(words, not_before, by_first_char),
            "physical_unit_word": _alternation(physical, not_before, by_first_char),
            "measure_unit": _alternation(alone, not_before, by_first_char),
            "cn_unit": _alternation(with_cue, not_before, by_first_char),
            "unit_prefix": _alternation([prefix for entry in self.units for prefix in entry.prefixes], {}, by_first_char),
            "multiplier": self._multiplier(words, by_first_char),
            "cn_big_unit": self._big_units(),
            "comparator_before": _alternation([word for group in self.comparator_groups for word in group.before], comparator_not_before,
                                              by_first_char, not_after),
            "comparator_after": _alternation([word for group in self.comparator_groups for word in group.after], comparator_not_before,
                                             by_first_char, not_after),
            "change_word": _alternation(list(self.changes), {word: after for group in self.change_groups
                                                             for word, after in group.not_before.items()}, by_first_char,
                                        {word: before for group in self.change_groups for word, before in group.not_after.items()}),
        }

    def _big_units(self) -> str:
        """The multipliers of one character that close a group of a Chinese numeral (万, 亿, a user's 兆): 三万五千亿."""
        chars = sorted(word for word, factor in self.multipliers.items() if len(word) == 1 and factor >= 10_000)
        return "[" + "".join(regex.escape(char) for char in chars) + "]" if chars else "(?!)"

    def _multiplier(self, words: list[str], by_first_char: bool) -> str:
        """千, 万, 亿 — but not the 千 that opens a unit (12千米 is 12 km, not 12 000 米)."""
        pieces = []
        for multiplier in sorted(self.multipliers, key=lambda word: (-len(word), word)):
            rests = [word[len(multiplier):] for word in words if word.startswith(multiplier) and len(word) > len(multiplier)]
            pieces.append(regex.escape(multiplier) + (f"(?!{_alternation(rests, {}, by_first_char)})" if rests else ""))
        return "(?:" + "|".join(pieces) + ")"


def _alternation(words: list[str], not_before: dict[str, list[str]], by_first_char: bool = False,
                 not_after: dict[str, list[str]] | None = None) -> str:
    """One pattern for a list of words: longest first (the first alternative that fits wins), Latin
    words in any case and not inside a longer Latin word or symbol, each word less the words it begins
    (``not_before``: 人 not in 人才) and ends (``not_after``: 约 not in 签约, looked back at after the word).

    ``by_first_char``: words of one first character make one branch (万(?:吨|元|人)), which the engine
    tries where it tried each word in turn (a unit list cost 200 ns a character). A word moves only past
    words that can neither start nor end with the characters it starts and ends with: read forwards or
    backwards (a lookbehind, ``(?r)``), the first alternative that fits is the same word."""
    branches: list[_Branch] = []
    for word in sorted(set(words), key=lambda word: (-len(word), word)):
        piece, starts, ends = regex.escape(word), frozenset(word[:1]), frozenset(word[-1:])
        if word.isascii() and word[:1].isalpha():  # km, not the km of kmh; m, not the m of m3
            piece = f"(?i:{piece})(?![A-Za-z0-9])"
            starts, ends = (required_chars.matched_by(word[0], True) or frozenset()), (required_chars.matched_by(word[-1], True) or frozenset())
        if not_before.get(word):
            piece += "(?!" + "|".join(regex.escape(after) for after in not_before[word]) + ")"
        if not_after and not_after.get(word):
            piece += "(?<!(?:" + "|".join(regex.escape(before) for before in not_after[word]) + ")" + regex.escape(word) + ")"
        branch = _branch_of(branches, starts, ends) if by_first_char else None
        if branch is None:
            branches.append(_Branch(starts, set(ends), [piece]))
        else:
            branch.ends.update(ends)
            branch.pieces.append(piece)
    if not branches:
        return "(?!)"
    alternation = "(?:" + "|".join(map(_Branch.pattern, branches)) + ")"
    return _first_chars_led(alternation, branches) if by_first_char else alternation


def _first_chars_led(alternation: str, branches: list[_Branch]) -> str:
    """``alternation`` behind a lookahead for the characters its words open with: where none is next (most
    places), one look at a set fails it, where the engine tried each branch in turn (a list of units, some
    200 branches, after every numeral). The words are the same, and so are the matches."""
    firsts = sorted(frozenset().union(*(branch.starts for branch in branches)))
    return "(?=[" + "".join(map(regex.escape, firsts)) + "])" + alternation


@dataclass
class _Branch:
    """Words of one alternation that share their first character (or one word): as a pattern, that character once."""

    starts: frozenset[str]  # what the branch's words start with
    ends: set[str]  # and end with
    pieces: list[str]  # the words' patterns, in order

    def pattern(self) -> str:
        if len(self.pieces) == 1:
            return self.pieces[0]
        first = regex.escape(next(iter(self.starts)))
        return first + "(?:" + "|".join(piece[len(first):] for piece in self.pieces) + ")"


def _branch_of(branches: list[_Branch], starts: frozenset[str], ends: frozenset[str]) -> _Branch | None:
    """The branch a word of one first character (``starts``) joins: the last one of that character, when
    no branch after it may start or end as the word does."""
    if len(starts) != 1:
        return None
    for branch in reversed(branches):
        if branch.starts == starts:
            return branch
        if branch.starts & starts or not branch.ends.isdisjoint(ends):
            return None
    return None


class CompiledRule:
    """A target rule with its fragments expanded and its pattern compiled, and the pre-filter
    (``required_chars``) that spares running it on a text it cannot match."""

    def __init__(self, rule: TargetRule, path: Path, compiled_utf8: Callable[[], bytes], digest: bytes, group_names: frozenset[str],
                 fragments: Mapping[str, str], engine_fragments: Mapping[str, str], users_files_read: bool = False):
        self.rule = rule
        self.path = path
        self.digest = digest  # the pattern as compiled, its ``patterns.source_digest``
        # a user's fragment or word list replaces or adds to the shipped one in every rule that reads it
        self._users_files_read = users_files_read
        self._read_compiled_utf8 = compiled_utf8
        self.group_names = group_names
        self.prefilter = Prefilter()
        self._fragments = fragments
        self._engine_fragments = engine_fragments
        self._check_groups()

    @cached_property
    def source(self) -> str:
        """The pattern with its fragments expanded as the pre-filter reads it: what checks and tests read (the
        pre-filter comes read with the expansions, ``_expand``), so not kept in the cache an extract unmarshals."""
        return expand_fragments(self.rule.pattern, self._fragments, self.path, self.rule.id)

    @cached_property
    def compiled_source(self) -> str:
        """The pattern as compiled (its fragments expanded, its alternatives led, its runs possessive), decoded when
        first asked for: kept as text, the shipped rules' (1.2 million characters, some 30 of 245 rules reached by a
        plan) took a start 2.5 ms more to unmarshal."""
        return self.compiled_utf8.decode("utf-8", "surrogatepass")

    @cached_property
    def compiled_utf8(self) -> bytes:
        """The pattern as compiled, in UTF-8 as kept, read from the cache when first asked for (``_expanded``): a key of
        every rule's source (``worker_preload._rules_key``) reads it as it is, where decoding and encoding again the
        shipped rules' 1.5 million characters took 11 ms."""
        return self._read_compiled_utf8()

    @cached_property
    def regex(self) -> regex.Pattern:
        """The pattern, compiled when first matched: most rules' pre-filters rule out every text of a
        plan, and rebuilding all the rules' patterns was a fifth of loading them. (A rule a user's files
        reach was compiled as it was expanded, ``_expanded_rule``: a broken one stopped at load.)"""
        return compile_pattern(self.compiled_source, self.path, self.id, self.digest)

    @staticmethod
    def prefilters(rules: list[CompiledRule]) -> Prefilters[CompiledRule]:
        """The rules' pre-filters tested together: ``possible(text)`` is the rules that may match ``text``.
        Their leads' finders are Python's re, built from code kept in the patterns cache (``Prefilters``: the
        cues' pair finder, a set of some 600 first characters, took 450 ns a character with the regex module)."""
        return Prefilters(rules, [rule.prefilter for rule in rules], patterns.compile, patterns.compile_python)

    @property
    def id(self) -> str:
        return self.rule.id

    def _check_groups(self) -> None:
        names = set(self.group_names)
        if self.rule.scope in ("heading", "lead", "form") and self.rule.role == "target":
            raise PlanparseError(self.path, f"rule {self.id}: scope `{self.rule.scope}` is for cues (exclude, baseline) only")
        if self.rule.scope == "form" and self.rule.role != "exclude":
            raise PlanparseError(self.path, f"rule {self.id}: scope `form` is for exclude cues only")
        for name in sorted(set(self.rule.groups) - names):
            raise PlanparseError(self.path, f"rule {self.id}: `groups` describes {name!r}, which the pattern does not have")
        numeric = self.rule.role == "target" and self.rule.kind != "milestone"
        if numeric and "amount" not in names and self.rule.value is None:
            raise PlanparseError(self.path, f"rule {self.id}: a numeric rule needs an `amount` group or a `value`")
        if numeric and not names & {"unit", "prefix", "denominator", "second_term"} and self.rule.unit is None:
            raise PlanparseError(self.path, f"rule {self.id}: a numeric rule needs a `unit`, `prefix`, `denominator` or `second_term` group or a `unit`")
        if ("brought_to" in names) != (self.rule.level_over_change is not None):
            raise PlanparseError(self.path, f"rule {self.id}: `level_over_change` goes with a `brought_to` group: give both or neither")

    def finditer(self, text: str) -> list[regex.Match]:
        """Matches in ``text``; a pattern that runs too long stops with an error instead of hanging. The arguments
        go by position (pos, endpos, overlapped, concurrent, partial, timeout): by keyword, the regex module's call
        took 0.9 µs more of the 2.2 it takes on a short sentence, a thousand calls a round of the gold texts."""
        try:
            return list(self.regex.finditer(text, None, None, False, patterns.NOT_CONCURRENT, False, PATTERN_TIMEOUT))
        except TimeoutError:
            raise RuleTimeout(self, text) from None

    @cached_property
    def need(self) -> Need | None:
        """The rule's ``needs`` as its pre-filter seeks it, compiled when first sought."""
        if self.rule.needs is None:
            return None
        return Need(self.rule.needs, self._holds_need)

    @cached_property
    def need_pattern(self) -> regex.Pattern:
        """The need with its fragments as the engine runs them (word lists by their first characters): the same texts
        hold it, and unknown-measure's, after every digit before a character of no measure word, took a quarter less."""
        return compile_pattern(expand_fragments(self.rule.needs or "", self._engine_fragments, self.path, self.id), self.path, self.id)

    def _holds_need(self, text: str) -> bool:
        """Whether ``text`` holds the rule's need (under the rules' time limit: past it, the rule is run, and stops at its own)."""
        try:
            return self.need_pattern.search(text, None, None, patterns.NOT_CONCURRENT, False, PATTERN_TIMEOUT) is not None
        except TimeoutError:
            return True

    def matches(self, text: str) -> bool:
        """Whether the pattern is found in ``text`` (under the same time limit as ``finditer``; the arguments by
        position: pos, endpos, concurrent, partial, timeout)."""
        if not self.prefilter.may_match(text):
            return False  # most texts (heading titles, lead lines) are ruled out without the engine's timed search
        try:
            return self.regex.search(text, None, None, patterns.NOT_CONCURRENT, False, PATTERN_TIMEOUT) is not None
        except TimeoutError:
            raise RuleTimeout(self, text) from None

    @cached_property
    def shipped(self) -> bool:
        """Whether the rule is one of planparse's own, read with planparse's own files alone (a user's rule that times
        out is theirs to simplify; so is a shipped rule reading a user's fragment, which may backtrack on a short text)."""
        return not self._users_files_read and self.path.parent == default_rules_dir()


@dataclass(frozen=True)
class RuleSet:
    """Every target rule in force, with the word tables they rely on."""

    rules: tuple[CompiledRule, ...]
    fragments: dict[str, str]
    engine_fragments: dict[str, str]  # the fragments as compiled (``Lexicon.fragments``)
    comparators: dict[str, str]
    frequencies: dict[str, Optional[str]]
    unit_kinds: dict[str, str]
    five_year_plans: tuple[FiveYearPlan, ...]
    files: tuple[Path, ...]
    lexicon: Lexicon
    turns_of_the_year: TurnsOfTheYear  # the shipped targets.yaml's, or a user file's after it
    recurrences: dict[str, str] = field(default_factory=dict)
    # What other stages build from the set (a reader of its rules), kept with it and gone with it.
    derived: dict[str, Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    def comparator(self, word: str, unit: Optional[str]) -> Optional[str]:
        """What the comparator word ``word`` means of a number in ``unit`` (优于 of metres: below, of % above),
        None when it is none."""
        return self.lexicon.measured_comparator(word, unit) or self.comparators.get(word)

    def repeat(self, word: str) -> tuple[Optional[str], Optional[str]]:
        """The frequency and the ISO 8601 period of the repeat word ``word`` (每年, 每季度, 每4年)."""
        return self.frequencies.get(word), self.recurrence(word)

    def recurrence(self, word: str) -> Optional[str]:
        """The ISO 8601 period of the repeat word ``word``: the table's (每半年 -> P6M), else the periods it counts
        (每三年 -> P3Y, 两年 of 两年开展一次 -> P2Y, 每15日 -> P15D, 每两周 -> P2W, 每2小时 -> PT2H), every one fragment
        frequency_word reads."""
        if word in self.recurrences:
            return self.recurrences[word]
        every = _EVERY_FEW_PERIODS.fullmatch(word)
        return "P" + _ISO_PERIODS[every.group("period")].format(mixed_number(every.group("count"))) if every else None

    def kept(self, name: str, build: Callable[[], BuiltT]) -> BuiltT:
        """``build()``, made once for this set (a reader's pre-filters take milliseconds to build)."""
        if name not in self.derived:
            self.derived[name] = build()
        return self.derived[name]

    def compile_all(self) -> None:
        """Every rule's pattern and pre-filter tests compiled now, where each is otherwise compiled when first
        matched (``CompiledRule.regex``, ``Prefilter.may_match``): a batch's workers fork with them all, instead
        of each compiling those its documents reach. A worker never saves the patterns cache (it ends without
        running ``atexit``): the tests it compiled were compiled again, from their source, by every worker of
        every batch (137 of them for the seed plan, most of its first document's CPU)."""
        for rule in self.rules:
            _ = rule.regex
            rule.prefilter.compile_tests()
            if rule.need is not None:
                _ = rule.need_pattern

    def by_role(self, role: str) -> list[CompiledRule]:
        return [rule for rule in self.rules if rule.rule.role == role]

    def five_year_plan(self, text: str) -> FiveYearPlan | None:
        """The five-year plan ``text`` names (“十四五”期间 -> 2021–2025), if any."""
        return next((plan for plan in self.five_year_plans if plan.label in text), None)

    def fragment(self, name: str) -> regex.Pattern:
        """A fragment compiled on its own (deadline and frequency words), its references expanded."""
        return self.compile(f"{{{name}}}", f"fragment-{name}")

    def compile(self, pattern: str, rule_id: str) -> regex.Pattern:
        """A pattern kept in code (a table cell) with this set's fragments expanded, compiled once
        per source; a fragment that breaks it stops with one error line naming ``rule_id``. Its alternatives
        are led by the characters they open with, as the rules' are (``led_if_it_compiles``: the same matches):
        relative_deadline, searched through every sentence with a target, took a sixth of the time, repeat_word a tenth."""
        return _compile_cached(led_if_it_compiles(self.expanded(pattern, rule_id)), self.files[0], rule_id)

    def expanded(self, pattern: str, rule_id: str) -> str:
        """``pattern`` with this set's fragments expanded, as ``compile`` reads it before leading its alternatives."""
        return expand_fragments(pattern, self.engine_fragments, self.files[0], rule_id)


@lru_cache(maxsize=None)
def _compile_cached(source: str, path: Path, rule_id: str) -> regex.Pattern:
    return compile_pattern(source, path, rule_id)


def expand_fragments(pattern: str, fragments: dict[str, str], path: Path, rule_id: str, seen: tuple[str, ...] = ()) -> str:
    """Replace every ``{name}`` with its fragment, recursively; unknown names stop with the file and rule."""

    def replace(match: regex.Match) -> str:
        name = match.group(1)
        if name not in fragments:
            raise PlanparseError(path, f"rule {rule_id}: unknown fragment {{{name}}}")
        if name in seen:
            raise PlanparseError(path, f"rule {rule_id}: fragment {{{name}}} refers to itself")
        return "(?:" + expand_fragments(fragments[name], fragments, path, rule_id, (*seen, name)) + ")"

    return _FRAGMENT_REFERENCE.sub(replace, pattern)


def rule_files(rules_dir: Path | None) -> list[Path]:
    """The default rule files, then the user's (every *.yaml in ``rules_dir`` but the own-kind files)."""
    defaults = default_rules_dir()
    files = [defaults / QUANTITIES_FILE, defaults / FRAGMENTS_FILE, *sorted(defaults.glob(TARGET_RULE_GLOB))]
    if rules_dir is not None:
        if not rules_dir.is_dir():
            raise PlanparseError(rules_dir, "--rules must be a folder of rule files (*.yaml)")
        files += sorted(path for path in rules_dir.glob("*.yaml") if path.name not in OWN_KIND_FILES)
    return files


def validate_rule_file(source: RuleSource) -> RuleFile:
    """A file of target rules, lexicons or synonyms validated; an empty file holds none."""
    return validate(RuleFile, [source], source.path, lambda: _mapping(load_yaml(source.path, source.text)))


def _mapping(data: Any) -> Any:
    return {} if data is None else data


def load_rule_set(rules_dir: Path | None = None) -> RuleSet:
    """Load, merge, validate and compile the target rules, once per process and folder."""
    return _load_rule_set(rules_dir.resolve() if rules_dir else None)  # one cache entry per folder, however named


@lru_cache(maxsize=None)
def _load_rule_set(rules_dir: Path | None) -> RuleSet:
    user_files = set(rule_files(rules_dir)) - set(rule_files(None))
    fragments: dict[str, str] = {}
    comparators: dict[str, str] = {}
    frequencies: dict[str, Optional[str]] = {}
    unit_kinds: dict[str, str] = {}
    five_year_plans: dict[str, FiveYearPlan] = {}
    recurrences: dict[str, str] = {}
    turns_of_the_year: TurnsOfTheYear | None = None
    default_rules: list[tuple[TargetRule, Path]] = []
    user_rules: list[tuple[TargetRule, Path]] = []
    places: dict[str, tuple[list[tuple[TargetRule, Path]], int]] = {}
    lexicons = Lexicons.model_construct()  # empty lists to add to: validating them built Lexicons' validator, 6 ms a start
    added = Lexicons.model_construct()
    files = rule_files(rules_dir)
    sources = [read_rule_file(path) for path in files]  # read once: the expansions' cache key is the files read
    units_replaced_in: Path | None = None  # the user's file whose units list replaced the shipped one
    pieces_given = False  # a user's file gives pieces the shipped rules' patterns are built of: fragments or word lists
    shipped_measures: set[str] = set()  # the measures planparse's own units list gives words to
    for path, source in zip(files, sources):
        content = validate_rule_file(source)
        _take_lexicons(content, lexicons, replace=path in user_files)
        pieces_given = pieces_given or (path in user_files and _gives_pattern_pieces(content))
        if path in user_files and "units" in content.model_fields_set:
            units_replaced_in = path
        elif path not in user_files:
            shipped_measures.update(entry.measure for entry in content.units)
        added.add(content.extend)
        fragments.update(content.fragments)
        comparators.update(content.comparators)
        frequencies.update(content.frequencies)
        unit_kinds.update(content.unit_kinds)
        recurrences.update(content.recurrences)
        five_year_plans.update((plan.label, plan) for plan in content.five_year_plans)
        turns_of_the_year = content.turns_of_the_year or turns_of_the_year
        for rule in content.rules:
            _place_rule(rule, path, default_rules, user_rules, is_user=path in user_files, places=places)
    if turns_of_the_year is None:  # 本学年内 and 今冬明春 are read by them: stop at load, not at the first plan that says one
        raise PlanparseError(default_rules_dir(), "no rule file gives turns_of_the_year (the shipped targets.yaml does)")
    lexicons.add(added)
    lexicon = Lexicon(lexicons)
    placed = user_rules + default_rules
    if units_replaced_in is not None:
        _check_measures_kept(units_replaced_in, shipped_measures, lexicon, fragments, placed)
    (fragments, engine_fragments, expanded), compiled_patterns = _expanded(sources, lambda: _expand(lexicon, fragments, placed, compile_now=bool(user_files)))
    comparators = {**lexicon.comparators, **comparators}
    unit_kinds = {**lexicon.unit_kinds, **unit_kinds}
    compiled = tuple(CompiledRule(rule, path, partial(compiled_patterns.__getitem__, index), digest, group_names, fragments,
                                  engine_fragments, users_files_read=pieces_given)
                     for index, ((rule, path), (group_names, _, digest)) in enumerate(zip(placed, expanded)))
    for index, (rule, (_, (tests, lead, outgrown, after_lead), _)) in enumerate(zip(compiled, expanded)):
        read_branches = partial(_branch_tests, compiled_patterns, len(compiled) + index)
        rule.prefilter = Prefilter(tests, lead, patterns.compile_python, after_lead, read_branches)
        rule.prefilter.need = rule.need
        if user_files and rule.need is not None:
            _ = rule.need_pattern  # a broken need stops the load, as a broken pattern does (``_expanded_rule``)
        if outgrown:
            sys.stderr.write(outgrown_lead(rule.id, outgrown) + "\n")
    return RuleSet(compiled, fragments, engine_fragments, comparators, frequencies, unit_kinds, tuple(five_year_plans.values()), tuple(files),
                   lexicon, turns_of_the_year, recurrences)


def _check_measures_kept(units_file: Path, shipped_measures: set[str], lexicon: Lexicon, written: dict[str, str],
                         rules: list[tuple[TargetRule, Path]]) -> None:
    """A user's units list that leaves a measure a rule reads ({length_unit}) with no words stops the load naming the
    user's file and field: the rule's unknown fragment named the shipped file the user never touched (units: [] stopped
    as targets.yaml: rule length-of-one-object: unknown fragment {length_unit})."""
    lost = {f"{measure}_unit" for measure in shipped_measures} - {f"{entry.measure}_unit" for entry in lexicon.units} - set(written)
    readers = [*((rule.pattern, f"rule {rule.id}") for rule, _path in rules),
               *((rule.needs, f"rule {rule.id}") for rule, _path in rules if rule.needs),
               *((text, f"fragment {name}") for name, text in written.items())]
    for text, reader in readers:
        for name in set(_FRAGMENT_REFERENCE.findall(text)) & lost:
            raise PlanparseError(units_file, f"units: no words of measure {name.removesuffix('_unit')}, which {reader} reads ({{{name}}}); "
                                             "list some, or put your entries under extend: to keep the shipped ones")


def replaced_fragments(rule_set: RuleSet) -> list[tuple[Path, str]]:
    """Each fragment a rule file defines again (file, problem): past the word tables' or an earlier file's, it replaces
    that one for every rule that reads it (a list of what a policy pays, named grant_word in targets.yaml as
    fragments.yaml names its verbs, changed every rule reading the verbs)."""
    defined_in = dict.fromkeys(rule_set.lexicon.fragments(), "the word tables")
    replaced = []
    for path in rule_set.files:
        for name in validate_rule_file(read_rule_file(path)).fragments:
            if name in defined_in:
                replaced.append((path, f"fragment {name} replaces the one of {defined_in[name]} for every rule that reads it; "
                                       "give it a name of its own unless that is meant"))
            defined_in[name] = path.name
    return replaced


# a rule's pattern as compiled (its fragments expanded; UTF-8), its groups' names, its pre-filter and its alternatives' tests
Expanded = tuple[bytes, frozenset[str], Plan, BranchTests]
Expansion = tuple[dict[str, str], dict[str, str], list[Expanded]]
# an Expansion less its patterns, each rule's with its digest (``patterns.source_digest``) in their place
KeptExpansion = tuple[dict[str, str], dict[str, str], list[tuple[frozenset[str], Plan, bytes]]]


def _expand(lexicon: Lexicon, written: dict[str, str], rules: list[tuple[TargetRule, Path]], compile_now: bool) -> Expansion:
    """The fragments in force, as the pre-filter reads them and as the engine runs them fastest (``Lexicon.fragments``),
    and each rule expanded (``_expanded_rule``)."""
    engine_fragments = _openings_looked_at({**lexicon.fragments(by_first_char=True), **written})  # a fragment written in a file wins over a generated one
    fragments = {**lexicon.fragments(), **written}
    possessive = patterns.PossessiveRuns(_written_out(engine_fragments))
    return fragments, engine_fragments, [_expanded_rule(rule, path, fragments, engine_fragments, possessive, compile_now)
                                         for rule, path in rules]


def _written_out(fragments: dict[str, str]) -> list[str]:
    """Each fragment with the fragments it names written out, as the rules that name it hold it; one naming an unknown
    fragment is left out (the rules that read it report it)."""
    written = []
    for name, source in fragments.items():
        try:
            written.append(expand_fragments(source, fragments, Path(name), name))
        except PlanparseError:
            continue
    return written


def _openings_looked_at(fragments: dict[str, str]) -> dict[str, str]:
    """``fragments`` with each alternative that opens with a lookbehind behind a look at the characters it opens with
    (``patterns.opening_looked_at``): where a rule reads it after a run (statistics-of-a-place's ``[^。]*?{size_of_a_place}``),
    or a search tries it at every 年 and 一 (frequency_word's), the lookbehind is no longer tried at each of them."""
    looked_at = {}
    for name, source in fragments.items():
        try:
            looked_at[name] = patterns.opening_looked_at(source, lambda part: expand_fragments(part, fragments, Path(name), name))
        except PlanparseError:
            looked_at[name] = source  # a fragment naming an unknown one is reported by the rules that read it
    return looked_at


def _expanded_rule(rule: TargetRule, path: Path, fragments: dict[str, str], engine_fragments: dict[str, str],
                   possessive: Callable[[str], str], compile_now: bool) -> Expanded:
    """The rule's pattern as compiled, its groups' names, and its pre-filter as read from the pattern expanded with
    ``fragments``: kept with the expansions, under the key of the rule files' texts and the code, they cost a start
    nothing to work out. Kept apart, the pre-filters were keyed on the expanded patterns (900,000 characters quoted,
    encoded and digested) and the groups were read from each pattern's compiled code in the patterns' cache: a tenth
    of an extract's start together.

    The shipped rules alone (not ``compile_now``) are compiled when first matched (``CompiledRule.regex``), their led
    forms as the tests compile them, and their groups named from their sources: compiling all of them at the first run
    was two fifths of its CPU, where a plan's sentences reach some thirty. A user's files may break any rule, their own or
    a shipped one through a fragment: with them, every rule is compiled now, and a broken one stops the load."""
    read = expand_fragments(rule.pattern, fragments, path, rule.id)
    engine = expand_fragments(rule.pattern, engine_fragments, path, rule.id)
    if compile_now:
        compiled = led_if_it_compiles(engine, possessive)
    else:
        compiled = possessive(patterns.branches_led(engine))
    names = None if compile_now else patterns.written_group_names(compiled)
    if names is None:
        names = frozenset(compile_pattern(compiled, path, rule.id).groupindex)
    return compiled.encode("utf-8", "surrogatepass"), names, *read_prefilter(read)


def led_if_it_compiles(source: str, final: Callable[[str], str] = lambda source: source) -> str:
    """``final(source)`` with its opening alternatives led by the characters they open with (``patterns.branches_led``:
    the same matches, a third less time for chinese-amount), when that compiles; else ``final(source)`` as it is, so
    that a broken pattern is reported as written. The form that compiles is the one run: compiling the led pattern
    before ``final`` rewrote it cost a rule's pattern two compiles (two fifths of a first run's start)."""
    led = final(patterns.branches_led(source))
    try:
        patterns.compile(led)
    except regex.error:
        return final(source)
    return led


def _expanded(sources: list[RuleSource], expand: Callable[[], Expansion]) -> tuple[KeptExpansion, Parts]:
    """``expand()``, from the cache when an earlier process expanded the same rule files with the same code
    (the word lists and expansions were a quarter of loading the rules). The key holds each file's name and
    the digest of what was read (a user's files come in their order; a file saved since is read next time), and the code that makes them: this module, the character
    tables its word lists are built with and the reading of the pre-filters (``required_chars``), the module that leads their
    alternatives (``patterns``), and the regex module that escapes them. Each rule's pattern as compiled is kept as a part
    of its own (``parsed_in_parts``), read when the rule is first matched, and after them, each rule's alternatives' tests
    (``_branch_tests``)."""
    code = [regex.__version__, required_chars.reading_version(), _code_digest(__name__), _code_digest(patterns.__name__)]
    key = "\0".join([*code, *(f"{source.path}\n{source.digest}" for source in sources)])

    def in_parts(_: str) -> tuple[KeptExpansion, list[bytes]]:
        fragments, engine_fragments, expanded = expand()
        return ((fragments, engine_fragments, [(names, plan, patterns.source_digest(pattern)) for pattern, names, plan, _ in expanded]),
                [pattern for pattern, *_ in expanded] + [marshal.dumps(branches) for *_, branches in expanded])

    return parsed_in_parts(Path("rule-expansions:"), key, in_parts, versions=PREFILTER_VERSIONS)


def _branch_tests(parts: Parts, index: int) -> BranchTests:
    """A rule's alternatives' tests, the part ``index`` of its expansion (``_expanded``): read when its pre-filter's other
    tests pass a text, which few rules' do in a plan."""
    return marshal.loads(parts[index])


def prefilter_plans(sources: list[str], rules_dir: Path | None) -> list[Plan]:
    """Each pattern's pre-filter (``required_clauses``, ``prefilter_plan``), from the cache when an earlier
    process read the same patterns (the indicator step's took some 30 ms; the target rules' are kept with their
    expansions, ``_expand``); per folder of rules (the shipped ones, or a user's), the last PREFILTER_VERSIONS sets of patterns
    read: checkouts of other versions, each with its own rules, share the cache folder and would otherwise
    overwrite each other's."""
    key = "\n".join([required_chars.reading_version(), *map(repr, sources)])
    return parsed(Path(f"required-clauses:{rules_dir or ''}"), key,
                  lambda _: [prefilter_plan(required_clauses(source)) for source in sources], versions=PREFILTER_VERSIONS)


PREFILTER_VERSIONS = 8


class GatedPattern:
    """A pattern run only on a text that holds what each of its matches holds (its pre-filter, ``required_chars``): the
    short texts it reads mostly hold none of it (a class of size: 2 of the 169 texts the gold plans' names tag), where
    the engine tried each of its many alternatives at each of their places. A window of a text (``pos``, ``endpos``) is
    ruled out with the text: no match of the window can hold what the whole does not."""

    def __init__(self, pattern: regex.Pattern, prefilter: Prefilter):
        self.pattern = pattern
        self.may_match = prefilter.may_match

    def search(self, text: str, *window: int) -> regex.Match | None:
        return self.pattern.search(text, *window) if self.may_match(text) else None

    def match(self, text: str, *window: int) -> regex.Match | None:
        return self.pattern.match(text, *window) if self.may_match(text) else None

    def fullmatch(self, text: str) -> regex.Match | None:
        return self.pattern.fullmatch(text) if self.may_match(text) else None

    def sub(self, replacement: str, text: str) -> str:
        return self.pattern.sub(replacement, text) if self.may_match(text) else text

    def finditer(self, text: str) -> Iterator[regex.Match]:
        return self.pattern.finditer(text) if self.may_match(text) else iter(())


def gated_patterns(*compiled: regex.Pattern) -> list[GatedPattern]:
    """Each pattern with its pre-filter, its tests compiled now (a batch's workers fork with them), the plans worked out
    and kept as the target rules' are (``prefilter_plans``)."""
    prefilters = [Prefilter(tests, lead, patterns.compile_python)
                  for tests, lead, *_ in prefilter_plans([pattern.pattern for pattern in compiled], rules_dir_in_force())]
    for prefilter in prefilters:
        prefilter.compile_tests()
    return [GatedPattern(pattern, prefilter) for pattern, prefilter in zip(compiled, prefilters)]


def _gives_pattern_pieces(content: RuleFile) -> bool:
    """Whether a rule file gives pieces of the shipped rules' patterns: fragments, or words of the lists the generated
    fragments are built of (a list of its own or entries to extend one). A user's file of rules alone gives none: a
    shipped rule that times out beside it is planparse's to mend, not the user's (who was told to simplify fragments
    they never gave)."""
    return bool(content.fragments) or any(name in content.model_fields_set or getattr(content.extend, name) for name in Lexicons.model_fields)


def _take_lexicons(content: RuleFile, lexicons: Lexicons, replace: bool) -> None:
    """The shipped files' lists add up; a list at the top of a user's file replaces them."""
    for name in Lexicons.model_fields:
        if name in content.model_fields_set:
            setattr(lexicons, name, list(getattr(content, name)) if replace else getattr(lexicons, name) + getattr(content, name))


def _place_rule(rule: TargetRule, path: Path, defaults: list, users: list, is_user: bool,
                places: dict[str, tuple[list, int]]) -> None:
    """A user rule with a default rule's id replaces it in place; any other repeated id is an error. ``places``: the
    list and index of each id placed so far, kept as the rules are placed (built again for each rule, it made placing
    the 231 shipped rules quadratic: 26,000 entries a start)."""
    if rule.id not in places:
        entries = users if is_user else defaults
        places[rule.id] = (entries, len(entries))
        entries.append((rule, path))
        return
    entries, index = places[rule.id]
    if not is_user or entries is users:
        raise PlanparseError(path, f"rule {rule.id}: id already used in {entries[index][1].name}")
    entries[index] = (rule, path)


@dataclass(frozen=True)
class IndicatorNameRules:
    """synonyms.yaml and a user's additions: place and name folds (compiled, in order), contrasts, same units and synonyms."""

    places: tuple[tuple[PlaceRule, regex.Pattern], ...]
    folds: tuple[tuple[NameFold, regex.Pattern], ...]
    contrasts: tuple[tuple[Contrast, Optional[regex.Pattern]], ...]
    same_units: tuple[SameUnits, ...]  # a list naming a base holds the base's words
    synonyms: tuple[Synonym, ...]
    files: tuple[Path, ...]
    unit_sizes: Mapping[str, Decimal]  # each word of a list naming a base: its factor to the base (亩: 666.67)


def load_indicator_name_rules(rules_dir: Path | None = None) -> IndicatorNameRules:
    """The shipped synonyms.yaml, then every file of ``rules_dir``: a fold, contrast or same units with a shipped id replaces it."""
    return _load_indicator_name_rules(rules_dir.resolve() if rules_dir else None)


@lru_cache(maxsize=None)
def _load_indicator_name_rules(rules_dir: Path | None) -> IndicatorNameRules:
    files = [default_rules_dir() / SYNONYMS_FILE, *rule_files(rules_dir)[len(rule_files(None)):]]
    places: dict[str, tuple[PlaceRule, regex.Pattern]] = {}
    folds: dict[str, tuple[NameFold, regex.Pattern]] = {}
    contrasts: dict[str, tuple[Contrast, Optional[regex.Pattern]]] = {}
    same_units: dict[str, SameUnits] = {}
    synonyms: list[Synonym] = []
    for path in files:
        content = validate_rule_file(read_rule_file(path))
        places.update((place.id, (place, compile_pattern(place.pattern, path, place.id))) for place in content.plan_places)
        folds.update((fold.id, (fold, compile_pattern(fold.pattern, path, fold.id))) for fold in content.name_folds)
        contrasts.update((contrast.id, (contrast, compile_pattern(contrast.pattern, path, contrast.id) if contrast.pattern else None))
                         for contrast in content.contrasts)
        same_units.update((units.id, units) for units in content.same_units)
        synonyms += content.synonyms
    sizes = _unit_sizes(rules_dir)
    listed = tuple(_with_base_words(same, sizes) for same in same_units.values())
    unit_sizes = {word: sizes[word][1] for same in listed if same.base for word in same.units}
    return IndicatorNameRules(tuple(places.values()), tuple(folds.values()), tuple(contrasts.values()), listed,
                              tuple(synonyms), tuple(files), unit_sizes)


def _unit_sizes(rules_dir: Path | None) -> dict[str, tuple[str, Decimal]]:
    """Each word of the quantity lexicons in force that has a factor, with its base and factor (亩: 平方米, 666.67), read
    as ``load_rule_set`` reads them (a user's list replaces the shipped one, ``extend:`` adds to it), no rule compiled."""
    user_files = rule_files(rules_dir)[len(rule_files(None)):]
    lexicons, added = Lexicons.model_construct(), []
    for path in [default_rules_dir() / QUANTITIES_FILE, *user_files]:
        content = validate_rule_file(read_rule_file(path))
        _take_lexicons(content, lexicons, replace=path in user_files)
        added += content.extend.units
    return {word: (entry.base, factor) for entry in lexicons.units + added if entry.base and isinstance(entry.words, dict)
            for word, factor in entry.words.items()}


def _with_base_words(same: SameUnits, sizes: dict[str, tuple[str, Decimal]]) -> SameUnits:
    """A list naming a base with the base's words in it, in the lexicons' order, but those it keeps apart."""
    if same.base is None:
        return same
    return same.model_copy(update={"units": [word for word, (base, _factor) in sizes.items() if base == same.base and word not in same.apart]})
