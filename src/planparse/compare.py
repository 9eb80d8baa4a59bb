"""Compare: the targets of several plans lined up by what they measure.

Targets of different plans share a row of the indicator matrix when they have
the same kind and unit, or units that count the same things (人 and 名), and their indicator names, once folded
(``rules/synonyms.yaml``: place and filler words out, the plan's own place
name out), are synonyms or alike enough (rapidfuzz's ratio reaches the
threshold, by words added, not changed) and no contrast (国家级 vs 省级) tells them apart.
"""
from __future__ import annotations

import math
from collections import Counter, namedtuple
from dataclasses import dataclass, field, replace
from pathlib import Path
from decimal import Decimal
from functools import partial
from typing import Iterable, Mapping, Optional, Union

import regex
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from .diff import PlanReading, PlanReadings, document_key, input_plans, load_document
from .documents import InputPlans
from .errors import PlanparseError
from .models import CellTarget, ComparedPlan, Comparison, Document, IndicatorRow, Metadata, Source, Target, TargetKindName, UnreadPlan
from .names import display_text
from .readers import DOCUMENT_SUFFIXES, STDIN, check_stdin_read_once, missing_input
from .folding import fold as fold_characters
from .rules import Contrast, IndicatorNameRules

DEFAULT_THRESHOLD = 90.0
# The longest folded name compared: an indicator is a few words (26 characters at most in the wild plans), and
# scoring two names costs the product of their lengths (crafted JSON of 20,000-character names: 21 s for 50 a side).
MAX_COMPARED_NAME_CHARS = 100
# The most pairs of names scored, those the name index leads each name to (about a minute): 400 plans of reworded
# names (bench.py compare) score 1.5 million pairs at the default threshold, 42 million at 50; crafted JSON of names
# of random letters shares characters with most names: 8,000 a side scored 49 million (36 s), and 150,000 a side
# (100 MB) would score 11 billion (hours).
MOST_PAIRS_SCORED = 100_000_000


# --- inputs ------------------------------------------------------------------


def compared_inputs(inputs: Iterable[Path]) -> list[InputPlans]:
    """The plans each input stands for: a plan or planparse JSON file, or the plans under a folder (``compared_files``);
    all checked, each folder walked once, before any is read."""
    inputs = list(inputs)
    check_stdin_read_once(inputs)
    found: list[InputPlans] = []
    for path in inputs:
        if str(path) != STDIN and not path.exists():  # - is standard input, as extract reads it
            raise PlanparseError(path, missing_input(path))
        plans = compared_files(input_plans(path))
        if not plans.files:
            raise PlanparseError(path, f"holds no plan ({', '.join(DOCUMENT_SUFFIXES)}) and no planparse JSON file")
        found.append(plans)
    return _each_file_once(found)


def _each_file_once(found: list[InputPlans]) -> list[InputPlans]:
    """``found`` with a file met again (named twice, by a link, or both on its own and in its folder) left out, said
    as skipped: compared twice it stood as two plans, each of its targets counted as held by two."""
    seen: set[tuple[int, int]] = set()
    kept = []
    for plans in found:
        files, skipped = [], list(plans.skipped)
        for file in plans.files:
            key = _file_identity(file)
            if key in seen:
                skipped.append((file, "given again: compared once"))
                continue
            if key is not None:
                seen.add(key)
            files.append(file)
        kept.append(replace(plans, files=files, skipped=skipped))
    return kept


def _file_identity(file: Path) -> tuple[int, int] | None:
    """The file's device and inode, which tell the same file under any name; None for standard input, and for a
    file gone since its folder was walked (its reading then says so)."""
    if str(file) == STDIN:
        return None
    try:
        status = file.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


def plan_readings(inputs: Iterable[InputPlans], rules_dir: Path | None = None) -> list[PlanReading]:
    """Each input's plans as (file, its reading), each read when it is asked for: what they are compared for keeps of
    each only what it shows, never 500 documents whole (650 MB); and one that fails to read is the caller's to say
    and pass over, the others read (``cli.output.PlanReader``); the plans to extract on a process of their own
    (``diff.PlanReadings``)."""
    return PlanReadings([file for plans in inputs for file in plans.files], rules_dir).each()


def compared_files(found: InputPlans) -> InputPlans:
    """The plans of a folder compared: its planparse JSON files when it has some (a batch output, whose
    report.html is no plan), else its plans. plan.docx beside plan.pdf, or plan.docx.json beside plan.pdf.json,
    are plans of their own (named apart by ``plan_ids``)."""
    extracted = [path for path in found.files if path.suffix.lower() == ".json"]
    return replace(found, files=extracted or found.files)


def folder_readings(folder: Path) -> list[PlanReading]:
    """Every planparse JSON file under a batch output folder (``batch --report``), by path, read as asked for."""
    return [(str(file), partial(load_document, file)) for file in input_plans(folder).files if file.suffix.lower() == ".json"]


def plan_ids(files: list[str]) -> list[str]:
    """Short unique names for the plans: the file name without suffixes (jieyang-2022); where plans in different
    folders share one (each city's plan saved as 实施方案.docx, a page as index.html), it with as many of its folders
    as tell them apart (揭阳/实施方案, 晋江/实施方案); where one plan comes in two formats, the name with the plan's
    suffix (jieyang-2022.docx, jieyang-2022.pdf); then numbered. A name for people, in every output: a byte of a name
    that is not UTF-8 is written ``\\xbc`` (the file keeps it)."""
    names = [Path(display_text(file)).parts for file in files]
    keys = [Path(document_key(Path(*name))).parts for name in names]
    formats = Counter(keys)  # one plan's files in several formats share a key
    ends = Counter(key[-depth:] for key in formats for depth in range(1, len(key) + 1))
    ids: dict[str, None] = {}  # in order, looked up as a set: a list searched for each id took quadratic time
    numbered: Counter[str] = Counter()  # the last number given to a name: one file given n times is numbered once each
    for name, key in zip(names, keys):
        depth = next((depth for depth in range(1, len(key)) if ends[key[-depth:]] == 1), len(key))  # the folders telling it apart
        base = Path(*(key if formats[key] == 1 else name)[-depth:]).as_posix()
        base = base[: -len(".json")] if base.lower().endswith(".json") else base
        candidate = base
        while candidate in ids:
            numbered[base] = max(numbered[base], 1) + 1
            candidate = f"{base}-{numbered[base]}"
        ids[candidate] = None
    return list(ids)


# --- names -------------------------------------------------------------------


def places_in(text: str, rules: IndicatorNameRules) -> list[regex.Match]:
    """The places read at the start of ``text``, one after another (清远市, 清城区)."""
    found: list[regex.Match] = []
    for _place, pattern in rules.places:
        position = 0
        while match := pattern.match(text, position):
            found.append(match)
            position = match.end()
    return found


def plan_places(document: Document, rules: IndicatorNameRules) -> tuple[str, ...]:
    """The plan's own place names, from its issuer else its title, longest first, with their short forms (揭阳市, 揭阳)."""
    for text in (document.metadata.issuer, document.metadata.title):
        found = places_in(text or "", rules)
        if found:
            names = {match.group() for match in found} | {match.group("short") for match in found if len(match.group("short")) >= 2}
            return tuple(sorted(names, key=lambda name: (-len(name), name)))
    return ()


@dataclass(frozen=True)
class NameMatcher:
    """Folds names and says which may share a row, as the indicator name rules say."""

    rules: IndicatorNameRules

    def fold(self, name: str, places: tuple[str, ...] = ()) -> str:
        text = fold_characters(name)  # the places too are folded: they come from the metadata as written
        stripped = True
        while stripped:  # 清远市清城区… loses both places
            stripped = False
            for place in map(fold_characters, places):
                if text.startswith(place) and len(text) > len(place):
                    text, stripped = text[len(place):], True
        for _fold, pattern in self.rules.folds:
            text = pattern.sub("", text)
        return (text or name)[:MAX_COMPARED_NAME_CHARS]

    def synonyms(self) -> dict[str, str]:
        """Each folded synonym name to its indicator; a later file's synonym wins."""
        return {self.fold(name): synonym.indicator for synonym in self.rules.synonyms for name in synonym.names}

    def measures(self) -> dict[str, tuple[str, ...]]:
        """Each unit of a same-units list to all the units of its list, in their order; a later file's list wins."""
        return {unit: tuple(same.units) for same in self.rules.same_units for unit in same.units}

    def apart(self, first: str, second: str) -> bool:
        """Whether a contrast tells two folded names apart: they hold different words of it."""
        return any(_held(contrast, pattern, first) != _held(contrast, pattern, second) for contrast, pattern in self.rules.contrasts)


def _held(contrast: Contrast, pattern: Optional[regex.Pattern], name: str) -> set[str]:
    """The words of ``contrast`` that ``name`` holds: those it lists, or its pattern's matches."""
    return {match.group() for match in pattern.finditer(name)} if pattern else {word for word in contrast.words if word in name}


# --- the matrix --------------------------------------------------------------


# A target as a cell of the matrix shows it: the fields of ``CellTarget`` in a tuple. A pydantic model of each took
# about 1.8 KB a target, most of what lining up many plans held; only the JSON output makes the models.
Cell = namedtuple("Cell", CellTarget.model_fields)


def cell_of(target: Union[Target, CellTarget]) -> Cell:
    return Cell._make(getattr(target, name) for name in Cell._fields)


@dataclass(slots=True)
class MatrixRow:
    """Targets of several plans that measure the same thing (``IndicatorRow``'s fields, its cells light)."""

    indicator: str
    unit: Optional[str]
    kind: TargetKindName
    names: list[str]
    cells: dict[str, list[Cell]]  # by plan id; a plan without a target here is absent
    factors: dict[str, float] = field(default_factory=dict)  # where its cells hold units of different sizes: each in the first

    def model(self) -> IndicatorRow:
        cells = {plan: [CellTarget(**cell._asdict()) for cell in held] for plan, held in self.cells.items()}
        return IndicatorRow(indicator=self.indicator, unit=self.unit, kind=self.kind, names=self.names, cells=cells, factors=self.factors)


@dataclass
class Matrix:
    """The indicator × plan matrix (``Comparison``'s fields), as the outputs are written from it."""

    threshold: float
    plans: list[ComparedPlan]
    rows: list[MatrixRow]  # rows held by more plans first
    unread: list[tuple[str, str]] = field(default_factory=list)  # (file, why) of each plan named that could not be read

    def model(self) -> Comparison:
        return Comparison(threshold=self.threshold, plans=self.plans, rows=[row.model() for row in self.rows],
                          unread=[UnreadPlan(file=file, problem=problem) for file, problem in self.unread])


# --- grouping ----------------------------------------------------------------


def _characters(name: str) -> list[tuple[str, int]]:
    """Each character of ``name`` with how many times it came before: the characters two names share, counted."""
    seen: dict[str, int] = {}
    counted = []
    for character in name:
        seen[character] = seen.get(character, -1) + 1
        counted.append((character, seen[character]))
    return counted


@dataclass
class NameIndex:
    """Names in the order they came, found again by the characters they hold.

    fuzz.ratio is 200 × (longest common subsequence) / (both lengths), so a name of length n reaches a
    threshold t only with a name sharing at least t·n / (200 − t) of its characters: any n − that + 1 of
    them meets every such name. Scoring only the names those characters lead to keeps each new name's
    cost to its likely matches, not to every name seen (500 plans lined up in quadratic time before).
    """

    positions: dict[str, int] = field(default_factory=dict)
    holding: dict[tuple[str, int], list[str]] = field(default_factory=dict)  # a counted character: the names holding it

    def add(self, name: str) -> None:
        self.positions[name] = len(self.positions)
        for character in _characters(name):
            self.holding.setdefault(character, []).append(name)

    def candidates(self, name: str, threshold: float) -> set[str]:
        """A superset of the names whose fuzz.ratio with ``name`` reaches ``threshold``."""
        shared = math.ceil(threshold * len(name) / (200 - threshold) - 1e-9) if threshold < 100 else len(name)
        if shared < 1:  # a threshold this low lets names with nothing in common match
            return set(self.positions)
        rarest = sorted(_characters(name), key=lambda character: len(self.holding.get(character, ())))
        return {found for character in rarest[: len(name) - shared + 1] for found in self.holding.get(character, ())}


@dataclass
class _Row:
    synonym: Optional[str] = None
    entries: list[tuple[str, Cell]] = field(default_factory=list)  # (plan id, target)


@dataclass
class _PairsLeft:
    """How many more pairs of names the buckets of one comparison may score (``MOST_PAIRS_SCORED``)."""

    files: list[str]
    threshold: float
    left: int

    def spend(self, pairs: int) -> None:
        self.left -= pairs
        if self.left < 0:
            others = len(self.files) - 1
            plans = self.files[0] + (f" and {others} more plan{'s' if others > 1 else ''}" if others else "")
            raise PlanparseError(plans, f"more than {MOST_PAIRS_SCORED:,} pairs of indicator names alike enough to score at "
                                        f"threshold {self.threshold:g}; planparse scores at most that many: compare fewer "
                                        "plans at once, or raise --threshold")


@dataclass
class _Bucket:
    """The rows of one measure (a unit, or a same-units list) and kind, and the folded names that lead to them."""

    matcher: NameMatcher
    synonyms: dict[str, str]
    synonym_index: NameIndex
    threshold: float
    pairs_left: _PairsLeft
    rows: list[_Row] = field(default_factory=list)
    names: dict[str, _Row] = field(default_factory=dict)
    name_index: NameIndex = field(default_factory=NameIndex)
    synonym_rows: dict[str, _Row] = field(default_factory=dict)

    def row_for(self, name: str) -> _Row:
        if name not in self.names:
            self.names[name] = self._place(name)
            self.name_index.add(name)
        return self.names[name]

    def _pool(self, name: str) -> list[str]:
        """The names seen and then the synonyms not seen, in that order (the first best match wins), that may match ``name``."""
        found = self.name_index.candidates(name, self.threshold) | self.synonym_index.candidates(name, self.threshold)
        self.pairs_left.spend(len(found))
        seen = self.name_index.positions
        return sorted(found, key=lambda candidate: (0, seen[candidate]) if candidate in seen else (1, self.synonym_index.positions[candidate]))

    def _place(self, name: str) -> _Row:
        if name in self.synonyms:
            return self._synonym_row(self.synonyms[name])
        for candidate, _score, _index in process.extract(name, self._pool(name), scorer=fuzz.ratio, score_cutoff=self.threshold, limit=None):
            if not _changed_words(name, candidate) and not self.matcher.apart(name, candidate):
                return self.names.get(candidate) or self._synonym_row(self.synonyms[candidate])
        row = _Row()
        self.rows.append(row)
        return row

    def _synonym_row(self, indicator: str) -> _Row:
        if indicator not in self.synonym_rows:
            self.synonym_rows[indicator] = _Row(synonym=indicator)
            self.rows.append(self.synonym_rows[indicator])
        return self.synonym_rows[indicator]


def _changed_words(first: str, second: str) -> bool:
    """Whether the two names differ by a character one has in place of the other's, not only by words one adds
    (高新技术企业 / 高新技术企业认定数): a name's words in place of others name another thing (公办 / 民办, 男性 / 女性,
    出口 / 进口), however long the words they share. Indel's distance passes the difference of the lengths exactly when
    the shorter name is a subsequence of the longer."""
    return Indel.distance(first, second) > abs(len(first) - len(second))


def _name(target: Union[Target, Cell]) -> str:
    return target.indicator or target.quote


def _label(row: _Row) -> str:
    """A synonym's indicator, else the name most plans give (then the most often, the shortest)."""
    if row.synonym:
        return row.synonym
    plans: dict[str, set[str]] = {}
    uses = Counter(_name(target) for _plan, target in row.entries)
    for plan, target in row.entries:
        plans.setdefault(_name(target), set()).add(plan)
    return min(uses, key=lambda name: (-len(plans[name]), -uses[name], len(name), name))


UNIT_SEPARATOR = "、"  # between the units of a row joining several (人、名)
# What a target's unit counts, as rows are kept apart by: its unit, or all the units of the same-units list holding it.
Measure = Union[str, tuple[str, ...], None]


def _row_units(row: _Row, measure: Measure) -> list[Optional[str]]:
    """The unit the row's targets hold, or those of one same-units list they hold, in the list's order (人, 名)."""
    if not isinstance(measure, tuple):
        return [measure]
    held = {target.unit for _plan, target in row.entries}
    return [unit for unit in measure if unit in held]


def _factors(units: list[Optional[str]], sizes: Mapping[str, Decimal]) -> dict[str, float]:
    """Each of ``units`` in the first (亩: 0.0667 of 公顷), where they are of a list naming a base and not all one size."""
    held = [sizes[unit] for unit in units if unit in sizes]
    if len(held) != len(units) or len(set(held)) < 2:
        return {}
    return {unit: float(size / held[0]) for unit, size in zip(units, held)}  # type: ignore[misc]


def _indicator_row(row: _Row, measure: Measure, kind: str, sizes: Mapping[str, Decimal]) -> MatrixRow:
    cells: dict[str, list[Cell]] = {}
    for plan, target in row.entries:
        cells.setdefault(plan, []).append(target)
    names = sorted({_name(target) for _plan, target in row.entries})
    units = _row_units(row, measure)
    return MatrixRow(indicator=_label(row), unit=units[0] if len(units) == 1 else UNIT_SEPARATOR.join(map(str, units)), kind=kind, names=names,
                     cells=cells, factors=_factors(units, sizes))


@dataclass(frozen=True, slots=True)
class _LinedUp:
    """A target as lining up needs it: its plan (by position), what its unit counts, kind, cell and folded name."""

    plan: int
    measure: Measure
    kind: str
    cell: Cell
    name: str


def compare_documents(documents: Iterable[tuple[str, Document]], rules: IndicatorNameRules, threshold: float = DEFAULT_THRESHOLD) -> Matrix:
    """The indicator × plan matrix of ``documents`` (file, document), in their order, each taken as it comes and
    kept only as its metadata and its targets' cells."""
    matcher = NameMatcher(rules)
    synonyms, measures = matcher.synonyms(), matcher.measures()
    synonym_index = NameIndex()
    for synonym in synonyms:
        synonym_index.add(synonym)
    plans: list[tuple[str, Source, Metadata]] = []
    targets: list[_LinedUp] = []
    spread: Counter[tuple] = Counter()  # how many plans use each name (of a measure and kind)
    for plan, (file, document) in enumerate(documents):
        plans.append((file, document.source, document.metadata))
        places = plan_places(document, rules)
        lined_up = [_LinedUp(plan, measures.get(target.unit, target.unit), target.kind, cell_of(target), matcher.fold(_name(target), places))
                    for target in document.targets]
        spread.update({(target.measure, target.kind, target.name) for target in lined_up})
        targets += lined_up
    files = [file for file, _source, _metadata in plans]
    ids = plan_ids(files)
    pairs_left = _PairsLeft(files, threshold, MOST_PAIRS_SCORED)
    # Names more plans use are placed first, so that a row forms around the common name.
    buckets: dict[tuple, _Bucket] = {}
    for measure, kind, name in sorted(spread, key=lambda key: (-spread[key], str(key[0]), key[1], key[2])):
        if (measure, kind) not in buckets:  # (setdefault would build a bucket and its index for every name)
            buckets[(measure, kind)] = _Bucket(matcher, synonyms, synonym_index, threshold, pairs_left)
        buckets[(measure, kind)].row_for(name)
    for target in targets:
        buckets[(target.measure, target.kind)].row_for(target.name).entries.append((ids[target.plan], target.cell))
    rows = [_indicator_row(row, measure, kind, rules.unit_sizes) for (measure, kind), bucket in buckets.items() for row in bucket.rows if row.entries]
    compared = [ComparedPlan(id=plan_id, file=file, source=source, metadata=metadata) for plan_id, (file, source, metadata) in zip(ids, plans)]
    return Matrix(threshold=threshold, plans=compared, rows=_ordered(rows))


def _ordered(rows: list[MatrixRow]) -> list[MatrixRow]:
    """Rows held by more plans (then more targets) first, and the rows of one indicator together where the first of
    them stands: a baseline (8.2% in 2015) beside the target it starts from (>19% by 2025), in whatever unit or kind."""
    def rank(row: MatrixRow) -> tuple:
        return -len(row.cells), -sum(map(len, row.cells.values())), row.indicator, str(row.unit), row.kind

    first: dict[str, tuple] = {}
    for row in rows:
        first[row.indicator] = min(first.get(row.indicator, rank(row)), rank(row))
    return sorted(rows, key=lambda row: (first[row.indicator], rank(row)))


def check_indicator_name_rules(rules: IndicatorNameRules) -> list[str]:
    """Every place, fold and contrast example of synonyms.yaml and the user's files, and every unit in one same-units
    list only; one line per failure.

    A synonym name listed again by a later file follows the later synonym on purpose, so names are not checked here.
    """
    matcher = NameMatcher(rules)
    failures = []
    for place, _pattern in rules.places:
        failures += [f"plan place {place.id}: example {example.text!r} gives {[m.group() for m in places_in(example.text, rules)]}, not {example.expect}"
                     for example in place.examples if [m.group() for m in places_in(example.text, rules)] != example.expect]
    for fold, pattern in rules.folds:
        failures += [f"name fold {fold.id}: example {example.text!r} gives {pattern.sub('', example.text)!r}, not {example.expect!r}"
                     for example in fold.examples if pattern.sub("", example.text) != example.expect]
    for contrast, _pattern in rules.contrasts:
        failures += [f"contrast {contrast.id}: {first!r} and {second!r} are not told apart"
                     for first, second in contrast.examples if not matcher.apart(matcher.fold(first), matcher.fold(second))]
    failures += [f"same units {same.id}: base {same.base} of the quantity lexicons converts fewer than two words"
                 for same in rules.same_units if same.base and len(same.units) < 2]
    listed = Counter(unit for same in rules.same_units for unit in set(same.units))
    failures += [f"same units {same.id}: {unit} is in another list too, which would join both" for same in rules.same_units
                 for unit in same.units if listed[unit] > 1]
    return failures
