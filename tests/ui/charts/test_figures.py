"""Each figure draws offscreen to an image that is not blank, in both languages, with no missing
glyphs; amounts read the Chinese and the English way; exports are real files."""

from __future__ import annotations

import warnings
from datetime import date
from itertools import pairwise

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from pypdf import PdfReader

from desktop.services import analytics
from desktop.services.analytics import Filters
from desktop.services.pursuits import PursuitDraft, close_pursuits, create_pursuit
from desktop.ui.charts import figures
from desktop.ui.common.format import money, money_short, percent
from tests.collecting import collect


@pytest.fixture(autouse=True)
def english_ui():
    """UI strings in English (the figures' own texts come from Qt's translators)."""
    from desktop.app import make_application
    from desktop.infra import i18n

    make_application()
    i18n.install("en")
    yield
    i18n.install("zh_CN")


def texts_of(figure: Figure) -> str:
    """Every text a figure shows (labels, ticks, legends, notes), one per line."""
    from matplotlib.text import Text

    return "\n".join(t.get_text() for t in figure.findobj(Text) if t.get_visible())


def look(ws, lang: str, currency: str = "CNY") -> figures.Look:
    return figures.Look(lang, currency, tuple(s.process(lang) for s in ws.catalog.stages))


def render(name: str, series: object, style: figures.Look, size=(6.4, 3.4)) -> tuple[Figure, float]:
    """Draw a figure on an Agg canvas; returns it and the share of pixels with ink."""
    fig = Figure(figsize=size, dpi=100)
    canvas = FigureCanvasAgg(fig)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a glyph missing from the fonts would be a box
        figures.draw(name, fig, series, style)
        canvas.draw()
    pixels = np.asarray(canvas.buffer_rgba())[..., :3].reshape(-1, 3)
    return fig, float(np.any(pixels != pixels[0], axis=1).mean())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_figure_draws_demo_data(demo_ws, lang: str) -> None:
    data = analytics.dashboard(demo_ws, Filters())
    assert not data.calibration.enough  # 30 demo pursuits: too few closed (drawn below)
    for name in ("funnel", "forecast", "win_loss", "velocity"):
        fig, share = render(name, getattr(data, name), look(demo_ws, lang))
        assert share > 0.04, f"{name} looks blank ({share:.3f})"
        text = texts_of(fig)
        # Stage names come from the catalog in the language asked for.
        if name != "win_loss":
            assert demo_ws.catalog.stage(1).process(lang) in text, name


def test_calibration_draws_with_enough_closed_pursuits(ws) -> None:
    for number in range(12):
        pursuit_id, _ = create_pursuit(
            ws, PursuitDraft(title="ERP", account_name="杭州", amount=100, stage=2 + number % 7)
        )
        if number % 3:
            collect(ws, [pursuit_id], closed_on=date(2026, 6, 1))  # the win: the money in
        else:
            close_pursuits(ws, [pursuit_id], "lost", closed_on=date(2026, 6, 1))
    data = analytics.dashboard(ws, Filters())
    assert data.calibration.enough
    fig, share = render("calibration", data.calibration, look(ws, "zh"))
    assert share > 0.04
    assert "1 · 建立信任" in texts_of(fig) and "n=12" in texts_of(fig)
    tip = figures.describe("calibration", data.calibration, look(ws, "en"), 0, 0.5, 0)
    assert tip.startswith("1 · Build trust") and "8 of 12 closed pursuits" in tip
    assert "The forecast assumes 10%" in tip


def test_empty_data_says_so_instead_of_drawing(ws) -> None:
    data = analytics.dashboard(ws, Filters(), today=date(2026, 11, 15))
    expected = {
        "funnel": "No open pursuits match these filters.",
        "forecast": "No open pursuits are expected to close in the next 12 months.",
        "win_loss": "Nothing was closed in this period.",
        "velocity": "No stage was left in this period.",
        "calibration": "Only 0 pursuits were closed in this period",
    }
    for name, message in expected.items():
        fig, share = render(name, getattr(data, name), look(ws, "en"))
        assert message in texts_of(fig).replace("\n", " "), name
        assert share > 0.002, f"{name}: the message is not drawn"


def test_a_single_pursuit_draws(ws) -> None:
    create_pursuit(
        ws,
        PursuitDraft(
            title="MES",
            account_name="苏州恒通电子有限公司",
            amount=1_280_000_00,
            stage=4,
            expected_close=date(2027, 1, 15),
        ),
    )
    data = analytics.dashboard(ws, Filters(), today=date(2026, 11, 15))
    fig, share = render("funnel", data.funnel, look(ws, "zh"))
    assert share > 0.03
    assert "¥128万" in texts_of(fig) and "¥51.2万" in texts_of(fig)
    fig, share = render("forecast", data.forecast, look(ws, "zh"))
    assert share > 0.03 and "1月\n2027" in texts_of(fig)
    fig, _ = render("calibration", data.calibration, look(ws, "en"))
    assert "too few to check the win rates" in texts_of(fig).replace("\n", " ")


def test_figures_fit_a_small_canvas(demo_ws) -> None:
    """In a narrow window the margins shrink instead of pushing the plot out of the figure."""
    data = analytics.dashboard(demo_ws, Filters())
    for name in analytics.FIGURES:
        fig, share = render(name, getattr(data, name), look(demo_ws, "en"), size=(3.2, 2.4))
        assert share > 0.04, name
        for ax in fig.axes:
            box = ax.get_position()
            assert 0 <= box.x0 < box.x1 <= 1 and 0 <= box.y0 < box.y1 <= 1, name


def test_the_note_wraps_to_the_width(demo_ws) -> None:
    data = analytics.dashboard(demo_ws, Filters())
    wide, _ = render("velocity", data.velocity, look(demo_ws, "en"), size=(9, 3.4))
    narrow, _ = render("velocity", data.velocity, look(demo_ws, "en"), size=(4, 3.4))

    def note_lines(fig: Figure) -> int:
        return max(t.get_text().count("\n") for t in fig.texts) + 1

    assert note_lines(narrow) > note_lines(wide)


def test_fonts_put_a_cjk_font_first() -> None:
    assert figures.FONTS[-1] == "DejaVu Sans"
    assert figures.FONTS[0] in figures.CJK_FONTS  # the test machine has WenQuanYi Micro Hei


def test_dollar_amounts_stay_plain_text() -> None:
    """Two US-dollar amounts in one label are text, not TeX math between the dollar signs."""
    fig = Figure(figsize=(4, 1), dpi=100)
    canvas = FigureCanvasAgg(fig)
    label = fig.text(0, 0.5, "$1,200 vs $3,400")
    canvas.draw()
    assert label._preprocess_math(label.get_text()) == ("$1,200 vs $3,400", False)


@pytest.mark.parametrize("suffix", ["png", "svg", "pdf"])
def test_export_to_each_format(demo_ws, tmp_path, suffix: str) -> None:
    data = analytics.dashboard(demo_ws, Filters())
    path = tmp_path / f"漏斗.{suffix}"
    figures.export_figure(
        "funnel", data.funnel, look(demo_ws, "zh"), str(path), title="销售漏斗", caption="期间:全部"
    )
    content = path.read_bytes()
    assert len(content) > 5_000
    if suffix == "png":
        assert content.startswith(b"\x89PNG")
    elif suffix == "svg":
        assert b"<svg" in content[:500]
    else:
        text = PdfReader(str(path)).pages[0].extract_text()
        assert "销售漏斗" in text and "建立信任" in text  # embedded, searchable Chinese


def test_money_the_chinese_and_the_english_way() -> None:
    assert money(128_000_000, "CNY") == "¥1,280,000"
    assert money(-5_050, "USD") == "-$50.50"  # one `money` for every screen: fen shown
    assert money(100, "CHF") == "CHF 1"
    assert money_short(128_000_000, "CNY", "zh") == "¥128万"
    assert money_short(123_450_000, "CNY", "zh") == "¥123万"  # as the board says it
    assert money_short(12_345_678_900, "CNY", "zh") == "¥1.23亿"
    assert money_short(4_500_000_000, "CNY", "zh") == "¥4,500万"
    assert money_short(800_000, "CNY", "zh") == "¥8,000"
    assert money_short(128_000_000, "CNY", "en") == "¥1.28M"
    assert money_short(85_000_000, "USD", "en") == "$850K"
    assert money_short(25_000_000_000, "EUR", "en") == "€250M"
    assert money_short(0, "CNY", "en") == "¥0"
    assert percent(0.625) == "63%"  # half up, as a person rounds
    assert percent(0.004) == "0%"
    assert percent(None) == "–"


def test_text_width_estimate_is_close_to_the_real_one() -> None:
    fig = Figure(dpi=72)
    renderer = FigureCanvasAgg(fig).get_renderer()
    for sample in ("3 Opportunity confirmed  30%", "5 方案报价", "¥4,500万", "Total, unweighted"):
        real = fig.text(0, 0, sample, fontsize=9).get_window_extent(renderer).width
        assert real * 0.9 <= figures.text_width(sample, 9) <= real * 1.2, sample


def test_a_redraw_on_reused_axes_equals_a_fresh_drawing(demo_ws) -> None:
    """Redrawing reuses the figure's axes; what it shows must not depend on what was there."""
    everything = analytics.dashboard(demo_ws, Filters())
    some = analytics.dashboard(demo_ws, Filters(tags=frozenset({"重点"})))
    nothing = analytics.dashboard(demo_ws, Filters(tags=frozenset({"no such tag"})))
    style = look(demo_ws, "zh")
    for name in analytics.FIGURES:
        reused = Figure(figsize=(6.4, 3.4), dpi=100)
        canvas = FigureCanvasAgg(reused)
        # Data to none (another arrangement), back to data, then other data on the same axes.
        for step, shown in enumerate((nothing, everything, some)):
            figures.draw(name, reused, getattr(shown, name), style)
            canvas.draw()
            if step:
                fresh, _ = render(name, getattr(shown, name), style)
                expected = np.asarray(fresh.canvas.buffer_rgba())
                assert np.array_equal(np.asarray(canvas.buffer_rgba()), expected), (name, step)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_figure_stocked_by_the_warm_up_draws_as_a_fresh_one(demo_ws, lang: str) -> None:
    """The app's idle warm-up prepares and renders one figure of each kind (in Chinese); the
    Dashboard that takes them draws exactly the pixels of new figures, in either language."""
    data = analytics.dashboard(demo_ws, Filters())
    style = look(demo_ws, lang)
    figures.stock("zh")
    for name in analytics.FIGURES:
        stocked = figures.prepared(name)
        canvas = FigureCanvasAgg(stocked)
        figures.draw(name, stocked, getattr(data, name), style)
        canvas.draw()
        fresh, _ = render(name, getattr(data, name), style)
        expected = np.asarray(fresh.canvas.buffer_rgba())
        assert np.array_equal(np.asarray(canvas.buffer_rgba()), expected), name


def test_each_stocked_figure_is_handed_out_once() -> None:
    figures.stock()
    first = figures.prepared("funnel")
    second = figures.prepared("funnel")
    assert first.axes  # prepared by the warm-up: its axes are made
    assert first is not second and not second.axes  # the next Dashboard gets a new figure


def test_a_forecast_beginning_in_december_leaves_the_year_to_january() -> None:
    # Two years side by side under narrow bars ran into one ("20262027") at 1366 pixels.
    months = [date(2026, 12, 1), date(2027, 1, 1), date(2027, 2, 1)]
    assert [figures.month_label(m, i == 0, "en") for i, m in enumerate(months)] == [
        "Dec",
        "Jan\n2027",
        "Feb",
    ]
    assert figures.month_label(date(2026, 11, 1), True, "zh_CN") == "11月\n2026"
    assert figures.month_label(date(2027, 1, 1), False, "zh_CN") == "1月\n2027"


def label_lines(fig: Figure) -> list[list[tuple[float, float, str]]]:
    """The forecast's month labels as drawn: each line's left and right edge in pixels."""
    renderer = fig.canvas.get_renderer()
    (ax,) = fig.axes
    labels = []
    for text in ax.texts:
        box = text.get_window_extent(renderer)
        middle = (box.x0 + box.x1) / 2
        lines = []
        for line in text.get_text().split("\n"):
            width = renderer.get_text_width_height_descent(line, text.get_fontproperties(), False)
            lines.append((middle - width[0] / 2, middle + width[0] / 2, line))
        labels.append(lines)
    return labels


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_forecast_labels_never_run_into_each_other(ws, lang: str) -> None:
    """At 1280 pixels "Past due" ran into "Dec" and 「10月」 into 「11月」: narrower, they take
    shorter forms; where there is room they stay whole."""
    today = date(2026, 11, 15)
    for months in range(-1, 12):
        year, month = divmod(today.month - 1 + months, 12)
        create_pursuit(
            ws,
            PursuitDraft(
                title=f"ERP {months}",
                account_name="苏州恒通电子有限公司",
                amount=1_000_000_00,
                stage=3,
                expected_close=date(today.year + year, month + 1, 15),
            ),
        )
    data = analytics.dashboard(ws, Filters(), today=today)
    assert data.forecast.past_due.count == 1
    shown = {}
    for width in (5.7, 9.0):  # the forecast's card at 1280 and on a wide screen
        fig, _ = render("forecast", data.forecast, look(ws, lang), size=(width, 3.2))
        labels = label_lines(fig)
        assert len(labels) == 13
        for before, after in pairwise(labels):
            for left, right in zip(before, after, strict=False):
                assert left[1] + 2 <= right[0], (width, left[2], right[2])
        shown[width] = [" ".join(line[2] for line in label) for label in labels]
    # ("Past due" is the UI's word, in English here.)
    wide = ["Nov 2026", "Dec", "Jan 2027"] if lang == "en" else ["11月 2026", "12月", "1月 2027"]
    assert shown[9.0][:4] == ["Past due", *wide]
