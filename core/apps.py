from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Dùng chung"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from core.middleware import IdleTimeoutMiddleware

        user_logged_in.connect(IdleTimeoutMiddleware.signed_in, dispatch_uid="core.idle_timeout")
