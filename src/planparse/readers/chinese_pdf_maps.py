"""pdfminer's maps for Chinese text, loaded into its caches: imported where pdfplumber first opens a PDF.

A Chinese PDF's fonts name the Adobe-GB1 character collection, and pdfminer reads each of their
maps from a gzipped JSON file at its first use in a process (about 50 ms of CPU, more than the
rest of a short PDF). Imported with pdfplumber, they load in the process that imports it: a
batch imports both before it forks its workers (``documents.FIRST_USE_LIBRARIES``), so that every
worker shares that one copy instead of loading its own on its first Chinese PDF.
"""
from pdfminer.cmapdb import CMapDB

CHARACTER_COLLECTION = "Adobe-GB1"
# The CMap pdfminer reads a font of that collection by (every PDF in the project's corpus, and the samples).
CMAPS = ("UniGB-UCS2-H",)

try:
    for name in CMAPS:
        CMapDB.get_cmap(name)
    CMapDB.get_unicode_map(CHARACTER_COLLECTION)
except Exception:  # noqa: BLE001 - a warm-up only: a pdfminer without them, or with a broken data file, reads
    pass  # each PDF as before, its maps loaded as it needs them, and a PDF that then fails fails alone
