#!/bin/sh
# setup.sh -- installs the Debian packages dyad needs, when they are missing.
#
#   scripts/setup.sh          packages to build and run dyad
#   scripts/setup.sh --test   also what the test suite needs (cmocka, chromium)
#
# Runs apt-get as root, or through sudo; says what to do when it can't.
set -eu

need="build-essential pkg-config libutf8proc-dev libjansson-dev libsqlite3-dev sqlite3"
if [ "${1:-}" = "--test" ]; then
    need="$need libcmocka-dev chromium"
fi

missing=""
for p in $need; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "dyad setup: installing Debian packages:$missing"
if [ "$(id -u)" = 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "dyad setup: need root to install:$missing" >&2
    echo "  run as root: apt-get install -y$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
