"""An account's page: who the customer is, its pipeline, and its pursuits, people and visits,
and its timeline (its own notes and activities and those of its pursuits) with a note box."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.accounts import AccountPage, AccountSummary, PersonRow
from desktop.services.changes import ChangeKind, Changes
from desktop.services.documents import Owner
from desktop.services.queries import timeline
from desktop.services.queries.timeline import VISIT, TimelineEntry
from desktop.ui.accounts.models import PeopleModel, VisitsModel
from desktop.ui.common.documents import DocumentsPanel
from desktop.ui.common.format import money_short
from desktop.ui.common.icons import icon
from desktop.ui.common.pursuit_table import ICON_SIZE, ListFilter, PursuitTableModel
from desktop.ui.common.table import RowTableModel
from desktop.ui.common.timeline import NoteBox, TimelineModel, TimelineView
from desktop.ui.context import AppContext

# Columns of the pursuits table that the account page leaves out (they repeat the account).
HIDDEN_PURSUIT_COLUMNS = (
    "account",
    "win_rate",
    "next_step_due",
    "owner",
    "closed_on",
    "close_reason",
    "updated_at",
)


def table(model: RowTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(26)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for number, column in enumerate(model.columns):
        header.resizeSection(number, column.width)
        header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
        header.setSectionHidden(number, column.hidden)
    return view


class AccountPageView(QWidget):
    """Shows one account; asks its screen to edit, merge, delete or open what it lists."""

    edit_requested = Signal()
    merge_requested = Signal(str)  # the suggested duplicate's id, or ""
    delete_requested = Signal()
    pursuit_requested = Signal(str, str)  # pursuit id, workspace tab ("" for the default)
    visit_requested = Signal(str, str)  # visit id, pursuit id
    list_requested = Signal(str)  # show the account's pursuits in the Pursuits list

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("account_page")
        self.ctx = ctx
        self.lang = ctx.lang
        self.page: AccountPage | None = None

        self.name = QLabel()
        self.name.setObjectName("account_title")
        font = QFont(self.name.font())
        font.setPointSizeF(font.pointSizeF() + 6)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name.setWordWrap(True)
        self.meta = QLabel()
        self.meta.setObjectName("account_meta")
        self.meta.setStyleSheet("color: #6B7280;")
        self.meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stats = QLabel()
        self.stats.setObjectName("account_stats")
        self.notes = QLabel()
        self.notes.setObjectName("account_notes_label")
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.duplicates = QLabel()
        self.duplicates.setObjectName("account_duplicates")
        self.duplicates.setWordWrap(True)
        self.duplicates.setTextFormat(Qt.TextFormat.RichText)
        self.duplicates.linkActivated.connect(self.merge_requested.emit)

        self.edit_button = self._button("account_edit", self.tr("Edit…"), "edit")
        self.edit_button.clicked.connect(self.edit_requested.emit)
        self.merge_button = self._button("account_merge", self.tr("Merge…"), "merge")
        self.merge_button.setToolTip(self.tr("Merge a duplicate of this customer into it"))
        self.merge_button.clicked.connect(lambda: self.merge_requested.emit(""))
        self.list_button = self._button("account_in_list", self.tr("In the Pursuits list"), "open")
        self.list_button.setToolTip(self.tr("Show this account's pursuits in the Pursuits list"))
        self.list_button.clicked.connect(
            lambda: self.page is not None and self.list_requested.emit(self.page.id)
        )
        self.delete_button = self._button("account_delete", self.tr("Delete"), "delete")
        self.delete_button.clicked.connect(self.delete_requested.emit)
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for button in (self.edit_button, self.merge_button, self.list_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)

        self.pursuits = PursuitTableModel(ctx.catalog, self.lang, ctx.workspace.stale_limit, self)
        self.pursuits.set_list_filter(ListFilter(statuses=frozenset()))
        self.pursuits.sort(self.pursuits.column_index("stage"), Qt.SortOrder.DescendingOrder)
        self.pursuit_view = table(self.pursuits, "account_pursuits")
        self.pursuit_view.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        header = self.pursuit_view.horizontalHeader()
        for key in HIDDEN_PURSUIT_COLUMNS:
            header.setSectionHidden(self.pursuits.column_index(key), True)
        header.setSortIndicator(self.pursuits.column_index("stage"), Qt.SortOrder.DescendingOrder)
        # The page is half a laptop screen wide: the figures and dates fit their text (an
        # account has a handful of pursuits) and the title takes what is left, so the last
        # column (预计成交) is never cut off.
        header.setStretchLastSection(False)
        title = self.pursuits.column_index("title")
        for number in range(self.pursuits.columnCount()):
            header.setSectionResizeMode(
                number,
                QHeaderView.ResizeMode.Stretch
                if number == title
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        self.pursuit_view.doubleClicked.connect(self._open_pursuit)
        self.people = PeopleModel(ctx.catalog, self.lang, self)
        self.people.sort(0, Qt.SortOrder.AscendingOrder)
        self.people_view = table(self.people, "account_people")
        self.people_view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.people_view.doubleClicked.connect(self._open_person)
        # A person on several pursuits: the menu opens the map of any of them.
        self.people_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.people_view.customContextMenuRequested.connect(self._people_menu)
        self.visits = VisitsModel(self)
        self.visits.sort(0, Qt.SortOrder.DescendingOrder)
        self.visits_view = table(self.visits, "account_visits")
        self.visits_view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.visits_view.doubleClicked.connect(self._open_visit)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("account_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.pursuit_view, "")
        self.tabs.addTab(self.people_view, "")
        self.tabs.addTab(self.visits_view, "")
        self.note_box = NoteBox(ctx)
        self.note_box.setObjectName("account_note_box")
        self.note_box.saved.connect(self._load_timeline)
        self.timeline = TimelineModel(ctx.catalog, self.lang, self)
        self.timeline.show_pursuit = True  # an account's entries come from several pursuits
        self.timeline_view = TimelineView(self.timeline)
        self.timeline_view.setObjectName("account_timeline")
        self.timeline_view.opened.connect(self._open_entry)
        timeline_tab = QWidget()
        timeline_box = QVBoxLayout(timeline_tab)
        timeline_box.setContentsMargins(0, 6, 0, 0)
        timeline_box.setSpacing(6)
        timeline_box.addWidget(self.note_box)
        timeline_box.addWidget(self.timeline_view, 1)
        self.tabs.addTab(timeline_tab, "")
        self.documents = DocumentsPanel(ctx)
        self.documents.count_changed.connect(
            lambda _n: self.tabs.setTabText(4, self.documents.tab_title())
        )
        self.tabs.addTab(self.documents, "")
        self._timeline_timer = QTimer(self)
        self._timeline_timer.setSingleShot(True)
        self._timeline_timer.setInterval(0)
        self._timeline_timer.timeout.connect(self._load_timeline)
        ctx.changed.connect(self._on_changed)

        box = QVBoxLayout(self)
        box.setContentsMargins(16, 12, 12, 8)
        box.setSpacing(6)
        box.addWidget(self.name)
        box.addWidget(self.meta)
        box.addWidget(self.stats)
        box.addWidget(self.notes)
        box.addWidget(self.duplicates)
        box.addLayout(buttons)
        box.addSpacing(4)
        box.addWidget(self.tabs, 1)

    def _button(self, name: str, text: str, icon_name: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setIcon(icon(icon_name))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        return button

    def show_page(
        self,
        page: AccountPage,
        summary: AccountSummary | None,
        similar: Sequence[tuple[str, str]] = (),
        flags: dict[str, int] | None = None,
    ) -> None:
        self.page = page
        fields = page.fields
        self.name.setText(page.name)
        meta = [text for text in (fields.get("industry"), fields.get("address")) if text]
        self.meta.setText("  ·  ".join(meta) if meta else self.tr("No industry or address yet"))
        self.show_totals(summary)
        notes = str(fields.get("notes") or "").strip()
        self.notes.setText(notes)
        self.notes.setVisible(bool(notes))
        if similar:
            links = "、" if self.lang == "zh" else ", "
            names = links.join(
                f'<a href="{account_id}">{_escape(name)}</a>' for account_id, name in similar
            )
            self.duplicates.setText(
                self.tr("Possible duplicates: {0} — click one to merge it.").format(names)
            )
        self.duplicates.setVisible(bool(similar))
        self.pursuits.today = date.today()
        self.pursuits.set_rows(page.pursuits)
        if flags is not None:
            self.pursuits.set_flags({p.id: flags[p.id] for p in page.pursuits if p.id in flags})
        self.people.set_rows(page.people)
        self.visits.set_rows(page.visits)
        self.tabs.setTabText(0, self.tr("Pursuits ({0})").format(len(page.pursuits)))
        self.tabs.setTabText(1, self.tr("People ({0})").format(len(page.people)))
        self.tabs.setTabText(2, self.tr("Visits ({0})").format(len(page.visits)))
        self.note_box.account_id = page.id
        self.documents.set_owner(Owner.account(page.id))
        self._load_timeline()
        self.delete_button.setEnabled(not page.pursuits)
        self.delete_button.setToolTip(
            self.tr("Delete this account (undo with Ctrl+Z)")
            if not page.pursuits
            else self.tr("An account with pursuits cannot be deleted: merge it, or move them")
        )

    def show_totals(self, summary: AccountSummary | None) -> None:
        """The line of the account's pipeline totals; blank while its row has none yet (the
        screen paints the accounts first and their totals right after)."""
        if summary is None or not summary.totals:
            self.stats.setText("")
            return
        lang = self.lang
        parts = [
            self.tr("{0} open of {1} pursuits").format(summary.open_pursuits, summary.pursuits),
            self.tr("pipeline {0}").format(money_short(summary.open_amount, "CNY", lang)),
            self.tr("weighted {0}").format(money_short(summary.weighted, "CNY", lang)),
            self.tr("won {0}").format(money_short(summary.won_amount, "CNY", lang)),
        ]
        self.stats.setText("  ·  ".join(parts))

    def _load_timeline(self) -> None:
        self._timeline_timer.stop()
        if self.page is None:
            return
        entries = timeline.timeline(self.ctx.workspace, account_id=self.page.id)
        self.timeline.set_entries(entries)
        self.tabs.setTabText(3, self.tr("Timeline ({0})").format(len(entries)))

    def _on_changed(self, changes: Changes) -> None:
        watched = (ChangeKind.NOTE, ChangeKind.ACTIVITY, ChangeKind.VISIT, ChangeKind.PURSUIT)
        if self.page is not None and (changes.everything or changes.touches(*watched)):
            self._timeline_timer.start()

    def _open_entry(self, entry: TimelineEntry) -> None:
        """A visit opens as a visit; anything else of a pursuit opens that pursuit's timeline."""
        if entry.pursuit_id is None:
            return
        if entry.kind == VISIT:
            self.visit_requested.emit(entry.id, entry.pursuit_id)
        else:
            self.pursuit_requested.emit(entry.pursuit_id, "timeline")

    def _open_pursuit(self, index: QModelIndex) -> None:
        row = self.pursuits.row_at(index)
        if row is not None:
            self.pursuit_requested.emit(row.id, "")

    def _open_person(self, index: QModelIndex) -> None:
        row = self.people.row_at(index)
        if row is not None and row.pursuit_id is not None:  # a person on no map opens none
            self.pursuit_requested.emit(row.pursuit_id, "stakeholders")

    def person_menu(self, row: PersonRow) -> QMenu:
        """One action per pursuit the person is on, opening that pursuit's map."""
        menu = QMenu(self.people_view)
        for member in row.pursuits:
            action = menu.addAction(self.tr("Open the map of {0}").format(member.pursuit_title))
            action.triggered.connect(
                lambda _=False, pid=member.pursuit_id: self.pursuit_requested.emit(
                    pid, "stakeholders"
                )
            )
        return menu

    def _people_menu(self, pos: QPoint) -> None:
        row = self.people.row_at(self.people_view.indexAt(pos))
        menu = self.person_menu(row) if row is not None else QMenu(self.people_view)
        if self.page is not None and self.page.people:
            if not menu.isEmpty():
                menu.addSeparator()
            menu.addAction(self.tr("Export the Account's People (vCard)…"), self.export_vcards)
        if not menu.isEmpty():
            menu.exec(self.people_view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def export_vcards(self, path: Path | None = None) -> None:
        """Every live person of this account, once each, as a .vcf file (a phone, Outlook)."""
        from desktop.services.imports import vcards
        from desktop.ui.common.vcard_export import export_people

        if self.page is None:
            return
        ws, account_id = self.ctx.workspace, self.page.id
        export_people(
            self, ws.path, lambda: vcards.account_cards(ws, account_id), self.name.text(), path
        )

    def _open_visit(self, index: QModelIndex) -> None:
        row = self.visits.row_at(index)
        if row is not None:
            self.visit_requested.emit(row.id, row.pursuit_id)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
