#!/usr/bin/env bash
# encrypt-data latency while the server is flooded with other work (issue 12 §3, §4).
# Starts a server on a fresh data dir (loopback only), measures encrypt-data p50 idle with wrk,
# then again during each flood, and prints a table. Each flood runs only while it is measured.
#   floods: 64 connections create-key (AES_256); 32 connections create-rsa-datakey-pair RSA_4096;
#           32 connections POST /v3/auth/tokens with a wrong password.
# Usage: bench/flood.sh [CHECKOUT_DIR | KEYLOOM_JAR]   (default: this checkout)
#   e.g.  mkdir /tmp/old && git archive 8956519 | tar -x -C /tmp/old && bench/flood.sh /tmp/old
#   (a jar must sit next to its lib/ directory, as target/keyloom.jar does)
# Env: ONLY (scenarios, default "create-key rsa-pair login"), SECONDS_PER_RUN (default 10),
#   PROBE_CONNECTIONS (default 32, as bench/wrk.sh and the issue), FLOOD_CONNECTIONS (overrides
#   each flood's count), PORT (default 18283), KEEP=1 keeps the work dir with wrk outputs.
# Needs: wrk, curl, java 17 (and mvn when a checkout's jar must be built). Takes about
# 4 x (SECONDS_PER_RUN + 5) seconds plus start-up; everything it starts is stopped on exit.
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
TARGET="${1:-$HERE}"
SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
PROBE=${PROBE_CONNECTIONS:-32}
PORT=${PORT:-18283}
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "${KEEP:-}" ] && echo "kept $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT
if [ -f "$TARGET" ]; then
  SERVE=(java ${KEYLOOM_JAVA_OPTS:-} -jar "$TARGET" serve)
else
  SERVE=("$TARGET/keyloom" serve)
fi
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
lua() { # name, body (a Lua expression)
  cat >"$WORK/$1.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Auth-Token"] = "$TOKEN"
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, $2)
end
LUA
}
start_server() { # a fresh server, token, key and wrk scripts; a flood leaves nothing behind
  stop_server
  rm -rf "$WORK/data"
  KEYLOOM_KEY_QUOTA=1000000 "${SERVE[@]}" --host 127.0.0.1 --port "$PORT" --data-dir "$WORK/data" \
    --seed "$WORK/seed.yaml" >"$WORK/server.log" 2>&1 &
  SERVER=$!
  PIDS+=($SERVER)
  for _ in $(seq 1 600); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.5; done
  curl -sf "$BASE/health" >/dev/null || { echo "server did not start:" >&2; cat "$WORK/server.log" >&2; exit 1; }
  TOKEN=$(curl -si "$BASE/v3/auth/tokens" -H 'Content-Type: application/json' \
    -d "$(login 'Bench-Passw0rd!')" | awk 'tolower($1)=="x-subject-token:"{print $2}' | tr -d '\r')
  KEY=$(call create-key '{"key_alias":"bench"}' | sed -E 's/.*"key_id":"([^"]*)".*/\1/')
  lua encrypt "'{\"key_id\":\"$KEY\",\"plain_text\":\"hello world\"}'"
  lua create-key "string.format('{\"key_alias\":\"flood-%d-%d\"}', id, n)"
  lua rsa-pair "'{\"key_id\":\"$KEY\",\"key_spec\":\"RSA_4096\"}'"
  lua login "'$(login 'wrong-password')'"
  wrk -t1 -c"$PROBE" -d3s -s "$WORK/encrypt.lua" "$KMS/encrypt-data" >/dev/null # warm-up
}
stop_server() {
  if [ -n "${SERVER:-}" ]; then
    kill "$SERVER" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
  fi
  SERVER=
}
BASE="http://127.0.0.1:$PORT"
KMS="$BASE/v1.0/0a1b2c3d4e5f60718293a4b5c6d7e8f9/kms"
login() {
  printf '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"bench",'
  printf '"password":"%s","domain":{"name":"bench"}}}},"scope":{"project":{"name":"cn-north-4"}}}}' "$1"
}
call() { curl -sf "$KMS/$1" -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/json' -d "$2"; }
p50() { # -> "p50 req/s" of encrypt-data with PROBE connections for SECONDS_PER_RUN
  wrk -t1 -c"$PROBE" -d"${SECONDS_PER_RUN}s" --timeout 30s --latency -s "$WORK/encrypt.lua" \
    "$KMS/encrypt-data" >"$WORK/probe.txt"
  awk '$1=="50%"{p=$2} $1=="Requests/sec:"{r=$2}
    END{if (r+0 == 0) print "none", 0; else print p, r}' "$WORK/probe.txt"
}
to_ms() { awk -v v="$1" 'BEGIN{ if (v ~ /us$/) print v/1000; else if (v ~ /ms$/) print v+0;
  else if (v ~ /s$/) print v*1000; else print "NaN" }'; }
start_server
read -r IDLE IDLE_RPS <<<"$(p50)"
IDLE_MS=$(to_ms "$IDLE")
printf '%-36s %12s %10s %14s %16s\n' scenario "enc p50" "x idle" "enc req/s" "flood 2xx/other"
printf '%-36s %12s %10s %14s %16s\n' idle "$IDLE" 1.0 "$IDLE_RPS" -
flood() { # label, connections, script, path
  case " ${ONLY:-create-key rsa-pair login} " in *" $3 "*) ;; *) return 0 ;; esac
  start_server
  wrk -t2 -c"${FLOOD_CONNECTIONS:-$2}" -d"$((SECONDS_PER_RUN + 4))s" --timeout 30s -s "$WORK/$3.lua" "$4" \
    >"$WORK/flood.txt" 2>&1 &
  local pid=$!
  PIDS+=($pid)
  sleep 2
  local p rps
  read -r p rps <<<"$(p50)"
  wait "$pid" || true
  local total other
  [ -n "${KEEP:-}" ] && cp "$WORK/flood.txt" "$WORK/flood-$3.txt"
  total=$(awk '/requests in/{print $1}' "$WORK/flood.txt")
  other=$(awk '/Non-2xx/{print $NF}' "$WORK/flood.txt")
  other=${other:-0}
  local ratio="no answer"
  [ "$p" != none ] && ratio=$(awk -v a="$(to_ms "$p")" -v b="$IDLE_MS" 'BEGIN{printf "%.1f", a/b}')
  printf '%-36s %12s %10s %14s %16s\n' "$1" "$p" "$ratio" "$rps" \
    "$((${total:-0} - other))/$other"
  sleep 2
}
flood "64 x create-key (AES_256)" 64 create-key "$KMS/create-key"
flood "32 x create-rsa-datakey-pair RSA_4096" 32 rsa-pair "$KMS/create-rsa-datakey-pair"
flood "32 x login, wrong password" 32 login "$BASE/v3/auth/tokens"
stop_server
