#!/usr/bin/env bash
# Slowloris acceptance: a server limited to 1,024 file descriptors, 1,000 slowloris connections
# (bench/slowloris.py) for SECONDS, and a fresh client (curl /health, 2 s limit) once a second.
# Prints the fresh clients' success rate and how long the slow connections were held.
# Loopback only; stops by itself. Usage: bench/slowloris.sh [seconds, default 40] [connections,
# default 1000]. KEYLOOM_DIR runs another checkout's ./keyloom (for before/after figures).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH=$(pwd)/bench
SECONDS_TOTAL=${1:-40}
CONNECTIONS=${2:-1000}
KEYLOOM_DIR=${KEYLOOM_DIR:-$(pwd)}
PORT=18383
WORK=$(mktemp -d)
SERVER=
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
(cd "$KEYLOOM_DIR" && ./keyloom --version >/dev/null) # build outside the fd limit
(ulimit -n 1024 && exec "$KEYLOOM_DIR/keyloom" serve --port "$PORT" --data-dir "$WORK/data") \
  >"$WORK/server.log" 2>&1 &
SERVER=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 120); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.5; done
echo "server pid $SERVER, fd limit $(awk '/Max open files/{print $4}' /proc/$SERVER/limits)"
python3 "$BENCH/slowloris.py" "$PORT" "$CONNECTIONS" "$SECONDS_TOTAL" >"$WORK/attack.log" &
ATTACK=$!
sleep 1
ok=0
total=0
timeline=""
for _ in $(seq 1 "$((SECONDS_TOTAL - 2))"); do
  start=$(date +%s.%N)
  if curl -sf --max-time 2 "$BASE/health" >/dev/null; then ok=$((ok + 1)); timeline+="+"; else timeline+="."; fi
  total=$((total + 1))
  sleep "$(echo "1 - ($(date +%s.%N) - $start)" | bc -l | awk '{print ($1 > 0 ? $1 : 0)}')"
done
wait "$ATTACK"
cat "$WORK/attack.log"
echo "fresh clients: $ok/$total served (timeline, one mark a second, + served . not): $timeline"
echo "server fds at the end: $(ls /proc/$SERVER/fd | wc -l); server log lines: $(wc -l <"$WORK/server.log")"
echo "server log, by message:"; grep -E "^[0-9]{4}-" "$WORK/server.log" | cut -d" " -f2- | cut -c1-150 | sort | uniq -c | sort -rn | head -8
if [ -n "${LOG_COPY:-}" ]; then cp "$WORK/server.log" "$LOG_COPY"; fi
