"""A small hand-written bilateral event: Chinese hosts, foreign guests, each need with its answer.

Every true pair crosses languages and wording (余热发电 against Abwärmeverstromung),
and look-alikes sit beside them: a second seller of the same thing, and a vague
profile that should match nobody in particular.
"""

from typing import Any

import pytest

from matchfair.core import Event, parse_event

SESSION = {
    "id": "day1",
    "start": "2025-06-12T14:00:00+08:00",
    "end": "2025-06-12T17:00:00+08:00",
    "slot_minutes": 20,
}

ORGANIZATIONS = [
    ("panxi-steel", "攀西钢铁有限公司", "CN", "host", ["energy", "industry"], "zh"),
    ("chengdu-speech", "成都方言语音科技", "CN", "host", ["ai", "data"], "zh"),
    ("anning-farms", "安宁河农业合作社", "CN", "host", ["agriculture", "water"], "zh"),
    ("rongxin-cold", "蓉欣冷链物流有限公司", "CN", "host", ["logistics", "food"], "zh"),
    ("abwaerme-tec", "Abwärme Technik GmbH", "DE", "guest", ["energy"], "de"),
    ("koe-honyaku", "株式会社こえ翻訳", "JP", "guest", ["ai", "tourism"], "ja"),
    ("riegos-sur", "Riegos del Sur S.L.", "ES", "guest", ["agriculture", "water"], "es"),
    ("froid-express", "Froid Express SARL", "FR", "guest", ["logistics", "food"], "fr"),
    ("waerme-zwei", "Wärmekraft Zwei AG", "DE", "guest", ["energy"], "de"),
]

OPPORTUNITIES = [
    (
        "panxi-steel-1",
        "panxi-steel",
        "request",
        "technology",
        "工业余热发电技术",
        "我们的轧钢加热炉和烟道排放大量中低温余热，希望引进把余热转化为电能的成熟技术和设备。",
    ),
    (
        "abwaerme-tec-1",
        "abwaerme-tec",
        "offer",
        "technology",
        "Thermoelektrische Generatoren zur Abwärmeverstromung",
        "Unsere Module wandeln Abwärme von Öfen und Abgasleitungen direkt in Strom um, ohne "
        "bewegliche Teile, für Stahlwerke und Zementwerke.",
    ),
    (
        "waerme-zwei-1",
        "waerme-zwei",
        "offer",
        "technology",
        "ORC-Anlagen zur Stromerzeugung aus Abwärme",
        "Wir liefern Organic-Rankine-Kreisprozesse, die industrielle Abwärme in Strom umwandeln.",
    ),
    (
        "koe-honyaku-1",
        "koe-honyaku",
        "request",
        "research",
        "中国語方言の音声データと共同研究",
        "当社の音声翻訳アプリは四川方言の認識精度が低く、方言音声コーパスを持つ企業と共同研究を希望します。",
    ),
    (
        "chengdu-speech-1",
        "chengdu-speech",
        "offer",
        "technology",
        "四川方言语音语料库授权",
        "我们拥有数千小时标注的四川话和西南官话语音数据，可授权给语音识别和翻译企业使用。",
    ),
    (
        "anning-farms-1",
        "anning-farms",
        "request",
        "technology",
        "节水滴灌系统",
        "合作社的果园缺水严重，希望引进节水滴灌和水肥一体化设备及技术指导。",
    ),
    (
        "riegos-sur-1",
        "riegos-sur",
        "offer",
        "technology",
        "Sistemas de riego por goteo",
        "Diseñamos e instalamos sistemas de riego por goteo con fertirrigación automatizada para "
        "frutales en zonas secas, con formación de los agricultores.",
    ),
    (
        "rongxin-cold-1",
        "rongxin-cold",
        "request",
        "services",
        "冷链物流合作伙伴",
        "我们寻找在欧洲提供冷藏运输和冷库仓储服务的物流伙伴，运送四川的新鲜水果。",
    ),
    (
        "froid-express-1",
        "froid-express",
        "offer",
        "services",
        "Transport frigorifique et entreposage en Europe",
        "Nous assurons le transport sous température dirigée et le stockage en entrepôts "
        "frigorifiques de fruits frais dans toute l'Europe.",
    ),
]


def event_data(**event_fields: Any) -> dict[str, Any]:
    """The fixture as a decoded event file; ``event_fields`` override ``event`` keys."""
    return {
        "format": "matchfair-event/1",
        "event": {
            "id": "fixture",
            "name": "Fixture matchmaking",
            "sessions": [SESSION],
            "match_across_groups": True,
            **event_fields,
        },
        "organizations": [
            {
                "id": id_,
                "name": name,
                "country": country,
                "group": group,
                "sectors": sectors,
                "languages": [language],
            }
            for id_, name, country, group, sectors, language in ORGANIZATIONS
        ],
        "opportunities": [
            {
                "id": id_,
                "organization": owner,
                "kind": kind,
                "type": type_,
                "title": title,
                "description": description,
            }
            for id_, owner, kind, type_, title, description in OPPORTUNITIES
        ],
    }


#: The partners a broker would certainly propose, each pair once.
TRUE_PAIRS = [
    ("panxi-steel", "abwaerme-tec"),
    ("koe-honyaku", "chengdu-speech"),
    ("anning-farms", "riegos-sur"),
    ("rongxin-cold", "froid-express"),
]


@pytest.fixture
def event() -> Event:
    return parse_event(event_data())
