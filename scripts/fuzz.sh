#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets (fuzz/) in their own folder build-fuzz with clang, ASan and UBSan,
# then runs each for SECONDS (default 60) from its committed seeds (fuzz/corpus/<target>) and prints
# per target: executions, exec/s, coverage (libFuzzer's cov = edges, ft = features), corpus size
# and the result. Inputs the fuzzer finds go to build-fuzz/corpus/<target>, crashes, leaks and
# timeouts to build-fuzz/artifacts/<target>/; the summary also lands in build-fuzz/fuzz-summary.txt.
# Usage: scripts/fuzz.sh [seconds] [target...]   (JOBS=n for the build, default 2)
# Exit status: 0 when no target found anything, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
case $seconds in (''|*[!0-9]*) echo "fuzz.sh: seconds must be a whole number, got '$seconds'" >&2; exit 2;; esac
build_dir=build-fuzz
targets=(fuzz_csv_reader fuzz_json_reader fuzz_jsonl_reader fuzz_query_parser fuzz_index_file
         fuzz_safetensors fuzz_vocab fuzz_model_config)
if [ $# -gt 0 ]; then
  targets=("$@")
fi

for tool in clang clang++; do
  command -v "$tool" >/dev/null || { echo "fuzz.sh: $tool not found (apt-get install clang libclang-rt-dev)" >&2; exit 2; }
done
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
CC=clang CXX=clang++ cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKMS_WERROR=ON \
  -DBUILD_TESTING=OFF -DKMS_FUZZ=ON "${launcher[@]}" >/dev/null
cmake --build "$build_dir" -j "${JOBS:-2}" --target fuzzers

# The dictionary of each target (fuzz/dict/), where the format has keywords worth knowing.
dict_for() {
  case $1 in
    fuzz_csv_reader) echo fuzz/dict/csv.dict ;;
    fuzz_json_reader|fuzz_jsonl_reader) echo fuzz/dict/json.dict ;;
    fuzz_query_parser) echo fuzz/dict/query.dict ;;
    fuzz_safetensors|fuzz_model_config) echo fuzz/dict/model_json.dict ;;
    fuzz_vocab) echo fuzz/dict/vocab.dict ;;
  esac
}

summary=$build_dir/fuzz-summary.txt
found=0
printf '%-20s %8s %12s %10s %8s %8s %8s  %s\n' target seconds executions exec/s cov ft corpus result | tee "$summary"
for t in "${targets[@]}"; do
  work=$build_dir/corpus/$t
  artifacts=$build_dir/artifacts/$t
  log=$build_dir/logs/$t.log
  mkdir -p "$work" "$artifacts" "$(dirname "$log")"
  args=(-max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048
        -artifact_prefix="$artifacts/")
  dict=$(dict_for "$t")
  if [ -n "$dict" ]; then
    args+=(-dict="$dict")
  fi
  # The first folder receives new inputs; the committed seeds are only read.
  status=0
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} "$build_dir/fuzz/$t" "${args[@]}" "$work" "fuzz/corpus/$t" \
    >"$log" 2>&1 || status=$?
  # libFuzzer's last progress line ("#N DONE cov: C ft: F corp: K/...") and its final stats.
  last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
  cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
  ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
  corp=$(sed -nE 's/.* corp: ([0-9]+).*/\1/p' <<<"$last")
  execs=$(sed -nE 's/^stat::number_of_executed_units:[[:space:]]*([0-9]+)/\1/p' "$log" | tail -n 1)
  rate=$(sed -nE 's/^stat::average_exec_per_sec:[[:space:]]*([0-9]+)/\1/p' "$log" | tail -n 1)
  result=ok
  if [ "$status" -ne 0 ]; then
    found=1
    what=$(grep -m1 -oE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer): [a-zA-Z0-9_ -]+|runtime error: .*' "$log" || true)
    result="FOUND (exit $status): ${what:-see $log}; input in $artifacts/"
  fi
  printf '%-20s %8s %12s %10s %8s %8s %8s  %s\n' "$t" "$seconds" "${execs:-?}" "${rate:-?}" "${cov:-?}" \
    "${ft:-?}" "${corp:-?}" "$result" | tee -a "$summary"
done
echo "logs: $build_dir/logs/, summary: $summary"
exit $found
