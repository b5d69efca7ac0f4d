"""Demo data in the language it is made in: an English demo writes no Chinese anywhere, it is the
Chinese demo of the same seed in other words (same rows, amounts, stages and dates), and the
Chinese demo is the one it always was (benchmarks and tests build theirs from it)."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

import pytest

# Han characters, CJK punctuation (、。「」) and full-width forms (，：；？！（）).
CJK = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
# What one run's database has of its own: ids, sync stamps, clock readings, derived indexes.
NOT_CONTENT = {"id", "created_at", "updated_at", "origin_site", "vv", "dots", "siblings", "seq"}
NOT_CONTENT_TABLES = ("search_", "sync_state", "alembic_", "sqlite_")
DAY = re.compile(r"\d{4}-\d\d-\d\d")


def table_rows(path: Path) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Every table's columns and rows, straight from the SQLite file."""
    with sqlite3.connect(path) as conn:
        names = [
            row[0]
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not row[0].startswith("sqlite_")
        ]
        tables = {}
        for name in names:
            cursor = conn.execute(f'SELECT * FROM "{name}"')
            tables[name] = ([d[0] for d in cursor.description], cursor.fetchall())
    conn.close()
    return tables


def content(path: Path) -> dict[str, list[str]]:
    """The demo's content per table, as rows sorted: no ids or stamps; a day as days from today;
    a time of day left out (it follows the clock); the derived tables (facts, search) left out."""
    today = date.today()
    found = {}
    for name, (columns, rows) in table_rows(path).items():
        if name.startswith(NOT_CONTENT_TABLES) or name.endswith("_facts"):
            continue
        keep = [i for i, c in enumerate(columns) if c not in NOT_CONTENT and not c.endswith("_id")]
        lines = []
        for row in rows:
            values = []
            for i in keep:
                value = row[i]
                if isinstance(value, str) and DAY.fullmatch(value):
                    value = (date.fromisoformat(value) - today).days
                elif isinstance(value, str) and DAY.match(value) and value[10:11] in (" ", "T"):
                    value = "<time>"
                values.append(value)
            lines.append(json.dumps(values, ensure_ascii=False))
        found[name] = sorted(lines)
    return found


def test_an_english_demo_writes_no_chinese(tmp_path: Path) -> None:
    from desktop.services import demo
    from desktop.services.demo import en

    path = tmp_path / "en.db"
    demo.build_demo(path, scale=20, seed=3, lang="en")
    tables = table_rows(path)
    chinese = {
        name: hits[:3]
        for name, (_columns, rows) in tables.items()
        if (hits := [v for row in rows for v in row if isinstance(v, str) and CJK.search(v)])
    }
    assert chinese == {}
    # Not an empty database passing for English: the tables are full, of the English words.
    for table in ("accounts", "people", "stakeholders", "coaching_answers", "notes", "activities"):
        assert tables[table][1], table
    columns, rows = tables["pursuits"]
    titles = {row[columns.index("title")] for row in rows}
    assert len(rows) == 20
    assert titles <= {p + s for p in en.WORDS.projects for s in ("", en.WORDS.second_phase)}
    columns, rows = tables["people"]
    assert {row[columns.index("email")].split("@")[1] for row in rows} == {"example.com"}
    assert all(re.fullmatch(r"\(\d{3}\) 555-\d{4}", row[columns.index("phone")]) for row in rows)


def test_the_english_demo_is_the_chinese_one_in_other_words(tmp_path: Path) -> None:
    from desktop.services import demo

    demo.build_demo(tmp_path / "zh.db", scale=20, seed=5, lang="zh")
    demo.build_demo(tmp_path / "en.db", scale=20, seed=5, lang="en")
    zh, en = content(tmp_path / "zh.db"), content(tmp_path / "en.db")
    assert {t: len(rows) for t, rows in zh.items()} == {t: len(rows) for t, rows in en.items()}
    assert zh["pursuits"] != en["pursuits"]  # in other words …

    def figures(path: Path) -> list[tuple[Any, ...]]:
        with sqlite3.connect(path) as conn:
            rows = conn.execute(
                "SELECT amount, currency, stage, status, expected_close, next_step_due"
                " FROM pursuits ORDER BY board_rank"
            ).fetchall()
        conn.close()
        return rows

    assert figures(tmp_path / "zh.db") == figures(tmp_path / "en.db")  # … the same pursuits


def test_both_languages_have_the_same_shape() -> None:
    """Each table as long as its counterpart, so that a seed draws the same in both."""
    from desktop.services.demo import en, zh

    def shape(value: Any) -> Any:
        if isinstance(value, str):
            return "text"
        if isinstance(value, dict):
            return [shape(item) for item in value.values()]
        if isinstance(value, (list, tuple)):
            return [shape(item) for item in value]
        return value  # a number: a risk's severity

    # Chinese draws these one character at a time from a string, English one word from a list.
    drawn_whole = ("surnames", "given_names", "brand_heads", "brand_tails")
    for field in fields(zh.WORDS):
        chinese, english = getattr(zh.WORDS, field.name), getattr(en.WORDS, field.name)
        if field.name in drawn_whole:
            chinese, english = list(chinese), list(english)
        assert shape(chinese) == shape(english), field.name
    for codes in ("close_reasons", "after_sale", "visit", "activity_subjects"):
        assert list(getattr(zh.WORDS, codes)) == list(getattr(en.WORDS, codes)), codes


def test_the_chinese_demo_is_the_one_it_always_was(tmp_path: Path) -> None:
    """Seed 1 (the benchmarks') gives what it gave before the demo had two languages: the digest
    of its content was taken from the demo of then, and a few of its values are shown."""
    from desktop.services import demo

    path = tmp_path / "zh.db"
    demo.build_demo(path, scale=20, seed=1)  # Chinese, as it always was without a language
    found = content(path)
    digest = hashlib.sha256(json.dumps(found, ensure_ascii=False).encode()).hexdigest()
    # s23: the address in the city of the name (it was 青岛 for 北京新泰), a case story for each
    # competitor, and no answer pointing at a value case; the rest as it was (same draws).
    assert found["accounts"][0].startswith('["北京新泰证券集团有限公司", "金融", "北京市高新区')
    assert any("「昂贵的半成品」" in row for row in found["competitors"])
    assert digest == CHINESE_SEED_1
    with sqlite3.connect(path) as conn:
        titles = [t for (t,) in conn.execute("SELECT title FROM pursuits ORDER BY board_rank")]
    conn.close()
    assert titles[:3] == CHINESE_SEED_1_TITLES


CHINESE_SEED_1 = "a91fbc362196603003dc2293f1ec3339a3ee7fbe97251937af5d2764596e7537"
CHINESE_SEED_1_TITLES = ["BI 报表平台", "设备物联网平台", "供应链协同平台"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_demo_says_nothing_its_own_data_denies(tmp_path: Path, lang: str) -> None:
    """An account is in the city its name says; a coaching answer does not point at a value case
    the pursuit has none of; each competitor has its own case story."""
    from desktop.services import demo
    from desktop.services.demo import words_for

    words = words_for(lang)
    path = tmp_path / f"{lang}.db"
    demo.build_demo(path, scale=30, seed=1, lang=lang)
    with sqlite3.connect(path) as conn:
        accounts = conn.execute("SELECT name, address FROM accounts").fetchall()
        answers = conn.execute(
            "SELECT a.answer FROM coaching_answers a WHERE NOT EXISTS"
            " (SELECT 1 FROM value_cases v WHERE v.pursuit_id = a.pursuit_id)"
        ).fetchall()
        stories = [s for (s,) in conn.execute("SELECT case_stories FROM competitors")]
    conn.close()
    assert accounts and answers
    for name, address in accounts:
        named = [c for c in words.cities if c in name]
        assert all(c in address for c in named), (name, address)
        assert sum(c in address for c in words.cities) == 1, address
    value_case = re.compile("价值建议书|value (proposal|case)", re.IGNORECASE)
    assert not [a for (a,) in answers if value_case.search(a)]
    assert len(stories) == len(words.competitors) == len(set(stories))
