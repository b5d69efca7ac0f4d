"""The main window: navigation rail, current screen, details dock, toolbar, menus, status bar."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence
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
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, APP_NAME_ZH, __version__
from desktop.infra import paths
from desktop.services import backup, maintenance
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import StorageError
from desktop.services.workspace import Workspace
from desktop.ui.common.format import qdatetime
from desktop.ui.context import AppContext
from desktop.ui.errors import show_error
from desktop.ui.screens import SCREENS, Screen

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


def icon_for(name: str) -> QIcon:
    """A themed standard icon by QStyle name, or a file under resources/icons."""
    file = paths.icons_dir() / name
    if file.suffix and file.exists():
        return QIcon(str(file))
    pixmap = getattr(QStyle.StandardPixmap, name, None)
    if pixmap is None:
        return QIcon()
    return QApplication.style().standardIcon(pixmap)


class MainWindow(QMainWindow):
    language_requested = Signal(str)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("main_window")
        self.setWindowIcon(app_icon())
        self.screens: dict[str, QWidget] = {}
        self._screen_list: list[Screen] = list(SCREENS)

        self.rail = QListWidget()
        self.rail.setObjectName("rail")
        self.rail.setFixedWidth(112)
        self.rail.setIconSize(QSize(28, 28))
        self.rail.setViewMode(QListWidget.ViewMode.IconMode)
        self.rail.setMovement(QListWidget.Movement.Static)
        self.rail.setFlow(QListWidget.Flow.TopToBottom)
        self.rail.setSpacing(4)
        self.rail.setGridSize(QSize(104, 68))
        self.rail.setFrameShape(QListWidget.Shape.NoFrame)
        self.stack = QStackedWidget()
        self.empty = self._empty_state()
        self.stack.addWidget(self.empty)
        for screen in self._screen_list:
            if not screen.in_rail:
                continue
            item = QListWidgetItem(icon_for(screen.icon), screen.title())
            item.setData(Qt.ItemDataRole.UserRole, screen.key)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.rail.addItem(item)
        self.rail.currentRowChanged.connect(self._show_row)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.rail)
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
        self._build_menus()
        self.db_label = QLabel()
        self.counts_label = QLabel()
        self.backup_label = QLabel()
        self.backup_label.setObjectName("backup_label")
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.backup_label)
        self.statusBar().addPermanentWidget(self.counts_label)

        ctx.changed.connect(self._on_changed)
        ctx.workspace_replaced.connect(self._update_title)
        self._update_title()
        for spec in MENU_EXTENSIONS:
            _extension(spec)(self)
        self._restore_layout()
        if self._screen_list:
            self.rail.setCurrentRow(0)

    # --- building -------------------------------------------------------------------------
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
        new_db = QAction(self.tr("&New Database…"), self)
        new_db.setShortcut(QKeySequence.StandardKey.New)
        new_db.triggered.connect(self.new_database)
        open_db = QAction(self.tr("&Open Database…"), self)
        open_db.setShortcut(QKeySequence.StandardKey.Open)
        open_db.triggered.connect(self.open_database_dialog)
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
        redo.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z")]
        )
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

        help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu = help_menu
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
        return None

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = self.rail.item(row).data(Qt.ItemDataRole.UserRole)
        widget = self.screen_widget(key)
        if widget is None:
            return
        self.stack.setCurrentWidget(widget)
        self._set_toolbar(widget)

    def _set_toolbar(self, widget: QWidget) -> None:
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
        return True

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
            show_error(self, exc)
            return False
        self.ctx.replace_workspace(workspace)
        self.ctx.settings.last_database = str(workspace.path)
        self.ctx.settings.add_recent(str(workspace.path))
        return True

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
        suffix = self.tr(" (read-only)") if self.ctx.workspace.read_only else ""
        self.setWindowTitle(f"{path.stem}{suffix} — {name}")
        self.db_label.setText(self.tr("Database: {0}").format(str(path)))
        backups = backup.list_backups(path)
        self.note_backup(backups[0].created if backups else None)
        self._update_counts()

    def _update_counts(self) -> None:
        counts = maintenance.record_counts(self.ctx.workspace, ("pursuits", "accounts"))
        self.counts_label.setText(
            self.tr("{0} pursuits · {1} accounts").format(counts["pursuits"], counts["accounts"])
        )

    def note_backup(self, when: datetime | None) -> None:
        """Show when the database was last backed up."""
        if when is None:
            self.backup_label.setText(self.tr("Not backed up yet"))
        else:
            self.backup_label.setText(
                self.tr("Backed up {0}").format(
                    QLocale().toString(qdatetime(when), QLocale.FormatType.ShortFormat)
                )
            )

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(ChangeKind.PURSUIT, ChangeKind.ACCOUNT):
            self._update_counts()

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
        geometry = self.ctx.settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = self.ctx.settings.window_state
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.settings.geometry = self.saveGeometry()
        self.ctx.settings.window_state = self.saveState()
        for widget in self.screens.values():
            saver = getattr(widget, "save_state", None)
            if saver is not None:
                saver()
        self.ctx.settings.sync()
        super().closeEvent(event)
