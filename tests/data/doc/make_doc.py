"""Write the Word 97-2003 (.doc) files of this folder, the OpenDocument (.odt) files of tests/data/odt, and the saved
copies of the texts of tests/data/typed: plans as a real writer saves them in Word's formats and in LibreOffice's own.

    .venv/bin/python tests/data/doc/make_doc.py [NAME.doc|NAME.odt ...]  # needs LibreOffice (soffice) on the PATH

Each plan is written as a DOCX by samples/make_samples.py (typed markers, or Word's list numbering where named so
below; the plan with text boxes as an ODT), then saved by LibreOffice as "MS Word 97", and some as ODT. The files are committed: LibreOffice writes the time it saved
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
# Saved as ODT too: science popularisation (a 分工表 merged down; lists), rural roads (tables of indicators), health (lists)
ODT_SAVED = {"qingcheng-2021.doc", "jieyang-2022.doc", "shiquan-nongcunlu-2023.doc", "linxi-weisheng-2022.doc",
             "tracked-changes.doc"}
# Where each kind is written, and LibreOffice's filter writing it
SAVED_AS = {".doc": (HERE, "doc:MS Word 97"), ".odt": (HERE.parent / "odt", "odt:writer8")}


# A plan edited with changes tracked: paragraphs of runs, each kept, deleted or inserted; a paragraph whose mark is
# deleted runs on into the next when the changes are accepted. Education and health.
TRACKED = {"tracked-changes.doc": [
    [("某县教育卫生事业发展实施方案", "")],
    [("一、工作目标", "")],
    [("到2025年，新建中小学", ""), ("3", "del"), ("5", "ins"), ("所，基层医疗卫生机构达标率达到", ""), ("80%", "del"),
     ("90%", "ins"), ("。", "")],
    [("每年培训乡村医生", ""), ("200人次，", "")],  # its mark deleted: runs on
    [("家庭医生签约服务覆盖率达到", ""), ("60%", "del"), ("65%", "ins"), ("以上。", "")],
]}


def _tracked_docx(paragraphs: list[list[tuple[str, str]]], runs_on: set[int]) -> bytes:
    import io

    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    change = 'w:id="{}" w:author="审核" w:date="2024-03-01T00:00:00Z"'
    document = docx.Document()
    for number, runs in enumerate(paragraphs):
        paragraph = document.add_paragraph()
        if number in runs_on:
            paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:rPr {nsdecls("w")}><w:del {change.format(900 + number)}/></w:rPr>'))
        for i, (text, kind) in enumerate(runs):
            if kind == "del":
                paragraph._p.append(parse_xml(f'<w:del {nsdecls("w")} {change.format(10 * number + i)}><w:r><w:delText>{text}</w:delText></w:r></w:del>'))
            elif kind == "ins":
                paragraph._p.append(parse_xml(f'<w:ins {nsdecls("w")} {change.format(10 * number + i)}><w:r><w:t>{text}</w:t></w:r></w:ins>'))
            else:
                paragraph.add_run(text)
    written = io.BytesIO()
    document.save(written)
    return written.getvalue()


# A plan with text boxes, written as an ODT (a frame anchored in a paragraph: the issuer's red head set in a box, a
# heading in a box after a paragraph): each paragraph's text and the text of the box anchored in it. Health and education.
BOXED = {"text-boxes.doc": [
    ("", "某县卫生健康局 某县教育局文件"),
    ("某卫发〔2024〕3号", None),
    ("关于印发某县基层卫生和学校卫生工作方案的通知", None),
    ("一、基层卫生", None),
    ("到2025年，全县乡镇卫生院达到服务能力基本标准的比例达到90%以上。", "二、学校卫生"),
    ("每所中小学配备1名专职校医，学生体质健康达标率达到92%以上。", None),
]}
_ODF = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')


def _boxed_odt(paragraphs: list[tuple[str, str | None]]) -> bytes:
    import io
    import zipfile

    def box(number: int, text: str) -> str:
        return (f'<draw:frame draw:name="box{number}" text:anchor-type="paragraph" svg:width="15cm" svg:height="2cm">'
                f"<draw:text-box><text:p>{text}</text:p></draw:text-box></draw:frame>")

    body = "".join(f"<text:p>{text}{box(i, boxed) if boxed else ''}</text:p>" for i, (text, boxed) in enumerate(paragraphs))
    written = io.BytesIO()
    with zipfile.ZipFile(written, "w") as odt:
        odt.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        odt.writestr("content.xml", f"<office:document-content {_ODF}><office:body><office:text>{body}"
                                    "</office:text></office:body></office:document-content>")
        odt.writestr("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                     '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                     '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    return written.getvalue()


# Texts with a table typed with tabs (tests/data/typed/*.txt, forestry and education), opened by LibreOffice and saved
# as DOCX, ODT and Word 97: their rows are paragraphs with tabs, no table
TYPED = HERE.parent / "typed"
TYPED_AS = {".docx": "docx:MS Word 2007 XML", ".odt": "odt:writer8", ".doc": "doc:MS Word 97"}


def _save_typed(folder: str) -> None:
    for text in sorted(TYPED.glob("*.txt")):
        for suffix, filter_name in TYPED_AS.items():
            saved = text.with_suffix(suffix)
            if saved.exists() and saved.name not in sys.argv[1:]:
                continue
            subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/profile", "--infilter=Text (encoded):UTF8",
                            "--convert-to", filter_name, "--outdir", str(TYPED), str(text)], check=True)
            print(f"wrote {saved.name}")


def main() -> None:
    sys.path.insert(0, str(SAMPLES))
    import make_samples

    written = {name: lambda text=text, numbered=numbered: make_samples.write_docx(make_samples.seed_blocks(text), numbered)
               for name, (text, numbered) in PLANS.items()}
    written |= {name: lambda paragraphs=paragraphs: _tracked_docx(paragraphs, {3}) for name, paragraphs in TRACKED.items()}
    written |= {name: lambda paragraphs=paragraphs: _boxed_odt(paragraphs) for name, paragraphs in BOXED.items()}
    with tempfile.TemporaryDirectory() as folder:
        for name, write in written.items():
            for saved in [name] + ([str(Path(name).with_suffix(".odt"))] if name in ODT_SAVED else []):
                out, filter_name = SAVED_AS[Path(saved).suffix]
                if (out / saved).exists() and saved not in sys.argv[1:]:
                    continue  # made already: name it to make it again
                source = Path(folder) / Path(name).with_suffix(".odt" if name in BOXED else ".docx")  # what soffice saves from
                source.write_bytes(write())
                subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/profile",
                                "--convert-to", filter_name, "--outdir", str(out), str(source)], check=True)
                print(f"wrote {saved}")
        _save_typed(folder)


if __name__ == "__main__":
    main()
