#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Writes kmsctl.1 from the program's own help: help2man for the top level, plus a section per
# command (and sub-command) from `kmsctl CMD --help` and EXIT STATUS from the "Exit codes:" line.
# Usage: make-kmsctl-man.sh KMSCTL OUTPUT
set -euo pipefail
KMSCTL=$1
output=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../cli/kmsctl-help.sh"

include=$(mktemp)
trap 'rm -f "$include"' EXIT

# roff-safe preformatted text: backslashes escaped, no line may start a request with . or '.
roff_text() {
  sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/" -e 's/-/\\-/g'
}

# A command's help with the path it was run as replaced by what a user types.
# Qt's --help/--help-all lines are left out, and an "Options:" heading left with nothing under it.
command_help() {
  kmsctl_help "$@" | sed -e "1s|^[Uu]sage: [^ ]*|Usage: kmsctl $*|" -e '/^  -h, --help/d' -e '/^  --help-all/d' |
    awk '/^Options:$/ { held = $0; next }
         held != "" { if ($0 != "") print held; held = "" }
         { print }'
}

section() {
  printf '.SS "kmsctl %s"\n.nf\n' "$*"
  command_help "$@" | roff_text
  printf '.fi\n'
}

commands=$(kmsctl_commands)
if [ -z "$commands" ]; then
  echo "make-kmsctl-man.sh: $KMSCTL --help lists no commands" >&2
  exit 1
fi
{
  echo '[COMMANDS]'
  echo 'Each command with its own options, as printed by \fBkmsctl\fR \fICOMMAND\fR \fB\-\-help\fR.'
  for cmd in $commands; do
    section "$cmd"
    for sub in $(kmsctl_subcommands "$cmd"); do
      section "$cmd" "$sub"
    done
  done
  echo '[EXIT STATUS]'
  kmsctl_exit_codes | while IFS=$'\t' read -r code meaning; do
    printf '.TP\n.B %s\n%s\n' "$code" "$meaning" | sed -e '3s/-/\\-/g'
  done
  echo '[ENVIRONMENT]'
  echo '.TP'
  echo '.B KMS_DATA_DIR'
  echo 'The data directory when \fB\-\-data\-dir\fR is not given.'
  echo '[SEE ALSO]'
  echo '.BR kms\-admin (1)'
} > "$include"

help2man --no-info --section=1 --name="the KMS Admin engine from the command line" \
         --include="$include" --output="$output" "$KMSCTL"
