"""Property (hypothesis): random catalogs written in the format → ``build`` → apply on a real
server → ``inspect`` → YAML that says the same objects, and that is a fixed point: built and
applied to a second database and inspected again, it is the same YAML byte for byte (and
``fmt`` leaves it as it is). PostgreSQL 18 and 15; the example count is bounded so CI stays
fast, and the examples are derandomized (the same ones every run)."""

from __future__ import annotations

import itertools
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.integration.live_projects import run_sql, scratch_database

from schemagen.api.fmt import format_file_text
from schemagen.cli import main
from schemagen.model.pg.quoting import quote_ident, quote_literal

pytestmark = pytest.mark.integration

EXAMPLES = settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
_counter = itertools.count()

_ODD = st.text(
    alphabet=st.sampled_from(list("abcXYZ _-'\"$;/*é名0")),
    min_size=1,
    max_size=10,
)
NAMES = st.one_of(st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True), _ODD).filter(
    lambda n: n == n.strip() and not n.lower().startswith("pg_")
)
TEXTS = st.text(alphabet=st.sampled_from(list("ab '\"$;-/*\né")), min_size=1, max_size=20).filter(
    lambda t: t == t.strip()
)
TYPES = {
    "integer": ["0", "42", "-1"],
    "bigint": ["0", "7"],
    "text": ["''", "'x'", "'it''s'"],
    "boolean": ["true", "false"],
    "numeric(10,2)": ["0", "1.5"],
    "varchar(20)": ["'a'"],
    "timestamptz": ["now()"],
    "date": ["CURRENT_DATE"],
    "jsonb": ["'{}'"],
    "uuid": ["gen_random_uuid()"],
}


@st.composite
def columns(draw, enum: tuple[str, list[str]] | None, schema: str) -> dict:
    names = draw(st.lists(NAMES, min_size=1, max_size=4, unique_by=str.lower))
    result = {}
    for name in names:
        choices = [*TYPES, "enum"] if enum else list(TYPES)
        kind = draw(st.sampled_from(choices))
        if kind == "enum":
            assert enum is not None
            type_text = f"{quote_ident(schema)}.{quote_ident(enum[0])}"
            defaults = [quote_literal(enum[1][0])]
        else:
            type_text, defaults = kind, TYPES[kind]
        column: dict = {"type": type_text}
        if draw(st.booleans()):
            column["not_null"] = True
        if draw(st.booleans()):
            column["default"] = draw(st.sampled_from(defaults))
        if draw(st.booleans()):
            column["comment"] = draw(TEXTS)
        result[name] = column
    return result


@st.composite
def documents(draw) -> dict:
    schema = draw(NAMES.filter(lambda n: n not in ("public", "information_schema")))
    document: dict = {"schema": schema}
    enum = None
    if draw(st.booleans()):
        labels = draw(
            st.lists(TEXTS.filter(lambda t: len(t.encode()) <= 63), min_size=1, max_size=4, unique=True)
        )
        enum = (draw(NAMES), labels)
        document["enums"] = {enum[0]: labels}
    tables = {}
    for table in draw(st.lists(NAMES, min_size=1, max_size=3, unique_by=str.lower)):
        cols = draw(columns(enum, schema))
        value: dict = {"columns": cols}
        names = list(cols)
        if draw(st.booleans()):
            value["primary_key"] = [names[0]]
        if draw(st.booleans()):
            value["indexes"] = [
                {"columns": draw(st.lists(st.sampled_from(names), min_size=1, max_size=2, unique=True))}
            ]
        numeric = [n for n, c in cols.items() if c["type"] in ("integer", "bigint", "numeric(10,2)")]
        if numeric and draw(st.booleans()):
            value["checks"] = {"ck_positive": f"{quote_ident(numeric[0])} > -100"}
        if draw(st.booleans()):
            value["comment"] = draw(TEXTS)
        tables[table] = value
    if enum and enum[0].lower() in {t.lower() for t in tables}:
        enum = None  # a type and a table of one name: PostgreSQL refuses (the table's row type)
        del document["enums"]
        for value in tables.values():
            value["columns"] = {n: c for n, c in value["columns"].items() if "." not in c["type"]} or {
                "id": {"type": "integer"}
            }
            value.pop("primary_key", None), value.pop("indexes", None), value.pop("checks", None)
    document["tables"] = tables
    return document


def _cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _build_apply_inspect(project: Path, dsn: str, out: Path, schema: str) -> dict[str, str]:
    _cli("build", "-q", "--project", str(project))
    run_sql(dsn, (project / "generated" / "schema.sql").read_text(encoding="utf-8"))
    _cli("inspect", "-q", "--dsn", dsn, "--schema", schema, "--out", str(out))
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((out / "schema").glob("*.yaml"))}


@EXAMPLES
@given(document=documents())
def test_random_catalogs_round_trip_through_a_real_server(pg_server, document: dict) -> None:
    admin = pg_server.dsn("postgres")
    number = next(_counter)
    with TemporaryDirectory() as folder, scratch_database(admin, f"p{number}a") as first:
        root = Path(folder)
        (root / "declared" / "schema").mkdir(parents=True)
        text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
        (root / "declared" / "schema" / "random.yaml").write_text(text, encoding="utf-8")
        schema = document["schema"]
        inspected = _build_apply_inspect(root / "declared", first, root / "a", schema)
        (only,) = inspected.values()
        loaded = yaml.safe_load(only)
        assert loaded["schema"] == schema
        assert set(loaded["tables"]) == set(document["tables"])
        for name, table in document["tables"].items():
            assert list(loaded["tables"][name]["columns"]) == list(table["columns"])
        assert set(loaded.get("enums", {})) == set(document.get("enums", {}))
        formatted, _ = format_file_text(only, "schema/x.yaml")
        assert formatted == only  # inspect writes what fmt writes
        with scratch_database(admin, f"p{number}b") as second:
            assert _build_apply_inspect(root / "a", second, root / "b", schema) == inspected
