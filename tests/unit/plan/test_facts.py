"""Completeness: every change class has a template, planner facts (phase, sort key, hazards), refs
and a summary describer."""

from __future__ import annotations

import pytest

from schemagen.model import changes as ch
from schemagen.model.kinds import DESCRIPTORS
from schemagen.plan.facts import FACTS, NO_HAZARDS, ChangeFacts, facts_of, phase
from schemagen.plan.keys import sort_key
from schemagen.plan.refs import classes_with_rules, refs_of
from schemagen.render import template_exists
from schemagen.render.summary import _DESCRIBERS
from tests.unit.render.change_samples import every_change
from tests.unit.render.test_render import change_classes


@pytest.mark.parametrize("cls", change_classes(), ids=lambda c: c.__name__)
def test_every_change_class_is_complete(cls: type[ch.Change]) -> None:
    assert template_exists(cls), f"{cls.__name__}: no template {cls.template_name()}"
    assert cls in FACTS, f"{cls.__name__}: no planner facts (phase, sort key, hazards) in plan/facts.py"
    assert cls in classes_with_rules(), f"{cls.__name__}: no dependency rule in plan/refs.py"
    assert cls in _DESCRIBERS, f"{cls.__name__}: no describer in render/summary.py"
    facts = FACTS[cls]
    assert (facts.key is None) != (facts.drop is None)
    assert facts.kind is None or facts.kind in {d.kind for d in DESCRIPTORS}


def test_planner_facts_name_no_class_that_does_not_exist() -> None:
    assert set(FACTS) == set(change_classes())


def test_every_sample_change_has_a_key_hazards_and_refs() -> None:
    for change in every_change():
        key = sort_key(change)
        assert len(key) == 4 and isinstance(key[0], int)
        assert isinstance(facts_of(type(change)).hazards_of(change), frozenset)
        refs_of(change)


def test_drops_run_in_phase_0_and_creates_after_it() -> None:
    for change in every_change():
        facts = facts_of(type(change))
        assert (sort_key(change)[0] == 0) == (facts.drop is not None), type(change).__name__


def test_a_class_without_facts_is_refused_not_given_a_default_phase() -> None:
    with pytest.raises(TypeError, match="no planner facts for Change"):
        sort_key(ch.Change())  # the base class stands for a class nobody registered


def test_facts_have_a_key_or_a_drop_order_not_both() -> None:
    with pytest.raises(ValueError):
        ChangeFacts(None, NO_HAZARDS)
    with pytest.raises(ValueError):
        ChangeFacts(None, NO_HAZARDS, key=lambda c: (1,), drop=0)
    assert ChangeFacts(None, NO_HAZARDS, drop=0).sort_key(ch.Change()) == (0, (), 0, "")


def test_hazards_are_stated_never_defaulted() -> None:
    with pytest.raises(TypeError):
        ChangeFacts(None, drop=0)  # type: ignore[call-arg]


def test_phases_come_from_the_kind_descriptors() -> None:
    for descriptor in DESCRIPTORS:
        assert phase(descriptor.kind) == descriptor.phase > 0
