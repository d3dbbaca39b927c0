#!/usr/bin/env bash
# Usage: decrypt.sh CIPHERTEXT
# Decrypts a ciphertext of encrypt.sh (the key id is inside it); prints the plaintext.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
[ $# -eq 1 ] || kl_fail "usage: decrypt.sh CIPHERTEXT"
answer=$(kl_kms decrypt-data "{\"cipher_text\":$(kl_json "$1")}")
kl_field plain_text "$answer"
echo
