"""Excel import at scale: 5,000 organizations and 15,000 opportunities must import within 60 s.

Writes a workbook of 15,000 rows (three opportunities per organization, the
organization's columns repeated, names and texts in Chinese, English and Nordic
languages), then times what the organizer's import does: read the file, map the
columns, validate every row and store everything in one transaction. The database
is SQLite in a fresh temporary MATCHFAIR_HOME, or PostgreSQL with
MATCHFAIR_DATABASE_URL set (point it at a scratch database: the benchmark adds an event).

    python bench/web_import.py                 # 5,000 organizations
    python bench/web_import.py --organizations 1000
"""

import argparse
import io
import os
import sys
import tempfile
import time

from openpyxl import Workbook

LIMIT_SECONDS = 60.0
COUNTRIES = ("CN", "FI", "SE", "DK", "NO", "IS", "DE", "JP")
TITLES = (
    ("offer", "technology", "Thermoelectric waste-heat recovery modules"),
    ("request", "research", "光伏储能系统联合研发"),
    ("offer", "services", "AI-baserad bildanalys för industrin"),
    ("request", "manufacturing", "可降解材料上下游供应链合作"),
    ("offer", "technology", "Täsmäviljelyn anturit ja data-analytiikka"),
    ("request", "investment", "Pilot sites for grid-scale battery storage"),
)
HEADERS = [
    "Organization",
    "Country",
    "Kind",
    "Sectors",
    "Languages",
    "Profile",
    "Offer or request",
    "Opportunity type",
    "Opportunity",
]


def workbook(organizations: int, per_organization: int) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Participants")
    sheet.append(HEADERS)
    for number in range(organizations):
        country = COUNTRIES[number % len(COUNTRIES)]
        name = f"成都高新区企业 {number}" if country == "CN" else f"Nordic Company {number} Oy"
        for offset in range(per_organization):
            kind, kind_type, title = TITLES[(number + offset) % len(TITLES)]
            sheet.append(
                [
                    name,
                    country,
                    "company",
                    "energy; ai",
                    "zh, en" if country == "CN" else "en",
                    f"Profile of organization {number}",
                    kind,
                    kind_type,
                    f"{title} ({number}.{offset})",
                ]
            )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organizations", type=int, default=5000)
    parser.add_argument("--opportunities-each", type=int, default=3)
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="matchfair-bench-") as home:
        os.environ["MATCHFAIR_HOME"] = home
        return run(arguments.organizations, arguments.opportunities_each)


def run(organizations: int, opportunities_each: int) -> int:
    from matchfair.web.boot import start_django

    start_django()
    from django.contrib.auth import get_user_model

    from matchfair.web.directory.spreadsheets.mapping import guess_mapping
    from matchfair.web.directory.spreadsheets.reading import read_table
    from matchfair.web.events.domain.events import create_event
    from matchfair.web.exchange.spreadsheets import import_rows

    content = workbook(organizations, opportunities_each)
    organizer = get_user_model().objects.create_user("bench-organizer", is_staff=True)
    event = create_event(name="Import benchmark", code="", timezone="UTC", organizer=organizer)

    started = time.perf_counter()
    table = read_table("participants.xlsx", content)
    read = time.perf_counter()
    summary = import_rows(event, table, guess_mapping(table.headers))
    finished = time.perf_counter()

    database = "PostgreSQL" if os.environ.get("MATCHFAIR_DATABASE_URL") else "SQLite"
    total = finished - started
    print(f"database: {database}; file: {len(content) / 2**20:.1f} MiB, {len(table.rows)} rows")
    print(f"imported {summary.organizations} organizations, {summary.opportunities} opportunities")
    print(
        f"read {read - started:.1f} s + validate and store {finished - read:.1f} s = {total:.1f} s"
    )
    print(f"limit {LIMIT_SECONDS:.0f} s: {'met' if total <= LIMIT_SECONDS else 'MISSED'}")
    return 0 if total <= LIMIT_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
