"""The outputs of ``diff``, ``plan`` and ``apply`` in each format (text, json, markdown)."""

from __future__ import annotations

from collections.abc import Sequence

from schemagen.render.report import ReportChange
from schemagen.render.report_formats import FORMATS, diff_text, plan_text, report_json, report_markdown

__all__ = ["FORMATS", "format_report"]


def format_report(
    command: str, output_format: str, changes: Sequence[ReportChange], unmanaged: Sequence[str] = ()
) -> str:
    """What ``command`` (diff, plan or apply) prints on stdout in ``output_format``.

    json never carries the unmanaged objects (its shape is fixed): the CLI lists them on stderr.
    """
    if output_format == "json":
        return report_json(changes)
    if output_format == "markdown":
        return report_markdown(changes, unmanaged, f"schemagen {command}")
    if command == "diff":
        return diff_text(changes, unmanaged)
    return plan_text(changes, unmanaged)
