from .council import Attendance, CouncilSeat, MemberVote, SeatTitle, SessionMember, SessionMode, VoteChoice  # noqa: F401,E501
from .dossier import (  # noqa: F401
    AchievementReport,
    Attachment,
    Dossier,
    DossierVersion,
    MeetingVote,
    Nomination,
    NominationMeeting,
    OutcomeChange,
    StateChange,
)
from .exports import Export  # noqa: F401
from .register import AnnualRating, Award, CouncilBallot, CouncilSession, Decision, Forwarding  # noqa: F401
from .reminders import Reminder  # noqa: F401
from .rules import EligibilityRule  # noqa: F401
