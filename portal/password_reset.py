"""Self-service password reset by e-mail (issue 16, ASVS 2.5): Django's views, in Vietnamese.

The page and the answer are the same whether or not the e-mail belongs to an account (ASVS 2.5.x: nothing
reveals which accounts exist); the e-mail's link is built on SITE_URL and works once (Django's token is
made of the password hash and the last login); the new password goes through the password policy; the requests
from one address are limited (core.throttle.reset_request_allowed) so the form cannot flood mailboxes.
"""
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.urls import reverse_lazy

from core.throttle import reset_request_allowed


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")

    @property
    def extra_email_context(self):
        return {"SITE_URL": settings.SITE_URL, "PORTAL_NAME": settings.PORTAL_NAME,
                "valid_hours": settings.PASSWORD_RESET_TIMEOUT // 3600}

    def form_valid(self, form):
        if not reset_request_allowed(self.request):
            minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
            return render(self.request, "registration/password_reset_throttled.html", {"minutes": minutes},
                          status=429)
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("password_reset_complete")
