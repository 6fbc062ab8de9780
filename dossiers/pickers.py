"""The dossiers app's pickers (core.pickers): the register's person and unit, a meeting's unit, a council seat's
account. Each scope is the one function its form field and the search endpoint both read."""
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404

from core.pickers import register
from core.text import search_key
from orgs.models import Organisation, Person
from orgs.pickers import unit_label

from .services import council, meetings
from .services import register as register_service


def register_person_label(person):
    born = f", sinh {person.date_of_birth:%d/%m/%Y}" if person.date_of_birth else ""
    return f"{person.full_name}{born} – {person.organisation.name}"


# the register's manual entry: people and units (dissolved ones too: a past award may have gone to a unit that no
# longer exists) of the register editors' scope
REGISTER_PEOPLE = register(
    "can-bo", "so-khen-thuong", lambda user: Person.objects.for_user(user, register_service.EDITORS).select_related(
        "organisation").order_by("search_text", "pk"), label=register_person_label)
REGISTER_UNITS = register(
    "don-vi", "so-khen-thuong", lambda user: Organisation.objects.for_user(user, register_service.EDITORS)
    .select_related("parent").order_by("depth", "path"), label=unit_label)
# a meeting's unit: the units the user is a clerk of
CLERK_UNITS = register("don-vi", "van-thu", lambda user: meetings.clerk_units(user).select_related("parent"),
                       label=unit_label)


def account_label(account):
    return f"{account.get_full_name() or account.username} ({account.username})"


def search_accounts(accounts, text):
    """Accounts have no search column: their names and usernames, accents and case ignored, read in one query (a
    body's office, council and leaders: tens of accounts)."""
    words = search_key(text).split()
    return [account for account in accounts
            if all(word in search_key(account.get_full_name(), account.username) for word in words)]


def office_body(user, raw):
    return get_object_or_404(council.office_bodies(user), pk=raw)


# a council seat's voting account: the body's office, council members and leaders (services.council.seat_accounts)
SEAT_ACCOUNTS = register("tai-khoan", "hoi-dong", lambda user, body=None: council.seat_accounts(body)
                         if body is not None else get_user_model().objects.none(),
                         label=account_label, search=search_accounts, context={"body": ("co-quan", office_body)})
