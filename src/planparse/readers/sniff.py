"""What a document is, told by its first bytes: read before any reader's library is imported."""
from __future__ import annotations

from .. import patterns

_ARCHIVE_HEAD = 4096  # bytes: a web archive's headers come first, its parts' boundary named among them
_MIME_HEADER = patterns.compile(rb"[A-Za-z][\w-]*:")  # From: <Saved by Blink>, MIME-Version: 1.0
_MULTIPART_TYPE = patterns.compile(rb"(?im)^Content-Type\s*:\s*multipart/")
_HEADERS_END = patterns.compile(rb"\r?\n[ \t]*\r?\n")  # the blank line after a message's headers


def looks_like_html(data: bytes) -> bool:
    """Whether bytes are an HTML page or fragment, whatever the name (standard input has none)."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return _HTML_START.match(head) is not None


_HTML_START = patterns.compile(rb"<(?:!doctype\s+html|html|head|body|meta|table|tbody|div|p|span|section|article|!--)\b")


def is_web_archive(data: bytes) -> bool:
    """Whether ``data`` is a web page saved whole as a MIME message (.mht, .mhtml: Word's "single file web page", a
    browser's "webpage, single file"; sites offer such files as 附件.doc too): headers, then parts related to each
    other (or, saved from an email, parts mixed or alternative). Told by the message's own Content-Type among its
    headers, not by a MIME-Version: some tools that save pages write none, and mail readers open such files alike."""
    head = data[:_ARCHIVE_HEAD].lstrip(b"\xef\xbb\xbf \t\r\n")
    headers = _HEADERS_END.split(head, 1)[0]
    return _MIME_HEADER.match(headers) is not None and _MULTIPART_TYPE.search(headers) is not None


PACKAGE = "http://schemas.microsoft.com/office/2006/xmlPackage"  # a flat OPC package's namespace (readers/word_xml.py)
_PACKAGE_HEAD = 1024  # bytes: the package's root element, which names its namespace, comes first
_WORD_2003_XML = b"http://schemas.microsoft.com/office/word/2003/wordml"


def is_word_xml_package(data: bytes) -> bool:
    """Whether ``data`` is Word's "Word XML Document" (.xml), a DOCX's parts inline in one XML file, whatever its name."""
    head = data[:_PACKAGE_HEAD]
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml") and PACKAGE.encode() in head


def is_word_2003_xml(data: bytes) -> bool:
    """Whether ``data`` is Word 2003's XML document (WordprocessingML 2003: <w:wordDocument>), whatever its name."""
    head = data[:_PACKAGE_HEAD]
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml") and _WORD_2003_XML in head


def is_rtf(data: bytes) -> bool:
    """Whether ``data`` is an RTF document, whatever its name (Word saves RTF under the name it opened: 附件.doc)."""
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf")


# The first bytes of the image formats a scan or a photo of a plan is saved in (a 扫描件 offered as 附件.jpg, or named .pdf)
_IMAGE_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF87a", "GIF"), (b"GIF89a", "GIF"),
                     (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"), (b"\x00\x00\x00\x0cjP  \r\n\x87\n", "JPEG 2000"))


def image_format(data: bytes) -> str | None:
    """The image format ``data`` is in (PNG, JPEG, GIF, TIFF, JPEG 2000, WebP), whatever its name; None for any other."""
    kind = next((kind for signature, kind in _IMAGE_SIGNATURES if data.startswith(signature)), None)
    return kind or ("WebP" if data[:4] == b"RIFF" and data[8:12] == b"WEBP" else None)
