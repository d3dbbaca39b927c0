#!/usr/bin/env bash
# Usage: sign.sh KEY_ID MESSAGE [ALGORITHM]   (default ECDSA_SHA_256, for EC_P256 keys)
# Signs the text MESSAGE (message_type RAW) with a SIGN_VERIFY key; prints the Base64 signature.
# Other algorithms: ECDSA_SHA_384 (EC_P384), RSASSA_PSS_SHA_256 or RSASSA_PKCS1_V1_5_SHA_256 (RSA).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
[ $# -ge 2 ] || kl_fail "usage: sign.sh KEY_ID MESSAGE [ALGORITHM]"
message=$(printf '%s' "$2" | base64 | tr -d '\n')
answer=$(kl_kms sign "{\"key_id\":$(kl_json "$1"),\"message\":\"$message\",\
\"signing_algorithm\":$(kl_json "${3:-ECDSA_SHA_256}"),\"message_type\":\"RAW\"}")
kl_field signature "$answer"
echo
