"""Two branches that each add a migration conflict in git on schemagen.sum instead of interleaving."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from schemagen.cli import main
from tests.unit.cli.test_migrate_new_command import V1, V2

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

OTHER = V1.replace("      email: text not null\n", "      email: text not null\n      age: integer\n")


def git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=root, capture_output=True, text=True
    )


def new(root: Path, schema: str, name: str) -> None:
    (root / "schema" / "app.yaml").write_text(schema, encoding="utf-8")
    result = CliRunner().invoke(main, ["migrate", "new", name, "--project", str(root)])
    assert result.exit_code == 0, result.output


def test_two_branches_adding_a_migration_conflict_on_the_sum_file(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "schema").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    new(root, V1, "initial")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "initial")
    git(root, "checkout", "-qb", "nickname")
    new(root, V2, "nickname")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "nickname")
    git(root, "checkout", "-q", "main")
    new(root, OTHER, "age")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "age")
    merged = git(root, "merge", "nickname")
    assert merged.returncode != 0
    conflicted = git(root, "diff", "--name-only", "--diff-filter=U").stdout.split()
    assert "generated/migrations/schemagen.sum" in conflicted
    # keeping one side of every conflict still leaves both 0002 files: schemagen refuses the mix
    git(root, "checkout", "--theirs", "--", *conflicted)
    result = CliRunner().invoke(main, ["build", "--check", "--project", str(root)])
    assert result.exit_code == 1
    assert "M602" in result.output
