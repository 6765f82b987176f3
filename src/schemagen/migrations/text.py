"""Normalised text of a migration file and the hashes over it."""

from __future__ import annotations

import hashlib

BOM = "\ufeff"


def normalise(data: bytes) -> str:
    """UTF-8 text with a leading BOM stripped and CRLF / CR turned into LF.

    Raises ``UnicodeDecodeError`` for bytes that are not UTF-8.
    """
    text = data.decode("utf-8")
    text = text.removeprefix(BOM)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def checksum(text: str) -> str:
    """The file checksum: sha256 hex of the normalised text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def chain(previous: str, text: str) -> str:
    """The chained hash of a file after ``previous`` (``""`` for the first file)."""
    return hashlib.sha256((previous + "\n" + text).encode("utf-8")).hexdigest()
