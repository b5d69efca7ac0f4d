"""Global search: pursuits, accounts, stakeholders, visits, coaching answers and notes.

The index is an SQLite FTS5 table with the trigram tokenizer (`search_index` over `search_docs`,
migration 0002), kept in step by triggers, so any substring matches — Chinese words included,
which a word tokenizer would miss. A word of three or more characters is a phrase of trigrams; a
shorter one (a surname, "恒通") becomes the OR of the indexed trigrams that start with it, looked
up in the index's vocabulary (`search_terms`); a word so short and common that it starts hundreds
of trigrams (a single Latin letter) falls back to a scan of names.

Ranking, within each kind: the record's name equal to the query, then names starting with it, then
names containing it (ties by FTS5's bm25), then a match in the context (account of a pursuit, title
of a person), then anywhere else — those two newest first. Each kind is queried on its own range of
document ids with a LIMIT, so a common word costs no more than a rare one. Children of a deleted
pursuit are not found; a soft-deleted record has no document at all.

The SQL over the index (the query's words as FTS5 and LIKE terms, the tiers, the per-kind reads)
lives in `storage.queries`, the one module that owns hand-written SQL; this module ranks, labels
and excerpts what it finds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from desktop.domain.text import strip_controls
from desktop.services.workspace import Workspace

# The tiers of a hit (`Hit.rank`), best first, and a kind's id range: the SQL computes them and
# callers compare with them, so they are public here too.
from desktop.storage.queries import TIER_BODY as TIER_BODY
from desktop.storage.queries import TIER_CONTEXT as TIER_CONTEXT
from desktop.storage.queries import TIER_EXACT as TIER_EXACT
from desktop.storage.queries import TIER_NAME as TIER_NAME
from desktop.storage.queries import TIER_PREFIX as TIER_PREFIX
from desktop.storage.queries import SearchQuery, scanned_rows, search_count, search_rows
from desktop.storage.queries import kind_range as kind_range
from desktop.storage.tables import CoachingAnswer, Note, Pursuit, Visit

# Kinds in their display order (the order of groups when their best hits rank alike).
KINDS = ("pursuit", "account", "stakeholder", "visit", "coaching_answer", "note")
# `count` stops here: a common word in a big database is "more than this many", never slow.
COUNT_CAP = 999


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result. `label` is what the record is called, `detail` what else identifies it.

    `rank` is the tier of the match (0 = the name is the query … 4 = found in the body text);
    `snippet` the text around a match outside the name; `when` the visit's start (UTC) or the
    note's creation time.
    """

    kind: str  # one of KINDS
    id: str
    label: str
    detail: str
    pursuit_id: str | None
    pursuit_title: str = ""
    snippet: str = ""
    rank: int = TIER_BODY
    when: datetime | None = None
    stage: int | None = None  # the pursuit's stage (pursuits and their records)
    status: str = ""  # the pursuit's status

    @property
    def exact(self) -> bool:
        return self.rank == TIER_EXACT


def search(
    ws: Workspace,
    text_: str,
    *,
    limit: int = 50,
    lang: str = "zh",
    kinds: tuple[str, ...] = KINDS,
) -> list[Hit]:
    """Records matching every word of `text_` (case-insensitive substrings), at most `limit` per
    kind, grouped by kind: the group with the best hit first, each group best hit first.

    A one-character query, or one of words so common that the index cannot narrow them, looks at
    names and contexts only. `lang` picks the language of coaching questions (an answer's label
    is its question).
    """
    text_ = " ".join(strip_controls(text_).split())  # a NUL would break the query
    kinds = tuple(k for k in KINDS if k in kinds)
    if not text_ or limit <= 0 or not kinds:
        return []
    rows: list[Any] = []
    with ws.read() as session:
        query = SearchQuery(session, text_)
        if query.empty:
            return []
        for kind in kinds:
            if query.scan:
                rows += scanned_rows(session, query, kind, limit)
            else:
                rows += search_rows(session, query, kind, limit)
        if not rows:
            return []
        extra = _details(session, rows)
    hits = [_hit(ws, row, text_, extra, lang) for row in rows]
    best: dict[str, int] = {}
    for hit in hits:
        best[hit.kind] = min(best.get(hit.kind, TIER_BODY), hit.rank)
    order = {kind: (best[kind], KINDS.index(kind)) for kind in best}
    # Stable sort: within a kind the order of the queries (tier, then score) is kept.
    return sorted(hits, key=lambda h: order[h.kind])


def count(
    ws: Workspace, text_: str, kinds: tuple[str, ...] = KINDS, *, cap: int = COUNT_CAP
) -> dict[str, int]:
    """How many records of each of `kinds` `search` finds for `text_` when not limited, counted
    up to `cap` + 1 (so a number above `cap` means "more than `cap`").

    `search` shows the best few of each kind; this says how many there are in all.
    """
    text_ = " ".join(strip_controls(text_).split())
    kinds = tuple(k for k in KINDS if k in kinds)
    if not text_ or not kinds:
        return {}
    with ws.read() as session:
        query = SearchQuery(session, text_)
        if query.empty:
            return {kind: 0 for kind in kinds}
        return {kind: search_count(session, query, kind, cap + 1) for kind in kinds}


def _details(session: Any, rows: list[Any]) -> dict[str, dict[str, Any]]:
    """What the documents do not hold: pursuit titles and stages, visit times, question keys."""
    ids = {kind: [r.record_id for r in rows if r.kind == kind] for kind in KINDS}
    pursuit_ids = list({r.pursuit_id for r in rows if r.pursuit_id})
    extra: dict[str, dict[str, Any]] = {
        "pursuit": {},
        "visit": {},
        "coaching_answer": {},
        "note": {},
    }
    if pursuit_ids:
        for pid, title, stage, status in session.execute(
            select(Pursuit.id, Pursuit.title, Pursuit.stage, Pursuit.status).where(
                Pursuit.id.in_(pursuit_ids)
            )
        ):
            extra["pursuit"][pid] = (title, stage, status)
    if ids["visit"]:
        extra["visit"] = _pairs(session, Visit.id, Visit.starts_at, ids["visit"])
    if ids["coaching_answer"]:
        extra["coaching_answer"] = _pairs(
            session, CoachingAnswer.id, CoachingAnswer.question_key, ids["coaching_answer"]
        )
    if ids["note"]:
        extra["note"] = _pairs(session, Note.id, Note.created_at, ids["note"])
    return extra


def _pairs(session: Any, key: Any, value: Any, ids: list[str]) -> dict[str, Any]:
    return {k: v for k, v in session.execute(select(key, value).where(key.in_(ids)))}


def _hit(ws: Workspace, row: Any, query: str, extra: dict[str, dict[str, Any]], lang: str) -> Hit:
    kind, record_id, pursuit_id, name, context, body, tier = row
    pursuit_title, stage, status = extra["pursuit"].get(pursuit_id, ("", None, ""))
    label, detail, when = name, context, None
    snippet = ""
    if tier == TIER_BODY:
        snippet = excerpt(body, query)
    if kind == "visit":
        when = extra["visit"].get(record_id)
        label = name or context
    elif kind == "coaching_answer":
        key = extra["coaching_answer"].get(record_id, "")
        try:
            label = ws.catalog.question(key).text(lang)
        except KeyError:
            label = key
        snippet = snippet or excerpt(body, query)
    elif kind == "note":
        when = extra["note"].get(record_id)
        first_line = body.strip().splitlines()[0] if body.strip() else ""
        label = first_line if len(first_line) <= 60 else first_line[:59] + "…"
        snippet = snippet or excerpt(body, query)
    return Hit(
        kind=kind,
        id=record_id,
        label=label,
        detail=detail,
        pursuit_id=pursuit_id,
        pursuit_title=pursuit_title if kind != "pursuit" else "",
        snippet=snippet,
        rank=int(tier),
        when=when,
        stage=stage,
        status=status,
    )


def excerpt(body: str, query: str, before: int = 16, after: int = 48) -> str:
    """The text around the first match of the query's first word, from the line that has it."""
    words = query.split()
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    if not lines:
        return ""
    line = next(
        (ln for ln in lines if any(w.lower() in ln.lower() for w in words)),
        lines[0],
    )
    flat = " ".join(line.split())
    lowered = flat.lower()
    at = -1
    for word in words:
        at = lowered.find(word.lower())
        if at >= 0:
            break
    if at < 0:
        return flat if len(flat) <= before + after else flat[: before + after] + "…"
    start = max(0, at - before)
    end = min(len(flat), at + after)
    return ("…" if start > 0 else "") + flat[start:end] + ("…" if end < len(flat) else "")
