"""``schemagen migrate new`` / ``migrate hash`` and what ``build`` says about migrations (no database)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from schemagen.cli import main
from schemagen.migrations import read_migrations

V1 = """\
schema: app
tables:
  users:
    columns:
      user_id: bigint not null
      email: text not null
    primary_key: [user_id]
"""
V2 = V1.replace("      email: text not null\n", "      email: text not null\n      nickname: text\n") + (
    "    indexes:\n      - columns: [email]\n"
)
BROKEN = V1.replace("primary_key", "primay_key")


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "app.yaml").write_text(V1, encoding="utf-8")
    return tmp_path


def migrations(project: Path) -> Path:
    return project / "generated" / "migrations"


def files(project: Path) -> dict[str, bytes]:
    root = migrations(project)
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_first_migration_writes_up_down_sum_and_state(project: Path) -> None:
    result = run("migrate", "new", "Initial Schema!", "--project", str(project))
    assert result.exit_code == 0, result.output
    assert sorted(files(project)) == [
        "0001_initial_schema.down.sql",
        "0001_initial_schema.up.sql",
        "schemagen.sum",
        "state/app.yaml",
    ]
    assert "wrote generated/migrations/0001_initial_schema.up.sql" in result.output
    up = (migrations(project) / "0001_initial_schema.up.sql").read_text()
    assert up.startswith("-- schemagen migration 0001_initial_schema (up)\n")
    assert "CREATE TABLE app.users" in up and "BEGIN" not in up


def test_nothing_to_plan_writes_nothing(project: Path) -> None:
    run("migrate", "new", "initial", "--project", str(project))
    before = files(project)
    result = run("migrate", "new", "again", "--project", str(project))
    assert result.exit_code == 0
    assert "nothing to plan" in result.output
    assert files(project) == before


def test_next_migration_plans_from_the_state_and_back(project: Path) -> None:
    run("migrate", "new", "initial", "--project", str(project))
    (project / "schema" / "app.yaml").write_text(V2, encoding="utf-8")
    result = run("migrate", "new", "nickname", "--project", str(project))
    assert result.exit_code == 0, result.output
    (_, second) = read_migrations(migrations(project)).migrations
    assert second.id == "0002_nickname"
    assert "ADD COLUMN nickname text" in second.up.text
    assert "CREATE INDEX CONCURRENTLY" in second.up.text and not second.up.transactional
    # the down file loses data: the runner refuses it unless allowed
    assert "DROP COLUMN nickname" in second.down.text
    assert "deletes_data" in second.down.hazard_names
    assert "deletes_data" not in second.up.hazard_names


def test_same_input_gives_byte_identical_files(tmp_path: Path) -> None:
    outputs = []
    for name in ("a", "b"):
        project = tmp_path / name
        (project / "schema").mkdir(parents=True)
        (project / "schema" / "app.yaml").write_text(V1, encoding="utf-8")
        run("migrate", "new", "initial", "--project", str(project))
        (project / "schema" / "app.yaml").write_text(V2, encoding="utf-8")
        run("migrate", "new", "nickname", "--project", str(project))
        outputs.append(files(project))
    assert outputs[0] == outputs[1]


def test_invalid_project_is_located_and_writes_nothing(project: Path) -> None:
    (project / "schema" / "app.yaml").write_text(BROKEN, encoding="utf-8")
    result = run("migrate", "new", "initial", "--project", str(project))
    assert result.exit_code == 1
    assert "schema/app.yaml:" in result.output and "V203" in result.output
    assert not migrations(project).exists()


def test_name_without_letters_is_a_usage_error(project: Path) -> None:
    result = run("migrate", "new", "***", "--project", str(project))
    assert result.exit_code == 2
    assert not migrations(project).exists()


def test_hand_edited_migration_blocks_the_next_one(project: Path) -> None:
    run("migrate", "new", "initial", "--project", str(project))
    up = migrations(project) / "0001_initial.up.sql"
    up.write_text(up.read_text() + "\nSELECT 1;\n")
    (project / "schema" / "app.yaml").write_text(V2, encoding="utf-8")
    result = run("migrate", "new", "nickname", "--project", str(project))
    assert result.exit_code == 1
    assert "generated/migrations/0001_initial.up.sql:1:1: M612" in result.output
    assert not (migrations(project) / "0002_nickname.up.sql").exists()


def test_hash_records_a_deliberate_edit(project: Path) -> None:
    run("migrate", "new", "initial", "--project", str(project))
    run("build", "--project", str(project))
    up = migrations(project) / "0001_initial.up.sql"
    up.write_text(up.read_text() + "\nCOMMENT ON TABLE app.users IS NULL;\n")
    assert run("build", "--check", "--project", str(project)).exit_code == 1
    result = run("migrate", "hash", "--project", str(project))
    assert result.exit_code == 0 and "wrote generated/migrations/schemagen.sum" in result.output
    assert run("build", "--check", "--project", str(project)).exit_code == 0


def test_stale_state_snapshot(project: Path) -> None:
    run("migrate", "new", "initial", "--project", str(project))
    state = migrations(project) / "state" / "app.yaml"
    state.write_text("# State after 0001_initial (schemagen.sum total " + "0" * 64 + ").\n" + V1)
    result = run("migrate", "new", "next", "--project", str(project))
    assert result.exit_code == 1 and "M621" in result.output


def test_build_check_names_migrate_new_when_schema_is_ahead(project: Path) -> None:
    run("migrate", "new", "initial", "--project", str(project))
    assert run("build", "--project", str(project)).exit_code == 0
    assert run("build", "--check", "--project", str(project)).exit_code == 0
    (project / "schema" / "app.yaml").write_text(V2, encoding="utf-8")
    before = files(project)
    built = run("build", "--project", str(project))
    assert built.exit_code == 0  # build warns, writes generated/schema.sql, never a migration
    assert "M620" in built.output and files(project) == before
    checked = run("build", "--check", "--project", str(project))
    assert checked.exit_code == 1
    assert "schema/app.yaml:" in checked.output and "M620" in checked.output
    assert "schemagen migrate new" in checked.output
    assert run("migrate", "new", "nickname", "--project", str(project)).exit_code == 0
    assert run("build", "--check", "--project", str(project)).exit_code == 0


def test_build_check_fails_on_a_tampered_sum(project: Path) -> None:
    run("migrate", "new", "initial", "--project", str(project))
    run("build", "--project", str(project))
    (migrations(project) / "0001_initial.down.sql").unlink()
    result = run("build", "--check", "--project", str(project))
    assert result.exit_code == 1 and "M603" in result.output
    (migrations(project) / "0001_initial.up.sql").unlink()
    result = run("build", "--check", "--project", str(project))
    assert result.exit_code == 1 and "M614" in result.output


def test_build_keeps_the_migrations_directory(project: Path) -> None:
    run("migrate", "new", "initial", "--project", str(project))
    before = files(project)
    assert run("build", "--project", str(project)).exit_code == 0
    assert files(project) == before
