"""model/pg's generated catalog data is what PostgreSQL 18 says (scripts/generate_builtins.py).

One source for "which extension provides which type" and the built-in types: the JSON
files, generated from the server's catalogs. Before model/pg the builder kept a hand list
of 21 extension types that disagreed with the generated 39 (no issn13, ismn, halfvec's
siblings …); now a drift between the files and the server fails here.
"""

from __future__ import annotations

import importlib.util
import json
from importlib import resources
from pathlib import Path

import psycopg
import pytest

from schemagen.model.pg.builtins import extension_of_type, extension_types
from schemagen.model.pg.types import STRING_TYPES

pytestmark = pytest.mark.integration

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "generate_builtins.py"


def _generator():
    spec = importlib.util.spec_from_file_location("generate_builtins", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _shipped(name: str) -> dict:
    text = resources.files("schemagen.model.pg").joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)


def test_generated_data_matches_postgresql_18(pg18_db: str) -> None:
    volatility, types = _generator().generate(pg18_db)
    assert types == _shipped("builtin_types.json")
    assert volatility == _shipped("builtin_volatility.json")


def test_builder_and_checks_ask_the_same_extension_list() -> None:
    generator = _generator()
    assert set(generator.NOT_SHIPPED_EXTENSION_TYPES.items()) <= set(extension_types().items())
    assert extension_of_type("issn13") == "isn"  # missing from the builder's hand list
    assert extension_of_type("geometry") == "postgis"  # kept from it


def test_string_types_are_postgresqls_string_category(pg_server) -> None:
    # checks/foreign_keys.py and checks/volatility.py each had this list
    with psycopg.connect(pg_server.dsn("postgres")) as conn:
        rows = conn.execute(
            "SELECT format_type(oid, NULL) FROM pg_type"
            " WHERE typcategory = 'S' AND typnamespace = 'pg_catalog'::regnamespace"
        ).fetchall()
    assert {name for (name,) in rows} == STRING_TYPES
