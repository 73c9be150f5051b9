#!/bin/sh
# The hot-path check must reject tests/hotpath/bad_sample.cpp, naming each
# kind of problem with its line, and accept nothing else in it.
out=$("$1" "$2" -- -std=c++20 2>&1)
status=$?
fail() { echo "hotpath-check: $1"; echo "$out"; exit 1; }
[ "$status" -eq 1 ] || fail "expected exit status 1, got $status"
for what in "a virtual call" "a heap allocation" "a map keyed by strings" "a throw"; do
  echo "$out" | grep -q "error: $what in the per-record function 'Program::on_trades_0'" || fail "did not report $what"
done
echo "$out" | grep -q "error: a heap allocation in the per-record function 'probe_trades'" ||
  fail "did not report the allocation in a probe function"
echo "$out" | grep -q "bad_runtime.h:12:.*error: a heap allocation in the per-record function 'run_group'" ||
  fail "did not report the allocation in a marked runtime loop"
echo "$out" | grep -q "bad_runtime.h:13:.*error: a heap allocation in the per-record function 'the lambda in run_group'" ||
  fail "did not report the allocation in a lambda of a marked runtime loop"
echo "$out" | grep -q "open_scan" && fail "reported an unmarked runtime function"
echo "$out" | grep -q "helper" && fail "reported a function that is not per-record"
[ "$(echo "$out" | grep -c "in the per-record function 'scan_trades'")" -eq 0 ] || fail "reported the scan's set-up"
echo "hotpath-check rejected the bad sample: $(echo "$out" | grep -c error:) problems"
