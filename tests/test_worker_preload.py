"""batch warms every stage once before it forks its workers: its miniature plan must reach every stage."""
from __future__ import annotations

import os
import subprocess
import sys
from itertools import chain
from pathlib import Path

import pytest
from conftest import SAMPLES, write_plan

from planparse.cache import CACHE_DIR_VARIABLE
from planparse.documents import FIRST_USE_LIBRARIES
from planparse.pipeline import extract
from planparse.worker_preload import WARM_UP_PLAN


def test_the_warm_up_plan_goes_through_every_stage(tmp_path):
    document = extract(write_plan(tmp_path, WARM_UP_PLAN))
    assert document.metadata.doc_number and document.sections
    assert any(target.indicator and target.deadline for target in document.targets)
    assert document.responsibilities and document.tables


@pytest.mark.parametrize("sample", ["jieyang-2022.pdf", "jieyang-2022.docx", "web-page-sample.html", "jinjiang-2022.ofd"])
def test_reading_a_document_imports_the_libraries_listed_for_its_kind(sample):
    """FIRST_USE_LIBRARIES stays true to the readers: what they import at their first document."""
    path = SAMPLES / sample
    probe = ("import sys\nfrom pathlib import Path\nfrom planparse.readers import read_document\n"
             f"libraries = {FIRST_USE_LIBRARIES[path.suffix]!r}\n"
             "before = [name in sys.modules for name in libraries]\n"
             f"read_document(Path({str(path)!r}))\n"
             "print(any(before), all(name in sys.modules for name in libraries))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True"]


def test_the_modules_the_pdf_and_web_libraries_import_and_planparse_does_not_use_load_only_when_used():
    """pdfminer imports charset_normalizer, readability chardet and urllib.request (with ssl): a fifth of what a batch
    imports before it forks the workers of PDFs and web pages. Deferred (readers.deferred_imports), they are not
    loaded by reading such documents, and work when something uses them."""
    documents = [str(SAMPLES / name) for name in ("jieyang-2022.pdf", "web-page-sample.html")]  # the PDF read partly by pdfplumber
    probe = ("import sys\nfrom pathlib import Path\nfrom planparse.readers import read_document\n"
             f"for path in {documents!r}:\n    read_document(Path(path))\n"
             "print(*(name in sys.modules for name in ('pdfplumber', 'readability', 'ssl', 'chardet.universaldetector', "
             "'charset_normalizer.api')))\n"
             "import chardet, charset_normalizer, urllib.request\n"
             "gbk = '到2025年，全市公民具备科学素质的比例超过15%。'.encode('gbk')\n"
             "print(chardet.detect(gbk)['encoding'], str(charset_normalizer.from_bytes(gbk).best()), "
             "urllib.request.Request('https://example.org').host)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["True True False False False", "GB2312 到2025年，全市公民具备科学素质的比例超过15%。 example.org"]


def test_the_libraries_listed_for_pdfs_load_the_maps_pdfminer_reads_chinese_pdfs_with():
    """pdfminer loads a Chinese font's maps at their first use in a process (about 50 ms): a batch,
    importing the PDF libraries before it forks its workers, loads them there, once for every worker."""
    pdfs = [str(SAMPLES / name) for name in ("jieyang-2022.pdf", "qingcheng-2021.pdf")]  # both read partly by pdfplumber
    probe = ("import importlib\nfrom pathlib import Path\nfrom pdfminer.cmapdb import CMapDB\n"
             "def loaded():\n    return sorted(CMapDB._cmap_cache), sorted(CMapDB._umap_cache)\n"
             f"for name in {FIRST_USE_LIBRARIES['.pdf']!r}:\n    importlib.import_module(name)\n"
             "before = loaded()\n"
             "from planparse.readers import read_document\n"
             f"for path in {pdfs!r}:\n    read_document(Path(path))\n"
             "print(all(before), before == loaded())")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True"]


def test_pdfminer_maps_read_once_come_from_the_cache(tmp_path):
    """Gunzipping and parsing pdfminer's JSON maps took 40 ms of each process that reads a Chinese PDF (a
    batch's, beside its first worker): a later process takes the tables an earlier one read from the cache."""
    probe = ("import sys\nfrom pdfminer.cmapdb import CMapDB\n"
             "def unread(name):\n    raise OSError(name)\n"
             "if sys.argv[1] == 'later':\n    CMapDB._load_data = unread\n"
             "import planparse.readers.chinese_pdf_maps\n"
             "print(sorted(CMapDB._cmap_cache), sorted(CMapDB._umap_cache))")
    environment = {**os.environ, CACHE_DIR_VARIABLE: str(tmp_path)}
    first, later = (subprocess.run([sys.executable, "-c", probe, which], capture_output=True, text=True, check=True, env=environment).stdout
                    for which in ("first", "later"))
    assert first == later == "['UniGB-UCS2-H'] ['Adobe-GB1']\n"


_RULES_KEPT = """from planparse import patterns
from planparse.pipeline import load_rules
from planparse.worker_preload import warm_up
warm_up(None)
rule_set = load_rules(None)
rebuilt_all = all(rule.compiled_source in patterns._compiled for rule in rule_set.rules)
compiled = []
regex_compile, python_compile = patterns._compiled_now, patterns._python_compiled_code
patterns._compiled_now = lambda source: compiled.append(source) or regex_compile(source)
patterns._python_compiled_code = lambda source, flags: compiled.append(source) or python_compile(source, flags)
rule_set.compile_all()  # every rule reached, as a worker's documents reach some
print(rebuilt_all, len(compiled))
"""


def test_after_the_warm_up_a_worker_compiles_no_target_rule_or_prefilter_test_from_its_source(tmp_path):
    """A rule's pattern and its pre-filter's tests are compiled when first matched, and a worker, ending without running
    ``atexit``, never keeps them in the cache: the warm-up compiles them all where the cache lacks some (a batch's
    workers compiled the tests from their source every time), and leaves them to be rebuilt by the workers that reach
    them where it keeps them all (rebuilding every rule's was a third of a batch's start, 165 ms)."""
    environment = {**os.environ, CACHE_DIR_VARIABLE: str(tmp_path / "cache")}
    done = [subprocess.run([sys.executable, "-c", _RULES_KEPT], capture_output=True, text=True, check=True, env=environment).stdout.split()
            for _ in range(2)]
    assert done == [["True", "0"], ["False", "0"]]


def test_the_key_of_every_rule_reads_each_pattern_as_kept_and_changes_with_any_of_them():
    """The key of the rules' sources a warm-up asks the patterns cache about reads each pattern in the UTF-8 the rule
    keeps (``CompiledRule.compiled_utf8``): the same key as its text encoded again, which decoding and encoding the
    shipped rules' 1.5 million characters made 11 ms of every batch's serial start; one character more changes it."""
    import zlib

    from planparse.rules import load_rule_set
    from planparse.worker_preload import _rules_key

    rule_set = load_rule_set()
    texts = 0
    for rule in rule_set.rules:
        for source in (rule.compiled_source, *rule.prefilter.tests, *rule.prefilter.after_lead, *chain(*rule.prefilter.branches),
                       rule.rule.needs or ""):
            texts = zlib.crc32((source if isinstance(source, str) else source.pattern).encode("utf-8", "surrogatepass") + b"\0", texts)
    assert _rules_key(rule_set) == f"{len(rule_set.rules)}-{texts:08x}"
    last = rule_set.rules[-1]
    kept = last.compiled_utf8
    try:
        last.compiled_utf8 = kept + b"x"
        assert _rules_key(rule_set) != f"{len(rule_set.rules)}-{texts:08x}"
    finally:
        last.compiled_utf8 = kept


_WORKER_BUILDS = """import importlib, sys
from pathlib import Path
from planparse import models, patterns
from planparse.batch import Job, convert
from planparse.documents import FIRST_USE_LIBRARIES
from planparse.worker_preload import warm_up
samples = [Path(name) for name in sys.argv[1:]]
warm_up(None)
for suffix in {sample.suffix for sample in samples}:
    for name in FIRST_USE_LIBRARIES[suffix] if suffix in FIRST_USE_LIBRARIES else ():
        importlib.import_module(name)
modules, compiled = set(sys.modules), []
regex_compile, python_compile = patterns._compiled_now, patterns._python_compiled_code
patterns._compiled_now = lambda source: compiled.append(source) or regex_compile(source)
patterns._python_compiled_code = lambda source, flags: compiled.append(source) or python_compile(source, flags)
def every_model(model):
    return [model] + [each for sub in model.__subclasses__() for each in every_model(sub)]
unbuilt = {model for model in every_model(models.Model) if not model.__pydantic_complete__}
failures = [convert(Job(sample, sample.name, None, None, "")).failure for sample in samples]
failed = convert(Job(samples[0], samples[0].name, None, None, "", problem="the folder could not be listed")).failure
print(failures, compiled, sorted(name for name in set(sys.modules) - modules if name.startswith("planparse")),
      failed.kind, sorted(model.__name__ for model in unbuilt if model.__pydantic_complete__))
"""


def test_a_worker_forked_after_the_warm_up_compiles_no_pattern_imports_no_module_of_planparse_and_builds_no_model(tmp_path):
    """What a worker compiles, imports or builds at its first document of a kind, every worker of every batch does again
    (a worker never saves the patterns cache): the patterns of titles run into their bodies and of units parted by ； were
    compiled from their source by each, the PDF reader's count of what streams inflate to imported (its patterns with
    it), and pydantic's validators of a web page's information and of the batch's entries built (3.5 M instructions a worker)."""
    samples = [str(SAMPLES / name) for name in ("jieyang-2022.txt", "jieyang-2022.docx", "jieyang-2022.pdf", "web-page-sample.html",
                                                "jinjiang-2022.ofd")]
    environment = {**os.environ, CACHE_DIR_VARIABLE: str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", _WORKER_BUILDS, *samples], capture_output=True, text=True, check=True, env=environment)
    assert done.stdout.split("\n")[0] == f"{[None] * len(samples)} [] [] bad input []"
