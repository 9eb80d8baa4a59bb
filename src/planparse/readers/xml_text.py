"""The text of an XML element that holds text alone (a DOCX's ``w:t``, an XLSX's ``t``, an OFD's ``TextCode``)."""
from __future__ import annotations

from lxml import etree


def text_held(element: etree._Element) -> str:
    """``element``'s text, and what follows each node inside it: an entity reference the parser leaves unresolved
    (a DTD's, which no office program writes: resolving it is how an XML bomb or an external file gets in), a
    comment, a processing instruction. The text after one is the element's own; ``.text`` stops at the first."""
    if not len(element):
        return element.text or ""
    return "".join([element.text or "", *(node.tail or "" for node in element)])
