"""What a full-text query may contain: the one rule for the search page and the API."""

import re

MAX_QUERY_LENGTH = 200
# Everything but letters, digits and spaces is dropped: quotes, operators and NUL
# would otherwise reach the full-text engine as syntax and fail there.
NOT_A_WORD = re.compile(r"[^\w\s]|_|\x00", re.UNICODE)


def clean_query(raw: str) -> str:
    """The words of ``raw``, shortened, with every character of search syntax dropped."""
    return " ".join(NOT_A_WORD.sub(" ", raw[:MAX_QUERY_LENGTH]).split())


def has_search_syntax(raw: str) -> bool:
    """Whether ``raw`` holds characters :func:`clean_query` would drop."""
    return NOT_A_WORD.search(raw) is not None
