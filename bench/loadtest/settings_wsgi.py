"""WSGI entry point for `bench/bench_http.py` (DJANGO_SETTINGS_MODULE=bench.loadtest.settings)."""

from django.core.wsgi import get_wsgi_application

application = get_wsgi_application()
