"""Pages of registrations (đăng ký thi đua): the unit's form, the issuer's consolidated table, one
registration with the reviewer's actions (trả lại, tiếp nhận)."""
from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from awards.models import AwardForm
from core.concurrency import StaleEdit, unchanged
from core.pagination import lazy_page
from core.views import ScopedObjectMixin
from orgs import scope
from orgs.enums import Role

from ..enums import REGISTRATION_BADGES, RegistrationStatus
from ..forms import RegistrationEntryFormSet, RegistrationNoteForm, ReturnForm
from ..models import Campaign, Registration, RegistrationEntry
from ..rules import participating_clerk_units
from ..services import registrations as service

NOT_REGISTERED = "chua-dang-ky"
NOT_REGISTERED_LABEL = "Chưa đăng ký"


def entries_of(registration):
    return registration.entries.select_related("person", "person__organisation", "organisation", "award_form")


def edit_url(registration_or_campaign, unit=None, several=True):
    campaign = getattr(registration_or_campaign, "campaign", registration_or_campaign)
    unit = unit or registration_or_campaign.organisation
    url = reverse("campaigns:registration_edit", args=[campaign.pk])
    return f"{url}?don-vi={unit.pk}" if several else url


def status_display(registration):
    """(label, badge colour) of a registration; an unsaved one is 'Chưa đăng ký'."""
    if registration is None or registration.pk is None:
        return NOT_REGISTERED_LABEL, "light"
    return registration.get_status_display(), REGISTRATION_BADGES[registration.status]


class RegistrationEditView(ScopedObjectMixin, TemplateView):
    """The clerk's page: the entries and note of their unit's registration, save and submit.

    A campaign the user cannot see is a 404; visible without the right to register (not a clerk
    of a participating unit, or the campaign not launched) is a 403.
    """

    model = Campaign
    permission_required = "campaigns.register"
    template_name = "campaigns/registration_edit.html"

    def get_scoped_queryset(self):
        return Campaign.objects.for_user(self.request.user).select_related("issuer")

    def get_units(self):
        if not hasattr(self, "_units"):
            self._units = participating_clerk_units(self.request.user, self.get_object())
        return self._units

    def get_unit(self):
        units = self.get_units()
        wanted = self.request.GET.get("don-vi")
        if not wanted:
            return units[0]
        for unit in units:
            if str(unit.pk) == wanted:
                return unit
        raise Http404

    def get_registration(self, unit):
        campaign = self.get_object()
        registration = Registration.objects.filter(campaign=campaign, organisation=unit).first()
        if registration is None:  # shown empty; the row is created by the first "Lưu"
            registration = Registration(campaign=campaign, organisation=unit)
        registration.campaign = campaign
        registration.organisation = unit
        return registration

    def build(self, registration, data=None):
        formset = RegistrationEntryFormSet(data, instance=registration, prefix="entries", user=self.request.user,
                                           queryset=RegistrationEntry.objects.select_related("award_form"))
        note_form = RegistrationNoteForm(data, instance=registration, prefix="reg")
        return formset, note_form

    def url_for(self, unit):
        return edit_url(self.get_object(), unit, several=len(self.get_units()) > 1)

    def get_context_data(self, **kwargs):
        campaign, unit = self.get_object(), self.get_unit()
        registration = kwargs.pop("registration", None) or self.get_registration(unit)
        editable = registration.status in service.EDITABLE
        if editable and "formset" not in kwargs:
            kwargs["formset"], kwargs["note_form"] = self.build(registration)
        label, badge = status_display(registration)
        return super().get_context_data(
            campaign=campaign, unit=unit, units=self.get_units(), registration=registration,
            editable=editable, status_label=label, status_badge=badge, form_action=self.url_for(unit),
            entries=entries_of(registration) if registration.pk and not editable else [], **kwargs)

    def post(self, request, *args, **kwargs):
        campaign, unit = self.get_object(), self.get_unit()
        registration = self.get_registration(unit)
        if registration.status not in service.EDITABLE:
            messages.error(request, f"Đăng ký đang ở trạng thái “{registration.get_status_display().lower()}”: "
                                    "không thể sửa.")
            return redirect(self.url_for(unit))
        formset, note_form = self.build(registration, request.POST)
        if formset.is_valid() & note_form.is_valid():
            try:  # refused, with what was typed, when a colleague saved it since the page was opened
                with unchanged(formset):
                    registration = service.start_registration(campaign, unit, by=request.user)
                    service.save_entries(registration, formset, note_form.cleaned_data["note"], by=request.user)
            except StaleEdit:
                pass
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect(self.url_for(unit))
            else:
                messages.success(request, f"Đã lưu đăng ký thi đua của {unit.name}.")
                return redirect(self.url_for(unit))
        context = self.get_context_data(registration=registration, formset=formset, note_form=note_form)
        return self.render_to_response(context, status=400)


class RegistrationMixin(ScopedObjectMixin):
    """One registration, fetched through Registration.objects.for_user() (outside scope: 404); the permission
    is checked on its campaign."""

    model = Registration

    def get_scoped_queryset(self):
        return Registration.objects.for_user(self.request.user).select_related(
            "campaign", "campaign__issuer", "organisation")

    def get_permission_object(self):
        return self.get_object().campaign


class RegistrationDetailView(RegistrationMixin, TemplateView):
    """One registration: its entries; for the reviewer, the forms to return or accept it."""

    permission_required = "campaigns.view_campaign"
    template_name = "campaigns/registration_detail.html"

    def get_context_data(self, **kwargs):
        user, registration = self.request.user, self.get_object()
        campaign = registration.campaign
        entries = list(entries_of(registration))
        totals = defaultdict(int)
        for entry in entries:
            totals[entry.award_form] += 1
        can_review = user.has_perm("campaigns.review_campaign", campaign)
        is_clerk = scope.covers(user, registration.organisation, [Role.CLERK])
        can_edit = (registration.status in service.EDITABLE and is_clerk
                    and user.has_perm("campaigns.register", campaign))
        submitted = registration.status == RegistrationStatus.SUBMITTED
        if can_review and submitted:
            kwargs.setdefault("return_form", ReturnForm())
        label, badge = status_display(registration)
        return super().get_context_data(
            registration=registration, campaign=campaign, entries=entries, totals=sorted(
                totals.items(), key=lambda item: (item[0].category != "title", item[0].order, item[0].name)),
            status_label=label, status_badge=badge, can_review=can_review and submitted,
            can_edit=can_edit, edit_url=edit_url(registration) if can_edit else "", **kwargs)


class UnitClerkRequired:
    """After the campaign permission: the registration's unit must be under the user's clerk role
    (a clerk who also sees other units' registrations as issuer staff may not send theirs)."""

    def dispatch(self, request, *args, **kwargs):
        if not scope.covers(request.user, self.get_object().organisation, [Role.CLERK]):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class RegistrationSubmitView(RegistrationMixin, UnitClerkRequired, View):
    """POST: gửi đăng ký (draft or returned → submitted)."""

    permission_required = "campaigns.register"

    def post(self, request, pk):
        registration = self.get_object()
        try:
            service.submit_registration(registration, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Đã gửi đăng ký thi đua của {registration.organisation.name} đến "
                                      f"{registration.campaign.issuer.name}.")
        several = len(participating_clerk_units(request.user, registration.campaign)) > 1
        return redirect(edit_url(registration, several=several))


class RegistrationReturnView(RegistrationDetailView):
    """POST: trả lại để sửa, with a reason (submitted → returned)."""

    permission_required = "campaigns.review_campaign"
    http_method_names = ["post", "options"]

    def post(self, request, pk):
        registration = self.get_object()
        form = ReturnForm(request.POST)
        if form.is_valid():
            try:
                service.return_registration(registration, form.cleaned_data["reason"], by=request.user)
            except ValidationError as error:
                if not hasattr(error, "error_dict"):  # the state moved on (e.g. accepted meanwhile)
                    messages.error(request, " ".join(error.messages))
                    return redirect(registration)
                form.add_error(None, error)  # about the reason: shown next to it
            else:
                messages.success(request, f"Đã trả lại đăng ký của {registration.organisation.name} để sửa.")
                return redirect(registration)
        return self.render_to_response(self.get_context_data(return_form=form), status=400)


class RegistrationAcceptView(RegistrationMixin, View):
    """POST: tiếp nhận (submitted → accepted)."""

    permission_required = "campaigns.review_campaign"

    def post(self, request, pk):
        registration = self.get_object()
        try:
            service.accept_registration(registration, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Đã tiếp nhận đăng ký của {registration.organisation.name}.")
        return redirect(registration)


class RegistrationListView(ScopedObjectMixin, TemplateView):
    """Tổng hợp đăng ký: every participating unit with its registration's status and, per award
    form, how many it registered (rows: units, columns: award forms), with totals.

    A constant number of queries whatever the number of units and entries: the status comes from a
    subquery per row of one SELECT, the counts from one GROUP BY. Drafts show their status only:
    their content stays the unit's until sent.
    """

    model = Campaign
    permission_required = "campaigns.review_campaign"
    template_name = "campaigns/registration_list.html"
    per_page = 100

    def get_scoped_queryset(self):
        return Campaign.objects.for_user(self.request.user).select_related("issuer")

    def get_context_data(self, **kwargs):
        campaign = self.get_object()
        wanted = self.request.GET.get("trang-thai", "")
        if wanted not in RegistrationStatus.values and wanted != NOT_REGISTERED:
            wanted = ""

        units = campaign.participating_units()
        unit_ids = units.values("pk")
        registration = Registration.objects.filter(campaign=campaign, organisation=OuterRef("pk"))
        rows_qs = units.annotate(
            registration_id=Subquery(registration.values("pk")[:1]),
            registration_status=Subquery(registration.values("status")[:1]),
            registration_submitted_at=Subquery(registration.values("submitted_at")[:1]),
        ).order_by("path")
        entries = service.sent_entries(campaign)
        if wanted == NOT_REGISTERED:
            rows_qs = rows_qs.filter(registration_status__isnull=True)
            entries = entries.none()
        elif wanted:
            rows_qs = rows_qs.filter(registration_status=wanted)
            entries = entries.filter(registration__status=wanted)

        page = lazy_page(rows_qs, self.request.GET.get("trang"), per_page=self.per_page)
        counts = defaultdict(dict)
        for org_id, form_id, n in entries.values_list(
                "registration__organisation_id", "award_form_id").annotate(n=Count("pk")).order_by():
            counts[org_id][form_id] = n
        used = {form_id for per_unit in counts.values() for form_id in per_unit}
        columns = list(AwardForm.objects.filter(Q(campaign_offers__campaign=campaign) | Q(pk__in=used))
                       .distinct().order_by("-category", "order", "name"))

        column_totals = [sum(per_unit.get(form.pk, 0) for per_unit in counts.values()) for form in columns]
        rows = []
        for unit in page.items:
            status = unit.registration_status
            per_unit = counts.get(unit.pk, {})
            rows.append({
                "unit": unit,
                "registration_id": unit.registration_id if status and status != RegistrationStatus.DRAFT else None,
                "status_label": RegistrationStatus(status).label if status else NOT_REGISTERED_LABEL,
                "status_badge": REGISTRATION_BADGES[status] if status else "light",
                "submitted_at": unit.registration_submitted_at,
                "cells": [per_unit.get(form.pk, 0) for form in columns],
                "total": sum(per_unit.values()),
            })

        by_status = dict(Registration.objects.filter(campaign=campaign, organisation__in=unit_ids)
                         .values_list("status").annotate(n=Count("pk")).order_by())
        total_units = units.count()
        summary = [(NOT_REGISTERED, NOT_REGISTERED_LABEL, "light", total_units - sum(by_status.values()))] + [
            (value, label, REGISTRATION_BADGES[value], by_status.get(value, 0))
            for value, label in RegistrationStatus.choices]
        return super().get_context_data(
            campaign=campaign, rows=rows, page=page, columns=columns, column_totals=column_totals,
            grand_total=sum(column_totals), summary=summary, total_units=total_units, wanted=wanted,
            filter_choices=[("", "Tất cả")] + [(value, label) for value, label, _, _ in summary], **kwargs)
