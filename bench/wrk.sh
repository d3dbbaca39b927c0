#!/usr/bin/env bash
# Throughput of the hot path over real HTTP: starts a server on a fresh data dir, makes a key,
# then runs wrk against encrypt-data, decrypt-data and create-datakey with an X-Auth-Token.
# Usage: bench/wrk.sh [seconds per run, default 15] [connections, default 32]
# Env: OPS (operations, default all three), SERVE_FLAGS (extra serve flags, e.g. --metrics=false
#   for the cost of metrics, docs/metrics.md).
# Needs: wrk, curl. Numbers go to docs/performance.md by hand, with the machine they came from.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-15}
CONNECTIONS=${2:-32}
PORT=18282
WORK=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
cat >"$WORK/seed.yaml" <<'YAML'
domains:
  - name: bench
    projects:
      - name: cn-north-4
        id: 0a1b2c3d4e5f60718293a4b5c6d7e8f9
    users:
      - name: bench
        password: "Bench-Passw0rd!"
YAML
# shellcheck disable=SC2086 # SERVE_FLAGS is a list of flags
./keyloom serve --port "$PORT" --data-dir "$WORK/data" --seed "$WORK/seed.yaml" ${SERVE_FLAGS:-} \
  >"$WORK/server.log" 2>&1 &
SERVER=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 120); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.5; done
TOKEN=$(curl -si "$BASE/v3/auth/tokens" -H 'Content-Type: application/json' -d '{"auth":{"identity":
  {"methods":["password"],"password":{"user":{"name":"bench","password":"Bench-Passw0rd!",
  "domain":{"name":"bench"}}}},"scope":{"project":{"name":"cn-north-4"}}}}' \
  | awk 'tolower($1)=="x-subject-token:"{print $2}' | tr -d '\r')
KMS="$BASE/v1.0/0a1b2c3d4e5f60718293a4b5c6d7e8f9/kms"
call() { curl -sf "$KMS/$1" -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/json' -d "$2"; }
field() { sed -E "s/.*\"$1\":\"([^\"]*)\".*/\1/"; }
KEY=$(call create-key '{"key_alias":"bench"}' | field key_id)
CIPHER=$(call encrypt-data "{\"key_id\":\"$KEY\",\"plain_text\":\"hello world\"}" | field cipher_text)
script() {
  cat >"$WORK/$1.lua" <<LUA
wrk.method="POST"
wrk.body='$2'
wrk.headers["Content-Type"]="application/json"
wrk.headers["X-Auth-Token"]="$TOKEN"
LUA
}
script encrypt-data "{\"key_id\":\"$KEY\",\"plain_text\":\"hello world\"}"
script decrypt-data "{\"cipher_text\":\"$CIPHER\"}"
script create-datakey "{\"key_id\":\"$KEY\",\"datakey_length\":\"256\"}"
for op in ${OPS:-encrypt-data decrypt-data create-datakey}; do
  wrk -t2 -c"$CONNECTIONS" -d5s -s "$WORK/$op.lua" "$KMS/$op" >/dev/null # warm-up
  echo "== $op"
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$WORK/$op.lua" "$KMS/$op" \
    | grep -E 'Requests/sec|^ +50%|^ +99%|Non-2xx'
done
