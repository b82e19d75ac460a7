#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# CTest: the generated completion, loaded into bash, offers every command of `kmsctl --help` and
# each command's options from its own --help, after global options too.
# Usage: check-completion.sh KMSCTL COMPLETION_FILE
set -u  # no pipefail: grep -q may close the pipe early on purpose
KMSCTL=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../cli/kmsctl-help.sh"
. "$2" || { echo "FAIL: $2 does not load"; exit 1; }

failed=0
# complete WORD... : what _kmsctl offers for the last word of "kmsctl WORD...".
complete_line() {
  COMP_WORDS=(kmsctl "$@")
  COMP_CWORD=$#
  COMPREPLY=()
  _kmsctl
  printf '%s\n' "${COMPREPLY[@]}"
}
expect() { # expect WANTED WORD...
  local wanted=$1; shift
  if complete_line "$@" | grep -qx -- "$wanted"; then
    echo "ok: kmsctl $* -> $wanted"
  else
    echo "FAIL: 'kmsctl $*' does not offer $wanted (offers: $(complete_line "$@" | tr '\n' ' '))"
    failed=1
  fi
}

commands=$(kmsctl_commands)
[ -n "$commands" ] || { echo "FAIL: $KMSCTL --help lists no commands"; exit 1; }
for cmd in $commands; do
  expect "$cmd" ""
  expect "$cmd" --data-dir /tmp "${cmd:0:3}"
  subs=$(kmsctl_subcommands "$cmd")
  for sub in $subs; do
    expect "$sub" "$cmd" ""
    for opt in $(kmsctl_options "$cmd" "$sub"); do expect "$opt" "$cmd" "$sub" "${opt:0:2}"; done
  done
  if [ -z "$subs" ]; then
    for opt in $(kmsctl_options "$cmd"); do expect "$opt" "$cmd" "${opt:0:2}"; done
  fi
done
# Only what was asked: a command's options are not offered for another.
if complete_line stats --d | grep -qx -- --dry-run; then
  echo "FAIL: 'kmsctl stats --d' offers ingest's --dry-run"
  failed=1
fi
exit "$failed"
