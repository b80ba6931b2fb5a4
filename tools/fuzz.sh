#!/usr/bin/env bash
# Fuzzes the parsers of outside input (tests/fuzz/README.md) for a fixed time each.
#   tools/fuzz.sh                   every target, 25 s each, as many at once as there are cores
#   tools/fuzz.sh 600 feed live     fuzz-feed and fuzz-live, ten minutes each
# Each target starts from a copy of its seed corpus (tests/fuzz/corpus/<target>/, reproducers
# included, so a bug that was fixed stays fixed), and prints its executions and coverage. Any
# crash, failed check, sanitizer report, leak or slow input fails the run and names the input
# that caused it, kept in build/fuzz-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-25}
shift || true
all=(feed feed-roundtrip time options config graph live collect record)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
  echo "usage: tools/fuzz.sh [seconds per target] [target...]   (targets: ${all[*]})" >&2
  exit 2
fi
for t in "${targets[@]}"; do
  [ -d "tests/fuzz/corpus/$t" ] || { echo "fuzz: no target $t (targets: ${all[*]})" >&2; exit 2; }
done

cmake --preset asan >/dev/null
cmake --build --preset asan -j"$(nproc)" --target "${targets[@]/#/fuzz-}" >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
artifacts=build/fuzz-artifacts
mkdir -p "$artifacts"

# One target: its corpus copied, libFuzzer for `seconds`, its log kept for the summary.
run() {
  local t=$1
  mkdir -p "$work/$t"
  cp -R "tests/fuzz/corpus/$t" "$work/$t/corpus"
  # -timeout: one input slower than this is a bug (a loop that never ends); -rss_limit_mb: so is
  # memory without bound. Leaks are reported too (libFuzzer's default -detect_leaks=1).
  "build/asan/fuzz/fuzz-$t" "$work/$t/corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/$t-" >"$work/$t/log" 2>&1
}

jobs=$(nproc)
pids=()
for t in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  run "$t" &
  pids+=($!)
done
status=()
for pid in "${pids[@]}"; do
  if wait "$pid"; then status+=(0); else status+=($?); fi
done

failed=0
for i in "${!targets[@]}"; do
  t=${targets[$i]}
  log="$work/$t/log"
  if [ "${status[$i]}" -eq 0 ]; then
    # "#123456<tab>DONE   cov: 1234 ft: 5678 corp: 90/12Kb lim: 4096 exec/s: 4938 rss: 80Mb"
    done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
    if [ -z "$done_line" ]; then
      echo "!! fuzz-$t finished without libFuzzer's final line; the end of its log:"
      tail -n 20 "$log" | sed 's/^/   /'
      failed=$((failed + 1))
      continue
    fi
    runs=$(sed -E 's/^#([0-9]+).*/\1/' <<<"$done_line")
    field() { grep -oE "$1: [^ ]+" <<<"$done_line" | cut -d' ' -f2; }
    printf 'fuzz-%-15s %9s runs in %s s (%s/s), coverage: %s edges, %s features, corpus %s inputs\n' \
      "$t" "$runs" "$seconds" "$(field exec/s)" "$(field cov)" "$(field ft)" "$(field corp | cut -d/ -f1)"
  else
    failed=$((failed + 1))
    echo
    echo "!! fuzz-$t FAILED (exit ${status[$i]}):"
    # From the first report (a failed check, a sanitizer's, a timeout, memory) on.
    report=$(awk '/check failed|ERROR: |runtime error: |ALARM: |out-of-memory/ { p = 1 } p' "$log" | head -n 80)
    [ -n "$report" ] || report=$(tail -n 40 "$log")
    sed 's/^/   /' <<<"$report"
    input=$(grep -aoE 'Test unit written to [^ ]+' "$log" | tail -1 | sed 's/^Test unit written to //' || true)
    if [ -n "$input" ]; then
      echo "!! the input that fails: $input"
      # A seed of the corpus (a reproducer that fails again) is named as such.
      sum=$(sha1sum <"$input" | cut -d' ' -f1)
      for seed in "tests/fuzz/corpus/$t"/*; do
        [ "$(sha1sum <"$seed" | cut -d' ' -f1)" = "$sum" ] && echo "!! it is the seed       $seed"
      done
      echo "!! replay it:            build/asan/fuzz/fuzz-$t -artifact_prefix=$artifacts/replay- $input"
      echo "!! once fixed, keep it:  cp $input tests/fuzz/corpus/$t/repro-<what-it-was>"
    fi
    echo
  fi
done
echo "fuzz: $((${#targets[@]} - failed)) passed, $failed failed"
[ "$failed" -eq 0 ] || exit 1
