"""Actions on user accounts and their roles (memberships)."""
from auditlog.context import set_actor
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from .. import scope
from ..models import Membership


def create_account(*, username, full_name, email, password, organisation, role, person=None, by):
    """Create a login for someone, with a first role in one organisation.

    Side effects (one transaction): the user row, the membership, the link to the person (if
    given), audit log entries.
    """
    User = get_user_model()
    first, _, last = (full_name or "").strip().rpartition(" ")
    with set_actor(by), transaction.atomic():
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError({"username": "Tên đăng nhập này đã có người dùng."})
        user = User.objects.create_user(username=username, email=email, password=password,
                                        first_name=first, last_name=last)
        Membership.objects.create(user=user, organisation=organisation, role=role)
        if person is not None:
            link_person(user, person, by=by)
    return user


def update_account(user, *, full_name, email, is_active, person=None, by):
    """Change an account's name, e-mail, active flag and linked person. Side effects: rows, audit."""
    first, _, last = (full_name or "").strip().rpartition(" ")
    with set_actor(by), transaction.atomic():
        user.first_name, user.last_name = first, last
        user.email = email
        user.is_active = is_active
        user.save(update_fields=["first_name", "last_name", "email", "is_active"])
        link_person(user, person, by=by)
    return user


def link_person(user, person, *, by):
    """Make `person` the one linked to `user` (or unlink with None). Side effects: person rows."""
    from ..models import Person

    with set_actor(by), transaction.atomic():
        Person.objects.filter(user=user).exclude(pk=getattr(person, "pk", None)).update(user=None)
        if person is not None and person.user_id != user.pk:
            person.user = user
            person.save(update_fields=["user"])


def grant_role(user, *, organisation, role, by):
    """Give `user` a role in `organisation` (covering its sub-units). Side effects: row, audit."""
    try:
        with set_actor(by), transaction.atomic():
            membership = Membership.objects.create(user=user, organisation=organisation, role=role)
    except IntegrityError:
        raise ValidationError("Tài khoản đã có vai trò này tại đơn vị này.") from None
    scope.forget(user)
    return membership


def revoke_role(membership, *, by):
    """Remove one role of a user. Side effects: deletes the row, audit log entry."""
    with set_actor(by), transaction.atomic():
        membership.delete()
    scope.forget(membership.user)


def set_password(user, password, *, by):
    """An admin sets a new password. Side effects: the user row (all sessions end), audit."""
    with set_actor(by):
        user.set_password(password)
        user.save(update_fields=["password"])
