"""Notify people: one row per recipient (the bell) and its e-mail copy, sent by a task after commit."""
import re
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from core.db import aggregate_subquery
from core.emails import Message, render_message, send_message
from core.queue import publish, publish_on_commit, sweep_age

from .enums import EmailStatus
from .models import Notification


def prepare(users, template, context, *, url=""):
    """Unsaved notifications of one message (rendered once) to each distinct active user."""
    message = render_message(template, {**context, "url": url})
    recipients = {user.pk: user for user in users if user.is_active}.values()
    return [Notification(recipient=user, template=template, title=message.title, subject=message.subject,
                         body=message.text, body_html=message.html, url=url,
                         email_status=EmailStatus.PENDING if user.email else EmailStatus.NONE)
            for user in recipients]


def save_and_queue(rows):
    """Write prepared notifications; after commit, one e-mail task for those with an address."""
    rows = Notification.objects.bulk_create(rows)
    pending = [row.pk for row in rows if row.email_status == EmailStatus.PENDING]
    if pending:
        from .tasks import send_notification_emails

        publish_on_commit(send_notification_emails, pending, notice="thư báo sẽ được gửi sau")
    return rows


def notify(users, template, context, *, url=""):
    """Tell `users` about something, with the message of the template triple `template`.

    Side effects: one Notification row per distinct active user; after the surrounding transaction
    commits, a `send_notification_emails` task for the rows whose user has an e-mail address.
    Returns the created notifications.
    """
    return save_and_queue(prepare(users, template, context, url=url))


def deliver_emails(ids, *, final=False):
    """Send the e-mail copy of each still-pending notification in `ids`; return how many failed.

    Side effects: e-mails over one SMTP connection; each row's e-mail status (sent, or failed once
    `final`). The rows are locked while they are sent, so two workers given the same ids send once.
    """
    from django.core.mail import get_connection

    failures = 0
    with transaction.atomic():
        rows = list(Notification.objects.select_for_update(skip_locked=True).select_related("recipient")
                    .filter(pk__in=ids, email_status=EmailStatus.PENDING).order_by("pk"))
        if not rows:
            return 0
        connection = get_connection()
        try:
            connection.open()
            for row in rows:
                try:
                    send_message(_message_of(row), [row.recipient.email], connection=connection)
                except Exception as exc:  # SMTP and socket errors alike: recorded, retried by the task
                    failures += 1
                    row.email_error = str(exc)[:300]
                    row.email_status = EmailStatus.FAILED if final else EmailStatus.PENDING
                else:
                    row.email_status, row.emailed_at, row.email_error = EmailStatus.SENT, timezone.now(), ""
        except Exception as exc:  # the server refused the connection itself
            for row in rows:
                if row.email_status == EmailStatus.PENDING and not row.emailed_at:
                    failures += 1
                    row.email_error = str(exc)[:300]
                    row.email_status = EmailStatus.FAILED if final else EmailStatus.PENDING
        finally:
            try:
                connection.close()
            except Exception:  # noqa: BLE001 - closing a broken connection
                pass
        Notification.objects.bulk_update(rows, ["email_status", "emailed_at", "email_error"])
    return failures


# An e-mail that failed is retried by its own task (tasks.MAX_RETRIES with backoff, then failed; a task whose
# worker died is given back by Redis). One still pending after GIVE_UP is failed with its reason.
GIVE_UP = timedelta(days=3)
SWEEP_CHUNK = 100
SWEEP_LIMIT = 2000


def requeue_pending(*, now=None):
    """The sweep's share for e-mails (dossiers.tasks.sweep_pending); returns how many were queued again.

    An e-mail still pending SWEEP_AFTER_MINUTES after its notification was written, with no attempt made (its
    task never reached the broker, or the message was lost), is queued again; one pending for GIVE_UP is marked
    failed, with its reason. Delivering is safe to run twice: a row is locked while it is sent and only a
    pending one is sent.
    """
    from .tasks import send_notification_emails

    now = now or timezone.now()
    pending = Notification.objects.filter(email_status=EmailStatus.PENDING)
    pending.filter(created_at__lt=now - GIVE_UP).update(
        email_status=EmailStatus.FAILED, email_error="Không gửi được thư sau nhiều lần thử; đã ngừng gửi.")
    ids = list(pending.filter(email_error="", created_at__lt=now - sweep_age()).order_by("pk")
               .values_list("pk", flat=True)[:SWEEP_LIMIT])
    queued = 0
    for start in range(0, len(ids), SWEEP_CHUNK):
        chunk = ids[start:start + SWEEP_CHUNK]
        queued += len(chunk) if publish(send_notification_emails, chunk) else 0
    return queued


def _message_of(row):
    return Message(subject=row.subject, text=row.body, html=row.body_html)


def mark_read(user, ids=None):
    """Mark the user's notifications `ids` (all unread ones when None) as read; return how many."""
    rows = Notification.objects.for_user(user).unread()
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    return rows.update(read_at=timezone.now())


# --- the outbox ---------------------------------------------------------------------------------------
PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]{0,40})\}")


def fill(template, values):
    """Fill the {name} placeholders of an outbox template with an item's values: plain text substitution of
    known names only. Nothing else is interpreted (str.format_map let "{x:>99999999}" build a 100 MB string and
    "{x.__class__}" print Python internals): an unknown name, a format spec, an attribute or a stray brace is
    printed as typed."""
    values = {key: str(value) for key, value in values.items()}
    return PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), template)


def create_batch(*, scope, title, subject, body, items, by):
    """Put a bulk message in the outbox. `items`: [(target, label, url, values, [users])].

    Side effects (one transaction): an OutboxBatch "chờ duyệt" and its items; nothing is sent.
    """
    from .models import OutboxBatch, OutboxItem

    with transaction.atomic():
        batch = OutboxBatch.objects.create(scope=scope, title=title, subject_template=subject, body_template=body,
                                           created_by=by)
        for target, label, url, values, users in items:
            item = OutboxItem.objects.create(batch=batch, target=target, label=label, url=url, values=values)
            item.recipients.set(users)
    return batch


def edit_batch(batch, *, subject, body, by):
    """Change the wording of a batch still waiting (the preview shows the new text at once)."""
    _require_waiting(batch)
    batch.subject_template, batch.body_template = subject.strip(), body.strip()
    batch.save(update_fields=["subject_template", "body_template"])
    return batch


def release_batch(batch, *, by):
    """Gửi: every item goes out as a notification (bell + e-mail) to its recipients.

    Side effects (one transaction, the row locked so a double click sends once): Notification rows and
    their e-mails after commit; the items' sent time; the batch "đã gửi".
    """
    from .models import OutboxBatch, OutboxStatus

    with transaction.atomic():
        batch = OutboxBatch.objects.select_for_update().get(pk=batch.pk)
        _require_waiting(batch)
        now = timezone.now()
        for item in batch.items.prefetch_related("recipients"):
            values = {**item.values}
            notify(list(item.recipients.all()), "outbox", {
                "subject": fill(batch.subject_template, values), "body": fill(batch.body_template, values)},
                url=item.url)
            item.sent_at = now
            item.save(update_fields=["sent_at"])
        batch.status, batch.decided_by, batch.decided_at = OutboxStatus.RELEASED, by, now
        batch.save(update_fields=["status", "decided_by", "decided_at"])
    return batch


def discard_batch(batch, *, by):
    """Hủy: the batch is kept for the record, nothing is sent."""
    from .models import OutboxBatch, OutboxStatus

    with transaction.atomic():
        batch = OutboxBatch.objects.select_for_update().get(pk=batch.pk)
        _require_waiting(batch)
        batch.status, batch.decided_by, batch.decided_at = OutboxStatus.DISCARDED, by, timezone.now()
        batch.save(update_fields=["status", "decided_by", "decided_at"])
    return batch


def _require_waiting(batch):
    from django.core.exceptions import ValidationError

    from .models import OutboxStatus

    if batch.status != OutboxStatus.DRAFT:
        raise ValidationError(f"Đợt gửi này đã được xử lý ({batch.get_status_display().lower()}): "
                              "không thể sửa, gửi hoặc hủy nữa.")


# --- the bell on every page (registered with core in NotificationsConfig.ready) --------------------------
def unread_subquery(user_ref):
    """The count of the user's unread notifications as a subquery (`user_ref`: an OuterRef to the user's row):
    core.backends.AccountBackend reads it with the user of each request, as `user.unread_notifications`."""
    return aggregate_subquery(Notification.objects.filter(recipient=user_ref, read_at__isnull=True))


def unread_count(user):
    """The bell's count (UNREAD_NOTIFICATIONS): read with the user when it was, else counted now."""
    counted = getattr(user, "unread_notifications", None)
    return counted if counted is not None else Notification.objects.for_user(user).unread().count()
