"""Tests that sign in past the second factor (tests/conftest.py's client_for): a user who owes a code or an enrolment
gets a confirmed authenticator and a session verified by it, as after typing its code in the browser. The wall
itself is tested with plain clients (tests/portal/test_second_factor.py) and in Chromium (tests/e2e/)."""
import time

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from orgs.services import second_factor


def pass_second_factor(client, user):
    """After client.force_login(user): verify the session with the user's authenticator (made if missing) when
    the session owes one; otherwise leave it as it is. Returns the device, or None."""
    session = client.session
    if (session.get(second_factor.STATE_KEY) or {}).get("state") not in (second_factor.VERIFY, second_factor.ENROL):
        return None
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name=second_factor.DEVICE_NAME, confirmed=True)
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session[second_factor.STATE_KEY] = {"state": second_factor.VERIFIED, "at": int(time.time())}
    session.save()
    return device
