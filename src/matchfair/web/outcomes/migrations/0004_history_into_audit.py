"""Agreement steps move from outcomes' own history into the audit record.

The audit record becomes the agreement's only history (issue #12): each
AgreementStatusChange becomes an ``agreement.<status>`` entry with the step in its
``detail``, keeping its author and the time it was recorded. 0005 then drops the
old table. Going back copies the entries into the old table again.
"""

from django.db import migrations

BATCH = 1000


def _name(user) -> str:
    """What ``get_full_name() or get_username()`` gives; historical models have no methods."""
    if user is None:
        return ""
    return f"{user.first_name} {user.last_name}".strip() or user.username


def history_into_audit(apps, schema_editor) -> None:
    """Write one audit entry per stored agreement step, oldest first, with its original time."""
    change_model = apps.get_model("outcomes", "AgreementStatusChange")
    entry_model = apps.get_model("audit", "AuditEntry")
    changes = change_model.objects.select_related("agreement", "recorded_by").order_by("id")
    batch = []
    for change in changes.iterator(chunk_size=BATCH):
        batch.append(change)
        if len(batch) == BATCH:
            _write(entry_model, batch)
            batch = []
    _write(entry_model, batch)


def _write(entry_model, changes) -> None:
    entries = entry_model.objects.bulk_create(
        entry_model(
            event_id=change.agreement.event_id,
            actor_id=change.recorded_by_id,
            actor_name=_name(change.recorded_by),
            action=f"agreement.{change.status}",
            subject=f"agreement:{change.agreement_id}",
            summary=f"{change.agreement.title} ({change.date.isoformat()}) {change.note}".strip(),
            detail={"status": change.status, "date": change.date.isoformat(), "note": change.note},
        )
        for change in changes
    )
    # ``at`` is set on insert (auto_now_add): put back when the step was recorded.
    for entry, change in zip(entries, changes, strict=True):
        entry_model.objects.filter(pk=entry.pk).update(at=change.recorded_at)


def audit_into_history(apps, schema_editor) -> None:
    """The way back: the agreement steps of the audit record into the old table again."""
    change_model = apps.get_model("outcomes", "AgreementStatusChange")
    entry_model = apps.get_model("audit", "AuditEntry")
    steps = entry_model.objects.filter(
        action__startswith="agreement.", subject__startswith="agreement:"
    ).order_by("id")
    agreements = set(apps.get_model("outcomes", "Agreement").objects.values_list("pk", flat=True))
    for entry in steps.iterator(chunk_size=BATCH):
        agreement_id = int(entry.subject.removeprefix("agreement:"))
        if agreement_id not in agreements or "status" not in entry.detail:
            continue
        change = change_model.objects.create(
            agreement_id=agreement_id,
            status=entry.detail["status"],
            date=entry.detail["date"],
            note=entry.detail.get("note", ""),
            recorded_by_id=entry.actor_id,
        )
        change_model.objects.filter(pk=change.pk).update(recorded_at=entry.at)
    steps.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_auditentry_detail"),
        ("outcomes", "0003_cooperationproject_code"),
    ]

    operations = [migrations.RunPython(history_into_audit, audit_into_history)]
