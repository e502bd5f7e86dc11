"""The tables of `make bench` in docs/performance.md, from var/bench/result-*.json.

Everything between `<!-- bench:start -->` and `<!-- bench:end -->` is rewritten; the rest
of the file is kept. Budgets are issue 15's point 6; a budget missed says NOT met with
its figure.
"""

from __future__ import annotations

import json
from pathlib import Path

START, END = "<!-- bench:start -->", "<!-- bench:end -->"
ENGINES = {"sqlite": "SQLite", "postgres": "PostgreSQL"}
QUERY_BUDGET, SCALE_RATIO, PG_P95_MS = 20, 2.0, 150
DOCX_S, PDF_S, MEMORY_MB = 0.1, 0.5, 250

INTRO = """## Benchmark (make bench)
`make bench` (scripts/bench.py; a subset: `make bench DB=sqlite SCALE=1`) measures every
main page in-process with Django's test Client, signed in as the role that uses it, on the
VDG's host: the median and p95 of 30 requests after 3 warm-up requests, and the SQL
queries of one more request. Production-like settings (`DEBUG=0`, cached templates), the
embedded cache. Scale 1 is `setup --demo`, scale 50 a copy of it plus `generatedemo
--scale 50 --seed 1` (the VDG itself is the same at both scales: the scale-50 column shows
what 49 more associations cost the VDG's pages). No proposal has 17 participants: the
VDG's largest has 12, a generated association's 15 (all its governments); at scale 50 the
college proposals are that one's. The machine is shared with other work: each table gives
the load average, and a p95 on a loaded machine says more about the machine than about
the page. Run times on this machine: a database at scale 1 `setup --demo` 2.5 min (SQLite)
to 6.5 min (PostgreSQL), scale 50 `generatedemo` about 5 min on either, made once; the
measurement 1.5-4 min per database and scale, plus about 1 min for the agenda load.
"""


def load(var: Path) -> dict:
    results = {}
    for path in sorted(var.glob("result-*.json")):
        data = json.loads(path.read_text())
        results[(data["db"], data["scale"])] = data
    return results


def ms(value) -> str:
    return "-" if value is None else f"{value:.0f}" if value >= 10 else f"{value:.1f}"


def ratio(a, b) -> str:
    return "-" if a is None or not b else f"{a / b:.1f}x"


def page_rows(small: dict | None, big: dict | None) -> list[str]:
    base = {**(small or big)["pages"], **(big or small)["pages"]}
    healthz = (big or small)["pages"]["healthz"]["median_ms"]
    rows = [
        "| page | q (1) | median (1) | p95 (1) | q (50) | median (50) | p95 (50) "
        "| p95 50/1 | median / healthz |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for key, page in base.items():
        one = small["pages"].get(key) if small else None
        fifty = big["pages"].get(key) if big else None
        cells = [f"{page['label']}{status_note(one, fifty)}"]
        for figures in (one, fifty):
            cells += (
                [str(figures["queries"]), ms(figures["median_ms"]), ms(figures["p95_ms"])]
                if figures
                else ["-", "-", "-"]
            )
        latest = fifty or one
        cells.append(ratio(fifty and fifty["p95_ms"], one and one["p95_ms"]))
        cells.append("1" if key == "healthz" else ratio(latest["median_ms"], healthz))
        rows.append("| " + " | ".join(cells) + " |")
    return rows


def status_note(*figures) -> str:
    bad = {f["status"] for f in figures if f and f["status"] != 200}
    return f" (**HTTP {', '.join(map(str, sorted(bad)))}**)" if bad else ""


def other_rows(small: dict | None, big: dict | None, load_figures: dict | None) -> list[str]:
    rows = ["| what | scale 1 | scale 50 |", "|---|--:|--:|"]

    def row(label, pick):
        cells = [pick(r) if r else "-" for r in (small, big)]
        rows.append(f"| {label} | {cells[0]} | {cells[1]} |")

    for fmt in ("docx", "pdf"):
        row(
            f"college proposal {fmt.upper()}, per document: median / max (documents); "
            "first of the process",
            lambda r, f=fmt: "{median_s:.2f} s / {max_s:.2f} s ({documents}); {first}".format(
                first=f"{r['college_proposals'][f].get('first_s', 0):.2f} s",
                **r["college_proposals"][f],
            ),
        )
    row("quarterly report PDF (`samenspel report kwartaal`)", lambda r: f"{r['quarterly_pdf_s']} s")
    row(
        "annual report PDF, own process: time, peak RSS",
        lambda r: (
            "{seconds} s, {peak_rss_mb} MB".format(**r["annual_report"])
            if r["annual_report"]["exit"] == 0
            else "**failed** (exit {exit})".format(**r["annual_report"])
        ),
    )
    row("`exportagenda` VDG, YAML", lambda r: f"{r['export_yaml_s']} s")
    row("`exportagenda` VDG, XLSX", lambda r: f"{r['export_xlsx_s']} s")
    row(
        "making the database",
        lambda r: (
            f"`setup --demo` {r['made']['setup_demo_s']} s"
            if "setup_demo_s" in r["made"]
            else f"`generatedemo` {r['made'].get('generatedemo_s', '?')} s"
        ),
    )
    if load_figures:
        rows.append(
            f"| `loadagenda vdg-2023-2027` into an empty database | {load_figures['load_s']} s | |"
        )
    return rows


def engine_section(db: str, results: dict, var: Path) -> list[str]:
    small, big = results.get((db, 1)), results.get((db, 50))
    if not small and not big:
        return [f"### {ENGINES[db]}", "", "Not measured yet.", ""]
    load_path = var / f"load-{db}.json"
    load_figures = json.loads(load_path.read_text()) if load_path.exists() else None
    lines = [f"### {ENGINES[db]}", ""]
    for r in (small, big):
        if r:
            c = r["counts"]
            lines.append(
                f"- scale {r['scale']}: measured {r['date'][:16].replace('T', ' ')} UTC, "
                f"load average {r['load_average'][0]:.1f} → {r['load_average'][1]:.1f}, "
                f"run {r['run_s']} s; {c['associations']} associations, "
                f"{c['agreements']:,} agreements ({c['vdg_agreements']} VDG), "
                f"{c['progress_updates']:,} progress updates, {c['proposals']:,} proposals, "
                f"{c['meetings']:,} meetings"
            )
    lines += [
        "",
        "Times in ms; q = SQL queries of one request; (1) scale 1, (50) scale 50; the ratio to "
        "`/healthz` is of the medians at the largest scale measured.",
        "",
    ]
    lines += [*page_rows(small, big), "", *other_rows(small, big, load_figures), ""]
    return lines


def budget_lines(results: dict) -> list[str]:
    lines = ["### Budgets (issue 15, point 6)", ""]
    for db, engine in ENGINES.items():
        small, big = results.get((db, 1)), results.get((db, 50))
        latest = big or small
        if not latest:
            continue
        scale_note = "" if big else " (scale 1 only: no scale-50 figures yet)"
        # Our pages: not /healthz (the reference), the admin (the baseline) or the OpenAPI
        # document (generated for tools, not people).
        not_pages = {"healthz", "admin_agreements", "api_openapi"}
        pages = {k: v for k, v in latest["pages"].items() if k not in not_pages}
        small_pages = {k: v for k, v in (small or latest)["pages"].items() if k in pages}
        over = [
            f"{p['label']} {small_pages.get(k, p)['queries']}/{p['queries']}"
            for k, p in pages.items()
            if max(p["queries"], small_pages.get(k, p)["queries"]) > QUERY_BUDGET
        ]
        lines.append(
            f"- {engine}, at most {QUERY_BUDGET} queries per page (queries at scale 1/50)"
            + f"{scale_note}: "
            + verdict(over)
        )
        if small and big:
            grew = [
                f"{p['label']} {small_pages[k]['queries']} → {p['queries']}"
                for k, p in pages.items()
                if k in small_pages and small_pages[k]["queries"] != p["queries"]
            ]
            lines.append(f"- {engine}, same query count at scale 1 and 50: " + verdict(grew))
            slower = [
                f"{p['label']} {ratio(p['p95_ms'], small_pages[k]['p95_ms'])}"
                for k, p in pages.items()
                if k in small_pages and p["p95_ms"] > SCALE_RATIO * small_pages[k]["p95_ms"]
            ]
            lines.append(f"- {engine}, p95 at scale 50 at most 2x scale 1: " + verdict(slower))
        else:
            lines.append(f"- {engine}, scale 50 against scale 1: not measured yet")
        if db == "postgres":
            slow = [
                f"{p['label']} {ms(p['p95_ms'])} ms"
                for p in pages.values()
                if p["p95_ms"] >= PG_P95_MS
            ]
            lines.append(f"- PostgreSQL, p95 under {PG_P95_MS} ms{scale_note}: " + verdict(slow))
        ours, admin = pages["agreements"]["p95_ms"], latest["pages"]["admin_agreements"]["p95_ms"]
        lines.append(
            f"- {engine}, agreement list no slower than the admin changelist{scale_note}: "
            + verdict([] if ours <= admin else [f"{ms(ours)} ms against {ms(admin)} ms"])
            + f" (p95 {ms(ours)} ms against {ms(admin)} ms, {ratio(ours, admin)})"
        )
        docs = latest["college_proposals"]
        for fmt, limit in (("docx", DOCX_S), ("pdf", PDF_S)):
            worst = docs[fmt]["max_s"]
            lines.append(
                f"- {engine}, one college proposal as {fmt.upper()} under {limit} s: "
                + verdict(
                    [] if worst < limit else [f"median {docs[fmt]['median_s']} s, max {worst} s"]
                )
                + ("" if worst >= limit else f" (max {worst} s)")
            )
        rss = latest["annual_report"]["peak_rss_mb"]
        if rss is None:
            lines.append(f"- {engine}, annual report process: **failed** (no figure)")
            continue
        lines.append(
            f"- {engine}, annual report process under {MEMORY_MB} MB: "
            + verdict([] if rss < MEMORY_MB else [f"{rss} MB"])
            + ("" if rss >= MEMORY_MB else f" ({rss} MB)")
        )
    return [*lines, ""]


def verdict(misses: list[str]) -> str:
    return "met" if not misses else "**NOT met**: " + "; ".join(misses)


def render(var: Path) -> str:
    results = load(var)
    lines = [START, ""]
    any_result = next(iter(results.values()), None)
    if any_result:
        m = any_result["machine"]
        lines += [f"Machine: {m['nproc']} cores ({m['cpu']}), {m['ram_gb']} GB RAM.", ""]
    for db in ENGINES:
        lines += engine_section(db, results, var)
    if results:
        lines += budget_lines(results)
    lines.append(END)
    return "\n".join(lines)


def write(var: Path, doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    section = render(var)
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + INTRO + "\n" + section + "\n"
    doc.write_text(text, encoding="utf-8")
