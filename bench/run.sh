#!/usr/bin/env bash
# The annual report benchmark in one command (PostgreSQL; see bench/README.md).
# Extra arguments go to bench/report_bench.py, e.g.  bench/run.sh --profile  or  bench/run.sh --sizes 1000,10000
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/coopnet_bench}"
PYTHON="${PYTHON:-.venv/bin/python}"
exec "$PYTHON" bench/report_bench.py "$@"
