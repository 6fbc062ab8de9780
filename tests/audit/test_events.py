"""Every kind of event reaches the audit trail with the real client address (issue 16, "Audit an admin can read").

Behind the documented nginx (PROXY_COUNT=1, on loopback) the address is the entry nginx wrote, the rightmost of
X-Forwarded-For: the one the client wrote (10.6.6.6) is never recorded."""
import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher, make_password
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from audit import enums
from audit.models import Event
from audit.services.recording import serving
from core.security_events import record_security_event
from orgs.enums import Role
from orgs.models import Membership

pytestmark = pytest.mark.django_db

LOGIN = "/tai-khoan/dang-nhap/"
CLIENT = "203.0.113.9"
PROXIED = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": f"10.6.6.6, {CLIENT}"}
NEW_PASSWORD = "Kh0ng-Doan-Duoc#2025"


@pytest.fixture(autouse=True)
def behind_nginx(settings):
    settings.PROXY_COUNT = 1
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1"]


class QuickPBKDF2(PBKDF2PasswordHasher):
    iterations = 2


def last(kind):
    return Event.objects.filter(kind=kind).order_by("-pk").first()


def signed_in(user):
    from tests.portal.second_factor_login import pass_second_factor

    client = Client(**PROXIED)
    client.force_login(user)
    pass_second_factor(client, user)
    return client


def test_login_and_logout(cast):
    client = Client(**PROXIED)
    response = client.post(LOGIN, {"username": "canbo_a", "password": cast.password})
    assert response.status_code == 302
    event = last(enums.LOGIN)
    assert (event.actor, event.client_address, event.province_id, event.object_repr) == (
        cast.clerk_a, CLIENT, cast.province.pk, "canbo_a")
    client.post("/tai-khoan/dang-xuat/")
    event = last(enums.LOGOUT)
    assert (event.actor, event.client_address, event.province_id) == (cast.clerk_a, CLIENT, cast.province.pk)


def test_failed_login_keeps_the_username_typed(cast):
    Client(**PROXIED).post(LOGIN, {"username": "canbo_a", "password": "sai"})
    event = last(enums.LOGIN_FAILED)
    assert (event.actor, event.client_address, event.province_id) == (None, CLIENT, cast.province.pk)
    assert event.details == {"username": "canbo_a"} and event.object_id == str(cast.clerk_a.pk)
    assert "password" not in str(event.details) and "sai" not in event.search_text.split()


def test_failed_login_with_an_unknown_username_belongs_to_no_province(cast):
    Client(**PROXIED).post(LOGIN, {"username": "khong_co_ai", "password": "sai"})
    event = last(enums.LOGIN_FAILED)
    assert (event.province_id, event.national, event.object_repr, event.client_address) == (
        None, False, "khong_co_ai", CLIENT)


def test_lockout(cast):
    for _ in range(5):
        Client(**PROXIED).post(LOGIN, {"username": "canbo_a", "password": "sai"})
    event = last(enums.LOCKED_OUT)
    assert (event.client_address, event.province_id, event.details) == (CLIENT, cast.province.pk,
                                                                          {"username": "canbo_a"})
    assert Event.objects.filter(kind=enums.LOGIN_FAILED).count() == 4  # the fifth is the lockout
    Client(**PROXIED).post(LOGIN, {"username": "canbo_a", "password": cast.password})  # still locked
    assert Event.objects.filter(kind=enums.LOCKED_OUT).count() == 2
    assert not Event.objects.filter(kind=enums.LOGIN).exists()


def test_password_change_by_its_owner(cast):
    response = signed_in(cast.clerk_a).post("/tai-khoan/doi-mat-khau/", {
        "old_password": cast.password, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    event = last(enums.PASSWORD_CHANGED)
    assert (event.actor, event.object_id, event.client_address, event.province_id) == (
        cast.clerk_a, str(cast.clerk_a.pk), CLIENT, cast.province.pk)


def test_password_set_by_an_admin(cast):
    response = signed_in(cast.admin).post(reverse("orgs:account_password", args=[cast.clerk_a.pk]),
                                          {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    event = last(enums.PASSWORD_SET)
    assert (event.actor, event.object_repr, event.client_address, event.province_id) == (
        cast.admin, "canbo_a", CLIENT, cast.province.pk)


def test_password_reset_through_a_link(cast):
    """The reset link's page: nobody is signed in; any path that stores a new hash is caught."""
    from django.contrib.auth.forms import SetPasswordForm
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().post("/tai-khoan/dat-lai-mat-khau/", **PROXIED)
    request.user = AnonymousUser()
    with serving(request):
        form = SetPasswordForm(cast.clerk_b, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
        assert form.is_valid(), form.errors
        form.save()
    event = last(enums.PASSWORD_RESET)
    assert (event.actor, event.object_repr, event.client_address) == (cast.clerk_b, "canbo_b", CLIENT)


def test_password_reset_through_the_emailed_link(cast, settings):
    """The real pages: the e-mail's link, then the new password, nobody signed in."""
    import re

    from django.core import mail

    settings.SITE_URL = "https://thidua.example.vn"
    cast.clerk_a.email = "huong@example.vn"
    cast.clerk_a.save()
    client = Client(**PROXIED)
    client.post("/tai-khoan/quen-mat-khau/", {"email": "huong@example.vn"})
    requested = last(enums.PASSWORD_RESET_REQUESTED)
    assert (requested.object_repr, requested.client_address, requested.province_id) == (
        "canbo_a", CLIENT, cast.province.pk)
    Client(**PROXIED).post("/tai-khoan/quen-mat-khau/", {"email": "khong-co@example.vn"})
    assert Event.objects.filter(kind=enums.PASSWORD_RESET_REQUESTED).count() == 1  # nobody's: nothing
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0).removeprefix(settings.SITE_URL)
    form_page = client.get(link, follow=True)
    password = "Mây-trắng-bay-về-núi"
    response = client.post(form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
                           {"new_password1": password, "new_password2": password})
    assert response.status_code == 302
    event = last(enums.PASSWORD_RESET)
    assert (event.actor, event.object_repr, event.client_address, event.province_id) == (
        cast.clerk_a, "canbo_a", CLIENT, cast.province.pk)


def test_a_hash_upgraded_at_login_is_not_a_password_change(cast, settings):
    cast.clerk_a.password = make_password(cast.password, hasher="md5")
    cast.clerk_a.save()  # a direct assignment of a new hash is a change too
    assert Event.objects.filter(kind=enums.PASSWORD_CHANGED).count() == 1
    settings.PASSWORD_HASHERS = ["tests.audit.test_events.QuickPBKDF2", "django.contrib.auth.hashers.MD5PasswordHasher"]
    assert Client(**PROXIED).post(LOGIN, {"username": "canbo_a", "password": cast.password}).status_code == 302
    cast.clerk_a.refresh_from_db()
    assert cast.clerk_a.password.startswith("pbkdf2_sha256$")  # rehashed with the preferred hasher
    assert Event.objects.filter(kind__startswith="password").count() == 1


def test_role_grant_and_removal(cast):
    client = signed_in(cast.admin)
    client.post(reverse("orgs:membership_create", args=[cast.clerk_a.pk]),
                {"organisation": cast.unit_b.pk, "role": Role.REVIEWER})
    granted = Membership.objects.get(user=cast.clerk_a, organisation=cast.unit_b)
    event = last(enums.ROLE_GRANTED)
    assert (event.actor, event.client_address, event.province_id, event.object_id) == (
        cast.admin, CLIENT, cast.province.pk, str(granted.pk))
    assert ["Vai trò", "—", Role.REVIEWER.label] in event.changes
    assert ["Tài khoản", "—", "canbo_a"] in event.changes
    client.post(reverse("orgs:membership_delete", args=[granted.pk]))
    event = last(enums.ROLE_REVOKED)
    assert (event.actor, event.client_address, event.province_id) == (cast.admin, CLIENT, cast.province.pk)
    assert ["Vai trò", Role.REVIEWER.label, "—"] in event.changes


def test_a_new_account_and_its_changes(cast):
    client = signed_in(cast.admin)
    client.post(reverse("orgs:account_create"), {
        "username": "canbo_moi", "full_name": "Trần Thị Mới", "email": "moi@example.vn", "password": NEW_PASSWORD,
        "organisation": cast.unit_a.pk, "role": Role.CLERK, "person": ""})
    created = Event.objects.get(kind=enums.CREATED, object_type="auth.user", object_repr="canbo_moi")
    assert (created.actor, created.province_id, created.client_address) == (cast.admin, cast.province.pk, CLIENT)
    assert not [row for row in created.changes if row[0] in ("Mật khẩu", "password")]
    assert Event.objects.get(kind=enums.ROLE_GRANTED, object_repr__contains="canbo_moi").province_id == \
        cast.province.pk


def test_catalogue_changes_are_national(cast):
    from tests.factories.campaigns import award_form

    form = award_form()
    client = signed_in(cast.system)
    response = client.post(reverse("awards:salary_create"),
                           {"valid_from": "01/07/2030", "amount": "3000000", "legal_basis": "Nghị định thử"})
    assert response.status_code == 302
    event = Event.objects.get(object_type="awards.basesalary", kind=enums.CREATED)
    assert (event.national, event.province_id, event.actor, event.client_address) == (True, None, cast.system,
                                                                                       CLIENT)
    assert ["Mức lương cơ sở (đồng/tháng)", "—", "3.000.000 đ"] in event.changes
    assert ["Áp dụng từ ngày", "—", "01/07/2030"] in event.changes
    form.needs_council = not form.needs_council
    form.save()
    event = Event.objects.get(object_type="awards.awardform", kind=enums.UPDATED)
    assert event.national and event.changes == [["Cần Hội đồng TĐKT bỏ phiếu", "Không", "Có"]]


def test_province_rule_changes_belong_to_the_province(cast):
    from dossiers.models import EligibilityRule
    from tests.test_permission_matrix import rule_settings_data

    response = signed_in(cast.admin).post(reverse("dossiers:rule_settings"), rule_settings_data(None))
    assert response.status_code == 302
    event = Event.objects.get(object_type="dossiers.provincerule")
    assert (event.kind, event.national, event.province_id, event.actor, event.client_address) == (
        enums.CREATED, False, cast.province.pk, cast.admin, CLIENT)
    assert ["Chặn nộp hồ sơ khi không đạt", "—", "Có"] in event.changes
    assert event.object_repr == EligibilityRule.objects.get(code="deadline").label  # the rule's name, not its code
    assert not [row for row in event.changes if row[0] in ("Mã", "Tỉnh")]  # what the name already says


def test_the_second_factor_records_through_the_core_hook(cast):
    """core.security_events.record_security_event: what the second factor (orgs/services/second_factor.py)
    calls; outside a request there is no address, and `by` names an admin acting on someone's account."""
    record_security_event(None, cast.clerk_a, "second_factor_reset", by=cast.admin, reason="Mất điện thoại")
    event = last("second_factor_reset")
    assert (event.actor, event.object_repr, event.province_id, event.client_address) == (
        cast.admin, "canbo_a", cast.province.pk, None)
    assert event.kind_label == "Quản trị đặt lại xác thực hai bước" and event.details == {"reason": "Mất điện thoại"}
    request = RequestFactory().get("/", **PROXIED)
    request.user = cast.clerk_a
    record_security_event(request, cast.clerk_a, "second_factor_enrolled")
    event = last("second_factor_enrolled")
    assert (event.actor, event.client_address) == (cast.clerk_a, CLIENT)


@override_settings(PROXY_COUNT=0)
def test_without_a_proxy_the_header_is_not_believed(cast):
    Client(REMOTE_ADDR="198.51.100.50", HTTP_X_FORWARDED_FOR="10.6.6.6").post(
        LOGIN, {"username": "canbo_a", "password": cast.password})
    assert last(enums.LOGIN).client_address == "198.51.100.50"


def test_old_events_are_purged_by_day(cast):
    import datetime
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    record_security_event(None, cast.clerk_a, "second_factor_verified")
    old = last("second_factor_verified")
    Event.objects.filter(pk=old.pk).update(at=timezone.make_aware(datetime.datetime(2024, 12, 31, 23, 59)))
    record_security_event(None, cast.clerk_a, "second_factor_verified")
    out = StringIO()
    call_command("purge_audit", "--truoc-ngay", "01/01/2025", stdout=out)
    assert "Đã xóa 1 sự kiện trước ngày 01/01/2025." in out.getvalue()
    assert not Event.objects.filter(pk=old.pk).exists() and Event.objects.filter(kind="second_factor_verified")
