"""The main window shell opens in both languages and keeps its geometry."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.infra.settings import Settings


@pytest.fixture
def window_workspace(ws):
    """The shell as on a first start: an empty database (`ws` is the window's)."""
    return ws


@pytest.mark.parametrize("main_window", ["zh_CN", "en"], indirect=True)
def test_window_opens_with_menus_and_status(main_window, tmp_path: Path) -> None:
    titles = [a.text() for a in main_window.menuBar().actions()]
    if main_window.ctx.language == "zh_CN":
        assert titles[0].startswith("文件")
        assert "项目型销售管理" in main_window.windowTitle()
        assert "个项目" in main_window.counts_label.text()
    else:
        assert titles[0] == "&File"
        assert "Pursuit" in main_window.windowTitle()
        assert "pursuits" in main_window.counts_label.text()
    assert str(main_window.ctx.workspace.path) in main_window.db_label.full_text()
    assert main_window.grab().save(str(tmp_path / "window.png"))


def test_geometry_survives_a_restart(main_window, ws) -> None:
    from desktop.app import create_main_window

    main_window.resize(640, 480)
    main_window.close()
    _ctx, again = create_main_window(ws, Settings())
    assert (again.size().width(), again.size().height()) == (640, 480)


def test_switching_database(main_window, tmp_path: Path) -> None:
    assert main_window.switch_database(tmp_path / "other.db")
    assert main_window.ctx.workspace.path.name == "other.db"
    assert "other" in main_window.windowTitle()
    bad = tmp_path / "bad.db"
    bad.write_text("nonsense")
    assert not main_window.switch_database(bad, create=False)
    assert main_window.ctx.workspace.path.name == "other.db"


def test_switching_database_lets_the_collector_free_what_the_old_one_held(
    main_window, tmp_path: Path
) -> None:
    """The warm-up freezes what is alive for the garbage collector (`app.warm_up`); a switch
    unfreezes it, so the old workspace's objects caught in reference cycles are freed."""
    import gc
    import weakref

    class Held:
        """An object in a reference cycle with itself: only the garbage collector frees it."""

    cycle = Held()
    cycle.me = cycle  # type: ignore[attr-defined]
    gone = weakref.ref(cycle)
    del cycle
    gc.freeze()
    try:
        gc.collect()
        assert gone() is not None  # frozen: a full collection passes it by
        assert main_window.switch_database(tmp_path / "other.db")
        assert gc.get_freeze_count() == 0
        gc.collect()
        assert gone() is None
    finally:
        gc.unfreeze()


def test_opening_a_pursuit_while_typing_elsewhere_shows_only_the_pursuit(
    main_window, ws, qtbot
) -> None:
    """Focus leaving a hidden screen used to land on the rail, which picked its first row (the
    board) in the middle of the switch: board and pursuit were both shown, one over the other."""
    from PySide6.QtWidgets import QLineEdit

    from desktop.services import pursuits
    from desktop.services.pursuits import PursuitDraft

    pursuit_id, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title="MES 二期", account_name="苏州恒通电子有限公司", amount=100)
    )
    accounts = main_window.show_screen("accounts")
    search = accounts.findChild(QLineEdit, "accounts_search")
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)

    assert main_window.open_pursuit(pursuit_id)
    qtbot.wait(50)
    workspace = main_window.screens["pursuit"]
    assert main_window.stack.currentWidget() is workspace
    assert [w for w in main_window.screens.values() if w.isVisible()] == [workspace]
    assert main_window.rail.currentRow() == -1
    main_window.show_screen("board")  # the rail still switches
    assert main_window.stack.currentWidget() is main_window.screens["board"]
    assert not workspace.isVisible()


def _bound_keys(window) -> list[tuple[str, object]]:
    """(key, context) of every window-wide shortcut the window's actions hold."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction

    keys = []
    for action in window.findChildren(QAction):
        if action.shortcutContext() not in (
            Qt.ShortcutContext.WindowShortcut,
            Qt.ShortcutContext.ApplicationShortcut,
        ):
            continue
        keys.extend((s.toString(), action.shortcutContext()) for s in action.shortcuts())
    return keys


def test_standard_keys_are_bound_once(main_window) -> None:
    """A key bound twice makes Qt warn "Ambiguous shortcut overload" and do nothing."""
    from PySide6.QtGui import QKeySequence

    keys = [key for key, _context in _bound_keys(main_window)]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    redo = [s.toString() for s in main_window.redo_action.shortcuts()]
    assert redo.count("Ctrl+Y") == 1 and redo.count("Ctrl+Shift+Z") == 1
    new = QKeySequence(QKeySequence.StandardKey.New).toString()
    assert main_window.new_pursuit_action.shortcut().toString() == new == "Ctrl+N"
    database = main_window.findChild(type(main_window.new_pursuit_action), "action_new_database")
    assert database.shortcut().toString() == "Ctrl+Alt+N"


def test_ctrl_n_makes_a_pursuit_on_the_board_and_elsewhere(main_window, qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QLineEdit

    from desktop.ui.operations.pursuit_dialog import PursuitDialog

    board = main_window.screens["board"]
    board.board.view_of(3).setFocus()
    qtbot.keyClick(board.board.view_of(3), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert board.pursuit_dialog is not None and board.pursuit_dialog.isVisible()
    board.pursuit_dialog.reject()
    accounts = main_window.show_screen("accounts")
    search = accounts.findChild(QLineEdit, "accounts_search")
    search.setFocus()
    qtbot.keyClick(search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, PursuitDialog)]
    shown = [d for d in dialogs if d.isVisible()]
    assert shown
    for dialog in shown:
        dialog.reject()


def test_the_board_shows_one_search_box(main_window) -> None:
    from PySide6.QtWidgets import QToolBar

    search_bar = main_window.findChild(QToolBar, "search_toolbar")
    assert main_window.stack.currentWidget() is main_window.screens["board"]
    assert not search_bar.isVisible()  # the board's own box searches its cards
    main_window.show_screen("accounts")
    assert search_bar.isVisible()
    main_window.show_screen("board")
    assert not search_bar.isVisible()


def test_switching_tabs_with_focus_inside_never_leaves_the_pursuit(main_window, ws, qtbot) -> None:
    """Focus inside the tab being left (as right after choosing in the map's side panel) falls
    to the rail when that tab hides; the rail, without a current row, used to take its first
    one — the board. Every pair of tabs, switched by clicking the tab bar."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

    from desktop.services import pursuits
    from desktop.services.pursuits import PursuitDraft

    pursuit_id, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title="MES 二期", account_name="苏州恒通电子有限公司", amount=100)
    )
    assert main_window.open_pursuit(pursuit_id)
    workspace = main_window.screens["pursuit"]
    tabs = workspace.tabs
    bar = tabs.tabBar()
    editable = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit)
    for a in range(tabs.count()):
        for b in range(tabs.count()):
            if a == b:
                continue
            tabs.setCurrentIndex(a)
            qtbot.wait(1)
            page = tabs.widget(a)
            inside = [
                w
                for kind in editable
                for w in page.findChildren(kind)
                if w.isVisible() and w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isEnabled()
            ]
            target = inside[0] if inside else page
            target.setFocus(Qt.FocusReason.MouseFocusReason)
            qtbot.waitUntil(lambda t=target, i=inside: t.hasFocus() or not i, timeout=1000)
            qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(b).center())
            qtbot.wait(1)
            assert main_window.stack.currentWidget() is workspace, (a, b)
            assert tabs.currentIndex() == b
            assert main_window.rail.currentRow() == -1, (a, b)
    # The rail itself still switches screens.
    main_window.show_screen("board")
    assert main_window.stack.currentWidget() is main_window.screens["board"]


def test_the_rail_narrows_to_icons_and_remembers(main_window) -> None:
    main_window.set_rail_narrow(False)
    wide = main_window.rail.width()
    main_window.rail_toggle.click()
    assert main_window.rail_narrow and main_window.rail.width() < wide
    assert main_window.rail.item(0).text() == "" and main_window.rail.item(0).toolTip()
    assert main_window.ctx.settings.screen_state("rail") == {"narrow": True}
    main_window.narrow_rail_action.trigger()
    assert not main_window.rail_narrow and main_window.rail.item(0).text()


@pytest.mark.parametrize("main_window", ["zh_CN"], indirect=True)
def test_qt_dialogs_speak_chinese(main_window, qtbot) -> None:
    """Qt's own file, colour and print dialogs in Chinese (qtbase_zh_CN loaded)."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QColorDialog, QDialogButtonBox, QFileDialog, QLabel

    files = QFileDialog(main_window)
    files.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    files.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(files)
    labels = {w.objectName(): w.text() for w in files.findChildren(QLabel)}
    assert labels["lookInLabel"] == "查找范围(&L)："
    assert labels["fileTypeLabel"] == "文件类型(&T)："
    buttons = files.findChild(QDialogButtonBox).buttons()
    assert {b.text() for b in buttons} & {"保存(&S)", "取消"}
    colours = QColorDialog(main_window)
    colours.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog, True)
    qtbot.addWidget(colours)
    texts = {w.text() for w in colours.findChildren(QLabel)}
    assert any("基本颜色" in t for t in texts), texts
    printer = QPrinter()
    printing = QPrintDialog(printer, main_window)
    qtbot.addWidget(printing)
    assert "打印" in printing.windowTitle()
    texts = [w.text() for w in printing.findChildren(QLabel) if w.text()]
    english = [t for t in texts if t.isascii() and any(c.isalpha() for c in t)]
    assert english == [], english


@pytest.mark.parametrize(
    ("main_window", "later", "earlier"),
    [("zh_CN", "Ctrl+→", "Ctrl+←"), ("en", "Ctrl+Right", "Ctrl+Left")],
    indirect=["main_window"],
)
def test_arrow_shortcuts_read_as_arrows_in_chinese(main_window, later, earlier) -> None:
    """Qt's qtbase_zh_CN names the arrow keys "右方向": Today's menu read "推后一天 Ctrl+右方向".
    Our correction of Qt's strings, installed after it, shows the arrow itself."""
    from PySide6.QtGui import QKeySequence

    screen = main_window.show_screen("today")
    native = QKeySequence.SequenceFormat.NativeText
    assert screen.later.shortcut().toString(native) == later
    assert screen.earlier.shortcut().toString(native) == earlier


def test_the_rail_stays_put_when_the_screen_changes(main_window, qtbot) -> None:
    """Screens whose toolbar actions have icons (Visits, a pursuit) made the toolbar taller than
    the board's and Today's words: the rail's icons sat 9 px lower there."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    from desktop.services import pursuits
    from desktop.services.pursuits import PursuitDraft

    pursuit_id, _ = pursuits.create_pursuit(
        main_window.ctx.workspace, PursuitDraft(title="导航不动", account_name="导航客户")
    )
    tops = {}
    for key in ("board", "today", "visits", "pursuits", "accounts"):
        main_window.show_screen(key)
        QApplication.processEvents()
        tops[key] = main_window.rail.mapTo(main_window, QPoint(0, 0)).y()
    assert main_window.open_pursuit(pursuit_id)
    QApplication.processEvents()
    tops["pursuit"] = main_window.rail.mapTo(main_window, QPoint(0, 0)).y()
    assert len(set(tops.values())) == 1, tops


def test_the_current_rail_row_keeps_its_icon_untinted(main_window) -> None:
    """Fusion tints a selected icon with the highlight colour: blue on the blue current row."""
    from PySide6.QtGui import QIcon, QPalette

    rail = main_window.rail
    assert rail.palette().color(QPalette.ColorRole.Highlight).lightness() > 200  # a pale row
    for row in range(rail.count()):
        icon = rail.item(row).icon()
        normal = icon.pixmap(32, QIcon.Mode.Normal).toImage()
        assert icon.pixmap(32, QIcon.Mode.Selected).toImage() == normal, row


def test_the_narrow_rails_current_row_is_one_plain_highlight(main_window, qtbot) -> None:
    """No focus frame beside the current screen's icon (it showed as a stray square)."""
    from PySide6.QtGui import QPalette

    rail = main_window.rail
    main_window.set_rail_narrow(True)
    main_window.show()
    rail.setCurrentRow(0)
    rail.setFocus()
    qtbot.waitUntil(rail.hasFocus)
    image = rail.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    row = rail.visualItemRect(rail.item(0))
    highlight = rail.palette().color(QPalette.ColorRole.Highlight).rgb()
    y = int(row.center().y() * ratio)
    beside_icon = range(int((row.left() + rail.iconSize().width() + 12) * ratio),
                        int((row.right() - 2) * ratio))  # fmt: skip
    assert [image.pixel(x, y) for x in beside_icon] == [highlight] * len(beside_icon)


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_the_status_bar_counts_one_pursuit_in_the_singular(main_window, ws) -> None:
    from desktop.services import pursuits
    from desktop.services.pursuits import PursuitDraft

    pursuits.create_pursuit(ws, PursuitDraft(title="ERP rollout", account_name="Acme Ltd"))
    main_window._update_counts()
    assert main_window.counts_label.text() == "1 pursuit · 1 account"
    pursuits.create_pursuit(ws, PursuitDraft(title="MES", account_name="Globex"))
    main_window._update_counts()
    assert main_window.counts_label.text() == "2 pursuits · 2 accounts"


def test_a_read_only_window_says_so_in_its_status_bar(qtbot, demo_ws) -> None:
    """A second instance opened read-only: the rep sees it while working, not only in the
    title, before typing a change that cannot be saved."""
    from desktop.app import create_main_window, make_application
    from desktop.infra import i18n
    from desktop.infra.settings import Settings
    from desktop.services.workspace import Workspace

    make_application()
    i18n.install("zh_CN")
    viewer = Workspace.open(demo_ws.path, read_only=True)
    try:
        _ctx, window = create_main_window(viewer, Settings())
        qtbot.addWidget(window)
        assert window.db_label.full_text().startswith("只读：在此所做的更改无法保存")
        assert "（只读）" in window.windowTitle()
        # Today's gestures that would write are off, not offered and then refused.
        today = window.show_screen("today")
        assert today.model.items() and today.select(today.model.items()[0].id)
        assert not today.done.isEnabled() and not today.later.isEnabled()
        assert today.open_pursuit.isEnabled() or today.current().pursuit_id is None
        window.close()
    finally:
        viewer.close()
    _ctx, window = create_main_window(demo_ws, Settings())
    qtbot.addWidget(window)
    assert not window.db_label.full_text().startswith("只读")
    window.close()
