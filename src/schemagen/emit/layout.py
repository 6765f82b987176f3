"""``schemagen fmt``: a schema file rewritten in the layout ``inspect`` writes, comments kept.

The layout is the one of :mod:`schemagen.emit.yaml_writer`: two-space indentation,
sequences indented under their key, scalars plain whenever that is unambiguous (else
single-quoted, or double-quoted when they hold a single quote), multi-line strings as
literal blocks, and the keys of each known mapping in inspect's order (keys
inspect never writes in the JSON Schema's order after them; keys of mappings the
format leaves open, such as reference rows, keep the author's order).

What the author chose stays: a collection written on one line (``[a, b]``,
``{type: text}``) stays flow, a block stays block (a flow collection spread over
several lines becomes a block); a column written as a shorthand stays one.

Comments are kept without a round-tripping YAML library: PyYAML's scanner gives
the span of every token, and a ``#`` outside every token (and after a blank) starts
a comment. A comment on a line of its own belongs to the next entry (a mapping key
or a sequence item written at the start of a line) and is written just before it at
its indentation; a comment after content belongs to the last entry started on or
before its line and is written at the end of that entry's first line. Blank lines
between entries are kept (one at most). Files with anchors, aliases or directives
are refused (:class:`CannotFormat`): their layout cannot be rewritten without
changing what they say.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from schemagen.emit.project import KEY_ORDER
from schemagen.emit.yaml_writer import literal_lines, literal_ok, scalar_text


class CannotFormat(Exception):
    """The file holds something the formatter cannot rewrite safely (the message says what)."""


try:  # the loader the project is read with (libyaml); PyYAML's own differs on `[a?b]`
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader  # type: ignore[misc]

_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*[ \t]*(#.*)?")


@dataclass
class _Entry:
    """A mapping entry (``key`` set) or a sequence item, with the comments it carries."""

    key: Node | None
    value: Node
    line: int
    leading: list[str] = field(default_factory=list)  # comment texts; "" is a blank line
    eol: list[str] = field(default_factory=list)


# How each known mapping orders its keys, and what its children are. A context is
# (key order, contexts of named children, context of every value, context of sequence items).
_TOP = (*KEY_ORDER, "lint")
_OWN_OBJECTS = (
    "primary_key",
    "unique",
    "foreign_keys",
    "checks",
    "exclude",
    "indexes",
    "partition_by",
    "unlogged",
    "with",
    "cluster_on",
    "replica_identity",
    "row_level_security",
    "policies",
    "triggers",
)
_TABLE = (
    "comment",
    "columns",
    *_OWN_OBJECTS,
    "audit",
    "notify",
    "updated_at",
    "rows",
    "renamed_from",
    "lint",
)
_PARTITION = ("values", "schema", *_OWN_OBJECTS, "comment", "lint")
_COLUMN = (
    "type",
    "not_null",
    "default",
    "identity",
    "generated",
    "virtual",
    "collation",
    "statistics",
    "storage",
    "compression",
    "options",
    "primary_key",
    "unique",
    "check",
    "references",
    "comment",
    "renamed_from",
    "lint",
)
_FUNCTION = (
    "arguments",
    "returns",
    "language",
    "volatility",
    "strict",
    "parallel",
    "window",
    "leakproof",
    "cost",
    "rows",
    "support",
    "security_definer",
    "search_path",
    "settings",
    "check_body",
    "body",
    "comment",
    "renamed_from",
    "lint",
)
_VIEW = (
    "query",
    "columns",
    "security_invoker",
    "security_barrier",
    "check_option",
    "with_data",
    "indexes",
    "triggers",
    "comment",
    "renamed_from",
    "lint",
)
_INDEX = (
    "name",
    "columns",
    "using",
    "unique",
    "nulls_not_distinct",
    "include",
    "where",
    "with",
    "comment",
    "renamed_from",
    "lint",
)
_KEY = (
    "name",
    "columns",
    "include",
    "nulls_not_distinct",
    "deferrable",
    "initially_deferred",
    "with",
    "comment",
    "renamed_from",
    "lint",
)
_FK_OPTIONS = ("on_delete", "on_update", "match", "deferrable", "initially_deferred", "not_valid")
_FOREIGN_KEY = ("name", "columns", "references", *_FK_OPTIONS, "comment", "renamed_from", "lint")
_REFERENCES = ("table", "column", "columns", *_FK_OPTIONS, "name")
_EXCLUDE = (
    "name",
    "using",
    "elements",
    "include",
    "where",
    "deferrable",
    "initially_deferred",
    "with",
    "comment",
    "renamed_from",
    "lint",
)
_TRIGGER = (
    "function",
    "timing",
    "events",
    "update_of",
    "for_each",
    "when",
    "arguments",
    "referencing",
    "constraint",
    "deferrable",
    "initially_deferred",
    "enabled",
    "comment",
    "lint",
)
_POLICY = ("as", "for", "to", "using", "with_check", "comment", "lint")
_IDENTITY = ("always", "start", "increment", "min_value", "max_value", "cache", "cycle")
_SEQUENCE = ("type", "start", "min_value", "max_value", "increment", "cache", "cycle", "owned_by", "comment")
_DOMAIN = ("type", "not_null", "default", "collation", "checks", "comment", "renamed_from", "lint")
_RANGE = (
    "subtype",
    "subtype_opclass",
    "collation",
    "subtype_diff",
    "multirange_type_name",
    "comment",
    "renamed_from",
    "lint",
)
_ENUM = ("values", "comment", "renamed_from", "values_renamed_from", "lint")
_ROLE = (
    "login",
    "inherit",
    "superuser",
    "create_role",
    "create_db",
    "replication",
    "bypass_rls",
    "connection_limit",
    "valid_until",
    "member_of",
    "comment",
    "lint",
)
_GRANT = (
    "for_role",
    "on",
    "all_schemas",
    "privileges",
    "columns",
    "to",
    "with_grant_option",
    "revoke",
    "from",
)
_PARTITION_BY = ("range", "list", "hash", "partitions", "interval", "start", "ahead", "retention", "default")


@dataclass(frozen=True)
class _Context:
    order: tuple[str, ...] = ()
    keys: dict[str, str] = field(default_factory=dict)
    each: str | None = None
    items: str | None = None


_OWN_CHILDREN = {
    "primary_key": "key",
    "unique": "keys",
    "foreign_keys": "foreign_keys",
    "exclude": "excludes",
    "indexes": "indexes",
    "partition_by": "partition_by",
    "policies": "policies",
    "triggers": "triggers",
}
_CONTEXTS: dict[str, _Context] = {
    "document": _Context(
        _TOP,
        {
            "extensions": "extensions",
            "roles": "roles",
            "enums": "enums",
            "domains": "domains",
            "composite_types": "named",
            "range_types": "ranges",
            "sequences": "sequences",
            "tables": "tables",
            "functions": "functions",
            "procedures": "functions",
            "views": "views",
            "materialized_views": "views",
            "grants": "grants",
            "default_privileges": "grants",
        },
    ),
    "named": _Context(each="plain"),
    "plain": _Context(),
    "extensions": _Context(each="extension"),
    "extension": _Context(("schema", "version", "comment", "lint")),
    "roles": _Context(each="role"),
    "role": _Context(_ROLE),
    "enums": _Context(each="enum"),
    "enum": _Context(_ENUM),
    "domains": _Context(each="domain"),
    "ranges": _Context(each="range"),
    "range": _Context(_RANGE),
    "domain": _Context(_DOMAIN),
    "sequences": _Context(each="sequence"),
    "sequence": _Context(_SEQUENCE),
    "tables": _Context(each="table"),
    "table": _Context(_TABLE, {"columns": "columns", **_OWN_CHILDREN}),
    "columns": _Context(each="column"),
    "column": _Context(_COLUMN, {"identity": "identity", "references": "references"}),
    "identity": _Context(_IDENTITY),
    "references": _Context(_REFERENCES),
    "key": _Context(_KEY),
    "keys": _Context(items="key"),
    "foreign_keys": _Context(items="foreign_key"),
    "foreign_key": _Context(_FOREIGN_KEY, {"references": "references"}),
    "excludes": _Context(items="exclude"),
    "exclude": _Context(_EXCLUDE),
    "indexes": _Context(items="index"),
    "index": _Context(_INDEX),
    "partition_by": _Context(_PARTITION_BY, {"partitions": "partitions"}),
    "partitions": _Context(each="partition"),
    "partition": _Context(_PARTITION, _OWN_CHILDREN),
    "policies": _Context(each="policy"),
    "policy": _Context(_POLICY),
    "triggers": _Context(each="trigger"),
    "trigger": _Context(_TRIGGER),
    "functions": _Context(each="function"),
    "function": _Context(_FUNCTION),
    "views": _Context(each="view"),
    "view": _Context(_VIEW, {"indexes": "indexes", "triggers": "triggers"}),
    "grants": _Context(items="grant"),
    "grant": _Context(_GRANT),
}


class _Formatter:
    def __init__(self, text: str, resolve: Callable[[ScalarNode], Any]):
        self.text = text
        self.resolve = resolve
        self.entries: list[_Entry] = []
        self.block_nodes: set[int] = set()  # ids of collections written in block style
        self.trailer: list[str] = []
        self._by_value: dict[int, _Entry] = {}
        self.root_eol: list[str] = []

    # -- reading ---------------------------------------------------------------

    def comments(self) -> list[tuple[int, bool, str]]:
        """(line, alone on its line, text) of every comment."""
        covered: list[tuple[int, int]] = []
        for token in yaml.scan(self.text, Loader=_Loader):
            if isinstance(token, yaml.AnchorToken | yaml.AliasToken):
                raise CannotFormat("anchors and aliases are not rewritten (write the repeated parts out)")
            if isinstance(token, yaml.DirectiveToken):
                raise CannotFormat("YAML directives (%YAML, %TAG) are not rewritten")
            start, end = token.start_mark.index, token.end_mark.index
            if isinstance(token, yaml.ScalarToken) and token.style in ("|", ">"):
                header = _BLOCK_HEADER.match(self.text, start)
                if header and header.group(1):
                    end = max(start, header.start(1))  # the header's comment is a comment
                    covered.append((header.end(), token.end_mark.index))
            if end > start:
                covered.append((start, end))
        covered.sort()
        starts = [s for s, _ in covered]
        found = []
        offset = 0
        for number, line in enumerate(self.text.split("\n")):
            position = line.find("#")
            while position != -1:
                index = offset + position
                inside = bisect.bisect_right(starts, index) - 1
                blank_before = position == 0 or line[position - 1] in " \t"
                if blank_before and (inside < 0 or covered[inside][1] <= index):
                    found.append((number, not line[:position].strip(), line[position:].rstrip()))
                    break
                position = line.find("#", position + 1)
            offset += len(line) + 1
        return found

    def collect(self, node: Node) -> None:
        """Register the entries that start a line in the output (block collections)."""
        if isinstance(node, MappingNode):
            block = not node.flow_style or node.start_mark.line != node.end_mark.line
            if block:
                self.block_nodes.add(id(node))
            for key, value in node.value:
                if not isinstance(key, ScalarNode):
                    raise CannotFormat("a key that is a mapping or a list is not rewritten")
                if block:
                    self.entries.append(_Entry(key, value, key.start_mark.line))
                self.collect(value)
        elif isinstance(node, SequenceNode):
            block = not node.flow_style or node.start_mark.line != node.end_mark.line
            if block:
                self.block_nodes.add(id(node))
            for item in node.value:
                if block:
                    self.entries.append(_Entry(None, item, item.start_mark.line))
                self.collect(item)

    def attach(self) -> None:
        lines = [entry.line for entry in self.entries]
        blank = {n for n, line in enumerate(self.text.split("\n")) if not line.strip()}
        previous_line = -1
        pending: dict[int, list[str]] = {}
        for line, alone, comment in self.comments():
            if alone:
                target = bisect.bisect_right(lines, line)
                if target < len(self.entries):
                    pending.setdefault(target, []).append(comment)
                    self._blank_before(pending, target, line, blank)
                else:
                    self.trailer.append(comment)
            else:
                target = bisect.bisect_right(lines, line) - 1
                if target >= 0:
                    self.entries[target].eol.append(comment)
                elif self.entries:
                    pending.setdefault(0, []).append(comment)
                else:  # a document on one line (`{schema: app}  # c`)
                    self.root_eol.append(comment)
        for target, texts in pending.items():
            self.entries[target].leading = texts
        for index, entry in enumerate(self.entries):
            blank_above = entry.line - 1 in blank and index > 0 and entry.line > previous_line
            if blank_above and (not entry.leading or entry.leading[-1] != ""):
                entry.leading.append("")
            previous_line = entry.line
        self._by_value = {id(e.value): e for e in self.entries}

    def _blank_before(self, pending: dict[int, list[str]], target: int, line: int, blank: set[int]) -> None:
        if line - 1 in blank and target > 0:
            texts = pending[target]
            texts.insert(len(texts) - 1, "")

    # -- writing ---------------------------------------------------------------

    def ordered(self, node: MappingNode, context: _Context) -> list[tuple[Node, Node]]:
        rank = {key: position for position, key in enumerate(context.order)}
        pairs = list(enumerate(node.value))
        pairs.sort(key=lambda p: (rank.get(p[1][0].value, len(rank)), p[0]))
        return [pair for _, pair in pairs]

    def child(self, context: _Context, key: str | None) -> _Context:
        name = context.each if context.each else context.keys.get(key or "", "plain")
        return _CONTEXTS[name]

    def scalar(self, node: ScalarNode, flow: bool, key: bool = False) -> str:
        value = self.resolve(node)
        if isinstance(value, str):
            return scalar_text(value, flow, key)
        return node.value  # a number, boolean or null: as written (its spelling is its meaning)

    def flow(self, node: Node, context: _Context) -> str:
        if isinstance(node, MappingNode):
            parts = []
            for key, value in self.ordered(node, context):
                inner = self.flow(value, self.child(context, key.value))
                parts.append(f"{self.scalar(key, True, True)}: {inner}")
            return "{" + ", ".join(parts) + "}"
        if isinstance(node, SequenceNode):
            inner = _CONTEXTS[context.items] if context.items else context
            return "[" + ", ".join(self.flow(item, inner) for item in node.value) + "]"
        return self.scalar(node, True)

    def value(self, node: Node, indent: int, context: _Context) -> tuple[str, list[str]]:
        """The text after ``key:`` (or ``-``) on the same line, and the lines that follow."""
        if isinstance(node, MappingNode | SequenceNode):
            if not node.value:
                return (" {}" if isinstance(node, MappingNode) else " []"), []
            if id(node) not in self.block_nodes:
                return " " + self.flow(node, context), []
            if isinstance(node, MappingNode):
                return "", self.mapping(node, indent, context)
            return "", self.sequence(node, indent, context)
        value = self.resolve(node)
        if isinstance(value, str) and literal_ok(value):
            head, *rest = literal_lines(value, indent)
            return " " + head, rest
        if isinstance(value, str) and node.style == ">" and _foldable(value):
            head, *rest = _folded(value, indent)
            return " " + head, rest
        text = self.scalar(node, False)
        return (" " + text if text else ""), []

    def entry_lines(self, entry: _Entry, head: str, indent: int, context: _Context) -> list[str]:
        inline, block = self.value(entry.value, indent + 2, context)
        first = head + inline
        if entry.eol:
            first += "  " + " ".join(entry.eol)
        return [first, *block]

    def mapping(self, node: MappingNode, indent: int, context: _Context) -> list[str]:
        lines: list[str] = []
        pad = " " * indent
        for position, (key, value) in enumerate(self.ordered(node, context)):
            entry = self._by_value[id(value)]
            lines += _leading(entry.leading, pad, first=position == 0)
            head = f"{pad}{self.scalar(key, False, True)}:"
            lines += self.entry_lines(entry, head, indent, self.child(context, key.value))
        return lines

    def sequence(self, node: SequenceNode, indent: int, context: _Context) -> list[str]:
        lines: list[str] = []
        pad = " " * indent
        inner = _CONTEXTS[context.items] if context.items else context
        for position, item in enumerate(node.value):
            entry = self._by_value[id(item)]
            leading = list(entry.leading)
            if isinstance(item, MappingNode) and id(item) in self.block_nodes and item.value:
                _, first_value = self.ordered(item, inner)[0]
                first = self._by_value[id(first_value)]
                leading += [t for t in first.leading if t]  # said before the item's first key
                first.leading = []
                first.eol = entry.eol + first.eol
                block = self.mapping(item, indent + 2, inner)
                lines += _leading(leading, pad, first=position == 0)
                lines.append(f"{pad}- {block[0].lstrip()}")
                lines += block[1:]
                continue
            lines += _leading(leading, pad, first=position == 0)
            lines += self.entry_lines(entry, f"{pad}-", indent, inner)
        return lines


_NOT_FOLDABLE = re.compile("[\n\t\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
WIDTH = 88
"""Where a folded (``>``) string is wrapped."""


def _foldable(text: str) -> bool:
    body = text[:-1] if text.endswith("\n") else text
    return bool(body) and body == body.strip() and not _NOT_FOLDABLE.search(body)


def _folded(text: str, indent: int) -> list[str]:
    """A one-line string as a folded block wrapped at ``WIDTH``: each break stands for one space."""
    body = text[:-1] if text.endswith("\n") else text
    words = re.split(r"(?<=\S) (?=\S)", body)  # break only at a single space between two words
    lines: list[str] = []
    for word in words:
        if lines and indent + len(lines[-1]) + 1 + len(word) <= WIDTH:
            lines[-1] += " " + word
        else:
            lines.append(word)
    pad = " " * indent
    return [">" if text.endswith("\n") else ">-"] + [pad + line for line in lines]


def _leading(texts: list[str], pad: str, first: bool) -> list[str]:
    """Comment lines before an entry; blank lines kept between entries, not before a first one."""
    lines = []
    for text in texts:
        if text == "":
            if (lines and lines[-1] == "") or (first and not lines):
                continue
            lines.append("")
        else:
            lines.append(pad + text)
    return lines


def format_text(text: str, resolve: Callable[[ScalarNode], Any]) -> str:
    """``text`` (one schema file) in the canonical layout, its comments kept.

    ``resolve`` gives a scalar's value as the project loader reads it (YAML 1.2),
    so a string is requoted only as a string and a number keeps its spelling.
    """
    try:
        return _format(text, resolve)
    except yaml.YAMLError as exc:  # the loader accepted it; a scanner disagreed
        raise CannotFormat(f"the YAML could not be read again ({exc.__class__.__name__})") from exc


def _format(text: str, resolve: Callable[[ScalarNode], Any]) -> str:
    formatter = _Formatter(text, resolve)
    root = yaml.compose(text, Loader=_Loader)
    comments_before = [c for _, _, c in formatter.comments()]
    if root is None:
        return "".join(c + "\n" for c in comments_before)
    formatter.collect(root)
    formatter.attach()
    if isinstance(root, MappingNode) and id(root) in formatter.block_nodes:
        lines = formatter.mapping(root, 0, _CONTEXTS["document"])
    elif isinstance(root, SequenceNode) and id(root) in formatter.block_nodes:
        lines = formatter.sequence(root, 0, _CONTEXTS["plain"])
    else:
        lines = [formatter.value(root, 0, _CONTEXTS["document"])[0].lstrip()]
        if formatter.root_eol:
            lines[0] += "  " + " ".join(formatter.root_eol)
    lines += formatter.trailer
    result = "\n".join(lines) + "\n"
    comments_after = [c for _, _, c in _Formatter(result, resolve).comments()]
    if sorted(comments_after) != sorted(comments_before):
        raise CannotFormat("the comments could not all be placed (please report this file)")
    return result
