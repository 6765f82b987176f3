"""A YAML writer for project files: block mappings, flow lists of scalars, tidy quoting.

``Flow`` marks a list or mapping written on one line (``[a, b]``, ``{k: v}``);
everything else is block style. Multi-line strings use literal blocks; a string
that may need quoting and contains a single quote (SQL literals such as
``'pending'::text``) is double-quoted instead of doubling every quote. The
emitter is libyaml's (PyYAML's pure-Python one is ten times slower on large schemas).
"""

from __future__ import annotations

import re
from typing import Any

import yaml


class FlowList(list):
    """A list written in flow style: ``[a, b]``."""


class FlowMap(dict):
    """A mapping written in flow style: ``{k: v}``."""


_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# Characters that make a plain scalar impossible somewhere (block or flow context).
_NEEDS_QUOTES = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@`\s]|[,\[\]{}]|: |:$| #|\s$")


class _Dumper(_BaseDumper):  # type: ignore[misc, valid-type]
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: Any, text: str) -> yaml.ScalarNode:
    if "\n" in text and not any(line != line.rstrip() for line in text.split("\n")):
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|")
    if "'" in text and "\\" not in text and _NEEDS_QUOTES.search(text):
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"')
    return dumper.represent_scalar("tag:yaml.org,2002:str", text)


def _represent_flow_list(dumper: Any, data: FlowList) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


def _represent_flow_map(dumper: Any, data: FlowMap) -> yaml.MappingNode:
    node = dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)
    return node


def _represent_dict(dumper: Any, data: dict) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=False)


def _represent_list(dumper: Any, data: list) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=False)


def _yaml12_resolvers() -> dict:
    """PyYAML's implicit resolvers, with booleans as YAML 1.2 has them (true/false only).

    The project loader reads YAML 1.2, where ``on``, ``yes`` and ``no`` are plain
    strings; the grant key ``on:`` needs no quotes.
    """
    bool_tag = "tag:yaml.org,2002:bool"
    resolvers = {
        first: [(tag, regexp) for tag, regexp in entries if tag != bool_tag]
        for first, entries in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
    }
    pattern = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
    for first in "tTfF":
        resolvers.setdefault(first, []).append((bool_tag, pattern))
    return resolvers


_Dumper.yaml_implicit_resolvers = _yaml12_resolvers()
_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(FlowList, _represent_flow_list)
_Dumper.add_representer(FlowMap, _represent_flow_map)
_Dumper.add_representer(dict, _represent_dict)
_Dumper.add_representer(list, _represent_list)


def dump(document: dict[str, Any]) -> str:
    """Write ``document`` as YAML, keys in the order given.

    >>> print(dump({"schema": "demo", "enums": {"mood": FlowList(["sad", "ok"])},
    ...             "d": "'x'::text"}), end="")
    schema: demo
    enums:
      mood: [sad, ok]
    d: "'x'::text"
    """
    return yaml.dump(
        document,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=10**9,
        indent=2,
        default_flow_style=False,
    )
