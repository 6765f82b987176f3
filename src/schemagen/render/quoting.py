"""Quoting filters: identifiers and literals are made safe at the last moment.

The rules themselves (PostgreSQL's ``quote_identifier``, literals, pseudo-roles) are
facts of model/pg; these are the template filters built on them.
"""

from __future__ import annotations

import re

from schemagen.model.names import QualifiedName
from schemagen.model.pg.quoting import quote_ident, quote_literal
from schemagen.model.pg.roles import is_pseudo_role
from schemagen.model.pg.scan import is_wrapped
from schemagen.model.pg.types import quoted_type

_BARE_OPTION = re.compile(r"[A-Za-z0-9_.+-]+")


def ident(name: str) -> str:
    """Quote an identifier only when PostgreSQL needs it; ``"`` is doubled.

    >>> ident("registry"), ident("Order"), ident("select"), ident('a"b')
    ('registry', '"Order"', '"select"', '"a""b"')
    """
    return quote_ident(name)


def qualified(name: QualifiedName | str) -> str:
    """``schema.name`` with each part quoted as needed; a bare string is one identifier.

    >>> qualified(QualifiedName("agents", "Registry"))
    'agents."Registry"'
    """
    if isinstance(name, QualifiedName):
        return f"{ident(name.schema)}.{ident(name.name)}"
    return ident(name)


def literal(text: str) -> str:
    """A standard SQL string literal: ``'`` doubled.

    >>> literal("it's")
    "'it''s'"
    """
    return quote_literal(text)


def dotted(name: str) -> str:
    """A possibly schema-qualified name such as an opclass or collation, parts quoted as needed.

    >>> dotted("public.vector_cosine_ops"), dotted("C")
    ('public.vector_cosine_ops', '"C"')
    """
    schema, dot, rest = name.partition(".")
    if not dot:
        return ident(name)
    return f"{ident(schema)}.{ident(rest)}"


def type_text(text: str) -> str:
    """Canonical type text with the parts of a qualified user type quoted as needed.

    Built-in types (``character varying(50)``, ``timestamp with time zone``,
    ``integer[]``) are kept as they are.

    >>> type_text("agents.agent_status[]"), type_text("My Schema.vector(3)")
    ('agents.agent_status[]', '"My Schema".vector(3)')
    >>> type_text("character varying(50)")
    'character varying(50)'
    """
    return quoted_type(text)


def key_expression(text: str) -> str:
    """A key of EXCLUDE or PARTITION BY: a column name, or an expression in parentheses.

    >>> key_expression("agent_id"), key_expression("lower(name)"), key_expression("(a + b)")
    ('agent_id', '(lower(name))', '(a + b)')
    """
    stripped = text.strip()
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_$]*", stripped):
        return ident(stripped)
    if is_wrapped(stripped):
        return stripped
    return f"({stripped})"


def option_value(value: str) -> str:
    """A storage-parameter value: numbers and words bare, anything else a literal.

    >>> option_value("100"), option_value("off"), option_value("a b")
    ('100', 'off', "'a b'")
    """
    return value if _BARE_OPTION.fullmatch(value) else literal(value)


_KEYWORD = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


def number(value: float) -> str:
    """A numeric constant (``COST``, ``ROWS``): integral values without a fraction.

    >>> number(100.0), number(0.5), number(1e12)
    ('100', '0.5', '1000000000000')
    """
    if not isinstance(value, int | float) or value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"not a number: {value!r}")
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def keyword(word: str) -> str:
    """An SQL keyword from the model (``cascade``, ``select``, ``security definer``), upper-cased.

    Anything but letters and single spaces is refused, so a keyword slot can never carry SQL.

    >>> keyword("set null")
    'SET NULL'
    """
    if not _KEYWORD.fullmatch(word):
        raise ValueError(f"not an SQL keyword: {word!r}")
    return word.upper()


def role(name: str) -> str:
    """A role name: ``PUBLIC`` and ``CURRENT_USER``-like keywords bare, anything else via ``ident``.

    >>> role("public"), role("Reader")
    ('PUBLIC', '"Reader"')
    """
    return name.upper() if is_pseudo_role(name) else ident(name)


def dollar_quote(body: str, tag: str = "body") -> str:
    """``$tag$body$tag$`` with a tag that does not occur in ``body``.

    >>> dollar_quote("select 1"), dollar_quote("x $body$ y")
    ('$body$select 1$body$', '$body1$x $body$ y$body1$')
    """
    candidate, n = tag, 0
    while f"${candidate}$" in body:
        n += 1
        candidate = f"{tag}{n}"
    return f"${candidate}${body}${candidate}$"


def statement_text(text: str) -> str:
    """A query embedded in a statement: surrounding blanks and trailing ``;`` removed."""
    return text.strip().rstrip(";").rstrip()
