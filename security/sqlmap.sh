#!/usr/bin/env bash
# sqlmap (Debian's package) against every parameter of the public filters and the search, on loopback.
#
# Serves the demo site from a throwaway SQLite database (gunicorn, debug off) and asks sqlmap to find an
# injection in each parameter. Exits non-zero if sqlmap reports one, or if sqlmap or the site cannot run.
# Bounded in time: level 2, risk 1, a few techniques, a timeout per target, every target at once.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${SQLMAP_PORT:-8765}
WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

export DATABASE_URL="sqlite:///$WORK/site.sqlite3" DJANGO_DEBUG=0 DJANGO_SECRET_KEY="sqlmap-$RANDOM-$RANDOM-only-here"
export DJANGO_ALLOWED_HOSTS=127.0.0.1 DJANGO_SSL_REDIRECT=0 DJANGO_HSTS_SECONDS=0 DJANGO_SECURE_COOKIES=0
export DJANGO_STATIC_MANIFEST=0 PAGE_CACHE=0 RATE_LIMIT_SEARCH=0 RATE_LIMIT_FEEDS=0 DJANGO_LOG_LEVEL=ERROR
export DJANGO_MEDIA_ROOT="$WORK/media" DJANGO_PRIVATE_MEDIA_ROOT="$WORK/private"

.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py load_demo >/dev/null
HOST=127.0.0.1 PORT=$PORT WEB_WORKERS=2 WEB_THREADS=4 .venv/bin/gunicorn --config gunicorn.conf.py \
  --access-logfile /dev/null >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null || { echo "the site did not start" >&2; cat "$WORK/server.log" >&2; exit 1; }

BASE="http://127.0.0.1:$PORT"
TARGETS=(
  "$BASE/events/?q=телемост&kind=telebridge&format=online&partner=host&country=RU&audience=children&age_rating=6%2B&date_from=2020-01-01&date_to=2020-12-31&when=past"
  "$BASE/telebridges/?q=сказки&partner=host"
  "$BASE/search/?q=сказки"
  "$BASE/exhibitions/?kind=travelling&provider=host"
  "$BASE/events/calendar.ics?kind=webinar&partner=host"
)
# Every page at once: sqlmap mostly waits for answers, and the site serves them in parallel.
PIDS=()
OUTS=()
for target in "${TARGETS[@]}"; do
  echo "sqlmap: $target"
  out="$WORK/sqlmap-${#OUTS[@]}"
  timeout 240 sqlmap -u "$target" --batch --level=2 --risk=1 --technique=BEUS --threads=4 --timeout=10 \
    --retries=0 --disable-coloring --output-dir="$out" >"$out.log" 2>&1 &
  PIDS+=("$!")
  OUTS+=("$out")
done
found=0
for i in "${!TARGETS[@]}"; do
  target=${TARGETS[$i]}
  out=${OUTS[$i]}
  if ! wait "${PIDS[$i]}"; then
    echo "sqlmap did not finish on $target" >&2
    tail -20 "$out.log" >&2
    exit 1
  fi
  if grep -Eiq "is vulnerable|sqlmap identified the following injection|parameter '.*' (is|appears to be) .*injectable" "$out.log"; then
    echo "INJECTION FOUND in $target" >&2
    grep -Ei "vulnerable|injectable|Parameter:" "$out.log" >&2
    found=1
  elif ! grep -q "all tested parameters do not appear to be injectable" "$out.log"; then
    echo "sqlmap gave no verdict on $target" >&2
    tail -20 "$out.log" >&2
    exit 1
  fi
done
[ "$found" -eq 0 ] && echo "sqlmap: no injection found in ${#TARGETS[@]} pages"
exit "$found"
