"""The one Jinja environment, built once, over the packaged templates."""

from __future__ import annotations

import functools

import jinja2

from schemagen.render.quoting import (
    dollar_quote,
    dotted,
    ident,
    key_expression,
    keyword,
    literal,
    object_name,
    option_value,
    qualified,
    role,
    signature,
    statement_text,
    type_text,
)


@functools.cache
def environment() -> jinja2.Environment:
    """The shared environment: strict undefined, quoting filters, package templates."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("schemagen.templates", "."),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        auto_reload=False,
    )
    env.filters.update(
        ident=ident,
        qualified=qualified,
        literal=literal,
        type=type_text,
        dotted=dotted,
        option_value=option_value,
        key_expression=key_expression,
        keyword=keyword,
        role=role,
        dollar_quote=dollar_quote,
        statement_text=statement_text,
        object_name=object_name,
        signature=signature,
        kind=lambda obj: type(obj).__name__,
    )
    return env
