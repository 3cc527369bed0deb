"""The notify app took the portal's models without moving a table: same label, same history."""

from django.apps import apps
from django.core.management import call_command
from django.db.migrations.loader import MigrationLoader


def test_the_portal_label_belongs_to_the_notify_data_app():
    assert apps.get_app_config("portal").name == "matchfair.web.notify"
    assert apps.get_app_config("participant_portal").name == "matchfair.web.portal"
    assert list(apps.get_app_config("participant_portal").get_models()) == []


def test_the_tables_keep_their_portal_names():
    tables = sorted(model._meta.db_table for model in apps.get_app_config("portal").get_models())
    assert tables == [
        "portal_agendadigest",
        "portal_campaign",
        "portal_notification",
        "portal_personalsettings",
        "portal_portalrules",
        "portal_remindersettings",
        "portal_requestnote",
        "portal_sentreminder",
    ]


def test_the_migration_history_of_label_portal_is_unchanged():
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    # The history goes on from the portal's own 0001 (0002: an unchosen time zone is empty;
    # 0003: a notification keeps its message; 0004: whether an online participant answered
    # the browser-zone question; 0005: whether the account's language was chosen or taken
    # from the browser; 0006: campaigns; 0007: reminder settings and sent reminders; 0008:
    # "your meeting starts soon").
    assert graph.leaf_nodes("portal") == [("portal", "0008_meeting_soon")]
    assert sorted(key for key in graph.nodes if key[0] in {"portal", "participant_portal"}) == [
        ("portal", "0001_initial"),
        ("portal", "0002_timezone_follows_event"),
        ("portal", "0003_notification_message"),
        ("portal", "0004_browser_zone_asked"),
        ("portal", "0005_account_language_known"),
        ("portal", "0006_campaign"),
        ("portal", "0007_reminders"),
        ("portal", "0008_meeting_soon"),
    ]


def test_the_models_need_no_new_migration(db):
    # ``--check`` exits with status 1 when a change is detected.
    call_command("makemigrations", "portal", check=True, dry_run=True, verbosity=0)
