"""What the target rules and cues do on a folder of unannotated plans (the wild corpus).

    python benchmarks/wild_report.py FOLDER [--sample N] [--json]
    python benchmarks/wild_report.py FOLDER --from-batch OUT   # from a `planparse batch` output instead

Live (the default), every plan of FOLDER is read and explained in this process
(`planparse explain`): how many numbers there are, the share taken as targets,
baselines, rejected by a cue and not read at all; how often each rule read a
candidate and each cue decided one; and a sample of each. With --from-batch the
report is made from the JSON a `planparse batch` run wrote (targets by rule and
by the cue that decided them, when recorded), so an older version's output can be
summarised the same way and compared: run it before a change to the rules and after.
A plan written as both .txt and .html is read once, from the .txt.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import regex

READABLE = (".txt", ".html", ".htm", ".docx", ".pdf")
ARABIC = regex.compile(r"\d+(?:[.,]\d+)*")
DECISIONS = ("target", "baseline", "not_target", "unread")


def plans(folder: Path) -> list[Path]:
    """The plans of ``folder``, one file per stem (the .txt when there is one), in name order."""
    chosen: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in READABLE and (path.stem not in chosen or path.suffix == ".txt"):
            chosen[path.stem] = path
    return [chosen[stem] for stem in sorted(chosen)]


def live_report(folder: Path, sample: int) -> dict:
    from planparse.errors import PlanparseError
    from planparse.explain import explain_document
    from planparse.pipeline import prepare

    decisions: Counter = Counter()
    rules: Counter = Counter()
    cues: Counter = Counter()
    samples: dict[str, list[str]] = defaultdict(list)
    failed = []
    for path in plans(folder):
        try:
            doc = prepare(path)
        except PlanparseError as exc:
            failed.append(f"{path.name}: {exc}")
            continue
        for item in explain_document(doc.outline, doc.rule_set, doc.metadata, tables=doc.tables):
            decisions[item.decision] += 1
            if item.rule:
                rules[item.rule] += 1
            key = f"{item.decision}:{item.cue}" if item.cue else f"unread:{item.reason}"
            cues[key] += 1
            if len(samples[key]) < sample:
                samples[key].append(f"{path.stem[:24]}:{item.line} {item.context}")
    return _report(len(plans(folder)) - len(failed), decisions, rules, cues, samples, failed)


def batch_report(folder: Path, batch: Path, sample: int) -> dict:
    """The same figures from a batch output: numbers counted in the plans' text, targets as the batch wrote them."""
    decisions: Counter = Counter()
    rules: Counter = Counter()
    cues: Counter = Counter()
    samples: dict[str, list[str]] = defaultdict(list)
    failed = []
    for path in plans(folder):
        found = next(iter(sorted(batch.glob(f"{path.stem}.*json"))), None)
        if found is None:
            failed.append(f"{path.name}: no output")
            continue
        targets = json.loads(found.read_text(encoding="utf-8")).get("targets", [])
        numbers = len(ARABIC.findall(path.read_text(encoding="utf-8", errors="replace"))) if path.suffix == ".txt" else 0
        taken = [t for t in targets if t["kind"] != "baseline" and t["value"] is not None]
        baselines = [t for t in targets if t["kind"] == "baseline"]
        decisions["target"] += len(taken)
        decisions["baseline"] += len(baselines)
        decisions["numbers in text"] += numbers
        decisions["milestone"] += sum(1 for t in targets if t["kind"] == "milestone")
        for target in targets:
            rules[target["rule"]] += 1
            decision = "baseline" if target["kind"] == "baseline" else "target"
            key = f"{decision}:{target.get('decided_by', '(not recorded)')}"
            cues[key] += 1
            if len(samples[key]) < sample:
                samples[key].append(f"{path.stem[:24]}:{target['line']} {target['quote']}")
    return _report(len(plans(folder)) - len(failed), decisions, rules, cues, samples, failed)


def _report(documents: int, decisions: Counter, rules: Counter, cues: Counter, samples: dict, failed: list) -> dict:
    total = decisions["numbers in text"] or sum(decisions[d] for d in DECISIONS)  # a batch output has no explain
    shares = {name: round(count / total, 3) if total else 0.0 for name, count in decisions.items()}
    return {"documents": documents, "failed": failed, "decisions": dict(decisions), "shares": shares,
            "rules": dict(rules.most_common()), "cues": dict(cues.most_common()),
            "samples": {key: samples[key] for key, _ in cues.most_common()}}


def print_report(report: dict) -> None:
    print(f"{report['documents']} plans" + (f", {len(report['failed'])} failed" if report["failed"] else ""))
    print("decisions: " + ", ".join(f"{name} {count} ({report['shares'][name]:.1%})" for name, count in report["decisions"].items()))
    print("rules that read candidates:")
    for rule, count in report["rules"].items():
        print(f"  {count:>6}  {rule}")
    print("decided by (decision:cue):")
    for cue, count in report["cues"].items():
        print(f"  {count:>6}  {cue}")
        for line in report["samples"][cue]:
            print(f"            {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--from-batch", type=Path, help="a `planparse batch --format json` output folder of FOLDER")
    parser.add_argument("--sample", type=int, default=3, help="examples shown per cue (default 3)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"wild_report: {args.folder}: not a folder", file=sys.stderr)
        return 2
    report = batch_report(args.folder, args.from_batch, args.sample) if args.from_batch else live_report(args.folder, args.sample)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print_report(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
