"""planparse batch over a small folder: seed plans in three formats plus broken files."""
from __future__ import annotations

import contextlib
import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import multiprocessing
import threading
import time
from pathlib import Path

import pytest
from conftest import cut_before_pages, cut_before_part, run_bounded

from planparse.batch import BatchOptions, Job, Outcome, convert, output_path, plan_jobs, run_jobs, safe_name
from planparse.models import Document
from planparse.workers import run_on_workers

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
GOOD = ["jinjiang-2022.txt", "jinjiang-2022.docx", "jinjiang-2022.pdf", "城市/jieyang-2022.txt"]
BROKEN = {"broken/empty.txt": "bad input", "broken/truncated.docx": "bad input", "broken/truncated.pdf": "bad input"}


def batch(*args: object) -> subprocess.CompletedProcess:
    return run_bounded([sys.executable, "-m", "planparse", "batch", *map(str, args)], 120)


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    for relative in GOOD:
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLES / Path(relative).name, folder / relative)
    (folder / "broken").mkdir()
    (folder / "broken" / "empty.txt").write_bytes(b"")
    # Cut off early, as an interrupted download leaves them: nothing of a page is left (a PDF with pages left is read)
    (folder / "broken" / "truncated.docx").write_bytes(cut_before_part(SAMPLES / "jinjiang-2022.docx", "word/document.xml"))
    (folder / "broken" / "truncated.pdf").write_bytes(cut_before_pages(SAMPLES / "jinjiang-2022.pdf"))
    return folder


def files_under(folder: Path) -> dict[str, int]:
    """Every file under a folder with its modification time."""
    return {path.relative_to(folder).as_posix(): path.stat().st_mtime_ns for path in folder.rglob("*") if path.is_file()}


def test_batch_converts_good_files_reports_broken_ones_and_skips_on_rerun(plans: Path, tmp_path: Path):
    out = tmp_path / "out"
    first = batch(plans, "-o", out, "--jobs", 2, "--recursive")
    assert first.returncode == 1, first.stderr
    errors = json.loads((out / "errors.json").read_text(encoding="utf-8"))
    assert {error["file"]: error["kind"] for error in errors} == BROKEN
    assert all(error["message"] and "\n" not in error["message"] for error in errors)
    assert "3 of 7 documents failed" in first.stderr

    # Exactly one JSON per good file, mirroring the tree; nothing for the broken ones, no leftovers.
    written = files_under(out)
    assert set(written) == {f"{relative}.json" for relative in GOOD} | {"manifest.json", "errors.json", "targets.csv", "documents.csv", ".planparse.lock"}
    documents = {relative: Document.model_validate_json((out / f"{relative}.json").read_bytes()) for relative in GOOD}
    assert {relative: doc.source.format for relative, doc in documents.items()} == {relative: relative.rsplit(".", 1)[1] for relative in GOOD}

    # The combined spreadsheets hold every good document, and every target of each.
    with (out / "documents.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [row["document"] for row in rows] == sorted(GOOD)
    assert {row["document"]: row["doc_number"] for row in rows}["城市/jieyang-2022.txt"] == "揭府〔2022〕55号"
    assert (out / "targets.csv").read_bytes().startswith("\ufeff".encode())
    with (out / "targets.csv").open(encoding="utf-8-sig", newline="") as stream:
        target_documents = [row["document"] for row in csv.DictReader(stream)]
    assert {relative: target_documents.count(relative) for relative in GOOD} == {relative: len(doc.targets) for relative, doc in documents.items()}

    second = batch(plans, "-o", out, "--jobs", 2, "--recursive")
    assert second.returncode == 1  # the broken files are still broken
    assert "converted 0, skipped 4 unchanged, failed 3" in second.stderr
    assert files_under(out).items() >= {f"{relative}.json": written[f"{relative}.json"] for relative in GOOD}.items()

    shutil.rmtree(plans / "broken")
    with (plans / "jinjiang-2022.txt").open("a", encoding="utf-8") as stream:
        stream.write("\n附件：工作分工表\n")
    third = batch(plans, "-o", out, "--jobs", 2, "--recursive")
    assert third.returncode == 0, third.stderr
    assert "converted 1, skipped 3 unchanged" in third.stderr
    assert json.loads((out / "errors.json").read_text(encoding="utf-8")) == []

    # Spreadsheets only: nothing to convert, and they still cover every document.
    spreadsheet = (out / "documents.csv").read_bytes()
    fourth = batch(plans, "-o", out, "--jobs", 2, "--recursive", "--format", "csv")
    assert fourth.returncode == 0
    assert "nothing to convert: 4 documents unchanged since the last run" in fourth.stderr
    assert (out / "documents.csv").read_bytes() == spreadsheet


@pytest.mark.parametrize("args, problem", [
    (["missing"], "no such folder"),
    (["empty"], "no documents matching *.txt, *.docx, *.pdf, *.html, *.htm, *.mht, *.mhtml, *.rtf, *.doc, *.wps, *.odt, *.ofd, *.xlsx (add --recursive to look in subfolders)"),
])
def test_batch_that_cannot_start_exits_2(tmp_path: Path, args: list[str], problem: str):
    (tmp_path / "empty").mkdir()
    result = batch(*(tmp_path / arg for arg in args), "-o", tmp_path / "out")
    assert result.returncode == 2
    assert problem in result.stderr and "Traceback" not in result.stderr


def test_names_that_clash_once_made_safe_get_distinct_outputs(tmp_path: Path):
    for name in ("方案:终稿.txt", "方案_终稿.txt", "方案_终稿.TXT"):
        (tmp_path / name).write_text("到2025年，建成3所学校。\n", encoding="utf-8")
    outputs = [job.json_output for job in plan_jobs(BatchOptions(tmp_path, tmp_path / "out"))]
    assert len({output.as_posix().casefold() for output in outputs}) == 3
    assert all(output.parent == tmp_path / "out" and output.name.startswith("方案_终稿.") for output in outputs)


def test_output_names_are_safe_and_keep_chinese():
    assert safe_name('方案:"终稿"?.docx') == "方案__终稿__.docx"
    assert safe_name("CON.txt") == "_CON.txt"
    assert output_path(Path("out"), Path("广东/揭阳 2022.pdf")) == Path("out/广东/揭阳 2022.pdf.json")


ENERGY_RULE = """\
rules:
  - id: energy-saving
    description: Energy saved, in tonnes of standard coal.
    kind: energy
    pattern: '节约(?P<amount>{arabic_amount})(?P<unit>吨标准煤)(?P<cmp_after>{comparator_after})?'
    examples:
      - text: 到2025年，每年节约1.2万吨标准煤以上。
        expect: {value: 12000, unit: 吨标准煤, kind: energy}
"""


def test_user_rules_reach_the_workers_and_a_rule_change_converts_again(tmp_path: Path):
    plans, rules, out = tmp_path / "plans", tmp_path / "rules", tmp_path / "out"
    plans.mkdir(), rules.mkdir()
    (plans / "plan.txt").write_text("一、主要目标\n到2025年，每年节约1.2万吨标准煤以上。\n", encoding="utf-8")
    (rules / "energy.yaml").write_text(ENERGY_RULE, encoding="utf-8")
    assert batch(plans, "-o", out, "--rules", rules, "--jobs", 1).returncode == 0
    with (out / "targets.csv").open(encoding="utf-8-sig", newline="") as stream:
        assert [(row["kind"], row["value"]) for row in csv.DictReader(stream)] == [("energy", "12000")]
    (rules / "energy.yaml").write_text(ENERGY_RULE.replace("kind: energy", "kind: coal"), encoding="utf-8")
    rerun = batch(plans, "-o", out, "--rules", rules, "--jobs", 1)
    assert rerun.returncode == 0 and "converted 1" in rerun.stderr
    assert '"kind": "coal"' in (out / "plan.txt.json").read_text(encoding="utf-8")


def test_broken_rule_file_stops_the_batch_before_any_document(tmp_path: Path):
    (tmp_path / "plans").mkdir(), (tmp_path / "rules").mkdir()
    (tmp_path / "plans" / "plan.txt").write_text("到2025年，建成3所学校。\n", encoding="utf-8")
    (tmp_path / "rules" / "mine.yaml").write_text("rules: [\n", encoding="utf-8")
    result = batch(tmp_path / "plans", "-o", tmp_path / "out", "--rules", tmp_path / "rules")
    assert result.returncode == 2
    assert "mine.yaml" in result.stderr and "invalid YAML" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_document_that_now_fails_loses_its_earlier_output(tmp_path: Path):
    broken = tmp_path / "plan.docx"
    broken.write_bytes(cut_before_part(SAMPLES / "jinjiang-2022.docx", "word/document.xml"))
    earlier = tmp_path / "out" / "plan.docx.json"
    earlier.parent.mkdir()
    earlier.write_text("{}", encoding="utf-8")
    outcome = convert(Job(broken, "plan.docx", earlier, None, ""))
    assert outcome.failure.kind == "bad input" and not earlier.exists()


def _dies_on_bad(job: Job) -> Outcome:
    """A worker task that kills its process on one document, as a crashing PDF library would."""
    if job.relative == "bad.txt":
        os._exit(3)
    return Outcome(job.relative)


def _takes_its_time(job: Job) -> Outcome:
    time.sleep(0.2)
    return Outcome(job.relative)


def test_a_batch_stopped_early_leaves_no_worker(tmp_path: Path):
    """Ctrl-C (or a caller that stops reading) kills the workers at once, and waits for them to be gone."""
    jobs = [Job(tmp_path / f"{number}.txt", f"{number}.txt", None, None, "") for number in range(8)]
    outcomes = run_jobs(jobs, 2, _takes_its_time)
    next(outcomes)
    outcomes.close()
    assert not multiprocessing.active_children()


def test_a_ctrl_c_just_as_a_worker_is_reaped_stops_the_batch_as_any_ctrl_c_does(tmp_path: Path, monkeypatch):
    """multiprocessing reaps an ended worker, then notes its exit code. A Ctrl-C landing between the two lost the
    code: the worker passed for running ever after, and the batch ended with "internal error: ValueError: Cannot
    close a process while it is still running" instead of being interrupted (CI, once). Here the Ctrl-C is sent
    right after the first worker is reaped, as the batch ends."""
    reap = os.waitpid

    def reap_then_ctrl_c(pid: int, options: int) -> tuple[int, int]:
        reaped = reap(pid, options)
        if reaped[0]:
            monkeypatch.setattr(os, "waitpid", reap)
            signal.raise_signal(signal.SIGINT)
        return reaped

    items = [Job(tmp_path / f"{number}.txt", f"{number}.txt", None, None, "") for number in range(4)]
    handler = signal.signal(signal.SIGINT, signal.default_int_handler)  # as a command has it (an earlier test may not)
    try:
        outcomes = run_on_workers(items, _work_and_say_what_was_loaded, 2)
        assert len([next(outcomes) for _ in items]) == len(items)
        monkeypatch.setattr(os, "waitpid", reap_then_ctrl_c)
        with pytest.raises(KeyboardInterrupt):
            next(outcomes)
    finally:
        signal.signal(signal.SIGINT, handler)
    assert not multiprocessing.active_children()


def _work_and_say_what_was_loaded(job: Job) -> tuple[str, bool]:
    return job.relative, LATE_MODULE in sys.modules


LATE_MODULE = "planparse_test_late_library"


@pytest.mark.parametrize("workers", [1, 2])
def test_an_early_worker_takes_what_it_can_do_while_the_libraries_load_then_gives_way(tmp_path: Path, monkeypatch, workers: int):
    """It is forked before the libraries some kinds need are imported: given a document that needs them,
    it would import them a second time; such documents go to workers forked with them, one taking its place."""
    (tmp_path / f"{LATE_MODULE}.py").write_text("", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, LATE_MODULE, raising=False)
    items = [Job(tmp_path / name, name, None, None, "") for name in ("needs.pdf", "light-1.txt", "light-2.txt", "needs-too.pdf")]
    needs = {".pdf": (LATE_MODULE,)}
    results = dict(run_on_workers(items, _work_and_say_what_was_loaded, workers, lambda job: needs.get(job.source.suffix, ())))
    assert {job.relative: loaded for job, (_, loaded) in results.items()} == {
        "needs.pdf": True, "light-1.txt": False, "light-2.txt": False, "needs-too.pdf": True}


def _waits_or_makes(item: tuple[int, str, Path]) -> str:
    """An item of the hand-out test below: it makes a file, or waits for one (two minutes at most: a hang guard)."""
    _, action, path = item
    if action == "make":
        path.touch()
    deadline = time.monotonic() + 120
    while action == "wait" and not path.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    return "gave up" if action == "wait" and not path.exists() else "done"


def test_the_last_item_goes_to_the_worker_free_first_not_behind_a_long_one(tmp_path: Path):
    """A worker takes an item ahead of the one under way only while there are items for every worker. Here the
    first worker takes items 0 and 1, the second 2 and 3; the last, item 4, is what item 1 waits for. Handed to the
    first worker once it is done with item 0, item 4 would wait behind item 1 while the second worker idles (item 1
    gave up, then). Item 2 waits until item 0's result is read, so that the first worker is fed first."""
    made, read = tmp_path / "made-by-item-4", tmp_path / "item-0-read"
    items = [(0, "quick", made), (1, "wait", made), (2, "wait", read), (3, "quick", made), (4, "make", made)]
    results = {}
    for item, result in run_on_workers(items, _waits_or_makes, 2):
        results[item[0]] = result
        if item[0] == 0:
            read.touch()
    assert results == {0: "done", 1: "done", 2: "done", 3: "done", 4: "done"}


@pytest.mark.parametrize("workers", [1, 2])
def test_a_library_that_cannot_be_imported_leaves_its_documents_to_fail_on_their_own(tmp_path: Path, workers: int):
    items = [Job(tmp_path / name, name, None, None, "") for name in ("a.pdf", "b.txt", "c.pdf")]
    done = run_on_workers(items, _work_and_say_what_was_loaded, workers, lambda job: ("planparse_no_such_library",) * (job.source.suffix == ".pdf"))
    assert sorted(job.relative for job, _ in done) == ["a.pdf", "b.txt", "c.pdf"]


def test_no_worker_asked_for_still_works_every_item(tmp_path: Path):
    """A caller asking for 0 workers gets one: no item may vanish without an outcome."""
    items = [Job(tmp_path / name, name, None, None, "") for name in ("a.txt", "b.txt")]
    assert sorted(job.relative for job, _ in run_on_workers(items, _work_and_say_what_was_loaded, 0)) == ["a.txt", "b.txt"]


def test_a_warm_up_that_fails_leaves_the_collector_on(tmp_path: Path):
    import gc

    from planparse.errors import PlanparseError
    from planparse.worker_preload import warm_up

    (tmp_path / "targets.yaml").write_text("rules: [", encoding="utf-8")  # a broken user rule file
    assert gc.isenabled()
    with pytest.raises(PlanparseError):
        warm_up(tmp_path)
    assert gc.isenabled()


def test_a_worker_that_dies_fails_only_its_own_document(tmp_path: Path):
    jobs = [Job(tmp_path / name, name, None, None, "") for name in ("a.txt", "bad.txt", "c.txt")]
    outcomes = {outcome.relative: outcome.failure for outcome in run_jobs(jobs, 2, _dies_on_bad)}
    assert set(outcomes) == {"a.txt", "bad.txt", "c.txt"}
    assert outcomes["a.txt"] is None and outcomes["c.txt"] is None
    assert outcomes["bad.txt"].kind == "crash"
    assert outcomes["bad.txt"].message == "the worker process died while reading this file (exit status 3)"


def _never_ends_on_slow(job: Job) -> Outcome:
    """A worker task stuck on one document, as PDFium is in C code parsing a form again for each of its 100,000 uses on a page."""
    if job.relative == "slow.txt":
        time.sleep(3600)
    return Outcome(job.relative)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_past_the_time_limit_fails_alone_and_its_worker_is_stopped(tmp_path: Path, workers: int):
    jobs = [Job(tmp_path / name, name, None, None, "") for name in ("a.txt", "slow.txt", "c.txt", "d.txt")]
    started = time.monotonic()
    outcomes = {outcome.relative: outcome.failure for outcome in run_jobs(jobs, workers, _never_ends_on_slow, time_limit=1)}
    assert time.monotonic() - started < 30
    assert set(outcomes) == {"a.txt", "slow.txt", "c.txt", "d.txt"}
    assert [name for name, failure in outcomes.items() if failure] == ["slow.txt"]
    assert outcomes["slow.txt"].kind == "bad input"
    assert outcomes["slow.txt"].message == "reading it took more than 1 s, the most planparse gives one document (batch --time-limit)"
    assert not multiprocessing.active_children()


def test_the_progress_bar_runs_no_thread_that_a_forked_worker_would_copy():
    """Workers are forked from the batch's process: a thread running there (rich redraws from one
    by default) could hold a lock at the fork, which the worker would then find held forever."""
    from io import StringIO

    from rich.console import Console

    from planparse.cli.progress_bar import ProgressBar

    threads = threading.active_count()
    bar = ProgressBar(Console(file=StringIO(), force_terminal=True))
    bar.start(2)
    bar.finished(Outcome("a.txt"))
    assert threading.active_count() == threads
    bar.close()


def test_quiet_lines_print_names_as_they_are_without_loading_rich(tmp_path: Path):
    """-q writes plain lines: a name that reads like rich's markup or emoji codes ([bold], :smile:) is
    printed as it is, and rich, a seventh of the batch's start-up, is never imported."""
    folder = tmp_path / "[bold]plans"
    folder.mkdir()
    shutil.copy(SAMPLES / "jinjiang-2022.txt", folder / ":smile: 2022.txt")
    probe = ("import atexit, sys, runpy; sys.argv = ['planparse', 'batch', sys.argv[1], '-o', sys.argv[2], '-q', '--jobs', '1']\n"
             "atexit.register(lambda: print('rich loaded' if 'rich' in sys.modules else 'no rich', file=sys.stderr))\n"
             "runpy.run_module('planparse', run_name='__main__')")  # the command ends the process, after atexit's functions
    run = run_bounded([sys.executable, "-c", probe, str(folder), str(tmp_path / "[red]out")], 120)
    assert run.returncode == 0, run.stderr
    assert "[1/1] :smile: 2022.txt: ok" in run.stderr
    assert f"converted 1 -> {tmp_path / '[red]out'}" in run.stderr
    assert run.stderr.rstrip().endswith("no rich")


def test_the_progress_bar_says_above_it_what_of_a_document_was_read_in_part_naming_it_as_written():
    from io import StringIO

    from rich.console import Console

    from planparse.batch import SummaryRows
    from planparse.cli.progress_bar import ProgressBar
    from planparse.models import ManifestEntry, ReadingWarning

    console = Console(file=StringIO(), force_terminal=True, color_system=None, width=300)
    entry = ManifestEntry(sha256="0", planparse="0", rules_dir=None, rules="0", has_json=False, json_sha256=None, document_row=[],
                          target_rows=[], warnings=[ReadingWarning(message="the text of page 3 is garbage, left out")])
    bar = ProgressBar(console)
    bar.start(2)
    bar.finished(Outcome("[bold]plan.pdf", rows=SummaryRows(entry, "", "")))
    bar.finished(Outcome("whole.txt", rows=SummaryRows(entry.model_copy(update={"warnings": []}), "", "")))
    bar.close()
    shown = console.file.getvalue()
    assert "[bold]plan.pdf: read in part: the text of page 3 is garbage, left out" in shown and "whole.txt" not in shown


def _living_children(pid: int) -> list[str]:
    """The processes ``pid`` started that are still running (not ended and waiting to be reaped)."""
    children = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        children += (task / "children").read_text().split()
    return [child for child in children if Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[-1].split()[0] != "Z"]


def _on_one_core() -> None:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def test_jobs_past_two_per_core_run_two_workers_per_core(tmp_path: Path):
    """-j 100000 forked a worker for every document (on a machine of two cores, a thousand plans made a thousand
    processes, each with its pipes and memory): allowed one core, the batch runs two, whatever -j asks.
    Each plan holds its worker until the time limit, so that the two are seen together."""
    from test_hostile_input import _pdf_parsing_a_form_for_hours

    plans = tmp_path / "plans"
    plans.mkdir()
    for number in range(3):
        (plans / f"slow-{number}.pdf").write_bytes(_pdf_parsing_a_form_for_hours())
    command = [sys.executable, "-m", "planparse", "batch", plans, "-o", tmp_path / "out", "-q", "-j", "100000", "--time-limit", "1"]
    most = 0
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=_on_one_core) as run:
        while run.poll() is None:
            with contextlib.suppress(FileNotFoundError, ProcessLookupError):  # a worker, or the batch, ending as it is read
                most = max(most, len(_living_children(run.pid)))
            time.sleep(0.02)
    assert run.returncode == 1 and most == 2


def _waits_or_spins(job: Job) -> Outcome:
    """A document whose reading waits 2 s on no CPU (a machine busy with others), or uses 2 s of CPU."""
    if job.relative == "busy.txt":
        until = time.process_time() + 2
        while time.process_time() < until:
            pass
    else:
        time.sleep(2)
    return Outcome(job.relative)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_worker_is_stopped_by_the_cpu_its_document_uses_not_by_the_clock(tmp_path: Path, workers: int):
    """A loaded machine stretched documents of a few seconds of CPU past the limit of the clock: they failed as too
    slow. The waiting one now reads, the busy one fails at the limit of 1 s of CPU."""
    jobs = [Job(tmp_path / name, name, None, None, "") for name in ("waiting.txt", "busy.txt")]
    outcomes = {outcome.relative: outcome.failure for outcome in run_jobs(jobs, workers, _waits_or_spins, time_limit=1)}
    assert outcomes["waiting.txt"] is None
    assert outcomes["busy.txt"].message == "reading it took more than 1 s, the most planparse gives one document (batch --time-limit)"
    assert not multiprocessing.active_children()
