"""Turn recorded catalog rows (one list per query kind) into a Catalog: pure, no server."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from schemagen.introspect.omission import Omission
from schemagen.introspect.read_access import read_default_privileges, read_grants, read_roles
from schemagen.introspect.read_foreign import (
    foreign_omissions,
    read_foreign_tables,
    read_servers,
    read_user_mappings,
    read_wrappers,
)
from schemagen.introspect.read_indexes import read_indexes
from schemagen.introspect.read_opclasses import read_operator_classes
from schemagen.introspect.read_ranges import read_range_types
from schemagen.introspect.read_routines import read_functions, read_policies, read_triggers, read_views
from schemagen.introspect.read_support import (
    read_aggregates,
    read_collations,
    read_event_triggers,
    read_operators,
    read_publications,
    read_rules,
    read_statistics,
    read_text_search_configurations,
    read_text_search_dictionaries,
)
from schemagen.introspect.read_tables import read_tables
from schemagen.introspect.read_types import (
    read_composite_types,
    read_domains,
    read_enums,
    read_extensions,
    read_schemas,
    read_sequences,
)
from schemagen.model import Catalog

Rows = Mapping[str, Sequence[Mapping[str, Any]]]


def read_catalog(rows: Rows) -> tuple[Catalog, list[Omission]]:
    """Build the model from the rows of every query in ``QUERY_KINDS``.

    Returns the catalog and the sorted, de-duplicated list of omissions.
    """
    tables, table_omissions = read_tables(rows["tables"], rows["columns"], rows["constraints"])
    functions, function_omissions = read_functions(rows["functions"])
    triggers = read_triggers(rows["triggers"])
    grants, grant_omissions = read_grants(rows["grants"])
    defaults, default_omissions = read_default_privileges(rows["default_privileges"])
    policies = read_policies(rows["policies"])
    aggregates, aggregate_omissions = read_aggregates(rows.get("aggregates", ()))
    operators, operator_omissions = read_operators(rows.get("operators", ()))
    operator_families, operator_classes = read_operator_classes(rows.get("operator_classes", ()))
    mappings, mapping_omissions = read_user_mappings(rows.get("user_mappings", ()))
    mapped = [r["user"] for r in rows.get("user_mappings", ())]  # an unreadable mapping's role too
    foreign_tables, foreign_table_omissions = read_foreign_tables(rows.get("foreign_tables", ()))
    catalog = Catalog.of(
        extensions=read_extensions(rows["extensions"]),
        schemas=read_schemas(rows["schemas"]),
        enums=read_enums(rows["enums"]),
        domains=read_domains(rows["domains"]),
        composite_types=read_composite_types(rows["composite_types"]),
        range_types=read_range_types(rows.get("range_types", ())),
        sequences=read_sequences(rows["sequences"]),
        tables=tables,
        indexes=read_indexes(rows["indexes"]),
        functions=functions,
        triggers=triggers,
        views=read_views(rows["views"]),
        policies=policies,
        roles=read_roles(rows["roles"], grants, policies, defaults, mapped),
        grants=grants,
        default_privileges=defaults,
        collations=read_collations(rows.get("collations", ())),
        operators=operators,
        operator_families=operator_families,
        operator_classes=operator_classes,
        statistics=read_statistics(rows.get("statistics", ())),
        event_triggers=read_event_triggers(rows.get("event_triggers", ())),
        rules=read_rules(rows.get("rules", ())),
        publications=read_publications(rows.get("publications", ())),
        foreign_data_wrappers=read_wrappers(rows.get("foreign_data_wrappers", ())),
        foreign_servers=read_servers(rows.get("foreign_servers", ())),
        user_mappings=mappings,
        foreign_tables=foreign_tables,
        aggregates=aggregates,
        text_search_dictionaries=read_text_search_dictionaries(rows.get("text_search_dictionaries", ())),
        text_search_configurations=read_text_search_configurations(
            rows.get("text_search_configurations", ())
        ),
    )
    owners = catalog.owner_roles()
    if owners:  # read (owners: managed): the roles owning objects are declared too
        roles = read_roles(rows["roles"], grants, policies, defaults, mapped, owners)
        catalog = replace(catalog, roles={role.name: role for role in roles})
    omissions = [
        Omission(r["kind"], r["name"], r["why"])
        for r in (*rows["omissions"], *rows["constraint_omissions"], *rows.get("comment_omissions", ()))
    ]
    omissions += (
        (table_omissions + function_omissions + grant_omissions + default_omissions)
        + aggregate_omissions
        + operator_omissions
        + mapping_omissions
        + foreign_table_omissions
        + foreign_omissions(rows.get("foreign_data_wrappers", ()), rows.get("foreign_servers", ()))
    )
    return catalog, sorted(set(omissions))
