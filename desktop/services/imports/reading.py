"""Reading a rep's spreadsheet (.xlsx or .csv) row by row, refusing what cannot be read safely.

No Qt and no database here: this layer turns a file into a `Table` — its header row and its data
rows as text cells, each with the row number the person sees in their spreadsheet — or refuses it
with one `ImportFileError` whose code says why (the CLI and the wizard word it):

- **size**: a file over `MAX_FILE_BYTES`, or a sheet of more than `MAX_ROWS` data rows, is refused.
  Rows are streamed (openpyxl's read-only reader, the csv module over a line iterator) and the
  count stops at the limit: a sheet of a million rows is never held whole;
- **zip bomb**: an .xlsx is a zip; its members' stated uncompressed sizes are added up before
  anything is decompressed and a total over `MAX_UNCOMPRESSED` (or a ratio no spreadsheet has)
  is refused;
- **a file still being written** (a download or a copy in progress, a save from WPS): its size or
  time changes while we look, or its zip has no end yet; refused with "try again when it is done";
- **encoding** (CSV): a byte-order mark says UTF-8 or UTF-16; otherwise UTF-8 if the whole file
  decodes as UTF-8, else GB18030 (the superset of GBK and GB2312 that WPS and Chinese Excel
  write) or Big5 (traditional Chinese, Taiwan and Hong Kong), whichever reads as the more common
  characters. A line that does not decode in the chosen encoding (a file pasted together from
  two exports) is marked as an error *at that row*; the rest is read;
- **not a table**: a file of binary bytes (a program, an image, a PDF renamed .csv) is refused as
  such before it is parsed; a cell is read whatever its length (up to the file's limit: the csv
  module's own 128 KB limit would call a long note a damaged file) and kept to Excel's own
  `MAX_CELL_CHARS`; a line the csv module cannot parse is refused by its number, never with the
  library's English words;
- **layout**: title rows above the header and blank rows are skipped, the header is the row among
  the first `HEADER_SEARCH` that reads most like headers, a repeated header (one per printed page)
  is dropped; merged cells give their value to every cell they cover (a customer name merged down
  its contacts' rows); formulas give the value Excel last calculated (an .xlsx saved by a program
  that never calculates has none: such a cell reads as empty); hidden sheets are listed as such and
  never chosen by default.
"""

from __future__ import annotations

import codecs
import csv
import errno
import os
import re
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.domain.import_values import cell_text, header_score
from desktop.services.errors import InvalidInput
from desktop.storage import files

MAX_ROWS = 100_000  # data rows of one sheet; a rep's book of business is far below
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_UNCOMPRESSED = 1024 * 1024 * 1024  # all members of an .xlsx, decompressed
MAX_RATIO = 200  # a member compressing better than this (with over 10 MB) is a bomb
MAX_COLUMNS = 200
HEADER_SEARCH = 30  # non-blank rows looked at for the header
SETTLE_SECONDS = 0.25  # between two looks at a file's size and time
SAMPLE_BYTES = 64 * 1024
MAX_CELL_CHARS = 32_767  # Excel's own limit for a cell: a longer one is cut to it

UTF8, UTF8_BOM, GB18030, BIG5, UTF16 = "utf-8", "utf-8-sig", "gb18030", "big5", "utf-16"
ENCODINGS = (UTF8, UTF8_BOM, GB18030, BIG5, UTF16)
# Big5 as Windows writes it (code page 950: Big5 with the euro sign and a few more characters).
_CODECS = {BIG5: "cp950"}
_ENCODING_ALIASES = {
    "utf8": UTF8,
    "utf-8": UTF8,
    "utf-8-sig": UTF8_BOM,
    "utf8-sig": UTF8_BOM,
    "utf-8-bom": UTF8_BOM,
    "gbk": GB18030,
    "gb2312": GB18030,
    "gb18030": GB18030,
    "cp936": GB18030,
    "big5": BIG5,
    "big-5": BIG5,
    "cp950": BIG5,
    "utf-16": UTF16,
    "utf16": UTF16,
}


class ImportFileError(InvalidInput):
    """The file cannot be imported at all. Codes: missing, unreadable, too_big, too_many_rows,
    zip_bomb, still_writing, not_xlsx, damaged, unclosed_quote (a CSV's; the line it opened on),
    bad_quote (a CSV's quotation mark with text after it; its line), bad_line (a CSV line the
    csv module cannot parse otherwise; its number), not_table (binary bytes in a .csv), no_sheet,
    empty (not a cell with text), no_header, bad_encoding, xls, format.
    `detail` holds what the message names (a limit, a sheet, an encoding; for unreadable, the
    file). An unreadable file's OSError is kept as the cause: the caller words why
    (services.os_errors), the system's own text being English on most computers."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__("file", code, f"{code}: {detail}" if detail else code)
        self.detail = detail


class Cancelled(Exception):
    """The person cancelled; nothing was changed."""


@dataclass(frozen=True, slots=True)
class SheetInfo:
    name: str
    hidden: bool


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One data row: its number in the spreadsheet (1-based, as the person sees it), its cells
    as text, and a problem the reading itself found (an undecodable line)."""

    number: int
    cells: tuple[str, ...]
    problem: str = ""


@dataclass
class Table:
    """What a file holds for import: the header row and the data rows under it."""

    path: Path
    sheet: str  # "" for a CSV
    sheets: list[SheetInfo]
    encoding: str  # "" for an .xlsx
    header_row: int
    headers: list[str]
    rows: list[SourceRow]
    skipped_blank: int = 0
    skipped_repeated_headers: int = 0

    @property
    def width(self) -> int:
        return len(self.headers)


Progress = Callable[[int], bool]  # rows read so far → False to cancel


def normalise_encoding(name: str) -> str:
    key = name.strip().lower().replace("_", "-")
    if key not in _ENCODING_ALIASES:
        raise ImportFileError("bad_encoding", name)
    return _ENCODING_ALIASES[key]


def read_table(
    path: Path | str,
    *,
    sheet: str | None = None,
    encoding: str | None = None,
    max_rows: int = MAX_ROWS,
    progress: Progress | None = None,
) -> Table:
    """The header and rows of `path` (an .xlsx or a .csv/.txt), or ImportFileError."""
    path = Path(path)
    check_settled(path)
    before = _stat(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        with as_unreadable(path):
            table = _read_xlsx(path, sheet, max_rows, progress)
    elif suffix in (".csv", ".txt", ".tsv"):
        with as_unreadable(path):
            table = _read_csv(path, encoding, max_rows, progress)
    elif suffix == ".xls":
        raise ImportFileError("xls", path.name)
    else:
        raise ImportFileError("format", path.suffix or path.name)
    # A file written to while it was read gave rows of two versions: refuse them all.
    after = _stat(path)
    if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
        raise ImportFileError("still_writing", path.name)
    return table


def list_sheets(path: Path | str) -> list[SheetInfo]:
    """The sheets of an .xlsx (hidden ones marked); [] for a CSV."""
    path = Path(path)
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return []
    check_settled(path)
    book = _open_book(path)
    try:
        return [SheetInfo(ws.title, ws.sheet_state != "visible") for ws in book.worksheets]
    finally:
        book.close()


# --- the file as a whole -------------------------------------------------------------------------
def _stat(path: Path) -> os.stat_result:
    try:
        return path.stat()
    except FileNotFoundError:
        raise ImportFileError("missing", str(path)) from None
    except OSError as exc:
        raise ImportFileError("unreadable", str(path)) from exc


@contextmanager
def as_unreadable(path: Path) -> Iterator[None]:
    """Any OSError met reading `path` (open refused, a disk error half-way) as an unreadable
    file, its OSError the cause."""
    try:
        yield
    except OSError as exc:
        raise ImportFileError("unreadable", str(path)) from exc


def check_settled(path: Path) -> None:
    """Refuse a missing, huge or still-growing file (two looks `SETTLE_SECONDS` apart when it
    changed in the last few seconds)."""
    first = _stat(path)
    if path.is_dir():
        refused = IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        raise ImportFileError("unreadable", str(path)) from refused
    if not path.is_file():  # a device or a pipe: not opened (reading one may never end)
        raise ImportFileError("unreadable", str(path))
    if files.held(path):  # our own open database: reading it by hand would drop its locks
        raise ImportFileError("format", path.suffix or path.name)
    if first.st_size > MAX_FILE_BYTES:
        raise ImportFileError("too_big", f"{MAX_FILE_BYTES // (1024 * 1024)} MB")
    if time.time() - first.st_mtime < 3:
        time.sleep(SETTLE_SECONDS)
        second = _stat(path)
        if (second.st_size, second.st_mtime_ns) != (first.st_size, first.st_mtime_ns):
            raise ImportFileError("still_writing", path.name)
    # Opened, not os.access: the system's own refusal (and its errno) is what the user is told.
    with as_unreadable(path):
        path.open("rb").close()


# --- .xlsx ---------------------------------------------------------------------------------------
def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        # No end-of-archive record: cut off (still being copied or saved) or not an .xlsx.
        with path.open("rb") as handle:
            start = handle.read(4)
        if start == b"PK\x03\x04":
            raise ImportFileError("damaged", path.name) from None
        raise ImportFileError("not_xlsx", path.name) from None
    except OSError as exc:
        raise ImportFileError("unreadable", str(path)) from exc
    total = 0
    for member in members:
        total += member.file_size
        if member.file_size > 10 * 1024 * 1024 and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise ImportFileError("zip_bomb", path.name)
    if total > MAX_UNCOMPRESSED:
        raise ImportFileError("zip_bomb", path.name)


def _open_book(path: Path) -> Any:
    import openpyxl

    _check_zip(path)
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except (KeyError, ValueError, OSError, zipfile.BadZipFile, TypeError) as exc:
        # The library's exception names no part of the file a person could mend: the name only.
        raise ImportFileError("damaged", path.name) from exc


def _read_xlsx(path: Path, sheet: str | None, max_rows: int, progress: Progress | None) -> Table:
    book = _open_book(path)
    try:
        infos = [SheetInfo(ws.title, ws.sheet_state != "visible") for ws in book.worksheets]
        if not infos:
            raise ImportFileError("no_sheet", path.name)
        if sheet is None:
            chosen = next((ws for ws in book.worksheets if ws.sheet_state == "visible"), None)
            if chosen is None:
                raise ImportFileError("no_sheet", path.name)
        else:
            if sheet not in book.sheetnames:
                raise ImportFileError("no_sheet", sheet)
            chosen = book[sheet]
        merged = _merged_ranges(path, getattr(chosen, "_worksheet_path", ""))
        stated = chosen.max_row  # the sheet's own <dimension>; may be absent or wrong
        if isinstance(stated, int) and stated > max_rows + HEADER_SEARCH + 1:
            raise ImportFileError("too_many_rows", f"{max_rows:,}")
        try:
            rows = _xlsx_rows(chosen, merged)
            table = _table(path, chosen.title, infos, "", rows, max_rows, progress)
        except (KeyError, ValueError, zipfile.BadZipFile, EOFError) as exc:
            raise ImportFileError("damaged", path.name) from exc
    finally:
        book.close()
    return table


_MERGE_REF = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*\bref=\"([A-Z]+[0-9]+:[A-Z]+[0-9]+)\"")


def _merged_ranges(path: Path, part: str) -> list[tuple[int, int, int, int]]:
    """The merged ranges of a worksheet part (min_row, min_col, max_row, max_col): read-only
    openpyxl does not give them. <mergeCells> follows the sheet's data, so the part is streamed
    through in chunks looking for it (a byte search, far cheaper than parsing the rows twice)."""
    if not part:
        return []
    from openpyxl.utils.cell import range_boundaries

    tail = b""
    found = False
    try:
        with zipfile.ZipFile(path) as archive, archive.open(part.lstrip("/")) as stream:
            carry = b""
            while chunk := stream.read(1024 * 1024):
                data = carry + chunk
                if found:
                    tail += chunk
                elif (at := data.find(b"mergeCells")) >= 0:
                    found, tail = True, data[max(0, at - 1) :]
                else:
                    carry = data[-16:]
    except (KeyError, zipfile.BadZipFile, OSError):
        return []
    ranges: list[tuple[int, int, int, int]] = []
    for ref in _MERGE_REF.findall(tail):
        low_col, low_row, high_col, high_row = range_boundaries(ref.decode())
        if low_col and low_row and high_col and high_row:
            ranges.append((low_row, low_col, high_row, high_col))
    return ranges


def _xlsx_rows(
    sheet: Any, merged: list[tuple[int, int, int, int]]
) -> Iterator[tuple[int, list[Any], str]]:
    # Merged areas: every covered cell reads the area's top-left value.
    fills: dict[tuple[int, int], Any] = {}
    pending: dict[int, list[tuple[int, int, int, int]]] = {}
    for r0, c0, r1, c1 in merged:
        pending.setdefault(r0, []).append((r0, c0, r1, c1))
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells = list(values[:MAX_COLUMNS])
        for area in pending.pop(number, ()):
            r0, c0, r1, c1 = area
            value = cells[c0 - 1] if c0 - 1 < len(cells) else None
            for row in range(r0, r1 + 1):
                for col in range(c0, c1 + 1):
                    fills[(row, col)] = value
        if fills:
            for (row, col), value in [(k, v) for k, v in fills.items() if k[0] == number]:
                while len(cells) < col:
                    cells.append(None)
                if cells[col - 1] in (None, ""):
                    cells[col - 1] = value
                del fills[(row, col)]
        yield number, cells, ""


# --- .csv ----------------------------------------------------------------------------------------
def detect_encoding(path: Path | str) -> str:
    """UTF-8 with BOM or UTF-16 by their byte-order mark; else, over the lines holding non-ASCII
    bytes, UTF-8 when most of them are UTF-8 (a file pasted together from two exports keeps its
    majority; its other lines become row errors, see `_decoded_lines`); otherwise GB18030 or Big5,
    see `_gb_or_big5`."""
    path = Path(path)
    with path.open("rb") as handle:
        start = handle.read(4)
        if start.startswith(codecs.BOM_UTF8):
            return UTF8_BOM
        if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return UTF16
        handle.seek(0)
        utf8 = other = 0
        sample: list[bytes] = []  # the first lines in neither ASCII nor UTF-8
        size = 0
        for raw in handle:
            if raw.isascii():
                continue
            if _is_utf8(raw):
                utf8 += 1
            else:
                other += 1
                if size < SAMPLE_BYTES // 4:  # plenty to tell GB18030 from Big5
                    sample.append(raw)
                    size += len(raw)
    return UTF8 if utf8 >= other else _gb_or_big5(sample)


def _gb_or_big5(lines: list[bytes]) -> str:
    """GB18030 or Big5 for lines in one of them. The two share their byte ranges (Big5 text
    decodes as GB18030 without an error, into kana and rare characters: 客戶名稱 → 「め嘿︽穨」),
    so each reading is scored by how many of its characters are the common ones of its own
    standard: GB2312's level-1 hanzi and punctuation, Big5's frequent characters (A440–C67E)
    and punctuation. Real text scores high in its own encoding and low in the other; a tie
    (plain simplified text whose bytes also happen to be common Big5) stays GB18030."""
    gb = _common_share(lines, GB18030, "gb2312", lambda lead, _trail: 0xB0 <= lead <= 0xD7)
    big5 = _common_share(
        lines,
        "cp950",
        "cp950",
        lambda lead, trail: 0xA4 <= lead <= 0xC5 or (lead == 0xC6 and trail < 0x7F),
    )
    return BIG5 if big5 > gb else GB18030


def _common_share(
    lines: list[bytes], codec: str, standard: str, frequent: Callable[[int, int], bool]
) -> int:
    """Characters of `lines` read in `codec` that `standard` holds among its frequent hanzi or
    its punctuation (lead byte A1–A3), less two for each line that does not decode."""
    score = 0
    for raw in lines:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            score -= 2
            continue
        for char in text:
            if char.isascii():
                continue
            try:
                code = char.encode(standard)
            except UnicodeEncodeError:
                continue
            if len(code) == 2 and (0xA1 <= code[0] <= 0xA3 or frequent(code[0], code[1])):
                score += 1
    return score


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode(UTF8)
    except UnicodeDecodeError:
        return False
    return True


def _decoded_lines(path: Path, encoding: str, bad: set[int]) -> Iterator[str]:
    """The file's lines as text; a line not in `encoding` is kept (with U+FFFD) and its number
    put in `bad`. GB18030 and Big5 decode nearly any bytes, so there a line that is valid UTF-8
    with non-ASCII text is taken for what it is: a line of another encoding. A line ends at LF,
    CR LF or a lone CR (an old Mac export): the csv module refuses a bare CR inside a line."""
    if encoding == UTF16:
        with path.open("r", encoding="utf-16", newline="", errors="replace") as handle:
            yield from handle
        return
    codec = _CODECS.get(encoding, encoding)
    number = 0
    with path.open("rb") as handle:
        for chunk in handle:
            if number == 0 and encoding == UTF8_BOM:
                chunk = chunk.removeprefix(codecs.BOM_UTF8)
            # \r is never part of a multi-byte character in these encodings: a safe cut.
            lone_cr = chunk.find(b"\r", 0, len(chunk) - 2) >= 0
            pieces = chunk.splitlines(keepends=True) if lone_cr else (chunk,)
            for raw in pieces:
                number += 1
                if encoding in (GB18030, BIG5) and not raw.isascii() and _is_utf8(raw):
                    bad.add(number)
                try:
                    yield raw.decode(codec)
                except UnicodeDecodeError:
                    bad.add(number)
                    yield raw.decode(codec, errors="replace")


def _delimiter(path: Path, encoding: str) -> str:
    sample_lines: list[str] = []
    size = 0
    for line in _decoded_lines(path, encoding, set()):
        sample_lines.append(line)
        size += len(line)
        if size > SAMPLE_BYTES or len(sample_lines) > 50:
            break
    sample = "".join(sample_lines)
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return "\t" if sample.count("\t") > sample.count(",") else ","


def _read_csv(path: Path, encoding: str | None, max_rows: int, progress: Progress | None) -> Table:
    chosen = normalise_encoding(encoding) if encoding else None
    if chosen != UTF16 and _is_binary(path):
        raise ImportFileError("not_table", path.name)
    chosen = chosen or detect_encoding(path)
    if chosen == UTF8 and _starts_with_bom(path):
        chosen = UTF8_BOM
    delimiter = _delimiter(path, chosen)
    bad: set[int] = set()
    # A cell as long as the file may be is read (the module's default limit, 128 KB, would
    # refuse a long note as a broken file); it is cut to Excel's own limit below.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))
    # strict: a quotation mark never closed is an error, not the rest of the file run together
    # into one cell (a row or more lost without a word).
    reader = csv.reader(_decoded_lines(path, chosen, bad), delimiter=delimiter, strict=True)

    def rows() -> Iterator[tuple[int, list[Any], str]]:
        last = 0
        try:
            for record in reader:
                start, last = last + 1, reader.line_num
                problem = "encoding" if any(n in bad for n in range(start, last + 1)) else ""
                cells = record[:MAX_COLUMNS]
                if any(len(c) > MAX_CELL_CHARS for c in cells):
                    cells = [c[:MAX_CELL_CHARS] for c in cells]
                yield start, cells, problem
        except csv.Error as exc:
            # The module's words are English and name its own state: say the line instead.
            if "unexpected end of data" in str(exc):
                raise ImportFileError("unclosed_quote", str(last + 1)) from None
            if "expected after" in str(exc):
                raise ImportFileError("bad_quote", str(reader.line_num)) from None
            raise ImportFileError("bad_line", str(reader.line_num)) from None

    table = _table(path, "", [], chosen, rows(), max_rows, progress)
    return table


def _is_binary(path: Path) -> bool:
    """Whether the start of a file is binary bytes (a program, an image, a PDF or a zip renamed
    .csv) rather than text: a NUL byte, which no text in these encodings holds, or more than a
    few control characters other than tab, line breaks and form feed."""
    with path.open("rb") as handle:
        start = handle.read(SAMPLE_BYTES)
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\0" in start:
        return True
    controls = sum(1 for byte in start if byte < 0x20 and byte not in b"\t\n\r\f")
    return controls > max(8, len(start) // 100)


def _starts_with_bom(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(3) == codecs.BOM_UTF8


# --- header and rows -----------------------------------------------------------------------------
def _table(
    path: Path,
    sheet: str,
    sheets: list[SheetInfo],
    encoding: str,
    rows: Iterator[tuple[int, list[Any], str]],
    max_rows: int,
    progress: Progress | None,
) -> Table:
    """Find the header among the first rows, then collect the data rows under it."""
    looked: list[tuple[int, tuple[str, ...], str]] = []
    blank = 0
    for number, values, problem in rows:
        cells = _texts(values)
        if not any(cells):
            blank += 1
            continue
        looked.append((number, cells, problem))
        if len(looked) >= HEADER_SEARCH:
            break
    if not looked:  # not a cell with text: say so, rather than "no header"
        raise ImportFileError("empty", sheet or path.name)
    scored = [(header_score(cells), -i) for i, (_n, cells, _p) in enumerate(looked)]
    best_score, best = max(scored)
    index = -best if best_score > 0 else 0
    header_number, header, _ = looked[index]
    headers = [h.strip() for h in header]
    while headers and not headers[-1]:
        headers.pop()
    if not headers:
        raise ImportFileError("no_header", sheet or path.name)
    table = Table(path, sheet, sheets, encoding, header_number, headers, [], blank)
    header_key = tuple(headers)

    def take(number: int, cells: tuple[str, ...], problem: str) -> None:
        if not any(cells):
            table.skipped_blank += 1
            return
        if tuple(c.strip() for c in cells[: len(headers)]) == header_key:
            table.skipped_repeated_headers += 1
            return
        if len(table.rows) >= max_rows:
            raise ImportFileError("too_many_rows", f"{max_rows:,}")
        table.rows.append(SourceRow(number, _fit(cells, len(headers)), problem))
        if progress is not None and len(table.rows) % 500 == 0 and not progress(len(table.rows)):
            raise Cancelled

    for number, cells, problem in looked[index + 1 :]:
        take(number, cells, problem)
    for number, values, problem in rows:
        take(number, _texts(values), problem)
    return table


def _texts(values: Sequence[Any]) -> tuple[str, ...]:
    return tuple(cell_text(v) for v in values)


def _fit(cells: tuple[str, ...], width: int) -> tuple[str, ...]:
    if len(cells) >= width:
        return cells[:width] if not any(cells[width:]) else cells
    return cells + ("",) * (width - len(cells))
