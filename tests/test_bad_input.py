"""Bad input through the real command: one line on stderr, exit code 2, no output file."""
from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest
from conftest import DATA, SAMPLES, run_planparse, word_95_document

BROKEN = DATA / "broken"
EXIT_ERROR = 2


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        pytest.param(BROKEN / "no-such-plan.txt", "no such file", id="missing"),
        pytest.param(BROKEN, "is a directory", id="directory"),
        pytest.param(BROKEN / "empty.txt", "the file is empty", id="empty"),
        pytest.param(BROKEN / "binary.txt", "an image (PNG), not a document", id="png-as-txt"),
        pytest.param(BROKEN / "truncated.docx", "not a valid DOCX file", id="truncated-docx"),
        pytest.param(BROKEN / "truncated.pdf", "not a valid PDF file", id="truncated-pdf"),
        pytest.param(BROKEN / "no-pages.pdf", "the PDF has no pages", id="no-pages-pdf"),
        pytest.param(BROKEN / "encrypted.pdf", "encrypted (password-protected)", id="encrypted-pdf"),
        # it was "not a valid ODT file (content.xml is damaged)": LibreOffice encrypts the parts, the manifest says so
        pytest.param(BROKEN / "encrypted.odt", "the document is protected by a password (an encrypted ODT)", id="encrypted-odt"),
        pytest.param(BROKEN / "scanned.pdf", "no text layer (scanned images); OCR is needed", id="image-only-pdf"),
    ],
)
def test_bad_input_gives_one_line_and_exit_code_2(path: Path, problem: str, tmp_path: Path):
    output = tmp_path / "out.json"
    run = run_planparse("extract", str(path), "--output", str(output))
    assert run.returncode == EXIT_ERROR
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    assert run.stderr.startswith(f"planparse: {path}: ") and problem in run.stderr
    assert list(tmp_path.iterdir()) == []  # no output file, not even a partial one


@pytest.mark.parametrize("read_before", ["encrypted.pdf", "truncated.pdf"])
def test_a_pdf_with_no_pages_read_after_another_bad_pdf_is_named_for_its_own_problem(read_before: str, tmp_path: Path):
    """One batch worker reads both: PDFium's last error, which pypdfium2 took for the reason a document has no
    page, was still the earlier file's (the PDF with no pages was "encrypted", or "not a valid PDF")."""
    shutil.copy(BROKEN / read_before, tmp_path / f"a-{read_before}")
    shutil.copy(BROKEN / "no-pages.pdf", tmp_path / "b-no-pages.pdf")
    run = run_planparse("batch", str(tmp_path), "-o", str(tmp_path / "out"), "--jobs", "1", "-q")
    errors = {failure["file"]: failure["message"] for failure in json.loads((tmp_path / "out" / "errors.json").read_text(encoding="utf-8"))}
    assert run.returncode == 1 and errors["b-no-pages.pdf"] == "the PDF has no pages"


def test_an_output_path_that_cannot_be_written_gives_one_line(tmp_path: Path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    output = blocker / "out.json"
    run = run_planparse("extract", str(DATA / "extra" / "yaopin-caigou-2019.txt"), "--output", str(output))
    assert run.returncode == EXIT_ERROR
    assert run.stderr.startswith(f"planparse: {output}: cannot write output") and run.stderr.count("\n") == 1


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="no /proc")
def test_an_output_in_a_folder_that_takes_no_new_files_names_the_folder(tmp_path: Path):
    """/proc is there but makes no file: it said "No such file or directory", as if the folder were missing."""
    run = run_planparse("extract", str(SAMPLES / "jinjiang-2022.txt"), "-o", "/proc/plan.json")
    assert (run.returncode, run.stdout) == (EXIT_ERROR, "")
    assert run.stderr == "planparse: /proc/plan.json: cannot write output (no new file can be made in /proc)\n"


def test_a_rules_folder_that_fails_to_load_is_not_left_in_force_for_the_next_extraction(tmp_path: Path):
    """A program (or a test) extracting with a user's broken rule folder, then with the shipped rules:
    the second extraction reads the shipped rules, not the broken folder's error again."""
    from planparse.errors import PlanparseError
    from planparse.pipeline import extract
    from planparse.targets import targets_in_text

    broken = tmp_path / "rules"
    broken.mkdir()
    (broken / "targets.yaml").write_text("rules: [", encoding="utf-8")
    plan = tmp_path / "plan.txt"
    plan.write_text("一、目标\n到2025年，建成科普基地10个。\n", encoding="utf-8")
    with pytest.raises(PlanparseError, match="invalid YAML"):
        extract(plan, broken)
    assert [target.value for target in targets_in_text("到2025年，全市新增公共停车泊位500个。")] == [500]


# click's own checks name a file or a value a user typed: a byte of it that is not UTF-8 is shown as
# planparse's own messages show it (\xff), never as � (lost) or as Python's \udcff.
@pytest.mark.parametrize(
    ("args", "shown"),
    [
        pytest.param([b"extract", b"plan.txt", b"--rules", b"rules\xff"], "'rules\\xff' does not exist", id="missing-rules-folder"),
        pytest.param([b"extract", b"plan.txt", b"--rules", b"file\xff"], "'file\\xff' is a file", id="rules-folder-a-file"),
        pytest.param([b"extract", b"plan.txt", b"-o", b"folder\xff"], "'folder\\xff' is a directory", id="output-a-folder"),
        pytest.param([b"batch", b"file\xff", b"-o", b"out"], "'file\\xff' is a file", id="batch-input-a-file"),
        pytest.param([b"extract", b"plan.txt", b"--format", b"csv\xff"], "'csv\\xff' is not one of", id="choice"),
        pytest.param([b"batch", b".", b"-o", b"out", b"--jobs", b"2\xff"], "'2\\xff' is not a valid integer", id="number"),
        pytest.param([b"extract", b"plan.txt", b"--table\xff"], "'--table\\xff'", id="option"),
        pytest.param([b"extract\xff", b"plan.txt"], "'extract\\xff'", id="command"),
    ],
)
def test_click_names_a_value_that_is_not_utf8_byte_by_byte(args: list[bytes], shown: str, tmp_path: Path):
    (tmp_path / "plan.txt").write_text("一、总体要求\n到2025年，全市建成科普基地10个。\n", encoding="utf-8")
    (tmp_path / "rules").mkdir()
    (tmp_path / os.fsdecode(b"file\xff")).write_text("a file", encoding="utf-8")
    (tmp_path / os.fsdecode(b"folder\xff")).mkdir()
    run = run_planparse(*args, cwd=tmp_path, text=False)
    message = run.stderr.decode("utf-8")
    assert run.returncode == EXIT_ERROR and message.count("\n") == 1 and message.startswith("planparse")
    assert shown in message  # it was: 'rules�' or '\udcffcsv'


# A name holding a newline or a terminal's escape sequence is shown as bash quotes it: a newline made a space of
# (two names, one message), an escape sequence reached the terminal and recoloured it.
@pytest.mark.parametrize(("name", "shown"), [
    pytest.param("empty\nplan.txt", "$'empty\\nplan.txt'", id="newline"),
    pytest.param("\x1b[31mplan.txt", "$'\\x1b[31mplan.txt'", id="escape-sequence"),
    pytest.param("tab\tand 'quote'.txt", "$'tab\\tand \\'quote\\'.txt'", id="tab-and-quotes"),
    # a right-to-left override shows plan\u202efdp.txt as plantxt.pdf
    pytest.param("plan\u202efdp.txt", "$'plan\\xe2\\x80\\xaefdp.txt'", id="right-to-left-override"),
    # a line separator was made a space with the message's white space: a\u2028b.txt named as a b.txt, another file
    pytest.param("plan\u2028two.txt", "$'plan\\xe2\\x80\\xa8two.txt'", id="line-separator"),
])
def test_a_file_name_with_control_characters_is_shown_quoted_as_the_shell_quotes_it(name: str, shown: str, tmp_path: Path):
    (tmp_path / name).write_bytes(b"")
    run = run_planparse("extract", name, cwd=tmp_path)
    assert run.returncode == EXIT_ERROR and run.stderr == f"planparse: {shown}: the file is empty\n"
    batch = run_planparse("batch", ".", "-o", "../out", cwd=tmp_path)
    assert batch.returncode == 1 and "\x1b" not in batch.stderr
    assert f"[1/1] {shown}: FAILED (bad input): the file is empty\n" in batch.stderr


# A plan's name in GB18030 bytes (a folder copied from a Chinese Windows machine: not UTF-8) or holding a newline.
_ODD_NAMES = [os.fsdecode("计划.txt".encode("gb18030")), "new\nline.txt", "-dash.txt"]


@pytest.mark.parametrize(("command", "fmt"), [("compare", "csv"), ("compare", "markdown"), ("compare", "json"), ("report", None),
                                              ("diff", "text"), ("diff", "markdown"), ("diff", "json")])
def test_plans_with_names_not_utf8_or_holding_a_newline_are_compared_and_named_in_every_output(planparse, command: str, fmt: str | None,
                                                                                              tmp_path: Path):
    """compare --format json or markdown, report and diff --format json of a plan named in GB18030 ended in an
    internal error (UnicodeEncodeError: surrogates not allowed); diff's text named a\nb.txt over two lines."""
    for name in _ODD_NAMES:
        shutil.copy(SAMPLES / "jieyang-2022.txt", tmp_path / name)
    names = _ODD_NAMES[:2] if command == "diff" else _ODD_NAMES
    run = planparse(command, *(["--format", fmt] if fmt else []), "--", *names, cwd=tmp_path)
    assert run.code == 0 and run.stderr == ""
    if fmt == "json" and command == "compare":
        assert [os.fsencode(plan["file"]) for plan in json.loads(run.stdout)["plans"]] == list(map(os.fsencode, _ODD_NAMES))
    elif fmt == "json":
        assert [os.fsencode(json.loads(run.stdout)[side]) for side in ("old", "new")] == list(map(os.fsencode, names))
    else:
        shown = "\\\\xbcƻ\\\\xae" if fmt == "markdown" else "\\xbcƻ\\xae"  # Markdown escapes a backslash
        assert shown in run.stdout and "\udcbc" not in run.stdout
    if command == "diff" and fmt == "text":
        assert run.stdout.splitlines()[0] == "\\xbcƻ\\xae.txt → $'new\\nline.txt'"


def test_github_annotations_name_plans_not_utf8_or_holding_control_characters_as_their_bytes(planparse, tmp_path: Path):
    """diff --format github wrote a file's name as it is: a name not UTF-8 ended in an internal error (surrogates not
    allowed), an escape sequence reached the terminal, or was cut out with the colours when piped (d2/b.txt)."""
    names = [*_ODD_NAMES[:2], "\x1b[2Jclear.txt", "plan\u202efdp.txt"]
    for side, value in (("old", "250名"), ("new", "300名")):
        (tmp_path / side).mkdir()
        for name in names:
            (tmp_path / side / name).write_text(f"一、主要目标\n到2025年，每年培训科技辅导员{value}。\n", encoding="utf-8")
    run = planparse("diff", "old", "new", "--format", "github", cwd=tmp_path)
    files = sorted(line.split(",")[0] for line in run.stdout.splitlines())
    assert run.code == 1 and files == sorted(["::warning file=new/\\xbcƻ\\xae.txt", "::warning file=new/new%0Aline.txt",
                                              "::warning file=new/\\x1b[2Jclear.txt", "::warning file=new/plan\\xe2\\x80\\xaefdp.txt"])


@pytest.mark.parametrize(("name", "given", "word"), [
    ("关于印发 方案的通知.doc", "关于印发 方案的通知.doc", "'关于印发 方案的通知.doc'"),  # it was cut at the space
    ("-方案.doc", "./-方案.doc", "'./-方案.doc'"),  # it was -方案.doc, an option to soffice
], ids=["space", "leading-dash"])
def test_a_word_95_file_is_named_in_the_conversion_command_as_a_shell_reads_it(name: str, given: str, word: str, tmp_path: Path):
    word_95_document(tmp_path / name)
    run = run_planparse("extract", given, cwd=tmp_path)
    assert run.returncode == EXIT_ERROR
    assert run.stderr.endswith(f": soffice --headless --convert-to docx {word}\n")


@pytest.mark.parametrize("name", ["plans.txt", "plans.zip", "plans", "plans.docx"])
@pytest.mark.parametrize("member", ["plan.txt", "jiaoyu-zhibiao.docx"])
def test_a_zip_archive_that_is_no_docx_is_named_as_such(name: str, member: str, tmp_path: Path):
    """It was refused as a DOCX damaged ("not a valid DOCX file (truncated or corrupt)"), and so was one named .docx (no
    package: it holds no [Content_Types].xml) holding a plan's text or its DOCX zipped again."""
    import zipfile

    held = "一、总体要求\n到2025年，全市建成科普基地10个。\n".encode() if member == "plan.txt" else (DATA / "typed" / member).read_bytes()
    with zipfile.ZipFile(tmp_path / name, "w") as archive:
        archive.writestr(member, held)
    run = run_planparse("extract", name, cwd=tmp_path)
    assert run.returncode == EXIT_ERROR and run.stderr == (
        f"planparse: {name}: a ZIP archive, not a document (it holds no word/document.xml nor content.xml); unpack it and give planparse the documents in it\n")


@pytest.mark.parametrize("name, head, form", [
    ("扫描件.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG"), ("实施方案.pdf", b"\xff\xd8\xff\xe1\x00\x18Exif\x00\x00", "JPEG"),
    ("附件1.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"), ("plan.txt", b"II*\x00\x08\x00\x00\x00", "TIFF"),
    ("scan.docx", b"GIF89a\x01\x00\x01\x00", "GIF"), ("page.webp", b"RIFF\x24\x00\x00\x00WEBPVP8 ", "WebP")])
def test_an_image_of_a_plan_is_refused_as_the_image_it_is_whatever_its_name(name: str, head: bytes, form: str, tmp_path: Path):
    """A plan scanned or photographed and saved as an image (a site's 扫描件.jpg, or named .pdf) was refused as "not a text
    file (binary content)", or named .pdf as "not a PDF file (no %PDF header)": neither says that OCR is needed, as a
    scanned PDF's line does. Bytes of no image stay binary content."""
    (tmp_path / name).write_bytes(head + bytes(range(256)) * 4)
    (tmp_path / "binary.txt").write_bytes(b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)  # a PNG's bytes after its signature
    run, binary = (run_planparse("extract", file, cwd=tmp_path) for file in (name, "binary.txt"))
    assert (run.returncode, run.stdout) == (EXIT_ERROR, "") and run.stderr == (
        f"planparse: {name}: an image ({form}), not a document: a scan or a photo of a plan has no text; OCR is needed\n")
    assert (binary.returncode, binary.stderr) == (EXIT_ERROR, "planparse: binary.txt: not a text file (binary content)\n")


@pytest.mark.parametrize("name", ["附件1：实施方案.docx", "plan.pdf"])
@pytest.mark.parametrize("text", ["404 Not Found\n", "某县教育发展实施方案\n一、主要目标\n到2025年，新建学校12所。\n"], ids=["a-site-s-error", "a-plan-s-text"])
def test_a_text_named_docx_or_pdf_is_refused_as_the_text_it_is(name: str, text: str, tmp_path: Path):
    """It was "not a valid DOCX file (truncated or corrupt)", as if a DOCX were damaged, and "not a PDF file (no %PDF header)"."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    run = run_planparse("extract", name, cwd=tmp_path)
    form = name.rpartition(".")[2].upper()
    assert (run.returncode, run.stdout) == (EXIT_ERROR, "") and run.stderr == (
        f"planparse: {name}: a text file, not a {form} file; name it .txt to read it as text\n")


def test_a_docx_saved_under_another_name_is_read_as_a_docx(tmp_path: Path):
    shutil.copy(SAMPLES / "jieyang-2022.docx", tmp_path / "plan.txt")
    run = run_planparse("extract", "plan.txt", cwd=tmp_path)
    assert run.returncode == 0, run.stderr


def _extract_to_standard_output(preexec: Callable[[], None], output: int | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "planparse", "extract", str(SAMPLES / "jieyang-2022.txt")],
                          stdout=output, stderr=subprocess.PIPE, text=True, timeout=600, preexec_fn=preexec)  # a guard against a hang only


def test_standard_output_cut_short_by_the_file_size_limit_is_an_error(tmp_path: Path):
    """Python's stdout reports a write that the file size limit (ulimit -f) cut short as done: the
    command exited 0 with 10 KB of its 70 KB written."""
    limit = 10_000
    with (tmp_path / "out.json").open("wb") as output:
        run = _extract_to_standard_output(lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)), output.fileno())
    assert run.returncode == EXIT_ERROR and run.stderr == "planparse: <stdout>: cannot write output (File too large)\n"
    assert (tmp_path / "out.json").stat().st_size == limit


_TWO_PLANS = [str(SAMPLES / "jieyang-2022.txt"), str(SAMPLES / "jinjiang-2022.txt")]
_WRITING_STANDARD_OUTPUT = {
    "extract": ["extract", _TWO_PLANS[0]], "explain": ["explain", _TWO_PLANS[0]], "compare": ["compare", *_TWO_PLANS],
    "report": ["report", _TWO_PLANS[0]], "diff": ["diff", *_TWO_PLANS], "schema": ["schema"], "rules-list": ["rules", "list"],
    "help": ["--help"], "version": ["--version"], "extract-help": ["extract", "--help"],
}
_WRITING_MORE_THAN_A_LINE = ["explain", "compare", "report", "diff", "schema", "rules-list"]  # extract: above


@pytest.mark.parametrize("arguments", [_WRITING_STANDARD_OUTPUT[command] for command in _WRITING_MORE_THAN_A_LINE], ids=_WRITING_MORE_THAN_A_LINE)
def test_standard_output_cut_short_by_the_file_size_limit_is_an_error_whatever_the_command(arguments: list[str], tmp_path: Path):
    """diff's report and schema's were written in one click.echo, which Python's stdout cut short without a word: 500
    bytes of diff's 3.5 KB written, and exit 1 (differences) as if all were; so with a full disk. compare, report and
    diff ended in an internal error before any plan: the temporary file of their warm-up could not be written."""
    limit = 500
    with (tmp_path / "out").open("wb") as output:
        run = subprocess.run([sys.executable, "-m", "planparse", *arguments], stdout=output, stderr=subprocess.PIPE, text=True, timeout=600,
                             preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)))  # a guard against a hang only
    assert run.returncode == EXIT_ERROR and run.stderr == "planparse: <stdout>: cannot write output (File too large)\n"


@pytest.mark.parametrize("arguments", _WRITING_STANDARD_OUTPUT.values(), ids=_WRITING_STANDARD_OUTPUT)
def test_a_closed_standard_output_is_one_line_whatever_the_command(arguments: list[str]):
    """As `planparse ... >&-`. extract's was an internal error; diff, schema, rules list, --help and --version wrote
    nowhere (click.echo writes nothing without a standard output) and ended 0 or 1, as if they had written."""
    run = subprocess.run([sys.executable, "-m", "planparse", *arguments], stderr=subprocess.PIPE, text=True,
                         timeout=600, preexec_fn=lambda: os.close(1))  # a guard against a hang only
    assert run.returncode == EXIT_ERROR and run.stderr == "planparse: <stdout>: cannot write output (standard output is closed)\n"


def test_a_check_of_the_rules_that_passes_has_nothing_to_say_on_a_closed_standard_output():
    run = subprocess.run([sys.executable, "-m", "planparse", "rules", "check"], stderr=subprocess.PIPE, text=True,
                         timeout=600, preexec_fn=lambda: os.close(1))  # a guard against a hang only
    assert run.returncode == 0 and run.stderr.endswith(" 0 failed (all rule files checked)\n")


_WRITING_INTO_A_PIPE = {**_WRITING_STANDARD_OUTPUT, "extract-to-dev-stdout": ["extract", _TWO_PLANS[0], "-o", "/dev/stdout"],
                       "compare-to-dev-fd-1": ["compare", *_TWO_PLANS, "-o", "/dev/fd/1"]}


@pytest.mark.parametrize("arguments", _WRITING_INTO_A_PIPE.values(), ids=_WRITING_INTO_A_PIPE)
def test_a_reader_that_stops_reading_ends_the_command_silently_as_it_ends_unix_tools(arguments: list[str]):
    """As `planparse extract plan.txt | head`, head gone before the write: it was "planparse: <stdout>: cannot write
    output (Broken pipe)" (or "/dev/stdout: ...") and exit 2, where a shell pipeline expects no word from the writer
    and 141 (128 + SIGPIPE)."""
    reading_end, writing_end = os.pipe()
    os.close(reading_end)
    try:
        run = subprocess.run([sys.executable, "-m", "planparse", *arguments], stdout=writing_end, stderr=subprocess.PIPE,
                             text=True, timeout=600)  # a guard against a hang only
    finally:
        os.close(writing_end)
    assert (run.returncode, run.stderr) == (141, "")


@pytest.mark.parametrize(("command", "option", "value", "problem"), [
    ("batch", "--time-limit", "inf", "inf is not in the range 0<x<=604800."),
    ("batch", "--time-limit", "1e308", "1e+308 is not in the range 0<x<=604800."),
    ("batch", "--time-limit", "nan", "nan is not a number"),
    ("compare", "--threshold", "nan", "nan is not a number"),
    ("report", "--threshold", "NaN", "NaN is not a number"),
])
def test_a_number_option_out_of_what_the_command_can_use_is_one_line(planparse, tmp_path: Path, command: str, option: str, value: str,
                                                                      problem: str):
    """--time-limit inf or 1e308 was an internal error (OverflowError: the wait for a document to overrun is a C int of
    milliseconds); nan passed every range check: --time-limit nan held no limit, --threshold nan matched no names and
    wrote "threshold": null."""
    plans = [str(SAMPLES / "jieyang-2022.txt"), str(SAMPLES / "jinjiang-2022.txt")]
    arguments = [str(SAMPLES), "-o", str(tmp_path / "out")] if command == "batch" else plans
    run = planparse(command, *arguments, option, value)
    assert run.code == EXIT_ERROR and run.stdout == ""
    assert run.stderr == f"planparse {command}: Invalid value for '{option}': {problem} (see planparse {command} --help)\n"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("arguments", [["diff", *_TWO_PLANS], ["diff", *_TWO_PLANS, "--format", "json"], ["schema"], ["rules", "list"],
                                       ["compare", *_TWO_PLANS], ["extract", _TWO_PLANS[0]], ["--help"], ["--version"],
                                       ["batch", "--help"], ["rules", "list", "-h"]],
                         ids=["diff", "diff-json", "schema", "rules-list", "compare", "extract", "help", "version", "batch-help",
                              "rules-list-help"])
def test_a_full_disk_under_standard_output_is_one_line_whatever_the_command(arguments: list[str]):
    """diff's report, schema and rules list are written by click.echo, whose failure was an internal error
    (OSError: [Errno 28] No space left on device), as was --help and --version, which click writes while it reads
    the arguments; extract and compare said which output they could not write."""
    with open("/dev/full", "wb") as full:
        run = subprocess.run([sys.executable, "-m", "planparse", *arguments], stdout=full, stderr=subprocess.PIPE, text=True,
                             timeout=600)  # a guard against a hang only
    assert run.returncode == EXIT_ERROR and run.stderr == "planparse: <stdout>: cannot write output (No space left on device)\n"


@pytest.mark.parametrize("command", ["compare", "report", "diff"])
@pytest.mark.parametrize(("name", "content"), [
    pytest.param("cut.txt.json", None, id="cut-short"),  # a copy stopped, a disk full
    pytest.param("empty.txt.json", b"", id="empty"),
])
def test_a_folder_of_plans_holding_a_json_file_that_is_no_json_is_said_naming_it(command: str, name: str, content: bytes | None,
                                                                                 planparse, tmp_path: Path):
    """It was passed over as no plan: the plan was missing from the comparison, the report or the diff without a word.
    Each says it and goes on with the other plans: compare and report exit 1, diff 2, as diff -r does."""
    folder = tmp_path / "out"
    folder.mkdir()
    whole = folder / "jieyang-2022.txt.json"
    assert planparse("extract", SAMPLES / "jieyang-2022.txt", "-o", whole).code == 0
    broken = folder / name
    broken.write_bytes(whole.read_bytes()[:5_000] if content is None else content)
    output = tmp_path / "comparison.html"
    run = planparse(command, folder, folder) if command == "diff" else planparse(command, folder, "-o", output)
    assert run.code == (EXIT_ERROR if command == "diff" else 1) and output.exists() == (command != "diff")
    assert ("jieyang-2022" in run.stdout) == (command == "diff")  # the plan beside it diffed (compare and report wrote it to -o)
    assert run.stderr.startswith(f"planparse: {broken}: ") and run.stderr.count("\n") == 1
    assert ("the file is empty" if content == b"" else "not a planparse JSON file (") in run.stderr


def test_a_name_from_inside_a_document_reaches_the_message_with_its_control_characters_escaped(planparse, tmp_path: Path):
    """A DOCX's part names, a JSON file's keys are the file's own words: an escape sequence among them reached the
    terminal (recolouring it), a right-to-left override turned the rest of the line around."""
    import zipfile

    plan = tmp_path / "plan.docx"
    with zipfile.ZipFile(SAMPLES / "jieyang-2022.docx") as original, zipfile.ZipFile(plan, "w", zipfile.ZIP_DEFLATED) as hostile:
        for name in original.namelist():
            hostile.writestr(name, original.read(name))
        hostile.writestr("word/\x1b[31mred\u202eimx.xml", b"\0" * (65 * 2**20))  # past the limit of a part
    for run in (planparse("extract", plan), planparse("batch", tmp_path, "-o", tmp_path / "out", "-q")):
        assert "\x1b" not in run.stderr and "\u202e" not in run.stderr
        assert "word/\\x1b[31mred\\xe2\\x80\\xaeimx.xml inflates to 65 MB" in run.stderr


def test_a_plan_or_output_past_the_path_length_limit_is_one_line(tmp_path: Path):
    """It was an internal error (OSError: File name too long), reading the plan and writing the output alike."""
    from test_batch_safety import plan_past_the_path_limit

    plan = plan_past_the_path_limit(tmp_path)
    run = run_planparse("extract", str(plan))
    assert (run.returncode, run.stdout, run.stderr) == (EXIT_ERROR, "", f"planparse: {plan}: cannot be read (File name too long)\n")
    run = run_planparse("extract", str(SAMPLES / "jinjiang-2022.txt"), "-o", f"{plan}.json")
    assert (run.returncode, run.stderr) == (EXIT_ERROR, f"planparse: {plan}.json: cannot write output (File name too long)\n")


@pytest.mark.parametrize(("arguments", "problem"), [
    ([], "planparse: Missing command: batch, compare, diff, explain, extract, report, rules, schema. (see planparse --help)"),
    (["rules"], "planparse rules: Missing command: check, list. (see planparse rules --help)"),
])
def test_a_group_given_no_command_names_the_commands_in_one_line(arguments: list[str], problem: str):
    """click answers with the group's whole help, which was made one line of some 900 characters."""
    run = run_planparse(*arguments)
    assert (run.returncode, run.stdout, run.stderr) == (EXIT_ERROR, "", f"{problem}\n")


def test_a_plan_whose_name_opens_with_a_dash_is_named_in_the_error_with_how_to_give_it(tmp_path: Path):
    """click reads -plan.txt as options (-p, then lan.txt) and said only: No such option '-p'."""
    shutil.copy(SAMPLES / "jinjiang-2022.txt", tmp_path / "-plan.txt")
    run = run_planparse("extract", "-plan.txt", cwd=tmp_path)
    assert (run.returncode, run.stderr) == (EXIT_ERROR, "planparse extract: No such option '-p'. To read the file -plan.txt, give it after -- "
                                                        "or as ./-plan.txt (see planparse extract --help)\n")
    for given in (["--", "-plan.txt"], ["./-plan.txt"]):
        assert json.loads(run_planparse("extract", *given, cwd=tmp_path).stdout)["targets"]
    assert run_planparse("extract", "-x", cwd=tmp_path).stderr == "planparse extract: No such option '-x'. (see planparse extract --help)\n"


@pytest.mark.parametrize(("arguments", "named"), [
    (["batch", "plans", "-o", ""], "'-o' / '--output'"), (["batch", "", "-o", "out"], "'IN_DIR'"),
    (["extract", "plans/water.txt", "-o", ""], "'-o' / '--output'"), (["extract", ""], "'FILE'"),
    (["explain", "plans/health.txt", "-o", ""], "'-o' / '--output'"), (["compare", "plans/water.txt", ""], "'INPUTS...'"),
    (["report", "", "-o", "report.html"], "'INPUTS...'"), (["diff", "", "plans/health.txt"], "'OLD'"),
    (["extract", "plans/water.txt", "--rules", ""], "'--rules'")])
def test_an_empty_name_is_refused_naming_what_it_was_given_for_and_nothing_is_written(arguments: list[str], named: str, tmp_path: Path):
    """pathlib reads "" as the current folder: batch plans -o "$OUT", $OUT unset, wrote its outputs and manifest into the
    folder it ran in, compare "" and report "" read the plans there, diff "" compared them."""
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "water.txt").write_text("某县供水实施方案\n一、主要目标\n到2025年，农村自来水普及率达到92%。\n", encoding="utf-8")
    (tmp_path / "plans" / "health.txt").write_text("某县基层医疗实施方案\n一、主要目标\n到2025年，家庭医生签约服务覆盖率达到75%。\n", encoding="utf-8")
    run = run_planparse(*arguments, cwd=tmp_path)
    command = f"planparse {arguments[0]}"
    assert (run.returncode, run.stdout, run.stderr) == (
        EXIT_ERROR, "", f"{command}: Invalid value for {named}: '' is an empty name: it names no file or folder (see {command} --help)\n")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plans"]
