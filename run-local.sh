#!/usr/bin/env bash
# Runs Insights on one machine with the embedded defaults: a silo (grain state in ./data/state, memory streams,
# local sentiment), the API, and the generator feeding them live. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

API_URL=${INSIGHTS_API_URL:-http://localhost:5080}
# The API never runs open: it runs as Development with this key (scopes ingest and read), which the generator sends.
# Reuse one across runs with INSIGHTS_API_KEY=...; otherwise a new one is drawn at every run.
API_KEY=${INSIGHTS_API_KEY:-ins_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')}
SILO_URL=${INSIGHTS_SILO_URL:-http://localhost:5081}
LOGS=.local/logs
mkdir -p "$LOGS" data

command -v dotnet >/dev/null || { echo "dotnet (SDK 10) is required: https://dot.net" >&2; exit 1; }

echo "Building (Release)..."
dotnet build Insights.sln -c Release -v quiet -nologo >"$LOGS/build.log" 2>&1 || { cat "$LOGS/build.log"; exit 1; }

pids=()
cleanup() {
  trap - EXIT INT TERM
  echo; echo "Stopping..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM

wait_ready() { # name url
  for _ in $(seq 1 120); do
    if curl -fsS "$2/readyz" >/dev/null 2>&1; then echo "  $1 ready at $2"; return 0; fi
    sleep 0.5
  done
  echo "$1 did not become ready; see $LOGS" >&2; exit 1
}

echo "Starting silo (log: $LOGS/silo.log)..."
dotnet Silo/bin/Release/net10.0/Insights.Silo.dll --contentRoot "$PWD/Silo" --urls "$SILO_URL" >"$LOGS/silo.log" 2>&1 &
pids+=($!)
wait_ready silo "$SILO_URL"

echo "Starting API (log: $LOGS/api.log)..."
ASPNETCORE_ENVIRONMENT=Development Insights__Auth__DevelopmentKey=$API_KEY \
  dotnet Api/bin/Release/net10.0/Insights.Api.dll --contentRoot "$PWD/Api" --urls "$API_URL" >"$LOGS/api.log" 2>&1 &
pids+=($!)
wait_ready api "$API_URL"

cat <<TXT

Insights is running.
  API key (ingest, read):  $API_KEY
  Live dashboard:          $API_URL/dashboard/   (paste the key when asked)
  API reference (Scalar):  $API_URL/scalar/v1
  OpenAPI document:        $API_URL/openapi/v1.json
  Top videos:              curl -H "X-Api-Key: $API_KEY" '$API_URL/api/videos/top?by=engagement&window=1h&limit=10'
  One video:               curl -H "X-Api-Key: $API_KEY" $API_URL/api/videos/<id>   (ids are in data/truth.json and in the top list)
  Ground truth so far:     data/truth.json

The generator now sends an hour of backlog at once, then streams live for an hour. Ctrl-C stops everything.
TXT

INSIGHTS_API_KEY=$API_KEY dotnet Generator/bin/Release/net10.0/insights-generator.dll --api "$API_URL" --truth data/truth.json "$@" &
pids+=($!)
wait "${pids[-1]}" || true
echo "Generator finished; silo and API keep serving. Ctrl-C to stop."
wait
