"""The dossier page keeps its body (everything under the header: nominees and their checks, checklist,
Tờ trình, attachments, print list, log) per process under a version of the rows it shows
(dossiers.services.page_cache, the function of migration dossiers 0013). The cache must never show an
older state, nor show a dossier to anyone the database would not: every write to any of those rows, by
any code path (here `QuerySet.update()`, which sends no signal), moves the version, and the kept dossier
answers the permission checks exactly as the scoped query does. Row versions move when a transaction
commits, so these tests commit (`transaction=True`) as production does."""
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from awards.models import AwardForm
from campaigns.models import Campaign, CampaignAward, Criterion, DossierComponent, QuotaOverride
from dossiers.models import (
    AchievementReport,
    AnnualRating,
    Attachment,
    Award,
    Dossier,
    DossierVersion,
    EligibilityRule,
    MeetingVote,
    Nomination,
    NominationMeeting,
    StateChange,
)
from dossiers.services import building
from dossiers.services.workflow import transition
from orgs.models import Organisation, Person
from tests.factories.campaigns import award_form
from tests.factories.dossiers import ready_dossier
from tests.factories.orgs import OrganisationFactory, PersonFactory

pytestmark = [pytest.mark.django_db(transaction=True),
              pytest.mark.skipif(connection.vendor != "postgresql", reason="row versions (xmin) are PostgreSQL's")]


@pytest.fixture(autouse=True)
def _cache_on(settings, _no_dossier_page_cache):
    settings.DOSSIER_PAGE_CACHE = True


def version(dossier):
    with connection.cursor() as cursor:
        cursor.execute("SELECT dossier_page_version(%s)", [dossier.pk])
        return cursor.fetchone()[0]


def in_review(cast):
    dossier = ready_dossier(cast)
    transition(dossier, "submit", by=cast.clerk_a)
    return transition(dossier, "start_review", by=cast.reviewer)


def other_dossier(cast, dossier, state="submitted"):
    """A dossier of another unit in the same campaign, nominating the same person."""
    other = Dossier.objects.create(campaign=dossier.campaign, organisation=cast.unit_b, offer=dossier.offer,
                                   state=state)
    Nomination.objects.create(dossier=other, subject_type="individual", person=cast.person_a)
    return other


def give_award(person=None, organisation=None):
    return Award.objects.create(
        subject_type="individual" if person else "collective", person=person, organisation=organisation,
        award_form=award_form(), year=2023, decision_number="12/QĐ-SNV",
        decision_date=date(2023, 12, 20), source=Award.MANUAL)


def _nominee(dossier):
    return dossier.nominations.get()


def _rename(user, name):
    get_user_model().objects.filter(pk=user.pk).update(first_name=name)


WRITES = {
    "the dossier": lambda cast, d: Dossier.objects.filter(pk=d.pk).update(memo_number="08/TTr-TCCB"),
    "its campaign": lambda cast, d: Campaign.objects.filter(pk=d.campaign_id).update(dossier_deadline=date(2031, 1, 1)),
    "its issuing body": lambda cast, d: Organisation.objects.filter(pk=cast.body.pk).update(path="/moved/"),
    "its offer": lambda cast, d: CampaignAward.objects.filter(pk=d.offer_id).update(copies=3),
    "an award form": lambda cast, d: AwardForm.objects.filter(pk=d.offer.award_form_id).update(name="Giấy khen mới"),
    "its unit": lambda cast, d: Organisation.objects.filter(pk=d.organisation_id).update(short_name="Phòng TCCB"),
    "a criterion's text": lambda cast, d: Criterion.objects.filter(campaign=d.campaign_id).update(text="Mới"),
    "a dossier component": lambda cast, d: DossierComponent.objects.filter(campaign=d.campaign_id).update(name="Mới"),
    "a nomination": lambda cast, d: Nomination.objects.filter(dossier=d).update(summary="Tóm tắt mới"),
    "a report": lambda cast, d: AchievementReport.objects.filter(nomination__dossier=d).update(rating="ht"),
    "a vote": lambda cast, d: MeetingVote.objects.filter(nomination__dossier=d).update(votes_for=4),
    "the Biên bản": lambda cast, d: NominationMeeting.objects.filter(pk=d.meeting_id).update(members_present=7),
    "a nominee (person)": lambda cast, d: Person.objects.filter(pk=cast.person_a.pk).update(position="Trưởng phòng"),
    "the nominee's unit": lambda cast, d: Organisation.objects.filter(pk=cast.unit_a.pk).update(name="Phòng mới"),
    "a confirmed criterion": lambda cast, d: _nominee(d).criteria_confirmed.add(d.campaign.criteria.get()),
    "a nominee added": lambda cast, d: Nomination.objects.create(dossier=d, subject_type="collective",
                                                                 organisation=cast.unit_a),
    "a nominee removed": lambda cast, d: Nomination.objects.filter(dossier=d).delete(),
    "an award in the register": lambda cast, d: give_award(person=cast.person_a),
    "an award changed": lambda cast, d: Award.objects.filter(person=cast.person_a).update(year=2022),
    "a rating in the register": lambda cast, d: AnnualRating.objects.create(person=cast.person_a, year=2023,
                                                                            rating="xuat_sac"),
    "another dossier of the campaign nominating the same person": lambda cast, d: other_dossier(cast, d),
    "an attachment": lambda cast, d: Attachment.objects.create(
        dossier=d, title="Bản sao Quyết định công nhận sáng kiến", file="x.pdf", original_name="x.pdf",
        stored_name="x.pdf", content_type="application/pdf", size=1),
    "an attachment's uploader": lambda cast, d: _rename(cast.admin, "Lan"),
    "the log": lambda cast, d: StateChange.objects.filter(dossier=d).update(note="Đã xem"),
    "a user named in the log": lambda cast, d: _rename(cast.reviewer, "Minh"),
    "a version sent": lambda cast, d: DossierVersion.objects.filter(dossier=d).update(content={}),
    "the unit's nominees for another form (a quota as a share of it)": lambda cast, d: Nomination.objects.create(
        dossier=Dossier.objects.create(campaign=d.campaign, organisation=cast.unit_a, offer=d.campaign.awards.last()),
        subject_type="individual", person=cast.person_b),
    "the unit's staff (quota on headcount)": lambda cast, d: PersonFactory(organisation=cast.unit_a),
    "the unit's own quota": lambda cast, d: QuotaOverride.objects.create(campaign_award=d.offer,
                                                                        organisation=cast.unit_a, max_count=3),
    "an eligibility rule": lambda cast, d: EligibilityRule.objects.create(code="thu", label="Quy tắc thử"),
}


def body_setup(cast):
    """A dossier in review (a log, a version sent) with a criterion, a component, an upload by the admin, and
    a second form offered by the campaign."""
    dossier = in_review(cast)
    CampaignAward.objects.create(campaign=dossier.campaign,
                                 award_form=award_form(code="bang-khen-thu", name="Bằng khen"))
    Criterion.objects.create(campaign=dossier.campaign, subject_type="individual", order=9,
                             text="Có sáng kiến được công nhận", is_blocking=True)
    DossierComponent.objects.create(campaign=dossier.campaign, kind="other", name="Bản sao sáng kiến")
    Attachment.objects.create(dossier=dossier, title="Tờ trình (bản ký)", file="t.pdf", original_name="t.pdf",
                              stored_name="t.pdf", content_type="application/pdf", size=1, uploaded_by=cast.admin)
    return dossier


@pytest.mark.parametrize("write", WRITES, ids=list(WRITES))
def test_every_row_the_body_shows_moves_the_version(cast, write):
    dossier = body_setup(cast)
    if write == "an award changed":
        give_award(person=cast.person_a)
    before = version(dossier)
    assert version(dossier) == before  # stable while nothing is written
    WRITES[write](cast, Dossier.objects.select_related("offer").get(pk=dossier.pk))
    assert version(dossier) != before


def test_the_same_campaign_counts_other_dossiers_until_withdrawn_and_their_units_name(cast):
    dossier = ready_dossier(cast)
    other = other_dossier(cast, dossier)
    steps = [version(dossier)]
    Organisation.objects.filter(pk=cast.unit_b.pk).update(name="Phòng Công chức (mới)")
    steps.append(version(dossier))
    Dossier.objects.filter(pk=other.pk).update(state="withdrawn")
    steps.append(version(dossier))
    assert len(set(steps)) == 3


def test_a_collective_follows_the_units_merged_into_it(cast):
    dossier = ready_dossier(cast)
    building.add_nominee(dossier, subject_type="collective", organisation=cast.unit_a, by=cast.clerk_a)
    old = OrganisationFactory(code="T-SNV-CU", name="Phòng Tổ chức (cũ)", parent=cast.unit_a.parent,
                              successor=cast.unit_a, valid_until=date(2024, 12, 31))
    older = OrganisationFactory(code="T-SNV-CU2", name="Tổ Tổ chức (cũ hơn)", parent=cast.unit_a.parent,
                                successor=old, valid_until=date(2020, 12, 31))
    before = version(dossier)
    give_award(organisation=older)
    assert version(dossier) != before


def test_writes_elsewhere_leave_it_alone(cast):
    dossier = ready_dossier(cast)
    newcomer = PersonFactory(organisation=cast.unit_a)
    before = version(dossier)
    give_award(person=cast.person_b)
    AnnualRating.objects.create(person=cast.person_other, year=2023, rating="tot")
    Person.objects.filter(pk=cast.person_b.pk).update(position="Phó phòng")
    PersonFactory(organisation=cast.unit_b)  # another unit's staff
    ready_dossier(cast, person=newcomer)  # another campaign's dossier, another person
    cast.reviewer.set_password("x")
    cast.reviewer.save()  # a user named nowhere on the page
    assert version(dossier) == before


def logged_in(user):
    """A client of its own for `user`, logged in before any page is read (a login writes the user's row)."""
    client = Client()
    client.force_login(user)
    return client


def page(client, dossier, status=200):
    """(the body's html, the number of queries, the whole page) of one request for the dossier page."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/ho-so/{dossier.pk}/")
    assert response.status_code == status
    if status != 200:
        return None, len(queries), ""
    return response.context["body"], len(queries), response.content.decode()


def test_the_office_reads_the_body_once_then_sees_every_change(cast, client_for):
    dossier = in_review(cast)
    client = client_for(cast.reviewer)
    first, built, _ = page(client, dossier)
    again, kept, html = page(client, dossier)
    assert again is first and kept == 4  # session, user, memberships, the version: nothing else
    assert "Chuyên viên" in html and 'id="dossier-actions"' in html  # the header is the request's own
    Person.objects.filter(pk=cast.person_a.pk).update(position="Trưởng phòng")  # no signal
    changed, rebuilt, html = page(client, dossier)
    assert changed is not first and rebuilt <= 12
    assert "Trưởng phòng" in html and "Chuyên viên" not in changed


def test_a_new_day_builds_it_again(cast, client_for, monkeypatch):
    dossier = in_review(cast)
    Campaign.objects.filter(pk=dossier.campaign_id).update(dossier_deadline=date(2030, 6, 30))
    client = client_for(cast.reviewer)
    first, _, _ = page(client, dossier)
    assert "đã quá" not in first
    monkeypatch.setattr(timezone, "localdate", lambda *args: date(2030, 7, 2))
    later, _, _ = page(client, dossier)
    assert later is not first and "đã quá 2 ngày" in later


def test_a_clerk_who_may_edit_gets_it_built_for_each_request(cast, client_for):
    dossier = ready_dossier(cast)
    client = client_for(cast.clerk_a)
    page(client, dossier)  # the first request of a process fills its configuration caches
    first, count, html = page(client, dossier)
    again, count_again, _ = page(client, dossier)
    assert again is not first and count_again == count <= 12
    assert "Bỏ Nguyễn Thị Hương khỏi hồ sơ?" in html  # the rows' forms, with this session's CSRF token
    row = again.split('/xoa/"')[1]
    assert 'name="csrfmiddlewaretoken"' in row.split("</form>")[0]


def test_a_kept_body_is_shown_only_to_whom_the_database_would_show_the_dossier(cast):
    dossier = in_review(cast)
    office, clerk, others = logged_in(cast.reviewer), logged_in(cast.clerk_a), [
        logged_in(cast.clerk_b), logged_in(cast.outsider)]  # another unit of the Sở, another Sở
    kept, _, html = page(office, dossier)
    assert "Hộp hồ sơ" in html  # the office's breadcrumbs
    for other in others:
        page(other, dossier, status=404)
    mine, count, html = page(clerk, dossier)  # the unit's clerk may read it, not change it
    assert mine is kept and count == 4
    assert "Hộp hồ sơ" not in html  # her own header
    Dossier.objects.filter(pk=dossier.pk).update(state="draft")  # e.g. a restore by hand: the office loses it
    page(office, dossier, status=404)


def test_a_returned_dossier_gives_its_clerk_her_own_forms_not_the_office_body(cast):
    dossier = in_review(cast)
    transition(dossier, "return", by=cast.reviewer, note="Bổ sung bản sao sáng kiến.")
    office, clerk = logged_in(cast.reviewer), logged_in(cast.clerk_a)
    kept, _, _ = page(office, dossier)
    assert "Bỏ Nguyễn Thị Hương khỏi hồ sơ?" not in kept
    again, _, _ = page(office, dossier)
    assert again is kept
    mine, _, _ = page(clerk, dossier)
    assert mine is not kept and "Bỏ Nguyễn Thị Hương khỏi hồ sơ?" in mine
