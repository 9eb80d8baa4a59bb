"""Saved web pages: the article's paragraphs and tables, and what the page says about the document.

readability-lxml finds the article (benchmarks/html_extractors.py measures it
against trafilatura on the corpus pages: it keeps every table row, with no
navigation); its cleaned copy drops small layout tables and merged-cell spans,
so the article is walked in the page itself, at the place readability found.
A line is a block element's text or a ``<br>``-separated piece of it; a data
table gives one line per row, cells joined by tabs, merged cells placed as the
DOCX reader places them. The page's ``<meta>`` tags and information box
(索引号/发文机关/发文字号…) are read into a ``PageInfo`` for the metadata stage.
"""
from __future__ import annotations

import codecs
import copy
import logging
from typing import NamedTuple

import lxml.html
import regex
from lxml import etree

from .. import patterns
from ..errors import PlanparseError
from ..limits import MAX_ARCHIVE_DEPTH, MAX_XML_DEPTH, MAX_XML_RUN_BYTES, check_text_size
from ..models import PageInfo, SourceLine, TableData
from .cells import holds_a_page, opens_heading
from .crawled import cell_text
from .deferred_imports import defer_unused_imports
from .list_numbers import MAX_START, Level, format_number
from .note_marks import is_note_mark
from .sniff import is_web_archive
from .txt import decode_text

defer_unused_imports()  # before readability is imported, here or by a batch before it forks

_BLOCKS = frozenset(
    "address article aside blockquote center dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody td tfoot th thead tr ul caption".split()
)
_SKIPPED = frozenset("script style noscript template xml iframe object embed select button svg".split())
_MARK = "data-planparse"
_SPACES = patterns.compile(r"[ \t\r\n\f\v]+")  # no-break and full-width spaces are text: they indent
# Where a page keeps the text's own white space: a <pre>, or a style that keeps line ends (white-space: pre, pre-wrap,
# pre-line), as sites show a plan's text file
_KEPT_WHITE_SPACE = patterns.compile(r"(?i)white-space\s*:\s*pre")
# Word's HTML wraps list numbers in <![if !supportLists]>…<![endif]>, which
# browsers show; the parser would take the markers for broken comments.
_DOWNLEVEL_REVEALED = patterns.compile(r"(?i)<!\[(?:if[^\]]*|endif)\]>")
_CHARSET = patterns.compile(rb"""(?i)<meta[^>]+charset\s*=\s*["']?([\w-]+)""")
# What a browser decodes a declared Chinese charset with (WHATWG Encoding): gb2312 and gbk pages are read as
# GB18030 (Python's gb2312 reads A1AA, the —— of every 破折号, as U+2015 ―), big5 ones with the HKSCS additions.
_BROWSER_DECODERS = dict.fromkeys(("gb2312", "gb_2312", "gb_2312-80", "gbk", "x-gbk", "chinese", "csgb2312",
                                   "csiso58gb231280", "iso-ir-58"), "gb18030") | dict.fromkeys(
    ("big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"), "big5hkscs") | dict.fromkeys(
    # a page's bytes cannot declare they are UTF-16 (the declaration would be in UTF-16 too): read as UTF-8
    ("utf-16", "utf-16le", "utf-16be", "unicodefffe", "unicodefeff", "csunicode", "iso-10646-ucs-2", "ucs-2"), "utf-8")
# The multi-byte encodings of WHATWG Encoding, the only ones a browser decodes a page with, as Python's codecs name
# them. A single-byte one (Western, Cyrillic, windows-1250…) decodes any bytes: a Chinese page that declares one is
# detected instead. So is one declaring a codec Python alone has (undefined, which fails on any byte; unicode_escape;
# palmos), which a browser ignores.
_BROWSER_ENCODINGS = frozenset(("utf-8", "gb18030", "big5hkscs", "euc_jp", "iso2022_jp", "shift_jis", "euc_kr"))
# Where a <title> joins the article's title to the column's and the site's names.
_TITLE_PARTS = patterns.compile(r"\s*[_|｜]\s*|\s+[-—–]\s+")
_MAX_COLSPAN = 100
_TITLE_LINES = 3  # lines a document's title is wrapped over at most
# Places a data table's grid may have (rows × columns, merged cells' places counted): a plan's largest
# table has a few thousand. Laying out more costs time growing with the product (a page of 400 KB can ask
# for 400 million), so a larger table is read as text, cell by cell.
_MAX_TABLE_PLACES = 200_000
# An element with thousands of attributes costs the HTML parser time growing with their square (100,000
# take minutes); a page's elements have a few. Only a long tag can have many, so only those are counted.
_MAX_ATTRIBUTES = 1_000
# Each element costs the parser, readability and the walk of the page some 2 KB and 15 µs: a page of 10 MB of empty
# elements took 3 GB and 22 s. The pages of the plans we know of have fewer than 1,000; a plan saved from Word as
# a page, its every run an element, some tens of thousands.
_MAX_ELEMENTS = 200_000
_ELEMENT_OPENING = patterns.compile(r"<[a-zA-Z]")
# A long tag, or what holds no tags though it may hold < and > (a script, a style sheet, a comment), skipped.
_LONG_TAG_OR_NONE = patterns.compile(r"(?i)<(script|style)\b|<!--|<[^<>]{10000,}>")
_CLOSING = {"script": patterns.compile(r"(?i)</script"), "style": patterns.compile(r"(?i)</style"), None: patterns.compile("-->")}
# An attribute, bare (<div a0 a1 …>) or with its value, quoted or not
_ATTRIBUTE = patterns.compile(r"""\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]*))?""")
_HIDDEN_STYLE = r"display\s*:\s*none"  # a style that hides its element (_MAY_HIDE joins the sources)
_DISPLAY_NONE = patterns.compile(rf"(?i){_HIDDEN_STYLE}")
# A sloppy page opens a formatting element on every paragraph and never closes it (<p><font face="仿宋_GB2312">…): a
# browser keeps at most three alike open (HTML's "Noah's Ark" clause) and shows each paragraph, where libxml2 nests them
# all, and a plan of some hundred paragraphs passed its depth (MAX_XML_DEPTH): the page was refused. They hold no
# structure: a page they take past the depth is read without those it leaves unclosed; those it closes stay, so that what
# their style hides or sets too small stays out (<span style="display:none">…</span>).
_FORMATTING = "font|span|b|i|u|em|strong"
_FORMATTING_TAG = patterns.compile(rf"(?i)<(?P<closing>/)?(?P<name>{_FORMATTING})(?=[\s/>])[^<>]*>")
_FORMATTING_OPENING = patterns.compile(rf"(?i)<(?:{_FORMATTING})[\s>]")  # a page with none leaves none unclosed
# What an inline style says of how its text is seen, as each declaration sets it (the last one holds): a font's size in
# px or pt (0 unitless), and its visibility. A size relative to the one inherited (em, %) leaves it as inherited. Its
# figures read possessively: a style of thousands of digits is read in linear time.
_SEEN_STYLE = patterns.compile(r"(?i)(?:^|;)\s*(?:font-size\s*:\s*(?P<size>\d++(?:\.\d++)?|\.\d++)\s*(?:px|pt)?|visibility\s*:\s*(?P<visibility>[a-z]+))\s*(?:!important\s*)?(?=;|$)")
_MIN_SEEN_SIZE = 2.0  # px or pt: text set smaller is read by no one
# A page that may set text so is walked for it, as is one that sets a colour (_MAY_SET_COLOUR, most pages): a page that
# does neither is not (a Word page sets a size on each of its runs)
_UNSEEN_STYLE = r"font-size\s*:\s*(?:[01](?:\.\d+)?|\.\d+)(?!\d)|visibility\s*:\s*(?:hidden|collapse)"
_MAY_BE_UNSEEN = patterns.compile(rf"(?i){_UNSEEN_STYLE}")
# What an inline style or an old page's attribute says of the colour text is shown in and of the backdrop behind it
# (color:, <font color>; background-color:, background:, bgcolor): text in its backdrop's colour, or transparent, is read
# by no one (white on the page's white, as a page hides keywords for search engines). A page that says no colour shows
# its text as the browser does. The sheet is not read: an element with a class may take another colour from it.
_SETS_COLOUR = r"color\s*[:=]"
_MAY_SET_COLOUR = patterns.compile(rf"(?i){_SETS_COLOUR}")
_COLOUR_STYLE = patterns.compile(r"(?i)(?:^|;)\s*(?P<property>color|background(?:-color|-image)?)\s*:\s*(?P<value>[^;]*)")
_WRITTEN_COLOUR = patterns.compile(r"(?i)#(?:[0-9a-f]{6}|[0-9a-f]{3})(?![0-9a-f])|rgba?\([^()]*\)|[a-z]+")
_RGB_PART = patterns.compile(r"[\d.]+%?")
_NAMED_COLOURS = {"white": "#ffffff", "black": "#000000"}
_PAGE_BACKDROP = _NAMED_COLOURS["white"]
_TRANSPARENT = "transparent"  # written so, or rgba() of alpha 0: text so coloured is seen by no one; a backdrop so, its parent's
_SAYS_NO_COLOUR = frozenset(("inherit", "initial", "unset", "currentcolor", "none"))  # what is under it keeps its own
# A tag whose style or attribute may hide its text (the parser's path then decides, as for any element), and a block's
# opening or closing tag, where an element left open in it ends
_MAY_HIDE = patterns.compile(rf"(?i){_HIDDEN_STYLE}|\shidden[\s=/>]|{_UNSEEN_STYLE}|{_SETS_COLOUR}")
_BLOCK_TAG = patterns.compile(r"(?i)</?(?:p|div|td|th|tr|li|ul|ol|dl|dd|dt|table|h[1-6]|section|article|blockquote|center|body)(?=[\s/>])")
# Selectors of rules that keep line ends read at most: a site's style sheets have a few, and each is tried on every
# element (a crafted sheet of thousands would cost their product)
_MAX_WHITE_SPACE_SELECTORS = 50
_COMPOUND_SELECTOR = patterns.compile(r"([a-zA-Z][\w-]*)?((?:[.#][\w-]+)*)")  # pre.txt, .content, #text, div
# The marker a browser shows before an <ol>'s item, by the list's type="…" or CSS list-style-type, in Word's number
# formats (list_numbers): 1., a., A., and the Chinese styles' 一、 (their suffix in CSS Counter Styles is 、).
_TYPE_ATTRIBUTE_LEVELS = {"1": Level(), "a": Level(fmt="lowerLetter"), "A": Level(fmt="upperLetter")}
_LIST_STYLE_LEVELS = {
    "decimal": Level(), "lower-alpha": Level(fmt="lowerLetter"), "lower-latin": Level(fmt="lowerLetter"),
    "upper-alpha": Level(fmt="upperLetter"), "upper-latin": Level(fmt="upperLetter"),
    "cjk-ideographic": Level(fmt="chineseCounting", text="%1、"), "simp-chinese-informal": Level(fmt="chineseCounting", text="%1、"),
    "trad-chinese-informal": Level(fmt="chineseCounting", text="%1、"), "cjk-decimal": Level(fmt="ideographDigital", text="%1、"),
}
_LIST_STYLE_TYPE = patterns.compile(r"(?i)list-style(?:-type)?\s*:\s*([\w-]+)")
# An office suite's web page writes no type for a list of a format HTML cannot name (LibreOffice: 一、, （一）), nor for
# decimal: its lists' levels are shown as a plan numbers its levels of structure (GB/T 9704-2012 7.3.3: 一、（一）1.（1）)
_OFFICE_SUITE = patterns.compile(r"(?i)libreoffice|openoffice")
_DOCUMENT_LEVELS = (Level(fmt="chineseCounting", text="%1、"), Level(fmt="chineseCounting", text="（%1）"), Level(), Level(text="（%1）"))
# The markers of those levels as a paragraph's text opens with them: LibreOffice writes a heading its outline numbers as
# text (<h1>二、总体要求), and the lists below it as lists, whose depth then counts from the level below
_TYPED_LEVELS = tuple(patterns.compile(pattern) for pattern in (
    r"[一二三四五六七八九十]{1,3}、", r"[（(][一二三四五六七八九十]{1,3}[）)]", r"\d{1,2}[.．](?!\d)", r"[（(]\d{1,2}[）)]"))


def _decode(data: bytes, path: object) -> str:
    declared = _CHARSET.search(data[:4096])
    encoding = _browser_encoding(declared.group(1).decode("ascii").lower()) if declared else None
    if encoding:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass  # a wrong declaration: detect instead
    return decode_text(data, path)


def _browser_encoding(label: str) -> str | None:
    """The codec a page declaring the charset ``label`` is decoded with; None where its encoding is to be detected."""
    if label in _BROWSER_DECODERS:
        return _BROWSER_DECODERS[label]
    try:
        encoding = codecs.lookup(label).name
    except LookupError:
        return None
    return encoding if encoding in _BROWSER_ENCODINGS else None


def _parse(path: object, data: bytes) -> lxml.html.HtmlElement:
    text = _DOWNLEVEL_REVEALED.sub("", _decode(data, path))
    _check_attributes(path, text)
    _check_elements(path, text)
    root, parser = _parsed(path, text)
    if _limit_crossed(parser, "depth") and _FORMATTING_OPENING.search(text):
        root, parser = _parsed(path, _without_unclosed_formatting(text))
    _check_parsed_whole(path, parser)
    for element in root.iter(etree.Comment, etree.ProcessingInstruction):
        element.drop_tree()  # Word's conditional comments (<!--[if gte mso 9]>…) hold settings, not text
    _style_kept_white_space(root)  # before the style sheets are dropped
    sheets_set_backgrounds = _sheets_may_set_backgrounds(root)
    for element in list(root.iter()):
        if element.tag in _SKIPPED or _DISPLAY_NONE.search(element.get("style") or "") or element.get("hidden") is not None:
            if element.getparent() is not None:
                element.drop_tree()
    if _MAY_BE_UNSEEN.search(text) or _MAY_SET_COLOUR.search(text):
        _without_unseen_text(root, sheets_set_backgrounds)
    return root


def _sheets_may_set_backgrounds(root: lxml.html.HtmlElement) -> bool:
    """Whether the page's style sheets may give an element of a class or an id a background: one of its own sets one, or
    it links one, which is not read (a site's sheet colours its boxes and its tables' header rows)."""
    linked = any("stylesheet" in (link.get("rel") or "").lower() for link in root.iter("link"))
    return linked or any("background" in (sheet.text or "").lower() for sheet in root.iter("style"))


def _without_unclosed_formatting(text: str) -> str:
    """``text`` without the formatting tags it opens and never closes, and the closing tags of none: each closing tag
    closes the last one of its name left open, as a browser pairs them. One left open whose style may hide its text
    (<span style="display:none">…</p>) is closed where the block it stands in ends, as the parser's implied end tags
    close it, so that what it hides stays out."""
    left_open: dict[str, list[regex.Match]] = {}
    unpaired = []
    for tag in _FORMATTING_TAG.finditer(text):
        opened = left_open.setdefault(tag.group("name").lower(), [])
        if not tag.group("closing"):
            opened.append(tag)
        elif opened:
            opened.pop()
        else:
            unpaired.append((tag.start(), tag.end(), ""))
    for tag in (tag for tags in left_open.values() for tag in tags):
        if _MAY_HIDE.search(tag.group()):
            block_end = _BLOCK_TAG.search(text, tag.end())
            at = block_end.start() if block_end else len(text)
            unpaired.append((at, at, f"</{tag.group('name')}>"))
        else:
            unpaired.append((tag.start(), tag.end(), ""))
    pieces, end = [], 0
    for start, stop, put in sorted(unpaired):
        pieces += [text[end:start], put]
        end = stop
    return "".join(pieces) + text[end:]


class _Seen(NamedTuple):
    """How an element's text is seen, as its ancestors' styles and its own set it."""

    small: bool = False  # set too small to be read
    hidden: bool = False  # visibility: hidden
    colour: str | None = None  # the colour the page says it is shown in; None: the browser's, or a sheet's
    backdrop: str | None = _PAGE_BACKDROP  # the colour behind it; None where an image or a gradient is

    def read(self) -> bool:
        return not (self.small or self.hidden or self.colour is not None and self.colour in (_TRANSPARENT, self.backdrop))


def _without_unseen_text(root: lxml.html.HtmlElement, sheets_set_backgrounds: bool) -> None:
    """Leave out the text a page sets too small to be read (a font size under 2 px or pt, 0 included), hides
    (visibility: hidden) or shows in the colour of what is behind it (color:#fff on the white page, or on a block whose
    background is that colour), as a page hides keywords for search engines or a tracing mark: read, it was the plan's
    (到2025年，建成公园777个。 set in font-size:0 gave 777 个). All are inherited, and an element may set its own again:
    a row of blocks set in font-size:0 to close the gaps between them, each block setting the size it is read in, inline
    or by a class of the page's style sheet (which is not read: an element with a class is not taken as too small, nor
    as shown in the colour around it, and where the sheets may set backgrounds (``sheets_set_backgrounds``), one with a
    class or an id, or any standing on the page's white, may stand on any: white text in a box or a table's header row a
    sheet colours, by class or by tag, is read; so is text on an image: background="bar.jpg", background-image:url(…))."""
    stack = [(root, _Seen())]
    while stack:
        element, seen = stack.pop()
        seen = _seen_as(element, seen)
        read = seen.read()
        if not read:
            element.text = None
        for child in element:
            if not read:
                child.tail = None  # the parent's text after the child
            stack.append((child, _seen_by_class(child, seen, sheets_set_backgrounds)))


def _seen_by_class(element: lxml.html.HtmlElement, seen: _Seen, sheets_set_backgrounds: bool) -> _Seen:
    """How the text of ``element`` is seen before its own style, given its parent's ``seen``: a class may set its size and
    its colour, and, where the sheets set backgrounds, a class or an id its backdrop, and a rule of its tag the backdrop of one
    standing on the page's (one on a block whose own style colours it is taken to stand on that colour)."""
    if element.get("class") is not None:
        seen = seen._replace(small=False, colour=None)
    if sheets_set_backgrounds and (element.get("class") is not None or element.get("id") is not None or seen.backdrop == _PAGE_BACKDROP):
        seen = seen._replace(backdrop=None)  # a tag's rule (th { background-color: … }) colours an element of no class too
    return seen


def _seen_as(element: lxml.html.HtmlElement, seen: _Seen) -> _Seen:
    """How the text of ``element`` is seen under its inline style and colour attributes, given its parent's ``seen``."""
    style = element.get("style") or ""
    lowered = style.lower()
    if "font-size" in lowered or "visibility" in lowered:
        for declaration in _SEEN_STYLE.finditer(style):
            if declaration.group("size") is not None:
                seen = seen._replace(small=float(declaration.group("size")) < _MIN_SEEN_SIZE)
            else:
                seen = seen._replace(hidden=declaration.group("visibility").lower() in ("hidden", "collapse"))
    said = [("color", element.get("color"))] if element.tag == "font" and element.get("color") else []
    said += [("background", element.get("bgcolor"))] if element.get("bgcolor") else []
    said += [("background", "url()")] if element.get("background") else []  # an image, whose colours are not told
    if "color" in lowered or "background" in lowered:
        said += [(declaration.group("property").lower(), declaration.group("value")) for declaration in _COLOUR_STYLE.finditer(style)]
    for name, value in said:
        colour = _colour(value)
        if colour in _SAYS_NO_COLOUR or name != "color" and colour == _TRANSPARENT:
            continue  # the parent's shows through
        seen = seen._replace(colour=colour) if name == "color" else seen._replace(backdrop=colour)
    return seen


def _colour(value: str) -> str | None:
    """The colour ``value`` says, as #rrggbb where it is written so (#fff, rgb(255, 255, 255), white), as written else
    (red, transparent, none); None for an image or a gradient, whose colours are not told."""
    value = value.strip().lower()
    if "url(" in value or "gradient" in value:
        return None
    written = _WRITTEN_COLOUR.search(value)
    if written is None:
        return None
    colour = written.group()
    if colour.startswith("#"):
        return colour if len(colour) == 7 else "#" + "".join(digit * 2 for digit in colour[1:])
    if colour.startswith("rgb"):
        parts = _RGB_PART.findall(colour)
        if len(parts) == 4 and float(parts[3].rstrip("%")) == 0:
            return _TRANSPARENT
        channels = [round(float(part[:-1]) * 2.55) if part.endswith("%") else round(float(part)) for part in parts[:3]]
        return "#" + "".join(f"{min(channel, 255):02x}" for channel in channels) if len(channels) == 3 else None
    return _NAMED_COLOURS.get(colour, colour)


def _parsed(path: object, text: str) -> tuple[lxml.html.HtmlElement, lxml.html.HTMLParser]:
    parser = lxml.html.HTMLParser()
    try:
        return lxml.html.document_fromstring(text, parser=parser), parser
    except (etree.ParserError, ValueError):
        raise PlanparseError(path, "not a readable HTML page (no elements)") from None


def _limit_crossed(parser: lxml.html.HTMLParser, limit: str = "") -> etree._LogEntry | None:
    """The parser's error of stopping at one of its limits (whose message names ``limit``), if it stopped."""
    return next((error for error in parser.error_log if error.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT and limit in error.message), None)


def _check_parsed_whole(path: object, parser: lxml.html.HTMLParser) -> None:
    """Refuse a page the parser stopped reading at one of its limits: the rest of it was lost."""
    crossed = _limit_crossed(parser)
    if crossed is None:
        return
    if "depth" in crossed.message:
        raise PlanparseError(path, f"line {crossed.line}: elements nested more than {MAX_XML_DEPTH} deep; planparse reads web pages nested at most {MAX_XML_DEPTH} deep")
    raise PlanparseError(path, f"line {crossed.line}: a run of more than {MAX_XML_RUN_BYTES:,} bytes with no tag in it (text, a comment, a script or "
                               f"an attribute's value); planparse reads web pages whose runs are at most {MAX_XML_RUN_BYTES:,} bytes")


def _style_kept_white_space(root: lxml.html.HtmlElement) -> None:
    """Write the page's style sheets' rules that keep line ends (.txt { white-space: pre-wrap }) into the style of the
    elements they select, as a browser applies them: a site shows a plan's text file in a block of such a class."""
    selectors = _white_space_selectors(_without_comments("\n".join(sheet.text or "" for sheet in root.iter("style"))))
    selectors = list(dict.fromkeys(selectors))[:_MAX_WHITE_SPACE_SELECTORS]
    if not selectors:
        return
    for element in root.iter():
        if isinstance(element.tag, str) and any(_selects(selector, element) for selector in selectors):
            element.set("style", "white-space: pre-wrap; " + (element.get("style") or ""))


def _without_comments(css: str) -> str:
    """A style sheet without its /* comments */, in one pass (an unclosed one runs to the end)."""
    kept, at = [], 0
    while (start := css.find("/*", at)) >= 0:
        kept.append(css[at:start])
        end = css.find("*/", start + 2)
        at = len(css) if end < 0 else end + 2
    return "".join(kept) + css[at:]


def _white_space_selectors(css: str) -> list[tuple[str | None, frozenset[str], str | None]]:
    """The selectors of rules that keep line ends, each the last compound of its chain (a tag, classes, an id: the
    element the rule styles), read rule by rule in one pass; a selector of another kind (:hover, [type]) is passed over."""
    selectors = []
    for rule in css.split("}"):
        chain, _, declarations = rule.rpartition("{")
        if not _KEPT_WHITE_SPACE.search(declarations):
            continue
        for selector in chain.rpartition("{")[2].split(","):  # the rules of an @media block follow its own brace
            compound = _COMPOUND_SELECTOR.fullmatch(regex.split(r"[\s>+~]+", selector.strip())[-1])
            if compound and (compound.group(1) or compound.group(2)):
                parts = regex.findall(r"([.#])([\w-]+)", compound.group(2))
                selectors.append(((compound.group(1) or "").lower() or None, frozenset(name for kind, name in parts if kind == "."),
                                  next((name for kind, name in parts if kind == "#"), None)))
    return selectors


def _selects(selector: tuple[str | None, frozenset[str], str | None], element: lxml.html.HtmlElement) -> bool:
    tag, classes, identifier = selector
    return ((tag is None or element.tag == tag) and classes <= set((element.get("class") or "").split())
            and (identifier is None or element.get("id") == identifier))


def _article(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The element holding the article, found by readability in a copy of the page."""
    from readability import Document  # imported on first use, like the other readers' libraries

    logging.getLogger("readability").addHandler(logging.NullHandler())
    for number, element in enumerate(root.iter()):
        element.set(_MARK, str(number))
    by_mark = {element.get(_MARK): element for element in root.iter()}
    try:
        summary = Document(copy.deepcopy(root)).summary(html_partial=True)
        chosen = [by_mark[mark] for mark in lxml.html.fromstring(summary).xpath(f"./*/@{_MARK}") if mark in by_mark]
    except Exception:  # readability gives up on some pages (nothing scored): then the whole body is read
        chosen = []
    if not chosen:
        return _body(root)
    article = _common_ancestor(chosen)
    while article.getparent() is not None and article.getparent().tag != "html" and _adds_text(article.getparent(), article):
        article = article.getparent()
    return article


def _body(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    body = root.find("body")
    return body if body is not None else root


def _common_ancestor(elements: list[lxml.html.HtmlElement]) -> lxml.html.HtmlElement:
    paths = [list(element.iterancestors())[::-1] + [element] for element in elements]
    common = paths[0][0]
    for level in zip(*paths):
        if any(element is not level[0] for element in level):
            break
        common = level[0]
    return common


def _adds_text(parent: lxml.html.HtmlElement, child: lxml.html.HtmlElement) -> bool:
    """Whether all of the parent beside the child is article too: it holds no link.

    Readability leaves out a short block beside the body (the 文号 in a
    one-cell table); the level that adds a date line with share buttons, a
    menu or related links is the page around the article."""
    inside = set(child.iter("a"))
    return not any(link.get("href") is not None and link not in inside for link in parent.iter("a"))


def _squash(text: str) -> str:
    return regex.sub(r"\s+", "", text)


class _Lines:
    """Text gathered into lines: a block's edge or a ``<br>`` ends the line."""

    def __init__(self, tables: bool = True, office_levels: int | None = None,
                 nested: dict[lxml.html.HtmlElement, int] | None = None) -> None:
        self.read_tables = tables  # False: every cell a block of its own (labels apart from their values)
        # on an office suite's page, the levels of structure its text numbers itself: its typeless lists number those below
        self.office_levels = office_levels
        self.nested = nested or {}  # how many lists an outermost <ol> is inside of, by their numbering (_nested_lists)
        self.lines: list[SourceLine] = []
        self.tables: list[TableData] = []
        self.pending: list[str] = []
        self.marker = ""  # a list item's marker, shown before the item's first line (inside its <p>)
        self.counts: dict[int, int] = {}  # the last item's number at each depth of nested <ol>s

    def add(self, text: str | None) -> None:
        if text:
            self.pending.append(text)

    def end_line(self) -> None:
        text = _SPACES.sub(" ", "".join(self.pending)).strip(" ")
        self.pending = []
        if text.strip("\u00a0\u3000 "):
            self.lines.append(SourceLine(text=self.marker + text, line=len(self.lines) + 1))
            self.marker = ""

    def add_text_file(self, text: str) -> None:
        """Text shown as written: its line ends end lines and its tabs part a table's cells, as in a text file."""
        self.end_line()
        self.lines.extend(SourceLine(text=line.rstrip(), line=len(self.lines) + number)
                          for number, line in enumerate((line for line in text.splitlines() if line.strip()), 1))

    def add_table(self, rows: list[list[str]], meant: list[list[str]]) -> None:
        self.end_line()
        meant = [filled for row, filled in zip(rows, meant) if any(row)]
        rows = [row for row in rows if any(row)]
        if not rows:
            return
        first = len(self.lines) + 1
        self.tables.append(TableData(header=meant[0], rows=meant[1:], line=first))
        self.lines.extend(SourceLine(text="\t".join(row), line=first + i, in_table=True) for i, row in enumerate(rows))

    def item_marker(self, item: lxml.html.HtmlElement) -> str:
        """The marker a list item shows (一、, （二）, 3.): none for a bullet's."""
        listing = item.getparent()
        if listing is None or listing.tag != "ol":
            return ""
        lists = list(item.iterancestors("ol"))
        depth = len(lists) + self.nested.get(lists[-1], 0)
        number = self.item_number(listing, item, depth)
        level = _list_level(item, depth, self.office_levels)
        return level.text.replace("%1", format_number(number, level.fmt)) if level else ""

    def item_number(self, listing: lxml.html.HtmlElement, item: lxml.html.HtmlElement, depth: int) -> int:
        """An item's ordinal as HTML counts it (from its list's start, or its own value), but for the first item of a
        list that a deeper list opens (LibreOffice's <ol><ol><li>…</ol><li>: the level's list was open before the
        deeper one's items and goes on counting, with no start written)."""
        before = list(item.itersiblings("li", "ol", preceding=True))
        if item.get("value") is not None or any(sibling.tag == "li" for sibling in before):
            number = _whole_number(item.get("value"), self.counts.get(depth, 0) + 1)
        elif listing.get("start") is None and before:
            number = self.counts.get(depth, 0) + 1
        else:
            number = _whole_number(listing.get("start"), 1)
        self.counts = {at: count for at, count in self.counts.items() if at < depth} | {depth: number}
        return number

    def walk(self, element: lxml.html.HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "table" and self.read_tables and _is_data_table(element) and (table := _table_rows(element)):
            if _is_information_box(table[0]):
                return  # the site's record of the document (索引号, 发布机构, 文号): page_info reads it, no table of the plan's
            for caption in element.iterchildren("caption"):
                self.walk(caption)  # the table's title, over it as a page shows it (表1 …（单位：万亩）): its unit, its year
            self.add_table(*table)
        elif tag in _BLOCKS and _shows_text_as_written(element):
            self.add_text_file(element.text_content())
        elif tag == "br":
            self.end_line()
        elif tag == "sup" and is_note_mark(element.text_content(), "".join(self.pending)):
            pass  # a note's mark (…59%<sup>[1]</sup>), no text of the plan's
        else:
            block = tag in _BLOCKS
            if block:
                self.end_line()
            if tag == "li":
                self.marker = self.item_marker(element)
            self.add(element.text)
            for child in element:
                self.walk(child)
            if block:
                self.end_line()
        self.add(element.tail)


def _list_level(item: lxml.html.HtmlElement, depth: int, office_levels: int | None) -> Level | None:
    """How an item at ``depth`` of nested <ol>s is numbered: as its own or its list's type or list-style-type says, else
    decimal as a browser shows it, or as a plan numbers that depth, below the levels its text numbers itself
    (``office_levels``), where an office suite left the type out. None for a
    list style a plan's headings do not use (roman, none)."""
    for element in (item, item.getparent()):
        style = _LIST_STYLE_TYPE.search(element.get("style") or "")
        if style:
            return _LIST_STYLE_LEVELS.get(style.group(1).lower())
        if element.get("type"):
            return _TYPE_ATTRIBUTE_LEVELS.get(element.get("type").strip())
    if office_levels is None or office_levels + depth > len(_DOCUMENT_LEVELS):
        return Level()
    return _DOCUMENT_LEVELS[office_levels + depth - 1]


def _typed_levels(article: lxml.html.HtmlElement) -> int:
    """How many of a plan's levels of structure, from the top (一、, then （一）…), the article's paragraphs outside its
    lists open with as text."""
    texts = [block.text_content().strip() for block in article.iter("p", "h1", "h2", "h3", "h4", "h5", "h6", "div")
             if next(block.iterancestors("ol"), None) is None]
    return next((typed for typed, marker in enumerate(_TYPED_LEVELS) if not any(marker.match(text) for text in texts)),
                len(_TYPED_LEVELS))


def _nested_lists(article: lxml.html.HtmlElement) -> dict[lxml.html.HtmlElement, int]:
    """How deep each outermost <ol> is in the lists its page's numbering opens, below the levels the text numbers itself.
    LibreOffice writes WPS's one-level lists (（一） and 1. alike) as <ol>s side by side: the 1. items under （一）
    between a list and the list that goes on with its next number (<ol start="2">) are a level below it. A list
    starting at 1 while others are open is inside the innermost; one going on with the next number of an open list
    closes those inside that list; a paragraph the text numbers itself (<h1>三、) closes them all. LibreOffice parts
    one list only where a paragraph comes between: a list right after another goes on with an outer one. Where the
    number goes on with more than one open list (1. under （一） and （二） are both 2 long), it is the innermost's,
    but for an item a new list's items follow at once: a title of its own items, as the outer level's are."""
    nested: dict[lxml.html.HtmlElement, int] = {}
    open_lasts: list[int] = []  # the last number of each open list, outermost first
    for element in article.iter("ol", "p", "h1", "h2", "h3", "h4", "h5", "h6"):
        if next(element.iterancestors("ol"), None) is not None:
            continue
        if element.tag != "ol":
            if any(marker.match(element.text_content().strip()) for marker in _TYPED_LEVELS):
                open_lasts.clear()
            continue
        numbers = _item_numbers(element)
        if not numbers:
            continue
        parted = len(open_lasts) - (element.getprevious() in nested)  # the lists a paragraph parted from this one
        going_on = [at for at, last in enumerate(open_lasts[:parted]) if last == numbers[0] - 1]
        titles_a_list = going_on and _item_numbers(element.getnext())[:1] == [1]
        del open_lasts[going_on[0 if titles_a_list else -1] if going_on else len(open_lasts):]
        nested[element] = len(open_lasts)
        open_lasts.append(numbers[-1])
    return nested


def _item_numbers(listing: lxml.html.HtmlElement) -> list[int]:
    """The numbers of a list's own items, from its start or an item's value on."""
    numbers: list[int] = []
    if listing is None or listing.tag != "ol":
        return numbers
    for item in listing.iterchildren("li"):
        numbers.append(_whole_number(item.get("value"), numbers[-1] + 1 if numbers else _whole_number(listing.get("start"), 1)))
    return numbers


def _whole_number(text: str | None, default: int) -> int:
    """An attribute's number, at most the largest a list starts at (a hostile page may write any digits)."""
    value = regex.match(r"\s*(\d{1,6})", text or "")
    return min(int(value.group(1)), MAX_START) if value else default


def _shows_text_as_written(block: lxml.html.HtmlElement) -> bool:
    """Whether a block shows a text file as written: a <pre>, or a block styled to keep line ends, that holds text
    only. An editor's article styled pre-wrap around its <p>s and tables is read block by block, and an inline
    <span style="white-space:pre"> (a tab pasted from an office suite) is part of its paragraph."""
    if block.tag != "pre" and not _KEPT_WHITE_SPACE.search(block.get("style") or ""):
        return False
    return not any(isinstance(inner.tag, str) and inner.tag in _BLOCKS for inner in block.iterdescendants())


def _rows(table: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The table's own rows, not those of tables nested in its cells."""
    return [row for row in table.iter("tr") if next(row.iterancestors("table"), None) is table]


def _cells(row: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return [cell for cell in row if cell.tag in ("td", "th")]


def _is_data_table(table: lxml.html.HtmlElement) -> bool:
    """A table of two columns or more; a one-cell layout table (a web page's frame) is read as blocks, and so is a
    frame whose one cell holds the article beside boxes of its 索引号 and 文号 or a column of links."""
    filled = [[(cell, text) for cell in _cells(row) if (text := _squash(cell.text_content()))] for row in _rows(table)]
    return any(len(cells) > 1 for cells in filled) and not _holds_a_page(filled)


def _is_information_box(rows: list[list[str]]) -> bool:
    """Whether a table's rows are a page's information box, each row of labels and their values (索引号：| … | 发布机构：| …),
    as a text copy's rows of them are (readers/txt.without_information_box)."""
    from ..metadata_rules import typed_box_cells  # the labels are metadata rules

    return typed_box_cells(["\t".join(row) for row in rows if any(row)]) is not None


def _holds_a_page(filled: list[list[tuple[lxml.html.HtmlElement, str]]]) -> bool:
    """Whether a cell holds most of the table's text as paragraphs under headings, as an article does (cells.holds_a_page);
    ``filled``: the filled cells and their texts, row by row."""
    def paragraphs(row: int, place: int) -> list[tuple[str, bool]]:
        gathered = _Lines()
        gathered.walk(filled[row][place][0])
        gathered.end_line()
        texts = [line.text.strip("\u00a0\u3000 ") for line in gathered.lines]
        return [(text, opens_heading(text)) for text in texts]

    return holds_a_page([[text for _, text in cells] for cells in filled], paragraphs)


def _cell_text(cell: lxml.html.HtmlElement) -> str:
    gathered = _Lines()
    gathered.walk(cell)
    gathered.end_line()
    # Lines inside a cell are its text's: the row is one line; a cell's lines parted by their kinds (a name's wrap, units,
    # tasks: crawled.cell_text, as a page's text kept with its tags is read), an article's by a space.
    return cell_text([line.text for line in gathered.lines])


def _span(cell: lxml.html.HtmlElement, name: str, most: int) -> int:
    """A cell's rowspan or colspan, at most ``most`` (a hostile page may ask for thousands)."""
    value = regex.match(r"\s*(\d{1,6})", cell.get(name) or "")
    return min(max(1, int(value.group(1))), most) if value else 1


def _check_attributes(path: object, text: str) -> None:
    """Refuse an element with too many attributes; one pass, each script, style sheet and comment skipped whole."""
    at = 0
    while found := _LONG_TAG_OR_NONE.search(text, at):
        if found.group(1) or found.group() == "<!--":
            closing = _CLOSING[found.group(1) and found.group(1).lower()].search(text, found.end())
            if closing is None:
                return  # the rest of the page is a script, a style sheet or a comment
            at = closing.end()
            continue
        attributes = len(_ATTRIBUTE.findall(found.group()))
        if attributes > _MAX_ATTRIBUTES:
            line = text.count("\n", 0, found.start()) + 1
            raise PlanparseError(path, f"line {line}: an element with {attributes:,} attributes; planparse reads elements of at most {_MAX_ATTRIBUTES:,}")
        at = found.end()


def _check_elements(path: object, text: str) -> None:
    """Refuse a page of more elements than the limit, before the parser builds them; counted up to it, one by one."""
    if text.count("<") <= _MAX_ELEMENTS:  # each element opens with one: most pages end here, in a scan in C
        return
    for count, opening in enumerate(_ELEMENT_OPENING.finditer(text), 1):
        if count > _MAX_ELEMENTS:
            line = text.count("\n", 0, opening.start()) + 1
            raise PlanparseError(path, f"line {line}: more than {_MAX_ELEMENTS:,} elements; planparse reads web pages of at most {_MAX_ELEMENTS:,}")


def _table_rows(table: lxml.html.HtmlElement) -> tuple[list[list[str]], list[list[str]]] | None:
    """Rows of cell texts on the table's grid, twice: as the text reads (a merged cell's text once, the
    places it covers empty) and as the table means (a cell merged downwards repeated in the rows it covers,
    the columns it spans across still empty: a value written once over several columns is no value of each).
    None for a grid of more than _MAX_TABLE_PLACES places."""
    grid: list[dict[int, str]] = []
    meant: list[dict[int, str]] = []
    rows = _rows(table)
    placed = 0
    for row_index, row in enumerate(rows):
        while len(grid) <= row_index:
            grid.append({})
            meant.append({})
        column = 0
        for cell in _cells(row):
            while column in grid[row_index]:
                column += 1
            # A span ends with the table, as browsers draw it; no plan's table is wider than _MAX_COLSPAN.
            rowspan, colspan = _span(cell, "rowspan", len(rows) - row_index), _span(cell, "colspan", _MAX_COLSPAN)
            placed += rowspan * colspan
            if placed > _MAX_TABLE_PLACES:
                return None
            text = _cell_text(cell)
            for down in range(rowspan):
                while len(grid) <= row_index + down:
                    grid.append({})
                    meant.append({})
                for across in range(colspan):
                    grid[row_index + down][column + across] = ""
                    meant[row_index + down][column + across] = text if across == 0 else ""
            grid[row_index][column] = text
            column += colspan
    width = max((max(row) + 1 for row in grid if row), default=0)
    if len(grid) * width > _MAX_TABLE_PLACES:  # one wide row over many short ones
        return None
    return ([[row.get(column, "") for column in range(width)] for row in grid],
            [[row.get(column, "") for column in range(width)] for row in meant])


def _meta(root: lxml.html.HtmlElement) -> dict[str, str]:
    return {
        (element.get("name") or element.get("property") or "").lower(): (element.get("content") or "").strip()
        for element in root.iter("meta")
        if element.get("name") or element.get("property")
    }


def _page_title(root: lxml.html.HtmlElement, meta: dict[str, str]) -> str | None:
    """The article's title as the page gives it: its meta tags, else the <title>
    before the site's name (某某方案_政策文件_某省人民政府门户网站)."""
    title = meta.get("articletitle") or meta.get("og:title")
    if not title:
        element = root.find(".//title")
        text = _SPACES.sub(" ", element.text_content()).strip() if element is not None else ""
        title = _TITLE_PARTS.split(text)[0].strip()
    return title or None


def _page_lines(root: lxml.html.HtmlElement) -> list[str]:
    gathered = _Lines(tables=False)
    gathered.walk(_body(root))
    gathered.end_line()
    return [line.text for line in gathered.lines]


def page_info(root: lxml.html.HtmlElement) -> PageInfo:
    """What the page states about the document, outside the article: meta tags and the information box."""
    from ..metadata_rules import read_information_box  # the labels are metadata rules

    meta = _meta(root)
    info = read_information_box(_page_lines(root))
    info.setdefault("published", meta.get("pubdate") or None)
    return PageInfo(page_title=_page_title(root, meta), source=meta.get("contentsource") or None, **info)


def _archived_page(path: object, data: bytes) -> bytes:
    """The first HTML page a web archive holds, its transfer encoding (quoted-printable, base64) undone: among its
    top parts, else among the parts of the parts that are multiparts themselves (an email's text and page, in a
    multipart/alternative). Only the headers of each part are parsed: the email package parses nested parts by
    recursion, which a crafted archive nesting thousands deep runs out of."""
    from email.parser import BytesParser

    parser = BytesParser()
    level = [data]
    for _depth in range(MAX_ARCHIVE_DEPTH + 1):
        nested = []
        for piece in level:
            part = parser.parsebytes(piece, headersonly=True)
            if part.get_content_type() == "text/html":
                return part.get_payload(decode=True) or b""
            boundary = part.get_boundary() if part.get_content_maintype() == "multipart" else None
            if boundary:
                nested += _archive_parts(piece, boundary)
        if not nested:
            raise PlanparseError(path, "a web archive (MHTML) that holds no web page")
        level = nested
    raise PlanparseError(path, f"a web archive (MHTML) whose parts nest more than {MAX_ARCHIVE_DEPTH} deep; planparse reads "
                               f"archives nested at most {MAX_ARCHIVE_DEPTH} deep")


def _archive_parts(piece: bytes, boundary: str) -> list[bytes]:
    """The parts of a multipart, each after a line of ``--boundary`` (--b1 is no line of the parts of b10's)."""
    delimiter = regex.compile(rb"(?:^|\r?\n)--" + regex.escape(boundary.encode("utf-8", "replace")) + rb"(?=--|[ \t]*(?:\r?\n|$))")
    return [child.lstrip(b"\r\n") for child in delimiter.split(piece)[1:]]


def read_html(path: object, data: bytes) -> tuple[list[SourceLine], list[TableData], PageInfo]:
    root = _parse(path, _archived_page(path, data) if is_web_archive(data) else data)
    check_text_size(path, _page_text_size(root))
    info = page_info(root)
    article = _article(root)
    office = _OFFICE_SUITE.search(_meta(root).get("generator", ""))
    typed = _typed_levels(article) if office else None
    gathered = _Lines(office_levels=typed, nested=_nested_lists(article) if typed else None)
    gathered.walk(article)
    gathered.end_line()
    return _article_lines(gathered.lines), gathered.tables, info


def _page_text_size(root: lxml.html.HtmlElement) -> int:
    """The characters of the page's text but white space, counted in C before readability and the walk: a page of
    150,000 short paragraphs (3 M characters, under the elements' limit) took them 90 s and 500 MB to be refused for
    its article's text, a second now. The article's text is the page's less the site's menus and footers: the pages
    we know of hold tens of kilobytes of those, the limit ten times the longest plan."""
    return sum(map(len, root.text_content().split()))


def _article_lines(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines but those of the site kept inside the article's block: a menu row or breadcrumb (首页 | 政府信息公开
    above the text), as a printed page loses them, and the page's title over the text's own (…实施方案 over
    …实施方案（稿）, maybe wrapped), which would read as one title wrapped over more lines."""
    from ..metadata_rules import is_web_chrome, metadata_rules  # the rules loader: imported when a page is read

    name_end = metadata_rules().name_end
    kept = [line for line in lines if line.in_table or not is_web_chrome(line.text)]
    squashed = [_squash(line.text) for line in kept]
    return [line for index, line in enumerate(kept) if not (
        name_end.search(squashed[index]) and "".join(squashed[index + 1: index + 1 + _TITLE_LINES]).startswith(squashed[index]))]
