#!/usr/bin/env bash
#
# Builds and serves the Open311 server with the demo data.
#
#   ./run.sh                  serve on ASPNETCORE_URLS (default http://localhost:5080)
#   ./run.sh COMMAND ARGS...  run one administrative command of the app instead,
#                             for example ./run.sh keys create --name NAME
#
# Without ConnectionStrings__Open311 in the environment, the script installs
# PostgreSQL and PostGIS when missing, starts a private cluster in .data/pg on
# 127.0.0.1 port OPEN311_PG_PORT (default 54329) and stops it again on exit.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
# shellcheck source=scripts/frontend.sh
source scripts/frontend.sh

readonly WEB_PROJECT=src/Open311.Web
readonly PG_CLUSTER=.data/pg
readonly DATABASE_NAME=open311

log() {
    printf '[run] %s\n' "$*" >&2
}

require_dotnet() {
    if ! command -v dotnet >/dev/null 2>&1; then
        log "error: dotnet not found. Install the .NET 10 SDK (https://dotnet.microsoft.com/download) and make sure dotnet is on PATH."
        exit 1
    fi
    local newest_major
    newest_major="$(dotnet --list-sdks 2>/dev/null | sed -n 's/^\([0-9][0-9]*\)\..*/\1/p' | sort -n | tail -n 1)"
    if [[ -z "$newest_major" || "$newest_major" -lt 10 ]]; then
        log "error: no .NET SDK of version 10 or later found (dotnet --list-sdks). Install the .NET 10 SDK."
        exit 1
    fi
}

server_pid=""
received_signal=""
using_private_cluster=0

# Asks the server for a graceful shutdown. `dotnet run` passes SIGTERM on to
# the app process it started and exits when the app has exited.
stop_server() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
    fi
}

# Waits up to 30 seconds for the server to exit, then kills it.
wait_for_server_exit() {
    [[ -n "$server_pid" ]] || return 0
    local attempt
    for attempt in $(seq 1 60); do
        kill -0 "$server_pid" 2>/dev/null || return 0
        sleep 0.5
    done
    log "the server did not stop within 30 seconds; killing it"
    kill -KILL "$server_pid" 2>/dev/null || true
}

on_signal() {
    received_signal="$1"
    if [[ -n "$server_pid" ]]; then
        # serve() notices the server's exit and returns.
        log "received SIG$1, stopping the server"
        stop_server
    else
        # Before the server starts: exit now, and the EXIT trap stops the cluster.
        case "$1" in
            INT) exit 130 ;;
            TERM) exit 143 ;;
            *) exit 129 ;;
        esac
    fi
}

on_exit() {
    local status=$?
    trap - INT TERM HUP
    stop_server
    wait_for_server_exit
    pg_stop_private_cluster
    exit "$status"
}

trap on_exit EXIT
trap 'on_signal INT' INT
trap 'on_signal TERM' TERM
trap 'on_signal HUP' HUP

# Prints the command line that creates an API key in the same database. For the
# private cluster it reads the password from its file instead of printing it.
print_api_key_command() {
    local env_assignment=""
    if [[ "$using_private_cluster" -eq 1 ]]; then
        env_assignment="ConnectionStrings__Open311=\"Host=$PG_HOST;Port=$PG_PORT;Username=$PG_SUPERUSER;Password=\$(cat $PG_CLUSTER/password);Database=$DATABASE_NAME\" "
    fi
    printf '  %s\n' "${env_assignment}dotnet run --project $WEB_PROJECT -- keys create --name NAME"
    printf '  or: %s\n' "./run.sh keys create --name NAME"
}

# Prints the demo accounts that the server creates in Development, read from
# the Development settings so the banner and the server agree.
print_demo_accounts() {
    local url="$1"
    local settings="$WEB_PROJECT/appsettings.Development.json"
    if [[ "$ASPNETCORE_ENVIRONMENT" != "Development" || ! -f "$settings" ]]; then
        return 0
    fi
    setting() {
        sed -n "s/.*\"$1\": *\"\([^\"]*\)\".*/\1/p" "$settings" | head -n 1
    }
    echo "Demo accounts (Development only), sign in at $url/account/signin:"
    echo "  liaison: $(setting LiaisonEmail)  password: $(setting LiaisonPassword)"
    echo "  staff:   $(setting StaffEmail)  password: $(setting StaffPassword)"
}

# Runs the server and waits for it to exit. It runs in the background so that
# the INT and TERM traps can run while it is up: bash delays traps until a
# foreground command has finished.
serve() {
    dotnet run --no-build --no-launch-profile -c Release --project "$WEB_PROJECT" &
    server_pid=$!

    local status
    while :; do
        status=0
        wait "$server_pid" || status=$?
        # wait also returns (with a status above 128) when a trapped signal
        # arrives, so wait again until the server process has really exited.
        if ! kill -0 "$server_pid" 2>/dev/null; then
            break
        fi
    done
    server_pid=""

    case "$received_signal" in
        INT) return 130 ;;
        TERM) return 143 ;;
        HUP) return 129 ;;
    esac
    return "$status"
}

main() {
    require_dotnet

    # Database: the one named by ConnectionStrings__Open311, else a private cluster.
    if [[ -n "${ConnectionStrings__Open311:-}" ]]; then
        log "using the database from ConnectionStrings__Open311"
    else
        pg_install_if_missing
        # An explicit OPEN311_PG_PORT is used as is. The default port moves to
        # the next free one when another program listens on it.
        if [[ -n "${OPEN311_PG_PORT:-}" ]]; then
            pg_start_private_cluster "$PG_CLUSTER" "$OPEN311_PG_PORT"
        else
            pg_start_private_cluster "$PG_CLUSTER" 54329 --next-free-port
        fi
        pg_ensure_database "$DATABASE_NAME"
        ConnectionStrings__Open311="$(pg_connection_string "$DATABASE_NAME")"
        export ConnectionStrings__Open311
        using_private_cluster=1
    fi

    frontend_install

    log "building $WEB_PROJECT (Release)"
    local build_output
    if ! build_output="$(dotnet build "$WEB_PROJECT/Open311.Web.csproj" -c Release -nologo -v quiet -tl:off 2>&1)"; then
        printf '%s\n' "$build_output" >&2
        log "error: the build failed (output above)"
        exit 1
    fi

    export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5080}"
    export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"

    if [[ $# -gt 0 ]]; then
        local status=0
        dotnet run --no-build --no-launch-profile -c Release --project "$WEB_PROJECT" -- "$@" || status=$?
        return "$status"
    fi

    log "importing the demo data (skipped when the database already has data)"
    dotnet run --no-build --no-launch-profile -c Release --project "$WEB_PROJECT" -- import --if-empty

    # ASPNETCORE_URLS may list several URLs separated by semicolons, so show
    # the first. A wildcard host (+, *, 0.0.0.0) is shown as localhost.
    local url="${ASPNETCORE_URLS%%;*}"
    url="${url%/}"
    url="${url/\/\/+:/\/\/localhost:}"
    url="${url/\/\/\*:/\/\/localhost:}"
    url="${url/\/\/0.0.0.0:/\/\/localhost:}"
    echo
    echo "Open311 server:  $url"
    echo "API docs:        $url/swagger"
    echo "Create an API key (from another terminal in this folder):"
    print_api_key_command
    print_demo_accounts "$url"
    echo "Environment: $ASPNETCORE_ENVIRONMENT. Press Ctrl-C to stop."
    echo

    serve
}

main "$@"
