#!/usr/bin/env bash
# Installs everything the test suite needs from outside the repository, once, before any test runs. test.sh calls it
# first; the tests only check and name this script when something is missing. Idempotent: when everything is present
# it installs nothing and returns at once. It prints each thing it installs.
#
#   Debian packages (apt-get, as root):  redis-server (cluster membership in the kill tests), chromium (dashboard test)
#   npm packages (pinned by lock files): azurite    tests/azurite/package-lock.json              -> .local/azurite
#                                        playwright-core tests/Insights.Dashboard.Tests/package-lock.json -> .local/dashboard-node
#
# On another distribution install redis-server (at /usr/bin/redis-server) and a Chromium at /usr/bin/chromium by hand;
# the npm part runs anywhere with Node.js 20+ and npm.
set -euo pipefail
cd "$(dirname "$0")"

apt_packages=()
[ -x /usr/bin/redis-server ] || apt_packages+=(redis-server)
[ -x /usr/bin/chromium ] || apt_packages+=(chromium)

if [ ${#apt_packages[@]} -gt 0 ]; then
  echo "provision: installing Debian packages: ${apt_packages[*]}"
  if ! command -v apt-get >/dev/null; then
    echo "provision: no apt-get here; install ${apt_packages[*]} by hand (see README, Set-up)" >&2
    exit 1
  fi
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "provision: installing ${apt_packages[*]} needs root (or sudo)" >&2; exit 1; }
    sudo=(sudo)
  fi
  # Another apt-get (an unattended upgrade, a second checkout provisioning) may hold the dpkg lock: wait for it.
  apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -q)
  "${apt[@]}" update >/dev/null
  "${apt[@]}" install -y --no-install-recommends "${apt_packages[@]}" >/dev/null
  for program in "${apt_packages[@]}"; do
    case "$program" in
      redis-server) [ -x /usr/bin/redis-server ] ;;
      chromium) [ -x /usr/bin/chromium ] ;;
    esac || { echo "provision: apt-get installed $program but its program is missing" >&2; exit 1; }
  done
fi

command -v node >/dev/null || { echo "provision: Node.js 20+ and npm are required (https://nodejs.org)" >&2; exit 1; }
node_major=$(node --version | sed -E 's/^v([0-9]+).*/\1/')
[ "$node_major" -ge 20 ] || { echo "provision: Node.js 20+ is required; node on the PATH is $(node --version)" >&2; exit 1; }

# npm_ci SOURCE_FOLDER TARGET_FOLDER: npm ci of the folder's pinned lock file into the target, once per lock file
# content. The marker holds the lock file's hash, which the tests compare to know the install is current.
npm_ci() {
  local source=$1 target=$2 hash
  hash=$(sha256sum "$source/package-lock.json" | cut -d' ' -f1)
  if [ -f "$target/.installed" ] && [ "$(cat "$target/.installed")" = "$hash" ] && [ -d "$target/node_modules" ]; then
    return 0
  fi
  echo "provision: npm ci $source/package-lock.json into $target"
  mkdir -p "$target"
  rm -f "$target/.installed"
  cp "$source/package.json" "$source/package-lock.json" "$target/"
  (cd "$target" && npm_config_update_notifier=false PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
  echo "$hash" >"$target/.installed"
}

npm_ci tests/azurite .local/azurite
npm_ci tests/Insights.Dashboard.Tests .local/dashboard-node
