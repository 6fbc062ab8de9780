from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from . import imports


@shared_task(bind=True, max_retries=2)
def run_import(self, job_id):
    """Read one Excel import (core.imports.run_job); a failure retries, then stays visible on its page."""
    final = self.request.is_eager or self.request.retries >= self.max_retries
    try:
        imports.run_job(job_id, final=final)
    except Exception as exc:
        if final:
            return None  # recorded on the job; its page says so
        raise self.retry(exc=exc, countdown=10 * 2 ** self.request.retries)
    return job_id


@shared_task
def send_password_reset(user_id):
    """The password reset e-mail of one account (portal/password_reset.py), rendered and sent by the worker: the
    answer to "Quên mật khẩu?" then takes the same time whether or not the e-mail belongs to an account. Run twice,
    it sends two links, each valid once; an account gone or deactivated meanwhile gets nothing."""
    user = get_user_model()._default_manager.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email or not user.has_usable_password():
        return
    context = {"email": user.email, "user": user, "uid": urlsafe_base64_encode(force_bytes(user.pk)),
               "token": default_token_generator.make_token(user), "SITE_URL": settings.SITE_URL,
               "PORTAL_NAME": settings.PORTAL_NAME, "valid_hours": settings.PASSWORD_RESET_TIMEOUT // 3600}
    PasswordResetForm().send_mail("registration/password_reset_subject.txt", "registration/password_reset_email.txt",
                                  context, None, user.email)
