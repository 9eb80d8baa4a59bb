"""Reading numbers exactly: digits, Chinese numerals, 万/亿, ranges, floors, and the known traps."""
from __future__ import annotations

from decimal import Decimal
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planparse.folding import fold
from planparse.numerals import (PLAIN_NUMERAL_CHARS, chinese_number, digit_year, integer_written, mixed_number, numeral_value,
                                write_chinese)
from planparse.rules import load_rule_set
from planparse.values import Amount, json_number, parse_amount, parse_number


@pytest.mark.parametrize("text,value", [
    ("16", Decimal(16)),
    ("１２", Decimal(12)),  # full-width digits
    ("1,500", Decimal(1500)),
    ("10.5", Decimal("10.5")),
    ("0.6万", Decimal(6000)),
    ("1.2亿", Decimal(120_000_000)),
    ("13万2", Decimal(132_000)),  # spoken 13万2千, not 130002
    ("三十", Decimal(30)),
    ("两", Decimal(2)),
    ("两百", Decimal(200)),
    ("一百五十", Decimal(150)),
    ("1.2千亿", Decimal(120_000_000_000)),  # a run of two multipliers multiplies
    ("三万五千亿", Decimal(3_500_000_000_000)),  # 亿 after 万 scales all before it
    ("十二万亿", Decimal(12_000_000_000_000)),
    # a round number written without its 一 (百余家, 近千名, 逾万人次, 突破千万人次)
    ("百", Decimal(100)), ("千", Decimal(1000)), ("万", Decimal(10_000)), ("千万", Decimal(10_000_000)), ("百亿", Decimal(10_000_000_000)),
    # Arabic digits in the places of a Chinese numeral: 万 closes both places of 1千2百万
    ("3百", Decimal(300)), ("3百万", Decimal(3_000_000)), ("1千2百万", Decimal(12_000_000)), ("12万3千", Decimal(123_000)),
    ("2亿3千万", Decimal(230_000_000)), ("5百亿", Decimal(50_000_000_000)),
])
def test_numbers(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["两会", "统一", "一带一路", "十九大", "", "万万", "百百", "3百4百", "2万万"])
def test_words_with_numeral_characters_are_not_numbers(text):
    assert parse_number(text) is None
    assert parse_amount(text) is None


@pytest.mark.parametrize("text,amount", [
    ("2-3", Amount(Decimal(2), Decimal(3))),
    ("2至3", Amount(Decimal(2), Decimal(3))),
    ("2～3", Amount(Decimal(2), Decimal(3))),
    ("60%—70%", Amount(Decimal(60), Decimal(70))),
    ("2-3万", Amount(Decimal(20_000), Decimal(30_000))),  # the 万 scales both ends
    ("两三", Amount(Decimal(2), Decimal(3))),  # a rough range, not 23
    ("三五", Amount(Decimal(3), Decimal(5))), ("三五十", Amount(Decimal(30), Decimal(50))),  # a pair of a gap plans write so
    ("一三", Amount(Decimal(13))), ("二五", Amount(Decimal(25))),  # digit by digit: no pair the grammar reads as a range
    ("二三百", Amount(Decimal(200), Decimal(300))), ("三四十", Amount(Decimal(30), Decimal(40))),  # the place is both ends'
    ("一二三", Amount(Decimal(123))), ("五六七", Amount(Decimal(567))),  # digit by digit: a third digit is no place
    ("百分之十五", Amount(Decimal(15))),
    ("一千多万", Amount(Decimal(10_000_000), at_least=True)),  # a floor: comparator ">"
    ("十余", Amount(Decimal(10), at_least=True)), ("百余万", Amount(Decimal(1_000_000), at_least=True)),  # 余 like 多; a bare round 百
    ("5百余", Amount(Decimal(500), at_least=True)), ("2-3百", Amount(Decimal(200), Decimal(300))),
])
def test_amounts(text, amount):
    assert parse_amount(text) == amount


def test_values_stay_exact():
    assert parse_number("1.57") == Decimal("1.57")
    assert json_number(parse_number("1.57")) == 1.57
    assert json_number(parse_number("0.6万")) == 6000 and isinstance(json_number(parse_number("0.6万")), int)
    assert json_number(None) is None


def test_chinese_numerals_have_one_reader():
    assert [digit_year("二〇二五"), digit_year("二○二二"), digit_year("2025")] == [2025, 2022, 2025]
    assert [chinese_number("两百"), chinese_number("十一"), chinese_number("万亿")] == [200, 11, None]
    assert [numeral_value("十二"), numeral_value("１２"), numeral_value("⑩")] == [12, 12, 10]
    # a month or a count of years, as a deadline phrase writes it (3月底前, 用三年时间, 12月—次年3月)
    assert [integer_written("12"), integer_written("十二"), integer_written("三"), integer_written("十十")] == [12, 12, 3, None]
    with pytest.raises(ValueError):
        numeral_value("第")


def test_plain_numerals_are_read_unfolded_as_the_fold_leaves_them():
    assert fold(PLAIN_NUMERAL_CHARS) == PLAIN_NUMERAL_CHARS


@pytest.mark.parametrize("text,value", [
    ("十一", 11), ("九十九", 99), ("一百零五", 105), ("一千零五十", 1050),  # heading numbers and counts
    ("两万五", 25_000), ("三百五", 350), ("十一万三", 113_000),  # spoken shorthand: the last digit is a tenth of its unit
    ("一千五百万", 15_000_000), ("一亿二千万", 120_000_000), ("一万零五百", 10_500), ("二〇二五", 2025),
    ("三万五千亿", 3_500_000_000_000), ("十二万亿", 12_000_000_000_000), ("一万亿五千万", 1_000_050_000_000),
    ("一亿零五万", 100_050_000),  # a big unit larger than all before multiplies them; a smaller one adds its group
    ("万", None), ("百", None), ("十十", None), ("一二百", None), ("万亿", None), ("一亿万", None), ("五亿三万万", None),
])
def test_chinese_numbers(text, value):
    assert chinese_number(text) == value


@settings(deadline=None)  # the first call imports cn2an
@given(st.integers(min_value=0, max_value=10**16 - 1))  # up to 千万亿: cn2an writes 10^12 as 一万亿
def test_every_number_as_cn2an_writes_it_reads_back(number):
    cn2an = pytest.importorskip("cn2an")  # the reference only: planparse does not import it (0.2 s at start)
    assert chinese_number(cn2an.an2cn(number)) == number
    assert chinese_number(cn2an.an2cn(number).replace("二百", "两百").replace("二千", "两千")) == number


@settings(deadline=None)  # the first call imports cn2an
@given(st.one_of(st.integers(min_value=0, max_value=10**16 - 1),  # and numbers of many zeros, where 零 is decided
                 st.lists(st.sampled_from("0000123"), min_size=1, max_size=16).map(lambda digits: int("".join(digits)))),
       st.booleans())
def test_a_number_is_written_as_cn2an_writes_it(number, financial):
    """How a DOCX list numbered 一、二、… 十一、 shows its numbers (readers/docx.py), without cn2an at run time."""
    cn2an = pytest.importorskip("cn2an")
    assert write_chinese(number, financial) == cn2an.an2cn(number, "up" if financial else "low")
    assert chinese_number(write_chinese(number)) == number


_ARABIC_DIGITS = str.maketrans("一二三四五六七八九", "123456789")


@given(st.integers(min_value=1, max_value=10**16 - 1))
def test_a_number_written_with_arabic_digits_in_its_places_reads_as_written_in_chinese(number):
    """1千2百万 is 一千二百万 with Arabic digits: each digit of a Chinese numeral may be written so."""
    assert mixed_number(write_chinese(number).translate(_ARABIC_DIGITS)) == number


def test_list_numbers_written_out():
    assert [write_chinese(n) for n in (1, 10, 11, 20, 101, 110)] == ["一", "十", "十一", "二十", "一百零一", "一百一十"]
    assert [write_chinese(n, financial=True) for n in (10, 11, 100000)] == ["壹拾", "壹拾壹", "壹拾万"]


def test_rough_ranges_are_the_pairs_fragment_cn_pair_takes():
    """Two digits read as a range where the grammar reads them so, and nowhere else: one fact, in fragments.yaml
    (二五 is 25, not 2–5; 二三 before 产业 is no amount)."""
    cn_pair = load_rule_set().fragment("cn_pair")
    for low, high in combinations("一两二三四五六七八九", 2):
        for place in ("", "十", "百", "千", "万"):
            text = low + high + place
            amount = parse_amount(text)
            assert (amount is not None and amount.value_max is not None) == bool(cn_pair.fullmatch(text)), text


def test_rough_ranges_are_those_of_the_rule_set_the_amount_is_read_with(tmp_path):
    """A user's cn_pair holds for the amounts read with the user's rule set, whatever rules are in force: the rule
    set read with is the one asked (三五 without its pair is 35 digit by digit)."""
    (tmp_path / "pairs.yaml").write_text("fragments:\n  cn_pair: '两三'\n", encoding="utf-8")
    assert parse_amount("三五", load_rule_set(tmp_path)) == Amount(Decimal(35))
    assert parse_amount("三五") == Amount(Decimal(3), Decimal(5))


def test_two_rising_digits_with_a_shared_place_are_a_range_whatever_their_gap():
    """一二百, 一二十, 二四十: no other number is written so, so the amount is the range (GUIDE §2), never none."""
    for low, high in combinations("一二三四五六七八九", 2):
        for place in ("十", "百", "千", "万"):
            factor = parse_number("一" + place)
            assert parse_amount(low + high + place) == Amount(parse_number(low) * factor, parse_number(high) * factor), low + high + place
