#!/usr/bin/env bash
# A real full disk (docs/storage.md "Faults, health and readiness"): the data dir on a 2 MiB tmpfs,
# filled with dd; shows the answers while full, then frees the space and times the recovery
# without a restart. Needs root (mount), curl. StoreFaultIT covers the same in CI by injection.
# Usage: sudo bench/disk-full.sh
set -uo pipefail
cd "$(dirname "$0")/.."
PORT=18293
MNT=$(mktemp -d)
WORK=$(mktemp -d)
mount -t tmpfs -o size=2m tmpfs "$MNT" || { echo "cannot mount a tmpfs (needs root)" >&2; exit 1; }
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; umount "$MNT"; rmdir "$MNT"; rm -rf "$WORK"' EXIT
cat >"$WORK/seed.yaml" <<'YAML'
domains:
  - name: acme
    projects:
      - name: cn-north-4
        id: 0a1b2c3d4e5f60718293a4b5c6d7e8f9
    users:
      - name: alice
        password: "Alice-Passw0rd!"
YAML
./keyloom serve --port "$PORT" --data-dir "$MNT/data" --seed "$WORK/seed.yaml" >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 100); do curl -s "localhost:$PORT/health" >/dev/null && break; sleep 0.3; done
login() {
  curl -s -o /dev/null -w '%{http_code}' -D "$WORK/headers" -H 'Content-Type: application/json' \
    "localhost:$PORT/v3/auth/tokens" -d '{"auth":{"identity":{"methods":["password"],"password":
    {"user":{"name":"alice","password":"Alice-Passw0rd!","domain":{"name":"acme"}}}},
    "scope":{"project":{"name":"cn-north-4"}}}}'
}
kms() {
  curl -s -w ' %{http_code}' -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/json' \
    "localhost:$PORT/v1.0/0a1b2c3d4e5f60718293a4b5c6d7e8f9/kms/$1" -d "$2"
}
login >/dev/null
TOKEN=$(grep -i '^x-subject-token' "$WORK/headers" | cut -d' ' -f2 | tr -d '\r')
KEY=$(kms create-key '{"key_alias":"hot"}' | sed 's/.*"key_id":"\([^"]*\)".*/\1/')
dd if=/dev/zero of="$MNT/filler" bs=64k 2>/dev/null
echo "disk: $(df -h "$MNT" | tail -1)"
for i in $(seq 300); do
  r=$(kms create-key "{\"key_alias\":\"k$i\",\"key_description\":\"$(printf 'x%.0s' $(seq 200))\"}")
  [[ "$r" == *" 200" ]] || { echo "create-key #$i on the full disk: $r"; break; }
done
echo "while full: health $(curl -s "localhost:$PORT/health"), ready $(curl -s -o /dev/null -w '%{http_code}' "localhost:$PORT/ready"), login $(login), encrypt-data $(kms encrypt-data "{\"key_id\":\"$KEY\",\"plain_text\":\"hi\"}" | tail -c 4)"
rm -f "$MNT/filler"
T0=$(date +%s%N)
for _ in $(seq 40); do
  r=$(kms create-key "{\"key_alias\":\"after-$RANDOM\"}")
  [[ "$r" == *" 200" ]] && break
  sleep 0.25
done
echo "space back: create-key ${r: -3} after $(( ($(date +%s%N) - T0) / 1000000 )) ms, login $(login), ready $(curl -s -o /dev/null -w '%{http_code}' "localhost:$PORT/ready"), health $(curl -s "localhost:$PORT/health")"
echo "server log:"; cut -c1-200 "$WORK/server.log"
echo "data dir:"; ls -l "$MNT/data"
