"""pdfminer's maps for Chinese text, loaded into its caches: imported where pdfplumber first opens a PDF.

A Chinese PDF's fonts name the Adobe-GB1 character collection, and pdfminer reads each of their
maps from a gzipped JSON file at its first use in a process (about 40 ms of CPU, more than the
rest of a short PDF). Imported with pdfplumber, they load in the process that imports it: a
batch imports both before it forks its workers (``documents.FIRST_USE_LIBRARIES``), so that every
worker shares that one copy instead of loading its own on its first Chinese PDF. The maps' data
comes from the user's cache when an earlier process read it: marshal reads it in a fifth of the time.
"""
import os
from pathlib import Path
from typing import Any

import pdfminer
from pdfminer.cmapdb import CMapDB, PyCMap, PyUnicodeMap

from ..cache import parsed

CHARACTER_COLLECTION = "Adobe-GB1"
# The CMap pdfminer reads a font of that collection by (every PDF in the project's corpus, and the samples).
CMAPS = ("UniGB-UCS2-H",)


def _map_data(name: str) -> type:
    """What pdfminer's ``CMapDB._load_data`` gives for the map ``name`` (a class holding its tables), kept in
    the cache per pdfminer version and folder of maps (``CMAP_PATH``), as ``CMapDB.get_cmap`` would build it."""
    key = "\0".join([pdfminer.__version__, os.environ.get("CMAP_PATH", ""), name])
    return type(name, (), parsed(Path(f"pdfminer-map:{name}"), key, lambda _: _tables(CMapDB._load_data(name))))


def _tables(data: type) -> dict[str, Any]:
    return {key: value for key, value in vars(data).items() if not key.startswith("__")}


try:  # as CMapDB.get_cmap and get_unicode_map fill pdfminer's caches, from our data
    for name in CMAPS:
        if name not in CMapDB._cmap_cache:
            CMapDB._cmap_cache[name] = PyCMap(name, _map_data(name))
    if CHARACTER_COLLECTION not in CMapDB._umap_cache:
        unicode_map = _map_data(f"to-unicode-{CHARACTER_COLLECTION}")
        CMapDB._umap_cache[CHARACTER_COLLECTION] = [PyUnicodeMap(CHARACTER_COLLECTION, unicode_map, vertical) for vertical in (False, True)]
except Exception:  # noqa: BLE001 - a warm-up only: a pdfminer without them, or with a broken data file, reads
    pass  # each PDF as before, its maps loaded as it needs them, and a PDF that then fails fails alone
