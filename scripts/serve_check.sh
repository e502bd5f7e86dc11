#!/usr/bin/env bash
# `make serve-check`: starts `make serve` on a free port and checks, over real HTTP, what a
# production-like Samenspel must do: /healthz answers, a static file comes from WhiteNoise
# compressed and cached for good, a demo account signs in (CSRF included) and gets the
# dashboard with a session cookie, the public page answers, gunicorn logs each request.
# Then it stops the server. By hand only (it takes a minute), not part of `make test`.
#
# The environment goes on to `make serve`: DATABASE_URL, REDIS_URL, WORKERS, DEMO. Sign-in
# needs an account: SERVE_CHECK_USER (default bureau) with SERVE_CHECK_PASSWORD (default
# SAMENSPEL_DEMO_PASSWORD, else var/demo-password, which `DEMO=1` or `make run` writes).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:${PORT}"
WORK=$(mktemp -d)
LOG="${WORK}/serve.log"
FAILED=0

# Its own session, so the whole group (make, gunicorn's master and workers) stops at the end.
setsid make serve PORT="${PORT}" >"${LOG}" 2>&1 &
SERVER=$!
stop() {
  kill -TERM -- "-${SERVER}" 2>/dev/null || true
  wait "${SERVER}" 2>/dev/null || true
  rm -rf "${WORK}"
}
trap stop EXIT

check() {  # check NAME CONDITION-RESULT DETAIL
  if [ "$2" = yes ]; then echo "ok    $1: $3"; else echo "FOUT  $1: $3"; FAILED=1; fi
}
header() {  # header NAME FILE: the value of one response header (last response)
  grep -i "^$1:" "$2" | tail -1 | cut -d' ' -f2- | tr -d '\r'
}

echo "make serve op ${BASE} (log: ${LOG})…"
for _ in $(seq 1 300); do
  curl -fsS -o /dev/null "${BASE}/healthz" 2>/dev/null && break
  kill -0 "${SERVER}" 2>/dev/null || { cat "${LOG}"; echo "make serve stopte"; exit 1; }
  sleep 1
done

status=$(curl -s -o /dev/null -w '%{http_code}' "${BASE}/healthz")
check "/healthz" "$([ "${status}" = 200 ] && echo yes)" "${status}"

JAR="${WORK}/cookies"
curl -s -c "${JAR}" -D "${WORK}/login.h" -o "${WORK}/login.html" "${BASE}/inloggen/"
status=$(head -1 "${WORK}/login.h" | cut -d' ' -f2)
check "/inloggen/" "$([ "${status}" = 200 ] && echo yes)" "${status}"

css=$(grep -o '/static/samenspel/theme\.[0-9a-f]*\.css' "${WORK}/login.html" | head -1 || true)
check "hashed static name" "$([ -n "${css}" ] && echo yes)" "${css:-none in the page}"
if [ -n "${css}" ]; then
  curl -s -H 'Accept-Encoding: gzip' -D "${WORK}/css.h" -o /dev/null "${BASE}${css}"
  status=$(head -1 "${WORK}/css.h" | cut -d' ' -f2)
  cache=$(header Cache-Control "${WORK}/css.h")
  encoding=$(header Content-Encoding "${WORK}/css.h")
  check "${css}" "$([ "${status}" = 200 ] && echo yes)" "${status}"
  check "Cache-Control" "$([[ "${cache}" == *immutable* ]] && echo yes)" "${cache}"
  check "Content-Encoding" "$([ "${encoding}" = gzip ] && echo yes)" "${encoding:-none}"
fi

status=$(curl -s -o /dev/null -w '%{http_code}' "${BASE}/openbaar/")
check "/openbaar/" "$([ "${status}" = 200 ] && echo yes)" "${status}"

user="${SERVE_CHECK_USER:-bureau}"
password="${SERVE_CHECK_PASSWORD:-${SAMENSPEL_DEMO_PASSWORD:-$(cat var/demo-password 2>/dev/null || true)}}"
if [ -z "${password}" ]; then
  echo "--    aanmelden overgeslagen: geen wachtwoord (DEMO=1, of SERVE_CHECK_PASSWORD)"
else
  token=$(grep -o 'name="csrfmiddlewaretoken" value="[^"]*"' "${WORK}/login.html" | head -1 | cut -d'"' -f4)
  curl -s -b "${JAR}" -c "${JAR}" -D "${WORK}/signin.h" -o /dev/null "${BASE}/inloggen/" \
    --data-urlencode "csrfmiddlewaretoken=${token}" --data-urlencode "username=${user}" \
    --data-urlencode "password=${password}" --data-urlencode "next=/"
  status=$(head -1 "${WORK}/signin.h" | cut -d' ' -f2)
  cookie=$(grep -i '^set-cookie: sessionid=' "${WORK}/signin.h" | tr -d '\r' | sed 's/=[^;]*;/=…;/' || true)
  check "aanmelden als ${user}" "$([ "${status}" = 302 ] && echo yes)" "${status} → $(header Location "${WORK}/signin.h")"
  [ "${status}" = 302 ] || echo "      (ander wachtwoord in deze database? SERVE_CHECK_PASSWORD=…)"
  check "sessiecookie" "$([[ "${cookie}" == *HttpOnly* ]] && echo yes)" "${cookie:-none}"
  status=$(curl -s -b "${JAR}" -o /dev/null -w '%{http_code} %{redirect_url}' "${BASE}/")
  check "dashboard /" "$([ "${status}" = "200 " ] && echo yes)" "${status}"
fi

workers=$(grep -c 'Booting worker' "${LOG}" || true)
logged=$(grep -c '"GET /healthz' "${LOG}" || true)
check "gunicorn workers" "$([ "${workers}" -ge 1 ] && echo yes)" "${workers} gestart"
check "access log" "$([ "${logged}" -ge 1 ] && echo yes)" "${logged} regels voor /healthz"

[ "${FAILED}" = 0 ] && echo "make serve: alles in orde" || { echo "make serve: fouten (log hieronder)"; tail -40 "${LOG}"; }
exit "${FAILED}"
