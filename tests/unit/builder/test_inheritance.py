"""INHERITS: the child's columns as PostgreSQL orders them, merged columns, unknown parents (C390)."""

from __future__ import annotations

from schemagen.model import QualifiedName
from tests.unit.builder.test_build_objects import build, ok

PARENTS = """
schema: app
tables:
  stamped:
    columns:
      created_at: timestamptz not null default now()
      note: text
  owned:
    columns:
      owner_id: {type: integer, identity: always}
  documents:
    columns:
      title: text not null
      note: {type: text, comment: the child's own}
    inherits: [stamped, owned]
"""


def test_child_has_parents_columns_first_and_merges_its_own() -> None:
    table = ok(PARENTS).tables[QualifiedName("app", "documents")]
    assert [c.name for c in table.columns] == ["created_at", "note", "owner_id", "title"]
    assert [c.inherited for c in table.columns] == [True, False, True, False]
    assert table.column("note").comment == "the child's own"  # its own declaration, merged
    assert table.column("created_at").default == "now()" and table.column("created_at").not_null
    assert table.column("owner_id").identity is None  # identity is not inherited
    assert table.inherits == (QualifiedName("app", "stamped"), QualifiedName("app", "owned"))


def test_unknown_parent_is_c390() -> None:
    _, diagnostics = build(PARENTS.replace("[stamped, owned]", "[stamped, missing]"))
    assert [d.code for d in diagnostics] == ["C390"]
    assert "app.missing" in diagnostics[0].message
