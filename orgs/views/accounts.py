"""Pages for user accounts and their roles."""
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.shortcuts import redirect
from django.views import View
from django.views.generic import FormView, TemplateView

from core.concurrency import SaveUnchangedMixin
from core.pagination import lazy_page
from core.text import search_key
from core.views import PermissionMixin, ScopedObjectMixin
from documents.once import SubmitOnceMixin

from .. import scope
from ..enums import Role
from ..forms import AccountCreateForm, AccountUpdateForm, MembershipForm, SetPasswordForm
from ..models import Membership, subtree_q
from ..scope import scope_paths
from ..services import accounts


def accounts_for(user):
    """Accounts an admin sees: those with a role or a linked person inside the admin's scope."""
    User = get_user_model()
    qs = User.objects.all()
    if not user.is_superuser:
        paths = scope_paths(user, [Role.ADMIN])
        qs = qs.filter(subtree_q(paths, "memberships__organisation__path")
                       | subtree_q(paths, "person__organisation__path")).distinct()
    return qs


class AccountListView(PermissionMixin, TemplateView):
    permission_required = "orgs.manage_users"
    template_name = "orgs/account_list.html"

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "").strip()
        role = self.request.GET.get("vai-tro", "")
        qs = accounts_for(self.request.user)
        if query:
            token = search_key(query)
            qs = qs.filter(Q(username__icontains=query) | Q(person__search_text__contains=token)
                           | Q(first_name__icontains=query) | Q(last_name__icontains=query))
        if role in Role.values:
            qs = qs.filter(memberships__role=role).distinct()
        qs = qs.select_related("person__organisation").prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.select_related("organisation")))
        page = lazy_page(qs.order_by("username"), self.request.GET.get("trang"))
        return super().get_context_data(page=page, query=query, role=role, roles=Role.choices, **kwargs)


class AdminOnlyMixin:
    """Account pages are for admins: anyone else gets 403 before any object is looked up."""

    def get_object(self, queryset=None):
        if not self.request.user.has_perm("orgs.manage_users"):
            raise PermissionDenied
        return super().get_object(queryset)


class AccountScopedMixin(AdminOnlyMixin, ScopedObjectMixin):
    model = get_user_model()

    def get_scoped_queryset(self):
        return accounts_for(self.request.user)


class AccountCreateView(SubmitOnceMixin, PermissionMixin, FormView):
    permission_required = "orgs.manage_users"
    form_class = AccountCreateForm
    template_name = "orgs/account_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        account = form.save()
        messages.success(self.request, f"Đã tạo tài khoản “{account.username}”.")
        return redirect("orgs:account_detail", pk=account.pk)


class AccountDetailView(AccountScopedMixin, TemplateView):
    permission_required = "orgs.manage_users"
    template_name = "orgs/account_detail.html"

    def get_context_data(self, **kwargs):
        account = self.get_object()
        memberships = account.memberships.select_related("organisation").order_by("organisation__path")
        if not self.request.user.is_superuser:  # roles held in another province are not this admin's to see
            memberships = memberships.filter(scope.covered_q(self.request.user, [Role.ADMIN], "organisation__path"))
        form = kwargs.pop("membership_form", None) or MembershipForm(user=self.request.user, account=account)
        return super().get_context_data(
            account=account, memberships=memberships, membership_form=form,
            person=getattr(account, "person", None),
            can_change=self.request.user.has_perm("orgs.change_user", account), **kwargs)


class AccountUpdateView(SaveUnchangedMixin, AccountScopedMixin, FormView):
    """Refused, with what was typed, when someone saved the account since the page was opened (core.concurrency)."""

    permission_required = "orgs.change_user"
    template_name = "orgs/account_form.html"
    form_class = AccountUpdateForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user, "account": self.get_object()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(account=self.get_object(), **kwargs)

    def form_valid(self, form):
        account = form.save()
        messages.success(self.request, f"Đã lưu tài khoản “{account.username}”.")
        return redirect("orgs:account_detail", pk=account.pk)


class AccountPasswordView(AccountUpdateView):
    template_name = "orgs/account_password.html"
    form_class = SetPasswordForm

    def form_valid(self, form):
        form.save()
        messages.success(self.request, f"Đã đặt mật khẩu mới cho “{self.get_object().username}”.")
        return redirect("orgs:account_detail", pk=self.get_object().pk)


class MembershipCreateView(SubmitOnceMixin, AccountScopedMixin, View):
    """POST: give the account a role in an organisation."""

    permission_required = "orgs.change_user"

    def post(self, request, pk):
        account = self.get_object()
        form = MembershipForm(request.POST, user=request.user, account=account)
        if form.is_valid() and form.save() is not None:
            messages.success(request, "Đã cấp vai trò.")
            return redirect("orgs:account_detail", pk=account.pk)
        view = AccountDetailView(request=request, kwargs={"pk": pk}, args=())
        view._object = account
        return view.render_to_response(view.get_context_data(membership_form=form), status=400)


class MembershipDeleteView(AdminOnlyMixin, ScopedObjectMixin, View):
    """POST: take one role away from an account."""

    permission_required = "orgs.grant_role"
    model = Membership

    def get_permission_object(self):
        return self.get_object().organisation

    def post(self, request, pk):
        membership = self.get_object()
        if membership.user_id == request.user.pk and membership.role == Role.ADMIN \
                and not request.user.is_superuser:
            messages.error(request, "Không thể tự gỡ quyền quản trị của chính mình.")
        else:
            accounts.revoke_role(membership, by=request.user)
            messages.success(request, "Đã gỡ vai trò.")
        return redirect("orgs:account_detail", pk=membership.user_id)
