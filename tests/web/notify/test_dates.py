"""Dates and times in the reader's locale through Babel, each with its zone."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone, translation

from matchfair.web.notify import dates

CHENGDU_MEETING = datetime(2024, 11, 18, 6, 15, tzinfo=ZoneInfo("UTC"))


def test_the_chinese_date_is_written_the_chinese_way():
    with timezone.override("Asia/Shanghai"), translation.override("zh-hans"):
        assert dates.day(CHENGDU_MEETING) == "11月18日周一"
        assert dates.clock(CHENGDU_MEETING) == "14:15"
        assert dates.offset(CHENGDU_MEETING) == "GMT+08:00"


def test_english_dates_are_not_us_style():
    with timezone.override("Asia/Shanghai"), translation.override("en"):
        assert dates.day(CHENGDU_MEETING) == "Mon 18 Nov"
        assert dates.clock(CHENGDU_MEETING) == "14:15"
        assert dates.moment_with_zone(CHENGDU_MEETING) == "18 November 2024 14:15 (Asia/Shanghai)"


def test_german_and_french_dates_follow_their_locales():
    with timezone.override("Asia/Shanghai"), translation.override("de"):
        assert dates.day(CHENGDU_MEETING) == "Mo., 18. Nov."
    with timezone.override("Asia/Shanghai"), translation.override("fr"):
        assert dates.day(CHENGDU_MEETING) == "lun. 18 nov."


def test_a_date_that_may_lie_in_another_year_carries_it():
    with timezone.override("Asia/Shanghai"), translation.override("zh-hans"):
        assert dates.calendar_date(CHENGDU_MEETING) == "2024年11月18日"
        assert dates.stamp(CHENGDU_MEETING) == "2024年11月18日 14:15"
        assert dates.day_and_clock(CHENGDU_MEETING) == "11月18日周一 14:15"
    with timezone.override("Asia/Shanghai"), translation.override("de"):
        assert dates.stamp(CHENGDU_MEETING) == "18.11.2024 14:15"
    # A date has no zone: the same day wherever it is read.
    with timezone.override("America/Los_Angeles"), translation.override("en"):
        assert dates.calendar_date(CHENGDU_MEETING.date()) == "18 Nov 2024"
