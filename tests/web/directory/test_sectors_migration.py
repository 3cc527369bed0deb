"""directory migration 0007: stored free-text sectors become folded keywords and, where
a keyword names one NACE section and nothing else, that section too."""

from importlib import import_module

from matchfair.web.directory.models import Opportunity, Participation
from matchfair.web.events.models import Event

migration = import_module("matchfair.web.directory.migrations.0007_nace_sections")


def test_old_sectors_are_folded_and_kept_once(event: Event):
    participation = Participation.objects.filter(event=event).first()
    Participation.objects.filter(pk=participation.pk).update(
        sectors=["Circular Economy", "circular-economy", "  ", "Hydrogen"], nace=[]
    )
    migration.sectors_to_sections(Participation.objects)
    participation.refresh_from_db()
    assert participation.sectors == ["circular-economy", "hydrogen"]
    assert participation.nace == []


def test_unambiguous_keywords_file_the_row_under_their_section(event: Event):
    opportunity = Opportunity.objects.filter(event=event).first()
    Opportunity.objects.filter(pk=opportunity.pk).update(
        sectors=["Energy", "construction", "农业", "medical", "tourism"], nace=[]
    )
    migration.sectors_to_sections(Opportunity.objects)
    opportunity.refresh_from_db()
    assert opportunity.nace == ["D", "F", "A"]
    assert opportunity.sectors == ["energy", "construction", "农业", "medical", "tourism"]


def test_sections_already_chosen_are_kept_and_not_repeated(event: Event):
    participation = Participation.objects.filter(event=event).first()
    Participation.objects.filter(pk=participation.pk).update(sectors=["energy"], nace=["D", "M"])
    migration.sectors_to_sections(Participation.objects)
    participation.refresh_from_db()
    assert participation.nace == ["D", "M"]
