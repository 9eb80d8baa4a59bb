"""Normalise stage: source lines to clean logical paragraphs.

Applied to every format, so that TXT, DOCX and PDF versions of one plan give
the same paragraphs. Lines broken by hard wraps or page breaks are rejoined;
page numbers, ``**`` markup and spaces between CJK characters are dropped.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Iterable

import regex

from . import patterns
from .cache import parsed
from .models import LineStart, PageInfo, Paragraph, SourceLine

# Characters after which a paragraph may end. A line ending in anything else
# (a CJK character cut mid-word, a comma) continues on the next line.
_TERMINAL = set("。！？；：!?;:")
_CLAUSE_MARK = re.compile("[，。；、,;]")  # Python's re: the regex module scans for a set of characters at a third of its speed
_CLOSING = set("）)〕]》」”’")
_GOES_ON = "、，,—-"  # a line ending in one of these goes on with the next
_SENTENCE_MARK = re.compile("[。！？!?]")
_OPENING = set("（(〔[《「“‘")
_NAME_BRACKETS = ("《》", "（）", "“”")  # a name quoted in a sentence (根据《…行动 / 方案》) goes on to its closing mark
_PARAGRAPH_LENGTH = 20  # characters: a typical paragraph is longer, a table cell shorter
_LONGER_SHARE = 0.25  # of the lines at a wrapped text's width: so few may be longer (a title, a URL)
_GOING_ON_SHARE = 0.5  # of the lines at a wrapped text's width: so many at least go on in the next line

_PAGE_NUMBER = patterns.compile(
    r"^(?:[-—–－―‒]+\s*\d{1,4}\s*[-—–－―‒]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,3}|\d{1,4}\s*/\s*\d{1,4})$"
)
# Matched backwards (?r): from the page number at the end, so that a paragraph without one fails at once.
_CONTENTS_ENTRY = patterns.compile(r"(?r)^[^。；]{1,80}?(?:[.．·・…⋯_]{3,}|…{2,}|[—-]{4,})\s*\d{1,3}$")
_ENDS_IN_DIGIT = patterns.compile(r"\d$")  # $: at the end, or before a line break ending the text
_CONTENTS_TITLE = patterns.compile(r"^(?:目\s*录|目\s*次)$")
_LEADERS_AND_PAGE = patterns.compile(r"(?:[.．·・…⋯_—-]+)?\s*\d{1,3}$")
# The style sheet of a Word page that a crawler kept as text (/*Style Definitions*/table.MsoNormalTable{mso-…}):
# rules only, its numbers (0cm, 10.0pt) no amounts.
_STYLE_SHEET = patterns.compile(r"(?:/\*[^*]*\*/)?(?:[A-Za-z0-9_.#:*>, -]+\{[^{}]*\})+$")
_CONTENTS_MAX_ENTRIES = 300  # paragraphs: a contents page is no longer
_PAGE_AT_END = patterns.compile(r"[^\d.．]\s*\d{1,3}$")
# Besides the heading markers of rules/headings.yaml, these open a paragraph.
_ATTACHMENTS = "附件"
_BULLETS = ("——", _ATTACHMENTS)
_SPACE_RUN = patterns.compile(patterns.searchable(r"(?<=[^\s])[ \t\u3000\u00a0]+(?=[^\s])"))  # opening with its lookbehind, searched slowly
_LATIN_PAIR = patterns.compile(r"[A-Za-z][A-Za-z]")
_ODD_BRACKETS = {"„": "〔", "‟": "〕", "﹝": "〔", "﹞": "〕"}
_ODD_BRACKET = patterns.compile(f"[{''.join(_ODD_BRACKETS)}]")  # translating every line took half the cleaning
_EDGE_SPACES = " \t\u3000\u00a0\ufeff"
# Invisible format characters: pages that guard against copying put a zero-width space after every
# character, chat apps add bidi marks and word joiners; none of them is part of the text read.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
_INVISIBLE_CHAR = re.compile(f"[{_INVISIBLE}]")
_WITHOUT_INVISIBLE = str.maketrans(dict.fromkeys(_INVISIBLE))
_SQUARE_YEAR = patterns.compile(r"[\[［](\d{4})[\]］]")
# OpenCC's table of traditional characters and their simplified forms, first candidate first
_TRADITIONAL_TABLE = ("opencc", "dictionary/TSCharacters.txt")
# OpenCC's table of traditional words whose simplified form a character fold gets wrong (牴觸 抵触, 反覆 反复)
_TRADITIONAL_PHRASES = "dictionary/TSPhrases.txt"
# OpenCC's tables of the forms Hong Kong and Taiwan write some traditional characters in (衞生 for 衛生), and the form
# of its own table each stands for
_VARIANT_TABLES = ("dictionary/HKVariantsRev.txt", "dictionary/TWVariantsRev.txt")
# What a compatibility character may fold to: letters, digits, ideographs, and the
# signs numbers carry (．％－). Full-width punctuation (，：；) stays: the rules are written with it.
_NUMBER_SIGNS = ".%-"


def _opener() -> regex.Pattern:
    """Heading markers and bullets: a paragraph break always precedes them."""
    # Imported here: the rules loader reads numerals, which need fold from this module.
    from .rules import heading_styles

    return _opener_of(heading_styles())


def _name_end() -> regex.Pattern:
    """The end of a document's or an attachment's name (…实施方案, …的通知, …工作分工表》): rules/metadata.yaml."""
    from .metadata import metadata_rules  # here: the metadata reader imports this module

    return metadata_rules().name_end


@lru_cache(maxsize=2)  # per set of heading styles in force
def _opener_of(styles: tuple) -> regex.Pattern:
    markers = [style.rule.pattern for style in styles] + [regex.escape(bullet) for bullet in _BULLETS]
    return patterns.compile(patterns.searchable("^(?:" + "|".join(f"(?:{marker})" for marker in markers) + ")"))


class _FoldTable(dict):
    """What each character reads as, worked out the first time the character is seen.

    A compatibility character becomes its NFKC form when that is one letter,
    digit or ideograph (Kangxi radical ⼀ -> 一, full-width ５ -> 5, ％ -> %);
    circled and superscript numbers (①, ²) keep their meaning as markers. A
    traditional character becomes its simplified form (萬 -> 万, 達 -> 达).
    """

    def __init__(self, simplified: dict[str, str], radicals: dict[str, str]):
        super().__init__()
        self.simplified = simplified
        self.radicals = radicals  # radicals NFKC leaves alone (⻅, ⺠): rules/radicals.yaml

    def __missing__(self, code: int) -> str:
        char = chr(code)
        compatible = self.radicals.get(char) or unicodedata.normalize("NFKC", char)
        if len(compatible) != 1 or unicodedata.category(char) == "No" or not (compatible.isalnum() or compatible in _NUMBER_SIGNS):
            compatible = char
        self[code] = folded = self.simplified.get(compatible, compatible)
        return folded


@lru_cache(maxsize=1)
def _fold_table() -> tuple[_FoldTable, re.Pattern]:
    """The table, and a pattern finding the characters it changes: a line without them is folded already
    (translating every line, character by character, took a quarter of normalising)."""
    package, name = _TRADITIONAL_TABLE
    path = _package_file(package, name)
    text, radicals = path.read_text(encoding="utf-8"), radical_forms()
    variants = "\n".join(_package_file(package, table).read_text(encoding="utf-8") for table in _VARIANT_TABLES)
    simplified = parsed(path, text, _one_for_one)
    table = _FoldTable({**_variant_forms(variants, simplified), **simplified}, radicals)
    # The candidates come from the regex module's tables, the folds from Python's: both versions in the key
    key = "\n".join([unicodedata.unidata_version, regex.__version__, repr(sorted(radicals.items())), text, variants])
    folding = parsed(Path(f"folding:{path}"), key, lambda _: _folding_class(table))
    # Python's re, not regex: regex tries the members of a large set one by one. Characters beyond
    # the Basic Multilingual Plane (rare, and in re a list too) all count as changed.
    return table, re.compile(f"[{folding}]|[\U00010000-\U0010ffff]")


def _folding_class(table: _FoldTable) -> str:
    """The characters of the Basic Multilingual Plane that ``table`` changes, as the ranges of a character class:
    found among those NFKC may change, the traditional ones and the radicals (the table changes no other)."""
    plane = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))  # no surrogates
    candidates = {*regex.findall(r"[\p{NFKC_QC=N}\p{NFKC_QC=M}]", plane), *table.simplified, *table.radicals}
    ranges: list[list[int]] = []
    for code in sorted(ord(char) for char in candidates if ord(char) < 0x10000 and table[ord(char)] != char):
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(re.escape(chr(first)) + (f"-{re.escape(chr(last))}" if last > first else "") for first, last in ranges)


def _one_for_one(table: str) -> dict[str, str]:
    """Simplified forms from OpenCC's table: a character whose first candidate is itself (覆) is already simplified."""
    simplified = {}
    for line in table.splitlines():
        traditional, _, candidates = line.partition("\t")
        first = candidates.split(" ")[0]
        if len(traditional) == 1 and len(first) == 1 and first != traditional:
            simplified[traditional] = first
    return simplified


def _variant_forms(table: str, simplified: dict[str, str]) -> dict[str, str]:
    """The simplified form of each regional variant (衞 -> 衛 -> 卫, 敍 -> 敘 -> 叙) whose standard form has one: not
    a variant that is itself a simplified character (著, Taiwan's 着, is simplified 著 of 显著), which folds to itself."""
    forms = {}
    for line in table.splitlines():
        variant, _, standard = line.partition("\t")
        target = simplified.get(standard.split(" ")[0])
        if len(variant) == 1 and target and variant not in simplified:
            forms[variant] = target
    return forms


@lru_cache(maxsize=2)  # Taiwan's words read or not
def _traditional_words(taiwan: bool) -> tuple[dict[str, str], re.Pattern]:
    """Traditional words a character fold gets wrong and the simplified word each stands for, as long as it: OpenCC's
    phrases, then rules/regional_words.yaml (批覆 批复, 軟體 软件; in Taiwan's wording 資訊 信息 too); and a pattern finding them in
    text as written. Built the first time a text has a traditional character."""
    table, _ = _fold_table()
    package, _ = _TRADITIONAL_TABLE
    words = {}
    for line in _package_file(package, _TRADITIONAL_PHRASES).read_text(encoding="utf-8").splitlines():
        traditional, _, candidates = line.partition("\t")
        words[traditional] = candidates.split(" ")[0]
    regional = regional_words()
    words.update({**regional["words"], **regional["taiwan_words"], **(regional["taiwan_senses"] if taiwan else {})})
    words = {word: simplified for word, simplified in words.items()
             if len(simplified) == len(word) and word.translate(table) != simplified}
    return words, _any_of(words)


def _any_of(words: Iterable[str]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


@lru_cache(maxsize=1)
def _taiwan_evidence() -> tuple[re.Pattern, int]:
    """A pattern finding Taiwan's own words (軟體, 計畫, 智慧財產) in text as written, and how many tell Taiwan's
    wording."""
    regional = regional_words()
    return _any_of([*regional["taiwan_words"], *regional["taiwan_marks"]]), regional["taiwan_evidence"]


def taiwan_wording(texts: list[str]) -> bool:
    """Whether the texts, one document, are worded as Taiwan words a plan: they write enough of Taiwan's own words
    (軟體, 網際網路, 計畫), which no mainland text writes. Words of both (專案, 網路, 資訊) never decide: a mainland
    plan's traditional copy writes 專案組 and 管網路面, and may never write 項目 or 網絡 beside them."""
    return _taiwan_worded("\n".join(texts))


def _taiwan_worded(written: str) -> bool:
    """``taiwan_wording`` of a text as written."""
    taiwan, enough = _taiwan_evidence()
    return len(taiwan.findall(written)) >= enough


def regional_words() -> dict:
    """rules/regional_words.yaml: traditional words and the simplified words they stand for, ``words`` read in
    any traditional text with ``taiwan_words``, ``taiwan_senses`` in Taiwan's wording only."""
    from .rules import default_rules_dir, load_yaml  # here: the rules loader imports this module

    return load_yaml(default_rules_dir() / "regional_words.yaml")


def radical_forms() -> dict[str, str]:
    """rules/radicals.yaml: CJK Radicals Supplement characters and the ideographs they stand for."""
    from .rules import default_rules_dir, load_yaml  # here: the rules loader imports this module

    return load_yaml(default_rules_dir() / "radicals.yaml")["radicals"]


def _package_file(package: str, name: str) -> Path:
    """A data file of an installed package, found without importing the package or importlib.resources
    (together a twentieth of a second at every start)."""
    spec = find_spec(package)
    folder = next(iter(spec.submodule_search_locations or [])) if spec else None
    if folder is None:
        raise ModuleNotFoundError(f"{package} is not installed")
    return Path(folder) / name


def fold(text: str, taiwan: bool | None = None) -> str:
    """The text as the rules read it: compatibility and traditional characters folded, one character for one.

    Length is preserved so that offsets found in the folded text point into
    the text as written, and quotes keep it. ``taiwan``: whether the document is in Taiwan's wording
    (``taiwan_wording``); None to judge by ``text`` alone.
    """
    table, folding = _fold_table()
    if not folding.search(text):
        return text
    folded = text.translate(table)
    # only a text with a traditional character (an ideograph folded: not a full-width digit, nor a radical) is read for
    # words; 影片 and 程式 are also words of simplified text. Looked for among the characters folded, not by comparing
    # every character with its fold: that took three quarters of normalising a plan whose numbers are written 1．5.
    if not any("\u4e00" <= match.group() <= "\u9fff" for match in folding.finditer(text)):
        return folded
    words, found = _traditional_words(_taiwan_worded(text) if taiwan is None else taiwan)
    pieces, last = [], 0
    for match in found.finditer(text):  # words read as written: 幹道 folds to 干道 by its characters, 乾道 stays 乾道
        pieces += [folded[last:match.start()], words[match.group()]]
        last = match.end()
    return "".join(pieces) + folded[last:] if pieces else folded


def fold_lines(texts: list[str], taiwan: bool | None = None) -> list[str]:
    """``fold`` of each text, the texts one document (``taiwan``: None to judge its wording by them): searched
    together first, as most texts have nothing to fold."""
    _, folding = _fold_table()
    if not folding.search("\n".join(texts)):
        return texts
    taiwan = taiwan_wording(texts) if taiwan is None else taiwan
    return [fold(text, taiwan) for text in texts]


def fold_page(page: PageInfo, taiwan: bool) -> PageInfo:
    """What a web page says of its document (its <meta> title, its information box), read as the document's text is
    read (``fold`` in the document's wording, ``taiwan``): a traditional page's 關於…印發 is 关于…印发, and a Taiwan
    page's 資訊專案 is 信息项目 though its title alone writes none of Taiwan's own words."""
    return page.model_copy(update={name: fold(value, taiwan) for name, value in page if isinstance(value, str)})


def _drop_space(match: regex.Match) -> str:
    text = match.string
    pair = text[match.start() - 1] + text[match.end()]
    # Spaces between Latin words carry meaning ("VR and AR"); any other space
    # in a plan is an artefact of PDF extraction or justification.
    return match.group() if _LATIN_PAIR.fullmatch(pair) else ""


def _year_in_brackets(match: regex.Match) -> str:
    return f"〔{match.group(1)}〕"  # a function: regex reads a template string again at every call


def clean_line(text: str) -> str:
    """One line's markup, odd brackets and stray spaces removed."""
    return _SPACE_RUN.sub(_drop_space, _without_markup(text).strip(_EDGE_SPACES))


def clean_lines(texts: list[str]) -> list[str]:
    """``clean_line`` of each text, each step run once over the texts joined (a call for each line cost
    more than its work). Texts holding a line break are cleaned one by one: its edges would be stripped."""
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:
        return [clean_line(text) for text in texts]
    stripped = "\n".join([line.strip(_EDGE_SPACES) for line in _without_markup(joined).split("\n")])
    return _SPACE_RUN.sub(_drop_space, stripped).split("\n")


def _without_markup(text: str) -> str:
    """``**`` markup dropped, odd brackets and bracketed years as the rules read them (looked for by
    ``in`` first: searching a text with the regex module costs ten times as much)."""
    text = text.replace("**", "")
    if _INVISIBLE_CHAR.search(text):
        text = text.translate(_WITHOUT_INVISIBLE)
    if any(bracket in text for bracket in _ODD_BRACKETS):
        text = _ODD_BRACKET.sub(_even_bracket, text)
    return _SQUARE_YEAR.sub(_year_in_brackets, text) if "[" in text or "［" in text else text


def _even_bracket(match: regex.Match) -> str:
    return _ODD_BRACKETS[match.group()]


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip(" \t\u3000")))


def _starts_paragraph(text: str) -> bool:
    """Whether the line is indented as a paragraph's first line: two characters.

    Spaces count half a character, as text converted from print writes them;
    a deeper indent is centring or right alignment, which says nothing.
    """
    if text[:1] not in (" ", "\u3000"):
        return False  # most lines: no indent to measure
    leading = text[: len(text) - len(text.lstrip(" \u3000"))]
    return 1 <= leading.count("\u3000") + leading.count(" ") / 2 < 3


def is_table_row(line: SourceLine, tab_indents: bool) -> bool:
    # Tab-separated rows, or the one-cell-per-line layout where each cell is
    # indented by a tab, come from tables; they are never joined. In a text
    # that indents its paragraphs with tabs, a leading tab is only indentation.
    return line.in_table or "\t" in line.text.strip() or (line.text.startswith("\t") and not tab_indents)


def _table_rows(lines: list[SourceLine]) -> list[bool]:
    """``is_table_row`` of each line: in a text without a tab, the rows a reader found."""
    if "\t" not in "".join([line.text for line in lines]):
        return [line.in_table for line in lines]
    tab_indents = indents_with_tabs(lines)
    return [is_table_row(line, tab_indents) for line in lines]


def indents_with_tabs(lines: list[SourceLine]) -> bool:
    """Whether the text indents its paragraphs with tabs, rather than laying out table cells.

    Most lines open with a tab, and they are as long as paragraphs: cells of a
    one-cell-a-line table are short.
    """
    texts = [line.text for line in lines if line.text.strip()]
    tabbed = sorted(len(text.strip()) for text in texts if text.startswith("\t"))
    return len(tabbed) > len(texts) / 2 and tabbed[len(tabbed) // 2] >= _PARAGRAPH_LENGTH


def wrap_width(texts: list[str]) -> int | None:
    """The width at which a hard-wrapped (PDF) text breaks its lines, if it does.

    Hard-wrapped text has many lines of nearly the same length; text with one
    line per paragraph (Word, HTML) has no such peak.
    """
    lengths = Counter(len(text) for text in texts if len(text) >= 12)
    if not lengths:
        return None
    peak = lengths.most_common(1)[0][0]
    near_peak = sum(count for length, count in lengths.items() if peak - 2 <= length <= peak + 1)
    longer = sum(count for length, count in lengths.items() if length > peak + 1)
    # A short wrapped text (a notice, a text with tables) has few full lines, but hardly a line longer.
    wrapped = near_peak >= max(5, 0.3 * len(texts)) or (near_peak >= 5 and longer <= near_peak * _LONGER_SHARE)
    # Its full lines mostly go on in the next: lines of one length that end a sentence or come before a heading
    # are short paragraphs and titles (a short plan of one-line items: （一）加强组织领导 / 新建运动场10个。).
    wrapped = wrapped and _going_on(texts, peak) >= _GOING_ON_SHARE * near_peak
    # Lines that open a paragraph are indented two characters, so are shorter.
    return peak - 4 if wrapped else None


def _going_on(texts: list[str], peak: int) -> int:
    """How many lines within a wrap's reach of ``peak`` characters end in no full stop and have a next line
    that opens with no heading marker or bullet."""
    lines = [text for text in texts if text]
    opener = _opener()
    return sum(1 for text, following in zip(lines, lines[1:])
               if peak - 2 <= len(text) <= peak + 1 and text[-1] not in _TERMINAL and not opener.match(following))


class _Rejoined:
    """A paragraph being rejoined from its lines: its text is joined once, when it is complete
    (joined at every line, a long paragraph took quadratic time)."""

    def __init__(self, line: SourceLine, text: str, written: str, opener: regex.Pattern, name_end: regex.Pattern,
                 in_table: bool = False):
        self.first = line
        self.texts, self.written = [text], [written]
        self.continuations: list[LineStart] = []
        self.length = len(text)
        self.opener = opener
        self.name_end = name_end
        self.in_table = in_table
        heading = None if in_table else opener.match(text)
        self.is_heading = heading is not None
        self.has_clause = bool(_CLAUSE_MARK.search(text, heading.end() if heading else 0))
        # A heading line with no sentence in it yet is a title, ending with its line (a body begun after 。 may
        # wrap; so may a —— bullet's or an 附件 line's sentence)
        self.title_only = self.is_heading and not heading.group().startswith(_BULLETS) and not _SENTENCE_MARK.search(text)
        # each name bracket's openings less its closings in the lines counted so far: counted only when a wrapped
        # line's end is in question (counting every line cost more than the rest of rejoining it), each line once
        self._brackets_open = [0] * len(_NAME_BRACKETS)
        self._brackets_counted = 0  # how many of ``texts`` are counted in ``_brackets_open``

    def joins(self, line: SourceLine, text: str, width: int | None) -> bool:
        """Whether ``line`` (cleaned and folded: ``text``) continues this paragraph."""
        if self.in_table or line.opens_paragraph or _starts_paragraph(line.text):
            return False
        if line.opens_paragraph is False:  # the layout shows a wrapped line, even after a full stop
            return not self.opener.match(text)
        return self._continued_by(text, width)

    def _continued_by(self, following: str, width: int | None) -> bool:
        """Whether ``following`` continues the sentence that this paragraph left open."""
        last_line = self.texts[-1]
        full_line = width is not None and len(last_line) >= width
        if full_line and last_line[-1].isdigit() and following[0].isdigit():
            return True  # a number cut by the wrap (建标143-201 / 0）建设要求) is no heading marker
        if last_line[-1] in _OPENING:
            return True  # 审批表》（ / 1）（详见附表）: a bracket opened at a line's end closes on the next, no marker there
        if last_line[-1] in _TERMINAL or self.opener.match(following):
            return False
        if full_line:
            return not self._name_ends(following)  # a full line of hard-wrapped text, but for a title as wide
        if self.is_heading and (not self.has_clause or (self.title_only and last_line[-1] not in _GOES_ON)):
            return False  # a heading line stands alone, a title of clauses too (（七）广泛宣传，营造氛围)
        if last_line[-1] in _CLOSING:
            return False  # a title, a 〔2022〕 number or a footer item ends here
        return self.has_clause or last_line[-1] in _GOES_ON

    def _name_ends(self, following: str) -> bool:
        """Whether the last line, in a paragraph with no clause yet, ends a title or an attachment's name
        (…实施意见, 附件：…实施方案) that ``following`` does not go on with (的通知, （试行）, 》).
        A list item's name goes on (2.…预先核准通知 / 书): its heading is read by its own rules."""
        list_item = self.is_heading and not self.texts[0].startswith(_ATTACHMENTS)  # 2.…预先核准通知 / 书
        if list_item or self.has_clause or following[0] in "的（(》”」" or not self.name_end.search(self.texts[-1]):
            return False
        return all(balance <= 0 for balance in self._name_brackets_open())  # not inside 《…

    def _name_brackets_open(self) -> list[int]:
        """Each name bracket's openings less its closings in the lines so far."""
        for text in self.texts[self._brackets_counted:]:
            self._brackets_open = [kept + text.count(opening) - text.count(closing)
                                   for kept, (opening, closing) in zip(self._brackets_open, _NAME_BRACKETS)]
        self._brackets_counted = len(self.texts)
        return self._brackets_open

    def add(self, line: SourceLine, text: str, written: str) -> None:
        self.continuations.append(LineStart(self.length, line.line, line.page))
        self.texts.append(text)
        self.written.append(written)
        self.length += len(text)
        self.has_clause = self.has_clause or bool(_CLAUSE_MARK.search(text))

    def paragraph(self) -> Paragraph:
        return Paragraph(text="".join(self.texts), written="".join(self.written), line=self.first.line,
                         page=self.first.page, in_table=self.in_table, continuations=self.continuations)


def normalize(lines: list[SourceLine], taiwan: bool | None = None) -> list[Paragraph]:
    """Rejoin wrapped lines into paragraphs of clean text, folded for reading (``fold``) with the text as written kept;
    ``taiwan``: whether the document is in Taiwan's wording (None: judged by the lines, table rows too)."""
    rows = _table_rows(lines)
    taiwan = taiwan_wording([line.text for line in lines]) if taiwan is None else taiwan
    written_texts = clean_lines([line.text for line, row in zip(lines, rows) if not row])
    prose = iter(zip(written_texts, fold_lines(written_texts, taiwan)))
    cleaned = [None if row else next(prose) for row in rows]  # None for a table row: its cells are cleaned one by one
    width = wrap_width(written_texts)
    opener, name_end = _opener(), _name_end()
    rejoined: list[_Rejoined] = []
    open_paragraph: _Rejoined | None = None  # the paragraph the next line may continue
    for line, texts in zip(lines, cleaned):
        if texts is None:
            text = "\t".join(clean_line(cell) for cell in line.text.split("\t")).strip("\t")
            if text:
                rejoined.append(_Rejoined(line, fold(text, taiwan), text, opener, name_end, in_table=True))
            open_paragraph = None
            continue
        written, text = texts
        if not written or is_page_number(written):
            continue  # blank lines and page numbers may fall inside a sentence
        if open_paragraph and open_paragraph.joins(line, text, width):
            open_paragraph.add(line, text, written)
        else:
            open_paragraph = _Rejoined(line, text, written, opener, name_end)
            rejoined.append(open_paragraph)
    return _without_contents([paragraph.paragraph() for paragraph in rejoined])


def is_contents_entry(text: str) -> bool:
    """A line of a contents page: a title, dot leaders and a page number (一、总体要求……………1)."""
    # Only a text ending in a digit is read whole: the end is found at its last two places.
    return bool(_ENDS_IN_DIGIT.search(text, max(len(text) - 2, 0)) and _CONTENTS_ENTRY.search(text))


def is_contents_title(text: str) -> bool:
    """The title of a contents page: 目录, 目 录, 目次."""
    return bool(_CONTENTS_TITLE.match(text))


def _without_contents(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs minus a contents page (its entries would be headings twice, their page numbers targets)
    and minus a page's style sheet kept as text.

    Under a 目录 line, an entry may lack leaders (一、总体要求 1); elsewhere only leaders tell one.
    """
    kept: list[Paragraph] = []
    under_contents = False
    body_start = 0  # after a contents page: the paragraph where its first entry opens the body
    for index, paragraph in enumerate(paragraphs):
        if index < body_start:
            continue
        text = paragraph.text
        if is_contents_title(text) and index + 1 < len(paragraphs) and _is_entry(paragraphs[index + 1].text, True):
            under_contents = True
            body_start = _first_entry_again(paragraphs, index + 1)
            continue
        if not paragraph.in_table and (_is_entry(text, under_contents) or _STYLE_SHEET.match(text)):
            continue
        under_contents = False
        kept.append(paragraph)
    return kept


def _first_entry_again(paragraphs: list[Paragraph], first_entry: int) -> int:
    """Where the body repeats the first entry of a contents page (第一章 总则……1, then 第一章 总则), or 0.

    All between is the contents page, also an entry whose page number went to a line of
    its own or whose leaders run into the next entry's (第六章 附则……19附表………).
    """
    heading = _LEADERS_AND_PAGE.sub("", paragraphs[first_entry].text)
    end = min(len(paragraphs), first_entry + _CONTENTS_MAX_ENTRIES)
    return next((index for index in range(first_entry + 1, end) if paragraphs[index].text == heading), 0)


def _is_entry(text: str, under_contents: bool) -> bool:
    return is_contents_entry(text) or (under_contents and bool(_opener().match(text)) and bool(_PAGE_AT_END.search(text)))
