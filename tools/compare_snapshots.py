"""Compare two snapshots written by tools/snapshot_views.py (before and after a refactor that
should not change behaviour): lists the keys present in only one file and the keys whose
recorded output differs, counted by group (a read function, or a page and callback), with a
short diff of the first ones (one per group first). Exit status 0 when the two are
identical, 1 when anything differs (2 for unusable input).

    .venv/bin/python tools/compare_snapshots.py /tmp/snap-before.json /tmp/snap-after.json [--show 20]
"""
from __future__ import annotations

import argparse
import difflib
import json
import signal
import sys
from pathlib import Path

SECTIONS = ("meta", "pages", "reads", "skipped")


def load(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as exc:
        print(f"cannot read {path}: {exc}", file=sys.stderr)
        sys.exit(2)
    if not isinstance(data, dict) or not {"pages", "reads"} & set(data):
        print(f"{path}: not a snapshot (expected a JSON object with pages and reads)", file=sys.stderr)
        sys.exit(2)
    return data


def flat(snapshot: dict) -> dict[str, object]:
    """'section :: key' -> value, for every section of a snapshot."""
    out = {}
    for section in sorted(set(SECTIONS) | set(snapshot)):
        value = snapshot.get(section)
        if isinstance(value, dict) and section != "meta":
            for key, v in value.items():
                out[f"{section} :: {key}"] = v
        elif value is not None:
            out[section] = value
    return out


def group(key: str) -> str:
    """What a differing key is about: the function for a read, the page path and callback
    outputs for a page request (so one broken helper shows as one group, not 300 keys)."""
    section, _, rest = key.partition(" :: ")
    if section == "reads":
        return f"reads :: {rest.split('(', 1)[0]}"
    if section == "pages" and " || " in rest:
        url, _, what = rest.partition(" || ")
        return f"pages :: {url.split('?', 1)[0]} || {what.split(' <- ', 1)[0]}"
    return key


def spread(keys: list[str]) -> list[str]:
    """The keys reordered round-robin over their groups: the first diffs shown cover every group."""
    by_group: dict[str, list[str]] = {}
    for k in keys:
        by_group.setdefault(group(k), []).append(k)
    out, queues = [], list(by_group.values())
    while queues:
        out += [q.pop(0) for q in queues]
        queues = [q for q in queues if q]
    return out


def _crop(line: str, start: int, width: int = 160) -> str:
    left = max(0, start - width // 3)
    return ("…" if left else "") + line[left:left + width] + ("…" if len(line) > left + width else "")


def short_diff(a, b, context: int = 1, max_lines: int = 24) -> list[str]:
    """A unified diff of the two values' pretty JSON, cut to `max_lines`; long lines are cut
    around their first difference."""
    left = json.dumps(a, sort_keys=True, indent=1, ensure_ascii=False).splitlines()
    right = json.dumps(b, sort_keys=True, indent=1, ensure_ascii=False).splitlines()
    lines = list(difflib.unified_diff(left, right, "A", "B", n=context, lineterm=""))[2:]
    out = []
    for i, line in enumerate(lines):
        other = None
        if line.startswith("-") and i + 1 < len(lines) and lines[i + 1].startswith("+"):
            other = lines[i + 1]
        elif line.startswith("+") and i > 0 and lines[i - 1].startswith("-"):
            other = lines[i - 1]
        if other is not None and len(line) > 160:
            first = next((n for n, (x, y) in enumerate(zip(line[1:], other[1:])) if x != y),
                         min(len(line), len(other)) - 1)
            out.append(line[0] + _crop(line[1:], first))
        else:
            out.append(line if len(line) <= 200 else line[:200] + "…")
    if len(out) > max_lines:
        out = out[:max_lines] + [f"... ({len(out) - max_lines} more diff lines)"]
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("a", type=Path, help="the snapshot before")
    p.add_argument("b", type=Path, help="the snapshot after")
    p.add_argument("--show", type=int, default=20, help="how many differing keys to show a diff for (default 20)")
    p.add_argument("--list", action="store_true", help="also list every differing key")
    args = p.parse_args(argv)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)      # `... | head` ends quietly
    a, b = flat(load(args.a)), flat(load(args.b))

    only_a = sorted(set(a) - set(b))
    only_b = sorted(set(b) - set(a))
    differ = sorted(k for k in set(a) & set(b) if a[k] != b[k])

    for label, keys, path in (("only in A", only_a, args.a), ("only in B", only_b, args.b)):
        if keys:
            print(f"{len(keys)} keys {label} ({path}):")
            for k in keys[:args.show]:
                print(f"  {k}")
            if len(keys) > args.show:
                print(f"  ... and {len(keys) - args.show} more")
    if differ:
        groups: dict[str, int] = {}
        for k in differ:
            groups[group(k)] = groups.get(group(k), 0) + 1
        print(f"{len(differ)} keys differ, in {len(groups)} groups:")
        for g, n in sorted(groups.items()):
            print(f"  {n:6d}  {g}")
        shown = spread(differ)[:args.show]
        print(f"first {len(shown)} differences (one per group first):")
        for k in shown:
            print(f"--- {k}")
            for line in short_diff(a[k], b[k]):
                print(f"    {line}")
        if args.list:
            print("all differing keys:")
            for k in differ:
                print(f"  {k}")

    common = len(set(a) & set(b))
    if only_a or only_b or differ:
        print(f"DIFFERENT: {len(differ)} of {common} common keys differ, {len(only_a)} only in A, "
              f"{len(only_b)} only in B")
        return 1
    print(f"IDENTICAL: {common} keys")
    return 0


if __name__ == "__main__":
    sys.exit(main())
