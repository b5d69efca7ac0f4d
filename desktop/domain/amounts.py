"""Reading an amount as a person types it, for every form and filter (pure Python, no Qt).

"1,280,000", "1280000.5", "128万", "1.2亿", "¥8万", "5k" → integer minor units (fen, cents).
"""

from __future__ import annotations

# Currency signs a typed amount may start with, longest first ("HK$" before "$").
SIGNS = ("HK$", "NT$", "¥", "$", "€", "£")
MINOR = 100
# Past this many minor units what was typed is not an amount (30 digits); below it, an amount
# too large for a deal is still read, so the services' check can say "too large".
ABSURD = 10**30
_SUFFIXES = (
    ("万元", 10_000),
    ("亿元", 100_000_000),
    ("元", 1),
    ("万", 10_000),
    ("亿", 100_000_000),
    ("k", 1_000),
    ("m", 10**6),
)


def parse_amount(
    text: str, *, allow_negative: bool = False, empty: int | None = None
) -> int | None:
    """Minor units from what a user typed, or None when it is not an amount; `empty` when
    nothing but a currency sign was typed.

    A leading minus ("-5000", "−5000", "-¥5万") is read only with `allow_negative`: a form that
    saves through the services reads it, so the services' own check refuses it with "cannot be
    negative" rather than "not an amount".
    """
    cleaned = text.strip().replace(",", "").replace(",", "").replace(" ", "")
    negative = cleaned.startswith(("-", "−"))
    if negative:
        if not allow_negative:
            return None
        cleaned = cleaned[1:]
    for sign in SIGNS:
        cleaned = cleaned.removeprefix(sign)
    if not cleaned:
        return None if negative else empty
    factor = 1
    for suffix, multiple in _SUFFIXES:
        if cleaned.lower().endswith(suffix):
            cleaned, factor = cleaned[: -len(suffix)], multiple
            break
    digits = cleaned.replace(".", "", 1)
    if not digits or not digits.isascii() or not digits.isdigit():
        return None
    value = float(cleaned) if "." in cleaned else int(cleaned)
    try:
        minor = round(value * factor * MINOR)
    except OverflowError:  # hundreds of digits: not an amount anyone means
        return None
    if minor > ABSURD:
        return None
    return -minor if negative else minor  # too large for a deal: the services say so
