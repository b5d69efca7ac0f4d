"""The map's scene: it listens to a `MapDocument` and keeps one item per person, line and link.

orange-canvas-core's `CanvasScene.set_scheme` is the model: the scene never changes the
document; it mirrors it. Gestures (moving, linking) are handled by interaction objects that an
editor installs (see interactions.py), so a scene used for export has no behaviour at all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from PySide6.QtCore import QObject, QPointF, QRectF, Signal, SignalInstance
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneHelpEvent, QToolTip

from desktop.ui.stakeholder_map.document import MapDocument
from desktop.ui.stakeholder_map.items import (
    LinkHandle,
    LinkItem,
    LinkLabel,
    PersonItem,
    ReportsLineItem,
)
from desktop.ui.stakeholder_map.style import CARD_HEIGHT, CARD_WIDTH, MapStyle

BEND_STEP = 30.0
GRID_CELL = 256.0
Box = tuple[float, float, float, float]


class MapScene(QGraphicsScene):
    """Items for the document's people, reports-to lines and links."""

    rebuilt = Signal()  # after a reset: the view may fit the map

    def __init__(
        self, style: MapStyle, parent: QObject | None = None, *, editable: bool = True
    ) -> None:
        super().__init__(parent)
        self.map_style = style
        self.editable = editable
        self.document: MapDocument | None = None
        self.people: dict[str, PersonItem] = {}
        self.reports: dict[str, ReportsLineItem] = {}  # by the report's person id
        self.links: dict[str, LinkItem] = {}
        # Cards move all the time (drags, layouts, undo): a BSP index would be rebuilt on every
        # move, through Python's boundingRect. A linear scan of a few hundred items is cheaper.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.cards_moved = True  # the whole card grid below needs rebuilding
        self._moved_cards: set[PersonItem] = set()  # … or just these cards' entries
        self._grid: dict[tuple[int, int], dict[str, Box]] = {}
        self._cells: dict[str, list[tuple[int, int]]] = {}

    # --- document --------------------------------------------------------------------------
    def set_document(self, document: MapDocument | None) -> None:
        if self.document is not None:
            for signal, slot in self._connections():
                signal.disconnect(slot)
        self.document = document
        if document is not None:
            for signal, slot in self._connections():
                signal.connect(slot)
        self._rebuild()

    def _connections(self) -> list[tuple[SignalInstance, Callable[..., None]]]:
        doc = self.document
        assert doc is not None
        return [
            (doc.reset, self._rebuild),
            (doc.person_added, self._person_added),
            (doc.person_changed, self._person_changed),
            (doc.person_moved, self._person_moved),
            (doc.person_removed, self._person_removed),
            (doc.link_added, self._link_added),
            (doc.link_changed, self._link_changed),
            (doc.link_removed, self._link_removed),
        ]

    def set_style(self, style: MapStyle) -> None:
        """Redraw everything in another language or palette."""
        self.map_style = style
        self._rebuild()

    def _rebuild(self) -> None:
        self.clearSelection()
        self.clear()
        self.people, self.reports, self.links = {}, {}, {}
        self.cards_moved = True
        doc = self.document
        if doc is not None:
            for person in doc.people():
                item = PersonItem(person, self.map_style, editable=self.editable)
                self.people[person.id] = item
                self.addItem(item)
            for person in doc.people():
                self._sync_reports_line(person.id)
            for link in doc.links():
                self._add_link_item(link.id)
            self._rebend_all()
        self.rebuilt.emit()

    # --- people ----------------------------------------------------------------------------
    def _person_added(self, person_id: str) -> None:
        doc = self.document
        assert doc is not None
        person = doc.person(person_id)
        if person is None or person_id in self.people:
            return
        item = PersonItem(person, self.map_style, editable=self.editable)
        self.people[person_id] = item
        self.addItem(item)
        self.cards_moved = True
        self._sync_reports_line(person_id)
        for report in doc.reports_of(person_id):
            self._sync_reports_line(report)
        self._reroute_around(item)

    def _person_changed(self, person_id: str) -> None:
        doc = self.document
        assert doc is not None
        person = doc.person(person_id)
        item = self.people.get(person_id)
        if person is None or item is None:
            return
        item.set_person(person)
        self._sync_reports_line(person_id)

    def _person_moved(self, person_id: str) -> None:
        doc = self.document
        assert doc is not None
        person = doc.person(person_id)
        item = self.people.get(person_id)
        if person is not None and item is not None:
            before = item.card_rect()
            item.set_person(person)
            self._reroute_around(item, before)

    def _reroute_around(self, item: PersonItem, *rects: QRectF) -> None:
        """Org-chart lines go round cards: a card put onto one of them, or moved away from one
        that went round it, changes other people's lines too (its own follow it anyway)."""
        rects = (*rects, item.card_rect())
        for line in self.reports.values():
            if line.source is not item and line.target is not item:
                bounds = line.boundingRect()
                if any(bounds.intersects(rect) for rect in rects):
                    line.adjust()

    def _person_removed(self, person_id: str) -> None:
        item = self.people.pop(person_id, None)
        if item is None:
            return
        for edge in list(item.edges):
            if isinstance(edge, ReportsLineItem):
                self._remove_reports_line(edge.person_id)
            elif isinstance(edge, LinkItem):
                self._remove_link_item(edge.link_id)
        self.removeItem(item)
        self.cards_moved = True
        self._reroute_around(item)

    def _sync_reports_line(self, person_id: str) -> None:
        """Make the person's reports-to line match the document (add, move or remove it)."""
        doc = self.document
        assert doc is not None
        person = doc.person(person_id)
        item = self.people.get(person_id)
        manager = self.people.get(person.reports_to_id or "") if person else None
        line = self.reports.get(person_id)
        if item is None or manager is None:
            if line is not None:
                self._remove_reports_line(person_id)
            return
        if line is None:
            line = ReportsLineItem(item, manager, self.map_style)
            self.reports[person_id] = line
            self.addItem(line)
            line.adjust()  # again, now that the scene can tell which cards are in its way
        elif line.target is not manager:
            line.retarget(item, manager)

    def _remove_reports_line(self, person_id: str) -> None:
        line = self.reports.pop(person_id, None)
        if line is not None:
            line.detach()
            self.removeItem(line)

    # --- links -----------------------------------------------------------------------------
    def _add_link_item(self, link_id: str) -> None:
        doc = self.document
        assert doc is not None
        link = doc.link(link_id)
        if link is None or link_id in self.links:
            return
        source, target = self.people.get(link.from_id), self.people.get(link.to_id)
        if source is None or target is None:
            return
        item = LinkItem(link, source, target, self.map_style)
        self.links[link_id] = item
        self.addItem(item)
        if item.label is not None:
            self.addItem(item.label)

    def _link_added(self, link_id: str) -> None:
        self._add_link_item(link_id)
        self._rebend(link_id)
        item = self.links.get(link_id)
        if item is not None:
            item.adjust()

    def _link_changed(self, link_id: str) -> None:
        doc = self.document
        assert doc is not None
        link = doc.link(link_id)
        item = self.links.get(link_id)
        if link is None or item is None:
            return
        source, target = self.people.get(link.from_id), self.people.get(link.to_id)
        if source is None or target is None:
            self._remove_link_item(link_id)
            return
        if item.source is not source or item.target is not target:
            item.retarget(source, target)
        item.set_link(link)
        self._rebend(link_id)

    def _link_removed(self, link_id: str) -> None:
        item = self.links.get(link_id)
        pair = _pair(item.link.from_id, item.link.to_id) if item else None
        self._remove_link_item(link_id)
        if pair:
            self._rebend_pair(pair)

    def _remove_link_item(self, link_id: str) -> None:
        item = self.links.pop(link_id, None)
        if item is not None:
            item.detach()
            self.removeItem(item)
            if item.label is not None and item.label.scene() is self:
                self.removeItem(item.label)

    def _rebend(self, link_id: str) -> None:
        item = self.links.get(link_id)
        if item is not None:
            self._rebend_pair(_pair(item.link.from_id, item.link.to_id))

    def _rebend_pair(self, pair: tuple[str, str]) -> None:
        group = sorted(
            (i for i in self.links.values() if _pair(i.link.from_id, i.link.to_id) == pair),
            key=lambda i: i.link_id,
        )
        for index, item in enumerate(group):
            item.flexible = len(group) == 1
            item.set_bend(_bend(index))
            item.adjust()

    def _rebend_all(self) -> None:
        """Bend every link (after a rebuild) and lay each out once."""
        groups: dict[tuple[str, str], list[LinkItem]] = defaultdict(list)
        for item in self.links.values():
            groups[_pair(item.link.from_id, item.link.to_id)].append(item)
        for group in groups.values():
            group.sort(key=lambda i: i.link_id)
            for index, item in enumerate(group):
                item.flexible = len(group) == 1
                item.set_bend(_bend(index), adjust=False)
                item.adjust()

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        """Tooltips of cards and links, made when asked for (not kept on every item)."""
        for item in self.items(event.scenePos()):
            tooltip = getattr(item, "tooltip", None)
            if tooltip is not None:
                QToolTip.showText(event.screenPos(), tooltip())
                event.accept()
                return
        QToolTip.hideText()
        event.ignore()

    # --- queries ---------------------------------------------------------------------------
    def card_moved(self, item: PersonItem) -> None:
        """A card's position changed: its entry in the card grid is out of date."""
        self._moved_cards.add(item)

    def covered_by_card(self, rect: QRectF, exclude: tuple[str, ...] = ()) -> float:
        """How much of `rect` cards cover (0 when none). Link labels use it to stay clear."""
        x1, y1, x2, y2 = rect.left(), rect.top(), rect.right(), rect.bottom()
        return sum(
            (min(x2, right) - max(x1, left)) * (min(y2, bottom) - max(y1, top))
            for left, top, right, bottom in self.cards_in(rect, exclude)
        )

    def cards_in(self, rect: QRectF, exclude: tuple[str, ...] = ()) -> list[Box]:
        """The cards (left, top, right, bottom) that overlap `rect`, other than `exclude`'s.

        A grid of 256-unit cells keeps this cheap enough to run on every mouse move of a drag.
        """
        if self.cards_moved:
            self._rebuild_grid()
        elif self._moved_cards:
            for item in self._moved_cards:
                if self.people.get(item.person_id) is item:
                    self._place_in_grid(item)
            self._moved_cards.clear()
        x1, y1, x2, y2 = rect.left(), rect.top(), rect.right(), rect.bottom()
        found: dict[Box, None] = {}
        for gx in range(int(x1 // GRID_CELL), int(x2 // GRID_CELL) + 1):
            for gy in range(int(y1 // GRID_CELL), int(y2 // GRID_CELL) + 1):
                for pid, box in self._grid.get((gx, gy), {}).items():
                    if pid in exclude:
                        continue
                    left, top, right, bottom = box
                    if left < x2 and x1 < right and top < y2 and y1 < bottom:
                        found[box] = None
        return list(found)

    def on_card(self, x: float, y: float, exclude: tuple[str, ...] = ()) -> bool:
        """Is the point on someone's card (other than `exclude`)?"""
        if self.cards_moved or self._moved_cards:
            self.covered_by_card(QRectF())  # brings the grid up to date
        for pid, (left, top, right, bottom) in self._grid.get(
            (int(x // GRID_CELL), int(y // GRID_CELL)), {}
        ).items():
            if left <= x <= right and top <= y <= bottom and pid not in exclude:
                return True
        return False

    def _rebuild_grid(self) -> None:
        self._grid, self._cells = defaultdict(dict), {}
        for item in self.people.values():
            self._place_in_grid(item)
        self.cards_moved = False
        self._moved_cards.clear()

    def _place_in_grid(self, item: PersonItem) -> None:
        pid = item.person_id
        for cell in self._cells.pop(pid, ()):
            self._grid.get(cell, {}).pop(pid, None)
        pos = item.pos()
        box = (pos.x(), pos.y(), pos.x() + CARD_WIDTH, pos.y() + CARD_HEIGHT)
        cells = [
            (gx, gy)
            for gx in range(int(box[0] // GRID_CELL), int(box[2] // GRID_CELL) + 1)
            for gy in range(int(box[1] // GRID_CELL), int(box[3] // GRID_CELL) + 1)
        ]
        for cell in cells:
            self._grid.setdefault(cell, {})[pid] = box
        self._cells[pid] = cells

    def person_at(self, pos: QPointF, *, exclude: PersonItem | None = None) -> PersonItem | None:
        for item in self.items(pos):
            card = item if isinstance(item, PersonItem) else None
            if isinstance(item, LinkHandle):
                card = item.card
            if card is not None and card is not exclude:
                return card
        return None

    def line_at(self, pos: QPointF) -> LinkItem | ReportsLineItem | None:
        """The link or reports-to line under `pos` (a link's label counts as its link)."""
        for item in self.items(pos):
            if isinstance(item, LinkLabel):
                return item.edge  # type: ignore[return-value]
            if isinstance(item, LinkItem | ReportsLineItem):
                return item
        return None

    def handle_at(self, pos: QPointF) -> LinkHandle | None:
        for item in self.items(pos):
            if isinstance(item, LinkHandle) and item.isVisible():
                return item
            if isinstance(item, PersonItem):
                return None
        return None

    def selected_people(self) -> list[str]:
        return [i.person_id for i in self.selectedItems() if isinstance(i, PersonItem)]

    def selected_links(self) -> list[str]:
        return [i.link_id for i in self.selectedItems() if isinstance(i, LinkItem)]

    def selected_reports(self) -> list[str]:
        """People whose reports-to line is selected."""
        return [i.person_id for i in self.selectedItems() if isinstance(i, ReportsLineItem)]

    def select_only(self, items: list[QGraphicsItem]) -> None:
        self.clearSelection()
        for item in items:
            item.setSelected(True)

    def people_rect(self) -> QRectF:
        """The bounding box of all cards and lines (empty when nobody is on the map)."""
        if not self.people:
            return QRectF()
        xs, ys, rights, bottoms = [], [], [], []
        for card in self.people.values():
            pos = card.pos()
            xs.append(pos.x())
            ys.append(pos.y())
        rights = [x + CARD_WIDTH for x in xs]
        bottoms = [y + CARD_HEIGHT for y in ys]
        # Lines are drawn in scene coordinates; their bounds include arrows and bows.
        for edge in (*self.links.values(), *self.reports.values()):
            bounds = edge.boundingRect()
            xs.append(bounds.left())
            ys.append(bounds.top())
            rights.append(bounds.right())
            bottoms.append(bounds.bottom())
        left, top = min(xs), min(ys)
        return QRectF(left, top, max(rights) - left, max(bottoms) - top)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _bend(index: int) -> float:
    """Bends for the 1st, 2nd … link of a pair: +30, -30, +60, -60 … (so none coincide).

    LinkItem measures the bend on the side fixed by the pair's id order, whichever way the
    link points, so these offsets never put two links of a pair on the same curve.
    """
    size = BEND_STEP * (1 + index // 2)
    return size if index % 2 == 0 else -size
