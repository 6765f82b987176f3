"""Operator classes and families from their catalog rows (pure)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from schemagen.model.names import QualifiedName
from schemagen.model.opclasses import FunctionMember, OperatorClass, OperatorFamily, OperatorMember

Row = Mapping[str, Any]


def read_operator_classes(rows: Iterable[Row]) -> tuple[list[OperatorFamily], list[OperatorClass]]:
    """Families (those PostgreSQL made for a class of the same name left out) and classes."""
    families, classes = [], []
    for r in rows:
        name = QualifiedName(r["schema"], r["name"])
        operators, functions = _operators(r["operators"]), _functions(r["functions"])
        if r["what"] == "family":
            family = OperatorFamily(
                name, r["using"], operators, functions, comment=r["comment"], owner=r.get("owner")
            )
            families.append(family)
            continue
        family = r["family_name"]
        classes.append(
            OperatorClass(
                name,
                r["using"],
                r["type"],
                default=r["is_default"],
                family=None if family is None else QualifiedName(r["family_schema"], family),
                storage=r["storage"],
                operators=operators,
                functions=functions,
                comment=r["comment"],
                owner=r.get("owner"),
            )
        )
    return families, classes


def _operators(rows: Iterable[Row]) -> tuple[OperatorMember, ...]:
    return tuple(
        sorted(
            OperatorMember(
                (m["left"], m["right"]),
                m["strategy"],
                QualifiedName(m["op_schema"], m["op_name"]),
                None if m["order_name"] is None else QualifiedName(m["order_schema"], m["order_name"]),
            )
            for m in rows
        )
    )


def _functions(rows: Iterable[Row]) -> tuple[FunctionMember, ...]:
    return tuple(
        sorted(
            FunctionMember(
                (m["left"], m["right"]),
                m["support"],
                QualifiedName(m["fn_schema"], m["fn_name"]),
                tuple(m["arguments"]),
            )
            for m in rows
        )
    )
