"""Render: each change becomes SQL through the template named after its class."""

from schemagen.render.plan import (
    planned_statements,
    render_change,
    render_plan,
    render_planned,
    template_exists,
)

__all__ = ["planned_statements", "render_change", "render_plan", "render_planned", "template_exists"]
