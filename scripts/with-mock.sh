#!/usr/bin/env bash
# Runs a command with the Signal mock gateway (tests/fixtures/signal_mock.php) listening on a
# free port of 127.0.0.1. The command sees TFG_MOCK_URL (http://127.0.0.1:PORT) and
# TFG_MOCK_DIR (where the mock records requests). The mock is stopped afterwards, always.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
PHP=${PHP:-php}
export TFG_MOCK_DIR=${TFG_MOCK_DIR:-$root/target/mock}
rm -rf "$TFG_MOCK_DIR"
mkdir -p "$TFG_MOCK_DIR"

port=$($PHP -n -r '$s = stream_socket_server("tcp://127.0.0.1:0"); echo explode(":", stream_socket_get_name($s, false))[1];')
PHP_CLI_SERVER_WORKERS=${PHP_CLI_SERVER_WORKERS:-4} \
  $PHP -n -S "127.0.0.1:$port" "$root/tests/fixtures/signal_mock.php" >"$TFG_MOCK_DIR/server.log" 2>&1 &
mock_pid=$!
trap 'kill "$mock_pid" 2>/dev/null; wait "$mock_pid" 2>/dev/null || true' EXIT

# Wait for it to listen: at most 50 tries, 0.1 s apart.
for _ in $(seq 1 50); do
  if $PHP -n -r 'exit(@fsockopen("127.0.0.1", (int)$argv[1]) ? 0 : 1);' "$port"; then
    break
  fi
  sleep 0.1
done
kill -0 "$mock_pid" 2>/dev/null || { echo "with-mock: the mock server did not start" >&2; cat "$TFG_MOCK_DIR/server.log" >&2; exit 1; }

export TFG_MOCK_URL="http://127.0.0.1:$port"
"$@"
