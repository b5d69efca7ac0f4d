"""`pursuit print-plan` and `pursuit export-ics`: once as a user runs them (a separate process with
no display), the other cases in-process through `cli.main` to keep the suite quick."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, timedelta
from pathlib import Path

import icalendar
import pytest
from pypdf import PdfReader

from desktop.domain.methodology import default_catalog
from desktop.services import visits
from desktop.services.reports import ics, visit_plan
from desktop.services.visits import VisitDraft, utcnow
from desktop.services.workspace import Workspace


def pursuit(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the command must choose offscreen by itself
    env["LANG"] = "zh_CN.UTF-8" if lang == "zh" else "C.UTF-8"
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path):
    """A copy of the demo database, a coming visit of it, and its plan's content."""
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    ws = Workspace.open(path)
    rows = visits.upcoming_visits(ws, today=utcnow().date() + timedelta(days=7))
    row = next(r for r in rows if r.attendees and not r.is_past(utcnow()))
    plan = visit_plan.build_plan(ws, visit_id=row.id, lang="zh")
    ws.close()
    return path, row, plan


@pytest.fixture
def run(qapp, capsys, monkeypatch):
    """`pursuit ARGS` in this process: (exit code, stdout, stderr)."""
    from desktop import cli
    from desktop.infra import i18n

    def call(*args: str, lang: str = "en") -> tuple[int, str, str]:
        monkeypatch.setenv("LANG", "zh_CN.UTF-8" if lang == "zh" else "C.UTF-8")
        code = cli.main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    yield call
    i18n.install("zh_CN")


def text_of(pdf: Path) -> tuple[int, str]:
    reader = PdfReader(str(pdf))
    return len(reader.pages), "".join("".join(p.extract_text().split()) for p in reader.pages)


def test_print_a_visit_plan_in_chinese(demo, tmp_path: Path) -> None:
    db, row, plan = demo
    out = tmp_path / "plan.pdf"
    result = pursuit(
        "print-plan", "--db", str(db), "--visit", row.id, "--out", str(out), "--lang", "zh_CN"
    )
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout and "页" in result.stdout
    pages, text = text_of(out)
    assert 2 <= pages <= 3
    # The stakeholder map on a page of its own, as the window's 保存为 PDF prints it: the command
    # starts no window, so the composition root must hand the map's drawing to the plan itself.
    last = "".join(PdfReader(str(out)).pages[-1].extract_text().split())
    assert "关系图" in last and "关系图" not in text.removesuffix(last)
    for name in row.attendees:
        assert name in text
    assert "".join(plan.objective.split()) in text
    assert default_catalog().stage(plan.stage).process.zh in text
    for question in plan.questions_open:
        assert "".join(question.text.split()) in text
    assert not list(tmp_path.glob(".plan.pdf.*"))  # no temporary file left behind


def test_print_a_pursuit_plan_in_english(demo, run, tmp_path: Path) -> None:
    db, row, plan = demo
    out = tmp_path / "brief.pdf"
    code, _out, err = run(
        "print-plan", "--db", str(db), "--pursuit", row.pursuit_id, "--out", str(out)
    )
    assert code == 0, err
    pages, text = text_of(out)
    assert pages <= 2
    assert "Visitplan" in text and "datetobeset" in text
    assert "".join(default_catalog().stage(plan.stage).process.en.split()) in text


def test_a_pursuit_is_named_by_the_start_of_its_id(demo, run, tmp_path: Path) -> None:
    """As `pursuit agenda` shows it after the pursuit's next step (#…): 4 characters or more."""
    from desktop.services import records

    db, row, _plan = demo
    out = tmp_path / "brief.pdf"
    code, stdout, err = run(
        "print-plan", "--db", str(db), "--pursuit", "#" + row.pursuit_id[:6], "--out", str(out)
    )
    assert code == 0, err
    assert out.exists() and row.pursuit_title in stdout
    ws = Workspace.open(db)
    account_id = records.get(ws, "pursuit", row.pursuit_id)["account_id"]
    for twin in ("beef1111-0000-4000-8000-000000000001", "beef2222-0000-4000-8000-000000000002"):
        values = {"title": "同名前缀", "account_id": account_id, "stage": 2, "status": "open"}
        records.create(ws, "pursuit", values, record_id=twin)
    ws.close()
    for text, lang, message in (
        ("beef", "zh", "不止一个项目的编号以 beef 开头，请多写几个字符。"),
        ("bee", "en", "No pursuit bee (it may have been deleted). `pursuit list` shows"),
    ):
        again = tmp_path / "again.pdf"
        code, _out, err = run(
            "print-plan", "--db", str(db), "--pursuit", text, "--out", str(again), lang=lang
        )
        assert code == 1 and message in err and not again.exists()
    code, _out, err = run("print-plan", "--db", str(db), "--pursuit", "beef2", "--out", str(out))
    assert code == 0, err


def test_a_past_visit_is_printed_with_a_note(demo, run, tmp_path: Path) -> None:
    db, row, _plan = demo
    ws = Workspace.open(db)
    past, _ = visits.create_visit(
        ws,
        VisitDraft(
            pursuit_id=row.pursuit_id,
            starts_at=(utcnow() - timedelta(days=2)).replace(tzinfo=UTC),
            objective="回顾",
        ),
    )
    ws.close()
    out = tmp_path / "past.pdf"
    code, _out, err = run("print-plan", "--db", str(db), "--visit", past, "--out", str(out))
    assert code == 0
    assert "took place" in err and "nobody of the customer" in err
    assert out.exists()


@pytest.mark.parametrize(
    "args, lang, message",
    [
        (("--visit", "no-such-visit"), "en", "No visit no-such-visit"),
        (("--pursuit", "no-such-pursuit"), "zh", "找不到项目 no-such-pursuit"),
        (("--visit", "x", "--tz", "Mars/Olympus"), "en", "Unknown time zone: Mars/Olympus"),
    ],
)
def test_bad_input_gives_one_clear_line(demo, run, tmp_path: Path, args, lang, message) -> None:
    db, _row, _plan = demo
    out = tmp_path / "plan.pdf"
    code, _out, err = run("print-plan", "--db", str(db), *args, "--out", str(out), lang=lang)
    assert code == 1
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_unwritable_output_and_missing_database(demo, run, tmp_path: Path) -> None:
    db, row, _plan = demo
    code, _out, err = run(
        "print-plan", "--db", str(db), "--visit", row.id, "--out", str(tmp_path / "no" / "x.pdf")
    )
    assert code == 1 and "Cannot write" in err
    code, _out, err = run(
        "print-plan", "--db", str(tmp_path / "none.db"), "--visit", row.id, "--out", "x.pdf"
    )
    assert code == 1 and "No database" in err
    assert not (tmp_path / "none.db").exists()
    with pytest.raises(SystemExit) as usage:  # argparse: --visit and --pursuit exclude each other
        run("print-plan", "--db", str(db), "--visit", "a", "--pursuit", "b", "--out", "x")
    assert usage.value.code == 2


def test_export_ics_round_trip(demo, run, tmp_path: Path) -> None:
    db, row, _plan = demo
    out = tmp_path / "visit.ics"
    code, stdout, err = run(
        "export-ics", "--db", str(db), "--visit", row.id, "--out", str(out), "--tz", "Asia/Shanghai"
    )
    assert code == 0, err
    assert ": 1 event · time zone Asia/Shanghai" in stdout  # one reads "1 event", not "event(s)"
    (event,) = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    start = event.decoded("dtstart")
    assert str(start.tzinfo) == "Asia/Shanghai"
    assert start.astimezone(UTC).replace(tzinfo=None) == row.starts_at
    upcoming = tmp_path / "all.ics"
    code, said, err = run(
        "export-ics", "--db", str(db), "--upcoming", "--out", str(upcoming), "--tz", "UTC"
    )
    assert code == 0, err
    uids = [
        str(e["uid"]) for e in icalendar.Calendar.from_ical(upcoming.read_bytes()).walk("VEVENT")
    ]
    assert len(uids) >= 1 and len(uids) == len(set(uids)) and f" {len(uids)} " in said
    assert "(s)" not in said
    # The demo's open activities of the next two weeks are there beside the visits.
    ws = Workspace.open(db)
    try:
        planned = ics.upcoming_activity_ids(ws, tz="UTC")
    finally:
        ws.close()
    assert planned and {f"{a}@pursuit.local" for a in planned} <= set(uids)
    code, _out, err = run("export-ics", "--db", str(db), "--visit", "gone", "--out", str(upcoming))
    assert code == 1 and "No visit gone" in err
    code, _out, err = run(
        "export-ics", "--db", str(db), "--upcoming", "--days", "0", "--out", str(upcoming)
    )
    assert code == 1 and "--days" in err


def test_a_visit_is_named_by_the_start_of_the_id_agenda_shows(demo, run, tmp_path: Path) -> None:
    db, row, plan = demo
    code, out, err = run("agenda", "--db", str(db), "--days", "14")
    assert code == 0, err
    short = f"#{row.id[:8]}"
    [line] = [x for x in out.splitlines() if x.endswith(short)]
    assert "Visit" in line and plan.account in line
    pdf = tmp_path / "plan.pdf"
    code, said, err = run("print-plan", "--db", str(db), "--visit", short, "--out", str(pdf))
    assert code == 0, err
    assert plan.account in said and plan.title in said and pdf.exists()
    ics_file = tmp_path / "v.ics"
    code, _said, err = run(
        "export-ics", "--db", str(db), "--visit", row.id[:6].upper(), "--out", str(ics_file)
    )
    assert code == 0, err
    [event] = icalendar.Calendar.from_ical(ics_file.read_bytes()).walk("VEVENT")
    assert str(event["uid"]) == f"{row.id}@pursuit.local"

    # Too short to name one visit safely; a start two visits share: each says what to do.
    code, _out, err = run("print-plan", "--db", str(db), "--visit", "1", "--out", str(pdf))
    assert code == 1 and "No visit 1" in err and "pursuit agenda" in err
    ws = Workspace.open(db)
    try:
        twin = f"{row.id[:8]}-0000-4000-8000-000000000000"
        visits.create_visit(
            ws, VisitDraft(row.pursuit_id, utcnow() + timedelta(days=2), "再访"), visit_id=twin
        )
    finally:
        ws.close()
    code, _out, err = run("print-plan", "--db", str(db), "--visit", short, "--out", str(pdf))
    assert code == 1 and "More than one visit" in err
    code, _out, err = run("print-plan", "--db", str(db), "--visit", twin, "--out", str(pdf))
    assert code == 0, err
