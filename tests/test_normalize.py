"""Normalisation: wrapped lines rejoined, artefacts of PDF and Word text removed."""
from __future__ import annotations

import time

from conftest import DATA, SAMPLES

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from planparse.models import SourceLine
from planparse.folding import fold
from planparse.linebreaks import restore_line_breaks
from planparse.normalize import clean_line, clean_lines, is_contents_entry, normalize, without_glued_page_marks
from planparse.pipeline import prepare
from planparse.readers import read_document


def paragraphs_of(*lines: str) -> list[str]:
    return [p.text for p in normalize([SourceLine(text=t, line=i) for i, t in enumerate(lines, 1)])]


def test_page_break_inside_a_sentence_is_rejoined():
    texts = [p.text for p in normalize(read_document(SAMPLES / "jieyang-2022.txt").lines)]
    assert any("弘扬科学精神和科学家精神" in text for text in texts)
    assert not any(text.endswith("弘扬科") for text in texts)


def test_hard_wrapped_pdf_text_becomes_whole_paragraphs():
    texts = [p.text for p in normalize(read_document(SAMPLES / "zhanjiang-2016.txt").lines)]
    assert "《湛江市全民科学素质行动计划纲要实施方案(2016—2020年)》已经市人民政府同意，现印发给你们，请认真贯彻实施。" in texts
    assert "一、背景和意义" in texts
    assert not any(text == "13" for text in texts)  # a page number between two lines of a sentence


def test_headings_and_bullets_are_never_glued_to_the_line_before():
    assert paragraphs_of("（一）指导思想", "以习近平新时代中国特色社会主义思想为指导，", "——坚持科学精神。") == [
        "（一）指导思想", "以习近平新时代中国特色社会主义思想为指导，", "——坚持科学精神。",
    ]


def restored_paragraphs(*lines: str) -> list[str]:
    return [p.text for p in normalize(restore_line_breaks([SourceLine(text=t, line=i) for i, t in enumerate(lines, 1)]))]


def test_a_page_number_glued_inside_a_sentence_of_a_flat_copy_is_dropped():
    # a PDF's text with its line breaks lost keeps the pages' footers inside sentences: petitions (the footer parted
    # 2小时 from 内) and elderly care (it cut a number from its measure word), of one dash a side to a few (a
    # telecoms and a health footer); a range with no spaces inside stays
    assert restored_paragraphs("某县信访和养老服务工作方案一、工作目标对群众反映的紧急诉求，接报后2小时- 1 -内响应。二、工作措施"
                               "年内新建村级养老服务站30— 3 —个，护理型床位占比达到55%。三、保障措施每村配备1—2—3名网格员。"
                               "四、进度安排年底前建成5G基站300---- 4 ----个，改造村卫生室45———— 5 ————所。")[2::2] == [
        "对群众反映的紧急诉求，接报后2小时内响应。", "年内新建村级养老服务站30个，护理型床位占比达到55%。", "每村配备1—2—3名网格员。",
        "年底前建成5G基站300个，改造村卫生室45所。"]


def test_a_footer_counting_the_pages_glued_inside_a_flat_copy_is_dropped():
    # 第 N 页 共 M 页, spaced or not, with a comma or a slash: a waste plan (the footer before a heading was read into its
    # title) and a school plan (it parted a count from its measure word); a page the text names (见第3页) stays
    assert restored_paragraphs("某市无废城市建设实施方案一、工作目标新增综合利用能力50万吨/年。第 1 页 共 3 页二、保障措施"
                               "新建学校食堂12第2页/共5页所，详见附件第3页。三、工作要求全县中小学第 3 页，共 5 页共计126所。")[2::2] == [
        "新增综合利用能力50万吨/年。", "新建学校食堂12所，详见附件第3页。", "全县中小学共计126所。"]


@pytest.mark.parametrize(("line", "kept"), [
    ("全县气温变化幅度为 - 5 - 35℃，年均降水量1200毫米。", "-5-35℃"),  # climate: a range from a negative number
    ("汛期库区水位变幅为 - 2 - 3米，需加强巡查。", "-2-3米"),  # water
])
def test_dashes_around_a_number_inside_a_line_of_lined_text_are_kept(line: str, kept: str):
    # a footer of lined text has a line of its own: inside a line, dashes spaced around a number are a range's signs
    assert kept in restored_paragraphs("一、基本情况", line)[1]


def test_a_long_run_of_dashes_is_cleaned_in_linear_time():
    """A separator line run long (a hostile or broken file): each dash of the run was a start of the glued page mark,
    its dashes given back one at a time (20 s on a line of 60,000 before the sentence's length refused it)."""
    line = "分隔" + "—" * 60_000 + " 说明"
    start = time.process_time()
    assert without_glued_page_marks(line) == line
    assert time.process_time() - start < 1


def test_page_numbers_are_dropped():
    assert paragraphs_of("到2025年，全市建成科普", "— 3 —", "- 4 -", "第5页", "基地10个。") == ["到2025年，全市建成科普基地10个。"]


def test_markup_brackets_and_spaces_are_cleaned():
    assert clean_line("  **坚持协同推进**。湛府办„2016‟39 号") == "坚持协同推进。湛府办〔2016〕39号"
    assert clean_line("全 民 科 学 素 质 2016 年 VR and AR") == "全民科学素质2016年VR and AR"
    assert clean_line("国发〔2019〕4号 [2019]") == "国发〔2019〕4号〔2019〕"
    # typed in full-width digits (a copy so typed, a crawler's): 闽岚综实管综［２０１３］５６号, 教基［２０１６］３号
    assert clean_line("闽岚综实管综［２０１３］５６号 教基[２０１６]３号") == "闽岚综实管综〔２０１３〕５６号教基〔２０１６〕３号"



@pytest.mark.parametrize("cell", ["培训养老护理员（人次）[5000]", "新增公共停车泊位（个）[3500]", "新建改建农村公路（公里）［8000］"])
def test_a_total_in_square_brackets_is_no_year(cell):
    # elderly care, transport, rural roads: a five-year total (注：[ ]内为五年累计数) became 〔5000〕 in text, [5000] in DOCX
    assert clean_line(cell) == cell
    assert clean_line(f"某交发{cell[-6:]}12号") == f"某交发{cell[-6:]}12号"


def test_full_width_folding_keeps_length():
    text = "超过１６．５％，ＡＢ"
    assert fold(text) == "超过16.5%，AB"
    assert len(fold(text)) == len(text)


def test_table_rows_stay_rows():
    rows = normalize([SourceLine(text="1\t提升行动\t实施青少年科学素质提升行动\t市教育局", line=1)])
    assert rows[0].in_table and rows[0].text.split("\t") == ["1", "提升行动", "实施青少年科学素质提升行动", "市教育局"]


def test_tab_indented_prose_is_not_a_table():
    plain = read_document(SAMPLES / "jieyang-2022.txt").lines
    indented = [SourceLine(text="\t" + line.text, line=line.line) for line in plain]
    assert [(p.text, p.in_table) for p in normalize(indented)] == [(p.text, p.in_table) for p in normalize(plain)]


def test_a_line_ending_in_a_closing_bracket_ends_its_paragraph():
    assert paragraphs_of("抄送：市委各部门，市人大常委会办公室，扬府办发〔2022〕", "扬州市人民政府办公室") == [
        "抄送：市委各部门，市人大常委会办公室，扬府办发〔2022〕", "扬州市人民政府办公室",
    ]


def test_joined_paragraphs_remember_each_source_line():
    paragraph = normalize(read_document(SAMPLES / "jieyang-2022.txt").lines)
    broken = next(p for p in paragraph if "弘扬科学精神和科学家精神" in p.text)
    assert broken.position(0)[0] == 31
    assert broken.position(broken.text.index("学精神和科学家精神"))[0] == 35


# Markup, odd brackets, bracketed years and every kind of space the cleaning removes or keeps, among words.
LINE_PIECES = st.sampled_from(["**", "*", " ", "  ", "\t", "\u3000", "\u00a0", "\ufeff", "\n", "„", "‟", "﹝", "［", "]", "2022",
                               "中", "发展", "A", "b", "。", "1"])


@given(st.lists(st.lists(LINE_PIECES, max_size=12).map("".join), max_size=6))
def test_lines_cleaned_together_are_cleaned_as_one_by_one(texts: list[str]) -> None:
    assert clean_lines(texts) == [clean_line(text) for text in texts]


@pytest.mark.parametrize("written, cleaned", [
    # water works and schools: marks within the Basic Multilingual Plane and past it, found by the quick scan's catch-all
    ("新建供水站1\u200b2座", "新建供水站12座"),
    ("新建学校12\U000e0041所", "新建学校12所"),
    ("改扩建幼儿园8🏻所", "改扩建幼儿园8所"),
    # a character past the plane that is no mark is kept, a plan's rare ideograph (𠙶) or a sign
    ("新建𠙶水闸3座", "新建𠙶水闸3座"),
    ("覆盖率100%📈", "覆盖率100%📈"),
])
def test_invisible_characters_and_marks_are_dropped_on_either_side_of_the_basic_multilingual_plane(written, cleaned):
    assert clean_lines([written, "新建村级养老服务站30个。"]) == [cleaned, "新建村级养老服务站30个。"]
    assert clean_line(written) == cleaned


def test_a_contents_page_ends_where_the_body_repeats_its_first_entry():
    # 深圳市2016年度城市建设与土地利用实施计划 (tests/data/real, the lines its PDF gives): an entry whose page
    # number went to a line of its own (第二十七条 …落地 / 17), leaders without a number (附表……), then 第一章 总则.
    texts = [p.text for p in normalize(read_document(DATA / "real" / "shenzhen-2016-contents.txt").lines)]
    assert texts[:3] == ["第一章总则", "第一条编制目的", texts[2]] and texts[2].startswith("为深入贯彻党的十八届五中全会")
    assert not any(text.startswith(("第二十七条", "附表")) for text in texts)


def test_a_contents_page_whose_first_entry_never_comes_again_drops_its_entries_only():
    texts = paragraphs_of("目录", "一、总体要求……………1", "二、主要任务……………3", "为推进工作，制定本方案。", "一、工作目标")
    assert texts == ["为推进工作，制定本方案。", "一、工作目标"]


def test_a_word_pages_style_sheet_kept_by_a_crawler_is_no_text():
    # The crawled 交通建设工程标准化管理实施方案 keeps its page's /*Style Definitions*/table.MsoNormalTable{…0cm…}
    texts = [p.text for p in prepare(DATA / "crawled" / "pingtan-jiaotong-biaozhunhua-2013.flat.txt").paragraphs]
    assert texts and not [text for text in texts if "mso-" in text or "{" in text]
    assert paragraphs_of("p.MsoNormal, li.MsoNormal {margin:0cm; font-size:10.5pt;}", "一、总体要求{详见附件}") == ["一、总体要求{详见附件}"]


@pytest.mark.parametrize(("text", "entry"), [
    ("一、总体要求……………1", True), ("第一章 总则......12\n", True), ("（二）基本原则 ———— 3", True),
    ("到2025年，建成3", False), ("一、总体要求……1。", False), ("一、总体要求", False), ("1", False), ("", False)])
def test_a_contents_entry_is_told_by_its_leaders_and_the_page_number_ending_it(text: str, entry: bool) -> None:
    assert is_contents_entry(text) is entry


_PROSE = ("为进一步提升基层服务能力，推动各项工作落到实处，结合本地实际情况，现就有关事项提出如下意见。"
          "各单位要高度重视，明确责任分工，细化工作措施，加强统筹协调，认真组织实施，确保各项任务按期完成并取得实效。")


def _wrapped(*lines: str, width: int = 20) -> list[str]:
    """``lines`` followed by a prose paragraph hard-wrapped at ``width`` (enough full lines to tell the width)."""
    return [*lines, *(_PROSE[start:start + width] for start in range(0, len(_PROSE), width))]


@pytest.mark.parametrize("lines, paragraph", [
    # a title or 附件 line as wide as the wrap ends its paragraph (health, roads)
    (["某市基层医疗卫生服务能力提升实施方案", "区直各单位，各乡镇人民政府："], "某市基层医疗卫生服务能力提升实施方案"),
    (["附件：某县农村公路养护提质工程实施方案", "某县人民政府办公室"], "附件：某县农村公路养护提质工程实施方案"),
    (["某区关于加快推进养老服务体系建设的意见", "（试行）"], "某区关于加快推进养老服务体系建设的意见（试行）"),
    # a name that goes on: 的通知, inside 《…》, a list item's name (schools, food, business registration)
    (["关于印发某市义务教育学校招生工作实施方案", "的通知"], "关于印发某市义务教育学校招生工作实施方案的通知"),
    (["根据《某省关于开展食品安全放心工程行动", "方案》精神，制定本方案。"], "根据《某省关于开展食品安全放心工程行动方案》精神，制定本方案。"),
    (["2.企业统一社会信用代码或名称核准通知", "书原件。"], "2.企业统一社会信用代码或名称核准通知书原件。"),
], ids=["title", "attachment", "bracketed-note", "notice", "quoted-name", "list-item"])
def test_a_hard_wrapped_line_ending_a_name_ends_its_paragraph_unless_the_name_goes_on(lines, paragraph):
    assert paragraphs_of(*_wrapped(*lines))[0] == paragraph


@pytest.mark.parametrize("lines, paragraph", [
    # a bracket opened at a hard-wrapped line's end closes on the next: its 1） is no heading (health, road safety)
    (["1.《某省疾病应急救助患者身份确认审批表》（", "1）（详见附表）。"], "1.《某省疾病应急救助患者身份确认审批表》（1）（详见附表）。"),
    (["各乡镇报送道路交通安全隐患点整改台账（", "3）（格式附后）。"], "各乡镇报送道路交通安全隐患点整改台账（3）（格式附后）。"),
], ids=["health", "roads"])
def test_a_line_ending_in_an_opening_bracket_is_continued_by_a_marker_like_line(lines, paragraph):
    assert paragraphs_of(*_wrapped(*lines))[0] == paragraph


@pytest.mark.parametrize("lines, paragraphs", [
    # a title of two clauses on its own line, in lined text (education, ecology, statistics)
    (["（二）加强督导，确保实效", "各校要把课后服务纳入办学质量评价。"], ["（二）加强督导，确保实效", "各校要把课后服务纳入办学质量评价。"]),
    (["4.建设监测系统、提高预警能力", "建立重点流域水质自动监测站20个。"], ["4.建设监测系统、提高预警能力", "建立重点流域水质自动监测站20个。"]),
    (["七、部门协同负责，确保工作落实到位", "各部门要分工负责，共同做好住户调查工作。"],
     ["七、部门协同负责，确保工作落实到位", "各部门要分工负责，共同做好住户调查工作。"]),
    # a heading line ending in a clause mark goes on; so does a body begun after the title's full stop
    (["（一）坚持预防为主，", "从严治理源头性的安全问题"], ["（一）坚持预防为主，从严治理源头性的安全问题"]),
    (["3.加强养老机构建设。每个街道建成综合养老", "服务中心1个，护理型床位占比达到55%。"],
     ["3.加强养老机构建设。每个街道建成综合养老服务中心1个，护理型床位占比达到55%。"]),
])
def test_a_heading_title_of_clauses_ends_with_its_line(lines, paragraphs):
    assert paragraphs_of(*lines) == paragraphs


def test_a_short_plan_of_one_line_items_of_one_length_is_not_hard_wrapped():
    # sport and fire safety: titles and one-sentence bodies that happen to be as long as each other
    lines = ["某区全民健身和消防安全工作方案", "一、发展目标", "到2025年，经常参加体育锻炼人数比例达到40%。", "二、主要任务",
             "（一）增加全民健身场地设施供给", "新建社区多功能运动场10个。", "（二）广泛开展全民健身赛事活动", "每年举办区级赛事20项以上。",
             "（三）全面排查整治消防安全隐患", "整治高层建筑消防隐患300处。", "（四）加强微型消防站建设", "建成社区微型消防站50个。",
             "三、保障措施", "（一）加强组织领导", "（二）加强经费保障"]
    assert paragraphs_of(*lines) == lines


# A short PDF text of short paragraphs under headings (building sites, school canteens): as many first lines as full
# ones, the first two characters shorter once their indent is cleaned off; the wrap is told by the full lines.
_SHORT_PARAGRAPHS = [
    "（一）危大工程管控", "对开挖深度超过5米的深基坑工程，专项施工方案必须组织专家论证，危大工程清单建档率达到100%。",
    "（二）智慧工地建设", "建筑面积5万平方米以上的在建项目全部安装视频监控系统，年内新建智慧工地示范项目10个。",
    "（三）人员安全培训", "项目负责人、专职安全生产管理人员持证上岗率达到100%，每个项目部每月至少组织1次安全教育。",
    "（四）食堂从业人员管理", "学校食堂从业人员健康证持证率和食品安全培训覆盖率均达到100%，每学期至少开展2次食品安全自查。",
    "（五）食材采购查验", "大宗食材全部实行定点采购，索证索票率达到100%，每批次食材留样不少于125克，留样时间不少于48小时。",
]


def _hard_wrapped(texts: list[str], width: int) -> list[str]:
    """Headings as they are, and each paragraph indented two characters, cut every ``width`` characters and
    followed by a blank line, as a PDF's text has them."""
    lines = []
    for text in texts:
        written = text if text.startswith("（") else "\u3000\u3000" + text
        lines.extend(written[start:start + width] for start in range(0, len(written), width))
        lines.extend([] if text.startswith("（") else [""])
    return lines


def test_a_short_hard_wrapped_text_of_short_paragraphs_is_rejoined():
    head = ["某县住房和城乡建设局文件", "某建发〔2025〕9号", "某县建筑施工和校园食品安全专项整治方案"]
    lines = [*(line for title in head for line in (title, "")), *_hard_wrapped(_SHORT_PARAGRAPHS, 24)]
    assert paragraphs_of(*lines) == [*head, *_SHORT_PARAGRAPHS]


# A PDF text wrapped by width (zero-waste, parking: gen.md 58 item 1): a word processor wraps a line when it is full, and
# half-width digits are half as wide as ideographs, so a line rich in figures holds more characters than one with none.
_MASTHEAD = ["某市人民政府办公室文件", "某政办发〔2025〕9号", "某市城市停车设施建设三年行动计划（2025—2027年）", "某市人民政府办公室",
             "2025年3月18日"]
_FIGURE_RICH_PARAGRAPHS = [
    "到2027年，全市一般工业固体废物综合利用率达到80%以上，生活垃圾回收利用率达到40%以上，建筑垃圾资源化利用率达到60%，危险废物安全处置率保持100%。",
    "2025年、2026年、2027年分别新增公共停车泊位4000个、5000个、6000个，到2026年底错时开放单位不少于200家，每年新增不少于2000个。",
    "截至2024年底，全市城区共有机动车停车泊位18.6万个，其中公共停车泊位3.2万个，路内停车泊位1.1万个，建成立体停车库12座。",
    "每个街道至少建成1个再生资源回收分拣中心，每年开展“无废”主题宣传活动不少于50场次，建成“无废细胞”300个以上。",
    "市财政三年统筹安排停车设施建设资金不少于3亿元，对社会资本投资建设的公共停车场按每个泊位2000元给予补助，单个项目最高不超过200万元。",
]


def _wrapped_by_width(texts: list[str], width: int) -> list[str]:
    """Each paragraph indented two characters and wrapped when the next word (a figure kept whole) would pass ``width``
    ideographs, a half-width character counting half, followed by a blank line, as a word processor's PDF has them."""
    lines = []
    for text in texts:
        line, wide = "\u3000\u3000", 2.0
        for word in regex.findall(r"[0-9.%]+|.", text):
            word_width = sum(0.5 if character.isascii() else 1 for character in word)
            if wide + word_width > width and word not in "，。、；）”":
                lines.append(line)
                line, wide = "", 0.0
            line, wide = line + word, wide + word_width
        lines.extend([line, ""])
    return lines


@pytest.mark.parametrize("width", [22, 24, 26])
def test_a_text_wrapped_by_width_is_rejoined_though_its_lines_rich_in_figures_hold_more_characters(width):
    lines = [*_MASTHEAD, "", *_wrapped_by_width(_FIGURE_RICH_PARAGRAPHS, width)]
    assert any(line.endswith(("”", "）")) for line in lines)  # a wrap after a closing mark, which a line not full would end on
    assert paragraphs_of(*lines) == [*_MASTHEAD, *_FIGURE_RICH_PARAGRAPHS]


@pytest.mark.parametrize("lines, paragraphs", [
    # a hard wrap right after a figure, the next line going on with its bound or its scale (roads, budgets)
    (["到2025年，全县新建和改造农村公路120公里", "以上，新建农村客运招呼站30个。"], ["到2025年，全县新建和改造农村公路120公里以上，新建农村客运招呼站30个。"]),
    (["全年安排农田水利建设资金3000", "万元，新建高标准农田2万亩。"], ["全年安排农田水利建设资金3000万元，新建高标准农田2万亩。"]),
    # a figure closing a wrapped line before a line with none: the sentence goes on (schools)
    (["到2025年，全县新建8所", "公办幼儿园，学前教育普及普惠水平明显提升。"], ["到2025年，全县新建8所公办幼儿园，学前教育普及普惠水平明显提升。"]),
], ids=["bound", "scale", "object"])
def test_a_wrap_after_a_figure_goes_on_where_the_next_line_continues_it(lines, paragraphs):
    assert paragraphs_of(*_wrapped(*lines))[:1] == paragraphs


@pytest.mark.parametrize("line, cleaned", [
    # three figures or more of two digits at least, parted by spaces, are as many figures (education, health, employment)
    ("2024—2026年新增公办学位分别为3000 2500 2000个。", "2024—2026年新增公办学位分别为3000 2500 2000个。"),
    ("每千人口医疗卫生机构床位数 张 6.5 6.8 7.0", "每千人口医疗卫生机构床位数张6.5 6.8 7.0"),
    ("城镇新增就业人数 人 3200 3400 3500", "城镇新增就业人数人3200 3400 3500"),
    # one number a spacing, a cell's wrap or groups of thousands parted
    ("到 2 0 2 5 年", "到2025年"),
    ("深发改〔2015〕12 55号", "深发改〔2015〕1255号"),
    ("常住人口 12 000 000 人，培训教师 1 200 人次", "常住人口12000000人，培训教师1200人次"),
    # after 分别, three figures or more are its list though shaped as thousands; a group opening with 0 is one number's
    ("三个乡镇分别安排资金 200 300 500 万元。", "三个乡镇分别安排资金200 300 500万元。"),
    ("三个园区分别新增就业 1 200 000 人。", "三个园区分别新增就业1200000人。"),
    # after 分别, numbers each grouped in thousands, a short group opening each (reader P8)
    ("三个乡镇分别完成造林面积 1 200 1 500 1 800 亩。", "三个乡镇分别完成造林面积1200 1500 1800亩。"),
    ("分别为 12 8 100 所", "分别为12 8 100所"),
    # after 分别, two groups shaped as thousands are one number, their space kept as the thousands mark the reading flags
    # (agriculture, elderly care); not where the list's next value follows with its own unit (finance)
    ("两个乡镇分别完成造林 12 800 亩。", "两个乡镇分别完成造林12\u202f800亩。"),
    ("城关镇和河西镇分别新建养老床位 1 200 张。", "城关镇和河西镇分别新建养老床位1\u202f200张。"),
    ("城区和农村学校分别安排资金 1 500 万元、900 万元。", "城区和农村学校分别安排资金1500万元、900万元。"),
])
def test_figures_parted_by_spaces_stay_apart_only_as_a_list(line, cleaned):
    # a list of figures a copy runs into one line with single spaces was glued into one number (3000 2500 2000个 →
    # 300025002000 个: reader U9)
    assert clean_line(line) == cleaned
    assert clean_lines([line, line]) == [cleaned, cleaned]
