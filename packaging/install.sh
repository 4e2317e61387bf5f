#!/usr/bin/env bash
# Builds the release binary and installs it for the current user (~/.local) with its icon and
# launcher, so Karabakh Atlas starts from the desktop's application menu or a double-click.
# Usage: packaging/install.sh        (uninstall: packaging/install.sh --uninstall)
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${PREFIX:-$HOME/.local}
bin=$prefix/bin/karabakh-atlas
desktop=$prefix/share/applications/karabakh-atlas.desktop
icon=$prefix/share/icons/hicolor/scalable/apps/karabakh-atlas.svg
if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$bin" "$desktop" "$icon"
  echo "removed Karabakh Atlas from $prefix"
  exit 0
fi
cargo build --release
install -Dm755 target/release/karabakh-atlas "$bin"
install -Dm644 packaging/karabakh-atlas.svg "$icon"
sed "s|^Exec=karabakh-atlas|Exec=$bin|" packaging/karabakh-atlas.desktop > /tmp/karabakh-atlas.desktop.$$
install -Dm644 /tmp/karabakh-atlas.desktop.$$ "$desktop"
rm -f /tmp/karabakh-atlas.desktop.$$
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$prefix/share/applications" || true
echo "installed: $bin"
echo "launcher:  $desktop (find \"Karabakh Atlas\" in the application menu)"
