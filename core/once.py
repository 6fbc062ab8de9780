"""One-time form tokens (issue 16: eight clicks on "Thêm cán bộ" made eight people).

A create form carries a random token (`{% once_token %}`, core/templatetags/once.py); the view that creates
records its first use in the same transaction as the create (documents.once.SubmitOnceMixin), so a second POST
of the same form (a double click, a resent request) redirects to what the first made instead of making it again.
"""
import secrets

FIELD = "_once"
MAX_LENGTH = 64


def new_token():
    return secrets.token_urlsafe(24)
