"""The three output formats of ``diff``, ``plan`` and ``apply``: text, json and markdown."""

from __future__ import annotations

import json
from collections.abc import Sequence

from schemagen.render.report import HAZARD_DESCRIPTIONS, ReportChange
from schemagen.render.summary import SIGNS, kind_rank

FORMATS = ("text", "json", "markdown")


def _by_kind(changes: Sequence[ReportChange]) -> dict[str, list[ReportChange]]:
    groups: dict[str, list[ReportChange]] = {}
    for change in sorted(changes, key=lambda c: kind_rank(c.summary.kind)):
        groups.setdefault(change.summary.kind, []).append(change)
    return groups


def hazard_index(changes: Sequence[ReportChange]) -> dict[str, list[str]]:
    """Hazard name → the summary line of every change carrying it, hazards sorted by name."""
    index: dict[str, list[str]] = {}
    for change in changes:
        for hazard in change.hazards:
            index.setdefault(hazard, []).append(change.summary.line())
    return dict(sorted(index.items()))


def _hazard_lines(changes: Sequence[ReportChange], indent: str) -> list[str]:
    lines = []
    for hazard, objects in hazard_index(changes).items():
        lines.append(f"{indent}{hazard} ({HAZARD_DESCRIPTIONS.get(hazard, hazard)}):")
        lines += [f"{indent}    {line}" for line in objects]
    return lines


def _unmanaged_lines(unmanaged: Sequence[str]) -> list[str]:
    if not unmanaged:
        return []
    return ["", "unmanaged (the model cannot read these; left alone):", *(f"  {u}" for u in unmanaged)]


def diff_text(changes: Sequence[ReportChange], unmanaged: Sequence[str] = ()) -> str:
    """Object by object, grouped by kind, then the hazards and the unmanaged objects."""
    if not changes:
        return "\n".join(["no differences", *_unmanaged_lines(unmanaged)]) + "\n"
    lines: list[str] = []
    for kind, group in _by_kind(changes).items():
        lines.append(f"{kind}:")
        lines += [f"  {change.summary.line()}" for change in group]
    hazards = _hazard_lines(changes, "  ")
    if hazards:
        lines += ["", "hazards:", *hazards]
    lines += _unmanaged_lines(unmanaged)
    return "\n".join(lines) + "\n"


def _comment(text: str) -> str:
    """A ``--`` comment line: a line break in a name is written ``\\n``, so it cannot end the comment.

    >>> _comment("+ table app.a\\nDROP TABLE x")
    '-- + table app.a\\\\nDROP TABLE x'
    """
    return "-- " + text.replace("\r", "\\r").replace("\n", "\\n")


def plan_text(changes: Sequence[ReportChange], unmanaged: Sequence[str] = ()) -> str:
    """The SQL in plan order, each change after a comment naming it and its hazards, then the
    unmanaged objects (listed with no changes too)."""
    tail = [_comment(f"unmanaged (left alone): {u}") for u in unmanaged]
    if not changes:
        return "\n".join(["-- no changes: the database matches the declared schema", *tail]) + "\n"
    blocks = []
    for change in changes:
        notes = [_comment(change.summary.line())]
        notes += [f"-- hazard {h}: {HAZARD_DESCRIPTIONS.get(h, h)}" for h in change.hazards]
        if change.outside_transaction:
            notes.append("-- runs outside a transaction")
        blocks.append("\n".join([*notes, *change.sql]))
    return "\n\n".join(blocks) + "\n" + ("\n" + "\n".join(tail) + "\n" if tail else "")


def report_json(changes: Sequence[ReportChange]) -> str:
    """The json document; its shape is documented in the README.

    ``{"changes": [{"kind", "object", "sql", "hazards"}], "hazards": [{"name", "description", "objects"}]}``
    """
    document = {
        "changes": [
            {
                "kind": change.summary.kind,
                "object": change.summary.object,
                "sql": list(change.sql),
                "hazards": list(change.hazards),
            }
            for change in changes
        ],
        "hazards": [
            {"name": name, "description": HAZARD_DESCRIPTIONS.get(name, name), "objects": objects}
            for name, objects in hazard_index(changes).items()
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def report_markdown(changes: Sequence[ReportChange], unmanaged: Sequence[str] = (), title: str = "") -> str:
    """A pull-request comment: summary table (kind by created/altered/dropped), hazards, the SQL."""
    lines = [f"### {title or 'schemagen plan'}", ""]
    if not changes:
        lines.append("No differences: the database matches the declared schema.")
    else:
        lines += ["| kind | created | altered | dropped |", "| --- | ---: | ---: | ---: |"]
        for kind, group in _by_kind(changes).items():
            counts = [sum(1 for c in group if c.summary.action == action) for action in SIGNS]
            lines.append(f"| {kind} | " + " | ".join(str(n) for n in counts) + " |")
        index = hazard_index(changes)
        lines += ["", "#### Hazards", ""]
        if not index:
            lines.append("None.")
        for hazard, objects in index.items():
            lines.append(
                f"- **{hazard}** ({HAZARD_DESCRIPTIONS.get(hazard, hazard)}): {len(objects)} change(s)"
            )
            lines += [f"  - {code_span(line)}" for line in objects]
        sql = plan_text(changes).rstrip("\n")
        fence = "`" * max(3, _longest_backtick_run(sql) + 1)
        lines += ["", "#### SQL", "", f"{fence}sql", sql, fence]
    if unmanaged:
        lines += ["", "#### Unmanaged (left alone)", "", *(f"- {code_span(u)}" for u in unmanaged)]
    return "\n".join(lines) + "\n"


def code_span(text: str) -> str:
    """``text`` as one Markdown code span, whatever it holds (names may hold backticks and line breaks).

    >>> code_span("app.t")
    '`app.t`'
    >>> code_span("app.`x`")
    '`` app.`x` ``'
    """
    text = text.replace("\r", "\\r").replace("\n", "\\n")
    ticks = "`" * (_longest_backtick_run(text) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or ticks != "`" else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _longest_backtick_run(text: str) -> int:
    longest = run = 0
    for char in text:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    return longest
