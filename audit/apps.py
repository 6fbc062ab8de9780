from django.apps import AppConfig


class AuditConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "audit"
    verbose_name = "Nhật ký hệ thống"

    def ready(self):
        from auditlog.signals import post_log
        from axes.signals import user_locked_out
        from django.contrib.auth import get_user_model
        from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
        from django.db.models.signals import post_save, pre_save

        from core import security_events
        from orgs.models import Membership, Organisation

        from . import enums
        from .registry import watch
        from .services import recording

        User = get_user_model()
        user_logged_in.connect(recording.on_logged_in, dispatch_uid="audit.login")
        user_logged_out.connect(recording.on_logged_out, dispatch_uid="audit.logout")
        user_login_failed.connect(recording.on_login_failed, dispatch_uid="audit.login_failed")
        user_locked_out.connect(recording.on_locked_out, dispatch_uid="audit.locked_out")
        pre_save.connect(recording.before_user_saved, sender=User, dispatch_uid="audit.password")
        post_save.connect(recording.after_user_saved, sender=User, dispatch_uid="audit.password")
        post_log.connect(recording.on_auditlog_entry, dispatch_uid="audit.copy")
        if recording.record_security_event not in security_events.RECORDERS:
            security_events.RECORDERS.append(recording.record_security_event)

        # the accounts, roles and units (orgs registers them with auditlog: orgs/audit.py)
        watch(User, province=recording.user_province)
        watch(Membership, unit="organisation",
              kinds={0: enums.ROLE_GRANTED, 1: enums.ROLE_CHANGED, 2: enums.ROLE_REVOKED})
        watch(Organisation)
