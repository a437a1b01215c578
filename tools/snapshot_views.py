"""Snapshot what the dashboard shows and what the store's read functions return, as one
deterministic JSON file, so a behaviour-preserving refactor (modules moved between packages,
helpers split out, constants relocated) can be checked by running this before and after and
comparing the two files (tools/compare_snapshots.py, or plain `diff`).

    .venv/bin/python tools/snapshot_views.py --out /tmp/snap-before.json
    .venv/bin/python tools/snapshot_views.py --out /tmp/snap-after.json [--store-dir DIR]
    .venv/bin/python tools/compare_snapshots.py /tmp/snap-before.json /tmp/snap-after.json

`--project DIR` snapshots the code of another checkout (e.g. the refactor's worktree) with this
copy of the tool, so both runs use the same grid and normalisation.

What it records:

- `pages`: everything a browser would receive, obtained over HTTP from the Flask test client of
  `app.server` only (no page, component or store module is imported by name, so the snapshot
  survives those modules moving): the index HTML of each page, `/_dash-layout`,
  `/_dash-dependencies`, and for a grid of URLs the page render (Dash's own routing callback,
  which calls the page's `layout(**query)`) plus every callback the browser would fire with
  the inputs taken from the rendered layout: first the initial callbacks (repeated while their
  outputs add components that feed further callbacks), then, on the Spanish views, one
  synthesized user action per interactive input (a bar clicked, a list item picked, a grid row
  clicked, each filter changed), whose response is the URL the page would navigate to.
- `reads`: every public function defined in a `store.*` module, keyed by its name only (so a
  function moved to another `store` module still compares), called with a grid of arguments
  chosen by parameter name (run in a second process, beside the page requests). Functions that
  write, take a connection or dispose of engines are listed under `skipped` instead. Result
  rows are sorted (DuckDB orders an unordered GROUP BY differently from run to run); the
  page renders keep the order of everything shown.

Determinism: the demo store is built fresh into a temporary GSB_DATA_DIR by running
`python -m etl demo` as a subprocess (it loads the reference data too), DuckDB is forced
(DATABASE_URL unset) and the page cache starts empty. Timestamps, temporary paths, DuckDB
version-file names, store identities, publish ids and Dash's per-load tokens and asset
fingerprints are masked; floats are rounded to 6 decimals.
"""
from __future__ import annotations

import argparse
import base64
import dataclasses
import datetime as dt
import decimal
import hashlib
import importlib
import inspect
import itertools
import json
import math
import os
import pkgutil
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

PROJECT_ROOT = Path(__file__).resolve().parents[1]
RULES_FILE = "rules/gender_rules.csv"        # relative to the project root (the working directory)
FLOAT_DIGITS = 6
MAX_CALLS_PER_FUNCTION = 120                  # larger argument grids are thinned deterministically
WRITE_NAMES = re.compile(r"publish|write|upgrade|insert|migrate|dispose")
CONNECTION_PARAMS = {"conn", "connection", "transaction", "engine"}
LEVELS = ["all", "E", "R", "M"]
LANGS = ["es", "en"]


# ---------------------------------------------------------------- normalisation

MASK_PATTERNS = (
    # the store identity: duckdb:<path>:<inode>:<mtime_ns>:<size>
    (re.compile(r"(duckdb:[^\s:'\"]+):\d+:\d+:\d+"), r"\1:<inode>:<mtime>:<size>"),
    (re.compile(r"\.store\.duckdb\.v[0-9a-f]{12}"), ".store.duckdb.v<version>"),
    (re.compile(r"\.store\.duckdb\.link-[0-9a-f]{8}"), ".store.duckdb.link-<id>"),
    (re.compile(r"\b[0-9a-f]{32}\b"), "<uuid>"),                        # publish_id (uuid4().hex)
    (re.compile(r"\b0x[0-9a-fA-F]{6,}\b"), "0x<address>"),
    # "now" timestamps (load history, rule-set versions): keep the format, mask the digits
    (re.compile(r"\b\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?\b"),
     lambda m: re.sub(r"\d", "9", m.group(0))),
)


class Masks:
    """Text replacements that remove what differs between two runs on the same code."""

    def __init__(self):
        self.paths: list[tuple[str, str]] = []

    def add_path(self, path: Path | str, token: str) -> None:
        for p in {str(path), os.path.realpath(path)}:
            if p and (p, token) not in self.paths:
                self.paths.append((p, token))
        self.paths.sort(key=lambda x: -len(x[0]))        # longest first: nested temp folders

    def text(self, s: str) -> str:
        for p, token in self.paths:
            if p in s:
                s = s.replace(p, token)
        for rx, repl in MASK_PATTERNS:
            s = rx.sub(repl, s)
        return s


MASKS = Masks()


def _float(x: float):
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return round(x, FLOAT_DIGITS)


def _typed_array(obj: dict):
    """plotly's base64 typed arrays ({"dtype": "f8", "bdata": ...}) as plain rounded lists."""
    import numpy as np
    arr = np.frombuffer(base64.b64decode(obj["bdata"]), dtype=np.dtype(obj["dtype"]))
    if "shape" in obj:
        shape = obj["shape"]
        arr = arr.reshape([int(n) for n in str(shape).split(",")] if isinstance(shape, str) else shape)
    return {"__typed_array__": obj["dtype"], "values": norm(arr.tolist())}


def norm(obj):
    """A JSON-ready, deterministic version of `obj` (store results, Dash responses)."""
    import numpy as np
    import pandas as pd
    if obj is None or isinstance(obj, (bool, np.bool_)):
        return None if obj is None else bool(obj)
    if isinstance(obj, (int, np.integer)):
        return int(obj)
    if isinstance(obj, (float, np.floating)):
        return _float(float(obj))
    if isinstance(obj, str):
        return MASKS.text(obj)
    if isinstance(obj, decimal.Decimal):
        return f"Decimal({obj})"
    if isinstance(obj, dict):
        if set(obj) >= {"dtype", "bdata"} and isinstance(obj.get("bdata"), str):
            return _typed_array(obj)
        return {MASKS.text(str(k)): norm(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [norm(v) for v in obj]
    if isinstance(obj, (set, frozenset)):
        return {"__set__": sorted((norm(v) for v in obj), key=_sort_key)}
    if isinstance(obj, pd.DataFrame):
        return _frame(obj)
    if isinstance(obj, pd.Series):
        return {"__series__": str(obj.dtype), "name": norm(obj.name), "index": norm(list(obj.index)),
                "values": norm(obj.tolist())}
    if isinstance(obj, np.ndarray):
        return {"__ndarray__": str(obj.dtype), "values": norm(obj.tolist())}
    if obj is pd.NaT:
        return "NaT"
    if isinstance(obj, (pd.Timestamp, dt.datetime, dt.date, dt.time)):
        return f"<{type(obj).__name__}>"                # load times: never the same twice
    if isinstance(obj, Path):
        return f"Path({MASKS.text(str(obj))})"
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {"__dataclass__": type(obj).__name__,
                **{f.name: norm(getattr(obj, f.name)) for f in dataclasses.fields(obj)}}
    return _other(obj)


def _other(obj):
    import sqlalchemy as sa
    if isinstance(obj, sa.Engine):
        return {"__engine__": MASKS.text(obj.url.render_as_string(hide_password=True))}
    if isinstance(obj, (sa.sql.Select, sa.sql.Subquery)):
        return _selectable(obj)
    return {"__object__": type(obj).__name__, "repr": MASKS.text(repr(obj))}


def _sort_key(v) -> str:
    return json.dumps(v, sort_keys=True, ensure_ascii=False)


def _frame(df) -> dict:
    """Columns in order with their dtypes, rows as records, sorted: row order is not recorded,
    since DuckDB returns an unordered GROUP BY in a different order from run to run (the page
    renders keep the order of everything they show). A non-default index is kept."""
    import pandas as pd
    cols = [str(c) for c in df.columns]
    records = [{str(k): norm(v) for k, v in zip(cols, row)} for row in df.itertuples(index=False, name=None)]
    out = {"__frame__": len(df), "columns": cols, "dtypes": {c: str(t) for c, t in zip(cols, df.dtypes)},
           "rows": sorted(records, key=_sort_key)}
    if not (isinstance(df.index, pd.RangeIndex) and df.index.start == 0 and df.index.step == 1):
        out["index"] = norm(list(df.index))
    return out


def _selectable(stmt) -> dict:
    """A SQLAlchemy statement a read function returns: its SQL and the rows it selects."""
    import sqlalchemy as sa
    query = sa.select(stmt) if isinstance(stmt, sa.sql.Subquery) else stmt
    out = {"__sql__": MASKS.text(str(stmt))}
    try:
        with ENGINE.connect() as conn:
            result = conn.execute(query)
            cols = list(result.keys())
            rows = [{c: norm(v) for c, v in zip(cols, r)} for r in result.fetchall()]
        out.update(columns=cols, rows=sorted(rows, key=_sort_key))
    except Exception as exc:  # noqa: BLE001 - recorded, not raised
        out["error"] = _error(exc)
    return out


def _error(exc: BaseException) -> dict:
    return {"__error__": type(exc).__name__, "message": MASKS.text(str(exc))}


ENGINE = None     # a read-only engine on the snapshot's store, for statements read functions return


# ---------------------------------------------------------------- the store

def build_store(work: Path, store_dir: Path | None, env: dict) -> Path:
    """The data folder to snapshot: a fresh demo build, or a copy of --store-dir (without its page
    cache, so nothing computed by other code is served), always at the same kind of path."""
    data = work / "data"
    if store_dir is None:
        build = work / "build"
        t0 = time.perf_counter()
        r = subprocess.run([sys.executable, "-m", "etl", "demo", "--quiet"], cwd=PROJECT_ROOT,
                           env={**env, "GSB_DATA_DIR": str(build)}, capture_output=True, text=True, check=False)
        if r.returncode != 0:
            sys.exit(f"`python -m etl demo` failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
        log(f"built the demo store in {time.perf_counter() - t0:.0f} s (etl demo loads the reference data too)")
        source = build
    else:
        source = store_dir.resolve()
        if not (source / "store.duckdb").exists():
            sys.exit(f"no store.duckdb in {source}")
    MASKS.add_path(source, "<store_dir>")
    shutil.copytree(source, data, symlinks=True,
                    ignore=shutil.ignore_patterns("cache", "demo-files", "*.lock", "benchmark-*"))
    if store_dir is None:
        shutil.rmtree(work / "build", ignore_errors=True)
    return data


class Grid:
    """Argument values taken from the store itself (plain SQL on the DuckDB file, so they do not
    depend on any read function): years, programmes, a drill path, network programmes."""

    def __init__(self, store_file: str):
        import duckdb
        con = duckdb.connect(store_file, read_only=True)
        try:
            def q(sql: str, *params) -> list[tuple]:
                return con.execute(sql, list(params)).fetchall()

            self.years = [int(r[0]) for r in q("SELECT DISTINCT fiscal_year FROM budget_line ORDER BY 1")]
            latest = self.years[-1]
            self.programmes = [r[0] for r in q(
                "SELECT programa FROM budget_line WHERE fiscal_year = ? GROUP BY 1 ORDER BY sum(pim) DESC, 1 "
                "LIMIT 3", latest)]
            # PpR programmes (not 9xxx) drill deeper and more interestingly
            ppr = [r[0] for r in q("SELECT programa FROM budget_line WHERE fiscal_year = ? AND programa NOT LIKE '9%' "
                                   "AND programa <> '' GROUP BY 1 ORDER BY sum(pim) DESC, 1 LIMIT 2", latest)]
            self.drill = self._drill_path(q, latest, ppr[0])
            self.second_programme = ppr[1] if len(ppr) > 1 else self.programmes[-1]
            self.department = q("SELECT departamento_meta FROM budget_line WHERE fiscal_year = ? GROUP BY 1 "
                                "ORDER BY sum(pim) DESC, 1 LIMIT 1", latest)[0][0]
            self.network = [r[0] for r in q("SELECT id FROM programme ORDER BY position")]
            # network programmes with budget links and a headline unit: the money section is drawn
            linked = [r[0] for r in q(
                "SELECT p.id FROM programme p WHERE p.headline_unit IS NOT NULL AND EXISTS "
                "(SELECT 1 FROM programme_budget_link l WHERE l.programme_id = p.id) ORDER BY p.position")]
            unlinked = [r[0] for r in q(
                "SELECT p.id FROM programme p WHERE NOT EXISTS "
                "(SELECT 1 FROM programme_budget_link l WHERE l.programme_id = p.id) ORDER BY p.position")]
            self.network_focus = linked[:3] + unlinked[:1]
            self.rule_set_ids = [int(r[0]) for r in q("SELECT id FROM gender_rule_set ORDER BY id")]
        finally:
            con.close()

    @staticmethod
    def _drill_path(q, year: int, programme: str) -> list[str]:
        """programa -> its largest producto/proyecto -> actividad -> unidad ejecutora."""
        cols = ["programa", "producto_proyecto", "actividad", "sec_ejec"]
        path = [programme]
        for col in cols[1:]:
            where = " AND ".join(f"{c} = ?" for c in cols[:len(path)])
            row = q(f"SELECT {col} FROM budget_line WHERE fiscal_year = ? AND {where} GROUP BY 1 "
                    f"ORDER BY sum(pim) DESC, 1 LIMIT 1", year, *path)
            if not row:
                break
            path.append(row[0][0])
        return path

    def describe(self) -> dict:
        return {k: v for k, v in vars(self).items()}


# ---------------------------------------------------------------- pages over HTTP

def search(*pairs) -> str:
    kept = [(k, v) for k, v in pairs if v is not None]
    return "?" + urlencode(kept) if kept else ""


def page_views(g: Grid, registered: list[str]) -> list[str]:
    """The URLs rendered: the global keys crossed on every page, each page's own keys on a
    smaller global grid, and some malformed values (pages must fall back to defaults). A
    registered page this grid does not know gets the global keys."""
    views = []
    everything = list(itertools.product(g.years, LEVELS, LANGS))
    for path in registered:
        if path not in ("/", "/genero", "/programas", "/regiones", "/red", "/datos"):
            views += [path + search(("year", y), ("level", lv), ("lang", lang)) for y, lv, lang in everything]
    some = [(y, lv, lang) for y, lv, lang in everything if lv in ("all", "R") and y in (g.years[0], g.years[-1])]
    for y, lv, lang in everything:
        for path in ("/", "/genero"):
            views.append(path + search(("year", y), ("level", lv), ("lang", lang)))
    drill = g.drill
    paths = [None, drill[0], g.second_programme, ".".join(drill[:2]), ".".join(drill[:3])]
    for (y, lv, lang), p in itertools.product(everything, paths):
        if p in (None, drill[0]) or lv in ("all", "R"):
            views.append("/programas" + search(("year", y), ("level", lv), ("lang", lang), ("path", p)))
    for (y, lv, lang), metric, prog in itertools.product(some, ("devengado", "pim", "avance"),
                                                         (None, g.programmes[0], g.second_programme)):
        views.append("/regiones" + search(("year", y), ("level", lv), ("lang", lang), ("programme", prog),
                                          ("metric", metric)))
    for y, lv, lang in everything:
        if lv == "all":
            views.append("/regiones" + search(("year", y), ("level", lv), ("lang", lang)))
    # Red: every programme once per language, the focus ones on the full money grid
    for pid, lang in itertools.product(g.network, LANGS):
        views.append("/red" + search(("year", g.years[-1]), ("lang", lang), ("programa_red", pid)))
    for pid, y, lang in itertools.product(g.network_focus, g.years, LANGS):
        views.append("/red" + search(("year", y), ("lang", lang), ("programa_red", pid)))
    for pid, ind, prices, lang in itertools.product(g.network_focus, ("habitante", "mujer"), ("nominal", "real"),
                                                    LANGS):
        views.append("/red" + search(("year", g.years[1]), ("lang", lang), ("programa_red", pid),
                                     ("indicador", ind), ("precios", prices)))
    for cat, lang in itertools.product(("all", "protective", "preventive", "promotive", "transformative"), LANGS):
        views.append("/red" + search(("year", g.years[0]), ("lang", lang), ("categoria", cat)))
    for lang in LANGS:
        views.append("/datos" + search(("lang", lang)))
        views.append("/datos" + search(("year", g.years[0]), ("level", "R"), ("lang", lang)))
    views += [
        "/", "/programas", "/regiones", "/genero", "/red", "/datos",
        "/?year=1900&level=X&lang=de", "/genero?year=abc&level=&lang=EN",
        "/programas" + search(("path", ".".join([*drill, "999"]))),
        "/programas" + search(("path", "9999.1.2")), "/programas?path=all",
        "/regiones?programme=zzz&metric=bad", "/regiones?programme=all&metric=avance",
        "/red?programa_red=no_such_programme", "/red?programa_red=Bad-Id!&indicador=x&precios=y&categoria=z",
        "/no-such-page", "/no-such-page?lang=en",
    ]
    return list(dict.fromkeys(views))


def _id_key(cid) -> str:
    """Dash's string form of a component id (dict ids: JSON with sorted keys, no spaces)."""
    return json.dumps(cid, sort_keys=True, separators=(",", ":")) if isinstance(cid, dict) else str(cid)


def _walk(tree, found: dict) -> None:
    """Every component with an id in a serialised layout: id key -> (id, type, props)."""
    if isinstance(tree, list):
        for x in tree:
            _walk(x, found)
    elif isinstance(tree, dict):
        if "props" in tree and "type" in tree and "namespace" in tree:
            props = tree["props"] or {}
            if "id" in props:
                found[_id_key(props["id"])] = {"id": props["id"], "type": tree["type"], "props": dict(props)}
            for v in props.values():
                _walk(v, found)
        else:
            for v in tree.values():
                _walk(v, found)


def _parse_outputs(output: str) -> list[tuple[str, str]]:
    """'..a.b...c.d@hash..' or 'a.b' -> [(id, prop)] (prop without the allow_duplicate hash)."""
    parts = output[2:-2].split("...") if output.startswith("..") else [output]
    out = []
    for p in parts:
        cid, prop = p.rsplit(".", 1)
        out.append((cid, prop.split("@", 1)[0]))
    return out


def _label(outputs: list[tuple[str, str]]) -> str:
    return ",".join(f"{c}.{p}" for c, p in outputs)


def _is_wildcard(cid) -> bool:
    return isinstance(cid, dict) and any(isinstance(v, list) for v in cid.values())


def _matches(pattern: dict, cid) -> bool:
    if not isinstance(cid, dict) or set(cid) != set(pattern):
        return False
    return all(isinstance(v, list) or cid[k] == v for k, v in pattern.items())


class Browser:
    """Plays what dash-renderer does for one URL, through the Flask test client."""

    def __init__(self, client, deps: list[dict], shell: dict):
        self.client = client
        self.callbacks = sorted((d for d in deps if not d.get("clientside_function") and not d.get("hidden")),
                                key=lambda d: (_label(_parse_outputs(d["output"])), _sort_key(d["inputs"]),
                                               _sort_key(d["state"])))
        self.router = next(d for d in deps if d.get("hidden") and "_pages_content" in d["output"])
        self.shell = shell
        self.requests = 0

    def post(self, dep: dict, inputs: list, state: list, changed: list[str]):
        outputs = [{"id": json.loads(c) if c.startswith("{") else c, "property": p}
                   for c, p in _parse_outputs(dep["output"])]
        body = {"output": dep["output"], "outputs": outputs if dep["output"].startswith("..") else outputs[0],
                "inputs": inputs, "state": state, "changedPropIds": changed}
        self.requests += 1
        r = self.client.post("/_dash-update-component", json=body)
        if r.status_code == 204:
            return 204, None
        text = r.get_data(as_text=True)
        try:
            data = json.loads(text)
        except ValueError:
            data = text
        return r.status_code, data

    def _values(self, specs: list[dict], comps: dict) -> list | None:
        """Input or State values from the components on the page; None when one is absent."""
        vals = []
        for s in specs:
            cid = json.loads(s["id"]) if s["id"].startswith("{") else s["id"]
            if _is_wildcard(cid):
                vals.append([{"id": c["id"], "property": s["property"], "value": c["props"].get(s["property"])}
                             for _, c in sorted(comps.items()) if _matches(cid, c["id"])])
            elif s["id"] in comps:
                vals.append({"id": cid, "property": s["property"], "value": comps[s["id"]]["props"].get(s["property"])})
            else:
                return None
        return vals

    @staticmethod
    def _apply(data, comps: dict) -> None:
        """A callback's response written into the page, new components registered."""
        if not isinstance(data, dict):
            return
        for key, props in (data.get("response") or {}).items():
            if key in comps:
                comps[key]["props"].update(props)
            for v in props.values():
                _walk(v, comps)

    def visit(self, url: str, events: bool = True) -> dict:
        pathname, _, query = url.partition("?")
        query = "?" + query if query else ""
        records = {}
        status, data = self.post(self.router, [
            {"id": "_pages_location", "property": "pathname", "value": pathname},
            {"id": "_pages_location", "property": "search", "value": query}], [],
            ["_pages_location.pathname"])
        records["render"] = {"status": status, "body": norm(data)}
        comps: dict = {}
        _walk(self.shell, comps)
        for loc in ("shell-url", "_pages_location"):
            if loc in comps:
                comps[loc]["props"].update(pathname=pathname, search=query)
        content = ((data or {}).get("response") or {}).get("_pages_content", {}) if isinstance(data, dict) else {}
        _walk(content.get("children"), comps)

        fired: set[str] = set()
        progress = True
        while progress:                         # initial callbacks, until no new one can fire
            progress = False
            for dep in self.callbacks:
                if dep["output"] in fired or dep.get("prevent_initial_call"):
                    continue
                inputs = self._values(dep["inputs"], comps)
                state = self._values(dep["state"], comps)
                if inputs is None or state is None or any(isinstance(v, list) and not v for v in inputs):
                    continue
                fired.add(dep["output"])
                progress = True
                changed = [f"{s['id']}.{s['property']}" for s in dep["inputs"] if not s["id"].startswith("{")]
                status, body = self.post(dep, inputs, state, changed)
                records[f"callback {_label(_parse_outputs(dep['output']))}"] = {"status": status, "body": norm(body)}
                self._apply(body, comps)

        for dep in self.callbacks:              # then one synthesized user action per input
            if not events or not dep.get("prevent_initial_call"):
                continue
            inputs = self._values(dep["inputs"], comps)
            state = self._values(dep["state"], comps)
            if inputs is None or state is None:
                continue
            for i, spec in enumerate(dep["inputs"]):
                for trigger, value, label in self._events(spec, inputs[i], comps):
                    changed_inputs = list(inputs)
                    changed_inputs[i] = value
                    status, body = self.post(dep, changed_inputs, state, [trigger])
                    key = f"event {_label(_parse_outputs(dep['output']))} <- {label}"
                    while key in records:           # the same action reached twice: keep both
                        key += " (again)"
                    records[key] = {"status": status, "body": norm(body)}
        return records

    def _events(self, spec: dict, current, comps: dict):
        """(changedPropId, new input value, label) for the user actions on one input."""
        prop = spec["property"]
        if isinstance(current, list):               # pattern-matching input: each filter changed in turn
            for n, item in enumerate(current):
                comp = comps[_id_key(item["id"])]
                alt = next((o for o in _option_values(comp["props"].get("options")) if o != item["value"]), None)
                if alt is None:
                    continue
                changed = [dict(x) for x in current]
                changed[n] = {**item, "value": alt}
                yield f"{_id_key(item['id'])}.{prop}", changed, f"{_id_key(item['id'])}.{prop}={alt}"
            return
        comp = comps[spec["id"]]
        trigger = f"{spec['id']}.{prop}"
        if prop == "clickData":
            point = _first_point(comp["props"].get("figure"))
            yield trigger, {**current, "value": {"points": [point]} if point else None}, \
                f"{trigger}={json.dumps(point, sort_keys=True) if point else None}"
        elif prop == "value":
            for alt in _option_values(comp["props"].get("options"))[:2]:
                yield trigger, {**current, "value": alt}, f"{trigger}={alt}"
        elif prop == "cellClicked":
            field = re.search(r"params\.data(?:\[['\"](\w+)['\"]\]|\.(\w+))", comp["props"].get("getRowId") or "")
            rows = comp["props"].get("rowData") or []
            for row in rows[:2]:
                row_id = str(row.get(field.group(1) or field.group(2))) if field else str(rows.index(row))
                value = {"rowId": row_id, "rowIndex": rows.index(row), "colId": "name", "value": row.get("name"),
                         "timestamp": 0}
                yield trigger, {**current, "value": value}, f"{trigger}.rowId={row_id}"


def _option_values(options) -> list:
    if isinstance(options, dict):
        return list(options)
    return [o.get("value") if isinstance(o, dict) else o for o in options or []]


def _first_point(figure) -> dict | None:
    """The first bar/point of a figure, as plotly's clickData reports it."""
    for n, trace in enumerate((figure or {}).get("data") or []):
        for field in ("customdata", "x", "locations"):
            values = trace.get(field)
            if isinstance(values, dict) and "bdata" in values:
                values = _typed_array(values)["values"]
            if values:
                return {"curveNumber": n, "pointNumber": 0, "pointIndex": 0, field: values[0],
                        **({"customdata": values[0]} if field != "customdata" else {})}
    return None


def snapshot_pages(app, g: Grid) -> tuple[dict, int, int]:
    client = app.server.test_client()
    pages: dict[str, dict] = {}
    paths = sorted({p["relative_path"] for p in _page_registry().values()})
    for path in paths + ["/no-such-page"]:            # the index HTML (first request registers the router)
        r = client.get(path)
        pages[f"GET {path}"] = {"status": r.status_code, "body": _html(r.get_data(as_text=True))}
    r = client.get("/_dash-layout")
    shell = r.get_json()
    pages["GET /_dash-layout"] = {"status": r.status_code, "body": norm(shell)}
    deps = client.get("/_dash-dependencies").get_json()
    pages["GET /_dash-dependencies"] = {"status": 200, "body": _deps(deps)}
    browser = Browser(client, deps, shell)
    renders = 0
    views = page_views(g, paths)
    t0 = time.perf_counter()
    for n, url in enumerate(views, 1):
        # user actions only write the URL: played on the Spanish views, enough to cover them
        for label, rec in browser.visit(url, events="lang=en" not in url).items():
            pages[f"{url} || {label}"] = rec
        renders += 1
        if n % 100 == 0:
            log(f"  pages: {n}/{len(views)} URLs, {browser.requests} requests, {time.perf_counter() - t0:.0f} s")
    return pages, renders, browser.requests - renders


def _page_registry() -> dict:
    import dash
    return dash.page_registry


def _html(text: str) -> list[str]:
    """The index page, line by line (so a difference shows as lines), per-load token and file
    fingerprints masked."""
    text = re.sub(r'"end_id":"[^"]*"', '"end_id":"<end_id>"', text)
    text = re.sub(r"\?m=[0-9.]+", "?m=<mtime>", text)
    text = re.sub(r"(\.v[0-9A-Za-z_]+?)m\d{9,}\.", r"\1m<mtime>.", text)     # Dash's file fingerprints
    return MASKS.text(text).splitlines()


def _deps(deps: list[dict]) -> list:
    """The callback graph, without allow_duplicate hashes, sorted (registration order follows
    import order, which a refactor may change)."""
    out = []
    for d in deps:
        d = dict(d)
        d["output"] = re.sub(r"@[0-9a-f]{16,}", "", d["output"])
        out.append(norm(d))
    return sorted(out, key=_sort_key)


# ---------------------------------------------------------------- store reads

def store_functions() -> tuple[dict, dict]:
    """Public functions defined in any store.* module, by name; and name -> why skipped."""
    import store
    found: dict[str, object] = {}
    modules = sorted(m.name for m in pkgutil.walk_packages(store.__path__, "store."))
    for name in modules:
        mod = importlib.import_module(name)
        for attr, obj in sorted(vars(mod).items()):
            if attr.startswith("_") or not inspect.isfunction(inspect.unwrap(obj)):
                continue
            if not str(getattr(obj, "__module__", "")).startswith("store."):
                continue
            key = obj.__name__
            if key in found and found[key] is not obj:
                log(f"warning: two store functions named {key}: {found[key].__module__} and {obj.__module__}")
                key = f"{key}#{obj.__module__}"
            found.setdefault(key, obj)
    functions, skipped = {}, {}
    for key, fn in sorted(found.items()):
        params = inspect.signature(fn).parameters
        if WRITE_NAMES.search(key):
            skipped[key] = "writes or disposes (by name)"
        elif CONNECTION_PARAMS & set(params):
            skipped[key] = "takes a connection"
        else:
            functions[key] = fn
    return functions, skipped


def param_grid(g: Grid) -> dict:
    """Parameter name -> (values crossed with the other parameters, edge values tried once each
    with the other parameters at their first value)."""
    import pandas as pd
    drill = g.drill
    plain_filters = [None, {"nivel": "R"}, {"nivel": ["E", "M"]}, {"departamento": g.department},
                     {"programa": g.programmes[0]}]
    return {
        "year": (g.years, [g.years[-1] + 1]),             # and a year without budget lines
        "base_year": ([None, 2009], []),
        "level": (LEVELS, ["X"]),
        "lang": (LANGS, ["fr"]),
        "path": ([(), tuple(drill[:1]), tuple(drill[:2]), tuple(drill[:3]), (g.second_programme,)],
                 [tuple(drill[:4]), list(drill[:2]), ("9999",)]),
        "programa": ([None, g.programmes[0], g.second_programme], []),
        "programme_id": (g.network, ["no_such_programme"]),
        "by": (list(GROUP_KEYS), ["categoria_genero", "bogus"]),
        "dimension": (list(GROUP_COLUMNS), ["bogus"]),
        "filters": (plain_filters, [{}, {"bogus": "1"}]),
        "source": (["gasto", "consulta"], []),
        "include_successors": ([False, True], []),
        "by_department": ([False, True], []),
        "by_programme": ([False, True], []),
        "unit": ([None, "all"], ["households"]),
        "amount": ([1.0, 1234567.89], [None]),
        "rule_set_id": ([None, *g.rule_set_ids], [999]),
        "old": ([None, *g.rule_set_ids[:1], RULES_FILE], []),
        "new": ([None, *g.rule_set_ids[-1:], RULES_FILE], []),
        "frame": ([pd.DataFrame({"fiscal_year": [2008, 2009, 2010, 2040],
                                 "pia": [100.0, 200.5, None, 7.0], "pim": [110.0, 210.0, 330.0, 8.0],
                                 "devengado": [90.0, 199.99, 300.0, None]})], []),
        "mapping": ([{"a": ("Uno", "One"), "b": ("Dos", "Dos")}], []),
        "key": (["a", "b", "zzz"], []),
        "row": ([{}, {"rule_programa": "0002"},
                 {"rule_programa": "0002", "rule_sec_ejec_name": "JUNTOS", "rule_actividad": None},
                 {"rule_pliego": "011", "rule_funcion": "", "rule_producto_proyecto_name": "MATERN",
                  "rule_sec_ejec": "0001"}], []),
    }


# The user-facing group names (store.read.GROUPS) and their fact columns, written out here so
# the grid does not depend on where the constant lives.
GROUP_KEYS = ("programa", "departamento", "nivel", "sector", "pliego", "ejecutora", "producto", "actividad",
              "funcion", "fuente", "generica")
GROUP_COLUMNS = ("programa", "departamento_meta", "nivel_gobierno", "sector", "pliego", "sec_ejec",
                 "producto_proyecto", "actividad", "funcion", "fuente_financiamiento", "generica")
GENDER_FILTERS = [{"categoria_genero": "especifico"}, {"marcador_genero": ["1", "2"], "nivel": "E"},
                  {"categoria_genero": "sin_revisar", "departamento": "15"}]
# Where one parameter name means different things in different functions (by function name,
# which a move between modules keeps).
OVERRIDES = {
    "gender_totals": {"by": (["categoria_genero", "marcador_genero"], ["programa"]),
                      "filters": (lambda base: (base[0] + GENDER_FILTERS, base[1]))},
    "gender_summary": {"filters": (lambda base: (base[0] + GENDER_FILTERS, base[1]))},
    "to_real_soles": {"base_year": ([2009, 2011], [1900])},
    "real_series": {"base_year": ([2009], [1900])},
}


def _arg_repr(v) -> str:
    import pandas as pd
    if isinstance(v, pd.DataFrame):
        return f"<frame {len(v)}x{len(v.columns)}>"
    return repr(v)


def call_grid(fn, grid: dict) -> tuple[list[dict], str | None]:
    """Keyword-argument sets for `fn`: the product of the parameters' values, plus each edge value
    once with the others at their first value. Parameters without grid values keep their
    defaults; a default not in the grid is added; None is dropped for a required parameter whose
    annotation does not allow it."""
    names, values, edges = [], [], []
    overrides = OVERRIDES.get(fn.__name__, {})
    for p in inspect.signature(fn).parameters.values():
        if p.name == "settings" or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if p.name in grid:
            vals, edge = grid[p.name]
            if p.name in overrides:
                o = overrides[p.name]
                vals, edge = o((vals, edge)) if callable(o) else o
            vals, edge = list(vals), list(edge)
            if p.default is p.empty and "None" not in str(p.annotation):
                vals = [v for v in vals if v is not None]
            if p.default is not p.empty and not any(_same(p.default, v) for v in vals + edge):
                vals.append(p.default)
            names.append(p.name)
            values.append(vals)
            edges.append(edge)
        elif p.default is p.empty:
            return [], f"no values for required parameter {p.name!r}"
    combos = [dict(zip(names, c)) for c in itertools.product(*values)]
    if len(combos) > MAX_CALLS_PER_FUNCTION:       # thinned by a hash of the arguments: stable, well mixed
        combos = sorted(combos, key=lambda kw: hashlib.sha256(_call_key(fn.__name__, kw).encode()).hexdigest())
        combos = sorted(combos[:MAX_CALLS_PER_FUNCTION], key=lambda kw: _call_key(fn.__name__, kw))
    base = {n: v[0] for n, v in zip(names, values) if v}
    for n, edge in zip(names, edges):
        combos += [{**base, n: e} for e in edge]
    return combos, None


def _same(a, b) -> bool:
    try:
        return type(a) is type(b) and bool(a == b)
    except (TypeError, ValueError):
        return False


def _call_key(name: str, kwargs: dict) -> str:
    return f"{name}({', '.join(f'{k}={_arg_repr(v)}' for k, v in kwargs.items())})"


def snapshot_reads(g: Grid) -> tuple[dict, dict]:
    functions, skipped = store_functions()
    grid = param_grid(g)
    reads: dict[str, object] = {}
    t0 = time.perf_counter()
    for name, fn in functions.items():
        combos, why = call_grid(fn, grid)
        if why:
            skipped[name] = why
            continue
        t1 = time.perf_counter()
        for kwargs in combos:
            try:
                result = norm(fn(**kwargs))
            except Exception as exc:  # noqa: BLE001 - an error is a result too
                result = _error(exc)
            reads[_call_key(name, kwargs)] = result
        if os.environ.get("SNAPSHOT_TIMINGS"):
            log(f"    {name}: {len(combos)} calls, {time.perf_counter() - t1:.1f} s")
    log(f"  reads: {len(reads)} calls of {len(functions)} functions in {time.perf_counter() - t0:.0f} s")
    return reads, skipped


# ---------------------------------------------------------------- main

def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _reads_child(part: Path) -> int:
    """The reads, in a second process started by main (same store, same masks), so they run
    beside the page requests on another core."""
    for p, token in json.loads(os.environ["SNAPSHOT_MASKS"]):
        MASKS.add_path(p, token)
    _open_engine()
    reads, skipped = snapshot_reads(Grid(_store_file()))
    ENGINE.dispose()
    part.write_text(json.dumps({"reads": reads, "skipped": skipped}, ensure_ascii=False, allow_nan=False),
                    encoding="utf-8")
    return 0


def _store_file() -> str:
    return os.path.realpath(Path(os.environ["GSB_DATA_DIR"]) / "store.duckdb")


def _open_engine() -> None:
    import sqlalchemy as sa
    global ENGINE
    ENGINE = sa.create_engine(f"duckdb:///{_store_file()}", connect_args={"read_only": True})


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", type=Path, help="the JSON file to write")
    p.add_argument("--store-dir", type=Path,
                   help="a GSB_DATA_DIR holding a built store to use (copied; default: build the demo store)")
    p.add_argument("--project", type=Path,
                   help="the checkout whose code to snapshot (default: the one holding this tool), e.g. "
                        "another worktree that does not have the tool")
    p.add_argument("--only", choices=["pages", "reads"], help="one section only (while debugging the tool)")
    p.add_argument("--reads-child", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    global PROJECT_ROOT
    if args.project is not None:
        PROJECT_ROOT = args.project.resolve()
        if not (PROJECT_ROOT / "app.py").exists() or not (PROJECT_ROOT / "store").is_dir():
            p.error(f"{PROJECT_ROOT} is not a checkout of this project (no app.py / store/)")
    os.chdir(PROJECT_ROOT)
    sys.path.insert(0, str(PROJECT_ROOT))
    if args.reads_child:
        return _reads_child(args.reads_child)
    if args.out is None:
        p.error("--out is required")
    out = args.out.resolve()
    started = time.perf_counter()

    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    os.environ.pop("DATABASE_URL", None)
    work = Path(tempfile.mkdtemp(prefix="gsb-snapshot-"))
    MASKS.add_path(work, "<tmp>")
    MASKS.add_path(PROJECT_ROOT, "<project>")
    child = None
    try:
        data = build_store(work, args.store_dir, env)
        MASKS.add_path(data, "<data_dir>")
        os.environ["GSB_DATA_DIR"] = str(data)
        grid = Grid(_store_file())
        part = work / "reads.json"
        if args.only != "pages":
            child = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--reads-child", str(part),
                                      "--project", str(PROJECT_ROOT)],
                                     cwd=PROJECT_ROOT, env={**env, "GSB_DATA_DIR": str(data),
                                                             "SNAPSHOT_MASKS": json.dumps(MASKS.paths)})
        pages, renders, callbacks = {}, 0, 0
        if args.only != "reads":
            _open_engine()
            app = importlib.import_module("app")          # registers the pages and every callback
            pages, renders, callbacks = snapshot_pages(app.app, grid)
            ENGINE.dispose()
        reads, skipped = {}, {}
        if child is not None:
            if child.wait() != 0:
                sys.exit(f"the reads process failed ({child.returncode})")
            child = None
            part_data = json.loads(part.read_text(encoding="utf-8"))
            reads, skipped = part_data["reads"], part_data["skipped"]
        snapshot = {"meta": {"grid": norm(grid.describe()), "float_digits": FLOAT_DIGITS,
                             "max_calls_per_function": MAX_CALLS_PER_FUNCTION},
                    "pages": pages, "reads": reads, "skipped": skipped}
        out.parent.mkdir(parents=True, exist_ok=True)
        with open(out, "w", encoding="utf-8") as fh:
            json.dump(snapshot, fh, sort_keys=True, indent=1, ensure_ascii=False, allow_nan=False)
            fh.write("\n")
    finally:
        if child is not None:
            child.kill()
            child.wait()
        shutil.rmtree(work, ignore_errors=True)
    print(f"{renders} page renders, {callbacks} callback outputs, {len(reads)} read calls "
          f"({len(skipped)} functions skipped) -> {out} in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
