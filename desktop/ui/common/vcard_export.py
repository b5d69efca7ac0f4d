"""Save people as a .vcf file, for a phone or Outlook: the people of the open pursuit (File ▸
Export Lists) and of an account (its People tab). One save dialog and one check of the place for
both; the cards come from `services.imports.vcards`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.infra.i18n import ui_language
from desktop.services import os_errors
from desktop.services.imports import vcards
from desktop.ui.common.output_check import SAVE_OPTIONS, OutputKind, ask_before_writing


def export_people(
    parent: QWidget,
    database: Path,
    cards: Callable[[], list[vcards.Card]],
    name: str,
    path: Path | None = None,
) -> None:
    """Ask where (unless `path` is given), check the place, then write `cards()` there."""
    if path is None:
        chosen, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("VCardExport", "Export People (vCard)"),
            f"{name}.vcf",
            QCoreApplication.translate("VCardExport", "Contacts (*.vcf)"),
            options=SAVE_OPTIONS,
        )
        if not chosen:
            return
        path = Path(chosen)
    if path.suffix.lower() != ".vcf":
        path = path.with_name(path.name + ".vcf")

    def write(target: Path) -> None:
        try:
            vcards.write_vcards(target, cards())
        except OSError as exc:
            QMessageBox.warning(
                parent,
                QCoreApplication.translate("VCardExport", "Export People (vCard)"),
                QCoreApplication.translate(
                    "VCardExport", "The file could not be written: {0}"
                ).format(os_errors.reason(exc, ui_language())),
            )

    ask_before_writing(
        parent,
        path,
        OutputKind.VCF,
        database=database,
        write=write,
        title=QCoreApplication.translate("VCardExport", "Export People (vCard)"),
    )
