#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Writes the bash completion of kmsctl from the program's own help: the commands of `kmsctl --help`,
# the options of each `kmsctl CMD --help` (and of each schedule sub-command), the global options of
# its usage line. Options whose value is a folder (<dir>, DIR) complete folders, other values files.
# Usage: make-kmsctl-completion.sh KMSCTL OUTPUT
set -euo pipefail
KMSCTL=$1
output=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../cli/kmsctl-help.sh"

commands=$(kmsctl_commands | tr '\n' ' ')
if [ -z "$commands" ]; then
  echo "make-kmsctl-completion.sh: $KMSCTL --help lists no commands" >&2
  exit 1
fi
# "usage: kmsctl [--data-dir DIR] [--json] ...": the global options, and which of them take a value.
usage=$(kmsctl_help | head -n 1)
globals=$(grep -o -- '--[a-z][a-z-]*' <<<"$usage" | tr '\n' ' ')
global_values=$(grep -o -- '--[a-z][a-z-]* [A-Z]' <<<"$usage" | cut -d' ' -f1 | tr '\n' '|')
# Every option of any command or the usage line whose value is a folder.
dir_options=$({ grep -o -- '--[a-z][a-z-]* DIR' <<<"$usage" || true
                for cmd in $commands; do kmsctl_help "$cmd" | grep -o -- '--[a-z][a-z-]* <dir>' || true; done
              } | cut -d' ' -f1 | sort -u | tr '\n' '|')

words() { tr '\n' ' ' | sed 's/ $//'; }

{
  cat <<HEAD
# bash completion for kmsctl, generated from \`kmsctl --help\` by make-kmsctl-completion.sh.
_kmsctl()
{
    local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
    local cmd="" sub="" opts="" i w
    # The command and sub-command typed so far, skipping global options and their values.
    for ((i = 1; i < COMP_CWORD; i++)); do
        w=\${COMP_WORDS[i]}
        case \$w in
            ${global_values%|}) ((i++)); continue ;;
            -*) continue ;;
        esac
        if [[ -z \$cmd ]]; then cmd=\$w; elif [[ -z \$sub ]]; then sub=\$w; fi
    done
    case \$prev in
        ${dir_options%|}) COMPREPLY=(\$(compgen -d -- "\$cur")); return ;;
    esac
    case \$cmd in
        "") COMPREPLY=(\$(compgen -W "$commands $globals" -- "\$cur")); return ;;
HEAD
  for cmd in $commands; do
    subs=$(kmsctl_subcommands "$cmd" | words)
    if [ -n "$subs" ]; then
      printf '        %s)\n            case $sub in\n' "$cmd"
      printf '                "") COMPREPLY=($(compgen -W "%s" -- "$cur")); return ;;\n' "$subs"
      for sub in $subs; do
        printf '                %s) opts="%s" ;;\n' "$sub" "$(kmsctl_options "$cmd" "$sub" | words)"
      done
      printf '            esac ;;\n'
    else
      printf '        %s) opts="%s" ;;\n' "$cmd" "$(kmsctl_options "$cmd" | words)"
    fi
  done
  cat <<TAIL
    esac
    if [[ \$cur == -* ]]; then
        COMPREPLY=(\$(compgen -W "\$opts --help $globals" -- "\$cur"))
    else
        COMPREPLY=(\$(compgen -f -- "\$cur"))
    fi
}
complete -o filenames -F _kmsctl kmsctl
TAIL
} > "$output"
