#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the dependencies, builds, and starts KMS Admin on the default data directory
# ($KMS_DATA_DIR, else the platform's application data folder). On the first start an empty store
# gets a demo corpus (20,000 generated cases and 2,000 articles) so every page has something to show.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=build
jobs=$(nproc 2>/dev/null || echo 2)

bash scripts/install-deps.sh
# The same configuration as scripts/test.sh, so the test command afterwards only adds the tests.
bash scripts/configure.sh "$build_dir"
cmake --build "$build_dir" -j "$jobs" --target kmsctl kms-admin

kmsctl="$build_dir/app/kmsctl/kmsctl"
records=$("$kmsctl" --json stats | sed -n 's/.*"records": *\([0-9]*\).*/\1/p' | head -n 1)
if [ "${records:-0}" = "0" ]; then
  demo="$build_dir/demo/support-demo.jsonl"
  if [ ! -f "$demo" ]; then
    mkdir -p "$(dirname "$demo")"
    "$kmsctl" generate --cases 20000 --articles 2000 --seed 42 --out "$demo"
  fi
  echo "The store is empty: loading the demo corpus $demo"
  "$kmsctl" ingest "$demo"
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: kms-admin needs a desktop session (or: xvfb-run -a $build_dir/app/kms-admin/kms-admin)."
  "$kmsctl" health
  exit 0
fi
exec "$build_dir/app/kms-admin/kms-admin" "$@"
