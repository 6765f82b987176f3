"""The use cases: what the CLI (or any caller) can ask schemagen to do.

The build use cases are imported on first use (PEP 562), so ``schemagen
inspect`` does not load the validator, builder, checks and renderer it never
calls (a third of a second at start-up).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from schemagen.api.build import BuildResult, build_project, compile_project, validate_project

_BUILD = frozenset({"BuildResult", "build_project", "compile_project", "validate_project"})


def __getattr__(name: str) -> Any:
    if name in _BUILD:
        from schemagen.api import build

        return getattr(build, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def json_schema(settings: bool = False) -> dict:
    """The published JSON Schema of the YAML format (``settings``: of schemagen.yaml)."""
    from schemagen.validate import json_schema as schema
    from schemagen.validate import settings_json_schema

    return settings_json_schema() if settings else schema()


__all__ = ["BuildResult", "build_project", "compile_project", "json_schema", "validate_project"]
