"""Word's "Word XML Document" (.xml): a DOCX's parts written inline in one XML file, a flat OPC package
(``<pkg:package>``, each ``<pkg:part>`` holding its XML, or its bytes in base64), as Word saves it (Save As, Word XML
Document) and as OA systems and Office's own tools export a document. Read as the DOCX its parts make."""
from __future__ import annotations

import base64
import binascii
import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

from lxml import etree

from ..errors import PlanparseError
from .sniff import PACKAGE
from .xml_text import parsed_xml

_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"


def docx_of_package(path: Path, data: bytes) -> bytes:
    """The DOCX (a ZIP of parts) whose parts ``data``, a flat OPC package, holds: each part under its name, and the
    [Content_Types].xml a DOCX names their types in, from each part's pkg:contentType."""
    try:
        package = parsed_xml(data, whole_runs=True)
    except etree.XMLSyntaxError as exc:
        raise PlanparseError(path, f"not a valid Word XML document ({exc.msg})") from None
    buffer = io.BytesIO()
    types = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for part in package.iterfind(f"{{{PACKAGE}}}part"):
            name = part.get(f"{{{PACKAGE}}}name", "").lstrip("/")
            content = _part_content(path, part)
            if not name or content is None:
                continue
            archive.writestr(name, content)
            types.append((name, part.get(f"{{{PACKAGE}}}contentType", "application/xml")))
        archive.writestr("[Content_Types].xml", _content_types(types))
    return buffer.getvalue()


def _part_content(path: Path, part: etree._Element) -> bytes | None:
    """A part's bytes: its XML (``pkg:xmlData``'s element) or its base64 (``pkg:binaryData``); None when it holds neither."""
    xml = part.find(f"{{{PACKAGE}}}xmlData")
    if xml is not None and len(xml):
        return etree.tostring(xml[0], xml_declaration=True, encoding="UTF-8", standalone=True)
    binary = part.find(f"{{{PACKAGE}}}binaryData")
    if binary is None:
        return None
    try:
        return base64.b64decode("".join((binary.text or "").split()), validate=True)
    except binascii.Error:
        raise PlanparseError(path, f"not a valid Word XML document (the part {part.get(f'{{{PACKAGE}}}name')} is damaged)") from None


def _content_types(types: list[tuple[str, str]]) -> bytes:
    overrides = "".join(f"<Override PartName={quoteattr('/' + name)} ContentType={quoteattr(kind)}/>" for name, kind in types)
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="{_CONTENT_TYPES}">{overrides}</Types>'.encode("utf-8")
