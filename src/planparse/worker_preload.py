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
import tempfile
from pathlib import Path

from . import cli  # noqa: F401  (first: it tells pydantic, imported next, that no plugin is to be looked for)
from . import batch, pipeline  # noqa: F401  (batch: imported for the workers)
from .exporters import OutputFormat, export
from .exporters.csv import CSV_TABLES
from .readers import docx, html, pdf  # noqa: F401  (imported for the workers)

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
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "plan.txt"
        plan.write_text(WARM_UP_PLAN, encoding="utf-8")
        document = pipeline.extract(plan)
    export(document, OutputFormat.json)
    for table in CSV_TABLES:
        export(document, OutputFormat.csv, table)


warm_up()
gc.freeze()
