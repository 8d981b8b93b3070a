# shellcheck shell=bash
#
# Helpers for a private PostgreSQL + PostGIS cluster under the repository's
# .data/ folder. run.sh and test.sh source this file, which only defines
# functions and variables.
#
# Functions:
#   apt_install_packages PKG...       install Debian/Ubuntu packages (sudo when not root)
#   pg_install_if_missing             install the PostgreSQL server, contrib and PostGIS
#   pg_start_private_cluster DIR [PORT] [--next-free-port] [--no-fsync]
#                                     initdb once, start (or reuse) the cluster
#   pg_first_free_port START          print the first port from START with no listener
#   pg_stop_private_cluster           stop the cluster, only if this shell started it
#   pg_ensure_database NAME           create NAME with the postgis and btree_gist extensions
#   pg_connection_string [DATABASE]   print an Npgsql connection string
#   pg_psql [PSQL ARGS...]            run psql against the private cluster as superuser
#
# Authentication: the cluster listens on 127.0.0.1 only and requires a password
# (scram-sha-256) for every connection. The password is generated at initdb time
# and stored in DIR/password (mode 0600). Trust auth was not chosen because any
# local user could then connect as superuser and run programs as the cluster's
# OS user (COPY ... TO PROGRAM).

# Sourcing the file a second time would reset the cluster state below.
if [[ -n "${PG_LIBRARY_LOADED:-}" ]]; then
    return 0
fi
PG_LIBRARY_LOADED=1

PG_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

PG_DEFAULT_PORT=54329
PG_HOST=127.0.0.1
PG_SUPERUSER=postgres

# Set by pg_install_if_missing / pg_find_bin_dir.
PG_MAJOR=""
PG_BIN_DIR=""

# Set by pg_start_private_cluster.
PG_CLUSTER_DIR=""
PG_DATA_DIR=""
PG_PORT=""
PG_PASSWORD=""
PG_STARTED_BY_US=0

PG_APT_UPDATED=0

pg_log() {
    printf '[postgres] %s\n' "$*" >&2
}

pg_fail() {
    printf '[postgres] error: %s\n' "$*" >&2
    return 1
}

pg_running_as_root() {
    [[ "$(id -u)" -eq 0 ]]
}

# Runs apt-get as root, through sudo when the current user is not root.
# When apt-get fails while another apt or dpkg process runs, which then has the
# package manager lock, it retries for up to about five minutes.
pg_apt_get() {
    local -a prefix=()
    if ! pg_running_as_root; then
        if command -v sudo >/dev/null 2>&1; then
            prefix=(sudo)
        else
            pg_fail "installing packages needs root rights, but this is not root and sudo is missing. Run the script as root or install: $*"
            return 1
        fi
    fi

    # Ten attempts of up to 20 seconds of waiting for the dpkg lock inside
    # apt-get plus a 10-second pause each make about five minutes.
    local attempt
    for attempt in $(seq 1 10); do
        if "${prefix[@]}" env DEBIAN_FRONTEND=noninteractive \
            apt-get -o DPkg::Lock::Timeout=20 "$@"; then
            return 0
        fi
        if ! pg_apt_lock_busy; then
            return 1
        fi
        pg_log "apt-get: the package manager is busy (attempt $attempt of 10), retrying in 10 seconds"
        sleep 10
    done
    return 1
}

# Returns 0 while an apt, apt-get, dpkg or unattended-upgrades process runs.
# It reads /proc directly because fuser and pgrep are missing on minimal images.
pg_apt_lock_busy() {
    local comm_file name
    for comm_file in /proc/[0-9]*/comm; do
        name="$(cat "$comm_file" 2>/dev/null)" || continue
        case "$name" in
            apt | apt-get | dpkg | unattended-upgr*) return 0 ;;
        esac
    done
    return 1
}

# Installs Debian/Ubuntu packages, running `apt-get update` once per shell first.
apt_install_packages() {
    if ! command -v apt-get >/dev/null 2>&1; then
        pg_fail "apt-get not found: this script supports Debian and Ubuntu only. Install these packages by hand: $*"
        return 1
    fi
    if [[ "$PG_APT_UPDATED" -eq 0 ]]; then
        pg_log "running apt-get update"
        pg_apt_get update -qq || return 1
        PG_APT_UPDATED=1
    fi
    pg_log "installing: $*"
    pg_apt_get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Sets PG_MAJOR and PG_BIN_DIR to the highest installed server version.
# Returns 1 when no server is installed.
pg_find_bin_dir() {
    local dir major best=""
    for dir in /usr/lib/postgresql/*/bin; do
        [[ -x "$dir/postgres" && -x "$dir/initdb" ]] || continue
        major="$(basename "$(dirname "$dir")")"
        [[ "$major" =~ ^[0-9]+$ ]] || continue
        if [[ -z "$best" || "$major" -gt "$best" ]]; then
            best="$major"
        fi
    done
    [[ -n "$best" ]] || return 1
    PG_MAJOR="$best"
    PG_BIN_DIR="/usr/lib/postgresql/$best/bin"
}

pg_extension_installed() {
    [[ -f "/usr/share/postgresql/$PG_MAJOR/extension/$1.control" ]]
}

# Installs the PostgreSQL server, its contrib extensions (btree_gist) and
# PostGIS from the distribution's packages when any of them is missing.
pg_install_if_missing() {
    if ! pg_find_bin_dir; then
        pg_log "PostgreSQL server not found, installing it"
        apt_install_packages postgresql postgresql-contrib || {
            pg_fail "could not install PostgreSQL (packages postgresql postgresql-contrib)"
            return 1
        }
        pg_find_bin_dir || {
            pg_fail "PostgreSQL was installed but no server binaries were found under /usr/lib/postgresql/*/bin"
            return 1
        }
    fi

    if ! pg_extension_installed btree_gist; then
        apt_install_packages postgresql-contrib || {
            pg_fail "could not install the btree_gist extension (package postgresql-contrib)"
            return 1
        }
    fi

    if ! pg_extension_installed postgis; then
        apt_install_packages "postgresql-$PG_MAJOR-postgis-3" || {
            pg_fail "could not install PostGIS (package postgresql-$PG_MAJOR-postgis-3)"
            return 1
        }
        pg_extension_installed postgis || {
            pg_fail "postgresql-$PG_MAJOR-postgis-3 was installed but postgis.control is missing for PostgreSQL $PG_MAJOR"
            return 1
        }
    fi

    pg_log "using PostgreSQL $PG_MAJOR with PostGIS"
}

# Runs a server binary (initdb, pg_ctl) as the cluster's OS user. Because
# initdb, pg_ctl and postgres reject running as root, root runs them as the
# `postgres` system user. Any other user runs them as itself.
# As root the command starts in / because the current folder may be unreadable
# for that user, so every path passed in must be absolute.
pg_run_as_owner() {
    if ! pg_running_as_root; then
        "$@"
    elif command -v runuser >/dev/null 2>&1; then
        (cd / && runuser -u "$PG_SUPERUSER" -- "$@")
    else
        local quoted
        quoted="$(printf '%q ' "$@")"
        (cd / && su -s /bin/bash "$PG_SUPERUSER" -c "$quoted")
    fi
}

# As root: creates the `postgres` system user when the distribution package did
# not, and gives it search (x) permission on every parent folder of DIR so the
# server can reach its data directory.
pg_prepare_owner() {
    local dir="$1"
    pg_running_as_root || return 0

    if ! id -u "$PG_SUPERUSER" >/dev/null 2>&1; then
        pg_log "creating the system user $PG_SUPERUSER"
        useradd --system --user-group --no-create-home \
            --home-dir /var/lib/postgresql --shell /usr/sbin/nologin "$PG_SUPERUSER" || {
            pg_fail "could not create the system user $PG_SUPERUSER"
            return 1
        }
    fi

    # Check from the top down, because a folder below one without search
    # permission always fails the test.
    local -a parents=()
    local parent
    parent="$(dirname "$dir")"
    while [[ "$parent" != "/" ]]; do
        parents=("$parent" "${parents[@]}")
        parent="$(dirname "$parent")"
    done
    for parent in "${parents[@]}"; do
        if ! pg_run_as_owner test -x "$parent" 2>/dev/null; then
            pg_log "granting search permission on $parent to others so that user $PG_SUPERUSER can reach the cluster"
            chmod o+x "$parent" || {
                pg_fail "could not make $parent searchable for user $PG_SUPERUSER. Move the repository to a folder that user can reach."
                return 1
            }
        fi
    done
}

pg_locale_for_initdb() {
    if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
        echo C.UTF-8
    else
        echo C
    fi
}

# Runs initdb in PG_DATA_DIR with a new random superuser password.
pg_init_cluster() {
    local owner="$1"
    local password_file="$PG_CLUSTER_DIR/password"
    local temp_password_file="$PG_CLUSTER_DIR/initdb-password.tmp"

    pg_log "creating a new cluster in $PG_DATA_DIR"
    if [[ -d "$PG_DATA_DIR" ]]; then
        # A data directory without PG_VERSION is left over from an initdb that
        # did not finish.
        pg_log "removing the incomplete data directory $PG_DATA_DIR"
        rm -rf "$PG_DATA_DIR"
    fi
    mkdir -p "$PG_DATA_DIR"
    chmod 700 "$PG_DATA_DIR"

    PG_PASSWORD="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
    (umask 077 && printf '%s\n' "$PG_PASSWORD" >"$password_file")
    (umask 077 && printf '%s\n' "$PG_PASSWORD" >"$temp_password_file")
    if pg_running_as_root; then
        chown -R "$owner" "$PG_DATA_DIR" "$temp_password_file"
    fi

    local locale status=0
    locale="$(pg_locale_for_initdb)"
    pg_run_as_owner "$PG_BIN_DIR/initdb" \
        --pgdata="$PG_DATA_DIR" \
        --username="$PG_SUPERUSER" \
        --pwfile="$temp_password_file" \
        --auth=scram-sha-256 \
        --encoding=UTF8 \
        --locale="$locale" >"$PG_CLUSTER_DIR/initdb.log" 2>&1 || status=$?
    rm -f "$temp_password_file"
    if [[ "$status" -ne 0 ]]; then
        cat "$PG_CLUSTER_DIR/initdb.log" >&2
        rm -rf "$PG_DATA_DIR" "$password_file"
        pg_fail "initdb failed for $PG_DATA_DIR (log above)"
        return 1
    fi

    # Only the TCP loopback address may connect, with the password. Unix socket
    # connections also need the password.
    cat >"$PG_DATA_DIR/pg_hba.conf" <<'EOF'
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 scram-sha-256
host    all       all   127.0.0.1/32  scram-sha-256
EOF
    printf "\ninclude_if_exists = 'open311-runtime.conf'\n" >>"$PG_DATA_DIR/postgresql.conf"
    if pg_running_as_root; then
        chown "$owner" "$PG_DATA_DIR/pg_hba.conf"
    fi
}

# Writes the settings that may change between starts (port, socket folder,
# durability) to a file that postgresql.conf includes.
pg_write_runtime_config() {
    local owner="$1" socket_dir="$2" no_fsync="$3"
    local config="$PG_DATA_DIR/open311-runtime.conf"
    local escaped_socket_dir="${socket_dir//\'/\'\'}"
    {
        echo "# Rewritten by scripts/postgres.sh on every start."
        echo "listen_addresses = '127.0.0.1'"
        echo "port = $PG_PORT"
        echo "unix_socket_directories = '$escaped_socket_dir'"
        if [[ "$no_fsync" -eq 1 ]]; then
            # The data is throwaway test data, so trade crash safety for speed.
            echo "fsync = off"
            echo "synchronous_commit = off"
            echo "full_page_writes = off"
        fi
    } >"$config"
    if pg_running_as_root; then
        chown "$owner" "$config"
    fi
}

# Returns 0 when some process listens on TCP port PORT on any local address.
# It reads /proc/net/tcp and tcp6 instead of connecting to the port.
pg_port_in_use() {
    local port_hex table
    port_hex="$(printf '%04X' "$1")"
    for table in /proc/net/tcp /proc/net/tcp6; do
        [[ -r "$table" ]] || continue
        # Columns: slot, local address:port (hex), remote address, state (0A = LISTEN).
        if awk -v port="$port_hex" 'NR > 1 && $4 == "0A" && substr($2, length($2) - 3) == port { found = 1 } END { exit !found }' "$table"; then
            return 0
        fi
    done
    return 1
}

# Prints the first port from START to START+19 on which nothing listens, or
# START itself when all of them are taken (the server start then fails and
# reports the clash).
pg_first_free_port() {
    local start="$1" port
    for ((port = start; port < start + 20; port++)); do
        if ! pg_port_in_use "$port"; then
            if [[ "$port" -ne "$start" ]]; then
                pg_log "port $start is in use, so the cluster gets port $port"
            fi
            echo "$port"
            return 0
        fi
    done
    echo "$start"
}

# Starts (or reuses) a private cluster.
#   DIR              folder for the cluster; relative paths are taken from the
#                    repository top. It contains data/ (PGDATA), run/ (unix
#                    socket), password and server.log.
#   PORT             TCP port on 127.0.0.1; defaults to 54329.
#   --next-free-port when another program listens on PORT, use the first free
#                    port of the 19 after it instead.
#   --no-fsync       turn off fsync (for throwaway test clusters).
# A cluster already running in DIR is reused on the port it has.
# Sets PG_CLUSTER_DIR, PG_DATA_DIR, PG_PORT, PG_PASSWORD and PG_STARTED_BY_US.
pg_start_private_cluster() {
    local dir="${1:?pg_start_private_cluster: missing DIR}"
    local port="${2:-$PG_DEFAULT_PORT}"
    local no_fsync=0 next_free_port=0 option
    for option in "${@:3}"; do
        case "$option" in
            --no-fsync) no_fsync=1 ;;
            --next-free-port) next_free_port=1 ;;
            *)
                pg_fail "pg_start_private_cluster: unknown option '$option'"
                return 1
                ;;
        esac
    done

    if [[ ! "$port" =~ ^[0-9]+$ ]] || ((port < 1024 || port > 65535)); then
        pg_fail "invalid port '$port': expected a number from 1024 to 65535"
        return 1
    fi
    if [[ -z "$PG_BIN_DIR" ]]; then
        pg_find_bin_dir || {
            pg_fail "PostgreSQL server binaries not found; call pg_install_if_missing first"
            return 1
        }
    fi

    if [[ "$dir" != /* ]]; then
        dir="$PG_REPO_ROOT/$dir"
    fi
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    PG_CLUSTER_DIR="$dir"
    PG_DATA_DIR="$dir/data"
    PG_PORT="$port"

    local owner socket_dir="$dir/run"
    if pg_running_as_root; then
        owner="$PG_SUPERUSER"
    else
        owner="$(id -un)"
    fi

    # A unix socket path may not exceed 107 bytes. When the repository sits too
    # deep for that, the server gets no unix socket. All clients here use TCP.
    if ((${#socket_dir} + ${#PG_PORT} + 10 > 107)); then
        pg_log "the path $socket_dir is too long for a unix socket; the cluster will listen on TCP only"
        socket_dir=""
    fi

    pg_prepare_owner "$dir" || return 1
    mkdir -p "$dir/run"
    if pg_running_as_root; then
        chown "$owner" "$dir" "$dir/run"
    fi

    if [[ -f "$PG_DATA_DIR/PG_VERSION" ]]; then
        local data_version
        data_version="$(cat "$PG_DATA_DIR/PG_VERSION")"
        if [[ "$data_version" != "$PG_MAJOR" ]]; then
            pg_fail "$PG_DATA_DIR was created by PostgreSQL $data_version but the installed server is $PG_MAJOR. Delete $dir to start over (its data will be lost) or upgrade it with pg_upgrade."
            return 1
        fi
        if [[ ! -r "$dir/password" ]]; then
            pg_fail "$dir/password is missing or unreadable, so the cluster cannot be reached. Delete $dir to start over (its data will be lost)."
            return 1
        fi
        local data_owner
        data_owner="$(stat -c %U "$PG_DATA_DIR")"
        if [[ "$data_owner" != "$owner" ]]; then
            if pg_running_as_root; then
                chown -R "$owner" "$PG_DATA_DIR"
            else
                pg_fail "$PG_DATA_DIR belongs to user $data_owner (it was probably created as root). Run as root, or delete $dir to start over."
                return 1
            fi
        fi
        PG_PASSWORD="$(head -n 1 "$dir/password")"
    else
        pg_init_cluster "$owner" || return 1
    fi

    if pg_run_as_owner "$PG_BIN_DIR/pg_ctl" status -D "$PG_DATA_DIR" >/dev/null 2>&1; then
        local running_port
        running_port="$(sed -n 4p "$PG_DATA_DIR/postmaster.pid" 2>/dev/null || true)"
        if [[ -n "$running_port" && "$running_port" != "$PG_PORT" ]]; then
            pg_log "the cluster in $PG_DATA_DIR is already running on port $running_port; using that port instead of $PG_PORT"
            PG_PORT="$running_port"
        else
            pg_log "reusing the cluster already running in $PG_DATA_DIR on port $PG_PORT"
        fi
        PG_STARTED_BY_US=0
    else
        if [[ "$next_free_port" -eq 1 ]]; then
            PG_PORT="$(pg_first_free_port "$PG_PORT")"
        fi
        pg_write_runtime_config "$owner" "$socket_dir" "$no_fsync"
        : >>"$dir/server.log"
        if pg_running_as_root; then
            chown "$owner" "$dir/server.log"
        fi
        pg_log "starting PostgreSQL $PG_MAJOR on $PG_HOST:$PG_PORT (data in $PG_DATA_DIR)"
        if ! pg_run_as_owner "$PG_BIN_DIR/pg_ctl" start -D "$PG_DATA_DIR" \
            -l "$dir/server.log" -w -t 60 >/dev/null; then
            tail -n 20 "$dir/server.log" >&2 || true
            pg_fail "PostgreSQL did not start (last lines of $dir/server.log above). Is port $PG_PORT already in use? Pick another port with OPEN311_PG_PORT or OPEN311_TEST_PG_PORT."
            return 1
        fi
        PG_STARTED_BY_US=1
    fi

    local attempt
    for attempt in $(seq 1 60); do
        if "$PG_BIN_DIR/pg_isready" -q -h "$PG_HOST" -p "$PG_PORT" -d postgres; then
            return 0
        fi
        sleep 1
    done
    pg_fail "PostgreSQL on $PG_HOST:$PG_PORT did not accept connections within 60 seconds (log: $dir/server.log)"
    return 1
}

# Stops the cluster, but only when pg_start_private_cluster started it in
# this shell. Safe to call more than once.
pg_stop_private_cluster() {
    if [[ "$PG_STARTED_BY_US" -ne 1 ]]; then
        return 0
    fi
    PG_STARTED_BY_US=0
    pg_log "stopping PostgreSQL on $PG_HOST:$PG_PORT"
    pg_run_as_owner "$PG_BIN_DIR/pg_ctl" stop -D "$PG_DATA_DIR" -m fast -w -t 60 >/dev/null ||
        pg_log "pg_ctl stop failed for $PG_DATA_DIR"
}

# Runs psql against the private cluster as superuser, stopping at the first error.
pg_psql() {
    PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=10 PGOPTIONS="-c client_min_messages=warning" \
        "$PG_BIN_DIR/psql" \
        -X -q -v ON_ERROR_STOP=1 \
        -h "$PG_HOST" -p "$PG_PORT" -U "$PG_SUPERUSER" "$@"
}

# Creates database NAME when it does not exist and creates the postgis and
# btree_gist extensions in it.
pg_ensure_database() {
    local name="${1:?pg_ensure_database: missing NAME}"
    if [[ ! "$name" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]; then
        pg_fail "invalid database name '$name': use letters, digits and underscores"
        return 1
    fi

    if ! pg_psql -d postgres -v dbname="$name" <<'EOF'; then
SELECT format('CREATE DATABASE %I', :'dbname')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'dbname')
\gexec
EOF
        pg_fail "could not create database $name"
        return 1
    fi

    if ! pg_psql -d "$name" <<'EOF'; then
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS btree_gist;
EOF
        pg_fail "could not create the postgis and btree_gist extensions in database $name"
        return 1
    fi
}

# Prints the Npgsql connection string for DATABASE (default: postgres) on the
# private cluster, for example
#   Host=127.0.0.1;Port=54329;Username=postgres;Password=<hex>;Database=open311
pg_connection_string() {
    local database="${1:-postgres}"
    printf 'Host=%s;Port=%s;Username=%s;Password=%s;Database=%s\n' \
        "$PG_HOST" "$PG_PORT" "$PG_SUPERUSER" "$PG_PASSWORD" "$database"
}
