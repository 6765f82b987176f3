"""A migrations directory read into ordered Migration records."""

from __future__ import annotations

from pathlib import Path

from schemagen.migrations import read_migrations, slug
from tests.unit.migrations.migration_dirs import DOWN, UP, pair, write


def codes(found) -> list[str]:
    return [d.code for d in found.diagnostics]


def test_missing_directory_has_no_migrations(tmp_path: Path) -> None:
    found = read_migrations(tmp_path / "nope")
    assert found.migrations == () and found.diagnostics == ()


def test_reads_migrations_in_version_order_with_headers(tmp_path: Path) -> None:
    pair(tmp_path, 10, "later")
    pair(tmp_path, 2, "first")
    write(
        tmp_path, "0011_concurrent.up.sql", "-- transaction: none\nCREATE INDEX CONCURRENTLY i ON t (id);\n"
    )
    write(tmp_path, "0011_concurrent.down.sql", "DROP INDEX CONCURRENTLY i;\n")
    write(tmp_path, "schemagen.sum", "ignored here\n")
    found = read_migrations(tmp_path)
    assert codes(found) == []
    assert [m.id for m in found.migrations] == ["0002_first", "0010_later", "0011_concurrent"]
    first = found.migrations[0]
    assert first.version == 2 and first.name == "first"
    assert first.up.transactional and first.up.hazards == ()
    assert first.down.hazard_names == {"deletes_data"}
    assert first.down.hazards[0].detail == "drop table public.t"
    assert not found.migrations[2].up.transactional
    assert [s.file for s in found.scripts][:2] == ["0002_first.up.sql", "0002_first.down.sql"]


def test_text_is_normalised_and_checksummed(tmp_path: Path) -> None:
    pair(tmp_path, 1, "a")
    write(tmp_path, "0001_a.up.sql", b"\xef\xbb\xbfSELECT 1;\r\n")
    up = read_migrations(tmp_path).migrations[0].up
    assert up.text == "SELECT 1;\n"
    assert len(up.checksum) == 64


def test_bad_file_name_is_located(tmp_path: Path) -> None:
    pair(tmp_path, 1, "a")
    write(tmp_path, "2_Bad-Name.up.sql", "SELECT 1;\n")
    found = read_migrations(tmp_path)
    (problem,) = found.diagnostics
    assert problem.code == "M601" and str(problem.span) == "generated/migrations/2_Bad-Name.up.sql:1:1"
    assert [m.id for m in found.migrations] == ["0001_a"]


def test_other_files_are_skipped(tmp_path: Path) -> None:
    pair(tmp_path, 1, "a")
    write(tmp_path, "README.md", "notes")
    (tmp_path / "state").mkdir()
    assert codes(read_migrations(tmp_path)) == []


def test_two_names_for_one_version(tmp_path: Path) -> None:
    pair(tmp_path, 1, "a")
    pair(tmp_path, 1, "b")
    found = read_migrations(tmp_path)
    assert codes(found) == ["M602", "M602"]
    assert any("version 0001 has two up files" in d.message for d in found.diagnostics)


def test_up_without_down(tmp_path: Path) -> None:
    write(tmp_path, "0001_a.up.sql", "SELECT 1;\n")
    found = read_migrations(tmp_path)
    assert codes(found) == ["M603"] and found.migrations == ()
    assert "0001_a.down.sql" in found.diagnostics[0].message


def test_unknown_header_values_are_located(tmp_path: Path) -> None:
    pair(tmp_path, 1, "a")
    write(tmp_path, "0001_a.up.sql", "-- note\n-- transaction: maybe\n-- hazard: explodes: boom\nSELECT 1;\n")
    found = read_migrations(tmp_path)
    assert codes(found) == ["M604", "M604"]
    assert [d.span.line for d in found.diagnostics] == [2, 3]
    assert "explodes" in found.diagnostics[1].message


def test_header_naming_another_migration(tmp_path: Path) -> None:
    pair(tmp_path, 1, "a")
    write(tmp_path, "0002_a.up.sql", UP.format(id="0001_a"))
    write(tmp_path, "0002_a.down.sql", DOWN.format(id="0002_a"))
    found = read_migrations(tmp_path)
    assert codes(found) == ["M604"]
    assert "0002_a.up.sql says it is migration 0001_a (up)" in found.diagnostics[0].message


def test_header_stops_at_the_first_sql_line(tmp_path: Path) -> None:
    pair(tmp_path, 1, "a")
    write(tmp_path, "0001_a.up.sql", "SELECT 1;\n-- transaction: none\n")
    assert read_migrations(tmp_path).migrations[0].up.transactional


def test_not_utf8(tmp_path: Path) -> None:
    pair(tmp_path, 1, "a")
    write(tmp_path, "0001_a.up.sql", b"SELECT '\xff';\n")
    found = read_migrations(tmp_path)
    assert codes(found) == ["M605"]


def test_slug() -> None:
    assert slug("Hot task: partition!") == "hot_task_partition"
    assert slug("  Über-Index  ") == "uber_index"
    assert slug("***") == ""
    assert len(slug("x" * 100)) == 60
