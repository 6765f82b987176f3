"""Comparator for indexes: any difference but the comment recreates the index."""

from __future__ import annotations

from dataclasses import replace

from schemagen.diff.comments import comment_changes
from schemagen.diff.expressions import same_expression
from schemagen.model.changes import Change, CreateIndex, DropIndex
from schemagen.model.objects import Index, IndexElement


def create_index(index: Index) -> list[Change]:
    """Create and comment an index."""
    return [CreateIndex(index), *comment_changes("index", index.name, None, index.comment)]


def same_index(old: Index, new: Index) -> bool:
    """Equal definitions (predicate through ``same_expression``; comments aside).

    An operator class written unqualified (``vector_cosine_ops``, found through the search
    path) is the live one that PostgreSQL reads back qualified (``public.vector_cosine_ops``).
    """
    if not same_expression(old.where, new.where):
        return False
    if len(old.elements) == len(new.elements):
        pairs = zip(old.elements, new.elements, strict=True)
        new = replace(new, elements=tuple(_opclass_as(o, n) for o, n in pairs))
    return replace(old, where=None, comment=None) == replace(new, where=None, comment=None)


def _opclass_as(old: IndexElement, new: IndexElement) -> IndexElement:
    if old.opclass and new.opclass and "." not in new.opclass and old.opclass.endswith("." + new.opclass):
        return replace(new, opclass=old.opclass)
    return new


def alter_index(old: Index, new: Index) -> list[Change]:
    """Drop and create a changed index; otherwise only its comment."""
    if not same_index(old, new):
        return [DropIndex(old), *create_index(new)]
    return comment_changes("index", new.name, old.comment, new.comment)
