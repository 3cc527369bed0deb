"""Bounded spreadsheet uploads: a 100,000-row import, and the bombs it must refuse.

Each case runs in a fresh process, on a fresh SQLite database in a temporary
MATCHFAIR_HOME, through the organizer's pages as the web serves them (Django's test
client: middleware, upload form, reader, stored rows, mapping page, import):

- ``import``: a workbook of 100,000 rows (25,000 organizations with four
  opportunities each, in the format of ``bench/web_import.py``) uploaded, its mapping
  page shown, and imported;
- ``zip-bomb``: 1,000,000 identical rows without row numbers, a ~100 KB file (the
  attack's was 147 KB and was read for 50 s as 1,000,000 rows);
- ``wide-sheet``: a header of 2,000 columns over 20,000 rows of one cell, with a
  dimension that claims the whole range (the attack's 13.5 KB file took 1.7 GB and
  stored 160 MB);
- ``wide-csv``: the same as CSV (the attack's 37 KB file stored 80 MB);
- ``at-limits``: the most the default limits let through, 100 columns of short,
  distinct texts over 20,000 rows (2 million cells), just under 128 MiB unpacked.

Reported per case: seconds, the process's peak resident memory after the upload and
at the end, how much the requests added to it, and what was stored. The figures are medians of ``--runs`` runs.

    python bench/upload_limits.py              # 3 runs of every case
    python bench/upload_limits.py --runs 1 --cases zip-bomb wide-sheet
"""

import argparse
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from openpyxl import Workbook

CASES = ("import", "zip-bomb", "wide-sheet", "wide-csv", "at-limits")
SHEET = "xl/worksheets/sheet1.xml"
SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)


def _cell(text: str) -> str:
    return f'<c t="inlineStr"><is><t>{text}</t></is></c>'


def _with_sheet(sheet: str) -> bytes:
    """A small workbook whose first sheet is replaced by ``sheet``, compressed."""
    book = Workbook()
    book.active.append(["name"])
    plain = io.BytesIO()
    book.save(plain)
    source = zipfile.ZipFile(plain)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for name in source.namelist():
            target.writestr(name, sheet if name == SHEET else source.read(name))
    return buffer.getvalue()


def zip_bomb(rows: int = 1_000_000) -> bytes:
    body = "<row>" + _cell("name") + "</row>" + ("<row>" + _cell("Acme") + "</row>") * rows
    return _with_sheet(SHEET_START + "<sheetData>" + body + "</sheetData></worksheet>")


def wide_sheet(columns: int = 2000, rows: int = 20_000) -> bytes:
    header = "<row>" + "".join(_cell(f"c{number}") for number in range(columns)) + "</row>"
    body = header + ("<row>" + _cell("x") + "</row>") * rows
    dimension = f'<dimension ref="A1:BXX{rows + 1}"/>'
    return _with_sheet(SHEET_START + dimension + "<sheetData>" + body + "</sheetData></worksheet>")


def wide_csv(columns: int = 2000, rows: int = 15_000) -> bytes:
    return ",".join(f"c{number}" for number in range(columns)).encode() + b"\n" + b"x\n" * rows


def at_limits(columns: int = 100, rows: int = 20_000) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Participants")
    sheet.append(["Organization", *(f"column {number}" for number in range(1, columns))])
    for row in range(rows):
        sheet.append([f"Company {row}", *(f"r{row}c{column}" for column in range(1, columns))])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def hundred_thousand_rows() -> bytes:
    sys.path.insert(0, str(Path(__file__).parent))
    from web_import import workbook

    return workbook(25_000, 4)


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(case: str, path: str) -> dict[str, object]:
    """One case in this process: the upload (and for ``import`` the mapping and import)."""
    from matchfair.web.boot import start_django

    start_django()
    import re

    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.test.utils import setup_test_environment

    from matchfair.web.directory.models import Opportunity, Participation, SpreadsheetUpload
    from matchfair.web.directory.spreadsheets.mapping import guess_mapping
    from matchfair.web.events.domain.events import create_event

    setup_test_environment()
    organizer = get_user_model().objects.create_user("bench-organizer", is_staff=True)
    event = create_event(name="Upload limits", code="", timezone="UTC", organizer=organizer)
    client = Client()
    client.force_login(organizer, backend="django.contrib.auth.backends.ModelBackend")
    content = Path(path).read_bytes()
    name = Path(path).name
    # The first request loads the URLs, views and templates: not the upload's cost.
    assert client.get(f"/events/{event.pk}/organizations/import/").status_code == 200
    before = _rss_mib()
    started = time.perf_counter()
    response = client.post(
        f"/events/{event.pk}/organizations/import/", {"file": SimpleUploadedFile(name, content)}
    )
    uploaded = time.perf_counter()
    result: dict[str, object] = {
        "case": case,
        "file_kib": len(content) / 1024,
        "upload_s": uploaded - started,
        "rss_before_mib": before,
        "upload_peak_mib": _peak_mib(),
    }
    stored = SpreadsheetUpload.objects.first()
    if stored is None:
        errors = re.findall(
            r'<ul class="errorlist[^"]*"[^>]*><li>(.*?)</li>', response.content.decode()
        )
        result.update(refused=errors[0] if errors else f"status {response.status_code}")
    else:
        result["stored_mib"] = len(json.dumps(stored.rows, ensure_ascii=False).encode()) / 2**20
        result["rows"] = len(stored.rows)
    if case == "import" and stored is not None:
        url = f"/events/{event.pk}/organizations/import/{stored.pk}/"
        assert client.get(url).status_code == 200
        shown = time.perf_counter()
        mapping = {key: str(index) for key, index in guess_mapping(stored.headers).items()}
        response = client.post(url, mapping)
        assert response.status_code == 302, response.content.decode()[-2000:]
        imported = time.perf_counter()
        result.update(
            mapping_page_s=shown - uploaded,
            import_s=imported - shown,
            organizations=Participation.objects.filter(event=event).count(),
            opportunities=Opportunity.objects.filter(event=event).count(),
            uploads_left=SpreadsheetUpload.objects.count(),
        )
    result["total_s"] = time.perf_counter() - started
    result["peak_mib"] = _peak_mib()
    result["added_mib"] = result["peak_mib"] - before
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cases", nargs="+", choices=CASES, default=list(CASES))
    parser.add_argument("--child", nargs=2, metavar=("CASE", "FILE"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        print(json.dumps(child(*arguments.child)))
        return 0

    makers = {
        "import": ("participants.xlsx", hundred_thousand_rows),
        "zip-bomb": ("bomb.xlsx", zip_bomb),
        "wide-sheet": ("wide.xlsx", wide_sheet),
        "wide-csv": ("wide.csv", wide_csv),
        "at-limits": ("limits.xlsx", at_limits),
    }
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, load average at start {os.getloadavg()}")
    results: dict[str, list[dict[str, object]]] = {case: [] for case in arguments.cases}
    with tempfile.TemporaryDirectory(prefix="matchfair-upload-bench-") as folder:
        files = {}
        for case in arguments.cases:
            name, make = makers[case]
            files[case] = Path(folder) / name
            files[case].write_bytes(make())
        for run in range(arguments.runs):
            for case in arguments.cases:
                with tempfile.TemporaryDirectory(prefix="home-", dir=folder) as home:
                    done = subprocess.run(
                        [sys.executable, __file__, "--child", case, str(files[case])],
                        env={**os.environ, "MATCHFAIR_HOME": home, "MATCHFAIR_DATABASE_URL": ""},
                        capture_output=True,
                        text=True,
                        check=False,
                    )
                if done.returncode != 0:
                    sys.exit(f"{case} failed:\n{done.stderr}")
                result = json.loads(done.stdout.splitlines()[-1])
                result["load"] = os.getloadavg()[0]
                results[case].append(result)
                print(f"run {run + 1}: {json.dumps(result, ensure_ascii=False)}", flush=True)
    print(f"load average at end {os.getloadavg()}")
    for case, runs in results.items():
        numbers = {
            key: statistics.median(float(r[key]) for r in runs)
            for key in runs[0]
            if isinstance(runs[0][key], int | float) and not isinstance(runs[0][key], bool)
        }
        print(
            f"median of {len(runs)} {case}: "
            + ", ".join(f"{k}={v:.2f}" for k, v in numbers.items())
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
