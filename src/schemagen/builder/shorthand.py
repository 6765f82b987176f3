"""Column shorthand: ``<type> [collate <name>] [not null | null] [default <expression>]``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from schemagen.model.pg.scan import words

_MAPPING_ONLY = {
    "primary": "primary_key",
    "unique": "unique",
    "references": "references",
    "check": "check",
    "generated": "generated",
    "identity": "identity",
}


@dataclass(frozen=True)
class Shorthand:
    """What a shorthand string says; ``error`` is set when it does not parse."""

    type: str = ""
    not_null: bool = False
    default: str | None = None
    collation: str | None = None
    error: str | None = None
    hint: str | None = None


@lru_cache(maxsize=4096)
def parse_column_shorthand(text: str) -> Shorthand:
    """Split a shorthand column into type, NOT NULL, collation and default.

    Cached: projects repeat the same few shorthands, and a Shorthand is immutable.

    >>> parse_column_shorthand("varchar(255) not null default 'x y'")
    Shorthand(type='varchar(255)', not_null=True, default="'x y'", collation=None, error=None, hint=None)
    >>> parse_column_shorthand("timestamp with time zone default now()").type
    'timestamp with time zone'
    """
    type_words: list[str] = []
    not_null = False
    collation: str | None = None
    tokens = list(words(text))
    index = 0
    while index < len(tokens):
        offset, word = tokens[index]
        lowered = word.lower()
        if lowered == "default":
            expression = text[offset + len(word) :].strip()
            if not expression:
                return _error("'default' needs an expression after it", "write e.g. `default now()`")
            return _done(type_words, not_null, expression, collation)
        if lowered == "not" and index + 1 < len(tokens) and tokens[index + 1][1].lower() == "null":
            not_null = True
            index += 2
            continue
        if lowered == "null" and type_words:
            not_null = False
            index += 1
            continue
        if lowered == "collate" and index + 1 < len(tokens) and type_words:
            collation = tokens[index + 1][1].strip('"')
            index += 2
            continue
        if lowered in _MAPPING_ONLY and type_words:
            key = _MAPPING_ONLY[lowered]
            return _error(
                f"'{word}' is not part of the column shorthand",
                f"write the column as a mapping and use `{key}:`",
            )
        if (not_null or collation is not None) and type_words:
            return _error(
                f"unexpected '{word}' after the type",
                "shorthand is `<type> [not null] [default <expression>]`",
            )
        type_words.append(word)
        index += 1
    return _done(type_words, not_null, None, collation)


def _done(type_words: list[str], not_null: bool, default: str | None, collation: str | None) -> Shorthand:
    if not type_words:
        return _error("the shorthand has no type", "start with the type, e.g. `text not null`")
    return Shorthand(" ".join(type_words), not_null, default, collation)


def _error(message: str, hint: str) -> Shorthand:
    return Shorthand(error=message, hint=hint)
