"""Every path the app uses comes from here, so tests can redirect them all to a temporary folder.

`PURSUIT_DATA_DIR` overrides the user data folder (tests, portable installs); otherwise Qt's
AppDataLocation is used, which the platform defines (e.g. ~/.local/share/Pursuit/Pursuit).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from desktop import APP_NAME, ORGANISATION, resource_path

DATA_DIR_ENV = "PURSUIT_DATA_DIR"
DATABASE_NAME = "pursuit.db"


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        path = Path(override)
    else:
        if not QCoreApplication.organizationName():
            QCoreApplication.setOrganizationName(ORGANISATION)
            QCoreApplication.setApplicationName(APP_NAME)
        path = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        )
    path.mkdir(parents=True, exist_ok=True)
    return path


def documents_dir() -> Path:
    """Where a file dialog starts the first time: the Documents folder, or home when there is
    none (a dialog given a missing folder opens in the program's working folder instead)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def default_database() -> Path:
    return data_dir() / DATABASE_NAME


def settings_file() -> Path:
    return data_dir() / "settings.ini"


def log_file() -> Path:
    return data_dir() / "pursuit.log"


def translations_dir() -> Path:
    return resource_path("translations")


def icons_dir() -> Path:
    return resource_path("icons")
