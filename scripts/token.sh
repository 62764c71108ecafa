#!/usr/bin/env bash
# Prints an access token from the authorization server (docs/identity.md).
#
#   scripts/token.sh USERNAME PASSWORD      a person: authorization code + PKCE, as a browser would
#   scripts/token.sh --client ID SECRET     a machine: client credentials
#
# AUTH_URL: the authorization server, default http://127.0.0.1:9000. Needs curl and openssl.
# Example: curl -H "Authorization: Bearer $(scripts/token.sh owner owner-password)" ...
set -euo pipefail

AUTH_URL="${AUTH_URL:-http://127.0.0.1:9000}"
AUTH_URL="${AUTH_URL%/}"
CLIENT_ID=carbonsink-cli
REDIRECT_URI=http://127.0.0.1:8765/callback
REDIRECT_URI_ENCODED=http%3A%2F%2F127.0.0.1%3A8765%2Fcallback

usage() {
  echo "usage: $0 USERNAME PASSWORD | $0 --client ID SECRET" >&2
  exit 2
}

fail() {
  echo "token.sh: $*" >&2
  exit 1
}

# the access_token of a token endpoint response, or the whole response on stderr
access_token() {
  local response=$1 token
  token=$(printf '%s' "$response" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
  [[ -n $token ]] || fail "no access token in the token response: $response"
  printf '%s\n' "$token"
}

base64url() {
  openssl base64 -A | tr '+/' '-_' | tr -d '='
}

client_credentials() {
  local response
  response=$(curl -sS -u "$1:$2" -d grant_type=client_credentials -d scope=api \
    -w '\n%{http_code}' "$AUTH_URL/oauth2/token") || fail "cannot reach $AUTH_URL"
  local status=${response##*$'\n'}
  [[ $status == 200 ]] || fail "client credentials refused for '$1' (HTTP $status): ${response%$'\n'*}"
  access_token "${response%$'\n'*}"
}

login() {
  local username=$1 password=$2 verifier challenge state location csrf code response
  COOKIE_JAR=$(mktemp)
  trap 'rm -f "$COOKIE_JAR"' EXIT
  verifier=$(openssl rand 32 | base64url)
  challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | base64url)
  state=$(openssl rand -hex 16)
  local browser=(curl -sS -b "$COOKIE_JAR" -c "$COOKIE_JAR" -o /dev/null -w '%{redirect_url}')

  # 1. the authorization request: not logged in yet, so the server sends the browser to its login form
  location=$("${browser[@]}" -H 'Accept: text/html' "$AUTH_URL/oauth2/authorize?response_type=code&client_id=$CLIENT_ID&redirect_uri=$REDIRECT_URI_ENCODED&scope=openid%20api&state=$state&code_challenge=$challenge&code_challenge_method=S256") \
    || fail "cannot reach $AUTH_URL"
  [[ $location == */login ]] || fail "the authorization request was not sent to the login form (redirect: '${location}')"

  # 2. the login form, for its CSRF token
  csrf=$(curl -sS -b "$COOKIE_JAR" -c "$COOKIE_JAR" "$location" | grep -o 'name="_csrf"[^>]*' | sed -n 's/.*value="\([^"]*\)".*/\1/p' | head -n 1)
  [[ -n $csrf ]] || fail "no CSRF token in the login form at $location"

  # 3. the login; success sends the browser back to the authorization request
  location=$("${browser[@]}" --data-urlencode "username=$username" --data-urlencode "password=$password" \
    --data-urlencode "_csrf=$csrf" "$AUTH_URL/login")
  [[ $location != *'/login?error'* ]] || fail "login refused for '$username': wrong username or password"
  [[ $location == *'/oauth2/authorize'* ]] || fail "the login did not return to the authorization request (redirect: '${location}')"

  # 4. the authorization request again: redirects to the callback with the code (the callback is never called)
  location=$("${browser[@]}" -H 'Accept: text/html' "$location")
  [[ $location == "$REDIRECT_URI?"* ]] || fail "no redirect to the callback after login (redirect: '${location}')"
  [[ $location != *'error='* ]] || fail "the authorization request was refused: ${location#*\?}"
  [[ $location == *"state=$state"* ]] || fail "the callback's state does not match the request's"
  code=$(printf '%s' "$location" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
  [[ -n $code ]] || fail "no code in the callback $location"

  # 5. the code and the PKCE verifier for the token
  response=$(curl -sS -w '\n%{http_code}' -d grant_type=authorization_code -d "client_id=$CLIENT_ID" -d "code=$code" \
    -d "redirect_uri=$REDIRECT_URI_ENCODED" -d "code_verifier=$verifier" "$AUTH_URL/oauth2/token")
  local status=${response##*$'\n'}
  [[ $status == 200 ]] || fail "the token request was refused (HTTP $status): ${response%$'\n'*}"
  access_token "${response%$'\n'*}"
}

case "${1:-}" in
  --client) [[ $# -eq 3 ]] || usage; client_credentials "$2" "$3" ;;
  -h|--help|'') usage ;;
  *) [[ $# -eq 2 ]] || usage; login "$1" "$2" ;;
esac
