"""Language detection of the texts people write."""

from matchfair.matching import NoCache, language
from matchfair.matching.language import UNKNOWN, by_script, detect, languages_of


def test_each_opportunity_text_gets_its_language():
    texts = [
        "工业余热发电技术。我们的轧钢加热炉排放大量中低温余热，希望引进把余热转化为电能的技术。",
        "Wir bieten thermoelektrische Generatoren an, die Abwärme von Öfen in Strom umwandeln.",
        "当社の音声翻訳アプリは四川方言の認識精度が低く、共同研究を希望します。",
        "Hiekkalämpövarasto varastoi tuuli- ja aurinkosähkön lämpönä kuukausien ajan.",
        "Vi leverer anlæg, der laver strøm af spildvarme fra ovne og skorstene i industrien.",
    ]
    assert detect(texts).tolist() == ["zh", "de", "ja", "fi", "da"]


def test_a_short_query_is_told_among_the_event_languages():
    assert detect(["riego por goteo"], among=["zh", "es", "de"]).tolist() == ["es"]
    assert detect(["spildvarme"], among=["zh", "da", "de"]).tolist() == ["da"]


def test_a_text_without_letters_has_no_language():
    assert detect(["2024 – 42 %"]).tolist() == [UNKNOWN]


def test_chinese_with_latin_acronyms_is_chinese():
    assert detect(["NB-IoT、Cat.1及LoRa通信模组研发制造。"]).tolist() == ["zh"]


def test_short_texts_are_told_among_the_languages_of_the_long_ones():
    texts = [
        "Nous assurons le transport frigorifique de fruits frais dans toute l'Europe.",
        "Wir liefern Anlagen, die industrielle Abwärme in Strom umwandeln.",
        "Transport frigorifique",
    ]
    assert languages_of(texts, NoCache()) == ["fr", "de", "fr"]


def test_texts_beyond_the_survey_are_told_among_the_languages_it_found(monkeypatch):
    german = [
        "Wir liefern Anlagen, die industrielle Abwärme in Strom umwandeln.",
        "Unsere Brennstoffzellensysteme treiben Lastwagen und Busse ohne Abgase an.",
        "Wir suchen Partner für die Wartung von Windkraftanlagen in Westchina.",
    ]
    french = [
        "Nous assurons le transport frigorifique de fruits frais dans toute l'Europe.",
        "Notre laboratoire développe des capteurs pour la qualité de l'eau potable.",
        "Nous cherchons un distributeur pour nos vins de Bourgogne en Chine.",
    ]
    calls = []

    def spy(texts, among=()):
        calls.append((len(texts), tuple(among)))
        return detect(texts, among)

    monkeypatch.setattr(language, "SURVEY", 4)
    monkeypatch.setattr(language, "detect", spy)
    # Four of six texts, three of each language, cannot miss either language.
    assert languages_of(german + french, NoCache()) == ["de"] * 3 + ["fr"] * 3
    assert calls[:2] == [(4, ()), (2, ("de", "fr"))]


def test_a_process_tells_the_script_of_a_text_it_has_seen_from_memory():
    by_script.cache_clear()
    texts = ["工业余热发电与储热技术", "Vetypolttimet teollisuusuuneihin", "수소 버너"]
    first = [by_script(text) for text in texts]
    assert first == ["zh", None, "ko"]
    assert [by_script(text) for text in texts] == first
    assert by_script.cache_info().hits == len(texts)
