"""What one page reads more than once, read once: `with request_memo():` around a view's
work lets the selectors it calls share results through `memoised(key, make)`.

Outside such a block `memoised` just calls `make`, so nothing is kept between requests
or between the steps of a test. The dashboard uses it: its inbox and its panels come
from different apps and ask for the same rows.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

_memo: ContextVar[dict[Hashable, object] | None] = ContextVar("samenspel_memo", default=None)


@contextmanager
def request_memo() -> Iterator[None]:
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def memoised(key: Hashable, make: Callable[[], T]) -> T:
    memo = _memo.get()
    if memo is None:
        return make()
    if key not in memo:
        memo[key] = make()
    return memo[key]  # type: ignore[return-value]
