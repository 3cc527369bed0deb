"""Building the demo event file from the catalogue: deterministic, so every demo is the same."""

import random
from collections.abc import Iterable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from matchfair import core
from matchfair.web.demo.catalogue import (
    CHENGDU_DISTRICTS,
    CHENGDU_NAMED,
    CHENGDU_SECTORS,
    CHENGDU_SUFFIXES,
    KEYWORD_SECTIONS,
    NORDIC_NAMED,
    NORDIC_PATTERNS,
    NORDIC_SPECIALITIES,
    OPPORTUNITIES,
    TAILOR_MADE,
    NamedOrganization,
)

DEMO_CODE = "chengdu-nordic-2024"
DEMO_NAME = "Chengdu-Europe Industrial Dialogue: China (Chengdu) – Nordic Technology Innovation"
TIMEZONE = "Asia/Shanghai"
DAY = datetime(2024, 11, 18, tzinfo=ZoneInfo(TIMEZONE))
NORDIC_COUNT = 15
CHENGDU_COUNT = 82
REQUESTS_PER_NORDIC = 9
INTERPRETERS = 12
OPPORTUNITIES_PER_SECTOR = 2
SEED = 2024


def at(clock: str) -> datetime:
    """A time of the event day, from ``HH:MM``."""
    hours, minutes = clock.split(":")
    return DAY + timedelta(hours=int(hours), minutes=int(minutes))


def _sections(keywords: Iterable[str]) -> list[str]:
    """The NACE sections the demo's keywords name (see ``KEYWORD_SECTIONS``)."""
    return list(dict.fromkeys(KEYWORD_SECTIONS[k] for k in keywords if k in KEYWORD_SECTIONS))


def _organization(named: NamedOrganization, group: str, **extra: object) -> core.Organization:
    return core.Organization(
        id=named.key,
        name=named.name,
        country=named.country,
        kind=named.kind,
        nace=_sections(named.sectors),
        sectors=list(named.sectors),
        languages=list(named.languages),
        group=group,
        description=named.description,
        **extra,
    )


def _nordic(rng: random.Random) -> list[core.Organization]:
    organizations = [
        _organization(n, "nordic", delegates=2 if n.kind == "association" else 1)
        for n in NORDIC_NAMED
    ]
    countries = sorted(NORDIC_PATTERNS)
    sectors = sorted(NORDIC_SPECIALITIES)
    index = 0
    while len(organizations) < NORDIC_COUNT:
        country = countries[index % len(countries)]
        towns, suffix, languages = NORDIC_PATTERNS[country]
        sector = sectors[index % len(sectors)]
        name = f"{towns[index % len(towns)]} {NORDIC_SPECIALITIES[sector]} {suffix}"
        organizations.append(
            core.Organization(
                id=f"nordic-{index + 1:02d}",
                name=name,
                country=country,
                kind="company",
                nace=_sections([sector]),
                sectors=[sector],
                languages=list(languages),
                group="nordic",
                attendance="online" if rng.random() < 0.2 else "onsite",
                description=f"{NORDIC_SPECIALITIES[sector]} from {towns[0]}.",
            )
        )
        index += 1
    return organizations


def _chengdu(rng: random.Random) -> list[core.Organization]:
    organizations = [_organization(n, "chengdu") for n in CHENGDU_NAMED]
    sectors = sorted(CHENGDU_SECTORS)
    names: set[str] = {o.name for o in organizations}
    index = 0
    while len(organizations) < CHENGDU_COUNT:
        district = CHENGDU_DISTRICTS[index % len(CHENGDU_DISTRICTS)]
        sector = sectors[(index // len(CHENGDU_DISTRICTS)) % len(sectors)]
        suffix, kind = CHENGDU_SUFFIXES[index % len(CHENGDU_SUFFIXES)]
        name = f"成都{district}{CHENGDU_SECTORS[sector]}{suffix}"
        index += 1
        if name in names:
            continue
        names.add(name)
        organizations.append(
            core.Organization(
                id=f"chengdu-{len(organizations) + 1:02d}",
                name=name,
                country="CN",
                kind=kind,
                nace=_sections([sector]),
                sectors=[sector],
                languages=["zh", "en"] if rng.random() < 0.3 else ["zh"],
                group="chengdu",
                description=f"{district}{CHENGDU_SECTORS[sector]}领域的技术与产业合作平台。",
            )
        )
    return organizations


def _opportunities(organizations: list[core.Organization]) -> list[core.Opportunity]:
    opportunities = []
    for position, organization in enumerate(organizations):
        for sector in organization.sectors:
            texts = OPPORTUNITIES.get(sector, ())
            chinese = organization.country == "CN"
            fitting = [t for t in texts if (t[2] == "zh") == chinese] or list(texts)
            turn = position % len(fitting) if fitting else 0
            chosen = (fitting[turn:] + fitting[:turn])[:OPPORTUNITIES_PER_SECTOR]
            for number, (kind, kind_type, _language, title) in enumerate(chosen, start=1):
                opportunities.append(
                    core.Opportunity(
                        id=f"{organization.id}-{sector}-{number}",
                        organization=organization.id,
                        kind=kind,
                        type=kind_type,
                        title=title,
                        sectors=[sector],
                    )
                )
    return opportunities


def _requests(
    rng: random.Random, nordic: list[core.Organization], chengdu: list[core.Organization]
) -> list[core.MeetingRequest]:
    requests = [
        core.MeetingRequest(from_=a, to=b, weight=3, mandatory=True) for a, b in TAILOR_MADE
    ]
    paired = {frozenset(pair) for pair in TAILOR_MADE}
    for organization in nordic:
        close = [c for c in chengdu if set(c.sectors) & set(organization.sectors)]
        others = [c for c in chengdu if c not in close]
        rng.shuffle(close)
        rng.shuffle(others)
        for partner in (close + others)[:REQUESTS_PER_NORDIC]:
            if frozenset((organization.id, partner.id)) in paired:
                continue
            paired.add(frozenset((organization.id, partner.id)))
            requests.append(_request(rng, organization.id, partner.id))
    return requests


def _request(rng: random.Random, nordic: str, chengdu: str) -> core.MeetingRequest:
    """A request from either side; most are accepted by the other."""
    first, second = (chengdu, nordic) if rng.random() < 0.4 else (nordic, chengdu)
    return core.MeetingRequest(
        from_=first,
        to=second,
        weight=rng.choice((1, 1, 2, 3)),
        status="accepted" if rng.random() < 0.85 else "requested",
    )


def demo_event() -> core.Event:
    """The demo event file: sessions, about 100 organizations, opportunities, requests."""
    rng = random.Random(SEED)
    nordic = _nordic(rng)
    chengdu = _chengdu(rng)
    organizations = nordic + chengdu
    return core.Event(
        event=core.EventInfo(
            id=DEMO_CODE,
            name=DEMO_NAME,
            timezone=TIMEZONE,
            sessions=[
                core.Session(
                    id="matchmaking",
                    start=at("14:15"),
                    end=at("17:40"),
                    slot_minutes=20,
                    gap_minutes=5,
                    mode="hybrid",
                )
            ],
            tables=30,
            online_rooms=None,
            match_across_groups=True,
        ),
        organizations=organizations,
        opportunities=_opportunities(organizations),
        meeting_requests=_requests(rng, nordic, chengdu),
        interpreters=[
            core.Interpreter(id=f"interpreter-{number}", languages=["zh", "en"])
            for number in range(1, INTERPRETERS + 1)
        ]
        + [core.Interpreter(id="interpreter-nordic", languages=["zh", "sv", "no", "da"])],
    )
