#!/usr/bin/env bash
# Makes host/adapters/fixtures/keytar-7.9.0.keyring: a GNOME Keyring file whose entries were written by keytar 7.9.0,
# the keychain binding of Koppel 0.1. The keychain migration test (host/adapters/legacy-keychain.test.ts) opens it in
# a real gnome-keyring to prove that secrets stored the old way are found and moved. Not part of npm test: keytar
# compiles from source (apt: libsecret-1-dev, a C++ compiler; gnome-keyring dbus-x11 to run).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '{"name":"legacy-keyring","private":true,"allowScripts":{"keytar":true}}\n' > "$work/package.json"
(cd "$work" && npm install --no-audit --no-fund keytar@7.9.0 >/dev/null)
cat > "$work/write.cjs" <<'JS'
const keytar = require('keytar');
(async () => {
  await keytar.setPassword('Koppel', 'legacy-visma', 'vísma-sécret/🔑 with spaces');
  await keytar.setPassword('Koppel', 'legacy-shop', 'shop-secret-0123456789abcdef');
  await keytar.setPassword('Koppel', 'legacy-removed', 'to be deleted');
  await keytar.setPassword('Other app', 'legacy-visma', 'not ours');
})().catch((e) => { console.error(e); process.exit(1); });
JS
mkdir -p "$work/data"
XDG_DATA_HOME="$work/data" dbus-run-session -- bash -c \
  'eval "$(printf "koppel-legacy-fixture" | gnome-keyring-daemon --unlock --components=secrets)"; NODE_PATH="'"$work"'/node_modules" node "'"$work"'/write.cjs"'
cp "$work/data/keyrings/login.keyring" host/adapters/fixtures/keytar-7.9.0.keyring
echo "wrote host/adapters/fixtures/keytar-7.9.0.keyring (password: koppel-legacy-fixture)"
