"""Makes the copies of four unseen plans as people have them: ``python make_copies.py`` (soffice on the PATH).

huayang-….docx: the plan in Word, its 重点任务清单 a real table (python-docx, then saved again by LibreOffice as Word
saves it); zean-….web.txt: the plan as a crawler keeps a county site's page, on one line between the site's menu and
footer; hechuan-….tw.txt: the plan in Taiwan's forms and words (OpenCC s2twp: 信息 becomes 資訊), with its answer's
quotes converted alike (hechuan-….tw.targets.json); liuxi-….pdf: the plan printed to PDF from Word by LibreOffice.
"""
from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

import docx
import opencc

HERE = Path(__file__).resolve().parent
UNSEEN = HERE.parent
SITE_TOP = ("首页 政务公开 政策文件 规划计划 互动交流 您当前的位置：首页 > 政务公开 > 规划计划 发布时间：2022-04-20 09:30 "
            "来源：县妇儿工委办 浏览次数：1263 【字体：大 中 小】 ")
SITE_FOOT = (" 【打印本页】 【关闭窗口】 相关链接 泽安县“十四五”卫生健康规划 泽安县儿童发展规划（2021—2030年） "
             "主办单位：泽安县人民政府办公室 承办单位：泽安县大数据中心 网站标识码：4331270001 湘ICP备12003456号 联系电话：0743-5221001")


def plan_lines(stem: str) -> list[str]:
    return (UNSEEN / f"{stem}.txt").read_text(encoding="utf-8").splitlines()


def word_copy(stem: str, printed: bool = False) -> None:
    """The plan as a Word file, or (``printed``) as the PDF Word prints of it."""
    lines = plan_lines(stem)
    rows = [line.split("\t") for line in lines if "\t" in line]
    document = docx.Document()
    for line in lines:
        if line.strip() and "\t" not in line:
            document.add_paragraph(line)
        elif rows and line.split("\t") == rows[0]:  # the table where its header stood
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for cells, row in zip(table.rows, rows):
                for cell, text in zip(cells.cells, row):
                    cell.text = text
    with tempfile.TemporaryDirectory() as folder:
        document.save(Path(folder) / f"{stem}.docx")
        kind = "pdf" if printed else "docx:MS Word 2007 XML"
        subprocess.run(["soffice", "--headless", "--convert-to", kind, "--outdir", str(HERE), str(Path(folder) / f"{stem}.docx")],
                       check=True, capture_output=True)


def web_copy(stem: str) -> None:
    (HERE / f"{stem}.web.txt").write_text(SITE_TOP + "".join(plan_lines(stem)) + SITE_FOOT + "\n", encoding="utf-8")


def taiwan_copy(stem: str) -> None:
    convert = opencc.OpenCC("s2twp").convert
    (HERE / f"{stem}.tw.txt").write_text(convert((UNSEEN / f"{stem}.txt").read_text(encoding="utf-8")), encoding="utf-8")
    answer = json.loads((UNSEEN / f"{stem}.targets.json").read_text(encoding="utf-8"))
    for target in answer["targets"]:
        target["quote"] = convert(target["quote"])
    (HERE / f"{stem}.tw.targets.json").write_text(json.dumps(answer, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    word_copy("huayang-daqi-wuran-fangzhi-2024")
    web_copy("zean-funv-fazhan-guihua-2021")
    taiwan_copy("hechuan-dongwu-fangyi-2024")
    word_copy("liuxi-gonggong-wenhua-2024", printed=True)
