"""The demo's day (issue 17): every act the demo performs itself is dated relative to it, so the demo campaigns
are current on whatever day the demo is first loaded.

The anchor is the day of the first `seed_demo` on a database, and it is kept without a table of its own: it is
read back from the demo's own data, the plan date of the Sở Nội vụ tỉnh Quảng Trị's current drive
(QT_PLAN_NUMBER/QT_PLAN_SYMBOL), dated PLAN_AGE before the anchor. A second run on another day therefore finds the
same anchor and creates nothing new; a database without that campaign (a first run) takes today.

What does not move: the law (legal-basis profiles, base salaries, the reorganisation of 01/7/2025, all real and
dated), people's birth dates, and the two drives of the 80th anniversary of the ngành Tổ chức nhà nước (seeds 000
and 001), reproduced as written for a drive that ended in August 2025: they are seeded as closed.
"""
from datetime import date, timedelta

from django.utils import timezone

from campaigns.models import Campaign

QT_PLAN_NUMBER, QT_PLAN_SYMBOL = 2150, "KH-SNV"
PLAN_AGE = timedelta(weeks=12)


def current_quang_tri_drive():
    return Campaign.objects.filter(issuer__code="QT-SNV", plan_number=QT_PLAN_NUMBER,
                                   plan_symbol=QT_PLAN_SYMBOL).first()


def anchor():
    """The demo's day: read back from an existing demo, today on a first run."""
    campaign = current_quang_tri_drive()
    if campaign is not None and campaign.plan_date is not None:
        return campaign.plan_date + PLAN_AGE
    return timezone.localdate()


def last_rating(day, decided=(1, 15)):
    """(year, decision date) of the latest annual rating decided by `day`: the year before, decided on
    `decided` (month, day) of the year after it."""
    year = day.year - 1
    signed = date(year + 1, *decided)
    if signed > day:
        year -= 1
        signed = date(year + 1, *decided)
    return year, signed
