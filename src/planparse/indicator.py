"""The indicator of a target: the thing counted or measured.

``每年培训250名科技辅导员`` -> ``科技辅导员`` (the noun phrase after the
measure word); ``公民具备科学素质的比例超过16%`` -> ``公民具备科学素质的比例``
(the phrase before the number, less its leading place and verb). Found with
jieba's part-of-speech tags, not fixed offsets. jieba loads its dictionary
(about a second) on first use, once per process, and only when a target needs it.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

import regex

# Tags of words that can be part of the measured thing's name: nouns of all
# sorts, verbal nouns, attributes, English abbreviations.
_NOUNISH = ("n", "vn", "b", "j", "l", "eng", "an", "nz", "ng", "zg")
# Suffixes and measure words inside a name: 县（市、区）级科技馆, “双师”型教师.
_NAME_PARTS = ("k", "q")
_OPEN, _CLOSE = "（(“《", "）)”》"
# Words that open a clause without being part of what is measured.
_SCOPE_WORDS = {"全市", "全区", "全县", "全省", "全国", "我市", "我区", "我县", "我省", "各地", "全", "其中", "力争", "确保", "争取", "要", "新", "累计"}
_LINKS = {"的"}
_EDGE_PUNCTUATION = "，,、：:；;。 "
_MAX_LENGTH = 24
_ALNUM = regex.compile(r"[0-9A-Za-z.]+")


@lru_cache(maxsize=1)
def _posseg() -> Any:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)  # jieba prints "Building prefix dict…" otherwise
    jieba.initialize()
    return jieba.posseg


def _tag(text: str) -> list[tuple[str, str]]:
    """Words and their tags; digits and Latin letters written together (5G, PM2.5) stay one word."""
    tagged: list[tuple[str, str]] = []
    for pair in _posseg().lcut(text, HMM=True):
        if tagged and _ALNUM.fullmatch(pair.word) and _ALNUM.fullmatch(tagged[-1][0]):
            tagged[-1] = (tagged[-1][0] + pair.word, "eng")
        else:
            tagged.append((pair.word, pair.flag))
    return tagged


def find_indicator(clause: str, number_start: int, match_end: int) -> str | None:
    """What the target in ``clause`` measures; the number sits at ``number_start``, the match ends at ``match_end``."""
    after = _noun_phrase_after(clause[match_end:])
    if after:
        return after
    return _noun_phrase_before(clause[:number_start])


def _clean(words: list[str]) -> str | None:
    text = "".join(words).strip(_EDGE_PUNCTUATION)
    if not text:
        return None
    return text[:_MAX_LENGTH]


def _noun_phrase_after(text: str) -> str | None:
    """``名科技辅导员组建…`` -> ``科技辅导员``: nouns right after the match."""
    words: list[str] = []
    depth = 0
    for word, flag in _tag(text):
        if word in _OPEN:
            depth += 1
        if depth:
            words.append(word)
            depth -= word in _CLOSE
            continue
        if not words and word in _LINKS:
            continue
        if flag.startswith(_NOUNISH) or (words and (word in _LINKS or flag in _NAME_PARTS)):
            words.append(word)
            continue
        break
    while words and words[-1] in _LINKS:
        words.pop()
    return _clean(words)


def _noun_phrase_before(text: str) -> str | None:
    """``揭阳市公民具备科学素质的比例超过`` -> ``公民具备科学素质的比例``."""
    tagged = _tag(text)
    # Drop the comparator or link verb that leads to the number (超过, 达到, 为, 要保持).
    while tagged and not tagged[-1][1].startswith(_NOUNISH) and tagged[-1][0] not in _CLOSE:
        tagged.pop()
    # Drop places, times, scope words and the opening verb: what is left is the measured thing.
    while tagged and (tagged[0][1] in ("ns", "t", "m", "p", "d", "c", "r", "v", "f", "x") or tagged[0][0] in _SCOPE_WORDS):
        tagged.pop(0)
    if len(tagged) > 1 and tagged[0][1] == "vn":
        tagged.pop(0)  # 建设国家级科普教育基地: the opening action is not the thing
    return _clean([word for word, _ in tagged])
