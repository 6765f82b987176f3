"""``render_plan``: a plan's changes as one SQL script."""

from __future__ import annotations

import functools

import jinja2

from schemagen.model.changes import Change
from schemagen.model.planned import Plan
from schemagen.render.environment import environment

HEADER_TEMPLATE = "files/header.sql.j2"


def render_change(change: Change) -> str:
    """The SQL of one change: one or more statements, each ending with ``;``, no trailing newline."""
    return _template(type(change)).render(change=change).strip()


@functools.cache
def _template(change_class: type[Change]) -> jinja2.Template:
    """The template of a change class, looked up once (``get_template`` costs more than a render)."""
    return environment().get_template(change_class.template_name())


def render_plan(plan: Plan, *, hazards: bool = False, files: jinja2.Environment | None = None) -> str:
    """Every change of ``plan`` in order, separated by blank lines, after a header comment.

    With ``hazards``, each hazardous change is preceded by ``-- hazard:`` lines. The header
    is the template ``files/header.sql.j2`` of ``files`` (default: the package's), the one
    part of the script a project may override; the changes always use the package's templates.
    """
    parts = [render_header(files)]
    for planned in plan:
        notes = "".join(f"-- hazard: {h.name}: {h.value}\n" for h in planned.hazards) if hazards else ""
        parts.append(notes + render_change(planned.change) + "\n")
    return "\n".join(parts)


def render_header(files: jinja2.Environment | None = None) -> str:
    """The header comment of a generated SQL script: ``files/header.sql.j2`` of ``files``."""
    return (files or environment()).get_template(HEADER_TEMPLATE).render()


def template_exists(change_class: type[Change]) -> bool:
    """Whether the template of a change class exists."""
    try:
        environment().get_template(change_class.template_name())
    except jinja2.TemplateNotFound:
        return False
    return True
