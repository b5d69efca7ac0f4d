"""PNG and PDF export, the picture for the visit plan, and reusing people of other pursuits."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from PySide6.QtGui import QColor, QImage

from desktop.services import pursuits
from desktop.services import stakeholder_map as smap
from desktop.services.pursuits import PursuitDraft
from desktop.ui.stakeholder_map.render import render_map


def test_render_map_gives_a_picture_of_the_requested_width(ctx, sample_map) -> None:
    pursuit_id, _ = sample_map
    image = render_map(ctx, pursuit_id, 1200)
    assert isinstance(image, QImage) and not image.isNull()
    assert image.width() == 1200
    assert 300 < image.height() < 1200
    # A white page with something drawn on it.
    assert image.pixelColor(2, 2) == QColor("#FFFFFF")
    colours = {image.pixel(x, y) for x in range(0, 1200, 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 50


def test_render_map_is_none_without_people_or_pursuit(ctx) -> None:
    pursuit_id, _ = pursuits.create_pursuit(
        ctx.workspace, PursuitDraft(title="空项目", account_name="某公司", amount=0)
    )
    assert render_map(ctx, pursuit_id, 800) is None
    assert render_map(ctx, "no-such-pursuit", 800) is None


def test_render_map_follows_later_changes(ctx, sample_map) -> None:
    pursuit_id, names = sample_map
    before = render_map(ctx, pursuit_id, 900)
    smap.move_people(ctx.workspace, {names["郭芳"]: (3000.0, 2000.0)})
    after = render_map(ctx, pursuit_id, 900)
    assert before is not None and after is not None
    assert after.height() != before.height()


def test_export_png_and_pdf(editor, ctx, tmp_path) -> None:
    png = tmp_path / "map.png"
    assert editor.export_to(png)
    image = QImage(str(png))
    assert image.width() > 2000  # twice the map's size: crisp on slides
    pdf = tmp_path / "map.pdf"
    assert editor.export_to(pdf)
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    # Without the spaces pypdf guesses between glyphs: it read "陈建 国" once the header's date
    # was in Chinese, where poppler (what viewers search with) reads "陈建国".
    text = "".join(page.extract_text().split())
    assert "关键人地图" in text and "苏州恒通精密电子有限公司" in text
    assert "陈建国" in text and "张伟" in text  # vector text, searchable
    assert "关系阶段" in text and "同盟" in text  # the legend
    assert f"{date.today().year}年{date.today().month}月{date.today().day}日" in text
    assert ctx.settings.screen_state("stakeholder_map")["export_dir"] == str(tmp_path)


@pytest.mark.parametrize("ctx", ["en"], indirect=True)
def test_export_in_english(editor, tmp_path) -> None:
    pdf = tmp_path / "map.pdf"
    assert editor.export_to(pdf)
    text = " ".join(PdfReader(str(pdf)).pages[0].extract_text().split())
    assert "Stakeholder map" in text and "Ally" in text and "Relationship" in text


def test_export_to_an_unwritable_place_says_so(editor, tmp_path) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    assert not editor.export_to(tmp_path / "missing" / "folder" / "map.png")
    boxes = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible() and w.objectName() == "message_box"
    ]
    assert boxes
    for box in boxes:
        box.close()


def test_reuse_people_from_another_pursuit_of_the_account(editor, ctx, sample_map, sample) -> None:
    _pursuit_id, _ = sample_map
    other_id, _other_ids = sample.build(ctx.workspace, title="WMS 仓储")
    # On the other pursuit, someone new who is not on this map yet.
    new_id, _ = smap.create_person(
        ctx.workspace,
        other_id,
        {"name": "蒋涛", "title": "仓储经理", "personality": "koala"},
        ["evaluator"],
    )
    dialog = editor.reuse_people()
    assert dialog is not None and dialog.isVisible()
    assert dialog.model.rowCount() == 16
    first = dialog.model.item(0).text()
    assert first.startswith("蒋涛")  # people not yet on the map come first
    dialog.filter.setText("仓储经理")
    assert dialog.proxy.rowCount() == 1
    assert not dialog.ok.isEnabled()
    dialog.check(new_id)
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    copies = [p for p in editor.document.people() if p.name == "蒋涛"]
    assert len(copies) == 1 and copies[0].roles == {"evaluator"}
    assert editor.scene.selected_people() == [copies[0].id]
    assert ctx.undo_stack.undoText() == "复用 蒋涛"
    ctx.undo_stack.undo()
    assert not [p for p in editor.document.people() if p.name == "蒋涛"]
    assert smap.load_map(ctx.workspace, other_id).person(new_id) is not None


def test_reuse_with_nobody_to_reuse_says_so(editor) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    assert editor.reuse_people() is None
    boxes = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible() and w.objectName() == "message_box"
    ]
    assert boxes and "没有可复用" in boxes[-1].text()
    for box in boxes:
        box.close()


def test_an_empty_map_explains_and_offers_to_add(qtbot, ctx) -> None:
    from desktop.ui.stakeholder_map.editor import StakeholderMapEditor

    pursuit_id, _ = pursuits.create_pursuit(
        ctx.workspace, PursuitDraft(title="新项目", account_name="某公司", amount=0)
    )
    editor = StakeholderMapEditor(ctx)
    qtbot.addWidget(editor)
    editor.set_pursuit(pursuit_id)
    editor.show()
    editor.activateWindow()
    qtbot.waitActive(editor)
    assert editor.empty.isVisible()
    assert "还没有关键人" in editor.empty_label.text()
    assert not editor.arrange_action.isEnabled()
    editor.empty_add.click()
    assert not editor.empty.isVisible()
    assert len(editor.document) == 1
    assert editor.details.person.edits["name"].text() == "新关键人"
    qtbot.waitUntil(editor.details.person.edits["name"].hasFocus)  # ready to type the name


def test_the_picture_says_how_tall_its_names_are_and_widens_for_print(ctx, sample_map) -> None:
    """The plan scales the picture; the height of the names in it (14 scene units times the
    picture's scale) tells it the point size they print at. A printout asks for enough pixels."""
    from desktop.ui.common.pictures import NAME_HEIGHT_KEY
    from desktop.ui.stakeholder_map.render import PRINT_MIN_SCALE

    pursuit_id, _ = sample_map
    narrow = render_map(ctx, pursuit_id, 600)
    wide = render_map(ctx, pursuit_id, 600, min_scale=PRINT_MIN_SCALE)
    assert narrow is not None and wide is not None
    assert narrow.width() == 600 and wide.width() > 600
    assert float(wide.text(NAME_HEIGHT_KEY)) == pytest.approx(14 * PRINT_MIN_SCALE, rel=1e-3)
    ratio = float(narrow.text(NAME_HEIGHT_KEY)) / float(wide.text(NAME_HEIGHT_KEY))
    assert ratio == pytest.approx(narrow.width() / wide.width(), rel=0.01)


def test_a_big_map_prints_its_names_at_7pt_at_least_in_the_visit_plan(
    ctx, sample_map, tmp_path
) -> None:
    """The 15-person organisation is too wide for the plan's page: it prints on pages of its own
    after the plan, its names measured on paper at 7 pt or more, every part titled."""
    from PySide6.QtGui import QPdfWriter

    from desktop.services.reports import visit_plan
    from desktop.ui.common.pictures import NAME_HEIGHT_KEY
    from desktop.ui.stakeholder_map.render import PRINT_MIN_SCALE
    from desktop.ui.visits.layout import Doc
    from desktop.ui.visits.plan_document import (
        FOOTER_MM,
        HEADER_MM,
        MIN_NAME_PT,
        MapSheet,
        PlanDocument,
        page_layout,
    )

    pursuit_id, people = sample_map
    image = render_map(ctx, pursuit_id, 1800, min_scale=PRINT_MIN_SCALE)
    assert image is not None
    plan = visit_plan.build_plan(ctx.workspace, pursuit_id=pursuit_id, lang="zh")
    document = PlanDocument(plan, map_image=image)
    path = tmp_path / "plan.pdf"
    pages = document.write_pdf(path)
    assert document.map_placement == "page"
    assert document.map_name_pt >= MIN_NAME_PT
    reader = PdfReader(str(path))
    assert len(reader.pages) == pages >= 3
    texts = ["".join(page.extract_text().split()) for page in reader.pages]
    map_pages = [t for t in texts if "关系图" in t]
    assert map_pages
    if len(map_pages) > 1:
        assert all(f"共{len(map_pages)}部分" in t for t in map_pages)
    # Measured independently of the document's own figure: each sheet's scale (device units
    # per picture pixel) on the 600 dpi page, times the names' height in the picture.
    writer = QPdfWriter(str(tmp_path / "measure.pdf"))
    writer.setResolution(600)
    writer.setPageLayout(page_layout())
    doc = Doc(writer, "zh")
    paint = writer.pageLayout().paintRectPixels(600)
    body = float(paint.height()) - (HEADER_MM + FOOTER_MM) * doc.mm
    laid = document._pages(doc, float(paint.width()), body)
    sheets = [box for page in laid for box, _ in page.items if isinstance(box, MapSheet)]
    assert sheets
    name_px = float(image.text(NAME_HEIGHT_KEY))
    for sheet in sheets:
        points = name_px * sheet.scale / doc.pt
        assert points >= MIN_NAME_PT - 1e-6
    # Every part shows a piece of the picture, and together they reach all of it.
    covered_w = max(s.source.right() for s in sheets)
    covered_h = max(s.source.bottom() for s in sheets)
    assert covered_w == pytest.approx(image.width()) and covered_h == pytest.approx(image.height())
    del writer
    assert len(people) == 15


def test_reuse_offers_the_accounts_people_on_no_map(editor, ctx, sample_map) -> None:
    """A person imported onto the account (no card anywhere) is offered and put on the map as a
    card of that person, in one undoable step."""
    from sqlalchemy import select

    from desktop.services.imports import table_import as ti
    from desktop.services.imports.reading import SheetInfo, SourceRow, Table
    from desktop.storage.tables import Person, Pursuit

    pursuit_id, _ = sample_map
    ws = ctx.workspace
    with ws.read() as session:
        account_id = session.get(Pursuit, pursuit_id).account_id
    table = Table(
        Path("phone.vcf"), "", [SheetInfo("vCard", False)], "", 0, ["姓名", "手机"],
        [SourceRow(2, ("冯导入", "13512345678"))],
    )  # fmt: skip
    plan = ti.preview(ws, table, "people", {0: "person_name", 1: "phone"}, account_id=account_id)
    ti.run_import(ws, plan, backup=False)
    with ws.read() as session:
        person_id = session.scalar(select(Person.id).where(Person.name == "冯导入"))
    dialog = editor.reuse_people()
    assert dialog is not None
    dialog.filter.setText("冯导入")
    assert dialog.proxy.rowCount() == 1
    assert "尚未在任何关系图上" in dialog.proxy.index(0, 0).data()
    dialog.check(person_id)
    dialog.ok.click()
    [card] = [p for p in editor.document.people() if p.name == "冯导入"]
    assert card.phone == "13512345678"
    assert all(c.id != person_id for c in smap.reusable_people(ws, pursuit_id))  # on it now
    ctx.undo_stack.undo()
    assert not [p for p in editor.document.people() if p.name == "冯导入"]
    assert any(c.id == person_id for c in smap.reusable_people(ws, pursuit_id))
