# shellcheck shell=bash
# bin/kanade-dev up, auth part: broker credentials by role, the first admin, the CLI's dev.env, what to print.

up_random() { # a URL-safe random string of about 24 characters
  head -c 18 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'
}

up_credentials() { # SECRETS_DIR: broker credentials, the first admin's password, this run's service token
  local secrets="$1"
  (umask 077 && mkdir -p "$secrets") && chmod 700 "$secrets"
  "$KANADE_ROOT/bin/kanade-backend" broker-credentials --dir "$secrets" >/dev/null \
    || { kanade_say "error: could not write broker credentials to $secrets"; return 1; }
  if [ ! -s "$secrets/admin-password" ]; then
    (umask 077 && up_random > "$secrets/admin-password")
    UP_FIRST_RUN=1
  fi
  # up's own admin credential for this run only: it lives in the backend's environment and in this shell
  UP_SERVICE_TOKEN="$(up_random)$(up_random)"
}

up_api() { # METHOD PATH [JSON]: calls the backend as up's service token; the token goes through stdin, not argv
  local method="$1" path="$2" body="${3:-}"
  local args=(-sS -X "$method" -H @- "http://127.0.0.1:$UP_HTTP_PORT$path")
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data "$body")
  printf 'Authorization: Bearer %s\n' "$UP_SERVICE_TOKEN" | curl "${args[@]}"
}

up_dev_env() { # NATS_PORT HTTP_PORT SECRETS_DIR: a named API token of the first admin, then dev.env (0600)
  local nats_port="$1" secrets="$3" answer token
  UP_HTTP_PORT="$2"
  up_api DELETE /api/tokens/kanade-dev-up >/dev/null 2>&1 || true
  answer="$(up_api POST /api/tokens '{"name":"kanade-dev-up","username":"admin"}')" || true
  token="$(printf '%s' "$answer" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')"
  if [ -z "$token" ]; then
    kanade_say "error: could not create the CLI's API token: $(printf '%s' "$answer" | sed 's/"token":"[^"]*"/"token":"***"/')"
    return 1
  fi
  (
    umask 077
    {
      echo "# written by bin/kanade-dev up: source it to give the CLI (and extra agents) this fleet's credentials"
      echo "export KANADE_BACKEND_URL='http://127.0.0.1:$UP_HTTP_PORT'"
      echo "export KANADE_AUTH_TOKEN='$token'"
      echo "export KANADE_NATS_URL='nats://127.0.0.1:$nats_port'"
      sed -n 's/^\(KANADE_NATS_USER\|KANADE_NATS_PASSWORD\)=/export \1=/p' "$secrets/admin.env"
      sed -n 's/^KANADE_NATS_NKEY_SEED=/export KANADE_NATS_NKEY_SEED=/p' "$secrets/agent.env"
    } > "$UP_DATA/dev.env"
    # for curl -K: the token stays out of curl's command line (ps shows argv to every local user)
    printf 'header = "Authorization: Bearer %s"\n' "$token" > "$UP_DATA/curl.conf"
  )
}

up_print() { # NATS_PORT HTTP_PORT HOST STARTED SECRETS_DIR
  local login
  if [ "${UP_FIRST_RUN:-0}" = 1 ]; then
    login="admin / $(cat "$5/admin-password")  (the first login asks for a new password)"
  else
    login="admin, with the password you chose (the first one is in $5/admin-password)"
  fi
  cat <<INFO

Kanade is up ($((SECONDS - $4))s). Everything listens on 127.0.0.1 only; auth is on.
  dashboard:  http://127.0.0.1:$2/
  login:      $login
  CLI:        source $UP_DATA/dev.env   (backend URL and an API token of admin; broker admin and agent credentials)
  NATS:       nats://127.0.0.1:$1  (users by role; credentials in $5, mode 0700)
  agent:      $3  (data in $UP_DATA/agent)
  logs:       $UP_DATA/logs

Try:
  source $UP_DATA/dev.env
  bin/kanade run $3 -- echo hello from kanade
  curl -s -K $UP_DATA/curl.conf http://127.0.0.1:$2/api/agents   (curl.conf holds the token, 0600)

Press Ctrl-C to stop all three.
INFO
}

up_print_insecure() { # NATS_PORT HTTP_PORT HOST STARTED
  cat <<INFO

Kanade is up ($((SECONDS - $4))s) in --insecure mode: no broker credentials, no API auth (loopback only).
  dashboard:  http://127.0.0.1:$2/
  login:      none (auth is off)
  NATS:       nats://127.0.0.1:$1
  agent:      $3  (data in $UP_DATA/agent)
  logs:       $UP_DATA/logs

Try:
  bin/kanade --server nats://127.0.0.1:$1 run $3 -- echo hello from kanade
  curl -s http://127.0.0.1:$2/api/agents

Press Ctrl-C to stop all three.
INFO
}
