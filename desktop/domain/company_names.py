"""Short account names for places with room for a few characters (the board's cards).

A Chinese company name is mostly legal form and qualifiers: 南京新诚港务有限公司 is known
to the rep as 新诚港务 or 南京新诚港务, never by its 有限公司. Cut to a card's width, the full
name lost exactly the distinctive part (南京新诚港务有…). `short_name` drops the legal
form, group and country qualifiers from the end (and an English name's Co., Ltd. and the like),
keeps the rest, and never returns less than something recognisable: the full name stays in the
tooltip and everywhere else.
"""

from __future__ import annotations

import re

# Legal forms and qualifiers at the end of a name, longest first so 股份有限公司 goes as one piece.
_ZH_SUFFIXES: tuple[str, ...] = (
    "集团股份有限公司",
    "集团有限责任公司",
    "股份有限公司",
    "有限责任公司",
    "集团有限公司",
    "控股有限公司",
    "有限公司",
    "股份公司",
    "集团公司",
    "总公司",
    "公司",
    "集团",
    "控股",
    "股份",
)
# A country or region in brackets: 西门子（中国）有限公司, 博世(中国)投资有限公司.
_REGION = re.compile(
    r"\s*[（(](?:中国|中國|China|PRC|上海|北京|香港|亚太|亞太|Asia Pacific)[)）]\s*", re.I
)
_EN_SUFFIX = re.compile(
    r"[\s,.]*\b(?:co\.?,?\s*ltd\.?|company\s+limited|limited|ltd\.?|inc\.?|incorporated|"
    r"corp\.?|corporation|gmbh|llc|plc|s\.?a\.?|ag|co\.?)\s*$",
    re.I,
)
MIN_LENGTH = 2  # shorter than this is no longer a name one recognises
# Provinces and the larger cities: the place a company is registered in, at the front of its
# name (南京新诚港务). Dropped only where even the short name does not fit (`without_place`).
_PLACES: tuple[str, ...] = tuple(
    sorted(
        (
            "北京",
            "上海",
            "天津",
            "重庆",
            "河北",
            "山西",
            "辽宁",
            "吉林",
            "黑龙江",
            "江苏",
            "浙江",
            "安徽",
            "福建",
            "江西",
            "山东",
            "河南",
            "湖北",
            "湖南",
            "广东",
            "海南",
            "四川",
            "贵州",
            "云南",
            "陕西",
            "甘肃",
            "青海",
            "台湾",
            "内蒙古",
            "广西",
            "西藏",
            "宁夏",
            "新疆",
            "香港",
            "澳门",
            "南京",
            "苏州",
            "无锡",
            "常州",
            "杭州",
            "宁波",
            "温州",
            "合肥",
            "厦门",
            "福州",
            "济南",
            "青岛",
            "郑州",
            "武汉",
            "长沙",
            "广州",
            "深圳",
            "珠海",
            "东莞",
            "佛山",
            "成都",
            "西安",
            "昆明",
            "贵阳",
            "南宁",
            "南昌",
            "太原",
            "石家庄",
            "沈阳",
            "大连",
            "长春",
            "哈尔滨",
            "兰州",
            "乌鲁木齐",
            "呼和浩特",
            "银川",
            "西宁",
            "拉萨",
            "海口",
            "三亚",
            "烟台",
            "潍坊",
            "徐州",
            "南通",
            "扬州",
            "绍兴",
            "嘉兴",
            "台州",
            "金华",
            "泉州",
            "唐山",
            "保定",
            "中山",
            "惠州",
            "江门",
            "湛江",
            "汕头",
        ),
        key=len,
        reverse=True,
    )
)


def short_name(name: str) -> str:
    """The distinctive part of a company name: 南京新诚港务有限公司 → 南京新诚港务,
    西门子（中国）有限公司 → 西门子, 中国石化集团股份有限公司 → 中国石化, "Acme Trading Co., Ltd." →
    "Acme Trading". A name that would shrink below two characters is returned whole (trimmed)."""
    full = name.strip()
    if full in _ZH_SUFFIXES:
        return full
    # Between words the qualifier leaves a space; between Chinese characters, nothing.
    short = _REGION.sub(lambda m: " " if m.group() != m.group().strip() else "", full).strip()
    changed = True
    while changed:
        changed = False
        for suffix in _ZH_SUFFIXES:
            if short.endswith(suffix) and len(short) - len(suffix) >= MIN_LENGTH:
                short = short[: -len(suffix)].rstrip()
                changed = True
                break
        stripped = _EN_SUFFIX.sub("", short)
        if stripped != short and len(stripped.strip()) >= MIN_LENGTH:
            short = stripped.strip()
            changed = True
    short = short.strip(" ,.-·")
    return short if len(short) >= MIN_LENGTH else full


# The places as one pattern, in the order `without_place` tries them (longest place first, each
# with 省, with 市, then bare): one regex search instead of some 270 startswith calls a name, which
# matters when every account's name is asked (10,000 of them behind a name field).
_PLACE_PREFIX = re.compile(
    "|".join(re.escape(place + tail) for place in _PLACES for tail in ("省", "市", ""))
)


def without_place(name: str) -> str:
    """`name` without the province or city it starts with (南京新诚港务 → 新诚港务), for where
    even the short name does not fit; unchanged when no place leads or too little would stay."""
    found = _PLACE_PREFIX.match(name)
    if found is None:
        return name
    if len(name) - found.end() >= MIN_LENGTH:
        return name[found.end() :]
    # Too little after the first place found (南京市): the shorter ways of reading it, in order.
    for place in _PLACES:
        for prefix in (place + "省", place + "市", place):
            if name.startswith(prefix) and len(name) - len(prefix) >= MIN_LENGTH:
                return name[len(prefix) :]
    return name
