"""Loaded once by ``batch``'s fork server, so every worker forked from it starts warm.

A worker would otherwise spend its first document on imports, rule files,
patterns, pydantic's validators and the tagger's tables. Here a small plan
goes through every stage once, the readers of every format are imported, and
what was built is frozen (``gc.freeze``): the collector then never walks it,
so forked workers share those pages instead of copying them.

Each worker also runs, as it starts, what multiprocessing prepares for it:
the batch module its tasks name, the pool's queues, and the command's own
script (``planparse``, as ``__mp_main__``), which imports ``planparse.cli``.
Imported here, each is there already.
"""
import gc
import importlib
import tempfile
from pathlib import Path

# What a worker touches beyond the pipeline: the command's script (``planparse.cli``, first: it tells
# pydantic that no plugin is to be looked for), the batch module its tasks name (with the pool's
# queues, and the pipeline), and the readers of every format.
WORKER_MODULES = ("planparse.cli", "planparse.batch", "planparse.readers.docx", "planparse.readers.html", "planparse.readers.pdf")

# A plan in miniature: a notice, headings, a target with its indicator and deadline, an annotation, a table.
WARM_UP_PLAN = """某市人民政府关于印发某市科普行动方案的通知
某府〔2022〕1号
一、总体目标
到2025年，全市公民具备科学素质的比例超过15%，每年培训科技辅导员250名。（责任单位：市科协、市教育局）
二、重点任务
（一）加强科学教育。建成科普基地10个。
重点任务\t牵头单位\t配合单位
加强科学教育\t市教育局\t市科协
"""


def warm_up() -> None:
    from . import pipeline
    from .exporters import OutputFormat, export
    from .exporters.csv import CSV_TABLES

    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "plan.txt"
        plan.write_text(WARM_UP_PLAN, encoding="utf-8")
        document = pipeline.extract(plan)
    export(document, OutputFormat.json)
    for table in CSV_TABLES:
        export(document, OutputFormat.csv, table)


def preload() -> None:
    """Import and warm with the collector off, then freeze what was built.

    Collecting as the heap grows walks it again and again (about a tenth of the
    load, on the fork server's way to the first document) to free the little
    that frozen objects leave: the garbage is frozen with them, a small price.
    """
    collecting = gc.isenabled()
    gc.disable()
    for name in WORKER_MODULES:
        importlib.import_module(name)
    warm_up()
    gc.freeze()
    if collecting:
        gc.enable()


preload()
