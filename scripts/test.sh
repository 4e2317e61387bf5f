#!/usr/bin/env bash
# The test command: installs what the tests need beyond cargo (Mesa's CPU Vulkan driver for the
# window snapshot test, and make, which builds jemalloc from source), then runs every test.
# Usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
for pkg in mesa-vulkan-drivers libvulkan1 make; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"
fi
cargo test --release --all-targets
cargo test --release --doc
