#!/usr/bin/env bash
# Usage: create-key.sh [KEY_SPEC [KEY_USAGE [ALIAS]]]   (default AES_256 ENCRYPT_DECRYPT)
# Creates a key and prints its key id. KEY_SPEC: AES_256, SM4, RSA_2048/3072/4096, EC_P256,
# EC_P384, SM2; KEY_USAGE: ENCRYPT_DECRYPT or SIGN_VERIFY. The alias defaults to a new unique one.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
spec=${1:-AES_256}
usage=${2:-ENCRYPT_DECRYPT}
alias=${3:-example-$(date +%Y%m%d%H%M%S)-$$-$RANDOM}
answer=$(kl_kms create-key "{\"key_alias\":$(kl_json "$alias"),\"key_spec\":$(kl_json "$spec"),\
\"key_usage\":$(kl_json "$usage")}")
kl_field key_id "$answer"
echo
