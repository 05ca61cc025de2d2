"""What a full-text query may contain: the one rule for the search page and the API."""

import re

MAX_QUERY_LENGTH = 200
# Everything but letters, digits and spaces is dropped: quotes, operators and NUL
# would otherwise reach the full-text engine as syntax and fail there.
NOT_A_WORD = re.compile(r"[^\w\s]|_|\x00", re.UNICODE)


def clean_query(raw: str) -> str:
    """The words of ``raw``, shortened, with every character of search syntax dropped."""
    return " ".join(NOT_A_WORD.sub(" ", raw[:MAX_QUERY_LENGTH]).split())


# What makes the full-text engines fail (SQLite FTS5 on a quote, PostgreSQL on NUL);
# hyphens, dots, brackets and operator words are searched as they are.
BREAKS_SEARCH = re.compile(r'["\x00]')


def breaks_search(raw: str) -> bool:
    """Whether ``raw`` holds a character that a full-text engine cannot take as it is.

    The search page drops such characters (:func:`clean_query`); the open-data API
    refuses them, since a machine client should learn that its query was changed.
    """
    return BREAKS_SEARCH.search(raw) is not None
