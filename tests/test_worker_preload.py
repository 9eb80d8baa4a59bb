"""batch's fork server warms every stage once: its miniature plan must reach every stage."""
from __future__ import annotations

import subprocess
import sys

from conftest import write_plan

from planparse.pipeline import extract
from planparse.worker_preload import WARM_UP_PLAN


def test_the_warm_up_plan_goes_through_every_stage(tmp_path):
    document = extract(write_plan(tmp_path, WARM_UP_PLAN))
    assert document.metadata.doc_number and document.sections
    assert any(target.indicator and target.deadline for target in document.targets)
    assert document.responsibilities and document.tables


def test_the_preloaded_server_holds_the_readers_and_freezes_what_it_built():
    probe = "import gc, sys\nimport planparse.worker_preload\nprint(gc.get_freeze_count() > 0, 'pypdfium2' in sys.modules, 'docx' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True", "True"]
