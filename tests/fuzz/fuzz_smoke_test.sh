#!/usr/bin/env bash
# The short run of each fuzz target that `make test` makes (`make fuzz` runs them long): the
# CSV reader, the answers-file loader and the renderers.
#   1. every seed of its corpus and every crash ever found (tests/fuzz/regressions/NAME: kept
#      apart, as they are slow under the sanitizers) replayed through the plain driver built with the normal compiler ($BUILD/tests/fuzz_replay_NAME, tests/fuzz/replay.c);
#   2. the libFuzzer build ($BUILD/fuzz/fuzz_NAME, clang with ASan and UBSan; `make test`
#      builds it, clang comes with scripts/install-deps --test) for FUZZ_SMOKE_SECONDS (default 2)
#      from the seeds, new inputs kept in this test's scratch folder.
# A finding stops the driver (abort): the test fails naming the input.
set -u
build=${CAIRN_TEST_BUILD:-build}
case "$build" in /*) ;; *) build=$CAIRN_TESTS/../$build ;; esac
seconds=${FUZZ_SMOKE_SECONDS:-2}
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "#   $l"; done; }
seeds() {
  case $1 in
    csv) echo "$CAIRN_TESTS/survey/fuzz/corpus" ;;
    *) echo "$CAIRN_TESTS/fuzz/corpus/$1" ;;
  esac
}

for name in csv answers render; do
  corpus=$(seeds $name)
  inputs=("$corpus")
  [ -d "$CAIRN_TESTS/fuzz/regressions/$name" ] && inputs+=("$CAIRN_TESTS/fuzz/regressions/$name")
  count=$(find "${inputs[@]}" -type f ! -name '.*' | wc -l)
  replay=$build/tests/fuzz_replay_$name
  if [ ! -x "$replay" ]; then
    not_ok "$name: the replay driver $replay is built (make builds it)"
  else
    "$replay" "${inputs[@]}" > replay-$name.out 2> replay-$name.err
    status=$?
    replayed=$(grep -c '^ok ' replay-$name.out)
    if [ $status -eq 0 ] && [ "$replayed" = "$count" ]; then
      ok "$name: the $count inputs of its corpus and regressions replay cleanly"
    else
      not_ok "$name: the corpus replays cleanly (status $status, $replayed of $count)" \
        "last input: $(grep '^# ' replay-$name.err | tail -n 1)" "$(grep -A3 FINDING replay-$name.err | head -n 4)"
    fi
  fi
  fuzzer=$build/fuzz/fuzz_$name
  if [ ! -x "$fuzzer" ]; then
    echo "ok $((n += 1)) - $name: libFuzzer # skip $fuzzer not built (make test builds it when clang is installed)"
    continue
  fi
  mkdir -p new-$name
  "$fuzzer" -max_total_time="$seconds" -timeout=20 -artifact_prefix="$PWD/" new-$name "$corpus" > fuzz-$name.log 2>&1
  status=$?
  runs=$(grep -oE '^#[0-9]+' fuzz-$name.log | tail -n 1 | tr -d '#')
  if [ $status -eq 0 ]; then
    ok "$name: libFuzzer ran $seconds s without a finding (${runs:-0} inputs)"
  else
    not_ok "$name: libFuzzer ran $seconds s without a finding (status $status)" \
      "$(grep -E 'FINDING|ERROR|SUMMARY' fuzz-$name.log | head -n 3)" "$(ls crash-* leak-* timeout-* 2>/dev/null | head -n 3)"
  fi
done
echo "1..$n"
