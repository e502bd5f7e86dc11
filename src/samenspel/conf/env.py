"""Typed reading of environment variables.

Every setting has a safe development default; the default's type decides how the
variable is cast, so `DEBUG=0` is False and `SESSION_IDLE_MINUTES=45` is an int.
"""

import os
from typing import TypeVar

T = TypeVar("T", bool, int, str, list)

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env(name: str, default: T) -> T:
    raw = os.environ.get(name)
    if raw is None:
        return default
    if isinstance(default, bool):
        value = raw.strip().lower()
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        raise ValueError(f"{name} must be a boolean (1/0, true/false), not {raw!r}")
    if isinstance(default, int):
        try:
            return int(raw)
        except ValueError as exc:
            raise ValueError(f"{name} must be a whole number, not {raw!r}") from exc
    if isinstance(default, list):
        return [part.strip() for part in raw.split(",") if part.strip()]
    return raw
