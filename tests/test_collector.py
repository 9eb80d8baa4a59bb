"""A huge document is extracted with the garbage collector paused, any other with its young passes spaced out, and the
caller's collector is left as it was found."""
from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest
from conftest import SAMPLES

from planparse import collector, pipeline


@pytest.fixture
def collector_seen(monkeypatch) -> list[bool]:
    """Whether the collector was on, each time the pipeline found targets."""
    seen: list[bool] = []
    find_targets = pipeline.find_targets

    def watched(*args, **kwargs):
        seen.append(gc.isenabled())
        return find_targets(*args, **kwargs)

    monkeypatch.setattr(pipeline, "find_targets", watched)
    return seen


@pytest.fixture
def thresholds_seen(monkeypatch) -> list[tuple[int, int, int]]:
    """The collector's thresholds, each time the pipeline found targets."""
    seen: list[tuple[int, int, int]] = []
    find_targets = pipeline.find_targets

    def watched(*args, **kwargs):
        seen.append(gc.get_threshold())
        return find_targets(*args, **kwargs)

    monkeypatch.setattr(pipeline, "find_targets", watched)
    return seen


@pytest.fixture
def collector_restored():
    was, thresholds = gc.isenabled(), gc.get_threshold()
    yield
    (gc.enable if was else gc.disable)()
    gc.set_threshold(*thresholds)


@pytest.fixture(autouse=True)
def huge_is_smaller(monkeypatch):
    """Huge from 100 KB on, here: the tests run in seconds."""
    monkeypatch.setattr(collector, "HUGE_INPUT_BYTES", 100_000)


def huge_plan(folder: Path) -> Path:
    """Whole plans concatenated to just over the size that counts as huge."""
    plan = (SAMPLES / "jinjiang-2022.txt").read_bytes()
    path = folder / "plans.txt"
    path.write_bytes(plan * (collector.HUGE_INPUT_BYTES // len(plan) + 1))
    return path


def test_a_huge_file_is_extracted_with_the_collector_paused_then_back_on(tmp_path, collector_seen, collector_restored):
    gc.enable()
    document = pipeline.extract(huge_plan(tmp_path))
    assert collector_seen == [False]
    assert gc.isenabled()
    assert len(document.targets) > 4 * len(pipeline.extract(SAMPLES / "jinjiang-2022.txt").targets)  # every copy's


def test_a_caller_who_turned_the_collector_off_finds_it_off(tmp_path, collector_seen, collector_restored):
    gc.disable()
    pipeline.extract(huge_plan(tmp_path))
    assert collector_seen == [False]
    assert not gc.isenabled()


def test_a_plan_of_ordinary_size_keeps_the_collector_on(collector_seen, collector_restored):
    gc.enable()
    pipeline.extract(SAMPLES / "jieyang-2022.txt")
    assert collector_seen == [True]
    assert gc.isenabled()


def test_a_plan_of_ordinary_size_is_extracted_with_young_passes_spaced_out(thresholds_seen, collector_restored):
    gc.set_threshold(700, 10, 10)  # Python's default
    pipeline.extract(SAMPLES / "jinjiang-2022.txt")
    assert thresholds_seen == [(collector.YOUNG_PASS_EVERY, 10, 10)]
    assert gc.get_threshold() == (700, 10, 10)


def test_a_caller_whose_young_passes_are_rarer_keeps_them(thresholds_seen, collector_restored):
    gc.set_threshold(5 * collector.YOUNG_PASS_EVERY, 20, 30)
    pipeline.extract(SAMPLES / "jinjiang-2022.txt")
    assert thresholds_seen == [(5 * collector.YOUNG_PASS_EVERY, 20, 30)]
    assert gc.get_threshold() == (5 * collector.YOUNG_PASS_EVERY, 20, 30)


def test_an_extraction_that_fails_puts_the_collector_back(tmp_path, collector_restored):
    gc.enable()
    path = tmp_path / "plans.txt"
    path.write_bytes(b"\xff" * collector.HUGE_INPUT_BYTES)  # no text at all
    with pytest.raises(Exception):
        pipeline.extract(path)
    assert gc.isenabled()
    gc.set_threshold(700, 10, 10)
    with pytest.raises(Exception):
        pipeline.extract(tmp_path / "missing.txt")
    assert gc.get_threshold() == (700, 10, 10)


def test_standard_input_and_a_missing_file_are_not_huge(tmp_path):
    assert not collector.is_huge("-")
    assert not collector.is_huge(tmp_path / "missing.txt")
    assert not collector.is_huge("a\0b")


def test_a_large_pdf_or_word_file_is_no_huge_text(tmp_path):
    # 1 MB of a PDF or DOCX is one ordinary plan with its images: the collector is left alone
    for name in ("plan.pdf", "plan.DOCX"):
        (tmp_path / name).write_bytes(b"0" * collector.HUGE_INPUT_BYTES)
        assert not collector.is_huge(tmp_path / name)
    (tmp_path / "plan.txt").write_bytes(b"0" * collector.HUGE_INPUT_BYTES)
    assert collector.is_huge(tmp_path / "plan.txt")


def test_pauses_on_several_threads_end_with_the_last(collector_restored):
    """The collector is one per process: it comes back on when the last pause ends, not the first."""
    gc.enable()
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    states: dict[str, bool] = {}

    def first() -> None:
        with collector.paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with collector.paused():
            second_in.set()
            first_out.wait(5)
            states["after the first ended"] = gc.isenabled()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert states == {"after the first ended": False}
    assert gc.isenabled()


def test_spacings_on_several_threads_end_with_the_last(collector_restored):
    gc.set_threshold(700, 10, 10)
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    states: dict[str, tuple[int, int, int]] = {}

    def first() -> None:
        with collector.young_passes_spaced():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with collector.young_passes_spaced():
            second_in.set()
            first_out.wait(5)
            states["after the first ended"] = gc.get_threshold()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert states == {"after the first ended": (collector.YOUNG_PASS_EVERY, 10, 10)}
    assert gc.get_threshold() == (700, 10, 10)
