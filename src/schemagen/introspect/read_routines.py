"""Readers for functions, triggers, views and policies."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from schemagen.introspect.omission import Omission
from schemagen.model import Function, FunctionArgument, Policy, QualifiedName, Trigger, View
from schemagen.model.pg.scan import clean_query, matching_paren, split_top_level
from schemagen.model.pg.setop_names import keep_setop_column_names

Row = Mapping[str, Any]

ARG_MODES = {"i": "IN", "o": "OUT", "b": "INOUT", "v": "VARIADIC", "t": "TABLE"}
VOLATILITY = {"i": "IMMUTABLE", "s": "STABLE", "v": "VOLATILE"}
PARALLEL = {"s": "SAFE", "r": "RESTRICTED", "u": "UNSAFE"}
POLICY_COMMANDS = {"*": "ALL", "r": "SELECT", "a": "INSERT", "w": "UPDATE", "d": "DELETE"}

TRIGGER_ROW = 1
TRIGGER_BEFORE = 2
TRIGGER_INSERT = 4
TRIGGER_DELETE = 8
TRIGGER_UPDATE = 16
TRIGGER_TRUNCATE = 32
TRIGGER_INSTEAD = 64
TRIGGER_ENABLED = {"O": "origin", "D": "disabled", "R": "replica", "A": "always"}


def read_functions(rows: Iterable[Row]) -> tuple[list[Function], list[Omission]]:
    """Functions and procedures (every ``SET`` option is in the format)."""
    return [read_function(r) for r in rows], []


def read_function(r: Row) -> Function:
    """One function or procedure from a ``functions.sql`` row."""
    types = list(r["argument_types"])
    modes = [ARG_MODES[m] for m in (r["argument_modes"] or ["i"] * len(types))]
    names = list(r["argument_names"] or [""] * len(types))
    defaults = split_top_level(r["argument_defaults"] or "")
    input_positions = [i for i, mode in enumerate(modes) if mode in ("IN", "INOUT", "VARIADIC")]
    default_at = dict(zip(input_positions[len(input_positions) - len(defaults) :], defaults, strict=True))
    arguments = tuple(
        FunctionArgument(name=names[i] or None, type=types[i], mode=modes[i], default=default_at.get(i))
        for i in range(len(types))
        if modes[i] != "TABLE"
    )
    returns_table = tuple((names[i], types[i]) for i in range(len(types)) if modes[i] == "TABLE")
    returns = r["return_type"]
    if returns_table:
        returns = None
    elif returns is not None and r["returns_set"]:
        returns = f"SETOF {returns}"
    search_path = None
    settings = []
    for setting in r["config"] or ():
        name, _, value = setting.partition("=")
        if name == "search_path":
            search_path = value
            if search_path == '""':
                search_path = ""  # an empty path, as the builder reads `search_path: []`
        else:
            settings.append((name, value))
    return Function(
        name=QualifiedName(r["schema"], r["name"]),
        arguments=arguments,
        returns=returns,
        returns_table=returns_table,
        language=r["language"],
        body=r["body"],
        kind="procedure" if r["kind"] == "p" else "function",
        volatility=VOLATILITY[r["volatility"]],
        strict=r["strict"],
        security_definer=r["security_definer"],
        parallel=PARALLEL[r["parallel"]],
        leakproof=bool(r.get("leakproof")),
        cost=_unless(r.get("cost"), 1.0 if r["language"] in ("c", "internal") else 100.0),
        rows=_unless(r.get("rows"), 1000.0 if r["returns_set"] else 0.0),
        support=QualifiedName(*r["support"]) if r.get("support") else None,
        window=r["kind"] == "w",
        search_path=search_path,
        settings=tuple(sorted(settings)),
        object_file=r.get("object_file"),
        comment=r["comment"],
        owner=r.get("owner"),
    )


def _unless(value: float | None, default: float) -> float | None:
    """A ``COST`` or ``ROWS`` other than PostgreSQL's default (absent from older recordings)."""
    return None if value is None or float(value) == default else float(value)


def read_triggers(rows: Iterable[Row]) -> list[Trigger]:
    """Triggers, with their firing mode (``enabled``)."""
    return [read_trigger(r) for r in rows]


def read_trigger(r: Row) -> Trigger:
    """One trigger from a ``triggers.sql`` row (WHEN taken from ``pg_get_triggerdef``)."""
    bits = r["type_bits"]
    if bits & TRIGGER_INSTEAD:
        timing = "INSTEAD OF"
    elif bits & TRIGGER_BEFORE:
        timing = "BEFORE"
    else:
        timing = "AFTER"
    events = tuple(
        name
        for flag, name in (
            (TRIGGER_INSERT, "INSERT"),
            (TRIGGER_UPDATE, "UPDATE"),
            (TRIGGER_DELETE, "DELETE"),
            (TRIGGER_TRUNCATE, "TRUNCATE"),
        )
        if bits & flag
    )
    raw = bytes.fromhex(r["arguments"] or "")
    arguments = tuple(part.decode("utf-8") for part in raw.split(b"\x00")[: r["argument_count"]])
    return Trigger(
        name=r["name"],
        table=QualifiedName(r["schema"], r["table_name"]),
        function=QualifiedName(r["function_schema"], r["function_name"]),
        timing=timing,
        events=events,
        update_columns=tuple(r["update_columns"] or ()),
        for_each_row=bool(bits & TRIGGER_ROW),
        when=trigger_when(r["definition"]),
        arguments=arguments,
        referencing_old=r["referencing_old"],
        referencing_new=r["referencing_new"],
        constraint=r["is_constraint"],
        deferrable=r["deferrable"],
        initially_deferred=r["initially_deferred"],
        enabled=TRIGGER_ENABLED[r["enabled"]],
        comment=r["comment"],
    )


def trigger_when(definition: str) -> str | None:
    """The WHEN condition of a ``pg_get_triggerdef`` text, without its parentheses.

    >>> trigger_when("CREATE TRIGGER t BEFORE UPDATE ON s.x FOR EACH ROW WHEN (old.a <> new.a) "
    ...              "EXECUTE FUNCTION s.f()")
    'old.a <> new.a'
    """
    marker = " WHEN ("
    execute = definition.rfind(" EXECUTE ")
    index = definition.find(marker)
    if index < 0 or (execute >= 0 and index > execute):
        return None
    start = index + len(marker) - 1
    return definition[start + 1 : matching_paren(definition, start)]


def read_views(rows: Iterable[Row]) -> list[View]:
    """Views and materialized views with their ``pg_get_viewdef`` query and options."""
    views = []
    for r in rows:
        options = dict(option.partition("=")[::2] for option in r["options"] or ())
        views.append(
            View(
                name=QualifiedName(r["schema"], r["name"]),
                query=keep_setop_column_names(clean_query(r["query"])),
                materialized=r["materialized"],
                security_invoker=options.get("security_invoker", "false") in ("true", "on"),
                security_barrier=options.get("security_barrier", "false") in ("true", "on"),
                check_option=options["check_option"].upper() if "check_option" in options else None,
                with_data=r["populated"] if r["materialized"] else True,
                comment=r["comment"],
                owner=r.get("owner"),
            )
        )
    return views


def read_policies(rows: Iterable[Row]) -> list[Policy]:
    """Row-level security policies."""
    return [
        Policy(
            name=r["name"],
            table=QualifiedName(r["schema"], r["table_name"]),
            permissive=r["permissive"],
            command=POLICY_COMMANDS[r["command"]],
            roles=tuple(sorted(r["roles"])),
            using=r["using"],
            with_check=r["with_check"],
            comment=r["comment"],
        )
        for r in rows
    ]
