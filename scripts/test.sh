#!/usr/bin/env bash
# `npm test`: lint, type-check, then every test. The keychain tests need a Secret Service; when this shell has no
# D-Bus session, the tests run inside a private one with an unlocked gnome-keyring (apt: gnome-keyring dbus-x11).
set -euo pipefail
cd "$(dirname "$0")/.."

npx eslint .
# One tsc project per runtime (tsconfig.json): Node code without DOM types, the renderer without Node types, the
# preload, the renderer's tests.
npm run --silent typecheck
# The desktop shell is built here (main, preload, renderer); it cannot be launched without the Electron binary.
npx electron-vite build --logLevel warn

if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  # A fresh keyring folder each time: a login keyring left by an earlier run may have another password.
  keyrings=$(mktemp -d)
  trap 'rm -rf "$keyrings"' EXIT
  XDG_DATA_HOME="$keyrings" dbus-run-session -- bash -c 'eval "$(printf "koppel-tests" | gnome-keyring-daemon --unlock --components=secrets)"; export GNOME_KEYRING_CONTROL; exec npx vitest run "$@"' vitest "$@"
  exit $?
fi
exec npx vitest run "$@"
