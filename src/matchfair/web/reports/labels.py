"""Words for the fixed vocabularies of the event file, in the report's language.

The file says ``joint-research`` and ``no-show``; a report says "joint research" and
"no-show" in English, "联合研究" and "未到场" in Chinese. Every key a figure can
carry has a label here, so a report never shows a raw key.
"""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

ORGANIZATION_KINDS: dict[str, Promise] = {
    "company": _("companies"),
    "university": _("universities"),
    "research": _("research institutions"),
    "association": _("associations"),
    "government": _("government bodies"),
    "investor": _("investors"),
    "other": _("other organizations"),
    "unspecified": _("not stated"),
}

MEETING_RESULTS: dict[str, Promise] = {
    "no-fit": _("no fit"),
    "follow-up": _("follow-up"),
    "intention": _("potential cooperation agreement"),
    "agreement": _("agreement"),
    "unreported": _("not reported yet"),
}

FUNNEL_STAGES: dict[str, Promise] = {
    "requested": _("meetings requested"),
    "scheduled": _("meetings scheduled"),
    "held": _("meetings held"),
    "follow-up": _("with a follow-up or better"),
    "intention": _("with a potential cooperation agreement or better"),
    "agreement": _("with an agreement"),
}

AGREEMENT_STATUSES: dict[str, Promise] = {
    "intention": pgettext_lazy("agreement status", "intention"),
    "signed": pgettext_lazy("agreement status", "signed"),
    "implemented": pgettext_lazy("agreement status", "implemented"),
    "cancelled": pgettext_lazy("agreement status", "cancelled"),
}

AGREEMENT_TYPES: dict[str, Promise] = {
    "technology-transfer": _("technology transfer"),
    "joint-research": _("joint research"),
    "investment": _("investment"),
    "joint-venture": _("joint venture"),
    "commercial": _("commercial"),
    "strategic": _("strategic cooperation"),
    "other": pgettext_lazy("agreement type", "other"),
}

UNSPECIFIED_COUNTRY = _("country not stated")
