"""The guarantees of ``recommend`` that hold whatever the encoder: run with the fake one."""

import re

from matchfair.core import parse_event
from matchfair.i18n import use_language
from matchfair.matching import FakeEncoder, NoCache, recommend

from .conftest import event_data


def _recommend(data, **options):
    return recommend(parse_event(data), encoders=[FakeEncoder()], cache=NoCache(), **options)


def test_no_organization_is_recommended_to_itself():
    result = _recommend(event_data(match_across_groups=False))
    for organization, partners in result.recommendations.items():
        assert organization not in [item.partner for item in partners]


def test_across_groups_only_partners_of_another_group_are_recommended():
    data = event_data()
    group = {organization["id"]: organization["group"] for organization in data["organizations"]}
    result = _recommend(data)
    for organization, partners in result.recommendations.items():
        assert partners
        assert all(group[item.partner] != group[organization] for item in partners)


def test_an_organization_without_group_may_meet_anyone():
    data = event_data()
    data["organizations"][0].pop("group")
    result = _recommend(data, top=20)
    partners = [item.partner for item in result.recommendations["panxi-steel"]]
    assert len(partners) == len(data["organizations"]) - 1


def test_without_groups_rule_every_other_organization_can_be_ranked():
    result = _recommend(event_data(match_across_groups=False), top=20)
    assert all(len(partners) == 8 for partners in result.recommendations.values())


def test_top_limits_the_list_and_every_organization_gets_one():
    data = event_data()
    result = _recommend(data, top=2)
    assert sorted(result.recommendations) == sorted(o["id"] for o in data["organizations"])
    assert all(len(partners) == 2 for partners in result.recommendations.values())


def test_scores_lie_in_the_unit_interval_best_first():
    result = _recommend(event_data())
    for partners in result.recommendations.values():
        scores = [item.score for item in partners]
        assert all(0.0 <= score <= 1.0 for score in scores)
        assert scores == sorted(scores, reverse=True)


def test_a_pair_has_the_same_score_seen_from_either_side():
    result = _recommend(event_data(), top=20)
    score = {
        (organization, item.partner): item.score
        for organization, partners in result.recommendations.items()
        for item in partners
    }
    assert all(score[(b, a)] == value for (a, b), value in score.items())


def test_reasons_cite_real_opportunity_titles_of_both_sides():
    data = event_data()
    titles: dict[str, set[str]] = {}
    for opportunity in data["opportunities"]:
        titles.setdefault(opportunity["organization"], set()).add(opportunity["title"])
    result = _recommend(data)
    for organization, partners in result.recommendations.items():
        for item in partners:
            cited = set(re.findall(r"'([^']+)'", item.reasons[0]))
            assert cited & titles[organization], item.reasons[0]
            assert cited & titles[item.partner], item.reasons[0]


def test_reasons_name_shared_sectors_and_the_detected_languages():
    result = _recommend(event_data())
    reasons = {item.partner: item.reasons for item in result.recommendations["anning-farms"]}
    assert "shared sectors: agriculture, water" in reasons["riegos-sur"]
    assert "[es]" in reasons["riegos-sur"][0]
    assert "[zh]" in reasons["riegos-sur"][0]


def test_a_shared_nace_section_lifts_a_partner_like_a_shared_keyword():
    data = event_data(match_across_groups=False)
    before = _recommend(data, top=20).recommendations["koe-honyaku"]
    last = before[-1].partner
    for organization in data["organizations"]:
        if organization["id"] in ("koe-honyaku", last):
            organization["nace"] = ["J"]
    after = _recommend(data, top=20).recommendations["koe-honyaku"]
    lifted = next(item for item in after if item.partner == last)
    assert lifted.score > before[-1].score
    assert "shared sectors: Information and communication" in lifted.reasons


def test_a_shared_section_is_named_in_the_language_of_the_run_and_of_each_later_reader():
    data = event_data(match_across_groups=False)
    for organization in data["organizations"]:
        if organization["id"] in ("anning-farms", "riegos-sur"):
            organization["nace"] = ["A"]
    with use_language("zh-hans"):
        result = _recommend(data, top=20)
    partner = next(i for i in result.recommendations["anning-farms"] if i.partner == "riegos-sur")
    assert any("农业、林业和渔业" in reason for reason in partner.reasons)
    in_german = [reason.render("de") for reason in partner.messages]
    assert any("Land- und Forstwirtschaft, Fischerei" in reason for reason in in_german)


def test_keywords_spelt_two_ways_are_one_shared_sector():
    data = event_data(match_across_groups=False)
    for organization in data["organizations"]:
        if organization["id"] == "anning-farms":
            organization["sectors"] = ["Circular Economy"]
        if organization["id"] == "riegos-sur":
            organization["sectors"] = ["circular-economy"]
    result = _recommend(data, top=20)
    reasons = {item.partner: item.reasons for item in result.recommendations["anning-farms"]}
    assert "shared sectors: circular-economy" in reasons["riegos-sur"]


def test_an_accepted_meeting_request_lifts_the_partner_and_is_given_as_a_reason():
    data = event_data()
    before = _recommend(data, top=20).recommendations["koe-honyaku"]
    last = before[-1].partner
    data["meeting_requests"] = [{"from": "koe-honyaku", "to": last, "status": "accepted"}]
    after = _recommend(data, top=20).recommendations["koe-honyaku"]
    assert [item.partner for item in after].index(last) < len(after) - 1
    lifted = next(item for item in after if item.partner == last)
    assert "you asked to meet them (accepted)" in lifted.reasons
    seen_from_partner = _recommend(data, top=20).recommendations[last]
    assert "they asked to meet you (accepted)" in next(
        item.reasons for item in seen_from_partner if item.partner == "koe-honyaku"
    )


def test_a_declined_request_is_never_recommended():
    data = event_data()
    data["meeting_requests"] = [
        {"from": "froid-express", "to": "rongxin-cold", "status": "declined"}
    ]
    result = _recommend(data, top=20)
    assert "froid-express" not in [i.partner for i in result.recommendations["rongxin-cold"]]
    assert "rongxin-cold" not in [i.partner for i in result.recommendations["froid-express"]]


def test_an_organization_without_opportunities_is_ranked_by_its_description():
    data = event_data()
    data["opportunities"] = [o for o in data["opportunities"] if o["organization"] != "waerme-zwei"]
    data["organizations"][-1]["description"] = "Abwärme Strom Stahlwerke"
    result = _recommend(data)
    assert [item.partner for item in result.recommendations["waerme-zwei"]]
    reason = next(
        item.reasons[0]
        for item in result.recommendations["panxi-steel"]
        if item.partner == "waerme-zwei"
    )
    assert reason.startswith("their profile fits your request '工业余热发电技术'")


def test_the_same_event_gives_the_same_recommendations():
    assert _recommend(event_data()) == _recommend(event_data())


def test_embedding_progress_is_reported_until_done():
    calls = []
    recommend(
        parse_event(event_data()),
        encoders=[FakeEncoder()],
        cache=NoCache(),
        progress=lambda report: calls.append((report.phase, report.done, report.total)),
    )
    assert calls[0] == ("fake-64", 0, 9)
    assert calls[-1] == ("fake-64", 9, 9)
