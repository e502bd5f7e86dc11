#!/usr/bin/env bash
# `make loadtest`: `make serve` (gunicorn, samenspel.conf.local_http) on PostgreSQL with the
# scale-50 data on 127.0.0.1 and a free port; scripts/loadtest.py signs in, drives four
# pages and /healthz with wrk (30 s, 32 connections each) while 4 writers post progress
# updates and executive decisions, counts the writes in the database and writes the
# figures into docs/performance.md. The server is stopped at the end, whatever happens.
#
# The data: the PostgreSQL database samenspel_bench_$SCALE that `make bench` makes (made
# here when missing), copied for the run (CREATE DATABASE … TEMPLATE) so the writes do not
# change the benchmark's data; the copy is dropped at the end. Settings by environment:
# LOADTEST_SCALE (50), DURATION (30), CONNECTIONS (32), WRITERS (4), WORKERS (make serve's default),
# REDIS_URL (cache and sessions in Redis when set, as make serve), BENCH_POSTGRES.
set -euo pipefail
cd "$(dirname "$0")/.."

SCALE="${LOADTEST_SCALE:-50}"
PG="${BENCH_POSTGRES:-postgres://postgres@127.0.0.1:5432}"
COPY="samenspel_loadtest_${SCALE}"
command -v wrk >/dev/null || { echo "wrk installeren…"; apt-get install -y -q wrk >/dev/null; }

# The scale's database, made once (and PostgreSQL started) by the benchmark's own code.
.venv/bin/python scripts/bench.py --db postgres --scale "${SCALE}" --make-only
password="${SAMENSPEL_DEMO_PASSWORD:-$(cat var/demo-password)}"

psql "${PG}/postgres" -q -c "DROP DATABASE IF EXISTS ${COPY} WITH (FORCE)"
psql "${PG}/postgres" -q -c "CREATE DATABASE ${COPY} TEMPLATE samenspel_bench_${SCALE}"
export DATABASE_URL="${PG}/${COPY}"

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
LOG=$(mktemp)
# Its own session, so the whole group (make, gunicorn's master and workers) stops at the end.
setsid make serve PORT="${PORT}" >"${LOG}" 2>&1 &
SERVER=$!
stop() {
  kill -TERM -- "-${SERVER}" 2>/dev/null || true
  wait "${SERVER}" 2>/dev/null || true
  psql "${PG}/postgres" -q -c "DROP DATABASE IF EXISTS ${COPY} WITH (FORCE)" || true
  rm -f "${LOG}"
}
trap stop EXIT

echo "make serve op http://127.0.0.1:${PORT} (database ${COPY})…"
for _ in $(seq 1 300); do
  curl -fsS -o /dev/null "http://127.0.0.1:${PORT}/healthz" 2>/dev/null && break
  kill -0 "${SERVER}" 2>/dev/null || { cat "${LOG}"; echo "make serve stopte"; exit 1; }
  sleep 1
done
workers=$(grep -c 'Booting worker' "${LOG}" || true)

DJANGO_SETTINGS_MODULE=samenspel.conf.settings .venv/bin/python scripts/loadtest.py \
  --port "${PORT}" --password "${password}" --scale "${SCALE}" --workers "${workers}" \
  --duration "${DURATION:-30}" --connections "${CONNECTIONS:-32}" --writers "${WRITERS:-4}" \
  || { status=$?; echo "loadtest: niet alles in orde (serverlog, laatste regels):"; grep -v '" 200 \|" 302 ' "${LOG}" | tail -20; exit "${status}"; }
