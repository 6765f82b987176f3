"""``schemagen build``, ``build --check``, ``validate`` and ``json-schema`` through click."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from schemagen.cli import main

GOOD = """\
schema: app
tables:
  users:
    columns:
      user_id: bigint not null
      email: text not null
    primary_key: [user_id]
"""

# Ten different mistakes across two files, each with its own location.
BAD_A = """\
schema: app
enums:
  color: [red, green]
tables:
  users:
    columns:
      user_id: bigint not null
      favourite: {type: color, default: "'blue'"}
      manager_id: {type: bigint, references: nobody}
      age: {type: integer, nullable: false}
      made_at: {type: timestamptz, default: now()}
    primay_key: [user_id]
    indexes:
      - {columns: [made_at], where: made_at > now()}
      - {columns: [missing_column]}
  accounts:
    columns:
      account_id: {type: no_such_type}
      owner: bigint not null
    primary_key: [account_id]
    checks:
      broken: "owner >"
"""
BAD_B = """\
schema: app
tables:
  events:
    columns:
      event_id: bigint not null
      happened_at: timestamptz not null
    primary_key: [event_id]
    partition_by: {range: [happened_at]}
  a_table_name_that_is_much_too_long_for_postgresql_to_keep_it_whole_xx:
    columns:
      id: integer
  users:
    columns:
      id: integer
"""


def make_project(tmp_path: Path, files: dict[str, str]) -> Path:
    (tmp_path / "schema").mkdir()
    for name, text in files.items():
        (tmp_path / "schema" / name).write_text(text, encoding="utf-8")
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_build_writes_generated_and_is_idempotent(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"app.yaml": GOOD})
    code, out, err = run("build", "--project", str(project))
    assert code == 0, err
    assert "wrote generated/schema.sql" in out
    first = (project / "generated" / "schema.sql").read_bytes()
    assert b"CREATE TABLE app.users" in first
    code, out, _ = run("build", "--project", str(project))
    assert code == 0
    assert "up to date" in out
    assert (project / "generated" / "schema.sql").read_bytes() == first


def test_check_passes_when_fresh_and_fails_after_an_edit(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"app.yaml": GOOD})
    assert run("build", "--project", str(project))[0] == 0
    assert run("build", "--check", "--project", str(project))[0] == 0
    (project / "schema" / "app.yaml").write_text(GOOD.replace("email: text", "mail: text"), encoding="utf-8")
    before = (project / "generated" / "schema.sql").read_bytes()
    code, _, err = run("build", "--check", "--project", str(project))
    assert code == 1
    assert "stale: generated/schema.sql" in err
    assert (project / "generated" / "schema.sql").read_bytes() == before


def test_check_flags_files_that_should_not_be_there(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"app.yaml": GOOD})
    run("build", "--project", str(project))
    (project / "generated" / "leftover.sql").write_text("-- old\n", encoding="utf-8")
    code, _, err = run("build", "--check", "--project", str(project))
    assert code == 1
    assert "stale: generated/leftover.sql" in err


def test_ten_mistakes_give_ten_located_diagnostics_and_write_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"a.yaml": GOOD})
    assert run("build", "--project", str(project))[0] == 0
    before = (project / "generated" / "schema.sql").read_bytes()
    shutil.rmtree(project / "schema")
    make_project(tmp_path, {"a.yaml": BAD_A, "b.yaml": BAD_B})
    code, _, err = run("build", "--project", str(project))
    assert code == 1
    located = [line for line in err.splitlines() if line.startswith("schema/") and ": " in line]
    assert len(located) >= 10, err
    assert len({line.split(" ")[1] for line in located}) >= 5, "expected several different codes"
    assert (project / "generated" / "schema.sql").read_bytes() == before
    assert "Traceback" not in err


def test_validate_reports_without_writing(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"app.yaml": GOOD.replace("primary_key", "primay_key")})
    code, _, err = run("validate", "--project", str(project))
    assert code == 1
    assert "schema/app.yaml:7:5" in err
    assert "did you mean 'primary_key'" in err
    assert not (project / "generated").exists()


def test_missing_project_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("build", "--project", str(tmp_path / "nowhere"))
    assert code == 2
    assert "does not exist" in err


def test_directory_without_schema_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("build", "--project", str(tmp_path))
    assert code == 2
    assert "schema/" in err


def test_json_schema_is_printed() -> None:
    code, out, _ = run("json-schema")
    assert code == 0
    schema = json.loads(out)
    assert schema["$schema"].startswith("https://json-schema.org/draft/2020-12")


@pytest.mark.parametrize("args", [["build", "--no-such-flag"], ["no-such-command"]])
def test_bad_arguments_exit_2(args: list[str]) -> None:
    assert run(*args)[0] == 2


def test_an_internal_error_is_one_line_and_exit_4(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import schemagen.api

    def explode(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(schemagen.api, "build_project", explode)
    project = make_project(tmp_path, {"app.yaml": GOOD})
    code, _, err = run("build", "--project", str(project))
    assert code == 4
    assert "internal error: RuntimeError: boom" in err
    assert "Traceback" not in err


def test_console_entry_point_exit_codes_and_output(tmp_path: Path) -> None:
    import subprocess
    import sys

    project = make_project(tmp_path, {"app.yaml": GOOD})
    ok = subprocess.run(
        [sys.executable, "-m", "schemagen", "build", "--project", str(project)],
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0, ok.stderr
    assert "wrote generated/schema.sql" in ok.stdout
    usage = subprocess.run(
        [sys.executable, "-m", "schemagen", "build", "--project", str(tmp_path / "nowhere")],
        capture_output=True,
        text=True,
    )
    assert usage.returncode == 2
    assert "does not exist" in usage.stderr
