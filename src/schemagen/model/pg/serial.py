"""What ``serial`` expands to: an integer column, an owned sequence, a ``nextval`` default.

The builder writes the default and inspect recognises it with the same function, so
a sequence in a schema that needs quoting (``"App".t_id_seq``) reads back as serial.
"""

from __future__ import annotations

from schemagen.model.pg.quoting import quote_literal, quote_qualified

SERIAL_NAMES = {"integer": "serial", "bigint": "bigserial", "smallint": "smallserial"}
"""The serial spelling of each integer type a ``serial`` column has."""


def serial_default(schema: str, sequence: str) -> str:
    """The default PostgreSQL gives a serial column owning sequence ``schema.sequence``.

    As ``pg_get_expr`` prints it with ``search_path = pg_catalog``: the name quoted
    where needed, inside a literal.

    >>> serial_default("app", "t_id_seq")
    "nextval('app.t_id_seq'::regclass)"
    >>> serial_default("App", "it's_seq")
    'nextval(\\'"App"."it\\'\\'s_seq"\\'::regclass)'
    """
    return f"nextval({quote_literal(quote_qualified(schema, sequence))}::regclass)"
