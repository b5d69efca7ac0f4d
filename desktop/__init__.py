"""Pursuit (项目型销售管理): desktop app for B2B project sales.

The installer spec and the About box read the names below; keep this module import-free of Qt.
"""

import sys
from pathlib import Path

__version__ = "0.1.0"
APP_NAME = "Pursuit"
APP_NAME_ZH = "项目型销售管理"
APP_ID = "pursuit"
ORGANISATION = "Pursuit"
ORGANISATION_DOMAIN = "pursuit.local"


def resource_path(*parts: str) -> Path:
    """Path under resources/ (inside the bundle when frozen)."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base.joinpath("resources", *parts)
