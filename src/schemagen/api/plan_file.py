"""Plan files (``plan --out FILE``): the SQL plus the fingerprint of the database it was computed for.

The file is a SQL script a person can read. Its header records the fingerprint,
the schemas read, the server's major version and the hazards; each step starts
with a ``-- step: {json}`` line that ``apply --plan`` reads back (its kind, object,
hazards and whether it runs outside a transaction).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from schemagen.errors import UsageError
from schemagen.render.report import ReportChange, split_statements
from schemagen.render.report_formats import plan_text
from schemagen.render.summary import ChangeSummary

MAGIC = "-- schemagen plan file"
STEP = "-- step: "


@dataclass(frozen=True)
class PlanFile:
    """A plan as written to disk."""

    fingerprint: str
    scope: tuple[str, ...]
    server_major: int
    changes: list[ReportChange]
    owners: bool = False
    """Owners were read (``owners: managed``): the fingerprint covers them, so they are read again."""


def format_plan_file(plan: PlanFile) -> str:
    """The text of a plan file."""
    hazards = sorted({h for change in plan.changes for h in change.hazards})
    header = [
        f"{MAGIC}: apply with `schemagen apply --dsn URL --plan FILE`",
        f"-- fingerprint: {plan.fingerprint}",
        f"-- schemas: {','.join(plan.scope)}",
        f"-- server: {plan.server_major}",
        f"-- hazards: {', '.join(hazards) if hazards else 'none'}",
        *(["-- owners: read"] if plan.owners else []),
    ]
    blocks = []
    for change in plan.changes:
        meta = {
            "kind": change.summary.kind,
            "object": change.summary.object,
            "action": change.summary.action,
            "detail": change.summary.detail,
            "hazards": list(change.hazards),
            "outside_transaction": change.outside_transaction,
        }
        blocks.append(STEP + json.dumps(meta, ensure_ascii=False) + "\n" + plan_text([change]).rstrip("\n"))
    return "\n".join(header) + "\n\n" + "\n\n".join(blocks) + ("\n" if blocks else "")


def read_plan_file(path: str | Path) -> PlanFile:
    """Parse a plan file; ``UsageError`` (with the line) when it is not one."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read plan file {path}: {exc.strerror}") from None
    lines = text.splitlines()
    if not lines or not lines[0].startswith(MAGIC):
        raise UsageError(f"{path}:1: not a schemagen plan file (write one with `schemagen plan --out FILE`)")
    header = {}
    for line in lines[1:6]:
        key, _, value = line.removeprefix("-- ").partition(": ")
        header[key] = value
    if not header.get("fingerprint", "").startswith("sha256:") or not header.get("server", "").isdigit():
        raise UsageError(f"{path}:2: plan file header is damaged (fingerprint, schemas, server expected)")
    changes, current, body = [], None, []
    for number, line in enumerate(lines, start=1):
        if line.startswith(STEP):
            if current is not None:
                changes.append(_step(current, body))
            try:
                current = json.loads(line[len(STEP) :])
            except json.JSONDecodeError:
                raise UsageError(f"{path}:{number}: damaged step line") from None
            body = []
        elif current is not None:
            body.append(line)
    if current is not None:
        changes.append(_step(current, body))
    scope = tuple(s for s in header.get("schemas", "").split(",") if s)
    owners = header.get("owners") == "read"
    return PlanFile(header["fingerprint"], scope, int(header["server"]), changes, owners)


def _step(meta: dict, body: list[str]) -> ReportChange:
    summary = ChangeSummary(meta["kind"], meta["object"], meta["action"], meta.get("detail", ""))
    return ReportChange(
        summary,
        split_statements("\n".join(body)),
        tuple(meta.get("hazards", ())),
        bool(meta.get("outside_transaction", False)),
    )
