"""Batch: a folder of plans to a mirrored folder of outputs, on worker processes.

Each document is extracted on a worker process, which writes its JSON
atomically; the main process only decides what to run and gathers the small
results (the document's rows of the combined spreadsheets, or its failure).
A manifest of content and rules hashes lets a re-run skip what has not
changed, and keeps the rows of the documents it skips.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Protocol

import regex
from pydantic import ValidationError

from . import __version__
from .batch_options import BatchOptions, find_documents
from .errors import PlanparseError, one_line
from .exporters.csv import DOCUMENT_COLUMNS, TARGET_COLUMNS, csv_file, csv_lines, document_row, target_rows
from .exporters.files import LOCK_NAME, OutputError, folder_lock, linked_folder, read_own_file, remove_stale_parts, replace_own_file
from .exporters.json import document_json, dumped_json_bytes, json_bytes
from .limits import MAX_FILE_BYTES, MAX_JSON_VALUES, json_values_past, read_limited
from .models import BatchFailure, BatchManifest, ManifestEntry, ReadingWarning
from .names import is_utf8_name
from .pipeline import NOTHING_OF_A_PLAN, extract, load_rules
from .readers import open_document
from .documents import DOCUMENT_SUFFIXES, FIRST_USE_LIBRARIES
from .rule_files import default_rules_dir, read_rule_file
from .worker_preload import warm_up
from .workers import TimedOut, WorkerDied, WorkFailed, run_on_workers

MANIFEST = "manifest.json"
ERRORS = "errors.json"
TARGETS_CSV = "targets.csv"
DOCUMENTS_CSV = "documents.csv"
REPORT_HTML = "report.html"  # batch --report's page
# The files a run writes at the top of OUT_DIR: no document's output, nor a folder of them, takes one's name
# (a plan named errors wrote errors.json, which the run's list of failures then replaced).
RUN_FILES = (MANIFEST, ERRORS, TARGETS_CSV, DOCUMENTS_CSV, REPORT_HTML)
_RUN_FILE_NAMES = {name.casefold() for name in RUN_FILES}  # casefolded: a file system may not tell case apart

# A document's entry in the manifest is its row, its targets' rows and its warnings: some 3 KB and 100 values for the
# wild plans (10 targets each), 40 KB and 1,500 for Shenzhen's land use (74 targets). A manifest is read whole, and a
# crafted one of a few megabytes can hold millions of values, each costing memory twice (as JSON, as a model).
MANIFEST_BYTES_PER_DOCUMENT = 2**20
MANIFEST_VALUES_PER_DOCUMENT = 10_000
MAX_NAME_BYTES = 255  # the longest file name ext4, XFS, Btrfs, APFS and NTFS accept (NTFS: 255 UTF-16 units)
# Characters no common file system accepts in a name, ASCII controls, and the marks of writing direction: a listing
# shows a name holding one in another order (U+202E shows 附件\u202exslx.txt as 附件txt.xlsx).
_UNSAFE = regex.compile(r'[<>:"/\\|?*\x00-\x1f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]')
# A name's blank edges vanish in a listing, and Windows drops trailing blanks and dots: each is shown as _
# ("   .txt" had become txt, the name of another plan's output).
_BLANK_EDGES = regex.compile(r"^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff.]+$")
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


@dataclass(frozen=True)
class Job:
    """One document for a worker: where it is, and where its JSON goes (if asked)."""

    source: Path
    relative: str
    json_output: Path | None
    rules_dir: Path | None
    rules_sha256: str
    problem: str | None = None  # why it fails unread: a folder that could not be listed


@dataclass(frozen=True)
class SummaryRows:
    """A document's parts of the summary files, made where its outcome is (on its worker,
    meanwhile the others work): the end of the run only joins them."""

    entry: ManifestEntry  # its member of manifest.json's documents
    targets: str  # its lines of targets.csv
    document: str  # its line of documents.csv


@dataclass(frozen=True)
class Outcome:
    relative: str
    rows: SummaryRows | None = None
    failure: BatchFailure | None = None

    @property
    def warnings(self) -> list[ReadingWarning]:
        """What of the document was read only in part (none when it failed)."""
        return self.rows.entry.warnings if self.rows is not None else []

    @property
    def gave_no_plan(self) -> bool:
        """Whether nothing of a plan was read from the document (an English page, a log renamed .txt): converted, as
        extract converts it, but no plan read in part."""
        return NOTHING_OF_A_PLAN in self.warnings


@dataclass
class BatchResult:
    """What a run did, filled in as documents finish: a run stopped (Ctrl-C, SIGTERM) says what it did before."""

    converted: list[str] = field(default_factory=list)
    read_in_part: int = 0  # of those converted that gave a plan, how many have reading warnings
    no_plan: int = 0  # of those converted, how many gave nothing of a plan
    unchanged: list[str] = field(default_factory=list)
    failures: list[BatchFailure] = field(default_factory=list)
    to_run: int = 0  # the documents this run set out to convert

    @property
    def total(self) -> int:
        return len(self.converted) + len(self.unchanged) + len(self.failures)


# --- finding documents -----------------------------------------------------


def safe_name(name: str) -> str:
    """A file name any file system accepts and a listing shows, keeping Chinese characters as they are."""
    cleaned = _BLANK_EDGES.sub(lambda edge: "_" * len(edge.group()), _UNSAFE.sub("_", name))
    cleaned = f"_{cleaned[1:]}" if cleaned.startswith(".") else cleaned  # a hidden output would look missing
    return f"_{cleaned}" if cleaned.split(".")[0].upper() in _RESERVED else cleaned


def output_path(out_dir: Path, relative: Path) -> Path:
    """Where a document's JSON goes: the same folders, the full name plus ``.json``.

    Keeping the suffix (``plan.docx.json``) means ``plan.docx`` and ``plan.pdf``
    side by side never write to the same file. A folder's name never ends in
    .json, as every output does (a folder a.txt.json beside a plan a.txt gets a
    trailing _), and a first name that is one of the run's own files gets a
    leading _, as a name Windows reserves does.
    """
    names = [*(_folder_name(safe_name(part)) for part in relative.parts[:-1]), fitting_name(safe_name(relative.name), ".json")]
    if names[0].casefold() in _RUN_FILE_NAMES:
        names[0] = f"_{names[0]}"
    return out_dir.joinpath(*names)


def _folder_name(name: str) -> str:
    return f"{name}_" if name.casefold().endswith(".json") else name


def fitting_name(name: str, suffix: str) -> str:
    """``name + suffix``, or when that is longer than a file system allows, ``name`` cut
    (at a character) with a hash of the whole name, so that two long names stay apart."""
    if len(os.fsencode(name + suffix)) <= MAX_NAME_BYTES:
        return name + suffix
    tag = f"~{hashlib.sha256(os.fsencode(name)).hexdigest()[:8]}{suffix}"
    room = MAX_NAME_BYTES - len(tag.encode())
    while len(os.fsencode(name)) > room:
        name = name[:-1]
    return name + tag


# --- hashes and manifest ---------------------------------------------------


def rules_sha256(rules_dir: Path | None) -> str:
    """A hash of the default rule files, the user's, and the planparse version: each changes the output. The rule
    files are those planparse reads (a folder's *.yaml), read as it reads them: the folder's other files, and those
    below it, change no output (a rules folder kept among a project's data had every file under it read whole). Their
    bytes, which ``load_rules`` has read as UTF-8 text already: decoded and encoded again (1.4 MB, most of it Chinese),
    they took the hash 11 ms of a batch's start, where its workers wait."""
    digest = hashlib.sha256(__version__.encode())
    for folder in (default_rules_dir(), rules_dir):
        for path in sorted(folder.glob("*.yaml")) if folder else ():
            digest.update(os.fsencode(path.name) + b"\0" + read_rule_file(path).data)
    return digest.hexdigest()


def load_manifest(out_dir: Path, documents: int) -> BatchManifest:
    """The last run's manifest; a missing or unreadable one means everything runs again, as does one larger than
    a run of ``documents`` writes (MANIFEST_BYTES_PER_DOCUMENT, MANIFEST_VALUES_PER_DOCUMENT)."""
    data = read_own_file(out_dir / MANIFEST, MAX_FILE_BYTES + documents * MANIFEST_BYTES_PER_DOCUMENT)
    if data is None or json_values_past(data, MAX_JSON_VALUES + documents * MANIFEST_VALUES_PER_DOCUMENT):
        return BatchManifest()
    try:  # json.loads, not pydantic's parser: the names of a name not UTF-8 are \udcXX escapes (exporters.json)
        return BatchManifest.model_validate(json.loads(data))
    except (ValueError, RecursionError, ValidationError):  # RecursionError: lists nested deeper than json.loads reads
        return BatchManifest()


# --- the worker --------------------------------------------------------------


def convert(job: Job) -> Outcome:
    """Extract one document and write its JSON; runs in a worker process."""
    if job.problem is not None:
        return _failed(job, "bad input", job.problem)
    output = None
    try:
        document = extract(job.source, job.rules_dir)
        if job.json_output is not None:
            output = document_json(document)
            replace_own_file(job.json_output, output)
        entry = ManifestEntry(
            sha256=document.source.sha256, planparse=__version__, rules_dir=job.rules_dir and str(job.rules_dir.resolve()),
            rules=job.rules_sha256, has_json=output is not None, json_sha256=output and hashlib.sha256(output).hexdigest(),
            document_row=document_row(job.relative, document), target_rows=list(target_rows(job.relative, document.targets)),
            warnings=document.warnings,
        )
        rows = summary_rows(job.relative, entry)
    except OutputError as exc:
        return _failed(job, "output error", exc.problem)
    except PlanparseError as exc:
        return _failed(job, "bad input", exc.problem)
    except Exception as exc:  # a bug on one document must not stop the others
        return _failed(job, "internal error", f"{type(exc).__name__}: {exc}")
    return Outcome(job.relative, rows=rows)


def _failed(job: Job, kind: str, message: str) -> Outcome:
    """A failure; the JSON an earlier run wrote for the document goes, as it no longer matches it.

    Never raises: it is what runs when something already went wrong.
    """
    if job.json_output is not None:
        try:
            job.json_output.unlink(missing_ok=True)
        except OSError:
            pass  # a name the file system refuses, or a folder that cannot be written: nothing to remove
    failure = BatchFailure(file=job.relative, file_not_utf8=not is_utf8_name(job.relative), kind=kind, message=one_line(message))
    return Outcome(job.relative, failure=failure)


def run_jobs(jobs: list[Job], workers: int, work: Callable[[Job], Outcome] = convert, time_limit: float | None = None) -> Iterator[Outcome]:
    """Outcomes of ``work`` in the order they finish; a worker that dies, or is stopped past ``time_limit``
    seconds on a document, fails only that document."""
    for job, result in run_on_workers(jobs, work, workers, _libraries, time_limit):
        if isinstance(result, WorkerDied):
            yield _failed(job, "crash", f"the worker process died while reading this file ({result.how()})")
        elif isinstance(result, TimedOut):  # a hostile file, as one too large is
            yield _failed(job, "bad input", f"reading it took more than {time_limit:g} s, the most planparse gives one document (batch --time-limit)")
        elif isinstance(result, WorkFailed):  # a bug, or an outcome that could not come back: its document fails, not the run
            yield _failed(job, "internal error", str(result))
        else:
            yield result


def _libraries(job: Job) -> tuple[str, ...]:
    return FIRST_USE_LIBRARIES.get(job.source.suffix.lower(), ())


# --- the run -----------------------------------------------------------------


class Reporter(Protocol):
    """Where a run tells its progress: a progress bar or plain log lines."""

    def start(self, to_run: int) -> None: ...

    def finished(self, outcome: Outcome) -> None: ...


def _sha256_of(path: Path) -> str | None:
    """The file's hash, or None when it cannot be read, is past the size limit or no file (a document's worker
    then reports why): a plan that has since grown to gigabytes is not read whole to hash it, and one that has
    since become a named pipe does not hold the run up waiting for a writer."""
    try:
        with open_document(path) as stream:
            return hashlib.sha256(read_limited(stream, path)).hexdigest()
    except (OSError, PlanparseError):
        return None


def plan_jobs(options: BatchOptions) -> list[Job]:
    """A job for each document ``find_documents`` finds, and one failing each folder it could not list."""
    documents, unlisted = find_documents(options)
    if not documents and not unlisted:
        wanted = options.pattern or ", ".join(f"*{suffix}" for suffix in DOCUMENT_SUFFIXES)
        hint = "" if options.recursive else " (add --recursive to look in subfolders)"
        raise PlanparseError(options.in_dir, f"no documents matching {wanted}{hint}")
    load_rules(options.rules_dir)  # a broken rule file stops the run before any document fails on it
    rules = rules_sha256(options.rules_dir)
    jobs = []
    taken: set[str] = set()
    for path in documents:
        relative = path.relative_to(options.in_dir)
        json_output = output_path(options.out_dir, relative) if "json" in options.formats else None
        if json_output is not None:
            if json_output.as_posix().casefold() in taken:  # names that differ only in unsafe characters or case
                tag = hashlib.sha256(os.fsencode(relative.as_posix())).hexdigest()[:8]
                json_output = json_output.with_name(fitting_name(f"{json_output.stem}.{tag}", ".json"))
            taken.add(json_output.as_posix().casefold())
            _refuse_linked_folder(options.out_dir, json_output)
        jobs.append(Job(path, relative.as_posix(), json_output, options.rules_dir, rules))
    for folder, why in unlisted.items():
        problem = f"a folder planparse cannot list ({why}); the documents in it are not converted"
        jobs.append(Job(folder, folder.relative_to(options.in_dir).as_posix(), None, options.rules_dir, rules, problem))
    return jobs


def _refuse_linked_folder(out_dir: Path, json_output: Path) -> None:
    link = linked_folder(out_dir, json_output)
    if link is not None:
        raise OutputError(link, "a symbolic link inside the output folder, where a document's output goes; "
                                "planparse writes no output through one (remove it, or choose another output folder)")


def run_batch(options: BatchOptions, reporter: Reporter, result: BatchResult) -> None:
    """Convert what changed since the last run, then write the manifest, errors and spreadsheets; ``result``
    says what was done, even when the run is stopped."""
    jobs = plan_jobs(options)
    _refuse_files_of_others(options.out_dir)
    with folder_lock(options.out_dir, "planparse batch"):
        remove_stale_parts(options.out_dir, recursive=True)  # what a killed run left
        _run_locked(options, jobs, reporter, result)


def _run_locked(options: BatchOptions, jobs: list[Job], reporter: Reporter, result: BatchResult) -> None:
    previous = BatchManifest() if options.force else load_manifest(options.out_dir, len(jobs))
    kept: dict[str, ManifestEntry] = {}
    done: dict[str, SummaryRows] = {}
    to_run: list[Job] = []
    for job in jobs:
        entry = previous.documents.get(job.relative)
        if entry is not None and _is_unchanged(entry, _sha256_of(job.source), job):
            kept[job.relative] = entry
        else:
            to_run.append(job)
    result.unchanged, result.to_run = sorted(kept), len(to_run)
    if to_run:
        warm_up(options.rules_dir)  # before the workers fork: each starts warm
    reporter.start(len(to_run))
    outcomes = run_jobs(_largest_first(to_run) if options.jobs > 1 else to_run, options.jobs, time_limit=options.time_limit) if to_run else None
    try:
        for outcome in outcomes or ():
            if outcome.rows is not None:
                done[outcome.relative] = outcome.rows
                result.converted.append(outcome.relative)
                result.no_plan += outcome.gave_no_plan
                result.read_in_part += bool(outcome.warnings) and not outcome.gave_no_plan
            else:
                result.failures.append(outcome.failure)
            reporter.finished(outcome)
    finally:  # an interrupted run keeps what it finished
        if outcomes is not None:
            # a Ctrl-C between two outcomes (as one is reported) stops the workers now, before their files are
            # cleaned up below, not whenever the collector comes to the generator
            outcomes.close()
        _write_summary_files(options, {**{relative: summary_rows(relative, entry) for relative, entry in kept.items()}, **done}, result.failures)
        remove_stale_parts(options.out_dir, recursive=True)  # those of workers stopped mid-write
        result.converted.sort()
        result.failures.sort(key=lambda failure: failure.file)


def _refuse_files_of_others(out_dir: Path) -> None:
    """Refuse an output folder where a file the run would replace is no batch's: a folder a batch wrote to holds
    its lock (made before anything is written), and one without it holds none of the run's files (a project's own
    manifest.json, a user's spreadsheet named targets.csv were replaced without a word). A link or a named pipe
    standing there is replaced, what it points at kept."""
    if os.path.lexists(out_dir / LOCK_NAME):
        return
    for path in (out_dir / name for name in RUN_FILES):
        if os.path.isfile(path) and not os.path.islink(path):
            raise OutputError(path, "a file planparse batch did not write (no batch has written to this folder), "
                                    "which the run would replace; choose another output folder, or move the file")


def _largest_first(jobs: list[Job]) -> list[Job]:
    """The jobs, the largest files first (size stands in for a document's cost): handed out in
    name order, a long document drawn last keeps one worker busy while the others wait."""
    def size(job: Job) -> int:
        try:
            return job.source.stat().st_size
        except OSError:  # gone or unreadable: its worker reports it, quickly
            return 0

    return sorted(jobs, key=lambda job: (-size(job), job.relative))


def _is_unchanged(entry: ManifestEntry, sha256: str | None, job: Job) -> bool:
    if entry.sha256 != sha256 or entry.rules != job.rules_sha256:
        return False
    # Outputs asked for now must exist, as this run would write them: a run without
    # JSON left none behind, and another program may have replaced one.
    if job.json_output is None:
        return True
    output = read_own_file(job.json_output, MAX_FILE_BYTES)  # past it, no output of ours: compare would not read it
    return entry.has_json and output is not None and hashlib.sha256(output).hexdigest() == entry.json_sha256


def summary_rows(relative: str, entry: ManifestEntry) -> SummaryRows:
    return SummaryRows(entry, csv_lines(entry.target_rows), csv_lines([entry.document_row]))


def _write_summary_files(options: BatchOptions, rows: dict[str, SummaryRows], failures: list[BatchFailure]) -> None:
    ordered = [rows[relative] for relative in sorted(rows)]
    manifest = BatchManifest(planparse=__version__, documents={relative: rows[relative].entry for relative in sorted(rows)})
    replace_own_file(options.out_dir / MANIFEST, dumped_json_bytes(manifest))
    errors = sorted(failures, key=lambda failure: failure.file)
    replace_own_file(options.out_dir / ERRORS, json_bytes([failure.model_dump(mode="json") for failure in errors]))
    if "csv" in options.formats:
        replace_own_file(options.out_dir / TARGETS_CSV, csv_file(TARGET_COLUMNS, "".join(part.targets for part in ordered)))
        replace_own_file(options.out_dir / DOCUMENTS_CSV, csv_file(DOCUMENT_COLUMNS, "".join(part.document for part in ordered)))
