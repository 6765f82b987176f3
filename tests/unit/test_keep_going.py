"""A loader that keeps going, and one root cause, one error (compile_project on small projects)."""

from __future__ import annotations

from pathlib import Path

from schemagen.api.build import compile_project


def _project(tmp_path: Path, **files: str) -> list[str]:
    (tmp_path / "schema").mkdir()
    for name, text in files.items():
        (tmp_path / "schema" / f"{name}.yaml").write_text(text)
    return [d.format() for d in compile_project(tmp_path).diagnostics if not d.code.startswith("D7")]


def _codes(lines: list[str]) -> list[str]:
    return [line.split(": ")[1].split()[0] for line in lines]


BROKEN = "schema: a\ntables:\n  t: {columns: {id: [text\n"
GOOD_WITH_ERROR = (
    "schema: b\ntables:\n  u:\n"
    "    columns: {id: bigint not null, ok: {type: boolean, default: \"'maybe'\"}}\n"
)


def test_a_file_that_does_not_load_does_not_hide_the_others(tmp_path):
    found = _project(tmp_path, a=BROKEN, b=GOOD_WITH_ERROR)
    assert _codes(found) == ["L101", "C318"]
    assert found[0].startswith("schema/a.yaml:") and found[1].startswith("schema/b.yaml:4:")


def test_without_the_unloadable_file_the_rest_is_clean(tmp_path):
    assert _project(tmp_path, b=GOOD_WITH_ERROR.replace("'maybe'", "'yes'")) == []


def test_references_into_an_unloaded_file_are_not_reported_again(tmp_path):
    fk = (
        "schema: b\ntables:\n  u:\n    columns: {id: bigint, t_id: bigint}\n"
        "    foreign_keys: [{columns: [t_id], references: a.t}]\n"
    )
    assert _codes(_project(tmp_path, a=BROKEN, b=fk)) == ["L101"]


def test_a_duplicate_key_does_not_hide_the_rest_of_its_file(tmp_path):
    text = (
        "schema: b\ntables:\n  u:\n    columns:\n      id: bigint\n      id: text\n"
        "  v:\n    columns: {n: {type: smallint, default: '70000'}}\n"
    )
    found = _project(tmp_path, b=text)
    assert _codes(found) == ["L102", "C318"]
    assert found[0].startswith("schema/b.yaml:6:7:") and found[1].startswith("schema/b.yaml:8:")


def test_primary_key_given_as_a_string_is_one_error(tmp_path):
    text = "schema: b\ntables:\n  u:\n    columns: {id: bigint}\n    primary_key: id\n    unique: [name]\n"
    found = _project(tmp_path, b=text)
    assert _codes(found) == ["V208", "V208"]
    assert not any("'i'" in line or " i, d" in line for line in found)


def test_shorthand_typos_name_the_word(tmp_path):
    text = (
        "schema: b\ntables:\n  u:\n    columns:\n"
        "      x: bigint not nul\n      y: timestamptz defualt now()\n"
    )
    found = _project(tmp_path, b=text)
    assert _codes(found) == ["C382", "C382"]
    assert "unexpected 'nul' in `bigint not nul` (did you mean 'null'?)" in found[0]
    assert "unexpected 'defualt' in `timestamptz defualt now()` (did you mean 'default'?)" in found[1]


def test_a_shorthand_that_is_fine_still_builds(tmp_path):
    text = (
        "schema: b\ntables:\n  u:\n    columns:\n"
        "      x: double precision not null\n      y: timestamp with time zone default now()\n"
    )
    assert _project(tmp_path, b=text) == []


def test_a_rejected_column_does_not_cascade(tmp_path):
    text = (
        "schema: b\ntables:\n  u:\n    columns:\n      id: bigint not nul\n      name: 42\n"
        "    primary_key: [id]\n    unique: [[name]]\n    indexes: [[name, id]]\n"
        "    checks: {named: length(name::text) > 0 and id > 0}\n"
    )
    assert _codes(_project(tmp_path, b=text)) == ["C382", "V208"]


def test_identity_hints_point_at_identity(tmp_path):
    text = (
        "schema: b\ntables:\n  u:\n    columns:\n      a: {type: bigint, generated: always as identity}\n"
        "      b: bigint generated always as identity\n"
    )
    found = _project(tmp_path, b=text)
    assert _codes(found) == ["C382"]  # the shorthand spells an identity column as CREATE TABLE does
    assert "identity: always" in found[0]


def test_no_python_internals_in_hints(tmp_path):
    text = (
        "schema: b\ntables:\n  u:\n    columns: {a: {type: bigint, identity: true}, b: 42}\n"
        "    indexes: [{columns: 7}]\n    rows: {key: id, values: 3}\n"
    )
    found = "\n".join(_project(tmp_path, b=text))
    for internal in ("Error:", "object has no attribute", "not subscriptable", "Traceback"):
        assert internal not in found
