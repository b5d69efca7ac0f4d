"""The Qt canvas a dashboard figure lives on (matplotlib's QtAgg backend)."""

from __future__ import annotations

from collections.abc import Callable

from matplotlib.backend_bases import MouseButton, MouseEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QCursor, QImage, QPainter, QPaintEvent, QPalette, QWheelEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip

from desktop.services import analytics
from desktop.ui.charts import figures

# What the pointer is on: (panel, x, y) in data coordinates -> tooltip text, or None.
Describer = Callable[[int, float, float], str | None]
# The bar under the pointer as a list of pursuits to show: (panel, x, y) -> Slice, or None.
Slicer = Callable[[int, float, float], analytics.Slice | None]


class ChartCanvas(FigureCanvasQTAgg):
    """One figure on screen. It follows the widget's size, and the QtAgg backend renders it at
    the screen's device pixel ratio, so it stays crisp at 150 % and 200 %. Pointing at a bar
    shows its full numbers in a tooltip.

    Until the dashboard has drawn real data on it (`ready`), the canvas neither renders nor
    shows its figure: a prepared figure holds sample data, and rendering it on every resize
    while the window is laid out would be wasted work.

    While the window is being resized the figure is not rendered again at every step (five
    figures at every mouse move would make resizing jerky): the last image is stretched until
    the size has been still for a moment.
    """

    SETTLE_MS = 120

    def __init__(self, name: str, figure: Figure | None = None) -> None:
        # matplotlib's Qt canvas is not annotated (the calls below on it too).
        super().__init__(  # type: ignore[no-untyped-call]
            figure if figure is not None else Figure(figsize=(6.4, 3.4), dpi=100)
        )
        self.name = name
        self.ready = False
        self.renders = 0  # times the figure was rendered into the canvas (a resize renders again)
        self.describer: Describer | None = None
        self.slicer: Slicer | None = None
        self.on_slice: Callable[[analytics.Slice], object] | None = None  # a bar was clicked
        self.tip = ""  # the tooltip shown last ("" when none)
        self.setObjectName(f"chart_{name}")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(300, 240))
        self.mpl_connect("motion_notify_event", self._pointer_moved)
        self.mpl_connect("button_press_event", self._pressed)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(self.SETTLE_MS)
        self._settle.timeout.connect(super().draw_idle)

    def sizeHint(self) -> QSize:
        return QSize(560, 320)

    def draw(self) -> None:
        self.renders += 1
        super().draw()  # type: ignore[no-untyped-call]  # matplotlib's, untyped

    def adopt_rendered(self) -> bool:
        """Show the image the app's warm-up rendered of this figure (`figures.prerender`) rather
        than render it again, if it was rendered at this canvas's size; True if so. Once: a
        later drawing renders."""
        rendered = getattr(self.figure, "_pursuit_rendered", None)
        if rendered is None:
            return False
        delattr(self.figure, "_pursuit_rendered")
        renderer, key = rendered
        if key != (*self.get_width_height(physical=True), self.figure.dpi):
            return False
        self.renderer = renderer
        # matplotlib's key of the renderer it keeps while the size stays (`get_renderer`);
        # without it, the next paint would make a new, blank one.
        self._lastKey = key
        return True

    def draw_idle(self) -> None:
        if self.ready:
            self._settle.start()

    def paintEvent(self, event: QPaintEvent) -> None:
        renderer = getattr(self, "renderer", None)
        if self.ready and not self._settle.isActive():
            super().paintEvent(event)  # type: ignore[no-untyped-call]  # matplotlib's, untyped
            return
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().color(QPalette.ColorRole.Base))
        if self.ready and renderer is not None:  # resizing: the last image, stretched
            width, height = int(renderer.width), int(renderer.height)
            pixels = bytes(self.buffer_rgba())  # type: ignore[no-untyped-call]  # matplotlib's
            image = QImage(pixels, width, height, QImage.Format.Format_RGBA8888)
            painter.drawImage(self.rect(), image)
        painter.end()

    def wheelEvent(self, event: QWheelEvent) -> None:
        """The wheel scrolls the page the chart is on: no chart zooms or pans, and matplotlib's
        canvas would otherwise keep every wheel event for a `scroll_event` nothing listens to,
        so the Dashboard did not scroll while the pointer was over a chart (most of it)."""
        event.ignore()

    def _at(self, event: MouseEvent) -> tuple[int, float, float] | None:
        """(panel, x, y) in data coordinates of a drawn panel under the pointer, or None."""
        axes = event.inaxes
        if not self.ready or axes is None or not axes.axison:
            return None
        panel = figures.panel_of(self.figure, axes)
        if panel < 0 or event.xdata is None or event.ydata is None:
            return None
        return panel, event.xdata, event.ydata

    def _pointer_moved(self, event: MouseEvent) -> None:
        at = self._at(event)
        text = self.describer(*at) if at and self.describer is not None else None
        part = self.slicer(*at) if at and self.slicer is not None else None
        if part is not None and text:
            text += "\n" + QCoreApplication.translate("Charts", "Click to list these pursuits")
        if part is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()
        if text:
            if text != self.tip:
                QToolTip.showText(QCursor.pos(), text, self)
        elif self.tip:
            QToolTip.hideText()
        self.tip = text or ""

    def _pressed(self, event: MouseEvent) -> None:
        if event.button != MouseButton.LEFT or self.on_slice is None or self.slicer is None:
            return
        at = self._at(event)
        part = self.slicer(*at) if at else None
        if part is not None:
            QToolTip.hideText()
            self.on_slice(part)
