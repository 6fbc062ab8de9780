"""Pages of the organisation tree."""
from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.generic import FormView, TemplateView, UpdateView

from core.concurrency import SaveUnchangedMixin
from core.text import filter_by_search
from core.views import PermissionMixin, ScopedObjectMixin
from documents.once import SubmitOnceMixin

from ..forms import DissolveForm, OrganisationForm, ProvinceForm
from ..models import EmulationBloc, Organisation


def ordered_tree(organisations):
    """Depth-first order with siblings by (order, name), for an indented tree."""
    by_parent = {}
    ids = {org.pk for org in organisations}
    for org in organisations:
        key = org.parent_id if org.parent_id in ids else None
        by_parent.setdefault(key, []).append(org)
    ordered = []

    def walk(parent_id, level):
        for org in sorted(by_parent.get(parent_id, []), key=lambda o: (o.order, o.name)):
            org.level = level
            ordered.append(org)
            walk(org.pk, level + 1)

    walk(None, 0)
    return ordered


class OrganisationTreeView(PermissionMixin, TemplateView):
    """Cây tổ chức: current units, dissolved ones on request with their successor."""

    permission_required = "orgs.configure"
    template_name = "orgs/organisation_tree.html"

    def get_context_data(self, **kwargs):
        show_dissolved = self.request.GET.get("da-giai-the") == "1"
        query = self.request.GET.get("q", "").strip()
        qs = Organisation.objects.for_user(self.request.user).select_related("successor").annotate(
            people_count=Count("people", filter=Q(people__is_active=True)))
        if not show_dissolved:
            qs = qs.current()
        if query:
            qs = filter_by_search(qs, query)
        organisations = list(qs)
        return super().get_context_data(
            organisations=ordered_tree(organisations), show_dissolved=show_dissolved, query=query,
            today=timezone.localdate(), **kwargs)


class OrganisationDetailView(ScopedObjectMixin, TemplateView):
    permission_required = "orgs.view_organisation"
    model = Organisation
    template_name = "orgs/organisation_detail.html"

    def get_scoped_queryset(self):
        return super().get_scoped_queryset().select_related("parent", "successor")

    def get_context_data(self, **kwargs):
        org = self.get_object()
        children = list(org.children.select_related("successor").annotate(
            people_count=Count("people", filter=Q(people__is_active=True))).order_by("order", "name"))
        people = org.people.filter(is_active=True).order_by("full_name")
        ancestors = org.ancestors()
        for ancestor in ancestors:  # units above one's scope are named, not linked
            ancestor.visible = self.request.user.has_perm("orgs.view_organisation", ancestor)
        return super().get_context_data(
            org=org, ancestors=ancestors, parent=ancestors[-1] if ancestors else None, children=children,
            people=people[:200], people_total=people.count(),
            predecessors=org.predecessors.order_by("name"), successor_chain=org.successor_chain(),
            blocs=self.blocs(org), **kwargs)

    def blocs(self, org):
        """The active blocs the unit belongs to; those the user may not open (organised above their scope) are named,
        not linked."""
        blocs = list(org.blocs.filter(is_active=True).order_by("name"))
        visible = set(EmulationBloc.objects.for_user(self.request.user).filter(
            pk__in=[bloc.pk for bloc in blocs]).values_list("pk", flat=True))
        for bloc in blocs:
            bloc.visible = bloc.pk in visible
        return blocs


class ProvinceCreateView(SubmitOnceMixin, PermissionMixin, FormView):
    """Tạo tỉnh mới (the system administrator): the UBND tỉnh as a new root and its first admin."""

    permission_required = "orgs.add_province"
    form_class = ProvinceForm
    template_name = "orgs/province_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        province, admin = form.save()
        messages.success(self.request, f"Đã tạo {province.name} và tài khoản quản trị “{admin.username}”. Người "
                                       "quản trị tỉnh đăng nhập để thêm các cơ quan, đơn vị, cán bộ và tài khoản.")
        return redirect(province)


class OrganisationCreateView(SubmitOnceMixin, PermissionMixin, FormView):
    permission_required = "orgs.configure"
    form_class = OrganisationForm
    template_name = "orgs/organisation_form.html"

    def get_parent(self):
        parent_id = self.request.GET.get("cap-tren")
        if parent_id and parent_id.isdigit():
            return get_object_or_404(Organisation.objects.for_user(self.request.user), pk=parent_id)
        return None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        parent = self.get_parent()
        if parent is not None:
            kwargs.setdefault("initial", {}).update(parent=parent, place_name=parent.place_name)
        return kwargs

    def form_valid(self, form):
        parent = form.cleaned_data.get("parent")
        if not self.request.user.has_perm("orgs.add_organisation", parent) and not (
                parent is None and self.request.user.is_superuser):
            form.add_error("parent", "Bạn không có quyền thêm đơn vị dưới đơn vị này.")
            return self.form_invalid(form)
        org = form.save()
        messages.success(self.request, f"Đã thêm đơn vị “{org.name}”.")
        return redirect(org)


class OrganisationUpdateView(SaveUnchangedMixin, ScopedObjectMixin, UpdateView):
    """Refused, with what was typed, when someone saved the unit since the page was opened (core.concurrency)."""

    permission_required = "orgs.change_organisation"
    model = Organisation
    form_class = OrganisationForm
    template_name = "orgs/organisation_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        org = form.save()
        messages.success(self.request, f"Đã lưu đơn vị “{org.name}”.")
        return redirect(org)


class OrganisationDissolveView(ScopedObjectMixin, FormView):
    """Giải thể, sáp nhập: close a unit and name its successor."""

    permission_required = "orgs.change_organisation"
    model = Organisation
    form_class = DissolveForm
    template_name = "orgs/organisation_dissolve.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organisation": self.get_object(),
                "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(org=self.get_object(), **kwargs)

    def form_valid(self, form):
        org, moved_people, moved_children = form.save()
        messages.success(
            self.request,
            f"Đơn vị “{org.name}” ngừng hoạt động từ {org.valid_until:%d/%m/%Y}; "
            f"đã chuyển {moved_people} cán bộ và {moved_children} đơn vị trực thuộc.")
        return redirect(org)
