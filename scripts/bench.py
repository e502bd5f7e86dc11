"""`make bench`: page times, query counts, documents and memory on SQLite and PostgreSQL at
scale 1 and 50, written into docs/performance.md (between `<!-- bench:start -->` and
`<!-- bench:end -->`). Not part of `make test`: a full run takes a long while.

    .venv/bin/python scripts/bench.py [--db sqlite,postgres] [--scale 1,50] [--requests 30]

Each database is made once and reused (var/bench/scale-N.sqlite3, PostgreSQL database
samenspel_bench_N; a marker file var/bench/made-DB-N.json says it was made completely and
how long that took); delete the marker to make it again. Scale 1 is `setup --demo`, a
larger scale `generatedemo --scale N --seed S`. Each (database, scale) is measured by
scripts/bench_measure.py in a process of its own and kept as var/bench/result-DB-N.json,
so a subset run (`make bench DB=sqlite SCALE=1`) rewrites the tables with the figures of
earlier runs for the rest; each table says when it was measured.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"
BIN = ROOT / ".venv" / "bin"
PG_SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
SEED = os.environ.get("BENCH_SEED", "1")

sys.path.insert(0, str(ROOT / "scripts"))
import bench_report  # noqa: E402


def database_url(db: str, name: str) -> str:
    if db == "sqlite":
        return f"sqlite:///{VAR / name}.sqlite3"
    return f"{PG_SERVER}/samenspel_bench_{name.removeprefix('scale-')}"


def child_env(url: str) -> dict:
    env = {**os.environ, "DATABASE_URL": url, "DEBUG": "0"}
    env["DJANGO_SETTINGS_MODULE"] = "samenspel.conf.settings"
    env.pop("REDIS_URL", None)  # the embedded defaults, the same for every run
    return env


def postgres_ready() -> None:
    ready = ["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"]
    if subprocess.run(ready).returncode == 0:
        return
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"], check=True
    )
    for _ in range(30):
        if subprocess.run(ready).returncode == 0:
            return
        time.sleep(1)
    raise SystemExit("PostgreSQL start niet")


def database_fresh(db: str, name: str) -> None:
    """An empty database of this name (dropped first when it exists)."""
    if db == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{VAR / name}.sqlite3{suffix}").unlink(missing_ok=True)
        return
    target = database_url(db, name).rsplit("/", 1)[1]
    for sql in (f"DROP DATABASE IF EXISTS {target} WITH (FORCE)", f"CREATE DATABASE {target}"):
        subprocess.run(["psql", f"{PG_SERVER}/postgres", "-q", "-c", sql], check=True)


def database_copy(db: str, source: str, name: str) -> None:
    """A copy of database `source` named `name` (replacing one of that name)."""
    database_drop(db, name)
    if db == "sqlite":
        with (
            sqlite3.connect(f"{VAR / source}.sqlite3") as src,
            sqlite3.connect(f"{VAR / name}.sqlite3") as target,
        ):
            src.backup(target)
        return
    source_db, target = (database_url(db, n).rsplit("/", 1)[1] for n in (source, name))
    sql = f"CREATE DATABASE {target} TEMPLATE {source_db}"
    subprocess.run(["psql", f"{PG_SERVER}/postgres", "-q", "-c", sql], check=True)


def database_drop(db: str, name: str) -> None:
    if db == "sqlite":
        database_fresh(db, name)
        return
    target = database_url(db, name).rsplit("/", 1)[1]
    sql = f"DROP DATABASE IF EXISTS {target} WITH (FORCE)"
    subprocess.run(["psql", f"{PG_SERVER}/postgres", "-q", "-c", sql], check=True)


def samenspel(url: str, *args: str) -> float:
    """Runs one samenspel command on the database; its wall time in seconds."""
    start = time.perf_counter()
    subprocess.run([str(BIN / "samenspel"), *args], env=child_env(url), check=True)
    return round(time.perf_counter() - start, 1)


def has_generatedemo() -> bool:
    probe = [str(BIN / "samenspel"), "help", "generatedemo"]
    env = child_env(database_url("sqlite", "probe"))
    return subprocess.run(probe, env=env, capture_output=True).returncode == 0


def ensure_database(db: str, scale: int) -> dict | None:
    """The made-marker of this database, making the database first when there is none."""
    marker = VAR / f"made-{db}-{scale}.json"
    if marker.exists():
        return json.loads(marker.read_text())
    if scale > 1 and not has_generatedemo():
        print(f"== {db} schaal {scale}: overgeslagen, 'samenspel generatedemo' bestaat nog niet")
        return None
    name = f"scale-{scale}"
    url = database_url(db, name)
    made: dict = {"date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    if scale == 1:
        print(f"== {db} schaal 1: database maken ({url})")
        database_fresh(db, name)
        made["setup_demo_s"] = samenspel(url, "setup", "--demo")
    else:
        # generatedemo adds to the VDG demo: start from a copy of scale 1, so only
        # generatedemo itself is timed (and setup --demo is not run again).
        ensure_database(db, 1)
        print(f"== {db} schaal {scale}: kopie van schaal 1, dan generatedemo ({url})")
        database_copy(db, "scale-1", name)
        made["generatedemo_s"] = samenspel(
            url, "generatedemo", "--scale", str(scale), "--seed", SEED
        )
    made["load_average"] = os.getloadavg()[0]
    marker.write_text(json.dumps(made, indent=1))
    return made


def machine() -> dict:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return {"nproc": os.cpu_count(), "cpu": model, "ram_gb": round(memory_kb / 1024**2, 1)}


def run_measure(url: str, *args: str) -> dict:
    command = [str(BIN / "python"), str(ROOT / "scripts" / "bench_measure.py"), *args]
    done = subprocess.run(command, env=child_env(url), stdout=subprocess.PIPE, check=True)
    return json.loads(done.stdout.decode().strip().splitlines()[-1])


def measure(db: str, scale: int, made: dict, options) -> None:
    print(f"== {db} schaal {scale}: meten ({options.requests} verzoeken per pagina)")
    before, start = os.getloadavg()[0], time.perf_counter()
    result = run_measure(
        database_url(db, f"scale-{scale}"),
        *("--requests", str(options.requests), "--warmup", str(options.warmup)),
    )
    result.update(
        db=db,
        scale=scale,
        made=made,
        date=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        machine=machine(),
        load_average=[before, os.getloadavg()[0]],
        run_s=round(time.perf_counter() - start, 1),
    )
    (VAR / f"result-{db}-{scale}.json").write_text(json.dumps(result, indent=1))
    print(f"   klaar in {result['run_s']} s")


def measure_load(db: str) -> None:
    """Loading the VDG agenda into an empty database of this engine (scale-independent)."""
    print(f"== {db}: VDG-agenda laden in een lege database")
    database_fresh(db, "load")
    try:
        result = run_measure(database_url(db, "load"), "--load")
    finally:
        database_drop(db, "load")
    result["date"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    (VAR / f"load-{db}.json").write_text(json.dumps(result, indent=1))


def run(databases: list[str], scales: list[int], options) -> None:
    for db in databases:
        if db == "postgres":
            postgres_ready()
        for scale in scales:
            made = ensure_database(db, scale)
            if made is None and options.make_only:
                raise SystemExit(f"{db} schaal {scale}: geen database")
            if made is not None and not options.make_only:
                measure(db, scale, made, options)
        if not (options.no_load or options.make_only):
            measure_load(db)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", default="sqlite,postgres", help="sqlite,postgres")
    parser.add_argument("--scale", default="1,50", help="bijv. 1,50")
    parser.add_argument("--requests", type=int, default=30, help="gemeten verzoeken per pagina")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--no-load", action="store_true", help="agenda laden niet meten")
    parser.add_argument("--report-only", action="store_true", help="alleen de tabellen")
    parser.add_argument("--make-only", action="store_true", help="alleen de databases maken")
    options = parser.parse_args()
    VAR.mkdir(parents=True, exist_ok=True)
    databases = [part.strip() for part in options.db.split(",") if part.strip()]
    unknown = set(databases) - {"sqlite", "postgres"}
    if unknown:
        raise SystemExit(f"Onbekende database: {', '.join(sorted(unknown))} (sqlite, postgres)")
    scales = [int(part) for part in options.scale.split(",") if part.strip()]
    if options.requests < 30:
        print("Let op: minder dan 30 verzoeken per pagina; geen cijfer voor het verslag.")
    started = time.perf_counter()
    if not options.report_only:
        run(databases, scales, options)
    if options.make_only:
        return
    bench_report.write(VAR, ROOT / "docs" / "performance.md")
    print(f"docs/performance.md bijgewerkt ({round(time.perf_counter() - started)} s in totaal)")


if __name__ == "__main__":
    main()
