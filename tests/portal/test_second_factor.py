"""The second factor (issue 16, "A second factor for the people who sign"): who must use one (role × the province's
policy), the wall every page stands behind until the code is given or an authenticator enrolled, enrolment,
recovery codes used once, throttled wrong codes, and an admin's reset limited to their province.

The cast's province needs no second factor (tests/factories/orgs.py); each test here gives its province the
policy it needs, and signs in with plain clients (force_login decides what the session owes, as a password
sign-in does)."""
import re
from base64 import b32decode

import pytest
import time_machine
from auditlog.models import LogEntry
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from orgs.enums import Role
from orgs.models import SecondFactorPolicy
from orgs.services import second_factor
from tests.factories.orgs import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

VERIFY = reverse("second_factor_verify")
ENROL = reverse("second_factor_enrol")


def set_policy(province, *roles):
    SecondFactorPolicy.objects.update_or_create(province=province, defaults={
        field: role in roles for role, field in SecondFactorPolicy.FIELDS.items()})


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def enrolled(user):
    """A confirmed authenticator and ten recovery codes for `user`, as after enrolment."""
    device = TOTPDevice.objects.create(user=user, name=second_factor.DEVICE_NAME, confirmed=True)
    codes = second_factor._replace_recovery_codes(user)
    return device, codes


def code(device, ahead=0):
    """The authenticator's code now (ahead=1: the next period's, accepted within the tolerance of one step)."""
    return f"{totp(device.bin_key, t0=-30 * ahead):06d}"


# --- who must: role × the province's policy ---------------------------------------------------------------------
DEFAULTS = {Role.ADMIN: True, Role.APPROVER: True, Role.REVIEWER: True, Role.COUNCIL: False, Role.CLERK: False}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("setting", ["defaults", "on", "off"])
def test_who_must_use_a_second_factor(cast, role, setting):
    """No row: the secure defaults (admins, leaders, the office); a row: exactly the roles it names."""
    province = OrganisationFactory(code="Q-UBND", name="Ủy ban nhân dân tỉnh Quy tắc", second_factor__defaults=True)
    unit = OrganisationFactory(code="Q-SNV", parent=province)
    if setting != "defaults":
        set_policy(province, *([role] if setting == "on" else []))
    user = UserFactory()
    MembershipFactory(user=user, organisation=unit, role=role)
    expected = DEFAULTS[role] if setting == "defaults" else setting == "on"
    assert second_factor.is_required(user) is expected
    assert second_factor.state_for(user) == (second_factor.ENROL if expected else second_factor.FREE)


def test_the_system_administrator_always_must_and_a_role_elsewhere_counts_in_its_own_province(cast):
    assert second_factor.is_required(cast.system)
    assert not second_factor.is_required(cast.approver)  # the cast's province needs none
    strict = OrganisationFactory(code="S-UBND", name="Ủy ban nhân dân tỉnh Nghiêm", second_factor=[Role.APPROVER])
    MembershipFactory(user=cast.clerk_a, organisation=strict, role=Role.CLERK)
    assert not second_factor.is_required(cast.clerk_a)  # a clerk there: not named
    MembershipFactory(user=cast.clerk_a, organisation=strict, role=Role.APPROVER)
    cast.clerk_a.__dict__.pop("_membership_cache", None)
    assert second_factor.required_reasons(cast.clerk_a) == [(strict.pk, Role.APPROVER)]


def test_a_province_made_on_its_page_gets_the_secure_default(cast, client_for):
    client = client_for(cast.system)
    response = client.post(reverse("orgs:province_create"), {
        "name": "Ủy ban nhân dân tỉnh Mới", "short_name": "UBND tỉnh", "code": "moi-ubnd", "abbreviation": "UBND",
        "place_name": "Mới", "head_title": "", "address": "", "phone": "", "email": "",
        "admin_username": "quantri.moi", "admin_full_name": "Quản Trị Mới", "admin_email": "",
        "admin_password": "Kh0ng-Doan-Duoc#2026"})
    assert response.status_code == 302, response.content.decode()[:2000]
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.get(username="quantri.moi")
    assert second_factor.state_for(admin) == second_factor.ENROL
    assert signed_in(admin).get("/")["Location"] == ENROL


# --- the wall -----------------------------------------------------------------------------------------------------
PAGES = ["/", "/hop-thu/", "/don-vi/", "/nguoi-dung/", "/tai-khoan/doi-mat-khau/", "/thong-bao/",
         "/danh-muc/hinh-thuc/", "/tai-khoan/xac-thuc-hai-buoc/", "/xac-thuc-hai-buoc/", "/django-admin/",
         "/khong-co-trang-nay/"]  # a page that does not exist is behind the wall too


@pytest.fixture
def strict(cast):
    """The cast's province now requires a second factor of its leaders, admins and office."""
    set_policy(cast.province, Role.ADMIN, Role.APPROVER, Role.REVIEWER)
    return cast


@pytest.mark.parametrize("path", PAGES)
def test_a_required_user_without_an_authenticator_sees_only_enrolment(strict, path):
    client = signed_in(strict.approver)
    for method in (client.get, client.post):
        response = method(path)
        assert (response.status_code, response["Location"]) == (302, ENROL), path
    assert client.get(ENROL).status_code == 200


@pytest.mark.parametrize("path", PAGES)
def test_an_enrolled_user_sees_only_the_code_page_until_the_code(strict, path):
    device, _ = enrolled(strict.reviewer)
    client = signed_in(strict.reviewer)
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY + "?next=")
    assert client.post(path)["Location"] == VERIFY
    assert client.get(ENROL)["Location"] == VERIFY  # no second enrolment over the first
    response = client.post(VERIFY, {"code": code(device), "next": path})
    assert (response.status_code, response["Location"]) == (302, path)
    assert client.get(path).status_code in (200, 302, 403, 404) and client.get("/").status_code == 200


def test_htmx_requests_are_sent_to_the_wall_by_htmx(strict):
    """The page the request came from is where the code leads back, never the htmx address (the bell's count
    was the page a user landed on after the code); on the code's own page such a request gets nothing."""
    enrolled(strict.reviewer)
    client = signed_in(strict.reviewer)
    response = client.get("/thong-bao/chuong/so/", HTTP_HX_REQUEST="true",
                          HTTP_HX_CURRENT_URL="http://testserver/hop-thu/?trang_thai=submitted")
    assert response["HX-Redirect"] == VERIFY + "?next=%2Fhop-thu%2F%3Ftrang_thai%3Dsubmitted"
    response = client.get("/thong-bao/chuong/so/", HTTP_HX_REQUEST="true",
                          HTTP_HX_CURRENT_URL=f"http://testserver{VERIFY}?next=/hop-thu/")
    assert response.status_code == 204 and "HX-Redirect" not in response


def test_logout_and_static_files_are_open_and_a_clerk_is_not_walled(strict):
    enrolled(strict.approver)
    client = signed_in(strict.approver)
    assert client.get("/static/js/portal.js").status_code != 302  # never a redirect to the wall
    response = client.post(reverse("logout"))
    assert response.status_code == 302 and response["Location"] == reverse("login")
    assert client.get("/")["Location"].startswith(reverse("login"))
    assert signed_in(strict.clerk_a).get("/").status_code == 200  # clerks are not named in the policy


def test_a_policy_turned_on_reaches_a_signed_in_user_within_the_recheck(strict, settings):
    set_policy(strict.province)  # off
    client = signed_in(strict.approver)
    assert client.get("/").status_code == 200
    set_policy(strict.province, Role.APPROVER)
    assert client.get("/").status_code == 200  # decided for this session a moment ago
    with _later(settings.SECOND_FACTOR_RECHECK_SECONDS + 1):
        assert client.get("/")["Location"] == ENROL


def _later(seconds):
    import time

    return time_machine.travel(time.time() + seconds, tick=True)


# --- enrolment ----------------------------------------------------------------------------------------------------
def test_enrolment_shows_a_qr_code_and_the_secret_and_gives_ten_codes_once(strict):
    client = signed_in(strict.approver)
    page = client.get(ENROL).content.decode()
    assert "<svg" in page  # the QR code, inline (no request, nothing for the CSP to refuse)
    secret = re.search(r'id="otp-secret">([A-Z2-7 ]+)<', page).group(1)
    key = b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    assert client.get(ENROL).content.decode().count(secret) == 1  # the same secret until confirmed

    wrong = client.post(ENROL, {"code": f"{(totp(key) + 1) % 1000000:06d}"})
    assert wrong.status_code == 400 and "Mã xác thực không đúng" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=strict.approver).exists()

    response = client.post(ENROL, {"code": f"{totp(key):06d}"})
    assert response["Location"] == reverse("second_factor_codes")
    device = TOTPDevice.objects.get(user=strict.approver)
    assert device.confirmed and device.bin_key == key
    shown = re.findall(r'<span class="user-select-all">([a-z2-7]{4} [a-z2-7]{4})</span>',
                       client.get(reverse("second_factor_codes")).content.decode())
    assert len(shown) == 10 and sorted(c.replace(" ", "") for c in shown) == sorted(
        StaticToken.objects.filter(device__user=strict.approver).values_list("token", flat=True))
    assert client.get(reverse("second_factor_codes"))["Location"] == reverse("second_factor")  # once only
    assert client.get("/").status_code == 200  # the session is verified
    entry = LogEntry.objects.get_for_object(strict.approver).latest("timestamp")
    assert entry.additional_data["event"] == "second_factor_enrolled"


def test_a_user_not_required_may_enrol_and_is_then_asked_for_the_code(cast):
    client = signed_in(cast.clerk_a)
    assert "Bật xác thực hai bước" in client.get(reverse("second_factor")).content.decode()
    device, _ = enrolled(cast.clerk_a)
    client = signed_in(cast.clerk_a)
    assert client.get("/")["Location"].startswith(VERIFY)
    client.post(VERIFY, {"code": code(device)})
    assert client.get("/").status_code == 200
    response = client.post(reverse("second_factor_disable"))
    assert response["Location"] == reverse("second_factor")
    assert not TOTPDevice.objects.filter(user=cast.clerk_a).exists()
    assert not StaticDevice.objects.filter(user=cast.clerk_a).exists()
    assert signed_in(cast.clerk_a).get("/").status_code == 200


def test_a_required_user_cannot_turn_it_off(strict):
    device, _ = enrolled(strict.approver)
    client = signed_in(strict.approver)
    client.post(VERIFY, {"code": code(device)})
    client.post(reverse("second_factor_disable"))
    assert TOTPDevice.objects.filter(user=strict.approver).exists()


# --- codes ----------------------------------------------------------------------------------------------------------
def test_a_wrong_code_is_refused_in_vietnamese_and_throttled(strict):
    device, _ = enrolled(strict.reviewer)
    client = signed_in(strict.reviewer)
    wrong = f"{(int(code(device)) + 500000) % 1000000:06d}"
    response = client.post(VERIFY, {"code": wrong})
    assert response.status_code == 400
    assert "Mã xác thực không đúng hoặc đã hết hạn" in response.content.decode()
    response = client.post(VERIFY, {"code": code(device)})  # right, but too soon after a wrong one
    assert response.status_code == 400 and "Bạn đã nhập sai nhiều lần" in response.content.decode()
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    with _later(3):
        response = client.post(VERIFY, {"code": code(device, ahead=0)})
    assert response.status_code == 302 and client.get("/").status_code == 200


def test_a_code_is_not_accepted_twice(strict):
    device, _ = enrolled(strict.reviewer)
    first = signed_in(strict.reviewer)
    value = code(device)
    assert first.post(VERIFY, {"code": value}).status_code == 302
    second = signed_in(strict.reviewer)
    assert second.post(VERIFY, {"code": value}).status_code == 400


def test_recovery_codes_work_once_each(strict):
    device, codes = enrolled(strict.approver)
    client = signed_in(strict.approver)
    response = client.post(VERIFY, {"code": codes[0][:4].upper() + " " + codes[0][4:], "next": "/don-vi/"})
    assert response["Location"] == "/don-vi/"
    assert StaticToken.objects.filter(device__user=strict.approver).count() == 9
    again = signed_in(strict.approver)
    with _later(3):
        response = again.post(VERIFY, {"code": codes[0]})
    assert response.status_code == 400 and again.get("/")["Location"].startswith(VERIFY)


def test_new_recovery_codes_replace_the_old_ones_in_a_verified_session_only(strict):
    device, codes = enrolled(strict.approver)
    client = signed_in(strict.approver)
    client.post(reverse("second_factor_codes"))  # not verified yet: the wall sends it to the code page
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(codes)
    client.post(VERIFY, {"code": code(device)})
    assert client.post(reverse("second_factor_codes"))["Location"] == reverse("second_factor_codes")
    assert not set(StaticToken.objects.values_list("token", flat=True)) & set(codes)


def test_next_is_kept_on_the_same_site_only(strict):
    device, _ = enrolled(strict.reviewer)
    client = signed_in(strict.reviewer)
    response = client.post(VERIFY, {"code": code(device), "next": "https://evil.example/"})
    assert response["Location"] == reverse("home")


# --- an admin's reset -------------------------------------------------------------------------------------------
def test_the_province_admin_resets_a_lost_phone_with_a_reason_and_it_is_logged(strict):
    device, _ = enrolled(strict.approver)
    leader = signed_in(strict.approver)
    leader.post(VERIFY, {"code": code(device)})
    assert leader.get("/").status_code == 200

    admin_device, _ = enrolled(strict.admin)
    admin = signed_in(strict.admin)
    admin.post(VERIFY, {"code": code(admin_device)})
    url = reverse("orgs:account_second_factor", args=[strict.approver.pk])
    assert "Đang bật" in admin.get(url).content.decode()
    assert admin.post(url, {"reason": ""}).status_code == 400
    response = admin.post(url, {"reason": "Mất điện thoại, đã gọi xác minh"})
    assert response["Location"] == reverse("orgs:account_detail", args=[strict.approver.pk])
    assert not TOTPDevice.objects.filter(user=strict.approver).exists()
    assert not StaticDevice.objects.filter(user=strict.approver).exists()
    entry = LogEntry.objects.get_for_object(strict.approver).latest("timestamp")
    assert (entry.actor, entry.additional_data["event"], entry.additional_data["reason"]) == (
        strict.admin, "second_factor_reset", "Mất điện thoại, đã gọi xác minh")
    assert leader.get("/")["Location"] == ENROL  # the leader's open session owes an enrolment at once


def test_an_admin_resets_no_one_outside_their_province(strict):
    far = OrganisationFactory(code="F-UBND", name="Ủy ban nhân dân tỉnh Xa")
    far_user = UserFactory(username="lanhdao_xa")
    MembershipFactory(user=far_user, organisation=far, role=Role.APPROVER)
    enrolled(far_user)
    device, _ = enrolled(strict.admin)
    admin = signed_in(strict.admin)
    admin.post(VERIFY, {"code": code(device)})
    url = reverse("orgs:account_second_factor", args=[far_user.pk])
    assert admin.get(url).status_code == 404
    assert admin.post(url, {"reason": "Thử"}).status_code == 404
    assert TOTPDevice.objects.filter(user=far_user).exists()
    clerk = signed_in(strict.clerk_a)
    assert clerk.post(reverse("orgs:account_second_factor", args=[strict.clerk_b.pk]), {"reason": "x"}).status_code \
        == 403


# --- the policy page --------------------------------------------------------------------------------------------------
def test_the_province_admin_sets_the_policy_on_its_own_page(strict):
    device, _ = enrolled(strict.admin)
    admin = signed_in(strict.admin)
    admin.post(VERIFY, {"code": code(device)})
    page = admin.get(reverse("orgs:second_factor_policy")).content.decode()
    assert "Ủy ban nhân dân tỉnh Thử" in page and "Lãnh đạo (phê duyệt, ký quyết định)" in page
    response = admin.post(reverse("orgs:second_factor_policy"), {"for_admins": "on", "for_council": "on"})
    assert response.status_code == 302
    policy = SecondFactorPolicy.objects.get(province=strict.province)
    assert policy.required_roles() == {Role.ADMIN, Role.COUNCIL}
    assert LogEntry.objects.get_for_object(policy).exists()
    far = OrganisationFactory(code="F2-UBND", name="Ủy ban nhân dân tỉnh Xa")
    assert admin.post(reverse("orgs:second_factor_policy"), {"tinh": far.pk, "for_admins": "on"}).status_code == 403
    assert SecondFactorPolicy.objects.get(province=far).required_roles() == set()


# --- cost -----------------------------------------------------------------------------------------------------------
def test_an_ordinary_page_reads_nothing_of_the_second_factor_and_a_verified_one_its_device_once(strict):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def otp_queries(client):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/thong-bao/").status_code == 200
        return [q["sql"] for q in ctx.captured_queries if "otp_" in q["sql"] or "secondfactorpolicy" in q["sql"]]

    assert otp_queries(signed_in(strict.clerk_a)) == []  # decided at sign-in, kept in the session
    device, _ = enrolled(strict.approver)
    client = signed_in(strict.approver)
    client.post(VERIFY, {"code": code(device)})
    queries = otp_queries(client)
    assert len(queries) == 1 and "otp_totp_totpdevice" in queries[0]  # django-otp's device of the session


def test_signing_in_again_asks_for_the_code_again(strict):
    device, _ = enrolled(strict.reviewer)
    client = signed_in(strict.reviewer)
    client.post(VERIFY, {"code": code(device)})
    assert client.get("/").status_code == 200
    client.force_login(strict.reviewer)  # the same user, the same session: Django keeps its data
    assert client.get("/")["Location"].startswith(VERIFY)
