"""Write samples/zhanjiang-2016.docx as Word saves it as a "Word XML Document" (zhanjiang-2016.xml), which
tests/test_readers.py reads.

    .venv/bin/python tests/data/wordxml/make_word_xml.py

Word's Save As, Word XML Document (*.xml), writes a flat OPC package: one XML file, <pkg:package>, each part of the
DOCX a <pkg:part> named as in the ZIP with its content type, an XML part inline in <pkg:xmlData> (its declaration
dropped), any other part in base64 in <pkg:binaryData>, 76 characters a line; no [Content_Types].xml, whose types
the parts carry. Re-running gives the same file.
"""
from __future__ import annotations

import base64
import io
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

from lxml import etree

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parents[2] / "samples" / "zhanjiang-2016.docx"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_DECLARATION = re.compile(rb"^<\?xml[^>]*\?>\s*")
_BASE64_LINE = 76


def word_xml(docx: bytes) -> bytes:
    """The flat OPC package of the DOCX ``docx``, its relationship parts first, as Word orders them."""
    archive = zipfile.ZipFile(io.BytesIO(docx))
    types = etree.fromstring(archive.read("[Content_Types].xml"))
    defaults = {default.get("Extension").lower(): default.get("ContentType") for default in types.iter(f"{_TYPES}Default")}
    overrides = {override.get("PartName"): override.get("ContentType") for override in types.iter(f"{_TYPES}Override")}
    names = sorted((name for name in archive.namelist() if name != "[Content_Types].xml"), key=lambda name: (not name.endswith(".rels"), name))
    parts = []
    for name in names:
        kind = overrides.get(f"/{name}") or defaults.get(name.rsplit(".", 1)[-1].lower(), "application/octet-stream")
        opening = f"<pkg:part pkg:name={quoteattr('/' + name)} pkg:contentType={quoteattr(kind)}"
        data = archive.read(name)
        if kind.endswith("xml"):
            parts.append(f"{opening}><pkg:xmlData>{_DECLARATION.sub(b'', data).decode('utf-8')}</pkg:xmlData></pkg:part>")
        else:
            encoded = base64.b64encode(data).decode("ascii")
            lines = "\n".join(encoded[start:start + _BASE64_LINE] for start in range(0, len(encoded), _BASE64_LINE))
            parts.append(f'{opening} pkg:compression="store"><pkg:binaryData>{lines}</pkg:binaryData></pkg:part>')
    return ('<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
            '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">'
            + "".join(parts) + "</pkg:package>").encode("utf-8")


if __name__ == "__main__":
    (HERE / "zhanjiang-2016.xml").write_bytes(word_xml(SAMPLE.read_bytes()))
