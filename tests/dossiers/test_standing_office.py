"""The standing office acts for the issuer (issue 15): the UBND tỉnh issues a campaign, its dossiers are received,
reviewed and prepared for the provincial council by the Sở Nội vụ (Organisation.standing_office), and only
those: the office's staff see nothing of the other bodies' internal campaigns through it."""
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from campaigns.models import Campaign
from dossiers.enums import DossierState, Outcome
from dossiers.models import CouncilSession, Dossier
from dossiers.services import building, sending, withdrawal
from dossiers.services import council as council_service
from dossiers.services.inbox import inbox_queryset
from dossiers.services.workflow import transition
from orgs import scope
from tests.dossiers.test_council import new_session
from tests.factories.campaigns import launched_campaign
from tests.factories.dossiers import ready_dossier
from tests.factories.orgs import OrganisationFactory
from tests.pickers import offered


def provincial_dossier(cast):
    """unit A's dossier, submitted, of a campaign issued by the UBND tỉnh (cast.province)."""
    campaign = launched_campaign(cast, issuer=cast.province, participants=[cast.unit_a], plan_symbol="KH-UBND")
    return transition(ready_dossier(cast, campaign=campaign), "submit", by=cast.clerk_a)


def serve(province, office):
    province.standing_office = office
    province.full_clean()
    province.save()


def fresh(user):
    scope.forget(user)
    return user


def test_without_a_standing_office_the_sos_office_cannot_touch_the_provinces_dossiers(cast):
    dossier = provincial_dossier(cast)
    assert dossier not in inbox_queryset(cast.reviewer)
    assert not cast.reviewer.has_perm("dossiers.view_dossier", dossier)
    with pytest.raises(PermissionDenied):
        transition(dossier, "start_review", by=cast.reviewer)


def test_the_standing_office_receives_reviews_and_prepares_the_council(cast, client_for):
    dossier = provincial_dossier(cast)
    serve(cast.province, cast.body)
    reviewer = fresh(cast.reviewer)
    assert list(inbox_queryset(reviewer)) == [dossier]
    client = client_for(reviewer)
    assert client.get(reverse("dossiers:inbox")).content.decode().count(dossier.get_absolute_url()) >= 1
    assert client.get(dossier.get_absolute_url()).status_code == 200
    assert reviewer.has_perm("campaigns.view_campaign", dossier.campaign)
    dossier = transition(dossier, "start_review", by=reviewer)
    for nomination in dossier.nominations.all():
        building.review_nominee(nomination, verdict=Outcome.ACCEPTED, by=reviewer,
                                override_reason="Đã xem xét, nộp muộn có lý do chính đáng")
    dossier = transition(dossier, "accept", by=reviewer)
    assert dossier.state == DossierState.APPRAISED
    # the provincial council's sessions are the UBND tỉnh's, kept and opened by its standing office
    assert cast.province in council_service.office_bodies(reviewer)
    session = new_session(cast, issuer=cast.province, by=reviewer)
    assert CouncilSession.objects.get().issuer == cast.province
    # a council member of the Sở Nội vụ (its own council) works for the province only once seated on its council
    assert session not in council_service.sessions_for(fresh(cast.council))
    assert dossier not in inbox_queryset(cast.council)
    from dossiers.models import CouncilSeat

    CouncilSeat.objects.create(body=cast.province, full_name="Phạm Văn Lợi", title="member", user=cast.council)
    assert session in council_service.sessions_for(fresh(cast.council))
    # a member seated on the council reaches every dossier the inbox lists (no 403 behind one's own list)
    member = client_for(fresh(cast.council))
    assert dossier.get_absolute_url() in member.get(reverse("dossiers:inbox")).content.decode()
    assert member.get(dossier.get_absolute_url()).status_code == 200
    # the UBND tỉnh's leader signs: the Sở's leader does not act for the province
    assert not cast.approver.has_perm("dossiers.approve_nomination", dossier)


def test_the_office_acts_on_the_issuers_own_campaigns_only(cast):
    """A role at the UBND tỉnh would open every Sở's internal plans; the standing office opens none of them."""
    serve(cast.province, cast.body)
    internal = launched_campaign(cast, issuer=cast.other, participants=[cast.other], plan_symbol="KH-STC")
    other_unit = OrganisationFactory(code="T-STC-VP", name="Văn phòng Sở Tài chính", parent=cast.other)
    assert internal.issuer_id == cast.other.pk and other_unit.is_descendant_of(cast.other)
    reviewer = fresh(cast.reviewer)
    assert scope.acting_for(reviewer) == [cast.province.pk]
    assert internal not in Campaign.objects.for_user(reviewer)
    assert not scope.acts_for(reviewer, cast.other, None)
    assert scope.acts_for(reviewer, cast.province, None)
    # the leader of the Sở Nội vụ is not the office: no acting role
    assert scope.acting_for(fresh(cast.approver)) == []
    assert list(Dossier.objects.for_user(fresh(cast.approver)).filter(campaign__issuer=cast.province)) == []


def test_the_sent_page_and_the_withdraw_page_name_the_office_that_receives_the_dossier(cast):
    """Both read Organisation.reviewing_office(): the issuer's standing office, or the issuer itself."""
    dossier = provincial_dossier(cast)
    assert sending.sent_summary(dossier).office == cast.province
    assert f"Văn phòng {cast.province.name}:" in withdrawal.withdraw_consequences(dossier)[0]
    serve(cast.province, cast.body)
    dossier = Dossier.objects.get(pk=dossier.pk)
    assert (sending.sent_summary(dossier).body, sending.sent_summary(dossier).office) == (cast.province, cast.body)
    assert f"Văn phòng {cast.body.name}:" in withdrawal.withdraw_consequences(dossier)[0]


def test_standing_office_must_be_another_body_of_the_same_province(cast):
    cast.province.standing_office = cast.province
    with pytest.raises(ValidationError) as error:
        cast.province.full_clean()
    assert "phải là một cơ quan khác" in str(error.value)
    elsewhere = OrganisationFactory(code="K-SNV", name="Sở Nội vụ tỉnh Khác")
    cast.province.standing_office = elsewhere
    with pytest.raises(ValidationError) as error:
        cast.province.full_clean()
    assert "cùng tỉnh" in str(error.value)


def test_the_admin_names_the_standing_office_on_the_units_form(cast, client_for):
    client = client_for(cast.admin)
    url = reverse("orgs:organisation_update", args=[cast.province.pk])
    page = client.get(url).content.decode()
    elsewhere = OrganisationFactory(code="K-SNV", name="Sở Nội vụ tỉnh Khác")
    # the picker's search (core.pickers) offers the province's Sở, never another province's
    assert offered(client, page, "id_standing_office", "so noi vu") == [cast.body.pk]
    data = {"parent": "", "kind": cast.province.kind, "name": cast.province.name, "short_name": "",
            "code": cast.province.code, "abbreviation": "UBND", "place_name": "Thử", "head_title": "",
            "standing_office": elsewhere.pk, "address": "", "phone": "", "email": "", "valid_from": "",
            "order": "0"}
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "Lựa chọn này không có trong danh sách bạn được chọn." in refused.content.decode()
    response = client.post(url, {**data, "standing_office": cast.body.pk})
    assert response.status_code == 302
    cast.province.refresh_from_db()
    assert cast.province.standing_office == cast.body
    assert "Thường trực cho: Ủy ban nhân dân tỉnh Thử" in client.get(
        reverse("orgs:organisation_detail", args=[cast.body.pk])).content.decode()


def test_the_inbox_unit_box_searches_the_users_provinces_only(cast):
    """60 units of another province named like unit A used to fill the 50 matches of the unit box: the
    dossier of unit A fell out of the filtered inbox."""
    from django.http import QueryDict

    from dossiers.services.inbox import filtered_inbox

    dossier = transition(ready_dossier(cast), "submit", by=cast.clerk_a)
    root = OrganisationFactory(code="K-UBND", name="Ủy ban nhân dân tỉnh Khác")
    for number in range(60):
        OrganisationFactory(code=f"K-TCCB-{number}", name=f"Phòng Tổ chức cán bộ số {number}", parent=root)
    _form, found = filtered_inbox(cast.reviewer, QueryDict("don_vi=Phòng Tổ chức cán bộ&tat_ca=on"))
    assert list(found) == [dossier]


def test_a_member_seated_on_the_provincial_council_reaches_its_session(cast, client_for):
    """The Giám đốc Sở Nội vụ (approver of the standing office, not one of its acting roles) sits on the UBND
    tỉnh's council: its sessions are his to open and vote in (was 404)."""
    from django.utils import timezone

    from dossiers.models import Attendance, CouncilSeat, CouncilSession

    serve(cast.province, cast.body)
    reviewer = fresh(cast.reviewer)
    seats = [CouncilSeat(full_name="Chủ tịch UBND tỉnh", title="chair", user=reviewer),
             CouncilSeat(full_name="Lê Quang Thắng", title="vice_chair", user=cast.approver),
             CouncilSeat(full_name="Nguyễn Thị Hương", title="secretary", user=fresh(cast.council))]
    seats = council_service.save_seats(cast.province, seats, by=reviewer)
    session = council_service.open_session(
        CouncilSession(issuer=cast.province, held_at=timezone.now(), place="Phòng họp UBND tỉnh"), by=reviewer,
        attendance={seat.pk: Attendance.PRESENT for seat in seats})
    leader = fresh(cast.approver)
    assert session in council_service.sessions_for(leader)
    client = client_for(leader)
    assert client.get(reverse("dossiers:council_detail", args=[session.pk])).status_code == 200
    assert client.get(reverse("dossiers:council_vote", args=[session.pk])).status_code == 200
