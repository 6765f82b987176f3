"""Read a project's template overrides: the files under ``PROJECT/templates/``.

Only the names in ``OVERRIDABLE_TEMPLATES`` may be overridden; any other file there
(a change template under ``changes/``, a macro, an unknown name) is an ``L110`` error.
Two things under ``templates/`` are not overrides and are passed over silently:

* the whole directory when it is the one schemagen loads its own templates from (this
  repository's top-level ``templates/`` under an editable install);
* a file byte-identical to schemagen's default of the same name (this repository's
  ``templates/`` under a wheel built from the same checkout), since it changes nothing.

Hidden files and directories (``.name``) and ``__pycache__/`` are ignored.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

from schemagen.diagnostics import Diagnostic, Span, error
from schemagen.model.templates import (
    OVERRIDABLE_TEMPLATES,
    PROJECT_TEMPLATES_DIR,
    TEMPLATE_PACKAGE,
    TemplateOverride,
)


def load_template_overrides(project_dir: Path) -> tuple[list[TemplateOverride], list[Diagnostic]]:
    """The project's overrides (sorted by name) and the files that may not be there."""
    directory = Path(project_dir) / PROJECT_TEMPLATES_DIR
    defaults = default_templates_dir()
    if not directory.is_dir() or directory.resolve() == defaults.resolve():
        return [], []
    overrides: list[TemplateOverride] = []
    diagnostics: list[Diagnostic] = []
    for path in _files(directory):
        name = path.relative_to(directory).as_posix()
        shown = f"{PROJECT_TEMPLATES_DIR}/{name}"
        default = defaults / name
        try:
            data = path.read_bytes()
        except OSError as exc:
            diagnostics.append(error("L106", f"cannot read {shown}: {exc.strerror}", Span(shown, 1, 1)))
            continue
        if default.is_file() and default.read_bytes() == data:
            continue
        if name not in OVERRIDABLE_TEMPLATES:
            diagnostics.append(_refused(name, shown, is_schemagens=default.is_file()))
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            message = f"cannot read {shown}: not UTF-8 ({exc.reason})"
            diagnostics.append(error("L106", message, Span(shown, 1, 1)))
            continue
        overrides.append(TemplateOverride(name, shown, text))
    return overrides, diagnostics


def default_templates_dir() -> Path:
    """The directory schemagen's own templates are loaded from."""
    return Path(str(importlib.resources.files(TEMPLATE_PACKAGE)))


def _files(directory: Path) -> list[Path]:
    """Every file under ``directory``, sorted, leaving out hidden ones and ``__pycache__``."""
    return sorted(
        path
        for path in directory.rglob("*")
        if path.is_file()
        and not any(
            part.startswith(".") or part == "__pycache__" for part in path.relative_to(directory).parts
        )
    )


def _refused(name: str, shown: str, *, is_schemagens: bool) -> Diagnostic:
    """The L110 error for a file that is not an overridable template.

    ``is_schemagens``: the name is one of schemagen's own templates (a change template, a
    macro, any other template that writes SQL), as opposed to a name schemagen does not have.
    """
    allowed = ", ".join(f"{PROJECT_TEMPLATES_DIR}/{n}" for n in sorted(OVERRIDABLE_TEMPLATES))
    if is_schemagens or name.startswith(("changes/", "macros/")):
        message = (
            f"{name} cannot be overridden: schemagen's templates that write SQL (changes/, "
            "macros/, …) are its own, since a project's version would break the round trip "
            "(inspect → YAML → the same SQL) and the diffs migrations are planned from"
        )
    else:
        message = f"{name} is not a template a project can override"
    return error("L110", message, Span(shown, 1, 1), f"remove the file; a project may override {allowed}")
