#!/usr/bin/env bash
# Usage: create-datakey.sh KEY_ID [BITS]   (default 256)
# Creates a data key under a symmetric key. Prints one line: the data key (hex), a space, and its
# ciphertext (hex) to store next to the data it encrypts:
#   read -r DATA_KEY DATA_KEY_CIPHER <<<"$(./examples/curl/create-datakey.sh "$KEY_ID")"
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
[ $# -ge 1 ] || kl_fail "usage: create-datakey.sh KEY_ID [BITS]"
answer=$(kl_kms create-datakey "{\"key_id\":$(kl_json "$1"),\
\"datakey_length\":$(kl_json "${2:-256}")}")
data_key=$(kl_field plain_text "$answer")
cipher=$(kl_field cipher_text "$answer")
echo "$data_key $cipher"
