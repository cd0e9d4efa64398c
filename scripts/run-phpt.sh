#!/usr/bin/env bash
# Runs the .phpt tests against the built extension and ends with "phpt: N passed, N failed".
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
PHP=${PHP:-php}
so=${1:?usage: run-phpt.sh path/to/extension.so}
run_tests="$($PHP-config --extension-dir)/build/run-tests.php"
log="$root/target/phpt.log"

TFG_EXTENSION="$so" NO_INTERACTION=1 $PHP "$run_tests" -q -n --no-color --show-diff -d "extension=$so" "$root/tests/phpt" >"$log" 2>&1
rc=$?
# The test names and outcomes, plus the diff of any failure.
grep -oE '(PASS|FAIL|SKIP|BORK|LEAK|WARN) .*$|^[0-9]{3}[+-] .*' "$log"
passed=$(awk '/^Tests passed/ {print $4}' "$log")
failed=$(awk '/^Tests failed/ {print $4}' "$log")
skipped=$(awk '/^Tests skipped/ {print $4}' "$log")
if [ -z "$passed" ]; then
  echo "run-tests.php produced no summary; its output:"
  cat "$log"
  rc=1
fi
echo "phpt: ${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit $rc
