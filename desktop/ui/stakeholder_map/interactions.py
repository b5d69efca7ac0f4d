"""Gestures on the map, each a small class (orange-canvas-core's `document/interactions.py`).

`SceneController` filters the scene's events: while a gesture runs it gets the events first;
otherwise the controller decides from what is under the mouse which gesture starts. The default
scene behaviour (select, rubber band, drag cards) is kept where it is right, and a gesture only
adds what the map needs: a drag becomes one undo command on release; a drag from a card's handle
draws a link.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneMouseEvent,
)

from desktop.ui.stakeholder_map.items import EdgeItem, PersonItem

if TYPE_CHECKING:
    from desktop.ui.stakeholder_map.scene import MapScene

Position = tuple[float, float]


class MapEditing(Protocol):
    """What gestures ask of the editor that hosts them."""

    def commit_move(self, old: dict[str, Position], new: dict[str, Position]) -> None: ...

    def drag_started(self, cards: list[PersonItem]) -> None: ...

    def drag_ended(self) -> None: ...

    def ask_link_kind(self, source_id: str, target_id: str, screen_pos: QPoint) -> object: ...

    def add_person_at(self, pos: QPointF) -> object: ...

    def edit_person(self, person_id: str) -> None: ...

    def edit_line(self, item: EdgeItem) -> None: ...

    def context_menu(self, scene_pos: QPointF, screen_pos: QPoint) -> object: ...


class Interaction(QObject):
    """A gesture in progress. Handlers return True when they consumed the event."""

    ended = Signal()

    def __init__(self, controller: SceneController) -> None:
        super().__init__(controller)
        self.controller = controller
        self.scene = controller.scene
        self.editor = controller.editor
        self.done = False

    def end(self) -> None:
        if self.done:
            return
        self.done = True
        self.cleanup()
        if self.controller.interaction is self:
            self.controller.interaction = None
        self.ended.emit()
        self.deleteLater()

    def cancel(self) -> None:
        self.end()

    def cleanup(self) -> None:
        """Remove temporary items (override)."""

    def mouse_press(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return True
        return False


class MoveInteraction(Interaction):
    """Cards are dragged by the scene as usual; on release the move becomes one undo command."""

    def __init__(self, controller: SceneController) -> None:
        super().__init__(controller)
        self.start: dict[str, Position] | None = None

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> bool:
        if self.start is None:
            # The press has been handled by now, so the selection is the one being dragged.
            cards = [i for i in self.scene.selectedItems() if isinstance(i, PersonItem)]
            self.start = {item.person_id: (item.pos().x(), item.pos().y()) for item in cards}
            self.editor.drag_started(cards)
        return False

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> bool:
        self.editor.drag_ended()
        if self.start:
            old: dict[str, Position] = {}
            new: dict[str, Position] = {}
            for person_id, before in self.start.items():
                item = self.scene.people.get(person_id)
                if item is None:
                    continue
                after = (round(item.pos().x(), 2), round(item.pos().y(), 2))
                if after != (round(before[0], 2), round(before[1], 2)):
                    old[person_id], new[person_id] = before, after
            if new:
                self.editor.commit_move(old, new)
        self.end()
        return False

    def cancel(self) -> None:
        # Escape during a drag puts the cards back where they were and ends the drag.
        for person_id, (x, y) in (self.start or {}).items():
            item = self.scene.people.get(person_id)
            if item is not None:
                item.setPos(x, y)
        grabber = self.scene.mouseGrabberItem()
        if grabber is not None:
            grabber.ungrabMouse()
        self.start = None
        self.end()

    def cleanup(self) -> None:
        self.editor.drag_ended()


class NewLinkInteraction(Interaction):
    """Drag from a card's handle onto another card; on release the editor asks for the kind."""

    def __init__(self, controller: SceneController, source: PersonItem) -> None:
        super().__init__(controller)
        self.source = source
        self.target: PersonItem | None = None
        self.line = QGraphicsPathItem()
        pen = QPen(QColor(source.style.highlight), 2.0)
        pen.setDashPattern([4.0, 3.0])
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.line.setPen(pen)
        self.line.setZValue(100)
        self.scene.addItem(self.line)
        self._draw(source.centre())

    def _draw(self, end: QPointF) -> None:
        path = QPainterPath(self.source.pos() + self.source.handle.pos())  # type: ignore[union-attr]
        path.lineTo(end)
        self.line.setPath(path)

    def _set_target(self, target: PersonItem | None) -> None:
        if target is self.target:
            return
        if self.target is not None:
            self.target.set_drop_target(False)
        self.target = target
        if target is not None:
            target.set_drop_target(True)

    def mouse_press(self, event: QGraphicsSceneMouseEvent) -> bool:
        return True

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> bool:
        target = self.scene.person_at(event.scenePos(), exclude=self.source)
        self._set_target(target)
        self._draw(target.centre() if target is not None else event.scenePos())
        return True

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> bool:
        target = self.scene.person_at(event.scenePos(), exclude=self.source)
        source_id = self.source.person_id
        self.end()
        if target is not None:
            self.editor.ask_link_kind(source_id, target.person_id, event.screenPos())
        return True

    def cleanup(self) -> None:
        self._set_target(None)
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)


class SceneController(QObject):
    """Routes the scene's mouse and key events to the running gesture, or starts one."""

    def __init__(self, scene: MapScene, editor: MapEditing) -> None:
        super().__init__(scene)
        self.scene = scene
        self.editor = editor
        self.interaction: Interaction | None = None
        scene.installEventFilter(self)

    def set_interaction(self, interaction: Interaction | None) -> None:
        if self.interaction is not None and self.interaction is not interaction:
            self.interaction.cancel()
        self.interaction = interaction

    def cancel(self) -> None:
        if self.interaction is not None:
            self.interaction.cancel()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.GraphicsSceneMousePress:
            return self._press(event)  # type: ignore[arg-type]
        if kind == QEvent.Type.GraphicsSceneMouseMove:
            return bool(self.interaction and self.interaction.mouse_move(event))  # type: ignore[arg-type]
        if kind == QEvent.Type.GraphicsSceneMouseRelease:
            return bool(self.interaction and self.interaction.mouse_release(event))  # type: ignore[arg-type]
        if kind == QEvent.Type.GraphicsSceneMouseDoubleClick:
            return self._double_click(event)  # type: ignore[arg-type]
        if kind == QEvent.Type.GraphicsSceneContextMenu:
            menu_event: QGraphicsSceneContextMenuEvent = event  # type: ignore[assignment]
            self.editor.context_menu(menu_event.scenePos(), menu_event.screenPos())
            return True
        if kind == QEvent.Type.KeyPress:
            return bool(self.interaction and self.interaction.key_press(event))  # type: ignore[arg-type]
        return False

    def _press(self, event: QGraphicsSceneMouseEvent) -> bool:
        # A press a gesture takes is accepted too: filtered away unaccepted, the view took it
        # for a press on empty space and ran its rubber band along the link being drawn,
        # selecting every card and line on the way.
        if self.interaction is not None and self.interaction.mouse_press(event):
            event.accept()
            return True
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        pos = event.scenePos()
        handle = self.scene.handle_at(pos)
        if handle is not None:
            self.set_interaction(NewLinkInteraction(self, handle.card))
            event.accept()
            return True
        if self.scene.person_at(pos) is not None:
            self.set_interaction(MoveInteraction(self))
        return False

    def _double_click(self, event: QGraphicsSceneMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        pos = event.scenePos()
        card = self.scene.person_at(pos)
        if card is not None:
            self.editor.edit_person(card.person_id)
            return True
        line = self.scene.line_at(pos)
        if line is not None:
            self.scene.select_only([line])
            self.editor.edit_line(line)
            return True
        self.editor.add_person_at(pos)
        return True
