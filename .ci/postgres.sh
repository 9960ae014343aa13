#!/usr/bin/env bash
# Starts a PostgreSQL server for the store package's tests and prints the
# line that points the tests at it:
#
#   export HEARSAY_TEST_POSTGRES=postgres://hearsay:hearsay@127.0.0.1:54329/hearsay_test?sslmode=disable
#
# With an argument, the line is written to that file instead (source it).
#
# Installs PostgreSQL from apt when it is missing (Debian 12: PostgreSQL 15),
# then runs a private cluster of its own — not the distribution's "main"
# cluster — in $HEARSAY_PG_DIR (default /var/tmp/hearsay-postgres), owned by
# the postgres user and listening on 127.0.0.1 only, port $HEARSAY_PG_PORT
# (default 54329). Idempotent: a second run finds the cluster initialised and
# running, the role and the database made, and prints the same line.
# Meant to run as root (CI); as another user it needs sudo for apt and for
# running as postgres.
#
# Stop the cluster with:
#   runuser -u postgres -- "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)/pg_ctl" -D /var/tmp/hearsay-postgres/data stop
set -euo pipefail

base=${HEARSAY_PG_DIR:-/var/tmp/hearsay-postgres}
port=${HEARSAY_PG_PORT:-54329}
role=hearsay
password=hearsay
database=hearsay_test
out=${1:-}

log() { echo "postgres.sh: $*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# as_postgres runs a command as the postgres system user.
as_postgres() {
  if [ "$(id -un)" = postgres ]; then
    "$@"
  elif [ "$(id -u)" -eq 0 ] && command -v runuser >/dev/null; then
    runuser -u postgres -- "$@"
  else
    sudo -u postgres -- "$@"
  fi
}

bindir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# 1. Install when missing.
if [ -z "$(bindir)" ] || [ ! -x "$(bindir)/initdb" ] || ! id postgres >/dev/null 2>&1; then
  log "installing PostgreSQL from apt"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq postgresql >/dev/null
fi
bin=$(bindir)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  log "no PostgreSQL server binaries under /usr/lib/postgresql"
  exit 1
fi

# 2. Initialise the private cluster once.
data=$base/data
run=$base/run
as_root mkdir -p "$base" "$run"
as_root chown postgres:postgres "$base" "$run"
as_root chmod 700 "$base"
if [ ! -s "$data/PG_VERSION" ]; then
  log "initdb $data"
  as_postgres "$bin/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=peer --auth-host=scram-sha-256 >/dev/null
fi

# 3. Start it unless it is running.
if ! as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  log "starting on 127.0.0.1:$port"
  as_postgres "$bin/pg_ctl" -D "$data" -l "$base/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$run -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
fi

psql_admin() {
  as_postgres "$bin/psql" -h "$run" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"
}

# Wait for connections (pg_ctl -w does, but a cluster started by an earlier
# run may still be recovering).
for _ in $(seq 1 60); do
  if psql_admin -c 'SELECT 1' >/dev/null 2>&1; then break; fi
  sleep 1
done
psql_admin -c 'SELECT 1' >/dev/null

# 4. The role and the database, once.
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" != 1 ]; then
  log "creating role $role"
  psql_admin -c "CREATE ROLE $role LOGIN PASSWORD '$password'"
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$database'")" != 1 ]; then
  log "creating database $database"
  psql_admin -c "CREATE DATABASE $database OWNER $role ENCODING 'UTF8' TEMPLATE template0"
fi

line="export HEARSAY_TEST_POSTGRES=postgres://$role:$password@127.0.0.1:$port/$database?sslmode=disable"
if [ -n "$out" ]; then
  echo "$line" >"$out"
  log "wrote $out"
else
  echo "$line"
fi
