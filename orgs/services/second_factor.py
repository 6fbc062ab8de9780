"""The second factor (xác thực hai bước): who must use one, enrolment, codes, recovery codes, an admin's reset.

A code comes from an authenticator app (TOTP, django-otp's `TOTPDevice`); ten single-use recovery codes are a
`StaticDevice` with its tokens. Whether a user must use a second factor is a fact of their roles and of the policy
of each province they hold a role in (`SecondFactorPolicy`; no row: the secure defaults); the system administrator
(a superuser) always must. A user who has an authenticator is asked for its code at every sign-in, required or not.

What a session still owes is kept in the session (`STATE_KEY`), decided at sign-in (`on_login`) and then by
`session_state()` on each request without a query: "verify" (enter a code), "enrol" (set up an authenticator
first), "free" (nothing owed; checked again after settings.SECOND_FACTOR_RECHECK_SECONDS, so a role granted or a
policy turned on meanwhile applies within minutes), "verified" (django-otp's session device; a device an admin
has reset no longer verifies, and the session is asked again).

Every event (enrolment, a wrong or throttled code, a recovery code used, a reset, a user turning it off) goes
through `security_event()`: a line in the "portal.security" log, an auditlog entry on the account for the changes,
and the audit app's `record_security_event` once it exists.
"""
import logging
import time
from base64 import b32encode
from binascii import unhexlify

from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

from .. import scope
from ..models import SecondFactorPolicy

logger = logging.getLogger("portal.security")

STATE_KEY = "second_factor"
PENDING_KEY = "second_factor_pending_key"  # the secret being enrolled, until a code confirms it
NEW_CODES_KEY = "second_factor_new_codes"  # recovery codes just made, shown once
VERIFY, ENROL, FREE, VERIFIED = "verify", "enrol", "free", "verified"
RECOVERY_CODES = 10
DEVICE_NAME = "Ứng dụng xác thực"

WRONG_CODE = "Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập mã mới đang hiện trên ứng dụng xác thực."
WRONG_ENROL_CODE = ("Mã xác thực không đúng. Kiểm tra đã thêm đúng khóa vào ứng dụng và giờ trên điện thoại chính xác, "
                    "rồi nhập mã mới đang hiện.")


# --- who must ------------------------------------------------------------------------------------------------
def policy_for(province):
    """The policy of `province` (a root organisation): its row, or an unsaved one with the defaults."""
    return SecondFactorPolicy.objects.filter(province=province).first() or SecondFactorPolicy(province=province)


def required_reasons(user):
    """[(province id or None, role)] that make `user` need a second factor: (None, None) for the system
    administrator; empty when nothing does. One query for the policies (the memberships are the request's)."""
    if not user or not user.is_authenticated:
        return []
    if user.is_superuser:
        return [(None, None)]
    held = {(scope.root_of(path), role) for role, path, _ in scope._memberships(user)}
    if not held:
        return []
    rows = {policy.province_id: policy for policy in
            SecondFactorPolicy.objects.filter(province_id__in={province for province, _ in held})}
    reasons = []
    for province, role in sorted(held):
        policy = rows.get(province) or SecondFactorPolicy(province_id=province)
        if role in policy.required_roles():
            reasons.append((province, role))
    return reasons


def is_required(user):
    return bool(required_reasons(user))


def authenticator(user):
    """The user's confirmed authenticator (TOTPDevice), or None."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def has_authenticator(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def state_for(user):
    """What a new session of `user` owes: VERIFY (has an authenticator), ENROL (must have one), or FREE."""
    if has_authenticator(user):
        return VERIFY
    return ENROL if is_required(user) else FREE


# --- the session ---------------------------------------------------------------------------------------------
def _remember(request, state):
    request.session[STATE_KEY] = {"state": state, "at": int(time.time())}


def on_login(sender, request, user, **kwargs):
    """user_logged_in: decide what the new session owes (so the pages that follow read it from the session). A
    sign-in proves the second factor anew, even in a session that had (the same user signing in again keeps the
    session's data)."""
    if request is not None and hasattr(request, "session"):
        request.session.pop(DEVICE_ID_SESSION_KEY, None)
        _remember(request, state_for(user))


def session_state(request):
    """What the signed-in user of `request` still owes in this session: VERIFY, ENROL, or None (nothing). No query
    unless the session's decision is due again (see the module's docstring)."""
    user = request.user
    kept = request.session.get(STATE_KEY) or {}
    if getattr(user, "is_verified", None) and user.is_verified():
        if kept.get("state") != VERIFIED:
            _remember(request, VERIFIED)
        return None
    state = kept.get("state")
    due = (state in (None, VERIFIED, VERIFY, ENROL)
           or (state == FREE and time.time() - kept.get("at", 0) >= settings.SECOND_FACTOR_RECHECK_SECONDS))
    if due:  # a reset device, a policy or a role changed: decide again
        state = state_for(user)
        if state != kept.get("state") or state == FREE:
            _remember(request, state)
    return state if state in (VERIFY, ENROL) else None


def _mark_verified(request, device):
    request.session.cycle_key()  # a new session id once the second factor is proven (ASVS 3.2.1)
    otp_login(request, device)
    _remember(request, VERIFIED)


# --- enrolment -----------------------------------------------------------------------------------------------
def pending_key(request):
    """The secret being enrolled in this session (hex), made on first call and kept until confirmed."""
    key = request.session.get(PENDING_KEY)
    if not key:
        key = request.session[PENDING_KEY] = default_key()
    return key


def secret_text(hex_key):
    """The secret as an authenticator app asks to type it: base32, in groups of four ("ABCD EFGH …")."""
    text = b32encode(unhexlify(hex_key)).decode().rstrip("=")
    return " ".join(text[index:index + 4] for index in range(0, len(text), 4))


def config_url(user, hex_key):
    """The otpauth:// address the QR code holds (issuer, account, secret)."""
    return TOTPDevice(user=user, key=hex_key).config_url


def _clean(token):
    return "".join((token or "").split()).replace("-", "").lower()


def confirm_enrolment(request, token):
    """Confirm the session's pending secret with a code of the app: the authenticator is saved, ten recovery codes
    are made (kept in the session to be shown once) and the session is verified. Refused (ValidationError): a
    wrong code, or an authenticator already enrolled. Side effects: the device rows, an auditlog entry."""
    user = request.user
    hex_key = request.session.get(PENDING_KEY)
    token = _clean(token)
    if not hex_key:
        raise ValidationError("Phiên đăng ký đã hết hạn. Hãy quét lại mã QR mới trên trang này.")
    if has_authenticator(user):
        raise ValidationError("Tài khoản đã có ứng dụng xác thực. Muốn đổi thiết bị, hãy nhờ quản trị đặt lại.")
    totp = TOTP(unhexlify(hex_key), step=30, t0=0, digits=6, drift=0)
    totp.time = time.time()
    if not (token.isdigit() and totp.verify(int(token), tolerance=1)):
        security_event("second_factor_enrol_failed", user)
        raise ValidationError(WRONG_ENROL_CODE)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()  # unconfirmed leftovers
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, key=hex_key, confirmed=True,
                                           last_t=totp.t())
        codes = _replace_recovery_codes(user)
        _log_change(user, by=user, before="chưa đăng ký", after="đã đăng ký", event="second_factor_enrolled")
    request.session.pop(PENDING_KEY, None)
    _mark_verified(request, device)
    request.session[NEW_CODES_KEY] = codes
    security_event("second_factor_enrolled", user)
    return device


def _replace_recovery_codes(user):
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Mã dự phòng", confirmed=True)
    codes = []
    while len(codes) < RECOVERY_CODES:
        code = StaticToken.random_token()  # 8 characters of base32 (40 bits), single use
        if code not in codes:
            codes.append(code)
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def new_recovery_codes(request):
    """Replace the user's recovery codes with ten new ones (the old ones stop working), shown once. Only in a
    session verified by the second factor (PermissionDenied otherwise)."""
    user = request.user
    if not (user.is_verified() and has_authenticator(user)):
        raise PermissionDenied("Hãy xác thực hai bước trước khi tạo mã dự phòng mới.")
    with transaction.atomic():
        codes = _replace_recovery_codes(user)
        _log_change(user, by=user, before="mã dự phòng cũ", after="mã dự phòng mới", event="second_factor_new_codes")
    request.session[NEW_CODES_KEY] = codes
    security_event("second_factor_new_codes", user)
    return codes


def format_code(code):
    return f"{code[:4]} {code[4:]}"


# --- sign-in -------------------------------------------------------------------------------------------------
def verify(request, token):
    """Check a code of the authenticator (6 digits) or a recovery code; on success the session is verified and the
    device returned. Refused (ValidationError with the Vietnamese reason): a wrong code; too many wrong codes in a
    row (django-otp's throttling: 1, 2, 4, 8… seconds before the next try, on the account, whatever the session).
    A recovery code works once."""
    user = request.user
    token = _clean(token)
    wait, accepted = 0, False
    with transaction.atomic():
        devices = [*TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True),
                   *StaticDevice.objects.select_for_update().filter(user=user, confirmed=True)]
        for device in devices:
            allowed, info = device.verify_is_allowed()
            if not allowed:
                until = (info or {}).get("locked_until") or timezone.now()
                wait = max(wait, int(until.timestamp() - time.time()) + 1, 1)
        kind = TOTPDevice if token.isdigit() and len(token) == 6 else StaticDevice
        device = next((device for device in devices if isinstance(device, kind)), None)
        if not wait:  # a failure counts towards the throttle (committed with the rest)
            accepted = device is not None and device.verify_token(token)
    if wait:
        security_event("second_factor_throttled", user)
        raise ValidationError(f"Bạn đã nhập sai nhiều lần. Vui lòng chờ {wait} giây rồi thử lại.")
    if not accepted:
        security_event("second_factor_failed", user)
        raise ValidationError(WRONG_CODE)
    _mark_verified(request, device)
    if kind is StaticDevice:
        security_event("second_factor_recovery_code_used", user, left=recovery_codes_left(user))
    else:
        security_event("second_factor_verified", user)
    return device


# --- turning it off ------------------------------------------------------------------------------------------
def disable(request):
    """A user whom no role requires it turns their second factor off (in a session verified by it). Refused:
    PermissionDenied. Side effects: the device rows go, an auditlog entry."""
    user = request.user
    if is_required(user):
        raise PermissionDenied("Vai trò của bạn bắt buộc xác thực hai bước: không thể tắt.")
    if not user.is_verified():
        raise PermissionDenied("Hãy xác thực hai bước trước khi tắt.")
    with transaction.atomic():
        _delete_devices(user)
        _log_change(user, by=user, before="đã đăng ký", after="đã tắt", event="second_factor_disabled")
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
    _remember(request, FREE)
    security_event("second_factor_disabled", user)


def reset(account, *, reason, by):
    """An admin resets the second factor of `account` (a lost or changed phone): its authenticator and recovery
    codes are removed; at the next page or sign-in the account must enrol again if its roles require it. The
    caller has checked that `by` administers `account` (orgs.change_user). Side effects: device rows deleted, an
    auditlog entry on the account with the reason, a security event. Returns whether there was anything."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Hãy ghi lý do đặt lại."})
    with transaction.atomic():
        had = _delete_devices(account)
        _log_change(account, by=by, before="đã đăng ký" if had else "chưa đăng ký", after="đã đặt lại",
                    event="second_factor_reset", reason=reason)
    security_event("second_factor_reset", account, by=by, reason=reason)
    return had


def _delete_devices(user):
    had = has_authenticator(user)
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()  # its tokens with it
    return had


# --- the policy ----------------------------------------------------------------------------------------------
def save_policy(policy, *, by):
    """Save a province's policy. Refused (PermissionDenied): `by` does not administer that province at its root
    (nor is the system administrator). Side effects: the row, an auditlog entry."""
    if not scope.provinces_administered(by).filter(pk=policy.province_id).exists():
        raise PermissionDenied("Không có quyền cấu hình xác thực hai bước của tỉnh này.")
    with set_actor(by), transaction.atomic():
        policy.save()
    security_event("second_factor_policy_changed", None, by=by, province=policy.province_id,
                   roles=sorted(policy.required_roles()))
    return policy


# --- the log -------------------------------------------------------------------------------------------------
def _log_change(user, *, by, before, after, event, **data):
    with set_actor(by):
        LogEntry.objects.log_create(user, force_log=True, action=LogEntry.Action.UPDATE, actor=by,
                                    changes={"xác thực hai bước": [before, after]},
                                    additional_data={"event": event, **data})


def security_event(event, user, *, by=None, **data):
    """The one hook every second-factor event goes through (the audit trail of issue 16 wires in here)."""
    logger.info("%s user=%s by=%s %s", event, getattr(user, "pk", None), getattr(by, "pk", None), data)
    from core.security_events import record_security_event  # the audit trail (the audit app writes it)

    record_security_event(None, user, event, by=by, **data)
