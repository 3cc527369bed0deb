"""The event report in each language: translated, pluralised, numbers formatted for the locale."""

import re
from html.parser import HTMLParser
from io import BytesIO

import pytest
from django.utils import translation
from pypdf import PdfReader

from matchfair.core import Event
from matchfair.outcomes import event_figures
from matchfair.web.languages import REPORT_LANGUAGES, report_language
from matchfair.web.reports.rendering import report_html, report_pdf
from matchfair.web.reports.sentences import press_sentences

# Words that are spelt the same in English and in the report's language.
SAME_IN = {
    "zh": set(),
    "de": {"China"},
    "fr": {"Type", "Date", "Total", "Parties", "intention", "commercial", "associations"},
}


def _data_only(text: str, event: Event, same: set[str]) -> bool:
    """Whether ``text`` holds nothing but names and titles from the file, codes, numbers and ``same``."""
    names = [event.event.name, *(o.name for o in event.organizations), *same]
    names += [a.title for a in event.outcomes.agreements]
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "")
    text = re.sub(r"\b(CNY|EUR|USD|US\$)", "", text)
    return re.search(r"[^\W\d_]", text) is None


class _Text(HTMLParser):
    """Collects the visible text of a page, leaving out the style sheet."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if not self._in_style and data.strip():
            self.texts.append(data.strip())


def _visible_text(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return parser.texts


def _english_texts(event: Event) -> set[str]:
    return set(_visible_text(report_html(event, report_language("en"))))


@pytest.mark.parametrize("code", ["zh", "de", "fr"])
def test_no_english_text_is_left_in_a_translated_report(fixture_event: Event, code: str):
    english = _english_texts(fixture_event)
    translated = set(_visible_text(report_html(fixture_event, report_language(code))))
    assert len(english) > 40
    untranslated = {
        text for text in english & translated if not _data_only(text, fixture_event, SAME_IN[code])
    }
    assert untranslated == set()


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (
            "en",
            [
                "6 organizations took part in Chengdu-Europe Industrial Dialogue: Nordic Technology Innovation (18 November 2024).",
                "The participants came from 3 countries.",
                "They held 3 one-on-one business meetings.",
                "2 meetings resulted in potential cooperation agreements.",
                "3 cooperation agreements were concluded.",
                "1 agreement is a declared intention, not signed yet.",
                "The agreements signed or intended plan a total investment of 21.75 billion Chinese yuan and 2 million euros.",
                "1 project has already been implemented, for example with a branch set up.",
            ],
        ),
        (
            "zh",
            [
                "共有6家机构参加了Chengdu-Europe Industrial Dialogue: Nordic Technology Innovation（2024年11月18日）。",
                "参会机构来自3个国家。",
                "共举行一对一商务洽谈3场。",
                "其中2场洽谈达成合作意向。",
                "共达成合作协议3项。",
                "有1项协议仍为合作意向，尚未签约。",
                "已签约及意向协议计划总投资217.52亿人民币和200万欧元。",
                "已有1个项目落地，例如设立了分支机构。",
            ],
        ),
        (
            "de",
            [
                "6 Organisationen nahmen an Chengdu-Europe Industrial Dialogue: Nordic Technology Innovation (18. November 2024) teil.",
                "Die Teilnehmer kamen aus 3 Ländern.",
                "Sie führten 3 Einzelgespräche.",
                "2 Gespräche führten zu möglichen Kooperationsvereinbarungen.",
                "3 Kooperationsvereinbarungen wurden geschlossen.",
                "1 Vereinbarung ist eine erklärte Absicht und noch nicht unterzeichnet.",
                "Die unterzeichneten und die beabsichtigten Vereinbarungen sehen zusammen eine Investition von 21,75 Milliarden Renminbi Yuan und 2 Millionen Euro vor.",
                "1 Projekt ist bereits umgesetzt, etwa mit einer gegründeten Niederlassung.",
            ],
        ),
        (
            "fr",
            [
                "6 organisations ont participé à Chengdu-Europe Industrial Dialogue: Nordic Technology Innovation (18 novembre 2024).",
                "Les participants venaient de 3 pays.",
                "Ils ont tenu 3 rendez-vous d’affaires individuels.",
                "2 rendez-vous ont abouti à des accords de coopération potentiels.",
                "3 accords de coopération ont été conclus.",
                "1 accord en est au stade de l’intention déclarée et n’est pas encore signé.",
                "Les accords signés ou en intention prévoient un investissement total de 21,75\xa0Md\xa0CNY et 2\xa0M\xa0€.",
                "1 projet est déjà mis en œuvre, par exemple avec l’ouverture d’une filiale.",
            ],
        ),
    ],
)
def test_key_figures_in_sentences(fixture_event: Event, code: str, expected: list[str]):
    language = report_language(code)
    with translation.override(language.django):
        assert press_sentences(event_figures(fixture_event), None, language) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("en", ["3 agreements are declared intentions, not signed yet."]),
        ("zh", ["有3项协议仍为合作意向，尚未签约。"]),
        ("de", ["3 Vereinbarungen sind erklärte Absichten und noch nicht unterzeichnet."]),
        (
            "fr",
            ["3 accords en sont au stade de l’intention déclarée et ne sont pas encore signés."],
        ),
    ],
)
def test_intentions_are_not_reported_as_concluded_agreements(
    fixture_event: Event, code: str, expected: list[str]
):
    # The event of issue #13: three agreements, all of them intentions, none signed.
    intentions = [
        agreement.model_copy(update={"status": "intention", "value": None})
        for agreement in fixture_event.outcomes.agreements[:3]
    ]
    event = fixture_event.model_copy(
        update={"outcomes": fixture_event.outcomes.model_copy(update={"agreements": intentions})}
    )
    language = report_language(code)
    with translation.override(language.django):
        sentences = press_sentences(event_figures(event), None, language)
    assert sentences[4:] == expected


def test_singular_and_plural_follow_each_language(fixture_event: Event):
    one_meeting = fixture_event.model_copy(
        update={
            "outcomes": fixture_event.outcomes.model_copy(
                update={"meetings": fixture_event.outcomes.meetings[1:2]}
            )
        }
    )
    figures = event_figures(one_meeting)
    sentences = {}
    for code in ("en", "de", "fr"):
        language = report_language(code)
        with translation.override(language.django):
            sentences[code] = press_sentences(figures, None, language)[2]
    assert sentences == {
        "en": "They held 1 one-on-one business meeting.",
        "de": "Sie führten 1 Einzelgespräch.",
        "fr": "Ils ont tenu 1 rendez-vous d’affaires individuel.",
    }


@pytest.mark.parametrize(
    ("code", "amount"),
    [
        ("en", "CN¥21,751,500,000.50"),
        ("de", "21.751.500.000,50\xa0CN¥"),
        ("fr", "21\u202f751\u202f500\u202f000,50\xa0CNY"),
        ("zh", "¥21,751,500,000.50"),
    ],
)
def test_amounts_are_formatted_for_the_locale(fixture_event: Event, code: str, amount: str):
    assert amount in report_html(fixture_event, report_language(code))


def test_charts_are_inline_svg_without_scripts_or_links(fixture_event: Event):
    html = report_html(fixture_event, report_language("de"))
    assert html.count("<svg") == 6
    assert "<script" not in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html
    assert ">Dänemark</text>" in html


def test_every_report_language_has_a_catalog():
    assert sorted(REPORT_LANGUAGES) == ["de", "en", "fr", "zh"]
    assert report_language("zh-hans") is REPORT_LANGUAGES["zh"]


def test_pdf_text_can_be_extracted(fixture_event: Event):
    pdf = report_pdf(fixture_event, report_language("zh"))
    pages = PdfReader(BytesIO(pdf)).pages
    text = "".join(page.extract_text() for page in pages)
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert {font for font in fonts if "CJK" in font} <= {
        "Noto-Sans-CJK-SC",
        "Noto-Sans-CJK-SC-Bold",
    }
    assert "共达成合作协议3项" in text
    assert "清华四川能源互联网研究院" in text
    assert "¥21,751,500,000.50" in text


def test_the_sector_chart_names_nace_sections_in_the_reports_language(fixture_event: Event):
    fixture_event.organizations[0].nace = ["D"]
    with translation.override("zh-hans"):
        html = report_html(fixture_event, report_language("zh"))
    assert html.count("<svg") == 7
    assert "按行业（NACE 门类）统计的参与者" in html
    assert "D · 电力、燃气、蒸汽和空调供应" in html
