"""The main window: navigation rail, current screen, details dock, toolbar, menus, status bar."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QColor,
    QFocusEvent,
    QIcon,
    QKeySequence,
    QPalette,
    QPixmap,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, APP_NAME_ZH, __version__
from desktop.infra import paths
from desktop.infra.instance_lock import READ_ONLY
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import DatabaseReadOnly, NotFound, StorageError
from desktop.services.queries import agenda
from desktop.services.workspace import Workspace
from desktop.ui.common import counts
from desktop.ui.common import format as fmt
from desktop.ui.common.colors import AMBER
from desktop.ui.common.status_bar import PathLabel, StatusBar
from desktop.ui.context import AppContext
from desktop.ui.errors import show_error
from desktop.ui.help.method_guide import MethodGuide, open_method_guide
from desktop.ui.screens import SCREENS, Screen
from desktop.ui.today.reminders import install as install_reminders

# Features that add menu or toolbar actions name their `install(window)` function here
# ("module:function", imported when the window is built); each finds its menu as
# window.file_menu / edit_menu / view_menu / help_menu, and File actions go before
# window.file_extra_anchor.
MENU_EXTENSIONS: list[str] = [
    "desktop.ui.safety.actions:install",
    "desktop.ui.search:install",
    "desktop.ui.preferences:install",
    "desktop.ui.sync.actions:install",
    "desktop.ui.sync.folder:install",
    "desktop.ui.imports:install",
]


def _extension(spec: str) -> Callable[[MainWindow], None]:
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


def app_icon() -> QIcon:
    """The application icon at every rendered size (crisp at any scaling)."""
    icon = QIcon()
    for png in sorted((paths.icons_dir() / "app").glob("pursuit-*.png")):
        icon.addFile(str(png))
    return icon


TODAY_SCREEN = "today"  # the screen start-up opens when something is due
RAIL_STATE = "rail"
RAIL_CURRENT = "#DCE7FD"  # stage 1's blue, pale
RAIL_CURRENT_TEXT = "#1F2D3D"
REVIEW_SCREEN = "review"  # the rail row shown only to a rep who syncs
RAIL_WIDE = 112  # icon over label
RAIL_NARROW = 56  # icons only, the label in the tooltip: room for the board's eighth column
# Below this much room the window opens maximised, the rail narrow (a 1366×768 laptop, or
# 1920×1080 at 150 %, which leaves 1280×720).
SMALL_SCREEN = QSize(1600, 900)
DEFAULT_SIZE = QSize(1280, 800)


def _roomy(available: QRect) -> bool:
    return available.width() >= SMALL_SCREEN.width() and available.height() >= SMALL_SCREEN.height()


def redo_keys() -> list[QKeySequence]:
    """The platform's redo keys plus Ctrl+Y and Ctrl+Shift+Z, each once: a key bound twice to
    one action makes Qt report an ambiguous shortcut and do nothing (PLATFORM-NOTES.md)."""
    keys = list(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
    for extra in ("Ctrl+Y", "Ctrl+Shift+Z"):
        sequence = QKeySequence(extra)
        if sequence not in keys:
            keys.append(sequence)
    return keys


class Rail(QListWidget):
    """The navigation rail. While a screen outside the rail is shown (a pursuit), the rail has
    no current row; a list view given focus without one takes its first row, which here would
    switch to the board in the middle of the user's work (focus lands on the rail when the
    widget that had it is hidden, e.g. by switching a pursuit's tabs). So focus alone never
    picks a row here: only a click or a key does."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.currentRow() >= 0:
            super().focusInEvent(event)
            return
        self.blockSignals(True)
        try:
            super().focusInEvent(event)
            self.selectionModel().clear()
            self.setCurrentRow(-1)
        finally:
            self.blockSignals(False)


class _RailItemDelegate(QStyledItemDelegate):
    """The rail's rows without the style's focus frame: in the narrow rail it was drawn as a
    stray square beside the current screen's icon (the row's highlight already says which)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Any) -> None:
        super().initStyleOption(option, index)
        option.state &= ~QStyle.StateFlag.State_HasFocus


def icon_for(name: str) -> QIcon:
    """A themed standard icon by QStyle name, or a file under resources/icons."""
    file = paths.icons_dir() / name
    if file.suffix and file.exists():
        icon = QIcon(str(file))
        # The same drawing when selected: the style would tint it with the highlight colour,
        # and the rail's current row would show a blue icon on a blue background.
        icon.addFile(str(file), QSize(), QIcon.Mode.Selected)
        return icon
    pixmap = getattr(QStyle.StandardPixmap, name, None)
    if pixmap is None:
        return QIcon()
    return QApplication.style().standardIcon(pixmap)


class MainWindow(QMainWindow):
    language_requested = Signal(str)

    def __init__(self, ctx: AppContext, *, today_when_due: bool = False) -> None:
        """`today_when_due`: open on the Today screen when anything is overdue or due today (the
        app's start; a window rebuilt for another language or made by a test opens on the
        first screen)."""
        super().__init__()
        self.ctx = ctx
        self.setObjectName("main_window")
        self.setWindowIcon(app_icon())
        self.screens: dict[str, QWidget] = {}
        self.method_guide: MethodGuide | None = None  # Help ▸ Sales Method, while open
        self._visits: Any = None  # the visit actions the board's card menu uses (made on demand)
        self._visits_pursuit = ""
        self._maximise_at: QSize | None = None  # the first window's size, maximised when shown
        self._screen_list: list[Screen] = list(SCREENS)

        self.rail = Rail()
        self.rail.setObjectName("rail")
        self.rail.setItemDelegate(_RailItemDelegate(self.rail))
        self.rail.setViewMode(QListWidget.ViewMode.IconMode)
        self.rail.setMovement(QListWidget.Movement.Static)
        self.rail.setFlow(QListWidget.Flow.TopToBottom)
        self.rail.setWrapping(False)
        self.rail.setSpacing(4)
        self.rail.setFrameShape(QListWidget.Shape.NoFrame)
        self.rail.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A pale current row: the rail's icons are drawn in blue, and the style's strong blue
        # highlight hid the icon of the screen shown.
        rail_palette = self.rail.palette()
        rail_palette.setColor(QPalette.ColorRole.Highlight, QColor(RAIL_CURRENT))
        rail_palette.setColor(QPalette.ColorRole.HighlightedText, QColor(RAIL_CURRENT_TEXT))
        self.rail.setPalette(rail_palette)
        self.rail_toggle = QToolButton()
        self.rail_toggle.setObjectName("rail_toggle")
        self.rail_toggle.setAutoRaise(True)
        self.rail_toggle.clicked.connect(lambda: self.set_rail_narrow(not self.rail_narrow))
        self.rail_narrow: bool = False
        self.stack = QStackedWidget()
        self.empty = self._empty_state()
        self.stack.addWidget(self.empty)
        for screen in self._screen_list:
            if not screen.in_rail:
                continue
            item = QListWidgetItem(icon_for(screen.icon), screen.title())
            item.setData(Qt.ItemDataRole.UserRole, screen.key)
            item.setData(Qt.ItemDataRole.ToolTipRole, screen.title())
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.rail.addItem(item)
        self.rail.currentRowChanged.connect(self._show_row)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 4)
        side.setSpacing(0)
        side.addWidget(self.rail, 1)
        side.addWidget(self.rail_toggle, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(side)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.details = QDockWidget(self.tr("Details"), self)
        self.details.setObjectName("details_dock")
        self.details.setAllowedAreas(
            Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.details.hide()
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.details)

        self.toolbar = QToolBar(self.tr("Toolbar"), self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        # Screens whose actions have icons made the toolbar taller than those with words only
        # (24 px icons: 39 px against 30): the rail and the screen under it moved down by 9 px on
        # switching. Icons of the text's size beside it (the desktop's usual toolbar), and the
        # height of a button with one for every screen, so nothing moves and the board keeps
        # its room on a 720-pixel screen.
        self.toolbar.setIconSize(QSize(16, 16))
        self.toolbar.setMinimumHeight(self._toolbar_height_with_icons())
        self._build_menus()
        self.setStatusBar(StatusBar(self))  # a long message elides beside the permanent words
        self.db_label = PathLabel()
        self.counts_label = QLabel()
        self.backup_label = QLabel()
        self.backup_label.setObjectName("backup_label")
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.backup_label)
        self.statusBar().addPermanentWidget(self.counts_label)

        ctx.changed.connect(self._on_changed)
        ctx.workspace_replaced.connect(self._update_title)
        ctx.workspace_replaced.connect(self._update_status)
        self._update_title()
        self._complete = False
        if ctx.workspace.is_open:
            self.complete()
        else:  # painted first without it (the app's start): until `complete`, no review row
            self._set_rail_row_hidden(REVIEW_SCREEN, True)
        self.reminders = install_reminders(self)
        self._restore_layout()
        if self._screen_list:
            self.rail.setCurrentRow(self._first_row(today_when_due))

    @property
    def is_complete(self) -> bool:
        """Whether `complete` has run (the benchmarks' RSS waits for it)."""
        return self._complete

    def complete(self) -> None:
        """What the window shows and offers that needs the workspace open in full: the status
        bar's figures, the Review row, and the features' menus and toolbars (MENU_EXTENSIONS).

        Done while building the window, unless its workspace is only at the driver (the app's
        start, `Workspace.open_at_start`): then the app calls it after the first paint, once the
        workspace is open in full. Once only."""
        if self._complete:
            return
        self._complete = True
        self._update_status()
        for spec in MENU_EXTENSIONS:
            _extension(spec)(self)
        if self.isVisible():  # the features' toolbars where the rep left them (see _restore_layout)
            state = self.ctx.settings.window_state
            if state is not None:
                self.restoreState(state)

    def _first_row(self, today_when_due: bool) -> int:
        """The rail row shown first: Today when something is due (one query that stops at the
        first, so start-up still builds a single screen), else the first (the board)."""
        if today_when_due and agenda.anything_due(self.ctx.workspace):
            for row in range(self.rail.count()):
                if self.rail.item(row).data(Qt.ItemDataRole.UserRole) == TODAY_SCREEN:
                    return row
        return 0

    # --- building -------------------------------------------------------------------------
    def _toolbar_height_with_icons(self) -> int:
        """The toolbar's height when one of its buttons has an icon beside its text."""
        blank = QPixmap(self.toolbar.iconSize())
        blank.fill(Qt.GlobalColor.transparent)
        probe = QAction(QIcon(blank), "Xg", self.toolbar)
        self.toolbar.addAction(probe)
        height = self.toolbar.sizeHint().height()
        self.toolbar.removeAction(probe)
        probe.deleteLater()
        return height

    def _empty_state(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        label = QLabel(
            self.tr("<h2>{0}</h2><p>{1}</p>").format(
                APP_NAME_ZH if self.ctx.lang == "zh" else APP_NAME,
                self.tr("Your database is open. Use the File menu to open another database."),
            )
        )
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        box.addWidget(label)
        return page

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu = file_menu
        # Ctrl+N makes what a rep makes every day, a pursuit; a database is made rarely.
        new_pursuit = QAction(self.tr("New &Pursuit…"), self)
        new_pursuit.setObjectName("action_window_new_pursuit")
        new_pursuit.setShortcut(QKeySequence.StandardKey.New)
        new_pursuit.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        new_pursuit.triggered.connect(lambda _c=False: self.new_pursuit())
        self.new_pursuit_action = new_pursuit
        new_db = QAction(self.tr("&New Database…"), self)
        new_db.setObjectName("action_new_database")
        new_db.setShortcut(QKeySequence("Ctrl+Alt+N"))
        new_db.triggered.connect(self.new_database)
        open_db = QAction(self.tr("&Open Database…"), self)
        open_db.setShortcut(QKeySequence.StandardKey.Open)
        open_db.triggered.connect(self.open_database_dialog)
        file_menu.addAction(new_pursuit)
        file_menu.addSeparator()
        file_menu.addActions([new_db, open_db])
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self.file_extra_anchor = file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.edit_menu = edit_menu
        undo = self.ctx.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.ctx.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts(redo_keys())
        edit_menu.addActions([undo, redo])
        self.undo_action, self.redo_action = undo, redo

        view_menu = bar.addMenu(self.tr("&View"))
        self.view_menu = view_menu
        language_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, label in (("zh_CN", "中文"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setChecked(self.ctx.language == code)
            action.setData(code)
            action.triggered.connect(lambda _=False, c=code: self.language_requested.emit(c))
            group.addAction(action)
            language_menu.addAction(action)
        view_menu.addAction(self.details.toggleViewAction())
        self.narrow_rail_action = QAction(self.tr("&Narrow Navigation"), self, checkable=True)
        self.narrow_rail_action.setObjectName("action_narrow_rail")
        self.narrow_rail_action.toggled.connect(self.set_rail_narrow)
        view_menu.addAction(self.narrow_rail_action)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu = help_menu
        method = QAction(self.tr("&Sales Method"), self)
        method.setObjectName("action_method_guide")
        method.setShortcut(QKeySequence.StandardKey.HelpContents)
        method.triggered.connect(self.show_method_guide)
        help_menu.addAction(method)
        help_menu.addSeparator()
        about = QAction(self.tr("&About Pursuit"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    # --- screens --------------------------------------------------------------------------
    def screen_widget(self, key: str) -> QWidget | None:
        """The screen with `key`, created on first use."""
        if key not in self.screens:
            spec = next((s for s in self._screen_list if s.key == key), None)
            if spec is None:
                return None
            widget = spec.create(self.ctx, self)
            widget.setObjectName(f"screen_{key}")
            self.screens[key] = widget
            self.stack.addWidget(widget)
        return self.screens[key]

    def has_screen(self, key: str) -> bool:
        """Whether this window offers the screen `key` (a screen links to another only then)."""
        return any(s.key == key for s in self._screen_list)

    def show_screen(self, key: str) -> QWidget | None:
        for row in range(self.rail.count()):
            if self.rail.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.rail.setCurrentRow(row)
                return self.screens.get(key)
        if key == "pursuit" or not self.has_screen(key):
            return None
        widget = self.screen_widget(key)  # a screen outside the rail (the Sync screen)
        if widget is not None:
            self._show_outside_rail(widget)
        return widget

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = self.rail.item(row).data(Qt.ItemDataRole.UserRole)
        widget = self.screen_widget(key)
        if widget is None:
            return
        self.stack.setCurrentWidget(widget)
        self._set_toolbar(widget)
        self._focus_into(widget)

    def _focus_into(self, widget: QWidget) -> None:
        """Focus that fell on the toolbar's search box while screens switched (Qt hands it on
        from a hidden widget as if by Tab) goes to the screen shown instead, before the box
        takes it for a rep's Tab and opens its popup over the screen."""
        box = getattr(self, "search_box", None)
        if box is not None and box.hasFocus():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_toolbar(self, widget: QWidget) -> None:
        # A screen with its own search box (the board's filter) hides the window's, so the
        # screen shows one box to type in; Ctrl+K still searches everything.
        search_bar = self.findChild(QToolBar, "search_toolbar")
        if search_bar is not None:
            search_bar.setVisible(not getattr(widget, "has_search_box", False))
        self.toolbar.clear()
        actions = getattr(widget, "toolbar_actions", None)
        if actions is not None:
            for action in actions():
                if action is None:
                    self.toolbar.addSeparator()
                elif isinstance(action, QAction):
                    self.toolbar.addAction(action)
                else:
                    self.toolbar.addWidget(action)

    def open_pursuit(self, pursuit_id: str, tab: str | None = None) -> bool:
        """Show a pursuit's workspace (on `tab` when given); False when there is none to show."""
        widget = self.screen_widget("pursuit")
        if widget is None:
            return False
        widget.show_pursuit(pursuit_id, tab)  # type: ignore[attr-defined]
        self._show_outside_rail(widget)
        return True

    def current_pursuit(self) -> str | None:
        """The pursuit open or selected on the screen shown: a screen that has one says so by
        a `current_pursuit_id()` (the workspace, the board, the pursuits list)."""
        ask = getattr(self.stack.currentWidget(), "current_pursuit_id", None)
        pursuit_id = ask() if callable(ask) else None
        return pursuit_id if isinstance(pursuit_id, str) and pursuit_id else None

    def _show_outside_rail(self, widget: QWidget) -> None:
        """A screen that has no rail row (a pursuit's workspace, the Sync screen)."""
        # Switch first, clear the rail after: focus leaving the hidden screen may land on the
        # rail, and a rail without a current row picks its first one (the board) on focus-in,
        # which, in the middle of the switch, left the board shown under the pursuit.
        self.stack.setCurrentWidget(widget)
        self.rail.blockSignals(True)
        self.rail.clearSelection()
        self.rail.setCurrentRow(-1)
        self.rail.blockSignals(False)
        if self.rail.hasFocus():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)  # so a later focus-in cannot jump
        self._set_toolbar(widget)
        self._focus_into(widget)

    def new_pursuit(self) -> None:
        """Ctrl+N anywhere: the screen's own new pursuit (the board's in the current column),
        else the dialog, then the new pursuit's workspace."""
        screen = self.stack.currentWidget()
        own = getattr(screen, "new_pursuit", None)
        if callable(own):
            own()
            return
        # Imported here: the pursuit dialogs and the services behind them are ~65 ms of start-up
        # the first screen does not need (the board imports them itself when it is the first).
        from desktop.ui.operations import pursuits as pursuit_operations

        pursuit_operations.new_pursuit(
            self.ctx,
            self,
            on_saved=self._open_new,
        )

    def _open_new(self, pursuit_id: str) -> None:
        self.open_pursuit(pursuit_id)

    def plan_visit(self, pursuit_id: str) -> QWidget | None:
        """The visit editor for a new visit of `pursuit_id` (the board's card menu asks)."""
        editor: QWidget | None = self._visit_actions(pursuit_id).new_visit()
        return editor

    def print_visit_plan(self, pursuit_id: str) -> QObject | None:
        """The print preview of `pursuit_id`'s next visit's plan (the board's card menu asks)."""
        job: QObject | None = self._visit_actions(pursuit_id).preview_coming()
        return job

    def _visit_actions(self, pursuit_id: str) -> Any:
        # The composition root may reach into a screen's package; imported when first asked,
        # so start-up never pays for the visit screens.
        from desktop.ui.visits.actions import VisitActions

        if self._visits is None:
            self._visits_pursuit = ""
            self._visits = VisitActions(
                self.ctx, self, current=lambda: None, pursuit=lambda: self._visits_pursuit or None
            )
            self._visits.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self._visits_pursuit = pursuit_id
        return self._visits

    def set_rail_narrow(self, narrow: bool) -> None:
        """Icons only (tooltips name them), or icons over labels."""
        self.rail_narrow = narrow
        width = RAIL_NARROW if narrow else RAIL_WIDE
        # Narrow: a plain list of icons, so the highlight fills the row (in icon mode it covers
        # only the empty label).
        self.rail.setViewMode(
            QListWidget.ViewMode.ListMode if narrow else QListWidget.ViewMode.IconMode
        )
        self.rail.setFlow(QListWidget.Flow.TopToBottom)
        self.rail.setMovement(QListWidget.Movement.Static)
        self.rail.setWrapping(False)
        self.rail.setFixedWidth(width)
        self.rail.setIconSize(QSize(24, 24) if narrow else QSize(28, 28))
        self.rail.setGridSize(QSize(width - 8, 44 if narrow else 68))
        for row in range(self.rail.count()):
            item = self.rail.item(row)
            title = item.data(Qt.ItemDataRole.ToolTipRole)
            item.setText("" if narrow else title)
        self.rail_toggle.setArrowType(Qt.ArrowType.RightArrow if narrow else Qt.ArrowType.LeftArrow)
        self.rail_toggle.setToolTip(
            self.tr("Show the navigation labels") if narrow else self.tr("Icons only")
        )
        self.narrow_rail_action.blockSignals(True)
        self.narrow_rail_action.setChecked(narrow)
        self.narrow_rail_action.blockSignals(False)
        self.ctx.settings.set_screen_state(RAIL_STATE, {"narrow": narrow})

    def set_details(self, widget: QWidget | None, title: str = "") -> None:
        """Show `widget` in the right dock (None hides it). The dock does not own old widgets."""
        old = self.details.widget()
        if old is not None and old is not widget:
            old.setParent(None)
        if widget is None:
            self.details.hide()
            return
        self.details.setWindowTitle(title or self.tr("Details"))
        self.details.setWidget(widget)
        self.details.show()

    def open_item(self, kind: str, item_id: str) -> bool:
        """Jump to a record in the screen that owns its kind (search results, links); False
        when no screen shows that kind."""
        for screen in self._screen_list:
            widget = self.screen_widget(screen.key)
            opener = getattr(widget, "open_item", None)
            if opener is not None and opener(kind, item_id):
                self.show_screen(screen.key)
                return True
        return False

    # --- database -------------------------------------------------------------------------
    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New Database"), str(paths.data_dir()), self.tr("Pursuit database (*.db)")
        )
        if path:
            if not path.endswith(".db"):
                path += ".db"
            self.switch_database(Path(path))

    def open_database_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open Database"),
            str(paths.data_dir()),
            self.tr("Pursuit database (*.db);;All files (*)"),
        )
        if path:
            self.switch_database(Path(path), create=False)

    def switch_database(self, path: Path, *, create: bool = True) -> bool:
        path = path.expanduser().resolve()
        previous = self.ctx.lock
        if self.ctx.switch_lock(path) is None:
            refused = self.ctx.refused_lock
            if refused is not None and refused.problem == READ_ONLY and path.is_file():
                return self._open_read_only(path)  # no lock file beside it: a read-only folder
            QMessageBox.information(
                self,
                self.tr("Open Database"),
                self.tr(
                    "{0} is open in another Pursuit window. Close it there first. Nothing was "
                    "changed."
                ).format(str(path)),
            )
            return False
        try:
            workspace = Workspace.open(path, create=create)
        except (StorageError, OSError) as exc:
            if self.ctx.lock is not previous and self.ctx.lock is not None:
                self.ctx.lock.release()
                self.ctx.lock = previous
                if previous is not None:
                    previous.acquire()
            if isinstance(exc, DatabaseReadOnly) and path.is_file():
                return self._open_read_only(path)  # a file made read-only or immutable
            show_error(self, exc)
            return False
        self._switched_to(workspace)
        return True

    def _open_read_only(self, path: Path) -> bool:
        """A database this computer cannot write: offered to be looked at read-only, as at
        start (nothing was changed, so no "changes not saved"); the one shown stays otherwise."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Open Database"),
            self.tr(
                "{0} cannot be written: the file or its folder is read-only. Nothing was "
                "changed. Open it read-only?"
            ).format(str(path)),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("open_read_only")
        view = box.addButton(self.tr("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(view)
        box.exec()
        if box.clickedButton() is not view:
            return False
        try:
            workspace = Workspace.open(path, read_only=True)
        except (StorageError, OSError) as exc:
            show_error(self, exc)
            return False
        if self.ctx.lock is not None:  # only looked at: nothing of the old one is held
            self.ctx.lock.release()
            self.ctx.lock = None
        self._switched_to(workspace)
        return True

    def _switched_to(self, workspace: Workspace) -> None:
        self.ctx.replace_workspace(workspace)
        self.ctx.settings.last_database = str(workspace.path)
        self.ctx.settings.add_recent(str(workspace.path))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.ctx.settings.recent_databases:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(
                lambda _=False, p=path: self.switch_database(Path(p), create=False)
            )
        if not self.ctx.settings.recent_databases:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    # --- status ---------------------------------------------------------------------------
    def _update_title(self) -> None:
        path = self.ctx.workspace.path
        name = APP_NAME_ZH if self.ctx.lang == "zh" else APP_NAME
        read_only = self.ctx.workspace.read_only
        suffix = self.tr(" (read-only)") if read_only else ""
        self.setWindowTitle(f"{path.stem}{suffix} — {name}")
        text = self.tr("Database: {0}").format(str(path))
        if read_only:
            # Said where the rep looks while working, not only in the title bar: a change made
            # in this window is refused when saved.
            text = self.tr("Read-only: changes cannot be saved here") + " · " + text
        self.db_label.setText(text)
        self.db_label.setStyleSheet(f"color: {AMBER};" if read_only else "")

    def _update_status(self) -> None:
        """The status bar's backup date and counts, and the Review row."""
        from desktop.services import backup  # here: the first paint does without SQLAlchemy

        backups = backup.list_backups(self.ctx.workspace.path)
        self.note_backup(backups[0].created if backups else None)
        self._update_counts()
        self._update_review_row()

    def _update_counts(self) -> None:
        from desktop.services import maintenance

        held = maintenance.record_counts(self.ctx.workspace, ("pursuits", "accounts"))
        self.counts_label.setText(
            f"{counts.pursuits(held['pursuits'])} · {counts.accounts(held['accounts'])}"
        )

    def note_backup(self, when: datetime | None) -> None:
        """Show when the database was last backed up."""
        if when is None:
            self.backup_label.setText(self.tr("Not backed up yet"))
        else:
            self.backup_label.setText(
                self.tr("Backed up {0}").format(fmt.clock(when, self.ctx.lang))
            )

    def _on_changed(self, changes: Changes) -> None:
        if not self._complete:  # `complete` reads them all
            return
        if changes.touches(ChangeKind.PURSUIT, ChangeKind.ACCOUNT):
            self._update_counts()
        if changes.touches(ChangeKind.REVIEW):  # an import or sync is `everything`
            self._update_review_row()

    def _update_review_row(self) -> None:
        """待审 (Review) is in the rail only for a rep it concerns: something awaits review, or
        this database has ever imported or synced another's file. A rep who never syncs has
        nothing to find there, and one row fewer in a rail that must fit a laptop screen."""
        from desktop.services.sync import history, review

        if self._rail_row(REVIEW_SCREEN) < 0:
            return
        ws = self.ctx.workspace
        wanted = review.count(ws) > 0 or history.has_imported(ws)
        self._set_rail_row_hidden(REVIEW_SCREEN, not wanted)

    def _set_rail_row_hidden(self, key: str, hidden: bool) -> None:
        row = self._rail_row(key)
        if row < 0:
            return
        item = self.rail.item(row)
        if item.isHidden() == hidden:
            return
        item.setHidden(hidden)
        if hidden and self.rail.currentRow() == row:
            self.rail.setCurrentRow(0)

    def _rail_row(self, key: str) -> int:
        for row in range(self.rail.count()):
            if self.rail.item(row).data(Qt.ItemDataRole.UserRole) == key:
                return row
        return -1

    def show_method_guide(self) -> None:
        """The method's stages, steps, questions and vocabularies (one guide at a time)."""
        stage = self._current_stage()
        guide = self.method_guide
        if guide is not None:
            if stage is not None:
                guide.show_stage(stage)
            guide.raise_()
            guide.activateWindow()
            return
        guide = open_method_guide(self.ctx.catalog, self.ctx.lang, self, stage or 1)
        self.method_guide = guide
        guide.destroyed.connect(self._method_guide_closed)

    def _current_stage(self) -> int | None:
        """The stage of the pursuit open or selected: F1 beside it opens on what it is at."""
        pursuit_id = self.current_pursuit()
        if pursuit_id is None:
            return None
        from desktop.services import pursuits

        try:
            return pursuits.pursuit_form(self.ctx.workspace, pursuit_id).stage
        except NotFound:
            return None

    def _method_guide_closed(self) -> None:
        self.method_guide = None

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Pursuit"),
            self.tr(
                "<h3>Pursuit {0}</h3><p>Project sales management (项目型销售管理) for account "
                "managers: the funnel, the people, the competition and the visit plan, offline.</p>"
                "<p>Data folder: {1}</p>"
            ).format(__version__, str(paths.data_dir())),
        )

    # --- layout ---------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        available = self._available()
        small = not _roomy(available)
        narrow = self.ctx.settings.screen_state(RAIL_STATE).get("narrow")
        self.set_rail_narrow(bool(narrow) if isinstance(narrow, bool) else small)
        geometry = self.ctx.settings.geometry
        restored = geometry is not None and self.restoreGeometry(geometry)
        if not restored or not available.contains(self.frameGeometry()):
            self.fit_to_screen(available)
        state = self.ctx.settings.window_state
        if state is not None:
            self.restoreState(state)

    def _available(self) -> QRect:
        screen = self.screen() or QApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)

    def fit_to_screen(self, available: QRect | None = None) -> None:
        """The first window (or one saved on a bigger screen): inside the screen's free area,
        maximised when that is small, so the status bar and the board's bottom stay visible."""
        available = available or self._available()
        # Small: all of it (also where no window manager maximises, and for the frame's sake
        # when it does); roomy: the default size, centred.
        # The frame (title bar, borders) comes on top of the size given to resize().
        frame = self.frameGeometry().size() - self.geometry().size()
        room = available.size() - frame
        size = DEFAULT_SIZE.boundedTo(room) if _roomy(available) else room
        self.resize(size)
        self.move(  # the frame's top left
            available.x() + (room.width() - size.width()) // 2,
            available.y() + (room.height() - size.height()) // 2,
        )
        if not _roomy(available):
            if self.isVisible():
                self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
            else:  # when shown, unless someone chose another size meanwhile
                self._maximise_at = size

    def showEvent(self, event: QShowEvent) -> None:
        if self._maximise_at is not None and self._maximise_at == self.size():
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        self._maximise_at = None
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.settings.geometry = self.saveGeometry()
        self.ctx.settings.window_state = self.saveState()
        for widget in self.screens.values():
            saver = getattr(widget, "save_state", None)
            if saver is not None:
                saver()
        self.ctx.settings.sync()
        super().closeEvent(event)
