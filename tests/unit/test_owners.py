"""Owners (``owners: managed``): the setting, the builder's checks, C314, the diff and the emitted YAML."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from schemagen.builder import build_catalog
from schemagen.checks import run_checks
from schemagen.diff import diff_catalogs
from schemagen.emit import emit_project
from schemagen.emit.owners import FileOwners
from schemagen.emit.yaml_writer import FlowList
from schemagen.model import Catalog, QualifiedName, Schema, Table, View
from schemagen.model.changes import SetOwner
from schemagen.model.objects import Column, Sequence
from schemagen.model.planned import Hazard
from schemagen.model.settings import ProjectSettings
from schemagen.plan import plan_changes
from schemagen.source import load_text
from schemagen.source.project import load_settings
from schemagen.validate import validate_documents

MANAGED = ProjectSettings(owners_managed=True)
Q = QualifiedName


def _build(*texts: str, settings: ProjectSettings = MANAGED) -> tuple[Catalog, list[str]]:
    documents = []
    for index, text in enumerate(texts):
        document, loaded = load_text(text, f"schema/f{index}.yaml")
        assert document is not None and not loaded, loaded
        assert validate_documents([document]) == []
        documents.append(document)
    catalog, built = build_catalog(documents, settings)
    return catalog, [d.code for d in built + run_checks(catalog)]


APP = """schema: app
owner: app_owner
roles: {app_owner: {}, reporter: {}}
tables:
  orders:
    columns: {id: bigserial primary key}
  audit:
    owner: reporter
    columns: {id: bigint}
"""


def test_owners_setting_is_read_and_a_bad_value_is_l108(tmp_path: Path) -> None:
    (tmp_path / "schemagen.yaml").write_text("owners: managed\n")
    settings, found = load_settings(tmp_path)
    assert settings.owners_managed and found == []
    (tmp_path / "schemagen.yaml").write_text("owners: yes please\n")
    settings, found = load_settings(tmp_path)
    assert not settings.owners_managed and [d.code for d in found] == ["L108"]


def test_objects_take_their_own_owner_else_the_files() -> None:
    catalog, codes = _build(APP)
    assert codes == []
    assert catalog.tables[Q("app", "orders")].owner == "app_owner"
    assert catalog.tables[Q("app", "audit")].owner == "reporter"
    assert catalog.schemas["app"].owner == "app_owner"
    assert catalog.sequences[Q("app", "orders_id_seq")].owner == "app_owner"  # the table's


def test_an_owner_without_owners_managed_is_c396() -> None:
    catalog, codes = _build(APP, settings=ProjectSettings())
    assert codes == ["C396", "C396"]  # the file's owner: and the table's
    assert catalog.tables[Q("app", "audit")].owner is None


def test_an_owner_named_that_is_not_declared_is_c314_and_predefined_roles_are_fine() -> None:
    _, codes = _build(APP.replace("owner: reporter", "owner: nobody"))
    assert codes == ["C314"]
    _, codes = _build(APP.replace("owner: app_owner", "schema_owner: pg_database_owner\nowner: app_owner"))
    assert codes == []


def test_two_files_giving_one_schema_two_owners_is_c397_unless_schema_owner_says_which() -> None:
    other = "schema: app\nowner: reporter\ntables:\n  notes:\n    columns: {id: bigint}\n"
    _, codes = _build(APP, other)
    assert codes == ["C397"]
    catalog, codes = _build(
        APP.replace("owner: app_owner\n", "owner: app_owner\nschema_owner: reporter\n"), other
    )
    assert codes == [] and catalog.schemas["app"].owner == "reporter"
    assert catalog.tables[Q("app", "notes")].owner == "reporter"


def test_a_sequence_owned_by_a_table_takes_no_owner_of_its_own() -> None:
    text = APP + "sequences:\n  refs: {owned_by: orders.id, owner: reporter}\n"
    _, codes = _build(text)
    assert codes == ["C396"]
    catalog, codes = _build(APP + "sequences:\n  refs: {owned_by: orders.id}\n")
    assert codes == [] and catalog.sequences[Q("app", "refs")].owner == "app_owner"


T = Table(Q("app", "t"), (Column("id", "bigint"),))


def test_unmanaged_catalogs_never_differ_in_owners() -> None:
    live = Catalog.of(schemas=[Schema("app", owner="someone")], tables=[replace(T, owner="someone")])
    declared = Catalog.of(schemas=[Schema("app")], tables=[T])
    assert diff_catalogs(live, declared) == []


def test_a_changed_owner_is_one_set_owner_with_the_changes_visibility_hazard() -> None:
    live = Catalog.of(tables=[replace(T, owner="a")])
    declared = Catalog.of(tables=[replace(T, owner="b")])
    changes = diff_catalogs(live, declared)
    assert changes == [SetOwner("table", T.name, "b", "a")]
    assert plan_changes(changes).changes[0].hazards == (Hazard.CHANGES_VISIBILITY,)
    assert plan_changes(diff_catalogs(declared, declared)).changes == ()


def test_a_created_or_recreated_object_gets_its_owner_after_it_is_made() -> None:
    view = View(Q("app", "v"), "SELECT 1 AS x", owner="a")
    created = diff_catalogs(Catalog(), Catalog.of(views=[view]))
    assert [type(c).__name__ for c in created] == ["CreateView", "SetOwner"]
    assert plan_changes(created).changes[1].hazards == ()
    live = Catalog.of(views=[replace(view, query="SELECT 2 AS x")])
    recreated = diff_catalogs(live, Catalog.of(views=[view]))
    assert SetOwner("view", view.name, "a") in recreated  # the same owner, set again on the new view


def test_a_sequence_owned_by_a_table_moves_with_the_table() -> None:
    sequence = Sequence(Q("app", "t_id_seq"), owned_by=(T.name, "id"), owner="b")
    live = Catalog.of(tables=[replace(T, owner="a")], sequences=[replace(sequence, owner="a")])
    changes = diff_catalogs(live, Catalog.of(tables=[replace(T, owner="b")], sequences=[sequence]))
    assert changes == [SetOwner("table", T.name, "b", "a")]


def test_a_file_states_its_most_common_owner_and_objects_their_other_ones() -> None:
    catalog, _ = _build(
        APP + "enums:\n  mood: {values: [ok], owner: reporter}\ndomains:\n  d: {type: text}\n"
    )
    written = emit_project(catalog, owners=True)["schema/app.yaml"]
    assert written.startswith("schema: app\nowner: app_owner\n")
    assert "mood:\n    values: [ok]\n    owner: reporter\n" in written
    assert "  audit:\n    columns:\n      id: bigint\n    owner: reporter\n" in written
    assert " owner:" not in emit_project(catalog)["schema/app.yaml"].replace("\n", " ")  # not asked for


def test_file_owners_say_a_shorthand_in_its_mapping_form() -> None:
    own = FileOwners("a")
    other = Schema("x", owner="b")
    assert own.value(other, FlowList(["ok"])) == {"values": ["ok"], "owner": "b"}
    assert own.value(other, "integer") == {"type": "integer", "owner": "b"}
    assert own.value(replace(other, owner="a"), "integer") == "integer"
    assert own.header("b") == {"owner": "a", "schema_owner": "b"}
    assert FileOwners().header("b") == {}


def test_migrations_carry_owners_in_their_state_and_change_them(tmp_path: Path) -> None:
    from schemagen.api.build import build_project
    from schemagen.api.migrate_new import new_migration

    (tmp_path / "schema").mkdir()
    (tmp_path / "schemagen.yaml").write_text("owners: managed\n")
    (tmp_path / "schema" / "app.yaml").write_text(APP)
    first = new_migration(tmp_path, "initial")
    up = (tmp_path / first.written[0]).read_text()
    assert "ALTER TABLE app.audit OWNER TO reporter;" in up
    state = (tmp_path / "generated" / "migrations" / "state" / "app.yaml").read_text()
    assert "owner: app_owner" in state and "owner: reporter" in state
    (tmp_path / "schema" / "app.yaml").write_text(APP.replace("owner: reporter", "owner: app_owner"))
    assert any(d.code == "M620" for d in build_project(tmp_path, check=True).diagnostics)
    second = new_migration(tmp_path, "audit owner")
    texts = [(tmp_path / path).read_text() for path in second.written if path.endswith(".sql")]
    ups = [t for t in texts if "ALTER TABLE app.audit OWNER TO app_owner;" in t]
    downs = [t for t in texts if "ALTER TABLE app.audit OWNER TO reporter;" in t]
    assert len(ups) == 1 and len(downs) == 1 and "changes_visibility" in ups[0]
    assert new_migration(tmp_path, "nothing").migration_id is None


def test_a_partition_owned_by_another_role_than_its_parent_is_an_inspect_omission() -> None:
    from schemagen.emit import format_gaps
    from schemagen.model.objects import PartitionBound

    parent = replace(T, owner="a")
    child = Table(Q("app", "t_1"), T.columns, partition_of=PartitionBound(T.name, default=True), owner="a")
    assert format_gaps(Catalog.of(tables=[parent, child])) == []
    gaps = format_gaps(Catalog.of(tables=[parent, replace(child, owner="b")]))
    assert [(kind, name) for kind, name, _ in gaps] == [("table", "app.t_1")]


def test_a_plan_files_fingerprint_covers_owners_when_they_are_read() -> None:
    from schemagen.api.fingerprint import catalog_fingerprint

    def fingerprint(owner: str | None) -> str:
        return catalog_fingerprint(Catalog.of(tables=[replace(T, owner=owner)]), ["app"], 18)

    assert fingerprint("a") != fingerprint("b")
    assert fingerprint(None) == catalog_fingerprint(Catalog.of(tables=[T]), ["app"], 18)


def test_foreign_data_wrappers_servers_and_foreign_tables_have_owners() -> None:
    text = APP + (
        "foreign_data_wrappers:\n  dummy: {}\n"
        "foreign_servers:\n  remote: {wrapper: dummy, owner: reporter}\n"
        "foreign_tables:\n  far: {server: remote, columns: {id: bigint}}\n"
    )
    catalog, codes = _build(text)
    assert codes == []
    assert catalog.foreign_servers["remote"].owner == "reporter"
    assert catalog.foreign_tables[Q("app", "far")].owner == "app_owner"
    made = [c for c in diff_catalogs(Catalog(), catalog) if isinstance(c, SetOwner)]
    assert SetOwner("server", Q("", "remote"), "reporter") in made
    assert SetOwner("foreign table", Q("app", "far"), "app_owner") in made
    written = emit_project(catalog, owners=True)["schema/app.yaml"]
    assert "  remote:\n    wrapper: dummy\n    owner: reporter\n" in written


def test_a_rebuilt_enum_gets_its_owner_again() -> None:
    from schemagen.model import EnumType

    mood = EnumType(Q("app", "mood"), ("ok", "bad"), owner="a")
    changes = diff_catalogs(Catalog.of(enums=[mood]), Catalog.of(enums=[replace(mood, labels=("bad", "ok"))]))
    assert [type(c).__name__ for c in changes] == ["RebuildEnum", "SetOwner"]
    ordered = [type(p.change).__name__ for p in plan_changes(changes).changes]
    assert ordered.index("SetOwner") > ordered.index("RebuildEnum")


def test_every_owned_kind_has_an_owner_a_maker_and_a_plan_target() -> None:
    """A kind in OWNED_KINDS needs the model field, the change that makes it, and an ALTER target."""
    import dataclasses
    import typing

    from schemagen.diff.owners import _MADE_BY
    from schemagen.model.kinds import OWNED_KINDS, comment_kind, descriptor
    from schemagen.plan.refs import commented_kinds

    made = {kind for kind, _ in _MADE_BY.values()}
    hints = typing.get_type_hints(Catalog)
    for kind in OWNED_KINDS:
        attribute = descriptor(kind).attribute
        assert attribute is not None, kind
        cls = typing.get_args(hints[attribute])[1]
        field = {f.name: f for f in dataclasses.fields(cls)}.get("owner")
        assert field is not None and not field.compare, f"{cls.__name__} has no owner field (compare=False)"
        assert kind in made, f"no create change of {kind.value} in diff/owners.py _MADE_BY"
        keywords = descriptor(kind).comment_keywords
        assert keywords, f"{kind.value}: no keyword to name it in ALTER"
        assert comment_kind(keywords[0]) in commented_kinds(), f"{kind.value}: no plan target for its ALTER"


def test_a_scratch_database_creates_no_owner() -> None:
    from schemagen.api.canonical import _scratch_source

    catalog, _ = _build(APP)
    scratch = _scratch_source(catalog)
    assert not scratch.owner_roles() and not any(
        isinstance(c, SetOwner) for c in diff_catalogs(Catalog(), scratch)
    )
    assert scratch.tables.keys() == catalog.tables.keys()


def test_an_external_role_may_own_and_is_never_created_or_altered() -> None:
    text = APP.replace(
        "roles: {app_owner: {}, reporter: {}}", "roles: {app_owner: {}}\nexternal: {roles: [reporter]}"
    )
    catalog, codes = _build(text)
    assert codes == [] and catalog.roles["reporter"].external
    made = diff_catalogs(Catalog(), catalog)
    assert [c.role.name for c in made if type(c).__name__ == "CreateRole"] == ["app_owner"]
    assert SetOwner("table", Q("app", "audit"), "reporter") in made
    from schemagen.model import Role

    live = replace(catalog, roles={**catalog.roles, "reporter": Role("reporter", login=True)})
    assert [c for c in diff_catalogs(live, catalog) if "Role" in type(c).__name__] == []
    written = emit_project(catalog, owners=True)["schema/app.yaml"]
    assert "external:\n  roles: [reporter]\n" in written and "  reporter: {}" not in written
    _, codes = _build(APP + "external: {roles: [reporter]}\n")
    assert codes == ["C380"]  # declared and external


def test_a_sequence_linked_to_an_existing_table_takes_its_owner_before_owned_by() -> None:
    """PostgreSQL refuses OWNED BY a table of another owner: a new sequence (the applying role's)
    gets the table's live owner first; not when the table is new too, nor when owners are not read."""
    from schemagen.model.changes import AlterSequenceOwnedBy
    from schemagen.render.plan import render_change

    sequence = Sequence(Q("app", "refs"), owned_by=(T.name, "id"), owner="a")
    declared = Catalog.of(tables=[replace(T, owner="a")], sequences=[sequence])
    changes = diff_catalogs(Catalog.of(tables=[replace(T, owner="a")]), declared)
    linked = [c for c in changes if isinstance(c, AlterSequenceOwnedBy)]
    assert linked == [AlterSequenceOwnedBy(sequence.name, None, sequence.owned_by, "a")]
    assert render_change(linked[0]).splitlines() == [
        "ALTER SEQUENCE app.refs OWNER TO a;",
        "ALTER SEQUENCE app.refs OWNED BY app.t.id;",
    ]
    for live in (Catalog(), Catalog.of(tables=[T])):  # the table made by the plan; owners not read
        linked = [c for c in diff_catalogs(live, declared) if isinstance(c, AlterSequenceOwnedBy)]
        assert [c.owner for c in linked] == [None]
