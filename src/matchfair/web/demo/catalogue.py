"""The material the demo event is generated from, after the seed press releases.

The Chengdu-Europe Industrial Dialogue (Nordic technology innovation, Chengdu
Science City, 18 November 2024) brought 15 Nordic institutions, associations and
enterprises to one-on-one meetings with over 80 Chengdu representatives, in
artificial intelligence, new energy, medical devices and agricultural technology,
with roadshows, site visits and preliminary agreements. The organizations named
in the releases are here; the rest of the field is generated from the patterns below.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class NamedOrganization:
    key: str
    name: str
    country: str
    kind: str
    sectors: tuple[str, ...]
    languages: tuple[str, ...]
    description: str


NORDIC_NAMED = (
    NamedOrganization(
        "tegnology",
        "TEGnology",
        "DK",
        "company",
        ("energy",),
        ("en", "da"),
        "Thermoelectric generators that turn waste heat into electricity.",
    ),
    NamedOrganization(
        "haaga-helia",
        "Haaga-Helia University of Applied Sciences",
        "FI",
        "university",
        ("education", "ar-vr"),
        ("en", "fi"),
        "Applied research and education, including AR/VR applications.",
    ),
    NamedOrganization(
        "konfidence",
        "Konfidence Biotechnology",
        "FI",
        "company",
        ("biomaterials", "circular-economy"),
        ("en", "zh", "fi"),
        "Biodegradable materials from agricultural residues.",
    ),
    NamedOrganization(
        "tomra",
        "TOMRA Group",
        "NO",
        "company",
        ("circular-economy", "ai"),
        ("en", "no"),
        "Sensor-based sorting and collection solutions for recycling.",
    ),
    NamedOrganization(
        "smart-eye",
        "Smart Eye",
        "SE",
        "company",
        ("ai", "automotive"),
        ("en", "sv"),
        "Eye tracking and driver monitoring with AI.",
    ),
    NamedOrganization(
        "swedish-health",
        "Swedish Health and Welfare Association",
        "SE",
        "association",
        ("medical-devices", "ai"),
        ("en", "sv"),
        "Member network of Swedish health-technology companies.",
    ),
)

CHENGDU_NAMED = (
    NamedOrganization(
        "yongxing-lab",
        "天府永兴实验室",
        "CN",
        "research",
        ("energy", "carbon-neutrality"),
        ("zh", "en"),
        "面向碳中和的能源与环境技术研究平台。",
    ),
    NamedOrganization(
        "tsinghua-energy",
        "清华四川能源互联网研究院",
        "CN",
        "research",
        ("energy", "photovoltaics"),
        ("zh", "en"),
        "能源互联网、光伏与储能技术研究。",
    ),
    NamedOrganization(
        "dongfang-research",
        "东方电气集团中央研究院",
        "CN",
        "research",
        ("energy", "hydrogen"),
        ("zh",),
        "发电装备、氢能与新能源技术研发。",
    ),
    NamedOrganization(
        "yibang-pharma",
        "成都易邦药业科技有限公司",
        "CN",
        "company",
        ("medical-devices", "ai"),
        ("zh",),
        "人工智能医疗与心血管治疗产品。",
    ),
    NamedOrganization(
        "huati-lighting",
        "四川华体照明科技股份有限公司",
        "CN",
        "company",
        ("ar-vr", "smart-city"),
        ("zh", "en"),
        "智慧照明与AR/VR城市应用。",
    ),
    NamedOrganization(
        "circular-association",
        "四川省循环经济协会",
        "CN",
        "association",
        ("circular-economy",),
        ("zh",),
        "推动四川循环经济与绿色发展的行业协会。",
    ),
)

# Generated Nordic participants: town, speciality, legal suffix, by country.
NORDIC_PATTERNS = {
    "DK": (("Aarhus", "Odense", "Aalborg"), "ApS", ("da", "en")),
    "FI": (("Tampere", "Oulu", "Espoo"), "Oy", ("fi", "en")),
    "SE": (("Uppsala", "Lund", "Göteborg"), "AB", ("sv", "en")),
    "NO": (("Bergen", "Trondheim", "Stavanger"), "AS", ("no", "en")),
    "IS": (("Reykjavík", "Akureyri"), "ehf.", ("is", "en")),
}
NORDIC_SPECIALITIES = {
    "energy": "Energy Storage",
    "ai": "Vision AI",
    "medical-devices": "MedTech",
    "agritech": "AgriSense",
    "circular-economy": "Circular Materials",
    "hydrogen": "Hydrogen Systems",
}

CHENGDU_DISTRICTS = (
    "天府新区",
    "高新区",
    "武侯区",
    "锦江区",
    "成华区",
    "双流区",
    "郫都区",
    "新都区",
    "温江区",
    "龙泉驿区",
)
CHENGDU_SECTORS = {
    "ai": "智能",
    "energy": "新能源",
    "medical-devices": "医疗器械",
    "agritech": "农业科技",
    "circular-economy": "环保",
    "hydrogen": "氢能",
    "aerospace": "航空航天",
    "low-altitude": "低空经济",
}
#: The NACE Rev. 2 section of each demo keyword that has one plainly, so that the demo's
#: pages, filters and report show sections (keywords without one stay keywords only).
KEYWORD_SECTIONS = {
    "energy": "D",
    "photovoltaics": "D",
    "hydrogen": "D",
    "ai": "J",
    "ar-vr": "J",
    "medical-devices": "C",
    "automotive": "C",
    "aerospace": "C",
    "biomaterials": "C",
    "agritech": "A",
    "circular-economy": "E",
    "education": "P",
}

CHENGDU_SUFFIXES = (
    ("科技有限公司", "company"),
    ("研究院", "research"),
    ("创新中心", "research"),
    ("产业园", "government"),
)

# Opportunity texts per sector: (kind, type, language, title).
OPPORTUNITIES = {
    "energy": (
        ("offer", "technology", "en", "Thermoelectric waste-heat recovery modules"),
        ("request", "research", "zh", "光伏储能系统联合研发"),
        ("offer", "technology", "da", "Genvinding af spildvarme i industrien"),
        ("request", "technology", "zh", "工业余热发电技术引进"),
        ("offer", "commercial", "zh", "分布式能源管理平台寻求欧洲合作伙伴"),
        ("request", "investment", "en", "Pilot sites for grid-scale battery storage"),
    ),
    "ai": (
        ("offer", "technology", "en", "Driver monitoring with computer vision"),
        ("request", "commercial", "zh", "寻求智能网联汽车视觉感知合作伙伴"),
        ("request", "research", "zh", "工业机器视觉质检联合研发"),
        ("offer", "services", "zh", "人工智能算力与数据标注服务"),
        ("offer", "services", "sv", "AI-baserad bildanalys för industrin"),
    ),
    "medical-devices": (
        ("request", "research", "zh", "人工智能辅助心血管诊断联合研究"),
        ("request", "commercial", "zh", "引进北欧康复与养老医疗器械"),
        ("offer", "technology", "sv", "Digital hälsoteknik för äldreomsorg"),
        ("offer", "commercial", "en", "Remote patient monitoring platform"),
    ),
    "agritech": (
        ("offer", "technology", "fi", "Täsmäviljelyn anturit ja data-analytiikka"),
        ("request", "technology", "zh", "智慧农业传感器与数据平台合作"),
        ("request", "investment", "zh", "设施农业温室项目合作与投资"),
        ("offer", "technology", "en", "Greenhouse climate control with geothermal heat"),
    ),
    "circular-economy": (
        ("offer", "technology", "no", "Sensorbasert sortering av plastavfall"),
        ("request", "manufacturing", "zh", "可降解材料上下游供应链合作"),
        ("request", "technology", "zh", "城市固废智能分拣技术合作"),
        ("offer", "technology", "en", "Biodegradable packaging from crop residues"),
    ),
    "hydrogen": (
        ("request", "research", "zh", "氢燃料电池关键材料联合攻关"),
        ("request", "commercial", "zh", "绿氢制备示范项目国际合作"),
        ("offer", "technology", "en", "Electrolyser stacks for green hydrogen"),
    ),
    "aerospace": (
        ("request", "commercial", "zh", "航空航天复合材料国际合作"),
        ("request", "research", "zh", "卫星遥感数据应用联合研发"),
    ),
    "low-altitude": (
        ("request", "technology", "zh", "低空物流无人机监管技术合作"),
        ("offer", "services", "zh", "城市低空飞行服务平台"),
    ),
    "ar-vr": (
        ("offer", "education", "en", "AR/VR training programmes for industry"),
        ("request", "research", "zh", "AR/VR城市照明应用联合研发"),
    ),
    "photovoltaics": (("request", "research", "zh", "光伏发电效率提升技术引进"),),
    "carbon-neutrality": (("request", "research", "zh", "碳中和技术国际联合实验室"),),
    "biomaterials": (
        ("offer", "technology", "fi", "Biohajoavat materiaalit maatalouden sivuvirroista"),
    ),
    "automotive": (("offer", "technology", "sv", "Förarövervakning för kommersiella fordon"),),
    "education": (("offer", "education", "fi", "Sovelletun tutkimuksen koulutusohjelmat"),),
    "smart-city": (("request", "commercial", "zh", "智慧城市照明系统海外合作"),),
}

# Tailor-made meetings from the press release: the organizer set these up.
TAILOR_MADE = (
    ("tsinghua-energy", "tegnology"),
    ("yibang-pharma", "swedish-health"),
    ("huati-lighting", "haaga-helia"),
)

# Agenda of the day, besides the one-on-one meetings: (kind, title, start, end, place, capacity).
AGENDA = (
    (
        "site-visit",
        "Sichuan Tianfu New Area Planning Exhibition Hall",
        "09:30",
        "10:30",
        "Tianfu New Area Planning Exhibition Hall",
        30,
    ),
    (
        "site-visit",
        "清华四川能源互联网研究院参观",
        "10:45",
        "11:45",
        "Tsinghua Sichuan Energy Internet Research Institute",
        25,
    ),
    (
        "talk",
        "Chengdu's strategy for technological innovation",
        "13:00",
        "13:30",
        "Hall 1, Chengdu Science and Innovation Eco-Island",
        None,
    ),
    (
        "roadshow",
        "Nordic enterprise roadshows",
        "13:30",
        "14:00",
        "Hall 1, Chengdu Science and Innovation Eco-Island",
        None,
    ),
    (
        "signing",
        "Signing of preliminary cooperation agreements",
        "17:45",
        "18:15",
        "Hall 1, Chengdu Science and Innovation Eco-Island",
        None,
    ),
)
