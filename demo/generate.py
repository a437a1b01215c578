"""DEMONSTRATION data in the format of MEF's open-data "Presupuesto y Ejecución de Gasto" CSV.

THIS IS DEMONSTRATION DATA, NOT OFFICIAL FIGURES. Every amount, meta, project and most codes
are invented: the tables in demo/catalogue.py, spread by a seeded random generator. Only a few
aggregates are calibrated to published figures so that the dashboard tells a plausible story on
first run:

* total PIM 2008 S/ 71,950 M ("a budget of over S/ 71,000 million"), growing 11-13 % a year;
* PpR strategic programmes = 3.9 % of PIM in 2008 and 8.3 % in 2009 (seed report, section 3.1.1);
* 2008 PIM of the five strategic programmes: Articulado Nutricional S/ 972 M, Salud Materno
  Neonatal S/ 340 M, Logros de Aprendizaje S/ 1,225 M, Identidad S/ 25 M, Acceso a Servicios
  Sociales Básicos y a Oportunidades de Mercado S/ 249 M (docs/domain.md §5);
* Juntos devengado 2008 about US$ 200 M = S/ 585 M (seed report, section 4);
* Peru's execution pattern: slow first quarter, December surge, 80-90 % devengado/PIM overall,
  investment projects often far below that.

The programme codes of the 2008-2011 strategic programmes (0001-0009) are NOT confirmed MEF
codes (docs/domain.md §5: "codes of that era were not confirmed"); 0080 appears from 2011. The
coding of local governments (NIVEL_GOBIERNO M: SECTOR "98", one PLIEGO "3DD" per department,
SEC_EJEC 300001...) is invented as well. Executing units carry their recognisable SEC_EJEC
where one is known (JUNTOS 1428, PNCVFS 1232, ...).

Format, as in real files: UTF-8, the 63 columns of ``GASTO_COLUMNS``, every field
double-quoted, "," delimiter, LF line ends, amounts with "." decimals (at most 2) and no
thousands separator, codes as zero-padded text (META has 5 digits and CATEGORIA_GASTO is "7"
for debt service, as in real MEF rows). PIA/PIM sit on MES_EJE = 0 rows;
MES_EJE 1-12 rows carry certificado, comprometido anual, comprometido, devengado and girado.
A demo year has about 48,000-55,000 rows (4,000-5,000 metas x especificas).

API::

    write_year(path, year, *, seed=2010, target_rows=None) -> rows written
    write_demo_files(out_dir, years=DEMO_YEARS, *, seed=2010) -> [paths]
    write_benchmark_file(path, rows, *, year=2011, seed=7) -> rows written (streamed)

Everything is deterministic in ``seed`` (``random.Random`` instances seeded from strings; the
global random state is never used).
"""
from __future__ import annotations

import csv
import io
import math
import random
from pathlib import Path

from demo.catalogue import (
    CANON,
    CATEGORIAS,
    DEMO_YEARS,
    ESPECIFICAS,
    FUENTE_MIX,
    FUNCTIONS,
    GENERICA_MONTHS,
    GENERICAS,
    GEO,
    JUNTOS_DEPTS,
    JUNTOS_M,
    LEVEL_SHARE,
    LOCALIDADES,
    META_SUFFIXES,
    MONTH_WEIGHTS,
    MUNICIPAL_LINES,
    MUNICIPAL_PROJECT_SHARE,
    MUNICIPAL_PROJECT_TYPES,
    NATIONAL_LINES,
    NATIONAL_PROJECTS,
    NATIONAL_UNITS,
    P_SIN,
    PLIEGOS,
    PPR_COMPONENTS,
    PPR_M,
    PROFILE_GROUPS,
    PROGRAMMES,
    PROJECT_TYPES,
    REGIONAL_EJECUTORAS,
    REGIONAL_LINES,
    REGIONAL_PLIEGOS,
    REGIONAL_PROJECTS,
    SECTORS,
    SIERRA_SUR,
    SOCIAL_LINES,
    TOTAL_PIM_M,
    A,
    P,
)
from domain.codes import DEPARTMENTS, LEVELS
from domain.mef_format import GASTO_COLUMNS

__all__ = ["DEMO_YEARS", "write_year", "write_demo_files", "write_benchmark_file"]


def _year_index(year: int) -> tuple[int, float]:
    """The calibrated year whose structure `year` uses, and the scale factor for amounts."""
    if year in TOTAL_PIM_M:
        return year, 1.0
    base = 2008 if year < 2008 else 2011
    return base, 1.11 ** (year - base)


# --------------------------------------------------------------------------------------------
# Geography
# --------------------------------------------------------------------------------------------

_DEPTS = tuple(sorted(GEO))                      # "01".."25"


def _geo(kind: str) -> list[tuple[str, float]]:
    """Department weights for spreading a national line over DEPARTAMENTO_META."""
    if kind == "lima":
        return [("15", 1.0)]
    if kind == "exterior":
        return [("98", 1.0)]
    if kind == "cusco":
        return [("08", 1.0)]
    if kind == "pop":
        return [(d, GEO[d][0]) for d in _DEPTS]
    if kind == "poor":
        return [(d, GEO[d][0] * GEO[d][1]) for d in _DEPTS]
    if kind == "juntos":
        return [(d, GEO[d][0] * GEO[d][1]) for d in JUNTOS_DEPTS]
    if kind == "sierra_sur":
        return [(d, GEO[d][0] * GEO[d][1]) for d in SIERRA_SUR]
    if kind in GEO or kind == "98":
        return [(kind, 1.0)]
    raise ValueError(kind)


def _region_weight(dept: str) -> float:
    pop = 3.0 if dept == "15" else GEO[dept][0]          # Lima region = Lima's provinces only
    return pop ** 0.8 * (0.6 + GEO[dept][1]) * CANON.get(dept, 1.0) ** 0.5


# --------------------------------------------------------------------------------------------
# Classifiers, projects and executing units, from the catalogue
# --------------------------------------------------------------------------------------------

def _flatten_profiles() -> dict[str, list[tuple[tuple[str, ...], float, int]]]:
    """profile -> [(the 12 classifier fields, weight, generica)]."""
    out = {}
    for prof, groups in PROFILE_GROUPS.items():
        entries = []
        for group, gw in groups:
            esp = ESPECIFICAS[group]
            total = sum(e[9] for e in esp)
            for e in esp:
                gen = e[0]
                cat, cat_name = CATEGORIAS[gen]
                fields = (cat, cat_name, "2", str(gen), GENERICAS[gen], str(e[1]), e[2], str(e[3]), e[4],
                          str(e[5]), e[6], str(e[7]), e[8])
                entries.append((fields, gw * e[9] / total, gen))
        out[prof] = entries
    return out


_PROFILES = _flatten_profiles()
_PROJECT_TYPE_NUM = {t: i for i, t in enumerate(PROJECT_TYPES)}


class _Unit:
    __slots__ = ("level", "sec_ejec", "dept", "num", "fields", "places", "key")

    def __init__(self, key, level, sector, pliego, pliego_name, sec_ejec, ejecutora, name, dept, prov_i=0,
                 dist_i=0, num=0):
        provs = GEO[dept][2]
        pcode, pname, dists = provs[prov_i]
        dcode, dname = dists[dist_i]
        self.key, self.level, self.sec_ejec, self.dept, self.num = key, level, sec_ejec, dept, num
        sector_name = SECTORS[sector]
        self.fields = (level, LEVELS[level], sector, sector_name, pliego, pliego_name, sec_ejec, ejecutora, name,
                       dept, DEPARTMENTS[dept], pcode, pname, dcode, dname)


def _build_units() -> dict[str, object]:
    """All executing units of the demo universe (the same every year and seed)."""
    units: dict[str, object] = {}
    num = 0
    for key, (sector, pliego, sec, ejec, name, dept) in NATIONAL_UNITS.items():
        num += 1
        units[key] = _Unit(key, "E", sector, pliego, PLIEGOS[pliego], sec, ejec, name, dept, num=num)
    regions = []
    for i, (pliego, dept) in enumerate(REGIONAL_PLIEGOS):
        if dept == "07":
            pname, short = "GOBIERNO REGIONAL DE LA PROVINCIA CONSTITUCIONAL DEL CALLAO", "CALLAO"
        else:
            pname, short = f"GOBIERNO REGIONAL DEL DEPARTAMENTO DE {DEPARTMENTS[dept]}", DEPARTMENTS[dept]
        prov_i = 2 if dept == "15" else 0            # Gobierno Regional de Lima sits in Huacho
        ejecs = {}
        for j, (ecode, suffix) in enumerate(REGIONAL_EJECUTORAS):
            num += 1
            u = _Unit(f"GR{pliego}-{ecode}", "R", "99", pliego, pname, str(721 + 5 * i + j), ecode,
                      f"REGION {short}-{suffix}", dept, prov_i=prov_i, num=num)
            ejecs[suffix] = u
        regions.append((dept, ejecs))
    num += 1
    mml = _Unit("MML", "R", "99", "465", "MUNICIPALIDAD METROPOLITANA DE LIMA", "1209", "001",
                "MUNICIPALIDAD METROPOLITANA DE LIMA", "15", num=num)
    munis = []
    sec = 300000
    for dept in _DEPTS:
        provs = GEO[dept][2]
        pliego = "3" + dept
        pname = (f"MUNICIPALIDADES DEL DEPARTAMENTO DE {DEPARTMENTS[dept]}" if dept != "07"
                 else "MUNICIPALIDADES DE LA PROVINCIA CONSTITUCIONAL DEL CALLAO")
        for pi, (pcode, prov, dists) in enumerate(provs):
            for di, (dcode, dist) in enumerate(dists):
                if di == 0:
                    if dept == "15" and pcode == "01":
                        name = "MUNICIPALIDAD METROPOLITANA DE LIMA"
                    elif dept == "07":
                        name = "MUNICIPALIDAD PROVINCIAL DEL CALLAO"
                    else:
                        name = f"MUNICIPALIDAD PROVINCIAL DE {prov}"
                    w = 0.45 if pi == 0 else 0.2
                else:
                    name = f"MUNICIPALIDAD DISTRITAL DE {dist}"
                    w = 0.12 if dept != "15" else 0.3
                sec += 1
                num += 1
                u = _Unit(f"MUN{sec}", "M", "98", pliego, pname, str(sec), "001", name, dept, pi, di, num=num)
                munis.append((u, w, di == 0))
    units["_regions"] = regions
    units["_mml"] = mml
    units["_munis"] = munis
    return units


_UNITS = _build_units()


# --------------------------------------------------------------------------------------------
# Lines: one budget line (unit, programme, product, activity, function, profile) and its PIM
# --------------------------------------------------------------------------------------------

class _Line:
    __slots__ = ("unit", "prog", "tipo", "product", "activity", "func", "profile", "pim", "rate", "rate_sd",
                 "geo", "fuentes", "mprof", "meta_name")

    def __init__(self, unit, prog, product, activity, func, profile, pim, rate, geo, *, tipo="3", fuentes=None,
                 mprof=None, rate_sd=0.04, meta_name=None):
        self.unit, self.prog, self.tipo, self.product, self.activity = unit, prog, tipo, product, activity
        self.func, self.profile, self.pim, self.rate, self.rate_sd = FUNCTIONS[func], profile, pim, rate, rate_sd
        self.geo = geo
        self.fuentes = fuentes or unit.level
        self.mprof, self.meta_name = mprof, meta_name


def _dept_places(dept: str) -> tuple[list[str], list[str]]:
    provs = GEO[dept][2]
    return [p[1] for p in provs], [d[1] for p in provs for d in p[2]]


class _Projects:
    """Investment projects: stable codes, names, places and start years for a given seed."""

    def __init__(self, seed: int):
        self.seed = seed

    def pool(self, unit: _Unit, ptype: str, n: int, geo: list[tuple[str, float]] | None = None):
        out = []
        tnum = _PROJECT_TYPE_NUM[ptype]
        action_code, action_name, func, templates = PROJECT_TYPES[ptype]
        for slot in range(n):
            rng = random.Random(f"{self.seed}:project:{unit.num}:{tnum}:{slot}")
            if geo:
                dept = rng.choices([d for d, _ in geo], [w for _, w in geo])[0]
            else:
                dept = unit.dept
            if unit.level == "M" and rng.random() < 0.7:
                p1, d = unit.fields[12], unit.fields[14]
            else:
                _pc, p1, dists = rng.choice(GEO[dept][2])
                d = rng.choice(dists)[1]
            other = _DEPTS[(int(dept) + rng.randint(0, 3)) % 25]
            name = rng.choice(templates).format(
                p1=p1, p2=rng.choice(_dept_places(other)[0]), d=d,
                l1=rng.choice(LOCALIDADES), l2=rng.choice(LOCALIDADES), dep=DEPARTMENTS[dept],
                n=rng.randint(100, 99999), n2=("I", "II", "III", "IV")[rng.randint(0, 3)])
            base = unit.num * 120 + tnum * 10 + slot
            code = str(2_000_000 + (base * 7919) % 999_983)
            start = rng.randint(2004, 2011)
            dur = rng.randint(2, 5)
            weight = rng.lognormvariate(0, 0.8)
            out.append((code, name, dept, start, dur, weight, (action_code, action_name), func))
        return out

    def active(self, unit, ptype, year, count, n=None, geo=None):
        pool = self.pool(unit, ptype, n or max(count * 2, 3), geo)
        act = [p for p in pool if p[3] <= year < p[3] + p[4]]
        if not act:
            act = pool[:1]
        return act[:count]


def _add_projects(lines, projects, unit, prog, ptype, amount, year, rng, *, count, lo, hi, n=None,
                  geo=None, fuentes=None):
    """Split `amount` over `count` active projects of `unit`, each with its own execution rate."""
    chosen = projects.active(unit, ptype, year, count, n=n, geo=geo)
    total_w = sum(p[5] for p in chosen)
    for code, name, dept, _start, _dur, w, action, func in chosen:
        lines.append(_Line(unit, prog, (code, name), action, func, "proyecto", amount * w / total_w,
                           rng.uniform(lo, hi), [(dept, 1.0)], tipo="2", rate_sd=0.03, fuentes=fuentes,
                           meta_name=name))


def _region_split(amount: float) -> list[tuple[str, dict, float]]:
    regions = _UNITS["_regions"]
    ws = [_region_weight(dept) for dept, _ in regions]
    tot = sum(ws)
    return [(dept, ejecs, amount * w / tot) for (dept, ejecs), w in zip(regions, ws)]


def _muni_split(amount: float, poverty: bool = False, provincial_only: bool = False):
    munis = _UNITS["_munis"]
    out = []
    for u, w, is_prov in munis:
        if provincial_only and not is_prov:
            continue
        dep = GEO[u.dept]
        ww = w * dep[0] * (0.5 + dep[1] if poverty else CANON.get(u.dept, 1.0))
        out.append((u, ww))
    tot = sum(w for _, w in out)
    return [(u, amount * w / tot) for u, w in out]


def _prog(code: str) -> tuple[str, str]:
    return code, PROGRAMMES[code]


def _build_lines(year: int, seed: int) -> list[_Line]:
    """Every budget line of a fiscal year with its PIM in soles (sums to the year's total)."""
    base_year, scale = _year_index(year)
    rng = random.Random(f"{seed}:{year}:lines")
    projects = _Projects(seed)
    M = 1e6 * scale
    total = TOTAL_PIM_M[base_year] * M
    U = _UNITS
    lines: list[_Line] = []
    P9001, P9002 = _prog("9001"), _prog("9002")

    def e(key, prog, product, activity, func, profile, amount, rate, geo, **kw):
        lines.append(_Line(U[key], prog, product, activity, func, profile, amount, rate, _geo(geo), **kw))

    # ---- strategic programmes (PpR)
    ppr = PPR_M[base_year]
    for code, amount_m in ppr.items():
        prog = _prog(code)
        amount = amount_m * M
        if code == "0005":                                  # Juntos is given in absolute terms
            j = JUNTOS_M[base_year] * M
            if base_year == 2008:
                e("JUNTOS", prog, P["acc_juntos"], A["juntos"], "capacidades", "subvencion", 40 * M, .98,
                  "juntos", fuentes="RO", mprof="bimonthly", rate_sd=.006)
                amount -= 40 * M
            else:
                verif = 0.06 * j
                transf = 0.96 * j - verif
                e("JUNTOS", prog, P["acc_juntos"], A["juntos"], "capacidades", "subvencion", transf, .98, "juntos",
                  fuentes="RO", mprof="bimonthly", rate_sd=.006)
                e("JUNTOS", prog, P["acc_juntos"], A["juntos_verif"], "capacidades", "servicio", verif, .93,
                  "juntos", fuentes="RO", rate_sd=.01)
                amount -= transf + verif
        comps = PPR_COMPONENTS[code]
        tot_share = sum(cmp[5] for cmp in comps)
        for ref, product, activity, func, profile, share, geo, rate in comps:
            amt = amount * share / tot_share
            if isinstance(product, str) and product.startswith("proj:"):
                ptype = product[5:]
                lo, hi = rate
                if ref.startswith("E:"):
                    _add_projects(lines, projects, U[ref[2:]], prog, ptype, amt, year, rng, count=14, n=30,
                                  lo=lo, hi=hi, geo=_geo(geo))
                elif ref.startswith("R:"):
                    for _dept, ejecs, a in _region_split(amt):
                        _add_projects(lines, projects, ejecs[ref[2:]], prog, ptype, a, year, rng, count=1, n=3,
                                      lo=lo, hi=hi)
                else:
                    for u, a in _muni_split(amt, poverty=True):
                        _add_projects(lines, projects, u, prog, ptype, a, year, rng, count=1, n=2, lo=lo, hi=hi)
                continue
            if ref.startswith("E:"):
                e(ref[2:], prog, product, activity, func, profile, amt, rate, geo)
            elif ref.startswith("R:"):
                for dept, ejecs, a in _region_split(amt):
                    lines.append(_Line(ejecs[ref[2:]], prog, product, activity, func, profile, a, rate,
                                       [(dept, 1.0)]))
            else:
                for u, a in _muni_split(amt, poverty=True):
                    lines.append(_Line(u, prog, product, activity, func, profile, a, rate, [(u.dept, 1.0)]))

    # ---- social programmes outside (or beside) PpR, absolute amounts (S/ million, by year)
    yi = DEMO_YEARS.index(base_year)

    def soc(key, prog, product, activity, func, profile, amounts, rate, geo, **kw):
        amt = amounts[yi] if isinstance(amounts, (tuple, list)) else amounts
        if amt:
            e(key, prog, product, activity, func, profile, amt * M, rate, geo, **kw)

    j = JUNTOS_M[base_year]
    soc("JUNTOS", P9001, P_SIN, A["gestion"], "admin", "admin", 0.04 * j, .95, "lima", rate_sd=.01)
    if base_year == 2008:
        soc("JUNTOS", P9002, P_SIN, A["juntos"], "capacidades", "subvencion", 0.96 * j - 40 - 36, .98, "juntos",
            fuentes="RO", mprof="bimonthly", rate_sd=.006)
        soc("JUNTOS", P9002, P_SIN, A["juntos_verif"], "capacidades", "servicio", 36, .93, "juntos",
            fuentes="RO", rate_sd=.01)
    for key, prog, act, func, profile, amounts, rate, geo, rate_sd in SOCIAL_LINES:
        soc(key, _prog(prog), P_SIN, A[act], func, profile, amounts, rate, geo, rate_sd=rate_sd)

    def muni_lines(activity, func, profile, amount, rate, fuentes=None, provincial_only=False, prog=P9002):
        for u, a in _muni_split(amount, poverty=True, provincial_only=provincial_only):
            lines.append(_Line(u, prog, P_SIN, activity, func, profile, a, rate, [(u.dept, 1.0)], fuentes=fuentes))

    muni_lines(A["vaso_leche"], "alimentacion", "alimentario", 363 * M, .97, fuentes="RO")
    muni_lines(A["comedores"], "alimentacion", "alimentario", (70, 75, 80, 85)[yi] * M, .93, fuentes="RO",
               provincial_only=True)
    muni_lines(A["demuna"], "proteccion", "servicio", (12, 14, 16, 18)[yi] * M, .85)

    # ---- the rest of each level, by weights
    level_sum = {"E": 0.0, "R": 0.0, "M": 0.0}
    for ln in lines:
        level_sum[ln.unit.level] += ln.pim
    rem = {lv: LEVEL_SHARE[lv] * total - level_sum[lv] for lv in level_sum}
    assert all(v > 0 for v in rem.values()), rem

    wsum = sum(g[5] for g in NATIONAL_LINES) + sum(g[2] for g in NATIONAL_PROJECTS)
    for key, prog, act, func, profile, w, geo, rate in NATIONAL_LINES:
        fuentes = "DEUDA" if profile.startswith("deuda") else None
        e(key, _prog(prog), P_SIN, A[act], func, profile, rem["E"] * w / wsum, rate, geo, fuentes=fuentes)
    for key, ptype, w, count, pool, geo, (lo, hi) in NATIONAL_PROJECTS:
        _add_projects(lines, projects, U[key], P9002, ptype, rem["E"] * w / wsum, year, rng, count=count, n=pool,
                      lo=lo, hi=hi, geo=_geo(geo))

    # regional governments
    rsum = sum(g[5] for g in REGIONAL_LINES) + sum(g[2] for g in REGIONAL_PROJECTS)
    mml_amount = rem["R"] * 0.006
    for dept, ejecs, amt in _region_split(rem["R"] - mml_amount):
        for ej, prog, act, func, profile, share, rate in REGIONAL_LINES:
            lines.append(_Line(ejecs[ej], _prog(prog), P_SIN, A[act], func, profile, amt * share / rsum, rate,
                               [(dept, 1.0)]))
        for ej, ptype, share, count in REGIONAL_PROJECTS:
            _add_projects(lines, projects, ejecs[ej], P9002, ptype, amt * share / rsum, year, rng, count=count,
                          n=count + 3, lo=.2, hi=.95)
    mml = U["_mml"]
    lines.append(_Line(mml, P9001, P_SIN, A["gestion"], "admin", "admin", mml_amount * .3, .85, [("15", 1.0)]))
    lines.append(_Line(mml, P9002, P_SIN, A["gobierno_mml"], "planeamiento", "servicio", mml_amount * .2, .7,
                       [("15", 1.0)]))
    _add_projects(lines, projects, mml, P9002, "pistas", mml_amount * .5, year, rng, count=2, n=4, lo=.2, hi=.8)

    # municipalities
    msum = sum(g[4] for g in MUNICIPAL_LINES) + MUNICIPAL_PROJECT_SHARE
    for u, amt in _muni_split(rem["M"]):
        for prog, act, func, profile, share, rate in MUNICIPAL_LINES:
            lines.append(_Line(u, _prog(prog), P_SIN, A[act], func, profile, amt * share / msum, rate,
                               [(u.dept, 1.0)]))
        mr = random.Random(f"{seed}:muni-types:{u.num}")
        types = mr.sample(MUNICIPAL_PROJECT_TYPES, 3)
        ws = [mr.uniform(.5, 1.5) for _ in types]
        for t, w in zip(types, ws):
            _add_projects(lines, projects, u, P9002, t, amt * MUNICIPAL_PROJECT_SHARE / msum * w / sum(ws), year,
                          rng, count=mr.randint(1, 2), n=4, lo=.15, hi=.92)
    return lines


# --------------------------------------------------------------------------------------------
# Planning rows
# --------------------------------------------------------------------------------------------

def _split_int(total: int, weights: list[float]) -> list[int]:
    """Largest-remainder split of an integer by weights (exact sum, deterministic)."""
    n = len(weights)
    if n == 1:
        return [total]
    s = sum(weights)
    if s <= 0:
        weights, s = [1.0] * n, float(n)
    raw = [total * w / s for w in weights]
    out = [math.floor(r) for r in raw]
    short = total - sum(out)
    if short:
        order = sorted(range(n), key=lambda i: (out[i] - raw[i], i))
        for i in order[:short]:
            out[i] += 1
    return out


class _Leaf:
    __slots__ = ("fields", "months", "pia", "pim", "dev", "mprof", "gen")


class _Plan:
    def __init__(self, year: int, leaves: list[_Leaf]):
        self.year = year
        self.leaves = leaves

    @property
    def rows(self) -> int:
        return sum(1 + len(lf.months) for lf in self.leaves)


def _choose_months(mprof: str, rng: random.Random) -> list[int]:
    if mprof in ("personal", "pension", "deuda"):
        return list(range(1, 13))
    if mprof == "bimonthly":
        return [2, 4, 6, 8, 10, 12]
    if mprof == "proyecto":
        ms = [m for m in range(1, 12) if rng.random() < 0.25 + 0.05 * m] + [12]
        return ms
    if mprof == "lumpy":
        return sorted(rng.sample(range(1, 13), rng.randint(2, 4)))
    ms = [m for m in range(1, 12) if rng.random() < 0.85] + [12]
    if len(ms) < 3:
        ms = [3, 7, 12]
    return ms


def _leaf_count(cents: int, density: float, rng: random.Random) -> int:
    """How many (meta, especifica, fuente) rows a cell gets: grows slowly with its amount."""
    k = density * (max(cents / 100, 1e3) / 2e5) ** 0.3
    n = int(k)
    if rng.random() < k - n:
        n += 1
    return max(1, n)


_DENSITY = 0.4           # leaves per cell scale: about 48,000-55,000 rows per demo year


def _plan(year: int, seed: int, density: float = _DENSITY) -> _Plan:
    base_year, scale = _year_index(year)
    lines = _build_lines(year, seed)
    rng = random.Random(f"{seed}:{year}:plan:{density!r}")
    total_cents = round(TOTAL_PIM_M[base_year] * 1e8 * scale)
    line_cents = _split_int(total_cents, [ln.pim for ln in lines])
    meta_seq: dict[str, int] = {}
    finalidad: dict[str, str] = {}
    fin_next = [10000]
    leaves: list[_Leaf] = []
    for ln, cents in zip(lines, line_cents):
        if cents <= 0:
            continue
        geo = ln.geo
        cells = _split_int(cents, [w for _, w in geo]) if len(geo) > 1 else [cents]
        unit = ln.unit
        entries = _PROFILES[ln.profile]
        fuentes = FUENTE_MIX[ln.fuentes]
        ent_w = [ent[1] for ent in entries]
        prefix_a = unit.fields + ()
        prefix_prog = (ln.prog[0], ln.prog[1], ln.tipo, "PROYECTO" if ln.tipo == "2" else "ACTIVIDAD",
                       ln.product[0], ln.product[1], ln.activity[0], ln.activity[1]) + ln.func
        base_name = ln.meta_name or ln.activity[1]
        for (dept, _w), cell in zip(geo, cells):
            if cell <= 0:
                continue
            k = _leaf_count(cell, density, rng)
            # One or two fuentes per cell (weighted sampling without replacement), several
            # especificas under them; a repeated (especifica, fuente) goes to another meta.
            n_f = 1 if k < 3 or rng.random() < 0.6 or len(fuentes) == 1 else 2
            chosen_f = sorted(range(len(fuentes)), key=lambda i: -rng.random() ** (1.0 / fuentes[i][1]))[:n_f]
            seen: dict[tuple[int, int], int] = {}
            picks = []
            for i in range(k):
                fi = chosen_f[i % n_f]
                ei = rng.choices(range(len(entries)), ent_w)[0]
                mi = seen.get((ei, fi), 0)
                seen[(ei, fi)] = mi + 1
                picks.append(((entries[ei], fuentes[fi][0], entries[ei][1]), mi))
            metas = {}
            for _, mi in picks:
                if mi not in metas:
                    seq = meta_seq.get(unit.sec_ejec, 0) + 1
                    meta_seq[unit.sec_ejec] = seq
                    suffix = META_SUFFIXES[mi] if mi < len(META_SUFFIXES) else f" - META {mi + 1}"
                    name = base_name
                    if len(geo) > 1:
                        name = f"{name} - {DEPARTMENTS[dept]}"
                    name += suffix
                    fin = finalidad.get(name)
                    if fin is None:
                        fin_next[0] += rng.randint(1, 37)
                        fin = finalidad[name] = f"{fin_next[0]:07d}"
                    metas[mi] = (str(seq), f"{seq:05d}", fin, name)
            ws = [p[0][2] * rng.uniform(0.4, 1.6) for p in picks]
            amounts = _split_int(cell, ws)
            for (pair, mi), amt in zip(picks, amounts):
                if amt <= 0:
                    continue
                (cls, _ew, gen), fu, _pw = pair
                sec_func, meta, fin, meta_name = metas[mi]
                lf = _Leaf()
                lf.fields = (prefix_a + (sec_func,) + prefix_prog + (meta, fin, meta_name, dept, DEPARTMENTS[dept])
                             + fu + cls)
                lf.gen = gen
                lf.mprof = ln.mprof if (ln.mprof and gen == 5) else GENERICA_MONTHS[gen]
                lf.months = _choose_months(lf.mprof, rng)
                lf.pim = amt
                r = rng.random()
                if r < 0.07:
                    f = 0.0
                elif r < 0.10:
                    f = rng.uniform(1.05, 1.3)
                else:
                    f = rng.uniform(.8, 1.05) if unit.level != "M" else rng.uniform(.45, .95)
                lf.pia = round(amt * f)
                rate = min(1.0, max(0.0, rng.gauss(ln.rate, ln.rate_sd)))
                lf.dev = round(amt * rate)
                leaves.append(lf)
    return _Plan(year, leaves)


def _adjust_rows(plan: _Plan, target: int, seed: int) -> None:
    """Add or drop monthly rows until the plan has exactly `target` rows.

    Below the year's minimal structure (one MES_EJE = 0 row per leaf) whole leaves are dropped:
    such a small file keeps the format but no longer the calibrated totals.
    """
    rng = random.Random(f"{seed}:{plan.year}:adjust")
    diff = target - plan.rows
    leaves = plan.leaves
    order = list(range(len(leaves)))
    rng.shuffle(order)
    if diff > 0:
        for _ in range(12):
            for i in order:
                if diff == 0:
                    return
                lf = leaves[i]
                missing = [m for m in range(1, 13) if m not in lf.months]
                if missing:
                    lf.months = sorted(lf.months + [rng.choice(missing)])
                    diff -= 1
        return
    for _ in range(12):                     # drop monthly rows, keeping one per leaf
        for i in order:
            if diff == 0:
                return
            lf = leaves[i]
            if len(lf.months) > 1:
                drop = lf.months[rng.randrange(len(lf.months) - 1)]
                lf.months = [m for m in lf.months if m != drop]
                diff += 1
    for i in order:                         # then the last monthly row
        if diff == 0:
            return
        if leaves[i].months:
            leaves[i].months = []
            diff += 1
    if diff < 0:                            # then whole leaves
        dropped = set(order[:-diff])
        plan.leaves = [lf for i, lf in enumerate(leaves) if i not in dropped]


def _plan_rows(year: int, seed: int, target_rows: int | None) -> _Plan:
    plan = _plan(year, seed)
    if not target_rows:
        return plan
    target = int(target_rows)
    density = _DENSITY
    for _ in range(8):
        rows = plan.rows
        room = sum(12 - len(lf.months) for lf in plan.leaves)
        if rows <= target <= rows + room and target - rows <= 0.1 * target:
            break                           # a little short: add months
        if target < rows and (rows <= 1.08 * target or density <= 0.05):
            break                           # a little long (or as small as it gets): drop months
        density = max(0.05, density * target / rows * 0.97)
        plan = _plan(year, seed, density)
    _adjust_rows(plan, target, seed)
    return plan


# --------------------------------------------------------------------------------------------
# Amounts and writing
# --------------------------------------------------------------------------------------------

def _fmt(c: int) -> str:
    """Cents -> MEF amount text: "9544.43", "320", "-1875.4"."""
    if c == 0:
        return "0"
    sign = "-" if c < 0 else ""
    q, r = divmod(abs(c), 100)
    if r == 0:
        return f"{sign}{q}"
    if r % 10 == 0:
        return f"{sign}{q}.{r // 10}"
    return f"{sign}{q}.{r:02d}"


def _monthly_amounts(lf: _Leaf, rng: random.Random) -> list[tuple[int, int, int, int, int, int]]:
    """[(month, certificado, comprometido_anual, comprometido, devengado, girado)] in cents."""
    months = lf.months
    if not months:
        return []
    prof = MONTH_WEIGHTS[lf.mprof]
    ws = [max(prof[m - 1], 0.01) * rng.uniform(0.6, 1.4) for m in months]
    dev = _split_int(lf.dev, ws)
    if len(months) >= 2 and lf.dev > 0 and rng.random() < 0.02:
        j = rng.randrange(1, len(months))
        rev = rng.randint(200, 20000) * 50
        dev[j - 1] += dev[j] + rev
        dev[j] = -rev
    out = []
    capital = lf.gen in (6, 7)
    for m, d in zip(months, dev):
        if d < 0:
            out.append((m, d, d, d, d, d))
            continue
        comp = d + round(d * rng.uniform(0, 0.05))
        anual = comp + round(comp * rng.uniform(0, 0.25 if capital else 0.08))
        cert = anual + round(anual * rng.uniform(0, 0.15 if capital else 0.05))
        gir = d - round(d * (rng.uniform(0.05, 0.3) if m == 12 else rng.uniform(0, 0.08)))
        if d == 0 and capital and rng.random() < 0.3:
            anual = round(lf.pim * rng.uniform(0.01, 0.1))
            cert = anual + round(anual * rng.uniform(0, 0.2))
        out.append((m, cert, anual, comp, d, gir))
    return out


def _open_csv(path: Path):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return open(path, "w", encoding="utf-8", newline="")


_CHUNK_ROWS = 8192           # rows per write: bounds the memory of the writers


class _Quoter:
    """csv.writer(QUOTE_ALL) output of a list of fields, as one string without line end."""

    def __init__(self):
        self.buf = io.StringIO()
        self.writer = csv.writer(self.buf, quoting=csv.QUOTE_ALL, lineterminator="")

    def __call__(self, fields) -> str:
        self.buf.seek(0)
        self.buf.truncate()
        self.writer.writerow(fields)
        return self.buf.getvalue()


def write_year(path: Path, year: int, *, seed: int = 2010, target_rows: int | None = None) -> int:
    """Write one fiscal year's file; return data rows written."""
    plan = _plan_rows(year, seed, target_rows)
    rng = random.Random(f"{seed}:{year}:amounts")
    quote = _Quoter()
    ym = [f'"{year}","{m}",' for m in range(13)]
    n = 0
    with _open_csv(path) as f:
        f.write(quote(GASTO_COLUMNS) + "\n")
        out: list[str] = []
        for lf in plan.leaves:
            body = quote(lf.fields)
            out.append(f'{ym[0]}{body},"{_fmt(lf.pia)}","{_fmt(lf.pim)}","0","0","0","0","0"\n')
            for m, cert, anual, comp, dev, gir in _monthly_amounts(lf, rng):
                out.append(f'{ym[m]}{body},"0","0","{_fmt(cert)}","{_fmt(anual)}","{_fmt(comp)}",'
                           f'"{_fmt(dev)}","{_fmt(gir)}"\n')
            if len(out) >= _CHUNK_ROWS:
                n += len(out)
                f.writelines(out)
                out.clear()
        n += len(out)
        f.writelines(out)
    return n


def write_demo_files(out_dir: Path, years=DEMO_YEARS, *, seed: int = 2010) -> list[Path]:
    """Files named f"DEMO-{year}-Gasto.csv" (write_year per year)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for year in years:
        p = out_dir / f"DEMO-{year}-Gasto.csv"
        write_year(p, year, seed=seed)
        paths.append(p)
    return paths


def write_benchmark_file(path: Path, rows: int, *, year: int = 2011, seed: int = 7) -> int:
    """A large file (millions of rows) for benchmarks, same format, streamed to disk in chunks.

    The line structure (units, programmes, metas, clasificador, months) is one demo year's;
    it is repeated with new META/SEC_FUNC numbers until `rows` data rows are written. Amounts
    come from pre-formatted pools: the content is not calibrated. Memory stays bounded (one
    plan of a demo year plus one chunk of rows), whatever `rows` is.
    """
    rows = int(rows)
    plan = _plan(year, seed)
    rng = random.Random(f"{seed}:{year}:benchmark")
    quote = _Quoter()
    # Each leaf as three pre-quoted pieces around SEC_FUNC (column 17) and META (column 32).
    heads = []
    for lf in plan.leaves:
        fl = lf.fields                       # columns 2..55
        heads.append((quote(fl[0:15]) + ',"', '",' + quote(fl[16:30]) + ',"',
                      '",' + quote(fl[31:54]) + ",", int(fl[15])))
    ys = str(year)
    ym = [f'"{ys}","{m}",' for m in range(13)]
    pool0 = []
    for _ in range(1024):
        pim = round(rng.lognormvariate(11, 2.2) * 100)
        pia = 0 if rng.random() < .07 else round(pim * rng.uniform(.7, 1.1))
        pool0.append(f'"{_fmt(pia)}","{_fmt(pim)}","0","0","0","0","0"\n')
    pool_m = []
    for _ in range(4096):
        d = round(rng.lognormvariate(9, 2.0) * 100)
        if rng.random() < 0.01:
            d = -rng.randint(200, 20000) * 50
            c = a = p = g = d
        else:
            p = d + round(d * rng.uniform(0, .05))
            a = p + round(p * rng.uniform(0, .1))
            c = a + round(a * rng.uniform(0, .05))
            g = d - round(d * rng.uniform(0, .1))
        pool_m.append(f'"0","0","{_fmt(c)}","{_fmt(a)}","{_fmt(p)}","{_fmt(d)}","{_fmt(g)}"\n')
    i0 = im = 0
    written = 0
    rep = 0
    with _open_csv(path) as f:
        f.write(quote(GASTO_COLUMNS) + "\n")
        chunk: list[str] = []
        while written + len(chunk) < rows:
            for (h1, h2, h3, seq), months in zip(heads, (lf.months for lf in plan.leaves)):
                n = (seq + rep * 997) % 99999 + 1
                row0 = h1 + str(n) + h2 + f"{n:05d}" + h3
                i0 = (i0 + 1) & 1023
                chunk.append(ym[0] + row0 + pool0[i0])
                for m in months:
                    im = (im + 7) & 4095
                    chunk.append(ym[m] + row0 + pool_m[im])
                if len(chunk) >= _CHUNK_ROWS:
                    take = min(len(chunk), rows - written)
                    f.writelines(chunk[:take] if take < len(chunk) else chunk)
                    written += take
                    chunk.clear()
                    if written >= rows:
                        break
            rep += 1
        if chunk and written < rows:
            take = min(len(chunk), rows - written)
            f.writelines(chunk[:take])
            written += take
    return written
