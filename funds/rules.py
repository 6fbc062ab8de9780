"""Who reads and keeps a body's Quỹ thi đua, khen thưởng: the only place this logic is written.

The body's standing office keeps the book (records receipts and other spending); its leaders and admins read it.
"""
import rules

from orgs import scope
from orgs.enums import Role

READERS = (Role.REVIEWER, Role.APPROVER, Role.ADMIN)
KEEPERS = (Role.REVIEWER, Role.ADMIN)


@rules.predicate
def reads_some_fund(user):
    return user.is_superuser or bool(scope.roles_of(user) & set(READERS))


@rules.predicate
def reads_fund(user, organisation):
    return scope.acts_for(user, organisation, READERS)


@rules.predicate
def keeps_fund(user, organisation):
    return scope.acts_for(user, organisation, KEEPERS)


rules.add_perm("funds.view_funds", reads_some_fund)
rules.add_perm("funds.view_fund", reads_fund)
rules.add_perm("funds.keep_fund", keeps_fund)
