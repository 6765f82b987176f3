"""The one SQL text scanner: brackets, quotes, dollar quotes and comments, read as PostgreSQL does."""

import pytest

from schemagen.model.pg.scan import (
    matching_paren,
    search_path_schemas,
    split_dotted,
    split_top_level,
    strip_outer_parens,
    words,
)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # model/sqltext.py ignored brackets: three parts here
        ("ARRAY[1,2], b", ["ARRAY[1,2]", "b"]),
        ("numeric(12,2), text", ["numeric(12,2)", "text"]),
        ("'a,b', 'it''s, ok', c", ["'a,b'", "'it''s, ok'", "c"]),
        ('"x,y", z', ['"x,y"', "z"]),
        # neither scanner knew dollar quotes or comments
        ("$$a, b$$, $fn$ ) , $fn$, c", ["$$a, b$$", "$fn$ ) , $fn$", "c"]),
        ("a /* b, ( */, c", ["a /* b, ( */", "c"]),
        ("a -- b, (\n, c", ["a -- b, (", "c"]),
        (r"E'\', x', y", [r"E'\', x'", "y"]),
        ("f($1, $2), g", ["f($1, $2)", "g"]),
        # a dollar tag may hold non-ASCII letters; after one (an identifier char) $ opens nothing
        ("$é1$ a, b $é1$, c", ["$é1$ a, b $é1$", "c"]),
        ("é$x$ a, b, c", ["é$x$ a", "b", "c"]),
        ("", []),
    ],
)
def test_split_top_level(text: str, parts: list[str]) -> None:
    assert split_top_level(text) == parts


def test_matching_paren_skips_dollar_quotes_and_comments() -> None:
    text = "f($$)$$, /* ) */ x) + 1"
    assert matching_paren(text, 1) == text.index("x)") + 1


def test_strip_outer_parens_with_a_quoted_paren() -> None:
    assert strip_outer_parens("(a = ')(')") == "a = ')('"
    assert strip_outer_parens("(a) = (b)") == "(a) = (b)"


def test_split_dotted_unquotes_and_respects_quotes() -> None:
    assert split_dotted('"My.Schema"."T"') == ["My.Schema", "T"]
    assert split_dotted("registry") == ["registry"]


def test_words_keep_brackets_and_quotes_whole() -> None:
    text = "vector(3) default '[1, 2, 3]' check (x > 0) default $$a b$$"
    assert [w for _, w in words(text)] == [
        "vector(3)",
        "default",
        "'[1, 2, 3]'",
        "check",
        "(x > 0)",
        "default",
        "$$a b$$",
    ]


def test_search_path_schemas_keep_a_quoted_comma() -> None:
    # emit/routines.py split a function's search_path at every comma
    assert search_path_schemas('"My, Schema", public, "$user"') == ["My, Schema", "public", "$user"]
    assert search_path_schemas('""') == []
