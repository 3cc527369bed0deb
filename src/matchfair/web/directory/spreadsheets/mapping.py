"""The fields a spreadsheet can fill, and a first guess of which column holds which.

One row describes an organization and, optionally, one of its opportunities; rows
that name the same organization are one organization, so a sheet of organizations
and a sheet of opportunities (organization columns repeated) both import.
"""

import re
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Field:
    key: str
    label: str | Promise
    synonyms: tuple[str, ...]
    required: bool = False


ORGANIZATION_FIELDS = (
    Field("id", _("Organization id"), ("id", "organization id", "org id", "code")),
    Field(
        "name",
        _("Organization name"),
        (
            "name",
            "organization",
            "organisation",
            "company",
            "organization name",
            "company name",
            "名称",
            "单位",
        ),
        required=True,
    ),
    Field("country", _("Country (ISO code)"), ("country", "country code", "国家")),
    Field(
        "kind",
        _("Kind of organization"),
        ("kind", "type of organization", "organization type", "category"),
    ),
    Field(
        "nace",
        _("NACE sections (letters A to U)"),
        ("nace", "nace sections", "nace section", "nace code", "nace codes", "nace门类"),
    ),
    Field("sectors", _("Sectors"), ("sectors", "sector", "industry", "industries", "行业")),
    Field("languages", _("Languages (ISO codes)"), ("languages", "language", "语言")),
    Field("attendance", _("Attendance (onsite/online)"), ("attendance", "participation")),
    Field("delegates", _("Parallel meetings"), ("delegates", "parallel meetings")),
    Field("group", _("Group"), ("group", "delegation", "side")),
    Field("description", _("Profile"), ("description", "profile", "about", "简介")),
    # Windows in the event's zone (``spreadsheets.windows``), as the workbook writes them.
    Field(
        "availability",
        _("Available times"),
        (
            "availability",
            "available times",
            "available",
            "verfügbarkeit",
            "disponibilités",
            "可用时间",
        ),
    ),
    # The person invited to answer for the organization (``spreadsheets.contacts``).
    Field(
        "contact_name",
        _("Contact person"),
        ("contact", "contact person", "contact name", "ansprechpartner", "联系人"),
    ),
    Field(
        "contact_email",
        _("Contact e-mail"),
        ("email", "e-mail", "mail", "contact email", "contact e-mail", "电子邮件", "邮箱"),
    ),
)

OPPORTUNITY_FIELDS = (
    Field("opportunity_id", _("Opportunity id"), ("opportunity id",)),
    Field(
        "opportunity_kind",
        _("Offer or request"),
        ("offer or request", "opportunity kind", "offer/request"),
    ),
    Field("opportunity_type", _("Opportunity type"), ("opportunity type", "cooperation type")),
    Field(
        "opportunity_title",
        _("Opportunity title"),
        ("opportunity", "opportunity title", "title", "需求", "合作需求"),
    ),
    Field(
        "opportunity_description",
        _("Opportunity description"),
        ("opportunity description", "details"),
    ),
    Field(
        "opportunity_nace",
        _("Opportunity NACE sections"),
        ("opportunity nace", "opportunity nace sections"),
    ),
    Field("opportunity_sectors", _("Opportunity sectors"), ("opportunity sectors",)),
)

FIELDS = ORGANIZATION_FIELDS + OPPORTUNITY_FIELDS
FIELD_KEYS = tuple(field.key for field in FIELDS)

Mapping = dict[str, int]
"""Field key -> column index (0-based); fields left out are not imported."""


def _normal(header: str) -> str:
    return re.sub(r"[\s_\-]+", " ", header.strip().casefold())


def guess_mapping(headers: list[str]) -> Mapping:
    """Map each field to the first column whose header is one of its names (exact, then key)."""
    normal = [_normal(header) for header in headers]
    mapping: Mapping = {}
    for field in FIELDS:
        names = {_normal(name) for name in (field.key, *field.synonyms)}
        for index, header in enumerate(normal):
            if header in names and index not in mapping.values():
                mapping[field.key] = index
                break
    return mapping
