"""``external: {schemas: […]}``: schemas a project uses but does not manage."""

from __future__ import annotations

from schemagen.diagnostics import Diagnostic, error
from schemagen.model.document import SourceDocument


def external_schemas(documents: list[SourceDocument]) -> tuple[set[str], list[Diagnostic]]:
    """The schemas the documents declare external, and L113 for one that a document also declares.

    A schema is either managed (a file says ``schema: name``) or external, never both:
    schemagen would otherwise both leave it alone and create objects in it.
    """
    schemas = (d.data.get("schema") for d in documents if isinstance(d.data, dict))
    declared = {name for name in schemas if isinstance(name, str)}
    external: set[str] = set()
    found = []
    for document in documents:
        data = document.data if isinstance(document.data, dict) else {}
        listed = data.get("external") if isinstance(data.get("external"), dict) else {}
        names = listed.get("schemas") if isinstance(listed.get("schemas"), list) else []
        for position, name in enumerate(names):
            if not isinstance(name, str):
                continue  # the JSON Schema reports it
            external.add(name)
            if name in declared:
                found.append(
                    error(
                        "L113",
                        f"schema {name} is declared external, but a file of the project declares it",
                        document.span(("external", "schemas", position)),
                        f"remove {name} from external.schemas, or remove the file that says schema: {name}",
                    )
                )
    return external, found
