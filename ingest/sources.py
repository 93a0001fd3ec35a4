"""Opening inputs: plain or gzip files and standard input, read as bytes."""

from __future__ import annotations

import gzip
import io
from pathlib import Path
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b"
STDIN = "-"


def open_binary(path: str | Path) -> BinaryIO:
    """A binary stream of a file's content, decompressed when it is gzip (by content, not name)."""
    raw = open(path, "rb")  # noqa: SIM115 - returned to the caller, who closes it
    if raw.read(2) == GZIP_MAGIC:
        raw.seek(0)
        return gzip.GzipFile(fileobj=raw)
    raw.seek(0)
    return raw


def read_head(path: str | Path, size: int = 4096) -> bytes:
    """The first bytes of a file's content (decompressed), for format detection."""
    try:
        with open_binary(path) as stream:
            return stream.read(size)
    except (OSError, EOFError):
        return b""


def text_stream(binary: BinaryIO, path: str | Path) -> io.TextIOWrapper:
    """A UTF-8 text stream that fails loudly on undecodable bytes."""
    return io.TextIOWrapper(binary, encoding="utf-8", errors="strict", newline=None)
