"""gunicorn settings for `scripts/run.sh` and the first-load test (tests/test_first_load.py).

Workers keep no state (page state is in the URL, data in the store, the cache is keyed by the
store's identity), so more workers, or more machines behind a proxy, serve the same answers.
app.py finishes Dash's setup when a worker imports it, before the worker accepts requests.
"""
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8050')}"
workers = int(os.environ.get("WORKERS", "2"))
worker_class = "gthread"
threads = int(os.environ.get("THREADS", "4"))
timeout = 120
