"""Folding for reading: traditional and compatibility characters read as their simplified forms, and traditional and
Taiwan's words as the mainland's, with where each folded offset falls in the text as written, so quotes keep that text."""
from __future__ import annotations

from functools import lru_cache

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from conftest import ROOT, gold_text_path, write_plan

from planparse.models import COMMITMENT_FIELDS, Written
from planparse.folding import Folded, _any_of, _fold_table, _taiwan_evidence, fold, fold_each, fold_texts, folded, lines_folded, regional_words, taiwan_wording
from planparse.pipeline import extract


@lru_cache(maxsize=1)
def _to_traditional():
    from opencc import OpenCC  # the package whose data the fold reads

    return OpenCC("s2t")


def traditional_twin(text: str) -> str:
    """``text`` in traditional characters, with OpenCC's own phrase-aware conversion."""
    return _to_traditional().convert(text)


def _read(targets, taiwan: bool | None = None) -> list[tuple]:
    """Targets as read, their quotes folded (``taiwan``: whether in the wording of Taiwan, as their document is)."""
    return [(target.line, target.rule, fold(target.quote, taiwan), *(getattr(target, name) for name in COMMITMENT_FIELDS))
            for target in targets]


def test_a_traditional_twin_of_a_gold_text_gives_the_same_targets(gold_doc, tmp_path):
    text = gold_text_path(gold_doc).read_text(encoding="utf-8")
    twin = traditional_twin(text)
    assert twin != text and len(twin) == len(text)
    original, traditional = extract(gold_text_path(gold_doc)), extract(write_plan(tmp_path, twin))
    assert original.targets
    assert _read(traditional.targets) == _read(original.targets)


def test_quotes_keep_the_traditional_text_as_written(tmp_path):
    plan = write_plan(tmp_path, "一、主要目標\n到2025年，全市建成5G基站1.2萬個，醫療機構覆蓋率達到95%以上。\n")
    targets = extract(plan).targets
    assert [(t.quote, t.value, t.unit, t.comparator) for t in targets] == [
        ("全市建成5G基站1.2萬個", 12000, "个", "="), ("醫療機構覆蓋率達到95%以上", 95, "%", ">=")]


def test_compatibility_characters_fold_one_for_one():
    # Kangxi radicals (⼀, ⼗) as some PDF converters write them, full-width digits and ％
    text = "培训⼀⼗名教师，达到９５．５％。①②"
    assert fold(text) == "培训一十名教师，达到95.5%。①②"
    assert len(fold(text)) == len(text)


def test_a_rate_typed_with_a_full_width_slash_keeps_its_unit(tmp_path):
    # a copy typed in full-width signs (transport, health): the unit ended at the ／ (公里, 张), its rate lost
    plan = write_plan(tmp_path, "一、主要目标\n到2025年，中心城区公交平均运营速度不低于２０公里／小时，"
                                "医疗卫生机构床位数达到６．５张／千人。\n")
    assert [(t.value, t.unit, t.indicator, t.quote) for t in extract(plan).targets] == [
        (20, "公里/小时", "中心城区公交平均运营速度", "中心城区公交平均运营速度不低于２０公里／小时"),
        (6.5, "张/千人", "医疗卫生机构床位数", "医疗卫生机构床位数达到６．５张／千人")]


def test_a_per_typed_full_width_after_a_name_that_opens_with_it_is_said_once(tmp_path):
    # 每千人口…床位数 and ／千人 say one per twice (health, greening): the name keeps it, the unit drops it, as the
    # half-width spelling reads
    plan = write_plan(tmp_path, "一、主要目标\n到2025年，每千人口医疗卫生机构床位数达到６．５张／千人，"
                                "城市人均公园绿地面积达到１５平方米／人。\n")
    assert [(t.value, t.unit, t.indicator) for t in extract(plan).targets] == [
        (6.5, "张", "每千人口医疗卫生机构床位数"), (15, "平方米", "城市人均公园绿地面积")]


def test_a_taiwan_copy_of_a_plan_under_its_red_header_gives_the_plan_s_title(tmp_path):
    # s2twp writes 文件 as 檔案: the header 湛江市人民政府辦公室檔案 over the notice was no header, and ran into the
    # plan's title (湛江市人民政府办公室档案湛江市全民科学素质…)
    from opencc import OpenCC
    from conftest import SAMPLES

    plan = extract(SAMPLES / "zhanjiang-2016.txt")
    copy = extract(write_plan(tmp_path, OpenCC("s2twp").convert((SAMPLES / "zhanjiang-2016.txt").read_text(encoding="utf-8"))))
    assert (fold(copy.metadata.title, True), copy.metadata.doc_number) == (plan.metadata.title, plan.metadata.doc_number)


def test_full_width_punctuation_is_not_folded():
    assert fold("（一）目标：达到，；") == "（一）目标：达到，；"


def test_a_character_folds_alone_as_it_does_beside_others():
    # fold leaves a text whole when its pre-filter finds no character that folds; a character beyond
    # the Basic Multilingual Plane always passes that filter, so the text beside it is translated
    characters = [chr(code) for code in range(0x10000) if not 0xD800 <= code < 0xE000]
    assert [char for char in characters if fold(char) != fold(char + "\U00020000")[0]] == []
    assert fold("萬") == "万" and fold("⼗") == "十"


REGIONAL_WORDS = yaml.safe_load((ROOT / "rules" / "regional_words.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("example", REGIONAL_WORDS["examples"], ids=[e["fold"][:8] for e in REGIONAL_WORDS["examples"]])
def test_traditional_words_fold_to_their_simplified_words(example):
    assert fold(example["text"]) == example["fold"]


def test_each_offset_of_a_text_whose_words_fold_to_other_lengths_falls_where_it_is_written():
    text = "推動網際網路醫療，產業結構最佳化，智慧財產權保護"
    reading = folded(text, taiwan=True)
    assert reading.text == "推动互联网医疗，产业结构优化，知识产权保护"
    written = Written(text, reading.written_at)
    cut = {word: written.cut(reading.text.index(word), reading.text.index(word) + len(word))
           for word in ["互联网医疗", "产业结构优化", "优化，", "知识产权保护"]}
    assert cut == {"互联网医疗": "網際網路醫療", "产业结构优化": "產業結構最佳化", "优化，": "最佳化，", "知识产权保护": "智慧財產權保護"}
    assert written.part(2, 7).cut(0, 3) == "網際網路"
    assert fold(text, taiwan=True, one_for_one=True) == "推动网际网路医疗，产业结构最佳化，智慧财产权保护"


# Pieces of Taiwan-worded text: words folded to words of another length or inside one, senses, and plain characters
_PIECES = ["網際網路", "最佳化", "最最佳化", "智慧財產權", "智慧財產", "雲端計算", "使用者", "網路", "資訊", "軟體", "硬體",
           "專案", "傳送至", "，", "。", "推動", "5", "達到", "\u3000"]


@settings(max_examples=200)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.booleans(), st.data())
def test_every_cut_of_a_folded_text_is_the_text_written_there(pieces: list[str], taiwan: bool, data: st.DataObject) -> None:
    """Offsets run forwards from the text's start to its end, and a cut of the folded text between two of its
    offsets is the text as written between their places, cut from the whole or from a part: cuts end to end make it."""
    text = "".join(pieces)
    reading = folded(text, taiwan)
    written = Written(text, reading.written_at)
    places = sorted(data.draw(st.lists(st.integers(0, len(reading.text)), max_size=4)) + [0, len(reading.text)])
    cuts = [written.cut(start, end) for start, end in zip(places, places[1:])]
    assert "".join(cuts) == text
    assert [written.part(start, end).cut(0, end - start) for start, end in zip(places, places[1:])] == cuts


# Lines of a plan: most with nothing to fold, some with a full-width digit, a traditional character or word, an ASCII mark
# read as full-width or kept (1.5, 1,200), a line end inside (a cell's text), a character beyond the BMP
_LINES = ["加强科学教育", "到2025年，全市达到10%", "建成１０个", "推動網際網路發展", "達到1.5萬人,全年", "责任单位:市教育局",
          "第一行\n第二行", "", "\U00020000字", "資訊專案", "1,200"]


@settings(max_examples=200)
@given(st.lists(st.sampled_from(_LINES), max_size=8), st.sampled_from([None, False, True]), st.booleans())
def test_lines_fold_together_as_each_folds_alone(lines: list[str], taiwan: bool | None, one_for_one: bool) -> None:
    """Only the lines holding a character the fold may change are folded: each line reads as it does folded alone."""
    wording = taiwan_wording(lines) if taiwan is None else taiwan
    each = [folded(line, wording, one_for_one) for line in lines]
    changed = lines_folded(lines, taiwan, one_for_one)
    assert all(changed[index] == each[index] for index in changed)
    assert all(each[index] == Folded(line) for index, line in enumerate(lines) if index not in changed)
    assert fold_texts(lines, taiwan, one_for_one) == [reading.text for reading in each]
    assert fold_each(lines) == [fold(line) for line in lines]


def test_simplified_text_keeps_its_own_words_when_it_has_characters_to_fold():
    # full-width digits and a radical (⻅) are folded; 影片 and 程式 are words of simplified text too
    assert fold("制作宣传影片２部，规范程式化意⻅") == "制作宣传影片2部，规范程式化意见"


def test_a_plan_in_taiwan_wording_gives_the_targets_of_its_mainland_twin(tmp_path):
    """OpenCC's s2twp writes 信息 as 資訊, 项目 as 專案, 软件 as 軟體, 网络 as 網路 (education, e-government)."""
    mainland = ("某县教育信息化实施方案\\n一、工作目标\\n到2025年，中小学校网络覆盖率达到100%，建成数字校园项目50个，"
                "教育管理信息系统软件使用率达到95%以上。\\n二、政务服务\\n推进政务信息系统整合，新建软件和信息技术服务项目30个，"
                "网络安全等级保护覆盖率达到100%。\\n")
    original, twin = _plan_and_taiwan_twin(tmp_path, mainland, ["資訊", "專案", "網路"])
    assert len(original.targets) == 5
    assert _read(twin.targets, taiwan=True) == _read(original.targets)


# Plans whose copies in Taiwan's forms write words of other lengths (互联网 網際網路, 优化 最佳化, 知识产权 智慧財產權, 云计算
# 雲端計算, 代码 程式碼), by field: read as the mainland's words, quoted as written
MAINLAND_PLANS_OF_RESIZED_WORDS = {
    "digital-economy": "某市数字经济发展实施方案\n一、主要目标\n到2025年，互联网普及率达到90%，云计算中心机架数达到2000个，"
                       "开源代码托管平台入驻项目不少于300个。\n二、重点任务\n持续优化网络布局，新建互联网数据中心3个。\n",
    "intellectual-property": "某县知识产权强县建设方案\n一、工作目标\n到2025年，知识产权质押融资额达到5亿元，每万人高价值发明专利拥有量"
                             "达到8件。\n二、营商环境\n持续优化营商环境，知识产权纠纷调解成功率达到85%以上。\n",
}


@pytest.mark.parametrize("joiner", ["\n", ""], ids=["lined", "flat"])
@pytest.mark.parametrize("mainland", MAINLAND_PLANS_OF_RESIZED_WORDS.values(), ids=MAINLAND_PLANS_OF_RESIZED_WORDS.keys())
def test_a_taiwan_copys_words_of_other_lengths_are_read_as_the_mainlands_and_quoted_as_written(tmp_path, mainland, joiner):
    original, twin = _plan_and_taiwan_twin(tmp_path, mainland.replace("\n", joiner), ["最佳化"])
    copy = (tmp_path / "taiwan" / "plan.txt").read_text(encoding="utf-8")
    assert len(original.targets) >= 3
    assert [(t.indicator, t.value, t.unit, t.line) for t in twin.targets] == [(t.indicator, t.value, t.unit, t.line) for t in original.targets]
    assert all(target.quote in copy and target.text in copy for target in twin.targets)
    assert [fold(t.quote, True) for t in twin.targets] == [t.quote for t in original.targets]


# Plans whose Taiwan copies, hard-wrapped as a PDF's text is, have their words cut by the wrap (智慧財 / 產權, 資訊 / 科技,
# 網際 / 網路, 使用 / 者) at one width or another, by field
DIGITAL_ECONOMY = ("某市数字经济发展三年行动方案\n一、主要目标\n到2025年，全市数字经济核心产业增加值占地区生产总值比重达到10%，"
                   "互联网普及率达到90%，云计算中心机架数达到2000个，规模以上工业企业关键工序数控化率达到65%，持续优化营商环境，"
                   "软件和信息技术服务业营业收入达到200亿元。\n二、重点任务\n持续优化网络布局，新建互联网数据中心3个，推动工业"
                   "互联网平台应用企业达到1500家，知识产权质押融资额达到5亿元。\n")
SMART_ELDERLY_CARE = ("某县智慧养老服务提升行动方案\n一、工作目标\n到2025年，养老服务信息平台注册用户达到5万人，互联网+养老服务覆盖"
                      "所有乡镇，居家养老服务对象信息建档率达到100%，优化养老服务流程，智能终端配备率达到80%，培训信息技术人员200名。"
                      "\n二、保障措施\n县财政每年安排资金300万元，用于平台建设和用户服务。\n")


@pytest.mark.parametrize("mainland", [DIGITAL_ECONOMY, SMART_ELDERLY_CARE], ids=["digital-economy", "elderly-care"])
def test_a_hard_wrapped_taiwan_copy_reads_a_word_its_wrap_cuts_as_one(tmp_path, mainland):
    from opencc import OpenCC

    original = [(t.indicator, t.value, t.unit) for t in extract(write_plan(tmp_path, mainland)).targets]
    copy = OpenCC("s2twp").convert(mainland).splitlines()
    for width in range(18, 27):
        lines = [line[start:start + width] for line in copy for start in range(0, len(line), width)]
        wrapped = extract(write_plan(tmp_path, "\n".join(lines) + "\n")).targets
        assert [(t.indicator, t.value, t.unit) for t in wrapped] == original, width
        assert all(target.quote in "".join(lines) for target in wrapped)


# Mainland plans whose copies in Taiwan's forms write none of Taiwan's own words (finding 9), by field: what s2twp writes
MAINLAND_PLANS_IN_SENSES = {
    "elderly-care": "某区养老服务和社区卫生实施方案\n一、工作目标\n到2025年，社区养老服务站覆盖率达到100%，建成社区老年助餐点"
                    "30个，社区卫生服务中心信息系统覆盖率达到95%以上。\n二、重点任务\n支持社会力量建设养老项目10个，二级及以上"
                    "综合医院设置老年医学科的比例达到60%。\n",  # 社群, 支援, 資訊, 專案, 設定
    "education": "某县教育装备提升行动方案\n一、主要目标\n到2026年，中小学校园网络覆盖率达到100%，实施教育装备项目12个，"
                 "通过验收的智慧教室达到200间，面向帮扶对象开展培训不少于20场。\n",  # 網路, 專案, 透過, 物件
    # finding 3: 信息, 网络 and 发布 (資訊, 網路, 釋出); 分辨率 is Taiwan's own 解析度
    "meteorology": "某县气象监测预警能力提升方案\n一、主要目标\n到2026年，暴雨预警信息提前发布时间达到45分钟以上，雷达探测空间"
                   "分辨率提升至250米，实施气象监测项目8个，乡镇气象信息服务站覆盖率达到100%。\n",  # 資訊, 釋出, 解析度, 專案
    "ecology": "某市生态环境监测能力建设方案\n一、工作目标\n到2025年，空气质量监测信息发布及时率达到100%，卫星遥感监测影像"
               "分辨率优于2米，建成水质自动监测网络站点15个，完成监测能力建设项目6个。\n",  # 資訊, 釋出, 網路, 解析度, 專案
}


@pytest.mark.parametrize("mainland", MAINLAND_PLANS_IN_SENSES.values(), ids=MAINLAND_PLANS_IN_SENSES.keys())
def test_a_mainland_plan_in_taiwan_forms_without_taiwans_own_words_gives_the_targets_of_its_twin(tmp_path, mainland):
    """s2twp writes a plan's 社区, 支持, 信息, 项目, 设置, 网络, 通过 in Taiwan's senses, and may write none of Taiwan's own
    words (軟體, 計畫): the senses, written where the mainland's words never are, tell the wording."""
    original, twin = _plan_and_taiwan_twin(tmp_path, mainland, ["專案"])
    assert len(original.targets) >= 4
    assert [(t.indicator, t.value, t.unit) for t in twin.targets] == [(t.indicator, t.value, t.unit) for t in original.targets]


# Plans of data (e-government, health) whose Taiwan copies write 数据 and 资料 alike as 資料 (finding 4), and 联系人 as 聯絡人
MAINLAND_PLANS_OF_DATA = {
    "e-government": "某市数字政府建设工作要点\n一、工作目标\n到2026年，政务数据共享需求满足率达到95%，公共数据开放数据集不少于800个，"
                    "建成政务软件服务项目20个。\n二、数据资源\n全年汇聚数据20亿条，编印宣传资料5000份。联系人：张三\n",
    "health": "某县全民健康信息化实施方案\n一、主要目标\n到2025年，建成县级健康医疗大数据中心1个，医疗机构数据质量达标率达到100%，"
              "远程会诊软件覆盖率达到100%。\n二、统计数据\n每季度发布统计数据1次，整理病案资料3万份。\n",
}


@pytest.mark.parametrize("mainland", MAINLAND_PLANS_OF_DATA.values(), ids=MAINLAND_PLANS_OF_DATA.keys())
def test_a_taiwan_copy_reads_data_as_data_and_other_material_as_material(tmp_path, mainland):
    original, twin = _plan_and_taiwan_twin(tmp_path, mainland, ["資料"])
    assert len(original.targets) >= 4
    assert [(t.indicator, t.value, t.unit) for t in twin.targets] == [(t.indicator, t.value, t.unit) for t in original.targets]
    titles = [fold(section.title, True) for section in twin.sections]
    assert titles == [section.title for section in original.sections]


def _plan_and_taiwan_twin(folder, mainland: str, written: list[str]):
    """The plan ``mainland`` extracted, and its copy in Taiwan's forms (OpenCC's s2twp), which writes ``written``."""
    from opencc import OpenCC

    taiwan = OpenCC("s2twp").convert(mainland)
    assert all(word in taiwan for word in written)
    (folder / "mainland").mkdir()
    (folder / "taiwan").mkdir()
    return extract(write_plan(folder / "mainland", mainland)), extract(write_plan(folder / "taiwan", taiwan))


# Plans with a task table attached after their last section (附件：…分工表), by field: the table's tasks stand under no
# heading of the plan, in a traditional copy as in the plan (its header row 序號 is found among the paragraphs as written)
PLANS_WITH_ATTACHED_TABLES = {
    "water-supply": "某县农村供水保障三年行动方案\n一、工作目标\n到2026年，农村自来水普及率达到98%。\n二、保障措施\n（一）强化考核督导\n"
                    "县水利局每季度通报一次进度。\n附件：某县农村供水保障重点任务分工表\n序号\t重点任务\t牵头单位\t完成时限\n"
                    "1\t新建改造农村供水管网120公里\t县水利局\t2025年底\n2\t建设规模化供水工程8处\t县水利局\t2026年底\n",
    "elderly-care": "某区养老服务提升行动方案\n一、主要目标\n到2025年，街道综合养老服务中心覆盖率达到100%。\n二、组织实施\n"
                    "（一）加强督促检查\n区民政局每半年开展一次检查。\n附件：某区养老服务重点任务清单\n序号\t重点任务\t责任单位\t完成时限\n"
                    "1\t新增养老床位300张\t区民政局\t2024年底\n2\t建设老年助餐点20个\t区民政局、各街道\t2025年底\n",
}


@pytest.mark.parametrize("mainland", PLANS_WITH_ATTACHED_TABLES.values(), ids=PLANS_WITH_ATTACHED_TABLES.keys())
def test_a_traditional_copys_attached_task_table_stands_under_no_heading_as_in_the_plan(tmp_path, mainland):
    original, twin = _plan_and_taiwan_twin(tmp_path, mainland, ["序號"])
    placed = [(t.value, t.unit, t.section, t.headings) for t in original.targets]
    assert [(t.value, t.unit, t.section, t.headings) for t in twin.targets] == placed
    assert placed[-1][2:] == (None, [])


SENSES = ROOT / "tests" / "data" / "senses"


@pytest.mark.parametrize("plan", ["veterans-services", "flood-control"])
def test_a_long_copy_writing_two_of_taiwans_senses_and_none_of_the_mainlands_words_is_read_in_taiwans_wording(tmp_path, plan):
    original, twin = _plan_and_taiwan_twin(tmp_path, (SENSES / f"{plan}.txt").read_text(encoding="utf-8"), [])
    assert len(original.targets) >= 10
    assert [(t.indicator, t.value, t.unit) for t in twin.targets] == [(t.indicator, t.value, t.unit) for t in original.targets]
    assert [fold(section.title, True) for section in twin.sections] == [section.title for section in original.sections]


UNSEEN = ROOT / "tests" / "data" / "unseen"


@pytest.mark.parametrize("plan, sense", [("jiangning-jiaoyu-gongzuo-yaodian-2024", "寬頻"), ("liuxi-gonggong-wenhua-2024", "社群"),
                                         ("qingtang-gaobiaozhun-nongtian-2023", "專案"), ("yunling-liangshi-anquan-guihua-2021", "整合推廣")],
                         ids=["education", "culture", "farmland", "grain"])
def test_a_long_copy_writing_one_of_taiwans_senses_and_none_of_the_mainlands_words_is_read_in_taiwans_wording(tmp_path, plan, sense):
    """An s2twp copy that writes one sense alone (千兆寬頻, 村（社群）, 專案工程; 透過 beside 整合推廣, 集成推广 by its
    neighbour) names what its plan names; the plan's copies in other traditional forms keep the mainland's words."""
    from opencc import OpenCC

    original, twin = _plan_and_taiwan_twin(tmp_path, (UNSEEN / f"{plan}.txt").read_text(encoding="utf-8"), [sense])
    assert [(t.indicator, t.value, t.unit) for t in twin.targets] == [(t.indicator, t.value, t.unit) for t in original.targets]
    for form in ["s2t", "s2hk", "s2tw"]:
        assert not taiwan_wording(OpenCC(form).convert((UNSEEN / f"{plan}.txt").read_text(encoding="utf-8")).splitlines())


@pytest.mark.parametrize("plan, sense", [("pollution-control", "排程"), ("fitness", "社群")], ids=["pollution-control", "fitness"])
def test_a_short_copy_writing_one_of_taiwans_senses_and_none_of_the_mainlands_words_is_read_in_taiwans_wording(tmp_path, plan, sense):
    """A plan of a page (under 500 characters) writes few words of either wording: its s2twp copy's one sense (每周2次排程
    工作進展, 社群十五分鐘健身圈) names what its plan names."""
    original, twin = _plan_and_taiwan_twin(tmp_path, (SENSES / f"{plan}.txt").read_text(encoding="utf-8"), [sense])
    assert len(original.targets) >= 10
    assert [(t.indicator, t.value, t.unit) for t in twin.targets] == [(t.indicator, t.value, t.unit) for t in original.targets]


@pytest.mark.parametrize("plan", ["veterans-services", "flood-control"])
@pytest.mark.parametrize("form", ["s2t", "s2hk", "s2tw"])
def test_a_long_mainland_plan_in_traditional_forms_keeps_the_mainlands_words(plan, form):
    from opencc import OpenCC

    copy = OpenCC(form).convert((SENSES / f"{plan}.txt").read_text(encoding="utf-8"))
    assert not taiwan_wording(copy.splitlines())


def _taiwan_words() -> list[list[str]]:
    return [list(regional_words()["taiwan_words"]), list(_taiwan_evidence().sense_of)]


def _plain(words: list[str]) -> list[str]:
    table, _ = _fold_table()
    return [word for word in words if word.translate(table) == word]


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_taiwans_words_are_found_as_the_pattern_of_them_all_finds_them(data):
    # a text with none of the words' traditional characters is searched for the words written without one only
    # (人工智慧, 社群, 分散式): the same words, in a text of those words or of all, beside simplified characters
    for words, finder in zip(_taiwan_words(), [_taiwan_evidence().own_words, _taiwan_evidence().senses]):
        pieces = data.draw(st.lists(st.sampled_from([*data.draw(st.sampled_from([words, _plain(words)])), *"人工智能社会群体分散式，。"]),
                                    max_size=12))
        text = "".join(pieces)
        traditional = _taiwan_evidence().traditional.search(text) is not None  # as _taiwan_worded tells it
        assert finder.findall(text, traditional) == _any_of(words).findall(text)


def test_a_number_typed_in_full_width_digits_keeps_its_thousands(tmp_path):
    # a copy typed in full-width signs (employment, tourism): the full-width comma between digit groups cut the number,
    # and the target read its last group only (２００人, ３４５万元)
    plan = write_plan(tmp_path, "一、主要目标\n到2025年，全市新增城镇就业１，２００人，旅游总收入达到１２，３４５万元。\n")
    assert [(t.value, t.unit, t.quote) for t in extract(plan).targets] == [
        (1200, "人", "全市新增城镇就业１，２００人"), (123450000, "元", "旅游总收入达到１２，３４５万元")]


def test_a_full_width_comma_parts_thousands_only_between_full_width_digit_groups():
    # two numbers listed (３，４５), a group of four after it (２，３４５６), ASCII digits (1，200: either reading) keep it
    text = "就业１，２００人；３，４５；２，３４５６；1，200"
    assert fold(text) == "就业1,200人；3，45；2，3456；1，200"
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize("typed, read", [
    # digital economy, environment: a plan typed with an English keyboard's marks parts its clauses where the writer did
    ("到2025年,全市数字经济核心产业增加值占GDP比重达到10%.培育企业50家;", "到2025年，全市数字经济核心产业增加值占GDP比重达到10%。培育企业50家；"),
    ("（牵头单位:区规划局;配合单位:区交通与建设局）", "（牵头单位：区规划局；配合单位：区交通与建设局）"),
    ("实施阶段(2014年6月至2015年5月).计划全区12个行政村", "实施阶段(2014年6月至2015年5月)。计划全区12个行政村"),
    ("严厉查处违法犯罪活动.(区公安局)", "严厉查处违法犯罪活动。(区公安局)"),  # a note in ASCII brackets after the sentence
    # numbers, times, markers and addresses keep their marks: 1,200 人, 8:30, 1.5, 一.总体要求, www.gov.cn
    ("新增就业1,200人,每天8:30开放,达到1.5万人.", "新增就业1,200人，每天8:30开放，达到1.5万人。"),
    ("一.总体要求", "一.总体要求"), ("(一).基本原则", "(一).基本原则"), ("（1）.加强医疗卫生服务", "（1）.加强医疗卫生服务"),
    ("详见www.gov.cn.", "详见www.gov.cn."), ("VR, AR and 5G", "VR, AR and 5G"),
    # elderly care, transport: a word ending in a numeral character ends its sentence; a marker of numerals or 第 keeps it
    ("(一)推进服务标准统一.全市养老机构", "(一)推进服务标准统一。全市养老机构"), ("实现票制统一.到2025年", "实现票制统一。到2025年"),
    ("是重点任务之一.加快", "是重点任务之一。加快"),
    # science literacy, talent: a stop before a number ends its sentence as one before a word does
    ("(一)启动实施.2021年,制定方案", "(一)启动实施。2021年，制定方案"), ("项目.5年内引进200名专家", "项目。5年内引进200名专家"), ("十一.保障措施", "十一.保障措施"), ("第二.工作目标", "第二.工作目标"),
    # transport, elderly care: a numeral after a word that does not end in one opens a heading whose line break was lost
    # (a title, a heading with no body before the next); a word ending in a numeral ends its sentence
    ("某县农村公路建设实施方案一.工作目标", "某县农村公路建设实施方案一.工作目标"), ("二.重点任务三.保障措施", "二.重点任务三.保障措施"),
    ("实现养老床位缺口动态清零.到2025年", "实现养老床位缺口动态清零。到2025年"), ("覆盖率达到百分之百.加强", "覆盖率达到百分之百。加强"),
    # major projects, elderly care: a stop before a dash's item ends its sentence (a crawled page's ——在建一批…245亿元. ——开工…)
    ("完成投资约245亿元.——开工一批重大项目25项", "完成投资约245亿元。——开工一批重大项目25项"),
    ("建成农村幸福院30所. ——新建社区养老服务中心12个", "建成农村幸福院30所。 ——新建社区养老服务中心12个"),
])
def test_ascii_marks_of_a_chinese_sentence_read_as_full_width_marks(typed, read):
    assert fold(typed) == read
    assert len(fold(typed)) == len(typed)


def test_a_big5_copy_in_taiwans_standard_forms_reads_its_zhe_as_the_mainlands(tmp_path):
    """Last stop's in item 2 (water supply, education, government services): Taiwan's standard writes 着 as 著 (OpenCC's
    s2tw, as a Big5 copy has it), which the fold kept, 著 being simplified too: a hedged 着力消除 became a milestone
    (著力消除農村供水…) and titles read 著力简政放权, 著力保障 (a heading with no other traditional character). 显著 stays."""
    from opencc import OpenCC

    plan = "\n".join(["某县民生实事三年行动方案（2024—2026年）", "为办好民生实事，结合我县实际，制定本方案。", "一、重点任务",
                      "（一）着力简政放权", "到2026年，政务服务事项网上可办率达到95%以上，群众满意度显著提高。",
                      "（二）着力保障", "到2026年，着力消除农村供水安全隐患。", "（三）着眼教育均衡",
                      "到2026年，着力消除义务教育大班额，本着就近原则新建小学3所。", "到2026年，全面消除城区黑臭水体。"])
    (tmp_path / "mainland.txt").write_text(plan, encoding="utf-8")
    (tmp_path / "big5.txt").write_bytes(OpenCC("s2tw").convert(plan).encode("cp950"))
    mainland, big5 = (extract(tmp_path / name) for name in ("mainland.txt", "big5.txt"))
    assert [fold(section.title) for section in big5.sections[0].children] == [
        section.title for section in mainland.sections[0].children] == ["着力简政放权", "着力保障", "着眼教育均衡"]
    assert [(target.kind, target.value, fold(target.quote)) for target in big5.targets] == [
        (target.kind, target.value, target.quote) for target in mainland.targets] == [
        ("percentage", 95, "政务服务事项网上可办率达到95%以上"), ("count", 3, "本着就近原则新建小学3所"), ("milestone", None, "全面消除城区黑臭水体")]
