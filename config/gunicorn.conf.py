"""gunicorn in production, behind our own proxy (TLS, static files' caching, slow clients):

    gunicorn -c config/gunicorn.conf.py      (config.wsgi: config.settings.production unless told otherwise)

Sync workers, each one request at a time: our pages are short database reads and the proxy buffers slow clients,
so a worker is never held by a slow network. What the environment may change:

    GUNICORN_BIND        where to listen (default 127.0.0.1:8000; a comma-separated list for several addresses).
                         Only the proxy may reach it: Django trusts the proxy's X-Forwarded-For and -Proto
                         (DJANGO_BEHIND_TLS_PROXY), so an address anyone else can reach would let them forge both.
    GUNICORN_WORKERS     processes (default 2 × CPUs + 1, gunicorn's advice); each holds one database connection.
    FORWARDED_ALLOW_IPS  the proxy's addresses, whose X-Forwarded-Proto gunicorn believes (default 127.0.0.1,::1).
    GUNICORN_TIMEOUT     seconds a request may take before its worker is restarted (default 60: the longest
                         minutes render in a few seconds, a clause's text is bounded).
    GUNICORN_MAX_REQUESTS  requests before a worker is replaced, with a random jitter of a tenth of it, so that
                         memory a library keeps cannot grow for ever and the workers never restart all at once.
"""

import os


def _env_int(name, default):
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


def _cpus():
    try:
        return len(os.sched_getaffinity(0))  # the CPUs this process may use (a container's share), not the host's
    except AttributeError:
        return os.cpu_count() or 1


wsgi_app = "config.wsgi:application"
bind = [address.strip() for address in os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",") if address.strip()]
workers = _env_int("GUNICORN_WORKERS", 2 * _cpus() + 1)
worker_class = "sync"

timeout = _env_int("GUNICORN_TIMEOUT", 60)
graceful_timeout = 30  # a restart lets the requests under way finish (a signing commits or rolls back whole)
keepalive = 5  # to the proxy; sync workers close each connection anyway

max_requests = _env_int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = max_requests // 10

forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# One line a request on stdout, for the service manager's journal: who (the proxy's address; Django's audit record
# keeps the client's), what, status, bytes and microseconds taken.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(D)sus "%(a)s"'

# The workers' heartbeat files on a memory file system: a slow disk must not make the arbiter kill healthy workers.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"

# No control socket: a service manager starts, reloads (HUP) and stops the arbiter, and a second instance on the
# same host (a bench, a test) would otherwise fight over the one path.
control_socket_disable = True
