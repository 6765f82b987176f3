"""Render: each change becomes SQL through the template named after its class."""

from schemagen.render.plan import render_change, render_plan, template_exists

__all__ = ["render_change", "render_plan", "template_exists"]
