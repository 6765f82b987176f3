"""Comparator for indexes: any difference but the comment recreates the index."""

from __future__ import annotations

from dataclasses import replace

from schemagen.diff.comments import comment_changes
from schemagen.diff.expressions import same_expression
from schemagen.model.changes import Change, CreateIndex, DropIndex, SetIndexStatistics
from schemagen.model.objects import Index, IndexElement


def create_index(index: Index) -> list[Change]:
    """Create and comment an index."""
    return [
        CreateIndex(index),
        *_statistics(index, None),
        *comment_changes("index", index.name, None, index.comment),
    ]


def _statistics(new: Index, old: Index | None) -> list[Change]:
    """``SET STATISTICS`` of each key whose target differs from the old index's (or the default)."""
    changes: list[Change] = []
    for position, element in enumerate(new.elements, start=1):
        before = old.elements[position - 1].statistics if old is not None else None
        if element.statistics != before:
            changes.append(SetIndexStatistics(new.name, position, element.statistics, before))
    return changes


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
    return _without_statistics(replace(old, where=None, comment=None)) == _without_statistics(
        replace(new, where=None, comment=None)
    )


def _without_statistics(index: Index) -> Index:
    return replace(index, elements=tuple(replace(e, statistics=None) for e in index.elements))


def _opclass_as(old: IndexElement, new: IndexElement) -> IndexElement:
    if old.opclass and new.opclass and "." not in new.opclass and old.opclass.endswith("." + new.opclass):
        return replace(new, opclass=old.opclass)
    return new


def alter_index(old: Index, new: Index) -> list[Change]:
    """Drop and create a changed index; otherwise only its comment."""
    if not same_index(old, new):
        return [DropIndex(old), *create_index(new)]
    return [*_statistics(new, old), *comment_changes("index", new.name, old.comment, new.comment)]
