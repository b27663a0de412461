#!/usr/bin/env bash
# The public pages benchmark in one command (PostgreSQL, gunicorn, Redis, wrk; see bench/README.md "Public pages").
# Extra arguments go to bench/pages/pages_bench.py, e.g.  bench/pages/run.sh --sizes 1000 --duration 3
set -euo pipefail
cd "$(dirname "$0")/../.."
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/coopnet_pages}"
PYTHON="${PYTHON:-.venv/bin/python}"
export PYTHON
exec "$PYTHON" bench/pages/pages_bench.py "$@"
