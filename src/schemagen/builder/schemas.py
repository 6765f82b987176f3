"""Schemas and extensions."""

from __future__ import annotations

from schemagen.builder.context import BuildContext, Located
from schemagen.model import Extension, Schema
from schemagen.model.document import SourceDocument


def build_schemas(documents: list[SourceDocument], ctx: BuildContext) -> list[Schema]:
    """One schema per distinct ``schema:``; a comment may be given in one file only."""
    comments: dict[str, tuple[str | None, Located]] = {}
    for document in documents:
        name = ctx.label(document, ("schema",), document.data.get("schema"))
        comment = document.data.get("comment")
        where = Located(document, ("comment",) if comment is not None else ("schema",))
        if name not in comments or (comment is not None and comments[name][0] is None):
            comments[name] = (comment, where)
        elif comment is not None:
            ctx.error(
                "C380",
                f"schema {name} has a comment in two files (first at {comments[name][1].span})",
                where.span,
                "keep the comment in one file",
            )
    owners = _schema_owners(documents, ctx)
    return [
        Schema(name, comment, owner=owners.get(name), span=where.span)
        for name, (comment, where) in sorted(comments.items())
    ]


def _schema_owners(documents: list[SourceDocument], ctx: BuildContext) -> dict[str, str]:
    """Each schema's owner: a ``schema_owner:``, else the ``owner:`` of its files (C397 if they differ).

    Without ``owners: managed`` either key is C396 and no schema has an owner.
    """
    given: dict[str, dict[str, list[tuple[str, Located]]]] = {"schema_owner": {}, "owner": {}}
    for document in documents:
        for key, stated in given.items():
            value = document.data.get(key)
            if value is None:
                continue
            where = Located(document, (key,))
            if not ctx.settings.owners_managed:
                ctx.error(
                    "C396",
                    f"{key}: is given, but the project does not manage owners",
                    where.span,
                    f"set owners: managed in schemagen.yaml, or remove {key}:",
                )
                continue
            stated.setdefault(document.data["schema"], []).append((str(value), where))
    owners = {}
    for name in sorted(given["owner"].keys() | given["schema_owner"].keys()):
        stated = given["schema_owner"].get(name) or given["owner"][name]
        role, first = stated[0]
        for other, where in stated[1:]:
            if other != role:
                ctx.error(
                    "C397",
                    f"schema {name} is given owner {other} here and {role} at {first.span}",
                    where.span,
                    "give it once, as schema_owner: in one file (owner: stays the file's default)",
                )
        owners[name] = role
    return owners


def build_extensions(documents: list[SourceDocument], ctx: BuildContext) -> list[Extension]:
    """Extensions are database-wide: the same name in two files must agree."""
    found: dict[str, tuple[Extension, Located]] = {}
    for document in documents:
        declared = document.data.get("extensions") or []
        entries = (
            [(name, None, ("extensions", index)) for index, name in enumerate(declared)]
            if isinstance(declared, list)
            else [(name, options, ("extensions", name)) for name, options in declared.items()]
        )
        for name, options, path in entries:
            options = options or {}
            version = options.get("version")
            extension = Extension(
                name=str(name),
                schema=None if options.get("schema") in (None, "public") else options.get("schema"),
                version=ctx.label(document, (*path, "version"), version) if version is not None else None,
                comment=options.get("comment"),
                span=document.key_span(path),
            )
            where = Located(document, path)
            if name in found and found[name][0] != extension:
                ctx.error(
                    "C380",
                    f"extension {name} is declared twice with different options "
                    f"(first at {found[name][1].span})",
                    where.span,
                    "declare the extension once",
                )
                continue
            found.setdefault(str(name), (extension, where))
    return [extension for extension, _ in found.values()]
