"""The use cases: what the CLI (or any caller) can ask schemagen to do."""

from schemagen.api.build import BuildResult, build_project, compile_project, validate_project


def json_schema() -> dict:
    """The published JSON Schema of the YAML format."""
    from schemagen.validate import json_schema as schema

    return schema()


__all__ = ["BuildResult", "build_project", "compile_project", "json_schema", "validate_project"]
