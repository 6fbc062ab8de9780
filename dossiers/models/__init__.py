from .answers import NoProposal  # noqa: F401
from .certificates import CertificateLayout  # noqa: F401
from .council import (  # noqa: F401
    Attendance,
    CouncilRules,
    CouncilSeat,
    MemberVote,
    Quorum,
    SeatTitle,
    SessionMember,
    SessionMode,
    VoteChoice,
    quorum_met,
    quorum_minimum,
)
from .dossier import (  # noqa: F401
    AchievementReport,
    Assignment,
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
from .public_comment import CommentNominee, CommentState, CommentWindow, PublicComment  # noqa: F401
from .register import (  # noqa: F401
    AnnualRating,
    Award,
    AwardCorrection,
    CouncilBallot,
    CouncilSession,
    Decision,
    Forwarding,
)
from .reminders import Reminder  # noqa: F401
from .rules import CampaignRule, EligibilityRule, ProvinceRule  # noqa: F401
