"""The dossier page keeps its nominees part (table, checks, checklist) per process under a fingerprint of
the rows it shows (dossiers.services.page_cache, the function of migration dossiers 0012). The cache must
never show an older state: every write to any of those rows, by any code path (here `QuerySet.update()`,
which sends no signal), moves the fingerprint. Row versions move when a transaction commits, so these
tests commit (`transaction=True`) as production does."""
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from awards.models import AwardForm
from campaigns.models import Campaign, CampaignAward, Criterion
from dossiers.models import (
    AchievementReport,
    AnnualRating,
    Attachment,
    Award,
    Dossier,
    MeetingVote,
    Nomination,
    NominationMeeting,
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


def fingerprint(dossier):
    with connection.cursor() as cursor:
        cursor.execute("SELECT dossier_page_fingerprint(%s, %s)", [dossier.pk, dossier.campaign_id])
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


WRITES = {
    "the dossier": lambda cast, d: Dossier.objects.filter(pk=d.pk).update(memo_number="08/TTr-TCCB"),
    "its campaign": lambda cast, d: Campaign.objects.filter(pk=d.campaign_id).update(dossier_deadline=date(2031, 1, 1)),
    "its offer": lambda cast, d: CampaignAward.objects.filter(pk=d.offer_id).update(copies=3),
    "an award form": lambda cast, d: AwardForm.objects.filter(pk=d.offer.award_form_id).update(name="Giấy khen mới"),
    "its unit": lambda cast, d: Organisation.objects.filter(pk=d.organisation_id).update(short_name="Phòng TCCB"),
    "a nomination": lambda cast, d: Nomination.objects.filter(dossier=d).update(summary="Tóm tắt mới"),
    "a report": lambda cast, d: AchievementReport.objects.filter(nomination__dossier=d).update(rating="ht"),
    "a vote": lambda cast, d: MeetingVote.objects.filter(nomination__dossier=d).update(votes_for=4),
    "the Biên bản": lambda cast, d: NominationMeeting.objects.filter(pk=d.meeting_id).update(members_present=7),
    "a nominee (person)": lambda cast, d: Person.objects.filter(pk=cast.person_a.pk).update(position="Trưởng phòng"),
    "the nominee's unit": lambda cast, d: Organisation.objects.filter(pk=cast.unit_a.pk).update(name="Phòng mới"),
    "a confirmed criterion": lambda cast, d: _nominee(d).criteria_confirmed.add(d.campaign.criteria.get()),
    "a nominee added": lambda cast, d: building.add_nominee(d, subject_type="individual", person=Person.objects.create(
        full_name="Trần Văn Mới", organisation=cast.unit_a), by=cast.clerk_a),
    "a nominee removed": lambda cast, d: Nomination.objects.filter(dossier=d).delete(),
    "an award in the register": lambda cast, d: give_award(person=cast.person_a),
    "an award changed": lambda cast, d: Award.objects.filter(person=cast.person_a).update(year=2022),
    "a rating in the register": lambda cast, d: AnnualRating.objects.create(person=cast.person_a, year=2023,
                                                                            rating="xuat_sac"),
    "another dossier of the campaign nominating the same person": lambda cast, d: other_dossier(cast, d),
    "an attachment": lambda cast, d: Attachment.objects.create(
        dossier=d, title="Bản sao Quyết định công nhận sáng kiến", file="x.pdf", original_name="x.pdf",
        stored_name="x.pdf", content_type="application/pdf", size=1),
}


@pytest.mark.parametrize("write", WRITES, ids=list(WRITES))
def test_every_row_the_part_shows_moves_the_fingerprint(cast, write):
    dossier = ready_dossier(cast)
    if write == "an award changed":
        give_award(person=cast.person_a)
    if write == "a confirmed criterion":  # written before: a new criterion moves the campaign's version
        Criterion.objects.create(campaign=dossier.campaign, subject_type="individual", order=9,
                                 text="Có sáng kiến được công nhận", is_blocking=True)
    before = fingerprint(dossier)
    assert fingerprint(dossier) == before  # stable while nothing is written
    WRITES[write](cast, Dossier.objects.select_related("offer").get(pk=dossier.pk))
    assert fingerprint(dossier) != before


def test_the_same_campaign_counts_other_dossiers_until_withdrawn_and_their_units_name(cast):
    dossier = ready_dossier(cast)
    other = other_dossier(cast, dossier)
    steps = [fingerprint(dossier)]
    Organisation.objects.filter(pk=cast.unit_b.pk).update(name="Phòng Công chức (mới)")
    steps.append(fingerprint(dossier))
    Dossier.objects.filter(pk=other.pk).update(state="withdrawn")
    steps.append(fingerprint(dossier))
    assert len(set(steps)) == 3


def test_a_collective_follows_the_units_merged_into_it(cast):
    dossier = ready_dossier(cast)
    building.add_nominee(dossier, subject_type="collective", organisation=cast.unit_a, by=cast.clerk_a)
    old = OrganisationFactory(code="T-SNV-CU", name="Phòng Tổ chức (cũ)", parent=cast.unit_a.parent,
                              successor=cast.unit_a, valid_until=date(2024, 12, 31))
    older = OrganisationFactory(code="T-SNV-CU2", name="Tổ Tổ chức (cũ hơn)", parent=cast.unit_a.parent,
                                successor=old, valid_until=date(2020, 12, 31))
    before = fingerprint(dossier)
    give_award(organisation=older)
    assert fingerprint(dossier) != before


def test_writes_elsewhere_leave_it_alone(cast):
    dossier = ready_dossier(cast)
    before = fingerprint(dossier)
    give_award(person=cast.person_b)
    AnnualRating.objects.create(person=cast.person_other, year=2023, rating="tot")
    Person.objects.filter(pk=cast.person_b.pk).update(position="Phó phòng")
    ready_dossier(cast, person=PersonFactory(organisation=cast.unit_a))  # another dossier, another person
    assert fingerprint(dossier) == before


def part_of(client, dossier):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/ho-so/{dossier.pk}/")
    assert response.status_code == 200
    return response.context["part"], len(queries), response.content.decode()


def test_the_office_reads_the_part_once_then_sees_every_change(cast, client_for):
    dossier = in_review(cast)
    client = client_for(cast.reviewer)
    first, built, _ = part_of(client, dossier)
    again, kept, html = part_of(client, dossier)
    assert again is first and kept < built  # from the cache, without the nominees' queries
    assert "Chuyên viên" in html
    Person.objects.filter(pk=cast.person_a.pk).update(position="Trưởng phòng")  # no signal
    changed, _, html = part_of(client, dossier)
    assert changed is not first
    assert "Trưởng phòng" in html and "Chuyên viên" not in changed.table


def test_a_new_day_builds_it_again(cast, client_for, monkeypatch):
    dossier = in_review(cast)
    Campaign.objects.filter(pk=dossier.campaign_id).update(dossier_deadline=date(2030, 6, 30))
    client = client_for(cast.reviewer)
    first, _, html = part_of(client, dossier)
    assert "đã quá" not in first.table
    monkeypatch.setattr(timezone, "localdate", lambda *args: date(2030, 7, 2))
    later, _, html = part_of(client, dossier)
    assert later is not first and "đã quá 2 ngày" in later.table


def test_a_clerk_who_may_edit_gets_it_built_for_each_request(cast, client_for):
    dossier = ready_dossier(cast)
    client = client_for(cast.clerk_a)
    part_of(client, dossier)  # the first request of a process fills its configuration caches
    first, count, html = part_of(client, dossier)
    again, count_again, _ = part_of(client, dossier)
    assert again is not first and count_again == count
    assert "Bỏ Nguyễn Thị Hương khỏi hồ sơ?" in html  # the rows' forms, with this session's CSRF token
    row = again.table.split('/xoa/"')[1]
    assert 'name="csrfmiddlewaretoken"' in row.split("</form>")[0]
