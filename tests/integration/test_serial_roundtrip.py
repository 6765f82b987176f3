"""A serial column in a schema that needs quoting: build → apply → inspect gives ``serial`` again.

The builder wrote ``nextval('"App".t_id_seq'::regclass)`` (as PostgreSQL prints it) while
the emitter expected ``nextval('App.t_id_seq'::regclass)``, so inspect no longer saw a
serial column; both now ask model/pg/serial.serial_default.
"""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
import yaml

from schemagen.api import compile_project
from schemagen.api.inspect import inspect_database

pytestmark = pytest.mark.integration

SCHEMA = """\
schema: App
tables:
  t:
    columns:
      id: serial
      "Big Id": bigserial
      note: text
    primary_key: [id]
"""


def test_serial_in_quoted_schema_round_trips(fresh_db: str, tmp_path: Path) -> None:
    project = tmp_path / "declared"
    (project / "schema").mkdir(parents=True)
    (project / "schema" / "app.yaml").write_text(SCHEMA, encoding="utf-8")
    compiled = compile_project(project)
    assert compiled.ok, "\n".join(d.format() for d in compiled.diagnostics)
    assert "nextval('\"App\".t_id_seq'::regclass)" in compiled.files["schema.sql"]
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(compiled.files["schema.sql"])
    inspected = inspect_database(fresh_db, ["App"], tmp_path / "inspected")
    assert inspected.omissions == []
    document = yaml.safe_load((tmp_path / "inspected" / "schema" / "App.yaml").read_text(encoding="utf-8"))
    columns = document["tables"]["t"]["columns"]
    assert columns["id"] == "serial"
    assert columns["Big Id"] == "bigserial"
    assert "sequences" not in document
