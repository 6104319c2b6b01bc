#!/usr/bin/env bash
# A throwaway PostgreSQL server for the PostgreSQL provider tests, in a temporary directory on a free local port.
#
#   eval "$(.ci/postgres.sh start)"    # starts it; prints the exports (connection string, directory) to evaluate
#   dotnet test tests/Grains.PostgreSql.Tests
#   .ci/postgres.sh stop               # stops the server named by FULFILLMENT_TEST_POSTGRES_DIR and deletes its directory
#
# Installs PostgreSQL from Debian if initdb/pg_ctl are missing. initdb refuses to run as root, so as root the server
# runs as the 'postgres' user the Debian package creates. Authentication is 'trust' and the server listens on
# 127.0.0.1 only, with its socket in the temporary directory: it is for tests, never for data worth keeping.
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }

find_bin_dir() {
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return
  fi
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ]; then
      echo "$dir"
      return
    fi
  done
  return 1
}

install_postgres() {
  log "initdb/pg_ctl not found; installing PostgreSQL from Debian"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
}

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    # Nothing answers on a free port, so the connection attempt fails.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  log "no free port found"
  return 1
}

# Runs a command as the server's owner: 'postgres' when we are root, ourselves otherwise.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  local bin
  if ! bin="$(find_bin_dir)"; then
    install_postgres
    bin="$(find_bin_dir)"
  fi

  local dir port
  dir="$(mktemp -d "${TMPDIR:-/tmp}/fulfillment-pg.XXXXXX")"
  chmod 755 "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$dir"
  fi

  port="$(free_port)"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; return 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=300" start >&2 \
    || { cat "$dir/server.log" >&2; rm -rf "$dir"; return 1; }

  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') listening on 127.0.0.1:$port, data in $dir"
  echo "export FULFILLMENT_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
  echo "export FULFILLMENT_TEST_POSTGRES_DIR='$dir'"
}

stop() {
  local dir="${1:-${FULFILLMENT_TEST_POSTGRES_DIR:-}}"
  if [ -z "$dir" ] || [ ! -d "$dir" ]; then
    log "no server directory given (argument or FULFILLMENT_TEST_POSTGRES_DIR)"
    return 1
  fi

  local bin
  bin="$(find_bin_dir)"
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || log "stopping the server in $dir failed"
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) shift; stop "$@" ;;
  *)
    echo "usage: $0 start | stop [directory]" >&2
    exit 2
    ;;
esac
