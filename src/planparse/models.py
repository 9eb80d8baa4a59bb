"""Every data shape planparse passes between stages or writes out.

One module so that the JSON Schema (``planparse schema``) comes from the same
classes the pipeline uses. Field names read by the evaluation are fixed by
``output-contract.md``; everything else is ours.

What is written out (and what a rule file or a JSON file is read into) is a
pydantic model, validated as it is built. The shapes only the pipeline passes
from a reader to normalising (``SourceLine``, ``RawDocument``, ``LineStart``,
``Paragraph``) are plain slotted dataclasses: thousands are built per
document by planparse's own code, and validating each cost about a tenth of the
extraction of a plan.
"""
from __future__ import annotations

import operator
from dataclasses import dataclass, field
from enum import Enum
from typing import Annotated, Any, Iterator, Literal, Optional, TypeVar, Union

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


ModelT = TypeVar("ModelT", bound=Model)


class ReadByChecks:
    """What marks a field of a rule file's model that only the checks read (``Annotated[…, FOR_CHECKS]``): its examples
    and its description, which ``rules check``, ``rules list``, explain and the tests read and extraction never does. A
    process that only extracts reads the rule files' models without them (``rule_files.leave_out_what_checks_read``)."""


FOR_CHECKS = ReadByChecks()


def no_items() -> list:
    """A field's empty list (``Field(default_factory=no_items)``): pydantic reads a default factory's signature as it
    builds a model's validator (those of a plan's output at each start, ``Lexicons.model_construct`` too), and a
    builtin's (``list``) from its text, with Python's parser: 24 fields, a fortieth of an extract's start. A function's
    signature it reads from the function's code."""
    return []


def no_entries() -> dict:
    """A field's empty dict, for the same reason (``no_items``)."""
    return {}


def validated(model: type[ModelT], **fields: Any) -> ModelT:
    """``model(**fields)`` by the model's own validator: the same checks without ``BaseModel.__init__``'s
    Python frame, a third less for the objects built once per paragraph or heading."""
    return model.__pydantic_validator__.validate_python(fields)


DocumentFormat = Literal["txt", "docx", "pdf", "html", "md", "rtf", "doc", "odt", "ofd", "xlsx"]  # the formats readers/ reads


# --- read ------------------------------------------------------------------


@dataclass(slots=True)
class SourceLine:
    """One physical line of the input, as a reader returns it."""

    text: str
    line: int  # 1-based line number in the source (paragraph index for DOCX)
    page: Optional[int] = None  # 1-based page, where the format has pages
    in_table: bool = False  # the line is a table row, its cells joined by tabs
    # What the page layout shows (PDF): the line is indented as a paragraph's first line (True), or sits at
    # the margin under a full line, so continues its paragraph (False); None where it cannot tell.
    opens_paragraph: Optional[bool] = None


class TableData(Model):
    """A table as found in the document: header row plus body rows."""

    header: list[str]
    rows: list[list[str]]
    page: Optional[int] = None
    line: Optional[int] = None


class PageInfo(Model):
    """What a saved web page states about its document outside the article text."""

    page_title: Optional[str] = Field(default=None, description="<meta name=ArticleTitle>")
    published: Optional[str] = Field(default=None, description="the box's 发布日期, else <meta name=PubDate>, as written")
    source: Optional[str] = Field(default=None, description="<meta name=ContentSource>: the issuer, or the site's name")
    title: Optional[str] = Field(default=None, description="the information box's 标题")
    issuer: Optional[str] = Field(default=None, description="its 发文机关 / 【制定机关】")
    doc_number: Optional[str] = Field(default=None, description="its 发文字号 / 【字号】")
    date: Optional[str] = Field(default=None, description="its 成文日期 / 【公布日期】, as written")


class ReadingWarning(Model):
    """A part of a document its reader left out or doubts, the rest read: the output holds less than the file."""

    message: str = Field(description="one line: what and why (the text of pages 15, 17 is garbage, left out …)")


@dataclass(slots=True)
class RawDocument:
    """What a reader hands to normalisation."""

    path: str
    format: DocumentFormat
    sha256: str
    lines: list[SourceLine]
    tables: list[TableData] = field(default_factory=list)
    page: Optional[PageInfo] = None  # a web page's own statements (HTML only)
    warnings: list[ReadingWarning] = field(default_factory=list)


# --- normalise -------------------------------------------------------------


@dataclass(slots=True)
class LineStart:
    """Where a later source line begins inside a paragraph's text."""

    offset: int
    line: int
    page: Optional[int] = None


@dataclass(frozen=True, slots=True)
class Written:
    """A folded text as written: ``text``, and where each offset of the folded text (its end too) falls in it
    (``at``), or None where every fold kept its length and the offsets are the same."""

    text: str
    at: Optional[tuple[int, ...]] = None

    def cut(self, start: int, end: int) -> str:
        """What is written where the folded text reads ``[start:end]``."""
        return self.text[start:end] if self.at is None else self.text[self.at[start]:self.at[end]]

    def part(self, start: int, end: int) -> Written:
        """The folded text's ``[start:end]`` as written, its offsets counted from ``start``."""
        if self.at is None:
            return Written(self.text[start:end])
        first = self.at[start]
        return Written(self.text[first:self.at[end]], tuple(at - first for at in self.at[start:end + 1]))


@dataclass(slots=True, kw_only=True)
class Paragraph:
    """A logical paragraph: wrapped lines rejoined, markup and spaces cleaned."""

    text: str  # the text as the rules read it: compatibility and traditional characters folded (folding.fold)
    written: Optional[str] = None  # the text as written, where it was folded
    # where each offset of ``text`` falls in ``written``, where a word was folded to one of another length (最佳化 优化)
    written_at: Optional[tuple[int, ...]] = None
    line: int  # the source line of its first character
    page: Optional[int] = None
    in_table: bool = False
    continuations: list[LineStart] = field(default_factory=list)  # source lines joined after the first

    @property
    def as_written(self) -> str:
        return self.text if self.written is None else self.written

    def written_part(self, start: int, end: int) -> Written:
        """The text's ``[start:end]`` as written."""
        return Written(self.as_written, self.written_at).part(start, end)

    def position(self, offset: int) -> tuple[int, Optional[int]]:
        """The source line and page of the character at ``offset``."""
        line, page = self.line, self.page
        for start in self.continuations:
            if start.offset > offset:
                break
            line, page = start.line, start.page
        return line, page


# --- structure -------------------------------------------------------------


class HeadingStyle(str, Enum):
    chapter = "chapter"
    section = "section"
    article = "article"
    cn_dun = "cn_dun"
    cn_paren = "cn_paren"
    arabic_dot = "arabic_dot"
    decimal_2 = "decimal_2"  # 1.1
    decimal_3 = "decimal_3"  # 1.1.1
    arabic_paren = "arabic_paren"
    circled = "circled"


class Section(Model):
    """A numbered heading and what it holds."""

    id: str = Field(description="path of numbers from the top, e.g. 3.1.4")
    level: int = Field(description="depth in the tree, 1 = top")
    style: HeadingStyle
    number: int
    marker: str = Field(description="the marker as written, e.g. （一）")
    title: str
    body: str = Field(default="", description="text after the title on the heading line and in the paragraphs below it, before the next heading")
    line: int
    page: Optional[int] = None
    children: list["Section"] = Field(default_factory=no_items)


def walk_sections(sections: list[Section]) -> Iterator[Section]:
    """Every section of a tree, each before its children (document order)."""
    for section in sections:
        yield section
        yield from walk_sections(section.children)


# --- extract ---------------------------------------------------------------


Comparator = Literal[">", ">=", "<", "<=", "=", "~", "range"]
Frequency = Literal["annual", "quarterly", "monthly"]
# The direction of a target that is a change, not a level: 下降8%, 年均增长15%, 提高5个百分点
Change = Literal["increase", "decrease"]
TargetKind = Literal["percentage", "count", "money", "milestone", "baseline"]
# A user's rule file may add kinds of its own (say "energy"); the default rules
# only give the contract's kinds above.
CustomKind = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
TargetKindName = Union[TargetKind, CustomKind]


TimeAnchor = Literal["past", "future", "none"]
Decision = Literal["target", "baseline", "not_target", "unread"]
DEFAULT_DECISION = "default"


class Target(Model):
    id: str = Field(description="stable id from section path, indicator and unit")
    text: str = Field(description="the sentence or clause that holds the target")
    quote: str = Field(description="the matched span")
    value: Optional[Union[int, float]] = Field(default=None, description="in base units: 0.6万名 -> 6000")
    value_max: Optional[Union[int, float]] = Field(default=None, description="upper end of a range")
    unit: Optional[str] = None
    comparator: Comparator = "="
    deadline: Optional[int] = None
    frequency: Optional[Frequency] = None
    change: Optional[Change] = Field(default=None, description="a change, not a level: increase (年均增长15%, 提高5个百分点), "
                                     "decrease (较2023年下降8%); null for a level (提高到95%, 控制在9%以内)")
    kind: TargetKindName
    indicator: Optional[str] = Field(default=None, description="the thing counted or measured")
    section: Optional[str] = Field(default=None, description="id of the innermost section")
    headings: list[str] = Field(default_factory=no_items, description="titles of the headings above, outermost first")
    rule: str = Field(description="id of the rule that read it")
    decided_by: str = Field(default=DEFAULT_DECISION, description="id of the cue that decided target or baseline "
                            "(`default`: a reading no cue objects to is a target)")
    time_anchor: TimeAnchor = Field(default="none", description="when its clause speaks of: past (a baseline), "
                                    "future (a deadline or a future word), none")
    recurrence: Optional[str] = Field(default=None, description="ISO 8601 duration of a repeat (每周 -> P1W, 每两年 -> "
                                      "P2Y); `frequency` keeps the contract's annual/quarterly/monthly")
    review: list[str] = Field(default_factory=no_items, description="why the reading needs a reader's check: a measure word no "
                              "lexicon knows, two readings that compete; empty when the reading is certain")
    line: int
    page: Optional[int] = None


# The fields that make a target's commitment (rule examples assert them, diff compares them);
# text, quote and line may change freely.
COMMITMENT_FIELDS = ("value", "value_max", "unit", "comparator", "deadline", "frequency", "change", "kind")


class NumberDecision(Model):
    """What ``planparse explain`` says of one number (or milestone phrase) of a document."""

    line: int
    text: str = Field(description="the number or phrase as written")
    context: str = Field(description="the words around it")
    decision: Decision
    rule: Optional[str] = Field(default=None, description="the rule that read it; null when none did")
    cue: Optional[str] = Field(default=None, description="the cue that decided; `default` when none objected")
    reason: str = Field(description="why, in words")
    value: Optional[Union[int, float]] = None
    unit: Optional[str] = None
    deadline: Optional[int] = None
    time_anchor: TimeAnchor = "none"


class Period(Model):
    start: int
    end: int
    months: Optional[tuple[int, int]] = Field(
        default=None, exclude_if=operator.not_,
        description="of a plan of two years that gives them, its first month (of `start`) and last (of `end`): a campaign "
                    "across the new year, （2024年11月—2025年3月） → [11, 3], dates a month it names without a year by them "
                    "(12月底前 2024, 3月底前 2025); absent where it gives none")


class Metadata(Model):
    title: Optional[str] = None
    notice_title: Optional[str] = None
    doc_number: Optional[str] = None
    # A joint notice carries one 文号 per issuer (某教发〔2023〕5号 某财教〔2023〕12号): all of them, doc_number first
    doc_numbers: list[str] = Field(default_factory=no_items, description="every 发文字号 the document carries, doc_number first")
    issuer: Optional[str] = None
    recipients: list[str] = Field(default_factory=no_items)
    date: Optional[str] = Field(default=None, description="成文日期, ISO 8601")
    period: Optional[Period] = None
    attachments: list[str] = Field(default_factory=no_items)
    cc: list[str] = Field(default_factory=no_items)
    printed_by: Optional[str] = None
    printed_date: Optional[str] = None
    published: Optional[str] = Field(default=None, description="when a web page published it (<meta name=PubDate>, 发布日期), ISO 8601")
    publicity: Optional[str] = None


class Responsibility(Model):
    heading: str = Field(description="title of the section, or the table row's action")
    section: Optional[str] = Field(default=None, description="id of the section it belongs to")
    source: Literal["inline", "table"]
    lead: list[str] = Field(default_factory=no_items)
    support: list[str] = Field(default_factory=no_items)
    text: str = Field(default="", description="the annotation or table row as written")
    line: Optional[int] = None
    page: Optional[int] = None


class Source(Model):
    path: str
    format: DocumentFormat
    sha256: str


class Document(Model):
    """The output of ``planparse extract``."""

    schema_version: str = SCHEMA_VERSION
    source: Source
    metadata: Metadata = Field(default_factory=Metadata)
    sections: list[Section] = Field(default_factory=no_items)
    targets: list[Target] = Field(default_factory=no_items)
    responsibilities: list[Responsibility] = Field(default_factory=no_items)
    tables: list[TableData] = Field(default_factory=no_items)
    warnings: list[ReadingWarning] = Field(default_factory=no_items, exclude_if=operator.not_,
                                           description="what was read of the file only in part; absent when it was read whole")


# --- batch -----------------------------------------------------------------

CsvCell = Optional[Union[int, float, str]]


class BatchFailure(Model):
    """A document ``planparse batch`` could not convert (``errors.json``)."""

    file: str = Field(description="path relative to the input folder; a byte of a name that is not UTF-8 "
                                  "is a lone surrogate U+DC80-U+DCFF (Python's surrogateescape: os.fsencode gives the bytes back)")
    file_not_utf8: bool = Field(default=False, description="the name on disk is not valid UTF-8 (see `file`)")
    kind: Literal["bad input", "output error", "internal error", "crash"]
    message: str = Field(description="one line")


class ManifestEntry(Model):
    """What a re-run needs to skip a document: its hashes and its rows of the combined spreadsheets."""

    sha256: str = Field(description="hash of the document's bytes")
    planparse: str = Field(description="the planparse version that extracted it")
    rules_dir: Optional[str] = Field(description="the --rules folder it was extracted with, if any")
    rules: str = Field(description="hash of the rule files (shipped and --rules) and planparse version it was extracted with")
    has_json: bool = Field(description="its JSON output was written")
    json_sha256: Optional[str] = Field(description="hash of the JSON output written, which a re-run checks before keeping it")
    document_row: list[CsvCell]
    target_rows: list[list[CsvCell]]
    warnings: list[ReadingWarning] = Field(default_factory=no_items, description="what was read of the document only in part")


class BatchManifest(Model):
    """``manifest.json`` in a batch output folder."""

    # a value of a previous run's manifest read back as NaN is written as NaN again, as json.dumps writes it (not null)
    model_config = ConfigDict(ser_json_inf_nan="constants")
    planparse: str = ""
    documents: dict[str, ManifestEntry] = Field(default_factory=no_entries)


# --- diff ------------------------------------------------------------------


class FieldChange(Model):
    field: str
    old: Any = None
    new: Any = None


class TargetChange(Model):
    """A target found in both versions: what changed, or only where it sits."""

    old: Target
    new: Target
    changes: list[FieldChange] = Field(default_factory=no_items, description="empty when the target only moved")


class DocumentDiff(Model):
    """Differences between two versions of one plan; a side is null when the plan exists only on the other."""

    old_file: Optional[str] = Field(default=None, description="the file compared: a plan, or a planparse JSON file")
    new_file: Optional[str] = None
    old: Optional[Source] = Field(default=None, description="the plan the old version was extracted from")
    new: Optional[Source] = None
    metadata: list[FieldChange] = Field(default_factory=no_items)
    added: list[Target] = Field(default_factory=no_items)
    removed: list[Target] = Field(default_factory=no_items)
    changed: list[TargetChange] = Field(default_factory=no_items)
    moved: list[TargetChange] = Field(default_factory=no_items)
    old_warnings: list[ReadingWarning] = Field(default_factory=no_items, exclude_if=operator.not_,
                                               description="what was read of the old version only in part; absent when it was read whole")
    new_warnings: list[ReadingWarning] = Field(default_factory=no_items, exclude_if=operator.not_)


class DiffReport(Model):
    """The output of ``planparse diff --format json``."""

    old: str
    new: str
    documents: list[DocumentDiff]


# --- compare -----------------------------------------------------------------


class ComparedPlan(Model):
    """One plan of a comparison: a column of the indicator matrix."""

    id: str = Field(description="short name of the plan, unique within the comparison (its file name without suffixes, with the folders "
                                "telling it apart from another plan of that name)")
    file: str = Field(description="the file compared: a plan, or a planparse JSON file")
    source: Source
    metadata: Metadata


class CellTarget(Model):
    """A target as a cell of the matrix shows it, with where it sits in its plan."""

    id: str
    indicator: Optional[str] = None
    value: Optional[Union[int, float]] = None
    value_max: Optional[Union[int, float]] = None
    unit: Optional[str] = None
    comparator: Comparator = "="
    deadline: Optional[int] = None
    frequency: Optional[Frequency] = None
    recurrence: Optional[str] = Field(default=None, description="ISO 8601 duration of a repeat (每半年 -> P6M)")
    change: Optional[Change] = None
    quote: str
    section: Optional[str] = None
    line: int


class IndicatorRow(Model):
    """Targets of several plans that measure the same thing, of one kind, in one unit or units that count the same things."""

    indicator: str = Field(description="the name the row shows: a synonym's name, else the name most plans use")
    unit: Optional[str] = Field(default=None, description="the unit of its targets, or the units of one same-units list "
                                "they hold, joined with 、 (人、名); each cell keeps its own")
    kind: TargetKindName
    names: list[str] = Field(description="the indicator names as the plans write them")
    cells: dict[str, list[CellTarget]] = Field(description="by plan id; a plan without a target here is absent")
    factors: dict[str, float] = Field(default_factory=no_entries, description="where its units are of one measure and of different "
                                      "sizes (公顷、亩): what one of each is in the first (亩: 0.0667)")


class UnreadPlan(Model):
    """A plan named to compare that could not be read: no column of the matrix."""

    file: str
    problem: str = Field(description="why it could not be read, as standard error said it")


class Comparison(Model):
    """The output of ``planparse compare --format json``: an indicator × plan matrix."""

    threshold: float = Field(description="the similarity (0-100) two normalised names needed to share a row")
    plans: list[ComparedPlan]
    rows: list[IndicatorRow] = Field(description="rows held by more plans first")
    unread: list[UnreadPlan] = Field(default_factory=no_items, description="the plans named that could not be read, left out of the matrix")
