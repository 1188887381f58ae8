#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL server:
#   scripts/with_postgres.sh pytest ...
# The server lives in a temporary directory, listens on 127.0.0.1 at a free port with fsync off,
# and is stopped and deleted when the command ends, whatever its outcome. DATABASE_URL points at it.
set -euo pipefail

bindir=""
if command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; then
  bindir=$(pg_config --bindir)
else
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi
[ -x "$bindir/initdb" ] || { echo "PostgreSQL server binaries not found (install the postgresql package)" >&2; exit 1; }

workdir=$(mktemp -d /tmp/unionreports-pg.XXXXXX)
# initdb refuses to run as root: run the server as the postgres system user then.
as_server=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$workdir"
  as_server=(runuser -u postgres --)
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cleanup() {
  "${as_server[@]}" "$bindir/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap cleanup EXIT

"${as_server[@]}" "$bindir/initdb" -D "$workdir/data" -U unionreports --auth=trust -E UTF8 \
  --locale=C.UTF-8 >"$workdir/initdb.log" 2>&1 || { cat "$workdir/initdb.log" >&2; exit 1; }
"${as_server[@]}" "$bindir/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w -s \
  -o "-h 127.0.0.1 -p $port -k $workdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start || { cat "$workdir/server.log" >&2; exit 1; }

"$bindir/createdb" -h 127.0.0.1 -p "$port" -U unionreports unionreports
export DATABASE_URL="postgres://unionreports@127.0.0.1:$port/unionreports"
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (throwaway)"
set +e
"$@"
status=$?
set -e
exit $status
