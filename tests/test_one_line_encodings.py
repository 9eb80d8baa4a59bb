"""A file of one line joined from a UTF-8 part and a GBK part (a title cut short, its rest typed in the other encoding),
or of lines in one and lines in the other that meet inside a line: no other line tells the encodings apart within the
line, so each part is told by the characters plans use."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from planparse.pipeline import extract
from planparse.readers.txt import decode_text
from planparse.required_chars import plan_characters

FIRST_LINES = [
    "（一）推进村卫生室建设。",  # health: its UTF-8 （ read with the rest in GB18030 as 嚗�珨ㄘ…
    "一、工作目标",  # its GBK part unread: 一、����Ŀ��
    "全市新建农村公路500公里。",  # transport: UTF-8's 全市 read in GB18030 as 鍏ㄥ競
    "某县教育局关于印发《某县义务教育优质均衡发展实施方案》的通知",  # education: GBK's 某 read by UTF-8 as ĳ
    "（二）强化农田水利建设。新建高标准农田5万亩。",  # agriculture: GBK's 亩 read by UTF-8 as Ķ
    "三、保障措施",  # GBK's 施 read by UTF-8 as ʩ
    "二、重点任务（三）加强养老服务设施建设，每个街道建成1所综合养老服务中心。",  # elderly care
    "第一条 为加强城市供水管理，制定本办法。",  # water
]


@pytest.mark.parametrize("line", FIRST_LINES, ids=["health", "title", "transport", "education", "agriculture", "measures", "elderly-care", "water"])
@pytest.mark.parametrize(("first", "then"), [("utf-8", "gbk"), ("gbk", "utf-8")], ids=["utf-8-then-gbk", "gbk-then-utf-8"])
def test_a_file_of_one_line_in_two_encodings_reads_whole_wherever_it_is_cut(line: str, first: str, then: str, tmp_path: Path):
    plan = tmp_path / "plan.txt"
    for cut in range(1, len(line)):
        plan.write_bytes(line[:cut].encode(first) + line[cut:].encode(then) + b"\n")
        assert decode_text(plan.read_bytes(), plan) == line + "\n", cut


# Lines of two files around the line they meet in: a notice's title and a plan's period; a target and a heading.
LINES_BEFORE = "某县人民政府关于印发实施方案的通知\n（2024—2026年）\n"
LINES_AFTER = "\n到2026年，全县建成示范项目12个。\n四、组织实施\n"


@pytest.mark.parametrize("line", FIRST_LINES, ids=["health", "title", "transport", "education", "agriculture", "measures", "elderly-care", "water"])
@pytest.mark.parametrize(("first", "then"), [("utf-8", "gbk"), ("gbk", "utf-8")], ids=["utf-8-then-gbk", "gbk-then-utf-8"])
def test_a_file_of_lines_in_two_encodings_meeting_inside_a_line_reads_whole_wherever_it_is_cut(line: str, first: str, then: str,
                                                                                                 tmp_path: Path):
    plan = tmp_path / "plan.txt"
    for cut in range(1, len(line)):
        plan.write_bytes((LINES_BEFORE + line[:cut]).encode(first) + (line[cut:] + LINES_AFTER).encode(then))
        assert decode_text(plan.read_bytes(), plan) == LINES_BEFORE + line + LINES_AFTER, cut


@pytest.mark.parametrize(("utf_8", "gbk", "target"), [
    ("（", "一）推进村卫生室建设，到2025年，村卫生室达标率达到100%。", (100, "%", 2025)),
    ("一、", "工作目标：到2026年，全县农村公路优良中等路率达到85%以上。", (85, "%", 2026)),
], ids=["health", "transport"])
def test_a_plan_of_one_line_in_two_encodings_gives_its_target(utf_8: str, gbk: str, target: tuple, tmp_path: Path):
    plan = tmp_path / "plan.txt"
    plan.write_bytes(utf_8.encode("utf-8") + gbk.encode("gbk"))
    assert [(found.value, found.unit, found.deadline) for found in extract(plan).targets] == [target]


PLAN_TEXT = st.text(st.sampled_from(sorted(plan_characters() | set("0123456789%.，。、；：（）《》 "))), min_size=1, max_size=120)


@settings(max_examples=300, deadline=None)
@given(text=PLAN_TEXT)
def test_a_file_of_one_line_of_plan_text_in_gb18030_reads_as_written(text: str):
    """No cut of a GB18030 line (UTF-8 reads some of its bytes: 全 as ȫ, 一 as һ) is taken for a join, nor the line for
    a Latin-1 reading of Chinese saved again (·@, A1 A4 40, was read as 稝, B7 40). A line UTF-8 reads whole is UTF-8's
    as much (为, CE AA, is Ϊ; 冒@ is ð@, or 饊 read as Latin-1): its bytes alone cannot tell, and it is not drawn."""
    data = text.encode("gb18030")
    assume("\ufffd" in data.decode("utf-8", errors="replace"))  # a byte UTF-8 does not read (ASCII it reads whole)
    assert decode_text(data, "plan.txt") == text


@settings(max_examples=300, deadline=None)
@given(text=PLAN_TEXT)
def test_a_file_of_one_line_of_plan_text_in_utf_8_reads_as_written(text: str):
    """Nor is a UTF-8 line of plan text (·@ was read as 稝, the Latin-1 reading of B7 40). A line of spaces is an empty file."""
    assume(text.strip())
    assert decode_text(text.encode("utf-8"), "plan.txt") == text
