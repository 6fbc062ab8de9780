"""Messages rendered from a template triple: emails/<name>-subject.txt, -body.txt, -body.html.

One place decides how a message looks, whether it goes to the bell, to an e-mail, or waits in an
outbox; the wording lives in the templates so it can be corrected without touching code.
"""
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


@dataclass(frozen=True)
class Message:
    subject: str
    text: str
    html: str


def render_message(name, context):
    """Render the triple `name` with `context`; the subject is one line with the portal's prefix."""
    context = {"PORTAL_NAME": settings.PORTAL_NAME, "SITE_URL": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"emails/{name}-subject.txt", context).split())
    return Message(
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
