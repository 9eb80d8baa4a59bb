"""Saved web pages: the article only, its tables, and what the page says about the document."""
from __future__ import annotations

import encodings.aliases
import json
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from conftest import DATA, SAMPLES, run_planparse, word_95_document

from planparse.errors import PlanparseError
from planparse.models import walk_sections
from planparse.folding import fold
from planparse.pipeline import extract
from planparse.readers import read_document
from planparse.readers.html import read_html

SAMPLE = SAMPLES / "web-page-sample.html"
WEB = DATA / "web"
PAGE_PAIRS = sorted(path.with_suffix("") for path in WEB.glob("*.html")) + [DATA / "extra" / "yaopin-caigou-2019"]


def page(html: str, name: str = "page.html"):
    return read_html(Path(name), html.encode("utf-8"))


def texts(lines) -> list[str]:
    return [line.text for line in lines]


def test_the_sample_page_gives_its_article_only():
    lines, tables, _ = read_html(SAMPLE, SAMPLE.read_bytes())
    text = "\n".join(texts(lines))
    for chrome in ("首页", "当前位置", "索引号", "微信", "相关链接", "图解", "网站地图", "备案号", "var share", "mso-"):
        assert chrome not in text
    assert texts(lines)[:2] == ["为深入贯彻落实国家关于进一步加强塑料污染治理的部署，有效减少塑料垃圾，制定本方案。", "一、总体要求"]
    # <br> parts are lines; Word's list numbers (<![if !supportLists]>) are kept, its settings comment is not.
    assert "（一）禁止、限制部分塑料制品的生产、销售和使用。" in texts(lines)
    assert "到2022年底，全省县级以上城市建成区集贸市场禁止使用不可降解塑料袋。" in texts(lines)
    assert "Normal" not in text and len(tables) == 1


@pytest.mark.parametrize("title, lines, hidden", [
    ("某县农村供水保障行动方案", ["一、工作目标", "到2025年，农村自来水普及率达到90%。", "二、保障措施", "每年培训管水员200名。"],
     "到2025年，新建水厂999座。"),
    ("某市学前教育提升行动方案", ["一、主要目标", "到2025年，全市新建幼儿园30所。", "二、重点任务", "每年培训园长200名。"],
     "学前教育 幼儿园 入园率 新建学校888所"),
], ids=["water", "education"])
def test_text_a_page_sets_too_small_to_be_read_or_hides_is_no_text_of_the_plan(title, lines, hidden):
    # hidden in a span after a sentence, in a paragraph of its own in font-size:0, 1px, 0.5pt (!important) or
    # visibility:hidden, and in an em-sized child of a font-size:0 box: it was read as the plan's (999 座 a target). A
    # box in font-size:0 whose blocks set their own size, and a visible child of a hidden box, are read
    first, goal, second, task = lines
    html = (f'<html><head><meta charset="utf-8"><title>{title}</title></head><body><div class="article"><h1>{title}</h1>'
            f'<p>{first}</p><p>{goal}<span style="font-size: 0">{hidden}</span></p><p style="font-size:0px">{hidden}</p>'
            f'<p style="FONT-SIZE: 1px; color: #fff">{hidden}</p><p style="font-size:0.5pt !important">{hidden}</p>'
            f'<p style="visibility:hidden">{hidden}<span style="visibility: visible">{second}</span>{hidden}</p>'
            f'<div style="font-size:0">{hidden}<p style="font-size:16px">{task}</p><p style="font-size:1.2em">{hidden}</p></div>'
            "</div></body></html>")
    assert texts(page(html)[0]) == [title, first, goal, second, task]


_WHITE_ON_THE_PAGE = ['<span style="color:#fff">{}</span>', '<font color="#FFFFFF">{}</font>', '<span style="COLOR: rgb(255, 255, 255)">{}</span>']
_OWN_BACKDROP = ['<span style="background-color:#f5f5f5"><span style="color:#F5F5F5">{}</span></span>', '<span style="color:transparent">{}</span>']
_KEYWORDS = ["到2025年，建成城市公园888个。", "全县新增养老床位777张。"]  # parks, elderly care


def _page_with(path: Path, hidden: str, tmp_path: Path) -> Path:
    """The real page at ``path`` with the keywords set in ``hidden`` after the first sentence of its article's first part."""
    original = path.read_text(encoding="utf-8")
    at = original.index("。", original.index("一、")) + 1
    (tmp_path / "page.html").write_text(original[:at] + "".join(hidden.format(keyword) for keyword in _KEYWORDS) + original[at:], encoding="utf-8")
    return tmp_path / "page.html"


def _quoted(path: Path) -> list[tuple]:
    return [(target.value, target.unit, target.quote) for target in extract(path).targets]


@pytest.mark.parametrize("hidden", _WHITE_ON_THE_PAGE + _OWN_BACKDROP,
                         ids=["white-on-the-page", "font-colour-attribute", "rgb", "colour-of-its-block-background", "transparent"])
@pytest.mark.parametrize("path", [DATA / "extra" / "yaopin-caigou-2019.html", SAMPLE], ids=["drug-procurement", "plastics"])
def test_text_a_real_page_with_no_sheet_shows_in_the_colour_behind_it_is_no_text_of_the_plan(path, hidden, tmp_path):
    """Keywords a page hides in the colour of what is behind it (white on the page's white, or on a block's own
    background) were read as the plan's: 到2025年，建成城市公园888个。 gave 888 个 a target (real pages that link no style
    sheet: a ministry's and the sample's)."""
    shown = _quoted(_page_with(path, "<span>{}</span>", tmp_path))
    assert {(888, "个"), (777, "张")} <= {(value, unit) for value, unit, _ in shown}  # the keywords shown are read
    assert _quoted(_page_with(path, hidden, tmp_path)) == _quoted(path)


@pytest.mark.parametrize("hidden", _OWN_BACKDROP, ids=["colour-of-its-block-background", "transparent"])
@pytest.mark.parametrize("stem", ["pingtan-huanwei-sheshi-2015", "16-rengong-yingxiang-tianqi-gaozhiliang-fazhan-shishifangan-2021"],
                         ids=["sanitation", "weather-modification"])
def test_text_a_real_page_with_sheets_shows_in_its_blocks_own_colour_is_no_text_of_the_plan(stem, hidden, tmp_path):
    """A page linking style sheets, which are not read, hides text where the block's own style sets its background."""
    shown = _quoted(_page_with(WEB / f"{stem}.html", "<span>{}</span>", tmp_path))
    assert {(888, "个"), (777, "张")} <= {(value, unit) for value, unit, _ in shown}  # the keywords shown are read
    assert _quoted(_page_with(WEB / f"{stem}.html", hidden, tmp_path)) == _quoted(WEB / f"{stem}.html")


@pytest.mark.parametrize("stem", ["pingtan-huanwei-sheshi-2015", "16-rengong-yingxiang-tianqi-gaozhiliang-fazhan-shishifangan-2021"],
                         ids=["sanitation", "weather-modification"])
def test_white_text_on_a_real_page_linking_sheets_is_read_where_a_class_may_colour_its_box(stem, tmp_path):
    """The second reader's Y8: white text in a box or a table's header row of a class, which a style sheet colours
    (<span class="box"><span style="color:#ffffff">…), was taken as white on white and lost (both targets, the header row)."""
    boxed = '<span class="box"><span style="color:#ffffff">{}</span></span>'
    gained = set(_quoted(_page_with(WEB / f"{stem}.html", boxed, tmp_path))) - set(_quoted(WEB / f"{stem}.html"))
    assert sorted((value, unit) for value, unit, _ in gained) == [(777, "张"), (888, "个")]


@pytest.mark.parametrize("shown", [
    '<style>th{{background-color:#1f4e79}}</style><table><tr><th><font color="#FFFFFF">{}</font></th></tr></table>',
    '<table><tr><td background="/images/bar.jpg"><font color="#ffffff">{}</font></td></tr></table>',
    '<div style="background-image:url(/img/box.png)"><p style="color:#ffffff">{}</p></div>',
], ids=["tag-rule-of-the-page-sheet", "background-attribute", "background-image"])
@pytest.mark.parametrize("path", [DATA / "extra" / "yaopin-caigou-2019.html", SAMPLE], ids=["drug-procurement", "plastics"])
def test_white_text_on_a_backdrop_the_reader_cannot_see_on_a_real_page_is_read(path, shown, tmp_path):
    """The second reader's S2: white text on a header row a tag's rule colours (<style>th{background-color:#1f4e79}),
    on a cell's background= image or a block's background-image was taken as white on white and lost (a 分工表's header
    row, 到2027年，农村供水工程水质达标率达到90%。's 90 %); white text on such a page with no sheet stays hidden (above)."""
    gained = set(_quoted(_page_with(path, shown, tmp_path))) - set(_quoted(path))
    assert {(888, "个"), (777, "张")} <= {(value, unit) for value, unit, _ in gained}


@pytest.mark.parametrize("header, line", [
    ("牵头单位", "到2027年，农村供水工程水质达标率达到90%。"), ("责任单位", "到2025年，全市新建幼儿园30所。"),
], ids=["water", "education"])
def test_white_header_row_a_tag_rule_of_the_page_sheet_colours_is_read(header, line):
    """The second reader's S2: <style>th{background-color:#1f4e79}</style> colours a 分工表's header row of no class;
    its white text was taken as white on white and lost."""
    html = ('<html><head><meta charset="utf-8"><style>th{background-color:#1f4e79}</style></head><body><p>一、工作目标</p>'
            f'<table><tr><th><font color="#FFFFFF">{header}</font></th></tr><tr><td>{line}</td></tr></table></body></html>')
    assert header in " ".join(texts(page(html)[0]))


@pytest.mark.parametrize("shown", [
    '<div style="background:#003366"><p style="color:#ffffff">{}</p></div>', '<p style="color:#fff;background-color:#c00000">{}</p>',
    '<td bgcolor="#336699"><font color="white">{}</font></td>', '<div style="background:url(banner.png) #fff"><p style="color:#fff">{}</p></div>',
    '<div style="color:#fff"><p class="notice">{}</p></div>', '<p style="color:#333">{}</p>',
], ids=["white-on-a-dark-block", "own-background", "table-cell-bgcolor", "background-image", "colour-of-a-class", "grey"])
def test_text_shown_in_a_colour_other_than_the_one_behind_it_is_read(shown):
    """White text on a block's dark background, an image behind it, or a class of the sheet, which may colour it, is
    read (water, education)."""
    lines = ["到2025年，农村自来水普及率达到90%。", "到2025年，全市新建幼儿园30所。"]
    html = f'<html><head><meta charset="utf-8"></head><body><p>一、工作目标</p>{"".join(shown.format(line) for line in lines)}</body></html>'
    assert texts(page(html)[0]) == ["一、工作目标", *lines]


@pytest.mark.parametrize("goal, task", [
    ("到2025年，农村自来水普及率达到90%。", "新建水厂5座。"), ("到2025年，全市新建幼儿园30所。", "每年培训园长200名。"),
], ids=["water", "education"])
def test_blocks_sized_by_a_class_in_a_font_size_0_box_are_read(goal, task):
    # the gap-closing row of blocks with the blocks' size set by the style sheet, as pages mostly write it: the sheet is
    # not read, so a block with a class is not taken as set in the box's font-size:0 (its text was lost)
    html = ('<html><head><meta charset="utf-8"><style>.item{font-size:16px}</style></head><body>'
            f'<div style="font-size:0"><p class="item">{goal}</p><p class="item">{task}</p></div></body></html>')
    assert texts(page(html)[0]) == [goal, task]


def test_merged_cells_keep_their_place_on_the_grid():
    _, [across], _ = page("<table><tr><td colspan='2'>合计</td><td>35</td></tr><tr><td>甲</td><td>乙</td><td>丙</td></tr></table>")
    assert across.header == ["合计", "", "35"] and across.rows == [["甲", "乙", "丙"]]
    _, tables, _ = read_html(SAMPLE, SAMPLE.read_bytes())
    table = tables[0]
    assert table.header == ["类别", "指标", "2023年", "2025年"]
    assert table.rows[0] == ["回收利用", "城镇生活垃圾回收利用率（%）", "30", "35"]
    assert table.rows[1] == ["回收利用", "可循环快递包装应用量（万个）", "500", "1000"]  # under a cell merged down
    lines, [spans], _ = page(
        "<table><tr><td>指标</td><td>2023年</td><td>2025年</td></tr><tr><td>示范村（个）</td><td>10</td><td>20</td></tr>"
        "<tr><td>绿色学校（所）</td><td colspan='2'>每年新增5</td></tr>"
        "<tr><td colspan='3'>注：2025年为预期值。</td></tr></table>"
    )
    # A cell written across columns is no value of the columns it covers, nor is a note across the table.
    assert spans.rows == [["示范村（个）", "10", "20"], ["绿色学校（所）", "每年新增5", ""], ["注：2025年为预期值。", "", ""]]
    assert "示范村（个）\t10\t20" in texts(lines)


@pytest.mark.parametrize("caption, rows, wanted", [
    # 高标准农田: the unit the caption gives every cell
    ("表1 分年度建设任务（单位：万亩）", "<tr><th>乡镇</th><th>2024年</th><th>2025年</th></tr><tr><td>城关镇</td><td>1.2</td><td>1.5</td></tr>",
     [("城关镇", 12000, "亩", 2024), ("城关镇", 15000, "亩", 2025)]),
    # 托育: the year the caption gives a column of no year
    ("表2 到2025年托育服务主要指标", "<tr><th>指标</th><th>现状值</th><th>目标值</th></tr><tr><td>每千人口托位数（个）</td><td>2.1</td><td>4.5</td></tr>",
     [("每千人口托位数", 2.1, "个", None), ("每千人口托位数", 4.5, "个", 2025)]),
], ids=["farmland-unit", "childcare-year"])
def test_a_table_s_caption_element_is_read_as_its_title(tmp_path, caption, rows, wanted):
    """A page's <caption> is the table's title over it, as a text copy writes it: the unit or the year it names is its
    cells'; it was dropped, and the cells had no unit (1.2, not 12000 亩) or no year."""
    plan = tmp_path / "plan.html"
    plan.write_text("<html><head><meta charset='utf-8'></head><body><p>某县实施方案（2024—2026年）</p><p>一、主要任务</p>"
                    f"<table border='1'><caption>{caption}</caption>{rows}</table></body></html>", encoding="utf-8")
    assert [(t.indicator, t.value, t.unit, t.deadline) for t in extract(plan).targets] == wanted


@pytest.mark.parametrize("row, wanted", [
    # rural water: a name a <br> wraps
    ("<tr><td>规模化供水工程覆盖<br/>农村人口比例（%）</td><td>70</td></tr>", "规模化供水工程覆盖农村人口比例"),
    # education: a name in two paragraphs of its cell, as Word's page writes a wrapped one
    ("<tr><td><p>义务教育学校校舍</p><p>达标率（%）</p></td><td>100</td></tr>", "义务教育学校校舍达标率"),
], ids=["water-break", "education-paragraphs"])
def test_a_row_name_its_cell_wraps_is_one_name(tmp_path, row, wanted):
    """A cell's lines are wraps of its text: a row's name its cell writes on two lines names the row's targets whole,
    with no space where it wrapped (规模化供水工程覆盖 农村人口比例 was the name)."""
    plan = tmp_path / "plan.html"
    plan.write_text("<html><head><meta charset='utf-8'></head><body><p>某县实施方案（2024—2026年）</p><p>一、主要指标</p>"
                    f"<table border='1'><tr><th>指标</th><th>2026年</th></tr>{row}</table></body></html>", encoding="utf-8")
    assert [target.indicator for target in extract(plan).targets] == [wanted]


@pytest.mark.parametrize("task, wanted", [
    # education: two tasks a paragraph each (幼儿园3所 改扩建小学 was the second's name)
    ("<p>新建幼儿园3所</p><p>改扩建小学5所</p>", [("幼儿园", 3, 2025), ("小学", 5, 2025)]),
    # culture: two tasks a break apart
    ("新建农家书屋20个<br>改造提升乡镇综合文化站5个", [("农家书屋", 20, 2025), ("乡镇综合文化站", 5, 2025)]),
], ids=["education-paragraphs", "culture-breaks"])
def test_a_task_cells_lines_are_tasks_each_named_its_own(tmp_path, task, wanted):
    """A 分工表's task cell of several lines, each a task with its figure: parted by ； as a text copy of the page reads
    it (crawled.cell_lines_joined), each task is named by its own words, its units by 、."""
    plan = tmp_path / "plan.html"
    plan.write_text("<html><head><meta charset='utf-8'></head><body><p>某县实施方案（2024—2026年）</p><p>一、重点任务</p>"
                    "<table border='1'><tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>"
                    f"<tr><td>1</td><td>{task}</td><td>县教育局</td><td><p>县财政局</p><p>县自然资源局</p></td><td>2025年底</td></tr>"
                    "</table></body></html>", encoding="utf-8")
    document = extract(plan)
    assert [(t.indicator, t.value, t.deadline) for t in document.targets] == wanted
    assert [(r.lead, r.support) for r in document.responsibilities] == [(["县教育局"], ["县财政局", "县自然资源局"])]


def test_a_one_cell_layout_table_is_read_as_paragraphs():
    lines, tables, _ = page(
        "<html><body><div><table><tr><td><p>某府办〔2021〕7号</p></td></tr><tr><td><p>关于印发某方案的通知</p></td></tr></table>"
        "<p>一、总体要求</p><p>到2025年，建成示范点30个。</p></div></body></html>"
    )
    assert texts(lines)[:2] == ["某府办〔2021〕7号", "关于印发某方案的通知"]
    assert not tables and not any(line.in_table for line in lines)


def test_the_information_box_and_meta_tags_feed_the_metadata():
    metadata = extract(SAMPLE).metadata
    assert metadata.title == "某省塑料污染治理行动方案（2021—2025年）"
    assert metadata.issuer == "某省发展改革委、某省生态环境厅"  # a joint document: every issuer, in order
    assert metadata.doc_number == "某发改环资〔2021〕312号"
    assert metadata.date == "2021-09-14"  # 成文日期, not the page's 发布日期
    assert metadata.published == "2021-09-18"
    assert metadata.period is not None and (metadata.period.start, metadata.period.end) == (2021, 2025)


@pytest.mark.parametrize("date_line, published", [
    # water: the page's date line under its title, with the hour, the source and the readers' count
    ("<div class='info'>发布时间：2024-05-06 10:21 来源：某县水利局 浏览次数：321</div>", "2024-05-06"),
    # education: its label and its value in spans of their own
    ("<div class='info'><span>发布时间：</span><span>2023年09月12日</span><span>来源：某市教育局</span></div>", "2023-09-12"),
], ids=["water", "education"])
def test_a_pages_date_line_labelled_publishing_time_gives_the_day_it_was_published(tmp_path, date_line, published):
    saved = tmp_path / "plan.html"
    saved.write_text(
        "<html><head><title>某县人民政府</title></head><body><div class='article'><h1>某县农村供水保障三年行动方案（2024—2026年）</h1>"
        f"{date_line}<p>一、工作目标</p><p>到2026年，全县农村自来水普及率达到95%，新建集中供水工程12处。</p>"
        "<p>二、保障措施</p><p>加强组织领导，落实工作责任。</p></div></body></html>", encoding="utf-8")
    metadata = extract(saved).metadata
    assert (metadata.published, metadata.title) == (published, "某县农村供水保障三年行动方案（2024—2026年）")


def test_a_law_database_box_is_read_too(tmp_path):
    saved = tmp_path / "law.htm"
    saved.write_text(
        "<html><head><title>某市办法</title></head><body><div class='fields'>"
        "<p>【制定机关】某市人民政府办公室</p><p>【公布日期】2019.03.08</p><p>【字号】某府办〔2019〕12號</p></div>"
        "<div id='content'><p>某市农村人居环境整治三年行动方案</p><p>一、目标任务</p>"
        "<p>到2020年，全市农村生活垃圾有效处理的行政村比例达到90%以上，卫生厕所普及率达到85%。</p>"
        "<p>二、保障措施</p><p>各县区要加强组织领导，建立工作机制，落实工作责任。</p></div></body></html>",
        encoding="utf-8",
    )
    document = extract(saved)
    assert document.source.format == "html"
    assert (document.metadata.issuer, document.metadata.date, document.metadata.doc_number) == (
        "某市人民政府办公室", "2019-03-08", "某府办〔2019〕12号")
    assert [section.title for section in document.sections] == ["目标任务", "保障措施"]


def test_a_box_laid_out_as_a_table_in_the_article_is_no_task_table(tmp_path):
    """A site's box in a table that readability keeps with the article (索引号：| … | 发布机构：| …) feeds the metadata and
    names no units of a task: its 发布机构 and 发布日期 cells were read as a 分工表's rows. The page's text size choice
    above it (字号：T | T | T) is no 文号: it hid the box's."""
    saved = tmp_path / "plan.html"
    saved.write_text(
        "<html><head><title>某县农村公路提升方案</title></head><body><div class='tools'>字号：<a>T</a> | <a>T</a> | <a>T</a></div>"
        "<table><tr><th>索引号</th><td>11330100002489324X/2024-00123</td><th>发布机构</th><td>某县人民政府办公室</td></tr>"
        "<tr><td>文号：</td><td>某政办发〔2024〕12号</td><td>发布日期：</td><td>2024-03-15</td></tr></table>"
        "<p>某县农村公路提升方案</p><p>一、工作目标</p><p>到2025年，新改建农村公路120公里，完成危桥改造15座。</p>"
        "<p>二、工作措施</p><p>（一）加快建设。（牵头单位：县交通运输局；配合单位：县财政局）</p></body></html>",
        encoding="utf-8",
    )
    document = extract(saved)
    assert document.metadata.doc_number == "某政办发〔2024〕12号"
    assert [(found.lead, found.support) for found in document.responsibilities] == [(["县交通运输局"], ["县财政局"])]
    assert not document.tables


def test_the_page_title_is_the_title_of_a_plan_without_notice(tmp_path):
    saved = tmp_path / "plan.html"
    saved.write_text(
        "<html><head><meta name='ArticleTitle' content='（本文有删减）某区餐厨垃圾治理工作方案.docx'>"
        "<meta name='ContentSource' content='某区融媒体中心网站'></head><body>"
        "<div class='nav'><a href='/'>首页</a><a href='/news'>要闻</a></div><div class='text'>"
        "<p>一、工作目标</p><p>到2024年底，餐厨垃圾集中收运处理率达到95%以上，新建处理设施2座。</p>"
        "<p>二、工作措施</p><p>加强源头分类，规范收运体系，推进资源化利用，落实属地责任。</p></div></body></html>",
        encoding="utf-8",
    )
    metadata = extract(saved).metadata
    assert metadata.title == "某区餐厨垃圾治理工作方案"
    assert metadata.issuer is None  # a site's name is no issuer


# Taiwan pages whose text has no title: the page's <meta> title writes Taiwan's words of both sides (資訊, 專案, 網路)
# and none of its own, so read alone it kept 资讯专案; the text (軟體, 伺服器, 計畫) tells the document's wording
TAIWAN_PAGES = [
    ("臺北市推動校園資訊專案實施計畫", "<p>一、計畫目標</p><p>到2025年，完成全市中小學軟體及硬體更新，校園網路覆蓋率達到100%。</p>"
     "<p>二、主要任務</p><p>（一）建置教學平臺。新增伺服器20臺，補助偏鄉學校數位化設備。</p>", "台北市推动校园信息项目实施计划"),
    ("高雄市醫療網路資訊專案推動計畫", "<p>一、計畫目標</p><p>到2026年，全市衛生所完成醫療軟體升級，遠端會診覆蓋率達到90%。</p>"
     "<p>二、主要任務</p><p>（一）醫院伺服器汰換。每年汰換伺服器30臺。</p>", "高雄市医疗网络信息项目推动计划"),
]


@pytest.mark.parametrize("title, body, read", TAIWAN_PAGES, ids=["education", "health"])
def test_a_taiwan_pages_title_is_read_in_the_wording_of_its_text(tmp_path, title, body, read):
    saved = tmp_path / "plan.html"
    saved.write_text(f"<html><head><meta charset='utf-8'><title>{title}</title><meta name='ArticleTitle' content='{title}'>"
                     f"</head><body><div class='content'>{body}</div></body></html>", encoding="utf-8")
    assert extract(saved).metadata.title == read


# Plans whose text file a site shows as it is written, in a <pre> or a block styled white-space: pre-wrap: its line
# ends part paragraphs and its tabs a table's cells (the browser shows both); the page was read as one run-on line
TEXT_FILE_PLANS = [
    "某县义务教育优质均衡发展实施方案\n一、工作目标\n到2025年，全县义务教育优质均衡发展通过国家督导评估。\n"
    "二、主要指标\n序号\t指标\t2020年\t2025年\n1\t生均体育运动场馆面积（平方米）\t6.2\t7.5\n"
    "2\t每百名学生拥有高于规定学历教师数（人）\t4.1\t5.8\n三、保障措施\n（一）加强经费保障\n每年安排专项资金3000万元。\n",
    "某市基层医疗卫生服务能力提升行动方案\n一、总体目标\n到2024年底，全市社区卫生服务中心达标率达到100%。\n"
    "二、重点指标\n序号\t指标名称\t2022年\t2024年\n1\t每万人口全科医生数（人）\t2.9\t3.5\n"
    "2\t家庭医生签约服务覆盖率（%）\t45\t60\n三、工作要求\n各区每季度开展督导检查1次。\n",
]


@pytest.mark.parametrize("style_sheet, shown_by", [
    ("", "<pre>{}</pre>"), ("", "<div style='white-space: pre-wrap'>{}</div>"),
    # the style sheet's rule, not the block's own style, keeps the line ends: by class, by id and class inside @media
    ("/* 正文 {} */ .txt { font-size: 16px; white-space: pre-wrap; }", "<div class='txt'>{}</div>"),
    ("@media screen { .main #zoom.text-file { white-space:pre-line } } p { margin: 0 }", "<div id='zoom' class='text-file'>{}</div>"),
])
@pytest.mark.parametrize("plan", TEXT_FILE_PLANS, ids=["education", "health"])
def test_a_text_file_shown_as_written_on_a_page_gives_the_plan_of_the_text(tmp_path, plan, style_sheet, shown_by):
    import html

    text, saved = tmp_path / "plan.txt", tmp_path / "plan.html"
    text.write_text(plan, encoding="utf-8")
    saved.write_text(f"<html><head><style>{style_sheet}</style></head><body><div class='content'>"
                     f"{shown_by.format(html.escape(plan))}</div></body></html>", encoding="utf-8")
    expected, shown = extract(text), extract(saved)
    assert [(s.number, s.title) for s in walk_sections(shown.sections)] == \
        [(s.number, s.title) for s in walk_sections(expected.sections)]
    assert [(t.header, t.rows) for t in shown.tables] == [(t.header, t.rows) for t in expected.tables]
    assert len(expected.tables) == 1
    assert [(t.value, t.unit, t.deadline) for t in shown.targets] == [(t.value, t.unit, t.deadline) for t in expected.targets]


def test_white_space_kept_around_blocks_or_inside_a_paragraph_is_no_text_file():
    # an editor's article styled pre-wrap around its <p>s and table (education), a tab pasted from an office suite
    # as <span style="white-space:pre"> inside a sentence (health): read block by block, as before
    editor = ("<div style='white-space: pre-wrap;'><p>一、工作目标</p><p>到2025年，新建中小学5所。</p><table><tr><td>序号</td>"
              "<td>指标</td><td>2025年</td></tr><tr><td>1</td><td>新增学位（个）</td><td>3000</td></tr></table></div>")
    pasted = "<p>一、工作目标</p><p>到2024年，<span style='white-space:pre'>\t</span>全市家庭医生签约率达到60%。</p>"
    assert texts(page(f"<html><body><div class='content'>{editor}</div></body></html>")[0]) == [
        "一、工作目标", "到2025年，新建中小学5所。", "序号\t指标\t2025年", "1\t新增学位（个）\t3000"]
    assert texts(page(f"<html><body><div class='content'>{pasted}</div></body></html>")[0]) == [
        "一、工作目标", "到2024年， 全市家庭医生签约率达到60%。"]
    # a rule for another class, or one selected by what is read no further (a pseudo-class), keeps nothing
    for rule in (".other { white-space: pre }", "div:hover { white-space: pre }"):
        lined = f"<html><head><style>{rule}</style></head><body><div class='content'><div>一、工作目标\n到2025年，新建中小学5所。</div></div></body></html>"
        assert texts(page(lined)[0]) == ["一、工作目标 到2025年，新建中小学5所。"]


@pytest.mark.parametrize("stem", PAGE_PAIRS, ids=lambda path: path.name[:24])
def test_a_page_and_its_text_copy_give_the_same_plan(stem):
    from_page, from_text = extract(stem.with_suffix(".html")), extract(stem.with_suffix(".txt"))
    assert [(s.marker, s.title) for s in walk_sections(from_page.sections)] == [
        (s.marker, s.title) for s in walk_sections(from_text.sections)]
    assert [(t.value, t.unit, t.kind, t.deadline) for t in from_page.targets] == [
        (t.value, t.unit, t.kind, t.deadline) for t in from_text.targets]
    for field in ("title", "doc_number", "issuer", "date", "period"):
        assert getattr(from_page.metadata, field) == getattr(from_text.metadata, field)
    assert from_page.sections


SANGE = WEB / "28-sange-yipi-zhongda-xiangmu-jianshe-shishiyijian-2015.html"


def _saved_as(tmp_path: Path, text: str, encoding: str, charset: str) -> Path:
    page = tmp_path / f"page-{encoding}.html"
    # a character the charset lacks is written as a character reference, as an editor saving the page does
    page.write_bytes(regex.sub(r"charset=\"?[\w-]+", f"charset=\"{charset}", text, count=1).encode(encoding, "xmlcharrefreplace"))
    return page


@pytest.mark.parametrize("charset", ["gb2312", "GBK", "big5"])
def test_a_page_declaring_a_chinese_charset_is_read_as_a_browser_reads_it(tmp_path, charset):
    # Python's gb2312 reads A1AA, the —— that opens each of this plan's goals, as ―: browsers read such pages as GB18030
    text = SANGE.read_text(encoding="utf-8")
    if charset == "big5":
        import opencc

        text = opencc.OpenCC("s2t").convert(text)
    encoding = "big5hkscs" if charset == "big5" else "gb18030"
    page = extract(_saved_as(tmp_path, text, encoding, charset))
    plan = extract(SANGE)
    assert [(t.value, t.unit, fold(t.quote), fold(t.text)) for t in page.targets] == [
        (t.value, t.unit, t.quote, t.text) for t in plan.targets]
    assert any(t.text.startswith("——") for t in plan.targets)  # the quote leaves the dash out (a1c1fa64), its clause not
    for field in ("title", "doc_number", "issuer", "date"):
        assert getattr(page.metadata, field) == getattr(plan.metadata, field)


def test_a_chinese_page_declaring_a_western_charset_is_detected(tmp_path):
    page = _saved_as(tmp_path, SANGE.read_text(encoding="utf-8"), "gb18030", "iso-8859-1")
    assert extract(page).metadata.title == extract(SANGE).metadata.title


# Python's codecs but the multi-byte ones a browser decodes pages with (gb2312 and gbk read as GB18030, big5 as HKSCS):
# single-byte ones, which decode any bytes, and those no browser has (undefined fails on every byte, unicode_escape
# reads backslashes)
_CODECS_NO_PAGE_IS_READ_IN = sorted(set(encodings.aliases.aliases.values()) - {
    "utf_8", "gb18030", "gbk", "gb2312", "big5", "big5hkscs", "euc_jp", "iso2022_jp", "shift_jis", "euc_kr"} | {
    "undefined", "unicode_escape", "raw_unicode_escape", "palmos", "punycode", "idna", "koi8_u", "cp1251"})
_DECLARING = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset={}"><title>某市实施方案</title></head>'
              "<body><p>一、主要目标</p><p>到2025年，城市污水处理率达到95%，二级以上医院预约诊疗率达到90%。</p></body></html>")


@pytest.mark.parametrize(("charset", "encoding"), [(charset, "utf-8") for charset in _CODECS_NO_PAGE_IS_READ_IN] + [
    (charset, "gb18030") for charset in ("koi8_r", "cp1251", "iso8859_2", "undefined")])
def test_a_chinese_page_declaring_a_charset_no_browser_reads_a_page_of_it_in_is_detected(charset: str, encoding: str):
    # <meta charset="undefined"> was an internal error (UnicodeError), unicode_escape or koi8-r read the plan as gibberish
    declaring = read_html(Path("page.html"), _DECLARING.format(charset).encode(encoding))
    assert texts(declaring[0]) == texts(page(_DECLARING.format("utf-8"))[0])


def test_html_on_standard_input_is_sniffed():
    result = run_planparse("extract", "-", input=SAMPLE.read_bytes(), text=False)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["source"]["format"] == "html"
    assert document["metadata"]["doc_number"] == "某发改环资〔2021〕312号"


@pytest.mark.parametrize("name", ["plan.doc", "plan.wps", "plan.dat", "plan.docx", "plan.txt"])
def test_an_old_word_file_names_the_conversion_whatever_its_name(tmp_path, name):
    # a Word 6/95 file (a Word 97 one is read); renamed .docx it was refused as a damaged DOCX, with no word of what to do
    old = word_95_document(tmp_path / name)
    with pytest.raises(PlanparseError) as raised:
        read_document(old)
    assert f"soffice --headless --convert-to docx {old}" in str(raised.value)


@pytest.mark.parametrize("name", ["附件1.doc", "plan.txt", "plan.wps", "plan.dat"])
def test_a_web_page_is_read_as_one_whatever_its_name(tmp_path, name):
    # sites offer web pages as 附件.doc, crawlers keep them as .txt: the content tells, not the name
    page = tmp_path / name
    page.write_bytes(SAMPLE.read_bytes())
    document = read_document(page)
    assert document.format == "html"
    assert "<p" not in "".join(line.text for line in document.lines)


@pytest.mark.parametrize("name, page", [
    ("附件1：某市医疗卫生服务体系规划.pdf", "<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>"),
    ("附件2：学校建设任务分工表.docx", "\n<html><body><form action='/login'>请登录后下载附件</form></body></html>"),
    ("plan.pdf", "<html><head><script>document.cookie='check=1';location.reload();</script></head><body></body></html>"),
])
def test_a_web_page_named_pdf_or_docx_says_the_download_got_a_page(tmp_path, name, page):
    # what a crawler's download of a PDF or DOCX got instead of it (an error, a login wall): it said 'not a PDF file
    # (no %PDF header)' and 'not a valid DOCX file (truncated or corrupt)', with no word of what it is
    downloaded = tmp_path / name
    downloaded.write_text(page, encoding="utf-8")
    with pytest.raises(PlanparseError) as raised:
        read_document(downloaded)
    assert raised.value.problem.startswith(f"a web page (HTML), not a {name.rpartition('.')[2].upper()} file: the download got the site's page")


_BROWSER_ARCHIVE = (b'From: <Saved by Blink>\r\nSnapshot-Content-Location: http://www.example.gov.cn/a.html\r\nMIME-Version: 1.0\r\n'
                    b'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----MultipartBoundary--x----"\r\n\r\n'
                    b'------MultipartBoundary--x----\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: %s\r\n\r\n%s\r\n'
                    b'------MultipartBoundary--x------\r\n')


@pytest.mark.parametrize("transfer, plan", [
    ("base64", "<p>一、工作目标</p><p>到2025年，全市建成科普教育基地30个。</p>"),
    ("8bit", "<p>一、工作目标</p><p>到2024年，新增养老床位2000张。</p>"),
])
def test_a_page_a_browser_saved_as_a_single_file_gives_its_targets(tmp_path, transfer, plan):
    # Chrome's "webpage, single file" (.mhtml): the page, base64 or as its bytes, among the parts of a MIME message
    import base64

    page = f"<html><head><meta charset='gbk'><title>某市实施方案</title></head><body>{plan}</body></html>".encode("gbk")
    body = base64.encodebytes(page) if transfer == "base64" else page
    archive = tmp_path / "plan.mhtml"
    archive.write_bytes(_BROWSER_ARCHIVE % (transfer.encode(), body))
    document = extract(archive)
    assert document.source.format == "html"
    assert [(section.marker, section.title) for section in document.sections] == [("一、", "工作目标")]
    assert [target.value for target in document.targets] == [30 if transfer == "base64" else 2000]


@pytest.mark.parametrize("kind", ["related", "mixed", "alternative"])
def test_a_web_archive_nesting_parts_thousands_deep_is_refused_saying_so(tmp_path, kind):
    # the email package parses nested parts by recursion: read whole, such an archive ended in a RecursionError; one
    # of mixed parts was no web archive, and its 100,000 characters of headers one sentence too long
    nested = b"".join(b'--b%d\r\nContent-Type: multipart/%s; boundary="b%d"\r\n\r\n' % (level, kind.encode(), level + 1) for level in range(2000))
    archive = tmp_path / "deep.mht"
    archive.write_bytes(b'MIME-Version: 1.0\r\nContent-Type: multipart/%s; boundary="b0"\r\n\r\n' % kind.encode() + nested
                        + b"--b2000\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n")
    run = run_planparse("extract", str(archive))
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == f"planparse: {archive}: a web archive (MHTML) whose parts nest more than 16 deep; planparse reads archives nested at most 16 deep\n"


def test_a_page_saved_from_an_email_is_found_among_the_alternatives_of_its_parts(tmp_path):
    """An email saved whole (Outlook's .mht): its text and its page are alternatives, inside the related parts; a boundary
    that begins another (b1, b10) splits only its own parts."""
    page = "<html><body><p>一、工作目标</p><p>到2025年，全市建成科普教育基地30个。</p></body></html>".encode()
    archive = tmp_path / "mail.mht"
    archive.write_bytes(b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b1"\r\n\r\n'
                        b'--b1\r\nContent-Type: multipart/alternative; boundary="b10"\r\n\r\n'
                        b"--b10\r\nContent-Type: text/plain\r\n\r\nplain\r\n"
                        b"--b10\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page + b"\r\n--b10--\r\n"
                        b"--b1\r\nContent-Type: image/gif\r\n\r\nGIF89a\r\n--b1--\r\n")
    document = extract(archive)
    assert [target.value for target in document.targets] == [30]


def test_a_web_archive_holding_no_page_is_refused_by_name(tmp_path):
    archive = tmp_path / "plan.mht"
    archive.write_bytes(b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
                        b"Content-Type: image/gif\r\nContent-Transfer-Encoding: base64\r\n\r\nR0lGODlhAQABAAAAADs=\r\n--b--\r\n")
    with pytest.raises(PlanparseError, match="web archive .MHTML. that holds no web page"):
        read_document(archive)


def test_a_page_with_no_article_text_is_refused(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><title>x</title></head><body><script>var a;</script></body></html>", encoding="utf-8")
    with pytest.raises(PlanparseError, match="no text"):
        read_document(empty)


def test_the_readme_shows_what_the_sample_page_gives(monkeypatch):
    from click.testing import CliRunner
    from conftest import ROOT

    from planparse.cli import cli

    monkeypatch.chdir(ROOT)  # the README runs from the clone's root
    shown = [line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
             if line.startswith("samples/web-page-sample.html,")]
    result = CliRunner().invoke(cli, ["extract", str(SAMPLE.relative_to(ROOT)), "--format", "csv"], catch_exceptions=False)
    assert shown and all(line in result.output.splitlines() for line in shown)


@pytest.mark.parametrize("head", [
    "<title>某区餐厨垃圾治理工作方案_政策文件_某区人民政府网站</title>",
    "<title>某区餐厨垃圾治理工作方案 - 某区人民政府网站</title>",
    "<meta property='og:title' content='某区餐厨垃圾治理工作方案'><title>某区人民政府网站</title>",
])
def test_without_title_meta_the_page_title_is_the_titles_first_part(tmp_path, head):
    saved = tmp_path / "plan.html"
    saved.write_text(
        f"<html><head>{head}</head><body><div class='text'><p>一、工作目标</p>"
        "<p>到2024年底，餐厨垃圾集中收运处理率达到95%以上，新建处理设施2座。</p></div></body></html>",
        encoding="utf-8",
    )
    assert extract(saved).metadata.title == "某区餐厨垃圾治理工作方案"


def test_batch_converts_saved_pages_beside_text(tmp_path):
    from planparse.batch import BatchOptions, plan_jobs

    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ("a.html", "b.htm", "c.txt"):
        (folder / name).write_bytes(SAMPLE.read_bytes() if name != "c.txt" else b"\xe4\xb8\x80\xe3\x80\x81\xe7\x9b\xae\xe6\xa0\x87")
    jobs = plan_jobs(BatchOptions(in_dir=folder, out_dir=tmp_path / "out"))
    assert sorted(job.relative for job in jobs) == ["a.html", "b.htm", "c.txt"]


TAGS = ["<p>", "</p>", "<br>", "<div>", "</div>", "<table>", "<tr>", "<td rowspan='3'>", "<td colspan='99999'>", "</td>",
        "</tr>", "</table>", "<!--[if gte mso 9]>", "<![endif]-->", "<![if !supportLists]>", "<a href='#'>", "</a>",
        "一、总体要求", "到2025年达到85%。", "<meta name='ArticleTitle' content='某方案'>", "发文机关：", "&nbsp;", "\u3000"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(TAGS), max_size=40), st.binary(max_size=40))
def test_any_markup_reads_or_fails_with_one_line(pieces, noise):
    data = ("<html><body>" + "".join(pieces)).encode("utf-8") + noise
    try:
        lines, tables, _ = read_html(Path("page.html"), data)
    except PlanparseError as error:
        assert "\n" not in str(error)
        return
    assert all("\n" not in line.text for line in lines)
    assert all(len(row) == len(table.header) for table in tables for row in table.rows)


def test_hostile_spans_end_with_the_table():
    rows = "<tr><td rowspan='65534' colspan='99999'>甲</td><td>乙</td></tr>" * 30
    _, [table], _ = page(f"<html><body><table>{rows}</table></body></html>")
    assert len(table.rows) + 1 == 30 and len(table.header) <= 30 * 101


@pytest.mark.parametrize("title, addressees, recipients", [
    # a notice whose title is only the page's (water, education): its text opens with its addressees
    ("某县人民政府办公室关于印发某县农村饮水安全巩固提升行动方案的通知_某县人民政府门户网站", "各乡镇人民政府，县直各单位：",
     ["各乡镇人民政府", "县直各单位"]),
    ("某市教育局关于印发某市中小学课后服务提质行动方案的通知 - 某市教育局", "各区县教育局，市直属各学校：", ["各区县教育局", "市直属各学校"]),
], ids=["water", "education"])
def test_a_notice_titled_only_by_its_page_keeps_its_addressees(tmp_path, title, addressees, recipients):
    saved = tmp_path / "notice.html"
    saved.write_text(
        f"<html><head><title>{title}</title></head><body><div class='article'><p>{addressees}</p>"
        "<p>现将方案印发给你们，请认真贯彻执行。</p><p>某县人民政府办公室</p><p>2024年3月5日</p><p>一、工作目标</p>"
        "<p>到2025年，目标任务全面完成，覆盖率达到95%。</p><p>二、主要任务</p><p>（一）完善设施。</p></div></body></html>",
        encoding="utf-8",
    )
    assert extract(saved).metadata.recipients == recipients


def test_list_items_show_the_marker_their_list_style_gives():
    # A site's editor numbers a plan's levels by CSS (cjk-ideographic shows 一、) or type="1", and starts an item again by
    # its value; a bullet list shows no marker
    lines, _, _ = page("""<html><body><div>
        <ol style="list-style-type: cjk-ideographic"><li><p>总体要求</p>
          <ol type="1"><li>到2025年，全市新建公办幼儿园20所。<li value="3">完成农村公路提档升级300公里。</ol>
        <li>保障措施</li></ol><ul><li>附件：分工表</li></ul></div></body></html>""")
    assert texts(lines) == ["一、总体要求", "1.到2025年，全市新建公办幼儿园20所。", "3.完成农村公路提档升级300公里。",
                            "二、保障措施", "附件：分工表"]
