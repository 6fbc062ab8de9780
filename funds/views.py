"""Pages of the Quỹ thi đua, khen thưởng: the year's book of a body, its lines, its Excel."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views import View
from django.views.generic import FormView, TemplateView

from core.concurrency import SaveUnchangedMixin
from core.views import PermissionMixin
from core.xlsx import AMOUNT, DATE, list_workbook, xlsx_response
from dossiers.models import Decision
from orgs.models import Organisation

from . import services
from .documents import bodies_for
from .enums import Direction
from .forms import FundEntryForm, OpeningBalanceForm
from .models import FundEntry, FundYear

DIRECTION_SLUGS = {"thu": Direction.RECEIPT, "chi": Direction.SPENDING}


def _year(value):
    today = timezone.localdate().year
    try:
        year = int(value)
    except (TypeError, ValueError):
        return today
    return year if 2000 <= year <= today + 1 else today


def visible_bodies(user):
    """The organisations the user may know of (any role): outside them a body is a 404; inside them, a user without
    the fund's role gets 403 (the rules)."""
    return bodies_for(user, roles=None)


def _body(user, pk):
    return get_object_or_404(visible_bodies(user), pk=pk)


def fund_url(organisation, year):
    from django.urls import reverse

    return f"{reverse('funds:fund')}?co_quan={organisation.pk}&nam={year}"


def body_choices(user):
    """The bodies offered in the chooser: those the user works for (their memberships with a reader role and the
    bodies their standing office serves), and any body in scope that keeps a fund or signs decisions."""
    from django.db.models import Q

    from orgs import scope

    from .rules import READERS

    own = set(scope.membership_org_ids(user, READERS)) | set(scope.acting_for(user, READERS))
    active = Q(fund_years__isnull=False) | Q(decisions__kind=Decision.OWN)
    queryset = bodies_for(user).filter(Q(pk__in=own) | active) if not user.is_superuser else \
        Organisation.objects.filter(Q(parent__isnull=True) | active)
    return list(queryset.distinct().order_by("path"))


class FundView(PermissionMixin, TemplateView):
    permission_required = "funds.view_funds"
    template_name = "funds/fund.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        bodies = body_choices(user)
        chosen = self.request.GET.get("co_quan")
        if chosen:
            if not str(chosen).isdigit():
                raise Http404
            body = _body(user, chosen)
            if not user.has_perm("funds.view_fund", body):
                raise PermissionDenied
        else:  # the body whose book is kept here, else one that signs decisions, else the first
            keeping = set(FundYear.objects.filter(organisation__in=bodies).values_list("organisation", flat=True))
            body = next((b for b in bodies if b.pk in keeping), bodies[0] if bodies else None)
        year = _year(self.request.GET.get("nam"))
        context = super().get_context_data(bodies=bodies, body=body, year=year, **kwargs)
        if body is not None:
            book = services.ledger(body, year)
            context.update(book=book, can_keep=user.has_perm("funds.keep_fund", body),
                           years=range(timezone.localdate().year + 1, 2019, -1),
                           opening_form=OpeningBalanceForm(initial={"amount": book.fund.opening_balance
                                                                    if book.fund else None}))
        return context


class KeeperMixin(PermissionMixin):
    """The body comes from the URL (a body the user reads; else 404) and the user must keep its book (else 403)."""

    def get_body(self):
        if not hasattr(self, "_body"):
            self._body = _body(self.request.user, self.kwargs["body"])
        return self._body

    def get_permission_object(self):
        return self.get_body()

    permission_required = "funds.keep_fund"


class EntryCreateView(KeeperMixin, FormView):
    template_name = "funds/entry_form.html"
    form_class = FundEntryForm

    def dispatch(self, request, *args, **kwargs):
        if kwargs["direction"] not in DIRECTION_SLUGS:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    @property
    def direction(self):
        return DIRECTION_SLUGS[self.kwargs["direction"]]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "direction": self.direction}

    def get_initial(self):
        return {"date": timezone.localdate()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(body=self.get_body(), direction=self.direction,
                                        year=_year(self.request.GET.get("nam")), **kwargs)

    def form_valid(self, form):
        try:
            entry = services.save_entry(form.instance, self.get_body(), by=self.request.user)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Đã ghi khoản {entry.get_direction_display().lower()} "
                                       f"{entry.amount:,} đồng.".replace(",", "."))
        return redirect(fund_url(self.get_body(), entry.date.year))


class EntryMixin(PermissionMixin):
    """A line of a fund the user reads (else 404), which they must keep (else 403)."""

    permission_required = "funds.keep_fund"

    def get_entry(self):
        if not hasattr(self, "_entry"):
            self._entry = get_object_or_404(
                FundEntry.objects.select_related("fund__organisation")
                .filter(fund__organisation__in=visible_bodies(self.request.user)), pk=self.kwargs["pk"])
        return self._entry

    def get_permission_object(self):
        return self.get_entry().fund.organisation


class EntryUpdateView(EntryMixin, SaveUnchangedMixin, FormView):
    template_name = "funds/entry_form.html"
    form_class = FundEntryForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_entry(), "direction": self.get_entry().direction}

    def get_context_data(self, **kwargs):
        entry = self.get_entry()
        return super().get_context_data(body=entry.fund.organisation, direction=entry.direction, entry=entry,
                                        year=entry.fund.year, **kwargs)

    def form_valid(self, form):
        entry = self.get_entry()
        try:
            services.save_entry(form.instance, entry.fund.organisation, by=self.request.user)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, "Đã sửa khoản ghi sổ quỹ.")
        return redirect(fund_url(entry.fund.organisation, form.instance.date.year))


class EntryDeleteView(EntryMixin, TemplateView):
    template_name = "funds/entry_delete.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(entry=self.get_entry(), **kwargs)

    def post(self, request, pk):
        entry = self.get_entry()
        body, year = entry.fund.organisation, entry.fund.year
        services.delete_entry(entry, by=request.user)
        messages.success(request, "Đã xóa khoản ghi sổ quỹ.")
        return redirect(fund_url(body, year))


class OpeningBalanceView(KeeperMixin, View):
    def post(self, request, body, year):
        form = OpeningBalanceForm(request.POST)
        organisation = self.get_body()
        if not form.is_valid():
            messages.error(request, " ".join(form.errors.get("amount", ["Số dư không hợp lệ."])))
            return redirect(fund_url(organisation, year))
        services.set_opening_balance(organisation, _year(year), form.cleaned_data["amount"], by=request.user)
        messages.success(request, f"Đã lưu số dư đầu năm {year}.")
        return redirect(fund_url(organisation, year))


class FundExportView(PermissionMixin, View):
    """The year's book as one Excel sheet: opening, receipts, each decision's bonuses, other spending, closing."""

    permission_required = "funds.view_funds"
    columns = [("STT", 6), ("Ngày", 14, DATE), ("Số chứng từ / quyết định", 22), ("Nội dung", 44),
               ("Diễn giải", 50), ("Thu (đồng)", 18, AMOUNT), ("Chi (đồng)", 18, AMOUNT)]

    def get(self, request, body, year):
        organisation = _body(request.user, body)
        if not request.user.has_perm("funds.view_fund", organisation):
            raise PermissionDenied
        book = services.ledger(organisation, _year(year))
        rows = [["", None, "", "Số dư đầu năm", "", book.opening, None]]
        number = 0
        for entry in book.receipts:
            number += 1
            rows.append([number, entry.date, entry.voucher, entry.get_category_display(), entry.description,
                         entry.amount, None])
        for line in book.decisions:
            number += 1
            rows.append([number, line.decision.date, line.decision.reference, "Tiền thưởng theo quyết định",
                         f"{line.decision.title} ({line.awardees} người, tập thể)", None, line.total])
        for entry in book.other_spending:
            number += 1
            rows.append([number, entry.date, entry.voucher, entry.get_category_display(), entry.description,
                         None, entry.amount])
        rows.append(["", None, "", "Cộng phát sinh trong năm", "", book.total_receipts, book.total_spending])
        rows.append(["", None, "", "Số dư cuối năm", "", book.closing, None])
        data, _count = list_workbook(f"Quỹ TĐKT năm {book.year}", self.columns, rows)
        return xlsx_response(data, f"Quỹ thi đua, khen thưởng năm {book.year} {organisation.name}.xlsx")

