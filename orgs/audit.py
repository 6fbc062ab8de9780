"""Field-level history of configuration (django-auditlog)."""
from auditlog.registry import auditlog
from django.contrib.auth import get_user_model

from .models import EmulationBloc, Membership, Organisation, Person, SecondFactorPolicy

auditlog.register(Organisation, exclude_fields=["path", "depth", "search_text", "updated_at"])
auditlog.register(Person, exclude_fields=["search_text", "updated_at"])
auditlog.register(Membership)
auditlog.register(EmulationBloc, m2m_fields={"members"}, exclude_fields=["updated_at"])
auditlog.register(SecondFactorPolicy, exclude_fields=["updated_at"])
auditlog.register(get_user_model(), exclude_fields=["password", "last_login"])
