"""File ▸ Import ▸ Table… and vCard Contacts… (the import wizard), and File ▸ Export Lists ▸
Accounts… / People… (the lists as .xlsx or CSV). Installed by the main window's MENU_EXTENSIONS."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.services import os_errors
from desktop.ui.common.host import WindowHost
from desktop.ui.common.output_check import OutputKind, ask_before_writing


def install(window: WindowHost) -> None:
    ImportActions(window)


class ImportActions(QObject):
    """The import and list-export actions of one main window."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window.window())
        self.window = window
        self.ctx = window.ctx
        self.wizard: QObject | None = None  # the wizard on screen now (tests look at it)
        parent = window.window()
        menu = window.file_menu
        import_menu = menu.addMenu(QCoreApplication.translate("Import", "I&mport"))
        import_menu.setObjectName("menu_import")
        menu.insertMenu(window.file_extra_anchor, import_menu)
        self.table_action = QAction(
            QCoreApplication.translate("Import", "&Table (Excel, CSV)…"), parent
        )
        self.table_action.setObjectName("action_import_table")
        self.table_action.triggered.connect(lambda: self.open_wizard("table"))
        self.vcard_action = QAction(
            QCoreApplication.translate("Import", "&Contacts (vCard)…"), parent
        )
        self.vcard_action.setObjectName("action_import_vcard")
        self.vcard_action.triggered.connect(lambda: self.open_wizard("vcard"))
        import_menu.addActions([self.table_action, self.vcard_action])
        export_menu = menu.addMenu(QCoreApplication.translate("Import", "Export &Lists"))
        export_menu.setObjectName("menu_export_lists")
        menu.insertMenu(window.file_extra_anchor, export_menu)
        accounts = QAction(QCoreApplication.translate("Import", "&Accounts…"), parent)
        accounts.setObjectName("action_export_accounts")
        accounts.triggered.connect(lambda: self.export_list("accounts"))
        people = QAction(QCoreApplication.translate("Import", "&People of All Pursuits…"), parent)
        people.setObjectName("action_export_people")
        people.triggered.connect(lambda: self.export_list("people"))
        self.pursuit_vcards = QAction(
            QCoreApplication.translate("Import", "People of the Open Pursuit (&vCard)…"), parent
        )
        self.pursuit_vcards.setObjectName("action_export_pursuit_vcards")
        self.pursuit_vcards.triggered.connect(lambda: self.export_pursuit_people())
        export_menu.addActions([accounts, people, self.pursuit_vcards])
        # Offered when a pursuit is open or selected (the board, the list, the workspace).
        export_menu.aboutToShow.connect(
            lambda: self.pursuit_vcards.setEnabled(self.window.current_pursuit() is not None)
        )

    def export_pursuit_people(self, path: Path | None = None) -> None:
        """The people on the open pursuit's map as a .vcf file."""
        from desktop.services.imports import vcards
        from desktop.ui.common.vcard_export import export_people

        pursuit_id = self.window.current_pursuit()
        if pursuit_id is None:
            return
        ws = self.ctx.workspace
        name = QCoreApplication.translate("Import", "People")
        export_people(
            self.window.window(),
            ws.path,
            lambda: vcards.pursuit_cards(ws, pursuit_id),
            name,
            path,
        )

    def open_wizard(self, mode: str, path: Path | None = None) -> QObject:
        from desktop.ui.imports.wizard import ImportWizard

        # People go onto the map of the pursuit open or selected now, unless chosen otherwise.
        wizard = ImportWizard(self.ctx, mode, self.window.window(), self.window.current_pursuit())
        if path is not None:
            wizard.file_page.edit.setText(str(path))
        self.wizard = wizard
        wizard.show()
        return wizard

    def export_list(self, kind: str, path: Path | None = None) -> None:
        """Ask where (unless `path` is given), check the place, then write the list."""
        parent = self.window.window()
        if path is None:
            name = (
                QCoreApplication.translate("Import", "Accounts")
                if kind == "accounts"
                else QCoreApplication.translate("Import", "People")
            )
            chosen, _ = QFileDialog.getSaveFileName(
                parent,
                QCoreApplication.translate("Import", "Export List"),
                f"{name}.xlsx",
                QCoreApplication.translate("Import", "Excel workbook (*.xlsx);;CSV (*.csv)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        output = OutputKind.XLSX if path.suffix.lower() == ".xlsx" else OutputKind.CSV
        ask_before_writing(
            parent,
            path,
            output,
            database=self.ctx.workspace.path,
            write=lambda target: self._write_list(kind, target),
            title=QCoreApplication.translate("Import", "Export List"),
        )

    def _write_list(self, kind: str, path: Path) -> None:
        from desktop.services.reports import spreadsheet_lists

        zh = self.ctx.language.startswith("zh")
        ws = self.ctx.workspace
        try:
            if kind == "accounts":
                spreadsheet_lists.export_accounts(ws, path, zh)
            else:
                spreadsheet_lists.export_people(ws, path, zh)
        except OSError as exc:
            QMessageBox.warning(
                self.window.window(),
                QCoreApplication.translate("Import", "Export List"),
                QCoreApplication.translate("Import", "The list could not be written: {0}").format(
                    os_errors.reason(exc, self.ctx.lang)
                ),
            )
