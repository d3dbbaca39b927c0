#!/usr/bin/env bash
# Usage: encrypt.sh KEY_ID PLAINTEXT
# Encrypts PLAINTEXT (1-4096 bytes of text) under a symmetric key; prints the Base64 ciphertext.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
[ $# -eq 2 ] || kl_fail "usage: encrypt.sh KEY_ID PLAINTEXT"
answer=$(kl_kms encrypt-data "{\"key_id\":$(kl_json "$1"),\"plain_text\":$(kl_json "$2")}")
kl_field cipher_text "$answer"
echo
