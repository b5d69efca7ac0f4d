"""The Dashboard's first open after the app's idle warm-up draws the series the warm-up computed
(`charts.ahead`, `services.dashboard_ahead`) — unless the database was written since: then it
computes them, and shows the new figures."""

from __future__ import annotations

import importlib
import shutil
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from desktop.infra.settings import Settings
from desktop.services import analytics, pursuits, records
from desktop.services.pursuits import PursuitDraft
from desktop.services.queries import board
from desktop.services.sync import export, importer
from desktop.services.workspace import Workspace
from desktop.ui.charts import ahead, figures
from desktop.ui.charts.canvas import ChartCanvas
from desktop.ui.context import AppContext


def warm_up(ws: Workspace) -> analytics.Dashboard:
    """What the app's warm-up computes after its imports (`app.warm_up` runs the plan on its
    worker thread); returns the same series, computed here, to compare with."""
    settings = Settings()
    ctx = AppContext(ws, settings)
    ahead.plan(ctx)()
    state = settings.screen_state_of("dashboard", ws.path)
    filters = ahead.first_filters(state, date.today())
    return analytics.dashboard(ws, filters, fallback_currency=settings.default_currency)


def shown(dashboard) -> dict[str, object]:
    return {name: dashboard.series[name] for name in analytics.FIGURES}


def expected(series: analytics.Dashboard) -> dict[str, object]:
    return {name: getattr(series, name) for name in analytics.FIGURES}


@pytest.mark.parametrize("saved", ["nothing", "period and tag"])
def test_the_first_open_draws_the_series_computed_ahead(
    open_dashboard, demo_ws: Workspace, saved: str
) -> None:
    if saved != "nothing":  # the filters kept from last time: the warm-up computes for them
        tag = sorted(pursuits.all_tags(demo_ws))[0]
        state = {"period": "all", "tags": [tag]}
        Settings().set_screen_state_of("dashboard", demo_ws.path, state)
    computed = warm_up(demo_ws)
    dashboard = open_dashboard(demo_ws)
    assert dashboard.ahead_taken
    assert shown(dashboard) == expected(computed)
    assert sum(dashboard.draws.values()) == len(analytics.FIGURES)
    if saved != "nothing":
        assert dashboard.filters().tags == {tag} and dashboard.filters().start is None


def test_the_warm_up_computes_in_the_saved_currency(open_dashboard, ws: Workspace) -> None:
    for amount, currency in ((100_00, "CNY"), (200_00, "CNY"), (500_00, "USD")):
        pursuits.create_pursuit(
            ws, PursuitDraft(title="ERP", account_name="Acme", amount=amount, currency=currency)
        )
    Settings().set_screen_state_of("dashboard", ws.path, {"currency": "USD"})
    computed = warm_up(ws)
    assert computed.currency == "USD"
    dashboard = open_dashboard(ws, "en")
    assert dashboard.ahead_taken and dashboard.computations == 1
    assert dashboard.currency == "USD" and shown(dashboard) == expected(computed)


def test_a_local_edit_after_the_warm_up_shows_on_the_first_open(
    open_dashboard, demo_ws: Workspace
) -> None:
    computed = warm_up(demo_ws)
    assert computed.funnel is not None
    pursuits.create_pursuit(
        demo_ws, PursuitDraft(title="二期扩产", account_name="苏州恒通电子有限公司", amount=123_400)
    )
    dashboard = open_dashboard(demo_ws)
    assert not dashboard.ahead_taken
    funnel = dashboard.series["funnel"]
    assert funnel.count == computed.funnel.count + 1
    assert funnel.amount == computed.funnel.amount + 123_400


def test_an_import_after_the_warm_up_shows_on_the_first_open(
    open_dashboard, demo_ws: Workspace, demo_template: Path, tmp_path: Path
) -> None:
    """A colleague's change merged in (no local write counted: only the merge moves the mark)."""
    shutil.copy(demo_template, tmp_path / "colleague.db")
    colleague = Workspace.open(tmp_path / "colleague.db")  # a copy: its own site
    try:
        card = next(c for c in board.board_cards(colleague) if c.currency == "CNY" and c.stage < 7)
        records.update(colleague, "pursuit", card.id, {"amount": card.amount + 7_000_000})
        export.export_bundle(colleague, tmp_path / "f.sync", passphrase=None, encrypt=False)
    finally:
        colleague.close()
    computed = warm_up(demo_ws)
    assert computed.funnel is not None
    importer.import_bundle(demo_ws, tmp_path / "f.sync", backup=False)
    dashboard = open_dashboard(demo_ws)
    assert not dashboard.ahead_taken
    assert dashboard.series["funnel"].amount == computed.funnel.amount + 7_000_000


def test_each_figure_is_drawn_once_at_its_final_size(
    open_dashboard, demo_ws: Workspace, qtbot
) -> None:
    """Drawn at once on show, the figures used to start before the cards were laid out: the first
    ones were drawn at a passing size, then again at their own (~100 ms each at 10,000)."""
    warm_up(demo_ws)
    dashboard = open_dashboard(demo_ws)
    assert dashboard.ahead_taken
    qtbot.wait(ChartCanvas.SETTLE_MS * 2)  # a drawing again after a resize would be done
    for canvas in dashboard.canvases.values():
        ratio = canvas.devicePixelRatioF()
        drawn = (int(canvas.renderer.width), int(canvas.renderer.height))
        assert drawn == (round(canvas.width() * ratio), round(canvas.height() * ratio))
        assert canvas.renders == 1, canvas.name


def test_the_figures_drawn_ahead_show_what_a_first_open_draws_itself(
    open_dashboard, demo_ws: Workspace
) -> None:
    """The warm-up also draws the series on the figures it prepared; the first open then only
    renders them, pixel for pixel what a Dashboard drawing its own shows."""
    figures.stock()  # what importing `charts.warm` does in the app's warm-up, before the plan
    warm_up(demo_ws)
    ahead_drawn = open_dashboard(demo_ws)
    assert ahead_drawn.drawn_ahead == set(analytics.FIGURES)
    own = open_dashboard(demo_ws)  # asks again: computes and draws its own, on new figures
    assert not own.ahead_taken and not own.drawn_ahead
    for name in analytics.FIGURES:
        pixels = np.asarray(ahead_drawn.canvases[name].buffer_rgba())
        assert np.array_equal(pixels, np.asarray(own.canvases[name].buffer_rgba())), name


def test_in_the_main_window_the_first_open_after_the_warm_up_only_renders(
    main_window, qtbot
) -> None:
    """The app's own wiring: the plan of `Screen.ahead` with the window's context, then the
    Dashboard shown from the rail's screen list (its palette is the one the plan drew in)."""
    from desktop.ui.screens import SCREENS

    figures.stock()
    (screen,) = [s for s in SCREENS if s.ahead]
    importlib.import_module(screen.ahead).plan(main_window.ctx)()
    main_window.show_screen(screen.key)
    dashboard = main_window.screens[screen.key]
    qtbot.waitUntil(dashboard.idle, timeout=30_000)
    assert dashboard.ahead_taken
    assert dashboard.drawn_ahead == set(analytics.FIGURES)


def test_at_the_size_of_last_time_the_first_open_shows_the_image_rendered_ahead(
    open_dashboard, demo_ws: Workspace
) -> None:
    """The Dashboard keeps its charts' sizes when closed; the next session's warm-up renders the
    figures at them, and the first open shows those images: the pixels of its own rendering."""
    last_time = open_dashboard(demo_ws)
    last_time.save_state()  # as the main window asks on close
    again = Workspace.open(demo_ws.path)  # the next session
    try:
        figures.stock()
        warm_up(again)
        dashboard = open_dashboard(again)
        assert dashboard.rendered_ahead == set(analytics.FIGURES)
        for name in analytics.FIGURES:
            assert dashboard.canvases[name].renders == 0  # shown, not rendered again
            pixels = np.asarray(dashboard.canvases[name].buffer_rgba())
            assert np.array_equal(pixels, np.asarray(last_time.canvases[name].buffer_rgba()))
    finally:
        again.close()


def test_at_another_size_the_first_open_renders_them_itself(
    open_dashboard, demo_ws: Workspace
) -> None:
    open_dashboard(demo_ws, size=(1440, 1000)).save_state()
    again = Workspace.open(demo_ws.path)
    try:
        figures.stock()
        warm_up(again)
        dashboard = open_dashboard(again, size=(1280, 720))  # a smaller screen this time
        assert dashboard.drawn_ahead == set(analytics.FIGURES) and not dashboard.rendered_ahead
        for canvas in dashboard.canvases.values():
            ratio = canvas.devicePixelRatioF()
            drawn = (int(canvas.renderer.width), int(canvas.renderer.height))
            assert drawn == (round(canvas.width() * ratio), round(canvas.height() * ratio))
    finally:
        again.close()
