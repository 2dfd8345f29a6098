"""The WSGI application that gunicorn serves (`gunicorn stimulans.wsgi`).

Without `DJANGO_SETTINGS_MODULE` it uses the production settings, which refuse to start without
`SECRET_KEY` and `ALLOWED_HOSTS`: a server is never started in DEBUG by accident (DEBUG shows
Django's traceback page, with settings and local variables, to anyone who causes an error).
Development servers (`make run`, `stimulans runserver`) use `stimulans.settings`; a test or
benchmark that serves the development settings with gunicorn names them explicitly.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stimulans.settings_production")
application = get_wsgi_application()
