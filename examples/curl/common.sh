# shellcheck shell=bash
# Sourced by the example scripts: where Keyloom is, who logs in, and small curl/JSON helpers.
# Needs bash, curl and coreutils only (no jq). Settings, each with a default that matches
# examples/seed.yaml:
#   KEYLOOM_URL          http://127.0.0.1:8080
#   KEYLOOM_CREDENTIALS  a credentials.json written by a first `./keyloom serve` without --seed;
#                        when set, domain, user, password, project and project id come from it
#   KEYLOOM_DOMAIN acme, KEYLOOM_USER alice, KEYLOOM_PASSWORD Alice-Passw0rd!,
#   KEYLOOM_PROJECT cn-north-4, KEYLOOM_PROJECT_ID 0a1b2c3d4e5f60718293a4b5c6d7e8f9
#   KEYLOOM_TOKEN        an X-Auth-Token to reuse (from token.sh) instead of logging in each time
set -euo pipefail
# A failure inside $(...) stops the script too (bash 4.4+); the helpers also check explicitly.
shopt -s inherit_errexit 2>/dev/null || true

kl_fail() {
  echo "keyloom example: $*" >&2
  exit 1
}

command -v curl >/dev/null || kl_fail "curl is not installed"

# Reads one "name" : "value" line of the pretty-printed credentials.json.
kl_credential() {
  local v
  v=$(sed -nE 's/^ *"'"$1"'" *: *"(.*)",? *$/\1/p' "$KEYLOOM_CREDENTIALS") || exit 1
  [ -n "$v" ] || kl_fail "no $1 in $KEYLOOM_CREDENTIALS"
  kl_unescape "$v"
}

# Undoes the JSON string escapes a Keyloom answer uses (\" \\ \/ \n \r \t).
kl_unescape() {
  local s=$1
  s=${s//'\\'/$'\001'}
  s=${s//'\"'/'"'}
  s=${s//'\/'/'/'}
  s=${s//'\n'/$'\n'}
  s=${s//'\r'/$'\r'}
  s=${s//'\t'/$'\t'}
  s=${s//$'\001'/'\'}
  printf '%s' "$s"
}

# Prints $1 as a JSON string, quotes included.
kl_json() {
  local s=$1
  s=${s//'\'/'\\'}
  s=${s//'"'/'\"'}
  s=${s//$'\n'/'\n'}
  s=${s//$'\r'/'\r'}
  s=${s//$'\t'/'\t'}
  printf '"%s"' "$s"
}

# Prints the string value of field $1 in the JSON answer $2 (Keyloom's names are unique per answer).
kl_field() {
  local v
  v=$(printf '%s' "$2" | sed -nE 's/.*"'"$1"'":"((\\.|[^"\\])*)".*/\1/p')
  [ -n "$v" ] || kl_fail "no $1 in the answer: $2"
  kl_unescape "$v"
}

KEYLOOM_URL=${KEYLOOM_URL:-http://127.0.0.1:8080}
KEYLOOM_URL=${KEYLOOM_URL%/}
if [ -n "${KEYLOOM_CREDENTIALS:-}" ]; then
  [ -r "$KEYLOOM_CREDENTIALS" ] || kl_fail "cannot read KEYLOOM_CREDENTIALS=$KEYLOOM_CREDENTIALS"
  KEYLOOM_DOMAIN=${KEYLOOM_DOMAIN:-$(kl_credential domain)}
  KEYLOOM_USER=${KEYLOOM_USER:-$(kl_credential user)}
  KEYLOOM_PASSWORD=${KEYLOOM_PASSWORD:-$(kl_credential password)}
  KEYLOOM_PROJECT=${KEYLOOM_PROJECT:-$(kl_credential project)}
  KEYLOOM_PROJECT_ID=${KEYLOOM_PROJECT_ID:-$(kl_credential project_id)}
fi
KEYLOOM_DOMAIN=${KEYLOOM_DOMAIN:-acme}
KEYLOOM_USER=${KEYLOOM_USER:-alice}
KEYLOOM_PASSWORD=${KEYLOOM_PASSWORD:-Alice-Passw0rd!}
KEYLOOM_PROJECT=${KEYLOOM_PROJECT:-cn-north-4}
KEYLOOM_PROJECT_ID=${KEYLOOM_PROJECT_ID:-0a1b2c3d4e5f60718293a4b5c6d7e8f9}

# Prints a project-scoped X-Auth-Token: $KEYLOOM_TOKEN, or a new one from POST /v3/auth/tokens.
kl_token() {
  if [ -n "${KEYLOOM_TOKEN:-}" ]; then
    printf '%s\n' "$KEYLOOM_TOKEN"
    return
  fi
  local body answer token
  body='{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":'
  body+="$(kl_json "$KEYLOOM_USER"),\"password\":$(kl_json "$KEYLOOM_PASSWORD"),"
  body+="\"domain\":{\"name\":$(kl_json "$KEYLOOM_DOMAIN")}}}},"
  body+="\"scope\":{\"project\":{\"name\":$(kl_json "$KEYLOOM_PROJECT")}}}}"
  answer=$(curl -sS -i -H 'Expect:' -H 'Content-Type: application/json' --data-binary "$body" \
    "$KEYLOOM_URL/v3/auth/tokens") || kl_fail "cannot reach $KEYLOOM_URL"
  token=$(printf '%s\n' "$answer" | tr -d '\r' | awk 'tolower($1)=="x-subject-token:"{print $2}')
  [ -n "$token" ] || kl_fail "login as $KEYLOOM_USER in domain $KEYLOOM_DOMAIN failed: \
$(printf '%s\n' "$answer" | tail -n 1)"
  printf '%s\n' "$token"
}

# POSTs the JSON body $2 to /v1.0/{project_id}/kms/$1 and prints the answer; fails on 4xx/5xx.
kl_kms() {
  local token answer status
  token=$(kl_token) || exit 1
  answer=$(curl -sS -H 'Expect:' -H 'Content-Type: application/json' -H "X-Auth-Token: $token" \
    --data-binary "$2" -w '\n%{http_code}' "$KEYLOOM_URL/v1.0/$KEYLOOM_PROJECT_ID/kms/$1") ||
    kl_fail "cannot reach $KEYLOOM_URL"
  status=${answer##*$'\n'}
  answer=${answer%$'\n'*}
  [ "$status" -lt 400 ] || kl_fail "$1 answered HTTP $status: $answer"
  printf '%s\n' "$answer"
}
