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


def seats_as_acting(user):
    """[(Role.COUNCIL, body id)] for each council the user's account sits on: a member of a body's council works
    for that body as its council members do (the Giám đốc Sở Nội vụ on the provincial council reads the
    agenda's dossiers and votes, whatever their roles). Registered with orgs.scope.add_acting_source."""
    from .council import CouncilSeat

    if not user or not user.is_authenticated:
        return []
    return [(Role.COUNCIL, body) for body in CouncilSeat.objects.filter(user=user).values_list("body_id", flat=True)]


def votes_in(user, session):
    """A member present at the session, which its members vote in on the portal."""
    from .council import Attendance, SessionMode

    return session.mode == SessionMode.BALLOTS and session.members.filter(
        user=user, attendance=Attendance.PRESENT).exists()
