"""Security events (a login, a second factor enrolled, a device reset…) go to the audit trail through one
function any app may call: `record_security_event(request_or_none, user, kind, **details)`. The audit app
registers the writer (core knows no app); the kinds and their Vietnamese labels are audit.enums.KIND_LABELS."""

RECORDERS = []  # functions (request, user, kind, **details), appended by audit.apps


def record_security_event(request, user, kind, *, by=None, **details):
    """Record `kind` (e.g. "second_factor_enrolled") about the account `user` (None if none), done in `request`
    (None: the request being served, if any, gives the client address and who is signed in). `by`: who did it
    when not the signed-in user or the account itself (an admin resetting a device); `province=<id>` for an
    event about no account (a province's policy); other `details` are plain JSON values kept with the event
    (reason="…", left=3). Written in the caller's transaction."""
    for recorder in RECORDERS:
        recorder(request, user, kind, by=by, **details)
