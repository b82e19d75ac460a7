#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Configures a build folder with the one set of cache flags that start.sh and test.sh share, so
# running one after the other only builds what the first did not (different flags, e.g. -Werror,
# would change every compile command and rebuild everything).
# Usage: scripts/configure.sh BUILD_DIR   (KMS_SANITIZE=address|thread for a sanitizer build)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:?usage: scripts/configure.sh BUILD_DIR}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKMS_WERROR=ON \
      -DBUILD_TESTING=ON -DKMS_SANITIZE="${KMS_SANITIZE:-}"
