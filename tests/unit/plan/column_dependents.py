"""A column whose type changes under everything PostgreSQL refuses to keep (issue 7).

``public.t.a`` goes from ``integer`` to ``bigint``. It is used, unqualified, by a
view (and a view on that view), a materialized view with an index, a policy, a trigger's ``UPDATE OF`` list, a
trigger's ``WHEN`` condition and a SQL-standard function body: ``ALTER COLUMN …
TYPE`` is refused for each of them. An index and a CHECK on the column are rebuilt
by PostgreSQL itself; a view reading only ``b`` is left alone.
"""

from __future__ import annotations

from dataclasses import replace

from schemagen.model import (
    Catalog,
    CheckConstraint,
    Column,
    Function,
    Index,
    IndexElement,
    Policy,
    QualifiedName,
    Schema,
    Table,
    Trigger,
    View,
)

Q = QualifiedName
T = Q("public", "t")
TOUCH = Function(Q("public", "touch"), returns="trigger", language="plpgsql", body="BEGIN RETURN NEW; END;")
POSITIVE = Function(
    Q("public", "positive"),
    returns="bigint",
    body="BEGIN ATOMIC SELECT count(*) FROM t WHERE a > 0; END",
    volatility="STABLE",
)


def _catalog(a_type: str) -> Catalog:
    table = Table(
        T,
        (Column("a", a_type), Column("b", "integer")),
        checks=(CheckConstraint("t_a_check", "a > '-1'::integer"),),
        rls_enabled=True,
    )
    return Catalog.of(
        schemas=[Schema("public")],
        tables=[table],
        indexes=[
            Index(Q("public", "t_a_idx"), T, (IndexElement(expression="(a + 1)"),)),
            Index(Q("public", "mv_a_idx"), Q("public", "mv"), (IndexElement(column="a"),)),
        ],
        views=[
            View(Q("public", "v"), "SELECT a FROM t"),
            View(Q("public", "w"), "SELECT (a + 1) AS a1 FROM v"),
            View(Q("public", "only_b"), "SELECT b FROM t"),
            View(Q("public", "mv"), "SELECT a, count(*) AS n FROM t GROUP BY a", materialized=True),
        ],
        policies=[Policy("p", T, using="(a > 0)")],
        functions=[TOUCH, POSITIVE],
        triggers=[
            Trigger("tr_of", T, TOUCH.name, timing="BEFORE", events=("UPDATE",), update_columns=("a",)),
            Trigger(
                "tr_when",
                T,
                TOUCH.name,
                timing="BEFORE",
                events=("UPDATE",),
                when="(new.a IS DISTINCT FROM old.a)",
            ),
            Trigger("tr_b", T, TOUCH.name, timing="BEFORE", events=("UPDATE",), update_columns=("b",)),
        ],
    )


def old() -> Catalog:
    """``t.a integer`` and its dependents."""
    return _catalog("integer")


def new() -> Catalog:
    """The same with ``t.a bigint``."""
    return _catalog("bigint")


def with_view(catalog: Catalog, view: View) -> Catalog:
    """``catalog`` with one more view."""
    return replace(catalog, views={**catalog.views, view.name: view})
