"""The rules of ``rules/metadata.yaml``, and the readings of them the readers and normalising need before the
metadata stage: a saved web page's information box, the site's lines around an article and its footer.

Below the read and normalise stages (a reader drops a site's menu rows, a line ending a document's name keeps its
break), so that none of them imports the metadata stage itself.
"""
from __future__ import annotations

import re
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Annotated, Iterator, Literal

import regex

from . import patterns
from .folding import fold, fold_each
from .models import FOR_CHECKS, Model
from .required_chars import lead_pattern
from .rules import compile_pattern, expand_fragments, load_rule_file, prefilter_plans, rules_cache, rules_dir_in_force

_BOX_LINES = 3  # lines opening with a box label, one after the other, that make an information box


class PatternExample(Model):
    text: str
    groups: dict[str, str | None] = {}  # None: the group takes no part in the match


class MetadataPattern(Model):
    pattern: str
    examples: Annotated[list[PatternExample], FOR_CHECKS]
    not_examples: Annotated[list[str], FOR_CHECKS] = []


class SplitExample(Model):
    text: str
    pieces: list[str]


class SplitPattern(Model):
    pattern: str
    examples: Annotated[list[SplitExample], FOR_CHECKS]


class BoxExample(Model):
    lines: list[str]
    fields: dict[str, str]


class InformationBox(Model):
    label: str
    fields: dict[Literal["title", "issuer", "doc_number", "date", "published"], list[str]]
    other_labels: list[str] = []  # cells of the box no field is read from (索引号, 主题分类)
    # what a field's value holds, where it has a form of its own (a 文号 its year and serial): a cell of a label without it
    # is no box's (a page's text size choice, 字号：大 中 小)
    value_forms: dict[Literal["title", "issuer", "doc_number", "date", "published"], str] = {}
    examples: Annotated[list[BoxExample], FOR_CHECKS]


class MetadataRules(Model):
    fragments: dict[str, str]
    patterns: dict[str, MetadataPattern]
    front_breaks: SplitPattern
    information_box: InformationBox
    plan_words: list[str]
    name_endings: list[str]  # besides plan_words: the last words of an attachment's or a notice's name (表, 通知)
    notice_endings: list[str]  # the last words of a notice's title (通知, 函, 公告)
    issuer_endings: list[str]
    addressee_endings: list[str] = []  # besides issuer_endings: the last words of an addressee's name (单位, 部门, 乡镇)
    place_bodies: list[str] = []  # bodies each place has, named alone after one named with its place (各乡镇党委、人民政府)


class CompiledMetadataRules:
    """The rule file with every pattern compiled, its {name} fragments expanded."""

    def __init__(self, rules: MetadataRules, path: Path):
        self.rules = rules
        self.name_words = tuple(rules.plan_words + rules.name_endings)
        box = rules.information_box
        self.field_of_label = {label: name for name, labels in box.fields.items() for label in labels}
        every_label = [*self.field_of_label, *box.other_labels]
        labels = "|".join(regex.escape(label) for label in sorted(every_label, key=len, reverse=True))
        endings = rules.issuer_endings + rules.addressee_endings
        fragments = {**rules.fragments, "issuer_ending": patterns.any_word(rules.issuer_endings), "name_ending": patterns.any_word(self.name_words),
                     "attachment_ending": patterns.any_word(rules.name_endings),
                     "body_ending": patterns.any_word(endings), "ending_rest": _ending_rests(endings),
                     "box_label": f"(?:{labels})"}
        self.patterns = {
            name: compile_pattern(expand_fragments(rule.pattern, fragments, path, name), path, name)
            for name, rule in rules.patterns.items()
        }
        # where a signature_run's date may open (linebreaks._signature_runs tries the run of ideographs before each); None
        # where a user's signature_run is written without {date}: it is then searched everywhere
        signature = rules.patterns.get("signature_run")
        signed_with_date = signature is not None and "{date}" in signature.pattern and "date" in fragments
        self.signature_date = compile_pattern(expand_fragments("{date}", fragments, path, "date"), path, "date") if signed_with_date else None
        # split at every place of the lines above the first heading: tried only where the characters a break needs are
        self.front_breaks = _front_breaks(expand_fragments(rules.front_breaks.pattern, fragments, path, "front_breaks"), path)
        # A name's end, its bracketed notes and closing marks after it: …实施方案（2021—2025年）》
        self.name_end = compile_pattern(f"{fragments['name_ending']}(?:[（(][^（）()]{{1,20}}[）)])*[》”」』]*$", path, "name_endings")
        # A 、 after an addressee's whole name and its note (各乡镇人民政府、县直各单位, 各处（室）、各分局), outside brackets (各县（市、区）),
        # and not next to a kind named by its one character alone, which shares the name before it as a level does
        # (区政府各委、办、局（公司）、中心, 各部、委)
        note = "(?:[（(][^（）()]{1,10}[）)])?"
        bare = f"{patterns.any_word([ending for ending in endings if len(ending) == 1])}{note}"
        self.addressee_joint = compile_pattern(f"(?<={patterns.any_word(endings)}{note})(?<!、{bare})、(?![^（）()]*[）)])(?!{bare}(?:、|$))",
                                               path, "addressee_endings")
        self.box_label = compile_pattern(box.label.replace("{labels}", labels), path, "information_box")
        self.box_value_forms = {field: compile_pattern(expand_fragments(form, fragments, path, "information_box"), path, "information_box")
                                for field, form in box.value_forms.items()}
        # where the next cell of a box printed as text starts, on the line of the one before (…人民政府发文日期：…)
        self.box_cell = compile_pattern(f"(?:{labels})\\s*[：:]", path, "information_box")

    def match(self, name: str, text: str) -> regex.Match | None:
        return self.patterns[name].search(text)

    def first(self, name: str, texts: list[str]) -> tuple[int, regex.Match] | None:
        """The first of ``texts`` that holds a match of pattern ``name``, its index and the match (publicity, printed and
        cc are sought in every paragraph of a plan and found in few: only those holding their lead are searched)."""
        return next(self.matches(name, texts), None)

    def matches(self, name: str, texts: list[str]) -> Iterator[tuple[int, regex.Match]]:
        """Each match of pattern ``name`` in ``texts``, in their order, with the index of the text holding it."""
        finditer = self.patterns[name].finditer
        for index in self.holding_lead(name, texts):
            yield from ((index, match) for match in finditer(texts[index], None, None, concurrent=patterns.NOT_CONCURRENT))

    def holding_lead(self, name: str, texts: list[str]) -> Iterator[int]:
        """The index of each of ``texts`` that may hold a match of pattern ``name``: that holds its lead (``_leads``),
        found by one scan of the texts joined, where searching each with the regex module cost a microsecond a text.
        The scan goes on from the start of the text after one found: none holding a lead is passed over. Texts holding
        a line break are each searched: the breaks that part them tell which text a lead is in."""
        lead, joined = self._leads[name], "\n".join(texts)
        if lead is None or joined.count("\n") != len(texts) - 1:
            yield from range(len(texts))
            return
        index, start = 0, 0  # the text the scan is in, and where it starts in the joined
        while hit := lead.search(joined, start):
            index += joined.count("\n", start, hit.start())
            yield index
            index, start = index + 1, joined.find("\n", hit.start()) + 1
            if not start:
                return

    @cached_property
    def _leads(self) -> dict[str, re.Pattern | None]:
        """Each pattern's lead (``Prefilter.lead``: strings of which every match, its lookarounds included, holds one)
        as a search of Python's re; None where it has none. Worked out and kept as the target rules' are."""
        plans = prefilter_plans([pattern.pattern for pattern in self.patterns.values()], rules_dir_in_force())
        return {name: patterns.compile_python(lead_pattern(lead)) if lead else None for name, (_, lead, *_) in zip(self.patterns, plans)}

    @cached_property
    def web_chrome(self) -> patterns.Presence:
        """``web_chrome``, tried on every line of a text, a page or a PDF: its alternatives at a line's start are
        matched there alone (built when first asked for: a rule file of the user's may hold other patterns only)."""
        return patterns.Presence(self.patterns["web_chrome"].pattern)

    def front_pieces(self, text: str) -> list[str]:
        return list(_split_front(self.front_breaks, text))


@lru_cache(maxsize=512)  # the lines above the first heading are read for the plan's body start, then for the metadata
def _split_front(front_breaks: patterns.Cuts, text: str) -> tuple[str, ...]:
    return tuple(front_breaks.pieces(text))


def _ending_rests(endings: list[str]) -> str:
    """What goes on with a body's name after one of its endings, where a signer never opens: the rest of a longer
    ending (办|公室, 委|员会, 部|门) or an ending of its own words (县政府|办公室)."""
    rests = {longer[len(ending):] for longer in endings for ending in endings if longer != ending and longer.startswith(ending)}
    return patterns.any_word(rests | {ending for ending in endings if len(ending) > 1})


def _front_breaks(source: str, path: Path) -> patterns.Cuts:
    try:
        return patterns.Cuts(source)
    except regex.error:
        compile_pattern(source, path, "front_breaks")  # the error reported in the pattern as written
        raise


@rules_cache
def metadata_rules() -> CompiledMetadataRules:
    return CompiledMetadataRules(*load_rule_file(MetadataRules, "metadata.yaml"))


def read_information_box(lines: list[str]) -> dict[str, str]:
    """The fields of a web page's information box, from the page's lines (one cell a line), read folded: a 繁體 page's
    box (文號：池政辦發〔2026〕7號, 發佈機構：…) has the labels a simplified one has, and gives its values folded as the
    plan's text is read."""
    rules = metadata_rules()
    cells = [cell for line in lines for cell in _line_cells(fold(line.strip()), rules)]
    found: dict[str, str] = {}
    for index, line in enumerate(cells):
        match = rules.box_label.match(line)
        if not match:
            continue
        value = match.group("value").strip()
        if not value and index + 1 < len(cells) and not rules.box_label.match(cells[index + 1]):
            value = cells[index + 1]
        field = rules.field_of_label.get(match.group("label"))
        form = rules.box_value_forms.get(field) if field else None
        if field and value and field not in found and (form is None or form.search(value)):
            found[field] = value
    return found


def information_box_cells(lines: list[str]) -> list[str] | None:
    """The cells of an information box printed as lines of text (索引号：…, 发布机构：…发文日期：…, 名称：…), one a
    line, when ``lines`` (cleaned) all open with the box's labels and are enough of them to be a box; else None."""
    rules = metadata_rules()
    if len(lines) < _BOX_LINES or not all(rules.box_label.match(line) for line in lines):
        return None
    return [cell for line in lines for cell in _line_cells(line, rules)]


def _line_cells(line: str, rules: CompiledMetadataRules) -> list[str]:
    """A line of an information box parted where each label after the first opens a cell, found from the left, the
    longest first (发文字号, not its 字号): a page's spans on one line (索引号：… 发布机构：… 文号：…) are its cells."""
    if not rules.box_label.match(line):
        return [line]
    starts = [match.start() for match in rules.box_cell.finditer(line) if match.start()] + [len(line)]
    return [line[start:end].strip() for start, end in zip([0, *starts], starts)]


def typed_box_cells(rows: list[str]) -> list[str] | None:
    """The cells of an information box copied from a page as rows of cells parted by tabs (索引号：\t…\t发布机构：\t…),
    each label's value in the cell after it, when every row opens with a label (with its colon or in a cell of its own:
    a page's table of 索引号 | … | 发布机构 | …) and they hold enough labels to be a box; else None."""
    rules = metadata_rules()
    cells = [cell.strip() for row in rows for cell in row.split("\t")]
    if not rows or not all("\t" in row and rules.box_label.match(row.split("\t", 1)[0].strip()) for row in rows):
        return None
    return cells if sum(1 for cell in cells if rules.box_label.match(cell)) >= _BOX_LINES else None


def is_web_chrome(text: str) -> bool:
    """A line of the site around an article (menu row, breadcrumb, copyright: rules/metadata.yaml web_chrome)."""
    return metadata_rules().web_chrome.found_in(fold(text))


def web_chrome_lines(texts: list[str]) -> list[bool]:
    """``is_web_chrome`` of each of the lines ``texts``."""
    rules = metadata_rules()
    presence, folded = rules.web_chrome, fold_each(texts)  # built whatever the lines hold: a batch's warm-up builds it
    chrome = [False] * len(texts)
    for index in rules.holding_lead("web_chrome", folded):  # 42 of the 541 lines read in a round of the gold plans
        chrome[index] = presence.found_in(folded[index])
    return chrome


_NO_FOOTER_MARKS = "。；！？"  # what no site footer holds (rules/metadata.yaml web_footer: its runs are [^。；！？])


def site_footer_start(text: str) -> int | None:
    """Where the footer of the site a text was saved from starts in it (rules/metadata.yaml web_footer), if it ends
    with one; found in the text folded, which keeps its length. A footer follows the document's last sentence, so it
    is sought after the last sentence end only: searched from the text's start, the pattern was tried at every
    character of the plan that may open a footer (主, 网, 技…), most of reading a text."""
    folded = fold(text)
    after_last_sentence = max(map(folded.rfind, _NO_FOOTER_MARKS)) + 1
    found = metadata_rules().patterns["web_footer"].search(folded, after_last_sentence)
    return found.start() if found else None
