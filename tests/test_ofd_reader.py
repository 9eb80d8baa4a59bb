"""OFD (GB/T 33190): plans laid out on pages as an OFD converter writes them, read as the plan of their text.

samples/jinjiang-2022.ofd (science popularisation) is written by samples/make_samples.py, tests/data/ofd/*.ofd
(employment) by tests/data/ofd/make_ofd.py: the pages of the plan's PDF, each line a text object whose characters
advance by DeltaX, ``— N —`` page numbers at the foot.
"""
from __future__ import annotations

import importlib.util

import pytest
from conftest import DATA, SAMPLES, cut_before_part, zipped

from planparse.errors import PlanparseError
from planparse.pipeline import extract
from planparse.readers import read_document

OFD = DATA / "ofd"
PLANS = {  # each OFD and the text it was laid out from
    SAMPLES / "jinjiang-2022.ofd": SAMPLES / "jinjiang-2022.txt",  # science popularisation
    OFD / "qingyuan-wen-jiuye-2024.ofd": DATA / "unseen/qingyuan-wen-jiuye-2024.txt",  # employment
}


def _plan(path) -> tuple:
    def tree(sections):
        return [(s.level, s.style.value, s.number, s.title, tree(s.children)) for s in sections]

    document = extract(path)
    return (tree(document.sections), [(t.quote, t.value, t.unit, t.comparator, t.deadline, t.section) for t in document.targets],
            document.metadata.model_dump(), [r.model_dump(exclude={"line", "page"}) for r in document.responsibilities])


@pytest.mark.parametrize("ofd", sorted(PLANS), ids=lambda path: path.name)
def test_a_plan_as_ofd_gives_the_plan_of_its_text(ofd):
    document = extract(ofd)
    assert document.source.format == "ofd" and len(document.targets) >= 10 and len(document.sections) >= 3
    assert _plan(ofd) == _plan(PLANS[ofd])


@pytest.mark.parametrize("ofd", sorted(PLANS), ids=lambda path: path.name)
def test_an_ofd_gives_the_paragraphs_of_its_text_without_page_numbers(ofd):
    from planparse.normalize import normalize

    def paragraphs(path):
        return [paragraph.text for paragraph in normalize(read_document(path).lines)]

    assert not any("—" in line.text and line.text.strip("— 0123456789") == "" for line in read_document(ofd).lines)
    assert paragraphs(ofd) == paragraphs(PLANS[ofd])


def test_the_generator_writes_the_committed_ofd_files_byte_for_byte():
    spec = importlib.util.spec_from_file_location("make_ofd", OFD / "make_ofd.py")
    make_ofd = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_ofd)
    assert {name: make_ofd.written(name) == (OFD / name).read_bytes() for name in make_ofd.PLANS} == dict.fromkeys(make_ofd.PLANS, True)


_NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def _parts(pages: list[str], templates: dict[str, str] | None = None, title: str = "") -> dict[str, str]:
    """The parts of an OFD of pages drawing ``pages`` (each what its page holds), pages using templates by ID."""
    templates = templates or {}
    return {
        "OFD.xml": f"<ofd:OFD {_NS}><ofd:DocBody><ofd:DocInfo><ofd:Title>{title}</ofd:Title></ofd:DocInfo>"
                   "<ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        "Doc_0/Document.xml": f"<ofd:Document {_NS}><ofd:CommonData>"
                              + "".join(f'<ofd:TemplatePage ID="{key}" BaseLoc="Tpls/{key}.xml"/>' for key in templates)
                              + "</ofd:CommonData><ofd:Pages>"
                              + "".join(f'<ofd:Page ID="{n}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages)))
                              + "</ofd:Pages></ofd:Document>",
        **{f"Doc_0/Tpls/{key}.xml": f"<ofd:Page {_NS}><ofd:Content><ofd:Layer>{objects}</ofd:Layer></ofd:Content></ofd:Page>"
           for key, objects in templates.items()},
        **{f"Doc_0/Pages/Page_{n}/Content.xml": f"<ofd:Page {_NS}>{objects}</ofd:Page>" for n, objects in enumerate(pages)},
    }


def _ofd(pages: list[str], templates: dict[str, str] | None = None, title: str = "") -> bytes:
    return zipped(_parts(pages, templates, title))


def _text(left: float, top: float, text: str, size: float = 5.6, **code: str) -> str:
    attributes = " ".join(f'{name}="{value}"' for name, value in {"X": "0", "Y": str(size), "DeltaX": f"g {len(text)} {size}", **code}.items())
    return (f'<ofd:TextObject ID="1" Boundary="{left} {top} 160 8" Size="{size}">'
            f"<ofd:TextCode {attributes}>{text}</ofd:TextCode></ofd:TextObject>")


def _layer(*objects: str) -> str:
    return f"<ofd:Content><ofd:Layer>{''.join(objects)}</ofd:Layer></ofd:Content>"


def _read(tmp_path, data: bytes, name: str = "plan.ofd") -> list[str]:
    path = tmp_path / name
    path.write_bytes(data)
    return [line.text for line in read_document(path).lines]


def test_characters_drawn_one_object_each_in_any_order_are_read_line_by_line(tmp_path):
    # a converter from PDF draws each glyph as an object of its own, in the order the PDF drew them
    line_one = "一、加强医疗卫生服务"
    line_two = "到2025年，每千人口执业医师数达到3.2人。"
    glyphs = [_text(30 + 5.6 * i, 40, char, DeltaX="") for i, char in enumerate(line_one)]
    x = 30.0
    for char in line_two:
        glyphs.append(_text(x, 48, char, DeltaX=""))
        x += 5.6 if ord(char) > 0x2E80 else 2.8
    assert _read(tmp_path, _ofd([_layer(*reversed(glyphs))])) == [line_one, line_two]


def test_a_text_code_with_no_position_goes_on_from_the_one_before(tmp_path):
    # one text object, the characters' runs split (a change of font size, of a glyph's form) with X and Y once
    codes = ('<ofd:TextObject ID="1" Boundary="30 40 160 8" Size="5.6">'
             '<ofd:TextCode X="0" Y="5.6" DeltaX="g 3 5.6">城镇新</ofd:TextCode>'
             '<ofd:TextCode DeltaX="5.6 5.6 2.8 2.8 2.8">增就业5000</ofd:TextCode>'
             '<ofd:TextCode>人</ofd:TextCode></ofd:TextObject>')
    assert _read(tmp_path, _ofd([_layer(codes)])) == ["城镇新增就业5000人"]


def _cells(top: float, cells: list[tuple[float, str]], size: float = 4.2) -> str:
    """Text objects of a row's cells, each from its left edge, Chinese characters a size apart, others half."""
    def advances(text: str) -> str:
        return " ".join(str(size if ord(char) > 0x2E80 else size / 2) for char in text[:-1])
    return "".join(_text(left, top, text, size, DeltaX=advances(text)) for left, text in cells)


def test_a_table_typed_with_tabs_is_read_as_its_text(tmp_path):
    # a 分工表's rows typed with tabs, laid out by an OFD converter: each cell on a tab stop (every 12.5 mm from the
    # margin), read as the text's tab rows (health, then employment)
    rows = [[(30, "序号"), (42.5, "指标"), (55, "2025年"), (80, "属性")],
            [(30, "1"), (42.5, "每千人口执业医师数"), (92.5, "3.2"), (105, "预期性")],
            [(30, "2"), (42.5, "城镇新增就业人数"), (92.5, "5000"), (105, "约束性")]]
    page = _layer(*(_cells(40 + 8 * number, row) for number, row in enumerate(rows)))
    assert _read(tmp_path, _ofd([page])) == ["序号\t指标\t2025年\t属性", "1\t每千人口执业医师数\t3.2\t预期性",
                                             "2\t城镇新增就业人数\t5000\t约束性"]


def test_a_blocks_objects_and_a_matrix_are_placed_on_the_page(tmp_path):
    # a PageBlock's objects are its layer's; a CTM scaling the object scales its positions and size
    scaled = ('<ofd:TextObject ID="2" Boundary="30 48 160 8" Size="2.8" CTM="2 0 0 2 0 0">'
              '<ofd:TextCode X="0" Y="2.8" DeltaX="g 7 2.8">全面推行河湖长制</ofd:TextCode></ofd:TextObject>')
    page = _layer(f"<ofd:PageBlock>{_text(30, 40, '二、主要任务')}</ofd:PageBlock>", scaled)
    assert _read(tmp_path, _ofd([page])) == ["二、主要任务", "全面推行河湖长制"]


def test_a_templates_running_footer_is_dropped_as_a_pdfs_is(tmp_path):
    footer = {"t1": _text(80, 280, "某县人民政府办公室印发", 4)}
    texts = ["一、工作目标", "到2025年，新增城镇就业5000人。", "二、保障措施"]
    pages = [f'<ofd:Template TemplateID="t1" ZOrder="Background"/>{_layer(_text(30, 40, text))}' for text in texts]
    assert _read(tmp_path, _ofd(pages, footer)) == texts


@pytest.mark.parametrize("name", ["plan.docx", "附件", "plan.zip"])
def test_an_ofd_is_read_as_one_whatever_its_name(tmp_path, name):
    assert _read(tmp_path, _ofd([_layer(_text(30, 40, "一、总体要求"))]), name) == ["一、总体要求"]


def test_the_document_title_names_a_plan_whose_pages_do_not(tmp_path):
    path = tmp_path / "plan.ofd"
    path.write_bytes(_ofd([_layer(_text(30, 40, "一、工作目标"), _text(30, 48, "到2025年，新建幼儿园12所。"))],
                          title="某县学前教育发展实施方案"))
    assert read_document(path).page.page_title == "某县学前教育发展实施方案"


def test_an_advance_repeated_past_its_characters_is_read_for_its_characters(tmp_path):
    # "g N D" for more steps than the run has characters (four thousand million floats would fill memory): only the
    # steps its characters take are made
    lines = _read(tmp_path, _ofd([_layer(_text(30, 40, "城乡居民医保参保率", DeltaX="g 4000000000 5.6"))]))
    assert lines == ["城乡居民医保参保率"]


def test_a_truncated_ofd_is_refused_in_one_line(tmp_path):
    path = tmp_path / "plan.ofd"
    path.write_bytes(cut_before_part(OFD / "qingyuan-wen-jiuye-2024.ofd", "Doc_0/Pages/"))
    with pytest.raises(PlanparseError, match="not a valid OFD file") as refused:
        read_document(path)
    assert "\n" not in str(refused.value)


def _without_pages_list(parts: dict[str, str]) -> dict[str, str]:
    return {**parts, "Doc_0/Document.xml": parts["Doc_0/Document.xml"].replace("<ofd:Pages>", "<ofd:Pages", 1)}


@pytest.mark.parametrize("broken, said", [
    (lambda parts: {name: text for name, text in parts.items() if name != "Doc_0/Document.xml"},
     "not a valid OFD file (it has no Doc_0/Document.xml)"),
    (_without_pages_list, "not a valid OFD file (Doc_0/Document.xml is damaged)"),
    (lambda parts: {**parts, "OFD.xml": parts["OFD.xml"].replace("DocRoot", "DocRest")}, "OFD.xml names no document root"),
])
def test_a_damaged_ofd_is_refused_in_one_line(tmp_path, broken, said):
    with pytest.raises(PlanparseError) as refused:
        _read(tmp_path, zipped(broken(_parts([_layer(_text(30, 40, "一、总体要求"))]))))
    assert said in str(refused.value) and "\n" not in str(refused.value)


def test_an_ofd_nested_too_deep_is_refused_naming_its_part(tmp_path):
    deep = "<ofd:PageBlock>" * 300 + _text(30, 40, "十") + "</ofd:PageBlock>" * 300
    with pytest.raises(PlanparseError, match="Content.xml, line 1: elements nested more than 256 deep"):
        _read(tmp_path, _ofd([_layer(deep)]))


def test_an_ofd_of_more_pages_than_any_plan_is_refused(tmp_path):
    parts = _parts([_layer(_text(30, 40, "十"))])
    listed = '<ofd:Page ID="0" BaseLoc="Pages/Page_0/Content.xml"/>'
    parts["Doc_0/Document.xml"] = parts["Doc_0/Document.xml"].replace(listed, listed * 5001)
    with pytest.raises(PlanparseError, match="the OFD has 5,001 pages"):
        _read(tmp_path, zipped(parts))
