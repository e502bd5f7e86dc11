"""WSGI entry point for gunicorn or granian."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samenspel.conf.settings")
application = get_wsgi_application()
