"""A YAML writer for project files: block mappings, flow lists of scalars, tidy quoting.

``Flow`` marks a list or mapping written on one line (``[a, b]``, ``{k: v}``);
everything else is block style. Multi-line strings use literal blocks; a string
that needs quoting and contains a single quote (SQL literals such as
``'pending'::text``) is double-quoted instead of doubling every quote.
"""

from __future__ import annotations

import re
from typing import Any

import yaml


class FlowList(list):
    """A list written in flow style: ``[a, b]``."""


class FlowMap(dict):
    """A mapping written in flow style: ``{k: v}``."""


class _Dumper(yaml.SafeDumper):
    def choose_scalar_style(self):  # type: ignore[override]
        style = super().choose_scalar_style()
        if style == "'" and "'" in self.event.value:
            return '"'
        return style

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # indent block sequences under their key


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    if "\n" in text and not any(line != line.rstrip() for line in text.split("\n")):
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", text)


def _represent_flow_list(dumper: yaml.SafeDumper, data: FlowList) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


def _represent_flow_map(dumper: yaml.SafeDumper, data: FlowMap) -> yaml.MappingNode:
    node = dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)
    return node


def _represent_dict(dumper: yaml.SafeDumper, data: dict) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=False)


def _represent_list(dumper: yaml.SafeDumper, data: list) -> yaml.SequenceNode:
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
