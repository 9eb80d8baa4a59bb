"""What the batch's process runs before it forks its first worker (``workers``), so that each starts warm.

A worker would otherwise spend its first document on the patterns, pydantic's validators and the
tagger's tables that a first extraction builds. Here a small plan goes through every stage once,
and what was built is frozen (``gc.freeze``): the collector then never walks it, so forked workers
share those pages instead of copying them. (The rule files were loaded already, to check them.)
The target rules' patterns are compiled when first matched: a worker rebuilds those its documents
reach from the code the patterns cache keeps, which this process makes sure it keeps for every rule.
"""
import gc
import tempfile
import zlib
from itertools import chain
from pathlib import Path

from .models import BatchFailure, Document, ManifestEntry, PageInfo
from .rules import RuleSet

# A plan in miniature: a notice, its period, headings, targets with their indicators (one a name the tagger's dictionary
# lacks: 坪坦) and deadline, an annotation, a title run into its body after a stage's dates, units parted by ；, an
# indicator table whose cell says all or nothing (全覆盖: target_tables' milestone_cell), one typed with spaces between
# its cells (as a word processor's table saved as text: tables' header test), a table of tasks, and a table a blank line
# parts from it under a header of its own (tables' test of a header by its words alone), one of its names closing with
# its unit in brackets, its 单位 cell empty (tables' unit_in_name).
# What a plan first reaches here a worker forked after it never builds: the patterns compiled then (a worker never
# saves them for the next batch: each compiled them again), the tagger's model of unknown words, pydantic's validators.
WARM_UP_PLAN = """某市人民政府关于印发某市科普行动方案（2022—2025年）的通知
某府〔2022〕1号
一、总体目标
到2025年，全市公民具备科学素质的比例超过15%，每年培训科技辅导员250名。（责任单位：市科协、市教育局）
指标名称\t单位\t2025年
科普基地\t个\t10
乡镇科普站\t—\t全覆盖
指标 单位 2025年
科技馆 座 2
二、重点任务
（一）加强科学教育。建成科普基地（含流动科普站）10个，建成坪坦镇科普站3个。
（二）动员部署阶段（2022年6月—7月）各地要组织开展科普活动。牵头单位：市科协；配合单位：市教育局。
重点任务\t牵头单位\t配合单位
加强科学教育\t市教育局\t市科协

序号\t指标名称\t单位\t2025年
1\t科普场馆\t座\t5
2\t科普讲解员（名）\t\t50
"""


# The models a worker builds that the miniature plan's extraction and export do not: a web page's or a PDF's page
# information, and the batch's own entry of a document converted or failed. A model's validator is built at its first
# use (models.Model's defer_build): in a worker, it was built again for every worker of every batch.
WORKER_MODELS = (PageInfo, ManifestEntry, BatchFailure)


def warm_up(rules_dir: Path | None) -> None:
    """Extract and export the miniature plan with the collector off, then freeze what was built.

    Collecting as the heap grows walks it again and again to free the little that frozen
    objects leave: the garbage is frozen with them, a small price.
    """
    from . import pipeline
    from .exporters import OutputFormat, export
    from .exporters.csv import CSV_TABLES

    collecting = gc.isenabled()
    gc.disable()
    try:
        document = _miniature_plan(rules_dir)
        _keep_every_rule(pipeline.load_rules(rules_dir))
        if document is not None:
            export(document, OutputFormat.json)
            for table in CSV_TABLES:
                export(document, OutputFormat.csv, table)
        for model in WORKER_MODELS:
            model.model_rebuild()
        gc.freeze()
    finally:  # a warm-up that fails (a broken rules folder) leaves the batch collecting as before
        if collecting:
            gc.enable()


def _keep_every_rule(rule_set: RuleSet) -> None:
    """Every rule's pattern and pre-filter tests compiled where the patterns cache does not keep all of them (a first
    batch, rules changed), and its code kept: a worker, which ends without saving the cache, would compile those its
    documents reach from their source in every batch. Where the cache keeps them all, each worker rebuilds only those
    its documents reach, on its own core: rebuilding every rule's here, before any worker forked, was a third of a
    batch's start (165 ms), where the workers of a folder of samples reach fewer than half of them."""
    from . import patterns

    rules = _rules_key(rule_set)
    if not patterns.keeps_every_rule(rules):
        rule_set.compile_all()
        patterns.asked_for_every_rule(rules)  # the cache keeps room for them all, past the saves of processes asking fewer


def _rules_key(rule_set: RuleSet) -> str:
    """A key of the sources of every rule's pattern, pre-filter tests and need, which a change of the rule files or of
    the code that expands them changes: a checksum, since a wrong answer only has workers compile what they reach."""
    key = 0
    for rule in rule_set.rules:
        key = zlib.crc32(_END, zlib.crc32(rule.compiled_utf8, key))  # the pattern's text in UTF-8 as the rule keeps it
        for source in (*rule.prefilter.tests, *rule.prefilter.after_lead, *chain(*rule.prefilter.branches), rule.rule.needs or ""):
            key = zlib.crc32((source if isinstance(source, str) else source.pattern).encode("utf-8", "surrogatepass") + _END, key)
    return f"{len(rule_set.rules)}-{key:08x}"


_END = b"\0"  # closes each source in the key: no two lists of sources run together into the same bytes


def _miniature_plan(rules_dir: Path | None) -> Document | None:
    """The miniature plan extracted from a temporary file; None where none can be written (a full disk, the file
    size limit): the workers start cold, where the command ended in an internal error (OSError) before any plan."""
    from . import pipeline

    try:
        with tempfile.TemporaryDirectory() as folder:
            plan = Path(folder) / "plan.txt"
            plan.write_text(WARM_UP_PLAN, encoding="utf-8")
            return pipeline.extract(plan, rules_dir)
    except OSError:
        return None
