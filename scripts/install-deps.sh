#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs everything KMS Admin needs to build, run and test, from Debian 12's packages only.
# Idempotent: packages already present are skipped by apt; uses sudo when not run as root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6opengl6-dev
  qt6-charts-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libsqlite3-dev libhnswlib-dev libspdlog-dev libfmt-dev libcsv-dev libsimdjson-dev
  libxxhash-dev libeigen3-dev zlib1g-dev libzstd-dev libgl-dev libopenblas-dev libcpp-httplib-dev
  libjemalloc-dev
  python3-numpy
  xvfb xauth appstream desktop-file-utils librsvg2-bin help2man man-db
  prometheus
  redis-server libhiredis-dev
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update
"${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
