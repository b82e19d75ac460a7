# SPDX-License-Identifier: MIT
# Sourced by the man page and completion generators: what kmsctl says about itself in --help, so
# both follow the program (its command list, each command's options) instead of a copy of it.
# Needs KMSCTL (the binary to ask).

# The help of `kmsctl --help`, or of `kmsctl CMD... --help` (some commands exit 2 with a usage line).
kmsctl_help() {
  "$KMSCTL" "$@" --help 2>&1 || true
}

# The command names: the lines of the "Commands:" block indented by exactly two spaces.
kmsctl_commands() {
  kmsctl_help | awk '/^Commands:/ { inside = 1; next }
                     inside && /^$/ { exit }
                     inside && /^  [a-z][a-z-]*/ { print $1 }'
}

# A command's sub-commands, from its line in the top-level help when it reads "name a ... | b ...":
# the first word of each alternative ("schedule list | add FILE... | remove ID | run-due").
kmsctl_subcommands() {
  kmsctl_help | awk -v cmd="$1" '/^Commands:/ { inside = 1; next }
      inside && /^$/ { exit }
      inside && $1 == cmd && /^  / {
        line = substr($0, 3 + length(cmd))
        sub(/   .*/, "", line)               # the description after a wide gap
        if (line !~ / \| / || line !~ /^ *[a-z]/) exit
        n = split(line, alt, / \| /)
        for (i = 1; i <= n; ++i) {
          split(alt[i], w, " ")
          if (w[1] ~ /^[a-z][a-z-]*$/) print w[1]
        }
        exit
      }'
}

# The options a help text lists (first column of its "Options:" block), without --help/--help-all.
kmsctl_options() {
  kmsctl_help "$@" | awk '/^Options:/ { inside = 1; next }
      inside && /^[^ ]/ { inside = 0 }
      inside && /^  -/ {
        for (i = 1; i <= NF; ++i) {
          o = $i; sub(/,$/, "", o)
          if (o !~ /^-/) break
          if (o != "-h" && o != "--help" && o != "--help-all") print o
        }
      }'
}

# The "Exit codes:" sentence of the top-level help as "code<TAB>meaning" lines.
kmsctl_exit_codes() {
  kmsctl_help | awk '/^Exit codes:/ { inside = 1; sub(/^Exit codes: */, "") }
      inside { text = text " " $0; if (/\.$/) exit }
      END {
        sub(/\.$/, "", text)
        n = split(text, part, /, /)
        for (i = 1; i <= n; ++i) {
          p = part[i]; sub(/^ +/, "", p)
          if (match(p, /^[0-9]+ /)) print substr(p, 1, RLENGTH - 1) "\t" substr(p, RLENGTH + 1)
        }
      }'
}
