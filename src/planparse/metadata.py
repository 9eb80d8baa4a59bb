"""Metadata stage: the official-document elements around the plan (GB/T 9704-2012).

The notice that issues a plan (版头, 发文字号, 标题, 主送机关, 署名, 成文日期,
公开属性) stands before its first heading; the footer (抄送, 印发机关和印发日期)
after its body. Patterns are data (``rules/metadata.yaml``); this module
decides where to look. A field the document does not state stays null.
"""
from __future__ import annotations

import operator
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

import regex

from . import patterns
from .metadata_rules import CompiledMetadataRules, PatternExample, metadata_rules, read_information_box
from .models import Metadata, PageInfo, Paragraph, Period
from .numerals import digit_year, numeral_value
from .rules import load_rule_set
from .outline import Outline
from .structure import HeadingMatch

# A title line is short and holds no full sentence; a notice's title on one
# line may be long, as it names the plan it issues.
_TITLE_LINE_MAX = 50
_NOTICE_TITLE_MAX = 120
_SIGNATURE_MAX = 30
_JOINT_SIGNERS_MAX = 6  # issuers that sign one document together, each on a line of its own
_LIST_SEPARATORS = patterns.compile(r"[，,；;]")
_SENTENCE_MARK = patterns.compile(r"[。：:，,；;]")  # a name holds none: a line holding one goes on no name
_NUMBER_UNDER_DATE_REACH = 2  # lines under a signing date that may hold the notice's 文号 (the 公开 note may come first)
_JOINT_PREFIX_MAX = 6  # characters: a joint issuer's 文号 prefix is no longer (某医保发, 国卫办医发)
_NUMBER_SEPARATOR = patterns.compile(r"[\s、，,；;]*")  # between the 文号 of a joint notice on one line
_NOTE_OR_NOTHING = patterns.compile(r"\s*(?:[（(][^（）()]{1,20}[）)])?\s*")  # what may open or close a 文号's line: （此件主动公开）
# Compiled here: the regex module's own cache is looked up in Python, ten times the cost of a short match
_IDEOGRAPHS = patterns.compile(r"\p{Han}+")
_BREADCRUMB = patterns.compile(r"[>＞»]")


def example_problem(rules: CompiledMetadataRules, name: str, example: PatternExample) -> str | None:
    """Why a rule's example fails, or None when it matches with its groups."""
    match = rules.match(name, example.text)
    if match is None:
        return "does not match"
    wrong = {group: match.group(group) for group, value in example.groups.items() if match.group(group) != value}
    return f"groups differ: {wrong}" if wrong else None


def check_metadata_rules(rules: CompiledMetadataRules) -> list[str]:
    """Every example and not_example of metadata.yaml; one line per failure."""
    failures = []
    for name, rule in rules.rules.patterns.items():
        failures += [f"metadata.yaml: {name}: example {e.text!r}: {p}" for e in rule.examples if (p := example_problem(rules, name, e))]
        failures += [f"metadata.yaml: {name}: not_example {t!r} matches" for t in rule.not_examples if rules.match(name, t)]
    for split in rules.rules.front_breaks.examples:
        if rules.front_pieces(split.text) != split.pieces:
            failures.append(f"metadata.yaml: front_breaks: example {split.text!r} splits as {rules.front_pieces(split.text)}")
    for box in rules.rules.information_box.examples:
        if (found := read_information_box(box.lines)) != box.fields:
            failures.append(f"metadata.yaml: information_box: example {box.lines!r} reads {found}")
    return failures


def iso_date(match: regex.Match) -> str | None:
    """``2022年9月30日`` or ``二〇二二年九月三十日`` as ``2022-09-30``; a month alone (``2025年1月``) as ``2025-01``."""
    year = digit_year(match.group("year"))
    month = numeral_value(match.group("month"))
    day = numeral_value(match.group("day")) if match.group("day") else None
    if not (1 <= month <= 12 and (day is None or 1 <= day <= 31)):
        return None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def attachment_list(texts: list[str]) -> tuple[int, int, list[str]] | None:
    """The first list of attachments in ``texts``: 附件：…分工表, or a numbered list opening on the 附件 text
    or on the text after it (附件：1.… or 附件：, then 1.…, 2.…, each on a text of its own). The index of its
    附件 text, of its last text, and the items' names."""
    rules = metadata_rules()
    found = rules.first("attachments", texts)
    return _attachment_list_at(rules, texts, *found) if found else None


def attachment_lists(texts: list[str]) -> list[tuple[int, int, list[str]]]:
    """Every list of attachments in ``texts``, as attachment_list reads the first: a plan printed after its notice lists
    its own at its end (附件：1.重点任务分工表 / 2.2025年新建20座污水处理站点位表), names as the notice's are."""
    rules = metadata_rules()
    search = rules.patterns["attachments"].search
    lists: list[tuple[int, int, list[str]]] = []
    for index in rules.holding_lead("attachments", texts):
        match = search(texts[index], None, None, patterns.NOT_CONCURRENT) if not lists or index > lists[-1][1] else None
        if match and (found := _attachment_list_at(rules, texts, index, match)):
            lists.append(found)
    return lists


def _attachment_list_at(rules: CompiledMetadataRules, texts: list[str], index: int, match: regex.Match) -> tuple[int, int, list[str]] | None:
    """The list of attachments whose 附件 text, ``texts[index]``, the pattern attachments matched (``match``)."""
    named = _ATTACHED_MARKER.split(match.group("list"), maxsplit=1)[0]
    item = rules.match("attachment_item", named)
    if named and not item:
        return (index, index, [named]) if len(named) <= _NOTICE_TITLE_MAX and "。" not in named else None
    items = _run_on_items(item.group("item"), 2) if item else []
    last = index
    for text in texts[index + 1:]:
        following = rules.match("attachment_item", text)
        if following:
            items += _run_on_items(following.group("item"), len(items) + 2)
        elif items and _wraps_name(rules, items[-1], text):
            items[-1] += text
        else:
            break
        last += 1
    return (index, last, items) if items else None


def _wraps_name(rules: CompiledMetadataRules, name: str, text: str) -> bool:
    """Whether ``text`` is the rest of a name cut at a line's end (1.某县农村供水工程建设实施 / 方案（2024—2026年）, …实施意 /
    见): the name lacks its last word, which ``text``, a line with no sentence in it, completes."""
    return (not name.endswith(rules.name_words) and len(text) <= _TITLE_LINE_MAX and not _SENTENCE_MARK.search(text)
            and rules.name_end.search(name + text) is not None)


# the marker over the attached document itself, run onto the list in flat text (附件：某办法附件某办法一、…)
_ATTACHED_MARKER = patterns.compile(r"\s*附件\d{0,2}(?![\d：:])")
# an item's number in a list run onto one line: not inside a number (12.), not a decimal (2.0版) unless a year follows
_ITEM_NUMBER = patterns.compile(r"(?<!\d)(?P<number>\d{1,2})[.．、](?=\D|(?:19|20)\d{2}年)")


def _run_on_items(text: str, following: int) -> list[str]:
    """An item of a numbered list and the items run onto its line (附件：1.分工表2.指标表, the line breaks lost),
    parted where the numbers go on in order from ``following``."""
    cuts = []
    for match in _ITEM_NUMBER.finditer(text):
        if int(match.group("number")) == following + len(cuts):
            cuts.append(match)
    starts = [0] + [match.end() for match in cuts]
    ends = [match.start() for match in cuts] + [len(text)]
    return [text[start:end].rstrip("。；; ") for start, end in zip(starts, ends) if text[start:end].strip()]


def split_list(text: str) -> list[str]:
    """Addressee lists, one addressee an item: kinds are parted by ，/；, addressees of one kind by 、 after each whole name
    (各乡镇人民政府、县直各单位); a 、 between levels or places that share the name after them joins them (各省、自治区、直辖市人民政府),
    and bodies that share the place before them each get it (各乡镇党委、人民政府)."""
    joint = metadata_rules().addressee_joint
    kinds = [[item.strip() for item in joint.split(kind) if item.strip()] for kind in _LIST_SEPARATORS.split(text.strip("。 "))]
    return [addressee for items in kinds for addressee in _with_shared_place(items)]


def _with_shared_place(items: list[str]) -> list[str]:
    """Addressees of one kind, a body named alone after one named with its place given that place: 各乡镇党委、人民政府
    addresses each 乡镇's 党委 and 人民政府 (各乡镇人民政府), 各街道党工委、办事处 each 街道's (rules/metadata.yaml place_bodies)."""
    bodies = tuple(sorted(metadata_rules().rules.place_bodies, key=len, reverse=True))
    named = list(items[:1])
    for item in items[1:]:
        before = next((body for body in bodies if named[-1].endswith(body)), None)
        named.append(named[-1][: -len(before)] + item if before and item in bodies and len(named[-1]) > len(before) else item)
    return named


class _Reader:
    """Reads the fields from a document's paragraphs."""

    def __init__(self, paragraphs: list[Paragraph], front_end: int):
        self.paragraphs, self.front_end = paragraphs, front_end  # what it reads (``reads``)
        self.rules = metadata_rules()
        self.texts = [paragraph.text for paragraph in paragraphs if not paragraph.in_table]
        # the footer's lines, then its rows where Word's template for official documents types it as a table (抄送：… /
        # 某办公室 | 2016年4月25日印发), their cells joined
        self.footer = self.texts + [paragraph.text.replace("\t", "") for paragraph in paragraphs if paragraph.in_table]
        self.front = [piece for text in self.texts[:front_end] for piece in self.rules.front_pieces(text)]
        self.tables_title = self._title_over_tables(paragraphs)

    def reads(self, paragraphs: list[Paragraph], front_end: int) -> bool:
        """Whether this reader reads the very ``paragraphs``, its front ending at ``front_end``: a reader of them reads the same."""
        return front_end == self.front_end and len(paragraphs) == len(self.paragraphs) and all(map(operator.is_, paragraphs, self.paragraphs))

    @cached_property
    def front_read(self) -> _Front:
        """What the lines above the first heading say (``_read_front``): read once for the plan's body start and its metadata."""
        return _read_front(self)

    def first(self, name: str, texts: list[str]) -> tuple[int, regex.Match] | None:
        return self.rules.first(name, texts)

    def joint_numbers(self, found: tuple[int, regex.Match]) -> list[str]:
        """The 文号 ``found`` in the front and those of the joint issuers after it: on its line, parted by spaces or 、
        (某教发〔2023〕5号 某财教〔2023〕12号), and on the lines below that hold nothing else."""
        index, match = found
        numbers, rest = self.numbers_in(self.front[index][match.start():])
        for text in self.front[index + 1:]:
            if rest:
                break
            more, rest = self.numbers_in(text)
            if not more:
                break
            numbers += more
        return numbers

    def numbers_in(self, text: str) -> tuple[list[str], str]:
        """The 文号 that ``text`` opens with, one after another, and what is left after them."""
        numbers = []
        # a joint issuer's prefix is short (某财教, 国卫办医发): 关于转发国办发〔2022〕3号… is a notice's title citing one
        while (match := self.rules.match("doc_number", text)) and (not numbers or len(match.group("prefix")) <= _JOINT_PREFIX_MAX):
            numbers.append(_doc_number(match))
            text = text[_NUMBER_SEPARATOR.match(text, match.end()).end():]
        return numbers, text.strip()

    def looks_like_issuer(self, text: str) -> bool:
        """An issuer's name, or the names of joint issuers parted by 、."""
        return all(
            len(name) <= _SIGNATURE_MAX
            and _IDEOGRAPHS.fullmatch(name) is not None
            and name.endswith(tuple(self.rules.rules.issuer_endings))
            for name in text.split("、")
        )

    def issuers_apart(self, text: str) -> str:
        """Joint issuers run together on one line (清远市农业农村局　清远市财政局 loses its spaces) parted by 、:
        each new name opens after an issuer's ending with a place, the first one's or another's (禾阳市水利局|青山县人民政府),
        with the League's or the Party's name (禾阳市教育局|共青团禾阳市委员会) or a national body's (禾阳市财政局|国家税务总局禾阳市
        税务局), but never between a national body's name and its local office's place (metadata.yaml issuer_place,
        joint_issuer_opening, national_body)."""
        names = []
        issuer_place, opening, national_body = (self.rules.patterns[name] for name in ("issuer_place", "joint_issuer_opening", "national_body"))
        for name in text.split("、"):
            place = issuer_place.match(name)
            cuts = [0]
            for index in range(1, len(name)):
                opens = opening.match(name, index) or (place and name.startswith(place.group("place"), index))
                piece = name[cuts[-1]:index]
                if opens and self.looks_like_issuer(piece) and not national_body.fullmatch(piece) and not self._inside_ending(name, index):
                    cuts.append(index)
            pieces = [name[start:end] for start, end in zip(cuts, cuts[1:] + [len(name)])]
            names += pieces if all(self.looks_like_issuer(piece) for piece in pieces) else [name]
        return "、".join(names)

    def _inside_ending(self, name: str, index: int) -> bool:
        """Whether ``index`` falls inside an issuer's ending in ``name`` (某省卫生健康委员会办|公室: 办公室)."""
        return any(name.startswith(ending, start) for ending in self.rules.rules.issuer_endings
                   for start in range(max(0, index - len(ending) + 1), index))

    def signing(self) -> tuple[int, regex.Match, str | None, list[str]] | None:
        """The 成文日期 and the 署名 before it: in the notice, else after a signature anywhere, else a date
        alone closing the text (its seal printed as an image), before the attachments and the footer; and the
        texts it was found in (the notice's pieces or the whole text's)."""
        for in_front, texts in ((True, self.front), (False, self.texts)):
            for index, text in enumerate(texts):
                match = self.rules.match("signing_date", text)
                if not match:
                    continue
                signer = self.signers(texts, index, match.group("signer"))
                # joint signers run together on one line (flat text) are each an issuer, longer together than one
                if signer is not None and not self.looks_like_issuer(self.issuers_apart(signer)):
                    signer = None
                # a date alone closing the text has its day: a month alone there is a stage's (总结验收阶段 2025年12月)
                closes = match.group("day") and not match.group("signer") and self._closes_text(texts, index + 1)
                if (in_front and not match.group("numeric")) or signer or closes:
                    return index, match, signer, texts
        return None

    def number_under_date(self, index: int, texts: list[str]) -> regex.Match | None:
        """A 文号 on a line of its own right under the signing date at ``texts[index]`` (…二〇二四年三月五日 / 某卫发〔2024〕12号),
        where a notice whose own text is the plan, or a web copy, prints it; a bracketed note may open or close its
        line (flat text: （此件公开发布）某建〔2023〕31号)."""
        for text in texts[index + 1: index + 1 + _NUMBER_UNDER_DATE_REACH]:
            match = self.rules.match("doc_number", text[_NOTE_OR_NOTHING.match(text).end():])
            if match and _NOTE_OR_NOTHING.fullmatch(match.string, match.end()):
                return match
        return None

    def _closes_text(self, texts: list[str], after: int) -> bool:
        """Nothing of the body follows ``texts[after - 1]``: the end, or the attachments, 抄送 or 印发 lines
        (an index, not the rest of the text: a copy per date line made many dates quadratic)."""
        return after >= len(texts) or any(self.rules.match(name, texts[after]) for name in ("attachment_marker", "attachments", "cc", "printed", "publicity"))

    def signers(self, texts: list[str], index: int, on_date_line: str | None) -> str | None:
        """Who signs the date at ``texts[index]``: the signer on its line, after the joint issuer that closes the line
        above (flat text: the spaces between joint signers on one line read as a line end, 某省卫生健康委员会办公室
        / 某省教育厅办公厅二〇二三年三月十五日), or the signature lines above it."""
        if on_date_line is None:
            return self.signers_above(texts, index)
        above = self.signer_line(texts[index - 1]) if index else None
        return f"{above}、{on_date_line}" if above else on_date_line

    def signers_above(self, texts: list[str], index: int) -> str | None:
        """The signature lines over the date: one issuer, or each issuer of a joint document on its own line.
        A body sealing on another's behalf (…市场监督管理局（代章）) signs for the issuer above it."""
        sealed = self.rules.match("sealed_for", texts[index - 1]) if index else None
        if sealed:
            names = self.issuers_apart(sealed.group("sealer")).split("、")
            if len(names) > 1:  # the signers' lines run together (flat text): the last one seals for those before it
                return "、".join(names[:-1])
            above = self.signer_line(texts[index - 2]) if index >= 2 else None
            if above is None:
                return sealed.group("sealer")
            if above != texts[index - 2]:
                return above
            index -= 1
        start = index
        while start > 0 and index - start < _JOINT_SIGNERS_MAX and self.looks_like_issuer(texts[start - 1]):
            start -= 1
        if start == index:
            return texts[index - 1] if index else None
        return "、".join(texts[start:index])

    def signer_line(self, text: str) -> str | None:
        """The issuer ``text`` names, or closes with after a sentence end (flat text: …上报。某区打传办 / 某局（代章）)."""
        tail = text[max(text.rfind(end) for end in "。！？") + 1:]
        return tail if self.looks_like_issuer(tail) else None

    def notice_title(self) -> tuple[int, str] | None:
        """The notice's title (index of its last line, text), wrapped over short lines. A crawled copy opens with the
        page's headline, which repeats the notice's title (or its words from 关于 on): the notice's own title under it is
        the notice's (关于印发…方案的通知 / 岚综管办〔2015〕93号 / 平潭综合实验区管委会办公室关于 / 印发…方案的通知)."""
        titles = self._notice_titles()
        first = next(titles, None)
        if first is None:
            return None
        return next((title for title in titles if title[1].endswith(first[1])), first)

    def _notice_titles(self) -> Iterator[tuple[int, str]]:
        for end, text in enumerate(self.front):
            if not text.endswith(tuple(self.rules.rules.notice_endings)) or "。" in text or len(text) > _NOTICE_TITLE_MAX:
                continue
            start = end
            while "关于" not in "".join(self.front[start:end + 1]) and start > 0 and self._title_piece(self.front[start - 1]):
                start -= 1
            issuers = start
            while (self._opens_notice(self.front[start]) and issuers > 0 and start - issuers < _JOINT_SIGNERS_MAX
                   and self._issuer_over(self.front[issuers - 1], "".join(self.front[start:end + 1]))
                   and self.front[issuers - 1] not in self.front[start]):
                issuers -= 1  # the issuer on a line of its own above 关于…, or joint issuers each on one (not the title's own)
            start = issuers
            joined = "".join(self.front[start:end + 1])
            if self.rules.match("notice_title", joined) or self.rules.match("own_notice", joined):
                yield end, joined

    def _issuer_over(self, text: str, title: str) -> bool:
        """Whether ``text``, a line over a notice's title opening with 关于, names its issuer: alone, or with the verb it
        issues by (平潭综合实验区管委会办公室印发 / 关于继续深入开展…方案的通知, as ``notice_title`` reads 某办公室印发关于…)."""
        if self.looks_like_issuer(text):
            return True
        notice = self.rules.match("notice_title", text + title)
        return notice is not None and notice.end("issuer") < len(text) <= notice.start("subject") and self.looks_like_issuer(notice.group("issuer"))

    def _opens_notice(self, text: str) -> bool:
        """Whether ``text`` opens a notice's title after its issuers: with 关于, or with the last joint issuer's name and 关于
        (杭州市财政局关于印发…, the first issuer on the line above: the space between them read as a line end)."""
        before, about, _ = text.partition("关于")
        return bool(about) and (not before or self.looks_like_issuer(before))

    def _title_piece(self, text: str, last: bool = False) -> bool:
        """Whether ``text`` may be a line of a title (``last``: its last line, which a full stop may close after a name's
        last word, no clause in it: 某县2024年农田水利建设实施方案。, a title typed as a sentence; not 为…，制定本方案。)."""
        typed_as_sentence = (last and text.endswith("。") and not _LIST_SEPARATORS.search(text)
                             and self.rules.name_end.search(text[:-1]) is not None)
        return (
            len(text) <= _TITLE_LINE_MAX
            and "。" not in (text[:-1] if typed_as_sentence else text)
            and "：" not in text and ":" not in text  # 联系人：… and labels are no title
            and not _BREADCRUMB.search(text)  # nor a web page's breadcrumb (首页 > 政策文件)
            and not any(self.rules.match(name, text) for name in ("doc_number", "signing_date", "masthead", "publicity"))
        )

    def _title_over_tables(self, paragraphs: list[Paragraph]) -> str | None:
        """The title of a document of tables alone, as a workbook of a plan's indicators is: the line nearest above its
        first table that may be a title (某县林业发展主要指标（2024—2026年） over 序号|指标|2023年|2026年, its caption's
        label dropped: 表1, 附件：), when no line outside its tables is a sentence; its period then dates the table's columns."""
        first_table = next((index for index, paragraph in enumerate(paragraphs) if paragraph.in_table), None)
        if first_table is None or any("。" in text or len(text) > _TITLE_LINE_MAX for text in self.texts):
            return None
        above = (self.rules.patterns["caption_number"].sub("", paragraph.text) for paragraph in reversed(paragraphs[:first_table]))
        return next((self.strip_draft(text) for text in above if self._title_piece(text)), None)

    def plan_title(self, notice_end: int) -> tuple[str | None, str | None]:
        """The run of short lines after the notice and before the body, and the issuer on a line of its own
        over it (惠州市文化广电旅游体育局 / 惠州市公共文化服务体系建设实施方案), which is no part of it."""
        pieces: list[str] = []
        # Whether the pieces name a plan, asked of each line's end and the next line, not of all the pieces again
        # at each line: 20,000 short lines (（一） on each) took 12 s of CPU, 40,000 44 s, 450,000 ran 27 minutes (killed).
        named, tail, kept = False, "", max(map(len, self.rules.rules.plan_words), default=1) - 1
        for text in self.front[notice_end + 1:]:
            if not pieces and (any(self.rules.match(name, text) for name in ("attachment_marker", "notice_note"))
                               or self.rules.box_label.match(text)):
                continue  # a line between the signature and the title, or a web page's box under its 文号 (发布日期：…)
            if not self._title_piece(text, last=True) or (named and self.looks_like_issuer(text)):
                break  # the drafting departments under a forwarded plan's whole title are no part of it
            if pieces and self.rules.match("title_note", text):
                break  # the date it was made or adopted, in brackets under it, is no part of it
            pieces.append(text)
            joined = tail + text  # a plan word may run over a line's end
            named, tail = named or self._names_plan(joined), joined[-kept:] if kept else ""
            if text.endswith("。"):
                break
        issuer = None
        if len(pieces) > 1 and self.looks_like_issuer(pieces[0]) and not pieces[1].startswith("关于"):  # 某局 / 关于…的意见: one title
            issuer, pieces = pieces[0], pieces[1:]
        title = "".join(pieces).removesuffix("。")
        return (self.strip_draft(title), issuer) if self._names_plan(title) else (None, None)

    def _names_plan(self, title: str) -> bool:
        return any(word in title for word in self.rules.rules.plan_words)

    def title_above(self, number_index: int) -> str | None:
        """The title on the short lines right above the 发文字号, as a plan issued
        without a notice (…的实施意见 / 豫政〔2014〕83号) or a web page prints it."""
        start = number_index
        while start > 0 and self._title_piece(self.front[start - 1]):
            start -= 1
        title = "".join(self.front[start:number_index])
        return self.strip_draft(title) if self._names_plan(title) else None

    def title_over_a_number(self) -> str | None:
        """The title right above a 发文字号 of the front: the first that has one over it, as a web page's information box
        holds the number (文号：某政发〔2025〕6号) with no title over it and prints it again under the title."""
        for index, _ in self.rules.matches("doc_number", self.front):
            if title := self.title_above(index):
                return self.title_echoed(index, title)
        return None

    def title_over_signature(self, date_index: int) -> str | None:
        """A plan's cover with no notice: its title over its issuer and its date, each on lines of their own
        (某市“十四五”海洋与渔业发展规划 / 某市海洋与渔业局 / 2022年4月), the issuer on the date's line (flat text,
        某市海洋与渔业局2022年4月), or none (某县营商环境优化三年行动方案 / 2024年3月1日)."""
        start = date_index
        while start > 0 and self.looks_like_issuer(self.front[start - 1]):
            start -= 1
        return self.title_above(start)

    def title_echoed(self, number_index: int, title: str) -> str:
        """A web copy's page title over its 文号, printed again under it after its issuer (…45号 / 某区管委会关于…的实施意见):
        the title as the document prints it, found at the start of the text after the number, which in flat text runs
        on into the addressees and the preamble (…实施意见区直有关单位、各乡镇人民政府农村土地…)."""
        if number_index + 1 >= len(self.front):
            return title
        text = self.front[number_index + 1]
        position = text.find(title, 0, _SIGNATURE_MAX + len(title))
        return text[:position] + title if position > 0 and self.looks_like_issuer(text[:position]) else title

    def number_after_title(self, title: str) -> str | None:
        """The plan's 发文字号 in brackets after its own title in the preamble of a web copy:
        …印发了《某方案》（某办〔2021〕105 号）; a number after another document's title is that one's."""
        quoted = f"《{title}》"
        for text in self.front:
            position = text.find(quoted)
            while position >= 0:
                after = text[position + len(quoted):]
                match = self.rules.match("doc_number", after[1:]) if after[:1] in "（(" and after else None
                if match:
                    return _doc_number(match)
                position = text.find(quoted, position + 1)
        return None

    def names_issued(self, notice_end: int) -> list[str]:
        """The plans the notice's own text names in 《》 (现将《某方案》印发给你们), which may word the title otherwise than
        the notice's title does (…建设项目工作实施方案 over a plan titled …建设工作实施方案)."""
        return [name for text in self.front[:notice_end + 1] for name in _QUOTED.findall(text) if self._names_plan(name)]

    def headline(self, notice_end: int) -> str | None:
        """The plan's title over a notice that has none of its own, as a web page prints it for its headline
        (某县…行动方案 / 各乡镇人民政府，…： / 现将《某县…行动方案》印发给你们…): a line above the notice's text that
        the text names as the plan it issues."""
        issued = {_fold(name) for name in self.names_issued(notice_end)}
        return next((self.strip_draft(text.strip("《》")) for text in self.front[:notice_end]
                     if self._title_piece(text) and _fold(text) in issued), None)

    def title_opening(self, notice_end: int, subject: str) -> str | None:
        """The plan title as the start of the next paragraph, when the title
        line was run together with the text below it: the notice names it."""
        if notice_end + 1 >= len(self.front):
            return None
        text = self.front[notice_end + 1]
        wanted = _fold(subject)
        taken = 0
        for index, char in enumerate(text):
            if taken == len(wanted):
                return self.strip_draft(text[:index])
            if _fold(char) == "":
                continue
            if _fold(char) != wanted[taken]:
                return None
            taken += 1
        return None

    def strip_draft(self, title: str) -> str:
        """The title without a web copy's clutter (（本文有删减）, .docx) or a draft marker."""
        title = self.rules.patterns["title_clutter"].sub("", title)
        match = self.rules.match("draft_marker", title)
        return title[: match.start()] if match else title

    def period(self, *titles: str | None) -> Period | None:
        for title in titles:
            if not title:
                continue
            match = self.rules.match("period", title)
            if match:
                start, end = digit_year(match.group("start")), digit_year(match.group("end"))
                if start <= end:
                    return Period(start=start, end=end)
            plan = load_rule_set().five_year_plan(title)
            if plan is not None:
                return Period(start=plan.start, end=plan.end)
        return None

    def single_year(self, *titles: str | None) -> Period | None:
        """The one year a title names as the plan's (2024年…工作方案, …行动计划（2024年）)."""
        for title in titles:
            match = self.rules.match("single_year", title or "")
            if match:
                year = digit_year(match.group("start"))
                return Period(start=year, end=year)
        return None

    def stated_period(self, signed: int | None, month: int | None = None) -> Period | None:
        """The span the plan states in its text (为期6个月（2013年12月16日至2014年6月15日）, 2012年起5年内); a campaign's
        span with no first year (从即日起至2013年12月31日, 从8月1日起至10月30日) opens in the year ``signed``. A span that
        ends before it is a past round's (上一轮…从2018年开始，至2020年结束): the next one is read. ``month``: the month signed,
        for a span of months alone opening after the new year (_opening_year)."""
        stated = (_period_stated(match, signed, month) for _, match in self.rules.matches("stated_period", self.texts))
        return next(filter(None, stated), None)

    def staged_period(self, signed: int | None, month: int | None = None) -> Period | None:
        """The span the plan's stages run, where it states no other (（一）前期准备阶段 / 时间：2023年9月-10月 … （三）筹备迎检阶段 /
        时间：2024年2月-3月 → 2023—2024, its months 9 and 3 as a campaign across its new year gives them): from the first stage's
        year to the last year a stage names, where the line before the first opens the plan's steps (_opens_the_plans_stages);
        a first stage of months alone (（一）宣传发动阶段（6月16日-7月15日）) opens in the year ``signed`` (or the next, for one
        opening after the new year, months before the ``month`` signed: _opening_year), as a campaign's span of months alone
        does (stated_period), and stages of months alone that pass the new year (11月 … 2月) end in the next.
        None for one stage, a first stage with no year in a plan whose signing year is unknown, years out of order (no stages
        of one work), stages ending before the notice was signed (a past round's, told in the review), or a task's stages,
        told by their place or by a goal of the plan due after them (到2030年)."""
        with_the_next = [f"{text}\n{after}" for text, after in zip(self.texts, self.texts[1:] + [""])]  # 时间：… under a stage
        found = list(self.rules.matches("stage_dates", with_the_next))
        stages = [stage for _, stage in found]
        named = [digit_year(year) for stage in stages for year in stage.group("first_year", "last_year") if year]
        first = stages[0].group("first_month") if stages else None
        last = (stages[-1].group("last_month") or stages[-1].group("first_month")) if stages else None
        opening = [] if stages and stages[0].group("first_year") else [
            _opening_year(signed, month, numeral_value(first) if first else None, numeral_value(last) if last else None)]
        if len(stages) < 2 or None in opening or not self._opens_the_plans_stages(found[0][0]):
            return None
        years = opening + named
        goals = (digit_year(goal.group("year")) for _, goal in self.rules.matches("goal_year", self.texts))
        if years != sorted(years) or signed is not None and years[-1] < signed or any(goal > years[-1] for goal in goals):
            return None  # (a goal due after the last stage: the stages are a task's, reader Y6)
        months = (numeral_value(first), numeral_value(last)) if first and last else None
        if not named and months and months[1] < months[0]:
            years.append(years[0] + 1)  # （一）排查阶段（11月）…（三）巩固阶段（2月）: across the new year after the one signed
        return Period(start=years[0], end=years[-1], months=months if years[-1] == years[0] + 1 else None)

    def _opens_the_plans_stages(self, first: int) -> bool:
        """Whether the text before the stage at ``first`` opens the plan's own stages: a heading of its steps, or a lead of
        stages right under such a heading (三、工作步骤 / 综合整治行动分为四阶段进行：), not under a task's, of whatever level
        (（一）推进老旧小区海绵化改造。 / 老旧小区改造分两个阶段推进：, reader Y6; 一、实施农村改厕工程 / 农村改厕分两个阶段推进：,
        the last read's S4)."""
        opening = self.rules.match("stages_opening", self.texts[first - 1]) if first else None
        if opening is None or not opening.group("lead"):
            return opening is not None
        heading = self.rules.match("stages_opening", self.texts[first - 2]) if first >= 2 else None
        return heading is not None and not heading.group("lead")

    def with_campaign_months(self, period: Period | None) -> Period | None:
        """``period`` with the months of a campaign across its new year (Period.months): of a plan of two years, the first
        span of months from its first year to its last over the first heading (its title's （2024年11月—2025年3月）) or after a
        label of its time (行动时间为2024年11月至2025年2月); ``period`` as it is for a plan of other years, or one that gives
        none (a plan of 2024—2025年, whose months run the whole of both, though a work in its body runs 2024年10月至2025年3月);
        ``period`` as it is where its stages gave its months (staged_period: a stage's 时间：2023年11月-2024年1月 is one part)."""
        if period is None or period.end != period.start + 1 or period.months:
            return period
        for index, span in self.rules.matches("campaign_months", self.texts):
            if (index < self.front_end or span.group("label")) and (
                    digit_year(span.group("first_year")), digit_year(span.group("last_year"))) == (period.start, period.end):
                months = numeral_value(span.group("first_month")), numeral_value(span.group("last_month"))
                return period.model_copy(update={"months": months})
        return period

    def attachments(self) -> list[str]:
        found = attachment_list(self.texts)
        if not found:
            return []
        index, last, items = found
        if (last == index and index + 1 < len(self.texts) and self.texts[index].rstrip("。 ").endswith(items[0])
                and self._continues_name(items[0], self.texts[index + 1]) and not self._signature_at(index + 1)):
            items[0] += self.texts[index + 1]
        return [_QUOTED_NAME.sub(r"\1", item) for item in items]

    def _signature_at(self, index: int) -> bool:
        """Whether ``texts[index]`` is the issuer signing the date below it: a plan's signature under its attachment
        line (附件：…工作日程安排 / 上海市教育委员会 / 2016年2月1日), no line of the attachment's name."""
        return (index + 1 < len(self.texts) and self.looks_like_issuer(self.texts[index])
                and self.rules.match("signing_date", self.texts[index + 1]) is not None)

    def _continues_name(self, name: str, following: str) -> bool:
        # A name cut before its last word (…实施 / 方案（…）工作分工表) goes on, not into the marker over what is attached (附表)
        return (
            self._title_piece(following)
            and not following.startswith("附件") and not self.rules.match("attachment_marker", following)
            and not name.endswith(self.rules.name_words)
        )


def extract_metadata(outline: Outline, page: PageInfo | None = None, read: _Reader | None = None) -> Metadata:
    """Read the notice, the plan title and the footer; a web page's own statements (``page``, as
    ``folding.fold_page`` reads it) fill what the text leaves out. ``read``: the reader ``plan_body_start`` read the
    front with, read on where the outline keeps its paragraphs and its front (most plans: a notice's own headings aside)."""
    paragraphs, front_end = [block.paragraph for block in outline.blocks], _front_matter_end(outline)
    reader = read if read is not None and read.reads(paragraphs, front_end) else _Reader(paragraphs, front_end)
    metadata = _from_text(reader)
    return _with_page(metadata, page, reader) if page is not None else metadata


@dataclass
class _Front:
    """What the lines above the first heading say of the notice and the plan's title."""

    doc_number: tuple[int, regex.Match] | None
    masthead: tuple[int, regex.Match] | None
    notice: tuple[int, str] | None  # the index of the notice title's last line, and its text
    notice_match: regex.Match | None
    title: str | None
    headed_by: str | None  # an issuer on a line of its own over the plan's title
    headline: bool = False  # the title is a page's headline over a notice with no title of its own


def _read_front(reader: _Reader) -> _Front:
    rules = reader.rules
    doc_number = reader.first("doc_number", reader.front)
    masthead = reader.first("masthead", reader.front)
    notice = reader.notice_title()
    notice_parts = (doc_number, masthead, notice, reader.first("publicity", reader.front), reader.first("signing_date", reader.front))
    notice_end = max((found[0] for found in notice_parts if found), default=-1)  # the last line of the notice

    notice_match = rules.match("notice_title", notice[1]) if notice else None
    own_notice = rules.match("own_notice", notice[1]) if notice and not notice_match else None
    title, headed_by = reader.plan_title(notice_end)
    if title is None and notice_match:
        subject = _innermost_subject(notice_match, rules)
        title = next(filter(None, (reader.title_opening(notice_end, name) for name in (subject, *reader.names_issued(notice_end)))),
                     None) or reader.strip_draft(subject.strip("《》"))
    if title is None and own_notice:
        title = notice[1]  # a notice that issues no other document is the plan: 广东省人民政府关于进一步完善…的通知
    notice_match = notice_match or own_notice
    if title is None and doc_number and not notice:
        title = reader.title_over_a_number()
    signing_date = reader.first("signing_date", reader.front)
    if title is None and not notice and not doc_number and not masthead and signing_date:
        title = reader.title_over_signature(signing_date[0])
    if title and notice_match and headed_by is None:
        title, headed_by = _without_issuer(title, notice_match, rules)
    headline = title is None and not notice and (title := reader.headline(notice_end)) is not None
    if title is None and not notice and not doc_number and not masthead:
        title = reader.tables_title
    return _Front(doc_number, masthead, notice, notice_match, title, headed_by, headline)


def _without_issuer(title: str, notice: regex.Match, rules: CompiledMetadataRules) -> tuple[str, str | None]:
    """The plan's title without its issuer's name run into it (…管理局2017年“安全生产月”活动方案, the issuer's line above
    the title joined to it in flat text), when what is left is what the notice issues; else the title as it is."""
    issuer = notice.group("issuer")
    rest = title[len(issuer):]
    if issuer and title.startswith(issuer) and _fold(rest) == _fold(_innermost_subject(notice, rules)):
        return rest, issuer
    return title, None


def _innermost_subject(notice: regex.Match, rules: CompiledMetadataRules) -> str:
    """What a notice issues; through a chain of notices forwarding one another (关于转发某局关于印发某方案的通知的通知),
    the plan the innermost one issues."""
    subject = notice.group("subject")
    while inner := rules.match("notice_title", subject.strip("《》")):
        subject = inner.group("subject")
    return subject


def _from_text(reader: _Reader) -> Metadata:
    rules = reader.rules
    front = reader.front_read
    signing = reader.signing()
    publicity = reader.first("publicity", reader.texts)
    # Addressees are read only from a notice, never from a plan's own preamble.
    recipients = reader.first("recipients", reader.front) if front.notice or front.doc_number or front.headline else None

    own_number = reader.number_after_title(front.title) if front.doc_number is None and front.title else None
    under_date = reader.number_under_date(signing[0], signing[3]) if signing and front.doc_number is None and own_number is None else None

    doc_numbers = reader.joint_numbers(front.doc_number) if front.doc_number else [
        number for number in (own_number, _doc_number(under_date) if under_date else None) if number][:1]
    printed = reader.first("printed", reader.footer)
    printed_by = None
    if printed:
        printed_by = printed[1].group("printer")
        if printed_by is None and printed[0] and reader.looks_like_issuer(reader.footer[printed[0] - 1]):
            printed_by = reader.footer[printed[0] - 1]
    cc = reader.first("cc", reader.footer)
    # a plan signed by no one is dated by the note under its title that says when it was made or adopted
    dated = signing or reader.first("title_note", reader.front)
    date = iso_date(dated[1]) if dated and dated[1].group("year") else None  # a note of the plan's term alone dates nothing
    signed = int(date[:4]) if date else None
    month = int(date[5:7]) if date and len(date) >= 7 else None

    titles = (front.title, front.notice_match.group("subject") if front.notice_match else None)
    titled = rules.match("titled_issuer", front.title or "")
    issuer_candidates = (
        signing[2] if signing else None,
        front.masthead[1].group("issuer") if front.masthead else None,
        front.notice_match.group("issuer") if front.notice_match else None,
        titled.group("issuer") if titled and reader.looks_like_issuer(titled.group("issuer")) else None,
        front.headed_by,
    )
    return Metadata(
        title=front.title,
        notice_title=front.notice[1] if front.notice else None,
        doc_number=doc_numbers[0] if doc_numbers else None,
        doc_numbers=doc_numbers,
        issuer=next((reader.issuers_apart(name) for name in issuer_candidates if name), None),
        recipients=split_list(recipients[1].group("list")) if recipients else [],
        date=date,
        period=reader.with_campaign_months(
            reader.period(*titles) or reader.stated_period(signed, month) or reader.single_year(*titles)
            or reader.staged_period(signed, month)),
        attachments=reader.attachments(),
        cc=split_list(cc[1].group("list")) if cc else [],
        printed_by=printed_by,
        printed_date=iso_date(printed[1]) if printed else None,
        publicity=publicity[1].group("text") if publicity else None,
    )


def _with_page(metadata: Metadata, page: PageInfo, reader: _Reader) -> Metadata:
    """What the page's information box states (the site's record of the document, naming
    every issuer of a joint document) over the text's reading; the page title and meta
    tags only where the text says nothing."""
    rules = reader.rules
    found: dict[str, object] = {}
    numbers, _ = reader.numbers_in(page.doc_number or "")
    if numbers:
        found["doc_number"], found["doc_numbers"] = numbers[0], numbers
    if page.issuer:
        found["issuer"] = _issuers(page.issuer)
    if page.date and any_date(page.date):
        found["date"] = any_date(page.date)
    if page.published:
        found["published"] = any_date(page.published)
    notice, page_notice_title, page_plan_title = _page_titles(page, reader)
    source = page.source if page.source and reader.looks_like_issuer(page.source) else None
    if metadata.issuer is None and "issuer" not in found and (notice and notice.group("issuer") or source):
        found["issuer"] = _issuers(notice.group("issuer") if notice and notice.group("issuer") else source)
    if metadata.title is None and page_plan_title:
        found["title"] = page_plan_title
        if metadata.period is None:
            found["period"] = reader.with_campaign_months(reader.period(page_plan_title) or reader.single_year(page_plan_title))
    if metadata.notice_title is None and page_notice_title:
        found["notice_title"] = page_notice_title
        # the notice is the page's, its title the page's headline: the text opens with its addressees
        recipients = reader.first("recipients", reader.front) if not metadata.recipients else None
        if recipients:
            found["recipients"] = split_list(recipients[1].group("list"))
    title = found.get("title") or metadata.title
    if metadata.doc_number is None and "doc_number" not in found and isinstance(title, str):
        number = reader.number_after_title(title)  # …印发了《title》（岚综管办〔2021〕105号）, the title from the page
        found["doc_number"], found["doc_numbers"] = number, [number] if number else []
    return metadata.model_copy(update=found)


def _page_titles(page: PageInfo, reader: _Reader) -> tuple[regex.Match | None, str | None, str | None]:
    """The page's title read as a notice's title (its match, and the title when it is one) and as the plan's title: the
    subject a notice issues, or the whole title where it issues none, being the plan (…办公室关于2016年继续深入开展创建
    “无传销社区”活动的通知, as the text's own notice is read)."""
    page_title = page.title or page.page_title
    if not page_title:
        return None, None, None
    issuing = reader.rules.match("notice_title", page_title)
    notice = issuing or reader.rules.match("own_notice", page_title)
    plan_title = reader.strip_draft(issuing.group("subject").strip("《》") if issuing else page_title)
    return notice, page_title if notice else None, plan_title


def _issuers(text: str) -> str:
    """Joint issuers as one name list, in their order: 国家发展改革委 生态环境部 -> 国家发展改革委、生态环境部."""
    return "、".join(name for name in regex.split(r"[\s\u3000，,；;、]+", text.strip()) if name)


def any_date(text: str) -> str | None:
    """A date as a page writes it (2016年07月02日, 2019-01-01, 2021.09.11) in ISO form."""
    rules = metadata_rules()
    match = rules.match("signing_date", text.strip()) or rules.match("numeric_date", text.strip())
    return iso_date(match) if match else None


_QUOTED = patterns.compile(r"《([^《》]{2,60})》")
_QUOTED_NAME = patterns.compile(r"^《([^《》]*)》$")  # a name printed in 《》; 《某表》填表说明 keeps its marks


_FOLD = str.maketrans({"（": "(", "）": ")", "—": "-", "–": "-", "－": "-", "《": None, "》": None, " ": None})


_FOLD_DROPS = [chr(code) for code, folded in _FOLD.items() if folded is None]


def _fold(text: str) -> str:
    """Text compared without bracket width, dash kind or 《》."""
    return text.translate(_FOLD)


def _folds_to(text: str, folded: str) -> bool:
    """``_fold(text) == folded``, folding only a text of the right length less what folding drops
    (translating every paragraph was two thirds of finding the plan's title)."""
    return len(text) - sum(map(text.count, _FOLD_DROPS)) == len(folded) and _fold(text) == folded


_DOC_NUMBER_YEAR = patterns.compile(r"〔(?P<year>\d{4})〕")  # the year of a 文号 as _doc_number writes it


def _doc_number(match: regex.Match) -> str:
    return f"{''.join(match.group('prefix').split())}〔{match.group('year')}〕{match.group('ordinal')}{match.group('serial')}号"


def plan_start(metadata: Metadata) -> int | None:
    """The first year of the plan: its period's start, else the year it was signed."""
    if metadata.period is not None:
        return metadata.period.start
    return signed_year(metadata)


def _opening_year(signed: int | None, month: int | None, first_month: int | None, last_month: int | None = None) -> int | None:
    """The year a span of months alone from ``first_month`` to ``last_month`` opens in, for a plan signed in the year
    ``signed`` and the ``month``: the next where the whole span ends before that month, after the new year (1月1日—3月31日
    signed 2023年12月20日: 2024, reader Z11), else that year: a campaign may be signed after it opened (5月—12月 signed
    8月15日: 2023, reader Z18; 6月16日 signed 6月22日: wild 32). With its last month unknown, one opening more than two
    months before the month signed ends before it."""
    if signed is None or month is None or first_month is None:
        return signed
    ends = last_month if last_month is not None and last_month >= first_month else first_month + 2
    return signed + 1 if ends < month else signed


def _period_stated(match: regex.Match, signed: int | None, month: int | None = None) -> Period | None:
    """The period a match of stated_period gives, the first year ``signed`` where it states none (or the next, for months
    opening after the new year, before the ``month`` signed: _opening_year); none for a span that ends before the notice
    was signed (a past round's, told in the plan's review)."""
    if not match.group("start") and signed is None:
        return None
    opening, closing = match.group("opening_month", "closing_month")
    start = (digit_year(match.group("start")) if match.group("start")
             else _opening_year(signed, month, int(opening) if opening and not match.group("from_now") else None,
                                int(closing) if closing else None))
    end = digit_year(match.group("end")) if match.group("end") else start
    try:
        end = start + numeral_value(match.group("years")) - 1 if match.group("years") else end
    except ValueError:  # the pattern's numeral characters in no numeral's order (十十年内): no span stated
        return None
    return Period(start=start, end=end) if start <= end and (signed is None or end >= signed) else None


def signed_year(metadata: Metadata) -> int | None:
    """The year the plan was signed: its date's, else its 文号's, which numbers it in the year it was issued
    (岚综管综〔2015〕59号 where a copy lost the date line); None if neither is known."""
    if metadata.date:
        return int(metadata.date[:4])
    numbered = _DOC_NUMBER_YEAR.search(metadata.doc_number or "")
    return int(numbered.group("year")) if numbered else None


def signed_month(metadata: Metadata) -> int | None:
    """The month the plan was signed, where its date gives it (2025-01-10: 1): 今冬明春 in January is this winter's."""
    return int(metadata.date[5:7]) if metadata.date else None


def attached_documents(paragraphs: list[Paragraph], start: int) -> list[int]:
    """Where each document attached to the plan opens, from paragraph ``start`` on: a 附件 or 附件2 line alone
    (rules/metadata.yaml attachment_marker) over its title. Its numbering starts again, a tree of its own."""
    marker = metadata_rules().patterns["attachment_marker"]
    return [index for index in range(start, len(paragraphs))
            if not paragraphs[index].in_table and paragraphs[index].text.startswith("附") and marker.search(paragraphs[index].text)]


def plan_body_start(paragraphs: list[Paragraph], headings: list[HeadingMatch | None], page: PageInfo | None = None) -> tuple[int, _Reader | None]:
    """Where the plan itself starts: the paragraph of its title after a notice, when the
    notice has numbered paragraphs of its own above it (…通知如下：一、…二、…); else 0. ``page``: what a web
    page says of its document, as ``folding.fold_page`` reads it.

    Read from the lines above the first numbered paragraph before the outline is built,
    so that the outline is built once, without the notice's 一、二、 (``headings``:
    ``structure.find_headings``). With the reader it read them with (None where no paragraph is a heading), which
    ``extract_metadata`` reads on.
    """
    first = next((index for index, heading in enumerate(headings) if heading is not None), None)
    if first is None:
        return 0, None
    reader = _Reader(paragraphs, sum(1 for paragraph in paragraphs[:first] if not paragraph.in_table))
    front = reader.front_read
    notice_title, title = front.notice[1] if front.notice else None, front.title
    if page is not None:
        _, page_notice_title, page_plan_title = _page_titles(page, reader)
        notice_title, title = notice_title or page_notice_title, title or page_plan_title
    if not notice_title or not title:
        return 0, reader
    folded = _fold(title)
    start = next((index for index, (paragraph, heading) in enumerate(zip(paragraphs, headings))
                  if heading is None and _folds_to(paragraph.text, folded)), 0)
    return (start if start > first else 0), reader


def _front_matter_end(outline: Outline) -> int:
    """How many non-table paragraphs come before the first heading."""
    count = 0
    for block in outline.blocks:
        if block.heading is not None:
            break
        if not block.paragraph.in_table:
            count += 1
    return count
