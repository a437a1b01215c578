"""components.data asks the store for its identity once per cached_all, not once per read."""
from __future__ import annotations

from flask import Flask

from components import data
from store import status


def _counting(monkeypatch):
    calls = []

    def identity(settings=None):
        calls.append(1)
        return "id-1"
    monkeypatch.setattr(status, "store_identity", identity)
    return calls


def test_cached_all_asks_for_the_store_identity_once(monkeypatch, tmp_path):
    calls = _counting(monkeypatch)
    server = Flask(__name__)
    data.cache.init_app(server, config={"CACHE_TYPE": "FileSystemCache", "CACHE_DIR": str(tmp_path)})
    with server.app_context():
        got = data.cached_all((divmod, 7, 2), (pow, 2, 5), (sorted, (3, 1, 2), data.kw(reverse=True)))
        assert got == [(3, 1), 32, [3, 2, 1]]
        assert len(calls) == 1
        assert data.cached_all((divmod, 9, 2)) == [(4, 1)] and len(calls) == 2
        assert data.cached(pow, 2, 5) == 32 and len(calls) == 3      # cached() still asks itself
        assert data.cached_all() == [] and len(calls) == 3


def test_cached_all_outside_an_app_calls_through(monkeypatch):
    calls = _counting(monkeypatch)
    assert data.cached_all((divmod, 7, 2), (pow, 2, 5)) == [(3, 1), 32]
    assert len(calls) == 1
