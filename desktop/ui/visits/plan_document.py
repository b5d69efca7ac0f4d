"""The printed visit plan (拜访计划): the page the rep holds in the customer's lobby.

A4 portrait, 15 mm margins, black-and-white safe (every colour is paired with a label or a count),
10 pt body. Every page carries the header account · pursuit · visit date and the footer page x / y;
the notes area fills what is left of the last page. The content comes from
`services.reports.visit_plan.build_plan` in one language; the words of the page itself are
translated like the rest of the UI (so the plan follows the chosen UI language).

`render(device)` paints onto any QPagedPaintDevice: a QPdfWriter (save as PDF, the CLI), or the
QPrinter of a print dialog or a print preview.

The stakeholder map is printed with its names at least 7 pt (`MIN_NAME_PT`): in the flow of the
plan when it is that legible there (shrinking no further), else on a page of its own after the
plan, turned sideways when that prints it larger (a wide map of many people).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TypedDict

from PySide6.QtCore import QFile, QIODevice, QMarginsF, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from desktop import APP_NAME, __version__
from desktop.services.reports import safe_output
from desktop.services.reports.visit_plan import PlanPerson, VisitPlan
from desktop.services.visits import utcnow
from desktop.ui.common import format as fmt
from desktop.ui.common.pictures import NAME_HEIGHT_KEY
from desktop.ui.visits.layout import (
    Badge,
    Badges,
    Box,
    CheckFlow,
    Doc,
    Fill,
    Frame,
    Marked,
    Meter,
    Page,
    Picture,
    Row,
    Spacer,
    Stack,
    Style,
    Text,
    draw_text,
    paginate,
)

MARGIN_MM = 15.0
HEADER_MM = 10.0  # the running header band at the top of the frame (text, rule, gap)
FOOTER_MM = 8.0
MAX_PAGES_FOR_NOTES = 2  # the notes never add a third page
MAP_MAX_MM = 85.0  # the stakeholder map's height on paper
MAP_MIN_MM = 55.0  # smaller, the names on the map would be too small to read
# The names on the printed map: at least 7 pt, what a printed org chart still reads at arm's
# length (the plan's own small print is 7.5-8.5 pt); on a page of its own the map grows to no
# more than its size on screen (14 px, 10.5 pt), so two people do not fill a page.
MIN_NAME_PT = 7.0
MAX_NAME_PT = 10.5
PT_MM = 25.4 / 72
OVERLAP_MM = 12.0  # a map printed in parts: what each part repeats of its neighbour
A4_BODY_MM = (210.0 - 2 * MARGIN_MM, 297.0 - 2 * MARGIN_MM - HEADER_MM - FOOTER_MM)
RELATIONSHIP_COLORS = {  # UI-GUIDE.md; printed as grey, always with the label and a count
    "acquainted": "#9E9E9E",
    "interacting": "#1E88E5",
    "personal_trust": "#FB8C00",
    "ally": "#43A047",
}
INDICATOR_COLORS = {"winning": "#2E7D32", "sleeping": "#5E35B1", "fatal": "#C62828"}


def page_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def split_items(text: str) -> list[str]:
    """Materials: one per line, or separated by 、 , ; (Chinese and Latin)."""
    parts = re.split(r"[\n、,;，；]+", text)
    return [p.strip(" -•*·\t") for p in parts if p.strip(" -•*·\t")]


def split_questions(text: str) -> list[str]:
    """Questions: one per line, as the rep typed them or the coaching points were added. A line
    is never cut at its question marks: a coaching point often asks two that belong together
    ("谁是采购设计者？关系达到什么程度？"), and the second alone would lose its subject."""
    lines = (line.strip().lstrip("-•*·").strip() for line in text.splitlines())
    return [line for line in lines if line]


class _Layout(TypedDict, total=False):
    """How `PlanDocument.boxes` may shrink the map to keep the plan on two pages."""

    map_height: float
    others_on_map: bool
    without_map: bool


class PlanDocument(QObject):
    """A visit plan laid out for A4. Make one per rendering; it holds no database state."""

    def __init__(
        self,
        plan: VisitPlan,
        *,
        map_image: QImage | None = None,
        tz: tzinfo | None = None,
        printed_at: datetime | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.map_image = map_image if map_image is not None and not map_image.isNull() else None
        self.tz = tz
        self.printed_at = printed_at or utcnow()
        self.page_count = 0
        self.body_mm = A4_BODY_MM  # the body's width and height, set for each rendering
        # Where and how big the map was last laid out: "flow" or "page", and the names' size.
        self.map_placement = ""
        self.map_name_pt = 0.0

    # --- output ---------------------------------------------------------------------------------
    def write_pdf(self, path: Path | str) -> int:
        """Write the plan as a PDF file; returns the number of pages.

        Written beside the target and then moved over it, so a failure (a full disk, the old
        file open in a viewer) never leaves half a PDF; raises OSError then.
        """
        pages = 0

        def write(temp: Path) -> None:
            nonlocal pages
            # Opened here rather than by the writer: a file that cannot be created is an
            # OSError saying why, not a painter that will not begin (with a Qt warning). Made by
            # Python first, so that OSError carries the errno the user's words come from
            # (services.os_errors), not only Qt's English errorString.
            temp.touch()
            file = QFile(str(temp))
            if not file.open(QIODevice.OpenModeFlag.WriteOnly):
                raise OSError(file.errorString())
            try:
                writer = QPdfWriter(file)
                writer.setResolution(600)
                writer.setPageLayout(page_layout())
                writer.setTitle(self.document_title())
                writer.setCreator(f"{APP_NAME} {__version__}")
                pages = self.render(writer)
                del writer
            finally:
                file.close()

        # Qt's writer ignores write errors: verify_pdf catches a file a full disk cut short.
        safe_output.write_atomically(Path(path), write, safe_output.verify_pdf)
        return pages

    def document_title(self) -> str:
        return f"{self.tr('Visit plan')} · {self.plan.account} · {self.plan.title}"

    def render(self, device: QPagedPaintDevice) -> int:
        """Paint every page onto `device` (its page layout decides the paper); returns pages."""
        doc = Doc(device, self.plan.lang)
        resolution = device.logicalDpiY()
        paint = device.pageLayout().paintRectPixels(resolution)
        width, height = float(paint.width()), float(paint.height())
        body_top = HEADER_MM * doc.mm
        body_height = height - body_top - FOOTER_MM * doc.mm
        pages = self._pages(doc, width, body_height)
        self.page_count = len(pages)
        painter = QPainter()
        if not painter.begin(device):
            raise OSError("cannot paint on the output (is the file writable?)")
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            for number, page in enumerate(pages, start=1):
                if number > 1:
                    device.newPage()
                self._draw_page(painter, doc, page, number, len(pages), width, height, body_top)
        finally:
            painter.end()
        return len(pages)

    def _pages(self, doc: Doc, width: float, height: float) -> list[Page]:
        """Laid out on two pages if at all possible: when the content runs onto a third, first
        a smaller map without the table of the people it already shows, then no map. A map
        whose names would print under MIN_NAME_PT that way goes on a page of its own instead."""
        self.body_mm = (width / doc.mm, height / doc.mm)
        self.map_placement, self.map_name_pt = "", 0.0
        legible = self._legible_mm_per_px()
        in_flow = self.map_image is None or legible is None or self._flow_fits(legible)
        attempts: list[_Layout] = [{}] if in_flow else []
        if self.map_image is not None and in_flow:
            attempts.append({"map_height": MAP_MIN_MM, "others_on_map": True})
            if legible is None:  # no telling how small its names get: as small as MAP_MIN_MM
                attempts.append({"without_map": True})
        best: list[Page] = []
        for options in attempts:
            pages = paginate(
                self.boxes(doc, **options), width, height, max_pages=MAX_PAGES_FOR_NOTES
            )
            if not best or len(pages) < len(best):
                best = pages
            if len(pages) <= MAX_PAGES_FOR_NOTES:
                break
        if self.map_image is None or legible is None or (best and len(best) <= MAX_PAGES_FOR_NOTES):
            return best
        # The map does not fit legibly beside the plan: the plan without it (the table lists
        # everybody), then the map on a page of its own, or in parts on several when even a
        # whole page would print its names too small.
        pages = paginate(
            self.boxes(doc, without_map=True), width, height, max_pages=MAX_PAGES_FOR_NOTES
        )
        sheets = map_sheets(
            self.map_image,
            self._name_height_px(),
            doc.mm,
            width,
            height,
            lambda part, parts: self._heading(
                self.tr("Stakeholder map")
                if parts == 1
                else self.tr("Stakeholder map (part {0} of {1})").format(part, parts)
            ),
        )
        self.map_placement, self.map_name_pt = "page", sheets[0].name_pt
        return [*pages, *(Page([(sheet, 0.0)]) for sheet in sheets)]

    def _name_height_px(self) -> float:
        """The em height of the map's names in the picture's pixels (0 when it does not say)."""
        if self.map_image is None:
            return 0.0
        try:
            return max(0.0, float(self.map_image.text(NAME_HEIGHT_KEY) or 0))
        except ValueError:
            return 0.0

    def _legible_mm_per_px(self) -> float | None:
        """How many mm of paper one pixel of the map picture needs for MIN_NAME_PT names."""
        name = self._name_height_px()
        return MIN_NAME_PT * PT_MM / name if name > 0 else None

    def _flow_fits(self, legible: float) -> bool:
        """Whether the map is legible at the width of the page's body."""
        assert self.map_image is not None
        return self.map_image.width() * legible <= self.body_mm[0] + 1e-6

    def _draw_page(
        self,
        painter: QPainter,
        doc: Doc,
        page: Page,
        number: int,
        total: int,
        width: float,
        height: float,
        body_top: float,
    ) -> None:
        self._draw_header(painter, doc, width)
        for box, y in page.items:
            box.draw(painter, 0.0, body_top + y)
        self._draw_footer(painter, doc, number, total, width, height)

    def _draw_header(self, painter: QPainter, doc: Doc, width: float) -> None:
        style = doc.style(8.5, bold=True)
        right_style = doc.style(8.5, color="#222222")
        metrics, right_metrics = doc.metrics(style), doc.metrics(right_style)
        right = self.header_date()
        right_w = right_metrics.horizontalAdvance(right)
        left = metrics.elidedText(
            f"{self.plan.account} · {self.plan.title}",
            Qt.TextElideMode.ElideRight,
            width - right_w - 6 * doc.mm,
        )
        baseline = metrics.ascent()
        painter.save()
        draw_text(painter, QPointF(0, baseline), left, style)
        draw_text(painter, QPointF(width - right_w, baseline), right, right_style)
        rule_y = metrics.height() + 1.2 * doc.mm
        painter.setPen(QPen(QColor("#000000"), 0.8 * doc.pt))
        painter.drawLine(QPointF(0, rule_y), QPointF(width, rule_y))
        painter.restore()

    def _draw_footer(
        self, painter: QPainter, doc: Doc, number: int, total: int, width: float, height: float
    ) -> None:
        style = doc.style(7.5, color="#333333")
        metrics = doc.metrics(style)
        top = height - metrics.height()
        rule_y = top - 1.2 * doc.mm
        painter.save()
        painter.setPen(QPen(QColor("#888888"), 0.4 * doc.pt))
        painter.drawLine(QPointF(0, rule_y), QPointF(width, rule_y))
        painter.setFont(style.font)
        painter.setPen(style.color)
        printed = fmt.local(self.printed_at, self.tz)
        left = self.tr("Internal — do not leave with the customer · printed {0} {1}").format(
            fmt.long_date(printed.date(), self.plan.lang), fmt.time_text(printed)
        )
        right = self.tr("Page {0} / {1}").format(number, total)
        right_w = metrics.horizontalAdvance(right)
        left = metrics.elidedText(left, Qt.TextElideMode.ElideRight, width - right_w - 6 * doc.mm)
        draw_text(painter, QPointF(0, top + metrics.ascent()), left, style)
        draw_text(painter, QPointF(width - right_w, top + metrics.ascent()), right, style)
        painter.restore()

    def header_date(self) -> str:
        visit = self.plan.visit
        if visit is None or visit.starts_at is None:
            return self.tr("Visit plan · date to be set")
        start = fmt.local(visit.starts_at, self.tz)
        return self.tr("Visit {0} {1}").format(
            fmt.long_date(start.date(), self.plan.lang, weekday=True), fmt.time_text(start)
        )

    # --- content --------------------------------------------------------------------------------
    def boxes(
        self,
        doc: Doc,
        *,
        map_height: float = 0.0,
        others_on_map: bool = False,
        without_map: bool = False,
    ) -> list[Box]:
        """The plan as boxes to flow onto pages. `map_height` (mm) overrides the map's height;
        with `others_on_map` the people not attending are left to the map."""
        self.doc = doc
        self.map_placement, self.map_name_pt = "", 0.0
        self.map_height = map_height or MAP_MAX_MM
        self.show_map = self.map_image is not None and not without_map
        self.others_on_map = others_on_map and self.show_map
        self.body = doc.style(10)
        self.bold = doc.style(10, bold=True)
        self.small = doc.style(8.5, color="#222222")
        self.muted = doc.style(8.5, color="#555555")
        self.label = doc.style(8.5, color="#555555")
        self.mm = doc.mm
        boxes: list[Box] = []
        boxes += self._title()
        boxes += self._objective()
        boxes += self._preparation()
        boxes += self._people()
        boxes += self._map()
        boxes += self._coaching()
        boxes += self._pains_and_value()
        boxes += self._offer()
        boxes += self._competition()
        boxes += self._risks()
        boxes.append(self._notes())
        return boxes

    def _heading(self, title: str, note: str = "") -> Box:
        doc = self.doc
        text = Text(doc, title, doc.style(11.5, bold=True))
        content: Box = text
        if note:
            content = Row(
                [text, Text(doc, note, self.muted, align=Qt.AlignmentFlag.AlignRight)],
                [0.65, 0.35],
                gap=2 * self.mm,
            )
        return Frame(
            content,
            padding=(0, 0, 1.0 * self.mm, 0),
            rule_below=QPen(QColor("#000000"), 0.8 * doc.pt),
            space_before=4.2 * self.mm,
            keep_with_next=True,
        )

    def _label_rows(self, rows: list[tuple[str, str | Box]], label_mm: float) -> Box:
        """Label / value lines (label column in grey), skipping empty values."""
        doc = self.doc
        lines: list[Box] = []
        for label, value in rows:
            if isinstance(value, str):
                if not value.strip():
                    continue
                value = Text(doc, value.strip(), self.body)
            lines.append(
                Row([self._aligned(label, self.label), value], [label_mm * self.mm, 1.0], gap=0)
            )
        return Stack(lines, gap=1.1 * self.mm)

    def _aligned(self, text: str, style: Style) -> Box:
        """Smaller text moved down to sit on the baseline of body text beside it."""
        shift = self.doc.metrics(self.body).ascent() - self.doc.metrics(style).ascent()
        return Frame(Text(self.doc, text, style), padding=(max(0.0, shift), 0, 0, 0))

    def _label_width(self) -> float:
        return 15.0 if fmt.is_zh(self.plan.lang) else 22.0

    def _title(self) -> list[Box]:
        doc, plan = self.doc, self.plan
        lang = plan.lang
        title = Text(doc, self.tr("Visit plan"), doc.style(17, bold=True))
        subtitle = Text(
            doc,
            [(plan.account, doc.style(12, bold=True)), ("   " + plan.title, None)],
            doc.style(12, color="#222222"),
        )
        visit = plan.visit
        label_w = self._label_width()
        attendees = "、" if fmt.is_zh(lang) else ", "
        names = attendees.join(
            f"{p.name}（{'、'.join(p.roles)}）"
            if p.roles and fmt.is_zh(lang)
            else f"{p.name} ({', '.join(p.roles)})"
            if p.roles
            else p.name
            for p in plan.attendees
        )
        if visit is not None:
            when = fmt.when_text(visit.starts_at, visit.duration_minutes, lang, self.tz)
            left = self._label_rows(
                [
                    (self.tr("When"), Text(doc, when, self.bold)),
                    (self.tr("Where"), visit.location),
                    (self.tr("Customer"), names or self.tr("(nobody named yet)")),
                    (self.tr("Our people"), visit.our_people),
                ],
                label_w,
            )
        else:
            left = self._label_rows(
                [
                    (self.tr("When"), self.tr("not scheduled yet")),
                    (self.tr("Account"), plan.account),
                    (self.tr("Industry"), plan.account_industry),
                    (self.tr("Address"), plan.account_address),
                ],
                label_w,
            )
        amount = fmt.money_with_wan(plan.amount, plan.currency, lang)
        rate = self.tr("{0}% · weighted {1}").format(
            plan.win_rate, fmt.money(plan.weighted, plan.currency)
        )
        stage = Text(
            doc,
            [
                (f"{plan.stage} · {plan.stage_process}", self.bold),
                (f" · {plan.stage_milestone}", None),
            ],
            self.body,
        )
        if plan.status_key != "open":
            stage = Text(
                doc,
                [(plan.status, self.bold), (f" · {plan.stage} {plan.stage_label}", None)],
                self.body,
            )
        next_step = plan.next_step
        if next_step and plan.next_step_due:
            next_step = self.tr("{0} (due {1})").format(
                next_step, fmt.short_date(plan.next_step_due, lang)
            )
        right = self._label_rows(
            [
                (self.tr("Stage"), stage),
                (self.tr("Amount"), Text(doc, amount, self.bold)),
                (self.tr("Win rate"), rate),
                (self.tr("Close"), fmt.long_date(plan.expected_close, lang)),
                (self.tr("Next step"), next_step),
            ],
            label_w,
        )
        facts = Frame(
            Row([left, right], [0.5, 0.5], gap=6 * self.mm),
            padding=(2.4 * self.mm, 3.2 * self.mm, 2.4 * self.mm, 3.2 * self.mm),
            fill="#F1F1F1",
            border=QPen(QColor("#B0B0B0"), 0.5 * doc.pt),
            radius=1.2 * self.mm,
            space_before=3.5 * self.mm,
        )
        return [Stack([title, subtitle], gap=1.2 * self.mm), facts]

    def _objective(self) -> list[Box]:
        doc, visit = self.doc, self.plan.visit
        heading = self._heading(self.tr("Objective of this visit"))
        if visit is None or not visit.objective.strip():
            return [heading, self._writing_lines(2)]
        return [
            heading,
            Text(
                doc, visit.objective.strip(), doc.style(11, bold=True), space_before=1.8 * self.mm
            ),
        ]

    def _writing_lines(self, count: int) -> Box:
        """Ruled lines to write on by hand."""
        step = 7.5 * self.mm
        pen = QPen(QColor("#999999"), 0.4 * self.doc.pt)

        class Lines(Box):
            def __init__(self) -> None:
                self.height = step * count
                self.space_before = 0.0

            def draw(self, painter: QPainter, x: float, y: float) -> None:
                painter.save()
                painter.setPen(pen)
                for i in range(1, count + 1):
                    painter.drawLine(
                        QPointF(x, y + i * step), QPointF(x + self.width, y + i * step)
                    )
                painter.restore()

        return Lines()

    def _preparation(self) -> list[Box]:
        doc, visit = self.doc, self.plan.visit
        if visit is None:
            return []
        questions = split_questions(visit.questions)
        materials = split_items(visit.materials)
        help_text = visit.help_wanted.strip()
        if not (questions or materials or help_text):
            return []
        sub = doc.style(9.5, bold=True)
        left: list[Box] = [Text(doc, self.tr("Questions to ask"), sub)]
        left += [
            Marked(doc, Text(doc, q, self.body), Marked.BULLET, space_before=0) for q in questions
        ] or [Text(doc, "—", self.muted)]
        right: list[Box] = []
        if help_text:
            right += [Text(doc, self.tr("Help to ask for"), sub), Text(doc, help_text, self.body)]
        if materials:
            right += [
                Text(doc, self.tr("Materials to bring"), sub, space_before=0),
                CheckFlow(doc, materials, self.body),
            ]
        columns = Row(
            [Stack(left, gap=1.0 * self.mm), Stack(right, gap=1.0 * self.mm)],
            [0.55, 0.45],
            gap=7 * self.mm,
            space_before=3.5 * self.mm,
        )
        return [columns]

    # --- people -----------------------------------------------------------------------------------
    def _people(self) -> list[Box]:
        plan = self.plan
        boxes: list[Box] = []
        if plan.visit is not None:
            title = self.tr("Who attends ({0})").format(len(plan.attendees))
        else:
            title = self.tr("Stakeholders ({0})").format(len(plan.attendees))
        boxes.append(self._heading(title))
        if not plan.attendees:
            boxes.append(
                Text(
                    self.doc,
                    self.tr("Nobody of the customer is down to attend yet."),
                    self.muted,
                    space_before=1.8 * self.mm,
                )
            )
        cards, others = list(plan.attendees), list(plan.others)
        if plan.visit is None and any(p.roles for p in cards):
            # No meeting yet: cards for the people who hold a buying role, a table for the rest.
            others = [p for p in cards if not p.roles]
            cards = [p for p in cards if p.roles]
        for index, person in enumerate(cards):
            card = self._card(person)
            card.space_before = (1.8 if index == 0 else 1.6) * self.mm
            boxes.append(card)
        if others and not self.others_on_map:
            boxes += self._others(others, attending=plan.visit is not None)
        return boxes

    def _role_badges(self, person: PlanPerson) -> Badges:
        badges = [
            Badge(label, filled=(key == "decision_maker"))
            for key, label in zip(person.role_keys, person.roles, strict=True)
        ]
        return Badges(self.doc, badges, self.doc.style(7.5, bold=True))

    def _relationship(self, person: PlanPerson, style: Style) -> Meter:
        return Meter(
            self.doc,
            person.relationship_rank,
            person.relationship_steps,
            person.relationship,
            style,
            color=RELATIONSHIP_COLORS.get(person.relationship_key, "#000000"),
        )

    def _card(self, person: PlanPerson) -> Box:
        """A person on a card: who they are on the left; how to deal with them on the right,
        two facts to a line so that five people still fit on a page."""
        doc = self.doc
        role = " · ".join(part for part in (person.title, person.department) if part)
        left = Stack(
            [
                Text(doc, person.name, doc.style(11.5, bold=True)),
                Text(doc, role, self.small) if role else Spacer(0),
                self._role_badges(person),
                self._relationship(person, self.small),
            ],
            gap=1.0 * self.mm,
        )
        zh = fmt.is_zh(self.plan.lang)
        lines: list[Box] = []
        if person.personality:
            character = person.personality
            if person.personality_traits:
                character += (
                    f"（{person.personality_traits}）" if zh else f" ({person.personality_traits})"
                )
            spans: list[tuple[str, Style | None]] = [(character, self.bold)]
            if person.how_to_deal:
                spans.append((("：" if zh else ": ") + person.how_to_deal, None))
            lines.append(self._pairs([(self.tr("Personality"), Text(doc, spans, self.body))]))
        sep = "、" if zh else ", "
        for pair in (
            [
                (self.tr("Interests"), person.interests.strip()),
                (self.tr("Ask them to"), sep.join(person.help)),
            ],
            [
                (self.tr("Our plan"), person.plan.strip()),
                (self.tr("Next step"), person.next_step.strip()),
            ],
        ):
            filled: list[tuple[str, Box]] = [
                (
                    label,
                    Text(doc, text, self.bold if label == self.tr("Ask them to") else self.body),
                )
                for label, text in pair
                if text
            ]
            if filled:
                lines.append(self._pairs(filled))
        right: Box = Stack(lines, gap=1.1 * self.mm)
        if not lines:
            right = Text(doc, self.tr("Nothing recorded about this person yet."), self.muted)
        return Frame(
            Row([left, right], [0.27, 0.73], gap=4 * self.mm),
            padding=(2.0 * self.mm, 3 * self.mm, 2.0 * self.mm, 3 * self.mm),
            border=QPen(QColor("#8A8A8A"), 0.6 * doc.pt),
            radius=1.4 * self.mm,
        )

    def _pairs(self, items: list[tuple[str, Box]]) -> Box:
        """One or two label / value facts on a line."""
        label_w = self._label_width() * self.mm
        cells = [
            Row([self._aligned(label, self.label), value], [label_w, 1.0]) for label, value in items
        ]
        if len(cells) == 1:
            return cells[0]
        return Row(cells, [0.5, 0.5], gap=4 * self.mm)

    def _table(
        self, headers: list[str], widths: list[float], rows: list[list[Box]], *, space: float
    ) -> list[Box]:
        """A table: a header row (repeated on the next page) and rows that never split."""
        doc = self.doc
        head_style = doc.style(8.5, bold=True, color="#222222")
        gap = 3 * self.mm
        header = Frame(
            Row([Text(doc, h, head_style) for h in headers], widths, gap=gap),
            padding=(0.8 * self.mm, 0, 0.9 * self.mm, 0),
            rule_below=QPen(QColor("#000000"), 0.6 * doc.pt),
            space_before=space,
            keep_with_next=True,
        )
        boxes: list[Box] = [header]
        for cells in rows:
            row = Frame(
                Row(cells, widths, gap=gap),
                padding=(1.1 * self.mm, 0, 1.1 * self.mm, 0),
                rule_below=QPen(QColor("#BDBDBD"), 0.4 * doc.pt),
            )
            row.repeat = header
            boxes.append(row)
        return boxes

    def _others(self, people: list[PlanPerson], *, attending: bool) -> list[Box]:
        doc = self.doc
        rows = []
        for person in people:
            role = " · ".join(part for part in (person.title, person.department) if part)
            rows.append(
                [
                    Text(doc, person.name, self.bold),
                    self._aligned(role, self.small),
                    self._role_badges(person),
                    self._relationship(person, self.small),
                    self._aligned(person.personality, self.small),
                ]
            )
        heading = Text(
            doc,
            self.tr("Others in play (not attending)") if attending else self.tr("Others in play"),
            doc.style(9.5, bold=True),
            space_before=4 * self.mm,
        )
        heading.keep_with_next = True
        return [
            heading,
            *self._table(
                [
                    self.tr("Name"),
                    self.tr("Title"),
                    self.tr("Buying roles"),
                    self.tr("Relationship"),
                    self.tr("Personality"),
                ],
                [0.16, 0.3, 0.2, 0.2, 0.14],
                rows,
                space=1.2 * self.mm,
            ),
        ]

    def _map(self) -> list[Box]:
        if self.map_image is None or not self.show_map:
            return []
        heading = self._heading(self.tr("Stakeholder map"))
        heading.space_before = 0.0
        highest, lowest = self.map_height, MAP_MIN_MM
        legible = self._legible_mm_per_px()
        if legible is not None:
            if not self._flow_fits(legible):  # `_pages` gives it a page of its own
                return []
            # The height at which its names are MIN_NAME_PT: it shrinks no further.
            lowest = self.map_image.height() * legible
            highest = max(highest, lowest)
        self.map_placement = "flow"
        self.map_name_pt = 0.0
        picture = LegibleMap(
            self.map_image,
            highest * self.mm,
            lowest * self.mm,
            title=heading,
            title_gap=2 * self.mm,
            floating=True,
            space_before=4.2 * self.mm,
        )
        picture.on_drawn = self._note_drawn
        return [picture]

    def _note_drawn(self, image_width: float) -> None:
        """The size the map's names were printed at (its picture drawn `image_width` wide)."""
        if self.map_image is not None and self.map_image.width() > 0:
            mm_per_px = image_width / self.mm / self.map_image.width()
            self.map_name_pt = self._name_height_px() * mm_per_px / PT_MM

    # --- the method -------------------------------------------------------------------------------
    def _coaching(self) -> list[Box]:
        doc, plan = self.doc, self.plan
        note = self.tr("{0} of {1} still open").format(
            len(plan.questions_open), plan.questions_total
        )
        boxes: list[Box] = [
            self._heading(
                self.tr("Coaching points of this stage · {0}").format(plan.stage_process), note
            )
        ]
        if not plan.questions_open:
            boxes.append(
                Text(
                    doc,
                    self.tr("All coaching points of this stage are answered."),
                    self.muted,
                    space_before=1.8 * self.mm,
                )
            )
            return boxes
        for index, question in enumerate(plan.questions_open):
            parts: list[Box] = [Text(doc, question.text, self.body)]
            if question.answer:
                parts.append(
                    Text(
                        doc,
                        [
                            (self.tr("So far: "), self.bold.with_color("#444444")),
                            (question.answer, None),
                        ],
                        self.muted,
                    )
                )
            item = Marked(
                doc,
                Stack(parts, gap=0.4 * self.mm),
                Marked.CHECKBOX,
                space_before=(1.8 if index == 0 else 1.3) * self.mm,
            )
            # The heading comes with at least two of its points onto a page, and again above
            # the points continued on the next (after the map, when that went to its top).
            item.keep_with_next = index == 0 and len(plan.questions_open) > 2
            item.repeat = boxes[0]
            boxes.append(item)
        return boxes

    def _pains_and_value(self) -> list[Box]:
        doc, plan = self.doc, self.plan
        lang = plan.lang
        if not plan.pains and plan.value is None:
            return []
        boxes: list[Box] = [self._heading(self.tr("Pains and value"))]
        if plan.pains:
            rows = []
            for pain in plan.pains:
                detail = ""
                if pain.current_state or pain.goal:
                    arrow = " → " if pain.current_state and pain.goal else ""
                    detail = f"{pain.current_state}{arrow}{pain.goal}"
                cell: list[Box] = [Text(doc, pain.pain or pain.current_state, self.bold)]
                if detail:
                    cell.append(Text(doc, detail, self.muted))
                rows.append(
                    [
                        Stack(cell, gap=0.4 * self.mm),
                        Text(doc, pain.impact, self.body),
                        Meter(
                            doc,
                            pain.severity,
                            5,
                            f"{pain.severity}/5",
                            self.small,
                            round_marks=True,
                        ),
                    ]
                )
            boxes += self._table(
                [self.tr("Pain"), self.tr("Impact"), self.tr("Severity")],
                [0.5, 0.33, 0.17],
                rows,
                space=1.6 * self.mm,
            )
        value = plan.value
        if value is not None:
            accepted = {
                "yes": self.tr("accepted"),
                "no": self.tr("not accepted"),
                "unknown": self.tr("no answer yet"),
            }.get(value.accepted_key, value.accepted_key)
            tiles = [
                (
                    self.tr("Investment"),
                    fmt.money(value.investment, plan.currency),
                ),
                (
                    self.tr("Net benefit a year"),
                    fmt.money(value.net_yearly_benefit, plan.currency),
                ),
                (
                    self.tr("Payback"),
                    fmt.years(value.payback_years, lang)
                    if value.payback_years is not None
                    else self.tr("never"),
                ),
                (
                    self.tr("ROI over {0} years").format(value.horizon_years),
                    fmt.rate(value.roi_percent),
                ),
                (self.tr("Decision-maker"), accepted),
            ]
            big = doc.style(11, bold=True)
            row = Row(
                [
                    Stack([Text(doc, label, self.label), Text(doc, text, big)], gap=0.5 * self.mm)
                    for label, text in tiles
                ],
                [0.22, 0.22, 0.16, 0.2, 0.2],
                gap=3 * self.mm,
            )
            parts: list[Box] = [
                Text(doc, self.tr("Value case"), doc.style(9.5, bold=True)),
                row,
            ]
            if value.feedback.strip():
                parts.append(
                    Text(
                        doc,
                        [
                            (self.tr("Feedback: "), self.bold.with_color("#444444")),
                            (value.feedback.strip(), None),
                        ],
                        self.muted,
                    )
                )
            boxes.append(
                Frame(
                    Stack(parts, gap=1.2 * self.mm),
                    padding=(2.2 * self.mm, 3 * self.mm, 2.4 * self.mm, 3 * self.mm),
                    border=QPen(QColor("#8A8A8A"), 0.6 * doc.pt),
                    radius=1.2 * self.mm,
                    space_before=2.5 * self.mm,
                )
            )
        return boxes

    def _offer(self) -> list[Box]:
        """Our offer: the value intersection, then features, advantages and benefits side by side
        (what it is → why it is better → what it earns the customer)."""
        offer = self.plan.offer
        if offer is None or not offer.has_fab:
            return []
        boxes: list[Box] = [self._heading(self.tr("Our offer"))]
        if offer.value_intersection:
            boxes.append(
                Frame(
                    self._label_rows(
                        [(self.tr("Value intersection"), offer.value_intersection)],
                        self._label_width() + 7.0,
                    ),
                    padding=(1.2 * self.mm, 0, 0.6 * self.mm, 0),
                )
            )
        columns = [
            (self.tr("Features"), offer.features),
            (self.tr("Advantages"), offer.advantages),
            (self.tr("Benefits"), offer.benefits),
        ]
        if any(text for _, text in columns):
            boxes += self._table(
                [title for title, _ in columns],
                [1 / 3, 1 / 3, 1 / 3],
                [[self._offer_text(text) for _, text in columns]],
                space=1.6 * self.mm,
            )
        return boxes

    def _offer_text(self, text: str) -> Box:
        # Whole, however long: a row taller than a page splits (layout.Row.split).
        if not text:
            return Text(self.doc, "—", self.muted)
        return Text(self.doc, text, self.body)

    def _concern_plan(self) -> list[Box]:
        offer = self.plan.offer
        if offer is None or not offer.concern_plan:
            return []
        return [
            Frame(
                self._label_rows(
                    [(self.tr("Plan to dispel concerns"), offer.concern_plan)],
                    self._label_width() + 13.0,
                ),
                padding=(1.2 * self.mm, 0, 0.6 * self.mm, 0),
            )
        ]

    def _competition(self) -> list[Box]:
        doc, plan = self.doc, self.plan
        if not plan.competitors and not plan.indicators:
            return []
        boxes: list[Box] = [self._heading(self.tr("Competition"))]
        if plan.competitors:
            rows = []
            for rival in plan.competitors:
                flaw = rival.flaws
                if rival.harm:
                    flaw = f"{flaw} → {rival.harm}" if flaw else rival.harm
                third: list[Box] = [Text(doc, flaw or "—", self.body)]
                if rival.counter:
                    third.append(
                        Text(
                            doc,
                            [
                                (self.tr("Our counter: "), self.bold.with_color("#333333")),
                                (rival.counter, None),
                            ],
                            self.small,
                        )
                    )
                if rival.allies:
                    third.append(
                        Text(
                            doc,
                            [
                                (self.tr("Allies: "), self.bold.with_color("#333333")),
                                (rival.allies, None),
                            ],
                            self.small,
                        )
                    )
                rows.append(
                    [
                        Stack(
                            [Text(doc, rival.name, self.bold)]
                            + ([Text(doc, rival.solution, self.muted)] if rival.solution else []),
                            gap=0.4 * self.mm,
                        ),
                        Text(doc, rival.label or "—", self.bold),
                        Stack(third, gap=0.5 * self.mm),
                    ]
                )
            boxes += self._table(
                [
                    self.tr("Competitor"),
                    self.tr("Our label for them"),
                    self.tr("Their flaw → harm to the customer"),
                ],
                [0.3, 0.25, 0.45],
                rows,
                space=1.6 * self.mm,
            )
        if plan.indicators:
            rows = []
            for item in plan.indicators:
                score = "—"
                if item.our_score is not None:
                    score = f"{item.our_score} : {item.best_rival_score or '—'}"
                name_cell: list[Box] = [Text(doc, item.name, self.bold)]
                if item.meaning:
                    name_cell.append(Text(doc, item.meaning, self.muted))
                plan_cell: Box = (
                    Text(doc, item.action_plan, self.body)
                    if item.action_plan
                    else Text(
                        doc, [(self.tr("Method: "), None), (item.method_action, None)], self.muted
                    )
                )
                rows.append(
                    [
                        Stack(name_cell, gap=0.4 * self.mm),
                        Badges(
                            doc,
                            [
                                Badge(
                                    item.class_label,
                                    filled=True,
                                    color=INDICATOR_COLORS.get(item.class_key, "#000000"),
                                )
                            ],
                            doc.style(8, bold=True),
                        ),
                        Meter(doc, item.importance, 5, "", self.small, round_marks=True),
                        Stack(
                            [Text(doc, score, self.bold)]
                            + ([Text(doc, item.best_rival, self.muted)] if item.best_rival else []),
                            gap=0.2 * self.mm,
                        ),
                        plan_cell,
                    ]
                )
            boxes += self._table(
                [
                    self.tr("Buying criterion"),
                    self.tr("Class"),
                    self.tr("Importance"),
                    self.tr("Us : best rival"),
                    self.tr("Action plan"),
                ],
                [0.27, 0.1, 0.14, 0.15, 0.34],
                rows,
                space=3 * self.mm,
            )
        return boxes

    def _risks(self) -> list[Box]:
        doc, plan = self.doc, self.plan
        concern_plan = self._concern_plan()
        if not plan.risks:
            if concern_plan:
                return [self._heading(self.tr("Concerns and risks")), *concern_plan]
            return []
        rows: list[list[Box]] = []
        for risk in plan.risks:
            first: list[Box] = [Text(doc, risk.description, self.bold)]
            first.append(
                Meter(
                    doc,
                    risk.severity,
                    5,
                    f"{risk.severity}/5 · {risk.status}",
                    self.small,
                    round_marks=True,
                )
            )
            impacts = [
                Text(
                    doc, [(f"{label}: ", self.bold.with_color("#333333")), (text, None)], self.small
                )
                for label, text in risk.impacts
            ] or [Text(doc, "—", self.muted)]
            measures = []
            if risk.prevention.strip():
                measures.append(
                    Text(
                        doc,
                        [
                            (self.tr("Prevent: "), self.bold.with_color("#333333")),
                            (risk.prevention.strip(), None),
                        ],
                        self.small,
                    )
                )
            if risk.remedy.strip():
                measures.append(
                    Text(
                        doc,
                        [
                            (self.tr("Remedy: "), self.bold.with_color("#333333")),
                            (risk.remedy.strip(), None),
                        ],
                        self.small,
                    )
                )
            rows.append(
                [
                    Stack(first, gap=0.8 * self.mm),
                    Stack(impacts, gap=0.5 * self.mm),
                    Stack(measures or [Text(doc, "—", self.muted)], gap=0.5 * self.mm),
                ]
            )
        return [
            self._heading(self.tr("Concerns and risks")),
            *concern_plan,
            *self._table(
                [self.tr("Risk"), self.tr("Impact"), self.tr("Prevention and remedy")],
                [0.34, 0.33, 0.33],
                rows,
                space=1.6 * self.mm,
            ),
        ]

    def _notes(self) -> Box:
        doc = self.doc
        title = self.tr("Notes")
        title_style = doc.style(11.5, bold=True)
        step = 7.5 * self.mm

        def paint(painter: QPainter, rect: QRectF) -> None:
            metrics = doc.metrics(title_style)
            painter.save()
            draw_text(painter, QPointF(rect.x(), rect.y() + metrics.ascent()), title, title_style)
            head = metrics.height() + 1.0 * self.mm
            painter.setPen(QPen(QColor("#000000"), 0.8 * doc.pt))
            painter.drawLine(
                QPointF(rect.x(), rect.y() + head), QPointF(rect.right(), rect.y() + head)
            )
            painter.setPen(QPen(QColor("#A0A0A0"), 0.4 * doc.pt))
            y = rect.y() + head + step
            while y <= rect.bottom() + 0.5:
                painter.drawLine(QPointF(rect.x(), y), QPointF(rect.right(), y))
                y += step
            painter.restore()

        return Fill(45 * self.mm, paint, space_before=6 * self.mm, keep_min=28 * self.mm)


class LegibleMap(Picture):
    """The map in the plan's flow: a Picture that reports the width it was drawn at, so the
    plan can tell (and a test can check) the size its names came out on paper."""

    on_drawn: Callable[[float], None] | None = None

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        super().draw(painter, x, y)
        if self.height > 0 and self.on_drawn is not None and self.image.height() > 0:
            scale = min(self.width / self.image.width(), self.image_height / self.image.height())
            self.on_drawn(self.image.width() * scale)


class MapSheet(Box):
    """The stakeholder map, or one part of it, on a page of its own: upright, or turned a
    quarter left (read by turning the page clockwise) when that prints it larger."""

    def __init__(
        self, image: QImage, title: Box, source: QRectF, scale: float, sideways: bool, mm: float
    ) -> None:
        self.image = image
        self.title = title
        self.title.space_before = 0.0
        self.source = source  # the part of the picture, in its pixels
        self.scale = scale  # device units per picture pixel
        self.sideways = sideways
        self.mm = mm
        self.name_pt = 0.0

    def layout(self, width: float) -> float:
        self.width = width
        self.title.layout(width)
        return self.height

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        self.title.draw(painter, x, y)
        top = y + self.title.height + 3 * self.mm
        w, h = self.source.width() * self.scale, self.source.height() * self.scale
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self.sideways:
            # Turned a quarter left: the map's top runs up the page's left side.
            painter.translate(x + (self.width - h) / 2, top + w)
            painter.rotate(-90)
        else:
            painter.translate(x + (self.width - w) / 2, top)
        painter.drawImage(QRectF(0, 0, w, h), self.image, self.source)
        painter.restore()


def map_sheets(
    image: QImage,
    name_px: float,
    mm: float,
    width: float,
    height: float,
    title: Callable[[int, int], Box],
) -> list[MapSheet]:
    """The map on pages of its own (body `width` × `height`, device units): on one page as
    large as fits, its names at most MAX_NAME_PT; when that would print them under MIN_NAME_PT,
    in parts at MIN_NAME_PT — neighbouring parts overlap by OVERLAP_MM, so a card cut at one
    edge is whole on the next page — upright or sideways, whichever needs fewer pages."""
    room_h = height - title(1, 1).layout(width) - 3 * mm
    w, h = float(image.width()), float(image.height())
    upright, turned = min(width / w, room_h / h), min(room_h / w, width / h)
    sideways = turned > upright * 1.05
    scale = turned if sideways else upright
    grid = [(0, 0)]
    if name_px > 0:
        scale = min(scale, MAX_NAME_PT * PT_MM * mm / name_px)  # no bigger than on screen
        legible = MIN_NAME_PT * PT_MM * mm / name_px
        if scale < legible * 0.999:
            scale = legible
            overlap = OVERLAP_MM * mm

            def parts(along: float, across: float) -> tuple[int, int]:
                def count(size: float, room: float) -> int:
                    return 1 if size <= room else math.ceil((size - overlap) / (room - overlap))

                return count(w * scale, along), count(h * scale, across)

            straight, turned_parts = parts(width, room_h), parts(room_h, width)
            sideways = turned_parts[0] * turned_parts[1] < straight[0] * straight[1]
            columns, rows = turned_parts if sideways else straight
            grid = [(column, row) for row in range(rows) for column in range(columns)]
    along, across = (room_h, width) if sideways else (width, room_h)
    piece_w, piece_h = min(w, along / scale), min(h, across / scale)
    columns = max(c for c, _ in grid) + 1
    rows = max(r for _, r in grid) + 1
    step_x = (w - piece_w) / (columns - 1) if columns > 1 else 0.0
    step_y = (h - piece_h) / (rows - 1) if rows > 1 else 0.0
    sheets = []
    for number, (column, row) in enumerate(grid, start=1):
        source = QRectF(column * step_x, row * step_y, piece_w, piece_h)
        sheet = MapSheet(image, title(number, len(grid)), source, scale, sideways, mm)
        sheet.layout(width)
        sheet.height = height
        if name_px > 0:
            sheet.name_pt = name_px * scale / mm / PT_MM
        sheets.append(sheet)
    return sheets
