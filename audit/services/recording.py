"""Writing the audit trail: security events (logins, lockouts, passwords, the second factor) and copies of the
django-auditlog entries of the watched models (accounts, roles, organisations, the catalogue, the rules), each
with the client address as core.clientip reads it and the province it belongs to.

The request being served is kept in a context variable (audit.middleware): the address and the signed-in user
are read from the request itself, for the security events (no auditlog entries) as for the copies, whatever
context a service set for auditlog with `set_actor(by)`."""
import contextlib
from contextvars import ContextVar

from django.contrib.auth import get_user_model

from core.clientip import client_address
from core.text import search_key
from orgs.models import Membership, Organisation, Person
from orgs.scope import root_of

from .. import enums
from ..models import Event
from ..registry import watched
from .words import changes_in_words

_request = ContextVar("audit_request", default=None)


@contextlib.contextmanager
def serving(request):
    """The request whose address and user the events written meanwhile carry (audit.middleware)."""
    token = _request.set(request)
    try:
        yield
    finally:
        _request.reset(token)


def current_request():
    return _request.get()


def _address(request):
    return client_address(request) if request is not None else None


def current_actor():
    """The signed-in user of the request being served (None outside a request or when nobody is signed in)."""
    user = getattr(current_request(), "user", None)
    return user if user is not None and user.is_authenticated else None


def province_of_user(user):
    """The province (root organisation id) of an account: that of its first role, else of its linked person's
    unit; None for an account with neither (the system administrator)."""
    if user is None or user.pk is None:
        return None
    path = (Membership.objects.filter(user_id=user.pk).order_by("organisation__path")
            .values_list("organisation__path", flat=True).first())
    if path is None:
        path = Person.objects.filter(user_id=user.pk).values_list("organisation__path", flat=True).first()
    return root_of(path)


def _name(user):
    if user is None:
        return ""
    full = user.get_full_name().strip()
    return f"{full} ({user.username})" if full else user.username


def write(kind, *, request=None, actor=None, province=None, national=False, obj=None, object_type="",
          object_id="", object_repr="", changes=(), details=None, log_entry=None, subject_user=None):
    """One event. `obj` (a model instance) fills the object's type, id and name; `subject_user` is the account
    a security event is about (searched as "who" too)."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk or "")
        object_repr = object_repr or str(obj)
    details = dict(details or {})
    changes = [list(row) for row in changes]
    words = " ".join(f"{label} {old} {new}" for label, old, new in changes)
    return Event.objects.create(
        province_id=province, national=national, actor=actor, actor_name=_name(actor)[:300],
        client_address=_address(request), kind=kind, object_type=object_type, object_id=str(object_id)[:64],
        object_repr=object_repr[:300], changes=changes, details=details, log_entry=log_entry,
        who_text=search_key(_name(actor), _name(subject_user), details.get("username", ""))[:400],
        search_text=search_key(enums.kind_label(kind), object_repr, words,
                               *(str(value) for value in details.values())))


# --- security events -------------------------------------------------------------------------------------------
def record_security_event(request, user, kind, *, by=None, province=None, **details):
    """The writer behind core.security_events.record_security_event: `kind` about the account `user`, done in
    `request` (None: the request being served). The actor is `by`, else the request's signed-in user, else the
    account itself for signing in and out and a reset link; the province is the account's (else the actor's,
    else `province`)."""
    request = request if request is not None else current_request()
    request_user = getattr(request, "user", None)
    actor = by or (request_user if request_user is not None and request_user.is_authenticated else None)
    if actor is None and kind in (enums.LOGIN, enums.LOGOUT, enums.PASSWORD_RESET):
        actor = user
    found = province_of_user(user) if user is not None else None
    if found is None and actor is not None and actor != user:
        found = province_of_user(actor)
    write(kind, request=request, actor=actor, province=found or province, obj=user,
          object_repr=user.username if user is not None else details.get("username", ""), details=details,
          subject_user=user)


def on_logged_in(sender, request, user, **kwargs):
    record_security_event(request, user, enums.LOGIN)


def on_logged_out(sender, request, user, **kwargs):
    if user is not None:
        record_security_event(request, user, enums.LOGOUT)


def on_login_failed(sender, credentials, request=None, **kwargs):
    """A failed login, with the username typed. While axes keeps the username locked out, the lockout event
    stands for the attempt (axes sends it before this receiver runs)."""
    if request is not None and getattr(request, "axes_locked_out", False):
        return
    username = str((credentials or {}).get("username") or "")[:150]
    record_security_event(request, _account(username), enums.LOGIN_FAILED, username=username)


def on_locked_out(sender, request=None, username=None, ip_address=None, **kwargs):
    username = str(username or "")[:150]
    record_security_event(request, _account(username), enums.LOCKED_OUT, username=username)


def _account(username):
    if not username:
        return None
    User = get_user_model()
    return User._default_manager.filter(**{f"{User.USERNAME_FIELD}__iexact": username}).first()


def before_user_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """Notice a new password on any path (the password form, an admin's, a reset link, the Django admin, a
    command): the stored hash changes. A hash upgraded at login (same password, stronger hasher) is not a change,
    nor is the first password of an account made without one."""
    instance._audit_password_changed = False
    if raw or instance.pk is None or instance._state.adding:
        return
    if update_fields is not None and "password" not in update_fields:
        return
    old = sender._default_manager.filter(pk=instance.pk).values_list("password", flat=True).first()
    if not old or old == instance.password:
        return
    if getattr(instance, "_password", None) is None and _needs_upgrade(old):
        return  # check_password() rehashing with the current hasher
    instance._audit_password_changed = True


def _needs_upgrade(encoded):
    """Would check_password() store this hash anew (another algorithm preferred, or more iterations)?"""
    from django.contrib.auth.hashers import get_hasher, identify_hasher

    try:
        hasher = identify_hasher(encoded)
    except ValueError:
        return False
    preferred = get_hasher("default")
    return hasher.algorithm != preferred.algorithm or preferred.must_update(encoded)


def after_user_saved(sender, instance, created=False, raw=False, **kwargs):
    if not getattr(instance, "_audit_password_changed", False):
        return
    instance._audit_password_changed = False
    request = current_request()
    actor = current_actor()
    if actor is not None and actor.pk != instance.pk:
        kind = enums.PASSWORD_SET
    elif actor is None and request is not None:
        kind = enums.PASSWORD_RESET  # the reset link's page: nobody is signed in
    else:
        kind = enums.PASSWORD_CHANGED
    record_security_event(request, instance, kind)


# --- copies of django-auditlog entries ----------------------------------------------------------------------
ACTION_KINDS = {0: enums.CREATED, 1: enums.UPDATED, 2: enums.DELETED}


def on_auditlog_entry(sender, instance, action, log_entry=None, error=None, **kwargs):
    """auditlog.signals.post_log: copy the entry of a watched model, in the same transaction, in words (auditlog
    sends no post_log for a many-to-many change: those stay in auditlog's own table)."""
    rule = watched(sender)
    if rule is None or log_entry is None or error is not None:
        return
    kind = rule.kinds.get(action, ACTION_KINDS.get(action))
    if kind is None:
        return
    actor = log_entry.actor or current_actor()
    if rule.national:
        province = None
    elif rule.province is not None:
        province = rule.province(instance, actor)
    else:
        province = _unit_root(instance, rule.unit)
    changes = changes_in_words(sender, log_entry.changes_dict, created=action == 0, formats=rule.formats,
                               hide=rule.hide)
    if kind == enums.UPDATED and not changes:
        return  # only hidden fields changed (a path, a timestamp)
    write(kind, request=current_request(), actor=actor, province=province, national=rule.national,
          obj=instance, object_repr=rule.describe(instance) if rule.describe else log_entry.object_repr,
          changes=changes, log_entry=log_entry)


def _unit_root(instance, path):
    """The province id of the Organisation reached from `instance` by the attribute path ("" = itself)."""
    unit = instance
    for name in filter(None, path.split(".")):
        unit = getattr(unit, name, None)
        if unit is None:
            return None
    if not isinstance(unit, Organisation):
        return None
    return unit.root_id()


def user_province(instance, actor):
    """An account's changes: its own province, else (an account just made, no role yet) its maker's."""
    return province_of_user(instance) or (province_of_user(actor) if actor is not None else None)
