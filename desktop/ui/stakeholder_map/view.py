"""The view onto the map: zoom (wheel, keys), pan (middle button, space + drag, scroll bars),
rubber-band selection, fit to window, and a dotted canvas."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QWidget

from desktop.ui.stakeholder_map.scene import MapScene
from desktop.ui.stakeholder_map.style import GRID

MIN_ZOOM = 0.15
MAX_ZOOM = 3.0
STEP = 1.2


class MapView(QGraphicsView):
    zoom_changed = Signal(float)

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("map_view")
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.key_handler: Callable[[QKeyEvent], bool] | None = None
        self._pan_from: QPoint | None = None
        self._space = False
        self._frozen: QPixmap | None = None  # what does not move, while cards are dragged
        self._hidden: list[QGraphicsItem] = []
        self.horizontalScrollBar().valueChanged.connect(self.thaw)
        self.verticalScrollBar().valueChanged.connect(self.thaw)

    # --- zoom ------------------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float, *, anchor: QPointF | None = None) -> None:
        self.thaw()
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        current = self.zoom()
        if math.isclose(factor, current, rel_tol=1e-4):
            return
        if anchor is None:
            previous = self.transformationAnchor()
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
            self.scale(factor / current, factor / current)
            self.setTransformationAnchor(previous)
        else:
            self.scale(factor / current, factor / current)
        self.update_scene_rect()
        self.zoom_changed.emit(self.zoom())

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / STEP)

    def actual_size(self) -> None:
        self.set_zoom(1.0)

    def fit(self) -> None:
        """Show the whole map; never enlarge beyond 100 % (a small map stays readable)."""
        scene: MapScene = self.scene()  # type: ignore[assignment]
        rect = scene.people_rect()
        if rect.isEmpty():
            self.resetTransform()
            self.zoom_changed.emit(1.0)
            return
        rect = rect.adjusted(-32, -32, 32, 32)
        self.update_scene_rect(rect)
        view = self.viewport().rect()
        factor = min(view.width() / rect.width(), view.height() / rect.height(), 1.0)
        factor = max(MIN_ZOOM, factor)
        self.resetTransform()
        self.scale(factor, factor)
        self.centerOn(rect.center())
        self.zoom_changed.emit(self.zoom())

    def update_scene_rect(self, rect: QRectF | None = None) -> None:
        """Room to pan around the map: the cards plus a viewport's worth on every side."""
        scene: MapScene = self.scene()  # type: ignore[assignment]
        rect = rect if rect is not None else scene.people_rect()
        if rect.isEmpty():
            rect = QRectF(-400, -300, 800, 600)
        zoom = self.zoom() or 1.0
        margin_x = self.viewport().width() / zoom
        margin_y = self.viewport().height() / zoom
        self.setSceneRect(rect.adjusted(-margin_x, -margin_y, margin_x, margin_y))

    def wheelEvent(self, event: QWheelEvent) -> None:
        pixels = event.pixelDelta()
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if not pixels.isNull() and not control:
            super().wheelEvent(event)  # a touchpad's two-finger scroll pans
            return
        steps = event.angleDelta().y() / 120.0
        if steps == 0:
            return
        self.set_zoom(self.zoom() * (STEP**steps), anchor=event.position())
        event.accept()

    # --- pan -------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton and self._space
        ):
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            now = event.position().toPoint()
            delta = now - self._pan_from
            self._pan_from = now
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(
                Qt.CursorShape.OpenHandCursor if self._space else Qt.CursorShape.ArrowCursor
            )
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        if self.key_handler is not None and self.key_handler(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().keyReleaseEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.update_scene_rect()

    # --- dragging on a big map -------------------------------------------------------------
    def freeze(self, moving: set[QGraphicsItem]) -> None:
        """Paint everything but `moving` once into a picture and show that under the moving
        items, so each frame of a drag repaints a few items instead of hundreds of lines."""
        if self._frozen is not None:
            return
        scene = self.scene()
        for item in moving:
            item.setOpacity(0.0)  # not hidden: the dragged card keeps the mouse grab
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        picture = self.viewport().grab()
        for item in moving:
            item.setOpacity(1.0)
        self._hidden = [
            item
            for item in scene.items()
            if item.parentItem() is None and item not in moving and item.isVisible()
        ]
        for item in self._hidden:
            item.setVisible(False)
        self._frozen = picture
        self.viewport().update()

    def thaw(self) -> None:
        if self._frozen is None:
            return
        self._frozen = None
        for item in self._hidden:
            item.setVisible(True)
        self._hidden = []
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.resetCachedContent()
        self.viewport().update()

    @property
    def frozen(self) -> bool:
        return self._frozen is not None

    # --- canvas ----------------------------------------------------------------------------
    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        rect = QRectF(rect)  # Qt passes a QRectF (the stub allows a QRect too)
        if self._frozen is not None:
            painter.save()
            painter.resetTransform()
            painter.drawPixmap(0, 0, self._frozen)
            painter.restore()
            return
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        window = palette.color(QPalette.ColorRole.Window)
        # A canvas a touch darker than the cards, so white cards stand out.
        canvas = window if window != base else base.darker(104)
        painter.fillRect(rect, canvas)
        zoom = self.zoom()
        if zoom < 0.45:
            return
        step = GRID * 3
        dot = QColor(palette.color(QPalette.ColorRole.Text))
        dot.setAlphaF(0.16)
        pen = QPen(dot, 1.6 / zoom)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        left = math.floor(rect.left() / step) * step
        top = math.floor(rect.top() / step) * step
        columns = int((rect.right() - left) / step) + 1
        rows = int((rect.bottom() - top) / step) + 1
        if columns * rows > 60_000:
            return
        points = QPolygonF(
            [QPointF(left + c * step, top + r * step) for r in range(rows) for c in range(columns)]
        )
        painter.drawPoints(points)
