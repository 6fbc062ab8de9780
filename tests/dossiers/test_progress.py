"""The campaign progress page counts and pages in SQL: totals, pages and the late filter agree with each other
and with the reminders, across pages, and the number of queries does not grow with the units."""
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from campaigns.models import CampaignParticipant
from campaigns.services.campaigns import offer_award, transition
from dossiers.enums import DossierState
from dossiers.models import Dossier
from dossiers.services import reminders
from dossiers.views.progress import CampaignProgressView
from notifications.models import OutboxBatch
from tests.factories.campaigns import award_form, draft_campaign
from tests.factories.orgs import OrganisationFactory

pytestmark = pytest.mark.django_db
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
AFTER = date(2025, 8, 8)  # the campaigns' dossier deadline is 05/08/2025
BEFORE = date(2025, 8, 1)
# the unit of each index: its dossier's state (None: no dossier); sent = left the unit and not returned
STATES = [DossierState.SUBMITTED, None, DossierState.DRAFT, DossierState.RETURNED, DossierState.WITHDRAWN,
          DossierState.IN_REVIEW, None, DossierState.DECIDED, DossierState.DRAFT, None, DossierState.SUBMITTED]


def at(day):
    return time_machine.travel(datetime(day.year, day.month, day.day, 9, 0, tzinfo=TZ), tick=False)


def launched_with_units(cast, count, prefix="Đơn vị"):
    """A launched campaign of the body in which `count` new units, listed one by one, take part."""
    campaign = draft_campaign(cast)
    offer_award(campaign, award_form(), copies=2, by=cast.admin)
    units = []
    for index in range(count):
        unit = OrganisationFactory(code=f"T-{prefix[:2]}-{index}", name=f"{prefix} {index:03}", parent=cast.body)
        CampaignParticipant.objects.create(campaign=campaign, organisation=unit, include_subtree=False)
        units.append(unit)
    campaign = transition(campaign, "launch", by=cast.admin)
    campaign.units = units
    return campaign


@pytest.fixture
def drive(cast):
    """A launched campaign of 11 units, each with the dossier of STATES (None: no dossier)."""
    campaign = launched_with_units(cast, len(STATES))
    offer = campaign.awards.first()
    for index, (unit, state) in enumerate(zip(campaign.units, STATES, strict=True)):
        if state is not None:
            submitted = datetime(2025, 7, 20 + index % 5, 10, 0, tzinfo=TZ) if state != DossierState.DRAFT else None
            Dossier.objects.create(campaign=campaign, organisation=unit, offer=offer, state=state,
                                   submitted_at=submitted)
    return campaign


def sent(state):
    return state is not None and state not in reminders.NOT_SENT


def read_all_pages(client, url, **query):
    """Every page of the list: the rows' (name, has_sent, is_late) in order, the first page's context and
    the pages' HTML."""
    rows, number, first, html = [], 1, None, ""
    while True:
        response = client.get(url, {**query, "trang": number})
        first, html = first or response.context, html + response.content.decode()
        rows += [(row.name, row.has_sent, row.is_late) for row in response.context["rows"]]
        if not response.context["page"].has_next:
            return rows, first, html
        number += 1


def in_tree_order(drive):
    return sorted(zip(drive.units, STATES, strict=True), key=lambda pair: pair[0].path)


@pytest.fixture
def three_a_page(monkeypatch):
    monkeypatch.setattr(CampaignProgressView, "per_page", 3)


def test_totals_pages_and_late_filter_agree_across_pages(cast, drive, client_for, three_a_page):
    client = client_for(cast.reviewer)
    url = reverse("dossiers:campaign_progress", args=[drive.pk])
    expected = [(unit.name, sent(state), not sent(state)) for unit, state in in_tree_order(drive)]
    with at(AFTER):
        rows, context, _html = read_all_pages(client, url)
        late_rows, late_context, _html = read_all_pages(client, url, **{"tre-han": "1"})
    assert rows == expected  # every unit once, in the order of the tree, over 4 pages of 3
    assert late_rows == [row for row in expected if row[2]]
    for page in (context, late_context):
        assert (page["total"], page["sent"], page["late"]) == (11, 4, 7)


def test_before_the_deadline_nobody_is_late(cast, drive, client_for, three_a_page):
    client = client_for(cast.reviewer)
    url = reverse("dossiers:campaign_progress", args=[drive.pk])
    with at(BEFORE):
        rows, context, html = read_all_pages(client, url)
        late = client.get(url, {"tre-han": "1"})
    assert [name for name, _, is_late in rows if is_late] == []
    assert (context["total"], context["sent"], context["late"]) == (11, 4, 0)
    assert late.context["rows"] == [] and "Không có đơn vị nào trễ hạn." in late.content.decode()
    assert "Đang soạn" in html and "Trễ hạn</span>" not in html  # a draft before the deadline


def test_the_page_shows_each_units_dossiers_and_state(cast, drive, client_for):
    with at(AFTER):
        page = client_for(cast.reviewer).get(reverse("dossiers:campaign_progress", args=[drive.pk]))
    rows = {row.name: row for row in page.context["rows"]}
    assert [rows[unit.name].dossier_count for unit in drive.units] == [1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1]
    assert rows["Đơn vị 000"].sent_at == datetime(2025, 7, 20, 10, 0, tzinfo=TZ)
    assert rows["Đơn vị 003"].has_returned and not rows["Đơn vị 003"].has_sent
    html = page.content.decode()
    for badge in ("Đã nộp 20/07/2025", "Bị trả lại, chưa nộp lại", "Trễ hạn</span>"):
        assert badge in html


def test_the_reminders_use_the_same_late_units(cast, drive):
    late = [unit.name for unit, state in in_tree_order(drive) if not sent(state)]
    assert [unit.name for unit in reminders.missing_units(drive, AFTER)] == late  # the daily run
    batch = reminders.remind_late_units(drive, by=cast.reviewer, day=AFTER)  # "Nhắc tất cả đơn vị trễ hạn"
    assert [item.label for item in batch.items.order_by("pk")] == late
    assert reminders.remind_late_units(drive, by=cast.reviewer, day=BEFORE) is None
    assert OutboxBatch.objects.count() == 1


@pytest.mark.parametrize("query", [{}, {"tre-han": "1"}, {"trang": "2"}])
def test_query_count_is_the_same_for_one_unit_and_many(cast, client_for, query):
    one = launched_with_units(cast, 1, prefix="Một")
    many = launched_with_units(cast, 250, prefix="Nhiều")  # more than two pages of 100
    client = client_for(cast.reviewer)
    counts = []
    for campaign in (one, many):
        url = reverse("dossiers:campaign_progress", args=[campaign.pk])
        with at(AFTER):
            client.get(url, query)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url, query)
        counts.append(len(queries))
    assert response.context["total"] == response.context["late"] == 250
    if query.get("trang") == "2":  # page 2 of one unit is empty: its rows' figures need no query
        counts[0] += 1
    assert counts[0] == counts[1]
