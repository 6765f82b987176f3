"""Package layout that pyproject.toml alone cannot say: the code under src/, plus the
repository's top-level templates/ mapped in as the package ``schemagen.templates``
(its *.j2 files are package data, listed in pyproject.toml; an editable install
reads them in place).

Folders that hold only data (``builder/macros``, ``templates/changes``, …) are listed as
namespace packages: setuptools otherwise warns, on every install, that they are data
installed as if they were packages.
"""

from setuptools import find_namespace_packages, setup

_SKIP = ["*__pycache__*"]

setup(
    packages=[
        *find_namespace_packages("src", include=["schemagen", "schemagen.*"], exclude=_SKIP),
        "schemagen.templates",
        *(f"schemagen.templates.{name}" for name in find_namespace_packages("templates", exclude=_SKIP)),
    ],
    package_dir={"": "src", "schemagen.templates": "templates"},
)
