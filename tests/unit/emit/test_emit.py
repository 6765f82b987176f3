"""emit: Catalog → YAML written the way a person would (no server)."""

from __future__ import annotations

import pytest
import yaml

from schemagen.emit import emit_project, format_gaps
from schemagen.model import (
    Catalog,
    CheckConstraint,
    Column,
    EnumType,
    ForeignKey,
    Function,
    FunctionArgument,
    Grant,
    Identity,
    Index,
    IndexElement,
    PartitionBound,
    PartitionSpec,
    PrimaryKey,
    QualifiedName,
    Role,
    Schema,
    Sequence,
    Table,
    UniqueConstraint,
)
from schemagen.model.identity import GrantOn, GrantTarget

Q = QualifiedName


def _registry(**overrides) -> Table:
    fields = {
        "name": Q("app", "registry"),
        "columns": (
            Column("id", "bigint", not_null=True),
            Column("name", "character varying(255)", not_null=True, default="'x'::character varying"),
            Column("created_at", "timestamp with time zone", not_null=True, default="now()"),
            Column("status", "app.state"),
        ),
        "primary_key": PrimaryKey("registry_pkey", ("id",)),
    }
    fields.update(overrides)
    return Table(**fields)


def _emit(**lists) -> dict:
    files = emit_project(Catalog.of(schemas=[Schema("app")], **lists))
    return {name: yaml.safe_load(text) for name, text in files.items()} | {"_text": files}


def test_column_shorthand_with_short_types_and_same_schema_types():
    files = emit_project(Catalog.of(schemas=[Schema("app")], tables=[_registry()]))
    text = files["schema/app.yaml"]
    assert "      name: varchar(255) not null default 'x'::character varying\n" in text
    assert "      created_at: timestamptz not null default now()\n" in text
    assert "      status: state\n" in text
    assert "    primary_key: [id]\n" in text


def test_default_names_are_implicit_and_other_names_explicit():
    table = _registry(
        uniques=(
            UniqueConstraint("registry_name_key", ("name",)),
            UniqueConstraint("custom_uq", ("status",)),
        ),
        checks=(CheckConstraint("registry_id_check", "id > 0"), CheckConstraint("sane", "id < 10")),
    )
    doc = _emit(tables=[table])["schema/app.yaml"]["tables"]["registry"]
    assert doc["unique"] == [["name"], {"name": "custom_uq", "columns": ["status"]}]
    assert doc["columns"]["id"] == "bigint not null check (id > 0)"  # the shorthand says everything
    assert doc["checks"] == {"sane": "id < 10"}


def test_one_column_foreign_key_is_written_on_the_column():
    parent = _registry()
    child = Table(
        Q("app", "child"),
        (Column("id", "bigint", not_null=True), Column("registry_id", "bigint")),
        foreign_keys=(
            ForeignKey(
                "child_registry_id_fkey", ("registry_id",), Q("app", "registry"), ("id",), on_delete="CASCADE"
            ),
        ),
    )
    doc = _emit(tables=[parent, child])["schema/app.yaml"]["tables"]["child"]
    assert doc["columns"]["registry_id"] == "bigint references registry on delete cascade"
    assert "foreign_keys" not in doc


def test_serial_columns_fold_their_sequence():
    table = Table(
        Q("app", "t"),
        (Column("id", "integer", not_null=True, default="nextval('app.t_id_seq'::regclass)"),),
    )
    sequence = Sequence(Q("app", "t_id_seq"), data_type="integer", owned_by=(Q("app", "t"), "id"))
    doc = _emit(tables=[table], sequences=[sequence])["schema/app.yaml"]
    assert doc["tables"]["t"]["columns"]["id"] == "serial"
    assert "sequences" not in doc


def test_identity_with_options_and_generated_columns():
    table = Table(
        Q("app", "t"),
        (
            Column("id", "bigint", not_null=True, identity=Identity(always=True)),
            Column("n", "integer", not_null=True, identity=Identity(start=10)),
            Column("g", "numeric", generated="id * 2"),
        ),
    )
    columns = _emit(tables=[table])["schema/app.yaml"]["tables"]["t"]["columns"]
    assert columns["id"] == "bigint generated always as identity"
    assert columns["n"] == {
        "type": "integer",
        "identity": {"always": False, "start": 10},
    }  # options: a mapping
    assert columns["g"] == "numeric generated always as (id * 2) stored"


def test_indexes_shorthand_and_mapping():
    table = _registry()
    indexes = [
        Index(
            Q("app", "registry_name_created_at_idx"),
            table.name,
            (IndexElement("name"), IndexElement("created_at", descending=True)),
        ),
        Index(
            Q("app", "by_lower"),
            table.name,
            (IndexElement(expression="lower((name)::text)"),),
            where="id > 0",
        ),
        Index(
            Q("app", "registry_status_idx"),
            table.name,
            (IndexElement("status", opclass="app.state_ops"),),
            using="gin",
        ),
    ]
    doc = _emit(tables=[table], indexes=indexes)["schema/app.yaml"]["tables"]["registry"]
    assert doc["indexes"] == [
        {"name": "by_lower", "columns": ["(lower((name)::text))"], "where": "id > 0"},
        ["name", "created_at desc"],
        {"columns": ["status app.state_ops"], "using": "gin"},
    ]


def test_partitions_are_declared_under_the_parent():
    parent = Table(
        Q("app", "events"),
        (Column("id", "bigint", not_null=True), Column("at", "date", not_null=True)),
        partition_by=PartitionSpec("range", ("at",)),
    )
    children = [
        Table(
            Q("app", "events_2024"),
            parent.columns,
            partition_of=PartitionBound(
                parent.name, from_values=("'2024-01-01'",), to_values=("'2025-01-01'",)
            ),
        ),
        Table(
            Q("app", "events_default"), parent.columns, partition_of=PartitionBound(parent.name, default=True)
        ),
    ]
    shards = Table(Q("app", "shards"), (Column("k", "bigint"),), partition_by=PartitionSpec("hash", ("k",)))
    shard_children = [
        Table(
            Q("app", f"shards_p{i}"),
            shards.columns,
            partition_of=PartitionBound(shards.name, modulus=2, remainder=i),
        )
        for i in range(2)
    ]
    tables = _emit(tables=[parent, *children, shards, *shard_children])["schema/app.yaml"]["tables"]
    assert set(tables) == {"events", "shards"}
    assert tables["events"]["partition_by"] == {
        "range": ["at"],
        "partitions": {
            "events_2024": {"values": {"from": "2024-01-01", "to": "2025-01-01"}},
            "events_default": {"values": "default"},
        },
    }
    assert tables["shards"]["partition_by"] == {"hash": ["k"], "partitions": 2}


def test_enums_functions_roles_and_grants():
    function = Function(
        Q("app", "add"),
        (FunctionArgument("a", "integer"), FunctionArgument("b", "integer", default="2")),
        returns="integer",
        body="SELECT a + b",
        volatility="IMMUTABLE",
    )
    grants = [
        Grant(GrantTarget(GrantOn.TABLE, QualifiedName("app", "registry")), "reader", ("SELECT",)),
        Grant(GrantTarget(GrantOn.TABLE, QualifiedName("app", "registry")), "auditor", ("SELECT",)),
        Grant(
            GrantTarget(GrantOn.FUNCTION, QualifiedName("app", "add"), ("integer", "integer")),
            "public",
            ("EXECUTE",),
            revoke=True,
        ),
    ]
    result = _emit(
        tables=[_registry()],
        enums=[EnumType(Q("app", "state"), ("new", "it's done"))],
        functions=[function],
        roles=[Role("reader"), Role("auditor", member_of=("reader",))],
        grants=grants,
    )
    doc = result["schema/app.yaml"]
    assert doc["enums"] == {"state": ["new", "it's done"]}
    assert doc["functions"]["add"] == {
        "arguments": {"a": "integer", "b": "integer default 2"},
        "returns": "integer",
        "volatility": "immutable",
        "body": "SELECT a + b",
    }
    assert doc["roles"] == {"auditor": {"member_of": ["reader"]}, "reader": {}}
    grants_text = yaml.load(result["_text"]["schema/app.yaml"], Loader=yaml.BaseLoader)[
        "grants"
    ]  # YAML 1.2: `on`
    assert grants_text == [
        {"on": "function app.add(integer, integer)", "revoke": ["execute"], "from": "public"},
        {"on": "table app.registry", "privileges": ["select"], "to": ["auditor", "reader"]},
    ]
    assert "\n  - {on: table app.registry," in result["_text"]["schema/app.yaml"]


def test_sql_literals_are_double_quoted_not_doubled():
    table = Table(Q("app", "t"), (Column("s", "text", default="'it''s'::text", comment="c"),))
    text = emit_project(Catalog.of(schemas=[Schema("app")], tables=[table]))["schema/app.yaml"]
    assert "default: \"'it''s'::text\"" in text


def test_output_is_deterministic_and_empty_public_is_left_out():
    catalog = Catalog.of(schemas=[Schema("public"), Schema("app")], tables=[_registry()])
    first = emit_project(catalog)
    assert first == emit_project(catalog)
    assert list(first) == ["schema/app.yaml"]


def test_format_gaps_list_what_cannot_be_written():
    parent = Table(Q("app", "p"), (Column("k", "integer"),), partition_by=PartitionSpec("list", ("k",)))
    bound = PartitionBound(parent.name, values_in=("1",))
    child = Table(Q("app", "p_1"), (Column("k", "integer", statistics=500),), partition_of=bound)
    gaps = format_gaps(Catalog.of(tables=[parent, child]))
    why = "a partition's own SET STATISTICS (other than its parent's) is not in the format"
    assert gaps == [("column", "app.p_1.k", why)]
    assert format_gaps(Catalog.of(tables=[parent])) == []
    unlogged = Table(Q("app", "p_1"), parent.columns, partition_of=bound, unlogged=True)
    assert format_gaps(Catalog.of(tables=[parent, unlogged])) == []  # unlogged: under the child


def test_objects_declared_on_one_partition_are_written_under_it():
    parent = Table(Q("app", "p"), (Column("k", "integer"),), partition_by=PartitionSpec("list", ("k",)))
    bound = PartitionBound(parent.name, values_in=("1",))
    child = Table(
        Q("app", "p_1"),
        parent.columns,
        partition_of=bound,
        uniques=(UniqueConstraint("p_1_k_key", ("k",)),),
        rls_enabled=True,
    )
    index = Index(Q("app", "p_1_k_idx"), child.name, (IndexElement("k"),))
    catalog = Catalog.of(schemas=[Schema("app")], tables=[parent, child], indexes=[index])
    assert format_gaps(catalog) == []
    doc = yaml.safe_load(emit_project(catalog)["schema/app.yaml"])
    assert doc["tables"]["p"]["partition_by"]["partitions"] == {
        "p_1": {
            "values": [1],
            "unique": [["k"]],
            "indexes": [["k"]],
            "row_level_security": "enabled",
        }
    }


def test_a_partition_in_another_schema_is_written_under_its_parent():
    parent = Table(Q("app", "p"), (Column("k", "integer"),), partition_by=PartitionSpec("list", ("k",)))
    bound = PartitionBound(parent.name, values_in=("1",))
    child = Table(Q("other", "p_1"), parent.columns, partition_of=bound)
    catalog = Catalog.of(schemas=[Schema("app"), Schema("other")], tables=[parent, child])
    assert format_gaps(catalog) == []
    files = emit_project(catalog)
    doc = yaml.safe_load(files["schema/app.yaml"])
    assert doc["tables"]["p"]["partition_by"]["partitions"] == {"p_1": {"values": [1], "schema": "other"}}
    assert "tables" not in yaml.safe_load(files["schema/other.yaml"])


def test_empty_database_gives_a_buildable_public_file():
    assert emit_project(Catalog()) == {"schema/public.yaml": "schema: public\n"}


def test_extensions_with_schema_and_non_default_version():
    from schemagen.model import Extension

    catalog = Catalog.of(
        schemas=[Schema("app")],
        extensions=[
            Extension("citext", "public", "1.5"),
            Extension("pg_trgm", "public"),
            Extension("x", "app"),
        ],
    )
    doc = yaml.safe_load(emit_project(catalog)["schema/app.yaml"])
    assert doc["extensions"] == {"citext": {"version": "1.5"}, "pg_trgm": {}, "x": {"schema": "app"}}


def test_yaml_writer_round_trips_awkward_strings():
    from schemagen.emit.yaml_writer import FlowList, FlowMap, dump

    samples = ["it's", "'x'::text", "a: b", "a #b", "-1", "true", "yes", "null", "2024-01-01 00:00:00+00"]
    samples += [
        "numeric(12,2)",
        " lead",
        "trail ",
        "back\\slash",
        "\nBEGIN\n  x;\nEND;\n",
        "l1\nl2",
        "a  \nb",
        "a\x85b",
    ]
    for text in samples:
        document = {"v": text, "f": FlowList([text]), "m": FlowMap({"k": text}), "s": [text, {"a": text}]}
        assert yaml.safe_load(dump(document)) == {
            "v": text,
            "f": [text],
            "m": {"k": text},
            "s": [text, {"a": text}],
        }


def test_column_shorthand_only_when_it_says_everything():
    from schemagen.emit.column_shorthand import column_shorthand

    assert (
        column_shorthand({"type": "text", "collation": "C", "not_null": True}) == 'text collate "C" not null'
    )
    assert column_shorthand({"type": "text", "default": "'a'", "comment": "x"}) is None  # no comment in it
    deferred = {"table": "users", "deferrable": True}
    assert column_shorthand({"type": "bigint", "references": deferred}) is None
    assert column_shorthand({"type": "bigint", "references": "My Users"}) == 'bigint references "My Users"'
    assert column_shorthand({"type": "integer", "default": "1 not null"}) is None  # would read back otherwise


def test_a_check_named_after_a_column_but_reading_several_stays_under_checks():
    """The build names a column's CHECK that reads several columns ``<table>_check`` (as PostgreSQL
    does), so ``registry_name_check`` reading ``name`` and ``id`` is written under ``checks:``."""
    one = CheckConstraint("registry_name_check", "length((name)::text) > 0")
    several = CheckConstraint("registry_name_check", "length((name)::text) > id")
    doc = _emit(tables=[_registry(checks=(one,))])["schema/app.yaml"]
    assert (
        "check" in str(doc["tables"]["registry"]["columns"]["name"])
        and "checks" not in doc["tables"]["registry"]
    )
    doc = _emit(tables=[_registry(checks=(several,))])["schema/app.yaml"]
    assert doc["tables"]["registry"]["checks"] == {"registry_name_check": "length((name)::text) > id"}


@pytest.mark.parametrize(
    "reference",
    [
        "users",
        "match",  # an unreserved keyword: bare, and read as a name there
        "app.users",
        "My Users",
        "select",
        {"table": "users", "column": "id", "on_delete": "cascade"},
        {"table": "app.action", "column": "key", "on_update": "set null", "match": "full"},
        {"table": "users", "on_delete": "no action"},
        {"table": "users", "column": "Id"},
        {"table": "a.b.c"},
        {"table": "users", "deferrable": True},
    ],
)
def test_a_reference_read_back_with_stand_in_names_gives_what_its_own_names_give(monkeypatch, reference):
    from schemagen.emit import column_shorthand as module

    values = [
        {"type": "bigint", "references": reference},
        {"type": "bigint", "not_null": True, "default": "0", "references": reference},
        {"type": "text", "check": "length(x) > 0", "references": reference},
    ]
    fast = [module.column_shorthand(value) for value in values]
    monkeypatch.setattr(module, "_stand_in", lambda reference: None)
    assert fast == [module.column_shorthand(value) for value in values]


@pytest.mark.parametrize(
    ("table", "columns"),
    [
        ("t", ["a", "b", "a_b", "check"]),
        ("orders", ["status", "total"]),
        ("t" * 40, ["c" * 20, "c" * 25, "c" * 30]),  # truncated names: the same for several columns
        ("tä" * 20, ["é" * 10, "é" * 12, "x"]),
        ("a_b", ["c", "b_c"]),
    ],
)
def test_the_column_a_check_name_belongs_to_is_the_first_whose_default_name_it_is(table, columns):
    from schemagen.emit.tables import _check_column
    from schemagen.model.pg.naming import default_constraint_name

    t = Table(QualifiedName("app", table), columns=tuple(Column(c, "text") for c in columns))
    names = {default_constraint_name(table, [c], "check") for c in columns}
    names |= {f"{table}_check", f"{table}_{columns[0]}x_check", "other_check", "_check"}
    for taken in ({}, {columns[0]: ()}):
        for name in names:
            expected = next(
                (
                    c
                    for c in columns
                    if c not in taken and default_constraint_name(table, [c], "check") == name
                ),
                None,
            )
            assert _check_column(t, name, set(columns), taken) == expected, name


def test_referencing_columns_alike_but_for_their_target_each_name_their_own():
    """The shorthand of a referencing column is made once per shape; each names its own table."""
    targets = [Q("app", "users"), Q("app", "Users"), Q("other", "teams"), Q("app", "order")]
    tables = [
        Table(t, (Column("id", "bigint", not_null=True),), primary_key=PrimaryKey(f"{t.name}_pkey", ("id",)))
        for t in targets
    ]
    for n, target in enumerate(targets):
        fk = ForeignKey(f"r{n}_ref_fkey", ("ref",), target, ("id",), on_delete="CASCADE")
        columns = (Column("id", "bigint", not_null=True), Column("ref", "bigint", not_null=True))
        tables.append(Table(Q("app", f"r{n}"), columns, foreign_keys=(fk,)))
    catalog = Catalog.of(schemas=[Schema("app"), Schema("other")], tables=tables)
    text = emit_project(catalog)["schema/app.yaml"]
    assert "      ref: bigint not null references users on delete cascade\n" in text
    assert '      ref: bigint not null references "Users" on delete cascade\n' in text
    assert "      ref: bigint not null references other.teams on delete cascade\n" in text
    assert '      ref: bigint not null references "order" on delete cascade\n' in text


def test_default_index_names_as_postgresql_gives_them():
    from schemagen.emit.tables import default_name_of
    from schemagen.model.pg.naming import default_index_name

    long = "c" * 40
    for table in ("t", "t" * 60):
        for elements, include in (
            ((IndexElement(column="a"), IndexElement(column="b")), ()),
            ((IndexElement(expression="lower(a)"), IndexElement(expression="a + 1")), ("z",)),
            ((IndexElement(column="a"), IndexElement(column="a")), (long,)),
        ):
            index = Index(Q("app", "x"), Q("app", table), elements, include=include)
            names = [e.column or ("lower" if e.expression == "lower(a)" else None) for e in elements]
            assert default_name_of(index) == default_index_name(table, [*names, *include])


def test_a_foreign_key_with_postgresqls_name_is_written_on_its_column_even_when_truncated():
    from schemagen.model.pg.naming import default_constraint_name

    long_table, long_column = "t" * 60, "c" * 30
    pk = PrimaryKey("users_pkey", ("id",))
    tables = [Table(Q("app", "users"), (Column("id", "bigint"),), primary_key=pk)]
    for name, column in ((long_table, long_column), ("short", long_column)):
        for fk_name in (default_constraint_name(name, [column], "fkey"), "other_name"):
            fk = ForeignKey(fk_name, (column,), Q("app", "users"), ("id",))
            table_name = name if fk_name != "other_name" else name[:-1] + "x"
            tables.append(Table(Q("app", table_name), (Column(column, "bigint"),), foreign_keys=(fk,)))
    doc = _emit(tables=tables)["schema/app.yaml"]["tables"]
    assert doc[long_table]["columns"][long_column] == "bigint references users"
    assert doc["short"]["columns"][long_column] == "bigint references users"
    assert "foreign_keys" not in doc[long_table] and "foreign_keys" not in doc["short"]
    assert doc[long_table[:-1] + "x"]["foreign_keys"][0]["name"] == "other_name"
    assert doc["shorx"]["foreign_keys"][0]["name"] == "other_name"
