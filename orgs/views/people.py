"""Pages about people: list with accent-free search, detail, add, edit."""
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView, FormView, TemplateView, UpdateView

from core.concurrency import SaveUnchangedMixin
from core.pagination import lazy_page
from core.text import filter_by_search
from core.views import PermissionMixin, ScopedObjectMixin
from documents.once import SubmitOnceMixin

from ..forms import PersonFilterForm, PersonForm
from ..models import Organisation, Person
from ..search import under_units


class PersonListView(PermissionMixin, TemplateView):
    template_name = "orgs/person_list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        form = PersonFilterForm(self.request.GET or None, user=user)
        qs = Person.objects.for_user(user).select_related("organisation")
        unit = None
        if form.is_valid():
            data = form.cleaned_data
            # ordered by the search_text b-tree: forcing the trigram index instead (an order the b-tree
            # cannot serve) made rare names 2–3× faster but short, frequent ones ("ng", "nguyen t", typed
            # live) up to 90 ms slower: docs/performance.md §2.5
            qs = filter_by_search(qs, data["q"])
            if data["don_vi"] is not None:
                qs = qs.filter(under_units(data["don_vi"]))
                unit = data["don_vi"][0] if len(data["don_vi"]) == 1 else None
            if data["doi_tuong"]:
                qs = qs.filter(category=data["doi_tuong"])
            if data["trang_thai"] == "nghi":
                qs = qs.filter(is_active=False)
            elif data["trang_thai"] != "tat-ca":
                qs = qs.filter(is_active=True)
        else:
            qs = qs.filter(is_active=True)
        page = lazy_page(qs.order_by("search_text", "pk"), self.request.GET.get("trang"))
        return super().get_context_data(form=form, page=page, unit=unit, can_add=user.has_perm("orgs.add_person"),
                                        can_import=user.has_perm("orgs.import_people"), **kwargs)

    def get_template_names(self):
        if self.request.htmx:
            return ["orgs/_person_rows.html"]
        return [self.template_name]


class PersonDetailView(ScopedObjectMixin, DetailView):
    permission_required = "orgs.view_person"
    model = Person
    template_name = "orgs/person_detail.html"
    context_object_name = "person"

    def get_scoped_queryset(self):
        return super().get_scoped_queryset().select_related("organisation", "user")


class PersonCreateView(SubmitOnceMixin, PermissionMixin, FormView):
    permission_required = "orgs.add_person"
    form_class = PersonForm
    template_name = "orgs/person_form.html"

    def get_form_kwargs(self):
        kwargs = {**super().get_form_kwargs(), "user": self.request.user}
        unit_id = self.request.GET.get("don-vi")
        if unit_id and unit_id.isdigit():
            unit = get_object_or_404(Organisation.objects.for_user(self.request.user), pk=unit_id)
            kwargs.setdefault("initial", {})["organisation"] = unit
        return kwargs

    def form_valid(self, form):
        person = form.save()
        messages.success(self.request, f"Đã thêm cán bộ “{person.full_name}”.")
        if "luu-va-them" in self.request.POST:
            return redirect(f"{self.request.path}?don-vi={person.organisation_id}")
        return redirect(person)


class PersonUpdateView(SaveUnchangedMixin, ScopedObjectMixin, UpdateView):
    """Refused, with what was typed, when someone saved the person since the page was opened (core.concurrency)."""

    permission_required = "orgs.change_person"
    model = Person
    form_class = PersonForm
    template_name = "orgs/person_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        person = form.save()
        messages.success(self.request, f"Đã lưu thông tin cán bộ “{person.full_name}”.")
        return redirect(person)
