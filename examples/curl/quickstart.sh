#!/usr/bin/env bash
# A tour of the example scripts against a running Keyloom (settings: common.sh): a symmetric key
# encrypts and decrypts, an EC key signs and verifies, a data key goes out and comes back.
set -euo pipefail
here=$(dirname "${BASH_SOURCE[0]}")
. "$here/common.sh"
KEYLOOM_TOKEN=$("$here/token.sh")
export KEYLOOM_TOKEN

key=$("$here/create-key.sh")
echo "created AES_256 key $key"
cipher=$("$here/encrypt.sh" "$key" 'hello, keyloom')
plain=$("$here/decrypt.sh" "$cipher")
echo "decrypted: $plain"

ec_key=$("$here/create-key.sh" EC_P256 SIGN_VERIFY)
echo "created EC_P256 key $ec_key"
signature=$("$here/sign.sh" "$ec_key" 'release 1.0')
verdict=$("$here/verify.sh" "$ec_key" 'release 1.0' "$signature")
echo "verify: $verdict"

pair=$("$here/create-datakey.sh" "$key")
read -r data_key data_key_cipher <<<"$pair"
decrypted_key=$("$here/decrypt-datakey.sh" "$key" "$data_key_cipher")
if [ "$decrypted_key" = "$data_key" ]; then
  echo "data key: decrypted to the same ${#data_key} hex digits"
else
  kl_fail "decrypt-datakey returned another data key"
fi
