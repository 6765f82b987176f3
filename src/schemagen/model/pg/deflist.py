"""Option lists PostgreSQL serialises as text (``pg_ts_dict.dictinitoption``), read with its own parser."""

from __future__ import annotations

from pglast import ast, parse_sql

_WRAPPER = "ALTER TEXT SEARCH DICTIONARY x ({})"
"""The statement an option list is parsed inside (nothing of it is ever executed)."""


def option_pairs(text: str | None) -> tuple[tuple[str, str], ...]:
    """``name = 'value', …`` → ((name, value), …), in order; values as text.

    >>> option_pairs("language = 'english', stopwords = 'it''s', n = 5")
    (('language', 'english'), ('stopwords', "it's"), ('n', '5'))
    >>> option_pairs(None)
    ()
    """
    if not text:
        return ()
    statement = parse_sql(_WRAPPER.format(text))[0].stmt
    pairs = []
    for option in statement.options or ():
        value = option.arg
        if isinstance(value, ast.String):
            pairs.append((option.defname, value.sval))
        elif isinstance(value, ast.Integer):
            pairs.append((option.defname, str(value.ival)))
        elif isinstance(value, ast.Float):
            pairs.append((option.defname, value.fval))
        else:
            pairs.append((option.defname, str(getattr(value, "sval", value))))
    return tuple(pairs)
