"""A small YAML writer for project files: block mappings, flow collections, tidy quoting.

``FlowList``/``FlowMap`` mark a collection written on one line (``[a, b]``,
``{k: v}``); every other list or dict is written in block style, sequences
indented under their key. Scalars are plain whenever that is unambiguous (in
YAML 1.1 and 1.2 alike), multi-line strings are literal blocks, and a string
that needs quoting and contains a single quote (SQL literals such as
``'pending'::text``) is double-quoted instead of doubling every quote.

Written by hand rather than with PyYAML's representer, which spends most of
its time on features not needed here (ten times slower on 10,000 tables).
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml


class FlowList(list):
    """A list written in flow style: ``[a, b]``."""


class FlowMap(dict):
    """A mapping written in flow style: ``{k: v}``."""


_INDICATOR_START = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_CHARACTERS = re.compile(r"[,\[\]{}?]")  # `?`: PyYAML's own scanner ends a flow scalar there
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
_RESOLVER = yaml.resolver.Resolver()
_STR_TAG = "tag:yaml.org,2002:str"
_PLAIN_KEYS = frozenset({"on"})  # YAML 1.1 reads these as booleans; the project loader is YAML 1.2
_YAML12_NUMBER = re.compile(r"^(?:0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
"""Plain scalars YAML 1.2 (the project loader) reads as numbers though YAML 1.1 does not."""


_SAFE_BLOCK = re.compile(r"[A-Za-z_](?:[A-Za-z0-9_ .,()'=*+/<>\[\]{}-]*[A-Za-z0-9_.,()'=*+/<>\[\]{}-])?")
_SAFE_FLOW = re.compile(r"[A-Za-z_](?:[A-Za-z0-9_ .()'=*+/<>-]*[A-Za-z0-9_.()'=*+/<>-])?")
"""Texts that pass the first checks of :func:`_plain_ok` (a letter first, no space last, no
``:``, ``#``, tab or newline; in flow no ``,[]{}?``): the common names, types and phrases."""


def _plain_ok(text: str, flow: bool, key: bool = False) -> bool:
    if (_SAFE_FLOW if flow else _SAFE_BLOCK).fullmatch(text) is None:
        if not text or text != text.strip() or "\n" in text or "\t" in text or _UNPRINTABLE.search(text):
            return False
        if text[0] in _INDICATOR_START or ": " in text or " #" in text or text.endswith(":"):
            return False
        if flow and _FLOW_CHARACTERS.search(text):
            return False
    if key and text in _PLAIN_KEYS:
        return True
    if _YAML12_NUMBER.match(text):
        return False
    return _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == _STR_TAG


def _quoted(text: str) -> str:
    if "'" in text or "\\" in text or _UNPRINTABLE.search(text) or "\n" in text:
        quoted = json.dumps(text, ensure_ascii=False)  # JSON strings are YAML double-quoted scalars
        return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)
    return "'" + text + "'"


_CACHE_LIMIT = 1 << 16
_BLOCK: dict[str, str] = {}
_BLOCK_KEYS: dict[str, str] = {}
_FLOW: dict[str, str] = {}
_FLOW_KEYS: dict[str, str] = {}
_CACHES = {(False, False): _BLOCK, (False, True): _BLOCK_KEYS, (True, False): _FLOW, (True, True): _FLOW_KEYS}
"""Strings as written, per context (memoised: names and types repeat across thousands of tables)."""


def _string(text: str, flow: bool, key: bool) -> str:
    cache = _CACHES[bool(flow), bool(key)]
    written = cache.get(text)
    if written is None:
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        written = cache[text] = text if _plain_ok(text, flow, key) else _quoted(text)
    return written


def _scalar(value: Any, flow: bool, key: bool = False) -> str:
    if value.__class__ is str:  # most scalars: names, types, expressions
        return _string(value, flow, key)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int | float):
        return repr(value)
    return _string(str(value), flow, key)


def scalar_text(text: str, flow: bool, key: bool = False) -> str:
    """A string as written: plain when unambiguous, else quoted (``flow``: inside ``[]``/``{}``)."""
    return _string(text, flow, key)


def literal_ok(text: str) -> bool:
    """Whether ``text`` is written as a literal block (``|``)."""
    return _literal_ok(text)


def literal_lines(text: str, indent: int) -> list[str]:
    """The ``|`` header and the indented lines of a literal block."""
    return _literal(text, indent)


def _literal_ok(text: str) -> bool:
    if "\n" not in text:  # one line: never a block
        return False
    lines = text.split("\n")
    return (
        "\n" in text.rstrip("\n")
        and not _UNPRINTABLE.search(text)
        and "\t" not in text
        and all(line == line.rstrip() for line in lines)
    )


def _literal(text: str, indent: int) -> list[str]:
    body = text.rstrip("\n")
    trailing = len(text) - len(body)
    chomp = "-" if trailing == 0 else ("" if trailing == 1 else "+")
    lines = body.split("\n") + [""] * max(trailing - 1, 0)
    indicator = "2" if lines[0].startswith(" ") or lines[0] == "" else ""
    pad = " " * indent
    return [f"|{indicator}{chomp}"] + [pad + line if line else "" for line in lines]


def _flow(value: Any) -> str:
    if value.__class__ is str:
        return _FLOW.get(value) or _string(value, True, False)
    flow = _FLOW
    if isinstance(value, dict):
        keys = _FLOW_KEYS
        entries = [
            ((keys.get(k) or _string(k, True, True)) if k.__class__ is str else _scalar(k, True, True))
            + ": "
            + ((flow.get(v) or _string(v, True, False)) if v.__class__ is str else _flow(v))
            for k, v in value.items()
        ]
        return "{" + ", ".join(entries) + "}"
    if isinstance(value, list | tuple):
        items = [(flow.get(v) or _string(v, True, False)) if v.__class__ is str else _flow(v) for v in value]
        return "[" + ", ".join(items) + "]"
    return _scalar(value, True)


def _mapping(mapping: dict, indent: int, out: list[str], flows: dict[int, str]) -> None:
    """Append the lines of a block mapping at ``indent`` to ``out``.

    ``flows``: flow collections as written, by ``id`` (the document holds them all while
    it is written; entries made once and shared by many tables are written once).
    """
    pad = " " * indent
    keys, block, inner = _BLOCK_KEYS, _BLOCK, indent + 2
    for key, value in mapping.items():
        if key.__class__ is str:
            name = keys.get(key) or _string(key, False, True)
        else:
            name = _scalar(key, False, True)
        kind = value.__class__
        if kind is str and "\n" not in value:  # the common cases, inline
            out.append(f"{pad}{name}: {block.get(value) or _string(value, False, False)}")
        elif kind is FlowList or kind is FlowMap:
            text = flows.get(id(value))
            if text is None:
                text = flows[id(value)] = _flow(value)
            out.append(f"{pad}{name}: {text}")
        elif kind is dict and value:
            out.append(f"{pad}{name}:")
            _mapping(value, inner, out, flows)
        else:
            _entry(f"{pad}{name}:", value, inner, out, flows)


def _entry(head: str, value: Any, indent: int, out: list[str], flows: dict[int, str]) -> None:
    """Append ``head`` with ``value`` after it (on its line or in the block lines that follow)."""
    if value.__class__ is str:
        if "\n" in value and _literal_ok(value):
            lines = _literal(value, indent)
            out.append(head + " " + lines[0])
            out.extend(lines[1:])
        else:
            out.append(head + " " + (_BLOCK.get(value) or _string(value, False, False)))
    elif isinstance(value, FlowMap | FlowList):
        text = flows.get(id(value))
        if text is None:
            text = flows[id(value)] = _flow(value)
        out.append(head + " " + text)
    elif isinstance(value, dict):
        if value:
            out.append(head)
            _mapping(value, indent, out, flows)
        else:
            out.append(head + " {}")
    elif isinstance(value, list):
        if value:
            out.append(head)
            _sequence(value, indent, out, flows)
        else:
            out.append(head + " []")
    elif isinstance(value, str) and _literal_ok(value):
        lines = _literal(value, indent)
        out.append(head + " " + lines[0])
        out.extend(lines[1:])
    else:
        out.append(head + " " + _scalar(value, False))


def _sequence(items: list, indent: int, out: list[str], flows: dict[int, str]) -> None:
    """Append the lines of a block sequence at ``indent`` to ``out``."""
    pad = " " * indent
    dash = pad + "- "
    inner = indent + 2
    for item in items:
        kind = item.__class__
        if kind is FlowList or kind is FlowMap:
            text = flows.get(id(item))
            if text is None:
                text = flows[id(item)] = _flow(item)
            out.append(dash + text)
        elif isinstance(item, dict) and not isinstance(item, FlowMap) and item:
            first = len(out)
            _mapping(item, inner, out, flows)
            out[first] = dash + out[first][inner:]  # the first key on the dash's line
        else:
            _entry(pad + "-", item, inner, out, flows)


def dump(document: dict[str, Any]) -> str:
    """Write ``document`` as YAML, keys in the order given.

    >>> print(dump({"schema": "demo", "enums": {"mood": FlowList(["sad", "ok"])},
    ...             "d": "'x'::text", "indexes": [FlowList(["a"]), {"on": "t", "n": 2}]}), end="")
    schema: demo
    enums:
      mood: [sad, ok]
    d: "'x'::text"
    indexes:
      - [a]
      - on: t
        n: 2
    """
    out: list[str] = []
    _mapping(document, 0, out, {})
    return "\n".join(out) + "\n"
