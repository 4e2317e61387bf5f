#!/usr/bin/env bash
# Runs the real app under Xvfb and saves a screenshot: scripts/screenshot.sh [OUT.png] [FOLDER]
# Needs: xvfb, mesa-vulkan-drivers, libvulkan1, imagemagick (apt-get install -y ...).
set -euo pipefail
out=${1:-docs/screenshot.png}
folder=${2:-}
bin=${BIN:-target/release/karabakh-atlas}
[ -x "$bin" ] || cargo build --release
mkdir -p "$(dirname "$out")"
home=$(mktemp -d)   # a clean settings directory, so the shot shows the first start
HOME=$home XDG_DATA_HOME=$home/.local/share xvfb-run -a -s "-screen 0 1400x900x24" sh -c "
  '$bin' $folder & pid=\$!
  sleep ${WAIT:-6}
  ${ACTIONS:-true}
  sleep 1
  import -window root '$out'
  kill \$pid"
rm -rf "$home"
echo "saved $out"
