"""Paints a board card (UI-GUIDE.md, "Cards and lists"): fixed height, so the views can use
uniform item sizes and lay out 10,000 cards in milliseconds.

Top to bottom: the account's short name (bold: 南京新诚港务, not 南京新诚港务有… — see
`domain.company_names`) with the red-flag, conflict and status marks; the pursuit's title on up to
two lines; amount and expected close; the next step and its due date; a thin row of signals — days
in the stage and the coaching points answered. Stale pursuits (longer in the stage than its limit)
get an amber edge and clock, an overdue next step a red edge and date: colour always with a word or
a glyph, so nothing depends on colour alone. In a narrow column the amount and the dates take their
short forms (¥128万, 9/12) rather than being cut; the compact mode drops the signals row and the
title's second line so more cards fit a laptop's height.

A card's details (coaching points answered, what is booked, its last touch) are read just after
the board's first paint (`BoardCard.details`): until they come, the card leaves out the signals
row, the stale edge and "no next step" rather than show a guess.

The flag mark counts only the *blocking* red flags (the stage's milestone rests on them): advice
belongs in the workspace. The tooltip lists every flag, blocking and advice, with its reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from desktop.domain.company_names import short_name, without_place
from desktop.domain.health import RedFlag
from desktop.domain.methodology import Catalog
from desktop.services.queries.board import BoardCard
from desktop.ui.board.filters import is_overdue, is_stale
from desktop.ui.board.model import CardRole
from desktop.ui.common import format as fmt
from desktop.ui.common.colors import stage_color
from desktop.ui.common.pursuit_table import last_touch_text

RED = QColor("#D32F2F")
AMBER = QColor("#E08600")
AMBER_TEXT = QColor("#A85F00")
GREEN = QColor("#2E7D32")
PURPLE = QColor("#7B1FA2")
STATUS_COLORS = {"collected": GREEN, "lost": RED, "abandoned": QColor("#757575")}

PAD_X = 10
PAD_Y = 8
COMPACT_PAD_Y = 5
NARROW = 170  # px of text width below which amounts take their short form
CALENDAR_GLYPH = 14  # px the close date's calendar mark takes before it, with its gap
AMOUNT_GAP, TIGHT_GAP = 8, 4  # px between a card's amount and its close date (tight: narrow)
MARGIN_X = 6  # around the card inside its row (room for the shadow and the drop line)
MARGIN_Y = 4
RADIUS = 6.0


class CardDelegate(QStyledItemDelegate):
    def __init__(
        self,
        catalog: Catalog,
        lang: str,
        stale_limit: Callable[[int], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.lang = lang
        self.stale_limit = stale_limit
        self.today = date.today()
        self.dragging: set[str] = set()  # ids of the cards being dragged (painted faded)
        self.compact = False  # no signals row, a one-line title (more cards on a laptop screen)
        # Every red flag of one pursuit (the tooltip's list); the screen supplies the reader.
        self.flags_of: Callable[[str], Sequence[RedFlag]] | None = None
        self._frames: dict[tuple[object, ...], QPixmap] = {}
        self._fonts: tuple[QFont, QFont, QFont, QFont] | None = None
        self._base_font: QFont | None = None
        self._line = 16
        self._small_line = 14
        self._status_labels = {
            item.key: item.label(lang) for item in catalog.vocab("pursuit_statuses")
        }
        self._texts = {
            "no_step": self.tr("No next step"),  # short: a narrow card cut "No next step pl…"
            # No next step written, but a visit or a task is booked: that is the next step.
            "scheduled": self.tr("Booked {0}"),
            "overdue": self.tr("overdue"),
            "days": self.tr("{0}d"),
            "blocking": self.tr("Blocking"),
            "advice": self.tr("Advice"),
        }

    # --- geometry ---------------------------------------------------------------------------
    def fonts(self, base: QFont) -> tuple[QFont, QFont, QFont, QFont]:
        """Account (bold), title, amount (bold, tabular figures), small (signals)."""
        if self._fonts is None or self._base_font != base:
            account = QFont(base)
            account.setBold(True)
            title = QFont(base)
            amount = QFont(base)
            amount.setWeight(QFont.Weight.DemiBold)
            amount.setFeature(QFont.Tag("tnum"), 1)
            small = QFont(base)
            small.setPointSizeF(max(7.0, base.pointSizeF() - 1.0))
            small.setFeature(QFont.Tag("tnum"), 1)
            self._fonts = (account, title, amount, small)
            self._base_font = QFont(base)
            self._line = QFontMetrics(title).height() + 3
            self._small_line = QFontMetrics(small).height() + 2
        return self._fonts

    def card_height(self, base: QFont) -> int:
        self.fonts(base)
        if self.compact:
            return 2 * MARGIN_Y + 2 * COMPACT_PAD_Y + 4 * self._line + 2
        return 2 * MARGIN_Y + 2 * PAD_Y + 5 * self._line + self._small_line + 4

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        view = self.parent()
        width = 220
        if isinstance(view, QAbstractItemView):
            width = max(100, view.viewport().width())
        return QSize(width, self.card_height(option.font))

    # --- painting -----------------------------------------------------------------------------
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        card = index.data(CardRole)
        if not isinstance(card, BoardCard):
            return
        state = option.state
        if card.id in self.dragging:
            painter.setOpacity(0.35)
        self.paint_card(
            painter,
            QRect(option.rect),
            option.palette,
            option.font,
            card,
            selected=bool(state & QStyle.StateFlag.State_Selected),
            hovered=bool(state & QStyle.StateFlag.State_MouseOver),
            focused=bool(state & QStyle.StateFlag.State_HasFocus),
        )
        painter.setOpacity(1.0)

    def paint_card(
        self,
        painter: QPainter,
        rect: QRect,
        palette: QPalette,
        base: QFont,
        card: BoardCard,
        *,
        selected: bool = False,
        hovered: bool = False,
        focused: bool = False,
    ) -> None:
        account_font, title_font, amount_font, small_font = self.fonts(base)
        today = self.today
        stale = is_stale(card, today, self.stale_limit)
        overdue = is_overdue(card, today)
        closed = card.status != "open"
        painter.save()
        body = QRectF(rect.adjusted(MARGIN_X, MARGIN_Y, -MARGIN_X, -MARGIN_Y))

        # Shadow, card, selection ring and the edge: one cached picture per look and size.
        background = QColor(palette.color(QPalette.ColorRole.Base))
        if selected:
            background = _mix(background, palette.color(QPalette.ColorRole.Highlight), 0.12)
        elif closed:
            background = _mix(background, palette.color(QPalette.ColorRole.Window), 0.6)
        edge = "overdue" if overdue else "stale" if stale else ""
        frame = self._frame(
            rect.width(),
            rect.height(),
            palette,
            selected,
            hovered,
            focused,
            closed,
            edge,
            painter.device().devicePixelRatioF() if painter.device() is not None else 1.0,
        )
        painter.drawPixmap(rect.topLeft(), frame)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)

        text = palette.color(QPalette.ColorRole.Text)
        muted = _mix(text, background, 0.45)
        if closed:
            text = _mix(text, background, 0.25)
        x = int(body.left()) + PAD_X
        right = int(body.right()) - PAD_X + 1
        width = right - x
        y = int(body.top()) + (COMPACT_PAD_Y if self.compact else PAD_Y)
        line = self._line

        # 1: the account's short name, with marks on the right.
        marks_width = self._paint_marks(painter, card, right, y, line, small_font)
        painter.setFont(account_font)
        painter.setPen(text)
        account_room = width - marks_width - 4
        account = card_account(card.account)
        if painter.fontMetrics().horizontalAdvance(account) > account_room:
            account = without_place(account)  # 南京远科证券科技 → 远科证券科技 before eliding
        _text(painter, QRect(x, y, account_room, line), account)
        y += line

        # 2: title, on two lines when it needs them (one in the compact mode).
        painter.setFont(title_font)
        if self.compact:
            _text(painter, QRect(x, y, width, line), card.title)
            y += line
        else:
            _wrapped(painter, QRect(x, y, width, 2 * line), card.title)
            y += 2 * line

        # 3: amount (never cut: short when the column is narrow) and expected close.
        painter.setFont(amount_font)
        painter.setPen(text)
        small_metrics = QFontMetrics(small_font)
        amount_metrics = QFontMetrics(amount_font)
        # A narrow column shows every amount short (¥128万), not some short and some long.
        if width < NARROW:
            amount = fmt.money_short(card.amount, card.currency, self.lang)
        else:
            amount = fmt.money(card.amount, card.currency)
        amount_width = amount_metrics.horizontalAdvance(amount)
        painter.drawText(QRect(x, y, amount_width + 2, line), Qt.AlignmentFlag.AlignVCenter, amount)
        painter.setFont(small_font)
        if card.expected_close is not None:
            placed = self._close_placement(
                card.expected_close, width, right - x - amount_width, small_metrics
            )
            if placed is not None:
                close, glyph = placed
                close_width = small_metrics.horizontalAdvance(close)
                painter.setPen(muted)
                painter.drawText(
                    QRect(right - close_width, y, close_width, line),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    close,
                )
                if glyph:
                    centre = QPointF(right - close_width - 8, y + line / 2)
                    _calendar_glyph(painter, centre, muted)
        y += line

        # 4: next step and its due date (red, with a mark, when overdue). In a narrow column
        # the date goes down to the signals row, so the step keeps the line's whole width.
        due = ""
        if card.next_step_due is not None:
            due = fmt.short_date(card.next_step_due, self.lang, today)
            if small_metrics.horizontalAdvance(due) > width // 3:
                due = tiny_date(card.next_step_due, self.lang, today)
        due_below = bool(due) and not self.compact and width < NARROW
        due_width = small_metrics.horizontalAdvance(due) if due and not due_below else 0
        if due and not due_below:
            painter.setPen(RED if overdue else muted)
            painter.drawText(
                QRect(right - due_width, y, due_width, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                due,
            )
            if overdue:
                _alert_glyph(painter, QPointF(right - due_width - 7, y + line / 2), RED)
        step_room = width - due_width - (26 if overdue and not due_below else 14)
        _arrow_glyph(painter, QPointF(x + 4, y + line / 2), muted)
        if card.next_step:
            painter.setPen(text)
            _text(painter, QRect(x + 12, y, step_room - 12, line), card.next_step)
        elif not card.details:
            pass  # what is booked is read after the first paint: no "no next step" meanwhile
        elif card.scheduled_on is not None:
            painter.setPen(text if not closed else muted)
            booked = self._scheduled(card, today, narrow=width < NARROW)
            _text(painter, QRect(x + 12, y, step_room - 12, line), booked)
        else:
            painter.setPen(AMBER_TEXT if not closed else muted)
            _text(painter, QRect(x + 12, y, step_room - 12, line), self._texts["no_step"])
        y += line + 3
        if self.compact:
            painter.restore()
            return

        # 5: signals — days since the last touch (rotting), coaching points answered; both
        # left out until the card's details are read (just after the first paint).
        small_line = self._small_line
        days = card.days_since_touch(today)
        days_text = self._texts["days"].format(days) if card.details else ""
        colour = AMBER_TEXT if stale else muted
        if card.details:
            _clock_glyph(painter, QPointF(x + 5, y + small_line / 2), AMBER if stale else muted)
        painter.setPen(colour)
        days_width = small_metrics.horizontalAdvance(days_text)
        painter.drawText(
            QRect(x + 13, y, days_width + 2, small_line), Qt.AlignmentFlag.AlignVCenter, days_text
        )
        signals_right = right
        if due_below:
            below_width = small_metrics.horizontalAdvance(due)
            painter.setPen(RED if overdue else muted)
            painter.drawText(
                QRect(right - below_width, y, below_width, small_line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                due,
            )
            if overdue:
                _alert_glyph(painter, QPointF(right - below_width - 7, y + small_line / 2), RED)
            signals_right = right - below_width - (18 if overdue else 8)
        if not card.details:
            painter.restore()
            return
        bx = x + 13 + days_width + 8
        ratio = card.answered / card.questions if card.questions else 0.0
        counts = f"{card.answered}/{card.questions}"
        counts_width = small_metrics.horizontalAdvance(counts)
        room = signals_right - bx
        if room >= counts_width + 6 + 16:  # the bar only where it is more than a dot
            bar_width = min(64, room - counts_width - 6)
            bar = QRectF(bx, y + small_line / 2 - 2.5, bar_width, 5)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_mix(background, text, 0.12))
            painter.drawRoundedRect(bar, 2.5, 2.5)
            if ratio > 0:
                painter.setBrush(stage_color(card.stage) if ratio < 1 else GREEN)
                painter.drawRoundedRect(
                    QRectF(bar.left(), bar.top(), bar.width() * ratio, bar.height()), 2.5, 2.5
                )
            bx = int(bar.right()) + 5
        if signals_right - bx >= counts_width:  # else the tooltip says it
            painter.setPen(muted)
            painter.drawText(
                QRect(bx, y, counts_width + 2, small_line),
                Qt.AlignmentFlag.AlignVCenter,
                counts,
            )
        painter.restore()

    def _close_placement(
        self, close: date, width: int, beside: int, metrics: QFontMetrics
    ) -> tuple[str, bool] | None:
        """The expected close as it fits right of the amount (`beside` px): (text, with its
        calendar mark), or None when even the short date does not fit whole — then the card
        leaves it to its tooltip rather than show "27…".

        As the amounts, a narrow column shows every date short, not some "2027年9月" and some
        "27年5月". Narrower still (150 % on a laptop) the mark goes, then the gap after the
        amount narrows: the date is what the rep reads, the mark only a hint.
        """
        tiny = tiny_date(close, self.lang, self.today)
        full = fmt.close_date(close, self.lang, self.today)
        forms = ([] if width < NARROW else [(full, True, AMOUNT_GAP)]) + [
            (tiny, True, AMOUNT_GAP),
            (tiny, False, AMOUNT_GAP),
            (tiny, False, TIGHT_GAP),
        ]
        for text, glyph, gap in forms:
            room = beside - gap - (CALENDAR_GLYPH if glyph else 0)
            # Asked of elidedText, which is what cuts it: an advance a pixel under the room
            # still came out as "2027年…".
            if metrics.elidedText(text, Qt.TextElideMode.ElideRight, room) == text:
                return text, glyph
        return None

    def _frame(
        self,
        width: int,
        height: int,
        palette: QPalette,
        selected: bool,
        hovered: bool,
        focused: bool,
        closed: bool,
        edge: str,
        ratio: float,
    ) -> QPixmap:
        """The card's body as a picture, drawn once per look: antialiased rounded rectangles
        are the dearest part of a card, and a column repaints a dozen cards at a time."""
        key = (width, height, palette.cacheKey(), selected, hovered, focused, closed, edge, ratio)
        cached = self._frames.get(key)
        if cached is not None:
            return cached
        if len(self._frames) > 64:
            self._frames.clear()
        pixmap = QPixmap(max(1, round(width * ratio)), max(1, round(height * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        body = QRectF(MARGIN_X, MARGIN_Y, width - 2 * MARGIN_X, height - 2 * MARGIN_Y)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 22))
        painter.drawRoundedRect(body.translated(0, 1.5), RADIUS, RADIUS)
        background = QColor(palette.color(QPalette.ColorRole.Base))
        if selected:
            background = _mix(background, palette.color(QPalette.ColorRole.Highlight), 0.12)
        elif closed:
            background = _mix(background, palette.color(QPalette.ColorRole.Window), 0.6)
        text = palette.color(QPalette.ColorRole.Text)
        border = _mix(background, text, 0.34 if hovered and not selected else 0.16)
        painter.setBrush(background)
        if selected:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2.0))
            painter.drawRoundedRect(body.adjusted(1, 1, -1, -1), RADIUS - 1, RADIUS - 1)
        else:
            painter.setPen(QPen(border, 1.0))
            painter.drawRoundedRect(body.adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS)
        if focused:
            # The keyboard's card: a solid 2 px ring just outside the card, in the margin, so
            # it reads at a glance and stays apart from the selection's ring inside (a dotted
            # hairline was lost on a board of cards at 150 %).
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(body.adjusted(-2, -2, 2, 2), RADIUS + 2, RADIUS + 2)
        # The edge that catches the eye: red for an overdue step, amber for a stale pursuit.
        if edge:
            clip = QPainterPath()
            clip.addRoundedRect(body, RADIUS, RADIUS)
            painter.setClipPath(clip)
            painter.fillRect(
                QRectF(body.left(), body.top(), 4, body.height()),
                RED if edge == "overdue" else AMBER,
            )
        painter.end()
        self._frames[key] = pixmap
        return pixmap

    def _paint_marks(
        self, painter: QPainter, card: BoardCard, right: int, y: int, line: int, font: QFont
    ) -> int:
        """Status chip, red flags and conflict mark at the top right; returns their width."""
        painter.setFont(font)
        metrics = QFontMetrics(font)
        at = right
        mid = y + line / 2
        if card.status != "open":
            label = self._status_labels.get(card.status, card.status)
            w = metrics.horizontalAdvance(label) + 10
            chip = QRectF(at - w, mid - metrics.height() / 2 - 1, w, metrics.height() + 2)
            colour = STATUS_COLORS.get(card.status, QColor("#757575"))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2)
            painter.setPen(QColor("white"))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
            at -= w + 4
        if card.has_conflict:
            _conflict_glyph(painter, QPointF(at - 6, mid), PURPLE)
            at -= 16
        if card.red_flags > 0:
            count = str(card.red_flags)
            w = metrics.horizontalAdvance(count)
            painter.setPen(RED)
            painter.drawText(QRect(at - w, y, w + 1, line), Qt.AlignmentFlag.AlignVCenter, count)
            _flag_glyph(painter, QPointF(at - w - 7, mid), RED)
            at -= w + 16
        return right - at

    # --- tooltip ------------------------------------------------------------------------------
    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        card = index.data(CardRole)
        if event is None or not isinstance(card, BoardCard):
            return super().helpEvent(event, view, option, index)
        QToolTip.showText(event.globalPos(), self.tooltip(card), view, option.rect)
        return True

    def tooltip(self, card: BoardCard) -> str:
        today = self.today
        stage = self.catalog.stage(card.stage)
        lines = [
            f"<b>{_esc(card.account)}</b><br>{_esc(card.title)}",
        ]

        if card.origin:
            lines.append(self.tr("From: {0}").format(_esc(card.origin)))
        lines += [
            self.tr("Stage {0} · {1}").format(card.stage, _esc(stage.label(self.lang))),
            self.tr("Amount {0} · weighted {1} ({2}%)").format(
                fmt.money(card.amount, card.currency),
                fmt.money(card.weighted, card.currency),
                card.win_rate,
            ),
        ]
        if card.expected_close is not None:
            lines.append(
                self.tr("Expected close: {0}").format(fmt.long_date(card.expected_close, self.lang))
            )
        # The last touch, coaching points and what is booked come with the card's details,
        # read just after the first paint: until then the tooltip leaves them out, not guesses.
        limit = self.stale_limit(card.stage)
        days = card.days_since_touch(today)
        if card.details and is_stale(card, today, self.stale_limit):
            lines.append(
                self.tr(
                    "<span style='color:#A85F00'>Rotting: {0} days untouched (limit {1})</span>"
                ).format(days, limit)
            )
        elif card.details:
            lines.append(self.tr("{0} days untouched (limit {1})").format(days, limit))
        if card.details:
            lines.append(_esc(last_touch_text(*card.last_touch(), self.lang)))
        lines.append(self.tr("{0} days in this stage").format(card.days_in_stage(today)))
        if card.details:
            lines.append(
                self.tr("Coaching points answered: {0} of {1}").format(
                    card.answered, card.questions
                )
            )
        if card.next_step:
            step = self.tr("Next step: {0}").format(_esc(card.next_step))
            if card.next_step_due is not None:
                step += " · " + fmt.long_date(card.next_step_due, self.lang)
            if is_overdue(card, today):
                step = f"<span style='color:#D32F2F'>{step} ({self._texts['overdue']})</span>"
            lines.append(step)
        elif card.details:  # before its details arrive a card does not know what is booked
            if card.scheduled_on is not None:
                lines.append(self._scheduled(card, today))
            else:
                lines.append(self._texts["no_step"])
        if card.tags:
            lines.append(
                self.tr("Tags: {0}").format(
                    _esc("、".join(card.tags) if self.lang == "zh" else ", ".join(card.tags))
                )
            )
        lines.extend(self._flag_lines(card))
        if card.has_conflict:
            lines.append(self.tr("Edited on two machines: needs review"))
        if card.status != "open":
            lines.append(self._status_labels.get(card.status, card.status))
        return "<br>".join(lines)

    def _scheduled(self, card: BoardCard, today: date, *, narrow: bool = False) -> str:
        """ "Booked 14 Dec" (已安排 12月14日; 已安排 12/14 in a narrow column, as its other dates):
        what a card with no next step written but a visit or a task booked shows, since deal
        health counts that as its next step."""
        assert card.scheduled_on is not None
        day = (tiny_date if narrow else fmt.short_date)(card.scheduled_on, self.lang, today)
        return self._texts["scheduled"].format(day)

    def _flag_lines(self, card: BoardCard) -> list[str]:
        """Every red flag with its reason, blocking first (the card's mark counts those)."""
        flags: Sequence[RedFlag] = ()
        if self.flags_of is not None and card.status == "open":
            try:
                flags = self.flags_of(card.id)
            except Exception:  # a tooltip never fails the board; the count is still shown
                flags = ()
        if not flags:
            if card.red_flags:
                return [
                    self.tr("<span style='color:#D32F2F'>Blocking red flags: {0}</span>").format(
                        card.red_flags
                    )
                ]
            return []
        ordered = sorted(flags, key=lambda f: not f.blocking)
        lines = [
            self.tr("<b>Red flags</b> ({0} blocking, {1} advice)").format(
                sum(f.blocking for f in flags), sum(not f.blocking for f in flags)
            )
        ]
        for flag in ordered:
            label = self._texts["blocking" if flag.blocking else "advice"]
            colour = "#D32F2F" if flag.blocking else "#A85F00"
            lines.append(
                f"<span style='color:{colour}'>• {_esc(label)}</span> "
                f"{_esc(flag.reason(self.lang))}"
            )
        return lines

    # --- drag image ---------------------------------------------------------------------------
    def drag_pixmap(self, view: QAbstractItemView, cards: list[BoardCard]) -> QPixmap:
        """The first card as the drag image, with a count badge when several move."""
        width = max(180, view.viewport().width())
        height = self.card_height(view.font())
        ratio = view.devicePixelRatioF()
        depth = min(len(cards) - 1, 2) * 4
        pixmap = QPixmap(int((width + depth) * ratio), int((height + depth) * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setOpacity(0.92)
        for layer in range(min(len(cards), 3) - 1, -1, -1):
            offset = layer * 4
            self.paint_card(
                painter,
                QRect(offset, offset, width, height),
                view.palette(),
                view.font(),
                cards[min(layer, len(cards) - 1)],
                selected=layer == 0,
            )
        if len(cards) > 1:
            badge = str(len(cards))
            painter.setOpacity(1.0)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            font = QFont(view.font())
            font.setBold(True)
            painter.setFont(font)
            w = max(22, QFontMetrics(font).horizontalAdvance(badge) + 12)
            rect = QRectF(width - w - 2, 0, w, 22)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(RED)
            painter.drawRoundedRect(rect, 11, 11)
            painter.setPen(QColor("white"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, badge)
        painter.end()
        return pixmap


# --- small helpers ------------------------------------------------------------------------------
def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )


@lru_cache(maxsize=20_000)
def card_account(name: str) -> str:
    """The account as a card shows it: the distinctive part (cached: painted on every scroll)."""
    return short_name(name)


def tiny_date(day: date, lang: str, today: date) -> str:
    """A date in the fewest characters, for a narrow column: 9/12 or 12 Sep this year, 27年9月 or
    Sep '27 beyond it; the tooltip has it in full."""
    if fmt.is_zh(lang):
        return (
            f"{day.month}/{day.day}"
            if day.year == today.year
            else f"{day.year % 100}年{day.month}月"
        )
    if day.year == today.year:
        return fmt.short_date(day, lang)
    month = fmt.close_date(day, lang, today).split()[0]
    return f"{month} '{day.year % 100:02d}"


def _wrapped(painter: QPainter, rect: QRect, text: str) -> None:
    """`text` on up to two lines of `rect` (top aligned), the second elided when still long."""
    if rect.width() <= 0:
        return
    metrics = painter.fontMetrics()
    line = rect.height() // 2
    if metrics.horizontalAdvance(text) <= rect.width():
        _text(painter, QRect(rect.left(), rect.top(), rect.width(), line), text)
        return
    cut = len(text)
    while cut > 1 and metrics.horizontalAdvance(text[:cut]) > rect.width():
        cut -= 1
    space = text.rfind(" ", 0, cut + 1)  # break English at a word, Chinese anywhere
    if space > 0:
        cut = space
    _text(painter, QRect(rect.left(), rect.top(), rect.width(), line), text[:cut].rstrip())
    _text(painter, QRect(rect.left(), rect.top() + line, rect.width(), line), text[cut:].strip())


def _text(painter: QPainter, rect: QRect, text: str) -> None:
    if rect.width() <= 0:
        return
    elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clock_glyph(painter: QPainter, centre: QPointF, colour: QColor) -> None:
    painter.save()
    painter.setPen(QPen(colour, 1.2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(centre, 4.5, 4.5)
    painter.drawLine(centre, centre + QPointF(0, -2.8))
    painter.drawLine(centre, centre + QPointF(2.2, 0))
    painter.restore()


def _calendar_glyph(painter: QPainter, centre: QPointF, colour: QColor) -> None:
    painter.save()
    painter.setPen(QPen(colour, 1.1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(QRectF(centre.x() - 4.5, centre.y() - 4, 9, 8.5), 1.5, 1.5)
    painter.drawLine(centre + QPointF(-4.5, -1.3), centre + QPointF(4.5, -1.3))
    painter.restore()


def _arrow_glyph(painter: QPainter, centre: QPointF, colour: QColor) -> None:
    painter.save()
    painter.setPen(QPen(colour, 1.3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(centre + QPointF(-4, 0), centre + QPointF(3, 0))
    painter.drawLine(centre + QPointF(0.5, -2.8), centre + QPointF(3.3, 0))
    painter.drawLine(centre + QPointF(0.5, 2.8), centre + QPointF(3.3, 0))
    painter.restore()


def _alert_glyph(painter: QPainter, centre: QPointF, colour: QColor) -> None:
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(centre, 4.5, 4.5)
    painter.setPen(QPen(QColor("white"), 1.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(centre + QPointF(0, -2.3), centre + QPointF(0, 0.6))
    painter.drawPoint(centre + QPointF(0, 2.4))
    painter.restore()


def _flag_glyph(painter: QPainter, centre: QPointF, colour: QColor) -> None:
    painter.save()
    painter.setPen(QPen(colour, 1.3))
    top = centre + QPointF(-3, -5)
    painter.drawLine(top, centre + QPointF(-3, 5))
    path = QPainterPath(top)
    path.lineTo(centre + QPointF(4, -3.5))
    path.lineTo(centre + QPointF(-3, -0.5))
    path.closeSubpath()
    painter.setBrush(colour)
    painter.drawPath(path)
    painter.restore()


def _conflict_glyph(painter: QPainter, centre: QPointF, colour: QColor) -> None:
    """Two opposed arrows: the same field was edited on two machines."""
    painter.save()
    painter.setPen(QPen(colour, 1.3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(centre + QPointF(-5, -2), centre + QPointF(4, -2))
    painter.drawLine(centre + QPointF(2, -4.5), centre + QPointF(4.5, -2))
    painter.drawLine(centre + QPointF(5, 2.5), centre + QPointF(-4, 2.5))
    painter.drawLine(centre + QPointF(-2, 5), centre + QPointF(-4.5, 2.5))
    painter.restore()
