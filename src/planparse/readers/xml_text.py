"""An office package's XML part, parsed safely (an XLSX's, an OFD's, an ODT's), and the text of an XML element that holds text
alone (a DOCX's ``w:t``, an XLSX's ``t``, an OFD's ``TextCode``)."""
from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from ..errors import PlanparseError
from ..limits import xml_limit_problem


class DamagedPart(PlanparseError):
    """A package's XML part that is not well formed (an ODT's may be encrypted: its reader says so instead)."""


def package_part(path: Path, archive: zipfile.ZipFile, name: str, kind: str) -> etree._Element | None:
    """The XML part ``name`` of the package ``archive`` (a file of ``kind``: XLSX, OFD, ODT) parsed, entities left
    unresolved and nothing fetched; None where the package holds no such part. A part damaged (``DamagedPart``), or past
    a limit of the parser (too deep, too large), makes the file unreadable, said with the part's name."""
    try:
        data = archive.read(name)
    except KeyError:
        return None
    try:
        return parsed_xml(data)
    except etree.XMLSyntaxError as exc:
        problem = xml_limit_problem(exc, kind)
        if problem:
            raise PlanparseError(path, f"{name}, line {exc.lineno}: {problem}") from None
        raise DamagedPart(path, f"not a valid {kind} file ({name} is damaged)") from None


def parsed_xml(data: bytes, whole_runs: bool = False) -> etree._Element:
    """``data`` parsed safely, as every reader of XML parses it: entities left unresolved (resolving one is how an XML
    bomb or an external file gets in) and nothing fetched. ``whole_runs`` lifts libxml2's limits (``limits.MAX_XML_RUN_BYTES``,
    ``MAX_XML_DEPTH``), as a Word XML document's images in base64 need. Raises lxml's
    XMLSyntaxError, which the reader words."""
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=whole_runs))


def missing_part(path: Path, name: str, kind: str) -> PlanparseError:
    """The error of a file of ``kind`` that holds no part ``name`` it must hold."""
    return PlanparseError(path, f"not a valid {kind} file (it has no {name})")


def text_held(element: etree._Element) -> str:
    """``element``'s text, and what follows each node inside it: an entity reference the parser leaves unresolved
    (a DTD's, which no office program writes: resolving it is how an XML bomb or an external file gets in), a
    comment, a processing instruction. The text after one is the element's own; ``.text`` stops at the first."""
    if not len(element):
        return element.text or ""
    return "".join([element.text or "", *(node.tail or "" for node in element)])
