"""Text from plans and file names in Markdown (compare's matrix, diff's report): shown as written, never read as
Markdown's syntax nor HTML (a plan's <!-- hid the rest of a pull request's comment)."""
from __future__ import annotations

import re

from ..names import terminal_text

# What starts inline Markdown anywhere in a line (code, emphasis, links, raw HTML, entities, GFM's strikethrough and
# cell borders); a backslash before ASCII punctuation shows it as it is (CommonMark's backslash escapes).
_MARKDOWN_INLINE = re.compile(r"[\\`*_\[\]<>&~|]")
_LINE_ENDING = re.compile(r"\r\n|[\r\n]")  # would end the cell or the list item


def markdown_text(value: object) -> str:
    """``value`` as a table cell or a paragraph of Markdown shows it."""
    return "" if value is None else _MARKDOWN_INLINE.sub(r"\\\g<0>", _LINE_ENDING.sub(" ", terminal_text(str(value))))


def markdown_code(text: str) -> str:
    """``text`` as a code span showing it: backslashes are no escapes there, so the span is fenced by one backtick
    more than the longest run inside, and padded with a space (one is taken off each side) where the text would
    otherwise touch the fence with a backtick or lose a space of its own."""
    text = _LINE_ENDING.sub(" ", terminal_text(text))
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    padded = bool(text.strip(" ")) and (text[0] in "` " or text[-1] in "` ")
    return f"{fence} {text} {fence}" if padded else f"{fence}{text}{fence}"
