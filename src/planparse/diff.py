"""Diff: what changed between two versions of a plan, target by target.

Targets are paired in stages, each a key two versions of one target share,
from the strictest to the most tolerant:

1. the same commitment (indicator, value, unit, comparator, ...) under the
   same headings, so alike targets pair with their twins whatever their ids;
2. the stable id, under the same heading;
3. indicator and unit under a heading of the same title: sections renumbered
   or moved, sentences reworded, outer headings retitled;
4. indicator and unit at the same section number: the heading retitled;
5. the indicator under a heading of the same title: the unit changed;
6. the same commitment anywhere: a target whose item lost its heading (an
   item deleted before it renumbers its list, a title rewritten into prose).

What pairs is changed (value, comparator, deadline, ...) or only moved; what
does not is added or removed.
"""
from __future__ import annotations

import io
import json
import math
import sys
from collections import Counter
from pathlib import Path
from functools import cache, partial
from typing import Callable, Hashable, Iterable, Iterator, NamedTuple, Optional

from pydantic import ValidationError
from rapidfuzz import fuzz

from . import time_limit
from .documents import InputPlans
from .errors import PlanparseError, one_line, validation_problem
from .limits import MAX_NUMBER_DIGITS, check_json_values, check_plan_entries
from .names import shown_name
from .models import (COMMITMENT_FIELDS, SCHEMA_VERSION, DiffReport, Document, DocumentDiff, FieldChange, Metadata, Target,
                     TargetChange)
from .pipeline import extract, warned_if_nothing
from .readers import DOCUMENT_SUFFIXES, STDIN, check_stdin_read_once, input_name, is_hidden, load_bytes, missing_input, why_no_file
from .worker_preload import warm_up
from .workers import TimedOut, WorkerDied, run_on_workers

CATEGORIES = ("added", "removed", "changed", "metadata")
# Below this, two quotes under one key are different targets, not one reworded.
_MIN_QUOTE_SIMILARITY = 0.5
# Targets sharing a key compared each with each, at most: a plan's largest group (a table's rows of one
# indicator under one heading) holds tens.
_MOST_COMPARED_PAIRS = 10_000
# A quote or a sentence is compared on its first characters: the longest sentence of our corpus has 1,082, and
# a crafted file's quote of a megabyte compared whole with another took hours.
_COMPARED_CHARS = 2_000


# --- loading -----------------------------------------------------------------


def load_document(path: Path, rules_dir: Path | None = None) -> Document:
    """A planparse JSON file as it is, any other file extracted now (with the user's rules, if any); one holding
    nothing of a plan warned of (``warned_if_nothing``: a JSON file an earlier version wrote is not yet)."""
    return warned_if_nothing(extract(path, rules_dir) if path.suffix.lower() != ".json" else _load_json(path))


# A plan to read: its file as named to the user, and the reading of it (a PlanparseError when it cannot be read).
PlanReading = tuple[str, Callable[[], Document]]


class _Unreadable(NamedTuple):
    """Why a plan read on a process of its own could not be read (a ``PlanparseError``'s parts, sent back whole)."""

    path: str
    problem: str


class PlanReadings:
    """``load_document`` of each of ``files``, asked for in their order, as diff, compare and report read plans: a plan
    to extract (standard input too) on a process kept across them where the command keeps a time limit on reading one;
    a planparse JSON file, and any plan where no limit is armed (a program calling this), here.

    PDFium parsing a form again for each of its uses on a page, in C code, cannot be stopped but with its process, and ended the
    whole command (a compare of 40 plans, a diff of two folders, gave nothing for one such PDF). That process is
    stopped past the limit, or dies, and the plan cannot be read, as a damaged one cannot; the next process takes the
    plans after it. One process for all of them (``run_on_workers``, one worker): a process forked for each plan from
    the command's, which grows with the plans compared, took 14 ms of the system's time a plan, seven times what
    extracting a small plan takes. Standard input is read here, within the size limit, and handed to that process
    as its own: a process started for work has none."""

    def __init__(self, files: list[Path], rules_dir: Path | None = None):
        self.files, self.rules_dir = files, rules_dir
        self.seconds = time_limit.armed_seconds()
        self._results: Iterator[tuple[int, object]] | None = None
        self._stdin_error: PlanparseError | None = None  # standard input past the size limit: no process reads it
        self._last: int | None = None  # the last plan that process reads: its pool is closed once it is read

    def each(self) -> list[PlanReading]:
        """Each plan as (its name to the user, its reading). The readings are called in the order of ``files``, each
        once: the plans' process reads them in that order, and hands each back once. One left uncalled is passed over
        (its plan read all the same); one called after a later one finds the process past it: an internal error."""
        return [(input_name(path), partial(self.read, position)) for position, path in enumerate(self.files)]

    def read(self, position: int) -> Document:
        """The plan ``files[position]``, read after those before it that were asked for (one not asked for, passed over)."""
        path = self.files[position]
        if self.seconds is None or path.suffix.lower() == ".json":
            return load_document(path, self.rules_dir)
        if self._results is None:
            self._results = self._start()
        if str(path) == STDIN and self._stdin_error:
            raise self._stdin_error
        for done, read in self._results:
            if done == position:
                if position == self._last:
                    next(self._results, None)  # its process ends now, not when the command does
                return _read_document(input_name(path), read, self.seconds)
        raise PlanparseError(input_name(path), "internal error: read out of order")

    def _start(self) -> Iterator[tuple[int, object]]:
        """The plans to extract, in their order, read on one worker: forked warm, it loads a library when a plan
        first needs it (forked with none, an early worker would take the plain texts ahead of a PDF)."""
        _warmed(self.rules_dir)
        stdin = None
        if any(str(path) == STDIN for path in self.files):
            try:
                with time_limit.reading(STDIN):  # a pipe that trickles forever ends the command at the limit, as extract's does
                    stdin = load_bytes(STDIN)[1]
            except PlanparseError as error:
                self._stdin_error = error
        apart = [position for position, path in enumerate(self.files)
                 if path.suffix.lower() != ".json" and not (str(path) == STDIN and self._stdin_error)]
        self._last = apart[-1] if apart else None
        return run_on_workers(apart, partial(_read_here, files=self.files, rules_dir=self.rules_dir, stdin=stdin), 1, time_limit=self.seconds)


def _read_document(name: str, read: object, seconds: float) -> Document:
    """The document a plan's process read, or why it could not be read."""
    if isinstance(read, Document):
        return read
    if isinstance(read, _Unreadable):
        raise PlanparseError(read.path, read.problem)
    if isinstance(read, TimedOut):
        raise PlanparseError(name, f"reading it took more than {seconds:g} s, the most planparse gives one document")
    if isinstance(read, WorkerDied):
        raise PlanparseError(name, "the process reading it died")
    raise PlanparseError(name, f"internal error: {read}")  # WorkFailed: a bug on one plan fails that plan


@cache
def _warmed(rules_dir: Path | None) -> None:
    """The rules loaded and the pipeline run once before the first plan's process is forked: each starts warm."""
    warm_up(rules_dir)


def _read_here(position: int, files: list[Path], rules_dir: Path | None, stdin: bytes | None) -> Document | _Unreadable:
    """On the plans' own process, which the command stops past the time limit itself; ``stdin``: what the command
    read of its standard input, this process's standard input."""
    path = files[position]
    if str(path) == STDIN and stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    with time_limit.unarmed():
        try:
            return load_document(path, rules_dir)
        except PlanparseError as error:
            return _Unreadable(error.path, error.problem)


def _load_json(path: Path) -> Document:
    path, data = load_bytes(path)  # as a plan is read: no FIFO waited on, no file past the size limit
    check_json_values(path, data)
    try:
        content = json.loads(data, parse_int=_whole_number, parse_float=_finite_number, parse_constant=_no_number)
        _check_schema_version(path, content)
        check_plan_entries(path, content)
        return Document.model_validate_json(data)
    except ValidationError as exc:  # a ValueError too: first
        raise PlanparseError(path, f"not a planparse JSON file ({validation_problem(exc)})") from None
    except (ValueError, RecursionError) as exc:  # not JSON at all, or numbers planparse never writes
        raise PlanparseError(path, f"not a planparse JSON file ({_json_problem(exc)})") from None


def _json_problem(exc: ValueError | RecursionError) -> str:
    return "arrays and objects nested deeper than planparse reads" if isinstance(exc, RecursionError) else one_line(str(exc))


# What a crafted file may hold that planparse never writes, refused before pydantic reads it as a number.
def _whole_number(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise ValueError(f"a number of {len(digits.lstrip('-')):,} digits; planparse writes numbers of at most {MAX_NUMBER_DIGITS} digits")
    return int(digits)


def _finite_number(text: str) -> float:
    if not math.isfinite(number := float(text)):
        raise ValueError(f"{text} is past the largest number planparse writes")
    return number


def _no_number(name: str) -> float:
    raise ValueError(f"{name} is no number planparse writes")


def _check_schema_version(path: Path, data: object) -> None:
    """Compare only what this planparse wrote or can read: the same major schema version."""
    version = data.get("schema_version") if isinstance(data, dict) else None
    if not isinstance(version, str):
        raise PlanparseError(path, "not a planparse JSON file (no schema_version)")
    if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise PlanparseError(path, f"schema_version {version} is not one this planparse reads ({SCHEMA_VERSION.split('.')[0]}.x); extract the plan again")


def looks_like_document(path: Path) -> bool:
    """Whether a JSON file in a folder is an extracted plan (and not, say, errors.json). One that cannot be read as
    JSON (a copy cut short, a disk full, a file past the size limit) may be a plan: kept, and its reading says why it
    fails, not passed over, or the plan would be left out of a comparison without a word. Read as a plan is: no file
    past the size limit read whole."""
    try:
        path, data = load_bytes(path)
        check_json_values(path, data)
        content = json.loads(data)
    except (PlanparseError, ValueError, RecursionError):
        return True
    return isinstance(content, dict) and "source" in content  # its schema_version is checked when it is loaded


def document_key(relative: Path) -> str:
    """The name two versions of a plan share: ``a/plan.docx``, ``a/plan.json`` and ``a/plan.docx.json`` are ``a/plan``."""
    name = relative.name
    if name.lower().endswith(".json"):
        name = name[: -len(".json")]
    for suffix in DOCUMENT_SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    return (relative.parent / name).as_posix()


def input_plans(path: Path) -> InputPlans:
    """What ``path`` stands for: itself, or the plans and planparse JSON files under its folder (hidden files left
    out) by path, and what there is no file to read."""
    if not path.is_dir():
        return InputPlans.alone(path)
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for found in _named_as_plans(path):
        if found.is_file():
            files += [found] if found.suffix.lower() != ".json" or looks_like_document(found) else []
        elif not found.is_dir():
            skipped.append((found, why_no_file(found)))
    return InputPlans(path, files, skipped)


def _named_as_plans(folder: Path) -> list[Path]:
    return [path for path in sorted(folder.rglob("*")) if not is_hidden(path.name) and path.suffix.lower() in (*DOCUMENT_SUFFIXES, ".json")]


def documents_in(folder: InputPlans) -> dict[str, Path]:
    """The plans and planparse JSON files under a folder, by name with their format (``a/plan.txt.json`` is ``a/plan.txt``)."""
    found: dict[str, Path] = {}
    for path in folder.files:
        name = path.relative_to(folder.path).as_posix()
        found[name[: -len(".json")] if path.suffix.lower() == ".json" else name] = path
    return found


def pair_by_name(old: dict[str, Path], new: dict[str, Path]) -> list[tuple[Optional[Path], Optional[Path]]]:
    """Plans of two folders paired by ``document_key`` (``plan.docx`` with ``plan.json``) where each folder holds
    one version of the plan, else by name and format (a batch of ``plan.txt`` and ``plan.html`` gives two plans)."""
    versions = Counter(map(document_key, map(Path, old))), Counter(map(document_key, map(Path, new)))

    def by_key(files: dict[str, Path]) -> dict[str, Path]:
        def key(name: str) -> str:
            plan = document_key(Path(name))
            return plan if all(count[plan] <= 1 for count in versions) else name
        return {key(name): path for name, path in files.items()}

    old_keys, new_keys = by_key(old), by_key(new)
    return [(old_keys.get(key), new_keys.get(key)) for key in sorted(old_keys.keys() | new_keys.keys())]


# --- pairing -----------------------------------------------------------------


def _heading(target: Target) -> str:
    return target.headings[-1] if target.headings else ""


_STAGES: tuple[Callable[[Target], Hashable], ...] = (
    lambda target: (tuple(target.headings), target.indicator, *(getattr(target, name) for name in COMMITMENT_FIELDS)),
    lambda target: (target.id, _heading(target)),
    lambda target: (_heading(target), target.indicator, target.unit),
    lambda target: (target.section, target.indicator, target.unit),
    lambda target: (_heading(target), target.indicator) if target.indicator else None,
    lambda target: (target.indicator, *(getattr(target, name) for name in COMMITMENT_FIELDS)),
)


def _similarity(old: str, new: str) -> float:
    """How alike two texts are, 0 to 1 (twice their longest common subsequence over their lengths), on their
    first ``_COMPARED_CHARS`` characters: the time grows with the product of the lengths compared."""
    return fuzz.ratio(old[:_COMPARED_CHARS], new[:_COMPARED_CHARS]) / 100


def _quote_similarity(old: Target, new: Target) -> float:
    return _similarity(old.quote, new.quote)


def _plausible(old: Target, new: Target) -> bool:
    """Whether two targets sharing a key can be one target: same indicator, value, or a similar quote."""
    return bool(old.indicator) or old.value == new.value or _quote_similarity(old, new) >= _MIN_QUOTE_SIMILARITY


def _pair_group(old: list[Target], new: list[Target]) -> list[tuple[Target, Target]]:
    """Pair targets under one key, most alike first: same value, then similar quote and sentence. Past
    ``_MOST_COMPARED_PAIRS`` (a crafted file's thousands of twins: each compared with each, 27,000 took
    minutes and a list of 729 million), in the order they stand."""
    if len(old) * len(new) > _MOST_COMPARED_PAIRS:
        return [(a, b) for a, b in zip(old, new) if _plausible(a, b)]

    def likeness(pair: tuple[Target, Target]) -> tuple:
        a, b = pair
        return (a.value == b.value, _quote_similarity(a, b), _similarity(a.text, b.text))

    candidates = sorted(((a, b) for a in old for b in new if _plausible(a, b)), key=likeness, reverse=True)
    pairs: list[tuple[Target, Target]] = []
    used_old: set[int] = set()
    used_new: set[int] = set()
    for a, b in candidates:
        if id(a) not in used_old and id(b) not in used_new:
            pairs.append((a, b))
            used_old.add(id(a))
            used_new.add(id(b))
    return pairs


def _group(targets: Iterable[Target], key: Callable[[Target], Hashable]) -> dict[Hashable, list[Target]]:
    groups: dict[Hashable, list[Target]] = {}
    for target in targets:
        value = key(target)
        if value is not None:
            groups.setdefault(value, []).append(target)
    return groups


def pair_targets(old: list[Target], new: list[Target]) -> tuple[list[tuple[Target, Target]], list[Target], list[Target]]:
    """Pairs of one target in both versions, then the targets only in ``old``, then only in ``new``."""
    pairs: list[tuple[Target, Target]] = []
    left_old, left_new = list(old), list(new)
    for key in _STAGES:
        new_groups = _group(left_new, key)
        for value, group in _group(left_old, key).items():
            pairs.extend(_pair_group(group, new_groups.get(value, [])))
        paired_old = {id(a) for a, _ in pairs}
        paired_new = {id(b) for _, b in pairs}
        left_old = [target for target in left_old if id(target) not in paired_old]
        left_new = [target for target in left_new if id(target) not in paired_new]
    order = {id(target): index for index, target in enumerate(new)}
    pairs.sort(key=lambda pair: order[id(pair[1])])
    return pairs, left_old, left_new


# --- comparing ---------------------------------------------------------------


def _field_changes(old: dict, new: dict, fields: Iterable[str]) -> list[FieldChange]:
    return [FieldChange(field=name, old=old[name], new=new[name]) for name in fields if old[name] != new[name]]


def _moved(old: Target, new: Target) -> bool:
    """Whether a target stands elsewhere in the new version: in another section or under other headings. A
    one-sentence item (1.举办乡镇篮球联赛，参赛队伍达到40支，参赛运动员1200人次以上。) is titled with the sentence its
    targets are in, so an edit of one of them retitles the item its siblings stand in, and they have not moved."""
    if (old.section, old.headings) == (new.section, new.headings):
        return False
    same_place = old.section == new.section and old.headings[:-1] == new.headings[:-1] and bool(old.headings and new.headings)
    return not (same_place and old.quote in old.headings[-1] and new.quote in new.headings[-1])


def diff_documents(old: Optional[Document], new: Optional[Document]) -> DocumentDiff:
    """Differences between two versions of a plan; either may be missing."""
    pairs, removed, added = pair_targets(old.targets if old else [], new.targets if new else [])
    changed: list[TargetChange] = []
    moved: list[TargetChange] = []
    for a, b in pairs:
        changes = _field_changes(a.model_dump(mode="json"), b.model_dump(mode="json"), COMMITMENT_FIELDS)
        if changes:
            changed.append(TargetChange(old=a, new=b, changes=changes))
        elif _moved(a, b):
            moved.append(TargetChange(old=a, new=b))
    metadata = []
    if old and new:
        metadata = _field_changes(old.metadata.model_dump(mode="json"), new.metadata.model_dump(mode="json"), Metadata.model_fields)
    return DocumentDiff(
        old=old.source if old else None, new=new.source if new else None, metadata=metadata,
        added=added, removed=removed, changed=changed, moved=moved,
        old_warnings=old.warnings if old else [], new_warnings=new.warnings if new else [],
    )


def diff_files(old: Optional[PlanReading], new: Optional[PlanReading]) -> DocumentDiff:
    """Two versions of a plan, each a plan or a planparse JSON file to read (``PlanReadings``); either may be missing."""
    return _diff_read(old, new, old and old[1](), new and new[1]())


def _diff_read(old: Optional[PlanReading], new: Optional[PlanReading], old_document: Optional[Document],
               new_document: Optional[Document]) -> DocumentDiff:
    diff = diff_documents(old_document, new_document)
    diff.old_file, diff.new_file = old and old[0], new and new[0]
    return diff


def _read_side(side: Optional[PlanReading]) -> Optional[Document] | PlanparseError:
    """One version of a plan of two folders (None: the folder has none), or why it cannot be read."""
    try:
        return side and side[1]()
    except PlanparseError as error:
        return error


def diff_inputs(old: Path, new: Path) -> tuple[InputPlans, InputPlans]:
    """Two plans (or planparse JSON files), or two folders of them, checked and each folder walked, before any is read."""
    check_stdin_read_once((old, new))
    for path in (old, new):
        if str(path) != STDIN and not path.exists():  # - is standard input, as extract reads it: cat plan.txt | diff old.txt -
            raise PlanparseError(path, missing_input(path))
    if old.is_dir() != new.is_dir():
        folder, file = (old, new) if old.is_dir() else (new, old)
        raise PlanparseError(file, f"is a file but {shown_name(str(folder))} is a folder: compare two files or two folders")
    found = input_plans(old), input_plans(new)
    if old.is_dir() and not found[0].files and not found[1].files:  # a CI step pointed at the wrong folders must not pass
        raise PlanparseError(f"{old} and {new}", "no plans in either folder")
    return found


def diff_paths(old: InputPlans, new: InputPlans, rules_dir: Path | None = None,
               unreadable: Callable[[PlanparseError], None] | None = None) -> DiffReport:
    """Two plans (or planparse JSON files), or two folders of them paired by name (``diff_inputs``). Of two folders,
    a plan that cannot be read is handed to ``unreadable`` and its pair left out, the others compared, as ``diff -r``
    goes on past a file it cannot read (without it, the error stops the diff)."""
    pairs = pair_by_name(documents_in(old), documents_in(new)) if old.path.is_dir() else [(old.path, new.path)]
    # Read pair by pair, each pair's old version before its new one: the order the readings are made in.
    readings = iter(PlanReadings([path for pair in pairs for path in pair if path is not None], rules_dir).each())
    sides = [tuple(None if path is None else next(readings) for path in pair) for pair in pairs]
    if not old.path.is_dir():
        return DiffReport(old=input_name(old.path), new=input_name(new.path), documents=[diff_files(*sides[0])])
    documents = []
    for old_side, new_side in sides:
        # Both versions read though the old one cannot be: the plans' process has read the new one already (it takes
        # the next plan while the command waits on one), and the user hears of each plan to fix in one run.
        read = [_read_side(old_side), _read_side(new_side)]
        # One file on both sides (a folder diffed with itself) said once.
        errors = list({(each.path, each.problem): each for each in read if isinstance(each, PlanparseError)}.values())
        if errors and unreadable is None:
            raise errors[0]
        for error in errors:
            unreadable(error)
        if not errors:
            documents.append(_diff_read(old_side, new_side, *read))
    return DiffReport(old=str(old.path), new=str(new.path), documents=documents)


def counts(document: DocumentDiff) -> dict[str, int]:
    """Differences by category; a plan on one side only counts as added or removed even without targets. Metadata
    (title, date, 文号…) is a category of its own: the same plan saved as a web page gains the page's date, and a CI
    job watching the targets must be able to leave that out (``--fail-on added,removed,changed``)."""
    return {
        "added": len(document.added) + (document.old is None),
        "removed": len(document.removed) + (document.new is None),
        "changed": len(document.changed),
        "metadata": len(document.metadata),
    }


def has_differences(report: DiffReport, categories: Iterable[str] = CATEGORIES) -> bool:
    wanted = set(categories)
    return any(count for document in report.documents for name, count in counts(document).items() if name in wanted)
