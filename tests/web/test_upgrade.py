"""An existing installation upgrades with ``migrate`` and nothing else, and keeps its data.

``data/database-of-2026-12-07.sqlite3.gz`` is the demo event (97 organizations, 112
meetings, outcomes and agreements) with a viewer, personal settings, a notification, a
note on a request and two steps of an agreement's history, made with the code of
2026-12-07 (commit aaa809e), before the web layer's redesign moved code between apps.
"""

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

OLD_DATABASE = Path(__file__).parent / "data" / "database-of-2026-12-07.sqlite3.gz"

READ_BACK = """
import json, django
django.setup()
from django.contrib.auth import get_user_model
from matchfair.web.access.models import EventViewer
from matchfair.web.directory.models import Organization, Participation
from matchfair.web.meetings.models import Meeting, MeetingRequest
from matchfair.web.outcomes.models import Agreement
from matchfair.web.notify.models import Notification, PersonalSettings, RequestNote
from matchfair.web.outcomes.queries import agreement_history
users = get_user_model().objects
print(json.dumps({
    "organizations": Organization.objects.count(),
    "participations": Participation.objects.count(),
    "published meetings": Meeting.objects.filter(published=True).count(),
    "requests": MeetingRequest.objects.count(),
    "agreements": Agreement.objects.count(),
    "history": [
        [step.status, step.date.isoformat(), step.note]
        for step in agreement_history(Agreement.objects.order_by("id").first())
    ],
    "viewers": list(EventViewer.objects.values_list("user__username", flat=True)),
    "time zone": PersonalSettings.objects.get(user__username="tegnology").timezone,
    "notifications": Notification.objects.count(),
    "notes": list(RequestNote.objects.values_list("message", flat=True)),
    "logins": users.get(username="organizer").check_password("matchfair-demo"),
}))
"""


def _run(home: Path, *args: str) -> str:
    environment = {
        **{k: v for k, v in os.environ.items() if k != "MATCHFAIR_DATABASE_URL"},
        "MATCHFAIR_HOME": str(home),
        "DJANGO_SETTINGS_MODULE": "matchfair.web.settings",
    }
    done = subprocess.run(
        [sys.executable, *args], env=environment, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def old_installation(tmp_path: Path) -> Path:
    with gzip.open(OLD_DATABASE) as packed, (tmp_path / "matchfair.sqlite3").open("wb") as file:
        shutil.copyfileobj(packed, file)
    return tmp_path


def test_a_database_of_before_the_redesign_migrates_and_keeps_its_data(old_installation):
    _run(old_installation, "-m", "django", "migrate", "--no-input")
    kept = json.loads(_run(old_installation, "-c", READ_BACK))
    assert kept == {
        "organizations": 97,
        "participations": 97,
        "published meetings": 112,
        "requests": 136,
        "agreements": 2,
        "history": [
            ["intention", "2026-05-20", "Letter of intent at the dialogue"],
            ["signed", "2026-09-01", "Signed in Chengdu"],
        ],
        "viewers": ["viewer"],
        "time zone": "Europe/Copenhagen",
        "notifications": 1,
        "notes": ["Hydrogen burners: can we meet?"],
        "logins": True,
    }
    assert "[ ]" not in _run(old_installation, "-m", "django", "showmigrations", "--plan")
