#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the dependencies, builds everything with warnings as errors and runs every test.
# Usage: scripts/test.sh [build-dir]   (KMS_SANITIZE=address|thread for a sanitizer build, which
# defaults to its own folder build-address / build-thread so it does not rebuild start.sh's build)
set -euo pipefail
cd "$(dirname "$0")/.."
default_dir=build
if [ -n "${KMS_SANITIZE:-}" ]; then
  default_dir=build-$KMS_SANITIZE
fi
build_dir=${1:-$default_dir}
jobs=$(nproc 2>/dev/null || echo 2)

bash scripts/install-deps.sh

# The configuration start.sh uses too (warnings are errors in both): only what it did not build is built.
bash scripts/configure.sh "$build_dir"
cmake --build "$build_dir" -j "$jobs"
# Benchmarks are opt-in commands (docs/performance.md), not part of the test run.
ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" -LE benchmark
