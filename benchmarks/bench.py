"""Speed of planparse as ratios to baselines measured in the same run, side by side (never bare times).

    .venv/bin/python benchmarks/bench.py                      # every section, modest sizes
    .venv/bin/python benchmarks/bench.py first-call           # the README's set-up command on an empty cache, against a filled one
    .venv/bin/python benchmarks/bench.py scaling --up-to 64   # one section, inputs up to 64 times the base
    .venv/bin/python benchmarks/bench.py scaling --big        # and a 50 MB text against a 10 MB one (or section big alone)
    .venv/bin/python benchmarks/bench.py batch --copies 4 16  # batch on 64 and on 256 documents
    /tmp/unst/bin/python benchmarks/bench.py extraction       # against unstructured: benchmarks/README.md
    .venv/bin/python benchmarks/bench.py rules --top 40       # each rule's share of finding in the gold texts' extraction
    .venv/bin/python benchmarks/bench.py compare --plans 100 200 400   # compare (CPU), compare and report (memory) on 100, 200, 400 plans
    .venv/bin/python benchmarks/bench.py docx                  # reading Word files of 12,500 to 100,000 paragraphs

Commands are run in turn (A B A B …) and each figure is the median of its runs,
so that a busy spell on a shared machine hits every side alike. CPU time is the
work done; wall time is what a user waits. Python is asked to keep its
bytecode (PYTHONDONTWRITEBYTECODE unset): an installed package has it.
"""
from __future__ import annotations

import argparse
import copy
import io
import math
import os
import random
import resource
import shutil
import statistics
import string
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from contextlib import ExitStack, contextmanager
from importlib.metadata import version
from pathlib import Path
from typing import Callable, Iterator

import regex

from planparse.cache import CACHE_DIR_VARIABLE
from planparse.compare import compare_documents
from planparse.exporters.json import document_json
from planparse.models import Document
from planparse.pipeline import extract, load_rules
from planparse.required_chars import Prefilter
from planparse.rules import CompiledRule, load_indicator_name_rules

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLD_TEXTS = sorted(SAMPLES.glob("*.txt")) + sorted((ROOT / "tests" / "data" / "extra").glob("*.txt"))
SEED = SAMPLES / "jieyang-2022.txt"
PYTHON = sys.executable
PLANPARSE = [str(Path(PYTHON).with_name("planparse"))] if Path(PYTHON).with_name("planparse").exists() else [PYTHON, "-m", "planparse"]
ENVIRONMENT = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


# --- measuring ---------------------------------------------------------------


def timed_run(command: list[str], environment: dict[str, str] = ENVIRONMENT) -> tuple[float, float, str]:
    """CPU seconds (user and system, of the child process and its own children), wall seconds, and what it printed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    printed = subprocess.run(command, check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=environment, text=True).stdout
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, wall, printed


def timed_rounds(commands: dict[str, list[str]], runs: int, environment: dict[str, str] = ENVIRONMENT) -> dict[str, list[tuple[float, float]]]:
    """(cpu, wall) seconds of each command in each of ``runs`` rounds, the commands taking turns; one warm-up round first."""
    costs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for round_number in range(runs + 1):
        for name, command in commands.items():
            cpu, wall, _ = timed_run(command, environment)
            if round_number:  # the warm-up round builds caches and fills the page cache
                costs[name].append((cpu, wall))
    return costs


def run_commands(commands: dict[str, list[str]], runs: int, environment: dict[str, str] = ENVIRONMENT) -> dict[str, tuple[float, float]]:
    """Median (cpu, wall) seconds of each command, the commands taking turns; one warm-up round first."""
    return medians(timed_rounds(commands, runs, environment))


def medians(rounds: dict[str, list[tuple[float, float]]]) -> dict[str, tuple[float, float]]:
    """Median (cpu, wall) seconds of each command over its rounds."""
    return {name: (statistics.median(c for c, _ in found), statistics.median(w for _, w in found)) for name, found in rounds.items()}


def cpu_time(task: Callable[[], object], runs: int = 5, before: Callable[[], object] = lambda: None) -> float:
    """Median CPU seconds of ``task`` in this process (one run first, not counted); ``before`` runs untimed before each."""
    before()
    task()
    times = []
    for _ in range(runs):
        before()
        start = time.process_time()
        task()
        times.append(time.process_time() - start)
    return statistics.median(times)


def ratio_line(label: str, costs: dict[str, tuple[float, float]], name: str, baseline: str, limit: str = "") -> str:
    cpu, wall = (costs[name][i] / costs[baseline][i] for i in (0, 1))
    return f"  {label}: {cpu:.1f}x cpu, {wall:.1f}x wall{f'  ({limit})' if limit else ''}"


# --- sections ----------------------------------------------------------------


def startup(options: argparse.Namespace) -> list[str]:
    """The commands keep their caches in a folder of their own, filled by the warm-up round, as a user's are:
    other checkouts of planparse on the machine rewrite the shared one with their own rules' patterns, and a
    start that finds its own dropped compiles them again (91 patterns in one such start here).

    ``python -c pass`` takes a fiftieth of what extract does, so a busy spell moves its time the most: three
    rounds for each asked for, and the spread of the rounds' own ratios beside the ratio of the medians."""
    runs = 3 * options.runs
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as work:
        rounds = timed_rounds({
            "pass": [PYTHON, "-c", "pass"],
            "version": [*PLANPARSE, "--version"],
            "extract": [*PLANPARSE, "extract", str(SEED), "-o", f"{work}/out.json"],
        }, runs, {**ENVIRONMENT, CACHE_DIR_VARIABLE: f"{work}/cache"})
    costs = medians(rounds)
    return [f"Start-up, as commands (median of {runs}, interleaved; load average {load_before:.1f} before, "
            f"{os.getloadavg()[0]:.1f} after), against `python -c pass`:",
            ratio_line(f"planparse extract {SEED.name}", costs, "extract", "pass", "limit 30x") + spread(rounds, "extract", "pass"),
            ratio_line("planparse --version", costs, "version", "pass", "limit 15x") + spread(rounds, "version", "pass")]


def first_call(options: argparse.Namespace) -> list[str]:
    """The README's set-up command as a new user first runs it: ``planparse extract`` of the seed plan on an empty
    cache folder (it builds jieba's tagger data and the rule patterns the plan reaches), against the same command on
    the folder it filled and against ``python -c pass``, taking turns; each cold run gets a new empty folder."""
    runs = max(3, options.runs // 3)  # a cold run takes seconds: a third of the runs asked for, at least three
    load_before = os.getloadavg()[0]
    costs: dict[str, list[tuple[float, float]]] = {"cold": [], "warm": [], "pass": []}
    with tempfile.TemporaryDirectory() as work:
        command = [*PLANPARSE, "extract", str(SEED), "-o", f"{work}/out.json"]
        warm = {**ENVIRONMENT, CACHE_DIR_VARIABLE: f"{work}/warm"}
        timed_run(command, warm)  # fills the warm folder
        for round_number in range(runs):
            cold = {**ENVIRONMENT, CACHE_DIR_VARIABLE: f"{work}/cold-{round_number}"}
            for name, (ran, environment) in {"cold": (command, cold), "warm": (command, warm),
                                             "pass": ([PYTHON, "-c", "pass"], ENVIRONMENT)}.items():
                costs[name].append(timed_run(ran, environment)[:2])
    medians_of = medians(costs)
    return [f"First call, as commands (median of {runs}, interleaved; load average {load_before:.1f} before, "
            f"{os.getloadavg()[0]:.1f} after): planparse extract {SEED.name} on an empty cache",
            ratio_line("against the same command on its filled cache", medians_of, "cold", "warm"),
            ratio_line("against `python -c pass`", medians_of, "cold", "pass")]


def spread(rounds: dict[str, list[tuple[float, float]]], name: str, baseline: str) -> str:
    """The middle half of the rounds' own CPU ratios (``name`` over ``baseline`` in the same round)."""
    quartiles = statistics.quantiles([cpu / base for (cpu, _), (base, _) in zip(rounds[name], rounds[baseline])], n=4)
    return f"; rounds' own cpu ratios, middle half {quartiles[0]:.1f}x to {quartiles[2]:.1f}x"


_ONE_PASS = regex.compile(r"\d+(?:\.\d+)?%?")  # one regex over the whole text: the floor of any extraction


def extraction(options: argparse.Namespace) -> list[str]:
    texts = {path: path.read_text(encoding="utf-8") for path in GOLD_TEXTS}
    partition_text = unstructured_partition_text()
    ours = floor = theirs = 0.0
    for path, text in texts.items():  # side by side, text by text, so that a busy spell hits every side alike
        ours += cpu_time(lambda: extract(path), before=forget_our_texts)
        floor += cpu_time(lambda: _ONE_PASS.findall(text), runs=20)
        if partition_text:
            theirs += cpu_time(lambda: partition_text(filename=str(path)), runs=3, before=forget_texts)
    lines = [f"Full extraction in-process, the {len(texts)} gold texts (median CPU of 5 each):",
             f"  against one regex pass over the same text: {ours / floor:.0f}x"]
    if not partition_text:
        estimate = UNSTRUCTURED_OVER_ONE_PASS * floor / ours
        return lines + ["  unstructured partition_text could not run here (not installed, or its language model cannot "
                        f"be fetched: see benchmarks/README.md); estimated from the figure measured on 2026-11-30: "
                        f"{estimate:.1f}x  (limit >= 30x)"]
    return lines + [f"  unstructured {version('unstructured')} partition_text over planparse, each text new to it "
                    f"(median CPU of 3 each): {theirs / ours:.1f}x  (limit >= 30x)",
                    f"  unstructured partition_text over one regex pass (UNSTRUCTURED_OVER_ONE_PASS): {theirs / floor:.0f}x"]


# unstructured's partition_text on the eight gold texts, measured side by side with planparse on
# 2026-11-30 (unstructured 0.27.35, spaCy 3.8.18 with en_core_web_sm 3.8.0; each text new to it; 2 cores,
# the last three runs on a quiet machine), as a multiple of the regex pass above, which needs nothing installed: a run
# without unstructured estimates the ratio from it. The figure in issue 12 was 2.34 s against 0.18 s.
UNSTRUCTURED_OVER_ONE_PASS = 5200  # fourteen runs taking turns text by text: 4,770 to 6,220; the last three 4,770 to 5,160


def unstructured_partition_text() -> Callable[..., object] | None:
    """unstructured's partition_text, its language model loaded by a first call; None where it cannot run
    (not installed, or the model missing and not to be fetched)."""
    try:
        from unstructured.partition.text import partition_text

        partition_text(text="The language model loads on the first call of this sentence.")
    except (ImportError, LookupError, RuntimeError, OSError):
        return None
    return partition_text


def forget_texts() -> None:
    """Empty unstructured's memos of spaCy's work on each element's text (bounded lru_caches), so that a run
    does what a user's first call on a document does; the loaded model (a one-entry cache) stays."""
    from unstructured.nlp import tokenize

    empty_memos([tokenize], larger_than=1)


def forget_our_texts() -> None:
    """Empty planparse's bounded memos (of unit names, of a front page's lines), as unstructured's are:
    each run does what a first call on a new document does. The caches of compiled rules stay."""
    empty_memos([module for name, module in sys.modules.items() if name.startswith("planparse")], larger_than=8)


def empty_memos(modules: list, larger_than: int) -> None:
    """Clear the lru_caches of these modules that hold more than ``larger_than`` entries."""
    for module in modules:
        for memo in list(vars(module).values()):
            info = getattr(memo, "cache_info", None)
            if callable(info) and hasattr(memo, "cache_clear") and (info().maxsize or 0) > larger_than:
                memo.cache_clear()


class _Tally:
    """CPU (this thread's), calls and true results of a method's calls, by the key of the object called."""

    def __init__(self) -> None:
        self.spent: Counter[str] = Counter()
        self.calls: Counter[str] = Counter()
        self.true: Counter[str] = Counter()

    @contextmanager
    def kept_of(self, owner: type, method: str, key: Callable[[object], str]) -> Iterator[None]:
        """``owner.method`` tallied while the block runs, as it was after."""
        untimed = getattr(owner, method)

        def timed(called: object, *arguments: object) -> object:
            start = time.thread_time()
            result = untimed(called, *arguments)
            name = key(called)
            self.spent[name] += time.thread_time() - start
            self.calls[name] += 1
            self.true[name] += bool(result)
            return result

        setattr(owner, method, timed)
        try:
            yield
        finally:
            setattr(owner, method, untimed)


def rule_shares(options: argparse.Namespace) -> list[str]:
    """What each target rule and cue costs of finding (its matching, and its pre-filter's tests after its lead and its
    need), as shares of one run over the gold texts, inside the pipeline: a rule timed in a loop of its own stays in the
    processor's caches and costs half what it does there. The timers' own cost (about a microsecond a call) falls on
    the pre-filters most, whose calls are many and short."""
    rules = load_rules(None).rules
    rule_of = {id(rule.prefilter): rule.id for rule in rules}
    role = {rule.id: rule.rule.role for rule in rules}
    matching, tests, needs = _Tally(), _Tally(), _Tally()
    for path in GOLD_TEXTS:  # the patterns the texts reach compiled, not timed
        extract(path)
    whole = 0.0
    with ExitStack() as tallies:
        tallies.enter_context(matching.kept_of(CompiledRule, "finditer", lambda rule: rule.id))
        for tally, method in ((tests, "may_match_after_lead"), (needs, "holds_need")):
            tallies.enter_context(tally.kept_of(Prefilter, method, lambda prefilter: rule_of.get(id(prefilter), "(other patterns)")))
        for _ in range(options.runs):
            for path in GOLD_TEXTS:
                forget_our_texts()
                start = time.thread_time()
                extract(path)
                whole += time.thread_time() - start
    costs = Counter({name: sum(tally.spent[name] for tally in (matching, tests, needs)) for name in {*matching.spent, *tests.spent}})
    finding, matched = sum(costs.values()), sum(matching.spent.values())
    lines = [f"Finding in the {len(GOLD_TEXTS)} gold texts' extraction ({options.runs} runs): {finding / whole:.1%} of the extraction, "
             f"the rules' matching {matched / whole:.1%}, their pre-filters' tests after the leads and needs {(finding - matched) / whole:.1%}.",
             "Each rule's share of finding; the sentences of a run its pre-filter tested and passed, and the rule matched:",
             f"  {'rule':<44} {'role':<8} {'finding':>7} {'matching':>8} {'tested':>6} {'passed':>6} {'matched':>7}"]
    for name, cost in costs.most_common(options.top):
        lines.append(f"  {name:<44} {role.get(name, ''):<8} {cost / finding:>7.1%} {matching.spent[name] / finding:>8.1%} "
                     + " ".join(f"{count // options.runs:>{width}}" for count, width in
                                ((tests.calls[name], 6), (needs.true[name], 6), (matching.true[name], 7))))
    return lines


_PDFPLUMBER = "import pdfplumber, sys\nwith pdfplumber.open(sys.argv[1]) as pdf:\n    [page.extract_text() for page in pdf.pages]"
_PDFIUM = "import pypdfium2, sys\npdf = pypdfium2.PdfDocument(sys.argv[1])\n[page.get_textpage().get_text_range() for page in pdf]"


def pdf(options: argparse.Namespace) -> list[str]:
    path = sorted(SAMPLES.glob("*.pdf"))[0]
    with tempfile.TemporaryDirectory() as work:
        costs = run_commands({
            "planparse": [*PLANPARSE, "extract", str(path), "-o", f"{work}/out.json"],
            "pdfplumber": [PYTHON, "-c", _PDFPLUMBER, str(path)],
            "pypdfium2": [PYTHON, "-c", _PDFIUM, str(path)],
        }, options.runs)
    ours = cpu_time(lambda: extract(path), runs=3)
    plumber = cpu_time(lambda: subprocess_free_text(_PDFPLUMBER, path), runs=3)
    pdfium = cpu_time(lambda: subprocess_free_text(_PDFIUM, path), runs=3)
    return [f"PDF ({path.name}), planparse extract against a text dump:",
            ratio_line("as commands, over a pdfplumber extract_text script", costs, "planparse", "pdfplumber", "limit 1x"),
            ratio_line("as commands, over a pypdfium2 text script", costs, "planparse", "pypdfium2"),
            f"  in-process: {ours / plumber:.2f}x pdfplumber's extract_text, {ours / pdfium:.1f}x pypdfium2's text"]


def subprocess_free_text(script: str, path: Path) -> None:
    """The dump scripts above, run in this process."""
    saved = sys.argv
    sys.argv = ["dump", str(path)]
    try:
        exec(compile(script, "dump", "exec"), {})
    finally:
        sys.argv = saved


def batch(options: argparse.Namespace) -> list[str]:
    """The section below for each folder size asked for (``--copies``)."""
    return [line for copies in options.copies for line in batch_of_copies(copies, options.runs)]


def batch_of_copies(copies: int, runs: int) -> list[str]:
    """``--jobs 2`` against ``--jobs 1``, each as a user runs it (a new command, its own workers),
    on ``copies`` copies of every sample. Each command's start-up (about a third of a second) is paid
    once on both sides, so the ratio grows with the folder: the sizes asked for are printed.

    The two take turns, so that a busy spell on a shared machine falls on both alike;
    the spread of the rounds' own ratios and the load before and after tell how busy it was.
    They keep their caches in a folder of their own, filled by the warm-up round, as a user's
    are: on a machine where other checkouts of planparse run, those rewrite the shared one
    (compiled patterns of other rule files), and each start then compiles again at random.
    The same documents converted by two warm processes over one, with no start-up at all,
    is what the machine's two cores give this work: the ceiling of the commands' ratio.
    The CPU each command takes (its workers' with it) is printed too: what ``--jobs 2``
    spends beyond ``--jobs 1``, which a busy machine cannot blur as it blurs wall times.
    A batch of one plain-text plan, in the same rounds, is the start-up and end every
    command pays once, on one core: with it, the ceiling bounds what the commands' ratio
    can be on this folder (``startup_bound``). The libraries of the folder's PDF, Word and
    web pages are imported next, beside a first worker that converts the plain texts: one
    core's idle time with --jobs 1, a share of the work with --jobs 2 (``libraries_bound``).
    """
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "plans"
        for copy in range(copies):
            shutil.copytree(SAMPLES, folder / str(copy), ignore=shutil.ignore_patterns("*.py"))
        documents = sum(1 for path in folder.rglob("*") if path.is_file())
        (Path(work) / "one").mkdir()
        shutil.copy(SEED, Path(work) / "one")
        command = [*PLANPARSE, "batch", "-r", "--force", "-q"]
        runs = max(7, runs)  # a round's ratio moves by a tenth or more on a shared machine: the median of many
        load_before = os.getloadavg()[0]
        own_caches = {**ENVIRONMENT, CACHE_DIR_VARIABLE: f"{work}/cache"}
        rounds = timed_rounds({
            **{jobs: [*command, str(folder), "-o", f"{work}/out{jobs}", "--jobs", jobs] for jobs in ("1", "2")},
            "one plan": [*command, f"{work}/one", "-o", f"{work}/out-one", "--jobs", "1"],
        }, runs, own_caches)
        ceiling = statistics.median(two_processes_over_one(folder, Path(work) / "warm", runs))
        libraries = statistics.median(libraries_cpu(folder) for _ in range(runs))
    one, two, single = ([wall for _, wall in rounds[jobs]] for jobs in ("1", "2", "one plan"))
    cpu_one, cpu_two = (statistics.median(cpu for cpu, _ in rounds[jobs]) for jobs in ("1", "2"))
    ratios = sorted(a / b for a, b in zip(one, two))
    quartiles = statistics.quantiles(ratios, n=4)
    return [f"batch as commands on {documents} documents ({runs} rounds, interleaved; {os.cpu_count()} cores, "
            f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after):",
            f"  --jobs 2 over --jobs 1: {statistics.median(one) / statistics.median(two):.2f}x the throughput, medians "
            f"(each round's own: {ratios[0]:.2f}x to {ratios[-1]:.2f}x, middle half {quartiles[0]:.2f}x to {quartiles[2]:.2f}x)  (limit >= 1.8x)",
            f"  the documents alone, two warm processes over one (no start-up: the ceiling here): {ceiling:.2f}x",
            f"  CPU of a command, --jobs 2 over --jobs 1: {cpu_two / cpu_one:.2f}x, medians",
            f"  a batch of one plan (start-up and end, paid once by each command): {statistics.median(single):.2f} s, "
            f"{statistics.median(single) / statistics.median(one):.0%} of --jobs 1's; with it, the ceiling allows about "
            f"{startup_bound(statistics.median(one), statistics.median(single), ceiling):.2f}x on this folder",
            f"  the readers' libraries, imported beside the first worker: {libraries:.2f} s CPU; with them too, about "
            f"{libraries_bound(statistics.median(one), statistics.median(single), libraries, ceiling):.2f}x"]


def startup_bound(one: float, start: float, ceiling: float) -> float:
    """About the best --jobs 2 can do over --jobs 1 (wall ``one``) when a start-up of ``start`` runs on
    one core before any document and the documents' own time is split at ``ceiling``."""
    return one / (start + (one - start) / ceiling)


def libraries_bound(one: float, start: float, libraries: float, ceiling: float) -> float:
    """``startup_bound`` when the command also imports ``libraries`` seconds' worth while its first worker
    converts plain texts: --jobs 1 does it on the core it leaves idle, --jobs 2 shares it with the documents."""
    return one / (start + (libraries + one - start) / ceiling)


def libraries_cpu(folder: Path) -> float:
    """CPU seconds a new process takes to import the readers' libraries of ``folder``'s documents, as
    ``batch`` does before it forks the workers for them (``documents.FIRST_USE_LIBRARIES``)."""
    script = ("import sys, time, importlib, planparse.batch\n"
              "from planparse.documents import FIRST_USE_LIBRARIES\n"
              "start = time.process_time()\n"
              "for suffix in sys.argv[1:]:\n"
              "    for module in FIRST_USE_LIBRARIES.get(suffix, ()): importlib.import_module(module)\n"
              "print(time.process_time() - start)\n")
    suffixes = sorted({path.suffix.lower() for path in folder.rglob("*") if path.is_file()})
    return float(subprocess.run([PYTHON, "-c", script, *suffixes], check=True, capture_output=True, text=True, env=ENVIRONMENT).stdout)


def two_processes_over_one(folder: Path, out: Path, runs: int) -> list[float]:
    """Per round, the wall time of one forked warm process converting every document over that of
    two sharing them, each taking the next document (largest first) as it is free, as batch's workers do."""
    from planparse.batch import BatchOptions, convert, plan_jobs

    jobs = sorted(plan_jobs(BatchOptions(folder, out, recursive=True)), key=lambda job: -job.source.stat().st_size)
    for suffix in {job.source.suffix for job in jobs}:  # warm, as batch's workers are forked: every reader once
        convert(next(job for job in jobs if job.source.suffix == suffix))

    def wall(processes: int) -> float:
        start = time.perf_counter()
        read, write = os.pipe()
        os.write(write, b"".join(index.to_bytes(4, "little") for index in range(len(jobs))))
        os.close(write)
        children = []
        for _ in range(processes):
            if (child := os.fork()) == 0:
                while index := os.read(read, 4):  # a pipe hands each read of 4 bytes to one reader, whole
                    convert(jobs[int.from_bytes(index, "little")])
                os._exit(0)
            children.append(child)
        os.close(read)
        for child in children:
            os.waitpid(child, 0)
        return time.perf_counter() - start

    return [wall(1) / wall(2) for _ in range(runs)]


# --- scaling -----------------------------------------------------------------

_FILLER = "推进科学教育与培训，完善科普基础设施，提升基层科普能力，营造崇尚创新的社会氛围。"


def unclosed_bracket(size: int) -> str:
    return "一、重点任务\n（一）加强科学教育\n（责任单位：市教育局" + "\n".join([_FILLER] * size) + "\n"


def many_targets(size: int) -> str:
    items = "、".join(f"设施覆盖率达到{index % 90 + 5}%" for index in range(size))
    return f"一、发展目标\n到2025年，{items}。\n"


def many_sums(size: int) -> str:
    """Sums given by a verb alone (每年安排…万元) in a plan with no date nor period: each sum looks for the fund it is
    of in the clause before its own, and for a deadline phrase of an unknown year before it."""
    items = "，".join(f"每年安排{index % 90 + 10}万元" for index in range(size))
    return f"一、保障措施\n将科普工作经费纳入本级财政预算，{items}。\n"


def sums_in_one_clause(size: int) -> str:
    """Sums of money listed in one clause after the fund they are of (安排科普专项资金10万元、11万元…): each sum's name, its
    fund and its use are read from the clause's words before it, which each value once cut out of the sentence again."""
    items = "、".join(f"{index % 90 + 10}万元" for index in range(size))
    return f"一、保障措施\n市财政每年安排科普专项资金{items}。\n"


def values_named_respectively(size: int) -> str:
    """Things listed before 分别 and as many values after it (甲、乙…分别达到5%、6%…): each value asked whether the words
    before it say 分别, seeking it through all of them."""
    names = "、".join(f"第{index + 1}类设施覆盖率" for index in range(size))
    values = "、".join(f"{index % 90 + 5}%" for index in range(size))
    return f"一、发展目标\n到2025年，{names}分别达到{values}。\n"


def many_counts(size: int) -> str:
    """Counts named by their verb alone (累计培训…人次), each by the activity the clause before names."""
    items = "，".join(f"开展农民工职业技能培训，累计培训{index % 90 + 10}人次" for index in range(size))
    return f"一、重点任务\n{items}。\n"


def counts_in_a_plan_of_years(size: int) -> str:
    """Counts named by their verb in a plan of several years, one sentence and no ；: each number was looked back from to
    its item's start for a year's whole (全年…, which makes it yearly), searching all the counts before it (18aac639 to
    its mend)."""
    items = "，".join(f"开展农民工职业技能培训，累计培训{index % 90 + 10}人次" for index in range(size))
    return f"某市职业技能提升行动方案（2024—2026年）\n一、重点任务\n{items}。\n"


def counts_after_a_cadence(size: int) -> str:
    """Counts after a cadence within a year (每季度开展1次应急演练，培训…人次…) in a plan of several years, one sentence and
    no ；: each number was looked back from to the cadence for a year's whole, a level kept (稳定在) or a sum of the years
    (累计), searching all the counts before it (to this shape's mend)."""
    items = "，".join(f"培训基层应急人员{index % 90 + 10}人次" for index in range(size))
    return f"某市应急能力提升行动方案（2024—2026年）\n一、重点任务\n每季度开展1次应急演练，{items}。\n"


def counts_naming_a_year_in_each_item(size: int) -> str:
    """Counts in a plan of several years whose every item holds 年 (老年人) but no year's whole (全年, 年度), one sentence
    and no ；, the first half after a cadence within a year: each number was looked back from to its item's start, and
    from the cadence, for a year's whole, searching all the counts before it wherever a 年 stood (to this shape's mend)."""
    items = [f"走访慰问老年人{index % 90 + 10}人次" for index in range(size)]
    return f"某市养老服务提升行动方案（2024—2026年）\n一、重点任务\n每季度开展1次上门巡访，{'，'.join(items[:size // 2])}。" \
           f"{'，'.join(items[size // 2:])}。\n"


def many_values(size: int) -> str:
    """Values listed after the one thing they count (新建公办幼儿园5所、6所…), no repeat word before them: each value's
    frequency looked for a measure named in its clause before it, searching the clause from its start."""
    items = "、".join(f"{index % 90 + 5}所" for index in range(size))
    return f"一、发展目标\n到2025年，新建公办幼儿园{items}。\n"


def cues_of_their_item(size: int) -> str:
    """A cue that speaks of its item (有条件的学校, an option) in every clause of a sentence of one number: each cue's item
    was found reading the sentence before it again, character by character."""
    items = "，".join(["有条件的学校开设劳动教育课"] * size)
    return f"一、重点任务\n{items}，每周不少于1课时。\n"


def cues_of_their_clause(size: int) -> str:
    """A cue that speaks of its clause (逐步, a hedge) in every clause of a sentence: each cue looked at every clause."""
    items = "，".join(["逐步推进科普设施建设"] * size)
    return f"一、重点任务\n{items}，建成科普基地1个。\n"


def years_in_one_clause(size: int) -> str:
    """Years in one long clause with no 、 (2023年完成改造农村供水管网…2023年完成改造…和2024年完成改造，): each
    year a target looked back past was asked whether it is one of years listed each with its part by a pattern with a
    gap on each side of its number, searched from the clause's start, cubic in the clause (ba8948e8 to its mend)."""
    clause = "".join(f"{2023 + index % 2}年完成改造{'农村供水管网' * 20}" for index in range(size))
    counts = "，".join(f"新建水厂{index % 9 + 1}座" for index in range(15))
    return f"一、发展目标\n到2025年，{clause}和2024年完成改造，{counts}。\n"


def long_section(size: int) -> str:
    return "一、重点任务\n" + "\n".join(f"{_FILLER}到2025年，建成科普基地{index % 50 + 1}个。" for index in range(size)) + "\n"


def many_tables(size: int) -> str:
    sections = [f"（{index + 1}）任务{index + 1}\n{_FILLER}\n" for index in range(size)]
    # a caption between tables keeps them apart: tables with one header and nothing between are one table; the
    # header's first cell spans two columns (its text repeated in the table's header, so no paragraph reads as it)
    tables = [f"附表{index + 1}　重点任务分工表\n重点任务\t\t牵头单位\t配合单位\t完成时限\n"
              f"任务{index + 1}\t新建站点{index + 1}个\t市科技局\t市教育局、市科协\t2025年底前\n" for index in range(size)]
    return "一、重点任务\n" + "".join(sections) + "附件\n" + "\n".join(tables)


def word_runs(size: int) -> tuple[str, bytes]:
    """A DOCX paragraph of ``size`` empty runs between two sentences (an editor leaves such runs): the last character
    shown before each run was sought back through every run read (9613a20 to fca7647)."""
    import docx

    document = docx.Document()
    document.add_paragraph("一、重点任务")
    paragraph = document.add_paragraph(_FILLER)
    for _ in range(size):
        paragraph.add_run("")
    paragraph.add_run(_FILLER)
    written = io.BytesIO()
    document.save(written)
    return ".docx", written.getvalue()


def odt_spans(size: int) -> tuple[str, bytes]:
    """An ODT paragraph of ``size`` empty spans between two sentences, as ``word_runs`` (845e588 to fca7647)."""
    content = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
               f"<text:p>一、重点任务</text:p><text:p>{_FILLER}{'<text:span/>' * size}{_FILLER}</text:p>"
               "</office:text></office:body></office:document-content>")
    written = io.BytesIO()
    with zipfile.ZipFile(written, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return ".odt", written.getvalue()


def rtf_raised_runs(size: int) -> tuple[str, bytes]:
    """An RTF paragraph of ``size`` raised marks after spaces between two sentences (… {\\super 1} {\\super 1}…): each
    raised run that closed sought the last character shown back through every piece before it (to c9c4c8e)."""
    heading, sentence, marks = _rtf_unicode("一、重点任务"), _rtf_unicode(_FILLER), " {\\super 1}" * size
    return ".rtf", f"{{\\rtf1\\ansi\\uc1 {heading}\\par {sentence}{marks}{sentence}\\par}}".encode("ascii")


def _rtf_unicode(text: str) -> str:
    return "".join(f"\\u{ord(char)}?" for char in text)


def whole_plans(size: int) -> str:
    return "\n".join([SEED.read_text(encoding="utf-8")] * size)


def plans_on_one_line(size: int) -> str:
    """As a crawler stores a page: every line break lost, the paragraphs found again by their markers."""
    return whole_plans(size).replace("\n", "") + "\n"


def first_markers_on_one_line(size: int) -> str:
    """Markers numbered 1 one after another on one line (一、一、…): each may open the plan after a signature closing the
    notice, which was searched for through the whole window of text before it (to its mend: 0.5 ms a marker)."""
    return "某市实施方案\n" + "一、" * size + "\n"


def titled_markers_on_one_line(size: int) -> str:
    """Markers each with a one-character title on one line with no sentence end (1.甲1.甲…): each is read with the
    2,000 characters before it (linebreaks._opens_paragraph); past 5,000 the text is refused (limits.MAX_RUN_IN_MARKERS)
    before any is read. From a size whose window is full: a shorter line reads less before each."""
    return "某市实施方案\n" + "1.甲" * size + "\n"


def quoted_goals(size: int) -> str:
    """Goals named in quotes one after another in one sentence (实现“全覆盖”、“全覆盖”…): each goal, a milestone the
    quotes exclude, was asked of every exclude mark of the sentence (to its mend: 1.5 s for 2,400 goals)."""
    return "一、发展目标\n到2025年，实现" + "“全覆盖”、" * size + "。\n"


# each shape with its base size; a shape of text, or of a file of another format (its suffix and bytes)
SHAPES: dict[str, tuple[Callable[[int], str | tuple[str, bytes]], int]] = {
    "unclosed bracket": (unclosed_bracket, 200),
    "many targets in one sentence": (many_targets, 100),
    "many sums in one sentence": (many_sums, 100),
    "many sums in one clause": (sums_in_one_clause, 100),
    "many counts named by their verb": (many_counts, 100),
    "many counts in a plan of several years": (counts_in_a_plan_of_years, 100),
    "many counts after a cadence within a year": (counts_after_a_cadence, 100),
    "many counts naming a year in each item": (counts_naming_a_year_in_each_item, 100),
    "many values after one name": (many_values, 100),
    "many values named before 分别": (values_named_respectively, 100),
    "cues of their item in one sentence": (cues_of_their_item, 100),
    "cues of their clause in one sentence": (cues_of_their_clause, 100),
    "years in one long clause": (years_in_one_clause, 25),
    "long section": (long_section, 200),
    "many tables": (many_tables, 25),
    "whole plans concatenated": (whole_plans, 1),
    "whole plans on one line": (plans_on_one_line, 1),
    "first markers on one line": (first_markers_on_one_line, 1000),
    "titled markers on one line": (titled_markers_on_one_line, 1000),
    "quoted goals in one sentence": (quoted_goals, 100),
    "DOCX paragraph of many runs": (word_runs, 1250),
    "ODT paragraph of many spans": (odt_spans, 1250),
    "RTF paragraph of many raised marks": (rtf_raised_runs, 1250),
}


@contextmanager
def limits_lifted() -> Iterator[None]:
    """limits.py refuses inputs this large (a sentence of 200 numbers, 2 million characters) before
    reading them: lifted here, to time how the pipeline itself grows."""
    from planparse import limits

    saved = {name: value for name, value in vars(limits).items() if name.startswith("MAX_")}
    for name in saved:
        setattr(limits, name, 2**30)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(limits, name, value)


def extraction_cpu(plan: str | tuple[str, bytes], folder: Path, runs: int) -> float:
    """CPU of extracting ``plan``: a text, or a file's suffix and bytes."""
    suffix, data = (".txt", plan.encode("utf-8")) if isinstance(plan, str) else plan
    path = folder / f"plan{suffix}"
    path.write_bytes(data)
    return cpu_time(lambda: extract(path), runs=runs)


def exponent(sizes: list[int], times: list[float]) -> float:
    """The slope of log time against log size (least squares): 1 is linear, 2 quadratic."""
    xs, ys = [math.log(size) for size in sizes], [math.log(max(t, 1e-6)) for t in times]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / sum((x - mean_x) ** 2 for x in xs)


def scaling(options: argparse.Namespace) -> list[str]:
    lines = [f"Scaling: each shape doubled from its base size up to {options.up_to}x; exponent of CPU time against size "
             "(least squares; worst single doubling in brackets; limit 1.15):"]
    factors = [2 ** step for step in range(int(math.log2(options.up_to)) + 1)]
    with tempfile.TemporaryDirectory() as work, limits_lifted():
        for name, (shape, base) in SHAPES.items():
            sizes = [base * factor for factor in factors]
            times = [extraction_cpu(shape(size), Path(work), runs=3 if factor <= 8 else 1) for size, factor in zip(sizes, factors)]
            worst = max(math.log2(after / before) for before, after in zip(times, times[1:]))
            lines.append(f"  {name}: {exponent(sizes, times):.2f} ({worst:.2f})")
    return lines + (big(options) if options.big else [])


def big(options: argparse.Namespace) -> list[str]:
    with tempfile.TemporaryDirectory() as work:
        return big_texts(Path(work), options.big_runs)


def big_texts(folder: Path, runs: int) -> list[str]:
    """A 50 MB text against a 10 MB one, both whole plans concatenated, each extracted and written as JSON by a
    process of its own, the two sizes taking turns ``runs`` times (a warm start on the seed plan first fills the
    caches). Each figure is a ratio of medians, the best runs' ratio beside it: one run of each size, minutes apart
    on a shared machine, moved the ratio by a fifth. The process's CPU and wall time include its start-up (about
    half a second, which flatters the ratio); the extraction's and the export's own CPU, timed inside it, do not.
    Its peak memory per megabyte of text says whether the heap grows faster than the input."""
    plan = SEED.read_text(encoding="utf-8") + "\n"
    paths = {}
    for megabytes in (10, 50):
        paths[megabytes] = folder / f"{megabytes}mb.txt"
        paths[megabytes].write_text(plan * (megabytes * 2**20 // len(plan.encode("utf-8")) + 1), encoding="utf-8")
    child = [PYTHON, "-c", _BIG_TEXT_CHILD, str(Path(__file__).parent)]
    timed_run([*child, str(SEED)])
    found: dict[int, list[dict[str, float]]] = {megabytes: [] for megabytes in paths}
    for _ in range(runs):
        for megabytes, path in paths.items():
            cpu, wall, printed = timed_run([*child, str(path)])
            extraction, export, peak = map(float, printed.split())
            found[megabytes].append({"extraction CPU": extraction, "JSON export CPU": export, "process CPU": cpu,
                                     "process wall": wall, "peak MiB": peak / 1024})
    lines = [f"A 50 MB text over a 10 MB one ({runs} runs of each taking turns, load average {os.getloadavg()[0]:.1f} "
             "after; median, best in brackets; limit 5.5x):"]
    for figure in ("extraction CPU", "JSON export CPU", "process CPU", "process wall"):
        small, large = ([run[figure] for run in found[megabytes]] for megabytes in paths)
        lines.append(f"    {figure}: {statistics.median(large) / statistics.median(small):.2f}x ({min(large) / min(small):.2f}x)")
    peaks = {megabytes: statistics.median(run["peak MiB"] for run in found[megabytes]) / megabytes for megabytes in paths}
    return lines + [f"    peak memory per MB of text: {peaks[10]:.0f} MiB at 10 MB, {peaks[50]:.0f} MiB at 50 MB"]


# The process timed by big_texts: a text's extraction and its JSON export, timed in it, and its peak memory (KiB).
_BIG_TEXT_CHILD = ("import sys, time\n"
                   "sys.path.insert(0, sys.argv[1])\n"
                   "from bench import extract, document_json, limits_lifted\n"
                   "with limits_lifted():\n"
                   "    start = time.process_time()\n"
                   "    document = extract(sys.argv[2])\n"
                   "    extracted = time.process_time()\n"
                   "    document_json(document)\n"
                   "print(extracted - start, time.process_time() - extracted,\n"
                   "      next(line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM:')))\n")


# --- docx --------------------------------------------------------------------


def long_word_document(paragraphs: int, path: Path) -> None:
    """A Word file of ``paragraphs`` paragraphs: a sentence of a plan, and a styled heading every fifty."""
    import docx

    document = docx.Document()
    sentence = document.add_paragraph(_FILLER)._p
    for number in range(1, paragraphs):
        if number % 50:
            document.element.body.append(copy.deepcopy(sentence))
        else:
            document.add_paragraph(f"（{number // 50}）任务", style="Heading 2")
    document.save(path)


def word_reading(options: argparse.Namespace) -> list[str]:
    """Reading a Word file against reading its own lines as a text, as it grows: each paragraph's style and
    numbering are looked up once per style, so the ratio stays and the time grows as the paragraphs."""
    from planparse.readers import read_document

    sizes = [12_500 * 2 ** step for step in range(4)]
    times, ratios = [], []
    with tempfile.TemporaryDirectory() as work, limits_lifted():
        for size in sizes:
            word, text = Path(work) / f"{size}.docx", Path(work) / f"{size}.txt"
            long_word_document(size, word)
            text.write_text("\n".join(line.text for line in read_document(word).lines), encoding="utf-8")
            times.append(cpu_time(lambda: read_document(word), runs=3))
            ratios.append(times[-1] / cpu_time(lambda: read_document(text), runs=3))
    return [f"Reading a DOCX of {sizes[0]:,} to {sizes[-1]:,} paragraphs: exponent of CPU time against size "
            f"{exponent(sizes, times):.2f} (limit 1.15); over reading its lines as a text: "
            + ", ".join(f"{ratio:.1f}x" for ratio in ratios)]


# --- compare -----------------------------------------------------------------


def reworded_plans(count: int) -> list[tuple[str, Document]]:
    """``count`` plans, each holding the targets of all the gold texts with each name reworded in one character of
    four (characters of plans, at random but the same every run), as plans of other cities word their indicators:
    most names are new to the comparison, and some are near enough to another plan's to share its row."""
    characters = [line.split("\t")[0] for line in (ROOT / "src" / "planparse" / "char_frequency.txt").read_text(encoding="utf-8").splitlines()
                  if regex.fullmatch(r"\p{Han}\t\d+", line)]
    documents = [extract(path) for path in GOLD_TEXTS]
    chooser = random.Random(0)
    plans = []
    for number in range(count):
        targets = [target.model_copy() for each in documents for target in each.targets]
        document = documents[0].model_copy(update={"targets": targets})
        for target in document.targets:
            name = target.indicator or target.quote
            reworded = list(name)
            for _ in range(len(name) // 4 + 1):
                reworded[chooser.randrange(len(name))] = chooser.choice(characters)
            target.indicator = "".join(reworded)
        plans.append((f"plan-{number}.json", document))
    return plans


def plans_of_random_names(count: int, seed: Document) -> list[tuple[str, Document]]:
    """Two copies of ``seed`` of ``count`` targets each, named by twelve letters at random (a-z, the same every run), as
    crafted JSON names them: every name new, and each sharing its characters with most others."""
    chooser = random.Random(0)
    return [(f"plan-{number}.json", seed.model_copy(update={"targets": [
        seed.targets[0].model_copy(update={"indicator": "".join(chooser.choice(string.ascii_lowercase) for _ in range(12))}) for _ in range(count)]}))
        for number in range(2)]


def compare(options: argparse.Namespace) -> list[str]:
    """compare_documents (the grouping of every plan's targets by indicator) on more and more plans, and on two plans
    of more and more names of random letters (crafted: their time is bounded by compare.MOST_PAIRS_SCORED)."""
    rules = load_indicator_name_rules()
    sizes = sorted(options.plans)
    plans = reworded_plans(sizes[-1])
    times = [cpu_time(lambda: compare_documents(plans[:size], rules), runs=1) for size in sizes]
    names = sorted(options.names)
    named = {size: plans_of_random_names(size, plans[0][1]) for size in names}
    by_names = [cpu_time(lambda: compare_documents(named[size], rules), runs=1) for size in names]
    return [f"compare on {', '.join(map(str, sizes))} plans of reworded names: CPU "
            + ", ".join(f"{time_taken / times[0]:.1f}x" for time_taken in times)
            + f" the first; exponent {exponent(sizes, times):.2f}  (limit 1.15)",
            f"compare on two plans of {', '.join(map(str, names))} names of random letters: CPU "
            + ", ".join(f"{time_taken / by_names[0]:.1f}x" for time_taken in by_names)
            + f" the first; exponent {exponent(names, by_names):.2f}", *peak_memory(plans, sizes)]


# planparse run by Python, saying at its exit the peak of its resident memory (KiB) as the kernel counts it for
# the program it became: a child's ru_maxrss keeps that of the process it was forked from (this one, 240 MB).
_PEAK_PROBE = ("import atexit, runpy, sys\n"
               "atexit.register(lambda: print(next(line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM:')), file=sys.stderr))\n"
               "sys.argv[0] = 'planparse'\n"
               "runpy.run_module('planparse', run_name='__main__')")


def peak_rss_kib(arguments: list[str]) -> int:
    """The peak resident memory (KiB) of planparse run with ``arguments``."""
    run = subprocess.run([PYTHON, "-c", _PEAK_PROBE, *arguments], capture_output=True, text=True, env=ENVIRONMENT)
    if run.returncode != 0:
        raise SystemExit(f"planparse {' '.join(arguments)} failed: {run.stderr}")
    return int(run.stderr.split()[-1])


PEAK_ROUNDS = 3  # a peak varies by some MiB from run to run: the median of each size's, the sizes taking turns


def peak_memory(plans: list[tuple[str, Document]], sizes: list[int]) -> list[str]:
    """compare and report read from disk: the peak memory each takes beyond that of one plan, as the plans grow.
    Holding every document whole made it grow as their JSON (77 MB of JSON for 500 plans took 650 and 770 MB)."""
    lines = []
    with tempfile.TemporaryDirectory() as work:
        for size in [1, *sizes]:
            folder = Path(work) / str(size)
            folder.mkdir()
            for file, document in plans[:size]:
                (folder / file).write_bytes(document_json(document))
        megabytes = sum(path.stat().st_size for path in (Path(work) / str(sizes[-1])).iterdir()) / 1e6
        for command in ("compare", "report"):
            def peak(size: int) -> int:
                return peak_rss_kib([command, str(Path(work) / str(size)), "-o", str(Path(work) / f"out-{command}")])

            peak(1)  # a first run compiles the modules changed since the last, which one plan's peak took for its own
            rounds = [{size: peak(size) for size in [1, *sizes]} for _round in range(PEAK_ROUNDS)]
            peaks = {size: statistics.median(each[size] for each in rounds) for size in [1, *sizes]}
            grown = [max(peaks[size] - peaks[1], 1) for size in sizes]
            lines.append(f"{command} peak memory beyond one plan's ({peaks[1] / 1024:.0f} MiB) on {', '.join(map(str, sizes))} plans "
                         f"({megabytes:.1f} MB of JSON at {sizes[-1]}): " + ", ".join(f"{grown_by / 1024:.0f} MiB" for grown_by in grown)
                         + f"; exponent {exponent(sizes, grown):.2f}, {grown[-1] / 1024 / megabytes:.2f} MiB per MB of JSON")
    return lines


SECTIONS: dict[str, Callable[[argparse.Namespace], list[str]]] = {
    "startup": startup, "first-call": first_call, "extraction": extraction, "rules": rule_shares, "pdf": pdf, "batch": batch, "scaling": scaling, "big": big, "docx": word_reading, "compare": compare,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sections", nargs="*", help=f"sections to run, of {', '.join(SECTIONS)} (default: all but big)")
    parser.add_argument("--runs", type=int, default=9, help="runs of each command (default 9)")
    parser.add_argument("--up-to", type=int, default=8, help="largest scaling input, times the base (a power of 2; default 8)")
    parser.add_argument("--copies", type=int, nargs="+", default=[4],
                        help="batch: copies of every sample in the folder, one figure per number given (default 4: 64 documents)")
    parser.add_argument("--plans", type=int, nargs="+", default=[100, 200, 400],
                        help="compare: numbers of plans to line up, one figure each (default 100 200 400)")
    parser.add_argument("--names", type=int, nargs="+", default=[1000, 2000, 4000],
                        help="compare: numbers of names of random letters in each of two plans, one figure each (default 1000 2000 4000)")
    parser.add_argument("--top", type=int, default=30, help="rules: the rules listed, costliest first (default 30)")
    parser.add_argument("--big", action="store_true", help="also time a 50 MB text against a 10 MB one (minutes)")
    parser.add_argument("--big-runs", type=int, default=3, help="runs of each size with --big, taking turns (default 3; a minute each)")
    options = parser.parse_args()
    for name in options.sections:
        if name not in SECTIONS:
            parser.error(f"no section {name!r}: choose from {', '.join(SECTIONS)}")
    for name in options.sections or [name for name in SECTIONS if name != "big"]:  # big: with scaling --big
        print("\n".join(SECTIONS[name](options)), flush=True)


if __name__ == "__main__":
    main()
