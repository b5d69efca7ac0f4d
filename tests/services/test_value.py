"""The value case: made on first edit or first benefit line, figures from the domain."""

from __future__ import annotations

from desktop.services import pursuit_edits, pursuits, value
from desktop.services.pursuit_edits import Target
from desktop.services.pursuits import PursuitDraft


def test_value_case_lines_and_figures(ws) -> None:
    pid, _ = pursuits.create_pursuit(ws, PursuitDraft(title="MES", account_name="恒通"))
    sheet = value.value_of(ws, pid)
    assert not sheet.exists and sheet.case["horizon_years"] == 3
    line, changes = value.add_benefit(ws, pid, "人力节省", 100_000_00)
    assert changes.ids("pursuit_part") == {pid}
    value.add_benefit(ws, pid, "运维费", -20_000_00)
    pursuit_edits.save(ws, value.case_target(pid), {"investment": 240_000_00})
    sheet = value.value_of(ws, pid)
    assert sheet.exists
    assert [b["label"] for b in sheet.benefits] == ["人力节省", "运维费"]
    result = sheet.result
    assert result.net_yearly_benefit == 80_000_00
    assert result.payback_years == 3.0
    assert result.roi_percent == 0.0
    pursuit_edits.save(ws, Target("value_benefit", line), {"amount": 120_000_00})
    assert value.value_of(ws, pid).result.payback_years == 2.4
    changes = pursuit_edits.delete(ws, "value_benefit", line)
    assert changes.ids("pursuit_part") == {pid}
    assert len(value.value_of(ws, pid).benefits) == 1
