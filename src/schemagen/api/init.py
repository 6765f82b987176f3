"""``schemagen init``: start a project that builds at once, with editor settings."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from schemagen.errors import OutputExists, UsageError

SCHEMA_DIR = ".schemagen"
FORMAT_SCHEMA = f"{SCHEMA_DIR}/schema.json"
SETTINGS_SCHEMA = f"{SCHEMA_DIR}/settings.schema.json"
TARGET_VERSIONS = (14, 15, 16, 17, 18)

EXAMPLE = """\
# One small example to start from: edit it, then run `schemagen build` and apply
# generated/schema.sql. Every file in schema/ is read; the format is described in
# schemagen's docs/format.md (your editor completes and explains the keys).
schema: app
comment: The application's tables.

tables:
  users:
    comment: People who can sign in.
    columns:
      # a column is written as after its name in CREATE TABLE (or as a mapping: type, not_null, …)
      user_id: bigint generated always as identity primary key
      email: text not null unique
      created_at: timestamptz not null default now()

  notes:
    comment: What a user wrote down.
    columns:
      note_id: bigint generated always as identity primary key
      user_id: bigint not null references users on delete cascade
      body: text not null default ''
    indexes:
      - columns: [user_id]
"""

SETTINGS = """\
# schemagen project settings (docs/format.md, "Project settings").
postgres: {version}   # the PostgreSQL major version generated/ is written for
"""


@dataclass
class InitResult:
    """What ``init`` wrote (paths relative to the project directory), and inspect's result."""

    files: list[str] = field(default_factory=list)
    inspect: object | None = None


def modeline(schema_path: str) -> str:
    """The first line that binds a YAML file to a JSON Schema in the YAML language server."""
    return f"# yaml-language-server: $schema={schema_path}\n"


def editor_settings() -> str:
    """``.vscode/settings.json``: the JSON Schemas bound to the project's YAML files."""
    settings = {
        "yaml.schemas": {
            FORMAT_SCHEMA: ["schema/*.yaml", "schema/**/*.yaml"],
            SETTINGS_SCHEMA: ["schemagen.yaml"],
        }
    }
    return json.dumps(settings, indent=2) + "\n"


def _schema_files() -> dict[str, str]:
    from schemagen.api import json_schema

    return {
        FORMAT_SCHEMA: json.dumps(json_schema(), indent=2, sort_keys=True) + "\n",
        SETTINGS_SCHEMA: json.dumps(json_schema(True), indent=2, sort_keys=True) + "\n",
    }


def _refuse_non_empty(root: Path, force: bool) -> None:
    if not root.exists():
        return
    if not root.is_dir():
        raise UsageError(f"{root} exists and is not a directory")
    entries = sorted(entry.name for entry in root.iterdir())
    if entries and not force:
        raise OutputExists(
            f"{root} is not empty ({len(entries)} entr{'y' if len(entries) == 1 else 'ies'}, "
            f"e.g. {entries[0]}): pass --force to write the project into it anyway "
            "(files of the same name are replaced), or choose an empty or new directory"
        )


def init_project(
    directory: str | Path,
    *,
    force: bool = False,
    postgres: int = 18,
    from_dsn: str | None = None,
) -> InitResult:
    """Write a new project into ``directory``; with ``from_dsn`` its schema is read from that database.

    Refuses (:class:`OutputExists`) a non-empty directory unless ``force``. Writes
    ``schema/`` (one commented example, or inspect's files), ``schemagen.yaml``, the
    JSON Schemas under ``.schemagen/``, ``.vscode/settings.json`` binding them, and a
    modeline at the top of every YAML file it writes.
    """
    if postgres not in TARGET_VERSIONS:
        raise UsageError(
            f"unsupported postgres version {postgres}: use one of {', '.join(map(str, TARGET_VERSIONS))}"
        )
    root = Path(directory)
    _refuse_non_empty(root, force)
    result = InitResult()
    files: dict[str, str] = {
        "schemagen.yaml": modeline(SETTINGS_SCHEMA) + SETTINGS.format(version=postgres),
        **_schema_files(),
        ".vscode/settings.json": editor_settings(),
    }
    if from_dsn is None:
        files["schema/example.yaml"] = modeline(f"../{FORMAT_SCHEMA}") + EXAMPLE
    else:
        from schemagen.api.inspect import inspect_database

        inspected = inspect_database(from_dsn, None, root, force=force)
        result.inspect = inspected
        for relative, text in inspected.files.items():
            if relative == "schemagen.yaml":  # the audit settings inspect found: beside the version
                files[relative] += text
                continue
            depth = relative.count("/")
            files[relative] = modeline("../" * depth + FORMAT_SCHEMA) + text
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    result.files = sorted(files)
    return result
