"""Counted nouns, one way for every screen: "1 pursuit" / "1,234 pursuits", 「1,234 个项目」.

English needs the one-or-many choice ("1 pursuits" read wrong, "(s)" reads like a form); Chinese
needs its measure word (个项目, 个客户, 位关键人, 次拜访). The plain nouns live here once, in
the "Counts" context, so a screen never words them again; a phrase of its own ("3 new pursuits")
still picks its form with `counted`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.ui.common.format import count


def counted(n: int, one: str, many: str) -> str:
    """`one` for 1, else `many` with {0} as the number (thousands separated)."""
    return one if n == 1 else many.format(count(n))


def pursuits(n: int) -> str:
    return counted(
        n,
        QCoreApplication.translate("Counts", "1 pursuit"),
        QCoreApplication.translate("Counts", "{0} pursuits"),
    )


def accounts(n: int) -> str:
    return counted(
        n,
        QCoreApplication.translate("Counts", "1 account"),
        QCoreApplication.translate("Counts", "{0} accounts"),
    )


def people(n: int) -> str:
    """Stakeholders (关键人, the method's word), counted."""
    return counted(
        n,
        QCoreApplication.translate("Counts", "1 person"),
        QCoreApplication.translate("Counts", "{0} people"),
    )


def visits(n: int) -> str:
    return counted(
        n,
        QCoreApplication.translate("Counts", "1 visit"),
        QCoreApplication.translate("Counts", "{0} visits"),
    )
