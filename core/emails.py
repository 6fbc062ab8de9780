"""Messages rendered from a template set: emails/<name>-title.txt, -subject.txt, -body.txt, -body.html.

One place decides how a message looks, whether it goes to the bell, to an e-mail, or waits in an
outbox; the wording lives in the templates so it can be corrected without touching code.
"""
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.text import Truncator

TITLE_LENGTH = 90  # the bell shows one line: the title of a message, never its body


@dataclass(frozen=True)
class Message:
    subject: str
    text: str
    html: str
    title: str = ""


def render_message(name, context):
    """Render the set `name` with `context`: the e-mail's subject is one line with the portal's prefix, the
    title (what the bell lists) one short line without it, cut at TITLE_LENGTH characters."""
    context = {"PORTAL_NAME": settings.PORTAL_NAME, "SITE_URL": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"emails/{name}-subject.txt", context).split())
    title = " ".join(render_to_string(f"emails/{name}-title.txt", context).split())
    return Message(
        title=Truncator(title).chars(TITLE_LENGTH),
        subject=subject[:255],
        text=render_to_string(f"emails/{name}-body.txt", context).strip() + "\n",
        html=render_to_string(f"emails/{name}-body.html", context),
    )


def send_message(message, to, *, connection=None):
    """Send one rendered message to the addresses in `to` (raises on SMTP failure)."""
    email = EmailMultiAlternatives(message.subject, message.text, settings.DEFAULT_FROM_EMAIL, list(to),
                                   connection=connection)
    if message.html:
        email.attach_alternative(message.html, "text/html")
    email.send()
