from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "orgs"
    verbose_name = "Tổ chức và con người"

    def ready(self):
        from core.imports import register

        from . import audit  # noqa: F401  (registers models with django-auditlog)
        from .services.people_import import PEOPLE

        register(PEOPLE)  # the worker reads long files of people (core.imports)
        from django.contrib.auth.signals import user_logged_in

        from .services import second_factor

        # what a new session owes (a code, an enrolment), decided at sign-in: the pages then read it from the session
        user_logged_in.connect(second_factor.on_login, dispatch_uid="second_factor_on_login")
