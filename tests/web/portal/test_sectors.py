"""Sectors on the participant's pages: NACE sections ticked from the translated list, keywords beside."""

from django.urls import reverse

from matchfair.web.directory.models import Opportunity


def _profile(**changes: object) -> dict[str, object]:
    return {"description": "Batterien", "languages": "de", "attendance": "onsite", **changes}


def test_sections_and_folded_keywords_are_saved_with_the_profile(german_client, german):
    response = german_client.post(
        reverse("portal:profile", args=[german.pk]),
        _profile(nace=["D", "C"], sectors="Battery Storage, battery-storage, 储能"),
    )
    assert response.status_code == 302
    german.refresh_from_db()
    assert german.nace == ["D", "C"]
    assert german.sectors == ["battery-storage", "储能"]


def test_an_unknown_section_is_refused_on_its_field_and_nothing_is_saved(german_client, german):
    response = german_client.post(
        reverse("portal:profile", args=[german.pk]), _profile(nace=["D", "Z"])
    )
    assert response.status_code == 200
    assert "Z" in str(response.context["form"].errors["nace"])
    german.refresh_from_db()
    assert german.nace == []


def test_an_opportunity_takes_sections_too(german_client, german):
    german_client.post(
        reverse("portal:new_opportunity", args=[german.pk]),
        {"kind": "offer", "type": "technology", "title": "Speicher", "nace": ["D"]},
    )
    assert Opportunity.objects.get(title="Speicher").nace == ["D"]
    refused = german_client.post(
        reverse("portal:new_opportunity", args=[german.pk]),
        {"kind": "offer", "type": "technology", "title": "Speicher 2", "nace": ["energy"]},
    )
    assert "nace" in refused.context["form"].errors
    assert not Opportunity.objects.filter(title="Speicher 2").exists()


def test_the_sections_are_named_in_chinese_on_a_chinese_page(german_client, german):
    page = german_client.get(
        reverse("portal:profile", args=[german.pk]), HTTP_ACCEPT_LANGUAGE="zh-hans"
    ).content.decode()
    assert "D · 电力、燃气、蒸汽和空调供应" in page
    assert 'type="checkbox" name="nace" value="D"' in page


def test_the_catalog_filters_by_section_and_names_it_in_the_readers_language(
    german_client, german, french
):
    german.nace = ["D"]
    german.save()
    french.opportunities.update(nace=["A"])
    catalog = reverse("portal:catalog", args=[german.pk])
    names = [
        entry.participation.organization.name
        for entry in german_client.get(catalog, {"section": "A"}).context["entries"]
    ]
    assert names == [french.organization.name]
    page = german_client.get(catalog, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert '<option value="D">D · 电力、燃气、蒸汽和空调供应</option>' in page
    assert '<option value="A">A · 农业、林业和渔业</option>' in page


def test_a_partners_sections_are_named_in_the_readers_language(german_client, german, french):
    french.nace = ["A", "I"]
    french.save()
    french.opportunities.update(nace=["G"])
    page = german_client.get(
        reverse("portal:partner", args=[german.pk, french.pk]), HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()
    assert "A · Agriculture, sylviculture et pêche; I · Hébergement et restauration" in page
    assert "G · Commerce ; réparation d&#x27;automobiles et de motocycles" in page
