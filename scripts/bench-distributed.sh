#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Distributed embedding benchmark (not a CI test): ingests N generated records into a fresh data
# directory with the given embedder and 0, 1, 2, 4 ... `kmsctl worker` processes on this machine,
# all through a throw-away redis-server (127.0.0.1, free port, no persistence). Prints per run the
# wall time, records per second and the owner's own line: records embedded by workers / here, Redis
# round trip per chunk, owner encode+decode per chunk, chunk latency and bytes per record.
#
#   scripts/bench-distributed.sh BUILD_DIR RECORDS "0 1 2 4" [embedder options...]
#   scripts/bench-distributed.sh build 1000 "0 1 2" --embedder bert --model /work/bench100k/minilm-random
set -euo pipefail
build=${1:?build folder}; records=${2:?records}; counts=${3:?worker counts}; shift 3
embedder=("$@"); [ ${#embedder[@]} -eq 0 ] && embedder=(--embedder hash)
kmsctl="$build/app/kmsctl/kmsctl"
tmp=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"' EXIT
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
redis-server --port "$port" --bind 127.0.0.1 --dir "$tmp" --save '' --appendonly no >"$tmp/redis.log" 2>&1 &
sleep 0.5
url="redis://127.0.0.1:$port"
"$kmsctl" generate --cases "$records" --articles 0 --out "$tmp/records.jsonl" >/dev/null
# The provider options of `kmsctl worker` are those of `embedder set`, with the provider as --embedder.
provider=hash; set_args=()
for ((i = 0; i < ${#embedder[@]}; i++)); do
  if [ "${embedder[$i]}" = --embedder ]; then provider=${embedder[$((i + 1))]}; i=$((i + 1)); else set_args+=("${embedder[$i]}"); fi
done
for n in $counts; do
  data="$tmp/data-$n"
  "$kmsctl" --data-dir "$data" init >/dev/null
  "$kmsctl" --data-dir "$data" --quiet embedder set "$provider" "${set_args[@]}" --yes >/dev/null
  "$kmsctl" --data-dir "$data" --quiet workers --set-redis "$url"
  redis-cli -p "$port" FLUSHALL >/dev/null
  pids=()
  for ((w = 0; w < n; w++)); do
    "$kmsctl" --quiet worker --redis "$url" "${embedder[@]}" 2>"$tmp/worker-$n-$w.log" & pids+=($!)
  done
  # Workers register within a second; the owner publishes its embedder when the job starts.
  sleep 2
  mode=distributed; [ "$n" -eq 0 ] && mode=hybrid
  start=$(date +%s.%N)
  "$kmsctl" --data-dir "$data" --log-level info ingest "$tmp/records.jsonl" --mode "$mode" >"$tmp/ingest-$n.out" 2>"$tmp/ingest-$n.log" || true
  end=$(date +%s.%N)
  # Only the workers: a bare `wait` (no workers) would wait for redis-server too.
  if [ ${#pids[@]} -gt 0 ]; then
    for p in "${pids[@]}"; do kill -TERM "$p"; done
    wait "${pids[@]}" 2>/dev/null || true
  fi
  secs=$(echo "$end - $start" | bc -l)
  printf 'workers=%d records=%d seconds=%.1f records_per_second=%.1f\n' "$n" "$records" "$secs" "$(echo "$records / $secs" | bc -l)"
  grep -rho "distributed embedding: .*" "$tmp/ingest-$n.log" "$data" || echo "  (no distributed line: embedded locally)"
done
