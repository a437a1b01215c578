"""Whole callback answers are kept (components/response_cache.py): a repeated request is answered
without running the callback, and nothing is kept that could be wrong later (another store
version, a message about the store, an error, an answer built while a publish happened)."""
from __future__ import annotations

import json
import shutil

import pytest
from flask import Flask, jsonify

from components import data, response_cache
from components.response_cache import CALLBACK_PATH
from store import status
from store.errors import StoreUnreachable


@pytest.fixture()
def tiny(monkeypatch, tmp_path):
    """A Flask server with the file cache and the answer cache, and a fake callback endpoint that
    counts its runs; the store identity is whatever `ident[0]` holds (a list, so tests change it)."""
    ident, runs = ["store-v1"], []

    def identity(settings=None):
        if ident[0] is None:
            raise StoreUnreachable("database away")
        return ident[0]
    monkeypatch.setattr(status, "store_identity", identity)
    server = Flask(__name__)
    data.cache.init_app(server, config={"CACHE_TYPE": "FileSystemCache", "CACHE_DIR": str(tmp_path)})
    response_cache.register(server)
    behaviour = {"skip": False, "status": 200, "publish_during": False}

    @server.post(CALLBACK_PATH)
    def callback():
        runs.append(1)
        if behaviour["skip"]:
            response_cache.skip()
        if behaviour["publish_during"]:
            ident[0] = f"store-v{len(runs) + 1}"
        return jsonify(answer=len(runs)), behaviour["status"]

    return server.test_client(), ident, runs, behaviour


def _post(client, body=None):
    r = client.post(CALLBACK_PATH, json=body or {"inputs": [{"id": "x", "value": 1}]})
    return r.status_code, r.get_json()


def test_a_repeated_request_is_answered_without_running_the_callback(tiny):
    client, _, runs, _ = tiny
    assert _post(client) == (200, {"answer": 1})
    assert _post(client) == (200, {"answer": 1})
    assert len(runs) == 1
    assert client.post(CALLBACK_PATH, json={"inputs": [{"id": "x", "value": 1}]}).headers["X-Answer-Cache"] == "hit"
    # another request body (other inputs) is another answer
    assert _post(client, {"inputs": [{"id": "x", "value": 2}]}) == (200, {"answer": 2})
    assert len(runs) == 2


def test_a_new_store_version_is_never_answered_from_the_old(tiny):
    client, ident, runs, _ = tiny
    _post(client)
    ident[0] = "store-v2"                      # a load or classification published
    assert _post(client) == (200, {"answer": 2})
    assert _post(client) == (200, {"answer": 2}) and len(runs) == 2


def test_messages_errors_and_unreachable_stores_are_not_kept(tiny):
    client, ident, runs, behaviour = tiny
    behaviour["skip"] = True                   # components/layout.store_missing, the printed report
    _post(client), _post(client)
    assert len(runs) == 2
    behaviour["skip"], behaviour["status"] = False, 500
    _post(client), _post(client)
    assert len(runs) == 4
    behaviour["status"] = 200
    ident[0] = None                            # the database went away: no key, straight through
    assert _post(client) == (200, {"answer": 5}) and _post(client) == (200, {"answer": 6})
    ident[0] = "store-v1"
    assert _post(client) == (200, {"answer": 7}) and _post(client) == (200, {"answer": 7})


def test_an_answer_built_while_a_publish_happened_is_not_kept(tiny):
    """Its key names the version read before the callback ran, its data may be the newer one:
    a request that looked at the store just before the publish must not get that mix."""
    client, ident, runs, behaviour = tiny
    behaviour["publish_during"] = True
    _post(client)
    behaviour["publish_during"] = False
    assert ident[0] == "store-v2"
    ident[0] = "store-v1"                       # the identity such a request computed
    assert _post(client) == (200, {"answer": 2})     # ran again: the first answer was not kept
    assert _post(client) == (200, {"answer": 2}) and len(runs) == 2


def test_other_requests_pass_straight_through(tiny):
    client, _, runs, _ = tiny
    for _ in range(2):
        assert client.get(CALLBACK_PATH).status_code == 405
    assert runs == []


def test_the_code_fingerprint_follows_the_code(tmp_path):
    root = tmp_path / "copy"
    root.mkdir()
    for part in ("app.py", "components", "pages"):
        src = response_cache.ROOT / part
        (shutil.copy if src.is_file() else shutil.copytree)(src, root / part)
    before = response_cache.code_fingerprint(root)
    assert response_cache.code_fingerprint(root) == before
    page = root / "pages" / "overview.py"
    page.write_text(page.read_text() + "\n# changed\n")
    assert response_cache.code_fingerprint(root) != before


def test_the_app_answers_a_seen_view_from_the_cache(tmp_path_factory):
    """The real app: the second identical callback request does not reach Dash's dispatcher, and
    its answer is byte for byte the first one."""
    from fixtures import build_tiny_store
    d = tmp_path_factory.mktemp("answers")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GSB_DATA_DIR", str(d))
        mp.delenv("DATABASE_URL", raising=False)
        build_tiny_store(d, demo=True)
        import app
        server = app.server
        endpoint = next(r.endpoint for r in server.url_map.iter_rules() if r.rule.endswith(CALLBACK_PATH))
        dispatch, calls = server.view_functions[endpoint], []

        def counting():
            calls.append(1)
            return dispatch()
        mp.setitem(server.view_functions, endpoint, counting)
        client = server.test_client()
        deps = client.get("/_dash-dependencies").get_json()
        router = next(x for x in deps if "_pages_content.children" in x["output"])
        body = {"output": router["output"], "outputs": [{"id": "_pages_content", "property": "children"},
                                                        {"id": "_pages_store", "property": "data"}],
                "inputs": [{"id": "_pages_location", "property": "pathname", "value": "/programas"},
                           {"id": "_pages_location", "property": "search", "value": "?year=2010&nonce=answers"}],
                "changedPropIds": ["_pages_location.pathname"], "state": []}
        first = client.post(CALLBACK_PATH, json=body)
        second = client.post(CALLBACK_PATH, json=body)
        assert first.status_code == second.status_code == 200
        assert "programmes-state" in first.get_data(as_text=True)
        assert second.get_data() == first.get_data()
        assert len(calls) == 1
        assert json.loads(second.get_data())["response"]["_pages_content"]["children"]
