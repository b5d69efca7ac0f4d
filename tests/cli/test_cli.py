"""The `pursuit` command, run as a user runs it: a separate process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__


def pursuit(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, LANG="zh_CN.UTF-8" if lang == "zh" else "C.UTF-8")
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_version() -> None:
    result = pursuit("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_demo_then_check_round_trip(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    made = pursuit("demo", "--db", str(db), "--scale", "40", "--seed", "3")
    assert made.returncode == 0, made.stderr
    assert "40 demo pursuits" in made.stdout
    checked = pursuit("check", "--db", str(db))
    assert checked.returncode == 0, checked.stderr
    assert "integrity: ok" in checked.stdout
    counts = {
        line.split()[0]: int(line.split()[1])
        for line in checked.stdout.splitlines()
        if line.startswith("  ")
    }
    assert counts["pursuits"] == 40
    assert counts["stakeholders"] == 200
    assert counts["stage_changes"] >= 40


def test_demo_is_deterministic_by_seed(tmp_path: Path) -> None:
    outputs = []
    for name in ("a.db", "b.db"):
        pursuit("demo", "--db", str(tmp_path / name), "--scale", "5", "--seed", "9")
        import sqlite3

        with sqlite3.connect(tmp_path / name) as conn:
            outputs.append(
                conn.execute(
                    "SELECT title, amount, stage FROM pursuits ORDER BY board_rank"
                ).fetchall()
            )
    assert outputs[0] == outputs[1]


def test_demo_is_written_in_the_commands_language(tmp_path: Path) -> None:
    """--lang, else the locale: the language the command's messages are in."""
    import re
    import sqlite3

    han = re.compile("[\u4e00-\u9fff]")
    english, chinese = tmp_path / "en.db", tmp_path / "zh.db"
    english.touch()  # an existing (empty) file: filled in place (fill_demo), not built beside
    made = pursuit("demo", "--db", str(english), "--scale", "3", "--lang", "en", lang="zh")
    assert made.returncode == 0, made.stderr
    assert pursuit("demo", "--db", str(chinese), "--scale", "3", lang="zh").returncode == 0
    texts = {}
    for path in (english, chinese):
        with sqlite3.connect(path) as conn:
            texts[path] = [
                text
                for (text,) in conn.execute(
                    "SELECT title || next_step FROM pursuits UNION ALL"
                    " SELECT name || title || department FROM people"
                )
            ]
        conn.close()
    assert texts[english] and not any(han.search(text) for text in texts[english])
    assert all(han.search(text) for text in texts[chinese])


def test_check_refuses_a_missing_database(tmp_path: Path) -> None:
    result = pursuit("check", "--db", str(tmp_path / "missing.db"))
    assert result.returncode == 1
    assert "No database at" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "missing.db").exists()


@pytest.mark.parametrize(
    "lang, expected", [("en", "is not a Pursuit database"), ("zh", "不是 Pursuit 数据库")]
)
def test_foreign_file_gives_one_clear_line(tmp_path: Path, lang: str, expected: str) -> None:
    foreign = tmp_path / "photo.jpg"
    foreign.write_bytes(b"\xff\xd8\xff\xe0 not a database at all")
    for command in (("check",), ("demo",)):
        result = pursuit(*command, "--db", str(foreign), lang=lang)
        assert result.returncode == 1
        assert expected in result.stderr
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert foreign.read_bytes().startswith(b"\xff\xd8")


def test_bad_arguments_exit_non_zero(tmp_path: Path) -> None:
    assert pursuit("demo").returncode == 2  # --db is required
    assert pursuit("demo", "--db", str(tmp_path / "x.db"), "--scale", "0").returncode == 1
    assert pursuit("frobnicate").returncode == 2


@pytest.mark.skipif(sys.platform == "win32", reason="a closed pipe is a POSIX notion here")
@pytest.mark.parametrize("command", ["check", "agenda"])
def test_a_reader_that_has_gone_ends_the_command_quietly(tmp_path: Path, command) -> None:
    """`pursuit check --db X | head -1`: once `head` has its line and exits, the command stops
    without a word, as Unix tools do (exit 141, what a shell reports for SIGPIPE)."""
    db = tmp_path / "demo.db"
    assert pursuit("demo", "--db", str(db), "--scale", "3").returncode == 0
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before the first line is written
    try:
        result = subprocess.run(
            [sys.executable, "-m", "desktop", command, "--db", str(db)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=dict(os.environ, LANG="C.UTF-8"),
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == 141
