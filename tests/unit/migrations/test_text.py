"""Normalised text and hashes of migration files."""

from __future__ import annotations

import hashlib

import pytest

from schemagen.migrations import chain, checksum, normalise


def test_normalise_strips_bom_and_line_endings() -> None:
    assert normalise("\ufeffa\r\nb\rc\n".encode()) == "a\nb\nc\n"


def test_normalise_keeps_plain_text() -> None:
    assert normalise(b"select 1;\n") == "select 1;\n"


def test_normalise_refuses_non_utf8() -> None:
    with pytest.raises(UnicodeDecodeError):
        normalise(b"\xff\xfe")


def test_checksum_is_sha256_of_the_normalised_text() -> None:
    assert checksum("x\n") == hashlib.sha256(b"x\n").hexdigest()
    assert checksum(normalise(b"x\r\n")) == checksum("x\n")


def test_chain_depends_on_the_previous_hash() -> None:
    assert chain("", "a") == hashlib.sha256(b"\na").hexdigest()
    assert chain("0" * 64, "a") != chain("", "a")
