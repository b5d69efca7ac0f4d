"""The Dashboard screen: off the start-up path, drawn, kept current, filtered, exported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from pypdf import PdfReader

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from desktop.services import accounts, analytics, pursuits
from desktop.services.changes import Changes
from desktop.services.queries import board
from desktop.ui.charts.dashboard import Dashboard
from tests.collecting import settle

ROOT = Path(__file__).resolve().parents[3]


def ink(canvas) -> float:
    """The share of a canvas's pixels that differ from its background colour."""
    pixels = np.asarray(canvas.buffer_rgba())[..., :3].reshape(-1, 3)
    return float(np.any(pixels != pixels[0], axis=1).mean())


def test_start_up_does_not_load_the_dashboard_or_matplotlib(tmp_path: Path) -> None:
    """A fresh process: the main window starts without the dashboard module or matplotlib;
    opening the dashboard loads them (off the GUI thread) and draws."""
    script = textwrap.dedent(
        """
        import json, sys, time
        from desktop.app import create_main_window, make_application
        from desktop.infra.settings import Settings
        from desktop.services.workspace import Workspace

        app = make_application()
        ws = Workspace.open(sys.argv[1])
        ctx, window = create_main_window(ws, Settings())
        window.show()
        report = {"at_show": "matplotlib" in sys.modules}
        end = time.monotonic() + 0.5
        while time.monotonic() < end:
            app.processEvents()
        current = window.stack.currentWidget().objectName()
        report.update(
            current=current,
            dashboard_module="desktop.ui.charts.dashboard" in sys.modules,
            matplotlib="matplotlib" in sys.modules,
        )
        window.show_screen("dashboard")
        dashboard = window.screens["dashboard"]
        end = time.monotonic() + 30
        while not dashboard.idle() and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)
        report.update(after_open="matplotlib" in sys.modules, drawn=sum(dashboard.draws.values()))
        print(json.dumps(report))
        window.close()
        ws.close()
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PURSUIT_DATA_DIR=str(tmp_path))
    run = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "start.db")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["at_show"] is False  # never while the window is built and shown
    if report["current"] != "screen_dashboard":  # the dashboard is not the first screen
        assert report["dashboard_module"] is False
        assert report["matplotlib"] is False
    assert report["after_open"] is True
    assert report["drawn"] == len(analytics.FIGURES)


def test_the_app_warms_up_matplotlib_after_start(tmp_path: Path) -> None:
    """Once the window has been up a while, the app imports the dashboard's figures (matplotlib)
    on a worker thread: nothing of it before, all of it after, and the dashboard then opens
    without importing it again; then it computes the series of the Dashboard's first open
    (kept while nothing is written). What is alive then is frozen for the garbage collector (its
    full collections no longer walk matplotlib and the data layer), nothing before."""
    script = textwrap.dedent(
        """
        import gc, json, sys, threading
        from datetime import date
        import desktop.app
        from desktop.app import WARM_UP_MS, warm_up
        from desktop.infra.settings import Settings
        from desktop.services import dashboard_ahead
        from desktop.services.workspace import Workspace
        from desktop.ui.charts.filter_bar import first_filters
        from desktop.ui.context import AppContext

        ws = Workspace.open(sys.argv[1])
        ctx = AppContext(ws, Settings())
        before = "matplotlib" in sys.modules
        frozen_before = gc.get_freeze_count()
        thread = warm_up(ctx)
        worker = thread is not threading.main_thread() and thread.daemon
        thread.join(60)
        from desktop.ui.charts import figures
        filters = first_filters({}, date.today())
        ahead = dashboard_ahead.take(ws, filters, ctx.settings.default_currency)
        print(json.dumps(dict(before=before, worker=worker, delay=WARM_UP_MS,
                              figures="desktop.ui.charts.figures" in sys.modules,
                              frozen_before=frozen_before, frozen=gc.get_freeze_count(),
                              stock_tracked=any(o is figures._stock for o in gc.get_objects()),
                              ahead=ahead is not None)))
        ws.close()
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PURSUIT_DATA_DIR=str(tmp_path))
    run = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "warm.db")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report == dict(
        ahead=True,
        before=False,
        worker=True,
        delay=report["delay"],
        figures=True,
        frozen_before=0,
        frozen=report["frozen"],
        stock_tracked=False,  # frozen with the rest: full collections pass it by
    )
    assert report["frozen"] > 50_000  # matplotlib, Qt's wrappers, the data layer
    assert report["delay"] >= 1000  # after the first paint and the start-up checks


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_chart_is_drawn_with_key_figures(open_dashboard, demo_ws, language: str) -> None:
    dashboard = open_dashboard(demo_ws, language)
    assert set(dashboard.canvases) == set(analytics.FIGURES)
    for name, canvas in dashboard.canvases.items():
        assert dashboard.draws[name] == 1
        assert ink(canvas) > 0.02, f"{name} looks blank"
        assert canvas.isVisible()
    open_cards = board.board_cards(demo_ws)
    assert dashboard.key_figures.tiles["open"].detail.text() == (
        f"{len(open_cards)} 个项目" if language == "zh_CN" else f"{len(open_cards)} pursuits"
    )
    assert dashboard.key_figures.tiles["open"].value.text().startswith("¥")
    titles = [card.title for card in dashboard.cards.values()]
    if language == "zh_CN":
        assert titles == ["销售漏斗", "成交预测", "赢单与丢单", "推进速度与转化率", "赢率校准"]
        assert dashboard.filter_bar.period.currentText() == "最近 12 个月"
    else:
        assert titles[0] == "Funnel"
    assert dashboard.grab().save(str(Path(demo_ws.path).parent / "dashboard.png"))


def test_an_empty_database_shows_messages(open_dashboard, ws, qtbot) -> None:
    dashboard = open_dashboard(ws)
    texts = "\n".join(t.get_text() for t in dashboard.canvases["funnel"].figure.texts)
    texts += "\n".join(
        t.get_text() for ax in dashboard.canvases["funnel"].figure.axes for t in ax.texts
    )
    assert "没有符合筛选条件的在途项目" in texts
    assert dashboard.key_figures.tiles["win_rate"].value.text() == "–"
    assert all(ink(canvas) > 0.001 for canvas in dashboard.canvases.values())
    # With no pursuit at all, one panel says what will be here instead of five empty charts.
    assert dashboard.empty_panel.isVisible() and not dashboard.board.isVisible()
    assert "还没有项目" in dashboard.empty_panel.findChild(QLabel).text()
    dashboard.ctx.perform(
        pursuits.create_pursuit, pursuits.PursuitDraft(title="ERP", account_name="杭州", amount=1)
    )
    qtbot.waitUntil(lambda: dashboard.board.isVisible(), timeout=20_000)
    assert not dashboard.empty_panel.isVisible()
    qtbot.waitUntil(dashboard.idle, timeout=20_000)


def test_a_stage_move_refreshes_only_what_it_changes(open_dashboard, demo_ws, qtbot) -> None:
    dashboard = open_dashboard(demo_ws)
    card = next(c for c in board.board_cards(demo_ws) if c.stage < 7)
    before = dashboard.series["funnel"].stages
    computations = dashboard.computations
    draws = dict(dashboard.draws)
    with qtbot.waitSignal(dashboard.refreshed, timeout=20_000):
        # Two moves in a row are gathered into one recompute by the debounce.
        dashboard.ctx.perform(pursuits.move_stage, [card.id], card.stage + 1)
        dashboard.ctx.perform(pursuits.move_stage, [card.id], card.stage + 2)
    qtbot.waitUntil(dashboard.idle)
    after = dashboard.series["funnel"].stages
    assert after[card.stage - 1].count == before[card.stage - 1].count - 1
    assert after[card.stage + 1].count == before[card.stage + 1].count + 1
    assert dashboard.computations == computations + 1
    assert dashboard.draws["funnel"] == draws["funnel"] + 1
    assert dashboard.draws["velocity"] == draws["velocity"] + 1  # a new stay and conversion
    # An open pursuit moving changes nothing closed: those figures are not redrawn.
    assert dashboard.draws["win_loss"] == draws["win_loss"]
    assert dashboard.draws["calibration"] == draws["calibration"]


def test_changes_that_touch_no_figure_do_not_recompute(open_dashboard, demo_ws, qtbot) -> None:
    dashboard = open_dashboard(demo_ws)
    computations = dashboard.computations
    dashboard.ctx.changed.emit(Changes.of("note", "n1") | Changes.of("stakeholder", "s1"))
    qtbot.wait(500)
    assert dashboard.computations == computations
    dashboard.ctx.changed.emit(Changes.of("competitor", "c1"))  # names of the losses
    qtbot.waitUntil(lambda: dashboard.computations == computations + 1, timeout=5_000)
    qtbot.waitUntil(dashboard.idle)


def test_a_hidden_dashboard_catches_up_when_shown(open_dashboard, demo_ws, qtbot) -> None:
    dashboard = open_dashboard(demo_ws)
    computations = dashboard.computations
    dashboard.hide()
    card = board.board_cards(demo_ws)[0]
    pursuits.move_stage(demo_ws, [card.id], 8)  # signed, accepted, paid: then the win
    settle(demo_ws, card.id)
    dashboard.ctx.perform(pursuits.close_pursuits, [card.id], "collected")
    qtbot.wait(500)
    assert dashboard.computations == computations  # nothing while hidden
    dashboard.show()
    qtbot.waitUntil(lambda: dashboard.computations == computations + 1, timeout=5_000)
    qtbot.waitUntil(dashboard.idle, timeout=20_000)
    assert dashboard.series["win_loss"].won_count >= 1


def test_filters_narrow_every_figure_and_are_remembered(open_dashboard, demo_ws, qtbot) -> None:
    dashboard = open_dashboard(demo_ws)
    tagged = [c for c in board.board_cards(demo_ws) if "重点" in c.tags]
    dashboard.filter_bar.set_tags({"重点"})
    qtbot.waitUntil(dashboard.idle, timeout=20_000)
    assert dashboard.series["funnel"].count == len(tagged)
    assert dashboard.filter_bar.tags_button.text() == "重点"
    assert dashboard.filter_bar.clear_button.isVisibleTo(dashboard)

    first = board.board_cards(demo_ws)[0]
    account = next(a for a in accounts.list_accounts(demo_ws) if a.name == first.account)
    dashboard.filter_bar.set_tags(set())
    dashboard.filter_bar.set_account(account.id)
    dashboard.filter_bar.set_period("all")
    qtbot.waitUntil(dashboard.idle, timeout=20_000)
    expected = analytics.funnel(demo_ws, analytics.Filters(account_id=account.id), "CNY")
    assert dashboard.series["funnel"] == expected
    assert dashboard.filter_bar.account.currentText() == account.name
    state = dashboard.ctx.settings.screen_state_of("dashboard", demo_ws.path)
    assert (state["period"], state["account"], state["tags"]) == ("all", account.id, [])

    again = open_dashboard(demo_ws)  # a new screen (a restart) starts where the user left it
    assert again.filter_bar.period.currentData() == "all"
    assert again.filters().account_id == account.id
    again.filter_bar.clear()
    qtbot.waitUntil(again.idle, timeout=20_000)
    assert again.filters() == analytics.Filters(
        *analytics.period_range("last_12_months", date.today())
    )
    assert not again.filter_bar.clear_button.isVisibleTo(again)


def test_export_each_chart_and_the_report(open_dashboard, demo_ws, tmp_path, qtbot) -> None:
    dashboard = open_dashboard(demo_ws)
    target = tmp_path / "funnel.pdf"  # every format is tested with the figures
    assert dashboard.exporter.export_chart("funnel", str(target))
    text = PdfReader(str(target)).pages[0].extract_text()
    assert "销售漏斗" in text and "期间：最近 12 个月" in text  # the title and the filters

    # Through the dialog, as a user does it (accepted in code, never exec()).
    dashboard.exporter.export_dialog("forecast", "png")
    dialog = dashboard.exporter.dialog
    chosen = tmp_path / "预测.png"
    dialog.selectFile(str(chosen))
    dialog.accept()
    assert chosen.exists() and chosen.read_bytes().startswith(b"\x89PNG")
    assert str(chosen) in dashboard.status.text()

    report = tmp_path / "report.pdf"
    assert dashboard.exporter.export_report(str(report))
    pages = PdfReader(str(report)).pages
    assert len(pages) == len(analytics.FIGURES)
    assert "赢率校准" in pages[-1].extract_text()

    dashboard.exporter.copy_image("calibration")
    image = QGuiApplication.clipboard().image()
    assert not image.isNull() and image.width() > 1000


def test_a_failed_export_is_reported_not_raised(
    open_dashboard, demo_ws, tmp_path, qtbot, monkeypatch
):
    dashboard = open_dashboard(demo_ws)
    shown = []
    monkeypatch.setattr("desktop.ui.errors.show_error", lambda parent, exc: shown.append(exc))
    missing = tmp_path / "missing" / "folder" / "f.png"
    assert not dashboard.exporter.export_chart("funnel", str(missing))
    assert shown and isinstance(shown[0], OSError)


def test_the_layout_follows_the_window_width(open_dashboard, demo_ws, qtbot) -> None:
    dashboard = open_dashboard(demo_ws, size=(1500, 900))
    funnel, forecast = dashboard.cards["funnel"], dashboard.cards["forecast"]
    assert funnel.geometry().top() == forecast.geometry().top()  # side by side
    dashboard.window().resize(820, 700)
    qtbot.waitUntil(lambda: forecast.geometry().top() > funnel.geometry().bottom())
    assert dashboard.key_figures.columns == 3
    qtbot.waitUntil(dashboard.idle, timeout=20_000)
    for canvas in dashboard.canvases.values():
        canvas.draw()
        assert ink(canvas) > 0.01


def test_the_screen_is_registered_in_the_rail() -> None:
    from desktop.ui.screens import SCREENS

    entries = [s for s in SCREENS if s.key == "dashboard"]
    assert len(entries) == 1
    assert (entries[0].module, entries[0].class_name) == (
        "desktop.ui.charts.dashboard",
        "Dashboard",
    )
    assert Dashboard.__name__ == entries[0].class_name


def test_a_dark_palette_redraws_the_charts_dark(open_dashboard, demo_ws, qtbot) -> None:
    from PySide6.QtGui import QColor, QPalette

    dashboard = open_dashboard(demo_ws)
    canvas = dashboard.canvases["funnel"]
    assert np.asarray(canvas.buffer_rgba())[2, 2, :3].mean() > 200  # light by default
    draws = sum(dashboard.draws.values())
    computations = dashboard.computations
    dark = QPalette(dashboard.palette())
    for role, color in (
        (QPalette.ColorRole.Base, "#202124"),
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.Text, "#e8eaed"),
        (QPalette.ColorRole.WindowText, "#e8eaed"),
    ):
        dark.setColor(role, QColor(color))
    dashboard.setPalette(dark)
    qtbot.waitUntil(lambda: sum(dashboard.draws.values()) == draws + len(analytics.FIGURES))
    assert np.asarray(canvas.buffer_rgba())[2, 2, :3].mean() < 60
    assert dashboard.computations == computations  # the same data: only the colours changed
    assert dashboard.look().theme.muted not in ("#000000", "#e8eaed")


def test_typing_an_account_picks_it(open_dashboard, demo_ws, qtbot) -> None:
    dashboard = open_dashboard(demo_ws)
    names = [a.name for a in accounts.list_accounts(demo_ws)]
    unique = next(n for n in names if sum(n[2:8] in other for other in names) == 1)
    dashboard.filter_bar.account.setEditText(unique[2:8])  # part of one account's name
    dashboard.filter_bar.account.lineEdit().editingFinished.emit()
    assert dashboard.filter_bar.account.currentText() == unique
    assert dashboard.filters().account_id is not None
    dashboard.filter_bar.account.setEditText("no such customer")
    dashboard.filter_bar.account.lineEdit().editingFinished.emit()
    assert dashboard.filter_bar.account.currentText() == unique  # back to the account chosen before
    dashboard.filter_bar.account.setEditText("")
    dashboard.filter_bar.account.lineEdit().editingFinished.emit()
    assert dashboard.filters().account_id is None
    qtbot.waitUntil(dashboard.idle, timeout=20_000)


def test_several_currencies_are_offered_one_at_a_time(open_dashboard, ws, qtbot) -> None:
    for amount, currency in ((100_00, "CNY"), (200_00, "CNY"), (500_00, "USD")):
        pursuits.create_pursuit(
            ws,
            pursuits.PursuitDraft(
                title="ERP", account_name="Acme", amount=amount, currency=currency, stage=2
            ),
        )
    dashboard = open_dashboard(ws, "en")
    assert dashboard.filter_bar.currency_box.isVisibleTo(dashboard)
    assert [dashboard.filter_bar.currency_box.itemData(i) for i in range(2)] == ["CNY", "USD"]
    assert (dashboard.currency, dashboard.series["funnel"].amount) == ("CNY", 300_00)
    dashboard.filter_bar.currency_box.setCurrentIndex(1)
    dashboard.filter_bar.currency_box.activated.emit(1)
    qtbot.waitUntil(lambda: dashboard.idle() and dashboard.currency == "USD", timeout=20_000)
    assert dashboard.series["funnel"].amount == 500_00
    assert dashboard.key_figures.tiles["open"].value.text() == "$500"


def two_currencies(ws) -> None:
    for amount, currency in ((100_00, "CNY"), (200_00, "CNY"), (500_00, "USD")):
        pursuits.create_pursuit(
            ws,
            pursuits.PursuitDraft(
                title="ERP", account_name="Acme", amount=amount, currency=currency, stage=2
            ),
        )


def test_the_saved_currency_is_the_one_first_computed(open_dashboard, ws) -> None:
    """Chosen last time, USD is what the first open computes and shows: not the currency most
    pursuits use first (nor beside a box that says USD)."""
    from desktop.infra.settings import Settings

    two_currencies(ws)
    Settings().set_screen_state_of("dashboard", ws.path, {"currency": "USD"})
    dashboard = open_dashboard(ws, "en")
    assert dashboard.computations == 1
    assert (dashboard.currency, dashboard.series["funnel"].amount) == ("USD", 500_00)
    assert dashboard.filter_bar.currency_box.currentData() == "USD"
    assert dashboard.key_figures.tiles["open"].value.text() == "$500"


def test_a_saved_currency_no_longer_in_use_gives_way(open_dashboard, ws, qtbot) -> None:
    """The pursuits in euros are gone since: the charts show the currency the box offers."""
    from desktop.infra.settings import Settings

    two_currencies(ws)
    Settings().set_screen_state_of("dashboard", ws.path, {"currency": "EUR"})
    dashboard = open_dashboard(ws, "en")
    qtbot.waitUntil(lambda: dashboard.idle() and dashboard.currency == "CNY", timeout=20_000)
    assert dashboard.filter_bar.currency_box.currentData() == "CNY"
    assert dashboard.series["funnel"].amount == 300_00


def test_pointing_at_a_bar_tells_its_full_numbers(open_dashboard, demo_ws) -> None:
    from matplotlib.backend_bases import MouseEvent

    dashboard = open_dashboard(demo_ws, "en")

    def point(name: str, panel: int, x: float, y: float) -> str:
        canvas = dashboard.canvases[name]
        ax = canvas.figure.axes[panel]
        px, py = ax.transData.transform((x, y))
        MouseEvent("motion_notify_event", canvas, px, py)._process()
        return canvas.tip

    funnel = dashboard.series["funnel"].stages[2]
    tip = point("funnel", 0, 0.0, 2)
    assert tip.startswith("3 · Get the project approved") and f"{funnel.count} open pursuits" in tip
    assert f"¥{funnel.amount // 100:,}" in tip  # the full amount, not ¥128万
    forecast = dashboard.series["forecast"]
    assert point("forecast", 0, 0.0, 1).startswith("Past due")
    assert f"{forecast.buckets[0].count} pursuits" in point("forecast", 0, 1.5, 1)
    quarter = dashboard.series["win_loss"].quarters[-1]
    last = len(dashboard.series["win_loss"].quarters) - 1
    assert point("win_loss", 0, last, 0).startswith(f"Q{quarter.quarter} {quarter.year}")
    velocity = dashboard.series["velocity"].stages[0]
    assert f"{velocity.stays} stays" in point("velocity", 0, 1, 0)
    assert "Reached in the period" in point("velocity", 1, 0.2, 0)
    assert point("funnel", 0, 0.0, 40) == ""  # off the bars: no tooltip


def test_another_database_replaces_every_figure(open_dashboard, demo_ws, tmp_path, qtbot) -> None:
    from desktop.services.workspace import Workspace

    dashboard = open_dashboard(demo_ws)
    assert dashboard.series["funnel"].count > 0
    other = Workspace.open(tmp_path / "other.db")
    dashboard.ctx.replace_workspace(other)  # closes demo_ws; its fixture closes it again
    qtbot.waitUntil(
        lambda: dashboard.idle() and dashboard.series["funnel"].count == 0, timeout=20_000
    )
    # Only "All accounts": the other database has none.
    assert dashboard.filter_bar.account.count() == 1
    assert dashboard.empty_panel.isVisible()
    other.close()


def test_resizing_renders_once_when_the_size_settles(open_dashboard, demo_ws, qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    dashboard = open_dashboard(demo_ws)
    canvas = dashboard.canvases["forecast"]
    renders: list[int] = []
    render = canvas.draw
    canvas.draw = lambda: (renders.append(1), render())[1]  # type: ignore[method-assign]
    for width in range(900, 1300, 40):  # a window edge being dragged
        dashboard.window().resize(width, 900)
        QApplication.processEvents()
        canvas.repaint()  # paints the stretched last image meanwhile
    assert renders == []
    qtbot.waitUntil(lambda: len(renders) == 1, timeout=5_000)
    qtbot.wait(canvas.SETTLE_MS * 2)
    assert len(renders) == 1
    width_px = canvas.figure.bbox.width / canvas.device_pixel_ratio
    assert abs(width_px - canvas.width()) <= 1


def test_clicking_a_bar_lists_its_pursuits_and_opens_one(open_dashboard, demo_ws, qtbot) -> None:
    from PySide6.QtCore import QPoint, Qt

    dashboard = open_dashboard(demo_ws, "en")
    opened: list[str] = []
    dashboard.window_.open_pursuit = opened.append  # the main window's, in the real program

    def click(name: str, panel: int, x: float, y: float) -> None:
        """A real left click through Qt at the pixel where (x, y) of the panel was drawn."""
        canvas = dashboard.canvases[name]
        px, py = canvas.figure.axes[panel].transData.transform((x, y))
        ratio = canvas.device_pixel_ratio
        qtbot.mouseClick(
            canvas,
            Qt.MouseButton.LeftButton,
            pos=QPoint(round(px / ratio), round(canvas.height() - py / ratio)),
        )

    stage = dashboard.series["funnel"].stages[2]
    click("funnel", 0, 0.0, 2)
    dialog = dashboard.drilldown.dialog
    assert dialog is not None and dialog.isVisible()
    rows = dialog.model.rows
    assert len(rows) == stage.count and sum(r.amount for r in rows) == stage.amount
    assert dialog.windowTitle() == "Open pursuits at 3 · Get the project approved"
    table = dialog.table
    assert table.model().index(0, 2).data() == "3 · Get the project approved"
    amounts = [r.amount for r in rows]
    assert amounts == sorted(amounts, reverse=True)  # biggest first
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by account
    assert [r.account for r in dialog.model.rows] == sorted(r.account for r in rows)
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened == [dialog.model.rows[1].id]
    first = table.visualRect(table.model().index(0, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=first)  # QTest's double
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=first)  # lacks the press
    assert opened[-1] == dialog.model.rows[0].id

    quarter = next(q for q in reversed(dashboard.series["win_loss"].quarters) if q.won_count)
    column = dashboard.series["win_loss"].quarters.index(quarter)
    click("win_loss", 0, column, quarter.won_amount / 2)  # the middle of the won bar
    won = dashboard.drilldown.dialog
    assert won is not dialog and won.windowTitle() == f"Won in Q{quarter.quarter} {quarter.year}"
    assert {r.status for r in won.model.rows} == {"collected"} and len(
        won.model.rows
    ) == quarter.won_count

    shown = dashboard.drilldown.dialog
    click("velocity", 0, 1, 0)  # stays in a stage are not pursuits: nothing to list
    assert dashboard.drilldown.dialog is shown


def test_the_sales_cycle_says_how_many_wins_it_measures(open_dashboard, ws) -> None:
    """A win entered already closed has no stage history: the cycle averages the others and
    says so, instead of a count that disagrees with the wins beside it."""
    from desktop.services import records

    measured, _ = pursuits.create_pursuit(
        ws, pursuits.PursuitDraft(title="有记录", account_name="甲", amount=100_00)
    )
    pursuits.move_stage(ws, [measured], 8)
    settle(ws, measured)
    pursuits.close_pursuits(ws, [measured], "collected")
    account = accounts.list_accounts(ws)[0].id
    records.create(
        ws,
        "pursuit",
        {
            "title": "补录的赢单",
            "account_id": account,
            "stage": 8,
            "status": "collected",
            "amount": 200_00,
            "closed_on": date.today(),
        },
    )
    dashboard = open_dashboard(ws, "en")
    assert dashboard.key_figures.tiles["won"].detail.text() == "2 pursuits"
    assert dashboard.key_figures.tiles["cycle"].detail.text() == "1 of 2 wins measured"


def test_the_list_heading_shows_names_as_typed(qtbot) -> None:
    """A competitor or reason is user text: "<b>" in it is shown, not obeyed."""
    from desktop.domain.methodology import default_catalog
    from desktop.ui.charts.behind import BehindDialog, BehindModel

    model = BehindModel([], default_catalog(), "en", "CNY")
    dialog = BehindDialog("Lost to <i>A&B</i>", "0 pursuits", model, lambda _id: None, None)
    qtbot.addWidget(dialog)
    heading = dialog.findChild(QLabel, "behind_heading")
    assert "&lt;i&gt;A&amp;B&lt;/i&gt;" in heading.text()


def test_the_wheel_over_a_chart_scrolls_the_page(open_dashboard, demo_ws, qtbot) -> None:
    """A mouse wheel's notches over a chart (through the window, as the system sends them)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    dashboard = open_dashboard(demo_ws, size=(1000, 700))
    bar = dashboard.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0  # the page is taller than the window
    window = dashboard.window()
    points = [  # the middle of each chart, where the window shows it
        c.mapTo(window, QPoint(c.width() // 2, min(c.height(), 200) // 2))
        for c in dashboard.canvases.values()
    ]
    at = next(p for p in points if type(window.childAt(p)).__name__ == "ChartCanvas")
    for _ in range(3):  # three notches downwards
        QTest.wheelEvent(window.windowHandle(), at, QPoint(0, -120))
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=2_000)
