"""One database, one scale: the figures `make bench` reports (run by scripts/bench.py).

Runs inside Django (DATABASE_URL names the prepared database) and prints one JSON object:
per page the server-side time of `--requests` requests after a warm-up (median, p95) and
the SQL queries of one more request; the 17 college proposals as DOCX and PDF (per
document); the quarterly report PDF; the agenda export; the annual report's peak memory
(a process of its own). `--load` instead measures loading the VDG agenda into this
(empty) database.

Pages are fetched in-process with Django's test Client, signed in as the role that uses
them, on the VDG's own host (`vdg.localhost`: with several associations the host decides).
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import math
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
ASSOCIATION = "vdg"
HOST = f"{ASSOCIATION}.localhost"
AS_OF = "2025-12-31"  # a closed year and quarter of the 2023-2027 agenda
YEAR = 2025


def percentile(values: list[float], share: float) -> float:
    """Nearest rank: the value below which `share` of the samples lie (p95 of 30 = 29th)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def measure_page(client, path: str, requests: int, warmup: int) -> dict:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    status = None
    for _ in range(warmup):
        status = client.get(path).status_code
    # As a gunicorn worker does after loading (conf/gunicorn.py, post_worker_init): what is
    # loaded is frozen, so full collections do not scan it again and again.
    gc.collect()
    gc.freeze()
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(path)
        times.append(time.perf_counter() - start)
        status = response.status_code
    # Counted apart from the timed requests: capturing queries slows each one down. From the
    # same state every time (caches of a minute, such as the demo banner's flag, filled by
    # one request), so the counts of two runs can be compared.
    cache.clear()
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return {
        "path": path,
        "status": status,
        "requests": requests,
        "median_ms": round(statistics.median(times) * 1000, 1),
        "p95_ms": round(percentile(times, 0.95) * 1000, 1),
        "queries": len(queries.captured_queries),
    }


def picks(association) -> dict:
    """The records the pages show: the biggest of each kind in the association."""
    from django.db.models import Count

    from samenspel.agenda.models import Agreement
    from samenspel.decisions.models import Proposal
    from samenspel.meetings.models import Meeting
    from samenspel.organisations.models import Portfolio

    portfolio = (
        Portfolio.objects.filter(association=association)
        .annotate(n=Count("agreements"))
        .order_by("-n", "slug")
        .first()
    )
    agreement = (
        Agreement.objects.filter(agenda__association=association)
        .annotate(n=Count("updates"))
        .order_by("-n", "pk")
        .first()
    )
    proposals = Proposal.objects.filter(portfolio__association=association).annotate(
        n=Count("participants")
    )
    proposal = (
        proposals.filter(n=17).order_by("pk").first() or proposals.order_by("-n", "pk").first()
    )
    meeting = (
        Meeting.objects.filter(body__association=association)
        .annotate(n=Count("items"))
        .order_by("-n", "pk")
        .first()
    )
    return {
        "portfolio": portfolio,
        "agreement": agreement,
        "proposal": proposal,
        "participants": proposal.n if proposal else 0,
        "meeting": meeting,
    }


def pages(chosen: dict) -> list[tuple[str, str, str]]:
    """(key, label, path) of every page measured; the user is `bureau` unless noted."""
    portfolio, agreement = chosen["portfolio"], chosen["agreement"]
    proposal, meeting = chosen["proposal"], chosen["meeting"]
    filters = f"?portefeuille={portfolio.slug}&status=on_track&jaar={YEAR}"
    return [
        ("healthz", "/healthz", "/healthz"),
        ("dashboard", "dashboard", "/"),
        ("agreements", "agreement list", "/agenda/afspraken/"),
        ("agreements_filtered", "agreement list, filtered", f"/agenda/afspraken/{filters}"),
        ("agreements_search", "agreement list, search", "/agenda/afspraken/?q=energie"),
        ("portfolio", "portfolio page", f"/agenda/portefeuilles/{portfolio.slug}/"),
        ("agreement", "agreement page", f"/agenda/afspraken/{agreement.slug}/"),
        ("proposals", "proposal list", "/voorstellen/"),
        (
            "proposal",
            f"proposal page ({chosen['participants']} participants)",
            f"/voorstellen/{proposal.pk}/",
        ),
        ("my_organisation", "/mijn-organisatie/ (account holder)", "/mijn-organisatie/"),
        ("contributions", f"contributions {YEAR}", f"/financien/bijdragen/{YEAR}/"),
        ("hours", "hours", "/inzet/"),
        ("meetings", "meetings list", "/overleggen/"),
        ("meeting", "meeting page", f"/overleggen/{meeting.pk}/"),
        ("decisions", "decision list", "/overleggen/besluiten/"),
        ("public", "public page (signed out)", "/openbaar/"),
        ("timeline", "timeline", "/agenda/tijdlijn/"),
        ("report", f"quarterly report page, {AS_OF}", f"/rapportages/kwartaal/?peildatum={AS_OF}"),
        ("admin_agreements", "admin: agreement changelist", "/beheer/agenda/agreement/"),
        # The API (issue 16): a full page of agreements, one proposal, the document.
        ("api_agreements", "API: afspraken, 100 a page", "/api/v1/afspraken?paginaGrootte=100"),
        (
            "api_proposal",
            f"API: voorstel ({chosen['participants']} participants)",
            f"/api/v1/voorstellen/{proposal.pk}",
        ),
        ("api_progress", "API: voortgang, 100 a page", "/api/v1/voortgang?paginaGrootte=100"),
        ("api_openapi", "API: OpenAPI document", "/api/v1/openapi.json"),
    ]


def documents(client, proposal) -> dict:
    """Each participant's college proposal as DOCX and as PDF, one request each, after
    one request not counted (the first PDF of a process loads WeasyPrint's fonts)."""
    result = {}
    participants = list(proposal.participants.order_by("pk"))
    for fmt in ("docx", "pdf"):
        times, statuses, types = [], set(), set()
        base = f"/voorstellen/{proposal.pk}/deelnemers/"
        start = time.perf_counter()
        client.get(f"{base}{participants[0].pk}/collegevoorstel.{fmt}")
        first = time.perf_counter() - start
        for participant in participants:
            path = f"{base}{participant.pk}/collegevoorstel.{fmt}"
            start = time.perf_counter()
            response = client.get(path)
            times.append(time.perf_counter() - start)
            statuses.add(response.status_code)
            types.add(response.get("Content-Type", "").split(";")[0])
        result[fmt] = {
            "documents": len(times),
            "first_s": round(first, 3),
            "median_s": round(statistics.median(times), 3),
            "max_s": round(max(times), 3),
            "total_s": round(sum(times), 2),
            "statuses": sorted(statuses),
            "content_types": sorted(types),
        }
    return result


def timed_command(*args) -> float:
    from django.core.management import call_command

    start = time.perf_counter()
    call_command(*args, stdout=io.StringIO())
    return round(time.perf_counter() - start, 2)


def annual_report_memory(out: Path) -> dict:
    """The annual report PDF made by a process of its own: its wall time and peak RSS.

    The child reports its own VmHWM: a parent's `wait4` ru_maxrss would include this
    (large) process, whose memory high-water mark a forked child inherits through exec."""
    command = [sys.executable, __file__, "--annual-report", str(out)]
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True)
    lines = done.stdout.strip().splitlines()
    return {
        "seconds": round(time.perf_counter() - start, 2),
        "peak_rss_mb": json.loads(lines[-1])["peak_rss_mb"] if done.returncode == 0 else None,
        "exit": done.returncode,
    }


def annual_report(out: str) -> dict:
    """In the child: `samenspel report jaar` in-process, then this process's peak RSS."""
    from django.core.management import call_command

    call_command(
        "report", "jaar", "--as-of", AS_OF, "--format", "pdf",
        "--association", ASSOCIATION, "-o", out, stdout=io.StringIO(),
    )  # fmt: skip
    status = Path("/proc/self/status").read_text().splitlines()
    peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    return {"peak_rss_mb": round(peak_kb / 1024, 1)}


def measure(requests: int, warmup: int) -> dict:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from samenspel.organisations.models import Association

    association = Association.objects.get(slug=ASSOCIATION)
    chosen = picks(association)
    users = get_user_model().objects
    bureau, holder = Client(HTTP_HOST=HOST), Client(HTTP_HOST=HOST)
    bureau.force_login(users.get(username="bureau"))
    holder.force_login(users.get(username="accounthouder-assen"))
    anonymous = Client(HTTP_HOST=HOST)
    clients = {"my_organisation": holder, "public": anonymous, "healthz": anonymous}

    result: dict = {"pages": {}, "counts": counts(association)}
    for key, label, path in pages(chosen):
        figures = measure_page(clients.get(key, bureau), path, requests, warmup)
        result["pages"][key] = {"label": label, **figures}
        print(f"  {label:<45} {figures['median_ms']:>8} ms {figures['p95_ms']:>8} ms "
              f"{figures['queries']:>4} q  {figures['status']}", file=sys.stderr)  # fmt: skip

    docs_client, docs_proposal = bureau, chosen["proposal"]
    national = national_proposal()
    if national:  # at scale > 1: a generated association's proposal, all its governments in it
        docs_client, docs_proposal, label = national
        figures = measure_page(docs_client, f"/voorstellen/{docs_proposal.pk}/", requests, warmup)
        result["pages"]["proposal_national"] = {"label": label, **figures}
    result["college_proposals"] = documents(docs_client, docs_proposal)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        result["quarterly_pdf_s"] = timed_command(
            "report", "kwartaal", "--as-of", AS_OF, "--format", "pdf",
            "--association", ASSOCIATION, "-o", str(out / "q.pdf"),
        )  # fmt: skip
        result["export_yaml_s"] = timed_command(
            "exportagenda", "--association", ASSOCIATION, "-o", str(out / "a.yaml")
        )
        result["export_xlsx_s"] = timed_command(
            "exportagenda", "--format", "xlsx", "--association", ASSOCIATION,
            "-o", str(out / "a.xlsx"),
        )  # fmt: skip
        result["annual_report"] = annual_report_memory(out / "j.pdf")
    return result


def national_proposal():
    """(signed-in client, proposal, label) of the last generated association, or None."""
    from django.contrib.auth import get_user_model
    from django.db.models import Count
    from django.test import Client

    from samenspel.decisions.models import Proposal
    from samenspel.organisations.models import Association

    association = Association.objects.filter(slug__startswith="demo-").order_by("-slug").first()
    if association is None:
        return None
    proposals = Proposal.objects.filter(portfolio__association=association).annotate(
        n=Count("participants")
    )
    proposal = (
        proposals.filter(n=17).order_by("pk").first() or proposals.order_by("-n", "pk").first()
    )
    client = Client(HTTP_HOST=f"{association.slug}.localhost")
    client.force_login(get_user_model().objects.get(username=f"{association.slug}-bureau"))
    label = f"proposal page ({proposal.n} participants, {association.slug})"
    return client, proposal, label


def counts(association) -> dict:
    """The size of the data set, so a table says what it was measured on."""
    from samenspel.agenda.models import Agreement, ProgressUpdate
    from samenspel.decisions.models import Proposal
    from samenspel.meetings.models import Meeting
    from samenspel.organisations.models import Association as AllAssociations

    return {
        "associations": AllAssociations.objects.count(),
        "agreements": Agreement.objects.count(),
        "progress_updates": ProgressUpdate.objects.count(),
        "proposals": Proposal.objects.count(),
        "meetings": Meeting.objects.count(),
        "vdg_agreements": Agreement.objects.filter(agenda__association=association).count(),
    }


def load() -> dict:
    """Loading the VDG agenda into this empty, migrated database (like `setup` does)."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    return {"load_s": timed_command("loadagenda", "vdg-2023-2027")}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--load", action="store_true")
    parser.add_argument("--annual-report", metavar="FILE")
    options = parser.parse_args()
    django.setup()
    if options.annual_report:
        result = annual_report(options.annual_report)
    elif options.load:
        result = load()
    else:
        result = measure(options.requests, options.warmup)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
