"""What a command imports: ``--version`` and ``extract`` of a text plan load only what they use."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from importlib.metadata import version

import pytest
from conftest import SAMPLES, run_python

import planparse
from planparse import cache, generated_code

# Heavy modules a text extraction never needs: jieba's own tables (the tagger reads a compact copy),
# cn2an (numerals.py reads Chinese numbers), the PDF and DOCX readers, batch's progress display,
# encoding detection (a UTF-8 plan needs none), the zip reader DOCX files need, HTML's table of character
# names (a text holding no &nbsp; needs none).
_NOT_FOR_TEXT = ("jieba", "cn2an", "pdfplumber", "pypdfium2", "docx", "rich", "charset_normalizer", "zipfile", "html")


def imported_by(*arguments: str) -> set[str]:
    probe = ("import sys\nfrom planparse.cli import main\nsys.argv = ['planparse', *sys.argv[1:]]\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\nprint(' '.join(sys.modules), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe, *arguments], capture_output=True, text=True, check=True)
    return set(done.stderr.split())


def test_version_imports_neither_the_pipeline_nor_pydantic():
    modules = imported_by("--version")
    assert "planparse.cli" in modules
    assert not {"planparse.pipeline", "pydantic", "regex", "yaml", *_NOT_FOR_TEXT} & modules


def test_extracting_a_text_plan_loads_no_heavy_module_it_does_not_use(tmp_path):
    # from the second call on: the first on a new machine builds the tagger's tables with jieba
    imported_by("extract", str(SAMPLES / "jieyang-2022.txt"), "-o", str(tmp_path / "out.json"))
    modules = imported_by("extract", str(SAMPLES / "jieyang-2022.txt"), "-o", str(tmp_path / "out.json"))
    assert {"planparse.pipeline", "planparse.tagger"} <= modules
    assert not set(_NOT_FOR_TEXT) & modules
    assert (tmp_path / "out.json").stat().st_size > 1000


def test_a_command_loads_its_modules_with_the_collector_held_off_and_leaves_them_frozen(tmp_path):
    # they live as long as the run: a collector pass over them finds nothing to free
    probe = ("import gc, sys\nfrom planparse.cli import main\n"
             "def loading(): return not hasattr(sys.modules.get('planparse.cli.extract'), 'extract_command')\n"
             "gc.callbacks.append(lambda phase, info: phase == 'start' and 'planparse.cli.extract' in sys.modules and loading() "
             "and print('a pass while loading'))\n"
             "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\nprint(gc.isenabled(), gc.get_freeze_count() > 0)")
    arguments = ["extract", str(SAMPLES / "jieyang-2022.txt"), "-o", str(tmp_path / "out.json")]
    done = subprocess.run([sys.executable, "-c", probe, *arguments], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[:2] == ["True True", ""]  # no pass while loading; the collector back after the command
    assert (tmp_path / "out.json").stat().st_size > 1000


def test_extract_runs_with_the_collector_held_off_and_leaves_what_it_built_frozen(tmp_path):
    # one document, then the end: the collector's passes over the rules and the tagger's tables as they were read
    # spared nothing, and a pass over all of it as the collector came back would have taken longer still
    probe = ("import gc, sys\nfrom planparse.cli import main\npasses = []\n"
             "gc.callbacks.append(lambda phase, info: phase == 'start' and 'planparse.cli.extract' in sys.modules and passes.append(1))\n"
             "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
             "print(len(passes), gc.isenabled(), gc.get_count()[0] < 700)")
    arguments = ["extract", str(SAMPLES / "jieyang-2022.txt"), "-o", str(tmp_path / "out.json")]
    done = subprocess.run([sys.executable, "-c", probe, *arguments], capture_output=True, text=True, check=True)
    assert done.stdout == "0 True True\n"  # no pass; the collector back, its young generation empty (frozen)
    assert (tmp_path / "out.json").stat().st_size > 1000


def test_a_second_extraction_reads_the_rule_files_parsed_by_the_first(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    arguments = ("extract", str(SAMPLES / "jieyang-2022.txt"), "-o", str(tmp_path / "out.json"))
    assert "yaml" in imported_by(*arguments)  # an empty cache: the rule files are parsed
    modules = imported_by(*arguments)
    assert not {"yaml", "importlib.metadata"} & modules  # nor pydantic's plugin search, plugins being off


def test_parsed_data_follows_the_files_text_and_survives_a_damaged_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    source, parses = tmp_path / "words.txt", []

    def parse(text: str) -> list[str]:
        parses.append(text)
        return text.split()

    assert cache.parsed(source, "a b", parse) == ["a", "b"]
    assert cache.parsed(source, "a b", parse) == ["a", "b"] and parses == ["a b"]  # the second from the cache
    assert cache.parsed(source, "a b c", parse) == ["a", "b", "c"]  # the file changed: parsed again
    for kept in (tmp_path / "cache").glob("parsed-*"):
        kept.write_bytes(b"\x00damaged")
    assert cache.parsed(source, "a b c", parse) == ["a", "b", "c"] and len(parses) == 3


def test_texts_of_one_source_kept_side_by_side_up_to_a_bound_the_least_recently_used_dropped(tmp_path, monkeypatch):
    # checkouts with rules of their own share the cache folder: each one's pre-filters stay cached
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    source, parses = tmp_path / "rules", []

    def parse(text: str) -> str:
        parses.append(text)
        return text.upper()

    for text in ("mine", "theirs", "mine", "third", "mine", "theirs"):
        assert cache.parsed(source, text, parse, versions=2) == text.upper()
        time.sleep(0.02)  # each use a later modification time
    # mine read from the cache each time; theirs, the least recently used, dropped for the third
    assert parses == ["mine", "theirs", "third", "theirs"]
    assert len(list((tmp_path / "cache").glob("parsed-*"))) == 2


def test_the_folder_keeps_a_bounded_number_of_parsed_files_the_least_recently_used_dropped(tmp_path, monkeypatch):
    # every folder of rules a user (or a test suite) ever used adds files: without a bound the folder only grows
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "_MOST_PARSED", 3)
    parses = []

    def parse(text: str) -> str:
        parses.append(text)
        return text

    for name in ("shipped", "a", "shipped", "b", "shipped", "c", "shipped", "d", "shipped"):
        cache.parsed(tmp_path / name, name, parse)
        time.sleep(0.02)  # each use a later modification time
    assert parses == ["shipped", "a", "b", "c", "d"]  # the rules in use every time never parsed again
    assert len(list((tmp_path / "cache").glob("parsed-*"))) == 3


def test_the_version_is_the_installed_one():
    assert planparse.__version__ == version("planparse")


def test_a_cache_save_removes_what_killed_processes_left(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(tmp_path))
    abandoned, fresh = tmp_path / ".table.bin.abc.part", tmp_path / ".table.bin.def.part"
    abandoned.write_bytes(b"half")
    fresh.write_bytes(b"being written")
    os.utime(abandoned, (time.time() - 3600, time.time() - 3600))
    cache.save_cache("table.bin", b"whole")
    assert cache.read_cache("table.bin") == b"whole"
    assert not abandoned.exists() and fresh.exists()  # another process may still be writing the fresh one


_RULES_REBUILT = """import sys
from planparse import patterns
from planparse.pipeline import extract, load_rules
sources = {rule.compiled_source for rule in load_rules(None).rules}
at_load = len(sources & patterns._compiled.keys())
extract(sys.argv[1])
print(at_load, len(sources & patterns._compiled.keys()), len(sources))
"""


def test_an_extraction_compiles_or_rebuilds_only_the_rule_patterns_its_plan_reaches(tmp_path):
    """Rebuilding the shipped rules' compiled patterns from the cache took a fifth of loading the rules, and
    a plan's pre-filters let few target rules be matched at all (a sixth of them on the seed plan); compiling
    every one of them at the first run, with an empty cache, two fifths of its CPU."""
    environment = {**os.environ, cache.CACHE_DIR_VARIABLE: str(tmp_path / "cache")}

    def rebuilt() -> list[int]:
        done = subprocess.run([sys.executable, "-c", _RULES_REBUILT, str(SAMPLES / "jieyang-2022.txt")], capture_output=True,
                              text=True, check=True, env=environment)
        return [int(count) for count in done.stdout.split()]

    for _ in range(2):  # an empty cache, then the patterns the first run compiled kept
        at_load, matched, rules = rebuilt()
        assert at_load == 0 and 0 < matched < rules / 2


_RULE_SOURCES_DIGESTED = """import hashlib, sys
digested = []
sha1 = hashlib.sha1
hashlib.sha1 = lambda data=b"", **options: digested.append(bytes(data)) or sha1(data, **options)
from planparse.pipeline import extract, load_rules
rules = load_rules(None).rules
extract(sys.argv[1])
compiled = {rule.compiled_utf8 for rule in rules if "regex" in vars(rule)}
print(len(compiled), len(compiled & set(digested)))
"""


def test_an_extraction_digests_no_rule_pattern_it_compiles_again(tmp_path):
    """A rule's pattern is found in the patterns' cache by the digest of its source: the rules a plan reaches (some
    thirty, 2 MB in UTF-8) were encoded and digested again at every start, a twentieth of it. The digest is kept with
    the rule's expansion, worked out once when the rules are expanded."""
    environment = {**os.environ, cache.CACHE_DIR_VARIABLE: str(tmp_path / "cache")}

    def digested() -> tuple[int, int]:
        done = subprocess.run([sys.executable, "-c", _RULE_SOURCES_DIGESTED, str(SAMPLES / "jieyang-2022.txt")],
                              capture_output=True, text=True, check=True, env=environment)
        compiled, digested = map(int, done.stdout.split())
        return compiled, digested

    first, again = digested(), digested()  # an empty cache (the expansion digests every pattern), then the one kept
    assert first[0] == first[1] > 0  # the rules the first run reached were digested as their expansion was made
    assert again == (first[0], 0)


# the end of a script run as ``python -c SCRIPT ARGS``: the command given ARGS, then what the script counted
_RUN_AS_COMMAND = """sys.argv = ['planparse', *sys.argv[1:]]
try:
    {entry}()
except SystemExit:
    pass
print({count})
"""


_PARSED = """import sys
import regex
parsed = []
compile_source = regex.compile
regex.compile = lambda source, *arguments, **options: parsed.append(source) or compile_source(source, *arguments, **options)
from planparse.cli import main
""" + _RUN_AS_COMMAND.format(entry="main", count="len(parsed)")


def test_a_second_extraction_parses_no_pattern(tmp_path):
    """The regex module parses a pattern in Python: the modules' own patterns, compiled as they were
    imported, were a tenth of importing planparse; they come rebuilt from the cache as the rules' do, of
    text and of bytes (the readers' tests of a file's first bytes)."""
    environment = {**os.environ, cache.CACHE_DIR_VARIABLE: str(tmp_path / "cache")}

    def parsed() -> int:
        done = subprocess.run([sys.executable, "-c", _PARSED, "extract", str(SAMPLES / "jieyang-2022.txt"), "-o", str(tmp_path / "out.json")],
                              capture_output=True, text=True, check=True, env=environment)
        return int(done.stdout)

    assert parsed() > 100  # an empty cache
    assert parsed() == 0


_PARSED_BY_PYTHONS_RE = """import os, re, sys
import planparse
package = os.path.dirname(planparse.__file__)
parsed = []
compile_source = re._compile

def counted(source, flags):
    caller = sys._getframe(1)
    while caller.f_code.co_filename.startswith(os.path.dirname(re.__file__)):  # re.compile, re.sub: re's own calls
        caller = caller.f_back
    if caller.f_code.co_filename.startswith(package) and isinstance(source, str) and (type(source), source, flags) not in seen:
        parsed.append(source)
    return compile_source(source, flags)

from planparse.cli import main  # what --version imports too keeps Python's re: it loads neither regex nor the cache
seen = set(re._cache)
re._compile = counted
""" + _RUN_AS_COMMAND.format(entry="main", count="len(parsed)")


def test_a_second_extraction_has_pythons_re_parse_no_pattern_of_planparse(tmp_path):
    """Python's re parses and compiles a pattern in Python: the command's modules' own patterns of Python's re, compiled
    as they were imported, were 8% of an extract's start (its instructions); they come built from their code in the
    cache (``patterns.compile_python``) as the regex module's come rebuilt."""
    environment = {**os.environ, cache.CACHE_DIR_VARIABLE: str(tmp_path / "cache")}

    def parsed() -> int:
        done = subprocess.run([sys.executable, "-c", _PARSED_BY_PYTHONS_RE, "extract", str(SAMPLES / "jieyang-2022.txt"),
                               "-o", str(tmp_path / "out.json")], capture_output=True, text=True, check=True, env=environment)
        return int(done.stdout)

    parsed()  # an empty cache
    assert parsed() == 0


_COMPILED = """import atexit, sys
from planparse import generated_code
compiled = []
generated_code.compile = lambda source, *arguments, **options: compiled.append(source) or compile(source, *arguments, **options)
from planparse.cli import command
atexit.register(lambda: print(len(compiled)))  # the command ends the process, after the functions registered so
sys.argv = ['planparse', *sys.argv[1:]]
command()
"""


def test_a_second_command_compiles_no_source_dataclasses_or_typing_generate(tmp_path):
    """dataclasses writes each class's methods as source and typing compiles each string annotation pydantic
    reads: some 630 compiles of the same texts at every start (a ninth of extract's instructions)."""
    environment = {**os.environ, cache.CACHE_DIR_VARIABLE: str(tmp_path / "cache")}
    outputs = []

    def compiled() -> int:
        outputs.append(tmp_path / f"out{len(outputs)}.json")
        done = subprocess.run([sys.executable, "-c", _COMPILED, "extract", str(SAMPLES / "jieyang-2022.txt"), "-o", str(outputs[-1])],
                              capture_output=True, text=True, check=True, env=environment)
        return int(done.stdout)

    assert compiled() > 300  # an empty cache
    kept = tmp_path / "cache" / generated_code.CACHE_NAME
    saved = kept.stat().st_mtime_ns
    assert compiled() == 0
    assert kept.stat().st_mtime_ns == saved  # nothing new compiled: not written again
    assert outputs[0].read_bytes() == outputs[1].read_bytes()


_SIGNATURES_OF_TEXT = """import inspect, sys
read = []
read_text = inspect._signature_fromstr
inspect._signature_fromstr = lambda cls, obj, text, *more: read.append(text) or read_text(cls, obj, text, *more)
from planparse.cli import main
""" + _RUN_AS_COMMAND.format(entry="main", count="len(read)")


def test_a_second_extraction_builds_its_models_reading_no_signature_from_its_text(tmp_path):
    """pydantic reads each default factory's signature as it builds a model's validator, a builtin's (list) from its
    text with Python's parser: the 24 of a plan's output and of the lexicons were a fortieth of an extract's start
    (models.no_items)."""
    environment = {**os.environ, cache.CACHE_DIR_VARIABLE: str(tmp_path / "cache")}

    def read() -> int:
        done = subprocess.run([sys.executable, "-c", _SIGNATURES_OF_TEXT, "extract", str(SAMPLES / "jieyang-2022.txt"),
                               "-o", str(tmp_path / "out.json")], capture_output=True, text=True, check=True, env=environment)
        return int(done.stdout)

    read()  # an empty cache: the rule files' models are built too
    assert read() == 0


def test_kept_code_is_the_code_the_builtins_compile_and_a_damaged_file_is_compiled_again(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(tmp_path))
    source = "def __create_fn__(default):\n def __init__(self, size=default):\n  self.size = size\n return __init__"
    first = generated_code.load()
    namespace: dict = {}
    first.exec(source, {}, namespace)
    instance = type("Sized", (), {"__init__": namespace["__create_fn__"](3)})()
    assert instance.size == 3
    # no __future__ flag of the module that compiles it (this one has annotations'): as dataclasses' exec gives
    assert first.code(source, "<string>", "exec") == compile(source, "<string>", "exec", dont_inherit=True)
    assert first.compile("list[int]", "<string>", "eval") == compile("list[int]", "<string>", "eval", dont_inherit=True)
    first.save()
    monkeypatch.setattr(generated_code, "compile", lambda *arguments, **options: pytest.fail("compiled again"), raising=False)
    second = generated_code.load()
    assert second.code(source, "<string>", "exec") == first.code(source, "<string>", "exec")
    assert not second.compiled_any
    (tmp_path / generated_code.CACHE_NAME).write_bytes(b"\x00damaged")
    monkeypatch.delattr(generated_code, "compile")
    assert generated_code.load().kept == {}


# A command run as the console script, with a function registered with atexit and optionally a thread Python waits for
# at its exit; run with -v, Python names each module its teardown removes (# cleanup[2] removing planparse.models).
_ENDING = """import atexit, sys, threading, time
atexit.register(lambda: sys.stderr.write("atexit ran\\n"))
thread, sys.argv = sys.argv[1] == "thread", ['planparse', *sys.argv[2:]]
from planparse.cli import command
if thread:  # started after the import, which a loaded machine took longer over than the thread sleeps
    threading.Thread(target=lambda: time.sleep(1) or sys.stderr.write("thread done\\n")).start()
command()
"""


def test_a_command_ends_after_atexit_and_its_output_flushed_without_tearing_down_its_modules():
    """Python's teardown of the modules at exit frees what the end of the process frees anyway: 13 ms of an extract's
    CPU, 27 of a batch's serial start and end. A thread Python would wait for gets Python's own exit."""
    plan = str(SAMPLES / "jieyang-2022.txt")
    done = run_python("-v", "-c", _ENDING, "none", "extract", plan)
    assert done.returncode == 0 and "atexit ran\n" in done.stderr and "# cleanup" not in done.stderr
    assert json.loads(done.stdout)["metadata"]["doc_number"] == "揭府〔2022〕55号"  # flushed whole through the pipe
    failed = run_python("-v", "-c", _ENDING, "none", "extract", plan + ".missing")
    assert failed.returncode == 2 and "no such file\natexit ran\n" in failed.stderr and "# cleanup" not in failed.stderr
    waited = run_python("-v", "-c", _ENDING, "thread", "--version")
    assert waited.returncode == 0 and waited.stdout == f"planparse, version {planparse.__version__}\n"
    assert "thread done\n" in waited.stderr and "# cleanup" in waited.stderr


def test_planparse_as_a_library_leaves_dataclasses_and_typing_as_they_are():
    probe = "import dataclasses, typing\nimport planparse.pipeline\nprint(hasattr(dataclasses, 'exec'), hasattr(typing, 'compile'))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout == "False False\n"
