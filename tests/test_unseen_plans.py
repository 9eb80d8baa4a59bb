"""Whole plans of fields the corpus does not hold (tests/data/unseen/), each answered by hand before planparse
read it: river chiefs, old housing estates, fitness for all, veterans' services, grain security, digital government, gas
safety, health, carbon peaking, education, science literacy, farmland, elderly care, rural roads, culture and tourism,
business environment, flood control, fire safety, childcare, medical insurance payment (a web page on one line), weather
disasters (a traditional copy), digital countryside, food safety, intellectual property, employment, rental housing,
waste sorting, maternal and child health (a traditional web page on one line), forests (林长制, a yearly task
table whose cells hold their units), consumption (a city's web page), water security (a traditional copy),
disability (a 办法 in articles), rural revitalisation (a one-year 工作要点),
civil air defence, energy, statistics (a bureau's 工作要点 signed at its end), air pollution (a one-year 工作方案 in half-width
(一) and 1、 with 【牵头单位】 notes and a task list), women's development (a ten-year 规划 whose goals are its headings),
animal health (a notice's 附件1 with notes at its top level),
science and technology innovation (spaces around every number),
inclusive finance (a notice of three bodies),
public culture (专项行动 blocks of 行动目标： and 主要任务： labels, five levels down to ①), urban renewal (a
年度任务分解表 whose rows are tasks), livelihood projects
(a 民生实事 list whose numbers stand in its 建设内容及目标 column), public legal services (a notice dated in Chinese
numerals), civil affairs (a district plan whose targets stand only in its indicator table), emergency management (a
责任分工表 typed with tabs), medical security (a province's 规划 in chapters and sections), housing provident fund (a web
page on one line), public transport (a review and the goals in one section), charging infrastructure (a
重点项目表 typed with tabs), traditional Chinese medicine (a 分县任务表 of places by measure), patriotic
health (a 工作要点 with a 考核评分表 of points), earthquake prevention (a 重点任务清单 numbered 1.1, 1.2), marine
fishery (a 规划 in 篇, 章 and 节), rural delivery (a 主要指标分解表 of counties in its columns), rural living
environment, vocational skills, family doctors, tea industry, geological hazards, accessibility (a web page), children's
myopia and telecom fraud (paragraphs indented with 　　, which their flat copies keep), forest fire (a province's
规划 in chapters and sections), rural tourism (a one-year 工作要点 in 1. to 8.), foreign trade (a notice with its 分工表
attached), new-energy vehicles (an indicator table typed with tabs), farmland protection (a province's “十四五” ranges),
smart transport (一是…二是… with years listed each with its part), urban waterlogging, funeral reform, archives (a
工作要点 signed by its 馆), soil and water conservation, mine safety, off-campus tutoring (a joint notice with the plan as its
附件), sports industry (a web page on one line), rural place names (a 繁體 copy), ports of entry (a PDF copy with hard
wraps and page numbers), audit (a bureau's 工作要点 signed at its end), drug safety (a 工作要点 in numbered items only),
preschool education (an indicator table of 约束性 and 预期性), rural bus safety (a campaign with 时间安排 phases), supply and
marketing co-operatives (a notice with a 分工表), sponge city (a web page on one line), education for older people (a 繁體
copy), petition backlog (a PDF copy with page numbers inside a sentence), low-altitude economy (an indicator table of 预期性 and
约束性), weight management (a 工作要点 in numbered items only), rural power grid (a PDF copy with hard wraps), data as a
factor (a web page on one line), silver economy (a 繁體 copy), e-bike fire safety (a campaign with 时间安排 phases) and
cold-chain logistics (a notice with a 分工表), drug control (a 工作要点 in numbered items only), lift safety (a campaign with
时间安排 phases, its plan a notice's 附件), cross-border e-commerce (an HTML page with a 预期性/约束性 table), blood donation
(a 繁體 copy), straw burning (a PDF copy with hard wraps), child-friendly city (a 分工表), pupils' mental health (a Word
text down to ①), noise (a web page on one line), time-honoured brands (a 工作要点 in 一是…二是… prose), first aid (an HTML
page), ethnic unity (a notice printing two plans of 2026—2028), livestock manure (a web page on one line), intangible heritage
(a 繁體 copy in Taiwan's words), hazardous chemicals (a PDF copy with a masthead and page numbers) and occupational health (a
“十五五” 规划 with an indicator table typed with tabs), tourist toilets (a plan of 2027—2029), sports parks (a Word text with
a yearly task table typed with tabs), grain reserves (a PDF copy with a page number inside a number), full-time fire brigades (an
HTML page), reading (a 繁體 copy), rural water supply (a web page on one line), domestic services (a 工作要点 of short items), plastic pollution (a plan of
2027—2029), seed industry (a Word text with a yearly table typed with tabs), pupils' drowning (a 工作要点 of short items),
urban heating (a PDF copy with a masthead and page numbers), charity (a 繁體 copy in Hong Kong's forms), tuberculosis (a web
page on one line), prepared dishes (a Word text of 2028—2030 with a yearly table typed with tabs), conscription (a 工作要点 of
short items), community services (an HTML page), school food safety (a PDF copy with a masthead and page numbers) and property
services (a 繁體 web page on one line), biomedicine, rural revitalisation by a town (a 镇's 工作要点 signed at its end),
integrated medical and elderly care (a web page on one line), innovation vouchers (a 繁體 joint notice), cultural relics
(a 年度任务表 typed with tabs), agricultural insurance (an 实施意见 with no period), road traffic safety (a web page on one
line), wetlands (an indicator table typed with tabs), artificial intelligence (a 繁體 copy) and construction site safety (a PDF
copy of short paragraphs with hard wraps), special education (a web page on one line), county medical communities (a 繁體
copy), farm machinery (a PDF copy with an indicator table parted by spaces), marriage customs (a 分工表 whose tasks hold
numbers) and farm produce safety (a bureau's 工作要点 signed at its end), energy storage (a PDF copy with page numbers), village
collective economy (an 实施意见 on one web line), soil pollution (a 繁體 工作要点), specialised SMEs (a yearly table typed with
tabs, and as a Word file python-docx writes), residents' pensions (a 考核办法 in articles), rural doctors (an 实施意见 on one web
line whose box holds its 文号), ageing pipes (a PDF copy wrapped as a word processor wraps), farmers' training (a 繁體 工作要点 in
Hong Kong's forms), pocket parks (a yearly table typed with tabs) and emergency supplies (a 实施细则 in chapters and articles on one line),
cybersecurity (a PDF copy wrapped as a word processor wraps), social credit (a 繁體 工作要点 in Taiwan's words), youth development (an
实施方案 on one web line), fertiliser reduction (a yearly table typed with tabs, and as a Word file) and psychological services (a
plan whose tasks stand in its attached 任务清单), talent attraction (a phone's copy in full-width digits), zero-waste city (a
PDF copy with 第 1 页 共 3 页 footers), meal services for older people (a notice and its 任务清单 only), migrant workers' wages
(a 工作方案 on one web line) and marine ecology (a “十五五” 规划 with an indicator table typed with tabs), urban parking (a PDF
copy wrapped by display width), birth support (an 实施意见 on one web line), equipment renewal and trade-ins (a yearly
table typed with tabs, and as a Word file), civilisation practice and volunteering (a 繁體 工作要点) and quality and
standards (a three-year 任务清单, and as a workbook), public institutions' energy saving (a PDF laid out as 公文), school
buses (a Word file numbered by Word's lists) and vegetable supply (a .docx WPS Office saves), port logistics (a PDF laid
out as 公文), tobacco control (a 繁體 copy in Taiwan's words) and pine wilt disease (a Word file numbered by Word's lists),
emergency broadcasting (a county site's saved HTML page), river sand mining (a Word file whose 分工表 is a real table) and
under-forest economy (a PDF laid out as 公文), fireworks
safety (a campaign across a new year, and as a PDF laid out as 公文), city management (a site's saved HTML page) and reservoir
resettlement (a Word file whose 分工表 is a real table), county commerce (a 繁體 copy in Taiwan's words), left-behind
children (a county site's page on one line) and drinking water sources (a PDF laid out as 公文), ancient trees (a site's page a
browser printed to PDF), overloading control (a site's 繁體 page) and long-term care insurance (a Word file whose 分工表 merges a
cell down), pre-hospital emergency care (an old CMS page in tables, a paragraph a row), ferry safety (a 繁體 copy with its line
breaks lost) and family farms (a gazette's two columns), community corrections (a plan in 1． and （1） only), urban sewage (a
notice whose 附件2 and 附件3 are tables after its plan) and chronic disease (goals in a table of yearly columns), immunization (a
WeChat article), family education (a draft under a 公告 asking for comments) and invasive species (㈠, ⒈ and ⑴ markers).

Each plan is read as written (lined) and with its line breaks lost (flat, as crawlers keep it); what it
gets right may grow but not shrink, and what it wrongly gives may shrink but not grow. After a change that
improves them, rewrite tests/data/unseen/figures.json with ``.venv/bin/python tests/test_unseen_plans.py``.

Thirty-six plans are also kept as people have them (tests/data/unseen/copies/, made by make_copies.py there): Word files with
a real table (one merging a cell down), web pages on one line with their menu and footer, 繁體 copies in Taiwan's words, a site's
繁體 page, a PDF printed from Word and a site's page a browser printed, an old CMS page laid out in tables, a 繁體 copy on one
line, a gazette's two columns; two laid out in one cell of a table (Word files and an old
site's page); 任务清单 as workbooks (pingtang-….xlsx, shuanghe-….xlsx); many as samples/make_samples.py writes its seeds (a 公文 PDF
with hard wraps and page numbers, a Word file numbered by Word's lists, a WPS Office .docx); each keeps what it gets right as the plans do (copies/figures.json, rewritten by the same command).
"""
from __future__ import annotations

import dataclasses
import json
import tempfile
from pathlib import Path

import pytest

from conftest import DATA
from gold_score import Score, score
from planparse.models import Document
from planparse.pipeline import extract

UNSEEN = DATA / "unseen"
COPIES = UNSEEN / "copies"


def as_score(figures: dict) -> Score:
    return Score(**{part: tuple(value) if isinstance(value, list) else value for part, value in figures.items()})


SHAPES = ("lined", "flat")
# What each plan gets right, lined and flat: (found, given, wanted) of headings, numeric targets, milestones and
# responsibilities, the agreeing fields of found numeric targets, and the agreeing metadata fields. A plan written since
# stop 53 keeps beside them its "first" figures, planparse's before any mend made for it: what it read cold.
FIGURES = {(stem, shape): as_score(figures)
           for stem, shapes in json.loads((UNSEEN / "figures.json").read_text(encoding="utf-8")).items()
           for shape, figures in shapes.items() if shape in SHAPES}
# What each copy gets right, by its file's name (its plan's stem, then what it is: .docx, .web.txt, .tw.txt, .pdf, .xlsx).
COPY_FIGURES = {name: as_score(figures) for name, figures in json.loads((COPIES / "figures.json").read_text(encoding="utf-8")).items()}


def plan_text(stem: str, shape: str) -> str:
    text = (UNSEEN / f"{stem}.txt").read_text(encoding="utf-8")
    return text if shape == "lined" else "".join(text.splitlines()) + "\n"


def read(stem: str, shape: str, folder: Path) -> Document:
    plan = folder / f"{stem}.txt"
    plan.write_text(plan_text(stem, shape), encoding="utf-8")
    return extract(plan)


def scored_against_gold(stem: str, document: Document, answer: Path | None = None) -> Score:
    """``document`` scored against the plan's answer, or ``answer`` (a copy whose quotes are written otherwise)."""
    gold = json.loads((answer or UNSEEN / f"{stem}.targets.json").read_text(encoding="utf-8"))
    headings = json.loads((UNSEEN / f"{stem}.headings.json").read_text(encoding="utf-8"))["headings"]
    return score(document, headings, gold)


def copy_scored(name: str) -> Score:
    """A copy scored against its plan's answer, or its own beside it (hechuan-….tw.targets.json: the quotes in 繁體)."""
    own = COPIES / f"{name.rsplit('.', 1)[0]}.targets.json"
    return scored_against_gold(name.split(".")[0], extract(COPIES / name), own if own.exists() else None)


@pytest.mark.parametrize(("stem", "shape"), list(FIGURES), ids=[f"{stem}-{shape}" for stem, shape in FIGURES])
def test_an_unseen_plan_keeps_what_it_gets_right(stem, shape, tmp_path):
    assert_keeps(FIGURES[stem, shape], scored_against_gold(stem, read(stem, shape, tmp_path)))


@pytest.mark.parametrize("name", list(COPY_FIGURES))
def test_a_copy_as_people_have_it_keeps_what_it_gets_right(name):
    assert_keeps(COPY_FIGURES[name], copy_scored(name))


def assert_keeps(reached: Score, now: Score) -> None:
    """What was found is still found, and no more is wrongly given."""
    for part in ("headings", "numeric", "milestones", "responsibilities"):
        (found, given, _), (found_now, given_now, _) = getattr(reached, part), getattr(now, part)
        assert found_now >= found, f"{part}: {found_now} found, {found} before"
        assert given_now - found_now <= given - found, f"{part}: {given_now - found_now} wrongly given, {given - found} before"
    assert now.fields >= reached.fields and now.metadata >= reached.metadata


def test_the_score_counts_a_lost_target_and_a_spurious_one(tmp_path):
    """The test above can fail: a target dropped from an extraction is one fewer found, one added one more wrongly given."""
    stem = "songling-quanmin-jianshen-2022"
    document = read(stem, "lined", tmp_path)
    whole = scored_against_gold(stem, document).numeric
    first = next(t for t in document.targets if t.kind != "milestone")
    lost = scored_against_gold(stem, document.model_copy(update={"targets": [t for t in document.targets if t is not first]})).numeric
    spurious = first.model_copy(update={"value": 7, "text": "", "quote": "七"})
    added = scored_against_gold(stem, document.model_copy(update={"targets": [*document.targets, spurious]})).numeric
    assert lost == (whole[0] - 1, whole[1] - 1, whole[2]) and added == (whole[0], whole[1] + 1, whole[2])


def test_the_score_pairs_a_target_with_the_answer_of_its_own_year(tmp_path):
    """Two answers alike but for their year (baitan's 新建口袋公园 40 in 2025 and in 2026) each pair with the target of
    their year, whichever the extraction gives first: the deadlines of a right output all agree."""
    stem = "baitan-koudai-gongyuan-2025"
    document = read(stem, "lined", tmp_path)
    fields = scored_against_gold(stem, document).fields
    reordered = document.model_copy(update={"targets": sorted(document.targets, key=lambda t: -(t.deadline or 0))})
    assert scored_against_gold(stem, reordered).fields == fields


def write_figures() -> None:
    """figures.json from what planparse gets right now, one line a plan and shape; copies/figures.json, one line a copy."""
    kept = json.loads((UNSEEN / "figures.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        figures = {stem: {shape: dataclasses.asdict(scored_against_gold(stem, read(stem, shape, Path(folder)))) for shape in SHAPES}
                   | {shape: figures for shape, figures in kept.get(stem, {}).items() if shape not in SHAPES}
                   for stem in sorted(path.stem for path in UNSEEN.glob("*.txt"))}
    lines = [f' "{stem}": {{' + ", ".join(f'"{shape}": {json.dumps(figures[stem][shape])}' for shape in shapes) + "}"
             for stem, shapes in figures.items()]
    (UNSEEN / "figures.json").write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    names = sorted(path.name for path in COPIES.iterdir() if path.suffix in (".docx", ".txt", ".pdf", ".html", ".xlsx"))
    copies = [f' "{name}": {json.dumps(dataclasses.asdict(copy_scored(name)))}' for name in names]
    (COPIES / "figures.json").write_text("{\n" + ",\n".join(copies) + "\n}\n", encoding="utf-8")


if __name__ == "__main__":
    write_figures()
