"""The pure parts of diff/plan/apply: fingerprints, plan files, hazard gating, transaction groups."""

from __future__ import annotations

import subprocess
import sys

import pytest

from schemagen.api.apply import HazardsRefused, check_hazards, transaction_groups
from schemagen.api.fingerprint import catalog_fingerprint
from schemagen.api.plan_file import PlanFile, format_plan_file, read_plan_file
from schemagen.errors import UsageError
from schemagen.model import Catalog
from schemagen.model.names import QualifiedName
from schemagen.model.objects import Column, Schema, Table
from schemagen.render.report import ReportChange
from schemagen.render.summary import ChangeSummary

CATALOG = Catalog.of(
    schemas=[Schema("app")], tables=[Table(QualifiedName("app", "t"), (Column("id", "int"),))]
)


def _step(name: str, hazards: tuple[str, ...] = (), outside: bool = False) -> ReportChange:
    return ReportChange(
        ChangeSummary("table", name, "created"), (f"CREATE TABLE {name} ();",), hazards, outside
    )


def test_fingerprint_depends_on_the_catalog_scope_and_server_only():
    first = catalog_fingerprint(CATALOG, ["app"], 18)
    assert first == catalog_fingerprint(CATALOG, ["app"], 18)
    assert first.startswith("sha256:")
    assert first != catalog_fingerprint(Catalog(), ["app"], 18)
    assert first != catalog_fingerprint(CATALOG, ["app", "b"], 18)
    assert first != catalog_fingerprint(CATALOG, ["app"], 15)


def test_fingerprint_is_the_same_in_another_process_whatever_the_hash_seed():
    code = (
        "from tests.unit.api.test_live_engine import CATALOG;"
        "from schemagen.api.fingerprint import catalog_fingerprint;"
        "print(catalog_fingerprint(CATALOG, ['app'], 18))"
    )
    seeds = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": s},
        ).stdout.strip()
        for s in ("1", "2")
    }
    assert seeds == {catalog_fingerprint(CATALOG, ["app"], 18)}


def test_plan_file_round_trips(tmp_path):
    plan = PlanFile(
        "sha256:" + "0" * 64, ("app", "b"), 18, [_step("a.x", ("deletes_data",)), _step("a.y", outside=True)]
    )
    path = tmp_path / "plan.sql"
    path.write_text(format_plan_file(plan))
    assert read_plan_file(path) == plan


def test_a_file_that_is_not_a_plan_is_a_located_usage_error(tmp_path):
    path = tmp_path / "x.sql"
    path.write_text("SELECT 1;\n")
    with pytest.raises(UsageError, match=r"x.sql:1: not a schemagen plan file"):
        read_plan_file(path)


def test_hazards_not_allowed_are_refused_by_step_and_name():
    steps = [_step("a.x", ("deletes_data", "access_exclusive_lock"))]
    check_hazards(steps, None)
    check_hazards(steps, ["DELETES_DATA", "access-exclusive-lock"])
    with pytest.raises(HazardsRefused) as refused:
        check_hazards(steps, ["deletes_data"])
    assert refused.value.refused == [("+ table a.x", "access_exclusive_lock")]
    assert "--allow-hazard access_exclusive_lock" in str(refused.value)


def test_consecutive_steps_share_a_transaction_and_outside_steps_run_alone():
    steps = [_step("a"), _step("b"), _step("c", outside=True), _step("d")]
    groups = [(inside, [s.summary.object for s in group]) for inside, group in transaction_groups(steps)]
    assert groups == [(True, ["a", "b"]), (False, ["c"]), (True, ["d"])]


def test_the_scope_holds_the_schema_of_every_declared_function() -> None:
    from schemagen.api.live import declared_scope
    from schemagen.model import Catalog, QualifiedName
    from schemagen.model.identity import ObjectId, ObjectKind

    function = ObjectId(ObjectKind.FUNCTION, QualifiedName("util", "f"), ("integer",))
    catalog = Catalog(functions={function: None})  # the scope reads the keys only
    assert declared_scope(catalog, ["extra"]) == ("extra", "util")
