"""The quantity grammar: every lexicon entry's examples, a user's lexicon extension, the
readings the issue lists, and surface forms of one quantity that must parse back alike."""
from __future__ import annotations

import textwrap
from decimal import Decimal
from functools import lru_cache

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planparse import extract
from planparse.errors import PlanparseError
from planparse.folding import fold
from planparse.rules import load_rule_set
from planparse.targets import SentenceReader, sentences, targets_in_text

from conftest import write_plan

LEXICON = load_rule_set().lexicon
EXAMPLES = [pytest.param(example, id=f"{getattr(entry, 'measure', None) or getattr(entry, 'means', None) or getattr(entry, 'spelling', 'multiplier')}:{example.field}:{example.text[:12]}")
            for entry in [*LEXICON.units, *LEXICON.comparator_groups, *LEXICON.multiplier_entries, *LEXICON.change_groups,
                          *LEXICON.per_spellings, *LEXICON.falling_measures]
            for example in entry.examples]


def readings(text: str, rule_set=None) -> list[tuple]:
    return [(t.value, t.value_max, t.unit, t.comparator, t.kind) for t in targets_in_text(text, rule_set=rule_set)]


def quantities_read(text: str) -> list[tuple]:
    """Every quantity read in ``text``, whether or not the decision keeps it as a target, and whether its measure
    word is in no lexicon (a reading flagged for a reader's check)."""
    reader = SentenceReader(load_rule_set())
    return [(candidate.amount.value if candidate.amount else None, candidate.unit, candidate.comparator,
             any("lexicon" in note for note in candidate.review), candidate.change)
            for _, sentence in sentences(fold(text)) for candidate in reader.read(sentence)]


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_lexicon_example_reads_its_value_and_unit(example):
    """Read as the lexicon knows it, not as a measure word no lexicon knows (the same value and unit, flagged), and a
    change word's example as a change in its direction."""
    found = quantities_read(example.text)
    assert any((value, unit) == (example.value, example.unit) and example.comparator in (None, comparator) and not unknown
               and example.change in (None, change) for value, unit, comparator, unknown, change in found), found


@pytest.mark.parametrize("text, reading", [
    ("到2025年，预约诊疗率达到百分之九十五点五。", (95.5, None, "%", ">=", "percentage")),
    ("到2025年，失业率下降不少于两个百分点。", (2, None, "个百分点", ">=", "percentage")),
    ("到2025年，社会投资达到100亿人民币。", (10_000_000_000, None, "人民币", ">=", "money")),
    ("到2025年，出口增速为-3.9%。", (-3.9, None, "%", "=", "percentage")),
    ("到2025年，出口增速为负3.9%。", (-3.9, None, "%", "=", "percentage")),
    ("到2025年，新建城市绿道120千米。", (120, None, "千米", "=", "count")),
    ("到2025年，每年培训1万至1.5万人。", (10_000, 15_000, "人", "range", "count")),
    ("到2025年，良种覆盖率达到九成以上。", (90, None, "%", ">=", "percentage")),
    ("到2025年，农村自来水普及率达到九成五以上。", (95, None, "%", ">=", "percentage")),
    ("到2025年，主要农作物综合机械化率达到7成5。", (75, None, "%", ">=", "percentage")),
    ("到2025年，合格率达到百分之15。", (15, None, "%", ">=", "percentage")),
    ("到2025年，人口自然增长率控制在千分之三以内。", (3, None, "‰", "<=", "percentage")),
    ("到2025年，不良贷款率低于万分之五。", (5, None, "/万", "<", "percentage")),
    ("到2025年，银行卡欺诈损失率控制在仟分之伍以内。", (5, None, "‰", "<=", "percentage")),  # the financial form
    ("到2025年，原材料损耗率不超过佰分之叁。", (3, None, "%", "<=", "percentage")),
    ("每年培训基层医生三千人次。", (3000, None, "人次", "=", "count")),
    ("到2025年，急救响应时间缩短至半小时以内。", (0.5, None, "小时", "<=", "count")),
    ("到2025年，港口吞吐量突破300万标箱。", (3_000_000, None, "标箱", ">", "count")),
    ("到2025年，年接待游客逾3000万人次。", (30_000_000, None, "人次", ">", "count")),
    ("到2025年，新增光伏装机近一百千瓦。", (100, None, "千瓦", "~", "count")),
    ("到2025年，培育三到五家农业产业化龙头企业。", (3, 5, "家", "range", "count")),
    ("到2025年，每年培训农村实用人才1万人次至1.5万人次。", (10_000, 15_000, "人次", "range", "count")),
    ("到2025年，乡镇卫生院达标比例不低于三分之二。", (66.6667, None, "%", ">=", "percentage")),
    # floors with 余 and round numbers without their 一, in Chinese numerals
    ("到2025年，全市建成社区嵌入式养老服务机构百余家。", (100, None, "家", ">", "count")),
    ("到2025年，每年举办农民丰收节系列活动二十余场。", (20, None, "场", ">", "count")),
    ("到2025年，全市高新技术企业突破千家。", (1000, None, "家", ">", "count")),
    ("到2025年，年均培训退役军人近万人次。", (10_000, None, "人次", "~", "count")),
    # halves, slash fractions and multiples in words
    ("到2025年，半数以上的行政村建成村级综合服务站。", (50, None, "%", ">=", "percentage")),
    ("到2025年，全市较大以上道路交通事故起数下降一半。", (50, None, "%", "=", "percentage")),
    ("到2025年，三分之一以上的医疗机构开展互联网诊疗。", (33.3333, None, "%", ">=", "percentage")),
    ("到2025年，1/3以上的中小学建成智慧校园示范校。", (33.3333, None, "%", ">=", "percentage")),
    ("到2025年，农业科技园区数量增长两倍。", (2, None, "倍", "=", "count")),
    # ratios (the second term is the unit, as a denominator is), units per something, weeks, years of schooling
    ("到2025年，全市中小学生师比不高于13.5:1。", (13.5, None, ":1", "<=", "percentage")),
    ("到2025年，二级以上医院床护比不低于1：0.6。", (1, None, ":0.6", ">=", "percentage")),
    ("到2025年，全市生活垃圾焚烧处理能力达到6000吨/日。", (6000, None, "吨/日", ">=", "count")),
    ("到2025年，设施蔬菜种植收益达到2万元/亩。", (20_000, None, "元/亩", ">=", "money")),
    # the per the name opens with is said once, in the name (亩均收益: 元)
    ("到2025年，设施蔬菜亩均收益达到2万元/亩。", (20_000, None, "元", ">=", "money")),
    ("每年组织新任教师岗前培训不少于1周。", (1, None, "周", ">=", "count")),
    ("到2025年，全市劳动年龄人口平均受教育年限达到11.5年。", (11.5, None, "年", ">=", "count")),
    # energy in coal equivalent, per 万元 of output; accidents counted in 起
    ("到2025年，规模以上工业单位增加值能耗降至0.6吨标准煤/万元以下。", (0.6, None, "吨标准煤/万元", "<=", "count")),
    ("到2025年，全市道路交通较大事故控制在5起以内。", (5, None, "起", "<=", "count")),
    # a range of percentages in words; an amount with 万 and no measure word (read, with a review flag)
    ("到2025年，农村集中供水率达到百分之八十五至百分之九十。", (85, 90, "%", "range", "percentage")),
    ("到2025年，全市机动车保有量控制在800万以内。", (8_000_000, None, None, "<=", "count")),
    # 人次 named before the comparator word is the unit of the amount after it, and 人口 names people (人)
    ("到2025年，全市博物馆年参观人次达到200万。", (2_000_000, None, "人次", ">=", "count")),
    ("到2025年，全市户籍人口控制在800万以内。", (8_000_000, None, "人", "<=", "count")),
    # concentrations in symbols, in air and in water; a ratio keeps no "per year"
    ("到2025年，全市细颗粒物年均浓度不高于32μg/m³。", (32, None, "μg/m³", "<=", "count")),
    ("到2025年，农村生活污水处理设施出水总磷浓度不超过1mg/L。", (1, None, "mg/L", "<=", "count")),
    ("到2025年，全市常住人口城镇化率年均提高1.2个百分点/年。", (1.2, None, "个百分点", "=", "percentage")),
    # signs in the text, as in a table cell; a bound with （含） after a comparator word is the level to reach
    ("到2025年，全市农村生活污水治理率≥45%。", (45, None, "%", ">=", "percentage")),
    ("到2025年，重点用能单位能耗强度≤0.5吨标准煤/万元。", (0.5, None, "吨标准煤/万元", "<=", "count")),
    ("到2025年，二级以上医院电子病历应用水平达到4级（含）以上的比例达到90%（含）以上。", (90, None, "%", ">=", "percentage")),
    ("到2025年，职业院校“双师型”教师占比达到60%以上（含60%）。", (60, None, "%", ">=", "percentage")),
    ("到2025年，每个乡镇至少有1名专职文化管理员。", (1, None, "名", ">=", "count")),
    # counts of visits and checks with 次 (was 家 and = : the 次 and the 以上 after it were lost)
    ("全年开展打非治违专项行动，检查企业1500家次以上。", (1500, None, "家次", ">=", "count")),
    ("每年完成农产品质量安全监督抽检800批次。", (800, None, "批次", "=", "count")),
    # the currency named after 元
    ("到2025年，全市实际利用内资达到300亿元人民币。", (30_000_000_000, None, "元", ">=", "money")),
    # seconds, lessons, copies, books (10万份以上 was not read: an unknown word before 以上)
    ("到2025年，120急救电话10秒内接听率达到100%。", (100, None, "%", ">=", "percentage")),  # a time in the name
    ("到2025年，120急救调度平均响应时间不超过60秒。", (60, None, "秒", "<=", "count")),
    ("到2025年，全市中小学每周开设2节劳动教育课。", (2, None, "节", "=", "count")),
    ("每年制作发放防灾减灾宣传手册5万份以上。", (50_000, None, "份", ">=", "count")),
])
def test_the_quantities_plans_write_read_exactly(text, reading):
    assert readings(text) == [reading]


@pytest.mark.parametrize("text", ["到2025年，人口自然增长率控制在千分之三以内。", "到2025年，人口自然增长率控制在仟分之三以内。",
                                  "到2025年，道路交通万车死亡率下降到万分之一点五。"])
def test_a_unit_written_before_the_number_is_not_part_of_the_indicator(text):
    [target] = targets_in_text(text)
    assert target.indicator.endswith("率")


def test_a_thousands_comma_keeps_the_whole_number_in_the_quote():
    [target] = targets_in_text("到2025年，新增城镇就业1,234万人。")
    assert (target.value, target.unit, target.quote) == (12_340_000, "人", "新增城镇就业1,234万人")


def test_a_ratio_keeps_its_colon_in_the_quote_and_reads_no_time_or_scale():
    [target] = targets_in_text("到2025年，全市普通高中师生比达到1:12.5。")
    assert target.quote.endswith("1:12.5")
    assert readings("测绘1:2000比例尺地形图。会议于8:30开始。") == []


def test_the_count_a_rate_is_taken_per_is_no_target():
    assert readings("到2025年，亿元GDP生产安全事故死亡率下降33%，工矿商贸就业人员十万人生产安全事故死亡率下降20%。") == [
        (33, None, "%", "=", "percentage"), (20, None, "%", "=", "percentage")]


def test_the_capacity_of_a_kind_of_power_is_a_level_to_reach():
    assert readings("到2025年，光伏发电装机容量达到300万千瓦，风电装机达到150万千瓦。") == [
        (3_000_000, None, "千瓦", ">=", "count"), (1_500_000, None, "千瓦", ">=", "count")]


def test_incidents_that_make_a_rule_apply_and_a_reward_per_case_are_no_targets():
    assert readings("本年度发生1起以上较大事故的乡镇，取消年度评先资格。") == []
    assert readings("对群众举报的非法采砂行为，每查实1起给予奖励1000元。") == []
    assert readings("到2025年，全市年均发生较大道路交通事故不超过3起。") == [(3, None, "起", "<=", "count")]


def test_a_service_reach_named_by_its_travel_time_is_no_amount():
    [target] = targets_in_text("到2025年，实现城区15分钟、农村30分钟医疗服务圈全覆盖。")
    assert target.kind == "milestone"
    assert readings("到2025年，城市社区基本建成15分钟健身圈。") == []


def test_doubling_is_a_milestone():
    assert [t.kind for t in targets_in_text("到2025年，全市数字经济规模比2020年翻一番。")] == ["milestone"]


def test_a_measure_word_no_lexicon_knows_is_a_candidate_with_a_review_flag():
    [target] = targets_in_text("到2025年，北斗地基增强站达到120座，导航卫星地面站不少于12颗。")[1:]
    assert (target.value, target.unit) == (12, "颗")
    assert target.review and "lexicon" in target.review[0]


def test_competing_readings_are_said():
    # between ASCII digits a full-width comma may part thousands or two numbers; between full-width digit groups it
    # parts thousands, as the typist's full-width comma key writes it (１，２００)
    [target] = targets_in_text("到2025年，考核合格率达到百分之9，999。")
    assert target.review and "comma" in target.review[0]
    [target] = targets_in_text("到2025年，考核合格率达到百分之９，９９９。")
    assert (target.value, target.review) == (9999, [])


def test_figures_listed_after_respectively_are_read_where_their_spaces_are_and_no_figure_is_flagged_for_its_length(tmp_path):
    # three figures after 分别, parted by spaces, are the list 分别 asks for, even when each is shaped as a group of
    # thousands (finance); a six-digit sum in 万元 is how county plans write investment, no figures run together (last
    # read Z6: 6c33581a flagged it by its digits' count)
    sums = extract(write_plan(tmp_path, "某县乡村振兴实施方案（2024—2026年）\n一、主要目标\n三个乡镇分别安排资金 200 300 500 万元。\n")).targets
    assert [(money.value, money.unit, money.review) for money in sums] == [(2000000, "元", []), (3000000, "元", []), (5000000, "元", [])]
    for sentence, value in [("到2026年，全县重点项目完成投资125680万元。", 1256800000), ("到2026年，全县固定资产投资达到356000万元。", 3560000000),
                            ("到2025年，全县安排乡村振兴资金12000万元。", 120000000)]:
        [investment] = targets_in_text(sentence)
        assert (investment.value, investment.review) == (value, [])


def test_digit_groups_a_space_parts_after_respectively_that_may_be_values_of_its_list_are_flagged(tmp_path):
    # Z6's rest: two groups after 分别 are read as one number, as the lead's call on reader W15 has it, but 分别 may ask
    # for two values (agriculture, elderly care); a list's short figure before a group of three may be that group's
    # thousands (forestry); a list of figures of three digits each, or numbers each grouped in thousands, is sure
    def read(line: str) -> list[tuple[float, bool]]:
        plan = write_plan(tmp_path, f"某县乡村振兴实施方案（2024—2026年）\n一、主要目标\n{line}\n")
        return [(target.value, bool(target.review)) for target in extract(plan).targets]
    assert read("到2025年，两个乡镇分别完成造林 12 800 亩。") == [(12800, True)]
    assert read("到2025年，城关镇和河西镇分别新建养老床位 1 200 张。") == [(1200, True)]
    assert read("到2025年，两个林场分别完成造林 800 1 200 亩。") == [(800, False), (1, True), (200, True)]
    assert read("到2025年，三个乡镇分别完成造林 1 200 1 500 1 800 亩。") == [(1200, False), (1500, False), (1800, False)]
    assert read("到2025年，城区和农村学校分别安排资金 1 500 万元、900 万元。") == [(15000000, False), (9000000, False)]


def test_known_readings_carry_no_review_flag():
    assert all(not t.review for t in targets_in_text("到2025年，建成5G基站1.2万个，覆盖率达到95%以上。"))


# --- a user's rules folder extends the lexicons ------------------------------------

USER_LEXICON = """\
extend:
  units:
    - measure: count
      kind: count
      words: [颗]
      examples:
        - {field: space, text: '到2025年，发射遥感卫星不少于12颗。', value: 12, unit: 颗}
        - {field: agriculture, text: '到2025年，建成种质资源库保存种子10万颗。', value: 100000, unit: 颗}
  comparator_words:
    - means: '>='
      before: [力争达到]
      examples:
        - {field: health, text: '到2025年，健康素养水平力争达到35%。', value: 35, unit: '%', comparator: '>='}
        - {field: culture, text: '到2025年，公共图书馆藏书力争达到30万册。', value: 300000, unit: 册, comparator: '>='}
  multipliers:
    - words: {兆: 1000000000000}
      examples:
        - {field: digital economy, text: '到2025年，数字经济规模达到1.2兆元。', value: 1200000000000, unit: 元}
        - {field: trade, text: '到2025年，进出口总额突破3兆元。', value: 3000000000000, unit: 元}
"""


def test_a_user_file_extends_the_unit_and_comparator_lexicons(tmp_path):
    (tmp_path / "mine.yaml").write_text(USER_LEXICON, encoding="utf-8")
    rule_set = load_rule_set(tmp_path)
    [target] = targets_in_text("到2025年，发射遥感卫星不少于12颗。", rule_set=rule_set)
    assert (target.value, target.unit, target.comparator, target.review) == (12, "颗", ">=", [])
    [target] = targets_in_text("到2025年，公共图书馆藏书力争达到30万册。", rule_set=rule_set)
    assert (target.value, target.unit, target.comparator) == (300_000, "册", ">=")
    assert "%" in rule_set.lexicon.entries  # extended, not replaced


def test_a_user_file_extends_the_multiplier_lexicon(tmp_path):
    text = "到2025年，数字经济规模达到1.2兆元，进出口总额突破三兆元，存款余额达到一兆二千亿元，新增风电装机120兆瓦。"
    assert (1_200_000_000_000, "元") not in [(t.value, t.unit) for t in targets_in_text(text)]  # 兆 is no shipped multiplier
    (tmp_path / "mine.yaml").write_text(USER_LEXICON, encoding="utf-8")
    rule_set = load_rule_set(tmp_path)
    assert [(t.value, t.unit) for t in targets_in_text(text, rule_set=rule_set)] == [
        (1_200_000_000_000, "元"), (3_000_000_000_000, "元"),
        (1_200_000_000_000, "元"),  # 兆 closes a group of the Chinese numeral like 万 and 亿
        (120, "兆瓦")]  # 兆瓦 stays a unit
    assert rule_set.lexicon.multipliers["万"] == 10_000  # extended, not replaced


def test_a_list_at_the_top_of_a_user_file_replaces_the_shipped_list(tmp_path):
    """rules/README.md: a lexicon list at the top level of a user's file replaces the shipped one, under extend: it adds."""
    multipliers = USER_LEXICON[USER_LEXICON.index("  multipliers:"):].replace("{兆: 1000000000000}", "{兆: 1000000000000, 万: 10000, 亿: 100000000}")
    replacing, extending = tmp_path / "replacing", tmp_path / "extending"  # two folders: rule sets are kept by folder
    for folder, text in ((replacing, textwrap.dedent(multipliers)), (extending, "extend:\n" + multipliers)):
        folder.mkdir()
        (folder / "mine.yaml").write_text(text, encoding="utf-8")
    assert list(load_rule_set(replacing).lexicon.multipliers) == ["兆", "万", "亿"]  # 百 and 千 are gone
    assert list(load_rule_set(extending).lexicon.multipliers) == ["百", "千", "万", "亿", "兆"]


USER_CHANGES = """\
extend:
  change_words:
    - means: decrease
      words: [收窄]
      examples:
        - {field: incomes, text: '到2025年，城乡居民收入差距收窄1个百分点。', value: 1, unit: 个百分点, change: decrease}
        - {field: finance, text: '到2025年，存贷款利差收窄0.5个百分点。', value: 0.5, unit: 个百分点, change: decrease}
"""


def test_a_user_file_extends_the_change_words(tmp_path):
    text = "到2025年，城乡居民收入差距收窄1个百分点，城镇居民人均可支配收入增长7%。"
    assert [t.change for t in targets_in_text(text)] == [None, "increase"]  # 收窄 is no shipped change word
    (tmp_path / "mine.yaml").write_text(USER_CHANGES, encoding="utf-8")
    assert [t.change for t in targets_in_text(text, rule_set=load_rule_set(tmp_path))] == ["decrease", "increase"]


def test_a_broken_user_lexicon_names_the_file_and_the_key(tmp_path):
    (tmp_path / "mine.yaml").write_text(USER_LEXICON.replace("field: agriculture", "field: space"), encoding="utf-8")
    with pytest.raises(PlanparseError) as error:
        load_rule_set(tmp_path)
    assert "mine.yaml" in str(error.value) and "extend.units.0" in str(error.value) and "two different fields" in str(error.value)


# --- surface forms parse back to the same quantity ---------------------------------

UNITS = ["名", "个", "人次", "%", "元", "美元", "公里", "千瓦", "标箱", "公顷", "个百分点", "课时"]
COMPARATORS_BEFORE = {"": "=", "不少于": ">=", "超过": ">", "不超过": "<=", "低于": "<", "约": "~", "逾": ">", "不足": "<"}
COMPARATORS_AFTER = {"": None, "以上": ">=", "以下": "<=", "左右": "~", "以内": "<="}


@lru_cache(maxsize=1)
def _to_traditional():
    from opencc import OpenCC

    return OpenCC("s2t")


def _written(number: Decimal, multiplier: str, chinese: bool) -> str:
    return (cn2an.an2cn(str(number)) if chinese else str(number)) + multiplier


@settings(max_examples=150, deadline=None)
@given(number=st.integers(min_value=2, max_value=9900), multiplier=st.sampled_from(["", "万", "亿"]),
       chinese=st.booleans(), unit=st.sampled_from(UNITS), before=st.sampled_from(sorted(COMPARATORS_BEFORE)),
       after=st.sampled_from(sorted(COMPARATORS_AFTER)), high=st.one_of(st.none(), st.integers(min_value=1, max_value=99)),
       traditional=st.booleans(), tenths=st.integers(min_value=0, max_value=9), unit_first=st.booleans(),
       minus=st.sampled_from(["", "-", "负"]))
def test_a_quantity_in_any_surface_form_parses_back(number, multiplier, chinese, unit, before, after, high, traditional,
                                                    tenths, unit_first, minus):
    scale = {"": 1, "万": 10_000, "亿": 100_000_000}[multiplier]
    if tenths:  # 12.5, 十二点五, 1.5万, 一点五万
        number = Decimal(f"{number}.{tenths}")
    if high is not None:  # a range: 1万至1.5万, comparators do not apply
        before, after, minus = "", "", ""
        amount = f"{_written(number, multiplier, chinese)}至{_written(number + high, multiplier, chinese)}"
    else:
        amount = _written(number, multiplier, chinese)
    if unit not in ("%", "个百分点") or chinese:
        minus = ""  # a fall written as a negative share: -3.9%, 负3.9%
    amount = minus + amount
    if unit == "%" and unit_first and high is None and not multiplier:  # 百分之十五, 百分之15
        amount, unit_written = "百分之" + amount, ""
    else:
        unit_written = unit
    verb = "" if before else "达到" if chinese and not after else "新增"
    text = f"到2025年，全市相关指标{verb}{before}{amount}{unit_written}{after}。"
    if traditional:
        text = _to_traditional().convert(text)
    comparator = "range" if high is not None else COMPARATORS_AFTER[after] or COMPARATORS_BEFORE[before]
    if verb == "达到" and comparator == "=":
        comparator = ">="
    value = float((-number if minus else number) * scale)
    value_max = None if high is None else float((number + high) * scale)
    found = [(t.value, t.value_max, t.unit, t.comparator) for t in targets_in_text(text)]
    assert (value, value_max, unit, comparator) in found, (text, found)
