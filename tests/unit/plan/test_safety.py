"""Safe by default: a plan against a live catalog rewrites changes on existing tables only."""

from __future__ import annotations

from dataclasses import replace

from schemagen.diff import diff_catalogs
from schemagen.model import (
    Catalog,
    CheckConstraint,
    Column,
    EnumType,
    ForeignKey,
    Index,
    IndexElement,
    PartitionBound,
    PartitionSpec,
    PrimaryKey,
    QualifiedName,
    Schema,
    Table,
    UniqueConstraint,
)
from schemagen.model.planned import Hazard, Lock
from schemagen.model.settings import SafetySettings
from schemagen.plan import plan_changes
from schemagen.render import render_plan
from schemagen.render.plan import render_planned

Q = QualifiedName
T = Q("app", "t")
PARENT = Q("app", "parent")


def _old() -> Catalog:
    return Catalog.of(
        schemas=[Schema("app")],
        enums=[EnumType(Q("app", "status"), ("a", "b"))],
        tables=[
            Table(
                PARENT,
                (Column("id", "bigint", not_null=True),),
                primary_key=PrimaryKey("parent_pkey", ("id",)),
            ),
            Table(
                T, (Column("id", "bigint", not_null=True), Column("parent_id", "bigint"), Column("x", "text"))
            ),
            Table(Q("app", "p"), (Column("k", "integer"),), partition_by=PartitionSpec("range", ("k",))),
        ],
        indexes=[Index(Q("app", "t_old_idx"), T, (IndexElement("x"),))],
    )


def _new(old: Catalog) -> Catalog:
    t = old.tables[T]
    t = replace(
        t,
        columns=(t.columns[0], t.columns[1], replace(t.columns[2], not_null=True)),
        primary_key=PrimaryKey("t_pkey", ("id",)),
        uniques=(UniqueConstraint("t_x_key", ("x",)),),
        foreign_keys=(ForeignKey("t_parent_id_fkey", ("parent_id",), PARENT, ("id",)),),
        checks=(CheckConstraint("t_x_check", "length(x) > 0"),),
    )
    return replace(
        old,
        tables={**old.tables, T: t},
        enums={Q("app", "status"): EnumType(Q("app", "status"), ("a", "b", "c"))},
        indexes={
            Q("app", "t_x_idx"): Index(Q("app", "t_x_idx"), T, (IndexElement("x"),)),
            Q("app", "p_k_idx"): Index(Q("app", "p_k_idx"), Q("app", "p"), (IndexElement("k"),)),
        },
    )


def _sql(plan) -> str:
    return render_plan(plan)


def test_live_plan_is_written_the_safe_way() -> None:
    old = _old()
    plan = plan_changes(diff_catalogs(old, _new(old)), old=old)
    sql = _sql(plan)
    assert "CREATE INDEX CONCURRENTLY t_x_idx ON app.t" in sql
    assert "DROP INDEX CONCURRENTLY app.t_old_idx;" in sql
    assert "CREATE INDEX p_k_idx ON app.p" in sql  # partitioned: no CONCURRENTLY there
    assert "FOREIGN KEY (parent_id) REFERENCES app.parent (id) NOT VALID;" in sql
    assert "ALTER TABLE app.t VALIDATE CONSTRAINT t_parent_id_fkey;" in sql
    assert "CHECK (length(x) > 0) NOT VALID;" in sql
    assert "VALIDATE CONSTRAINT t_x_check;" in sql
    assert "CREATE UNIQUE INDEX CONCURRENTLY t_pkey ON app.t USING btree (id);" in sql
    assert "ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_pkey;" in sql
    assert "ADD CONSTRAINT t_x_key UNIQUE USING INDEX t_x_key;" in sql
    steps = [
        "ADD CONSTRAINT t_x_not_null_check CHECK (x IS NOT NULL) NOT VALID;",
        "VALIDATE CONSTRAINT t_x_not_null_check;",
        "ALTER COLUMN x SET NOT NULL;",
        "DROP CONSTRAINT t_x_not_null_check;",
    ]
    positions = [sql.index(s) for s in steps]
    assert positions == sorted(positions)
    assert "SET lock_timeout = '5s';" in sql and "SET statement_timeout = '1min';" in sql


def test_outside_transaction_locks_and_hazards() -> None:
    old = _old()
    plan = plan_changes(diff_catalogs(old, _new(old)), old=old)
    by_sql = {render_planned(p).splitlines()[-1]: p for p in plan}
    build = next(p for s, p in by_sql.items() if s.startswith("CREATE INDEX CONCURRENTLY t_x_idx"))
    assert build.outside_transaction and build.lock is Lock.SHARE_UPDATE_EXCLUSIVE
    assert Hazard.INDEX_BUILD in build.hazards and Hazard.INDEX_BUILD_BLOCKS_WRITES not in build.hazards
    validate = next(p for s, p in by_sql.items() if "VALIDATE CONSTRAINT t_x_check" in s)
    assert validate.outside_transaction and validate.hazards == (
        Hazard.RUNS_OUTSIDE_TRANSACTION,
        Hazard.VALIDATES_ROWS_ONLINE,
    )
    add_check = next(p for s, p in by_sql.items() if "t_x_check CHECK" in s)
    assert not add_check.outside_transaction and Hazard.VALIDATES_ROWS not in add_check.hazards
    set_not_null = next(p for s, p in by_sql.items() if "SET NOT NULL" in s)
    assert Hazard.VALIDATES_ROWS not in set_not_null.hazards and set_not_null.lock is Lock.ACCESS_EXCLUSIVE
    fk = next(p for s, p in by_sql.items() if "FOREIGN KEY" in s)
    assert fk.lock is Lock.SHARE_ROW_EXCLUSIVE and fk.hazards == (Hazard.BLOCKS_WRITES,)
    enum = next(p for s, p in by_sql.items() if "ADD VALUE" in s)
    assert enum.outside_transaction and Hazard.USABLE_AFTER_COMMIT not in enum.hazards
    assert all(h.risk for h in Hazard) and Hazard.INDEX_BUILD.lock is Lock.SHARE_UPDATE_EXCLUSIVE


def test_each_rewrite_can_be_switched_off() -> None:
    old = _old()
    off = SafetySettings(
        concurrent_indexes=False,
        validate_separately=False,
        not_null_via_check=False,
        keys_from_concurrent_index=False,
        enum_values_outside_transaction=False,
        lock_timeout=None,
        statement_timeout=None,
        long_statement_timeout=None,
    )
    plan = plan_changes(diff_catalogs(old, _new(old)), old=old, safety=off)
    sql = _sql(plan)
    for word in ("CONCURRENTLY", "NOT VALID", "VALIDATE", "USING INDEX", "not_null_check", "'5s'"):
        assert word not in sql
    assert "SET lock_timeout = DEFAULT;" in sql and "SET statement_timeout = DEFAULT;" in sql
    assert not any(p.outside_transaction for p in plan)


def test_new_tables_and_plans_from_empty_are_not_rewritten() -> None:
    old = _old()
    new = _new(old)
    from_empty = plan_changes(diff_catalogs(Catalog(), new))
    assert not any(p.outside_transaction or p.lock or p.lock_timeout for p in from_empty)
    assert "CONCURRENTLY" not in _sql(from_empty) and "VALIDATE" not in _sql(from_empty)
    # a table the plan creates is empty: its index and foreign key are written plainly
    fresh = replace(new.tables[T], name=Q("app", "fresh"), uniques=(), primary_key=None, checks=())
    newer = replace(
        new,
        tables={**new.tables, fresh.name: fresh},
        indexes={
            **new.indexes,
            Q("app", "fresh_idx"): Index(Q("app", "fresh_idx"), fresh.name, (IndexElement("x"),)),
        },
    )
    sql = _sql(plan_changes(diff_catalogs(old, newer), old=old))
    assert "CREATE INDEX fresh_idx ON app.fresh" in sql
    assert "ALTER TABLE app.fresh VALIDATE" not in sql
    assert "REFERENCES app.parent (id);" in sql  # fresh's FK, not NOT VALID


def test_timeouts_are_set_where_they_change_and_hold_for_every_statement() -> None:
    old = _old()
    plan = plan_changes(diff_catalogs(old, _new(old)), old=old)
    assert plan.changes[0].lock_timeout == "5s" and plan.changes[0].statement_timeout is not None
    in_force = None
    for planned in plan:
        in_force = planned.statement_timeout or in_force
        sql = render_planned(planned)
        long = any(w in sql for w in ("CREATE INDEX", "CREATE UNIQUE INDEX", "VALIDATE", "USING INDEX"))
        assert in_force == ("0" if long else "1min"), sql
    assert sum(p.lock_timeout is not None for p in plan) == 1  # set once: it never changes


def _list_parent(*children: Table) -> Catalog:
    parent = Table(
        Q("app", "q"), (Column("kind", "text", not_null=True),), partition_by=PartitionSpec("list", ("kind",))
    )
    default = Table(
        Q("app", "q_default"), parent.columns, partition_of=PartitionBound(parent.name, default=True)
    )
    return Catalog.of(schemas=[Schema("app")], tables=[parent, default, *children])


def test_a_partition_beside_an_existing_default_partition_scans_it() -> None:
    hot = Table(
        Q("app", "q_hot"),
        (Column("kind", "text", not_null=True),),
        partition_of=PartitionBound(Q("app", "q"), values_in=("'hot'",)),
    )
    old, new = _list_parent(), _list_parent(hot)
    (planned,) = plan_changes(diff_catalogs(old, new), old=old)
    assert Hazard.VALIDATES_ROWS in planned.hazards


def test_a_partition_created_with_its_default_partition_scans_nothing() -> None:
    hot = Table(
        Q("app", "q_hot"),
        (Column("kind", "text", not_null=True),),
        partition_of=PartitionBound(Q("app", "q"), values_in=("'hot'",)),
    )
    plan = plan_changes(
        diff_catalogs(Catalog.of(schemas=[Schema("app")]), _list_parent(hot)),
        old=Catalog.of(schemas=[Schema("app")]),
    )
    assert all(Hazard.VALIDATES_ROWS not in p.hazards for p in plan)


def test_a_trigger_firing_mode_change_takes_share_row_exclusive() -> None:
    from schemagen.model import Trigger

    table = Table(T, (Column("x", "integer"),))
    trigger = Trigger("t_trg", T, Q("app", "f"))
    old = Catalog.of(schemas=[Schema("app")], tables=[table], triggers=[trigger])
    new = replace(old, triggers={trigger.key: replace(trigger, enabled="disabled")})
    [planned] = plan_changes(diff_catalogs(old, new), old=old)
    assert render_planned(planned).splitlines()[-1] == "ALTER TABLE app.t DISABLE TRIGGER t_trg;"
    assert planned.lock is Lock.SHARE_ROW_EXCLUSIVE and planned.hazards == ()
    assert all(p.lock is None for p in plan_changes(diff_catalogs(Catalog(), old), old=Catalog()))


def test_a_rule_firing_mode_change_takes_access_exclusive() -> None:
    from schemagen.model.support import Rule

    table = Table(T, (Column("x", "integer"),))
    rule = Rule("no_delete", T, "DELETE", instead=True)
    old = Catalog.of(schemas=[Schema("app")], tables=[table], rules=[rule])
    new = replace(old, rules={rule.key: replace(rule, enabled="always")})
    [planned] = plan_changes(diff_catalogs(old, new), old=old)
    assert render_planned(planned).splitlines()[-1] == "ALTER TABLE app.t ENABLE ALWAYS RULE no_delete;"
    assert planned.lock is Lock.ACCESS_EXCLUSIVE
