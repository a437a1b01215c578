"""One pass over a raw input before loading: identity, encoding, shape.

We read the bytes once in chunks (bounded memory) to get the sha256 that makes loads
idempotent, to choose UTF-8 or latin-1 before DuckDB scans it, to refuse binary and empty
files early, and to count lines for the progress bar and the truncation check.
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import shutil
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from etl.errors import LoadRefused

CHUNK = 8 * 1024 * 1024


@dataclass
class SourceFile:
    path: Path            # what the user named
    csv_path: Path        # the text to scan (extracted from a ZIP when needed)
    sha256: str
    size: int
    encoding: str         # "utf-8" or "latin-1"
    lines: int            # physical lines, header included
    ends_with_newline: bool
    header: list[str]


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


def inspect_text(path: Path, display_name: str, csv_path: Path | None = None) -> SourceFile:
    """sha256 of `path`; encoding, line count and header of `csv_path` (default: `path`)."""
    csv_path = csv_path or path
    if not path.exists():
        raise LoadRefused(display_name, "file not found")
    sha = sha256_of(path) if csv_path != path else None
    h = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    encoding = "utf-8"
    lines = 0
    last = b""
    first_chunk = b""
    size = 0
    offset = 0
    with open(csv_path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            if not first_chunk:
                first_chunk = chunk
            if sha is None:
                h.update(chunk)
            if b"\x00" in chunk:
                line = lines + chunk[: chunk.index(b"\x00")].count(b"\n") + 1
                raise LoadRefused(display_name, "binary content (NUL byte): not a CSV text file", line=line)
            if encoding == "utf-8":
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    encoding = "latin-1"   # every byte sequence is valid latin-1
            lines += chunk.count(b"\n")
            last = chunk[-1:]
            size += len(chunk)
            offset += len(chunk)
        if encoding == "utf-8":
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                encoding = "latin-1"
    if size == 0:
        raise LoadRefused(display_name, "empty file (0 bytes)")
    ends_nl = last == b"\n"
    if not ends_nl:
        lines += 1
    header = _parse_header(first_chunk, encoding, display_name)
    return SourceFile(path=path, csv_path=csv_path, sha256=sha or h.hexdigest(), size=size,
                      encoding=encoding, lines=lines, ends_with_newline=ends_nl, header=header)


def _parse_header(first_chunk: bytes, encoding: str, name: str) -> list[str]:
    head = first_chunk.split(b"\n", 1)[0].rstrip(b"\r")
    text = head.decode(encoding)
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
    if magic == b"PK\x03\x04" and not zipfile.is_zipfile(path):
        raise LoadRefused(path.name, "corrupt or truncated ZIP archive (no central directory)")
    if zipfile.is_zipfile(path):
        csv_path = extract_zip(path, workdir)
        return inspect_text(path, path.name, csv_path)
    return inspect_text(path, path.name)
