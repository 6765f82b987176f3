"""Package layout that pyproject.toml alone cannot say: the code under src/, plus the
repository's top-level templates/ mapped in as the package ``schemagen.templates``
(its *.j2 files are package data, listed in pyproject.toml; an editable install
reads them in place)."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages("src"), "schemagen.templates"],
    package_dir={"": "src", "schemagen.templates": "templates"},
)
