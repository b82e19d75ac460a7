#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# CTest: the generated man pages render without a groff or man warning, and kmsctl.1 documents
# every command `kmsctl --help` lists and every exit code it names.
# Usage: check-man-pages.sh KMSCTL KMSCTL_PAGE KMS_ADMIN_PAGE
set -euo pipefail
KMSCTL=$1
kmsctl_page=$2
admin_page=$3
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../cli/kmsctl-help.sh"

failed=0
render() {
  local warnings
  warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$1" 2>&1 >/dev/null)
  if [ -n "$warnings" ]; then
    echo "FAIL: $1 renders with warnings:"
    echo "$warnings"
    failed=1
  fi
  LC_ALL=C.UTF-8 MANWIDTH=200 man -E UTF-8 -l -P cat "$1" 2>/dev/null
}

admin_text=$(render "$admin_page")
grep -q -- '--data-dir' <<<"$admin_text" || { echo "FAIL: $admin_page does not document --data-dir"; failed=1; }

text=$(render "$kmsctl_page")
commands=$(kmsctl_commands)
[ -n "$commands" ] || { echo "FAIL: $KMSCTL --help lists no commands"; exit 1; }
for cmd in $commands; do
  if grep -q -- "^ *kmsctl $cmd\$" <<<"$text"; then
    echo "ok: command $cmd"
  else
    echo "FAIL: $kmsctl_page has no section for the command '$cmd'"
    failed=1
  fi
done

status=$(sed -n '/^EXIT STATUS/,/^[A-Z]/p' <<<"$text")
codes=$(kmsctl_exit_codes | cut -f1)
[ -n "$codes" ] || { echo "FAIL: $KMSCTL --help names no exit codes"; exit 1; }
for code in $codes; do
  if grep -q -- "^ *$code  " <<<"$status"; then
    echo "ok: exit code $code"
  else
    echo "FAIL: $kmsctl_page's EXIT STATUS does not list $code"
    failed=1
  fi
done
exit "$failed"
