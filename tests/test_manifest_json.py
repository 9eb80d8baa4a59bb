"""manifest.json written by pydantic's encoder is the text json.dumps wrote, byte for byte."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from planparse.exporters.json import dumped_json_bytes, json_bytes
from planparse.models import BatchManifest, ManifestEntry, ReadingWarning

# names and cells as a batch meets them: Chinese names, names that are not UTF-8 (a lone surrogate), U+FFFD, control
# characters; floats pydantic writes otherwise than json.dumps (below 1e-4, NaN, infinity) beside those it writes alike
_NAMES = st.text(st.sampled_from(["规", "划", "a", "-", "e", "1", ".", "\udcff", "\ufffd", "\x01", "\"", "\\", "\u2028"]), max_size=12)
_FLOATS = st.one_of(st.floats(), st.sampled_from([1e-5, 1.5e-7, 0.0001, 0.00009, 5e-324, 1e16, 1e21, 1e22, -0.00001]))
_CELLS = st.one_of(st.none(), st.integers(), _FLOATS, _NAMES)


def _entry(row: list, rows: list[list], warning: str | None) -> ManifestEntry:
    return ManifestEntry(sha256="0" * 64, planparse="1.0", rules_dir=None, rules="1" * 64, has_json=True, json_sha256=None,
                         document_row=row, target_rows=rows, warnings=[ReadingWarning(message=warning)] if warning else [])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_NAMES, st.builds(_entry, st.lists(_CELLS, max_size=4), st.lists(st.lists(_CELLS, max_size=4), max_size=3),
                                         st.one_of(st.none(), _NAMES)), max_size=3))
def test_a_manifest_is_written_as_json_dumps_writes_it(documents: dict[str, ManifestEntry]):
    manifest = BatchManifest(planparse="1.0", documents=documents)
    assert dumped_json_bytes(manifest) == json_bytes(manifest.model_dump())


def test_a_manifest_of_plain_names_and_numbers_is_written_by_pydantic(monkeypatch):
    """The usual manifest takes pydantic's encoder, not json.dumps' (what makes writing it cheaper)."""
    import planparse.exporters.json as exporter

    monkeypatch.setattr(exporter, "json_bytes", lambda data: b"json.dumps")
    manifest = BatchManifest(planparse="1.0", documents={"计划/规划.txt": _entry(["规划", 3, 12.5, None], [["目标", 0.25, 2025]], None)})
    assert dumped_json_bytes(manifest) != b"json.dumps"
