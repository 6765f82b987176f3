"""``schemagen.sum``: chained hashes over every migration file, and what a mismatch means.

::

    schemagen-sum 1
    0001_initial.up.sql <sha256(""  + "\\n" + text)>
    0001_initial.down.sql <sha256(previous + "\\n" + text)>
    total <the last chained hash>

Each line's hash depends on every file before it, so two branches that both add a
migration conflict in git on the last lines. A file is checked against its own
line (``sha256(previous line's hash + "\\n" + text)``), so an edit is pinned to
the file that was edited; inserted, deleted and reordered files are told apart
by name and, for renamed files, by content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from schemagen.diagnostics import Diagnostic, Span, error
from schemagen.migrations.files import SUM_FILE, MigrationSet, Script, read_migrations
from schemagen.migrations.text import chain

HEADER = "schemagen-sum 1"
_ENTRY = re.compile(r"(?P<name>\S+) (?P<hash>[0-9a-f]{64})")
_HASH_HINT = (
    "a migration is not edited once written: undo the change and make a new migration with "
    "`schemagen migrate new NAME`; if the file was never applied anywhere, `schemagen migrate hash` "
    "records its new text"
)


@dataclass(frozen=True)
class _Entry:
    name: str
    hash: str
    previous: str
    line: int


def render_sum(scripts: list[Script]) -> str:
    """The sum file's text for ``scripts`` in order (up before down, versions ascending)."""
    lines, previous = [HEADER], ""
    for script in scripts:
        previous = chain(previous, script.text)
        lines.append(f"{script.file} {previous}")
    lines.append(f"total {previous}")
    return "\n".join(lines) + "\n"


def sum_total(text: str) -> str | None:
    """The ``total`` hash of a sum file's text (None when it has none)."""
    for line in reversed(text.splitlines()):
        if line.startswith("total "):
            return line.removeprefix("total ").strip()
    return None


def verify_directory(directory: Path, display: str = "generated/migrations") -> MigrationSet:
    """Read the migrations of ``directory`` and check them against its sum file."""
    found = read_migrations(directory, display)
    sum_path = directory / SUM_FILE
    sum_text = sum_path.read_text(encoding="utf-8") if sum_path.is_file() else None
    if sum_text is None and not found.migrations and not found.diagnostics:
        return found
    problems = check_sum(sum_text, found.scripts, display)
    return MigrationSet(found.migrations, found.diagnostics + tuple(problems))


def check_sum(
    sum_text: str | None, scripts: list[Script], display: str = "generated/migrations"
) -> list[Diagnostic]:
    """What differs between the files (in order) and the sum file's text: ``M610`` to ``M615``."""
    where = f"{display}/{SUM_FILE}"
    if sum_text is None:
        return [
            error(
                "M610",
                f"{display} has migrations but no {SUM_FILE}",
                Span(where, 1, 1),
                "`schemagen migrate new` writes it; `schemagen migrate hash` writes it for hand-made files",
            )
        ]
    entries, problems = _parse(sum_text.replace("\r\n", "\n"), where)
    if problems:
        return problems
    return _compare(entries, scripts, display, where)


def _parse(text: str, where: str) -> tuple[list[_Entry], list[Diagnostic]]:
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0] != HEADER:
        return [], [error("M611", f"{SUM_FILE} does not start with '{HEADER}'", Span(where, 1, 1))]
    entries: list[_Entry] = []
    previous = ""
    for number, line in enumerate(lines[1:-1], start=2):
        match = _ENTRY.fullmatch(line)
        if not match or match["name"] == "total":
            hint = (
                "a merge left conflict markers?"
                if line.startswith(("<<<<<<<", "=======", ">>>>>>>"))
                else None
            )
            return [], [
                error("M611", f"malformed line in {SUM_FILE}: '{line}'", Span(where, number, 1), hint)
            ]
        entries.append(_Entry(match["name"], match["hash"], previous, number))
        previous = match["hash"]
    last = lines[-1] if len(lines) > 1 else ""
    if last != f"total {previous}":
        return [], [
            error(
                "M611",
                f"the last line of {SUM_FILE} is not 'total' and the hash of its last file",
                Span(where, len(lines), 1),
                "the sum file was edited by hand or merged; it is written by `schemagen migrate new`",
            )
        ]
    return entries, []


def _compare(entries: list[_Entry], scripts: list[Script], display: str, where: str) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    by_name = {entry.name: entry for entry in entries}
    matched: set[str] = set()
    for script in scripts:
        at = Span(f"{display}/{script.file}", 1, 1)
        own = by_name.get(script.file)
        if own and _holds(own, script):
            matched.add(own.name)
            continue
        moved = next((e for e in entries if e is not own and _holds(e, script)), None)
        if moved:
            matched.add(moved.name)
            problems.append(
                error(
                    "M615",
                    f"{script.file} holds the text {SUM_FILE} recorded for {moved.name} (line {moved.line}):"
                    " migrations were reordered or renamed",
                    at,
                    "migrations keep their number and name once written; give the files back their names",
                )
            )
        elif own:
            problems.append(
                error(
                    "M612",
                    f"{script.file} was edited: its text does not match {SUM_FILE} (line {own.line})",
                    at,
                    _HASH_HINT,
                )
            )
        else:
            problems.append(
                error(
                    "M613",
                    f"{script.file} is not in {SUM_FILE}: a migration file was inserted by hand",
                    at,
                    (
                        "write migrations with `schemagen migrate new NAME`;"
                        " `schemagen migrate hash` records hand-made ones"
                    ),
                )
            )
    on_disk = {script.file for script in scripts}
    problems += [
        error(
            "M614",
            f"{e.name} is in {SUM_FILE} (line {e.line}) but was deleted",
            Span(where, e.line, 1),
            "a migration is not deleted once written: restore it, or undo it with a new migration",
        )
        for e in entries
        if e.name not in on_disk and e.name not in matched
    ]
    problems += _reordered([s for s in scripts if s.file in by_name], by_name, display)
    return problems


def _holds(entry: _Entry, script: Script) -> bool:
    """Whether ``script``'s text is the text ``entry`` recorded."""
    return chain(entry.previous, script.text) == entry.hash


def _reordered(common: list[Script], by_name: dict[str, _Entry], display: str) -> list[Diagnostic]:
    """The files whose place among the others differs from the sum file's order."""
    lines = [by_name[s.file].line for s in common]
    keep = _longest_increasing(lines)
    return [
        error(
            "M615",
            f"{script.file} is out of the order {SUM_FILE} recorded (its line {by_name[script.file].line})",
            Span(f"{display}/{script.file}", 1, 1),
            "migrations keep their number once written; give the files back their names",
        )
        for index, script in enumerate(common)
        if index not in keep
    ]


def _longest_increasing(values: list[int]) -> set[int]:
    """Indexes of a longest strictly increasing subsequence of ``values`` (quadratic: few files)."""
    if not values:
        return set()
    length = [1] * len(values)
    before = [-1] * len(values)
    for i, value in enumerate(values):
        for j in range(i):
            if values[j] < value and length[j] + 1 > length[i]:
                length[i], before[i] = length[j] + 1, j
    index = max(range(len(values)), key=lambda i: (length[i], -i))
    kept = set()
    while index != -1:
        kept.add(index)
        index = before[index]
    return kept
