#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the dependencies, builds everything with warnings as errors and runs every test.
# Usage: scripts/test.sh [build-dir]   (KMS_SANITIZE=address|thread for a sanitizer build)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
jobs=$(nproc 2>/dev/null || echo 2)

bash scripts/install-deps.sh

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKMS_WERROR=ON \
      -DBUILD_TESTING=ON -DKMS_SANITIZE="${KMS_SANITIZE:-}"
cmake --build "$build_dir" -j "$jobs"
# Benchmarks are opt-in commands (docs/performance.md), not part of the test run.
ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" -LE benchmark
