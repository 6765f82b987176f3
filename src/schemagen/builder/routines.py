"""Functions and procedures (overloads are distinct objects keyed by their IN types)."""

from __future__ import annotations

from typing import Any

from schemagen.builder.context import BuildContext, Located
from schemagen.model import Function, FunctionArgument, QualifiedName
from schemagen.model.document import JsonPath, SourceDocument
from schemagen.model.pg.builtins import builtin_volatility
from schemagen.model.pg.quoting import quote_ident
from schemagen.model.pg.scan import words
from schemagen.model.pg.types import signature_type

_MODES = ("in", "out", "inout", "variadic")


def build_routines(document: SourceDocument, schema: str, ctx: BuildContext) -> list[Function]:
    """Every function (``functions:``) and procedure (``procedures:``) of one document."""
    result = []
    for section, kind in (("functions", "function"), ("procedures", "procedure")):
        for name, spec in (document.data.get(section) or {}).items():
            definitions = spec if isinstance(spec, list) else [spec]
            for position, definition in enumerate(definitions):
                path: JsonPath = (section, name, position) if isinstance(spec, list) else (section, name)
                function = _routine(document, path, QualifiedName(schema, name), kind, definition, ctx)
                where = Located(document, path)
                if ctx.define("function", function.key, where, f"{kind} {function.key}"):
                    result.append(function)
    return result


def parse_argument(text: str) -> tuple[str, str, str | None]:
    """``[in|out|inout|variadic] <type> [default <expression>]`` → (mode, type, default).

    >>> parse_argument("out jsonb")
    ('OUT', 'jsonb', None)
    >>> parse_argument("integer default 10")
    ('IN', 'integer', '10')
    """
    tokens = list(words(text))
    mode = "IN"
    if len(tokens) > 1 and tokens[0][1].lower() in _MODES:
        mode = tokens[0][1].upper()
        tokens = tokens[1:]
    type_words = []
    for offset, word in tokens:
        if word.lower() == "default":
            return mode, " ".join(type_words), text[offset + len(word) :].strip() or None
        type_words.append(word)
    return mode, " ".join(type_words), None


def resolve_return_type(text: str, schema: str, ctx: BuildContext) -> str:
    """``setof agents.registry`` → ``SETOF agents.registry``; other types canonical and qualified."""
    tokens = [w for _, w in words(text)]
    if tokens and tokens[0].lower() == "setof":
        return "SETOF " + signature_type(ctx.resolve_type(" ".join(tokens[1:]), schema))
    return signature_type(ctx.resolve_type(text, schema))


def _routine(
    document: SourceDocument,
    path: JsonPath,
    name: QualifiedName,
    kind: str,
    spec: dict[str, Any],
    ctx: BuildContext,
) -> Function:
    schema = name.schema
    arguments = [
        _argument(document, (*path, "arguments", position_or_name), arg_name, arg, schema, ctx)
        for position_or_name, arg_name, arg in _argument_specs(spec.get("arguments"))
    ]
    returns = spec.get("returns")
    returns_table: tuple[tuple[str, str], ...] = ()
    if isinstance(returns, dict):
        table = returns.get("table") or {}
        returns_table = tuple(
            (col, signature_type(ctx.resolve_type(str(t), schema))) for col, t in table.items()
        )
        returns = None
    elif returns is not None:
        returns = resolve_return_type(str(returns), schema, ctx)
    elif kind == "function":
        returns = _implied_return(arguments)
    search_path = spec.get("search_path")
    return Function(
        name=name,
        arguments=tuple(arguments),
        returns=returns,
        returns_table=returns_table,
        language=str(spec.get("language", "sql")).lower(),
        body=str(spec.get("body", "")),
        kind=kind,
        volatility=str(spec.get("volatility", "volatile")).upper(),
        strict=bool(spec.get("strict", False)),
        security_definer=bool(spec.get("security_definer", False)),
        check_body=spec.get("check_body") is not False,
        parallel=str(spec.get("parallel", "unsafe")).upper(),
        leakproof=bool(spec.get("leakproof", False)),
        cost=_cost(spec.get("cost"), str(spec.get("language", "sql")).lower()),
        rows=_number(spec.get("rows"), 1000.0),
        support=parse_function_name(spec.get("support"), schema),
        window=bool(spec.get("window", False)),
        search_path=", ".join(quote_ident(str(s)) for s in search_path) if search_path is not None else None,
        settings=tuple(
            sorted((setting_name(str(k)), setting_text(v)) for k, v in (spec.get("settings") or {}).items())
        ),
        object_file=spec.get("object_file"),
        comment=spec.get("comment"),
        renamed_from=spec.get("renamed_from"),
        owner=ctx.owner(document, path, spec),
        span=document.key_span(path) if isinstance(path[-1], str) else document.span(path),
    )


def _number(value: Any, default: float) -> float | None:
    """A ``cost:`` / ``rows:`` number; PostgreSQL's default is None, as the catalog reads back."""
    if isinstance(value, bool) or not isinstance(value, int | float) or float(value) == default:
        return None
    return float(value)


def _cost(value: Any, language: str) -> float | None:
    return _number(value, 1.0 if language in ("c", "internal") else 100.0)


def parse_function_name(value: Any, schema: str) -> QualifiedName | None:
    """``support: name`` (a built-in function when one has the name, else this schema's) or
    ``schema.name``."""
    if not isinstance(value, str) or not value:
        return None
    head, _, name = value.rpartition(".")
    if not head:
        head = "pg_catalog" if builtin_volatility(name) is not None else schema
    return QualifiedName(head, name)


def _argument_specs(arguments: Any) -> list[tuple[str | int, str | None, Any]]:
    """(path key, name or None, argument spec) for a mapping or a list of arguments.

    A list holds unnamed arguments as shorthand strings and named or unnamed ones
    as ``{name, type, mode, default}`` objects.
    """
    if isinstance(arguments, list):
        return [
            (i, str(a["name"]) if isinstance(a, dict) and a.get("name") else None, a)
            for i, a in enumerate(arguments)
        ]
    return [(name, str(name), a) for name, a in (arguments or {}).items()]


def _argument(
    document: SourceDocument, path: JsonPath, name: str | None, arg: Any, schema: str, ctx: BuildContext
) -> FunctionArgument:
    if isinstance(arg, dict):
        mode = str(arg.get("mode", "in")).upper()
        arg_type, default_value = str(arg["type"]), arg.get("default")
        default = ctx.sql(document, (*path, "default"), default_value) if default_value is not None else None
    else:
        mode, arg_type, default = parse_argument(str(arg))
    arg_type = signature_type(ctx.resolve_type(arg_type, schema))  # PostgreSQL drops modifiers here
    return FunctionArgument(name, arg_type, mode, default)


_MIXED_CASE_SETTINGS = {name.lower(): name for name in ("DateStyle", "IntervalStyle", "TimeZone")}
"""PostgreSQL's built-in settings whose names are not lower case (guc_tables.c); it records them so."""


def setting_name(name: str) -> str:
    """A setting's name as ``pg_proc.proconfig`` records it (``timezone`` → ``TimeZone``)."""
    return _MIXED_CASE_SETTINGS.get(name.lower(), name)


def setting_text(value: Any) -> str:
    """A ``settings:`` value as PostgreSQL stores it: booleans as on/off, numbers as written.

    >>> setting_text(True), setting_text(30), setting_text("UTC")
    ('on', '30', 'UTC')
    """
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)


def _implied_return(arguments: list[FunctionArgument]) -> str:
    """What PostgreSQL records when RETURNS is left out: the OUT type, ``record`` or ``void``."""
    outputs = [a for a in arguments if a.mode in ("OUT", "INOUT")]
    if len(outputs) == 1:
        return outputs[0].type
    return "record" if outputs else "void"
