"""Words for the fixed vocabularies of the event file, in the report's language.

The file says ``joint-research`` and ``no-show``; a report says "joint research" and
"no-show" in English, "联合研究" and "未到场" in Chinese. Every key a figure can
carry has a label here, so a report never shows a raw key.
"""

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

ORGANIZATION_KINDS: dict[str, Promise] = {
    "company": pgettext_lazy("report", "companies"),
    "university": pgettext_lazy("report", "universities"),
    "research": pgettext_lazy("report", "research institutions"),
    "association": pgettext_lazy("report", "associations"),
    "government": pgettext_lazy("report", "government bodies"),
    "investor": pgettext_lazy("report", "investors"),
    "other": pgettext_lazy("report", "other organizations"),
    "unspecified": pgettext_lazy("report", "not stated"),
}

MEETING_RESULTS: dict[str, Promise] = {
    "no-fit": pgettext_lazy("report", "no fit"),
    "follow-up": pgettext_lazy("report", "follow-up"),
    "intention": pgettext_lazy("report", "potential cooperation agreement"),
    "agreement": pgettext_lazy("report", "agreement"),
    "unreported": pgettext_lazy("report", "not reported yet"),
}

FUNNEL_STAGES: dict[str, Promise] = {
    "requested": pgettext_lazy("report", "meetings requested"),
    "scheduled": pgettext_lazy("report", "meetings scheduled"),
    "held": pgettext_lazy("report", "meetings held"),
    "follow-up": pgettext_lazy("report", "with a follow-up or better"),
    "intention": pgettext_lazy("report", "with a potential cooperation agreement or better"),
    "agreement": pgettext_lazy("report", "with an agreement"),
}

MEETING_STATUSES: dict[str, Promise] = {
    "held": pgettext_lazy("meeting status", "held"),
    "no-show": pgettext_lazy("meeting status", "no-show"),
    "cancelled": pgettext_lazy("meeting status", "cancelled"),
}

AGREEMENT_STATUSES: dict[str, Promise] = {
    "intention": pgettext_lazy("agreement status", "intention"),
    "signed": pgettext_lazy("agreement status", "signed"),
    "implemented": pgettext_lazy("agreement status", "implemented"),
    "cancelled": pgettext_lazy("agreement status", "cancelled"),
}

AGREEMENT_TYPES: dict[str, Promise] = {
    "technology-transfer": pgettext_lazy("report", "technology transfer"),
    "joint-research": pgettext_lazy("report", "joint research"),
    "investment": pgettext_lazy("report", "investment"),
    "joint-venture": pgettext_lazy("report", "joint venture"),
    "commercial": pgettext_lazy("report", "commercial"),
    "strategic": pgettext_lazy("report", "strategic cooperation"),
    "other": pgettext_lazy("agreement type", "other"),
}

UNSPECIFIED_COUNTRY = pgettext_lazy("report", "country not stated")
