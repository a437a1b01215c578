"""Small DuckDB stores for the app tests, built once per test module, and a switch between them.

Each app test module names its stores and how to build them; `use(name)` points the app (through
the environment, as in production) at one of them. "missing" is always there: no store at all."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

Builder = Callable[[Path, pytest.MonkeyPatch], None]


def build_stores(tmp_path_factory, builders: dict[str, Builder]) -> dict[str, Path]:
    out = {}
    for name, build in builders.items():
        d = tmp_path_factory.mktemp(name)
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("GSB_DATA_DIR", str(d))
            mp.delenv("DATABASE_URL", raising=False)
            build(d, mp)
        out[name] = d
    out["missing"] = tmp_path_factory.mktemp("missing")
    return out


def switch(stores: dict[str, Path], monkeypatch: pytest.MonkeyPatch, start: str | None = None):
    """`use(name)`, starting on `start` when given."""
    def use(name: str) -> None:
        monkeypatch.setenv("GSB_DATA_DIR", str(stores[name]))
        monkeypatch.delenv("DATABASE_URL", raising=False)
    if start is not None:
        use(start)
    return use
