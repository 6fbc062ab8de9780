"""The organisation app's pickers (core.pickers): each scope is the one function both its form field and the
search endpoint read, so a unit, person or account the search never offers is refused by the form too."""
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404

from core.pickers import register

from .enums import Role
from .models import Organisation, Person


def unit_label(unit):
    """The unit's name and, to tell apart the many "Phòng Tổ chức – Hành chính", the unit above it."""
    parent = unit.parent
    return f"{unit.name} – {parent.short_name or parent.name}" if parent else unit.name


def person_label(person):
    unit = person.organisation
    return f"{person.full_name} – {person.position or 'cán bộ'}, {unit.short_name or unit.name}"


def units_for(user, roles=None):
    """The current units the user sees through `roles` (all roles: None), highest in the tree first."""
    return Organisation.objects.for_user(user, roles).current().select_related("parent").order_by("depth", "path")


def admin_unit(user, raw):
    return get_object_or_404(Organisation.objects.for_user(user, [Role.ADMIN]), pk=raw)


# the units a province admin files things under (account, role, bloc organiser, campaign issuer)
ADMIN_UNITS = register("don-vi", "quan-tri", lambda user: units_for(user, [Role.ADMIN]), label=unit_label)
# a unit's parent or successor: the admin's units outside the unit's own subtree
OTHER_BRANCH = register(
    "don-vi", "ngoai-nhanh",
    lambda user, organisation=None: units_for(user, [Role.ADMIN]).exclude(path__startswith=organisation.path)
    if organisation is not None and organisation.pk else units_for(user, [Role.ADMIN]),
    label=unit_label, context={"organisation": ("don-vi", admin_unit)})
# a unit's standing office: any of the admin's units but itself
OTHER_UNIT = register(
    "don-vi", "khac-don-vi",
    lambda user, organisation=None: units_for(user, [Role.ADMIN]).exclude(pk=organisation.pk)
    if organisation is not None and organisation.pk else units_for(user, [Role.ADMIN]),
    label=unit_label, context={"organisation": ("don-vi", admin_unit)})
# where a person works: the units of the admin's or the clerk's roles
STAFF_UNITS = register("don-vi", "nhan-su", lambda user: units_for(user, [Role.ADMIN, Role.CLERK]), label=unit_label)
# every current unit the user sees (a bloc's members and leader)
VISIBLE_UNITS = register("don-vi", "trong-pham-vi", lambda user: units_for(user), label=unit_label)


def people_for(user, roles=None):
    return Person.objects.for_user(user, roles).filter(is_active=True).select_related("organisation").order_by(
        "search_text", "pk")


def admin_account(user, raw):
    from .views.accounts import accounts_for

    return get_object_or_404(accounts_for(user), pk=raw)


# a new account's person: the admin's active people without an account
UNLINKED_PEOPLE = register("can-bo", "chua-co-tai-khoan",
                           lambda user: people_for(user, [Role.ADMIN]).filter(user__isnull=True), label=person_label)


def people_for_account(user, account=None):
    """An account's person: the admin's active people linked to no other account."""
    others = get_user_model().objects.exclude(pk=account.pk) if account is not None else get_user_model().objects
    return people_for(user, [Role.ADMIN]).exclude(user__isnull=False, user__in=others.all())


ACCOUNT_PEOPLE = register("can-bo", "cho-tai-khoan", people_for_account, label=person_label,
                          context={"account": ("tai-khoan", admin_account)})
