"""batch on a hostile file system: any name, a locked or read-only output folder, outputs replaced behind its back."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
from conftest import SAMPLES, as_user, cut_before_pages, run_bounded, run_measuring_memory, run_planparse

from planparse.batch import MANIFEST_VALUES_PER_DOCUMENT, MAX_NAME_BYTES, BatchOptions, Job, Outcome, _failed, fitting_name, plan_jobs, run_jobs
from planparse.exporters.files import PART_PREFIX, PART_SUFFIX, folder_lock, remove_stale_parts
from planparse.limits import MAX_JSON_VALUES

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

PLAN = SAMPLES / "jinjiang-2022.txt"
BROKEN_PDF = cut_before_pages(SAMPLES / "jinjiang-2022.pdf")  # as a failed download leaves it: nothing is left to read


def batch(*args: object, user: bool = False) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "planparse", "batch", *map(str, args), "-q"]
    return run_bounded(as_user(command) if user else command, timeout=300, text=False)


def long_name(stem: str, suffix: str, size: int = MAX_NAME_BYTES) -> bytes:
    """A name of exactly ``size`` bytes: Chinese characters (3 bytes each) padded with ASCII."""
    chinese = (size - len(stem) - len(suffix)) // 3
    name = f"{stem}{'规' * chinese}".encode()
    return name + b"x" * (size - len(name) - len(suffix.encode())) + suffix.encode()


def dead_pid() -> int:
    """The id of a process that has ended."""
    return int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout)


def test_a_batch_with_any_name_converts_the_good_plans_and_lists_the_others(tmp_path: Path):
    plans = tmp_path / "plans"
    plans.mkdir()
    good = {b"good.txt", "规划-\u00e9".encode("gb18030") + b".txt", long_name("plan", ".txt"), long_name("plan", ".txt", 236)}
    broken = {b"broken.pdf", b"broken-\xff\xfe.pdf", long_name("broken", ".pdf")}
    for name in good:
        (plans / os.fsdecode(name)).write_bytes(PLAN.read_bytes())
    for name in broken:
        (plans / os.fsdecode(name)).write_bytes(BROKEN_PDF)
    out = tmp_path / "out"
    run = batch(plans, "-o", out)
    assert run.returncode == 1, run.stderr
    assert b"Traceback" not in run.stderr

    errors = json.loads((out / "errors.json").read_bytes())
    assert {os.fsencode(error["file"]): error["file_not_utf8"] for error in errors} == {
        b"broken.pdf": False, b"broken-\xff\xfe.pdf": True, long_name("broken", ".pdf"): False}
    assert {error["kind"] for error in errors} == {"bad input"}
    manifest = json.loads((out / "manifest.json").read_bytes())
    assert {os.fsencode(name) for name in manifest["documents"]} == good  # every name back byte for byte
    outputs = [path for path in out.iterdir() if path.name.endswith(".json") and path.name not in ("errors.json", "manifest.json")]
    assert len(outputs) == len(good) and all(len(os.fsencode(path.name)) <= MAX_NAME_BYTES for path in outputs)
    sources = {os.fsencode(Path(json.loads(path.read_bytes())["source"]["path"]).name) for path in outputs}
    assert sources == good
    csv_text = (out / "documents.csv").read_text(encoding="utf-8-sig")
    # The GBK name shown byte by byte where it is not UTF-8 (b"\\xe6\\xbb\\xae" happens to be: 滮), never an error.
    assert "\\xb9滮-\\xa8\\xa6.txt" in csv_text
    assert not list(out.rglob(f"*{PART_SUFFIX}"))


def test_plans_and_folders_named_as_the_runs_own_files_keep_their_outputs_apart_from_them(tmp_path: Path):
    """A plan named errors wrote errors.json, then the run's list of failures replaced it ("converted 2", the
    plan's output gone); a folder of plans named manifest.json stood where the manifest goes and failed the run,
    as a folder d.txt.json beside a plan d.txt stood where that plan's output goes."""
    plans, out = tmp_path / "plans", tmp_path / "out"
    names = ("manifest", "errors", "Errors", "_errors", "manifest.json/a.txt", "Targets.csv/b.txt", "report.html/c.txt",
             "d.txt", "d.txt.json/e.txt")
    for relative in names:
        (plans / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(PLAN, plans / relative)
    run = batch(plans, "-o", out, "--glob", "*", "--recursive", "--report")
    assert run.returncode == 0, run.stderr
    assert json.loads((out / "errors.json").read_bytes()) == []
    assert len(json.loads((out / "manifest.json").read_bytes())["documents"]) == len(names)
    assert (out / "report.html").is_file() and (out / "targets.csv").is_file()
    sources = {json.loads(path.read_bytes())["source"]["path"] for path in out.rglob("*.json") if path.name not in ("manifest.json", "errors.json")}
    assert {Path(source).relative_to(plans).as_posix() for source in sources} == set(names)


def test_long_names_are_cut_with_a_hash_and_stay_apart():
    short = "规划.txt"
    assert fitting_name(short, ".json") == "规划.txt.json"
    first, second = "规" * 84 + "一.txt", "规" * 84 + "二.txt"  # 255 bytes each, differing at the end
    cut = [fitting_name(name, ".json") for name in (first, second)]
    assert all(len(name.encode()) <= MAX_NAME_BYTES and name.endswith(".json") for name in cut)
    assert cut[0] != cut[1]


def test_a_name_with_blank_edges_gets_an_output_name_that_shows_them_and_is_its_own(tmp_path: Path):
    """"   .txt" (three spaces) wrote txt.json, as if from a plan named txt, and a name's blank or dotted edges
    vanish in a listing (Windows drops trailing ones): each blank or dot at an edge is shown as _."""
    plans = tmp_path / "plans"
    (plans / "  ").mkdir(parents=True)
    names = ["   .txt", "\u3000\u3000.txt", " .txt", "\t.txt", "plan. .txt", "  /plan.txt"]
    for name in names:
        shutil.copy(PLAN, plans / name)
    outputs = {job.relative: job.json_output.relative_to(tmp_path / "out").as_posix()
               for job in plan_jobs(BatchOptions(plans, tmp_path / "out", recursive=True))}
    assert outputs == {"   .txt": "___.txt.json", "\u3000\u3000.txt": "__.txt.json", "\t.txt": "_.txt.json", " .txt": "_.txt.dda9e32f.json",
                       "plan. .txt": "plan. .txt.json", "  /plan.txt": "__/plan.txt.json"}
    run = batch(plans, "-o", tmp_path / "out", "--recursive")
    assert run.returncode == 0, run.stderr
    assert sorted(path.relative_to(tmp_path / "out").as_posix() for path in (tmp_path / "out").rglob("*.txt*.json")) == sorted(outputs.values())


def test_a_name_with_marks_of_writing_direction_gets_an_output_name_a_listing_shows_in_its_order(tmp_path: Path):
    """U+202E shows what follows it right to left: 附件\u202excod.txt.json was listed as 附件nosj.txt.docx. Each mark is shown as _."""
    plans = tmp_path / "plans"
    plans.mkdir()
    names = ["附件\u202excod.txt", "\u2067实施方案\u2069.txt", "plan\u200f\u061c.txt"]
    for name in names:
        shutil.copy(PLAN, plans / name)
    run = batch(plans, "-o", tmp_path / "out")
    assert run.returncode == 0, run.stderr
    assert sorted(path.name for path in (tmp_path / "out").glob("*.txt.json")) == ["_实施方案_.txt.json", "plan__.txt.json", "附件_xcod.txt.json"]
    assert sorted(json.loads((tmp_path / "out" / "manifest.json").read_bytes())["documents"]) == sorted(names)  # the names as they are


def test_the_failure_handler_does_not_raise_on_a_name_the_file_system_refuses(tmp_path: Path):
    name = "规" * 100 + ".txt"  # 304 bytes: no file system stores it
    job = Job(tmp_path / name, name, tmp_path / (name + ".json"), None, "rules")
    outcome = _failed(job, "bad input", "not a text file\n(binary content)")
    assert outcome.failure.file == name and outcome.failure.message == "not a text file (binary content)"


# --- 5. one batch at a time, and a manifest that says what made each file ------------


@pytest.fixture
def one_plan(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(PLAN, plans / "plan.txt")
    return plans


def test_a_second_batch_into_a_folder_in_use_is_refused_in_one_line(one_plan: Path, tmp_path: Path):
    out = tmp_path / "out"
    with folder_lock(out, "planparse batch"):  # held by this process while another batch starts
        run = batch(one_plan, "-o", out)
    assert run.returncode == 2
    assert run.stderr.decode() == f"planparse: {out}: another planparse batch is writing to this folder; wait for it to end, or choose another folder\n"
    assert batch(one_plan, "-o", out).returncode == 0  # and free again once it ends


def test_the_manifest_says_what_made_each_output_and_a_replaced_output_is_made_again(one_plan: Path, tmp_path: Path):
    out = tmp_path / "out"
    rules = tmp_path / "rules"
    rules.mkdir()
    assert batch(one_plan, "-o", out, "--rules", rules).returncode == 0
    entry = json.loads((out / "manifest.json").read_bytes())["documents"]["plan.txt"]
    output = out / "plan.txt.json"
    assert entry["rules_dir"] == str(rules.resolve()) and entry["planparse"]
    assert entry["json_sha256"] == hashlib.sha256(output.read_bytes()).hexdigest()
    made = output.read_bytes()
    output.write_bytes(made.replace(b'"targets"', b'"targets" ', 1))  # another program's version
    rerun = batch(one_plan, "-o", out, "--rules", rules)
    assert rerun.returncode == 0 and b"converted 1" in rerun.stderr
    assert output.read_bytes() == made


def test_a_manifest_of_more_values_than_its_run_writes_is_not_read_and_the_plans_run_again(one_plan: Path, tmp_path: Path):
    """A re-run read the manifest whole, however large: one of a few megabytes can hold millions of values, each
    costing memory twice (as JSON, as a model). A document's entry holds some 100 values (1,500 for 74 targets)."""
    out = tmp_path / "out"
    assert batch(one_plan, "-o", out).returncode == 0
    manifest = json.loads((out / "manifest.json").read_bytes())
    manifest["documents"]["plan.txt"]["target_rows"] = [["x"]] * ((MAX_JSON_VALUES + MANIFEST_VALUES_PER_DOCUMENT) // 2)
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    rerun, peak_kb = run_measuring_memory([sys.executable, "-m", "planparse", "batch", str(one_plan), "-o", str(out), "-j", "1"])
    assert rerun.returncode == 0 and "converted 1" in rerun.stderr, rerun.stderr
    assert len(json.loads((out / "manifest.json").read_bytes())["documents"]["plan.txt"]["target_rows"]) < 100
    assert peak_kb < 400_000


def test_a_manifest_of_lists_nested_deeper_than_json_reads_is_not_read_and_the_plans_run_again(one_plan: Path, tmp_path: Path):
    """The re-run stopped at an internal error (RecursionError) before converting anything."""
    out = tmp_path / "out"
    assert batch(one_plan, "-o", out).returncode == 0
    (out / "manifest.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    rerun = batch(one_plan, "-o", out)
    assert rerun.returncode == 0 and b"converted 1" in rerun.stderr, rerun.stderr
    assert list(json.loads((out / "manifest.json").read_bytes())["documents"]) == ["plan.txt"]


def test_an_output_replaced_by_a_file_larger_than_planparse_reads_is_made_again_unread(one_plan: Path, tmp_path: Path):
    """A re-run read each output whole to hash it: a file of gigabytes put in its place filled the memory."""
    out = tmp_path / "out"
    assert batch(one_plan, "-o", out).returncode == 0
    made = (out / "plan.txt.json").read_bytes()
    os.truncate(out / "plan.txt.json", 2**30)  # sparse: a gigabyte on no disk
    rerun = run_planparse("batch", str(one_plan), "-o", str(out), "-j", "1", timeout=60, address_space=2**30)
    assert rerun.returncode == 0 and "converted 1" in rerun.stderr, rerun.stderr
    assert (out / "plan.txt.json").read_bytes() == made


# --- 6. temporary files a killed run left ------------------------------------------


def test_the_next_batch_removes_the_temporary_files_a_killed_one_left(one_plan: Path, tmp_path: Path):
    out = tmp_path / "out"
    (out / "sub").mkdir(parents=True)
    stale = [out / f"{PART_PREFIX}{dead_pid()}-a{PART_SUFFIX}", out / "sub" / f"{PART_PREFIX}{dead_pid()}-b{PART_SUFFIX}"]
    for part in stale:
        part.write_bytes(b"")
    assert batch(one_plan, "-o", out).returncode == 0
    assert not list(out.rglob(f"*{PART_SUFFIX}"))



@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="a process not yet reaped is told from /proc")
def test_a_temporary_file_of_a_worker_killed_and_not_yet_reaped_is_removed(tmp_path: Path):
    """kill -9 of a batch: its workers die with it, and wait for their new parent to reap them (a second, more on a
    loaded machine), their ids answering meanwhile. A re-run started at once took each for a live writer, and left
    its temporary file after it had ended (CI, test_interrupts, once in three runs)."""
    ended = subprocess.Popen([sys.executable, "-c", ""])
    while Path(f"/proc/{ended.pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z":
        time.sleep(0.01)  # until it has ended: it is never reaped before ``wait``
    part = tmp_path / f"{PART_PREFIX}{ended.pid}-a{PART_SUFFIX}"
    part.write_bytes(b"half")
    remove_stale_parts(tmp_path)
    ended.wait()
    assert not part.exists()


@pytest.mark.skipif(fcntl is None, reason="temporary files are locked by their writers where flock is")
def test_a_temporary_file_is_kept_while_its_writer_holds_it_and_removed_once_its_id_names_another_process(tmp_path: Path):
    """Process ids are given again (Linux's 32,768 used up in minutes on a busy machine): a killed writer's id, running
    another process, kept its temporary file for good. The writer's lock tells them apart; a moment after it made
    the file, before it locks it, the id alone."""
    minutes_ago = time.time() - 120
    written, left, new = (tmp_path / f"{PART_PREFIX}{os.getpid()}-{name}{PART_SUFFIX}" for name in ("written", "left", "new"))
    for part in (written, left, new):
        part.write_bytes(b"half")
    for part in (written, left):
        os.utime(part, (minutes_ago, minutes_ago))
    with open(written, "rb") as writing:
        fcntl.flock(writing, fcntl.LOCK_EX)
        remove_stale_parts(tmp_path)
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([written.name, new.name])


# --- 9. an output folder that cannot be written is an output error ---------------------


def test_a_read_only_output_folder_is_one_output_error_not_a_bad_input_per_plan(one_plan: Path, tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    run = batch(one_plan, "-o", out, user=True)
    assert run.returncode == 2
    assert run.stderr.decode() == f"planparse: {out}: cannot write to the output folder (Permission denied)\n"


def test_a_subfolder_that_cannot_be_written_fails_its_plans_as_output_errors(tmp_path: Path):
    plans = tmp_path / "plans"
    (plans / "sub").mkdir(parents=True)
    shutil.copy(PLAN, plans / "plan.txt")
    shutil.copy(PLAN, plans / "sub" / "plan.txt")
    out = tmp_path / "out"
    (out / "sub").mkdir(parents=True)
    (out / "sub").chmod(0o555)
    run = batch(plans, "-o", out, "--recursive", user=True)
    assert run.returncode == 1
    [error] = json.loads((out / "errors.json").read_bytes())
    assert error["file"] == "sub/plan.txt" and error["kind"] == "output error"
    assert error["message"] == f"cannot write output (no new file can be made in {out / 'sub'}: Permission denied)"
    assert (out / "plan.txt.json").is_file()


class _Unpicklable(Exception):
    """An error that cannot travel back from a worker: as a library's odd exception would."""

    def __reduce__(self):
        raise TypeError("cannot pickle this error")


def _fails_oddly_on_bad(job: Job) -> Outcome:
    if job.relative == "bad.txt":
        raise _Unpicklable("odd")
    return Outcome(job.relative)


def test_a_result_that_cannot_come_back_fails_its_document_not_the_run(tmp_path: Path):
    jobs = [Job(tmp_path / name, name, None, None, "") for name in ("a.txt", "bad.txt", "c.txt")]
    outcomes = {outcome.relative: outcome.failure for outcome in run_jobs(jobs, 2, _fails_oddly_on_bad)}
    assert outcomes["a.txt"] is None and outcomes["c.txt"] is None
    assert outcomes["bad.txt"].kind == "internal error" and "\n" not in outcomes["bad.txt"].message


def test_an_output_that_is_a_link_to_a_users_file_is_replaced_and_the_file_kept(one_plan: Path, tmp_path: Path):
    """batch wrote through a symbolic link standing in its output folder, over the file it pointed at (its
    report.html too); and a FIFO standing at an output's name made it wait for a reader for ever."""
    out, precious = tmp_path / "out", tmp_path / "precious.txt"
    out.mkdir()
    precious.write_text("a user's own file", encoding="utf-8")
    for name in ("plan.txt.json", "targets.csv", "manifest.json", "report.html"):
        (out / name).symlink_to(precious)
    os.mkfifo(out / "documents.csv")
    run = batch(one_plan, "-o", out, "--report")
    assert run.returncode == 0, run.stderr
    assert precious.read_text(encoding="utf-8") == "a user's own file"
    assert not [path.name for path in out.iterdir() if path.is_symlink() or not path.is_file()]
    assert json.loads((out / "plan.txt.json").read_bytes())["targets"]


@pytest.mark.parametrize("planted", ["named pipe", "link to /dev/zero"])
@pytest.mark.parametrize("where", ["out/manifest.json", "out/plan.txt.json", "plans/plan.txt"])
def test_a_re_run_finding_a_named_pipe_or_an_endless_device_where_its_files_were_reads_nothing_from_it(
        one_plan: Path, tmp_path: Path, planted: str, where: str):
    """A re-run reads the last run's manifest and outputs, and hashes each plan: a named pipe put at one of those
    names held it up for ever waiting for a writer, a link to /dev/zero filled its memory (an internal error)."""
    out = tmp_path / "out"
    assert run_planparse("batch", str(one_plan), "-o", str(out), "-q", "-j", "1").returncode == 0
    path = tmp_path / where
    path.unlink()
    if planted == "named pipe":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    run = run_planparse("batch", str(one_plan), "-o", str(out), "-q", "-j", "1", timeout=30, address_space=2**30)
    if where == "plans/plan.txt":
        kind = "a named pipe (FIFO)" if planted == "named pipe" else "a character device"
        assert run.returncode == 1 and f"plan.txt: FAILED (bad input): is {kind}" in run.stderr, run.stderr
    else:
        assert run.returncode == 0 and "plan.txt: ok" in run.stderr, run.stderr
        assert json.loads((out / "plan.txt.json").read_bytes())["targets"]
        assert not [path.name for path in out.iterdir() if path.is_symlink() or not path.is_file()]


@pytest.mark.parametrize(("name", "content"), [("manifest.json", '{"name": "my-app", "version": "1.0.0"}\n'),
                                             ("targets.csv", "地区,目标\n揭阳,16%\n")])
def test_a_batch_into_a_folder_holding_a_users_file_at_one_of_its_names_is_refused_and_the_file_kept(
        one_plan: Path, tmp_path: Path, name: str, content: str):
    """Into a project's folder, batch replaced its manifest.json, or a user's spreadsheet named targets.csv, without
    a word. A folder an earlier batch wrote to (its lock says so) is the run's own, whoever changed its files since."""
    out = tmp_path / "out"
    out.mkdir()
    (out / name).write_text(content, encoding="utf-8")
    run = batch(one_plan, "-o", out)
    assert run.returncode == 2 and run.stderr.decode() == (
        f"planparse: {out / name}: a file planparse batch did not write (no batch has written to this folder), "
        "which the run would replace; choose another output folder, or move the file\n")
    assert [path.name for path in out.iterdir()] == [name] and (out / name).read_text(encoding="utf-8") == content
    (out / name).unlink()
    assert batch(one_plan, "-o", out).returncode == 0
    (out / "targets.csv").write_text(content, encoding="utf-8")
    assert batch(one_plan, "-o", out, "--force").returncode == 0
    assert (out / "targets.csv").read_text(encoding="utf-8-sig").startswith("document,id,")


def test_a_batch_into_a_folder_holding_its_input_folder_converts_its_plans(one_plan: Path, tmp_path: Path):
    """Every plan lies inside such an output folder, and was left out as an output of an earlier run: the run said
    there were no documents."""
    run = batch(one_plan, "-o", tmp_path)
    assert run.returncode == 0, run.stderr
    assert json.loads((tmp_path / "plan.txt.json").read_bytes())["targets"]
    assert list(json.loads((tmp_path / "manifest.json").read_bytes())["documents"]) == ["plan.txt"]


def test_a_subfolder_of_the_output_that_is_a_link_is_refused_before_anything_is_written(tmp_path: Path):
    plans, out, elsewhere = tmp_path / "plans", tmp_path / "out", tmp_path / "elsewhere"
    (plans / "health").mkdir(parents=True)
    shutil.copy(PLAN, plans / "health" / "plan.txt")
    elsewhere.mkdir()
    out.mkdir()
    (out / "health").symlink_to(elsewhere)
    run = batch(plans, "-o", out, "--recursive")
    assert run.returncode == 2 and run.stderr.decode().count("\n") == 1
    assert run.stderr.decode().startswith(f"planparse: {out / 'health'}: a symbolic link inside the output folder")
    assert list(elsewhere.iterdir()) == [] and sorted(path.name for path in out.iterdir()) == ["health"]


def _batch_under_file_size_limit(plans: Path, out: Path, limit: int) -> subprocess.CompletedProcess:
    """batch with no file it writes allowed past ``limit`` bytes (RLIMIT_FSIZE: a disk that fills up)."""
    starter = ("import os, resource, sys; resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]),) * 2); "
               "os.execv(sys.executable, [sys.executable, '-m', 'planparse', 'batch', *sys.argv[2:]])")
    return run_bounded([sys.executable, "-c", starter, str(limit), str(plans), "-o", str(out), "-q"], timeout=300)


def _left_parts(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.name.startswith(PART_PREFIX) or path.name.endswith(PART_SUFFIX)]


def test_a_disk_too_full_for_a_plans_output_fails_that_plan_and_leaves_no_part_of_it(tmp_path: Path):
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(PLAN, plans / "plan.txt")  # its JSON is some 50 kB; the run's own summaries are smaller
    run = _batch_under_file_size_limit(plans, tmp_path / "out", 30_000)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "plan.txt: FAILED (output error): cannot write output (File too large)" in run.stderr
    assert run.stderr.splitlines()[-1].endswith("; targets.csv and documents.csv cover all documents but those that failed")
    assert not list((tmp_path / "out").glob("plan*.json")) and _left_parts(tmp_path / "out") == []
    [failure] = json.loads((tmp_path / "out" / "errors.json").read_text(encoding="utf-8"))
    assert failure["file"] == "plan.txt" and failure["kind"] == "output error"


def test_a_disk_too_full_for_the_runs_summary_is_one_line_naming_it_and_the_plans_outputs_stay_whole(tmp_path: Path):
    plans = tmp_path / "plans"
    plans.mkdir()
    for number in range(12):  # each JSON fits (53 kB); the manifest of all twelve (80 kB) does not
        shutil.copy(PLAN, plans / f"plan{number}.txt")
    run = _batch_under_file_size_limit(plans, tmp_path / "out", 60_000)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.stderr.splitlines()[-1] == f"planparse: {tmp_path / 'out' / 'manifest.json'}: cannot write output (File too large)"
    outputs = sorted((tmp_path / "out").glob("plan*.json"))
    assert len(outputs) == 12 and all(json.loads(path.read_text(encoding="utf-8"))["targets"] for path in outputs)
    assert not (tmp_path / "out" / "manifest.json").exists() and _left_parts(tmp_path / "out") == []


@contextmanager
def special_files_named_as_plans(plans: Path) -> Iterator[dict[str, str]]:
    """A plan among a named pipe, a socket, a device and links to nothing, all named as plans (and a pipe that is
    not): what batch says of each, by name."""
    import socket

    plans.mkdir()
    shutil.copy(PLAN, plans / "plan.txt")
    os.mkfifo(plans / "pipe.txt")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(plans / "socket.txt"))
        (plans / "device.txt").symlink_to(os.devnull)
        (plans / "loop.txt").symlink_to("loop.txt")
        (plans / "gone.docx").symlink_to(plans.parent / "deleted.docx")
        os.mkfifo(plans / "pipe-of-no-plan")  # no plan's suffix: no plan
        yield {"device.txt": "is a character device, not a document", "gone.docx": "a symbolic link to nothing, or in a loop",
               "loop.txt": "a symbolic link to nothing, or in a loop",
               "pipe.txt": f"is a named pipe (FIFO), not a file; to read what is written into it, give it as standard input: - < {plans / 'pipe.txt'}",
               "socket.txt": "is a socket, not a document"}


def test_special_files_and_broken_links_named_as_plans_are_each_a_failed_plan_and_the_others_converted(tmp_path: Path):
    """They were passed over without a word, as if the folder held no such plan."""
    plans, out = tmp_path / "plans", tmp_path / "out"
    with special_files_named_as_plans(plans) as problems:
        run = batch(plans, "-o", out, "-q", "-j", "1")
    assert run.returncode == 1 and b"Traceback" not in run.stderr
    failures = {failure["file"]: failure["message"] for failure in json.loads((out / "errors.json").read_bytes())}
    assert failures == problems
    assert (out / "plan.txt.json").is_file()


def test_links_to_folders_that_loop_are_not_followed_and_a_pipe_in_a_subfolder_is_a_failed_plan(tmp_path: Path):
    """A subfolder linking back to the folder, or to itself, would be walked for ever if followed (links to folders are
    not); a named pipe deep in a subfolder would hold the run up for ever if opened to wait for a writer."""
    plans, out = tmp_path / "plans", tmp_path / "out"
    (plans / "health").mkdir(parents=True)
    shutil.copy(PLAN, plans / "health" / "plan.txt")
    (plans / "health" / "up.txt").symlink_to("..")
    (plans / "health" / "here").symlink_to(".")
    os.mkfifo(plans / "health" / "pipe.docx")
    run = batch(plans, "-o", out, "-q", "--recursive")
    assert run.returncode == 1 and b"Traceback" not in run.stderr
    assert {failure["file"]: failure["message"] for failure in json.loads((out / "errors.json").read_bytes())} == {
        "health/pipe.docx": f"is a named pipe (FIFO), not a file; to read what is written into it, give it as standard input: - < {plans / 'health' / 'pipe.docx'}"}
    assert list(json.loads((out / "manifest.json").read_bytes())["documents"]) == ["health/plan.txt"]


@pytest.mark.parametrize(("plant", "problem"), [
    (lambda path: path.symlink_to(path.name), "a symbolic link to nothing, or in a loop"),
    (os.mkfifo, "is a named pipe (FIFO), not a folder"),
    (lambda path: path.symlink_to(os.devnull), "is a character device, not a folder"),
], ids=["link-in-a-loop", "named-pipe", "device"])
def test_a_folder_to_convert_that_is_a_link_in_a_loop_or_no_folder_is_refused_saying_what_it_is(plant, problem: str, tmp_path: Path):
    """Each was "no such folder", as if nothing stood there."""
    plans = tmp_path / "plans"
    plant(plans)
    run = batch(plans, "-o", tmp_path / "out", "-q")
    assert (run.returncode, run.stderr.decode()) == (2, f"planparse: {plans}: {problem}\n")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", ["compare", "report", "diff"])
def test_special_files_and_broken_links_named_as_plans_in_a_folder_compared_are_each_said_skipped_as_batch_fails_them(command: str, tmp_path: Path):
    """compare, report and diff passed over them without a word; batch lists each failed (above)."""
    plans, plan_alone = tmp_path / "plans", tmp_path / "plan"
    plan_alone.mkdir()
    shutil.copy(PLAN, plan_alone / "plan.txt")
    with special_files_named_as_plans(plans) as problems:
        run = run_planparse(command, str(plans), *([str(plan_alone)] if command == "diff" else []), timeout=300)
    assert run.returncode == 0 and run.stdout
    assert run.stderr.splitlines() == [f"planparse: {plans / name}: skipped: {problem}" for name, problem in sorted(problems.items())]


@pytest.mark.parametrize("command", ["compare", "report", "diff"])
def test_each_folder_is_walked_once_and_each_json_file_in_it_looked_at_once_before_the_plans_are_read(command: str, tmp_path: Path, monkeypatch):
    """The output was checked against a folder's plans, what it skips said and its plans found, each a walk of its
    own, and each JSON file in it read whole at each to tell an extracted plan from errors.json: three walks and
    three readings of a batch output of 500 plans before any was compared."""
    from click.testing import CliRunner

    from planparse import diff
    from planparse.cli import cli
    from planparse.exporters.json import document_json
    from planparse.pipeline import extract

    folders = [tmp_path / "old", tmp_path / "new"][: 2 if command == "diff" else 1]
    for folder in folders:
        folder.mkdir()
        for stem in ("jieyang-2022", "jinjiang-2022"):
            (folder / f"{stem}.txt.json").write_bytes(document_json(extract(SAMPLES / f"{stem}.txt")))
        (folder / "errors.json").write_text("[]", encoding="utf-8")
    walked, looked_at = [], []
    walk, look = diff._named_as_plans, diff.looks_like_document
    monkeypatch.setattr(diff, "_named_as_plans", lambda folder: walked.append(folder) or walk(folder))
    monkeypatch.setattr(diff, "looks_like_document", lambda path: looked_at.append(path.name) or look(path))
    output = [] if command == "diff" else ["-o", str(tmp_path / "result.html")]
    (tmp_path / "result.html").write_text("an earlier result", encoding="utf-8")  # a file there: checked against the inputs
    result = CliRunner().invoke(cli, [command, *map(str, folders), *output])
    assert result.exit_code == 0, result.output
    assert walked == folders
    assert sorted(looked_at) == sorted(["errors.json", "jieyang-2022.txt.json", "jinjiang-2022.txt.json"] * len(folders))


def plan_past_the_path_limit(top: Path) -> Path:
    """A plan at the bottom of folders nested under ``top`` until their path passes Linux's limit (4,096 bytes), made
    through open folders (a path that long cannot be made by its name)."""
    folder, parts = os.open(top, os.O_RDONLY), []
    while len(os.fsencode(top.joinpath(*parts))) <= 4096:
        parts.append("实施方案附件" * 13)  # 234 bytes, as long as a name gets
        os.mkdir(parts[-1], dir_fd=folder)
        below = os.open(parts[-1], os.O_RDONLY, dir_fd=folder)
        os.close(folder)
        folder = below
    plan = os.open("plan.txt", os.O_WRONLY | os.O_CREAT, dir_fd=folder)
    os.write(plan, PLAN.read_bytes())
    os.close(plan)
    os.close(folder)
    return top.joinpath(*parts, "plan.txt")


def test_a_folder_that_cannot_be_listed_fails_as_itself_and_the_other_plans_are_converted(tmp_path: Path):
    """A path past the length limit stopped the whole run (internal error: OSError: File name too long); a folder that
    cannot be entered was left out without a word, as if it held no plan."""
    plans, out = tmp_path / "plans", tmp_path / "out"
    (plans / "closed").mkdir(parents=True)
    shutil.copy(PLAN, plans / "plan.txt")
    shutil.copy(PLAN, plans / "closed" / "plan.txt")
    (plans / "closed").chmod(0)
    deep = plan_past_the_path_limit(plans)
    run = batch(plans, "-o", out, "--recursive", user=True)
    (plans / "closed").chmod(0o755)
    assert run.returncode == 1 and b"Traceback" not in run.stderr, run.stderr
    errors = json.loads((out / "errors.json").read_bytes())
    too_long = next(folder for folder in deep.relative_to(plans).parents if len(os.fsencode(plans / folder)) > 4096)
    assert [(error["file"], error["kind"], error["message"]) for error in errors] == [
        ("closed", "bad input", "a folder planparse cannot list (Permission denied); the documents in it are not converted"),
        (too_long.as_posix(), "bad input", "a folder planparse cannot list (File name too long); the documents in it are not converted")]
    assert list(json.loads((out / "manifest.json").read_bytes())["documents"]) == ["plan.txt"]


def test_temporary_files_that_cannot_be_removed_leave_the_others_removed(tmp_path: Path):
    """A folder of the name stands for a file unlink cannot remove: ten of each, in the folder's listing order."""
    writer = dead_pid()
    stuck = {f"{PART_PREFIX}{writer}-stuck{number}{PART_SUFFIX}" for number in range(10)}
    for name in stuck:
        (tmp_path / name).mkdir()
    for number in range(10):
        (tmp_path / f"{PART_PREFIX}{writer}-stale{number}{PART_SUFFIX}").write_bytes(b"half")
    remove_stale_parts(tmp_path)
    assert {path.name for path in tmp_path.iterdir()} == stuck


@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_an_output_folder_that_is_a_device_or_a_named_pipe_is_one_line_saying_so(kind: str, tmp_path: Path):
    """It said 'cannot write to the output folder (File exists)', of /dev/null."""
    out = Path("/dev/null") if kind == "device" else tmp_path / "pipe"
    if kind == "fifo":
        os.mkfifo(out)
    run = batch(SAMPLES, "-o", out)
    assert (run.returncode, run.stderr.decode()) == (2, f"planparse: {out}: cannot write to the output folder (it is no folder: a device, "
                                                        "a named pipe or a socket)\n")


def json_size(plan: Path) -> int:
    from planparse.exporters.json import document_json
    from planparse.pipeline import extract

    return len(document_json(extract(plan)))


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A file system (tmpfs) that holds three outputs of PLAN and the run's summaries, not four, where the test may
    mount one (root, in a container that allows it): a disk really full, No space left on device, where the file
    size limit above stands in with File too large."""
    disk = tmp_path / "disk"
    disk.mkdir()
    size = 3 * json_size(PLAN) + 40 * 1024
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(disk)], capture_output=True).returncode != 0:
        pytest.skip("no small file system can be mounted here")
    try:
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=True)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_disk_that_fills_up_fails_the_plans_it_cannot_hold_and_keeps_the_others_whole(jobs: int, small_disk: Path, tmp_path: Path):
    """One worker fills the disk with three whole outputs. Two workers may both be halfway through the third when the
    disk fills, and then both fail: two or three are kept (CI once kept two), each whole, and the rest fail."""
    plans = tmp_path / "plans"
    plans.mkdir()
    for number in range(8):
        shutil.copy(PLAN, plans / f"plan{number}.txt")
    run = batch(plans, "-o", small_disk / "out", "--format", "json", "--jobs", jobs)
    assert run.returncode == 1 and b"Traceback" not in run.stderr, run.stderr
    failures = json.loads((small_disk / "out" / "errors.json").read_bytes())
    converted = json.loads((small_disk / "out" / "manifest.json").read_bytes())["documents"]
    assert len(converted) in ({3} if jobs == 1 else {2, 3})
    assert all(json.loads((small_disk / "out" / f"{name}.json").read_bytes())["targets"] for name in converted)
    no_space = ("output error", "cannot write output (No space left on device)")
    assert [(failure["kind"], failure["message"]) for failure in failures] == [no_space] * (8 - len(converted))
    assert _left_parts(small_disk / "out") == []


def test_an_output_folder_given_as_a_dash_is_refused_and_one_named_so_is_written_as_dot_slash_dash(tmp_path: Path):
    """-o - is standard output to extract, compare and report: batch made a folder named - in the current one."""
    plans, work = tmp_path / "plans", tmp_path / "work"
    plans.mkdir()
    work.mkdir()
    shutil.copy(PLAN, plans / "plan.txt")
    run = run_planparse("batch", str(plans), "-o", "-", "-q", cwd=work)
    assert run.returncode == 2 and run.stderr == ("planparse batch: Invalid value for '-o' / '--output': batch writes a folder of outputs, "
                                                  "not standard output; for a folder named -, give ./- (see planparse batch --help)\n")
    assert list(work.iterdir()) == []
    named = run_planparse("batch", str(plans), "-o", "./-", "-q", "--format", "csv", cwd=work)
    assert named.returncode == 0 and (work / "-" / "targets.csv").is_file()
