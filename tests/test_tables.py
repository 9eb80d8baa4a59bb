"""Tables: both text layouts, merged cells, repeated headers, and one table per source whatever the format."""
from __future__ import annotations

import time
from functools import lru_cache

import pytest
from conftest import SAMPLES, write_plan

from planparse.models import Document, SourceLine, TableData
from planparse.pipeline import extract
from planparse.tables import cell_lines_as_tab_rows, find_text_tables, spaced_rows_as_tab_rows, tidy_table

TABLE_SEEDS = ("jieyang-2022", "qingcheng-2021")


@lru_cache(maxsize=None)
def extracted(name: str) -> Document:
    return extract(SAMPLES / name)


def lines(*texts: str) -> list[SourceLine]:
    return [SourceLine(text=text, line=i) for i, text in enumerate(texts, 1)]


def test_tab_rows_with_a_header_repeated_after_a_page_break():
    tables = find_text_tables(lines(
        "附件", "序号\t工作内容\t\t牵头单位\t责任单位", "1\t提升行动\t实施青少年行动\t市教育局\t市科协、团市委",
        "2\t\t实施农民行动\t市农业农村局\t市妇联", "", "", "序号\t工作内容\t\t牵头单位\t责任单位",
        "3\t重点工程\t实施信息化工程\t市科协\t市教育局", "正文继续。"))
    assert len(tables) == 1
    assert tables[0].header == ["序号", "工作内容", "工作内容", "牵头单位", "责任单位"]
    assert [row[:3] for row in tables[0].rows] == [
        ["1", "提升行动", "实施青少年行动"], ["2", "提升行动", "实施农民行动"], ["3", "重点工程", "实施信息化工程"]]
    assert tables[0].line == 2


@pytest.mark.parametrize("plan, wanted", [
    # housing: the places' yearly homes, then their yearly village renewals, each header over two rows
    ("某市保障性住房和城中村改造三年行动方案（2024—2026年）\n一、分年度任务\n区县\t年度筹集任务（套）\t\n\t2024年\t2025年\n"
     "东城区\t3000\t2500\n西城区\t2000\t1800\n\n区县\t城中村改造项目（个）\t\n\t2024年\t2025年\n东城区\t5\t6\n西城区\t3\t4\n"
     "二、保障措施\n加强组织领导。\n",
     [("东城区年度筹集任务", 3000, "套", 2024), ("东城区年度筹集任务", 2500, "套", 2025), ("西城区年度筹集任务", 2000, "套", 2024),
      ("西城区年度筹集任务", 1800, "套", 2025), ("东城区城中村改造项目", 5, "个", 2024), ("东城区城中村改造项目", 6, "个", 2025),
      ("西城区城中村改造项目", 3, "个", 2024), ("西城区城中村改造项目", 4, "个", 2025)]),
    # education and health: the towns' new kindergartens, then their new clinics
    ("某县教育和卫生三年行动方案（2024—2026年）\n一、分乡镇任务\n乡镇\t新建幼儿园（所）\n城关镇\t3\n河口镇\t2\n\n"
     "乡镇\t新建村卫生室（个）\n城关镇\t6\n河口镇\t4\n二、保障措施\n加强组织领导。\n",
     [("城关镇新建幼儿园", 3, "所", 2026), ("河口镇新建幼儿园", 2, "所", 2026), ("城关镇新建村卫生室", 6, "个", 2026),
      ("河口镇新建村卫生室", 4, "个", 2026)]),
], ids=["housing", "education-and-health"])
@pytest.mark.parametrize("between", ["\n\n", "\n"], ids=["blank-line", "no-blank-line"])
def test_a_table_of_places_after_another_is_a_table_of_its_own(tmp_path, plan, wanted, between):
    """A text's table of places after another, a blank line between or none, the second's header naming its rows as the
    first's does (区县, 乡镇) and its columns otherwise, was read as one table: the second header a row, its figures named
    and measured by the first's columns (5 套 named 东城区年度筹集任务)."""
    document = extract(write_plan(tmp_path, plan.replace("\n\n", between)))
    assert len(document.tables) == 2
    assert [(t.indicator, t.value, t.unit, t.deadline) for t in document.targets] == wanted


def test_a_headers_second_line_repeating_its_first_cell_is_no_other_table():
    """A merged cell a copy wrote on both lines of a header (乡镇 over 乡镇) opens no table between them: the years are
    the columns of the figures under them (schools, water)."""
    schools = find_text_tables(lines("乡镇\t新建幼儿园（所）\t新建幼儿园（所）", "乡镇\t2024年\t2025年", "城关镇\t3\t2", "河口镇\t2\t1"))
    water = find_text_tables(lines("区县\t集中供水工程（处）\t集中供水工程（处）", "区县\t2024年\t2025年", "东城区\t5\t6", "结束语。"))
    assert [len(schools), len(water)] == [1, 1]
    assert [len(schools[0].rows), len(water[0].rows)] == [2, 1]


def test_each_row_of_a_long_table_of_places_looks_back_at_its_header_alone(monkeypatch):
    """Whether a row opens another table is told from its table's header and the row under it, not from every row read
    so far (that was quadratic: 20,000 rows of towns)."""
    import planparse.tables as tables

    looked, cell_line = [], tables._is_cell_line
    monkeypatch.setattr(tables, "_is_cell_line", lambda text: looked.append(text) or cell_line(text))
    rows = 2000
    found = find_text_tables(lines("乡镇\t新建幼儿园（所）", *(f"第{n}镇\t{n}" for n in range(rows))))
    assert len(found) == 1 and len(found[0].rows) == rows
    assert len(looked) < 10 * rows


@pytest.mark.parametrize("plan, wanted", [
    # parks: an indicator table's yearly cells, each at its row's line (reader P5: all at the header's, line 3)
    ("某县口袋公园建设三年行动方案（2024—2026年）\n一、主要指标\n序号\t指标\t单位\t2025年\t2026年\n1\t新建口袋公园\t个\t40\t30\n"
     "2\t新增绿地面积\t万平方米\t12\t9\n二、保障措施\n加强组织领导。\n",
     {"targets": [4, 4, 5, 5], "duties": []}),
    # roads: a 分工表's tasks and their units, each at its row's line
    ("某县农村公路三年行动方案（2024—2026年）\n一、主要任务\n加强组织领导。\n附件：重点任务分工表\n序号\t工作任务\t牵头单位\t配合单位\t完成时限\n"
     "1\t完成县乡道安全生命防护工程120公里\t县交通运输局\t县财政局\t2025年底前\n2\t新建农村公路50公里\t县交通运输局\t各乡镇人民政府\t2026年底前\n",
     {"targets": [6, 7], "duties": [6, 7]}),
], ids=["parks", "roads"])
def test_a_tables_targets_and_duties_are_at_their_rows_lines(tmp_path, plan, wanted):
    document = extract(write_plan(tmp_path, plan))
    assert [target.line for target in document.targets] == wanted["targets"]
    assert [duty.line for duty in document.responsibilities] == wanted["duties"]


def test_a_page_that_ends_inside_a_tab_table_leaves_it_one_table():
    """A page number between the header and the first row, or between two rows (a Word text printed and copied back),
    is the page's, not a line of prose that ends the table: relics' yearly tasks, and farmland's."""
    relics = find_text_tables(lines(
        "序号\t任务指标\t单位\t2025年\t2026年\t2027年\t牵头单位", "— 2 —",
        "1\t文物保护维修工程\t处\t5\t6\t6\t县文化旅游局", "2\t新增乡村博物馆\t个\t1\t1\t2\t县文化旅游局", "结束语。"))
    farmland = find_text_tables(lines(
        "序号\t任务\t单位\t2025年\t2026年", "1\t新建高标准农田\t万亩\t3\t3", "", "- 5 -", "",
        "2\t改造提升高标准农田\t万亩\t1\t2", "正文继续。"))
    assert [len(relics), len(farmland)] == [1, 1]
    assert [row[1] for row in relics[0].rows] == ["文物保护维修工程", "新增乡村博物馆"]
    assert [row[1] for row in farmland[0].rows] == ["新建高标准农田", "改造提升高标准农田"]


def test_one_cell_a_line_with_blank_lines_between_rows():
    tables = find_text_tables(lines(
        "\t序号", "\t工作内容", "\t牵头单位", "\t配合单位", "",
        "\t1", "\t提升行动", "\t实施青少年行动。", "\t区教育局", "\t区科协", "",
        "\t2", "\t", "\t实施农民行动。", "\t区农业农村局", "\t区妇联", "", "结束语。"))
    assert len(tables) == 1
    assert tables[0].header == ["序号", "工作内容", "工作内容", "牵头单位", "配合单位"]
    assert tables[0].rows == [["1", "提升行动", "实施青少年行动。", "区教育局", "区科协"],
                              ["2", "提升行动", "实施农民行动。", "区农业农村局", "区妇联"]]


def test_paragraphs_indented_by_tabs_are_not_a_table():
    assert find_text_tables(lines("\t为贯彻落实有关部署，制定本方案。", "", "\t一、总体要求", "", "\t加强组织领导。")) == []
    assert find_text_tables(lines("\t为贯彻落实有关部署，", "\t制定本方案。")) == []


def test_a_note_column_is_not_filled_down():
    table = tidy_table(TableData(header=["任务", "责任单位", "备注"], rows=[["甲", "市科协", "新增"], ["乙", "", ""]]))
    assert table.rows == [["甲", "市科协", "新增"], ["乙", "市科协", ""]]


def test_seed_tables_are_the_fen_gong_biao():
    qingcheng = extracted("qingcheng-2021.txt").tables
    assert len(qingcheng) == 1 and len(qingcheng[0].rows) == 10
    assert all(len(row) == 5 and row[1] in ("提升行动", "重点工程") for row in qingcheng[0].rows)
    assert extracted("jinjiang-2022.txt").tables == []


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("seed", TABLE_SEEDS)
def test_docx_and_pdf_give_each_table_once_as_the_text_does(seed, fmt):
    text = extracted(f"{seed}.txt").tables
    other = extracted(f"{seed}.{fmt}").tables
    assert len(text) == 1
    assert [(t.header, t.rows) for t in other] == [(t.header, t.rows) for t in text]


def test_a_note_across_a_text_table_is_not_filled_down():
    table = tidy_table(TableData(header=["指标", "2023年", "2025年"], rows=[["示范村（个）", "10", "20"], ["注：2025年为预期值。", "", ""]]))
    assert table.rows[1] == ["注：2025年为预期值。", "", ""]
    merged = tidy_table(TableData(header=["指标", "单位", "2023年", "2025年"], rows=[["示范村", "个", "10", "20"], ["绿色学校", "", "", ""]]))
    # a text table has no grid: an empty cell is merged down, but under a figure of a column of values (2023年, 目标值),
    # where it gives no value, as — does (a row of 小计 or a group's name across an indicator table took its figures)
    assert merged.rows[1] == ["绿色学校", "个", "", ""]


def test_a_row_of_a_groups_name_is_no_wrapped_name():
    """A row of words alone under a row of figures is its name's wrapped line (a PDF viewer's copy) only where the
    table writes no such row right under its header (health: groups named in the name column), nor the group's
    name at the first cell (culture), nor a heading's marker (sports)."""
    health = tidy_table(TableData(header=["序号", "指标", "单位", "2025年"], rows=[
        ["", "健康水平", "", ""], ["1", "人均预期寿命", "岁", "79.5"], ["", "医疗服务", "", ""], ["2", "每千人口床位数", "张", "6.5"]]))
    culture = tidy_table(TableData(header=["指标", "单位", "2025年"], rows=[
        ["公共图书馆", "个", "3"], ["文化设施", "", ""], ["乡镇综合文化站", "个", "12"]]))
    sports = tidy_table(TableData(header=["序号", "指标", "单位", "2025年"], rows=[
        ["1", "人均体育场地面积", "平方米", "2.6"], ["", "（二）群众体育", "", ""], ["2", "体育社会组织", "个", "40"]]))
    assert [row[1] for row in health.rows] == ["健康水平", "人均预期寿命", "医疗服务", "每千人口床位数"]
    assert [row[0] for row in culture.rows] == ["公共图书馆", "文化设施", "乡镇综合文化站"]
    assert [row[1] for row in sports.rows] == ["人均体育场地面积", "（二）群众体育", "体育社会组织"]


def test_a_row_writing_its_own_unit_or_kind_is_no_wrapped_name():
    """A row that writes its name with its unit or 属性, its values left blank (a new indicator, a part given elsewhere),
    is a row of its own, not the lower line of the name above (reader Y6: 森林覆盖率湿地保护率, unit %%): ecology, income."""
    ecology = tidy_table(TableData(header=["序号", "指标", "单位", "2020年", "2025年", "属性"], rows=[
        ["4", "森林覆盖率", "%", "58", "60", "约束性"], ["", "湿地保护率", "%", "", "", "预期性"]]))
    income = tidy_table(TableData(header=["序号", "指标", "单位", "2020年", "2025年", "属性"], rows=[
        ["3", "城乡居民人均可支配收入", "元", "30000", "40000", "预期性"], ["", "其中：农村居民", "元", "", "", "预期性"]]))
    assert [row[1] for row in ecology.rows] == ["森林覆盖率", "湿地保护率"]
    assert [row[1] for row in income.rows] == ["城乡居民人均可支配收入", "其中：农村居民"]


def test_a_cell_saying_it_repeats_another_holds_that_cells_text():
    """同上 and 同前 hold the cell above, 同左 the cell on its left (reader W19: a unit named 同上): a 分工表 of business
    climate, one of water. A longer cell holding the word is its own (同上级部门对接)."""
    business = tidy_table(TableData(header=["序号", "重点任务", "牵头单位", "责任单位", "完成时限"], rows=[
        ["1", "企业开办时间压缩至1个工作日以内", "县市场监管局", "县税务局、县人社局", "2024年6月底前"],
        ["2", "工程建设项目审批时间压缩至60个工作日", "县住建局", "同上", "同 上。"],
        ["3", "加强政务服务", "县政务服务中心", "同左", "同上级部门对接"]]), fill_down=False)
    assert [row[3:] for row in business.rows] == [["县税务局、县人社局", "2024年6月底前"], ["县税务局、县人社局", "2024年6月底前"],
                                                  ["县政务服务中心", "同上级部门对接"]]
    water = tidy_table(TableData(header=["任务", "牵头单位", "配合单位"], rows=[["新建水厂2座", "县水利局", "县财政局"],
                                                                         ["改造管网50公里", "同前", "同前"]]))
    assert water.rows[1] == ["改造管网50公里", "县水利局", "县财政局"]


def test_an_empty_unit_cell_is_merged_down_unless_the_name_says_its_unit():
    """A 单位 cell left empty under a written one is a merged cell's lower part, but beside a name closing with a measure
    word in brackets (养老机构床位数（张）): not beside a note in brackets of another kind (学前教育毛入园率（含民办）)."""
    table = tidy_table(TableData(header=["指标", "单位", "2025年"], rows=[
        ["老年人口", "人", "52000"], ["养老机构床位数（张）", "", "1200"], ["护理型床位占比（%）", "", "55"],
        ["学前教育普惠率", "%", "90"], ["学前教育毛入园率（含民办）", "", "95"]]))
    assert [row[1] for row in table.rows] == ["人", "", "", "%", "%"]


def test_a_traditional_plans_table_targets_quote_the_cells_as_written(tmp_path):
    # health indicators and a transport and health 分工表 in traditional characters (finding 18): the cells were read
    # folded and quoted so (孕产妇死亡率（/10万）), where the text's targets quote the text as written
    plan = write_plan(tmp_path, "某縣衛生健康和交通發展規劃（2021—2025年）\n一、主要指標\n序號\t指標\t2020年\t2025年\t屬性\n"
                    "1\t孕產婦死亡率（/10萬）\t12\t≤10\t約束性\n2\t每千人口執業（助理）醫師數（人）\t2.6\t3.2\t預期性\n"
                    "二、重點任務分工\n序號\t工作任務\t牽頭單位\t完成時限\n1\t新建農村公路200公里\t縣交通運輸局\t2024年\n"
                    "2\t培訓鄉村醫生300人次\t縣衛生健康局\t2023年\n")
    document = extract(plan)
    assert [(t.quote, t.indicator, t.value, t.deadline) for t in document.targets if t.kind != "baseline"] == [
        ("孕產婦死亡率（/10萬）\t≤10", "孕产妇死亡率", 10, 2025), ("每千人口執業（助理）醫師數（人）\t3.2", "每千人口执业（助理）医师数", 3.2, 2025),
        ("新建農村公路200公里", "农村公路", 200, 2024), ("培訓鄉村醫生300人次", "乡村医生", 300, 2023)]
    assert [r.lead for r in document.responsibilities] == [["县交通运输局"], ["县卫生健康局"]]  # read folded, as the text's


def test_a_pasted_row_without_its_merged_task_cell_keeps_its_units_and_time_in_their_columns():
    # health: 重点任务 merged over rows 1 and 2, left out of row 2 when the page was copied
    health = find_text_tables(lines(
        "序号\t重点任务\t具体措施\t牵头单位\t配合单位\t完成时限",
        "1\t提升基层医疗服务能力\t新建社区卫生服务中心3个\t区卫健委\t区财政局\t2025年底",
        "2\t建成家庭医生团队40支\t区卫健委\t区医保局\t2026年6月",
        "3\t加强公共卫生体系\t改造发热门诊8个\t区卫健委\t区发改委\t2025年底"))[0]
    assert health.rows[1] == ["2", "提升基层医疗服务能力", "建成家庭医生团队40支", "区卫健委", "区医保局", "2026年6月"]
    # transport: 序号 and 重点任务 merged over two rows, the time due merged in the rows after
    transport = find_text_tables(lines(
        "序号\t重点任务\t具体措施\t牵头单位\t配合单位\t完成时限",
        "1\t完善农村公路网\t新改建农村公路120公里\t县交通运输局\t县财政局、各乡镇\t2025年",
        "新增通客车建制村15个\t县交通运输局\t县公安局\t2024年",
        "2\t提升公交服务\t更新新能源公交车50辆\t县交通运输局\t县国资局\t2026年",
        "3\t建设充电设施\t新建公共充电桩300个\t县发改局\t县供电公司"))[0]
    assert transport.rows[1] == ["1", "完善农村公路网", "新增通客车建制村15个", "县交通运输局", "县公安局", "2024年"]
    assert transport.rows[3] == ["3", "建设充电设施", "新建公共充电桩300个", "县发改局", "县供电公司", "2026年"]


def test_a_row_short_of_its_last_cells_keeps_its_cells_where_they_are():
    # agriculture: the notes column left empty at the row's end, the tabs after the last cell lost
    table = find_text_tables(lines(
        "序号\t重点任务\t牵头单位\t完成时限\t备注",
        "1\t建设高标准农田2万亩\t县农业农村局\t2025年\t省级补助",
        "2\t新增农业社会化服务组织10家\t县农业农村局\t2026年"))[0]
    assert table.rows[1] == ["2", "新增农业社会化服务组织10家", "县农业农村局", "2026年", ""]


def test_a_pasted_row_that_lost_its_merged_cell_gives_the_task_its_units_and_year(tmp_path):
    plan = write_plan(tmp_path, "某县稳就业行动方案\n\n一、任务分工\n\n序号\t重点任务\t具体措施\t牵头单位\t配合单位\t完成时限\n"
               "1\t促进高校毕业生就业\t开发见习岗位500个\t县人社局\t县教育局\t2025年\n"
               "2\t新增创业担保贷款2000万元\t县人社局\t县财政局\t2026年底\n")
    document = extract(plan)
    rows = {row.heading: (row.lead, row.support) for row in document.responsibilities}
    assert rows["新增创业担保贷款2000万元"] == (["县人社局"], ["县财政局"])
    loans = [target for target in document.targets if target.kind == "money"]
    assert [(target.value, target.deadline) for target in loans] == [(20_000_000, 2026)]


def test_a_wide_spaced_table_is_read_in_time_linear_in_its_cells():
    """A hostile copy lined up with spaces, 20,000 columns wide, each row a cell short and a cell wrapped onto its own
    line: each cell finds its column by halving the header's starts, each wrapped cell its row at once (a search of the
    header for every cell, of the rows read for every wrapped line, took minutes)."""
    header = "  ".join(["序号", "指标"] * 10_000)
    short = "  ".join(["1"] * 19_999)
    lines = [SourceLine(text=text, line=number) for number, text in enumerate([header] + [short, "   续"] * 50, 1)]
    start = time.process_time()
    rows = spaced_rows_as_tab_rows(lines)
    assert time.process_time() - start < 5
    assert rows[0].text.count("\t") == 19_999 and "续" in rows[1].text and rows[2].text == ""



@pytest.mark.parametrize(("name", "text"), [
    # health: a web page's table whose first row is its caption, a cell across the table
    ("plan.html", "<html><body><p>某市卫生健康事业发展规划（2021—2025年）</p><p>一、主要指标</p><table>"
                  "<tr><td colspan='4'>表1 主要发展指标</td></tr><tr><td>指标</td><td>2020年</td><td>2025年</td><td>属性</td></tr>"
                  "<tr><td>人均预期寿命（岁）</td><td>78.5</td><td>79.5</td><td>预期性</td></tr>"
                  "<tr><td>每千人口执业（助理）医师数（人）</td><td>2.9</td><td>3.2</td><td>预期性</td></tr></table>"
                  "<p>二、重点任务</p><p>（一）完善服务体系。新建社区卫生服务中心5个。</p></body></html>"),
    # transport: a Word table copied as text, its caption typed with a tab after its number
    ("plan.txt", "某县交通运输发展规划（2021—2025年）\n一、主要指标\n表2\t交通发展主要指标\n指标名称\t单位\t2020年\t2025年\n"
                 "新改建农村公路\t公里\t120\t300\n建制村通客车率\t%\t95\t100\n二、重点任务\n（一）完善路网。新建桥梁10座。\n"),
])
def test_a_caption_over_a_tables_header_is_no_header(tmp_path, name, text):
    # the caption was taken for the header: no column was an indicator's or a year's, and the table gave no target
    (tmp_path / name).write_text(text, encoding="utf-8")
    targets = [(t.value, t.deadline) for t in extract(tmp_path / name).targets if t.quote and "\t" in t.quote]
    assert len(targets) == 4 and sorted({deadline for _, deadline in targets}) == [2020, 2025]


@pytest.mark.parametrize(("text", "sums"), [
    # transport: kilometres of rural roads by town and year, the sum under 序号 with the towns' cell left blank
    ("某县农村公路建设三年行动方案（2024—2026年）\n一、建设任务\n序号\t乡镇\t2024年\t2025年\t2026年\t合计\n1\t城关镇\t20\t25\t30\t75\n"
     "2\t河口镇\t15\t20\t25\t60\n合计\t\t35\t45\t55\t135\n二、保障措施\n各乡镇要落实责任。\n", (35, 45, 55)),
    # elderly care: beds by county, the sum written 合  计 with a space, as a form centres it
    ("某市养老服务床位建设方案（2024—2025年）\n一、目标任务\n序号\t县（区）\t2024年\t2025年\n1\t东城区\t300\t400\n2\t西山县\t200\t260\n"
     "合  计\t\t500\t660\n二、保障措施\n各地要落实用地保障。\n", (500, 660)),
])
def test_a_total_row_under_places_takes_no_place_from_the_row_above(tmp_path, text, sums):
    # the blank place cell of the 合计 row was filled down from the last place: its sums were that place's targets,
    # each place's cells already are (GUIDE.md is silent; the hand-answered 分县任务表 of yuanan-zhongyiyao leaves 合计 out)
    targets = extract(write_plan(tmp_path, text)).targets
    assert len(targets) == 2 * len(sums) and not any(t.value in sums for t in targets)


def test_a_merged_cell_goes_on_below_a_total_row():
    # elderly care: the lead unit merged down the whole table, past a 小计 closing the first group of counties
    table = tidy_table(TableData(header=["序号", "县（区）", "2024年", "2025年", "牵头单位"], rows=[
        ["1", "东城区", "300", "400", "市民政局"], ["2", "西山县", "200", "260", ""], ["小计", "", "500", "660", ""],
        ["3", "南湖县", "120", "150", ""]]))
    assert [row[4] for row in table.rows] == ["市民政局", "市民政局", "", "市民政局"]
    assert [row[1] for row in table.rows] == ["东城区", "西山县", "", "南湖县"]


@pytest.mark.parametrize(("text", "unit"), [
    # transport: a note in a line of its own under a text's table
    ("某县农村公路建设三年行动方案（2024—2026年）\n一、建设任务\n序号\t乡镇\t2024年\t2025年\t2026年\n1\t城关镇\t20\t25\t30\n"
     "2\t河口镇\t15\t20\t25\n注：单位为公里。\n二、保障措施\n各乡镇要落实责任。\n", "公里"),
    # water: a web page's note in a row across the table, its data's unit written with 均
    ("<html><body><h1>某市农村供水保障工程实施方案（2024—2025年）</h1><p>一、建设任务</p><table>"
     "<tr><td>序号</td><td>县（区）</td><td>2024年</td><td>2025年</td></tr><tr><td>1</td><td>东城区</td><td>12</td><td>18</td></tr>"
     "<tr><td>2</td><td>西山县</td><td>9</td><td>14</td></tr><tr><td colspan=\"4\">注：表中数据单位均为处，2025年为预计数。</td></tr>"
     "</table><p>二、保障措施</p><p>各地要落实资金。</p></body></html>", "处"),
])
def test_a_note_under_a_table_gives_its_cells_their_unit(tmp_path, text, unit):
    name = "plan.html" if text.startswith("<html>") else "plan.txt"
    (tmp_path / name).write_text(text, encoding="utf-8")
    units = [t.unit for t in extract(tmp_path / name).targets if t.quote and "\t" in t.quote]
    assert len(units) in (4, 6) and set(units) == {unit}


def _web_tables(title: str, first: list[list[str]], second: list[list[str]], note: str) -> str:
    def table(rows: list[list[str]]) -> str:
        return "<table>" + "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows) + "</table>"
    return (f"<html><body><h1>{title}</h1><p>一、建设任务</p>{table(first)}{table(second)}<p>{note}</p>"
            "<p>二、保障措施</p><p>各地要落实资金。</p></body></html>")


@pytest.mark.parametrize(("text", "first", "unit"), [
    # education and transport: classrooms by town, then kilometres of road by county, the note under the second
    (_web_tables("某县教育和交通建设实施方案（2024—2025年）",
                 [["序号", "乡镇", "2024年", "2025年"], ["1", "城关镇", "2", "3"], ["2", "河口镇", "1", "2"]],
                 [["序号", "县（区）", "2024年", "2025年"], ["1", "东城区", "30", "40"], ["2", "西山县", "25", "35"]],
                 "注：单位为公里。"), {"城关镇", "河口镇"}, "公里"),
    # health: village clinics by town, then hospital beds by county, the note naming the table's data
    (_web_tables("某县卫生健康服务能力提升方案（2024—2026年）",
                 [["序号", "乡镇", "2025年", "2026年"], ["1", "石桥镇", "4", "6"], ["2", "白沙镇", "3", "5"]],
                 [["序号", "县（区）", "2025年", "2026年"], ["1", "南湖区", "120", "150"], ["2", "北山县", "80", "100"]],
                 "注：表中数据单位均为张。"), {"石桥镇", "白沙镇"}, "张"),
], ids=["education-transport", "health"])
def test_a_note_under_the_second_of_two_tables_gives_the_first_no_unit(tmp_path, text, first, unit):
    # the note was looked for past every row of a table, through the next table's: the first took the second's unit
    (tmp_path / "plan.html").write_text(text, encoding="utf-8")
    targets = [t for t in extract(tmp_path / "plan.html").targets if t.quote and "\t" in t.quote]
    assert len(targets) == 8
    assert {t.unit for t in targets if t.indicator in first} == {None}
    assert {t.unit for t in targets if t.indicator not in first} == {unit}


def test_a_note_under_a_table_split_over_pages_gives_both_parts_their_unit(tmp_path):
    # elderly care: a web page's table cut in two, its header repeated over the second part, the note under it
    header = ["序号", "县（区）", "2024年", "2025年"]
    text = _web_tables("某市养老服务设施建设方案（2024—2025年）", [header, ["1", "东城区", "300", "400"]],
                       [header, ["2", "西山县", "200", "260"]], "注：单位为张。")
    (tmp_path / "plan.html").write_text(text, encoding="utf-8")
    units = [t.unit for t in extract(tmp_path / "plan.html").targets if t.quote and "\t" in t.quote]
    assert units == ["张"] * 4


@pytest.mark.parametrize("label", ["合计（公里）", "小计（2024—2025年）", "累计", "全镇合计", "合 计（个）"])
@pytest.mark.parametrize(("head", "sums"), [
    # transport: kilometres of rural road by town and year
    ("某县农村公路建设方案（2024—2025年）\n一、建设任务\n序号\t乡镇\t2024年\t2025年\n1\t城关镇\t20\t25\n2\t河口镇\t15\t20\n", (35, 45)),
    # culture: village libraries by town and year
    ("某县公共文化服务提升方案（2025—2026年）\n一、工作任务\n序号\t乡镇\t2025年\t2026年\n1\t石桥镇\t12\t16\n2\t白沙镇\t9\t11\n", (21, 27)),], ids=["transport", "culture"])
def test_a_total_row_of_any_total_word_takes_no_place_from_the_row_above(tmp_path, label, head, sums):
    # only 合计, 总计, 小计 and 全[县市区省]合计 written alone were a total: 合计（公里）, 累计, 全镇合计 took the town above
    # (rules/indicators.yaml total_row_words, as a 分县任务表's total row is told)
    text = f"{head}{label}\t\t{sums[0]}\t{sums[1]}\n二、保障措施\n各乡镇要落实责任。\n"
    targets = extract(write_plan(tmp_path, text)).targets
    assert len(targets) == 4 and not any(t.value in sums for t in targets)


def test_a_note_label_of_many_spaces_is_read_in_linear_time():
    # a cell of 注 and spaces with no colon: \s*\d*\s* tried each split of the spaces, for each column of each row
    rows = [["1", "城关镇", "20", "市交通局"], ["注" + " " * 20000, "", "", ""], ["2", "河口镇", "15", ""]]
    started = time.perf_counter()
    tidy_table(TableData(header=["序号", "乡镇", "2025年", "牵头单位"], rows=rows))
    assert time.perf_counter() - started < 1


_BARE_GOALS = [["序号", "工作任务", "目标", "牵头单位", "完成时限"],
               ["1", "新建村卫生室", "20个", "县卫健局", "2025年底"],  # health
               ["2", "培训乡村医生", "300人次", "县卫健局", "2025年底"],
               ["3", "新建5G基站", "≥100个", "县工信局", "2026年底"],  # digital infrastructure
               ["4", "开展防汛应急演练", "每年2次", "县应急局", "每年"],  # emergency
               ["5", "农村饮水安全巩固提升", "受益人口5万人", "县水务局", "2025年底"]]  # water: the cell names its own


def _table_plan(folder, form: str, rows: list[list[str]]):
    """A plan of a title, a heading, the table ``rows`` and a closing section, as a text typed with tabs, a Word file with
    a real table or a web page."""
    lines = ["某县基层能力提升行动方案（2025—2026年）", "一、重点任务"]
    closing = ["二、保障措施", "加强资金保障。"]
    if form == "txt":
        return write_plan(folder, "\n".join(lines + ["\t".join(row) for row in rows] + closing) + "\n")
    if form == "html":
        table = "<table>" + "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows) + "</table>"
        page = folder / "plan.html"
        page.write_text("<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + table
                        + "".join(f"<p>{line}</p>" for line in closing) + "</body></html>", encoding="utf-8")
        return page
    import docx
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    for line in closing:
        document.add_paragraph(line)
    document.save(folder / "plan.docx")
    return folder / "plan.docx"


@pytest.mark.parametrize("form", ["txt", "docx", "html"])
def test_a_bare_goal_cell_is_named_by_its_rows_task(tmp_path, form):
    # 目标 | 20个 names nothing it counts: the row's task does, as the text's 新建村卫生室20个 (was indicator None)
    targets = extract(_table_plan(tmp_path, form, _BARE_GOALS)).targets
    assert [(t.value, t.unit, t.indicator, t.deadline, t.frequency) for t in targets] == [
        (20, "个", "村卫生室", 2025, None), (300, "人次", "乡村医生", 2025, None), (100, "个", "5G基站", 2026, None),
        (2, "次", "防汛应急演练", None, "annual"), (50000, "人", "受益人口", 2025, None)]


@pytest.mark.parametrize("form", ["txt", "docx", "html"])
def test_a_yearly_table_of_what_is_built_gives_each_years_cell(tmp_path, form):
    # 建设内容 | 2025年 | 2026年 names no indicator column: its cells gave nothing (transport, education)
    rows = [["序号", "建设内容", "2025年", "2026年"], ["1", "新改建农村公路（公里）", "320", "350"], ["2", "新建公办幼儿园（所）", "4", "2"]]
    targets = extract(_table_plan(tmp_path, form, rows)).targets
    assert [(t.value, t.unit, t.indicator, t.deadline) for t in targets] == [
        (320, "公里", "新改建农村公路", 2025), (350, "公里", "新改建农村公路", 2026), (4, "所", "新建公办幼儿园", 2025), (2, "所", "新建公办幼儿园", 2026)]


def test_a_merged_header_pasted_as_text_names_the_columns_of_its_second_row():
    # a page's header cell over two columns keeps no empty cell when pasted: 责任单位 over 牵头单位 | 配合单位, 目标值
    # over the years, are spread over the columns the second row names (elderly care, education)
    [units, years] = find_text_tables(lines(
        "序号\t重点任务\t责任单位\t完成时限", "牵头单位\t配合单位", "1\t新增养老床位800张\t市民政局\t市财政局\t2025年底",
        "2\t建设老年食堂30个\t市民政局\t各区政府\t2026年底", "", "序号\t指标名称\t目标值\t牵头单位", "2025年\t2026年",
        "1\t新增公办学位\t3000\t2500\t市教育局"))
    assert units.header == ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    assert units.rows[0] == ["1", "新增养老床位800张", "市民政局", "市财政局", "2025年底"]
    assert years.header == ["序号", "指标名称", "目标值（2025年）", "目标值（2026年）", "牵头单位"]


def test_a_row_after_a_blank_line_opens_a_table_only_as_a_header_of_column_names():
    # rows parted by blank lines stay one table though a row's task and time hold column words (年度工作任务, 2025年底);
    # a row of column names only, not the first header again, opens the next table (education, then a yearly table)
    tables = find_text_tables(lines(
        "序号\t工作任务\t责任单位\t完成时限", "", "1\t新建幼儿园5所\t县教育局\t2025年底", "",
        "2\t完成年度工作任务\t县教育局\t2025年底", "", "落实年度工作任务\t各有关单位\t县教育局牵头\t2025年底前", "",
        "序号\t指标名称\t单位\t2025年目标值", "1\t学前教育毛入园率\t%\t92"))
    assert [table.header for table in tables] == [["序号", "工作任务", "责任单位", "完成时限"], ["序号", "指标名称", "单位", "2025年目标值"]]
    assert [len(table.rows) for table in tables] == [3, 1]


@pytest.mark.parametrize(("corner", "unit"), [("\t\t\t单位：万元", "元"), ("单位：万元\t\t\t", "元"), ("\t\t\t单位：个", "个")])
@pytest.mark.parametrize("flat", [False, True], ids=["lined", "flat"])
def test_a_corner_unit_over_the_header_gives_its_cells_their_unit_and_no_column_name(tmp_path, corner, unit, flat):
    # a row over the header holds the table's unit (agriculture's funds, housing counts); the line breaks lost, it runs
    # into the header's 序号 (单位：万元序号): no unit then, not 元序号
    text = (f"某县2025—2026年城乡建设行动方案\n一、年度目标\n附表：年度任务表\n{corner}\n序号\t指标名称\t2025年\t2026年\n"
            "1\t改造城镇老旧小区投入\t40\t35\n2\t建设口袋公园投入\t12\t15\n二、保障措施\n强化要素保障。\n")
    path = tmp_path / "plan.txt"
    path.write_text(text.replace("\n", "") if flat else text, encoding="utf-8")
    units = {t.unit for t in extract(path).targets if t.quote and "\t" in t.quote}
    assert units == ({None} if flat else {unit})


def test_a_table_copied_one_cell_a_line_is_read_as_its_rows():
    # health indicators with no row numbers (a figure in each row), then education tasks numbered; a short list of
    # column words in the text (指标 / 目标 / 任务, no row after them) is no table
    lines_in = lines("指标名称", "单位", "2025年", "孕产妇死亡率", "1/10万", "≤10", "婴儿死亡率", "‰", "≤4",
                     "二、重点任务", "序号", "工作任务", "牵头单位", "1", "新建幼儿园5所", "县教育局", "指标", "目标", "任务", "加强领导。")
    texts = [line.text for line in cell_lines_as_tab_rows(lines_in)]
    assert texts == ["指标名称\t单位\t2025年", "孕产妇死亡率\t1/10万\t≤10", "婴儿死亡率\t‰\t≤4", "二、重点任务",
                     "序号\t工作任务\t牵头单位", "1\t新建幼儿园5所\t县教育局", "指标", "目标", "任务", "加强领导。"]


def test_a_task_table_pasted_without_its_header_is_named_by_what_its_columns_hold(tmp_path):
    # water and culture tasks, their units and times, with no header row: the first row was taken for the header, and
    # the table gave no target and no unit; a header naming no column of the lists (所在街道 over its 街道) stays one
    text = ("某县2025年民生实事工作方案\n一、重点任务\n1\t新建农村集中供水工程45处\t县水利局\t2025年底\n"
            "2\t每年开展送戏下乡演出300场以上\t县文化广电旅游局\t2025年12月\n二、保障措施\n加强督促检查。\n")
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    document = extract(path)
    assert [(t.value, t.deadline) for t in document.targets] == [(45, 2025), (300, 2025)]
    assert [r.support for r in document.responsibilities] == [["县水利局"], ["县文化广电旅游局"]]
    places = TableData(header=["行政区", "地块名称", "所在街道"], rows=[["南山区", "安托山停车场", "桃源街道"]])
    assert tidy_table(places).header == ["行政区", "地块名称", "所在街道"]


def test_a_figure_alone_on_its_row_fills_no_cell_below():
    """A mark a PDF's header sets on a row of its own (real/shenzhen-2016 附表3: a footnote's 10 beside 经营性新供应建设用地,
    copied into every district's empty cell of that column) or a page's number is no merged cell's top; a merged cell
    writes the rest of its row, and fills down as before (land use, water works)."""
    land = tidy_table(TableData(header=["辖区", "合计", "民生类项目新供应建设用地", "经营性新供应建设用地"], rows=[
        ["", "", "", "10"], ["罗湖区", "26.5", "12", ""], ["福田区", "19", "10.5", ""]]))
    water = tidy_table(TableData(header=["序号", "重点任务", "牵头单位", "完成时限"], rows=[
        ["", "", "", "2"], ["1", "完成病险水库除险加固8座", "县水利局", ""], ["", "完成山塘整治20座", "", "2025年底前"]]))
    assert [row[3] for row in land.rows] == ["10", "", ""]
    assert water.rows[1:] == [["1", "完成病险水库除险加固8座", "县水利局", ""], ["1", "完成山塘整治20座", "县水利局", "2025年底前"]]


def test_a_task_named_as_a_project_counts_what_the_project_builds(tmp_path):
    """indicators.yaml project_endings: a 民生实事 list's task named as a project (…建设项目, …项目) counts what it builds, its
    name without the project word (energy, education); project_units: one counted in 个 or 项 may count the projects."""
    plan = write_plan(tmp_path, "某县2024年民生实事项目实施方案\n一、工作目标\n办好民生实事。\n二、项目清单\n"
                                "序号\t项目名称\t建设内容及目标\t牵头单位\n1\t乡镇公共充电站建设项目\t2024年建成40座\t县发改局\n"
                                "2\t农村学校食堂项目\t2024年建成12所\t县教育局\n三、保障措施\n加强组织领导。\n某县人民政府\n2024年2月20日\n")
    assert [(target.value, target.unit, target.indicator) for target in extract(plan).targets] == [
        (40, "座", "乡镇公共充电站"), (12, "所", "农村学校食堂")]
