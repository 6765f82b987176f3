"""A real YAML language server (the ``yaml-language-server`` npm package, over stdio, as VS
Code's YAML extension, Neovim and Helix run it) on a project made by ``schemagen init``: the
modeline init writes binds the JSON Schema, so completion offers the table keys, a misspelt
key is flagged and hover shows the key's description."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.yaml_language_server import LanguageServer, LanguageServerUnavailable

from schemagen.api.init import init_project

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("editor") / "app"
    init_project(str(root))
    return root


@pytest.fixture(scope="module")
def server(project: Path) -> Iterator[LanguageServer]:
    try:
        running = LanguageServer(project)
    except LanguageServerUnavailable as exc:
        if os.environ.get("SCHEMAGEN_REQUIRE_SERVERS") == "1":
            pytest.fail(f"yaml-language-server unavailable: {exc}")
        pytest.skip(str(exc))
    yield running
    running.close()


def _example(project: Path) -> tuple[Path, str]:
    path = project / "schema" / "example.yaml"
    return path, path.read_text(encoding="utf-8")


def _table_description(key: str, project: Path) -> str:
    schema = json.loads((project / ".schemagen" / "schema.json").read_text(encoding="utf-8"))
    node = schema["$defs"]["table"]["properties"][key]
    while "description" not in node and "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return node["description"]


def test_misspelt_key_is_flagged(server: LanguageServer, project: Path) -> None:
    path, text = _example(project)
    text = text.replace("    indexes:\n", "    primay_key: [note_id]\n    indexes:\n")
    uri = server.open(path.with_name("misspelt.yaml"), text)
    diagnostics = server.diagnostics(uri) or []
    line = text.split("\n").index("    primay_key: [note_id]")
    flagged = [d for d in diagnostics if d["range"]["start"]["line"] == line]
    assert flagged, diagnostics
    assert "primay_key" in flagged[0]["message"]


def test_the_example_as_written_is_clean(server: LanguageServer, project: Path) -> None:
    path, text = _example(project)
    uri = server.open(path, text)
    assert server.diagnostics(uri) == []


def test_completion_offers_the_table_keys(server: LanguageServer, project: Path) -> None:
    path, text = _example(project)
    lines = text.split("\n")
    at = lines.index("    indexes:")
    edited = "\n".join([*lines[:at], "    ", *lines[at:]])
    uri = server.open(path.with_name("complete.yaml"), edited)
    result = server.request(
        "textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": at, "character": 4}}
    )
    labels = {item["label"] for item in (result["items"] if isinstance(result, dict) else result)}
    assert {"primary_key", "unique", "foreign_keys", "checks", "partition_by", "triggers"} <= labels
    assert "indexes" not in labels and "columns" not in labels  # already there


def test_hover_shows_the_description(server: LanguageServer, project: Path) -> None:
    path, text = _example(project)
    uri = server.open(path.with_name("hover.yaml"), text)
    line = text.split("\n").index("    indexes:")
    hover = server.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": line, "character": 6}}
    )
    shown = hover["contents"]["value"].replace("\\", "")
    description = _table_description("indexes", project)
    assert description.split(".")[0] in shown, (description, shown)
