"""Bảng điều khiển phong trào: the figures against a hand-counted campaign, the same figures in the Excel
file, the walls, and a number of queries that does not grow with the units and dossiers."""
import io
import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from campaigns.enums import QuotaKind, RegistrationStatus
from campaigns.models import CampaignParticipant, QuotaOverride, Registration
from campaigns.services.campaigns import offer_award, transition
from dossiers.enums import DossierState, Outcome
from dossiers.models import Dossier, Nomination
from dossiers.services.dashboard import campaign_dashboard
from tests.factories.campaigns import award_form, draft_campaign
from tests.factories.orgs import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
AFTER = date(2025, 8, 8)  # the campaign's dossier deadline is 05/08/2025


def at(day):
    return time_machine.travel(datetime(day.year, day.month, day.day, 9, 0, tzinfo=TZ), tick=False)


def moment(day, hour=10):
    return datetime(2025, 7, day, hour, 0, tzinfo=TZ)


def campaign_of(cast, count, prefix="Đơn vị", headcount_quota=False):
    """A launched campaign of the body with `count` new units; form A (at most 2 per unit) and form B (no quota,
    or 50% of the unit's staff when `headcount_quota`)."""
    campaign = draft_campaign(cast)
    form_a = offer_award(campaign, award_form(), copies=2, by=cast.admin, quota_kind=QuotaKind.FIXED,
                         quota_value=2, order=1)
    form_b = offer_award(campaign, award_form(code="ldtt-test", name="Lao động tiên tiến (thử)"), copies=1,
                         by=cast.admin, order=2,
                         **({"quota_kind": QuotaKind.PERCENT_HEADCOUNT, "quota_value": 50} if headcount_quota
                            else {}))
    units = []
    for index in range(count):
        unit = OrganisationFactory(code=f"D-{prefix[:2]}-{index}", name=f"{prefix} {index:03}", parent=cast.body)
        CampaignParticipant.objects.create(campaign=campaign, organisation=unit, include_subtree=False)
        units.append(unit)
    campaign = transition(campaign, "launch", by=cast.admin)
    campaign.units, campaign.form_a, campaign.form_b = units, form_a, form_b
    return campaign


def dossier(campaign, unit, offer, state, outcomes, **times):
    made = Dossier.objects.create(campaign=campaign, organisation=unit, offer=offer, state=state, **times)
    for order, outcome in enumerate(outcomes):
        Nomination.objects.create(dossier=made, subject_type="individual", order=order, outcome=outcome,
                                  person=PersonFactory(organisation=unit))
    return made


P, OK, NO, WON = Outcome.PENDING, Outcome.ACCEPTED, Outcome.NOT_QUALIFIED, Outcome.AWARDED


@pytest.fixture
def drive(cast):
    """Six units, counted by hand in the test below:
    U0 sent form A (3 nominees, pending) and form B (2); U1 form A in review (accepted after 2 days: one
    accepted, one not qualified; its own quota 1); U2 form A decided (accepted after 4 days, decided after
    10: awarded); U3 form A returned after 1,5 days; U4 form A a draft; U5 nothing. Registrations: U0 sent,
    U1 accepted, U5 a draft."""
    campaign = campaign_of(cast, 6)
    u, a, b = campaign.units, campaign.form_a, campaign.form_b
    dossier(campaign, u[0], a, DossierState.SUBMITTED, [P, P, P], submitted_at=moment(20))
    dossier(campaign, u[0], b, DossierState.SUBMITTED, [P, P], submitted_at=moment(20))
    dossier(campaign, u[1], a, DossierState.IN_REVIEW, [OK, NO], submitted_at=moment(20), accepted_at=moment(22))
    dossier(campaign, u[2], a, DossierState.DECIDED, [WON], submitted_at=moment(21), accepted_at=moment(25),
            decided_at=moment(31))
    dossier(campaign, u[3], a, DossierState.RETURNED, [P], submitted_at=moment(20), returned_at=moment(21, 22))
    dossier(campaign, u[4], a, DossierState.DRAFT, [P])
    QuotaOverride.objects.create(campaign_award=a, organisation=u[1], max_count=1)
    for unit, status in ((u[0], RegistrationStatus.SUBMITTED), (u[1], RegistrationStatus.ACCEPTED),
                         (u[5], RegistrationStatus.DRAFT)):
        Registration.objects.create(campaign=campaign, organisation=unit, status=status)
    return campaign


def test_the_figures_are_those_counted_by_hand(drive):
    board = campaign_dashboard(drive, AFTER)
    assert (board.participating, board.registered, board.sent, board.late, board.not_sent) == (6, 2, 3, 3, 3)
    [a, b] = board.forms
    assert (a.name, a.proposed, a.accepted, a.quota, a.over, a.units_over) == ("Giấy khen (thử)", 6, 2, 11, 2, 2)
    assert (b.name, b.proposed, b.accepted, b.quota, b.over, b.units_over) == ("Lao động tiên tiến (thử)", 2, 0,
                                                                                None, 0, 0)
    states = {state: count for state, _label, count in board.states}
    assert states == {**{state: 0 for state in states}, DossierState.SUBMITTED: 2, DossierState.IN_REVIEW: 1,
                      DossierState.RETURNED: 1, DossierState.DECIDED: 1}
    answer, decision = board.durations
    assert (answer.count, answer.median, answer.longest) == (3, 2.0, 4.0)
    assert (decision.count, decision.median, decision.longest) == (1, 10.0, 10.0)
    before = campaign_dashboard(drive, date(2025, 8, 1))
    assert before.late == 0  # before the deadline nobody is late


def test_the_page_shows_the_figures_as_tables_and_chart_data(cast, drive, client_for):
    with at(AFTER):
        page = client_for(cast.reviewer).get(reverse("dossiers:campaign_dashboard", args=[drive.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    data = json.loads(html.split('<script id="dashboard-data" type="application/json">')[1].split("</script>")[0])
    assert data["units"]["values"] == [6, 2, 3, 3]
    assert data["forms"] == {"labels": ["Giấy khen (thử)", "Lao động tiên tiến (thử)"], "proposed": [6, 2],
                             "accepted": [2, 0], "quota": [11, None]}
    assert data["durations"]["median"] == [2.0, 10.0]
    for id_ in ("chart-units", "chart-forms", "chart-states", "chart-durations"):
        assert f'<canvas id="{id_}" role="img" aria-label="' in html
    for id_ in ("table-units", "table-forms", "table-states", "table-durations"):
        assert f'id="{id_}"' in html
    assert "js/campaign-dashboard.js" in html and "vendor/chart.js/chart.umd.min.js" in html
    assert "2,0 ngày" in html and "10,0 ngày" in html  # Vietnamese decimals
    inbox = reverse("dossiers:inbox")
    assert f'{inbox}?phong_trao={drive.pk}&amp;hinh_thuc={drive.form_a.award_form_id}&amp;tat_ca=on' in html
    assert f'{inbox}?phong_trao={drive.pk}&amp;trang_thai=submitted' in html
    progress = reverse("dossiers:campaign_progress", args=[drive.pk])
    assert f'href="{progress}?tre-han=1"' in html and 'id="dashboard-progress"' in html
    # and both ways: the progress page and the campaign page lead here
    dashboard = reverse("dossiers:campaign_dashboard", args=[drive.pk])
    client = client_for(cast.reviewer)
    assert dashboard in client.get(progress).content.decode()
    assert dashboard in client.get(drive.get_absolute_url()).content.decode()


def test_the_leader_sees_the_figures_without_the_progress_links(cast, drive, client_for):
    client = client_for(cast.approver)
    with at(AFTER):
        page = client.get(reverse("dossiers:campaign_dashboard", args=[drive.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="dashboard-progress"' not in html  # the progress page is the office's
    assert "?tre-han=1" not in html and 'id="card-late">3<' in html
    campaign_page = client.get(drive.get_absolute_url()).content.decode()
    assert reverse("dossiers:campaign_dashboard", args=[drive.pk]) in campaign_page


def test_the_excel_file_holds_the_same_figures(cast, drive, client_for):
    drive.title = "=HYPERLINK(\"http://x\")"  # user text: written as text, never a formula
    drive.save(update_fields=["title"])
    with at(AFTER):
        response = client_for(cast.reviewer).get(reverse("dossiers:campaign_dashboard_excel", args=[drive.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "S%E1%BB%91%20li%E1%BB%87u%20phong%20tr%C3%A0o" in response["Content-Disposition"]  # Số liệu phong trào
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book.sheetnames == ["Đơn vị", "Hình thức khen thưởng", "Trạng thái hồ sơ", "Thời gian xử lý"]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
    units = [[cell.value for cell in row] for row in book["Đơn vị"].iter_rows()]
    assert units[0] == ["Chỉ số", "Số đơn vị"]
    assert units[1] == ["Phong trào", drive.title] and book["Đơn vị"]["B2"].data_type == "s"
    assert units[2] == ["Hạn nộp hồ sơ", datetime(2025, 8, 5)] and book["Đơn vị"]["B3"].number_format == "dd/mm/yyyy"
    assert units[3] == ["Số liệu đến ngày", datetime(2025, 8, 8)]
    assert units[4:] == [["Đơn vị tham gia", 6], ["Đã đăng ký thi đua", 2], ["Đã nộp hồ sơ", 3],
                         ["Báo không đề nghị", 0], ["Chưa nộp hồ sơ", 3], ["Trễ hạn, chưa nộp", 3]]
    forms = [[cell.value for cell in row] for row in book["Hình thức khen thưởng"].iter_rows(min_row=2)]
    assert forms == [["Giấy khen (thử)", "Tối đa 2 mỗi đơn vị", 6, 2, 11, 2, 2],
                     ["Lao động tiên tiến (thử)", "Không giới hạn", 2, 0, None, 0, 0]]
    states = {row[0].value: row[1].value for row in book["Trạng thái hồ sơ"].iter_rows(min_row=2)}
    assert (states["Đã nộp"], states["Đang thẩm định"], states["Trả lại để bổ sung"], states["Đã có quyết định"],
            sum(states.values())) == (2, 1, 1, 1, 5)
    assert "Đang soạn" not in states and "Đã rút" not in states
    times = [[cell.value for cell in row] for row in book["Thời gian xử lý"].iter_rows(min_row=2)]
    assert times == [["Từ khi nộp đến khi tiếp nhận hoặc trả lại", 3, 2.0, 4.0],
                     ["Từ khi nộp đến khi có quyết định", 1, 10.0, 10.0]]


@pytest.mark.parametrize("role, status", [("outsider", 404), ("clerk_b", 404), ("council", 403),
                                          ("reviewer", 200), ("approver", 200), ("admin", 200)])
def test_the_walls(cast, client_for, role, status):
    campaign = campaign_of(cast, 1)
    CampaignParticipant.objects.create(campaign=campaign, organisation=cast.unit_a, include_subtree=True)
    client = client_for(getattr(cast, role))
    for name in ("dossiers:campaign_dashboard", "dossiers:campaign_dashboard_excel"):
        assert client.get(reverse(name, args=[campaign.pk])).status_code == status
    # a clerk of a participating unit sees the campaign, not its figures
    clerk = client_for(cast.clerk_a)
    assert clerk.get(reverse("dossiers:campaign_dashboard", args=[campaign.pk])).status_code == 403


def fill(campaign):
    for index, unit in enumerate(campaign.units):
        PersonFactory(organisation=unit)
        dossier(campaign, unit, campaign.form_a, DossierState.DECIDED, [OK, P, WON][: 1 + index % 3],
                submitted_at=moment(20), accepted_at=moment(22), decided_at=moment(30))
        dossier(campaign, unit, campaign.form_b, DossierState.SUBMITTED, [P, P], submitted_at=moment(21))
        QuotaOverride.objects.create(campaign_award=campaign.form_a, organisation=unit, max_count=1)
        Registration.objects.create(campaign=campaign, organisation=unit, status=RegistrationStatus.SUBMITTED)


@pytest.mark.parametrize("name", ["dossiers:campaign_dashboard", "dossiers:campaign_dashboard_excel"])
def test_query_count_is_the_same_for_one_unit_and_many(cast, client_for, name):
    one = campaign_of(cast, 1, prefix="Một", headcount_quota=True)
    many = campaign_of(cast, 40, prefix="Nhiều", headcount_quota=True)
    for campaign in (one, many):
        fill(campaign)
    client = client_for(cast.reviewer)
    counts = []
    for campaign in (one, many):
        url = reverse(name, args=[campaign.pk])
        with at(AFTER):
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    board = campaign_dashboard(many, AFTER)
    assert (board.participating, board.sent, board.registered, board.forms[0].proposed) == (40, 40, 40, 79)
