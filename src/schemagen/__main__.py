"""``python -m schemagen``: the same as the ``schemagen`` command."""

from schemagen.cli import run

run()
