"""Tiến độ nộp hồ sơ of a campaign, and the outbox of bulk reminders to late units (the office's pages)."""
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.generic import TemplateView

from campaigns.models import Campaign
from core.pagination import lazy_page
from core.views import NfcFormMixin, ScopedObjectMixin
from documents.once import SubmitOnceMixin
from notifications import services as outbox
from notifications.models import OutboxBatch, OutboxStatus

from ..services.reminders import progress_rows, progress_totals, progress_units, remind_late_units, scope_of


class CampaignOfficeMixin(ScopedObjectMixin):
    model = Campaign
    permission_required = "campaigns.review_campaign"

    def get_scoped_queryset(self):
        return Campaign.objects.for_user(self.request.user).select_related("issuer")


class CampaignProgressView(CampaignOfficeMixin, TemplateView):
    """Which participating units have sent their dossiers, which are late, who was reminded when."""

    template_name = "dossiers/campaign_progress.html"
    per_page = 100

    def get_context_data(self, **kwargs):
        campaign = self.get_object()
        today = timezone.localdate()
        only_late = self.request.GET.get("tre-han") == "1"
        # a province: 2,000+ units, counted in SQL; the page's 100 read with LIMIT/OFFSET, their figures after
        units = progress_units(campaign, today)
        shown = units.filter(is_late=True) if only_late else units
        page = lazy_page(shown.only("pk", "name", "path"), self.request.GET.get("trang"), self.per_page,
                         rows=lambda window: progress_rows(campaign, window))
        batches = OutboxBatch.objects.filter(scope=scope_of(campaign)).select_related("created_by")[:10]
        return super().get_context_data(
            campaign=campaign, rows=page.items, page=page, only_late=only_late, **progress_totals(units),
            batches=batches, rules=campaign.reminder_rules.filter(is_active=True), today=today, **kwargs)


class RemindLateView(SubmitOnceMixin, CampaignOfficeMixin, TemplateView):
    """"Nhắc tất cả đơn vị trễ hạn": the messages go to the outbox first, for a person to check."""

    def get(self, request, *args, **kwargs):
        self.get_object()
        return HttpResponseNotAllowed(["POST"])

    def post(self, request, *args, **kwargs):
        campaign = self.get_object()
        batch = remind_late_units(campaign, by=request.user)
        if batch is None:
            messages.info(request, "Không có đơn vị nào trễ hạn: không có gì để nhắc.")
            return redirect("dossiers:campaign_progress", pk=campaign.pk)
        messages.success(request, f"Đã soạn {batch.items.count()} thư nhắc vào hộp thư chờ gửi: "
                                  "hãy xem lại rồi bấm “Gửi”.")
        return redirect("dossiers:outbox_batch", pk=campaign.pk, batch=batch.pk)


class BatchForm(NfcFormMixin, forms.Form):
    subject = forms.CharField(label="Tiêu đề", max_length=255,
                              error_messages={"required": "Tiêu đề không được để trống."})
    body = forms.CharField(label="Nội dung", widget=forms.Textarea(attrs={"rows": 10}),
                           error_messages={"required": "Nội dung không được để trống."})


class OutboxBatchView(CampaignOfficeMixin, TemplateView):
    """Preview every message of a batch as it will be sent, edit the wording, then send or discard."""

    template_name = "dossiers/outbox_batch.html"

    def get_batch(self):
        return get_object_or_404(OutboxBatch, pk=self.kwargs["batch"], scope=scope_of(self.get_object()))

    def get_context_data(self, form=None, **kwargs):
        kwargs.pop("batch", None)  # the URL's batch id; the context gets the batch itself
        batch = self.get_batch()
        form = form or BatchForm(initial={"subject": batch.subject_template, "body": batch.body_template})
        subject = form["subject"].value() or ""
        body = form["body"].value() or ""
        items = list(batch.items.prefetch_related("recipients"))
        previews = [(item, outbox.fill(subject, item.values), outbox.fill(body, item.values)) for item in items]
        return super().get_context_data(campaign=self.get_object(), batch=batch, form=form, previews=previews,
                                        no_recipient=sum(1 for item in items if not item.recipients.all()),
                                        waiting=batch.status == OutboxStatus.DRAFT, **kwargs)

    def post(self, request, *args, **kwargs):
        batch = self.get_batch()
        form = BatchForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        action = request.POST.get("action", "save")
        try:
            if action in ("save", "release"):
                outbox.edit_batch(batch, subject=form.cleaned_data["subject"], body=form.cleaned_data["body"],
                                  by=request.user)
            if action == "release":
                outbox.release_batch(batch, by=request.user)
                messages.success(request, f"Đã gửi {batch.items.count()} thư nhắc.")
                return redirect("dossiers:campaign_progress", pk=self.get_object().pk)
            if action == "discard":
                outbox.discard_batch(batch, by=request.user)
                messages.info(request, "Đã hủy đợt gửi; không thư nào được gửi.")
                return redirect("dossiers:campaign_progress", pk=self.get_object().pk)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("dossiers:outbox_batch", pk=self.get_object().pk, batch=batch.pk)
        messages.success(request, "Đã lưu nội dung; xem lại các thư bên dưới.")
        return redirect("dossiers:outbox_batch", pk=self.get_object().pk, batch=batch.pk)
