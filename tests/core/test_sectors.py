"""Sectors in the event file: NACE Rev. 2 sections checked, keywords folded to one spelling."""

import json
from pathlib import Path

import pytest

from matchfair.core import (
    SECTION_CODES,
    FormatError,
    dump_document,
    normalize_keyword,
    parse_event,
    section_choices,
    section_name,
    sector_message,
)
from matchfair.core.sectors import section_keyword
from matchfair.i18n import use_language


def _example(examples: Path) -> dict:
    return json.loads((examples / "event.json").read_text(encoding="utf-8"))


def _messages(data: dict) -> list[str]:
    with pytest.raises(FormatError) as caught:
        parse_event(data, "bad.json")
    return [str(issue) for issue in caught.value.issues]


def test_the_list_is_the_twenty_one_nace_sections():
    assert tuple("ABCDEFGHIJKLMNOPQRSTU") == SECTION_CODES
    assert section_name("D") == "Electricity, gas, steam and air conditioning supply"
    assert section_choices()[0] == ("A", "A · Agriculture, forestry and fishing")


@pytest.mark.parametrize(
    ("language", "expected"),
    [("zh-hans", "电力、燃气、蒸汽和空调供应"), ("de", "Energieversorgung"), ("fr", "Production")],
)
def test_section_names_are_translated(language: str, expected: str):
    with use_language(language):
        assert section_name("D").startswith(expected)
        assert all(section_name(code) != section_name.__name__ for code in SECTION_CODES)


@pytest.mark.parametrize("language", ["zh-hans", "de", "fr"])
def test_every_section_has_a_name_of_its_own_in_each_language(language: str):
    english = {code: section_name(code) for code in SECTION_CODES}
    with use_language(language):
        translated = {code: section_name(code) for code in SECTION_CODES}
    changed = [code for code in SECTION_CODES if translated[code] != english[code]]
    # French writes Construction and Information as English does; nothing else coincides.
    assert len(changed) >= len(SECTION_CODES) - 2
    assert len(set(translated.values())) == len(SECTION_CODES)


def test_an_unknown_section_names_its_field(examples: Path):
    data = _example(examples)
    data["organizations"][2]["nace"] = ["D", "Z"]
    data["opportunities"][1]["nace"] = ["energy"]
    assert _messages(data) == [
        "organizations[2].nace[1]: 'Z' is not a NACE Rev. 2 section (a letter from A to U)",
        "opportunities[1].nace[0]: 'energy' is not a NACE Rev. 2 section (a letter from A to U)",
    ]


def test_sections_are_read_in_capitals_once_each(examples: Path):
    data = _example(examples)
    data["organizations"][0]["nace"] = ["d", "C", "D"]
    event = parse_event(data)
    assert event.organizations[0].nace == ["D", "C"]
    assert dump_document(event)["organizations"][0]["nace"] == ["D", "C"]


def test_a_file_without_sections_stays_valid_and_writes_none(examples: Path):
    data = _example(examples)
    event = parse_event(data)
    assert all(organization.nace == [] for organization in event.organizations)
    assert all("nace" not in organization for organization in dump_document(event)["organizations"])


@pytest.mark.parametrize(
    "spelling",
    [
        "circular-economy",
        "Circular Economy",
        "circular  economy",
        " circular_economy ",
        "CIRCULAR—ECONOMY",
    ],
)
def test_keywords_fold_case_spaces_and_hyphens(spelling: str):
    assert normalize_keyword(spelling) == "circular-economy"


def test_keywords_in_a_file_are_folded_and_kept_once(examples: Path):
    data = _example(examples)
    data["organizations"][0]["sectors"] = ["Circular Economy", "circular-economy", " ", "氢能"]
    event = parse_event(data)
    assert event.organizations[0].sectors == ["circular-economy", "氢能"]


def test_a_section_label_reads_as_the_translated_section_and_a_keyword_as_itself():
    with use_language("zh-hans"):
        assert str(sector_message(section_keyword("D"))) == "电力、燃气、蒸汽和空调供应"
        assert sector_message("hydrogen") == "hydrogen"
