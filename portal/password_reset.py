"""Self-service password reset by e-mail (issue 16, ASVS 2.5): Django's views, in Vietnamese.

The page and the answer are the same whether or not the e-mail belongs to an account, and so is the time to
answer: the e-mail is rendered and sent by the worker (core.tasks.send_password_reset), the request only
queues it. The e-mail's link is built on SITE_URL and works once (Django's token is made of the password hash
and the last login); the new password goes through the password policy; the requests from one address are
limited (core.throttle.reset_request_allowed) so the form cannot flood mailboxes.
"""
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.urls import reverse_lazy

from core.queue import publish
from core.security_events import record_security_event
from core.tasks import send_password_reset
from core.throttle import reset_request_allowed


class PasswordResetForm(auth_forms.PasswordResetForm):
    def save(self, request=None, **kwargs):
        """Queues the e-mail of each active account with this address (none: nothing, in the same time) and
        records the request in the account's audit trail. A broker that is down loses the e-mail, logged, and
        says nothing to the visitor, who may ask again."""
        for user in self.get_users(self.cleaned_data["email"]):
            record_security_event(request, user, "password_reset_requested")
            publish(send_password_reset, user.pk)  # nothing to wait for: the request writes no row it reads


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    template_name = "registration/password_reset_form.html"
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form):
        if not reset_request_allowed(self.request):
            minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
            return render(self.request, "registration/password_reset_throttled.html", {"minutes": minutes},
                          status=429)
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("password_reset_complete")
