"""Text a rep typed or pasted, made safe to keep and to hand to other programs.

A paste from Word brings control characters (U+000B for a soft line break, U+000C, stray NULs)
that the rep never sees but that break readers downstream: openpyxl refuses them, RFC 5545 forbids
them in a calendar, a NUL ends a C string early. They are cleaned once here, on the way in (every
ORM write) and on the way out (every export), so both paths agree on what is kept.
"""

from __future__ import annotations

import re

# C0 controls except tab, line feed and carriage return, plus DEL.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Word's soft line break and page break read as line breaks to the rep: keep them as one.
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})


def has_controls(text: str) -> bool:
    return _CONTROLS.search(text) is not None


def strip_controls(text: str) -> str:
    """`text` without control characters; vertical tab and form feed become line breaks."""
    if not _CONTROLS.search(text):
        return text  # the common case costs one scan and no copy
    return _CONTROLS.sub("", text.translate(_BREAKS))
