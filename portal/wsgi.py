import os

from django.core.wsgi import get_wsgi_application

from portal.serving import tune_garbage_collector

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
application = get_wsgi_application()
tune_garbage_collector()  # after the apps are loaded: they stay out of the collector's walks
