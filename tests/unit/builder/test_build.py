"""The builder turns documents into the model: shorthand, defaults, names, types."""

import re
from pathlib import Path

from schemagen.builder import build_catalog
from schemagen.model import Catalog, IndexElement, QualifiedName
from schemagen.model.settings import ProjectSettings
from schemagen.source import load_text
from schemagen.validate import validate_documents

REPO = Path(__file__).resolve().parents[3]


def build(*texts: str) -> tuple[Catalog, list]:
    documents = []
    for index, text in enumerate(texts):
        document, diagnostics = load_text(text, f"schema/f{index}.yaml")
        assert diagnostics == []
        assert validate_documents([document]) == [], validate_documents([document])
        documents.append(document)
    return build_catalog(documents)


def ok(*texts: str) -> Catalog:
    catalog, diagnostics = build(*texts)
    assert diagnostics == [], [d.format() for d in diagnostics]
    return catalog


Q = QualifiedName


def test_shorthand_columns() -> None:
    catalog = ok(
        "schema: app\ntables:\n  t:\n    columns:\n"
        "      a: varchar(255) not null\n"
        "      b: timestamptz not null default now()\n"
        "      c: text[] default '{}'\n"
        "      d: double precision\n"
        '      e: text collate "C"\n'
    )
    table = catalog.tables[Q("app", "t")]
    a, b, c, d, e = table.columns
    assert (a.type, a.not_null, a.default) == ("character varying(255)", True, None)
    assert (b.type, b.not_null, b.default) == ("timestamp with time zone", True, "now()")
    assert (c.type, c.default) == ("text[]", "'{}'")
    assert d.type == "double precision"
    assert e.collation == "C"
    assert table.span is not None and table.span.line == 3


def test_scalar_defaults_are_sql_as_written() -> None:
    catalog = ok(
        "schema: app\ntables:\n  t:\n    columns:\n"
        "      a: {type: integer, default: 0}\n"
        "      b: {type: boolean, default: true}\n"
        "      c: {type: numeric, default: 1.10}\n"
        "      d: {type: text, default: \"'x'\"}\n"
    )
    assert [c.default for c in catalog.tables[Q("app", "t")].columns] == ["0", "true", "1.10", "'x'"]


def test_enum_labels_are_read_as_written() -> None:
    catalog = ok("schema: app\nenums:\n  answer: [yes, no, on, 1.10]\n")
    assert catalog.enums[Q("app", "answer")].labels == ("yes", "no", "on", "1.10")


def test_serial_expands_to_sequence_and_default() -> None:
    catalog = ok("schema: app\ntables:\n  t:\n    columns:\n      id: bigserial\n    primary_key: [id]\n")
    column = catalog.tables[Q("app", "t")].columns[0]
    assert column.type == "bigint"
    assert column.not_null
    assert column.default == "nextval('app.t_id_seq'::regclass)"
    sequence = catalog.sequences[Q("app", "t_id_seq")]
    assert sequence.data_type == "bigint"
    assert sequence.owned_by == (Q("app", "t"), "id")


def test_serial_sequence_name_avoids_a_declared_one() -> None:
    catalog = ok("schema: app\nsequences:\n  t_id_seq: {}\ntables:\n  t:\n    columns:\n      id: serial\n")
    assert Q("app", "t_id_seq1") in catalog.sequences
    assert catalog.tables[Q("app", "t")].columns[0].default == "nextval('app.t_id_seq1'::regclass)"


def test_quoted_names_in_serial_default() -> None:
    catalog = ok("schema: My App\ntables:\n  Order:\n    columns:\n      id: serial\n")
    column = catalog.tables[Q("My App", "Order")].columns[0]
    assert column.default == 'nextval(\'"My App"."Order_id_seq"\'::regclass)'


def test_serial_with_default_is_an_error() -> None:
    _, diagnostics = build("schema: app\ntables:\n  t:\n    columns:\n      id: serial default 1\n")
    assert [d.code for d in diagnostics] == ["C384"]


def test_identity() -> None:
    catalog = ok(
        "schema: app\ntables:\n  t:\n    columns:\n"
        "      a: {type: bigint, identity: always}\n"
        "      b: {type: integer, identity: {start: 100, increment: 1, cache: 1}}\n"
    )
    a, b = catalog.tables[Q("app", "t")].columns
    assert a.identity.always and a.not_null
    assert not b.identity.always
    assert (b.identity.start, b.identity.increment, b.identity.cache) == (100, None, None)


def test_primary_key_columns_become_not_null() -> None:
    catalog = ok("schema: app\ntables:\n  t:\n    columns: {a: integer, b: text}\n    primary_key: [a]\n")
    table = catalog.tables[Q("app", "t")]
    assert table.primary_key.name == "t_pkey"
    assert [c.not_null for c in table.columns] == [True, False]


def test_inline_constraints_get_postgres_names() -> None:
    catalog = ok(
        "schema: app\ntables:\n"
        "  parent:\n    columns: {id: {type: integer, primary_key: true}, code: {type: text, unique: true}}\n"
        "  child:\n    columns:\n"
        "      id: integer\n"
        "      parent_id: {type: integer, references: parent, check: parent_id > 0}\n"
        "      qty: {type: integer, check: qty > id}\n"
    )
    parent = catalog.tables[Q("app", "parent")]
    assert parent.primary_key.name == "parent_pkey"
    assert [u.name for u in parent.uniques] == ["parent_code_key"]
    child = catalog.tables[Q("app", "child")]
    fk = child.foreign_keys[0]
    assert (fk.name, fk.ref_table, fk.ref_columns) == ("child_parent_id_fkey", Q("app", "parent"), ("id",))
    assert (fk.on_delete, fk.match) == ("NO ACTION", "SIMPLE")
    assert [c.name for c in child.checks] == ["child_check", "child_parent_id_check"]


def test_references_forms() -> None:
    catalog = ok(
        "schema: b\ntables:\n  t:\n    columns:\n"
        "      x: {type: integer, references: a.p(code)}\n"
        "      y: {type: integer, references: {table: a.p, on_delete: set null, deferrable: true}}\n"
        "    foreign_keys:\n"
        "      - {name: t_xy, columns: [x, y], references: {table: a.p, columns: [code, id]}, match: full}\n",
        "schema: a\ntables:\n  p:\n    columns: {id: integer, code: integer}\n    primary_key: [id]\n",
    )
    fks = {fk.name: fk for fk in catalog.tables[Q("b", "t")].foreign_keys}
    assert fks["t_x_fkey"].ref_columns == ("code",)
    assert fks["t_y_fkey"].ref_columns == ("id",)  # the target's primary key, from another file
    assert fks["t_y_fkey"].on_delete == "SET NULL"
    assert fks["t_y_fkey"].deferrable
    assert fks["t_xy"].match == "FULL"


def test_table_level_constraints() -> None:
    catalog = ok(
        "schema: app\ntables:\n  t:\n    columns: {a: integer, b: integer, r: tstzrange}\n"
        "    unique:\n      - [a, b]\n      - {columns: [b], include: [a], nulls_not_distinct: true}\n"
        "    checks:\n      a_positive: a > 0\n      b_small: {expression: b < 10, no_inherit: true}\n"
        "    exclude:\n      - {using: gist, elements: [{column: a, with: '='}, {column: r, with: '&&'}]}\n"
    )
    table = catalog.tables[Q("app", "t")]
    assert [u.name for u in table.uniques] == ["t_a_b_key", "t_b_a_key"]
    assert table.uniques[1].nulls_not_distinct
    assert [(c.name, c.no_inherit) for c in table.checks] == [("a_positive", False), ("b_small", True)]
    assert table.excludes[0].name == "t_a_r_excl"


def test_explicit_names_are_reserved_before_defaults() -> None:
    catalog = ok(
        "schema: app\ntables:\n  t:\n    columns: {a: {type: integer, unique: true}}\n"
        "    indexes:\n      - {columns: [a], name: t_a_key}\n      - [a]\n      - [a]\n"
    )
    assert catalog.tables[Q("app", "t")].uniques[0].name == "t_a_key1"
    assert set(catalog.indexes) == {Q("app", "t_a_key"), Q("app", "t_a_idx"), Q("app", "t_a_idx1")}


def test_index_keys() -> None:
    catalog = ok(
        "schema: app\nextensions: [vector]\ntables:\n  docs:\n"
        "    columns: {title: text, body: jsonb, e: vector(3), status: text}\n"
        "    indexes:\n"
        "      - {columns: [body jsonb_path_ops], using: gin}\n"
        "      - [(lower(title))]\n"
        "      - {columns: [status, title desc nulls last], include: [body], where: \"status <> 'x'\"}\n"
        '      - [title collate "C" desc nulls first]\n'
        "      - {columns: [e vector_cosine_ops], using: ivfflat, with: {lists: 100}}\n"
        "      - {columns: [{expression: upper(title), order: desc, nulls: last}]}\n"
        "      - [(title || status)]\n"
    )
    indexes = {i.name.name: i for i in catalog.indexes.values()}
    assert indexes["docs_body_idx"].elements == (IndexElement(column="body", opclass="jsonb_path_ops"),)
    assert indexes["docs_body_idx"].using == "gin"
    assert indexes["docs_lower_idx"].elements[0].expression == "lower(title)"
    covering = indexes["docs_status_title_body_idx"]
    assert covering.elements[1] == IndexElement(column="title", descending=True, nulls_first=False)
    assert covering.include == ("body",)
    assert covering.where == "status <> 'x'"
    assert indexes["docs_title_idx"].elements[0] == IndexElement(
        column="title", collation="C", descending=True
    )
    assert indexes["docs_e_idx"].storage_parameters == (("lists", "100"),)
    assert indexes["docs_upper_idx"].elements[0].nulls_first is False
    assert "docs_expr_idx" in indexes


def test_type_qualification() -> None:
    catalog = ok(
        "schema: app\nextensions: {vector: {schema: ext}}\nenums:\n  mood: [ok]\n"
        "tables:\n  t:\n    columns:\n"
        "      a: mood\n      b: mood[]\n      c: other.kind\n      d: vector(1536)\n      e: citext\n"
        "      f: '\"Weird Type\"'\n",
        "schema: other\nenums:\n  kind: [x]\n",
    )
    types = [c.type for c in catalog.tables[Q("app", "t")].columns]
    assert types == [
        "app.mood",
        "app.mood[]",
        "other.kind",
        "ext.vector(1536)",
        "public.citext",
        'app."Weird Type"',
    ]


def test_domains_composites_sequences() -> None:
    catalog = ok(
        "schema: app\ndomains:\n"
        "  positive: {type: int4, not_null: true, default: 1, checks: {pos: VALUE > 0}}\n"
        "  short: varchar(10) not null\n"
        "composite_types:\n  money:\n    attributes:\n"
        "      amount: numeric(12,2)\n      currency: {type: char(3)}\n"
        "sequences:\n  s: {start: 1, increment: 1, cache: 10, owned_by: t.id}\n"
    )
    positive = catalog.domains[Q("app", "positive")]
    assert (positive.base_type, positive.not_null, positive.default) == ("integer", True, "1")
    assert positive.checks[0].name == "pos"
    assert catalog.domains[Q("app", "short")].base_type == "character varying(10)"
    assert catalog.domains[Q("app", "short")].not_null
    money = catalog.composite_types[Q("app", "money")]
    assert [(a.name, a.type) for a in money.attributes] == [
        ("amount", "numeric(12,2)"),
        ("currency", "character(3)"),
    ]
    sequence = catalog.sequences[Q("app", "s")]
    assert (sequence.start, sequence.cache, sequence.owned_by) == (None, 10, (Q("app", "t"), "id"))


def test_schemas_and_extensions() -> None:
    catalog = ok("schema: a\ncomment: first\nextensions: [citext]\n", "schema: a\n", "schema: b\n")
    assert list(catalog.schemas) == ["a", "b"]
    assert catalog.schemas["a"].comment == "first"
    assert list(catalog.extensions) == ["citext"]


def test_rls_and_partitioning() -> None:
    catalog = ok(
        "schema: app\ntables:\n  t:\n    columns: {a: integer}\n    row_level_security: forced\n"
        "    partition_by: {hash: [a], partitions: 4}\n"
    )
    table = catalog.tables[Q("app", "t")]
    assert table.rls_enabled and table.rls_forced
    assert (table.partition_by.strategy, table.partition_by.keys) == ("hash", ("a",))


def test_objects_declared_on_one_partition_belong_to_it() -> None:
    catalog = ok(
        "schema: app\ntables:\n  t:\n    columns: {a: text, b: integer}\n"
        "    indexes: [[a]]\n"
        "    partition_by:\n      list: [a]\n      partitions:\n"
        "        t_1:\n          values: [x]\n          primary_key: [b]\n"
        "          unique: [[a, b]]\n          checks: {b_positive: b > 0}\n"
        "          indexes: [[b], {columns: [a], name: t_1_named}]\n"
        "          row_level_security: enabled\n"
        "          policies: {p: {using: b > 0}}\n"
        "        t_2: {values: [y]}\n"
    )
    child = catalog.tables[Q("app", "t_1")]
    assert child.primary_key.name == "t_1_pkey" and child.column("b").not_null
    assert [u.name for u in child.uniques] == ["t_1_a_b_key"]
    assert [c.name for c in child.checks] == ["b_positive"]
    assert child.rls_enabled and not child.rls_forced
    on_child = sorted(str(i.name) for i in catalog.indexes.values() if i.table == child.name)
    assert on_child == ["app.t_1_b_idx", "app.t_1_named"]
    on_parent = [str(i.name) for i in catalog.indexes.values() if i.table == Q("app", "t")]
    assert on_parent == ["app.t_a_idx"]
    assert [p.table for p in catalog.policies.values()] == [child.name]
    other = catalog.tables[Q("app", "t_2")]
    assert other.primary_key is None and not other.uniques and not other.rls_enabled


def test_a_partition_in_another_schema() -> None:
    catalog = ok(
        "schema: app\ntables:\n  t:\n    columns: {a: integer}\n"
        "    partition_by:\n      list: [a]\n      partitions:\n"
        "        t_1: {values: [1], schema: other, indexes: [[a]]}\n",
        "schema: other\n",
    )
    child = catalog.tables[Q("other", "t_1")]
    assert child.partition_of.parent == Q("app", "t")
    assert [str(i.name) for i in catalog.indexes.values()] == ["other.t_1_a_idx"]


def test_defined_twice_reports_both_positions() -> None:
    _, diagnostics = build("schema: a\ntables:\n  t: {}\n", "schema: a\ntables:\n  t: {}\n")
    assert [d.code for d in diagnostics] == ["C380"]
    assert diagnostics[0].span.file == "schema/f1.yaml"
    assert "schema/f0.yaml:3:3" in diagnostics[0].message


def test_two_primary_keys() -> None:
    _, diagnostics = build(
        "schema: a\ntables:\n  t:\n    columns: {x: {type: int, primary_key: true}}\n    primary_key: [x]\n"
    )
    assert [d.code for d in diagnostics] == ["C381"]


def test_bad_reference_text() -> None:
    _, diagnostics = build("schema: a\ntables:\n  t:\n    columns: {x: {type: int, references: a.b.c}}\n")
    assert [d.code for d in diagnostics] == ["C383"]


def test_every_format_example_builds() -> None:
    blocks = re.findall(r"```yaml\n(.*?)```", (REPO / "docs" / "format.md").read_text(), re.S)
    for block in blocks:
        if block.startswith("# schemagen.yaml: owners: managed"):  # the example's project settings
            document, _ = load_text(block, "schema/f0.yaml")
            catalog, diagnostics = build_catalog([document], ProjectSettings(owners_managed=True))
            assert diagnostics == [] and catalog.tables, [d.format() for d in diagnostics]
        else:
            ok(block)


def test_reference_schema_builds() -> None:
    texts = [p.read_text() for p in sorted((REPO / "schema").glob("*.yaml"))]
    catalog = ok(*texts)
    assert catalog.tables


def test_a_malformed_object_is_skipped_and_the_others_are_built() -> None:
    document, _ = load_text(
        "schema: app\ntables:\n  t:\n    columns: 5\n"
        "  u:\n    columns: {id: bigint}\n    indexes: [{columns: 7}]\n",
        "schema/f.yaml",
    )
    assert validate_documents([document])
    catalog, diagnostics = build_catalog([document])
    assert list(catalog.tables) == [QualifiedName("app", "u")]
    assert [(d.code, d.span.line) for d in diagnostics] == [("C389", 3)]  # the index's V2xx is enough
    assert not catalog.indexes


def test_extension_types_come_from_the_generated_catalog_data() -> None:
    # the builder's own hand list (21 entries) lacked issn13 and halfvec's kin; it asks model/pg now
    catalog = ok(
        "schema: app\nextensions: {isn: {schema: ext}, ltree: {schema: ext}}\n"
        "tables:\n  t:\n    columns:\n      a: issn13\n      b: ismn\n      c: ltree\n"
    )
    types = [c.type for c in catalog.tables[Q("app", "t")].columns]
    assert types == ["ext.issn13", "ext.ismn", "ext.ltree"]
