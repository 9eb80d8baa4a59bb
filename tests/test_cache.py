"""The user's cache folder under hostile conditions: files damaged on disk, a folder others can write to.
A cache only saves time: whatever is in it, a plan's outputs are those of a run with no cache."""
from __future__ import annotations

import marshal
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest
from conftest import SAMPLES, run_bounded

from planparse import cache, tagger
from planparse.errors import PlanparseError
from planparse.rule_files import RuleSource, default_rules_dir, load_yaml, read_rule_text
from planparse.rules import OWN_KIND_FILES

PLAN = SAMPLES / "jieyang-2022.txt"


def extract(plan: Path, output: Path, cache_folder: Path) -> subprocess.CompletedProcess:
    environment = {**os.environ, cache.CACHE_DIR_VARIABLE: str(cache_folder)}
    return run_bounded([sys.executable, "-m", "planparse", "extract", str(plan), "-o", str(output)], 300, env=environment)


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory) -> Path:
    """The cache folder a first run filled, beside the plan's output by that run (out.json)."""
    folder = tmp_path_factory.mktemp("clean")
    run = extract(PLAN, folder / "out.json", folder / "cache")
    assert run.returncode == 0, run.stderr
    return folder


@pytest.fixture
def clean_output(warm_cache: Path) -> bytes:
    return (warm_cache / "out.json").read_bytes()


@pytest.fixture
def folder(warm_cache: Path, tmp_path: Path) -> Path:
    """A copy of the warm cache folder, for a test to damage: only what it damages is built again."""
    return Path(shutil.copytree(warm_cache / "cache", tmp_path / "cache"))


def test_a_tagger_table_damaged_on_disk_is_built_again_and_the_plan_read_as_with_a_whole_one(clean_output: bytes, folder: Path, tmp_path: Path):
    [table] = folder.glob("jieba-tags-*.bin")
    whole = table.read_bytes()
    damaged = bytearray(whole)
    slices = 3 * 8 + int.from_bytes(whole[:8], "little")  # past the header, which is checked as the file is opened
    for at in range(slices, len(damaged), 997):  # a byte in every slice
        damaged[at] ^= 0x5A
    table.write_bytes(damaged)
    run = extract(PLAN, tmp_path / "out.json", folder)
    assert run.returncode == 0 and run.stderr == ""  # it was: internal error: UnicodeDecodeError
    assert (tmp_path / "out.json").read_bytes() == clean_output
    assert table.read_bytes() == whole  # saved again for the next run


def _plant_empty_rules(folder: Path) -> None:
    """Cache files as planparse writes them, saying the shipped heading, metadata, responsibility and
    indicator rule files are empty."""
    for path in (default_rules_dir() / name for name in OWN_KIND_FILES):
        cache.parsed(path, read_rule_text(path), lambda text: None)


@pytest.mark.parametrize("whose", ["another user's", "open to all"])
def test_cache_files_others_could_have_written_are_not_read(whose: str, clean_output: bytes, folder: Path, tmp_path: Path, monkeypatch):
    """A cache folder others can write to (a umask of 002, a shared folder): the files there not the user's
    own, or that others can write to, are built again, never read."""
    if whose == "another user's" and os.geteuid() != 0:
        pytest.skip("only root can give a file to another user")
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(tmp_path / "planted"))
    _plant_empty_rules(tmp_path / "planted")
    os.chmod(folder, 0o777)
    for made in (tmp_path / "planted").iterdir():
        planted = Path(shutil.copy(made, folder))  # over the warm cache's own file
        if whose == "another user's":
            os.chown(planted, 4321, 4321)
        else:
            os.chmod(planted, 0o666)
    run = extract(PLAN, tmp_path / "out.json", folder)
    assert run.returncode == 0, run.stderr  # it was: the planted rule files read, and an error in them
    assert (tmp_path / "out.json").read_bytes() == clean_output


@pytest.mark.parametrize("name", ["patterns-*.entries", "jieba-tags-*.bin"])
def test_a_named_pipe_in_place_of_a_cache_file_is_passed_by(name: str, clean_output: bytes, folder: Path, tmp_path: Path):
    [kept] = folder.glob(name)
    kept.unlink()
    os.mkfifo(kept)
    run = extract(PLAN, tmp_path / "out.json", folder)  # it waited for ever for a writer to the pipe
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out.json").read_bytes() == clean_output


def test_a_parsed_file_changed_on_disk_is_parsed_again_not_read(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(tmp_path))
    source = tmp_path / "units.yaml"
    assert cache.parsed(source, "units: [万人次]", lambda text: {"units": ["万人次"]}) == {"units": ["万人次"]}
    [kept] = tmp_path.glob("parsed-*")
    kept.write_bytes(kept.read_bytes().replace("万人次".encode(), "万元次".encode()))  # as marshal wrote it, one character changed
    assert cache.parsed(source, "units: [万人次]", lambda text: {"units": ["万人次"]}) == {"units": ["万人次"]}


@pytest.mark.parametrize("kept", [b"", b"\x01\x02", None], ids=["empty", "cut short", "a whole file saved again"])
def test_a_cache_file_empty_or_cut_short_reads_as_nothing_and_is_saved_again_while_read(kept: bytes | None, tmp_path: Path, monkeypatch):
    """Read mapped, not copied: an empty file cannot be mapped, a file shorter than its checksum holds none; a file saved
    again while a view of it is held replaces it whole, the view keeping what it read."""
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(tmp_path))
    cache.save_cache("values.marshal", marshal.dumps({"万人次": 1}))
    if kept is not None:
        (tmp_path / "values.marshal").write_bytes(kept)
        assert cache.read_cache("values.marshal") is None and cache.read_marshalled("values.marshal") is None
        return
    assert cache.read_marshalled("values.marshal") == {"万人次": 1}
    view = cache.read_cache("values.marshal")
    cache.save_cache("values.marshal", marshal.dumps({"万人次": 2}))
    assert marshal.loads(view) == {"万人次": 1} and cache.read_marshalled("values.marshal") == {"万人次": 2}


_COMPILE = "from planparse import patterns; print(bool(patterns.compile('wxyz').search(%r)))"


def test_a_compiled_pattern_changed_on_disk_is_compiled_again_not_run(tmp_path: Path):
    environment = {**os.environ, cache.CACHE_DIR_VARIABLE: str(tmp_path)}

    def matches(text: str) -> str:
        return run_bounded([sys.executable, "-c", _COMPILE % text], 60, env=environment, check=True).stdout

    assert matches("wxyz") == "True\n"  # compiled, and kept in the cache at exit
    [kept] = tmp_path.glob("patterns-*")
    data = kept.read_bytes()
    assert data.count(b"\x04wxyz\x01") == 1  # the pattern's code: its four characters as a string to match
    kept.write_bytes(data.replace(b"\x04wxyz\x01", b"\x04wxyy\x01"))
    assert matches("wxyy") == "False\n"  # it was True: the changed code run as the pattern's


def test_a_save_removes_the_temporary_files_killed_processes_left_of_any_cache_file(tmp_path: Path, monkeypatch):
    """The tagger's table (20 MB) is built only when jieba changes: its half-written copies went only then."""
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(tmp_path))
    abandoned = tmp_path / f".{tagger._cache_name(())}.x1y2.part"
    abandoned.write_bytes(b"half a table")
    os.utime(abandoned, (1, 1))
    cache.save_cache("patterns.pickle", b"whole")
    assert not abandoned.exists() and cache.read_cache("patterns.pickle") == b"whole"


def _validated_twice(tmp_path: Path, monkeypatch, text: str, tamper=lambda kept: None):
    """A rule file's ``text`` validated (a snapshot saved), then again as the next process would, after
    ``tamper(path of the snapshot's cache file)``; the YAML parses and pydantic validations of the second counted."""
    from planparse import rules

    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    path = tmp_path / "units.yaml"
    first = rules.validate_rule_file(RuleSource(path, text.encode()))
    [kept] = [file for file in (tmp_path / "cache").glob("parsed-*") if b"RuleFile" in file.read_bytes()]  # the snapshot, beside the YAML's data
    tamper(kept)
    done = []
    monkeypatch.setattr(rules, "load_yaml", lambda path, text: done.append("parsed") or load_yaml(path, text))
    monkeypatch.setattr(rules.RuleFile, "model_validate", lambda data: done.append("validated") or rules.RuleFile.__pydantic_validator__.validate_python(data))
    return first, rules.validate_rule_file(RuleSource(path, text.encode())), done


UNIT_RULES = read_rule_text(default_rules_dir() / "quantities.yaml")  # units, measures, multipliers; decimals among them


def test_a_rule_file_an_earlier_process_validated_comes_from_its_snapshot(tmp_path: Path, monkeypatch):
    """pydantic builds a model's validator at its first use in a process: for the rule files' models, with the
    files' data read to validate, about a third of loading the rules at every start."""
    first, second, done = _validated_twice(tmp_path, monkeypatch, UNIT_RULES)
    assert second == first and done == []


def test_a_rule_file_changed_since_its_snapshot_is_validated_again(tmp_path: Path, monkeypatch):
    from planparse import rules

    _validated_twice(tmp_path, monkeypatch, UNIT_RULES)
    with pytest.raises(PlanparseError, match="units.yaml"):
        rules.validate_rule_file(RuleSource(tmp_path / "units.yaml", (UNIT_RULES + "\nno_such_key: 1\n").encode()))


def _planted(payload: object) -> Callable[[Path], None]:
    """Replaces the snapshot a cache file holds by ``payload`` pickled, its digest (of the data) kept."""
    def tamper(kept: Path) -> None:
        digest, _ = marshal.loads(cache.read_cache(kept.name))
        cache.save_cache(kept.name, marshal.dumps((digest, pickle.dumps(payload))))
    return tamper


class _Runs:
    """A pickle that runs a function as it is read."""

    def __init__(self, function: Callable, *arguments: object):
        self.call = function, arguments

    def __reduce__(self):
        return self.call


@pytest.mark.parametrize("planted", ["a function of the standard library", "a function of planparse", "another model", "damaged"])
def test_a_snapshot_holding_anything_but_the_rule_files_models_is_never_run_and_validated_again(planted: str, tmp_path: Path, monkeypatch):
    from planparse import cli, rules

    ran = tmp_path / "ran"
    payload = {"a function of the standard library": _Runs(os.mkdir, str(ran)),
               "a function of planparse": _Runs(cli.main, ["schema"]),
               "another model": rules.Lexicons(), "damaged": None}[planted]

    def tamper(kept: Path) -> None:
        if planted == "damaged":
            kept.write_bytes(kept.read_bytes()[:-40])
        else:
            _planted(payload)(kept)

    first, second, done = _validated_twice(tmp_path, monkeypatch, UNIT_RULES, tamper)
    assert second == first and done == ["parsed", "validated"] and not ran.exists()


def test_parts_are_read_one_at_a_time_and_made_again_when_their_file_is_damaged_or_gone(tmp_path: Path, monkeypatch):
    """The target rules' patterns as compiled (2.6 MB) were read whole with their expansions at every start, where a
    plan's sentences reach some thirty rules of 275: each is a part read when first asked for, checked as it is read."""
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    made, read = [], []

    def parse(text: str) -> tuple[str, list[bytes]]:
        made.append(text)
        return text.upper(), [f"{text}-{index}".encode() * 100 for index in range(3)]

    def parts_of(text: str) -> tuple[str, cache.Parts]:
        return cache.parsed_in_parts(Path("source:"), text, parse, versions=2)

    data, parts = parts_of("plan")
    assert (data, parts[1], made) == ("PLAN", b"plan-1" * 100, ["plan"])
    raw = cache.KeptEntries.raw
    monkeypatch.setattr(cache.KeptEntries, "raw", lambda self, key: read.append(key) or raw(self, key))
    data, parts = parts_of("plan")
    assert (data, parts[2], made, read) == ("PLAN", b"plan-2" * 100, ["plan"], [b"digest", (2).to_bytes(4, "little")])
    [kept] = (tmp_path / "cache").glob("parts-*")
    whole = kept.read_bytes()
    kept.write_bytes(whole.replace(b"plan-0", b"plan-9", 1))  # the first part damaged on disk
    data, parts = parts_of("plan")
    assert (parts[2], made) == (b"plan-2" * 100, ["plan"])  # its own checksum: read as saved
    assert (parts[0], made) == (b"plan-0" * 100, ["plan", "plan"]) and kept.read_bytes() == whole  # made again, and saved
    kept.unlink()
    assert parts_of("plan")[1][1] == b"plan-1" * 100 and made == ["plan"] * 3 and kept.read_bytes() == whole
    assert parts_of("other")[1][0] == b"other-0" * 100 and parts_of("plan")[1][0] == b"plan-0" * 100 and made == ["plan"] * 3 + ["other"]


def test_the_rules_patterns_damaged_on_disk_are_expanded_again_and_the_plan_read_as_with_whole_ones(clean_output: bytes, folder: Path,
                                                                                                    tmp_path: Path, monkeypatch):
    [kept] = folder.glob("parts-*.entries")
    whole = kept.read_bytes()
    index_end = 12 + int.from_bytes(whole[4:12], "little")  # after the index's checksum and length (cache.save_entries)
    kept.write_bytes(whole[:index_end] + bytes(len(whole) - index_end))  # every pattern zeroed
    run = extract(PLAN, tmp_path / "out.json", folder)
    assert run.returncode == 0 and run.stderr == "", run.stderr
    assert (tmp_path / "out.json").read_bytes() == clean_output
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(folder))
    saved = cache.read_entries(kept.name)  # saved again whole (a pattern's text may differ: the order of a set's words)
    assert saved is not None and len(saved) > 200 and all(saved.raw(key) for key in saved.keys())


TARGET_RULES = read_rule_text(default_rules_dir() / "targets.yaml")


def _for_checks(rule_file) -> tuple:
    """What of a file of target rules only the checks read: each rule's examples, not_examples and description, and the
    examples of its turns of the year."""
    return (*((rule.examples, rule.not_examples, rule.description) for rule in rule_file.rules), rule_file.turns_of_the_year.examples)


def test_a_process_that_only_extracts_reads_the_rules_without_what_only_the_checks_read_and_the_checks_read_them_whole(tmp_path: Path, monkeypatch):
    """Unpickling the examples and descriptions of the validated rule files (some 3,700 examples) was 15.8 ms of
    every start, 3.4 ms without; a process that only extracts reads a snapshot without them, which never stands in
    for the whole one the checks read (``rules check``, explain, the tests)."""
    from planparse import rule_files, rules

    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    source = RuleSource(tmp_path / "targets.yaml", TARGET_RULES.encode())
    whole = rules.validate_rule_file(source)
    monkeypatch.setitem(rule_files._read_for_checks, "examples", False)
    rules.validate_rule_file(source)  # its snapshot saved
    with pytest.raises(PlanparseError, match="targets.yaml"):  # the file edited since: validated again, its snapshot unread
        rules.validate_rule_file(RuleSource(source.path, (TARGET_RULES + "\nno_such_key: 1\n").encode()))
    monkeypatch.setattr(rules.RuleFile, "model_validate", lambda data: pytest.fail("validated again"))
    to_extract = rules.validate_rule_file(source)
    assert _for_checks(to_extract) == (*(([], [], ""),) * len(whole.rules), []) and len(to_extract.rules) == len(whole.rules) > 200
    assert to_extract.model_copy(update={"rules": [], "turns_of_the_year": None}) == whole.model_copy(update={"rules": [], "turns_of_the_year": None})
    assert to_extract.turns_of_the_year.model_dump(exclude={"examples"}) == whole.turns_of_the_year.model_dump(exclude={"examples"})
    assert [rule.model_dump(exclude={"examples", "not_examples", "description"}) for rule in to_extract.rules] == [
        rule.model_dump(exclude={"examples", "not_examples", "description"}) for rule in whole.rules]
    monkeypatch.setitem(rule_files._read_for_checks, "examples", True)
    assert _for_checks(rules.validate_rule_file(source)) == _for_checks(whole) and sum(len(rule.examples) for rule in whole.rules) > 2000


_RULES_READ = """import atexit, sys
from planparse.cli import command
from planparse.rules import load_rule_set
atexit.register(lambda: print(sum(len(rule.rule.examples) for rule in load_rule_set().rules), file=sys.stderr))
sys.argv[0] = "planparse"
command()
"""


def test_extract_reads_no_examples_and_rules_check_runs_them_all_after_it(folder: Path, tmp_path: Path):
    """The cache an extract filled (``warm_cache``) holds the rule files without their examples: ``rules check`` with it
    still runs every one, and says so."""
    from planparse.rules import load_rule_set

    examples = sum(len(rule.rule.examples) for rule in load_rule_set().rules)
    environment = {**os.environ, cache.CACHE_DIR_VARIABLE: str(folder)}
    extracted = run_bounded([sys.executable, "-c", _RULES_READ, "extract", str(PLAN), "-o", str(tmp_path / "out.json")], 300, env=environment)
    assert extracted.returncode == 0 and extracted.stderr == "0\n", extracted.stderr
    checked = run_bounded([sys.executable, "-c", _RULES_READ, "rules", "check"], 300, env=environment)
    assert checked.returncode == 0 and checked.stderr.endswith(f" target examples, 0 failed (all rule files checked)\n{examples}\n")
    assert f" {examples + sum(len(rule.rule.not_examples) for rule in load_rule_set().rules)} target examples" in checked.stderr


def test_an_entry_damaged_on_disk_reads_as_none_and_the_others_as_saved(tmp_path: Path, monkeypatch):
    """A file of entries read one at a time (the compiled patterns'): each entry's checksum is checked as it is read,
    the index's as the file is opened; an entry damaged is built again, the file's others still read."""
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(tmp_path))
    cache.save_entries("kept.entries", {b"units": marshal.dumps(["万人次", "个"]), b"count": marshal.dumps(12)})
    whole = (tmp_path / "kept.entries").read_bytes()
    (tmp_path / "kept.entries").write_bytes(whole[:-1] + bytes([whole[-1] ^ 0x5A]))  # the last entry's last byte
    kept = cache.read_entries("kept.entries")
    assert kept.get(b"units") == ["万人次", "个"] and kept.get(b"count") is None and kept.raw(b"count") is None
    (tmp_path / "kept.entries").write_bytes(whole[:20] + bytes([whole[20] ^ 0x5A]) + whole[21:])  # in the index
    assert cache.read_entries("kept.entries") is None
