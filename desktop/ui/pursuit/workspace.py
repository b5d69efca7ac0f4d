"""The pursuit workspace: everything the methodology asks about one deal, and what is missing.

A header (account, title, stage, forecast), the deal-health flags always in sight, then the
sections as tabs — Overview, Coaching, Pains & value, Risks, After sale, Collection, Timeline —
and after them the tabs the window hands it (`desktop.ui.screens.PURSUIT_TABS`: stakeholder map,
buying criteria, visits). Every tab is created on first show. Each flag opens the place that fixes
it.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QColor,
    QHideEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QStyle,
    QTabBar,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.health import RedFlag
from desktop.services import health
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import NotFound
from desktop.services.queries import overview
from desktop.services.sync import sharing
from desktop.ui.common import format as fmt
from desktop.ui.common.colors import STAGE_COLORS
from desktop.ui.common.icons import icon
from desktop.ui.common.pursuit_table import weighted_meaning
from desktop.ui.context import AppContext
from desktop.ui.operations import pursuits as operations
from desktop.ui.operations import sharing as share_ops
from desktop.ui.pursuit.editing import Autosaver
from desktop.ui.pursuit.health_bar import HealthBar
from desktop.ui.pursuit.tabs import PursuitTab
from desktop.ui.pursuit.widgets import RED, ElidedLabel, StageStepper, chip


@dataclass(frozen=True)
class Section:
    key: str
    source_title: str  # English; translated in context "PursuitWorkspace"
    module: str
    class_name: str

    def title(self) -> str:
        return QCoreApplication.translate("PursuitWorkspace", self.source_title)


SECTIONS = (
    Section(
        "overview",
        str(QT_TRANSLATE_NOOP("PursuitWorkspace", "Overview")),
        ".overview",
        "OverviewPage",
    ),
    Section(
        "coaching",
        str(QT_TRANSLATE_NOOP("PursuitWorkspace", "Coaching")),
        ".coaching",
        "CoachingPage",
    ),
    Section(
        "pains",
        str(QT_TRANSLATE_NOOP("PursuitWorkspace", "Pains & value")),
        ".pains_value",
        "PainsValuePage",
    ),
    Section(
        "risks",
        str(QT_TRANSLATE_NOOP("PursuitWorkspace", "Risks & concerns")),
        ".risks",
        "RisksPage",
    ),
    Section(
        "after_sale",
        str(QT_TRANSLATE_NOOP("PursuitWorkspace", "After sale")),
        ".after_sale",
        "AfterSalePage",
    ),
    Section(
        "collection",
        str(QT_TRANSLATE_NOOP("PursuitWorkspace", "Collection")),
        ".collection",
        "CollectionPage",
    ),
    Section(
        "timeline",
        str(QT_TRANSLATE_NOOP("PursuitWorkspace", "Timeline")),
        ".timeline",
        "TimelinePage",
    ),
)
# Sections a flag or a caller may name that live inside another tab.
SECTION_OF = {"value": "pains"}
# Keys a registered tab may have for a section the health rules name.
# Tabs that are a canvas rather than a page to scroll: the header folds while they show, so the
# stakeholder map has the height of a 768-pixel laptop screen to itself.
CANVAS_TABS = frozenset({"stakeholders", "stakeholder_map", "map", "people"})
REGISTERED_ALIASES = {
    "stakeholders": ("stakeholders", "stakeholder_map", "map", "people"),
    "indicators": ("indicators", "criteria", "competition", "grid"),
}


FOCUS_RING = "QToolButton:focus { border: 2px solid palette(highlight); border-radius: 4px; }"


class TabFocusRing(QWidget):
    """Fusion draws no focus on a tab: after Enter on a card focus sits on the tab bar and
    showed nothing. A 2 px ring in the highlight colour round the current tab while the tab
    bar has focus; a see-through overlay, so the tabs keep their look and their clicks."""

    def __init__(self, bar: QTabBar) -> None:
        super().__init__(bar)
        self.bar = bar
        self.setObjectName("tab_focus_ring")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        bar.installEventFilter(self)
        bar.currentChanged.connect(lambda _index: self.place())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (
            QEvent.Type.FocusIn,
            QEvent.Type.FocusOut,
            QEvent.Type.Resize,
            QEvent.Type.Show,
        ):
            self.place()
        return False

    def place(self) -> None:
        if not self.bar.hasFocus() or self.bar.currentIndex() < 0:
            self.hide()
            return
        self.setGeometry(self.bar.rect())
        self.raise_()
        self.show()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        index = self.bar.currentIndex()
        if index < 0:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2.0))
        painter.drawRoundedRect(QRectF(self.bar.tabRect(index)).adjusted(2, 2, -2, -1), 3, 3)
        painter.end()


class PursuitWorkspace(QWidget):
    """The "pursuit" screen: `show_pursuit(id, tab)` opens a pursuit."""

    def __init__(
        self,
        ctx: AppContext,
        window: QWidget | None = None,
        tabs: Sequence[PursuitTab] = (),
    ) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window_ref = window
        self.pursuit_id: str | None = None
        self._shown_id: str | None = None  # the pursuit whose header shows (see `_gone`)
        self._db_path = ctx.workspace.path  # a replaced workspace on it is a restore
        self._reloaded = False
        self.autosaver = Autosaver(ctx, self)
        self.autosaver.start_of = self._start
        self._start_on: date | None = None
        self._dirty: set[str] = set()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)

        # header
        # The title, the account and the folded summary give way with "…" on a narrow window
        # (150 % in English), the title last: each keeps its first few characters.
        self.account = ElidedLabel(4)
        self.account.setObjectName("header_account")
        font = self.account.font()
        font.setBold(True)
        self.account.setFont(font)
        self.title = ElidedLabel(6)
        self.title.setObjectName("header_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.status_chip = chip("", RED)
        # Whose database the pursuit came from (a manager's merged files) and what awaits review.
        self.origin = QLabel()
        self.origin.setObjectName("header_origin")
        self.origin.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.origin.setToolTip(
            self.tr("Created on another computer and merged from its sync file.")
        )
        # Shared with the team or kept on this computer (ui.operations.sharing says what it means).
        self.sharing = QToolButton()
        self.sharing.setObjectName("header_sharing")
        self.sharing.setAutoRaise(True)
        self.sharing.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.sharing.clicked.connect(self.toggle_sharing)
        self._shared = True
        self.review_link = QLabel()
        self.review_link.setObjectName("header_review")
        self.review_link.setTextFormat(Qt.TextFormat.RichText)
        self.review_link.setToolTip(
            self.tr("Changed differently on two computers: choose which version to keep.")
        )
        self.review_link.linkActivated.connect(lambda _link: self.open_review())
        self.figures = QLabel()
        self.figures.setObjectName("header_figures")
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        self.figures.setToolTip(weighted_meaning())
        self.stepper = StageStepper()
        self.health = HealthBar(ctx.lang)
        self.health.flag_clicked.connect(self.go_to_flag)

        # The header folds to one line (account, title, stage) when the content below scrolls or
        # a canvas tab shows: on a 768-pixel screen the work gets the height, not the header.
        self.summary = ElidedLabel(8)
        self.summary.setObjectName("header_summary")
        self.summary.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.summary.hide()
        self.next_button = QToolButton()
        self.next_button.setObjectName("next_stage_button")
        self.next_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.fold_button = QToolButton()
        self.fold_button.setObjectName("fold_header")
        self.fold_button.setAutoRaise(True)
        self.folded: bool = False
        self.fold_button.clicked.connect(lambda: self.set_header_folded(not self.folded))
        self._folded_by_hand: bool | None = None
        # Fusion draws no focus on a tool button: Tab through the header met three stops that
        # showed nothing (sharing, next stage, fold). A ring in the highlight colour marks them.
        for button in (self.sharing, self.next_button, self.fold_button):
            button.setStyleSheet(FOCUS_RING)

        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.account)
        top.addWidget(self.title, 1)
        top.addWidget(self.status_chip)
        top.addWidget(self.summary)
        top.addWidget(self.review_link)
        top.addWidget(self.origin)
        top.addWidget(self.sharing)
        top.addWidget(self.next_button)
        top.addWidget(self.fold_button)
        header = QVBoxLayout()
        header.setContentsMargins(18, 8, 18, 4)
        header.setSpacing(2)
        header.addLayout(top)
        header.addWidget(self.figures)
        header.addWidget(self.stepper)
        header.addWidget(self.health)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("pursuit_tabs")
        self.tabs.setDocumentMode(True)
        self.tab_keys: list[str] = []
        self.pages: dict[str, Any] = {}
        self._sections: dict[str, Section | PursuitTab] = {}
        for section in SECTIONS:
            self._add_tab(section.key, section.title(), section)
        for tab in tabs:
            self._add_tab(tab.key, tab.title(), tab)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.tab_focus_ring = TabFocusRing(self.tabs.tabBar())

        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(header)
        column.addWidget(self.tabs, 1)
        self.missing = QLabel(self.tr("This pursuit no longer exists. It may have been deleted."))
        self.missing.setObjectName("missing")
        self.missing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(page)
        self.stack.addWidget(self.missing)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        style = self.style()
        self.back_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack), self.tr("Back to board"), self
        )
        self.back_action.setObjectName("back")
        self.back_action.setShortcut(QKeySequence("Alt+Left"))
        self.back_action.triggered.connect(self.go_back)
        self.manager_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView),
            self.tr("Manager's view…"),
            self,
        )
        self.manager_action.setObjectName("manager_view")
        self.manager_action.setToolTip(
            self.tr("A one-page summary of this pursuit's coaching answers, to read or print")
        )
        self.manager_action.triggered.connect(self.open_manager_view)
        self.next_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward), self.tr("Next stage"), self
        )
        self.next_action.setObjectName("next_stage")
        self.next_action.setToolTip(
            self.tr("Move this pursuit to the next stage, through the stage gate")
        )
        self.next_action.triggered.connect(self.next_stage)
        self.next_button.setDefaultAction(self.next_action)
        self.addActions([self.back_action, self.manager_action, self.next_action])
        # Ctrl+Tab / Ctrl+PgDn and back, as in any tabbed application: from deep in a tab (the
        # stakeholder details) the tab bar was ten Shift+Tabs away.
        for name, step, keys in (
            ("next_tab", 1, ("Ctrl+Tab", "Ctrl+PgDown")),
            ("previous_tab", -1, ("Ctrl+Shift+Tab", "Ctrl+Shift+Backtab", "Ctrl+PgUp")),
        ):
            action = QAction(self)
            action.setObjectName(name)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, step=step: self.step_tab(step))
            self.addAction(action)
        self.gate_dialog: QWidget | None = None  # the gate of the last "Next stage" (tests)
        self._stage = 0
        self._status = "open"
        self._update_fold_button()
        ctx.changed.connect(self._on_changed)
        ctx.workspace_replaced.connect(self._workspace_replaced)

    # --- tabs -----------------------------------------------------------------------------
    def _add_tab(self, key: str, title: str, spec: Section | PursuitTab) -> None:
        holder = QWidget()
        holder.setObjectName(f"tab_{key}")
        QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(holder, title.replace("&", "&&"))
        self.tab_keys.append(key)
        self._sections[key] = spec

    def page(self, key: str) -> Any:
        """The widget of a tab, created on first use (None for an unknown key)."""
        key = SECTION_OF.get(key, key)
        if key in self.pages:
            return self.pages[key]
        spec = self._sections.get(key)
        if spec is None:
            return None
        holder = self.tabs.widget(self.tab_keys.index(key))
        layout = holder.layout() if holder is not None else None
        assert holder is not None and layout is not None  # made with its layout by _add_tab
        if isinstance(spec, Section):
            module = importlib.import_module(spec.module, __package__)
            widget = getattr(module, spec.class_name)(self.ctx, self.autosaver, holder)
            widget.open_pursuit = self.open_other  # links to other pursuits (referrals)
            if hasattr(widget, "show_tab"):  # the timeline opens a visit in the Visits tab
                widget.show_tab = self.show_tab
        else:
            widget = spec.create(self.ctx, holder)
        widget.setObjectName(f"page_{key}")
        if isinstance(spec, Section):
            # A section is a frameless scroll area: as a Tab stop it showed nothing. Its fields
            # take focus (and scroll themselves into view); the wheel scrolls it without focus.
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for area in [widget, *widget.findChildren(QAbstractScrollArea)]:
            if isinstance(area, QAbstractScrollArea):
                area.verticalScrollBar().valueChanged.connect(self._content_scrolled)
        layout.addWidget(widget)
        widget.show()  # at once, not when the event loop next runs
        self.pages[key] = widget
        self._dirty.add(key)
        return widget

    def current_key(self) -> str:
        return self.tab_keys[self.tabs.currentIndex()]

    def show_tab(self, key: str) -> Any:
        """Show a tab (or the tab holding a section such as "value") and return its widget."""
        section = key
        key = SECTION_OF.get(key, key)
        if key not in self.tab_keys:
            return None
        self.tabs.setCurrentIndex(self.tab_keys.index(key))
        widget = self._ensure_loaded(key)
        if section != key and widget is not None:
            widget.focus_target(section)
        return widget

    def _order_flags(self) -> None:
        """The flag chips are made anew on every refresh, so they joined the focus chain at its
        end, after the whole tab's page: Tab from a tab with nothing to focus (Visits, empty)
        went to them, unseen, and Space opened the map. They come where they stand, between
        the header's buttons and the tabs."""
        before: QWidget = self.fold_button
        for flag_chip in [*self.health.buttons, self.health.more]:
            QWidget.setTabOrder(before, flag_chip)
            before = flag_chip

    def step_tab(self, step: int) -> None:
        """The next (1) or previous (-1) tab, round the ends; focus goes to the tab bar, where
        it shows and where Tab enters the tab's page."""
        count = self.tabs.count()
        if count:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)
            self.tabs.tabBar().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            # Opening a pursuit hides the screen that had focus, and Qt hands focus to the next
            # widget in the chain: a header button that shows no focus. The tab bar shows it
            # (unless a jump put focus on a field of the tab already).
            QTimer.singleShot(0, self._settle_focus)

    def _settle_focus(self) -> None:
        if not self.isVisible() or self.stack.currentIndex() != 0:
            return
        focus = QApplication.focusWidget()
        page = self.tabs.currentWidget()
        if focus is None or page is None or not page.isAncestorOf(focus):
            self.tabs.tabBar().setFocus(Qt.FocusReason.OtherFocusReason)

    def _tab_changed(self, index: int) -> None:
        if index >= 0 and self.pursuit_id:
            self._ensure_loaded(self.tab_keys[index])
        if index >= 0:
            self._fold_for(self.tab_keys[index])

    # --- the folding header -----------------------------------------------------------------
    def set_header_folded(self, folded: bool, *, by_hand: bool = True) -> None:
        """One line (account, title, stage) or the whole header (figures, stepper, flags)."""
        if by_hand:
            self._folded_by_hand = folded
        self.folded = folded
        for widget in (self.figures, self.stepper, self.health):
            widget.setVisible(not folded)
        self.summary.setVisible(folded)
        self._update_fold_button()

    def _update_fold_button(self) -> None:
        self.fold_button.setArrowType(
            Qt.ArrowType.DownArrow if self.folded else Qt.ArrowType.UpArrow
        )
        self.fold_button.setToolTip(
            self.tr("Show the stages and flags") if self.folded else self.tr("Fold the header")
        )

    def _fold_for(self, key: str) -> None:
        if self._folded_by_hand is None:
            self.set_header_folded(key in CANVAS_TABS, by_hand=False)

    def _content_scrolled(self, value: int) -> None:
        # Folding gives the content more height, which keeps it scrolled: no flicker back.
        if self._folded_by_hand is None and self.current_key() not in CANVAS_TABS:
            if value > 0 and not self.folded:
                self.set_header_folded(True, by_hand=False)
            elif value == 0 and self.folded:
                self.set_header_folded(False, by_hand=False)

    # --- the next stage -----------------------------------------------------------------------
    def next_stage(self) -> QWidget | None:
        """Move the open pursuit one stage on through the same gate as a drag on the board."""
        if (
            not self.pursuit_id
            or self._status != "open"
            or self._stage >= len(self.ctx.catalog.stages)
        ):
            return None
        self.autosaver.flush()  # the gate reads the answers just typed
        pid = self.pursuit_id
        name = f"{self.account.text()} · {self.title.text()}"
        self.gate_dialog = operations.move_to_stage(
            self.ctx,
            self,
            {pid: name},
            self._stage + 1,
            lambda _id: self.title.text(),
            lambda _ids: None,
        )
        return self.gate_dialog

    def _ensure_loaded(self, key: str) -> Any:
        widget = self.page(key)
        if widget is not None and key in self._dirty and self.pursuit_id:
            self._dirty.discard(key)
            widget.set_pursuit(self.pursuit_id)
        return widget

    # --- showing a pursuit ----------------------------------------------------------------
    def current_pursuit_id(self) -> str | None:
        """The pursuit shown (the window's actions start on it)."""
        return self.pursuit_id

    def show_pursuit(self, pursuit_id: str, tab: str | None = None) -> None:
        """Open a pursuit on `tab` (a tab key or a section such as "value"); without one, on the
        tab open before (the last session's at first)."""
        first = self.pursuit_id is None
        if pursuit_id != self.pursuit_id:
            self.autosaver.flush()
            self.pursuit_id = pursuit_id
            self._dirty = set(self.pages)
        if not self.refresh_header():
            return
        if tab is None and first:
            tab = self.ctx.settings.screen_state("pursuit").get("tab")
        key = tab or self.current_key()
        if key not in self.tab_keys and key not in SECTION_OF:
            key = "overview"
        self.show_tab(key)

    def refresh(self) -> None:
        """Everything shown again from the database (after a change elsewhere or an undo)."""
        if not self.pursuit_id:
            return
        if not self.refresh_header():
            return
        # Our sections reload; registered tabs listen to ctx.changed themselves, so they are
        # told again only when the pursuit changes.
        self._dirty |= {k for k in self.pages if isinstance(self._sections[k], Section)}
        self._ensure_loaded(self.current_key())

    def refresh_header(self) -> bool:
        assert self.pursuit_id is not None
        try:
            view = overview.overview_of(self.ctx.workspace, self.pursuit_id)
        except NotFound:
            self._gone()
            return False
        self.stack.setCurrentIndex(0)
        self._shown_id = self.pursuit_id
        lang = self.ctx.lang
        p = view.pursuit
        stage = self.ctx.catalog.stage(p["stage"])
        self._start_on = view.started_on
        self.account.setText(view.account)
        self.title.setText(p["title"])
        status = p["status"]
        statuses = self.ctx.catalog.vocab("pursuit_statuses")
        stage_color = QColor(STAGE_COLORS[p["stage"] - 1]).darker(135).name()
        color = {"open": stage_color, "collected": "#2E7D32", "lost": RED}.get(status, "#757575")
        self.status_chip.setText(statuses.label(status, lang))
        self.status_chip.setStyleSheet(
            f"color: {color}; border: 1px solid {color}; border-radius: 9px; padding: 0 7px;"
        )
        currency = p["currency"]
        parts = [
            self.tr("Stage {0} · {1}").format(p["stage"], stage.label(lang)),
            self.tr("Win rate {0}%").format(view.win_rate),
            self.tr("Amount {0}").format(fmt.money(p["amount"], currency)),
            self.tr("Weighted {0}").format(fmt.money(view.weighted, currency)),
        ]
        if status == "open":
            days = self.tr("{0} days in stage").format(view.days_in_stage)
            if view.days_in_stage > view.stale_limit:
                days = f"<span style='color:#F57C00'>{days}</span>"
            parts.append(days)
        self.figures.setText("  ·  ".join(parts))
        self.origin.setText(self.tr("From: {0}").format(view.origin) if view.origin else "")
        self.origin.setVisible(bool(view.origin))
        self._show_sharing(sharing.is_shared(self.ctx.workspace, self.pursuit_id))
        self.review_link.setText(
            self.tr('<a href="review" style="color:#7B1FA2">{0} awaiting review</a>').format(
                view.in_review
            )
            if view.in_review
            else ""
        )
        self.review_link.setVisible(bool(view.in_review))
        self.stepper.set_stage(
            p["stage"], [s.process(lang) for s in self.ctx.catalog.stages], status
        )
        self._stage, self._status = p["stage"], status
        last = p["stage"] >= len(self.ctx.catalog.stages)
        self.next_action.setEnabled(status == "open" and not last)
        if status == "open" and not last:
            following = self.ctx.catalog.stage(p["stage"] + 1)
            self.next_action.setText(
                self.tr("Next: {0}").format(fmt.stage_name(p["stage"] + 1, following.process(lang)))
            )
        else:
            self.next_action.setText(self.tr("Next stage"))
        self.summary.setText(
            self.tr("Stage {0}").format(fmt.stage_name(p["stage"], stage.process(lang)))
            + "  ·  "
            + fmt.money(p["amount"], currency)
        )
        self.health.set_flags(health.flags_of(self.ctx.workspace, self.pursuit_id))
        self._order_flags()
        self.manager_action.setEnabled(True)
        return True

    def _start(self) -> date | None:
        return self._start_on

    # --- flags and links ------------------------------------------------------------------
    def go_to_flag(self, flag: RedFlag) -> None:
        self.go_to(flag.section, flag.target, flag.coaching_key)

    def go_to(self, section: str, target: str = "", coaching_key: str = "") -> bool:
        """Open the tab that fixes something (a registered tab when present), at `target`."""
        key = SECTION_OF.get(section, section)
        if key not in self.tab_keys:
            key = next((k for k in REGISTERED_ALIASES.get(section, ()) if k in self.tab_keys), "")
        if key:
            widget = self.show_tab(key)
            focus = getattr(widget, "focus_target", None)
            if target and focus is not None:
                focus(target)
            return True
        if coaching_key:
            widget = self.show_tab("coaching")
            return bool(widget.focus_target(coaching_key))
        return False

    def open_other(self, pursuit_id: str) -> None:
        """Open another pursuit (a referral's new pursuit, the one that referred this one)."""
        opener = getattr(self.window_ref, "open_pursuit", None)
        if opener is not None:
            opener(pursuit_id)
        else:
            self.show_pursuit(pursuit_id, "overview")

    # --- changes --------------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if self._reloaded and changes.everything:
            self._reloaded = False  # the restore's own `Changes.all()`: read already
            return
        pid = self.pursuit_id
        if pid is None:
            return
        if (
            changes.everything
            or pid in changes.ids(ChangeKind.PURSUIT)
            or pid in changes.ids(ChangeKind.PURSUIT_PART)
            or changes.touches(
                ChangeKind.STAKEHOLDER, ChangeKind.COMPETITOR, ChangeKind.ACCOUNT, ChangeKind.REVIEW
            )
        ):
            self._refresh_timer.start()

    def _workspace_replaced(self) -> None:
        # The fields were bound to records of the database just closed (a restore writes what
        # was pending before closing it): nothing typed may go on to a record of the new one
        # until it is read there.
        self.autosaver.discard()
        self._forget_pages()
        restored = self.ctx.workspace.path == self._db_path
        self._db_path = self.ctx.workspace.path
        if not restored:  # another database: its pursuits are others, nothing to say
            shown = self.pursuit_id is not None and self.isVisible()
            self.pursuit_id = self._shown_id = None
            if shown:
                self.go_back()
            return
        if self.pursuit_id:
            # The same database restored: read again at once (no turn of the event loop shows
            # the old one), or the pursuit is gone and the rep is told (`_gone`). The
            # `Changes.all()` that follows has nothing more to reload.
            self._reloaded = True
            self.refresh()

    def _forget_pages(self) -> None:
        for page in self.pages.values():
            if hasattr(page, "reset"):
                page.pursuit_id = None
                page.reset()
        self._dirty = set(self.pages)

    def _gone(self) -> None:
        """The pursuit shown is not in the database (deleted here or by a sync, or not in a
        restored backup). An edit still pending is written now, so its refusal is said rather
        than dropped; then nothing stays editable, and a rep looking at it is taken back to the
        board with a message saying why."""
        self.stack.setCurrentWidget(self.missing)
        self.next_action.setEnabled(False)
        self.manager_action.setEnabled(False)
        was_shown = self._shown_id is not None and self._shown_id == self.pursuit_id
        name = self.title.text()
        self._shown_id = None
        self.autosaver.flush()  # refused (NotFound): the rep is told, nothing is written
        self.autosaver.discard()
        self._forget_pages()
        self.pursuit_id = None
        self.account.clear()
        self.title.clear()
        if not was_shown or not self.isVisible():
            return
        status = getattr(self.window_ref, "statusBar", None)
        if status is not None:
            status().showMessage(
                self.tr(
                    'The pursuit "{0}" no longer exists (deleted, or not in the restored '
                    "backup): back to the board."
                ).format(name),
                15000,
            )
        self.go_back()

    # --- screen protocol ------------------------------------------------------------------
    def toolbar_actions(self) -> list[Any]:
        return [self.back_action, None, self.manager_action]

    def save_state(self) -> None:
        """Write every pending edit and remember the open tab (MainWindow.closeEvent)."""
        self.autosaver.flush()
        if self.pursuit_id:
            self.ctx.settings.set_screen_state("pursuit", {"tab": self.current_key()})

    def hideEvent(self, event: QHideEvent) -> None:
        self.autosaver.flush()
        super().hideEvent(event)

    def go_back(self) -> None:
        self.autosaver.flush()
        shower = getattr(self.window_ref, "show_screen", None)
        if shower is not None:
            shower("board")

    def _show_sharing(self, shared: bool) -> None:
        self._shared = shared
        self.sharing.setIcon(icon("shared" if shared else "private"))
        self.sharing.setText(self.tr("Shared") if shared else self.tr("Private"))
        tip = share_ops.shared_note() if shared else share_ops.private_note()
        action = self.tr("Click to keep it private.") if shared else self.tr("Click to share it.")
        self.sharing.setToolTip(f"{tip}\n{action}")

    def toggle_sharing(self) -> None:
        """Shared ⇄ private, one undoable step; the header says which it is now."""
        if self.pursuit_id and share_ops.set_shared(
            self.ctx, [self.pursuit_id], not self._shared, self
        ):
            self._show_sharing(not self._shared)  # at once; the header's refresh follows

    def open_review(self) -> None:
        """The Review screen (待审), where the versions are side by side."""
        shower = getattr(self.window_ref, "show_screen", None)
        if shower is not None:
            shower("review")

    def open_manager_view(self) -> Any:
        if not self.pursuit_id:
            return None
        self.autosaver.flush()
        from desktop.ui.pursuit.manager_view import ManagerViewDialog

        dialog = ManagerViewDialog(self.ctx, self.pursuit_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
