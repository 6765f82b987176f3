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
    return [Schema(name, comment, span=where.span) for name, (comment, where) in sorted(comments.items())]


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
