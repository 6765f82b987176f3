"""Change objects: exact reverses, template names, comment kinds."""

from __future__ import annotations

import pytest

from schemagen.model import QualifiedName
from schemagen.model import changes as ch
from tests.unit.render.change_samples import every_change, every_code_change

NO_EXACT_REVERSE = {
    "AddEnumValue",
    "RebuildEnum",
    "RebuildRangeType",
    "CreateRole",
    "UpsertReferenceRows",
    "DeleteReferenceRows",
    "ValidateConstraint",  # a validated constraint cannot be made NOT VALID again
    "AddKeyUsingIndex",  # dropping the key drops its index too
}


@pytest.mark.parametrize("change", every_change() + every_code_change(), ids=lambda c: type(c).__name__)
def test_reverse_is_exact_or_refused(change: ch.Change) -> None:
    if type(change).__name__ in NO_EXACT_REVERSE:
        with pytest.raises(NotImplementedError):
            change.reverse()
    else:
        assert change.reverse().reverse() == change
        assert change.reverse() != change or isinstance(change, ch.SetComment)


def test_template_name_is_snake_case_of_the_class() -> None:
    assert ch.CreateTable.template_name() == "changes/create_table.sql.j2"
    assert ch.AlterSequenceOwnedBy.template_name() == "changes/alter_sequence_owned_by.sql.j2"


def test_unknown_comment_kind_is_refused() -> None:
    with pytest.raises(ValueError):
        ch.SetComment("banana", QualifiedName("s", "t"), "x")


def test_changes_are_hashable_values() -> None:
    changes = every_change() + every_code_change()
    assert len({*changes}) == len({repr(c) for c in changes})
