"""What a document is, told by its first bytes: read before any reader's library is imported."""
from __future__ import annotations

import regex

_ARCHIVE_HEAD = 4096  # bytes: a web archive's headers come first, its parts' boundary named among them
_MIME_HEADER = regex.compile(rb"[A-Za-z][\w-]*:")  # From: <Saved by Blink>, MIME-Version: 1.0
_MIME_VERSION = regex.compile(rb"(?im)^MIME-Version\s*:")


def looks_like_html(data: bytes) -> bool:
    """Whether bytes are an HTML page or fragment, whatever the name (standard input has none)."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return _HTML_START.match(head) is not None


_HTML_START = regex.compile(rb"<(?:!doctype\s+html|html|head|body|meta|table|tbody|div|p|span|section|article|!--)\b")


def is_web_archive(data: bytes) -> bool:
    """Whether ``data`` is a web page saved whole as a MIME message (.mht, .mhtml: Word's "single file web page", a
    browser's "webpage, single file"; sites offer such files as 附件.doc too): headers, MIME-Version among them, then
    parts related to each other (or, saved from an email, parts mixed or alternative)."""
    head = data[:_ARCHIVE_HEAD].lstrip(b"\xef\xbb\xbf \t\r\n")
    return _MIME_HEADER.match(head) is not None and _MIME_VERSION.search(head) is not None and b"multipart/" in head.lower()


def is_rtf(data: bytes) -> bool:
    """Whether ``data`` is an RTF document, whatever its name (Word saves RTF under the name it opened: 附件.doc)."""
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf")
