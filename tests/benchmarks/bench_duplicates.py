"""The duplicate finder at scale (issue 18): 10,000 accounts and 50,000 people, one in twenty
recorded twice (the company written another way, the phone with +86 and dashes), found by
`services.duplicates.find_duplicates` (target < 2 s). Figures printed, not asserted."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import insert

from desktop.services import duplicates
from desktop.services.workspace import Workspace
from desktop.storage import sync_meta
from desktop.storage.tables import Account, Person

ACCOUNTS = 10_000
PEOPLE = 50_000


def _fill(ws: Workspace) -> None:
    with ws.write() as session:
        dot = sync_meta.next_dot(session)
        accounts = [
            sync_meta.stamped_row(
                Account,
                {
                    "name": f"华东{n - 1}号精密制造（中国）有限公司"
                    if n % 20 == 0 and n > 0
                    else f"华东{n}号精密制造有限公司",
                    "industry": "",
                    "address": "",
                    "notes": "",
                },
                dot,
            )
            for n in range(ACCOUNTS)
        ]
        session.execute(insert(Account.__table__), accounts)
        people = []
        for n in range(PEOPLE):
            twin = n % 20 == 0 and n > 0
            number = n - 1 if twin else n
            people.append(
                sync_meta.stamped_row(
                    Person,
                    {
                        "account_id": accounts[number % ACCOUNTS]["id"],
                        "name": f"联系人{number}",
                        "title": "",
                        "department": "",
                        "phone": f"+86 138-{number:08d}" if twin else f"138{number:08d}",
                        "email": f"user{number}@example.cn",
                        "wechat": "",
                        "relationship": "acquainted",
                        "personality": None,
                        "interests": "",
                        "notes": "",
                        "merged_into": None,
                    },
                    dot,
                )
            )
        session.execute(insert(Person.__table__), people)


def test_duplicate_finder_over_10000_accounts_and_50000_people(
    tmp_path: Path, record: Callable[..., None]
) -> None:
    ws = Workspace.open(tmp_path / "dups.db")
    try:
        _fill(ws)
        started = time.perf_counter()
        groups = duplicates.find_duplicates(ws)
        elapsed = time.perf_counter() - started
    finally:
        ws.close()
    kinds = [g.kind for g in groups]
    assert kinds.count("account") == ACCOUNTS // 20 - 1
    assert kinds.count("person") == PEOPLE // 20 - 1
    record("duplicates: find over 10,000 accounts / 50,000 people", elapsed, "s", "< 2 s")
