"""A firing mode (``enabled:`` of an event trigger or a rule) changed in place rather than by recreating."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from schemagen.diff.simple import DiffFunctions
from schemagen.model.changes import Change


def with_firing_mode(functions: DiffFunctions, set_mode: Callable[[Any, str], Change]) -> DiffFunctions:
    """``functions`` whose alter gives ``set_mode(new, old.enabled)`` when only the mode changed.

    A comment changed with it stays a ``COMMENT ON``; any other change recreates, as before.
    """
    created, dropped, alter = functions

    def altered(old: Any, new: Any) -> list[Change]:
        if old.enabled == new.enabled:
            return alter(old, new)
        rest = alter(replace(old, enabled=new.enabled), new)
        if any(type(c) in {type(d) for d in dropped(old)} for c in rest):
            return rest  # recreated: the CREATE sets the new mode
        return [set_mode(new, old.enabled), *rest]

    return created, dropped, altered
