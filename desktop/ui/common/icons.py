"""The shared icon set (resources/icons/lists): search, filter, tags, export and the like.

The Pursuits, Accounts, Search and Preferences screens draw from the same set, so a screen asks
for an icon here rather than through another screen.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon

from desktop.infra import paths


def icon(name: str) -> QIcon:
    """An icon of the shared set by its file name, without `.svg`."""
    return QIcon(str(paths.icons_dir() / "lists" / f"{name}.svg"))
