"""The stakeholder-map editor (关键人地图): the pursuit tab where the rep draws who is who.

Like orange-canvas-core's `SchemeEditWidget`, the editor ties the parts together: the document
(people and links of the pursuit), the scene that mirrors it, the view, the gestures, the side
panels (details of the selection, coverage of the buying centre) and the toolbar. It turns what
the user does into undo commands on the app's one undo stack; it never changes the scene itself.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QHideEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGraphicsItem,
    QGridLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.org_layout import LayoutNode, Spacing, org_chart
from desktop.infra import paths
from desktop.services import stakeholder_map as service
from desktop.services.stakeholder_map import LINK_KINDS, REPORTS_TO
from desktop.ui.common.output_check import SAVE_OPTIONS, OutputKind, ask_before_writing
from desktop.ui.context import AppContext, OperationFailed
from desktop.ui.errors import show_error, show_message
from desktop.ui.operations.purge import confirm_purge
from desktop.ui.stakeholder_map import commands
from desktop.ui.stakeholder_map.coverage_panel import CoveragePanel
from desktop.ui.stakeholder_map.document import MapDocument
from desktop.ui.stakeholder_map.export import draw_legend, export_pdf, export_png, legend_height
from desktop.ui.stakeholder_map.interactions import Position, SceneController
from desktop.ui.stakeholder_map.items import EdgeItem, LinkItem, PersonItem
from desktop.ui.stakeholder_map.panel import DetailsPanel
from desktop.ui.stakeholder_map.reuse_dialog import ReuseDialog
from desktop.ui.stakeholder_map.scene import MapScene
from desktop.ui.stakeholder_map.style import (
    CARD_HEIGHT,
    CARD_WIDTH,
    GRID,
    MapStyle,
    svg_icon,
    swatch_icon,
)
from desktop.ui.stakeholder_map.view import MapView
from desktop.ui.undo import UndoCommand, push

log = logging.getLogger(__name__)

SETTINGS_KEY = "stakeholder_map"
FREEZE_FROM = 120  # cards + links from which a drag paints only what moves
LAYOUT_SPACING = Spacing(width=CARD_WIDTH, height=CARD_HEIGHT)
ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}


class LegendBar(QWidget):
    """The legend under the map: what each colour, line and icon means."""

    def __init__(self, style: MapStyle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("map_legend")
        self.map_style = style

    def set_style(self, style: MapStyle) -> None:
        self.map_style = style
        self.updateGeometry()
        self.update()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return int(legend_height(self.map_style, max(200, width - 24)) + 12)

    def sizeHint(self) -> QSize:
        return QSize(600, self.heightForWidth(max(600, self.width())))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.setMinimumHeight(self.heightForWidth(self.width()))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        draw_legend(painter, self.map_style, QRectF(12, 6, self.width() - 24, self.height()))
        painter.end()


class StakeholderMapEditor(QWidget):
    """The map of one pursuit: `StakeholderMapEditor(ctx, parent).set_pursuit(pursuit_id)`."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stakeholder_map_editor")
        self.ctx = ctx
        self.pursuit_id: str | None = None
        self._fit_pending = True
        self.document = MapDocument(ctx, self)
        self.map_style = MapStyle(ctx.catalog, ctx.lang, palette=self.palette())
        self.scene = MapScene(self.map_style, self)
        self.scene.set_document(self.document)
        self.view = MapView(self.scene)
        self.view.key_handler = self._key
        self.controller = SceneController(self.scene, self)

        self.details = DetailsPanel(ctx, self.document, self.map_style)
        self.details.person.delete_requested.connect(lambda pid: self.delete_people([pid]))
        self.details.person.person_activated.connect(self.select_person)
        self.details.several.delete_requested.connect(self.delete_selection)
        self.coverage = CoveragePanel(ctx, self.document, self.map_style)
        self.coverage.person_clicked.connect(self.select_person)
        self.side = QTabWidget()
        self.side.setObjectName("map_side")
        self.side.setDocumentMode(True)
        self.side.addTab(self.details, self.tr("Details"))
        self.side.addTab(self.coverage, self.tr("Coverage"))
        self.side.setMinimumWidth(280)

        self.legend = LegendBar(self.map_style)
        self.empty = self._empty_state()
        canvas = QWidget()
        grid = QGridLayout(canvas)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(0)
        grid.addWidget(self.view, 0, 0)
        grid.addWidget(self.empty, 0, 0, Qt.AlignmentFlag.AlignCenter)
        grid.addWidget(self.legend, 1, 0)

        self.toolbar = QToolBar(self.tr("Stakeholder map"))
        self.toolbar.setObjectName("map_toolbar")
        self.toolbar.setIconSize(QSize(20, 20))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._build_actions()

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("map_splitter")
        self.splitter.addWidget(canvas)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setCollapsible(0, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)
        self._restore_state()
        self.splitter.splitterMoved.connect(lambda *_: self._save_state())
        self.side.currentChanged.connect(lambda *_: self._save_state())

        self.scene.selectionChanged.connect(self._selection_changed)
        self.scene.rebuilt.connect(self._rebuilt)
        self.document.updated.connect(self._document_updated)
        self.view.zoom_changed.connect(self._zoom_changed)
        self._document_updated()
        self._selection_changed()

    # --- building ---------------------------------------------------------------------------
    def _action(
        self, icon: str, text: str, slot: Callable[[], object], tip: str = "", name: str = ""
    ) -> QAction:
        action = QAction(svg_icon(icon), text, self)
        action.setObjectName(name or f"action_{icon}")
        action.setToolTip(tip or text)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.add_action = self._action(
            "add-person",
            self.tr("Add person"),
            self.add_person,
            self.tr("Add a person (N, or double-click empty space)"),
        )
        self.reuse_action = self._action(
            "reuse",
            self.tr("Reuse…"),
            self.reuse_people,
            self.tr("Copy people from the account's other pursuits onto this map"),
        )
        self.delete_action = self._action(
            "delete",
            self.tr("Delete"),
            self.delete_selection,
            self.tr("Delete the selection (Delete)"),
        )
        self.arrange_action = self._action(
            "arrange",
            self.tr("Org chart"),
            self.arrange,
            self.tr("Arrange as an org chart by reports-to (you can move people after)"),
        )
        self.zoom_in_action = self._action(
            "zoom-in", self.tr("Zoom in"), self.view.zoom_in, self.tr("Zoom in (+ or mouse wheel)")
        )
        self.zoom_out_action = self._action(
            "zoom-out", self.tr("Zoom out"), self.view.zoom_out, self.tr("Zoom out (-)")
        )
        self.fit_action = self._action(
            "fit", self.tr("Fit"), self.view.fit, self.tr("Fit the map to the window (F)")
        )
        self.png_action = self._action(
            "export-image",
            self.tr("PNG…"),
            self.export_png_dialog,
            self.tr("Export the map as a PNG picture"),
        )
        self.pdf_action = self._action(
            "export-pdf",
            self.tr("PDF…"),
            self.export_pdf_dialog,
            self.tr("Export the map as a PDF (A4 landscape)"),
        )
        self.legend_action = QAction(self.tr("Legend"), self, checkable=True)
        self.legend_action.setObjectName("action_legend")
        self.legend_action.setToolTip(self.tr("Show what the colours, lines and icons mean"))
        self.legend_action.toggled.connect(self._legend_toggled)
        self.zoom_label = QLabel("100%")
        self.zoom_label.setObjectName("zoom_label")
        self.zoom_label.setMinimumWidth(44)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = self.toolbar
        bar.addActions([self.add_action, self.reuse_action, self.delete_action])
        bar.addSeparator()
        bar.addAction(self.arrange_action)
        bar.addSeparator()
        for action in (self.zoom_out_action, self.zoom_in_action, self.fit_action):
            bar.addAction(action)
        for action in (self.zoom_out_action, self.zoom_in_action):
            button = bar.widgetForAction(action)  # a toolbar shows an action as a QToolButton
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        bar.insertWidget(self.zoom_in_action, self.zoom_label)
        bar.addSeparator()
        bar.addActions([self.png_action, self.pdf_action])
        bar.addSeparator()
        bar.addAction(self.legend_action)

    def _empty_state(self) -> QWidget:
        panel = QFrame()
        panel.setObjectName("map_empty")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setAutoFillBackground(True)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMinimumWidth(320)
        self.empty_add = QPushButton(svg_icon("add-person"), self.tr("Add person"))
        self.empty_add.setObjectName("empty_add")
        self.empty_add.clicked.connect(self.add_person)
        self.empty_reuse = QPushButton(svg_icon("reuse"), self.tr("Reuse from other pursuits…"))
        self.empty_reuse.setObjectName("empty_reuse")
        self.empty_reuse.clicked.connect(self.reuse_people)
        box = QVBoxLayout(panel)
        box.setContentsMargins(24, 18, 24, 18)
        box.addWidget(self.empty_label)
        box.addWidget(self.empty_add, 0, Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.empty_reuse, 0, Qt.AlignmentFlag.AlignCenter)
        return panel

    # --- pursuit ----------------------------------------------------------------------------
    def set_pursuit(self, pursuit_id: str | None) -> None:
        if pursuit_id == self.pursuit_id and pursuit_id is not None:
            self.document.refresh()
            return
        self.details.person.commit_pending()
        self.controller.cancel()
        self.pursuit_id = pursuit_id
        self._fit_pending = True
        self.document.set_pursuit(pursuit_id)
        self._place_unplaced()
        if self.isVisible():
            self.view.fit()
            self._fit_pending = False

    def _place_unplaced(self) -> None:
        """People who were never placed (all on one spot, e.g. added from another screen or an
        import) are laid out as an org chart once, so the map does not open as one pile."""
        people = self.document.people()
        if len(people) < 2 or len({(p.x, p.y) for p in people}) > 1:
            return
        positions = self._org_positions()
        try:
            self.ctx.perform_in(self, service.move_people, positions)
        except OperationFailed:
            return

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_pending:
            self._fit_pending = False
            self.view.fit()

    def _rebuilt(self) -> None:
        self.view.update_scene_rect()
        self._selection_changed()

    def _document_updated(self) -> None:
        has_pursuit = self.pursuit_id is not None and not self.document.missing
        empty = not len(self.document)
        for action in (
            self.add_action,
            self.reuse_action,
        ):
            action.setEnabled(has_pursuit)
        for action in (self.arrange_action, self.png_action, self.pdf_action, self.fit_action):
            action.setEnabled(has_pursuit and not empty)
        if self.document.missing:
            self.empty_label.setText(self.tr("This pursuit no longer exists."))
        else:
            self.empty_label.setText(
                self.tr(
                    "<h3>Nobody on the map yet</h3><p>Who is who at the customer? Add the "
                    "people you know — double-click anywhere to add one — or reuse people "
                    "from this account's other pursuits.</p>"
                )
            )
        self.empty.setVisible(empty and self.pursuit_id is not None)
        self.empty_add.setVisible(has_pursuit)
        self.empty_reuse.setVisible(has_pursuit)
        self.view.update_scene_rect()
        self._update_delete()

    # --- selection --------------------------------------------------------------------------
    def _selection_changed(self) -> None:
        people = self.scene.selected_people()
        links = self.scene.selected_links()
        reports = self.scene.selected_reports()
        if len(people) == 1 and not links and not reports:
            self.details.show_person(people[0])
        elif len(links) == 1 and not people and not reports:
            self.details.show_link(links[0])
        elif len(reports) == 1 and not people and not links:
            self.details.show_reports_line(reports[0])
        elif people or links or reports:
            names = [self.document.name(pid) for pid in people]
            self.details.show_several(names, len(links) + len(reports))
        else:
            self.details.show_nothing()
        self.coverage.set_selected(people[0] if len(people) == 1 else None)
        self._update_delete()

    def _update_delete(self) -> None:
        self.delete_action.setEnabled(bool(self.scene.selectedItems()))

    def select_person(self, person_id: str) -> None:
        item = self.scene.people.get(person_id)
        if item is None:
            return
        self.scene.select_only([item])
        self.view.ensureVisible(item, 40, 40)

    def select_people(self, person_ids: list[str]) -> None:
        self.scene.select_only([self.scene.people[p] for p in person_ids if p in self.scene.people])

    # --- gestures (called by interactions) --------------------------------------------------
    def commit_move(self, old: dict[str, Position], new: dict[str, Position]) -> None:
        push(commands.MovePeopleCommand(self.ctx, old, new))

    def drag_started(self, cards: list[PersonItem]) -> None:
        """A big map freezes what does not move into one picture while cards are dragged."""
        if len(self.scene.people) + len(self.scene.links) < FREEZE_FROM:
            return
        moving: set[QGraphicsItem] = set(cards)
        for card in cards:
            for edge in card.edges:
                moving.add(edge)
                if edge.label is not None:
                    moving.add(edge.label)
        self.view.freeze(moving)

    def drag_ended(self) -> None:
        self.view.thaw()

    def edit_person(self, person_id: str) -> None:
        self.select_person(person_id)
        self.side.setCurrentWidget(self.details)
        self.details.person.focus_name()

    def edit_line(self, item: EdgeItem) -> None:
        self.side.setCurrentWidget(self.details)

    def add_person_at(self, pos: QPointF, **values: Any) -> str | None:
        if self.pursuit_id is None or self.document.missing:
            return None
        x = round((pos.x() - CARD_WIDTH / 2) / GRID) * GRID
        y = round((pos.y() - CARD_HEIGHT / 2) / GRID) * GRID
        command = commands.AddPersonCommand(
            self.ctx,
            self.pursuit_id,
            {"name": self.tr("New person"), "x": float(x), "y": float(y), **values},
        )
        if not push(command) or command.person_id is None:
            return None
        self.edit_person(command.person_id)
        return command.person_id

    def add_person(self) -> str | None:
        """Add a person in a free spot in the middle of what the view shows."""
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        return self.add_person_at(self._free_spot(centre))

    def add_report(self, manager_id: str) -> str | None:
        manager = self.document.person(manager_id)
        if manager is None:
            return None
        below = QPointF(
            manager.x + CARD_WIDTH / 2, manager.y + CARD_HEIGHT * 1.5 + LAYOUT_SPACING.v_gap
        )
        return self.add_person_at(self._free_spot(below), reports_to_id=manager_id)

    def _free_spot(self, centre: QPointF) -> QPointF:
        """`centre`, or the nearest place to its right and below where a card fits."""
        spot = QPointF(centre)
        for _ in range(60):
            rect = QRectF(
                spot.x() - CARD_WIDTH / 2 - 8,
                spot.y() - CARD_HEIGHT / 2 - 8,
                CARD_WIDTH + 16,
                CARD_HEIGHT + 16,
            )
            if not any(item.card_rect().intersects(rect) for item in self.scene.people.values()):
                return spot
            spot += QPointF(CARD_WIDTH / 2 + 16, CARD_HEIGHT / 2 + 8)
        return spot

    def ask_link_kind(self, source_id: str, target_id: str, screen_pos: QPoint) -> QMenu | None:
        """Offer the kinds of line from source to target (a menu; the choice adds it)."""
        source, target = self.document.person(source_id), self.document.person(target_id)
        if source is None or target is None:
            return None
        menu = QMenu(self)
        menu.setObjectName("link_kind_menu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addSection(f"{source.name} → {target.name}")
        existing = {
            link.kind
            for link in self.document.links()
            if (link.from_id, link.to_id) == (source_id, target_id)
            or (link.kind == "ally_of" and (link.from_id, link.to_id) == (target_id, source_id))
        }
        style = self.map_style
        reports = menu.addAction(
            swatch_icon(style.link_colour(REPORTS_TO).name(), line=REPORTS_TO),
            self.tr("{0} reports to {1}").format(source.name, target.name),
        )
        reports.setData(REPORTS_TO)
        loop = target_id in self.document.under(source_id)
        reports.setEnabled(source.reports_to_id != target_id and not loop)
        if loop:
            reports.setToolTip(
                self.tr("{0} already reports to {1}").format(target.name, source.name)
            )
        menu.addSeparator()
        for kind in LINK_KINDS:
            action = menu.addAction(
                swatch_icon(style.link_colour(kind).name(), line=kind), style.link_label(kind)
            )
            action.setData(kind)
            action.setEnabled(kind not in existing)
        menu.triggered.connect(
            lambda action: self._link_chosen(source_id, target_id, action.data())
        )
        menu.popup(screen_pos)
        return menu

    def _link_chosen(self, source_id: str, target_id: str, kind: str | None) -> None:
        source, target = self.document.person(source_id), self.document.person(target_id)
        if not kind or source is None or target is None:
            return
        if kind == REPORTS_TO:
            push(
                commands.SetReportsToCommand(
                    self.ctx,
                    source_id,
                    source.reports_to_id,
                    target_id,
                    self.tr("{0} reports to {1}").format(source.name, target.name),
                ),
            )
            return
        push(
            commands.AddLinkCommand(
                self.ctx,
                source_id,
                target_id,
                kind,
                self.tr("Link {0} and {1}").format(source.name, target.name),
            ),
        )

    def context_menu(self, scene_pos: QPointF, screen_pos: QPoint) -> QMenu | None:
        if self.pursuit_id is None or self.document.missing:
            return None
        menu = QMenu(self)
        menu.setObjectName("map_context_menu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        card = self.scene.person_at(scene_pos)
        line = self.scene.line_at(scene_pos) if card is None else None
        if card is not None:
            if not card.isSelected():
                self.scene.select_only([card])
            pid = card.person_id
            menu.addAction(self.tr("Edit"), lambda: self.edit_person(pid))
            menu.addAction(
                svg_icon("add-person"), self.tr("Add a report"), lambda: self.add_report(pid)
            )
            person = self.document.person(pid)
            if person is not None and person.reports_to_id:
                menu.addAction(
                    self.tr("Remove from under {0}").format(
                        self.document.name(person.reports_to_id)
                    ),
                    lambda: self._clear_manager(pid),
                )
            menu.addSeparator()
            menu.addAction(svg_icon("delete"), self.tr("Delete…"), self.delete_selection)
            purge = menu.addAction(self.tr("Purge…"), lambda: self.purge_person(pid))
            purge.setObjectName("action_purge")
            purge.setToolTip(
                self.tr("Blank this person for good, here and on every computer it syncs with")
            )
        elif line is not None:
            self.scene.select_only([line])
            if isinstance(line, LinkItem):
                link_id = line.link_id
                kinds = menu.addMenu(self.tr("Kind"))
                for kind in LINK_KINDS:
                    action = kinds.addAction(
                        swatch_icon(self.map_style.link_colour(kind).name(), line=kind),
                        self.map_style.link_label(kind),
                    )
                    action.setCheckable(True)
                    action.setChecked(kind == line.link.kind)
                    action.triggered.connect(
                        lambda _=False, k=kind: self._set_link_kind(link_id, k)
                    )
            menu.addAction(svg_icon("delete"), self.tr("Delete line"), self.delete_selection)
        else:
            menu.addAction(
                svg_icon("add-person"),
                self.tr("Add person here"),
                lambda: self.add_person_at(scene_pos),
            )
            menu.addAction(self.reuse_action)
            menu.addSeparator()
            menu.addAction(self.arrange_action)
            menu.addAction(self.fit_action)
            menu.addSeparator()
            menu.addActions([self.png_action, self.pdf_action])
        menu.popup(screen_pos)
        return menu

    def _clear_manager(self, person_id: str) -> None:
        person = self.document.person(person_id)
        if person is None or not person.reports_to_id:
            return
        push(
            commands.SetReportsToCommand(
                self.ctx,
                person_id,
                person.reports_to_id,
                None,
                self.tr("Remove {0}'s manager").format(person.name),
            ),
        )

    def _set_link_kind(self, link_id: str, kind: str) -> None:
        link = self.document.link(link_id)
        if link is not None and link.kind != kind:
            push(
                commands.EditLinkCommand(
                    self.ctx, link_id, {"link_kind": link.kind}, {"link_kind": kind}
                ),
            )

    # --- delete -----------------------------------------------------------------------------
    def delete_selection(self) -> QMessageBox | None:
        people = self.scene.selected_people()
        links = self.scene.selected_links()
        reports: dict[str, str] = {}  # person id: manager id, of the selected reports-to lines
        for pid in self.scene.selected_reports():
            person = self.document.person(pid)
            if pid not in people and person is not None and person.reports_to_id:
                reports[pid] = person.reports_to_id
        # Lines of people being deleted go with them anyway.
        links = [
            lid
            for lid in links
            if (link := self.document.link(lid)) is not None
            and link.from_id not in people
            and link.to_id not in people
        ]
        reports = {pid: mid for pid, mid in reports.items() if mid not in people}
        if not (people or links or reports):
            return None
        if not people:
            self._push_delete(people, links, reports)
            return None
        return self._confirm_delete(people, links, reports)

    def delete_people(self, person_ids: list[str]) -> QMessageBox | None:
        return self._confirm_delete(person_ids, [], {})

    def _confirm_delete(
        self, people: list[str], links: list[str], reports: dict[str, str]
    ) -> QMessageBox:
        names = [self.document.name(pid) for pid in people]
        link_count = sum(
            1 for link in self.document.links() if link.from_id in people or link.to_id in people
        )
        if len(people) == 1:
            question = self.tr("Delete {0} from this map?").format(names[0])
        else:
            question = self.tr("Delete {0} people from this map?").format(len(people))
        details = self.tr(
            "Their links ({0}) go with them; people who report to them stay on the map without "
            "a manager. You can undo this."
        ).format(link_count)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete"),
            question,
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("confirm_delete")
        box.setInformativeText(details)
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(_result: int) -> None:
            if box.clickedButton() is delete:
                self._push_delete(people, links, reports)

        box.finished.connect(done)
        box.open()
        return box

    def purge_person(self, person_id: str) -> QMessageBox | None:
        """Ask, then blank the person for good (see ui.operations.purge); undo is cleared after."""
        if self.document.person(person_id) is None:
            return None
        return confirm_purge(
            self.ctx, "stakeholder", person_id, self.document.name(person_id), self
        )

    def _push_delete(self, people: list[str], links: list[str], reports: dict[str, str]) -> None:
        names = [self.document.name(pid) for pid in people]
        if people and not links and not reports:
            command: UndoCommand = commands.DeletePeopleCommand(self.ctx, people, names)
        elif links and not people and not reports:
            command = commands.DeleteLinksCommand(self.ctx, links)
        elif len(reports) == 1 and not people and not links:
            pid, manager = next(iter(reports.items()))
            command = commands.SetReportsToCommand(
                self.ctx,
                pid,
                manager,
                None,
                self.tr("Remove {0}'s manager").format(self.document.name(pid)),
            )
        else:
            command = commands.DeleteSelectionCommand(
                self.ctx,
                link_ids=links,
                reports=reports,
                person_ids=people,
                text=self.tr("Delete selection"),
            )
        push(command)

    # --- arrange, reuse, export -------------------------------------------------------------
    def _org_positions(self) -> dict[str, tuple[float, float]]:
        layout = org_chart(
            (
                LayoutNode(p.id, p.reports_to_id, (round(p.x), round(p.y), p.name))
                for p in self.document.people()
            ),
            LAYOUT_SPACING,
        )
        return layout.positions

    def arrange(self) -> None:
        people = {p.id: p for p in self.document.people()}
        if not people:
            return
        new = self._org_positions()
        old = {pid: (people[pid].x, people[pid].y) for pid in new}
        moved = {pid: pos for pid, pos in new.items() if old[pid] != pos}
        if moved:
            push(
                commands.MovePeopleCommand(
                    self.ctx,
                    {pid: old[pid] for pid in moved},
                    moved,
                    self.tr("Arrange as org chart"),
                ),
            )
        self.view.fit()

    def reuse_people(self) -> ReuseDialog | None:
        if self.pursuit_id is None:
            return None
        try:
            candidates = service.reusable_people(self.ctx.workspace, self.pursuit_id)
        except Exception as exc:  # in words, logged in full: never the exception's own text
            show_error(self, exc, "desktop.services.stakeholder_map")
            return None
        if not candidates:
            show_message(
                self,
                self.tr("Nobody to reuse: {0} has no other pursuit with people on its map.").format(
                    self.document.account_name
                ),
            )
            return None
        dialog = ReuseDialog(candidates, self.map_style, self.document.account_name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        names = {c.id: c.name for c in candidates}
        dialog.accepted.connect(lambda: self._copy_people(dialog.chosen(), names))
        dialog.open()
        return dialog

    def _copy_people(self, source_ids: list[str], names: dict[str, str]) -> None:
        if not source_ids or self.pursuit_id is None:
            return
        rect = self.scene.people_rect()
        left = (rect.right() + 64) if not rect.isEmpty() else 0.0
        top = rect.top() if not rect.isEmpty() else 0.0
        positions = {
            sid: (round(left / GRID) * GRID, round((top + i * (CARD_HEIGHT + 24)) / GRID) * GRID)
            for i, sid in enumerate(source_ids)
        }
        command = commands.CopyPeopleCommand(
            self.ctx, self.pursuit_id, source_ids, positions, [names[s] for s in source_ids]
        )
        if push(command):
            self.select_people(command.person_ids)
            if command.person_ids:
                self.view.ensureVisible(self.scene.people[command.person_ids[0]], 40, 40)

    def default_export_name(self, suffix: str) -> str:
        base = (
            "-".join(p for p in (self.document.account_name, self.document.pursuit_title) if p)
            or "map"
        )
        base = re.sub(r'[\\/:*?"<>|\s]+', "_", base).strip("_")
        label = self.tr("stakeholder-map")
        return f"{base}-{label}.{suffix}"

    def _export_dir(self) -> str:
        state = self.ctx.settings.screen_state(SETTINGS_KEY)
        return str(state.get("export_dir") or paths.documents_dir())

    def export_png_dialog(self) -> None:
        self._export_dialog(OutputKind.PNG)

    def export_pdf_dialog(self) -> None:
        self._export_dialog(OutputKind.PDF)

    def _export_dialog(self, kind: OutputKind, proposed: Path | None = None) -> None:
        """Ask where to save the map as `kind` (starting at `proposed`, a name chosen before)."""
        suffix = f".{kind.value}"
        if kind == OutputKind.PNG:
            title, filter_ = self.tr("Export map as PNG"), self.tr("PNG picture (*.png)")
        else:
            title, filter_ = self.tr("Export map as PDF"), self.tr("PDF document (*.pdf)")
        start = proposed or Path(self._export_dir()) / self.default_export_name(kind.value)
        path, _ = QFileDialog.getSaveFileName(
            self, title, str(start), filter_, options=SAVE_OPTIONS
        )
        if not path:
            return
        target = Path(path if path.lower().endswith(suffix) else path + suffix)
        # Never over the database; over another kind of file only when the user says so.
        ask_before_writing(
            self,
            target,
            kind,
            database=self.ctx.workspace.path,
            write=self.export_to,
            again=lambda: self._export_dialog(kind, target),
            title=title,
        )

    def export_to(self, path: Path) -> bool:
        """Write the map to `path` (PNG or PDF by its suffix) and say so in the status bar."""
        writer = export_pdf if path.suffix.lower() == ".pdf" else export_png
        try:
            ok = writer(self.ctx, self.document, path)
        except OSError as exc:
            ok = False
            log.warning("export failed: %s", exc)
        if not ok:
            show_message(
                self,
                self.tr(
                    "The map could not be written to {0}. Check the folder and try again."
                ).format(str(path)),
            )
            return False
        state = self.ctx.settings.screen_state(SETTINGS_KEY)
        state["export_dir"] = str(path.parent)
        self.ctx.settings.set_screen_state(SETTINGS_KEY, state)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(self.tr("Map saved to {0}").format(str(path)), 6000)
        return True

    # --- keyboard ---------------------------------------------------------------------------
    def _key(self, event: QKeyEvent) -> bool:
        controller = self.controller
        if controller.interaction is not None and controller.interaction.key_press(event):
            return True
        key = event.key()
        mods = event.modifiers()
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if key in ARROWS and not ctrl:
            dx, dy = ARROWS[key]  # type: ignore[index]
            if alt or not self.scene.selected_people():
                self._select_towards(dx, dy)
            else:
                step = GRID * (5 if shift else 1)
                self._nudge(dx * step, dy * step)
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selection()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            people = self.scene.selected_people()
            if len(people) == 1:
                self.edit_person(people[0])
                return True
            return False
        if key == Qt.Key.Key_Escape:
            self.scene.clearSelection()
            return True
        text = event.text()
        if text in ("+", "="):
            self.view.zoom_in()
            return True
        if text in ("-", "_"):
            self.view.zoom_out()
            return True
        if ctrl and key == Qt.Key.Key_A:
            self.scene.select_only(list(self.scene.people.values()))
            return True
        if ctrl or alt:
            return False
        if key in (Qt.Key.Key_F, Qt.Key.Key_0):
            self.view.fit()
            return True
        if key == Qt.Key.Key_1:
            self.view.actual_size()
            return True
        if key in (Qt.Key.Key_N, Qt.Key.Key_Insert):
            self.add_person()
            return True
        return False

    def _nudge(self, dx: float, dy: float) -> None:
        old, new = {}, {}
        for pid in self.scene.selected_people():
            person = self.document.person(pid)
            if person is None:
                continue
            old[pid] = (person.x, person.y)
            new[pid] = (person.x + dx, person.y + dy)
        if new:
            push(
                commands.MovePeopleCommand(self.ctx, old, new, nudge=True),
            )
            first = self.scene.people.get(next(iter(new)))
            if first is not None:
                self.view.ensureVisible(first, 24, 24)

    def _select_towards(self, dx: int, dy: int) -> None:
        """Select the nearest card in the arrow's direction (or a first card)."""
        items = list(self.scene.people.values())
        if not items:
            return
        selected = [self.scene.people[p] for p in self.scene.selected_people()]
        best: PersonItem | None
        if not selected:
            centre = self.view.mapToScene(self.view.viewport().rect().center())
            best = min(items, key=lambda i: _distance(i.centre(), centre))
        else:
            origin = selected[0].centre()
            best = None
            best_score = float("inf")
            for item in items:
                if item in selected:
                    continue
                offset = item.centre() - origin
                along = offset.x() * dx + offset.y() * dy
                if along <= 1:
                    continue
                across = abs(offset.x() * dy) + abs(offset.y() * dx)
                score = along + across * 2
                if score < best_score:
                    best, best_score = item, score
            if best is None:
                return
        self.scene.select_only([best])
        self.view.ensureVisible(best, 40, 40)

    # --- state ------------------------------------------------------------------------------
    def _zoom_changed(self, zoom: float) -> None:
        self.zoom_label.setText(f"{round(zoom * 100)}%")

    def _legend_toggled(self, on: bool) -> None:
        self.legend.setVisible(on)
        self._save_state()

    def _restore_state(self) -> None:
        state = self.ctx.settings.screen_state(SETTINGS_KEY)
        sizes = state.get("splitter")
        if isinstance(sizes, list) and len(sizes) == 2 and all(isinstance(s, int) for s in sizes):
            self.splitter.setSizes(sizes)
        else:
            self.splitter.setSizes([900, 340])
        tab = state.get("tab", 0)
        if isinstance(tab, int) and 0 <= tab < self.side.count():
            self.side.setCurrentIndex(tab)
        legend = state.get("legend", True)
        self.legend_action.setChecked(bool(legend))
        self.legend.setVisible(bool(legend))

    def _save_state(self) -> None:
        state = self.ctx.settings.screen_state(SETTINGS_KEY)
        state.update(
            splitter=self.splitter.sizes(),
            tab=self.side.currentIndex(),
            legend=self.legend_action.isChecked(),
        )
        self.ctx.settings.set_screen_state(SETTINGS_KEY, state)

    def save_state(self) -> None:
        self.details.person.commit_pending()
        self._save_state()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "scene"):
            self.map_style = MapStyle(self.ctx.catalog, self.ctx.lang, palette=self.palette())
            self.scene.set_style(self.map_style)
            self.legend.set_style(self.map_style)

    def hideEvent(self, event: QHideEvent) -> None:
        self.details.person.commit_pending()
        super().hideEvent(event)


def _distance(a: QPointF, b: QPointF) -> float:
    d = a - b
    return d.x() * d.x() + d.y() * d.y()
