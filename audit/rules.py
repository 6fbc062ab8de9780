"""Who reads the audit trail: a province's admin (an admin role on the province's root: their province's events)
and the system administrator."""
import rules

from orgs import scope
from orgs.enums import Role


@rules.predicate
def reads_trail(user):
    """From the memberships already read for the request (no query of its own: the menu asks on every page)."""
    if not (user and user.is_authenticated):
        return False
    return user.is_superuser or any(path.strip("/").count("/") == 0 for path in scope.scope_paths(user, [Role.ADMIN]))


rules.add_perm("audit.view_event", reads_trail)
