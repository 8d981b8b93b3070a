#!/usr/bin/env bash
#
# Runs the whole test suite: ./test.sh [extra dotnet test arguments]
# for example ./test.sh --filter "FullyQualifiedName~Smoke".
#
# Without OPEN311_TEST_ADMIN_CONNECTION in the environment, the script installs
# PostgreSQL and PostGIS when missing and starts a private cluster in
# .data/pg-test on 127.0.0.1 port OPEN311_TEST_PG_PORT (default 54330), apart
# from the demo database of run.sh. It also installs Chromium and fonts for the
# browser tests. The exit code is the one of dotnet test, or 1 when no test ran.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
# shellcheck source=scripts/frontend.sh
source scripts/frontend.sh

readonly PG_TEST_CLUSTER=.data/pg-test
readonly RESULTS_DIR=artifacts/test-results

log() {
    printf '[test] %s\n' "$*" >&2
}

require_dotnet() {
    if ! command -v dotnet >/dev/null 2>&1; then
        log "error: dotnet not found. Install the .NET 10 SDK (https://dotnet.microsoft.com/download) and make sure dotnet is on PATH."
        exit 1
    fi
}

# Prints the solution file to test: Open311.sln, or Open311.slnx as created by
# newer SDKs.
find_solution() {
    local candidate
    for candidate in Open311.sln Open311.slnx; do
        if [[ -f "$candidate" ]]; then
            echo "$candidate"
            return 0
        fi
    done
    log "error: no Open311.sln or Open311.slnx found at the repository top"
    return 1
}

# Prints the path of a working Chromium from the distribution's packages.
find_chromium() {
    local candidate
    for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
        # On Ubuntu, /usr/bin/chromium-browser can be a wrapper that only prints
        # a request to install the snap package, so accept a binary only when
        # `--version` succeeds.
        if [[ -x "$candidate" ]] && "$candidate" --version >/dev/null 2>&1; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

# Sets OPEN311_CHROMIUM, installing Chromium when missing: package chromium on
# Debian, chromium-browser on Ubuntu. Only warns when neither can be installed,
# so that the other tests still run.
ensure_chromium() {
    local path
    if ! path="$(find_chromium)"; then
        log "Chromium not found, installing it from the distribution's packages"
        if ! { apt_install_packages chromium && path="$(find_chromium)"; } &&
            ! { apt_install_packages chromium-browser && path="$(find_chromium)"; }; then
            log "WARNING: Chromium could not be installed (tried packages chromium and chromium-browser)."
            log "WARNING: the browser tests need it. Install Chromium and set OPEN311_CHROMIUM to its path."
            return 0
        fi
    fi
    export OPEN311_CHROMIUM="$path"
    log "using Chromium at $path"
}

# Installs the DejaVu fonts so that browser screenshots show text.
ensure_fonts() {
    if [[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]]; then
        return 0
    fi
    apt_install_packages fonts-dejavu-core ||
        log "WARNING: fonts-dejavu-core could not be installed, so screenshots may show no text"
}

# Prints the value of attribute NAME in the Counters element of a TRX file, or 0.
trx_counter() {
    local file="$1" name="$2" value
    value="$(grep -o '<Counters [^>]*' "$file" | head -n 1 | sed -n "s/.* $name=\"\\([0-9]*\\)\".*/\\1/p")"
    echo "${value:-0}"
}

# Prints "N passed, N failed[, N skipped]" summed over the TRX files in
# RESULTS_DIR. Errors, timeouts and aborted tests count as failed. Returns 1
# when no test ran.
summarize_results() {
    local -a files=()
    local file
    while IFS= read -r -d '' file; do
        files+=("$file")
    done < <(find "$RESULTS_DIR" -name '*.trx' -print0 2>/dev/null)

    if [[ ${#files[@]} -eq 0 ]]; then
        log "no TRX result files were written to $RESULTS_DIR"
        return 1
    fi

    local passed=0 failed=0 skipped=0 counter
    for file in "${files[@]}"; do
        passed=$((passed + $(trx_counter "$file" passed)))
        for counter in failed error timeout aborted; do
            failed=$((failed + $(trx_counter "$file" "$counter")))
        done
        # Skipped tests count in "total" but not in "executed". The notExecuted
        # counter stays 0 for them (seen with Microsoft.NET.Test.Sdk 18).
        skipped=$((skipped + $(trx_counter "$file" total) - $(trx_counter "$file" executed)))
    done

    local summary="$passed passed, $failed failed"
    if [[ "$skipped" -gt 0 ]]; then
        summary+=", $skipped skipped"
    fi
    echo
    echo "$summary"

    if [[ $((passed + failed)) -eq 0 ]]; then
        return 1
    fi
}

on_exit() {
    local status=$?
    pg_stop_private_cluster
    exit "$status"
}

main() {
    require_dotnet
    local solution
    solution="$(find_solution)"

    trap on_exit EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    if [[ -n "${OPEN311_TEST_ADMIN_CONNECTION:-}" ]]; then
        log "using the PostgreSQL server from OPEN311_TEST_ADMIN_CONNECTION"
    else
        pg_install_if_missing
        # An explicit OPEN311_TEST_PG_PORT is used as is. The default port
        # moves to the next free one when another program listens on it.
        if [[ -n "${OPEN311_TEST_PG_PORT:-}" ]]; then
            pg_start_private_cluster "$PG_TEST_CLUSTER" "$OPEN311_TEST_PG_PORT" --no-fsync
        else
            pg_start_private_cluster "$PG_TEST_CLUSTER" 54330 --next-free-port --no-fsync
        fi
        OPEN311_TEST_ADMIN_CONNECTION="$(pg_connection_string postgres)"
        export OPEN311_TEST_ADMIN_CONNECTION
    fi

    ensure_chromium
    ensure_fonts
    frontend_install

    # The TRX logger gets LogFilePrefix rather than LogFileName. With a fixed
    # file name every test project of the solution writes the same TRX file,
    # and only the last project's results would be counted.
    rm -rf "$RESULTS_DIR"
    local status=0
    dotnet test "$solution" -c Release \
        --logger "console;verbosity=normal" \
        --logger "trx;LogFilePrefix=results" \
        --results-directory "$RESULTS_DIR" \
        "$@" || status=$?

    # Stop the cluster before the summary so that the summary is the last line.
    pg_stop_private_cluster

    if ! summarize_results; then
        log "error: no test ran (dotnet test exited with code $status)"
        if [[ "$status" -eq 0 ]]; then
            status=1
        fi
    fi
    return "$status"
}

main "$@"
