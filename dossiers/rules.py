"""Permission predicates of dossiers: the only place this logic is written."""
import rules

from orgs import scope
from orgs.enums import ISSUER_STAFF, Role

from .enums import TRANSITIONS, DossierState


@rules.predicate
def is_unit_clerk(user, dossier):
    return scope.covers(user, dossier.organisation, [Role.CLERK])


@rules.predicate
def is_issuer_staff(user, dossier):
    return scope.acts_for(user, dossier.campaign.issuer, ISSUER_STAFF)


@rules.predicate
def is_issuer_reviewer(user, dossier):
    return scope.acts_for(user, dossier.campaign.issuer, [Role.REVIEWER])


@rules.predicate
def is_editable(user, dossier):
    return dossier.is_editable


@rules.predicate
def is_sent(user, dossier):
    return dossier.is_sent


@rules.predicate
def is_clerk_somewhere(user):
    return Role.CLERK in scope.roles_of(user)


@rules.predicate
def is_reviewer_somewhere(user):
    return bool(scope.roles_of(user) & set(ISSUER_STAFF))


@rules.predicate
def may_withdraw(user, dossier):
    return "withdraw" in TRANSITIONS[dossier.state]


@rules.predicate
def is_withdrawn(user, dossier):
    return dossier.state == DossierState.WITHDRAWN


@rules.predicate
def is_answer_clerk(user, answer):
    """The clerk of the unit that said it proposes nobody (NoProposal)."""
    return scope.covers(user, answer.organisation, [Role.CLERK])


# the same rule as Dossier.objects.for_user: the issuing body sees no draft and no withdrawn dossier
rules.add_perm("dossiers.view_dossier", is_unit_clerk | (is_issuer_staff & is_sent))
# the unit's own pages about its moves: what was sent (after "Gửi hồ sơ"), rút hồ sơ, mở lại / sao chép
rules.add_perm("dossiers.view_sent_summary", is_unit_clerk & is_sent)
rules.add_perm("dossiers.withdraw_dossier", is_unit_clerk & may_withdraw)
rules.add_perm("dossiers.reopen_dossier", is_unit_clerk & is_withdrawn)
# "Đơn vị không đề nghị": the page is a clerk's (any unit); each answer is its unit's clerks'
rules.add_perm("dossiers.answer_no_proposal", is_clerk_somewhere)
rules.add_perm("dossiers.undo_no_proposal", is_answer_clerk)
rules.add_perm("dossiers.change_dossier", is_unit_clerk & is_editable)
rules.add_perm("dossiers.add_dossier", is_clerk_somewhere)
rules.add_perm("dossiers.review_dossier", is_issuer_reviewer)
rules.add_perm("dossiers.use_inbox", is_reviewer_somewhere)
rules.add_perm("dossiers.record_meeting", is_clerk_somewhere)


# --- Biên bản họp bình xét (the unit's nomination meeting) -------------------------------------
@rules.predicate
def is_meeting_clerk(user, meeting):
    return scope.covers(user, meeting.organisation, [Role.CLERK])


@rules.predicate
def is_meeting_reader(user, meeting):
    """The issuing body's staff, once a dossier linked to the meeting was sent to them."""
    from .models.meeting_queries import meetings_for

    return meetings_for(user).filter(pk=meeting.pk).exists()


@rules.predicate
def is_meeting_open(user, meeting):
    from .models.meeting_queries import is_frozen

    return not is_frozen(meeting)


rules.add_perm("dossiers.view_meeting", is_meeting_clerk | is_meeting_reader)
rules.add_perm("dossiers.change_meeting", is_meeting_clerk & is_meeting_open)
rules.add_perm("dossiers.record_meeting_votes", is_meeting_clerk)


@rules.predicate
def is_leader_somewhere(user):
    return Role.APPROVER in scope.roles_of(user)


@rules.predicate
def leads_the_issuer(user, dossier):
    return scope.acts_for(user, dossier.campaign.issuer, [Role.APPROVER])


@rules.predicate
def records_for_forwarding(user, forwarding):
    return scope.acts_for(user, forwarding.issuer, [Role.REVIEWER, Role.APPROVER])


@rules.predicate
def sees_forwarding(user, forwarding):
    return scope.acts_for(user, forwarding.issuer, [Role.REVIEWER, Role.APPROVER, Role.COUNCIL, Role.ADMIN])


rules.add_perm("dossiers.lead", is_leader_somewhere)
rules.add_perm("dossiers.approve_nomination", leads_the_issuer)
rules.add_perm("dossiers.view_forwarding", sees_forwarding)
rules.add_perm("dossiers.record_higher_decision", records_for_forwarding)


# --- Phiên họp Hội đồng TĐKT (the council's sessions) -------------------------------------------
@rules.predicate
def is_office_somewhere(user):
    return Role.REVIEWER in scope.roles_of(user)


@rules.predicate
def chairs_a_council(user):
    from .models.council_queries import chairs_a_council

    return chairs_a_council(user)


@rules.predicate
def is_session_staff(user, session):
    """The issuer's staff, its standing office's, and every member seated on its council (scope.acts_for)."""
    return scope.acts_for(user, session.issuer, ISSUER_STAFF)


@rules.predicate
def is_session_office(user, session):
    """The office acts as the council's secretariat (paper counts, written opinions, the council's list)."""
    return scope.acts_for(user, session.issuer, [Role.REVIEWER])


@rules.predicate
def presides_session(user, session):
    """The council's chair, or the office on the chair's behalf."""
    from .models.council_queries import may_preside

    return may_preside(user, session.issuer)


@rules.predicate
def votes_in_session(user, session):
    """A member present at the session, voting on the portal."""
    from .models.council_queries import votes_in

    return votes_in(user, session)


@rules.predicate
def sits_on_a_council(user):
    """Office or council member somewhere."""
    return bool(scope.roles_of(user) & {Role.REVIEWER, Role.COUNCIL})


rules.add_perm("dossiers.use_council", is_reviewer_somewhere)
rules.add_perm("dossiers.council_menu", sits_on_a_council)
rules.add_perm("dossiers.open_council_session", is_office_somewhere | chairs_a_council)
rules.add_perm("dossiers.keep_council_list", is_office_somewhere)
rules.add_perm("dossiers.view_council_session", is_session_staff)
rules.add_perm("dossiers.record_council_ballot", is_session_office)
rules.add_perm("dossiers.record_written_opinion", is_session_office)
rules.add_perm("dossiers.cast_council_vote", votes_in_session)
rules.add_perm("dossiers.close_council_session", presides_session)


# --- Sổ khen thưởng (the award register) ----------------------------------------------------------
REGISTER_EDITORS = [Role.ADMIN, Role.REVIEWER]


@rules.predicate
def has_any_role(user):
    return user.is_superuser or bool(scope.roles_of(user))


@rules.predicate
def records_awards(user):
    return user.is_superuser or bool(scope.roles_of(user) & set(REGISTER_EDITORS))


rules.add_perm("dossiers.view_register", has_any_role)  # the rows themselves: register.awards_for(user)
rules.add_perm("dossiers.add_award", records_awards)


# --- Bảng điều khiển phong trào (a campaign's figures) -------------------------------------------------------
@rules.predicate
def reads_campaign_figures(user, campaign):
    """The issuing body's office, admin and leaders: who answer for the campaign's progress."""
    return scope.acts_for(user, campaign.issuer, [Role.REVIEWER, Role.ADMIN, Role.APPROVER])


rules.add_perm("dossiers.view_campaign_dashboard", reads_campaign_figures)
