"""Property tests (hypothesis): whatever a person types, schemagen answers with located
diagnostics or a build, never a traceback, and never writes generated/ for invalid input."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemagen.api.fmt import format_file_text
from schemagen.api.init import EXAMPLE
from schemagen.builder.shorthand import parse_column_shorthand
from schemagen.cli import main

SETTINGS = settings(
    max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
LOCATED = re.compile(r"^(schema/[^:]+\.yaml|schemagen\.yaml):\d+:\d+: [A-Z]\d{3} ")
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(["text", "bigint not null", "(", "'", "now()", "varchar(", "users", "2026-01-01"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


def _paths(node: object, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


def _build(text: str) -> tuple[int, str, bool]:
    """Exit code, output and whether generated/ exists after `schemagen build` of a one-file project."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "schema").mkdir()
        (root / "schema" / "example.yaml").write_text(text, encoding="utf-8")
        result = CliRunner().invoke(main, ["build", "--project", str(root)])
        return result.exit_code, result.output, (root / "generated").exists()


def _assert_answered(code: int, output: str, generated: bool) -> None:
    assert code in (0, 1), output
    assert "Traceback" not in output and "internal error" not in output, output
    if code == 1:
        assert not generated
        located = [line for line in output.splitlines() if LOCATED.match(line)]
        assert located, output


@SETTINGS
@given(data=st.data())
def test_mutations_of_a_valid_project_are_built_or_reported(data) -> None:
    document = yaml.safe_load(EXAMPLE)
    path = data.draw(st.sampled_from(_paths(document)[1:]))
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    kind = data.draw(st.sampled_from(["replace", "remove", "misspell"]))
    if kind == "replace" or not isinstance(parent, dict):
        parent[path[-1]] = data.draw(VALUES)
    elif kind == "remove":
        del parent[path[-1]]
    else:
        parent[f"{path[-1]}x"] = parent.pop(path[-1])
    _assert_answered(*_build(yaml.safe_dump(document, allow_unicode=True)))


@SETTINGS
@given(text=st.text(max_size=200))
def test_any_text_as_a_schema_file_is_built_or_reported(text: str) -> None:
    code, output, generated = _build(text)
    assert code in (0, 1), output
    assert "Traceback" not in output and "internal error" not in output, output
    if code == 1:
        assert not generated


@SETTINGS
@given(
    words=st.lists(
        st.sampled_from(
            [
                "text",
                "bigint",
                "not",
                "null",
                "default",
                "primary",
                "key",
                "unique",
                "references",
                "users",
                "check",
                "(",
                ")",
                "x",
                ">",
                "0",
                "generated",
                "always",
                "as",
                "identity",
                "stored",
                "collate",
                '"C"',
                "'",
                "deferrable",
                "on",
                "delete",
                "cascade",
                ",",
                ";",
                "nul",
            ]
        ),
        max_size=10,
    )
)
def test_any_shorthand_parses_or_says_why(words: list[str]) -> None:
    parsed = parse_column_shorthand(" ".join(words))
    assert (parsed.error is None) == bool(parsed.type)
    if parsed.error is not None:
        assert parsed.hint


TOP_KEYS = ["tables", "enums", "domains", "sequences", "functions", "views", "roles", "grants", "extensions"]


@SETTINGS
@given(
    entries=st.dictionaries(st.sampled_from(TOP_KEYS) | st.text(max_size=8), VALUES, max_size=3),
    whole=st.booleans(),
)
def test_random_documents_are_built_or_reported(entries: dict, whole: bool) -> None:
    """Random YAML documents: random values under the format's keys (or any keys), or as the file."""
    document = entries if whole else {"schema": "app", **entries}
    _assert_answered(*_build(yaml.safe_dump(document, allow_unicode=True)))


@SETTINGS
@given(data=st.data())
def test_fmt_of_random_mutations_never_breaks_and_is_idempotent(data) -> None:
    """``fmt`` on what a person may write: formatted (the same data, a fixed point) or reported."""
    lines = EXAMPLE.split("\n")
    at = data.draw(st.integers(min_value=0, max_value=len(lines) - 1))
    insert = data.draw(
        st.sampled_from(["  # note", "", "x: 1", "    - [a, b]  # c", "  extra: {a: 1}", "\t"])
    )
    text = "\n".join([*lines[:at], insert, *lines[at:]])
    formatted, diagnostics = format_file_text(text, "schema/example.yaml")
    if formatted is None:
        assert diagnostics and all(LOCATED.match(d.format()) for d in diagnostics)
        assert all(d.code != "L112" for d in diagnostics)  # only input that does not load is refused
        return
    assert (
        formatted.count("#") >= text.count(" #")
        and format_file_text(formatted, "schema/example.yaml")[0] == formatted
    )


@SETTINGS
@given(
    document=st.dictionaries(st.sampled_from(TOP_KEYS) | st.text(min_size=1, max_size=8), VALUES, max_size=4),
    flow=st.sampled_from([None, True, False]),
    indent=st.integers(min_value=2, max_value=6),
    comments=st.lists(st.tuples(st.integers(min_value=0, max_value=60), st.booleans()), max_size=6),
)
def test_fmt_keeps_any_document_and_its_comments(document: dict, flow, indent: int, comments: list) -> None:
    """Any document in any PyYAML layout, with comments on lines of their own and after content:
    fmt keeps every comment and what the document says, and a second fmt changes nothing."""
    text = yaml.safe_dump(
        {"schema": "app", **document}, default_flow_style=flow, indent=indent, allow_unicode=True, width=60
    )
    lines = text.split("\n")
    for number, (at, alone) in enumerate(comments):
        at = min(at, len(lines) - 1)
        if alone:
            lines.insert(at, f"# note {number}")
        elif lines[at] and not lines[at].rstrip().endswith(("|", "|-", ">", ">-", "'", '"')):
            lines[at] += f"  # note {number}"
    text = "\n".join(lines)
    formatted, diagnostics = format_file_text(text, "schema/app.yaml")
    if formatted is None:  # the comment landed inside a scalar and broke it: reported like build
        assert all(d.code != "L112" for d in diagnostics), [d.format() for d in diagnostics]
        return
    for number, _ in enumerate(comments):
        assert text.count(f"# note {number}") == formatted.count(f"# note {number}")
    assert format_file_text(formatted, "schema/app.yaml")[0] == formatted
