#!/usr/bin/env bash
# Usage: verify.sh KEY_ID MESSAGE SIGNATURE [ALGORITHM]   (default ECDSA_SHA_256)
# Prints SIGNATURE_VALID (exit 0) or SIGNATURE_INVALID (exit 1) for a signature of sign.sh.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
[ $# -ge 3 ] || kl_fail "usage: verify.sh KEY_ID MESSAGE SIGNATURE [ALGORITHM]"
message=$(printf '%s' "$2" | base64 | tr -d '\n')
answer=$(kl_kms verify "{\"key_id\":$(kl_json "$1"),\"message\":\"$message\",\
\"signature\":$(kl_json "$3"),\"signing_algorithm\":$(kl_json "${4:-ECDSA_SHA_256}"),\
\"message_type\":\"RAW\"}")
valid=$(kl_field signature_valid "$answer")
if [ "$valid" = true ]; then
  echo SIGNATURE_VALID
else
  echo SIGNATURE_INVALID
  exit 1
fi
