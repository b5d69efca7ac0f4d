"""Reading the cells of a rep's own spreadsheet: headers, amounts, dates, stages, match keys.

A sheet a rep brings in was typed by people for people: "客户名称" or "公司名称" or "Company",
"¥12.5万" or "1,250,000" or "１２５０００" (full-width digits from a Chinese input method), the
close date as "2026年3月1日", "2026/3/1" or the number 46082 (an Excel date whose format was
lost), the stage as "3", "阶段3" or its name. Everything here is pure (standard library only)
so the rules are tested alone and shared by the import service, the CLI and the wizard.

Every parser answers a value or a `CellProblem` with a code the caller words for the person; none
guesses silently: "3/4/2026" (March 4th or April 3rd?) is refused as ambiguous, not read one way.

Match keys decide what is "the same" record: a company by its name without legal form, region
qualifier, spaces or punctuation (`company_key`: 西门子（中国）有限公司 = 西门子); a phone by its
digits without the country code (`phone_key`); an email case-insensitively (`email_key`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from desktop.domain.amounts import parse_amount
from desktop.domain.company_names import short_name

# --- the fields a column can fill ----------------------------------------------------------------
ACCOUNT_NAME = "account_name"
INDUSTRY = "industry"
ADDRESS = "address"
PERSON_NAME = "person_name"
PHONE = "phone"
TITLE = "title"
DEPARTMENT = "department"
EMAIL = "email"
PURSUIT_TITLE = "pursuit_title"
AMOUNT = "amount"
CURRENCY = "currency"
STAGE = "stage"
EXPECTED_CLOSE = "expected_close"
OWNER = "owner"
NEXT_STEP = "next_step"
NEXT_STEP_DUE = "next_step_due"
NOTES = "notes"

ACCOUNTS, PEOPLE, PURSUITS = "accounts", "people", "pursuits"
KINDS = (ACCOUNTS, PEOPLE, PURSUITS)

PERSON_FIELDS = (PERSON_NAME, TITLE, DEPARTMENT, PHONE, EMAIL)
# What each kind of row can fill, in the order a mapping is shown. A pursuit row may carry its
# contact (the mixed sheet: one row per pursuit and the person the rep deals with there).
FIELDS_OF_KIND: Mapping[str, tuple[str, ...]] = {
    ACCOUNTS: (ACCOUNT_NAME, INDUSTRY, ADDRESS, NOTES),
    # The company is read when the people go onto the accounts their rows name.
    PEOPLE: (PERSON_NAME, TITLE, DEPARTMENT, PHONE, EMAIL, NOTES, ACCOUNT_NAME),
    PURSUITS: (
        ACCOUNT_NAME,
        PURSUIT_TITLE,
        AMOUNT,
        CURRENCY,
        STAGE,
        EXPECTED_CLOSE,
        OWNER,
        NEXT_STEP,
        NEXT_STEP_DUE,
        NOTES,
        *PERSON_FIELDS,
    ),
}
REQUIRED_OF_KIND: Mapping[str, tuple[str, ...]] = {
    ACCOUNTS: (ACCOUNT_NAME,),
    PEOPLE: (PERSON_NAME,),
    PURSUITS: (ACCOUNT_NAME,),  # the title defaults to the account's name
}

# Header words, as people write them. Compared after `header_key` (NFKC, lower case, no spaces,
# no punctuation, no "(必填)"-like notes), so "客户名称*" and "Company Name" match.
SYNONYMS: Mapping[str, tuple[str, ...]] = {
    ACCOUNT_NAME: (
        "客户名称",
        "客户",
        "客户全称",
        "客户单位",
        "公司名称",
        "公司",
        "公司全称",
        "单位",
        "单位名称",
        "企业名称",
        "企业",
        "机构",
        "机构名称",
        "所属客户",
        "所属公司",
        "account",
        "accountname",
        "company",
        "companyname",
        "customer",
        "customername",
        "organization",
        "organisation",
        "org",
    ),
    INDUSTRY: ("行业", "所属行业", "行业类别", "industry", "sector"),
    ADDRESS: ("地址", "公司地址", "单位地址", "通讯地址", "办公地址", "address"),
    PERSON_NAME: (
        "联系人",
        "联络人",
        "姓名",
        "联系人姓名",
        "客户联系人",
        "联系人名称",
        "名字",
        "contact",
        "contactname",
        "contactperson",
        "fullname",
        "person",
        "姓名称呼",
    ),
    PHONE: (
        "手机",
        "手机号",
        "手机号码",
        "电话",
        "联系电话",
        "电话号码",
        "联系方式",
        "移动电话",
        "座机",
        "办公电话",
        "mobile",
        "mobilephone",
        "phone",
        "phonenumber",
        "tel",
        "telephone",
        "cell",
        "cellphone",
    ),
    TITLE: ("职务", "职位", "头衔", "职称", "岗位", "title", "jobtitle", "position", "role"),
    DEPARTMENT: ("部门", "所在部门", "科室", "department", "dept"),
    EMAIL: ("邮箱", "电子邮件", "电子邮箱", "邮件", "email", "e-mail", "mail", "emailaddress"),
    PURSUIT_TITLE: (
        "项目名称",
        "项目",
        "商机名称",
        "商机",
        "机会名称",
        "销售机会",
        "项目标题",
        "pursuit",
        "opportunity",
        "opportunityname",
        "deal",
        "dealname",
        "project",
        "projectname",
    ),
    AMOUNT: (
        "金额",
        "预算",
        "项目金额",
        "预计金额",
        "合同金额",
        "商机金额",
        "预算金额",
        "金额元",
        "金额万元",
        "amount",
        "budget",
        "value",
        "dealvalue",
        "dealamount",
        "expectedrevenue",
    ),
    CURRENCY: ("币种", "货币", "currency"),
    STAGE: ("阶段", "销售阶段", "项目阶段", "商机阶段", "stage", "salesstage", "dealstage"),
    EXPECTED_CLOSE: (
        "预计成交日期",
        "预计成交时间",
        "预计签约日期",
        "预计签约时间",
        "成交日期",
        "签约日期",
        "预计成交",
        "预计结单日期",
        "expectedclose",
        "expectedclosedate",
        "closedate",
        "closingdate",
    ),
    OWNER: ("负责人", "销售", "销售代表", "跟进人", "客户经理", "owner", "salesrep", "rep"),
    NEXT_STEP: ("下一步", "下一步行动", "下一步计划", "nextstep", "nextaction"),
    # The date of the next step ("下一步期限" / "Next step due" is the list's own export).
    NEXT_STEP_DUE: (
        "下一步日期",
        "下一步截止",
        "下一步截止日期",
        "下一步期限",
        "下一步时间",
        "下一步行动日期",
        "下一步计划日期",
        "nextstepdue",
        "nextstepdate",
        "nextstepduedate",
        "nextactiondate",
        "nextactiondue",
    ),
    NOTES: ("备注", "说明", "描述", "notes", "note", "remark", "remarks", "comment", "comments"),
}
# A bare "名称" / "name" means the thing the rows are.
_BARE_NAME = ("名称", "name")
_BARE_FIELD = {ACCOUNTS: ACCOUNT_NAME, PEOPLE: PERSON_NAME, PURSUITS: PURSUIT_TITLE}

_NOTE_IN_HEADER = re.compile(r"[（(][^）)]*[）)]")
_PUNCT = re.compile(r"[\s_\-:：*＊#.。,，/、|'\"]+")


def fold(text: str) -> str:
    """Unicode-compatibility folded (full-width digits and letters to ASCII, ￥ to ¥), trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


# The traditional forms of the characters the synonyms are written with (a Big5 or a Taiwan /
# Hong Kong sheet: 客戶名稱, 聯絡人, 電話): a header is compared in simplified characters.
_TRADITIONAL = str.maketrans(
    "萬業會劃別辦務動單號頭屬崗幣時機構標碼種稱簽類係繫約經結職聯銜計訊話說負責貨進郵門間階項預題額銷戶備註電絡",
    "万业会划别办务动单号头属岗币时机构标码种称签类系系约经结职联衔计讯话说负责货进邮门间阶项预题额销户备注电络",
)


def header_key(header: str) -> str:
    """A header as compared with the synonyms: "客户名称（必填）*" → "客户名称", 客戶名稱 too."""
    text = fold(header).casefold().translate(_TRADITIONAL)
    bare = _NOTE_IN_HEADER.sub("", text)
    # "金额(万元)" keeps its unit as a hint: only drop a note that leaves something behind.
    text = bare if _PUNCT.sub("", bare) else text
    return _PUNCT.sub("", text)


_LOOKUP: dict[str, str] = {
    header_key(word): name for name, words in SYNONYMS.items() for word in words
}


def guess_field(header: str, kind: str) -> str | None:
    """The field a column with this header fills for rows of `kind`, or None when unknown."""
    key = header_key(header)
    if not key:
        return None
    allowed = FIELDS_OF_KIND[kind]
    if key in _BARE_NAME:
        return _BARE_FIELD[kind]
    name = _LOOKUP.get(key)
    if name in allowed:
        return name
    # "联系人手机" → 手机, "客户名称全称" → 客户名称: a synonym the header ends with (a Chinese
    # header's noun comes last) before one it merely holds; the longest of either.
    best: tuple[bool, int, str] | None = None
    for word, field in _LOOKUP.items():
        if field in allowed and len(word) >= 2 and word in key:
            rank = (key.endswith(word), len(word), field)
            if best is None or rank[:2] > best[:2]:
                best = rank
    return best[2] if best else None


def guess_mapping(headers: Sequence[str], kind: str) -> dict[int, str]:
    """Column index → field for the headers recognised; each field goes to its first column."""
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        field = guess_field(header, kind)
        if field is not None and field not in mapping.values():
            mapping[index] = field
    return mapping


# Columns only a pursuit row has: a sheet with any of them is a list of pursuits.
_PURSUIT_ONLY = frozenset(
    {PURSUIT_TITLE, AMOUNT, CURRENCY, STAGE, EXPECTED_CLOSE, OWNER, NEXT_STEP, NEXT_STEP_DUE}
)


def guess_kind(headers: Sequence[str]) -> str:
    """What a sheet with these headers most likely lists: pursuits when any column is a
    pursuit's own (项目名称, 金额, 阶段 …); people when it names a person with a title, phone or
    e-mail; accounts when it names companies; else pursuits, the mixed sheet."""
    if _PURSUIT_ONLY & set(guess_mapping(headers, PURSUITS).values()):
        return PURSUITS
    people = set(guess_mapping(headers, PEOPLE).values())
    if PERSON_NAME in people and people & {TITLE, DEPARTMENT, PHONE, EMAIL}:
        return PEOPLE
    if ACCOUNT_NAME in guess_mapping(headers, ACCOUNTS).values():
        return ACCOUNTS
    return PURSUITS


def header_score(cells: Sequence[str]) -> int:
    """How many cells of a row read as known headers (any kind): finds the header row."""
    fields = set()
    for cell in cells:
        key = header_key(cell)
        if key in _LOOKUP:
            fields.add(_LOOKUP[key])
        elif key in _BARE_NAME:
            fields.add("name")
    return len(fields)


def layout_key(headers: Iterable[str]) -> str:
    """The same for every file with these headers in this order: the mapping remembered."""
    text = "\x1f".join(header_key(h) for h in headers)
    return hashlib.sha1(text.encode()).hexdigest()[:16]


# --- cell values ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CellProblem:
    """Why a cell cannot be read: "amount", "date", "date_ambiguous", "stage", "currency"."""

    code: str
    text: str


def cell_text(value: object) -> str:
    """Any cell value as the text a person sees (numbers without a spurious ".0")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    # Text stays as typed (西门子（中国）keeps its brackets); only parsing and matching fold it.
    return str(value).strip()


_CURRENCY_WORDS = ("人民币", "rmb", "cny", "元整")


def parse_amount_cell(value: object, *, unit: int = 1) -> int | CellProblem | None:
    """Minor units from a cell: a number (in yuan, times `unit`: 10,000 for a "金额(万元)"
    column) or text such as "¥12.5万", "1,250,000元", "１２５０００", "RMB 3亿". None if empty."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return CellProblem("amount", str(value))
    if isinstance(value, int | float):
        if value < 0 or value != value:  # negative or NaN
            return CellProblem("amount", cell_text(value))
        return round(value * unit * 100)
    text = fold(str(value))
    if not text:
        return None
    lowered = text.casefold()
    for word in _CURRENCY_WORDS:
        lowered = lowered.replace(word, "")
    lowered = lowered.replace(" ", "").replace("\u00a0", "")
    has_unit = lowered.endswith(("万", "亿", "元", "k", "m")) and not lowered.endswith("万元元")
    minor = parse_amount(lowered)
    if minor is None:
        return CellProblem("amount", text)
    return minor if has_unit else minor * unit


# Excel's day 0 of the 1900 date system is 1899-12-30 (counting its leap-year bug); serials past
# 2958465 are after 9999-12-31, below 1 before 1900: not dates.
_EXCEL_EPOCH = date(1899, 12, 30)
_SERIAL_RANGE = (1, 2_958_465)
_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DMY_OR_MDY = re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})(?:\s.*)?$")
_YM = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")


def parse_date_cell(value: object) -> date | CellProblem | None:
    """A date from a cell: a date value, an Excel serial (46082), or text in the usual forms —
    2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日, 20260301, 1/3/2026 when only one reading is a
    date (3/4/2026 is ambiguous and refused), 2026年3月 (the month's last day). None if empty."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return CellProblem("date", str(value))
    if isinstance(value, int | float):
        return _serial(value)
    text = fold(str(value))
    if not text:
        return None
    try:
        if match := _YMD.match(text):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _COMPACT.match(text):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _YM.match(text):
            year, month = int(match[1]), int(match[2])
            following = date(year + month // 12, month % 12 + 1, 1)
            return following - timedelta(days=1)
        if match := _DMY_OR_MDY.match(text):
            first, second, year = int(match[1]), int(match[2]), int(match[3])
            readings = set()
            for day, month in ((first, second), (second, first)):
                if 1 <= month <= 12 and 1 <= day <= 31:
                    with contextlib.suppress(ValueError):
                        readings.add(date(year, month, day))
            if len(readings) == 1:
                return readings.pop()
            if len(readings) > 1:
                return CellProblem("date_ambiguous", text)
            return CellProblem("date", text)
    except ValueError:
        return CellProblem("date", text)
    if re.fullmatch(r"\d{1,7}(\.\d+)?", text):
        return _serial(float(text))
    return CellProblem("date", text)


def _serial(number: float) -> date | CellProblem:
    if not _SERIAL_RANGE[0] <= number <= _SERIAL_RANGE[1]:
        return CellProblem("date", cell_text(number))
    return _EXCEL_EPOCH + timedelta(days=int(number))


_STAGE_PREFIX = re.compile(r"^(?:阶段|第|stage|s)\s*(\d+)\s*(?:阶段|步)?", re.I)
_NUMBERED = re.compile(r"^(\d+)\s*[.、:：)\-](?!\d)")


def parse_stage_cell(
    value: object, names: Mapping[str, int], count: int = 8
) -> int | CellProblem | None:
    """A stage number from a cell: 3, "3", "阶段3", "第3阶段", "Stage 3", "S3", "3. 建立信任", or a
    name in `names` (folded, lower-case names → number: the catalog's processes, milestones and
    keys in both languages). None if empty."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (
            int(value)
            if float(value).is_integer() and 1 <= value <= count
            else (CellProblem("stage", cell_text(value)))
        )
    text = fold(str(value))
    if not text:
        return None
    lowered = text.casefold()
    if lowered in names:
        return names[lowered]
    number = None
    if lowered.isdigit():
        number = int(lowered)
    elif match := (_STAGE_PREFIX.match(lowered) or _NUMBERED.match(lowered)):
        number = int(match[1])
    if number is not None and 1 <= number <= count:
        return number
    # "建立信任 · 见到客户" (a label as the app prints it): either half names the stage.
    for part in re.split(r"\s*[·|/]\s*", lowered):
        if part in names:
            return names[part]
    return CellProblem("stage", text)


def parse_currency_cell(value: object) -> str | CellProblem | None:
    text = fold(cell_text(value)).upper()
    if not text:
        return None
    text = {"人民币": "CNY", "RMB": "CNY", "美元": "USD", "欧元": "EUR", "港币": "HKD"}.get(
        text, text
    )
    if len(text) == 3 and text.isascii() and text.isalpha():
        return text
    return CellProblem("currency", text)


def amount_unit(header: str) -> int:
    """10,000 when a header says its amounts are in 万 ("金额(万元)", "预算/万"), else 1."""
    text = fold(header)
    return 10_000 if re.search(r"万元|\(万\)|（万）|/万|万\)", text) else 1


# --- match keys ----------------------------------------------------------------------------------
_NOT_NAME = re.compile(r"[\s\W_]+", re.UNICODE)


@functools.lru_cache(maxsize=65_536)  # a preview and its import ask for the same names
def company_key(name: str) -> str:
    """What makes two company names the same company: 西门子（中国）有限公司, 西门子 and
    "西门子 集团" give one key (legal form, group, region, spaces and punctuation dropped)."""
    folded = fold(name)
    if not folded:
        return ""
    return _NOT_NAME.sub("", short_name(folded)).casefold()


def person_key(name: str) -> str:
    return _NOT_NAME.sub("", fold(name)).casefold()


def phone_key(phone: str) -> str:
    """A phone's digits without the country code (+86 138-0013-8000 = 13800138000); "" when
    fewer than five digits (an extension alone matches nothing)."""
    digits = "".join(ch for ch in fold(phone) if ch.isdigit())
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits if len(digits) >= 5 else ""


def email_key(email: str) -> str:
    return fold(email).casefold()


# One @, something before it, a domain with a dot after it, no spaces: what every mail program
# accepts. Stricter rules (RFC 5322) would refuse addresses reps really have.
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")


def looks_like_email(text: str) -> bool:
    """Whether a cell could be an email address (zw@example.com, not bad-email nor zw@example)."""
    return _EMAIL.fullmatch(fold(text).strip()) is not None


def stage_names(stages: Iterable[tuple[int, Iterable[str]]]) -> dict[str, int]:
    """Folded, lower-case stage names → number, from (number, its names) pairs."""
    names: dict[str, int] = {}
    for number, words in stages:
        for word in words:
            if word:
                names[fold(word).casefold()] = number
    return names
