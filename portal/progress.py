"""Progress of long management commands: a bar on a terminal, nothing in logs and CI.

Commands pass their own standard error (``self.stderr``); library code takes a
``Steps`` callable and uses ``quietly`` by default, so it never prints by itself.
"""

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from tqdm import tqdm

Item = TypeVar("Item")
Steps = Callable[..., Iterable[Any]]


def quietly(items: Iterable[Item], label: str = "", total: int | None = None) -> Iterable[Item]:
    return items


def on_terminal(stream: Any) -> bool:
    """A person watches ``stream``: a terminal, and not a CI run."""
    underlying = getattr(stream, "_out", stream)  # Django's OutputWrapper
    return bool(getattr(underlying, "isatty", lambda: False)()) and not os.environ.get("CI")


def bar(stream: Any) -> Steps:
    """Steps shown as a German progress bar on ``stream`` when a person watches it."""
    underlying = getattr(stream, "_out", stream)
    if not on_terminal(stream):
        return quietly

    def steps(items: Iterable[Item], label: str = "", total: int | None = None) -> Iterator[Item]:
        yield from tqdm(
            items,
            desc=label,
            total=total,
            file=underlying,
            leave=True,
            bar_format="{desc}: {n_fmt}/{total_fmt} {bar} {elapsed} vergangen, noch {remaining}",
        )

    return steps
