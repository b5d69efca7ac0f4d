"""Which accounts, competitors, and people of one account, are the same one recorded twice.

Accounts are the same when their names give one core (`company_core`: the company key of
`import_values` — 苏州恒通电子有限公司, 苏州恒通电子 (中国) 有限公司 and "苏州恒通 电子" — less the
generic words a legal name puts before its legal form): 西安瑞通精密机械 is
西安瑞通精密机械科技有限公司, a short name that is the distinctive part of a full legal name
whose rest is legal form. Competitors are companies too (金桥系统, "金桥 系统", 金桥系统有限公司).
The account page's 「可能重复」 and Duplicates use this one rule. People are the same when they
belong to one account and have one name (`person_key`) and no phone or email that tells them
apart, or share phone digits (`phone_key`: +86 138-0013-8000 is 13800138000) or an email and
are not told apart by both a different name and a different other contact (江强 and 邓轩 on one
team mailbox, each with their own mobile, are two people). Pure functions over plain
rows, in one pass with a union-find, so that 50,000 people are grouped in well under a second.
A name that is no account yet may still be close to one (`CloseAccounts`: 南京远科 beside
南京远科证券科技有限公司), which the import and the new-pursuit dialog say before making a
second record of one customer.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.company_names import short_name, without_place
from desktop.domain.import_values import company_key, email_key, fold, person_key, phone_key


@dataclass(frozen=True, slots=True)
class Group:
    """Records that look like one; `reason` is what they share first (name, phone, email)."""

    ids: tuple[str, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class PersonRow:
    id: str
    account_id: str | None
    name: str
    phone: str = ""
    email: str = ""


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.reason: dict[str, str] = {}

    def find(self, item: str) -> str:
        parent = self.parent.setdefault(item, item)
        while parent != self.parent[parent]:
            self.parent[parent] = self.parent[self.parent[parent]]
            parent = self.parent[parent]
        self.parent[item] = parent
        return parent

    def join(self, a: str, b: str, reason: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
            self.reason.setdefault(ra, self.reason.pop(rb, reason))

    def groups(self, order: list[str]) -> list[Group]:
        members: dict[str, list[str]] = {}
        for item in order:
            if item in self.parent:
                members.setdefault(self.find(item), []).append(item)
        return [
            Group(tuple(ids), self.reason.get(root, "name"))
            for root, ids in members.items()
            if len(ids) > 1
        ]


def account_groups(rows: Iterable[tuple[str, str]]) -> list[Group]:
    """(id, name) rows → groups of accounts with one company core, in the rows' order."""
    return _company_groups(rows)


def competitor_groups(rows: Iterable[tuple[str, str]]) -> list[Group]:
    """(id, name) rows → groups of competitors with one company core, in the rows' order."""
    return _company_groups(rows)


# Words a legal name puts between the company's own name and its legal form (西安瑞通精密机械
# 科技有限公司, Acme Trading Co., Ltd.): they tell no company from another, so a name without
# them is the same company. Industries (证券, 电子, 机械) are not among them: 南京远科 and
# 南京远科证券 may be two companies, which the new-pursuit dialog only asks about (CloseAccounts).
_ZH_GENERIC = ("科技", "技术", "实业", "发展", "贸易", "商贸", "工贸", "国际")
_EN_GENERIC = frozenset(
    [
        "trading",
        "technology",
        "technologies",
        "tech",
        "international",
        "industries",
        "industrial",
        "holding",
        "holdings",
        "group",
    ]
)
_LATIN = re.compile(r"[a-z]")
_WORDS = re.compile(r"[\s\W_]+")


@functools.lru_cache(maxsize=65_536)  # the account page asks again for the names it read
def company_core(name: str) -> str:
    """What makes two company names one company, for Duplicates and the account page: the
    company key less the generic words at its end (西安瑞通精密机械科技有限公司 → 西安瑞通精密机械,
    Acme Trading Co., Ltd. → acme); "" for no name. The words stay when too little would be
    left to tell a company by (北京科技有限公司 stays 北京科技)."""
    core = company_key(name or "")
    if _LATIN.search(core):
        # Words, not letters: Acmetrix is no Acme Trading. The key is these words joined.
        words = [w for w in _WORDS.split(short_name(fold(name)).casefold()) if w]
        while len(words) > 1 and words[-1] in _EN_GENERIC:
            words.pop()
        core = "".join(words)
    changed = True
    while changed:
        changed = False
        for word in _ZH_GENERIC:
            rest = core[: -len(word)]
            if core.endswith(word) and _long_enough(without_place(rest)) and not _place(rest):
                core, changed = rest, True
                break
    return core


def _place(name: str) -> bool:
    # 北京, 南京市: a place alone names no company (`without_place` keeps what it cannot cut).
    return without_place(name + "某某") == "某某"


def _company_groups(rows: Iterable[tuple[str, str]]) -> list[Group]:
    first: dict[str, str] = {}
    union = _Union()
    order = []
    for account_id, name in rows:
        order.append(account_id)
        key = company_core(name or "")
        if not key:
            continue
        if key in first:
            union.join(first[key], account_id, "name")
        else:
            first[key] = account_id
    # A name without its city (恒通电子) is the company of that city (苏州恒通电子有限公司) when
    # only one city's has it; with two (苏州 and 上海恒通电子) it is neither, and they stay apart.
    placed: dict[str, set[str]] = {}
    for key in first:
        bare = without_place(key)
        if bare != key:
            placed.setdefault(bare, set()).add(key)
    for bare, keys in placed.items():
        if len(keys) == 1 and bare in first:
            union.join(first[next(iter(keys))], first[bare], "name")
    return union.groups(order)


def people_groups(rows: Iterable[PersonRow]) -> list[Group]:
    """Groups of people of one account that look like one person, in the rows' order."""
    union = _Union()
    order: list[str] = []
    # (account, "phone" or "email", key) → (id, name, the other contact) of the first person
    # so; `apart` the later ones told apart from the first (few: one dict look-up a row mostly).
    seen: dict[tuple[str | None, str, str], tuple[str, str, str]] = {}
    apart: dict[tuple[str | None, str, str], list[tuple[str, str, str]]] = {}
    by_name: dict[tuple[str | None, str], list[tuple[str, str, str]]] = {}
    for row in rows:
        order.append(row.id)
        phone, email = phone_key(row.phone or ""), email_key(row.email or "")
        name = person_key(row.name or "")
        for reason, key, contact in (("phone", phone, email), ("email", email, phone)):
            if not key:
                continue
            mine = (row.id, name, contact)
            first = seen.setdefault((row.account_id, reason, key), mine)
            if first is mine:
                continue
            # One phone or email: the same person unless their names differ AND so does the
            # other contact (江强 and 邓轩 on one team mailbox, each with their own mobile). A
            # name alone tells little: 周总, 周经理 and Zhou are one person written three ways.
            others = apart.setdefault((row.account_id, reason, key), [])
            for other_id, other_name, theirs in (first, *others):
                if not _differ(name, other_name) or not _differ(contact, theirs):
                    union.join(other_id, row.id, reason)
                    break
            else:
                others.append(mine)
        if not name:
            continue
        # One name: the same person unless a phone or an email tells them apart.
        for other_id, other_phone, other_email in by_name.setdefault((row.account_id, name), []):
            if not _differ(phone, other_phone) and not _differ(email, other_email):
                union.join(other_id, row.id, "name")
                break
        by_name[(row.account_id, name)].append((row.id, phone, email))
    return union.groups(order)


def _differ(mine: str, theirs: str) -> bool:
    """Whether two names, phones or emails tell two people apart: both known, and not one."""
    return bool(mine and theirs and mine != theirs)


@dataclass(frozen=True, slots=True)
class Standing:
    """How established an account is, to choose which of two records of it a merge keeps."""

    id: str
    pursuits: int
    people: int
    created: str  # ISO time: the older record is the one the team has been using
    name: str


def established_first(records: Iterable[Standing]) -> list[str]:
    """Ids, the record to keep first: more pursuits, then more people, then the older, then the
    fuller name (西安瑞通精密机械科技有限公司 over 西安瑞通精密机械). A short name typed in a
    hurry is kept only when it is the one the team's work is on."""
    ranked = sorted(records, key=lambda r: (-r.pursuits, -r.people, r.created, -len(r.name), r.id))
    return [r.id for r in ranked]


# --- a name that is not an account yet, but close to one ------------------------------------------
_CJK = re.compile(r"[\u3400-\u9fff]")


def _long_enough(stem: str) -> bool:
    # Two Chinese characters name a company (远科); two Latin letters do not (Ac).
    return len(stem) >= (2 if _CJK.search(stem) else 3)


class CloseAccounts:
    """The accounts whose names are close to a name typed or imported, without being the same
    company: one name's distinctive part begins the other's (南京远科 and 南京远科证券科技有限公司,
    新诚港务 and 南京新诚港务有限公司, Acme and Acme Trading Co., Ltd.). A new account under such a
    name is most often a second record of one customer, so it is offered before one is made.
    Built once from (id, name) rows; each question looks up a sorted list, so an import of
    thousands of rows against thousands of accounts stays quick."""

    LIMIT = 3  # more than a few "did you mean"s are no help

    def __init__(self, rows: Iterable[tuple[str, str]]) -> None:
        self._keys: dict[str, list[tuple[str, str]]] = {}
        self._stems: dict[str, list[tuple[str, str]]] = {}
        for account_id, name in rows:
            self._add(account_id, name, company_key(name or ""))
        self._sorted = sorted(self._stems)

    @classmethod
    def keyed(cls, rows: Iterable[tuple[str, str, str]]) -> CloseAccounts:
        """From (id, name, company key) rows whose keys are known already (the import's index of
        accounts): the key is the costly part of a name to work out."""
        close = cls(())
        for account_id, name, key in rows:
            close._add(account_id, name, key)
        close._sorted = sorted(close._stems)
        return close

    def _add(self, account_id: str, name: str, key: str) -> None:
        if key:
            self._keys.setdefault(key, []).append((account_id, name))
            self._stems.setdefault(without_place(key), []).append((account_id, name))

    def same(self, name: str) -> list[tuple[str, str]]:
        """(id, name) of the accounts that are this company written otherwise (南京远科证券科技
        for 南京远科证券科技有限公司): one company key, another exact name."""
        return [hit for hit in self._keys.get(company_key(name), []) if hit[1] != name.strip()]

    def of(self, name: str, key: str | None = None) -> list[tuple[str, str]]:
        """(id, name) of the accounts close to `name` (whose company key is `key`, when known),
        nearest first; none when `name` is an account already (same company key) or too short
        to tell a company by."""
        key = company_key(name) if key is None else key
        stem = without_place(key)  # the distinctive part: 南京远科证券科技有限公司 → 远科证券科技
        if not key or key in self._keys or not _long_enough(stem):
            return []
        found: list[str] = []
        # Theirs begins with ours: every stem in the sorted list from `stem` on that starts so.
        at = bisect.bisect_left(self._sorted, stem)
        while at < len(self._sorted) and self._sorted[at].startswith(stem):
            found.append(self._sorted[at])
            at += 1
        # Ours begins with theirs (南京远科证券 typed, 南京远科 on file).
        for end in range(len(stem) - 1, 0, -1):
            if stem[:end] in self._stems and _long_enough(stem[:end]):
                found.append(stem[:end])
        found.sort(key=lambda s: (abs(len(s) - len(stem)), s))
        close = [hit for s in found for hit in self._stems[s]]
        return close[: self.LIMIT]
