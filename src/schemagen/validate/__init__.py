"""Stage 2: check every loaded file against the published JSON Schema (``V2xx``)."""

from __future__ import annotations

from schemagen.diagnostics import Diagnostic
from schemagen.model.document import SourceDocument
from schemagen.validate.schema import fast_validator, json_schema, settings_json_schema, validator

__all__ = ["json_schema", "settings_json_schema", "validate_document", "validate_documents"]


def validate_document(document: SourceDocument) -> list[Diagnostic]:
    """Every schema violation in one document, each located in its file."""
    if _valid_fast(document.data):
        return []
    from schemagen.validate.errors import leaf_errors, to_diagnostic  # jsonschema: invalid documents only

    diagnostics: list[Diagnostic] = []
    for err in validator().iter_errors(document.data):
        for leaf in leaf_errors(err):
            diagnostics += to_diagnostic(leaf, document)
    return _drop_missing_explained_by_typo(diagnostics)


def _valid_fast(data: object) -> bool:
    """True when the optional fast validator is installed and finds ``data`` valid."""
    fast = fast_validator()
    if fast is None:
        return False
    try:
        return bool(fast.is_valid(data))
    except Exception:  # a value it cannot convert: jsonschema decides
        return False


def _drop_missing_explained_by_typo(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """``colums:`` gives an unknown key and a missing ``columns``: keep only the first."""
    suggested = {
        (d.message.split(" in ", 1)[-1], d.message.split("did you mean '", 1)[1].split("'")[0])
        for d in diagnostics
        if d.code == "V203" and "did you mean '" in d.message
    }
    kept = []
    for d in diagnostics:
        if d.code == "V202":
            subject, _, missing = d.message.rpartition(" is missing the required key ")
            if (subject, missing.strip("'")) in suggested:
                continue
        kept.append(d)
    return kept


def validate_documents(documents: list[SourceDocument]) -> list[Diagnostic]:
    """Every schema violation in every document (unsorted; callers sort)."""
    diagnostics: list[Diagnostic] = []
    for document in documents:
        diagnostics += validate_document(document)
    return diagnostics
