"""gunicorn settings for Samenspel: `gunicorn -c python:samenspel.conf.gunicorn`.

`make serve` uses it; a deployment too (docs/deploy.md). Settings on the command line win
over these, e.g. `--bind 0.0.0.0:8000` in a container. Why gunicorn, and why these
numbers: docs/adr/0007-production-server.md.
"""

import os

wsgi_app = "samenspel.wsgi:application"

# Only this machine: the reverse proxy in front terminates TLS (docs/deploy.md).
bind = f"127.0.0.1:{os.environ.get('PORT', '8000')}"

# Sync workers: pages are short database work, PDFs are CPU work in the request; both are
# served best by one process per request, about two per core (gunicorn's own advice).
workers = int(os.environ.get("WORKERS") or 2 * (os.cpu_count() or 1) + 1)

# The largest PDFs (annual report, 12 college proposals as PDF) take ~5 s on a quiet
# machine (docs/performance.md); 60 s leaves room on a busy one before a worker is killed.
timeout = 60
graceful_timeout = 30

# Each worker is replaced after ~1,000 requests (jitter: not all at once), so memory that
# WeasyPrint or a big report left behind is given back.
max_requests = 1000
max_requests_jitter = 100

# Django, WeasyPrint and the templates are loaded once in the master and shared by the
# workers (less memory, a replaced worker starts at once, a bad setting stops the start
# instead of every worker). Nothing opens a database connection at import, so no
# connection is shared across the fork. A code change needs a restart, not a HUP.
preload_app = True

# Access log and errors to standard output/error: systemd's journal or the container's log.
accesslog = "-"
errorlog = "-"
loglevel = "info"

# gunicorn 27's control socket is one path per user ($HOME/.gunicorn/gunicorn.ctl), so two
# servers (make serve beside make serve-check) would take it from each other; unused here.
control_socket_disable = True


def post_worker_init(worker):
    """Move what is loaded by now (Django, the apps, the settings) out of the garbage
    collector's way: without it, every full collection scans it all again, a pause of
    ~100 ms every dozen page views at national scale (docs/performance.md)."""
    import gc

    gc.freeze()
