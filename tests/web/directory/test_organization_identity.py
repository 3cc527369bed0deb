"""Who is who across events (issue 11, findings 1, 2 and 8): no role through another event.

Alice organizes event 1, where TEGnology (with its delegate Teg) and Tsinghua (no
delegate yet) take part. Mallory organizes other events only, and tries every page,
the API and every import to become TEGnology or Tsinghua in event 1, or to enroll
Teg's account in her events. A directory entry that takes part in events an actor does
not organize, or (for imports) that has delegates, is never reused: the actor gets a
new, separate entry, flagged to the organizer as a possible duplicate.
"""

import json
import re
from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from django.urls import reverse
from typer.testing import CliRunner

from matchfair.cli.main import app
from matchfair.web.audit.models import AuditEntry
from matchfair.web.directory.domain.identity import OPERATOR, standing_of
from matchfair.web.directory.domain.names import name_key, name_skeleton
from matchfair.web.directory.models import Delegate, Organization, Participation
from matchfair.web.directory.spreadsheets.mapping import guess_mapping
from matchfair.web.directory.spreadsheets.reading import read_table
from matchfair.web.events.models import Event
from matchfair.web.events.rules import event_access
from matchfair.web.exchange.spreadsheets import import_rows
from matchfair.web.exchange.to_database import import_event
from matchfair.web.meetings.models import MeetingRequest
from matchfair.web.notify.domain.portal_rules import rules_of
from matchfair.web.notify.models import PortalRules
from tests.web.documents import full_event, full_event_data
from tests.web.factories import delegate, make_event, own_event, person, xlsx_bytes

pytestmark = pytest.mark.django_db

TSINGHUA = "清华四川能源互联网研究院"
PASSWORD = "Pr0file-and-agenda!"


@pytest.fixture
def alice(db) -> AbstractBaseUser:
    return person("alice", staff=True)


@pytest.fixture
def victim(alice) -> Event:
    """Event 1: TEGnology with its delegate Teg, Tsinghua without any delegate yet."""
    event = make_event(alice)
    delegate(Participation.objects.get(event=event, code="tegnology"), "teg")
    return event


@pytest.fixture
def mallory(db) -> AbstractBaseUser:
    return person("mallory", staff=True)


@pytest.fixture
def attacker_event(mallory) -> Event:
    return own_event(mallory)


def entry(event: Event, code: str) -> Participation:
    return Participation.objects.get(event=event, code=code)


def user(email: str) -> AbstractBaseUser:
    return get_user_model().objects.get(email=email)


@pytest.fixture
def assert_no_role(client_for) -> Callable[[AbstractBaseUser, Event], None]:
    """``assert_no_role(person, event)``: neither the rules nor any page or endpoint of
    ``event`` lets the person in."""

    def check(person_: AbstractBaseUser, event: Event) -> None:
        assert event_access(person_, event) is None
        client = client_for(person_)
        for code in ("tegnology", "tsinghua-energy"):
            participation = entry(event, code)
            for page in ("portal:agenda", "portal:agenda_ics", "portal:requests", "portal:team"):
                assert client.get(reverse(page, args=[participation.pk])).status_code == 403
        assert client.get(f"/api/events/{event.pk}/requests").status_code == 404
        requests = MeetingRequest.objects.filter(event=event).count()
        sent = client.post(
            f"/api/events/{event.pk}/requests",
            {"recipient": entry(event, "smart-eye").pk},
            content_type="application/json",
        )
        assert sent.status_code == 404
        assert MeetingRequest.objects.filter(event=event).count() == requests

    return check


INVITE = {
    "organization_name": "TEGnology",
    "country": "DK",
    "kind": "company",
    "attendance": "onsite",
    "contact_name": "Mallory",
    "email": "mallory@evil.example",
}


# Finding 1: an organizer of one event takes over an organization of another.


@pytest.mark.parametrize(
    "typed", ["TEGnology", "  tegnology ", "ＴＥＧｎｏｌｏｇｙ", "TEG\u200bnology"]
)
def test_the_invite_page_of_another_event_makes_a_separate_entry(
    assert_no_role, client_for, victim, mallory, attacker_event, typed
):
    client = client_for(mallory)
    response = client.post(
        reverse("orga:invite", args=[attacker_event.pk]), {**INVITE, "organization_name": typed}
    )
    assert response.status_code == 302
    real = entry(victim, "tegnology").organization
    invited = Participation.objects.get(event=attacker_event).organization
    assert invited != real
    assert user("mallory@evil.example").delegate.organization == invited
    assert list(real.delegates.values_list("user__username", flat=True)) == ["teg"]
    assert_no_role(user("mallory@evil.example"), victim)
    # The real TEGnology's account is not enrolled in Mallory's event either.
    assert event_access(user("teg@example.org"), attacker_event) is None
    # The organizer is told, on the result and on the list, what it may be a copy of.
    listing = client.get(response["Location"], follow=True).content.decode()
    assert "possible duplicate of TEGnology (DK)" in listing


def test_the_invite_page_refuses_an_organization_shared_with_an_event_of_someone_else(
    client_for, victim, mallory, attacker_event
):
    # TEGnology takes part in Mallory's event too (the administrator added it).
    Participation.objects.create(
        event=attacker_event, organization=entry(victim, "tegnology").organization, code="teg"
    )
    response = client_for(mallory).post(reverse("orga:invite", args=[attacker_event.pk]), INVITE)
    assert response.status_code == 200
    assert "also takes part in events you do not organize" in str(
        response.context["form"].errors["organization_name"]
    )
    assert not get_user_model().objects.filter(email="mallory@evil.example").exists()
    assert mail.outbox == []


def test_the_team_page_of_another_event_adds_no_colleague(
    client_for, victim, mallory, attacker_event
):
    shared = Participation.objects.create(
        event=attacker_event, organization=entry(victim, "tegnology").organization, code="teg"
    )
    response = client_for(mallory).post(
        reverse("portal:team", args=[shared.pk]),
        {"contact_name": "Mallory", "email": "mallory@evil.example"},
    )
    assert response.status_code == 200
    assert "also takes part in events you do not organize" in str(
        response.context["form"].errors["email"]
    )
    assert not Delegate.objects.filter(user__email="mallory@evil.example").exists()
    assert mail.outbox == []


@pytest.mark.parametrize("page", ["invite", "team"])
def test_an_entry_without_people_shared_with_another_event_is_split_off(
    assert_no_role, client_for, victim, mallory, attacker_event, page
):
    # Tsinghua takes part in both events through one entry, without any delegate.
    real = entry(victim, "tsinghua-energy").organization
    shared = Participation.objects.create(event=attacker_event, organization=real, code="th")
    client = client_for(mallory)
    if page == "invite":
        client.post(
            reverse("orga:invite", args=[attacker_event.pk]),
            {**INVITE, "organization_name": TSINGHUA, "country": "CN", "kind": "research"},
        )
    else:
        client.post(
            reverse("portal:team", args=[shared.pk]),
            {"contact_name": "Mallory", "email": "mallory@evil.example"},
        )
    shared.refresh_from_db()
    assert shared.organization != real
    assert entry(victim, "tsinghua-energy").organization == real
    assert user("mallory@evil.example").delegate.organization == shared.organization
    assert_no_role(user("mallory@evil.example"), victim)
    listing = client.get(reverse("orga:organizations", args=[attacker_event.pk]))
    assert f"possible duplicate of {TSINGHUA} (CN)" in listing.content.decode()


def test_the_people_page_gives_roles_in_its_own_event_only(
    assert_no_role, client_for, victim, mallory, attacker_event
):
    client = client_for(mallory)
    page = reverse("orga:event_people", args=[attacker_event.pk])
    client.post(page, {"email": "teg@example.org", "role": "viewer", "name": ""})
    client.post(page, {"email": "accomplice@evil.example", "role": "organizer", "name": "A"})
    for email in ("teg@example.org", "accomplice@evil.example"):
        assert event_access(user(email), attacker_event) is not None
    assert_no_role(user("accomplice@evil.example"), victim)
    # Teg stays TEGnology's delegate in event 1 and nothing more.
    assert event_access(user("teg@example.org"), victim).own == entry(victim, "tegnology")


def test_an_existing_account_invited_to_another_entry_gains_nothing_elsewhere(
    assert_no_role, client_for, victim, mallory, attacker_event
):
    stranger = person("stranger")
    client_for(mallory).post(
        reverse("orga:invite", args=[attacker_event.pk]),
        {**INVITE, "organization_name": "Evil Corp", "email": stranger.email},
    )
    assert stranger.delegate.organization.name == "Evil Corp"
    assert_no_role(stranger, victim)
    # Teg, a delegate of TEGnology, cannot be moved to another organization.
    response = client_for(mallory).post(
        reverse("orga:invite", args=[attacker_event.pk]),
        {**INVITE, "organization_name": "Evil Corp", "email": "teg@example.org"},
    )
    assert "is a delegate of TEGnology already" in str(response.context["form"].errors["email"])


def test_the_web_import_enrolls_nobody_and_reuses_no_entry_of_another_event(
    client_for, victim, mallory
):
    upload = SimpleUploadedFile(
        "event.json", json.dumps(full_event_data(), ensure_ascii=False).encode()
    )
    response = client_for(mallory).post(reverse("orga:import_event_file"), {"file": upload})
    assert response.status_code == 302
    imported = Event.objects.exclude(pk=victim.pk).get()
    for code in ("tegnology", "tsinghua-energy", "smart-eye"):
        assert entry(imported, code).organization != entry(victim, code).organization
    assert event_access(user("teg@example.org"), imported) is None


def test_the_command_line_import_enrolls_no_account(victim, tmp_path):
    source = tmp_path / "event.json"
    source.write_text(json.dumps(full_event_data(), ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(app, ["import", str(source)])
    assert result.exit_code == 0, result.output
    imported = Event.objects.exclude(pk=victim.pk).get()
    # The operator shares the directory, except the entries that have people.
    assert entry(imported, "tegnology").organization != entry(victim, "tegnology").organization
    assert entry(imported, "smart-eye").organization == entry(victim, "smart-eye").organization
    assert event_access(user("teg@example.org"), imported) is None


def test_a_spreadsheet_import_reuses_no_entry_of_another_event(victim, mallory, attacker_event):
    table = read_table(
        "sheet.xlsx",
        xlsx_bytes([["Organization", "Country", "Kind"], ["TEGnology", "DK", "company"]]),
    )
    import_rows(attacker_event, table, guess_mapping(table.headers), standing=standing_of(mallory))
    imported = Participation.objects.get(event=attacker_event).organization
    assert imported != entry(victim, "tegnology").organization
    assert event_access(user("teg@example.org"), attacker_event) is None


# Finding 2: an anonymous visitor claims an organization without a delegate account.


def open_registration(event: Event) -> str:
    rules = rules_of(event)
    rules.registration = PortalRules.Registration.OPEN
    rules.save()
    return reverse("portal:register", args=[event.pk])


def sign_up(event: Event, **changes: str) -> Client:
    client = Client()
    response = client.post(
        open_registration(event),
        {
            "organization_name": TSINGHUA,
            "country": "CN",
            "kind": "research",
            "attendance": "onsite",
            "first_name": "Eve",
            "last_name": "Intruder",
            "email": "eve@evil.example",
            "password": PASSWORD,
            "timezone": "UTC",
            "language": "en",
            **changes,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    return client


def test_open_registration_with_another_events_organization_makes_a_separate_entry(
    assert_no_role, client_for, victim, mallory, attacker_event
):
    sign_up(attacker_event)
    eve = user("eve@evil.example")
    real = entry(victim, "tsinghua-energy").organization
    assert eve.delegate.organization != real
    assert not real.delegates.exists()
    assert_no_role(eve, victim)
    listing = client_for(mallory).get(reverse("orga:organizations", args=[attacker_event.pk]))
    assert f"possible duplicate of {TSINGHUA} (CN)" in listing.content.decode()


def test_an_unused_directory_entry_is_reused_by_registration(mallory, attacker_event):
    unused = Organization.objects.create(name="Nordic Battery", country="SE", kind="company")
    sign_up(attacker_event, organization_name="Nordic  battery", country="SE", kind="company")
    assert user("eve@evil.example").delegate.organization == unused


# Finding 8 (part): look-alike names.


def test_names_that_read_the_same_have_one_key():
    assert {
        name_key(name)
        for name in ["TOMRA Group", "  tomra   group ", "ＴＯＭＲＡ Group", "TOMRA\u200b Group"]
    } == {"tomra group"}
    assert name_key("TOMRA Group") != name_key("TOMRA Groups")


def test_names_that_look_the_same_have_one_skeleton():
    latin = name_skeleton("TOMRA Group")
    assert name_skeleton("ТОМRА Group") == latin  # Т, О, М and А are Cyrillic
    assert name_skeleton("TOMRA Grоup") == latin  # a Cyrillic о
    assert name_skeleton("TOMRA  group") == latin
    assert name_skeleton("TEGnoIogy") == name_skeleton("TEGnology")  # capital I for l
    assert name_skeleton("TOMRA Group") != name_skeleton("TOMRA Groep")


def test_a_cyrillic_look_alike_registers_separately_and_is_flagged(
    assert_no_role, client_for, victim, mallory, attacker_event
):
    sign_up(attacker_event, organization_name="TЕGnology", country="DK", kind="company")
    real = entry(victim, "tegnology").organization
    assert user("eve@evil.example").delegate.organization != real
    assert_no_role(user("eve@evil.example"), victim)
    listing = client_for(mallory).get(reverse("orga:organizations", args=[attacker_event.pk]))
    assert "possible duplicate of TEGnology (DK)" in listing.content.decode()


def test_extra_spaces_and_case_meet_the_existing_entry(victim, mallory, attacker_event):
    response = Client().post(
        open_registration(attacker_event),
        {
            "organization_name": "  tegnology  ",
            "country": "DK",
            "kind": "company",
            "attendance": "onsite",
            "first_name": "Eve",
            "last_name": "Intruder",
            "email": "eve@evil.example",
            "password": PASSWORD,
            "timezone": "UTC",
            "language": "en",
        },
    )
    assert "TEGnology is registered already" in str(
        response.context["form"].errors["organization_name"]
    )
    assert not Participation.objects.filter(event=attacker_event).exists()


# What stays: organizers inside their own events, and the operator.


def test_an_organizer_re_invites_within_their_own_event(client_for, victim, alice):
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client_for(alice).post(
            reverse("orga:invite", args=[victim.pk]),
            {**INVITE, "email": "second@tegnology.example"},
        )
    assert response.status_code == 302
    colleague = user("second@tegnology.example").delegate
    assert colleague.organization == entry(victim, "tegnology").organization
    assert re.search(r"/welcome/\S+/", mail.outbox[-1].body)


def test_an_organizer_of_every_edition_invites_a_returning_organization(client_for, victim, alice):
    next_edition = own_event(alice, "Next edition")
    client_for(alice).post(
        reverse("orga:invite", args=[next_edition.pk]), {**INVITE, "email": "new@tegnology.example"}
    )
    assert (
        Participation.objects.get(event=next_edition).organization
        == entry(victim, "tegnology").organization
    )


def test_an_organizers_import_of_the_next_edition_reuses_entries_without_people(victim, alice):
    imported = import_event(full_event(), organizers=[alice], standing=standing_of(alice))
    assert entry(imported, "smart-eye").organization == entry(victim, "smart-eye").organization
    # TEGnology has a delegate: an import never enrolls an account.
    assert entry(imported, "tegnology").organization != entry(victim, "tegnology").organization


def test_the_operator_shares_entries_without_people(victim):
    imported = import_event(full_event(), standing=OPERATOR)
    assert entry(imported, "tsinghua-energy").organization == (
        entry(victim, "tsinghua-energy").organization
    )


# Separate entries become one only by someone who answers for every event of both.


def test_an_organizer_of_both_events_merges_a_separate_entry(client_for, victim, alice):
    next_edition = own_event(alice, "Next edition")
    sign_up(next_edition)
    separate = Participation.objects.get(event=next_edition)
    real = entry(victim, "tsinghua-energy").organization
    response = client_for(alice).post(
        reverse("orga:merge_organization", args=[next_edition.pk, separate.pk]), {"into": real.pk}
    )
    assert response.status_code == 302
    separate.refresh_from_db()
    assert separate.organization == real
    assert user("eve@evil.example").delegate.organization == real
    assert Organization.objects.filter(name=TSINGHUA).count() == 1
    assert AuditEntry.objects.filter(action="organization.merged").count() == 2


def test_an_organizer_of_one_event_only_cannot_merge(
    assert_no_role, client_for, victim, mallory, attacker_event
):
    client_for(mallory).post(reverse("orga:invite", args=[attacker_event.pk]), INVITE)
    fake = Participation.objects.get(event=attacker_event)
    real = entry(victim, "tegnology").organization
    client = client_for(mallory)
    response = client.post(
        reverse("orga:merge_organization", args=[attacker_event.pk, fake.pk]),
        {"into": real.pk},
        follow=True,
    )
    assert "takes part in events you do not organize" in response.content.decode()
    fake.refresh_from_db()
    assert fake.organization != real
    assert_no_role(user("mallory@evil.example"), victim)
    tampered = reverse("orga:merge_organization", args=[attacker_event.pk, fake.pk])
    assert client.post(tampered, {"into": "１"}).status_code == 404
    assert client.post(tampered, {"into": "x"}).status_code == 404


def test_two_entries_of_one_event_are_not_merged(client_for, victim, alice):
    twin = Participation.objects.create(
        event=victim,
        organization=Organization.objects.create(name="TEGnоlogy", country="DK", kind="company"),
        code="twin",
    )
    response = client_for(alice).post(
        reverse("orga:merge_organization", args=[victim.pk, twin.pk]),
        {"into": entry(victim, "tegnology").organization.pk},
        follow=True,
    )
    assert "both take part in one event: merge refused" in response.content.decode()
    assert Organization.objects.filter(pk=twin.organization_id).exists()


def test_the_list_offers_a_merge_only_to_whoever_may_merge(
    client_for, victim, alice, mallory, attacker_event
):
    client_for(mallory).post(reverse("orga:invite", args=[attacker_event.pk]), INVITE)
    page = client_for(mallory).get(reverse("orga:organizations", args=[attacker_event.pk]))
    assert "possible duplicate of TEGnology" in page.content.decode()
    assert "Merge into" not in page.content.decode()
    next_edition = own_event(alice, "Next edition")
    sign_up(next_edition)
    page = client_for(alice).get(reverse("orga:organizations", args=[next_edition.pk]))
    assert f"Merge into {TSINGHUA}" in page.content.decode()
