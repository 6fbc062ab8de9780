"""A create form is acted on once (issue 16: eight clicks on "Thêm cán bộ" made eight people).

The form carries a one-time token (`{% once_token %}`, core/once.py). `SubmitOnceMixin`, first among a create
view's bases, runs the POST in one transaction that begins by inserting the token's `FormSubmission` row: the
unique (user, token) constraint makes a second POST of the same form wait for the first to commit, then find
its row and be redirected to what the first one made (the first's redirect), with a message; nothing is created
twice. A POST that raises is rolled back with its row (the form may be sent again); one that answers without a
redirect (a refused form) keeps no result, so its repeat runs again as the first did. A POST without a token
(a script, an older page) is handled as before.

It lives in the documents app because that app sits below every domain app (docs/architecture.md) and holds
the portal's other bookkeeping rows; the mechanism knows nothing of documents.
"""
from datetime import timedelta

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from core.once import FIELD, MAX_LENGTH

from .models import FormSubmission

REPEATED = ("Biểu mẫu này đã được gửi rồi (bấm nhiều lần hoặc gửi lại trang): bản ghi chỉ được tạo một lần, "
            "đây là kết quả của lần gửi đầu.")
KEEP = timedelta(days=2)  # a form left open longer than this and sent twice is not recognised any more


def claim(user, token):
    """Insert the token's row (waits for a concurrent first use to commit); None when it was used already."""
    try:
        with transaction.atomic():
            return FormSubmission.objects.create(user=user, token=token)
    except IntegrityError:
        return None


class SubmitOnceMixin:
    """For the views that create a record: see the module's docstring. List it first among the bases."""

    def dispatch(self, request, *args, **kwargs):
        token = request.POST.get(FIELD, "")[:MAX_LENGTH] if request.method == "POST" else ""
        if not token or not request.user.is_authenticated:
            return super().dispatch(request, *args, **kwargs)
        with transaction.atomic():
            submission = claim(request.user, token)
            if submission is None:
                earlier = FormSubmission.objects.filter(user=request.user, token=token).first()
                if earlier is not None and earlier.url:
                    messages.info(request, REPEATED)
                    return redirect(earlier.url)
                submission = earlier  # the first one was refused: this one runs as it did
            response = super().dispatch(request, *args, **kwargs)
            location = response.get("Location", "") if response.status_code in (301, 302, 303) else ""
            if submission is not None and location and url_has_allowed_host_and_scheme(location, allowed_hosts=None):
                submission.url = location[:500]
                submission.save(update_fields=["url"])
            FormSubmission.objects.filter(user=request.user, created_at__lt=timezone.now() - KEEP).delete()
        return response
