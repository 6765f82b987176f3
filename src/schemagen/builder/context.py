"""State shared while building one catalog: diagnostics, definitions, names, types.

Builder codes (the semantic checks use C301-C379): ``C380`` a name defined
twice, ``C381`` two primary keys on one table, ``C382`` a column shorthand or
index key that does not parse, ``C383`` a reference that is not a valid name,
``C384`` a serial column with a default or identity, ``C385`` range partitions
that cannot be generated, ``C386``-``C388`` grants, default privileges and rows
that cannot be read, ``C389`` an object skipped because its YAML does not have
the shape the format describes (validation has reported why).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from schemagen.diagnostics import Diagnostic, Span, error
from schemagen.model.document import JsonPath, SourceDocument
from schemagen.model.names import QualifiedName
from schemagen.model.pg.builtins import extension_of_type
from schemagen.model.pg.quoting import quote_ident
from schemagen.model.pg.scan import split_dotted
from schemagen.model.pg.types import canonical_type, is_builtin_type, split_array, split_type
from schemagen.model.settings import ProjectSettings


def name_list(value: Any) -> tuple[str, ...] | None:
    """A YAML list of names as a tuple; None for any other shape (validation reports it).

    A string is not a list of its letters: ``primary_key: id`` must not become
    the columns ``i`` and ``d``.

    >>> name_list(["id", "at"]), name_list("id"), name_list(None)
    (('id', 'at'), None, None)
    """
    if isinstance(value, list | tuple) and all(isinstance(v, str | int | float) for v in value):
        return tuple(str(v) for v in value)
    return None


@dataclass
class Located:
    """Where a definition was found: the document and the JSON path of its key."""

    document: SourceDocument
    path: JsonPath

    @property
    def span(self) -> Span:
        return self.document.key_span(self.path)


@dataclass
class BuildContext:
    """Everything the per-kind builders share while turning documents into a catalog."""

    settings: ProjectSettings
    diagnostics: list[Diagnostic] = field(default_factory=list)
    definitions: dict[tuple[str, Any], Located] = field(default_factory=dict)
    user_types: set[QualifiedName] = field(default_factory=set)
    extension_schemas: dict[str, str] = field(default_factory=dict)
    relation_names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    constraint_names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    _resolved: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)

    def error(self, code: str, message: str, span: Span | None, hint: str | None = None) -> None:
        """Record an error."""
        self.diagnostics.append(error(code, message, span, hint))

    def define(self, kind: str, key: Any, where: Located, shown: str) -> bool:
        """Register a definition; False (and a C380 error) when ``key`` is already defined."""
        previous = self.definitions.get((kind, key))
        if previous is None:
            self.definitions[(kind, key)] = where
            return True
        first = previous.span
        self.error(
            "C380",
            f"{kind} {shown} is defined twice (first at {first})",
            where.span,
            "rename or remove one of the definitions",
        )
        return False

    def owner(self, document: SourceDocument, path: JsonPath, spec: Any) -> str | None:
        """The owner of the object declared at ``path``: its ``owner:``, else its file's ``owner:``.

        None when the project does not manage owners (``owners: managed``), where an
        object's ``owner:`` is a C396 error (the file's own is reported by ``build_schemas``).
        """
        own = spec.get("owner") if isinstance(spec, dict) else None
        if not self.settings.owners_managed:
            if own is not None:
                self.error(
                    "C396",
                    "owner: is given, but the project does not manage owners",
                    document.key_span((*path, "owner")),
                    "set owners: managed in schemagen.yaml, or remove owner:",
                )
            return None
        if own is None:
            own = document.data.get("owner") if isinstance(document.data, dict) else None
        return None if own is None else str(own)

    def resolve_type(self, written: str, schema: str) -> str:
        """Canonical, qualified type text for a type written in ``schema``.

        Built-in types get their canonical spelling; an unqualified user type
        is taken from ``schema``; a well-known extension type from its
        extension's schema (``public`` unless declared otherwise).
        """
        key = (written, schema)
        cached = self._resolved.get(key)
        if cached is None:
            cached = self._resolved[key] = self._resolve_type(written, schema)
        return cached

    def _resolve_type(self, written: str, schema: str) -> str:
        canonical = canonical_type(written)
        if is_builtin_type(canonical):
            return canonical
        base, is_array = split_array(canonical)
        parts = split_type(base)
        modifiers = f"({','.join(parts.modifiers)})" if parts.modifiers else ""
        names = split_dotted(parts.name)
        if len(names) == 1:
            name = names[0]
            target_schema = schema
            extension = extension_of_type(name)
            if QualifiedName(schema, name) not in self.user_types and extension is not None:
                target_schema = self.extension_schemas.get(extension, "public")
            names = [target_schema, name]
        text = ".".join(quote_ident(n) for n in names) + modifiers
        return text + ("[]" if is_array else "")

    def guarded(self, default: Any, where: Span | None, what: str, build: Any, *args: Any) -> Any:
        """Run one builder; a value of the wrong shape skips the object with a C389 error.

        Validation reports what is wrong with the YAML; this keeps one malformed
        object from hiding the semantic diagnostics of every other one.
        """
        try:
            return build(*args)
        except (AttributeError, KeyError, TypeError, ValueError, IndexError):
            self.error(
                "C389",
                f"skipped {what}: its YAML does not have the shape the format describes",
                where,
                "fix the other errors reported for it",
            )
            return default

    def sql(self, document: SourceDocument, path: JsonPath, value: Any) -> str:
        """A YAML scalar as SQL text: strings as written, numbers as written, booleans as true/false."""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, str):
            return value
        return document.text(path) or str(value)

    def label(self, document: SourceDocument, path: JsonPath, value: Any) -> str:
        """A scalar read as a name or label, exactly as written (``1.10`` stays ``1.10``)."""
        if isinstance(value, str):
            return value
        return document.text(path) or str(value)

    def take_relation_name(self, schema: str, name: str) -> None:
        """Mark a table/index/sequence/view name as used in ``schema``."""
        self.relation_names[schema].add(name)

    def take_constraint_name(self, schema: str, name: str) -> None:
        """Mark a constraint name as used in ``schema``."""
        self.constraint_names[schema].add(name)
