"""A bounded memo for results that follow from a word's spelling alone.

Matching a question word, its coverage row, its glossary typo keys and its nationality depend only on
the word (and the loaded article), so each is worked out once per distinct spelling, like the stemmer's
cache. Nothing keyed on a whole question is ever remembered: answers are computed afresh.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

MEMO_SIZE = 65536


class Memo(dict[K, V]):
    """``memo.remember(key, compute, *args)``: the remembered value, or ``compute(*args)`` stored under ``key``.

    A dict itself, so a caller on a hot path may read ``memo[key]`` directly (a KeyError means: not yet).
    """

    def __init__(self, size: int = MEMO_SIZE) -> None:
        super().__init__()
        self._size = size

    def remember(self, key: K, compute: Callable[..., V], *args: object) -> V:
        try:
            return self[key]
        except KeyError:
            pass
        if len(self) >= self._size:
            self.clear()  # bounded: a flood of new words cannot grow a worker without limit
        value = self[key] = compute(*args)
        return value
