"""What we learn about a raw input before and while loading it.

Cheap checks come first (size, magic bytes, header, the file's last bytes) so that empty,
binary and truncated files are refused before any scan. The sha256 that makes loads
idempotent is computed in a background thread while DuckDB scans the file: hashlib releases
the GIL, so on two cores the hash costs almost no wall time.
"""
from __future__ import annotations

import csv
import hashlib
import shutil
import threading
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from domain.errors import LoadRefused

CHUNK = 8 * 1024 * 1024
HEAD = 1024 * 1024
TAIL = 64 * 1024


@dataclass
class SourceFile:
    path: Path            # what the user named
    csv_path: Path        # the text to scan (extracted from a ZIP when needed)
    encoding: str         # "utf-8" first; the loader falls back to "latin-1"
    est_rows: int         # for the progress bar
    ends_with_newline: bool
    last_line: str        # to recognise a truncated final row among the rejects
    has_body: bool        # anything after the header line
    header: list[str]
    hasher: "BackgroundHash"

    @property
    def sha256(self) -> str:
        return self.hasher.result()


class BackgroundHash:
    """sha256 of a file, computed in a thread; result() waits for it."""

    def __init__(self, path: Path):
        self._digest: str | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(path,), daemon=True)
        self._thread.start()

    def _run(self, path: Path) -> None:
        try:
            self._digest = sha256_of(path)
        except BaseException as exc:  # surfaced by result()
            self._error = exc

    def result(self) -> str:
        self._thread.join()
        if self._error:
            raise self._error
        return self._digest  # type: ignore[return-value]


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def extract_zip(path: Path, workdir: Path) -> Path:
    """The single CSV member of a MEF ZIP, streamed to disk."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            members = [m for m in zf.infolist() if m.filename.lower().endswith(".csv") and not m.is_dir()]
            if len(members) != 1:
                raise LoadRefused(name, f"a MEF ZIP must hold exactly one .csv file; this one holds {len(members)}")
            out = workdir / Path(members[0].filename).name
            with zf.open(members[0]) as src, open(out, "wb") as dst:
                shutil.copyfileobj(src, dst, CHUNK)
            return out
    except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
        raise LoadRefused(name, f"corrupt or truncated ZIP archive ({exc})") from None


def _inspect(path: Path, display_name: str, csv_path: Path) -> SourceFile:
    size = csv_path.stat().st_size
    if size == 0:
        raise LoadRefused(display_name, "empty file (0 bytes)")
    with open(csv_path, "rb") as fh:
        head = fh.read(HEAD)
        fh.seek(max(0, size - TAIL))
        tail = fh.read()
    for block, offset_line in ((head, 0), (tail, None)):
        if b"\x00" in block:
            line = block[: block.index(b"\x00")].count(b"\n") + 1 if offset_line == 0 else None
            raise LoadRefused(display_name, "undecodable: NUL bytes, so binary or UTF-16, not a CSV text file",
                              line=line)
    encoding = "utf-8"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:       # not just a character cut by the chunk end
            encoding = "latin-1"
    header = _parse_header(head, encoding, display_name)
    first_line_len = max(1, len(head.split(b"\n", 1)[0]))
    body = head.split(b"\n", 2)
    row_len = len(body[1]) + 1 if len(body) > 2 else first_line_len
    ends_nl = tail.endswith(b"\n")
    last_line = tail.rstrip(b"\r\n").rsplit(b"\n", 1)[-1].decode(encoding, errors="replace").rstrip("\r")
    return SourceFile(path=path, csv_path=csv_path, encoding=encoding,
                      est_rows=max(1, (size - first_line_len) // max(row_len, 1)), ends_with_newline=ends_nl,
                      last_line=last_line, has_body=len(body) > 1 and bool(b"".join(body[1:]).strip()),
                      header=header, hasher=BackgroundHash(path))


def _parse_header(first_chunk: bytes, encoding: str, name: str) -> list[str]:
    head = first_chunk.split(b"\n", 1)[0].rstrip(b"\r")
    text = head.decode(encoding, errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        fields = next(csv.reader([text]))
    except (StopIteration, csv.Error):
        raise LoadRefused(name, "cannot read a CSV header", line=1) from None
    return [f.strip() for f in fields]


def open_source(path: Path, workdir: Path) -> SourceFile:
    """Inspect a CSV, or the CSV inside a ZIP (the ZIP's own bytes give the sha256)."""
    path = Path(path)
    if not path.exists():
        raise LoadRefused(path.name, "file not found")
    with open(path, "rb") as fh:
        magic = fh.read(4)
    is_zip = zipfile.is_zipfile(path)
    if magic == b"PK\x03\x04" and not is_zip:
        raise LoadRefused(path.name, "corrupt or truncated ZIP archive (no central directory)")
    if is_zip:
        return _inspect(path, path.name, extract_zip(path, workdir))
    return _inspect(path, path.name, path)
