#!/bin/sh
# SPDX-License-Identifier: MIT
# Refreshes translations/kms-admin_*.ts from every source of ui/ and app/kms-admin (new strings are
# added unfinished, removed ones dropped), fills the English catalogue with the source texts and
# says how many German texts still need translating. translations/README.md has the details.
# Usage: scripts/update-translations.sh [build-dir]   (default: build; configured with CMake)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
cmake --build "$build" --target update_translations
python3 "$root/scripts/fill-english-ts.py" "$root/translations/kms-admin_en.ts"
open=$(grep -c 'type="unfinished"' "$root/translations/kms-admin_de.ts" || true)
echo "translations/kms-admin_de.ts: $open message(s) to translate (type=\"unfinished\")"
