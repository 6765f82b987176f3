"""Exceptions raised by the API layer; stages return diagnostics instead."""

from __future__ import annotations

from schemagen.diagnostics import Diagnostic


class SchemagenError(Exception):
    """Base class for every error schemagen raises on purpose."""


class InvalidProject(SchemagenError):
    """The declared schema has errors; carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        super().__init__(f"{len(diagnostics)} problem(s) in the declared schema")


class UsageError(SchemagenError):
    """The command was called wrongly (missing project, bad option)."""


class DatabaseError(SchemagenError):
    """A database could not be reached or rejected a statement."""


class OutputExists(SchemagenError):
    """``inspect --out`` names a directory that already holds a project (and no ``--force``)."""
