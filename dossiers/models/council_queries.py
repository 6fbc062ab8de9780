"""Who may do what in a council's session, as queries: shared by the rules predicates and the council's
services, so that a permission and the service that acts on it cannot disagree."""
from orgs import scope
from orgs.enums import Role


def chairs_a_council(user):
    """Whether the user's account holds the Chủ tịch's seat of some body's council."""
    from .council import CouncilSeat, SeatTitle

    return CouncilSeat.objects.filter(user=user, title=SeatTitle.CHAIR).exists()


def may_preside(user, body):
    """Opening and closing `body`'s sessions: its standing office, or its council's chair."""
    from .council import CouncilSeat, SeatTitle

    if scope.acts_for(user, body, [Role.REVIEWER]):
        return True
    return CouncilSeat.objects.filter(body=body, title=SeatTitle.CHAIR, user=user).exists()


def seated_on(user, body):
    """Whether the user's account holds a seat of `body`'s council (the Giám đốc Sở Nội vụ on the provincial
    council: a member of it whatever their roles)."""
    from .council import CouncilSeat

    return CouncilSeat.objects.filter(body=body, user=user).exists()


def votes_in(user, session):
    """A member present at the session, which its members vote in on the portal."""
    from .council import Attendance, SessionMode

    return session.mode == SessionMode.BALLOTS and session.members.filter(
        user=user, attendance=Attendance.PRESENT).exists()
