# shellcheck shell=bash
# bin/kanade-dev up: nats-server (JetStream) + backend (SQLite) + one agent on loopback, until Ctrl-C.

# shellcheck source=up-auth.sh
. "$KANADE_ROOT/bin/lib/up-auth.sh"

up_port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

up_wait_for() { # DESCRIPTION TIMEOUT_S COMMAND...
  local what="$1" limit="$2" i
  shift 2
  for ((i = 0; i < limit * 10; i++)); do
    "$@" && return 0
    for pid in "${UP_PIDS[@]}"; do
      kill -0 "$pid" 2>/dev/null || { kanade_say "error: $what: a process exited during start-up (see $UP_DATA/logs)"; return 1; }
    done
    sleep 0.1
  done
  kanade_say "error: $what did not happen within ${limit}s (see $UP_DATA/logs)"
  return 1
}

up_stop() {
  # a second Ctrl-C or TERM must not cut the stop short and orphan the backend or the agent: the stop is bounded
  # (15 s per component, then KILL)
  trap - EXIT
  trap '' INT TERM
  local pid i
  if [ "${#UP_PIDS[@]}" -gt 0 ]; then
    kanade_say "stopping kanade-dev up..."
    # reverse order: agent, backend, nats-server
    for ((i = ${#UP_PIDS[@]} - 1; i >= 0; i--)); do
      pid="${UP_PIDS[$i]}"
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    done
  fi
  rm -f "$UP_DATA/up.pid"
  kanade_say "stopped."
}

up_usage() {
  cat <<'USAGE'
Usage: bin/kanade-dev up [--nats-port N] [--http-port N] [--data DIR] [--insecure]

Starts nats-server with JetStream, the backend on SQLite and one local agent, all on 127.0.0.1, with auth on:
broker credentials by role, the API behind logins and tokens. Prints the dashboard URL, the admin login and the
file to source for the CLI, and runs until Ctrl-C (which stops all three).
  --nats-port N   NATS client port (default 4222)
  --http-port N   backend HTTP port (default 8080)
  --data DIR      where JetStream, the database, logs, secrets and agent state live (default .kanade-dev/data)
  --insecure      no broker credentials and no API auth (quick experiments on a machine you alone use)
USAGE
}

cmd_up() {
  local nats_port=4222 http_port=8080 insecure=0
  UP_DATA="$KANADE_ROOT/.kanade-dev/data"
  while [ $# -gt 0 ]; do
    case "$1" in
      --nats-port) nats_port="${2:?--nats-port needs a value}"; shift 2 ;;
      --http-port) http_port="${2:?--http-port needs a value}"; shift 2 ;;
      --data) UP_DATA="${2:?--data needs a value}"; shift 2 ;;
      --insecure) insecure=1; shift ;;
      -h|--help) up_usage; return 0 ;;
      *) up_usage >&2; kanade_die "unknown option '$1'" 2 ;;
    esac
  done
  mkdir -p "$UP_DATA"
  UP_DATA="$(cd "$UP_DATA" && pwd)"
  local started=$SECONDS

  if [ -f "$UP_DATA/up.pid" ] && kill -0 "$(cat "$UP_DATA/up.pid")" 2>/dev/null; then
    kanade_die "kanade-dev up is already running on $UP_DATA (pid $(cat "$UP_DATA/up.pid")); stop it with Ctrl-C there, or use another --data"
  fi
  up_port_busy "$nats_port" && kanade_die "port $nats_port is busy; choose another with --nats-port N"
  up_port_busy "$http_port" && kanade_die "port $http_port is busy; choose another with --http-port N"

  ensure_packages nats-server curl
  find_jdk
  local module
  for module in agent backend cli; do ensure_built "$module"; done
  export KANADE_NO_BUILD=1

  echo $$ > "$UP_DATA/up.pid"
  UP_PIDS=()
  trap up_stop EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  mkdir -p "$UP_DATA/nats" "$UP_DATA/logs" "$UP_DATA/agent"
  chmod 700 "$UP_DATA"
  local secrets="$UP_DATA/secrets" auth_include=""
  if [ "$insecure" = 0 ]; then
    up_credentials "$secrets" || exit 1
    auth_include='include "../secrets/nats-auth.conf"'
  fi
  cat > "$UP_DATA/nats/nats-server.conf" <<CONF
# written by bin/kanade-dev up; JetStream sized for the backend's [jetstream] scale = 0.1 (about 490 MiB)
listen: 127.0.0.1:$nats_port
max_payload: 1MB
jetstream {
  store_dir: "$UP_DATA/nats"
  max_memory_store: 256MB
  max_file_store: 1GB
}
$auth_include
CONF
  local host
  host="$(hostname -s 2>/dev/null || hostname)"
  cat > "$UP_DATA/backend.toml" <<CONF
# written by bin/kanade-dev up
[server]
bind = '127.0.0.1:$http_port'
[nats]
url = 'nats://127.0.0.1:$nats_port'
[db]
sqlite_path = '$UP_DATA/backend.db'
[jetstream]
scale = 0.1
[log]
path = '$UP_DATA/logs/backend.log'
level = 'info'
CONF
  cat > "$UP_DATA/agent.toml" <<CONF
# written by bin/kanade-dev up
[agent]
id = '{{ system.host }}'
nats_url = 'nats://127.0.0.1:$nats_port'
data_dir = '$UP_DATA/agent'
[log]
path = '$UP_DATA/logs/agent.log'
level = 'info'
CONF

  local nats_bin
  nats_bin="$(command -v nats-server || echo /usr/sbin/nats-server)"
  "$nats_bin" -c "$UP_DATA/nats/nats-server.conf" >"$UP_DATA/logs/nats-server.log" 2>&1 &
  UP_PIDS+=($!)
  up_wait_for "nats-server on port $nats_port" 15 up_port_busy "$nats_port" || exit 1

  if [ "$insecure" = 1 ]; then
    kanade_say "WARNING: --insecure: no broker credentials and no API auth; anyone on this machine can run code through it"
    KANADE_BACKEND_CONFIG="$UP_DATA/backend.toml" KANADE_AUTH_DISABLE=1 \
      "$KANADE_ROOT/bin/kanade-backend" >"$UP_DATA/logs/backend.out" 2>&1 &
  else
    # each program gets only its own credential, through its environment (never argv)
    (
      set -a
      . "$secrets/backend.env"
      KANADE_BOOTSTRAP_ADMIN_PASSWORD="$(cat "$secrets/admin-password")"
      KANADE_AUTH_STATIC_TOKEN="$UP_SERVICE_TOKEN"
      KANADE_BACKEND_CONFIG="$UP_DATA/backend.toml"
      exec "$KANADE_ROOT/bin/kanade-backend"
    ) >"$UP_DATA/logs/backend.out" 2>&1 &
  fi
  UP_PIDS+=($!)
  up_wait_for "backend on port $http_port" 60 up_port_busy "$http_port" || exit 1

  if [ "$insecure" = 1 ]; then
    KANADE_AGENT_CONFIG="$UP_DATA/agent.toml" "$KANADE_ROOT/bin/kanade-agent" >"$UP_DATA/logs/agent.out" 2>&1 &
  else
    ( set -a; . "$secrets/agent.env"; KANADE_AGENT_CONFIG="$UP_DATA/agent.toml"; exec "$KANADE_ROOT/bin/kanade-agent" ) \
      >"$UP_DATA/logs/agent.out" 2>&1 &
  fi
  UP_PIDS+=($!)
  up_wait_for "agent $host connecting" 60 grep -q "agent up" "$UP_DATA/logs/agent.out" || exit 1

  if [ "$insecure" = 1 ]; then
    up_print_insecure "$nats_port" "$http_port" "$host" "$started"
  else
    up_dev_env "$nats_port" "$http_port" "$secrets" || exit 1
    up_print "$nats_port" "$http_port" "$host" "$started" "$secrets"
  fi

  # Stop everything as soon as any of the three exits.
  while :; do
    for pid in "${UP_PIDS[@]}"; do
      if ! kill -0 "$pid" 2>/dev/null; then
        kanade_say "a component (pid $pid) exited; see $UP_DATA/logs"
        exit 1
      fi
    done
    sleep 1 &
    wait $! 2>/dev/null || true
  done
}
