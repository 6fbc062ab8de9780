"""The office's review clock (dossiers/services/inbox.py): a dossier is late once more than 15 working days have
passed since the day it was sent (the day itself not counted; Tết and the calendar's days off not counted)."""
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from dossiers.enums import DossierState
from dossiers.models import Dossier
from dossiers.services.inbox import late_review_q, review_by
from tests.factories.campaigns import launched_campaign

pytestmark = pytest.mark.django_db
LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize("sent, last_on_time", [
    (date(2026, 3, 2), date(2026, 3, 23)),    # Monday → three weeks later, Monday
    (date(2026, 3, 6), date(2026, 3, 27)),    # Friday → Friday
    (date(2026, 3, 7), date(2026, 3, 27)),    # a Saturday counts like the Friday before
    (date(2026, 2, 2), date(2026, 3, 2)),     # Tết Bính Ngọ 16–20/02 (calendar's migration) adds a week
])
def test_review_by(sent, last_on_time):
    assert review_by(sent) == last_on_time


@pytest.mark.parametrize("sent_at, today, late", [
    (datetime(2026, 3, 2, 16, 0), datetime(2026, 3, 23, 9, 0), False),   # the 15th working day: on time
    (datetime(2026, 3, 2, 16, 0), datetime(2026, 3, 24, 9, 0), True),    # the 16th: late
    (datetime(2026, 3, 2, 23, 59), datetime(2026, 3, 24, 9, 0), True),
    (datetime(2026, 3, 3, 0, 1), datetime(2026, 3, 24, 9, 0), False),
    (datetime(2026, 3, 2, 16, 0), datetime(2026, 3, 28, 9, 0), True),    # a Saturday after
    (datetime(2026, 2, 2, 10, 0), datetime(2026, 3, 2, 9, 0), False),    # Tết in between
    (datetime(2026, 2, 2, 10, 0), datetime(2026, 3, 3, 9, 0), True),
])
def test_a_dossier_is_late_after_15_working_days(cast, sent_at, today, late):
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    dossier = Dossier.objects.create(campaign=campaign, organisation=cast.unit_a, offer=campaign.awards.first(),
                                     state=DossierState.SUBMITTED)
    Dossier.objects.filter(pk=dossier.pk).update(submitted_at=sent_at.replace(tzinfo=LOCAL))
    found = Dossier.objects.filter(late_review_q(today.replace(tzinfo=LOCAL)), pk=dossier.pk).exists()
    assert found is late
