#!/usr/bin/env bash
# End-to-end test in a real VS Code (code-server 4.100.3, the newest that runs on Node 20) with the
# packaged .vsix, driven by Playwright in Debian's Chromium. Sets up what it needs; when the machine
# cannot provide it (no root for apt, no registry), it says so and skips instead of failing.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ext="$(cd "$here/.." && pwd)"
tools="${EYN_E2E_TOOLS:-$HOME/.cache/eyn-e2e}"
artifacts="${EYN_E2E_ARTIFACTS:-$ext/e2e-artifacts}"
skip() { echo "e2e: skipped: $*"; exit 0; }

if ! command -v chromium >/dev/null 2>&1 || ! command -v rg >/dev/null 2>&1 || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || skip "chromium, ripgrep and libkrb5-dev are missing and cannot be installed (not root)"
  { apt-get update -qq && apt-get install -y -qq chromium ripgrep libkrb5-dev >/dev/null; } || skip "apt-get could not install chromium, ripgrep, libkrb5-dev"
fi
if [ ! -x "$tools/node_modules/.bin/code-server" ]; then
  mkdir -p "$tools"
  # @vscode/ripgrep's install downloads ripgrep from the internet; give it Debian's from its cache instead
  tmp="$(node -e "console.log(require('os').tmpdir())")"
  mkdir -p "$tmp/vscode-ripgrep-cache-1.15.11" "$tools/rg"
  cp "$(command -v rg)" "$tools/rg/rg"
  tar -czf "$tmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$tools/rg" rg
  (cd "$tools" && [ -f package.json ] || echo '{"private":true}' > package.json)
  (cd "$tools" && npm_config_unsafe_perm=true npm_config_yes=true npm install --no-audit --no-fund code-server@4.100.3 playwright-core@1.49.1 >/dev/null 2>&1) \
    || skip "npm could not install code-server 4.100.3 and playwright-core"
fi
vsix="$ext/eyn-script-tools-0.1.0.vsix"
[ -f "$vsix" ] || { echo "e2e: $vsix is missing: run npm run package first"; exit 1; }
PLAYWRIGHT_CORE="$tools/node_modules/playwright-core" timeout 600 node "$here/vscode.mjs" "$tools/node_modules/.bin/code-server" "$vsix" "$artifacts"
