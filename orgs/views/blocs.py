"""Pages for emulation blocs (khối, cụm thi đua)."""
from django.contrib import messages
from django.db.models import Count
from django.shortcuts import redirect
from django.views.generic import CreateView, DetailView, TemplateView, UpdateView

from core.concurrency import SaveUnchangedMixin
from core.views import PermissionMixin, ScopedObjectMixin
from documents.once import SubmitOnceMixin

from ..forms import BlocForm
from ..models import EmulationBloc


class BlocListView(PermissionMixin, TemplateView):
    permission_required = "orgs.configure"
    template_name = "orgs/bloc_list.html"

    def get_context_data(self, **kwargs):
        blocs = EmulationBloc.objects.for_user(self.request.user).select_related(
            "organiser", "leader").annotate(member_count=Count("members"))
        return super().get_context_data(blocs=blocs, **kwargs)


class BlocDetailView(ScopedObjectMixin, DetailView):
    permission_required = "orgs.view_bloc"
    model = EmulationBloc
    template_name = "orgs/bloc_detail.html"
    context_object_name = "bloc"

    def get_context_data(self, **kwargs):
        return super().get_context_data(members=self.object.members.order_by("name"), **kwargs)


class BlocFormMixin:
    model = EmulationBloc
    form_class = BlocForm
    template_name = "orgs/bloc_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        bloc = form.save()
        messages.success(self.request, f"Đã lưu “{bloc.name}”.")
        return redirect(bloc)


class BlocCreateView(SubmitOnceMixin, PermissionMixin, BlocFormMixin, CreateView):
    permission_required = "orgs.add_bloc"


class BlocUpdateView(SaveUnchangedMixin, ScopedObjectMixin, BlocFormMixin, UpdateView):
    permission_required = "orgs.change_bloc"
