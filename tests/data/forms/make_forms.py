"""Write the other forms of three plans that tests/test_input_forms.py reads.

    .venv/bin/python tests/data/forms/make_forms.py

The plans (SOURCES.md) are as a government site gave them, one line a
paragraph. Each form copies what happens to such a text on its way to a user:
hard-wrapped at a fixed width as text copied out of a PDF (a number may be
cut at a line's end), converted to traditional characters (a Taiwan copy, and a Hong Kong one
in its own forms: 衞生), saved as GB18030 (whole, or with a few bytes damaged), Big5, ISO-2022-CN or UTF-16 (with and without a byte-order mark),
typed with full-width digits and signs, typed with ASCII punctuation (,.;:), with a zero-width space after every character, as a crawler stored its
page's text (character references kept as text, Unicode's other spaces), as a crawler kept a page's content field
(one line, its tags kept), as a page whose paragraphs are lines of a PDF parted by <br>, letter-spaced as a phone app
converts a PDF (a full-width space between every two characters), as copied out of a WeChat article (【】 and emoji around titles), with its line breaks lost. Re-running gives the same files.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import opencc
import regex

HERE = Path(__file__).resolve().parent
WRAP_WIDTH = 33  # characters: a line of a PDF page in 三号 type
_DECORATED_TITLE = 30  # characters: a title WeChat sets in 【】 or after a sign is shorter
_FULL_WIDTH = str.maketrans({char: chr(ord(char) + 0xFEE0) for char in "0123456789%.()/"})
_ASCII_PUNCTUATION = str.maketrans("，。；：？！", ",.;:?!")


def hard_wrapped(text: str, width: int = WRAP_WIDTH) -> str:
    """Every line longer than ``width`` (its indent aside) cut into lines of ``width``."""
    lines = []
    for line in text.split("\n"):
        content = line.strip()
        lines += [content[start:start + width] for start in range(0, len(content), width)] if len(content) > width else [line]
    return "\n".join(lines)


def crawled(text: str) -> str:
    """``text`` as a crawler keeps a page's text: indents as the page wrote them (&nbsp; or &emsp; references, em
    spaces), a doubly escaped &amp;nbsp; after a comma, a thin space between a number and its unit, a soft hyphen in
    a long number."""
    text = regex.sub(r"(?<=\d)(?=\d{3}(?!\d))", "\u00ad", text)
    text = regex.sub(r"(?<=\d)(?=\p{Han}|%)", "\u2009", text).replace("，", "，&amp;nbsp;")
    indents = ("&nbsp;" * 4, "&emsp;&emsp;", "\u2003\u2003", "&#12288;&#x3000;")
    return "\n".join(indents[index % len(indents)] + line if line.strip() else line for index, line in enumerate(text.split("\n")))


def tagged(text: str) -> str:
    """``text`` as a crawler keeps a page's content field: one line, its paragraphs parted by a line break's or a
    paragraph's tags, headings in bold, a font around a number."""
    marked = [f"<strong>{line}</strong>" if regex.match(r"[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）", line) else line
              for line in text.split("\n")]
    parted = "".join(line + ("<br/>" if index % 2 else '</p><p style="text-indent:2em">') for index, line in enumerate(marked))
    return regex.sub(r"(\d+)(?=%)", r'<font color="red">\1</font>', parted) + "\n"


def wrapped_page(text: str) -> str:
    """``text`` as a page whose editor was given text copied out of a PDF: a paragraph to a <p>, its lines cut at the
    wrap width inside sentences and parted by <br>."""
    paragraphs = "".join(f"<p>{'<br>'.join(hard_wrapped(line).split(chr(10)))}</p>" for line in text.split("\n") if line.strip())
    return f'<html><head><meta charset="utf-8"></head><body><div class="article">{paragraphs}</div></body></html>\n'


def wechat(text: str) -> str:
    """``text`` as copied out of a WeChat article: the account's line under the title, each paragraph indented by two
    full-width spaces, a 一、 title in 【】 and a （一） title after a pin, the article's buttons closing it."""
    title, *lines = text.split("\n")
    account = "原创 平潭发布 平潭发布 2015-04-30 18:30 发表于福建"
    def decorated(line: str) -> str:
        short = len(line) < _DECORATED_TITLE and "。" not in line
        if short and regex.match(r"[一二三四五六七八九十]+、", line):
            return f"【{line.strip()}】"
        return f"📌{line.strip()}" if short and regex.match(r"（[一二三四五六七八九十]+）", line) else "\u3000\u3000" + line
    buttons = ["阅读原文", "分享", "收藏", "点赞", "在看"]
    return "\n".join([title, account, "", *(decorated(line) if line.strip() else line for line in lines), "", *buttons])


def damaged(text: str) -> bytes:
    """``text`` in GB18030 as a cut file or a transfer damages a copy in a few places: in each line with no number, its
    last 的 after the line's first full stop (in no heading's title, no target's quote) a byte no decoder reads."""
    def line_bytes(line: str) -> bytes:
        stop, last = line.find("。"), line.rfind("的")
        if regex.search(r"\d", line) or not 0 <= stop < last:
            return line.encode("gb18030")
        return line[:last].encode("gb18030") + b"\xff" + line[last + 1:].encode("gb18030")
    return b"\n".join(line_bytes(line) for line in text.split("\n"))


def forms(text: str) -> dict[str, bytes]:
    return {
        "wrap": hard_wrapped(text).encode("utf-8"),
        "trad": opencc.OpenCC("s2t").convert(text).encode("utf-8"),
        "hk": opencc.OpenCC("s2hk").convert(text).encode("utf-8"),  # Hong Kong's forms: 衞生, 敍述
        "gb18030": text.encode("gb18030"),
        "damaged": damaged(text),  # GB18030 with a few bytes it does not read
        # a Taiwan copy saved by Windows as Big5, which has no no-break space and no 呋 or 鰺 (they become ?)
        "big5": opencc.OpenCC("s2tw").convert(text).replace("\xa0", " ").encode("cp950", errors="replace"),
        "utf16": text.encode("utf-16"),  # with its byte-order mark
        "utf16le": text.encode("utf-16-le"),  # without one
        "fullwidth": text.translate(_FULL_WIDTH).encode("utf-8"),
        "ascii": text.translate(_ASCII_PUNCTUATION).encode("utf-8"),  # typed with an English keyboard's marks
        # as a page that guards against copying gives it: a zero-width space after every character
        "zerowidth": regex.sub(r"(?<=\S)", "\u200b", text).encode("utf-8"),
        "crawled": crawled(text).encode("utf-8"),
        "tagged": tagged(text).encode("utf-8"),
        "brwrap": wrapped_page(text).encode("utf-8"),
        # as a phone app converts a PDF: a full-width space between every two characters
        "spaced": regex.sub(r"(?<=\S)(?=\S)", "\u3000", text).encode("utf-8"),
        "wechat": wechat(text).encode("utf-8"),
        "flat": (text.replace("\n", "") + "\n").encode("utf-8"),  # its line breaks lost (tr -d '\n')
        # ISO-2022-CN (RFC 1922) as glibc's iconv writes it, which Python has no codec for; a character GB2312 lacks is left out
        "iso2022cn": subprocess.run(["iconv", "-c", "-f", "UTF-8", "-t", "ISO-2022-CN"], input=text.encode("utf-8"), capture_output=True).stdout,
    }


# The plan with many targets in every form; the others hard-wrapped only.
# Two whose notice or attachment line ends within a few characters of the wrap width.
PLANS = {"canzhuo-2015": tuple(kind for kind in forms("") if kind != "flat"), "xingfuyuan-2015": ("wrap", "crawled", "tagged", "wechat", "ascii"), "xuqin-2015": ("wrap",),
         "sanshiliujiaohu-2015": ("wrap",), "jieneng-2015": ("wrap",), "gongshui-2015": ("fullwidth", "iso2022cn")}
# With their line breaks lost: a heading's title then runs into its first sentence, and only some come apart
# again, so these forms are read for what they must keep all the same (the signature's date).
FLAT_PLANS = ("sanshiliujiaohu-2015", "jieneng-2015", "canzhuo-2015", "yingqingyun-2015", "fanpin-2023")


def main() -> None:
    for stem in {**PLANS, **dict.fromkeys(FLAT_PLANS)}:
        written = forms((HERE / f"{stem}.txt").read_text(encoding="utf-8"))
        for kind in PLANS.get(stem, ()) + (("flat",) if stem in FLAT_PLANS else ()):
            (HERE / f"{stem}.{kind}.txt").write_bytes(written[kind])


if __name__ == "__main__":
    main()
