"""What a crawler leaves in a plan's text, read as the characters it stands for.

A site's page kept as text keeps its character references (``&nbsp;&nbsp;一、总体要求``, ``达到&nbsp;95%``), a
doubly escaped one once more escaped (``&amp;nbsp;``), and pages set their indents and gaps in Unicode's other
spaces (an em space, a thin space between a number and its unit: ``2\u2009个``). The rest of the pipeline knows the
plain space, the no-break space and the ideographic space: an ``&nbsp;`` before 一、 hid the heading, and a thin
space parted 2 from 个 so that the count was lost. A page's content kept as one field keeps its tags too
(``一、指导思想<br/>以习近平…<br/>``, ``<p>…</p>``, ``<span style="…">…</span>``): its paragraphs ran together.
A page Word wrote keeps its settings in a comment only Office reads (``<!--[if gte mso 9]><xml><w:WordDocument>
<w:View>Normal</w:View><w:Zoom>0</w:Zoom>…``) and its style sheet in another; a crawler that dropped the tags kept
their values as words, which ran into the sentence before them (…罚款处理.Normal0 as a heading's title in a copy typed
with ASCII marks), and the style sheet's rules inside a line (…印发 /* Style Definitions */ table.MsoNormalTable
{mso-style-name:普通表格; mso-para-margin:0cm; …}: a target of 0 cm).
"""
from __future__ import annotations

import re
from functools import cache
from typing import Callable, Iterator

from .. import patterns
from .cells import opens_heading
from .note_marks import is_note_mark


@cache
def _reference() -> re.Pattern:
    """A character reference, named or numbered, closed by its semicolon (an & in words, R&D, is no reference); a doubly
    escaped one (&amp;nbsp;) is the same reference. A number, or a name HTML had before it asked for the semicolon, is
    one without it too, as a browser reads it and old sites' editors wrote it (&nbsp&nbsp一、, 新建学校&nbsp12所, &#12288):
    kept, its figure was lost. Made at the first text holding an &: importing html's table of names (2,231) and
    sorting them took every start 1.5 ms, where few plans hold a reference."""
    import html.entities

    names_before_the_semicolon = sorted((name for name in html.entities.html5 if not name.endswith(";")), key=len, reverse=True)
    return patterns.compile_python(f"&(?:amp;)?(#[0-9]{{1,7}}|#[xX][0-9a-fA-F]{{1,6}}|[A-Za-z][A-Za-z0-9]{{1,31}}(?=;)"
                                   f"|{'|'.join(names_before_the_semicolon)});?")


# Spaces as wide as a CJK character are the ideographic space (an indent of two em spaces is a paragraph's),
# narrower ones the plain space (spaces count half a character).
_SPACES = str.maketrans({**dict.fromkeys("\u2001\u2003", "\u3000"),
                         **dict.fromkeys("\u2000\u2002\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f", " ")})
ODD_CHARACTER = patterns.compile_python(r"[&\u2000-\u200a\u202f\u205f]")  # Python's re: a set of characters scanned three times as fast
# A page's tags kept in its text, by name (a plan's 35<PM2.5 or x<y holds none): a line break's or a block's ends a
# line, a tag of words inside a line (bold, a font, a link) is no text.
_BLOCK_TAG_NAMES = ("br|p|div|li|h[1-6]|section|article|blockquote|table|caption|thead|tbody|tfoot|tr|ul|ol|dl|dt|dd|hr|pre|"
                    "html|head|body|main|header|footer|nav|aside|figure|figcaption|address|center|details|summary|fieldset|legend|menu")
# A forum's tags (BBCode: [b]…[/b], [url=http://…]…[/url], [color=#f00], [align=center]), its value after a = : read
# as a page's of the same kind. Only these names in ASCII brackets: a plan's own ([2021], [1], [注]) are no tags.
_FORUM_TAG_VALUE = r"(?:=[^\[\]\n]{0,200})?\]"
_FORUM_BLOCK_TAG = f"\\[/?(?:p|align|list|\\*|quote|hr|table|tr|indent|center|left|right){_FORUM_TAG_VALUE}"
_FORUM_INLINE_TAG = f"\\[/?(?:b|i|u|s|url|email|color|backcolor|size|font|sup|sub|del|strike|td){_FORUM_TAG_VALUE}"
# A tag's attributes after its name, to its end: names in ASCII, values quoted or not of any characters (face=仿宋_GB2312,
# title="关于…", style="font-family:"Times New Roman""); a plan's x<s 且 y>0 holds no tag. Read once (possessive): a
# long run of them that ends in no > is not read again from each of its characters.
_ATTRIBUTE_VALUE = r"""(?:"[^"<>]*+"|'[^'<>]*+')"""
ATTRIBUTES = f"""(?:[\\s/](?:[\\t-\\r !#-&(-;?-~]++|=\\s*+(?:{_ATTRIBUTE_VALUE}|[^\\s"'<>=`]*+)|{_ATTRIBUTE_VALUE})*+)?"""
_BLOCK_TAG = patterns.compile_python(f"(?i)</?(?:{_BLOCK_TAG_NAMES}){ATTRIBUTES}>|{_FORUM_BLOCK_TAG}")
# A table's cell opening in a row: a tab, as a table typed with tabs parts its cells (its closing tag is no text)
_CELL_OPENING = patterns.compile_python(f"(?i)<t[dh]{ATTRIBUTES}>|\\[td{_FORUM_TAG_VALUE}")
# A cell's words, up to its closing, the next cell or row: Word's and a site's editor wrap them in a paragraph
# (<td><p align="center"><span>指标名称</span></p></td>), which parts no row of the table.
_CELL_WORDS = patterns.compile_python(f"(?i)(<t[dh]{ATTRIBUTES}>)"r"((?:(?!</?t[dhr][\s/>]|</?t(?:able|head|body|foot)[\s/>]).)+)")
_OPENING_NOTE = patterns.compile_python(r"[（(]")  # a cell's line that is a note in brackets on the line before (（含桥梁）)
_CLOSING_MARK = patterns.compile_python(r"[。；;，,、：:]$")
# a line of a cell that closes with a figure and its measure (3所, 2000人次, 95%以上); not with a year (到2025年)
_CLOSING_FIGURE = patterns.compile_python(r"\d[\d.]*\s*(?:[%‰]|[^\x00-\x7f\d年月日\s，,。；;、：:])[^\x00-\x7f\d\s，,。；;、：:]{0,3}$")
_CELL_LINE_LENGTH = 60  # characters at most of a cell's line: a unit's, a task's, a wrapped name's; not an article's paragraph
_BLOCK_IN_A_CELL = patterns.compile_python(f"(?i)</?(?:br|p|div|li|h[1-6]|section|article|blockquote){ATTRIBUTES}>")
# Inside a line: tags of words, and of what shows no words of a line (a drawing, a frame, a player, a form's field, a
# script's or a style sheet's tag); a name's end is a space, a slash (<svg/onload=…>) or the tag's end.
_INLINE_TAG_NAMES = ("span|strong|b|i|u|em|font|a|img|sup|sub|o:p|small|big|s|strike|del|ins|mark|code|kbd|tt|var|cite|abbr|q|"
                     "dfn|nobr|wbr|bdi|bdo|svg|math|iframe|frame|object|embed|applet|video|audio|source|track|picture|canvas|"
                     "input|button|textarea|select|option|label|form|meta|link|base|noscript|template|marquee|blink|script|style|td|th")
_INLINE_TAG_SOURCE = f"</?(?:{_INLINE_TAG_NAMES}){ATTRIBUTES}>"
_INLINE_TAG = patterns.compile_python(f"(?i){_INLINE_TAG_SOURCE}")
# What a value written into a page to break out of an attribute or a comment leaves before the tag it opens ("><img …>,
# '><svg …>, --><script>): the end of markup, no text of the plan's, but for a quote mark closing one the plan opened
# before it on its line (考核分为"良好"><b>…: the plan's 良好 in quotes).
_QUOTE_MARKS = "\"'`"
_BROKEN_OUT = f"(?:[{_QUOTE_MARKS}]\\s*/?>|--!?>)"
# Markup a text of a page kept inside a line, besides its tags: a comment, a declaration or a processing instruction
# (<!--…-->, <![endif]>, <?xml …?>), the marks around a CDATA section (its text is the page's), and what a value
# breaking out left before a tag: none of it the plan's, and it ran into the name and the quote of the figure after it.
_MARKUP_IN_A_LINE = patterns.compile_python(f"(?i){_BROKEN_OUT}?(?:<!\\[CDATA\\[|<[!?][^<>]*>|{_INLINE_TAG_SOURCE})|\\]\\]>|{_FORUM_INLINE_TAG}")
# What a page holds and does not show, with its tags (and what broke out to open it): a script's code, a style sheet's
# rules, a drawing, a comment to its --> (<!-- 判断 a > b -->, a paragraph commented out: <!-- <p>旧版内容</p> -->), and a
# forum's picture or attachment, its address or number ([img]http://…/1.jpg[/img], [attach]1024[/attach])
_UNSHOWN_NAMES = ("script", "style", "svg")
_FORUM_UNSHOWN_NAMES = ("img", "attach", "media", "flash", "audio", "video")
_COMMENT_OPENING = "<!--"
_UNSHOWN_OPENING = patterns.compile_python(f"(?i){_BROKEN_OUT}?(?:<({'|'.join(_UNSHOWN_NAMES)}){ATTRIBUTES}>|({_COMMENT_OPENING}))"
                                           f"|(\\[(?:{'|'.join(_FORUM_UNSHOWN_NAMES)})){_FORUM_TAG_VALUE}")
_UNSHOWN_CLOSING = {_COMMENT_OPENING: patterns.compile_python("(?<=<!--)-?>|--!?>"),  # <!--> and <!---> are comments closed
                    **{name: patterns.compile_python(f"(?i)</{name}\\s*>") for name in _UNSHOWN_NAMES},
                    **{f"[{name}": patterns.compile_python(f"(?i)\\[/{name}\\]") for name in _FORUM_UNSHOWN_NAMES}}
# What a page sets above the line (…59%<sup>[1]</sup>以上, 20m<sup>3</sup>)
_RAISED = patterns.compile_python(f"(?i)<sup{ATTRIBUTES}>"r"([^<>]{1,12})</sup>")
# The values of Word's settings as words, by Word's order: the view and zoom, the grid's spacing (7.8 磅, 10 pt), its
# steps, the schema flags (false false false), the theme's languages and the browser it wrote for (Normal 0 7.8 磅 0 2
# false false false MicrosoftInternetExplorer4; Normal 0 false 10 磅 0 2 false false false EN-US ZH-CN X-NONE).
_WORD_SETTINGS_MARK = "false false"  # looked for with ``in`` first: most texts hold none
_WORD_SETTINGS = patterns.compile_python(r"(?<![A-Za-z])(?:Normal|Print|Web)\s+\d+(?:\s+(?:true|false|\d+(?:\.\d+)?(?:\s*(?:磅|pt))?)){0,8}?"
                            r"\s+false\s+false(?:\s+(?:true|false|[A-Z]{2}-[A-Z]{2}|X-NONE|MicrosoftInternetExplorer\d))*")


def _character(reference: re.Match) -> str:
    import html  # loaded with _reference's names

    text = html.unescape(f"&{reference.group(1)};")
    # A reference to no character (&#0;, &#99999999;, an unknown name) is left as written.
    return reference.group() if text.startswith("&") or text in ("\ufffd", "\x00") else text


def as_read(text: str) -> str:
    """``text`` with its character references and odd spaces as the characters and spaces they show."""
    if not ODD_CHARACTER.search(text):
        return text
    return (_reference().sub(_character, text) if "&" in text else text).translate(_SPACES)


# A style sheet's rules: a selector (table.MsoNormalTable, st1\:*, @page WordSection1) and its declarations in braces
# ({mso-style-name:普通表格; …}), in ASCII (\w would run back over a plan's words); a plan's words hold no braces
# around a name and a colon. Both of a length a rule has: unbounded, a long line of Latin words before a brace was read
# again from each of its letters (32,000 characters: 4 seconds).
_SELECTOR_REACH, _DECLARATIONS_REACH = 200, 2000  # characters
_STYLE_RULES = patterns.compile_python(f"(?:/\\*[^*]*\\*/\\s*)?(?:[A-Za-z@][A-Za-z0-9_.#*\\\\:>, -]{{0,{_SELECTOR_REACH}}}"
                          f"\\{{\\s*[a-z-]+\\s*:[^{{}}]{{0,{_DECLARATIONS_REACH}}}\\}}\\s*)+")


def lines_of(text: str) -> list[str]:
    """The lines of ``text`` (one line as read) that a page's tags kept in it part, its other tags, Word's settings and
    style rules left out; the very text alone when it holds none (most lines)."""
    if _WORD_SETTINGS_MARK in text:
        text = _WORD_SETTINGS.sub("", text)
    marked = "<" in text or "[" in text
    if marked:
        text = _without_unshown(text)  # before the parting: a script may write a block's tag (document.write("<p>…"))
    if not marked or not (_BLOCK_TAG.search(text) or _MARKUP_IN_A_LINE.search(text)):
        return [_without_style_rules(text)]
    # parted first: the end of a block's tag (<p style="…">) is no " left by a value breaking out; the other markup goes
    # before the style rules (a style sheet's tag, <style>p{…}</style>, is no selector's start)
    return [_without_style_rules(_without_markup(_CELL_OPENING.sub("\t", _RAISED.sub(_unless_note_mark, piece))))
            for piece in _BLOCK_TAG.split(_cells_unparted(text))]


def _without_markup(text: str) -> str:
    kept, at, quotes = [], 0, _QuotesOpen(text)
    for markup in _MARKUP_IN_A_LINE.finditer(text):
        start = quotes.kept_to(markup)
        kept.append(text[at:start])
        at = markup.end()
    return "".join(kept) + text[at:] if kept else text


class _QuotesOpen:
    """The quote marks a line of ``text`` opened and left open in the text kept of it, counted once along it: a quote
    mark before a tag that closes one of them is the plan's (考核分为"良好"><b>), any other a value breaking out of markup
    ("><img …>)."""

    def __init__(self, text: str) -> None:
        self.text, self.counted, self.open = text, 0, ""

    def kept_to(self, markup: re.Match) -> int:
        """Where the text kept before ``markup`` (the next markup left out) ends: after a quote mark of the plan's."""
        stretch = self.text[self.counted:markup.start()]
        if "\n" in stretch:
            stretch, self.open = stretch[stretch.rfind("\n") + 1:], ""
        self.open = "".join(quote for quote in _QUOTE_MARKS if (quote in self.open) != (stretch.count(quote) % 2 == 1))
        self.counted = markup.end()
        if markup.group()[0] not in self.open:
            return markup.start()
        self.open = self.open.replace(markup.group()[0], "")
        return markup.start() + 1


def _cells_unparted(text: str) -> str:
    """``text`` without the paragraph's tags around the words of each of its table's cells: only a row parts a table's
    line. A cell of several paragraphs or breaks that are a cell's lines is one cell (``_cell_lines_joined``); a frame's
    article (headings, paragraphs) keeps them: they part it as they part the text."""
    if not _CELL_OPENING.search(text):
        return text
    return _CELL_WORDS.sub(_one_paragraph_unparted, text)


def _one_paragraph_unparted(cell: re.Match) -> str:
    """A cell's words without the paragraph's tags around them where they are one paragraph or a cell's lines
    (``cell_lines_joined``); else its first paragraph parted from the cell's opening too (<td>一、总体要求<br>…: a
    frame's heading, not a cell's words)."""
    joined = cell_lines_joined([piece.strip() for piece in _BLOCK_IN_A_CELL.split(cell[2]) if piece.strip()])
    return cell[1] + (joined if joined is not None else "<br>" + cell[2])


def cell_lines_joined(pieces: list[str], shown: Callable[[str], str] | None = None) -> str | None:
    """A table cell's lines (``pieces``, shown as ``shown`` reads them: without a page's markup) as one text (none:
    empty), each note in brackets with the line before it (新改建农村公路 | （含桥梁）, 县教育局 | （牵头）), the others
    parted as ``_between_cell_lines`` says; None where they are no cell's lines but a frame's article: a paragraph
    longer than a cell's, or a heading (一、总体要求)."""
    shown = shown or _shown
    if len(pieces) > 1 and any(len(text) > _CELL_LINE_LENGTH or opens_heading(text) for text in map(shown, pieces)):
        return None
    items: list[str] = []
    for piece in pieces:
        if items and _OPENING_NOTE.match(shown(piece)):
            items[-1] += piece
        else:
            items.append(piece)
    texts = [shown(item) for item in items]
    return "".join(_between_cell_lines(before, after) + item for before, after, item in zip(["", *texts], texts, items))


def cell_text(lines: list[str]) -> str:
    """A table cell's text from its lines (a page's paragraphs or breaks, a Word or ODF cell's paragraphs), as a crawled
    page's cell is read: parted by their kinds (``cell_lines_joined``: 县教育局 | （牵头） | 县财政局 → 县教育局（牵头）、县财政局),
    or by spaces where they are a frame's article."""
    texts = [text for text in (line.strip("\u00a0\u3000 ") for line in lines) if text]
    joined = cell_lines_joined(texts, str.strip)
    return joined if joined is not None else " ".join(texts)


def _between_cell_lines(before: str, after: str) -> str:
    """What parts a cell's two lines by their kinds: 、 two units' names (县财政局 | 县自然资源局); ； a task that closes
    with its figure from the next line (新建幼儿园3所 | 改扩建小学5所, 培训教师2000人次 | 其中骨干教师200人次: glued, the
    units were one and the second task was named 幼儿园3所改扩建小学, reader W7), or from a task the next line opens with
    its verb (加强职业院校建设 | 推动校企合作, 健全公共就业服务体系 | 建立零工市场3个: headings.yaml task_verbs; glued, they
    were one sentence, a figure's quote running over both), or with a verb of a work under a task's own line
    (健全公共就业服务体系 | 新建零工市场3个: work_verbs); nothing after a sentence's or a clause's mark, nor inside a
    name or a clause the cell wraps (指标 | 名称, 新建幼儿园3所，改扩建 | 小学5所: reader Y9; 完成县乡道安全生命防护 |
    工程120公里,推进农村客运站点改造 | 升级20个: reader P22), however its first line opens."""
    from ..responsibility_notes import names_units  # here: the rules of units are read through normalize, above the readers
    from ..rules import task_verbs

    if not before or _CLOSING_MARK.search(before):
        return ""
    if names_units(before) and names_units(after):
        return "、"
    verbs = task_verbs()
    opens_a_task = after.startswith(verbs.verbs) or before.startswith(verbs.verbs) and after.startswith(verbs.works)
    return "；" if _CLOSING_FIGURE.search(before) or opens_a_task else ""


def _shown(piece: str) -> str:
    return _MARKUP_IN_A_LINE.sub("", piece).strip()


def _without_style_rules(text: str) -> str:
    return _STYLE_RULES.sub("", text) if "{" in text else text


def _without_unshown(text: str) -> str:
    kept, at = [], 0
    for start, end in unshown_spans(text):
        kept.append(text[at:start])
        at = end
    return "".join(kept) + text[at:] if kept else text


def unshown_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where ``text`` holds what a page does not show, each with its tags (<script>if (a<2) {a=3}</script>), in order,
    each found once: an opening never closed is left to be read as a tag, and no later one of its name is looked for.
    Each is looked for after the last one's end (<!-- x --><script>…: the comment's --> opens no break-out)."""
    unclosed, after, quotes = set(), 0, _QuotesOpen(text)
    while opening := _UNSHOWN_OPENING.search(text, after):
        after, name = opening.end(), (opening[1] or opening[2] or opening[3]).lower()
        if name in unclosed:
            continue
        closing = _UNSHOWN_CLOSING[name].search(text, opening.end())
        if closing is None:
            unclosed.add(name)
            continue
        yield quotes.kept_to(opening), closing.end()
        after = quotes.counted = closing.end()


def _unless_note_mark(raised: re.Match) -> str:
    """A raised text as written, but for a note's mark (达到59%<sup>[1]</sup>), no text of the plan's."""
    return "" if is_note_mark(raised.group(1), _character_before(raised.string, raised.start())) else raised.group()


def _character_before(text: str, end: int) -> str:
    """The last character of the words before ``end`` in ``text``, the tags of words and spaces between passed over
    whole: Word's page sets a run in a tag of its fonts (5000m<span style='font-size:16.0pt;font-family:仿宋_GB2312;
    mso-hansi-font-family:"Times New Roman"'><sup>2</sup>), longer than a fixed look-back, which cut it and read its
    quote as the character before (the 2 a note's mark, the square metres lost)."""
    while end > 0:
        last = text[end - 1]
        if last.isspace():
            end -= 1
            continue
        opening = text.rfind("<", 0, end) if last == ">" else -1
        if opening < 0 or not _INLINE_TAG.fullmatch(text, opening, end):
            return last
        end = opening
    return ""
