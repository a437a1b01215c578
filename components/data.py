"""Cached calls to the store's read functions: the pages' only way to data.

The cache lives in files under the data directory (flask-caching FileSystemCache), so every
gunicorn worker shares it and none keeps data in Python globals. Keys hold the function, its
arguments and the store's identity (file inode and mtime, or the newest load on PostgreSQL):
after the ETL publishes a new store the old entries are simply never asked for again.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from flask import Flask, current_app, has_app_context
from flask_caching import Cache

from settings import get_settings
from store import status

cache = Cache()

TIMEOUT_S = 24 * 3600


def init_cache(server: Flask) -> None:
    """Attach the file cache to the Flask server (called once by app.py)."""
    folder = get_settings().data_dir / "cache"
    folder.mkdir(parents=True, exist_ok=True)
    cache.init_app(server, config={"CACHE_TYPE": "FileSystemCache", "CACHE_DIR": str(folder),
                                   "CACHE_DEFAULT_TIMEOUT": TIMEOUT_S, "CACHE_THRESHOLD": 20000})


def _usable() -> bool:
    if not has_app_context():
        return False
    try:
        cache.cache  # noqa: B018  - raises when init_cache was not called on this app
    except (KeyError, AttributeError):
        return False
    return True


class kw(dict):
    """Keyword arguments of one call in cached_all: `(fn, 2010, kw(programme_id="juntos"))`."""


def cached(fn, *args, **kwargs):
    """`fn(*args, **kwargs)` through the cache; raises store.engine.StoreMissing when there is no store.

    Arguments must have a faithful repr (numbers, strings, tuples, small dicts): the key is
    built from it. Outside a Flask app (unit tests calling a callback directly) it just calls `fn`."""
    return _cached(fn, args, kwargs)


def _cached(fn, args: tuple, kwargs: dict, identity: str | None = None):
    """cached(), with the store identity when the caller already has it (cached_all asks once)."""
    if identity is None:
        identity = status.store_identity()
    if not _usable():
        return fn(*args, **kwargs)
    key = f"gsb:{fn.__module__}.{fn.__name__}:{identity}:{args!r}"
    if kwargs:
        key += f":{sorted(kwargs.items())!r}"
    value = cache.get(key)
    if value is None:
        value = fn(*args, **kwargs)
        cache.set(key, value)
    return value


def _call(call: tuple, identity: str | None = None):
    if len(call) > 1 and isinstance(call[-1], kw):
        return _cached(call[0], call[1:-1], dict(call[-1]), identity)
    return _cached(call[0], call[1:], {}, identity)


def cached_all(*calls: tuple) -> list:
    """Several `cached(fn, *args)` calls at once, e.g. the four reads of the Resumen page; a call
    may end with `kw(...)` for keyword arguments.

    Each read opens its own store connection; most of their time is spent outside the GIL
    (DuckDB, PostgreSQL), so running them side by side roughly halves a page's first load."""
    if not calls:
        return []
    identity = status.store_identity()     # one look at the store for all the calls
    if len(calls) < 2:
        return [_call(c, identity) for c in calls]
    app = current_app._get_current_object() if has_app_context() else None

    def run(call):
        if app is None:
            return _call(call, identity)
        with app.app_context():
            return _call(call, identity)

    with ThreadPoolExecutor(max_workers=min(4, len(calls))) as pool:
        return list(pool.map(run, calls))

