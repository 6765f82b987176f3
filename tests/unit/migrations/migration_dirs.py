"""Migration directories for the tests: files written as `migrate new` would."""

from __future__ import annotations

from pathlib import Path

from schemagen.migrations import file_name

UP = "-- schemagen migration {id} (up)\n\nCREATE TABLE t{id} (id int);\n"
DOWN = (
    "-- schemagen migration {id} (down)\n-- hazard: deletes_data: drop table public.t\n\nDROP TABLE t{id};\n"
)


def write(directory: Path, name: str, text: str | bytes) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def pair(directory: Path, version: int, name: str) -> None:
    ident = f"{version:04d}_{name}"
    write(directory, file_name(version, name, "up"), UP.format(id=ident))
    write(directory, file_name(version, name, "down"), DOWN.format(id=ident))
