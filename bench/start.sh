#!/usr/bin/env bash
# Start time (issue 13 item 5): median of RUNS runs, each from process spawn to the first 200 of
# GET /health, on a new and on an existing data dir (same seed), and the cost of an admin command;
# prints wall time and the process's user+sys CPU. Measure on a quiet box: the 2 cores are shared.
# Usage: bench/start.sh [CHECKOUT_DIR | KEYLOOM_JAR] [RUNS, default 5]
#   e.g.  mkdir /tmp/old && git archive e866a16 | tar -x -C /tmp/old && bench/start.sh /tmp/old
#   (a jar must sit next to its lib/ directory, as target/keyloom.jar does; a jar is run with plain
#   `java -jar`, a checkout with its ./keyloom launcher and the launcher's JVM flags)
# Needs: python3, java 17 (and mvn when a checkout's jar must be built, which is done first).
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
TARGET="${1:-$HERE}"
RUNS=${2:-5}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
if [ -f "$TARGET" ]; then
  CMD=(java ${KEYLOOM_JAVA_OPTS:-} -jar "$TARGET")
else
  CMD=("$TARGET/keyloom")
  "$TARGET/keyloom" --version >/dev/null # build first, outside the measurement
fi
python3 "$HERE/bench/start.py" "$WORK" "$RUNS" "${CMD[@]}"
