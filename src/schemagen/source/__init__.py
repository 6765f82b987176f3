"""Stage 1: read YAML with the position of every key and value (``L1xx``)."""

from schemagen.model.document import JsonPath, SourceDocument
from schemagen.model.settings import ProjectSettings
from schemagen.source.project import load_file, load_project, load_settings, load_text

__all__ = [
    "JsonPath",
    "ProjectSettings",
    "SourceDocument",
    "load_file",
    "load_project",
    "load_settings",
    "load_text",
]
