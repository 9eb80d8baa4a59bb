"""Write the Word 97-2003 (.doc) files of this folder: plans as a real writer saves them in Word's binary format.

    .venv/bin/python tests/data/doc/make_doc.py [NAME.doc ...]  # needs LibreOffice (soffice) on the PATH

Each plan is written as a DOCX by samples/make_samples.py (typed markers, or Word's list numbering where named so
below), then saved by LibreOffice as "MS Word 97". The files are committed: LibreOffice writes the time it saved
them, so they are not made again byte for byte, and planparse's tests do not need LibreOffice. Files already here are
kept unless named.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parents[1]
SAMPLES = TESTS.parent / "samples"
# name of the .doc -> the plan's text, and whether its headings are numbered by Word's lists
PLANS = {
    "qingcheng-2021.doc": (SAMPLES / "qingcheng-2021.txt", False),  # science popularisation; a 分工表 merged down
    "bochuan-yanglao-2021.doc": (TESTS / "data/unseen/bochuan-yanglao-fuwu-guihua-2021.txt", False),  # elderly care
    "shiquan-nongcunlu-2023.doc": (TESTS / "data/unseen/shiquan-sihao-nongcunlu-2023.txt", False),  # rural roads
    # headings numbered by Word's lists: 一、（一）1.
    "jieyang-2022.doc": (SAMPLES / "jieyang-2022.txt", True),  # science popularisation
    "linxi-weisheng-2022.doc": (TESTS / "data/unseen/linxi-weisheng-jiankang-guihua-2022.txt", True),  # health
    "heyang-xiaoqu-gaizao-2023.doc": (TESTS / "data/unseen/heyang-laojiu-xiaoqu-gaizao-2023.txt", True),  # housing
}


def main() -> None:
    sys.path.insert(0, str(SAMPLES))
    import make_samples

    with tempfile.TemporaryDirectory() as folder:
        for name, (text, auto_numbered) in PLANS.items():
            if (HERE / name).exists() and name not in sys.argv[1:]:
                continue  # made already: name it to make it again
            docx = Path(folder) / Path(name).with_suffix(".docx")
            docx.write_bytes(make_samples.write_docx(make_samples.seed_blocks(text), auto_numbered))
            subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/profile",
                            "--convert-to", "doc:MS Word 97", "--outdir", str(HERE), str(docx)], check=True)
            print(f"wrote {name}")


if __name__ == "__main__":
    main()
