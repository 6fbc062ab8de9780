"""The demo's second province runs a provincial campaign through its standing office (issue 15): the UBND
tỉnh Lạng Sơn issues 58/KH-UBND, the Sở Nội vụ receives the departments' dossiers and keeps the provincial
council's seats, the Chủ tịch UBND tỉnh signs; the Quảng Trị office sees nothing of it."""
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from campaigns.models import Campaign
from dossiers.models import CouncilSeat, Dossier
from orgs.models import Membership, Organisation
from tests.portal.second_factor_login import pass_second_factor

pytestmark = pytest.mark.django_db


def user(username):
    return get_user_model().objects.get(username=username)


def provincial_drive():
    return Campaign.objects.get(issuer__code="LS-UBND", plan_number=58, plan_symbol="KH-UBND")


def provincial_dossier():
    return Dossier.objects.get(campaign=provincial_drive())


def test_the_sở_nội_vụ_is_the_standing_office_of_the_ubnd_tỉnh_lạng_sơn(seeded_demo):
    assert Organisation.objects.get(code="LS-UBND").standing_office.code == "LS-SNV"
    assert Organisation.objects.get(code="QT-UBND").standing_office.code == "QT-SNV"
    roles = dict(Membership.objects.filter(user__username__in=["vanphong.ls", "hoidong.ls", "chutich.ls",
                                                               "canbo.vp.ls"])
                 .values_list("user__username", "organisation__code"))
    assert roles == {"vanphong.ls": "LS-SNV", "hoidong.ls": "LS-SNV", "chutich.ls": "LS-UBND",
                     "canbo.vp.ls": "LS-VP"}
    assert user("chutich.ls").check_password("ThiDua@2025")


def test_the_provincial_drive_its_forms_and_participants(seeded_demo):
    campaign = provincial_drive()
    assert campaign.plan_reference == "58/KH-UBND"
    assert campaign.status == "launched" and campaign.kind == "drive"
    assert [a.award_form.code for a in campaign.awards.all()] == ["bang-khen-ttg", "bang-khen-tinh"]
    assert {p.organisation.code: p.include_subtree for p in campaign.participants.all()} == {
        "LS-SNV": True, "LS-VP": True}


def test_the_provincial_council_belongs_to_the_ubnd_tỉnh_chaired_by_the_chủ_tịch(seeded_demo):
    seats = {seat.title: seat for seat in CouncilSeat.objects.filter(body__code="LS-UBND").select_related("user")}
    assert seats["chair"].user.username == "chutich.ls"
    assert seats["secretary"].user.username == "vanphong.ls"
    voting = set(CouncilSeat.objects.filter(body__code="LS-UBND", user__isnull=False)
                 .values_list("user__username", flat=True))
    assert voting == {"chutich.ls", "hoidong.ls", "vanphong.ls"}
    call_command("seed_demo")
    assert CouncilSeat.objects.filter(body__code="LS-UBND").count() == 5


def test_the_departments_dossier_waits_in_the_lạng_sơn_office_inbox_only(seeded_demo, client):
    dossier = provincial_dossier()
    assert (dossier.organisation.code, dossier.state, dossier.offer.award_form.code) == (
        "LS-VP", "submitted", "bang-khen-tinh")
    assert dossier.nominations.count() == 2

    client.force_login(user("vanphong.ls"))
    pass_second_factor(client, user("vanphong.ls"))  # Lạng Sơn's office signs in with a second factor
    inbox = client.get(reverse("dossiers:inbox"))
    assert inbox.status_code == 200
    page = inbox.content.decode()
    assert dossier.get_absolute_url() in page
    assert "Văn phòng Ủy ban nhân dân tỉnh Lạng Sơn" in page
    assert client.get(dossier.get_absolute_url()).status_code == 200

    client.force_login(user("vanphong"))  # the Quảng Trị office: its own province only
    page = client.get(reverse("dossiers:inbox")).content.decode()
    assert dossier.get_absolute_url() not in page and "Lạng Sơn" not in page
    assert client.get(dossier.get_absolute_url()).status_code == 404

    call_command("seed_demo")
    assert Dossier.objects.filter(campaign=provincial_drive()).count() == 1


def test_the_standing_office_opens_the_ubnd_tỉnh_campaigns_not_the_văn_phòngs_own_plan(seeded_demo):
    seen = {c.plan_reference for c in Campaign.objects.for_user(user("vanphong.ls"))}
    assert seen == {"58/KH-UBND", "173/KH-SNV"}
    assert "01/KH-VP" in {c.plan_reference for c in Campaign.objects.for_user(user("chutich.ls"))}
    assert not {c.plan_reference for c in Campaign.objects.for_user(user("vanphong"))} & seen
