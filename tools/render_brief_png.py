"""Render one sheet of an Excel brief to PNG with LibreOffice, e.g. the README's picture:

    GSB_DATA_DIR=... python tools/render_brief_png.py --page resumen --sheet Resumen \\
        --out docs/img/brief-resumen.png

The brief is built with exports.brief.build_brief; every other sheet is hidden (a hidden sheet
is not printed), LibreOffice converts the workbook to PDF and pdftoppm draws its first page.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import uuid
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def only_sheet(src: Path, dst: Path, sheet: str) -> None:
    """A copy of `src` where every sheet but `sheet` is hidden and `sheet` is the active one."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/workbook.xml":
                xml = data.decode()
                tags = re.findall(r"<sheet [^>]*/>", xml)
                index = next(i for i, tag in enumerate(tags) if f'name="{sheet}"' in tag)
                for tag in tags:
                    if f'name="{sheet}"' not in tag:
                        xml = xml.replace(tag, tag.replace('state="visible"', 'state="hidden"'))
                xml = re.sub(r'activeTab="\d+"', f'activeTab="{index}"', xml)
                data = xml.encode()
            zout.writestr(item, data)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--page", default="resumen")
    ap.add_argument("--year")
    ap.add_argument("--lang", default="es")
    ap.add_argument("--sheet", default="Resumen")
    ap.add_argument("--dpi", type=int, default=60)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "img" / "brief-resumen.png")
    args = ap.parse_args()
    from exports.brief import build_brief
    query = {"page": args.page, "lang": args.lang, **({"year": args.year} if args.year else {})}
    _, data = build_brief(query)
    work = Path(tempfile.mkdtemp(prefix="brief-png-"))
    profile = Path(f"/tmp/lo-{uuid.uuid4().hex}")
    try:
        (work / "brief.xlsx").write_bytes(data)
        only_sheet(work / "brief.xlsx", work / "sheet.xlsx", args.sheet)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(work), str(work / "sheet.xlsx")], check=True, capture_output=True)
        subprocess.run(["pdftoppm", "-png", "-r", str(args.dpi), "-f", "1", "-l", "1", "-singlefile",
                        str(work / "sheet.pdf"), str(work / "page")], check=True)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(work / "page.png", args.out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(profile, ignore_errors=True)
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
