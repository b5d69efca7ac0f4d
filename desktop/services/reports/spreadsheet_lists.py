"""The accounts list and the people of pursuits as spreadsheets (.xlsx or CSV).

The pursuits list had an export; a rep moving to another tool, or handing a territory over, also
needs the customers and the people. Both go through `spreadsheet.write_table`, so a cell that
starts with `=`, `+`, `-` or `@` stays text in Excel (a text cell in .xlsx, an apostrophe in CSV)
and the file is written atomically. The headers are the ones the table import recognises, so an
exported list imports back as it was.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.services.accounts import account_summaries
from desktop.services.reports import spreadsheet
from desktop.services.reports.spreadsheet import MONEY, NUMBER, TEXT, Written
from desktop.services.workspace import Workspace
from desktop.storage.tables import Account, Pursuit, Stakeholder, StakeholderRole


@dataclass(frozen=True)
class ListColumn:
    header: str
    kind: str = TEXT
    width: int = 14


def _columns(spec: Sequence[tuple[str, str, str, int]], zh: bool) -> list[ListColumn]:
    return [ListColumn(z if zh else e, kind, width) for z, e, kind, width in spec]


_ACCOUNT_COLUMNS = (
    ("客户名称", "Account", TEXT, 30),
    ("行业", "Industry", TEXT, 14),
    ("地址", "Address", TEXT, 30),
    ("进行中项目", "Open pursuits", NUMBER, 10),
    ("赢单项目", "Won pursuits", NUMBER, 10),
    ("在谈金额", "Open amount", MONEY, 16),
    ("加权金额", "Weighted amount", MONEY, 16),
    ("赢单金额", "Won amount", MONEY, 16),
    ("关键人数", "People", NUMBER, 8),
)
_PEOPLE_COLUMNS = (
    ("客户名称", "Account", TEXT, 28),
    ("项目名称", "Pursuit", TEXT, 28),
    ("姓名", "Name", TEXT, 12),
    ("职务", "Title", TEXT, 16),
    ("部门", "Department", TEXT, 16),
    ("电话", "Phone", TEXT, 16),
    ("邮箱", "Email", TEXT, 24),
    ("关系阶段", "Relationship", TEXT, 10),
    ("角色", "Buying roles", TEXT, 20),
)


def export_accounts(ws: Workspace, path: Path | str, zh: bool = True) -> Written:
    """Every live account with its pipeline totals, by name."""
    rows = [
        (
            a.name,
            a.industry,
            a.address,
            a.open_pursuits,
            a.won_pursuits,
            a.open_amount,
            a.weighted,
            a.won_amount,
            a.people,
        )
        for a in account_summaries(ws)
    ]
    title = "客户" if zh else "Accounts"
    return spreadsheet.write_table(path, _columns(_ACCOUNT_COLUMNS, zh), rows, sheet_title=title)


def export_people(
    ws: Workspace, path: Path | str, zh: bool = True, pursuit_id: str | None = None
) -> Written:
    """The people on every live pursuit's map (or on one pursuit's), by account, pursuit, name."""
    lang = "zh" if zh else "en"
    relationships = ws.catalog.vocab("relationship_stages")
    roles_vocab = ws.catalog.vocab("buying_roles")
    title = "关键人" if zh else "People"
    return spreadsheet.write_table(
        path,
        _columns(_PEOPLE_COLUMNS, zh),
        list(_people_rows(ws, pursuit_id, lang, relationships, roles_vocab)),
        sheet_title=title,
    )


def _people_rows(
    ws: Workspace, pursuit_id: str | None, lang: str, relationships: Any, roles_vocab: Any
) -> Iterator[tuple[Any, ...]]:
    query = (
        select(
            Stakeholder.id,
            Account.name,
            Pursuit.title,
            Stakeholder.name,
            Stakeholder.title,
            Stakeholder.department,
            Stakeholder.phone,
            Stakeholder.email,
            Stakeholder.relationship,
        )
        .join(Pursuit, Pursuit.id == Stakeholder.pursuit_id)
        .join(Account, Account.id == Pursuit.account_id)
        .where(Stakeholder.alive, Pursuit.alive)
        .order_by(Account.name, Pursuit.title, Stakeholder.name)
    )
    roles_query = (
        select(StakeholderRole.stakeholder_id, StakeholderRole.role)
        .join(Stakeholder, Stakeholder.id == StakeholderRole.stakeholder_id)
        .where(StakeholderRole.alive, Stakeholder.alive)
    )
    if pursuit_id is not None:
        query = query.where(Stakeholder.pursuit_id == pursuit_id)
        roles_query = roles_query.where(Stakeholder.pursuit_id == pursuit_id)
    with ws.read() as session:
        roles: dict[str, list[str]] = {}
        for person_id, role in session.execute(roles_query):
            roles.setdefault(person_id, []).append(roles_vocab.label(role, lang))
        for row in session.execute(query):
            person_id, *values, relationship = row
            yield (
                *values,
                relationships.label(relationship, lang),
                "、".join(sorted(roles.get(person_id, [])))
                if lang == "zh"
                else ", ".join(sorted(roles.get(person_id, []))),
            )
