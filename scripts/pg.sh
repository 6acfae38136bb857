#!/usr/bin/env bash
# A private PostgreSQL cluster for tests, benches and a one-machine trial of the PostgreSQL store:
#   scripts/pg.sh start DIR   initdb into DIR/data (first time only), start it, print its URL
#   scripts/pg.sh url DIR     print the URL (postgresql://…?host=DIR/socket) of the cluster in DIR
#   scripts/pg.sh stop DIR    stop the cluster in DIR (fast shutdown); a stopped cluster is fine
#
# Why this shape: nothing system-wide is touched (no service, no /etc, no port). The server
# listens only on a unix socket in DIR/socket (mode 0700: only its owner, and root, may connect),
# never on TCP, so two clusters on one machine never collide and no other user reaches it.
# PostgreSQL refuses to run as root, so as root (CI) the cluster belongs to the `postgres`
# user that Debian's package creates; otherwise to the current user. Local connections are
# trusted: the socket's mode is the access control of this throw-away cluster.
# MUSEUM_PG_FSYNC=off (tests) trades crash safety for speed; the default keeps fsync on.
set -euo pipefail

usage() { echo "usage: $0 start|stop|url DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$(realpath -m "$2")

bindir=""
for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$candidate/initdb" ]; then bindir=$candidate; break; fi
done
if [ -z "$bindir" ]; then
    echo "PostgreSQL is not installed (Debian: apt-get install -y postgresql)" >&2
    exit 1
fi

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

url() { echo "postgresql://postgres@/postgres?host=$dir/socket"; }

case "$action" in
start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then
        # only the owner of the cluster may read its files
        chown postgres: "$dir"
    fi
    chmod 0700 "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        as_owner "$bindir/initdb" --pgdata="$dir/data" --username=postgres --auth=trust \
            --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
            || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    as_owner mkdir -p "$dir/socket"
    as_owner chmod 0700 "$dir/socket"
    if as_owner "$bindir/pg_ctl" --pgdata="$dir/data" status >/dev/null 2>&1; then
        url
        exit 0
    fi
    options="-c listen_addresses='' -c unix_socket_directories='$dir/socket' -c unix_socket_permissions=0700"
    options="$options -c max_connections=200 -c fsync=${MUSEUM_PG_FSYNC:-on}"
    if [ "${MUSEUM_PG_FSYNC:-on}" = "off" ]; then
        options="$options -c synchronous_commit=off -c full_page_writes=off"
    fi
    as_owner "$bindir/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --wait --timeout=60 \
        --options="$options" start >/dev/null \
        || { tail -n 20 "$dir/server.log" >&2; exit 1; }
    url
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" --pgdata="$dir/data" --mode=fast --wait stop >/dev/null
    fi
    ;;
url)
    url
    ;;
*)
    usage
    ;;
esac
