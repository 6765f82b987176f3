"""The wheel: built from the sources, installed into a fresh venv, ``schemagen build`` run from there.

The templates live in the repository's top-level ``templates/`` and reach the package as
``schemagen.templates`` through setup.py's ``package_dir`` mapping; these tests check that a
wheel carries every one of them and renders exactly what the editable install renders.
They build and install for real (pip, the registry for the dependencies), hence slow.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import schemagen
from schemagen.api import compile_project
from schemagen.source.templates import default_templates_dir

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
# what building the wheel needs, and nothing else (no stale build/ of a working tree)
SOURCES = ("pyproject.toml", "setup.py", "README.md", "src", "templates")
SCHEMA = """\
schema: shop
enums:
  status: [open, paid]
tables:
  customers:
    columns:
      customer_id: bigint not null
      email: text not null
    primary_key: [customer_id]
  orders:
    columns:
      order_id: bigint not null
      customer_id: {type: bigint, not_null: true, references: customers}
      status: status not null default 'open'
    primary_key: [order_id]
    indexes:
      - {columns: [customer_id]}
"""


class Installed:
    """A fresh venv with the wheel installed."""

    def __init__(self, wheel: Path, venv: Path) -> None:
        self.wheel = wheel
        self.venv = venv

    def run(self, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
        return subprocess.run(
            [str(self.venv / "bin" / args[0]), *args[1:]],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("wheel")
    tree = root / "tree"
    tree.mkdir()
    for name in SOURCES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, tree / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(source, tree / name)
    pip = [sys.executable, "-m", "pip"]
    subprocess.run([*pip, "wheel", "-q", "--no-deps", "-w", str(root / "dist"), str(tree)], check=True)
    (wheel,) = (root / "dist").glob("schemagen-*.whl")
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)], check=True)
    return Installed(wheel, venv)


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "shop.yaml").write_text(SCHEMA)
    return tmp_path


def test_the_wheel_carries_every_template(installed: Installed) -> None:
    names = zipfile.ZipFile(installed.wheel).namelist()
    packed = sorted(
        n.removeprefix("schemagen/templates/") for n in names if n.startswith("schemagen/templates/")
    )
    expected = sorted(
        p.relative_to(REPO / "templates").as_posix()
        for p in (REPO / "templates").rglob("*")
        if p.is_file() and (p.suffix == ".j2" or p.name == "__init__.py")
    )
    assert packed == expected
    assert not [n for n in names if n.startswith("templates/")]  # only inside the package


def test_build_from_the_wheel_renders_what_the_editable_install_renders(
    installed: Installed, small_project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    where = installed.run(
        "python", "-c", "import schemagen.templates as t; print(t.__file__)", cwd=small_project
    )
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(installed.venv), where.stdout
    result = installed.run("schemagen", "build", cwd=small_project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "wrote generated/schema.sql" in result.stdout
    expected = compile_project(small_project).files
    assert set(expected) == {"schema.sql", "erd.md"}
    for name, text in expected.items():
        assert (small_project / "generated" / name).read_text(encoding="utf-8") == text, name


def test_an_override_works_from_the_wheel(installed: Installed, small_project: Path) -> None:
    override = small_project / "templates" / "files" / "erd.md.j2"
    override.parent.mkdir(parents=True)
    override.write_text("{% for s in schemas %}{{ s.heading }}\n{% endfor %}")
    refused = small_project / "templates" / "changes" / "create_index.sql.j2"
    refused.parent.mkdir(parents=True)
    refused.write_text("-- no\n")
    result = installed.run("schemagen", "build", cwd=small_project)
    assert result.returncode == 1
    assert "templates/changes/create_index.sql.j2:1:1: L110" in result.stdout + result.stderr
    refused.unlink()
    result = installed.run("schemagen", "build", cwd=small_project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        "template override: templates/files/erd.md.j2 replaces schemagen's files/erd.md.j2" in result.stdout
    )
    assert (small_project / "generated" / "erd.md").read_text() == "shop\n"


def test_the_repository_builds_from_the_wheel_without_overrides(installed: Installed, tmp_path: Path) -> None:
    """Under a wheel, the repository's templates/ is a copy of the installed defaults: no overrides."""
    result = installed.run("schemagen", "build", "--check", "--project", str(REPO), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "template override" not in result.stdout


def test_the_editable_install_reads_the_templates_in_place() -> None:
    """The test run's own install: editable (as README and CI install it) reads templates/ itself."""
    if not Path(schemagen.__file__).resolve().is_relative_to(REPO / "src"):
        pytest.fail(
            f"schemagen is imported from {schemagen.__file__}, not this checkout's src/: pip install -e ."
        )
    assert default_templates_dir().resolve() == (REPO / "templates").resolve()
