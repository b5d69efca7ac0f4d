"""People from and to vCard files (.vcf): a phone's or Outlook's contacts onto a pursuit's map,
and a pursuit's people out to a phone.

Reading follows RFC 6350 (vCard 4.0) and RFC 2426 (3.0), and what old phones write in 2.1: a file
holds many cards; lines are unfolded first (a line starting with a space or tab continues the one
before); a value may be QUOTED-PRINTABLE with a CHARSET (GB2312/GBK from Chinese phones, the soft
line break "=" at the end continuing it), or escaped (`\\,` `\\;` `\\n`). The file's bytes are
decoded as UTF-8 when they are, else GB18030. Of a card we read FN (else N put together: family
name first, as a Chinese name is written), TEL (the first cell/mobile one, else the first),
EMAIL, ORG (the company; its first component), TITLE, and the department (ORG's second component).

Each card becomes a row of the people import (`table_import`): onto an account (people with no
card on a map yet) or onto a pursuit's map, the same preview with duplicates (phone, email, name)
among that account's people or on that map, the same one-transaction import and undo.

Writing makes vCard 3.0 (what every phone and Outlook reads) in UTF-8, escaped and folded at 75
octets, through `write_atomically`.
"""

from __future__ import annotations

import quopri
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from desktop.domain import import_values as iv
from desktop.services import stakeholders
from desktop.services.errors import NotFound
from desktop.services.imports.reading import (
    GB18030,
    UTF8,
    ImportFileError,
    SheetInfo,
    SourceRow,
    Table,
    as_unreadable,
    check_settled,
)
from desktop.services.workspace import Workspace
from desktop.storage.files import write_atomically
from desktop.storage.tables import Account, Person, Pursuit

MAX_BYTES = 20 * 1024 * 1024  # ~50,000 cards with photos cut out; more is not a contact list
MAX_CARDS = 20_000

# The columns of the Table a vCard file becomes, in the people import's own words.
HEADERS = ("姓名", "职务", "部门", "手机", "邮箱", "单位")
MAPPING = {
    0: iv.PERSON_NAME,
    1: iv.TITLE,
    2: iv.DEPARTMENT,
    3: iv.PHONE,
    4: iv.EMAIL,
    5: iv.ACCOUNT_NAME,  # read only when the people go onto the companies their cards name
}


@dataclass(frozen=True, slots=True)
class Card:
    name: str
    title: str = ""
    department: str = ""
    phone: str = ""
    email: str = ""
    organisation: str = ""
    line: int = 0  # where the card begins in the file


def read_vcards(path: Path | str) -> list[Card]:
    """The cards of a .vcf file, or ImportFileError (too big, not a vCard file)."""
    path = Path(path)
    check_settled(path)
    with as_unreadable(path):
        if path.stat().st_size > MAX_BYTES:
            raise ImportFileError("too_big", f"{MAX_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    cards = parse_vcards(data)
    if not cards:
        raise ImportFileError("no_cards", path.name)
    return cards


def _decode(data: bytes) -> str:
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode(UTF8)
    except UnicodeDecodeError:
        return data.decode(GB18030, errors="replace")


def _unfolded(text: str) -> Iterator[tuple[int, str]]:
    """Logical lines with the number of their first physical line: RFC folding (CRLF + space or
    tab) and quoted-printable soft breaks ("=" at the end) joined."""
    current: str | None = None
    start = 0
    qp_open = False
    for number, raw in enumerate(text.splitlines(), start=1):
        if current is not None and qp_open:
            current = current[:-1] + raw.lstrip()
        elif current is not None and raw[:1] in (" ", "\t"):
            current += raw[1:]
        else:
            if current is not None:
                yield start, current
            current, start = raw, number
        qp_open = "QUOTED-PRINTABLE" in current.split(":", 1)[0].upper() and current.endswith("=")
    if current is not None:
        yield start, current


_PARAM_SPLIT = re.compile(r";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")


def _property(line: str) -> tuple[str, dict[str, str], str] | None:
    if ":" not in line:
        return None
    head, value = line.split(":", 1)
    parts = _PARAM_SPLIT.split(head)
    name = parts[0].rsplit(".", 1)[-1].upper()  # "item1.TEL" (Apple's groups)
    params: dict[str, str] = {}
    for part in parts[1:]:
        if "=" in part:
            key, val = part.split("=", 1)
            params[key.upper()] = (
                params.get(key.upper(), "") + ("," if key.upper() in params else "") + val
            ).strip('"')
        else:  # vCard 2.1: bare "CELL", "QUOTED-PRINTABLE"
            if part.upper() in ("QUOTED-PRINTABLE", "BASE64", "8BIT"):
                params["ENCODING"] = part
            else:
                params["TYPE"] = params.get("TYPE", "") + ("," if "TYPE" in params else "") + part
    return name, params, value


def _value(params: dict[str, str], value: str) -> str:
    if params.get("ENCODING", "").upper() in ("QUOTED-PRINTABLE", "QP"):
        charset = params.get("CHARSET", "utf-8")
        raw = quopri.decodestring(value.encode("ascii", errors="ignore"))
        try:
            return raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            try:
                return raw.decode(UTF8)
            except UnicodeDecodeError:
                return raw.decode(GB18030, errors="replace")
    return value


def _components(value: str) -> list[str]:
    """A structured value split at unescaped ";" and unescaped."""
    parts = re.split(r"(?<!\\);", value)
    return [_unescape(p) for p in parts]


def _unescape(text: str) -> str:
    return re.sub(
        r"\\([\\,;nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text
    ).strip()


def parse_vcards(data: bytes) -> list[Card]:
    cards: list[Card] = []
    fields: dict[str, str] | None = None
    phones: list[tuple[bool, str]] = []
    begin = 0
    for number, line in _unfolded(_decode(data)):
        parsed = _property(line.strip())
        if parsed is None:
            continue
        name, params, raw = parsed
        if name == "BEGIN" and raw.strip().upper() == "VCARD":
            fields, phones, begin = {}, [], number
            continue
        if fields is None:
            continue
        if name == "END" and raw.strip().upper() == "VCARD":
            card = _card(fields, phones, begin)
            if card is not None:
                cards.append(card)
                if len(cards) > MAX_CARDS:
                    raise ImportFileError("too_many_rows", f"{MAX_CARDS:,}")
            fields = None
            continue
        value = _value(params, raw)
        if name == "TEL":
            types = params.get("TYPE", "").upper()
            tel = _unescape(value.removeprefix("tel:"))
            phones.append(("CELL" in types or "MOBILE" in types, tel))
        elif name in ("FN", "N", "ORG", "TITLE", "EMAIL") and name not in fields:
            fields[name] = value
    return cards


def _card(fields: dict[str, str], phones: list[tuple[bool, str]], line: int) -> Card | None:
    name = _unescape(fields.get("FN", ""))
    if not name and "N" in fields:
        parts = _components(fields["N"]) + [""] * 5
        family, given = parts[0], parts[1]
        # A Chinese name is written family name first, no space; a Latin one given name first.
        if re.search(r"[\u4e00-\u9fff]", family + given):
            name = family + given
        else:
            name = " ".join(p for p in (given, family) if p)
    organisation = _components(fields.get("ORG", ""))
    phone = next((p for mobile, p in phones if mobile), phones[0][1] if phones else "")
    email = _unescape(fields.get("EMAIL", "")).removeprefix("mailto:")
    if not (name or phone or email):
        return None
    return Card(
        name=name or email or phone,
        title=_unescape(fields.get("TITLE", "")),
        department=organisation[1] if len(organisation) > 1 else "",
        phone=phone,
        email=email,
        organisation=organisation[0] if organisation else "",
        line=line,
    )


def cards_table(path: Path, cards: Iterable[Card]) -> Table:
    """The cards as a people table for `table_import.preview` (with `MAPPING`), each row
    numbered as the card it is (1, 2, 3…): the rep counts cards, not the lines of the file."""
    rows = [
        SourceRow(
            number,
            (card.name, card.title, card.department, card.phone, card.email, card.organisation),
        )
        for number, card in enumerate(cards, start=1)
    ]
    return Table(path, "", [SheetInfo("vCard", False)], "", 0, list(HEADERS), rows)


# --- writing -------------------------------------------------------------------------------------
def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Folded at 75 octets (RFC 6350 3.2), never inside a UTF-8 character."""
    out: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode())
        if size + width > (75 if not out else 74):
            out.append(current)
            current, size = "", 0
        current += char
        size += width
    out.append(current)
    return "\r\n ".join(out)


def card_text(card: Card) -> str:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{_escape(card.name)}"]
    if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", card.name):
        lines.append(f"N:{_escape(card.name[0])};{_escape(card.name[1:])};;;")
    else:
        given, _, family = card.name.rpartition(" ")
        lines.append(f"N:{_escape(family)};{_escape(given)};;;")
    if card.organisation or card.department:
        lines.append(f"ORG:{_escape(card.organisation)};{_escape(card.department)}")
    if card.title:
        lines.append(f"TITLE:{_escape(card.title)}")
    if card.phone:
        lines.append(f"TEL;TYPE=CELL:{_escape(card.phone)}")
    if card.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{_escape(card.email)}")
    lines.append("END:VCARD")
    return "".join(_fold(line) + "\r\n" for line in lines)


def write_vcards(path: Path | str, cards: Iterable[Card]) -> int:
    """Write `cards` to `path` as vCard 3.0 (atomically); returns how many."""
    text = "".join(card_text(card) for card in cards)
    write_atomically(Path(path), lambda temp: temp.write_bytes(text.encode("utf-8")))
    return text.count("BEGIN:VCARD")


def pursuit_cards(ws: Workspace, pursuit_id: str) -> list[Card]:
    """The people on a pursuit's map as cards (the account as their organisation)."""
    with ws.read() as session:
        pursuit = session.get(Pursuit, pursuit_id)
        if pursuit is None or not pursuit.alive:
            raise NotFound(f"pursuit {pursuit_id}")
        account = session.get(Account, pursuit.account_id)
        organisation = account.name if account is not None else ""
    return [
        Card(
            name=person.name,
            title=str(person.fields.get("title") or ""),
            department=str(person.fields.get("department") or ""),
            phone=str(person.fields.get("phone") or ""),
            email=str(person.fields.get("email") or ""),
            organisation=organisation,
        )
        for person in stakeholders.people_of(ws, pursuit_id)
    ]


def account_cards(ws: Workspace, account_id: str) -> list[Card]:
    """The live people of an account as cards, each person once however many maps they are on
    (a person is a record of the account: `tables.Person`)."""
    with ws.read() as session:
        account = session.get(Account, account_id)
        if account is None or not account.alive:
            raise NotFound(f"account {account_id}")
        rows = session.execute(
            select(Person.name, Person.title, Person.department, Person.phone, Person.email)
            .where(Person.account_id == account_id, Person.alive)
            .order_by(Person.name, Person.id)
        ).all()
        organisation = account.name or ""
    return [
        Card(
            name=row.name or "",
            title=row.title or "",
            department=row.department or "",
            phone=row.phone or "",
            email=row.email or "",
            organisation=organisation,
        )
        for row in rows
    ]
