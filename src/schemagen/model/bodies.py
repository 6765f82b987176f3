"""A function's body, parsed once by PostgreSQL's parsers (see ``model/pg/sqlbodies``)."""

from __future__ import annotations

from schemagen.model.pg.sqlbodies import Body, Signature
from schemagen.model.pg.sqlbodies import parse_body as _parse_body
from schemagen.model.routines import Function


def signature_of(function: Function) -> Signature:
    """What the PL/pgSQL parser needs of ``function`` besides its body."""
    return Signature(
        function.kind,
        tuple((a.mode, a.name or "", a.type) for a in function.arguments),
        function.returns,
        function.returns_table,
    )


def parse_body(function: Function) -> Body | None:
    """Parse a ``sql`` or ``plpgsql`` body; None for other languages (not analysable).

    A SQL-standard body gives an empty ``Body`` (the lint gate parses it with its CREATE).
    """
    return _parse_body(function.language, function.body, signature_of(function))
