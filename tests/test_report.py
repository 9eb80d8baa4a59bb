"""planparse report: a self-contained page, checked as HTML and in a real headless Chromium."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from functools import partial
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser import ensure_chromium, start_chromium
from click.testing import CliRunner
from conftest import DATA, SAMPLES, SEEDS, documents_read_one_at_a_time, plans_of_own_indicators, run_planparse
from hypothesis import given, settings
from hypothesis import strategies as st

from planparse.cli import cli
from planparse.compare import compare_documents
from planparse.exporters.json import document_json
from planparse.exporters.report import CHART_PLANS, SHARING_PAIRS_LISTED, report_page
from planparse.models import Document, Metadata, Section, Source, Target
from planparse.pipeline import extract
from planparse.rules import load_indicator_name_rules

HOSTILE = '</script><script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'
# Refresh the README's picture: REPORT_SCREENSHOT=docs/report.png pytest tests/test_report.py
SCREENSHOT = os.environ.get("REPORT_SCREENSHOT")


@pytest.fixture(scope="module")
def seeds() -> list[tuple[str, Document]]:
    return [(f"samples/{stem}.txt", extract(SAMPLES / f"{stem}.txt")) for stem in SEEDS]


def _page(documents: list[tuple[str, Document]]) -> bytes:
    return b"".join(report_page(documents, partial(compare_documents, rules=load_indicator_name_rules())))


def _hostile_plan() -> tuple[str, Document]:
    target = Target(id="t-1", text=HOSTILE, quote=HOSTILE, value=16, unit="%", kind="percentage", indicator=HOSTILE,
                    section="1", headings=[HOSTILE], rule="test", line=3)
    document = Document(
        source=Source(path=HOSTILE, format="txt", sha256="0"), metadata=Metadata(title=HOSTILE, issuer=HOSTILE, recipients=[HOSTILE]),
        sections=[Section(id="1", level=1, style="cn_dun", number=1, marker="一、", title=HOSTILE, line=2)], targets=[target])
    return HOSTILE, document


class _Tags(HTMLParser):
    """Every start tag of a page with its attributes."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(page: bytes) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(page.decode("utf-8"))
    return parser.tags


def test_the_page_is_self_contained_and_the_same_every_time(seeds):
    page = _page(seeds)
    assert page == _page(seeds)
    tags = _tags(page)
    assert not [attrs for _tag, attrs in tags if {"src", "href"} & attrs.keys() and not attrs.get("href", "#").startswith("#")]
    assert [tag for tag, _attrs in tags if tag in ("link", "iframe", "object", "embed")] == []
    assert all("src" not in attrs for tag, attrs in tags if tag == "script")
    assert sum(tag == "svg" for tag, _attrs in tags) == 2


def test_text_from_documents_is_escaped():
    page = _page([_hostile_plan()])
    assert HOSTILE.encode() not in page
    tags = _tags(page)
    assert [tag for tag, _attrs in tags if tag == "img"] == []
    assert not [attrs for _tag, attrs in tags if any(name.startswith("on") for name in attrs)]
    scripts = page.decode().count("<script")
    assert scripts == _page([]).decode().count("<script")  # only the page's own script and pygal's configs


def _plan_with_text(text: str) -> tuple[str, Document]:
    target = Target(id="t-1", text=text, quote=text, value=1, unit=text, kind="count", indicator=text, section="1", rule="test", line=3)
    section = Section(id="1", level=1, style="cn_dun", number=1, marker="一、", title=text, line=2)
    return text, Document(source=Source(path=text, format="txt", sha256="0"), metadata=Metadata(title=text, issuer=text),
                          sections=[section], targets=[target])


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from("<>&\"'/=` 　科学素质%script\n"), min_size=1, max_size=30))
def test_any_text_from_a_document_leaves_the_pages_markup_as_it_is(text: str):
    def shape(page: bytes) -> list:
        return [(tag, sorted(attrs)) for tag, attrs in _tags(page)]

    assert shape(_page([_plan_with_text(text)])) == shape(_page([_plan_with_text("x")]))


def test_report_command_writes_the_page(tmp_path: Path):
    plans = [str(SAMPLES / f"{stem}.txt") for stem in ("jieyang-2022", "zhanjiang-2016")]
    result = CliRunner().invoke(cli, ["report", *plans, "-o", str(tmp_path / "report.html")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "揭阳市全民科学素质行动规划纲要实施方案（2022—2025年）" in page and "湛江市全民科学素质行动计划纲要实施方案" in page


def test_report_on_an_unreadable_input_gives_one_line_and_exit_code_2(tmp_path: Path):
    output = tmp_path / "report.html"
    run = subprocess.run([sys.executable, "-m", "planparse", "report", str(tmp_path / "missing.pdf"), "-o", str(output)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "no such file or folder" in run.stderr
    assert not output.exists()


def test_batch_report_writes_the_page_beside_the_csv_files(tmp_path: Path):
    plans = tmp_path / "plans"
    plans.mkdir()
    for stem in ("jieyang-2022", "qingcheng-2021"):
        shutil.copy(SAMPLES / f"{stem}.txt", plans)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["batch", str(plans), "-o", str(out), "--report", "-q", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert {"targets.csv", "documents.csv", "report.html"} <= {path.name for path in out.iterdir()}
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "清远市清城区全民科学素质行动规划纲要实施方案" in page and "id=\"matrix\"" in page
    refused = CliRunner().invoke(cli, ["batch", str(plans), "-o", str(tmp_path / "csv-only"), "--format", "csv", "--report"])
    assert refused.exit_code == 2 and "--report" in refused.output


# --- in a real browser -------------------------------------------------------


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    problem = ensure_chromium()
    if problem:
        pytest.skip(f"no headless Chromium: {problem}")
    driver = start_chromium(tmp_path_factory.mktemp("chromium-profile"))
    yield driver
    driver.quit()


def _open(browser, page: bytes, path: Path) -> tuple[list[dict], list[str]]:
    """Load the page from disk; its console messages and every URL it asked for."""
    path.write_bytes(page)
    browser.get_log("browser"), browser.get_log("performance")  # forget what came before
    browser.get(path.as_uri())
    console = browser.get_log("browser")
    requests = [json.loads(entry["message"])["message"] for entry in browser.get_log("performance")]
    urls = [message["params"]["request"]["url"] for message in requests  # the page's own, not the browser's start page
            if message["method"] == "Network.requestWillBeSent" and message["params"].get("documentURL") == path.as_uri()]
    return console, urls


def test_the_report_in_chromium_shows_every_plan_the_matrix_and_both_charts(browser, seeds, tmp_path: Path):
    from selenium.webdriver.common.by import By

    page = tmp_path / "report.html"
    console, urls = _open(browser, _page(seeds), page)
    assert [entry for entry in console if entry["level"] in ("SEVERE", "WARNING")] == []
    assert urls == [page.as_uri()]  # nothing fetched: no server, no network
    titles = [element.text for element in browser.find_elements(By.CSS_SELECTOR, "section.plan > h2")]
    assert titles == [document.metadata.title for _file, document in seeds]
    matrix = browser.find_element(By.ID, "matrix")
    assert matrix.is_displayed()
    first = matrix.find_element(By.CSS_SELECTOR, "tbody tr:not([hidden])")
    assert first.find_elements(By.TAG_NAME, "td")[0].text == "公民具备科学素质的比例"
    for chart, title in (("chart-deadlines", "Targets by deadline year"), ("chart-kinds", "Targets by kind")):
        svg = browser.find_element(By.CSS_SELECTOR, f"#{chart} svg")
        assert svg.is_displayed() and svg.size["height"] > 100
        # the SVG's own title, which the browser shows over it and a screen reader names it by (was "Pygal")
        assert svg.find_element(By.XPATH, "./*[local-name()='title']").get_attribute("textContent") == title
        assert browser.find_element(By.CSS_SELECTOR, f"#{chart} figcaption").text.startswith(title)
        assert len(svg.find_elements(By.CSS_SELECTOR, "rect.rect")) >= 5  # bars drawn, one per plan and label with targets
    if SCREENSHOT:
        browser.set_window_size(1280, 1800)
        browser.save_screenshot(SCREENSHOT)


def test_a_plan_piped_in_is_named_stdin_in_its_column_and_its_section_in_chromium(browser, tmp_path: Path):
    """report - other.txt: the piped plan's column, its entry in the contents and its file read <stdin>, as its
    source does (they read "-", a blank). 揭阳 and 晋江 (science literacy) share 公民具备科学素质的比例."""
    from selenium.webdriver.common.by import By

    page = tmp_path / "report.html"
    run = run_planparse("report", "-", str(SAMPLES / "jinjiang-2022.txt"), "-o", str(page),
                        input=(SAMPLES / "jieyang-2022.txt").read_text(encoding="utf-8"), timeout=120)
    assert run.returncode == 0, run.stderr
    _open(browser, page.read_bytes(), page)
    headers = [header.text for header in browser.find_elements(By.CSS_SELECTOR, "#matrix thead th")]
    assert headers[-2:] == ["<stdin>", "jinjiang-2022"]
    [row] = [row for row in browser.find_elements(By.CSS_SELECTOR, "#matrix tbody tr")
             if row.find_elements(By.TAG_NAME, "td")[0].text == "公民具备科学素质的比例"]
    assert [cell.text for cell in row.find_elements(By.TAG_NAME, "td")][-2:] == [">16% (2025)", ">16% (2025)"]
    assert browser.find_element(By.CSS_SELECTOR, "#plan-1 dd").text == "<stdin>"


def test_a_plan_that_could_not_be_read_is_named_at_the_top_of_the_page_in_chromium(browser, tmp_path: Path):
    """report went on past it and said it on standard error only: a reader of the page saw no sign a plan was missing."""
    from selenium.webdriver.common.by import By

    damaged, page = tmp_path / "damaged.docx", tmp_path / "report.html"
    damaged.write_bytes(b"PK\x03\x04 cut short")
    run = run_planparse("report", str(SAMPLES / "jieyang-2022.txt"), str(damaged), str(SAMPLES / "jinjiang-2022.txt"), "-o", str(page), timeout=120)
    assert run.returncode == 1 and run.stderr == f"planparse: {damaged}: not a valid DOCX file (truncated or corrupt)\n"
    _open(browser, page.read_bytes(), page)
    unread = browser.find_element(By.ID, "unread")
    assert unread.is_displayed() and unread.location["y"] < browser.find_element(By.ID, "matrix").location["y"]
    assert unread.text == f"Not on this page: 1 plan planparse could not read.\n{damaged}: not a valid DOCX file (truncated or corrupt)"
    assert len(browser.find_elements(By.CSS_SELECTOR, "section.plan")) == 2


def test_plans_of_one_name_in_folders_of_their_own_are_told_apart_by_their_folders_in_chromium(browser, tmp_path: Path):
    """Each city's plan saved as 实施方案.txt: the matrix's columns read 实施方案.txt and 实施方案.txt-2."""
    from selenium.webdriver.common.by import By

    for city, plan in (("揭阳", "jieyang-2022"), ("晋江", "jinjiang-2022")):
        (tmp_path / city).mkdir()
        shutil.copy(SAMPLES / f"{plan}.txt", tmp_path / city / "实施方案.txt")
    page = tmp_path / "report.html"
    run = run_planparse("report", str(tmp_path / "揭阳"), str(tmp_path / "晋江"), "-o", str(page), timeout=120)
    assert run.returncode == 0, run.stderr
    _open(browser, page.read_bytes(), page)
    headers = [header.text for header in browser.find_elements(By.CSS_SELECTOR, "#matrix thead th")]
    assert headers[-2:] == ["揭阳/实施方案", "晋江/实施方案"]


def test_the_targets_table_filters_and_sorts_in_chromium(browser, seeds, tmp_path: Path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    _open(browser, _page(seeds[:1]), tmp_path / "report.html")
    table = browser.find_element(By.ID, "p1-targets")
    visible = lambda: [row for row in table.find_elements(By.CSS_SELECTOR, "tbody tr") if row.is_displayed()]  # noqa: E731
    everything = len(visible())
    Select(browser.find_element(By.CSS_SELECTOR, "[data-table=p1-targets] select[name=kind]")).select_by_visible_text("percentage")
    kinds = {row.get_attribute("data-kind") for row in visible()}
    assert kinds == {"percentage"} and 0 < len(visible()) < everything
    Select(browser.find_element(By.CSS_SELECTOR, "[data-table=p1-targets] select[name=kind]")).select_by_visible_text("all")
    browser.execute_script("arguments[0].scrollIntoView()", table)
    table.find_element(By.XPATH, ".//th[text()='value']").click()
    values = [float(row.find_elements(By.TAG_NAME, "td")[2].get_attribute("data-sort") or "inf") for row in visible()]
    assert values == sorted(values) and len(values) == everything


def test_hostile_text_runs_no_script_in_chromium(browser, tmp_path: Path):
    from selenium.webdriver.common.by import By

    console, _urls = _open(browser, _page([_hostile_plan()]), tmp_path / "report.html")
    assert browser.execute_script("return window.pwned === undefined")
    assert browser.find_elements(By.TAG_NAME, "img") == []
    assert browser.find_element(By.CSS_SELECTOR, "section.plan > h2").text == HOSTILE
    assert [entry for entry in console if entry["level"] == "SEVERE"] == []


# Plans of two fields that share no indicator, each with a level it starts from (a baseline).
EDUCATION_PLAN = ("某市中小学科学教育提质行动方案（2021—2025年）\n一、发展目标\n截至2020年底，全市已建成科普示范学校12所。到2025年，"
                  "全市中小学科学教师培训覆盖率达到100%，建成科普示范学校30所。\n二、重点任务\n每年新建标准化科学实验室20间。\n")
HEALTH_PLAN = ("某县胸痛救治能力提升实施方案（2022—2026年）\n一、主要目标\n2021年，全县胸痛患者救治成功率为85%。到2026年，"
               "每千人口执业（助理）医师数达到3.2人，建成胸痛中心5家。\n二、工作措施\n每年培训乡村医生不少于300人次。\n")


@pytest.fixture(scope="module")
def unrelated_plans(tmp_path_factory) -> list[tuple[str, Document]]:
    folder = tmp_path_factory.mktemp("fields")
    plans = []
    for name, text in (("education.txt", EDUCATION_PLAN), ("health.txt", HEALTH_PLAN)):
        (folder / name).write_text(text, encoding="utf-8")
        plans.append((name, extract(folder / name)))
    return plans


def test_a_matrix_of_plans_sharing_no_indicator_shows_every_row_and_says_why_in_chromium(browser, unrelated_plans, tmp_path: Path):
    from selenium.webdriver.common.by import By

    comparison = compare_documents(unrelated_plans, load_indicator_name_rules())
    assert comparison.rows and all(len(row.cells) == 1 for row in comparison.rows)
    _open(browser, _page(unrelated_plans), tmp_path / "report.html")
    shown = [row for row in browser.find_elements(By.CSS_SELECTOR, "#matrix tbody tr") if row.is_displayed()]
    assert len(shown) == len(comparison.rows)
    assert browser.find_element(By.ID, "none-shared").is_displayed()
    assert f"all {len(comparison.rows)} are shown" in browser.find_element(By.ID, "none-shared").text


def test_baselines_are_counted_apart_and_kept_out_of_the_deadline_chart_in_chromium(browser, unrelated_plans, tmp_path: Path):
    from selenium.webdriver.common.by import By

    baselines = [target.deadline for _file, document in unrelated_plans for target in document.targets if target.kind == "baseline"]
    targets = sum(target.kind != "baseline" for _file, document in unrelated_plans for target in document.targets)
    assert sorted(baselines) == [2020, 2021]  # the baseline of 截至2020年底 is of 2020 (923ec99)
    _open(browser, _page(unrelated_plans), tmp_path / "report.html")
    assert f"{targets} targets and 2 baselines" in browser.find_element(By.ID, "summary").text
    labels = browser.find_element(By.CSS_SELECTOR, "#chart-deadlines svg").get_attribute("textContent")
    assert "2025" in labels and "2026" in labels and "2020" not in labels and "2021" not in labels


def test_the_page_grows_as_its_plans_not_as_plans_times_indicators():
    """A row of the matrix held by one plan of 500 was 500 cells: the page of 500 plans would be a gigabyte."""
    small, large = (len(_page(plans_of_own_indicators(count))) for count in (10, 80))
    assert large < 8 * small


def test_each_target_of_the_matrix_stands_under_its_plans_column_in_chromium(browser, tmp_path: Path):
    from selenium.webdriver.common.by import By

    plans = plans_of_own_indicators(30)
    _open(browser, _page(plans), tmp_path / "report.html")
    browser.find_element(By.ID, "shared-only").click()  # every row, those of one plan too
    headers = {header.text: header.location["x"] for header in browser.find_elements(By.CSS_SELECTOR, "#matrix thead th")[4:]}
    placed = [(cell.find_element(By.TAG_NAME, "div").get_attribute("title"), cell.location["x"])
              for cell in browser.find_elements(By.CSS_SELECTOR, "#matrix tbody td.cell:not(.empty)")]
    assert len(placed) == 4 * 30
    plan_of_quote = {target.quote: f"plan{number}" for number, (_file, document) in enumerate(plans) for target in document.targets}
    assert [headers[plan_of_quote[quote]] for quote, _x in placed] == [x for _quote, x in placed]


def test_people_counted_in_人_and_in_名_share_a_shown_row_in_chromium(browser, seeds, tmp_path: Path):
    """晋江 trains 500 高技能人才 a year in 人, 扬州 1万 in 名 (shown as it writes it, not as 10000): one row shared by both,
    among those shown at first."""
    from selenium.webdriver.common.by import By

    _open(browser, _page(seeds), tmp_path / "report.html")
    headers = [header.text for header in browser.find_elements(By.CSS_SELECTOR, "#matrix thead th")]
    [row] = [row for row in browser.find_elements(By.CSS_SELECTOR, "#matrix tbody tr")
             if row.find_elements(By.TAG_NAME, "td")[0].text == "高技能人才"]
    assert row.is_displayed()
    cells = dict(zip(headers, (cell.text for cell in row.find_elements(By.TAG_NAME, "td"))))
    assert (cells["unit"], cells["jinjiang-2022"], cells["yangzhou-2022"]) == ("人、名", "每年≥500人", "每年1万名")


def test_one_measure_in_亩_and_in_公顷_shares_a_shown_row_with_each_cell_in_the_first_unit_in_chromium(browser, tmp_path: Path):
    """Forestry: the 2018 plan builds its 国家储备林 in 公顷, the 2023 one in 亩; grain: 云岭 counts its 粮食总产量 in 万吨,
    柘川 in 亿斤. Each cell as its plan writes it, and in the row's first unit where that is another size."""
    from selenium.webdriver.common.by import By

    plans = [(str(path), extract(path)) for path in (DATA / "units" / "guojia-chubeilin-guihua-2018.txt", DATA / "units" / "guojia-chubeilin-shishi-fangan-2023.txt",
                                                     DATA / "unseen" / "yunling-liangshi-anquan-guihua-2021.txt",
                                                     DATA / "unseen" / "zhechuan-xiangcun-zhenxing-yaodian-2024.txt")]
    _open(browser, _page(plans), tmp_path / "report.html")
    rows = {(cells[0].text, cells[2].text): cells for cells in (row.find_elements(By.TAG_NAME, "td")
            for row in browser.find_elements(By.CSS_SELECTOR, "#matrix tbody tr") if row.is_displayed())}
    forest, grain = rows["国家储备林", "count"], rows["粮食总产量", "count"]  # plans in a row holding none: one cell across
    assert [cell.text for cell in forest[1:2] + forest[4:6]] == ["公顷、亩", "700万公顷 (2020)\n2000万公顷 (2035)", "≥3600万亩≈240万公顷 (2025)"]
    assert [cell.text for cell in grain[1:2] + grain[5:]] == ["吨、斤", "≥35万吨 (2025)", "≥6.7亿斤≈33.5万吨 (2024)"]


def test_a_plans_table_and_the_matrix_say_how_often_a_target_repeats_in_chromium(browser, tmp_path: Path):
    """宁川 has its village river chiefs patrol 每周 (water), 兰川 its schools hold science work 每学期 (science literacy)."""
    from selenium.webdriver.common.by import By

    plans = [(str(DATA / "unseen" / f"{stem}.txt"), extract(DATA / "unseen" / f"{stem}.txt"))
             for stem in ("ningchuan-xingfu-hehu-2024", "lanchuan-kexue-suzhi-2021")]
    _open(browser, _page(plans), tmp_path / "report.html")
    matrix = {row.find_elements(By.TAG_NAME, "td")[0].text: [cell.text for cell in row.find_elements(By.TAG_NAME, "td")[4:]]
              for row in browser.find_elements(By.CSS_SELECTOR, "#matrix tbody tr")}  # sharing none, every row is shown
    assert (matrix["村级河长巡河"], matrix["科学探究活动"]) == (["每周1次", ""], ["", "每半年≥2次"])
    repeats = {}
    for number in (1, 2):
        table = browser.find_element(By.ID, f"p{number}-targets")
        headers = [header.text for header in table.find_elements(By.CSS_SELECTOR, "thead th")]
        for row in table.find_elements(By.CSS_SELECTOR, "tbody tr"):
            shown = dict(zip(headers, (cell.get_attribute("textContent") for cell in row.find_elements(By.TAG_NAME, "td"))))
            repeats[shown["quote"]] = shown["repeat"]
    assert (repeats["村级河长每周巡河1次"], repeats["每学期开展科学探究活动不少于2次"]) == ("每周", "每半年")


def test_a_report_is_written_as_its_plans_are_read_never_holding_them_all(seeds):
    """report kept every document whole until the page was written: 500 plans took 770 MB."""
    most_alive = [0]
    plans = [(f"{number}-{Path(file).name}", document) for number in range(4) for file, document in seeds]
    streamed = b"".join(report_page(documents_read_one_at_a_time(plans, most_alive), partial(compare_documents, rules=load_indicator_name_rules())))
    assert most_alive[0] <= 1
    assert streamed == _page(plans)


def test_the_page_of_many_plans_grows_as_its_plans_not_as_their_pairs():
    """A table of every pair of plans was half the page of 500 plans (250,000 cells): past SHARING_TABLE_PLANS the
    pairs sharing most are listed instead."""
    small, large = (len(_page(plans_of_own_indicators(count))) for count in (40, 320))
    assert large < 8 * small


def test_a_plan_of_as_many_headings_as_targets_is_shown_in_time_that_grows_as_them(tmp_path: Path):
    """Each heading's targets were sought among all the plan's: a crafted plan of 20,000 headings and as many targets
    (16 MB, within every limit) took report past five minutes of CPU; now some three seconds."""
    count = 20_000
    sections = [Section(id=str(number), level=1, style="arabic_dot", number=number, marker=f"{number}.", title="主要目标", line=number)
                for number in range(1, count + 1)]
    targets = [Target(id=f"t-{number}", text="新建社区养老服务站12个。", quote="新建社区养老服务站12个", value=12, unit="个", kind="count",
                      indicator="社区养老服务站", section=str(number), headings=["主要目标"], rule="test", line=number)
               for number in range(1, count + 1)]
    plan = tmp_path / "crafted.json"
    plan.write_bytes(document_json(Document(source=Source(path="crafted.txt", format="txt", sha256="0"), metadata=Metadata(),
                                            sections=sections, targets=targets)))
    run = run_planparse("report", str(plan), "-o", str(tmp_path / "report.html"), timeout=30)
    assert run.returncode == 0, run.stderr


def test_text_passed_over_as_printable_holds_no_character_the_page_and_the_csv_escape():
    """terminal_text returns printable text as it is, unsearched (each value the page shows; 10% of a plan's section):
    every character it escapes (controls, marks of the direction of writing, an undecodable byte) is unprintable."""
    import sys

    from planparse.names import terminal_text

    # Each with a line end after it, which terminal_text keeps and which is unprintable: the text searched.
    escaped = [character for character in map(chr, range(sys.maxunicode + 1)) if terminal_text(character + "\n") != character + "\n"]
    assert len(escaped) > 2_000 and not any(character.isprintable() for character in escaped)


def test_a_right_to_left_override_in_a_file_s_name_is_shown_as_an_escape_on_the_page():
    """It turned the rest of the name around wherever the page showed it (its column, the contents, the charts' legend, its
    section): 规划\u202etxt.exe.txt read 规划exe.txt. The CSV and Markdown show it as an escape already."""
    plans = plans_of_own_indicators(2)
    plans[0] = ("规划\u202etxt.exe.txt", plans[0][1])
    page = b"".join(report_page(plans, partial(compare_documents, rules=load_indicator_name_rules()))).decode()
    assert "\u202e" not in page and page.count("规划\\xe2\\x80\\xaetxt.exe") >= 4


def test_a_plan_read_in_part_says_so_in_its_section():
    """What of a plan its reader left out (pages of garbage, nothing of a plan) was said on standard error only: a reader
    of the page took the plan's targets for all of them."""
    from planparse.models import ReadingWarning

    plans = plans_of_own_indicators(2)
    plans[1][1].warnings = [ReadingWarning(message="the text of pages 15, 17 is garbage (a font without a map to characters), left out")]
    page = b"".join(report_page(plans, partial(compare_documents, rules=load_indicator_name_rules()))).decode()
    sections = page.split('<section class="plan"')[1:]
    assert "read in part" not in sections[0]
    assert "<dt>read in part</dt><dd>the text of pages 15, 17 is garbage (a font without a map to characters), left out</dd>" in sections[1]


def test_the_charts_stack_a_series_per_plan_for_a_few_plans_and_one_of_them_all_past_that():
    """Each chart stacked a series per plan whatever their number: 3,000 plans drew 6,000 series (6 of the page's 14.6 MB,
    and most of its making), each plan a sliver in a colour of ten, named in a legend of 3,000."""
    def charts(count: int) -> list[str]:
        page = b"".join(report_page(plans_of_own_indicators(count), partial(compare_documents, rules=load_indicator_name_rules()))).decode()
        return [page.split(f'<figure id="chart-{chart}">')[1].split("</figure>")[0] for chart in ("deadlines", "kinds")]

    for chart in charts(CHART_PLANS):
        assert "plan0" in chart and f"plan{CHART_PLANS - 1}" in chart and " plans" not in chart
    for chart in charts(CHART_PLANS + 1):
        assert "plan0" not in chart and f"all {CHART_PLANS + 1} plans" in chart


def test_the_pairs_of_many_plans_sharing_an_indicator_are_counted_in_memory_that_grows_as_the_plans():
    """Every pair sharing a row was counted at once: 3,000 plans sharing one indicator made 4.5 million pairs (the report
    took 1.2 GB and 43 s), and 10,000 would have made 50 million."""
    import tracemalloc
    from types import SimpleNamespace

    from planparse.exporters.report import _sharing

    plans = [SimpleNamespace(id=f"plan{number}") for number in range(2_000)]
    rows = [SimpleNamespace(cells=dict.fromkeys(plan.id for plan in plans)), SimpleNamespace(cells=dict.fromkeys(["plan7", "plan1999"]))]
    tracemalloc.start()
    shown = _sharing(SimpleNamespace(plans=plans, rows=rows))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 5_000_000  # the 1,999,000 pairs at once took some 400 MB
    assert shown["pairs_sharing"] == 1_999_000 and len(shown["pairs"]) == SHARING_PAIRS_LISTED
    assert shown["pairs"][:2] == [(("plan7", "plan1999"), 2), (("plan0", "plan1"), 1)]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=2, max_value=150).flatmap(lambda plans: st.tuples(st.just(plans), st.lists(
    st.sets(st.integers(min_value=0, max_value=plans - 1), min_size=1, max_size=plans), max_size=40))))
def test_the_pairs_sharing_most_are_those_a_count_of_every_pair_ranks_first(plans_and_rows: tuple[int, list[set[int]]]):
    """A plan whose pairs cannot rank among those listed has them only counted (10,000 plans sharing one indicator:
    8.7 s to rank 50 million pairs, 1.4 s): the pairs listed and the count are those of every pair counted and ranked."""
    from collections import Counter
    from itertools import combinations
    from types import SimpleNamespace

    from planparse.exporters.report import _pairs_sharing

    count, held = plans_and_rows
    plans = [SimpleNamespace(id=f"plan{number}") for number in range(count)]
    rows = [SimpleNamespace(cells=dict.fromkeys(f"plan{number}" for number in holding)) for holding in held]
    every_pair = Counter(pair for holding in held for pair in combinations(sorted(holding), 2))
    ranked = sorted(every_pair.items(), key=lambda item: (-item[1], item[0]))[:SHARING_PAIRS_LISTED]
    assert _pairs_sharing(SimpleNamespace(plans=plans, rows=rows)) == (
        [((f"plan{first}", f"plan{second}"), shared) for (first, second), shared in ranked], len(every_pair))


def test_the_page_of_many_plans_lists_the_pairs_sharing_most_and_says_what_it_left_out_in_chromium(browser, tmp_path: Path):
    from selenium.webdriver.common.by import By

    plans = plans_of_own_indicators(60)
    console, _urls = _open(browser, _page(plans), tmp_path / "report.html")
    assert [entry for entry in console if entry["level"] in ("SEVERE", "WARNING")] == []
    assert browser.find_elements(By.ID, "sharing-table") == []
    pairs = browser.find_elements(By.CSS_SELECTOR, "#sharing-pairs tbody tr")
    assert len(pairs) == SHARING_PAIRS_LISTED and all(pair.is_displayed() for pair in pairs[:3])
    assert [cell.text for cell in pairs[0].find_elements(By.TAG_NAME, "td")] == ["plan0", "plan1", "1"]  # all share one indicator
    note = browser.find_element(By.ID, "sharing-note").text
    assert "3,600 cells" in note and f"the {SHARING_PAIRS_LISTED} pairs sharing the most are listed, of the 1,770 pairs sharing any" in note
    assert len(browser.find_elements(By.CSS_SELECTOR, "section.plan > h2")) == 60


def test_many_plans_sharing_no_indicator_say_so_with_no_empty_table_in_chromium(browser, tmp_path: Path):
    """The note read "the 0 pairs sharing any are listed" over an empty table."""
    from selenium.webdriver.common.by import By

    _open(browser, _page(plans_of_own_indicators(25, sharing=False)), tmp_path / "report.html")
    assert browser.find_elements(By.ID, "sharing-pairs") == [] and browser.find_elements(By.ID, "sharing-table") == []
    note = browser.find_element(By.ID, "sharing-note")
    assert note.is_displayed() and "No two of the 25 plans share an indicator." in note.text and "0 pairs" not in note.text


def test_many_plans_of_which_two_share_an_indicator_name_the_one_pair():
    plans = plans_of_own_indicators(25, sharing=False)
    for _file, document in plans[:2]:
        document.targets.append(document.targets[0].model_copy(update={"id": "t-shared", "indicator": "常住人口城镇化率"}))
    page = " ".join(_page(plans).decode("utf-8").split())
    assert "the one pair sharing any is listed" in page and "<tr><td>plan0</td><td>plan1</td><td>1</td></tr>" in page


def test_the_page_is_made_in_parts_holding_neither_the_plans_sections_nor_the_page():
    """Each plan's section was held until the page was joined whole: 6.5 MiB of memory per MB of JSON read."""
    import tracemalloc

    recipients = ["各县（市、区）教育局、卫生健康局、生态环境分局，市直有关单位" * 3000]  # a section of 270 KB each plan
    plans = [(file, document.model_copy(update={"metadata": document.metadata.model_copy(update={"recipients": recipients})}))
             for file, document in plans_of_own_indicators(40)]
    line_up = partial(compare_documents, rules=load_indicator_name_rules())
    _page(plans)  # what a page loads once (rules, templates, the fold of names read in traditional characters) loaded before
    tracemalloc.start()
    try:
        page_size = sum(len(part) for part in report_page(plans, line_up))
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert page_size > 40 * len(recipients[0].encode("utf-8"))
    assert peak < page_size / 4


def test_amounts_show_as_plans_write_them_and_a_target_said_twice_once_sorting_by_value_in_chromium(browser, tmp_path: Path):
    """桦阳's 大气污染防治专项资金不少于8000万元 (air) was shown 8e+07 in its targets' table and 80000000元 in the matrix,
    蓉溪's 城市更新专项资金不少于15亿元 (urban renewal) 1.5e+09; 桦阳's 淘汰…柴油货车350辆, in its text and again in its
    table of tasks, stood twice in its cell (350辆, 350辆 (2024)). The table still sorts by the value itself."""
    from selenium.webdriver.common.by import By

    plans = [(str(DATA / "unseen" / f"{stem}.txt"), extract(DATA / "unseen" / f"{stem}.txt"))
             for stem in ("huayang-daqi-wuran-fangzhi-2024", "rongxi-chengshi-gengxin-2024")]
    _open(browser, _page(plans), tmp_path / "report.html")
    matrix = {row.find_elements(By.TAG_NAME, "td")[0].text: row.find_elements(By.CSS_SELECTOR, "td.cell:not(.empty) div")
              for row in browser.find_elements(By.CSS_SELECTOR, "#matrix tbody tr")}
    assert [target.text for target in matrix["大气污染防治专项资金"]] == ["≥8000万元 (2024)"]
    # 市财政三年统筹安排…不少于15亿元 in a three-year plan: a total over the plan's own years, due at its end
    assert [target.text for target in matrix["城市更新专项资金"]] == ["≥15亿元 (2026)"]
    [trucks] = matrix["国三及以下排放标准营运柴油货车"]
    assert (trucks.text, trucks.get_attribute("title")) == ("350辆 (2024)", "淘汰国三及以下排放标准营运柴油货车350辆")
    table = browser.find_element(By.ID, "p1-targets")
    headers = [header.text for header in table.find_elements(By.CSS_SELECTOR, "thead th")]
    table.find_elements(By.CSS_SELECTOR, "thead th")[headers.index("value")].click()  # ascending, targets of no value last
    rows = [dict(zip(headers, (cell.text for cell in row.find_elements(By.TAG_NAME, "td"))))
            for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")]
    largest = [row for row in rows if row["value"]][-1]
    assert (largest["value"], largest["unit"], largest["quote"]) == ("8000万", "元", "市财政2024年安排大气污染防治专项资金不少于8000万元")


def test_two_targets_of_one_sentence_that_read_alike_are_two_in_chromium(browser, tmp_path: Path):
    """三是抓好白青乡10个美丽乡村和6镇10个美丽乡村建设 (rural development): one cell of 10个, the two quotes in its title."""
    from selenium.webdriver.common.by import By

    plan = DATA / "web" / "28-sange-yipi-zhongda-xiangmu-jianshe-shishiyijian-2015.txt"
    _open(browser, _page([(str(plan), extract(plan))]), tmp_path / "report.html")
    matrix = {row.find_elements(By.TAG_NAME, "td")[0].text: row.find_elements(By.CSS_SELECTOR, "td.cell:not(.empty) div")
              for row in browser.find_elements(By.CSS_SELECTOR, "#matrix tbody tr")}
    assert [(village.text, village.get_attribute("title")) for village in matrix["美丽乡村"]] == [
        ("10个「抓好白青乡10个美丽乡村」", "抓好白青乡10个美丽乡村"), ("10个「6镇10个美丽乡村」", "6镇10个美丽乡村")]


def test_each_plan_shows_who_is_responsible_for_its_tasks_in_chromium(browser, seeds, tmp_path: Path):
    """A plan's units responsible for its tasks, from its 分工表 (揭阳, science literacy) or from 牵头单位 notes in its
    text, are a table of its section; a plan that names none says so. They were missing from the page."""
    from selenium.webdriver.common.by import By

    page = tmp_path / "report.html"
    _open(browser, _page(seeds), page)
    for index, (_file, document) in enumerate(seeds, start=1):
        section = browser.find_element(By.ID, f"plan-{index}")
        rows = section.find_elements(By.CSS_SELECTOR, "table.responsibilities-table tbody tr")
        shown = [[cell.text for cell in row.find_elements(By.TAG_NAME, "td")[:4]] for row in rows]
        assert shown == [[duty.section or "", duty.heading, "、".join(duty.lead), "、".join(duty.support)]
                         for duty in document.responsibilities]
    jieyang = next(index for index, (_file, document) in enumerate(seeds, start=1) if "揭阳" in (document.metadata.title or ""))
    table = browser.find_element(By.CSS_SELECTOR, f"#plan-{jieyang} table.responsibilities-table")
    first = table.find_element(By.CSS_SELECTOR, "tbody tr").find_elements(By.TAG_NAME, "td")
    assert [first[1].text, first[2].text] == ["实施青少年科学素质提升行动", "市教育局"]
    assert first[4].text == "the task table"
