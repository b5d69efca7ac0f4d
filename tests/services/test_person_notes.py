"""A person's notes for the map's side panel: only theirs, live ones, newest first, local dates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from desktop.services import activities, stakeholders
from desktop.services.pursuits import PursuitDraft, create_pursuit
from desktop.services.queries.timeline import person_notes


def test_person_notes_are_theirs_newest_first(ws) -> None:
    pid, _ = create_pursuit(ws, PursuitDraft(title="MES", account_name="恒通"))
    wang, _ = stakeholders.create_stakeholder(ws, pid, {"name": "王芳"})
    li, _ = stakeholders.create_stakeholder(ws, pid, {"name": "李强"})
    old, _ = activities.add_note(
        ws, "旧的", stakeholder_id=wang, noted_at=datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
    )
    new, _ = activities.add_note(ws, "新的", stakeholder_id=wang)
    activities.add_note(ws, "李强的", stakeholder_id=li)
    gone, _ = activities.add_note(ws, "删掉的", stakeholder_id=wang)
    activities.delete_note(ws, gone)

    beijing = timezone(timedelta(hours=8))
    notes = person_notes(ws, wang, tz=beijing)
    assert [(n.id, n.title, n.pursuit_id) for n in notes] == [
        (new, "新的", pid),
        (old, "旧的", pid),
    ]
    assert notes[1].day.isoformat() == "2026-03-02"  # 23:30 UTC is the next morning in Beijing
    assert person_notes(ws, "no-such-person") == []
