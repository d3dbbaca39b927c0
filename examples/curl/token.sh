#!/usr/bin/env bash
# Prints an X-Auth-Token for the example identity (see common.sh for the settings).
# Reuse it across calls:  export KEYLOOM_TOKEN=$(./examples/curl/token.sh)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
KEYLOOM_TOKEN='' kl_token
