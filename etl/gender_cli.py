"""Command line for the gender classification: classify, rules {diff,coverage,versions},
gender-summary. Kept out of etl/__main__.py so that file only wires the subcommands in."""
from __future__ import annotations

import csv
import sys
from pathlib import Path


def _money(v) -> str:
    return "" if v is None or v != v else f"{v:.2f}"


def _refused(exc) -> int:
    print(f"REFUSED {exc}", file=sys.stderr)
    return 1


def cmd_classify(args) -> int:
    from domain.gender import CATEGORIES
    from domain.gender_rules import RuleError
    from etl.classify import classify
    try:
        r = classify(args.rules, loaded_by=args.by)
    except RuleError as exc:
        return _refused(exc)
    from store.gender import rule_sets
    info = rule_sets().set_index("id").loc[r.rule_set_id]
    state = "new version" if r.new_version else "unchanged rules, re-applied"
    print(f"rule set {r.rule_set_id} ({info['file_name']}, sha256 {info['sha256'][:12]}, "
          f"{info['rule_count']} rules, loaded by {info['loaded_by']}): {state}")
    counts = " · ".join(f"{c} {r.by_category[c]:,}" for c in CATEGORIES if r.by_category.get(c))
    print(f"classified {r.keys:,} distinct line combinations: {counts or 'none'}")
    return 0


def cmd_gender_summary(args) -> int:
    from store.gender import gender_summary
    df = gender_summary(args.year)
    if args.format == "csv":
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(["definition", "pia", "pim", "devengado"])
        for r in df.itertuples():
            w.writerow([r.definition, _money(r.pia), _money(r.pim), _money(r.devengado)])
        return 0
    print(f"{'definition':<34} {'PIA':>18} {'PIM':>18} {'devengado':>18} {'% PIM':>7} {'% dev.':>7}")
    for r in df.itertuples():
        pct = lambda v: "" if v is None or v != v else f"{v:.1f}"   # noqa: E731
        print(f"{r.definition + ' (' + r.label_en.split(':')[1].strip() + ')':<34} {float(r.pia):>18,.2f} "
              f"{float(r.pim):>18,.2f} {float(r.devengado):>18,.2f} {pct(r.share_pim_pct):>7} "
              f"{pct(r.share_devengado_pct):>7}")
    return 0


def cmd_rules_coverage(args) -> int:
    from store.gender import UNREVIEWED, coverage
    df = coverage(args.year)
    if args.format == "csv":
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(["category", "name", "lines", "pim", "devengado", "share_pim_pct", "share_devengado_pct"])
        for r in df.itertuples():
            w.writerow([r.category, r.name, r.lines, _money(r.pim), _money(r.devengado),
                        _money(r.share_pim_pct), _money(r.share_devengado_pct)])
        return 0
    print(f"{'category':<24} {'lines':>10} {'devengado':>18} {'% dev.':>7} {'PIM':>18} {'% PIM':>7}")
    for r in df.itertuples():
        pct = lambda v: "-" if v is None or v != v else f"{v:.1f}"   # noqa: E731
        print(f"{r.category:<24} {r.lines:>10,} {float(r.devengado):>18,.2f} {pct(r.share_devengado_pct):>7} "
              f"{float(r.pim):>18,.2f} {pct(r.share_pim_pct):>7}")
    u = df.set_index("category").loc[UNREVIEWED]
    share = u["share_devengado_pct"]
    print(f"unreviewed (no rule matched): {'-' if share is None or share != share else f'{share:.1f}%'} of "
          f"devengado, {u['lines']:,} budget lines" + (f", year {args.year}" if args.year else ", all years"))
    return 0


def cmd_rules_versions(args) -> int:
    from store.gender import rule_sets
    df = rule_sets()
    if df.empty:
        print("no rule set loaded yet: run `python -m etl classify`")
    for r in df.itertuples():
        print(f"{'*' if r.active else ' '} {r.id:>4}  {r.loaded_at}  {r.loaded_by:<30} {r.file_name}  "
              f"sha256 {r.sha256[:12]}  {r.rule_count} rules")
    return 0


def cmd_rules_diff(args) -> int:
    from domain.gender_rules import RuleError
    from store.gender import rule_diff
    versions = list(args.versions)
    if len(versions) > 2:
        print("rules diff takes at most two versions: OLD NEW", file=sys.stderr)
        return 2
    old, new = (versions + [None, None])[:2] if len(versions) == 2 else (None, versions[0] if versions else None)
    try:
        d = rule_diff(old, new, year=args.year)
    except RuleError as exc:
        return _refused(exc)
    for side, info in (("old", d.old), ("new", d.new)):
        if info.get("id") is not None:
            print(f"{side}: rule set {info['id']}  {info['file_name']}  sha256 {info['sha256'][:12]}  "
                  f"loaded {info['loaded_at']} by {info['loaded_by']}{'  (active)' if info['active'] else ''}")
        else:
            print(f"{side}: file {info['file_name']}  sha256 {info['sha256'][:12]}  (not loaded)")
    for title, df in (("added", d.added), ("removed", d.removed)):
        print(f"\nrules {title} ({len(df)}):")
        for r in df.itertuples():
            print(f"  {r.rule_id}: {r.conditions}; years {r.years} -> {r.category}, marker {r.marker}, "
                  f"weight {r.weight}%, {r.lio_line}")
    print(f"\nrules changed ({d.changed['rule_id'].nunique() if len(d.changed) else 0}):")
    for r in d.changed.itertuples():
        print(f"  {r.rule_id}: {r.field}: {r.old!s} -> {r.new!s}")
    print(f"\nmoney that moved between categories{' in ' + str(args.year) if args.year else ''}:")
    if d.moved.empty:
        print("  none")
    for r in d.moved.itertuples():
        print(f"  {r.from_category} -> {r.to_category}: {r.lines:,} line combinations, PIA {_money(r.pia)}, "
              f"PIM {_money(r.pim)}, devengado {_money(r.devengado)}")
    print("\nthree totals, old -> new:")
    for r in d.totals.itertuples():
        parts = [f"{a} {_money(getattr(r, a + '_old'))} -> {_money(getattr(r, a + '_new'))}"
                 for a in ("pia", "pim", "devengado")]
        print(f"  {r.definition:<9} " + ", ".join(parts))
    return 0


def add_gender_commands(sub) -> None:
    """Register classify, rules and gender-summary on the `python -m etl` subparsers."""
    cp = sub.add_parser("classify", help="apply the gender rules file to every budget line (atomic)")
    cp.add_argument("--rules", type=Path, help="rule file (default rules/gender_rules.csv)")
    cp.add_argument("--by", help="who loads the rules, for the audit trail (default: $GSB_USER or login)")
    cp.set_defaults(func=cmd_classify)

    rp = sub.add_parser("rules", help="audit the gender rules: diff, coverage, versions")
    rsub = rp.add_subparsers(dest="rules_cmd", required=True)
    dp = rsub.add_parser("diff", help="rules added/changed/removed and the money that moved between categories")
    dp.add_argument("versions", nargs="*", metavar="VERSION",
                    help="OLD NEW: rule-set ids or rule files. None: the previous and the active version; "
                         "one: the active version against it (preview a file before classify)")
    dp.add_argument("--year", type=int, help="only this fiscal year's money")
    dp.set_defaults(func=cmd_rules_diff)
    vp = rsub.add_parser("coverage", help="devengado by gender category and the share still unreviewed")
    vp.add_argument("--year", type=int)
    vp.add_argument("--format", choices=["text", "csv"], default="text")
    vp.set_defaults(func=cmd_rules_coverage)
    lp = rsub.add_parser("versions", help="every rule-set version loaded (content hash, when, by whom)")
    lp.set_defaults(func=cmd_rules_versions)

    gp = sub.add_parser("gender-summary", help="the three gender totals (strict, weighted, broad)")
    gp.add_argument("--year", type=int)
    gp.add_argument("--format", choices=["text", "csv"], default="text")
    gp.set_defaults(func=cmd_gender_summary)
