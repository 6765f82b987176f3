"""schemagen's Jinja templates, installed as the package ``schemagen.templates`` (see setup.py)."""
