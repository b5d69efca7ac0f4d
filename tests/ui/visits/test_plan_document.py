"""The printed plan: read back from the PDF (pypdf), page count, header and footer, layout rules."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter, QPen

from desktop.domain.methodology import default_catalog
from desktop.services import visits
from desktop.services.reports import visit_plan
from desktop.services.visits import utcnow
from desktop.ui.visits import layout
from desktop.ui.visits.layout import Doc, Fill, Frame, Row, Spacer, Text, paginate
from desktop.ui.visits.plan_document import PlanDocument, page_layout, split_items, split_questions

CATALOG = default_catalog()


def squeeze(text: str) -> str:
    return "".join(text.split())


def test_chinese_plan_of_a_demo_visit(ctx, planned, tmp_path, pdf_text) -> None:
    plan = visit_plan.build_plan(ctx.workspace, visit_id=planned.id, lang="zh")
    path = tmp_path / "plan.pdf"
    pages = PlanDocument(plan).write_pdf(path)
    count, texts = pdf_text(path)
    assert count == pages
    assert 1 <= count <= 2
    text = "".join(texts)
    for person in plan.attendees:
        assert person.name in text
        for role in person.roles:
            assert role in text
    assert squeeze(plan.objective) in text
    stage = CATALOG.stage(plan.stage)
    assert stage.process.zh in text and stage.milestone.zh in text
    assert plan.questions_open, "the demo leaves coaching points of the current stage open"
    for question in plan.questions_open:
        assert squeeze(question.text) in text
    assert "拜访计划" in text and "拜访目标" in text and "笔记" in text
    # Each character once and with its own code point: 客户, not 客⼾ (a Noto CJK font's PDF),
    # nor 张伟张伟 (Qt's faked bold, see layout.BOLD_STROKE).
    assert "客户参会" in text and "\u2f3e" not in text
    assert f"{plan.attendees[0].name}{plan.attendees[0].name}" not in text
    # Header and footer on every page.
    for number, page in enumerate(texts, start=1):
        assert squeeze(f"{plan.account} · {plan.title}") in page
        assert squeeze(f"第 {number} / {count} 页") in page


@pytest.mark.parametrize("ctx", ["en"], indirect=True)
def test_english_plan(ctx, planned, tmp_path, pdf_text) -> None:
    plan = visit_plan.build_plan(ctx.workspace, visit_id=planned.id, lang="en")
    path = tmp_path / "plan.pdf"
    PlanDocument(plan).write_pdf(path)
    count, texts = pdf_text(path)
    text = "".join(texts)
    assert count <= 2
    assert "Visitplan" in text and "Objectiveofthisvisit" in text
    assert squeeze(CATALOG.stage(plan.stage).process.en) in text
    assert squeeze(plan.questions_open[0].text) in text
    assert f"Page1/{count}" in texts[0]


def map_picture(width: int = 1800, height: int = 800) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setPen(QPen(QColor("#000000"), 6))
    for i in range(12):
        painter.drawEllipse(60 + i * 140, 100 + (i % 3) * 220, 120, 80)
    painter.end()
    return image


def test_every_demo_plan_prints_on_two_pages_at_most(ctx, tmp_path, pdf_text) -> None:
    """Visits and pursuits without a visit, with a stakeholder map: the map gets smaller, or
    makes way, before a plan runs onto a third page; coaching points continued on the second
    page come under their heading again."""
    rows = visits.upcoming_visits(ctx.workspace, today=utcnow().date() + timedelta(days=7))
    assert len(rows) >= 5
    picture = map_picture()
    continued = 0
    for row in rows:
        plan = visit_plan.build_plan(ctx.workspace, visit_id=row.id, lang="zh")
        assert PlanDocument(plan, map_image=picture).write_pdf(tmp_path / "v.pdf") <= 2, row
        brief = visit_plan.build_plan(ctx.workspace, pursuit_id=row.pursuit_id, lang="zh")
        assert PlanDocument(brief, map_image=picture).write_pdf(tmp_path / "p.pdf") <= 2, row
        for each, name in ((plan, "v.pdf"), (brief, "p.pdf")):
            _count, texts = pdf_text(tmp_path / name)
            last = squeeze(each.questions_open[-1].text) if each.questions_open else ""
            first = squeeze(each.questions_open[0].text) if each.questions_open else ""
            if len(texts) == 2 and last in texts[1] and first not in texts[1]:
                continued += 1
                assert "本阶段辅导要点" in texts[1], row
    assert continued, "no demo plan continues its coaching points on the second page"


def test_plan_of_a_pursuit_without_a_visit(ctx, planned, tmp_path, pdf_text) -> None:
    plan = visit_plan.build_plan(ctx.workspace, pursuit_id=planned.pursuit_id, lang="zh")
    path = tmp_path / "pursuit.pdf"
    PlanDocument(plan).write_pdf(path)
    count, texts = pdf_text(path)
    text = "".join(texts)
    assert count <= 2
    assert "时间待定" in texts[0]
    assert all(person.name in text for person in plan.attendees)


def test_the_stakeholder_map_picture_is_embedded(ctx, planned, tmp_path, pdf_text) -> None:
    image = map_picture()
    plan = visit_plan.build_plan(ctx.workspace, visit_id=planned.id, lang="zh")
    PlanDocument(plan).write_pdf(tmp_path / "plain.pdf")
    pages = PlanDocument(plan, map_image=image).write_pdf(tmp_path / "map.pdf")
    _count, texts = pdf_text(tmp_path / "map.pdf")
    assert "关系图" in "".join(texts)
    assert pages <= 2
    assert (tmp_path / "map.pdf").stat().st_size > (tmp_path / "plain.pdf").stat().st_size


def test_splitting_helpers() -> None:
    assert split_items("价值建议书、案例集, 报价单;\n- 演示账号") == [
        "价值建议书",
        "案例集",
        "报价单",
        "演示账号",
    ]
    assert split_questions("谁是采购设计者？关系达到什么程度？\n• Who decides?\n\n") == [
        "谁是采购设计者？关系达到什么程度？",  # one point: the second question needs the first
        "Who decides?",
    ]


# --- the layout engine -----------------------------------------------------------------------
@pytest.fixture
def doc(qapp, tmp_path):
    writer = QPdfWriter(str(tmp_path / "layout.pdf"))
    writer.setResolution(300)
    writer.setPageLayout(page_layout())
    return Doc(writer, "zh")


def test_a_long_paragraph_splits_between_lines_without_losing_any(doc) -> None:
    style = doc.style(10)
    text = Text(doc, "客户的现状是什么?" * 400, style)
    height = 60 * doc.mm
    pages = paginate([Spacer(20 * doc.mm), text], 180 * doc.mm, height)
    assert len(pages) > 2
    parts = [box for page in pages for box, _y in page.items if box is not None][1:]
    assert sum(p.last - p.first for p in parts) == len(text.lines)
    for page in pages:
        bottom = max(y + box.height for box, y in page.items)
        assert bottom <= height + 0.01


def test_a_heading_never_ends_a_page_and_a_table_header_repeats(doc) -> None:
    style = doc.style(10)
    heading = Frame(Text(doc, "竞争", doc.style(11.5, bold=True)), keep_with_next=True)
    header = Frame(Row([Text(doc, "对手", style), Text(doc, "标签", style)], [0.5, 0.5]))
    header.keep_with_next = True
    rows = []
    for i in range(30):
        row = Frame(Row([Text(doc, f"对手 {i}", style), Text(doc, "标签", style)], [0.5, 0.5]))
        row.repeat = header
        rows.append(row)
    filler = Spacer(50 * doc.mm)
    pages = paginate([filler, heading, header, *rows], 180 * doc.mm, 55 * doc.mm)
    assert pages[0].items == [(filler, 0.0)]  # the heading moved on with the table's start
    assert pages[1].items[0][0] is heading
    for page in pages[2:]:
        assert page.items[0][0] is header  # repeated on each continued page
    assert sum(1 for page in pages for box, _ in page.items if box in rows) == 30


def test_notes_fill_the_rest_of_the_last_page_but_add_no_third(doc) -> None:
    painted = []
    notes = Fill(30 * doc.mm, lambda _p, rect: painted.append(rect.height()), keep_min=10 * doc.mm)
    height = 100 * doc.mm
    pages = paginate([Spacer(40 * doc.mm), notes], 180 * doc.mm, height, max_pages=2)
    assert len(pages) == 1 and notes.height == pytest.approx(60 * doc.mm)
    # Too little room left: the notes take a page of their own (the second) …
    notes = Fill(30 * doc.mm, lambda *_: None, keep_min=10 * doc.mm)
    pages = paginate([Spacer(80 * doc.mm), notes], 180 * doc.mm, height, max_pages=2)
    assert len(pages) == 2 and notes.height == height
    # … but never a third: then they shrink to what is left, or are left out.
    notes = Fill(30 * doc.mm, lambda *_: None, keep_min=10 * doc.mm)
    pages = paginate(
        [Spacer(height), Spacer(85 * doc.mm), notes], 180 * doc.mm, height, max_pages=2
    )
    assert len(pages) == 2 and notes.height == pytest.approx(15 * doc.mm)
    notes = Fill(30 * doc.mm, lambda *_: None, keep_min=10 * doc.mm)
    pages = paginate(
        [Spacer(height), Spacer(95 * doc.mm), notes], 180 * doc.mm, height, max_pages=2
    )
    assert len(pages) == 2 and all(box is not notes for box, _ in pages[1].items)


def test_a_table_row_moves_whole_and_splits_only_when_taller_than_a_page(doc) -> None:
    style = doc.style(10)
    header = Frame(Row([Text(doc, "Name", style), Text(doc, "Plan", style)], [0.3, 0.7]))
    header.keep_with_next = True

    def row(plan: str) -> Frame:
        cells = Row([Text(doc, "Robert S. Harris", style), Text(doc, plan, style)], [0.3, 0.7])
        box = Frame(cells, padding=(doc.mm, 0, doc.mm, 0))
        box.repeat = header
        return box

    short = row("Monthly technical exchange; invite to the industry summit " * 3)
    long = row(" ".join(f"step{i:03d} of a long relationship plan;" for i in range(200)))
    height = 60 * doc.mm
    pages = paginate([Spacer(45 * doc.mm), header, short, long], 180 * doc.mm, height)
    # The short row does not fit under the spacer: it moves whole to the next page …
    assert [box for box, _ in pages[1].items][:2] == [header, short]
    # … the long one is taller than a page: it continues page after page, under the header.
    assert len(pages) > 3
    for page in pages[1:]:
        assert page.items[0][0] is header
        assert max(y + box.height for box, y in page.items) <= height + 0.01
    plan = long.inner.boxes[1]
    assert isinstance(plan, Text)
    drawn = [box.inner.boxes[1] for page in pages[2:] for box, _ in page.items if box is not header]
    assert sum(part.last - part.first for part in drawn) == len(plan.lines)  # no line lost
    assert plan.text.endswith("step199 of a long relationship plan;")


def test_fonts_prefer_a_cjk_font_for_chinese_and_a_latin_one_for_english(qapp) -> None:
    zh, en = layout.print_families("zh"), layout.print_families("en")
    cjk = [f for f in zh if f in layout.CJK_FAMILIES]
    latin = [f for f in zh if f in layout.LATIN_FAMILIES]
    assert cjk, "a CJK font is installed (fonts-wqy-microhei)"
    assert zh == cjk + latin
    assert en == latin + cjk
    # WenQuanYi before Noto CJK, whose PDFs extract some characters as the wrong code points.
    order = layout.CJK_FAMILIES
    assert order.index("WenQuanYi Micro Hei") < order.index("Noto Sans CJK SC")


def test_a_picture_that_does_not_fit_floats_to_the_next_page(doc) -> None:
    image = map_picture()
    picture = layout.Picture(image, 80 * doc.mm, 60 * doc.mm, floating=True)
    after = [Spacer(12 * doc.mm) for _ in range(3)]
    pages = paginate([Spacer(60 * doc.mm), picture, *after], 180 * doc.mm, 100 * doc.mm)
    # 40 mm were left: too little for the picture, so the spacers after it filled them …
    assert [box for box, _ in pages[0].items] == [pages[0].items[0][0], *after]
    # … and the picture opens the next page at full size.
    assert pages[1].items == [(picture, 0.0)]
    assert picture.height == pytest.approx(80 * doc.mm)
    # With room for its minimum height it shrinks in place instead.
    picture = layout.Picture(image, 80 * doc.mm, 30 * doc.mm, floating=True)
    pages = paginate([Spacer(60 * doc.mm), picture], 180 * doc.mm, 100 * doc.mm)
    assert len(pages) == 1 and picture.height == pytest.approx(40 * doc.mm)


def test_points_continued_below_a_floated_picture_come_under_their_heading_again(doc) -> None:
    """The coaching points of the plan: the map floated to the next page must not make the
    points that follow it there read as the map's."""
    picture = layout.Picture(map_picture(), 80 * doc.mm, 60 * doc.mm, floating=True)
    heading = Spacer(5 * doc.mm)
    heading.keep_with_next = True
    points = [Spacer(12 * doc.mm) for _ in range(4)]
    for point in points:
        point.repeat = heading
    pages = paginate([Spacer(60 * doc.mm), picture, heading, *points], 180 * doc.mm, 100 * doc.mm)
    assert [box for box, _ in pages[0].items][1:] == [heading, *points[:2]]
    assert [box for box, _ in pages[1].items] == [picture, heading, points[2]]
    assert [box for box, _ in pages[2].items] == [heading, points[3]]


def test_the_demo_map_prints_its_names_at_7pt_at_least(ctx, planned, tmp_path, pdf_text) -> None:
    """The real map of a demo pursuit (drawn by the map's package, as printing does) stays in
    the plan's flow on two pages, and no smaller than 7 pt names: measured from the width the
    picture was drawn at and the height of the names in it."""
    import desktop.ui.screens  # noqa: F401  (the composition root provides the map's picture)
    from desktop.ui.common.pictures import NAME_HEIGHT_KEY
    from desktop.ui.visits.plan_document import MIN_NAME_PT, PT_MM
    from desktop.ui.visits.printing import map_image

    image = map_image(ctx, planned.pursuit_id)
    assert image is not None and float(image.text(NAME_HEIGHT_KEY)) > 0
    plan = visit_plan.build_plan(ctx.workspace, visit_id=planned.id, lang="zh")
    drawn: list[float] = []
    document = PlanDocument(plan, map_image=image)
    original = document._note_drawn
    document._note_drawn = lambda width: (drawn.append(width), original(width))[1]  # type: ignore[method-assign]
    pages = document.write_pdf(tmp_path / "plan.pdf")
    assert pages <= 2
    assert document.map_placement == "flow" and drawn
    mm_per_px = drawn[-1] / document.mm / image.width()
    points = float(image.text(NAME_HEIGHT_KEY)) * mm_per_px / PT_MM
    assert points >= MIN_NAME_PT
    assert document.map_name_pt == pytest.approx(points)
    assert "关系图" in "".join(pdf_text(tmp_path / "plan.pdf")[1])


# The catalog's labels (roles, relationship, personality, stage, status, help) are short by
# design; everything else of a plan is written by someone and may be long.
LABELS = {"roles", "relationship", "personality", "help", "stage_process", "stage_milestone"}


def _marked(value: object, counter: list[int], filler: str) -> object:
    """Every written text of a plan (not labels, keys or ids) ended with its own token, after
    `filler`."""
    if isinstance(value, tuple):
        return tuple(_marked(item, counter, filler) for item in value)
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    changes: dict[str, object] = {}
    for field in dataclasses.fields(value):
        old = getattr(value, field.name)
        if field.name in LABELS | {"id", "lang", "currency", "pursuit_id", "status"}:
            continue
        if field.name.endswith("_key"):
            continue
        if isinstance(old, str) and old:
            counter[0] += 1
            changes[field.name] = f"{old} {filler}END{counter[0]:03d}"
        elif isinstance(old, tuple) or dataclasses.is_dataclass(old):
            changes[field.name] = _marked(old, counter, filler)
    return dataclasses.replace(value, **changes)  # type: ignore[type-var]


@pytest.mark.parametrize(
    ("ctx", "lang", "filler"),
    [
        ("en", "en", "Monthly technical exchange; invite to the industry summit. " * 4),
        ("zh_CN", "zh", "每月技术交流，邀请参加行业峰会，确认预算审批流程。" * 4),
    ],
    indirect=["ctx"],
    ids=["en", "zh"],
)
def test_every_text_of_a_plan_prints_whole_however_long(
    ctx, planned, tmp_path, pdf_text, lang, filler
) -> None:
    """The tester's 'invite t…': a long value wraps in its cell and is never cut."""
    plan = visit_plan.build_plan(ctx.workspace, visit_id=planned.id, lang=lang)
    # Which texts the plan prints at all: each marked, short.
    count = [0]
    PlanDocument(_marked(plan, count, "")).write_pdf(tmp_path / "short.pdf")  # type: ignore[arg-type]
    shown = "".join(pdf_text(tmp_path / "short.pdf")[1])
    printed = {n for n in range(1, count[0] + 1) if f"END{n:03d}" in shown}
    assert len(printed) > 20
    # The same texts, long: every one printed ends with its token, in a card, a table or a box.
    PlanDocument(_marked(plan, [0], filler)).write_pdf(tmp_path / "long.pdf")  # type: ignore[arg-type]
    text = "".join(pdf_text(tmp_path / "long.pdf")[1])
    assert sorted(n for n in printed if f"END{n:03d}" not in text) == []
