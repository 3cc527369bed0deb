"""A scheduler run's quality in the organizer's words, line by line as the command line prints it."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _


def _proven(flag: object) -> str:
    return _("proven optimal") if flag else _("not proven optimal")


def quality_lines(quality: dict[str, object] | None) -> list[tuple[str, str]]:
    """(label, value) lines of ``Job.quality``; none for a run that stored no figures."""
    if not quality:
        return []
    q = quality
    methods = {
        "time-indexed LP": _("time-indexed linear relaxation"),
        "aggregated LP": _("aggregated linear relaxation"),
    }
    ratio = float(q["ratio"]) * 100  # type: ignore[arg-type]
    return [
        (
            _("Meetings scheduled"),
            _("%(done)s of %(asked)s accepted requests")
            % {"done": q["meetings"], "asked": q["requested"]},
        ),
        (
            _("Weight scheduled"),
            _("%(done)s of %(asked)s") % {"done": q["weight"], "asked": q["requested_weight"]},
        ),
        (
            _("Mandatory meetings scheduled"),
            _("%(done)s of %(asked)s")
            % {"done": q["mandatory"], "asked": q["requested_mandatory"]},
        ),
        (_("Breaks"), str(q["breaks"])),
        (_("Idle slots"), str(q["idle"])),
        (
            _("Upper bound on the weight (with as many mandatory meetings)"),
            f"{number_format(q['bound'], decimal_pos=0)} "  # type: ignore[arg-type]
            f"({methods.get(str(q['bound_method']), str(q['bound_method']))})",
        ),
        (_("Ratio to the bound"), f"{number_format(ratio, decimal_pos=2)} %"),
        (_("Weight"), _proven(q["weight_proven_optimal"])),
        (_("Breaks and idle slots"), _proven(q["breaks_proven_optimal"])),
    ]
