"""The dashboard's figures, drawn with matplotlib from the plain series of `services.analytics`.

This module imports matplotlib, so it is imported only when the dashboard is first shown (on a
worker thread: it uses no widget, only QtCore's translate). Each `draw_*` function draws one
series on a Figure; it knows nothing of widgets, so the same function draws on screen (in the
palette's colours, see `canvas`) and for an export (on white).

Layout: margins are fixed in points and sized from the labels (`Margins`), so a figure keeps its
proportions in any window and at any DPI without matplotlib's constrained layout, which costs as
much as the drawing itself.
"""

from __future__ import annotations

import logging
import textwrap
import threading
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise
from typing import Any, Literal

import matplotlib
from matplotlib import font_manager
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.layout_engine import LayoutEngine
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.ticker import (
    FixedLocator,
    FuncFormatter,
    MaxNLocator,
    NullLocator,
    PercentFormatter,
)
from matplotlib.transforms import offset_copy

from PySide6.QtCore import QCoreApplication

from desktop.domain.methodology import STAGE_COUNT, default_catalog
from desktop.services import analytics
from desktop.ui.common.colors import STAGE_COLORS
from desktop.ui.common.format import count, money, money_short, percent, stage_name

# Fonts with Chinese glyphs, best first; matplotlib falls back glyph by glyph along the list,
# so Chinese labels never turn into boxes wherever one of these is installed.
CJK_FONTS = (
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Microsoft YaHei",
    "PingFang SC",
    "Source Han Sans SC",
    "Noto Sans SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "SimHei",
)
WON = "#2E7D32"
LOST = "#C62828"
ABANDONED = "#9E9E9E"
ACCENT = "#1E88E5"
OVERDUE = "#D32F2F"
TOP_GROUPS = 5  # losses by competitor / reason: the biggest, then "Other"
SIZE = 9.0  # points: labels and ticks
SMALL = 8.0  # points: annotations, legends, notes


def configure_fonts() -> list[str]:
    """Point matplotlib at the installed CJK fonts (then DejaVu Sans); returns the list used."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    families = [name for name in CJK_FONTS if name in installed] + ["DejaVu Sans"]
    matplotlib.rcParams.update(
        {
            "font.family": "sans-serif",
            "font.sans-serif": families,
            "font.size": SIZE,
            "axes.unicode_minus": False,  # CJK fonts lack U+2212: plain hyphen for negatives
            # Labels are plain text: "$1,200 vs $3,400" (USD, HK$) or a name with "$" must not
            # turn into TeX math.
            "text.parse_math": False,
            # FreeType's hinting of each glyph was most of the time a chart takes to draw (the
            # CJK face's glyphs load again for every label): unhinted, the five charts of the
            # Dashboard draw in about 30 % less time, and at screen sizes they look the same.
            "text.hinting": "no_hinting",
            "pdf.fonttype": 42,  # embed TrueType: text in an exported PDF can be searched
            "svg.fonttype": "path",  # an SVG looks the same where the fonts are missing
        }
    )
    return families


FONTS = configure_fonts()
# WenQuanYi Micro Hei has no bold face; matplotlib says so on stderr at every bold label, and
# draws the regular face emboldened, which is what we want.
logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)


@dataclass(frozen=True)
class Theme:
    """Colours for text and lines; on screen they come from the palette (light or dark)."""

    text: str = "#1f2328"
    muted: str = "#59636e"
    grid: str = "#d8dee4"
    background: str = "#ffffff"


LIGHT = Theme()


@dataclass(frozen=True)
class Look:
    """How to draw: the language, the currency, the stage names and the colours."""

    lang: str
    currency: str
    stage_names: tuple[str, ...]  # each stage's process name, stage 1 first (as on the board)
    theme: Theme = LIGHT

    def stage(self, number: int) -> str:
        return stage_name(number, self.stage_names[number - 1])

    def short(self, minor: float) -> str:
        return money_short(minor, self.currency, self.lang)

    def on_white(self) -> Look:
        return replace(self, theme=LIGHT)


# --- layout -------------------------------------------------------------------------------------
def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _em(char: str) -> float:
    """A glyph's advance in em, roughly, for a sans-serif font (a little on the wide side)."""
    if _wide(char):
        return 1.0
    if char in NARROW:
        return 0.3
    if char in "mwMW%@":
        return 0.88
    if char.isupper() or char in "¥$€£":
        return 0.66
    if char.isdigit():
        return 0.57
    return 0.52


NARROW = frozenset("iljtfrI.,:;'|!()[]{} ·")


def text_width(text: str, size: float = SIZE) -> float:
    """A line's width in points, estimated from the glyphs (so no renderer is needed)."""
    return max((sum(map(_em, line)) * size * 1.04 for line in text.split("\n")), default=0.0)


def _wrap(text: str, width_pt: float, size: float) -> str:
    """Break `text` into lines no wider than `width_pt` (CJK may break between any glyphs)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0.0
        for token in _tokens(paragraph):
            width = text_width(token, size)
            if line and used + width > width_pt:
                lines.append(line.rstrip())
                line = token.lstrip()
                used = text_width(line, size)
            else:
                line += token
                used += width
        lines.append(line)
    return "\n".join(lines)


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    for word in textwrap.wrap(text, width=1, break_long_words=False, drop_whitespace=False):
        if any(_wide(c) for c in word):
            tokens.extend(word)  # Chinese breaks between characters
        else:
            tokens.append(word)
    return tokens or [""]


class Margins(LayoutEngine):
    """Fixed margins in points around the figure's grid, and a wrapped note at the bottom.

    `execute` runs before every draw (a resize too): it turns the points into figure fractions
    and re-wraps the note to the current width.
    """

    _adjust_compatible = True
    _colorbar_gridspec = False

    def __init__(
        self,
        *,
        left: float = 12,
        right: float = 12,
        top: float = 10,
        bottom: float = 10,
        wspace: float = 0,
        hspace: float = 0,
        ncols: int = 1,
        nrows: int = 1,
        note: Text | None = None,
        note_text: str = "",
    ) -> None:
        super().__init__()
        self.left, self.right, self.top, self.bottom = left, right, top, bottom
        self.wspace, self.hspace, self.ncols, self.nrows = wspace, hspace, ncols, nrows
        self.note, self.note_text = note, note_text

    def execute(self, fig: Figure) -> None:
        width, height = (float(v) * 72 for v in fig.get_size_inches())
        bottom = self.bottom
        if self.note is not None:
            wrapped = _wrap(self.note_text, width - 16, SMALL)
            self.note.set_text(wrapped)
            bottom += (wrapped.count("\n") + 1) * SMALL * 1.3 + 4
        left = min(self.left, width * 0.45)
        right = min(self.right, max(width - left - 60, 0))
        top = min(self.top, height * 0.3)
        bottom = min(bottom, max(height - top - 40, 0))
        inner_w = max(width - left - right - (self.ncols - 1) * self.wspace, 1)
        inner_h = max(height - top - bottom - (self.nrows - 1) * self.hspace, 1)
        fig.subplots_adjust(
            left=left / width,
            right=max(1 - right / width, (left + 1) / width),
            bottom=bottom / height,
            top=max(1 - top / height, (bottom + 1) / height),
            wspace=self.wspace / (inner_w / self.ncols),
            hspace=self.hspace / (inner_h / self.nrows),
        )


# --- common pieces ------------------------------------------------------------------------------
def _axes(
    fig: Figure, look: Look, key: str, make: Callable[[Figure], list[Axes]] | None = None
) -> list[Axes]:
    """The figure's axes for the arrangement `key` (one plain axes unless `make` says).

    A redraw with the same arrangement empties and reuses the axes made last time: making
    axes and their ticks costs as much as drawing them. `key` must name every variant that
    sets different axes state (an empty panel is another key), so a reused axes is in the
    same state as a new one once its draw function has run.
    """
    cached = getattr(fig, "_pursuit_axes", None)
    if cached is not None and cached[0] == key and all(ax.figure is fig for ax in cached[1]):
        axes: list[Axes] = cached[1]
        for text in list(fig.texts):
            text.remove()
        for ax in axes:
            for artist in (*ax.collections, *ax.patches, *ax.lines, *ax.texts, *ax.artists):
                artist.remove()
            if ax.legend_ is not None:
                ax.legend_.remove()
            ax.relim()
    else:
        fig.clear()
        axes = make(fig) if make is not None else [fig.add_subplot()]
        fig._pursuit_axes = (key, axes)  # type: ignore[attr-defined]
    fig.set_facecolor(look.theme.background)
    return axes


def _layout(fig: Figure, look: Look, note: str = "", **margins: float) -> None:
    """Set the margins; a non-empty `note` goes under the figure in small muted text."""
    text = None
    if note:
        text = fig.text(
            0,
            0,
            note,
            fontsize=SMALL,
            color=look.theme.muted,
            va="bottom",
            transform=offset_copy(fig.transFigure, fig=fig, x=8, y=5, units="points"),
        )
    fig.set_layout_engine(Margins(note=text, note_text=note, **margins))  # type: ignore[arg-type]


def _style(ax: Axes, look: Look, *, grid: Literal["x", "y", ""] = "x") -> None:
    theme = look.theme
    ax.set_facecolor(theme.background)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(theme.grid)
    ax.tick_params(colors=theme.muted, labelcolor=theme.text, length=0, pad=4)
    if grid:
        ax.grid(axis=grid, color=theme.grid, linewidth=0.6)
        ax.set_axisbelow(True)


def _message(fig: Figure, look: Look, text: str, ax: Axes | None = None) -> None:
    """A sentence in place of a chart (no data, or too little to say anything); on its own
    axes unless `ax` is given (a panel of a larger figure)."""
    if ax is None:
        (ax,) = _axes(fig, look, "message")
        _layout(fig, look, left=24, right=24, top=12, bottom=12)
    ax.set_axis_off()
    ax.text(
        0.5,
        0.5,
        text,
        ha="center",
        va="center",
        wrap=True,
        color=look.theme.muted,
        fontsize=10,
        transform=ax.transAxes,
    )


def _rects(
    ax: Axes,
    rects: Sequence[tuple[float, float, float, float]],
    colors: Sequence[str] | str,
    **kwargs: Any,  # more PolyCollection properties
) -> None:
    """Bars as one collection of (x, y, width, height) rectangles: much cheaper to build and
    draw than `bar`'s one patch per bar. Limits are set by the caller."""
    shapes = [[(x, y), (x + w, y), (x + w, y + h), (x, y + h)] for x, y, w, h in rects if w and h]
    if not shapes:
        return
    if not isinstance(colors, str):
        colors = [c for c, (_, _, w, h) in zip(colors, rects, strict=True) if w and h]
    ax.add_collection(PolyCollection(shapes, facecolors=colors, linewidths=0, **kwargs))


def _money_axis(ax: Axes, look: Look, axis: str = "y", *, absolute: bool = False) -> None:
    def fmt(value: float, _pos: int) -> str:
        return look.short(abs(value) if absolute else value) if value else "0"

    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(FuncFormatter(fmt))
    target.set_major_locator(MaxNLocator(nbins=5, min_n_ticks=3))


def _money_label_width(look: Look, largest: float) -> float:
    """Room for the money tick labels of an axis reaching `largest`."""
    return text_width(look.short(largest * 1.3), SIZE) + 10


def _legend(ax: Axes, look: Look, handles: Sequence[Artist], **kwargs: Any) -> None:
    ax.legend(
        handles=handles,
        frameon=False,
        fontsize=SMALL,
        labelcolor=look.theme.text,
        handlelength=1.2,
        handleheight=0.9,
        handletextpad=0.5,
        borderaxespad=0.2,
        columnspacing=1.2,
        **kwargs,
    )


def _legend_width(labels: Sequence[str]) -> float:
    return max((text_width(label, SMALL) for label in labels), default=0) + 30


def _heading(ax: Axes, look: Look, text: str) -> None:
    ax.set_title(text, fontsize=SIZE, color=look.theme.text, loc="left", fontweight="bold", pad=6)


def _elide(text: str, limit: float = 110) -> str:
    """Shorten a label to about `limit` points wide."""
    if text_width(text) <= limit:
        return text
    while text and text_width(text + "…") > limit:
        text = text[:-1]
    return text + "…"


def _category_labels(
    ax: Axes,
    axis: str,
    positions: Sequence[float],
    labels: Sequence[str],
    look: Look,
    colors: Sequence[str] | None = None,
) -> list[Text]:
    """Labels along an axis as plain texts beside it. A matplotlib Tick per label (two lines,
    two texts, a grid line and their transforms) costs several times more to make and draw."""
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_locator(NullLocator())
    fig = ax.get_figure(root=True)
    style: dict[str, Any]  # Text properties
    if axis == "y":
        place = offset_copy(ax.get_yaxis_transform(), fig=fig, x=-5, units="points")
        style = {"ha": "right", "va": "center"}
    else:
        place = offset_copy(ax.get_xaxis_transform(), fig=fig, y=-4, units="points")
        style = {"ha": "center", "va": "top", "multialignment": "center"}
    texts = []
    for index, (position, label) in enumerate(zip(positions, labels, strict=True)):
        x, y = (0.0, position) if axis == "y" else (position, 0.0)
        text = ax.text(
            x,
            y,
            label,
            transform=place,
            clip_on=False,
            color=colors[index] if colors else look.theme.text,
            **style,
        )
        texts.append(text)
    return texts


LABEL_GAP = 2.0  # points at least between two labels side by side


class _FittingLabels(Artist):
    """Labels along the x axis that take shorter forms when, at the size the figure is rendered
    at, they would run into each other ("Past due" into "Dec", 「10月11月」 at 1280 pixels).

    A figure is drawn once and rendered at whatever size its card has (and exported at others),
    so the choice is made at each render: this artist comes first among the axes' children
    (the lowest z-order) and sets the texts before they are drawn. `forms` are the labels,
    longest first; the first that fits is shown, else the last."""

    def __init__(self, texts: Sequence[Text], forms: Sequence[Sequence[str]]) -> None:
        super().__init__()
        self.texts = list(texts)
        self.forms = [list(form) for form in forms]
        self.set_zorder(-10)

    def draw(self, renderer: Any) -> None:
        for form in self.forms:
            for text, label in zip(self.texts, form, strict=True):
                text.set_text(label)
            if self.fits(renderer):
                return

    def fits(self, renderer: Any) -> bool:
        """Whether no line of a label comes closer than `LABEL_GAP` to the same line of the
        next: a year under January is wider than "Jan" but stands under no other name."""
        gap = renderer.points_to_pixels(LABEL_GAP)
        spans = [self._line_spans(text, renderer) for text in self.texts if text.get_text()]
        return all(
            left[1] + gap <= right[0]
            for before, after in pairwise(spans)
            for left, right in zip(before, after, strict=False)
        )

    @staticmethod
    def _line_spans(text: Text, renderer: Any) -> list[tuple[float, float]]:
        """Each line's left and right edge in pixels (the lines are centred on the label)."""
        box = text.get_window_extent(renderer)
        middle = (box.x0 + box.x1) / 2
        font = text.get_fontproperties()
        spans = []
        for line in text.get_text().split("\n"):
            width = renderer.get_text_width_height_descent(line, font, ismath=False)[0]
            spans.append((middle - width / 2, middle + width / 2))
        return spans


def _fitting_labels(ax: Axes, texts: Sequence[Text], forms: Sequence[Sequence[str]]) -> None:
    ax.add_artist(_FittingLabels(texts, forms))


def _stage_ticks(ax: Axes, labels: Sequence[str], look: Look) -> float:
    """Stage names down the y axis, stage 1 on top; returns the width they need."""
    ys = list(range(len(labels)))
    _category_labels(ax, "y", ys, labels, look)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    return max(text_width(label) for label in labels) + 10


# --- 1. funnel ----------------------------------------------------------------------------------
def draw_funnel(fig: Figure, series: analytics.Funnel, look: Look) -> None:
    """Open pursuits per stage as a funnel: the light bar is the amount, the solid one inside it
    the weighted amount; beside it a small table with count, amount and weighted amount."""
    if series.count == 0:
        _message(
            fig, look, QCoreApplication.translate("Charts", "No open pursuits match these filters.")
        )
        return
    theme = look.theme
    (ax,) = _axes(fig, look, "funnel")
    stages = series.stages
    n = len(stages)
    top = max(s.amount for s in stages) or 1
    ys = list(range(n))
    widths = [max(s.amount / top, 0.015) if s.count else 0 for s in stages]
    inner = [s.weighted / top for s in stages]
    height = 0.74
    _rects(
        ax,
        [(-w / 2, y - height / 2, w, height) for y, w in zip(ys, widths, strict=True)],
        STAGE_COLORS,
        alpha=0.28,
    )
    _rects(
        ax,
        [(-w / 2, y - height / 2, w, height) for y, w in zip(ys, inner, strict=True)],
        STAGE_COLORS,
    )
    # Light connectors between the bars make the funnel's shape.
    joins = [
        [
            (-widths[i] / 2, i + height / 2),
            (widths[i] / 2, i + height / 2),
            (widths[i + 1] / 2, i + 1 - height / 2),
            (-widths[i + 1] / 2, i + 1 - height / 2),
        ]
        for i in range(n - 1)
        if widths[i] and widths[i + 1]
    ]
    ax.add_collection(PolyCollection(joins, facecolors=theme.grid, alpha=0.5, linewidths=0))
    ax.set_xlim(-0.51, 0.51)
    left = _stage_ticks(ax, [f"{look.stage(s.stage)}  {s.win_rate}%" for s in stages], look)
    ax.set_ylim(n - 0.45, -1.5)  # a row above stage 1 for the headings
    ax.xaxis.set_major_locator(NullLocator())
    _style(ax, look, grid="")
    ax.spines["left"].set_visible(False)
    ax.spines["bottom"].set_visible(False)

    # The table right of the funnel: right-aligned columns at fixed offsets in points.
    headings = (
        QCoreApplication.translate("Charts", "Pursuits"),
        QCoreApplication.translate("Charts", "Amount"),
        QCoreApplication.translate("Charts", "Weighted"),
    )
    rows = [
        (count(s.count), look.short(s.amount), look.short(s.weighted)) if s.count else ("–",) * 3
        for s in stages
    ]
    offsets = []
    x = 0.0
    for column, heading in enumerate(headings):
        x += 16 + max(text_width(heading), *(text_width(r[column]) for r in rows))
        offsets.append(x)
    base = ax.get_yaxis_transform()
    for column, heading in enumerate(headings):
        place = offset_copy(base, fig=fig, x=offsets[column], units="points")
        ax.text(1, -1, heading, ha="right", va="center", color=theme.muted, transform=place)
        for y, row in zip(ys, rows, strict=True):
            ax.text(
                1,
                y,
                row[column],
                ha="right",
                va="center",
                transform=place,
                color=theme.text if stages[y].count else theme.muted,
                fontweight="bold" if column == 2 else "normal",
            )
    _legend(
        ax,
        look,
        [
            Patch(color=theme.muted, alpha=0.28, label=headings[1]),
            Patch(color=theme.muted, label=headings[2]),
        ],
        loc="upper left",
        ncols=2,
        bbox_to_anchor=(0.0, 1.0),
    )
    # What is weighed is what is still to collect (domain.status.weighted_base): a 回款 pursuit
    # with instalments in weighs less than its amount, which "amount × rate" would belie.
    note = QCoreApplication.translate(
        "Charts",
        "Open now: {0} pursuits · {1} · weighted {2} (amount not yet received × the stage's "
        "win rate)",
    ).format(
        count(series.count),
        money(series.amount, look.currency),
        money(series.weighted, look.currency),
    )
    _layout(fig, look, note, left=left, right=offsets[-1] + 10, top=6, bottom=4)


# --- 2. forecast --------------------------------------------------------------------------------
def month_label(month: date, first: bool, lang: str, *, short: bool = False) -> str:
    """'12月' / 'Dec', with the year under each January and under the first month — unless that
    is a December: January's year stands beside it and says which December it is (two years side
    by side under narrow bars ran into one, "20262027", at 1366 pixels). Short, where the bars
    are too narrow for the names: '12' / 'D', the year as before."""
    if lang.startswith("zh"):
        name = str(month.month) if short else f"{month.month}月"
    else:
        name = month.strftime("%b")[:1] if short else month.strftime("%b")
    with_year = month.month == 1 or (first and month.month != 12)
    return f"{name}\n{month.year}" if with_year else name


def draw_forecast(fig: Figure, series: analytics.Forecast, look: Look) -> None:
    """Weighted amount by expected-close month, stacked by stage, the unweighted total as a line;
    open pursuits whose expected close has passed stand apart on the left."""
    theme = look.theme
    buckets = [series.past_due, *series.buckets]
    notes = _forecast_notes(series, look)
    if not any(b.count for b in buckets):
        (ax,) = _axes(fig, look, "forecast:empty")
        _message(
            fig,
            look,
            QCoreApplication.translate(
                "Charts", "No open pursuits are expected to close in the next 12 months."
            ),
            ax,
        )
        _layout(fig, look, notes, left=12, right=12, top=12, bottom=6)
        return
    (ax,) = _axes(fig, look, "forecast")
    xs = [0.0] + [1.5 + i for i in range(len(series.buckets))]
    bottoms = [0] * len(buckets)
    handles: list[Artist] = []
    months: list[tuple[float, float, float, float]] = []
    month_colors: list[str] = []
    overdue: list[tuple[float, float, float, float]] = []
    overdue_colors: list[str] = []
    for index in range(STAGE_COUNT):
        heights = [b.weighted_by_stage[index] for b in buckets]
        if not any(heights):
            continue
        for i, (x, bottom, height) in enumerate(zip(xs, bottoms, heights, strict=True)):
            (overdue if i == 0 else months).append((x - 0.36, bottom, 0.72, height))
            (overdue_colors if i == 0 else month_colors).append(STAGE_COLORS[index])
        bottoms = [a + b for a, b in zip(bottoms, heights, strict=True)]
        handles.append(Patch(color=STAGE_COLORS[index], label=look.stage(index + 1)))
    _rects(ax, months, month_colors)
    _rects(ax, overdue, overdue_colors, hatch="////", edgecolors=theme.background)
    totals = [b.amount for b in series.buckets]
    ax.plot(xs[1:], totals, color=theme.text, marker="o", markersize=3.5, linewidth=1.3)
    if series.past_due.count:
        ax.plot([xs[0]], [series.past_due.amount], color=OVERDUE, marker="o", markersize=3.5)
    handles.append(
        Line2D(
            [],
            [],
            color=theme.text,
            marker="o",
            markersize=3.5,
            linewidth=1.3,
            label=QCoreApplication.translate("Charts", "Total, unweighted"),
        )
    )
    ax.axvline(0.75, color=theme.grid, linewidth=0.8, linestyle=(0, (3, 3)))
    past_due = QCoreApplication.translate("Charts", "Past due")
    months_long = [month_label(m, i == 0, look.lang) for i, m in enumerate(series.months)]
    months_short = [
        month_label(m, i == 0, look.lang, short=True) for i, m in enumerate(series.months)
    ]
    labels = [past_due, *months_long]
    colors = [OVERDUE] + [look.theme.text] * len(series.months)
    texts = _category_labels(ax, "x", xs, labels, look, colors)
    # Narrower: "Past due" on two lines (months have two lines for a year), then the months'
    # short names.
    wrapped = "\n".join(past_due.split(" ", 1))
    _fitting_labels(ax, texts, [labels, [wrapped, *months_long], [wrapped, *months_short]])
    ax.set_xlim(-0.6, xs[-1] + 0.6)
    peak = max(max(bottoms), max(totals, default=0), series.past_due.amount) or 1
    ax.set_ylim(0, peak * 1.08)
    _money_axis(ax, look)
    _style(ax, look, grid="y")
    _legend(ax, look, handles, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    _layout(
        fig,
        look,
        notes,
        left=_money_label_width(look, peak),
        right=_legend_width([str(h.get_label()) for h in handles]) + 6,
        top=10,
        bottom=2 * SIZE * 1.3 + 8,
    )


def _forecast_notes(series: analytics.Forecast, look: Look) -> str:
    notes = [
        QCoreApplication.translate("Charts", "Next 12 months: weighted {0} of {1}.").format(
            money(series.weighted, look.currency), money(series.amount, look.currency)
        )
    ]
    if series.past_due.count:
        notes.append(
            QCoreApplication.translate(
                "Charts",
                "Past due: {0} open pursuits ({1}), hatched — update their expected close.",
            ).format(count(series.past_due.count), money(series.past_due.amount, look.currency))
        )
    extra = []
    if series.later.count:
        extra.append(
            QCoreApplication.translate("Charts", "later: {0} ({1})").format(
                count(series.later.count), look.short(series.later.amount)
            )
        )
    if series.undated.count:
        extra.append(
            QCoreApplication.translate("Charts", "no expected close: {0} ({1})").format(
                count(series.undated.count), look.short(series.undated.amount)
            )
        )
    if extra:
        notes.append(
            QCoreApplication.translate("Charts", "Not shown: {0}.").format(" · ".join(extra))
        )
    return "\n".join(notes)


# --- 3. win / loss ------------------------------------------------------------------------------
def quarter_label(result: analytics.QuarterResult, first: bool) -> str:
    q = f"Q{result.quarter}"
    return f"{q}\n{result.year}" if first or result.quarter == 1 else q


def draw_win_loss(fig: Figure, series: analytics.WinLoss, look: Look) -> None:
    """Won amount up, lost (and abandoned) amount down, per quarter, with counts and the win
    rate; below, the losses by competitor and by reason."""
    theme = look.theme
    quarters = series.quarters
    closed = any(q.won_count or q.lost_count or q.abandoned_count for q in quarters)

    def make(figure: Figure) -> list[Axes]:
        grid = figure.add_gridspec(2, 2, height_ratios=(1.35, 1))
        return [
            figure.add_subplot(grid[0, :]),
            figure.add_subplot(grid[1, 0]),
            figure.add_subplot(grid[1, 1]),
        ]

    key = f"win_loss:{closed}:{bool(series.by_competitor)}:{bool(series.by_reason)}"
    ax, competitor_ax, reason_ax = _axes(fig, look, key, make)
    legend_labels = [
        QCoreApplication.translate("Charts", "Won (collected)"),
        QCoreApplication.translate("Charts", "Lost"),
        QCoreApplication.translate("Charts", "Abandoned"),
    ]
    peak = 1.0
    if not closed:
        _message(
            fig,
            look,
            QCoreApplication.translate("Charts", "Nothing was closed in this period."),
            ax,
        )
    else:
        xs = list(range(len(quarters)))
        won = [q.won_amount for q in quarters]
        lost = [-q.lost_amount for q in quarters]
        abandoned = [-q.abandoned_amount for q in quarters]
        width = 0.6 if len(quarters) > 2 else 0.35
        half = width / 2
        _rects(
            ax,
            [(x - half, 0, width, v) for x, v in zip(xs, won, strict=True)]
            + [(x - half, 0, width, v) for x, v in zip(xs, lost, strict=True)]
            + [(x - half, b, width, v) for x, b, v in zip(xs, lost, abandoned, strict=True)],
            [WON] * len(xs) + [LOST] * len(xs) + [ABANDONED] * len(xs),
        )
        ax.axhline(0, color=theme.muted, linewidth=0.8)
        peak = max(max(won), max(-a - b for a, b in zip(lost, abandoned, strict=True))) or 1
        above = ax.get_xaxis_transform()
        for x, q in zip(xs, quarters, strict=True):
            if q.won_count:
                ax.text(
                    x,
                    q.won_amount + peak * 0.04,
                    count(q.won_count),
                    ha="center",
                    va="bottom",
                    fontsize=SMALL,
                    color=WON,
                )
            down = q.lost_amount + q.abandoned_amount
            if q.lost_count or q.abandoned_count:
                ax.text(
                    x,
                    -down - peak * 0.04,
                    count(q.lost_count + q.abandoned_count),
                    ha="center",
                    va="top",
                    fontsize=SMALL,
                    color=LOST,
                )
            # The quarter's win rate by count, in a row above the plot.
            ax.text(
                x,
                1.02,
                percent(q.win_rate),
                ha="center",
                va="bottom",
                fontsize=SMALL,
                color=theme.muted,
                transform=above,
            )
        ax.text(
            0,
            1.02,
            QCoreApplication.translate("Charts", "Win rate"),
            ha="right",
            va="bottom",
            fontsize=SMALL,
            color=theme.muted,
            transform=offset_copy(ax.transAxes, fig=fig, x=-6, units="points"),
        )
        ax.set_ylim(-peak * 1.3, peak * 1.3)
        _category_labels(
            ax, "x", xs, [quarter_label(q, i == 0) for i, q in enumerate(quarters)], look
        )
        ax.set_xlim(-0.7, len(quarters) - 0.3)
        _money_axis(ax, look, absolute=True)
        _style(ax, look, grid="y")
        _legend(
            ax,
            look,
            [
                Patch(color=c, label=t)
                for c, t in zip((WON, LOST, ABANDONED), legend_labels, strict=True)
            ],
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
        )
    competitor_labels = _losses(
        competitor_ax,
        series.by_competitor,
        look,
        QCoreApplication.translate("Charts", "Lost to"),
        QCoreApplication.translate("Charts", "Competitor not recorded"),
    )
    reason_labels = _losses(
        reason_ax,
        series.by_reason,
        look,
        QCoreApplication.translate("Charts", "Why lost or abandoned"),
        QCoreApplication.translate("Charts", "No reason given"),
    )
    note = QCoreApplication.translate(
        "Charts",
        "Closed in the period, by quarter: amount won above the line, lost and abandoned below; "
        "the numbers count pursuits; the win rate is won ÷ (won + lost).",
    )
    _layout(
        fig,
        look,
        note,
        left=max(_money_label_width(look, peak), competitor_labels),
        right=_legend_width(legend_labels),
        top=SMALL * 1.4 + 8,
        bottom=4,
        wspace=reason_labels + 24,
        hspace=2 * SIZE * 1.3 + SIZE * 1.4 + 22,
        ncols=2,
        nrows=2,
    )


def _top_groups(groups: Sequence[analytics.LossGroup]) -> list[analytics.LossGroup]:
    """The biggest loss groups, the rest folded into one "Other" bar."""
    shown = list(groups[:TOP_GROUPS])
    rest = groups[TOP_GROUPS:]
    if rest:
        shown.append(
            analytics.LossGroup(
                "…",
                QCoreApplication.translate("Charts", "Other ({0})").format(len(rest)),
                sum(g.count for g in rest),
                sum(g.amount for g in rest),
            )
        )
    return shown


def _losses(
    ax: Axes,
    groups: Sequence[analytics.LossGroup],
    look: Look,
    title: str,
    unknown: str,
) -> float:
    """Horizontal bars of the biggest loss groups; returns the width their labels need."""
    theme = look.theme
    _heading(ax, look, title)
    if not groups:
        ax.set_axis_off()
        ax.text(
            0.0,
            0.5,
            QCoreApplication.translate("Charts", "No losses in this period."),
            color=theme.muted,
            transform=ax.transAxes,
        )
        return 0.0
    shown = _top_groups(groups)
    ys = list(range(len(shown)))
    counts = [g.count for g in shown]
    colors = [ABANDONED if g.key is None else LOST for g in shown]
    _rects(ax, [(0, y - 0.31, c, 0.62) for y, c in zip(ys, counts, strict=True)], colors)
    top = max(counts)
    for y, g in zip(ys, shown, strict=True):
        ax.text(
            g.count + top * 0.03,
            y,
            f"{count(g.count)} · {look.short(g.amount)}",
            va="center",
            fontsize=SMALL,
            color=theme.text,
        )
    labels = [_elide(g.label) if g.key is not None else unknown for g in shown]
    _category_labels(ax, "y", ys, labels, look)
    ax.set_ylim(len(shown) - 0.5, -0.5)
    ax.set_xlim(0, top * 1.7)
    ax.xaxis.set_major_locator(NullLocator())
    _style(ax, look, grid="")
    ax.spines["bottom"].set_visible(False)
    return max(text_width(label) for label in labels) + 10


# --- 4. velocity and conversion ------------------------------------------------------------------
def draw_velocity(fig: Figure, series: analytics.Velocity, look: Look) -> None:
    """Average days a pursuit stays in each stage (the tick is the median), and the share of the
    pursuits reaching a stage that went on to the next, from the stage history."""
    theme = look.theme
    measured = [s for s in series.stages if s.mean_days is not None]
    decided = [c for c in series.conversions if c.rate is not None]
    days_ax, conv_ax = _axes(
        fig,
        look,
        f"velocity:{bool(measured)}:{bool(decided)}",
        lambda figure: list(figure.subplots(1, 2, sharey=True)),
    )
    left = _stage_ticks(days_ax, [look.stage(s.stage) for s in series.stages], look)
    _heading(days_ax, look, QCoreApplication.translate("Charts", "Days in stage"))
    _heading(conv_ax, look, QCoreApplication.translate("Charts", "Went on to the next stage"))
    _style(days_ax, look, grid="x")
    _style(conv_ax, look, grid="x")
    conv_ax.tick_params(axis="y", left=False, labelleft=False)
    if not measured:
        days_ax.text(
            0.02,
            0.5,
            QCoreApplication.translate("Charts", "No stage was left in this period."),
            color=theme.muted,
            transform=days_ax.transAxes,
        )
        days_ax.xaxis.set_major_locator(NullLocator())
    else:
        top = max(max(s.mean_days or 0, s.median_days or 0) for s in measured) or 1
        rows = [s.stage - 1 for s in measured]
        _rects(
            days_ax,
            [(0, y - 0.31, s.mean_days or 0, 0.62) for y, s in zip(rows, measured, strict=True)],
            [STAGE_COLORS[s.stage - 1] for s in measured],
        )
        days_ax.scatter(
            [s.median_days or 0 for s in measured],  # set with the mean
            rows,
            marker="|",
            s=110,
            color=theme.text,
            linewidths=1.4,
            zorder=3,
        )
        for y, s in zip(rows, measured, strict=True):
            days_ax.text(
                max(s.mean_days or 0, s.median_days or 0) + top * 0.04,
                y,
                QCoreApplication.translate("Charts", "{0} d").format(f"{s.mean_days:.0f}"),
                va="center",
                fontsize=SMALL,
                color=theme.text,
            )
        days_ax.set_xlim(0, top * 1.45)
        days_ax.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
    if not decided:
        conv_ax.text(
            0.02,
            0.5,
            QCoreApplication.translate("Charts", "No pursuit reached a stage in this period."),
            color=theme.muted,
            transform=conv_ax.transAxes,
        )
        conv_ax.xaxis.set_major_locator(NullLocator())
    else:
        rows = [c.stage - 1 for c in decided]
        _rects(
            conv_ax,
            [(0, y - 0.31, c.rate or 0, 0.62) for y, c in zip(rows, decided, strict=True)],
            ACCENT,
        )
        for y, c in zip(rows, decided, strict=True):
            conv_ax.text(
                (c.rate or 0) + 0.04,
                y,
                f"{percent(c.rate)} · {count(c.advanced)}/{count(c.decided)}",
                va="center",
                fontsize=SMALL,
                color=theme.text,
            )
        conv_ax.set_xlim(0, 1.75)
        conv_ax.xaxis.set_major_locator(FixedLocator([0, 0.5, 1.0]))
        conv_ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    notes = [
        QCoreApplication.translate(
            "Charts",
            "Days: average of the stays that ended in the period; │ marks the median. Next "
            "stage: of the pursuits that reached the stage in the period, the share that went "
            "further; those still open in the stage are left out.",
        )
    ]
    if series.cycle_days is not None:
        notes.append(
            QCoreApplication.translate(
                "Charts", "Won pursuits took {0} days from the first stage to the win (n={1})."
            ).format(f"{series.cycle_days:.0f}", count(series.cycle_count))
        )
    _layout(
        fig,
        look,
        "\n".join(notes),
        left=left,
        right=10,
        top=SIZE * 1.4 + 10,
        bottom=SIZE * 1.3 + 8,
        wspace=14,
        ncols=2,
    )


# --- 5. calibration -----------------------------------------------------------------------------
def draw_calibration(fig: Figure, series: analytics.Calibration, look: Look) -> None:
    """For pursuits closed in the period: of those that reached each stage, the share that was
    won (bar, with its 90 % range) beside the win rate the forecast uses (diamond)."""
    theme = look.theme
    if not series.enough:
        _message(
            fig,
            look,
            QCoreApplication.translate(
                "Charts",
                "Only {0} pursuits were closed in this period: too few to check the win rates "
                "(at least {1} are needed). Choose a longer period or fewer filters.",
            ).format(count(series.closed), count(series.minimum)),
        )
        return
    (ax,) = _axes(fig, look, "calibration")
    stages = series.stages
    left = _stage_ticks(ax, [look.stage(s.stage) for s in stages], look)
    solid = [s for s in stages if s.enough]
    thin = [s for s in stages if s.reached and not s.enough]
    for group, alpha, hatch in ((solid, 0.9, None), (thin, 0.35, "////")):
        if not group:
            continue
        _rects(
            ax,
            [(0, s.stage - 1.3, s.actual or 0, 0.6) for s in group],
            ACCENT,
            alpha=alpha,
            hatch=hatch,
            edgecolors=theme.background if hatch else "none",
        )
    # The 90 % range of each actual share: a thin line with small end caps.
    ranges = [(s.stage - 1, r) for s in stages if s.reached and (r := s.interval()) is not None]
    ax.hlines(
        [y for y, _ in ranges],
        [r[0] for _, r in ranges],
        [r[1] for _, r in ranges],
        color=theme.muted,
        linewidth=0.9,
        zorder=3,
    )
    ax.vlines(
        [r[i] for _, r in ranges for i in (0, 1)],
        [y - 0.12 for y, _ in ranges for _ in (0, 1)],
        [y + 0.12 for y, _ in ranges for _ in (0, 1)],
        color=theme.muted,
        linewidth=0.9,
        zorder=3,
    )
    ys = list(range(len(stages)))
    ax.scatter(
        [s.expected / 100 for s in stages],
        ys,
        marker="D",
        s=26,
        color=theme.text,
        zorder=4,
        clip_on=False,
    )
    texts = []
    for s in stages:
        if not s.reached:
            texts.append(QCoreApplication.translate("Charts", "none closed from here"))
        elif not s.enough:
            texts.append(
                QCoreApplication.translate("Charts", "{0} of {1} won: too few").format(
                    count(s.won), count(s.reached)
                )
            )
        else:
            texts.append(
                QCoreApplication.translate("Charts", "{0} won vs {1}% · n={2}").format(
                    percent(s.actual), s.expected, count(s.reached)
                )
            )
    place = offset_copy(ax.get_yaxis_transform(), fig=fig, x=12, units="points")
    for y, s, text in zip(ys, stages, texts, strict=True):
        ax.text(
            1,
            y,
            text,
            va="center",
            fontsize=SMALL,
            transform=place,
            color=theme.text if s.enough else theme.muted,
        )
    ax.set_xlim(0, 1.0)
    ax.xaxis.set_major_locator(FixedLocator([0, 0.25, 0.5, 0.75, 1.0]))
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    _style(ax, look, grid="x")
    _legend(
        ax,
        look,
        [
            Patch(color=ACCENT, label=QCoreApplication.translate("Charts", "Won, actually")),
            Line2D(
                [],
                [],
                color=theme.text,
                marker="D",
                markersize=5,
                linewidth=0,
                label=QCoreApplication.translate("Charts", "Win rate in the forecast"),
            ),
            Line2D(
                [],
                [],
                color=theme.muted,
                marker="|",
                markersize=8,
                linewidth=0.9,
                label=QCoreApplication.translate("Charts", "90% range"),
            ),
        ],
        loc="lower left",
        ncols=3,
        bbox_to_anchor=(0.0, 1.0),
    )
    _layout(
        fig,
        look,
        _calibration_notes(series, look),
        left=left,
        right=max(text_width(t, SMALL) for t in texts) + 20,
        top=SMALL * 1.4 + 12,
        bottom=SIZE * 1.3 + 8,
    )


def _calibration_notes(series: analytics.Calibration, look: Look) -> str:
    notes = [
        QCoreApplication.translate(
            "Charts",
            "{0} pursuits closed in the period, {1} won. Each bar: of those that reached the "
            "stage, the share won.",
        ).format(count(series.closed), count(series.won))
    ]
    judged = [s for s in series.stages if s.enough and s.actual is not None and s.expected < 100]
    if judged:
        worst = max(judged, key=lambda s: abs((s.actual or 0) - s.expected / 100))
        low, high = worst.interval() or (0.0, 1.0)
        if not low <= worst.expected / 100 <= high:
            notes.append(
                QCoreApplication.translate(
                    "Charts", "Biggest gap at {0}: won {1}, the forecast assumes {2}%."
                ).format(look.stage(worst.stage), percent(worst.actual), worst.expected)
            )
    return "\n".join(notes)


# --- what the pointer is on ---------------------------------------------------------------------
def describe(name: str, series: object, look: Look, panel: int, x: float, y: float) -> str | None:
    """The full numbers behind the point (x, y) of panel `panel` of a drawn figure, for a
    tooltip: the charts show short amounts (¥128万), this says ¥1,280,000 and the counts."""

    def full(minor: int) -> str:
        return money(minor, look.currency)

    row, column = round(y), round(x)
    if isinstance(series, analytics.Funnel) and panel == 0 and 0 <= row < len(series.stages):
        s = series.stages[row]
        return QCoreApplication.translate(
            "Charts", "{0}\n{1} open pursuits\nAmount {2}\nWeighted {3} ({4}%)"
        ).format(look.stage(s.stage), count(s.count), full(s.amount), full(s.weighted), s.win_rate)
    if isinstance(series, analytics.Forecast) and panel == 0:
        if abs(x) <= 0.5:
            bucket, when = series.past_due, QCoreApplication.translate("Charts", "Past due")
        elif 0 <= round(x - 1.5) < len(series.months):
            index = round(x - 1.5)
            bucket = series.buckets[index]
            month = series.months[index]
            when = (
                f"{month.year}年{month.month}月"
                if look.lang.startswith("zh")
                else month.strftime("%B %Y")
            )
        else:
            return None
        lines = [
            when,
            QCoreApplication.translate("Charts", "Weighted {0} of {1} · {2} pursuits").format(
                full(bucket.weighted), full(bucket.amount), count(bucket.count)
            ),
        ]
        lines += [
            f"{look.stage(i + 1)}: {full(v)}" for i, v in enumerate(bucket.weighted_by_stage) if v
        ]
        return "\n".join(lines)
    if isinstance(series, analytics.WinLoss):
        if panel == 0 and 0 <= column < len(series.quarters):
            q = series.quarters[column]
            return QCoreApplication.translate(
                "Charts",
                "Q{0} {1}\nWon: {2} · {3}\nLost: {4} · {5}\nAbandoned: {6} · {7}\nWin rate {8}",
            ).format(
                q.quarter,
                q.year,
                count(q.won_count),
                full(q.won_amount),
                count(q.lost_count),
                full(q.lost_amount),
                count(q.abandoned_count),
                full(q.abandoned_amount),
                percent(q.win_rate),
            )
        groups = _top_groups(series.by_competitor if panel == 1 else series.by_reason)
        if panel in (1, 2) and 0 <= row < len(groups):
            g = groups[row]
            label = g.label or (
                QCoreApplication.translate("Charts", "Competitor not recorded")
                if panel == 1
                else QCoreApplication.translate("Charts", "No reason given")
            )
            return QCoreApplication.translate("Charts", "{0}\n{1} pursuits · {2}").format(
                label, count(g.count), full(g.amount)
            )
        return None
    if isinstance(series, analytics.Velocity) and 0 <= row < len(series.stages):
        if panel == 0:
            v = series.stages[row]
            if v.mean_days is None:
                return None
            return QCoreApplication.translate(
                "Charts", "{0}\nAverage {1} days · median {2} days\n{3} stays"
            ).format(
                look.stage(v.stage), f"{v.mean_days:.1f}", f"{v.median_days:.1f}", count(v.stays)
            )
        if row < len(series.conversions):
            c = series.conversions[row]
            return QCoreApplication.translate(
                "Charts",
                "{0}\nReached in the period: {1}\nWent further: {2} · still open here: {3}",
            ).format(look.stage(c.stage), count(c.reached), count(c.advanced), count(c.undecided))
        return None
    if isinstance(series, analytics.Calibration) and panel == 0 and 0 <= row < len(series.stages):
        c_stage = series.stages[row]
        low, high = c_stage.interval() or (0.0, 0.0)
        return QCoreApplication.translate(
            "Charts",
            "{0}\n{1} of {2} closed pursuits that got here were won ({3})\n90% range {4}–{5}"
            "\nThe forecast assumes {6}%",
        ).format(
            look.stage(c_stage.stage),
            count(c_stage.won),
            count(c_stage.reached),
            percent(c_stage.actual),
            percent(low),
            percent(high),
            c_stage.expected,
        )
    return None


def arrangement(fig: Figure) -> str:
    """The key of the axes a figure was last drawn with ("" before the first drawing)."""
    cached = getattr(fig, "_pursuit_axes", None)
    return cached[0] if cached else ""


def slice_at(series: object, panel: int, x: float, y: float) -> analytics.Slice | None:
    """The bar at (x, y) of panel `panel`, as the question "which pursuits?" (None: no bar, or
    a figure whose bars are not pursuits: stays and shares)."""
    row, column = round(y), round(x)
    if isinstance(series, analytics.Funnel) and panel == 0 and 0 <= row < len(series.stages):
        stage = series.stages[row]
        return analytics.Slice("funnel", stage.stage) if stage.count else None
    if isinstance(series, analytics.Forecast) and panel == 0:
        if abs(x) <= 0.5:
            return analytics.Slice("forecast", "past_due") if series.past_due.count else None
        index = round(x - 1.5)
        if 0 <= index < len(series.months) and series.buckets[index].count:
            return analytics.Slice("forecast", series.months[index])
        return None
    if isinstance(series, analytics.WinLoss):
        if panel == 0 and 0 <= column < len(series.quarters):
            q = series.quarters[column]
            won = y >= 0
            if (q.won_count if won else q.lost_count + q.abandoned_count) == 0:
                return None
            return analytics.Slice("won" if won else "lost", (q.year, q.quarter))
        groups = series.by_competitor if panel == 1 else series.by_reason
        if panel in (1, 2) and 0 <= row < min(len(groups), TOP_GROUPS + 1):
            keys = [g.key for g in groups[TOP_GROUPS:]] if row == TOP_GROUPS else [groups[row].key]
            return analytics.Slice("lost_to" if panel == 1 else "reason", tuple(keys))
    return None


def panel_of(fig: Figure, ax: Axes) -> int:
    """Which of the figure's panels (in drawing order) `ax` is, or -1."""
    cached = getattr(fig, "_pursuit_axes", None)
    return cached[1].index(ax) if cached and ax in cached[1] else -1


# --- drawing and the canvas ---------------------------------------------------------------------
DRAWERS: dict[str, Callable[[Figure, object, Look], None]] = {
    "funnel": draw_funnel,  # type: ignore[dict-item]
    "forecast": draw_forecast,  # type: ignore[dict-item]
    "win_loss": draw_win_loss,  # type: ignore[dict-item]
    "velocity": draw_velocity,  # type: ignore[dict-item]
    "calibration": draw_calibration,  # type: ignore[dict-item]
}


def draw(name: str, fig: Figure, series: object, look: Look) -> None:
    DRAWERS[name](fig, series, look)
    fig._pursuit_drawn = (series, look)  # type: ignore[attr-defined]  # see `drawn_with`


def drawn_with(fig: Figure) -> tuple[object, Look] | None:
    """The series and look `fig` was last drawn with (None: never by `draw`)."""
    drawn: tuple[object, Look] | None = getattr(fig, "_pursuit_drawn", None)
    return drawn


def prepare(name: str, lang: str) -> Figure:
    """A figure with the axes of its usual arrangement already made, so the first real drawing
    only fills them in. Safe on a worker thread: it touches no widget, and the figure is
    handed over before anything else uses it."""
    fig = Figure(figsize=(6.4, 3.4), dpi=100)
    stage_names = tuple(s.process(lang) for s in default_catalog().stages)
    draw(name, fig, _sample(name), Look(lang, "CNY", stage_names))
    return fig


# Figures prepared ahead by the app's idle warm-up (`stock`), one of each kind, handed out once by
# `prepared`. A prepared figure draws the same pixels whatever language it was prepared in (only
# the axes are kept; every text is drawn anew), so one stock serves either language.
_stock: dict[str, Figure] = {}
_stock_lock = threading.Lock()


def stock(lang: str = "zh") -> None:
    """Prepare one figure of each kind now (on the warm-up's worker thread, while the window is
    idle) and render it once, so that the Dashboard's first open only computes and draws; and
    resolve the fonts once (matplotlib's font lookup is cached for the whole process)."""
    made = {name: prepare(name, lang) for name in analytics.FIGURES}
    for fig in made.values():
        # Rendered once, so that its axes make their tick artists now rather than at the first
        # real drawing (matplotlib makes them when first drawn).
        FigureCanvasAgg(fig).draw()
    with _stock_lock:
        for name, fig in made.items():
            _stock.setdefault(name, fig)
    warm_up(Look(lang, "CNY", tuple(s.process(lang) for s in default_catalog().stages)))


def predraw(series: Mapping[str, object], look: Look) -> None:
    """Draw the figures still in stock with the series the warm-up computed ahead for the first
    open (`charts.ahead`, on the warm-up's worker), so that the open only renders them (the
    Dashboard draws again what `drawn_with` says differs). Under the stock's lock: a Dashboard
    opened meanwhile waits for its figures the few tens of milliseconds this takes."""
    with _stock_lock:
        for name, fig in _stock.items():
            if series.get(name) is not None:
                draw(name, fig, series[name], look)


def prerender(sizes: Mapping[str, tuple[int, int, float]]) -> None:
    """Render the figures `predraw` drew at the sizes their canvases had when the Dashboard was
    last closed (physical pixels wide and high, dots per inch): rendering is most of what the
    first open costs, and the window usually opens at the size it had. The canvas shows the
    image only when its own size is the same (`ChartCanvas.adopt_rendered`), else renders."""
    with _stock_lock:
        for name, fig in _stock.items():
            if name not in sizes or drawn_with(fig) is None:
                continue
            width, height, dpi = sizes[name]
            fig.set_dpi(dpi)
            fig.set_size_inches(width / dpi, height / dpi)
            canvas = FigureCanvasAgg(fig)
            canvas.draw()
            key = (*canvas.get_width_height(physical=True), fig.dpi)
            fig._pursuit_rendered = (canvas.renderer, key)  # type: ignore[attr-defined]


def prepared(name: str) -> Figure:
    """A figure to draw `name` on: the one prepared by the warm-up if it is still there (each is
    handed out once), else a new one. A new one is not prepared here: this runs while the series
    are computed on another thread, and both hold Python's lock, so preparing would only delay
    the series by more than it saves the first drawing."""
    with _stock_lock:
        fig = _stock.pop(name, None)
    return fig if fig is not None else Figure(figsize=(6.4, 3.4), dpi=100)


def warm_up(look: Look) -> None:
    """Render the stage names, digits and common words once in this thread, so that the
    first real drawing does not also load the fonts' glyphs (fonts are cached per thread)."""
    fig = Figure(figsize=(4, 2), dpi=100)
    canvas = FigureCanvasAgg(fig)
    text = (
        " ".join(look.stage_names) + " 0123456789 ¥$%,.·–—万亿月天个项目 " + look.short(12_345_600)
    )
    for size, weight in ((SIZE, "normal"), (SMALL, "normal"), (SIZE, "bold")):
        fig.text(0, 0.5, text, fontsize=size, fontweight=weight)
    canvas.draw()


def _sample(name: str) -> object:
    """Series with something in every panel (the arrangement real data usually has)."""
    stages = analytics.STAGES
    if name == "funnel":
        return analytics.Funnel(
            tuple(
                analytics.FunnelStage(s, 9 - s, (9 - s) * 10**7, s * 10**6, 10 * s) for s in stages
            )
        )
    if name == "forecast":
        bucket = analytics.ForecastBucket(tuple(10**6 for _ in stages), 10**7, 3)
        first = date.today().replace(day=1)
        months = tuple(
            date(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, 1)
            for i in range(analytics.FORECAST_MONTHS)
        )
        empty = analytics.EMPTY_BUCKET
        return analytics.Forecast(first, months, (bucket,) * len(months), bucket, empty, empty)
    if name == "win_loss":
        quarters = tuple(
            analytics.QuarterResult(2026, q, 3, 3 * 10**7, 2, 2 * 10**7, 1, 10**7)
            for q in range(1, 5)
        )
        group = analytics.LossGroup("sample", "—", 2, 2 * 10**7)
        return analytics.WinLoss(quarters, (group,), (group,))
    if name == "velocity":
        return analytics.Velocity(
            tuple(analytics.StageVelocity(s, 5, 20.0, 18.0) for s in stages),
            tuple(analytics.Conversion(s, 10, 6, 1) for s in stages[:-1]),
            100.0,
            5,
        )
    return analytics.Calibration(
        40, 20, tuple(analytics.CalibrationStage(s, 40 - 2 * s, 20, 10 * s) for s in stages)
    )


def _with_title(fig: Figure, title: str, caption: str, size: float) -> None:
    """A title and a caption line above the figure, for exports."""
    engine = fig.get_layout_engine()
    if isinstance(engine, Margins):
        engine.top += size * 1.4 + SMALL * 1.4 + 22
    fig.text(
        0,
        1,
        title,
        fontsize=size,
        fontweight="bold",
        color=LIGHT.text,
        va="top",
        transform=offset_copy(fig.transFigure, fig=fig, x=8, y=-8, units="points"),
    )
    fig.text(
        0,
        1,
        caption,
        fontsize=SMALL,
        color=LIGHT.muted,
        va="top",
        transform=offset_copy(fig.transFigure, fig=fig, x=8, y=-12 - size * 1.4, units="points"),
    )


def export_figure(
    name: str, series: object, look: Look, path: str, *, title: str, caption: str
) -> None:
    """Save a figure as PNG, SVG or PDF (by the file's suffix): on white, with a title and a line
    saying what it shows, PNG at print resolution."""
    fig = Figure(figsize=(10, 6.4 if name == "win_loss" else 5.4), dpi=100)
    draw(name, fig, series, look.on_white())
    _with_title(fig, title, caption, 13)
    fig.savefig(path, dpi=200, facecolor="white")


def figure_page(name: str, series: object, look: Look, *, title: str, caption: str) -> Figure:
    """A landscape A4 page with one figure, for the dashboard's PDF report."""
    fig = Figure(figsize=(11.69, 8.27), dpi=100)
    draw(name, fig, series, look.on_white())
    _with_title(fig, title, caption, 14)
    return fig
