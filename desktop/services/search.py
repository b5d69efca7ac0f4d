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
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text

from desktop.domain.text import strip_controls
from desktop.services.workspace import Workspace
from desktop.storage.tables import CoachingAnswer, Note, Pursuit, Visit

# Kinds in their display order (the order of groups when their best hits rank alike).
KINDS = ("pursuit", "account", "stakeholder", "visit", "coaching_answer", "note")
MIN_TRIGRAM = 3  # the trigram tokenizer matches terms of at least three characters

TIER_EXACT, TIER_PREFIX, TIER_NAME, TIER_CONTEXT, TIER_BODY = range(5)


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


# Document ids are allotted per kind in ranges (migration 0002), so one kind is a rowid range.
KIND_CODES = {
    "pursuit": 1,
    "account": 2,
    "stakeholder": 3,
    "visit": 4,
    "coaching_answer": 5,
    "note": 6,
}
KIND_BITS = 40
# Kinds whose documents have a name or context (answers and notes only have a body).
NAMED_KINDS = ("pursuit", "account", "stakeholder", "visit")
# A short word stands for the trigrams that start with it; past this many, names are scanned.
MAX_EXPANSION = 400
MAX_EXPANSION_DOCS = 20_000  # … or past this many documents holding those trigrams

_ALIVE_PURSUIT = """
    (d.pursuit_id IS NULL
     OR EXISTS (SELECT 1 FROM pursuits p WHERE p.id = d.pursuit_id AND p.alive))
"""
_COLUMNS = "d.kind, d.record_id, d.pursuit_id, d.name, d.context, d.body"
_JOIN = "search_index JOIN search_docs AS d ON d.id = search_index.rowid"


def kind_range(kind: str) -> tuple[int, int]:
    low = KIND_CODES[kind] << KIND_BITS
    return low, low + (1 << KIND_BITS) - 1


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class _Query:
    """The words of a query: an FTS5 expression of those the index can find cheaply, LIKE
    filters for the others (words too common to OR their trigrams), and the tier SQL."""

    def __init__(self, session: Any, text_: str) -> None:
        self.text = text_
        self.terms = text_.split()
        self.params: dict[str, Any] = {"text": text_, "prefix": _escape_like(self.terms[0]) + "%"}
        for number, term in enumerate(self.terms):
            self.params[f"t{number}"] = "%" + _escape_like(term) + "%"
        self.phrases: list[str] = []  # FTS5 pieces, ANDed
        self.common: list[int] = []  # numbers of the words matched by LIKE
        self.empty = False  # a word no document holds: nothing matches
        if len(text_.replace(" ", "")) == 1:
            self.common = [0]
            return
        words = [_word(session, term) for term in self.terms]
        if any(word is None for word in words):
            self.empty = True
            return
        for number, (phrase, common) in enumerate(words):  # type: ignore[misc]
            if common and len(words) > 1:
                self.common.append(number)  # another word narrows the search; LIKE this one
            elif phrase:
                self.phrases.append(phrase)
            else:
                self.common.append(number)

    @property
    def expression(self) -> str:
        return " AND ".join(self.phrases)

    @property
    def scan(self) -> bool:
        """Nothing for the index: names and contexts are scanned (no body search)."""
        return not self.phrases

    def like(self, *columns: str, numbers: list[int] | None = None) -> str:
        """SQL: each word (of `numbers`, default all) is in one of `columns`; TRUE for none."""
        numbers = list(range(len(self.terms))) if numbers is None else numbers
        if not numbers:
            return "1"
        return " AND ".join(
            "(" + " OR ".join(f"{c} LIKE :t{n} ESCAPE '\\'" for c in columns) + ")" for n in numbers
        )

    def tier(self) -> str:
        return f"""
            CASE
                WHEN lower(d.name) = lower(:text) THEN {TIER_EXACT}
                WHEN d.name LIKE :prefix ESCAPE '\\' AND {self.like("d.name")} THEN {TIER_PREFIX}
                WHEN {self.like("d.name")} THEN {TIER_NAME}
                ELSE {TIER_CONTEXT}
            END
        """


def _word(session: Any, term: str) -> tuple[str, bool] | None:
    """One word as FTS5: a phrase of its trigrams, or for a shorter word the OR of the indexed
    trigrams that start with it (every character starts one: texts end with a marker).

    Returns (expression, common) — common when the trigrams are in so many documents that a
    LIKE filter beside another word is cheaper; the expression is "" when there are too many
    trigrams to OR. None when no document holds the word.
    """
    if len(term) >= MIN_TRIGRAM:
        return _fts_phrase(term), False
    if len(term) == 1:
        return "", True  # starts hundreds of trigrams: a LIKE filter, or a scan of names
    low = term.lower()
    rows = session.execute(
        text("SELECT term, doc FROM search_terms WHERE term >= :low AND term < :high LIMIT :cap"),
        {"low": low, "high": low + "\U0010ffff", "cap": MAX_EXPANSION + 1},
    ).all()
    if not rows:
        return None
    if len(rows) > MAX_EXPANSION:
        return "", True
    common = sum(doc for _term, doc in rows) > MAX_EXPANSION_DOCS
    return "(" + " OR ".join(_fts_phrase(term) for term, _doc in rows) + ")", common


def _kind_rows(session: Any, query: _Query, kind: str, limit: int) -> list[Any]:
    """The best `limit` documents of `kind`: name matches ranked (exact, prefix, contains; then
    bm25), then context matches and body matches, newest first."""
    low, high = kind_range(kind)
    base = dict(query.params, low=low, high=high)
    where = "search_index MATCH :match AND search_index.rowid BETWEEN :low AND :high"
    where += f" AND {_ALIVE_PURSUIT}"
    expression = query.expression
    rows: list[Any] = []
    if kind in NAMED_KINDS:
        rows += session.execute(
            text(
                f"SELECT {_COLUMNS}, {query.tier()} AS tier FROM {_JOIN} WHERE {where} "
                f"AND {query.like('d.name', numbers=query.common)} "
                "ORDER BY tier, bm25(search_index, 10.0, 4.0, 1.0), d.name LIMIT :limit"
            ),
            dict(base, match=f"{{name}} : ({expression})", limit=limit),
        ).all()
        if len(rows) < limit:
            found = [r.record_id for r in rows]
            rows += session.execute(
                text(
                    f"SELECT {_COLUMNS}, {TIER_CONTEXT} AS tier FROM {_JOIN} WHERE {where} "
                    f"AND {query.like('d.name', 'd.context', 'd.body', numbers=query.common)} "
                    f"AND NOT ({query.like('d.name')}) "
                    "ORDER BY search_index.rowid DESC LIMIT :limit"
                ),
                dict(base, match=f"{{name context}} : ({expression})", limit=limit - len(rows)),
            ).all()
            rows = [r for r in rows if r.tier != TIER_CONTEXT or r.record_id not in found]
    if len(rows) < limit:
        # Those with every indexed word in the name or context were found above.
        match = expression
        if kind in NAMED_KINDS:
            match = f"({expression}) NOT {{name context}} : ({expression})"
        rows += session.execute(
            text(
                f"SELECT {_COLUMNS}, {TIER_BODY} AS tier FROM {_JOIN} WHERE {where} "
                f"AND {query.like('d.name', 'd.context', 'd.body', numbers=query.common)} "
                "ORDER BY search_index.rowid DESC LIMIT :limit"
            ),
            dict(base, match=match, limit=limit - len(rows)),
        ).all()
    return rows


def _scanned_rows(session: Any, query: _Query, kind: str, limit: int) -> list[Any]:
    """For a query of common words only: a scan of the names and contexts of `kind`."""
    if kind not in NAMED_KINDS:
        return []
    low, high = kind_range(kind)
    return session.execute(
        text(
            f"SELECT {_COLUMNS}, {query.tier()} AS tier FROM search_docs AS d "
            f"WHERE d.id BETWEEN :low AND :high AND {query.like('d.name', 'd.context')} "
            f"AND {_ALIVE_PURSUIT} ORDER BY tier, length(d.name), d.name LIMIT :limit"
        ),
        dict(query.params, low=low, high=high, limit=limit),
    ).all()


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
        query = _Query(session, text_)
        if query.empty:
            return []
        for kind in kinds:
            if query.scan:
                rows += _scanned_rows(session, query, kind, limit)
            else:
                rows += _kind_rows(session, query, kind, limit)
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
