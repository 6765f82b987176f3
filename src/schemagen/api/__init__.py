"""The use cases: what the CLI (or any caller) can ask schemagen to do."""

from schemagen.api.build import BuildResult, build_project, compile_project, validate_project

__all__ = ["BuildResult", "build_project", "compile_project", "validate_project"]
