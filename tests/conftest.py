"""Paths to the repository's own test material (never ../shared)."""
from __future__ import annotations

import atexit
import gc
import io
import json
import math
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import weakref
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import pytest
from hypothesis import settings
from hypothesis import strategies as st

# The suite sees the same generated examples on every run, so CI never goes red by chance;
# HYPOTHESIS_PROFILE=explore draws new ones when you look for faults. No deadline: a test is
# never timed (a loaded machine made a 200 ms deadline fail a correct example once).
settings.register_profile("repeatable", derandomize=True, database=None, deadline=None)
settings.register_profile("explore", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

from planparse.cache import CACHE_DIR_VARIABLE
from planparse.cli import main
from planparse.exporters.json import document_json
from planparse.models import Document, Metadata, Section, Source, Target

# The suite's processes share one cache folder of their own, removed at the end, never the user's:
# its tests write thousands of rule folders, each cached under its own name.
if CACHE_DIR_VARIABLE not in os.environ:
    os.environ[CACHE_DIR_VARIABLE] = tempfile.mkdtemp(prefix="planparse-test-cache-")
    atexit.register(shutil.rmtree, os.environ[CACHE_DIR_VARIABLE], True)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DATA = Path(__file__).resolve().parent / "data"
GOLD = DATA / "gold"
sys.path.insert(0, str(DATA))  # what the generators of tests/data share
from plan_files import sample_writer  # noqa: E402  (samples/make_samples.py as a module: the samples' writers)
SEEDS = ("jieyang-2022", "jinjiang-2022", "qingcheng-2021", "yangzhou-2022", "zhanjiang-2016")
EXTRA = ("wufei-chengshi-2018", "yaopin-caigou-2019", "zhiye-jiaoyu-gaige-2019")
GOLD_DOCS = SEEDS + EXTRA


def gold_text_path(stem: str) -> Path:
    """The text a gold file was annotated on: a seed sample or an extra plan."""
    return SAMPLES / f"{stem}.txt" if stem in SEEDS else DATA / "extra" / f"{stem}.txt"


def load_gold(stem: str, part: str) -> dict:
    return json.loads((GOLD / f"{stem}.{part}.json").read_text(encoding="utf-8"))


@pytest.fixture(params=GOLD_DOCS)
def gold_doc(request) -> str:
    return request.param


@pytest.fixture(scope="session", autouse=True)
def warm_rule_cache(tmp_path_factory) -> None:
    """The suite's cache folder filled once, before the first test, by one extract of a seed plan in a process of its
    own (a process saves what it compiled as it exits): a test's bound of CPU or memory then measures its input, not
    the compile of the rules a first process makes (17 s of CPU and 470 MB, past the 20 s and 400 MB some bounds give),
    and a module run alone passes as it does in the whole suite. The tests' own processes read the folder warm."""
    output = tmp_path_factory.mktemp("warm") / "plan.json"
    run = run_planparse("extract", str(SAMPLES / "jieyang-2022.txt"), "-o", str(output), timeout=300)
    assert run.returncode == 0, run.stderr




def zipped(parts: dict[str, str]) -> bytes:
    """A ZIP archive of these parts (name -> text): a document of parts (ODT, OFD) or another program's file."""
    written = io.BytesIO()
    with zipfile.ZipFile(written, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return written.getvalue()


def cut_before_part(path: Path, name_start: str) -> bytes:
    """A DOCX, XLSX or OFD cut where its first part named ``name_start``… begins, as an interrupted download leaves it.

    The text lies wholly past the cut, so a reader that repairs more of a cut package still finds none: the file stays
    broken, and a test that stands on it cannot turn green or red by accident."""
    with zipfile.ZipFile(path) as package:
        start = min(part.header_offset for part in package.infolist() if part.filename.startswith(name_start))
    return path.read_bytes()[:start]


def cut_before_pages(path: Path) -> bytes:
    """A PDF cut before its first object that is a page or holds a stream: no page and no text is left to repair."""
    data = path.read_bytes()
    for found in re.finditer(rb"\d+ \d+ obj\b(.*?)endobj", data, re.DOTALL):
        if re.search(rb"/Type\s*/Page\b|\bstream\b", found[1]):
            return data[:found.start()]
    raise ValueError(f"{path} has no page object")


def saved_and_as_docx(saved: Path, text: Path, auto_numbered: bool, folder: Path) -> tuple[tuple, tuple]:
    """What a plan saved by a real writer (``saved``: a .doc, an .odt) gives, and what the DOCX it was saved from
    (``text`` written by samples/make_samples.py, its headings numbered by Word's lists when ``auto_numbered``) gives:
    headings, targets, tables, metadata and responsibilities."""
    from planparse.pipeline import extract

    make_samples = sample_writer()
    docx = folder / "plan.docx"
    docx.write_bytes(make_samples.write_docx(make_samples.seed_blocks(text), auto_numbered))
    document = extract(saved)
    assert len(document.targets) >= 9 and len(document.sections) >= 3 and document.tables
    return _plan_read(document), _plan_read(extract(docx))


def _plan_read(document) -> tuple:
    def tree(sections):
        return [(s.level, s.style.value, s.number, s.title, tree(s.children)) for s in sections]
    return (document.source.format, tree(document.sections),
            [(t.quote, t.value, t.unit, t.comparator, t.deadline, t.section) for t in document.targets],
            [(t.header, t.rows) for t in document.tables], document.metadata.model_dump(),
            [r.model_dump() for r in document.responsibilities])


def word_document_with(copy: Path, change: Callable[[bytearray], None]) -> Path:
    """``copy``: a committed Word 97 plan (tests/data/doc) whose WordDocument stream ``change`` rewrites in place,
    its size kept (a Word 6/95 version number, a password's flag, a piece table pointing away)."""
    import olefile  # here: only these tests write OLE2 files

    shutil.copy(DATA / "doc" / "bochuan-yanglao-2021.doc", copy)
    with olefile.OleFileIO(str(copy), write_mode=True) as ole:
        word = bytearray(ole.openstream("WordDocument").read())
        change(word)
        ole.write_stream("WordDocument", bytes(word))
    return copy


def word_95_document(copy: Path) -> Path:
    """``copy``: a Word 97 plan marked as Word 6/95 writes its files (version 104), a format planparse does not read."""
    return word_document_with(copy, lambda word: word.__setitem__(slice(2, 4), (0x0068).to_bytes(2, "little")))


def write_plan(folder: Path, text: str) -> Path:
    """A plan made for one test: ``text`` as ``plan.txt`` in ``folder``."""
    plan = folder / "plan.txt"
    plan.write_text(text, encoding="utf-8")
    return plan


def write_lined_and_flat(folder: Path, lines: list[str]) -> tuple[Path, Path]:
    """A plan made for one test in two copies: ``lines`` as given, and every line joined (a crawler's copy)."""
    lined, flat = folder / "lined.txt", folder / "flat.txt"
    lined.write_text("\n".join(lines) + "\n", encoding="utf-8")
    flat.write_text("".join(lines) + "\n", encoding="utf-8")
    return lined, flat


def planparse_reading_at_most(seconds: float) -> list[str]:
    """Python's arguments that run planparse with a time limit of ``seconds`` on reading a document."""
    return ["-c", f"import sys; from planparse import documents; documents.MAX_DOCUMENT_SECONDS = {seconds}\n"
                  "from planparse.cli import main; main(sys.argv[1:])"]


def run_planparse(*args: str, timeout: float = 60, **options) -> subprocess.CompletedProcess:
    return run_python("-m", "planparse", *args, timeout=timeout, **options)


def run_python(*args: str, timeout: float = 60, **options) -> subprocess.CompletedProcess:
    return run_bounded([sys.executable, *args], timeout, **options)


HANG_GUARD = 10  # how many seconds of the wall clock a test waits for each second of CPU a process may use


def as_a_foreground_command() -> None:
    """In a child before it runs: Ctrl-C and SIGTERM at their defaults and unblocked, as an interactive shell starts
    a command. A test run started as a background job of a non-interactive shell (``.ci/run &``, as some runners
    start it) has SIGINT ignored, which every child inherits, and Python installs no Ctrl-C handler where SIGINT is
    ignored: a test of what a Ctrl-C does would then test nothing (the pdfium test failed so in CI, the batch one
    passed as a run that ended first)."""
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGINT, signal.SIGTERM])


def _cpu_bound(timeout: float, umask: int | None = None, address_space: int | None = None) -> Callable[[], None]:
    """The limits of a process run by a test, set in the process before it runs (see ``run_bounded``), which starts
    as a foreground command."""
    def limit() -> None:
        as_a_foreground_command()
        resource.setrlimit(resource.RLIMIT_CPU, (math.ceil(timeout), math.ceil(timeout) + 1))
        if umask is not None:
            os.umask(umask)
        if address_space is not None:
            resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    return limit


def run_bounded(command: list[str], timeout: float = 60, umask: int | None = None, address_space: int | None = None,
                **options) -> subprocess.CompletedProcess:
    """Run ``command`` bounded by ``timeout`` seconds of its own CPU (RLIMIT_CPU, each process it starts too: past it
    the process is killed and the test fails), not of the wall clock, which a busy machine stretches (eight test runs
    on two cores stretched correct runs past 60 and 120 s); the wall clock waits ten times as long, a guard against a
    hang only. ``umask``, when given, is the command's, and ``address_space`` its memory limit in bytes (RLIMIT_AS:
    past it an allocation fails); ``options`` go to ``subprocess.run`` (``cwd``, ``input``, ``text=False``, ``env``)."""
    return subprocess.run(command, **{"capture_output": True, "text": True, **options}, timeout=HANG_GUARD * timeout,
                          preexec_fn=_cpu_bound(timeout, umask, address_space))


# Runs the command given after the file to write its peak resident memory (kB) to, as a process of its own: a child
# forked from the test run starts with the test run's memory, and Linux keeps the peak a process had before it ran
# another program in its own (the suite's process had grown to some 390 MB when CI ran the DOCX bomb's test).
_PEAK_OF_A_COMMAND = ("import resource, subprocess, sys\n"
                      "code = subprocess.call(sys.argv[2:])\n"
                      "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
                      "sys.exit(code)")


def run_measuring_memory(command: list[str], timeout: float = 60) -> tuple[subprocess.CompletedProcess, int]:
    """``run_bounded``'s run of ``command``, and the peak resident memory (kB) of its process and those it waited for,
    measured by a small process that starts it (``_PEAK_OF_A_COMMAND``); RUSAGE_CHILDREN of the test run holds the
    largest of every child the run has reaped."""
    with tempfile.TemporaryDirectory() as folder:
        peak = Path(folder) / "peak"
        run = run_bounded([sys.executable, "-c", _PEAK_OF_A_COMMAND, str(peak), *command], timeout)
        return run, int(peak.read_text())


class BoundedProcess(subprocess.Popen):
    """``command`` started bounded as ``run_bounded`` runs it, by ``timeout`` seconds of its own CPU, for a test that
    acts on it while it runs (a signal); ``communicate`` and ``wait`` wait ten times as long of the wall clock, a
    guard against a hang only (a batch of the samples took 7 minutes of wall clock and 107 s of CPU on a loaded
    machine, past the 300 s a wall clock timeout gave it)."""

    def __init__(self, command: list, timeout: float = 60, **options):
        self.hang_guard = HANG_GUARD * timeout
        super().__init__(command, preexec_fn=_cpu_bound(timeout), **options)

    def communicate(self, input=None, timeout: float | None = None):
        return super().communicate(input, self.hang_guard if timeout is None else timeout)

    def wait(self, timeout: float | None = None) -> int:
        return super().wait(self.hang_guard if timeout is None else timeout)


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


@pytest.fixture
def planparse(capsys, monkeypatch) -> Callable[..., Run]:
    """Run the command in-process through ``planparse.cli.main``, which owns the exit codes."""
    def run(*args: object, cwd: Path | None = None) -> Run:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        monkeypatch.setattr(sys, "argv", ["planparse", *map(str, args)])
        with pytest.raises(SystemExit) as exit_:
            main()
        out, err = capsys.readouterr()
        return Run(exit_.value.code or 0, out, err)

    return run


def as_user(command: list[str]) -> list[str]:
    """``command`` run without root's power to ignore file modes, so that a test of an
    unreadable file or a read-only folder means the same under root (CI) as for a user."""
    if os.geteuid() != 0:
        return command
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: file modes cannot be tested")
    dropped = "-dac_override,-dac_read_search"
    return ["setpriv", f"--bounding-set={dropped}", f"--inh-caps={dropped}", *command]


def documents_read_one_at_a_time(documents: list[tuple[str, Document]], most_alive: list[int]) -> Iterator[tuple[str, Document]]:
    """Fresh copies of ``documents``, made as they are asked for, as plans read from disk are; ``most_alive``
    gets the most copies still held (by anything) when the next is made."""
    made: list[weakref.ref[Document]] = []
    for file, document in documents:
        gc.collect()
        most_alive[0] = max(most_alive[0], sum(copy() is not None for copy in made))
        copy = Document.model_validate_json(document_json(document))
        made.append(weakref.ref(copy))
        yield file, copy


def plans_of_own_indicators(count: int, sharing: bool = True) -> list[tuple[str, Document]]:
    """``count`` plans, each with three indicators of its own (a science base, a chest pain centre, an irrigation
    station, named apart by two characters of its own) and, when ``sharing``, one all of them share."""
    plans = []
    for number in range(count):
        own = chr(0x4E00 + 7 * number) + chr(0x5E00 + 13 * number)
        names = [f"{field}{own}" for field in ("科普教育基地", "胸痛救治中心", "农田灌溉泵站")] + (["常住人口城镇化率"] if sharing else [])
        targets = [Target(id=f"t{index}", text=name, quote=f"第{number}号{name}达到{index + 1}个", value=index + 1, unit="个", kind="count",
                          indicator=name, section="1", rule="test", line=index + 2) for index, name in enumerate(names)]
        plans.append((f"plan{number}.txt", Document(
            source=Source(path=f"plan{number}.txt", format="txt", sha256="0"), metadata=Metadata(title=f"第{number}号方案"),
            sections=[Section(id="1", level=1, style="cn_dun", number=1, marker="一、", title="目标", line=1)], targets=targets)))
    return plans


# Text holding what Markdown reads as syntax in a cell, a list item or a code span, and CJK around it.
MARKDOWN_SYNTAX = st.text(alphabet="\\`*_[]<>&~|!#()-:.;a1 科普\n", min_size=1, max_size=14)


def markdown_page(markdown: str):
    """The HTML a Markdown viewer (CommonMark with GFM's tables and strikethrough) makes of ``markdown``, parsed."""
    from lxml import html
    from markdown_it import MarkdownIt

    return html.fromstring(MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown))


def shown_by_markdown(markdown: bytes) -> tuple[list[tuple[str, str]], list[list[str]]]:
    """What a Markdown viewer (CommonMark with GFM's tables and strikethrough) shows of compare's or diff's output:
    each list item as (its code span's text, what follows ': '), and the tables' rows of cells."""
    page = markdown_page(markdown.decode("utf-8"))
    spans = [(item.find("code").text_content(), item.text_content()) for item in page.iter("li")]
    plans = [(code, shown[len(code) + len(":"):].removeprefix(" ")) for code, shown in spans]  # the span may hold ': ' itself
    return plans, [[cell.text_content() for cell in row] for row in page.iter("tr")]
