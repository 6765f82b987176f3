"""Turn jsonschema errors into located, one-line ``V2xx`` diagnostics.

Codes: ``V201`` wrong type, ``V202`` missing required key, ``V203`` unknown
key, ``V204`` value not allowed, ``V205`` malformed value, ``V206`` value out
of range or empty, ``V207`` repeated item, ``V208`` matches none (or more than
one) of the allowed forms, ``V209`` anything else.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any

from jsonschema.exceptions import ValidationError

from schemagen.diagnostics import Diagnostic, error
from schemagen.model.document import JsonPath, SourceDocument

_ALTERNATIVES = ("oneOf", "anyOf")
_SAME_LEVEL_MISMATCH = ("type",)
_YAML11_BOOLS = ("yes", "no", "on", "off", "y", "n")
_TYPE_NAMES = {
    "object": "a mapping",
    "array": "a list",
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty",
}


def describe_value(value: Any) -> str:
    """A short description of a YAML value for messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing (null)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the string '{shown}'"
    return f"the number {value}"


def leaf_errors(err: ValidationError) -> Iterator[ValidationError]:
    """The errors worth showing for ``err``: for alternatives, those of the branch that fits.

    A branch whose type does not match the value at this level is not what
    the author meant; when exactly the other branches remain, their errors
    are shown (recursively). Otherwise the alternative itself is reported.
    """
    if err.validator not in _ALTERNATIVES or not err.context:
        yield err
        return
    branches: dict[int, list[ValidationError]] = {}
    for sub in err.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    fitting = {
        index: errors
        for index, errors in branches.items()
        if not any(not e.relative_path and e.validator in _SAME_LEVEL_MISMATCH for e in errors)
    }
    if len(fitting) == 1:
        (errors,) = fitting.values()
        for sub in errors:
            yield from leaf_errors(sub)
        return
    yield err


def to_diagnostic(err: ValidationError, document: SourceDocument) -> list[Diagnostic]:
    """Located diagnostics for one leaf error."""
    path: JsonPath = tuple(err.absolute_path)
    subject = _subject(path)
    validator = err.validator
    value = err.instance
    schema = err.schema if isinstance(err.schema, dict) else {}
    description = schema.get("description")
    if validator == "additionalProperties":
        return _unknown_keys(err, document, path)
    if validator == "required":
        missing = _quoted_name(err.message)
        return [
            error(
                "V202",
                f"{subject} is missing the required key '{missing}'",
                document.key_span(path),
                description or f"add `{missing}:`",
            )
        ]
    if validator == "type":
        expected = _expected_types(err.validator_value)
        if "boolean" in err.validator_value and isinstance(value, str) and value.lower() in _YAML11_BOOLS:
            description = "write true or false: yes/no/on/off are plain strings here (YAML 1.2)"
        return [
            error(
                "V201",
                f"{subject} must be {expected}, not {describe_value(value)}",
                document.span(path),
                description,
            )
        ]
    if validator in ("enum", "const"):
        allowed = list(err.validator_value) if validator == "enum" else [err.validator_value]
        shown = _unique_lower(allowed)
        message = f"{subject} cannot be {describe_value(value)}"
        suggestion = _close(str(value).lower(), [str(a) for a in shown]) if isinstance(value, str) else None
        if suggestion:
            message += f" (did you mean '{suggestion}'?)"
        return [
            error(
                "V204",
                message,
                document.span(path),
                "allowed: " + ", ".join(_show(a) for a in shown),
            )
        ]
    if validator == "pattern":
        return [
            error(
                "V205", f"{subject} is malformed: {describe_value(value)}", document.span(path), description
            )
        ]
    if validator in ("minItems", "minLength", "minProperties", "minimum", "maximum", "maxItems", "maxLength"):
        return [error("V206", f"{subject}: {_range_message(err)}", document.span(path), description)]
    if validator == "uniqueItems":
        return [error("V207", f"{subject} lists the same item twice", document.span(path), description)]
    if validator in _ALTERNATIVES:
        return [_alternatives(err, document, path, subject, description)]
    return [error("V209", f"{subject}: {err.message}", document.span(path), description)]


def _alternatives(
    err: ValidationError, document: SourceDocument, path: JsonPath, subject: str, description: str | None
) -> Diagnostic:
    if not err.context:
        return error("V208", f"{subject} matches more than one form", document.span(path), description)
    if (
        err.instance is None
        and path
        and isinstance(path[-1], str)
        and ")" in path[-1]
        and "(" not in path[-1]
    ):
        return _split_at_comma(document, path)
    branches = err.schema.get(err.validator, []) if isinstance(err.schema, dict) else []
    required_sets = [b.get("required") for b in branches if isinstance(b, dict)]
    if required_sets and all(r and len(b) == 1 for r, b in zip(required_sets, branches, strict=False)):
        if all(len(r) == 1 for r in required_sets):
            keys = " or ".join(f"'{r[0]}'" for r in required_sets)
            message = f"{subject} needs exactly one of {keys}"
            return error("V208", message, document.key_span(path), description)
        forms = " or ".join(" with ".join(f"'{k}'" for k in r) for r in required_sets)
        return error("V208", f"{subject} needs {forms}", document.key_span(path), description)
    return error(
        "V208",
        f"{subject} has the wrong form: {describe_value(err.instance)}",
        document.span(path),
        description,
    )


def _looks_split(key: str | int) -> bool:
    return isinstance(key, str) and ")" in key and "(" not in key


def _split_at_comma(document: SourceDocument, path: JsonPath) -> Diagnostic:
    return error(
        "V208",
        f"key '{path[-1]}' looks like the end of a type split at a comma",
        document.key_span(path),
        'inside {…} a comma ends the entry: quote the value ("numeric(12,2)") or use block style',
    )


def _unknown_keys(err: ValidationError, document: SourceDocument, path: JsonPath) -> list[Diagnostic]:
    allowed = sorted(err.schema.get("properties", {})) if isinstance(err.schema, dict) else []
    extras = [key for key in err.instance if key not in allowed]
    diagnostics = []
    for key in extras:
        if err.instance[key] is None and _looks_split(key):
            diagnostics.append(_split_at_comma(document, (*path, key)))
            continue
        message = f"unknown key '{key}'"
        suggestion = _close(key, allowed)
        if suggestion:
            message += f" (did you mean '{suggestion}'?)"
        where = f" in {_subject(path)}" if path else ""
        diagnostics.append(
            error(
                "V203",
                message + where,
                document.key_span((*path, key)),
                "allowed here: " + ", ".join(allowed) if allowed else None,
            )
        )
    return diagnostics


def _subject(path: JsonPath) -> str:
    if not path:
        return "the file"
    parts = []
    for part in path:
        parts.append(f"[{part}]" if isinstance(part, int) else f".{part}" if parts else str(part))
    return "'" + "".join(parts) + "'"


def _expected_types(value: Any) -> str:
    types = [value] if isinstance(value, str) else list(value)
    names = [_TYPE_NAMES.get(t, t) for t in types if t != "number" or "integer" not in types]
    return " or ".join(names)


def _quoted_name(message: str) -> str:
    match = re.match(r"^'(.*)' is a required property", message)
    return match.group(1) if match else message


def _close(word: str, choices: list[str]) -> str | None:
    matches = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _unique_lower(values: list[Any]) -> list[Any]:
    seen: list[Any] = []
    for value in values:
        shown = value.lower() if isinstance(value, str) else value
        if shown not in seen:
            seen.append(shown)
    return seen


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _range_message(err: ValidationError) -> str:
    limit = err.validator_value
    return {
        "minItems": f"needs at least {limit} item(s)",
        "maxItems": f"allows at most {limit} item(s)",
        "minLength": "must not be empty" if limit == 1 else f"needs at least {limit} characters",
        "maxLength": f"allows at most {limit} characters",
        "minProperties": f"needs at least {limit} entr{'y' if limit == 1 else 'ies'}",
        "minimum": f"{err.instance} is below the minimum {limit}",
        "maximum": f"{err.instance} is above the maximum {limit}",
    }[err.validator]
