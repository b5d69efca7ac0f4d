"""The Visits screen (拜访): the visits across all pursuits, this week's and next by default.

Past visits of the last 30 days that still wait for their outcome are listed first, in red with
the words "outcome?", so nothing learned in a meeting is forgotten. The rep may choose another
period (the last 30 or 90 days, the next 90, or a date range of their own: past and coming visits,
grouped by week) or a week view (seven day columns, one week at a time). The list is one service
query; it reloads when visits, pursuits or people change, and at midnight (the weeks move on).
"""

from __future__ import annotations

import html
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.services import visits
from desktop.services.changes import ChangeKind, Changes
from desktop.services.reports import ics
from desktop.services.visits import VisitRow, utcnow
from desktop.ui.common import format as fmt
from desktop.ui.context import AppContext
from desktop.ui.visits.actions import VisitActions, visit_icon
from desktop.ui.visits.models import RoomyDelegate, UpcomingVisitsModel
from desktop.ui.visits.printing import CalendarExport, system_zone_name
from desktop.ui.visits.week import WeekView

STATE_KEY = "visits"
# The periods the list can show: key -> (days back, days ahead) from today; None for the two
# that are not a plain window (this week and next; a range the rep sets).
UPCOMING, RANGE = "upcoming", "range"
PERIODS: dict[str, tuple[int, int] | None] = {
    UPCOMING: None,
    "past30": (30, 0),
    "past90": (90, 0),
    "next90": (0, 90),
    RANGE: None,
}


class VisitsScreen(QWidget):
    def __init__(self, ctx: AppContext, window: QWidget | None = None) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window_ = window
        self._listed_pursuits: set[str] = set()
        stages = [ctx.catalog.stage(n).process(ctx.lang) for n in range(1, 9)]
        self.model = UpcomingVisitsModel(ctx.lang, self, stage_names=stages)
        self.view = QTreeView()
        self.view.setObjectName("upcoming_view")
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setRootIsDecorated(False)
        self.view.setIndentation(14)
        self.view.setItemDelegate(RoomyDelegate(self.view))
        self.view.setItemsExpandable(False)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAllColumnsShowFocus(True)
        self.view.doubleClicked.connect(self._activated)
        self.view.activated.connect(self._activated)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(UpcomingVisitsModel.OBJECTIVE, QHeaderView.ResizeMode.Stretch)

        self.visit_actions = VisitActions(ctx, self, self.current, self.current_pursuit)
        self.visit_actions.message.connect(self._status)
        self.visit_actions.saved.connect(self._show_saved)
        self.export_all = QAction(self.tr("All to calendar…"), self)
        self.export_all.setObjectName("export_all")
        self.export_all.triggered.connect(lambda _=False: self.export_upcoming())
        self.open_pursuit = QAction(visit_icon("open"), self.tr("Open pursuit"), self)
        self.open_pursuit.setObjectName("open_pursuit")
        self.open_pursuit.triggered.connect(lambda _=False: self.show_pursuit())
        self.print_action = self.visit_actions.print_widget_action()

        self.empty = QLabel()
        self.empty.setObjectName("empty_state")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(Qt.TextFormat.RichText)
        self.empty.setText(
            "<h3>{}</h3><p>{}</p>".format(
                html.escape(self.tr("No visits this week or next")),
                html.escape(
                    self.tr(
                        "Plan the next meeting with New visit, then print its plan the "
                        "night before."
                    )
                ),
            )
        )
        self._empty_upcoming = self.empty.text()
        new_button = QPushButton(self.tr("New visit"))
        new_button.setObjectName("empty_new")
        new_button.clicked.connect(lambda: self.visit_actions.new_visit())
        empty_page = QWidget()
        empty_box = QVBoxLayout(empty_page)
        empty_box.addStretch(1)
        empty_box.addWidget(self.empty)
        empty_box.addWidget(new_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_box.addStretch(2)
        self.week = WeekView(ctx.lang)
        self.week.chosen.connect(self.select)
        self.week.opened.connect(self._open_from_week)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.view)
        self.pages.addWidget(empty_page)
        self.pages.addWidget(self.week)
        self.empty_page = empty_page

        self.period = QComboBox()
        self.period.setObjectName("period")
        labels = {
            UPCOMING: self.tr("This week and next"),
            "past30": self.tr("Last 30 days"),
            "past90": self.tr("Last 90 days"),
            "next90": self.tr("Next 90 days"),
            RANGE: self.tr("Date range"),
        }
        for key in PERIODS:
            self.period.addItem(labels[key], key)
        today = QDate.currentDate()
        self.range_from = QDateEdit(today.addDays(-30))
        self.range_from.setObjectName("range_from")
        self.range_to = QDateEdit(today.addDays(14))
        self.range_to.setObjectName("range_to")
        for edit in (self.range_from, self.range_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(lambda _d: self.reload())
        self.range_dash = QLabel("–")
        self.period.currentIndexChanged.connect(lambda _i: self._period_changed())
        self.week_button = QPushButton(self.tr("Week view"))
        self.week_button.setObjectName("week_toggle")
        self.week_button.setCheckable(True)
        self.week_button.toggled.connect(lambda _on: self.reload())
        self.week_back = QPushButton("◀")
        self.week_back.setObjectName("week_back")
        self.week_back.setToolTip(self.tr("The week before"))
        self.week_back.clicked.connect(lambda: self.move_week(-1))
        self.week_next = QPushButton("▶")
        self.week_next.setObjectName("week_next")
        self.week_next.setToolTip(self.tr("The week after"))
        self.week_next.clicked.connect(lambda: self.move_week(1))
        self.week_today = QPushButton(self.tr("This week"))
        self.week_today.setObjectName("week_today")
        self.week_today.clicked.connect(lambda: self.show_week(fmt.local(utcnow()).date()))
        for button in (self.week_back, self.week_next):
            button.setFixedWidth(button.fontMetrics().horizontalAdvance("◀") + 24)
        self.monday = visits.week_start(fmt.local(utcnow()).date())

        self.title = QLabel()
        self.title.setObjectName("screen_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.counts = QLabel()
        self.counts.setObjectName("counts")
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.counts, 1)
        for widget in (
            self.period,
            self.range_from,
            self.range_dash,
            self.range_to,
            self.week_back,
            self.week_today,
            self.week_next,
            self.week_button,
        ):
            top.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)

        self.summary = VisitSummary(ctx, self.visit_actions)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        ctx.changed.connect(self._on_changed)
        self.midnight = QTimer(self)
        self.midnight.setSingleShot(True)
        self.midnight.timeout.connect(self.reload)
        self.reload()
        self._restore_state()

    # --- toolbar (MainWindow) ---------------------------------------------------------------
    @property
    def print_button(self) -> QToolButton | None:
        """The "Print plan ▾" button on the window's toolbar now (None while not shown)."""
        widgets = self.print_action.createdWidgets()
        button = widgets[-1] if widgets else None
        return button if isinstance(button, QToolButton) else None

    def toolbar_actions(self) -> list[QAction | QWidget | None]:
        a = self.visit_actions
        return [
            a.new,
            a.edit,
            a.outcome,
            None,
            self.print_action,
            None,
            a.calendar,
            self.export_all,
            None,
            self.open_pursuit,
            a.delete,
        ]

    # --- period and week ----------------------------------------------------------------------
    def period_key(self) -> str:
        return str(self.period.currentData())

    def set_period(self, key: str) -> None:
        self.period.setCurrentIndex(list(PERIODS).index(key))

    def set_range(self, first: date, last: date) -> None:
        """Show the visits from `first` to `last` (local days, both included)."""
        for edit, day in ((self.range_from, first), (self.range_to, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        if self.period_key() != RANGE:
            self.set_period(RANGE)  # reloads
        else:
            self.reload()

    def _period_changed(self) -> None:
        if self.week_button.isChecked():
            self.week_button.setChecked(False)  # reloads
        else:
            self.reload()

    def show_week(self, day: date) -> None:
        """The week view on the week of `day`."""
        self.monday = visits.week_start(day)
        if not self.week_button.isChecked():
            self.week_button.setChecked(True)  # reloads
        else:
            self.reload()

    def move_week(self, weeks: int) -> None:
        self.show_week(self.monday + timedelta(days=7 * weeks))

    def window_days(self) -> tuple[date, date] | None:
        """The local days the list shows, or None for "this week and next"."""
        if self.week_button.isChecked():
            return self.monday, self.monday + timedelta(days=6)
        key = self.period_key()
        if key == RANGE:
            first, last = fmt.py_date(self.range_from.date()), fmt.py_date(self.range_to.date())
            return (first, last) if first <= last else (last, first)
        window = PERIODS.get(key)
        if window is None:
            return None
        today = fmt.local(utcnow()).date()
        return today - timedelta(days=window[0]), today + timedelta(days=window[1])

    def _open_from_week(self, visit_id: str) -> None:
        if self.select(visit_id):
            self.visit_actions.edit_visit()

    # --- data -------------------------------------------------------------------------------------
    def reload(self) -> None:
        selected = self.current()
        now = utcnow()
        days = self.window_days()
        if days is None:
            rows = visits.upcoming_visits(self.ctx.workspace)
        else:
            rows = visits.visits_between(self.ctx.workspace, days[0], days[1])
        self.model.set_rows(rows, now)
        self._listed_pursuits = {row.pursuit_id for row in rows}
        self.view.expandAll()
        for group in range(self.model.rowCount()):
            self.view.setFirstColumnSpanned(group, QModelIndex(), True)
        week = self.week_button.isChecked()
        if week:
            self.week.set_week(self.monday, rows)
        page: QWidget = self.week if week else self.view if rows else self.empty_page
        self.pages.setCurrentWidget(page)
        ranged = self.period_key() == RANGE and not week
        for part in (self.range_from, self.range_dash, self.range_to):
            part.setVisible(ranged)
        for button in (self.week_back, self.week_today, self.week_next):
            button.setVisible(week)
        self.period.setEnabled(not week)
        self._update_counts(rows, now)
        if selected is not None:
            self.select(selected.id)
        self._selection_changed()
        self._arm_midnight()

    def _update_counts(self, rows: list[VisitRow], now: datetime) -> None:
        self.title.setText(self.tr("Visits"))
        days = self.window_days()
        if days is not None:
            self._update_range_counts(rows, now, days)
            return
        self.empty.setText(self._empty_upcoming)
        waiting = sum(
            1
            for r in rows
            if r.bucket == visits.NEEDS_OUTCOME or (r.is_past(now) and not r.has_outcome)
        )
        planned = sum(1 for r in rows if not r.is_past(now))
        text = self.tr("{0} coming up this week and next").format(planned)
        if waiting:
            text += " · " + self.tr("{0} waiting for their outcome").format(waiting)
        self.counts.setText(text)
        # "All" is the list's coming visits: the file holds what the header counts, no more.
        self.export_all.setEnabled(planned > 0)
        if planned:
            tip = self.tr(
                "Save the {0} visits still to come in this list (this week and next) as one "
                ".ics file"
            ).format(planned)
        else:
            tip = self.tr("No visits still to come this week or next")
        self.export_all.setToolTip(tip)
        self.export_all.setStatusTip(tip)

    def _update_range_counts(
        self, rows: list[VisitRow], now: datetime, days: tuple[date, date]
    ) -> None:
        today = fmt.local(now).date()
        past = sum(1 for r in rows if r.is_past(now))
        text = self.tr("{0} to {1}: {2} held, {3} coming").format(
            fmt.short_date(days[0], self.ctx.lang, today),
            fmt.short_date(days[1], self.ctx.lang, today),
            past,
            len(rows) - past,
        )
        self.counts.setText(text)
        planned = len(rows) - past
        self.export_all.setEnabled(planned > 0)
        tip = (
            self.tr("Save the {0} visits still to come in this list as one .ics file").format(
                planned
            )
            if planned
            else self.tr("No visits still to come in this list")
        )
        self.export_all.setToolTip(tip)
        self.export_all.setStatusTip(tip)
        if not rows:
            self.empty.setText(
                "<h3>{}</h3>".format(html.escape(self.tr("No visits in this period")))
            )

    def _arm_midnight(self) -> None:
        local_now = fmt.local(utcnow())
        tomorrow = datetime.combine(local_now.date() + timedelta(days=1), datetime.min.time())
        self.midnight.start(int((tomorrow - local_now).total_seconds() * 1000) + 1000)

    def _on_changed(self, changes: Changes) -> None:
        """Reload when visits change, or anything of a pursuit this list shows."""
        if changes.everything or changes.touches(
            ChangeKind.VISIT, ChangeKind.VISIT_ATTENDEE, ChangeKind.ACCOUNT
        ):
            self.reload()
            return
        touched = changes.ids(ChangeKind.PURSUIT) | changes.ids(ChangeKind.PURSUIT_PART)
        if touched & self._listed_pursuits:
            self.reload()

    def current(self) -> VisitRow | None:
        return self.model.visit(self.view.currentIndex())

    def current_pursuit(self) -> str | None:
        return None  # a new visit from here asks for its pursuit

    def select(self, visit_id: str) -> bool:
        index = self.model.index_of(visit_id)
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def open_item(self, kind: str, item_id: str) -> bool:
        return kind == "visit" and self.select(item_id)

    def coming_ids(self) -> list[str]:
        """The listed visits that have not begun yet, in time order: what "All to calendar"
        saves (the header's "coming up this week and next" counts the same)."""
        now = utcnow()
        return [
            row.id for _bucket, rows in self.model.groups for row in rows if not row.is_past(now)
        ]

    def export_upcoming(self) -> CalendarExport | None:
        """The coming visits, with the open activities of the same window (this week and next)
        beside them: a calendar shows the whole day's plan."""
        until = visits.Weeks.around(date.today()).until
        activity_ids = ics.upcoming_activity_ids(
            self.ctx.workspace, tz=system_zone_name(), until=until
        )
        return self.visit_actions.export_visits(self.coming_ids(), activity_ids)

    def show_pursuit(self) -> None:
        visit = self.current()
        opener = getattr(self.window_, "open_pursuit", None)
        if visit is not None and opener is not None:
            opener(visit.pursuit_id, "visits")

    # --- selection and details ----------------------------------------------------------------
    def _show_saved(self, visit_id: str) -> None:
        # The visit just saved is the one the rep acts on next (print its plan, record the
        # outcome): select it when the period shows it, and give the list (or the week) the keys.
        if not self.model.index_of(visit_id).isValid():
            self.reload()
        page = self.pages.currentWidget()
        if self.select(visit_id) and page is not None:
            page.setFocus()

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.visit_actions.update()
        visit = self.current()
        self.open_pursuit.setEnabled(visit is not None)
        self.summary.show_visit(visit)
        self._show_details()

    def _show_details(self) -> None:
        setter = getattr(self.window_, "set_details", None)
        if setter is None or not self.isVisible():
            return
        if self.current() is None:
            if self._dock_holds_summary():
                setter(None)
            return
        setter(self.summary, self.tr("Visit"))

    def _dock_holds_summary(self) -> bool:
        dock = getattr(self.window_, "details", None)
        return dock is not None and dock.widget() is self.summary

    def _activated(self, index: QModelIndex) -> None:
        if self.model.visit(index) is not None:
            self.visit_actions.edit_visit()

    def _status(self, text: str) -> None:
        bar = getattr(self.window_, "statusBar", None)
        if bar is not None:
            bar().showMessage(text, 8000)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_details()

    def hideEvent(self, event: QHideEvent) -> None:
        setter = getattr(self.window_, "set_details", None)
        if setter is not None and self._dock_holds_summary():
            setter(None)
        super().hideEvent(event)

    # --- layout state -------------------------------------------------------------------------
    def _restore_state(self) -> None:
        state = self.ctx.settings.screen_state(STATE_KEY)
        widths = state.get("widths")
        if isinstance(widths, list) and len(widths) == self.model.columnCount():
            for column, width in enumerate(widths):
                if isinstance(width, int) and width > 20:
                    self.view.setColumnWidth(column, width)
        else:
            english = not fmt.is_zh(self.ctx.lang)
            defaults = (195, 290, 190, 150, 300, 130) if english else (160, 290, 100, 130, 300, 130)
            for column, width in enumerate(defaults):
                self.view.setColumnWidth(column, width)

    def save_state(self) -> None:
        widths = [self.view.columnWidth(c) for c in range(self.model.columnCount())]
        self.ctx.settings.set_screen_state(STATE_KEY, {"widths": widths})


class VisitSummary(QWidget):
    """The selected visit in the details dock: everything the rep needs at a glance."""

    def __init__(self, ctx: AppContext, actions: VisitActions) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("visit_summary")
        self.browser = QTextBrowser()
        self.browser.setObjectName("summary_text")
        self.browser.setOpenLinks(False)
        self.browser.setFrameShape(QTextBrowser.Shape.NoFrame)
        buttons = QHBoxLayout()
        for action in (actions.outcome, actions.preview):
            button = QPushButton(action.text())
            button.setIcon(action.icon())
            button.clicked.connect(action.trigger)
            action.changed.connect(lambda b=button, a=action: b.setEnabled(a.isEnabled()))
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)
        self.setMinimumWidth(300)

    def show_visit(self, row: VisitRow | None) -> None:
        if row is None:
            self.browser.clear()
            return
        try:
            detail = visits.get_visit(self.ctx.workspace, row.id)
        except LookupError:
            self.browser.clear()
            return
        lang = self.ctx.lang
        values = detail.fields
        e = html.escape
        sep = "、" if fmt.is_zh(lang) else ", "
        parts = [
            f"<p style='color:palette(mid)'>{e(detail.account)}</p>",
            f"<h3 style='margin-top:0'>{e(detail.pursuit_title)}</h3>",
            "<p><b>{}</b><br>{}</p>".format(
                e(fmt.when_text(values["starts_at"], values["duration_minutes"], lang)),
                e(values["location"]),
            ),
        ]

        def section(title: str, text: str) -> None:
            if text.strip():
                body = "<br>".join(e(line) for line in text.strip().splitlines())
                parts.append(f"<p><b>{e(title)}</b><br>{body}</p>")

        section(self.tr("Objective"), values["objective"])
        section(self.tr("Customer attendees"), sep.join(row.attendees))
        section(self.tr("Our people"), values["our_people"])
        section(self.tr("Questions to ask"), values["questions"])
        section(self.tr("Help to ask for"), values["help_wanted"])
        section(self.tr("Materials to bring"), values["materials"])
        if row.has_outcome:
            section(self.tr("Outcome"), values["outcome"])
            section(self.tr("What we learned"), values["learned"])
            section(self.tr("Next steps"), values["next_steps"])
        elif row.is_past(utcnow()):
            parts.append(
                "<p style='color:#D32F2F'><b>{}</b></p>".format(
                    e(self.tr("This visit has taken place: record its outcome."))
                )
            )
        self.browser.setHtml("".join(parts))
