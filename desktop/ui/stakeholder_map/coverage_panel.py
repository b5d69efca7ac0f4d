"""The coverage panel: the stage-1 coaching questions answered from the map.

Who holds each buying role and who is still missing; how many people are at each relationship
stage; who the allies are; and for the selected person, how to deal with their personality and
what help to ask of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.domain.coverage import Coverage, PersonFacts, coverage_of
from desktop.ui.context import AppContext
from desktop.ui.stakeholder_map.document import MapDocument
from desktop.ui.stakeholder_map.style import MISSING, MapStyle


class StageBars(QWidget):
    """People per relationship stage: a labelled bar per stage in the stage's colour."""

    def __init__(self, style: MapStyle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stage_bars")
        self.map_style = style
        self.counts: dict[str, int] = {}

    def set_counts(self, counts: dict[str, int]) -> None:
        self.counts = dict(counts)
        self.setToolTip(
            "\n".join(
                f"{self.map_style.relationship_label(k)}: {v}" for k, v in self.counts.items()
            )
        )
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(220, 24 * max(1, len(self.map_style.stage_keys)) + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        style = self.map_style
        metrics = QFontMetricsF(self.font())
        label_width = max(
            (metrics.horizontalAdvance(style.relationship_label(k)) for k in style.stage_keys),
            default=40,
        )
        count_width = metrics.horizontalAdvance("000") + 6
        most = max(self.counts.values(), default=0) or 1
        text = self.palette().color(QPalette.ColorRole.WindowText)
        track = QColor(text)
        track.setAlphaF(0.08)
        bar_left = 14 + label_width + 8
        bar_span = max(20.0, self.width() - bar_left - count_width - 4)
        for row, key in enumerate(style.stage_keys):
            top = 2 + row * 24
            colour = style.relationship_colour(key)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(QRectF(0, top + 6, 9, 9))
            painter.setPen(text)
            painter.drawText(
                QRectF(14, top, label_width, 21),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                style.relationship_label(key),
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(track)
            painter.drawRoundedRect(QRectF(bar_left, top + 5, bar_span, 11), 3, 3)
            count = self.counts.get(key, 0)
            if count:
                painter.setBrush(colour)
                painter.drawRoundedRect(
                    QRectF(bar_left, top + 5, max(6.0, bar_span * count / most), 11), 3, 3
                )
            painter.setPen(QPen(text))
            painter.drawText(
                QRectF(bar_left + bar_span + 4, top, count_width, 21),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                str(count),
            )
        painter.end()


class CoveragePanel(QWidget):
    person_clicked = Signal(str)

    def __init__(
        self, ctx: AppContext, document: MapDocument, style: MapStyle, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("coverage_panel")
        self.ctx = ctx
        self.document = document
        self.map_style = style
        self.selected: str | None = None
        self.coverage: Coverage | None = None

        self.roles = self._rich_label("coverage_roles")
        self.bars = StageBars(style)
        self.allies = self._rich_label("coverage_allies")
        self.person = self._rich_label("coverage_person")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(6)
        layout.addWidget(self._heading(self.tr("Buying roles")))
        layout.addWidget(self.roles)
        layout.addSpacing(6)
        layout.addWidget(self._heading(self.tr("Relationships")))
        layout.addWidget(self.bars)
        layout.addSpacing(6)
        layout.addWidget(self._heading(self.tr("Allies")))
        layout.addWidget(self.allies)
        layout.addSpacing(6)
        self.person_heading = self._heading(self.tr("Selected person"))
        layout.addWidget(self.person_heading)
        layout.addWidget(self.person)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        document.updated.connect(self.refresh)
        self.refresh()

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _rich_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        label.linkActivated.connect(self._link)
        return label

    def _link(self, href: str) -> None:
        if href.startswith("person:"):
            self.person_clicked.emit(href.removeprefix("person:"))

    def set_selected(self, person_id: str | None) -> None:
        self.selected = person_id
        self._show_person()

    # --- content ------------------------------------------------------------------------------
    def refresh(self) -> None:
        people = self.document.people()
        self.coverage = coverage_of(
            (
                PersonFacts(p.id, p.name, p.roles, p.relationship, p.personality, p.help)
                for p in people
            ),
            self.ctx.catalog,
        )
        self._show_roles()
        self.bars.set_counts(self.coverage.stage_counts)
        self._show_allies()
        if self.selected is not None and self.document.person(self.selected) is None:
            self.selected = None
        self._show_person()

    def _list(self, parts: Iterable[str]) -> str:
        """Items joined the way the language lists them (、 in Chinese, commas in English)."""
        return ("、" if self.ctx.lang == "zh" else ", ").join(parts)

    def _name_link(self, person_id: str, *, stage: bool = True) -> str:
        person = self.document.person(person_id)
        if person is None:
            return ""
        style = self.map_style
        name = escape(person.name)
        text = f'<a href="person:{person_id}" style="text-decoration:none">{name}</a>'
        if stage:
            colour = style.relationship_colour(person.relationship).name()
            text += (
                f' <span style="color:{colour}">●</span>'
                f"{escape(style.relationship_label(person.relationship))}"
            )
        return text

    def _show_roles(self) -> None:
        coverage = self.coverage
        assert coverage is not None
        style = self.map_style
        rows = []
        not_found = escape(self.tr("Not found yet"))
        for item in style.roles:
            holders = coverage.holders.get(item.key, ())
            label = escape(item.label(self.ctx.lang))
            if holders:
                names = "<br>".join(self._name_link(pid) for pid in holders)
                rows.append(
                    f'<tr><td style="color:#2E7D32">✔</td><td><b>{label}</b></td>'
                    f"<td>{names}</td></tr>"
                )
            else:
                hint = escape(item.hint(self.ctx.lang)) if item.hint else ""
                rows.append(
                    f'<tr><td style="color:{MISSING}">✘</td><td><b>{label}</b></td>'
                    f'<td><span style="color:{MISSING}">{not_found}'
                    f"</span><br><small>{hint}</small></td></tr>"
                )
        summary = self.tr("{0} of {1} roles found").format(
            len(coverage.filled), len(style.role_keys)
        )
        self.roles.setText(
            f"<p>{escape(summary)}</p>"
            '<table cellspacing="0" cellpadding="3">' + "".join(rows) + "</table>"
        )

    def _show_allies(self) -> None:
        coverage = self.coverage
        assert coverage is not None
        if coverage.allies:
            names = self._list(self._name_link(pid, stage=False) for pid in coverage.allies)
            self.allies.setText(names)
            return
        ally = self.map_style.stages.get(self.map_style.stage_keys[-1])
        hint = ally.hint(self.ctx.lang) if ally and ally.hint else ""
        none_yet = escape(self.tr("No ally yet."))
        self.allies.setText(
            f'<span style="color:{MISSING}">{none_yet}</span> '
            + escape(self.tr("An ally is someone who is: {0}").format(hint) if hint else "")
        )

    def _show_person(self) -> None:
        person = self.document.person(self.selected) if self.selected else None
        self.person_heading.setVisible(person is not None)
        self.person.setVisible(person is not None)
        if person is None:
            return
        style = self.map_style
        lang = self.ctx.lang
        parts = [f"<b>{escape(person.name)}</b>"]
        item = style.personalities.get(person.personality) if person.personality else None
        if item is not None:
            traits = item.get_text("traits")
            deal = item.get_text("how_to_deal")
            parts.append(
                escape(item.label(lang))
                + (
                    (f"({escape(traits(lang))})" if lang == "zh" else f" ({escape(traits(lang))})")
                    if traits
                    else ""
                )
            )
            if deal:
                parts.append(escape(self.tr("How to deal: {0}").format(deal(lang))))
        else:
            parts.append(
                escape(
                    self.tr(
                        "Personality not judged yet: introvert or extrovert, assertive or "
                        "easy-going?"
                    )
                )
            )
        wishes = [style.help_label(k) for k in style.help_keys if k in person.help]
        if wishes:
            parts.append(escape(self.tr("Help to ask: {0}").format(self._list(wishes))))
        elif person.relationship == style.stage_keys[-1]:
            parts.append(escape(self.tr("An ally: decide what help to ask for.")))
        if person.next_step:
            parts.append(escape(self.tr("Next step: {0}").format(person.next_step)))
        self.person.setText("<br>".join(parts))
