"""The catalog queries: one ``.sql`` file per object kind, loaded as package data.

Version differences live in separate files: ``<kind>.pg<major>.sql`` is used
on servers up to that major version instead of ``<kind>.sql``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

QUERY_KINDS: tuple[str, ...] = (
    "schemas",
    "extensions",
    "enums",
    "domains",
    "composite_types",
    "range_types",
    "sequences",
    "tables",
    "columns",
    "constraints",
    "indexes",
    "statistics",
    "functions",
    "collations",
    "operators",
    "operator_classes",
    "aggregates",
    "text_search_dictionaries",
    "text_search_configurations",
    "triggers",
    "event_triggers",
    "rules",
    "publications",
    "foreign_data_wrappers",
    "foreign_servers",
    "user_mappings",
    "foreign_tables",
    "views",
    "policies",
    "grants",
    "default_privileges",
    "roles",
    "omissions",
    "constraint_omissions",
    "comment_omissions",
)
"""Every query, in the order they run; the count is fixed whatever the database holds."""

_VERSION_OVERRIDES: dict[str, tuple[int, ...]] = {
    "constraints": (14,),
    "indexes": (14,),
    "constraint_omissions": (14, 17),
}


def query_file(kind: str, server_major: int) -> str:
    """The file name of ``kind``'s query for a server of ``server_major``.

    >>> query_file("indexes", 14), query_file("indexes", 15), query_file("tables", 14)
    ('indexes.pg14.sql', 'indexes.sql', 'tables.sql')
    """
    for major in sorted(_VERSION_OVERRIDES.get(kind, ())):
        if server_major <= major:
            return f"{kind}.pg{major}.sql"
    return f"{kind}.sql"


@cache
def load_query(kind: str, server_major: int) -> str:
    """The SQL text of ``kind``'s query for a server of ``server_major``."""
    return (
        resources.files("schemagen.introspect.queries").joinpath(query_file(kind, server_major)).read_text()
    )
