"""The manager's view: one pursuit's coaching answers on a compact, printable page.

What a sales manager reads before a pipeline review: the key figures, the red flags, and for every
stage reached, each coaching point with the rep's answer (or the gap). Printed on A4 with a header
on every page (account · pursuit · date) and "page x / y" at the foot; saved as PDF the same way.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import QFile, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, __version__
from desktop.services import coaching, health, pursuit_edits, value
from desktop.services.queries import overview
from desktop.services.reports import safe_output
from desktop.ui.common import format as fmt
from desktop.ui.common.output_check import (
    OutputKind,
    ask_before_writing,
    take_over_overwrite_question,
)
from desktop.ui.common.screen_fit import resize_to_fit
from desktop.ui.context import AppContext
from desktop.ui.errors import show_error

PRINT_FONTS = ["WenQuanYi Micro Hei", "Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC"]
MARGIN_MM = 15
PDF_DPI = 1200  # what a high-resolution QPrinter uses for PDF, as before


class ManagerViewDialog(QDialog):
    def __init__(self, ctx: AppContext, pursuit_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pursuit_id = pursuit_id
        self.setObjectName("manager_view_dialog")
        self.setWindowTitle(self.tr("Manager's view"))
        resize_to_fit(self, 820, 900)
        self.html, self.header = self.build()
        self.browser = QTextBrowser()
        self.browser.setObjectName("manager_view_text")
        self.browser.setOpenLinks(False)
        self.browser.document().setDefaultFont(_print_font(self.font().pointSizeF()))
        self.browser.setHtml(self.html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("print")
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setObjectName("save_pdf")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_dialog)
        self.pdf_button.clicked.connect(self.save_dialog)
        column = QVBoxLayout(self)
        column.addWidget(self.browser, 1)
        column.addWidget(buttons)

    # --- content --------------------------------------------------------------------------
    def build(self) -> tuple[str, str]:
        """The page as HTML, and the running header (account · pursuit · date)."""
        ctx = self.ctx
        ws = ctx.workspace
        lang = ctx.lang
        catalog = ctx.catalog
        pid = self.pursuit_id

        def aside(text: str) -> str:
            """A note in brackets after a fact: full-width and unspaced in Chinese."""
            return f"（{text}）" if fmt.is_zh(lang) else f" ({text})"

        view = overview.overview_of(ws, pid)
        p = view.pursuit
        sheet = coaching.sheet_of(ws, pid)
        flags = health.flags_of(ws, pid)
        cash = value.value_of(ws, pid)
        pains = pursuit_edits.parts_of(ws, "pain_point", pid)
        risks = pursuit_edits.parts_of(ws, "risk", pid)
        currency = p["currency"]
        today = date.today()
        esc = html.escape
        header = f"{view.account} · {p['title']} · {fmt.long_date(today, lang)}"
        words = {
            "view": self.tr("Manager's view"),
            "flags": self.tr("Red flags"),
            "none": self.tr("None."),
            "gap": self.tr("No answer yet"),
            "pains": self.tr("Pains"),
            "value": self.tr("Value case"),
            "risks": self.tr("Open risks"),
        }

        parts = [
            "<style>"
            # No bold: CJK fonts have no bold face, and a synthetic one prints every glyph twice
            # (a PDF whose text then cannot be searched or copied cleanly).
            "h1 { font-size: 16pt; font-weight: normal; margin: 0 0 4px 0; }"
            "h2 { font-size: 12.5pt; font-weight: normal; color: #1F3A5F; margin: 12px 0 4px 0; }"
            ".muted { color: #666; } .gap { color: #999; font-style: italic; }"
            ".answer { color: #1A237E; } .flag { color: #B71C1C; }"
            "td { padding: 1px 8px 1px 0; vertical-align: top; }"
            "</style>",
            f"<p class='muted'>{esc(words['view'])} · {esc(view.account)}</p>",
            f"<h1>{esc(p['title'])}</h1>",
        ]
        stage = catalog.stage(p["stage"])
        status = catalog.vocab("pursuit_statuses").label(p["status"], lang)
        facts = [
            (self.tr("Stage"), f"{p['stage']} · {stage.label(lang)}{aside(status)}"),
            (
                self.tr("Amount"),
                self.tr("{0}, weighted {1} at {2}%").format(
                    fmt.money(p["amount"], currency),
                    fmt.money(view.weighted, currency),
                    view.win_rate,
                ),
            ),
            (self.tr("Expected close"), fmt.long_date(p["expected_close"], lang) or "—"),
            (
                self.tr("Next step"),
                (p["next_step"] or "—")
                + (aside(fmt.long_date(p["next_step_due"], lang)) if p["next_step_due"] else ""),
            ),
            (
                self.tr("In this stage"),
                self.tr("{0} days (limit {1})").format(view.days_in_stage, view.stale_limit),
            ),
        ]
        parts.append(
            "<table>"
            + "".join(
                f"<tr><td class='muted'>{esc(k)}</td><td>{esc(v)}</td></tr>" for k, v in facts
            )
            + "</table>"
        )

        parts.append(f"<h2>{esc(words['flags'])}{aside(str(len(flags)))}</h2>")
        if flags:
            parts.append(
                "<ul>"
                + "".join(f"<li class='flag'>⚑ {esc(f.reason(lang))}</li>" for f in flags)
                + "</ul>"
            )
        else:
            parts.append(f"<p>{esc(words['none'])}</p>")

        # Coaching: the current stage first, then the stages passed; stages ahead only where
        # something is already written.
        for number in coaching.stage_order(p["stage"], len(catalog.stages)):
            block = catalog.stage(number)
            answered = [
                q for q in block.questions if sheet.answer(q.key).text or sheet.answer(q.key).done
            ]
            if number > p["stage"] and not answered:
                continue
            done = sheet.completeness(catalog, number)
            title = self.tr("Stage {0} · {1}").format(number, block.label(lang))
            settled = self.tr("{0}/{1} settled").format(done.done, done.total)
            parts.append(f"<h2>{esc(title)} <span class='muted'>— {esc(settled)}</span></h2>")
            rows = []
            for n, question in enumerate(block.questions, 1):
                answer = sheet.answer(question.key)
                mark = "☑" if answer.done else "☐"
                text = (
                    f"<span class='answer'>{esc(answer.text).replace(chr(10), '<br>')}</span>"
                    if answer.text
                    else f"<span class='gap'>{esc(words['gap'])}</span>"
                )
                rows.append(
                    f"<tr><td>{mark}</td><td>{n}. {esc(question.text(lang))}<br>{text}</td></tr>"
                )
            parts.append("<table>" + "".join(rows) + "</table>")

        if pains:
            parts.append(f"<h2>{esc(words['pains'])}</h2><ul>")
            for pain in pains:
                what = pain["pain"] or pain["current_state"] or "—"
                impact = f" — {esc(pain['impact'])}" if pain["impact"] else ""
                severity = self.tr("severity {0}").format(pain["severity"])
                parts.append(
                    f"<li>{esc(what)}{impact}<span class='muted'>{esc(aside(severity))}</span></li>"
                )
            parts.append("</ul>")
        if cash.exists:
            result = cash.result
            accepted = {
                "yes": self.tr("accepted"),
                "no": self.tr("not accepted"),
                "unknown": self.tr("no answer yet"),
            }[cash.case["accepted"]]
            parts.append(f"<h2>{esc(words['value'])}</h2>")
            parts.append(
                "<p>"
                + esc(
                    self.tr("Investment {0}; net benefit {1} a year; payback {2}; ROI {3}.").format(
                        fmt.money(cash.case["investment"], currency),
                        fmt.money(result.net_yearly_benefit, currency),
                        fmt.years(result.payback_years, lang),
                        fmt.rate(result.roi_percent),
                    )
                )
                + "<br>"
                + esc(self.tr("Decision-maker: {0}.").format(accepted))
                + (f" {esc(cash.case['feedback'])}" if cash.case["feedback"] else "")
                + "</p>"
            )
        open_risks = [r for r in risks if r["status"] == "open"]
        if open_risks:
            parts.append(f"<h2>{esc(words['risks'])}</h2><ul>")
            for risk in open_risks:
                plan = " / ".join(x for x in (risk["prevention"], risk["remedy"]) if x)
                impact = self.tr("impact {0}").format(risk["severity"])
                parts.append(
                    f"<li>{esc(risk['description'] or '—')}<span class='muted'>{esc(aside(impact))}"
                    f"</span>{'<br>' + esc(plan) if plan else ''}</li>"
                )
            parts.append("</ul>")
        return "".join(parts), header

    # --- printing -------------------------------------------------------------------------
    def document(self) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(_print_font(10))
        document.setHtml(self.html)
        return document

    def write_pdf(self, path: Path | str) -> int:
        """Write the page as an A4 PDF; returns the number of pages.

        Written beside the target and then moved over it, like the visit plan, so a failure (a
        full disk, the old file open in a viewer) never leaves half a PDF; raises OSError then.
        """
        pages = 0

        def write(temp: Path) -> None:
            nonlocal pages
            # Opened here rather than by the writer: a file that cannot be created is an
            # OSError saying why, not a painter that will not begin (with a Qt warning).
            file = QFile(str(temp))
            if not file.open(QIODevice.OpenModeFlag.WriteOnly):
                raise OSError(file.errorString())
            try:
                writer = QPdfWriter(file)
                writer.setResolution(PDF_DPI)
                writer.setTitle(self.header)
                writer.setCreator(f"{APP_NAME} {__version__}")
                pages = paint(self.document(), writer, self.header)
                del writer
            finally:
                file.close()

        # Qt's writer ignores write errors: verify_pdf catches a file a full disk cut short.
        safe_output.write_atomically(Path(path), write, safe_output.verify_pdf)
        return pages

    def print_dialog(self) -> QPrintDialog:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("print_dialog")

        def done(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                paint(self.document(), printer, self.header)

        dialog.finished.connect(done)
        dialog.open()  # type: ignore[call-arg]  # QDialog.open(); stub: only open(receiver, slot)
        return dialog

    def save_dialog(self) -> QFileDialog:
        name = f"{self.header.rsplit(' · ', 1)[0].replace(' · ', ' - ')}.pdf"
        dialog = QFileDialog(self, self.tr("Save as PDF"), str(Path.home() / name))
        dialog.setObjectName("pdf_dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        take_over_overwrite_question(dialog)

        def done(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and dialog.selectedFiles():
                ask_before_writing(
                    self,
                    dialog.selectedFiles()[0],
                    OutputKind.PDF,
                    database=self.ctx.workspace.path,
                    write=save,
                    again=dialog.open,
                    title=dialog.windowTitle(),
                )

        def save(path: Path) -> None:
            try:
                self.write_pdf(path)
            except OSError as exc:  # the user hears of it, the target is as it was
                show_error(self, exc)

        dialog.finished.connect(done)
        dialog.open()
        return dialog


def _print_font(size: float) -> QFont:
    font = QFont()
    font.setFamilies([font.family(), *PRINT_FONTS])
    font.setPointSizeF(size)
    return font


def paint(document: QTextDocument, printer: QPrinter | QPdfWriter, header: str) -> int:
    """Lay the document out on A4 pages with a running header and a page-x-of-y footer."""
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter(printer)
    document.documentLayout().setPaintDevice(printer)
    area = printer.pageLayout().paintRectPixels(printer.resolution())
    dpi = printer.resolution()
    band = int(dpi * 0.3)  # header and footer bands: ~7.6 mm each
    body = QSizeF(area.width(), area.height() - 2 * band)
    document.setPageSize(body)
    pages = max(1, document.pageCount())
    small = _print_font(8)
    for page in range(pages):
        if page:
            printer.newPage()
        painter.setFont(small)
        painter.setPen(Qt.GlobalColor.darkGray)
        painter.drawText(
            QRectF(0, 0, area.width(), band * 0.7),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            header,
        )
        painter.drawLine(0, int(band * 0.8), area.width(), int(band * 0.8))
        painter.drawText(
            QRectF(0, area.height() - band * 0.7, area.width(), band * 0.7),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
            f"{page + 1} / {pages}",
        )
        painter.save()
        painter.translate(0, band - page * body.height())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = QRectF(0, page * body.height(), body.width(), body.height())
        painter.setClipRect(context.clip)
        document.documentLayout().draw(painter, context)
        painter.restore()
    painter.end()
    return pages
