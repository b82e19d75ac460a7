#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the dependencies, builds, and starts KMS Admin on the default data directory.
# Until the desktop app exists this is kmsctl: it generates a demo corpus (first run only),
# ingests it and prints the store's health.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=build
jobs=$(nproc 2>/dev/null || echo 2)

bash scripts/install-deps.sh
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF
cmake --build "$build_dir" -j "$jobs" --target kmsctl

kmsctl="$build_dir/app/kmsctl/kmsctl"
demo="$build_dir/demo/support-demo.jsonl"
if [ ! -f "$demo" ]; then
  mkdir -p "$(dirname "$demo")"
  "$kmsctl" generate --cases 20000 --articles 2000 --seed 42 --out "$demo"
fi
"$kmsctl" ingest "$demo"
"$kmsctl" health
