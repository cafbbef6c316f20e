"""gunicorn settings (portal-web.service): ``gunicorn -c deploy/gunicorn.conf.py``."""

import multiprocessing
import os

wsgi_app = "config.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# Two workers per CPU and one more, unless GUNICORN_WORKERS says otherwise.
workers = int(os.environ.get("GUNICORN_WORKERS") or multiprocessing.cpu_count() * 2 + 1)
timeout = 30
graceful_timeout = 20
# One log line per request goes through Django's key=value logging; gunicorn logs only errors.
accesslog = None
errorlog = "-"
forwarded_allow_ips = "127.0.0.1"
# gunicorn's control socket (for `gunicornc`) would go to $HOME/.gunicorn/, which the systemd
# unit makes read-only and which several instances on one host would share: not used here.
control_socket_disable = True
