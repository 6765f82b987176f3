"""Write a Catalog as YAML project files (docs/format.md), the way a person would.

Shorthand where the format allows it, defaults and PostgreSQL-generated names
left out, types in their short spelling and unqualified in their own schema,
keys in a stable order: the same catalog always gives byte-identical files.
"""

from schemagen.emit.gaps import Gap, format_gaps
from schemagen.emit.project import emit_project

__all__ = ["Gap", "emit_project", "format_gaps"]
