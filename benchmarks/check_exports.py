"""`make check-exports`: import every public sample under ../shared/data/exports/.

Each file goes into a fresh vault through format detection and the real
importer, as `ownlive import --skip-invalid` would; the script prints, per
file: the format detected, records, problems and seconds. Data files only:
SOURCE.md, LICENSE, expected-output files (target.json) and files no importer
claims are listed as skipped with the reason.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from ownlive.errors import OwnliveError
from ownlive.importers import ImportOptions, detect_importer
from ownlive.vault import Vault
from ownlive.vault.ingest import ingest

EXPORTS = Path(__file__).resolve().parents[2] / "shared" / "data" / "exports"
NOT_DATA = {"SOURCE.md", "LICENSE", "README.md", "target.json"}


def main(root: Path = EXPORTS) -> int:
    if not root.is_dir():
        print(f"no public exports at {root}; nothing to check")
        return 0
    print(f"{'file':<80} {'format':<20} {'records':>8} {'problems':>8} {'seconds':>8}")
    failures = 0
    options = ImportOptions(tz=ZoneInfo("UTC"), tz_name="UTC")
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        name = str(path.relative_to(root))
        if path.name in NOT_DATA or path.name.startswith("LICENSE"):
            continue
        if name.startswith("osm-poi/"):
            print(f"{name:<80} (public map data: `ownlive places import`, not personal data)")
            continue
        try:
            importer = detect_importer(path)
        except OwnliveError:
            print(f"{name:<80} {'(no importer)':<20}")
            continue
        with tempfile.TemporaryDirectory() as tmp, Vault(Path(tmp) / "vault.db") as vault:
            started = time.perf_counter()
            try:
                report = ingest(
                    vault, importer, path, importer.parse(path, options), skip_invalid=True
                )
            except OwnliveError as error:
                failures += 1
                print(f"{name:<80} {importer.name:<20} FAILED: {error.render()}")
                continue
            seconds = time.perf_counter() - started
        print(
            f"{name:<80} {importer.name:<20} {report.records:>8} "
            f"{len(report.problems):>8} {seconds:>8.3f}"
        )
        for problem in report.problems[:3]:
            print(f"    {problem.render()}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
