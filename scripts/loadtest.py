"""The driver of `make loadtest` (started by scripts/loadtest.sh once the server answers).

Signs in as the VDG's bureau over real HTTP (session cookie and CSRF token, as a browser
does), then drives each page with `wrk` (scripts/loadtest.lua counts non-2xx answers)
while writer threads record progress updates and executive decisions through the real
forms. Afterwards it counts those writes in the database (Django on the same
DATABASE_URL as the server) and writes the figures into docs/performance.md between
`<!-- loadtest:start -->` and `<!-- loadtest:end -->`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import re
import subprocess
import threading
import urllib.parse
import uuid
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
START, END = "<!-- loadtest:start -->", "<!-- loadtest:end -->"
HOST = "vdg.localhost"


class Session:
    """One signed-in user over plain HTTP: cookies kept by hand, no redirects followed."""

    def __init__(self, port: int, host: str):
        self.port, self.host, self.cookies = port, host, {}

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str, str]:
        headers = {"Host": self.host}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(
                {**form, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
            )
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            for header in response.headers.get_all("Set-Cookie") or []:
                name, value = header.split(";", 1)[0].split("=", 1)
                self.cookies[name.strip()] = value
            page = response.read().decode(errors="replace")
            return response.status, response.getheader("Location") or "", page
        finally:
            connection.close()

    def sign_in(self, username: str, password: str) -> None:
        status, _location, page = self.request("GET", "/inloggen/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or token is None:
            raise SystemExit(f"/inloggen/ antwoordde {status}")
        self.cookies["csrftoken"] = self.cookies.get("csrftoken", token.group(1))
        form = {"username": username, "password": password, "next": "/"}
        status, location, _page = self.request("POST", "/inloggen/", form)
        if status != 302 or "sessionid" not in self.cookies:
            raise SystemExit(f"aanmelden als {username} mislukt ({status} {location})")


def targets() -> dict:
    """The pages driven and the records written to, in the VDG association."""
    from django.db.models import Count

    from samenspel.agenda.models import Agreement
    from samenspel.decisions.constants import Stage
    from samenspel.decisions.models import Proposal

    proposals = Proposal.objects.filter(portfolio__association__slug="vdg").annotate(
        n=Count("participants")
    )
    shown = proposals.order_by("-n", "pk").first()
    sent = proposals.filter(stage=Stage.SENT, n__gt=0).order_by("-n", "pk").first()
    agreements = list(
        Agreement.objects.filter(agenda__association__slug="vdg")
        .order_by("pk")
        .values_list("slug", flat=True)[:40]
    )
    if sent is None:
        raise SystemExit("Geen VDG-voorstel bij de colleges: besluiten vastleggen kan niet.")
    return {
        "pages": [
            ("dashboard", "/", True),
            ("agreement list", "/agenda/afspraken/", True),
            (f"proposal page ({shown.n} participants)", f"/voorstellen/{shown.pk}/", True),
            ("public page", "/openbaar/", False),
            ("/healthz", "/healthz", False),
        ],
        "agreements": agreements,
        "decision_paths": [
            f"/voorstellen/{sent.pk}/deelnemers/{pk}/besluit/"
            for pk in sent.participants.order_by("pk").values_list("pk", flat=True)
        ],
    }


class Writers:
    """Writer threads: each signs in and alternates a progress update and a decision."""

    def __init__(self, port, host, password, found, count, interval):
        self.port, self.host, self.password = port, host, password
        self.found, self.count, self.interval = found, count, interval
        self.marker = f"LT-{uuid.uuid4().hex[:8]}"
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.tally = {kind: {"attempted": 0, "succeeded": 0} for kind in ("update", "decision")}
        self.failures: list[str] = []
        self.threads = [threading.Thread(target=self.work, args=(n,)) for n in range(count)]

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def finish(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join()

    def work(self, number: int) -> None:
        session = Session(self.port, self.host)
        session.sign_in("bureau", self.password)
        today = dt.date.today().isoformat()
        n = 0
        while not self.stop.is_set():
            n += 1
            text = f"{self.marker}-{number}-{n}"
            if n % 2:
                slug = self.found["agreements"][(number * 7 + n) % len(self.found["agreements"])]
                path = f"/agenda/afspraken/{slug}/voortgang/"
                form = {"date": today, "status": "on_track", "text": f"{text} voortgang"}
                kind = "update"
            else:
                paths = self.found["decision_paths"]
                path = paths[(number + n) % len(paths)]
                form = {"decided_on": today, "outcome": "postponed", "reference": text}
                kind = "decision"
            try:
                status, location, page = session.request("POST", path, form)
            except OSError as error:
                status, location, page = 0, "", repr(error)
            ok = status == 302 and "/inloggen/" not in location
            with self.lock:
                self.tally[kind]["attempted"] += 1
                self.tally[kind]["succeeded"] += ok
                if not ok and len(self.failures) < 5:
                    self.failures.append(f"{kind} {path}: {status} {page[:200]}")
            self.stop.wait(self.interval)

    def counted(self) -> dict:
        from samenspel.agenda.models import ProgressUpdate
        from samenspel.decisions.models import ExecutiveDecision

        self.tally["update"]["found"] = ProgressUpdate.objects.filter(
            text__startswith=self.marker
        ).count()
        self.tally["decision"]["found"] = ExecutiveDecision.objects.filter(
            reference__startswith=self.marker
        ).count()
        return self.tally


def wrk(port: int, host: str, path: str, cookie: str | None, options) -> dict:
    command = [
        "wrk", f"-t{options.threads}", f"-c{options.connections}", f"-d{options.duration}s",
        "--latency", "--timeout", "30s", "-s", str(ROOT / "scripts" / "loadtest.lua"),
        "-H", f"Host: {host}",
    ]  # fmt: skip
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    done = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True
    )
    line = next(x for x in done.stdout.splitlines() if x.startswith("JSON "))
    figures = json.loads(line[5:])
    figures["rps"] = round(figures["requests"] / (figures["duration_us"] / 1e6), 1)
    return figures


def render(result: dict) -> str:
    healthz = result["pages"][-1]["rps"]
    lines = [
        START,
        "",
        f"Measured {result['date']} UTC on {result['machine']}; database "
        f"`{result['database']}` (a copy of the scale-{result['scale']} data), "
        f"{result['workers']} gunicorn workers, {result['cache']}. Each page: `wrk "
        f"-t{result['threads']} -c{result['connections']} -d{result['duration']}s --latency "
        f"--timeout 30s`, while {result['writers']} writers each post a form every "
        f"{result['interval']} s. Load average {result['load_average'][0]:.1f} before, "
        f"{result['load_average'][1]:.1f} after.",
        "",
        "| page | requests/s | p50 | p99 | non-2xx | errors (timeout) | throughput / healthz |",
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    for page in result["pages"]:
        errors = page["errors"]
        lines.append(
            f"| {page['label']} (`{page['path']}`) | {page['rps']} | "
            f"{page['p50_us'] / 1000:.0f} ms | {page['p99_us'] / 1000:.0f} ms | "
            f"{page['non2xx']} | {sum(errors.values())} ({errors['timeout']}) | "
            f"{page['rps'] / healthz:.3f} |"
        )
    lines += ["", "| writes | attempted | succeeded | found in the database |", "|---|--:|--:|--:|"]
    for kind, label in (("update", "progress updates"), ("decision", "executive decisions")):
        t = result["writes"][kind]
        lines.append(f"| {label} | {t['attempted']} | {t['succeeded']} | {t['found']} |")
    non2xx = sum(page["non2xx"] + sum(page["errors"].values()) for page in result["pages"])
    lost = any(t["attempted"] != t["found"] for t in result["writes"].values())
    lines += [
        "",
        f"- Non-2xx answers and errors: {non2xx} ({'met' if not non2xx else '**NOT met**'}).",
        f"- Writes lost or failed: {'none (met)' if not lost else '**yes (NOT met)**'}.",
    ]
    if result["write_failures"]:
        lines.append("- First failed writes: " + "; ".join(result["write_failures"])[:600])
    return "\n".join([*lines, "", END])


def write_doc(result: dict) -> None:
    doc = ROOT / "docs" / "performance.md"
    text = doc.read_text(encoding="utf-8")
    section = render(result)
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + section + rest.split(END, 1)[1]
    else:
        intro = (
            "## Load test (make loadtest)\n"
            "`make loadtest` (scripts/loadtest.sh) starts `make serve` on PostgreSQL with a\n"
            "copy of the scale-50 data, signs in as the VDG's bureau and drives four pages and\n"
            "`/healthz` with `wrk` while writers post real forms (progress updates and\n"
            "executive decisions, outcome 'aangehouden' so the proposal stays open); the\n"
            "section between the markers is rewritten by each run.\n"
        )
        text = text.rstrip("\n") + "\n\n" + intro + "\n" + section + "\n"
    doc.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--scale", default="50")
    parser.add_argument("--workers", default="?")
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--interval", type=float, default=0.5)
    options = parser.parse_args()
    django.setup()
    host = f"{HOST}:{options.port}"
    found = targets()
    reader = Session(options.port, host)
    reader.sign_in("bureau", options.password)
    cookie = f"sessionid={reader.cookies['sessionid']}"
    writers = Writers(
        options.port, host, options.password, found, options.writers, options.interval
    )
    before = os.getloadavg()[0]
    writers.start()
    pages = []
    try:
        for label, path, signed_in in found["pages"]:
            figures = wrk(options.port, host, path, cookie if signed_in else None, options)
            pages.append({"label": label, "path": path, **figures})
            print(f"{label:<35} {figures['rps']:>7} req/s p50 {figures['p50_us'] / 1000:.0f} ms "
                  f"p99 {figures['p99_us'] / 1000:.0f} ms non-2xx {figures['non2xx']}")  # fmt: skip
    finally:
        writers.finish()
    from django.conf import settings

    result = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M"),
        "machine": f"{os.cpu_count()} cores",
        "database": settings.DATABASES["default"]["NAME"],
        "scale": options.scale,
        "workers": options.workers,
        "cache": "Redis" if os.environ.get("REDIS_URL") else "no Redis (database sessions)",
        "threads": options.threads,
        "connections": options.connections,
        "duration": options.duration,
        "writers": options.writers,
        "interval": options.interval,
        "load_average": [before, os.getloadavg()[0]],
        "pages": pages,
        "writes": writers.counted(),
        "write_failures": writers.failures,
    }
    print(json.dumps(result["writes"]), writers.failures)
    (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
    (ROOT / "var" / "bench" / "loadtest.json").write_text(json.dumps(result, indent=1))
    write_doc(result)
    bad = any(p["non2xx"] or sum(p["errors"].values()) for p in pages) or any(
        t["attempted"] != t["found"] or t["attempted"] != t["succeeded"]
        for t in result["writes"].values()
    )
    raise SystemExit(1 if bad else 0)


if __name__ == "__main__":
    main()
