#!/bin/bash
# SPDX-License-Identifier: MIT
# Rate per slice of a large `kmsctl initial-load`: runs it under a pseudo-terminal so kmsctl draws
# its progress line (every 250 ms), stamps each line with the time it is drawn, and prints records/s
# per slice, interpolated between the moments the count changed. `tr` runs unbuffered: into a pipe it
# would pass the lines on in 4 KiB blocks, stamping some 40 lines (about 10 s) with one time.
#   scripts/load-slices.sh KMSCTL DATA_DIR FILE [SLICE]     (DATA_DIR must not hold a store yet)
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 KMSCTL DATA_DIR FILE [SLICE]" >&2
  exit 2
fi
bin=$1 dir=$2 file=$3 slice=${4:-100000}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
script -qfec "$bin --data-dir $dir initial-load $file" /dev/null | stdbuf -o0 tr '\r' '\n' |
  while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done > "$log"
grep -a "completed" "$log" | cut -d' ' -f2- || true
/usr/bin/python3 - "$log" "$slice" <<'PY'
import re, sys
points = []
for line in open(sys.argv[1], errors="replace"):
    m = re.match(r"(\d+\.\d+) .*?([\d,]+) records", line)
    if m:
        points.append((float(m.group(1)), int(m.group(2).replace(",", ""))))
if len(points) < 2:
    sys.exit("no progress lines")
# The first line showing each count: when that count was reached (within the 250 ms between lines).
steps = [p for i, p in enumerate(points) if i == 0 or p[1] != points[i - 1][1]]
def time_at(count):
    for (t0, n0), (t1, n1) in zip(steps, steps[1:]):
        if n0 <= count <= n1 and n1 > n0:
            return t0 + (count - n0) / (n1 - n0) * (t1 - t0)
    return None
size = int(sys.argv[2])
first, last = steps[0][1], steps[-1][1]
for lo in range(0, last, size):
    a_count, b_count = max(lo, first), min(lo + size, last)
    a, b = time_at(a_count), time_at(b_count)
    if a is not None and b is not None and b > a:
        print(f"{lo // 1000}k-{(lo + size) // 1000}k  {(b_count - a_count) / (b - a):,.0f} rec/s")
PY
