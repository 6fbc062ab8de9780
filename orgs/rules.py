"""Permission predicates of the organisation app: the only place this logic is written."""
import rules

from . import scope
from .enums import Role

STAFF_MANAGERS = [Role.ADMIN, Role.CLERK]


@rules.predicate
def is_portal_admin(user):
    return scope.is_admin(user)


@rules.predicate
def is_system_admin(user):
    """The deployment's system administrator (superuser): national data and new provinces."""
    return bool(user and user.is_authenticated and user.is_superuser)


@rules.predicate
def can_view_organisation(user, organisation):
    return scope.covers(user, organisation)


@rules.predicate
def administers_organisation(user, organisation):
    return scope.covers(user, organisation, [Role.ADMIN])


@rules.predicate
def can_view_person(user, person):
    return scope.covers(user, person.organisation)


@rules.predicate
def manages_person(user, person):
    return scope.covers(user, person.organisation, STAFF_MANAGERS)


@rules.predicate
def manages_household(user, household):
    return scope.covers(user, household.organisation, STAFF_MANAGERS)


@rules.predicate
def manages_staff_of(user, organisation=None):
    """May add people: to this organisation, or (no organisation given) to some organisation."""
    if organisation is None:
        return user.is_superuser or bool(scope.roles_of(user) & set(STAFF_MANAGERS))
    return scope.covers(user, organisation, STAFF_MANAGERS)


@rules.predicate
def administers_user(user, target):
    """An admin may manage an account when every role of that account lies in the admin's scope."""
    if user.is_superuser:
        return True
    if target.is_superuser or not scope.is_admin(user):
        return False
    admin_paths = scope.scope_paths(user, [Role.ADMIN])
    target_paths = [path for _, path, _ in scope._memberships(target)]
    person = getattr(target, "person", None)
    if person is not None:
        target_paths.append(person.organisation.path)
    return bool(target_paths) and all(
        any(path.startswith(admin_path) for admin_path in admin_paths) for path in target_paths)


@rules.predicate
def administers_bloc(user, bloc):
    return scope.covers(user, bloc.organiser, [Role.ADMIN])


@rules.predicate
def can_view_bloc(user, bloc):
    return scope.covers(user, bloc.organiser)


rules.add_perm("orgs.configure", is_portal_admin)
rules.add_perm("orgs.add_province", is_system_admin)
rules.add_perm("orgs.view_organisation", can_view_organisation)
rules.add_perm("orgs.change_organisation", administers_organisation)
rules.add_perm("orgs.add_organisation", administers_organisation)  # object: the parent
rules.add_perm("orgs.view_person", can_view_person)
rules.add_perm("orgs.change_person", manages_person)
rules.add_perm("orgs.add_person", manages_staff_of)  # object: the unit, or none
rules.add_perm("orgs.import_people", is_portal_admin)
rules.add_perm("orgs.add_household", manages_staff_of)  # object: the unit, or none
rules.add_perm("orgs.change_household", manages_household)
rules.add_perm("orgs.manage_users", is_portal_admin)
rules.add_perm("orgs.change_user", administers_user)
rules.add_perm("orgs.grant_role", administers_organisation)  # object: the organisation
rules.add_perm("orgs.view_bloc", can_view_bloc)
rules.add_perm("orgs.change_bloc", administers_bloc)
rules.add_perm("orgs.add_bloc", is_portal_admin)
