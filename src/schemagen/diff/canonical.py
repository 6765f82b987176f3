"""Expression sites: where a catalog holds SQL expression text, to compare it in canonical form.

A site is one expression of one object: a column default or generation expression,
a CHECK, an EXCLUDE predicate, an index expression or predicate, a view query, a
policy's USING / WITH CHECK, a trigger's WHEN, a domain's default or CHECK. Sites
whose texts differ after cheap normalisation (``same_expression``) are the only ones
that need PostgreSQL's own canonical form (``api/canonical.py``); this module finds
them and writes texts back, and never talks to a server.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from schemagen.diff.expressions import same_expression
from schemagen.model.catalog import Catalog
from schemagen.model.foreign import ForeignTable
from schemagen.model.objects import Domain, Index, Table

Path = tuple[str, ...]
"""Where in an object an expression is: ``("default", "col")``, ``("check", "name")``, ``("query",)``."""
Texts = dict[Path, str | None]


def _table_sites(table: Table) -> Texts:
    texts: Texts = {}
    for column in table.columns:
        texts[("default", column.name)] = column.default
        texts[("generated", column.name)] = column.generated
    for check in table.checks:
        texts[("check", check.name)] = check.expression
    for exclude in table.excludes:
        texts[("exclude_where", exclude.name)] = exclude.where
    return texts


def _with_table(table: Table, texts: Texts) -> Table:
    def text(path: Path, current: str | None) -> str | None:
        return texts.get(path, current)

    return replace(
        table,
        columns=tuple(
            replace(
                c,
                default=text(("default", c.name), c.default),
                generated=text(("generated", c.name), c.generated),
            )
            for c in table.columns
        ),
        checks=tuple(
            replace(c, expression=text(("check", c.name), c.expression) or c.expression) for c in table.checks
        ),
        excludes=tuple(replace(x, where=text(("exclude_where", x.name), x.where)) for x in table.excludes),
    )


def _foreign_table_sites(table: ForeignTable) -> Texts:
    texts: Texts = {("default", c.name): c.default for c in table.columns}
    return texts | {("check", c.name): c.expression for c in table.checks}


def _with_foreign_table(table: ForeignTable, texts: Texts) -> ForeignTable:
    return replace(
        table,
        columns=tuple(replace(c, default=texts.get(("default", c.name), c.default)) for c in table.columns),
        checks=tuple(
            replace(c, expression=texts.get(("check", c.name), c.expression) or c.expression)
            for c in table.checks
        ),
    )


def _index_sites(index: Index) -> Texts:
    texts: Texts = {("where",): index.where}
    for position, element in enumerate(index.elements):
        if element.expression is not None:
            texts[("element", str(position))] = element.expression
    return texts


def _with_index(index: Index, texts: Texts) -> Index:
    if not any(path[0] == "element" for path in texts):
        return replace(index, where=texts.get(("where",), index.where))
    elements = tuple(
        replace(e, expression=texts.get(("element", str(i)), e.expression)) if e.expression else e
        for i, e in enumerate(index.elements)
    )
    return replace(index, where=texts.get(("where",), index.where), elements=elements)


def _domain_sites(domain: Domain) -> Texts:
    return {("default",): domain.default, **{("check", c.name): c.expression for c in domain.checks}}


def _with_domain(domain: Domain, texts: Texts) -> Domain:
    checks = tuple(
        replace(c, expression=texts.get(("check", c.name), c.expression) or c.expression)
        for c in domain.checks
    )
    return replace(domain, default=texts.get(("default",), domain.default), checks=checks)


SITES: dict[str, tuple[Callable[[Any], Texts], Callable[[Any, Texts], Any]]] = {
    "tables": (_table_sites, _with_table),
    "foreign_tables": (_foreign_table_sites, _with_foreign_table),
    "indexes": (_index_sites, _with_index),
    "views": (lambda v: {("query",): v.query}, lambda v, t: replace(v, query=t.get(("query",), v.query))),
    "policies": (
        lambda p: {("using",): p.using, ("with_check",): p.with_check},
        lambda p, t: replace(
            p, using=t.get(("using",), p.using), with_check=t.get(("with_check",), p.with_check)
        ),
    ),
    "triggers": (lambda t: {("when",): t.when}, lambda t, x: replace(t, when=x.get(("when",), t.when))),
    "domains": (_domain_sites, _with_domain),
    "rules": (
        lambda r: {("where",): r.where, **{("action", str(i)): a for i, a in enumerate(r.actions)}},
        lambda r, t: replace(
            r,
            where=t.get(("where",), r.where),
            actions=tuple(t.get(("action", str(i)), a) or a for i, a in enumerate(r.actions)),
        ),
    ),
    "statistics": (
        lambda s: {("expression", str(i)): e for i, e in enumerate(s.expressions)},
        lambda s, t: replace(
            s, expressions=tuple(t.get(("expression", str(i)), e) or e for i, e in enumerate(s.expressions))
        ),
    ),
}
"""Per catalog attribute: the expression texts of an object, and the object with some replaced."""

Differing = dict[tuple[str, Any], frozenset[Path]]
"""(catalog attribute, key) → the paths of that object whose texts differ."""


def differing_sites(declared: Catalog, live: Catalog) -> Differing:
    """Sites present in both catalogs whose texts differ after cheap normalisation, object by object."""
    found: Differing = {}
    same: dict[tuple[str, str], bool] = {}  # the same pair of texts recurs on every table of a shape

    def differ(text: str, live_text: str) -> bool:
        if (text, live_text) not in same:
            same[(text, live_text)] = same_expression(text, live_text)
        return not same[(text, live_text)]

    for attribute, (sites, _) in SITES.items():
        old: Mapping[Any, Any] = getattr(live, attribute)
        new: Mapping[Any, Any] = getattr(declared, attribute)
        for key, obj in new.items():
            before = old.get(key)
            if before is None or before == obj:
                continue
            declared_texts, live_texts = sites(obj), sites(before)
            paths = frozenset(
                path
                for path, text in declared_texts.items()
                if text is not None and live_texts.get(path) is not None and differ(text, live_texts[path])
            )
            if paths:
                found[(attribute, key)] = paths
    return found


def site_texts(catalog: Catalog, attribute: str, key: Any) -> Texts:
    """The expression texts of one object of ``catalog`` (empty when it is not there)."""
    obj = getattr(catalog, attribute).get(key)
    return {} if obj is None else SITES[attribute][0](obj)


def with_texts(catalog: Catalog, replacements: Mapping[tuple[str, Any], Texts]) -> Catalog:
    """``catalog`` with the given texts written into its objects (other objects untouched)."""
    changed: dict[str, dict[Any, Any]] = {}
    for (attribute, key), texts in replacements.items():
        if attribute not in changed:
            changed[attribute] = dict(getattr(catalog, attribute))
        objects = changed[attribute]
        if key in objects and texts:
            objects[key] = SITES[attribute][1](objects[key], texts)
    return replace(catalog, **changed) if changed else catalog


Site = tuple[str, Any, Path]
"""(catalog attribute, object key, path): one expression of one object."""


def shape_groups(declared: Catalog, live: Catalog, differing: Differing) -> dict[tuple, list[Site]]:
    """The differing sites grouped by what PostgreSQL's canonical form of them depends on.

    Two sites with the same declared text, the same live text, the same kind of place
    (a default of the same column, a CHECK, an index predicate …) on tables of the same
    schema whose columns have the same names and types come back the same from the
    server: one of each group is enough (a 2,000-table schema of a few table shapes
    needs a few tables in the scratch database, not 2,000). View queries are never grouped.
    """
    groups: dict[tuple, list[Site]] = {}
    for (attribute, key), paths in differing.items():
        owner = _owner_signature(declared, attribute, key)
        declared_texts = site_texts(declared, attribute, key)
        live_texts = site_texts(live, attribute, key)
        for path in sorted(paths):
            place = path if path[0] in ("default", "generated", "element") else path[:1]
            shape = (attribute, place, declared_texts[path], live_texts[path], owner)
            groups.setdefault(shape, []).append((attribute, key, path))
    return groups


def _owner_signature(catalog: Catalog, attribute: str, key: Any) -> tuple:
    """What an object's expressions are resolved against: its table's schema and columns."""
    table_name = {
        "tables": lambda: key,
        "indexes": lambda: catalog.indexes[key].table,
        "policies": lambda: key[0],
        "triggers": lambda: key[0],
    }.get(attribute)
    table = catalog.tables.get(table_name()) if table_name else None
    if table is None or table.partition_of is not None:
        return (attribute, key)  # views, domains, partitions: never grouped
    columns = tuple((c.name, c.type, c.collation) for c in table.columns)
    return (table.name.schema, columns)
