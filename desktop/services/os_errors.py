"""Why a file or folder could not be used, in the user's words, for the common causes.

The system's own text (`[Errno 2] No such file or directory`) is in the system's language —
English on most computers — and would sit inside a Chinese message. The `pursuit` command
(`cli_messages.os_reason`) and the window (`ctx.lang`) both word an OSError here, so one table
serves both: a plain pair of languages like the command's MESSAGES, since a service cannot use Qt's
translations. An errno not listed keeps the system's text, which still says more than nothing.
"""

from __future__ import annotations

import errno

# errno -> (Chinese, English): the reason only; the caller's message names the file.
REASONS: dict[int, tuple[str, str]] = {
    errno.ENOENT: ("文件或文件夹不存在", "no such file or folder"),
    errno.EACCES: ("没有访问权限", "permission denied"),
    errno.EPERM: ("没有访问权限", "permission denied"),
    errno.ENOSPC: ("磁盘已满", "the disk is full"),
    errno.EROFS: ("所在磁盘只读", "the disk is read-only"),
    errno.EISDIR: ("这是一个文件夹，不是文件", "it is a folder, not a file"),
    errno.ENOTDIR: ("路径中有一项不是文件夹", "part of the path is not a folder"),
    errno.ENAMETOOLONG: ("文件名或路径过长", "the file name or path is too long"),
    errno.EEXIST: ("同名的文件已存在", "a file of that name exists"),
    errno.EBUSY: ("文件正被其他程序占用", "the file is in use by another program"),
    errno.EIO: (
        "读写磁盘出错（磁盘损坏或已拔出？）",
        "the disk could not be read or written (damaged or unplugged?)",
    ),
}
# Not on every system (Windows has no EDQUOT).
if hasattr(errno, "EDQUOT"):
    REASONS[errno.EDQUOT] = ("磁盘配额已用完", "the disk quota is used up")


def os_error_in(exc: BaseException | None) -> OSError | None:
    """The OSError `exc` is or was raised from (a service's own error keeps it as its cause or
    context, even `from None`), or None."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, OSError) and exc.errno is not None:
            return exc
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return None


def reason(exc: BaseException, lang: str) -> str:
    """Why: in `lang` (zh…/en…) for a common errno, else the system's own words."""
    found = os_error_in(exc)
    if found is not None and found.errno in REASONS:
        zh, en = REASONS[found.errno]
        return zh if lang.startswith("zh") else en
    own = found if found is not None else exc
    return getattr(own, "strerror", None) or str(own) or type(own).__name__
