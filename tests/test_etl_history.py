"""load_history rows the curated loads write: one per load, earlier loads retired."""
from __future__ import annotations

from network_data import programmes, seed_fixture, write_yaml

from etl.network import load_network
from store.read import load_history_frame


def test_programmes_yaml_is_recorded_by_the_seed_and_by_a_reload(store, tmp_path):
    seed_fixture(store, tmp_path / "fx")
    data = programmes()
    data["programmes"][0]["name_en"] += " (renamed)"
    r = load_network(write_yaml(tmp_path / "programmes.yaml", data), settings=store)
    assert r.status == "loaded", r.message
    n = len(data["programmes"])
    h = load_history_frame(store)
    h = h[h["format"] == "network"].sort_values("id")
    got = h[["status", "file_name", "rows_read", "rows_loaded", "rows_rejected", "is_demo", "message"]]
    assert [tuple(x) for x in got.itertuples(index=False)] == [
        ("replaced", "programmes.yaml", n, n, 0, False, f"{n} programmes"),
        ("loaded", "programmes.yaml", n, n, 0, False, f"{n} programmes")]
    assert h["id"].iloc[-1] == r.load_id
