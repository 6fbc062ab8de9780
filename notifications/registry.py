"""Nhắc việc: what a user has to do soon, listed under the bell beside their notifications.

Computed when the bell is opened, never stored: a deadline met or a nominee signed disappears at once. The
domain apps register a provider in their AppConfig.ready() (notifications knows no domain model): a callable
`provider(user, today)` returning a list of Task, in a fixed number of queries whatever the data, and only
what the user may open.
"""
from dataclasses import dataclass

from django.utils import timezone

PROVIDERS = []


@dataclass(frozen=True)
class Task:
    """One line under the bell: a short title, a link, and a second line of detail (a date, a count)."""

    title: str
    url: str
    detail: str = ""
    urgent: bool = False  # shown in red: due today or tomorrow
    icon: str = "bi-alarm"


def register(provider):
    """Add a provider of Tasks (once, however often an app's ready() runs)."""
    if provider not in PROVIDERS:
        PROVIDERS.append(provider)
    return provider


def tasks_for(user, today=None):
    """Every registered provider's Tasks for `user`, urgent ones first, in the providers' order otherwise."""
    if not user.is_authenticated:
        return []
    today = today or timezone.localdate()
    tasks = [task for provider in PROVIDERS for task in provider(user, today)]
    return sorted(tasks, key=lambda task: not task.urgent)
