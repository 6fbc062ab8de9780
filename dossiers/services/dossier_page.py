"""What the dossier page and the review page show of a dossier besides its header, read for each request."""
from .checks import OPEN_STATES
from .completeness import checked_nominations
from .eligibility import load_nominations, nominations_query
from .workflow import any_pending


def page_parts(dossier, *, criteria=False):
    """The nominees (each with its stored verdicts, `.verdicts`), when they were checked (the oldest,
    `checked_at`) and whether they may still be checked again (`open_checks`), the checklist, the
    attachments, the state log and the versions sent, and whether a nominee still awaits the office's
    verdict (`pending`). `criteria`: each nominee's confirmed criteria too (`.confirmed_criteria`)."""
    attachments = list(dossier.attachments.select_related("uploaded_by", "nomination"))
    nominations = load_nominations(dossier) if criteria else list(nominations_query(dossier))
    nominations, check = checked_nominations(dossier, nominations, attachments)
    checked = [n.checked_at for n in nominations if n.checked_at is not None]
    return {"nominations": nominations, "checklist": check, "attachments": attachments,
            "checked_at": min(checked) if checked else None, "open_checks": dossier.state in OPEN_STATES,
            "state_changes": dossier.state_changes.select_related("by"),
            "versions": dossier.versions.values("number", "submitted_at") if dossier.version else (),
            "pending": any_pending(nominations)}
