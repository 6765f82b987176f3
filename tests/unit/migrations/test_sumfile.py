"""schemagen.sum: written for the files in order; each kind of tampering its own message."""

from __future__ import annotations

from pathlib import Path

from schemagen.migrations import SUM_FILE, render_sum, sum_total, verify_directory
from schemagen.migrations.files import read_migrations
from tests.unit.migrations.migration_dirs import pair


def project(tmp_path: Path, count: int = 3) -> Path:
    for version in range(1, count + 1):
        pair(tmp_path, version, f"m{version}")
    seal(tmp_path)
    return tmp_path


def seal(directory: Path) -> None:
    (directory / SUM_FILE).write_text(render_sum(read_migrations(directory).scripts), encoding="utf-8")


def found_codes(directory: Path) -> list[str]:
    return [d.code for d in verify_directory(directory).diagnostics]


def test_sum_file_shape(tmp_path: Path) -> None:
    project(tmp_path, 1)
    lines = (tmp_path / SUM_FILE).read_text().splitlines()
    assert lines[0] == "schemagen-sum 1"
    assert [line.split()[0] for line in lines[1:]] == ["0001_m1.up.sql", "0001_m1.down.sql", "total"]
    assert lines[-1].split()[1] == lines[-2].split()[1] == sum_total("\n".join(lines))


def test_untouched_directory_passes(tmp_path: Path) -> None:
    assert found_codes(project(tmp_path)) == []


def test_line_endings_and_bom_do_not_count_as_edits(tmp_path: Path) -> None:
    directory = project(tmp_path)
    path = directory / "0002_m2.up.sql"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert found_codes(directory) == []


def test_no_directory_no_sum_is_fine(tmp_path: Path) -> None:
    assert found_codes(tmp_path / "none") == []


def test_missing_sum_file(tmp_path: Path) -> None:
    directory = project(tmp_path)
    (directory / SUM_FILE).unlink()
    assert found_codes(directory) == ["M610"]


def test_edited_file_is_named(tmp_path: Path) -> None:
    directory = project(tmp_path)
    (directory / "0002_m2.down.sql").write_text("DROP TABLE t CASCADE;\n")
    (problem,) = verify_directory(directory).diagnostics
    assert problem.code == "M612"
    assert str(problem.span) == "generated/migrations/0002_m2.down.sql:1:1"
    assert "0002_m2.down.sql was edited" in problem.message and "line 5" in problem.message


def test_inserted_file_is_named(tmp_path: Path) -> None:
    directory = project(tmp_path)
    pair(directory, 4, "extra")
    problems = verify_directory(directory).diagnostics
    assert [d.code for d in problems] == ["M613", "M613"]
    assert "0004_extra.up.sql is not in schemagen.sum" in problems[0].message


def test_inserted_in_the_middle(tmp_path: Path) -> None:
    directory = project(tmp_path)
    for name in ("0002_m2.up.sql", "0002_m2.down.sql"):
        (directory / name).unlink()
    seal(directory)
    pair(directory, 2, "m2")
    assert found_codes(directory) == ["M613", "M613"]


def test_deleted_file_is_named_at_its_sum_line(tmp_path: Path) -> None:
    directory = project(tmp_path)
    (directory / "0003_m3.up.sql").unlink()
    (directory / "0003_m3.down.sql").unlink()
    problems = verify_directory(directory).diagnostics
    assert [d.code for d in problems] == ["M614", "M614"]
    assert problems[0].span.file.endswith("schemagen.sum") and problems[0].span.line == 6
    assert problems[0].message == "0003_m3.up.sql is in schemagen.sum (line 6) but was deleted"


def test_swapped_files_are_reordered_not_edited(tmp_path: Path) -> None:
    directory = project(tmp_path)
    one, two = directory / "0001_m1.up.sql", directory / "0002_m2.up.sql"
    text_one, text_two = one.read_bytes(), two.read_bytes()
    one.write_bytes(text_two)
    two.write_bytes(text_one)
    problems = verify_directory(directory).diagnostics
    assert {d.code for d in problems} == {"M604", "M615"}  # the headers name the other migration, too
    moved = sorted(d.message for d in problems if d.code == "M615")
    assert moved[0].startswith("0001_m1.up.sql holds the text schemagen.sum recorded for 0002_m2.up.sql")


def test_edit_and_swap_together(tmp_path: Path) -> None:
    directory = project(tmp_path)
    (directory / "0001_m1.up.sql").write_text("-- schemagen migration 0001_m1 (up)\nSELECT 2;\n")
    assert found_codes(directory) == ["M612"]


def test_renumbered_file_is_reordered(tmp_path: Path) -> None:
    directory = project(tmp_path, 2)
    for direction in ("up", "down"):
        (directory / f"0001_m1.{direction}.sql").rename(directory / f"0003_m1.{direction}.sql")
    problems = verify_directory(directory).diagnostics
    assert {d.code for d in problems} == {"M604", "M615"}
    moved = [d for d in problems if d.code == "M615"]
    assert "0003_m1.up.sql holds the text schemagen.sum recorded for 0001_m1.up.sql" in moved[0].message


def test_sum_in_another_order_is_reordered(tmp_path: Path) -> None:
    directory = project(tmp_path)
    scripts = read_migrations(directory).scripts
    scripts[0], scripts[2] = scripts[2], scripts[0]
    (directory / SUM_FILE).write_text(render_sum(scripts))
    assert set(found_codes(directory)) == {"M615"}


def test_malformed_sum_file(tmp_path: Path) -> None:
    directory = project(tmp_path)
    text = (directory / SUM_FILE).read_text()
    (directory / SUM_FILE).write_text(text.replace("schemagen-sum 1", "sum"))
    assert found_codes(directory) == ["M611"]


def test_merge_conflict_in_sum_file(tmp_path: Path) -> None:
    directory = project(tmp_path)
    lines = (directory / SUM_FILE).read_text().splitlines()
    lines.insert(3, "<<<<<<< HEAD")
    (directory / SUM_FILE).write_text("\n".join(lines) + "\n")
    (problem,) = verify_directory(directory).diagnostics
    assert problem.code == "M611" and problem.span.line == 4 and problem.hint


def test_wrong_total(tmp_path: Path) -> None:
    directory = project(tmp_path)
    text = (directory / SUM_FILE).read_text()
    (directory / SUM_FILE).write_text(text.replace("total ", "total 0"))
    assert found_codes(directory) == ["M611"]


def test_rendering_is_deterministic(tmp_path: Path) -> None:
    directory = project(tmp_path)
    scripts = read_migrations(directory).scripts
    assert render_sum(scripts) == render_sum(list(scripts))
