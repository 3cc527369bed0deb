"""The languages reports and dates are written in, and their names in Django and in Babel.

The command line takes short codes (``zh``); Django's catalogs use ``zh-hans`` and
Babel's locale data ``zh_Hans_CN``. This table is the one place that maps them; it
sits outside the web packages' order because reports (a page app) and notify's date
formats (a data app) both read it.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ReportLanguage:
    """A report language; ``amounts_in_words`` picks how sentences write money.

    English, German and Chinese press releases spell amounts out ("21.75 billion
    Chinese yuan", "217.5亿人民币"). French needs "de"/"d'" between number and
    currency ("2 millions d'euros"), which a template cannot elide, so French
    sentences use the compact form its press also uses ("21,75 Md CNY", "2 M €").
    """

    code: str
    django: str
    babel: str
    html: str
    amounts_in_words: bool = True


REPORT_LANGUAGES: dict[str, ReportLanguage] = {
    language.code: language
    for language in (
        ReportLanguage("en", "en", "en_GB", "en"),
        ReportLanguage("zh", "zh-hans", "zh_Hans_CN", "zh-Hans"),
        ReportLanguage("de", "de", "de_DE", "de"),
        ReportLanguage("fr", "fr", "fr_FR", "fr", amounts_in_words=False),
    )
}


def report_language(code: str) -> ReportLanguage:
    """The report language for a short code or a Django code (``zh``, ``zh-hans``); KeyError otherwise."""
    for language in REPORT_LANGUAGES.values():
        if code.lower() in (language.code, language.django):
            return language
    raise KeyError(code)
