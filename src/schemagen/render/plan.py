"""``render_plan``: a plan's changes as one SQL script."""

from __future__ import annotations

import enum
import functools
from dataclasses import dataclass

import jinja2

from schemagen.model.changes import Change
from schemagen.model.names import QualifiedName
from schemagen.model.pg.sqlrefs import DEFAULT_SEARCH_PATH
from schemagen.model.planned import Plan, PlannedChange
from schemagen.render.environment import environment

HEADER_TEMPLATE = "files/header.sql.j2"


class Part(enum.Enum):
    """What a piece of a full script is (``build --verify`` runs some of them, not all)."""

    HEADER = "header"
    BEGIN = "begin"
    SEARCH_PATH = "search_path"
    CHANGE = "change"
    MAINTENANCE = "maintenance"
    COMMIT = "commit"


@dataclass(frozen=True)
class ScriptPart:
    """One piece of a full script: its SQL text and, for a change, the change it renders."""

    kind: Part
    sql: str
    change: Change | None = None


def render_change(change: Change) -> str:
    """The SQL of one change: one or more statements, each ending with ``;``, no trailing newline."""
    return _template(type(change)).render(change=change).strip()


@functools.cache
def _template(change_class: type[Change]) -> jinja2.Template:
    """The template of a change class, looked up once (``get_template`` costs more than a render)."""
    return environment().get_template(change_class.template_name())


def planned_statements(planned: PlannedChange) -> list[str]:
    """What to send for one planned change, one string per round trip: each ``SET lock_timeout`` /
    ``statement_timeout`` the plan sets, then the change's SQL.

    An ``outside_transaction`` change is a single statement and must be sent on its own
    (several statements in one simple query form an implicit transaction block).
    """
    settings = _statement_settings().render(planned=planned).strip()
    return [*(line for line in settings.splitlines() if line), render_change(planned.change)]


def render_planned(planned: PlannedChange) -> str:
    """The SQL of one planned change: its timeouts (when the plan sets them), then its statements."""
    return "\n".join(planned_statements(planned))


@functools.cache
def _statement_settings() -> jinja2.Template:
    return environment().get_template("statement_settings.sql.j2")


def render_plan(plan: Plan, *, hazards: bool = False, files: jinja2.Environment | None = None) -> str:
    """Every change of ``plan`` in order, separated by blank lines, after a header comment.

    With ``hazards``, each hazardous change is preceded by ``-- hazard:`` lines, a
    ``-- lock:`` line when it locks an existing table, and ``-- outside a transaction``
    when it must run on its own. The header is the template ``files/header.sql.j2`` of
    ``files`` (default: the package's), the one part of the script a project may override;
    the changes always use the package's templates.
    """
    parts = [render_header(files)]
    for planned in plan:
        notes = _notes(planned) if hazards else ""
        parts.append(notes + render_planned(planned) + "\n")
    return "\n".join(parts)


def render_header(files: jinja2.Environment | None = None) -> str:
    """The header comment of a generated SQL script: ``files/header.sql.j2`` of ``files``."""
    return (files or environment()).get_template(HEADER_TEMPLATE).render()


def _notes(planned: PlannedChange) -> str:
    notes = "".join(f"-- hazard: {h.name}: {h.value}\n" for h in planned.hazards)
    if planned.lock is not None:
        notes += f"-- lock: {planned.lock.value}\n"
    if planned.outside_transaction:
        notes += "-- outside a transaction\n"
    return notes


def template_exists(change_class: type[Change]) -> bool:
    """Whether the template of a change class exists."""
    try:
        environment().get_template(change_class.template_name())
    except jinja2.TemplateNotFound:
        return False
    return True


def script_parts(
    plan: Plan, *, files: jinja2.Environment | None = None, maintenance: QualifiedName | None = None
) -> list[ScriptPart]:
    """A plan as a whole script: header, ``BEGIN``, ``search_path`` pinned with ``SET LOCAL``,
    the changes, the partition maintenance run (``maintenance``: its function) and ``COMMIT``.

    A change marked ``outside_transaction`` runs between a ``COMMIT`` and a new ``BEGIN``.
    """
    begin = [
        ScriptPart(Part.BEGIN, _file("begin")),
        ScriptPart(Part.SEARCH_PATH, _file("search_path", search_path=DEFAULT_SEARCH_PATH)),
    ]
    parts = [ScriptPart(Part.HEADER, render_header(files)), *begin]
    for planned in plan:
        change = ScriptPart(Part.CHANGE, render_planned(planned) + "\n", planned.change)
        if planned.outside_transaction:
            parts += [ScriptPart(Part.COMMIT, _file("commit")), change, *begin]
        else:
            parts.append(change)
    if maintenance is not None:
        parts.append(ScriptPart(Part.MAINTENANCE, _file("maintenance", function=maintenance)))
    parts.append(ScriptPart(Part.COMMIT, _file("commit")))
    return parts


def render_script(parts: list[ScriptPart]) -> str:
    """The parts of :func:`script_parts` as one script, separated by blank lines."""
    return "\n".join(part.sql for part in parts)


def _file(name: str, **values: object) -> str:
    return environment().get_template(f"files/{name}.sql.j2").render(**values)
