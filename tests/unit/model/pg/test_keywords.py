"""The model's keyword list is PostgreSQL's (as pglast embeds it), so builder and renderer agree."""

from pglast import keywords

from schemagen.model.pg.keywords import QUOTED_KEYWORDS


def test_quoted_keywords_match_postgresql() -> None:
    expected = keywords.RESERVED_KEYWORDS | keywords.TYPE_FUNC_NAME_KEYWORDS | keywords.COL_NAME_KEYWORDS
    assert set(QUOTED_KEYWORDS) == set(expected)


def test_unreserved_keywords_are_not_quoted() -> None:
    assert "name" not in QUOTED_KEYWORDS
    assert "user" in QUOTED_KEYWORDS
