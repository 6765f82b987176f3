"""The one Jinja environment, built once, over the packaged templates (``schemagen.templates``),
and its overlay with a project's overrides of file-level templates."""

from __future__ import annotations

import functools
from collections.abc import Sequence

import jinja2

from schemagen.model.bodies import parse_body
from schemagen.model.routines import Function
from schemagen.model.templates import OVERRIDABLE_TEMPLATES, TEMPLATE_PACKAGE, TemplateOverride
from schemagen.render.quoting import (
    dollar_quote,
    dotted,
    ident,
    key_expression,
    keyword,
    literal,
    number,
    option_value,
    qualified,
    role,
    statement_text,
    type_text,
)


@functools.cache
def environment() -> jinja2.Environment:
    """The shared environment: strict undefined, quoting filters, package templates."""
    env = jinja2.Environment(
        loader=_package_loader(),
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
        number=number,
        key_expression=key_expression,
        keyword=keyword,
        role=role,
        dollar_quote=dollar_quote,
        statement_text=statement_text,
        kind=lambda obj: type(obj).__name__,
    )
    env.tests.update(unchecked_body=unchecked_body)
    return env


def unchecked_body(function: Function) -> bool:
    """Whether a function is created with ``check_function_bodies`` off: its body does not
    parse, or the project says ``check_body: false``."""
    if not function.check_body:
        return True
    body = parse_body(function)
    return body is not None and body.error is not None


def file_environment(overrides: Sequence[TemplateOverride] = ()) -> jinja2.Environment:
    """The environment for file-level templates: ``environment()``, with ``overrides`` in front.

    Only names in ``OVERRIDABLE_TEMPLATES`` are taken from ``overrides``; every other
    template (an override may include or extend the defaults) comes from the package.
    Each override keeps its project path as file name, so errors point into it.
    """
    if not overrides:
        return environment()
    by_name = {o.name: o for o in overrides if o.name in OVERRIDABLE_TEMPLATES}

    def load(name: str) -> tuple[str, str, None] | None:
        found = by_name.get(name)
        return None if found is None else (found.text, found.path, None)

    base = environment()
    # a cache of its own: a copy of the base's could hold the default of an overridden name
    return base.overlay(loader=jinja2.ChoiceLoader([jinja2.FunctionLoader(load), base.loader]), cache_size=50)


def _package_loader() -> jinja2.BaseLoader:
    """The loader of ``schemagen.templates``, through the import system (wheel or editable)."""
    try:
        return jinja2.PackageLoader(TEMPLATE_PACKAGE, ".")
    except ModuleNotFoundError as exc:
        raise RuntimeError(
            f"{TEMPLATE_PACKAGE} is not installed: an editable install made before templates/ moved "
            "to the repository's top level; run `pip install -e .` again"
        ) from exc
