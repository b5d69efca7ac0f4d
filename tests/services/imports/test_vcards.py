"""vCards in (the RFCs' own examples, an old Chinese phone's quoted-printable) and out."""

from __future__ import annotations

import quopri
from pathlib import Path

import pytest

from desktop.services import pursuits, stakeholders
from desktop.services.imports import table_import as ti
from desktop.services.imports import vcards
from desktop.services.imports.reading import ImportFileError
from desktop.services.workspace import Workspace

from .fixtures import settled

# RFC 6350 section 8 (vCard 4.0), as printed there.
RFC6350 = """BEGIN:VCARD
VERSION:4.0
FN:Simon Perreault
N:Perreault;Simon;;;ing. jr,M.Sc.
BDAY:--0203
ANNIVERSARY:20090808T1430-0500
GENDER:M
LANG;PREF=1:fr
LANG;PREF=2:en
ORG;TYPE=work:Viagenie
ADR;TYPE=work:;Suite D2-630;2875 Laurier;
 Quebec;QC;G1V 2M2;Canada
TEL;VALUE=uri;TYPE="work,voice";PREF=1:tel:+1-418-656-9254;ext=102
TEL;VALUE=uri;TYPE="work,cell,voice,video,text":tel:+1-418-262-6501
EMAIL;TYPE=work:simon.perreault@viagenie.ca
GEO;TYPE=work:geo:46.772673,-71.282945
KEY;TYPE=work;VALUE=uri:
 http://www.viagenie.ca/simon.perreault/simon.asc
TZ:-0500
URL;TYPE=home:http://nomis80.org
END:VCARD
"""

# RFC 2426 section 7 (vCard 3.0): two cards in one file.
RFC2426 = """BEGIN:vCard
VERSION:3.0
FN:Frank Dawson
ORG:Lotus Development Corporation
ADR;TYPE=WORK,POSTAL,PARCEL:;;6544 Battleford Drive
 ;Raleigh;NC;27613-3502;U.S.A.
TEL;TYPE=VOICE,MSG,WORK:+1-919-676-9515
TEL;TYPE=FAX,WORK:+1-919-676-9564
EMAIL;TYPE=INTERNET,PREF:Frank_Dawson@Lotus.com
EMAIL;TYPE=INTERNET:fdawson@earthlink.net
URL:http://home.earthlink.net/~fdawson
END:vCard

BEGIN:vCard
VERSION:3.0
FN:Tim Howes
ORG:Netscape Communications Corp.
ADR;TYPE=WORK:;;501 E. Middlefield Rd.;Mountain View;
 CA; 94043;U.S.A.
TEL;TYPE=VOICE,MSG,WORK:+1-415-937-3419
TEL;TYPE=FAX,WORK:+1-415-528-4164
EMAIL;TYPE=INTERNET:howes@netscape.com
END:vCard
"""


def qp(text: str, charset: str) -> str:
    return quopri.encodestring(text.encode(charset)).decode().replace("\n", "")


def old_phone_card() -> bytes:
    """vCard 2.1 as older Chinese phones export: GB2312 quoted-printable, soft line breaks."""
    org = qp("南京新诚港务有限公司", "gb2312")
    return (
        "BEGIN:VCARD\r\nVERSION:2.1\r\n"
        f"N;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE:{qp('张', 'gb2312')};"
        f"{qp('三', 'gb2312')};;;\r\n"
        f"ORG;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE:{org[:18]}=\r\n{org[18:]}\r\n"
        f"TITLE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp('总经理', 'utf-8')}\r\n"
        "TEL;WORK:025-88886666\r\nTEL;CELL:13800138000\r\n"
        "END:VCARD\r\n"
    ).encode("ascii")


def test_rfc6350_example() -> None:
    (card,) = vcards.parse_vcards(RFC6350.encode())
    assert card.name == "Simon Perreault"
    assert card.organisation == "Viagenie"
    assert card.phone == "+1-418-262-6501"  # the cell one
    assert card.email == "simon.perreault@viagenie.ca"


def test_rfc2426_example_of_two_cards_with_folded_lines() -> None:
    frank, tim = vcards.parse_vcards(RFC2426.replace("\n", "\r\n").encode())
    assert (frank.name, frank.organisation, frank.phone, frank.email) == (
        "Frank Dawson",
        "Lotus Development Corporation",
        "+1-919-676-9515",
        "Frank_Dawson@Lotus.com",
    )
    assert (tim.name, tim.phone) == ("Tim Howes", "+1-415-937-3419")


def test_an_old_phones_quoted_printable_gb2312_card() -> None:
    (card,) = vcards.parse_vcards(old_phone_card())
    assert card.name == "张三"  # N put together, family name first
    assert card.organisation == "南京新诚港务有限公司"
    assert card.title == "总经理"
    assert card.phone == "13800138000"


def test_escapes_and_department_from_org() -> None:
    text = "BEGIN:VCARD\nVERSION:3.0\nFN:王\\, 五\nORG:恒通电子;信息部\n"
    text += "TITLE:IT 经理\\; 架构\nEND:VCARD\n"
    (card,) = vcards.parse_vcards(text.encode())
    assert (card.name, card.organisation, card.department, card.title) == (
        "王, 五",
        "恒通电子",
        "信息部",
        "IT 经理; 架构",
    )


def test_a_file_without_cards_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.vcf"
    path.write_text("not a card\n")
    with pytest.raises(ImportFileError) as caught:
        vcards.read_vcards(settled(path))
    assert caught.value.code == "no_cards"


def test_cards_onto_a_pursuits_map_with_duplicates(ws: Workspace, tmp_path: Path) -> None:
    pid, _ = pursuits.create_pursuit(ws, pursuits.PursuitDraft("码头", account_name="新诚港务"))
    stakeholders.create_stakeholder(ws, pid, {"name": "Tim", "email": "HOWES@netscape.com"})
    path = tmp_path / "contacts.vcf"
    path.write_bytes(RFC2426.encode() + old_phone_card())
    cards = vcards.read_vcards(settled(path))
    table = vcards.cards_table(path, cards)
    preview = ti.preview(ws, table, "people", vcards.MAPPING, pursuit_id=pid)
    assert [r.status for r in preview.rows] == [ti.NEW, ti.DUPLICATE, ti.NEW]
    ti.run_import(ws, preview, ti.Policy.SKIP)
    names = sorted(p.name for p in stakeholders.people_of(ws, pid))
    assert names == ["Frank Dawson", "Tim", "张三"]


def test_export_of_a_pursuits_people_reads_back(ws: Workspace, tmp_path: Path) -> None:
    pid, _ = pursuits.create_pursuit(ws, pursuits.PursuitDraft("码头", account_name="新诚港务"))
    stakeholders.create_stakeholder(
        ws,
        pid,
        {
            "name": "张三",
            "title": "总经理; 董事",
            "department": "总经办",
            "phone": "13800138000",
            "email": "zhang@example.cn",
        },
    )
    stakeholders.create_stakeholder(ws, pid, {"name": "Frank Dawson", "notes": "x" * 300})
    out = tmp_path / "people.vcf"
    assert vcards.write_vcards(out, vcards.pursuit_cards(ws, pid)) == 2
    data = out.read_bytes()
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    back = {c.name: c for c in vcards.parse_vcards(data)}
    assert back["张三"] == vcards.Card(
        "张三",
        "总经理; 董事",
        "总经办",
        "13800138000",
        "zhang@example.cn",
        "新诚港务",
        back["张三"].line,
    )
    assert back["Frank Dawson"].organisation == "新诚港务"
