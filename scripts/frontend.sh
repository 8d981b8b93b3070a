# shellcheck shell=bash
#
# Front-end build step shared by run.sh and test.sh. Sourcing this file only
# defines functions.

FRONTEND_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# apt_install_packages comes from postgres.sh.
if ! declare -F apt_install_packages >/dev/null; then
    # shellcheck source=scripts/postgres.sh
    source "$FRONTEND_REPO_ROOT/scripts/postgres.sh"
fi

frontend_log() {
    printf '[frontend] %s\n' "$*" >&2
}

# Installs the npm dependencies and runs the `build` script when the repository
# top has a package.json. Does nothing without one.
# Browser downloads by npm packages (Playwright, Puppeteer, Cypress) are turned
# off because tests use the distribution's Chromium.
frontend_install() {
    local root="$FRONTEND_REPO_ROOT"
    if [[ ! -f "$root/package.json" ]]; then
        return 0
    fi

    if ! command -v npm >/dev/null 2>&1; then
        frontend_log "npm not found, installing Node.js and npm from the distribution's packages"
        apt_install_packages nodejs npm || {
            frontend_log "error: could not install npm. Install Node.js with npm and run again."
            return 1
        }
    fi

    (
        cd "$root" || exit 1
        export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
        export PUPPETEER_SKIP_DOWNLOAD=1
        export PUPPETEER_SKIP_CHROMIUM_DOWNLOAD=1
        export CYPRESS_INSTALL_BINARY=0
        local -a quiet=(--no-audit --no-fund --loglevel=error)

        if [[ -f package-lock.json ]]; then
            # npm ci deletes node_modules first, so skip it while the installed
            # tree (recorded in node_modules/.package-lock.json) is newer than
            # both package.json and package-lock.json.
            if [[ -f node_modules/.package-lock.json &&
                node_modules/.package-lock.json -nt package-lock.json &&
                node_modules/.package-lock.json -nt package.json ]]; then
                frontend_log "npm dependencies are up to date"
            else
                frontend_log "installing npm dependencies (npm ci)"
                npm ci "${quiet[@]}" >/dev/null || exit 1
            fi
        else
            frontend_log "installing npm dependencies (npm install, no package-lock.json)"
            npm install "${quiet[@]}" >/dev/null || exit 1
        fi

        frontend_log "building the front end (npm run build)"
        npm run build --if-present --silent || exit 1
    ) || {
        frontend_log "error: the front-end install or build failed (output above)"
        return 1
    }
}
