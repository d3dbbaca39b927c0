#!/usr/bin/env bash
# Usage: decrypt-datakey.sh KEY_ID DATA_KEY_CIPHER [BYTES]   (default 32, a 256-bit data key)
# Decrypts a data key ciphertext of create-datakey.sh; prints the data key (hex).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
[ $# -ge 2 ] || kl_fail "usage: decrypt-datakey.sh KEY_ID DATA_KEY_CIPHER [BYTES]"
answer=$(kl_kms decrypt-datakey "{\"key_id\":$(kl_json "$1"),\"cipher_text\":$(kl_json "$2"),\
\"datakey_cipher_length\":$(kl_json "${3:-32}")}")
kl_field data_key "$answer"
echo
